use super::glosses;
use crate::grade::Grade;

/// A model answer that defines three parts of a kite, two by parentheses.
const KITE: &str = "A kite has three parts: the spar (the stiff cross stick), the bridle \
    (the short string loop) and the sail, which is the painted fabric that catches the \
    wind.";

fn grade(answer: &str) -> Grade {
    use crate::grade::tests::{derived_bank, grade};
    grade(
        &derived_bank(
            "What are the spar, the bridle and the sail of a kite?",
            KITE,
        ),
        answer,
    )
}

fn crossed(grade: &Grade) -> bool {
    grade.contradictions.iter().any(|c| c.role == "definition")
}

#[test]
fn parentheses_are_read_as_definitions() {
    assert_eq!(
        glosses("a spar (the stick) and `tail` (ribbon) (x"),
        "spar is the stick.\ntail is ribbon.\n"
    );
}

#[test]
fn a_term_given_another_terms_definition_contradicts_a_derived_rubric() {
    let g = grade(
        "The spar is the string loop, the bridle is the cross stick, and the sail is fabric.",
    );
    assert!(crossed(&g) && !g.passed, "{:?}", g.contradictions);
    let text = crate::grade::explain(&g);
    assert!(
        text.contains("definition \"spar is the string loop\""),
        "{text}"
    );
}

#[test]
fn definitions_kept_reworded_or_denied_are_no_cross() {
    for answer in [
        // The model answer's definitions, in other words.
        "The spar is a stiff stick across the kite, the bridle is a loop of string and the sail is the fabric.",
        // A term defined in words of no other term.
        "The bridle is what the line is tied to; the spar is a stick.",
        // Another term's words, that term not named: no cross of the two.
        "The spar is a cross stick; the thing you hold is a string loop.",
        // A definition denied is not made.
        "The spar is not the string loop: it is the cross stick.",
    ] {
        let g = grade(answer);
        assert!(!crossed(&g), "{answer}: {:?}", g.contradictions);
    }
}
