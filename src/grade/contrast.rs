//! Contradictions of the model answer that no rubric names: an answer that says one
//! member of a contrast set (SIGTERM, SIGKILL; musl, glibc; read-only, writable; DNAT,
//! SNAT; tmpfs, volume, bind mount) where the model answer says another, a pair turned
//! round (`80:8080` for `8080:80`), a path that leaves the model answer's path where
//! they share a root (`/var/lib/docker/containers` for `/var/lib/docker/volumes`) or
//! ends like it under another root (`/etc/docker/volumes`), or a wrong value where the
//! model answer gives another for the same thing (`db:5433` for `db:5432`; see
//! `values`).
//!
//! A contrast set is one of [`CONTRASTS`], built in: members that exclude each other in
//! the same role. It is compared two ways. Over the whole answer: the answer states a
//! member the model answer does not, and none that it does (a learner who names both,
//! "musl instead of glibc", contradicts nothing). And in one clause, tied by an
//! anchor, a code token or a number both texts use (`--memory`, `/bin/sh -c`, `137`):
//! the answer's clause with the anchor states a member that no model sentence with
//! that anchor states, and none that one does ("the exec form runs it through
//! `/bin/sh -c`", where the model answer says the shell form does). A member the
//! rubric itself accepts (a concept's alternative matches it) is never a contradiction
//! over the whole answer: the author allowed it. Members are matched like keywords
//! (stems, the lexicon), plainly only: a member under a negation says nothing.
//!
//! What contradicts is reported as a [`Contradiction`]; `grade::mod` fails the answer
//! and says why.

use super::compile::Matcher;
use super::lexicon::Lexicon;
use super::matcher::{Found, Pattern, PreparedAnswer, Vocab};
use super::token::{Class, Parts, Place, Token, tokenize};
use crate::lang;
use rust_stemmers::Stemmer;
use serde::Serialize;
use std::collections::HashMap;
use std::sync::Arc;

pub use sets::{CONTRASTS, Contrast};

/// A contradiction of the model answer that the answer makes.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Contradiction {
    /// What is contrasted ("signal", "pair", "path").
    pub role: String,
    /// What the answer says.
    pub said: String,
    /// What the model answer says in its place.
    pub model: String,
    /// The code token or number that ties the two sentences, when the contradiction is
    /// in one sentence only.
    pub anchor: Option<String>,
    /// The answer's words that made it.
    pub matched: Vec<String>,
}

impl Contradiction {
    /// A contradiction of a model sentence, quoted whole (`"..."`), with no anchor: what
    /// the rules of `contradiction` report.
    pub fn quoting(role: &str, said: String, model: &str, matched: Vec<String>) -> Contradiction {
        Contradiction {
            role: role.to_owned(),
            said,
            model: format!("\"{model}\""),
            anchor: None,
            matched,
        }
    }
}

impl std::fmt::Display for Contradiction {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // A fact of the register says itself, not what the model answer says.
        if self.role.starts_with(crate::grade::facts::KNOWN) {
            return write!(f, "{} \"{}\": {}", self.role, self.said, self.model);
        }
        write!(
            f,
            "{} \"{}\" where the model answer says {}",
            self.role, self.said, self.model
        )?;
        if let Some(anchor) = &self.anchor {
            write!(f, " (with `{anchor}`)")?;
        }
        Ok(())
    }
}

/// One member of a contrast set, compiled for a question.
struct Member {
    label: &'static str,
    patterns: Vec<Pattern>,
    /// The stems of its spellings' words: a member is matched by them, never by a typo
    /// ("brings" is no "bridge").
    stems: Vec<Arc<str>>,
    /// The model answer states it plainly.
    in_model: bool,
    /// A concept of the rubric accepts it.
    accepted: bool,
    /// The model answer or the question denies it ("a tmpfs mount rather than a named
    /// volume").
    denied: bool,
}

