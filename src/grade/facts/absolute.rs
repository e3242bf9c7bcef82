//! Absolute claims that no text of the question makes: a right answer with one
//! overclaim added ("the entry is cached forever", "the pool then opens connections
//! without limit", "the count only resets until a reboot", "each retry is guaranteed
//! to succeed", "the client retries until it succeeds"). Things of the register are
//! bounded: caches expire, pools and queues have limits, state ends with its process,
//! retries give up and nothing is guaranteed to succeed. So when the model answer,
//! explanation, prompt and situation say nothing of the kind, an answer that states
//! one of these absolutes plainly adds a claim the examiner did not make and that is
//! nearly always false.
//!
//! Each kind of absolute is one of [`KINDS`]: the words that state it in an answer
//! (its cues) and the words whose presence in the question's texts makes it theirs to
//! talk about (a model answer that says *permanently* makes "deleted for ever" no
//! overclaim, and one that calls a wait *unbounded* makes "waits indefinitely" its
//! own; one that talks of a reboot makes "until a reboot" a fact to check, not an
//! absolute; one that says a lock "will never be released" makes "waits for the lock
//! forever" its own). A rubric concept's term does the same (one that accepts "alive forever"
//! makes it the author's; see `Facts::accepted_by_rubric`). A guarantee narrowed by *only* ("only guarantees the start order") promises
//! little, not everything. A cue under a negation ("not guaranteed") or just after one ("not
//! even until a reboot"), or in a clause that only
//! says what could or would happen ("otherwise it would be retried forever", "the
//! count can grow without limit"), claims nothing. Words that are often absolute only
//! in tone (*always*, *every*, *never*, *for good*) are left out: right answers use
//! them too often.

use crate::grade::contrast::Contradiction;
use crate::grade::matcher::PreparedAnswer;
use crate::grade::token::Token;

/// A kind of absolute claim.
struct Kind {
    /// What the claim says, for the explanation ("that anything lasts for ever").
    says: &'static str,
    /// Whether the word at `i` opens a cue of this kind; the index of the cue's
    /// last word when it does.
    cue: fn(&[Token], usize) -> Option<usize>,
    /// Whether a word of the question's texts makes the kind theirs.
    theirs: fn(&str) -> bool,
}

/// The kinds of absolute claims, written from how systems behave, not from any answer.
const KINDS: &[Kind] = &[
    Kind {
        says: "that anything lasts for ever",
        cue: |tokens, i| matches!(&*tokens[i].norm, "forever" | "indefinitely").then_some(i),
        theirs: |w| {
            matches!(
                w,
                "forever"
                    | "indefinitely"
                    | "infinite"
                    | "infinitely"
                    | "endless"
                    | "unbounded"
                    | "boundless"
            ) || w.starts_with("permanent")
                || w.starts_with("endlessly")
        },
    },
    Kind {
        says: "that anything is without limit",
        cue: |tokens, i| match &*tokens[i].norm {
            "unlimited" | "limitless" => Some(i),
            "without" => followed_by(tokens, i, 2, |w| matches!(w, "limit" | "limits" | "bound")),
            _ => None,
        },
        theirs: |w| matches!(w, "unlimited" | "limitless" | "unbounded" | "boundless"),
    },
    Kind {
        says: "that anything lasts until a reboot",
        cue: |tokens, i| until(tokens, i, 3, |w| w.starts_with("reboot")),
        theirs: |w| w.starts_with("reboot"),
    },
    Kind {
        says: "that anything is tried until it succeeds",
        cue: |tokens, i| until(tokens, i, 2, |w| w.starts_with("succe")),
        theirs: |w| w.starts_with("succe"),
    },
    Kind {
        says: "that anything is guaranteed",
        cue: |tokens, i| {
            (tokens[i].norm.starts_with("guarantee")
                && !named_bound(tokens, i)
                && !narrowed(tokens, i))
            .then_some(i)
        },
        theirs: |w| w.starts_with("guarantee"),
    },
];

/// Whether `word` is the first word of a cue of one of [`KINDS`] (it must name every
/// word a kind's `cue` starts at): the test every word of an answer gets before the
/// kinds' own, which only the few words that pass it need.
fn opens_a_cue(word: &str) -> bool {
    matches!(
        word,
        "forever" | "indefinitely" | "unlimited" | "limitless" | "without" | "until"
    ) || word.starts_with("guarantee")
}

/// Whether the noun *guarantee* at `i` comes right after a hyphenated modifier that
/// names what is guaranteed ("a linear-time guarantee", "the at-least-once guarantee"):
/// a bound or a property a system does give, not a promise that anything succeeds.
fn named_bound(tokens: &[Token], i: usize) -> bool {
    matches!(&*tokens[i].norm, "guarantee" | "guarantees")
        && tokens[..i]
            .iter()
            .rev()
            .find(|t| !t.part)
            .is_some_and(|t| t.glued && t.place.clause == tokens[i].place.clause)
}

