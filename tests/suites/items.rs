//! `recall items` on logs made by real sessions: choices counted by their letter in the
//! bank whatever the screen showed, and the JSON and CSV outputs.

use crate::util::Recall;
use std::path::Path;

const NOW: &str = "2026-11-28T09:00:00Z";

const BANK: &str = r#"
[bank]
id = "shuffle"
title = "Shuffle"

[[question]]
id = "mount"
kind = "multiple_choice"
prompt = "Which mount type persists data?"
choices = ["tmpfs mount", "container layer", "named volume", "pipe"]
answer = "C"
explanation = "A named volume."
"#;

fn recall(dir: &Path) -> Recall {
    Recall::new()
        .env("RECALL_NOW", NOW)
        .env("RECALL_DB", dir.join("recall.db"))
}

fn quiz(dir: &Path, seed: &str, input: &str) -> String {
    let run = recall(dir)
        .arg("quiz")
        .arg(dir.join("bank.toml"))
        .args(["--plain", "--seed", seed])
        .stdin(input)
        .run();
    assert!(run.code <= 1, "{}", run.transcript());
    run.stdout
}

/// The letter the screen shows for `text` in a quiz's transcript (`  B) text`).
fn shown_letter(transcript: &str, text: &str) -> String {
    transcript
        .lines()
        .find_map(|line| line.trim().strip_suffix(text)?.strip_suffix(") "))
        .unwrap_or_else(|| panic!("`{text}` is not shown:\n{transcript}"))
        .to_owned()
}

#[test]
fn picks_are_counted_by_the_choice_in_the_bank_whatever_letter_was_shown() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("bank.toml"), BANK).unwrap();
    // For each seed, see where the choices land, then pick "named volume" (C in the
    // bank) once and "pipe" (D) once by the letters shown.
    let mut shown = Vec::new();
    for seed in ["1", "2", "3", "4"] {
        let screen = quiz(dir.path(), seed, ":quit\n");
        let volume = shown_letter(&screen, "named volume");
        let pipe = shown_letter(&screen, "pipe");
        quiz(dir.path(), seed, &format!("{volume}\n"));
        quiz(dir.path(), seed, &format!("{pipe}\n"));
        shown.push(volume);
    }
    shown.sort();
    shown.dedup();
    assert!(shown.len() > 1, "the seeds shuffle the choices: {shown:?}");

    let run = recall(dir.path())
        .arg("items")
        .arg(dir.path().join("bank.toml"))
        .arg("--json")
        .run();
    assert_eq!(run.code, 0, "{}", run.transcript());
    let report: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let item = &report["items"][0];
    assert_eq!(item["attempts"], 8);
    let picks: Vec<(String, u64)> = item["choices"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["letter"].as_str().unwrap().to_owned(),
                c["picks"].as_u64().unwrap(),
            )
        })
        .collect();
    let expected = [("A", 0), ("B", 0), ("C", 4), ("D", 4)].map(|(l, n)| (l.to_owned(), n));
    assert_eq!(picks, expected);
    assert_eq!(item["facility"], 0.5);
    assert_eq!(report["units"], "sessions");

    let csv = recall(dir.path())
        .arg("items")
        .arg(dir.path().join("bank.toml"))
        .arg("--csv")
        .run();
    assert_eq!(csv.code, 0, "{}", csv.transcript());
    let mut lines = csv.stdout.lines();
    assert_eq!(
        lines.next(),
        Some(
            "bank,question,version,current,kind,attempts,learners,units,facility,right,\
             correlation,efficiency,upper_lower,median_ms,choices,concepts,flags,reasons"
        )
    );
    let row = lines.next().unwrap();
    assert!(
        row.starts_with("shuffle,mount,") && row.contains(",A:0;B:0;C:4;D:4,"),
        "{row}"
    );
}

