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
//! outcome meets the first model frame's outcome by no word the second's lacks, and
//! meets the second's by a word that the first frame lacks, in its outcome and its
//! condition: the two outcomes turned round. Only the words the two outcomes do not
//! share count, as they often say two things of one subject ("if some test fails, the
//! mutant is killed; if every test passes, the mutant survived" answered "if every
//! test passes, the mutant is killed"). An answer that also puts the first frame's
//! outcome under its condition says both and is left alone. Only a model answer of two
//! frames or more is read.
//!
//! An *otherwise* (or *else*) clause right after a frame's outcome, in its sentence or
//! after a `;`, is a frame of no condition: the outcome when the condition fails ("if j is at most k,
//! replace the item in slot j, otherwise discard the new item"), read the same way: the
//! two outcomes often share their object.

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
                    // The two outcomes often say the same thing of one subject ("the
                    // mutant is killed" / "the mutant survived") or the same thing
                    // done otherwise ("replace the item" / "discard the item"): only
                    // the words they do not share count, and a word of the first
                    // frame's condition is no sign of the other's outcome.
                    let kept = |b: &Frame| b.outcome.meets_apart(&m.outcome, &other.outcome);
                    let crossed = under(&a, m, other)
                        && !kept(&a)
                        && a.outcome.words().iter().any(|&s| {
                            other.outcome.has(s) && !m.outcome.has(s) && !m.condition.has(s)
                        });
                    let states = || frames(tokens).any(|b| under(&b, m, other) && kept(&b));
                    if crossed && !states() {
                        return Some(turned("condition", answer, a.span, said));
                    }
                }
            }
        }
        None
    }
}

/// The frames of `tokens`: each condition with its outcome, and after one an
/// *otherwise* clause of the same sentence or after a `;` ("..., otherwise discard it"), its outcome
/// when the condition does not hold, as a frame with no condition.
fn frames(tokens: &[Token]) -> impl Iterator<Item = Frame> + '_ {
    tokens.iter().enumerate().flat_map(move |(i, t)| {
        let frame = frame(tokens, i, t);
        let otherwise = frame.and_then(|f| {
            let k = (f.span.1 + 1..tokens.len()).find(|&k| !tokens[k].part)?;
            // In the condition's sentence, or the next after a `;`.
            let at = tokens[k].place;
            let next = at.sentence == t.place.sentence + 1 && at.after_semicolon;
            let opens = (at.sentence == t.place.sentence || next)
                && matches!(&*tokens[k].norm, "otherwise" | "else");
            let place = (at.sentence, at.clause);
            let (outcome, last) = clause_words(tokens, place, k + 1, k);
            (opens && outcome.len() > 0).then_some(Frame {
                condition: Clause::default(),
                outcome,
                span: (k, last),
            })
        });
        frame.into_iter().chain(otherwise)
    })
}

/// The content words of clause `clause` of sentence `sentence`, from token `from` on,
/// and its last token (`last` when it has none).
fn clause_words(
    tokens: &[Token],
    (sentence, clause): (u32, u32),
    from: usize,
    mut last: usize,
) -> (Clause, usize) {
    let mut words = Clause::default();
    for k in (from..tokens.len())
        .filter(|&k| !tokens[k].part)
        .skip_while(|&k| tokens[k].place.clause < clause)
        .take_while(|&k| tokens[k].place.clause == clause)
        .filter(|&k| tokens[k].place.sentence == sentence)
    {
        last = k;
        if content(&tokens[k]) {
            words.push(tokens[k].stem_hash);
        }
    }
    (words, last)
}

/// The frame of the cue at token `i` (`t`), if it is one.
fn frame(tokens: &[Token], i: usize, t: &Token) -> Option<Frame> {
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
    let (condition, last) = clause_words(tokens, (t.place.sentence, t.place.clause), i + 1, i);
    let next = (t.place.sentence, t.place.clause + 1);
    let (outcome, end) = clause_words(tokens, next, last + 1, last);
    (condition.len() > 0 && outcome.len() > 0).then_some(Frame {
        condition,
        outcome,
        span: (i, end),
    })
}

#[cfg(test)]
mod tests;
