//! The plan toward a goal: how many new questions and reviews a day reach it by the
//! date, whether that fits the daily limits and the learner's pace, and, when it does
//! not, what would.
//!
//! The new questions a day are the unseen ones spread evenly over the study days left
//! (today to the eve of the date). The reviews a day come from a simulation of the
//! learner following the plan and recalling every answer (rated good), under the same
//! queue rules as a real drill toward the date (`schedule::advance`); the simulation
//! also gives the forecast of readiness day by day. The pace is the new questions a day
//! over the last seven study days.

use chrono::{DateTime, FixedOffset, NaiveDate, TimeDelta, Utc};
use serde::Serialize;

use super::{Cards, date_day};
use crate::bank::{Bank, Question};
use crate::schedule::advance::due_toward;
use crate::schedule::{Card, Rating, Scheduler, State};
use crate::store::{DailyLimits, Goal, QuestionKey, StudyDay};

/// Days over which the pace is measured.
pub const PACE_DAYS: i64 = 7;

/// One day of the plan, as simulated.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct PlanDay {
    /// The study day.
    pub date: NaiveDate,
    /// New questions to introduce.
    pub new: usize,
    /// Questions to review (learning steps of earlier days included).
    pub reviews: usize,
    /// The share of the goal's questions ready at the end of the day, if the plan is
    /// followed.
    pub ready_share: f64,
}

/// How the goal stands.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum Verdict {
    /// Following the plan reaches it, within the limits and at the learner's pace.
    OnTrack,
    /// Reached already, and the date is today: nothing left to plan.
    Reached,
    /// Even following the plan, too few questions would be ready on the day (a goal
    /// retention above the scheduler's desired retention leaves reviews too far apart).
    FallsShort {
        /// The share ready on the date following the plan.
        forecast: f64,
    },
    /// The plan fits the limits, but the learner's pace falls short of it.
    Behind {
        /// New questions a day at the learner's pace.
        pace: f64,
        /// Unseen questions that pace leaves unstudied on the date.
        left_unseen: usize,
    },
    /// The plan needs more a day than the daily limits allow.
    OverLimits {
        /// The date at which the current limits would reach it.
        later_date: NaiveDate,
    },
    /// The date is today (or has passed) and the goal is not reached.
    NoLonger {
        /// Questions not ready.
        not_ready: usize,
    },
}

/// The plan toward a goal, from today.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Plan {
    /// Today's study day.
    pub today: NaiveDate,
    /// The interview date.
    pub date: NaiveDate,
    /// Study days left: today up to the eve of the date.
    pub study_days: i64,
    /// Questions of the goal never studied.
    pub unseen: usize,
    /// New questions to introduce a day.
    pub new_per_day: usize,
    /// The most reviews any day of the plan needs.
    pub peak_reviews: usize,
    /// Reviews a day, on average over the plan.
    pub mean_reviews: f64,
    /// New questions a day over the last days (`None` before any study).
    pub pace: Option<f64>,
    /// The configuration's daily limits.
    pub new_limit: u32,
    /// The configuration's daily limits.
    pub review_limit: u32,
    /// The share of questions ready on the date if the plan is followed.
    pub forecast_share: f64,
    /// How it stands.
    pub verdict: Verdict,
    /// The plan day by day.
    pub days: Vec<PlanDay>,
}

/// What the plan is computed from.
pub struct Inputs<'a> {
    /// The goal.
    pub goal: &'a Goal,
    /// Its questions, in bank order (the order new ones are introduced).
    pub questions: &'a [(&'a Bank, &'a Question)],
    /// Their cards.
    pub cards: &'a Cards,
    /// When each question was first answered.
    pub introduced: &'a [(QuestionKey, DateTime<Utc>)],
    /// The scheduler.
    pub scheduler: &'a Scheduler,
    /// Now.
    pub now: DateTime<Utc>,
    /// Today's study day.
    pub today: StudyDay,
    /// The local time zone.
    pub offset: FixedOffset,
    /// When study days start.
    pub day_starts_at: chrono::NaiveTime,
    /// The daily limits.
    pub limits: DailyLimits,
    /// Whether the goal is reached on the date with no more study.
    pub reached: bool,
    /// Questions not ready on the date with no more study.
    pub not_ready: usize,
}

