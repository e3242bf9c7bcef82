use crate::grade::Grade;

/// A model answer with the two ends of a tank (*top* and *bottom*).
const TANK: &str = "Heated water is lighter, so it rises and collects at the top of the tank, \
    while cold mains water enters at the bottom through a dip tube. The outlet draws from the \
    top, so the hottest water leaves first and the tank stays layered as it empties. The \
    heating element sits near the bottom and warms the incoming water, but it heats far more \
    slowly than a shower draws. When most of the hot layer is used, the boundary between the \
    layers reaches the outlet, and the water at the tap turns lukewarm within a minute.";

/// A model answer with the two ends of a table (*top* and *bottom*) crossed with two
/// tiers, and a promotion.
const LEAGUE: &str = "In a league with promotion and relegation, the clubs that finish at \
    the top of the second tier are promoted to the first tier for the next season, and the \
    clubs that finish at the bottom of the first tier are relegated to the second tier. \
    Promoted clubs earn far more television money but often struggle against stronger \
    squads, while relegated clubs get parachute payments for a few seasons to soften the \
    loss of income.";

/// A model answer with the two roles of an exchange (*sender* and *receiver*).
const MAIL: &str = "With registered mail the sender pays an extra fee at the counter and \
    gets a receipt with a tracking number. Every office that handles the letter scans it, so \
    its path can be traced. At delivery the receiver must sign for the letter, and that \
    signature is the proof of delivery the sender can ask for. If nobody is home, the letter \
    goes back to the depot and the receiver gets a card to collect it within two weeks.";

const ASKED: [(&str, &str); 3] = [
    (
        TANK,
        "Why does a hot water tank give hot water for a while and then run lukewarm?",
    ),
    (
        LEAGUE,
        "How do promotion and relegation work between two tiers of a league?",
    ),
    (MAIL, "How does registered mail work, and who signs for it?"),
];

fn grade(model: &str, answer: &str) -> Grade {
    let question = ASKED.iter().find(|(m, _)| *m == model).map_or("", |q| q.1);
    crate::grade::derive::tests::derived(question, model, answer)
}

fn turned(grade: &Grade) -> bool {
    crate::grade::derive::tests::contradicted(grade, "opposite")
}

#[test]
fn an_opposite_put_where_the_model_puts_the_other_contradicts_a_derived_rubric() {
    for (model, answer, said) in [
        (
            TANK,
            "Cold mains water enters at the top of the tank, and the outlet draws from the \
             bottom, so the hottest water leaves first until it turns lukewarm.",
            "(bottom where the answer says top)",
        ),
        (
            LEAGUE,
            "The clubs that finish at the bottom of the second tier are promoted to the first \
             tier, and the clubs at the top of the first tier are relegated; relegated clubs \
             get parachute payments.",
            "(top where the answer says bottom)",
        ),
        (
            MAIL,
            "The receiver pays an extra fee at the counter and gets a receipt with a tracking \
             number, and at delivery the sender must sign for the letter.",
            "(sender where the answer says receiver)",
        ),
        (
            MAIL,
            "The sender pays an extra fee and gets a tracking number; if nobody is home the \
             letter goes back to the depot and the sender gets a card to collect it.",
            "(receiver where the answer says sender)",
        ),
    ] {
        let g = grade(model, answer);
        assert!(turned(&g) && !g.passed, "{answer}: {g:?}");
        let text = crate::grade::explain(&g);
        assert!(text.contains(said), "{text}");
    }
}

#[test]
fn an_opposite_in_the_models_place_named_with_its_pair_or_compared_is_no_turn() {
    for (model, answer) in [
        // Terse, in the model's places.
        (
            TANK,
            "Hot water rises to the top and is drawn off there, while cold water comes in at \
             the bottom; when the hot layer runs out the tap goes lukewarm fast.",
        ),
        // Both ends in one stretch.
        (
            TANK,
            "The tank stays layered, hot on top of the cold water at the bottom, and the \
             outlet empties the hot layer first.",
        ),
        // Each end said of the other thing, as the model does.
        (
            LEAGUE,
            "Top clubs of the second tier go up, and the bottom clubs of the first tier are \
             relegated, with parachute payments to soften the drop.",
        ),
        (
            LEAGUE,
            "Promoted clubs earn more television money, while relegated clubs get parachute \
             payments.",
        ),
        // Both roles in the model's places, tersely.
        (
            MAIL,
            "The sender pays a fee and gets a receipt with a tracking number, every office \
             scans it, and the receiver signs on delivery or collects it from the depot.",
        ),
        // A comparison read by the comparison reader, not here.
        (
            TANK,
            "The element heats slower than a shower draws, so the water at the top runs out.",
        ),
        // Under a negation.
        (
            MAIL,
            "At delivery the sender does not sign for the letter; the receiver does.",
        ),
    ] {
        let g = grade(model, answer);
        assert!(!turned(&g), "{answer}: {:?}", g.contradictions);
    }
}

