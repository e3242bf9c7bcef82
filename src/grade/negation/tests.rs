//! Tests of the negation rules of rounds 13 and 14 through the grader: a condition
//! waived (*without waiting for*), the reply *yes* against a rubric's `no`, the *only*
//! that *not only* denies, a thing named by the rubric's other word for it, a negation
//! inside a claim rejected, a quantifier denied, "not A before B", and the denial of an
//! alternative the model answer does not use.

use super::super::Rubric;
use super::super::explain::explain;
use super::super::tests::{any_bank, bank, concept, grade, question, relation};
use crate::bank::Misconception;

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

#[test]
fn the_reply_yes_costs_the_weight_of_the_rubric_s_no() {
    // Without the reply, two concepts of three would pass it.
    let b = any_bank(
        "Does UDP guarantee that a datagram arrives?",
        "No. UDP sends each datagram once, with no acknowledgement, so a lost one is gone.",
        &[
            &["no", "not guaranteed"],
            &["datagram"],
            &["lost", "dropped"],
        ],
    );
    let g = grade(&b, "Yes, a datagram is sent once and is rarely lost.");
    assert!(!g.passed && g.concepts[0].denied, "{}", explain(&g));
    assert!(explain(&g).contains("denied, so its weight is taken off"));
    let g = grade(&b, "No: a datagram is sent once and can be lost.");
    assert!(g.passed, "{}", explain(&g));
    // Without a reply at all, nothing is denied.
    let g = grade(&b, "A datagram is sent once and can be lost.");
    assert!(g.passed && !g.concepts[0].denied, "{}", explain(&g));
}

#[test]
fn a_negation_inside_a_claim_rejected_is_rejected_with_it() {
    let mut q = question(
        "tcp",
        "What does TCP guarantee that UDP does not?",
        "TCP retransmits lost segments and delivers them in order; UDP has no retransmission.",
        Some(Rubric {
            concepts: vec![
                concept(&["retransmits", "retransmission"], 1.0, true),
                concept(&["in order"], 1.0, false),
            ],
            forbidden: Vec::new(),
        }),
    );
    q.misconceptions.push(Misconception {
        concept: concept(&["no retransmission", "never retransmits"], 1.0, false),
        feedback: "TCP retransmits what is lost.".to_owned(),
        cap: None,
    });
    let b = bank(vec![q]);
    for right in [
        "Saying TCP has no retransmission would be wrong: it retransmits lost segments, in order.",
        "The idea that TCP never retransmits is a myth; it delivers in order and retransmits.",
        // A negation inside a belief reported is reported with it (round 48).
        "People think TCP has no retransmission, but it does retransmit lost segments, in order.",
        "Many say it's because TCP never retransmits, but in fact it retransmits lost segments, in order.",
    ] {
        let g = grade(&b, right);
        assert!(
            g.passed && g.misconceptions.is_empty(),
            "{right}: {}",
            explain(&g)
        );
    }
    // Said plainly, or reported and endorsed, the negation is the answer's own claim.
    for wrong in [
        "TCP delivers in order, but there is no retransmission of lost segments.",
        "People think TCP has no retransmission, and they are right: it delivers in order.",
    ] {
        let g = grade(&b, wrong);
        assert!(!g.passed, "{wrong}: {}", explain(&g));
    }
}

#[test]
fn a_quantifier_denied_is_the_opposite_claim_even_with_a_word_beside_it() {
    let rubric = Rubric {
        concepts: vec![
            concept(&["quorum", "majority"], 1.0, true),
            concept(&["all", "every", "unanimous"], 1.0, false),
            concept(&["acknowledge", "ack"], 2.0, false),
        ],
        forbidden: Vec::new(),
    };
    let b = bank(vec![question(
        "sync",
        "When does a fully synchronous replica set acknowledge a write?",
        "Only when all replicas have written it: every replica must acknowledge, not just a quorum.",
        Some(rubric),
    )]);
    // Without the quantifier denied, each would pass on the quorum and the ack.
    for wrong in [
        "Each replica acknowledges once it has the write, but not all replicas are needed: a quorum is enough.",
        "Replicas acknowledge it without waiting for all the others, once a quorum has it.",
    ] {
        let g = grade(&b, wrong);
        assert!(!g.passed, "{wrong}: {}", explain(&g));
    }
    let g = grade(&b, "All replicas must acknowledge it, not merely a quorum.");
    assert!(g.passed, "{}", explain(&g));
}

#[test]
fn not_a_before_b_says_b_first() {
    let rubric = Rubric {
        concepts: vec![
            relation(
                &[&["flush", "flushes"], &["before"], &["ack", "acks"]],
                true,
                1.0,
                true,
            ),
            concept(&["fsync"], 1.0, false),
        ],
        forbidden: Vec::new(),
    };
    let b = bank(vec![question(
        "durable",
        "When does a durable log acknowledge a write?",
        "It flushes the record with fsync before it acks the client.",
        Some(rubric),
    )]);
    for right in [
        "It never acks before the record is flushed with fsync.",
        "Nothing is acked before the fsync flushes it.",
        "It flushes with fsync before it acks.",
    ] {
        let g = grade(&b, right);
        assert!(g.passed, "{right}: {}", explain(&g));
    }
    for wrong in [
        "It acks before it flushes with fsync.",
        "It does not flush before it acks; fsync runs later.",
        "It acks without flushing, before fsync.",
    ] {
        let g = grade(&b, wrong);
        assert!(!g.passed, "{wrong}: {}", explain(&g));
    }
}

#[test]
fn an_alternative_the_model_answer_does_not_use_is_denied_as_its_fellows_are() {
    let rubric = Rubric {
        concepts: vec![
            concept(&["lease"], 1.0, true),
            relation(
                &[&["lock", "mutex"], &["released", "freed", "dropped"]],
                false,
                1.0,
                false,
            ),
            concept(&["expires", "timeout"], 1.0, false),
        ],
        forbidden: Vec::new(),
    };
    let b = bank(vec![question(
        "lease",
        "What happens to a distributed lock when its holder crashes?",
        "The lock is held under a lease: when the lease expires, the lock is released.",
        Some(rubric),
    )]);
    // `freed` is not the model answer's word, but `released` is: denied all the same.
    let g = grade(
        &b,
        "The lease expires, but the lock is never freed until an operator steps in.",
    );
    assert!(!g.passed && g.concepts[1].denied, "{}", explain(&g));
    let g = grade(&b, "The lease expires and the lock is freed.");
    assert!(g.passed, "{}", explain(&g));
}

/// Whether a negation cue governs `word` in `text`.
fn negated(text: &str, word: &str) -> bool {
    use crate::grade::token::{Parts, tokenize};
    let tokens = tokenize(text, &crate::lang::stemmer(), Parts::Skip);
    let cues = super::governing_cues(&tokens);
    let at = tokens.iter().position(|t| &*t.norm == word).unwrap();
    cues[at].is_some()
}

#[test]
fn a_subject_nothing_of_a_subordinate_clause_reaches_its_own_verb() {
    let text = "when nothing has changed the proxy returns the cached page";
    assert!(negated(text, "changed"));
    assert!(!negated(text, "proxy") && !negated(text, "returns"));
    let text = "if none of the replicas answer the client retries";
    assert!(negated(text, "replicas") && negated(text, "answer"));
    assert!(!negated(text, "client") && !negated(text, "retries"));
    // It leaves the clause before it plain: "rejected when none are left".
    assert!(!negated(
        "a call is rejected when none are left",
        "rejected"
    ));
    // A main clause's *nothing* reaches on, and an object's negates its verb.
    assert!(negated("nothing has changed in the file", "file"));
    assert!(negated("the daemon manages nothing", "manages"));
    // Round 22: after *has* it says the thing is empty, and denies no word before it.
    assert!(!negated(
        "the bare image has nothing, not even a shell",
        "image"
    ));
    assert!(negated("more swap does nothing for latency", "swap"));
    // Round 26: after a verb of showing with its *that* left out, *nothing* is the
    // subject of the clause it opens, whose verb it negates; the verb before is plain.
    let text = "a timeout here means nothing was answering on the replica";
    assert!(negated(text, "answering") && !negated(text, "timeout"));
    assert!(negated("the audit log shows none were deleted", "deleted"));
    // With no clause after it, it is the verb's object and denies it, as before.
    assert!(negated("the warning means nothing", "means"));
}

#[test]
fn a_subject_that_is_nothing_is_said_to_be_empty_not_denied() {
    // Round 33 (docker-edge21:46, docker-edge23:41, two writers: "scratch is nothing at
    // all"): after a form of *be*, as after *has*, *nothing* says what the subject is,
    // empty or worthless, and denies no word before it. Fresh sentences, not the rows'.
    assert!(!negated(
        "the scratch image is nothing but an empty filesystem",
        "image"
    ));
    assert!(!negated(
        "a tmpfs mount is nothing more than memory",
        "tmpfs"
    ));
    assert!(!negated(
        "the cost of a namespace is nothing next to a VM",
        "cost"
    ));
    assert!(!negated(
        "at first the upper layers were nothing at all",
        "layers"
    ));
    // A verb before it is still denied, and *nothing* as the subject still negates.
    assert!(negated("the daemon manages nothing", "manages"));
    assert!(negated("more swap does nothing for latency", "swap"));
    assert!(negated(
        "nothing is cached between the two builds",
        "cached"
    ));
    assert!(negated("the scratch image is not empty", "empty"));
}

#[test]
fn a_base_image_that_is_nothing_meets_its_emptiness() {
    let rubric = Rubric {
        concepts: vec![
            relation(
                &[&["scratch"], &["empty", "nothing", "static"]],
                false,
                2.0,
                true,
            ),
            concept(&["distroless"], 1.0, false),
        ],
        forbidden: Vec::new(),
    };
    let b = bank(vec![question(
        "base",
        "What is in a scratch base image, next to distroless?",
        "scratch is completely empty; distroless holds only the runtime.",
        Some(rubric),
    )]);
    for right in [
        "Scratch is nothing at all; distroless keeps the runtime only.",
        "A scratch image is nothing but an empty root, unlike distroless.",
    ] {
        let g = grade(&b, right);
        assert!(g.passed, "{right}: {}", explain(&g));
    }
    for wrong in [
        "Scratch is not empty: it has a shell, like distroless.",
        "Scratch isn't empty, distroless is.",
    ] {
        let g = grade(&b, wrong);
        assert!(!g.passed, "{wrong}: {}", explain(&g));
    }
}

#[test]
fn an_object_nothing_ends_its_relative_clause_before_the_main_clause_s_be() {
    let text = "a client that finds none is delayed by the proxy";
    assert!(negated(text, "finds"));
    assert!(!negated(text, "delayed") && !negated(text, "proxy"));
    let text = "a worker that receives nothing was restarted";
    assert!(negated(text, "receives") && !negated(text, "restarted"));
    // Any other word after it is still in its scope; a subject *none* negates its *is*.
    assert!(negated("it finds none in the cache", "cache"));
    assert!(negated("the cache is full and none is evicted", "evicted"));
}

#[test]
fn the_main_clause_after_an_object_nothing_is_said_plainly() {
    let b = any_bank(
        "What does the gateway do with a request when the pool is empty?",
        "A request that finds the pool empty is rejected with 503.",
        &[&["rejected", "refused"], &["503"]],
    );
    let g = grade(&b, "A request that finds none is refused with a 503.");
    assert!(g.passed, "{}", explain(&g));
    let g = grade(&b, "A request that finds none is not refused but queued.");
    assert!(!g.passed, "{}", explain(&g));
}

#[test]
fn an_exclusive_bound_states_its_value() {
    let text = "it accepts 3.1.0 up to but not including 4.0.0";
    assert!(!negated(text, "4.0.0"));
    assert!(!negated(
        "retries up to but not inclusive of 10 times",
        "10"
    ));
    // Not including a thing leaves it out.
    assert!(negated(
        "the backup copies the files, not including volumes",
        "volumes"
    ));
    assert!(negated("the release does not include 4.0.0", "4.0.0"));
    let b = any_bank(
        "Which versions does the range ~3.1.0 allow?",
        "~3.1.0 allows patch releases from 3.1.0 below 3.2.0.",
        &[&["patch"], &["3.2.0", "<3.2.0"]],
    );
    for right in [
        "Patch releases from 3.1.0 up to but not including 3.2.0.",
        "Patch releases from 3.1.0, excluding 3.2.0.",
        "Patch releases from 3.1.0, less than 3.2.0.",
    ] {
        let g = grade(&b, right);
        assert!(g.passed, "{right}: {}", explain(&g));
    }
    // A value denied is still negated.
    let g = grade(&b, "Patch releases, but never 3.2.0 and nothing past it.");
    assert!(explain(&g).contains("negated here"), "{}", explain(&g));
}

/// Grades each answer against `b`: every right one passes with no misconception made,
/// every wrong one fails on a misconception.
fn rejected_and_made(b: &crate::bank::Bank, rights: &[&str], wrongs: &[&str]) {
    for right in rights {
        let g = grade(b, right);
        assert!(
            g.passed && g.misconceptions.is_empty(),
            "{right}: {}",
            explain(&g)
        );
    }
    for wrong in wrongs {
        let g = grade(b, wrong);
        assert!(
            !g.passed && !g.misconceptions.is_empty(),
            "{wrong}: {}",
            explain(&g)
        );
    }
}

/// A question on RAID mirrors with the misconception "a mirror is a backup".
fn raid_bank() -> crate::bank::Bank {
    let mut q = question(
        "mirror",
        "Is a RAID 1 mirror a backup?",
        "A mirror copies every change to both disks at once, deletions included, so it protects against a disk failure only.",
        Some(Rubric {
            concepts: vec![
                concept(&["disk failure"], 1.0, true),
                concept(&["deletions", "deletion"], 1.0, false),
            ],
            forbidden: Vec::new(),
        }),
    );
    q.misconceptions.push(Misconception {
        concept: relation(&[&["mirror"], &["backup"]], false, 1.0, false),
        feedback: "A mirror copies deletions too: it is no backup.".to_owned(),
        cap: None,
    });
    bank(vec![q])
}

