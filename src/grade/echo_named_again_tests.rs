//! Unit tests of a denial an answer repeats from the model answer while naming its thing
//! again by fewer words (round 48, w89-echo): when the model answer states a term plainly
//! and also denies it, an answer's denial counts if it names the model's denied thing
//! after a definite determiner, possessive or pronoun, with the model's verb ("its red
//! cells carry no A, B or RhD antigens" for "O-negative red cells carry none of the A, B
//! or RhD antigens"). Fresh sentences of subjects no probe asks about.

use super::tests::{concept, fails, passes, rubric_bank};

fn distilled() -> crate::bank::Bank {
    // Chemistry: the model answer denies the ions of distilled water and states them
    // plainly of tap water.
    rubric_bank(
        "Why does distilled water barely conduct electricity?",
        "Distilled water carries none of the calcium, magnesium or sodium ions of tap water. \
         In tap water those ions carry the current, so distilled water barely conducts.",
        vec![
            concept(&["ions", "ion"], 2.0, true),
            concept(
                &["barely conducts", "conducts poorly", "hardly conducts"],
                2.0,
                true,
            ),
        ],
    )
}

#[test]
fn a_denial_of_the_thing_named_again_repeats_the_model_s() {
    let b = distilled();
    // The thing named again by a determiner, with the model's verb.
    passes(
        &b,
        "It barely conducts: the water carries no calcium, magnesium or sodium ions.",
    );
    // By a pronoun before the verb.
    passes(
        &b,
        "It carries no calcium, magnesium or sodium ions, so it barely conducts.",
    );
    // The same words after a clause of its own ("what matters is that ...").
    passes(
        &b,
        "What matters is that this water carries no calcium, magnesium or sodium ions, so \
         it barely conducts.",
    );
}

#[test]
fn a_denial_of_another_thing_or_by_another_verb_does_not() {
    let b = distilled();
    // Said of the model's other thing.
    fails(
        &b,
        "The tap water carries no calcium, magnesium or sodium ions, so distilled water \
         barely conducts.",
    );
    // Another verb: not the model's denial.
    fails(
        &b,
        "It barely conducts, since the water loses no calcium, magnesium or sodium ions.",
    );
}

#[test]
fn a_not_denial_named_again_repeats_the_model_s_too() {
    // Zoology: a denial by *not*, its verb after the cue.
    let b = rubric_bank(
        "How does a hibernating dormouse survive the winter?",
        "A hibernating dormouse does not burn fat quickly: its heart slows and its body \
         cools. Active dormice burn fat all day, so the slow rate makes the stored fat last \
         the winter.",
        vec![
            concept(&["fat"], 2.0, true),
            concept(&["heart slows", "slow heart", "heartbeat slows"], 1.0, true),
        ],
    );
    passes(
        &b,
        "Its heart slows and the dormouse does not burn fat quickly, so it lasts all winter.",
    );
    fails(
        &b,
        "Its heart slows and the active dormouse does not burn fat quickly, so it lasts.",
    );
}
