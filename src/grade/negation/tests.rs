//! Tests of the negation rules of round 13 through the grader: a condition waived
//! (*without waiting for*), the reply *yes* against a rubric's `no`, the *only* that
//! *not only* denies, and a thing named by the rubric's other word for it.

use super::super::Rubric;
use super::super::explain::explain;
use super::super::tests::{any_bank, bank, concept, grade, question, relation};

#[test]
fn without_waiting_for_denies_the_condition() {
    let rubric = Rubric {
        concepts: vec![
            relation(&[&["commits", "commit"], &["standby"]], false, 1.0, false),
            concept(&["wal"], 1.0, false),
            concept(&["synchronous"], 1.0, false),
        ],
        forbidden: Vec::new(),
    };
    let b = bank(vec![question(
        "sync",
        "How does synchronous replication commit a transaction?",
        "In synchronous mode the primary writes the WAL and commits only after the standby confirms it.",
        Some(rubric),
    )]);
    let g = grade(
        &b,
        "In synchronous mode it writes the WAL and commits without waiting for the standby.",
    );
    assert!(!g.passed && g.concepts[0].denied, "{}", explain(&g));
    let g = grade(
        &b,
        "In synchronous mode it writes the WAL and commits once the standby confirms.",
    );
    assert!(g.passed, "{}", explain(&g));
    // A plain *without* says how, and denies nothing.
    let g = grade(
        &b,
        "In synchronous mode it writes the WAL and commits without an extra round trip to the standby.",
    );
    assert!(g.passed && !g.concepts[0].denied, "{}", explain(&g));
}

#[test]
fn the_reply_yes_misses_a_rubric_s_no() {
    let rubric = Rubric {
        concepts: vec![
            concept(&["no", "not a backup"], 1.0, true),
            concept(&["deletions", "deletion"], 1.0, false),
        ],
        forbidden: Vec::new(),
    };
    let b = bank(vec![question(
        "raid",
        "Is a RAID 1 mirror a backup?",
        "No. A mirror copies every change at once, deletions included, so it is not a backup.",
        Some(rubric),
    )]);
    let g = grade(
        &b,
        "Yes, there is no need for another copy, since deletions are mirrored too.",
    );
    assert!(!g.passed, "{}", explain(&g));
    assert!(explain(&g).contains("replies \"yes\""));
    for right in [
        "No, deletions are mirrored at once.",
        "Yes, it copies every write, but no: deletions are mirrored too.",
        "Yes and no: the mirror is not a backup, deletions reach both disks.",
    ] {
        let g = grade(&b, right);
        assert!(g.passed, "{right}: {}", explain(&g));
    }
}

#[test]
fn not_only_denies_the_only_and_nothing_after_it() {
    let b = any_bank(
        "Which node of a Redis replication setup accepts writes?",
        "Only the master accepts writes; the replicas copy its stream.",
        &[&["only"], &["master"], &["replicas"]],
    );
    let g = grade(
        &b,
        "It is not only the master: the replicas accept writes as well.",
    );
    assert!(g.concepts[0].matched.is_none(), "{}", explain(&g));
    assert!(g.concepts[1].matched.is_some(), "{}", explain(&g));
    let g = grade(
        &b,
        "Only the master: it streams its writes not only to the replicas but to the AOF.",
    );
    assert!(
        g.concepts.iter().all(|c| c.matched.is_some()),
        "{}",
        explain(&g)
    );
}

#[test]
fn a_term_denied_of_a_fellow_of_its_thing_contradicts() {
    let rubric = Rubric {
        concepts: vec![
            concept(&["multicast", "multicasts"], 1.0, false),
            relation(
                &[&["rs", "solicitation"], &["ra", "advertisement"]],
                true,
                1.0,
                false,
            ),
        ],
        forbidden: Vec::new(),
    };
    let b = bank(vec![question(
        "ndp",
        "How does a new IPv6 host find its router?",
        "The host multicasts a Router Solicitation, and routers answer with a Router Advertisement.",
        Some(rubric),
    )]);
    // `rs` is the rubric's other word for the solicitation the model answer says is
    // multicast.
    let g = grade(
        &b,
        "The host sends an RS and routers answer with an RA; the RS is not multicast, it goes to one router.",
    );
    assert!(!g.passed, "{}", explain(&g));
    for right in [
        "The host multicasts an RS and routers answer with an RA.",
        "The host sends an RS and routers answer with an RA; the host is not a router.",
    ] {
        let g = grade(&b, right);
        assert!(g.passed, "{right}: {}", explain(&g));
    }
}