/// A contrast set whose members the model answer uses.
struct Group {
    role: &'static str,
    members: Vec<Member>,
    /// For each anchor of the model answer, the members (bits) that its sentences
    /// with that anchor state plainly, when there are any.
    anchors: HashMap<Arc<str>, u32>,
    /// For each concept of the rubric (an `any`), the members (bits) that the model
    /// sentence where it first matches plainly states.
    by_concept: Vec<u32>,
    /// The stems of the words the model answer writes just before an anchor (`pid` of
    /// `PID 1`): part of the anchor's phrase, they hold no role.
    before_anchor: Vec<Arc<str>>,
    /// For each member, the words of its role, each with whether the model answer says
    /// it under a negation: see [`role_words`].
    roles: Vec<Vec<(Arc<str>, bool)>>,
}

/// A question's contrasts, ready to check answers against.
#[derive(Default)]
pub struct Contrasts {
    groups: Vec<Group>,
    /// The model answer's code tokens as written (`8080:80`, paths), not their parts.
    code: Vec<Arc<str>>,
    /// The code tokens of the prompt and situation: an answer quoting them contradicts
    /// nothing.
    quoted: Vec<Arc<str>>,
    /// The values the model answer ties to words of their own.
    roles: roles::Roles,
    /// The values the model answer gives for one thing each (a port, an address).
    values: values::Values,
    /// The key terms the model answer tells apart by words of their own (for a derived
    /// rubric, its own key terms too).
    terms: terms::Terms,
    /// The terms an author's rubric credits, for advice against them.
    advice: advice::Advice,
    /// The sides of an author's A-vs-B rubric, for pairings turned round.
    crossed: crossed::Crossed,
}

/// What compiling a question's contrasts needs.
pub struct Context<'a> {
    pub model: &'a PreparedAnswer,
    /// The prompt and situation, tokenized.
    pub question: &'a PreparedAnswer,
    /// The situation alone, tokenized, when the question has one: the setup it asks about.
    pub situation: Option<&'a PreparedAnswer>,
    pub concepts: &'a [Matcher],
    /// The concepts are an author's, not derived from the model answer.
    pub authored: bool,
    pub lexicon: &'a Lexicon,
    pub stemmer: &'a Stemmer,
}

impl Contrasts {
    /// The contrasts of a question whose model answer is `cx.model`: the sets of which
    /// it states some members plainly but not all. Only their words join `vocab`.
    pub fn new(cx: &Context, vocab: &mut Vocab) -> Contrasts {
        let stems = member_stems(cx);
        let mut first = 0;
        let mut groups: Vec<Group> = CONTRASTS
            .iter()
            .filter_map(|contrast| {
                let members = first..first + contrast.members.len();
                first = members.end;
                group(contrast, &stems[members], cx, vocab)
            })
            .collect();
        for g in &mut groups {
            g.by_concept = concept_members(&g.members, cx, vocab);
        }
        let code_of = |text: &PreparedAnswer, parts: bool| -> Vec<Arc<str>> {
            text.tokens()
                .iter()
                .filter(|t| t.class == Class::Code && (parts || !t.part))
                .map(|t| t.norm.clone())
                .collect()
        };
        Contrasts {
            groups,
            code: code_of(cx.model, false),
            quoted: code_of(cx.question, true),
            roles: roles::Roles::new(cx.model, cx.authored),
            values: values::Values::new(cx.model, cx.question),
            terms: {
                let stems = cx
                    .lexicon
                    .term_stems
                    .get_or_init(|| terms::stems(cx.stemmer));
                if cx.authored {
                    terms::Terms::new(cx.model, stems)
                } else {
                    terms::Terms::derived(cx.model, cx.question, stems)
                }
            },
            advice: if cx.authored {
                advice::Advice::new(cx.concepts, cx.model, cx.question, cx.situation, vocab)
            } else {
                advice::Advice::default()
            },
            crossed: if cx.authored {
                crossed::Crossed::new(cx.concepts, cx.model, vocab)
            } else {
                crossed::Crossed::default()
            },
        }
    }

