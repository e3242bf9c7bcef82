//! Reading the review log back: one question's history, the reviews since a time, the
//! whole log visited row by row (or from a review on, for a copy kept elsewhere), and
//! the orphans.

use std::collections::HashSet;

use chrono::{DateTime, Utc};
use rusqlite::types::ToSql;
use rusqlite::{OptionalExtension, params};

use super::{Orphan, REVIEW_COLUMNS, Review, ReviewRef, review_from_row};
use crate::schedule::{Rating, State};
use crate::store::sql::Micros;
use crate::store::{QuestionKey, Store, StoreError};

impl Store {
    /// This learner's log of one question, oldest first.
    pub fn history(&self, key: &QuestionKey) -> Result<Vec<Review>, StoreError> {
        self.reviews_where(
            "WHERE bank = ?1 AND question = ?2 AND learner IS NULL ORDER BY reviewed_at, id",
            params![key.bank, key.question],
        )
    }

    /// This learner's reviews at or after `since`, oldest first.
    pub fn reviews_since(&self, since: DateTime<Utc>) -> Result<Vec<Review>, StoreError> {
        self.reviews_where(
            "WHERE reviewed_at >= ?1 AND learner IS NULL ORDER BY reviewed_at, id",
            params![Micros(since)],
        )
    }

    /// This learner's whole log, oldest first.
    pub fn all_reviews(&self) -> Result<Vec<Review>, StoreError> {
        self.reviews_where("WHERE learner IS NULL ORDER BY reviewed_at, id", params![])
    }

    /// How many answers the log holds.
    pub fn review_count(&self) -> Result<u64, StoreError> {
        let count: i64 = self
            .connection
            .query_row("SELECT COUNT(*) FROM review", [], |row| row.get(0))
            .map_err(self.sqlite())?;
        Ok(count.max(0) as u64)
    }

    fn reviews_where(
        &self,
        clause: &str,
        parameters: &[&dyn ToSql],
    ) -> Result<Vec<Review>, StoreError> {
        let sql = format!("SELECT {REVIEW_COLUMNS} FROM review {clause}");
        let mut statement = self.connection.prepare(&sql).map_err(self.sqlite())?;
        statement
            .query_map(parameters, review_from_row)
            .map_err(self.sqlite())?
            .collect::<rusqlite::Result<_>>()
            .map_err(self.sqlite())
    }

    /// Calls `visit` with the bank, question, time, rating and prior state of every
    /// review of this learner at or after `from` and before `until` (or without end),
    /// whose id is at most `last_id`, in no set order. The ids are borrowed from the
    /// row, so statistics over a long log allocate nothing per review.
    pub fn visit_reviews(
        &self,
        from: DateTime<Utc>,
        until: Option<DateTime<Utc>>,
        last_id: i64,
        mut visit: impl FnMut(&str, &str, DateTime<Utc>, Rating, State),
    ) -> Result<(), StoreError> {
        let sqlite = self.sqlite();
        let mut statement = self
            .connection
            .prepare_cached(
                "SELECT bank, question, reviewed_at, rating, state_before FROM review \
                 WHERE reviewed_at >= ?1 AND reviewed_at < ?2 AND learner IS NULL \
                 AND id <= ?3",
            )
            .map_err(&sqlite)?;
        let until = until.map_or(i64::MAX, |t| t.timestamp_micros());
        let mut rows = statement
            .query(params![Micros(from), until, last_id])
            .map_err(&sqlite)?;
        while let Some(row) = rows.next().map_err(&sqlite)? {
            let text = |i: usize| row.get_ref(i).and_then(|v| v.as_str().map_err(Into::into));
            let at = row.get::<_, Micros>(2).map_err(&sqlite)?.0;
            let rating = row.get(3).map_err(&sqlite)?;
            let state = row.get(4).map_err(&sqlite)?;
            visit(
                text(0).map_err(&sqlite)?,
                text(1).map_err(&sqlite)?,
                at,
                rating,
                state,
            );
        }
        Ok(())
    }

