//! `recall check`: validate banks and report every problem with `file:line:col`.

use super::args::BankPaths;
use super::{CommandError, Context, Outcome};
use crate::diagnostic::Diagnostic;
use std::io::Write;

/// Check banks for mistakes, each with file:line:col and a fix
///
/// TOML syntax, unknown or misspelt keys, missing fields,
/// duplicate ids, answer letters out of range, malformed rubrics, and more.
///
/// Every problem in every file is reported in one run, each with its file, line and
/// column, the question it is in, and how to fix it. Exits 0 when there are no errors
/// (warnings allowed), 1 when a bank has errors, 2 when a path cannot be read.
///
/// Example: recall check banks/ --format json
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The banks to check.
    #[command(flatten)]
    pub paths: BankPaths,

    /// How to print the problems: text for people, json (one object per problem) for tools
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,

    /// Also list progress whose question is no longer in any bank (a renamed or deleted
    /// id); its history is kept, never deleted, and these are warnings
    #[arg(long)]
    pub orphans: bool,
}

/// How `recall check` prints the problems.
#[allow(
    missing_docs,
    reason = "a variant's doc comment would become its help in `--help`; `--format` explains them"
)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Text,
    Json,
}

/// Runs `recall check`.
pub fn run(ctx: &Context, args: Args) -> Result<Outcome, CommandError> {
    // Problems and counts are all a check reports: a cached bank is not even decoded.
    let mut library = ctx.load_lean_catalog(&args.paths)?;
    if args.orphans {
        library.decode_outlines()?;
        let orphans = orphans(ctx, &library)?;
        library.diagnostics.extend(orphans);
    }
    match args.format {
        Format::Json => writeln!(
            std::io::stdout().lock(),
            "{}",
            crate::text::terminal_safe_json(&library.diagnostics)?
        )?,
        Format::Text => {
            let mut out = crate::style::stdout();
            let width = crate::text::report_width();
            for diagnostic in &library.diagnostics {
                writeln!(out, "{}\n", diagnostic.render_styled(width))?;
            }
            let errors = library.diagnostics.iter().filter(|d| d.is_error()).count();
            let warnings = library.diagnostics.len() - errors;
            let questions = library.len();
            writeln!(
                out,
                "checked {} file{}: {} bank{} with {} question{} valid; {}, {}",
                library.files,
                plural(library.files),
                library.banks.len(),
                plural(library.banks.len()),
                questions,
                plural(questions),
                count(errors, "error", crate::style::ERROR),
                count(warnings, "warning", crate::style::WARNING),
            )?;
        }
    }
    let failed = library.diagnostics.iter().any(Diagnostic::is_error);
    // Without a cache, the catalog holds every question parsed: freeing them one by one
    // was 7% of an uncached check's processor time, on one core, as its process ended.
    library.leave();
    Ok(if failed {
        Outcome::Failure
    } else {
        Outcome::Success
    })
}

/// "3 errors" in `style` when there are any, "0 errors" plain.
fn count(n: usize, noun: &str, style: crate::style::Style) -> String {
    let text = format!("{n} {noun}{}", plural(n));
    if n == 0 {
        text
    } else {
        crate::style::paint(style, text).to_string()
    }
}

pub(crate) fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// Progress in the database for questions no loaded bank has, as warnings on the
/// database file.
fn orphans(ctx: &Context, catalog: &crate::bank::Catalog) -> Result<Vec<Diagnostic>, CommandError> {
    let store = ctx.open_store()?;
    // Follow-ups are not in the catalog's outlines: decode every question (only for
    // --orphans).
    let library = catalog.library_of(|_| true)?;
    let known: std::collections::HashSet<crate::store::QuestionKey> = library
        .questions_and_follow_ups()
        .map(|(b, q)| crate::store::QuestionKey::new(&b.id, &q.id))
        .collect();
    Ok(store
        .orphans(&known)?
        .into_iter()
        .map(|orphan| {
            Diagnostic::file(
                store.path(),
                crate::diagnostic::Severity::Warning,
                format!(
                    "progress for `{}` ({} review{}, the last on {}) has no question in the banks",
                    orphan.key,
                    orphan.reviews,
                    plural(orphan.reviews as usize),
                    ctx.local_time(orphan.last_review)
                ),
            )
            .in_bank(Some(&orphan.key.bank))
            .in_question(Some(&orphan.key.question))
            .hint("if the question was renamed, give it its old id back to keep its history; the history is kept either way")
        })
        .collect())
}
