use crate::grade::Grade;

/// A model answer that denies something of words it says before its cue.
const GREENHOUSE: &str = "A greenhouse keeps the heat of the sun inside: its glass panes \
    let sunlight through, but warm air does not escape through the closed vents. Tomato \
    seedlings therefore grow early in spring, and a small heater covers frosty nights.";

fn grade(answer: &str) -> Grade {
    use crate::grade::tests::{derived_bank, grade};
    grade(
        &derived_bank("Why does a greenhouse stay warm?", GREENHOUSE),
        answer,
    )
}

fn concept<'a>(grade: &'a Grade, label: &str) -> &'a crate::grade::ConceptResult {
    grade.concepts.iter().find(|c| c.label == label).unwrap()
}

#[test]
fn words_under_the_negation_the_model_answer_makes_count_as_said() {
    // "no escaping warm air": the cue reaches *warm* and *air*, which the model answer
    // says plainly before its own "does not escape".
    let g = grade("Sunlight passes the glass panes; no escaping warm air, the vents being closed.");
    let air = concept(&g, "air");
    assert!(air.matched.is_some() && !air.negated, "{air:?}");
    assert!(
        air.note
            .as_deref()
            .unwrap_or("")
            .contains("negation the model answer makes too")
    );
}

#[test]
fn a_word_denied_by_another_cue_stays_negated() {
    // The answer denies the warm air itself, not its escaping.
    let g = grade("Sunlight passes the glass panes and there is no warm air; nothing escapes.");
    let air = concept(&g, "air");
    assert!(air.matched.is_none() && air.negated, "{air:?}");
}
