//! What a derived rubric's model answer names the problem and what it names the fix,
//! and an answer that gives the one's label to the other: "the fix is a generator that
//! sends at a fixed rate" answered "the problem is a generator that sends at a fixed
//! rate". A derived rubric counts words one by one, so such an answer names every
//! concept and passed; the words are the model's, the claim about them the reverse.
//!
//! A **labelled claim** is a label of one of [`LABELS`]' two groups (a trouble: *the
//! problem*, *the issue*, ...; a remedy: *the fix*, *the solution*, ...) right before
//! *is*, *are* or *was*, and the content words after it in its clause, in a clause with
//! no negation. A model claim's **own words** are those the model answer says in no
//! other clause and the question does not ask about: the thing the fix acts on ("the
//! fix is to raise the open file limit") is often the problem's name too ("the cause is
//! the open file limit"), and the question tends to name it. An answer's claim contradicts the model answer when its label is of
//! the other group than a model claim's and its words meet that claim's own words by
//! [`MEET`] words or more, and the answer makes no claim of the model's group that
//! meets them as much (it says both).

use super::actions::Clause;
use super::bindings::{around, content, text, turned};
use crate::grade::contrast::Contradiction;
use crate::grade::matcher::PreparedAnswer;
use crate::grade::token::Token;

/// The two groups of labels: what goes wrong, and what puts it right.
const LABELS: [&[&str]; 2] = [
    &[
        "problem", "problems", "issue", "issues", "cause", "flaw", "pitfall", "trouble", "mistake",
        "bug",
    ],
    &[
        "fix",
        "solution",
        "remedy",
        "cure",
        "workaround",
        "mitigation",
    ],
];

/// The words that say what the label is.
const COPULAS: &[&str] = &["is", "are", "was"];

/// How many of a model claim's own words an answer's claim must say: one word may be
/// a chance meeting ("the problem is the fixed pool" where the fix is "a fixed rate").
const MEET: usize = 2;

/// A label's group, the content words after it and the tokens it spans.
#[derive(Debug, Clone, Copy)]
struct Labelled {
    group: usize,
    words: Clause,
    span: (usize, usize),
}

/// The model answer's labelled claims, ready to check answers against.
#[derive(Debug, Default)]
pub struct Labels {
    /// Each claim with its own words in place of all its words, and its text.
    model: Vec<(Labelled, String)>,
}

impl Labels {
    /// The labelled claims of `model` (a derived rubric's model answer, prepared);
    /// `asked` is the question's text.
    pub fn new(model: &PreparedAnswer, asked: &PreparedAnswer) -> Labels {
        let tokens = model.tokens();
        let asked: Vec<u64> = asked.tokens().iter().map(|t| t.stem_hash).collect();
        let model = labelled(tokens)
            .filter_map(|mut claim| {
                let clause = tokens[claim.span.1].place.clause;
                let mut own = Clause::default();
                for &s in claim.words.words() {
                    let elsewhere = tokens
                        .iter()
                        .any(|t| t.place.clause != clause && content(t) && t.stem_hash == s);
                    if !elsewhere && !asked.contains(&s) {
                        own.push(s);
                    }
                }
                claim.words = own;
                (own.len() >= MEET).then(|| (claim, text(model, claim.span)))
            })
            .collect();
        Labels { model }
    }

    /// The first claim of `answer` that gives a model claim the other group's label.
    pub fn check(&self, answer: &PreparedAnswer) -> Option<Contradiction> {
        if self.model.is_empty() {
            return None;
        }
        let tokens = answer.tokens();
        let meets = |a: &Labelled, m: &Labelled| {
            a.words.words().iter().filter(|&&s| m.words.has(s)).count() >= MEET
        };
        for a in labelled(tokens) {
            for (m, said) in &self.model {
                if a.group == m.group || !meets(&a, m) {
                    continue;
                }
                let both = labelled(tokens).any(|b| b.group == m.group && meets(&b, m));
                if !both {
                    return Some(turned("label", answer, a.span, said));
                }
            }
        }
        None
    }
}

/// The labelled claims of `tokens`, outside clauses with a negation.
fn labelled(tokens: &[Token]) -> impl Iterator<Item = Labelled> + '_ {
    tokens.iter().enumerate().filter_map(move |(i, t)| {
        if t.part || !COPULAS.contains(&&*t.norm) {
            return None;
        }
        let (mut before, after) = around(tokens, i)?;
        let label = before.next()?;
        let group = LABELS
            .iter()
            .position(|g| g.contains(&&*tokens[label].norm))?;
        let mut words = Clause::default();
        let mut last = i;
        for k in after.filter(|&k| content(&tokens[k])) {
            words.push(tokens[k].stem_hash);
            last = k;
        }
        (words.len() > 0).then_some(Labelled {
            group,
            words,
            span: (label, last),
        })
    })
}

#[cfg(test)]
mod tests;
