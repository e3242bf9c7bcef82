//! Unit tests of a misconception whose word stands only as the subject of a denied verb
//! in a relative clause (round 47, w86-relclause, probe-lead46 lines 42 and 45):
//! "antibiotics kill bacteria by hitting parts that bacteria have and viruses don't" does
//! not say antibiotics kill viruses. Fresh sentences of subjects no probe asks about; the
//! mistake said in the main clause, of the antecedent, or plainly in the relative clause
//! still fails.

use super::AsideReason;
use super::tests::{concept, fails, grade, mistakes_bank, passes, relation};

/// Kitchen physics: a microwave heats the water in food, which a ceramic plate lacks.
fn microwave_bank() -> crate::bank::Bank {
    mistakes_bank(
        "Why does a microwave oven heat the soup but barely warm the ceramic bowl?",
        "Microwaves heat food by making its water molecules rotate; the ceramic bowl holds \
         no water, so it only warms from contact with the hot soup.",
        vec![
            concept(&["water"], 2.0, true),
            concept(&["rotate", "spin", "shake"], 1.0, false),
        ],
        vec![relation(
            &[
                &["microwaves", "microwave"],
                &["heat", "heats", "warm"],
                &["bowl", "ceramic"],
            ],
            true,
            1.0,
            false,
        )],
    )
}

#[test]
fn a_word_denied_in_a_relative_clause_is_not_the_main_clauses() {
    let b = microwave_bank();
    for right in [
        "Microwaves heat the soup by spinning water molecules that the soup has and the \
         bowl doesn't.",
        "The microwave heats things by shaking water molecules which a ceramic bowl does \
         not contain.",
        "A microwave heats only the water that the bowl never has, and the bowl warms from \
         the soup.",
    ] {
        passes(&b, right);
        let g = grade(&b, right);
        assert_eq!(
            g.set_aside.first().map(|a| a.reason),
            Some(AsideReason::DeniedInRelative),
            "{right}"
        );
    }
}

#[test]
fn the_mistake_said_plainly_still_counts() {
    let b = microwave_bank();
    for wrong in [
        // In the main clause.
        "Microwaves heat the bowl as much as the soup, because the water spins in both.",
        // Of the antecedent: the bowl is what the microwave heats.
        "The microwave heats the bowl, which does not hold water, by making the glaze spin.",
        // Plainly in the relative clause: nothing denies the bowl.
        "Microwaves heat the water molecules that the bowl holds, making them spin.",
        // A denial in the main clause of the right thing: a swap.
        "Microwaves don't heat water at all; they heat the bowl which then warms the soup.",
        // *that* after an -ing form opens what is checked, not a relative clause.
        "Microwaves heat the bowl by checking that the water doesn't spin.",
    ] {
        fails(&b, wrong);
    }
}