    /// The member a denial is said of, when it is the other member of a contrast than
    /// the one the model answer says concept `concept` of: `wrong` is the concept's match
    /// under a negation (its cue first), and the member named last before the cue in its
    /// sentence is one that the model sentence of the concept does not state, while the
    /// answer names that sentence's member plainly elsewhere ("Use exec form. With shell
    /// form, sh is PID 1 and doesn't pass SIGTERM on", where the model answer says the
    /// exec form's program receives SIGTERM). The denial says of the other option what
    /// the model answer says of its own by contrast, so the concept counts. A denial
    /// said of the model's own member ("with exec form the app doesn't get SIGTERM"), or
    /// with no member before it, or in an answer that never names the model's member,
    /// denies the concept still.
    pub fn denied_of_other(
        &self,
        concept: usize,
        answer: &PreparedAnswer,
        wrong: &[usize],
        vocab: &Vocab,
    ) -> Option<&'static str> {
        let &cue = wrong.first()?;
        let tokens = answer.tokens();
        let sentence = tokens[cue].place.sentence;
        self.groups.iter().find_map(|g| {
            let model = g.by_concept.get(concept).copied().unwrap_or(0);
            if model == 0 {
                return None;
            }
            let stated = stated_by_sentence(&g.members, answer, vocab, |p| p.sentence);
            // The member named last before the cue in its sentence.
            let (_, bit, _) = stated
                .mentions
                .iter()
                .filter(|(s, _, t)| *s == sentence && t.iter().all(|&i| i < cue))
                .max_by_key(|(_, _, t)| t.iter().max().copied())?;
            let elsewhere = stated.bits(None) & model != 0;
            (bit & model == 0 && elsewhere).then(|| g.members[bit.trailing_zeros() as usize].label)
        })
    }

    /// The contradictions `answer` makes, at most one per contrast set.
    pub fn check(&self, answer: &PreparedAnswer, vocab: &Vocab) -> Vec<Contradiction> {
        let mut out: Vec<Contradiction> = self
            .groups
            .iter()
            .filter_map(|g| g.check(answer, vocab))
            .collect();
        out.extend(self.turned_pair(answer));
        out.extend(
            self.other_path(answer)
                .or_else(|| self.rerooted_path(answer))
                .or_else(|| self.relative_path(answer)),
        );
        out.extend(self.values.check(answer));
        out.extend(self.roles.check(answer));
        out.extend(self.terms.check(answer));
        out.extend(self.advice.check(answer, vocab));
        out.extend(self.crossed.check(answer, vocab));
        out
    }
}

/// `contrast` compiled for a question, when its model answer states some of its
/// members plainly (and, when it states all of them, has sentences to tie them to).
/// `spellings` holds the [`stems`] of each of its members.
fn group(
    contrast: &Contrast,
    spellings: &[Vec<Arc<str>>],
    cx: &Context,
    vocab: &mut Vocab,
) -> Option<Group> {
    // A plain mention is spelt with the member's own stems (see [`spelt`]): a model
    // answer with none of them states no member, and its patterns need not be built.
    let mentioned = |stems: &Vec<Arc<str>>| {
        stems.is_empty()
            || cx
                .model
                .tokens()
                .iter()
                .any(|t| stems.binary_search(&t.stem).is_ok())
    };
    if !spellings.iter().any(mentioned) {
        return None;
    }
    // Look in the model answer with a scratch vocabulary first: most sets are not
    // about this question, and their words must not slow down every answer.
    let mut scratch = Vocab::default();
    // How the model answer, and the question, state each member.
    let (in_model, in_question): (Vec<Stance>, Vec<Stance>) = contrast
        .members
        .iter()
        .zip(spellings)
        .map(|(terms, stems)| {
            let patterns = patterns(terms, cx, &mut scratch);
            (
                stance(&patterns, stems, cx.model, &scratch),
                stance(&patterns, stems, cx.question, &scratch),
            )
        })
        .unzip();
    if !in_model.contains(&Stance::Plain) {
        return None;
    }
    let members: Vec<Member> = contrast
        .members
        .iter()
        .zip(spellings)
        .zip(in_model.into_iter().zip(in_question))
        .map(|((terms, stems), (stance, asked))| {
            // A member the model answer denies ("musl instead of glibc") is never one
            // the author accepts, whatever concept names it.
            let accepted =
                stance != Stance::Negated && terms.iter().any(|t| accepted(t, cx, vocab));
            Member {
                label: terms[0],
                patterns: patterns(terms, cx, vocab),
                stems: stems.clone(),
                in_model: stance == Stance::Plain,
                accepted,
                denied: stance == Stance::Negated || asked == Stance::Negated,
            }
        })
        .collect();
    let anchors = anchors(&members, cx.model, vocab);
    if anchors.is_empty() && members.iter().all(|m| m.in_model) {
        return None;
    }
    let tokens = cx.model.tokens();
    let before_anchor: Vec<Arc<str>> = (1..tokens.len())
        .filter(|&i| tokens[i].class != Class::Word && anchors.contains_key(&tokens[i].norm))
        .filter(|&i| tokens[i - 1].class == Class::Word)
        .map(|i| tokens[i - 1].stem.clone())
        .collect();
    let roles = if anchors.is_empty() {
        Vec::new()
    } else {
        role_words(&members, cx, vocab)
    };
    Some(Group {
        role: contrast.role,
        members,
        anchors,
        roles,
        before_anchor,
        by_concept: Vec::new(),
    })
}

