//! Authoring and interchange: `recall import` of the seed lesson in both its forms,
//! `recall schema` against the committed file, `render` snapshots of every shipped bank,
//! and the GIFT, CSV and Anki exports.

use crate::util::{Recall, root};
use recall::bank::{Bank, Kind, load_str};
use std::path::{Path, PathBuf};

/// The seed lesson exactly as exported (a byte-for-byte copy of
/// `../shared/seeds/MOD-DOCKER-04.lesson.txt`, kept here so the tests need nothing
/// outside the repository).
fn seed() -> PathBuf {
    root().join("tests/fixtures/lessons/MOD-DOCKER-04.lesson.txt")
}

fn markdown() -> PathBuf {
    root().join("tests/fixtures/lessons/MOD-DOCKER-04.md")
}

/// The seed lesson's text.
fn seed_text() -> Option<String> {
    std::fs::read_to_string(seed()).ok()
}

fn import(lesson: &Path) -> (Bank, String) {
    let text = std::fs::read_to_string(lesson).expect("lesson");
    let name = lesson
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let import = recall::import::import(&text, &name);
    let toml = import.to_toml();
    let (bank, diagnostics) = load_str(Path::new("imported.toml"), &toml);
    let bank =
        bank.unwrap_or_else(|| panic!("imported bank does not load: {diagnostics:?}\n{toml}"));
    (bank, toml)
}

/// Text compared without the whitespace and code marks the export lost.
fn normal(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace() && *c != '`')
        .collect::<String>()
        .to_lowercase()
}

#[test]
fn the_seed_lesson_imports_into_a_bank_that_passes_check() {
    if seed_text().is_none() {
        panic!("the seed lesson is missing at {}", seed().display());
    }
    let out = Recall::new().home;
    let file = out.path().join("mod-docker-04.toml");
    let run = Recall::new()
        .arg("import")
        .arg(seed())
        .arg("-o")
        .arg(&file)
        .run();
    assert_eq!(run.code, 0, "{}", run.transcript());
    assert!(
        run.stderr
            .contains("imported 10 questions into bank `mod-docker-04`"),
        "{}",
        run.transcript()
    );
    let check = Recall::new().arg("check").arg(&file).run();
    assert_eq!(check.code, 0, "{}", check.transcript());
    assert!(
        check
            .stdout
            .contains("1 bank with 10 questions valid; 0 errors"),
        "{}",
        check.transcript()
    );
    assert!(
        check.stdout.contains("the rubric is marked as a draft"),
        "{}",
        check.transcript()
    );
}

#[test]
fn markdown_and_text_forms_import_to_the_same_questions() {
    let (text, _) = import(&seed());
    let (md, _) = import(&markdown());
    assert_eq!(
        (&md.id, &md.title, &md.lesson, &md.module),
        (&text.id, &text.title, &text.lesson, &text.module)
    );
    assert_eq!(md.questions.len(), 10);
    let kinds: Vec<Kind> = md.questions.iter().map(|q| q.kind).collect();
    assert_eq!(
        kinds[..3],
        [Kind::MultipleChoice, Kind::Scenario, Kind::ShortAnswer]
    );
    assert_eq!(md.questions.len(), text.questions.len());
    for (m, t) in md.questions.iter().zip(&text.questions) {
        assert_eq!(
            (&m.id, m.kind, m.tier, &m.answer, m.draft),
            (&t.id, t.kind, t.tier, &t.answer, t.draft)
        );
        assert_eq!(normal(&m.prompt), normal(&t.prompt), "{}", m.id);
        assert_eq!(
            m.situation.as_deref().map(normal),
            t.situation.as_deref().map(normal),
            "{}",
            m.id
        );
        let choices = |q: &recall::bank::Question| {
            q.choices
                .iter()
                .map(|c| normal(&c.text))
                .collect::<Vec<_>>()
        };
        assert_eq!(choices(m), choices(t), "{}", m.id);
        if m.kind == Kind::Interview {
            // From View Answers, matched by order in the tier; the knowledge check's
            // answers are drafted from the lesson's prose, which the two forms lay out
            // differently.
            assert_eq!(
                m.model_answer.as_deref().map(normal),
                t.model_answer.as_deref().map(normal),
                "{}",
                m.id
            );
        }
        assert!(m.model_answer.is_some() == m.is_text());
    }
    // The answer matched to "What does docker volume prune do?" is the prune answer.
    let prune = md
        .questions
        .iter()
        .find(|q| q.id == "docker-volume-prune")
        .expect("prune question");
    assert!(
        prune
            .model_answer
            .as_deref()
            .unwrap_or("")
            .contains("permanently deletes")
    );
}

