//! `recall grade`: grade a CSV of responses against the banks' rubrics, and with
//! expected verdicts, measure how well the rubrics agree with a human marker.

use super::args::BankPaths;
use super::{CommandError, Context, Outcome};
use crate::cmd::check::plural;
use crate::cmd::test::indent;
use crate::grade::{Grade, Grader, explain};
use crate::text::sanitize;
use anyhow::{Context as _, Result, anyhow, bail};
use serde::Serialize;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Grade a batch of free-text responses with the banks' rubrics.
///
/// FILE.csv has a header row naming a `question` column (BANK/QUESTION, or the question
/// id alone when only one bank has it) and a `response` column, and optionally an
/// `expected` column: `pass` or `fail`, `1` or `0`, or a score in [0, 1] (a score counts
/// as a pass when it reaches the question's pass mark). Each response is printed with
/// its score, verdict and the concepts it matched and missed. With `expected`, a summary
/// follows: accuracy, missed positives (expected to pass, graded fail), missed
/// negatives, and the Pearson correlation of score and expected score when the
/// expected values are numbers. With a `class` column (the kind of answer: paraphrase,
/// reversed, ...), a table of agreement, false passes and false fails per class follows.
///
/// Exits 0, or 1 when a verdict disagrees with `expected`; 2 when the file, a row or a
/// bank cannot be used (the error names the line).
///
/// Example: recall grade banks/ --responses answers.csv --format json
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The banks whose rubrics grade the responses.
    #[command(flatten)]
    pub paths: BankPaths,

    /// The CSV of responses: columns `question`, `response` and optionally `expected`
    #[arg(long, value_name = "FILE.csv")]
    pub responses: PathBuf,

    /// table: each response with its breakdown, then the summary; json: an array of
    /// objects; csv: one row per response (with json and csv the summary goes to stderr)
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
}

/// How `recall grade` prints the graded responses.
#[allow(
    missing_docs,
    reason = "a variant's doc comment would become its help in `--help`; `--format` explains them"
)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Table,
    Json,
    Csv,
}

/// What a row says the verdict should be.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Expected {
    /// `pass` or `fail`.
    Verdict(bool),
    /// A score in [0, 1]; a pass when it reaches the question's pass mark.
    Score(f64),
}

impl Expected {
    fn parse(text: &str) -> Option<Option<Expected>> {
        let text = text.trim();
        match text.to_lowercase().as_str() {
            "" => Some(None),
            "pass" => Some(Some(Expected::Verdict(true))),
            "fail" => Some(Some(Expected::Verdict(false))),
            number => {
                let score: f64 = number.parse().ok()?;
                (0.0..=1.0)
                    .contains(&score)
                    .then_some(Some(Expected::Score(score)))
            }
        }
    }

    fn passes(self, pass_mark: f64) -> bool {
        match self {
            Expected::Verdict(pass) => pass,
            Expected::Score(score) => score + 1e-9 >= pass_mark,
        }
    }
}

/// One graded response, as the json output shows it.
#[derive(Debug, Serialize)]
struct Row {
    line: u64,
    question: String,
    response: String,
    score: f64,
    pass: bool,
    matched: Vec<String>,
    missed: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    expected: Option<Expected>,
    /// The row's `class` column, when the CSV has one (a kind of answer: paraphrase,
    /// reversed, ...), for the per-class table.
    #[serde(skip_serializing_if = "Option::is_none")]
    class: Option<String>,
    grade: Grade,
}

impl Row {
    fn agrees(&self) -> Option<bool> {
        self.expected
            .map(|e| e.passes(self.grade.pass_mark) == self.pass)
    }
}