    /// Calls `visit` with every review of the log, every learner's, in the order of
    /// their ids, each borrowed from its row (item analysis reads the whole log this
    /// way). This learner's reviews carry the database's learner id.
    pub fn visit_log(&self, mut visit: impl FnMut(&ReviewRef<'_>)) -> Result<(), StoreError> {
        let me = self.identity()?.learner;
        self.visit_log_between(i64::MIN, i64::MAX, |_, review| {
            visit(&ReviewRef {
                learner: Some(review.learner.unwrap_or(&me)),
                ..*review
            });
        })
    }

    /// The log's last review (its id and uuid; `None` when the log is empty) and how
    /// many reviews it holds, read in one snapshot: where a copy of the log kept
    /// elsewhere ends, to be continued by [`Store::visit_log_after`].
    pub fn log_end(&self) -> Result<(Option<(i64, String)>, u64), StoreError> {
        let sqlite = self.sqlite();
        let snapshot = self.connection.unchecked_transaction().map_err(&sqlite)?;
        let last = snapshot
            .query_row(
                "SELECT id, uuid FROM review ORDER BY id DESC LIMIT 1",
                [],
                |row| Ok((row.get(0)?, row.get::<_, Option<String>>(1)?)),
            )
            .optional()
            .map_err(&sqlite)?;
        let count: i64 = snapshot
            .query_row("SELECT COUNT(*) FROM review", [], |row| row.get(0))
            .map_err(&sqlite)?;
        snapshot.finish().map_err(&sqlite)?;
        let last = last.map(|(id, uuid)| (id, uuid.unwrap_or_default()));
        Ok((last, count.max(0) as u64))
    }

    /// The log after review `after` (an id and the uuid it had), for a copy of the
    /// log kept elsewhere that ends there: when review `after.0` is still there with
    /// uuid `after.1` (or with no `after`), calls `visit` with the id and row of every
    /// review after it, in the order of their ids (this learner's with no learner), and
    /// returns how many reviews the log holds in all; else returns `None`. One read of
    /// the database: a review recorded meanwhile is in both answers or in neither.
    pub fn visit_log_after(
        &self,
        after: Option<(i64, &str)>,
        visit: impl FnMut(i64, &ReviewRef<'_>),
    ) -> Result<Option<u64>, StoreError> {
        let sqlite = self.sqlite();
        let snapshot = self.connection.unchecked_transaction().map_err(&sqlite)?;
        let from = match after {
            Some((id, uuid)) => {
                let stored: Option<String> = snapshot
                    .query_row("SELECT uuid FROM review WHERE id = ?1", [id], |row| {
                        row.get(0)
                    })
                    .optional()
                    .map_err(&sqlite)?
                    .flatten();
                if stored.as_deref() != Some(uuid) {
                    return Ok(None);
                }
                id.saturating_add(1)
            }
            None => i64::MIN,
        };
        let count: i64 = snapshot
            .query_row("SELECT COUNT(*) FROM review", [], |row| row.get(0))
            .map_err(&sqlite)?;
        self.visit_log_between(from, i64::MAX, visit)?;
        snapshot.finish().map_err(&sqlite)?;
        Ok(Some(count.max(0) as u64))
    }

    /// The reviews whose id is at least `from` and below `until`, with their ids, in
    /// the order of their ids (this learner's with no learner).
    fn visit_log_between(
        &self,
        from: i64,
        until: i64,
        mut visit: impl FnMut(i64, &ReviewRef<'_>),
    ) -> Result<(), StoreError> {
        let sqlite = self.sqlite();
        let mut statement = self
            .connection
            .prepare_cached(
                "SELECT bank, question, reviewed_at, state_before, mode, answer, score, \
                 suggested_rating, rating, duration_ms, rescheduled, \
                 learner, version, uuid, id, concepts FROM review \
                 WHERE id >= ?1 AND id < ?2 ORDER BY id",
            )
            .map_err(&sqlite)?;
        let mut rows = statement.query([from, until]).map_err(&sqlite)?;
        while let Some(row) = rows.next().map_err(&sqlite)? {
            let text = |i: usize| row.get_ref(i).and_then(|v| v.as_str().map_err(Into::into));
            let optional = |i: usize| match row.get_ref(i)? {
                rusqlite::types::ValueRef::Null => Ok(None),
                value => value.as_str().map(Some).map_err(Into::into),
            };
            let review = ReviewRef {
                uuid: text(13).map_err(&sqlite)?,
                learner: optional(11).map_err(&sqlite)?,
                version: optional(12).map_err(&sqlite)?,
                bank: text(0).map_err(&sqlite)?,
                question: text(1).map_err(&sqlite)?,
                reviewed_at: row.get::<_, Micros>(2).map_err(&sqlite)?.0,
                state_before: row.get(3).map_err(&sqlite)?,
                mode: row.get(4).map_err(&sqlite)?,
                answer: text(5).map_err(&sqlite)?,
                score: row.get(6).map_err(&sqlite)?,
                suggested: row.get(7).map_err(&sqlite)?,
                rating: row.get(8).map_err(&sqlite)?,
                duration_ms: row.get::<_, i64>(9).map_err(&sqlite)?.max(0) as u64,
                reschedules: row.get(10).map_err(&sqlite)?,
                concepts: optional(15).map_err(&sqlite)?,
            };
            visit(row.get(14).map_err(&sqlite)?, &review);
        }
        Ok(())
    }

    /// [`Store::visit_reviews`] from `from` on (up to review `last_id`), read in two
    /// halves at once: the reviews before `split` on this connection, the rest on a
    /// second one (stepping through SQLite's rows is most of what reading a long log
    /// costs). Each half is visited into its own accumulator, made by `start`; returns
    /// the older and the newer.
    pub fn visit_reviews_in_halves<T: Send>(
        &self,
        from: DateTime<Utc>,
        split: DateTime<Utc>,
        last_id: i64,
        start: impl Fn() -> T + Sync,
        visit: impl Fn(&mut T, &str, &str, DateTime<Utc>, Rating, State) + Sync,
    ) -> Result<(T, T), StoreError> {
        let fold = |store: &Store, from, until| -> Result<T, StoreError> {
            let mut totals = start();
            store.visit_reviews(from, until, last_id, |bank, question, at, rating, state| {
                visit(&mut totals, bank, question, at, rating, state);
            })?;
            Ok(totals)
        };
        let path = self.path();
        let (older, newer) = std::thread::scope(|scope| {
            let newer = scope.spawn(|| fold(&Store::open(path)?, split, None));
            let older = fold(self, from, Some(split));
            (older, newer.join())
        });
        // A panic reading the newer half is a bug: carry it on, as an unjoined thread would.
        let newer = newer.unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        Ok((older?, newer?))
    }

    /// Questions in the log that are not among `known` (their bank or
    /// question id has vanished). Their history is kept, never deleted.
    pub fn orphans(&self, known: &HashSet<QuestionKey>) -> Result<Vec<Orphan>, StoreError> {
        let mut statement = self
            .connection
            .prepare(
                "SELECT bank, question, COUNT(*), MAX(reviewed_at) FROM review \
                 WHERE learner IS NULL GROUP BY bank, question ORDER BY bank, question",
            )
            .map_err(self.sqlite())?;
        let rows = statement
            .query_map([], |row| {
                Ok(Orphan {
                    key: QuestionKey::new(row.get::<_, String>(0)?, row.get::<_, String>(1)?),
                    reviews: row.get::<_, i64>(2)?.max(0) as u64,
                    last_review: row.get::<_, Micros>(3)?.0,
                })
            })
            .map_err(self.sqlite())?;
        let mut orphans = Vec::new();
        for row in rows {
            let orphan = row.map_err(self.sqlite())?;
            if !known.contains(&orphan.key) {
                orphans.push(orphan);
            }
        }
        Ok(orphans)
    }
}
