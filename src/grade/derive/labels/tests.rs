use crate::grade::Grade;

/// A model answer that names what goes wrong and what puts it right.
const ORCHARD: &str = "Apples bruise in the crate when the pickers drop them from the \
    ladder into deep bins. The fix is a shallow canvas bag worn on the chest, emptied \
    gently through a drawstring bottom, so the fruit never falls more than a hand's \
    width. Bruised apples go to the cider press.";

fn grade(answer: &str) -> Grade {
    crate::grade::derive::tests::derived(
        "Why do the apples bruise, and what helps?",
        ORCHARD,
        answer,
    )
}

fn turned(grade: &Grade) -> bool {
    crate::grade::derive::tests::contradicted(grade, "label")
}

#[test]
fn the_fix_called_the_problem_contradicts_a_derived_rubric() {
    let g = grade(
        "The problem is the shallow canvas bag on the chest with its drawstring bottom; \
         pickers should drop apples from the ladder into deep bins instead.",
    );
    assert!(turned(&g) && !g.passed, "{g:?}");
    let text = crate::grade::explain(&g);
    assert!(text.contains("label \"problem is"), "{text}");
}

#[test]
fn the_fix_called_the_fix_or_named_both_ways_is_no_turn() {
    for answer in [
        "Dropping apples from the ladder into deep bins bruises them; the solution is a \
         shallow chest bag with a drawstring bottom.",
        // One own word is a chance meeting, not the fix renamed.
        "The problem is that apples drop into deep bins from the ladder, and a bag would \
         keep them from bruising.",
        // Named both ways: the answer says the model's label too.
        "The problem is not the canvas bag; the fix is a shallow canvas bag with a \
         drawstring bottom, and the issue is deep bins, not the canvas bag's drawstring.",
    ] {
        let g = grade(answer);
        assert!(!turned(&g), "{answer}: {:?}", g.contradictions);
    }
}

/// A model answer whose fix acts on what the question asks about.
const GREENHOUSE: &str = "Sunlight passes the glass and warms the soil, and the warm air has \
    no way out. The fix is roof vents that open on a thermostat.";

#[test]
fn words_the_question_asks_about_are_no_sign_of_the_fix() {
    let grade = |answer: &str| {
        crate::grade::derive::tests::derived(
            "Why does a greenhouse overheat, and how do roof vents help?",
            GREENHOUSE,
            answer,
        )
    };
    let right = grade(
        "The problem is that the roof vents stay shut, so the warm air has no way out; \
         vents that open on a thermostat let it escape.",
    );
    assert!(!turned(&right), "{:?}", right.contradictions);
    let wrong =
        grade("The problem is roof vents that open on a thermostat: sunlight warms the soil.");
    assert!(turned(&wrong), "{:?}", wrong.contradictions);
}
