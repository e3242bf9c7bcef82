//! Conjuncts: a misconception's words that cross an *and* joining two parallel claims
//! of one clause are not one claim. "ENTRYPOINT is the executable and CMD its defaults"
//! gives *executable* to ENTRYPOINT, and "writes go to the primary and reads to the
//! replica" gives the writes to the primary. A misconception matched across such an *and*
//! (`CMD + executable`, `replica + writes`) is not made when a relation of the rubric met
//! on one side claims the misconception's words there and the other side says its own
//! thing in the same slots. Only the words' places are read: no parse, so it stays cheap.

use super::matcher::PreparedAnswer;
use super::token::Token;

/// Whether `t` is a coordinating *and* (or *or*) between two conjuncts.
fn joins(t: &Token) -> bool {
    !t.part && matches!(&*t.norm, "and" | "or")
}

/// Whether the misconception's words (`matched`) cross an *and* (or *or*) of their
/// clause at which the rubric's relations (`spans`, the tokens each concept matched)
/// claim them apart. A relation of the rubric met wholly in the conjunct on one side of
/// the *and* (no *and* inside it or between it and the *and*) holds, within its stretch,
/// every word of the misconception on that side and a word of its own; and the conjunct
/// on the other side says the other claim in the same slots: the misconception's word
/// where the relation's own word stands, and a content word of its own where the
/// misconception's word stands ("ENTRYPOINT is the executable and CMD its defaults",
/// "writes go to the primary and reads to the replica"). Not met: a list of objects of
/// one verb ("down -v deletes the volumes and also the images": no word before
/// *images*), a subject both verbs share ("QUIC runs over UDP and simply skips lost
/// packets": no stop word between *simply* and *skips*), a conjunct that says nothing
/// more ("the primary takes the writes and then the replica").
pub(super) fn crosses_conjuncts(
    matched: &[usize],
    spans: &[Vec<usize>],
    answer: &PreparedAnswer,
) -> bool {
    let tokens = answer.tokens();
    let mut m: Vec<usize> = matched.to_vec();
    m.sort_unstable();
    m.dedup();
    let (Some(&first), Some(&last)) = (m.first(), m.last()) else {
        return false;
    };
    let clause = tokens[first].place.clause;
    if tokens[last].place.clause != clause {
        return false;
    }
    (first + 1..last)
        .filter(|&a| joins(&tokens[a]))
        .any(|a| parallel(a, &m, spans, tokens))
}

/// The parallel claims of [`crosses_conjuncts`] at the *and* at `a`.
fn parallel(a: usize, m: &[usize], spans: &[Vec<usize>], tokens: &[Token]) -> bool {
    let clause = tokens[a].place.clause;
    let before: Vec<usize> = m.iter().copied().filter(|&i| i < a).collect();
    let after: Vec<usize> = m.iter().copied().filter(|&i| i > a).collect();
    // The conjunct on each side of `a`: up to the next *and* or the clause's end.
    let start = (0..a)
        .rev()
        .take_while(|&i| tokens[i].place.clause == clause && !joins(&tokens[i]))
        .last()
        .unwrap_or(a);
    let end = (a + 1..tokens.len())
        .take_while(|&i| tokens[i].place.clause == clause && !joins(&tokens[i]))
        .last()
        .unwrap_or(a);
    let content = |i: usize| {
        let t = &tokens[i];
        !t.stop && !t.part && !t.negation && m.binary_search(&i).is_err()
    };
    // Whether a relation of the rubric met in `lo..hi` holds the misconception's `near`
    // words and a word of its own; `Some(true)` when a word of its own comes first.
    let holds = |near: &[usize], lo: usize, hi: usize| {
        spans.iter().find_map(|c| {
            let (&c_lo, &c_hi) = (c.iter().min()?, c.iter().max()?);
            let own = c.iter().filter(|t| m.binary_search(t).is_err());
            let first_own = own.min()?;
            // A phrase of the misconception goes on past the relation's word ("CPU cap").
            let mut reach = c_hi;
            while reach + 1 < hi && m.binary_search(&(reach + 1)).is_ok() {
                reach += 1;
            }
            (c_lo != c_hi
                && lo <= c_lo
                && c_hi < hi
                && near.iter().all(|&i| c_lo <= i && i <= reach))
            .then(|| near.iter().all(|&i| *first_own < i))
        })
    };
    // The far conjunct says the other side in the same slots: the misconception's word
    // where the relation's own word stands, and a content word where the
    // misconception's near word stands ("ENTRYPOINT is the executable and CMD its
    // defaults": CMD for ENTRYPOINT, *defaults* for *executable*). "Down -v deletes the
    // volumes and the images" has nothing before *images*: a list of its objects.
    let other_side = |far: &[usize], lo: usize, hi: usize, own_first: bool| {
        let (Some(&f_lo), Some(&f_hi)) = (far.first(), far.last()) else {
            return false;
        };
        if own_first {
            (f_hi + 1..hi).any(content)
        } else {
            // The slot before is a word of its own, set off from the misconception's
            // by a stop word ("reads to the replica"): "QUIC runs over UDP and simply
            // skips lost packets" gives *skips* to QUIC, as the subject both share.
            f_lo > lo && tokens[f_lo - 1].stop && (lo..f_lo - 1).any(content)
        }
    };
    let far_before = before.iter().all(|&i| i >= start);
    let far_after = after.iter().all(|&i| i <= end);
    // The rubric's relation before the *and*, the rest said after it; or the other way.
    (far_after
        && holds(&before, start, a).is_some_and(|own| other_side(&after, a + 1, end + 1, own)))
        || (far_before
            && holds(&after, a + 1, end + 1).is_some_and(|own| other_side(&before, start, a, own)))
}