/// Runs `recall grade`.
pub fn run(ctx: &Context, args: Args) -> Result<Outcome, CommandError> {
    let library = ctx.load_valid_banks(&args.paths)?;
    let grader = Grader::new(&library.banks);
    let rows = read(&args.responses, |line, key, response, expected, class| {
        let (bank, question) = library.find(key).map_err(|e| e.to_string())?;
        if !question.is_text() {
            return Err(format!(
                "`{}/{}` is a {} question; only text questions are graded by a rubric",
                bank.id,
                question.id,
                question.kind.as_str().replace('_', " ")
            ));
        }
        let grade = grader.grade(bank, question, response);
        Ok(Row {
            line,
            question: format!("{}/{}", bank.id, question.id),
            response: response.to_owned(),
            score: grade.score,
            pass: grade.passed,
            matched: grade.matched().into_iter().map(str::to_owned).collect(),
            missed: grade.missed().into_iter().map(str::to_owned).collect(),
            expected,
            class: class.map(str::to_owned),
            grade,
        })
    })
    .map_err(CommandError::from_data)?;
    let summary = summary(&rows);
    let mut out = std::io::stdout().lock();
    match args.format {
        Format::Table => {
            let width = crate::text::report_width();
            for row in &rows {
                writeln!(out, "{}\n", table_row(row, width))?;
            }
            writeln!(out, "graded {} response{}", rows.len(), plural(rows.len()))?;
            if let Some(summary) = &summary {
                writeln!(out, "{summary}")?;
            }
        }
        Format::Json => writeln!(out, "{}", crate::text::terminal_safe_json(&rows)?)?,
        Format::Csv => {
            let mut writer = csv::Writer::from_writer(&mut out);
            writer.write_record([
                "line", "question", "score", "pass", "matched", "missed", "expected",
            ])?;
            for row in &rows {
                writer.write_record([
                    row.line.to_string(),
                    row.question.clone(),
                    format!("{:.3}", row.score),
                    if row.pass { "pass" } else { "fail" }.to_owned(),
                    row.matched.join("; "),
                    row.missed.join("; "),
                    match row.expected {
                        None => String::new(),
                        Some(Expected::Verdict(true)) => "pass".to_owned(),
                        Some(Expected::Verdict(false)) => "fail".to_owned(),
                        Some(Expected::Score(s)) => s.to_string(),
                    },
                ])?;
            }
            writer.flush()?;
        }
    }
    if args.format != Format::Table
        && let Some(summary) = &summary
    {
        eprintln!("{summary}");
    }
    let disagreements = rows.iter().any(|r| r.agrees() == Some(false));
    Ok(if disagreements {
        Outcome::Failure
    } else {
        Outcome::Success
    })
}

/// Reads the responses, calling `grade(line, question, response, expected, class)` per
/// row.
/// Every error names the file and line.
fn read(
    path: &Path,
    mut grade: impl FnMut(u64, &str, &str, Option<Expected>, Option<&str>) -> Result<Row, String>,
) -> Result<Vec<Row>> {
    let bytes = std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
    let at = |line: u64| format!("{}:{line}", path.display());
    if let Some(line) = unclosed_quote(&bytes) {
        bail!(
            "{}: a quoted field starts on this line and is never closed, so the rest of \
             the file would be read as one response; close it with \" (a quote inside a \
             quoted field is written \"\")",
            at(line)
        );
    }
    let mut reader = csv::ReaderBuilder::new()
        .flexible(false)
        .from_reader(bytes.as_slice());
    let header = reader
        .headers()
        .map_err(|e| anyhow!("{}: {}", at(1), csv_problem(&e)))?
        .clone();
    let column = |name: &str| {
        header.iter().position(|h| {
            h.trim()
                .trim_start_matches('\u{feff}')
                .eq_ignore_ascii_case(name)
        })
    };
    let (Some(question), Some(response)) = (column("question"), column("response")) else {
        bail!(
            "{}: the header must name the columns `question` and `response` (and optionally `expected`); found {:?}",
            at(1),
            header.iter().collect::<Vec<_>>()
        );
    };
    let expected = column("expected");
    let class = column("class");
    let mut lines = Lines::new(&bytes);
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| {
            let line = e.position().map_or(0, |p| lines.of(p.byte()));
            anyhow!("{}: {}", at(line), csv_problem(&e))
        })?;
        let line = record.position().map_or(0, |p| lines.of(p.byte()));
        let field = |i: usize| record.get(i).unwrap_or("");
        let expect = match expected {
            None => None,
            Some(i) => Expected::parse(field(i)).ok_or_else(|| {
                anyhow!(
                    "{}: expected {:?} is not `pass`, `fail`, `1`, `0` or a score between 0 and 1",
                    at(line),
                    field(i)
                )
            })?,
        };
        let class = class.map(|i| field(i).trim()).filter(|c| !c.is_empty());
        let row = grade(line, field(question).trim(), field(response), expect, class)
            .map_err(|e| anyhow!("{}: {e}", at(line)))?;
        rows.push(row);
    }
    Ok(rows)
}

/// The line each record starts on, worked out from its byte offset. The csv crate's own
/// line numbers run one behind in a file with CRLF line endings (a spreadsheet's export):
/// it counts a line when it consumes a `\n`, and it consumes a record's `\r\n` only as
/// the next record begins (BurntSushi/rust-csv#395).
struct Lines<'a> {
    bytes: &'a [u8],
    counted_to: usize,
    line: u64,
}

impl<'a> Lines<'a> {
    fn new(bytes: &'a [u8]) -> Self {
        Lines {
            bytes,
            counted_to: 0,
            line: 1,
        }
    }

