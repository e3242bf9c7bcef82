//! An export as Apache Parquet: one flat message of the columns (text as UTF-8 byte
//! arrays, integers as INT64, floats as DOUBLE, times as INT64 microseconds marked
//! `TIMESTAMP(MICROS, true)`), Snappy-compressed, in row groups of
//! [`ROWS_PER_GROUP`] reviews. Written with parquet's column writers and read back with
//! its record reader, without Arrow.

use std::fs::File;
use std::io::Write;
use std::path::Path;
use std::sync::Arc;

use parquet::basic::Compression;
use parquet::data_type::{BoolType, ByteArray, ByteArrayType, DoubleType, Int64Type};
use parquet::file::properties::WriterProperties;
use parquet::file::reader::{FileReader, SerializedFileReader};
use parquet::file::writer::SerializedFileWriter;
use parquet::record::Field;
use parquet::schema::parser::parse_message_type;

use super::read::{Problems, ReadError, check_columns, kind_name, review_from};
use super::{COLUMNS, Kind, RecordWriter, Value, WriteError, values};
use crate::store::{LogRecord, Review};

/// Reviews per row group: large enough to compress well, small enough to hold.
pub const ROWS_PER_GROUP: usize = 128 * 1024;

/// The name of the Parquet message (its schema's root).
pub const MESSAGE: &str = "recall_review";

/// The Parquet schema of [`COLUMNS`].
pub(super) fn schema() -> String {
    let mut message = format!("message {MESSAGE} {{\n");
    for column in COLUMNS {
        let repetition = if column.optional {
            "optional"
        } else {
            "required"
        };
        let physical = match column.kind {
            Kind::Text => "binary",
            Kind::Integer => "int64",
            Kind::Float => "double",
            Kind::Boolean => "boolean",
            Kind::Time => "int64",
        };
        let logical = match column.kind {
            Kind::Text => " (UTF8)",
            Kind::Time => " (TIMESTAMP(MICROS,true))",
            _ => "",
        };
        message.push_str(&format!(
            "  {repetition} {physical} {}{logical};\n",
            column.name
        ));
    }
    message.push('}');
    message
}

/// One column's values so far in the row group, and its definition levels (1 present,
/// 0 null) when it is optional.
enum Buffer {
    Text(Vec<ByteArray>),
    Integer(Vec<i64>),
    Float(Vec<f64>),
    Boolean(Vec<bool>),
}

pub(super) struct ParquetWriter<W: Write + Send> {
    writer: SerializedFileWriter<W>,
    columns: Vec<(Buffer, Vec<i16>)>,
    rows: usize,
}

impl<W: Write + Send> ParquetWriter<W> {
    pub fn new(out: W) -> Result<ParquetWriter<W>, WriteError> {
        let schema = Arc::new(parse_message_type(&schema())?);
        let properties = Arc::new(
            WriterProperties::builder()
                .set_compression(Compression::SNAPPY)
                .set_created_by(format!("recall {}", env!("CARGO_PKG_VERSION")))
                .build(),
        );
        let writer = SerializedFileWriter::new(out, schema, properties)?;
        let columns = COLUMNS
            .iter()
            .map(|column| {
                let buffer = match column.kind {
                    Kind::Text => Buffer::Text(Vec::new()),
                    Kind::Integer | Kind::Time => Buffer::Integer(Vec::new()),
                    Kind::Float => Buffer::Float(Vec::new()),
                    Kind::Boolean => Buffer::Boolean(Vec::new()),
                };
                (buffer, Vec::new())
            })
            .collect();
        Ok(ParquetWriter {
            writer,
            columns,
            rows: 0,
        })
    }

    /// Writes the buffered rows as one row group.
    fn flush_group(&mut self) -> Result<(), WriteError> {
        if self.rows == 0 {
            return Ok(());
        }
        let mut group = self.writer.next_row_group()?;
        for (column, (buffer, levels)) in COLUMNS.iter().zip(&mut self.columns) {
            let Some(mut writer) = group.next_column()? else {
                break;
            };
            let levels = column.optional.then_some(levels.as_slice());
            match buffer {
                Buffer::Text(values) => {
                    writer
                        .typed::<ByteArrayType>()
                        .write_batch(values, levels, None)?;
                }
                Buffer::Integer(values) => {
                    writer
                        .typed::<Int64Type>()
                        .write_batch(values, levels, None)?;
                }
                Buffer::Float(values) => {
                    writer
                        .typed::<DoubleType>()
                        .write_batch(values, levels, None)?;
                }
                Buffer::Boolean(values) => {
                    writer
                        .typed::<BoolType>()
                        .write_batch(values, levels, None)?;
                }
            }
            writer.close()?;
        }
        group.close()?;
        for (buffer, levels) in &mut self.columns {
            levels.clear();
            match buffer {
                Buffer::Text(v) => v.clear(),
                Buffer::Integer(v) => v.clear(),
                Buffer::Float(v) => v.clear(),
                Buffer::Boolean(v) => v.clear(),
            }
        }
        self.rows = 0;
        Ok(())
    }
}

