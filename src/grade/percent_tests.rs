//! Unit tests of a percentage written with its sign (round 47, w86-numtok): "15%" and
//! "15 %" say the word *percent* after their number, so a keyword written "15 percent"
//! is met by them, as a keyword `15%` (its sign dropped) was already met by "15 percent".
//! Fresh sentences of subjects no probe asks about, right and wrong; another number, or
//! the right one denied, still fails.

use super::tests::{concept, fails, passes, rubric_bank};

#[test]
fn a_percentage_with_its_sign_says_percent() {
    // Baking: the rubric writes the hydration of a dough out in words.
    let b = rubric_bank(
        "What hydration does a typical baguette dough have?",
        "About 70 percent: 700 g of water for every kilogram of flour.",
        vec![
            concept(&["70 percent"], 2.0, true),
            concept(&["flour"], 1.0, false),
        ],
    );
    passes(
        &b,
        "Around 70% hydration, i.e. 700 g of water per kg of flour.",
    );
    passes(&b, "Roughly 70 % of the flour's weight in water.");
    passes(&b, "Water at (70%) of the flour weight.");
    fails(
        &b,
        "Around 60% hydration, i.e. 600 g of water per kg of flour.",
    );
    fails(&b, "Around 170% hydration, far more water than flour.");
    fails(
        &b,
        "Not 70% of the flour: a baguette dough takes far less water.",
    );
}

#[test]
fn a_sign_away_from_its_number_says_nothing() {
    // Statistics: a `%` that is no number's (a format string, a range) offers no word.
    let b = rubric_bank(
        "What share of a normal distribution lies within two standard deviations?",
        "About 95 percent of the values.",
        vec![concept(&["95 percent"], 2.0, true)],
    );
    passes(
        &b,
        "About 95% of the values lie within two standard deviations.",
    );
    fails(
        &b,
        "About 95 of them; print it with % in the format string.",
    );
    fails(
        &b,
        "About 68% of the values lie within two standard deviations.",
    );
}
