//! Planning toward an interview date: which questions a goal covers, how ready the
//! learner will be on the date ([`readiness`]), and a plan to get there ([`plan`]).
//!
//! A question is *ready* when its predicted recall (FSRS retrievability) on the date is
//! at least the goal's retention; a question never studied is not ready. The date's
//! moment is the start of its study day (`day_starts_at`), so study on the day itself
//! is not planned for. The goal is *reached* when the share of ready questions is at
//! least the retention overall and in every tier the goal covers.
//!
//! The goal itself is saved by the store (`store::Goal`) or set in the config; how a
//! queue works toward it is `store::queue` with `schedule::advance`. Nothing here
//! prints or reads the clock.

pub mod plan;
pub mod report;

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveTime, TimeZone, Utc};
use serde::Serialize;

use crate::bank::{Bank, Library, Question};
use crate::schedule::{Card, Scheduler, State};
use crate::session::select::Filter;
use crate::store::{Goal, QuestionKey, StudyDay, Toward};

/// Where the goal in force comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Source {
    /// The configuration file's `[goal]` table (it takes precedence).
    Config,
    /// `recall goal set`, saved in the database.
    Database,
}

/// The filter that picks a goal's questions.
pub fn filter(goal: &Goal) -> Filter {
    Filter {
        banks: goal.banks.clone(),
        tiers: goal.tiers.clone(),
        ..Filter::default()
    }
}

/// The goal's questions among `library`'s, in bank order.
pub fn questions<'a>(goal: &Goal, library: &'a Library) -> Vec<(&'a Bank, &'a Question)> {
    filter(goal).questions(library)
}

/// The study day the interview falls in, for a learner at `offset` whose days start
/// at `starts_at`: readiness is predicted for its start.
pub fn date_day(date: NaiveDate, offset: FixedOffset, starts_at: NaiveTime) -> StudyDay {
    let start = offset
        .from_local_datetime(&date.and_time(starts_at))
        .single()
        .map_or_else(
            || date.and_time(starts_at).and_utc(),
            |start| start.with_timezone(&Utc),
        );
    StudyDay::containing(start, offset, starts_at)
}

/// What a queue needs to work toward the goal, while its date is still to come.
pub fn toward(
    questions: &[(&Bank, &Question)],
    date: StudyDay,
    now: DateTime<Utc>,
) -> Option<Toward> {
    (now < date.start).then(|| Toward {
        date: date.start,
        questions: crate::session::select::keys(questions)
            .into_iter()
            .collect(),
    })
}

/// Cards by key, for looking up the goal's questions.
pub type Cards = HashMap<QuestionKey, Card>;

/// How ready one group of questions (a tier, a tag) is.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Group {
    /// The tier's or tag's name.
    pub name: String,
    /// Its questions in the goal.
    pub questions: usize,
    /// Those ready on the date.
    pub ready: usize,
    /// ready / questions.
    pub share: f64,
}

/// One question's predicted recall on the date.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct OnDate {
    /// `bank/question`.
    pub question: String,
    /// Its interview tier, if it has one.
    pub tier: Option<&'static str>,
    /// Predicted recall on the date (0 when never studied).
    pub recall: f64,
    /// Whether it was ever studied.
    pub studied: bool,
    /// Whether `recall` reaches the goal's retention.
    pub ready: bool,
}

/// How ready the learner will be on the date, if nothing more is studied.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Readiness {
    /// The interview date.
    pub date: NaiveDate,
    /// The moment predicted for.
    pub at: DateTime<Utc>,
    /// The predicted recall a question needs to be ready.
    pub retention: f64,
    /// The goal's questions.
    pub questions: usize,
    /// Those ready on the date.
    pub ready: usize,
    /// ready / questions.
    pub share: f64,
    /// Whether the goal is reached: the share at least the retention, overall and in
    /// every tier.
    pub reached: bool,
    /// Per interview tier, in tier order.
    pub tiers: Vec<Group>,
    /// Per tag (of the question or its bank), by name.
    pub tags: Vec<Group>,
    /// Every question, weakest on the date first.
    pub weakest: Vec<OnDate>,
}

