//! `recall list`: the banks found, with their question counts by kind and tier; with
//! `--tags`, the tags the banks and questions carry.

use super::args::{BankPaths, JsonOutput};
use super::{CommandError, Context, Outcome};
use crate::bank::{Bank, Catalog, KindName, Outline, Tier};
use crate::style::{self, paint};
use crate::text::{sanitize, wrap_hanging};
use serde::Serialize;
use std::collections::BTreeMap;
use std::io::Write;

/// List the banks, with question counts by kind and interview tier
///
/// Banks with errors are left out; `recall check` says why. With --tags, the tags to
/// study by (`--tag TAG`) instead, each with how many questions carry it (a bank's tag
/// counts for each of its questions).
///
/// Example: recall list --json
#[derive(Debug, clap::Args)]
#[command(mut_arg("json", |arg| arg.help(
    "Print a JSON array of {id, title, path, questions, kinds, tiers} (with --tags, an \
     object of tag: questions)"
)))]
pub struct Args {
    /// The banks to list.
    #[command(flatten)]
    pub paths: BankPaths,

    /// List the tags, with how many questions carry each
    #[arg(long)]
    pub tags: bool,

    /// Text, or JSON with `--json`.
    #[command(flatten)]
    pub output: JsonOutput,
}

#[derive(Debug, Serialize)]
struct Summary<'a> {
    id: &'a str,
    title: &'a str,
    path: String,
    questions: usize,
    kinds: BTreeMap<&'static str, usize>,
    tiers: BTreeMap<&'static str, usize>,
}

fn summarize<'a>(bank: &'a Bank, questions: &[Outline]) -> Summary<'a> {
    let mut kinds = BTreeMap::new();
    let mut tiers = BTreeMap::new();
    for question in questions {
        *kinds.entry(question.kind.as_str()).or_insert(0) += 1;
        if let Some(tier) = question.tier {
            *tiers.entry(tier.as_str()).or_insert(0) += 1;
        }
    }
    Summary {
        id: &bank.id,
        title: &bank.title,
        path: bank.source.display().to_string(),
        questions: questions.len(),
        kinds,
        tiers,
    }
}

/// Runs `recall list`.
pub fn run(ctx: &Context, args: Args) -> Result<Outcome, CommandError> {
    // The questions' outlines are all a list takes: nothing is decoded.
    let catalog = ctx.load_catalog(&args.paths)?;
    if args.tags {
        return list_tags(&catalog, args.output.json);
    }
    let summaries: Vec<Summary> = catalog
        .banks
        .iter()
        .enumerate()
        .map(|(index, bank)| summarize(bank, catalog.outlines(index)))
        .collect();
    if args.output.json {
        let mut out = std::io::stdout().lock();
        writeln!(out, "{}", crate::text::terminal_safe_json(&summaries)?)?;
        return Ok(Outcome::Success);
    }
    let mut out = style::stdout();
    let width = crate::text::terminal_width();
    if summaries.is_empty() {
        writeln!(
            out,
            "no valid banks found; `recall check` shows what is wrong"
        )?;
        return Ok(Outcome::Success);
    }
    for s in &summaries {
        print_bank(&mut out, s, width)?;
    }
    let skipped = catalog.diagnostics.iter().filter(|d| d.is_error()).count();
    if skipped > 0 {
        writeln!(
            out,
            "\n{skipped} error(s) kept some banks out; run `recall check`"
        )?;
    }
    Ok(Outcome::Success)
}

/// `recall list --tags`: every tag, with how many questions carry it.
fn list_tags(catalog: &Catalog, json: bool) -> Result<Outcome, CommandError> {
    let mut out = style::stdout();
    let tags = crate::session::select::catalog_tags(catalog);
    if json {
        writeln!(out, "{}", crate::text::terminal_safe_json(&tags)?)?;
    } else if tags.is_empty() {
        writeln!(out, "the banks have no tags")?;
    } else {
        let width = tags.keys().map(|t| t.chars().count()).max().unwrap_or(0);
        for (tag, count) in &tags {
            let questions = if *count == 1 { "question" } else { "questions" };
            writeln!(out, "{:<width$}  {count} {questions}", sanitize(tag))?;
        }
    }
    Ok(Outcome::Success)
}

/// One bank's entry: its id and title, its questions by kind and tier, and its path.
fn print_bank(out: &mut impl Write, s: &Summary, width: usize) -> std::io::Result<()> {
    let line = format!(
        "{}  {}",
        paint(style::ID.bold(), sanitize(s.id)),
        paint(style::HEADING, sanitize(s.title))
    );
    // Folded only when too wide: folding would close up the two spaces.
    if crate::text::display_width(&line) > width {
        writeln!(out, "{}", wrap_hanging(&line, width, "  "))?;
    } else {
        writeln!(out, "{line}")?;
    }
    let kinds: Vec<String> = KindName::ALL
        .iter()
        .filter_map(|k| {
            s.kinds
                .get(k.as_str())
                .map(|n| format!("{n} {}", crate::view::kind_label(*k)))
        })
        .collect();
    if kinds.is_empty() {
        writeln!(out, "  no questions yet")?;
    } else {
        let line = format!("  {} questions: {}", s.questions, kinds.join(", "));
        writeln!(out, "{}", wrap_hanging(&line, width, "  "))?;
    }
    if !s.tiers.is_empty() {
        let tiers: Vec<String> = Tier::ALL
            .iter()
            .filter_map(|t| {
                s.tiers
                    .get(t.as_str())
                    .map(|n| format!("{n} {}", paint(style::tier(*t), t)))
            })
            .collect();
        let line = format!("  interview tiers: {}", tiers.join(", "));
        writeln!(out, "{}", wrap_hanging(&line, width, "  "))?;
    }
    writeln!(out, "  {}", paint(style::DIM, sanitize(&s.path)))?;
    Ok(())
}
