//! What a derived rubric's model answer rejects for one setting, and an answer that
//! gives it as the fix there: "In production, bind mounts are fragile and insecure"
//! answered "in production, bind-mount a host folder for the uploads on each node", or
//! "In production, SQLite is fragile under many writers" answered "in production, keep
//! a SQLite file on each server". A derived rubric credits the answer for naming bind
//! mounts and production, so an answer that gives the rejected thing as the fix passed.
//! [`super::advised`] reads a refusal made as a command ("avoid --privileged"); this
//! is the refusal made as a judgement of a thing in a setting.
//!
//! A **rejection** of the model answer is a sentence that opens with *in* and a
//! setting ("In production,"), then names a thing (up to [`SUBJECT`] words) and calls
//! it, right after *is*/*are*, one of [`BAD`] ("fragile", "insecure", ...). The thing
//! is the last of those words (its head).
//!
//! An answer **gives it as the fix** when one of its sentences names the setting and,
//! within [`REACH`] words after it, the thing, with only function words, usage verbs
//! (the commands of [`super::advised`]) and the model answer's words for the thing in
//! between, and either a usage verb among them ("in production, keep SQLite on ...")
//! or a determiner right after the thing, which makes the thing the verb
//! ("bind-mount a host folder"). It does not count when a word in between negates or
//! sets aside (*no*, *rather*, *instead*, ...), when the thing is negated anywhere in
//! the answer, or when the answer calls it one of [`BAD`] in the same sentence
//! ("rather than bind mounting it, since bind mounts are fragile").

use super::advised::COMMANDS;
use super::bindings::{content, contradiction, text};
use crate::grade::contrast::Contradiction;
use crate::grade::matcher::PreparedAnswer;
use crate::grade::token::Token;
use crate::lang::is_determiner;

/// Judgements that reject a thing for a setting.
const BAD: &[&str] = &[
    "fragile",
    "insecure",
    "unsafe",
    "brittle",
    "unreliable",
    "risky",
    "dangerous",
    "unsuitable",
];

/// How many words the model answer's thing may have.
const SUBJECT: usize = 4;

/// How many words may stand between the answer's setting and the thing.
const REACH: usize = 5;

/// Words between the setting and the thing that set it aside.
const ASIDE: &[&str] = &[
    "rather", "instead", "than", "except", "unlike", "avoid", "replace", "drop", "not",
];

/// One rejection: the setting's stem, the thing's head stem, the stems of the thing's
/// other words, and the model answer's words.
#[derive(Debug)]
struct Rejection {
    setting: u64,
    thing: u64,
    words: Vec<u64>,
    said: String,
}

/// The model answer's rejections, ready to check answers against.
#[derive(Debug, Default)]
pub struct Rejected {
    model: Vec<Rejection>,
}

impl Rejected {
    /// The rejections of `model` (a derived rubric's model answer, prepared).
    pub fn new(model: &PreparedAnswer) -> Rejected {
        let tokens = model.tokens();
        let words: Vec<usize> = (0..tokens.len()).filter(|&k| !tokens[k].part).collect();
        let mut found = Vec::new();
        for (n, &k) in words.iter().enumerate() {
            let opens = n == 0 || tokens[words[n - 1]].place.sentence != tokens[k].place.sentence;
            if !opens || &*tokens[k].norm != "in" {
                continue;
            }
            if let Some(r) = rejection(model, &words[n + 1..]) {
                found.push(r);
            }
        }
        Rejected { model: found }
    }

    /// The first sentence of `answer` that gives what the model answer rejects as the
    /// fix in its setting.
    pub fn check(&self, answer: &PreparedAnswer) -> Option<Contradiction> {
        let tokens = answer.tokens();
        for r in &self.model {
            let things: Vec<usize> = (0..tokens.len())
                .filter(|&k| tokens[k].stem_hash == r.thing)
                .collect();
            if things.iter().any(|&k| answer.negated(k)) {
                continue;
            }
            for &thing in &things {
                if let Some(setting) = given(answer, r, thing) {
                    if judged(tokens, thing) {
                        continue;
                    }
                    return Some(contradiction(
                        "rejected",
                        answer,
                        (setting, thing),
                        format!("\"{}\" (the model answer rejects it there)", r.said),
                    ));
                }
            }
        }
        None
    }
}

/// The rejection that `after` (the words after a sentence's opening *in*) make, if
/// any: a setting, a thing, *is*/*are* and one of [`BAD`].
fn rejection(model: &PreparedAnswer, after: &[usize]) -> Option<Rejection> {
    let tokens = model.tokens();
    let sentence = tokens[*after.first()?].place.sentence;
    let after: Vec<usize> = after
        .iter()
        .copied()
        .take_while(|&k| tokens[k].place.sentence == sentence)
        .collect();
    let setting = *after.first()?;
    if !content(&tokens[setting]) {
        return None;
    }
    let copula = after
        .iter()
        .position(|&k| matches!(&*tokens[k].norm, "is" | "are"))?;
    let subject: Vec<usize> = after[1..copula]
        .iter()
        .copied()
        .filter(|&k| content(&tokens[k]))
        .collect();
    if subject.is_empty() || subject.len() > SUBJECT {
        return None;
    }
    let judged = after.get(copula + 1)?;
    if !BAD.contains(&&*tokens[*judged].norm) {
        return None;
    }
    let thing = *subject.last()?;
    Some(Rejection {
        setting: tokens[setting].stem_hash,
        thing: tokens[thing].stem_hash,
        words: subject.iter().map(|&k| tokens[k].stem_hash).collect(),
        said: text(model, (setting - 1, *judged)),
    })
}

/// The setting's token when the thing at `thing` is given as the fix in it.
fn given(answer: &PreparedAnswer, r: &Rejection, thing: usize) -> Option<usize> {
    let tokens = answer.tokens();
    let sentence = tokens[thing].place.sentence;
    let before: Vec<usize> = (0..thing)
        .rev()
        .filter(|&k| !tokens[k].part)
        .take_while(|&k| tokens[k].place.sentence == sentence)
        .take(REACH + 1)
        .collect();
    let setting = before
        .iter()
        .position(|&k| tokens[k].stem_hash == r.setting)?;
    let between = &before[..setting];
    let mut command = false;
    for &k in between {
        let t = &tokens[k];
        if t.is_negation() || ASIDE.contains(&&*t.norm) {
            return None;
        }
        if COMMANDS.contains(&&*t.norm) {
            command = true;
        } else if content(t) && !r.words.contains(&t.stem_hash) {
            return None;
        }
    }
    // A word right after the thing that opens an object makes the thing a verb.
    let verb = next_word(tokens, thing).is_some_and(|k| opens_object(&tokens[k].norm));
    (command || verb).then_some(before[setting])
}

/// The next whole word after token `at` (a code token's parts skipped).
fn next_word(tokens: &[Token], at: usize) -> Option<usize> {
    (at + 1..tokens.len()).find(|&k| !tokens[k].part)
}

/// Whether one of [`BAD`] stands in the sentence of token `at`.
fn judged(tokens: &[Token], at: usize) -> bool {
    let sentence = tokens[at].place.sentence;
    tokens
        .iter()
        .filter(|t| t.place.sentence == sentence)
        .any(|t| BAD.contains(&&*t.norm))
}

/// Whether `word` opens a verb's object: a determiner, or *one*/*that* ("bind-mount one
/// folder", "use that volume").
fn opens_object(word: &str) -> bool {
    is_determiner(word) || matches!(word, "one" | "that")
}

#[cfg(test)]
mod tests;
