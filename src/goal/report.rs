//! The figures of the readiness report (`recall report`): readiness per tier over
//! time and the forecast to the date, the review heatmap, retention week by week
//! against the target, the concepts missed most and the questions to revisit. The
//! HTML page (`crate::html`) and `--json` show the same [`Report`].
//!
//! Readiness in the past is the log replayed: each question's answers (this learner's,
//! those that moved the schedule) through the scheduler, the card read at the end of
//! each day. Resets are not replayed, so a reset question counts as it stood before.
//! The concepts come from item analysis (`crate::items`), which grades text answers
//! again through the regrade cache, as `recall items` does.

use std::collections::BTreeMap;

use rustc_hash::FxHashMap;

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;

use super::plan::PlanDay;
use super::{OnDate, Status};
use crate::bank::{Bank, Question};
use crate::items::Report as ItemReport;
use crate::schedule::{Card, Rating, Scheduler, State};
use crate::stats::DayCount;
use crate::store::{ReviewRef, StudyDay};

/// Days of readiness history the report goes back, at most.
pub const HISTORY_DAYS: i64 = 90;
/// Weeks of retention the report shows.
pub const RETENTION_WEEKS: i64 = 12;
/// Concepts and questions listed, at most.
pub const LISTED: usize = 15;

/// Readiness on one past day.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct HistoryDay {
    /// The study day.
    pub date: NaiveDate,
    /// The share of the goal's questions ready at its end.
    pub overall: f64,
    /// The same per tier.
    pub tiers: BTreeMap<&'static str, f64>,
}

/// Retention over one week.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct WeekRetention {
    /// The week's first study day.
    pub start: NaiveDate,
    /// Reviews of learnt questions (learning steps excluded).
    pub reviews: usize,
    /// Those not rated again.
    pub passed: usize,
    /// passed / reviews; `None` without reviews.
    pub rate: Option<f64>,
}

/// A rubric concept missed in answers to one question.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ConceptMissed {
    /// `bank/question`.
    pub question: String,
    /// The concept's name.
    pub concept: String,
    /// Answers that lack it (or say it only the other way round).
    pub missed: usize,
    /// Of those, the answers that say it only the other way round (negated where the
    /// model answer states it, or stated where it sets it aside).
    pub turned: usize,
    /// Answers graded.
    pub answers: usize,
}

/// Everything the readiness report shows.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Report {
    /// When it was made.
    pub generated: DateTime<Utc>,
    /// Today's study day.
    pub today: NaiveDate,
    /// The goal, when one is set.
    pub goal: Option<Status>,
    /// The retention a question needs to count as ready (the goal's, else the
    /// scheduler's desired retention).
    pub target: f64,
    /// The tiers of the goal's questions, in tier order.
    pub tiers: Vec<&'static str>,
    /// Readiness day by day up to today.
    pub history: Vec<HistoryDay>,
    /// The plan's forecast, day by day to the date.
    pub forecast: Vec<PlanDay>,
    /// Reviews per day over the last year.
    pub heatmap: Vec<DayCount>,
    /// Retention week by week, oldest first.
    pub retention: Vec<WeekRetention>,
    /// Concepts missed most, most first.
    pub concepts: Vec<ConceptMissed>,
    /// Questions to revisit: the weakest not ready, weakest first.
    pub revisit: Vec<OnDate>,
}

/// What the report is made from.
pub struct Inputs<'a> {
    /// The goal's status, when one is set.
    pub goal: Option<Status>,
    /// The questions it covers (all of them without a goal).
    pub questions: &'a [(&'a Bank, &'a Question)],
    /// Readiness now or on the date, for the questions to revisit.
    pub weakest: &'a [OnDate],
    /// The retention a question needs.
    pub target: f64,
    /// What the report needs of this learner's log.
    pub log: Gathered,
    /// Item analysis of the log, for the concepts.
    pub items: &'a ItemReport,
    /// Reviews per day over the last year.
    pub heatmap: Vec<DayCount>,
    /// The scheduler.
    pub scheduler: &'a Scheduler,
    /// Now.
    pub now: DateTime<Utc>,
    /// Today.
    pub today: StudyDay,
    /// The local time zone.
    pub offset: chrono::FixedOffset,
}

