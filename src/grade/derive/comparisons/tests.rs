use crate::grade::Grade;

/// A model answer that compares twice with *than*.
const KILN: &str = "A wood-fired kiln heats the pots unevenly: the chamber near the firebox \
    runs hotter, and pots on the upper shelves cool down slower than pots near the door. \
    The glaze on the back row comes out darker than the glaze at the front, so potters \
    rotate the shelves between firings and log each firing's cones.";

fn grade(answer: &str) -> Grade {
    crate::grade::derive::tests::derived(
        "How does a wood-fired kiln treat the pots on its shelves?",
        KILN,
        answer,
    )
}

fn turned(grade: &Grade) -> bool {
    crate::grade::derive::tests::contradicted(grade, "comparison")
}

#[test]
fn a_comparison_of_the_model_answer_turned_round_contradicts_a_derived_rubric() {
    // The antonym, the sides as the model answer has them.
    let antonym = grade(
        "The kiln heats pots unevenly near the firebox, and pots on the upper shelves cool \
         down faster than pots near the door, so potters rotate the shelves between firings.",
    );
    assert!(turned(&antonym) && !antonym.passed, "{antonym:?}");
    let text = crate::grade::explain(&antonym);
    assert!(text.contains("comparison \""), "{text}");
    // The same comparative, its sides swapped.
    let swapped = grade(
        "Heating is uneven: pots near the door cool down slower than pots on the upper \
         shelves, so the shelves are rotated between firings.",
    );
    assert!(turned(&swapped), "{swapped:?}");
}

#[test]
fn a_comparison_kept_turned_twice_denied_or_said_both_ways_is_no_turn() {
    for answer in [
        // As the model answer has it.
        "Pots on the upper shelves cool down slower than pots near the door; rotate them.",
        // The antonym with the sides swapped says the same.
        "Pots near the door cool down faster than pots on the upper shelves; rotate them.",
        // Under a negation.
        "Pots on the upper shelves do not cool faster than pots near the door.",
        // Another comparative, not the model's antonym.
        "Pots on the upper shelves need longer firings than pots near the door.",
        // Both ways: the answer also makes the model's comparison.
        "Pots on the upper shelves cool down slower than pots near the door, and the glaze \
         on the upper shelves cools faster than the glaze near the door.",
    ] {
        let g = grade(answer);
        assert!(!turned(&g), "{answer}: {:?}", g.contradictions);
    }
}
