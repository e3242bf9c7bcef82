//! What recall writes besides progress (issue 16): every output file is written whole
//! or not at all, and what a killed run leaves is cleaned up by the next.
//!
//! Faults are real: a full disk is a tiny tmpfs filled to the last byte (the test is
//! skipped, saying so, where it may not mount one), and a killed run is a real SIGKILL.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::util::{Recall, Tmpfs, root};

fn shipped_banks() -> PathBuf {
    root().join("banks")
}

/// The names of the files in `dir`, sorted.
fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("read dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// Regression (issue 16): a failed export replaced the previous file with a truncated
/// one. On a full disk every output (GIFT, CSV, Anki, an imported bank) fails with a
/// message naming the file, the previous file is byte for byte as it was, and no
/// temporary file is left.
#[test]
fn a_failed_write_leaves_the_previous_file_as_it_was() {
    let Some(disk) = Tmpfs::mount(
        "a_failed_write_leaves_the_previous_file_as_it_was",
        256 * 1024,
    ) else {
        return;
    };
    let lesson = root().join("tests/fixtures/lessons/MOD-DOCKER-04.md");
    let cases: Vec<(&str, Vec<String>)> = vec![
        (
            "bank.gift",
            vec!["export".into(), "--format".into(), "gift".into()],
        ),
        (
            "bank.csv",
            vec!["export".into(), "--format".into(), "csv".into()],
        ),
        (
            "bank.apkg",
            vec!["export".into(), "--format".into(), "anki".into()],
        ),
        (
            "lesson.toml",
            vec!["import".into(), lesson.display().to_string()],
        ),
    ];
    for (name, _) in &cases {
        std::fs::write(disk.path().join(name), format!("the previous {name}\n")).expect("seed");
    }
    disk.fill();
    for (name, command) in &cases {
        let target = disk.path().join(name);
        let mut recall = Recall::new().args(command);
        if command[0] == "export" {
            recall = recall.arg(shipped_banks());
        }
        let run = recall.arg("-o").arg(&target).run();
        assert_eq!(run.code, 2, "{name}: {}", run.transcript());
        assert!(
            run.stderr
                .contains(&format!("cannot write {}", target.display())),
            "{name}: {}",
            run.transcript()
        );
        assert!(
            run.stderr.contains("left as it was"),
            "{}",
            run.transcript()
        );
        assert!(!run.stderr.contains("ZipWriter"), "{}", run.transcript());
        assert_eq!(
            std::fs::read_to_string(&target).expect("read"),
            format!("the previous {name}\n")
        );
    }
    let mut expected: Vec<String> = cases.iter().map(|(n, _)| n.to_string()).collect();
    expected.push("filler".to_owned());
    expected.sort();
    assert_eq!(names(disk.path()), expected, "temporary files were left");
}

/// Banks with `n` multiple-choice questions in `dir`, for an export that takes a while.
fn many_questions(dir: &Path, n: usize) -> PathBuf {
    let banks = dir.join("banks");
    std::fs::create_dir_all(&banks).expect("mkdir");
    let mut text = String::from("[bank]\nid = \"many\"\ntitle = \"Many\"\n\n");
    for i in 0..n {
        text.push_str(&format!(
            "[[question]]\nid = \"q{i}\"\nkind = \"multiple_choice\"\nprompt = \"Question {i}?\"\n\
             choices = [\"yes\", \"no\"]\nanswer = \"A\"\nexplanation = \"Because {i}.\"\n\n"
        ));
    }
    std::fs::write(banks.join("many.toml"), text).expect("write bank");
    banks
}

/// Regression (issue 16): a run killed while writing left its temporary file behind for
/// good (a 10 MB `.tmp-PID` cache file). An Anki export is killed (SIGKILL) while its
/// temporary collection exists; the next export removes it, and the next start of any
/// command removes a cache temporary file the killed process left.
#[test]
fn a_killed_runs_temporary_files_are_removed_by_the_next_run() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("out.apkg");
    // Bigger inputs until the kill lands while the export writes (a fast machine may
    // finish a small export between two looks).
    let mut questions = 2_000;
    let killed_pid = loop {
        assert!(questions <= 256_000, "never caught the export writing");
        let banks = many_questions(dir.path(), questions);
        let (mut child, _home) = Recall::new()
            .args(["export", "--format", "anki", "-o"])
            .arg(&out)
            .arg(&banks)
            .spawn();
        let temp = dir
            .path()
            .join(format!("out.apkg.anki2.tmp-{}", child.id()));
        let deadline = Instant::now() + Duration::from_secs(600);
        let mut seen = false;
        while Instant::now() < deadline {
            if temp.exists() {
                seen = true;
                break;
            }
            if child.try_wait().expect("poll").is_some() {
                break;
            }
            std::thread::sleep(Duration::from_micros(200));
        }
        if seen {
            child.kill().expect("SIGKILL");
            child.wait().expect("wait");
            assert!(temp.exists(), "the killed run's temporary file is there");
            break child.id();
        }
        child.wait().expect("wait");
        questions *= 4;
    };
    let leftovers = |dir: &Path| -> Vec<String> {
        names(dir)
            .into_iter()
            .filter(|n| n.contains(".tmp-"))
            .collect()
    };
    // The collection, and SQLite's journal beside it when the kill came mid-transaction.
    assert!(!leftovers(dir.path()).is_empty(), "{:?}", names(dir.path()));

    let run = Recall::new()
        .args(["export", "--format", "anki", "-o"])
        .arg(&out)
        .arg(root().join("tests/banks/valid/minimal.toml"))
        .run();
    assert_eq!(run.code, 0, "{}", run.transcript());
    assert!(leftovers(dir.path()).is_empty(), "{:?}", names(dir.path()));
    assert!(out.exists());

    // The bank cache's temporary file of the killed process, found at the next start.
    let database = dir.path().join("recall.db");
    let stale = dir
        .path()
        .join(format!("recall.db.bank-cache.tmp-{killed_pid}"));
    std::fs::write(&stale, vec![0u8; 1 << 20]).expect("write");
    let run = Recall::new()
        .arg("--db")
        .arg(&database)
        .arg("list")
        .arg(root().join("tests/banks/valid/minimal.toml"))
        .run();
    assert_eq!(run.code, 0, "{}", run.transcript());
    assert!(!stale.exists(), "{:?}", names(dir.path()));
    assert!(leftovers(dir.path()).is_empty(), "{:?}", names(dir.path()));
}

