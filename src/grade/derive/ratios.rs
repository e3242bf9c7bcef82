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
//!
//! A ratio said in words is read the same way: "the number of stored entries divided
//! by the number of buckets" answered "buckets divided by entries", or "the ratio of
//! hits to lookups" answered "the ratio of lookups to hits". Its sides are the
//! [`SIDE`] content words nearest *divided by* on each side (after *ratio of*, before
//! and after its *to*), in one clause with no negation, counting nouns (*number*,
//! *count*, *amount*, *quantity*) left out and a word on both sides belonging to neither. An
//! answer's words turn a model ratio over when each side meets the model's other side
//! and neither meets its own, and the answer states it the model's way nowhere.

use super::bindings::{content, contradiction};
use crate::grade::contrast::Contradiction;
use crate::grade::matcher::PreparedAnswer;
use crate::grade::token::{Class, Token};
use std::sync::Arc;

/// How many content words on each side of a ratio said in words count.
const SIDE: usize = 2;

/// The model answer's ratios, ready to check answers against.
#[derive(Debug, Default)]
pub struct Ratios {
    /// Each model ratio as written, and turned over.
    model: Vec<(String, String)>,
    /// Each ratio the model answer says in words, and how it says it.
    worded: Vec<(Worded, String)>,
}

/// A ratio said in words: the stems of its two sides (see the module's paragraph), and
/// the tokens from its first side word to its last.
#[derive(Debug, Clone)]
struct Worded {
    over: Vec<Arc<str>>,
    under: Vec<Arc<str>>,
    span: (usize, usize),
}

impl Worded {
    /// Whether `self` says `other`'s sides the same way round (`straight`) or swapped.
    fn meets(&self, other: &Worded, straight: bool) -> bool {
        let shares = |a: &[Arc<str>], b: &[Arc<str>]| a.iter().any(|s| b.contains(s));
        let (over, under) = if straight {
            (&other.over, &other.under)
        } else {
            (&other.under, &other.over)
        };
        shares(&self.over, over) && shares(&self.under, under)
    }
}

impl Ratios {
    /// The ratios of `text` (a derived rubric's model answer, prepared) that it does
    /// not also write turned over, and those it says in words.
    pub fn new(text: &PreparedAnswer) -> Ratios {
        let tokens = text.tokens();
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
        let worded = worded(tokens)
            .into_iter()
            .map(|w| {
                let said = super::bindings::text(text, w.span);
                (w, said)
            })
            .collect();
        Ratios { model, worded }
    }

    /// The first ratio of `answer` that turns one of the model answer's over.
    pub fn check(&self, answer: &PreparedAnswer) -> Option<Contradiction> {
        self.symbols(answer).or_else(|| self.words(answer))
    }

    /// The first ratio said in words in `answer` that turns one of the model answer's
    /// over, the answer saying it the model's way nowhere.
    fn words(&self, answer: &PreparedAnswer) -> Option<Contradiction> {
        if self.worded.is_empty() {
            return None;
        }
        let said = worded(answer.tokens());
        let (w, model) = said.iter().find_map(|w| {
            let (m, text) = self
                .worded
                .iter()
                .find(|(m, _)| w.meets(m, false) && !w.meets(m, true))?;
            let kept = said.iter().any(|o| o.meets(m, true) && !o.meets(m, false));
            (!kept).then_some((w, text))
        })?;
        Some(contradiction(
            "ratio",
            answer,
            w.span,
            format!("\"{model}\" (turned over)"),
        ))
    }

    /// The first ratio token of `answer` that turns one of the model answer's over.
    fn symbols(&self, answer: &PreparedAnswer) -> Option<Contradiction> {
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

/// The ratios `tokens` say in words: *A divided by B* and *the ratio of A to B*, in a
/// clause with no negation.
fn worded(tokens: &[Token]) -> Vec<Worded> {
    let words: Vec<usize> = (0..tokens.len()).filter(|&k| !tokens[k].part).collect();
    let norm = |n: usize| words.get(n).map(|&k| &*tokens[k].norm);
    let mut out = Vec::new();
    for n in 0..words.len() {
        let (left, right) = match (norm(n), norm(n + 1)) {
            (Some("divided"), Some("by")) => (
                side(tokens, words[..n].iter().rev()),
                side(tokens, words[n + 2..].iter()),
            ),
            (Some("ratio"), Some("of")) => {
                let Some(to) = (n + 2..words.len()).find(|&m| norm(m) == Some("to")) else {
                    continue;
                };
                (
                    side(tokens, words[n + 2..to].iter()),
                    side(tokens, words[to + 1..].iter()),
                )
            }
            _ => continue,
        };
        let clause = tokens[words[n]].place.clause;
        let one_clause = left
            .iter()
            .chain(&right)
            .all(|&k| tokens[k].place.clause == clause);
        let denied = tokens
            .iter()
            .any(|t| t.place.clause == clause && t.is_negation());
        if left.is_empty() || right.is_empty() || !one_clause || denied {
            continue;
        }
        let stems = |side: &[usize]| -> Vec<Arc<str>> {
            side.iter().map(|&k| tokens[k].stem.clone()).collect()
        };
        let (over, under) = (stems(&left), stems(&right));
        let own = |a: &[Arc<str>], b: &[Arc<str>]| -> Vec<Arc<str>> {
            a.iter().filter(|s| !b.contains(s)).cloned().collect()
        };
        let (over, under) = (own(&over, &under), own(&under, &over));
        if over.is_empty() || under.is_empty() {
            continue;
        }
        let all = left.iter().chain(&right);
        let span = (*all.clone().min().unwrap_or(&0), *all.max().unwrap_or(&0));
        out.push(Worded { over, under, span });
    }
    out
}

/// The content words (token indices) of one side of a ratio said in words: the first
/// [`SIDE`] that `from` walks to (away from *divided by*, or on from *of* and *to*),
/// counting nouns left out, stopping at the clause's end.
fn side<'a>(tokens: &[Token], from: impl Iterator<Item = &'a usize>) -> Vec<usize> {
    let mut from = from.peekable();
    let Some(&&first) = from.peek() else {
        return Vec::new();
    };
    let clause = tokens[first].place.clause;
    from.copied()
        .take_while(|&k| tokens[k].place.clause == clause)
        .filter(|&k| content(&tokens[k]) && !counting(&tokens[k].norm))
        .take(SIDE)
        .collect()
}

/// A noun that counts what its *of* names: the side is what is counted.
fn counting(word: &str) -> bool {
    matches!(word, "number" | "count" | "amount" | "quantity")
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
