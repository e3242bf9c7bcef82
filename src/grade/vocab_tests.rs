//! Unit tests of the general lexicon's equivalences of every register (round 45,
//! w82-vocab): *identical* for *same* and the other way round, and "the mean" or
//! "arithmetic mean" for *average* (never the verb *means*). Fresh sentences of subjects
//! no probe asks about, right and wrong; a wrong answer that only shares the word fails.

use super::tests::{concept, fails, passes, relation, rubric_bank};

#[test]
fn identical_and_same_answer_for_each_other() {
    // Reproducible builds: the rubric says *same*, the answer *identical*.
    let b = rubric_bank(
        "What does a reproducible build promise?",
        "Two builds of the same commit give the same checksum, byte for byte, on any machine.",
        vec![
            relation(&[&["checksum", "hash"], &["same"]], false, 2.0, true),
            concept(&["commit", "source"], 1.0, false),
        ],
    );
    passes(
        &b,
        "Building one commit twice yields an identical checksum wherever it runs.",
    );
    fails(
        &b,
        "Every build of the commit gets a different checksum, since the time is embedded.",
    );
    fails(
        &b,
        "The checksum is never identical twice: each build of the commit stamps the time.",
    );
    // Twins: the rubric says *identical*, the answer *the same*.
    let b = rubric_bank(
        "How do monozygotic twins differ genetically?",
        "They come from one fertilised egg, so they carry an identical genome.",
        vec![
            concept(&["identical genome", "identical dna"], 2.0, true),
            concept(&["one egg", "single egg"], 1.0, false),
        ],
    );
    passes(&b, "One egg split in two, so both carry the same genome.");
    fails(
        &b,
        "Each comes from its own egg, so the genome differs like any siblings'.",
    );
}

#[test]
fn the_mean_answers_for_average_and_the_verb_means_does_not() {
    // Smoothing a noisy sensor: the rubric says *average*.
    let b = rubric_bank(
        "How does a moving-average filter smooth a noisy sensor?",
        "It replaces each reading with the average of the last few readings, a sliding window.",
        vec![
            relation(&[&["average"], &["readings", "samples"]], false, 2.0, true),
            concept(&["window", "last few"], 1.0, false),
        ],
    );
    passes(
        &b,
        "Report the mean of the last five readings, a window that slides along.",
    );
    passes(
        &b,
        "Each output is the arithmetic mean of the samples in a sliding window.",
    );
    fails(
        &b,
        "A sliding window means the oldest readings are dropped as new ones come in.",
    );
    fails(
        &b,
        "It keeps the largest of the last readings in the window and reports that.",
    );
}