#[test]
fn a_claim_people_make_and_the_answer_rejects_is_not_made() {
    let b = raid_bank();
    let right = "People often call a mirror a backup, but it isn't one: it copies deletions too and only survives a disk failure.";
    let g = grade(&b, right);
    assert!(g.passed && g.misconceptions.is_empty(), "{}", explain(&g));
    // Said and not rejected, what people say is the answer's claim too.
    let wrong = "People often call a mirror a backup, and it is one: it survives a disk failure and copies deletions.";
    let g = grade(&b, wrong);
    assert!(!g.passed && !g.misconceptions.is_empty(), "{}", explain(&g));
}

/// A claim people *say* (or *claim*) is theirs only until a *but* sets the fact against
/// it: with *actually*, *in fact* or an emphatic *do* as well as with a negation.
#[test]
fn a_claim_people_say_and_the_fact_set_against_it_is_not_made() {
    rejected_and_made(
        &raid_bank(),
        &[
            "People say a mirror is a backup, but it does copy deletions too, so it only survives a disk failure.",
            "People claim the mirror is a backup, but it actually copies every deletion and only survives a disk failure.",
            "Many people say a mirror is a backup, but in fact it copies deletions at once and only covers a disk failure.",
        ],
        // Stated, endorsed, or followed by an *and* or a bare "but it does", it is claimed.
        &[
            "A mirror is a backup: it survives a disk failure and keeps deletions.",
            "People say a mirror is a backup, and they are right: it survives a disk failure and copies deletions.",
            "People say a mirror is a backup, and it does survive a disk failure, deletions too.",
            "People say a mirror is a backup, and in fact it survives a disk failure and deletions.",
        ],
    );
}

/// "People say it's because X": the belief is the cause the bare *it's* leads to, and
/// what rejects (or endorses) it is the clause after that cause.
#[test]
fn a_cause_people_give_and_the_answer_rejects_is_not_made() {
    rejected_and_made(
        &raid_bank(),
        &[
            "People say it's because the mirror is a backup, but it isn't: it copies deletions too and only survives a disk failure.",
            "Many think that it is because a mirror is a backup, but in fact it copies deletions at once and only covers a disk failure.",
        ],
        &[
            "It's because the mirror is a backup: it survives a disk failure, deletions too.",
            "People say it's because the mirror is a backup, and they are right: it survives a disk failure and deletions.",
        ],
    );
}

#[test]
fn a_fix_rejected_by_the_next_clause_is_not_claimed() {
    rejected_and_made(
        &raid_bank(),
        &[
            "The obvious plan is to treat the mirror as a backup, but that wouldn't help: it copies deletions too and only survives a disk failure.",
            "You could keep the mirror as your backup, but that won't work: deletions are copied at once, and it only covers a disk failure.",
        ],
        // "and that fixes it" rejects nothing, and "but the disks ..." says something of its own.
        &[
            "Keep the mirror as your backup and that fixes it: it survives a disk failure, deletions too.",
            "The mirror is a backup, but the disks can fail: it survives a disk failure, deletions too.",
        ],
    );
}

#[test]
fn a_common_mistake_named_is_not_claimed() {
    let b = raid_bank();
    for right in [
        "A common mistake is to treat the mirror as a backup; it copies deletions too and only survives a disk failure.",
        "The tempting fix is to use the mirror as the backup; it copies deletions at once and only covers a disk failure.",
        "The usual misreading is that the mirror is a backup; it copies deletions as well and only survives a disk failure.",
        "A frequent misunderstanding is that a mirror is a backup, yet it copies deletions too and only survives a disk failure.",
    ] {
        let g = grade(&b, right);
        assert!(
            g.passed && g.misconceptions.is_empty(),
            "{right}: {}",
            explain(&g)
        );
    }
    // Without the word that rejects it, the plan is the answer's own.
    let wrong = "The fix is to use the mirror as the backup; it copies deletions and survives a disk failure.";
    let g = grade(&b, wrong);
    assert!(!g.passed && !g.misconceptions.is_empty(), "{}", explain(&g));
}

/// Round 34 (w53-ff): a belief named as common ("a common belief is that ...", "it's a
/// common assumption that ...") or a reading called tempting ("it's tempting to call
/// ...") reports what people think, which the answer goes on to deny; it is no claim.
#[test]
fn a_common_belief_or_a_tempting_reading_is_not_claimed() {
    let b = raid_bank();
    let right = [
        "A common belief is that a mirror is a backup. It isn't: it copies deletions too and only survives a disk failure.",
        "It's a common assumption that the mirror doubles as a backup; it copies deletions at once and only covers a disk failure.",
        "A widespread belief is that a mirror counts as a backup, yet deletions reach both disks and it only survives a disk failure.",
        "The popular assumption is that the mirror is your backup. In fact it copies deletions too and guards against a disk failure only.",
        "It's tempting to call the mirror a backup, but that's wrong: deletions are copied too, and it only survives a disk failure.",
        "It's tempting to think a mirror is a backup, but it copies deletions as well and only protects against a disk failure.",
    ];
    // The answer's own belief, a common belief agreed with, and a tempting reading that
    // nothing rejects are claims.
    let wrong = [
        "My belief is that a mirror is a backup: it survives a disk failure and keeps deletions.",
        "The common belief is right: a mirror is a backup, it survives a disk failure and keeps deletions.",
        "It's tempting to call the mirror a backup, and it is one: it survives a disk failure and keeps deletions.",
        "It's easy to call the mirror a backup; it survives a disk failure and keeps deletions.",
    ];
    for (answer, right) in right
        .iter()
        .map(|a| (a, true))
        .chain(wrong.iter().map(|a| (a, false)))
    {
        let g = grade(&b, answer);
        let clean = g.misconceptions.is_empty();
        assert!(
            g.passed == right && clean == right,
            "{answer}: {}",
            explain(&g)
        );
    }
}

/// Round 16: words that only stress a negation ("in any real sense", "by any means",
/// "in the least", "at all") leave its reach to the claim's content words.
#[test]
fn stress_words_leave_the_reach_to_the_claim() {
    let text = "the proxy does not in any real sense rewrite the request headers it forwards";
    assert!(negated(text, "rewrite") && negated(text, "headers"));
    assert!(negated(text, "forwards"));
    let text = "the proxy does not by any means rewrite the request headers it forwards";
    assert!(negated(text, "forwards"));
    let text = "the checksum does not in the least slow the large nightly uploads";
    assert!(negated(text, "uploads"));
    let text = "the scheduler does not at all move pods between healthy nodes";
    assert!(negated(text, "nodes"));
    // The means of doing it, named plainly, is no stress: "by this means" counts.
    assert!(!negated(
        "it does not by this means rewrite the request headers it forwards",
        "forwards"
    ));
}

/// Round 16: a comment clause that reports a common belief ("as people often think",
/// "as many assume", "as is often said") only places the claim around it: a negation
/// before the comment goes on past it, and a plain claim stays plain.
#[test]
fn a_comment_on_a_common_belief_leaves_the_claim_as_it_is() {
    let text = "the cure is not, as people often think, to restart the pod";
    assert!(negated(text, "restart") && negated(text, "pod"));
    assert!(!negated(text, "cure"));
    let text = "the index is not, as many assume, rebuilt on every insert";
    assert!(negated(text, "rebuilt"));
    let text = "the log is not, as is often said, flushed on every write";
    assert!(negated(text, "flushed"));
    let text = "the lock is, as many assume, held per table";
    assert!(!negated(text, "held") && !negated(text, "table"));
    // A belief reported in a clause of its own is still no claim of the answer's.
    assert!(negated("many assume the index is rebuilt", "rebuilt"));
    // Round 22: so is a belief of a group some or many of whom hold it.
    assert!(negated(
        "some shops believe a nightly restart cures leaks",
        "cures"
    ));
    assert!(negated(
        "many admins think swap prevents the oom killer",
        "prevents"
    ));
    assert!(!negated("the admins think twice and add swap", "swap"));
}

/// Round 16: "rather then" is read as "rather than", and a number with its unit of time
/// is one content word of the reach: "rather then start a fresh 30 s timer" rejects
/// the timer.
#[test]
fn rather_then_rejects_and_a_quantity_counts_once() {
    let text = "the worker keeps its lease rather then start a fresh 30 s timer";
    assert!(negated(text, "timer") && negated(text, "fresh"));
    assert!(!negated(text, "lease"));
    let text = "the worker keeps its lease rather than start a fresh 30 seconds timer";
    assert!(negated(text, "timer"));
}

#[test]
fn no_matter_concedes_and_negates_nothing() {
    use crate::grade::token::{Parts, tokenize};
    let text = "The cache keeps its entries no matter how often the worker restarts.";
    let tokens = tokenize(text, &crate::lang::stemmer(), Parts::Emit);
    let cues = super::governing_cues(&tokens);
    assert!(cues.iter().all(Option::is_none), "{text}");
    // A plain *no* before a noun still negates it.
    let text = "The cache keeps no entries once the worker restarts.";
    let tokens = tokenize(text, &crate::lang::stemmer(), Parts::Emit);
    let cues = super::governing_cues(&tokens);
    let at = tokens.iter().position(|t| &*t.norm == "entries").unwrap();
    assert!(cues[at].is_some());
}

#[test]
fn a_knowing_denied_names_what_is_not_known_plainly() {
    use crate::grade::token::{Parts, tokenize};
    for text in [
        "The replica never learns the new primary address, so it keeps dialling the old one.",
        "The replica fails to notice the new primary address.",
    ] {
        let tokens = tokenize(text, &crate::lang::stemmer(), Parts::Emit);
        let cues = super::governing_cues(&tokens);
        let at = |w: &str| tokens.iter().position(|t| &*t.norm == w).unwrap();
        assert!(cues[at("primary")].is_none(), "{text}");
        assert!(cues[at("address")].is_none(), "{text}");
        let verb = tokens
            .iter()
            .position(|t| matches!(&*t.norm, "learns" | "notice"))
            .unwrap();
        assert!(cues[verb].is_some(), "{text}");
    }
}

#[test]
fn the_thing_compared_ends_at_the_main_clauses_modal() {
    use crate::grade::token::{Parts, tokenize};
    let text = "The proxy rather than the app must renew the certificate.";
    let tokens = tokenize(text, &crate::lang::stemmer(), Parts::Emit);
    let cues = super::governing_cues(&tokens);
    let at = |w: &str| tokens.iter().position(|t| &*t.norm == w).unwrap();
    assert!(cues[at("app")].is_some());
    assert!(cues[at("renew")].is_none());
    assert!(cues[at("certificate")].is_none());
}

/// Guards the per-word skip of `governing_cues` (see `negation::may_negate`): every word
/// its checks outside a cue's scope look for is learnt as one that may negate, and the
/// words of a plain sentence are not.
#[test]
fn the_words_governing_cues_looks_at_outside_a_scope_may_negate() {
    use crate::grade::token::{Parts, tokenize};
    let stemmer = crate::lang::stemmer();
    let cues = "not never without cannot or instead rather unlike fails unable lacks from \
                assumes claims pitfall fix solution wrong false incorrect pointless \
                unnecessary idea practice nope herring";
    for token in tokenize(cues, &stemmer, Parts::Skip) {
        assert!(token.may_negate(), "{}", token.norm);
    }
    let plain = tokenize("the lighthouse keeper paints a boat", &stemmer, Parts::Skip);
    assert!(plain.iter().all(|t| !t.may_negate()));
}

#[test]
fn a_cue_reaches_past_a_concession_opened_by_however() {
    let text = "you should not, however convenient a single cron line seems to the team, run \
                the purge on the primary";
    assert!(negated(text, "run") && negated(text, "purge"));
    assert!(!negated(text, "convenient") && !negated(text, "cron"));
}

#[test]
fn not_involved_denies_its_subject() {
    let text = "the sidecar proxy is not involved in routing the calls";
    assert!(negated(text, "sidecar") && negated(text, "proxy"));
    assert!(!negated(
        "the sidecar proxy is involved in routing",
        "proxy"
    ));
}

#[test]
fn a_term_whose_fellow_alternative_its_clause_denies_is_denied() {
    let b = any_bank(
        "How do you make the running workers pick up a changed config?",
        "Validate the file, then send SIGHUP, which reloads the workers in place.",
        &[&["validate", "check"], &["sighup", "reloads", "reload"]],
    );
    let g = grade(
        &b,
        "Validate the file; a SIGHUP never does reload the workers, so restart the service.",
    );
    assert!(!g.passed && g.concepts[1].denied, "{}", explain(&g));
    for right in [
        "Validate the file, then a SIGHUP reloads the workers.",
        "Validate the file; send a SIGHUP, which reloads them, and do not restart anything.",
        "Validate the file; a SIGHUP reloads them, not a restart.",
        // The cue denies another subject's verb: the master's, not the SIGHUP's.
        "Validate the file and send a SIGHUP whose master does not reload on a restart.",
        // A list: the cue denies the item after *and*, not the SIGHUP before it.
        "Validate the file, then a SIGHUP and no restart reload the workers.",
    ] {
        let g = grade(&b, right);
        assert!(g.passed, "{right}: {}", explain(&g));
    }
}

#[test]
fn not_because_denies_the_reason() {
    let text = "Not because the index is cached, but because the table is small";
    assert!(negated(text, "cached"));
    assert!(!negated(text, "small"));
    // Only a *not* right before *because*: a denied verb keeps its reason plain.
    assert!(!negated(
        "It does not scan because the index is cached",
        "cached"
    ));
    assert!(!negated(
        "Not only because the index is cached, but also because it is small",
        "cached"
    ));
}

/// Issue 11 probe 13, line 86: a command "don't just V" (with its apostrophe or
/// without) advises against V, where a statement "it doesn't just V" says V and more.
#[test]
fn a_command_not_to_just_do_something_denies_it() {
    for text in [
        "Raise the pool size, and dont just restart the cache",
        "Don't just restart the cache; raise the pool size.",
        "so do not merely restart the cache",
    ] {
        assert!(negated(text, "restart"), "{text}");
    }
    for text in [
        "The proxy doesn't just restart the cache, it also warms it.",
        "It does not only restart the cache.",
    ] {
        assert!(!negated(text, "restart"), "{text}");
    }
}

