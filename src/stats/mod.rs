//! What the review log says about the learner's progress: how study has gone (the
//! numbers behind `recall stats`) and what comes due when (`due`, behind `recall due`).
//!
//! This is an engine module of its own, not part of the store, because it joins three
//! things: the store's log and cards, the banks (which questions count, their tiers) and
//! the scheduler (predicted recall now). The store knows nothing of banks, and the verbs
//! only print what is computed here. Nothing here prints or reads the clock. The
//! year's reviews are counted from a file of them kept beside the database
//! ([`recent`]), continued from the log on each run.

pub mod due;
mod recent;

use std::collections::BTreeMap;

use chrono::{DateTime, FixedOffset, NaiveDate, Utc};
use rustc_hash::{FxHashMap, FxHashSet};
use serde::Serialize;

use crate::bank::{Bank, Catalog, Outline, Tier};
use crate::schedule::{Card, Scheduler};
use crate::store::{QuestionKey, Store, StoreError, StudyDay};
use recent::RecentReviews;

/// Stability (days) from which a question counts as mastered.
pub const MASTERED_STABILITY: f64 = 21.0;
/// Lapses from which a question counts as a leech.
pub const LEECH_LAPSES: u32 = 8;
/// Days in the heatmap (a year).
pub const HEATMAP_DAYS: i64 = 365;
/// Days in the forecast.
pub const FORECAST_DAYS: i64 = 30;
/// Days over which true retention is measured.
pub const RETENTION_DAYS: i64 = 30;

/// A number of questions or reviews on one day.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct DayCount {
    /// The study day.
    #[serde(serialize_with = "iso_date")]
    pub date: NaiveDate,
    /// How many.
    pub count: usize,
}

fn iso_date<S: serde::Serializer>(date: &NaiveDate, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.collect_str(&date.format("%Y-%m-%d"))
}

/// How the reviews of learnt questions went.
#[derive(Debug, Serialize, PartialEq)]
pub struct Retention {
    /// Reviews of cards in the review state (learning steps excluded).
    pub reviews: usize,
    /// Those not rated Again.
    pub passed: usize,
    /// passed / reviews, `None` with no reviews.
    pub rate: Option<f64>,
}

/// How much of one bank is mastered.
#[derive(Debug, Serialize, PartialEq)]
pub struct Mastery {
    /// The bank's id.
    pub bank: String,
    /// Its questions.
    pub questions: usize,
    /// Those whose stability reached the mastery threshold.
    pub mastered: usize,
    /// mastered / questions.
    pub share: f64,
}

/// How ready the learner is for one interview tier.
#[derive(Debug, Serialize, PartialEq)]
pub struct Readiness {
    /// The tier's name.
    pub tier: &'static str,
    /// The tier's questions in the banks.
    pub questions: usize,
    /// Mean predicted recall now; a never-seen question counts 0.
    pub readiness: f64,
}

/// A question forgotten again and again.
#[derive(Debug, Serialize, PartialEq)]
pub struct Leech {
    /// The question's key.
    pub question: String,
    /// How many times it lapsed.
    pub lapses: u32,
}

/// Everything `recall stats` shows, in the shape of its JSON output.
#[derive(Debug, Serialize, PartialEq)]
pub struct Stats {
    /// Every review in the log of the loaded banks' questions.
    pub total_reviews: usize,
    /// Reviews per study day over the last year.
    pub reviews_per_day: Vec<DayCount>,
    /// How the reviews of learnt questions went over the last days.
    pub true_retention: Retention,
    /// Questions coming due per day over the next days.
    pub forecast: Vec<DayCount>,
    /// Mastery per bank.
    pub mastery: Vec<Mastery>,
    /// Readiness per interview tier.
    pub readiness: Vec<Readiness>,
    /// Questions forgotten again and again.
    pub leeches: Vec<Leech>,
    /// Consecutive study days with a review, up to today.
    pub streak_days: usize,
}

/// The statistics of `catalog`'s questions at `now`, in the study day `today`, with
/// dates named in `offset`'s local time.
pub fn compute(
    store: &Store,
    catalog: &Catalog,
    scheduler: &Scheduler,
    now: DateTime<Utc>,
    today: StudyDay,
    offset: FixedOffset,
) -> Result<Stats, StoreError> {
    // The year's reviews: from the file of them beside the database (see [`recent`]),
    // brought up to the log, or read from the log when there is none; on a connection
    // of their own while this one reads the cards.
    let since = today.shifted(-(HEATMAP_DAYS - 1)).start;
    let database = store.path();
    let path = recent::path_for(database);
    let (reviews, cards) = std::thread::scope(|scope| {
        let reviews = scope.spawn(|| {
            let middle = today.shifted(-(HEATMAP_DAYS / 2)).start;
            RecentReviews::read(&Store::open(database)?, &path, since, middle)
        });
        let cards = store.cards();
        (reviews.join(), cards)
    });
    // A panic reading the reviews is a bug: carry it on, as an unjoined thread would.
    let reviews = reviews.unwrap_or_else(|panic| std::panic::resume_unwind(panic))?;
    let totals = ReviewTotals::count(&reviews, catalog, today);
    let cards = cards?;
    let cards = CardIndex::new(&cards);
    let stats = summarise(catalog, &cards, &totals, scheduler, now, today, offset);
    // Written when it changed enough; failing to write it is not an error.
    reviews.save(&path, since);
    Ok(stats)
}

/// Every question of `catalog` (its outline: the statistics need no more) with its bank.
fn questions(catalog: &Catalog) -> impl Iterator<Item = (&Bank, &Outline)> {
    catalog
        .questions()
        .iter()
        .map(|outline| (catalog.bank_of(outline), outline))
}

