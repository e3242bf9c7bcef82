//! `recall log`: the review log beyond one database. `recall log export` writes every
//! review, with its card's state before and after, as CSV, NDJSON or Parquet; `recall
//! log import` merges exports from other devices and learners.
//!
//! The records come from and go to the store (`Store::export_log`, `Store::import`), the
//! formats are `crate::logfile`'s; this picks the files and says what was done.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::{CommandError, Context, ErrorKind, Outcome};
use crate::atomic_file::AtomicFile;
use crate::logfile::{self, Format};
use crate::store::{LogRecord, ReviewBatch, StoreError};

/// The review log beyond one database: export and import
///
/// `recall log export` writes every review in the database (docs/log-format.md has the
/// columns); `recall log import` merges exports from your other devices, or other
/// learners' (kept apart from your schedule, for `recall items`).
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
    /// Merge exported logs: your other devices', or other learners'
    ///
    /// Adds every review the log does not have yet (reviews are matched by their uuid,
    /// so importing a file twice changes nothing), then rebuilds your cards by replaying
    /// the merged log. Two devices that studied apart and import each other's exports end
    /// with the same log and the same schedule. Reviews of another learner are kept
    /// apart by their learner id and never touch your schedule; `recall items` counts
    /// them. A file that is not an export, or is damaged, is refused with its problems,
    /// and nothing is imported from any of the files.
    ///
    /// Your other device has its own learner id until you import one of its exports with
    /// --same-learner: this database then takes that learner id, so its reviews and the
    /// other device's are one learner's. Do that once, on one of the two devices.
    ///
    /// Example: recall log import laptop.csv --same-learner
    Import(ImportArgs),
}

/// `recall log import`'s arguments.
#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    /// Exports to merge (CSV, NDJSON or Parquet, as `recall log export` writes them)
    #[arg(value_name = "FILE", required = true)]
    pub files: Vec<PathBuf>,

    /// The files are my own reviews from another device: take their learner id
    #[arg(long)]
    pub same_learner: bool,
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
        LogCommand::Import(args) => import(ctx, args),
    }
}

