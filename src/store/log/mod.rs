//! The review log: recording an answer or a learner's mark (suspend, bury, reset),
//! undoing the latest one, rebuilding every card by replaying the log, and reading it
//! back.
//!
//! Each write is one transaction that appends to (or, for undo, deletes the latest row
//! of) the `review` or `mark` table and updates the question's card to match, so the
//! card cache never disagrees with the log a committed transaction leaves. Answers and
//! marks share one sequence of ids, so a question's history has one order: a reset
//! starts its card afresh from the answers after it.

mod read;
mod replay;

use std::collections::HashMap;
use std::path::Path;

use chrono::{DateTime, SubsecRound, Utc};
use rusqlite::{Connection, OptionalExtension, Transaction, TransactionBehavior, params};

use super::cards::{load_card, save_card};
use super::identity::new_uuid;
use super::sql::Micros;
use super::{QuestionKey, Store, StoreError, StudyDay, sqlite_error};
use crate::bank::{letter, letter_index};
use crate::schedule::{Card, Rating, Scheduler, State};
use crate::session::{Mark, Mode, NewReview, ReviewId};
use replay::replay_question;
pub(super) use replay::{ReplayLog, question_hash, rebuild_cards, replay_log};

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
    /// How many hints the learner took before answering.
    pub hints: u32,
    /// What each concept of the rubric did (`session::concept_outcomes`); `None` for a
    /// choice answer or one recorded before they were kept.
    pub concepts: Option<String>,
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
    /// What each concept of the rubric did, when that was recorded.
    pub concepts: Option<&'a str>,
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
            concepts: self.concepts.as_deref(),
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
                                         version, hints, concepts";

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
        hints: row.get(17)?,
        concepts: row.get(18)?,
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
         device, version, hints, concepts) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, \
         ?18)",
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
            review.concepts,
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
