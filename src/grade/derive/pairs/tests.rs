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

/// `grade` fails on a pair turned round, and its breakdown says `says`.
fn assert_turned(grade: &Grade, says: &str) {
    assert!(
        crossed(grade) && !grade.passed,
        "{:?}",
        grade.contradictions
    );
    let text = crate::grade::explain(grade);
    assert!(text.contains(says), "{text}");
}

#[test]
fn two_claims_side_by_side_given_each_others_predicates_contradict_a_derived_rubric() {
    let g = grade(
        "The potter shapes and dries the pot; in the kiln the pot gets its colour and a \
         sealed surface, and the glaze hardens the clay into ceramic at high heat, rising \
         slowly so it does not crack.",
    );
    assert_turned(&g, "each given the other's");
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

/// A model answer of two sentences, each about its own thing: rain-barrel water and
/// mains water (written for the halves rule, from no learner's answer).
const WATER: &str = "Rain barrel water is collected from the roof gutters and kept for the \
    garden beds. Mains water is treated with chlorine at the plant and piped under pressure \
    to the kitchen tap. Keep the barrel covered so mosquitoes cannot breed in it.";

fn water(answer: &str) -> Grade {
    use crate::grade::tests::{derived_bank, grade};
    grade(
        &derived_bank(
            "Where do rain barrel water and mains water each come from?",
            WATER,
        ),
        answer,
    )
}

#[test]
fn two_halves_of_a_contrast_given_each_others_sentence_contradict_a_derived_rubric() {
    for answer in [
        // *while*, each half opening on one sentence's thing, saying the other's.
        "Rain barrel water is treated with chlorine and piped to the kitchen tap, while \
         mains water comes from the roof gutters for the garden beds.",
        // *whereas*, the mains first.
        "Mains water flows in from the roof gutters, whereas rain barrel water is \
         chlorinated at the treatment plant and reaches the kitchen under pressure.",
        // Two halves joined by a semicolon.
        "Mains water pressure comes from the roof gutters; rain barrel water goes through \
         chlorine treatment at the plant.",
    ] {
        assert_turned(&water(answer), "each half given the other's");
    }
}

#[test]
fn halves_kept_with_their_own_sentence_or_denied_or_uneven_are_no_crossing() {
    for answer in [
        // The model's contrast, in its order and the other order.
        "Rain barrel water is collected from the roof gutters for the garden, while mains \
         water is treated with chlorine and piped to the kitchen tap.",
        "Mains water is treated with chlorine at the plant; rain barrel water comes from \
         the roof gutters and waters the garden beds.",
        // Each half opening on what the water reaches, in the model's pairing.
        "The kitchen tap gets treated water under pressure, while the garden beds get \
         water from the roof gutters.",
        // A denial is not a claim turned round.
        "Rain barrel water is not treated with chlorine, while mains water is never \
         collected from roof gutters.",
        // One half turned, the other right: a mistake, but no contrast turned round.
        "Rain barrel water is treated with chlorine, while mains water is piped to the \
         kitchen tap.",
    ] {
        let g = water(answer);
        assert!(!crossed(&g), "{answer}: {:?}", g.contradictions);
    }
}
