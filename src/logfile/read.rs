//! Reading an export back (`recall log import`, `recall items --log`): the format found
//! from the file's first bytes, the header (or schema) checked against [`COLUMNS`], every
//! row checked and turned into a [`Review`]. A file that is not an export is refused as
//! foreign before any row is read; a file with bad rows is refused with every problem
//! (up to [`MAX_PROBLEMS`] of them) and its line or row, so an import writes nothing.

use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};

use super::{COLUMNS, FIRST_COLUMNS, Kind, Value};
use crate::schedule::{Rating, State};
use crate::session::{Mode, QuestionKey, ReviewId, is_concept_outcomes};
use crate::store::{Review, StoreError, is_uuid};

/// Problems listed before the rest are only counted.
pub const MAX_PROBLEMS: usize = 10;

/// Why an export could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    /// The file could not be read.
    #[error("cannot read {}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// What the operating system said.
        source: std::io::Error,
    },
    /// The file is not a recall log export.
    #[error(
        "{} is not a recall log export ({why}); `recall log export` writes one",
        path.display()
    )]
    Foreign {
        /// The file.
        path: PathBuf,
        /// What gave it away.
        why: String,
    },
    /// The file is an export with rows that cannot be used.
    #[error(
        "{} is a damaged recall log export ({} problem{}):\n{}{}",
        path.display(),
        count,
        if *count == 1 { "" } else { "s" },
        problems.join("\n"),
        if *count > problems.len() { format!("\n  and {} more", count - problems.len()) } else { String::new() }
    )]
    Damaged {
        /// The file.
        path: PathBuf,
        /// The first problems, each with its line or row.
        problems: Vec<String>,
        /// How many problems there are in all.
        count: usize,
    },
    /// What the rows were given to failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// What the rows were given to stopped taking them (it failed, and its error is
    /// the one to report).
    #[error("the reviews read were no longer taken")]
    Stopped,
}

/// Reads the export at `path` (CSV, NDJSON or Parquet, told apart by their first
/// bytes) and calls `visit` with each review, in the file's order. Returns how many
/// there were. With a damaged file, `visit` may have been called for the rows before a
/// problem was found; the error says so only by being an error, so a caller that writes
/// must write in a transaction it can roll back.
pub fn read(
    path: &Path,
    mut visit: impl FnMut(Review) -> Result<(), ReadError>,
) -> Result<u64, ReadError> {
    let io = |source| ReadError::Io {
        path: path.to_path_buf(),
        source,
    };
    let mut file = File::open(path).map_err(io)?;
    let mut start = [0u8; 4];
    let read = read_up_to(&mut file, &mut start).map_err(io)?;
    let mut problems = Problems::new(path);
    let count = if &start[..read] == b"PAR1" {
        super::parquet::read(path, &mut problems, &mut visit)?
    } else {
        let file = File::open(path).map_err(io)?;
        let mut reader = BufReader::with_capacity(1 << 16, file);
        let first = reader
            .fill_buf()
            .map_err(io)?
            .iter()
            .find(|b| !b.is_ascii_whitespace())
            .copied();
        match first {
            None => {
                return Err(ReadError::Foreign {
                    path: path.to_path_buf(),
                    why: "it is empty".to_owned(),
                });
            }
            Some(b'{') => read_ndjson(path, reader, &mut problems, &mut visit)?,
            Some(_) => {
                let lines_behind = u64::from(ends_lines_with_crlf(reader.buffer()));
                read_csv(path, reader, lines_behind, &mut problems, &mut visit)?
            }
        }
    };
    problems.finish()?;
    Ok(count)
}

fn read_up_to(file: &mut File, buffer: &mut [u8]) -> std::io::Result<usize> {
    let mut filled = 0;
    while filled < buffer.len() {
        match file.read(&mut buffer[filled..])? {
            0 => break,
            n => filled += n,
        }
    }
    Ok(filled)
}

/// The problems found so far in one file.
pub(super) struct Problems {
    path: PathBuf,
    listed: Vec<String>,
    count: usize,
}

