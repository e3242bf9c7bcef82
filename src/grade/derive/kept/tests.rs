use super::super::tests::{contradicted, derived};
use crate::grade::Grade;

// Two model answers written for these tests (not taken from a marked set), each saying
// that something is lost: "the cached sessions are lost", "the individual commit
// messages are discarded".

const TMPFS: &str = "Put the session cache on a tmpfs mount: it lives in RAM, so reads \
    are fast and nothing is written to the disk. The trade-off is that the cached \
    sessions are lost whenever the container restarts, and the RAM counts against the \
    container's memory limit.";

const SQUASH: &str = "Squash-merging folds the whole branch into one new commit on main. \
    The individual commit messages are discarded from main's history, so write a good \
    summary message, and delete the feature branch afterwards because its commits no \
    longer match main.";

fn tmpfs(answer: &str) -> Grade {
    derived(
        "Where would you keep the session cache, and what does it cost?",
        TMPFS,
        answer,
    )
}

fn squash(answer: &str) -> Grade {
    derived(
        "What happens when you squash-merge a feature branch?",
        SQUASH,
        answer,
    )
}

fn kept(grade: &Grade) -> bool {
    contradicted(grade, "kept")
}

#[test]
fn what_the_model_answer_says_is_lost_said_to_be_kept_contradicts() {
    for g in [
        tmpfs(
            "A tmpfs mount holds the session cache in RAM, which is fast and writes \
             nothing to the disk. The cached sessions survive a container restart, and \
             the RAM counts against the memory limit.",
        ),
        tmpfs(
            "Reads come from RAM and nothing is written to the disk, and the cached \
             sessions are kept across restarts; the RAM counts against the memory limit.",
        ),
        tmpfs(
            "The session cache on tmpfs lives in RAM and is fast, and a restart of the \
             container does not lose the cached sessions; mind the memory limit.",
        ),
        tmpfs(
            "tmpfs puts the session cache in RAM, fast and off the disk, and the cached \
             sessions stay in memory across restarts, counted against the memory limit.",
        ),
        squash(
            "The branch is folded into one new commit on main, but git still records the \
             individual commit messages there; delete the feature branch afterwards.",
        ),
        squash(
            "The branch is folded into one new commit on main, and the individual commit \
             messages are preserved in main's history; delete the feature branch afterwards.",
        ),
        squash(
            "It folds the branch into one new commit on main, you keep every individual \
             commit message there, and you delete the feature branch afterwards.",
        ),
    ] {
        assert!(kept(&g) && !g.passed, "{:?}", g.contradictions);
    }
    let g = tmpfs("The cached sessions survive a restart.");
    let text = crate::grade::explain(&g);
    assert!(text.contains("kept"), "{text}");
}

#[test]
fn what_is_lost_said_lost_or_kept_of_another_thing_is_no_contradiction() {
    for g in [
        // The loss repeated, with the cache kept in RAM.
        tmpfs(
            "tmpfs keeps the session cache in RAM: fast, nothing on disk, but the cached \
             sessions are gone after a restart and count against the memory limit.",
        ),
        // Retention denied.
        tmpfs(
            "The session cache lives in RAM on tmpfs, so reads are fast; the cached \
             sessions do not survive a restart, and they count against the memory limit.",
        ),
        // No retention.
        tmpfs(
            "The cache lives in RAM on a tmpfs mount; if the container restarts, the \
             cached sessions have to be rebuilt from the database.",
        ),
        // *Stays* with a quality, not a place.
        tmpfs(
            "The session cache stays fast because it lives in RAM on tmpfs; after a \
             restart it starts empty, and it counts against the memory limit.",
        ),
        // Something else kept, the thing dropped.
        tmpfs(
            "tmpfs keeps the RAM busy and silently drops the cached sessions on each \
             restart; reads are fast and nothing is written to the disk.",
        ),
        squash(
            "Only one commit lands on main; the individual commit messages are dropped, so \
             write a good summary message and delete the feature branch.",
        ),
        squash(
            "Keep a good summary message, since the individual commit messages do not \
             survive the squash, and delete the feature branch afterwards.",
        ),
    ] {
        assert!(!kept(&g), "{:?}", g.contradictions);
    }
}
