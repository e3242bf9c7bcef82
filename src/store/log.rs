//! The review log: recording an answer or a learner's mark (suspend, bury, reset),
//! undoing the latest one, rebuilding every card by replaying the log, and reading it
//! back.
//!
//! Each write is one transaction that appends to (or, for undo, deletes the latest row
//! of) the `review` or `mark` table and updates the question's card to match, so the
//! card cache never disagrees with the log a committed transaction leaves. Answers and
//! marks share one sequence of ids, so a question's history has one order: a reset
//! starts its card afresh from the answers after it.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use chrono::{DateTime, SubsecRound, Utc};
use rusqlite::types::ToSql;
use rusqlite::{Connection, OptionalExtension, Transaction, TransactionBehavior, params};

use super::cards::{load_card, save_card};
use super::identity::new_uuid;
use super::sql::Micros;
use super::{QuestionKey, Store, StoreError, StudyDay, sqlite_error};
use crate::bank::{letter, letter_index};
use crate::schedule::{Card, Rating, Scheduler, State};
use crate::session::{Mark, Mode, NewReview, ReviewId};

/// One row of the review log: a [`NewReview`] as it was recorded, and what the log
/// adds to it (its id, its time, the card's state before it).
#[derive(Clone, Debug, PartialEq)]
pub struct Review {
    /// The row's id.
    pub id: ReviewId,
    /// When the answer was recorded.
    pub reviewed_at: DateTime<Utc>,
    /// The card's state just before this review.
    pub state_before: State,
    /// The question answered.
    pub key: QuestionKey,
    /// How it was asked.
    pub mode: Mode,
    /// What the learner answered: choice letters as in the bank (`A,C`), or the text.
    pub answer: String,
    /// The order the choices were shown in (bank indices); empty for a text answer or
    /// an answer recorded before orders were kept. See `session::shown_letters`.
    pub choice_order: Vec<usize>,
    /// The grader's score from 0 to 1, when it graded.
    pub score: Option<f64>,
    /// The rating the session suggested, when it suggested one.
    pub suggested: Option<Rating>,
    /// The rating given.
    pub rating: Rating,
    /// Milliseconds from showing the question to the answer.
    pub duration_ms: u64,
    /// Whether the answer moved the schedule.
    pub reschedules: bool,
    /// The review's own id, the same in every database it is merged into.
    pub uuid: String,
    /// The learner who gave it; `None` for this database's learner.
    pub learner: Option<String>,
    /// The device (database) that recorded it.
    pub device: String,
    /// The version of the question answered (`Question::version`); `None` when the
    /// log did not record it.
    pub version: Option<String>,
}

/// A row of the review log as [`Store::visit_log`] lends it: a [`Review`]'s fields
/// (but its id and choice order), borrowed from the row, so reading a long log
/// allocates nothing per review. [`Review::as_ref`] lends an owned review the same way.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ReviewRef<'a> {
    /// The review's uuid.
    pub uuid: &'a str,
    /// The learner who answered; `None` for this database's own learner.
    pub learner: Option<&'a str>,
    /// The version of the question answered (`Question::version`); `None` when the
    /// log did not record it.
    pub version: Option<&'a str>,
    /// The bank of the question answered.
    pub bank: &'a str,
    /// The question answered, within its bank.
    pub question: &'a str,
    /// When the answer was recorded.
    pub reviewed_at: DateTime<Utc>,
    /// The card's state just before this review.
    pub state_before: State,
    /// How it was asked.
    pub mode: Mode,
    /// What the learner answered.
    pub answer: &'a str,
    /// The grader's score from 0 to 1, when it graded.
    pub score: Option<f64>,
    /// The rating the session suggested, when it suggested one.
    pub suggested: Option<Rating>,
    /// The rating given.
    pub rating: Rating,
    /// Milliseconds from showing the question to the answer.
    pub duration_ms: u64,
    /// Whether the answer moved the schedule.
    pub reschedules: bool,
}

