//! Unit tests of keywords whose own words hold a negation cue (`adds no overhead`,
//! `costs nothing`, `host cannot see them`) and of a term the model answer says is taken
//! away ("eliminating the NAT overhead") that an answer denies ("there is no NAT").
//! Fresh sentences in several domains, right and wrong.

use super::explain::explain;
use super::tests::{concept, fails, grade, mistakes_bank, passes, relation};
use super::*;

/// A bank of one question: `model` as its model answer, each of `concepts` a required
/// `any` of its alternatives, and `mistakes` its misconceptions.
fn phrase_bank(model: &str, concepts: &[&[&str]], mistakes: Vec<crate::bank::Concept>) -> Bank {
    let concepts = concepts
        .iter()
        .map(|alts| concept(alts, 1.0, true))
        .collect();
    mistakes_bank("Why?", model, concepts, mistakes)
}

#[test]
fn a_keyword_with_a_cue_of_its_own_is_met_by_an_answer_that_says_it() {
    // The model answer does not use the phrase: the author wrote it as the claim.
    let b = phrase_bank(
        "Neither is slower on Linux: both are plain directories of the host file system.",
        &[&["adds no overhead", "costs nothing", "not slower"]],
        Vec::new(),
    );
    passes(
        &b,
        "A bind mount adds no overhead, it is just a host directory.",
    );
    passes(
        &b,
        "It costs nothing extra at run time compared with a volume.",
    );
    fails(
        &b,
        "A bind mount adds some overhead, since each access is translated.",
    );
    fails(&b, "It costs a lot of time because every read is copied.");
    let b = phrase_bank(
        "A reader in MVCC reads an old version of the row, so readers and writers never wait for each other.",
        &[&["takes no lock", "needs no lock"]],
        Vec::new(),
    );
    passes(
        &b,
        "Each reader takes no lock; it reads the version that was current.",
    );
    fails(&b, "Each reader takes a shared lock on the row it reads.");
}

#[test]
fn a_misconception_with_a_cue_of_its_own_is_made_by_an_answer_that_says_it() {
    let nat = relation(
        &[
            &["nat", "iptables"],
            &["adds no overhead", "costs nothing per packet"],
        ],
        true,
        1.0,
        false,
    );
    let b = phrase_bank(
        "Every packet on the bridge goes through iptables NAT, which adds latency to each packet.",
        &[&["nat", "iptables"]],
        vec![nat],
    );
    fails(
        &b,
        "The NAT adds no overhead, so the latency must come from somewhere else.",
    );
    fails(&b, "iptables costs nothing per packet here.");
    passes(
        &b,
        "iptables NAT rewrites every packet, and that adds latency to each one.",
    );
    let hidden = concept(&["host cannot see them", "host can't see them"], 1.0, false);
    let b = phrase_bank(
        "A PID namespace gives the container its own process numbers; the host still sees every process with its host PID.",
        &[&["pid namespace", "process numbers"]],
        vec![hidden],
    );
    fails(
        &b,
        "The PID namespace hides the processes so well that the host cannot see them at all.",
    );
    passes(
        &b,
        "The PID namespace gives the container its own process numbers, and the host can see them with other PIDs.",
    );
}

#[test]
fn a_term_the_model_answer_takes_away_is_met_where_the_answer_denies_it() {
    let b = phrase_bank(
        "On the bridge every packet goes through iptables NAT. With host networking the container bypasses NAT entirely and uses the host's interfaces.",
        &[
            &["nat"],
            &["host interface", "host's interfaces", "directly"],
        ],
        Vec::new(),
    );
    let g = grade(
        &b,
        "With host networking there is no NAT: the container uses the host's interfaces.",
    );
    assert!(g.passed, "{}", explain(&g));
    assert!(explain(&g).contains("takes it away"), "{}", explain(&g));
    passes(
        &b,
        "Host mode works without NAT and binds the host's interfaces directly.",
    );
    fails(&b, "Host mode uses the host's interfaces directly.");
    // Denied of another case than the one the model answer takes it away in.
    fails(
        &b,
        "There is no NAT on the bridge driver. Host mode uses the host's interfaces.",
    );
    let b = phrase_bank(
        "A B-tree lookup reads index pages and then the table. With a covering index an index-only scan skips the heap, since the index holds every column the query needs.",
        &[&["heap", "table"], &["covering index", "every column"]],
        Vec::new(),
    );
    passes(
        &b,
        "With a covering index the scan never touches the heap: every column is in the index.",
    );
    fails(&b, "A covering index holds every column of the query.");
    fails(
        &b,
        "A plain B-tree lookup never reads the heap. A covering index holds every column.",
    );
}

#[test]
fn a_term_the_model_answer_never_takes_away_stays_denied() {
    // The model answer states the heap plainly and takes it away nowhere.
    let b = phrase_bank(
        "A B-tree lookup reads the index pages, then fetches each row from the heap.",
        &[&["heap"], &["index pages", "index"]],
        Vec::new(),
    );
    fails(&b, "It reads the index pages and never touches the heap.");
    passes(
        &b,
        "It reads the index pages and then fetches rows from the heap.",
    );
    let b = phrase_bank(
        "Every packet on the bridge goes through iptables NAT and the docker0 hop.",
        &[&["nat"], &["docker0"]],
        Vec::new(),
    );
    fails(&b, "There is no NAT on the bridge, only the docker0 hop.");
}