/// Round 22, seen at the terminal: a short denial before a `:` ("It does not: ...")
/// denies what was said before it; the claim after the `:` is the answer's own, as
/// after a full stop (a label before a `:` would reach into it).
#[test]
fn a_short_denial_before_a_colon_reaches_nothing_after_it() {
    let text = "It does not: over the quota it is only slowed, and over the ceiling the \
                kernel kills it.";
    assert!(!negated(text, "ceiling") && !negated(text, "kernel"));
    assert!(!negated(text, "quota") && !negated(text, "slowed"));
    // A label before a `:` still links to what follows it.
    assert!(negated("redis: not kept, gone on restart", "kept"));
}

/// Round 22: *no* after a relative pronoun reaches the relative clause's subject and
/// verb, not the main clause after it; after the *that* of a clause said it reaches on.
#[test]
fn no_in_a_relative_clause_leaves_the_main_clause_plain() {
    let text = "each index that no query reads is dropped at night";
    assert!(negated(text, "query") && negated(text, "reads"));
    assert!(!negated(text, "dropped") && !negated(text, "night"));
    let text = "the contract is that no reader may see a torn write";
    assert!(negated(text, "torn"));
}

/// Round 24: a negation that has reached words goes on past a comment on what people
/// believe ("as many assume") into the rest of its predicate, as it does past an
/// aside right after the cue; other asides still end it.
#[test]
fn a_negation_reaches_past_a_comment_on_a_belief() {
    let text = "The proxy does not cache the page, as many assume, only on the edge nodes.";
    assert!(negated(text, "cache") && negated(text, "edge"));
    assert!(!negated(text, "assume"));
    let text = "The proxy does not cache the page, as the vendor docs claim, in its memory.";
    assert!(negated(text, "memory"));
    // Any other aside after the words reached ends the scope, and so does a subject.
    assert!(!negated(
        "The proxy does not cache the page, in practice, on the edge nodes.",
        "edge"
    ));
    assert!(!negated(
        "The proxy does not cache the page, as many assume, it only forwards it.",
        "forwards"
    ));
}

/// Round 24: a verb of effect denied *anything* denies its subject, as "won't help"
/// does; with a place or a thing after *anything* it says something of the subject.
#[test]
fn denying_a_thing_any_effect_denies_the_thing() {
    let text = "Restarting the router will not improve anything worthwhile here.";
    assert!(negated(text, "restarting") && negated(text, "router"));
    assert!(negated("A bigger heap never changes anything.", "heap"));
    assert!(!negated(
        "A read-only token cannot change anything in the registry.",
        "token"
    ));
    assert!(!negated(
        "A bigger heap does not change the latency.",
        "heap"
    ));
}

/// Round 24: a *without* that opens a sentence whose claim is a failure names what is
/// needed, said plainly; with a plain claim or a plain denial after it (the lack may be
/// safe), or inside the sentence, it still negates.
#[test]
fn without_before_a_failure_names_what_is_needed() {
    let text = "Without a lockfile the installer fails to pin the versions.";
    assert!(!negated(text, "lockfile") && negated(text, "pin"));
    assert!(!negated(
        "Without a lockfile, two builds are unable to match.",
        "lockfile"
    ));
    assert!(negated(
        "Without a token the agent cannot open the socket.",
        "token"
    ));
    assert!(negated(
        "Without a lockfile the installer picks the newest versions.",
        "lockfile"
    ));
    assert!(negated(
        "The installer runs without a lockfile and does not pin anything.",
        "lockfile"
    ));
}

/// Round 25: a verb of effect with *nothing* for its object denies its subject, as
/// "did not change anything" does; with a thing after *nothing* ("changes nothing but
/// the header") it says something of the subject.
#[test]
fn a_thing_that_changes_nothing_is_denied() {
    let text = "Flushing the DNS cache changed nothing, the printer still timed out.";
    assert!(negated(text, "flushing") && negated(text, "cache"));
    assert!(!negated(text, "printer"));
    assert!(negated(
        "but the second index adds nothing useful.",
        "index"
    ));
    assert!(!negated(
        "The proxy changes nothing but the Host header.",
        "proxy"
    ));
}

/// Round 25: a term the model answer states only as what something prevents ("the
/// journal prevents torn pages") or as what stops ("calls stop reaching it") is met by
/// an answer that denies it; said plainly elsewhere, it keeps its polarity.
#[test]
fn a_term_stated_as_prevented_counts_either_way() {
    let b = any_bank(
        "What does the journal give the filesystem?",
        "After a crash the journal prevents torn pages in the metadata.",
        &[&["torn pages"]],
    );
    let g = grade(
        &b,
        "With the journal there are no torn pages after a crash.",
    );
    assert!(g.concepts[0].matched.is_some(), "{}", explain(&g));
    let b = any_bank(
        "What does an open circuit breaker do?",
        "Once the breaker opens, calls stop reaching the failing service.",
        &[&["calls"]],
    );
    let g = grade(
        &b,
        "An open breaker lets no calls through to the failing service.",
    );
    assert!(g.concepts[0].matched.is_some(), "{}", explain(&g));
    let b = any_bank(
        "What goes wrong without a journal?",
        "Torn pages appear in the metadata after a crash.",
        &[&["torn pages"]],
    );
    let g = grade(
        &b,
        "With the journal there are no torn pages after a crash.",
    );
    assert!(g.concepts[0].matched.is_none(), "{}", explain(&g));
}

/// Round 42 (w75-fp34): what a thing is prevented *with* ("Prevent them with a global
/// lock order", "Stop it with hysteresis") and the subject of a *stops* that has an
/// object ("jitter stops it") are the means, stated plainly: an answer that says
/// the means does not help denies the model answer's remedy and does not meet it; an
/// answer that states it (and adds a true fact beside it) still does.
#[test]
fn the_means_of_a_prevention_keeps_its_polarity() {
    let cases: [(&str, &str, &[&str]); 3] = [
        (
            "Two threads deadlock now and then. Why, and how do you avoid it?",
            "They take the same two locks in different orders. Prevent it with a global lock order that every thread follows.",
            &["lock order"],
        ),
        (
            "Retries from every client of a failed service arrive in waves. What spreads them out?",
            "The clients retry on the same schedule, so the retries arrive together. Jitter stops it, since each client waits a random extra delay.",
            &["jitter"],
        ),
        (
            "A thermostat switches the heater on and off every few seconds. Why, and what fixes it?",
            "The temperature hovers at the set point and one value decides both on and off. Stop the chatter with hysteresis: switch on below 19 degrees and off above 21.",
            &["hysteresis"],
        ),
    ];
    let wrong = [
        "A global lock order doesn't help with deadlocks; add more threads instead.",
        "Jitter doesn't help against the waves; retry faster instead.",
        "Hysteresis doesn't help here; replace the thermostat.",
    ];
    let right = [
        "Make every thread follow one global lock order; a lock timeout also helps you notice the ones that slip through.",
        "Add jitter, so each client waits a random extra delay; a retry budget also helps.",
        "Use hysteresis, on below 19 and off above 21; a minimum run time also keeps the relay from wearing out.",
    ];
    for (((prompt, model, terms), wrong), right) in cases.iter().zip(wrong).zip(right) {
        let b = any_bank(prompt, model, &[terms]);
        let g = grade(&b, wrong);
        assert!(g.concepts[0].matched.is_none(), "{wrong}: {}", explain(&g));
        let g = grade(&b, right);
        assert!(g.concepts[0].matched.is_some(), "{right}: {}", explain(&g));
    }
}

/// Round 26: *without* and a verb of breach with a determiner after it denies the
/// breach, and what is not broken is kept: said plainly. With no determiner the -ing
/// word may be an adjective, and the noun is denied as before.
#[test]
fn what_is_kept_without_breaking_it_is_said_plainly() {
    let text = "the migration runs online without breaking the replication slot";
    assert!(negated(text, "breaking"));
    assert!(!negated(text, "replication") && !negated(text, "slot"));
    assert!(!negated(
        "it restarts without losing its session state",
        "session"
    ));
    assert!(negated(
        "ship the minor release without breaking changes",
        "changes"
    ));
    assert!(negated(
        "it restarts without saving its session state",
        "session"
    ));
}

/// Round 27: a *neither ... nor* that opens its clause pairs the clause's subjects,
/// and what it denies is their predicate, from its first auxiliary (or the verb that
/// takes an object) on: the things named, and what their own words say of them, are
/// named plainly. *Neither* inside a clause ("it neither shares ... nor uses ...")
/// still denies what it pairs, and with no predicate found the pair stays denied.
#[test]
fn a_subject_neither_nor_denies_the_predicate_only() {
    let text = "neither the export nor anything else the child process does can reach your shell";
    assert!(!negated(text, "export") && !negated(text, "child") && !negated(text, "process"));
    assert!(negated(text, "reach") && negated(text, "shell"));
    let text = "neither namespaces nor cgroups give a container its own kernel";
    assert!(!negated(text, "namespaces") && !negated(text, "cgroups"));
    assert!(negated(text, "give") && negated(text, "kernel"));
    let text = "so neither docker nor any other runtime gives a container its own kernel";
    assert!(!negated(text, "runtime") && negated(text, "kernel"));
    let text = "neither export nor any change made in the subshell survives it exiting";
    assert!(!negated(text, "subshell") && negated(text, "survives"));
    // Inside a clause the pair is what is denied.
    let text = "containers neither share the host kernel nor use its system calls";
    assert!(negated(text, "share") && negated(text, "kernel") && negated(text, "use"));
    // What a form of *be* says of the pair, or a verb that judges it as a remedy or
    // a cause, denies the things named: they are what is rejected.
    let text = "neither the script nor the export is run in a child process";
    assert!(negated(text, "child") && negated(text, "script"));
    let text = "neither deleting the wal file nor a vacuum is the fix";
    assert!(negated(text, "deleting") && negated(text, "vacuum"));
    let text = "neither restarting the daemon nor reinstalling bash would fix it";
    assert!(negated(text, "reinstalling") && negated(text, "bash"));
    let text = "neither more memory nor a faster disk changes anything here";
    assert!(negated(text, "memory"));
    // A relative's own *were* is no predicate of the pair.
    let text = "but neither false negatives nor misses of elements that were really added";
    assert!(negated(text, "negatives"));
    // No predicate found: denied as before.
    let text = "neither the script nor the export runs in a child process";
    assert!(negated(text, "child"));
}

/// Round 27: the same through the grader, with answers of both marks.
#[test]
fn a_subject_neither_nor_names_its_subjects_plainly() {
    let rubric = Rubric {
        concepts: vec![
            concept(&["child process", "subshell", "new process"], 2.0, true),
            concept(&["source"], 1.0, true),
        ],
        forbidden: Vec::new(),
    };
    let b = bank(vec![question(
        "export",
        "Why does running ./setenv.sh, which does export API_URL=..., leave API_URL unset in your terminal?",
        "The script runs in a child process, and a child process gets its own copy of the environment: its changes never reach the parent shell. Run it with source so it runs in your shell.",
        Some(rubric),
    )]);
    for right in [
        "Neither the export nor anything else the child process does can reach your terminal's shell; run it with source instead.",
        "Neither export nor any other change made in the subshell can outlive it. Use source.",
    ] {
        let g = grade(&b, right);
        assert!(g.passed, "{}", explain(&g));
    }
    for wrong in [
        "Neither the script nor the export is run in a child process, so the variable is set; it is a typo, so use source anyway.",
        "The script runs in neither a subshell nor a new process; export is broken in bash, so use source.",
    ] {
        let g = grade(&b, wrong);
        assert!(!g.passed, "{}", explain(&g));
    }
}

/// Round 27: a misconception named as a side of a subject pair whose predicate judges
/// it ("neither ... nor reinstalling bash would fix it") is denied, not made; said
/// plainly, it is made.
#[test]
fn a_misconception_paired_by_neither_as_no_fix_is_not_made() {
    let mut q = question(
        "crlf",
        "./deploy.sh fails with `/bin/bash^M: bad interpreter` although bash is installed. Why?",
        "The script was saved with CRLF line endings, so the kernel looks for an interpreter named bash with a carriage return. Convert it with dos2unix.",
        Some(Rubric {
            concepts: vec![
                concept(
                    &["crlf", "carriage return", "windows line endings"],
                    2.0,
                    true,
                ),
                concept(&["dos2unix"], 1.0, false),
            ],
            forbidden: Vec::new(),
        }),
    );
    q.misconceptions.push(Misconception {
        concept: relation(
            &[&["reinstall", "reinstalling"], &["bash"]],
            false,
            1.0,
            false,
        ),
        feedback: "bash is installed; the name looked up ends in a carriage return.".to_owned(),
        cap: None,
    });
    let b = bank(vec![q]);
    let right = "Neither a new shebang nor reinstalling bash would fix it: the file has CRLF endings, so run dos2unix on it.";
    let g = grade(&b, right);
    assert!(g.passed && g.misconceptions.is_empty(), "{}", explain(&g));
    let wrong =
        "Bash is broken; reinstalling bash fixes it, then convert the CRLF endings with dos2unix.";
    let g = grade(&b, wrong);
    assert!(!g.passed && !g.misconceptions.is_empty(), "{}", explain(&g));
}