/// The plan from `inputs`.
pub fn plan(inputs: &Inputs<'_>) -> Plan {
    let date = date_day(inputs.goal.date, inputs.offset, inputs.day_starts_at);
    let study_days = inputs.today.index_of(date.start).max(0);
    let keys: Vec<QuestionKey> = crate::session::select::keys(inputs.questions);
    let unseen = keys
        .iter()
        .filter(|key| {
            inputs
                .cards
                .get(key)
                .is_none_or(|card| card.state == State::New)
        })
        .count();
    let new_per_day = if study_days == 0 {
        0
    } else {
        unseen.div_ceil(study_days as usize)
    };
    let days = simulate(inputs, &keys, new_per_day, date, study_days);
    let peak_reviews = days.iter().map(|d| d.reviews).max().unwrap_or(0);
    let mean_reviews = if days.is_empty() {
        0.0
    } else {
        days.iter().map(|d| d.reviews).sum::<usize>() as f64 / days.len() as f64
    };
    let pace = pace(inputs, &keys);
    let forecast_share = days.last().map_or(0.0, |d| d.ready_share);
    let new_limit = inputs.limits.new_per_day;
    let review_limit = inputs.limits.reviews_per_day;
    let verdict = if study_days == 0 {
        if inputs.reached {
            Verdict::Reached
        } else {
            Verdict::NoLonger {
                not_ready: inputs.not_ready,
            }
        }
    } else if forecast_share + 1e-9 < inputs.goal.retention {
        Verdict::FallsShort {
            forecast: forecast_share,
        }
    } else if new_per_day > new_limit as usize || peak_reviews > review_limit as usize {
        let days_needed = if new_limit == 0 {
            i64::MAX / 4
        } else {
            unseen.div_ceil(new_limit as usize) as i64
        };
        Verdict::OverLimits {
            later_date: inputs
                .today
                .shifted(days_needed.clamp(1, 365 * 100))
                .date(inputs.offset),
        }
    } else {
        match pace {
            Some(pace) if pace * (study_days as f64) + 1e-9 < unseen as f64 => Verdict::Behind {
                pace,
                left_unseen: unseen - (pace * study_days as f64).floor() as usize,
            },
            _ => Verdict::OnTrack,
        }
    };
    Plan {
        today: inputs.today.date(inputs.offset),
        date: inputs.goal.date,
        study_days,
        unseen,
        new_per_day,
        peak_reviews,
        mean_reviews,
        pace,
        new_limit,
        review_limit,
        forecast_share,
        verdict,
        days,
    }
}

/// New questions of the goal introduced a day: over the last [`PACE_DAYS`] study
/// days (fewer when study began later), ending today or, when nothing was introduced
/// today yet, yesterday. `None` before any of the goal's questions was studied.
fn pace(inputs: &Inputs<'_>, keys: &[QuestionKey]) -> Option<f64> {
    let goal: std::collections::HashSet<&QuestionKey> = keys.iter().collect();
    let days: Vec<i64> = inputs
        .introduced
        .iter()
        .filter(|(key, _)| goal.contains(key))
        .map(|(_, at)| inputs.today.index_of(*at))
        .collect();
    let first = *days.iter().min()?;
    let rate = |end: i64| {
        let start = (end - PACE_DAYS + 1).max(first);
        if start > end {
            return 0.0;
        }
        let count = days.iter().filter(|d| (start..=end).contains(*d)).count();
        count as f64 / (end - start + 1) as f64
    };
    Some(rate(0).max(rate(-1)))
}

