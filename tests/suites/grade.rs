//! `recall grade` and `recall test` over the fixture banks under `tests/fixtures/grade/`
//! and the shipped banks, and the grader's breakdowns of the shipped bank's examples.

use crate::util::{Recall, Run, root};
use recall::bank::Bank;
use recall::grade::{Grader, explain};

fn recall() -> Recall {
    // Relative paths keep file names in the snapshots the same on every machine.
    Recall::new().current_dir(root())
}

/// `recall grade` of the fixture bank with `tests/fixtures/grade/<csv>` and `extra` args.
fn grade_csv(csv: &str, extra: &[&str]) -> Run {
    grade_file(format!("tests/fixtures/grade/{csv}"), extra)
}

/// `recall grade` of the fixture bank with the responses at `path` and `extra` args.
fn grade_file(path: impl AsRef<std::ffi::OsStr>, extra: &[&str]) -> Run {
    recall()
        .args(["grade", "tests/fixtures/grade/bank.toml", "--responses"])
        .arg(path)
        .args(extra)
        .run()
}

fn shipped_bank() -> Bank {
    let path = root().join("banks/docker/mod-docker-04.toml");
    let (bank, diagnostics) = recall::bank::load_file(&path).expect("read the shipped bank");
    bank.unwrap_or_else(|| panic!("the shipped bank is invalid: {diagnostics:?}"))
}

#[test]
fn the_shipped_banks_pass_their_own_tests() {
    let run = recall().args(["test", "banks"]).run();
    assert_eq!(run.code, 0, "{}", run.transcript());
    assert!(run.stdout.ends_with(": 0 failed\n"), "{}", run.transcript());
}

