//! `recall due`: how many questions are due now, new today, later today, tomorrow and
//! in the next 7 days, bank by bank; and `recall` with no command, which adds how to
//! start studying when there is something to study.
//!
//! The counts are computed by the engine (`crate::stats::due`); this prints them as a
//! table or as JSON.

use std::io::Write;

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::args::{BankPaths, JsonOutput};
use super::chosen::Chosen;
use super::{CommandError, Context, Outcome};
use crate::config::Config;
use crate::session::select::Filter;
use crate::stats::due::{Due, DueCounts};
use crate::store::StudyDay;
use crate::style::{self, paint};

/// Show what is due, bank by bank
///
/// Now (within today's limits), new (each bank's share of today's new questions, and
/// how many it has never asked), later today, tomorrow and over the next 7 days.
/// Suspended and buried questions are left out.
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

/// Runs `recall due`.
pub fn run(ctx: &Context, args: Args) -> Result<Outcome, CommandError> {
    show(ctx, args, false)
}

/// Runs `recall` with no command: what is due, and the command that starts studying
/// when there is something to study (or when there will be).
pub fn overview(ctx: &Context) -> Result<Outcome, CommandError> {
    show(ctx, Args::default(), true)
}

fn show(ctx: &Context, args: Args, overview: bool) -> Result<Outcome, CommandError> {
    // No outline is decoded: the counts come from each bank's number of questions and
    // its keys, looked up for the cards.
    let catalog = ctx.load_valid_lean_catalog(&args.paths)?;
    let questions = Chosen::new(&catalog, &Filter::default());
    let progress = ctx.progress()?;
    let config = &progress.config;
    let now = ctx.clock.now();
    let day = progress.study_day();
    let mut options = progress.queue_options(chrono::TimeDelta::zero());
    let mut goal = None;
    if let Some(library) = &progress.goal_library(&catalog)? {
        options.toward = progress.toward(library)?;
        goal = progress.goal_status(library)?;
    }
    let due = crate::stats::due::count(
        &progress.store,
        &catalog.banks,
        &questions,
        now,
        day,
        &options,
    )?;
    questions.checked()?;
    let mut out = std::io::stdout().lock();
    if args.output.json {
        let mut value = json(&due, now, day);
        value["goal"] = serde_json::to_value(goal.as_ref().map(|g| g.summary()))?;
        writeln!(out, "{}", crate::text::terminal_safe_json(&value)?)?;
        drop(questions);
        catalog.leave();
        return Ok(Outcome::Success);
    }
    let mut out = style::stdout();
    write!(out, "{}", table(ctx, config, &due, now, day))?;
    if let Some(goal) = &goal {
        let text = super::goal::line(goal);
        writeln!(
            out,
            "{}",
            crate::text::wrap(&text, crate::text::terminal_width(), "")
        )?;
    }
    if overview {
        let hint = if due.can_study() {
            "Start studying: recall drill    (recall --help lists every command)".to_owned()
        } else {
            let next = crate::stats::due::next_due(&progress.store, &questions, now)?;
            questions.checked()?;
            match next {
                Some((due, _)) => format!(
                    "Nothing to study now; the next question comes due {}. \
                     (`recall drill --ahead 1d` studies ahead.)",
                    super::study::when(due, now, ctx)
                ),
                None => "Nothing to study now. (recall --help lists every command)".to_owned(),
            }
        };
        writeln!(out, "\n{hint}")?;
    }
    drop(questions);
    catalog.leave();
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
        "set_aside": queue.set_aside,
        "queue": queue.in_order().map(ToString::to_string).collect::<Vec<_>>(),
    })
}

fn table(ctx: &Context, config: &Config, due: &Due, now: DateTime<Utc>, day: StudyDay) -> String {
    let mut out = format!(
        "{} (study day of {}, starting {})\n\n",
        paint(style::HEADING, format!("Due at {}", ctx.local_time(now))),
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
    let header = format!(
        "{:<width$}  {:>5}  {:>5}  {:>6}  {:>11}  {:>8}  {:>11}",
        "bank", "now", "new", "unseen", "later today", "tomorrow", "next 7 days"
    );
    out.push_str(&format!("{}\n", paint(style::DIM, header)));
    let line = |name: &str, name_style: style::Style, counts: &DueCounts| {
        // What can be studied now stands out.
        let now = if counts.due_now > 0 {
            style::ACTION
        } else {
            style::DIM
        };
        format!(
            "{}  {:>5}  {:>5}  {:>6}  {:>11}  {:>8}  {:>11}\n",
            paint(name_style, format!("{name:<width$}")),
            paint(now, counts.due_now),
            counts.new,
            counts.unseen,
            counts.later_today,
            counts.tomorrow,
            counts.next_7_days
        )
    };
    for (bank, counts) in &due.banks {
        out.push_str(&line(&crate::text::sanitize(bank), style::ID, counts));
    }
    if due.banks.len() > 1 {
        out.push_str(&line("total", style::HEADING, &due.total));
    }
    let queue = &due.queue;
    let legend = format!(
        "new: each bank's share of the {} new question{} left today (new_order = {}); \
         unseen: never asked.",
        queue.new.len(),
        super::check::plural(queue.new.len()),
        config.scheduler.new_order.name()
    );
    out.push_str(&format!(
        "\n{}\n",
        crate::text::wrap(&legend, crate::text::terminal_width(), "")
    ));
    out.push_str(&format!(
        "Today so far: {} new of {} allowed, {} reviews of {} allowed.\n",
        queue.new_today,
        config.scheduler.new_per_day,
        queue.reviews_today,
        config.scheduler.reviews_per_day
    ));
    if queue.set_aside > 0 {
        out.push_str(&format!(
            "{} question{} suspended or buried.\n",
            queue.set_aside,
            if queue.set_aside == 1 { " is" } else { "s are" }
        ));
    }
    if queue.reviews_held_back > 0 {
        out.push_str(&format!(
            "{} more reviews are due but over today's limit (reviews_per_day in the config).\n",
            queue.reviews_held_back
        ));
    }
    out
}
