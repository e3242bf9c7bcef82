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