#[test]
fn an_edit_starts_a_new_version_and_keeps_the_schedule() {
    let dir = tempfile::tempdir().unwrap();
    let bank = dir.path().join("bank.toml");
    std::fs::write(&bank, BANK).unwrap();
    let drill = |now: &str, input: &str| {
        let run = recall(dir.path())
            .env("RECALL_NOW", now)
            .arg("drill")
            .arg(&bank)
            .args(["--plain", "--seed", "1"])
            .stdin(input)
            .run();
        assert_eq!(run.code, 0, "{}", run.transcript());
        run.stdout
    };
    let volume = |screen: &str| shown_letter(screen, "named volume");
    let screen = drill(NOW, ":quit\n");
    drill(NOW, &format!("{}\n\n", volume(&screen)));
    // The author fixes a typo in the prompt: a new version of the same question.
    std::fs::write(&bank, BANK.replace("persists data?", "keeps data?")).unwrap();
    let later = "2027-03-01T09:00:00Z";
    let screen = drill(later, ":quit\n");
    assert!(screen.contains("keeps data?"), "{screen}");
    drill(later, &format!("{}\n\n", volume(&screen)));

    let card = recall(dir.path())
        .env("RECALL_NOW", later)
        .args(["card", "shuffle/mount", "--json"])
        .run();
    let card: serde_json::Value = serde_json::from_str(&card.stdout).unwrap();
    assert_eq!(
        card["reps"], 2,
        "the schedule follows the question id: {card}"
    );

    let run = recall(dir.path())
        .arg("items")
        .arg(&bank)
        .arg("--json")
        .run();
    let report: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let versions: Vec<(bool, u64)> = report["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            (
                i["current"].as_bool().unwrap(),
                i["attempts"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        versions,
        [(true, 1), (false, 1)],
        "the current version first"
    );
    let old = &report["items"][1];
    assert_eq!(
        old["choices"][2]["right"], true,
        "only the prompt changed: the key is known"
    );
}

const TEXT_BANK: &str = r#"
[bank]
id = "text"
title = "Text"

[[question]]
id = "keep"
kind = "short_answer"
prompt = "How do you keep a database's files when its container goes?"
model_answer = "A volume, which persists."
keywords = ["volume", "persist"]
pass = 0.5
"#;

/// `recall items --json` of the database `db` (and `extra` arguments), read.
fn items_of(dir: &Path, db: &Path, extra: &[&str]) -> serde_json::Value {
    let run = recall(dir)
        .env("RECALL_DB", db)
        .arg("items")
        .arg(dir.join("bank.toml"))
        .arg("--json")
        .args(extra)
        .run();
    assert_eq!(run.code, 0, "{}", run.transcript());
    serde_json::from_str(&run.stdout).expect("JSON")
}

/// Per concept of the first item of `report`: its label and how many answers matched,
/// missed and negated it.
fn concept_counts(report: &serde_json::Value) -> Vec<(String, u64, u64, u64)> {
    report["items"][0]["concepts"]
        .as_array()
        .expect("concepts")
        .iter()
        .map(|c| {
            let count = |name: &str| c[name].as_u64().expect("a count");
            (
                c["label"].as_str().expect("a label").to_owned(),
                count("matched"),
                count("missed"),
                count("negated"),
            )
        })
        .collect()
}

/// The `concepts` column of the log of `db`, in the order of the reviews.
fn recorded(db: &Path) -> Vec<Option<String>> {
    let connection = rusqlite::Connection::open(db).expect("open");
    let mut statement = connection
        .prepare("SELECT concepts FROM review ORDER BY id")
        .expect("prepare");
    statement
        .query_map([], |row| row.get(0))
        .expect("query")
        .collect::<Result<_, _>>()
        .expect("rows")
}

#[test]
fn concepts_recorded_by_a_session_are_counted_and_travel_with_the_log() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("bank.toml"), TEXT_BANK).unwrap();
    let db = dir.path().join("recall.db");
    for answer in ["a volume persists data", "a volume", "a bind mount"] {
        quiz(dir.path(), "1", &format!("{answer}\n\n"));
    }
    // Each answer's concepts (volume, persist) as the session's grading found them.
    let as_graded = ["mm", "m.", ".."].map(|c| Some(c.to_owned()));
    assert_eq!(recorded(&db), as_graded);
    let counts = concept_counts;
    let graded = vec![
        ("volume".to_owned(), 2, 1, 0),
        ("persist".to_owned(), 1, 2, 0),
    ];
    assert_eq!(counts(&items_of(dir.path(), &db, &[])), graded);
    assert_eq!(counts(&items_of(dir.path(), &db, &["--regrade"])), graded);

    // What was recorded is what counts, not what this recall's grader would say now
    // (an older grader graded "a bind mount" as stating both, say). The log is
    // append-only: this test rewrites a row behind recall's back, and removes the
    // log's columns beside the database, which take rows never to change.
    let connection = rusqlite::Connection::open(&db).unwrap();
    connection
        .execute_batch(
            "DROP TRIGGER review_is_append_only; \
             UPDATE review SET concepts = 'mm' WHERE answer = 'a bind mount'; \
             CREATE TRIGGER review_is_append_only BEFORE UPDATE ON review \
             BEGIN SELECT RAISE(ABORT, 'the review log is append-only'); END;",
        )
        .unwrap();
    drop(connection);
    std::fs::remove_file(dir.path().join("recall.db.log-columns")).unwrap();
    let older = vec![
        ("volume".to_owned(), 3, 0, 0),
        ("persist".to_owned(), 2, 1, 0),
    ];
    assert_eq!(counts(&items_of(dir.path(), &db, &[])), older);
    // `--regrade` grades every answer again with this recall's grader.
    assert_eq!(counts(&items_of(dir.path(), &db, &["--regrade"])), graded);

    // An export carries them into another database, and `--log` reads them.
    let export = dir.path().join("log.csv");
    let run = recall(dir.path())
        .args(["log", "export", "-o"])
        .arg(&export)
        .run();
    assert_eq!(run.code, 0, "{}", run.transcript());
    let fresh = dir.path().join("fresh.db");
    let import = |db: &Path, file: &Path| {
        let run = recall(dir.path())
            .env("RECALL_DB", db)
            .args(["log", "import", "--same-learner"])
            .arg(file)
            .run();
        assert_eq!(run.code, 0, "{}", run.transcript());
    };
    import(&fresh, &export);
    assert_eq!(recorded(&fresh), recorded(&db));
    assert_eq!(counts(&items_of(dir.path(), &fresh, &[])), older);
    let export_arg = export.to_str().unwrap();
    assert_eq!(
        counts(&items_of(dir.path(), &db, &["--log", export_arg])),
        older
    );

    // An export written before the column imports, and its answers are graded again.
    let csv = std::fs::read_to_string(&export).unwrap();
    assert!(csv.lines().next().unwrap().ends_with(",hints,concepts"));
    let old: String = csv
        .lines()
        .map(|line| format!("{}\n", &line[..line.rfind(',').unwrap()]))
        .collect();
    let old_export = dir.path().join("old.csv");
    std::fs::write(&old_export, old).unwrap();
    let from_old = dir.path().join("from-old.db");
    import(&from_old, &old_export);
    assert_eq!(recorded(&from_old), [None, None, None]);
    assert_eq!(counts(&items_of(dir.path(), &from_old, &[])), graded);
}
