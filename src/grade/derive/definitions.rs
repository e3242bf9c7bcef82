//! What a derived rubric's model answer says each of its terms is, and an answer that
//! gives one term another's definition: "the Sandbox (the isolated network namespace)
//! ... the Network (the virtual switch)" answered "the Network is the isolated
//! namespace, the Sandbox is the switch". A derived rubric counts words one by one, so
//! such an answer names every concept and passed.
//!
//! A **definition** is a content word (its term) right before *is*, *are* or *means*,
//! and the phrase after it (after determiners only, up to [`PHRASE`](super::bindings::PHRASE) content words,
//! the term's own word left out): "the Endpoint is the interface". The model answer
//! also defines a word by a parenthesis right after it ("the Sandbox (the isolated
//! network namespace)", see [`glosses`]). Not in a clause with a negation.
//!
//! Only the terms the question asks about are read ("What are the Sandbox, the
//! Endpoint and the Network?"; "the attack surface is small" defines nothing asked).
//! An answer's definition contradicts the model answer when the model answer defines
//! its term, the answer's phrase shares no word with any of the term's model phrases,
//! and it meets the phrase of another term's model definition by a word the term's own
//! lack, that other term named in the answer too: the two definitions crossed. Only a
//! model answer that defines two asked terms or more is read, and an answer that also
//! gives the term its model definition says both and is left alone.

use super::actions::Clause;
use super::bindings::{around, content, object, text, turned};
use crate::grade::contrast::Contradiction;
use crate::grade::matcher::PreparedAnswer;
use crate::grade::token::Token;

/// The words that set a term equal to its definition.
const COPULAS: &[&str] = &["is", "are", "means"];

/// A term and the phrase that defines it.
#[derive(Debug, Clone, Copy)]
struct Definition {
    /// The stem (as a hash) of the term.
    term: u64,
    /// The stems of the phrase.
    phrase: Clause,
    /// The tokens it spans, first and last.
    span: (usize, usize),
}

/// The model answer's definitions, ready to check answers against.
#[derive(Debug, Default)]
pub struct Definitions {
    model: Vec<(Definition, String)>,
}

impl Definitions {
    /// The definitions of `model` (a derived rubric's model answer, prepared) and of
    /// `glossed` (its parentheses as definitions, see [`glosses`]), when they define two
    /// terms or more.
    pub fn new(
        model: &PreparedAnswer,
        glossed: &PreparedAnswer,
        asked: &PreparedAnswer,
    ) -> Definitions {
        let asked: Vec<u64> = asked.tokens().iter().map(|t| t.stem_hash).collect();
        let found: Vec<(Definition, String)> = [model, glossed]
            .into_iter()
            .flat_map(|text_| definitions(text_.tokens()).map(|d| (d, text(text_, d.span))))
            .filter(|(d, _)| asked.contains(&d.term))
            .collect();
        let two = found.iter().any(|(d, _)| d.term != found[0].0.term);
        Definitions {
            model: if two { found } else { Vec::new() },
        }
    }

    /// The first definition of `answer` that gives its term another term's definition.
    pub fn check(&self, answer: &PreparedAnswer) -> Option<Contradiction> {
        if self.model.is_empty() {
            return None;
        }
        let tokens = answer.tokens();
        // Every model phrase of `term`, as one.
        let own = |term: u64| {
            let mut all = Clause::default();
            for (m, _) in self.model.iter().filter(|(m, _)| m.term == term) {
                m.phrase.words().iter().for_each(|&s| all.push(s));
            }
            all
        };
        for a in definitions(tokens) {
            let Some((_, said)) = self.model.iter().find(|(m, _)| m.term == a.term) else {
                continue;
            };
            let mine = own(a.term);
            if a.phrase.meets(&mine) {
                continue;
            }
            // The other term is named too: the answer defines both, the other way round.
            let names = |term: u64| tokens.iter().any(|t| !t.part && t.stem_hash == term);
            let crossed = self.model.iter().any(|(o, _)| {
                o.term != a.term && a.phrase.meets_apart(&o.phrase, &mine) && names(o.term)
            });
            let states = || definitions(tokens).any(|b| b.term == a.term && b.phrase.meets(&mine));
            if crossed && !states() {
                return Some(turned("definition", answer, a.span, said));
            }
        }
        None
    }
}

/// The definitions of `tokens`.
fn definitions(tokens: &[Token]) -> impl Iterator<Item = Definition> + '_ {
    tokens.iter().enumerate().filter_map(move |(i, t)| {
        if t.part || !COPULAS.contains(&&*t.norm) {
            return None;
        }
        let (mut before, after) = around(tokens, i)?;
        let term = before.next().filter(|&k| content(&tokens[k]))?;
        let mut phrase = Clause::default();
        let mut last = i;
        for k in object(tokens, after)? {
            last = k;
            if tokens[k].stem_hash != tokens[term].stem_hash {
                phrase.push(tokens[k].stem_hash);
            }
        }
        (phrase.len() > 0).then_some(Definition {
            term: tokens[term].stem_hash,
            phrase,
            span: (term, last),
        })
    })
}

/// The parentheses of `model` right after a word, each written as that word's
/// definition, one sentence each: "the Sandbox (the isolated network namespace)" gives
/// "Sandbox is the isolated network namespace."
pub fn glosses(model: &str) -> String {
    let mut out = String::new();
    let mut rest = model;
    while let Some(open) = rest.find('(') {
        let before = &rest[..open];
        let after = &rest[open + 1..];
        let Some(close) = after.find([')', '(']) else {
            break;
        };
        let word = before
            .trim_end_matches(|c: char| !(c.is_alphanumeric() || c == '_' || c == '-'))
            .rsplit(|c: char| !(c.is_alphanumeric() || c == '_' || c == '-'))
            .next()
            .unwrap_or("");
        let inner = &after[..close];
        if !word.is_empty() && !inner.is_empty() {
            out.push_str(word);
            out.push_str(" is ");
            out.push_str(inner);
            out.push_str(".\n");
        }
        rest = &after[close..];
    }
    out
}

#[cfg(test)]
mod tests;
