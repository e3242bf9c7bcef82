//! Unit tests of one word in two places of a relation (`read` naming the permission,
//! `reading` what it allows): no mention fills two places, in a relation of two terms
//! (`pairing`) or of three (`together`), within a clause or a sentence, ordered or not,
//! so an answer meets both places only by saying the word twice (or by another
//! alternative); and `check` warns only of a keyword written alike in two places.
//! Fresh answers on Unix file permissions.

use super::tests::{fails, mistakes_bank, passes, relation};
use super::*;
use crate::bank::Within;

/// A bank of one question whose one concept is a relation of `terms`, `within` and
/// `ordered` as given, nothing else: it passes exactly when the relation is met.
fn permission(terms: &[&[&str]], within: Within, ordered: bool) -> Bank {
    let mut concept = relation(terms, ordered, 1.0, true);
    if let Some(r) = concept.relation.as_mut() {
        r.within = within;
    }
    mistakes_bank(
        "Name the permission bits of a file and say what each allows.",
        "r: reading the contents. w: writing to the file. x: executing it as a program.",
        vec![concept],
        Vec::new(),
    )
}

/// `read` names the bit, `reading` (the same stem) what it allows.
const READ: &[&[&str]] = &[&["r", "read"], &["reading", "view the contents"]];

#[test]
fn one_mention_fills_one_place_of_a_pair() {
    for within in [Within::Clause, Within::Sentence] {
        for ordered in [false, true] {
            let read = permission(READ, within, ordered);
            // One mention of the stem: it is either the name or what the bit allows.
            fails(&read, "Reading.");
            fails(&read, "The bit allows reading.");
            // Two mentions, or the label and the word: both places.
            passes(&read, "r: reading.");
            passes(&read, "read: reading the file's contents.");
            passes(&read, "The read bit allows reading the contents.");
        }
    }
}

#[test]
fn the_two_mentions_stand_within_the_stretch() {
    // (A pronoun would carry the bit on: "The read bit is set. It allows reading.")
    let clause = permission(READ, Within::Clause, false);
    fails(&clause, "The read bit is set, which allows reading.");
    fails(&clause, "The read bit is set. Reading is allowed.");
    let sentence = permission(READ, Within::Sentence, false);
    passes(&sentence, "The read bit is set, which allows reading.");
    fails(&sentence, "The read bit is set. Reading is allowed.");
}

#[test]
fn a_swapped_label_meets_no_pair() {
    // "w: reading" has the stem of `read` once: it cannot be both the bit and what the
    // bit allows, and the `r` of "r: writing" is in another clause.
    let read = permission(READ, Within::Clause, false);
    fails(&read, "r: writing; w: reading; x: executing.");
    let write = permission(
        &[&["w", "write"], &["writing", "change the contents"]],
        Within::Clause,
        false,
    );
    fails(&write, "r: writing; w: reading; x: executing.");
    passes(&write, "r: reading; w: writing; x: executing.");
}

#[test]
fn one_mention_fills_one_place_of_three() {
    // Three terms are matched together (`together`), not paired.
    let three: &[&[&str]] = &[&["x", "execute"], &["executing"], &["program", "programs"]];
    for ordered in [false, true] {
        let exec = permission(three, Within::Clause, ordered);
        fails(&exec, "It allows executing the file as a program.");
        passes(&exec, "x: executing the file as a program.");
        passes(&exec, "execute: executing it as a program.");
    }
}

#[test]
fn check_warns_only_of_a_keyword_written_alike_in_two_places() {
    let bank = |pair: &str| {
        format!(
            r#"
[bank]
id = "perm"
title = "Permissions"

[[question]]
id = "bits"
kind = "short_answer"
prompt = "Name the permission bits and what each allows."
model_answer = "r: reading the file. w: writing to it. x: executing it."
keywords = [{{ all = {pair} }}, "writing", "executing"]
"#
        )
    };
    let warned = |pair: &str| -> Vec<String> {
        let (loaded, diagnostics) =
            crate::bank::load_str(std::path::Path::new("perm.toml"), &bank(pair));
        assert!(loaded.is_some(), "{diagnostics:?}");
        diagnostics
            .iter()
            .map(|d| d.message.clone())
            .filter(|m| m.contains("two places"))
            .collect()
    };
    // Forms of one stem written apart: the name and what it allows, no warning.
    assert_eq!(
        warned(r#"[["r", "read"], ["reading", "contents"]]"#),
        [""; 0]
    );
    // The same words in both places (case aside): an answer must say them twice.
    assert_eq!(
        warned(r#"[["r", "reading"], ["Reading", "contents"]]"#),
        [
            "`Reading` is written in two places of this `all`: one mention of it fills one \
          place, so an answer meets both only by saying it twice"
        ]
    );
}
