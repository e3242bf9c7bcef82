//! `recall check`, `list` and `show` over the fixture banks: every invalid fixture fails
//! with its own snapshot, every valid one passes, the outputs people and tools read are
//! snapshotted, and bank text cannot drive the terminal. Commands run from the repository
//! root with relative paths, so snapshots do not depend on where the repository lives.

use crate::util::{Recall, Run, root};
use std::path::Path;

/// `recall ARGS` run from the repository root.
fn recall_at_root<S: AsRef<std::ffi::OsStr>>(args: impl IntoIterator<Item = S>) -> Run {
    Recall::new().current_dir(root()).args(args).run()
}

/// `path` relative to the repository root, with `/` separators.
fn relative(path: &Path) -> String {
    path.strip_prefix(root())
        .expect("fixture under the repository root")
        .to_string_lossy()
        .replace('\\', "/")
}

#[test]
fn every_invalid_fixture_fails_with_a_located_diagnostic_and_a_fix() {
    insta::glob!("../banks/invalid", "*.toml", |path| {
        let file = relative(path);
        let run = recall_at_root(["check", file.as_str()]);
        assert_eq!(run.code, 1, "{}", run.transcript());
        // Each fixture is one mistake: exactly one error, at file:line:col, with a fix.
        let errors: Vec<&str> = run
            .stdout
            .lines()
            .filter(|l| l.starts_with(&file) && l.contains(": error"))
            .collect();
        assert_eq!(errors.len(), 1, "{}", run.transcript());
        let location = errors[0][file.len()..].split(": ").next().unwrap_or("");
        let parts: Vec<&str> = location.trim_start_matches(':').split(':').collect();
        assert!(
            parts.len() == 2
                && parts
                    .iter()
                    .all(|p| p.parse::<usize>().is_ok_and(|n| n > 0)),
            "no line:col in {:?}",
            errors[0]
        );
        assert!(run.stdout.contains("  = help: "), "{}", run.transcript());
        insta::assert_snapshot!(run.transcript());
    });
}

#[test]
fn one_run_reports_every_error_in_every_file() {
    let dir = root().join("tests/banks/invalid");
    let files = std::fs::read_dir(&dir)
        .expect("read the invalid fixtures")
        .filter(|e| {
            e.as_ref()
                .is_ok_and(|e| e.path().extension().is_some_and(|x| x == "toml"))
        })
        .count();
    assert!(files >= 30, "only {files} invalid fixtures");
    let run = recall_at_root(["check", "tests/banks/invalid"]);
    assert_eq!(run.code, 1, "{}", run.transcript());
    let summary = format!("checked {files} files: 0 banks with 0 questions valid; {files} errors");
    assert!(run.stdout.contains(&summary), "{}", run.transcript());
}

#[test]
fn a_question_with_several_mistakes_reports_them_all() {
    let home = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        home.path().join("several.toml"),
        r#"[bank]
id = "several"
title = "Several mistakes"

[[question]]
id = "Bad Id"
kind = "multiple_choice"
prompt = ""
choices = ["a", "a"]
answer = "E"

[[question]]
id = "interview"
kind = "interview"
tier = "senior"
prompt = "Why?"
keywords = [{ weight = 2 }]
"#,
    )
    .expect("write the bank");
    let run = Recall::new()
        .current_dir(home.path())
        .args(["check", "several.toml"])
        .run();
    insta::assert_snapshot!(run.transcript());
}

#[test]
fn duplicate_bank_ids_across_files_point_at_the_second_id() {
    let run = recall_at_root(["check", "tests/banks/invalid-pairs/duplicate-bank-id"]);
    assert_eq!(run.code, 1, "{}", run.transcript());
    insta::assert_snapshot!(run.transcript());
}

