//! `recall card`, `due`, `stats` and `optimize` on a review log made through
//! the library, and a bad config file reported as `file:line:col`.

use crate::util::{Recall, root};
use chrono::{DateTime, TimeDelta, Utc};
use recall::schedule::{Rating, Scheduler, SchedulerConfig};
use recall::session::{Mode, NewReview, QuestionKey};
use recall::store::Store;

const NOW: &str = "2026-03-10T12:00:00Z";

fn now() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(NOW)
        .expect("NOW is RFC 3339")
        .with_timezone(&Utc)
}

fn record(store: &mut Store, question: &str, rating: Rating, at: DateTime<Utc>) {
    let scheduler = Scheduler::new(SchedulerConfig::default()).expect("defaults are valid");
    let review = NewReview {
        key: QuestionKey::new("minimal", question),
        mode: Mode::Quiz,
        answer: "an answer".to_owned(),
        choice_order: Vec::new(),
        score: Some(1.0),
        suggested: Some(rating),
        rating,
        duration_ms: 1500,
        reschedules: true,
        hints: 0,
        concepts: None,
        version: None,
    };
    store.record(&review, &scheduler, at).expect("record");
}

fn recall_with(db: &std::path::Path) -> Recall {
    Recall::new().env("RECALL_DB", db).env("RECALL_NOW", NOW)
}

#[test]
fn card_due_and_stats_read_the_log() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("recall.db");
    let mut store = Store::open(&db).expect("open");
    // "capital": last seen 80 days ago, overdue now; "tf": passed a review
    // 5 days ago, due weeks from now; "volume": never seen.
    record(
        &mut store,
        "capital",
        Rating::Easy,
        now() - TimeDelta::days(100),
    );
    record(
        &mut store,
        "capital",
        Rating::Good,
        now() - TimeDelta::days(80),
    );
    record(&mut store, "tf", Rating::Easy, now() - TimeDelta::days(20));
    record(&mut store, "tf", Rating::Good, now() - TimeDelta::days(5));
    drop(store);
    let banks = root().join("tests/banks/valid/minimal.toml");

    let run = recall_with(&db)
        .args(["card", "minimal/capital", "--json"])
        .run();
    assert_eq!(run.code, 0, "{}", run.transcript());
    let card: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    assert_eq!(card["state"], "review");
    assert_eq!(card["reps"], 2);
    assert_eq!(card["lapses"], 0);
    assert_eq!(card["reviews"].as_array().map(Vec::len), Some(2));
    assert!(card["stability"].as_f64().is_some_and(|s| s > 1.0));
    assert!(
        card["due"]
            .as_str()
            .is_some_and(|due| due.starts_with("20"))
    );

    let run = recall_with(&db)
        .args(["card", "minimal/volume", "--json", "--bank-path"])
        .arg(&banks)
        .run();
    let card: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    assert_eq!(
        (card["state"].as_str(), card["reps"].as_u64()),
        (Some("new"), Some(0))
    );

    let run = recall_with(&db).args(["due", "--json"]).arg(&banks).run();
    assert_eq!(run.code, 0, "{}", run.transcript());
    let due: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    assert_eq!(due["total"]["due_now"], 1, "{due:#}");
    assert_eq!(due["total"]["new"], 1, "{due:#}");
    assert_eq!(due["total"]["later_today"], 0, "{due:#}");
    assert_eq!(due["queue"][0], "minimal/capital");
    assert_eq!(due["queue"][1], "minimal/volume");

    let run = recall_with(&db).args(["due"]).arg(&banks).run();
    assert_eq!(run.code, 0, "{}", run.transcript());
    assert!(run.stdout.contains("later today"), "{}", run.stdout);

    let run = recall_with(&db).args(["stats", "--json"]).arg(&banks).run();
    assert_eq!(run.code, 0, "{}", run.transcript());
    let stats: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    assert_eq!(stats["total_reviews"], 4);
    assert_eq!(stats["true_retention"]["reviews"], 1);
    assert_eq!(stats["true_retention"]["rate"], 1.0);
    assert_eq!(stats["streak_days"], 0);
    assert_eq!(stats["reviews_per_day"].as_array().map(Vec::len), Some(365));
    assert_eq!(stats["forecast"].as_array().map(Vec::len), Some(30));
    assert_eq!(stats["readiness"][0]["tier"], "beginner");

    let run = recall_with(&db).args(["stats"]).arg(&banks).run();
    assert_eq!(run.code, 0, "{}", run.transcript());
    for heading in [
        "Reviews, last 12 months",
        "True retention",
        "Due, next 30 days",
        "Mastered:",
    ] {
        assert!(run.stdout.contains(heading), "{}", run.stdout);
    }
    assert!(run.stdout.contains("Mon"), "{}", run.stdout);
}

