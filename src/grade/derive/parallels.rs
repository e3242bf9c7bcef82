//! Two things a derived rubric's model answer qualifies side by side with the same
//! preposition, and an answer that swaps the qualifiers: "cgroups for limits and
//! namespaces for isolation" answered "cgroups for isolation and namespaces for
//! limits", or "panics in debug builds and wraps in release builds" answered "wraps in
//! debug builds and panics in release builds". A derived rubric counts words one by
//! one, so such an answer names every concept and passed; [`super::bindings`] reads a
//! few prepositions that bind one way round on their own (*inside*, *on*, ...), this
//! module the common ones (*in*, *for*, *at*, *with*, ...), which only a pair of
//! bindings turned round together tells.
//!
//! A **parallel** is two bindings of the model answer (see [`super::bindings`]) with
//! the same preposition of [`PREPOSITIONS`], in the same sentence or the next, whose
//! left words differ and stand in neither phrase, and whose phrases each have a word
//! the other lacks (its **own**: *debug*, *release*; *builds* is both's). An answer's
//! binding with that preposition is **crossed** from one to the other when its left
//! word is the first's and its phrase meets the second's own words and not the
//! first's. An answer with a binding crossed each way, and none that states either
//! binding (its left word with a word of its own), swaps the two.

use super::bindings::{Binding, Phrase, bindings_of, contradiction, text};
use crate::grade::contrast::Contradiction;
use crate::grade::matcher::PreparedAnswer;

/// Prepositions that qualify the word before them, read in pairs only: "in debug
/// builds", "for isolation".
const PREPOSITIONS: &[&str] = &[
    "in", "for", "at", "with", "under", "during", "via", "through", "per", "inside", "on",
];

/// The most parallels read.
const MOST: usize = 32;

/// One side of a parallel: the left word and the phrase's own words.
#[derive(Debug, Clone, Copy)]
struct Side {
    left: u64,
    own: Phrase,
}

/// The model answer's parallels, ready to check answers against.
#[derive(Debug, Default)]
pub struct Parallels {
    /// Each parallel's preposition, two sides, and the two bindings as written.
    model: Vec<(usize, [Side; 2], String)>,
}

impl Parallels {
    /// The parallels of `model` (a derived rubric's model answer, prepared).
    pub fn new(model: &PreparedAnswer) -> Parallels {
        let tokens = model.tokens();
        let all: Vec<Binding> = bindings_of(tokens, PREPOSITIONS).collect();
        let sentence = |b: &Binding| tokens[b.span.0].place.sentence;
        let own = |b: &Binding, other: &Binding| {
            let mut own = Phrase::default();
            for &s in b.right.words().iter().filter(|&&s| !other.right.has(s)) {
                own.push(s);
            }
            own
        };
        let mut parallels = Vec::new();
        for (i, a) in all.iter().enumerate() {
            for b in &all[i + 1..] {
                if parallels.len() == MOST {
                    break;
                }
                let near = sentence(b) <= sentence(a) + 1;
                let apart = a.left != b.left && !a.right.has(b.left) && !b.right.has(a.left);
                let (own_a, own_b) = (own(a, b), own(b, a));
                if a.connector != b.connector || !near || !apart || own_a.len == 0 || own_b.len == 0
                {
                    continue;
                }
                let said = format!(
                    "\"{}\" and \"{}\"",
                    text(model, a.span),
                    text(model, b.span)
                );
                parallels.push((
                    a.connector,
                    [
                        Side {
                            left: a.left,
                            own: own_a,
                        },
                        Side {
                            left: b.left,
                            own: own_b,
                        },
                    ],
                    said,
                ));
            }
        }
        Parallels { model: parallels }
    }

    /// The first parallel of the model answer that `answer` swaps.
    pub fn check(&self, answer: &PreparedAnswer) -> Option<Contradiction> {
        if self.model.is_empty() {
            return None;
        }
        let tokens = answer.tokens();
        let made: Vec<Binding> = bindings_of(tokens, PREPOSITIONS).collect();
        if made.len() < 2 {
            return None;
        }
        for (connector, sides, said) in &self.model {
            let with = || made.iter().filter(|b| b.connector == *connector);
            let states = with().any(|b| {
                sides
                    .iter()
                    .any(|s| b.left == s.left && b.right.meets(&s.own))
            });
            if states {
                continue;
            }
            let crossed = |from: usize| {
                let (first, second) = (&sides[from], &sides[1 - from]);
                with().find(|b| {
                    b.left == first.left && b.right.meets(&second.own) && !b.right.meets(&first.own)
                })
            };
            if let (Some(a), Some(_)) = (crossed(0), crossed(1)) {
                let model = format!("{said} (the two swapped)");
                return Some(contradiction("parallel", answer, a.span, model));
            }
        }
        None
    }
}

#[cfg(test)]
mod tests;
