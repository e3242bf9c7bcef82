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
//!
//! An **act** is the same for a verb: a content word right before another in one
//! clause of the model answer, neither negated ("expanding air cools": *air*, *cools*);
//! its denial is a subject right before *do*, *does* or *did*, a negation, and a
//! content word, or two joined by *or* ("rising air does not expand or cool"). It
//! contradicts the model answer on the same terms as a claim's denial, when the act's
//! clause has no negation ("deleting a file gives no space back" is denied already),
//! and the denial's sentence no word of [`CASES`] ("doesn't decide until it ends").
//! An act qualified by a manner word right after its verb, in the model answer or in
//! the denial ("controllers coordinate poorly" and "controllers don't coordinate
//! well"), is no plain act: denying one manner may say the other.
//!
//! An act is **turned** when the answer says the other word of a plain pair of
//! [`crate::grade::contradiction`]'s opposites of the same subject ("the burner cools
//! the air" against the model's "the burner heats the air"), in a clause with no negation,
//! limit or comparison and a sentence with no word of [`CASES`], of the same kind of
//! subject (the content word right before it, if either has one, is the same: "the gas
//! burner cools" does not turn "the electric burner heats"), where the model answer
//! never says that word of the subject itself and the answer does not also say the
//! model's.

use super::actions::Clause;
use super::bindings::{content, contradiction, text};
use crate::grade::contradiction::{compares, limited, manner, plain_opposite};
use crate::grade::contrast::Contradiction;
use crate::grade::matcher::PreparedAnswer;
use crate::grade::token::Token;
use crate::lang::is_determiner;

/// The words that say what a subject is.
const COPULAS: &[&str] = &["is", "are"];

/// The words that carry a verb's denial ("the air does not cool").
const AUXILIARIES: &[&str] = &["do", "does", "did"];

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

/// A model answer's act whose verb is a word of a plain pair of opposites.
#[derive(Debug)]
struct Turn {
    /// The stem (as a hash) of the subject.
    subject: u64,
    /// The pair and the side of the verb.
    verb: (usize, usize),
    /// The subject's [modifier].
    kind: Option<u64>,
    text: String,
}

