//! Today's queue: which questions to ask now, in what order, within the daily
//! limits.
//!
//! Order: learning and relearning cards that are due (earliest first; they are
//! mid-way through their short steps and must not wait), then review cards
//! that are due (most overdue first) up to what is left of the daily review
//! limit, then never-seen questions up to what is left of the daily new limit.
//! "Today" is the learner's study day, which starts at `day_starts_at` local
//! time (04:00 by default) so a late-night session counts for the day before.

use std::collections::HashMap;

use chrono::{DateTime, Days, FixedOffset, NaiveTime, TimeZone, Utc};
use rusqlite::{Connection, params};

use super::{QuestionKey, Store, StoreError, sqlite_error};
use crate::schedule::State;

/// One study day: from `start` (inclusive) to `end` (exclusive), in UTC.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StudyDay {
    /// When the day starts (inclusive).
    pub start: DateTime<Utc>,
    /// When the next day starts (exclusive).
    pub end: DateTime<Utc>,
}

impl StudyDay {
    /// The study day that contains `now` for a learner at `offset` whose days
    /// start at `starts_at`.
    pub fn containing(now: DateTime<Utc>, offset: FixedOffset, starts_at: NaiveTime) -> StudyDay {
        let local = now.with_timezone(&offset);
        let mut date = local.date_naive();
        if local.time() < starts_at {
            date = date.pred_opt().unwrap_or(date);
        }
        let start = offset
            .from_local_datetime(&date.and_time(starts_at))
            .single()
            .map_or(now, |start| start.with_timezone(&Utc));
        StudyDay {
            start,
            end: start + chrono::TimeDelta::days(1),
        }
    }

    /// The day `days` after this one (negative for before).
    pub fn shifted(self, days: i64) -> StudyDay {
        let delta = chrono::TimeDelta::days(days);
        StudyDay {
            start: self.start + delta,
            end: self.end + delta,
        }
    }

    /// The local calendar date this study day is named after.
    pub fn date(self, offset: FixedOffset) -> chrono::NaiveDate {
        self.start.with_timezone(&offset).date_naive()
    }

    /// Which study day (relative to this one; 0 is this one) `time` falls in.
    pub fn index_of(self, time: DateTime<Utc>) -> i64 {
        (time - self.start).num_seconds().div_euclid(86_400)
    }

    /// The end of the study day `days` after this one.
    pub fn end_after(self, days: u64) -> DateTime<Utc> {
        self.end
            .checked_add_days(Days::new(days))
            .unwrap_or(self.end)
    }
}

/// How many questions a day may bring.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DailyLimits {
    /// New questions introduced per day, at most.
    pub new_per_day: u32,
    /// Reviews per day, at most.
    pub reviews_per_day: u32,
}

/// The questions to ask now, in three groups asked in this order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DueQueue {
    /// Learning and relearning cards that are due, earliest first.
    pub learning: Vec<QuestionKey>,
    /// Review cards that are due, most overdue first, within the review limit.
    pub review: Vec<QuestionKey>,
    /// Never-seen questions, in the order given, within the new limit.
    pub new: Vec<QuestionKey>,
    /// New questions already introduced today (counted against the limit).
    pub new_today: u32,
    /// Review cards already reviewed today (counted against the limit).
    pub reviews_today: u32,
    /// Review cards due now but held back by the daily review limit.
    pub reviews_held_back: usize,
}

impl DueQueue {
    /// Every question in the order to ask them.
    pub fn in_order(&self) -> impl Iterator<Item = &QuestionKey> {
        self.learning.iter().chain(&self.review).chain(&self.new)
    }

    /// How many questions there are to ask.
    pub fn len(&self) -> usize {
        self.learning.len() + self.review.len() + self.new.len()
    }

