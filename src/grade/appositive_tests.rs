//! Unit tests of an appositive that renames X ("X, a Y, ..."): it is X's clause for a
//! relation of two terms (see `compile::pairing::appositive`). Fresh answers in two
//! domains, memory and the sky: right answers that give a role in the appositive pass;
//! the same with the roles swapped fail, and so does a clause after the comma that only
//! looks like one (its own verb) or a list.

use super::tests::{fails, passes, relation, rubric_bank};
use super::*;

/// A bank of one question: `model` as its model answer and two required ordered
/// relations, each a subject and its role.
fn roles_bank(model: &str, first: &[&[&str]], second: &[&[&str]]) -> Bank {
    rubric_bank(
        "What does each one do?",
        model,
        vec![
            relation(first, true, 1.0, true),
            relation(second, true, 1.0, true),
        ],
    )
}

fn memory() -> Bank {
    roles_bank(
        "The stack holds the local variables of each call and is freed when the call \
         returns. The heap holds what the program allocates at run time, until it is freed.",
        &[&["stack"], &["local", "locals"]],
        &[
            &["heap"],
            &[
                "allocate",
                "allocates",
                "allocated",
                "allocation",
                "allocations",
            ],
        ],
    )
}

fn sky() -> Bank {
    roles_bank(
        "A star makes its own light by fusion. A planet shines only because it reflects the \
         light of its star.",
        &[&["star", "stars"], &["own light", "fusion"]],
        &[
            &["planet", "planets"],
            &["reflect", "reflects", "reflected"],
        ],
    )
}

#[test]
fn a_role_said_in_an_appositive_is_the_renamed_things() {
    let memory = memory();
    passes(
        &memory,
        "The program keeps its data in two places: the stack, a store of local variables, \
         and the heap, a pool for allocations.",
    );
    passes(
        &memory,
        "Each call gets a frame on the stack, a region for its local variables; the heap \
         holds what the program allocates at run time.",
    );
    let sky = sky();
    passes(
        &sky,
        "Sirius is a star, a source of its own light, and Venus is a planet that reflects \
         sunlight.",
    );
}

#[test]
fn an_appositive_gives_nothing_to_another_thing_when_the_roles_are_swapped() {
    let memory = memory();
    fails(
        &memory,
        "The program keeps its data in two places: the heap, a store of local variables, \
         and the stack, a pool for allocations.",
    );
    fails(
        &memory,
        "Each call gets a frame on the heap, a region for its local variables; the stack \
         holds what the program allocates at run time.",
    );
    fails(
        &sky(),
        "Sirius is a planet, a source of its own light, and Venus is a star that reflects \
         sunlight.",
    );
}

#[test]
fn a_clause_or_a_list_after_the_comma_is_no_appositive() {
    let sky = sky();
    // A clause with a verb of its own: the light is the planet's business there.
    fails(
        &sky,
        "Sirius is a star, a planet reflects its own light, and Venus is a planet that \
         reflects sunlight.",
    );
    // Items of a list, each a thing of its own: nothing is said of what the heap holds.
    fails(
        &memory(),
        "The stack holds the local variables of each call; the runtime also sets up the \
         heap, a free list of allocations, and a table of globals.",
    );
}
