//! Unit tests of a comparison said the other way round (round 49, w91-compar): the model
//! answer says "S is K than T" of a comparative keyword K (`less dense`, `faster`,
//! `lower`), and *T is K's antonym than S* says the same thing, the two places swapped
//! and the comparative turned. Turning the comparative alone reverses the claim and
//! still fails (swapping the places alone keeps K's own words, read as before). Fresh
//! sentences of subjects no probe asks about.

use super::tests::{concept, fails, passes, rubric_bank};

#[test]
fn the_converse_of_a_less_comparison_meets_it() {
    // Ballooning: helium is less dense than air.
    let b = rubric_bank(
        "Why does a helium balloon rise?",
        "Helium is about seven times less dense than air, so the air it displaces weighs \
         more than the balloon and pushes it up.",
        vec![concept(&["less dense", "lighter than"], 2.0, true)],
    );
    passes(
        &b,
        "Air is denser than helium, so the balloon is pushed up.",
    );
    passes(
        &b,
        "The air is much denser than the helium inside, so it rises.",
    );
    passes(&b, "Helium is less dense than air, so it rises.");
    // The comparative turned alone: helium would sink.
    fails(
        &b,
        "Helium is denser than air, so the balloon is pushed up.",
    );
    // Denied, or nothing compared.
    fails(
        &b,
        "Air is not denser than helium; the balloon rises because it is hot.",
    );
    fails(&b, "Air is denser, so the balloon is pushed up.");
}

#[test]
fn the_converse_of_a_comparative_of_the_table_meets_it() {
    // Cycling: a road bike is faster than a mountain bike on tarmac.
    let b = rubric_bank(
        "Why do commuters on paved roads prefer road bikes?",
        "On tarmac a road bike is faster than a mountain bike: its thin tyres roll with \
         less resistance.",
        vec![
            concept(&["faster", "quicker"], 2.0, true),
            concept(&["tyres", "tires"], 1.0, false),
        ],
    );
    passes(
        &b,
        "A mountain bike is slower than a road bike on tarmac, since its wide tyres drag.",
    );
    // The comparative turned alone: the claim reversed.
    fails(
        &b,
        "A road bike is slower than a mountain bike on tarmac, since its tyres are thin.",
    );
}