impl Review {
    /// This review, borrowed as [`Store::visit_log`] lends rows.
    pub fn as_ref(&self) -> ReviewRef<'_> {
        ReviewRef {
            uuid: &self.uuid,
            learner: self.learner.as_deref(),
            version: self.version.as_deref(),
            bank: &self.key.bank,
            question: &self.key.question,
            reviewed_at: self.reviewed_at,
            state_before: self.state_before,
            mode: self.mode,
            answer: &self.answer,
            score: self.score,
            suggested: self.suggested,
            rating: self.rating,
            duration_ms: self.duration_ms,
            reschedules: self.reschedules,
        }
    }
}

/// What [`Store::record`] did: the log row and the question's new card.
#[derive(Clone, Debug, PartialEq)]
pub struct Recorded {
    /// The new row's id.
    pub id: ReviewId,
    /// The question's card after the review.
    pub card: Card,
}

/// One of the learner's marks on a question, as the log holds it.
#[derive(Clone, Debug, PartialEq)]
pub struct Marked {
    /// Its id, in the same sequence as the reviews'.
    pub id: ReviewId,
    /// When it was made.
    pub marked_at: DateTime<Utc>,
    /// The question marked.
    pub key: QuestionKey,
    /// What it was.
    pub mark: Mark,
    /// For a bury, when the next study day starts and the question is back.
    pub buried_until: Option<DateTime<Utc>>,
}

/// A question in the log whose id no loaded bank has any more.
#[derive(Clone, Debug, PartialEq)]
pub struct Orphan {
    /// The question's key.
    pub key: QuestionKey,
    /// How many answers the log holds for it.
    pub reviews: u64,
    /// When it was last answered.
    pub last_review: DateTime<Utc>,
}

/// The columns [`review_from_row`] reads, in its order.
pub(super) const REVIEW_COLUMNS: &str = "id, reviewed_at, state_before, bank, question, mode, \
                                         answer, score, suggested_rating, rating, duration_ms, \
                                         rescheduled, choice_order, uuid, learner, device, \
                                         version";

/// A [`Review`] from a row of [`REVIEW_COLUMNS`].
pub(super) fn review_from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<Review> {
    Ok(Review {
        id: row.get(0)?,
        reviewed_at: row.get::<_, Micros>(1)?.0,
        state_before: row.get(2)?,
        key: QuestionKey::new(row.get::<_, String>(3)?, row.get::<_, String>(4)?),
        mode: row.get(5)?,
        answer: row.get(6)?,
        score: row.get(7)?,
        suggested: row.get(8)?,
        rating: row.get(9)?,
        duration_ms: row.get::<_, i64>(10)?.max(0) as u64,
        reschedules: row.get(11)?,
        choice_order: row
            .get::<_, Option<String>>(12)?
            .map(|order| choice_order_from(&order))
            .unwrap_or_default(),
        uuid: row.get(13)?,
        learner: row.get(14)?,
        device: row.get(15)?,
        version: row.get(16)?,
    })
}

impl Store {
    /// Record an answer: append it to the log and store the question's next
    /// card, in one transaction committed before this returns.
    pub fn record(
        &mut self,
        review: &NewReview,
        scheduler: &Scheduler,
        now: DateTime<Utc>,
    ) -> Result<Recorded, StoreError> {
        if review.key.bank.is_empty() || review.key.question.is_empty() {
            return Err(StoreError::EmptyId(review.key.clone()));
        }
        if let Some(score) = review.score
            && !(0.0..=1.0).contains(&score)
        {
            return Err(StoreError::ScoreOutOfRange(score));
        }
        // The log keeps microseconds; schedule with the time as it will be stored.
        let now = now.trunc_subsecs(6);
        let device = self.identity()?.device;
        self.write(|transaction, path| {
            append(transaction, review, scheduler, now, &device).map_err(|e| sqlite_error(path, e))
        })
    }

