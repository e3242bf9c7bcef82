//! `recall doctor`: check the progress database, fix what is safe to fix, and make
//! verified backups. The checks and fixes are the store's (`store::examine`, `Store`'s
//! health methods) and the bank cache's; this verb decides the order, prints the
//! findings and sets the exit code.

use super::args::BankPaths;
use super::{CommandError, Context, Outcome};
use crate::atomic_file;
use crate::bank::cache::{self, CacheFile};
use crate::store::{self, Examination, QuestionKey, StoreError};
use crate::text::sanitize;
use std::collections::HashSet;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Check the progress database, fix what is safe, and back it up
///
/// Runs SQLite's full integrity check, and reports the schema version, a write-ahead log
/// holding answers not yet copied into the database file, the bank cache, temporary
/// files a killed run left, cards out of step with the answer log, and answers to
/// questions no bank has any more. What is safe is fixed at once: the write-ahead log is
/// folded into the database file, an unusable cache and stray temporary files are
/// removed, cards are rebuilt from the log, and the mark an earlier failed check left is
/// removed once the database is sound. The answer log itself is never changed.
///
/// Never delete recall.db-wal by hand: after a crash it can hold your latest answers,
/// and recall (or this command) folds them into the database.
///
/// With --backup FILE, a copy goes to FILE through SQLite's online backup (safe while
/// you study in another window), checked before it replaces FILE. Restoring is copying
/// it back over the database while recall is not running.
///
/// Exits 0 when the database is sound, 1 when it is damaged, 2 when it is not a recall
/// database or cannot be read.
///
/// Example: recall doctor --backup ~/backups/recall.db
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The banks whose questions the answers should belong to.
    #[command(flatten)]
    pub paths: BankPaths,

    /// Also write a verified backup of the database to FILE
    #[arg(long, value_name = "FILE")]
    pub backup: Option<PathBuf>,
}

/// The findings, one labelled paragraph each (wrapped under its text), printed as they
/// come.
struct Report {
    out: std::io::StdoutLock<'static>,
    width: usize,
}

/// The width of the labels, and of the indent of the lines a finding wraps onto.
const LABEL: usize = 17;

impl Report {
    fn line(&mut self, label: &str, text: impl AsRef<str>) -> Result<(), CommandError> {
        let indent = " ".repeat(LABEL);
        let wrapped = crate::text::wrap(&sanitize(text.as_ref()), self.width, &indent);
        let body = wrapped.strip_prefix(indent.as_str()).unwrap_or(&wrapped);
        writeln!(self.out, "{label:<width$}{body}", width = LABEL)?;
        Ok(())
    }
}

/// Runs `recall doctor`.
pub fn run(ctx: &Context, args: Args) -> Result<Outcome, CommandError> {
    let database = ctx.database()?.to_path_buf();
    let mut report = Report {
        out: std::io::stdout().lock(),
        width: crate::text::terminal_width(),
    };
    report.line("database", database.display().to_string())?;
    if std::fs::symlink_metadata(&database).is_err() {
        report.line(
            "",
            "there is no database here yet; recall makes it on first use",
        )?;
        return Ok(Outcome::Success);
    }
    let examination = store::examine(&database)?;
    report.line(
        "schema",
        format!(
            "version {} (this recall writes version {})",
            examination.version,
            store::SCHEMA_VERSION
        ),
    )?;
    stray_files(&database, &mut report)?;
    if examination.is_damaged() {
        return damaged(&examination, &args, &mut report);
    }
    report.line("integrity", "ok (SQLite's full integrity_check)")?;
    if let Some(mark) = &examination.damage_mark {
        store::clear_damage_mark(&database).map_err(|source| StoreError::Inspect {
            path: store::damage_mark_path(&database),
            source,
        })?;
        report.line(
            "damage mark",
            format!("an earlier check found \"{mark}\"; it is sound now, so the mark is removed"),
        )?;
    }
    repair(ctx, &examination, &args, &mut report)
}

