use crate::grade::Grade;

/// A model answer that states two roles side by side: the kiln fires the clay, the
/// glaze gives the colour.
const POTTERY: &str = "A potter shapes the pot on the wheel and lets it dry for a week. \
    In the kiln, the clay hardens into ceramic at high heat; the glaze gives the pot its \
    colour and seals its surface. A pot fired too quickly cracks, so the heat rises slowly \
    over many hours.";

fn grade(answer: &str) -> Grade {
    use crate::grade::tests::{derived_bank, grade};
    grade(
        &derived_bank("What do the kiln and the glaze each do to a pot?", POTTERY),
        answer,
    )
}

fn crossed(grade: &Grade) -> bool {
    grade.contradictions.iter().any(|c| c.role == "pair")
}

#[test]
fn two_claims_side_by_side_given_each_others_predicates_contradict_a_derived_rubric() {
    let g = grade(
        "The potter shapes and dries the pot; in the kiln the pot gets its colour and a \
         sealed surface, and the glaze hardens the clay into ceramic at high heat, rising \
         slowly so it does not crack.",
    );
    assert!(crossed(&g) && !g.passed, "{:?}", g.contradictions);
    let text = crate::grade::explain(&g);
    assert!(text.contains("each given the other's"), "{text}");
}

#[test]
fn claims_kept_with_their_subjects_or_said_both_ways_are_no_crossing() {
    for answer in [
        // The model's pairing in other words.
        "In the kiln the clay hardens into ceramic under high heat, and the glaze seals the \
         surface and colours the pot; the heat rises slowly or the pot cracks.",
        // One side only crossed: a mistake, but no pair turned round.
        "The glaze hardens the clay into ceramic, and the potter shapes the pot.",
        // The right pairing said as well.
        "The glaze hardens at high heat; in the kiln the clay hardens into ceramic; the \
         glaze gives the colour, and in the kiln the colour is sealed.",
    ] {
        let g = grade(answer);
        assert!(!crossed(&g), "{answer}: {:?}", g.contradictions);
    }
}
