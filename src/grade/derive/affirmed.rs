//! What a derived rubric's model answer denies of a subject, and an answer that states
//! it of that subject: "distroless images contain only the runtime, with no shell or
//! package manager" answered "distroless ships a shell and a package manager", or "the
//! unikernel does not support fork" answered "the unikernel supports fork". A derived
//! rubric turns the denied word into a negated concept, and an answer that says it
//! plainly only loses that concept's weight; naming the subject and the model answer's
//! other words, it passed. [`super::denials`] reads the other way round: a claim of the
//! model answer denied.
//!
//! A **denial** of the model answer is a negation cue of [`CUES`] after the first
//! content word of its sentence (its **subject**), in a sentence that sets nothing
//! against anything before the cue's clause ends ([`SET_ASIDE`]: "unlike a virtual
//! machine there is no guest kernel" says nothing of the machine), with the content
//! words the cue governs after it in its clause: after *no*, *none* and *without* the
//! first ("no shell"), after a verb's negation (*not*, *never*, *cannot*) the first two,
//! the verb and what it is done to ("does not wait until db is ready"). An answer
//! **affirms** the denial when a sentence of it opens with the subject (by stem), all
//! the denied words follow within [`REACH`] words, and from the subject to the end of
//! the last word's clause there is no negation, no word that takes away or limits
//! ([`TAKING`]: "drops the shell", "only the runtime") and none of [`SET_ASIDE`]. It
//! contradicts the model answer unless the model answer states one of the words
//! plainly in a sentence that names the subject (the denial holds in one case only),
//! or the answer also repeats the denial in a sentence that names the subject.
//! A clause that opens with *it* or *they* stands for the subject when the tokenizer
//! has carried the subject of the clause before over to it and that segment opens
//! with the subject ("A unikernel is a VM image. It ships a shell"); the denied words
//! must then stand in the pronoun's own clause.
//!
//! A model sentence that says **there is none** of a thing ("there is no health-aware
//! load balancer") has no subject; the last two words of the run of content words after
//! its *no* are what it denies, and an answer sentence that states both plainly, near
//! each other ("Compose puts a built-in load balancer in front that health-checks the
//! replicas"), with nothing before them in the sentence that denies, takes away or sets
//! aside, contradicts it, unless the answer negates one of the words anywhere.

use super::bindings::{content, contradiction, text};
use crate::grade::contrast::Contradiction;
use crate::grade::matcher::PreparedAnswer;
use crate::grade::token::Token;

/// The cues whose denial is read: a thing's absence (*no*, *none*, *without*: the word
/// after it) or a verb's negation (*not*, *never*, *cannot*: the verb and its object).
const CUES: &[&str] = &["no", "none", "without", "not", "never", "cannot"];

/// The cues of a thing's absence: one word is denied.
const ABSENCE: &[&str] = &["no", "none", "without"];

/// Words that set one thing against another in their clause: its first word is then no
/// subject of what the clause denies or states.
const SET_ASIDE: &[&str] = &[
    "unlike", "like", "whereas", "than", "instead", "rather", "except", "compared", "versus", "vs",
];

/// Verbs and words that take a thing away: "drops the shell" states no shell.
const TAKING: &[&str] = &[
    "drop",
    "drops",
    "dropped",
    "dropping",
    "strip",
    "strips",
    "stripped",
    "stripping",
    "remove",
    "removes",
    "removed",
    "removing",
    "omit",
    "omits",
    "omitted",
    "omitting",
    "exclude",
    "excludes",
    "excluded",
    "excluding",
    "lack",
    "lacks",
    "lacked",
    "lacking",
    "leave",
    "leaves",
    "left",
    "leaving",
    "skip",
    "skips",
    "skipped",
    "skipping",
    "ditch",
    "ditches",
    "ditched",
    "minus",
    "free",
    "less",
    "missing",
    "absent",
    "forbid",
    "forbids",
    "disable",
    "disables",
    "disabled",
    "avoid",
    "avoids",
    "avoided",
    "prevent",
    "prevents",
    "prevented",
    "block",
    "blocks",
    "blocked",
    "refuse",
    "refuses",
    "reject",
    "rejects",
    "only",
    "just",
];

