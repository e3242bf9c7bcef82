use crate::grade::Grade;

/// A model answer that sends one verb down and another up.
const LIFT: &str = "In a stepped well the water table sinks in the dry season, so the \
    villagers climb down the stone stairs to reach it, and the buckets are hauled up by \
    rope from the lowest landing.";

fn grade(answer: &str) -> Grade {
    crate::grade::derive::tests::derived(
        "How do villagers draw water from a stepped well?",
        LIFT,
        answer,
    )
}

fn turned(grade: &Grade) -> bool {
    crate::grade::derive::tests::contradicted(grade, "way")
}

#[test]
fn a_verb_sent_the_other_way_contradicts_a_derived_rubric() {
    let g = grade(
        "The water table sinks in the dry season, so the villagers climb up the stone \
         stairs and the buckets are hauled up by rope from the lowest landing.",
    );
    assert!(turned(&g) && !g.passed, "{g:?}");
    let text = crate::grade::explain(&g);
    assert!(text.contains("way \"climb up\""), "{text}");
}

#[test]
fn a_verb_sent_the_model_way_both_ways_or_under_a_negation_is_no_turn() {
    for answer in [
        "Villagers climb down the stairs to the water and haul the buckets up by rope.",
        // Both ways: down to the water and up again.
        "Villagers climb down the stairs to the water and climb up again with the buckets.",
        // Under a negation.
        "The villagers never climb up the stairs with the water; it is hauled up by rope.",
    ] {
        let g = grade(answer);
        assert!(!turned(&g), "{answer}: {:?}", g.contradictions);
    }
}
