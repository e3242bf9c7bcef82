//! The fuzzed entry points, one function per target: each feeds arbitrary bytes to one
//! of recall's parsers of untrusted input and asserts what must hold whatever the input.
//! A panic (including a failed assertion) is a finding.
//!
//! The `fuzz_targets/` binaries call these; the normal test suite includes this file
//! (`tests/suites/fuzz_regressions.rs`) and replays every file of
//! `tests/fuzz-regressions/<target>/` through the same function, so a finding stays
//! fixed. Nothing here depends on libFuzzer.

use recall::bank::{self, Bank};
use recall::diagnostic::Diagnostic;
use recall::grade::{self, Grader};
use recall::schedule::Rating;
use recall::session::input;
use std::path::Path;
use std::sync::OnceLock;

/// The names of the targets, as in `fuzz/Cargo.toml` and `tests/fuzz-regressions/`.
pub const TARGETS: &[&str] = &["bank_load", "grade", "session_input", "import"];

/// Runs target `name` on `data`; `false` when there is no such target.
pub fn run(name: &str, data: &[u8]) -> bool {
    match name {
        "bank_load" => bank_load(data),
        "grade" => grade(data),
        "session_input" => session_input(data),
        "import" => import(data),
        _ => return false,
    }
    true
}

/// Bank text (invalid UTF-8 replaced, as a lossy reader would) through the loader; a
/// loaded bank is rendered as `show` would, and every diagnostic rendered as `check`.
pub fn bank_load(data: &[u8]) {
    let source = String::from_utf8_lossy(data);
    let (bank, diagnostics) = bank::load_str(Path::new("fuzz.toml"), &source);
    check_diagnostics(&source, &diagnostics);
    if let Some(bank) = bank {
        assert!(
            !diagnostics.iter().any(Diagnostic::is_error),
            "a bank with errors was loaded"
        );
        check_bank(&bank);
    }
}

/// `BANK\n===\nANSWER`: the answer graded against every text question of the bank when
/// it loads; without the separator (or when the bank does not load) the whole input is
/// an answer to the questions of a fixed bank that uses every rubric feature.
pub fn grade(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    if let Some((source, answer)) = text.split_once("\n===\n")
        && let (Some(bank), _) = bank::load_str(Path::new("fuzz.toml"), source)
    {
        let banks = [bank];
        grade_all(&Grader::new(&banks), &banks[0], answer);
        return;
    }
    let (grader, bank) = fixed_grader();
    grade_all(grader, bank, &text);
}

/// A line as typed in plain mode: as a command, as letters among `count` choices (the
/// first byte picks `count`, 0 to 59), and as a rating with each suggestion.
pub fn session_input(data: &[u8]) {
    let Some((&first, rest)) = data.split_first() else {
        return;
    };
    let line = String::from_utf8_lossy(rest);
    let _ = input::control(&line);
    let count = usize::from(first) % 60;
    match input::letters(&line, count) {
        Ok(picked) => {
            assert!(
                picked.windows(2).all(|w| w[0] < w[1]),
                "{picked:?} not sorted"
            );
            assert!(
                picked.iter().all(|&i| i < count),
                "{picked:?} out of {count}"
            );
            assert!(!picked.is_empty(), "no letter picked from {line:?}");
        }
        Err(message) => assert!(!message.is_empty()),
    }
    for suggested in Rating::ALL {
        match input::rating(&line, suggested) {
            Ok(rating) => assert!(Rating::ALL.contains(&rating)),
            Err(message) => assert!(!message.is_empty()),
        }
    }
}

/// A lesson (markdown or the plain-text export) through `recall import`'s engine: the
/// bank it writes must be TOML that parses, and loading it must locate every problem.
pub fn import(data: &[u8]) {
    let lesson = String::from_utf8_lossy(data);
    let imported = recall::import::import(&lesson, "fuzz.md");
    let toml = imported.to_toml();
    if let Err(err) = toml::from_str::<toml::Table>(&toml) {
        panic!("import wrote TOML that does not parse: {err}\n{toml}");
    }
    let (_, diagnostics) = bank::load_str(Path::new("imported.toml"), &toml);
    check_diagnostics(&toml, &diagnostics);
    let _ = imported.unplaced();
}

/// Every diagnostic is on a real line and column of `source` (or about the whole file),
/// and renders with no escape sequence left in it.
fn check_diagnostics(source: &str, diagnostics: &[Diagnostic]) {
    let lines: Vec<&str> = source.split('\n').collect();
    for d in diagnostics {
        if d.line == 0 {
            assert_eq!(d.column, 0, "{d:?}");
        } else {
            assert!(d.line <= lines.len(), "line past the end: {d:?}");
            let width = lines[d.line - 1].chars().count();
            assert!(d.column >= 1 && d.column <= width + 1, "{d:?}");
        }
        assert_inert(&d.render());
    }
}