/// A subject and the words the model answer denies of it.
#[derive(Debug, Clone)]
struct Denial {
    /// The stem (as a hash) of the subject.
    subject: u64,
    /// The stems of the denied words (one or two).
    words: Vec<u64>,
    /// The model answer's words, from the subject to the last denied word.
    said: String,
}

/// The model answer's denials, ready to check answers against.
#[derive(Debug, Default)]
pub struct Affirmed {
    model: Vec<Denial>,
    /// What the model answer says there is none of: the last two words of the phrase
    /// after "there is no", and the model's words.
    absent: Vec<(Vec<u64>, String)>,
}

impl Affirmed {
    /// The denials of `model` (a derived rubric's model answer, prepared).
    pub fn new(model: &PreparedAnswer) -> Affirmed {
        let tokens = model.tokens();
        let mut denials: Vec<Denial> = Vec::new();
        let mut absent = Vec::new();
        for (cue, t) in tokens.iter().enumerate() {
            if t.part || !CUES.contains(&&*t.norm) {
                continue;
            }
            if existential(tokens, cue) {
                absent.extend(nothing_of(model, cue));
                continue;
            }
            let Some(first) = opening(tokens, cue) else {
                continue;
            };
            let count = if ABSENCE.contains(&&*t.norm) { 1 } else { 2 };
            let denied: Vec<usize> = (cue + 1..tokens.len())
                .take_while(|&k| tokens[k].place.clause == t.place.clause)
                .filter(|&k| content(&tokens[k]) && model.cue(k) == Some(cue))
                .take(count)
                .collect();
            let Some(&last) = denied.last() else {
                continue;
            };
            let subject = tokens[first].stem_hash;
            let words: Vec<u64> = denied.iter().map(|&k| tokens[k].stem_hash).collect();
            if words.contains(&subject) || states(model, subject, &words) {
                continue;
            }
            denials.push(Denial {
                subject,
                words,
                said: text(model, (first, last)),
            });
        }
        Affirmed {
            model: denials,
            absent,
        }
    }

    /// The first clause of `answer` that states what the model answer denies of its
    /// subject.
    pub fn check(&self, answer: &PreparedAnswer) -> Option<Contradiction> {
        if self.model.is_empty() && self.absent.is_empty() {
            return None;
        }
        for (words, said) in &self.absent {
            if let Some(span) = present(answer, words) {
                return Some(contradiction(
                    "affirmed",
                    answer,
                    span,
                    format!("\"{said}\" (the model answer says there is none)"),
                ));
            }
        }
        for d in &self.model {
            if repeats(answer, d) {
                continue;
            }
            if let Some(span) = affirming(answer, d) {
                return Some(contradiction(
                    "affirmed",
                    answer,
                    span,
                    format!("\"{}\" (the model answer denies it)", d.said),
                ));
            }
        }
        None
    }
}

/// How many words may stand between an answer's subject and the last denied word it
/// states ("distroless contains the runtime plus a shell and a package manager").
const REACH: usize = 10;

/// Whether the cue at `cue` is the *no* of "there is no", "there are no", "there's no".
fn existential(tokens: &[Token], cue: usize) -> bool {
    let words: Vec<&str> = (0..cue)
        .rev()
        .filter(|&k| !tokens[k].part)
        .take(2)
        .map(|k| &*tokens[k].norm)
        .collect();
    tokens[cue].norm.as_ref() == "no"
        && matches!(
            words.as_slice(),
            ["is" | "are" | "was" | "were", "there", ..] | ["there's" | "theres", ..]
        )
}