    /// Whether there is nothing to ask.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl Store {
    /// Build the queue for `questions` (the keys of the loaded banks, in the
    /// order new ones should be introduced) at `now`. Cards whose questions
    /// are not in `questions` are left out (see [`Store::orphans`]).
    pub fn due_queue(
        &self,
        questions: &[QuestionKey],
        now: DateTime<Utc>,
        day: StudyDay,
        limits: DailyLimits,
    ) -> Result<DueQueue, StoreError> {
        let sqlite = |source| sqlite_error(self.path(), source);
        let connection = self.connection();
        let new_today: i64 = connection
            .query_row(
                "SELECT COUNT(*) FROM card WHERE first_review >= ?1 AND first_review < ?2",
                params![day.start.timestamp_micros(), day.end.timestamp_micros()],
                |row| row.get(0),
            )
            .map_err(sqlite)?;
        let reviews_today: i64 = connection
            .query_row(
                "SELECT COUNT(*) FROM review WHERE reviewed_at >= ?1 AND reviewed_at < ?2 \
                 AND state_before = 'review' AND rescheduled = 1 AND learner IS NULL",
                params![day.start.timestamp_micros(), day.end.timestamp_micros()],
                |row| row.get(0),
            )
            .map_err(sqlite)?;

        let seen = answered(connection, now).map_err(sqlite)?;

        let mut learning = Vec::new();
        let mut review = Vec::new();
        let mut new = Vec::new();
        let new_left = i64::from(limits.new_per_day)
            .saturating_sub(new_today)
            .max(0) as usize;
        for key in questions {
            match seen.get(key) {
                None => {
                    if new.len() < new_left {
                        new.push(key.clone());
                    }
                }
                Some(Some((State::Review, due))) => review.push((*due, key.clone())),
                Some(Some((_, due))) => learning.push((*due, key.clone())),
                Some(None) => {}
            }
        }
        learning.sort();
        review.sort();
        let reviews_left = i64::from(limits.reviews_per_day)
            .saturating_sub(reviews_today)
            .max(0) as usize;
        let reviews_held_back = review.len().saturating_sub(reviews_left);
        review.truncate(reviews_left);
        Ok(DueQueue {
            learning: learning.into_iter().map(|(_, key)| key).collect(),
            review: review.into_iter().map(|(_, key)| key).collect(),
            new,
            new_today: u32::try_from(new_today).unwrap_or(u32::MAX),
            reviews_today: u32::try_from(reviews_today).unwrap_or(u32::MAX),
            reviews_held_back,
        })
    }
}

/// Every answered question, with its state and due time (µs) when it is due at `now`.
fn answered(
    connection: &Connection,
    now: DateTime<Utc>,
) -> rusqlite::Result<HashMap<QuestionKey, Option<(State, i64)>>> {
    let mut statement = connection.prepare("SELECT bank, question, state, due FROM card")?;
    let mut rows = statement.query([])?;
    let mut seen = HashMap::new();
    let now_micros = now.timestamp_micros();
    while let Some(row) = rows.next()? {
        let key = QuestionKey::new(row.get::<_, String>(0)?, row.get::<_, String>(1)?);
        let due: i64 = row.get(3)?;
        let entry = if due <= now_micros {
            let state: String = row.get(2)?;
            State::from_name(&state).map(|state| (state, due))
        } else {
            None
        };
        seen.insert(key, entry);
    }
    Ok(seen)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(text: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(text)
            .unwrap()
            .with_timezone(&Utc)
    }

    #[test]
    fn the_day_starts_at_the_configured_local_hour() {
        let four = NaiveTime::from_hms_opt(4, 0, 0).unwrap();
        let paris = FixedOffset::east_opt(3600).unwrap();
        // 02:30 in Paris on the 10th is still the study day of the 9th.
        let day = StudyDay::containing(utc("2026-03-10T01:30:00Z"), paris, four);
        assert_eq!(day.start, utc("2026-03-09T03:00:00Z"));
        assert_eq!(day.end, utc("2026-03-10T03:00:00Z"));
        let day = StudyDay::containing(utc("2026-03-10T03:00:00Z"), paris, four);
        assert_eq!(day.start, utc("2026-03-10T03:00:00Z"));
        assert_eq!(day.index_of(utc("2026-03-12T02:59:59Z")), 1);
        assert_eq!(day.index_of(utc("2026-03-10T02:59:59Z")), -1);
    }
}
