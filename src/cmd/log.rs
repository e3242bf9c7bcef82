//! `recall log`: the review log beyond one database. `recall log export` writes every
//! review, with its card's state before and after, as CSV, NDJSON or Parquet.
//!
//! The records come from the store (`Store::export_log`), the formats from
//! `crate::logfile`; this picks the output and says what was written.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::{CommandError, Context, ErrorKind, Outcome};
use crate::logfile::{self, Format};

/// The review log beyond one database: export it
///
/// `recall log export` writes every review in the database (docs/log-format.md has the
/// columns).
#[derive(Debug, clap::Args)]
pub struct Args {
    /// What to do with the log.
    #[command(subcommand)]
    pub command: LogCommand,
}

/// What `recall log` does.
#[derive(Debug, clap::Subcommand)]
pub enum LogCommand {
    /// Write every review, with its card's state before and after
    ///
    /// Every review in the database, oldest first, with the question, the time, the
    /// answer, score, rating, duration and mode, and the card's FSRS state before and
    /// after it (replayed through the scheduler). The columns follow the open FSRS
    /// research dataset where they mean the same (card_id, review_th, rating, state,
    /// duration, elapsed_days, elapsed_seconds), so its tools read the file; DuckDB,
    /// pandas and spreadsheets read it too. docs/log-format.md has every column.
    ///
    /// Example: recall log export --format parquet -o reviews.parquet
    Export(ExportArgs),
}

/// `recall log export`'s arguments.
#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// The format to write
    #[arg(long, value_enum, default_value = "csv")]
    pub format: FormatArg,

    /// The file to write [default: stdout]
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// `--format` of `recall log export`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum FormatArg {
    /// Comma-separated values with a header row
    Csv,
    /// One JSON object per line
    Ndjson,
    /// Apache Parquet (Snappy-compressed)
    Parquet,
}

impl From<FormatArg> for Format {
    fn from(format: FormatArg) -> Format {
        match format {
            FormatArg::Csv => Format::Csv,
            FormatArg::Ndjson => Format::Ndjson,
            FormatArg::Parquet => Format::Parquet,
        }
    }
}

/// Runs `recall log`.
pub fn run(ctx: &Context, args: Args) -> Result<Outcome, CommandError> {
    match args.command {
        LogCommand::Export(args) => export(ctx, args),
    }
}

fn export(ctx: &Context, args: ExportArgs) -> Result<Outcome, CommandError> {
    let progress = ctx.progress()?;
    let format = Format::from(args.format);
    let write = |out: &mut (dyn Write + Send)| -> Result<u64, CommandError> {
        let mut writer = logfile::writer(format, out).map_err(write_error)?;
        let count = progress.store.export_log(&progress.scheduler, |record| {
            writer.write(record).map_err(write_error)
        })?;
        writer.finish().map_err(write_error)?;
        Ok(count)
    };
    match &args.output {
        Some(path) => {
            let count = write_file(path, write)?;
            eprintln!(
                "wrote {count} review{} to {}",
                if count == 1 { "" } else { "s" },
                path.display()
            );
        }
        None => {
            write(&mut std::io::BufWriter::new(std::io::stdout()))?;
        }
    }
    Ok(Outcome::Success)
}

/// An export that could not be written: an I/O error (a closed pipe is not a failure).
fn write_error(error: logfile::WriteError) -> CommandError {
    match error {
        logfile::WriteError::Io(error) => CommandError::from(error),
        error => CommandError::new(ErrorKind::Io, error),
    }
}

/// Writes `path` whole or not at all: into a temporary file beside it, renamed over it
/// once everything is written.
fn write_file<T>(
    path: &Path,
    write: impl FnOnce(&mut (dyn Write + Send)) -> Result<T, CommandError>,
) -> Result<T, CommandError> {
    let cannot = |e: std::io::Error| {
        let message = format!("cannot write {}: {e}", path.display());
        CommandError::new(ErrorKind::Io, anyhow::Error::msg(message))
    };
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let temporary = path.with_file_name(format!(".{name}.tmp-{}", std::process::id()));
    let result = (|| {
        let file = std::fs::File::create(&temporary).map_err(cannot)?;
        let mut out = std::io::BufWriter::new(file);
        let value = write(&mut out)?;
        let file = out.into_inner().map_err(|e| cannot(e.into_error()))?;
        file.sync_all().map_err(cannot)?;
        std::fs::rename(&temporary, path).map_err(cannot)?;
        Ok(value)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&temporary);
    }
    result
}
