//! What the question takes as given, and an answer whose thesis denies it: "Why does
//! NUMA matter for performance?" answered "where memory sits makes no difference", or
//! "why does the power of two choices work?" answered "picking two servers does not
//! improve on one random pick". A derived rubric only takes the denied word's weight
//! away, and the answer, naming the question's terms and the model answer's, passed;
//! yet it answers no to a question that asked why.
//!
//! An **effect word** is one of [`EFFECTS`]: what a question asks the reason for
//! (*matter*, *help*, *improve*, *faster*, *difference* ...). The answer's **thesis** is
//! its first sentence. The answer denies the question's premise when a negation in its
//! thesis governs an effect word (not "not only"), and a content word before that
//! negation, in the thesis, is the question's subject: a content word of the question
//! outside its **foil** (what the question negates, or puts after *than*, *unlike*,
//! *versus* or *over*: "faster than a full table scan"; denying the foil is the model
//! answer's own contrast). The question must not negate an effect word itself ("why
//! does adding threads not help?") and the model answer must deny none: a model answer
//! that says where it does not help makes such a denial part of the story. Only derived
//! rubrics are checked.
//!
//! A *why* also takes its own clause as given: "why does a cold fridge slow it down?"
//! takes it that cold slows it. The **run** is the content words right after the *why*
//! and its auxiliary (determiners skipped): *cold*, *fridge*, *slow*. An answer clause,
//! in any sentence, denies it when its first content word is a word of the run, a
//! negation follows and governs the first content word after it, that word is a later
//! word of the run, and the clause's content words after it are the question's, the
//! first of them the word the question has next: "Cold doesn't slow them down". Left alone: a run of fewer than two words, a word of it
//! that the question or the model answer negates, a clause naming the question's foil
//! or a word of its own after the denied one (a way denied: "salt doesn't melt ice by
//! heating it"; another thing: "a wetsuit doesn't keep water out"), and "not only".

use super::bindings::{content, contradiction};
use crate::grade::contrast::Contradiction;
use crate::grade::matcher::PreparedAnswer;
use crate::grade::token::Token;
use crate::lang::{is_auxiliary, is_determiner};

/// Words that say something has an effect or a use: what a question that asks why
/// takes as given.
const EFFECTS: &[&str] = &[
    "matter",
    "matters",
    "difference",
    "help",
    "helps",
    "improve",
    "improves",
    "improvement",
    "benefit",
    "benefits",
    "advantage",
    "gain",
    "gains",
    "faster",
    "quicker",
    "better",
    "reduce",
    "reduces",
    "speed",
    "speeds",
];

/// Words after which a question names what it contrasts its subject with.
const FOILS: &[&str] = &["than", "unlike", "versus", "vs", "over"];

/// The question's subject words, ready to check answers against.
#[derive(Debug, Default)]
pub struct Premises {
    /// The stems (as hashes) of the question's content words outside its foil; empty
    /// when the question or the model answer denies an effect word.
    subject: Vec<u64>,
    /// The stems of the run of content words after a *why* and its auxiliary, in order
    /// ("why does a cold fridge slow it down": *cold*, *fridge*, *slow*); empty unless
    /// two or more, and when the question or the model answer negates one of them.
    asked: Vec<u64>,
    /// The stems of the question's foil (see the module's doc).
    foil: Vec<u64>,
    /// The stems of the question's content words.
    question: Vec<u64>,
    /// For each word of `asked`, the stem of the question's next content word after it.
    next: Vec<Option<u64>>,
}

impl Premises {
    /// The premise of `asked` (the question's text, prepared), unless it or `model`
    /// (the model answer, prepared) denies an effect word.
    pub fn new(model: &PreparedAnswer, asked: &PreparedAnswer) -> Premises {
        let denies = |text: &PreparedAnswer| {
            let tokens = text.tokens();
            (0..tokens.len()).any(|i| effect(&tokens[i]) && text.negated(i))
        };
        let tokens = asked.tokens();
        let mut foil = vec![false; tokens.len()];
        for i in 0..tokens.len() {
            let after =
                i > 0 && foil[i - 1] && tokens[i].place.clause == tokens[i - 1].place.clause;
            foil[i] = asked.negated(i) || after || FOILS.contains(&&*tokens[i].norm);
        }
        let mut subject: Vec<u64> = Vec::new();
        if !denies(model) && !denies(asked) {
            subject = (0..tokens.len())
                .filter(|&i| !foil[i] && content(&tokens[i]) && !effect(&tokens[i]))
                .map(|i| tokens[i].stem_hash)
                .collect();
            subject.sort_unstable();
            subject.dedup();
        }
        let foil: Vec<u64> = (0..tokens.len())
            .filter(|&i| foil[i] && content(&tokens[i]))
            .map(|i| tokens[i].stem_hash)
            .collect();
        let mut run = why_run(asked);
        let denied = |stem: u64| {
            let m = model.tokens();
            (0..m.len()).any(|k| m[k].stem_hash == stem && model.negated(k))
                || (0..tokens.len()).any(|k| tokens[k].stem_hash == stem && asked.negated(k))
        };
        if run.len() < 2 || run.iter().any(|&(_, stem)| denied(stem)) {
            run.clear();
        }
        let next = run
            .iter()
            .map(|&(k, _)| {
                (k + 1..tokens.len())
                    .find(|&j| content(&tokens[j]))
                    .map(|j| tokens[j].stem_hash)
            })
            .collect();
        Premises {
            subject,
            next,
            asked: run.into_iter().map(|(_, stem)| stem).collect(),
            foil,
            question: tokens
                .iter()
                .filter(|t| content(t))
                .map(|t| t.stem_hash)
                .collect(),
        }
    }

