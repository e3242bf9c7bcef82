//! A thing the model answer says is dropped, said to be kept: a model clause in which a
//! thing is *dropped*, *discarded*, *ignored* or *stripped* ("the router drops the
//! packet", "any `-p` mappings are discarded") and an answer sentence that says the same
//! doer *keeps*, *forwards*, *applies*, *honours*, *preserves* or *retains* it ("the
//! router forwards the packet anyway", "your `-p` mapping keeps being applied"). The
//! two verbs are as far apart as verbs go, so the answer turns the model's claim round,
//! however right the rest of it is.
//!
//! Narrow on purpose: the model clause states the drop plainly (no negation, no
//! supposition, no hedge) with the thing dropped named, as the object right after the
//! verb or as the subject of a passive. The answer's verb must have every content word
//! of that object among the three content words right after it, and a content word of
//! the model's doer in its sentence when the model names one; or, after a form of *be*
//! or *being* ("keeps being applied", "are kept"), two of the object's words (or its
//! only one) before it in its sentence. Not read: a sentence with a negation or a word
//! of dropping of its own (it tells two things apart), or one that supposes or hedges,
//! and a clause that compares or limits (*only*: "keeps only the true rows").

use super::{Contradiction, clause_text, compares_word, content, hedges, is_be, sentence_text};
use crate::grade::matcher::PreparedAnswer;
use crate::grade::token::Token;
use std::sync::Arc;

/// The words that say a thing is kept; an answer word of one of them starts the rule.
pub(super) const KEPT: [&str; 19] = [
    "keeps",
    "keep",
    "kept",
    "applies",
    "applied",
    "honours",
    "honors",
    "honoured",
    "honored",
    "respects",
    "respected",
    "forwards",
    "forwarded",
    "preserves",
    "preserved",
    "retains",
    "retained",
    "obeys",
    "obeyed",
];

/// How many content words the doer and the thing dropped keep, nearest the verb.
const SPAN: usize = 3;

/// Whether a word says a thing is dropped.
fn drops(word: &str) -> bool {
    matches!(
        word,
        "drops"
            | "drop"
            | "dropped"
            | "discards"
            | "discard"
            | "discarded"
            | "ignores"
            | "ignore"
            | "ignored"
            | "strips"
            | "stripped"
    )
}

/// Words that end the object of a verb: a preposition or a conjunction starts a
/// condition, a place or another clause ("drops the base when the name is absolute").
fn ends_object(word: &str) -> bool {
    matches!(
        word,
        "to" | "in"
            | "on"
            | "at"
            | "from"
            | "into"
            | "when"
            | "if"
            | "before"
            | "after"
            | "with"
            | "by"
            | "for"
            | "as"
            | "until"
            | "and"
            | "or"
            | "but"
            | "so"
            | "because"
    )
}

/// A thing a model clause says is dropped.
pub(super) struct Drop {
    /// The content stems of who drops it, nearest the verb (empty for a passive).
    doer: Vec<Arc<str>>,
    /// The content stems of what is dropped, sorted.
    thing: Vec<Arc<str>>,
    text: String,
}

/// The things a question's model texts say are dropped.
#[derive(Default)]
pub(super) struct Drops {
    pub(super) drops: Vec<Drop>,
}

/// The grammar words of `tokens` (no pieces of code tokens).
fn words(tokens: &[Token]) -> impl Iterator<Item = (usize, &Token)> {
    tokens.iter().enumerate().filter(|(_, t)| !t.part)
}

/// The content stems of the words after token `i` in its clause, up to the end of the
/// verb's object, at most [`SPAN`] of them.
fn object_after(tokens: &[Token], i: usize) -> Vec<Arc<str>> {
    let clause = tokens[i].place.clause;
    let mut out = Vec::new();
    for (_, t) in words(tokens).skip_while(|&(k, _)| k <= i) {
        if t.place.clause != clause || ends_object(&t.norm) || out.len() == SPAN {
            break;
        }
        if content(t) {
            out.push(t.stem.clone());
        }
    }
    out
}