/// The readiness of `questions` at `at` (the date's moment, or now when that has
/// passed), from their `cards`.
pub fn readiness(
    goal: &Goal,
    questions: &[(&Bank, &Question)],
    cards: &Cards,
    scheduler: &Scheduler,
    at: DateTime<Utc>,
) -> Readiness {
    let mut tiers: BTreeMap<crate::bank::Tier, (usize, usize)> = BTreeMap::new();
    let mut tags: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    let mut weakest = Vec::with_capacity(questions.len());
    for (bank, question) in questions {
        let key = QuestionKey::new(&bank.id, &question.id);
        let card = cards.get(&key).filter(|card| card.state != State::New);
        let recall = card.map_or(0.0, |card| scheduler.retrievability(card, at));
        let ready = card.is_some() && recall >= goal.retention;
        if let Some(tier) = question.tier {
            let entry = tiers.entry(tier).or_default();
            entry.0 += 1;
            entry.1 += usize::from(ready);
        }
        let mut own: Vec<&str> = bank
            .tags
            .iter()
            .chain(&question.tags)
            .map(String::as_str)
            .collect();
        own.sort_unstable();
        own.dedup();
        for tag in own {
            let entry = tags.entry(tag).or_default();
            entry.0 += 1;
            entry.1 += usize::from(ready);
        }
        weakest.push(OnDate {
            question: key.to_string(),
            tier: question.tier.map(|t| t.as_str()),
            recall,
            studied: card.is_some(),
            ready,
        });
    }
    weakest.sort_by(|a, b| {
        a.recall
            .total_cmp(&b.recall)
            .then_with(|| a.question.cmp(&b.question))
    });
    let group = |name: &str, (questions, ready): (usize, usize)| Group {
        name: name.to_owned(),
        questions,
        ready,
        share: crate::stats::share(ready as f64, questions),
    };
    let tiers: Vec<Group> = tiers
        .into_iter()
        .map(|(tier, counts)| group(tier.as_str(), counts))
        .collect();
    let tags = tags
        .into_iter()
        .map(|(tag, counts)| group(tag, counts))
        .collect();
    let ready = weakest.iter().filter(|q| q.ready).count();
    let share = crate::stats::share(ready as f64, questions.len());
    let reached = !questions.is_empty()
        && share >= goal.retention
        && tiers.iter().all(|tier| tier.share >= goal.retention);
    Readiness {
        date: goal.date,
        at,
        retention: goal.retention,
        questions: questions.len(),
        ready,
        share,
        reached,
        tiers,
        tags,
        weakest,
    }
}

/// Everything known about the goal in force at a moment: readiness on the date and the
/// plan toward it, in the shape of `recall goal --json`.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Status {
    /// The interview date.
    pub date: NaiveDate,
    /// The banks it covers (empty: all).
    pub banks: Vec<String>,
    /// The tiers it covers (empty: all).
    pub tiers: Vec<&'static str>,
    /// The retention a question needs on the date.
    pub retention: f64,
    /// Where the goal comes from.
    pub source: Source,
    /// Banks the goal names that are not loaded.
    pub missing_banks: Vec<String>,
    /// Study days from today to the date (0: the date is today; negative: passed).
    pub days_left: i64,
    /// Whether the date has passed (drills follow the plain schedule again).
    pub passed: bool,
    /// Readiness on the date if nothing more is studied (now, once the date is here).
    pub readiness: Readiness,
    /// The plan toward it; `None` once the date has passed.
    pub plan: Option<plan::Plan>,
}

