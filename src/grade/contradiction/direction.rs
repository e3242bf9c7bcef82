//! The model's advice turned the other way: the model answer advises turning a
//! setting one way ("lower ndots in the pod's dnsConfig", "raise the proxy timeout to
//! 60 seconds"), and an answer advises turning the same setting the other way ("fix it
//! by raising ndots to 10"). The answer names the right knob and so meets the rubric's
//! words; the direction is the whole of the advice, and it is turned round.
//!
//! Narrow on purpose. A *turn* is a word of [`UP`] or [`DOWN`] said as advice: a base
//! form opening its clause (past *then*, *and*, *or*, *so*, *just*, *also*, *first*) or
//! right after *to*, *should*, *must* or *can*, or an *-ing* form right after *by*
//! ("fix it by raising") or opening a clause that says it *fixes* or *solves* things
//! ("increasing the MTU fixes it"); what it turns is the content words right after
//! it in its clause, past determiners (at most three), and two settings are one when
//! the last of either's words (its head: "raise the proxy *timeout*", "lower the
//! *TTL*") is among the other's. Not a turn: a gerund or adjective
//! elsewhere ("lowering the timeout would make it worse", "a lower TTL"), a third
//! person or past form (a report of what a thing does, not advice). The model's turn is
//! read in a clause with no negation and no supposition; a setting the model texts
//! turn both ways anywhere, in any form ("lower the TTL before the move ... raise the
//! TTL again"), has no direction. The answer's turn contradicts when it turns a
//! setting the other way in a clause with no negation, supposition, hedge or setting
//! aside (*rather*, *instead*, *avoid*), and the answer nowhere turns it the model's
//! way itself.

use super::{Contradiction, clause_text, content, hedged, supposes};
use crate::grade::matcher::PreparedAnswer;
use crate::grade::token::Token;
use crate::lang::is_determiner;
use std::sync::Arc;

/// The words that turn a setting up: base forms (advice) and *-ing* forms (after *by*).
pub(super) const UP: [&str; 6] = [
    "raise",
    "raising",
    "increase",
    "increasing",
    "lengthen",
    "lengthening",
];

/// The words that turn a setting down, likewise.
pub(super) const DOWN: [&str; 8] = [
    "lower",
    "lowering",
    "reduce",
    "reducing",
    "decrease",
    "decreasing",
    "shorten",
    "shortening",
];

/// A model turn: the setting's words (see [`setting`]), its direction (up is `true`),
/// and its clause.
struct Turn {
    setting: Vec<Arc<str>>,
    up: bool,
    text: String,
}

/// The turns the model texts advise, on settings they turn one way only.
#[derive(Default)]
pub(super) struct Turns {
    turns: Vec<Turn>,
}

/// The direction of a turning word as written (up is `true`), if it is one.
fn direction(word: &str) -> Option<bool> {
    if UP.contains(&word) {
        Some(true)
    } else if DOWN.contains(&word) {
        Some(false)
    } else {
        None
    }
}

/// How many content words the name of a setting may have ("the proxy read timeout").
const NAME: usize = 3;

/// The setting the turning word at `i` turns: the content words right after it in its
/// clause (past determiners, at most [`NAME`] of them, an adverb in *-ly* ending them),
/// as stems, the last (its head, "raise the proxy *timeout* to 60 seconds") first. The
/// words may run on into a verb ("increasing the MTU fixes it"), so two settings are
/// one when the head of either is among the other's words.
fn setting(tokens: &[Token], i: usize) -> Option<Vec<Arc<str>>> {
    let clause = tokens[i].place.clause;
    let mut words: Vec<Arc<str>> = (i + 1..tokens.len())
        .filter(|&j| !tokens[j].part)
        .skip_while(|&j| is_determiner(&tokens[j].norm))
        .take_while(|&j| {
            tokens[j].place.clause == clause
                && content(&tokens[j])
                && !tokens[j].norm.ends_with("ly")
        })
        .take(NAME)
        .map(|j| tokens[j].stem.clone())
        .collect();
    words.reverse();
    (!words.is_empty()).then_some(words)
}

/// Whether two settings (from [`setting`]) are one.
fn same(a: &[Arc<str>], b: &[Arc<str>]) -> bool {
    b.contains(&a[0]) || a.contains(&b[0])
}

