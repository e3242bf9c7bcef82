//! Unit tests of a pronoun that opens a sentence after a sentence of several clauses: it
//! carries the subject of the one clause that agrees with it in number (see
//! `token::agreeing_clause`). Fresh answers on vaccines and fevers: right answers of the
//! shape pass; a pronoun that stands for the other subject lends nothing, two clauses
//! that both agree carry nothing, and a denial in the pronoun's sentence still fails.

use super::tests::{fails, passes, relation, rubric_bank};
use super::*;

fn vaccines() -> Bank {
    rubric_bank(
        "Why does a vaccine help when a fever does not cure anything?",
        "Vaccines train the immune system to know a pathogen before any infection. A fever \
         is a symptom of the body fighting an infection, not a cure.",
        vec![
            relation(
                &[&["vaccine", "vaccines"], &["train", "trains"]],
                false,
                1.0,
                true,
            ),
            relation(
                &[&["fever", "fevers"], &["symptom", "symptoms"]],
                false,
                1.0,
                true,
            ),
        ],
    )
}

#[test]
fn a_pronoun_after_a_sentence_of_two_clauses_carries_the_subject_that_agrees_with_it() {
    let b = vaccines();
    passes(
        &b,
        "Vaccines do not cure an infection, and a fever is only a symptom. They train the \
         immune system ahead of time.",
    );
    passes(
        &b,
        "A fever is a symptom, and vaccines are given early. They train the immune system.",
    );
    passes(
        &b,
        "Vaccines come before any infection, but a fever is a symptom of one. They train the \
         immune system.",
    );
    // *It* is the fever: the vaccines do not take its verb.
    fails(
        &b,
        "A fever is a symptom, and vaccines are given early. It trains the immune system.",
    );
    // Two plural subjects: *they* could be either, and carries nothing.
    fails(
        &b,
        "Fevers are symptoms, and vaccines are given early. They train the immune system.",
    );
    // A denial in the pronoun's sentence is still a denial.
    fails(
        &b,
        "A fever is a symptom, and vaccines are given early. They do not train the immune \
         system.",
    );
}
