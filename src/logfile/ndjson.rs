//! An export as NDJSON: one JSON object per review per line, keys in the columns'
//! order, `null` for an empty optional column, times as RFC 3339 strings in UTC.

use std::io::{BufWriter, Write};

use super::{COLUMNS, RecordWriter, Value, WriteError, time_text, values};
use crate::store::LogRecord;

pub(super) struct NdjsonWriter<W: Write> {
    out: BufWriter<W>,
}

impl<W: Write> NdjsonWriter<W> {
    pub fn new(out: W) -> NdjsonWriter<W> {
        NdjsonWriter {
            out: BufWriter::with_capacity(1 << 16, out),
        }
    }
}

impl<W: Write> RecordWriter for NdjsonWriter<W> {
    fn write(&mut self, record: &LogRecord) -> Result<(), WriteError> {
        let out = &mut self.out;
        out.write_all(b"{")?;
        for (i, (column, value)) in COLUMNS.iter().zip(values(record)).enumerate() {
            if i > 0 {
                out.write_all(b",")?;
            }
            write!(out, "\"{}\":", column.name)?;
            match value {
                Value::Text(text) => serde_json::to_writer(&mut *out, text).map_err(io)?,
                Value::Integer(n) => write!(out, "{n}")?,
                // Scores, stabilities and difficulties are finite; JSON has no NaN.
                Value::Float(x) if x.is_finite() => write!(out, "{x:?}")?,
                Value::Float(_) | Value::Null => out.write_all(b"null")?,
                Value::Boolean(b) => write!(out, "{b}")?,
                Value::Time(t) => write!(out, "\"{}\"", time_text(t))?,
            }
        }
        out.write_all(b"}\n")?;
        Ok(())
    }

    fn finish(mut self: Box<Self>) -> Result<(), WriteError> {
        self.out.flush()?;
        Ok(())
    }
}

fn io(error: serde_json::Error) -> WriteError {
    WriteError::Io(error.into())
}
