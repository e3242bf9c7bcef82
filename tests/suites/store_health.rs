//! The database's health (issue 16, items 3 and 15), through the real `recall` binary:
//! a damaged database is found by the daily check after a session and then refused by
//! every command, in one place; `recall doctor` checks, fixes what is safe, exits 1 on a
//! damaged database, and makes verified backups while another process writes.
//!
//! Damage is real damage to the file (a page pointer overwritten on disk), a killed
//! writer is a real SIGKILL, and the concurrent writer is a real second process
//! (`examples/record_synthetic.rs`, see `store_reliability`).

use std::collections::BTreeSet;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};

use crate::store_reliability::writer;
use crate::util::{Recall, Run, root};
use rusqlite::Connection;

const DAY_ONE: &str = "2026-03-02T10:00:00Z";
const DAY_TWO: &str = "2026-03-03T10:00:00Z";

fn banks() -> PathBuf {
    root().join("tests/banks/valid/minimal.toml")
}

/// A quiz of the one interview question of the minimal bank, answered with `answer`.
fn quiz(db: &Path, now: &str, answer: &str) -> Run {
    Recall::new()
        .env("RECALL_NOW", now)
        .arg("--db")
        .arg(db)
        .args(["quiz", "--plain", "--seed", "1", "--kind", "interview"])
        .arg(banks())
        .stdin(format!("{answer}\n"))
        .run()
}

fn recall_on(db: &Path, now: &str, args: &[&str]) -> Run {
    Recall::new()
        .env("RECALL_NOW", now)
        .arg("--db")
        .arg(db)
        .args(args)
        .run()
}

/// What `recall doctor` printed, each finding on one line again (it wraps them under
/// their text, at 17 columns, to the terminal's width).
fn findings(stdout: &str) -> String {
    stdout.replace(&format!("\n{}", " ".repeat(17)), " ")
}

/// The review ids in the database, read with SQLite directly.
fn review_ids(db: &Path) -> BTreeSet<i64> {
    let connection = Connection::open(db).expect("open");
    let mut statement = connection
        .prepare("SELECT id FROM review")
        .expect("prepare");
    statement
        .query_map([], |row| row.get(0))
        .expect("query")
        .collect::<Result<_, _>>()
        .expect("ids")
}

fn integrity(db: &Path) -> String {
    let connection = Connection::open(db).expect("open");
    connection
        .query_row("PRAGMA integrity_check", [], |row| row.get(0))
        .expect("integrity_check")
}

/// Overwrites, on disk, the pointer to the next page at the start of the overflow page
/// holding `marker` (a long answer spills onto overflow pages), as a bad sector or a
/// stray write would: only reading that answer, or a check, notices.
fn damage_the_page_holding(db: &Path, marker: &str) {
    let mut bytes = std::fs::read(db).expect("read");
    let page_size = usize::from(u16::from_be_bytes([bytes[16], bytes[17]]));
    let at = bytes
        .windows(marker.len())
        .position(|w| w == marker.as_bytes())
        .expect("the marker is in the file");
    let page = at / page_size * page_size;
    bytes[page..page + 4].copy_from_slice(&0x00ff_ff00u32.to_be_bytes());
    std::fs::write(db, bytes).expect("write");
}