/// What the report needs of the log, gathered in one pass over it ([`Gathered::add`]
/// each review, in any order): each question's answers that moved its schedule, and
/// the week-by-week retention. Compact, so a log of millions is not held in memory.
pub struct Gathered {
    /// The goal's questions by bank and id: their index in the report's questions.
    index: FxHashMap<String, FxHashMap<String, usize>>,
    /// Per question (by index), its answers that moved the schedule.
    answers: Vec<Vec<(DateTime<Utc>, Rating)>>,
    /// Per week, oldest first: reviews of learnt questions, and those passed.
    weeks: Vec<(usize, usize)>,
    /// The earliest answer's study day (relative to today).
    first: i64,
    today: StudyDay,
}

impl Gathered {
    /// Ready to gather the log of `questions`, seen from `today`.
    pub fn new(questions: &[(&Bank, &Question)], today: StudyDay) -> Gathered {
        let mut index: FxHashMap<String, FxHashMap<String, usize>> = FxHashMap::default();
        for (i, (bank, question)) in questions.iter().enumerate() {
            index
                .entry(bank.id.clone())
                .or_default()
                .insert(question.id.clone(), i);
        }
        Gathered {
            index,
            answers: vec![Vec::new(); questions.len()],
            weeks: vec![(0, 0); RETENTION_WEEKS as usize],
            first: 0,
            today,
        }
    }

    /// Takes in one review of this learner's (the caller leaves out other learners').
    pub fn add(&mut self, review: &ReviewRef<'_>) {
        let Some(&i) = self
            .index
            .get(review.bank)
            .and_then(|questions| questions.get(review.question))
        else {
            return;
        };
        let day = self.today.index_of(review.reviewed_at);
        self.first = self.first.min(day);
        if review.reschedules {
            self.answers[i].push((review.reviewed_at, review.rating));
        }
        if review.state_before == State::Review && day <= 0 {
            let week = (-day / 7) as usize;
            let weeks = self.weeks.len();
            if week < weeks {
                self.weeks[weeks - 1 - week].0 += 1;
                self.weeks[weeks - 1 - week].1 += usize::from(review.rating != Rating::Again);
            }
        }
    }
}

/// The report from `inputs`.
pub fn build(mut inputs: Inputs<'_>) -> Report {
    let mut tiers: Vec<&'static str> = inputs
        .questions
        .iter()
        .filter_map(|(_, q)| q.tier)
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .map(|t| t.as_str())
        .collect();
    tiers.dedup();
    let answers = std::mem::take(&mut inputs.log.answers);
    let history = history(&inputs, answers);
    let retention = retention(&inputs);
    let concepts = concepts(&inputs);
    let revisit = inputs
        .weakest
        .iter()
        .filter(|q| !q.ready)
        .take(LISTED)
        .cloned()
        .collect();
    let forecast = inputs
        .goal
        .as_ref()
        .and_then(|g| g.plan.as_ref())
        .map(|p| p.days.clone())
        .unwrap_or_default();
    Report {
        generated: inputs.now,
        today: inputs.today.date(inputs.offset),
        target: inputs.target,
        tiers,
        history,
        forecast,
        retention,
        concepts,
        revisit,
        heatmap: inputs.heatmap,
        goal: inputs.goal,
    }
}