/// One question in the simulation: its card, and what the days ahead ask of it,
/// worked out once per answer rather than once per day.
struct Simulated {
    key: String,
    card: Option<Card>,
    /// When it comes due toward the date (advance included).
    due: DateTime<Utc>,
    /// Until when (exclusive) its predicted recall stays at or above the retention.
    ready_until: DateTime<Utc>,
}

impl Simulated {
    fn new(
        key: String,
        card: Option<Card>,
        scheduler: &Scheduler,
        goal: &Goal,
        date: DateTime<Utc>,
    ) -> Simulated {
        let mut simulated = Simulated {
            key,
            card,
            due: date,
            ready_until: date,
        };
        simulated.refresh(scheduler, goal, date);
        simulated
    }

    /// Works out `due` and `ready_until` from the card.
    fn refresh(&mut self, scheduler: &Scheduler, goal: &Goal, date: DateTime<Utc>) {
        let Some(card) = &self.card else { return };
        let (Some(due), Some(last), Some(stability)) =
            (card.due, card.last_review, card.stability())
        else {
            return;
        };
        self.due = due_toward(&self.key, card.state, due, last, date);
        let days = scheduler.days_at_or_above(stability, goal.retention);
        self.ready_until = last
            .checked_add_signed(TimeDelta::days(days + 1))
            .unwrap_or(DateTime::<Utc>::MAX_UTC);
    }
}

/// The learner following the plan from today to the eve of the date, recalling every
/// answer: each day's new questions and reviews, and how ready they are after it.
fn simulate(
    inputs: &Inputs<'_>,
    keys: &[QuestionKey],
    new_per_day: usize,
    date: StudyDay,
    study_days: i64,
) -> Vec<PlanDay> {
    let scheduler = inputs.scheduler;
    let goal = inputs.goal;
    let mut cards: Vec<Simulated> = keys
        .iter()
        .map(|key| {
            let card = inputs
                .cards
                .get(key)
                .filter(|card| card.state != State::New)
                .cloned();
            Simulated::new(key.to_string(), card, scheduler, goal, date.start)
        })
        .collect();
    let mut days = Vec::new();
    for index in 0..study_days {
        let day = inputs.today.shifted(index);
        // Today from now; later days in the morning.
        let at = if index == 0 {
            inputs.now
        } else {
            day.start + TimeDelta::hours(6)
        };
        let mut reviews = 0;
        let mut new = 0;
        for simulated in &mut cards {
            match &simulated.card {
                Some(card) if simulated.due < day.end => {
                    simulated.card = Some(learn(scheduler, card, at, &simulated.key, day.end));
                    reviews += 1;
                }
                Some(_) => continue,
                None if new < new_per_day => {
                    let card = learn(scheduler, &Card::new(), at, &simulated.key, day.end);
                    simulated.card = Some(card);
                    new += 1;
                }
                None => continue,
            }
            simulated.refresh(scheduler, goal, date.start);
        }
        let moment = if index + 1 == study_days {
            date.start
        } else {
            day.end
        };
        let ready = cards
            .iter()
            .filter(|simulated| simulated.card.is_some() && simulated.ready_until > moment)
            .count();
        days.push(PlanDay {
            date: day.date(inputs.offset),
            new,
            reviews,
            ready_share: crate::stats::share(ready as f64, cards.len()),
        });
    }
    days
}

/// `card` answered well at `at`, and again at each learning step that falls before
/// `until` (a drill's same-day steps), until it graduates.
fn learn(
    scheduler: &Scheduler,
    card: &Card,
    at: DateTime<Utc>,
    key: &str,
    until: DateTime<Utc>,
) -> Card {
    let mut card = scheduler.review(card, Rating::Good, at, key);
    // Steps are a handful; the bound only guards against a configuration that never
    // graduates.
    for _ in 0..16 {
        match card.due {
            Some(due) if card.state != State::Review && due < until => {
                card = scheduler.review(&card, Rating::Good, due, key);
            }
            _ => break,
        }
    }
    card
}