/// Whether the turning word at `i` is said as advice: a base form opening its clause
/// (past a few linking words) or after *to*, *should*, *must*, *can*; an *-ing* form
/// right after *by*.
fn advises(tokens: &[Token], i: usize) -> bool {
    let clause = tokens[i].place.clause;
    let mut before = (0..i).rev().filter(|&k| !tokens[k].part);
    let gerund = tokens[i].norm.ends_with("ing");
    // A gerund opening its clause is advice when the clause says it mends things
    // ("increasing the MTU fixes it").
    let opens = || {
        !gerund
            || tokens[i + 1..].iter().any(|t| {
                t.place.clause == clause
                    && !t.part
                    && matches!(
                        &*t.norm,
                        "fix" | "fixes" | "solve" | "solves" | "resolves" | "cures"
                    )
            })
    };
    loop {
        let Some(k) = before.next() else {
            return opens();
        };
        if tokens[k].place.clause != clause {
            return opens();
        }
        match &*tokens[k].norm {
            "by" => return gerund,
            "to" | "should" | "must" | "can" => return !gerund,
            "then" | "and" | "or" | "so" | "just" | "also" | "first" if !gerund => {}
            _ => return false,
        }
    }
}

/// Whether clause `clause` denies or sets something aside.
fn sets_aside(tokens: &[Token], clause: u32) -> bool {
    tokens.iter().any(|t| {
        t.place.clause == clause
            && !t.part
            && (t.negation
                || matches!(
                    &*t.norm,
                    "rather" | "instead" | "avoid" | "avoiding" | "than" | "unlike"
                ))
    })
}

impl Turns {
    /// The turns `texts` (the model answer and explanation) advise.
    pub(super) fn of(texts: &[&PreparedAnswer]) -> Turns {
        let mut turns: Vec<Turn> = Vec::new();
        // Every turn said at all, advice or not: (setting, up).
        let mut said: Vec<(Vec<Arc<str>>, bool)> = Vec::new();
        for text in texts {
            let tokens = text.tokens();
            for (i, t) in tokens.iter().enumerate() {
                if t.part {
                    continue;
                }
                let Some(up) = direction(&t.norm) else {
                    continue;
                };
                let Some(setting) = setting(tokens, i) else {
                    continue;
                };
                said.push((setting.clone(), up));
                let clause = t.place.clause;
                if advises(tokens, i)
                    && !sets_aside(tokens, clause)
                    && !supposes(tokens, clause)
                    && !hedged(tokens, clause)
                {
                    turns.push(Turn {
                        setting,
                        up,
                        text: clause_text(text, clause),
                    });
                }
            }
        }
        turns.retain(|turn| {
            !said
                .iter()
                .any(|(s, up)| *up != turn.up && same(s, &turn.setting))
        });
        Turns { turns }
    }

    /// Whether the model texts advise no turn.
    pub(super) fn is_empty(&self) -> bool {
        self.turns.is_empty()
    }

    /// The first answer turn of a setting the other way from the model's advice; `at`
    /// holds the answer's words of [`UP`]' and [`DOWN`]'s stems.
    pub(super) fn turned(&self, answer: &PreparedAnswer, at: &[usize]) -> Option<Contradiction> {
        let tokens = answer.tokens();
        // The answer's own turns that advise, as (setting, up, token).
        let advised: Vec<(Vec<Arc<str>>, bool, usize)> = at
            .iter()
            .filter(|&&i| !tokens[i].part && advises(tokens, i))
            .filter_map(|&i| {
                let up = direction(&tokens[i].norm)?;
                Some((setting(tokens, i)?, up, i))
            })
            .collect();
        for (words, up, i) in &advised {
            let clause = tokens[*i].place.clause;
            if sets_aside(tokens, clause) || supposes(tokens, clause) || hedged(tokens, clause) {
                continue;
            }
            // An answer that also turns it the model's way tells two things apart.
            if advised.iter().any(|(s, u, _)| u != up && same(s, words)) {
                continue;
            }
            if let Some(turn) = self
                .turns
                .iter()
                .find(|turn| turn.up != *up && same(&turn.setting, words))
            {
                return Some(Contradiction::quoting(
                    "direction",
                    clause_text(answer, clause),
                    &turn.text,
                    vec![answer.word(*i).to_owned()],
                ));
            }
        }
        None
    }
}
