//! A change that a derived rubric's model answer says does not help, and an answer that
//! gives it as the fix: "Raising the CPU limit only changes throttling, so it will have
//! no effect on memory" answered "raise --cpus to 2 so the garbage collector frees
//! memory", or "Increasing the timeout only makes the race rarer" answered "Increasing
//! the timeout fixes the flakiness". A derived rubric credits the answer for naming the
//! limit and the rest of the model's words, and the futility is one negated concept at
//! most, so such an answer passed. [`super::advised`] reads a change the model answer
//! forbids ("avoid --privileged"); this is the change it calls useless.
//!
//! A **futile change** of the model answer is a sentence whose first content word
//! (only function words before it) is a gerund ("Raising", "Adding", "Increasing") or
//! follows *more*, *extra*, *bigger*, ... ("More replicas"), with the content words of
//! its object after it (up to [`PHRASE`]: "the CPU limit", "max_connections"), and
//! that says the change does not help: in its own clause, or in a later clause of the
//! sentence opening with *it*, *this*, *that* or *which*, *only* right before a verb of
//! [`ONLY`] ("only changes throttling", "only moves the ceiling") or a negation whose
//! next content word is one of [`FAILS`] ("will not help", "has no effect", "makes no
//! difference"), or *nothing* ("does nothing for memory"). Its **keys** are the object's
//! words that no other sentence of the model answer says ("CPU" of "the CPU limit",
//! where the memory limit is the model answer's own fix); with none, it is left alone.
//! A key matches an answer's word, or a word inside its code token, by stem or with an
//! *s* more or less ("--cpus", "CPUs").
//!
//! An answer **gives it as the fix** when a clause of it opens (as [`super::advised`]
//! reads it: after *and*, *so*, *then*, ..., or *I*/*you*/*we* with a modal; or right
//! after *and* or *then*) with a command that makes more of a thing (one of
//! [`RAISING`]: *raise*, *increase*, *bump*, *add*, *give*, ...; for a change that
//! makes no more of a thing, the model answer's own verb), or, for a key that is a code
//! token or found inside one, with a verb that puts a setting to use ([`SETTING`]: *set
//! max_connections=1000*, *run the suite with --timeout=30*), and a key follows within
//! [`REACH`] words in its clause; or when a clause opens with such a change as its
//! subject (the gerund, or *more* and the like) and a key within [`REACH`] words,
//! followed in the clause by a word of [`WORKS`] ("Raising --cpus to 2 will fix it",
//! "More CPU cores would help"). It does not count when the stretch to the end of the
//! clause has a negation, *only* or a word of setting aside, nor when the answer says a
//! key anywhere in a clause with a negation, *only* or one of [`DISMISSING`] (it calls
//! the change useless too: "--cpus won't matter", "CPU is irrelevant"), nor when the
//! model answer itself gives the change as a fix somewhere.

use super::advised::{opens, words_before};
use super::bindings::{content, contradiction, text};
use crate::grade::contrast::Contradiction;
use crate::grade::matcher::PreparedAnswer;
use crate::grade::token::{Class, Token};

/// Verbs that make more of a thing, as commands (base form) and as gerunds.
const RAISING: &[&str] = &[
    "raise", "increase", "bump", "boost", "double", "triple", "grow", "extend", "lengthen", "add",
    "give", "grant", "allocate", "expand", "scale",
];

/// The gerunds of [`RAISING`].
const RAISING_GERUNDS: &[&str] = &[
    "raising",
    "increasing",
    "bumping",
    "boosting",
    "doubling",
    "tripling",
    "growing",
    "extending",
    "lengthening",
    "adding",
    "giving",
    "granting",
    "allocating",
    "expanding",
    "scaling",
];

/// Words before a noun that make more of it: "More replicas", "a bigger heap".
const MORE: &[&str] = &[
    "more",
    "extra",
    "additional",
    "bigger",
    "larger",
    "higher",
    "longer",
    "second",
];

/// Verbs that put a setting to use: they give a change only with a code token.
const SETTING: &[&str] = &[
    "set",
    "pass",
    "use",
    "run",
    "start",
    "launch",
    "enable",
    "apply",
    "specify",
    "configure",
];

