//! `recall stats`: how study is going, as terminal charts: a year of reviews
//! as a calendar heatmap, true retention, a 30-day forecast, mastery per bank,
//! readiness per interview tier, leeches and the current streak.
//!
//! The numbers are computed by `compute` (no printing, testable); `render`
//! draws them with plain characters (shades and bars), readable without colour.

use std::collections::BTreeMap;
use std::io::Write;

use anyhow::Result;
use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, Utc, Weekday};
use serde::Serialize;

use super::args::{BankPaths, JsonOutput};
use super::{CommandError, Context, Outcome};
use crate::bank::{Bank, Library, Question, Tier};
use crate::schedule::{Card, Rating, Scheduler, State};
use crate::store::{QuestionKey, Store, StudyDay};

/// Stability (days) from which a question counts as mastered.
const MASTERED_STABILITY: f64 = 21.0;
/// Lapses from which a question counts as a leech.
const LEECH_LAPSES: u32 = 8;
/// Days in the heatmap (a year).
const HEATMAP_DAYS: i64 = 365;
/// Days in the forecast.
const FORECAST_DAYS: i64 = 30;
/// Days over which true retention is measured.
const RETENTION_DAYS: i64 = 30;

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

#[derive(Debug, Serialize, PartialEq)]
struct DayCount {
    #[serde(serialize_with = "iso_date")]
    date: NaiveDate,
    count: usize,
}

fn iso_date<S: serde::Serializer>(date: &NaiveDate, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.collect_str(&date.format("%Y-%m-%d"))
}

#[derive(Debug, Serialize, PartialEq)]
struct Retention {
    /// Reviews of cards in the review state (learning steps excluded).
    reviews: usize,
    /// Those not rated Again.
    passed: usize,
    /// passed / reviews, `None` with no reviews.
    rate: Option<f64>,
}

#[derive(Debug, Serialize, PartialEq)]
struct Mastery {
    bank: String,
    questions: usize,
    mastered: usize,
    share: f64,
}

#[derive(Debug, Serialize, PartialEq)]
struct Readiness {
    tier: &'static str,
    questions: usize,
    /// Mean predicted recall now; a never-seen question counts 0.
    readiness: f64,
}

#[derive(Debug, Serialize, PartialEq)]
struct Leech {
    question: String,
    lapses: u32,
}

#[derive(Debug, Serialize, PartialEq)]
struct Stats {
    total_reviews: usize,
    reviews_per_day: Vec<DayCount>,
    true_retention: Retention,
    forecast: Vec<DayCount>,
    mastery: Vec<Mastery>,
    readiness: Vec<Readiness>,
    leeches: Vec<Leech>,
    streak_days: usize,
}

/// Runs `recall stats`.
pub fn run(ctx: &Context, args: Args) -> Result<Outcome, CommandError> {
    let library = ctx.load_valid_banks(&args.paths)?;
    let progress = ctx.progress()?;
    let (store, scheduler) = (&progress.store, &progress.scheduler);
    let now = ctx.clock.now();
    let day = progress.study_day();
    let offset = ctx.clock.offset();
    let totals = ReviewTotals::read(store, &library, day)?;
    let all_cards = store.cards()?;
    let cards = CardIndex::new(&all_cards);
    let stats = compute(&library, &cards, &totals, scheduler, now, day, offset);
    let mut out = std::io::stdout().lock();
    if args.output.json {
        writeln!(out, "{}", serde_json::to_string_pretty(&stats)?)?;
    } else {
        write!(out, "{}", render(&stats, crate::text::terminal_width()))?;
    }
    Ok(Outcome::Success)
}

/// What the statistics need of the last year's log, counted as it streams by: reviews
/// per study day, and how the reviews of learnt questions went in the last 30 days.
/// Only reviews of questions in the loaded banks count.
struct ReviewTotals {
    /// Index 0 is today, counting back.
    per_day: Vec<usize>,
    recent_reviews: usize,
    recent_passed: usize,
}

impl ReviewTotals {
    /// Reads the year's reviews in two halves at once, on two connections (SQLite
    /// stepping through the rows is most of the time `recall stats` takes).
    fn read(store: &Store, library: &Library, today: StudyDay) -> Result<ReviewTotals> {
        // FxHash: this is looked up once per review of the last year.
        let mut known: rustc_hash::FxHashMap<&str, rustc_hash::FxHashSet<&str>> =
            Default::default();
        for (bank, question) in library.questions() {
            known.entry(&bank.id).or_default().insert(&question.id);
        }
        let since = today.shifted(-(HEATMAP_DAYS - 1)).start;
        let middle = today.shifted(-(HEATMAP_DAYS / 2)).start;
        let count =
            |store: &Store, from, until| ReviewTotals::count(store, &known, today, from, until);
        let path = store.path().to_path_buf();
        let (older, newer) = std::thread::scope(|scope| {
            let newer = scope.spawn(|| count(&Store::open(&path)?, middle, None));
            let older = count(store, since, Some(middle));
            (older, newer.join())
        });
        let mut totals = older?;
        let newer = newer.map_err(|_| anyhow::anyhow!("reading the review log failed"))??;
        for (day, n) in totals.per_day.iter_mut().zip(newer.per_day) {
            *day += n;
        }
        totals.recent_reviews += newer.recent_reviews;
        totals.recent_passed += newer.recent_passed;
        Ok(totals)
    }

