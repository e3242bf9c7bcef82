//! The general block of recall's built-in lexicon: equivalences of everyday English
//! that learners use in place of the words of a model answer ("redone" for "rerun",
//! "straight away" for "immediately", "wiped" for "destroyed"), kept apart from the
//! technical groups of `lang::lexicon::TECHNICAL` so each block can grow on its own.
//!
//! Issue 11, round 6: the first groups came from right answers, written by a session
//! that never saw the rubrics (`tests/fixtures/grade/docker-dev4.csv`), that said the
//! model answer's idea in these words; the rest are equivalences of the same register.
//! A group stays only while it fails no answer marked to fail in the Docker tuning sets
//! and leaves SemEval-2013's test splits where they were (see BENCHMARKS.md, "Issue 11,
//! round 6"); five more ("start"/"launch", "use"/"employ", "need"/"require",
//! "change"/"modify", "connect"/"reach") together cost one SciEntsBank answer and were
//! left out.
//! No member is in a group of `TECHNICAL`: the two blocks are one lexicon, and a word
//! belongs to one group.

/// The general groups, each a list of words or phrases.
pub const GENERAL: &[&[&str]] = &[
    &[
        "rerun",
        "redo",
        "redone",
        "run again",
        "executed again",
        "re-executed",
    ],
    &[
        "immediately",
        "instantly",
        "straight away",
        "right away",
        "at once",
    ],
    &["wipe", "wiped", "destroy", "purge"],
    &["lost", "lose", "gone", "vanish", "disappear"],
    &["keep", "retain", "preserve"],
    &["whole", "entire"],
    &["mistake", "error"],
    &["safe", "secure"],
    &["dangerous", "risky", "unsafe", "insecure"],
    // Not "server": a server is a role as well as a machine ("the Consul servers do not
    // run the checks; the agent on each box does"), and with it "box performs" made the
    // misconception `servers → run` (round 14, probe7:24).
    &["machine", "box", "computer"],
    &["slim", "lean", "minimal"],
    // Round 13: words that terse right answers use for a long model answer's (see
    // BENCHMARKS.md, "Issue 11, round 13"). Left out: "pull" and "fetch" (not one thing
    // in git), "retrieve" and "fetch" (it made "git pull retrieves" a fetch), and
    // "normal" or "regular" for "ordinary" (two wrong answers passed on derived rubrics).
    &["nearest", "closest"],
    &["choose", "pick"],
    &["manage", "look after"],
    &["approve", "go ahead", "sign off"],
    &["return", "send back", "give back", "hand back"],
    // A call that blocks waits, and the other way round ("the sender waits until a
    // receiver takes it", "send blocks until someone receives").
    &["wait", "block"],
    // Round 15 (issue 11): a comparative and its everyday twin ("quicker but its ports
    // clash"), and the short form of a word of any register ("merged by max"). Left out:
    // "fast" with "faster" (a thing and its comparison are two claims) and "close" with
    // "closest" (near is not nearest).
    &["faster", "quicker"],
    // Round 23 (w28-derived): the everyday words for the maximum ("read the value as
    // the largest entry").
    &["maximum", "max", "largest", "highest"],
    // A number in words is the number in digits ("at most two children", "2 replicas").
    &["two", "2"],
    &["three", "3"],
    &["four", "4"],
    &["five", "5"],
    &["six", "6"],
    &["seven", "7"],
    &["eight", "8"],
    &["nine", "9"],
    &["ten", "10"],
    // Round 20 (w25-rubrics): everyday twins of words the Docker rubrics use ("thrown
    // away for good", "brittle in production", "inexpensive on one server").
    &["permanently", "for good"],
    &["fragile", "brittle"],
    &["cheap", "inexpensive", "low cost"],
    &["expensive", "costly"],
    // Round 24 (w29-lexicon): a thing that fills every slot occupies it ("slow clients
    // fill all the workers"). Not "take up" (a task is taken up too) and not "hold",
    // which is a group of its own with "store".
    &["occupy", "fill"],
    // Round 28 (w33-comparative): a comparison said with a comparative phrase instead
    // of the verb that compares ("one id counts for more than any number of classes",
    // "ranks above"). Only phrases with *than* or *above*, so the sides stay where the
    // verb has them: "more" alone, or "counts" alone, is no comparison.
    &[
        "outweigh",
        "count for more than",
        "weigh more than",
        "matter more than",
    ],
    &["outrank", "rank above", "rank higher than"],
    // Round 45 (w82-vocab): two equivalences of every register that rubric authors keep
    // listing side by side (`["identical", "same"]`, `["average", "mean"]`): "the
    // equilibrium mixture is identical" for *unchanged* or *same*, "take the mean" for
    // *average*. *mean* only as a noun phrase: the verb ("that means") is no average.
    &["same", "identical"],
    &["average", "the mean", "arithmetic mean"],
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::lexicon::TECHNICAL;
    use std::collections::HashSet;

    #[test]
    fn a_member_is_in_one_group_of_either_block() {
        let mut seen = HashSet::new();
        for group in TECHNICAL.iter().chain(GENERAL) {
            for member in *group {
                assert!(seen.insert(*member), "{member} is in two groups");
            }
        }
        for group in GENERAL {
            assert!(group.len() >= 2, "{group:?}");
            assert!(group.iter().all(|m| m.to_lowercase() == *m), "{group:?}");
        }
    }
}
