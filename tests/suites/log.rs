//! `recall log export`: every review in time order with its card before and after, the
//! same in CSV and NDJSON, Parquet that DuckDB-style readers take, nothing left behind.

use crate::util::Recall;
use chrono::{DateTime, TimeDelta, Utc};
use recall::schedule::{Rating, Scheduler, SchedulerConfig};
use recall::session::{Mode, NewReview, QuestionKey};
use recall::store::Store;
use std::path::Path;

const NOW: &str = "2026-03-10T12:00:00Z";

fn start() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-03-01T08:00:00Z")
        .expect("RFC 3339")
        .with_timezone(&Utc)
}

fn scheduler() -> Scheduler {
    Scheduler::new(SchedulerConfig::default()).expect("the defaults are valid")
}

/// A log of two questions: q1 rated Good, Good, Again; q2 rated Hard then logged once
/// without rescheduling.
fn make_log(db: &Path) -> Store {
    let mut store = Store::open(db).expect("open the store");
    let scheduler = scheduler();
    let mut at = start();
    for (question, rating, reschedules) in [
        ("q1", Rating::Good, true),
        ("q2", Rating::Hard, true),
        ("q1", Rating::Good, true),
        ("q2", Rating::Good, false),
        ("q1", Rating::Again, true),
    ] {
        let review = NewReview {
            key: QuestionKey::new("b", question),
            mode: if reschedules { Mode::Drill } else { Mode::Quiz },
            answer: format!("an answer, \"quoted\", to {question}"),
            score: Some(0.75),
            suggested: Some(rating),
            rating,
            duration_ms: 1500,
            reschedules,
        };
        store.record(&review, &scheduler, at).expect("record");
        at += TimeDelta::hours(30);
    }
    store
}

fn export(db: &Path, format: &str) -> String {
    let run = Recall::new()
        .env("RECALL_DB", db)
        .env("RECALL_NOW", NOW)
        .args(["log", "export", "--format", format])
        .run();
    assert_eq!(run.code, 0, "{}", run.transcript());
    run.stdout
}

#[test]
fn an_export_replays_each_card_and_csv_and_ndjson_agree() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("recall.db");
    let store = make_log(&db);

    let csv = export(&db, "csv");
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 5);
    let field = |row: &csv::StringRecord, name: &str| {
        let i = header.iter().position(|h| h == name).unwrap();
        row[i].to_owned()
    };
    let order: Vec<(String, String, String, String)> = rows
        .iter()
        .map(|r| {
            (
                field(r, "question"),
                field(r, "review_th"),
                field(r, "state"),
                field(r, "elapsed_days"),
            )
        })
        .collect();
    let expected = [
        ("q1", "1", "0", "-1"),
        ("q2", "2", "0", "-1"),
        ("q1", "3", "1", "2"),
        ("q2", "4", "1", "2"),
        ("q1", "5", "2", "2"),
    ]
    .map(|(a, b, c, d)| (a.to_owned(), b.to_owned(), c.to_owned(), d.to_owned()));
    assert_eq!(
        order, expected,
        "time order, states before, whole days since"
    );
    assert_eq!(field(&rows[2], "elapsed_seconds"), "216000");
    assert_eq!(field(&rows[0], "answer"), "an answer, \"quoted\", to q1");

    // The last review of each question leaves the card the store holds.
    for (question, row) in [("q1", &rows[4]), ("q2", &rows[3])] {
        let card = store.card(&QuestionKey::new("b", question)).unwrap();
        let stability: f64 = field(row, "stability_after").parse().unwrap();
        assert_eq!(Some(stability), card.stability(), "{question}");
        let due = DateTime::parse_from_rfc3339(&field(row, "due_after")).unwrap();
        assert_eq!(Some(due.with_timezone(&Utc)), card.due, "{question}");
    }
    // A review that did not reschedule leaves the card as it was.
    assert_eq!(field(&rows[3], "rescheduled"), "false");
    assert_eq!(
        field(&rows[3], "stability_before"),
        field(&rows[3], "stability_after")
    );

    let ndjson = export(&db, "ndjson");
    let objects: Vec<serde_json::Value> = ndjson
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    assert_eq!(objects.len(), 5);
    for (object, row) in objects.iter().zip(&rows) {
        let mut keys: Vec<&String> = object.as_object().unwrap().keys().collect();
        let mut columns: Vec<&String> = header.iter().collect();
        keys.sort();
        columns.sort();
        assert_eq!(keys, columns, "the same columns");
        for name in [
            "question",
            "reviewed_at",
            "rating",
            "state_after",
            "due_after",
        ] {
            let value = &object[name];
            let text = match value {
                serde_json::Value::String(s) => s.clone(),
                serde_json::Value::Null => String::new(),
                other => other.to_string(),
            };
            assert_eq!(text, field(row, name), "{name}");
        }
        let stability = field(row, "stability_after").parse::<f64>().ok();
        assert_eq!(object["stability_after"].as_f64(), stability);
    }
}

#[test]
fn a_parquet_export_is_written_whole_to_its_file() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("recall.db");
    make_log(&db);
    let out = dir.path().join("reviews.parquet");
    let run = Recall::new()
        .env("RECALL_DB", &db)
        .env("RECALL_NOW", NOW)
        .args(["log", "export", "--format", "parquet", "-o"])
        .arg(&out)
        .run();
    assert_eq!(run.code, 0, "{}", run.transcript());
    assert_eq!(
        run.stderr,
        format!("wrote 5 reviews to {}\n", out.display())
    );
    let bytes = std::fs::read(&out).unwrap();
    assert!(bytes.starts_with(b"PAR1") && bytes.ends_with(b"PAR1"));
    let left: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.contains(".tmp"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}