/// The model answer's claims, ready to check answers against.
#[derive(Debug, Default)]
pub struct Denials {
    model: Vec<(Claim, String)>,
    /// The model answer's acts: a subject and its verb (stems as hashes), and the text.
    acts: Vec<(u64, u64, String)>,
    /// The model answer's acts whose verb is a word of a pair of opposites.
    turns: Vec<Turn>,
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
        let plain = |i: usize| !cases.contains(&tokens[i].place.sentence);
        // An act in a clause with a negation may be denied there ("gives no space back").
        let negations: Vec<u32> = tokens
            .iter()
            .filter(|t| t.is_negation())
            .map(|t| t.place.clause)
            .collect();
        let said: Vec<(usize, usize)> = (0..tokens.len())
            .filter(|&i| plain(i))
            .filter_map(|i| act(tokens, i))
            .filter(|&(s, _)| !negations.contains(&tokens[s].place.clause))
            .collect();
        let turns = said
            .iter()
            .filter_map(|&(s, v)| {
                let verb = plain_opposite(&tokens[v])?;
                Some(Turn {
                    subject: tokens[s].stem_hash,
                    verb,
                    kind: modifier(tokens, s),
                    text: text(model, (s, v)),
                })
            })
            .collect();
        // "controllers coordinate poorly": a manner said, no plain act.
        let acts = said
            .into_iter()
            .filter(|&(_, v)| !qualified(tokens, v))
            .map(|(s, v)| {
                (
                    tokens[s].stem_hash,
                    tokens[v].stem_hash,
                    text(model, (s, v)),
                )
            })
            .collect();
        let model = (0..tokens.len())
            .filter(|&i| plain(i))
            .filter_map(|i| claim(tokens, i))
            .map(|c| (c, text(model, c.span)))
            .collect();
        Denials {
            model,
            acts,
            turns,
            denied,
        }
    }

    /// The first denial in `answer` of one of the model answer's claims or acts.
    pub fn check(&self, answer: &PreparedAnswer) -> Option<Contradiction> {
        self.claims(answer)
            .or_else(|| self.acts(answer))
            .or_else(|| self.turned(answer))
    }

    /// The first act of the model answer that `answer` turns: its subject with the
    /// other word of a pair of opposites ("the burner cools the air").
    fn turned(&self, answer: &PreparedAnswer) -> Option<Contradiction> {
        if self.turns.is_empty() {
            return None;
        }
        let tokens = answer.tokens();
        let acts: Vec<(usize, usize)> = (0..tokens.len()).filter_map(|i| act(tokens, i)).collect();
        // The model answer says the subject's verb on this side of the pair.
        let says = |subject: u64, verb: (usize, usize)| {
            self.turns
                .iter()
                .any(|t| t.subject == subject && t.verb == verb)
        };
        for &(s, v) in &acts {
            let Some((pair, side)) = plain_opposite(&tokens[v]) else {
                continue;
            };
            let subject = tokens[s].stem_hash;
            let model = (pair, 1 - side);
            // "the gas burner cools" against "the electric burner heats": another one.
            let kind = modifier(tokens, s);
            let Some(Turn { text: said, .. }) = self
                .turns
                .iter()
                .find(|t| t.subject == subject && t.verb == model && t.kind == kind)
            else {
                continue;
            };
            // The model answer says this word of the subject too ("heats in winter and
            // cools in summer"), or the answer says the model's too.
            let both = says(subject, (pair, side))
                || acts.iter().any(|&(a, b)| {
                    tokens[a].stem_hash == subject && plain_opposite(&tokens[b]) == Some(model)
                });
            let clause = tokens[v].place.clause;
            let cases = in_some_cases(tokens, tokens[v].place.sentence);
            if !both && !cases && !limited(tokens, clause) && !compares(tokens, clause) {
                return Some(contradiction(
                    "opposite",
                    answer,
                    (s, v),
                    format!("\"{said}\""),
                ));
            }
        }
        None
    }

    /// The first denial in `answer` of one of the model answer's acts.
    fn acts(&self, answer: &PreparedAnswer) -> Option<Contradiction> {
        if self.acts.is_empty() {
            return None;
        }
        let tokens = answer.tokens();
        for i in 0..tokens.len() {
            let Some((subject, verbs, last)) = refusal(tokens, i) else {
                continue;
            };
            // "doesn't decide until the trace ends": denied in some cases only.
            if in_some_cases(tokens, tokens[i].place.sentence) {
                continue;
            }
            // "controllers don't coordinate well": a manner denied, not the act.
            for verb in verbs
                .into_iter()
                .flatten()
                .filter(|&k| !qualified(tokens, k))
            {
                let (s, v) = (tokens[subject].stem_hash, tokens[verb].stem_hash);
                if self.denied.binary_search(&v).is_ok() {
                    continue;
                }
                let Some((_, _, said)) = self.acts.iter().find(|a| a.0 == s && a.1 == v) else {
                    continue;
                };
                let states = (0..tokens.len())
                    .filter_map(|k| act(tokens, k))
                    .any(|(a, b)| tokens[a].stem_hash == s && tokens[b].stem_hash == v);
                if !states {
                    let span = (subject, last);
                    return Some(contradiction("denial", answer, span, format!("\"{said}\"")));
                }
            }
        }
        None
    }

    /// The first denial in `answer` of one of the model answer's claims.
    fn claims(&self, answer: &PreparedAnswer) -> Option<Contradiction> {
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

/// The act at token `i`: its subject and the verb right after it, both content words
/// of one clause.
fn act(tokens: &[Token], i: usize) -> Option<(usize, usize)> {
    let k = (i + 1..tokens.len()).find(|&k| !tokens[k].part)?;
    let one = tokens[k].place.clause == tokens[i].place.clause;
    (one && content(&tokens[i]) && content(&tokens[k])).then_some((i, k))
}

/// The stem (as a hash) of the content word right before the subject at token `s` in
/// its clause, if any ("gas" of "the gas burner"): what kind of the subject is meant.
fn modifier(tokens: &[Token], s: usize) -> Option<u64> {
    let k = (0..s).rev().find(|&k| !tokens[k].part)?;
    let t = &tokens[k];
    (t.place.clause == tokens[s].place.clause && content(t)).then_some(t.stem_hash)
}

/// Whether sentence `sentence` of `tokens` has a word of [`CASES`].
fn in_some_cases(tokens: &[Token], sentence: u32) -> bool {
    tokens
        .iter()
        .any(|t| t.place.sentence == sentence && CASES.contains(&&*t.norm))
}

/// Whether the verb at token `v` has a manner word right after it in its clause
/// ("coordinate poorly", "coordinate well").
fn qualified(tokens: &[Token], v: usize) -> bool {
    (v + 1..tokens.len())
        .find(|&k| !tokens[k].part)
        .is_some_and(|k| {
            tokens[k].place.clause == tokens[v].place.clause && manner(&tokens[k].norm)
        })
}

/// The verb's denial at the auxiliary at token `i` ("air does not expand or cool"): its
/// subject, the denied verbs, and the last token.
fn refusal(tokens: &[Token], i: usize) -> Option<(usize, [Option<usize>; 2], usize)> {
    let t = &tokens[i];
    if t.part || !AUXILIARIES.contains(&&*t.norm) {
        return None;
    }
    let first = (0..i).rev().find(|&k| !tokens[k].part)?;
    if tokens[first].place.clause != t.place.clause || !content(&tokens[first]) {
        return None;
    }
    let mut after = (i + 1..tokens.len())
        .filter(|&k| !tokens[k].part)
        .take_while(|&k| tokens[k].place.clause == t.place.clause);
    after.next().filter(|&k| tokens[k].is_negation())?;
    let verb = after.next().filter(|&k| content(&tokens[k]))?;
    let other = after
        .next()
        .filter(|&k| &*tokens[k].norm == "or")
        .and_then(|_| after.next())
        .filter(|&k| content(&tokens[k]));
    Some((first, [Some(verb), other], other.unwrap_or(verb)))
}

#[cfg(test)]
mod tests;
