//! drill, quiz and interview driven through plain mode (whole transcripts snapshotted,
//! with a fixed clock and seed), the database checked afterwards, and a drill killed
//! with SIGKILL. The terminal front end is driven through tmux in `terminal.rs`.

use crate::util::{Recall, Run, root};
use recall::store::Store;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

const NOW: &str = "2026-11-28T09:00:00Z";

fn bank() -> PathBuf {
    root().join("banks/docker/mod-docker-04.toml")
}

fn study(verb: &str) -> Recall {
    Recall::new()
        .env("RECALL_NOW", NOW)
        .arg(verb)
        .arg(bank())
        .args(["--plain", "--seed", "1"])
}

fn reviews(home: &Path) -> u64 {
    Store::open(&home.join("recall.db"))
        .and_then(|s| s.review_count())
        .unwrap_or(0)
}

/// Runs, returning the run and how many reviews its database holds afterwards.
fn session(recall: Recall) -> (Run, u64) {
    let (run, home) = recall.run_keeping_home();
    let count = reviews(home.path());
    (run, count)
}

#[test]
fn drill_answers_rates_skips_and_undoes() {
    // q1 multiple choice, rated with Enter; q2 skipped; q3 answered, rated 2, undone,
    // answered again and rated with Enter; then :quit.
    let input = "A\n\n:skip\nnamed volumes live under /var/lib/docker/volumes, bind mounts anywhere on the host\n2\n:undo\nthe docker daemon manages volumes; a bind mount maps a host folder you pick\n\n:quit\n";
    let (run, count) = session(study("drill").args(["--new", "5"]).stdin(input));
    assert_eq!(run.code, 0, "{}", run.transcript());
    assert_eq!(count, 2, "two answers stay rated after the undo");
    insta::assert_snapshot!(run.transcript());
}

#[test]
fn drill_ends_cleanly_when_input_ends_mid_question() {
    let (run, count) = session(study("drill").args(["--new", "3"]).stdin("B\n3\n"));
    assert_eq!(run.code, 0, "{}", run.transcript());
    assert_eq!(count, 1);
    assert!(
        run.stdout
            .contains("Input ended; every rated answer is saved."),
        "{}",
        run.stdout
    );
    insta::assert_snapshot!(run.transcript());
}

#[test]
fn drill_says_when_nothing_is_due() {
    let recall = study("drill").stdin("");
    std::fs::write(
        recall.home().join("config.toml"),
        "[scheduler]\nnew_per_day = 0\n",
    )
    .unwrap();
    let (run, count) = session(recall);
    assert_eq!(run.code, 0, "{}", run.transcript());
    assert_eq!(count, 0);
    assert_eq!(run.stdout, "Nothing is due now.\n");
}

#[test]
fn quiz_holds_feedback_and_reports_against_the_pass_mark() {
    let input = "A\nB\nC\nD\n";
    let (run, count) = session(
        study("quiz")
            .args(["--kind", "multiple_choice", "--count", "4", "--pass", "80"])
            .stdin(input),
    );
    assert_eq!(count, 4, "every quiz attempt goes into the log");
    assert!(run.stdout.contains("Quiz results"), "{}", run.stdout);
    assert!(
        !run.stdout.contains("✓ Right."),
        "feedback is held until the end"
    );
    let passed = run.stdout.contains("\nPassed (pass mark 80%)");
    assert_eq!(run.code, if passed { 0 } else { 1 }, "{}", run.transcript());
    insta::assert_snapshot!(run.transcript());
}

#[test]
fn quiz_with_feedback_now_shows_each_verdict() {
    let (run, _) = session(
        study("quiz")
            .args([
                "--kind",
                "multiple_choice",
                "--count",
                "2",
                "--feedback",
                "now",
            ])
            .stdin("A\nA\n"),
    );
    assert_eq!(run.code, 0, "{}", run.transcript());
    assert_eq!(
        run.stdout.matches("Right.").count() + run.stdout.matches("Wrong.").count(),
        2
    );
}

#[test]
fn interview_walks_the_tiers_and_reports_readiness() {
    let input = "A volume managed by the Docker deamon under /var/lib/docker/volumes that persists after the container is removed\nbridge gives the container its own namespace\n:quit\n";
    let (run, count) = session(
        study("interview")
            .args(["--count", "4", "--auto-rate"])
            .stdin(input),
    );
    assert_eq!(run.code, 0, "{}", run.transcript());
    assert_eq!(count, 2);
    assert!(run.stdout.contains("Interview readiness"), "{}", run.stdout);
    let beginner = run.stdout.find("· Beginner").expect("a beginner question");
    let later = ["· Intermediate", "· Advanced", "· Scenario discussion"]
        .iter()
        .filter_map(|t| run.stdout.find(t))
        .min()
        .expect("later tiers");
    assert!(beginner < later, "beginner questions come first");
    insta::assert_snapshot!(run.transcript());
}

#[test]
fn an_unknown_bank_filter_is_a_usage_error() {
    let run = study("drill").args(["--bank", "no-such-bank"]).run();
    assert_eq!(run.code, 2, "{}", run.transcript());
    assert!(
        run.stderr.contains("no bank `no-such-bank`"),
        "{}",
        run.stderr
    );
}

/// Polls `condition` every 20 ms for up to a minute: long enough for the slowest
/// machine, and it returns as soon as the condition holds.
fn wait_for(mut condition: impl FnMut() -> bool) -> bool {
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(60) {
        if condition() {
            return true;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    false
}

#[test]
fn a_drill_killed_after_n_ratings_leaves_exactly_n_reviews() {
    let recall = study("drill").args(["--kind", "multiple_choice", "--new", "10"]);
    let (mut child, home) = recall.spawn();
    let mut stdin = child.stdin.take().unwrap();
    // Three answers, each confirmed with Enter; the fourth question waits for input.
    stdin.write_all(b"A\n\nB\n\nC\n\n").unwrap();
    stdin.flush().unwrap();
    let reached = wait_for(|| reviews(home.path()) == 3);
    child.kill().unwrap(); // SIGKILL on Unix
    child.wait().unwrap();
    assert!(reached, "the three ratings were not committed");
    let store = Store::open(&home.path().join("recall.db")).unwrap();
    assert_eq!(store.review_count().unwrap(), 3);
    store.integrity_check().unwrap();
}

#[test]
fn progress_for_a_vanished_question_is_kept_and_listed_as_an_orphan() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("recall.db");
    let minimal = root().join("tests/banks/valid/minimal.toml");
    let run = Recall::new()
        .env("RECALL_NOW", NOW)
        .env("RECALL_DB", &db)
        .arg("quiz")
        .arg(&minimal)
        .args([
            "--plain",
            "--count",
            "1",
            "--seed",
            "3",
            "--kind",
            "multiple_choice",
        ])
        .stdin("A\n")
        .run();
    assert_eq!(run.code, 0, "{}", run.transcript());
    // The same progress seen from a set of banks without that question.
    let other = root().join("tests/banks/valid/unicode.toml");
    let run = Recall::new()
        .env("RECALL_NOW", NOW)
        .env("RECALL_DB", &db)
        .args(["check", "--orphans"])
        .arg(&other)
        .run();
    assert_eq!(run.code, 0, "orphans are warnings: {}", run.transcript());
    assert!(run.stdout.contains("warning in minimal/"), "{}", run.stdout);
    assert!(
        run.stdout
            .contains("(1 review, the last on 2026-11-28 09:00) has no question in the banks"),
        "{}",
        run.stdout
    );
    assert_eq!(reviews(dir.path()), 1, "the history is kept");
}
