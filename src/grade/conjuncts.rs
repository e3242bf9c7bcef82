//! Conjuncts: a misconception's words that cross an *and* joining two parallel claims
//! of one clause are not one claim. "ENTRYPOINT is the executable and CMD its defaults"
//! gives *executable* to ENTRYPOINT, and "writes go to the primary and reads to the
//! replica" gives the writes to the primary. A misconception matched across such an *and*
//! (`CMD + executable`, `replica + writes`) is not made when a relation of the rubric met
//! on one side claims the misconception's words there and the other side says its own
//! thing in the same slots. Only the words' places are read: no parse, so it stays cheap.
//!
//! And a misconception's object that a second verb keeps ("plain down removes the
//! containers and leaves the volumes") is not the object of the first verb: see
//! [`kept_by_next_verb`].

use super::matcher::PreparedAnswer;
use super::token::Token;

/// The misconception's token places, sorted, each once.
fn sorted(matched: &[usize]) -> Vec<usize> {
    let mut m = matched.to_vec();
    m.sort_unstable();
    m.dedup();
    m
}

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
    let m = sorted(matched);
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

/// How far after the keeping verb its object may begin: "leaves the data volumes".
const OBJECT: usize = 3;

/// Whether a word says, as the verb of a second conjunct, that its object is kept.
fn keeps(word: &str) -> bool {
    const KEEPS: [&str; 15] = [
        "keeps",
        "keep",
        "keeping",
        "leaves",
        "leave",
        "leaving",
        "preserves",
        "preserve",
        "preserving",
        "retains",
        "retain",
        "retaining",
        "spares",
        "spare",
        "sparing",
    ];
    KEEPS.contains(&word)
}

/// Whether a word of the misconception says a thing is removed: the verb whose object
/// the keeping verb would take away.
fn removes(word: &str) -> bool {
    const REMOVES: [&str; 27] = [
        "removes",
        "remove",
        "removed",
        "deletes",
        "delete",
        "deleted",
        "wipes",
        "wipe",
        "wiped",
        "destroys",
        "destroy",
        "destroyed",
        "drops",
        "drop",
        "dropped",
        "discards",
        "discard",
        "discarded",
        "erases",
        "erase",
        "erased",
        "purges",
        "purge",
        "purged",
        "prunes",
        "prune",
        "pruned",
    ];
    REMOVES.contains(&word)
}

/// Adverbs that may stand between the *and* and the keeping verb ("and simply leaves").
fn bridges(word: &str) -> bool {
    matches!(
        word,
        "just" | "simply" | "still" | "also" | "then" | "instead" | "merely"
    )
}

/// Whether the misconception's words (`matched`) after an *and* (or *but*) are the
/// object of a verb of keeping that opens the conjunct after it (in its clause, starting
/// within three words of the verb: "leaves the data volumes"), while
/// the misconception's last word before the *and* removes ([`removes`]): "plain down removes the
/// containers and the network and leaves the volumes" keeps the volumes, so it does not
/// say that plain down removes them. A misconception with no word of removal before the
/// *and* is read as before: in "host shares the stack but keeps a separate port space"
/// the keeping is the claim. The keeping verb comes right after the *and* (or
/// after one of a few adverbs: "and simply preserves"), is no word of the misconception,
/// and nothing from it to the misconception's last word is negated ("and doesn't keep"
/// has a negation before the verb, so it is not read either). Not met: a list of
/// objects of one verb ("removes the containers and the volumes"), a second verb that
/// is not one of keeping ("and then deletes the volumes").
pub(super) fn kept_by_next_verb(matched: &[usize], answer: &PreparedAnswer) -> bool {
    let tokens = answer.tokens();
    let m = sorted(matched);
    let (Some(&first), Some(&last)) = (m.first(), m.last()) else {
        return false;
    };
    (first + 1..last).any(|a| {
        let t = &tokens[a];
        if t.part || !matches!(&*t.norm, "and" | "but") {
            return false;
        }
        let mut v = a + 1;
        while v < last && !tokens[v].part && bridges(&tokens[v].norm) {
            v += 1;
        }
        v < last
            && !tokens[v].part
            && keeps(&tokens[v].norm)
            && m.iter()
                .all(|&i| i < a || (i > v && tokens[i].place.clause == tokens[v].place.clause))
            && m.iter().find(|&&i| i > a).is_some_and(|&i| i <= v + OBJECT)
            && m.iter()
                .rfind(|&&i| i < a)
                .is_some_and(|&i| removes(&tokens[i].norm))
            && !(a..=last).any(|i| tokens[i].negation)
    })
}
