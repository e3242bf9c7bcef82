//! Key terms turned round: two terms of one set that the model answer tells apart by
//! the words it gives each ("the Sandbox (the isolated network namespace), the Endpoint
//! (the network interface)"; "the default seccomp profile blocks dangerous system
//! calls" beside "Docker splits root's power into capabilities"). An answer that names
//! both and gives each more of the other's words than of its own ("the Sandbox is the
//! network interface and the Endpoint the namespace") contradicts the model answer,
//! whatever concepts it names. [`roles`](super::roles) does the same for two numbers.
//!
//! The terms come from [`TERM_SETS`], built in: things of the register that a model
//! answer contrasts and a learner can mix up, written from how Docker and Linux work,
//! not from any learner's answer. A set counts for a question when its model answer
//! names at least two of its terms, each with words of its own.
//!
//! A term's words are the content words of its segment (see
//! [`Place`](crate::grade::token::Place)) from it up to the next term there; the words
//! before a segment's first term are that term's too (the subject of "what is lost is
//! the volume" comes last). A term's *own* words are those the model answer gives it
//! and no other term of its set. A negation and what follows it in the segment tie
//! nothing ("the Endpoint is not the namespace" ties the Endpoint to nothing). Both terms must be turned round: an answer whose
//! one term runs into the other's words in a long sentence is often still right.
//!
//! A rubric derived from a model answer (no author named its concepts) also gets the
//! model answer's own **key terms** ([`Terms::derived`]): the head of each clause, and
//! separately of each sentence, that is a word it says only once, or again only after
//! its own label ("continuous *delivery* ... but a person approves", "and the *kubelet*
//! on that node pulls the image", "but *I/O-bound* threads still help", "*ipc*: its
//! own System V IPC"). A key term's words run from the first
//! term of a segment to the next segment with a term of its own; a clause opened by
//! *which* or *who* belongs to the term just before it (to none when another word is
//! just before it), one opened by *it* or *they* to the term before. The words the model answer ties to a key term under the negation of
//! a verb are what it *denies* of it ("CPU-bound threads do not run in parallel"; not
//! "no host port"): an answer that states most of them of that term plainly, two words
//! at least, contradicts it too. And the sides a long model answer keeps coming back to
//! ("the *primary* ... on the *standby*", "the *public* key ... the *private* key") are
//! key terms in pairs ([`Reach::Near`], see [`paired`]): each word of a segment belongs to
//! the nearer of the two, and the same turned-round test applies.
//! A long model answer's subjects given each other's predicates are swapped too
//! ([`subjects`]).

mod subjects;

use super::Contradiction;
use crate::grade::matcher::PreparedAnswer;
use crate::grade::negation::tells_apart;
use crate::grade::token::{Class, Parts, Token, tokenize};
use crate::lang::is_determiner;
use rust_stemmers::Stemmer;
use rustc_hash::FxHashSet;
use std::collections::HashMap;
use std::sync::Arc;

/// A set of terms a model answer may tell apart, each a list of spellings.
pub struct TermSet {
    /// What the terms are ("CNM component").
    pub role: &'static str,
    pub terms: &'static [&'static [&'static str]],
}

/// The built-in sets of terms that are told apart by what each does or holds.
pub const TERM_SETS: &[TermSet] = &[
    TermSet {
        role: "CNM component",
        terms: &[&["sandbox", "sandboxes"], &["endpoint", "endpoints"]],
    },
    TermSet {
        role: "kernel guard",
        terms: &[
            &["capability", "capabilities"],
            &["seccomp"],
            &["apparmor", "selinux"],
        ],
    },
    TermSet {
        role: "kernel feature",
        terms: &[&["namespace", "namespaces"], &["cgroup", "cgroups"]],
    },
    TermSet {
        role: "storage",
        terms: &[
            &["layer", "layers"],
            &["volume", "volumes", "named volume", "named volumes"],
            &["bind mount", "bind mounts"],
            &["tmpfs"],
        ],
    },
    TermSet {
        role: "Compose start condition",
        terms: &[
            &["service_healthy"],
            &["service_started"],
            &["service_completed_successfully"],
        ],
    },
    TermSet {
        role: "orchestrator",
        terms: &[&["kubernetes", "k8s"], &["swarm"], &["compose"]],
    },
    TermSet {
        role: "Dockerfile instruction",
        terms: &[&["cmd"], &["entrypoint"]],
    },
    TermSet {
        role: "cgroup version",
        terms: &[&["v1", "cgroup v1"], &["v2", "cgroup v2"]],
    },
    TermSet {
        role: "base image",
        terms: &[&["alpine"], &["distroless"], &["scratch"]],
    },
];

/// The sets of a model answer whose terms it tells apart.
#[derive(Default)]
pub(super) struct Terms {
    groups: Vec<Group>,
    /// Who does what to whom in a long model answer (derived rubrics only).
    order: Option<Order>,
    /// What the model answer says is the same and what differs (derived rubrics only).
    sameness: Option<Sameness>,
    /// What a long model answer says of each of its subjects (derived rubrics only).
    subjects: Option<subjects::Subjects>,
}

struct Group {
    role: &'static str,
    terms: Vec<Term>,
    /// How far a term's words run: `None` for a built-in set (to the next term), or
    /// the stretch the model answer's key terms were found in.
    reach: Option<Reach>,
}

struct Term {
    label: String,
    /// The stems of each spelling.
    spellings: Vec<Vec<Arc<str>>>,
    /// The stems the model answer ties to this term and to no other of its set.
    own: Vec<Arc<str>>,
    /// The stems the model answer ties to this term only under a negation (key terms
    /// only).
    denied: Vec<Arc<str>>,
    /// Those of them that a negation denies first: the verbs.
    denied_verbs: Vec<Arc<str>>,
}

/// The stretch of text whose head is a key term of a derived rubric.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Reach {
    /// A segment (see [`Place`](crate::grade::token::Place)).
    Clause,
    Sentence,
    /// A word belongs to the nearer of two paired terms in its segment (see
    /// [`paired`]).
    Near,
    /// Two [`twins`]: as [`Reach::Sentence`], and a word under a negation is tied as
    /// its own word, `¬` and its stem ("*no* capacity" is one twin's, "a capacity" the
    /// other's).
    Twin,
}

/// One word tied to a term: (term, stem, how it is said). An empty stem marks the
/// term's presence.
type Tie = (usize, Arc<str>, Said);

/// How a tied word is said.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Said {
    Plainly,
    /// Under a verb's negation (see [`denies`]); `first`: the first content word after
    /// the cue, the verb it denies ("does not *wait* until db is ready").
    Denied {
        first: bool,
    },
}

/// The stems of each spelling of a term, one list per spelling.
type Spellings = Vec<Vec<Arc<str>>>;

/// The [`Spellings`] of each term of each of [`TERM_SETS`], in order: worked out once
/// per lexicon (see `Lexicon::term_stems`), not per question.
pub(super) fn stems(stemmer: &Stemmer) -> Vec<Vec<Spellings>> {
    TERM_SETS
        .iter()
        .map(|set| {
            set.terms
                .iter()
                .map(|spellings| {
                    spellings
                        .iter()
                        .map(|s| {
                            let words = tokenize(s, stemmer, Parts::Skip);
                            words.iter().map(|t| t.stem.clone()).collect()
                        })
                        .collect()
                })
                .collect()
        })
        .collect()
}

/// Whether one of `spellings` may be spelt in `text`: its first word is there. Ties
/// are made only from spelt terms, so a term that fails this has none.
fn may_spell(spellings: &Spellings, text: &PreparedAnswer) -> bool {
    spellings.iter().any(|spelling| {
        spelling
            .first()
            .is_some_and(|first| text.tokens().iter().any(|t| !t.part && t.stem == *first))
    })
}

impl Terms {
    /// The sets of which `model` names two terms or more, each with words of its own;
    /// `stems` are [`stems`].
    pub(super) fn new(model: &PreparedAnswer, stems: &[Vec<Spellings>]) -> Terms {
        let groups = TERM_SETS
            .iter()
            .zip(stems)
            .filter_map(|(set, stems)| {
                // A set whose model answer spells fewer than two terms tells none apart.
                if stems.iter().filter(|s| may_spell(s, model)).take(2).count() < 2 {
                    return None;
                }
                let terms = set
                    .terms
                    .iter()
                    .zip(stems)
                    .map(|(spellings, stems)| (spellings[0].to_owned(), stems.clone()))
                    .collect();
                Group::new(set.role, terms, model, None)
            })
            .collect();
        Terms {
            groups,
            order: None,
            sameness: None,
            subjects: None,
        }
    }

    /// [`Terms::new`] with, for a derived rubric, the model answer's own key terms
    /// (see the module's doc), found by clause and by sentence; `question` is the prompt.
    pub(super) fn derived(
        model: &PreparedAnswer,
        question: &PreparedAnswer,
        stems: &[Vec<Spellings>],
    ) -> Terms {
        let mut terms = Terms::new(model, stems);
        for reach in [Reach::Clause, Reach::Sentence] {
            let heads = heads(model, reach);
            if heads.len() >= 2 {
                terms
                    .groups
                    .extend(Group::new("key term", heads, model, Some(reach)));
            }
        }
        let paired = paired(model);
        for (i, a) in paired.iter().enumerate() {
            for b in &paired[i + 1..] {
                let (a_stem, b_stem) = (&a.1[0][0], &b.1[0][0]);
                if adjacent(model, a_stem, b_stem) || !one_kind(model, a_stem, b_stem) {
                    continue;
                }
                let pair = vec![a.clone(), b.clone()];
                terms
                    .groups
                    .extend(Group::new("key term", pair, model, Some(Reach::Near)));
            }
        }
        let twins = twins(model);
        for twin in twins.iter().filter(|t| t.subjects) {
            let pair = twin.terms.to_vec();
            terms
                .groups
                .extend(Group::new("key term", pair, model, Some(Reach::Twin)));
        }
        terms.order = Order::new(model, &twins);
        terms.sameness = Sameness::new(model);
        terms.subjects = subjects::Subjects::new(model, question);
        terms
    }