/// A long model answer that sends quantities up and down in other words than a pair.
const COOLING: &str = "A car's cooling system keeps the engine near its working \
    temperature. A pump pushes coolant through channels in the engine block, where it takes \
    up heat, and then through the radiator, where air flowing past the fins carries the heat \
    away. A thermostat valve stays shut while the engine is cold, so the coolant skips the \
    radiator and the engine warms up quickly. Once the coolant reaches about 90 degrees the \
    valve opens, more coolant passes through the radiator and the engine temperature drops. \
    If the radiator clogs, less heat leaves the engine, and the needle climbs.";

/// Another, of two populations.
const CYCLE: &str = "Foxes eat rabbits, so the two populations cycle. When rabbits are \
    plentiful, more foxes survive the winter and raise litters, and the fox population \
    rises. More foxes eat more rabbits, so the rabbit population falls a year or so later. \
    With fewer rabbits to hunt, foxes starve and their numbers drop, which lets the rabbits \
    recover, and the cycle starts again. Disease and harsh winters add noise, but the lag \
    between the two peaks stays about a year.";

#[test]
fn a_direction_turned_of_the_same_thing_contradicts_in_other_words_than_a_pair() {
    use crate::grade::derive::tests::{contradicted, derived};
    let cooling = "How does a car's cooling system keep the engine at temperature?";
    let cycle = "Why do fox and rabbit numbers rise and fall in cycles?";
    for (q, model, answer) in [
        (
            cooling,
            COOLING,
            "When the valve opens, coolant goes through the radiator and the engine \
             temperature rises.",
        ),
        (
            cooling,
            COOLING,
            "A clogged radiator lets more heat leave the engine, so it runs cool.",
        ),
        (
            cycle,
            CYCLE,
            "More foxes eat more rabbits, so the rabbit population grows.",
        ),
    ] {
        let g = derived(q, model, answer);
        assert!(
            contradicted(&g, "opposite"),
            "{answer}: {:?}",
            g.contradictions
        );
    }
    for (q, model, answer) in [
        (
            cooling,
            COOLING,
            "When the valve opens, coolant flows through the radiator and the engine \
             temperature falls.",
        ),
        (
            cooling,
            COOLING,
            "When the valve opens the engine temperature drops, it does not rise; a clogged \
             radiator lets less heat out.",
        ),
        (
            cycle,
            CYCLE,
            "Plenty of rabbits lets more foxes raise litters, so foxes increase; then the \
             rabbit population drops, the foxes starve and their numbers fall, and the \
             rabbits recover.",
        ),
        (
            cycle,
            CYCLE,
            "The rabbit population falls, not grows, once more foxes hunt them.",
        ),
    ] {
        let g = derived(q, model, answer);
        assert!(
            !contradicted(&g, "opposite"),
            "{answer}: {:?}",
            g.contradictions
        );
    }
}

/// A model answer that says the two ends of a pair (*close* and *far*) of different
/// things: the router close to the rooms, far from the microwave.
const ROUTER: &str = "Put the router close to the rooms where you use the most devices, up \
    on a shelf in the open, and keep it far from the microwave oven and from big metal \
    objects. The signal weakens with every wall and floor it passes through, and a \
    microwave oven leaks energy on the same 2.4 GHz band, so a router in a cupboard at the \
    other end of the house gives slow and patchy coverage. A mesh system adds nodes when \
    one router cannot cover the whole house.";

/// A model answer that says the two ends of a pair (*first* and *last*) of different
/// things: the base layer on first, the shell on last.
const LAYERS: &str = "Put the thin base layer on first, next to the skin, so it wicks sweat \
    away and you stay dry. Over it goes a fleece or wool mid layer that traps warm air, and \
    you pull the waterproof shell on last, to keep out rain and wind while its vents let \
    moisture escape. Cotton is a poor choice because it holds water and chills you once it \
    is wet. Take layers off before you start to sweat on a climb and add them back at every \
    stop, since damp clothing loses most of its warmth.";

