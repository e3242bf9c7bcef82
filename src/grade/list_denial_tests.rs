//! Unit tests of a denial over a list (round 48, w88-noneof): *no*, *none of*, *lacks*
//! or a verb's *not* before a list of items with commas ("none of the A, B or RhD
//! antigens", "don't carry A, B or RhD antigens") deny every item and the head they share,
//! in the model answer and in an answer alike; and, for a derived rubric, "there is no
//! X" denies X as a verb does. Fresh sentences of subjects no probe asks about (the
//! scopes themselves are tested in `negation::tests`).

use super::tests::{concept, derived_bank, fails, passes, rubric_bank};

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

fn bread_steam() -> crate::bank::Bank {
    derived_bank(
        "Why do bakers put steam in the oven at the start of baking?",
        "Bakers inject steam at the start of baking because the moist air keeps the crust \
         soft for the first minutes, so the loaf can expand fully. The steam also \
         gelatinises starch on the surface, which gives a glossy crust. The cost is energy \
         and a wet oven, so the vents are opened later to dry the crust.",
    )
}

#[test]
fn there_is_no_denies_a_derived_claim() {
    // One verb's denial and "there is no" of a word the model answer states: denied.
    let answer = "Bakers inject steam at the start of baking so the moist air keeps the crust \
                  soft for the first minutes; the loaf does not expand any further, and the \
                  surface gets a glossy crust. There is no energy cost, and the vents stay shut.";
    let g = super::tests::grade(&bread_steam(), answer);
    assert!(!g.passed, "{}", super::explain::explain(&g));
    assert!(
        g.contradictions.iter().any(|c| c.role == "denials"),
        "{g:?}"
    );
    // A *there is no* of what the model answer never claims denies nothing.
    let answer = "Steam keeps the crust soft early so the loaf can expand fully, and it \
                  gelatinises the surface starch for a glossy crust; there is no other \
                  reason, and the cost is energy and a wet oven.";
    passes(&bread_steam(), answer);
    // Nor does a *no* that says what a thing holds: "a dry oven has no moist air".
    let answer = "Steam keeps the crust soft early so the loaf can expand fully; a dry oven \
                  has no moist air and the crust sets too soon. The steam gelatinises the \
                  surface starch for a glossy crust, at the cost of energy and a wet oven.";
    passes(&bread_steam(), answer);
}
