//! Unit tests of what a derived rubric keeps from a negated clause that a contrast answers
//! ("X cannot V, whereas Y can"): on long model answers of other subjects, terse right answers
//! pass and the core turned round or denied still fails.

use crate::grade::Grade;
use crate::grade::derive::tests::derived;

/// A model answer whose contrast answers a negated clause with a bare auxiliary.
const CAT_ASKED: &str = "Why does a cat see better than a person in dim light?";
const CAT: &str = "A cat's eye has a reflective layer, the tapetum lucidum, behind the \
    retina. Light that passes the photoreceptors without being absorbed bounces back \
    through them for a second chance, which is why the eyes shine in headlights. The retina \
    is also dominated by rod cells, which respond to single photons, and many rods feed one \
    ganglion cell, pooling their signals at the cost of sharpness. A human eye cannot gather \
    enough light at night for detail, whereas a cat's eye can, and its slit pupil opens \
    much wider in the dark than a round one.";

/// A model answer whose *but* answers a negated clause with *does*.
const COOKER_ASKED: &str = "Why does a pressure cooker cook food faster than an open pot?";
const COOKER: &str = "At sea level water boils at 100 °C, and however strongly the stove \
    burns, water in an open pot does not get hotter than that, but water in the cooker \
    does. The lid locks and a weighted valve keeps the steam in, so the pressure inside \
    climbs to about twice the atmospheric, and the boiling point rises to roughly 120 °C. \
    Cooking speed depends on temperature: starches gelatinise and collagen in tough meat \
    breaks down far sooner at 120 °C, so beans or stews take a third of the time. Opening the \
    cooker before the pressure drops makes the superheated water flash into steam.";

fn labels(grade: &Grade) -> Vec<&str> {
    grade.concepts.iter().map(|c| c.label.as_str()).collect()
}

#[test]
fn a_clause_a_contrast_answers_with_a_bare_auxiliary_is_said_plainly() {
    let g = derived(CAT_ASKED, CAT, "The tapetum.");
    let said = labels(&g);
    assert!(!said.iter().any(|l| l.starts_with("cannot ")), "{said:?}");
    assert!(said.contains(&"gather"), "{said:?}");
    // Answered by a clause of its own, the negated clause keeps its negated concepts.
    let own = CAT.replace(
        "whereas a cat's eye can,",
        "whereas a cat's eye gathers far more,",
    );
    let g = derived(CAT_ASKED, &own, "The tapetum.");
    assert!(labels(&g).contains(&"cannot gather"), "{:?}", labels(&g));
    for answer in [
        "The tapetum lucidum behind the retina bounces light back through the \
         photoreceptors for a second chance, and rod cells pool single photons, so at night \
         there is enough light to gather for detail.",
        "Rods respond to single photons and pool their signals, and the tapetum reflects \
         light back through the retina, so the cat gathers enough light at night; its slit \
         pupil opens wider.",
    ] {
        let g = derived(CAT_ASKED, CAT, answer);
        assert!(g.passed, "{answer}: {g:#?}");
    }
    for answer in [
        // Swapped: the person's eye given the cat's reflective layer and rods.
        "A human eye has the reflective tapetum behind the retina and rods that pool \
         photons, so it gathers enough light at night, whereas a cat's eye cannot.",
        "The tapetum lucidum sits in front of the retina and absorbs stray light, and cones \
         rather than rods dominate, so a cat gathers enough light at night.",
        // Negated.
        "A cat's eye has no reflective layer behind the retina and its rods do not pool \
         photons; it cannot gather more light at night than a human eye.",
    ] {
        let g = derived(CAT_ASKED, CAT, answer);
        assert!(!g.passed, "{answer}: {g:#?}");
    }
}

#[test]
fn a_clause_a_but_answers_with_does_is_said_plainly() {
    let g = derived(COOKER_ASKED, COOKER, "Steam.");
    let said = labels(&g);
    assert!(!said.iter().any(|l| l.starts_with("not ")), "{said:?}");
    assert!(said.contains(&"hotter"), "{said:?}");
    for answer in [
        "The lid locks the steam in, the pressure climbs and the boiling point rises, so the \
         water gets hotter than 100 °C and meat and beans cook in a third of the time.",
        "Steam kept in by the valve raises the pressure to about twice atmospheric, so the \
         boiling point rises to roughly 120 °C and the water gets hotter; collagen breaks \
         down far sooner.",
    ] {
        let g = derived(COOKER_ASKED, COOKER, answer);
        assert!(g.passed, "{answer}: {g:#?}");
    }
    for answer in [
        // Swapped.
        "The valve lets the steam out, so the pressure falls below atmospheric and the water \
         boils at a lower temperature, which cooks the food faster.",
        "An open pot gets hotter than a sealed cooker because the stove heats it directly; \
         the cooker's lid keeps the temperature down to 100 °C.",
        // Negated.
        "The pressure does not raise the boiling point: the water in the cooker does not get \
         hotter than 100 °C; the lid only stops the steam escaping.",
    ] {
        let g = derived(COOKER_ASKED, COOKER, answer);
        assert!(!g.passed, "{answer}: {g:#?}");
    }
}
