//! Files recall reads from the learner (issue 16): a responses CSV that would be misread
//! is an error with its line, and every unclear message the attack run found names the
//! file, says what is wrong and how to fix it.

use std::path::PathBuf;

use crate::util::{Recall, Run, root};

fn minimal() -> PathBuf {
    root().join("tests/banks/valid/minimal.toml")
}

/// `recall grade` of a responses file holding `text`, against the minimal bank.
fn grade(text: &str) -> (Run, PathBuf, tempfile::TempDir) {
    let dir = tempfile::tempdir().expect("temp dir");
    let responses = dir.path().join("responses.csv");
    std::fs::write(&responses, text).expect("write");
    let run = Recall::new()
        .args(["grade", "--responses"])
        .arg(&responses)
        .arg(minimal())
        .run();
    (run, responses, dir)
}

/// Regression (issue 16): an unclosed quote in a `--responses` CSV silently swallowed
/// the rest of the file ("graded 3 responses" for 49). It is an error naming the line
/// where the quote opens, and nothing is graded.
#[test]
fn an_unclosed_quote_in_a_responses_file_is_an_error_with_its_line() {
    let mut text = String::from("question,response\n");
    for i in 0..48 {
        if i == 3 {
            text.push_str("minimal/volume,\"a volume is managed storage\n");
        } else {
            text.push_str(&format!("minimal/volume,storage {i} the daemon manages\n"));
        }
    }
    let (run, responses, _dir) = grade(&text);
    assert_eq!(run.code, 2, "{}", run.transcript());
    let at = format!("{}:5:", responses.display());
    assert!(run.stderr.contains(&at), "{}", run.transcript());
    assert!(run.stderr.contains("never closed"), "{}", run.transcript());
    assert!(!run.stdout.contains("graded"), "{}", run.transcript());
}

/// Regression (issue 16): the grade summary printed thousands of line numbers on one
/// line. It lists ten and says how many more, and where to see them all.
#[test]
fn the_grade_summary_lists_a_few_lines_and_counts_the_rest() {
    let text = format!(
        "question,response,expected\n{}",
        "minimal/volume,no idea,pass\n".repeat(2_000)
    );
    let (run, _, _dir) = grade(&text);
    assert_eq!(run.code, 1, "{}", run.transcript());
    let summary = run
        .stdout
        .lines()
        .find(|l| l.starts_with("missed positives"))
        .expect("a summary line");
    assert_eq!(
        summary,
        "missed positives (expected pass, graded fail): 2000 (lines 2, 3, 4, 5, 6, 7, 8, 9, \
         10, 11, and 1990 more (`--format csv` has a row for each))"
    );
}

/// Regression (issue 16): unclear messages about the configuration file. A number too
/// large said "as i128, expected i64", invalid UTF-8 had no line or column, and a
/// `--config` path that does not exist was silently ignored.
#[test]
fn configuration_problems_name_the_file_the_place_and_the_fix() {
    let dir = tempfile::tempdir().expect("temp dir");
    let config = |name: &str, bytes: &[u8]| {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).expect("write");
        Recall::new().arg("--config").arg(&path).arg("due").run()
    };
    let huge = config(
        "huge.toml",
        b"[scheduler]\nnew_per_day = 99999999999999999999\n",
    );
    assert_eq!(huge.code, 2, "{}", huge.transcript());
    assert!(
        huge.stderr
            .contains("huge.toml:2:15: error: the number `99999999999999999999` is out of range"),
        "{}",
        huge.transcript()
    );
    assert!(!huge.stderr.contains("i128"), "{}", huge.transcript());

    let latin1 = config("latin1.toml", b"[scheduler]\n# caf\xe9 au lait\n");
    assert_eq!(latin1.code, 2, "{}", latin1.transcript());
    assert!(
        latin1
            .stderr
            .contains("latin1.toml:2:6: error: file is not UTF-8 (invalid byte 0xE9)"),
        "{}",
        latin1.transcript()
    );
    assert!(
        latin1.stderr.contains("save the file as UTF-8"),
        "{}",
        latin1.transcript()
    );

    let missing = dir.path().join("typo.toml");
    let run = Recall::new().arg("--config").arg(&missing).arg("due").run();
    assert_eq!(run.code, 2, "{}", run.transcript());
    assert!(
        run.stderr.contains(&format!(
            "the configuration file {} named with --config does not exist",
            missing.display()
        )),
        "{}",
        run.transcript()
    );
    // Only a file named explicitly must exist: `RECALL_CONFIG` and the default need not.
    let run = Recall::new()
        .env("RECALL_CONFIG", &missing)
        .arg("due")
        .run();
    assert_eq!(run.code, 0, "{}", run.transcript());
}

/// Regression (issue 16): `recall import` was quadratic (80 copies of the seed lesson
/// took 17.7 s, a 20 MB lesson would have taken 25 minutes): each question's rubric
/// gathered the whole bank's word statistics again, and each unanswered question
/// stemmed every sentence of the lesson again. A hundred copies (2.8 MB) import here in
/// seconds; the quadratic importer took minutes on them. (Speed is measured in
/// BENCHMARKS.md, not asserted here.)
#[test]
fn a_large_lesson_imports_in_linear_time() {
    let dir = tempfile::tempdir().expect("temp dir");
    let one = std::fs::read_to_string(root().join("tests/fixtures/lessons/MOD-DOCKER-04.md"))
        .expect("lesson");
    let single = dir.path().join("one.md");
    std::fs::write(&single, &one).expect("write");
    let many = dir.path().join("many.md");
    std::fs::write(&many, one.repeat(100)).expect("write");
    let questions = |lesson: &std::path::Path| -> Vec<String> {
        let run = Recall::new().arg("import").arg(lesson).run();
        assert!(run.code <= 1, "{}", run.transcript());
        run.stdout
            .lines()
            .filter_map(|line| line.strip_prefix("id = "))
            .map(str::to_owned)
            .collect()
    };
    let (one, many) = (questions(&single), questions(&many));
    // The bank id, then the questions: every copy's questions, each with its own id.
    assert_eq!(many.len() - 1, 100 * (one.len() - 1));
    let unique: std::collections::HashSet<&String> = many.iter().collect();
    assert_eq!(unique.len(), many.len());
}