impl<W: Write + Send> RecordWriter for ParquetWriter<W> {
    fn write(&mut self, record: &LogRecord) -> Result<(), WriteError> {
        for ((buffer, levels), value) in self.columns.iter_mut().zip(values(record)) {
            levels.push(i16::from(value != Value::Null));
            match (buffer, value) {
                (Buffer::Text(v), Value::Text(text)) => v.push(ByteArray::from(text)),
                (Buffer::Integer(v), Value::Integer(n)) => v.push(n),
                (Buffer::Integer(v), Value::Time(t)) => v.push(t.timestamp_micros()),
                (Buffer::Float(v), Value::Float(x)) => v.push(x),
                (Buffer::Boolean(v), Value::Boolean(b)) => v.push(b),
                // A null has only its level; `values` gives each column its own kind.
                _ => {}
            }
        }
        self.rows += 1;
        if self.rows == ROWS_PER_GROUP {
            self.flush_group()?;
        }
        Ok(())
    }

    fn finish(mut self: Box<Self>) -> Result<(), WriteError> {
        self.flush_group()?;
        self.writer.finish()?;
        self.writer.inner_mut().flush()?;
        Ok(())
    }
}

/// Reads a Parquet export: its schema checked against [`COLUMNS`], then each row.
pub(super) fn read(
    path: &Path,
    problems: &mut Problems,
    visit: &mut impl FnMut(Review) -> Result<(), ReadError>,
) -> Result<u64, ReadError> {
    let io = |source| ReadError::Io {
        path: path.to_path_buf(),
        source,
    };
    let file = File::open(path).map_err(io)?;
    let reader = match SerializedFileReader::new(file) {
        Ok(reader) => reader,
        Err(error) => {
            problems.add(
                "the file".to_owned(),
                format!("not readable as Parquet ({error})"),
            );
            return Ok(0);
        }
    };
    let schema = reader.metadata().file_metadata().schema_descr();
    check_columns(problems, schema.columns().iter().map(|c| c.name()))?;
    let rows = match reader.get_row_iter(None) {
        Ok(rows) => rows,
        Err(error) => {
            problems.add(
                "the file".to_owned(),
                format!("its rows cannot be read ({error})"),
            );
            return Ok(0);
        }
    };
    let mut count = 0;
    for (index, row) in rows.enumerate() {
        let place = format!("row {}", index + 1);
        let row = match row {
            Ok(row) => row,
            Err(error) => {
                problems.add(place, error.to_string());
                break;
            }
        };
        let mut values = [Value::Null; COLUMNS.len()];
        let parsed = row
            .get_column_iter()
            .zip(COLUMNS)
            .enumerate()
            .try_for_each(|(i, ((_, field), column))| {
                values[i] = match (field, column.kind) {
                    (Field::Null, _) => Value::Null,
                    (Field::Str(text), Kind::Text) => Value::Text(text),
                    (Field::Long(n), Kind::Integer) => Value::Integer(*n),
                    (Field::Double(x), Kind::Float) => Value::Float(*x),
                    (Field::Bool(b), Kind::Boolean) => Value::Boolean(*b),
                    (Field::TimestampMicros(micros), Kind::Time) => Value::Time(
                        chrono::DateTime::from_timestamp_micros(*micros)
                            .ok_or_else(|| format!("`{}` is an impossible time", column.name))?,
                    ),
                    (other, kind) => {
                        return Err(format!(
                            "`{}` is {other}, not {}",
                            column.name,
                            kind_name(kind)
                        ));
                    }
                };
                Ok(())
            })
            .and_then(|()| review_from(&values));
        count += problems.row(|| place, parsed, visit)?;
    }
    Ok(count)
}