    /// The first pair of terms `answer` turns round, if any.
    pub(super) fn check(&self, answer: &PreparedAnswer) -> Option<Contradiction> {
        self.groups
            .iter()
            .find_map(|g| g.check(answer))
            .or_else(|| self.order.as_ref()?.check(answer))
            .or_else(|| self.sameness.as_ref()?.check(answer))
            .or_else(|| self.subjects.as_ref()?.check(answer))
    }
}

/// The words that say two things are one and the same (`true`) or not (`false`).
fn sameness_word(word: &str) -> Option<bool> {
    match word {
        "same" => Some(true),
        "different" | "separate" | "distinct" => Some(false),
        _ => None,
    }
}

/// One thing a text says is the same, or not: the content word right after *same*
/// (or *different*, *separate*, *distinct*) in its clause, outside a negation.
struct Shared {
    /// The stem of the word after.
    stem: Arc<str>,
    /// Said to be the same (else different).
    same: bool,
    /// The two words as written ("different variables").
    text: String,
}

/// The [`Shared`] things of `text`, in order.
fn shared_things(text: &PreparedAnswer) -> Vec<Shared> {
    let tokens = text.tokens();
    let mut out = Vec::new();
    for (i, t) in tokens.iter().enumerate() {
        let Some(same) = sameness_word(&t.norm).filter(|_| !t.part && !text.negated(i)) else {
            continue;
        };
        let Some(j) = (i + 1..tokens.len()).find(|&j| !tokens[j].part) else {
            continue;
        };
        let next = &tokens[j];
        if next.place.clause != t.place.clause || next.class != Class::Word || !content(next) {
            continue;
        }
        out.push(Shared {
            stem: next.stem.clone(),
            same,
            text: format!("{} {}", text.word(i), text.word(j)),
        });
    }
    out
}

/// What a model answer says is the same and what differs: "two threads write to
/// *different* variables on the *same* cache line", "the replicas run on *different*
/// hosts from the *same* image". An answer that says two of those things the other way
/// round, one of each side ("the *same* variable on *different* cache lines"), and
/// neither of them also the model answer's way, turns round what is shared and what is
/// not, whatever words it gets right. One thing said the other way is not enough: "on
/// the same core" may be another case the answer goes on to, not the model answer's.
struct Sameness {
    /// The things the model answer says one way only.
    said: Vec<Shared>,
}

impl Sameness {
    /// What `model` says is the same and what differs, when it says both.
    fn new(model: &PreparedAnswer) -> Option<Sameness> {
        let mut said = shared_things(model);
        let both: Vec<Arc<str>> = said
            .iter()
            .filter(|a| said.iter().any(|b| b.stem == a.stem && b.same != a.same))
            .map(|a| a.stem.clone())
            .collect();
        said.retain(|a| !both.contains(&a.stem));
        let sides = said.iter().any(|a| a.same) && said.iter().any(|a| !a.same);
        sides.then_some(Sameness { said })
    }

    /// The contradiction when `answer` turns two things round, one of each side.
    fn check(&self, answer: &PreparedAnswer) -> Option<Contradiction> {
        let stated = shared_things(answer);
        // (the answer's thing, the model answer's) for each thing turned round.
        let turned: Vec<(&Shared, &Shared)> = stated
            .iter()
            .filter_map(|a| {
                let model = self.said.iter().find(|m| m.stem == a.stem)?;
                let kept = stated
                    .iter()
                    .any(|b| b.stem == a.stem && b.same == model.same);
                (model.same != a.same && !kept).then_some((a, model))
            })
            .collect();
        let same = turned.iter().find(|(a, _)| a.same)?;
        let different = turned.iter().find(|(a, _)| !a.same)?;
        Some(Contradiction {
            role: "same or different".to_owned(),
            said: same.0.text.clone(),
            model: format!(
                "\"{}\", and \"{}\" for \"{}\" (what is shared and what is not, turned round)",
                same.1.text, different.1.text, different.0.text
            ),
            anchor: None,
            matched: vec![same.0.text.clone(), different.0.text.clone()],
        })
    }
}

/// A model answer with more distinct content words than this is long (as
/// `DeriveOptions::carry` counts): its clauses say who does what to whom, and [`Order`]
/// holds it to that.
const LONG_MODEL: usize = 24;

/// How many content words apart the two terms of an [`Order`] triple may stand, at
/// most: who does what to whom is said within a few words.
const ORDER_WINDOW: usize = 6;

/// How many words an answer must turn round between the same two terms, at least, with
/// none kept the model answer's way: one or two are often a verb said the other way
/// ("RAM overflows to disk" for "disk space used as overflow for RAM"; with two, a
/// right answer of `docker-holdout2` failed). A comparative turned round ("the disk is
/// faster than the drive") is enough alone.
const MIN_TURNED: usize = 3;

/// [`MIN_TURNED`] for two [`twins`]: the model answer sets them against each other, so
/// two words turned round between them ("the origin fetches the object from the edge"
/// for "the edge fetches the object from the origin") swap their roles.
const MIN_TWIN_TURNED: usize = 2;

/// The roles a long model answer gives its terms in each clause: for two terms (words it
/// says in two segments or more) `a` and `b` of a segment, with `a` first, each word `v`
/// between them is said with `a` before it (its subject, in an active clause) and `b`
/// after it (its object). An
/// answer that says `b`, `v`, `a` in that order in its segments, for [`MIN_TURNED`]
/// words `v` at least (or a comparative) and for none the model answer's way round, gives each of the two the other's role
/// ("each consumer is assigned to exactly one partition, and a group with more
/// partitions than consumers leaves the extra partitions idle" for "each partition ...
/// is assigned to exactly one consumer ... a group with more consumers than partitions
/// leaves the extra consumers idle"). A segment with a negation is left out of both
/// texts, as in [`roles`](super::roles): "the consumer is not assigned to one
/// partition" says nothing of who is assigned to whom.
struct Order {
    /// The model answer's content stems, sorted: a word's number is its place here.
    stems: Vec<Arc<str>>,
    /// Per number, whether the model answer says the word in two segments or more: a
    /// term it keeps coming back to, which only can take another's place.
    terms: Vec<bool>,
    /// (a, v, b) for each `v` between terms `a` and `b` in a segment of the model
    /// answer.
    triples: FxHashSet<(u16, u16, u16)>,
    /// The numbers of [`twins`] that are terms, the smaller first: two words the model
    /// answer contrasts, which [`MIN_TWIN_TURNED`] words turned round already swap.
    twins: Vec<(u16, u16)>,
}

impl Order {
    /// The order of `model`'s words, when it is long.
    fn new(model: &PreparedAnswer, twins: &[Twin]) -> Option<Order> {
        let tokens = model.tokens();
        let mut stems: Vec<Arc<str>> = tokens
            .iter()
            .filter(|t| ordered(t))
            .map(|t| t.stem.clone())
            .collect();
        stems.sort_unstable();
        stems.dedup();
        if stems.len() <= LONG_MODEL || stems.len() > usize::from(u16::MAX) {
            return None;
        }
        let mut order = Order {
            terms: vec![false; stems.len()],
            stems,
            triples: FxHashSet::default(),
            twins: Vec::new(),
        };
        let mut seen: Vec<Option<u32>> = vec![None; order.stems.len()];
        for (i, token) in tokens.iter().enumerate() {
            if let Some(n) = order
                .number(token)
                .filter(|_| ordered(token) && !token.part)
            {
                let n = usize::from(n);
                let segment = tokens[i].place.segment;
                order.terms[n] |= seen[n].is_some_and(|s| s != segment);
                seen[n] = Some(segment);
            }
        }
        let mut triples = FxHashSet::default();
        for segment in order.segments(model) {
            each_triple(tokens, &segment, &order.terms, |a, v, b| {
                triples.insert((a.0, v.0, b.0));
            });
        }
        order.triples = triples;
        let number = |stem: &Arc<str>| {
            let at = order.stems.binary_search(stem).ok()?;
            order.terms[at].then(|| u16::try_from(at).ok()).flatten()
        };
        order.twins = twins
            .iter()
            .filter_map(|twin| {
                let [a, b] = &twin.stems;
                let (a, b) = (number(a)?, number(b)?);
                Some((a.min(b), a.max(b)))
            })
            .collect();
        (!order.triples.is_empty()).then_some(order)
    }

    /// The number of `token`'s stem, when the model answer says it.
    fn number(&self, token: &Token) -> Option<u16> {
        let at = self.stems.binary_search(&token.stem).ok()?;
        u16::try_from(at).ok()
    }

    /// Per segment of `text` without a negation, the (number, token) of its words that
    /// the model answer says, in order. A segment opened by *which* or *who* starts
    /// with the word it follows, its antecedent: "read back from disk, which is slower
    /// than memory" says *slower* of the disk, not of the sentence's subject.
    fn segments(&self, text: &PreparedAnswer) -> Vec<Vec<(u16, usize)>> {
        let tokens = text.tokens();
        super::roles::segments(tokens)
            .filter(|segment| {
                segment
                    .clone()
                    .all(|i| !tokens[i].is_negation() && !text.negated(i))
            })
            .map(|segment| {
                let antecedent = segment
                    .clone()
                    .find(|&i| !tokens[i].part)
                    .filter(|&i| relative(&tokens[i].norm))
                    .and_then(|i| antecedent(text, i))
                    .and_then(|a| Some((self.number(&tokens[a])?, a)));
                antecedent
                    .into_iter()
                    .chain(
                        segment
                            .filter(|&i| !tokens[i].part && ordered(&tokens[i]))
                            .filter_map(|i| Some((self.number(&tokens[i])?, i))),
                    )
                    .collect()
            })
            .filter(|words: &Vec<(u16, usize)>| words.len() >= 3)
            .collect()
    }

