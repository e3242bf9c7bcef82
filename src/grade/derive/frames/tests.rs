use crate::grade::Grade;

/// A model answer of two conditions, each with its own outcome.
const KETTLE: &str = "If the kettle whistles, the water has boiled and the tea can steep for \
    three minutes; if the light blinks red, the kettle is empty and needs refilling before \
    the next brew. The base switches itself off after an hour.";

fn grade(answer: &str) -> Grade {
    use crate::grade::tests::{derived_bank, grade};
    grade(
        &derived_bank("What do the kettle's signals mean?", KETTLE),
        answer,
    )
}

fn turned(grade: &Grade) -> bool {
    grade.contradictions.iter().any(|c| c.role == "condition")
}

#[test]
fn an_outcome_put_under_the_other_condition_contradicts_a_derived_rubric() {
    let crossed = grade(
        "If the kettle whistles, it is empty and needs refilling before the next brew; if \
         the light blinks red, the water has boiled and the tea can steep.",
    );
    assert!(turned(&crossed) && !crossed.passed, "{crossed:?}");
    let text = crate::grade::explain(&crossed);
    assert!(
        text.contains("condition \"if the kettle whistles"),
        "{text}"
    );
}

#[test]
fn outcomes_kept_reworded_or_said_both_ways_are_no_turn() {
    for answer in [
        // The model answer's frames, in other words.
        "When the kettle whistles, the water is boiled, so let the tea steep; once the \
         red light blinks, the kettle is empty: refill it.",
        // An outcome that meets neither frame's.
        "If the light blinks red, fill it up; the whistle means the water boiled.",
        // Both outcomes under the one condition: the answer says the model's too.
        "If the kettle whistles, the water has boiled; if the kettle whistles, it is empty.",
    ] {
        let g = grade(answer);
        assert!(!turned(&g), "{answer}: {:?}", g.contradictions);
    }
}

/// A model answer of one condition and what happens otherwise, the two outcomes
/// sharing their object.
const LOCKER: &str = "Each guest gets a locker for the afternoon. If the code on the \
    ticket matches the panel, the door opens and the guest collects the bag; otherwise the \
    panel keeps the bag locked and calls an attendant. Lockers reset at closing time.";

fn locker(answer: &str) -> Grade {
    use crate::grade::tests::{derived_bank, grade};
    grade(
        &derived_bank("How does a guest get a bag back from a locker?", LOCKER),
        answer,
    )
}

#[test]
fn an_outcome_swapped_with_what_happens_otherwise_contradicts_a_derived_rubric() {
    let crossed = locker(
        "Guests get a locker for the afternoon. If the ticket code matches the panel, the \
         panel keeps the bag locked and calls an attendant; otherwise the door opens and \
         the guest collects the bag.",
    );
    assert!(turned(&crossed) && !crossed.passed, "{crossed:?}");
    for answer in [
        "If the ticket code matches the panel, the door opens and the guest collects the \
         bag; otherwise the bag stays locked and an attendant is called.",
        // The object both outcomes share is no turn.
        "If the code matches, the guest collects the bag; otherwise the bag stays put.",
    ] {
        let g = locker(answer);
        assert!(!turned(&g), "{answer}: {:?}", g.contradictions);
    }
}

/// A model answer of two conditions whose outcomes say two things of one subject.
const PARCEL: &str = "The courier scans each parcel at the door. If the recipient signs \
    the tablet, the parcel is delivered and the sender gets a receipt. If nobody answers \
    the bell, the parcel is returned to the depot and a card is left. Fragile parcels \
    travel in padded crates.";

#[test]
fn outcomes_of_one_subject_swapped_between_conditions_contradict_a_derived_rubric() {
    use crate::grade::tests::{derived_bank, grade};
    let bank = derived_bank("What happens to a parcel at the door?", PARCEL);
    let parcel = |answer: &str| grade(&bank, answer);
    // Both outcomes are said of "the parcel": the shared subject is no sign of either.
    let crossed = parcel(
        "The courier scans the parcel; if the recipient signs the tablet, the parcel is \
         returned to the depot, and if nobody answers, it is delivered with a receipt.",
    );
    assert!(turned(&crossed) && !crossed.passed, "{crossed:?}");
    for answer in [
        "If the recipient signs, the parcel is delivered and the sender gets a receipt; \
         if nobody answers the bell, it goes back to the depot and a card is left.",
        // An outcome that repeats a word of its own condition: no sign of the other's.
        "If the recipient signs the tablet, the recipient gets the parcel; otherwise a \
         card is left and the depot keeps it.",
    ] {
        let g = parcel(answer);
        assert!(!turned(&g), "{answer}: {:?}", g.contradictions);
    }
}