/// Round 28 (w34-negscope): a negation inside a relative clause ("a request that fails
/// to get a token", "a container that doesn't exit after SIGTERM") ends where the main
/// clause's verb begins, at a form of *be*, *get* or a modal: what the main clause says
/// of the thing is said plainly ("is rejected", "gets killed"). A negation of the main
/// verb still denies it.
#[test]
fn a_negation_in_a_relative_clause_ends_at_the_main_verb() {
    let bucket = any_bank(
        "What happens to a request when the rate limiter's bucket is empty?",
        "Each request takes a token; a request that finds the bucket empty is rejected, and \
         the client retries later.",
        &[&["rejected", "dropped", "refused"]],
    );
    let stop = any_bank(
        "What does docker stop do to a container that ignores SIGTERM?",
        "docker stop sends SIGTERM, waits ten seconds, and then the container is killed with \
         SIGKILL.",
        &[&["killed", "sigkill"]],
    );
    for (b, answer) in [
        (&bucket, "A request that fails to get a token is rejected."),
        (&bucket, "A request that doesn't get a token is rejected."),
        (
            &bucket,
            "A request which cannot take a token is dropped by the limiter.",
        ),
        (&bucket, "Requests that find no token are refused."),
        (
            &stop,
            "A container that doesn't exit after SIGTERM is killed.",
        ),
        (&stop, "Any process that won't stop in time gets killed."),
    ] {
        let g = grade(b, answer);
        assert!(g.concepts[0].matched.is_some(), "{answer}: {}", explain(&g));
    }
    for (b, answer) in [
        (&bucket, "A request that gets a token is not rejected."),
        (
            &bucket,
            "A request that doesn't get a token isn't rejected; it waits.",
        ),
        (
            &bucket,
            "A request is not rejected when the bucket is empty; it waits for a token.",
        ),
        (&stop, "The container is not killed; SIGTERM is sent again."),
    ] {
        let g = grade(b, answer);
        assert!(g.concepts[0].matched.is_none(), "{answer}: {}", explain(&g));
    }
}

/// A question on a memory leak whose misconception is adding swap or raising the limit;
/// each `right` answer must pass without it, each `wrong` one make it and fail.
fn check_leak(right: &[&str], wrong: &[&str]) {
    rejected_and_made(&leak_bank(), right, wrong);
}

fn leak_bank() -> crate::bank::Bank {
    let mut q = question(
        "leak",
        "A Java service's RSS grows by 200 MB an hour until the OOM killer takes it. What do you do?",
        "It is a leak: take a heap dump, find what keeps objects reachable and release them. Adding swap or a bigger limit only postpones the OOM kill.",
        Some(Rubric {
            concepts: vec![
                concept(&["heap dump"], 2.0, true),
                concept(&["leak"], 1.0, false),
            ],
            forbidden: Vec::new(),
        }),
    );
    q.misconceptions.push(Misconception {
        concept: concept(&["add swap", "more swap", "raise the limit"], 1.0, false),
        feedback: "Swap and a bigger limit only postpone the kill.".to_owned(),
        cap: None,
    });
    bank(vec![q])
}

/// Round 28: a fix named as a label and refused by a reply that is all of its clause,
/// with the reason after a comma ("Add swap: don't, it only hides the leak", "- more
/// swap: no, ...") is not proposed; a reply that goes on in its clause ("Fix: no
/// restart") or a label the reply does not follow says its own claim.
#[test]
fn a_fix_refused_by_a_reply_after_a_label_is_not_made() {
    check_leak(
        &[
            "It is a leak; take a heap dump. Add swap: don't, it only delays the kill.",
            "It is a leak; take a heap dump.\n- more swap: no, the kill just comes later\n- heap dump: yes",
            "Raise the limit? Nope, it is a leak: take a heap dump and find the holder.",
            "It is a leak; take a heap dump. More swap: never, it postpones the kill.",
        ],
        &[
            "It is a leak; take a heap dump. Add swap: yes, it gives the heap room.",
            "It is a leak; take a heap dump, and raise the limit. No, it will not crash again.",
            "Add swap? Yes, and take a heap dump of the leak.",
            "It is a leak; take a heap dump. Fix: add swap, no restart needed.",
        ],
    );
}

/// Round 28: a fix said to do only harm ("adding swap would only postpone the kill",
/// "restarting it just hides the leak", "..., but that would only delay it") is denied
/// like one that "won't help"; a thing said to slow or hide only something ("the GC
/// only slows allocation-heavy threads") is a claim.
#[test]
fn a_fix_said_only_to_delay_or_hide_the_harm_is_not_made() {
    check_leak(
        &[
            "It is a leak; take a heap dump. Adding swap would only postpone the kill.",
            "It is a leak, so take a heap dump: raising the limit just hides it for an hour.",
            "More swap would only delay the OOM kill; it is a leak, take a heap dump.",
            "You could add swap, but that would only delay the kill. It is a leak: take a heap dump.",
            "It is a leak; take a heap dump. Raising the limit only masks the growth.",
        ],
        &[
            "Add swap and raise the limit; a heap dump would only slow the service down.",
            "It is a leak; add swap, since the leak only slows things down after a day.",
            "Add swap: it only delays the kill a little, which is enough, and take a heap dump.",
        ],
    );
}

/// Issue 11 probe 20, line 147 ("in the open state none do and they fail fast"): a
/// subject *none* (*nothing*, *nobody*) whose verb is all stop words ("do", "gets
/// through", "can") reached no content word before the *and*, so its scope ran on into
/// the next clause and denied the failing. Fresh sentences written for the round-28
/// brief, not taken from any set.
#[test]
fn a_subject_nothing_s_scope_ends_at_an_and_that_opens_a_clause() {
    // Each text, the words it negates and the words it says plainly.
    let cases: [(&str, &[&str], &[&str]); 12] = [
        // The clause after the *and* has a subject of its own: said plainly.
        (
            "in the open state nothing gets through and the calls fail at once",
            &[],
            &["calls", "fail"],
        ),
        (
            "with networking disabled nothing gets out and it only sees loopback",
            &[],
            &["sees", "loopback"],
        ),
        (
            "the first run holds the lock, so nobody else can and a second run exits",
            &[],
            &["exits"],
        ),
        (
            "every replica is behind: none are and reads return stale rows",
            &[],
            &["return", "stale"],
        ),
        (
            "in the open state none do and calls fail fast",
            &[],
            &["fail"],
        ),
        (
            "while the breaker is open no one gets through and callers fail fast",
            &[],
            &["callers", "fail"],
        ),
        (
            "during the outage not one was delivered and the queue kept growing",
            &["delivered"],
            &["queue"],
        ),
        // Its own verb is still denied, and so is a second cue's clause.
        (
            "nothing gets through and nothing is retried",
            &["retried"],
            &[],
        ),
        ("nothing is cached", &["cached"], &[]),
        // An *and* that joins words of its predicate, not a clause, stays in its scope.
        ("nothing gets in and out of the sandbox", &["sandbox"], &[]),
        ("nothing and nobody reaches the socket", &["reaches"], &[]),
        // So does an object *nothing*'s: it denies the verb before it, and the
        // predicate the *and* adds is plain.
        (
            "the proxy caches nothing and forwards every request",
            &["caches"],
            &["forwards"],
        ),
    ];
    for (text, denied, plain) in cases {
        for word in denied {
            assert!(negated(text, word), "{text}: {word}");
        }
        for word in plain {
            assert!(!negated(text, word), "{text}: {word}");
        }
    }
}

/// Round 28 (w35-fp): "S1 doesn't VP; [only] S2 does [that]" hands the deed on from S1 to
/// S2, and so denies it of S1: the cue governs the subject before it. Fresh sentences.
#[test]
fn a_deed_handed_on_denies_the_subject_before_the_cue() {
    let text = "The load balancer never terminates TLS here; the backend does that.";
    assert!(negated(text, "balancer") && !negated(text, "backend"));
    let text = "Git doesn't store diffs between versions; only packfiles do.";
    assert!(negated(text, "git") && !negated(text, "packfiles"));
    let text = "The client doesn't choose the replica, the coordinator does, by hashing the key.";
    assert!(negated(text, "client") && !negated(text, "coordinator"));
    assert!(!negated(text, "hashing"));
    let text = "A follower never accepts the write itself; only the leader does.";
    assert!(negated(text, "follower") && !negated(text, "leader"));
    // No deed handed on: the subject is said plainly.
    assert!(!negated(
        "Docker does not restart the container on its own.",
        "docker"
    ));
    // "it does the routing": a deed of its own, with an object.
    assert!(!negated(
        "The proxy doesn't cache responses; it does the routing.",
        "proxy"
    ));
    assert!(!negated(
        "The scheduler doesn't pick a node until the image is pulled; the kubelet does the pulling.",
        "scheduler"
    ));
    assert!(!negated(
        "The kernel doesn't check it, and neither does Docker.",
        "kernel"
    ));
    // A condition's subject is supposed, not denied.
    assert!(!negated(
        "If the cache does not hold the key, the database does.",
        "cache"
    ));
}

/// The same through the grader: a required doer named only as the one who does not do
/// it is not credited; the right answer of the same shape passes.
#[test]
fn a_required_doer_handed_the_deed_away_is_not_met() {
    let rubric = Rubric {
        concepts: vec![
            concept(&["kubelet"], 2.0, true),
            concept(&["liveness", "probe"], 1.0, false),
            concept(&["restart", "restarts", "restarting"], 1.0, false),
        ],
        forbidden: Vec::new(),
    };
    let b = bank(vec![question(
        "liveness",
        "Who acts on a failing liveness probe?",
        "The kubelet runs the liveness probe and restarts the container when it fails; the API server only records the events.",
        Some(rubric),
    )]);
    let g = grade(
        &b,
        "The kubelet doesn't act on a failing liveness probe; only the API server does, by restarting the pod.",
    );
    assert!(!g.passed, "{}", explain(&g));
    let g = grade(
        &b,
        "The API server doesn't act on a failing liveness probe; the kubelet does, by restarting the container.",
    );
    assert!(g.passed, "{}", explain(&g));
    let g = grade(
        &b,
        "The kubelet restarts the container when the liveness probe fails.",
    );
    assert!(g.passed, "{}", explain(&g));
}

/// Round 29: a negating pronoun that opens its clause as the subject ("nothing in the
/// scratch layer survives", "none of the build tools end up in the image") denies its
/// clause's verb however long the phrase that narrows it down (*of*, *in*, *from*, ...),
/// and past an aside or the items of a list in it; its object and what follows in the
/// clause are denied with it. An *and* that opens another clause still ends it, and so
/// does a clause of its own after the comma.
#[test]
fn a_subject_nothing_with_a_long_phrase_reaches_its_verb() {
    // Denied: the verb after a long subject phrase.
    let text = "Nothing in the old per-tenant scratch cache directory survives a reboot.";
    assert!(negated(text, "survives") && negated(text, "reboot"));
    let text =
        "None of the headers, cookies or query strings from the first request reach the backend.";
    assert!(negated(text, "reach") && negated(text, "backend"));
    let text =
        "Nothing inside the sandbox, however cleverly the plugin is written, can open a socket.";
    assert!(negated(text, "open") && negated(text, "socket"));
    let text = "None of the rows deleted by the old nightly cleanup job come back after a restore.";
    assert!(negated(text, "come") && negated(text, "restore"));
    let text =
        "The cache is cleared, and nothing in the old per-tenant scratch directory survives.";
    assert!(negated(text, "survives") && !negated(text, "cleared"));
    let text =
        "Nobody outside the ops team with a laptop on the guest network can reach the admin port.";
    assert!(negated(text, "reach") && negated(text, "port"));
    // Said plainly: a clause of its own after the comma, an *and* that opens a clause,
    // and a main clause after a subordinate one.
    let text = "Nothing in the temp directory is kept, the data volume is kept.";
    assert!(negated(text, "temp") && !negated(text, "data") && !negated(text, "volume"));
    let text =
        "None of the cached layers from the base stage are reused and the whole image is rebuilt.";
    assert!(negated(text, "reused") && !negated(text, "rebuilt"));
    let text = "When nothing in the source tree has changed the build reuses every cached layer.";
    assert!(!negated(text, "reuses") && !negated(text, "layer"));
    let text = "Nothing in the logs, so the service restarted and kept running fine.";
    assert!(!negated(text, "restarted") && !negated(text, "running"));
}

/// Round 29: a known mistake that a subject *nothing* or *none of* denies is not made:
/// "nothing in that thin writable layer survives docker rm" says the layer is deleted.
#[test]
fn a_misconception_under_a_long_subject_nothing_is_not_made() {
    let rubric = Rubric {
        concepts: vec![
            concept(&["deleted", "removed", "gone"], 1.0, true),
            concept(&["volume"], 1.0, false),
        ],
        forbidden: Vec::new(),
    };
    let mut q = question(
        "layer",
        "What happens to files a container writes into its own filesystem when it is removed?",
        "They live in the container's writable layer, which is deleted with the container; keep data in a volume.",
        Some(rubric),
    );
    q.misconceptions.push(Misconception {
        concept: relation(&[&["layer"], &["survives", "kept"]], false, 1.0, false),
        feedback: "The writable layer is deleted with the container.".to_owned(),
        cap: None,
    });
    let b = bank(vec![q]);
    let g = grade(
        &b,
        "Nothing in that thin per-container writable layer survives the removal: it is deleted, so use a volume.",
    );
    assert!(g.passed && g.misconceptions.is_empty(), "{}", explain(&g));
    let g = grade(
        &b,
        "The thin per-container writable layer survives the removal, so nothing is deleted and no volume is needed.",
    );
    assert!(!g.misconceptions.is_empty(), "{}", explain(&g));
}

/// Round 30 (w39-negff): "X doesn't make Y Z" denies that Y becomes Z, not Y: the
/// thing made so is said plainly, and what it is not made stays denied.
#[test]
fn a_denied_make_leaves_the_thing_it_is_not_made_into_plain() {
    for (text, thing, result) in [
        (
            "a bind mount does not make the files private",
            "files",
            "private",
        ),
        (
            "raising the limit doesn't make the query fast",
            "query",
            "fast",
        ),
        ("TLS never makes your cookie secret", "cookie", "secret"),
        (
            "a retry doesn't make writes idempotent",
            "writes",
            "idempotent",
        ),
        (
            "the lock does not make the increment atomic",
            "increment",
            "atomic",
        ),
    ] {
        assert!(!negated(text, thing), "{text}: {thing}");
        assert!(negated(text, result), "{text}: {result}");
    }
    // What is made (created) is denied: "make a new layer", "make folders in /root",
    // and a *make* with nothing after its object.
    for (text, word) in [
        ("the build does not make a new layer", "layer"),
        ("the build does not make a new layer", "new"),
        (
            "an ordinary user cannot make folders inside root",
            "folders",
        ),
        ("the daemon does not make the network", "network"),
        ("it doesn't make them match", "match"),
    ] {
        assert!(negated(text, word), "{text}: {word}");
    }
}

