//! Conjuncts: a misconception's words that cross an *and* joining two parallel claims
//! of one clause are not one claim. "ENTRYPOINT is the executable and CMD its defaults"
//! gives *executable* to ENTRYPOINT, and "writes go to the primary and reads to the
//! replica" gives the writes to the primary. A misconception matched across such an *and*
//! (`CMD + executable`, `replica + writes`) is not made when a relation of the rubric met
//! on one side claims the misconception's words there and the other side says its own
//! thing in the same slots. Only the words' places are read: no parse, so it stays cheap.
//!
//! Joined clefts are read the same way: "it is the cgroups that cap memory, and it is the
//! namespaces that decide what it sees" makes two claims, each cleft pairing its own
//! focus with its own relative clause; a misconception whose words fall in different
//! clefts (`namespace + limit`) is made by neither ([`crosses_clefts`]).

use super::matcher::PreparedAnswer;
use super::token::Token;

/// Whether `t` is a coordinating *and* (or *or*) between two conjuncts.
pub(super) fn joins(t: &Token) -> bool {
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

/// Whether the misconception's words (`matched`) fall in two or more it-clefts of one
/// sentence (or of sentences joined by `;`), every word in one: "It is the primary that
/// takes the writes, and it is the replica that serves the reads" pairs *replica* with
/// the reads only, so `replica + writes` is not made. A word outside any cleft ("The
/// replica takes the writes, and it is the primary that ...") or all words in one cleft
/// ("it is the replica that takes the writes") still make it.
pub(super) fn crosses_clefts(matched: &[usize], answer: &PreparedAnswer) -> bool {
    let tokens = answer.tokens();
    let (Some(&first), Some(&last)) = (matched.iter().min(), matched.iter().max()) else {
        return false;
    };
    // Cheap first: a second cleft's *it* stands between the words.
    let it = |i: usize| matches!(&*tokens[i].norm, "it" | "its");
    if !(first + 1..last).any(it) {
        return false;
    }
    let mut openers: Vec<usize> = Vec::with_capacity(2);
    for &m in matched {
        // The nearest cleft opening at or before `m`, with no full stop between.
        let mut opener = None;
        for i in (0..=m).rev() {
            if i < m
                && tokens[i + 1].place.sentence != tokens[i].place.sentence
                && !tokens[i + 1].place.after_semicolon
            {
                break;
            }
            if it(i) && opens_cleft(tokens, i) {
                opener = Some(i);
                break;
            }
        }
        let Some(opener) = opener else {
            return false;
        };
        if !openers.contains(&opener) {
            openers.push(opener);
        }
    }
    openers.len() > 1
}

/// Whether the *it* at `i` opens an it-cleft: it starts its sentence or clause (after a
/// `,` or `;`) or follows *and*, *but*, *while* or *whereas*; then a form of *be* (none
/// when the tokenizer dropped the `'s` of "it's"), a focus of one to four words (no form of
/// *be*, no negation), and *that*, *which*, *who* or *whose*. An *its* counts only
/// before an article ("its the browser that blocks it").
fn opens_cleft(tokens: &[Token], i: usize) -> bool {
    let place = tokens[i].place;
    let starts = match (0..i).rev().find(|&j| !tokens[j].part) {
        None => true,
        Some(j) => {
            tokens[j].place.sentence != place.sentence
                || tokens[j].place.segment != place.segment
                || tokens[j].place.clause != place.clause
                || matches!(&*tokens[j].norm, "and" | "but" | "while" | "whereas")
        }
    };
    if !starts {
        return false;
    }
    let mut rest = tokens[i + 1..]
        .iter()
        .filter(|t| !t.part)
        .take_while(|t| t.place.segment == place.segment)
        .peekable();
    if rest
        .peek()
        .is_some_and(|t| matches!(&*t.norm, "is" | "was"))
    {
        rest.next();
    } else if &*tokens[i].norm == "its"
        && !rest
            .peek()
            .is_some_and(|t| matches!(&*t.norm, "the" | "a" | "an"))
    {
        return false;
    }
    for (n, t) in rest.take(5).enumerate() {
        if matches!(&*t.norm, "that" | "which" | "who" | "whose") {
            return n > 0;
        }
        if t.negation
            || matches!(
                &*t.norm,
                "is" | "are" | "was" | "were" | "be" | "what" | "not" | "it"
            )
        {
            return false;
        }
    }
    false
}