/// For each member, the words of its role in the model answer: the stems of the content
/// words (the words of its code tokens too: `sh` of `/bin/sh`) of the model sentences that
/// state it plainly and no other member, less those of the sentences of every other
/// member ("the shell form wraps it in /bin/sh -c": `wrap`, `bin`, `sh`), each with its
/// polarity there. An answer that says one of them of the member, with the same polarity,
/// says what the model answer says of it.
fn role_words(members: &[Member], cx: &Context, vocab: &Vocab) -> Vec<Vec<(Arc<str>, bool)>> {
    let stated = stated_by_sentence(members, cx.model, vocab, |p| p.sentence);
    let own: Vec<Vec<(Arc<str>, bool)>> = (0..members.len())
        .map(|m| {
            let sentences: Vec<u32> = stated
                .mentions
                .iter()
                .filter(|(s, b, _)| *b == 1 << m && stated.bits(Some(*s)) == 1 << m)
                .map(|(s, _, _)| *s)
                .collect();
            let mut words: Vec<(Arc<str>, bool)> = Vec::new();
            for (i, t) in cx.model.tokens().iter().enumerate() {
                if !sentences.contains(&t.place.sentence) || stated.owned.contains(&i) {
                    continue;
                }
                match t.class {
                    Class::Code => words.extend(
                        t.norm
                            .split(|c: char| !c.is_alphanumeric())
                            .filter(|w| w.chars().count() > 1 && !crate::lang::is_stop_word(w))
                            .map(|w| (Arc::from(cx.stemmer.stem(w).as_ref()), cx.model.negated(i))),
                    ),
                    Class::Word if !t.stop && t.len > 1 => {
                        words.push((t.stem.clone(), cx.model.negated(i)))
                    }
                    _ => {}
                }
            }
            words.retain(|(w, _)| !members[m].stems.contains(w));
            words.sort_unstable();
            words.dedup();
            words
        })
        .collect();
    (0..members.len())
        .map(|m| {
            let mut words = own[m].clone();
            words.retain(|w| {
                own.iter()
                    .enumerate()
                    .all(|(k, other)| k == m || other.iter().all(|(o, _)| o != &w.0))
            });
            words
        })
        .collect()
}

/// For each concept of `cx` that is an `any`, the members that the model sentence where
/// it first matches plainly states (0 when none or for a relation).
fn concept_members(members: &[Member], cx: &Context, vocab: &Vocab) -> Vec<u32> {
    let stated = stated_by_sentence(members, cx.model, vocab, |p| p.sentence);
    if stated.mentions.is_empty() {
        return vec![0; cx.concepts.len()];
    }
    cx.concepts
        .iter()
        .map(|m| {
            if !matches!(m, Matcher::Any(_)) {
                return 0;
            }
            let outcome = m.evaluate(cx.model, vocab);
            match outcome.matched.as_deref().and_then(|t| t.first()) {
                Some(&t) if !outcome.negated => {
                    stated.bits(Some(cx.model.tokens()[t].place.sentence))
                }
                _ => 0,
            }
        })
        .collect()
}