/// A denial inside a relative clause whose head a refusing verb takes ("rejects any
/// request whose token does not verify") says what is required: its terms are plain.
/// The same relative under a verb that takes it in, or a denial that is the clause's
/// own, stays denied.
#[test]
fn a_denied_relative_under_a_refusing_verb_is_plain() {
    for (text, word) in [
        (
            "the gateway rejects any request whose token does not verify",
            "verify",
        ),
        ("the registry refuses images that are not signed", "signed"),
        (
            "the firewall drops packets which don't match a rule",
            "match",
        ),
        ("CI blocks every commit whose tests do not pass", "pass"),
        (
            "the proxy denies clients who have not authenticated",
            "authenticated",
        ),
    ] {
        assert!(!negated(text, word), "{text}");
    }
    for (text, word) in [
        (
            "the gateway accepts any request whose token does not verify",
            "verify",
        ),
        (
            "the admission controller does not verify signatures",
            "verify",
        ),
        (
            "it rejects nothing, since it does not verify signatures",
            "verify",
        ),
        ("the registry stores images that are not signed", "signed"),
        (
            "the firewall never drops packets which match a rule",
            "drops",
        ),
    ] {
        assert!(negated(text, word), "{text}");
    }
}

/// Round 35 (w56-negff): a verb of remedy (*stop*, *prevent*, *block*, *protect*,
/// *mitigate*) denied with the problem for its object (a pronoun: "it", "this",
/// "that", "them") judges its subject as a fix, as "won't help"
/// does, alone or after *neither ... nor*; with a thing for its object ("does not block
/// port 443") or none ("does not stop when the shell exits") it is a claim about the
/// subject.
#[test]
fn a_remedy_denied_against_the_problem_denies_the_remedy() {
    let text = "A longer password does not stop it, because the hash is cracked offline.";
    assert!(negated(text, "password"));
    let text = "Neither a VPN nor HTTPS prevents it; the attack runs on the user's own machine.";
    assert!(negated(text, "vpn") && negated(text, "https"));
    assert!(negated(
        "Rate limiting won't block them: the requests come from thousands of addresses.",
        "limiting"
    ));
    assert!(negated(
        "Neither the firewall nor the antivirus stops this.",
        "firewall"
    ));
    assert!(negated(
        "Escaping the input cannot prevent that.",
        "escaping"
    ));
    assert!(!negated(
        "The container does not stop when the shell exits.",
        "container"
    ));
    assert!(!negated(
        "The firewall does not block port 443, so the request gets through.",
        "firewall"
    ));
    assert!(!negated(
        "The scheduler never stops the job; it only pauses it.",
        "scheduler"
    ));
    assert!(!negated(
        "Docker does not prevent the process from writing to the volume.",
        "docker"
    ));
    assert!(!negated(
        "Neither the parent nor init stops the child process.",
        "parent"
    ));
}

/// Round 35 (w57-ffneg): "X stops Y from doing A" says Y does not do A, as "Y cannot do
/// A" says it: a term the model answer states only negated is met by a verb of
/// prevention (*stop*, *prevent*, *keep*, *block* ... *from*), and by the pseudo-cleft
/// "doing A is what X stops Y from doing"; a denied verb of prevention ("does not stop
/// Y from doing A", "nothing stops Y from doing A") says Y may, and meets it no more
/// than a plain "X lets Y do A".
#[test]
fn a_deed_a_verb_of_prevention_holds_off_is_denied() {
    let lock = any_bank(
        "What does SELECT ... FOR UPDATE do for a read-modify-write?",
        "It locks the row it reads, so a second transaction cannot update the row until \
         the first one commits.",
        &[&["update"]],
    );
    let rootfs = any_bank(
        "Why run a container with a read-only root filesystem?",
        "An attacker who gets code execution cannot write new binaries to the root \
         filesystem.",
        &[&["write"]],
    );
    let met = [
        (
            &lock,
            "The lock stops a second transaction from updating the row until the first commits.",
        ),
        (
            &lock,
            "FOR UPDATE prevents other transactions from updating the row before the commit.",
        ),
        (
            &lock,
            "The row lock keeps a second writer from updating it until the first one commits.",
        ),
        (
            &lock,
            "Updating the row is what the lock stops a second transaction from doing.",
        ),
        (
            &rootfs,
            "A read-only root stops an attacker from writing new binaries to disk.",
        ),
        (
            &rootfs,
            "A read-only root blocks a compromised process from ever writing binaries.",
        ),
    ];
    let unmet = [
        (
            &lock,
            "The lock lets a second transaction update the row at once.",
        ),
        (
            &lock,
            "The lock does not stop a second transaction from updating the row.",
        ),
        (
            &lock,
            "Nothing stops a second transaction from updating the row before the commit.",
        ),
        (
            &lock,
            "The lock stops the first transaction from waiting, and a second one updates the row.",
        ),
        (
            &rootfs,
            "A read-only root doesn't prevent an attacker from writing new binaries.",
        ),
        (
            &rootfs,
            "A read-only root stops the attacker from reading secrets, but they can still write binaries.",
        ),
    ];
    for (b, answer) in met {
        let g = grade(b, answer);
        assert!(g.concepts[0].matched.is_some(), "{answer}: {}", explain(&g));
    }
    for (b, answer) in unmet {
        let g = grade(b, answer);
        assert!(g.concepts[0].matched.is_none(), "{answer}: {}", explain(&g));
    }
}

/// Round 36 (w60-misneg): three questions (a drained connection pool, a Python mutable
/// default, a LIKE with a leading wildcard), each with a misconception.
fn dismissal_bank() -> crate::bank::Bank {
    let source = include_str!("dismissals.toml");
    let (bank, diagnostics) = crate::bank::load_str(std::path::Path::new("d.toml"), source);
    bank.unwrap_or_else(|| panic!("{diagnostics:?}"))
}

/// Round 36 (w60-misneg): a misconception named only to be dismissed, in shapes other
/// than a plain *not*, is not made: "X fixes nothing", "but that's the wrong fix",
/// "X only hides the problem", "X is a band-aid / a waste of time / misses the point /
/// only treats the symptom", "X makes no difference", "the belief that X is mistaken", "you might suspect X, but", "the first instinct is to X,
/// but", "resist the urge to X". A real claim, hedged ("X, I think") or endorsed
/// ("people think X, and they are right"), and a dismissal of something else, still
/// make it.
#[test]
fn a_misconception_dismissed_in_other_words_is_not_made() {
    let b = dismissal_bank();
    let pool = "the pool is exhausted because responses are never closed; close each response in a finally block.";
    let default = "the default list is evaluated once, when def runs, and that same list is shared by all later calls; use None.";
    let like = "the leading wildcard leaves no prefix to seek on, so it scans every row; use a trigram index.";
    let right = [
        (0, format!("Raising the timeout fixes nothing: {pool}")),
        (0, format!("A longer timeout solves nothing here, {pool}")),
        (
            0,
            format!("You could raise the timeout, but that's the wrong fix: {pool}"),
        ),
        (
            0,
            format!("You could raise the timeout, but that only hides it: {pool}"),
        ),
        (
            0,
            format!("A longer timeout merely delays the failure; {pool}"),
        ),
        (0, format!("Raising the timeout is a band-aid, {pool}")),
        (
            0,
            format!("Raising the timeout only treats the symptom; {pool}"),
        ),
        (0, format!("Raising the timeout misses the point: {pool}")),
        (0, format!("A longer timeout makes no difference: {pool}")),
        (
            0,
            format!("Raising the timeout doesn't make a difference: {pool}"),
        ),
        (
            0,
            format!("Some would raise the timeout, but that misses the point: {pool}"),
        ),
        (
            0,
            format!("The first instinct is to raise the timeout, but {pool}"),
        ),
        (0, format!("Resist the urge to raise the timeout: {pool}")),
        (
            1,
            format!("The belief that the list is rebuilt per call is mistaken: {default}"),
        ),
        (
            1,
            format!(
                "Calling it again fixes nothing, the default isn't recreated each call: {default}"
            ),
        ),
        (2, format!("You might suspect a corrupt index, but {like}")),
        (
            2,
            format!("Rebuilding the index is a waste of time: {like}"),
        ),
        (2, format!("Rebuilding the index is no use, {like}")),
        (
            2,
            format!("You could rebuild the index, but that's wrong: {like}"),
        ),
        (
            2,
            format!("Rebuilding the index only hides the problem for a day; {like}"),
        ),
        (
            2,
            format!("The first thought is a broken index, but {like}"),
        ),
    ];
    let wrong = [
        (
            0,
            format!("Raising the timeout fixes it, I think; also {pool}"),
        ),
        (
            0,
            format!("People think the timeout should be raised, and they are right: {pool}"),
        ),
        (
            0,
            format!("A longer timeout only delays slow requests a little and fixes it; {pool}"),
        ),
        (
            0,
            format!("The first instinct is to raise the timeout, and that is right: {pool}"),
        ),
        (
            0,
            format!("I suspect the timeout is too short, so raise it; {pool}"),
        ),
        (
            0,
            format!("Raising the timeout is tedious but necessary: {pool}"),
        ),
        (
            0,
            format!("Raising the timeout makes all the difference: {pool}"),
        ),
        (
            1,
            format!("The default is rebuilt on every call, I think, and {default}"),
        ),
        (
            1,
            format!(
                "People think the default is evaluated each time, and that is right: {default}"
            ),
        ),
        (
            2,
            format!("I suspect the index is corrupt; rebuild it, and {like}"),
        ),
        (
            2,
            format!("Rebuilding the index makes a big difference: {like}"),
        ),
        (
            2,
            format!("Rebuilding the index is slow but necessary: {like}"),
        ),
        (
            2,
            format!("People often think the index is corrupt, and they are right, {like}"),
        ),
    ];
    let failed = misjudged(&b, &right, &wrong);
    assert!(failed.is_empty(), "{}", failed.join("\n"));
}

/// Round 36 (w61-fp): a mistake named with a gerund after "a common mistake is" ("a
/// common mistake is raising the timeout", "the usual error is assuming ...") is named to
/// be rejected, as "a common mistake is to raise it" is. A fix named so ("the usual fix
/// is rebuilding the index"), and a mistake made in a later clause, are still made.
#[test]
fn a_mistake_named_with_a_gerund_is_not_made() {
    let b = dismissal_bank();
    let pool = "the pool is exhausted because responses are never closed; close each response in a finally block.";
    let default = "the default list is evaluated once, when def runs, and that same list is shared by all later calls; use None.";
    let like = "the leading wildcard leaves no prefix to seek on, so it scans every row; use a trigram index.";
    let right = [
        (
            0,
            format!("A common mistake is raising the timeout; {pool}"),
        ),
        (
            0,
            format!("The usual error is assuming a longer timeout will help: {pool}"),
        ),
        (
            1,
            format!(
                "A classic mistake is thinking the default is rebuilt on every call: {default}"
            ),
        ),
        (
            1,
            format!("A common pitfall is believing the list is recreated each time; {default}"),
        ),
        (
            2,
            format!("The typical mistake is rebuilding the index, {like}"),
        ),
        (
            2,
            format!("A frequent error is assuming the index is corrupt: {like}"),
        ),
    ];
    let wrong = [
        (0, format!("The usual fix is raising the timeout; {pool}")),
        (2, format!("The usual fix is rebuilding the index; {like}")),
        (
            2,
            format!(
                "A common mistake is skipping the rebuild: rebuild the index after bulk loads, {like}"
            ),
        ),
        (
            0,
            format!(
                "A common mistake is forgetting to close responses, so raise the timeout as well; {pool}"
            ),
        ),
        (
            1,
            format!(
                "My mistake was assuming nothing, the default is recreated each call; {default}"
            ),
        ),
    ];
    let failed = misjudged(&b, &right, &wrong);
    assert!(failed.is_empty(), "{}", failed.join("\n"));
}

/// The answers of the dismissal bank graded against their marks: each right one (by
/// question index) must pass and make no misconception, each wrong one must fail with
/// one. Returns the breakdowns of those that do not.
fn misjudged(
    b: &crate::bank::Bank,
    right: &[(usize, String)],
    wrong: &[(usize, String)],
) -> Vec<String> {
    let mut failed = Vec::new();
    for (q, answer, right) in right
        .iter()
        .map(|(q, a)| (q, a, true))
        .chain(wrong.iter().map(|(q, a)| (q, a, false)))
    {
        let question = &b.questions[*q];
        let g = super::super::Grader::new(std::slice::from_ref(b)).grade(b, question, answer);
        if g.passed != right || g.misconceptions.is_empty() != right {
            failed.push(format!("{answer}: {}", explain(&g)));
        }
    }
    failed
}

/// Round 36 (w61-ffneg): a sentence that opens with *without* and a phrase set off
/// before its main clause says what happens in the thing's absence ("Without the mutex,
/// two threads can update the counter at once"). A term it states plainly makes no
/// claim against a keyword that asks for the term denied (`not update`, of the thing
/// present), the model answer's own way of explaining why the thing is needed; the
/// same term stated plainly of the thing present still contradicts it.
#[test]
fn a_term_stated_in_a_things_absence_is_no_claim_against_its_denial() {
    let cache = any_bank(
        "What does Cache-Control: no-store tell a shared proxy?",
        "It tells the browser and every proxy not to cache the response at all.",
        &[&["not cache", "not cached"], &["proxy", "proxies"]],
    );
    let mutex = any_bank(
        "Why does the worker pool hold a mutex around counter += 1?",
        "The mutex makes sure two threads do not update the counter at the same time, \
         so no increment is lost.",
        &[&["not update"], &["increment"]],
    );
    let rootfs = any_bank(
        "Why run a container with a read-only root filesystem?",
        "An attacker who gets code execution cannot write new binaries to the root \
         filesystem.",
        &[&["not write"], &["binaries"]],
    );
    let right = [
        (
            &cache,
            "Without no-store, a shared proxy may cache the page with the user's account data \
             and hand it to the next visitor.",
        ),
        (
            &mutex,
            "Without the mutex, two threads can update the counter at once and an increment \
             is lost.",
        ),
        (
            &rootfs,
            "Without a read-only root, an attacker who gets in can write new binaries to disk \
             and run them.",
        ),
    ];
    let wrong = [
        (
            &cache,
            "With no-store a shared proxy may still cache the page, only for a shorter time.",
        ),
        (
            &mutex,
            "Even with the mutex, two threads update the counter at once, so an increment is lost.",
        ),
        (
            &rootfs,
            "A read-only root still lets an attacker write new binaries to the root filesystem.",
        ),
    ];
    let mut off = Vec::new();
    for (b, answer) in right {
        let g = grade(b, answer);
        if !g.contradictions.is_empty() || g.concepts[0].denied {
            off.push(format!("right {answer}: {}", explain(&g)));
        }
    }
    for (b, answer) in wrong {
        let g = grade(b, answer);
        if g.contradictions.is_empty() {
            off.push(format!("wrong {answer}: {}", explain(&g)));
        }
    }
    assert!(off.is_empty(), "{}", off.join("\n"));
}