    fn count(
        store: &Store,
        known: &rustc_hash::FxHashMap<&str, rustc_hash::FxHashSet<&str>>,
        today: StudyDay,
        from: DateTime<Utc>,
        until: Option<DateTime<Utc>>,
    ) -> Result<ReviewTotals> {
        let retention_start = today.shifted(-(RETENTION_DAYS - 1)).start;
        let mut totals = ReviewTotals {
            per_day: vec![0; HEATMAP_DAYS as usize],
            recent_reviews: 0,
            recent_passed: 0,
        };
        store.visit_reviews(from, until, |bank, question, at, rating, state| {
            if !known.get(bank).is_some_and(|q| q.contains(question)) {
                return;
            }
            let back = -today.index_of(at);
            if (0..HEATMAP_DAYS).contains(&back) {
                totals.per_day[back as usize] += 1;
            }
            if at >= retention_start && state == State::Review {
                totals.recent_reviews += 1;
                if rating != Rating::Again {
                    totals.recent_passed += 1;
                }
            }
        })?;
        Ok(totals)
    }
}

/// Cards by bank and question id, looked up without building a key (statistics look
/// up every question of the banks).
struct CardIndex<'a>(rustc_hash::FxHashMap<&'a str, rustc_hash::FxHashMap<&'a str, &'a Card>>);

impl<'a> CardIndex<'a> {
    fn new(cards: &'a [(QuestionKey, Card)]) -> CardIndex<'a> {
        let mut index: rustc_hash::FxHashMap<&str, rustc_hash::FxHashMap<&str, &Card>> =
            Default::default();
        for (key, card) in cards {
            index
                .entry(key.bank.as_str())
                .or_default()
                .insert(key.question.as_str(), card);
        }
        CardIndex(index)
    }

    fn get(&self, bank: &str, question: &str) -> Option<&'a Card> {
        self.0.get(bank).and_then(|q| q.get(question)).copied()
    }
}

fn compute(
    library: &Library,
    cards: &CardIndex,
    totals: &ReviewTotals,
    scheduler: &Scheduler,
    now: DateTime<Utc>,
    today: StudyDay,
    offset: FixedOffset,
) -> Stats {
    let per_day = &totals.per_day;
    let reviews_per_day = (0..HEATMAP_DAYS)
        .rev()
        .map(|back| DayCount {
            date: today.shifted(-back).date(offset),
            count: per_day[back as usize],
        })
        .collect();

    let (recent, passed) = (totals.recent_reviews, totals.recent_passed);
    let true_retention = Retention {
        reviews: recent,
        passed,
        rate: (recent > 0).then(|| passed as f64 / recent as f64),
    };

    let mut forecast_counts = vec![0usize; FORECAST_DAYS as usize];
    let studied: Vec<(&Bank, &Question, &Card)> = library
        .questions()
        .filter_map(|(bank, question)| {
            cards
                .get(&bank.id, &question.id)
                .map(|c| (bank, question, c))
        })
        .collect();
    for (_, _, card) in &studied {
        if let Some(due) = card.due {
            let index = today.index_of(due).max(0);
            if index < FORECAST_DAYS {
                forecast_counts[index as usize] += 1;
            }
        }
    }
    let forecast = forecast_counts
        .iter()
        .enumerate()
        .map(|(index, count)| DayCount {
            date: today.shifted(index as i64).date(offset),
            count: *count,
        })
        .collect();

    let mastery = library
        .banks
        .iter()
        .map(|bank| {
            let mastered = bank
                .questions
                .iter()
                .filter(|question| {
                    cards
                        .get(&bank.id, &question.id)
                        .and_then(Card::stability)
                        .is_some_and(|stability| stability >= MASTERED_STABILITY)
                })
                .count();
            let questions = bank.questions.len();
            Mastery {
                bank: bank.id.clone(),
                questions,
                mastered,
                share: share(mastered as f64, questions),
            }
        })
        .collect();

    let mut by_tier: BTreeMap<Tier, (usize, f64)> = BTreeMap::new();
    for (bank, question) in library.questions() {
        if let Some(tier) = question.tier {
            let recall = cards
                .get(&bank.id, &question.id)
                .map_or(0.0, |card| scheduler.retrievability(card, now));
            let entry = by_tier.entry(tier).or_default();
            entry.0 += 1;
            entry.1 += recall;
        }
    }
    let readiness = by_tier
        .into_iter()
        .map(|(tier, (questions, sum))| Readiness {
            tier: tier.as_str(),
            questions,
            readiness: share(sum, questions),
        })
        .collect();

    let mut leeches: Vec<Leech> = studied
        .iter()
        .filter(|(_, _, card)| card.lapses >= LEECH_LAPSES)
        .map(|(bank, question, card)| Leech {
            question: format!("{}/{}", bank.id, question.id),
            lapses: card.lapses,
        })
        .collect();
    leeches.sort_by(|a, b| {
        b.lapses
            .cmp(&a.lapses)
            .then_with(|| a.question.cmp(&b.question))
    });

    // Today counts once something was studied; until then the streak is the
    // run of days ending yesterday.
    let first = usize::from(per_day[0] == 0);
    let streak_days = per_day[first..]
        .iter()
        .take_while(|count| **count > 0)
        .count();

    Stats {
        total_reviews: per_day.iter().sum(),
        reviews_per_day,
        true_retention,
        forecast,
        mastery,
        readiness,
        leeches,
        streak_days,
    }
}

fn share(part: f64, whole: usize) -> f64 {
    if whole == 0 { 0.0 } else { part / whole as f64 }
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
    let max = stats.forecast.iter().map(|d| d.count).max().unwrap_or(0);
    let bar_width = width.saturating_sub(24).clamp(10, 50);
    for day in &stats.forecast {
        let fraction = share(day.count as f64, max);
        text.push_str(&format!(
            "  {} {} │{} {}\n",
            weekday(day.date.weekday()),
            day.date.format("%m-%d"),
            bar(fraction, bar_width),
            day.count
        ));
    }

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
    use chrono::TimeDelta;

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
