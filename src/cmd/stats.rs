//! `recall stats`: how study is going, as terminal charts. The default view fits one
//! 80x24 screen: a year of reviews as a calendar heatmap, true retention and the
//! streak, the 30-day forecast as a sparkline with weekly totals, and one line each for
//! mastery, interview readiness and leeches. `--full` adds the details: the forecast
//! day by day, mastery per bank, readiness per tier and every leech.
//!
//! The numbers are computed by the engine (`crate::stats::compute`); this draws them
//! with plain characters (shades, bars and blocks), readable without colour, and
//! colours them through `style` where the terminal takes it.

use std::io::Write;

use anyhow::Result;
use chrono::{Datelike, NaiveDate, Weekday};

use super::args::{BankPaths, JsonOutput};
use super::{CommandError, Context, Outcome};
use crate::bank::Tier;
use crate::stats::{DayCount, LEECH_LAPSES, MASTERED_STABILITY, Stats, share};
use crate::style::{self, paint};
use crate::text::{sanitize, wrap_hanging};

/// Show how study is going: reviews, retention, forecast, mastery
///
/// For the banks (or all of them), on one screen: reviews per day over the last year,
/// true retention over 30 days and the streak, what comes due over the next 30 days,
/// how much is mastered, interview readiness and leeches. With --full, also the
/// forecast day by day, mastery per bank, readiness per tier and every leech.
///
/// Example: recall stats banks/docker --full
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The banks whose questions count.
    #[command(flatten)]
    pub paths: BankPaths,

    /// Also show the forecast day by day, mastery per bank, readiness per tier and
    /// every leech
    #[arg(long)]
    pub full: bool,

    /// Text, or JSON with `--json`.
    #[command(flatten)]
    pub output: JsonOutput,
}