/// A loaded bank keeps the model's promises, and shows without escape sequences.
fn check_bank(bank: &Bank) {
    for q in &bank.questions {
        assert!(q.answer.iter().all(|&i| i < q.choices.len()), "{q:?}");
        assert!(q.answer.windows(2).all(|w| w[0] < w[1]), "{q:?}");
        assert_eq!(q.is_text(), q.model_answer.is_some(), "{q:?}");
        assert_eq!(q.kind == bank::Kind::Interview, q.tier.is_some(), "{q:?}");
        let header = recall::view::header(&bank.id, q);
        let order: Vec<usize> = (0..q.choices.len()).collect();
        assert_inert(&without_colour(&recall::view::question(
            &header,
            q,
            Some(&order),
            60,
        )));
        // A derived rubric's size as `show` gives it (deriving it here would slow the
        // fuzzer for a line of text).
        let derived = q.rubric.is_none().then_some(grade::DerivedSize {
            concepts: 30,
            carry: 24,
        });
        assert_inert(&without_colour(&recall::view::answer(q, derived, 60)));
    }
}

fn grade_all(grader: &Grader, bank: &Bank, answer: &str) {
    for question in bank.questions.iter().filter(|q| q.is_text()) {
        let verdict = grader.grade(bank, question, answer);
        assert!(
            verdict.score.is_finite() && (0.0..=1.0).contains(&verdict.score),
            "score {} for {answer:?}",
            verdict.score
        );
        assert_eq!(verdict.passed, verdict.failure.is_none(), "{verdict:?}");
        let rubric = grader.rubric(bank, question);
        assert_eq!(verdict.concepts.len(), rubric.concepts.len(), "{verdict:?}");
        let _ = grade::explain(&verdict);
    }
}

/// A bank whose rubrics use every feature: weights, required concepts, alternatives,
/// phrases, code-like tokens, forbidden terms, and a rubric derived from a model answer.
const FIXED_BANK: &str = r#"
[bank]
id = "fuzz"
title = "Fuzz"

[[question]]
id = "volumes"
kind = "short_answer"
prompt = "What keeps a container's data?"
model_answer = "A named volume, managed by the Docker daemon, survives the container."
keywords = ["volume", { any = ["survive", "persist", "outlive"], weight = 2, required = true }, { any = ["docker volume create", "-v name:/path"] }, { forbid = ["bind mount"] }]

[[question]]
id = "derived"
kind = "interview"
tier = "advanced"
prompt = "Explain copy-on-write layers."
model_answer = "Each image layer is read-only; a container adds a thin writable layer, and files are copied up on first write (copy-on-write), so many containers share the same image layers without duplicating them on disk. Don't confuse this with volumes."
pass = 0.3

[[question]]
id = "scenario"
kind = "scenario"
situation = "Your service at 10.0.0.5:8080 returns 502 after `docker compose up -d`."
prompt = "What do you check first?"
model_answer = "Check the container logs with docker logs, and that the port mapping 8080:80 is right."
keywords = [{ any = ["docker logs", "logs"] }, { any = ["8080:80", "port mapping", "ports"], required = true }, "healthcheck"]
"#;

fn fixed_grader() -> &'static (Grader, Bank) {
    static FIXED: OnceLock<(Grader, Bank)> = OnceLock::new();
    FIXED.get_or_init(|| {
        let (bank, diagnostics) = bank::load_str(Path::new("fuzz.toml"), FIXED_BANK);
        // The fixed bank is written above and checked by the regression test.
        let bank =
            bank.unwrap_or_else(|| panic!("the fixed fuzz bank is invalid: {diagnostics:?}"));
        let grader = Grader::new(std::slice::from_ref(&bank));
        (grader, bank)
    })
}

/// `text` without the colour codes (`ESC [ 1;32 m`) recall styles what it shows with;
/// every other escape sequence is left for [`assert_inert`] to find.
fn without_colour(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("\x1b[") {
        out.push_str(&rest[..at]);
        let after = &rest[at + 2..];
        let params = after
            .find(|c: char| !(c.is_ascii_digit() || c == ';'))
            .unwrap_or(after.len());
        if after[params..].starts_with('m') {
            rest = &after[params + 1..];
        } else {
            out.push_str("\x1b[");
            rest = after;
        }
    }
    out.push_str(rest);
    out
}

fn assert_inert(text: &str) {
    for bad in ['\x1b', '\u{9b}', '\x07', '\0'] {
        assert!(!text.contains(bad), "{bad:?} in {text:?}");
    }
}