/// What the model answer says there is none of at the existential *no* at `cue`: the
/// last two words of the run of content words after it (its head and what qualifies
/// it: "no health-aware load balancer", "no automatic failover"), unless the model
/// answer states one of them plainly somewhere. One word alone ("no scheduling across
/// machines") is left alone: a right answer names the thing in other claims.
fn nothing_of(model: &PreparedAnswer, cue: usize) -> Option<(Vec<u64>, String)> {
    let tokens = model.tokens();
    let run: Vec<usize> = (cue + 1..tokens.len())
        .filter(|&k| !tokens[k].part)
        .take_while(|&k| content(&tokens[k]) && model.cue(k) == Some(cue))
        .collect();
    if run.len() < 2 {
        return None;
    }
    let pair = &run[run.len() - 2..];
    let words: Vec<u64> = pair.iter().map(|&k| tokens[k].stem_hash).collect();
    let plain = tokens
        .iter()
        .enumerate()
        .any(|(k, t)| !t.part && words.contains(&t.stem_hash) && !model.negated(k));
    (!plain).then(|| (words, text(model, (cue, pair[1]))))
}

/// The span of the first sentence of `answer` that states both `words` plainly, within
/// [`REACH`] words of each other, with nothing that denies, takes away or sets aside
/// from its start to the end of the last word's clause; `None` also when the answer
/// negates one of the words anywhere (it repeats the model's denial).
fn present(answer: &PreparedAnswer, words: &[u64]) -> Option<(usize, usize)> {
    let tokens = answer.tokens();
    let repeats = (0..tokens.len())
        .any(|k| !tokens[k].part && words.contains(&tokens[k].stem_hash) && answer.negated(k));
    if repeats {
        return None;
    }
    for (first, t) in tokens.iter().enumerate() {
        if t.part || t.stem_hash != words[0] {
            continue;
        }
        let near: Vec<usize> = (first.saturating_sub(REACH)..tokens.len())
            .filter(|&k| !tokens[k].part && tokens[k].place.sentence == t.place.sentence)
            .filter(|&k| k.abs_diff(first) <= REACH)
            .collect();
        let Some(other) = near
            .iter()
            .copied()
            .find(|&k| tokens[k].stem_hash == words[1])
        else {
            continue;
        };
        let (from, to) = (first.min(other), first.max(other));
        let start = (0..from)
            .rev()
            .take_while(|&k| tokens[k].place.sentence == t.place.sentence)
            .last()
            .unwrap_or(from);
        if plain_through(answer, start, to) {
            return Some((from, to));
        }
    }
    None
}

/// The first content word of the sentence of token `at`, when it comes before `at`
/// and nothing from the sentence's start to the end of `at`'s clause sets one thing
/// against another.
fn opening(tokens: &[Token], at: usize) -> Option<usize> {
    let place = tokens[at].place;
    let start = (0..at)
        .rev()
        .take_while(|&k| tokens[k].place.sentence == place.sentence)
        .last()
        .unwrap_or(at);
    let end = (at..tokens.len())
        .take_while(|&k| tokens[k].place.clause == place.clause)
        .last()
        .unwrap_or(at);
    if (start..=end).any(|k| !tokens[k].part && SET_ASIDE.contains(&&*tokens[k].norm)) {
        return None;
    }
    (start..at).find(|&k| content(&tokens[k]))
}

/// Whether `text` says one of `words` in a sentence that names `subject`, plainly
/// (`plain`) or negated.
fn said_with(text: &PreparedAnswer, subject: u64, words: &[u64], plain: bool) -> bool {
    let tokens = text.tokens();
    tokens.iter().enumerate().any(|(k, t)| {
        !t.part
            && words.contains(&t.stem_hash)
            && text.negated(k) != plain
            && tokens
                .iter()
                .any(|s| s.place.sentence == t.place.sentence && s.stem_hash == subject && !s.part)
    })
}

/// Whether `text` states one of `words` plainly in a sentence that names `subject`.
fn states(text: &PreparedAnswer, subject: u64, words: &[u64]) -> bool {
    said_with(text, subject, words, true)
}

