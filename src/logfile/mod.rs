//! The review log as a file: the columns of an export, listed once for CSV, NDJSON and
//! Parquet, a writer for each format (`recall log export`) and the reader of all three
//! (`recall log import`, `recall items --log`).
//!
//! [`COLUMNS`] is the schema (documented for people in `docs/log-format.md`); [`values`]
//! gives a record's value in each column, and each format writes those values its own
//! way. The names follow the open FSRS research dataset (anki-revlogs-10k) where they
//! mean the same: `card_id`, `review_th`, `rating`, `state`, `duration`, `elapsed_days`,
//! `elapsed_seconds`, so its tools read an export. Where the records come from (the
//! store's replayed log) is `store`'s; nothing here opens a database or prints.

mod csv;
mod ndjson;
mod parquet;
mod read;

pub use read::{MAX_PROBLEMS, ReadError, read};

use std::io::Write;

use chrono::{DateTime, SecondsFormat, Utc};

use crate::schedule::{Card, State};
use crate::store::LogRecord;

/// The formats an export is written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Comma-separated values with a header row.
    Csv,
    /// One JSON object per line.
    Ndjson,
    /// Apache Parquet.
    Parquet,
}

/// What a column holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// UTF-8 text.
    Text,
    /// A 64-bit integer.
    Integer,
    /// A 64-bit float.
    Float,
    /// true or false.
    Boolean,
    /// A time in UTC, to the microsecond.
    Time,
}

/// One column of an export.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Column {
    /// Its name, in the header and in every format.
    pub name: &'static str,
    /// What it holds.
    pub kind: Kind,
    /// Whether it may be empty (null).
    pub optional: bool,
}

const fn column(name: &'static str, kind: Kind, optional: bool) -> Column {
    Column {
        name,
        kind,
        optional,
    }
}

/// Every column, in the order every format writes them.
pub const COLUMNS: [Column; 28] = [
    column("uuid", Kind::Text, false),
    column("learner", Kind::Text, false),
    column("device", Kind::Text, false),
    column("bank", Kind::Text, false),
    column("question", Kind::Text, false),
    column("version", Kind::Text, true),
    column("card_id", Kind::Integer, false),
    column("reviewed_at", Kind::Time, false),
    column("review_th", Kind::Integer, false),
    column("mode", Kind::Text, false),
    column("answer", Kind::Text, false),
    column("choice_order", Kind::Text, true),
    column("score", Kind::Float, true),
    column("suggested_rating", Kind::Integer, true),
    column("rating", Kind::Integer, false),
    column("duration", Kind::Integer, false),
    column("rescheduled", Kind::Boolean, false),
    column("state", Kind::Integer, false),
    column("elapsed_days", Kind::Integer, false),
    column("elapsed_seconds", Kind::Integer, false),
    column("stability_before", Kind::Float, true),
    column("difficulty_before", Kind::Float, true),
    column("state_after", Kind::Integer, false),
    column("stability_after", Kind::Float, true),
    column("difficulty_after", Kind::Float, true),
    column("due_after", Kind::Time, true),
    column("hints", Kind::Integer, false),
    column("concepts", Kind::Text, true),
];

/// How many of [`COLUMNS`] an export written before `hints` was kept has. The rest
/// were added after it, at the end, one at a time: an export may end after any of them
/// (absent, `hints` reads as 0 and `concepts` as not recorded).
pub const FIRST_COLUMNS: usize = 26;

/// A value in one column of one record.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Value<'a> {
    /// Text.
    Text(&'a str),
    /// An integer.
    Integer(i64),
    /// A float.
    Float(f64),
    /// true or false.
    Boolean(bool),
    /// A time.
    Time(DateTime<Utc>),
    /// Nothing (an optional column left empty).
    Null,
}

