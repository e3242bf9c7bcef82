//! Claims of the model answer turned round: an answer that is right and then says one
//! thing the model answer (or the question's explanation) says the opposite of. The
//! model answer's claims are compiled once per question; an answer clause that states
//! one of them with an antonym, or turns an order round, contradicts it, and
//! `grade::mod` fails the answer and names the model's clause.
//!
//! Two kinds of claim, both read from the model answer alone:
//! - **A state and its opposite** ([`FAMILIES`]): a thing that is *gone* when something
//!   happens and one that is *kept* after it; a thing deleted *permanently* and one
//!   you can *get back*. A word of a side under a negation states the other side
//!   ("never left behind" is gone). A model clause that states one side is a claim;
//!   an answer clause that states the other side and shares at least [`ANCHORS`]
//!   content words with it (and with no model clause that states its side) contradicts
//!   it. Where the two sides are often said of two things in one right answer ("tmpfs
//!   is gone when the container stops, a volume is kept"), the answer must not state
//!   the model's side itself of the same thing; a clause that names a term the model
//!   answer never names (another member of a contrast set), says *would*, or says
//!   where a thing is kept ("kept in RAM") says nothing of how long it lasts.
//! - **An order turned round**: a model clause "A ... after B" (or "A ... before B")
//!   and an answer sentence that puts A's own words before *before* and B's after it
//!   ("the old pods are deleted first, before any new pod is created" against "old
//!   pods are terminated only after new ones pass their readiness probes"). A's own
//!   words are the content words on its side of the model's cue and not on the other;
//!   a word on both sides of the answer's cue tells nothing.
//!
//! What is not done: a claim the model answer never makes ("scratch includes a busybox
//! shell") cannot be caught from it, and a model term merely negated by the answer
//! ("doesn't create a network namespace") is left to the rubric's concepts.

use super::contrast::{CONTRASTS, Contradiction};
use super::matcher::{PreparedAnswer, Vocab};
use super::token::{Class, Parts, Place, Token, tokenize};
use rust_stemmers::Stemmer;
use std::sync::{Arc, OnceLock};

/// How many content words an answer clause must share with a model clause to be
/// about the same thing.
const ANCHORS: usize = 2;

/// A pair of opposite states: what the model answer may say of a thing, and the
/// opposite a learner may say instead.
struct Family {
    /// What the two sides are about ("lifetime").
    role: &'static str,
    /// The two sides, each a list of words or phrases (a phrase's words in order, at
    /// most [`GAP`] words apart: "get them back").
    sides: [&'static [&'static str]; 2],
    /// The two sides are said of different things in one right answer, so the answer
    /// must not state the model's side of the same thing itself.
    rivals: bool,
}

/// The most words between two words of a phrase.
const GAP: usize = 2;

/// The built-in pairs of opposite states, written from what the words mean, not from
/// any learner's answer.
const FAMILIES: &[Family] = &[
    Family {
        role: "lifetime",
        sides: [
            &[
                "vanish",
                "vanishes",
                "vanished",
                "disappear",
                "disappears",
                "disappeared",
                "gone",
                "lost",
                "erased",
                "wiped",
                "wipes",
                "discarded",
                "discards",
                "deleted",
                "deletes",
                "removed",
                "removes",
                "destroyed",
                "destroys",
                "goes away",
                "thrown away",
            ],
            &[
                "survive",
                "survives",
                "survived",
                "persist",
                "persists",
                "persisted",
                "outlive",
                "outlives",
                "outlived",
                "remain",
                "remains",
                "remained",
                "retained",
                "retains",
                "keep",
                "keeps",
                "kept",
                "stay",
                "stays",
                "still there",
                "left behind",
                "left over",
                "sticks around",
            ],
        ],
        rivals: true,
    },
    Family {
        role: "permanence",
        sides: [
            &["permanently", "irreversibly", "irreversible", "for good"],
            &[
                "get back",
                "gets back",
                "got back",
                "bring back",
                "brings back",
                "restore",
                "restores",
                "restored",
                "recover",
                "recovers",
                "recovered",
                "undo",
                "undoes",
                "undone",
                "undelete",
                "retrieve",
                "retrieved",
                "reversible",
            ],
        ],
        rivals: false,
    },
];

/// Words after a *kept* or *stays* that say where a thing is kept, not how long: "kept
/// in RAM" is no claim that it survives, nor "stays behind" that it is not gone. (The
/// side of *gone* has no *loses*: "the pod loses access to it" is no claim that it is
/// gone.)
const WHERE: &[&str] = &[
    "in",
    "on",
    "inside",
    "within",
    "under",
    "at",
    "only",
    "exclusively",
    "entirely",
    "purely",
    "there",
    "local",
    "behind",
];

