//! Unit tests of a denial over a list (round 48, w88-noneof): *no*, *none of*, *lacks*
//! or a verb's *not* before a list of items with commas ("none of the A, B or RhD
//! antigens", "don't carry A, B or RhD antigens") deny every item and the head they share,
//! in the model answer and in an answer alike. Fresh sentences of subjects no probe asks about (the
//! scopes themselves are tested in `negation::tests`).

use super::tests::{concept, fails, passes, rubric_bank};

#[test]
fn a_model_denial_over_a_list_matches_an_answer_s_denial() {
    // Botany: the model answer denies the head noun past a list of its kinds.
    let b = rubric_bank(
        "Why can a dandelion seed not germinate in the dark?",
        "The seed carries none of the starch, oil or protein reserves a large seed has; it \
         needs light at once to feed itself.",
        vec![
            concept(&["reserves", "stores"], 2.0, true),
            concept(&["light"], 2.0, true),
        ],
    );
    passes(
        &b,
        "It has no starch, no oil and no protein reserves, so it needs light straight away.",
    );
    passes(&b, "It lacks stored reserves, so it needs light at once.");
    fails(
        &b,
        "It carries big starch and oil reserves, but it still needs light at once.",
    );
    // The same denial read in the answer: a model answer that says them plainly.
    let b = rubric_bank(
        "What does a coconut carry for its seedling?",
        "A coconut carries large water, oil and sugar reserves for its seedling, and light \
         is not needed at first.",
        vec![
            concept(&["reserves", "stores"], 2.0, true),
            concept(&["seedling"], 1.0, false),
        ],
    );
    passes(
        &b,
        "It carries water, oil and sugar reserves for the seedling.",
    );
    fails(
        &b,
        "It carries none of the water, oil or sugar reserves; the seedling feeds itself.",
    );
}