/// The card id of a question in an export: the first 63 bits of the xxh3-64 hash of
/// `bank/question`, a stable positive integer for tools that want one (the FSRS
/// dataset's `card_id` is an integer).
pub fn card_id(bank: &str, question: &str) -> i64 {
    let mut hasher = xxhash_rust::xxh3::Xxh3::new();
    hasher.update(bank.as_bytes());
    hasher.update(b"/");
    hasher.update(question.as_bytes());
    (hasher.digest() >> 1) as i64
}

/// A card state as the FSRS dataset numbers them: 0 new, 1 learning, 2 review,
/// 3 relearning.
pub fn state_number(state: State) -> i64 {
    match state {
        State::New => 0,
        State::Learning => 1,
        State::Review => 2,
        State::Relearning => 3,
    }
}

/// `record`'s value in each of [`COLUMNS`], in order.
pub fn values(record: &LogRecord) -> [Value<'_>; COLUMNS.len()] {
    let review = &record.review;
    let optional = |v: Option<f64>| v.map_or(Value::Null, Value::Float);
    let memory = |card: &Card| (optional(card.stability()), optional(card.difficulty()));
    let (stability_before, difficulty_before) = memory(&record.before);
    let (stability_after, difficulty_after) = memory(&record.after);
    let elapsed = record.elapsed_seconds.unwrap_or(-1);
    [
        Value::Text(&review.uuid),
        Value::Text(review.learner.as_deref().unwrap_or("")),
        Value::Text(&review.device),
        Value::Text(&review.key.bank),
        Value::Text(&review.key.question),
        review.version.as_deref().map_or(Value::Null, Value::Text),
        Value::Integer(card_id(&review.key.bank, &review.key.question)),
        Value::Time(review.reviewed_at),
        Value::Integer(i64::try_from(record.review_th).unwrap_or(i64::MAX)),
        Value::Text(review.mode.name()),
        Value::Text(&review.answer),
        if record.choice_order.is_empty() {
            Value::Null
        } else {
            Value::Text(&record.choice_order)
        },
        optional(review.score),
        review
            .suggested
            .map_or(Value::Null, |r| Value::Integer(i64::from(r.number()))),
        Value::Integer(i64::from(review.rating.number())),
        Value::Integer(i64::try_from(review.duration_ms).unwrap_or(i64::MAX)),
        Value::Boolean(review.reschedules),
        Value::Integer(state_number(review.state_before)),
        Value::Integer(if elapsed < 0 { -1 } else { elapsed / 86_400 }),
        Value::Integer(elapsed),
        stability_before,
        difficulty_before,
        Value::Integer(state_number(record.after.state)),
        stability_after,
        difficulty_after,
        record.after.due.map_or(Value::Null, Value::Time),
        Value::Integer(i64::from(review.hints)),
        review.concepts.as_deref().map_or(Value::Null, Value::Text),
    ]
}

/// A time as the text formats write it: RFC 3339 in UTC, to the microsecond.
pub fn time_text(time: DateTime<Utc>) -> String {
    time.to_rfc3339_opts(SecondsFormat::Micros, true)
}

/// Why an export could not be written.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    /// Writing failed.
    #[error(transparent)]
    Io(#[from] std::io::Error),
    /// The Parquet writer failed.
    #[error("cannot write Parquet: {0}")]
    Parquet(#[from] ::parquet::errors::ParquetError),
}

/// Writes records in one format.
pub trait RecordWriter {
    /// Writes one record.
    fn write(&mut self, record: &LogRecord) -> Result<(), WriteError>;
    /// Writes what is buffered and the file's end; returns the output.
    fn finish(self: Box<Self>) -> Result<(), WriteError>;
}

/// A writer of `format` to `out`.
pub fn writer<'w>(
    format: Format,
    out: impl Write + Send + 'w,
) -> Result<Box<dyn RecordWriter + Send + 'w>, WriteError> {
    Ok(match format {
        Format::Csv => Box::new(csv::CsvWriter::new(out)?),
        Format::Ndjson => Box::new(ndjson::NdjsonWriter::new(out)),
        Format::Parquet => Box::new(parquet::ParquetWriter::new(out)?),
    })
}
