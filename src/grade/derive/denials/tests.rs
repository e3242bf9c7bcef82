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

/// A model answer that says what a strip does, in acts.
const STRIP: &str = "A bimetal thermostat has two metals bonded into one strip. Heated, one \
    metal expands more than the other, so the strip bends and opens the contact, which \
    switches the heater off. The heater does not restart until the strip cools and \
    straightens again.";

fn strip(answer: &str) -> Grade {
    use crate::grade::tests::{derived_bank, grade};
    grade(
        &derived_bank("How does a bimetal thermostat switch a heater off?", STRIP),
        answer,
    )
}

#[test]
fn an_act_of_the_model_answer_denied_contradicts_a_derived_rubric() {
    let g = strip(
        "Two metals are bonded into one strip; heated, one metal expands more than the \
         other, but the strip does not bend or open the contact, so the heater switches off.",
    );
    assert!(denied(&g) && !g.passed, "{:?}", g.contradictions);
}

#[test]
fn acts_the_model_answer_allows_are_no_contradiction() {
    for answer in [
        // Right, in other words.
        "Two bonded metals make one strip; heated, one metal expands more than the other, so \
         the strip bends and opens the contact and the heater switches off.",
        // A verb the model answer denies too.
        "One metal expands more than the other, so the strip bends and opens the contact; \
         the heater does not restart until the strip cools.",
        // Not only: the act is kept.
        "Heated, one metal expands more than the other; the strip does not only bend, it \
         opens the contact and the heater switches off.",
        // Another subject denied.
        "The contact does not bend: one metal expands more than the other, so the strip \
         bends and opens the contact, switching the heater off.",
    ] {
        let g = strip(answer);
        assert!(!denied(&g), "{answer}: {:?}", g.contradictions);
    }
}

/// A model answer about replicas whose act carries a manner word.
const REPLICAS: &str = "Without a leader, the replicas coordinate poorly: each one accepts \
    writes on its own, conflicts pile up and reads return stale data. A leader orders every \
    write, so the replicas agree on one history and clients read their own writes.";

#[test]
fn an_act_qualified_by_a_manner_is_no_plain_act() {
    use crate::grade::tests::{derived_bank, grade};
    let bank = derived_bank("Why does a replicated store need a leader?", REPLICAS);
    for answer in [
        // The model's manner denied the other way round: the same thing.
        "Without a leader the replicas don't coordinate well: each accepts writes, conflicts \
         pile up and reads go stale; a leader orders every write.",
        // A manner of the model's plain act denied, not the act.
        "A leader orders every write so the replicas agree on one history; without it the \
         replicas do not agree quickly and conflicts pile up.",
    ] {
        let g = grade(&bank, answer);
        assert!(!denied(&g), "{answer}: {:?}", g.contradictions);
    }
}

/// A model answer that says what a burner and a vent do, in acts.
const BALLOON: &str = "A hot-air balloon flies because the air in its envelope is lighter \
    than the air around it. The burner heats the air inside the envelope; the air expands, \
    so some of it spills out of the open mouth and the envelope holds less mass for the \
    same volume. The denser air outside then pushes the envelope up. To descend, the pilot \
    opens a vent at the top and lets hot air escape, and the balloon sinks.";

fn balloon(answer: &str) -> Grade {
    use crate::grade::tests::{derived_bank, grade};
    grade(
        &derived_bank("Why does a hot-air balloon rise?", BALLOON),
        answer,
    )
}

fn turned(grade: &Grade) -> bool {
    grade.contradictions.iter().any(|c| c.role == "opposite")
}

#[test]
fn an_act_of_the_model_answer_turned_contradicts_a_derived_rubric() {
    let g = balloon(
        "The burner cools the air inside the envelope, so the envelope holds less mass and \
         the denser air outside pushes it up.",
    );
    assert!(turned(&g) && !g.passed, "{:?}", g.contradictions);
    let text = crate::grade::explain(&g);
    assert!(text.contains("burner heats"), "{text}");
}

#[test]
fn acts_turned_where_the_model_answer_allows_are_no_contradiction() {
    for answer in [
        // Right, tersely.
        "Heated by the burner, the air expands and spills out, so the envelope holds less \
         mass and the denser air outside pushes it up.",
        // Another kind of the subject.
        "A spare burner cools the fuel line; the air in the envelope is heated and spills \
         out, so the envelope holds less mass and the denser air outside pushes it up.",
        // The model's act said too.
        "The burner heats the air and the burner cools the fuel line: the envelope holds \
         less mass, so the denser air outside pushes it up.",
        // In some cases only.
        "The air is heated, so the envelope holds less mass and the denser air outside \
         pushes it up; when the pilot descends, the burner cools the air and it sinks.",
        // A negation.
        "The burner never cools the air: the envelope holds less mass, so the denser air \
         outside pushes it up.",
    ] {
        let g = balloon(answer);
        assert!(!turned(&g), "{answer}: {:?}", g.contradictions);
    }
}
