use crate::grade::{Grade, Grader};

/// A long model answer (more than 24 content words) whose pairings are made with
/// prepositions: a small fan inside the indoor unit, the evaporator inside the house,
/// the condenser inside the outdoor unit.
const PUMP: &str = "A heat pump moves heat from a cold place to a warm one. In winter the \
    evaporator inside the house absorbs heat from the indoor air, and the condenser inside \
    the outdoor unit releases it; a small fan inside the indoor unit blows air across the \
    coil. The compressor pushes the refrigerant vapour round the circuit, and a reversing \
    valve swaps the two coils for summer cooling. The pump delivers three or four times \
    the heat it draws as electric energy, because it moves heat rather than making it.";

fn grade(answer: &str) -> Grade {
    let question =
        crate::grade::tests::question("q", "How does a heat pump heat a house?", PUMP, None);
    let bank = crate::grade::tests::bank(vec![question]);
    let grader = Grader::new(std::slice::from_ref(&bank));
    grader.grade(&bank, &bank.questions[0], answer)
}

fn turned(grade: &Grade) -> bool {
    grade.contradictions.iter().any(|c| c.role == "pairing")
}

#[test]
fn a_pairing_of_the_model_answer_turned_round_contradicts_a_derived_rubric() {
    // Crossed: each coil put where the model answer puts the other.
    let crossed = grade(
        "The condenser inside the house absorbs heat from the indoor air, and the \
         evaporator inside the outdoor unit releases it, with the compressor pushing the \
         refrigerant round.",
    );
    assert!(turned(&crossed) && !crossed.passed, "{crossed:?}");
    let text = crate::grade::explain(&crossed);
    assert!(
        text.contains("pairing \"condenser inside the house"),
        "{text}"
    );
    // Reversed: what holds and what is held swapped.
    let reversed = grade(
        "The indoor unit inside a small fan blows air across the coil while the \
         evaporator inside the house absorbs heat.",
    );
    assert!(turned(&reversed), "{reversed:?}");
}

#[test]
fn a_pairing_kept_or_denied_is_no_turn() {
    for answer in [
        // The model answer's pairings, in its own words and in others.
        "The evaporator inside the house takes heat from the room air and the condenser \
         inside the outdoor unit gives it off; the compressor moves the refrigerant.",
        // Turned round under a negation: it denies the turned pairing.
        "The condenser is not inside the house; the evaporator inside the house absorbs heat.",
        // Both the pairing and its turn: the answer says what the model answer says too.
        "The evaporator inside the house absorbs heat, the condenser inside the outdoor \
         unit releases it, and no, the condenser inside the house would not work.",
    ] {
        let g = grade(answer);
        assert!(!turned(&g), "{answer}: {:?}", g.contradictions);
    }
}