/// How a text states a member.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stance {
    /// Plainly, at least once.
    Plain,
    /// Only under a negation.
    Negated,
    Absent,
}

fn stance(
    patterns: &[Pattern],
    stems: &[Arc<str>],
    text: &PreparedAnswer,
    vocab: &Vocab,
) -> Stance {
    let mut stance = Stance::Absent;
    for pattern in patterns {
        for (found, _) in text.all(pattern, vocab) {
            if !spelt(&found, stems, text) {
                continue;
            }
            if !found.negated {
                return Stance::Plain;
            }
            stance = Stance::Negated;
        }
    }
    stance
}

/// The patterns of a member's spellings.
fn patterns(terms: &[&str], cx: &Context, vocab: &mut Vocab) -> Vec<Pattern> {
    terms
        .iter()
        .flat_map(|t| super::compile::keyword_patterns(t, cx.lexicon, cx.stemmer, vocab))
        .collect()
}

/// Whether a match is spelt with a member's own words (its negation cue aside), not
/// found through a typo.
fn spelt(found: &Found, stems: &[Arc<str>], text: &PreparedAnswer) -> bool {
    // A negated match starts with its cue.
    let words = &found.tokens[usize::from(found.negated)..];
    words
        .iter()
        .all(|&t| stems.contains(&text.tokens()[t].stem))
}

/// The [`stems`] of every member of [`CONTRASTS`], in order, worked out once per
/// lexicon.
fn member_stems<'a>(cx: &Context<'a>) -> &'a [Vec<Arc<str>>] {
    cx.lexicon.contrast_stems.get_or_init(|| {
        CONTRASTS
            .iter()
            .flat_map(|c| c.members)
            .map(|terms| stems(terms, cx))
            .collect()
    })
}

/// The stems of the words of `terms` and of their synonyms.
fn stems(terms: &[&str], cx: &Context) -> Vec<Arc<str>> {
    let mut stems: Vec<Arc<str>> = terms
        .iter()
        .flat_map(|t| tokenize(t, cx.stemmer, Parts::Skip))
        .flat_map(|word| {
            let variants = cx.lexicon.expand(std::slice::from_ref(&word));
            variants.into_iter().flatten().map(|t| t.stem.clone())
        })
        .collect();
    stems.sort_unstable();
    stems.dedup();
    stems
}

/// Whether a concept of the rubric matches `term` (the author accepts it); `vocab`
/// holds the concepts' words.
fn accepted(term: &str, cx: &Context, vocab: &Vocab) -> bool {
    let text = PreparedAnswer::new(term, cx.stemmer, &Vocab::default());
    cx.concepts.iter().any(|m| m.accepts(&text, vocab))
}

/// Per anchor (a code token or number) of the model answer, the members its sentences
/// with that anchor state plainly.
fn anchors(members: &[Member], model: &PreparedAnswer, vocab: &Vocab) -> HashMap<Arc<str>, u32> {
    let stated = stated_by_sentence(members, model, vocab, |p| p.sentence);
    let mut anchors: HashMap<Arc<str>, u32> = HashMap::new();
    for (i, token) in model.tokens().iter().enumerate() {
        if token.class == Class::Word || stated.owned.contains(&i) {
            continue;
        }
        let bits = stated.bits(Some(token.place.sentence));
        if bits != 0 {
            *anchors.entry(token.norm.clone()).or_default() |= bits;
        }
    }
    anchors
}

/// Which members a text states plainly, sentence by sentence, and which tokens they
/// take up (those are no anchors).
struct Stated {
    /// (sentence, member bit, tokens) of each plain mention.
    mentions: Vec<(u32, u32, Vec<usize>)>,
    /// (sentence, member bit) of each mention under a negation.
    denials: Vec<(u32, u32)>,
    owned: Vec<usize>,
}