/// The short form of a [`Status`] that `recall due` and `stats` carry in their JSON.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Summary {
    /// The interview date.
    pub date: NaiveDate,
    /// Study days left (0: today; negative: passed).
    pub days_left: i64,
    /// The retention a question needs on the date.
    pub retention: f64,
    /// The goal's questions.
    pub questions: usize,
    /// Those ready on the date if nothing more is studied.
    pub ready: usize,
    /// ready / questions.
    pub share: f64,
    /// Per tier.
    pub tiers: Vec<Group>,
    /// Per tag.
    pub tags: Vec<Group>,
    /// New questions a day the plan needs.
    pub new_per_day: Option<usize>,
    /// How the goal stands (see `recall goal --json`).
    pub verdict: Option<plan::Verdict>,
}

impl Status {
    /// The short form.
    pub fn summary(&self) -> Summary {
        Summary {
            date: self.date,
            days_left: self.days_left,
            retention: self.retention,
            questions: self.readiness.questions,
            ready: self.readiness.ready,
            share: self.readiness.share,
            tiers: self.readiness.tiers.clone(),
            tags: self.readiness.tags.clone(),
            new_per_day: self.plan.as_ref().map(|p| p.new_per_day),
            verdict: self.plan.as_ref().map(|p| p.verdict.clone()),
        }
    }
}

/// Where and when a goal is assessed: the learner's progress and clock.
pub struct Assessment<'a> {
    /// The progress database.
    pub store: &'a crate::store::Store,
    /// The scheduler.
    pub scheduler: &'a Scheduler,
    /// Now.
    pub now: DateTime<Utc>,
    /// Today's study day.
    pub today: StudyDay,
    /// The local time zone.
    pub offset: FixedOffset,
    /// When study days start.
    pub day_starts_at: NaiveTime,
    /// The daily limits.
    pub limits: crate::store::DailyLimits,
}