/// A bank of three questions whose first concept is a remedy the model answer states
/// plainly (a salt, a unique constraint, a lock) and whose second is the problem.
fn remedy_banks() -> [crate::bank::Bank; 3] {
    let one = |id: &str, prompt: &str, model: &str, remedy: &[&str], problem: &[&str]| {
        let rubric = Rubric {
            concepts: vec![concept(remedy, 1.0, true), concept(problem, 1.0, true)],
            forbidden: Vec::new(),
        };
        bank(vec![question(id, prompt, model, Some(rubric))])
    };
    [
        one(
            "pw",
            "Why is plain SHA-256 a bad way to store passwords?",
            "SHA-256 is fast, so stolen hashes can be guessed by the billion on GPUs. Use a slow \
             password hash such as bcrypt that salts every hash, so rainbow tables are useless.",
            &["salt", "salted", "salts"],
            &["rainbow tables", "guessed", "brute force"],
        ),
        one(
            "up",
            "Two requests insert the same email at once after both checked that no row exists. \
             How do you stop duplicates?",
            "Both checks run before either insert, a race. Add a unique constraint on email and \
             handle the conflict with ON CONFLICT.",
            &["unique constraint", "unique index"],
            &["race", "both check"],
        ),
        one(
            "ctr",
            "Two threads increment a shared counter and updates get lost. Why, and what fixes it?",
            "counter++ is a load, an add and a store, so two threads interleave and one update is \
             lost. Guard it with a mutex or a lock.",
            &["mutex", "lock"],
            &["interleave", "race", "lost update", "lose updates"],
        ),
    ]
}

#[test]
fn a_thing_named_in_its_absence_is_named_as_needed() {
    let [pw, up, ctr] = remedy_banks();
    for (b, answer) in [
        (
            &pw,
            "Without a salt, identical passwords get identical hashes and rainbow tables crack them.",
        ),
        (
            &pw,
            "A plain hash without a salt falls to rainbow tables in hours.",
        ),
        (
            &pw,
            "With no salt, rainbow tables crack the hashes in hours.",
        ),
        (
            &pw,
            "No salt means rainbow tables crack the hashes in hours.",
        ),
        (
            &up,
            "It is a race: both check first. Without a unique constraint, both inserts succeed.",
        ),
        (
            &up,
            "It is a race: both check first. A table without a unique constraint takes both rows.",
        ),
        (
            &ctr,
            "Without a lock, two threads interleave the load and store and lose updates.",
        ),
        (
            &ctr,
            "A counter without a mutex loses updates when two threads interleave.",
        ),
        (
            &ctr,
            "Updates get lost, and without a mutex, two threads interleave the load and store.",
        ),
    ] {
        let g = grade(b, answer);
        assert!(g.passed, "{answer}\n{}", explain(&g));
    }
    // The thing denied, dismissed or said needless: still no mention of it.
    for (b, answer) in [
        (
            &pw,
            "Without a salt the hashes are still safe from rainbow tables.",
        ),
        (
            &pw,
            "Rainbow tables are the risk, and bcrypt needs no salt.",
        ),
        (
            &pw,
            "Use bcrypt with no salt: rainbow tables are no threat to it.",
        ),
        (
            &up,
            "It is a race: both check first. A unique constraint won't help, lock the table.",
        ),
        (
            &up,
            "It is a race: both check first. You need no unique constraint, just a transaction.",
        ),
        (
            &ctr,
            "Two threads interleave and lose updates; a mutex doesn't fix it.",
        ),
        (
            &ctr,
            "The service runs without a lock, and two threads interleave.",
        ),
        (
            &ctr,
            "Without a lock it makes no difference: two threads interleave anyway.",
        ),
        (
            &up,
            "It is a race, checked by both requests, without any unique constraint at all.",
        ),
    ] {
        let g = grade(b, answer);
        assert!(!g.passed, "{answer}\n{}", explain(&g));
    }
}

/// Round 38 (w64-negscope): a denying predicate after an *and* that opens a clause of
/// its own (a subject with its determiner after it, a verb and its object before it)
/// takes back only that clause; an *and* between two subjects still joins them.
#[test]
fn a_denial_after_an_and_takes_back_only_its_own_clause() {
    let text = "the b-tree lets the database seek to the row and the full scan never happens";
    assert!(!negated(text, "seek") && !negated(text, "row"));
    assert!(negated(text, "scan"));
    let text = "the edge server returns the cached copy and the round trip never happens";
    assert!(!negated(text, "cached") && negated(text, "trip"));
    let text = "backups and the snapshots aren't needed";
    assert!(negated(text, "backups") && negated(text, "snapshots"));
    let text = "the cache of the primary and the index are not needed";
    assert!(negated(text, "cache") && negated(text, "index"));
}

/// Round 38 (w64-negscope): "X makes Y useless" denies Y, not X; "X is useless" and "X
/// becomes useless" deny X.
#[test]
fn a_causing_verb_hands_the_denying_adjective_its_object() {
    let text = "a unique salt per user makes rainbow tables useless";
    assert!(!negated(text, "salt") && !negated(text, "unique"));
    assert!(negated(text, "rainbow"));
    let text = "hsts renders ssl stripping ineffective";
    assert!(!negated(text, "hsts") && negated(text, "stripping"));
    let text = "a salt is useless against rainbow tables";
    assert!(negated(text, "salt"));
    let text = "rainbow tables become useless";
    assert!(negated(text, "rainbow"));
}

/// A bank of the question `prompt` with `model`, two required `any` concepts.
fn two_required(prompt: &str, model: &str, a: &[&str], b: &[&str]) -> crate::bank::Bank {
    bank(vec![question(
        "q",
        prompt,
        model,
        Some(Rubric {
            concepts: vec![concept(a, 1.0, true), concept(b, 1.0, true)],
            forbidden: Vec::new(),
        }),
    )])
}

/// Round 38 (w64-negscope): fresh answers in three domains to a model answer that makes
/// a thing useless (pointless, unnecessary, ineffective): the thing defeated is met by an
/// answer that defeats it, prevents it, says it stops working or can't be used, and the
/// one that does the defeating by a plain mention; the reverse claims fail.
#[test]
fn a_thing_made_useless_is_met_by_one_defeated() {
    let salt = two_required(
        "Why do password hashes need a salt?",
        "A unique salt per user makes precomputed rainbow tables useless, because the same \
         password hashes to a different value for each user.",
        &["rainbow table", "precomputed table"],
        &["salt"],
    );
    for right in [
        "A salt per user defeats rainbow tables, since every user's hash differs.",
        "With a unique salt per user, the attacker's rainbow tables stop working.",
        "A unique salt for every user makes rainbow tables useless.",
    ] {
        let g = grade(&salt, right);
        assert!(g.passed, "{right}\n{}", explain(&g));
    }
    // The breakdown quotes the words in the answer's order, the verb after its term too.
    let g = grade(
        &salt,
        "With a unique salt per user, rainbow tables stop working.",
    );
    assert_eq!(
        g.concepts[0].matched,
        Some(vec![
            "rainbow".to_owned(),
            "tables".to_owned(),
            "stop".to_owned()
        ]),
        "{}",
        explain(&g)
    );
    for wrong in [
        "Salts make rainbow tables more effective.",
        "A salt is useless against rainbow tables.",
        "Salts let the attacker use rainbow tables faster.",
    ] {
        let g = grade(&salt, wrong);
        assert!(!g.passed, "{wrong}\n{}", explain(&g));
    }
    let pool = two_required(
        "What does a connection pool save?",
        "A connection pool makes a new TCP handshake for each request unnecessary, because \
         requests reuse open connections.",
        &["connection pool", "pool"],
        &["handshake"],
    );
    for right in [
        "The connection pool reuses open connections, so no new handshake is needed per request.",
        "A pool makes a fresh handshake per request unnecessary.",
    ] {
        let g = grade(&pool, right);
        assert!(g.passed, "{right}\n{}", explain(&g));
    }
    for wrong in [
        "The connection pool does a new handshake for every request.",
        "A pool is unnecessary because every request does its own handshake.",
    ] {
        let g = grade(&pool, wrong);
        assert!(!g.passed, "{wrong}\n{}", explain(&g));
    }
    let hsts = two_required(
        "How does HSTS protect a site?",
        "HSTS renders SSL stripping ineffective, because the browser goes to HTTPS before any \
         request leaves.",
        &["hsts"],
        &["ssl stripping", "downgrade"],
    );
    for right in [
        "HSTS defeats SSL stripping because the browser always uses HTTPS.",
        "With HSTS, SSL stripping no longer happens since the browser goes straight to \
         HTTPS.",
    ] {
        let g = grade(&hsts, right);
        assert!(g.passed, "{right}\n{}", explain(&g));
    }
    for wrong in [
        "HSTS makes SSL stripping easier for the attacker.",
        "HSTS is ineffective against SSL stripping.",
    ] {
        let g = grade(&hsts, wrong);
        assert!(!g.passed, "{wrong}\n{}", explain(&g));
    }
}

/// A fresh case: prompt, model answer, two required concepts, right and wrong answers.
type Case = (
    &'static str,
    &'static str,
    &'static [&'static str],
    &'static [&'static str],
    &'static [&'static str],
    &'static [&'static str],
);

/// Round 38 (w64-negscope): fresh answers in three domains whose second clause, joined
/// by *and* with no comma, denies a thing: the first clause is said plainly; the same
/// answers with the thing still happening, or the first clause denied, fail.
#[test]
fn a_second_clause_denial_leaves_the_first_plain() {
    let cases: [Case; 3] = [
        (
            "Why is a lookup by primary key fast?",
            "The B-tree index lets the database seek straight to the row, so no full table \
             scan is needed.",
            &["seek", "jump"],
            &["full scan", "table scan"],
            &[
                "The B-tree lets the database seek to the row and the full scan never happens.",
                "The B-tree lets the database seek to the row and the full scan is never needed.",
            ],
            &[
                "The B-tree lets the database seek to the row and the full scan still happens.",
                "The database cannot seek with the B-tree and a full scan happens.",
            ],
        ),
        (
            "Why is a CDN cache hit fast?",
            "The edge server answers from its cached copy, so no round trip to the origin is \
             made.",
            &["cached copy", "cache"],
            &["round trip"],
            &[
                "The edge server returns the cached copy and the round trip to the origin never \
               happens.",
            ],
            &[
                "The edge server returns the cached copy and the round trip to the origin still \
                 happens.",
                "The edge server never has a cached copy and the round trip to the origin happens.",
            ],
        ),
        (
            "Why does the row lock stop the lost update?",
            "The row lock makes the second writer wait for the first commit, so no lost update \
             occurs.",
            &["wait", "blocks"],
            &["lost update"],
            &["The lock makes the second writer wait and the lost update never occurs."],
            &[
                "The lock makes the second writer wait and the lost update still occurs.",
                "The second writer doesn't wait and the lost update occurs.",
            ],
        ),
    ];
    for (prompt, model, a, b, rights, wrongs) in cases {
        let bank = two_required(prompt, model, a, b);
        for right in rights {
            let g = grade(&bank, right);
            assert!(g.passed, "{right}\n{}", explain(&g));
        }
        for wrong in wrongs {
            let g = grade(&bank, wrong);
            assert!(!g.passed, "{wrong}\n{}", explain(&g));
        }
    }
}

/// Round 40 (w68-mneg2): three questions (git revert, a failing liveness probe, SQL
/// NULL), each with a misconception, graded as "X does not mean S" denies them.
fn meanings_bank() -> crate::bank::Bank {
    let source = include_str!("meanings.toml");
    let (bank, diagnostics) = crate::bank::load_str(std::path::Path::new("m.toml"), source);
    bank.unwrap_or_else(|| panic!("{diagnostics:?}"))
}

/// Round 40 (w68-mneg2): "X does not mean S" denies S whole when S names a thing or a
/// deed with no subject of its own ("NULL does not mean zero", "revert doesn't mean
/// 'delete the commit'"), and a *not* inside S is denied with it ("doesn't mean the
/// commit is not kept" says it is kept). The misconception S makes of X is not made. A
/// misconception stated beside an unrelated "does not mean", after "not only", or
/// endorsed as a quote, and one that S says of X under "does not mean" with a subject
/// of its own, are still made (fresh sentences, written and graded on main's build
/// before the rule: the four of the first kind failed there).
#[test]
fn a_misconception_denied_as_what_x_means_is_not_made() {
    let b = meanings_bank();
    let (revert, liveness, null) = (0, 1, 2);
    let right = [
        (
            revert,
            "git revert does not mean 'delete the commit': it adds a new commit that undoes its changes, and the original stays in history.",
        ),
        (
            revert,
            "Revert doesn't mean the commit is not kept: it stays in the history, and a new commit undoes its changes.",
        ),
        (
            liveness,
            "A failing liveness probe doesn't mean 'reschedule the pod': the kubelet restarts the container on its node.",
        ),
        (
            liveness,
            "A failing liveness probe does not mean the pod is deleted: the kubelet restarts the container in place.",
        ),
        (
            null,
            "NULL does not mean zero or an empty string: it means unknown, so col = NULL is unknown and no row passes. Use IS NULL.",
        ),
        (
            null,
            "NULL doesn't mean 'zero': the comparison gives unknown. Use IS NULL.",
        ),
    ];
    let wrong = [
        (
            revert,
            "git revert deletes the commit; it does not mean a new commit undoes anything.",
        ),
        (
            revert,
            "git revert means the old commit is not kept in the history; a new commit undoes it.",
        ),
        (
            liveness,
            "'Reschedule the pod' is exactly what it means: the pod is deleted and the kubelet restarts the container elsewhere.",
        ),
        (
            liveness,
            "A failing liveness probe does not mean the container restarts: the pod is rescheduled to another node by the kubelet.",
        ),
        (
            null,
            "NULL is zero; it does not mean unknown, so the comparison is unknown anyway. Use IS NULL.",
        ),
        (
            null,
            "Not only does NULL mean zero, the comparison is also unknown; use IS NULL.",
        ),
        (
            null,
            "NULL doesn't mean anything special: NULL is zero, so the comparison is unknown; use IS NULL.",
        ),
    ];
    let owned = |set: &[(usize, &str)]| -> Vec<(usize, String)> {
        set.iter().map(|&(q, a)| (q, a.to_owned())).collect()
    };
    let failed = misjudged(&b, &owned(&right), &owned(&wrong));
    assert!(failed.is_empty(), "{}", failed.join("\n"));
}

