//! Comparisons a derived rubric's model answer makes with *than*, and an answer that
//! turns one round: "the reported percentiles look far better than what users see"
//! answered "the percentiles come out worse than what users see" (the antonym, same
//! sides), or "remote reads are slower than local ones" answered "local reads are
//! slower than remote ones" (the same comparative, sides swapped). A derived rubric
//! counts words one by one, so such an answer names every concept and passed.
//!
//! A **comparison** is a comparative of [`COMPARATIVES`] with *than* after it in the same
//! clause (at most [`BETWEEN`] content words between: "more consumers than"), in a
//! clause with no negation. Its **left** side is the nearest [`SIDE`] content words
//! before the comparative and those between it and *than*; its **right** side the
//! first [`SIDE`] content words after *than*; a word on both sides belongs to neither.
//! An answer's comparison **meets** a model one's sides straight when left meets left
//! and right meets right, crossed when left meets right and right meets left. It
//! contradicts the model comparison when it says the antonym and meets it straight and
//! not crossed, or the same comparative crossed and not straight ("fewer partitions
//! than consumers" is "more consumers than partitions", and no turn); an answer that
//! also makes the model's comparison as it is says both and is left alone.

use super::bindings::{around, content, contradiction, text};
use crate::grade::contrast::Contradiction;
use crate::grade::matcher::PreparedAnswer;
use crate::grade::token::Token;
use crate::lang::COMPARATIVES;

/// How many content words a side keeps.
const SIDE: usize = 4;

/// How many content words may stand between the comparative and *than*.
const BETWEEN: usize = 2;

/// A comparison: its comparative (as written, lower case), its two sides (stems as
/// hashes) and the tokens it spans.
#[derive(Debug, Clone)]
struct Comparison {
    comparative: &'static str,
    left: Vec<u64>,
    right: Vec<u64>,
    span: (usize, usize),
}

impl Comparison {
    fn straight(&self, other: &Comparison) -> bool {
        meets(&self.left, &other.left) && meets(&self.right, &other.right)
    }

    fn crossed(&self, other: &Comparison) -> bool {
        meets(&self.left, &other.right) && meets(&self.right, &other.left)
    }
}

fn meets(a: &[u64], b: &[u64]) -> bool {
    a.iter().any(|s| b.contains(s))
}

/// Whether `a` and `b` are a comparative and its antonym.
fn opposite(a: &str, b: &str) -> bool {
    COMPARATIVES
        .iter()
        .any(|&(x, y)| (x == a && y == b) || (x == b && y == a))
}

/// The model answer's comparisons, ready to check answers against.
#[derive(Debug, Default)]
pub struct Comparisons {
    model: Vec<(Comparison, String)>,
}

impl Comparisons {
    /// The comparisons of `model` (a derived rubric's model answer, prepared).
    pub fn new(model: &PreparedAnswer) -> Comparisons {
        let model = comparisons(model.tokens())
            .map(|c| {
                let said = text(model, c.span);
                (c, said)
            })
            .collect();
        Comparisons { model }
    }

    /// The first comparison of `answer` that turns one of the model answer's round.
    pub fn check(&self, answer: &PreparedAnswer) -> Option<Contradiction> {
        if self.model.is_empty() {
            return None;
        }
        let tokens = answer.tokens();
        let made: Vec<Comparison> = comparisons(tokens).collect();
        let states = |m: &Comparison| {
            made.iter()
                .any(|a| a.comparative == m.comparative && a.straight(m) && !a.crossed(m))
        };
        for a in &made {
            for (m, said) in &self.model {
                let turned = if opposite(a.comparative, m.comparative) {
                    a.straight(m) && !a.crossed(m)
                } else {
                    a.comparative == m.comparative && a.crossed(m) && !a.straight(m)
                };
                if turned && !states(m) {
                    let model = format!("\"{said}\" (turned round)");
                    return Some(contradiction("comparison", answer, a.span, model));
                }
            }
        }
        None
    }
}

/// The comparisons of `tokens`, outside clauses with a negation.
fn comparisons(tokens: &[Token]) -> impl Iterator<Item = Comparison> + '_ {
    tokens.iter().enumerate().filter_map(move |(i, t)| {
        if t.part {
            return None;
        }
        let comparative = COMPARATIVES.iter().find_map(|&(a, b)| {
            if *t.norm == *a {
                Some(a)
            } else if *t.norm == *b {
                Some(b)
            } else {
                None
            }
        })?;
        let (before, after) = around(tokens, i)?;
        let mut after = after.peekable();
        let mut left: Vec<u64> = Vec::new();
        let mut between = 0;
        // Up to *than*: a few content words, no other function word but a determiner.
        loop {
            let k = after.next()?;
            let token = &tokens[k];
            if &*token.norm == "than" {
                break;
            }
            if !content(token) {
                return None;
            }
            between += 1;
            if between > BETWEEN {
                return None;
            }
            left.push(token.stem_hash);
        }
        left.extend(
            before
                .filter(|&k| content(&tokens[k]))
                .take(SIDE)
                .map(|k| tokens[k].stem_hash),
        );
        let mut last = i;
        let mut right = Vec::new();
        for k in after.filter(|&k| content(&tokens[k])).take(SIDE) {
            last = k;
            right.push(tokens[k].stem_hash);
        }
        let both: Vec<u64> = left.iter().copied().filter(|s| right.contains(s)).collect();
        left.retain(|s| !both.contains(s));
        right.retain(|s| !both.contains(s));
        let first = (0..i)
            .rev()
            .take_while(|&k| tokens[k].place.clause == t.place.clause)
            .last()
            .unwrap_or(i);
        (!left.is_empty() && !right.is_empty()).then_some(Comparison {
            comparative,
            left,
            right,
            span: (first, last),
        })
    })
}

#[cfg(test)]
mod tests;
