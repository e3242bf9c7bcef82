//! A comparison kept in order and turned: where the rule of opposite words
//! ([`super::OPPOSITES`]) passes over a clause that compares two things with *than*
//! ("A is faster than B" says what "B is slower than A" says), this reads the two
//! sides of the comparison in order instead. The words before the comparative in its
//! sentence are what is compared, the words after *than* in its clause what it is
//! compared with.
//!
//! An answer clause "A is *shorter than* B" contradicts:
//! - a model clause "A is *longer than* B": the answer's side before the comparative
//!   shares a content word with the model's side before it, its side after *than* one
//!   with the model's side after it (at least [`super::ANCHORS`] in all), and neither
//!   side shares a word with the model's other side: "the grace period must be shorter
//!   than the time a replica can be down" against "... must be longer than the time a
//!   replica can be down"; "the time ... must be shorter than the grace period" says
//!   the model's claim from its other end, and is no contradiction;
//! - a model clause that gives the other comparative of A plainly, with no *than*
//!   ("rejects any write with a lower token"): the answer's side before the comparative
//!   shares at least [`super::ANCHORS`] content words with the model clause and its side
//!   after *than* none ("rejects any write whose token is higher than the last one it
//!   saw"); a side after *than* that names the model's own thing ("... when the stored
//!   token is higher than the write's") may be the claim from its other end.
//!
//! A comparison is read only when *than* comes right after the comparative (or after
//! the one word a *more* or *less* quantifies, [`super::Opposite::headed`]: "more space
//! than", compared only with a model clause of more or less of the same word), its
//! clause has no other word that compares, and its sentence ties no two comparatives
//! together ([`super::correlates`]).

use super::{ANCHORS, OPPOSITES, Stance, compares_word, content, correlates, opposite_of, shared};
use crate::grade::token::{Class, Token};
use std::sync::Arc;

/// The two sides of a comparison: the content stems before the comparative in its
/// sentence (what is compared may stand in an earlier clause: "a grace period (ten days
/// by default) that must be longer than ...") and after *than* in its clause, the words
/// of the pair aside, each sorted.
pub(super) type Sides = (Vec<Arc<str>>, Vec<Arc<str>>);

/// The two sides of the comparison the comparative at `i` makes with *than*, when it
/// makes one that can be read in order (see the module's notes).
pub(super) fn sides(tokens: &[Token], i: usize) -> Option<Sides> {
    let (pair, _) = opposite_of(&tokens[i])?;
    if !OPPOSITES[pair].compares {
        return None;
    }
    let clause = tokens[i].place.clause;
    let next = |k: usize| (k + 1..tokens.len()).find(|&j| !tokens[j].part);
    let mut j = next(i)?;
    // "more space than": the word the comparative quantifies stands between.
    if OPPOSITES[pair].headed {
        if tokens[j].class != Class::Word || &*tokens[j].norm == "than" {
            return None;
        }
        j = next(j)?;
    }
    if &*tokens[j].norm != "than" || tokens[j].place.clause != clause {
        return None;
    }
    let others = tokens
        .iter()
        .enumerate()
        .any(|(k, t)| k != j && t.place.clause == clause && !t.part && compares_word(&t.norm));
    if others || correlates(tokens, clause) {
        return None;
    }
    let sentence = tokens[i].place.sentence;
    let stems = |range: std::ops::Range<usize>, within: &dyn Fn(&Token) -> bool| {
        let mut out: Vec<Arc<str>> = tokens[range]
            .iter()
            .filter(|t| within(t) && content(t) && opposite_of(t).is_none_or(|(p, _)| p != pair))
            .map(|t| t.stem.clone())
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    };
    let before = stems(0..i, &|t| t.place.sentence == sentence);
    let after = stems(j + 1..tokens.len(), &|t| t.place.clause == clause);
    (!before.is_empty() && !after.is_empty()).then_some((before, after))
}

/// How closely a model stance is about what an answer's comparison (`before`, `after`)
/// is about, if it is about the same thing in the same order.
fn closeness(stance: &Stance, (before, after): &Sides) -> Option<usize> {
    match &stance.compared {
        Some((b, a)) => {
            let (x, y) = (shared(b, before), shared(a, after));
            (x >= 1
                && y >= 1
                && x + y >= ANCHORS
                && shared(b, after) == 0
                && shared(a, before) == 0)
                .then_some(x + y)
        }
        None => {
            let x = shared(&stance.anchors, before);
            (x >= ANCHORS && shared(&stance.anchors, after) == 0).then_some(x)
        }
    }
}

/// The model stance an answer's comparison of pair `pair` on side `side` (of the word
/// `head`, for a pair that quantifies one) turns round: the closest one on the other
/// side, unless one on the same side is as close.
pub(super) fn turned<'a>(
    stances: &'a [Stance],
    (pair, side): (usize, usize),
    head: &Option<Arc<str>>,
    compared: &Sides,
) -> Option<&'a Stance> {
    let best = |same: bool| {
        stances
            .iter()
            .filter(|s| s.pair == pair && (s.side == side) == same && s.head == *head)
            .filter_map(|s| closeness(s, compared).map(|n| (n, s)))
            .max_by_key(|&(n, _)| n)
    };
    let (n, stance) = best(false)?;
    if best(true).is_some_and(|(m, _)| m >= n) {
        return None;
    }
    Some(stance)
}
