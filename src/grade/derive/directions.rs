//! A verb the derived rubric's model answer sends *up* (or *down*), and an answer that
//! sends it the other way: "walk down only the subtrees whose hashes differ" answered
//! "walk up to the root", "round down to the block size" answered "round up". A derived
//! rubric matches *walk* and drops *up* and *down* as stop words, so the turned
//! direction cost nothing.
//!
//! A **direction** is a content word right before one of [`WAYS`] (no word between), in
//! a clause with no negation. An answer's direction contradicts the model answer when
//! the model answer sends the same word (by stem) the other way and never this way, and
//! the answer does not send it the model's way too. Only *up* and *down*: *in* and *out*
//! after a verb are as often prepositions of place ("stored in memory").

use super::bindings::{around, content, contradiction, text};
use crate::grade::contrast::Contradiction;
use crate::grade::matcher::PreparedAnswer;
use crate::grade::token::Token;

/// The two ways, each with its spellings.
const WAYS: [&[&str]; 2] = [
    &["up", "upward", "upwards"],
    &["down", "downward", "downwards"],
];

/// The model answer's directions, ready to check answers against.
#[derive(Debug, Default)]
pub struct Directions {
    /// Each word (stem hash) the model answer sends one way only, the way, and the
    /// words as written.
    model: Vec<(u64, usize, String)>,
}

impl Directions {
    /// The directions of `model` (a derived rubric's model answer, prepared).
    pub fn new(model: &PreparedAnswer) -> Directions {
        let tokens = model.tokens();
        let all: Vec<(u64, usize, (usize, usize))> = directions(tokens).collect();
        let mut kept: Vec<(u64, usize, String)> = Vec::new();
        for &(stem, way, span) in &all {
            let both = all.iter().any(|&(s, w, _)| s == stem && w != way);
            if !both && !kept.iter().any(|(s, _, _)| *s == stem) {
                kept.push((stem, way, text(model, span)));
            }
        }
        Directions { model: kept }
    }

    /// The first direction of `answer` that turns one of the model answer's.
    pub fn check(&self, answer: &PreparedAnswer) -> Option<Contradiction> {
        if self.model.is_empty() {
            return None;
        }
        let tokens = answer.tokens();
        let made: Vec<(u64, usize, (usize, usize))> = directions(tokens).collect();
        for &(stem, way, span) in &made {
            let Some((_, _, said)) = self.model.iter().find(|(s, w, _)| *s == stem && *w != way)
            else {
                continue;
            };
            if made.iter().any(|&(s, w, _)| s == stem && w != way) {
                continue;
            }
            let model = format!("\"{said}\" (the other way)");
            return Some(contradiction("way", answer, span, model));
        }
        None
    }
}

/// The directions of `tokens`: the word's stem (as a hash), the way, and the span.
fn directions(tokens: &[Token]) -> impl Iterator<Item = (u64, usize, (usize, usize))> + '_ {
    tokens.iter().enumerate().filter_map(move |(i, t)| {
        if t.part {
            return None;
        }
        let way = WAYS.iter().position(|w| w.contains(&&*t.norm))?;
        let (mut before, _) = around(tokens, i)?;
        let verb = before
            .next()
            .filter(|&k| content(&tokens[k]) && !tokens[k].glued)?;
        Some((tokens[verb].stem_hash, way, (verb, i)))
    })
}

#[cfg(test)]
mod tests;
