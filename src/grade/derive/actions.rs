//! Who does what in a derived rubric's model answer, and an answer that gives the doing
//! to the wrong one: "TRIM lets the operating system tell the drive which pages are
//! free" answered "the drive tells the operating system", or "a Lamport timestamp only
//! orders events, while a vector clock detects concurrency" answered "a Lamport
//! timestamp detects concurrent events". A derived rubric counts words one by one, so
//! such an answer names every concept and passed; [`super::bindings`] sees the same
//! turn where a preposition binds the words, this module where a word of the model
//! answer's own does.
//!
//! An **action** is a content word the model answer says once (its *act*), the content
//! word right before it (its doer; a few adverbs such as *only* or *also* may stand
//! between) and the phrase right after it, what it is done to (after at most [`LEAD`]
//! determiners, up to [`PHRASE`] content words: "tell the drive", "detects
//! concurrency"). Not in a clause with a negation, and not with a preposition before
//! the phrase ("resolves to its IP"; "scheduled by the kernel" is the passive, its
//! doer after it), but for *to* or *from*, whose phrase counts for a reversal only
//! ("each key belongs to the first node" answered "each node belongs to the first
//! key"), as does the phrase after a phrasal verb's particle and its preposition ("the
//! consumer pushes back on the producer" answered "the producer pushes back on the
//! consumer").
//!
//! An answer's action contradicts the model answer when it has a model action's act
//! and is **reversed** (its doer is in the model action's phrase and the model's doer
//! in its phrase), or has a **rival doer** (its phrase shares a word with the model
//! action's, and its doer is not the model action's but the doer of another model
//! action, with another act, that shares nothing with the first: the one thing's act
//! given to the other). Rival doers are the things the question asks about (both
//! doers are words of the question, as "vector clocks" and "a Lamport timestamp"),
//! the model action's doer is named in the answer too, and the rival is no word of
//! the model action's clause ("local Docker named volumes" does not make *local* a
//! rival of *Docker*). An answer that also states the model's action itself (its act
//! after its doer) says both and is left alone.

use super::bindings::{CONNECTORS, Phrase, around, content, object, turned};
use crate::grade::contrast::Contradiction;
use crate::grade::matcher::PreparedAnswer;
use crate::grade::token::Token;
use rustc_hash::FxHashMap;

/// Adverbs that may stand between a doer and its act ("a timestamp only orders").
const ADVERBS: &[&str] = &[
    "only",
    "also",
    "just",
    "then",
    "even",
    "thus",
    "too",
    "still",
    "first",
    "later",
    "always",
    "usually",
    "often",
    "typically",
    "already",
    "now",
    "sometimes",
    "simply",
    "directly",
    "automatically",
    "immediately",
    "instead",
    "actually",
    "really",
];

/// An act with its doer and what it is done to.
#[derive(Debug, Clone, Copy)]
struct Action {
    /// The stem (as a hash) of the act.
    act: u64,
    /// The stem (as a hash) of the doer.
    doer: u64,
    /// The stems of the phrase after the act.
    right: Phrase,
    /// The tokens it spans, first and last.
    span: (usize, usize),
    /// The doer is a word of the question (a model action's only).
    asked: bool,
    /// The content words of its clause (a model action's only; the first [`CLAUSE`]).
    clause: Clause,
    /// Its phrase follows one of [`THROUGH`] ("belongs to the node"): it counts only
    /// for a reversal, with another such.
    through: bool,
}

/// Prepositions whose phrase an action may take for a reversal: "each key belongs to
/// the first node" answered "each node belongs to the first key".
const THROUGH: &[&str] = &["to", "from"];

/// The particles of phrasal verbs whose object follows a preposition ("pushes back on
/// the producer", "looks down on", "reports back to"): the act's phrase, for a
/// reversal only.
const PARTICLES: &[&str] = &["back", "up", "down", "out", "off", "away", "over", "in"];

/// The prepositions after a particle that lead to the phrasal verb's object.
const PHRASAL: &[&str] = &["on", "to", "at", "against", "from", "with", "into", "onto"];

/// How many content words of a model action's clause are kept.
const CLAUSE: usize = 16;

/// The stems (as hashes) of a clause's first content words.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Clause {
    stems: [u64; CLAUSE],
    len: usize,
}

impl Clause {
    pub(super) fn push(&mut self, stem: u64) {
        if self.len < CLAUSE && !self.has(stem) {
            self.stems[self.len] = stem;
            self.len += 1;
        }
    }

    pub(super) fn has(&self, stem: u64) -> bool {
        self.words().contains(&stem)
    }

    pub(super) fn words(&self) -> &[u64] {
        &self.stems[..self.len]
    }

    pub(super) fn len(&self) -> usize {
        self.len
    }

    /// Whether it shares a word with `other` that `but` does not have.
    pub(super) fn meets_apart(&self, other: &Clause, but: &Clause) -> bool {
        self.words().iter().any(|&s| other.has(s) && !but.has(s))
    }

