use crate::grade::Grade;

/// A model answer that says what one kind of image lacks and another has (written for
/// this test, not taken from a marked set).
const UNIKERNEL: &str = "A unikernel image bundles one application with only the library \
    code it calls. A unikernel has no shell, no package manager and no user accounts, so \
    there is little to attack and nothing to log in to. A regular VM image ships a full \
    userland with a shell and a package manager, which makes debugging easy but widens \
    the attack surface. The unikernel does not support fork, so every program must run as \
    a single process, and it boots in milliseconds.";

fn grade(answer: &str) -> Grade {
    use crate::grade::tests::{derived_bank, grade};
    grade(
        &derived_bank(
            "How does a unikernel image differ from a regular VM image, and why does it matter?",
            UNIKERNEL,
        ),
        answer,
    )
}

fn affirmed(grade: &Grade) -> bool {
    grade.contradictions.iter().any(|c| c.role == "affirmed")
}

#[test]
fn what_the_model_answer_denies_of_a_subject_stated_of_it_contradicts_a_derived_rubric() {
    for answer in [
        "A unikernel ships a shell and a package manager for debugging, while a VM image \
         bundles a full userland; so the unikernel boots in milliseconds as one process.",
        "The unikernel includes user accounts and a small shell, so debugging is easy, and \
         a VM image ships a full userland with a package manager.",
        "A unikernel supports fork, so a program can spawn child processes; it bundles one \
         application with its library code and boots in milliseconds.",
    ] {
        let g = grade(answer);
        assert!(
            affirmed(&g) && !g.passed,
            "{answer}: {:?}",
            g.contradictions
        );
    }
    let g = grade(UNIKERNEL_WRONG);
    let text = crate::grade::explain(&g);
    assert!(text.contains("affirmed"), "{text}");
}

const UNIKERNEL_WRONG: &str = "A unikernel ships a shell and a package manager.";

#[test]
fn a_denial_kept_set_aside_or_said_of_another_subject_is_no_contradiction() {
    for answer in [
        // The denial kept, the word stated of the other image.
        "A unikernel has no shell or package manager, unlike a VM image, which ships a \
         full userland with a shell; it bundles one application and boots in milliseconds.",
        // A verb that takes away.
        "A unikernel drops the shell and the package manager; a VM image keeps both for \
         debugging, at the cost of a wider attack surface.",
        // The subject's clause denies it in few words.
        "The VM image has a shell and a package manager; the unikernel does not, so there \
         is little to attack.",
        // Set against the subject.
        "Unlike a unikernel, a regular VM image ships a shell and a package manager, which \
         makes debugging easy.",
        // Without.
        "A unikernel runs without a shell and without user accounts, as a single process \
         that boots in milliseconds.",
        // Avoids.
        "The unikernel avoids fork entirely: every program runs as a single process.",
    ] {
        let g = grade(answer);
        assert!(!affirmed(&g), "{answer}: {:?}", g.contradictions);
    }
}

/// A model answer that denies a verb of its subject (written for this test).
const REPLICA: &str = "A read replica does not accept writes: it streams the change \
    log from the primary and replays it, so it serves reads that may lag a little behind. \
    Every write goes to the primary, which acknowledges it once it is durable. If the \
    primary fails, a replica can be promoted and then takes writes itself.";

fn replica(answer: &str) -> Grade {
    use crate::grade::tests::{derived_bank, grade};
    grade(
        &derived_bank(
            "What does a read replica do, and where do writes go?",
            REPLICA,
        ),
        answer,
    )
}

#[test]
fn a_verb_the_model_answer_denies_of_its_subject_stated_of_it_contradicts() {
    let wrong = "A read replica accepts writes as well, then streams the change log \
                 back to the primary, which replays it and serves reads.";
    let g = replica(wrong);
    assert!(affirmed(&g) && !g.passed, "{:?}", g.contradictions);
    for right in [
        "A read replica never accepts writes; it streams the change log from the \
         primary, replays it and serves reads that may lag a little.",
        "Writes go to the primary, which acknowledges them once durable; a read replica \
         streams the change log from it and serves reads that may lag behind.",
        "A read replica refuses writes and only replays the primary's change log, \
         serving reads a little behind; promoted after a failure, it accepts writes.",
    ] {
        let g = replica(right);
        assert!(!affirmed(&g), "{right}: {:?}", g.contradictions);
    }
}

/// A model answer that says there is none of something (written for this test).
const FAILOVER: &str = "A primary with one asynchronous replica keeps a second copy of the \
    data, but there is no automatic failover: when the primary dies, an operator promotes \
    the replica by hand, and writes made after the last sync are lost. Sentinel can be \
    added to hold an election.";

fn failover(answer: &str) -> Grade {
    use crate::grade::tests::{derived_bank, grade};
    grade(
        &derived_bank(
            "What does one asynchronous replica give you, and what not?",
            FAILOVER,
        ),
        answer,
    )
}

#[test]
fn what_the_model_answer_says_there_is_none_of_stated_as_there_contradicts() {
    for wrong in [
        "The replica keeps a second copy of the data and gives you automatic failover: when \
         the primary dies it is promoted by itself, though recent writes are lost.",
        "With one asynchronous replica failover is automatic, so an operator never has to \
         promote it by hand; only writes after the last sync are lost.",
    ] {
        let g = failover(wrong);
        assert!(affirmed(&g), "{wrong}: {:?}", g.contradictions);
    }
    for right in [
        "There is no automatic failover with one replica: an operator promotes it by hand \
         when the primary dies, and writes after the last sync are lost.",
        "Failover is manual: an operator promotes the replica by hand. For an automatic \
         election, add Sentinel; writes after the last sync are lost.",
        "You get a second copy of the data, but failover is never automatic: the replica \
         is promoted by hand and the last writes are lost.",
    ] {
        let g = failover(right);
        assert!(!affirmed(&g), "{right}: {:?}", g.contradictions);
    }
}

/// A model answer's denial stated by an answer sentence that opens with a pronoun
/// standing for its subject: the sentence before it opens with the subject (written
/// for this test, not taken from a marked set).
#[test]
fn a_pronoun_that_stands_for_the_subject_affirms_its_denial() {
    for wrong in [
        "A unikernel is a VM image with one application in it. It ships a shell and a \
         package manager, so debugging is easy.",
        "The unikernel bundles the application and its libraries. It supports fork, so \
         programs can spawn child processes.",
        "Unikernels boot in milliseconds and carry little code. They include user \
         accounts and a small shell for logging in.",
    ] {
        let g = grade(wrong);
        assert!(affirmed(&g) && !g.passed, "{wrong}: {:?}", g.contradictions);
    }
    for right in [
        // The pronoun repeats the denial.
        "A unikernel bundles one application with its library code. It has no shell \
         and no package manager, so there is little to attack.",
        // The pronoun stands for the other image.
        "A regular VM image ships a full userland. It has a shell and a package manager, \
         which makes debugging easy; the unikernel has neither.",
        "A unikernel has no shell. A VM image is different. It ships a shell and a \
         package manager for debugging.",
        // Negated in the pronoun's sentence.
        "A unikernel bundles one application. It cannot support fork, so everything \
         runs as a single process.",
        // The word outside the pronoun's clause, said of another subject.
        "The unikernel image bundles one application. It boots in milliseconds, while a \
         VM image ships a shell.",
    ] {
        let g = grade(right);
        assert!(!affirmed(&g), "{right}: {:?}", g.contradictions);
    }
}
