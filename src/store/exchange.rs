//! The review log as it leaves the database and comes into another: every review in
//! time order, with what replaying the log through the scheduler says of its question's
//! card just before and just after it ([`LogRecord`], what `recall log export` writes),
//! and the merge of reviews from elsewhere ([`Store::import`]): idempotent by uuid, other
//! learners' reviews kept apart, the cards rebuilt from the merged log. The file formats
//! are `crate::logfile`'s, not the store's.

use std::collections::BTreeMap;
use std::path::Path;

use chrono::{DateTime, Utc};
use rusqlite::{Transaction, TransactionBehavior, params};
use rustc_hash::FxHashMap;

use super::log::{REVIEW_COLUMNS, Review, rebuild_cards, review_from_row};
use super::sql::Micros;
use super::{Store, StoreError, sqlite_error};
use crate::schedule::{Card, Scheduler};

/// One review as an export holds it: the log's row (its `learner` always set) and what
/// the replayed log says around it.
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
    /// Calls `write` with every review of the log, every learner's, oldest first (ties
    /// in the order they were written), each learner's questions replayed through
    /// `scheduler`; this learner's reviews carry the database's learner id. Returns how
    /// many there were.
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
        let me = self.identity()?.learner;
        // Per learner and question: the card so far and when it was last reviewed.
        let mut cards: FxHashMap<(String, String), (Card, DateTime<Utc>)> = FxHashMap::default();
        // Per learner: reviews so far.
        let mut counts: FxHashMap<String, u64> = FxHashMap::default();
        let mut count = 0;
        while let Some(row) = rows.next().map_err(&sqlite)? {
            let mut review = review_from_row(row).map_err(&sqlite)?;
            let learner = review.learner.get_or_insert_with(|| me.clone()).clone();
            // The question's key is the scheduler's fuzz key, as in `Store::record`.
            let key = (learner, review.key.to_string());
            let (before, last) = match cards.get(&key) {
                Some((card, last)) => (card.clone(), Some(*last)),
                None => (Card::new(), None),
            };
            let after = if review.reschedules {
                scheduler.review(&before, review.rating, review.reviewed_at, &key.1)
            } else {
                before.clone()
            };
            count += 1;
            let review_th = counts.entry(key.0.clone()).or_default();
            *review_th += 1;
            let record = LogRecord {
                review_th: *review_th,
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

/// What [`Store::import`] did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Imported {
    /// Reviews given to it.
    pub read: u64,
    /// Of those, the reviews the log did not have yet.
    pub added: u64,
    /// Of the added, this learner's (they reschedule).
    pub own: u64,
    /// The added reviews of other learners, by learner id (kept apart).
    pub others: BTreeMap<String, u64>,
    /// The cards rebuilt from the merged log, when this learner's log changed.
    pub cards: Option<usize>,
    /// The learner id this database took (`same_learner`), when it changed.
    pub adopted: Option<String>,
}

/// Takes reviews into the log inside [`Store::import`]'s transaction.
pub struct Importer<'t> {
    transaction: &'t Transaction<'t>,
    path: &'t Path,
    me: String,
    same_learner: bool,
    learner_seen: Option<String>,
    imported: Imported,
}

