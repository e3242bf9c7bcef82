//! `recall due`: how many questions are due now, later today, tomorrow and in
//! the next 7 days, bank by bank.

use std::collections::{BTreeMap, HashSet};
use std::io::Write;

use serde::Serialize;

use super::args::{BankPaths, JsonOutput};
use super::{CommandError, Context, Outcome};
use crate::store::QuestionKey;

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

/// One bank's row (and the total row).
#[derive(Debug, Default, Clone, Serialize)]
struct DueCounts {
    /// Learning, relearning and review questions to ask now.
    due_now: usize,
    /// Never-seen questions that today's new limit still allows.
    new: usize,
    /// Questions that come due later in this study day.
    later_today: usize,
    /// Questions due during the next study day.
    tomorrow: usize,
    /// Questions due during the next seven study days (tomorrow included).
    next_7_days: usize,
}

impl DueCounts {
    fn add(&mut self, other: &DueCounts) {
        self.due_now += other.due_now;
        self.new += other.new;
        self.later_today += other.later_today;
        self.tomorrow += other.tomorrow;
        self.next_7_days += other.next_7_days;
    }
}

#[derive(Debug, Serialize)]
struct BankRow {
    bank: String,
    #[serde(flatten)]
    counts: DueCounts,
}

/// Runs `recall due` (and `recall` with no command).
pub fn run(ctx: &Context, args: Args) -> Result<Outcome, CommandError> {
    let library = ctx.load_valid_banks(&args.paths)?;
    let progress = ctx.progress()?;
    let (config, store) = (&progress.config, &progress.store);
    let now = ctx.clock.now();
    let day = progress.study_day();
    let keys: Vec<QuestionKey> = library
        .questions()
        .map(|(bank, question)| QuestionKey::new(&bank.id, &question.id))
        .collect();
    let known: HashSet<&QuestionKey> = keys.iter().collect();
    let queue = store.due_queue(&keys, now, day, progress.daily_limits())?;

    let mut rows: BTreeMap<String, DueCounts> = library
        .banks
        .iter()
        .map(|bank| (bank.id.clone(), DueCounts::default()))
        .collect();
    for key in queue.learning.iter().chain(&queue.review) {
        rows.entry(key.bank.clone()).or_default().due_now += 1;
    }
    for key in &queue.new {
        rows.entry(key.bank.clone()).or_default().new += 1;
    }
    let week_end = day.end_after(7);
    for (key, card) in store.cards()? {
        let Some(due) = card.due else { continue };
        if !known.contains(&key) || due <= now || due >= week_end {
            continue;
        }
        let counts = rows.entry(key.bank.clone()).or_default();
        if due < day.end {
            counts.later_today += 1;
        } else {
            counts.next_7_days += 1;
            if due < day.end_after(1) {
                counts.tomorrow += 1;
            }
        }
    }
    let mut total = DueCounts::default();
    for counts in rows.values() {
        total.add(counts);
    }

    let mut out = std::io::stdout().lock();
    if args.output.json {
        let banks: Vec<BankRow> = rows
            .into_iter()
            .map(|(bank, counts)| BankRow { bank, counts })
            .collect();
        let document = serde_json::json!({
            "now": now.to_rfc3339(),
            "study_day_start": day.start.to_rfc3339(),
            "banks": banks,
            "total": total,
            "new_today": queue.new_today,
            "reviews_today": queue.reviews_today,
            "reviews_held_back": queue.reviews_held_back,
            "queue": queue.in_order().map(ToString::to_string).collect::<Vec<_>>(),
        });
        writeln!(out, "{}", serde_json::to_string_pretty(&document)?)?;
        return Ok(Outcome::Success);
    }

    writeln!(
        out,
        "Due at {} (study day of {}, starting {})\n",
        ctx.local_time(now),
        day.date(ctx.clock.offset()),
        config.scheduler.day_starts_at.format("%H:%M"),
    )?;
    let width = rows
        .keys()
        .map(|bank| bank.chars().count())
        .max()
        .unwrap_or(0)
        .max(5);
    writeln!(
        out,
        "{:<width$}  {:>5}  {:>5}  {:>11}  {:>8}  {:>11}",
        "bank", "now", "new", "later today", "tomorrow", "next 7 days"
    )?;
    let line = |name: &str, counts: &DueCounts| {
        format!(
            "{name:<width$}  {:>5}  {:>5}  {:>11}  {:>8}  {:>11}",
            counts.due_now, counts.new, counts.later_today, counts.tomorrow, counts.next_7_days
        )
    };
    for (bank, counts) in &rows {
        writeln!(out, "{}", line(&crate::text::sanitize(bank), counts))?;
    }
    if rows.len() > 1 {
        writeln!(out, "{}", line("total", &total))?;
    }
    writeln!(
        out,
        "\nToday so far: {} new of {} allowed, {} reviews of {} allowed.",
        queue.new_today,
        config.scheduler.new_per_day,
        queue.reviews_today,
        config.scheduler.reviews_per_day
    )?;
    if queue.reviews_held_back > 0 {
        writeln!(
            out,
            "{} more reviews are due but over today's limit (reviews_per_day in the config).",
            queue.reviews_held_back
        )?;
    }
    Ok(Outcome::Success)
}