/// Words that make a clause hypothetical or about a backup: it claims nothing of the
/// thing itself ("a volume would keep it"; "restore it from a backup").
const HEDGES: &[&str] = &["would", "could", "might", "backup", "backups", "snapshot"];

/// A family's phrases: per side, each phrase as its first word as written (a form of
/// its own: "deleted" is a state, "deleting" and "deletions" are not) and the stems of
/// the rest.
struct Stemmed {
    sides: [Vec<Vec<Arc<str>>>; 2],
}

/// The families stemmed once, and the stems of every contrast-set member.
struct Words {
    families: Vec<Stemmed>,
    /// The stems of every one-word member of a contrast set, sorted.
    members: Vec<Arc<str>>,
    /// The first word of every phrase of every family, sorted: a token that is none of
    /// them (nearly every one) is passed over at once.
    firsts: Vec<Arc<str>>,
}

fn words(stemmer: &Stemmer) -> &'static Words {
    static WORDS: OnceLock<Words> = OnceLock::new();
    WORDS.get_or_init(|| {
        let stem = |phrase: &str| -> Vec<Arc<str>> {
            tokenize(phrase, stemmer, Parts::Skip)
                .into_iter()
                .map(|t| t.stem.clone())
                .collect()
        };
        let phrase = |phrase: &str| -> Vec<Arc<str>> {
            let words = tokenize(phrase, stemmer, Parts::Skip);
            let first = words.iter().take(1).map(|t| t.norm.clone());
            first
                .chain(words.iter().skip(1).map(|t| t.stem.clone()))
                .collect()
        };
        let families: Vec<Stemmed> = FAMILIES
            .iter()
            .map(|f| Stemmed {
                sides: f.sides.map(|side| side.iter().map(|p| phrase(p)).collect()),
            })
            .collect();
        let mut members: Vec<Arc<str>> = CONTRASTS
            .iter()
            .flat_map(|c| c.members.iter().flat_map(|m| m.iter()))
            .filter(|m| !m.contains([' ', '-']))
            .flat_map(|m| stem(m))
            .collect();
        members.sort_unstable();
        members.dedup();
        let mut firsts: Vec<Arc<str>> = families
            .iter()
            .flat_map(|f: &Stemmed| f.sides.iter().flatten().map(|p| p[0].clone()))
            .collect();
        firsts.sort_unstable();
        firsts.dedup();
        Words {
            families,
            members,
            firsts,
        }
    })
}

/// One side of a family stated in a clause of a text.
#[derive(Debug, Clone)]
struct Statement {
    family: usize,
    side: usize,
    /// The clause it is stated in.
    clause: u32,
    /// The tokens of the phrase.
    tokens: Vec<usize>,
}

/// A model clause that states one side of a family.
struct Claim {
    family: usize,
    side: usize,
    /// Its content stems, the family's own words aside, sorted.
    anchors: Vec<Arc<str>>,
    /// The content stems its text (the model answer, or the explanation) has outside
    /// its clause and not in it, and outside its sentence and not in it, sorted: an
    /// answer clause with one of the first, or sentence with one of the second, is about
    /// another part of the model answer ("write-through never loses data" beside
    /// "write-back ... can lose data"; "down -v wipes the volumes, so the data is gone"
    /// beside "plain down keeps them, so the data survives").
    elsewhere: [Vec<Arc<str>>; 2],
    /// Its words, for the breakdown.
    text: String,
}

/// An order the model answer states: the own words of what comes first and of what
/// comes second.
struct Order {
    /// The words of the side before the cue that are not after it, sorted, in the
    /// sentence and in the narrow stretch (see [`sides`]).
    first: [Vec<Arc<str>>; 2],
    /// The words after the cue that are not before it, likewise.
    then: [Vec<Arc<str>>; 2],
    /// Whether the cue was *before* (else *after*): "A before B" puts A first.
    before: bool,
    text: String,
}

/// A question's model claims, ready to check answers against.
#[derive(Default)]
pub struct Claims {
    /// The built-in words, when there is a claim to check.
    words: Option<&'static Words>,
    claims: Vec<Claim>,
    orders: Vec<Order>,
    /// The families the claims are of (bits).
    families: u32,
    /// The stems of every model answer's word, sorted: a contrast-set member not among
    /// them names another thing.
    model_stems: Vec<Arc<str>>,
}

