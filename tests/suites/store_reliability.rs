//! Reliability of the progress store, through the real `recall` binary:
//! concurrent writers lose nothing and never see "database is locked", a
//! writer killed with SIGKILL loses no committed answer and leaves a sound
//! database, and unusable files at the database path are refused (exit 2)
//! and left byte for byte as they were.
//!
//! The writers are `examples/record_synthetic.rs`, a test-support program
//! (not part of recall) that records answers through `Store::record` exactly
//! as a session does and prints each review id after its commit.

use std::collections::HashSet;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::util::Recall;
use recall::store::{QuestionKey, Store};

/// The `record_synthetic` example, which `cargo test` builds beside the `recall`
/// binary (in `examples/` next to it).
pub(crate) fn record_synthetic() -> PathBuf {
    let recall = Path::new(env!("CARGO_BIN_EXE_recall"));
    let name = format!("record_synthetic{}", std::env::consts::EXE_SUFFIX);
    let path = recall.with_file_name("examples").join(name);
    assert!(
        path.is_file(),
        "{} is missing: run the tests with plain `cargo test`, which builds the \
         examples, or build it with `cargo build --example record_synthetic`",
        path.display()
    );
    path
}

/// A writer recording `count` answers into `home`'s database, in an environment
/// as bare as `crate::util::Recall`'s.
pub(crate) fn writer(home: &Path, bank: &str, count: u32) -> Command {
    let mut command = Command::new(record_synthetic());
    command
        .env_clear()
        .env("HOME", home)
        .env("RECALL_NOW", "2026-02-01T10:00:00Z")
        .arg("--db")
        .arg(home.join("recall.db"))
        .args(["--bank", bank, "--count"])
        .arg(count.to_string())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    command
}

fn count_for_bank(store: &Store, bank: &str) -> usize {
    store
        .all_reviews()
        .expect("read the log")
        .iter()
        .filter(|review| review.key.bank == bank)
        .count()
}

#[test]
fn two_processes_recording_500_answers_each_lose_nothing() {
    let home = tempfile::tempdir().expect("temp dir");
    let first = writer(home.path(), "first", 500).spawn().expect("spawn");
    let second = writer(home.path(), "second", 500).spawn().expect("spawn");
    for child in [first, second] {
        let output = child.wait_with_output().expect("wait");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(output.status.success(), "writer failed: {stderr}");
        assert!(!stderr.contains("locked"), "{stderr}");
        let lines = String::from_utf8_lossy(&output.stdout).lines().count();
        assert_eq!(lines, 500);
    }
    let store = Store::open(&home.path().join("recall.db")).expect("open");
    assert_eq!(store.review_count().expect("count"), 1000);
    assert_eq!(count_for_bank(&store, "first"), 500);
    assert_eq!(count_for_bank(&store, "second"), 500);
    store.integrity_check().expect("integrity");
    // Each question's card reflects all of its answers.
    let card = store.card(&QuestionKey::new("first", "q3")).expect("card");
    assert_eq!(card.reps, 50);
}

#[test]
fn a_writer_killed_mid_way_keeps_every_committed_answer() {
    let home = tempfile::tempdir().expect("temp dir");
    let mut child = writer(home.path(), "killed", 100_000)
        .spawn()
        .expect("spawn");
    let stdout = child.stdout.take().expect("piped stdout");
    let mut committed = HashSet::new();
    for line in BufReader::new(stdout).lines() {
        let line = line.expect("read a line");
        let id: i64 = line
            .strip_prefix("recorded ")
            .and_then(|id| id.parse().ok())
            .unwrap_or_else(|| panic!("unexpected output {line:?}"));
        committed.insert(id);
        if committed.len() == 150 {
            break;
        }
    }
    // SIGKILL: no destructor, no clean close, mid-transaction at worst.
    child.kill().expect("kill");
    let status = child.wait().expect("wait");
    assert!(!status.success(), "the writer should have been killed");

    let store = Store::open(&home.path().join("recall.db")).expect("open after kill");
    store.integrity_check().expect("integrity after kill");
    let stored: HashSet<i64> = store
        .all_reviews()
        .expect("read the log")
        .iter()
        .map(|review| review.id.0)
        .collect();
    let missing: Vec<&i64> = committed.difference(&stored).collect();
    assert!(missing.is_empty(), "committed answers lost: {missing:?}");
    assert!(stored.len() >= committed.len());
}

/// `recall due` on a database path holding `bytes`: exit 2, a clear message,
/// the file unchanged.
fn assert_refused(bytes: &[u8], read_only: bool, expected: &str) {
    // Outside Recall's own temp dir, which is removed when the run ends.
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("recall.db");
    std::fs::write(&path, bytes).expect("write the file");
    if read_only {
        let mut permissions = std::fs::metadata(&path).expect("metadata").permissions();
        permissions.set_readonly(true);
        std::fs::set_permissions(&path, permissions).expect("chmod");
    }
    let banks = crate::util::root().join("tests/banks/valid");
    let run = Recall::new()
        .env("RECALL_DB", &path)
        .args(["due"])
        .arg(&banks)
        .run();
    assert_eq!(run.code, 2, "{}", run.transcript());
    assert!(run.stderr.contains(expected), "{}", run.transcript());
    assert!(run.stderr.contains("untouched"), "{}", run.transcript());
    assert!(!run.stderr.contains("panicked"), "{}", run.transcript());
    assert_eq!(std::fs::read(&path).expect("read back"), bytes);
}

fn real_database() -> Vec<u8> {
    let dir = tempfile::tempdir().expect("temp dir");
    let output = writer(dir.path(), "bank", 300)
        .output()
        .expect("run writer");
    assert!(output.status.success());
    // The writer has exited, so its log was checkpointed into the file.
    std::fs::read(dir.path().join("recall.db")).expect("read the database")
}

#[test]
fn a_non_sqlite_file_is_refused_and_untouched() {
    assert_refused(b"my shopping list\n", false, "is not a recall database");
}

#[test]
fn a_truncated_database_is_refused_and_untouched() {
    let bytes = real_database();
    assert_refused(&bytes[..bytes.len() / 2], false, "truncated");
}

#[test]
fn a_read_only_database_is_refused_and_untouched() {
    let bytes = real_database();
    assert_refused(&bytes, true, "read-only");
}
