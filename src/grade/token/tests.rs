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
