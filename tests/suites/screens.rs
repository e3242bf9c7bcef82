//! What a person reads outside a study session, held still: `--help` of every command,
//! the text of `due`, `stats` and `card` over a fixed review log at a fixed time, lines
//! that fit 80 columns, and colour: present at a terminal (tmux, 80x24) or when forced,
//! absent under NO_COLOR, `--color never` and when stdout is a pipe.

use crate::util::{Recall, Run, Screen, root};
use chrono::{DateTime, TimeDelta, Utc};
use clap::CommandFactory;
use recall::schedule::{Rating, Scheduler, SchedulerConfig};
use recall::session::{Mode, NewReview, QuestionKey};
use recall::store::Store;
use std::path::{Path, PathBuf};

const NOW: &str = "2026-03-10T12:00:00Z";

fn now() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(NOW)
        .expect("NOW is RFC 3339")
        .with_timezone(&Utc)
}

fn minimal() -> PathBuf {
    root().join("tests/banks/valid/minimal.toml")
}

/// A review log over the minimal bank: "capital" answered for weeks, lapsing once and
/// rated against the suggestion once; "volume" answered in interviews, once at length;
/// "tf" never seen.
fn review_log(db: &Path) {
    let scheduler = Scheduler::new(SchedulerConfig::default()).expect("defaults are valid");
    let mut store = Store::open(db).expect("open the store");
    let mut record = |question: &str, mode, answer: &str, score, rating, days_ago: i64| {
        let suggested = if score >= 0.5 {
            Rating::Good
        } else {
            Rating::Again
        };
        let review = NewReview {
            key: QuestionKey::new("minimal", question),
            mode,
            answer: answer.to_owned(),
            score: Some(score),
            suggested: Some(suggested),
            rating,
            duration_ms: 4_250 + 1000 * days_ago.unsigned_abs(),
            reschedules: true,
            hints: 0,
            concepts: None,
            choice_order: Vec::new(),
            version: None,
        };
        let at = now() - TimeDelta::days(days_ago) - TimeDelta::hours(2);
        store.record(&review, &scheduler, at).expect("record");
    };
    record("capital", Mode::Drill, "B", 1.0, Rating::Good, 40);
    record("capital", Mode::Drill, "B", 1.0, Rating::Easy, 36);
    record("capital", Mode::Quiz, "C", 0.0, Rating::Again, 20);
    record("capital", Mode::Drill, "B", 1.0, Rating::Good, 19);
    record("capital", Mode::Drill, "A,B", 0.0, Rating::Hard, 2);
    let long = "Storage that the Docker daemon manages itself, kept under /var/lib/docker/volumes, \
                which persists when the container that used it is removed and can be shared \
                between containers; unlike a bind mount it does not depend on the host's layout.";
    record("volume", Mode::Interview, "", 0.0, Rating::Again, 9);
    record("volume", Mode::Interview, long, 0.8, Rating::Good, 8);
    record(
        "volume",
        Mode::Interview,
        "daemon storage that persists",
        1.0,
        Rating::Good,
        1,
    );
}

/// `recall` over the log above, at `NOW`.
fn recall() -> Recall {
    let recall = Recall::new().env("RECALL_NOW", NOW);
    review_log(&recall.home().join("recall.db"));
    recall
}

fn assert_fits(run: &Run, columns: usize) {
    for line in run.stdout.lines() {
        let width = unicode_width::UnicodeWidthStr::width(line);
        assert!(width <= columns, "{width} columns: {line}\n{}", run.stdout);
    }
}

#[test]
fn every_command_has_a_help_snapshot() {
    let top = Recall::new().arg("--help").run();
    assert_eq!(top.code, 0, "{}", top.transcript());
    insta::assert_snapshot!("help", top.stdout);
    let commands: Vec<String> = recall::cli::Cli::command()
        .get_subcommands()
        .map(|c| c.get_name().to_owned())
        .collect();
    assert!(commands.len() > 10, "{commands:?}");
    for command in commands {
        let run = Recall::new().args([command.as_str(), "--help"]).run();
        assert_eq!(run.code, 0, "{}", run.transcript());
        assert_fits(&run, 80);
        insta::assert_snapshot!(format!("help_{command}"), run.stdout);
    }
}

#[test]
fn top_level_help_gives_one_line_per_command_and_starts_learners_on_drill() {
    let run = Recall::new().arg("--help").run();
    assert_fits(&run, 80);
    let commands = run
        .stdout
        .split("Commands:\n")
        .nth(1)
        .and_then(|rest| rest.split("\n\n").next())
        .expect("a command list");
    for line in commands.lines() {
        assert!(line.starts_with("  ") && !line.starts_with("   "), "{line}");
    }
    let footer = run.stdout.rsplit("Options:").next().unwrap_or_default();
    assert!(footer.contains("recall drill"), "{}", run.stdout);
}