/// Whether the *guarantee* at `i` is narrowed by *only* (*merely*, *just*, *solely*)
/// among the two words before it or right after it, in its clause: "depends_on only
/// guarantees the start order", "the TTL guarantees only an expiry" say how little is
/// promised, the opposite of an absolute.
fn narrowed(tokens: &[Token], i: usize) -> bool {
    let clause = tokens[i].place.clause;
    let narrows = |t: &&Token| {
        t.place.clause == clause && matches!(&*t.norm, "only" | "merely" | "just" | "solely")
    };
    tokens[..i]
        .iter()
        .rev()
        .filter(|t| !t.part)
        .take(2)
        .any(|t| narrows(&t))
        || tokens[i + 1..]
            .iter()
            .find(|t| !t.part)
            .is_some_and(|t| narrows(&t))
}

/// The index of a word of `tokens` at most `reach` words after `i`, in its clause, for
/// which `is` holds.
pub(super) fn followed_by(
    tokens: &[Token],
    i: usize,
    reach: usize,
    is: fn(&str) -> bool,
) -> Option<usize> {
    let clause = tokens[i].place.clause;
    tokens[i + 1..]
        .iter()
        .enumerate()
        .filter(|(_, t)| !t.part)
        .take(reach)
        .take_while(|(_, t)| t.place.clause == clause)
        .find(|(_, t)| is(&t.norm))
        .map(|(k, _)| i + 1 + k)
}

/// Like [`followed_by`], for a word at `i` that is *until*.
fn until(tokens: &[Token], i: usize, reach: usize, is: fn(&str) -> bool) -> Option<usize> {
    if &*tokens[i].norm == "until" {
        followed_by(tokens, i, reach, is)
    } else {
        None
    }
}

/// The most words before a cue that a negation among them denies it over.
const NEGATION_REACH: usize = 3;

/// Words that make a clause say what could or would happen, not what does.
fn hypothetical(word: &str) -> bool {
    matches!(
        word,
        "would" | "could" | "might" | "may" | "can" | "otherwise" | "else" | "risk" | "risks"
    )
}

/// The index in [`KINDS`] of the claim that anything lasts for ever.
const FOREVER: usize = 0;

/// Whether `word` is a verb of ending or letting go: what a wait waits for
/// (a lock *released*, a call that *returns*, a send that *completes*, a sleeper
/// *woken*).
fn ends_a_wait(word: &str) -> bool {
    [
        "releas", "complet", "finish", "return", "unlock", "unblock", "wake", "woke",
    ]
    .iter()
    .any(|root| word.starts_with(root))
        || matches!(word, "free" | "freed" | "frees" | "end" | "ends" | "ended")
}

/// Whether `word` may stand between *never* and its verb ("never be released",
/// "never gets freed", "never ever returns").
fn auxiliary(word: &str) -> bool {
    matches!(
        word,
        "be" | "been" | "get" | "gets" | "got" | "ever" | "actually" | "really"
    )
}

/// The kinds of absolute claims a question's texts leave to the answer (bits of
/// [`KINDS`]): none of their words is one that makes a kind theirs. A text that says
/// a thing is *never* released, freed, returned, completed, finished or woken (*never*
/// at most two auxiliaries before the verb: "a lock that will never be released", "the
/// send can never complete") says that a wait for it lasts for ever, so it makes that
/// kind theirs: "the handler waits for that lock forever" restates it.
pub fn open_kinds<'a>(words: impl IntoIterator<Item = &'a str>) -> u8 {
    let mut open = (1u8 << KINDS.len()) - 1;
    // Words left after a *never* for its verb to come (0: no *never* pending).
    let mut after_never = 0u8;
    for w in words {
        for (k, kind) in KINDS.iter().enumerate() {
            if (kind.theirs)(w) {
                open &= !(1 << k);
            }
        }
        if w == "never" {
            after_never = 3;
        } else if after_never > 0 {
            if ends_a_wait(w) {
                open &= !(1 << FOREVER);
                after_never = 0;
            } else if auxiliary(w) {
                after_never -= 1;
            } else {
                after_never = 0;
            }
        }
    }
    open
}

/// A cue stated plainly.
pub(super) struct Plain {
    /// The index of its first word and of its last.
    pub first: usize,
    pub last: usize,
    /// The kind it is a cue of.
    pub kind: usize,
    /// The index of the first word of its clause.
    pub opening: usize,
}