/// Stems of the verbs that, after *only*, say a change does no more than that ("only
/// changes throttling", "only moves the ceiling", "only hides the race").
const ONLY: &[&str] = &[
    "chang", "move", "hide", "mask", "delay", "postpon", "shift", "buy", "push", "make", "treat",
    "cover", "defer", "affect", "slow",
];

/// Stems of the words that, after a negation, say a change does not work: "will not
/// help", "has no effect", "makes no difference", "does not fix it".
const FAILS: &[&str] = &[
    "help", "fix", "solv", "resolv", "cure", "chang", "effect", "differ", "matter", "stop",
    "address", "affect", "improv", "work", "free", "reduc",
];

/// Stems of the words that say a change works: "will fix it", "would help", "is the
/// fix", "brings memory use down".
const WORKS: &[&str] = &[
    "help", "fix", "solv", "resolv", "cure", "work", "bring", "free", "reduc", "lower", "stop",
    "solut", "remedi",
];

/// Words that call a thing useless, in the clause of a key: the answer says the change
/// does not help too.
const DISMISSING: &[&str] = &[
    "irrelevant",
    "pointless",
    "useless",
    "moot",
    "nothing",
    "only",
    "unrelated",
];

/// Words that set one thing against another: a command after one is no advice.
const ASIDE: &[&str] = &["rather", "instead", "than", "unlike", "except", "versus"];

/// Pronouns that open a later clause about the change: "so it will have no effect".
const PRONOUNS: &[&str] = &["it", "this", "that", "which"];

/// How many content words the object of the change may have.
const PHRASE: usize = 4;

/// How many words may stand between an answer's verb (or subject) and a key.
const REACH: usize = 6;

/// How many words may stand between a key and the word of [`WORKS`] after it.
const WORKS_REACH: usize = 8;

/// A word of the changed thing: its stem, its text without a last *s*, and whether it
/// is a code token.
#[derive(Debug)]
struct Key {
    stem: u64,
    bare: String,
    code: bool,
}

/// One futile change: the model's verb (its stem, when it makes no more of a thing),
/// the keys, and the model answer's words.
#[derive(Debug)]
struct Change {
    verb: Option<u64>,
    keys: Vec<Key>,
    said: String,
}

/// The model answer's futile changes, ready to check answers against.
#[derive(Debug, Default)]
pub struct Futile {
    model: Vec<Change>,
}

impl Futile {
    /// The futile changes of `model` (a derived rubric's model answer, prepared).
    pub fn new(model: &PreparedAnswer) -> Futile {
        let tokens = model.tokens();
        let mut found = Vec::new();
        let mut start = 0;
        while start < tokens.len() {
            let sentence = tokens[start].place.sentence;
            let end = (start..tokens.len())
                .find(|&k| tokens[k].place.sentence != sentence)
                .unwrap_or(tokens.len());
            if let Some(change) = change(model, start, end)
                && gives(model, &change).is_none()
            {
                found.push(change);
            }
            start = end;
        }
        Futile { model: found }
    }

    /// The first clause of `answer` that gives a futile change of the model answer as
    /// the fix.
    pub fn check(&self, answer: &PreparedAnswer) -> Option<Contradiction> {
        for change in &self.model {
            if dismisses(answer, change) {
                continue;
            }
            if let Some(span) = gives(answer, change) {
                return Some(contradiction(
                    "futile",
                    answer,
                    span,
                    format!(
                        "\"{}\" (the model answer says it does not help)",
                        change.said
                    ),
                ));
            }
        }
        None
    }
}