    /// Two words `answer` turns round (see [`Order`]), if any.
    fn check(&self, answer: &PreparedAnswer) -> Option<Contradiction> {
        let segments = self.segments(answer);
        if segments.is_empty() {
            return None;
        }
        // The pairs of words kept the model answer's way round anywhere; per pair, the
        // words between them turned round, and where.
        let mut kept_pairs: Vec<(u16, u16)> = Vec::new();
        let mut pairs: Vec<Turned> = Vec::new();
        for segment in &segments {
            each_triple(answer.tokens(), segment, &self.terms, |a, v, b| {
                let key = (a.0.min(b.0), a.0.max(b.0));
                if self.triples.contains(&(a.0, v.0, b.0)) {
                    kept_pairs.push(key);
                    return;
                }
                if !self.triples.contains(&(b.0, v.0, a.0))
                    || voice_turned(answer.tokens(), a.1, v.1, b.1)
                {
                    return;
                }
                let at = match pairs.iter().position(|p| p.key == key) {
                    Some(at) => at,
                    None => {
                        pairs.push(Turned {
                            key,
                            comparative: false,
                            between: Vec::new(),
                            at: (a.1, b.1),
                        });
                        pairs.len() - 1
                    }
                };
                let pair = &mut pairs[at];
                if !pair.between.iter().any(|(n, _)| *n == v.0) {
                    pair.between.push(v);
                    pair.comparative |= comparative(answer.tokens(), v.1, b.1);
                }
            });
        }
        let pair = pairs.iter().find(|p| {
            let least = if self.twins.contains(&p.key) {
                MIN_TWIN_TURNED
            } else {
                MIN_TURNED
            };
            !kept_pairs.contains(&p.key) && (p.comparative || p.between.len() >= least)
        })?;
        let (a, b) = pair.at;
        let between = &pair.between;
        Some(Contradiction {
            role: "key term".to_owned(),
            said: answer.word(a).to_owned(),
            model: format!("`{}` in that place (the two turned round)", answer.word(b)),
            anchor: None,
            matched: between
                .iter()
                .map(|&(_, t)| answer.word(t).to_owned())
                .collect(),
        })
    }
}

/// Whether the answer's words from `a` to `b` may say the model answer's order the
/// other way round, with `v` between them: a passive (*by* between `v` and `b`: "the
/// memory is given back to the allocator by the sweeper") or a comparative (*than*
/// between `a` and `b`, where only the comparative right before it says who is more:
/// "the disk is a hundred times slower than the drive" turns *hundred* and *times* of
/// "the drive is a hundred times faster than the disk", and says the same).
fn voice_turned(tokens: &[Token], a: usize, v: usize, b: usize) -> bool {
    let by = (v + 1..b).any(|i| !tokens[i].part && &*tokens[i].norm == "by");
    let than = (a + 1..b).any(|i| !tokens[i].part && &*tokens[i].norm == "than");
    by || (than && !comparative(tokens, v, b))
}

/// Whether *than* follows `v` at once, before `b`: `v` is a comparative.
fn comparative(tokens: &[Token], v: usize, b: usize) -> bool {
    (v + 1..b)
        .find(|&i| !tokens[i].part)
        .is_some_and(|i| &*tokens[i].norm == "than")
}

/// Two words of an answer in [`Order::check`].
struct Turned {
    /// Their numbers, the smaller first.
    key: (u16, u16),
    /// A comparative between them is turned round ("slower than"): that alone says
    /// which is more.
    comparative: bool,
    /// The words between them turned round: (number, token).
    between: Vec<(u16, usize)>,
    /// The tokens of the two, where the answer first turns them round.
    at: (usize, usize),
}

/// Calls `f(a, v, b)` for each three words of `words` (numbers and tokens of `tokens`)
/// in order, distinct, with `a` and `b` [`Order`] terms at most [`ORDER_WINDOW`] words
/// apart and not [`coordinated`].
fn each_triple(
    tokens: &[Token],
    words: &[(u16, usize)],
    terms: &[bool],
    mut f: impl FnMut((u16, usize), (u16, usize), (u16, usize)),
) {
    for i in 0..words.len() {
        if !terms[usize::from(words[i].0)] {
            continue;
        }
        for k in i + 2..words.len().min(i + ORDER_WINDOW + 1) {
            let (a, b) = (words[i], words[k]);
            if a.0 == b.0 || !terms[usize::from(b.0)] || coordinated(tokens, a.1, b.1) {
                continue;
            }
            for &v in &words[i + 1..k] {
                if v.0 != a.0 && v.0 != b.0 {
                    f(a, v, b);
                }
            }
        }
    }
}

/// Whether *and* or *or* stands between tokens `a` and `b`: the two are in a list
/// ("the build output for cache misses and docker history for layer sizes"), side by
/// side, not one the subject and the other the object of the words between.
fn coordinated(tokens: &[Token], a: usize, b: usize) -> bool {
    tokens[a + 1..b]
        .iter()
        .any(|t| !t.part && matches!(&*t.norm, "and" | "or"))
}

/// A word that takes a place in [`Order`]: a content word, as said.
fn ordered(token: &Token) -> bool {
    content(token) && token.class == Class::Word && !token.glued
}

impl Group {
    /// The group of `terms` (label, spellings) with the words `model` ties to each,
    /// when it tells two of them apart (or denies a key term two words).
    fn new(
        role: &'static str,
        terms: Vec<(String, Spellings)>,
        model: &PreparedAnswer,
        reach: Option<Reach>,
    ) -> Option<Group> {
        let mut terms: Vec<Term> = terms
            .into_iter()
            .map(|(label, spellings)| Term {
                label,
                spellings,
                own: Vec::new(),
                denied: Vec::new(),
                denied_verbs: Vec::new(),
            })
            .collect();
        let ties = ties(model, &terms, reach);
        let plain: Vec<(usize, Arc<str>)> = ties
            .iter()
            .filter(|(_, _, said)| *said == Said::Plainly)
            .map(|(t, s, _)| (*t, s.clone()))
            .collect();
        for (i, term) in terms.iter_mut().enumerate() {
            term.own = plain
                .iter()
                .filter(|(t, s)| *t == i && !plain.iter().any(|(u, r)| *u != i && r == s))
                .map(|(_, s)| s.clone())
                .collect();
            term.own.sort_unstable();
            term.own.dedup();
            if matches!(reach, Some(Reach::Clause | Reach::Sentence)) {
                let denied = |verb: bool| {
                    let mut stems: Vec<Arc<str>> = ties
                        .iter()
                        .filter(|(t, s, said)| match said {
                            Said::Denied { first } => {
                                *t == i && (*first || !verb) && !plain.contains(&(i, s.clone()))
                            }
                            Said::Plainly => false,
                        })
                        .map(|(_, s, _)| s.clone())
                        .collect();
                    stems.sort_unstable();
                    stems.dedup();
                    stems
                };
                term.denied = denied(false);
                term.denied_verbs = denied(true);
            }
        }
        if reach == Some(Reach::Twin) {
            // A word denied of one twin is a role only where the other has it plainly
            // ("*no* capacity" and "a capacity"); else it is a word like any other.
            let plain: Vec<Vec<Arc<str>>> = terms.iter().map(|t| t.own.clone()).collect();
            for (i, term) in terms.iter_mut().enumerate() {
                term.own.retain(|s| match s.strip_prefix('¬') {
                    Some(w) => plain
                        .iter()
                        .enumerate()
                        .any(|(k, own)| k != i && own.iter().any(|o| **o == *w)),
                    None => true,
                });
            }
        }
        let told_apart = terms.iter().filter(|t| !t.own.is_empty()).count();
        let denies = terms.iter().any(|t| t.denied.len() >= MIN_DENIED);
        (told_apart >= 2 || denies).then_some(Group { role, terms, reach })
    }

    fn check(&self, answer: &PreparedAnswer) -> Option<Contradiction> {
        // Two terms with words of their own must both be spelt (or one the model answer
        // denies words of): most answers spell one or none, and need no ties worked out.
        let spelt = |term: &&Term| !term.own.is_empty() && may_spell(&term.spellings, answer);
        let denied =
            |term: &Term| term.denied.len() >= MIN_DENIED && may_spell(&term.spellings, answer);
        let swappable = self.terms.iter().filter(spelt).take(2).count() >= 2;
        if !swappable && !self.terms.iter().any(denied) {
            return None;
        }
        if self.reach == Some(Reach::Near) && names_one_by_other(answer, &self.terms) {
            return None;
        }
        let ties: Vec<(usize, Arc<str>)> = ties(answer, &self.terms, self.reach)
            .into_iter()
            .filter(|(_, _, said)| *said == Said::Plainly)
            .map(|(t, s, _)| (t, s))
            .collect();
        let carried: Vec<Vec<&Arc<str>>> = (0..self.terms.len())
            .map(|i| super::roles::carried(&ties, &i))
            .collect();
        if let Some(hit) = self.denial_stated(answer, &carried) {
            return Some(hit);
        }
        if !swappable {
            return None;
        }
        let count =
            |stems: &[&Arc<str>], of: &Term| stems.iter().filter(|s| of.own.contains(s)).count();
        for (a, term_a) in self.terms.iter().enumerate() {
            for (b, term_b) in self.terms.iter().enumerate() {
                if a == b || term_a.own.is_empty() || term_b.own.is_empty() {
                    continue;
                }
                let (at_a, at_b) = (&carried[a], &carried[b]);
                // Strictly both: a term's description often names the other's word
                // once ("a sandbox (the namespace with its interfaces)").
                if count(at_a, term_b) > count(at_a, term_a)
                    && count(at_b, term_a) > count(at_b, term_b)
                {
                    let matched = super::roles::answer_words(answer, at_a, &term_b.own);
                    return Some(Contradiction {
                        role: self.role.to_owned(),
                        said: term_a.label.clone(),
                        model: format!("`{}` for that (the two turned round)", term_b.label),
                        anchor: None,
                        matched,
                    });
                }
            }
        }
        None
    }