#[test]
fn the_fixture_bank_passes_its_tests() {
    let run = recall()
        .args(["test", "tests/fixtures/grade/bank.toml"])
        .run();
    insta::assert_snapshot!(run.transcript(), @r"
    exit: 0
    --- stdout
    tested 2 text questions (2 model answers, 5 examples): 0 failed
    ");
}

#[test]
fn a_wrong_example_fails_with_its_breakdown() {
    let run = recall()
        .args(["test", "tests/fixtures/grade/wrong-example"])
        .run();
    insta::assert_snapshot!(run.transcript(), @r#"
    exit: 1
    --- stdout
    tests/fixtures/grade/wrong-example/bank.toml:6:1: warning in wrong/port: no example that should fail: `recall test` cannot show that the rubric refuses a wrong answer
      |
    6 | [[question]]
      | ^
      = help: add an example with a typical wrong answer and expect = "fail"

    FAIL wrong/port example 2: expected pass, got fail (score 0%)
      answer: map 80 to 8080 with the publish flag
      note: the author thinks this is enough, but the rubric wants the flag itself
      FAIL  score 0% (pass mark 50%)
        - -p (required)  missing
        - 8080:80        missing
        why: missing required concept `-p`; score 0% is below the pass mark 50%

    tested 1 text question (1 model answer, 2 examples): 1 failed
    "#);
}

#[test]
fn grading_a_csv_with_expected_verdicts() {
    let run = grade_csv("responses.csv", &[]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    insta::assert_snapshot!(run.transcript());
}

#[test]
fn a_disagreement_with_expected_exits_1_and_reports_correlation() {
    let run = grade_csv("disagree.csv", &["--format", "csv"]);
    insta::assert_snapshot!(run.transcript(), @r#"
    exit: 1
    --- stdout
    line,question,score,pass,matched,missed,expected
    2,grading/volume,1.000,pass,daemon; persist,,1
    3,grading/volume,0.333,fail,daemon,persist,0.8
    4,grading/tmpfs,0.378,fail,memory,host; never written; never disk; vanishes; container; stops,0.2
    --- stderr
    accuracy 2/3 (67%)
    missed positives (expected pass, graded fail): 1 (line 3)
    missed negatives (expected fail, graded pass): 0
    Pearson correlation of score and expected: 0.649
    "#);
}

#[test]
fn json_rows_have_question_score_pass_matched_and_missed() {
    let run = grade_csv("responses.csv", &["--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    let rows: serde_json::Value = serde_json::from_str(&run.stdout).expect("json output");
    let rows = rows.as_array().expect("an array");
    assert_eq!(rows.len(), 4);
    assert_eq!(rows[1]["question"], "grading/volume");
    assert_eq!(rows[1]["pass"], false);
    assert_eq!(rows[1]["matched"], serde_json::json!(["persist"]));
    assert_eq!(rows[1]["missed"], serde_json::json!(["daemon"]));
    assert_eq!(rows[1]["grade"]["forbidden"][0]["term"], "bind mount");
    assert!(rows[0]["score"].as_f64().is_some_and(|s| s == 1.0));
}

#[test]
fn a_malformed_csv_names_the_line() {
    let run = grade_csv("malformed.csv", &[]);
    insta::assert_snapshot!(run.transcript(), @r#"
    exit: 2
    --- stderr
    error: tests/fixtures/grade/malformed.csv:3: this row has 3 fields but the header has 2; quote a response that contains commas ("like, this")
    "#);
}

#[test]
fn an_unknown_question_names_the_line_and_suggests() {
    let run = grade_csv("unknown.csv", &[]);
    insta::assert_snapshot!(run.transcript(), @r"
    exit: 2
    --- stderr
    error: tests/fixtures/grade/unknown.csv:3: bank `grading` has no question `volumes`; did you mean `grading/volume`?
    ");
}

/// A spreadsheet writes CSV with CRLF line endings: the rows keep their own line numbers
/// (the csv crate's run one behind there), in the verdicts and in an error.
#[test]
fn a_csv_with_crlf_line_endings_names_the_right_lines() {
    let dir = tempfile::tempdir().expect("temp dir");
    let csv = dir.path().join("r.csv");
    let rows = "question,response,expected\r\n\
                grading/volume,\"managed by the daemon, persists\",pass\r\n\
                grading/tmpfs,\"kept in RAM\r\nnever on disk\",pass\r\n\
                grading/volume,persists,pass\r\n";
    std::fs::write(&csv, rows).expect("write csv");
    let graded = grade_file(&csv, &["--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&graded.stdout).expect("json output");
    let lines: Vec<_> = json
        .as_array()
        .expect("an array")
        .iter()
        .map(|row| row["line"].clone())
        .collect();
    assert_eq!(lines, [2, 3, 5], "{}", graded.transcript());

    std::fs::write(&csv, format!("{rows}grading/tmpfs,in RAM,maybe\r\n")).expect("write csv");
    let run = grade_file(&csv, &[]);
    assert_eq!(run.code, 2, "{}", run.transcript());
    assert!(
        run.stderr.contains("r.csv:6: expected \"maybe\""),
        "{}",
        run.transcript()
    );
}

/// Piped or redirected, the report keeps each line whole (one line per response, for
/// `grep`); at a terminal it folds between words (`terminal::grade_folds_...`).
#[test]
fn a_piped_report_keeps_each_line_whole() {
    let dir = tempfile::tempdir().expect("temp dir");
    let csv = dir.path().join("r.csv");
    std::fs::write(
        &csv,
        format!("question,response\ngrading/volume,\"{LONG_RESPONSE}\"\n"),
    )
    .expect("write csv");
    let run = grade_file(&csv, &[]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    let line = format!("  response: {LONG_RESPONSE}");
    assert!(run.stdout.lines().any(|l| l == line), "{}", run.stdout);
}

/// A response longer than a terminal line.
pub const LONG_RESPONSE: &str = "The volume is created and managed by the Docker daemon under \
    its own storage area, and it persists after the container is removed, unlike a writable \
    layer that goes away with the container that wrote to it";

#[test]
fn a_csv_without_the_columns_says_which_are_needed() {
    let dir = tempfile::tempdir().expect("temp dir");
    let csv = dir.path().join("r.csv");
    std::fs::write(&csv, "id,answer\nvolume,persists\n").expect("write csv");
    let run = grade_file(&csv, &[]);
    assert_eq!(run.code, 2, "{}", run.transcript());
    assert!(
        run.stderr
            .contains(":1: the header must name the columns `question` and `response`"),
        "{}",
        run.transcript()
    );
}

/// The breakdown of every example of the shipped bank, so a change in the grader or
/// the bank shows in review.
#[test]
fn shipped_bank_example_breakdowns() {
    let bank = shipped_bank();
    let grader = Grader::new(std::slice::from_ref(&bank));
    let mut out = String::new();
    for question in bank.questions.iter().filter(|q| q.is_text()) {
        for (i, example) in question.examples.iter().enumerate() {
            let grade = grader.grade(&bank, question, &example.answer);
            assert!(
                example.expect.is_met_by(grade.passed, grade.score),
                "{} example {}\n{}",
                question.id,
                i + 1,
                explain(&grade)
            );
            out.push_str(&format!(
                "## {} example {} (expect {})\n{}\n{}\n",
                question.id,
                i + 1,
                example.expect,
                example.answer.trim(),
                explain(&grade)
            ));
        }
    }
    insta::assert_snapshot!(out);
}

#[test]
fn a_learner_in_their_own_words_with_a_typo_passes() {
    let bank = shipped_bank();
    let grader = Grader::new(std::slice::from_ref(&bank));
    let answers = [
        (
            "why-container-layer-is-ephemeral",
            "Whatever you write goes into the container's own writable layr, which is bound to \
             that container, so it is thrown away with it. Keep the data in a volume instead.",
        ),
        (
            "none-driver-interfaces",
            "Just the loopback device, nothing else, so it is totaly isolated; handy for \
             security-sensitive jobs.",
        ),
    ];
    for (id, answer) in answers {
        let question = bank
            .questions
            .iter()
            .find(|q| q.id == id)
            .unwrap_or_else(|| panic!("the shipped bank has no question {id}"));
        let grade = grader.grade(&bank, question, answer);
        assert!(grade.passed, "{id}: {answer}\n{}", explain(&grade));
    }
}

#[test]
fn a_list_of_a_shipped_rubrics_terms_fails() {
    // Each text question's concepts, by their first alternatives, strung together with
    // spaces or commas: an answer that says nothing of its own. A list of under three
    // words is a terse answer, and a term that is itself a negation ("not attached")
    // brings a word of grammar with it, so those are left out.
    let mut checked = 0;
    for file in [
        "mod-docker-01",
        "mod-docker-02",
        "mod-docker-03",
        "mod-docker-04",
    ] {
        let path = root().join(format!("banks/docker/{file}.toml"));
        let (bank, diagnostics) = recall::bank::load_file(&path).expect("read the shipped bank");
        let bank = bank.unwrap_or_else(|| panic!("{file} is invalid: {diagnostics:?}"));
        let grader = Grader::new(std::slice::from_ref(&bank));
        for question in bank.questions.iter().filter(|q| q.is_text()) {
            let Some(rubric) = &question.rubric else {
                continue;
            };
            let terms: Vec<String> = rubric
                .concepts
                .iter()
                .map(|c| match &c.relation {
                    Some(r) => r
                        .terms
                        .iter()
                        .map(|t| t[0].clone())
                        .collect::<Vec<_>>()
                        .join(" "),
                    None => c.alternatives[0].clone(),
                })
                .collect();
            let words = terms.iter().flat_map(|t| t.split_whitespace()).count();
            let negated = terms.iter().flat_map(|t| t.split_whitespace()).any(|w| {
                matches!(
                    w.to_lowercase().as_str(),
                    "not" | "no" | "never" | "without" | "none"
                )
            });
            if words < 3 || negated {
                continue;
            }
            for list in [terms.join(" "), terms.join(", ")] {
                let grade = grader.grade(&bank, question, &list);
                assert!(
                    !grade.passed,
                    "{}: {list}\n{}",
                    question.id,
                    explain(&grade)
                );
            }
            checked += 1;
        }
    }
    assert!(checked >= 40, "only {checked} questions checked");
}

#[test]
fn the_round_15_lexicon_pairs_stand_for_each_other_and_nothing_else() {
    // Each pair on subjects of its own, the keyword in one spelling and the answer in the
    // other, and a near word that is no such equivalent.
    let cases = [
        (
            "A hash index is faster than a scan for equality lookups.",
            "faster",
            "For an equality lookup the hash index is quicker than a full scan.",
            "For an equality lookup the hash index is slower than a full scan.",
        ),
        (
            "The kernel caps the pool at its maximum size.",
            "maximum",
            "The pool grows up to its max size and no further.",
            "The pool shrinks down to its minimum size and no further.",
        ),
        (
            "During a network partition the minority side stops serving writes.",
            "network partition",
            "When the network split happens the minority side stops serving writes.",
            "When the disk partition fills up the minority side stops serving writes.",
        ),
    ];
    for (model, keyword, right, wrong) in cases {
        let source = format!(
            "[bank]\nid = \"lexicon15\"\ntitle = \"Lexicon\"\n\n[[question]]\nid = \"q\"\n\
             kind = \"short_answer\"\nprompt = \"Explain.\"\nmodel_answer = \"{model}\"\n\
             keywords = [{{ any = [\"{keyword}\"], required = true }}]\n"
        );
        let (bank, diagnostics) = recall::bank::load_str(std::path::Path::new("l.toml"), &source);
        let bank = bank.unwrap_or_else(|| panic!("{diagnostics:?}"));
        let grader = Grader::new(std::slice::from_ref(&bank));
        let question = &bank.questions[0];
        let grade = grader.grade(&bank, question, right);
        assert!(grade.passed, "{keyword}: {right}\n{}", explain(&grade));
        let grade = grader.grade(&bank, question, wrong);
        assert!(!grade.passed, "{keyword}: {wrong}\n{}", explain(&grade));
    }
}
