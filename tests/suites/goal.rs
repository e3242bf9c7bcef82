//! An interview date to plan toward: `recall goal` (set, show, clear, the config's
//! `[goal]`), the plan, drills toward the date (advance, weakest first), `drill --cram`,
//! simulated learners who follow the plan or stop, and the HTML report in a real
//! headless Chromium.
//!
//! The learners study `tests/fixtures/goal/prep.toml`: 24 interview questions over the
//! four tiers, all answered by the word "ready", so a seeded random stream of right and
//! wrong answers can be typed without knowing which question comes next.

use crate::util::{Recall, Run, root};
use rand::{RngExt, SeedableRng};
use recall::store::{QuestionKey, Store};
use serde_json::Value;
use std::path::{Path, PathBuf};

/// The first study day, 09:00 UTC.
const START: &str = "2026-11-28T09:00:00Z";
/// The interview: 14 study days after the first.
const DATE: &str = "2026-12-12";

fn bank() -> PathBuf {
    root().join("tests/fixtures/goal/prep.toml")
}

/// 09:00 UTC, `day` days after [`START`].
fn day(day: i64) -> String {
    let start = chrono::DateTime::parse_from_rfc3339(START).expect("test setup");
    (start + chrono::TimeDelta::days(day)).to_rfc3339()
}

/// A learner's home: one temporary directory kept across commands.
struct Learner {
    home: tempfile::TempDir,
}

impl Learner {
    fn new(config: &str) -> Learner {
        let home = tempfile::tempdir().expect("test setup");
        std::fs::write(home.path().join("config.toml"), config).expect("test setup");
        Learner { home }
    }

    /// `recall ARGS` on `day`, in this learner's home, with `input` on stdin.
    fn run(&self, day_index: i64, args: &[&str], input: &str) -> Run {
        let home = self.home.path();
        Recall::new()
            .env("RECALL_NOW", day(day_index))
            .env("RECALL_DB", home.join("recall.db"))
            .env("RECALL_CONFIG", home.join("config.toml"))
            .env("RECALL_BANKS", bank())
            .args(args)
            .stdin(input)
            .run()
    }

    fn ok(&self, day_index: i64, args: &[&str]) -> Run {
        let run = self.run(day_index, args, "");
        assert_eq!(run.code, 0, "{}", run.transcript());
        run
    }

    fn json(&self, day_index: i64, args: &[&str]) -> Value {
        serde_json::from_str(&self.ok(day_index, args).stdout).expect("test setup")
    }

    fn database(&self) -> PathBuf {
        self.home.path().join("recall.db")
    }

    /// A day of study as the plan says: its new questions, answered "ready" with
    /// probability 0.85 (seeded by the day), until the drill ends.
    fn follow_plan(&self, day_index: i64, seed: u64) {
        let status = self.json(day_index, &["goal", "--json"]);
        let new = status["plan"]["new_per_day"]
            .as_u64()
            .expect("test setup")
            .to_string();
        let mut rng = rand::rngs::StdRng::seed_from_u64(seed);
        let answers: String = (0..400)
            .map(|_| {
                if rng.random_bool(0.85) {
                    "ready\n"
                } else {
                    "no idea\n"
                }
            })
            .collect();
        let run = self.run(
            day_index,
            &[
                "drill",
                "--plain",
                "--auto-rate",
                "--new",
                &new,
                "--seed",
                "1",
            ],
            &answers,
        );
        assert_eq!(run.code, 0, "{}", run.transcript());
        assert!(
            !run.stdout.contains("Input ended"),
            "the drill ended by itself"
        );
    }
}

fn verdict(status: &Value) -> &str {
    status["plan"]["verdict"]["status"]
        .as_str()
        .unwrap_or("none")
}

#[test]
fn goal_set_show_and_clear_in_plain_transcripts() {
    let learner = Learner::new("");
    let mut transcript = String::new();
    for args in [
        &["goal"][..],
        &[
            "goal", "set", DATE, "--tier", "beginner", "--tier", "advanced",
        ],
        &["goal"],
        &["goal", "clear"],
        &["goal", "clear"],
    ] {
        let run = learner.run(0, args, "");
        transcript.push_str(&format!(
            "$ recall {}\n{}\n",
            args.join(" "),
            run.transcript()
        ));
    }
    insta::assert_snapshot!(transcript);
}

