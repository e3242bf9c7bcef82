//! Unit tests of a relation said as a need denied twice (round 48, w88-nolonger): a
//! *without* that opens its sentence or a clause, then a denied ability or a failure,
//! "Without yeast, the dough cannot rise", says that the thing lacking makes the deed
//! possible, and meets `yeast → rise`. Fresh sentences of subjects no probe asks about;
//! a swap, both terms on one side, or a claim said plainly under the *without* still fail.

use super::tests::{concept, fails, passes, relation, rubric_bank};
use crate::bank::{Concept, Within};

/// `relation(...)` within one sentence, as the probes' rubrics write it.
fn in_a_sentence(terms: &[&[&str]], ordered: bool) -> Concept {
    let mut c = relation(terms, ordered, 2.0, true);
    if let Some(r) = c.relation.as_mut() {
        r.within = Within::Sentence;
    }
    c
}

#[test]
fn without_then_cannot_or_fails_to_meets_the_relation() {
    // Baking.
    let b = rubric_bank(
        "Why does bread dough rise?",
        "Yeast ferments the sugars in the dough, and the carbon dioxide it gives off makes \
         the dough rise.",
        vec![
            in_a_sentence(&[&["yeast"], &["rise", "rises"]], true),
            concept(&["carbon dioxide"], 1.0, false),
        ],
    );
    for right in [
        "Without yeast, the dough cannot rise: nothing turns the sugar into carbon dioxide.",
        "Flour and water alone stay flat, but without yeast the loaf fails to rise.",
        "Without live yeast the dough is unable to rise, since no carbon dioxide forms.",
        "Without yeast the dough can't rise.",
    ] {
        passes(&b, right);
    }
    for wrong in [
        // Said plainly under the *without*: the yeast is not needed.
        "Without yeast, the dough rises just as well from the kneading.",
        // The two turned round.
        "Without a rise, the baker cannot add yeast.",
        // Both terms under the *without*: no deed after the later cue.
        "Without yeast or a rise, the baker cannot sell the loaf.",
        // The ability denied plainly, with the yeast there.
        "With yeast the dough cannot rise; it is the salt that lifts it.",
    ] {
        fails(&b, wrong);
    }
}

#[test]
fn a_need_denied_twice_in_physics() {
    // Sound in a vacuum.
    let b = rubric_bank(
        "Why can't astronauts hear each other shout outside the station?",
        "Sound is a pressure wave that needs a medium: air carries it to the ear. In the \
         vacuum of space there is no air, so the sound has nothing to travel through.",
        vec![
            in_a_sentence(
                &[&["air", "medium"], &["travel", "travels", "carries"]],
                true,
            ),
            concept(&["vacuum"], 1.0, false),
        ],
    );
    passes(
        &b,
        "Space is a vacuum, and without air the sound of a shout cannot travel to anyone.",
    );
    passes(
        &b,
        "Without a medium, sound fails to travel; space is a vacuum.",
    );
    for wrong in [
        // Said plainly under the *without*: air is not needed.
        "Without air, a shout still travels through the vacuum to the other suit.",
        // The two turned round.
        "Without travelling far, a shout cannot reach the air in the vacuum.",
    ] {
        fails(&b, wrong);
    }
}
