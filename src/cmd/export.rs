//! `recall export`: banks as an Anki package, Moodle GIFT or CSV.

use super::args::BankPaths;
use super::{CommandError, Context, ErrorKind, Outcome};
use crate::atomic_file;
use crate::bank::Bank;
use crate::export;
use crate::text::sanitize;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;

/// Export banks for Anki, Moodle (GIFT) or a spreadsheet (CSV)
///
/// An Anki package (a deck per bank; re-importing a later export updates the notes
/// instead of duplicating them), Moodle GIFT (multiple choice, multiple answer with
/// weights, short answers, interview questions as essays), or CSV (one row per
/// question, for spreadsheets).
///
/// Banks with errors stop the command (exit 2) with the errors; run `recall check`.
///
/// Example: recall export banks/ --format anki -o recall.apkg
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The banks to export.
    #[command(flatten)]
    pub paths: BankPaths,

    /// The format to write
    #[arg(long, value_enum)]
    pub format: Format,

    /// The file to write, whole or not at all (a failed export leaves it as it was), byte
    /// for byte [default: stdout for gift and csv, where control characters are made
    /// visible when it is a terminal; required for anki]
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// What `recall export` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// An Anki package (.apkg)
    Anki,
    /// Moodle GIFT text
    Gift,
    /// Comma-separated values, one row per question
    Csv,
}

/// Runs `recall export`.
pub fn run(ctx: &Context, args: Args) -> Result<Outcome, CommandError> {
    let library = ctx.load_valid_banks(&args.paths)?;
    let banks: Vec<&Bank> = library.banks.iter().collect();
    let text = match args.format {
        Format::Anki => {
            let Some(out) = &args.output else {
                return Err(CommandError::usage(
                    "an Anki package is a binary file: name it with -o FILE.apkg",
                ));
            };
            export::anki::write_package(&banks, ctx.clock.now().timestamp_millis(), out)?;
            // A follow-up is a note of its own.
            let notes: usize = banks
                .iter()
                .flat_map(|b| &b.questions)
                .map(|q| q.with_follow_ups().len())
                .sum();
            eprintln!(
                "wrote {}: {} deck{}, {} note{}",
                out.display(),
                banks.len(),
                crate::cmd::check::plural(banks.len()),
                notes,
                crate::cmd::check::plural(notes)
            );
            return Ok(Outcome::Success);
        }
        Format::Gift => export::gift::export(banks.iter().copied()),
        Format::Csv => export::csv::export(banks.iter().copied()),
    };
    match &args.output {
        Some(path) => atomic_file::write(path, text.as_bytes()).map_err(|e| {
            let message = format!("cannot write {}: {e}", path.display());
            CommandError::new(ErrorKind::Io, anyhow::Error::msg(message))
                .hint("the file was left as it was")
        })?,
        None => {
            let mut out = std::io::stdout().lock();
            // A bank is untrusted: at a terminal its text must not drive it (set the
            // title, clear the screen, fill the clipboard). Redirected, every byte is kept.
            if out.is_terminal() {
                out.write_all(sanitize(&text).as_bytes())?;
            } else {
                out.write_all(text.as_bytes())?;
            }
        }
    }
    Ok(Outcome::Success)
}