impl Problems {
    fn new(path: &Path) -> Problems {
        Problems {
            path: path.to_path_buf(),
            listed: Vec::new(),
            count: 0,
        }
    }

    pub fn add(&mut self, place: String, problem: String) {
        self.count += 1;
        if self.listed.len() < MAX_PROBLEMS {
            self.listed.push(format!("  {place}: {problem}"));
        }
    }

    pub fn foreign(&self, why: impl Into<String>) -> ReadError {
        ReadError::Foreign {
            path: self.path.clone(),
            why: why.into(),
        }
    }

    fn finish(self) -> Result<(), ReadError> {
        if self.count == 0 {
            return Ok(());
        }
        Err(ReadError::Damaged {
            path: self.path,
            problems: self.listed,
            count: self.count,
        })
    }

    /// One row read: its review goes to `visit` (only while the file has no problem:
    /// a damaged file is refused whole, so what it would have written is rolled back
    /// anyway), or its problem is noted at `place`. Returns 1 for a good row, else 0.
    pub fn row(
        &mut self,
        place: impl FnOnce() -> String,
        parsed: Result<Review, String>,
        visit: &mut impl FnMut(Review) -> Result<(), ReadError>,
    ) -> Result<u64, ReadError> {
        match parsed {
            Ok(review) => {
                if self.count == 0 {
                    visit(review)?;
                }
                Ok(1)
            }
            Err(problem) => {
                self.add(place(), problem);
                Ok(0)
            }
        }
    }
}

/// Checks a header (or a schema's column names) against [`COLUMNS`].
pub(super) fn check_columns<'a>(
    problems: &Problems,
    names: impl IntoIterator<Item = &'a str>,
) -> Result<(), ReadError> {
    let names: Vec<&str> = names.into_iter().collect();
    let expected: Vec<&str> = COLUMNS.iter().map(|c| c.name).collect();
    // An export written before the later columns were added has the first ones only.
    if names.len() >= FIRST_COLUMNS && expected.starts_with(&names) {
        return Ok(());
    }
    let missing: Vec<&str> = expected
        .iter()
        .filter(|e| !names.contains(e))
        .copied()
        .collect();
    Err(problems.foreign(if missing.is_empty() {
        format!(
            "its columns are not in the order of an export: {}",
            names.join(",")
        )
    } else {
        format!("it has no column {}", quote_list(&missing))
    }))
}

fn quote_list(names: &[&str]) -> String {
    let quoted: Vec<String> = names.iter().take(5).map(|n| format!("`{n}`")).collect();
    let more = if names.len() > 5 { ", ..." } else { "" };
    format!("{}{more}", quoted.join(", "))
}

/// Whether the file's first line ends in CRLF (a spreadsheet's export). The csv crate's
/// line numbers then run one behind: it consumes a row's `\r\n` only as the next row
/// begins, and counts the line then (BurntSushi/rust-csv#395).
fn ends_lines_with_crlf(start: &[u8]) -> bool {
    start
        .iter()
        .position(|&b| b == b'\n')
        .is_some_and(|end| end > 0 && start[end - 1] == b'\r')
}