impl Stated {
    /// The members stated in `sentence`, or anywhere when `None`.
    fn bits(&self, sentence: Option<u32>) -> u32 {
        self.mentions
            .iter()
            .filter(|(s, _, _)| sentence.is_none_or(|want| *s == want))
            .fold(0, |bits, (_, b, _)| bits | b)
    }

    /// The tokens of the first mention of member `bit` (in `sentence`, when given).
    fn tokens(&self, bit: u32, sentence: Option<u32>) -> &[usize] {
        self.mentions
            .iter()
            .find(|(s, b, _)| *b == bit && sentence.is_none_or(|want| *s == want))
            .map(|(_, _, t)| t.as_slice())
            .unwrap_or_default()
    }
}

/// An answer's members are tied to an anchor in its clause (a `:` after a label links
/// the clauses after it): a learner's sentence often says two things where the model
/// answer's says one ("v2 has one hierarchy per controller, while v1 had one unified
/// tree").
fn answer_scope(place: &Place) -> u32 {
    place.segment
}

/// Whether token `i` of `text` is in the clause that an *e.g.* opens: an example
/// ("explicit key-value pairs (e.g. `type=volume,target=/data`)") states no member of
/// the sentence it is given in.
fn in_example(text: &PreparedAnswer, i: usize) -> bool {
    // The last word before the clause: the tokens before `i` that are of another one.
    let clause = text.tokens()[i].place.clause;
    text.tokens()[..i]
        .iter()
        .rev()
        .find(|t| !t.part && t.place.clause != clause)
        .is_some_and(|t| &*t.norm == "e.g")
}

/// [`Stated`] of `text`, by the stretch `scope` numbers.
fn stated_by_sentence(
    members: &[Member],
    text: &PreparedAnswer,
    vocab: &Vocab,
    scope: fn(&Place) -> u32,
) -> Stated {
    let mut stated = Stated {
        mentions: Vec::new(),
        denials: Vec::new(),
        owned: Vec::new(),
    };
    for (m, member) in members.iter().enumerate() {
        for pattern in &member.patterns {
            for (found, _) in text.all(pattern, vocab) {
                if !spelt(&found, &member.stems, text) || in_example(text, found.tokens[0]) {
                    continue;
                }
                let sentence = scope(&text.tokens()[found.tokens[found.tokens.len() - 1]].place);
                if found.negated {
                    stated.denials.push((sentence, 1 << m));
                    continue;
                }
                stated.owned.extend(&found.tokens);
                stated.mentions.push((sentence, 1 << m, found.tokens));
            }
        }
    }
    stated
}

/// How many content words before an anchor, in its clause, a word of a member's role
/// may hold it ("sh is PID 1", "/bin/sh -c is PID 1"), up to the verb that ties the
/// anchor to its subject (see `Group::in_its_role`).
const HOLDER_REACH: usize = 2;

/// How many words before an anchor, in its clause, a verb of [`disregards`] is looked
/// for ("ignores the 90 seconds").
const SET_ASIDE_REACH: usize = 3;

/// A verb that sets its object aside: what it is said of does not apply.
fn disregards(word: &str) -> bool {
    matches!(
        word,
        "ignore"
            | "ignores"
            | "ignored"
            | "ignoring"
            | "bypass"
            | "bypasses"
            | "bypassed"
            | "bypassing"
            | "skip"
            | "skips"
            | "skipped"
            | "skipping"
            | "sidestep"
            | "sidesteps"
            | "sidestepped"
            | "sidestepping"
            | "disregard"
            | "disregards"
            | "disregarded"
            | "disregarding"
    )
}

