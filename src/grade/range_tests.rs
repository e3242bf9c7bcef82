//! Unit tests of a range of numbers written another way (round 47, w86-numtok): "7 to
//! 14 days" is the range a keyword writes "7-14 days", and "2-4 weeks" or "2–4 weeks" the
//! range "2 to 4 weeks". Fresh sentences of subjects no probe asks about, right and
//! wrong; another range, one bound alone, or a range turned round still fails.

use super::tests::{concept, fails, passes, rubric_bank};

#[test]
fn a_range_written_with_to_is_the_range_written_with_a_dash() {
    // Gardening: the rubric writes the germination time with a dash.
    let b = rubric_bank(
        "How long do tomato seeds take to germinate in warm soil?",
        "Usually 7-14 days at 21-27 °C.",
        vec![
            concept(&["7-14 days"], 2.0, true),
            concept(&["warm"], 1.0, false),
        ],
    );
    passes(&b, "Usually 7 to 14 days if the soil is kept warm.");
    fails(&b, "Usually 7 to 21 days if the soil is kept warm.");
    fails(&b, "Usually 14 to 21 days if the soil is kept warm.");
    fails(&b, "Usually within 7 days if the soil is kept warm.");
    fails(
        &b,
        "Anything from 14 to 7 days, counted backwards, in warm soil.",
    );
}

#[test]
fn a_range_written_with_a_dash_is_the_range_written_with_to() {
    // Building: the rubric writes the curing time of lime plaster with *to*.
    let b = rubric_bank(
        "How long should lime plaster cure before it is painted?",
        "At least 2 to 4 weeks, longer in cold or damp weather.",
        vec![
            concept(&["2 to 4 weeks"], 2.0, true),
            concept(&["damp", "cold"], 1.0, false),
        ],
    );
    passes(&b, "2-4 weeks, more if the weather is damp.");
    passes(&b, "2\u{2013}4 weeks, more if the weather is cold.");
    fails(&b, "2-6 weeks, more if the weather is damp.");
    fails(&b, "4-8 weeks, more if the weather is damp.");
    fails(
        &b,
        "Never 2-4 weeks: paint it the next day, whatever the weather.",
    );
}

#[test]
fn a_range_scaled_by_a_number_word_keeps_its_number() {
    // Sport: "45-50 thousand" says 50,000 as "50 thousand" does; it is no range of 45
    // to 50.
    let b = rubric_bank(
        "How many spectators does the new stadium seat?",
        "About 50,000, all of them seated.",
        vec![concept(&["50,000"], 2.0, true)],
    );
    passes(&b, "Somewhere around 45-50 thousand, all seated.");
    passes(&b, "Somewhere from 45 to 50 thousand, all seated.");
    fails(&b, "Somewhere around 45-50 hundred, all seated.");
    fails(&b, "Somewhere around 40-45 thousand, all seated.");
}