/// `part / whole`, or 0 when `whole` is 0.
pub fn share(part: f64, whole: usize) -> f64 {
    if whole == 0 { 0.0 } else { part / whole as f64 }
}

/// What the statistics need of the last year's log: reviews
/// per study day, and how the reviews of learnt questions went in the last 30 days.
/// Only reviews of questions in the loaded banks count.
struct ReviewTotals {
    /// Index 0 is today, counting back.
    per_day: Vec<usize>,
    recent_reviews: usize,
    recent_passed: usize,
}

impl ReviewTotals {
    fn new() -> ReviewTotals {
        ReviewTotals {
            per_day: vec![0; HEATMAP_DAYS as usize],
            recent_reviews: 0,
            recent_passed: 0,
        }
    }

    /// The totals of `reviews`, only those of `catalog`'s questions.
    fn count(reviews: &RecentReviews, catalog: &Catalog, today: StudyDay) -> ReviewTotals {
        let mut known: FxHashMap<&str, FxHashSet<&str>> = FxHashMap::default();
        for (bank, question) in questions(catalog) {
            known.entry(&bank.id).or_default().insert(&question.id);
        }
        let known: Vec<bool> = reviews
            .keys()
            .iter()
            .map(|(bank, question)| {
                known
                    .get(bank.as_str())
                    .is_some_and(|q| q.contains(question.as_str()))
            })
            .collect();
        let since = today.shifted(-(HEATMAP_DAYS - 1)).start.timestamp_micros();
        let retention_start = today
            .shifted(-(RETENTION_DAYS - 1))
            .start
            .timestamp_micros();
        let mut totals = ReviewTotals::new();
        for row in reviews.rows() {
            let at = row.at;
            if at < since || !known[row.key as usize] {
                continue;
            }
            let back = -today.index_of_micros(at);
            if (0..HEATMAP_DAYS).contains(&back) {
                totals.per_day[back as usize] += 1;
            }
            if at >= retention_start && row.flags & recent::LEARNT != 0 {
                totals.recent_reviews += 1;
                if row.flags & recent::PASSED != 0 {
                    totals.recent_passed += 1;
                }
            }
        }
        totals
    }
}

/// Cards by bank and question id, looked up without building a key (statistics look
/// up every question of the banks).
struct CardIndex<'a>(FxHashMap<&'a str, FxHashMap<&'a str, &'a Card>>);

impl<'a> CardIndex<'a> {
    fn new(cards: &'a [(QuestionKey, Card)]) -> CardIndex<'a> {
        let mut index: FxHashMap<&str, FxHashMap<&str, &Card>> = FxHashMap::default();
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

fn summarise(
    catalog: &Catalog,
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
    let studied: Vec<(&Bank, &Outline, &Card)> = questions(catalog)
        .filter_map(|(bank, question)| {
            cards
                .get(&bank.id, &question.id)
                .map(|c| (bank, question, c))
        })
        .collect();
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
        forecast: forecast(&studied, today, offset),
        mastery: mastery(catalog, cards),
        readiness: readiness(catalog, cards, scheduler, now),
        leeches: leeches(&studied),
        streak_days,
    }
}

/// How many of the studied questions come due on each of the next days (today
/// includes the overdue).
fn forecast(
    studied: &[(&Bank, &Outline, &Card)],
    today: StudyDay,
    offset: FixedOffset,
) -> Vec<DayCount> {
    let mut counts = vec![0usize; FORECAST_DAYS as usize];
    for (_, _, card) in studied {
        if let Some(due) = card.due {
            let index = today.index_of(due).max(0);
            if index < FORECAST_DAYS {
                counts[index as usize] += 1;
            }
        }
    }
    counts
        .iter()
        .enumerate()
        .map(|(index, count)| DayCount {
            date: today.shifted(index as i64).date(offset),
            count: *count,
        })
        .collect()
}

/// Per bank, the questions whose stability reached [`MASTERED_STABILITY`].
fn mastery(catalog: &Catalog, cards: &CardIndex) -> Vec<Mastery> {
    catalog
        .banks
        .iter()
        .enumerate()
        .map(|(index, bank)| {
            let questions = catalog.outlines(index);
            let mastered = questions
                .iter()
                .filter(|question| {
                    cards
                        .get(&bank.id, &question.id)
                        .and_then(Card::stability)
                        .is_some_and(|stability| stability >= MASTERED_STABILITY)
                })
                .count();
            let questions = questions.len();
            Mastery {
                bank: bank.id.clone(),
                questions,
                mastered,
                share: share(mastered as f64, questions),
            }
        })
        .collect()
}

/// Per interview tier, the mean predicted recall of its questions now.
fn readiness(
    catalog: &Catalog,
    cards: &CardIndex,
    scheduler: &Scheduler,
    now: DateTime<Utc>,
) -> Vec<Readiness> {
    let mut by_tier: BTreeMap<Tier, (usize, f64)> = BTreeMap::new();
    for (bank, question) in questions(catalog) {
        if let Some(tier) = question.tier {
            let recall = cards
                .get(&bank.id, &question.id)
                .map_or(0.0, |card| scheduler.retrievability(card, now));
            let entry = by_tier.entry(tier).or_default();
            entry.0 += 1;
            entry.1 += recall;
        }
    }
    by_tier
        .into_iter()
        .map(|(tier, (questions, sum))| Readiness {
            tier: tier.as_str(),
            questions,
            readiness: share(sum, questions),
        })
        .collect()
}

/// The studied questions with [`LEECH_LAPSES`] lapses or more, most lapses first.
fn leeches(studied: &[(&Bank, &Outline, &Card)]) -> Vec<Leech> {
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
    leeches
}