/// Whether the anchor at `i` is set aside by its clause: the object of a verb of
/// [`disregards`] at most [`SET_ASIDE_REACH`] words before it ("host mode ignores
/// -p", "the JSON array bypasses `/bin/sh -c`", "SIGKILL skips the 90 seconds"), or
/// kept *out of the way* just after it ("keeps `sh -c` out of the way"). Like a denied
/// anchor, it ties the member of its clause to nothing: what the clause says is that
/// the anchor does not apply to that member, which is what the model answer says too.
fn set_aside(tokens: &[Token], i: usize) -> bool {
    let clause = tokens[i].place.clause;
    let before = tokens[..i]
        .iter()
        .rev()
        .filter(|t| !t.part && t.class == Class::Word)
        .take(SET_ASIDE_REACH)
        .take_while(|t| t.place.clause == clause)
        .any(|t| disregards(&t.norm));
    let mut after = tokens[i + 1..]
        .iter()
        .filter(|t| !t.part && t.class == Class::Word)
        .take_while(|t| t.place.clause == clause)
        .map(|t| &*t.norm);
    before
        || (after.next() == Some("out")
            && after.next() == Some("of")
            && after.next() == Some("the")
            && matches!(after.next(), Some("way" | "picture")))
}

impl Group {
    /// The contradiction of this set in `answer`: over the whole answer, else in one
    /// sentence tied by an anchor.
    fn check(&self, answer: &PreparedAnswer, vocab: &Vocab) -> Option<Contradiction> {
        let stated = stated_by_sentence(&self.members, answer, vocab, answer_scope);
        let all = stated.bits(None);
        if all == 0 {
            return None;
        }
        if let Some(reversed) = self.preference_reversed(answer, &stated) {
            return Some(reversed);
        }
        let model = self.bits(|m| m.in_model);
        if all & model == 0 {
            let said = self.first(all & !self.bits(|m| m.accepted))?;
            return Some(self.contradiction(said, model, None, answer, &stated, None));
        }
        self.in_a_sentence(answer, &stated)
    }

    /// A sentence of the answer that prefers what the model answer or the question
    /// denies over what the model answer states and never denies ("a named volume
    /// rather than tmpfs", where the question asks for tmpfs rather than a volume).
    fn preference_reversed(
        &self,
        answer: &PreparedAnswer,
        stated: &Stated,
    ) -> Option<Contradiction> {
        let preferred = self.bits(|m| m.in_model && !m.denied);
        let denied = self.bits(|m| m.denied);
        stated.denials.iter().find_map(|&(sentence, bit)| {
            if bit & preferred == 0 {
                return None;
            }
            let here = stated.bits(Some(sentence)) & denied;
            let said = self.first(here)?;
            let mut hit = self.contradiction(said, bit, None, answer, stated, Some(sentence));
            hit.model = format!("{} (it prefers the other way round)", hit.model);
            Some(hit)
        })
    }

    /// A sentence of the answer with an anchor whose model sentences state other
    /// members than it does, and none of its own.
    fn in_a_sentence(&self, answer: &PreparedAnswer, stated: &Stated) -> Option<Contradiction> {
        for (i, token) in answer.tokens().iter().enumerate() {
            // A denied anchor ("no `sh -c`", "instead of `/bin/sh -c`") ties nothing, nor
            // does one set aside ("host mode ignores -p").
            if token.class == Class::Word || stated.owned.contains(&i) || answer.negated(i) {
                continue;
            }
            let Some(&expected) = self.anchors.get(&token.norm) else {
                continue;
            };
            if set_aside(answer.tokens(), i) {
                continue;
            }
            let sentence = Some(answer_scope(&token.place));
            let here = stated.bits(sentence);
            if here != 0
                && here & expected == 0
                && !self.in_its_role(answer, stated, here, expected, i)
            {
                let said = self.first(here)?;
                let anchor = Some(token.norm.to_string());
                return Some(self.contradiction(said, expected, anchor, answer, stated, sentence));
            }
        }
        None
    }

