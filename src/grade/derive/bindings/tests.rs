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

#[test]
fn a_word_the_model_answer_binds_to_two_things_is_not_turned_by_naming_either() {
    use crate::grade::derive::tests::derived;
    // The model answer binds *sugars* to two phrases: "sugars from the malt into alcohol"
    // (its binding's left word is *malt*, with *sugars* before it by *from*) and "sugars
    // into lactic acid". Naming either pairing is no crossing.
    let brew = "Brewer's yeast converts sugars from the malt into alcohol and carbon \
        dioxide, which carbonates the beer. In sour beers, bacteria convert sugars into \
        lactic acid, which lowers the pH and gives the tart taste.";
    let question = "What do the yeast and the bacteria of a sour beer do?";
    for answer in [
        "Yeast converts the malt's sugars into alcohol and carbon dioxide; bacteria make \
         lactic acid for the tartness.",
        "The yeast turns malt sugars into alcohol and carbon dioxide, and the bacteria turn \
         sugars into lactic acid.",
    ] {
        let g = derived(question, brew, answer);
        assert!(!turned(&g), "{answer}: {:?}", g.contradictions);
    }
    // Another domain: rock from the cliffs into sand, and rock into the sea.
    let coast = "Waves break rock from the cliffs into sand and shingle along the shore. \
        Rivers carry more rock into the sea, where it settles as mud on the sea floor.";
    let g = derived(
        "Where does the sand of a beach come from?",
        coast,
        "Waves grind the cliffs' rock into sand and shingle, and rivers bring mud.",
    );
    assert!(!turned(&g), "{:?}", g.contradictions);
    // A crossing of a word the model answer binds to one thing only still contradicts.
    let g = derived(
        "Where does the sand of a beach come from?",
        coast,
        "Waves break rock from the cliffs into the sea, and rivers carry rock into sand.",
    );
    assert!(turned(&g), "{:?}", g.contradictions);
}
