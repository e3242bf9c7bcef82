//! Unit tests of a condition that opens its sentence and holds a relation's second term,
//! "When A ..., X ..." (see `compile::pairing::case_first`): X, the subject of the clause
//! after the condition, is what meets the case A. Fresh answers in two domains, a car's
//! driving aids and the hormones of blood sugar: right answers of the shape pass; the
//! same words with the roles swapped fail, and so does a clause after the condition that
//! denies X anything, and an implication, "if A, then X", which says the converse.

use super::tests::{fails, passes, relation, rubric_bank};
use super::*;

/// A bank of one question: `model` as its model answer and two required ordered
/// relations, each a thing and the case it meets.
fn cases_bank(model: &str, first: &[&[&str]], second: &[&[&str]]) -> Bank {
    rubric_bank(
        "What does each one respond to?",
        model,
        vec![
            relation(first, true, 1.0, true),
            relation(second, true, 1.0, true),
        ],
    )
}

fn driving() -> Bank {
    cases_bank(
        "ABS keeps the wheels from locking under hard braking. Traction control keeps them \
         from spinning under hard acceleration.",
        &[&["abs"], &["brake", "braking"]],
        &[
            &["traction control"],
            &["accelerate", "acceleration", "accelerating"],
        ],
    )
}

fn blood_sugar() -> Bank {
    cases_bank(
        "Insulin is released when blood sugar is high, so that cells take up glucose. \
         Glucagon is released when blood sugar is low, so that the liver releases glucose.",
        &[&["insulin"], &["high"]],
        &[&["glucagon"], &["low"]],
    )
}

#[test]
fn a_case_in_a_fronted_condition_is_met_by_the_subject_after_it() {
    let driving = driving();
    passes(
        &driving,
        "When you brake hard on ice, the ABS steps in; when you accelerate hard on ice, \
         traction control steps in.",
    );
    passes(
        &driving,
        "When you brake too hard, the wheels could lock and the ABS releases them; when \
         you accelerate too hard, traction control cuts the power.",
    );
    let sugar = blood_sugar();
    passes(
        &sugar,
        "When your blood sugar is high after a meal, insulin brings it down; once it falls \
         low overnight, glucagon raises it.",
    );
}

#[test]
fn a_fronted_case_gives_nothing_to_the_other_thing_or_to_a_denied_subject() {
    let driving = driving();
    fails(
        &driving,
        "When you brake hard on ice, traction control steps in; when you accelerate hard \
         on ice, the ABS steps in.",
    );
    fails(
        &driving,
        "When you brake hard on ice, the ABS does nothing at all; when you accelerate hard \
         on ice, traction control steps in.",
    );
    let sugar = blood_sugar();
    fails(
        &sugar,
        "When your blood sugar is high after a meal, glucagon brings it down; once it falls \
         low overnight, insulin raises it.",
    );
    fails(
        &sugar,
        "When your blood sugar is high after a meal, insulin is never released; once it \
         falls low overnight, glucagon raises it.",
    );
}

/// A misconception of an implication ("a smaller timestamp means it happened first"),
/// and the right direction said as "if A, then X": not turned into the mistake.
#[test]
fn an_implication_is_not_a_case_turned_round() {
    let bank = super::tests::mistakes_bank(
        "Does a higher score prove more skill?",
        "More skill gives a higher score on average, but a higher score alone does not \
         prove more skill: luck plays a part.",
        vec![relation(&[&["luck"], &["part", "role"]], true, 1.0, true)],
        vec![relation(
            &[&["higher score"], &["more skill"]],
            true,
            1.0,
            false,
        )],
    );
    passes(
        &bank,
        "If a player has more skill, then a higher score follows on average, and luck plays \
         a part too.",
    );
    fails(
        &bank,
        "A higher score means more skill, and luck plays a part too.",
    );
}
