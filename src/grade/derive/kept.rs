//! What a derived rubric's model answer says is lost, and an answer that says it is
//! kept: "port isolation is gone ... any -p port mappings are discarded" answered "you
//! keep port isolation because -p mappings still apply", or "the cached sessions are
//! lost whenever the container restarts" answered "the cached sessions survive a
//! restart". A derived rubric credits the answer for naming the thing, and nothing in
//! it is negated, so such an answer passed. [`super::affirmed`] reads what the model
//! answer denies with a negation; this is the loss said with a verb of losing.
//!
//! A **loss** of the model answer is a clause with a copula (*is*, *are*, *get*, ...)
//! right before one of [`LOSS`] (*gone*, *lost*, *discarded*, *wiped*, ...), not
//! negated; the **thing** lost is the run of content words right before the copula (up
//! to [`THING`]), its last word the head. When the model answer says the head outside
//! that clause too ("isolation" of "network namespace isolation"), an answer must name
//! another word of the thing within [`NEAR`] words of it ("port isolation", "the
//! isolation of ports").
//!
//! An answer **keeps** it when a clause names the thing and either says it is kept (a
//! word of [`RETAIN`] within [`REACH`] words after it: "survive", "are kept", "still
//! apply"; or a verb of [`KEEPING`] or *still* within [`REACH`] words before its head: "you
//! keep port isolation", "Docker still honours -p mappings"; *stay* and *remain* only before a preposition, the clause's end or the
//! head's own stem, so "stays fast" keeps nothing) with no negation in the clause, or
//! negates a word of [`LOSS`] or *lose* right before it ("isn't lost", "does not lose
//! the cached sessions"). It does not count when the clause has *if*, *unless*,
//! *when*, *unlike*, *whereas* or *than*, nor when the answer states the loss itself
//! anywhere (the thing and, plainly, a word of [`LOSS`] or a verb of [`LOSING`] in one
//! clause: "silently drops the newer write"). A model clause whose word before the
//! copula is an adverb ("received yet are lost") has no thing.

use super::advised::words_before;
use super::bindings::{content, contradiction, text};
use super::futile::bare;
use crate::grade::contrast::Contradiction;
use crate::grade::matcher::PreparedAnswer;
use crate::grade::token::Token;

/// Words that say a thing is lost, after a copula ("is gone", "are discarded"), and the
/// verb of losing.
const LOSS: &[&str] = &[
    "gone",
    "lost",
    "discarded",
    "wiped",
    "erased",
    "destroyed",
    "dropped",
    "deleted",
    "removed",
    "lose",
    "loses",
];

/// Verbs that lose a thing actively: an answer that says "drops the newer write"
/// states the loss.
const LOSING: &[&str] = &[
    "drop", "drops", "discard", "discards", "delete", "deletes", "wipe", "wipes", "erase",
    "erases", "destroy", "destroys", "remove", "removes",
];

/// Words right before a copula that are no thing ("that no replica has received yet
/// are lost").
const ADVERBS: &[&str] = &[
    "yet",
    "already",
    "still",
    "also",
    "now",
    "then",
    "later",
    "too",
    "all",
    "both",
    "often",
    "eventually",
    "usually",
    "quickly",
    "silently",
];

/// Verbs of [`RETAIN`] whose object is what they keep ("you keep port isolation").
const KEEPING: &[&str] = &[
    "keep",
    "keeps",
    "keeping",
    "retain",
    "retains",
    "retaining",
    "preserve",
    "preserves",
    "preserving",
];

/// How many words after the thing a word of [`RETAIN`] may stand, or before its head a
/// verb of [`KEEPING`] or *still*.
const REACH: usize = 6;

/// Copulas before a word of [`LOSS`].
const COPULAS: &[&str] = &[
    "is", "are", "was", "were", "be", "been", "get", "gets", "got",
];

/// Words that say a thing is kept.
const RETAIN: &[&str] = &[
    "keep",
    "keeps",
    "kept",
    "keeping",
    "retain",
    "retains",
    "retained",
    "preserve",
    "preserves",
    "preserved",
    "survive",
    "survives",
    "survived",
    "persist",
    "persists",
    "intact",
    "still",
    "stay",
    "stays",
    "remain",
    "remains",
];

/// Words of [`RETAIN`] that keep a thing only before a place or nothing ("stay in
/// memory", "the port isolation stays"), not before a quality ("stays fast").
const PLACED: &[&str] = &["stay", "stays", "remain", "remains"];

/// Words that may follow *stay* or *remain* when the thing is kept.
const PLACES: &[&str] = &[
    "in",
    "on",
    "across",
    "after",
    "through",
    "over",
    "between",
    "intact",
    "put",
    "there",
    "around",
    "available",
    "with",
];

/// Words that put a clause under a condition or set it against another thing.
const ASIDE: &[&str] = &[
    "if", "unless", "when", "whenever", "unlike", "whereas", "than",
];

/// How many content words the thing may have.
const THING: usize = 4;

/// How many words may stand between the head and another word of the thing.
const NEAR: usize = 3;

/// One loss: the thing's head (stem and text without a last *s*), the stems of its
/// other words, whether an answer must name one of them, and the model answer's words.
#[derive(Debug)]
struct Loss {
    head: u64,
    bare: String,
    others: Vec<u64>,
    paired: bool,
    said: String,
}

/// The model answer's losses, ready to check answers against.
#[derive(Debug, Default)]
pub struct Kept {
    model: Vec<Loss>,
}