/// A hostile bank: in its text, a window title (OSC 0), a screen clear, a clipboard
/// write (OSC 52), 8-bit C1 controls (CSI, OSC) and a right-to-left override.
const HOSTILE: &str = r#"[bank]
id = "hostile"
title = "Hostile \u001b]0;pwned\u0007 title \u202e reversed"

[[question]]
id = "choice"
kind = "multiple_choice"
prompt = "Clear \u001b[2J and copy \u001b]52;c;cm0gLXJmIH4=\u0007 this"
choices = ["C1 \u009b31m red \u009d0;title\u009c", "right \u202eto left"]
answer = "A"
explanation = "Because \u001b[31m."

[[question]]
id = "text"
kind = "short_answer"
prompt = "Name \u202e it"
model_answer = "answer \u009b2J here"
"#;

/// The control characters a bank could drive a terminal with.
const DRIVERS: [char; 6] = ['\x1b', '\x07', '\u{9b}', '\u{9c}', '\u{9d}', '\u{202e}'];

fn hostile_bank(dir: &Path) -> PathBuf {
    let path = dir.join("hostile.toml");
    std::fs::write(&path, HOSTILE).expect("write bank");
    path
}

/// What `command` writes when its stdout is a terminal (a pty from `script`), raw;
/// `None` (after saying the test is skipped) where `script` is missing.
fn at_a_terminal(test: &str, home: &Path, command: &[String]) -> Option<String> {
    let log = home.join("typescript");
    let quoted: Vec<String> = command
        .iter()
        .map(|arg| format!("'{}'", arg.replace('\'', "'\\''")))
        .collect();
    let line = format!(
        "env -i PATH=/usr/bin:/bin HOME={home} TERM=xterm NO_COLOR=1 RECALL_DB={home}/recall.db \
         RECALL_CONFIG={home}/config.toml {bin} {args}",
        home = home.display(),
        bin = env!("CARGO_BIN_EXE_recall"),
        args = quoted.join(" ")
    );
    let ran = std::process::Command::new("script")
        .args(["-q", "-e", "-c", &line])
        .arg(&log)
        .stdin(std::process::Stdio::null())
        .output();
    match ran {
        Ok(output) if output.status.success() => {
            Some(String::from_utf8_lossy(&std::fs::read(&log).expect("typescript")).into_owned())
        }
        Ok(output) => panic!(
            "{test}: {}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        ),
        Err(error) => {
            eprintln!("skipped {test}: cannot run script(1) for a terminal ({error})");
            None
        }
    }
}

/// Regression (issue 16): `recall export --format gift|csv` to stdout let a bank drive
/// the terminal (window title, screen clear, clipboard via OSC 52, C1 controls, U+202E).
/// At a terminal they are shown inert; into a file, or a pipe, every byte is kept.
#[test]
fn an_export_to_a_terminal_is_inert_and_to_a_file_byte_exact() {
    let dir = tempfile::tempdir().expect("temp dir");
    let bank = hostile_bank(dir.path());
    for format in ["gift", "csv"] {
        let command: Vec<String> = ["export", "--format", format]
            .iter()
            .map(|s| s.to_string())
            .chain([bank.display().to_string()])
            .collect();
        let test = "an_export_to_a_terminal_is_inert_and_to_a_file_byte_exact";
        let Some(screen) = at_a_terminal(test, dir.path(), &command) else {
            return;
        };
        for driver in DRIVERS {
            assert!(
                !screen.contains(driver),
                "{format}: {driver:?} reached the terminal"
            );
        }
        assert!(
            screen.contains("^[]52;c;"),
            "{format}: shown, not dropped: {screen}"
        );

        let file = dir.path().join(format!("out.{format}"));
        let run = Recall::new().args(&command).arg("-o").arg(&file).run();
        assert_eq!(run.code, 0, "{}", run.transcript());
        let written = std::fs::read_to_string(&file).expect("read");
        for driver in ['\x1b', '\u{9b}', '\u{202e}'] {
            assert!(
                written.contains(driver),
                "{format}: the file lost {driver:?}"
            );
        }
        let piped = Recall::new().args(&command).run();
        assert_eq!(
            piped.stdout, written,
            "{format}: a pipe gets the file's bytes"
        );
    }
}

/// Regression (issue 16): bidi and C1 characters reached the output of `list --json`,
/// `grade --format json` and `check --format json`. In JSON they are escaped
/// (`\u202e`), which means the same character to a JSON reader.
#[test]
fn json_output_escapes_bidi_and_c1_controls() {
    let dir = tempfile::tempdir().expect("temp dir");
    let bank = hostile_bank(dir.path());
    let responses = dir.path().join("responses.csv");
    std::fs::write(
        &responses,
        "question,response\nhostile/text,\"answer \u{9b}2J here \u{202e}reversed\"\n",
    )
    .expect("write responses");
    let runs = [
        Recall::new().args(["list", "--json"]).arg(&bank).run(),
        Recall::new()
            .args(["grade", "--format", "json", "--responses"])
            .arg(&responses)
            .arg(&bank)
            .run(),
        Recall::new()
            .args(["check", "--format", "json"])
            .arg(dir.path().join("hostile.toml"))
            .arg(root().join("tests/banks/valid/warnings-only.toml"))
            .run(),
    ];
    for run in &runs {
        assert_eq!(run.code, 0, "{}", run.transcript());
        for driver in DRIVERS {
            assert!(!run.stdout.contains(driver), "{driver:?}: {}", run.stdout);
        }
        let _: serde_json::Value = serde_json::from_str(&run.stdout).expect("valid JSON");
    }
    assert!(
        runs[0]
            .stdout
            .contains(r"\u001b]0;pwned\u0007 title \u202e"),
        "{}",
        runs[0].stdout
    );
    assert!(
        runs[1].stdout.contains(r"\u009b2J here \u202ereversed"),
        "{}",
        runs[1].stdout
    );
    let graded: serde_json::Value = serde_json::from_str(&runs[1].stdout).expect("JSON");
    assert_eq!(
        graded[0]["response"],
        "answer \u{9b}2J here \u{202e}reversed"
    );
}

/// Regression (issue 16): `recall import` wrote a lesson's bidi and C1 characters into
/// the bank raw, where `cat` of the bank runs them. They are escaped in its strings
/// (`\u202E`, the same text to TOML) and shown inert in its comments.
#[test]
fn an_imported_bank_holds_no_raw_control_characters() {
    let dir = tempfile::tempdir().expect("temp dir");
    let lesson = dir.path().join("lesson.md");
    let text = std::fs::read_to_string(root().join("tests/fixtures/lessons/MOD-DOCKER-04.md"))
        .expect("lesson")
        .replacen(
            "Container Networking",
            "Container \u{202e}Networking\u{9b}2J",
            1,
        )
        .replacen(
            "## Why This Exists",
            "## Why This Exists\n\nStray \u{9d}0;t\u{9c} text.",
            1,
        )
        .replace("Named Volume", "Named \u{2067}Volume\u{2069}");
    std::fs::write(&lesson, &text).expect("write lesson");
    let out = dir.path().join("bank.toml");
    let run = Recall::new()
        .arg("import")
        .arg(&lesson)
        .arg("-o")
        .arg(&out)
        .run();
    assert!(run.code <= 1, "{}", run.transcript());
    let written = std::fs::read_to_string(&out).expect("bank");
    for driver in DRIVERS.iter().chain(&['\u{2067}', '\u{2069}']) {
        assert!(!written.contains(*driver), "{driver:?} written raw");
    }
    assert!(
        written.contains(r"\u202E") || written.contains("<U+202E>"),
        "{written}"
    );
    // What is escaped is the same text: the bank loads, with the characters in it.
    let (bank, diagnostics) = recall::bank::load_str(&out, &written);
    let bank = bank.unwrap_or_else(|| panic!("{diagnostics:?}"));
    let all: String = bank
        .questions
        .iter()
        .flat_map(|q| [q.prompt.clone(), q.model_answer.clone().unwrap_or_default()])
        .chain([bank.title.clone()])
        .collect();
    assert!(
        all.contains('\u{202e}') || all.contains('\u{2067}'),
        "{all}"
    );
}