#[test]
fn goal_set_refuses_a_past_date_an_unknown_bank_and_a_bad_retention() {
    let learner = Learner::new("");
    let past = learner.run(0, &["goal", "set", "2026-11-01"], "");
    assert_eq!(past.code, 2);
    assert!(
        past.stderr
            .contains("2026-11-01 has passed (today is 2026-11-28)"),
        "{}",
        past.stderr
    );
    let bank = learner.run(0, &["goal", "set", DATE, "--bank", "prpe"], "");
    assert_eq!(bank.code, 2);
    assert!(
        bank.stderr.contains("no bank `prpe`; the banks are: prep"),
        "{}",
        bank.stderr
    );
    let retention = learner.run(0, &["goal", "set", DATE, "--retention", "1.5"], "");
    assert_eq!(retention.code, 2);
    assert!(
        retention.stderr.contains("0.5 to 0.99"),
        "{}",
        retention.stderr
    );
    let date = learner.run(0, &["goal", "set", "12/12/2026"], "");
    assert!(
        date.stderr.contains("write year-month-day"),
        "{}",
        date.stderr
    );
}

#[test]
fn the_config_goal_takes_precedence_over_the_saved_one() {
    let learner = Learner::new("[goal]\ndate = 2026-12-20\ntiers = [\"scenario\"]\n");
    let set = learner.ok(0, &["goal", "set", DATE]);
    assert!(set.stdout.contains("takes precedence"), "{}", set.stdout);
    let status = learner.json(0, &["goal", "--json"]);
    assert_eq!(status["date"], "2026-12-20");
    assert_eq!(status["source"], "config");
    assert_eq!(status["readiness"]["questions"], 6);
    let clear = learner.ok(0, &["goal", "clear"]);
    assert!(
        clear.stdout.contains("still sets one in its [goal] table"),
        "{}",
        clear.stdout
    );
}

#[test]
fn the_plan_shows_in_goal_due_stats_and_json() {
    let learner = Learner::new("");
    learner.ok(0, &["goal", "set", DATE]);
    learner.follow_plan(0, 7);
    let mut transcript = String::new();
    for args in [&["goal"][..], &[][..], &["due"], &["stats"]] {
        let run = learner.run(1, args, "");
        transcript.push_str(&format!(
            "$ recall {}\n{}\n",
            args.join(" "),
            run.transcript()
        ));
    }
    insta::assert_snapshot!(transcript);
    let due = learner.json(1, &["due", "--json"]);
    assert_eq!(due["goal"]["date"], DATE);
    assert_eq!(due["goal"]["questions"], 24);
    let stats = learner.json(1, &["stats", "--json"]);
    assert_eq!(stats["goal"]["tiers"].as_array().unwrap().len(), 4);
    assert_eq!(stats["goal"]["verdict"]["status"], "on_track");
}

#[test]
fn a_learner_who_follows_the_plan_reaches_the_target_by_the_date() {
    let learner = Learner::new("[scheduler]\nnew_per_day = 5\n");
    learner.ok(0, &["goal", "set", DATE]);
    for day_index in 0..14 {
        let status = learner.json(day_index, &["goal", "--json"]);
        assert_eq!(verdict(&status), "on_track", "day {day_index}: {status:#}");
        learner.follow_plan(day_index, 100 + day_index as u64);
    }
    let status = learner.json(14, &["goal", "--json"]);
    let readiness = &status["readiness"];
    assert_eq!(status["days_left"], 0);
    assert_eq!(readiness["reached"], true, "{readiness:#}");
    for tier in readiness["tiers"].as_array().unwrap() {
        assert!(tier["share"].as_f64().unwrap() >= 0.9, "{tier:#}");
    }
    assert_eq!(verdict(&status), "reached");
    let text = learner.ok(14, &["goal"]).stdout;
    assert!(text.contains("Reached: the interview is today"), "{text}");
    // The day after, the plain schedule is back.
    let after = learner.json(15, &["goal", "--json"]);
    assert_eq!(after["passed"], true);
    assert!(
        learner
            .ok(15, &["goal"])
            .stdout
            .contains("drills follow the plain FSRS schedule again")
    );
}