    pub(super) fn meets(&self, other: &Clause) -> bool {
        self.words().iter().any(|&s| other.has(s))
    }
}

/// The model answer's actions, ready to check answers against.
#[derive(Debug, Default)]
pub struct Actions {
    model: Vec<(Action, String)>,
    /// The acts (stems as hashes) of `model`, sorted: only an answer's word among them
    /// starts an action worth reading.
    acts: Vec<u64>,
}

impl Actions {
    /// The actions of `model` (a derived rubric's model answer, prepared).
    pub fn new(model: &PreparedAnswer, asked: &PreparedAnswer) -> Actions {
        let tokens = model.tokens();
        let asked: Vec<u64> = asked.tokens().iter().map(|t| t.stem_hash).collect();
        let mut said: FxHashMap<u64, usize> = FxHashMap::default();
        for t in tokens.iter().filter(|t| content(t)) {
            *said.entry(t.stem_hash).or_default() += 1;
        }
        let once = |t: &Token| said.get(&t.stem_hash) == Some(&1);
        let model: Vec<(Action, String)> = (0..tokens.len())
            .filter(|&i| once(&tokens[i]))
            .filter_map(|i| action(tokens, i))
            .map(|mut a| {
                a.asked = asked.contains(&a.doer);
                // The content words of the act's clause, as far as [`CLAUSE`] reaches.
                let clause = tokens[a.span.0].place.clause;
                for t in tokens
                    .iter()
                    .filter(|t| t.place.clause == clause && content(t))
                {
                    a.clause.push(t.stem_hash);
                }
                (a, super::bindings::text(model, a.span))
            })
            .collect();
        let mut acts: Vec<u64> = model.iter().map(|(a, _)| a.act).collect();
        acts.sort_unstable();
        acts.dedup();
        Actions { model, acts }
    }

    /// The first action of `answer` that gives one of the model answer's to the wrong
    /// doer.
    pub fn check(&self, answer: &PreparedAnswer) -> Option<Contradiction> {
        if self.model.is_empty() {
            return None;
        }
        let tokens = answer.tokens();
        let actions = || {
            (0..tokens.len())
                .filter(|&i| self.acts.binary_search(&tokens[i].stem_hash).is_ok())
                .filter_map(|i| action(tokens, i))
        };
        let states = |m: &Action| actions().any(|a| a.act == m.act && a.doer == m.doer);
        // The model action's doer named in the answer, so the act was the answer's to give
        // it.
        let names = |doer: u64| tokens.iter().any(|t| !t.part && t.stem_hash == doer);
        for a in actions() {
            for (m, said) in self.model.iter().filter(|(m, _)| m.act == a.act) {
                if a.doer == m.doer {
                    continue;
                }
                let reversed = a.through == m.through && m.right.has(a.doer) && a.right.has(m.doer);
                let rival = !a.through
                    && !m.through
                    && m.asked
                    && !m.clause.has(a.doer)
                    && a.right.meets(&m.right)
                    && names(m.doer)
                    && self.model.iter().any(|(o, _)| {
                        o.act != m.act
                            && o.asked
                            && o.doer == a.doer
                            && !o.right.has(m.doer)
                            && !m.right.has(o.doer)
                    });
                if (reversed || rival) && !states(m) {
                    return Some(turned("doer", answer, a.span, said));
                }
            }
        }
        None
    }
}

/// The action of the act at token `i` of `tokens`, if it has a doer and a phrase.
fn action(tokens: &[Token], i: usize) -> Option<Action> {
    let t = &tokens[i];
    if !content(t) || t.glued || CONNECTORS.contains(&&*t.norm) {
        return None;
    }
    let (before, after) = around(tokens, i)?;
    let mut before = before.skip_while(|&k| ADVERBS.contains(&&*tokens[k].norm));
    let doer = before.next().filter(|&k| content(&tokens[k]))?;
    let mut right = Phrase::default();
    let mut last = i;
    // "belongs to the first node": the phrase after *to* or *from*, for a reversal only;
    // so too after a particle and its preposition ("pushes back on the producer").
    let mut after = after.peekable();
    let phrasal = {
        let mut ahead = after.clone();
        ahead
            .next()
            .is_some_and(|k| PARTICLES.contains(&&*tokens[k].norm))
            && ahead
                .next()
                .is_some_and(|k| PHRASAL.contains(&&*tokens[k].norm))
    };
    if phrasal {
        after.nth(1);
    }
    let through = phrasal
        || after
            .next_if(|&k| THROUGH.contains(&&*tokens[k].norm))
            .is_some();
    for k in object(tokens, after)? {
        last = k;
        right.push(tokens[k].stem_hash);
    }
    (right.len > 0 && !right.has(tokens[doer].stem_hash)).then_some(Action {
        act: t.stem_hash,
        doer: tokens[doer].stem_hash,
        right,
        span: (doer, last),
        asked: false,
        clause: Clause::default(),
        through,
    })
}

#[cfg(test)]
mod tests;