/// The first cue of an open kind (bits of `open`, over `kinds` kinds) that `answer`
/// states plainly at one of the words `at` (in text order): `cue(k, tokens, i)` is kind `k`'s cue at word `i` (the index of its
/// last word), and `hypothetical` says which words make a clause say what could happen
/// rather than what does. A cue under a negation other than its own (the cue's
/// *without* governs the words after it), or after one among the [`NEGATION_REACH`]
/// words before it, or after a hypothetical word of its clause, is no plain claim.
pub(super) fn plain_cue(
    answer: &PreparedAnswer,
    open: u8,
    at: impl IntoIterator<Item = usize>,
    kinds: usize,
    cue: impl Fn(usize, &[Token], usize) -> Option<usize>,
    hypothetical: fn(&str) -> bool,
) -> Option<Plain> {
    let tokens = answer.tokens();
    at.into_iter().find_map(|i| {
        if tokens[i].part {
            return None;
        }
        let (kind, last) = (0..kinds)
            .filter(|k| open & 1 << k != 0)
            .find_map(|k| cue(k, tokens, i).map(|last| (k, last)))?;
        if answer.negated(i) || answer.cue(last).is_some_and(|c| c != i) {
            return None;
        }
        let clause = tokens[i].place.clause;
        let opening = (0..i)
            .rev()
            .take_while(|&j| tokens[j].place.clause == clause)
            .last()
            .unwrap_or(i);
        if tokens[opening..i].iter().any(|t| hypothetical(&t.norm)) {
            return None;
        }
        // A negation just before the cue denies it even where its scope stops short
        // of the cue ("not even until a reboot").
        let words_before = tokens[opening..i].iter().rev().filter(|t| !t.part);
        if words_before.take(NEGATION_REACH).any(|t| t.negation) {
            return None;
        }
        Some(Plain {
            first: i,
            last,
            kind,
            opening,
        })
    })
}

/// The first absolute claim of an open kind that `answer` states plainly.
pub fn overclaim(answer: &PreparedAnswer, open: u8) -> Option<Contradiction> {
    let tokens = answer.tokens();
    let cue = |k: usize, tokens: &[Token], i: usize| (KINDS[k].cue)(tokens, i);
    // Most words open no cue: one test of each word first, not one per kind.
    let words = (0..tokens.len()).filter(|&i| opens_a_cue(&tokens[i].norm));
    let plain = plain_cue(answer, open, words, KINDS.len(), cue, hypothetical)?;
    let (i, last, k, opening) = (plain.first, plain.last, plain.kind, plain.opening);
    // The claim is named from the word it is said of: the nearest content word
    // before the cue in its clause.
    let from = (opening..i)
        .rev()
        .find(|&j| !tokens[j].part && !tokens[j].stop)
        .unwrap_or(i);
    let said: Vec<&str> = (from..=last)
        .filter(|&j| !tokens[j].part)
        .map(|j| answer.word(j))
        .collect();
    Some(Contradiction {
        role: "absolute claim".to_owned(),
        said: said.join(" "),
        model: format!(
            "nothing so absolute: no text of the question says {}",
            KINDS[k].says
        ),
        anchor: None,
        matched: vec![answer.word(i).to_owned()],
    })
}

#[cfg(test)]
mod tests {
    use super::{FOREVER, KINDS, open_kinds, opens_a_cue};

    /// A text that says a thing is never released, returned, completed or woken makes
    /// a wait "for ever" its own; *never* with another verb, or far from its verb,
    /// does not. Fresh sentences of three domains (a crashed lock holder, a Go send
    /// with no receiver, a lost wakeup), with controls.
    #[test]
    fn a_thing_never_released_makes_a_wait_for_ever_the_texts() {
        let stemmer = crate::lang::stemmer();
        let open = |text: &str| {
            let tokens = tokenize(text, &stemmer, Parts::Emit);
            open_kinds(tokens.iter().map(|t| &*t.norm)) & 1 << FOREVER != 0
        };
        for theirs in [
            "The crashed worker still owns the lock file, so the lock will never be released.",
            "Nobody receives from the channel, so the goroutine's send can never complete.",
            "The signal is lost and the consumer is never woken up.",
            "The call never returns and the thread never gets freed.",
        ] {
            assert!(!open(theirs), "{theirs}");
        }
        for left in [
            "Resolvers cache the old record until its TTL runs out.",
            "A tmpfs mount never touches the disk, and it is released when the container stops.",
            "The lock is never held by two workers; each one releases it when done.",
            "Never store secrets in the image, because the layer is returned by every pull.",
        ] {
            assert!(open(left), "{left}");
        }
    }
    use crate::grade::token::{Parts, tokenize};

    /// Every word a kind's cue starts at passes [`opens_a_cue`], which filters the
    /// words before the kinds are asked.
    #[test]
    fn every_cue_opens_with_a_word_the_filter_passes() {
        let stemmer = crate::lang::stemmer();
        let texts = [
            "the entry is cached forever",
            "it waits indefinitely for the lock",
            "the pool opens unlimited connections",
            "a limitless queue",
            "it grows without limit and without bounds",
            "the count stays until a reboot",
            "the client retries until it succeeds",
            "each retry is guaranteed to succeed",
            "the broker guarantees delivery",
            "the queue keeps messages until they are read, without loss",
        ];
        for text in texts {
            let tokens = tokenize(text, &stemmer, Parts::Emit);
            for i in 0..tokens.len() {
                if KINDS.iter().any(|kind| (kind.cue)(&tokens, i).is_some()) {
                    assert!(opens_a_cue(&tokens[i].norm), "{text}: {}", tokens[i].norm);
                }
            }
        }
    }
}
