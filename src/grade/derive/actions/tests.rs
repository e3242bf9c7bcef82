use crate::grade::Grade;

/// A model answer that says who does what: the shepherd whistles and signals, the dog
/// gathers, circles and drives; both are things the question asks about.
const HILL: &str = "The shepherd whistles the commands from the gate, and the dog gathers \
    the flock on the far slope. When the sheep scatter, the shepherd signals the dog with \
    a long call, while the dog circles the stragglers and drives the sheep toward the pen. \
    The farmer counts the animals at the pen each evening.";

fn grade(answer: &str) -> Grade {
    use crate::grade::tests::{derived_bank, grade};
    grade(
        &derived_bank(
            "How do the shepherd and the dog work together on the hill?",
            HILL,
        ),
        answer,
    )
}

fn turned(grade: &Grade) -> bool {
    grade.contradictions.iter().any(|c| c.role == "doer")
}

#[test]
fn an_act_of_the_model_answer_given_to_the_wrong_doer_contradicts_a_derived_rubric() {
    // A rival doer: the dog given the shepherd's act.
    let rival = grade(
        "The dog whistles the commands from the gate, and the shepherd gathers the flock; \
         the shepherd signals the dog when the sheep scatter.",
    );
    assert!(turned(&rival) && !rival.passed, "{rival:?}");
    let text = crate::grade::explain(&rival);
    assert!(text.contains("doer \"dog whistles the commands"), "{text}");
    // Reversed: who signals and who is signalled swapped.
    let reversed = grade(
        "The shepherd whistles the commands; when the sheep scatter the dog signals the \
         shepherd, and the dog circles the stragglers toward the pen.",
    );
    assert!(turned(&reversed), "{reversed:?}");
}

#[test]
fn an_act_kept_passive_denied_or_said_of_both_is_no_turn() {
    for answer in [
        // The model answer's acts, in its words and in others.
        "The shepherd whistles the commands from the gate and signals the dog with a call; \
         the dog gathers the flock, circles the stragglers and drives the sheep to the pen.",
        // The passive: the doer follows the act.
        "The dog is signalled by the shepherd, and the stragglers are circled by the dog.",
        // A preposition before the phrase: not what the act is done to.
        "The dog signals to the shepherd that the flock is gathered.",
        // Under a negation.
        "The dog never whistles the commands; the shepherd does, from the gate.",
        // The model's action stated too: the answer says both.
        "The shepherd whistles the commands, and the dog whistles the commands back.",
        // A doer the question does not ask about is no rival.
        "The farmer whistles the commands, and the shepherd signals the dog.",
    ] {
        let g = grade(answer);
        assert!(!turned(&g), "{answer}: {:?}", g.contradictions);
    }
}

/// A model answer whose act reaches its phrase through *to*: each letter goes to the
/// nearest sorting office.
const POST: &str = "Letters and sorting offices are both marked on the regional map, and \
    each letter goes to the nearest sorting office by postcode. When an office closes, only \
    the letters of its own district move to the next office along the road.";

fn post(answer: &str) -> Grade {
    use crate::grade::tests::{derived_bank, grade};
    grade(
        &derived_bank("How are letters routed to sorting offices?", POST),
        answer,
    )
}

#[test]
fn an_act_through_to_turned_round_contradicts_but_gives_no_rival() {
    let reversed = post(
        "Letters and sorting offices are on the regional map, and each sorting office goes \
         to the nearest letter by postcode; when an office closes its district's letters \
         move to the next office.",
    );
    assert!(turned(&reversed) && !reversed.passed, "{reversed:?}");
    for answer in [
        // The model's way round.
        "Each letter goes to the nearest sorting office by postcode, and when an office \
         closes its letters move to the next one along the road.",
        // Another act through *to*: no reversal of the model's.
        "Each letter is carried to the nearest sorting office; letters of a closed office \
         move to the next office along the road.",
    ] {
        let g = post(answer);
        assert!(!turned(&g), "{answer}: {:?}", g.contradictions);
    }
}

/// A model answer with a phrasal verb: the keeper calls back to the climber.
const CRAG: &str = "On a multi-pitch route the belayer calls up to the leader from the \
    ledge when half the rope is out, and the leader clips each bolt before moving on. At the top \
    the leader builds an anchor and the second climbs while the leader takes in the rope.";

#[test]
fn a_phrasal_verb_with_its_doer_and_object_swapped_contradicts() {
    use crate::grade::tests::{derived_bank, grade};
    let bank = derived_bank(
        "How do the belayer and the leader work on a multi-pitch route?",
        CRAG,
    );
    let g = grade(
        &bank,
        "The leader calls up to the belayer from the ledge when half the rope is out, clips each \
         bolt, and builds an anchor at the top while the second climbs.",
    );
    assert!(turned(&g), "{:?}", g.contradictions);
    for right in [
        "The belayer calls up to the leader when half the rope is out; the leader clips each \
         bolt and builds an anchor at the top.",
        // The passive: the doer after the act.
        "The leader is called up to by the belayer when half the rope is out.",
    ] {
        let g = grade(&bank, right);
        assert!(!turned(&g), "{right}: {:?}", g.contradictions);
    }
}