    /// The line of the record at `byte`: past any line ends there, counting the `\n`s
    /// since the last record asked for (records come in order, so the file is read once).
    fn of(&mut self, byte: u64) -> u64 {
        let len = self.bytes.len();
        let mut start = usize::try_from(byte).map_or(len, |b| b.min(len));
        while start < len && matches!(self.bytes[start], b'\r' | b'\n') {
            start += 1;
        }
        if start > self.counted_to {
            let since = &self.bytes[self.counted_to..start];
            self.line += since.iter().filter(|&&b| b == b'\n').count() as u64;
            self.counted_to = start;
        }
        self.line
    }
}

/// The line on which a quoted field opens that no quote closes, as the csv reader sees
/// quotes (one opens a field only at its start, `""` inside is a quote): the reader
/// would take everything to the end of the file as that field, without a word.
fn unclosed_quote(bytes: &[u8]) -> Option<u64> {
    let mut line = 1;
    let mut opened_on = None;
    let mut field_start = true;
    let mut rest = bytes.iter().copied().peekable();
    while let Some(byte) = rest.next() {
        if byte == b'\n' {
            line += 1;
        }
        if opened_on.is_some() {
            if byte == b'"' && rest.next_if_eq(&b'"').is_none() {
                opened_on = None;
            }
            continue;
        }
        match byte {
            b'"' if field_start => opened_on = Some(line),
            b',' | b'\n' | b'\r' => {
                field_start = true;
                continue;
            }
            _ => {}
        }
        field_start = false;
    }
    opened_on
}

/// A csv error in words, without the position (the caller puts the line first).
fn csv_problem(err: &csv::Error) -> String {
    match err.kind() {
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => format!(
            "this row has {len} field{} but the header has {expected_len}; quote a response that contains commas (\"like, this\")",
            plural(*len as usize)
        ),
        csv::ErrorKind::Utf8 { .. } => "this row is not UTF-8; save the file as UTF-8".to_owned(),
        _ => err.to_string(),
    }
}

/// A graded row: its line, question and verdict, the response and the breakdown, each
/// line folded to `width` under itself.
fn table_row(row: &Row, width: usize) -> String {
    let expected = match (row.expected, row.agrees()) {
        (Some(e), Some(agrees)) => format!(
            "  expected {}{}",
            match e {
                Expected::Verdict(true) => "pass".to_owned(),
                Expected::Verdict(false) => "fail".to_owned(),
                Expected::Score(s) => format!("{:.0}%", s * 100.0),
            },
            if agrees { "" } else { "  DISAGREES" }
        ),
        _ => String::new(),
    };
    let mut text = format!("line {}  {}{expected}\n", row.line, row.question);
    text.push_str(&indent(&format!("response: {}", row.response.trim()), "  "));
    text.push_str(&indent(&explain(&row.grade), "  "));
    crate::text::wrap_lines_hanging(&sanitize(&text), width)
}

/// How many line numbers the summary lists for each kind of disagreement.
const LINES_LISTED: usize = 10;

/// Agreement with the expected verdicts, when any row has one.
fn summary(rows: &[Row]) -> Option<String> {
    let judged: Vec<&Row> = rows.iter().filter(|r| r.expected.is_some()).collect();
    if judged.is_empty() {
        return None;
    }
    let agree = judged.iter().filter(|r| r.agrees() == Some(true)).count();
    // At most LINES_LISTED line numbers each: thousands on one line help nobody.
    let lines = |rows: Vec<&&Row>| -> String {
        if rows.is_empty() {
            return String::new();
        }
        let mut lines: Vec<String> = rows
            .iter()
            .take(LINES_LISTED)
            .map(|r| r.line.to_string())
            .collect();
        if rows.len() > LINES_LISTED {
            lines.push(format!(
                "and {} more (`--format csv` has a row for each)",
                rows.len() - LINES_LISTED
            ));
        }
        format!(" (line{} {})", plural(rows.len()), lines.join(", "))
    };
    let missed_positives: Vec<&&Row> = judged
        .iter()
        .filter(|r| r.agrees() == Some(false) && !r.pass)
        .collect();
    let missed_negatives: Vec<&&Row> = judged
        .iter()
        .filter(|r| r.agrees() == Some(false) && r.pass)
        .collect();
    let mut text = format!(
        "accuracy {agree}/{} ({:.0}%)\nmissed positives (expected pass, graded fail): {}{}\nmissed negatives (expected fail, graded pass): {}{}",
        judged.len(),
        100.0 * agree as f64 / judged.len() as f64,
        missed_positives.len(),
        lines(missed_positives.clone()),
        missed_negatives.len(),
        lines(missed_negatives.clone()),
    );
    let numeric: Option<Vec<(f64, f64)>> = judged
        .iter()
        .map(|r| match r.expected {
            Some(Expected::Score(s)) => Some((r.score, s)),
            _ => None,
        })
        .collect();
    if let Some(table) = class_table(&judged) {
        text.push('\n');
        text.push_str(&table);
    }
    if let Some(pairs) = numeric {
        match pearson(&pairs) {
            Some(r) => text.push_str(&format!("\nPearson correlation of score and expected: {r:.3}")),
            None => text.push_str(
                "\nPearson correlation of score and expected: undefined (needs two rows and scores that vary)",
            ),
        }
    }
    Some(text)
}

