//! Unit tests of the chemical formulas of the built-in lexicon (round 47, w86-derived):
//! "CO2", "O2" and "H2O" (and "CO₂" with its subscript) answer for *carbon dioxide*,
//! *oxygen* and *water* wherever a model answer or a rubric names them. Fresh sentences
//! of subjects no probe asks about (yeast in a brewery, a fire extinguisher); a terse
//! right answer written in formulas passes a long derived rubric, and an answer that
//! swaps the two gases or denies the model's claim still fails.

use super::tests::{concept, derived_bank, fails, grade, passes, rubric_bank};

/// A long model answer (a derived rubric of more than `carry` concepts) that names the
/// gases in words.
const YEAST: &str = "While the wort still holds dissolved oxygen, the yeast respires \
    aerobically: it takes in oxygen, burns sugar completely to carbon dioxide and water, \
    and uses the energy to multiply. Once the oxygen is used up, the yeast switches to \
    fermentation and turns each sugar into ethanol and carbon dioxide, which bubbles out \
    through the airlock. Fermentation releases far less energy per sugar, so the yeast \
    grows slowly, but the ethanol and the carbon dioxide are what the brewer wants.";

const ASKED: &str = "What does yeast do with the sugar of the wort, with and without oxygen?";

#[test]
fn a_terse_answer_in_formulas_passes_a_derived_rubric_that_names_the_gases() {
    let b = derived_bank(ASKED, YEAST);
    passes(
        &b,
        "With O2 the yeast respires aerobically, sugar + O2 -> CO2 + H2O, and multiplies on \
         the energy. Once the O2 is used up it switches to fermentation: sugar -> ethanol + \
         CO2, which bubbles out through the airlock and gives far less energy.",
    );
    passes(
        &b,
        "With O₂ the yeast respires aerobically, sugar + O₂ -> CO₂ + H₂O, and multiplies on \
         the energy. Once the O₂ is used up it switches to fermentation: sugar -> ethanol + \
         CO₂, which bubbles out through the airlock and gives far less energy.",
    );
}

#[test]
fn a_wrong_answer_in_formulas_still_fails_a_derived_rubric() {
    let b = derived_bank(ASKED, YEAST);
    // The model's claim denied.
    fails(
        &b,
        "Yeast does not use O2 at all and never makes CO2; the bubbles are air from the \
         stirring.",
    );
    // A quantity turned round: fermentation said to give more energy.
    fails(
        &b,
        "Without O2 the yeast ferments sugar to ethanol + CO2, which releases far more energy \
         per sugar, so the yeast grows fastest once the O2 is used up.",
    );
}

/// A formula reads as its name, no more: an answer written in formulas gets the verdict
/// of the same answer written in words, right or wrong (the score may be higher: fewer
/// words make a terse answer, scored over the heaviest concepts). (The gases of the two stages
/// exchanged, said in the model's own words, pass a derived rubric in words as in
/// formulas: the exchange of two terms is a limit of derived rubrics, round 46's
/// w85-swap, that the formulas neither cause nor mend.)
#[test]
fn an_answer_in_formulas_is_graded_as_the_same_answer_in_words() {
    let b = derived_bank(ASKED, YEAST);
    for (formulas, words) in [
        (
            "The yeast takes in CO2 and gives off O2 as it ferments, like a plant; the \
             ethanol comes from the H2O.",
            "The yeast takes in carbon dioxide and gives off oxygen as it ferments, like a \
             plant; the ethanol comes from the water.",
        ),
        (
            "Yeast does not use O2 at all and never makes CO2.",
            "Yeast does not use oxygen at all and never makes carbon dioxide.",
        ),
        (
            "Once the O2 is gone the yeast ferments sugar into ethanol and CO2.",
            "Once the oxygen is gone the yeast ferments sugar into ethanol and carbon dioxide.",
        ),
    ] {
        let (f, w) = (grade(&b, formulas), grade(&b, words));
        assert_eq!(f.passed, w.passed, "{formulas}: {f:?}\n{words}: {w:?}");
    }
}

#[test]
fn a_formula_answers_for_its_name_in_a_rubric_and_not_for_another_gas() {
    // Fire safety: the rubric names the extinguisher's gas in words.
    let b = rubric_bank(
        "How does a carbon dioxide extinguisher put out a fire?",
        "It smothers the fire: carbon dioxide pushes the oxygen away from the flames.",
        vec![
            concept(&["carbon dioxide"], 2.0, true),
            concept(&["oxygen"], 2.0, true),
        ],
    );
    passes(
        &b,
        "The CO2 displaces the O2 around the flames, so it smothers them.",
    );
    fails(&b, "The foam cools the flames with H2O, so they go out.");
}
