//! The review log as it leaves the database: every review in time order, with what
//! replaying the log through the scheduler says of its question's card just before and
//! just after it ([`LogRecord`]). `recall log export` writes these; the file formats are
//! `crate::logfile`'s, not the store's.

use chrono::{DateTime, Utc};
use rustc_hash::FxHashMap;

use super::log::{REVIEW_COLUMNS, Review, review_from_row};
use super::{Store, StoreError};
use crate::schedule::{Card, Scheduler};

/// One review as an export holds it: the log's row and what the replayed log says
/// around it.
#[derive(Clone, Debug, PartialEq)]
pub struct LogRecord {
    /// The review as the log keeps it.
    pub review: Review,
    /// Its place among its learner's reviews, oldest first, from 1.
    pub review_th: u64,
    /// Seconds since the previous review of the same question; `None` for the first.
    pub elapsed_seconds: Option<i64>,
    /// The question's card just before the review, as the replayed log has it.
    pub before: Card,
    /// Its card just after (the same as `before` when the review did not reschedule).
    pub after: Card,
}

impl Store {
    /// Calls `write` with every review of the log, oldest first (ties in the order they
    /// were written), replayed through `scheduler`. Returns how many there were.
    pub fn export_log<E: From<StoreError>>(
        &self,
        scheduler: &Scheduler,
        mut write: impl FnMut(&LogRecord) -> Result<(), E>,
    ) -> Result<u64, E> {
        let sqlite = self.sqlite();
        let mut statement = self
            .connection()
            .prepare(&format!(
                "SELECT {REVIEW_COLUMNS} FROM review ORDER BY reviewed_at, id"
            ))
            .map_err(&sqlite)?;
        let mut rows = statement.query([]).map_err(&sqlite)?;
        // Per question ("bank/question", the scheduler's fuzz key): its card so far and
        // when it was last reviewed.
        let mut cards: FxHashMap<String, (Card, DateTime<Utc>)> = FxHashMap::default();
        let mut count = 0;
        while let Some(row) = rows.next().map_err(&sqlite)? {
            let review = review_from_row(row).map_err(&sqlite)?;
            let key = review.key.to_string();
            let (before, last) = match cards.get(&key) {
                Some((card, last)) => (card.clone(), Some(*last)),
                None => (Card::new(), None),
            };
            let after = if review.reschedules {
                scheduler.review(&before, review.rating, review.reviewed_at, &key)
            } else {
                before.clone()
            };
            count += 1;
            let record = LogRecord {
                review_th: count,
                elapsed_seconds: last.map(|last| (review.reviewed_at - last).num_seconds()),
                before,
                after: after.clone(),
                review,
            };
            cards.insert(key, (after, record.review.reviewed_at));
            write(&record)?;
        }
        Ok(count)
    }
}