/// Reads a CSV export; `lines_behind` is added to the csv crate's line of each row.
fn read_csv(
    path: &Path,
    reader: impl Read,
    lines_behind: u64,
    problems: &mut Problems,
    visit: &mut impl FnMut(Review) -> Result<(), ReadError>,
) -> Result<u64, ReadError> {
    let mut csv = ::csv::ReaderBuilder::new().from_reader(reader);
    let header = csv
        .headers()
        .map_err(|e| problems.foreign(format!("its header cannot be read: {e}")))?;
    check_columns(problems, header.iter())?;
    let mut record = ::csv::StringRecord::new();
    let mut count = 0;
    loop {
        match csv.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(error) => {
                let line = error.position().map_or(0, |p| p.line() + lines_behind);
                problems.add(format!("line {line}"), error.to_string());
                if matches!(error.kind(), ::csv::ErrorKind::Io(_)) {
                    return Err(ReadError::Io {
                        path: path.to_path_buf(),
                        source: std::io::Error::other(error),
                    });
                }
                continue;
            }
        }
        let line = record.position().map_or(0, |p| p.line() + lines_behind);
        let mut values = [Value::Null; COLUMNS.len()];
        let parsed = record
            .iter()
            .zip(COLUMNS)
            .enumerate()
            .try_for_each(|(i, (field, column))| {
                values[i] = text_value(field, column.kind, column.optional)
                    .map_err(|problem| format!("column `{}`: {problem}", column.name))?;
                Ok::<(), String>(())
            })
            .and_then(|()| review_from(&values));
        count += problems.row(|| format!("line {line}"), parsed, visit)?;
    }
    Ok(count)
}

fn read_ndjson(
    path: &Path,
    reader: impl BufRead,
    problems: &mut Problems,
    visit: &mut impl FnMut(Review) -> Result<(), ReadError>,
) -> Result<u64, ReadError> {
    let mut count = 0;
    for (index, line) in reader.lines().enumerate() {
        let line = line.map_err(|source| ReadError::Io {
            path: path.to_path_buf(),
            source,
        })?;
        if line.trim().is_empty() {
            continue;
        }
        let place = format!("line {}", index + 1);
        let object: serde_json::Map<String, serde_json::Value> = match serde_json::from_str(&line) {
            Ok(object) => object,
            Err(_) if index == 0 => {
                return Err(problems.foreign("its first line is not a JSON object"));
            }
            Err(error) => {
                problems.add(place, format!("not a JSON object ({error})"));
                continue;
            }
        };
        if index == 0 {
            let names: Vec<&str> = COLUMNS
                .iter()
                .map(|c| c.name)
                .filter(|name| object.contains_key(*name))
                .collect();
            if names.len() < COLUMNS.len() {
                check_columns(problems, names)?;
            }
        }
        let mut values = [Value::Null; COLUMNS.len()];
        let parsed = COLUMNS
            .iter()
            .enumerate()
            .try_for_each(|(i, column)| {
                values[i] = json_value(object.get(column.name), column.kind)
                    .map_err(|problem| format!("`{}`: {problem}", column.name))?;
                Ok::<(), String>(())
            })
            .and_then(|()| review_from(&values));
        count += problems.row(|| place, parsed, visit)?;
    }
    Ok(count)
}

/// A CSV field as a value of `kind`; empty is null in an optional column.
fn text_value(field: &str, kind: Kind, optional: bool) -> Result<Value<'_>, String> {
    if field.is_empty() && (optional || kind != Kind::Text) {
        return Ok(Value::Null);
    }
    Ok(match kind {
        Kind::Text => Value::Text(field),
        Kind::Integer => Value::Integer(
            field
                .parse()
                .map_err(|_| format!("`{field}` is not a whole number"))?,
        ),
        Kind::Float => Value::Float(
            field
                .parse()
                .map_err(|_| format!("`{field}` is not a number"))?,
        ),
        Kind::Boolean => Value::Boolean(match field {
            "true" => true,
            "false" => false,
            _ => return Err(format!("`{field}` is not true or false")),
        }),
        Kind::Time => Value::Time(parse_time(field)?),
    })
}

fn parse_time(text: &str) -> Result<DateTime<Utc>, String> {
    DateTime::parse_from_rfc3339(text)
        .map(|t| t.with_timezone(&Utc))
        .map_err(|_| format!("`{text}` is not an RFC 3339 time"))
}