#[test]
fn a_learner_who_stops_is_told_the_goal_can_no_longer_be_reached() {
    let learner = Learner::new("[scheduler]\nnew_per_day = 5\n");
    learner.ok(0, &["goal", "set", DATE]);
    for day_index in 0..3 {
        learner.follow_plan(day_index, 200 + day_index as u64);
    }
    // A week without study: behind, and told what would reach it.
    let status = learner.json(9, &["goal", "--json"]);
    assert_eq!(verdict(&status), "behind", "{status:#}");
    let behind = learner.ok(9, &["goal"]).stdout;
    // Over the limit of 5 new a day: no longer reachable within the limits.
    let status = learner.json(11, &["goal", "--json"]);
    assert_eq!(verdict(&status), "over_limits", "{status:#}");
    let over = learner.ok(11, &["goal"]).stdout;
    assert!(
        over.contains("Can no longer be reached within your daily limits"),
        "{over}"
    );
    assert!(over.contains("raise new_per_day to"), "{over}");
    // On the day: no longer reachable at all.
    let status = learner.json(14, &["goal", "--json"]);
    assert_eq!(verdict(&status), "no_longer", "{status:#}");
    let today = learner.ok(14, &["goal"]).stdout;
    insta::assert_snapshot!(format!(
        "--- day 9\n{behind}\n--- day 11\n{over}\n--- day 14\n{today}"
    ));
}

#[test]
fn cram_asks_the_weakest_now_and_leaves_every_schedule_as_it_was() {
    let learner = Learner::new("");
    let none = learner.run(0, &["drill", "--cram", "--plain"], "");
    assert_eq!(none.code, 2);
    assert!(none.stderr.contains("no goal is set"), "{}", none.stderr);
    learner.ok(0, &["goal", "set", DATE]);
    learner.follow_plan(0, 11);
    let cards = |db: &Path| Store::open(db).unwrap().cards().unwrap();
    let before = cards(&learner.database());
    let reviews = Store::open(&learner.database())
        .unwrap()
        .review_count()
        .unwrap();
    let run = learner.run(
        3,
        &["drill", "--cram", "--plain", "--limit", "3", "--seed", "1"],
        "ready\nno idea\nready\n",
    );
    assert_eq!(run.code, 0, "{}", run.transcript());
    assert_eq!(cards(&learner.database()), before, "cram moved a schedule");
    let store = Store::open(&learner.database()).unwrap();
    assert_eq!(store.review_count().unwrap(), reviews + 3);
    let latest = store
        .reviews_since(
            chrono::DateTime::parse_from_rfc3339(&day(3))
                .unwrap()
                .into(),
        )
        .unwrap();
    assert!(latest.iter().all(|r| !r.reschedules), "{latest:?}");
    insta::assert_snapshot!(run.transcript());
}

#[test]
fn a_review_due_after_the_date_comes_back_once_on_its_advance_day() {
    let learner = Learner::new("");
    // One question learnt "easy" 30 days before, and again when it came due: due long
    // after the date.
    for (at, new) in [(-30, "1"), (-19, "0")] {
        let args = ["drill", "--plain", "--new", new, "--seed", "1"];
        let run = learner.run(at, &args, "ready\n4\n");
        assert_eq!(run.code, 0, "{}", run.transcript());
    }
    let card = Store::open(&learner.database())
        .unwrap()
        .card(&QuestionKey::new("prep", "q01"))
        .unwrap();
    let interview = chrono::DateTime::parse_from_rfc3339("2026-12-12T04:00:00Z")
        .unwrap()
        .to_utc();
    assert!(card.due.unwrap() > interview, "{card:?}");
    let advance = recall::schedule::advance::advance_day("prep/q01", interview);
    let before = (advance - chrono::TimeDelta::days(1)).to_rfc3339();
    let on = (advance + chrono::TimeDelta::hours(1)).to_rfc3339();
    learner.ok(0, &["goal", "set", DATE]);
    let queue = |at: &str| -> Vec<Value> {
        let home = learner.home.path();
        let run = Recall::new()
            .env("RECALL_NOW", at)
            .env("RECALL_DB", home.join("recall.db"))
            .env("RECALL_CONFIG", home.join("config.toml"))
            .env("RECALL_BANKS", bank())
            .args(["due", "--json"])
            .run();
        let due: Value = serde_json::from_str(&run.stdout).unwrap();
        due["queue"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|k| *k == "prep/q01")
            .cloned()
            .collect()
    };
    assert!(queue(&before).is_empty(), "not before its day");
    assert_eq!(queue(&on).len(), 1, "due on its day");
    // Without a goal, the plain schedule: not due.
    learner.ok(0, &["goal", "clear"]);
    assert!(queue(&on).is_empty(), "the plain schedule");
}