    /// A key term the answer states plainly with most of the words the model answer
    /// denies of it ("CPU-bound threads run in parallel", where the model answer says
    /// they do not).
    fn denial_stated(
        &self,
        answer: &PreparedAnswer,
        carried: &[Vec<&Arc<str>>],
    ) -> Option<Contradiction> {
        self.terms.iter().zip(carried).find_map(|(term, at)| {
            let stated = at.iter().filter(|s| term.denied.contains(s)).count();
            // The verb denied must be stated: "a hard link stays on its file system" does
            // not say that it crosses file systems.
            let verb = at.iter().any(|s| term.denied_verbs.contains(s));
            if !verb
                || term.denied.len() < MIN_DENIED
                || stated < MIN_DENIED
                || 2 * stated <= term.denied.len()
            {
                return None;
            }
            let matched = super::roles::answer_words(answer, at, &term.denied);
            let words: Vec<String> = matched.iter().map(|w| format!("`{w}`")).collect();
            Some(Contradiction {
                role: self.role.to_owned(),
                said: term.label.clone(),
                model: format!(
                    "the opposite of {} (under a negation)",
                    crate::lang::prose_list(&words, "and")
                ),
                anchor: None,
                matched,
            })
        })
    }
}

/// How many of the words a model answer denies of a key term an answer must state of
/// it plainly, at least: one word alone is too often said of it in another sense.
const MIN_DENIED: usize = 2;

/// Negation cues that deny a verb ("does not wait", "never restarts", "isnt"), not a
/// noun ("no host port") or a preposition ("without").
fn denies(cue: &str) -> bool {
    matches!(cue, "not" | "never" | "cannot") || cue.len() > 3 && cue.ends_with("nt")
}

/// Words that open a clause about the term just before it.
fn relative(word: &str) -> bool {
    matches!(word, "which" | "who")
}

/// The word right before the relative pronoun at `i`, in its sentence, when it is a
/// word that can take a place in [`Order`] and no negation governs it: what the
/// clause *which* opens is said of.
fn antecedent(text: &PreparedAnswer, i: usize) -> Option<usize> {
    let tokens = text.tokens();
    let a = (0..i).rev().find(|&a| !tokens[a].part)?;
    let token = &tokens[a];
    (token.place.sentence == tokens[i].place.sentence && ordered(token) && !text.negated(a))
        .then_some(a)
}

/// Words that open a clause about the term of the clause before.
fn pronoun(word: &str) -> bool {
    matches!(word, "it" | "they" | "this" | "these")
}

/// A word that can head a clause: a content word or a code token, as said (not a part).
fn content(token: &Token) -> bool {
    !token.part
        && !token.stop
        && !token.is_negation()
        && matches!(token.class, Class::Word | Class::Code)
}

/// The key terms of `model` for `reach` (label, spellings): per clause or per sentence,
/// the first of its first two content words that it says only once (or again only
/// after its own label, in that clause), before any negation; for a clause opened by *which* or *who*, its antecedent,
/// the last content word before it. A word written glued to the next ("CPU-bound")
/// takes them along.
fn heads(model: &PreparedAnswer, reach: Reach) -> Vec<(String, Spellings)> {
    let tokens = model.tokens();
    // Per stem: the clause (or sentence) it is first said in, and whether it is said
    // again other than in what a label of that clause introduces. A head is said once,
    // or again only after its own label ("ipc: its own System V IPC ...", "pid: ... the
    // main process as PID 1").
    let at = |t: &Token| match reach {
        Reach::Sentence => t.place.sentence,
        _ => t.place.segment,
    };
    let mut said: HashMap<&str, (u32, bool)> = HashMap::new();
    for token in tokens.iter().filter(|t| content(t)) {
        let here = at(token);
        said.entry(&token.stem)
            .and_modify(|(first, again)| *again |= *first != here || !token.place.labelled)
            .or_insert((here, false));
    }
    let once = |i: usize| said.get(&*tokens[i].stem).is_some_and(|(_, again)| !again);
    let mut heads: Vec<(String, Spellings)> = Vec::new();
    let mut previous: Option<std::ops::Range<usize>> = None;
    for segment in super::roles::segments(tokens) {
        let words: Vec<usize> = segment.clone().filter(|&i| !tokens[i].part).collect();
        let same_sentence = previous.as_ref().is_some_and(|p| {
            tokens[p.start].place.sentence == tokens[segment.start].place.sentence
        });
        let before = previous.replace(segment);
        if reach == Reach::Sentence && same_sentence {
            continue;
        }
        let head = match words.first() {
            Some(&w) if reach == Reach::Clause && same_sentence && relative(&tokens[w].norm) => {
                before
                    .and_then(|p| p.rev().find(|&i| content(&tokens[i])))
                    .filter(|&i| once(i))
            }
            _ => words
                .iter()
                .copied()
                .take_while(|&i| !tokens[i].is_negation() && !model.negated(i))
                .filter(|&i| content(&tokens[i]))
                .take(2)
                .find(|&i| once(i)),
        };
        let Some(head) = head else {
            continue;
        };
        let mut run = vec![head];
        if tokens[head].glued {
            run.extend(
                (head + 1..tokens.len())
                    .take_while(|&i| tokens[i].glued && !tokens[i].part)
                    .take(2),
            );
        }
        let spelling: Vec<Arc<str>> = run.iter().map(|&i| tokens[i].stem.clone()).collect();
        if heads.iter().any(|(_, s)| s[0][0] == spelling[0]) {
            continue;
        }
        let words: Vec<&str> = run.iter().map(|&i| &*tokens[i].norm).collect();
        heads.push((words.join("-"), vec![spelling]));
    }
    heads
}

/// The words of `text` tied to `terms`. For a built-in set (`reach` is `None`): each
/// content word of a segment, up to a negation, belongs to the term before it (before
/// the first, to the first). For key terms: a term's words run from the first term of
/// a segment to the next segment with a term, across segments that *which*, *who*,
/// *it* or *they* open (see [`relative`], [`pronoun`]) and, for [`Reach::Sentence`],
/// across the rest of the sentence; a word under a verb's negation is tied as not said
/// plainly (see [`denies`]), one under another negation not at all.
fn ties(text: &PreparedAnswer, terms: &[Term], reach: Option<Reach>) -> Vec<Tie> {
    if reach == Some(Reach::Near) {
        return near_ties(text, terms);
    }
    let tokens = text.tokens();
    let mut out = Vec::new();
    // The mark of a term's presence, one for all of them.
    let spelt: Arc<str> = Arc::from("");
    let mut words: Vec<usize> = Vec::new();
    let mut before: Vec<(Arc<str>, Said)> = Vec::new();
    // The cue of the last word denied.
    let mut denied_by: Option<usize> = None;
    // The term whose words these are, and the last term spelt.
    let mut current: Option<usize> = None;
    let mut last: Option<usize> = None;
    // The token of the last term spelt's last word.
    let mut last_end: Option<usize> = None;
    let mut sentence = None;
    for segment in super::roles::segments(tokens) {
        // The words of the sentence's grammar, not the parts of a code token.
        words.clear();
        words.extend(segment.filter(|&i| !tokens[i].part));
        let Some(first) = words.first().map(|&i| &tokens[i]) else {
            continue;
        };
        let same_sentence = sentence == Some(first.place.sentence);
        sentence = Some(first.place.sentence);
        current = match reach {
            Some(_) if relative(&first.norm) && same_sentence => {
                // The clause is said of the word it follows: of the last term only when
                // that is the word ("the API server, which ..."; not "pages are read
                // from memory, which ...").
                let before = (0..words[0]).rev().find(|&k| !tokens[k].part);
                last.filter(|_| before.is_some() && before == last_end)
            }
            Some(_) if pronoun(&first.norm) => current,
            Some(Reach::Sentence | Reach::Twin) if same_sentence => current,
            _ => None,
        };
        before.clear();
        let mut opened = false;
        let mut telling = None;
        let mut p = 0;
        while p < words.len() {
            // A negation and what follows it tie nothing in a built-in set.
            if reach.is_none() && tokens[words[p]].is_negation() {
                break;
            }
            if let Some((term, len)) = spelt_at(tokens, &words[p..], terms) {
                // Each term of a built-in set starts its words; a key term only as the
                // first of its segment.
                if reach.is_none() || !opened {
                    if current.is_none() {
                        out.extend(before.drain(..).map(|(s, said)| (term, s, said)));
                    }
                    current = Some(term);
                }
                opened = true;
                last = Some(term);
                last_end = Some(words[p + len - 1]);
                out.push((term, spelt.clone(), Said::Plainly));
                p += len;
                continue;
            }
            let i = words[p];
            let t = &tokens[i];
            p += 1;
            if t.class != Class::Word || t.stop || t.glued || t.is_negation() {
                continue;
            }
            // A key term's word under a negation is not said plainly; what a verb's
            // negation governs ("do not run in parallel") is denied of the term, what
            // another cue does ("no host port", "rather than X") is left out.
            let mut cue = text.cue(i).filter(|_| reach.is_some());
            // What a denied verb of telling apart confuses is said plainly (see
            // `negation::tells_apart`), yet it is what the term cannot tell apart: it
            // stays denied of the term with the verb ("Lamport timestamps cannot tell
            // concurrent writes from causal ones").
            if cue.is_some() && tells_apart(&t.norm) {
                telling = cue;
            } else if cue.is_none() {
                cue = telling;
            }
            if cue.is_some() && reach == Some(Reach::Twin) {
                let denied: Arc<str> = Arc::from(format!("¬{}", t.stem));
                match current {
                    Some(term) => out.push((term, denied, Said::Plainly)),
                    None => before.push((denied, Said::Plainly)),
                }
                continue;
            }
            let said = match cue {
                None => Said::Plainly,
                Some(cue) if denies(&tokens[cue].norm) => {
                    let first = denied_by != Some(cue);
                    denied_by = Some(cue);
                    Said::Denied { first }
                }
                Some(_) => continue,
            };
            match current {
                Some(term) => out.push((term, t.stem.clone(), said)),
                None => before.push((t.stem.clone(), said)),
            }
        }
    }
    out
}