#[test]
fn imported_text_round_trips_through_the_loader() {
    let import = recall::import::import(
        &std::fs::read_to_string(markdown()).expect("fixture"),
        "x.md",
    );
    let (loaded, _) = load_str(Path::new("x.toml"), &import.to_toml());
    let mut loaded = loaded.expect("loads");
    loaded.source = import.bank.source.clone();
    assert_eq!(loaded, import.bank);
}

#[test]
fn unplaced_text_is_reported_and_fails_the_exit_code() {
    let home = Recall::new().home;
    let lesson = home.path().join("l.md");
    std::fs::write(
        &lesson,
        "# L\n\n## Interview Preparation\n\n### Beginner Questions\n\n- What is X?\n",
    )
    .expect("write");
    let run = Recall::new().arg("import").arg(&lesson).run();
    assert_eq!(run.code, 1, "{}", run.transcript());
    assert!(
        run.stderr
            .contains("not imported: an interview question with no answer"),
        "{}",
        run.transcript()
    );
    assert!(
        run.stdout.contains("# NOT IMPORTED"),
        "{}",
        run.transcript()
    );
}

#[test]
fn the_committed_schema_is_current() {
    let committed =
        std::fs::read_to_string(root().join("schema/bank.schema.json")).unwrap_or_default();
    let run = Recall::new().arg("schema").run();
    assert_eq!(run.code, 0);
    assert!(
        committed == run.stdout,
        "schema/bank.schema.json is stale; regenerate it with:\n    cargo run -- schema > schema/bank.schema.json"
    );
    let schema: serde_json::Value = serde_json::from_str(&run.stdout).expect("json");
    assert_eq!(
        schema["anyOf"],
        serde_json::json!([{ "required": ["bank"] }, { "required": ["lexicon"] }]),
        "a file is a bank or a lexicon"
    );
    assert!(run.stdout.contains("\"multiple_choice\""));
}

#[test]
fn every_shipped_bank_renders_stably() {
    // The shipped banks arrive on other branches; until banks/ has one there is nothing
    // to snapshot (insta::glob! fails on an empty match).
    let has_banks = std::fs::read_dir(root().join("banks")).is_ok_and(|mut d| d.next().is_some());
    if !has_banks {
        return;
    }
    insta::glob!("../../banks", "**/*.toml", |path| {
        let run = Recall::new().arg("render").arg(path).run();
        assert_eq!(run.code, 0, "{}", run.transcript());
        insta::assert_snapshot!(run.stdout);
    });
}

#[test]
fn fixture_bank_renders() {
    let run = Recall::new()
        .arg("render")
        .arg(root().join("tests/banks/valid/minimal.toml"))
        .run();
    assert_eq!(run.code, 0, "{}", run.transcript());
    insta::assert_snapshot!(run.stdout);
}

const TRICKY: &str = r#"[bank]
id = "tricky"
title = "Tricky: {braces} ~tilde =equals #hash"

[[question]]
id = "multi"
kind = "multiple_choice"
prompt = "Which are {right}? a=b: c~d #e \\ f"
choices = ["one = 1", { text = "two ~ 2", feedback = "no: #2" }, "three {3}"]
answer = ["A", "C"]
explanation = "One: and three."

[[question]]
id = "short"
kind = "short_answer"
prompt = "Mount type for RAM?"
model_answer = "tmpfs"
keywords = [{ any = ["tmpfs", "tmpfs mount"] }]

[[question]]
id = "talk"
kind = "interview"
tier = "beginner"
prompt = "Say \"why\",\nplease"
model_answer = "Because, =really."
"#;

fn tricky_bank() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp");
    let path = dir.path().join("tricky.toml");
    std::fs::write(&path, TRICKY).expect("write");
    (dir, path)
}