#[test]
fn the_man_page_names_recall_once() {
    let run = Recall::new().arg("man").run();
    let name = run
        .stdout
        .lines()
        .skip_while(|line| *line != ".SH NAME")
        .nth(1);
    assert_eq!(
        name,
        Some(r"recall \- Quiz yourself from TOML question banks, graded and spaced for memory")
    );
}

#[test]
fn due_stats_and_card_under_a_fixed_clock() {
    let (due, home) = recall().arg("due").arg(minimal()).run_keeping_home();
    assert_eq!(due.code, 0, "{}", due.transcript());
    insta::assert_snapshot!("due_text", due.stdout);

    let in_home = |args: &[&str]| {
        Recall::new()
            .env("RECALL_NOW", NOW)
            .env("RECALL_DB", home.path().join("recall.db"))
            .args(args)
            .arg(minimal())
            .run()
    };
    let stats = in_home(&["stats"]);
    assert_eq!(stats.code, 0, "{}", stats.transcript());
    assert_fits(&stats, 80);
    assert!(stats.stdout.lines().count() < 24, "{}", stats.stdout);
    insta::assert_snapshot!("stats_text", stats.stdout);

    let full = in_home(&["stats", "--full"]);
    assert_fits(&full, 80);
    insta::assert_snapshot!("stats_full_text", full.stdout);

    for question in ["capital", "volume", "tf"] {
        let card = in_home(&["card", &format!("minimal/{question}"), "--bank-path"]);
        assert_eq!(card.code, 0, "{}", card.transcript());
        assert_fits(&card, 80);
        insta::assert_snapshot!(format!("card_{question}_text"), card.stdout);
    }
}

#[test]
fn colour_is_for_terminals_or_when_asked_for() {
    let escape = |run: &Run| run.stdout.contains('\x1b');
    // The tests' environment sets NO_COLOR; stdout is a pipe in every run here.
    let due = |env: &[(&str, &str)], args: &[&str]| {
        let mut recall = recall().env_remove("NO_COLOR");
        for (key, value) in env {
            recall = recall.env(key, value);
        }
        recall.args(args).arg("due").arg(minimal()).run()
    };
    let piped = due(&[], &[]);
    assert!(!escape(&piped), "{}", piped.stdout);
    let never = due(&[("CLICOLOR_FORCE", "1")], &["--color", "never"]);
    assert!(!escape(&never), "{}", never.stdout);
    let forced = due(&[("CLICOLOR_FORCE", "1")], &[]);
    assert!(escape(&forced), "{}", forced.stdout);
    let no_color_wins = due(&[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")], &[]);
    assert!(!escape(&no_color_wins), "{}", no_color_wins.stdout);
    let always = recall()
        .args(["due", "--color=always"])
        .arg(minimal())
        .run();
    assert!(escape(&always), "{}", always.stdout);
    // Colour never changes the words: stripped, it is the plain text.
    assert_eq!(recall::style::strip(&always.stdout), piped.stdout);
    // JSON is for programs: never coloured.
    let json = recall()
        .args(["--color", "always", "due", "--json"])
        .arg(minimal())
        .run();
    assert!(!escape(&json), "{}", json.stdout);
}

/// At a real terminal (tmux, 80x24, TERM=xterm-256color): `recall due` and `recall
/// stats` come in colour, and with NO_COLOR set the same screens have none.
#[test]
fn a_terminal_gets_colour_unless_no_color_is_set() {
    for command in ["due", "stats"] {
        let coloured = at_terminal("", command);
        assert!(coloured.contains("\x1b["), "{command}: {coloured}");
        assert!(coloured.contains("Due"), "{command}: {coloured}");
        let plain = at_terminal("NO_COLOR=1", command);
        assert!(!plain.contains("\x1b["), "{command}: {plain}");
        assert!(plain.contains("Due"), "{command}: {plain}");
    }
}

/// Runs `recall COMMAND` on the minimal bank over [`review_log`] in a fresh 80x24 tmux
/// window, with `env` added to a clean environment, and returns the screen with its
/// escape codes once the command has ended.
fn at_terminal(env: &str, command: &str) -> String {
    let screen = Screen::new(NOW);
    review_log(&screen.database());
    screen.run(80, 24, env, &format!("{command} {}", minimal().display()));
    assert_eq!(screen.exit(), 0, "recall {command}:\n{}", screen.screen());
    screen.screen_with_escapes()
}