#[test]
fn a_file_over_the_size_limit_is_refused_before_reading() {
    let home = tempfile::tempdir().expect("temp dir");
    let big = std::fs::File::create(home.path().join("big.toml")).expect("create");
    // A sparse file: the size is set without writing (or committing) 16 MiB of data. Its
    // content is all NUL bytes, which would be a TOML error if recall read it.
    big.set_len(recall::bank::MAX_FILE_BYTES + 1)
        .expect("set the length");
    let run = Recall::new()
        .current_dir(home.path())
        .args(["check", "big.toml"])
        .run();
    assert_eq!(run.code, 1, "{}", run.transcript());
    insta::assert_snapshot!(run.transcript(), @r"
    exit: 1
    --- stdout
    big.toml: error: file is 16777217 bytes, over the limit of 16777216 bytes (16 MiB) for one bank
      = help: split it into several banks (one file per lesson)

    checked 1 file: 0 banks with 0 questions valid; 1 error, 0 warnings
    ");
}

#[test]
fn every_valid_fixture_passes() {
    insta::glob!("../banks/valid", "*.toml", |path| {
        let file = relative(path);
        let run = recall_at_root(["check", file.as_str()]);
        assert_eq!(run.code, 0, "{}", run.transcript());
        assert!(run.stdout.contains(" 0 errors"), "{}", run.transcript());
        // Only the fixtures about warnings may have any.
        let expects_warnings = ["warnings-only.toml", "empty-bank.toml"]
            .iter()
            .any(|name| file.ends_with(name));
        if !expects_warnings {
            assert!(run.stdout.contains(" 0 warnings"), "{}", run.transcript());
        }
        insta::assert_snapshot!(run.transcript());
    });
}

#[test]
fn the_complete_example_in_the_docs_is_the_valid_fixture() {
    let doc = std::fs::read_to_string(root().join("docs/bank-format.md")).expect("read the doc");
    let fixture = std::fs::read_to_string(root().join("tests/banks/valid/complete-example.toml"))
        .expect("read the fixture");
    let start = doc
        .find("<!-- complete-example -->\n```toml\n")
        .expect("the doc marks its complete example")
        + "<!-- complete-example -->\n```toml\n".len();
    let end = start
        + doc[start..]
            .find("```")
            .expect("the example block is closed");
    assert_eq!(
        &doc[start..end],
        fixture,
        "docs/bank-format.md and tests/banks/valid/complete-example.toml differ"
    );
}

#[test]
fn json_diagnostics_carry_every_field() {
    let run = recall_at_root([
        "check",
        "--format",
        "json",
        "tests/banks/invalid/answer-letter-out-of-range.toml",
        "tests/banks/invalid/not-utf8.toml",
        "tests/banks/valid/warnings-only.toml",
    ]);
    assert_eq!(run.code, 1, "{}", run.transcript());
    let parsed: serde_json::Value = serde_json::from_str(&run.stdout).expect("valid JSON");
    for problem in parsed.as_array().expect("an array") {
        for key in [
            "file", "line", "column", "bank", "question", "severity", "message",
        ] {
            assert!(problem.get(key).is_some(), "{key} missing in {problem}");
        }
    }
    insta::assert_snapshot!(run.transcript());
}

#[test]
fn list_over_the_valid_fixtures() {
    let text = recall_at_root(["list", "tests/banks/valid"]);
    assert_eq!(text.code, 0, "{}", text.transcript());
    insta::assert_snapshot!("list_text", text.transcript());
    let json = recall_at_root(["list", "--json", "tests/banks/valid"]);
    assert_eq!(json.code, 0, "{}", json.transcript());
    serde_json::from_str::<serde_json::Value>(&json.stdout).expect("valid JSON");
    insta::assert_snapshot!("list_json", json.transcript());
}

#[test]
fn show_a_question_with_and_without_its_answer() {
    for (name, question) in [
        ("show_multiple_answer", "choices/tls-ports"),
        ("show_true_false", "tcp-connectionless"),
        ("show_scenario", "text/lost-data"),
        ("show_interview", "text/overlay-internals"),
    ] {
        let bare = recall_at_root(["show", "--bank-path", "tests/banks/valid", question]);
        assert_eq!(bare.code, 0, "{}", bare.transcript());
        let answered = recall_at_root([
            "show",
            "--bank-path",
            "tests/banks/valid",
            question,
            "--answer",
        ]);
        assert_eq!(answered.code, 0, "{}", answered.transcript());
        assert!(answered.stdout.starts_with(&bare.stdout));
        insta::assert_snapshot!(name, answered.transcript());
    }
}

#[test]
fn the_author_questions_bank_pins_what_bank_format_md_answers() {
    // The bank answers, by its examples, what an author could not tell from the docs
    // (probe9's README); its one warning is the polarity lint, once for the concept.
    let file = "tests/fixtures/bank-format/author-questions.toml";
    let check = recall_at_root(["check", file]);
    assert_eq!(check.code, 0, "{}", check.transcript());
    let warnings: Vec<&str> = check
        .stdout
        .lines()
        .filter(|l| l.starts_with(file) && l.contains(": warning"))
        .collect();
    assert_eq!(warnings.len(), 1, "{}", check.transcript());
    assert!(
        warnings[0].contains("keywords `backward` and `backwards` of one concept are stated only negated in the model answer"),
        "{}",
        check.transcript()
    );
    passes_its_examples(
        file,
        "tested 5 text questions (5 model answers, 13 examples)",
    );
}

#[test]
fn the_second_author_questions_bank_pins_what_the_docs_answer_for_probe10() {
    // probe10's README asked ten questions; this bank's examples pin the answers
    // bank-format.md now gives (ordered relations and before/after, the lexicon and
    // negation in forbidden terms and misconceptions, code tokens, two misconceptions
    // at once, a keyword led by *cannot*). It checks without a warning.
    let file = "tests/fixtures/bank-format/author-questions-2.toml";
    let check = recall_at_root(["check", file]);
    assert_eq!(check.code, 0, "{}", check.transcript());
    assert!(
        check
            .stdout
            .ends_with("1 bank with 8 questions valid; 0 errors, 0 warnings\n"),
        "{}",
        check.transcript()
    );
    passes_its_examples(
        file,
        "tested 8 text questions (8 model answers, 29 examples)",
    );
}

/// `recall test FILE` passes and ends with `summary` and no failure.
fn passes_its_examples(file: &str, summary: &str) {
    let test = recall_at_root(["test", file]);
    assert_eq!(test.code, 0, "{}", test.transcript());
    assert!(
        test.stdout.ends_with(&format!("{summary}: 0 failed\n")),
        "{}",
        test.transcript()
    );
}

/// The words of `text` with single spaces, so a wrapped line reads as one.
fn unwrapped(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn show_answer_gives_the_size_of_a_derived_rubric() {
    // A short model answer: its concepts, and where a long one starts.
    let short = recall_at_root([
        "show",
        "--bank-path",
        "tests/banks/valid/complete-example.toml",
        "docker-storage-basics/bridge-versus-host",
        "--answer",
    ]);
    assert_eq!(short.code, 0, "{}", short.transcript());
    assert!(
        unwrapped(&short.stdout).contains(
            "Rubric: derived from the model answer, 18 concepts (a long model answer has more than 24, and is scored against its 24 heaviest)"
        ),
        "{}",
        short.transcript()
    );
    // A long one (an interview answer of some 90 words): scored against its heaviest.
    let dir = tempfile::tempdir().expect("temp dir");
    let bank = dir.path().join("long.toml");
    std::fs::write(
        &bank,
        r#"[bank]
id = "long"
title = "A long model answer"

[[question]]
id = "quorum-reads"
kind = "interview"
tier = "advanced"
prompt = "Why do quorum reads and writes overlap?"
model_answer = """With N replicas, a write waits for W acknowledgements and a read asks R \
replicas. When R plus W exceeds N, every read quorum shares at least one replica with \
every write quorum, so some replica a read contacts holds the newest acknowledged \
version, which the coordinator picks by its timestamp or vector clock. Sloppy quorums \
break this guarantee: during a partition, hinted handoff lets writes land on stand-in \
nodes outside the preference list, so a later read may miss them until anti-entropy \
repair or read repair copies the hints back to their home replicas."""
"#,
    )
    .expect("write the bank");
    let long = Recall::new()
        .args(["show", "--bank-path"])
        .arg(&bank)
        .args(["long/quorum-reads", "--answer"])
        .run();
    assert_eq!(long.code, 0, "{}", long.transcript());
    let text = unwrapped(&long.stdout);
    assert!(
        text.contains("concepts: a long model answer (more than 24), so an answer is scored against the weight of its 24 heaviest"),
        "{}",
        long.transcript()
    );
    // Without --answer, nothing of the rubric.
    let bare = Recall::new()
        .args(["show", "--bank-path"])
        .arg(&bank)
        .arg("long/quorum-reads")
        .run();
    assert!(!bare.stdout.contains("Rubric:"), "{}", bare.transcript());
}

#[test]
fn show_names_what_exists_when_the_question_does_not() {
    let run = recall_at_root(["show", "--bank-path", "tests/banks/valid", "text/lost-dat"]);
    assert_eq!(run.code, 2, "{}", run.transcript());
    insta::assert_snapshot!(run.transcript());
}

/// Whether `bytes` hold ESC (0x1B) or the 8-bit CSI U+009B (UTF-8 C2 9B) raw.
fn has_raw_escape(bytes: &[u8]) -> bool {
    bytes.contains(&0x1b) || bytes.windows(2).any(|w| w == [0xc2, 0x9b])
}

#[test]
fn bank_text_cannot_drive_the_terminal() {
    let bank = "tests/banks/valid/terminal-escapes.toml";
    let source = std::fs::read_to_string(root().join(bank)).expect("read the fixture");
    assert!(
        !has_raw_escape(source.as_bytes()),
        "the escapes are TOML escapes"
    );
    let mut runs = vec![
        recall_at_root(["list", bank]),
        recall_at_root(["list", "--json", bank]),
        recall_at_root(["check", bank]),
    ];
    for question in ["escapes/choice", "escapes/scenario", "escapes/interview"] {
        runs.push(recall_at_root([
            "show",
            "--bank-path",
            bank,
            question,
            "--answer",
        ]));
    }
    for run in &runs {
        assert_eq!(run.code, 0, "{}", run.transcript());
        assert!(
            !has_raw_escape(run.stdout.as_bytes()) && !has_raw_escape(run.stderr.as_bytes()),
            "raw escape in {}",
            run.transcript()
        );
    }
    // The text is shown neutralised, not dropped.
    let shown = &runs[3].stdout;
    assert!(shown.contains("prompt ^[[2J <U+009B>31m"), "{shown}");
    assert!(shown.contains("feedback <U+009B>31m ^[[2J"), "{shown}");
}

/// The ids listed by `recall list --json` in `run`, with their paths.
fn listed(run: &Run) -> Vec<(String, String)> {
    assert_eq!(run.code, 0, "{}", run.transcript());
    let banks: serde_json::Value = serde_json::from_str(&run.stdout).expect("valid JSON");
    banks
        .as_array()
        .expect("an array")
        .iter()
        .map(|b| (b["id"].to_string(), b["path"].to_string()))
        .collect()
}

#[test]
fn without_paths_list_reads_the_built_in_banks() {
    // Recall::new runs in an empty temp dir and clears RECALL_BANKS.
    let builtin = listed(&Recall::new().args(["list", "--json"]).run());
    assert!(
        builtin
            .iter()
            .all(|(_, path)| path.starts_with("\"builtin:")),
        "{builtin:?}"
    );
    // The built-in banks are the shipped ones, `banks/` at build time.
    let shipped = root().join("banks");
    let expected: Vec<String> = if shipped.is_dir() {
        listed(&recall_at_root(["list", "--json", "banks"]))
            .into_iter()
            .map(|(id, _)| id)
            .collect()
    } else {
        Vec::new()
    };
    let ids: Vec<String> = builtin.into_iter().map(|(id, _)| id).collect();
    assert_eq!(ids, expected);
}

#[test]
fn recall_banks_names_where_banks_are() {
    let valid = root().join("tests/banks/valid");
    let more = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        more.path().join("extra.toml"),
        "[bank]\nid = \"extra\"\ntitle = \"Extra\"\n",
    )
    .expect("write a bank");
    let joined = std::env::join_paths([valid.as_path(), more.path()]).expect("join paths");
    let recall = Recall::new();
    // A ./banks folder is there too: RECALL_BANKS wins over it.
    std::fs::create_dir(recall.home().join("banks")).expect("create ./banks");
    let ids: Vec<String> = listed(
        &recall
            .env("RECALL_BANKS", joined)
            .args(["list", "--json"])
            .run(),
    )
    .into_iter()
    .map(|(id, _)| id)
    .collect();
    assert!(ids.contains(&"\"minimal\"".to_owned()), "{ids:?}");
    assert!(ids.contains(&"\"extra\"".to_owned()), "{ids:?}");
}

#[test]
fn a_banks_folder_in_the_current_directory_is_used() {
    let recall = Recall::new();
    let local = recall.home().join("banks");
    std::fs::create_dir(&local).expect("create ./banks");
    std::fs::copy(
        root().join("tests/banks/valid/minimal.toml"),
        local.join("minimal.toml"),
    )
    .expect("copy a bank");
    let banks = listed(&recall.args(["list", "--json"]).run());
    assert_eq!(
        banks,
        [(
            "\"minimal\"".to_owned(),
            "\"banks/minimal.toml\"".to_owned()
        )]
    );
}

#[test]
fn a_missing_path_is_a_usage_error() {
    let run = Recall::new().args(["check", "no/such/bank.toml"]).run();
    assert_eq!(run.code, 2, "{}", run.transcript());
    assert!(
        run.stderr
            .contains("no/such/bank.toml: no such file or folder"),
        "{}",
        run.transcript()
    );
    // The error's hint, on its own line after it.
    assert!(
        run.stderr
            .lines()
            .last()
            .is_some_and(|line| line.starts_with("hint: with no paths, recall reads")),
        "{}",
        run.transcript()
    );
}

#[test]
fn the_shipped_banks_are_clean_and_listed() {
    let check = Recall::new()
        .current_dir(root())
        .args(["check", "banks"])
        .run();
    assert_eq!(check.code, 0, "{}", check.transcript());
    assert!(
        check.stdout.contains("0 errors, 0 warnings"),
        "{}",
        check.stdout
    );
    let list = Recall::new()
        .current_dir(root())
        .args(["list", "banks"])
        .run();
    assert_eq!(list.code, 0, "{}", list.transcript());
    insta::assert_snapshot!(list.transcript());
}

/// The single-alternative lint warns only where a learner's other words would fail:
/// alternatives that are one word by stem are one, while a word the built-in lexicon or
/// the bank's `[bank.synonyms]` spells otherwise has more; a bank that names a lexicon
/// file (which may list them) is not warned.
#[test]
fn a_single_alternative_is_one_no_lexicon_spells_otherwise() {
    let home = tempfile::tempdir().expect("temp dir");
    let bank = |header: &str| {
        format!(
            r#"[bank]
id = "lint"
title = "Lint"
{header}

[[question]]
id = "q"
kind = "short_answer"
prompt = "What does the setuid bit on a program do, and can a Bloom filter miss?"
model_answer = "The program runs with its owner's rights; a Bloom filter gives false positives."
keywords = [
  {{ any = ["setuid"], required = true }},
  {{ any = ["false positive", "false positives"], required = true }},
  {{ any = ["folder"], required = true }},
  {{ any = ["owner", "file owner"], required = true }},
]

[[question.example]]
answer = "Nothing."
expect = "fail"
"#
        )
    };
    let check = |text: String| {
        std::fs::write(home.path().join("lint.toml"), text).expect("write");
        Recall::new()
            .current_dir(home.path())
            .args(["check", "lint.toml"])
            .run()
    };
    let warned = |run: &Run| -> Vec<String> {
        run.stdout
            .lines()
            .filter(|l| l.contains("has a single alternative"))
            .map(|l| l.split('`').nth(1).unwrap_or_default().to_owned())
            .collect()
    };

    // `folder` has `directory` in the built-in lexicon; `owner` has a second spelling.
    let plain = check(bank(""));
    assert_eq!(
        warned(&plain),
        ["setuid", "false positive"],
        "{}",
        plain.transcript()
    );
    let with_synonyms = check(bank("\n[bank.synonyms]\nsetuid = [\"suid\"]"));
    assert_eq!(
        warned(&with_synonyms),
        ["false positive"],
        "{}",
        with_synonyms.transcript()
    );
    let named_lexicon = check(bank("lexicon = \"shared\""));
    assert!(
        warned(&named_lexicon).is_empty(),
        "{}",
        named_lexicon.transcript()
    );
}
