//! None said to be there in full: a model clause that says a thing has *no* X ("the
//! server replies 304 with no body", "it uses no memory", "a snapshot has no data of
//! its own") and an answer that gives it the *full*, *whole*, *entire* or *complete* X
//! ("the 304 carries the full body", "keeps its full memory mapped", "holds its own
//! full copy of the data"). The two quantities are as far apart as words go, so the
//! answer says the opposite of what the model answer says, however right the rest of it
//! is.
//!
//! Narrow on purpose: *no* must be the determiner of a content word in its clause, in a
//! model clause that compares nothing ("unlike a virtual machine there is no guest
//! kernel" says the machine has one), and of a word no text of the question itself
//! gives in full; the answer's quantifier must stand right before that word, or before
//! a *copy* (*set*, *contents*) *of* it, plainly (not negated, supposed, hedged or in a
//! sentence that compares), in a sentence that shares a content word besides it with the model's
//! sentence or the question. Not done: *all* and *every*, which count members far more
//! often than they fill a thing ("all vote yes" against "a single no vote").

use super::{Contradiction, clause_text, compares_word, content, sentence_stems, supposes};
use crate::grade::matcher::PreparedAnswer;
use crate::grade::token::{Class, Token};
use std::sync::Arc;

/// The words that give a thing in full; an answer word of one of them starts the rule.
pub(super) const WHOLE: [&str; 4] = ["full", "whole", "entire", "complete"];

/// Words after *no* that make no thing absent ("no longer", "no matter").
fn no_thing(word: &str) -> bool {
    matches!(
        word,
        "longer" | "more" | "less" | "matter" | "sooner" | "doubt" | "way" | "one"
    )
}

/// Words that stand for a thing's contents: "a full copy of the data" gives the data.
fn holds(word: &str) -> bool {
    matches!(word, "copy" | "copies" | "set" | "contents" | "content")
}

/// A thing a model clause says there is none of.
pub(super) struct Absent {
    /// The stem of the word after *no*.
    stem: Arc<str>,
    /// The content stems of its model sentence and of the question, sorted.
    anchors: Vec<Arc<str>>,
    text: String,
}

/// The next word of the sentence's grammar after token `i` in its clause.
pub(super) fn next_word(tokens: &[Token], i: usize) -> Option<usize> {
    (i + 1..tokens.len())
        .find(|&j| !tokens[j].part)
        .filter(|&j| tokens[j].place.clause == tokens[i].place.clause)
}

/// The next word of the sentence's grammar after token `i` in its sentence.
pub(super) fn next_in_sentence(tokens: &[Token], i: usize) -> Option<usize> {
    (i + 1..tokens.len())
        .find(|&j| !tokens[j].part)
        .filter(|&j| tokens[j].place.sentence == tokens[i].place.sentence)
}

/// The thing a word of [`WHOLE`] at `i` gives in full: the word right after it, or the
/// word after *of* (and a determiner) when that one is a [`holds`] word.
fn whole_of(tokens: &[Token], i: usize) -> Option<usize> {
    let j = next_word(tokens, i)?;
    if !holds(&tokens[j].norm) {
        return Some(j);
    }
    let of = next_word(tokens, j).filter(|&k| &*tokens[k].norm == "of")?;
    let k = next_word(tokens, of)?;
    if matches!(&*tokens[k].norm, "the" | "its" | "their" | "a" | "an") {
        next_word(tokens, k)
    } else {
        Some(k)
    }
}

/// Whether the sentence of token `i` compares two things ("unlike a copy, which has
/// the full data, ..."): what it gives one of them says nothing of the other.
fn compared(tokens: &[Token], i: usize) -> bool {
    let sentence = tokens[i].place.sentence;
    tokens
        .iter()
        .any(|t| t.place.sentence == sentence && !t.part && compares_word(&t.norm))
}

/// Whether token `i` is one of [`WHOLE`], written as one word of the sentence.
fn is_whole(token: &Token) -> bool {
    !token.part && !token.glued && WHOLE.contains(&&*token.norm)
}

/// The things `texts` (the model answer and explanation) say there is none of, in
/// clauses that compare nothing, less those any text of the question gives in full;
/// `asked` is the prompt and situation.
pub(super) fn absent_of(texts: &[&PreparedAnswer], asked: &PreparedAnswer) -> Vec<Absent> {
    let mut out = Vec::new();
    let mut full: Vec<Arc<str>> = Vec::new();
    let mut asked_stems: Vec<Arc<str>> = asked
        .tokens()
        .iter()
        .filter(|t| content(t))
        .map(|t| t.stem.clone())
        .collect();
    asked_stems.sort_unstable();
    asked_stems.dedup();
    for text in texts.iter().copied().chain([asked]) {
        let tokens = text.tokens();
        for (i, token) in tokens.iter().enumerate() {
            if is_whole(token)
                && let Some(j) = whole_of(tokens, i)
            {
                full.push(tokens[j].stem.clone());
            }
        }
    }
    for text in texts {
        let tokens = text.tokens();
        for (i, token) in tokens.iter().enumerate() {
            if token.part || token.glued || &*token.norm != "no" {
                continue;
            }
            let Some(j) = next_word(tokens, i) else {
                continue;
            };
            let thing = &tokens[j];
            if thing.class != Class::Word
                || thing.glued
                || !content(thing)
                || no_thing(&thing.norm)
                || compared(tokens, i)
                || full.contains(&thing.stem)
            {
                continue;
            }
            let mut anchors = sentence_stems(tokens, token.place.sentence);
            anchors.extend(asked_stems.iter().cloned());
            anchors.retain(|s| *s != thing.stem);
            anchors.sort_unstable();
            anchors.dedup();
            out.push(Absent {
                stem: thing.stem.clone(),
                anchors,
                text: clause_text(text, token.place.clause),
            });
        }
    }
    out
}

/// An answer clause that gives in full a thing the model answer says there is none of;
/// `at` holds the answer's words of [`WHOLE`] (by stem: the form is checked here).
pub(super) fn whole_said(
    answer: &PreparedAnswer,
    absent: &[Absent],
    at: &[usize],
) -> Option<Contradiction> {
    let tokens = answer.tokens();
    for &i in at {
        if !is_whole(&tokens[i]) || answer.negated(i) {
            continue;
        }
        let Some(j) = whole_of(tokens, i) else {
            continue;
        };
        let clause = tokens[i].place.clause;
        let Some(model) = absent.iter().find(|a| a.stem == tokens[j].stem) else {
            continue;
        };
        if answer.negated(j) || compared(tokens, i) || supposes(tokens, clause) || {
            let hedge = |t: &Token| matches!(&*t.norm, "would" | "could" | "might" | "may");
            tokens.iter().any(|t| t.place.clause == clause && hedge(t))
        } {
            continue;
        }
        let here = sentence_stems(tokens, tokens[i].place.sentence);
        if !here
            .iter()
            .any(|s| *s != tokens[j].stem && model.anchors.binary_search(s).is_ok())
        {
            continue;
        }
        return Some(Contradiction::quoting(
            "none said whole",
            clause_text(answer, clause),
            &model.text,
            vec![answer.word(i).to_owned(), answer.word(j).to_owned()],
        ));
    }
    None
}