/// Agreement, false passes and false fails per class of answer (the `class` column),
/// classes in the order they first appear, then all rows: a Markdown table.
fn class_table(judged: &[&Row]) -> Option<String> {
    let mut classes: Vec<&str> = Vec::new();
    for row in judged {
        if let Some(class) = row.class.as_deref()
            && !classes.contains(&class)
        {
            classes.push(class);
        }
    }
    if classes.is_empty() {
        return None;
    }
    let pct = |a: usize, b: usize| {
        if b == 0 {
            "-".to_owned()
        } else {
            format!("{:.0}%", 100.0 * a as f64 / b as f64)
        }
    };
    let line = |name: &str, rows: &[&&Row]| {
        let agree = rows.iter().filter(|r| r.agrees() == Some(true)).count();
        let expects = |pass: bool| {
            rows.iter()
                .filter(|r| {
                    r.expected
                        .is_some_and(|e| e.passes(r.grade.pass_mark) == pass)
                })
                .collect::<Vec<_>>()
        };
        let (wrong, right) = (expects(false), expects(true));
        let false_passes = wrong.iter().filter(|r| r.pass).count();
        let false_fails = right.iter().filter(|r| !r.pass).count();
        format!(
            "| {name} | {} | {agree} ({}) | {false_passes} of {} ({}) | {false_fails} of {} ({}) |",
            rows.len(),
            pct(agree, rows.len()),
            wrong.len(),
            pct(false_passes, wrong.len()),
            right.len(),
            pct(false_fails, right.len()),
        )
    };
    let mut out = vec![
        "| class | answers | agree | false passes | false fails |".to_owned(),
        "|---|---:|---:|---:|---:|".to_owned(),
    ];
    for class in classes {
        let rows: Vec<&&Row> = judged
            .iter()
            .filter(|r| r.class.as_deref() == Some(class))
            .collect();
        out.push(line(class, &rows));
    }
    let all: Vec<&&Row> = judged.iter().collect();
    out.push(line("**all**", &all));
    Some(out.join("\n"))
}

fn pearson(pairs: &[(f64, f64)]) -> Option<f64> {
    let n = pairs.len() as f64;
    if pairs.len() < 2 {
        return None;
    }
    let (mx, my) = pairs
        .iter()
        .fold((0.0, 0.0), |(x, y), &(a, b)| (x + a / n, y + b / n));
    let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
    for &(x, y) in pairs {
        sxy += (x - mx) * (y - my);
        sxx += (x - mx) * (x - mx);
        syy += (y - my) * (y - my);
    }
    (sxx > 0.0 && syy > 0.0).then(|| sxy / (sxx * syy).sqrt())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn expected_values() {
        assert_eq!(Expected::parse("Pass"), Some(Some(Expected::Verdict(true))));
        assert_eq!(
            Expected::parse(" fail "),
            Some(Some(Expected::Verdict(false)))
        );
        assert_eq!(Expected::parse("1"), Some(Some(Expected::Score(1.0))));
        assert_eq!(Expected::parse("0.25"), Some(Some(Expected::Score(0.25))));
        assert_eq!(Expected::parse(""), Some(None));
        assert_eq!(Expected::parse("1.5"), None);
        assert_eq!(Expected::parse("maybe"), None);
        assert!(Expected::Score(0.5).passes(0.5));
        assert!(!Expected::Score(0.4).passes(0.5));
    }

    #[test]
    fn an_unclosed_quote_is_found_on_its_line() {
        assert_eq!(
            unclosed_quote(b"q,r\na,\"closed \"\"quote\"\" ok\"\n"),
            None
        );
        assert_eq!(
            unclosed_quote(b"q,r\na,b\"not a quote\nc,\"open\nd,e\n"),
            Some(3)
        );
        assert_eq!(
            unclosed_quote(b"q,r\r\na,\"two\r\nlines\"\r\nb,\"x"),
            Some(4)
        );
        assert_eq!(unclosed_quote(b"\"q\",\"r\"\n"), None);
    }

    #[test]
    fn pearson_correlation() {
        let r = pearson(&[(0.0, 0.0), (0.5, 0.4), (1.0, 1.0)]).unwrap_or(f64::NAN);
        assert!((r - 0.9934).abs() < 1e-3, "{r}");
        assert_eq!(pearson(&[(0.1, 0.2)]), None);
        assert_eq!(pearson(&[(0.1, 0.2), (0.1, 0.3)]), None);
    }
}
