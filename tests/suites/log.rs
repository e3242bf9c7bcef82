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
/// without rescheduling; the n-th answer (from 0) took n % 3 hints.
fn make_log(db: &Path) -> Store {
    let mut store = Store::open(db).expect("open the store");
    let scheduler = scheduler();
    let mut at = start();
    for (n, (question, rating, reschedules)) in [
        ("q1", Rating::Good, true),
        ("q2", Rating::Hard, true),
        ("q1", Rating::Good, true),
        ("q2", Rating::Good, false),
        ("q1", Rating::Again, true),
    ]
    .into_iter()
    .enumerate()
    {
        let review = NewReview {
            key: QuestionKey::new("b", question),
            mode: if reschedules { Mode::Drill } else { Mode::Quiz },
            answer: format!("an answer, \"quoted\", to {question}"),
            choice_order: Vec::new(),
            score: Some(0.75),
            suggested: Some(rating),
            rating,
            duration_ms: 1500,
            reschedules,
            version: None,
            hints: n as u32 % 3,
            concepts: None,
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
    let hints: Vec<String> = rows.iter().map(|r| field(r, "hints")).collect();
    assert_eq!(
        hints,
        ["0", "1", "2", "0", "1"],
        "the hints taken, in time order"
    );

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

fn recall(db: &Path) -> Recall {
    Recall::new().env("RECALL_DB", db).env("RECALL_NOW", NOW)
}

fn export_to(db: &Path, file: &Path) {
    let run = recall(db).args(["log", "export", "-o"]).arg(file).run();
    assert_eq!(run.code, 0, "{}", run.transcript());
}

fn import(db: &Path, files: &[&Path], same_learner: bool) -> crate::util::Run {
    let mut command = recall(db).args(["log", "import"]).args(files);
    if same_learner {
        command = command.arg("--same-learner");
    }
    command.run()
}

/// The cards of `db`, keyed, for comparing two databases.
fn cards(db: &Path) -> Vec<(QuestionKey, String)> {
    let store = Store::open(db).expect("open");
    let mut cards: Vec<(QuestionKey, String)> = store
        .cards()
        .expect("cards")
        .into_iter()
        .map(|(key, card)| (key, format!("{card:?}")))
        .collect();
    cards.sort();
    cards
}

/// `db`'s export as text, for comparing two databases.
fn exported(db: &Path) -> String {
    export(db, "csv")
}

fn study(db: &Path, question: &str, rating: Rating, at: DateTime<Utc>) {
    let mut store = Store::open(db).expect("open");
    let review = NewReview {
        key: QuestionKey::new("b", question),
        mode: Mode::Drill,
        answer: "answer".to_owned(),
        choice_order: Vec::new(),
        score: Some(1.0),
        suggested: Some(rating),
        rating,
        duration_ms: 900,
        reschedules: true,
        hints: 0,
        concepts: None,
        version: Some("0123456789abcdef".to_owned()),
    };
    store.record(&review, &scheduler(), at).expect("record");
}

#[test]
fn an_export_imported_into_an_empty_database_gives_the_same_reviews_and_cards() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a.db"), dir.path().join("b.db"));
    make_log(&a);
    for format in ["csv", "ndjson", "parquet"] {
        let file = dir.path().join(format!("a.{format}"));
        let run = recall(&a)
            .args(["log", "export", "--format", format, "-o"])
            .arg(&file)
            .run();
        assert_eq!(run.code, 0, "{}", run.transcript());
        let fresh = dir.path().join(format!("from-{format}.db"));
        let run = import(&fresh, &[&file], true);
        assert_eq!(run.code, 0, "{}", run.transcript());
        assert!(run.stdout.contains("5 new, 0 already"), "{}", run.stdout);
        assert_eq!(exported(&fresh), exported(&a), "{format}");
        assert_eq!(cards(&fresh), cards(&a), "{format}");
    }
    // Without --same-learner, the reviews are another learner's: kept, not scheduled.
    let file = dir.path().join("a.csv");
    let run = import(&b, &[&file], false);
    assert_eq!(run.code, 0, "{}", run.transcript());
    assert!(
        run.stdout.contains("kept apart from your schedule"),
        "{}",
        run.stdout
    );
    assert!(cards(&b).is_empty());
    assert_eq!(exported(&b).lines().count(), 6);
}

#[test]
fn two_devices_that_exchange_exports_converge_and_a_second_import_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a.db"), dir.path().join("b.db"));
    let (to_b, to_a) = (dir.path().join("a.csv"), dir.path().join("b.csv"));
    // Device a studies, then b joins as the same learner.
    make_log(&a);
    export_to(&a, &to_b);
    assert_eq!(import(&b, &[&to_b], true).code, 0);
    // Both study offline: the same question and different ones, interleaved in time.
    let later = start() + TimeDelta::days(20);
    study(&a, "q1", Rating::Good, later);
    study(&b, "q1", Rating::Hard, later + TimeDelta::hours(2));
    study(&b, "q3", Rating::Good, later + TimeDelta::hours(3));
    study(&a, "q2", Rating::Again, later + TimeDelta::hours(4));
    // They exchange exports, both ways.
    export_to(&a, &to_b);
    export_to(&b, &to_a);
    let run = import(&a, &[&to_a], false);
    assert_eq!(run.code, 0, "{}", run.transcript());
    assert!(run.stdout.contains("2 new"), "{}", run.stdout);
    assert!(
        run.stdout.contains("2 of the new reviews are yours"),
        "{}",
        run.stdout
    );
    assert_eq!(import(&b, &[&to_b], false).code, 0);
    assert_eq!(exported(&a), exported(&b), "the same log");
    assert_eq!(cards(&a), cards(&b), "the same schedule");
    assert_eq!(cards(&a).len(), 3);

    // Importing again adds nothing and changes nothing.
    let (log, schedule) = (exported(&a), cards(&a));
    let run = import(&a, &[&to_a, &to_b], false);
    assert_eq!(run.code, 0, "{}", run.transcript());
    assert!(
        run.stdout.contains(": 0 new, 14 already in the log."),
        "{}",
        run.stdout
    );
    assert!(!run.stdout.contains("Rebuilt"), "{}", run.stdout);
    assert_eq!((exported(&a), cards(&a)), (log, schedule));
}

#[test]
fn a_foreign_or_damaged_export_is_refused_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a.db"), dir.path().join("b.db"));
    make_log(&a);
    let good = dir.path().join("good.csv");
    export_to(&a, &good);
    let text = std::fs::read_to_string(&good).unwrap();

    let foreign = dir.path().join("foreign.csv");
    std::fs::write(
        &foreign,
        "card_id,review_time,review_rating\n1,1700000000000,3\n",
    )
    .unwrap();
    let damaged = dir.path().join("damaged.csv");
    let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
    lines[2] = lines[2].replacen(",drill,", ",exam,", 1);
    lines[4] = lines[4].replace(&lines[4][..36], "not-a-uuid");
    std::fs::write(&damaged, lines.join("\n") + "\n").unwrap();
    let cut = dir.path().join("cut.parquet");
    let run = recall(&a)
        .args(["log", "export", "--format", "parquet", "-o"])
        .arg(&cut)
        .run();
    assert_eq!(run.code, 0);
    let bytes = std::fs::read(&cut).unwrap();
    std::fs::write(&cut, &bytes[..bytes.len() / 2]).unwrap();
    let empty = dir.path().join("empty.ndjson");
    std::fs::write(&empty, "").unwrap();

    for (file, expected) in [
        (
            &foreign,
            "foreign.csv is not a recall log export (it has no column `uuid`",
        ),
        (
            &damaged,
            "damaged.csv is a damaged recall log export (2 problems):",
        ),
        (&cut, "cut.parquet is a damaged recall log export"),
        (
            &empty,
            "empty.ndjson is not a recall log export (it is empty)",
        ),
    ] {
        // The good file first: nothing of it is kept either.
        let run = import(&b, &[&good, file], true);
        assert_eq!(run.code, 2, "{}", run.transcript());
        assert!(run.stderr.contains(expected), "{}", run.stderr);
        assert!(cards(&b).is_empty());
        let store = Store::open(&b).unwrap();
        assert_eq!(store.review_count().unwrap(), 0, "{}", file.display());
    }
    let run = import(&b, &[&damaged], false);
    assert!(
        run.stderr.contains("line 3: `mode` is `exam`"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("line 5: `uuid` is not a UUID"),
        "{}",
        run.stderr
    );
    // The same file with a spreadsheet's CRLF line endings names the same lines.
    let text = std::fs::read_to_string(&damaged).unwrap();
    std::fs::write(&damaged, text.replace('\n', "\r\n")).unwrap();
    let run = import(&b, &[&damaged], false);
    for problem in ["line 3: `mode` is `exam`", "line 5: `uuid` is not a UUID"] {
        assert!(run.stderr.contains(problem), "{}", run.stderr);
    }
}

#[test]
fn an_export_from_before_hints_were_kept_imports_with_no_hints() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.db");
    make_log(&a);
    // The CSV and NDJSON exports as they were written before the `hints` column (and
    // the `concepts` column after it).
    let csv = export(&a, "csv");
    assert!(
        csv.lines()
            .next()
            .unwrap()
            .ends_with(",due_after,hints,concepts")
    );
    let old_csv: String = csv
        .lines()
        .map(|line| {
            let line = &line[..line.rfind(',').unwrap()];
            format!("{}\n", &line[..line.rfind(',').unwrap()])
        })
        .collect();
    let old_ndjson: String = export(&a, "ndjson")
        .lines()
        .map(|line| {
            let mut object: serde_json::Map<String, serde_json::Value> =
                serde_json::from_str(line).unwrap();
            assert!(object.remove("hints").is_some());
            assert!(object.remove("concepts").is_some());
            format!("{}\n", serde_json::Value::Object(object))
        })
        .collect();
    for (name, text) in [("old.csv", old_csv), ("old.ndjson", old_ndjson)] {
        let file = dir.path().join(name);
        std::fs::write(&file, text).unwrap();
        let fresh = dir.path().join(format!("{name}.db"));
        let run = import(&fresh, &[&file], true);
        assert_eq!(run.code, 0, "{name}: {}", run.transcript());
        assert!(run.stdout.contains("5 new, 0 already"), "{}", run.stdout);
        let again = export(&fresh, "csv");
        let mut reader = csv::Reader::from_reader(again.as_bytes());
        let column = reader.headers().unwrap().len() - 2;
        assert_eq!(&reader.headers().unwrap()[column], "hints");
        let hints: Vec<String> = reader
            .records()
            .map(|r| r.unwrap()[column].to_owned())
            .collect();
        assert_eq!(hints, ["0"; 5], "{name}");
    }
}