/// Two words a model answer sets against each other by saying each beside the same
/// word, plainly and in clauses of their own: "an *unbuffered* channel ... a *buffered*
/// channel", "*edge* servers ... the *origin* server", "the *sending* server ... the
/// *receiving* server", "a *WAL* sender ... a *WAL* receiver" (the shared word after or
/// before them). Words the model answer writes next to each other are one thing, not
/// two sides; "there is no *guest* kernel ... the *host* kernel" sets nothing against
/// the host.
struct Twin {
    /// Each word, spelt with the shared word unless the model answer says it only
    /// beside it ("buffered channel": *buffer* is also "the buffer"; *unbuffered* alone).
    terms: [(String, Spellings); 2],
    /// The stems of the two words.
    stems: [Arc<str>; 2],
    /// Both open their clauses (one of its first two content words): the clauses say
    /// what each does, and a [`Reach::Twin`] group holds them to it.
    subjects: bool,
}

/// The [`Twin`]s of `model`.
fn twins(model: &PreparedAnswer) -> Vec<Twin> {
    let tokens = model.tokens();
    let word = |i: usize| {
        let t = &tokens[i];
        !t.part && content(t) && t.class == Class::Word && !t.glued && !model.negated(i)
    };
    // (the word, the shared word's token, whether the shared word comes after it).
    // Neighbours are words: the root a privative word offers as a part ("unsigned"
    // offers *signed*) stands between no two of them.
    let words: Vec<usize> = (0..tokens.len()).filter(|&i| !tokens[i].part).collect();
    let mut beside: Vec<(usize, usize, bool)> = Vec::new();
    for pair in words.windows(2) {
        let (i, j) = (pair[0], pair[1]);
        if !word(i) || !word(j) || tokens[i].place.segment != tokens[j].place.segment {
            continue;
        }
        beside.push((i, j, true));
        beside.push((j, i, false));
    }
    // Whether token `i` is one of the first two content words of its segment.
    let opens = |i: usize| {
        let segment = tokens[i].place.segment;
        (0..i)
            .rev()
            .take_while(|&k| tokens[k].place.segment == segment)
            .filter(|&k| !tokens[k].part && content(&tokens[k]))
            .count()
            < 2
    };
    // Token `i` spelt alone when its stem is said only beside `shared`.
    let spelling = |i: usize, shared: usize, after: bool| {
        let t = &tokens[i];
        let alone = tokens.iter().enumerate().all(|(k, u)| {
            u.part
                || u.stem != t.stem
                || beside
                    .iter()
                    .any(|&(w, o, _)| w == k && tokens[o].stem == tokens[shared].stem)
        });
        let stems = match (alone, after) {
            (true, _) => vec![t.stem.clone()],
            (false, true) => vec![t.stem.clone(), tokens[shared].stem.clone()],
            (false, false) => vec![tokens[shared].stem.clone(), t.stem.clone()],
        };
        (t.norm.to_string(), vec![stems])
    };
    // An opposite ("asymmetric") spelt alone, when the model answer says its stem in
    // no other form ("sign" for "signed", "buffer" for "buffered").
    let one_form = |i: usize| {
        let t = &tokens[i];
        tokens
            .iter()
            .all(|u| u.part || u.stem != t.stem || u.norm == t.norm)
            .then(|| (t.norm.to_string(), vec![vec![t.stem.clone()]]))
    };
    let mut out: Vec<Twin> = Vec::new();
    for (k, &(i, shared, after)) in beside.iter().enumerate() {
        for &(j, other, side) in &beside[k + 1..] {
            let (a, b) = (&tokens[i], &tokens[j]);
            if tokens[other].stem != tokens[shared].stem
                || side != after
                || a.stem == b.stem
                || a.place.segment == b.place.segment
                || a.stem == tokens[shared].stem
                || b.stem == tokens[shared].stem
                || adjacent(model, &a.stem, &b.stem)
            {
                continue;
            }
            let known = out.iter().any(|twin| {
                let [x, y] = &twin.stems;
                (*x == a.stem && *y == b.stem) || (*x == b.stem && *y == a.stem)
            });
            if known {
                continue;
            }
            let opposites = opposite(&a.norm, &b.norm);
            let spelt = |i: usize, shared: usize, after: bool| match opposites {
                true => one_form(i).unwrap_or_else(|| spelling(i, shared, after)),
                false => spelling(i, shared, after),
            };
            out.push(Twin {
                stems: [a.stem.clone(), b.stem.clone()],
                terms: [spelt(i, shared, after), spelt(j, other, side)],
                subjects: opens(i) && opens(j),
            });
        }
    }
    // A word and its opposite by a prefix or a suffix ("*synchronous* ...
    // *asynchronous*", "*stateless* ... *stateful*"), each in a clause of its own, are
    // twins too, with no shared word, when each is said in one form only.
    let words: Vec<usize> = (0..tokens.len()).filter(|&i| word(i)).collect();
    for (k, &i) in words.iter().enumerate() {
        for &j in &words[k + 1..] {
            let (a, b) = (&tokens[i], &tokens[j]);
            if a.stem == b.stem
                || a.place.segment == b.place.segment
                || !opposite(&a.norm, &b.norm)
                || out
                    .iter()
                    .any(|t| t.stems.contains(&a.stem) && t.stems.contains(&b.stem))
            {
                continue;
            }
            let (Some(x), Some(y)) = (one_form(i), one_form(j)) else {
                continue;
            };
            out.push(Twin {
                stems: [a.stem.clone(), b.stem.clone()],
                terms: [x, y],
                subjects: opens(i) && opens(j),
            });
        }
    }
    out
}

/// Whether two words are opposites by a negative prefix ("buffered", "*un*buffered";
/// *non-*, *a-*, *in-*, *im-*, *dis-*) or by *-less* against *-ful* ("stateless",
/// "stateful"), on a root of five letters at least.
fn opposite(a: &str, b: &str) -> bool {
    let prefixed = |long: &str, short: &str| {
        short.len() >= 5
            && ["un", "non", "a", "in", "im", "dis"]
                .iter()
                .any(|p| long.strip_prefix(p) == Some(short))
    };
    let suffixed = |x: &str, y: &str| {
        x.strip_suffix("less")
            .zip(y.strip_suffix("ful"))
            .is_some_and(|(r, s)| r == s && r.len() >= 5)
    };
    prefixed(a, b) || prefixed(b, a) || suffixed(a, b) || suffixed(b, a)
}

/// The terms a long model answer keeps coming back to, for [`Reach::Near`] pairs: a
/// word (not a code token, not glued to another) that it says in two segments or more
/// and at least once right after a [`determiner`] ("the *primary* ... on the
/// *standby*", "the *public* key ... the *private* key", "the *client* ... the
/// *server*"). Any two of them are a pair unless the model answer writes one right
/// after the other ("WAL sender": one thing, not two sides) or puts them in different
/// slots (see [`one_kind`]).
fn paired(model: &PreparedAnswer) -> Vec<(String, Spellings)> {
    let tokens = model.tokens();
    // Per stem: its first spelling, the segments it is said in, after a determiner.
    let mut seen: Vec<(&Token, Vec<u32>, bool)> = Vec::new();
    for (i, t) in tokens.iter().enumerate() {
        if !content(t) || t.class != Class::Word || t.glued {
            continue;
        }
        let after = i > 0 && !tokens[i - 1].part && is_determiner(&tokens[i - 1].norm);
        let at = match seen.iter().position(|(s, _, _)| s.stem == t.stem) {
            Some(at) => at,
            None => {
                seen.push((t, Vec::new(), false));
                seen.len() - 1
            }
        };
        let (_, segments, determined) = &mut seen[at];
        if !segments.contains(&t.place.segment) {
            segments.push(t.place.segment);
        }
        *determined |= after;
    }
    seen.into_iter()
        .filter(|(_, segments, determined)| segments.len() >= 2 && *determined)
        .map(|(t, _, _)| (t.norm.to_string(), vec![vec![t.stem.clone()]]))
        .collect()
}

/// Whether `model` puts the stems `a` and `b` in the same slot, so that they are two
/// things of one kind it can tell apart: each is the first content word of a segment
/// somewhere (two subjects: "the *client* proves ... the *server* verifies", "the
/// *yeast* ferments ... the *bacteria* produce"), or each stands right before the same
/// content word (two modifiers of one head: "the *public* key ... the *private* key",
/// "a *young* generation and an *old* generation"). Two words it keeps coming back to in
/// other slots ("the *tests* ... the *code*", "each *key* ... the latest *record*") are
/// not sides, and an answer that mixes their words is not turning anything round.
fn one_kind(model: &PreparedAnswer, a: &str, b: &str) -> bool {
    let tokens = model.tokens();
    // For each of the two: whether it heads a segment, and the words right after it.
    let mut subject = [false; 2];
    let mut next: [Vec<&str>; 2] = [Vec::new(), Vec::new()];
    for (i, t) in tokens.iter().enumerate() {
        let Some(k) = [a, b].iter().position(|s| !t.part && &*t.stem == *s) else {
            continue;
        };
        let in_segment = |j: usize| {
            !tokens[j].part && tokens[j].place.segment == t.place.segment && content(&tokens[j])
        };
        if !(0..i).any(in_segment) {
            subject[k] = true;
        }
        if let Some(j) = (i + 1..tokens.len()).find(|&j| !tokens[j].part)
            && in_segment(j)
        {
            next[k].push(&tokens[j].stem);
        }
    }
    subject[0] && subject[1] || next[0].iter().any(|w| next[1].contains(w))
}

/// Whether `model` writes the stems `a` and `b` one right after the other, either way.
fn adjacent(model: &PreparedAnswer, a: &str, b: &str) -> bool {
    model.tokens().windows(2).any(|w| {
        !w[0].part
            && !w[1].part
            && ((&*w[0].stem == a && &*w[1].stem == b) || (&*w[0].stem == b && &*w[1].stem == a))
    })
}

/// Whether `answer` names one of a pair of terms by the other: the two with at most
/// one content word and nothing else between them ("the service name db", "standby
/// primary"). Such an answer says they are one thing, not which does what.
fn names_one_by_other(answer: &PreparedAnswer, terms: &[Term]) -> bool {
    let tokens = answer.tokens();
    let words: Vec<usize> = (0..tokens.len()).filter(|&i| !tokens[i].part).collect();
    let term_at = |p: usize| spelt_at(tokens, &words[p..], terms);
    (0..words.len()).any(|p| {
        let Some((a, len)) = term_at(p) else {
            return false;
        };
        let next = p + len;
        let close = |q: usize| {
            q < words.len()
                && tokens[words[q]].place.segment == tokens[words[p]].place.segment
                && term_at(q).is_some_and(|(b, _)| b != a)
        };
        close(next) || (next < words.len() && content(&tokens[words[next]]) && close(next + 1))
    })
}

