//! `recall due`: how many questions are due now, later today, tomorrow and in
//! the next 7 days, bank by bank.
//!
//! The counts are computed by the engine (`crate::stats::due`); this prints them as a
//! table or as JSON.

use std::io::Write;

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::args::{BankPaths, JsonOutput};
use super::{CommandError, Context, Outcome};
use crate::config::Config;
use crate::stats::due::{Due, DueCounts};
use crate::store::StudyDay;

/// Show what is due, bank by bank
///
/// Now (within today's limits), later today, tomorrow and over the next 7 days.
///
/// "Today" is the study day, which starts at `day_starts_at` (04:00 unless the
/// config says otherwise). Set RECALL_NOW to see another moment, e.g. next week.
///
/// Example: recall due banks/docker --json
#[derive(Debug, Default, clap::Args)]
pub struct Args {
    /// The banks whose questions count.
    #[command(flatten)]
    pub paths: BankPaths,

    /// Text, or JSON with `--json`.
    #[command(flatten)]
    pub output: JsonOutput,
}

/// One bank's row in the JSON output.
#[derive(Debug, Serialize)]
struct BankRow<'a> {
    bank: &'a str,
    #[serde(flatten)]
    counts: &'a DueCounts,
}

/// Runs `recall due` (and `recall` with no command).
pub fn run(ctx: &Context, args: Args) -> Result<Outcome, CommandError> {
    let library = ctx.load_valid_banks(&args.paths)?;
    let progress = ctx.progress()?;
    let config = &progress.config;
    let now = ctx.clock.now();
    let day = progress.study_day();
    let due =
        crate::stats::due::count(&progress.store, &library, now, day, progress.daily_limits())?;
    let mut out = std::io::stdout().lock();
    if args.output.json {
        writeln!(
            out,
            "{}",
            crate::text::terminal_safe_json(&json(&due, now, day))?
        )?;
    } else {
        write!(out, "{}", table(ctx, config, &due, now, day))?;
    }
    Ok(Outcome::Success)
}

fn json(due: &Due, now: DateTime<Utc>, day: StudyDay) -> serde_json::Value {
    let banks: Vec<BankRow> = due
        .banks
        .iter()
        .map(|(bank, counts)| BankRow { bank, counts })
        .collect();
    let queue = &due.queue;
    serde_json::json!({
        "now": now.to_rfc3339(),
        "study_day_start": day.start.to_rfc3339(),
        "banks": banks,
        "total": due.total,
        "new_today": queue.new_today,
        "reviews_today": queue.reviews_today,
        "reviews_held_back": queue.reviews_held_back,
        "queue": queue.in_order().map(ToString::to_string).collect::<Vec<_>>(),
    })
}

fn table(ctx: &Context, config: &Config, due: &Due, now: DateTime<Utc>, day: StudyDay) -> String {
    let mut out = format!(
        "Due at {} (study day of {}, starting {})\n\n",
        ctx.local_time(now),
        day.date(ctx.clock.offset()),
        config.scheduler.day_starts_at.format("%H:%M"),
    );
    let width = due
        .banks
        .keys()
        .map(|bank| bank.chars().count())
        .max()
        .unwrap_or(0)
        .max(5);
    out.push_str(&format!(
        "{:<width$}  {:>5}  {:>5}  {:>11}  {:>8}  {:>11}\n",
        "bank", "now", "new", "later today", "tomorrow", "next 7 days"
    ));
    let line = |name: &str, counts: &DueCounts| {
        format!(
            "{name:<width$}  {:>5}  {:>5}  {:>11}  {:>8}  {:>11}\n",
            counts.due_now, counts.new, counts.later_today, counts.tomorrow, counts.next_7_days
        )
    };
    for (bank, counts) in &due.banks {
        out.push_str(&line(&crate::text::sanitize(bank), counts));
    }
    if due.banks.len() > 1 {
        out.push_str(&line("total", &due.total));
    }
    let queue = &due.queue;
    out.push_str(&format!(
        "\nToday so far: {} new of {} allowed, {} reviews of {} allowed.\n",
        queue.new_today,
        config.scheduler.new_per_day,
        queue.reviews_today,
        config.scheduler.reviews_per_day
    ));
    if queue.reviews_held_back > 0 {
        out.push_str(&format!(
            "{} more reviews are due but over today's limit (reviews_per_day in the config).\n",
            queue.reviews_held_back
        ));
    }
    out
}
