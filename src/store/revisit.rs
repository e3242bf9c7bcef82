//! Questions to revisit: the ones a learner chose, at the end of a mock interview, to
//! have asked first in the next drill. Each is kept with the study day from which it is
//! asked first, and stops being first once it is answered again (an answer logged after
//! the mark). A fact the learner creates, kept beside the log; undo of answers and
//! rebuilds of the card cache leave it alone (it schedules nothing).

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::params;

use super::sql::Micros;
use super::{QuestionKey, Store, StoreError, sqlite_error};

impl Store {
    /// Marks `keys`, in this order, to be asked first by drills from the study day
    /// `first_on` until each is answered again.
    pub fn mark_revisit(
        &mut self,
        keys: &[QuestionKey],
        now: DateTime<Utc>,
        first_on: NaiveDate,
    ) -> Result<(), StoreError> {
        let day = first_on.format("%Y-%m-%d").to_string();
        self.write(|transaction, path| {
            let mut insert = transaction
                .prepare_cached(
                    "INSERT INTO revisit (bank, question, marked_at, first_on, position) \
                     VALUES (?1, ?2, ?3, ?4, ?5)",
                )
                .map_err(|e| sqlite_error(path, e))?;
            for (position, key) in keys.iter().enumerate() {
                insert
                    .execute(params![
                        key.bank,
                        key.question,
                        Micros(now),
                        day,
                        i64::try_from(position).unwrap_or(i64::MAX)
                    ])
                    .map_err(|e| sqlite_error(path, e))?;
            }
            Ok(())
        })
    }

    /// The questions to ask first on the study day `today`: marked for it or an earlier
    /// day and not answered since, the latest marking first, each in its marked order.
    pub fn revisits(&self, today: NaiveDate) -> Result<Vec<QuestionKey>, StoreError> {
        let day = today.format("%Y-%m-%d").to_string();
        let mut statement = self
            .connection()
            .prepare(
                "SELECT v.bank, v.question FROM revisit v WHERE v.first_on <= ?1 \
                 AND NOT EXISTS (SELECT 1 FROM review r WHERE r.bank = v.bank \
                 AND r.question = v.question AND r.reviewed_at > v.marked_at) \
                 ORDER BY v.marked_at DESC, v.position",
            )
            .map_err(|e| sqlite_error(self.path(), e))?;
        let rows = statement
            .query_map([day], |row| {
                Ok(QuestionKey::new(
                    row.get::<_, String>(0)?,
                    row.get::<_, String>(1)?,
                ))
            })
            .map_err(|e| sqlite_error(self.path(), e))?;
        let mut keys: Vec<QuestionKey> = Vec::new();
        for row in rows {
            let key = row.map_err(|e| sqlite_error(self.path(), e))?;
            if !keys.contains(&key) {
                keys.push(key);
            }
        }
        Ok(keys)
    }
}