    /// Record a learner's mark on `key` at `now`: suspend, unsuspend, bury (until the
    /// study day after `day`) or reset (the card starts afresh), in one transaction.
    pub fn mark(
        &mut self,
        key: &QuestionKey,
        mark: Mark,
        scheduler: &Scheduler,
        now: DateTime<Utc>,
        day: StudyDay,
    ) -> Result<ReviewId, StoreError> {
        if key.bank.is_empty() || key.question.is_empty() {
            return Err(StoreError::EmptyId(key.clone()));
        }
        let now = now.trunc_subsecs(6);
        let until = (mark == Mark::Bury).then_some(day.end);
        self.write(|transaction, path| {
            let sqlite = |source| sqlite_error(path, source);
            let id = next_id(transaction).map_err(sqlite)?;
            transaction
                .execute(
                    "INSERT INTO mark (id, bank, question, marked_at, kind, buried_until) \
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                    params![
                        id,
                        key.bank,
                        key.question,
                        Micros(now),
                        mark.name(),
                        until.map(Micros)
                    ],
                )
                .map_err(sqlite)?;
            if mark == Mark::Reset {
                replay_question(transaction, key, scheduler).map_err(sqlite)?;
            }
            Ok(id)
        })
    }

    /// Undo an answer or a mark: delete row `id` of the log, which must be the latest
    /// answer or mark of its question ([`StoreError::NotLatest`] otherwise), and
    /// restore the question's card from the rest of its log.
    pub fn undo(&mut self, id: ReviewId, scheduler: &Scheduler) -> Result<Card, StoreError> {
        self.write(|transaction, path| {
            let sqlite = |source| sqlite_error(path, source);
            let key_in = |table: &str| {
                transaction
                    .query_row(
                        &format!(
                            "SELECT bank, question FROM {table} WHERE id = ?1{}",
                            if table == "review" {
                                " AND learner IS NULL"
                            } else {
                                ""
                            }
                        ),
                        [id],
                        |row| {
                            Ok(QuestionKey::new(
                                row.get::<_, String>(0)?,
                                row.get::<_, String>(1)?,
                            ))
                        },
                    )
                    .optional()
            };
            let (table, key) = match key_in("review").map_err(sqlite)? {
                Some(key) => ("review", key),
                None => match key_in("mark").map_err(sqlite)? {
                    Some(key) => ("mark", key),
                    None => return Err(StoreError::NoSuchReview(id)),
                },
            };
            let later: bool = transaction
                .query_row(
                    "SELECT EXISTS (SELECT 1 FROM review \
                     WHERE bank = ?1 AND question = ?2 AND id > ?3 AND learner IS NULL) \
                     OR EXISTS (SELECT 1 FROM mark \
                     WHERE bank = ?1 AND question = ?2 AND id > ?3)",
                    params![key.bank, key.question, id],
                    |row| row.get(0),
                )
                .map_err(sqlite)?;
            if later {
                return Err(StoreError::NotLatest(id));
            }
            transaction
                .execute(&format!("DELETE FROM {table} WHERE id = ?1"), [id])
                .map_err(sqlite)?;
            replay_question(transaction, &key, scheduler).map_err(sqlite)
        })
    }

    /// Recompute every card from the log with `scheduler` (after an
    /// optimisation or a change of configuration). Returns the number of cards.
    pub fn rebuild(&mut self, scheduler: &Scheduler) -> Result<usize, StoreError> {
        self.write(|transaction, path| {
            rebuild_cards(transaction, scheduler).map_err(|e| sqlite_error(path, e))
        })
    }

    /// Runs `work` in one transaction that takes the write lock at once (so two writers
    /// wait for each other rather than fail half-way), committed when `work` succeeds.
    /// `work` gets the database's path for its errors.
    pub(super) fn write<T>(
        &mut self,
        work: impl FnOnce(&Transaction<'_>, &Path) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        let sqlite = |source| sqlite_error(&self.path, source);
        let transaction = self
            .connection
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(sqlite)?;
        let value = work(&transaction, &self.path)?;
        transaction.commit().map_err(sqlite)?;
        Ok(value)
    }

    /// The marks of one question, oldest first.
    pub fn marks(&self, key: &QuestionKey) -> Result<Vec<Marked>, StoreError> {
        let mut statement = self
            .connection
            .prepare(
                "SELECT id, marked_at, kind, buried_until FROM mark \
                 WHERE bank = ?1 AND question = ?2 ORDER BY id",
            )
            .map_err(self.sqlite())?;
        statement
            .query_map(params![key.bank, key.question], |row| {
                let kind: String = row.get(2)?;
                let mark = Mark::from_name(&kind).ok_or_else(|| {
                    rusqlite::Error::FromSqlConversionFailure(
                        2,
                        rusqlite::types::Type::Text,
                        format!("an unknown mark `{kind}`").into(),
                    )
                })?;
                Ok(Marked {
                    id: row.get(0)?,
                    marked_at: row.get::<_, Micros>(1)?.0,
                    key: key.clone(),
                    mark,
                    buried_until: row.get::<_, Option<Micros>>(3)?.map(|m| m.0),
                })
            })
            .map_err(self.sqlite())?
            .collect::<rusqlite::Result<_>>()
            .map_err(self.sqlite())
    }

    /// The questions set aside at `now`: suspended (their latest suspend or unsuspend
    /// is a suspend) or buried (a bury that lasts past `now`), with which.
    pub fn set_aside(&self, now: DateTime<Utc>) -> Result<HashMap<QuestionKey, Mark>, StoreError> {
        let mut statement = self
            .connection
            .prepare(
                "SELECT m.bank, m.question, 'suspend' FROM mark m \
                 WHERE m.kind = 'suspend' AND m.id = (SELECT MAX(x.id) FROM mark x \
                 WHERE x.bank = m.bank AND x.question = m.question \
                 AND x.kind IN ('suspend', 'unsuspend')) \
                 UNION ALL SELECT bank, question, 'bury' FROM mark \
                 WHERE kind = 'bury' AND buried_until > ?1",
            )
            .map_err(self.sqlite())?;
        let rows = statement
            .query_map([Micros(now)], |row| {
                Ok((
                    QuestionKey::new(row.get::<_, String>(0)?, row.get::<_, String>(1)?),
                    row.get::<_, String>(2)?,
                ))
            })
            .map_err(self.sqlite())?;
        let mut aside = HashMap::new();
        for row in rows {
            let (key, kind) = row.map_err(self.sqlite())?;
            let mark = if kind == "suspend" {
                Mark::Suspend
            } else {
                Mark::Bury
            };
            // Suspended wins over buried: it lasts longer.
            aside
                .entry(key)
                .and_modify(|held: &mut Mark| {
                    if mark == Mark::Suspend {
                        *held = mark;
                    }
                })
                .or_insert(mark);
        }
        Ok(aside)
    }

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
    /// review of this learner at or after `from` and before `until` (or without end), in no set order.
    /// The ids are borrowed from the row, so statistics over a long log allocate
    /// nothing per review.
    pub fn visit_reviews(
        &self,
        from: DateTime<Utc>,
        until: Option<DateTime<Utc>>,
        mut visit: impl FnMut(&str, &str, DateTime<Utc>, Rating, State),
    ) -> Result<(), StoreError> {
        let sqlite = self.sqlite();
        let mut statement = self
            .connection
            .prepare_cached(
                "SELECT bank, question, reviewed_at, rating, state_before FROM review \
                 WHERE reviewed_at >= ?1 AND reviewed_at < ?2 AND learner IS NULL",
            )
            .map_err(&sqlite)?;
        let until = until.map_or(i64::MAX, |t| t.timestamp_micros());
        let mut rows = statement
            .query(params![Micros(from), until])
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
    pub fn visit_log(&self, visit: impl FnMut(&ReviewRef<'_>)) -> Result<(), StoreError> {
        self.visit_log_between(i64::MIN, i64::MAX, visit)
    }

    /// [`Store::visit_log`] of the reviews whose id is at least `from` and below `until`.
    fn visit_log_between(
        &self,
        from: i64,
        until: i64,
        mut visit: impl FnMut(&ReviewRef<'_>),
    ) -> Result<(), StoreError> {
        let sqlite = self.sqlite();
        let mut statement = self
            .connection
            .prepare_cached(
                "SELECT bank, question, reviewed_at, state_before, mode, answer, score, \
                 suggested_rating, rating, duration_ms, rescheduled, \
                 coalesce(learner, (SELECT learner FROM identity)), version, uuid FROM review \
                 WHERE id >= ?1 AND id < ?2 ORDER BY id",
            )
            .map_err(&sqlite)?;
        let mut rows = statement.query([from, until]).map_err(&sqlite)?;
        while let Some(row) = rows.next().map_err(&sqlite)? {
            let text = |i: usize| row.get_ref(i).and_then(|v| v.as_str().map_err(Into::into));
            let version = row.get_ref(12).map_err(&sqlite)?;
            let review = ReviewRef {
                uuid: text(13).map_err(&sqlite)?,
                learner: Some(text(11).map_err(&sqlite)?),
                version: match version {
                    rusqlite::types::ValueRef::Null => None,
                    value => Some(value.as_str().map_err(|e| sqlite(e.into()))?),
                },
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
            };
            visit(&review);
        }
        Ok(())
    }

    /// [`Store::visit_log`] in two halves at once: the reviews of the lower half of
    /// the ids on this connection, the rest on a second one (stepping through SQLite's
    /// rows is most of what reading a long log costs). Each half is visited into its own
    /// accumulator, made by `start`; returns the lower and the upper, which together are
    /// the log in the order of its ids.
    pub fn visit_log_in_halves<T: Send>(
        &self,
        start: impl Fn() -> T + Sync,
        visit: impl Fn(&mut T, &ReviewRef<'_>) + Sync,
    ) -> Result<(T, T), StoreError> {
        let (low, high): (Option<i64>, Option<i64>) = self
            .connection
            .query_row("SELECT MIN(id), MAX(id) FROM review", [], |row| {
                Ok((row.get(0)?, row.get(1)?))
            })
            .map_err(self.sqlite())?;
        let split = match (low, high) {
            (Some(low), Some(high)) => low + (high - low) / 2 + 1,
            _ => i64::MAX,
        };
        let fold = |store: &Store, from, until| -> Result<T, StoreError> {
            let mut part = start();
            store.visit_log_between(from, until, |review| visit(&mut part, review))?;
            Ok(part)
        };
        let path = self.path();
        let (lower, upper) = std::thread::scope(|scope| {
            let upper = scope.spawn(|| fold(&Store::open(path)?, split, i64::MAX));
            let lower = fold(self, i64::MIN, split);
            (lower, upper.join())
        });
        // A panic reading the upper half is a bug: carry it on, as an unjoined thread would.
        let upper = upper.unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        Ok((lower?, upper?))
    }

    /// [`Store::visit_reviews`] from `from` on, read in two halves at once: the reviews
    /// before `split` on this connection, the rest on a second one (stepping through
    /// SQLite's rows is most of what reading a long log costs). Each half is visited
    /// into its own accumulator, made by `start`; returns the older and the newer.
    pub fn visit_reviews_in_halves<T: Send>(
        &self,
        from: DateTime<Utc>,
        split: DateTime<Utc>,
        start: impl Fn() -> T + Sync,
        visit: impl Fn(&mut T, &str, &str, DateTime<Utc>, Rating, State) + Sync,
    ) -> Result<(T, T), StoreError> {
        let fold = |store: &Store, from, until| -> Result<T, StoreError> {
            let mut totals = start();
            store.visit_reviews(from, until, |bank, question, at, rating, state| {
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

/// Append `review` to the log at `now` and store the question's next card (when the
/// review reschedules), inside the caller's transaction.
fn append(
    connection: &Connection,
    review: &NewReview,
    scheduler: &Scheduler,
    now: DateTime<Utc>,
    device: &str,
) -> rusqlite::Result<Recorded> {
    let before = load_card(connection, &review.key)?;
    let card = if review.reschedules {
        scheduler.review(&before, review.rating, now, &review.key.to_string())
    } else {
        before.clone()
    };
    let id = next_id(connection)?;
    let choice_order = choice_order_text(&review.choice_order);
    connection.execute(
        "INSERT INTO review (id, bank, question, reviewed_at, mode, answer, score, \
         suggested_rating, rating, duration_ms, state_before, rescheduled, choice_order, uuid, \
         device, version, hints) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)",
        params![
            id,
            review.key.bank,
            review.key.question,
            Micros(now),
            review.mode,
            review.answer,
            review.score,
            review.suggested,
            review.rating,
            i64::try_from(review.duration_ms).unwrap_or(i64::MAX),
            before.state,
            review.reschedules,
            choice_order,
            new_uuid(),
            device,
            review.version,
            review.hints,
        ],
    )?;
    if review.reschedules {
        save_card(connection, &review.key, &card, now)?;
    }
    Ok(Recorded { id, card })
}

/// The id of the next row of the log: one more than the highest id of the answers and
/// the marks, so both share one order. Called inside the write transaction, which holds
/// the lock, so two writers never take the same id.
pub(super) fn next_id(connection: &Connection) -> rusqlite::Result<ReviewId> {
    connection.query_row(
        "SELECT MAX(COALESCE((SELECT MAX(id) FROM review), 0), \
         COALESCE((SELECT MAX(id) FROM mark), 0)) + 1",
        [],
        |row| row.get(0),
    )
}

/// A stored choice order (`C,A,B`) as bank indices; a part that is not a letter ends it
/// (no recall writes one).
/// A choice order (bank indices) as it is stored, the bank's letters (`C,A,B`); `None`
/// for none.
pub(super) fn choice_order_text(order: &[usize]) -> Option<String> {
    (!order.is_empty()).then(|| {
        order
            .iter()
            .map(|&i| letter(i))
            .collect::<Vec<_>>()
            .join(",")
    })
}

pub(super) fn choice_order_from(text: &str) -> Vec<usize> {
    text.split(',').map_while(letter_index).collect()
}

/// The time and id of each question's latest reset: this learner's answers up to then
/// no longer count. (Time first: answers merged from another device are not in the
/// order of the ids.)
fn resets(connection: &Connection) -> rusqlite::Result<HashMap<QuestionKey, (i64, i64)>> {
    let mut statement = connection.prepare(
        "SELECT bank, question, marked_at, id FROM mark m WHERE kind = 'reset' AND id = \
         (SELECT MAX(id) FROM mark x WHERE x.bank = m.bank AND x.question = m.question \
         AND x.kind = 'reset')",
    )?;
    statement
        .query_map([], |row| {
            Ok((
                QuestionKey::new(row.get::<_, String>(0)?, row.get::<_, String>(1)?),
                (row.get(2)?, row.get(3)?),
            ))
        })?
        .collect()
}

/// Replace every card by the replay of its question's log (this learner's reviews, in
/// time order: merged logs are not in the order they were written), one question at a
/// time, from its latest reset on (the caller's transaction makes it all or nothing).
///
/// The log is read once in the order it is stored (no sort in SQLite, no lookup of a
/// row by index), each question numbered on first sight; the reviews are then sorted in
/// memory by question, time and id, and each question replayed in turn.
pub(super) fn rebuild_cards(
    connection: &Connection,
    scheduler: &Scheduler,
) -> rusqlite::Result<usize> {
    connection.execute("DELETE FROM card", [])?;
    let resets = resets(connection)?;
    let mut statement = connection.prepare(
        "SELECT bank, question, rating, reviewed_at, id FROM review \
         WHERE rescheduled = 1 AND learner IS NULL",
    )?;
    let mut rows = statement.query([])?;
    // Each question met, by its bank's length, bank and id (so no two keys run together).
    let mut numbers: rustc_hash::FxHashMap<Box<[u8]>, u32> = rustc_hash::FxHashMap::default();
    let mut keys: Vec<QuestionKey> = Vec::new();
    let mut name = Vec::new();
    // (question, time, id, rating)
    let mut log: Vec<(u32, i64, i64, Rating)> = Vec::new();
    while let Some(row) = rows.next()? {
        let text = |i: usize| row.get_ref(i).and_then(|v| v.as_str().map_err(Into::into));
        let (bank, question) = (text(0)?, text(1)?);
        name.clear();
        name.extend_from_slice(&(bank.len() as u64).to_le_bytes());
        name.extend_from_slice(bank.as_bytes());
        name.extend_from_slice(question.as_bytes());
        let number = match numbers.get(name.as_slice()) {
            Some(&number) => number,
            None => {
                let number = keys.len() as u32;
                keys.push(QuestionKey::new(bank, question));
                numbers.insert(name.as_slice().into(), number);
                number
            }
        };
        let at = row.get::<_, Micros>(3)?.0.timestamp_micros();
        log.push((number, at, row.get(4)?, row.get(2)?));
    }
    drop(numbers);
    // Questions in the order of their keys, as the card table keeps them.
    let mut order: Vec<u32> = (0..keys.len() as u32).collect();
    order.sort_unstable_by(|a, b| keys[*a as usize].cmp(&keys[*b as usize]));
    let mut rank = vec![0u32; keys.len()];
    for (position, number) in order.iter().enumerate() {
        rank[*number as usize] = position as u32;
    }
    log.sort_unstable_by_key(|&(number, at, id, _)| (rank[number as usize], at, id));
    let mut count = 0;
    for reviews in log.chunk_by(|a, b| a.0 == b.0) {
        let key = &keys[reviews[0].0 as usize];
        let reset = resets.get(key).copied();
        let mut counted = reviews
            .iter()
            .filter(|&&(_, at, id, _)| reset.is_none_or(|reset| (at, id) >= reset))
            .peekable();
        let Some(&&(_, first, _, _)) = counted.peek() else {
            continue;
        };
        let fuzz_key = key.to_string();
        let card = counted.fold(Card::new(), |card, &(_, at, _, rating)| {
            scheduler.review(&card, rating, micros_time(at), &fuzz_key)
        });
        save_card(connection, key, &card, micros_time(first))?;
        count += 1;
    }
    Ok(count)
}

/// A time read from the log (microseconds since the epoch, as [`Micros`] stores it).
fn micros_time(micros: i64) -> DateTime<Utc> {
    DateTime::from_timestamp_micros(micros).unwrap_or_default()
}

/// Recompute one question's card from its log (the answers after its latest reset)
/// and store it, or remove it when no answer counts.
fn replay_question(
    connection: &Connection,
    key: &QuestionKey,
    scheduler: &Scheduler,
) -> rusqlite::Result<Card> {
    let mut statement = connection.prepare(
        "SELECT rating, reviewed_at FROM review r WHERE bank = ?1 AND question = ?2 \
         AND rescheduled = 1 AND learner IS NULL AND NOT EXISTS (SELECT 1 FROM mark m \
         WHERE m.bank = ?1 AND m.question = ?2 AND m.kind = 'reset' \
         AND (m.marked_at > r.reviewed_at OR (m.marked_at = r.reviewed_at AND m.id > r.id))) \
         ORDER BY reviewed_at, id",
    )?;
    let log: Vec<(Rating, DateTime<Utc>)> = statement
        .query_map(params![key.bank, key.question], |row| {
            Ok((row.get(0)?, row.get::<_, Micros>(1)?.0))
        })?
        .collect::<rusqlite::Result<_>>()?;
    let first = log.first().map(|(_, at)| *at);
    let card = scheduler.replay(log, &key.to_string());
    connection.execute(
        "DELETE FROM card WHERE bank = ?1 AND question = ?2",
        params![key.bank, key.question],
    )?;
    if let Some(first) = first {
        save_card(connection, key, &card, first)?;
    }
    Ok(card)
}
