//! Tests of tokenizing: words, code tokens, normalisation and clauses.

use super::*;
use crate::lang::stemmer;

fn norms(text: &str) -> Vec<String> {
    tokenize(text, &stemmer(), Parts::Skip)
        .into_iter()
        .map(|t| t.norm.to_string())
        .collect()
}

#[test]
fn punctuation_breaks_words_and_case_folds() {
    assert_eq!(
        norms("Data, PERSISTS; (mostly)!"),
        ["data", "persists", "mostly"]
    );
    assert_eq!(norms("daemon-managed"), ["daemon", "managed"]);
    assert_eq!(norms("the host's disk"), ["the", "host", "disk"]);
}

#[test]
fn code_like_tokens_stay_whole() {
    assert_eq!(
        norms("Use --mount type=tmpfs, -p 8080:80 and /var/lib/docker/volumes."),
        [
            "use",
            "--mount",
            "type=tmpfs",
            "-p",
            "8080:80",
            "and",
            "/var/lib/docker/volumes"
        ]
    );
    assert_eq!(
        norms("config.json postgres:15"),
        ["config.json", "postgres:15"]
    );
    let tokens = tokenize("`/var/lib/docker`", &stemmer(), Parts::Emit);
    assert_eq!(tokens[0].class, Class::Code);
    assert_eq!(&*tokens[0].norm, "/var/lib/docker");
    assert!(tokens[1..].iter().all(|t| t.part));
}

#[test]
fn nfkc_and_contractions() {
    assert_eq!(norms("ｄａｅｍｏｎ isn\u{2019}t"), ["daemon", "is", "not"]);
    assert_eq!(norms("can't"), ["can", "not"]);
}

#[test]
fn clauses_are_counted() {
    let tokens = tokenize("not here, there", &stemmer(), Parts::Skip);
    assert_eq!(tokens[1].place.clause, 0);
    assert_eq!(tokens[2].place.clause, 1);
}

fn clauses(text: &str) -> Vec<(String, u32)> {
    tokenize(text, &stemmer(), Parts::Skip)
        .into_iter()
        .map(|t| (t.norm.to_string(), t.place.segment))
        .collect()
}

fn same_clause(text: &str, a: &str, b: &str) -> bool {
    let found = clauses(text);
    let at = |w: &str| found.iter().find(|(n, _)| n == w).map(|(_, c)| *c);
    at(a).is_some() && at(a) == at(b)
}

/// Whether a negation cue governs `word` in `text`.
fn negated(text: &str, word: &str) -> bool {
    let tokens = tokenize(text, &stemmer(), Parts::Skip);
    let cues = crate::grade::negation::governing_cues(&tokens);
    let at = tokens.iter().position(|t| &*t.norm == word).unwrap();
    cues[at].is_some()
}

#[test]
fn then_after_a_subject_or_and_stays_in_its_clause() {
    assert!(same_clause(
        "and pull then merges it into the branch",
        "pull",
        "merges"
    ));
    assert!(same_clause(
        "git pull retrieves and then merges",
        "pull",
        "merges"
    ));
    assert!(same_clause("Docker then adds NAT rules", "docker", "adds"));
    // After punctuation a new clause has begun anyway.
    assert!(!same_clause(
        "fetch downloads, then pull merges",
        "fetch",
        "merges"
    ));
    // A then that answers a condition opens the clause of the consequence.
    assert!(!same_clause(
        "if the check fails then compose restarts it",
        "check",
        "restarts"
    ));
    let text = "if it is not healthy then docker restarts it";
    assert!(negated(text, "healthy"));
    assert!(!negated(text, "restarts"));
}

#[test]
fn a_colon_after_a_clause_links_the_next_only_through_a_pronoun() {
    let text = "git rebase makes no merge commit: it replays your commits";
    assert!(same_clause(text, "rebase", "replays"));
    let text = "git rebase makes no merge commit: merge replays your commits";
    assert!(!same_clause(text, "rebase", "replays"));
    // A negation still ends at the colon.
    assert!(!negated(
        "git rebase does not make a merge commit: it replays them",
        "replays"
    ));
}
