use crate::grade::Grade;

/// A model answer that qualifies two things side by side with *for* and *in*.
const GARDEN: &str = "The allotment keeps clover for nitrogen and marigolds for pest \
    control. Tomatoes ripen in the greenhouse and the onions dry in the shed; the compost \
    heap feeds every bed each spring.";

fn grade(answer: &str) -> Grade {
    crate::grade::derive::tests::derived(
        "What does each plant do on the allotment?",
        GARDEN,
        answer,
    )
}

fn swapped(grade: &Grade) -> bool {
    crate::grade::derive::tests::contradicted(grade, "parallel")
}

#[test]
fn two_qualifiers_of_the_model_answer_swapped_contradict_a_derived_rubric() {
    let g = grade(
        "The allotment keeps clover for pest control and marigolds for nitrogen; tomatoes \
         ripen in the greenhouse, onions dry in the shed, and compost feeds the beds.",
    );
    assert!(swapped(&g) && !g.passed, "{g:?}");
    let text = crate::grade::explain(&g);
    assert!(
        text.contains("parallel \"clover for pest control\""),
        "{text}"
    );
    let g = grade("Tomatoes ripen in the shed and onions dry in the greenhouse.");
    assert!(swapped(&g), "{:?}", g.contradictions);
}

#[test]
fn qualifiers_kept_one_sided_or_said_both_ways_are_no_swap() {
    for answer in [
        "Clover is kept for nitrogen and marigolds for pest control; tomatoes ripen in the \
         greenhouse and onions dry in the shed.",
        // One side only: a slip, not a swap.
        "Clover for pest control; the compost heap feeds every bed each spring.",
        // Under a negation.
        "Clover is not grown for pest control, and marigolds are not grown for nitrogen.",
        // The model's binding stated too.
        "Clover for nitrogen, also clover for pest control, and marigolds for nitrogen.",
    ] {
        let g = grade(answer);
        assert!(!swapped(&g), "{answer}: {:?}", g.contradictions);
    }
}
