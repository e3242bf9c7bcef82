//! Unit tests of a short choice before a `:` ("Use UDP:", "Prefer merge:", "Pick a
//! tuple:"): what follows gives the reason, often said of the alternative, and is not
//! linked to the choice (see `token::chooses`). Fresh sentences in three domains, right
//! and wrong: a misconception tied to a clause still fires when the answer makes it.

use super::tests::{concept, fails, mistakes_bank, passes, relation, segment};
use super::*;

/// A bank of one question: `model` as its model answer, `required` its one required
/// keyword, and two misconceptions: `choice` tied to a verb of preferring (the wrong
/// choice) and `mistake` (a claim said of the right one).
fn choice_bank(model: &str, required: &[&str], choice: &str, mistake: &[&[&str]]) -> Bank {
    mistakes_bank(
        "Which one, and why?",
        model,
        vec![concept(required, 1.0, true)],
        vec![
            relation(
                &[&[choice], &["use", "prefer", "better"]],
                false,
                1.0,
                false,
            ),
            relation(mistake, false, 1.0, false),
        ],
    )
}

/// The model answers of two of the questions, Python keys and git history.
const TUPLE: &str = "Use a tuple: it is immutable, so its hash never changes. A list is \
                     mutable and unhashable, so Python refuses it as a key.";
const MERGE: &str = "Prefer merge: it adds a merge commit and keeps the existing commits. \
                     Rebase rewrites the commits, so everyone who pulled the branch has to \
                     reconcile diverged history.";

#[test]
fn a_choice_before_a_colon_is_not_linked_to_the_fault_of_the_alternative() {
    let udp = choice_bank(
        "Use UDP: a late frame is useless, so losing a packet is better than waiting. TCP \
         retransmits every lost packet and holds back the ones after it, which stalls the stream.",
        &["late", "delay", "stall", "stalls", "waiting"],
        "tcp",
        &[
            &["udp"],
            &["retransmits", "retransmitted", "resends", "resent"],
        ],
    );
    passes(
        &udp,
        "Use UDP: with TCP, lost packets are retransmitted and the call stalls while it waits.",
    );
    passes(
        &udp,
        "Prefer UDP: with TCP, each lost packet is resent and the later frames are late anyway.",
    );
    fails(
        &udp,
        "Use TCP: with UDP, lost packets are retransmitted and frames arrive late.",
    );
    fails(
        &udp,
        "UDP retransmits every lost packet, so frames are late; TCP drops them.",
    );

    let tuple = choice_bank(
        TUPLE,
        &["hash", "hashable", "unhashable"],
        "list",
        &[&["tuple"], &["mutable", "unhashable"]],
    );
    passes(
        &tuple,
        "Use a tuple: a list is mutable, so it is unhashable and its hash could change.",
    );
    passes(
        &tuple,
        "Pick a tuple: with a list, the contents are mutable and the hash would change.",
    );
    fails(
        &tuple,
        "Use a list: a tuple is mutable and unhashable, so its hash changes.",
    );
    fails(
        &tuple,
        "A tuple is mutable and unhashable; a list is immutable, so its hash never changes.",
    );

    let merge = choice_bank(
        MERGE,
        &["rewrites", "rewritten", "rewrite"],
        "rebase",
        &[&["merge"], &["rewrites", "rewritten", "rewrite"]],
    );
    passes(
        &merge,
        "Prefer merge: with rebase, the commits everyone pulled are rewritten.",
    );
    passes(
        &merge,
        "Use merge: rebase rewrites commits others already have.",
    );
    fails(
        &merge,
        "Use rebase: with merge, the commits others have are rewritten.",
    );
    fails(
        &merge,
        "Merge rewrites the commits others pulled; rebase keeps them, so use rebase.",
    );
}

/// A label before a `:` that is no choice still links what follows ("alpine: small,
/// musl"), and a one-word "Use:" is a label.
#[test]
fn a_label_that_is_no_choice_still_links_its_sentence() {
    // A choice: cut off from its reason, whose clauses stay linked.
    let text = "Use tmpfs: with a volume, the key is written to disk.";
    assert_ne!(segment(text, "tmpfs"), segment(text, "volume"));
    assert_eq!(segment(text, "volume"), segment(text, "disk"));
    // A label: linked to what follows.
    let text = "alpine: small, with musl.";
    assert_eq!(segment(text, "alpine"), segment(text, "musl"));
    let text = "Use: small, with musl.";
    assert_eq!(segment(text, "use"), segment(text, "musl"));
}

/// The choice is a sentence of its own: a misconception `within = "sentence"` whose
/// first term is the choice and whose second is said of the alternative after the `:`
/// ("Use a tuple: a list is mutable") does not fire; said of the choice after the `:`,
/// or in one sentence with no choice before a colon, it still does. Fresh sentences in
/// two domains (Python keys, git history), none of them Docker.
#[test]
fn a_choice_before_a_colon_is_a_sentence_of_its_own() {
    let sentence_bank = |model: &str, required: &[&str], mistake: &[&[&str]]| {
        let mut b = choice_bank(model, required, "never-said", mistake);
        let q = &mut b.questions[0];
        if let Some(relation) = q.misconceptions[1].concept.relation.as_mut() {
            relation.within = crate::bank::Within::Sentence;
            relation.ordered = true;
        }
        b
    };
    let tuple = sentence_bank(
        TUPLE,
        &["hash", "hashable", "unhashable"],
        &[&["tuple"], &["mutable", "unhashable"]],
    );
    passes(
        &tuple,
        "Use a tuple: a list is mutable and unhashable, so it can't be a dict key.",
    );
    fails(
        &tuple,
        "Use a list: a tuple is mutable and unhashable, so its hash changes.",
    );
    fails(
        &tuple,
        "Use a tuple, since a list is fine too and the tuple is mutable and unhashable.",
    );
    let merge = sentence_bank(
        MERGE,
        &["rewrites", "rewritten", "rewrite"],
        &[&["merge"], &["rewrites", "rewritten", "rewrite"]],
    );
    passes(
        &merge,
        "Prefer merge: rebase silently rewrites the commits others pulled, instead of adding one.",
    );
    fails(
        &merge,
        "Prefer rebase: merge rewrites the commits others pulled.",
    );
    fails(
        &merge,
        "Prefer merge, though merge also rewrites the commits others pulled.",
    );
}
