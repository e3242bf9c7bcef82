//! Unit tests of ordinals written with digits (round 45, w83-probe37): "2nd", "3rd" and
//! "5th" are the words *second*, *third* and *fifth*, alone or in a hyphenated word
//! ("2nd-last" is "second-last"). Fresh sentences of subjects no probe asks about, right
//! and wrong; a wrong answer that names another ordinal, or denies the right one, fails.

use super::tests::{concept, fails, passes, rubric_bank};

#[test]
fn an_ordinal_in_digits_answers_for_its_word() {
    // Music: the rubric writes the intervals of a major triad out in words.
    let b = rubric_bank(
        "Which intervals above the root make a major triad?",
        "A major third and a perfect fifth above the root.",
        vec![
            concept(&["major third"], 2.0, true),
            concept(&["perfect fifth"], 2.0, true),
        ],
    );
    passes(
        &b,
        "The root, a major 3rd above it and a perfect 5th above it.",
    );
    fails(
        &b,
        "The root, a minor 3rd above it and a diminished 5th above it.",
    );
    fails(
        &b,
        "The root, a major 2nd above it and a perfect 4th above it.",
    );
}

#[test]
fn an_ordinal_in_digits_joins_a_hyphenated_word() {
    // Python indexing: the rubric says "second last".
    let b = rubric_bank(
        "What does xs[-2] return for a Python list xs?",
        "The second last element of the list: negative indices count from the end.",
        vec![
            concept(&["second last", "penultimate"], 2.0, true),
            concept(&["end"], 1.0, false),
        ],
    );
    passes(
        &b,
        "The 2nd-last item, since negative indices count back from the end.",
    );
    fails(&b, "The 2nd item, counting from the start of the list.");
    fails(
        &b,
        "Not the 2nd-last item: it raises an error, since indices cannot be negative.",
    );
}

#[test]
fn other_words_with_digits_stay_numbers() {
    // Only the first ten ordinals are words: "21st" and "99th" keep their digits, and a
    // unit of time after a number is still a unit.
    let b = rubric_bank(
        "Which percentile does a p99 latency report?",
        "The 99th percentile: 99 requests in 100 are at least as fast.",
        vec![concept(&["99th", "p99"], 2.0, true)],
    );
    passes(&b, "It is the 99th percentile of the request times.");
    fails(&b, "It is the 9th percentile of the request times.");
    let b = rubric_bank(
        "How long does the health check wait between probes?",
        "Every 2 seconds.",
        vec![concept(&["2 seconds"], 2.0, true)],
    );
    passes(&b, "It probes every 2 seconds.");
    fails(&b, "It probes on the 2nd attempt only.");
}
