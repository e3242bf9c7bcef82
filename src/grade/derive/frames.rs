//! What a derived rubric's model answer says under each of its conditions, and an answer
//! that puts one condition's outcome under another: "if every entry of A is at most
//! B's, A happened before B; if neither dominates, the events are concurrent" answered
//! "if every entry of A is at most B's, the events are concurrent". A derived rubric
//! counts words one by one, so such an answer names every concept and passed.
//!
//! A **frame** is a clause opened by *if*, *when*, *whenever* or *once* (its condition:
//! its content words) and the clause after it in the same sentence (its outcome). An
//! answer's frame contradicts the model answer when its condition meets one model
//! frame's by a word the other's lacks (and the other's by none of its own), its
//! outcome shares no word with the first model frame's outcome and meets the second's
//! by a word the first's lacks: the two outcomes turned round. An answer that also puts
//! the first frame's outcome under its condition says both and is left alone. Only a
//! model answer of two frames or more is read.

use super::actions::Clause;
use super::bindings::{content, text, turned};
use crate::grade::contrast::Contradiction;
use crate::grade::matcher::PreparedAnswer;
use crate::grade::token::Token;

/// A condition and its outcome.
#[derive(Debug, Clone, Copy)]
struct Frame {
    condition: Clause,
    outcome: Clause,
    /// The tokens it spans, first and last.
    span: (usize, usize),
}

/// The model answer's frames, ready to check answers against.
#[derive(Debug, Default)]
pub struct Frames {
    model: Vec<(Frame, String)>,
}

impl Frames {
    /// The frames of `model` (a derived rubric's model answer, prepared), when it has
    /// two or more.
    pub fn new(model: &PreparedAnswer) -> Frames {
        let found: Vec<(Frame, String)> = frames(model.tokens())
            .map(|f| (f, text(model, f.span)))
            .collect();
        Frames {
            model: if found.len() > 1 { found } else { Vec::new() },
        }
    }

    /// The first frame of `answer` that puts one model frame's outcome under another's
    /// condition.
    pub fn check(&self, answer: &PreparedAnswer) -> Option<Contradiction> {
        if self.model.is_empty() {
            return None;
        }
        let tokens = answer.tokens();
        let under = |a: &Frame, m: &Frame, other: &Frame| {
            a.condition.meets_apart(&m.condition, &other.condition)
                && !a.condition.meets_apart(&other.condition, &m.condition)
        };
        for a in frames(tokens) {
            for (m, said) in &self.model {
                for (other, _) in self.model.iter().filter(|(o, _)| o.span != m.span) {
                    let crossed = under(&a, m, other)
                        && !a.outcome.meets(&m.outcome)
                        && a.outcome.meets_apart(&other.outcome, &m.outcome);
                    let states = || {
                        frames(tokens).any(|b| under(&b, m, other) && b.outcome.meets(&m.outcome))
                    };
                    if crossed && !states() {
                        return Some(turned("condition", answer, a.span, said));
                    }
                }
            }
        }
        None
    }
}

/// The frames of `tokens`.
fn frames(tokens: &[Token]) -> impl Iterator<Item = Frame> + '_ {
    let words = move |clause: u32, from: usize| {
        (from..tokens.len())
            .filter(|&k| !tokens[k].part)
            .skip_while(move |&k| tokens[k].place.clause < clause)
            .take_while(move |&k| tokens[k].place.clause == clause)
    };
    tokens.iter().enumerate().filter_map(move |(i, t)| {
        if t.part || !matches!(&*t.norm, "if" | "when" | "whenever" | "once") {
            return None;
        }
        // The cue opens its clause.
        let opens = (0..i)
            .rev()
            .find(|&k| !tokens[k].part)
            .is_none_or(|k| tokens[k].place.clause != t.place.clause);
        if !opens {
            return None;
        }
        let mut condition = Clause::default();
        let mut last = i;
        for k in words(t.place.clause, i + 1) {
            last = k;
            if content(&tokens[k]) {
                condition.push(tokens[k].stem_hash);
            }
        }
        let mut outcome = Clause::default();
        let next = t.place.clause + 1;
        for k in words(next, last + 1).filter(|&k| tokens[k].place.sentence == t.place.sentence) {
            last = k;
            if content(&tokens[k]) {
                outcome.push(tokens[k].stem_hash);
            }
        }
        (condition.len() > 0 && outcome.len() > 0).then_some(Frame {
            condition,
            outcome,
            span: (i, last),
        })
    })
}

#[cfg(test)]
mod tests;
