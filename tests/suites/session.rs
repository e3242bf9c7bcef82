//! drill, quiz and interview driven through plain mode (whole transcripts snapshotted,
//! with a fixed clock and seed), the database checked afterwards, and a drill killed
//! with SIGKILL. The terminal front end is driven through tmux in `terminal.rs`.

use crate::util::{Recall, Run, root, wait_for};
use recall::store::Store;
use std::io::Write;
use std::path::{Path, PathBuf};

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

/// `--kind true_false` was refused although `recall list` counts true/false questions:
/// it takes only them, and `multiple_choice` still takes them in.
#[test]
fn kind_true_false_takes_only_true_false_questions() {
    let quiz = |kind: &str| {
        let run = study("quiz")
            .args(["--kind", kind, "--count", "50"])
            .stdin(":quit\n")
            .run();
        assert_eq!(run.code, 0, "{}", run.transcript());
        let asked = run
            .stdout
            .lines()
            .find_map(|line| line.strip_prefix("Quiz: "))
            .unwrap_or_default()
            .to_owned();
        (asked, run.stdout)
    };
    let (true_false, out) = quiz("true_false");
    assert!(true_false.starts_with("6 questions"), "{out}");
    assert!(out.contains("· true/false"), "{out}");
    let (choices, out) = quiz("multiple_choice");
    assert!(choices.starts_with("28 questions"), "{out}");
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

/// A plain session talked to while it runs: lines go to its stdin, its stdout is
/// gathered as bytes on a thread and waited on (decoded whole, so a character split
/// between two reads is never garbled).
struct Talk {
    child: std::process::Child,
    stdin: Option<std::process::ChildStdin>,
    stdout: std::sync::Arc<std::sync::Mutex<Vec<u8>>>,
    /// The thread gathering stdout; it ends when recall closes its stdout.
    reader: Option<std::thread::JoinHandle<()>>,
    home: tempfile::TempDir,
}

impl Talk {
    fn start(recall: Recall) -> Talk {
        let (mut child, home) = recall.spawn();
        let stdin = child.stdin.take();
        let mut out = child.stdout.take().expect("piped stdout");
        let stdout = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
        let gathered = stdout.clone();
        let reader = std::thread::spawn(move || {
            use std::io::Read;
            let mut buffer = [0u8; 4096];
            loop {
                match out.read(&mut buffer) {
                    Ok(0) => break,
                    Ok(read) => gathered
                        .lock()
                        .expect("not poisoned")
                        .extend_from_slice(&buffer[..read]),
                    Err(error) if error.kind() == std::io::ErrorKind::Interrupted => {}
                    Err(error) => panic!("reading recall's stdout: {error}"),
                }
            }
        });
        Talk {
            child,
            stdin,
            stdout,
            reader: Some(reader),
            home,
        }
    }

    fn say(&mut self, text: &str) {
        let stdin = self.stdin.as_mut().expect("stdin open");
        stdin.write_all(text.as_bytes()).expect("write to recall");
        stdin.flush().expect("flush");
    }

    fn output(&self) -> String {
        String::from_utf8_lossy(&self.stdout.lock().expect("not poisoned")).into_owned()
    }

    /// Waits until the output holds `needle` `times` times.
    fn until(&self, needle: &str, times: usize) -> String {
        let mut out = String::new();
        let shown = wait_for(|| {
            out = self.output();
            out.matches(needle).count() >= times
        });
        assert!(shown, "recall never said {needle:?} ({times}x):\n{out}");
        out
    }

    fn database(&self) -> PathBuf {
        self.home.path().join("recall.db")
    }

    /// Closes stdin and waits for the end: the exit code, all of stdout, and stderr
    /// (the home, with the database, lives on in the test's `Talk` until it is dropped).
    /// All of stdout means what the reader thread gathered once it has read to the end
    /// of the pipe (it is joined): when recall has exited, the last lines it wrote may
    /// still be in the pipe, unread, however the output so far looks.
    fn finish(&mut self) -> (i32, String, String) {
        drop(self.stdin.take());
        let mut stderr = String::new();
        if let Some(mut err) = self.child.stderr.take() {
            use std::io::Read;
            let _ = err.read_to_string(&mut stderr);
        }
        let status = self.child.wait().expect("wait for recall");
        if let Some(reader) = self.reader.take() {
            reader.join().expect("the stdout reader ends with the pipe");
        }
        (status.code().unwrap_or(-1), self.output(), stderr)
    }
}

fn drill(bank_file: &str) -> Recall {
    Recall::new()
        .env("RECALL_NOW", NOW)
        .arg("drill")
        .arg(root().join("banks/docker").join(bank_file))
        .args(["--plain", "--seed", "1", "--kind", "multiple_choice"])
}

#[test]
fn a_failed_question_comes_back_in_the_same_drill_until_nothing_is_due_within_the_window() {
    // Three new questions: again, good, good; each comes back (its next step is within
    // the 20-minute window, the clock stands still); easy graduates each.
    let input = "A\n1\nA\n3\nA\n3\nA\n4\nA\n4\nA\n4\n";
    let (run, count) = session(
        drill("mod-docker-01.toml")
            .args(["--new", "3"])
            .stdin(input),
    );
    assert_eq!(run.code, 0, "{}", run.transcript());
    assert_eq!(count, 6);
    assert_eq!(
        run.stdout.matches(" · again\n").count(),
        3,
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("Rate (Enter = again): 1 again 1m · 2 hard 5m · 3 good 10m")
    );
    assert!(run.stdout.contains("Rated again: next in 1 minute"));
    assert!(run.stdout.contains("· 6 answers in all"), "{}", run.stdout);
    assert!(
        !run.stdout.contains("Input ended"),
        "the drill ended by itself"
    );
    let next = run.stdout.lines().last().unwrap_or_default();
    assert!(
        next.starts_with("Next due: ") && next.contains(" in "),
        "{next}"
    );
    insta::assert_snapshot!(run.transcript());
}

#[test]
fn suspend_bury_and_reset_are_kept_in_the_log_and_undone_like_answers() {
    let recall = drill("mod-docker-01.toml").args(["--new", "4"]);
    // q1 suspended; q2 answered (easy); q3 reset; then, at q4, two undos take back the
    // reset and q2's answer; q2 is buried, q3 answered (easy); quit at q4.
    let input = ":suspend\nA\n4\n:reset\n:undo\n:undo\n:bury\nB\n4\n:quit\n";
    let (run, home) = recall.stdin(input).run_keeping_home();
    assert_eq!(run.code, 0, "{}", run.transcript());
    insta::assert_snapshot!(run.transcript());
    let db = home.path().join("recall.db");
    let store = Store::open(&db).expect("open");
    let log = store.all_reviews().expect("log");
    assert_eq!(
        log.len(),
        1,
        "the undone answer is gone, the later one stays"
    );
    let key = |question: &str| recall::store::QuestionKey::new("mod-docker-01", question);
    let (suspended, buried, answered) = (
        key("pid-namespace-two-pids"),
        key("uts-namespace-hostname"),
        log[0].key.clone(),
    );
    assert_eq!(answered, key("shared-kernel-uname"));
    let marks = |key| {
        store
            .marks(key)
            .expect("marks")
            .iter()
            .map(|m| m.mark)
            .collect::<Vec<_>>()
    };
    use recall::session::Mark;
    assert_eq!(marks(&suspended), [Mark::Suspend]);
    assert_eq!(marks(&buried), [Mark::Bury]);
    assert!(marks(&answered).is_empty(), "the reset was undone");
    drop(store);

    let card = |args: &[&str]| {
        Recall::new()
            .env("RECALL_NOW", NOW)
            .env("RECALL_DB", &db)
            .arg("card")
            .args(args)
            .run()
    };
    let shown = card(&["mod-docker-01/pid-namespace-two-pids"]);
    assert!(
        shown.stdout.contains("set aside      suspended"),
        "{}",
        shown.transcript()
    );
    let shown = card(&["mod-docker-01/uts-namespace-hostname"]);
    assert!(
        shown.stdout.contains("set aside      buried until"),
        "{}",
        shown.transcript()
    );
    let unsuspended = card(&["mod-docker-01/pid-namespace-two-pids", "--unsuspend"]);
    assert_eq!(unsuspended.code, 0, "{}", unsuspended.transcript());
    let answered = answered.to_string();
    let reset = card(&[answered.as_str(), "--reset"]);
    assert_eq!(reset.code, 0, "{}", reset.transcript());
    let after = card(&[answered.as_str()]);
    assert!(
        after.stdout.contains("state          new"),
        "{}",
        after.stdout
    );
    assert!(after.stdout.contains("  reset\n"), "{}", after.stdout);
    assert!(after.stdout.contains(" B) "), "{}", after.stdout);
    let store = Store::open(&db).expect("open");
    assert_eq!(
        store.all_reviews().expect("log").len(),
        1,
        "a reset keeps the answers"
    );
}

#[test]
fn an_undo_another_session_has_followed_says_so_and_goes_on() {
    let mut talk = Talk::start(drill("mod-docker-01.toml").args(["--new", "3"]));
    talk.until("Answer (", 1);
    talk.say("A\n4\n");
    talk.until("Answer (", 2);
    // Another session answers the same question.
    let mut store = Store::open(&talk.database()).expect("open");
    let first = store.all_reviews().expect("log").remove(0);
    let scheduler = recall::schedule::Scheduler::new(Default::default()).expect("defaults");
    let mut other = recall::session::NewReview {
        key: first.key.clone(),
        mode: first.mode,
        answer: first.answer.clone(),
        choice_order: first.choice_order.clone(),
        score: first.score,
        suggested: first.suggested,
        rating: recall::schedule::Rating::Good,
        duration_ms: 0,
        reschedules: true,
        hints: 0,
        concepts: None,
        version: None,
    };
    other.answer.clear();
    store
        .record(&other, &scheduler, first.reviewed_at)
        .expect("the other session's answer");
    drop(store);
    talk.say(":undo\n");
    let out = talk.until("Answer (", 3);
    assert!(
        out.contains("Not undone: another session has answered or marked that question since"),
        "{out}"
    );
    talk.say(":quit\n");
    let (code, out, _) = talk.finish();
    assert_eq!(code, 0, "{out}");
    assert_eq!(reviews(talk.home.path()), 2, "both answers stay");
}

#[test]
fn a_line_that_is_not_utf8_is_asked_again_saying_why() {
    let mut input = b"\xff\xfe\n".to_vec();
    input.extend_from_slice(b"A\n\n:quit\n");
    let (run, home) = drill("mod-docker-01.toml")
        .args(["--new", "2"])
        .stdin_bytes(input)
        .run_keeping_home();
    assert_eq!(run.code, 0, "{}", run.transcript());
    assert!(
        run.stdout
            .contains("That line is not UTF-8 text, so it cannot be read; type it again."),
        "{}",
        run.stdout
    );
    assert_eq!(reviews(home.path()), 1);
}

#[test]
fn a_commit_that_fails_keeps_the_answer_and_the_next_session_saves_it() {
    let mut talk = Talk::start(drill("mod-docker-01.toml").args(["--new", "3"]));
    talk.until("Answer (", 1);
    // From now on every write of an answer fails, as a full disk would make it.
    let connection = crate::util::fill_the_disk(&talk.database());
    talk.say("A\n\n");
    let out = talk.until("Type r to try again, or q to quit", 1);
    assert!(out.contains("Not saved: database "), "{out}");
    assert!(
        !out.contains("Rated again"),
        "nothing is confirmed before its commit:\n{out}"
    );
    talk.say("r\n");
    talk.until("Type r to try again, or q to quit", 2);
    talk.say("q\n");
    let db = talk.database();
    let recovery = db.with_file_name("recall.db.unsaved");
    let home = talk.home.path().to_path_buf();
    let (code, out, _) = talk.finish();
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("1 answer could not be saved; kept in "),
        "{out}"
    );
    assert!(recovery.is_file(), "{out}");
    assert_eq!(reviews(&home), 0);
    connection
        .execute_batch("DROP TRIGGER full_disk;")
        .expect("the disk has room again");
    drop(connection);

    // Plain mode never reads stdin for this: it says so on stderr.
    let next = || {
        Recall::new()
            .env("RECALL_NOW", NOW)
            .env("RECALL_DB", &db)
            .arg("drill")
            .arg(root().join("banks/docker/mod-docker-01.toml"))
            .args(["--plain", "--new", "1"])
            .stdin(":quit\n")
    };
    let run = next().run();
    assert_eq!(run.code, 0, "{}", run.transcript());
    assert!(
        run.stderr.contains("Run with --recover to save them"),
        "{}",
        run.stderr
    );
    assert_eq!(reviews(&home), 0);
    let run = next().arg("--recover").run();
    assert_eq!(run.code, 0, "{}", run.transcript());
    assert!(
        run.stdout
            .starts_with("Saved 1 answer from an earlier session."),
        "{}",
        run.stdout
    );
    assert!(!recovery.exists());
    assert_eq!(reviews(&home), 1);
}