impl Assessment<'_> {
    /// The status of `goal` (from `source`) over `library`'s questions.
    pub fn status(
        &self,
        goal: &Goal,
        source: Source,
        library: &Library,
    ) -> Result<Status, crate::store::StoreError> {
        let questions = questions(goal, library);
        let cards: Cards = self.store.cards()?.into_iter().collect();
        let date = date_day(goal.date, self.offset, self.day_starts_at);
        let days_left = self.today.index_of(date.start);
        let passed = days_left < 0;
        // On the day itself, still its start (study that day is not planned for, and
        // an answer given since counts as just recalled); once passed, now.
        let at = if passed { self.now } else { date.start };
        let readiness = readiness(goal, &questions, &cards, self.scheduler, at);
        let plan = (!passed)
            .then(|| -> Result<plan::Plan, crate::store::StoreError> {
                let introduced = self.store.first_reviews()?;
                Ok(plan::plan(&plan::Inputs {
                    goal,
                    questions: &questions,
                    cards: &cards,
                    introduced: &introduced,
                    scheduler: self.scheduler,
                    now: self.now,
                    today: self.today,
                    offset: self.offset,
                    day_starts_at: self.day_starts_at,
                    limits: self.limits,
                    reached: readiness.reached,
                    not_ready: readiness.questions - readiness.ready,
                }))
            })
            .transpose()?;
        Ok(Status {
            date: goal.date,
            banks: goal.banks.clone(),
            tiers: goal.tiers.iter().map(|t| t.as_str()).collect(),
            retention: goal.retention,
            source,
            missing_banks: filter(goal)
                .unknown_banks(&library.banks)
                .into_iter()
                .map(str::to_owned)
                .collect(),
            days_left,
            passed,
            readiness,
            plan,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bank::load_str;
    use crate::schedule::{Rating, SchedulerConfig};
    use chrono::TimeDelta;
    use std::path::Path;

    const BANK: &str = r#"
[bank]
id = "b"
title = "B"
tags = ["all"]

[[question]]
id = "one"
kind = "interview"
tier = "beginner"
tags = ["first"]
prompt = "One?"
model_answer = "The word is ready."
keywords = ["ready"]

[[question]]
id = "two"
kind = "interview"
tier = "beginner"
prompt = "Two?"
model_answer = "The word is ready."
keywords = ["ready"]

[[question]]
id = "three"
kind = "interview"
tier = "advanced"
prompt = "Three?"
model_answer = "The word is ready."
keywords = ["ready"]
"#;

    fn library() -> Library {
        let (bank, diagnostics) = load_str(Path::new("b.toml"), BANK);
        assert!(diagnostics.iter().all(|d| !d.is_error()), "{diagnostics:?}");
        Library {
            banks: vec![bank.expect("the test bank loads")],
            ..Library::default()
        }
    }

    #[test]
    fn readiness_counts_the_never_studied_as_not_ready_per_tier_and_tag() {
        let library = library();
        let scheduler = Scheduler::new(SchedulerConfig::default()).unwrap();
        let now = DateTime::from_timestamp(1_800_000_000, 0).unwrap();
        let goal = Goal {
            date: NaiveDate::from_ymd_opt(2027, 1, 20).unwrap(),
            banks: Vec::new(),
            tiers: Vec::new(),
            retention: 0.9,
        };
        let questions = questions(&goal, &library);
        // "one" learnt easy just before the date; "two" long before; "three" never.
        let at = now + TimeDelta::days(10);
        let mut cards = Cards::new();
        cards.insert(
            QuestionKey::new("b", "one"),
            scheduler.review(&Card::new(), Rating::Easy, at - TimeDelta::days(1), "b/one"),
        );
        cards.insert(
            QuestionKey::new("b", "two"),
            scheduler.review(
                &Card::new(),
                Rating::Hard,
                at - TimeDelta::days(60),
                "b/two",
            ),
        );
        let readiness = readiness(&goal, &questions, &cards, &scheduler, at);
        assert_eq!((readiness.questions, readiness.ready), (3, 1));
        assert!(!readiness.reached);
        let tier = |name: &str| readiness.tiers.iter().find(|t| t.name == name).unwrap();
        assert_eq!((tier("beginner").questions, tier("beginner").ready), (2, 1));
        assert_eq!((tier("advanced").questions, tier("advanced").ready), (1, 0));
        let tag = |name: &str| readiness.tags.iter().find(|t| t.name == name).unwrap();
        assert_eq!((tag("all").questions, tag("all").ready), (3, 1));
        assert_eq!((tag("first").questions, tag("first").ready), (1, 1));
        // Weakest first: the never studied (0), then the one studied long ago.
        let order: Vec<&str> = readiness
            .weakest
            .iter()
            .map(|q| q.question.as_str())
            .collect();
        assert_eq!(order, ["b/three", "b/two", "b/one"]);
        assert!(!readiness.weakest[0].studied);
        // Narrowed to the advanced tier: one question, not ready.
        let advanced = Goal {
            tiers: vec![crate::bank::Tier::Advanced],
            ..goal
        };
        assert_eq!(super::questions(&advanced, &library).len(), 1);
    }

    #[test]
    fn a_goal_queue_toward_the_date_only_while_it_is_ahead() {
        let library = library();
        let goal = Goal {
            date: NaiveDate::from_ymd_opt(2027, 1, 20).unwrap(),
            banks: Vec::new(),
            tiers: vec![crate::bank::Tier::Beginner],
            retention: 0.9,
        };
        let offset = FixedOffset::east_opt(3600).unwrap();
        let four = NaiveTime::from_hms_opt(4, 0, 0).unwrap();
        let day = date_day(goal.date, offset, four);
        assert_eq!(day.start.to_rfc3339(), "2027-01-20T03:00:00+00:00");
        let questions = questions(&goal, &library);
        let ahead = toward(&questions, day, day.start - TimeDelta::hours(1)).unwrap();
        assert_eq!(ahead.questions.len(), 2);
        assert!(
            toward(&questions, day, day.start).is_none(),
            "the day has come"
        );
    }
}
