//! An export as CSV: a header row of the column names, then one row per review. An
//! empty field is a null; times are RFC 3339 in UTC; floats are written in the shortest
//! form that reads back exactly.

use std::fmt::Write as _;
use std::io::Write;

use super::{COLUMNS, RecordWriter, Value, WriteError, time_text, values};
use crate::store::LogRecord;

pub(super) struct CsvWriter<W: Write> {
    writer: ::csv::Writer<W>,
    field: String,
}

impl<W: Write> CsvWriter<W> {
    pub fn new(out: W) -> Result<CsvWriter<W>, WriteError> {
        let mut writer = ::csv::Writer::from_writer(out);
        writer
            .write_record(COLUMNS.iter().map(|c| c.name))
            .map_err(csv_error)?;
        Ok(CsvWriter {
            writer,
            field: String::new(),
        })
    }
}

/// csv's errors while writing are I/O errors.
fn csv_error(error: ::csv::Error) -> WriteError {
    WriteError::Io(error.into())
}

impl<W: Write> RecordWriter for CsvWriter<W> {
    fn write(&mut self, record: &LogRecord) -> Result<(), WriteError> {
        for value in values(record) {
            self.field.clear();
            // Writing to a String cannot fail.
            let _ = match value {
                Value::Text(text) => {
                    self.field.push_str(text);
                    Ok(())
                }
                Value::Integer(n) => write!(self.field, "{n}"),
                Value::Float(x) => write!(self.field, "{x}"),
                Value::Boolean(b) => write!(self.field, "{b}"),
                Value::Time(t) => {
                    self.field.push_str(&time_text(t));
                    Ok(())
                }
                Value::Null => Ok(()),
            };
            self.writer.write_field(&self.field).map_err(csv_error)?;
        }
        self.writer.write_record(None::<&[u8]>).map_err(csv_error)
    }

    fn finish(mut self: Box<Self>) -> Result<(), WriteError> {
        self.writer.flush()?;
        Ok(())
    }
}
