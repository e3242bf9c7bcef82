use crate::grade::Grade;

/// A model answer that says what a kind of lock is, in a list.
const LATCH: &str = "A ticket latch hands out numbered tickets and serves them in order. \
    The latch is fair, reentrant and cheap to take, so a thread that already holds it can \
    take it again, and waiting threads are served first come first served. A spin latch \
    wastes cycles while it waits. A ticket latch is blocking unless it is told to spin.";

fn grade(answer: &str) -> Grade {
    use crate::grade::tests::{derived_bank, grade};
    grade(
        &derived_bank("What is a ticket latch, and what does it promise?", LATCH),
        answer,
    )
}

fn denied(grade: &Grade) -> bool {
    grade.contradictions.iter().any(|c| c.role == "denial")
}

#[test]
fn a_claim_of_the_model_answer_denied_contradicts_a_derived_rubric() {
    let g = grade(
        "A ticket latch hands out numbered tickets and serves them in order; the latch isn't \
         reentrant, so a thread that holds it must not take it again.",
    );
    assert!(denied(&g) && !g.passed, "{:?}", g.contradictions);
    let text = crate::grade::explain(&g);
    assert!(text.contains("denial \"latch is not reentrant\""), "{text}");
}

#[test]
fn denials_the_model_answer_allows_are_no_contradiction() {
    for answer in [
        // Not only: the claim is kept.
        "The latch is not only fair but reentrant: tickets are served in order.",
        // A word the model answer says of another subject.
        "A ticket latch is not wasteful of cycles; it serves numbered tickets in order.",
        // Said plainly as well.
        "The latch is reentrant and fair; a latch is not reentrant only if it is a spin latch.",
        // The other case of a claim the model answer makes in some cases only.
        "Told to spin, the latch is not blocking; it serves numbered tickets in order.",
        // Another subject denied.
        "The thread is not fair, but the latch serves tickets in order and is reentrant.",
    ] {
        let g = grade(answer);
        assert!(!denied(&g), "{answer}: {:?}", g.contradictions);
    }
}