/// The words of `text` tied to a pair of terms ([`Reach::Near`]): in a segment that
/// spells one of them plainly, each content word not under a negation belongs to the
/// nearer (a word as near to both belongs to neither); a segment opened by *which* or
/// *who*, with no term of its own, belongs to the last term spelt before it in its
/// sentence ("streams it to the standby, which replays it").
fn near_ties(text: &PreparedAnswer, terms: &[Term]) -> Vec<Tie> {
    let tokens = text.tokens();
    let mut out = Vec::new();
    let spelt: Arc<str> = Arc::from("");
    // The last term spelt, and the sentence it was spelt in.
    let mut last: Option<(usize, u32)> = None;
    let mut words: Vec<usize> = Vec::new();
    let mut at: Vec<(usize, usize, usize)> = Vec::new();
    for segment in super::roles::segments(tokens) {
        words.clear();
        words.extend(segment.filter(|&i| !tokens[i].part));
        let Some(&first) = words.first() else {
            continue;
        };
        let sentence = tokens[first].place.sentence;
        // The terms spelt plainly: (start, end) in `words`, and which.
        at.clear();
        let mut p = 0;
        while p < words.len() {
            match spelt_at(tokens, &words[p..], terms) {
                Some((term, len)) => {
                    if !text.negated(words[p]) {
                        at.push((p, p + len, term));
                        out.push((term, spelt.clone(), Said::Plainly));
                    }
                    p += len;
                }
                None => p += 1,
            }
        }
        let carried = match last {
            Some((term, s)) if at.is_empty() && s == sentence && relative(&tokens[first].norm) => {
                Some(term)
            }
            _ => None,
        };
        if at.is_empty() && carried.is_none() {
            continue;
        }
        for (p, &i) in words.iter().enumerate() {
            let t = &tokens[i];
            if t.class != Class::Word || t.stop || t.glued || t.is_negation() || text.negated(i) {
                continue;
            }
            if at.iter().any(|&(s, e, _)| (s..e).contains(&p)) {
                continue;
            }
            let term = carried.or_else(|| nearest(&at, p));
            if let Some(term) = term {
                out.push((term, t.stem.clone(), Said::Plainly));
            }
        }
        if let Some(&(_, _, term)) = at.last() {
            last = Some((term, sentence));
        } else if let Some(term) = carried {
            last = Some((term, sentence));
        }
    }
    out
}

/// The term of `at` ((start, end, term) spans) nearest to word position `p`, unless two
/// different terms are as near.
fn nearest(at: &[(usize, usize, usize)], p: usize) -> Option<usize> {
    let distance = |&(s, e, _): &(usize, usize, usize)| if p < s { s - p } else { p + 1 - e };
    let best = at.iter().map(distance).min()?;
    let mut near = at
        .iter()
        .filter(|span| distance(span) == best)
        .map(|&(_, _, t)| t);
    let term = near.next()?;
    near.all(|t| t == term).then_some(term)
}

/// The term whose spelling starts `words` (indices into `tokens`), with the number of
/// words it takes (the longest spelling wins).
fn spelt_at(tokens: &[Token], words: &[usize], terms: &[Term]) -> Option<(usize, usize)> {
    let mut best: Option<(usize, usize)> = None;
    for (i, term) in terms.iter().enumerate() {
        for spelling in &term.spellings {
            let n = spelling.len();
            if n == 0 || n > words.len() || best.is_some_and(|(_, len)| len >= n) {
                continue;
            }
            if spelling
                .iter()
                .zip(words)
                .all(|(s, &w)| *s == tokens[w].stem)
            {
                best = Some((i, n));
            }
        }
    }
    best
}
#[cfg(test)]
mod tests {
    use super::super::roles::tests::prepared;
    use super::*;
    use rust_stemmers::Algorithm;

    fn terms(model: &str) -> Terms {
        Terms::new(
            &prepared(model),
            &stems(&Stemmer::create(Algorithm::English)),
        )
    }

    const CNM: &str = "The Container Network Model defines three components: the Sandbox (the \
        isolated network namespace), the Endpoint (the network interface inside the Sandbox), \
        and the Network (the virtual switch/bridge).";

    #[test]
    fn terms_given_each_others_words_are_turned_round() {
        let terms = terms(CNM);
        let turned = terms
            .check(&prepared(
                "In CNM the Sandbox is the network interface and the Endpoint is the isolated \
                 network namespace, while the Network is the bridge.",
            ))
            .expect("turned round");
        assert_eq!(turned.role, "CNM component");
        assert_eq!(turned.said, "sandbox");
        assert_eq!(turned.matched, ["interface"]);
    }

    #[test]
    fn terms_the_right_way_round_or_in_one_sentence_pass() {
        let terms = terms(CNM);
        for right in [
            "A sandbox is the container's network namespace, an endpoint is its interface \
             and the network is the bridge.",
            "Sandbox = namespace, endpoint = interface, network = switch.",
            "The endpoint is the interface that joins a sandbox to a network.",
            "The sandbox is not the interface; the endpoint is.",
        ] {
            assert_eq!(terms.check(&prepared(right)), None, "{right}");
        }
    }

    #[test]
    fn a_model_answer_with_one_term_of_a_set_gives_no_terms() {
        let terms = terms("A named volume persists after the container is removed.");
        assert!(terms.groups.is_empty());
    }

    fn key_terms(model: &str) -> Terms {
        Terms::derived(
            &prepared(model),
            &prepared(""),
            &stems(&Stemmer::create(Algorithm::English)),
        )
    }

    const PODS: &str = "The scheduler picks a node for each new pod. The kubelet on that node \
        starts its containers and reports their status.";

    #[test]
    fn key_terms_of_a_derived_rubric_given_each_others_words_are_turned_round() {
        let terms = key_terms(PODS);
        let turned = terms
            .check(&prepared(
                "The kubelet picks a node for each new pod, and the scheduler starts the \
                 containers and reports their status.",
            ))
            .expect("turned round");
        assert_eq!(turned.role, "key term");
        // Either of the two, with the other in the model answer's place.
        let both = format!("{} {}", turned.said, turned.model);
        assert!(
            both.starts_with("scheduler `kubelet`") || both.starts_with("kubelet `scheduler`"),
            "{turned:?}"
        );
        // Built-in sets only: an author's rubric has no key terms of its own.
        assert!(
            Terms::new(
                &prepared(PODS),
                &stems(&Stemmer::create(Algorithm::English))
            )
            .groups
            .is_empty()
        );
    }

    #[test]
    fn key_terms_the_right_way_round_pass() {
        let terms = key_terms(PODS);
        for right in [
            "The scheduler chooses a node; the kubelet there runs the containers.",
            "The kubelet starts the containers once the scheduler has picked a node for the pod.",
            "Scheduler: places pods on nodes. Kubelet: starts containers, reports status.",
            "It is the kubelet, not the scheduler, that starts the containers.",
        ] {
            assert_eq!(terms.check(&prepared(right)), None, "{right}");
        }
    }

    #[test]
    fn a_relative_clause_belongs_to_the_term_before_it() {
        // The API server's words are in the clause that "which" opens.
        let terms = key_terms(
            "kubectl sends the manifest to the API server, which validates it and stores it \
             in etcd. The kubelet on the node pulls the image and starts the containers.",
        );
        let turned = terms.check(&prepared(
            "The kubelet stores the manifest in etcd, and the API server pulls the image.",
        ));
        let turned = turned.expect("turned round");
        assert!(
            turned.said == "server" && turned.model.contains("`kubelet`"),
            "{turned:?}"
        );
        let right = "The API server stores it in etcd and the kubelet pulls the image.";
        assert_eq!(terms.check(&prepared(right)), None);
    }

    const GIL: &str = "The lock lets one thread run bytecode at a time. CPU-bound threads \
        therefore do not run in parallel, but I/O-bound threads still gain.";

    #[test]
    fn what_the_model_answer_denies_of_a_key_term_stated_plainly_contradicts_it() {
        let terms = key_terms(GIL);
        let hit = terms
            .check(&prepared("CPU-bound threads run in parallel on all cores."))
            .expect("denial stated");
        assert_eq!(hit.said, "cpu-bound");
        assert!(hit.model.contains("`parallel`"), "{hit:?}");
    }

    #[test]
    fn a_denied_verb_must_be_stated_and_a_denial_repeated_is_right() {
        let terms = key_terms(GIL);
        for right in [
            "CPU-bound threads never run in parallel; I/O-bound ones overlap their waits.",
            "CPU-bound threads cannot run in parallel because of the lock.",
            "CPU-bound threads get no parallel speedup.",
            "CPU-bound threads are serialised rather than run in parallel.",
            // The object without the verb denied ("run") says nothing of it.
            "CPU-bound threads wait for the lock; parallel cores sit idle.",
        ] {
            assert_eq!(terms.check(&prepared(right)), None, "{right}");
        }
    }

    #[test]
    fn a_noun_negated_is_no_denial() {
        // "no host port" denies the port, not the publishing.
        let terms = key_terms(
            "Replicas clash on one port, so you publish no host port and put a proxy in \
             front. Workers scale well because they pull work.",
        );
        let answer = "You front them with a proxy and stop publishing a fixed host port.";
        assert_eq!(terms.check(&prepared(answer)), None);
    }

    const RAFT: &str = "The leader accepts every write from clients and appends it to its \
        log. It sends the new entries to each follower; a follower appends them to its own \
        log and acknowledges them. Once a majority of followers have acknowledged an entry, \
        the leader commits it and tells the followers to apply it to their state machines.";

