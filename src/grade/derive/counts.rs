//! A count the derived rubric's model answer gives a thing, and an answer that gives
//! the same thing another: "stretches the oceans into two bulges ... two high tides"
//! answered "one bulge and one high tide each day", "the heart has four chambers"
//! answered "the heart has three chambers". A derived rubric matches *bulge* and *tide*
//! and weighs a number word lightly, so the wrong count cost next to nothing.
//!
//! A **count** is a number word ([`value`]: *one* to *twelve*, or *single*; not digits,
//! which are sizes and examples more often) right before a run of up to [`RUN`] content
//! words, in a clause with no negation: it counts the words of the run (*high* and
//! *tides* in "two high tides"). Not a number after a word that makes it a bound or a
//! guess ([`LOOSE`]: "at least two", "about four", "every two weeks", "more than one"),
//! nor a *one* in a sentence with *other*, *another* or *second* ("one core ... the
//! other core": one of several). An answer's count contradicts the model answer when
//! the words of its run that the model answer counts, the whole run or two of its words
//! at least, have one other number there and never the answer's (by stem), and the
//! answer never counts them with the model's ("two bulges, not one" is right). Left alone: an answer clause with another number the model answer never
//! says (an example of its own: "a five-node cluster survives two failures" against "a
//! three-node cluster survives one failure").

use super::bindings::{around, content, contradiction, text};
use crate::grade::contrast::Contradiction;
use crate::grade::matcher::PreparedAnswer;
use crate::grade::token::Token;

/// How many content words may follow a number in its run.
const RUN: usize = 3;

/// Words before a number that make it a bound, a guess or a rate, not a count.
const LOOSE: &[&str] = &[
    "than",
    "least",
    "most",
    "about",
    "around",
    "roughly",
    "nearly",
    "almost",
    "approximately",
    "over",
    "under",
    "up",
    "to",
    "per",
    "every",
    "each",
    "some",
    "or",
    "within",
];

/// Words that make a *one* in their sentence one of several ("one core ... the other
/// core", "one on each side and another on the far side"): no count.
const OTHERS: &[&str] = &["other", "another", "second", "others"];

/// The number `word` says, if it is a number word of a count: *one* to *twelve*, or
/// *single*. Digits are left out: they are sizes and examples ("128-bit", "64 bytes")
/// more often than counts of the model answer's things.
fn value(word: &str) -> Option<u8> {
    const WORDS: &[&str] = &[
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
        "twelve",
    ];
    if word == "single" {
        return Some(1);
    }
    WORDS.iter().position(|w| *w == word).map(|n| n as u8 + 1)
}

/// A number with the words it counts.
#[derive(Debug, Clone, Copy)]
struct Count {
    value: u8,
    /// The stems (as hashes) of its run.
    run: [u64; RUN],
    len: usize,
    /// The number's token and the run's last.
    span: (usize, usize),
}

impl Count {
    fn run(&self) -> &[u64] {
        &self.run[..self.len]
    }
}

/// The model answer's counts, ready to check answers against.
#[derive(Debug, Default)]
pub struct Counts {
    /// Each word the model answer counts with one number only, the number, and the
    /// count's words as written.
    model: Vec<(u64, u8, String)>,
    /// Every number the model answer says.
    numbers: Vec<u8>,
}

impl Counts {
    /// The counts of `model` (a derived rubric's model answer, prepared).
    pub fn new(model: &PreparedAnswer) -> Counts {
        let tokens = model.tokens();
        let all: Vec<Count> = counts(tokens).collect();
        let mut kept: Vec<(u64, u8, String)> = Vec::new();
        for c in &all {
            for &w in c.run() {
                let both = all
                    .iter()
                    .any(|o| o.value != c.value && o.run().contains(&w));
                if !both && !kept.iter().any(|(h, _, _)| *h == w) {
                    kept.push((w, c.value, text(model, c.span)));
                }
            }
        }
        if kept.is_empty() {
            return Counts::default();
        }
        let numbers = tokens
            .iter()
            .filter(|t| !t.part)
            .filter_map(|t| value(&t.norm))
            .collect();
        Counts {
            model: kept,
            numbers,
        }
    }

    /// The first count of `answer` that gives words of the model answer another
    /// number: the words of its run that the model answer counts all have one other
    /// number there, and they are the whole run or two words of it at least ("one high
    /// tide" against "two high tides"; "two random backends" against "one random choice"
    /// is another thing).
    pub fn check(&self, answer: &PreparedAnswer) -> Option<Contradiction> {
        if self.model.is_empty() {
            return None;
        }
        let tokens = answer.tokens();
        let made: Vec<Count> = counts(tokens).collect();
        for c in &made {
            let counted: Vec<&(u64, u8, String)> = c
                .run()
                .iter()
                .filter_map(|w| self.model.iter().find(|(h, _, _)| h == w))
                .collect();
            let Some(&&(_, model, ref said)) = counted.first() else {
                continue;
            };
            if model == c.value
                || counted.iter().any(|(_, v, _)| *v != model)
                || (counted.len() < c.len && counted.len() < 2)
            {
                continue;
            }
            // The answer counts the same words the model's way too.
            let kept = made
                .iter()
                .any(|o| o.value == model && o.run().iter().any(|w| c.run().contains(w)));
            // Another number of the clause that the model answer never says: an
            // example of the answer's own.
            let clause = tokens[c.span.0].place.clause;
            let example = tokens.iter().enumerate().any(|(k, t)| {
                k != c.span.0
                    && !t.part
                    && t.place.clause == clause
                    && value(&t.norm).is_some_and(|v| !self.numbers.contains(&v))
            });
            if kept || example {
                continue;
            }
            let model = format!("\"{said}\" (another count)");
            return Some(contradiction("count", answer, c.span, model));
        }
        None
    }
}

/// The counts of `tokens`, outside clauses with a negation: each number with the run of
/// up to [`RUN`] content words right after it ("two ventricles pump": no part of speech
/// tells the noun from the verb, so the run is read whole).
fn counts(tokens: &[Token]) -> impl Iterator<Item = Count> + '_ {
    tokens.iter().enumerate().filter_map(move |(i, t)| {
        if t.part {
            return None;
        }
        let number = value(&t.norm)?;
        let (mut before, after) = around(tokens, i)?;
        if before
            .next()
            .is_some_and(|k| LOOSE.contains(&&*tokens[k].norm))
        {
            return None;
        }
        if number == 1 {
            let sentence = t.place.sentence;
            let several = tokens
                .iter()
                .any(|o| o.place.sentence == sentence && OTHERS.contains(&&*o.norm));
            if several {
                return None;
            }
        }
        let mut count = Count {
            value: number,
            run: [0; RUN],
            len: 0,
            span: (i, i),
        };
        for k in after.take(RUN) {
            let w = &tokens[k];
            if !content(w) || value(&w.norm).is_some() || w.number_word {
                break;
            }
            count.run[count.len] = w.stem_hash;
            count.len += 1;
            count.span.1 = k;
        }
        (count.len > 0).then_some(count)
    })
}

#[cfg(test)]
mod tests;