/// Round 40 (w68-mneg2): a misconception of identity denied by telling its terms apart
/// ("NULL is different from zero", "NULL and zero are not the same thing", "people
/// confuse NULL with zero", "the difference between NULL and zero"), or by judging the
/// saying of it ("it's wrong to say X", "it is incorrect to say X", "thinking X is a
/// classic error"), is not made. Told apart the other way ("is not different from", "are
/// the same thing"), with the word of difference on something else ("a different commit
/// from the original"), or with the judgement on another claim, it still is (fresh
/// sentences, graded on main's build first: the right ones failed there).
#[test]
fn a_misconception_told_apart_or_judged_as_a_saying_is_not_made() {
    let b = meanings_bank();
    let (revert, liveness, null) = (0, 1, 2);
    let right = [
        (
            null,
            "NULL is different from zero: it means unknown, so the comparison is unknown. Use IS NULL.",
        ),
        (
            null,
            "NULL and zero are not the same thing; comparing with NULL gives unknown, so use IS NULL.",
        ),
        (
            null,
            "People often confuse NULL with zero, but a comparison with NULL is unknown; use IS NULL.",
        ),
        (
            null,
            "There is a difference between NULL and zero: comparing with NULL is unknown. Use IS NULL.",
        ),
        (
            null,
            "It is incorrect to say NULL is zero; the comparison gives unknown. Use IS NULL.",
        ),
        (
            null,
            "Thinking NULL is zero is a classic error; comparisons with it are unknown, use IS NULL.",
        ),
        (
            revert,
            "It's wrong to say revert deletes the commit. It adds a new commit that undoes it; history stays.",
        ),
    ];
    let wrong = [
        (
            null,
            "NULL is not different from zero: it is zero, the comparison is unknown; use IS NULL.",
        ),
        (
            null,
            "NULL and zero are the same thing; the comparison is unknown, use IS NULL.",
        ),
        (
            null,
            "It's wrong to say NULL is unknown: NULL is zero, so use IS NULL.",
        ),
        (
            revert,
            "git revert makes a different commit from the original and deletes the original; a new commit undoes it.",
        ),
        (
            revert,
            "Revert is a mistake for pushed commits: revert deletes them, and a new commit undoes it.",
        ),
        (
            liveness,
            "A pod is different from a container: the pod is deleted and rescheduled while the container restarts.",
        ),
    ];
    let owned = |set: &[(usize, &str)]| -> Vec<(usize, String)> {
        set.iter().map(|&(q, a)| (q, a.to_owned())).collect()
    };
    let failed = misjudged(&b, &owned(&right), &owned(&wrong));
    assert!(failed.is_empty(), "{}", failed.join("\n"));
}

/// Round 41 (w71-neg): three questions (a removed container's writable layer, an
/// exhausted generator, a deleted pod's emptyDir), each with a misconception that names
/// a remedy.
fn remedies_bank() -> crate::bank::Bank {
    let source = include_str!("remedies.toml");
    let (bank, diagnostics) = crate::bank::load_str(std::path::Path::new("r.toml"), source);
    bank.unwrap_or_else(|| panic!("{diagnostics:?}"))
}

/// Round 41 (w71-neg): a remedy denied as restoring what the problem lost, "restarting
/// the container won't bring it back", "rewinding the file doesn't revive it", "a
/// rollout restart can't restore it", judges the remedy as futile, as "won't help"
/// does: the misconception that names it is not made. The remedy said to restore
/// ("brings it back", "restores them"), with an unrelated negation beside it, after
/// "not only", or "doesn't lose them, it brings them back", is still made (fresh
/// sentences, graded on main's build first: the seven right ones failed there).
#[test]
fn a_remedy_denied_as_restoring_what_was_lost_is_judged_futile() {
    let b = remedies_bank();
    let (layer, generator, emptydir) = (0, 1, 2);
    let right = [
        (
            layer,
            "Restarting the container won't bring it back: the data was in its writable layer, which docker rm deleted. Mount a volume at /data.",
        ),
        (
            layer,
            "docker start on the container can't recover it; the writable layer was removed with the container, so use a named volume.",
        ),
        (
            layer,
            "Restarting the container doesn't restore them: its writable layer is gone with it. Use a volume next time.",
        ),
        (
            generator,
            "Calling seek(0) on the file won't bring it back: the generator is exhausted after the first sum. Build a list once.",
        ),
        (
            generator,
            "Rewinding the file doesn't revive it; the generator was consumed by the first sum, so make a list.",
        ),
        (
            emptydir,
            "Restarting the pod won't bring them back: deleting the pod deleted the emptyDir with it. Use a PersistentVolumeClaim.",
        ),
        (
            emptydir,
            "A rollout restart of the deployment can't restore it; the emptyDir was removed with the old pod. Keep the files on a PVC.",
        ),
    ];
    let wrong = [
        (
            layer,
            "Restarting the container brings it back, because the writable layer is kept on disk and not deleted; a volume is not needed.",
        ),
        (
            layer,
            "Restarting the container restores the data from the writable layer, which is not removed by docker rm. Volumes are optional.",
        ),
        (
            layer,
            "Restarting the container not only brings it back but keeps the writable layer; the layer was removed, use a volume.",
        ),
        (
            generator,
            "Seek the file back to 0 and it brings the generator back; it is not exhausted, so no list is needed.",
        ),
        (
            generator,
            "Rewinding the file restores it, so the generator was never exhausted; use a list anyway.",
        ),
        (
            emptydir,
            "Restarting the pod restores them, since the emptyDir is not deleted with the pod; a PVC is not needed.",
        ),
        (
            emptydir,
            "Restarting the pod doesn't lose them, it brings them back from the node; the emptyDir was deleted but a PVC is not needed.",
        ),
    ];
    let owned = |set: &[(usize, &str)]| -> Vec<(usize, String)> {
        set.iter().map(|&(q, a)| (q, a.to_owned())).collect()
    };
    let failed = misjudged(&b, &owned(&right), &owned(&wrong));
    assert!(failed.is_empty(), "{}", failed.join("\n"));
}

/// A bank of fresh questions from a TOML source of this directory.
fn fresh_bank(source: &str) -> crate::bank::Bank {
    let (bank, diagnostics) = crate::bank::load_str(std::path::Path::new("f.toml"), source);
    bank.unwrap_or_else(|| panic!("{diagnostics:?}"))
}

/// Round 42 (w73-neg): a verdict that is a sentence of its own rejects the sentence
/// before, as a bare "No." does: "X. Not true:", "X. Wrong:", "X. Incorrect:", "X.
/// False.", "X. That is not true;", "X. This isn't correct:". Three questions (git fetch, a PostgreSQL replica's
/// locks, HTTPS and the hostname), each with a misconception stated and then judged;
/// the six right answers failed on main's build. A verdict on what follows ("Not true
/// that ..."), one that rejects a right sentence before the misconception ("Wrong: it
/// also changes the files"), "Not only that", "Not so simple:", "That's not a problem",
/// "That is right", "True, ..." reject nothing: the misconception is made.
#[test]
fn a_verdict_sentence_rejects_the_sentence_before() {
    let b = fresh_bank(include_str!("verdicts.toml"));
    let (fetch, replica, https) = (0, 1, 2);
    let right = [
        (
            fetch,
            "git fetch rewrites the files in the working tree. Not true: it only moves the remote-tracking branches, and git pull adds the merge.",
        ),
        (
            fetch,
            "git fetch changes the files in the working tree. Incorrect: it updates only the remote-tracking branches, and git pull does the merge.",
        ),
        (
            replica,
            "A long query on the replica blocks writes on the primary. Wrong: the replica replays WAL on its own, and at most replay is delayed there.",
        ),
        (
            replica,
            "So a long report stalls the writes on the primary. That is not true; the replica replays the WAL by itself, though vacuum can be held back.",
        ),
        (
            https,
            "HTTPS hides the domain name from the ISP. False. The hostname goes out in clear in the SNI field and in the DNS query.",
        ),
        (
            https,
            "HTTPS hides the site name from your ISP. This isn't correct: the SNI and the DNS lookup show it, unless ECH is on.",
        ),
        // A *that* / *this* read as carrying the subject of the sentence before joins
        // the two sentences; the verdict is still all of its clause.
        (
            fetch,
            "git fetch changes the files in the working tree. That's false: it only updates the remote-tracking branches, and git pull does the merge.",
        ),
        (
            replica,
            "A long report stalls the writes on the primary. That is not true; the replica replays the WAL by itself.",
        ),
        (
            https,
            "HTTPS hides the hostname from the ISP. That's wrong. The SNI field and the DNS query show it.",
        ),
    ];
    let wrong = [
        (
            fetch,
            "git fetch rewrites the files in the working tree. That's not a problem, since git pull isn't needed after it and the remote-tracking branches move too.",
        ),
        (
            fetch,
            "git fetch updates only the remote-tracking branches. Wrong: it also changes the files in the working tree, so git pull is the same.",
        ),
        (
            fetch,
            "Not true that fetch leaves them alone: git fetch changes the files in the working tree and the remote-tracking branches.",
        ),
        (
            replica,
            "A long query on the replica blocks writes on the primary. True, the replica replays WAL, but in lockstep with the primary.",
        ),
        (
            replica,
            "The replica replays WAL on its own. Not so simple: a long query there stalls the writes on the primary.",
        ),
        (
            https,
            "HTTPS hides the domain name from the ISP. Not only that, it hides the DNS lookup too, so SNI leaks nothing.",
        ),
        (
            https,
            "HTTPS hides the domain name from the ISP. That is right, the SNI is encrypted as well.",
        ),
        (
            fetch,
            "git fetch updates the remote-tracking branches, that is not true of git pull: fetch changes the files in the working tree.",
        ),
        (
            replica,
            "The replica replays WAL on its own. That is wrong. A long query there stalls the writes on the primary.",
        ),
        (
            https,
            "The SNI shows the hostname, people say. Wrong, HTTPS hides the domain name from the ISP.",
        ),
    ];
    let owned = |set: &[(usize, &str)]| -> Vec<(usize, String)> {
        set.iter().map(|&(q, a)| (q, a.to_owned())).collect()
    };
    let failed = misjudged(&b, &owned(&right), &owned(&wrong));
    assert!(failed.is_empty(), "{}", failed.join("\n"));
}

/// Round 42 (w73-neg): a denial reaches through the phrase its *any* (*anything*)
/// opens, so a required term far inside it is denied: "doesn't give the pod any real
/// path to root on the node", "doesn't set any different or stripped-down value of the
/// PATH", "never relies on anything installed on the laptops such as a root
/// certificate". Three questions (a containerd socket, cron's PATH, a TLS-inspecting
/// proxy); the five wrong answers passed on main's build. Right answers with an *any*
/// outside a denial, a denial ended by *and* or a new clause before the term, or an
/// *any* bounded ("anything less than root on the node"), pass.
#[test]
fn a_denial_reaches_through_its_any_phrase() {
    let b = fresh_bank(include_str!("anyreach.toml"));
    let (socket, cron, proxy) = (0, 1, 2);
    let right = [
        (
            socket,
            "Through the socket the pod can start a privileged container with the host filesystem mounted, which gives it root on the node; use a rootless builder instead.",
        ),
        (
            socket,
            "Any pod that can reach the containerd socket can start a privileged container, and that is root on the node. Prefer kaniko.",
        ),
        (
            socket,
            "The socket doesn't hand the pod anything less than root on the node, since it can start a privileged container; use a rootless builder.",
        ),
        (
            cron,
            "cron starts the job with a minimal environment whose PATH is only /usr/bin:/bin, so the command in /usr/local/bin isn't found. Use the full path.",
        ),
        (
            cron,
            "cron doesn't read any of your dotfiles, and so its PATH is only /usr/bin:/bin in a bare environment; use the full path.",
        ),
        (
            proxy,
            "IT installs a company root CA on every laptop, so the proxy can mint a certificate for any site, decrypt the traffic and re-encrypt it.",
        ),
        (
            proxy,
            "The proxy can't read anything by itself: the company puts its root certificate on every laptop, so the proxy decrypts and re-encrypts the traffic.",
        ),
    ];
    let wrong = [
        (
            socket,
            "Mounting the containerd socket doesn't give the pod any real path to root on the node, since it stays in its namespaces; a privileged container would be needed, and rootless builders are only faster.",
        ),
        (
            socket,
            "The socket never hands the pod anything like root on the node, because a privileged container is still confined; a separate VM is just tidier.",
        ),
        (
            cron,
            "cron doesn't set any different or stripped-down value of the PATH for the job; the command fails because the script lacks the execute bit, so chmod +x it.",
        ),
        (
            cron,
            "Under cron the job doesn't see anything like a reduced search PATH or a bare environment; it is a permissions problem, so chmod +x the script.",
        ),
        (
            proxy,
            "The proxy doesn't need any special trust of the laptops in a company root certificate; it simply decrypts TLS and re-encrypts it.",
        ),
        (
            proxy,
            "It never relies on anything installed on the laptops such as a root certificate; it decrypts the traffic and re-encrypts it to the server.",
        ),
    ];
    let failed = misgraded(&b, &right, &wrong);
    assert!(failed.is_empty(), "{}", failed.join("\n"));
}