/// Readiness at the end of each day from the first answer (at most
/// [`HISTORY_DAYS`] back) to today, replaying the log.
fn history(inputs: &Inputs<'_>, answers: Vec<Vec<(DateTime<Utc>, Rating)>>) -> Vec<HistoryDay> {
    let first = inputs.log.first.clamp(-(HISTORY_DAYS - 1), 0);
    let mut state: Vec<Replay> = inputs
        .questions
        .iter()
        .zip(answers)
        .map(|((bank, question), mut answers)| {
            answers.sort_by_key(|(at, _)| *at);
            Replay {
                tier: question.tier,
                key: format!("{}/{}", bank.id, question.id),
                answers,
                next: 0,
                card: Card::new(),
            }
        })
        .collect();
    let mut days = Vec::new();
    for index in first..=0 {
        let day = inputs.today.shifted(index);
        let end = if index == 0 { inputs.now } else { day.end };
        let mut ready_tier: BTreeMap<&'static str, (usize, usize)> = BTreeMap::new();
        let mut ready = 0;
        for Replay {
            tier,
            key,
            answers,
            next,
            card,
        } in &mut state
        {
            while *next < answers.len() && answers[*next].0 < end {
                let (at, rating) = answers[*next];
                *card = inputs.scheduler.review(card, rating, at, key);
                *next += 1;
            }
            let is_ready = card.state != State::New
                && inputs.scheduler.retrievability(card, end) >= inputs.target;
            ready += usize::from(is_ready);
            if let Some(tier) = tier {
                let entry = ready_tier.entry(tier.as_str()).or_default();
                entry.0 += 1;
                entry.1 += usize::from(is_ready);
            }
        }
        days.push(HistoryDay {
            date: day.date(inputs.offset),
            overall: crate::stats::share(ready as f64, state.len()),
            tiers: ready_tier
                .into_iter()
                .map(|(tier, (n, r))| (tier, crate::stats::share(r as f64, n)))
                .collect(),
        });
    }
    days
}

/// One question's log being replayed day by day.
struct Replay {
    tier: Option<crate::bank::Tier>,
    key: String,
    /// Its answers that moved the schedule, oldest first.
    answers: Vec<(DateTime<Utc>, Rating)>,
    /// How many are replayed so far.
    next: usize,
    card: Card,
}

/// True retention week by week over the last [`RETENTION_WEEKS`] weeks, among the
/// goal's questions.
fn retention(inputs: &Inputs<'_>) -> Vec<WeekRetention> {
    let weeks = inputs.log.weeks.len();
    inputs
        .log
        .weeks
        .iter()
        .enumerate()
        .map(|(i, &(reviews, passed))| {
            let back = (weeks - 1 - i) as i64 * 7 + 6;
            WeekRetention {
                start: inputs.today.shifted(-back).date(inputs.offset),
                reviews,
                passed,
                rate: (reviews > 0).then(|| passed as f64 / reviews as f64),
            }
        })
        .collect()
}

/// The rubric concepts missed most in answers to the goal's questions.
fn concepts(inputs: &Inputs<'_>) -> Vec<ConceptMissed> {
    // Each question by key, and whether its rubric is derived.
    let derived: std::collections::HashMap<(&str, &str), bool> = inputs
        .questions
        .iter()
        .map(|(b, q)| ((b.id.as_str(), q.id.as_str()), q.rubric.is_none()))
        .collect();
    let mut missed: BTreeMap<(String, String), (usize, usize, usize)> = BTreeMap::new();
    for item in &inputs.items.items {
        let Some(&derived) = derived.get(&(item.bank.as_str(), item.question.as_str())) else {
            continue;
        };
        let answers = item.regraded.as_ref().map_or(0, |r| r.passing + r.failing);
        for concept in &item.concepts {
            if !crate::grade::worth_naming(&concept.label, derived) {
                continue;
            }
            let entry = missed
                .entry((
                    format!("{}/{}", item.bank, item.question),
                    concept.label.clone(),
                ))
                .or_default();
            entry.0 += concept.missed + concept.negated;
            entry.1 += concept.negated;
            entry.2 += answers;
        }
    }
    let mut list: Vec<ConceptMissed> = missed
        .into_iter()
        .filter(|(_, (missed, _, _))| *missed > 0)
        .map(
            |((question, concept), (missed, turned, answers))| ConceptMissed {
                question,
                concept,
                missed,
                turned,
                answers,
            },
        )
        .collect();
    list.sort_by(|a, b| {
        b.missed
            .cmp(&a.missed)
            .then_with(|| (&a.question, &a.concept).cmp(&(&b.question, &b.concept)))
    });
    list.truncate(LISTED);
    list
}
