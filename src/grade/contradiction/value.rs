//! Another number in the model's place: the model answer gives a thing a number right
//! after the word that names what it counts ("the container's IP on port 80"), and an
//! answer gives the same thing, said with the same words before that word, another
//! number ("the container's IP on port 8080"), often one the model answer gives
//! another thing ("host port 8080"). The answer has moved a value from one part of
//! the story to another, however right the rest of it is.
//!
//! Read as a *key* and its number: a content word right before a number in the same
//! clause (*port 80*, *UID 0*, *USER 10001*), and as its *context* the content words of
//! up to [`WINDOW`] words before the key in its clause (*container's*, *IP*). An
//! answer's key and number contradict a model's when:
//! - the model answer gives that key no such number with a context that shares a word
//!   with the answer's (the same number of the same thing, said either way);
//! - it gives the key another number whose context shares at least [`SHARED`] words
//!   with the answer's: the same thing, named the same way;
//! - the answer's sentence does not also say the model's number (an answer that names
//!   both may merely order them otherwise), and the answer's number is stated plainly,
//!   not negated and not supposed.
//!
//! Not read: a number given as an example (*such as*, *for example*, *say*, *like*
//! among the words before its key), in the answer or the model answer, which another
//! text may choose otherwise; a number before its unit ("2 seconds", "100 ms"), whose
//! thing is said in too many ways; and numbers of a key the model answer never
//! numbers. The model texts are read once when the question is compiled; the rule
//! looks only where an answer says a key word the model numbers.

use super::{Contradiction, clause_text, content, shared, supposes};
use crate::grade::matcher::PreparedAnswer;
use crate::grade::token::{Class, Token, is_number};
use std::sync::Arc;

/// How many words before a key make its context.
const WINDOW: usize = 6;

/// How many context words the answer's key shares with the model's for the same thing.
const SHARED: usize = 2;

/// A number the model answer gives a key.
struct Value {
    /// The key's stem.
    key: Arc<str>,
    number: f64,
    /// The context's content stems, sorted.
    context: Vec<Arc<str>>,
    /// The model's clause, for the breakdown.
    text: String,
}

/// The numbers the model texts give keys.
#[derive(Default)]
pub(super) struct Values {
    values: Vec<Value>,
    /// The keys as written, once each: the words that start the rule.
    pub(super) keys: Vec<Arc<str>>,
}

/// The number `token` says, if it is a plain number (`80`, `0.5`), not a word inside
/// a code token.
fn number(token: &Token) -> Option<f64> {
    if token.part || token.class != Class::Exact || !is_number(&token.norm) {
        return None;
    }
    token.norm.parse().ok()
}

/// The number right after key `i` in its clause, and its index, when `i` is a key: a
/// content word of letters.
fn keyed(tokens: &[Token], i: usize) -> Option<(usize, f64)> {
    let key = &tokens[i];
    if key.class != Class::Word || key.glued || !content(key) {
        return None;
    }
    let j = (i + 1..tokens.len()).find(|&j| !tokens[j].part)?;
    if tokens[j].place.clause != key.place.clause {
        return None;
    }
    Some((j, number(&tokens[j])?))
}

/// The words of up to [`WINDOW`] words before key `i` in its clause, nearest first.
fn window(tokens: &[Token], i: usize) -> impl Iterator<Item = &Token> {
    let clause = tokens[i].place.clause;
    tokens[..i]
        .iter()
        .rev()
        .filter(|t| !t.part)
        .take(WINDOW)
        .take_while(move |t| t.place.clause == clause)
}

/// The context of key `i`: the content stems of its [`window`], numbers aside, sorted;
/// none when the number is given as an example ("a numeric UID such as USER 10001"),
/// which another text may choose otherwise.
fn context(tokens: &[Token], i: usize) -> Option<Vec<Arc<str>>> {
    if window(tokens, i).any(|t| {
        matches!(
            &*t.norm,
            "such" | "example" | "instance" | "e.g" | "eg" | "say" | "like"
        )
    }) {
        return None;
    }
    let mut out: Vec<Arc<str>> = window(tokens, i)
        .filter(|t| content(t) && number(t).is_none())
        .map(|t| t.stem.clone())
        .collect();
    out.sort_unstable();
    out.dedup();
    Some(out)
}

impl Values {
    /// The numbers `texts` (the model answer and explanation) give keys.
    pub(super) fn of(texts: &[&PreparedAnswer]) -> Values {
        let mut values = Vec::new();
        let mut keys: Vec<Arc<str>> = Vec::new();
        for text in texts {
            let tokens = text.tokens();
            for i in 0..tokens.len() {
                let Some((_, number)) = keyed(tokens, i) else {
                    continue;
                };
                let Some(context) = context(tokens, i) else {
                    continue;
                };
                if !keys.contains(&tokens[i].norm) {
                    keys.push(tokens[i].norm.clone());
                }
                values.push(Value {
                    key: tokens[i].stem.clone(),
                    number,
                    context,
                    text: clause_text(text, tokens[i].place.clause),
                });
            }
        }
        Values { values, keys }
    }

    /// The first answer key of `at` (its words of the keys' stems) given another number
    /// than the model answer gives the same thing.
    pub(super) fn swapped(&self, answer: &PreparedAnswer, at: &[usize]) -> Option<Contradiction> {
        let tokens = answer.tokens();
        for &i in at {
            let Some((j, said)) = keyed(tokens, i) else {
                continue;
            };
            let clause = tokens[i].place.clause;
            if answer.negated(j) || answer.negated(i) || supposes(tokens, clause) {
                continue;
            }
            let Some(mine) = context(tokens, i) else {
                continue;
            };
            let of_key = || self.values.iter().filter(|v| v.key == tokens[i].stem);
            // The model gives this thing this number: nothing is moved.
            if of_key().any(|v| {
                v.number == said && (v.context.is_empty() || shared(&v.context, &mine) > 0)
            }) {
                continue;
            }
            let sentence = tokens[i].place.sentence;
            let names = |n: f64| {
                tokens
                    .iter()
                    .any(|t| t.place.sentence == sentence && number(t) == Some(n))
            };
            let Some(theirs) = of_key().find(|v| {
                v.number != said && shared(&v.context, &mine) >= SHARED && !names(v.number)
            }) else {
                continue;
            };
            let (key, value) = (answer.word(i), answer.word(j));
            return Some(Contradiction::quoting(
                &format!("another number for the same thing ({key} {value})"),
                clause_text(answer, clause),
                &theirs.text,
                vec![key.to_owned(), value.to_owned()],
            ));
        }
        None
    }
}
