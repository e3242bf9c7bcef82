//! What a derived rubric's model answer says a term is, and an answer that denies it:
//! "the lock is reentrant and fair" answered "the lock isn't reentrant". A derived
//! rubric only takes the denied word's weight away, so an answer that names every
//! other concept passed; the denial is a claim the model answer never makes.
//!
//! A **claim** is a content word (its subject) right before *is* or *are* and the
//! content words right after it (its predicate), joined by determiners, *and*, *or*
//! and commas only: "the merge is commutative, associative and idempotent"; any other
//! word ends it ("is safe to retry": *retry* is not said of the subject). An answer's
//! **denial** is a subject right before *is* or *are*, a negation right after it, and,
//! after determiners only, a content word: "the merge is not
//! idempotent" (*isn't* is spelt *is not*), never "is not only idempotent". It
//! contradicts the model answer when a model claim has its subject and the word in its
//! predicate, the model answer denies that word of nothing ("named volume data is
//! managed by Docker; a bind mount is not managed by Docker": denying *managed* of
//! some data is the model's own contrast), and the answer does not also state the
//! claim plainly.

use super::actions::Clause;
use super::bindings::{content, contradiction, text};
use crate::grade::contrast::Contradiction;
use crate::grade::matcher::PreparedAnswer;
use crate::grade::token::Token;
use crate::lang::is_determiner;

/// The words that say what a subject is.
const COPULAS: &[&str] = &["is", "are"];

/// Words that make what their sentence says hold only in some cases ("root in the
/// container is UID 0 on the host unless user namespaces are enabled"): denying such a
/// claim may be stating the other case.
const CASES: &[&str] = &[
    "unless",
    "if",
    "when",
    "whenever",
    "once",
    "except",
    "until",
    "default",
    "only",
    "otherwise",
];

/// A subject and what the model answer says it is.
#[derive(Debug, Clone, Copy)]
struct Claim {
    /// The stem (as a hash) of the subject.
    subject: u64,
    /// The stems of the predicate's content words.
    predicate: Clause,
    /// The tokens it spans, first and last.
    span: (usize, usize),
}

/// The model answer's claims, ready to check answers against.
#[derive(Debug, Default)]
pub struct Denials {
    model: Vec<(Claim, String)>,
    /// The words (stems as hashes) the model answer itself denies somewhere: denying
    /// one of them is no claim it never makes.
    denied: Vec<u64>,
}

impl Denials {
    /// The claims of `model` (a derived rubric's model answer, prepared).
    pub fn new(model: &PreparedAnswer) -> Denials {
        let tokens = model.tokens();
        let mut denied: Vec<u64> = (0..tokens.len())
            .filter(|&i| model.negated(i))
            .map(|i| tokens[i].stem_hash)
            .collect();
        denied.sort_unstable();
        denied.dedup();
        let cases: Vec<u32> = tokens
            .iter()
            .filter(|t| CASES.contains(&&*t.norm))
            .map(|t| t.place.sentence)
            .collect();
        let model = (0..tokens.len())
            .filter(|&i| !cases.contains(&tokens[i].place.sentence))
            .filter_map(|i| claim(tokens, i))
            .map(|c| (c, text(model, c.span)))
            .collect();
        Denials { model, denied }
    }

    /// The first denial in `answer` of one of the model answer's claims.
    pub fn check(&self, answer: &PreparedAnswer) -> Option<Contradiction> {
        if self.model.is_empty() {
            return None;
        }
        let tokens = answer.tokens();
        for i in 0..tokens.len() {
            let Some((subject, word, span)) = denial(tokens, i) else {
                continue;
            };
            if self.denied.binary_search(&word).is_ok() {
                continue;
            }
            let Some((_, said)) = self
                .model
                .iter()
                .find(|(m, _)| m.subject == subject && m.predicate.has(word))
            else {
                continue;
            };
            let states = (0..tokens.len())
                .filter_map(|k| claim(tokens, k))
                .any(|c| c.subject == subject && c.predicate.has(word));
            if !states {
                return Some(contradiction("denial", answer, span, format!("\"{said}\"")));
            }
        }
        None
    }
}

/// The subject of the copula at token `i`, when a content word stands right before it
/// in its clause.
fn subject(tokens: &[Token], i: usize) -> Option<usize> {
    let t = &tokens[i];
    if t.part || !COPULAS.contains(&&*t.norm) {
        return None;
    }
    let k = (0..i).rev().find(|&k| !tokens[k].part)?;
    (tokens[k].place.clause == t.place.clause && content(&tokens[k])).then_some(k)
}

/// The claim of the copula at token `i` of `tokens`, stated plainly: the content words
/// after it, in the same sentence, that only determiners, *and*, *or* and commas join.
fn claim(tokens: &[Token], i: usize) -> Option<Claim> {
    let first = subject(tokens, i)?;
    let sentence = tokens[i].place.sentence;
    let mut predicate = Clause::default();
    let mut last = i;
    for k in (i + 1..tokens.len()).filter(|&k| !tokens[k].part) {
        let w = &tokens[k];
        if w.place.sentence != sentence {
            break;
        }
        if content(w) {
            predicate.push(w.stem_hash);
            last = k;
        } else if !(matches!(&*w.norm, "and" | "or") || is_determiner(&w.norm)) {
            break;
        }
    }
    (predicate.len() > 0).then_some(Claim {
        subject: tokens[first].stem_hash,
        predicate,
        span: (first, last),
    })
}

/// The denial at the copula at token `i`: its subject, the denied word and the span.
fn denial(tokens: &[Token], i: usize) -> Option<(u64, u64, (usize, usize))> {
    let first = subject(tokens, i)?;
    let mut after = (i + 1..tokens.len())
        .filter(|&k| !tokens[k].part)
        .take_while(|&k| tokens[k].place.clause == tokens[i].place.clause);
    after.next().filter(|&k| tokens[k].is_negation())?;
    let word = after.find(|&k| !is_determiner(&tokens[k].norm))?;
    content(&tokens[word]).then_some((
        tokens[first].stem_hash,
        tokens[word].stem_hash,
        (first, word),
    ))
}

#[cfg(test)]
mod tests;