    #[test]
    fn the_two_sides_a_long_model_answer_keeps_coming_back_to_are_a_pair() {
        let terms = key_terms(RAFT);
        let pair = terms
            .groups
            .iter()
            .filter(|g| g.reach == Some(Reach::Near))
            .map(|g| g.terms.iter().map(|t| t.label.as_str()).collect::<Vec<_>>())
            .find(|labels| labels.contains(&"leader") && labels.contains(&"follower"));
        assert!(pair.is_some(), "no leader/follower pair");
        for wrong in [
            "Each follower accepts the writes from clients and sends the new entries to the \
             leader, which appends them to its log and acknowledges them.",
            "Clients write to the follower, and the leader acknowledges each entry once it is \
             applied.",
        ] {
            let hit = terms.check(&prepared(wrong)).expect(wrong);
            assert_eq!(hit.role, "key term");
        }
    }

    #[test]
    fn a_pair_the_right_way_round_or_named_one_by_the_other_passes() {
        let terms = key_terms(RAFT);
        for right in [
            "The leader takes client writes, appends them to its log and ships them to the \
             followers, which append and acknowledge; a majority of acks lets the leader commit.",
            "Followers receive entries from the leader and acknowledge; the leader commits after \
             a majority.",
            "The leader replicates its log to the followers.",
        ] {
            assert_eq!(terms.check(&prepared(right)), None, "{right}");
        }
        // "the follower node leader": one thing named by the other, no roles.
        let stems = |w: &str| vec![vec![Arc::<str>::from(w)]];
        let term = |w: &str| Term {
            label: w.to_owned(),
            spellings: stems(w),
            own: Vec::new(),
            denied: Vec::new(),
            denied_verbs: Vec::new(),
        };
        let pair = [term("leader"), term("follow")];
        assert!(names_one_by_other(
            &prepared("a follower node leader takes over"),
            &pair
        ));
        assert!(names_one_by_other(&prepared("the leader follower"), &pair));
        assert!(!names_one_by_other(
            &prepared("from the leader to a follower"),
            &pair
        ));
    }

    const SOURDOUGH: &str = "A sourdough starter is a culture of wild yeast and lactic acid \
        bacteria living in flour and water. The yeast ferments the sugars in the flour and gives \
        off carbon dioxide, which the gluten network of the dough traps, so the loaf rises. The \
        bacteria produce lactic and acetic acid, which give the bread its sour taste and keep \
        other microbes out. To keep the starter healthy you feed it fresh flour and water \
        regularly, discard part of it before each feeding so the acid does not build up, and \
        keep it at room temperature when you bake often or in the fridge when you bake once a \
        week; a starter that doubles within a few hours of a feeding is ready to use.";

    const HEAT_PUMP: &str = "A heat pump moves heat rather than making it. Its refrigerant \
        circulates between an outdoor coil and an indoor coil. In the outdoor coil the cold, \
        low-pressure refrigerant evaporates and absorbs heat from the outside air, even when \
        that air is below freezing. The compressor then squeezes the vapour, which raises its \
        pressure and temperature. In the indoor coil the hot refrigerant condenses and releases \
        its heat into the house. An expansion valve then drops the pressure again and the cycle \
        repeats. Because it moves more heat than the electricity the compressor uses, a heat \
        pump delivers three or four units of heat per unit of power.";

    #[test]
    fn a_pair_of_one_kind_turned_round_still_contradicts() {
        // Two subjects (yeast, bacteria) and two modifiers of one head (young, old).
        let sourdough = key_terms(SOURDOUGH);
        for wrong in [
            "The bacteria ferment the sugars and give off the carbon dioxide that makes the loaf \
             rise, while the yeast produces the lactic and acetic acid that makes it sour. Feed \
             it flour and water regularly.",
            "The yeast gives the bread its sour taste with acid, and the bacteria produce the gas \
             that the gluten traps. Feed it often and keep it warm.",
        ] {
            assert!(sourdough.check(&prepared(wrong)).is_some(), "{wrong}");
        }
        let gc = key_terms(
            "A generational collector splits the heap into a young generation and an old \
             generation. New objects are allocated in the young generation, which is collected \
             often, and the few that survive several collections are promoted to the old \
             generation, which is collected rarely. An old object can point to a young one, so \
             a write barrier records such references.",
        );
        let wrong = "Objects are allocated in the old generation, which is collected \
            frequently, and those that survive are moved to the young generation, which is \
            collected rarely.";
        assert!(gc.check(&prepared(wrong)).is_some(), "{wrong}");
    }

    #[test]
    fn words_a_model_answer_keeps_in_other_slots_are_no_pair() {
        // *starter* heads its clauses, *feed* does not; *heat* and *refrigerant* stand
        // before no common word: mixing their words turns nothing round.
        for (model, right) in [
            (
                SOURDOUGH,
                "Feeding keeps the culture alive: fresh flour and water each time, part of the \
                 old starter discarded so the acid stays low. The yeast makes the carbon dioxide \
                 that lifts the loaf; the bacteria make the acids.",
            ),
            (
                HEAT_PUMP,
                "Refrigerant evaporates in the outdoor coil, taking heat from outside air; the \
                 compressor heats it by compression; it condenses in the indoor coil and warms \
                 the house. It moves heat, so it delivers about three units per unit of \
                 electricity.",
            ),
        ] {
            assert_eq!(key_terms(model).check(&prepared(right)), None, "{right}");
        }
        let model = prepared(SOURDOUGH);
        assert!(one_kind(&model, "yeast", "bacteria"));
        assert!(!one_kind(&model, "starter", "feed"));
    }

    const GC: &str = "A tracing garbage collector starts from the roots: the stack, the \
        registers and the global variables. It marks every object it can reach from them by \
        following each pointer in turn. Objects left unmarked are garbage, and the sweeper \
        returns their freed memory to the allocator, which hands it out again for new objects. The \
        sweeper runs only after marking ends, so the allocator never hands out an object that \
        is still reachable. A generational collector also keeps young objects apart from old ones, because most \
        objects die young.";

    #[test]
    fn a_long_model_answer_gives_its_words_their_places_in_a_clause() {
        let terms = key_terms(GC);
        let order = terms.order.as_ref().expect("a long model answer");
        let hit = order
            .check(&prepared(
                "The allocator returns the freed memory to the sweeper, which hands it out \
                 again.",
            ))
            .expect("turned round");
        assert_eq!(hit.role, "key term");
        assert_eq!(hit.said, "allocator");
        assert!(hit.model.contains("`sweeper`"), "{hit:?}");
        assert_eq!(hit.matched, ["returns", "freed", "memory"]);
        // A short model answer says too little of who does what.
        assert!(key_terms(PODS).order.is_none());
    }

    #[test]
    fn places_kept_one_turned_a_passive_or_other_words_pass() {
        let terms = key_terms(GC);
        for right in [
            "The sweeper returns the memory of unmarked objects to the allocator for reuse.",
            "Unmarked objects are garbage; their memory goes back to the allocator.",
            // Two words turned: a verb said the other way round.
            "The allocator gets the freed memory back from the sweeper.",
            // A passive says the model answer's order the other way round.
            "The memory of unmarked objects is returned to the allocator by the sweeper.",
            "It marks what it reaches from the roots and sweeps the rest.",
            // Two clauses joined by *and*: side by side, not subject and object.
            "The allocator returns memory to new objects and the sweeper frees it.",
        ] {
            assert_eq!(terms.check(&prepared(right)), None, "{right}");
        }
    }

    const DRIVES: &str = "A hard disk stores data on spinning platters, and its head has to \
        move to the right track before it can read, so a random read waits for the platter \
        to turn. A solid-state drive has no moving parts: its controller reads flash cells \
        directly, which makes a random read on the drive about a hundred times faster than on \
        the disk. Sequential reads narrow the gap, because the disk then reads whole tracks \
        in one turn.";

    #[test]
    fn a_comparative_turned_round_is_turned_and_its_converse_is_not() {
        let terms = key_terms(DRIVES);
        let wrong = "A random read on the disk is about a hundred times faster than on the \
            drive.";
        let order = terms.order.as_ref().expect("a long model answer");
        assert!(order.check(&prepared(wrong)).is_some(), "{wrong}");
        for right in [
            "A random read on the drive is about a hundred times faster than on the disk.",
            // The converse: only the comparative says who is more.
            "A random read on the disk is about a hundred times slower than on the drive.",
        ] {
            assert_eq!(terms.check(&prepared(right)), None, "{right}");
        }
    }

    #[test]
    fn a_relative_clause_after_another_word_is_not_the_last_terms() {
        let term = |label: &str| Term {
            label: label.to_owned(),
            spellings: vec![vec![Arc::from(label)]],
            own: Vec::new(),
            denied: Vec::new(),
            denied_verbs: Vec::new(),
        };
        let terms = [term("baker"), term("miller")];
        let tied = |text: &str| -> Vec<(String, String)> {
            ties(&prepared(text), &terms, Some(Reach::Clause))
                .into_iter()
                .map(|(t, s, _)| (terms[t].label.clone(), s.to_string()))
                .collect()
        };
        // "which" follows the miller: his words.
        let after_term = tied("The baker buys flour from the miller, which grinds it weekly.");
        assert!(
            after_term.contains(&("miller".into(), "grind".into())),
            "{after_term:?}"
        );
        // "which" follows the mill, no term: the baker does not grind.
        let after_word = tied("The baker buys flour from the mill, which grinds it weekly.");
        assert!(
            !after_word.iter().any(|(_, s)| s == "grind"),
            "{after_word:?}"
        );
    }

    const FERRIES: &str = "Commuters who live on the island cross the strait by ferry every \
        weekday morning. The ferry leaves the island harbour at seven and docks at the mainland \
        pier, which is nearer to the offices than the harbour. From the pier a shuttle bus runs \
        downtown. In winter storms the ferry stays in the harbour and commuters work from home \
        instead.";

    #[test]
    fn a_relative_clause_says_its_words_of_the_word_it_follows() {
        let terms = key_terms(FERRIES);
        let order = terms.order.as_ref().expect("a long model answer");
        // "which" follows the island harbour: nearer is said of it, turned round.
        let wrong = "The ferry crosses to the island harbour, which is nearer to the offices \
            than the mainland pier.";
        assert!(order.check(&prepared(wrong)).is_some(), "{wrong}");
        for right in [
            "The ferry docks at the mainland pier, which is nearer to the offices than the \
             island harbour.",
            // The sentence's subject before the clause's word: still the pier's.
            "The island harbour sends the ferry to the mainland pier, which is nearer to the \
             offices.",
        ] {
            assert_eq!(terms.check(&prepared(right)), None, "{right}");
        }
    }