#[test]
fn gift_escapes_and_weights() {
    let (_dir, path) = tricky_bank();
    let run = Recall::new()
        .arg("export")
        .arg(&path)
        .args(["--format", "gift"])
        .run();
    assert_eq!(run.code, 0, "{}", run.transcript());
    insta::assert_snapshot!(run.stdout);
}

#[test]
fn csv_has_a_row_per_question() {
    let (_dir, path) = tricky_bank();
    let run = Recall::new()
        .arg("export")
        .arg(&path)
        .args(["--format", "csv"])
        .run();
    assert_eq!(run.code, 0, "{}", run.transcript());
    assert_eq!(
        run.stdout.matches("\r\ntricky,").count(),
        3,
        "{}",
        run.stdout
    );
    insta::assert_snapshot!(run.stdout);
}

#[test]
fn anki_packages_are_stable_zips() {
    let (dir, path) = tricky_bank();
    let export = |name: &str| {
        let out = dir.path().join(name);
        let run = Recall::new()
            .env("RECALL_NOW", "2026-01-01T00:00:00Z")
            .arg("export")
            .arg(&path)
            .args(["--format", "anki", "-o"])
            .arg(&out)
            .run();
        assert_eq!(run.code, 0, "{}", run.transcript());
        assert!(
            run.stderr.contains("1 deck, 3 notes"),
            "{}",
            run.transcript()
        );
        std::fs::read(out).expect("apkg")
    };
    let first = export("a.apkg");
    assert_eq!(&first[..2], b"PK");
    let second = export("b.apkg");
    assert_eq!(first.len(), second.len());
    let run = Recall::new()
        .arg("export")
        .arg(&path)
        .args(["--format", "anki"])
        .run();
    assert_eq!(run.code, 2, "{}", run.transcript());
    assert!(run.stderr.contains("-o FILE.apkg"), "{}", run.transcript());
}

/// The mock-interview fixture: follow-ups two deep, asked on a pass, on a fail or
/// always, with hints and a target time.
fn mock_interview() -> PathBuf {
    root().join("tests/banks/valid/mock-interview.toml")
}

#[test]
fn follow_ups_render_after_their_question_with_when_they_are_asked() {
    let run = Recall::new().arg("render").arg(mock_interview()).run();
    assert_eq!(run.code, 0, "{}", run.transcript());
    insta::assert_snapshot!(run.stdout);
}

#[test]
fn recall_test_grades_the_examples_of_every_follow_up() {
    let run = Recall::new().arg("test").arg(mock_interview()).run();
    assert_eq!(run.code, 0, "{}", run.transcript());
    insta::assert_snapshot!(run.transcript());
    // A follow-up whose example fails is named by its own id.
    let dir = tempfile::tempdir().unwrap();
    let broken = std::fs::read_to_string(mock_interview()).unwrap().replace(
        "answer = \"In my home folder.\"",
        "answer = \"In /var/lib/docker/volumes.\"",
    );
    let path = dir.path().join("broken.toml");
    std::fs::write(&path, broken).unwrap();
    let run = Recall::new().arg("test").arg(&path).run();
    assert_eq!(run.code, 1, "{}", run.transcript());
    assert!(
        run.stdout
            .contains("FAIL mock/volumes/follow-1 example 2: expected fail"),
        "{}",
        run.stdout
    );
}

#[test]
fn follow_ups_export_as_questions_of_their_own() {
    for (format, each) in [("csv", "\r\nmock,"), ("gift", "::mock/")] {
        let run = Recall::new()
            .arg("export")
            .arg(mock_interview())
            .args(["--format", format])
            .run();
        assert_eq!(run.code, 0, "{}", run.transcript());
        assert_eq!(
            run.stdout.matches(each).count(),
            6,
            "{format}: {}",
            run.stdout
        );
        assert!(
            run.stdout.contains("volumes/follow-1/follow-1"),
            "{}",
            run.stdout
        );
    }
    let dir = tempfile::tempdir().unwrap();
    let run = Recall::new()
        .arg("export")
        .arg(mock_interview())
        .args(["--format", "anki", "-o"])
        .arg(dir.path().join("mock.apkg"))
        .run();
    assert_eq!(run.code, 0, "{}", run.transcript());
    assert!(
        run.stderr.contains("1 deck, 6 notes"),
        "{}",
        run.transcript()
    );
}