/// The content stems before token `i` in its clause, at most [`SPAN`], nearest it.
fn before_in_clause(tokens: &[Token], i: usize) -> Vec<Arc<str>> {
    let clause = tokens[i].place.clause;
    let mut out: Vec<Arc<str>> = words(tokens)
        .take_while(|&(k, _)| k < i)
        .filter(|(_, t)| t.place.clause == clause && content(t))
        .map(|(_, t)| t.stem.clone())
        .collect();
    out.drain(..out.len().saturating_sub(SPAN));
    out
}

/// Whether the word before token `i` in its clause is a form of *be* or *being*.
fn after_be(tokens: &[Token], i: usize) -> bool {
    words(tokens)
        .take_while(|&(k, _)| k < i)
        .last()
        .is_some_and(|(_, t)| t.place.clause == tokens[i].place.clause && is_be(&t.norm))
}

impl Drops {
    /// The things `texts` (the model answer and explanation) say plainly are dropped.
    pub(super) fn of(texts: &[&PreparedAnswer]) -> Drops {
        let mut drops = Vec::new();
        for text in texts {
            let tokens = text.tokens();
            for (i, token) in words(tokens) {
                if token.glued || !drops_word(token) {
                    continue;
                }
                let clause = token.place.clause;
                if words(tokens).any(|(_, t)| {
                    t.place.clause == clause
                        && (t.negation || hedges(&t.norm) || matches!(&*t.norm, "if" | "unless"))
                }) {
                    continue;
                }
                let (doer, mut thing) = if after_be(tokens, i) {
                    (Vec::new(), before_in_clause(tokens, i))
                } else {
                    (before_in_clause(tokens, i), object_after(tokens, i))
                };
                thing.sort_unstable();
                thing.dedup();
                if thing.is_empty() {
                    continue;
                }
                drops.push(Drop {
                    doer,
                    thing,
                    text: clause_text(text, clause),
                });
            }
        }
        Drops { drops }
    }

    /// The first answer sentence that says a thing the model answer says is dropped is
    /// kept; `at` holds the answer's words of [`KEPT`]' stems.
    pub(super) fn kept(&self, answer: &PreparedAnswer, at: &[usize]) -> Option<Contradiction> {
        let tokens = answer.tokens();
        for &i in at {
            let token = &tokens[i];
            if token.part || token.glued || !KEPT.contains(&&*token.norm) {
                continue;
            }
            let (clause, sentence) = (token.place.clause, token.place.sentence);
            let in_sentence = || words(tokens).filter(|(_, t)| t.place.sentence == sentence);
            if in_sentence().any(|(_, t)| {
                t.negation
                    || drops_word(t)
                    || hedges(&t.norm)
                    || matches!(&*t.norm, "if" | "unless")
            }) || in_sentence().any(|(_, t)| {
                t.place.clause == clause && (compares_word(&t.norm) || &*t.norm == "only")
            }) {
                continue;
            }
            let said: Vec<Arc<str>> = in_sentence()
                .filter(|(_, t)| content(t))
                .map(|(_, t)| t.stem.clone())
                .collect();
            let has = |stems: &[Arc<str>], s: &Arc<str>| stems.contains(s);
            let object = object_after(tokens, i);
            let before: Vec<Arc<str>> = in_sentence()
                .take_while(|&(k, _)| k < i)
                .filter(|(_, t)| content(t))
                .map(|(_, t)| t.stem.clone())
                .collect();
            let passive = after_be(tokens, i) || &*token.norm == "kept" && object.is_empty();
            let hit = self.drops.iter().find(|d| {
                if passive {
                    let n = d.thing.iter().filter(|s| has(&before, s)).count();
                    n >= d.thing.len().min(2)
                } else {
                    !object.is_empty()
                        && d.thing.iter().all(|s| has(&object, s))
                        && (d.doer.is_empty() || d.doer.iter().any(|s| has(&said, s)))
                }
            });
            if let Some(drop) = hit {
                return Some(Contradiction::quoting(
                    "kept",
                    sentence_text(answer, sentence),
                    &drop.text,
                    vec![token.norm.to_string()],
                ));
            }
        }
        None
    }
}

/// Whether a grammar word says a thing is dropped.
fn drops_word(token: &Token) -> bool {
    !token.part && drops(&token.norm)
}