impl Kept {
    /// The losses of `model` (a derived rubric's model answer, prepared).
    pub fn new(model: &PreparedAnswer) -> Kept {
        let tokens = model.tokens();
        let mut found = Vec::new();
        for (at, t) in tokens.iter().enumerate() {
            if t.part || !LOSS.contains(&&*t.norm) || model.negated(at) {
                continue;
            }
            let mut before = words_before(tokens, at);
            let Some(copula) = before.next() else {
                continue;
            };
            if !COPULAS.contains(&&*tokens[copula].norm) {
                continue;
            }
            let mut before = before.peekable();
            if before
                .peek()
                .is_some_and(|&k| ADVERBS.contains(&&*tokens[k].norm))
            {
                continue;
            }
            let mut thing: Vec<usize> = before
                .take_while(|&k| content(&tokens[k]))
                .take(THING)
                .collect();
            thing.reverse();
            let Some(&head) = thing.last() else {
                continue;
            };
            let clause = t.place.clause;
            let paired = thing.len() > 1
                && tokens
                    .iter()
                    .any(|s| s.place.clause != clause && s.stem_hash == tokens[head].stem_hash);
            found.push(Loss {
                head: tokens[head].stem_hash,
                bare: bare(&tokens[head].norm).to_owned(),
                others: thing[..thing.len() - 1]
                    .iter()
                    .map(|&k| tokens[k].stem_hash)
                    .collect(),
                paired,
                said: text(model, (thing[0], at)),
            });
        }
        Kept { model: found }
    }

    /// The first clause of `answer` that says a thing the model answer says is lost is
    /// kept.
    pub fn check(&self, answer: &PreparedAnswer) -> Option<Contradiction> {
        for loss in &self.model {
            let tokens = answer.tokens();
            let named: Vec<usize> = (0..tokens.len())
                .filter(|&k| names(tokens, loss, k))
                .collect();
            if named.iter().any(|&k| states_loss(answer, k)) {
                continue;
            }
            for &k in &named {
                if let Some(cue) = keeps(answer, loss, k) {
                    return Some(contradiction(
                        "kept",
                        answer,
                        (k.min(cue), k.max(cue)),
                        format!("\"{}\" (the model answer says it is lost)", loss.said),
                    ));
                }
            }
        }
        None
    }
}

/// Whether token `k` names the lost thing: its head, with another of its words within
/// [`NEAR`] words when the loss asks for one.
fn names(tokens: &[Token], loss: &Loss, k: usize) -> bool {
    let t = &tokens[k];
    if !(t.stem_hash == loss.head || bare(&t.norm) == loss.bare) {
        return false;
    }
    !loss.paired
        || (k.saturating_sub(NEAR * 2)..(k + NEAR * 2 + 1).min(tokens.len())).any(|j| {
            j != k
                && tokens[j].place.clause == t.place.clause
                && loss.others.contains(&tokens[j].stem_hash)
                && words_between(tokens, j, k) <= NEAR
        })
}

/// How many whole words stand from token `a` to token `b`.
fn words_between(tokens: &[Token], a: usize, b: usize) -> usize {
    let (from, to) = (a.min(b), a.max(b));
    (from..to).filter(|&k| !tokens[k].part).count()
}

/// The tokens of the clause of token `k`.
fn clause_of(tokens: &[Token], k: usize) -> impl Iterator<Item = usize> + '_ {
    let clause = tokens[k].place.clause;
    let start = (0..k)
        .rev()
        .take_while(|&j| tokens[j].place.clause == clause)
        .last()
        .unwrap_or(k);
    (start..tokens.len()).take_while(move |&j| tokens[j].place.clause == clause)
}

/// Whether the clause of token `k` states a loss plainly: a word of [`LOSS`] or
/// [`LOSING`] that no negation governs.
fn states_loss(answer: &PreparedAnswer, k: usize) -> bool {
    let tokens = answer.tokens();
    clause_of(tokens, k).any(|j| {
        let norm = &*tokens[j].norm;
        !tokens[j].part && (LOSS.contains(&norm) || LOSING.contains(&norm)) && !answer.negated(j)
    })
}

/// The token of the clause of `k` (which names the thing) that says it is kept.
fn keeps(answer: &PreparedAnswer, loss: &Loss, k: usize) -> Option<usize> {
    let tokens = answer.tokens();
    let clause: Vec<usize> = clause_of(tokens, k).filter(|&j| !tokens[j].part).collect();
    if clause.iter().any(|&j| ASIDE.contains(&&*tokens[j].norm)) {
        return None;
    }
    // A word of losing negated right before it ("isn't lost", "does not lose") keeps
    // the thing; any other negation leaves it alone.
    let unlost = clause.iter().copied().find(|&j| {
        LOSS.contains(&&*tokens[j].norm)
            && answer
                .cue(j)
                .is_some_and(|cue| cue < j && words_between(tokens, cue, j) <= 3)
    });
    if let Some(j) = unlost {
        return Some(j);
    }
    if clause
        .iter()
        .any(|&j| tokens[j].is_negation() || answer.negated(j))
    {
        return None;
    }
    clause.iter().enumerate().find_map(|(n, &j)| {
        let norm = &*tokens[j].norm;
        if !RETAIN.contains(&norm) {
            return None;
        }
        // What keeps the thing: a verb of keeping with it as the object, or a word of
        // keeping after it.
        let object = (KEEPING.contains(&norm) || norm == "still")
            && j < k
            && words_between(tokens, j, k) <= REACH;
        let after = j > k && words_between(tokens, k, j) <= REACH;
        if !object && !after {
            return None;
        }
        if PLACED.contains(&norm) {
            let placed = clause.get(n + 1).is_none_or(|&next| {
                PLACES.contains(&&*tokens[next].norm) || tokens[next].stem_hash == loss.head
            });
            if !placed {
                return None;
            }
        }
        Some(j)
    })
}

#[cfg(test)]
mod tests;