impl Claims {
    /// The claims of `texts` (the model answer, and the question's explanation).
    pub fn new(texts: &[&PreparedAnswer], stemmer: &Stemmer) -> Claims {
        let words = words(stemmer);
        let mut claims = Vec::new();
        let mut orders = Vec::new();
        let mut model_stems = Vec::new();
        for text in texts {
            let tokens = text.tokens();
            model_stems.extend(tokens.iter().map(|t| t.stem.clone()));
            let statements = statements(text, words);
            for s in &statements {
                // A clause that states both sides is no claim either way.
                if statements
                    .iter()
                    .any(|o| o.clause == s.clause && o.family == s.family && o.side != s.side)
                {
                    continue;
                }
                let clause = anchors(tokens, s.clause, usize::MAX, &[]);
                let sentence = sentence_stems(tokens, tokens[s.tokens[0]].place.sentence);
                let outside = |inside: &[Arc<str>]| -> Vec<Arc<str>> {
                    let mut out: Vec<Arc<str>> = tokens
                        .iter()
                        .filter(|t| content(t) && inside.binary_search(&t.stem).is_err())
                        .map(|t| t.stem.clone())
                        .collect();
                    out.sort_unstable();
                    out.dedup();
                    out
                };
                let elsewhere = [outside(&clause), outside(&sentence)];
                claims.push(Claim {
                    family: s.family,
                    side: s.side,
                    anchors: anchors(tokens, s.clause, s.family, &statements),
                    elsewhere,
                    text: clause_text(text, s.clause),
                });
            }
            orders.extend(order_cues(text).into_iter().filter_map(|(i, before)| {
                let (wide, narrow) = (sides(tokens, i, false), sides(tokens, i, true));
                let some = |(a, b): &(Vec<Arc<str>>, Vec<Arc<str>>)| !a.is_empty() && !b.is_empty();
                (some(&wide) && some(&narrow)).then(|| Order {
                    first: [wide.0, narrow.0],
                    then: [wide.1, narrow.1],
                    before,
                    text: sentence_text(text, tokens[i].place.sentence),
                })
            }));
        }
        model_stems.sort_unstable();
        model_stems.dedup();
        let families = claims.iter().fold(0, |bits, c| bits | 1 << c.family);
        Claims {
            words: (families != 0).then_some(words),
            claims,
            orders,
            families,
            model_stems,
        }
    }

    /// The model claims `answer` states the opposite of, at most one per claim kind.
    pub fn check(&self, answer: &PreparedAnswer) -> Vec<Contradiction> {
        let mut out = Vec::new();
        if let Some(words) = self.words {
            out.extend(self.opposite_state(answer, words));
        }
        if !self.orders.is_empty() {
            out.extend(self.order_turned(answer));
        }
        out
    }

    /// An answer clause that states the other side of a model claim about the same
    /// thing.
    fn opposite_state(&self, answer: &PreparedAnswer, words: &Words) -> Option<Contradiction> {
        let tokens = answer.tokens();
        let statements: Vec<Statement> = statements(answer, words)
            .into_iter()
            .filter(|s| self.families & 1 << s.family != 0)
            .collect();
        if statements.is_empty() {
            return None;
        }
        for s in &statements {
            // Cheap tests first: no model claim of the other side; or the answer states
            // both sides of a family whose sides are said of two things (see below).
            let other = 1 - s.side;
            if !self
                .claims
                .iter()
                .any(|c| c.family == s.family && c.side == other)
                || FAMILIES[s.family].rivals
                    && statements
                        .iter()
                        .any(|o| o.family == s.family && o.side == other)
            {
                continue;
            }
            if hedged(tokens, s.clause) || self.names_another(tokens, s.clause, words) {
                continue;
            }
            let here = anchors(tokens, s.clause, s.family, &statements);
            let sentence = sentence_stems(tokens, tokens[s.tokens[0]].place.sentence);
            let about = |c: &&Claim| {
                c.family == s.family
                    && shared(&c.anchors, &here) >= ANCHORS
                    && shared(&c.elsewhere[0], &here) == 0
                    && shared(&c.elsewhere[1], &sentence) == 0
            };
            // Some model clause about the same thing states the answer's side: no claim
            // turned round.
            if self.claims.iter().filter(about).any(|c| c.side == s.side) {
                continue;
            }
            let Some(claim) = self
                .claims
                .iter()
                .filter(about)
                .max_by_key(|c| shared(&c.anchors, &here))
            else {
                continue;
            };
            // The answer also states the model's side: it tells two things apart, and
            // which is which is for the rubric's relations to judge.
            if FAMILIES[s.family].rivals
                && statements
                    .iter()
                    .any(|o| o.family == s.family && o.side == claim.side)
            {
                continue;
            }
            return Some(Contradiction {
                role: FAMILIES[s.family].role.to_owned(),
                said: clause_text(answer, s.clause),
                model: format!("\"{}\"", claim.text),
                anchor: None,
                matched: s
                    .tokens
                    .iter()
                    .map(|&t| answer.word(t).to_owned())
                    .collect(),
            });
        }
        None
    }