/// A JSON value as a value of `kind`; absent or `null` is null.
fn json_value(value: Option<&serde_json::Value>, kind: Kind) -> Result<Value<'_>, String> {
    use serde_json::Value as Json;
    Ok(match (value, kind) {
        (None | Some(Json::Null), _) => Value::Null,
        (Some(Json::String(s)), Kind::Text) => Value::Text(s),
        (Some(Json::String(s)), Kind::Time) => Value::Time(parse_time(s)?),
        (Some(Json::Number(n)), Kind::Integer) => Value::Integer(
            n.as_i64()
                .ok_or_else(|| format!("{n} is not a whole number"))?,
        ),
        (Some(Json::Number(n)), Kind::Float) => {
            Value::Float(n.as_f64().ok_or_else(|| format!("{n} is not a number"))?)
        }
        (Some(Json::Bool(b)), Kind::Boolean) => Value::Boolean(*b),
        (Some(other), kind) => return Err(format!("{other} is not {}", kind_name(kind))),
    })
}

pub(super) fn kind_name(kind: Kind) -> &'static str {
    match kind {
        Kind::Text => "text",
        Kind::Integer => "a whole number",
        Kind::Float => "a number",
        Kind::Boolean => "true or false",
        Kind::Time => "a time",
    }
}

// Where the columns the import reads sit in `COLUMNS` (a test checks the names).
const UUID: usize = 0;
const LEARNER: usize = 1;
const DEVICE: usize = 2;
const BANK: usize = 3;
const QUESTION: usize = 4;
const VERSION: usize = 5;
const REVIEWED_AT: usize = 7;
const MODE: usize = 9;
const ANSWER: usize = 10;
const CHOICE_ORDER: usize = 11;
const SCORE: usize = 12;
const SUGGESTED: usize = 13;
const RATING: usize = 14;
const DURATION: usize = 15;
const RESCHEDULED: usize = 16;
const STATE: usize = 17;
const HINTS: usize = 26;
const CONCEPTS: usize = 27;