/// The futile change the model sentence of tokens `start..end` states, if any.
fn change(model: &PreparedAnswer, start: usize, end: usize) -> Option<Change> {
    let tokens = model.tokens();
    let first = (start..end).find(|&k| content(&tokens[k]))?;
    let norm = &*tokens[first].norm;
    let more = (start..first)
        .rev()
        .find(|&k| !tokens[k].part)
        .is_some_and(|k| MORE.contains(&&*tokens[k].norm));
    let (verb, from) = if more || MORE.contains(&norm) {
        (None, if more { first } else { first + 1 })
    } else if norm.len() >= 5 && norm.ends_with("ing") && tokens[first].class == Class::Word {
        let raising = RAISING_GERUNDS.contains(&norm);
        ((!raising).then_some(tokens[first].stem_hash), first + 1)
    } else {
        return None;
    };
    let object = object(tokens, from, end);
    let last = *object.last()?;
    let cue = futility(model, first, last, end)?;
    let keys: Vec<Key> = object
        .iter()
        .filter(|&&k| !elsewhere(tokens, k, start, end))
        .map(|&k| Key {
            stem: tokens[k].stem_hash,
            bare: bare(&tokens[k].norm).to_owned(),
            code: tokens[k].class != Class::Word,
        })
        .collect();
    if keys.is_empty() {
        return None;
    }
    let clause = tokens[cue].place.clause;
    let close = (cue..end)
        .take_while(|&k| tokens[k].place.clause == clause)
        .last()
        .unwrap_or(cue);
    Some(Change {
        verb,
        keys,
        said: text(model, (first, close)),
    })
}

/// The content words of the object that starts at token `from` (after at most three
/// function words), up to [`PHRASE`], before `end`.
fn object(tokens: &[Token], from: usize, end: usize) -> Vec<usize> {
    let words: Vec<usize> = (from..end)
        .filter(|&k| !tokens[k].part && tokens[k].place.clause == tokens[from].place.clause)
        .collect();
    let lead = words.iter().take_while(|&&k| !content(&tokens[k])).count();
    if lead > 3 {
        return Vec::new();
    }
    words[lead..]
        .iter()
        .copied()
        .take_while(|&k| content(&tokens[k]))
        .take(PHRASE)
        .collect()
}

/// The last token of what says the change at `subject` (its object ending at `last`)
/// does not help, before `end`: in the subject's clause or in a later clause that
/// opens with one of [`PRONOUNS`].
fn futility(model: &PreparedAnswer, subject: usize, last: usize, end: usize) -> Option<usize> {
    let tokens = model.tokens();
    let words: Vec<usize> = (last + 1..end).filter(|&k| !tokens[k].part).collect();
    let about = |k: usize| {
        let clause = tokens[k].place.clause;
        clause == tokens[subject].place.clause
            || (0..k)
                .rev()
                .filter(|&j| !tokens[j].part)
                .take_while(|&j| tokens[j].place.clause == clause)
                .last()
                .and_then(|j| {
                    (j..=k)
                        .filter(|&i| !tokens[i].part)
                        .find(|&i| !matches!(&*tokens[i].norm, "so" | "and" | "but"))
                })
                .is_some_and(|i| PRONOUNS.contains(&&*tokens[i].norm))
    };
    for (n, &k) in words.iter().enumerate() {
        let t = &tokens[k];
        if !about(k) {
            continue;
        }
        let next = words.get(n + 1).copied();
        if &*t.norm == "only" {
            if let Some(v) = next.filter(|&v| ONLY.contains(&&*tokens[v].stem)) {
                return Some(v);
            }
        } else if &*t.norm == "nothing" {
            return Some(k);
        } else if t.is_negation() {
            let word = words[n + 1..]
                .iter()
                .copied()
                .take_while(|&v| tokens[v].place.clause == t.place.clause)
                .find(|&v| content(&tokens[v]));
            if let Some(v) = word.filter(|&v| FAILS.contains(&&*tokens[v].stem)) {
                return Some(v);
            }
        }
    }
    None
}

/// Whether the word at `at` (by stem) stands in the model answer outside the sentence
/// of tokens `start..end`.
fn elsewhere(tokens: &[Token], at: usize, start: usize, end: usize) -> bool {
    let stem = tokens[at].stem_hash;
    tokens
        .iter()
        .enumerate()
        .any(|(k, t)| (k < start || k >= end) && t.stem_hash == stem)
}

/// `word` without one last *s*.
pub(super) fn bare(word: &str) -> &str {
    word.strip_suffix('s').unwrap_or(word)
}

/// The key that token `t` matches, if any.
fn key<'a>(change: &'a Change, t: &Token) -> Option<&'a Key> {
    change
        .keys
        .iter()
        .find(|key| t.stem_hash == key.stem || bare(&t.norm) == key.bare)
}

