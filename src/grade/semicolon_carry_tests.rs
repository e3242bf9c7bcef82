//! Unit tests of a pronoun (*it*, *they*) that opens the clause after a `;` when the
//! clause just before it names no clear subject (one opened by *but*, *and*, *not*):
//! in a sentence of two clauses it carries the subject of the other one when that agrees
//! with it in number, as after a `.`, unless the clause just before denies something
//! (see `token::carry_from`). Fresh answers on kettles: right answers of the shape pass;
//! a pronoun for the other subject, two clauses that both agree, a swap, a denial in the
//! pronoun's clause and a denial joined across still fail.

use super::tests::{fails, passes, relation, rubric_bank};
use super::*;

/// `thermostat → switch`, within a sentence.
fn kettle() -> Bank {
    let mut concept = relation(
        &[&["thermostat", "thermostats"], &["switch", "switches"]],
        true,
        1.0,
        true,
    );
    if let Some(relation) = concept.relation.as_mut() {
        relation.within = crate::bank::Within::Sentence;
    }
    rubric_bank(
        "What does the thermostat of a kettle do?",
        "The thermostat senses the water reach boiling point and switches the power off.",
        vec![concept],
    )
}

#[test]
fn a_pronoun_after_a_semicolon_carries_the_other_clause_that_agrees() {
    let b = kettle();
    passes(
        &b,
        "The thermostat senses the steam but the elements heat the water; it switches the \
         power off at the boil.",
    );
    passes(
        &b,
        "The thermostat does not heat anything, and the elements do that; it switches the \
         kettle off.",
    );
    // *They* is the elements, not the thermostat.
    fails(
        &b,
        "The thermostat senses the steam but the elements heat the water; they switch the \
         power off.",
    );
    // Two clauses that agree: *it* may be either, and nothing is carried.
    fails(
        &b,
        "The thermostat senses the steam but the element heats the water; it switches the \
         power off.",
    );
    // A swap: the switch comes first and cuts the thermostat.
    fails(
        &b,
        "The switch senses the steam but the elements heat the water; it cuts the \
         thermostat off.",
    );
    // A denial in the pronoun's clause is still a denial.
    fails(
        &b,
        "The thermostat senses the steam but the elements heat the water; it does not \
         switch the power off.",
    );
}

#[test]
fn a_denial_in_the_clause_before_the_semicolon_is_not_joined_across_it() {
    let b = kettle();
    // *It* is the good kettle; the thermostat is only in the denied clause.
    fails(
        &b,
        "A good kettle boils the water quickly, not just that the thermostat clicks; it \
         switches off by itself.",
    );
}