/// The review in one row's values, checked; the replayed columns are not read (an
/// import replays the merged log itself).
pub(super) fn review_from(values: &[Value<'_>]) -> Result<Review, String> {
    let name = |i: usize| COLUMNS[i].name;
    let text = |i: usize| match values[i] {
        Value::Text(text) => Ok(text),
        _ => Err(format!("`{}` is empty", name(i))),
    };
    let integer = |i: usize| match values[i] {
        Value::Integer(n) => Ok(Some(n)),
        Value::Null if COLUMNS[i].optional => Ok(None),
        _ => Err(format!("`{}` is empty", name(i))),
    };
    let id = |i: usize| {
        let text = text(i)?;
        if is_uuid(text) {
            Ok(text.to_ascii_lowercase())
        } else {
            Err(format!("`{}` is not a UUID: `{text}`", name(i)))
        }
    };
    let rating = |i: usize| -> Result<Option<Rating>, String> {
        integer(i)?
            .map(|n| {
                Rating::from_number(n)
                    .ok_or_else(|| format!("`{}` is {n}, not a rating from 1 to 4", name(i)))
            })
            .transpose()
    };
    let bank = text(BANK)?;
    let question = text(QUESTION)?;
    if bank.is_empty() || question.is_empty() {
        return Err("`bank` and `question` must not be empty".to_owned());
    }
    let version = version_from(values[VERSION])?;
    let Value::Time(reviewed_at) = values[REVIEWED_AT] else {
        return Err("`reviewed_at` is empty".to_owned());
    };
    let mode = text(MODE)?;
    let mode = Mode::from_name(mode)
        .ok_or_else(|| format!("`mode` is `{mode}`, not drill, quiz or interview"))?;
    let score = score_from(values[SCORE])?;
    let duration = integer(DURATION)?.unwrap_or(0);
    if duration < 0 {
        return Err(format!("`duration` is {duration}, below 0"));
    }
    let Value::Boolean(reschedules) = values[RESCHEDULED] else {
        return Err("`rescheduled` is empty".to_owned());
    };
    let state = match integer(STATE)? {
        Some(0) => State::New,
        Some(1) => State::Learning,
        Some(2) => State::Review,
        Some(3) => State::Relearning,
        other => return Err(format!("`state` is {other:?}, not 0 to 3")),
    };
    let choice_order = choice_order_from(values[CHOICE_ORDER])?;
    let hints = hints_from(values[HINTS])?;
    let concepts = concepts_from(values[CONCEPTS])?;
    Ok(Review {
        id: ReviewId(0),
        choice_order,
        reviewed_at,
        state_before: state,
        key: QuestionKey::new(bank, question),
        mode,
        answer: text(ANSWER)?.to_owned(),
        score,
        suggested: rating(SUGGESTED)?,
        rating: rating(RATING)?.ok_or("`rating` is empty")?,
        duration_ms: duration as u64,
        reschedules,
        uuid: id(UUID)?,
        learner: Some(id(LEARNER)?),
        device: id(DEVICE)?,
        version,
        hints,
        concepts,
    })
}

/// The `concepts` column: what each rubric concept did (`m`, `.` or `n` each), or
/// nothing.
fn concepts_from(value: Value<'_>) -> Result<Option<String>, String> {
    match value {
        Value::Null => Ok(None),
        Value::Text(text) if is_concept_outcomes(text) => Ok(Some(text.to_owned())),
        Value::Text(text) => Err(format!(
            "`concepts` is not one of `m`, `.` and `n` per concept: `{text}`"
        )),
        _ => Err("`concepts` is not text".to_owned()),
    }
}

/// The `hints` column: a whole number from 0; absent (an export written before hints
/// were kept) is 0.
fn hints_from(value: Value<'_>) -> Result<u32, String> {
    match value {
        Value::Null => Ok(0),
        Value::Integer(n) => {
            u32::try_from(n).map_err(|_| format!("`hints` is {n}, not a count from 0"))
        }
        _ => Err("`hints` is not a whole number".to_owned()),
    }
}

/// The `version` column: 16 hex digits (lower-cased) or nothing.
fn version_from(value: Value<'_>) -> Result<Option<String>, String> {
    match value {
        Value::Text(v) if v.len() == 16 && v.bytes().all(|b| b.is_ascii_hexdigit()) => {
            Ok(Some(v.to_ascii_lowercase()))
        }
        Value::Null => Ok(None),
        Value::Text(v) => Err(format!("`version` is not 16 hex digits: `{v}`")),
        _ => Err("`version` is not text".to_owned()),
    }
}

/// The `score` column: a number from 0 to 1, or nothing.
fn score_from(value: Value<'_>) -> Result<Option<f64>, String> {
    match value {
        Value::Float(score) if (0.0..=1.0).contains(&score) => Ok(Some(score)),
        Value::Null => Ok(None),
        Value::Float(score) => Err(format!("`score` is {score}, outside 0 to 1")),
        _ => Err("`score` is not a number".to_owned()),
    }
}

/// The `choice_order` column: letters separated by commas, or nothing.
fn choice_order_from(value: Value<'_>) -> Result<Vec<usize>, String> {
    match value {
        Value::Null => Ok(Vec::new()),
        Value::Text(order) => order
            .split(',')
            .map(|letters| {
                crate::bank::letter_index(letters)
                    .ok_or_else(|| format!("`choice_order` is not letters: `{order}`"))
            })
            .collect(),
        _ => Err("`choice_order` is not text".to_owned()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_column_positions_name_the_columns() {
        for (index, name) in [
            (UUID, "uuid"),
            (LEARNER, "learner"),
            (DEVICE, "device"),
            (BANK, "bank"),
            (QUESTION, "question"),
            (VERSION, "version"),
            (REVIEWED_AT, "reviewed_at"),
            (MODE, "mode"),
            (ANSWER, "answer"),
            (CHOICE_ORDER, "choice_order"),
            (SCORE, "score"),
            (SUGGESTED, "suggested_rating"),
            (RATING, "rating"),
            (DURATION, "duration"),
            (RESCHEDULED, "rescheduled"),
            (STATE, "state"),
            (HINTS, "hints"),
            (CONCEPTS, "concepts"),
        ] {
            assert_eq!(COLUMNS[index].name, name);
        }
    }
}