/// The one headless Chromium, required: `.ci/run` installs it.
fn chromium() -> PathBuf {
    for name in ["chromium", "chromium-browser", "google-chrome"] {
        if let Some(path) = std::env::var_os("PATH").and_then(|paths| {
            std::env::split_paths(&paths)
                .map(|dir| dir.join(name))
                .find(|candidate| candidate.is_file())
        }) {
            return path;
        }
    }
    panic!(
        "the HTML report is tested in headless Chromium: install it (apt-get install chromium; .ci/run does)"
    );
}

/// Runs headless Chromium on `page` with `args`, in its own profile under `dir`.
fn headless(dir: &Path, page: &Path, args: &[&str]) -> std::process::Output {
    let output = std::process::Command::new(chromium())
        .env("HOME", dir)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--hide-scrollbars",
            "--enable-logging=stderr",
            "--v=0",
        ])
        .arg(format!("--user-data-dir={}", dir.join("profile").display()))
        .args(args)
        .arg(format!("file://{}", page.display()))
        .output()
        .expect("run chromium");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    output
}

/// An attribute's value in the first tag of `dom` that has `marker` in it.
fn attribute(dom: &str, marker: &str, name: &str) -> String {
    let at = dom
        .find(marker)
        .unwrap_or_else(|| panic!("no {marker} in the page"));
    let tag_end = at + dom[at..].find('>').expect("a well-formed tag");
    let tag_start = dom[..at].rfind('<').expect("a well-formed tag");
    let tag = &dom[tag_start..tag_end];
    let key = format!("{name}=\"");
    let from = tag
        .find(&key)
        .unwrap_or_else(|| panic!("no {name} in {tag}"))
        + key.len();
    tag[from..from + tag[from..].find('"').expect("a well-formed tag")].to_owned()
}