/// Round 43 (w77-neg): a denial whose predicate is left out, "restarting won't fix it
/// and rebuilding won't either", "caching doesn't help; a bigger server doesn't,
/// either", denies its own subject as the clause before denied the first. Three
/// questions in three domains (a container that exits, a lost update, a name that does
/// not resolve; `ellipsis.toml`), each with futile remedies as misconceptions: the five
/// right answers and three wrong ones (a right remedy denied elliptically) below were
/// misjudged on main's build. Wrong answers that state the misconception beside an
/// unrelated denial ("won't fix it, but more memory will", "so does rebooting the
/// router", "not only ... but also", "won't hurt either", "nothing is lost") fail on both.
#[test]
fn a_denial_with_its_predicate_left_out_denies_its_subject() {
    let b = fresh_bank(include_str!("ellipsis.toml"));
    let (nginx, update, dns) = (0, 1, 2);
    let right = [
        (
            nginx,
            "A restart policy won't fix it and more memory won't either: the main process exits because nginx forks into the background. Run it in the foreground with daemon off.",
        ),
        (
            nginx,
            "More memory isn't the fix and a restart policy isn't either: the main process exits after nginx forks, so use daemon off.",
        ),
        (
            nginx,
            "A restart policy doesn't help, nor does more memory; the main process exits once nginx forks away, so run nginx in the foreground.",
        ),
        (
            update,
            "A faster server won't fix it and caching won't either: both read the same value and the second write overwrites the first. Make the increment atomic.",
        ),
        (
            update,
            "Caching doesn't help; a bigger server doesn't, either. The second write overwrites the first, so make the increment atomic.",
        ),
        (
            update,
            "More CPU doesn't help, and neither does a cache: it is a race where one write overwrites the other. Lock the row or use an atomic UPDATE.",
        ),
        (
            dns,
            "Rebooting the router won't help and reinstalling the browser won't either: DNS is failing, so check the resolver in /etc/resolv.conf.",
        ),
    ];
    let wrong = [
        (
            nginx,
            "The main process exits. A restart policy won't fix it, but more memory will; run nginx in the foreground.",
        ),
        (
            nginx,
            "The main process doesn't stay up because nginx forks; a restart policy fixes it and more memory does too.",
        ),
        (
            update,
            "Not only a faster server but also caching fixes it; the second write overwrites the first, and an atomic update is not needed.",
        ),
        (
            update,
            "A race where one write overwrites the other. Locking won't fix it, but caching will, so nothing is lost.",
        ),
        (
            dns,
            "DNS works fine, the resolver does too. Reinstalling the browser fixes it, and so does rebooting the router.",
        ),
        (
            dns,
            "It is DNS, so check the resolver. A new router won't hurt either, and rebooting the router fixes it.",
        ),
    ];
    let owned = |set: &[(usize, &str)]| -> Vec<(usize, String)> {
        set.iter().map(|&(q, a)| (q, a.to_owned())).collect()
    };
    let mut failed = misjudged(&b, &owned(&right), &owned(&wrong));
    // A right remedy denied elliptically: the required concept is denied, so the
    // answer fails (no misconception is named).
    let denied = [
        (
            update,
            "It is a race: the second write overwrites the first. Retrying won't fix it, and an atomic increment won't either.",
        ),
        (
            dns,
            "DNS is failing here. A new browser won't fix it and the resolver won't either; just wait an hour.",
        ),
        (
            nginx,
            "The main process exits. A restart policy won't help, and running it in the foreground won't either.",
        ),
    ];
    for (q, answer) in denied {
        let question = &b.questions[q];
        let g = super::super::Grader::new(std::slice::from_ref(&b)).grade(&b, question, answer);
        if g.passed {
            failed.push(format!("{answer}: {}", explain(&g)));
        }
    }
    assert!(failed.is_empty(), "{}", failed.join("\n"));
}

/// Round 44 (w80-choice): a condition that ends a clause has its own subject, so a
/// denial in it ("fails if the bind source doesn't exist") takes back that subject, not
/// the main clause before its *if*. Fresh sentences (a config loader, a cron job, a
/// package manager); the condition at the clause's start denies as before.
#[test]
fn a_denial_in_a_closing_condition_takes_back_its_own_subject() {
    let text = "the loader is strict and stops if the config file doesn't exist";
    assert!(!negated(text, "strict") && !negated(text, "stops"));
    assert!(negated(text, "config"));
    let text = "the job is skipped when the lock file does not exist";
    assert!(!negated(text, "skipped") && negated(text, "lock"));
    let text = "apt is safe and aborts once the mirror isn't reachable";
    assert!(!negated(text, "safe") && !negated(text, "aborts"));
    let text = "if the config file doesn't exist, the loader stops";
    assert!(negated(text, "config") && !negated(text, "stops"));
    let text = "the config file doesn't exist";
    assert!(negated(text, "config"));
}

/// Round 44 (w80-negright): how far a denial reaches, on six questions of six domains
/// (`scope.toml`): an *or* joining a long item to a denied one ("isn't a routing fault or
/// an outage of the upstream link or a misconfigured DNS server"), a `:` after a denied
/// verb that names what the clause said ("they never finish: deadlock."), an inverted
/// *neither* ("Neither is the cached copy revalidated nor does the proxy know"), *leaves
/// out* ("the slim image leaves out gcc"), the double negation of a restricting relative
/// ("can no longer see rows they don't own") and a setting before a subject *nothing*
/// ("with a tmpfs mount nothing is written to disk"). Each right answer below but the
/// second failed on main's build; the wrong ones (the claim made plainly, the core
/// denied) fail on both, but for the double negation "doesn't leave out gcc", which
/// main passed (it read gcc as denied).
#[test]
fn a_denial_reaches_past_or_and_stops_at_a_colon_that_names_the_clause() {
    let b = fresh_bank(include_str!("scope.toml"));
    let (ping, deadlock, stale, slim, rows, tmpfs) = (0, 1, 2, 3, 4, 5);
    let right = [
        (
            ping,
            "It isn't a routing fault or an outage of the upstream link or a misconfigured DNS server: the host's firewall drops ICMP echo requests, and ssh is allowed.",
        ),
        (
            ping,
            "It's not down or out of addresses in the DHCP pool or a broken DNS setup: the firewall on the host drops ICMP echo requests.",
        ),
        (
            deadlock,
            "Each thread holds one lock and waits for the other's, so they never finish: deadlock. Take the locks in the same order everywhere.",
        ),
        (
            deadlock,
            "Thread 1 holds A and waits for B while thread 2 holds B and waits for A, so the threads cannot continue: deadlock. Lock A before B in both, the same order.",
        ),
        (
            stale,
            "Neither is the cached copy revalidated nor does the proxy know the page changed, so it serves the stale copy until max-age runs out; purge it.",
        ),
        (
            stale,
            "Neither is the copy revalidated within the hour nor does the proxy learn about the deploy; purge the cache or lower max-age.",
        ),
        (
            slim,
            "The slim image leaves out gcc and the Python headers, so the C extension cannot build. Build the wheel in a full image stage and copy it in.",
        ),
        (
            slim,
            "Slim leaves out the compiler to stay small; install build-essential before pip install, or use a wheel.",
        ),
        (
            rows,
            "With the policy on, users can no longer see rows they don't own; the rest are filtered out.",
        ),
        (
            rows,
            "A user cannot read rows that they do not own, because the policy filters them out.",
        ),
        (
            tmpfs,
            "With a tmpfs mount nothing is written to disk, the files stay in RAM and are lost when the container stops.",
        ),
        (
            tmpfs,
            "They are gone: with a tmpfs mount nothing ever reaches the disk, it all lives in the host's memory.",
        ),
    ];
    let wrong = [
        (
            ping,
            "It isn't a problem with the routing tables; it is a misconfigured DNS server, so fix the resolver.",
        ),
        (
            ping,
            "It isn't a problem with the routing tables or the firewall dropping ICMP echo requests; the host is simply down.",
        ),
        (
            deadlock,
            "It is not a deadlock: the threads just run slowly. Take the locks in the same order.",
        ),
        (
            deadlock,
            "The threads never finish because they are not deadlocked: one just spins. Take the locks in one order.",
        ),
        (
            stale,
            "The cached copy is revalidated on every request, and the proxy knows the page changed; purge it.",
        ),
        (
            stale,
            "Neither is the max-age too long nor is the proxy at fault: the copy is revalidated, so purge the cache.",
        ),
        (
            slim,
            "The slim image ships gcc, so the compiler is fine; install a newer wheel.",
        ),
        (
            slim,
            "The slim image doesn't leave out gcc; the failure is a missing wheel, so upgrade pip.",
        ),
        (
            rows,
            "Users can no longer see the rows they own; only other users' rows are filtered.",
        ),
        (
            rows,
            "Users can read rows they don't own, since the policy only logs access.",
        ),
        (
            tmpfs,
            "With a tmpfs mount nothing is kept in RAM; the files are written to disk and survive.",
        ),
        (
            tmpfs,
            "A tmpfs mount writes the files to disk, so they survive the container stopping.",
        ),
    ];
    let failed = misgraded(&b, &right, &wrong);
    assert!(failed.is_empty(), "{}", failed.join("\n"));
}

/// The answers graded against their marks, by question index: each right one must
/// pass, each wrong one fail. Returns the breakdowns of those that do not.
fn misgraded(
    b: &crate::bank::Bank,
    right: &[(usize, &str)],
    wrong: &[(usize, &str)],
) -> Vec<String> {
    let grader = super::super::Grader::new(std::slice::from_ref(b));
    let mut failed = Vec::new();
    for (answers, pass) in [(right, true), (wrong, false)] {
        for &(q, answer) in answers {
            let g = grader.grade(b, &b.questions[q], answer);
            if g.passed != pass {
                failed.push(format!("{answer}: {}", explain(&g)));
            }
        }
    }
    failed
}

/// Round 46 (w84-negright): a *such as* list after a relative clause whose denial reached
/// one word, its verb or adjective, or after one of *who*, gives examples of the noun
/// the clause hangs on, not of a denied thing: "visitors who cannot see the image, such
/// as blind users" names the blind users plainly. After a denial that reached a thing
/// in a relative clause of *that* ("an image that doesn't ship build tools, such as
/// gcc"), or with no relative clause ("none of the interfaces, such as eth0"), the
/// examples are still denied.
#[test]
fn examples_after_a_denied_relative_clause_name_its_head_plainly() {
    for (text, word, denied) in [
        (
            "It reaches people who cannot be vaccinated, such as newborns.",
            "newborns",
            false,
        ),
        (
            "Hosts that are not patched, such as old routers, get hit.",
            "routers",
            false,
        ),
        (
            "Visitors who cannot see the image, such as blind users, hear it.",
            "blind",
            false,
        ),
        (
            "Use an image that doesn't ship build tools, such as gcc.",
            "gcc",
            true,
        ),
        (
            "None of the usual interfaces, such as eth0, are created.",
            "eth0",
            true,
        ),
        (
            "It cannot be vaccinated, such as newborns.",
            "newborns",
            true,
        ),
    ] {
        assert_eq!(negated(text, word), denied, "{text}");
    }
}

/// Round 46 (w84-negright): three questions in three domains (`such.toml`: alt text,
/// step-free stations, hibernation) whose model answers give examples after a denied
/// relative clause. The four right answers naming the examples plainly failed on main's
/// build, and two answers that deny them ("alt text is not for blind users") passed; a
/// misconception stated beside the examples still fails.
#[test]
fn examples_after_a_denied_relative_clause_are_met_plainly() {
    let b = fresh_bank(include_str!("such.toml"));
    let (alt, step, hibernation) = (0, 1, 2);
    let right = [
        (
            alt,
            "A screen reader reads the alt text out, so blind users still learn what the image shows.",
        ),
        (
            alt,
            "Blind visitors rely on screen readers, which speak the alt text in place of the picture.",
        ),
        (
            step,
            "Ramps and lifts let wheelchair users reach the platform without help.",
        ),
        (
            step,
            "Someone in a wheelchair cannot use stairs, so lifts give them a way onto the train.",
        ),
        (
            hibernation,
            "Hedgehogs and bats hibernate to save energy: their metabolism and body temperature drop while food is scarce.",
        ),
    ];
    let wrong = [
        (
            alt,
            "Alt text is not for blind users; screen readers skip it and only search engines read it.",
        ),
        (
            step,
            "Lifts and ramps are not for wheelchair users; they only move crowds faster.",
        ),
        (
            hibernation,
            "Hibernation does not save energy; hedgehogs and bats keep their metabolism and body temperature up.",
        ),
        (
            alt,
            "Alt text exists mainly for search ranking, though screen readers read it to blind users too.",
        ),
    ];
    let failed = misgraded(&b, &right, &wrong);
    assert!(failed.is_empty(), "{}", failed.join("\n"));
}

/// Round 48 (w88-noneof): a denial goes on through a list of the things it denies.
#[test]
fn a_denial_of_absence_reaches_through_its_list() {
    assert!(negated(
        "the seeds carry none of the X, Y or Z genes",
        "genes"
    ));
    assert!(negated(
        "the seeds carry no X, Y or Z genes at all",
        "genes"
    ));
    assert!(negated("the seeds lack the X, Y and Z genes", "genes"));
    assert!(negated(
        "a bare hull has no sails, engine or rudder",
        "rudder"
    ));
    // With a comma before the last item.
    assert!(negated("the seeds carry no X, Y, or Z genes", "genes"));
    // A clause of its own after the comma is plain.
    assert!(!negated("the ship has no sails, the crew rows it", "rows"));
    assert!(!negated(
        "the ship has no sails, so the crew rows it",
        "rows"
    ));
    // A pair of states names every case of the thing denied.
    assert!(!negated(
        "the rule exempts no ship, moored or sailing",
        "moored"
    ));
    // Not a plain *not*: "it does not sink, floats and drifts" lists what it does.
    assert!(!negated(
        "the raft does not sink, floats and drifts",
        "floats"
    ));
}