    const INTEGERS: &str = "An unsigned integer has no sign bit: all of its bits hold the \
        magnitude, so it cannot be negative and wraps to zero after its maximum. A signed \
        integer gives one bit to the sign, so it holds negative values and its maximum is \
        about half as large; overflowing it is undefined behaviour in C.";

    #[test]
    fn twins_are_found_by_the_word_they_share() {
        let found = twins(&prepared(INTEGERS));
        let twin = found
            .iter()
            .find(|t| t.terms[0].0 == "unsigned" && t.terms[1].0 == "signed")
            .expect("unsigned / signed");
        assert!(twin.subjects);
        // *unsigned* is said only beside *integer*: spelt alone; *sign* is also "the
        // sign": spelt with it.
        let stems =
            |words: &[&str]| -> Spellings { vec![words.iter().map(|w| Arc::from(*w)).collect()] };
        assert_eq!(twin.terms[0].1, stems(&["unsign"]));
        assert_eq!(twin.terms[1].1, stems(&["sign", "integ"]));
        // A word the model answer denies is no side: "no guest kernel ... the host kernel".
        let found = twins(&prepared(
            "There is no guest kernel: containers share the host kernel, which starts them \
             fast. A virtual machine boots a kernel of its own.",
        ));
        assert!(
            !found
                .iter()
                .any(|t| t.stems.iter().any(|s| &**s == "guest")),
            "guest"
        );
    }

    #[test]
    fn twins_given_each_others_roles_are_turned_round() {
        let terms = key_terms(INTEGERS);
        for wrong in [
            // The denial given to the other twin: "no sign bit" is the unsigned one's.
            "A signed integer has no sign bit and wraps to zero after its maximum; an \
             unsigned integer gives one bit to the sign and holds negative values.",
            "An unsigned integer gives one bit to the sign, so it holds negative values. A \
             signed integer has no sign bit and cannot be negative.",
        ] {
            let hit = terms.check(&prepared(wrong)).expect(wrong);
            assert_eq!(hit.role, "key term", "{wrong}");
        }
        for right in [
            "Unsigned: every bit is magnitude, no negatives, wraps around. Signed: one bit is \
             the sign, so negatives fit and the maximum is halved.",
            "An unsigned integer spends no bit on the sign and cannot go below zero; a signed \
             integer holds negative values too.",
            "A signed integer holds negative values, which an unsigned integer cannot.",
        ] {
            assert_eq!(terms.check(&prepared(right)), None, "{right}");
        }
    }

    #[test]
    fn opposites_by_a_prefix_or_a_suffix_are_twins() {
        for (a, b) in [
            ("synchronous", "asynchronous"),
            ("unbuffered", "buffered"),
            ("stateless", "stateful"),
            ("symmetric", "asymmetric"),
        ] {
            assert!(opposite(a, b), "{a} {b}");
        }
        // A root under five letters is too often another word ("form", "inform").
        for (a, b) in [("form", "inform"), ("useful", "useless"), ("typed", "type")] {
            assert!(!opposite(a, b), "{a} {b}");
        }
        let terms = key_terms(
            "Symmetric encryption uses one shared key for both directions, so it is fast \
             and suits bulk data. Asymmetric encryption uses a key pair: the public key \
             encrypts and only the private key decrypts, which is slow. TLS uses asymmetric \
             keys only to agree on a session key, then symmetric ciphers carry the data.",
        );
        let wrong = "Asymmetric crypto uses one shared key and is fast for bulk data; \
            symmetric crypto uses a public and private key pair and is slow.";
        assert!(terms.check(&prepared(wrong)).is_some(), "{wrong}");
        let right = "Symmetric: one shared key, fast, for the bulk data. Asymmetric: a \
            public/private pair, slow, used to agree on the session key.";
        assert_eq!(terms.check(&prepared(right)), None, "{right}");
    }

    const MIRROR: &str = "A package mirror keeps copies of packages near the build machines, \
        and each install goes to the nearest mirror by a DNS record. On a hit the mirror \
        answers from its local disk without asking the upstream. On a miss the mirror \
        downloads the package from the upstream registry, keeps it on disk for a day and \
        returns it to the build machine. Mirror servers save bandwidth, and upstream servers \
        see far fewer requests.";

    #[test]
    fn two_words_turned_round_between_twins_swap_them() {
        let terms = key_terms(MIRROR);
        let order = terms.order.as_ref().expect("a long model answer");
        assert!(!order.twins.is_empty(), "mirror / upstream");
        let wrong = "On a miss the upstream downloads the package from the mirror.";
        let hit = order.check(&prepared(wrong)).expect(wrong);
        assert_eq!(hit.matched, ["downloads", "package"]);
        for right in [
            "On a miss the mirror downloads the package from upstream and keeps a copy.",
            "A miss makes the mirror fetch the package from the upstream registry.",
            "The package is downloaded from the upstream by the mirror on a miss.",
        ] {
            assert_eq!(terms.check(&prepared(right)), None, "{right}");
        }
    }

    const TRANSPORTS: &str = "tcp: a reliable ordered byte stream over a TCP connection. udp: \
        single datagrams with no connection and no delivery guarantee.";

    #[test]
    fn a_head_said_again_after_its_own_label_is_a_key_term() {
        let terms = key_terms(TRANSPORTS);
        let found = heads(&prepared(TRANSPORTS), Reach::Clause);
        let labels: Vec<&str> = found.iter().map(|(label, _)| label.as_str()).collect();
        assert_eq!(labels, ["tcp", "udp"]);
        let wrong = "udp: a reliable ordered byte stream. tcp: single datagrams with no \
            delivery guarantee.";
        let hit = terms.check(&prepared(wrong)).expect(wrong);
        assert_eq!(hit.role, "key term");
        for right in [
            TRANSPORTS,
            "tcp gives a reliable ordered stream; udp sends single datagrams.",
            "TCP is a reliable stream. UDP sends datagrams with no guarantee.",
        ] {
            assert_eq!(terms.check(&prepared(right)), None, "{right}");
        }
        // Said in another clause too, or again with no label, a word heads none.
        for again in [
            "tcp: a reliable byte stream. udp: single datagrams, lighter than tcp.",
            "tcp keeps a reliable stream and tcp retransmits. udp sends datagrams.",
        ] {
            let found = heads(&prepared(again), Reach::Clause);
            assert!(found.iter().all(|(label, _)| label != "tcp"), "{again}");
        }
    }

    const BLUE_GREEN: &str = "Blue-green deployment runs two copies of the application on \
        different servers behind the same load balancer, and switches the traffic at once.";

    const LINKS: &str = "Hard links are different names for the same inode, while a \
        symbolic link is a separate file that stores a path.";

    #[test]
    fn what_is_shared_and_what_is_not_turned_round_contradicts() {
        let sameness = Sameness::new(&prepared(BLUE_GREEN)).expect("same and different");
        let wrong = "Blue-green runs two copies on the same server behind different load \
            balancers.";
        let hit = sameness.check(&prepared(wrong)).expect(wrong);
        assert_eq!(hit.role, "same or different");
        assert_eq!(hit.said, "same server");
        assert!(hit.model.starts_with("\"different servers\""), "{hit:?}");
        assert_eq!(hit.matched, ["same server", "different load"]);
        let links = Sameness::new(&prepared(LINKS)).expect("same and different");
        let wrong = "Hard links are the same name given to different inodes.";
        assert!(links.check(&prepared(wrong)).is_some(), "{wrong}");
        // Through the key terms of a derived rubric; an author's rubric has no such test.
        let wrong = "A hard link is one name for different inodes, the same file as a symlink.";
        assert!(
            key_terms(LINKS).check(&prepared(wrong)).is_some(),
            "{wrong}"
        );
        assert!(terms(LINKS).check(&prepared(wrong)).is_none(), "{wrong}");
    }

    #[test]
    fn what_is_shared_kept_negated_or_turned_once_is_no_contradiction() {
        let sameness = Sameness::new(&prepared(BLUE_GREEN)).expect("same and different");
        for right in [
            BLUE_GREEN,
            "Two copies on separate servers behind one load balancer; traffic switches at once.",
            "Both copies sit behind the same load balancer, each on a different server.",
            "The copies are never on the same server, and they share one load balancer.",
            "Unlike a canary on the same server, the two copies run on different servers \
             behind the same load balancer.",
            // One thing turned is not enough (another case, or a slip the score weighs).
            "Two copies behind different load balancers, switched at once.",
        ] {
            assert!(sameness.check(&prepared(right)).is_none(), "{right}");
        }
        // A model answer that says only one side sets nothing against it.
        assert!(Sameness::new(&prepared("Both run on the same host.")).is_none());
        assert!(
            Sameness::new(&prepared(
                "The same image runs on the same host, or on different hosts with different images."
            ))
            .is_none(),
            "a thing said both ways is left out, and nothing is left on one side"
        );
    }

    #[test]
    fn a_derived_rubric_fails_an_answer_that_turns_round_what_is_shared() {
        use crate::bank::{Kind, Question};
        use crate::grade::tests::{bank, grade};
        let question = Question {
            model_answer: Some(LINKS.to_owned()),
            ..Question::new(
                "q",
                Kind::ShortAnswer,
                "How do hard and symbolic links differ?",
            )
        };
        let bank = bank(vec![question]);
        assert!(grade(&bank, LINKS).passed);
        let g = grade(
            &bank,
            "Hard links are the same name for different inodes, while a symbolic link is a \
             separate file that stores a path.",
        );
        assert!(!g.passed, "{g:?}");
        let text = crate::grade::explain(&g);
        assert!(
            text.contains(
                "x contradiction: same or different \"same name\" where the model \
                 answer says \"different names\""
            ),
            "{text}"
        );
    }
}