fn export(ctx: &Context, args: ExportArgs) -> Result<Outcome, CommandError> {
    let progress = ctx.progress()?;
    let format = Format::from(args.format);
    // The log is read and replayed on this thread while another formats and writes
    // what was replayed, a batch at a time.
    let write = |out: &mut (dyn Write + Send)| -> Result<u64, CommandError> {
        let mut writer = logfile::writer(format, out).map_err(write_error)?;
        let (sender, receiver) = std::sync::mpsc::sync_channel::<Vec<LogRecord>>(4);
        std::thread::scope(|scope| {
            let writing = scope.spawn(move || {
                for batch in receiver {
                    for record in &batch {
                        writer.write(record)?;
                    }
                }
                writer.finish()
            });
            let mut batch = Vec::with_capacity(BATCH);
            let read = progress.store.export_log(&progress.scheduler, |record| {
                batch.push(record);
                if batch.len() == BATCH {
                    let full = std::mem::replace(&mut batch, Vec::with_capacity(BATCH));
                    sender.send(full).map_err(|_| Stop::Writer)?;
                }
                Ok::<(), Stop>(())
            });
            let read = read.and_then(|count| {
                sender.send(batch).map_err(|_| Stop::Writer)?;
                Ok(count)
            });
            drop(sender);
            // A panic while writing is a bug: carry it on, as an unjoined thread would.
            let written = writing
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            match (read, written) {
                (Err(Stop::Read(error)), _) => Err(error),
                (_, Err(error)) => Err(write_error(error)),
                (Ok(count), Ok(())) => Ok(count),
                // The writer stops only on an error.
                (Err(Stop::Writer), Ok(())) => Err(write_error(logfile::WriteError::Io(
                    std::io::Error::other("the export's writer stopped"),
                ))),
            }
        })
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

/// Why reading the log for an export stopped.
enum Stop {
    /// Reading or replaying it failed.
    Read(CommandError),
    /// The writer stopped (its error is the one to report).
    Writer,
}

impl From<StoreError> for Stop {
    fn from(error: StoreError) -> Stop {
        Stop::Read(CommandError::from(error))
    }
}

fn import(ctx: &Context, args: ImportArgs) -> Result<Outcome, CommandError> {
    let mut progress = ctx.progress()?;
    let imported = progress
        .store
        .import(&progress.scheduler, args.same_learner, |importer| {
            read_aside(&args.files, |batch| importer.add_batch(batch))
        })?;
    let plural = |n: u64| if n == 1 { "" } else { "s" };
    let mut out = std::io::stdout().lock();
    if let Some(learner) = &imported.adopted {
        writeln!(
            out,
            "This database now keeps the schedule of learner {learner}."
        )?;
    }
    let repeated = imported.read - imported.added;
    writeln!(
        out,
        "Read {} review{} from {} file{}: {} new, {} already in the log.",
        imported.read,
        plural(imported.read),
        args.files.len(),
        plural(args.files.len() as u64),
        imported.added,
        repeated
    )?;
    if imported.own > 0 {
        writeln!(out, "{} of the new reviews are yours.", imported.own)?;
    }
    for (learner, count) in &imported.others {
        writeln!(
            out,
            "{count} new review{} of learner {learner}, kept apart from your schedule.",
            plural(*count)
        )?;
    }
    if let Some(cards) = imported.cards {
        writeln!(
            out,
            "Rebuilt {cards} card{} from the merged log.",
            plural(cards as u64)
        )?;
    }
    Ok(Outcome::Success)
}

/// Reviews read and checked ahead of the importer, in one batch.
const BATCH: usize = 4096;

/// Reads `files` in order on a thread of their own, checking each row, while `take`
/// takes them (in the files' order) a batch at a time on this one, each batch's lookups
/// worked out on the reading thread: the importer writes while the next rows are
/// parsed. The first error wins: `take`'s stops the reading, a file's
/// stops the taking (a damaged file's rows are never given to `take`).
fn read_aside(
    files: &[PathBuf],
    mut take: impl FnMut(ReviewBatch) -> Result<(), StoreError>,
) -> Result<(), CommandError> {
    let (sender, receiver) = std::sync::mpsc::sync_channel::<ReviewBatch>(16);
    std::thread::scope(|scope| {
        let reader = scope.spawn(move || {
            for file in files {
                let mut batch = Vec::with_capacity(BATCH);
                logfile::read(file, |review| {
                    batch.push(review);
                    if batch.len() == BATCH {
                        let full = std::mem::replace(&mut batch, Vec::with_capacity(BATCH));
                        sender
                            .send(ReviewBatch::new(full))
                            .map_err(|_| logfile::ReadError::Stopped)?;
                    }
                    Ok(())
                })?;
                if !batch.is_empty() {
                    sender
                        .send(ReviewBatch::new(batch))
                        .map_err(|_| logfile::ReadError::Stopped)?;
                }
            }
            Ok(())
        });
        let mut taken = Ok(());
        for batch in &receiver {
            if let Err(error) = take(batch) {
                taken = Err(CommandError::from(error));
                break;
            }
        }
        drop(receiver);
        // A panic while reading is a bug: carry it on, as an unjoined thread would.
        let read = reader
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        taken?;
        read.map_err(read_error)
    })
}

/// An export that could not be read: a data error (an I/O error when reading failed).
fn read_error(error: logfile::ReadError) -> CommandError {
    match error {
        logfile::ReadError::Io { .. } => CommandError::new(ErrorKind::Io, error),
        logfile::ReadError::Store(error) => CommandError::from(error),
        error => CommandError::new(ErrorKind::Data, error),
    }
}

/// An export that could not be written: an I/O error (a closed pipe is not a failure).
fn write_error(error: logfile::WriteError) -> CommandError {
    match error {
        logfile::WriteError::Io(error) => CommandError::from(error),
        error => CommandError::new(ErrorKind::Io, error),
    }
}

/// Writes `path` whole or not at all (`atomic_file`).
fn write_file<T>(
    path: &Path,
    write: impl FnOnce(&mut (dyn Write + Send)) -> Result<T, CommandError>,
) -> Result<T, CommandError> {
    let cannot = |e: std::io::Error| {
        let message = format!("cannot write {}: {e}", path.display());
        CommandError::new(ErrorKind::Io, anyhow::Error::msg(message))
    };
    let mut file = AtomicFile::create(path).map_err(cannot)?;
    let mut out = std::io::BufWriter::new(file.file());
    let value = write(&mut out)?;
    out.flush().map_err(cannot)?;
    drop(out);
    file.commit().map_err(cannot)?;
    Ok(value)
}