    /// Whether clause `clause` names a member of a contrast set that the model answer
    /// never names: it is about another thing ("a named volume is kept").
    fn names_another(&self, tokens: &[Token], clause: u32, words: &Words) -> bool {
        tokens.iter().filter(|t| t.place.clause == clause).any(|t| {
            words.members.binary_search(&t.stem).is_ok()
                && self.model_stems.binary_search(&t.stem).is_err()
        })
    }

    /// An answer sentence that puts the model's order round.
    fn order_turned(&self, answer: &PreparedAnswer) -> Option<Contradiction> {
        let tokens = answer.tokens();
        for (i, before) in order_cues(answer) {
            let stretches = [sides(tokens, i, false), sides(tokens, i, true)];
            for order in &self.orders {
                // The answer puts on the left what the model answer puts second, in the
                // sentence and in the narrow stretch.
                let turned = stretches.iter().enumerate().all(|(k, (left, right))| {
                    let (a, b) = if order.before == before {
                        (&order.first[k], &order.then[k])
                    } else {
                        (&order.then[k], &order.first[k])
                    };
                    shared(left, b) > 0
                        && shared(right, a) > 0
                        && shared(left, a) == 0
                        && shared(right, b) == 0
                });
                if turned {
                    return Some(Contradiction {
                        role: "order".to_owned(),
                        said: sentence_text(answer, tokens[i].place.sentence),
                        model: format!("\"{}\"", order.text),
                        anchor: None,
                        matched: vec![answer.word(i).to_owned()],
                    });
                }
            }
        }
        None
    }
}

/// Every side of a family that `text` states, clause by clause; a side under a
/// negation states the other.
fn statements(text: &PreparedAnswer, words: &Words) -> Vec<Statement> {
    let tokens = text.tokens();
    let mut out = Vec::new();
    for (i, token) in tokens.iter().enumerate() {
        if token.part
            || token.class != Class::Word
            || words.firsts.binary_search(&token.norm).is_err()
        {
            continue;
        }
        for (f, family) in words.families.iter().enumerate() {
            for (side, phrases) in family.sides.iter().enumerate() {
                let Some(found) = phrases.iter().find_map(|p| phrase_at(tokens, i, p)) else {
                    continue;
                };
                // "kept in RAM" says where, not how long; "keeps serving" goes on doing.
                let last = found[found.len() - 1];
                if found.len() == 1
                    && next_word(tokens, last)
                        .is_some_and(|w| WHERE.contains(&&*w.norm) || w.norm.ends_with("ing"))
                {
                    continue;
                }
                out.push(Statement {
                    family: f,
                    side: side ^ usize::from(text.negated(i)),
                    clause: token.place.clause,
                    tokens: found,
                });
            }
        }
    }
    out
}

/// The tokens of `phrase` starting at token `i` (its first word as written, the rest
/// by stem), its words in order in one clause, at most [`GAP`] words apart.
fn phrase_at(tokens: &[Token], i: usize, phrase: &[Arc<str>]) -> Option<Vec<usize>> {
    if tokens[i].norm != phrase[0] {
        return None;
    }
    let mut found = vec![i];
    let mut at = i;
    for stem in &phrase[1..] {
        let clause = tokens[at].place.clause;
        at = (at + 1..tokens.len())
            .filter(|&j| !tokens[j].part)
            .take(GAP + 1)
            .take_while(|&j| tokens[j].place.clause == clause)
            .find(|&j| tokens[j].stem == *stem)?;
        found.push(at);
    }
    Some(found)
}

/// The word after token `i`.
fn next_word(tokens: &[Token], i: usize) -> Option<&Token> {
    tokens[i + 1..]
        .iter()
        .find(|t| !t.part)
        .filter(|t| t.place.clause == tokens[i].place.clause)
}

/// Whether a content word: not a stop word, not a negation cue, not inside a code token.
fn content(token: &Token) -> bool {
    !token.part && !token.stop && !token.negation && token.norm.chars().count() > 1
}

