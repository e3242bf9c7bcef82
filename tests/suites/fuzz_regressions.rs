//! Replays the kept fuzz inputs: every file in `tests/fuzz-regressions/<target>/` goes
//! through the same entry point the fuzz target calls (`fuzz/src/lib.rs`, included
//! here), so an input that once crashed, or that reached a rare path, is checked on
//! every `cargo test` without libFuzzer.

#[path = "../../fuzz/src/lib.rs"]
mod entry;

use crate::util::root;

#[test]
fn every_kept_fuzz_input_runs_clean() {
    let dir = root().join("tests/fuzz-regressions");
    let mut replayed = 0;
    for target in entry::TARGETS {
        let Ok(files) = std::fs::read_dir(dir.join(target)) else {
            continue;
        };
        for file in files {
            let path = file.expect("list the regression folder").path();
            let data = std::fs::read(&path).expect("read a regression input");
            assert!(entry::run(target, &data), "no target {target}");
            replayed += 1;
        }
    }
    for folder in std::fs::read_dir(&dir).expect("tests/fuzz-regressions exists") {
        let name = folder.expect("list").file_name();
        let name = name.to_string_lossy();
        assert!(
            entry::TARGETS.contains(&&*name),
            "no fuzz target named {name}"
        );
    }
    assert!(
        replayed > 0,
        "no regression inputs found under {}",
        dir.display()
    );
}

#[test]
fn every_target_accepts_empty_and_arbitrary_input() {
    for target in entry::TARGETS {
        for data in [&b""[..], b"\xff\xfe\0", b"[bank]\n===\n"] {
            assert!(entry::run(target, data), "no target {target}");
        }
    }
}

#[test]
fn the_lesson_fixtures_pass_the_import_target() {
    let lessons = root().join("tests/fixtures/lessons");
    for file in std::fs::read_dir(&lessons).expect("lesson fixtures") {
        let data = std::fs::read(file.expect("list").path()).expect("read lesson");
        entry::import(&data);
    }
}

// The same entry points under proptest, so every `cargo test` explores a little (the bank
// loader's properties are in `properties.rs`).
mod properties {
    use super::entry;
    use proptest::prelude::*;

    /// Words the fixed grading bank's rubrics know, negations, and noise.
    const ANSWER_WORDS: &[&str] = &[
        "volume",
        "volumes",
        "survive",
        "persists",
        "outlive",
        "docker volume create",
        "-v name:/path",
        "bind mount",
        "not",
        "never",
        "no",
        "docker",
        "logs",
        "8080:80",
        "port mapping",
        "ports",
        "healthcheck",
        "copy-on-write",
        "layer",
        "layers",
        "read-only",
        "the",
        "a",
        ",",
        ".",
        "don't",
        "isn't",
        "\u{1b}[2J",
        "é",
        "",
    ];

    /// Lines shaped like a lesson: its headings, numbered questions, lettered choices,
    /// answer labels, and free text.
    const LESSON_LINES: &[&str] = &[
        "# Container Networking",
        "## Lesson Metadata",
        "- **Lesson ID:** MOD-X-01",
        "## Knowledge Check",
        "### Multiple Choice Questions",
        "### Scenario Questions",
        "### Short Answer Questions",
        "## Interview Preparation",
        "### Beginner Questions",
        "### Intermediate Questions",
        "### Advanced Questions",
        "### Scenario-Based Discussions",
        "#### Beginner",
        "#### Advanced",
        "View Answers",
        "1. What is a volume?",
        "2. Why use `--mount`?",
        "A) a volume",
        "B) a bind mount",
        "**Answer:** B",
        "1. [volume]: Storage managed by the daemon.",
        "",
    ];

    fn words(from: &'static [&'static str]) -> impl Strategy<Value = String> {
        proptest::collection::vec(
            prop_oneof![
                4 => proptest::sample::select(from).prop_map(str::to_owned),
                1 => "\\PC{0,10}",
            ],
            0..24,
        )
        .prop_map(|parts| parts.join(" "))
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        #[test]
        fn grading_any_answer_keeps_its_promises(answer in words(ANSWER_WORDS)) {
            entry::grade(answer.as_bytes());
        }

        #[test]
        fn grading_against_a_bank_from_the_input_never_panics(
            answer in words(ANSWER_WORDS),
            model in words(ANSWER_WORDS),
            keywords in proptest::collection::vec(proptest::sample::select(ANSWER_WORDS), 0..4),
        ) {
            let keywords: Vec<String> = keywords.iter().map(|k| format!("{k:?}")).collect();
            let bank = format!(
                "[bank]\nid = \"p\"\ntitle = \"P\"\n\n[[question]]\nid = \"q\"\nkind = \"short_answer\"\nprompt = \"?\"\nmodel_answer = {model:?}\n{}\n[[question]]\nid = \"d\"\nkind = \"short_answer\"\nprompt = \"?\"\nmodel_answer = {model:?}\n",
                if keywords.is_empty() { String::new() } else { format!("keywords = [{}]\n", keywords.join(", ")) },
            );
            entry::grade(format!("{bank}\n===\n{answer}").as_bytes());
        }

        #[test]
        fn importing_any_lesson_writes_toml_that_parses(
            lines in proptest::collection::vec(
                prop_oneof![
                    4 => proptest::sample::select(LESSON_LINES).prop_map(str::to_owned),
                    1 => "\\PC{0,30}",
                ],
                0..40,
            )
        ) {
            entry::import(lines.join("\n").as_bytes());
        }

        #[test]
        fn any_typed_line_parses_to_an_answer_a_rating_or_a_reason(data in any::<Vec<u8>>()) {
            entry::session_input(&data);
        }
    }
}
