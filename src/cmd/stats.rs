//! `recall stats`: how study is going, as terminal charts: a year of reviews
//! as a calendar heatmap, true retention, a 30-day forecast, mastery per bank,
//! readiness per interview tier, leeches and the current streak.
//!
//! The numbers are computed by the engine (`crate::stats::compute`); `render`
//! draws them with plain characters (shades and bars), readable without colour.

use std::io::Write;

use anyhow::Result;
use chrono::{Datelike, Weekday};

use super::args::{BankPaths, JsonOutput};
use super::{CommandError, Context, Outcome};
use crate::stats::{DayCount, LEECH_LAPSES, Stats, share};

/// Show study statistics: heatmap, retention, forecast, mastery, streak
///
/// For the banks (or all of them): reviews per day
/// over the last year, true retention over 30 days, the 30-day forecast,
/// mastery per bank, readiness per interview tier, leeches and the streak.
///
/// Example: recall stats banks/docker
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The banks whose questions count.
    #[command(flatten)]
    pub paths: BankPaths,

    /// Text, or JSON with `--json`.
    #[command(flatten)]
    pub output: JsonOutput,
}

/// Runs `recall stats`.
pub fn run(ctx: &Context, args: Args) -> Result<Outcome, CommandError> {
    let library = ctx.load_valid_banks(&args.paths)?;
    let progress = ctx.progress()?;
    let now = ctx.clock.now();
    let day = progress.study_day();
    let stats = crate::stats::compute(
        &progress.store,
        &library,
        &progress.scheduler,
        now,
        day,
        ctx.clock.offset(),
    )?;
    let mut out = std::io::stdout().lock();
    if args.output.json {
        writeln!(out, "{}", crate::text::terminal_safe_json(&stats)?)?;
    } else {
        write!(out, "{}", render(&stats, crate::text::terminal_width()))?;
    }
    Ok(Outcome::Success)
}

/// One character for a day's review count, by its share of the busiest day.
fn shade(count: usize, max: usize) -> char {
    if count == 0 {
        return '·';
    }
    let fraction = count as f64 / max.max(1) as f64;
    match fraction {
        f if f <= 0.25 => '░',
        f if f <= 0.5 => '▒',
        f if f <= 0.75 => '▓',
        _ => '█',
    }
}

/// A bar of `width` cells filled to `fraction` (in eighths, for precision).
fn bar(fraction: f64, width: usize) -> String {
    const EIGHTHS: [char; 8] = ['▏', '▎', '▍', '▌', '▋', '▊', '▉', '█'];
    let eighths = (fraction.clamp(0.0, 1.0) * (width * 8) as f64).round() as usize;
    let mut text = "█".repeat(eighths / 8);
    if !eighths.is_multiple_of(8) {
        text.push(EIGHTHS[eighths % 8 - 1]);
    }
    text
}

/// A fixed-width meter: filled `█` then empty `░`, e.g. for shares.
fn meter(fraction: f64, width: usize) -> String {
    let filled = (fraction.clamp(0.0, 1.0) * width as f64).round() as usize;
    format!("{}{}", "█".repeat(filled), "░".repeat(width - filled))
}

fn render(stats: &Stats, width: usize) -> String {
    let mut text = String::new();
    text.push_str(&format!(
        "Reviews, last 12 months ({} in all)\n",
        stats.total_reviews
    ));
    text.push_str(&heatmap(&stats.reviews_per_day));

    text.push_str("\nTrue retention, last 30 days: ");
    match stats.true_retention.rate {
        Some(rate) => text.push_str(&format!(
            "{:.1}% ({} of {} reviews passed)\n",
            rate * 100.0,
            stats.true_retention.passed,
            stats.true_retention.reviews
        )),
        None => text.push_str("no reviews of learnt questions yet\n"),
    }
    text.push_str(&format!(
        "Streak: {} day{}\n",
        stats.streak_days,
        if stats.streak_days == 1 { "" } else { "s" }
    ));

    text.push_str("\nDue, next 30 days (today includes overdue)\n");
    text.push_str(&forecast(&stats.forecast, width));

    text.push_str("\nMastery (stability of 21 days or more)\n");
    let name_width = stats
        .mastery
        .iter()
        .map(|m| m.bank.chars().count())
        .max()
        .unwrap_or(0);
    for mastery in &stats.mastery {
        text.push_str(&format!(
            "  {:<name_width$}  {} {:>3.0}% ({}/{})\n",
            crate::text::sanitize(&mastery.bank),
            meter(mastery.share, 20),
            mastery.share * 100.0,
            mastery.mastered,
            mastery.questions
        ));
    }

    text.push_str("\nInterview readiness (mean predicted recall now)\n");
    if stats.readiness.is_empty() {
        text.push_str("  no interview questions in these banks\n");
    }
    for readiness in &stats.readiness {
        text.push_str(&format!(
            "  {:<12}  {} {:>3.0}% ({} questions)\n",
            readiness.tier,
            meter(readiness.readiness, 20),
            readiness.readiness * 100.0,
            readiness.questions
        ));
    }

    text.push_str(&format!("\nLeeches ({LEECH_LAPSES} lapses or more)\n"));
    if stats.leeches.is_empty() {
        text.push_str("  none\n");
    }
    for leech in &stats.leeches {
        text.push_str(&format!(
            "  {}  {} lapses\n",
            crate::text::sanitize(&leech.question),
            leech.lapses
        ));
    }
    text
}