/// Whether `answer` says a key of the change in a clause with a negation, *only* or a
/// word of [`DISMISSING`], or under a negation.
fn dismisses(answer: &PreparedAnswer, change: &Change) -> bool {
    let tokens = answer.tokens();
    (0..tokens.len()).any(|k| {
        key(change, &tokens[k]).is_some()
            && (answer.negated(k)
                || tokens.iter().any(|t| {
                    t.place.clause == tokens[k].place.clause
                        && !t.part
                        && (t.is_negation() || DISMISSING.contains(&&*t.norm))
                }))
    })
}

/// Whether the verb `t` makes the change: one of [`RAISING`], or the model's own verb.
fn makes(change: &Change, t: &Token) -> bool {
    match change.verb {
        Some(stem) => t.stem_hash == stem,
        None => RAISING.contains(&&*t.norm),
    }
}

/// Whether the gerund or *more* at `t` names the change as a subject.
fn names(change: &Change, t: &Token) -> bool {
    match change.verb {
        Some(stem) => t.stem_hash == stem && t.norm.ends_with("ing"),
        None => RAISING_GERUNDS.contains(&&*t.norm) || MORE.contains(&&*t.norm),
    }
}

/// The span of the first clause of `text` that gives the change as the fix: a command
/// with a key after it, or the change as a subject that works.
fn gives(text: &PreparedAnswer, change: &Change) -> Option<(usize, usize)> {
    let tokens = text.tokens();
    for (verb, t) in tokens.iter().enumerate() {
        if t.part {
            continue;
        }
        let command = makes(change, t) || SETTING.contains(&&*t.norm);
        let subject = names(change, t);
        if !command && !subject {
            continue;
        }
        let after: Vec<usize> = (verb + 1..tokens.len())
            .filter(|&k| tokens[k].place.clause == t.place.clause)
            .collect();
        // The first REACH whole words after the verb, with the words inside their code
        // tokens.
        let limit = after
            .iter()
            .copied()
            .filter(|&k| !tokens[k].part)
            .nth(REACH)
            .unwrap_or(usize::MAX);
        let Some(found) = after.iter().copied().take_while(|&k| k < limit).find(|&k| {
            key(change, &tokens[k])
                .is_some_and(|key| makes(change, t) || subject || key.code || tokens[k].part)
        }) else {
            continue;
        };
        if command && opened(tokens, verb) && plain(tokens, verb, found) {
            return Some((verb, found));
        }
        if subject && subject_opens(tokens, verb) && plain(tokens, verb, found) {
            let works = after
                .iter()
                .copied()
                .filter(|&k| k > found && !tokens[k].part)
                .take(WORKS_REACH)
                .find(|&k| WORKS.contains(&&*tokens[k].stem));
            if let Some(works) = works {
                return Some((verb, works));
            }
        }
    }
    None
}

/// Whether the command at `verb` opens its clause as [`super::advised`] reads it, or
/// follows *and* or *then* right before it in its clause.
fn opened(tokens: &[Token], verb: usize) -> bool {
    opens(tokens, words_before(tokens, verb))
        || words_before(tokens, verb)
            .next()
            .is_some_and(|k| matches!(&*tokens[k].norm, "and" | "then"))
}

/// Whether only function words (no content word, no word of setting aside) stand before
/// the subject at `at` in its clause.
fn subject_opens(tokens: &[Token], at: usize) -> bool {
    words_before(tokens, at).all(|k| {
        !content(&tokens[k]) && !ASIDE.contains(&&*tokens[k].norm) && !tokens[k].is_negation()
    })
}

/// Whether nothing from `from` to the end of the clause of `to` negates, limits or sets
/// aside.
fn plain(tokens: &[Token], from: usize, to: usize) -> bool {
    let clause = tokens[to].place.clause;
    !(from..tokens.len())
        .take_while(|&k| k <= to || tokens[k].place.clause == clause)
        .any(|k| {
            let t = &tokens[k];
            !t.part && (t.is_negation() || &*t.norm == "only" || ASIDE.contains(&&*t.norm))
        })
}

#[cfg(test)]
mod tests;
