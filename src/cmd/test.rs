//! `recall test`: check every rubric against its author's examples and its own model
//! answer, and show the concept breakdown of each failure.

use super::args::BankPaths;
use super::{CommandError, Context, Outcome};
use crate::bank::{Bank, Expect, Question};
use crate::cmd::check::plural;
use crate::grade::{Grade, Grader, explain};
use crate::text::sanitize;
use std::io::Write;

/// Test the banks' rubrics against their examples and model answers
///
/// Every `[[question.example]]` must get the verdict it expects (`pass`, `fail`, or a score range), and every text question's own
/// `model_answer` must pass its own rubric (the author's keywords, or the rubric derived
/// from the model answer) without making one of its known misconceptions.
///
/// The author lints are printed first, as warnings: a required concept with a single
/// alternative, a pass mark that half the weight reaches with nothing required, a
/// keyword the model answer states only under a negation, a question with no example
/// that should fail, and a bank whose right answers are mostly the longest choice.
///
/// Each failure is printed with the concept-by-concept breakdown of its grade: which
/// concepts matched (and with which words), which were missing or only found under a
/// negation, and why the answer failed. Exits 0 when everything passes, 1 when anything
/// fails, 2 when a bank cannot be loaded.
///
/// Example: recall test banks/docker/mod-docker-04.toml
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The banks to test.
    #[command(flatten)]
    pub paths: BankPaths,
}

/// One check that did not come out as expected.
struct Failure<'a> {
    bank: &'a Bank,
    question: &'a Question,
    /// What was checked: "model answer" or "example 2".
    what: String,
    answer: &'a str,
    expected: Expect,
    note: Option<&'a str>,
    grade: Grade,
}

/// Runs `recall test`.
pub fn run(ctx: &Context, args: Args) -> Result<Outcome, CommandError> {
    let library = ctx.load_valid_banks(&args.paths)?;
    let grader = Grader::new(&library.banks);
    let mut failures = Vec::new();
    let (mut questions, mut examples) = (0usize, 0usize);
    for (bank, question) in library
        .questions_and_follow_ups()
        .filter(|(_, q)| q.is_text())
    {
        questions += 1;
        if let Some(model) = question.model_answer.as_deref() {
            let grade = grader.grade(bank, question, model);
            if !grade.passed {
                failures.push(Failure {
                    bank,
                    question,
                    what: "model answer".to_owned(),
                    answer: model,
                    expected: Expect::Pass,
                    note: None,
                    grade,
                });
            }
        }
        for (i, example) in question.examples.iter().enumerate() {
            examples += 1;
            let grade = grader.grade(bank, question, &example.answer);
            if !example.expect.is_met_by(grade.passed, grade.score) {
                failures.push(Failure {
                    bank,
                    question,
                    what: format!("example {}", i + 1),
                    answer: &example.answer,
                    expected: example.expect,
                    note: example.note.as_deref(),
                    grade,
                });
            }
        }
    }
    let mut out = crate::style::stdout();
    // The author lints (`recall check` prints them too): doubtful rubrics, examples
    // that test nothing, choices guessable by their length.
    let width = crate::text::report_width();
    for warning in library.diagnostics.iter().filter(|d| !d.is_error()) {
        writeln!(out, "{}\n", warning.render_styled(width))?;
    }
    for failure in &failures {
        writeln!(out, "{}\n", report(failure, width))?;
    }
    writeln!(
        out,
        "tested {questions} text question{} ({questions} model answer{}, {examples} example{}): {} failed",
        plural(questions),
        plural(questions),
        plural(examples),
        failures.len()
    )?;
    Ok(if failures.is_empty() {
        Outcome::Success
    } else {
        Outcome::Failure
    })
}

/// A failed model answer or example with its breakdown, each line folded to `width`
/// under itself.
fn report(failure: &Failure, width: usize) -> String {
    let got = if failure.grade.passed { "pass" } else { "fail" };
    let mut text = format!(
        "FAIL {}/{} {}: expected {}, got {} (score {:.0}%)\n",
        failure.bank.id,
        failure.question.id,
        failure.what,
        failure.expected,
        got,
        failure.grade.score * 100.0
    );
    text.push_str(&indent(&format!("answer: {}", failure.answer.trim()), "  "));
    if let Some(note) = failure.note {
        text.push_str(&indent(&format!("note: {}", note.trim()), "  "));
    }
    text.push_str(&indent(&explain(&failure.grade), "  "));
    let styled = crate::style::breakdown(&sanitize(text.trim_end()));
    crate::text::wrap_lines_hanging(&styled, width)
}

/// Every line of `text` prefixed with `prefix`, ending in a newline.
pub(crate) fn indent(text: &str, prefix: &str) -> String {
    let mut out = String::new();
    for line in text.trim_end().lines() {
        out.push_str(prefix);
        out.push_str(line);
        out.push('\n');
    }
    out
}
