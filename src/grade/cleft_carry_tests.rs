//! Unit tests of a denial carried no further than its clause: a subject that a cleft
//! ("X is not what ...") or another predicate after it denies, carried by a pronoun into
//! the next clause, takes that clause's polarity there (see
//! `compile::carried_past_its_denial`). Fresh answers in two domains, cells and memory:
//! right answers of the shape pass; the same with the roles swapped fail, the denial
//! still said of its own clause and the carried clause giving the wrong role.

use super::tests::{fails, mistakes_bank, passes, relation};
use super::*;

/// A bank of one question: `model` as its model answer, two required relations (each
/// a subject and its role), and a misconception giving the second subject the first
/// one's role.
fn roles_bank(model: &str, first: &[&[&str]], second: &[&[&str]], mistake: &[&[&str]]) -> Bank {
    mistakes_bank(
        "What does each one do?",
        model,
        vec![
            relation(first, false, 1.0, true),
            relation(second, false, 1.0, true),
        ],
        vec![relation(mistake, false, 1.0, false)],
    )
}

fn cells() -> Bank {
    roles_bank(
        "The mitochondrion makes ATP for the cell. The ribosome builds proteins from the mRNA.",
        &[&["mitochondrion", "mitochondria"], &["atp", "energy"]],
        &[&["ribosome", "ribosomes"], &["protein", "proteins"]],
        &[&["ribosome", "ribosomes"], &["atp", "energy"]],
    )
}

fn memory() -> Bank {
    roles_bank(
        "The stack holds the local variables of each call and is freed when the call \
         returns. The heap holds what the program allocates at run time, until it is freed.",
        &[&["stack"], &["local", "locals"]],
        &[
            &["heap"],
            &["allocate", "allocates", "allocated", "allocation"],
        ],
        &[&["heap"], &["local", "locals"]],
    )
}

#[test]
fn a_subject_a_cleft_denies_is_said_plainly_in_the_clause_a_pronoun_carries_it_into() {
    let cells = cells();
    passes(
        &cells,
        "The ribosome isn't what makes ATP; it builds the proteins, and the mitochondrion \
         makes the ATP.",
    );
    passes(
        &cells,
        "A ribosome is not what gives the cell its energy. It builds proteins from the mRNA, \
         while the mitochondrion makes ATP.",
    );
    passes(
        &cells,
        "A ribosome is not what makes ATP. Instead it builds proteins, while the mitochondrion \
         makes the ATP.",
    );
    let memory = memory();
    passes(
        &memory,
        "The heap isn't what holds the local variables; it is where the program allocates \
         memory at run time, and the stack holds the locals of each call.",
    );
    passes(
        &memory,
        "The heap is not what keeps local variables. It holds what you allocate at run \
         time, and the stack keeps the local variables.",
    );
}

#[test]
fn the_denial_stays_in_its_own_clause_when_the_roles_are_swapped() {
    let cells = cells();
    // The role denied is the right one, and the carried clause gives the wrong one.
    fails(
        &cells,
        "The ribosome isn't what builds proteins; it makes ATP, and the mitochondrion builds \
         the proteins.",
    );
    fails(
        &cells,
        "A ribosome is not what builds proteins. It makes the ATP, while the mitochondrion \
         makes proteins.",
    );
    let memory = memory();
    fails(
        &memory,
        "The heap is not what the program allocates at run time; it holds the local \
         variables, and the stack is where memory is allocated.",
    );
    // The carried clause denies the role too: nothing is said of the ribosome.
    fails(
        &cells,
        "The ribosome isn't what makes ATP; it doesn't build proteins either, and the \
         mitochondrion makes the ATP.",
    );
}

#[test]
fn a_denied_subject_with_its_role_in_another_subjects_clause_stays_denied() {
    // No pronoun carries the ribosome on: the proteins are the mitochondrion's here.
    fails(
        &cells(),
        "The ribosome isn't what makes ATP, and the mitochondrion builds proteins and makes \
         ATP.",
    );
}
