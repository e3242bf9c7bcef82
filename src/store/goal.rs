//! The interview date the learner plans toward, as the database keeps it: `recall goal
//! set` and `recall goal clear` each append a row to the `goal` table (never changed,
//! like the review log); the latest row is the goal, and a clear has no date.
//!
//! What the goal means (readiness on the date, the plan) is `crate::goal`'s; the config
//! file's `[goal]` table, which takes precedence over this one, is `crate::config`'s.

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{OptionalExtension, params};

use super::sql::Micros;
use super::{QuestionKey, Store, StoreError};
use crate::bank::Tier;

/// An interview date and what it covers.
#[derive(Debug, Clone, PartialEq)]
pub struct Goal {
    /// The interview's date (the learner's local calendar date).
    pub date: NaiveDate,
    /// The banks it covers, by id; empty: every loaded bank.
    pub banks: Vec<String>,
    /// The interview tiers it covers; empty: every question of those banks.
    pub tiers: Vec<Tier>,
    /// The predicted recall a question needs on the date to count as ready (0.9).
    pub retention: f64,
}

/// The retention a goal aims for unless told otherwise.
pub const DEFAULT_GOAL_RETENTION: f64 = 0.9;

impl Store {
    /// The goal saved by `recall goal set`, unless `recall goal clear` came after it.
    pub fn goal(&self) -> Result<Option<Goal>, StoreError> {
        let row = self
            .connection()
            .query_row(
                "SELECT date, banks, tiers, retention FROM goal ORDER BY id DESC LIMIT 1",
                [],
                |row| {
                    Ok((
                        row.get::<_, Option<String>>(0)?,
                        row.get::<_, String>(1)?,
                        row.get::<_, String>(2)?,
                        row.get::<_, Option<f64>>(3)?,
                    ))
                },
            )
            .optional()
            .map_err(self.sqlite())?;
        let Some((Some(date), banks, tiers, Some(retention))) = row else {
            return Ok(None);
        };
        let unusable = |what: &str| StoreError::UnusableGoal {
            path: self.path().to_path_buf(),
            detail: what.to_owned(),
        };
        let date = NaiveDate::parse_from_str(&date, "%Y-%m-%d")
            .map_err(|_| unusable(&format!("the date {date:?} is not a date")))?;
        let banks: Vec<String> = serde_json::from_str(&banks)
            .map_err(|_| unusable(&format!("the banks {banks:?} are not a JSON list")))?;
        let names: Vec<String> = serde_json::from_str(&tiers)
            .map_err(|_| unusable(&format!("the tiers {tiers:?} are not a JSON list")))?;
        let tiers = names
            .iter()
            .map(|name| Tier::parse(name).ok_or_else(|| unusable(&format!("no tier {name:?}"))))
            .collect::<Result<_, _>>()?;
        Ok(Some(Goal {
            date,
            banks,
            tiers,
            retention,
        }))
    }

    /// Saves `goal` as the goal from `now` on.
    pub fn set_goal(&mut self, goal: &Goal, now: DateTime<Utc>) -> Result<(), StoreError> {
        let tiers: Vec<&str> = goal.tiers.iter().map(|t| t.as_str()).collect();
        // A list of strings always encodes.
        let banks = serde_json::to_string(&goal.banks).unwrap_or_else(|_| "[]".to_owned());
        let tiers = serde_json::to_string(&tiers).unwrap_or_else(|_| "[]".to_owned());
        self.connection()
            .execute(
                "INSERT INTO goal (set_at, date, banks, tiers, retention) \
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                params![
                    Micros(now),
                    goal.date.format("%Y-%m-%d").to_string(),
                    banks,
                    tiers,
                    goal.retention
                ],
            )
            .map_err(self.sqlite())?;
        Ok(())
    }

    /// When each answered question was first answered (its introduction), by key.
    pub fn first_reviews(&self) -> Result<Vec<(QuestionKey, DateTime<Utc>)>, StoreError> {
        let mut statement = self
            .connection()
            .prepare("SELECT bank, question, first_review FROM card")
            .map_err(self.sqlite())?;
        statement
            .query_map([], |row| {
                Ok((
                    QuestionKey::new(row.get::<_, String>(0)?, row.get::<_, String>(1)?),
                    row.get::<_, Micros>(2)?.0,
                ))
            })
            .and_then(Iterator::collect)
            .map_err(self.sqlite())
    }

    /// Clears the goal from `now` on; whether there was one to clear.
    pub fn clear_goal(&mut self, now: DateTime<Utc>) -> Result<bool, StoreError> {
        let had = self.goal()?.is_some();
        if had {
            self.connection()
                .execute(
                    "INSERT INTO goal (set_at) VALUES (?1)",
                    params![Micros(now)],
                )
                .map_err(self.sqlite())?;
        }
        Ok(had)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_latest_goal_counts_and_a_clear_removes_it() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("recall.db")).unwrap();
        assert_eq!(store.goal().unwrap(), None);
        let now = DateTime::from_timestamp(1_800_000_000, 0).unwrap();
        let goal = Goal {
            date: NaiveDate::from_ymd_opt(2026, 12, 20).unwrap(),
            banks: vec!["docker".to_owned()],
            tiers: vec![Tier::Beginner, Tier::Advanced],
            retention: 0.85,
        };
        store.set_goal(&goal, now).unwrap();
        assert_eq!(store.goal().unwrap(), Some(goal.clone()));
        let later = Goal {
            banks: Vec::new(),
            tiers: Vec::new(),
            ..goal
        };
        store.set_goal(&later, now).unwrap();
        assert_eq!(store.goal().unwrap(), Some(later));
        assert!(store.clear_goal(now).unwrap());
        assert_eq!(store.goal().unwrap(), None);
        assert!(!store.clear_goal(now).unwrap(), "nothing left to clear");
    }
}
