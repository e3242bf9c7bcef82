//! Unit tests of two quantities compared by their numbers alone (round 49,
//! w90-numbers): "100 km/h against 80 km/h" says *faster* as plainly as the word does,
//! "10 g against 5 g" says *more*, "0.1% vs 1.5%" says *lower*. Fresh sentences of
//! subjects no probe asks about; numbers turned round, units of another kind or
//! magnitude, and ranges that overlap still fail.

use super::tests::{concept, fails, passes, relation, rubric_bank};

#[test]
fn two_speeds_against_each_other_say_faster() {
    // Wildlife: the rubric wants the cheetah faster.
    let b = rubric_bank(
        "Why does a cheetah win a short sprint against a gazelle?",
        "Over a short sprint a cheetah runs much faster than a gazelle, though it tires fast.",
        vec![
            concept(&["faster", "quicker"], 2.0, true),
            concept(&["tires", "short"], 1.0, false),
        ],
    );
    passes(
        &b,
        "A cheetah sprints at about 100 km/h against 80 km/h for a gazelle, but it tires soon.",
    );
    passes(
        &b,
        "A cheetah sprints at 100 km/h vs 80 km/h for a gazelle; it tires soon.",
    );
    // Turned round: slower.
    fails(
        &b,
        "A cheetah sprints at about 60 km/h against 80 km/h for a gazelle, but it tires soon.",
    );
    // Another unit: no comparison read.
    fails(
        &b,
        "A cheetah sprints at about 100 km/h against 80 mph for a gazelle, but it tires soon.",
    );
    // Ranges that overlap say neither.
    fails(
        &b,
        "A cheetah sprints at 90-110 km/h against 100 km/h for a gazelle, but it tires soon.",
    );
    // Not a speed: *more* and *higher*, never *faster*.
    fails(
        &b,
        "A cheetah weighs about 50 kg against 30 kg for a gazelle, but it tires soon.",
    );
}

#[test]
fn two_amounts_against_each_other_say_more_of_the_first() {
    // Dentistry: the rubric wants cola before *more*.
    let b = rubric_bank(
        "Why is a can of cola worse for the teeth than a glass of milk?",
        "Cola holds far more sugar than milk, and its acid attacks the enamel.",
        vec![
            relation(&[&["cola"], &["more", "higher"]], true, 2.0, true),
            concept(&["acid"], 1.0, false),
        ],
    );
    passes(
        &b,
        "Cola has about 10 g of sugar per decilitre against roughly 5 g in milk, and acid too.",
    );
    // Turned round: cola has less.
    fails(
        &b,
        "Cola has about 5 g of sugar per decilitre against roughly 10 g in milk, and acid too.",
    );
    // The larger amount is milk's: *more* stands before cola, not after it.
    fails(
        &b,
        "Milk has about 10 g of sugar per decilitre against roughly 5 g in cola, and acid too.",
    );
    // Another magnitude: milligrams against grams.
    fails(
        &b,
        "Cola has about 10 mg of sugar per decilitre against roughly 5 g in milk, and acid too.",
    );
}

#[test]
fn two_percentages_versus_each_other_say_lower_of_the_first() {
    // Personal finance: the rubric wants the index fund's fee lower.
    let b = rubric_bank(
        "Why is an index fund usually cheaper to hold than an active fund?",
        "The index fund charges a much lower annual fee than the active fund.",
        vec![relation(
            &[&["index fund"], &["lower", "less", "cheaper"]],
            true,
            2.0,
            true,
        )],
    );
    passes(
        &b,
        "The index fund charges 0.1% vs 1.5% a year for the active fund.",
    );
    passes(
        &b,
        "The index fund charges 0.1% versus 1.5% a year for the active fund.",
    );
    fails(
        &b,
        "The index fund charges 1.5% vs 0.1% a year for the active fund.",
    );
    // Across two clauses: no comparison read.
    fails(
        &b,
        "The index fund charges 0.1%, while the active fund charges 1.5%.",
    );
}