    /// Whether the answer, which names the anchor's member (`expected`) plainly too, says
    /// of the other member `here` that a word of its own role in the model answer holds
    /// the anchor at `anchor`: one of the [`HOLDER_REACH`] content words before the
    /// anchor in its clause is one of the member's role words, or a code token with one
    /// as a part ("use the exec form so the app is PID 1; the shell form makes sh PID 1":
    /// `sh` is of the shell form's sentence, "wraps it in /bin/sh -c"). The words the
    /// model answer writes just before an anchor (`pid` of `PID 1`) are passed over unless
    /// they are such a role word. The anchor there is said of the other member's own
    /// thing, not in the role of the anchor's member: no contradiction. The reach stops
    /// at the verb that ties the anchor to its subject, a content word right after an
    /// auxiliary ("is copied into"): "the host folder you choose is copied into
    /// /var/lib/docker/binds" says where the folder goes, and *choose*, a role word of the
    /// bind mount, is before that verb, so the anchor is not held. A word said with the
    /// other polarity than the model's ("rather than sh") holds nothing; a swap ("the
    /// shell form makes the app PID 1") has no role word there: both still contradict.
    fn in_its_role(
        &self,
        answer: &PreparedAnswer,
        stated: &Stated,
        here: u32,
        expected: u32,
        anchor: usize,
    ) -> bool {
        if stated.bits(None) & expected == 0 || self.roles.is_empty() {
            return false;
        }
        let tokens = answer.tokens();
        // A word of the role of a member that `here` has, in its polarity there.
        let role = |j: usize| {
            tokens[j].class != Class::Exact
                && !stated.owned.contains(&j)
                && (0..self.members.len())
                    .filter(|m| here & (1 << m) != 0)
                    .flat_map(|m| &self.roles[m])
                    .any(|(w, negated)| *w == tokens[j].stem && *negated == answer.negated(j))
        };
        // A word, or a code token whole ("sh" as a command) or by its parts.
        let holds = |i: usize| {
            role(i)
                || (tokens[i].class == Class::Code
                    && (i + 1..tokens.len())
                        .take_while(|&j| tokens[j].part)
                        .any(role))
        };
        let clause = tokens[anchor].place.clause;
        let mut before = tokens[..anchor]
            .iter()
            .enumerate()
            .rev()
            .filter(|(_, t)| !t.part)
            .take_while(|(_, t)| t.place.clause == clause)
            .peekable();
        let mut reach = HOLDER_REACH;
        while let Some((i, t)) = before.next() {
            if t.stop {
                continue;
            }
            if holds(i) {
                return true;
            }
            if self.before_anchor.contains(&t.stem) {
                continue;
            }
            // The verb after its auxiliary: its subject is not what holds the anchor.
            reach -= 1;
            if reach == 0
                || before
                    .peek()
                    .is_some_and(|(_, w)| lang::is_auxiliary(&w.norm))
            {
                return false;
            }
        }
        false
    }

    /// The members whose bit `keep` sets.
    fn bits(&self, keep: impl Fn(&Member) -> bool) -> u32 {
        self.members
            .iter()
            .enumerate()
            .filter(|(_, m)| keep(m))
            .fold(0, |bits, (i, _)| bits | 1 << i)
    }

    /// The first member among `bits`.
    fn first(&self, bits: u32) -> Option<usize> {
        (bits != 0).then(|| bits.trailing_zeros() as usize)
    }

    fn contradiction(
        &self,
        said: usize,
        model: u32,
        anchor: Option<String>,
        answer: &PreparedAnswer,
        stated: &Stated,
        sentence: Option<u32>,
    ) -> Contradiction {
        let names: Vec<String> = (0..self.members.len())
            .filter(|m| model & (1 << m) != 0)
            .map(|m| format!("`{}`", self.members[m].label))
            .collect();
        let matched = stated
            .tokens(1 << said, sentence)
            .iter()
            .map(|&t| answer.word(t).to_owned())
            .collect();
        Contradiction {
            role: self.role.to_owned(),
            said: self.members[said].label.to_owned(),
            model: crate::lang::prose_list(&names, "or"),
            anchor,
            matched,
        }
    }
}

mod advice;
mod code;
mod crossed;
mod roles;
mod sets;
mod terms;
#[cfg(test)]
mod tests;
mod values;