/// The content stems of clause `clause`, the words of `family`'s statements there
/// aside, sorted.
fn anchors(
    tokens: &[Token],
    clause: u32,
    family: usize,
    statements: &[Statement],
) -> Vec<Arc<str>> {
    let own: Vec<usize> = statements
        .iter()
        .filter(|s| s.family == family && s.clause == clause)
        .flat_map(|s| s.tokens.iter().copied())
        .collect();
    let mut out: Vec<Arc<str>> = tokens
        .iter()
        .enumerate()
        .filter(|(i, t)| t.place.clause == clause && content(t) && !own.contains(i))
        .map(|(_, t)| t.stem.clone())
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// How many stems two sorted lists share.
fn shared(a: &[Arc<str>], b: &[Arc<str>]) -> usize {
    a.iter().filter(|s| b.binary_search(s).is_ok()).count()
}

/// The content stems of sentence `sentence`, sorted.
fn sentence_stems(tokens: &[Token], sentence: u32) -> Vec<Arc<str>> {
    let mut out: Vec<Arc<str>> = tokens
        .iter()
        .filter(|t| t.place.sentence == sentence && content(t))
        .map(|t| t.stem.clone())
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// Whether clause `clause` is hypothetical or about a backup.
fn hedged(tokens: &[Token], clause: u32) -> bool {
    tokens
        .iter()
        .any(|t| t.place.clause == clause && HEDGES.contains(&&*t.norm))
}

/// The order cues of `text` that no negation governs, each the only one of its
/// sentence ("crashes after processing but before acknowledging" orders three things):
/// (token, whether *before*).
fn order_cues(text: &PreparedAnswer) -> Vec<(usize, bool)> {
    let tokens = text.tokens();
    let cue = |t: &Token| match &*t.norm {
        _ if t.part => None,
        "before" => Some(true),
        "after" => Some(false),
        _ => None,
    };
    tokens
        .iter()
        .enumerate()
        .filter_map(|(i, t)| Some((i, cue(t)?)))
        .filter(|&(i, _)| {
            let sentence = tokens[i].place.sentence;
            !text.negated(i)
                && tokens
                    .iter()
                    .filter(|t| t.place.sentence == sentence && cue(t).is_some())
                    .count()
                    == 1
        })
        .collect()
}

/// The content stems before order cue `i` and after it in its sentence, each without
/// the stems of the other, sorted; when `narrow`, after it only to the end of its
/// clause, and before it only from the start of its clause, or of the clause before
/// when the cue opens its own ("the old pods are deleted first, before any new pod is
/// created"). An order is turned round only when it is in both stretches: the
/// sentence ties words of other claims to the cue, the clause may leave out a side.
fn sides(tokens: &[Token], i: usize, narrow: bool) -> (Vec<Arc<str>>, Vec<Arc<str>>) {
    let Place {
        clause, sentence, ..
    } = tokens[i].place;
    let opens = !tokens[..i]
        .iter()
        .any(|t| t.place.clause == clause && !t.part);
    let stems = |range: std::ops::Range<usize>, keep: &dyn Fn(&Place) -> bool| {
        let mut out: Vec<Arc<str>> = tokens[range]
            .iter()
            .filter(|t| keep(&t.place) && content(t))
            .map(|t| t.stem.clone())
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    };
    let left = stems(0..i, &|p: &Place| {
        p.sentence == sentence
            && (!narrow || p.clause == clause || (opens && p.clause + 1 == clause))
    });
    let right = stems(i + 1..tokens.len(), &|p: &Place| {
        p.sentence == sentence && (!narrow || p.clause == clause)
    });
    let only = |a: &[Arc<str>], b: &[Arc<str>]| -> Vec<Arc<str>> {
        a.iter()
            .filter(|s| b.binary_search(s).is_err())
            .cloned()
            .collect()
    };
    (only(&left, &right), only(&right, &left))
}

/// The words of clause `clause` of `text`, for the breakdown.
fn clause_text(text: &PreparedAnswer, clause: u32) -> String {
    words_where(text, |t| t.place.clause == clause)
}

/// The words of sentence `sentence` of `text`.
fn sentence_text(text: &PreparedAnswer, sentence: u32) -> String {
    words_where(text, |t| t.place.sentence == sentence)
}

fn words_where(text: &PreparedAnswer, keep: impl Fn(&Token) -> bool) -> String {
    let words: Vec<&str> = text
        .tokens()
        .iter()
        .filter(|t| !t.part && keep(t))
        .map(|t| &*t.norm)
        .collect();
    words.join(" ")
}

/// The model answer and explanation of a question, prepared for [`Claims::new`].
pub fn texts(
    model: Option<&str>,
    explanation: Option<&str>,
    stemmer: &Stemmer,
) -> Vec<PreparedAnswer> {
    [model, explanation]
        .into_iter()
        .flatten()
        .map(|t| PreparedAnswer::new(t, stemmer, &Vocab::default()))
        .collect()
}

#[cfg(test)]
mod tests;
