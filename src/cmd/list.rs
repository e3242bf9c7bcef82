//! `recall list`: the banks found, with their question counts by kind and tier.

use super::args::{BankPaths, JsonOutput};
use super::{CommandError, Context, Outcome};
use crate::bank::{Bank, Kind, Tier};
use crate::text::sanitize;
use serde::Serialize;
use std::collections::BTreeMap;
use std::io::Write;

/// List the banks with how many questions of each kind and interview tier they hold.
///
/// Banks with errors are left out; `recall check` says why.
///
/// Example: recall list --json
#[derive(Debug, clap::Args)]
#[command(mut_arg("json", |arg| arg.help(
    "Print a JSON array of {id, title, path, questions, kinds, tiers}"
)))]
pub struct Args {
    /// The banks to list.
    #[command(flatten)]
    pub paths: BankPaths,

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

fn summarize(bank: &Bank) -> Summary<'_> {
    let mut kinds = BTreeMap::new();
    let mut tiers = BTreeMap::new();
    for question in &bank.questions {
        *kinds.entry(question.kind.as_str()).or_insert(0) += 1;
        if let Some(tier) = question.tier {
            *tiers.entry(tier.as_str()).or_insert(0) += 1;
        }
    }
    Summary {
        id: &bank.id,
        title: &bank.title,
        path: bank.source.display().to_string(),
        questions: bank.questions.len(),
        kinds,
        tiers,
    }
}

/// Runs `recall list`.
pub fn run(ctx: &Context, args: Args) -> Result<Outcome, CommandError> {
    let library = ctx.load_banks(&args.paths)?;
    let summaries: Vec<Summary> = library.banks.iter().map(summarize).collect();
    let mut out = std::io::stdout().lock();
    if args.output.json {
        writeln!(out, "{}", crate::text::terminal_safe_json(&summaries)?)?;
        return Ok(Outcome::Success);
    }
    if summaries.is_empty() {
        writeln!(
            out,
            "no valid banks found; `recall check` shows what is wrong"
        )?;
        return Ok(Outcome::Success);
    }
    for s in &summaries {
        writeln!(out, "{}  {}", sanitize(s.id), sanitize(s.title))?;
        let kinds: Vec<String> = Kind::ALL
            .iter()
            .filter_map(|k| {
                s.kinds
                    .get(k.as_str())
                    .map(|n| format!("{n} {}", k.as_str().replace('_', " ")))
            })
            .collect();
        if kinds.is_empty() {
            writeln!(out, "  no questions yet")?;
        } else {
            writeln!(out, "  {} questions: {}", s.questions, kinds.join(", "))?;
        }
        if !s.tiers.is_empty() {
            let tiers: Vec<String> = Tier::ALL
                .iter()
                .filter_map(|t| {
                    s.tiers
                        .get(t.as_str())
                        .map(|n| format!("{n} {}", t.as_str()))
                })
                .collect();
            writeln!(out, "  interview tiers: {}", tiers.join(", "))?;
        }
        writeln!(out, "  {}", sanitize(&s.path))?;
    }
    let skipped = library.diagnostics.iter().filter(|d| d.is_error()).count();
    if skipped > 0 {
        writeln!(
            out,
            "\n{skipped} error(s) kept some banks out; run `recall check`"
        )?;
    }
    Ok(Outcome::Success)
}