impl Importer<'_> {
    /// Adds `review` to the log unless a review with its uuid is there already (then it
    /// must be the same review). Its `learner` must be set: this database's learner's
    /// reviews are stored as its own, any other learner's kept apart.
    pub fn add(&mut self, review: Review) -> Result<(), StoreError> {
        let sqlite = |source| sqlite_error(self.path, source);
        self.imported.read += 1;
        let learner = review.learner.clone().unwrap_or_else(|| self.me.clone());
        if self.same_learner {
            match &self.learner_seen {
                None => {
                    if learner != self.me {
                        self.transaction
                            .execute("UPDATE identity SET learner = ?1", [&learner])
                            .map_err(sqlite)?;
                        self.me = learner.clone();
                        self.imported.adopted = Some(learner.clone());
                    }
                    self.learner_seen = Some(learner.clone());
                }
                Some(first) if *first != learner => {
                    return Err(StoreError::SeveralLearners {
                        first: first.clone(),
                        second: learner,
                    });
                }
                Some(_) => {}
            }
        }
        let own = learner == self.me;
        let added = self
            .transaction
            .prepare_cached(
                "INSERT INTO review (uuid, learner, device, bank, question, version, \
                 reviewed_at, mode, answer, score, suggested_rating, rating, duration_ms, \
                 rescheduled, state_before) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15) \
                 ON CONFLICT (uuid) DO NOTHING",
            )
            .and_then(|mut insert| {
                insert.execute(params![
                    review.uuid,
                    (!own).then_some(&learner),
                    review.device,
                    review.key.bank,
                    review.key.question,
                    review.version,
                    Micros(review.reviewed_at),
                    review.mode,
                    review.answer,
                    review.score,
                    review.suggested,
                    review.rating,
                    i64::try_from(review.duration_ms).unwrap_or(i64::MAX),
                    review.reschedules,
                    review.state_before,
                ])
            })
            .map_err(sqlite)?;
        if added == 0 {
            return self.check_same(&review, &learner);
        }
        self.imported.added += 1;
        if own {
            self.imported.own += 1;
        } else {
            *self.imported.others.entry(learner).or_default() += 1;
        }
        Ok(())
    }

    /// A review whose uuid the log has: it must be the review the log has.
    fn check_same(&self, review: &Review, learner: &str) -> Result<(), StoreError> {
        let (bank, question, at, rating, stored_learner): (
            String,
            String,
            Micros,
            i64,
            Option<String>,
        ) = self
            .transaction
            .prepare_cached(
                "SELECT bank, question, reviewed_at, rating, learner FROM review WHERE uuid = ?1",
            )
            .and_then(|mut select| {
                select.query_row([&review.uuid], |row| {
                    Ok((
                        row.get(0)?,
                        row.get(1)?,
                        row.get(2)?,
                        row.get(3)?,
                        row.get(4)?,
                    ))
                })
            })
            .map_err(|source| sqlite_error(self.path, source))?;
        let same = bank == review.key.bank
            && question == review.key.question
            && at.0 == review.reviewed_at
            && rating == i64::from(review.rating.number())
            && stored_learner.as_deref().unwrap_or(&self.me) == learner;
        if same {
            Ok(())
        } else {
            Err(StoreError::UuidClash {
                uuid: review.uuid.clone(),
            })
        }
    }
}

impl Store {
    /// Merges reviews into the log, all or nothing: `feed` gives them to the
    /// [`Importer`] (reviews the log has are skipped, by uuid), and when this learner's
    /// log changed, every card is rebuilt by replaying the merged log through
    /// `scheduler`. With `same_learner`, the reviews are this learner's from another
    /// device: the database takes their learner id first (they must all have one). If
    /// `feed` fails, nothing is written.
    pub fn import<E: From<StoreError>>(
        &mut self,
        scheduler: &Scheduler,
        same_learner: bool,
        feed: impl FnOnce(&mut Importer<'_>) -> Result<(), E>,
    ) -> Result<Imported, E> {
        let me = self.identity()?.learner;
        let path = self.path.clone();
        let sqlite = |source| sqlite_error(&path, source);
        let transaction = self
            .connection
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(sqlite)?;
        let mut importer = Importer {
            transaction: &transaction,
            path: &path,
            me,
            same_learner,
            learner_seen: None,
            imported: Imported::default(),
        };
        feed(&mut importer)?;
        let mut imported = importer.imported;
        if imported.own > 0 || imported.adopted.is_some() {
            imported.cards = Some(rebuild_cards(&transaction, scheduler).map_err(sqlite)?);
        }
        transaction.commit().map_err(sqlite)?;
        Ok(imported)
    }
}