#[test]
fn optimize_refuses_a_small_log() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("recall.db");
    let mut store = Store::open(&db).expect("open");
    record(
        &mut store,
        "capital",
        Rating::Good,
        now() - TimeDelta::days(3),
    );
    record(&mut store, "capital", Rating::Good, now());
    drop(store);
    let run = recall_with(&db).arg("optimize").run();
    assert_eq!(run.code, 2, "{}", run.transcript());
    assert!(
        run.stderr.contains("not enough history"),
        "{}",
        run.transcript()
    );
    let store = Store::open(&db).expect("open");
    assert_eq!(store.fitted_parameters().expect("read"), None);
}

#[test]
fn optimize_fits_saves_and_reschedules() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("recall.db");
    let mut store = Store::open(&db).expect("open");
    let scheduler = Scheduler::new(SchedulerConfig {
        fuzz: false,
        ..SchedulerConfig::default()
    })
    .expect("valid");
    // 120 questions answered on their due dates for a year, with a
    // deterministic pattern of lapses: plenty of long-term reviews.
    for index in 0..120u32 {
        let key = QuestionKey::new("synthetic", format!("q{index}"));
        let mut at = now() - TimeDelta::days(400) + TimeDelta::minutes(i64::from(index));
        for round in 0..12u32 {
            let rating = match (index + round) % 7 {
                0 => Rating::Again,
                1 => Rating::Hard,
                6 => Rating::Easy,
                _ => Rating::Good,
            };
            let review = NewReview {
                key: key.clone(),
                mode: Mode::Drill,
                answer: String::new(),
                choice_order: Vec::new(),
                score: None,
                suggested: None,
                rating,
                duration_ms: 1000,
                reschedules: true,
                hints: 0,
                concepts: None,
                version: None,
            };
            let recorded = store.record(&review, &scheduler, at).expect("record");
            let due = recorded.card.due.expect("reviewed cards are due some time");
            at = due.max(at + TimeDelta::days(1));
            if at > now() {
                break;
            }
        }
    }
    drop(store);
    let run = recall_with(&db).arg("optimize").run();
    assert_eq!(run.code, 0, "{}", run.transcript());
    assert!(run.stdout.contains("log loss"), "{}", run.stdout);
    assert!(run.stdout.contains("RMSE"), "{}", run.stdout);
    let store = Store::open(&db).expect("open");
    let fitted = store.fitted_parameters().expect("read").expect("saved");
    assert!(fitted.log_loss_after.is_finite() && fitted.log_loss_after > 0.0);
    assert_ne!(fitted.parameters, recall::schedule::Parameters::default());
}

#[test]
fn a_bad_config_names_file_line_and_column() {
    let dir = tempfile::tempdir().expect("temp dir");
    let config = dir.path().join("config.toml");
    std::fs::write(&config, "[scheduler]\nfuzz = true\ndesired_retention = 2\n").expect("write");
    let run = Recall::new()
        .arg("--config")
        .arg(&config)
        .args(["card", "minimal/capital"])
        .run();
    assert_eq!(run.code, 2, "{}", run.transcript());
    let location = format!("{}:3:21", config.display());
    assert!(run.stderr.contains(&location), "{}", run.transcript());
    assert!(
        run.stderr.contains("desired_retention"),
        "{}",
        run.transcript()
    );
}