    /// The first denial, in `answer`'s thesis, of the effect the question asks about;
    /// else, anywhere, of what a *why* takes as given (see [`Premises::asked`]).
    pub fn check(&self, answer: &PreparedAnswer) -> Option<Contradiction> {
        self.effect(answer).or_else(|| self.asked(answer))
    }

    /// The first denial, in `answer`'s thesis, of the effect the question asks about.
    fn effect(&self, answer: &PreparedAnswer) -> Option<Contradiction> {
        if self.subject.is_empty() {
            return None;
        }
        let tokens = answer.tokens();
        let thesis = tokens.first()?.place.sentence;
        for i in (0..tokens.len()).take_while(|&i| tokens[i].place.sentence == thesis) {
            if !effect(&tokens[i]) {
                continue;
            }
            let Some(cue) = answer.cue(i) else {
                continue;
            };
            let only = (cue + 1..tokens.len())
                .find(|&k| !tokens[k].part)
                .is_some_and(|k| tokens[k].norm.as_ref() == "only");
            let named = (0..cue)
                .find(|&k| content(&tokens[k]) && self.subject.contains(&tokens[k].stem_hash));
            if let (false, Some(first)) = (only, named) {
                let span = (first.min(cue), i.max(cue));
                return Some(contradiction(
                    "premise",
                    answer,
                    span,
                    "why it does (the question takes that as given)".to_owned(),
                ));
            }
        }
        None
    }

    /// The first clause of `answer` that denies what a *why* of the question takes as
    /// given: its first content word is a word of the run after the *why* (its subject),
    /// a negation follows, the first content word after the negation is a later word of
    /// that run, and the content words after that are the question's, the first of
    /// them the one the question has next ("Cold doesn't slow them down" to "why does a
    /// cold fridge slow it down?"); a clause naming the question's foil is left alone.
    fn asked(&self, answer: &PreparedAnswer) -> Option<Contradiction> {
        if self.asked.is_empty() {
            return None;
        }
        let tokens = answer.tokens();
        let place = |stem: u64| self.asked.iter().position(|&s| s == stem);
        for cue in (0..tokens.len()).filter(|&i| !tokens[i].part && tokens[i].is_negation()) {
            let clause = tokens[cue].place.clause;
            let words: Vec<usize> = (0..tokens.len())
                .filter(|&k| tokens[k].place.clause == clause && content(&tokens[k]))
                .collect();
            if words
                .iter()
                .any(|&k| self.foil.contains(&tokens[k].stem_hash))
            {
                continue;
            }
            let Some(&first) = words.first().filter(|&&k| k < cue) else {
                continue;
            };
            let Some(&word) = words.iter().find(|&&k| k > cue) else {
                continue;
            };
            let (Some(s), Some(w)) = (
                place(tokens[first].stem_hash),
                place(tokens[word].stem_hash),
            ) else {
                continue;
            };
            // "Salt doesn't melt ice by heating it" denies a way, and "a wetsuit doesn't
            // keep water out" another thing: not the premise.
            let mut after = words.iter().filter(|&&k| k > word).peekable();
            let other = after
                .peek()
                .is_some_and(|&&k| self.next[w] != Some(tokens[k].stem_hash));
            let way = after.any(|&k| !self.question.contains(&tokens[k].stem_hash));
            let way = way || other;
            let only = (cue + 1..tokens.len())
                .find(|&k| !tokens[k].part)
                .is_some_and(|k| tokens[k].norm.as_ref() == "only");
            if s < w && !way && !only && answer.cue(word) == Some(cue) {
                return Some(contradiction(
                    "premise",
                    answer,
                    (first, word),
                    "why it does (the question takes that as given)".to_owned(),
                ));
            }
        }
        None
    }
}

/// The run of content words (token index, stem) of `asked` right after its first *why*
/// and the auxiliary after it, determiners skipped before the run: "why does a cold
/// fridge slow it down" gives *cold*, *fridge*, *slow*.
fn why_run(asked: &PreparedAnswer) -> Vec<(usize, u64)> {
    let tokens = asked.tokens();
    let words: Vec<usize> = (0..tokens.len()).filter(|&k| !tokens[k].part).collect();
    let Some(why) = words.iter().position(|&k| tokens[k].norm.as_ref() == "why") else {
        return Vec::new();
    };
    let mut rest = words[why + 1..].iter().copied().peekable();
    if rest.next_if(|&k| is_auxiliary(&tokens[k].norm)).is_none() {
        return Vec::new();
    }
    while rest.next_if(|&k| is_determiner(&tokens[k].norm)).is_some() {}
    let clause = tokens[words[why]].place.clause;
    rest.take_while(|&k| content(&tokens[k]) && tokens[k].place.clause == clause)
        .map(|k| (k, tokens[k].stem_hash))
        .collect()
}

/// Whether `t` is an effect word.
fn effect(t: &Token) -> bool {
    !t.part && EFFECTS.contains(&t.norm.as_ref())
}

#[cfg(test)]
mod tests;