#[test]
fn a_busy_database_is_waited_for_and_the_rating_confirmed_once_saved() {
    let mut talk = Talk::start(drill("mod-docker-01.toml").args(["--new", "3"]));
    talk.until("Answer (", 1);
    // Another program holds the write lock for longer than the busy timeout (10 s).
    let mut connection = rusqlite::Connection::open(talk.database()).expect("open");
    let holder = connection
        .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
        .expect("the write lock");
    talk.say("A\n\n");
    let out = talk.until("Not saved yet: the database is busy", 1);
    assert!(!out.contains("Rated again"), "{out}");
    holder.rollback().expect("let go");
    let out = talk.until("Rated again: next in 1 minute", 1);
    let waited = out.find("Not saved yet").expect("the wait was said");
    assert!(
        waited < out.find("Rated again").expect("the confirmation"),
        "{out}"
    );
    talk.say(":quit\n");
    let (code, out, _) = talk.finish();
    assert_eq!(code, 0, "{out}");
    assert_eq!(reviews(talk.home.path()), 1);
}

#[test]
fn ctrl_c_in_plain_mode_prints_the_quiz_so_far_and_exits_130() {
    let mut talk = Talk::start(study("quiz").args(["--kind", "multiple_choice", "--count", "3"]));
    talk.until("Answer (", 1);
    talk.say("A\n");
    talk.until("Answer (", 2);
    let pid = talk.child.id().to_string();
    let signal = std::process::Command::new("kill")
        .args(["-INT", &pid])
        .status()
        .expect("kill");
    assert!(signal.success());
    talk.until("Answered 1 of 3", 1);
    let (code, out, _) = talk.finish();
    assert_eq!(code, 130, "{out}");
    assert!(out.contains("Score: "), "{out}");
    assert!(out.contains("Answered 1 of 3"), "{out}");
}

