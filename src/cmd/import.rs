//! `recall import`: turn a lesson (markdown, or the plain-text export) into a bank.

use super::{CommandError, Context, Outcome};
use crate::import::{self, Level};
use anyhow::Context as _;
use std::io::Write;
use std::path::PathBuf;

/// Turn a lesson (markdown or plain text) into a draft bank
///
/// Its Knowledge Check (multiple choice, scenario and short answer questions) and its
/// Interview Preparation tiers become questions, with the "View Answers" block matched
/// back to its questions as model answers and draft rubrics derived from them.
///
/// Reads markdown lessons (`##`/`###` headings, lists, `<details>` blocks) and the
/// plain-text export of a lesson whose headings lost their markers. The bank goes to
/// stdout, or to FILE with -o. What the importer drafted or guessed is marked
/// `draft = true` and explained in a comment and on stderr; anything it could not place
/// is reported on stderr and kept as a comment at the end of the bank. Exits 0 when
/// everything was placed, 1 when something was not, 2 when the lesson cannot be read.
///
/// Example: recall import lessons/MOD-DOCKER-04.md -o banks/docker/mod-docker-04.toml
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The lesson file (markdown or plain text)
    pub lesson: PathBuf,

    /// Where to write the bank, whole or not at all [default: stdout]
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// Runs `recall import`.
pub fn run(_ctx: &Context, args: Args) -> Result<Outcome, CommandError> {
    let bytes = std::fs::read(&args.lesson)
        .with_context(|| format!("cannot read the lesson {}", args.lesson.display()))?;
    let text = String::from_utf8(bytes).map_err(|_| {
        CommandError::data(format!(
            "{} is not UTF-8 text; save the lesson as UTF-8 and try again",
            args.lesson.display()
        ))
    })?;
    let name = args
        .lesson
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| args.lesson.display().to_string());
    let import = import::import(&text, &name);
    let toml = import.to_toml();
    match &args.output {
        Some(path) => crate::atomic_file::write(path, toml.as_bytes())
            .with_context(|| format!("cannot write {}; it was left as it was", path.display()))?,
        None => std::io::stdout().lock().write_all(toml.as_bytes())?,
    }
    let mut err = std::io::stderr().lock();
    for note in &import.notes {
        let label = match note.level {
            Level::Warning => "warning",
            Level::Unplaced => "not imported",
        };
        writeln!(err, "{label}: {}", crate::text::sanitize(&note.message))?;
    }
    let bank = &import.bank;
    let drafts = bank.questions.iter().filter(|q| q.draft).count();
    writeln!(
        err,
        "imported {} question{} into bank `{}` ({} draft{} to review); {} piece{} not imported",
        bank.questions.len(),
        crate::cmd::check::plural(bank.questions.len()),
        bank.id,
        drafts,
        crate::cmd::check::plural(drafts),
        import.unplaced(),
        crate::cmd::check::plural(import.unplaced()),
    )?;
    Ok(if import.unplaced() > 0 {
        Outcome::Failure
    } else {
        Outcome::Success
    })
}