const ROLES: [(&str, &str); 2] = [
    (
        ROUTER,
        "Where should you put a Wi-Fi router at home, and why?",
    ),
    (
        LAYERS,
        "How should you dress in layers for a cold, wet hike?",
    ),
];

fn graded(model: &str, answer: &str) -> Grade {
    let question = ROLES.iter().find(|(m, _)| *m == model).map_or("", |q| q.1);
    crate::grade::derive::tests::derived(question, model, answer)
}

#[test]
fn the_two_ends_of_a_pair_each_said_of_the_others_thing_are_swapped() {
    for answer in [
        "Keep the router far from the rooms where you use your devices and put it close \
         to the microwave oven, up on a shelf, since walls weaken the signal.",
        "Put the router close to the microwave oven and far from the rooms with the most \
         devices; walls and floors weaken the signal on the 2.4 GHz band.",
    ] {
        let g = graded(ROUTER, answer);
        assert!(turned(&g) && !g.passed, "{answer}: {g:?}");
    }
    let answer = "The shell goes on first and the wicking base layer last, with a fleece mid \
                  layer trapping warm air between them; avoid cotton, which chills you when wet.";
    let g = graded(LAYERS, answer);
    assert!(turned(&g) && !g.passed, "{answer}: {g:?}");
}

#[test]
fn the_two_ends_of_a_pair_said_the_models_way_or_tersely_are_no_swap() {
    for (model, answer) in [
        (
            ROUTER,
            "Put it close to the rooms where you use it, high and in the open, and far from \
             the microwave oven and metal: walls weaken the signal, and the microwave leaks \
             on the same 2.4 GHz band.",
        ),
        (
            ROUTER,
            "Near the rooms you use most and away from the microwave, which shares the 2.4 \
             GHz band; every wall weakens the signal.",
        ),
        (
            LAYERS,
            "Base layer first against the skin to wick sweat, a fleece to trap warm air, and \
             the waterproof shell last; skip cotton, it stays wet and chills you.",
        ),
        (
            LAYERS,
            "A wicking base layer on first, a warm fleece over it, and a rain shell on last. \
             No cotton.",
        ),
    ] {
        let g = graded(model, answer);
        assert!(!turned(&g), "{answer}: {g:?}");
    }
}

/// A model answer with the two sides of a boundary, in several of their words (*inside*,
/// *indoor*, *outside*, *outdoor*): condensation on a window.
const WINDOW: &str = "In winter, condensation forms on the inside of a single-glazed \
    window: warm, moist indoor air touches the cold glass and cools below its dew point, so \
    its water vapour turns to droplets. The outside of the pane stays dry, because the \
    outdoor air is already cold and holds little water. Double glazing keeps the inner \
    pane close to room temperature, so it stays above the dew point and stays clear, and \
    airing the room or running an extractor fan lowers the humidity as well.";

#[test]
fn a_side_of_a_boundary_turned_contradicts_in_any_of_its_words() {
    use crate::grade::derive::tests::{contradicted, derived};
    let q = "Why do windows mist up on cold mornings, and how do you stop it?";
    for answer in [
        // One side moved: the droplets put where the model keeps the pane dry.
        "In winter, condensation forms on the outside of a single-glazed window, where moist \
         air touches the cold glass below its dew point.",
        // The model's *indoor* answered with the other side's *outside*.
        "Moist outside air touches the cold glass and cools below its dew point, so its \
         vapour turns to droplets.",
    ] {
        let g = derived(q, WINDOW, answer);
        assert!(contradicted(&g, "opposite") && !g.passed, "{answer}: {g:?}");
    }
    for answer in [
        // Terse and right, in the other side's words or the model's.
        "Moist indoor air hits the cold glass and drops below its dew point, so water \
         condenses on the inside of the pane; the outside stays dry.",
        "Warm, humid air inside the room cools on the cold glass below its dew point; \
         double glazing keeps the inner pane warm and clear.",
    ] {
        let g = derived(q, WINDOW, answer);
        assert!(!contradicted(&g, "opposite"), "{answer}: {g:?}");
    }
}
