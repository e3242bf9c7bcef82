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

use super::bindings::{content, contradiction};
use crate::grade::contrast::Contradiction;
use crate::grade::matcher::PreparedAnswer;
use crate::grade::token::Token;

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
}

impl Premises {
    /// The premise of `asked` (the question's text, prepared), unless it or `model`
    /// (the model answer, prepared) denies an effect word.
    pub fn new(model: &PreparedAnswer, asked: &PreparedAnswer) -> Premises {
        let denies = |text: &PreparedAnswer| {
            let tokens = text.tokens();
            (0..tokens.len()).any(|i| effect(&tokens[i]) && text.negated(i))
        };
        if denies(model) || denies(asked) {
            return Premises::default();
        }
        let tokens = asked.tokens();
        let mut foil = vec![false; tokens.len()];
        for i in 0..tokens.len() {
            let after =
                i > 0 && foil[i - 1] && tokens[i].place.clause == tokens[i - 1].place.clause;
            foil[i] = asked.negated(i) || after || FOILS.contains(&&*tokens[i].norm);
        }
        let mut subject: Vec<u64> = (0..tokens.len())
            .filter(|&i| !foil[i] && content(&tokens[i]) && !effect(&tokens[i]))
            .map(|i| tokens[i].stem_hash)
            .collect();
        subject.sort_unstable();
        subject.dedup();
        Premises { subject }
    }

    /// The first denial, in `answer`'s thesis, of the effect the question asks about.
    pub fn check(&self, answer: &PreparedAnswer) -> Option<Contradiction> {
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
}

/// Whether `t` is an effect word.
fn effect(t: &Token) -> bool {
    !t.part && EFFECTS.contains(&t.norm.as_ref())
}

#[cfg(test)]
mod tests;
