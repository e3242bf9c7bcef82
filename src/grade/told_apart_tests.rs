//! Unit tests of a denied verb of telling apart (round 49, w91-p41right, probe41 lines
//! 17, 21, 26 and 28: "the oximeter can't tell carboxyhaemoglobin from
//! oxyhaemoglobin"): the things it confuses are said plainly, and the verb stays
//! denied. Fresh sentences of a subject no probe asks about (a motion-sensor light); a
//! denial of the thing itself, a denied telling with no *from*, *between* or *apart*,
//! and an answer that denies the telling the model answer states, still fail.

use super::tests::{concept, fails, passes, rubric_bank};

#[test]
fn the_things_a_denied_telling_confuses_are_named_plainly() {
    let b = rubric_bank(
        "Why does the porch light come on at night when only the neighbour's cat walks by?",
        "Its passive infrared sensor reacts to the heat of any warm body moving across its \
         zones, and a cat is warm enough to trip it; the sensor has no idea of size.",
        vec![
            concept(&["cat", "cats"], 2.0, true),
            concept(&["infrared", "pir"], 2.0, true),
            concept(&["heat", "warm"], 1.0, false),
        ],
    );
    for right in [
        "The infrared sensor can't tell a cat from a person: any warm moving body sets it off.",
        "A PIR sensor cannot distinguish a cat from a burglar, since both give off heat.",
        "The sensor doesn't differentiate between cats and people; its infrared eye sees warmth.",
        "The infrared detector fails to tell cats and people apart, as both are warm.",
        "The infrared sensor cannot reliably tell cats from people: both are warm bodies.",
    ] {
        passes(&b, right);
    }
    for wrong in [
        // The thing itself denied: no telling apart.
        "The infrared sensor never saw a cat at all; the wiring is faulty and it flickers.",
        // A denied telling with no *from*, *between* or *apart*: the object stays denied.
        "The infrared sensor doesn't tell cats anything; a warm breeze trips the light.",
        // The other required term only under the denial of its own verb.
        "It can't tell a cat from a person, but it is not infrared: a radar unit sees motion.",
    ] {
        fails(&b, wrong);
    }
}

#[test]
fn a_denied_telling_stays_denied() {
    // The model answer says the sensor tells them apart: an answer denying it fails.
    let b = rubric_bank(
        "How does a pet-immune motion sensor avoid switching the alarm on for a dog?",
        "It distinguishes a person from a small dog by the size of the heat signature: \
         below a set mass, a warm body is ignored.",
        vec![
            concept(&["distinguishes", "tells apart", "tell apart"], 2.0, true),
            concept(&["size", "mass", "signature"], 1.0, true),
        ],
    );
    passes(
        &b,
        "It distinguishes a person from a dog by the size of the heat signature.",
    );
    fails(
        &b,
        "It doesn't distinguish a person from a dog by size or signature at all; it just waits.",
    );
}