#[test]
fn recall_says_start_studying_only_when_there_is_something_to_study() {
    let banks = root().join("tests/banks/valid/minimal.toml");
    let recall = Recall::new()
        .env("RECALL_NOW", NOW)
        .env("RECALL_BANKS", &banks);
    std::fs::write(
        recall.home().join("config.toml"),
        "[scheduler]\nnew_per_day = 0\n",
    )
    .expect("config");
    let run = recall.run();
    assert_eq!(run.code, 0, "{}", run.transcript());
    assert!(!run.stdout.contains("Start studying"), "{}", run.stdout);
    assert!(
        run.stdout.contains("Nothing to study now"),
        "{}",
        run.stdout
    );
    let run = Recall::new()
        .env("RECALL_NOW", NOW)
        .env("RECALL_BANKS", &banks)
        .run();
    assert!(
        run.stdout.contains("Start studying: recall drill"),
        "{}",
        run.stdout
    );
    insta::assert_snapshot!(run.transcript());
}

#[test]
fn the_drill_intro_counts_what_the_session_asks_and_ahead_studies_ahead() {
    let run = drill("mod-docker-01.toml")
        .args(["--new", "5", "--limit", "2"])
        .stdin(":quit\n")
        .run();
    assert_eq!(run.code, 0, "{}", run.transcript());
    assert!(
        run.stdout
            .starts_with("Drill: 2 questions (0 learning, 0 to review, 2 new)"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("[1 of 2]"), "{}", run.stdout);

    // Learnt today (easy: due in days), then nothing is due until --ahead reaches it.
    let (run, home) = drill("mod-docker-01.toml")
        .args(["--new", "1"])
        .stdin("A\n4\n")
        .run_keeping_home();
    assert_eq!(run.code, 0, "{}", run.transcript());
    let again = |ahead: Option<&str>| {
        let mut recall = Recall::new()
            .env("RECALL_NOW", NOW)
            .env("RECALL_DB", home.path().join("recall.db"))
            .arg("drill")
            .arg(root().join("banks/docker/mod-docker-01.toml"))
            .args(["--plain", "--seed", "1", "--new", "0"]);
        if let Some(ahead) = ahead {
            recall = recall.args(["--ahead", ahead]);
        }
        recall.stdin(":quit\n").run()
    };
    let run = again(None);
    assert!(
        run.stdout.starts_with("Nothing is due now."),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("--ahead 1d"), "{}", run.stdout);
    let run = again(Some("30d"));
    assert!(
        run.stdout
            .starts_with("Drill: 1 question (0 learning, 1 to review, 0 new)"),
        "{}",
        run.stdout
    );
    let run = again(Some("soon"));
    assert_eq!(run.code, 2, "{}", run.transcript());
    assert!(
        run.stderr.contains("`soon` is not a time"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_plain_session_has_no_colour_even_when_colour_is_forced() {
    for (option, env) in [
        ("--color=always", None),
        ("--color=auto", Some("CLICOLOR_FORCE")),
    ] {
        let mut recall = drill("mod-docker-01.toml")
            .args(["--new", "2", option])
            .env_remove("NO_COLOR")
            .stdin("A\n1\nB\n\n:quit\n");
        if let Some(env) = env {
            recall = recall.env(env, "1");
        }
        let run = recall.run();
        assert_eq!(run.code, 0, "{}", run.transcript());
        assert!(run.stdout.contains("Rate (Enter = "), "{}", run.stdout);
        assert!(run.stdout.contains("Answered 2 of 2"), "{}", run.stdout);
        assert!(
            !run.transcript().contains('\x1b'),
            "{option}: {}",
            run.transcript()
        );
    }
}

/// The mock-interview fixture: follow-ups two deep, hints, a target time of 45s on the
/// first question and the tier's default (1m 30s) on the second.
fn mock_interview() -> PathBuf {
    root().join("tests/banks/valid/mock-interview.toml")
}

fn mock(db: &Path, now: &str, answer_time: &str) -> Recall {
    Recall::new()
        .env("RECALL_NOW", now)
        .env("RECALL_ANSWER_TIME", answer_time)
        .env("RECALL_DB", db)
}

/// The whole of a mock interview in plain mode: two hints (and a third that is not
/// there), an answer over its target time, a follow-up chain after a pass, a follow-up
/// after a fail, the readiness report and the offer to drill the weak questions first,
/// which the next day's drill honours.
#[test]
fn a_mock_interview_probes_times_hints_and_reports_what_to_revisit() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("recall.db");
    let input = [
        ":hint",
        ":hint",
        ":hint",
        "The volume keeps the data when the container is removed.",
        "",
        "In my home folder.",
        "",
        "No, mount it in a container, Docker owns it.",
        "",
        "Never.",
        "",
        "It ties the container to one host, less portable.",
        "",
        "y",
    ]
    .join("\n");
    let run = mock(&db, NOW, "60")
        .arg("interview")
        .arg(mock_interview())
        .args(["--plain", "--seed", "1"])
        .stdin(input + "\n")
        .run();
    assert_eq!(run.code, 0, "{}", run.transcript());
    let out = &run.stdout;
    assert!(
        out.contains("  took 2 hints: the suggested rating is Hard at best\n"),
        "{out}"
    );
    assert!(
        out.contains("Rate (Enter = hard)"),
        "a full score after a hint suggests Hard"
    );
    assert!(
        out.contains("answered in 1:00 of 0:45 · over time"),
        "{out}"
    );
    assert!(out.contains("answered in 1:00 of 1:30\n"), "{out}");
    assert!(
        out.contains("mock/volumes/follow-1/follow-1 · interview"),
        "{out}"
    );
    assert!(
        !out.contains("mock/volumes/follow-2"),
        "asked only after a fail: {out}"
    );
    assert!(out.contains("1. mock/bind-vs-volume (0%): failed"), "{out}");
    assert!(
        out.contains("2. mock/volumes (100%): over time, took a hint, follow-up failed"),
        "{out}"
    );
    insta::assert_snapshot!(run.transcript());

    // The log keeps the hints taken and the time of each answer.
    let connection = rusqlite::Connection::open(&db).unwrap();
    let rows: Vec<(String, i64, i64)> = connection
        .prepare("SELECT question, hints, duration_ms FROM review ORDER BY id")
        .unwrap()
        .query_map([], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(rows.len(), 5);
    assert_eq!(rows[0], ("volumes".to_owned(), 2, 60_000));
    assert_eq!(rows[1].0, "volumes/follow-1");
    assert!(rows[1..].iter().all(|(_, hints, _)| *hints == 0));

    // A follow-up's answers are found under its own key.
    let card = mock(&db, NOW, "0")
        .args(["card", "mock/volumes/follow-1", "--bank-path"])
        .arg(mock_interview())
        .run();
    assert_eq!(card.code, 0, "{}", card.transcript());
    assert!(
        card.stdout.contains("In my home folder."),
        "{}",
        card.stdout
    );

    // Follow-ups' answers belong to the banks: no orphans.
    let check = mock(&db, NOW, "0")
        .args(["check", "--orphans"])
        .arg(mock_interview())
        .run();
    assert_eq!(check.code, 0, "{}", check.transcript());
    assert!(
        check.stdout.contains("0 errors, 0 warnings"),
        "{}",
        check.stdout
    );

    // Not today (the offer was for tomorrow) ...
    let today = mock(&db, "2026-11-28T10:00:00Z", "0")
        .args(["drill", "--plain", "--auto-rate"])
        .arg(mock_interview())
        .stdin(":quit\n")
        .run();
    assert!(
        !today.stdout.contains("to revisit first"),
        "{}",
        today.stdout
    );
    // ... but tomorrow the failed question comes first, then the one over time.
    let drill = |stdin: &str| {
        mock(&db, "2026-11-29T09:00:00Z", "0")
            .args(["drill", "--plain", "--auto-rate"])
            .arg(mock_interview())
            .stdin(stdin)
            .run()
    };
    let tomorrow = drill(":quit\n");
    assert!(
        tomorrow
            .stdout
            .starts_with("Drill: 2 questions (2 to revisit first,"),
        "{}",
        tomorrow.stdout
    );
    let first = tomorrow.stdout.find("mock/bind-vs-volume").unwrap();
    assert!(first < tomorrow.stdout.find("] mock/volumes").unwrap_or(usize::MAX));
    // Answered once, a question is no longer first.
    let answered = drill("In development, a host folder with the source.\n:quit\n");
    assert_eq!(answered.code, 0, "{}", answered.transcript());
    let after = drill(":quit\n");
    assert!(
        !after.stdout.contains("2 to revisit first"),
        "{}",
        after.stdout
    );
}

#[test]
fn a_mock_interview_reports_as_json_and_a_no_marks_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("recall.db");
    let run = mock(&db, NOW, "100")
        .arg("interview")
        .arg(mock_interview())
        .args(["--plain", "--seed", "1", "--auto-rate", "--json"])
        .stdin("Never.\nThey stay.\nNever.\nNone.\nn\n")
        .run();
    assert_eq!(run.code, 0, "{}", run.transcript());
    let last = run.stdout.trim_end().lines().last().unwrap();
    let report: serde_json::Value = serde_json::from_str(last).expect(last);
    assert_eq!(report["revisit_first_tomorrow"], false);
    assert_eq!(
        report["over_time"], 4,
        "100s is over 45s, 60s and 90s: {report}"
    );
    let tiers = report["tiers"].as_array().unwrap();
    assert_eq!(tiers[0]["tier"], "beginner");
    assert_eq!(tiers[0]["follow_ups"], 1);
    assert_eq!(tiers[0]["target_seconds"], 105.0);
    let revisit: Vec<&str> = report["revisit"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["key"].as_str().unwrap())
        .collect();
    assert_eq!(revisit, ["mock/volumes", "mock/bind-vs-volume"]);
    assert!(
        !run.stdout.contains("Interview readiness"),
        "no text report with --json"
    );
    let connection = rusqlite::Connection::open(&db).unwrap();
    let marked: i64 = connection
        .query_row("SELECT COUNT(*) FROM revisit", [], |row| row.get(0))
        .unwrap();
    assert_eq!(marked, 0);
}

/// Hints work in any session: a right choice after a hint suggests Hard, not Good.
#[test]
fn a_hint_on_a_choice_question_caps_the_suggestion_in_a_drill() {
    let dir = tempfile::tempdir().unwrap();
    let bank = dir.path().join("mc.toml");
    std::fs::write(
        &bank,
        "[bank]\nid = \"mc\"\ntitle = \"MC\"\n\n[[question]]\nid = \"port\"\n\
         kind = \"multiple_choice\"\nprompt = \"Which port does HTTPS use?\"\n\
         choices = [\"80\", \"443\"]\nanswer = \"B\"\nexplanation = \"443.\"\n\
         hint = \"It is not the HTTP one.\"\n",
    )
    .unwrap();
    let db = dir.path().join("recall.db");
    let run = mock(&db, NOW, "0")
        .arg("drill")
        .arg(&bank)
        .args(["--plain", "--seed", "1"])
        .stdin(":hint\n:hint\nB\n\n:quit\n")
        .run();
    assert_eq!(run.code, 0, "{}", run.transcript());
    assert!(
        run.stdout.contains("Hint 1 of 1: It is not the HTTP one."),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("No more hints for this question."),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("took 1 hint: the suggested rating is Hard at best")
    );
    assert!(run.stdout.contains("Rate (Enter = hard)"), "{}", run.stdout);
    let connection = rusqlite::Connection::open(&db).unwrap();
    let hints: i64 = connection
        .query_row("SELECT hints FROM review", [], |row| row.get(0))
        .unwrap();
    assert_eq!(hints, 1);
}

/// A long model answer without keywords: its derived rubric has dozens of concepts.
const DNS_BANK: &str = r#"[bank]
id = "dns"
title = "DNS"

[[question]]
id = "resolve"
kind = "short_answer"
prompt = "How is a name resolved?"
model_answer = "A DNS resolver answers a lookup from its cache when it can. Otherwise the resolver asks a root server, which refers it to the servers of the top-level domain; the resolver then asks a TLD server, which refers it to the authoritative servers of the domain, and finally asks an authoritative server, which returns the record. The resolver caches every answer for its TTL, so later lookups of the same name skip the referrals. Clients only talk to the resolver; walking the hierarchy is the resolver's work."
"#;

/// The quiz's results after `answer` to the one question of `bank`.
fn quiz_results(bank: &str, answer: &str) -> String {
    let recall = Recall::new().env("RECALL_NOW", NOW);
    let path = recall.home().join("bank.toml");
    std::fs::write(&path, bank).expect("the bank file");
    let run = recall
        .arg("quiz")
        .arg(&path)
        .args(["--plain", "--seed", "1"])
        .stdin(format!("{answer}\n"))
        .run();
    run.stdout[run.stdout.find("Quiz results").expect("results")..].to_owned()
}

#[test]
fn quiz_results_name_only_the_concepts_a_full_score_needs() {
    let results = &quiz_results(
        DNS_BANK,
        "The resolver walks the root, TLD and authoritative servers in turn.",
    );
    let missed = &results[results.find("missed:").expect("a missed line")..];
    let missed = &missed["missed:".len()..missed.find("Model answer").unwrap()];
    let missed = missed.split_whitespace().collect::<Vec<_>>().join(" ");
    let names: Vec<&str> = missed.split(", ").collect();
    // The heaviest first; the score is over the 12 heaviest concepts, so the lighter
    // words of the model answer are not named as missed at all.
    assert_eq!(
        names,
        ["asks", "answers", "lookup", "cache", "refers", "domain"],
        "{missed}"
    );
    assert!(!names.contains(&"otherwise"), "{missed}");
}

/// A model answer that sets words aside ("instead of", "rather than"): its derived
/// concepts of them are matched only negated.
const LOCKS_BANK: &str = r#"[bank]
id = "locks"
title = "Locks"

[[question]]
id = "row-locks"
kind = "short_answer"
prompt = "How does the database let many writers work at once?"
model_answer = "Instead of locking the whole table, the database locks only the rows a transaction writes, so other transactions read and write the rest at the same time. Rather than waiting for every writer, a reader sees the last committed version of a row."
"#;

#[test]
fn quiz_results_name_words_set_aside_as_the_model_answer_says_them_and_apart_when_turned_round() {
    let results = &quiz_results(
        LOCKS_BANK,
        "It locks the whole table while a transaction writes.",
    );
    let line = |head: &str| -> String {
        let at = results
            .find(head)
            .unwrap_or_else(|| panic!("{head}: {results}"));
        let rest = &results[at + head.len()..];
        let end = rest.find("score ").unwrap_or(rest.len());
        rest[..end].split_whitespace().collect::<Vec<_>>().join(" ")
    };
    let missed = line("missed:");
    let missed = &missed[..missed
        .find("said the other way round")
        .unwrap_or(missed.len())];
    let turned = line("said the other way round:");
    // The answer says "locks" and "table" plainly where the model answer sets them
    // aside: said the other way round, in the model answer's words, not missed.
    assert!(
        turned.starts_with("instead of locking") && turned.contains("instead of … table"),
        "{turned}"
    );
    assert!(!missed.contains("locking"), "{missed}");
    // No keyword the model answer never says, and no cue word alone.
    assert!(!results.contains("not locking") && !results.contains("not table"));
    let names: Vec<&str> = missed.split(", ").collect();
    assert!(
        !names.contains(&"instead") && !names.contains(&"rather"),
        "{missed}"
    );
}

/// A rubric with a known misconception and the author's feedback on it.
const TIDES_BANK: &str = r#"[bank]
id = "tides"
title = "Tides"

[[question]]
id = "cause"
kind = "short_answer"
prompt = "What mainly causes the tides?"
model_answer = "The Moon's gravity pulls the oceans into two bulges, one facing the Moon and one opposite; the Earth turns under them, so most coasts get two high tides a day."
keywords = [
  { any = ["moon's gravity", "gravity of the moon", "moon pulls"], required = true },
  { any = ["bulge", "bulges"] },
]

[[question.misconception]]
concept = { any = ["wind", "winds"] }
feedback = "Wind makes waves, not tides: the tides follow the Moon's pull."
"#;

#[test]
fn quiz_results_give_the_authors_feedback_on_a_known_mistake() {
    let results = quiz_results(TIDES_BANK, "The wind pushes the water up the beach.");
    let results = results.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        results.contains("makes a known mistake (`wind`)"),
        "{results}"
    );
    assert!(
        results.contains("mistake: Wind makes waves, not tides: the tides follow the Moon's pull."),
        "{results}"
    );
    // A right answer makes no mistake and shows none.
    let right = quiz_results(
        TIDES_BANK,
        "The Moon's gravity pulls the water into bulges.",
    );
    assert!(!right.contains("mistake:"), "{right}");
}
