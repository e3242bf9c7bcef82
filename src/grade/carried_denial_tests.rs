//! Unit tests of a subject a pronoun carries into the next clause. A *that* ending the
//! clause before a `;` points and is no relative pronoun, so that clause names the
//! antecedent clearly (see `token::clear_antecedent`). A subject denied by an adjective
//! (*useless*, *pointless*), or the subject of a belief the answer rejects, carried by a
//! pronoun into the next clause takes that clause's polarity (see
//! `compile::carried_past_its_denial`). Fresh answers on bees and magnets: right answers
//! of the shape pass; a denial, a pronoun that stands for the other subject and a term
//! said only under the denial still fail.

use super::tests::{fails, passes, relation, rubric_bank};
use super::*;

fn bees() -> Bank {
    rubric_bank(
        "Why do orchards keep hives?",
        "Bees visit the blossoms and pollinate the fruit trees.",
        vec![relation(
            &[&["bee", "bees"], &["pollinate", "pollinates"]],
            false,
            1.0,
            true,
        )],
    )
}

#[test]
fn a_that_ending_the_clause_before_a_semicolon_is_no_relative_pronoun() {
    let b = bees();
    passes(&b, "Bees get around that; they pollinate the trees.");
    // A relative clause still brings a second subject: nothing is carried.
    fails(
        &b,
        "Bees visit every blossom that opens; they pollinate the trees.",
    );
    // *It* is the wind, which agrees with it; the bees lend it nothing.
    fails(&b, "Bees get around that; it pollinates the trees.");
    // A denial after the `;` is still a denial.
    fails(&b, "Bees get around that; they do not pollinate the trees.");
}

fn magnets() -> Bank {
    rubric_bank(
        "Why can't a magnet sort aluminium cans from steel ones by itself?",
        "Magnets attract iron and steel; aluminium is not magnetic, so it stays behind.",
        vec![relation(
            &[&["magnet", "magnets"], &["iron", "steel"]],
            false,
            1.0,
            true,
        )],
    )
}

#[test]
fn a_subject_denied_by_an_adjective_takes_the_polarity_of_the_pronoun_clause() {
    let b = magnets();
    passes(
        &b,
        "Magnets are useless for aluminium. They only attract steel.",
    );
    passes(&b, "Magnets are pointless here. They only pull on iron.");
    // The carried clause denies it too.
    fails(
        &b,
        "Magnets are useless here. They do not attract steel either.",
    );
    // The other term is said only under the denial.
    fails(
        &b,
        "Magnets are useless near steel. They only attract aluminium.",
    );
    // *It* does not agree with *magnets*: nothing is carried.
    fails(&b, "Magnets are useless here. It only attracts steel.");
}

#[test]
fn the_subject_of_a_rejected_belief_takes_the_polarity_of_the_pronoun_clause() {
    let b = magnets();
    passes(
        &b,
        "People think a magnet picks up any metal can, but it only attracts steel.",
    );
    // The other term is said only in the belief.
    fails(
        &b,
        "People think a magnet picks up steel cans, but it only attracts aluminium.",
    );
    // The pronoun's clause denies it as well.
    fails(
        &b,
        "People think magnets attract every metal, but they don't.",
    );
    // No pronoun: nothing is carried, and the magnet stays in the belief.
    fails(
        &b,
        "People think a magnet picks up any metal can, but steel is what it attracts.",
    );
}