/// Runs `recall stats`.
pub fn run(ctx: &Context, args: Args) -> Result<Outcome, CommandError> {
    let catalog = ctx.load_valid_catalog(&args.paths)?;
    let progress = ctx.progress()?;
    let now = ctx.clock.now();
    let day = progress.study_day();
    let stats = crate::stats::compute(
        &progress.store,
        &catalog,
        &progress.scheduler,
        now,
        day,
        ctx.clock.offset(),
    )?;
    let goal = match progress.goal_library(&catalog)? {
        Some(library) => progress.goal_status(&library)?,
        None => None,
    };
    if args.output.json {
        let mut out = std::io::stdout().lock();
        let mut value = serde_json::to_value(&stats)?;
        value["goal"] = serde_json::to_value(goal.as_ref().map(|g| g.summary()))?;
        writeln!(out, "{}", crate::text::terminal_safe_json(&value)?)?;
    } else {
        let width = crate::text::terminal_width();
        let goal_line = goal.as_ref().map(super::goal::line);
        let mut text = if args.full {
            full(&stats, width)
        } else {
            summary(&stats, goal_line.as_deref(), width)
        };
        if let (Some(goal), true) = (&goal, args.full) {
            text.push_str(&format!("\n{}\n", heading("Interview goal")));
            text.push_str(&super::goal::text(goal, width));
        }
        write!(style::stdout(), "{text}")?;
    }
    catalog.leave();
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
pub fn meter(fraction: f64, width: usize) -> String {
    let filled = (fraction.clamp(0.0, 1.0) * width as f64).round() as usize;
    format!(
        "{}{}",
        paint(style::CHART, "█".repeat(filled)),
        paint(style::DIM, "░".repeat(width - filled))
    )
}

/// The default view: everything on one 80x24 screen, with the goal's line when one is
/// set.
fn summary(stats: &Stats, goal: Option<&str>, width: usize) -> String {
    let mut text = reviews(stats, width);
    text.push('\n');
    text.push_str(&line(&retention(stats), width));
    text.push('\n');
    text.push_str(&forecast_summary(&stats.forecast, width));
    text.push('\n');
    text.push_str(&line(&mastery_summary(stats), width));
    text.push_str(&line(&readiness_summary(stats), width));
    text.push_str(&line(&leeches_summary(stats), width));
    // The goal's line takes the blank line's place: the screen stays 24 lines.
    match goal {
        Some(goal) => text.push_str(&line(goal, width)),
        None => text.push('\n'),
    }
    let more = "Day by day, per bank, per tier and every leech: `recall stats --full`";
    text.push_str(&line(&paint(style::DIM, more).to_string(), width));
    text
}

/// A line of the summary, folded to `width` with later lines indented, and a newline.
fn line(text: &str, width: usize) -> String {
    let mut folded = wrap_hanging(text, width, "  ");
    folded.push('\n');
    folded
}

/// `--full`: the summary's charts, and every detail behind its one-line summaries.
fn full(stats: &Stats, width: usize) -> String {
    let mut text = reviews(stats, width);
    text.push('\n');
    text.push_str(&line(&retention(stats), width));
    text.push_str(&format!(
        "\n{}\n",
        heading("Due, next 30 days (today includes overdue)")
    ));
    text.push_str(&forecast(&stats.forecast, width));

    text.push_str(&format!(
        "\n{}\n",
        heading(&format!(
            "Mastery (stability of {MASTERED_STABILITY:.0} days or more)"
        ))
    ));
    let name_width = stats
        .mastery
        .iter()
        .map(|m| m.bank.chars().count())
        .max()
        .unwrap_or(0);
    for mastery in &stats.mastery {
        text.push_str(&format!(
            "  {}  {} {:>3.0}% ({}/{})\n",
            paint(
                style::ID,
                format!("{:<name_width$}", sanitize(&mastery.bank))
            ),
            meter(mastery.share, 20),
            mastery.share * 100.0,
            mastery.mastered,
            mastery.questions
        ));
    }

    text.push_str(&format!(
        "\n{}\n",
        heading("Interview readiness (mean predicted recall now)")
    ));
    if stats.readiness.is_empty() {
        text.push_str("  no interview questions in these banks\n");
    }
    for readiness in &stats.readiness {
        text.push_str(&format!(
            "  {}  {} {:>3.0}% ({} questions)\n",
            tier_name(readiness.tier, 12),
            meter(readiness.readiness, 20),
            readiness.readiness * 100.0,
            readiness.questions
        ));
    }

    text.push_str(&format!(
        "\n{}\n",
        heading(&format!("Leeches ({LEECH_LAPSES} lapses or more)"))
    ));
    if stats.leeches.is_empty() {
        text.push_str("  none\n");
    }
    for leech in &stats.leeches {
        text.push_str(&format!(
            "  {}  {} lapses\n",
            paint(style::WRONG, sanitize(&leech.question)),
            leech.lapses
        ));
    }
    text
}

fn heading(text: &str) -> style::Painted<&str> {
    paint(style::HEADING, text)
}

/// A tier's name in its colour, padded to `width`.
fn tier_name(tier: &str, width: usize) -> String {
    let padded = format!("{tier:<width$}");
    match Tier::parse(tier) {
        Some(t) => paint(style::tier(t), padded).to_string(),
        None => padded,
    }
}

/// The heading and the heatmap of the last year, as many weeks as fit `width`
/// (ending with this week).
fn reviews(stats: &Stats, width: usize) -> String {
    let max = stats
        .reviews_per_day
        .iter()
        .map(|d| d.count)
        .max()
        .unwrap_or(0);
    let busiest = if max > 0 {
        format!(", busiest day {max}")
    } else {
        String::new()
    };
    let mut text = format!(
        "{} ({} in all{busiest})\n",
        heading("Reviews, last 12 months"),
        stats.total_reviews
    );
    let weeks = width.saturating_sub(8).clamp(10, 53);
    let days = stats.reviews_per_day.len().saturating_sub(weeks * 7 - 6);
    text.push_str(&heatmap(&stats.reviews_per_day[days..]));
    text
}

/// True retention and the streak, on one line.
fn retention(stats: &Stats) -> String {
    let retention = &stats.true_retention;
    let rate = match retention.rate {
        Some(rate) => format!(
            "{} ({} of {} passed)",
            paint(style::HEADING, format!("{:.1}%", rate * 100.0)),
            retention.passed,
            retention.reviews
        ),
        None => "no reviews of learnt questions yet".to_owned(),
    };
    format!(
        "{} {rate} · {} {} day{}",
        heading("True retention, last 30 days:"),
        heading("Streak:"),
        stats.streak_days,
        if stats.streak_days == 1 { "" } else { "s" }
    )
}

/// The 30-day forecast in three lines: the total, a sparkline day by day between its
/// first and last dates, and the totals week by week.
fn forecast_summary(days: &[DayCount], width: usize) -> String {
    let total: usize = days.iter().map(|d| d.count).sum();
    let today = days.first().map_or(0, |d| d.count);
    let max = days.iter().map(|d| d.count).max().unwrap_or(0);
    let mut text = line(
        &format!(
            "{} {total} in all, {today} today (overdue included)",
            heading(&format!("Due, next {} days:", days.len()))
        ),
        width,
    );
    if let (Some(first), Some(last)) = (days.first(), days.last()) {
        let busiest = if max > 0 {
            format!("   busiest day {max}")
        } else {
            String::new()
        };
        text.push_str(&format!(
            "  {} {} {}{busiest}\n",
            short_date(first.date),
            sparkline(days),
            short_date(last.date)
        ));
    }
    let weeks: Vec<String> = days
        .chunks(7)
        .map(|week| {
            let count: usize = week.iter().map(|d| d.count).sum();
            if week.len() == 7 {
                count.to_string()
            } else {
                format!("{count} (last {} days)", week.len())
            }
        })
        .collect();
    text.push_str(&format!("  week by week: {}\n", weeks.join(" · ")));
    text
}

/// `Sun 03-01`.
fn short_date(date: NaiveDate) -> String {
    format!("{} {}", weekday(date.weekday()), date.format("%m-%d"))
}

/// One block per day, its height the day's share of the busiest; `·` for none.
fn sparkline(days: &[DayCount]) -> String {
    const BLOCKS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
    let max = days.iter().map(|d| d.count).max().unwrap_or(0);
    days.iter()
        .map(|day| {
            if day.count == 0 {
                return paint(style::DIM, '·').to_string();
            }
            let level = (share(day.count as f64, max) * 8.0).ceil() as usize;
            paint(style::CHART, BLOCKS[level.clamp(1, 8) - 1]).to_string()
        })
        .collect()
}

/// Mastery in one line: how many questions are mastered (a stability of
/// [`MASTERED_STABILITY`] days or more), and the weakest bank.
fn mastery_summary(stats: &Stats) -> String {
    let questions: usize = stats.mastery.iter().map(|m| m.questions).sum();
    let mastered: usize = stats.mastery.iter().map(|m| m.mastered).sum();
    let fraction = share(mastered as f64, questions);
    let mut text = format!(
        "{} {mastered} of {questions} questions ({:.0}%)",
        heading("Mastered:"),
        fraction * 100.0,
    );
    let banks = || stats.mastery.iter().filter(|m| m.questions > 0);
    let weakest = banks().min_by(|a, b| a.share.total_cmp(&b.share));
    let strongest = banks().map(|m| m.share).fold(0.0, f64::max);
    // Only when the banks differ: with all at 0% no bank is the weakest.
    if let Some(weakest) = weakest.filter(|w| w.share < strongest) {
        text.push_str(&format!(
            " · weakest bank: {} ({:.0}%)",
            paint(style::ID, sanitize(&weakest.bank)),
            weakest.share * 100.0
        ));
    }
    text
}

/// Interview readiness in one line, tier by tier.
fn readiness_summary(stats: &Stats) -> String {
    if stats.readiness.is_empty() {
        return format!(
            "{} no interview questions in these banks",
            heading("Readiness:")
        );
    }
    let tiers: Vec<String> = stats
        .readiness
        .iter()
        .map(|r| format!("{} {:.0}%", tier_name(r.tier, 0), r.readiness * 100.0))
        .collect();
    format!("{} {}", heading("Readiness:"), tiers.join(" · "))
}

/// Leeches in one line: none, or the first few by name.
fn leeches_summary(stats: &Stats) -> String {
    const SHOWN: usize = 3;
    let label = heading("Leeches:");
    if stats.leeches.is_empty() {
        return format!("{label} none ({LEECH_LAPSES} lapses or more make one)");
    }
    let names: Vec<String> = stats
        .leeches
        .iter()
        .take(SHOWN)
        .map(|l| paint(style::WRONG, sanitize(&l.question)).to_string())
        .collect();
    let more = stats.leeches.len().saturating_sub(SHOWN);
    let tail = if more > 0 {
        format!(" and {more} more")
    } else {
        String::new()
    };
    format!("{label} {}{tail}", names.join(", "))
}

/// One bar per day, scaled to the busiest, fitted to `width`.
fn forecast(days: &[DayCount], width: usize) -> String {
    let max = days.iter().map(|d| d.count).max().unwrap_or(0);
    let bar_width = width.saturating_sub(24).clamp(10, 50);
    let mut text = String::new();
    for day in days {
        let fraction = share(day.count as f64, max);
        text.push_str(&format!(
            "  {} │{} {}\n",
            short_date(day.date),
            paint(style::CHART, bar(fraction, bar_width)),
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
                Some(Some(day)) => match shade(day.count, max) {
                    '·' => paint(style::DIM, '·').to_string(),
                    shade => paint(style::CHART, shade).to_string(),
                },
                _ => " ".to_owned(),
            })
            .collect();
        text.push_str(&format!("  {label:<3} {}\n", line.trim_end()));
    }
    text.push_str(&format!(
        "      {}\n",
        paint(style::DIM, "less · ░ ▒ ▓ █ more")
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
        assert_eq!(style::strip(&meter(0.5, 4)), "██░░");
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
        let map = style::strip(&heatmap(&days));
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
