//! Ratios a derived rubric's model answer writes, and an answer that turns one over:
//! "each of the m buckets is hit with probability 1/m ... a fraction b/n of them"
//! answered "a fraction n/b". A derived rubric matches a code token whole, so the
//! turned ratio only missed one concept and an answer that names every other passed.
//!
//! A **ratio** is a code token of two sides joined by one `/`, each side a letter or a
//! number and one side at least a letter (`k/i`, `1/p`; not `24/7`, a date, nor
//! `rx/tx`, a pair of names written either way). An answer's ratio contradicts the
//! model answer when the model answer writes it the other way round and never as
//! written, and the answer does not also write the model's.

use super::bindings::contradiction;
use crate::grade::contrast::Contradiction;
use crate::grade::matcher::PreparedAnswer;
use crate::grade::token::{Class, Token};

/// The model answer's ratios, ready to check answers against.
#[derive(Debug, Default)]
pub struct Ratios {
    /// Each model ratio as written, and turned over.
    model: Vec<(String, String)>,
}

impl Ratios {
    /// The ratios of `model` (a derived rubric's model answer, prepared) that it does
    /// not also write turned over.
    pub fn new(model: &PreparedAnswer) -> Ratios {
        let tokens = model.tokens();
        let written: Vec<&str> = tokens.iter().filter_map(ratio).collect();
        let mut model: Vec<(String, String)> = written
            .iter()
            .filter_map(|r| {
                let (a, b) = r.split_once('/')?;
                let over = format!("{b}/{a}");
                (!written.contains(&over.as_str())).then(|| (r.to_string(), over))
            })
            .collect();
        model.dedup();
        Ratios { model }
    }

    /// The first ratio of `answer` that turns one of the model answer's over.
    pub fn check(&self, answer: &PreparedAnswer) -> Option<Contradiction> {
        if self.model.is_empty() {
            return None;
        }
        let tokens = answer.tokens();
        let writes = |r: &str| tokens.iter().any(|t| ratio(t) == Some(r));
        let (i, said) = tokens.iter().enumerate().find_map(|(i, t)| {
            let r = ratio(t)?;
            let (said, _) = self.model.iter().find(|(_, over)| over == r)?;
            (!writes(said)).then_some((i, said))
        })?;
        Some(contradiction(
            "ratio",
            answer,
            (i, i),
            format!("\"{said}\" (turned over)"),
        ))
    }
}

/// The text of token `t` when it is a ratio.
fn ratio(t: &Token) -> Option<&str> {
    if t.part || t.class != Class::Code {
        return None;
    }
    let (a, b) = t.norm.split_once('/')?;
    let side = |s: &str| {
        let letter = s.len() == 1 && s.bytes().all(|c| c.is_ascii_alphabetic());
        let number = !s.is_empty() && s.bytes().all(|c| c.is_ascii_digit());
        (letter, letter || number)
    };
    let ((la, a_ok), (lb, b_ok)) = (side(a), side(b));
    (a_ok && b_ok && (la || lb) && a != b).then_some(&*t.norm)
}

#[cfg(test)]
mod tests;
