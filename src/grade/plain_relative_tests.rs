//! Unit tests of a denial that ends where a relative clause with its own verb begins
//! (round 47, w87-relneg, probe-lead47 line 13): "the virus can't spread through a
//! population where most people are immune" says the people are immune. Fresh sentences
//! of a subject no probe asks about (a firebreak); a denial of the clause's own verb, and
//! a denial of the whole phrase (after *is not*, or *no*), still fail.

use super::explain::explain;
use super::tests::{concept, fails, grade, passes, rubric_bank};

/// Wildfire: a firebreak is a strip cleared of fuel, so the fire cannot cross it.
fn firebreak_bank() -> crate::bank::Bank {
    rubric_bank(
        "Why does a firebreak stop a wildfire?",
        "A firebreak is a strip of ground where the fuel has been cleared, so the fire finds \
         nothing to burn there and dies at its edge.",
        vec![
            concept(&["cleared", "removed"], 2.0, true),
            concept(&["fuel", "brush", "vegetation"], 1.0, true),
        ],
    )
}

#[test]
fn a_relative_clause_after_a_denied_verb_says_its_own_claim() {
    let b = firebreak_bank();
    for right in [
        "The fire can't spread across a strip where the fuel is cleared away.",
        "Flames do not cross ground that has been cleared of fuel.",
        "The fire never reaches the trees beyond a strip where crews removed the brush.",
        "It doesn't jump to land whose vegetation was cleared.",
        "The fire doesn't reach the houses of people who cleared the brush around them.",
    ] {
        passes(&b, right);
        let g = grade(&b, right);
        assert!(
            g.concepts.iter().all(|c| !c.denied),
            "{right}\n{}",
            explain(&g)
        );
    }
}

#[test]
fn a_denied_clause_or_a_denied_phrase_still_fails() {
    let b = firebreak_bank();
    for wrong in [
        // The clause's own verb denied.
        "The fire can't spread across a strip where the fuel is not cleared.",
        "Flames cross ground that has never been cleared of fuel.",
        // The whole phrase denied: a copula, and a *no* before the noun.
        "The fire crosses it, because it is not a strip where the fuel is cleared.",
        "No strip where the fuel is cleared stops a fire.",
        // A *that* before a subject says what the noun says, under the denial.
        "A firebreak doesn't give any sign that the fuel is cleared.",
    ] {
        fails(&b, wrong);
    }
}