/// Brings a sound database up to date: opens it as every command does (which also brings
/// its schema up to date), folds in the write-ahead log, rebuilds cards out of step with
/// the log, lists orphans, records the check and writes the backup asked for.
fn repair(
    ctx: &Context,
    examination: &Examination,
    args: &Args,
    report: &mut Report,
) -> Result<Outcome, CommandError> {
    let mut progress = ctx.progress()?;
    if (1..store::SCHEMA_VERSION).contains(&examination.version) {
        report.line(
            "schema",
            format!("brought up to version {}", store::SCHEMA_VERSION),
        )?;
    }
    match examination.write_ahead_log {
        Some(bytes) if progress.store.checkpoint()? => report.line(
            "write-ahead log",
            format!("{bytes} bytes of answers not yet in the database file: folded in"),
        )?,
        Some(bytes) => report.line(
            "write-ahead log",
            format!(
                "{bytes} bytes; another recall is reading, so it stays (it is folded in when \
                 that ends)"
            ),
        )?,
        None => report.line("write-ahead log", "empty")?,
    }
    let (without_card, without_log) = progress.store.cards_out_of_step()?;
    if without_card + without_log == 0 {
        report.line("cards", "in step with the answer log")?;
    } else {
        let cards = progress.store.rebuild(&progress.scheduler)?;
        report.line(
            "cards",
            format!(
                "{without_card} answered question(s) had no card and {without_log} card(s) \
                 had no answers: all {cards} rebuilt from the log"
            ),
        )?;
    }
    orphans(ctx, args, &progress.store, report)?;
    let day = progress.study_day().date(ctx.clock.offset());
    progress.store.record_check(day, ctx.clock.now())?;
    if let Some(to) = &args.backup {
        let made = progress.store.backup(to)?;
        report.line(
            "backup",
            format!(
                "wrote {} ({} answers, {} bytes), checked: sound and complete",
                made.path.display(),
                made.reviews,
                made.bytes
            ),
        )?;
    }
    Ok(Outcome::Success)
}

/// Reports a damaged database, what to do, and exits 1. Writes nothing to it.
fn damaged(
    examination: &Examination,
    args: &Args,
    report: &mut Report,
) -> Result<Outcome, CommandError> {
    report.line(
        "integrity",
        format!(
            "DAMAGED: {}",
            store::summarise_problems(&examination.problems)
        ),
    )?;
    report.line(
        "",
        "recall will not write to it; copy your latest backup over it (while recall is not \
         running), or start afresh with --db and another path",
    )?;
    if let Some(to) = &args.backup {
        report.line(
            "backup",
            format!(
                "not written: a copy of a damaged database would be damaged too, and {} is \
                 left as it was",
                to.display()
            ),
        )?;
    }
    Ok(Outcome::Failure)
}

/// Reports the bank cache and the temporary files beside the database, removing an
/// unusable cache and what killed runs left.
fn stray_files(database: &Path, report: &mut Report) -> Result<(), CommandError> {
    let cache = cache::path_for(database);
    match cache::inspect(&cache) {
        CacheFile::Missing => report.line("bank cache", "none (made by the next command)")?,
        CacheFile::Usable(bytes) => report.line("bank cache", format!("ok ({bytes} bytes)"))?,
        CacheFile::Unusable(bytes) => {
            let removed = std::fs::remove_file(&cache).is_ok();
            report.line(
                "bank cache",
                format!(
                    "{} ({bytes} bytes) is not a cache this recall reads: {}",
                    cache.display(),
                    if removed {
                        "removed (the next command writes a new one)"
                    } else {
                        "ignored (it could not be removed)"
                    }
                ),
            )?;
        }
    }
    let mut removed = atomic_file::remove_stale(&cache);
    removed.extend(atomic_file::remove_stale(&store::damage_mark_path(
        database,
    )));
    if removed.is_empty() {
        report.line("temporary files", "none left behind")?;
    } else {
        let names: Vec<String> = removed.iter().map(|p| p.display().to_string()).collect();
        report.line(
            "temporary files",
            format!("removed what a killed run left: {}", names.join(", ")),
        )?;
    }
    Ok(())
}

/// Reports answers to questions none of the banks has.
fn orphans(
    ctx: &Context,
    args: &Args,
    store: &store::Store,
    report: &mut Report,
) -> Result<(), CommandError> {
    let library = ctx.load_banks(&args.paths)?;
    let known: HashSet<QuestionKey> = library
        .questions_and_follow_ups()
        .map(|(b, q)| QuestionKey::new(&b.id, &q.id))
        .collect();
    let orphans = store.orphans(&known)?;
    if orphans.is_empty() {
        report.line("answers", "every answer belongs to a question in the banks")?;
    } else {
        let answers: u64 = orphans.iter().map(|o| o.reviews).sum();
        report.line(
            "answers",
            format!(
                "{answers} answer(s) to {} question(s) no bank has (kept; `recall check \
                 --orphans` lists them)",
                orphans.len()
            ),
        )?;
    }
    Ok(())
}