#[test]
fn the_html_report_renders_prints_on_a4_and_charts_the_database_in_chromium() {
    let learner = Learner::new("");
    learner.ok(0, &["goal", "set", DATE]);
    for day_index in 0..4 {
        learner.follow_plan(day_index, 300 + day_index as u64);
    }
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("report.html");
    let written = learner.ok(4, &["report", "--html", page.to_str().unwrap()]);
    assert!(
        written.stdout.contains("Wrote the readiness report"),
        "{}",
        written.stdout
    );
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(
        !html.contains("http://") && !html.contains("https://"),
        "nothing from the network"
    );
    assert!(!html.contains("<script"), "no script");
    let figures = learner.json(4, &["report", "--json"]);

    let dom = String::from_utf8(headless(dir.path(), &page, &["--dump-dom"]).stdout).unwrap();
    // The charts carry the database's figures, as `--json` gives them.
    let history = figures["history"].as_array().unwrap();
    assert_eq!(history.len(), 5, "four days of study and today");
    assert_eq!(attribute(&dom, "id=\"readiness-chart\"", "data-days"), "5");
    let overall: Vec<String> = history
        .iter()
        .map(|d| format!("{:.3}", d["overall"].as_f64().unwrap()))
        .collect();
    assert_eq!(
        attribute(&dom, "data-series=\"overall\"", "data-values"),
        overall.join(",")
    );
    let forecast = figures["forecast"].as_array().unwrap();
    assert_eq!(forecast.len(), 10, "today to the eve of the date");
    assert_eq!(
        attribute(&dom, "id=\"readiness-chart\"", "data-forecast-days"),
        "10"
    );
    let reviews = Store::open(&learner.database())
        .unwrap()
        .review_count()
        .unwrap();
    assert_eq!(
        attribute(&dom, "id=\"heatmap\"", "data-total"),
        reviews.to_string()
    );
    for tier in ["beginner", "intermediate", "advanced", "scenario"] {
        assert!(dom.contains(&format!("data-series=\"{tier}\"")), "{tier}");
    }
    let concept = &figures["concepts"][0];
    assert_eq!(concept["concept"], "ready");
    assert_eq!(
        attribute(&dom, "data-concept=\"ready\"", "data-missed"),
        concept["missed"].to_string()
    );
    let first = figures["revisit"][0]["question"].as_str().unwrap();
    assert!(
        dom.contains(&format!("data-question=\"{first}\"")),
        "{first}"
    );

    // A screenshot, and no error from the page.
    let shot = dir.path().join("report.png");
    let output = headless(
        dir.path(),
        &page,
        &[
            "--window-size=1000,2000",
            &format!("--screenshot={}", shot.display()),
        ],
    );
    let log = String::from_utf8_lossy(&output.stderr);
    assert!(
        !log.contains("CONSOLE") && !log.contains("Uncaught"),
        "{log}"
    );
    let png = std::fs::read(&shot).unwrap();
    assert!(
        png.starts_with(b"\x89PNG") && png.len() > 20_000,
        "{} bytes",
        png.len()
    );

    // Printed: A4 pages (595 x 842 points), a few of them.
    let pdf_path = dir.path().join("report.pdf");
    headless(
        dir.path(),
        &page,
        &[
            "--no-pdf-header-footer",
            &format!("--print-to-pdf={}", pdf_path.display()),
        ],
    );
    let pdf = std::fs::read(&pdf_path).unwrap();
    let text = String::from_utf8_lossy(&pdf);
    assert!(pdf.starts_with(b"%PDF"));
    let boxes: Vec<&str> = text.matches("/MediaBox [0 0 59").collect();
    assert!(!boxes.is_empty(), "no A4 MediaBox");
    for (at, _) in text.match_indices("/MediaBox [") {
        let rest = &text[at + 11..];
        let numbers: Vec<f64> = rest[..rest.find(']').unwrap()]
            .split_whitespace()
            .map(|n| n.parse().unwrap())
            .collect();
        assert!(
            (numbers[2] - 595.0).abs() < 1.0 && (numbers[3] - 842.0).abs() < 1.0,
            "{numbers:?}"
        );
    }
    // Chromium writes one MediaBox per page.
    let pages = text.matches("/MediaBox [").count();
    assert!((1..=5).contains(&pages), "{pages} pages");
}

#[test]
fn a_goal_above_the_desired_retention_is_told_it_falls_short_even_following_the_plan() {
    let learner = Learner::new("");
    learner.ok(0, &["goal", "set", DATE, "--retention", "0.97"]);
    let status = learner.json(0, &["goal", "--json"]);
    assert_eq!(verdict(&status), "falls_short", "{status:#}");
    let forecast = status["plan"]["forecast_share"].as_f64().unwrap();
    assert!(forecast < 0.97, "{forecast}");
    let text = learner.ok(0, &["goal"]).stdout;
    assert!(
        text.contains("Falls short: even following the plan"),
        "{text}"
    );
}

#[test]
fn a_goal_whose_banks_are_not_loaded_says_so_instead_of_planning() {
    let learner = Learner::new("[goal]\ndate = 2026-12-20\nbanks = [\"gone\"]\n");
    let text = learner.ok(0, &["goal"]).stdout;
    assert!(
        text.contains("the goal's bank `gone` is not among the loaded banks"),
        "{text}"
    );
    assert!(
        text.contains("No question of the loaded banks is in this goal"),
        "{text}"
    );
    assert!(!text.contains("Plan:"), "{text}");
    let due = learner.ok(0, &["due"]).stdout;
    assert!(due.contains("no loaded question is in it"), "{due}");
}