/// Regression (issue 16): a damaged database was refused by `due` and `drill` but
/// written by `quiz` and the test-only writer, because only some commands read the
/// damaged pages. The daily quick_check runs after a session (once a study day, never
/// before the first question); when it fails, every command that opens the store is
/// refused, pointing to `recall doctor` and the backup, and doctor exits 1. Copying the
/// backup back gives a sound database with exactly the answers it held.
#[test]
fn a_damaged_database_is_found_after_a_session_and_then_refused_everywhere() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("recall.db");
    let marker = "MARKER-IN-AN-OVERFLOW-PAGE";
    let long_answer = format!(
        "{}{marker}{}",
        "storage ".repeat(750),
        " volume".repeat(900)
    );
    let first = quiz(&db, DAY_ONE, &long_answer);
    assert_eq!(first.code, 0, "{}", first.transcript());
    let backup = dir.path().join("backup.db");
    let doctor = recall_on(&db, DAY_ONE, &["doctor", "--backup"]);
    assert_eq!(doctor.code, 2, "--backup needs its FILE");
    let doctor = Recall::new()
        .env("RECALL_NOW", DAY_ONE)
        .arg("--db")
        .arg(&db)
        .arg("doctor")
        .arg("--backup")
        .arg(&backup)
        .arg(banks())
        .run();
    assert_eq!(doctor.code, 0, "{}", doctor.transcript());
    let backed_up = review_ids(&backup);
    assert_eq!(backed_up.len(), 1);

    damage_the_page_holding(&db, marker);

    // The same day: the day's check has passed already, so it does not run again.
    let same_day = quiz(&db, DAY_ONE, "a volume persists");
    assert_eq!(same_day.code, 0, "{}", same_day.transcript());
    // The next day: the session runs (its first question is asked), its answer is
    // saved, and the check after it finds the damage.
    let next_day = quiz(&db, DAY_TWO, "daemon managed storage");
    assert!(
        next_day.stdout.contains("[1 of 1]"),
        "{}",
        next_day.transcript()
    );
    assert_eq!(next_day.code, 2, "{}", next_day.transcript());
    for said in [
        "is damaged",
        "invalid page number",
        "recall doctor",
        "backup",
    ] {
        assert!(next_day.stderr.contains(said), "{}", next_day.transcript());
    }
    assert_eq!(review_ids(&db).len(), 3, "every answer given was saved");

    // From now on every command that opens the store refuses it, before any question.
    let before = std::fs::read(&db).expect("read");
    let banks = banks().display().to_string();
    for command in [
        &["quiz", "--plain", &banks][..],
        &["drill", "--plain", &banks],
        &["interview", "--plain", &banks],
        &["due", &banks],
        &["stats", &banks],
        &["card", "minimal/volume", "--bank-path", &banks],
        &["check", "--orphans", &banks],
        &["optimize"],
    ] {
        let run = Recall::new()
            .env("RECALL_NOW", DAY_TWO)
            .arg("--db")
            .arg(&db)
            .args(command)
            .stdin("A\n\n")
            .run();
        assert_eq!(run.code, 2, "{command:?}: {}", run.transcript());
        assert!(
            run.stderr.contains("failed a check"),
            "{}",
            run.transcript()
        );
        assert!(run.stderr.contains("recall doctor"), "{}", run.transcript());
        assert!(!run.stdout.contains("[1 of"), "{}", run.transcript());
    }
    let test_writer = writer(dir.path(), "test-only", 5).output().expect("run");
    assert!(
        !test_writer.status.success(),
        "the test-only writer was let in"
    );
    assert!(test_writer.stdout.is_empty(), "it recorded answers");
    assert_eq!(
        std::fs::read(&db).expect("read"),
        before,
        "nothing was written"
    );

    let doctor = recall_on(&db, DAY_TWO, &["doctor"]);
    assert_eq!(doctor.code, 1, "{}", doctor.transcript());
    assert!(
        findings(&doctor.stdout).contains("DAMAGED"),
        "{}",
        doctor.transcript()
    );
    assert_eq!(
        std::fs::read(&db).expect("read"),
        before,
        "doctor wrote nothing"
    );

    // Restoring: the backup copied over the database; doctor finds it sound.
    std::fs::copy(&backup, &db).expect("restore");
    let doctor = recall_on(&db, DAY_TWO, &["doctor"]);
    assert_eq!(doctor.code, 0, "{}", doctor.transcript());
    assert!(
        findings(&doctor.stdout).contains("mark is removed"),
        "{}",
        doctor.transcript()
    );
    assert_eq!(integrity(&db), "ok");
    assert_eq!(review_ids(&db), backed_up);
    let after = quiz(&db, DAY_TWO, "a volume persists");
    assert_eq!(after.code, 0, "{}", after.transcript());
}

/// The day's check is recorded in the database with its study day.
#[test]
fn the_daily_check_is_recorded_with_its_study_day() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("recall.db");
    let run = quiz(&db, DAY_ONE, "storage the daemon manages, which persists");
    assert_eq!(run.code, 0, "{}", run.transcript());
    let connection = Connection::open(&db).expect("open");
    let day: String = connection
        .query_row("SELECT study_day FROM last_check", [], |row| row.get(0))
        .expect("a check recorded");
    assert_eq!(day, "2026-03-02");
}

/// `recall doctor` after a writer was killed (SIGKILL) with answers still in the
/// write-ahead log: it reports the log, folds it into the database file, and every
/// committed answer is there, in a database that passes integrity_check.
#[test]
fn doctor_folds_in_the_write_ahead_log_a_killed_writer_left() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("recall.db");
    let mut child = writer(dir.path(), "killed", 100_000)
        .spawn()
        .expect("spawn");
    let stdout = child.stdout.take().expect("piped stdout");
    let mut committed = BTreeSet::new();
    for line in BufReader::new(stdout).lines() {
        let line = line.expect("line");
        let id: i64 = line
            .strip_prefix("recorded ")
            .and_then(|id| id.parse().ok())
            .expect("recorded ID");
        committed.insert(id);
        if committed.len() == 200 {
            break;
        }
    }
    child.kill().expect("SIGKILL");
    child.wait().expect("wait");
    let wal = dir.path().join("recall.db-wal");
    assert!(wal.metadata().is_ok_and(|m| m.len() > 0), "a log was left");

    let doctor = recall_on(&db, DAY_ONE, &["doctor"]);
    assert_eq!(doctor.code, 0, "{}", doctor.transcript());
    assert!(
        findings(&doctor.stdout).contains("folded in"),
        "{}",
        doctor.transcript()
    );
    assert!(
        wal.metadata().map_or(true, |m| m.len() == 0),
        "the log is empty"
    );
    assert_eq!(integrity(&db), "ok");
    let stored = review_ids(&db);
    assert!(committed.is_subset(&stored), "committed answers lost");
}