/// Whether `answer` denies one of the denial's words in a sentence that names its
/// subject.
fn repeats(answer: &PreparedAnswer, d: &Denial) -> bool {
    said_with(answer, d.subject, &d.words, false)
}

/// The span of the first stretch of `answer` that opens a sentence with the denial's
/// subject and states all its words plainly, within [`REACH`] words, with nothing
/// that denies, takes away or sets aside from the subject to the end of the last
/// word's clause.
fn affirming(answer: &PreparedAnswer, d: &Denial) -> Option<(usize, usize)> {
    let tokens = answer.tokens();
    for (first, t) in tokens.iter().enumerate() {
        let named = t.stem_hash == d.subject && content(t);
        if t.part || !(named || PRONOUNS.contains(&&*t.norm)) {
            continue;
        }
        let opens = (0..first)
            .rev()
            .take_while(|&k| tokens[k].place.sentence == t.place.sentence)
            .take_while(|&k| named || tokens[k].place.clause == t.place.clause)
            .all(|k| !content(&tokens[k]));
        if !opens || !(named || stands_for(tokens, first, d.subject)) {
            continue;
        }
        // A pronoun's denied words must stay in its own clause.
        let reach: Vec<usize> = (first + 1..tokens.len())
            .filter(|&k| !tokens[k].part)
            .take_while(|&k| tokens[k].place.sentence == t.place.sentence)
            .take_while(|&k| named || tokens[k].place.clause == t.place.clause)
            .take(REACH)
            .collect();
        let found: Option<Vec<usize>> = d
            .words
            .iter()
            .map(|&w| reach.iter().copied().find(|&k| tokens[k].stem_hash == w))
            .collect();
        let Some(last) = found.and_then(|f| f.into_iter().max()) else {
            continue;
        };
        if plain_through(answer, first, last) {
            return Some((first, last));
        }
    }
    None
}

/// The pronouns that may stand for a denial's subject at the start of a clause.
const PRONOUNS: &[&str] = &["it", "they"];

/// Whether the pronoun at `at`, opening its clause, stands for `subject`: the
/// tokenizer has carried the subject of the clause before over to the pronoun's
/// clause (one segment: see `token::carry_subject`, which asks that the clause before
/// name its antecedent clearly), and that segment opens with the subject (its first
/// content word).
fn stands_for(tokens: &[Token], at: usize, subject: u64) -> bool {
    let place = tokens[at].place;
    let same = |k: &usize| {
        tokens[*k].place.sentence == place.sentence && tokens[*k].place.segment == place.segment
    };
    let opened = (0..at)
        .rev()
        .take_while(same)
        .any(|k| tokens[k].place.clause != place.clause);
    opened
        && (0..at)
            .rev()
            .take_while(same)
            .filter(|&k| content(&tokens[k]))
            .last()
            .is_some_and(|k| tokens[k].stem_hash == subject)
}

/// Whether `answer`, from token `from` to the end of the clause of token `to`, has
/// nothing that denies, sets aside ([`SET_ASIDE`]) or takes away ([`TAKING`]).
fn plain_through(answer: &PreparedAnswer, from: usize, to: usize) -> bool {
    plain_sparing(answer, from, to, |_| false)
}

/// [`plain_through`], with the words at which `spared` holds not counted as taking
/// away (an answer's own command verb, *just*: see [`super::advised`]).
pub(super) fn plain_sparing(
    answer: &PreparedAnswer,
    from: usize,
    to: usize,
    spared: impl Fn(usize) -> bool,
) -> bool {
    let tokens = answer.tokens();
    let end = (to..tokens.len())
        .take_while(|&k| tokens[k].place.clause == tokens[to].place.clause)
        .last()
        .unwrap_or(to);
    !(from..=end).any(|j| {
        let w = &tokens[j];
        !w.part
            && (w.is_negation()
                || answer.negated(j)
                || SET_ASIDE.contains(&&*w.norm)
                || (TAKING.contains(&&*w.norm) && !spared(j)))
    })
}

#[cfg(test)]
mod tests;