/// The context resolves the database and the configuration only for the verbs that
/// ask: these three work with a broken config and never create the database.
#[test]
fn schema_man_and_completions_touch_neither_database_nor_config() {
    let dir = tempfile::tempdir().expect("temp dir");
    let config = dir.path().join("config.toml");
    std::fs::write(&config, "[scheduler]\ndesired_retention = 2\n").expect("write");
    let db = dir.path().join("progress").join("recall.db");
    for args in [&["schema"][..], &["man"], &["completions", "bash"]] {
        let run = Recall::new()
            .env("RECALL_DB", &db)
            .env("RECALL_CONFIG", &config)
            .args(args)
            .run();
        assert_eq!(run.code, 0, "{args:?}: {}", run.transcript());
        assert!(!run.stdout.is_empty(), "{args:?}");
    }
    assert!(!db.exists() && !dir.path().join("progress").exists());
    let due = Recall::new()
        .env("RECALL_DB", &db)
        .env("RECALL_CONFIG", &config)
        .arg("due")
        .run();
    assert_eq!(due.code, 2, "{}", due.transcript());
}

#[test]
fn a_learning_step_within_the_window_counts_as_due_now_and_only_there() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("recall.db");
    let mut store = Store::open(&db).expect("open");
    // Failed a minute ago: its next step is a minute away, inside the learn-ahead window.
    record(
        &mut store,
        "capital",
        Rating::Again,
        now() - TimeDelta::seconds(1),
    );
    drop(store);
    let banks = root().join("tests/banks/valid/minimal.toml");
    let run = recall_with(&db).args(["due", "--json"]).arg(&banks).run();
    assert_eq!(run.code, 0, "{}", run.transcript());
    let due: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    assert_eq!(due["total"]["due_now"], 1, "{due:#}");
    assert_eq!(due["total"]["later_today"], 0, "counted once: {due:#}");
    let run = recall_with(&db)
        .args(["card", "minimal/capital", "--bury", "--bank-path"])
        .arg(&banks)
        .run();
    assert_eq!(run.code, 0, "{}", run.transcript());
    let run = recall_with(&db).args(["due", "--json"]).arg(&banks).run();
    let due: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    assert_eq!(due["total"]["due_now"], 0, "buried: {due:#}");
    assert_eq!(due["set_aside"], 1, "{due:#}");
}

#[test]
fn an_unknown_question_id_is_a_usage_error_with_a_suggestion_across_case() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("recall.db");
    let run = recall_with(&db).args(["card", "totally/bogus"]).run();
    assert_eq!(run.code, 2, "{}", run.transcript());
    assert!(
        run.stdout.is_empty(),
        "no new card is printed: {}",
        run.stdout
    );
    assert!(run.stderr.contains("no bank `totally`"), "{}", run.stderr);
    let run = recall_with(&db)
        .args(["card", "MOD-DOCKER-04/named-volume-definition"])
        .run();
    assert_eq!(run.code, 2, "{}", run.transcript());
    assert!(
        run.stderr.contains("did you mean `mod-docker-04`?"),
        "{}",
        run.stderr
    );
    let run = recall_with(&db)
        .args(["card", "mod-docker-04/interview-named-volume-definitio"])
        .run();
    assert_eq!(run.code, 2, "{}", run.transcript());
    assert!(
        run.stderr
            .contains("did you mean `mod-docker-04/interview-named-volume-definition`?"),
        "{}",
        run.stderr
    );
}

#[test]
fn tags_are_listed_and_a_tag_that_matches_nothing_names_them() {
    let banks = root().join("tests/banks/valid/multiple-choice.toml");
    let run = Recall::new().args(["list", "--tags"]).arg(&banks).run();
    assert_eq!(run.code, 0, "{}", run.transcript());
    assert!(run.stdout.contains("networking"), "{}", run.stdout);
    let run = Recall::new()
        .args(["drill", "--plain", "--tag", "netwrking"])
        .arg(&banks)
        .run();
    assert_eq!(run.code, 2, "{}", run.transcript());
    assert!(
        run.stderr
            .contains("no question has the tag `netwrking`; did you mean `networking`?"),
        "{}",
        run.stderr
    );
    let run = Recall::new()
        .args(["quiz", "--plain", "--tag", "zzz"])
        .arg(&banks)
        .run();
    assert_eq!(run.code, 2, "{}", run.transcript());
    assert!(run.stderr.contains("the tags are: "), "{}", run.stderr);
    assert!(run.stderr.contains("networking"), "{}", run.stderr);
}