/// `recall doctor` removes an unusable bank cache and what a killed run left, rebuilds
/// cards that drifted from the log, and reports answers to questions no bank has.
#[test]
fn doctor_fixes_what_is_safe_and_reports_the_rest() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("recall.db");
    // Five answers to five questions of a bank no bank file has.
    let recorded = writer(dir.path(), "synthetic", 5).output().expect("run");
    assert!(recorded.status.success());
    let cache = dir.path().join("recall.db.bank-cache");
    std::fs::write(&cache, "not a cache").expect("write");
    // A process id no process has: its run is over.
    let stale = dir.path().join("recall.db.bank-cache.tmp-4294967294");
    std::fs::write(&stale, "half a cache").expect("write");
    Connection::open(&db)
        .expect("open")
        .execute("DELETE FROM card", [])
        .expect("lose the cards");

    let doctor = recall_on(&db, DAY_ONE, &["doctor"]);
    assert_eq!(doctor.code, 0, "{}", doctor.transcript());
    let out = &findings(&doctor.stdout);
    assert!(
        out.contains("not a cache this recall reads: removed"),
        "{out}"
    );
    assert!(out.contains("removed what a killed run left"), "{out}");
    assert!(out.contains("5 answered question(s) had no card"), "{out}");
    assert!(
        out.contains("5 answer(s) to 5 question(s) no bank has"),
        "{out}"
    );
    let version = format!("version {}", recall::store::SCHEMA_VERSION);
    assert!(out.contains(&version), "{out}");
    assert!(!cache.exists() && !stale.exists());
    let cards: i64 = Connection::open(&db)
        .expect("open")
        .query_row("SELECT COUNT(*) FROM card", [], |row| row.get(0))
        .expect("count");
    assert_eq!(cards, 5, "rebuilt from the log");
    assert_eq!(integrity(&db), "ok");
}

/// `recall doctor --backup` while another process is recording answers: the backup is
/// a consistent snapshot (a gapless run of the log from its first answer), passes its
/// own integrity_check, and the database keeps every answer committed.
#[test]
fn doctor_backs_up_while_another_process_writes() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("recall.db");
    let mut child = writer(dir.path(), "busy", 100_000).spawn().expect("spawn");
    let mut lines = BufReader::new(child.stdout.take().expect("stdout")).lines();
    let mut committed = BTreeSet::new();
    let mut record = |lines: &mut std::io::Lines<BufReader<std::process::ChildStdout>>| {
        let line = lines.next().expect("a line").expect("read");
        let id: i64 = line
            .strip_prefix("recorded ")
            .and_then(|id| id.parse().ok())
            .expect("recorded ID");
        committed.insert(id);
    };
    for _ in 0..100 {
        record(&mut lines);
    }
    let backup = dir.path().join("backup.db");
    let (mut doctor, _home) = Recall::new()
        .env("RECALL_NOW", DAY_ONE)
        .arg("--db")
        .arg(&db)
        .arg("doctor")
        .arg("--backup")
        .arg(&backup)
        .spawn();
    // Keep reading the writer's output, so it keeps writing, until doctor is done.
    let status = loop {
        if let Some(status) = doctor.try_wait().expect("poll") {
            break status;
        }
        record(&mut lines);
    };
    let output = doctor.wait_with_output().expect("doctor's output");
    let stdout = findings(&String::from_utf8_lossy(&output.stdout));
    assert!(
        status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(stdout.contains("checked: sound and complete"), "{stdout}");
    for _ in 0..50 {
        record(&mut lines);
    }
    child.kill().expect("SIGKILL");
    child.wait().expect("wait");

    assert_eq!(integrity(&backup), "ok");
    let in_backup = review_ids(&backup);
    let first = *in_backup.first().expect("answers in the backup");
    let last = *in_backup.last().expect("answers in the backup");
    assert_eq!(first, 1);
    assert_eq!(
        in_backup.len() as i64,
        last,
        "a gapless snapshot of the log"
    );
    let stored = review_ids(&db);
    assert!(committed.is_subset(&stored), "committed answers lost");
    assert!(in_backup.is_subset(&stored));
    assert_eq!(integrity(&db), "ok");
}