/// One bar per day, scaled to the busiest, fitted to `width`.
fn forecast(days: &[DayCount], width: usize) -> String {
    let max = days.iter().map(|d| d.count).max().unwrap_or(0);
    let bar_width = width.saturating_sub(24).clamp(10, 50);
    let mut text = String::new();
    for day in days {
        let fraction = share(day.count as f64, max);
        text.push_str(&format!(
            "  {} {} │{} {}\n",
            weekday(day.date.weekday()),
            day.date.format("%m-%d"),
            bar(fraction, bar_width),
            day.count
        ));
    }
    text
}

fn weekday(day: Weekday) -> &'static str {
    match day {
        Weekday::Mon => "Mon",
        Weekday::Tue => "Tue",
        Weekday::Wed => "Wed",
        Weekday::Thu => "Thu",
        Weekday::Fri => "Fri",
        Weekday::Sat => "Sat",
        Weekday::Sun => "Sun",
    }
}

/// A calendar heatmap: one column per week (Monday on top), one character
/// per day, month names above the week they start in.
fn heatmap(days: &[DayCount]) -> String {
    let Some(first) = days.first() else {
        return String::new();
    };
    let max = days.iter().map(|d| d.count).max().unwrap_or(0);
    // Pad the first column so rows are weekdays.
    let lead = first.date.weekday().num_days_from_monday() as usize;
    let cells: Vec<Option<&DayCount>> = std::iter::repeat_n(None, lead)
        .chain(days.iter().map(Some))
        .collect();
    let weeks = cells.len().div_ceil(7);

    let mut months = vec![' '; weeks];
    let mut last_label_end = 0;
    for (week, chunk) in cells.chunks(7).enumerate() {
        let starts_month = chunk.iter().flatten().find(|d| d.date.day() == 1);
        let label_week = if week == 0 {
            chunk.iter().flatten().next()
        } else {
            starts_month
        };
        if let Some(day) = label_week
            && week >= last_label_end
            && week + 3 <= weeks
        {
            for (index, letter) in day.date.format("%b").to_string().chars().enumerate() {
                months[week + index] = letter;
            }
            last_label_end = week + 4;
        }
    }
    let mut text = format!("      {}\n", months.iter().collect::<String>());
    for row in 0..7 {
        let label = match row {
            0 => "Mon",
            2 => "Wed",
            4 => "Fri",
            6 => "Sun",
            _ => "",
        };
        let line: String = (0..weeks)
            .map(|week| match cells.get(week * 7 + row) {
                Some(Some(day)) => shade(day.count, max),
                _ => ' ',
            })
            .collect();
        text.push_str(&format!("  {label:<3} {}\n", line.trim_end()));
    }
    text.push_str(&format!(
        "      less · ░ ▒ ▓ █ more (busiest day: {max} review{})\n",
        if max == 1 { "" } else { "s" }
    ));
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stats::HEATMAP_DAYS;
    use chrono::{NaiveDate, TimeDelta};

    #[test]
    fn shades_grow_with_the_count() {
        let shades: String = [0, 1, 2, 3, 4].iter().map(|c| shade(*c, 4)).collect();
        assert_eq!(shades, "·░▒▓█");
    }

    #[test]
    fn bars_use_eighths() {
        assert_eq!(bar(0.0, 10), "");
        assert_eq!(bar(1.0, 2), "██");
        assert_eq!(bar(0.5625, 2), "█▏");
        assert_eq!(meter(0.5, 4), "██░░");
    }

    #[test]
    fn heatmap_has_seven_rows_and_a_column_per_week() {
        let start = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
        let days: Vec<DayCount> = (0..HEATMAP_DAYS)
            .map(|offset| DayCount {
                date: start + TimeDelta::days(offset),
                count: (offset % 5) as usize,
            })
            .collect();
        let map = heatmap(&days);
        let lines: Vec<&str> = map.lines().collect();
        assert_eq!(lines.len(), 9, "{map}");
        assert!(
            lines[0].contains("Jan") && lines[0].contains("Dec"),
            "{map}"
        );
        // 2026-01-01 is a Thursday: the first column starts on row 4.
        assert_eq!(lines[4].chars().nth(6), Some('·'), "{map}");
        assert_eq!(lines[1].chars().nth(6), Some(' '), "{map}");
        assert!(
            lines
                .iter()
                .skip(1)
                .take(7)
                .all(|l| l.chars().count() <= 6 + 53)
        );
    }
}
