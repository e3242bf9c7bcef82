//! The progress store: every answer in an append-only SQLite review log, and
//! each question's FSRS card derived from it.
//!
//! The log is the source of truth. The `card` table is a cache of what
//! replaying a question's log through the scheduler gives; it is updated in
//! the same transaction as each answer and can be rebuilt from the log at any
//! time ([`Store::rebuild`]). The one deletion ever made is [`Store::undo`] of
//! a question's latest answer; triggers in the schema refuse anything else.
//!
//! Safety first: the database runs in WAL mode with `synchronous=FULL` (a
//! committed answer survives a power cut), a 10 s busy timeout (two sessions
//! wait for each other rather than fail), foreign keys on. Before SQLite ever
//! opens an existing file it is inspected, so a read-only, empty, truncated or
//! non-SQLite file, or a database from a newer recall, is refused with a clear
//! error and left exactly as it was. This module does no printing and never
//! reads the clock: callers pass `now`.

mod queue;
mod schema;

use std::fmt;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::time::Duration;

use chrono::{DateTime, SubsecRound, Utc};
use rusqlite::types::{FromSql, FromSqlResult, ToSql, ToSqlOutput, ValueRef};
use rusqlite::{Connection, ErrorCode, OpenFlags, OptionalExtension, TransactionBehavior, params};

use crate::schedule::{Card, MemoryState, Parameters, Rating, Scheduler, State};

pub use queue::{DailyLimits, DueQueue, StudyDay};
pub use schema::LATEST as SCHEMA_VERSION;

/// How long a writer waits for another process's transaction to finish.
const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// The id of one row of the review log.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ReviewId(pub i64);

impl ToSql for ReviewId {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        self.0.to_sql()
    }
}

impl FromSql for ReviewId {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<ReviewId> {
        i64::column_result(value).map(ReviewId)
    }
}

impl fmt::Display for ReviewId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{}", self.0)
    }
}

/// A question's identity in the store: its bank id and question id. Progress
/// follows these ids, so rewording a question keeps its history.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct QuestionKey {
    /// The bank's id.
    pub bank: String,
    /// The question's id within its bank.
    pub question: String,
}

impl QuestionKey {
    /// The key of `question` in `bank`.
    pub fn new(bank: impl Into<String>, question: impl Into<String>) -> QuestionKey {
        QuestionKey {
            bank: bank.into(),
            question: question.into(),
        }
    }
}

impl fmt::Display for QuestionKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.bank, self.question)
    }
}

/// How the question was asked.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Mode {
    /// Daily spaced repetition (`recall drill`).
    Drill,
    /// A knowledge check (`recall quiz`).
    Quiz,
    /// A mock interview (`recall interview`).
    Interview,
}

impl Mode {
    /// The name stored in the log and shown in history.
    pub fn name(self) -> &'static str {
        match self {
            Mode::Drill => "drill",
            Mode::Quiz => "quiz",
            Mode::Interview => "interview",
        }
    }
}

impl FromStr for Mode {
    type Err = StoreError;

    fn from_str(name: &str) -> Result<Mode, StoreError> {
        match name {
            "drill" => Ok(Mode::Drill),
            "quiz" => Ok(Mode::Quiz),
            "interview" => Ok(Mode::Interview),
            other => Err(StoreError::Invalid(format!("unknown mode `{other}`"))),
        }
    }
}

/// An answer to record.
#[derive(Clone, Debug, PartialEq)]
pub struct NewReview {
    /// The question answered.
    pub key: QuestionKey,
    /// How it was asked.
    pub mode: Mode,
    /// What the learner answered, as typed (or the letters chosen).
    pub answer: String,
    /// The grader's score from 0 to 1, when it graded.
    pub score: Option<f64>,
    /// The rating the grader suggested.
    pub suggested: Option<Rating>,
    /// The rating the learner chose; this is what schedules the question.
    pub rating: Rating,
    /// Time from showing the question to the answer.
    pub duration_ms: u64,
    /// Whether the answer moves the question's schedule. A quiz answer to a question
    /// that is not due is only logged (false): the question keeps its schedule, and
    /// replays of the log skip it.
    pub reschedules: bool,
}

/// One row of the review log.
#[derive(Clone, Debug, PartialEq)]
pub struct Review {
    /// The row's id, in the order answers were recorded.
    pub id: ReviewId,
    /// The question answered.
    pub key: QuestionKey,
    /// When it was answered.
    pub reviewed_at: DateTime<Utc>,
    /// How it was asked.
    pub mode: Mode,
    /// What the learner answered, as typed (or the letters chosen).
    pub answer: String,
    /// The grader's score from 0 to 1, when it graded.
    pub score: Option<f64>,
    /// The rating the grader suggested, when it did.
    pub suggested: Option<Rating>,
    /// The rating the learner chose.
    pub rating: Rating,
    /// Time from showing the question to the answer.
    pub duration_ms: u64,
    /// The card's state just before this review.
    pub state_before: State,
}

/// What [`Store::record`] did: the log row and the question's new card.
#[derive(Clone, Debug, PartialEq)]
pub struct Recorded {
    /// The new row's id.
    pub id: ReviewId,
    /// The question's card after the answer.
    pub card: Card,
}

/// A question in the log whose id no loaded bank has any more.
#[derive(Clone, Debug, PartialEq)]
pub struct Orphan {
    /// The question.
    pub key: QuestionKey,
    /// How many answers the log holds for it.
    pub reviews: u64,
    /// When it was last answered.
    pub last_review: DateTime<Utc>,
}

/// Parameters saved by `recall optimize`, with how well they fit.
#[derive(Clone, Debug, PartialEq)]
pub struct FittedParameters {
    /// The fitted FSRS-6 weights.
    pub parameters: Parameters,
    /// When they were fitted.
    pub fitted_at: DateTime<Utc>,
    /// How many reviews they were fitted to.
    pub reviews: u64,
    /// Log loss of the review log under the parameters used before.
    pub log_loss_before: f64,
    /// Log loss under the fitted parameters.
    pub log_loss_after: f64,
    /// RMSE (binned) under the parameters used before.
    pub rmse_before: f64,
    /// RMSE (binned) under the fitted parameters.
    pub rmse_after: f64,
}

/// Why the store could not do what was asked.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The database's folder cannot be created.
    #[error("cannot create the folder {} for the database: {source}", path.display())]
    CreateFolder {
        /// The folder.
        path: PathBuf,
        /// Why it cannot be created.
        source: std::io::Error,
    },
    /// The database file cannot be read to check what it is.
    #[error("cannot read the database {}: {source}", path.display())]
    Inspect {
        /// The database path.
        path: PathBuf,
        /// Why it cannot be read.
        source: std::io::Error,
    },
    /// The database file is read-only.
    #[error(
        "the database {} is read-only; recall needs to write to it \
         (make it writable, or pass --db with another path); it was left untouched",
        path.display()
    )]
    ReadOnly {
        /// The database path.
        path: PathBuf,
    },
    /// The path is a folder, or something else that is not a file.
    #[error(
        "{} is not a file; pass --db with the path of a database file",
        path.display()
    )]
    NotAFile {
        /// The database path.
        path: PathBuf,
    },
    /// The file is not an SQLite database.
    #[error(
        "{} is not a recall database (it is not an SQLite file); move it away or \
         pass --db with another path; it was left untouched",
        path.display()
    )]
    NotSqlite {
        /// The database path.
        path: PathBuf,
    },
    /// The file is an SQLite database, but not recall's.
    #[error(
        "{} is an SQLite database but not recall's (it has other tables); pass --db \
         with another path; it was left untouched",
        path.display()
    )]
    Foreign {
        /// The database path.
        path: PathBuf,
    },
    /// The file is shorter than its SQLite header says.
    #[error(
        "the database {} is truncated ({actual} bytes where its header promises \
         {expected}); restore it from a backup; it was left untouched",
        path.display()
    )]
    Truncated {
        /// The database path.
        path: PathBuf,
        /// The size its header promises, in bytes.
        expected: u64,
        /// Its actual size, in bytes.
        actual: u64,
    },
    /// SQLite finds the database damaged.
    #[error(
        "the database {} is damaged ({detail}); restore it from a backup; it was left untouched",
        path.display()
    )]
    Corrupt {
        /// The database path.
        path: PathBuf,
        /// What is wrong with it.
        detail: String,
    },
    /// A newer recall's schema version.
    #[error(
        "the database {} was written by a newer recall (schema version {found}, this \
         recall knows up to {latest}); upgrade recall; the database was left untouched",
        path.display()
    )]
    TooNew {
        /// The database path.
        path: PathBuf,
        /// The schema version found.
        found: i64,
        /// The newest version this recall knows.
        latest: i64,
    },
    /// SQLite failed.
    #[error("database {}: {source}", path.display())]
    Sqlite {
        /// The database path.
        path: PathBuf,
        /// What SQLite said.
        source: rusqlite::Error,
    },
    /// Undo of a review the log does not have.
    #[error("there is no review {0} to undo")]
    NoSuchReview(ReviewId),
    /// Undo of a review that is not its question's latest.
    #[error("review {0} is not the latest answer to its question, so it cannot be undone")]
    NotLatest(ReviewId),
    /// A value in the database that recall cannot read.
    #[error("{0}")]
    Invalid(String),
}

/// An open progress database.
#[derive(Debug)]
pub struct Store {
    connection: Connection,
    path: PathBuf,
}

impl Store {
    /// Open the database at `path`, creating it (and its folders) when it does
    /// not exist, and bringing its schema up to date.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        let exists = inspect(path)?;
        if !exists && let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent).map_err(|source| StoreError::CreateFolder {
                path: parent.to_path_buf(),
                source,
            })?;
        }
        // No URI flag: a path is a path, even one that starts with `file:`.
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let sqlite = |source| sqlite_error(path, source);
        let mut connection = Connection::open_with_flags(path, flags).map_err(sqlite)?;
        connection.busy_timeout(BUSY_TIMEOUT).map_err(sqlite)?;

        // Everything up to here only read; check the version before any write. The
        // version and the table count are read in one transaction, so they describe
        // one moment: another recall creating this database commits its first
        // migration (tables and version together) either before both reads or after.
        let (found, tables) = {
            let snapshot = connection.transaction().map_err(sqlite)?;
            let found = schema::version(&snapshot).map_err(sqlite)?;
            let tables: i64 = snapshot
                .query_row("SELECT COUNT(*) FROM sqlite_master", [], |row| row.get(0))
                .map_err(sqlite)?;
            snapshot.commit().map_err(sqlite)?;
            (found, tables)
        };
        if found > schema::LATEST {
            return Err(StoreError::TooNew {
                path: path.to_path_buf(),
                found,
                latest: schema::LATEST,
            });
        }
        if found == 0 && tables > 0 {
            return Err(StoreError::Foreign {
                path: path.to_path_buf(),
            });
        }
        let mode: String = connection
            .pragma_update_and_check(None, "journal_mode", "wal", |row| row.get(0))
            .map_err(sqlite)?;
        if !mode.eq_ignore_ascii_case("wal") {
            return Err(StoreError::Invalid(format!(
                "database {}: SQLite refused write-ahead logging (journal mode is {mode})",
                path.display()
            )));
        }
        connection
            .pragma_update(None, "synchronous", "FULL")
            .map_err(sqlite)?;
        connection
            .pragma_update(None, "foreign_keys", "ON")
            .map_err(sqlite)?;
        schema::migrate_to(&mut connection, schema::LATEST).map_err(sqlite)?;
        Ok(Store {
            connection,
            path: path.to_path_buf(),
        })
    }

    /// The database's path.
    pub fn path(&self) -> &Path {
        &self.path
    }

    fn sqlite(&self) -> impl Fn(rusqlite::Error) -> StoreError + '_ {
        |source| sqlite_error(&self.path, source)
    }

    /// Record an answer: append it to the log and store the question's next
    /// card, in one transaction committed before this returns.
    pub fn record(
        &mut self,
        review: &NewReview,
        scheduler: &Scheduler,
        now: DateTime<Utc>,
    ) -> Result<Recorded, StoreError> {
        if review.key.bank.is_empty() || review.key.question.is_empty() {
            return Err(StoreError::Invalid(format!(
                "cannot record an answer for `{}`: bank and question ids must not be empty",
                review.key
            )));
        }
        if let Some(score) = review.score
            && !(0.0..=1.0).contains(&score)
        {
            return Err(StoreError::Invalid(format!(
                "cannot record a score of {score}: scores run from 0 to 1"
            )));
        }
        let duration_ms = i64::try_from(review.duration_ms).unwrap_or(i64::MAX);
        // The log keeps microseconds; schedule with the time as it will be stored.
        let now = now.trunc_subsecs(6);
        let path = self.path.clone();
        let sqlite = |source| sqlite_error(&path, source);
        let transaction = self
            .connection
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(sqlite)?;
        let before = load_card(&transaction, &review.key).map_err(sqlite)??;
        let card = if review.reschedules {
            scheduler.review(&before, review.rating, now, &review.key.to_string())
        } else {
            before.clone()
        };
        transaction
            .execute(
                "INSERT INTO review (bank, question, reviewed_at, mode, answer, score, \
                 suggested_rating, rating, duration_ms, state_before, rescheduled) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
                params![
                    review.key.bank,
                    review.key.question,
                    now.timestamp_micros(),
                    review.mode.name(),
                    review.answer,
                    review.score,
                    review.suggested.map(Rating::number),
                    review.rating.number(),
                    duration_ms,
                    before.state.name(),
                    review.reschedules,
                ],
            )
            .map_err(sqlite)?;
        let id = ReviewId(transaction.last_insert_rowid());
        if review.reschedules {
            save_card(&transaction, &review.key, &card, now).map_err(sqlite)?;
        }
        transaction.commit().map_err(sqlite)?;
        Ok(Recorded { id, card })
    }

    /// Undo an answer: delete review `id`, which must be the latest for its
    /// question, and restore the question's card from the rest of its log.
    pub fn undo(&mut self, id: ReviewId, scheduler: &Scheduler) -> Result<Card, StoreError> {
        let path = self.path.clone();
        let sqlite = |source| sqlite_error(&path, source);
        let transaction = self
            .connection
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(sqlite)?;
        let key = transaction
            .query_row(
                "SELECT bank, question FROM review WHERE id = ?1",
                [id],
                |row| {
                    Ok(QuestionKey::new(
                        row.get::<_, String>(0)?,
                        row.get::<_, String>(1)?,
                    ))
                },
            )
            .optional()
            .map_err(sqlite)?
            .ok_or(StoreError::NoSuchReview(id))?;
        let later: bool = transaction
            .query_row(
                "SELECT EXISTS (SELECT 1 FROM review WHERE bank = ?1 AND question = ?2 AND id > ?3)",
                params![key.bank, key.question, id],
                |row| row.get(0),
            )
            .map_err(sqlite)?;
        if later {
            return Err(StoreError::NotLatest(id));
        }
        transaction
            .execute("DELETE FROM review WHERE id = ?1", [id])
            .map_err(sqlite)?;
        let card = replay_question(&transaction, &key, scheduler)?;
        transaction.commit().map_err(sqlite)?;
        Ok(card)
    }

    /// The card of `key`: a new card when it was never answered.
    pub fn card(&self, key: &QuestionKey) -> Result<Card, StoreError> {
        load_card(&self.connection, key).map_err(self.sqlite())?
    }

    /// Every stored card (every question answered at least once).
    pub fn cards(&self) -> Result<Vec<(QuestionKey, Card)>, StoreError> {
        let mut statement = self
            .connection
            .prepare(&format!("SELECT bank, question, {CARD_COLUMNS} FROM card"))
            .map_err(self.sqlite())?;
        let rows = statement
            .query_map([], |row| {
                let key = QuestionKey::new(row.get::<_, String>(0)?, row.get::<_, String>(1)?);
                Ok((key, card_from_row(row, 2)?))
            })
            .map_err(self.sqlite())?;
        let mut cards = Vec::new();
        for row in rows {
            let (key, card) = row.map_err(self.sqlite())?;
            cards.push((key, card?));
        }
        Ok(cards)
    }

    /// The log of one question, oldest first.
    pub fn history(&self, key: &QuestionKey) -> Result<Vec<Review>, StoreError> {
        self.reviews_where(
            "WHERE bank = ?1 AND question = ?2 ORDER BY id",
            params![key.bank, key.question],
        )
    }

    /// Every review at or after `since`, oldest first.
    pub fn reviews_since(&self, since: DateTime<Utc>) -> Result<Vec<Review>, StoreError> {
        self.reviews_where(
            "WHERE reviewed_at >= ?1 ORDER BY reviewed_at, id",
            params![since.timestamp_micros()],
        )
    }

    /// Calls `visit` with the bank, question, time, rating and prior state of every
    /// review at or after `from` and before `until` (or without end), in no set order.
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
                 WHERE reviewed_at >= ?1 AND reviewed_at < ?2",
            )
            .map_err(&sqlite)?;
        let until = until.map_or(i64::MAX, |t| t.timestamp_micros());
        let mut rows = statement
            .query([from.timestamp_micros(), until])
            .map_err(&sqlite)?;
        while let Some(row) = rows.next().map_err(&sqlite)? {
            let text = |i: usize| -> Result<&str, StoreError> {
                row.get_ref(i)
                    .and_then(|v| v.as_str().map_err(Into::into))
                    .map_err(&sqlite)
            };
            let at = time_from_micros(row.get(2).map_err(&sqlite)?)?;
            let rating = rating_from_number(row.get(3).map_err(&sqlite)?)?;
            let state = state_from_name(text(4)?)?;
            visit(text(0)?, text(1)?, at, rating, state);
        }
        Ok(())
    }

    /// The whole log in the order it was written.
    pub fn all_reviews(&self) -> Result<Vec<Review>, StoreError> {
        self.reviews_where("ORDER BY id", params![])
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
        let sql = format!(
            "SELECT id, bank, question, reviewed_at, mode, answer, score, suggested_rating, \
             rating, duration_ms, state_before FROM review {clause}"
        );
        let mut statement = self.connection.prepare(&sql).map_err(self.sqlite())?;
        let rows = statement
            .query_map(parameters, |row| {
                Ok((
                    row.get::<_, ReviewId>(0)?,
                    QuestionKey::new(row.get::<_, String>(1)?, row.get::<_, String>(2)?),
                    row.get::<_, i64>(3)?,
                    row.get::<_, String>(4)?,
                    row.get::<_, String>(5)?,
                    row.get::<_, Option<f64>>(6)?,
                    row.get::<_, Option<i64>>(7)?,
                    row.get::<_, i64>(8)?,
                    row.get::<_, i64>(9)?,
                    row.get::<_, String>(10)?,
                ))
            })
            .map_err(self.sqlite())?;
        let mut reviews = Vec::new();
        for row in rows {
            let (id, key, at, mode, answer, score, suggested, rating, duration, state) =
                row.map_err(self.sqlite())?;
            reviews.push(Review {
                id,
                key,
                reviewed_at: time_from_micros(at)?,
                mode: mode.parse()?,
                answer,
                score,
                suggested: suggested.map(rating_from_number).transpose()?,
                rating: rating_from_number(rating)?,
                duration_ms: duration.max(0) as u64,
                state_before: state_from_name(&state)?,
            });
        }
        Ok(reviews)
    }

    /// Recompute every card from the log with `scheduler` (after an
    /// optimisation or a change of configuration). Returns the number of cards.
    pub fn rebuild(&mut self, scheduler: &Scheduler) -> Result<usize, StoreError> {
        let path = self.path.clone();
        let sqlite = |source| sqlite_error(&path, source);
        let transaction = self
            .connection
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(sqlite)?;
        transaction
            .execute("DELETE FROM card", [])
            .map_err(sqlite)?;
        let mut count = 0;
        {
            let mut statement = transaction
                .prepare(
                    "SELECT bank, question, rating, reviewed_at FROM review \
                     WHERE rescheduled = 1 ORDER BY bank, question, id",
                )
                .map_err(sqlite)?;
            let mut rows = statement.query([]).map_err(sqlite)?;
            let mut current: Option<(QuestionKey, String, Card, DateTime<Utc>)> = None;
            while let Some(row) = rows.next().map_err(sqlite)? {
                let key = QuestionKey::new(
                    row.get::<_, String>(0).map_err(sqlite)?,
                    row.get::<_, String>(1).map_err(sqlite)?,
                );
                let rating = rating_from_number(row.get(2).map_err(sqlite)?)?;
                let at = time_from_micros(row.get(3).map_err(sqlite)?)?;
                match &mut current {
                    Some((current_key, fuzz_key, card, _)) if *current_key == key => {
                        *card = scheduler.review(card, rating, at, fuzz_key);
                    }
                    _ => {
                        if let Some((key, _, card, first)) = current.take() {
                            save_card(&transaction, &key, &card, first).map_err(sqlite)?;
                            count += 1;
                        }
                        let fuzz_key = key.to_string();
                        let card = scheduler.review(&Card::new(), rating, at, &fuzz_key);
                        current = Some((key, fuzz_key, card, at));
                    }
                }
            }
            if let Some((key, _, card, first)) = current.take() {
                save_card(&transaction, &key, &card, first).map_err(sqlite)?;
                count += 1;
            }
        }
        transaction.commit().map_err(sqlite)?;
        Ok(count)
    }

    /// Questions in the log that are not among `known` (their bank or
    /// question id has vanished). Their history is kept, never deleted.
    pub fn orphans(
        &self,
        known: &std::collections::HashSet<QuestionKey>,
    ) -> Result<Vec<Orphan>, StoreError> {
        let mut statement = self
            .connection
            .prepare(
                "SELECT bank, question, COUNT(*), MAX(reviewed_at) FROM review \
                 GROUP BY bank, question ORDER BY bank, question",
            )
            .map_err(self.sqlite())?;
        let rows = statement
            .query_map([], |row| {
                Ok((
                    QuestionKey::new(row.get::<_, String>(0)?, row.get::<_, String>(1)?),
                    row.get::<_, i64>(2)?,
                    row.get::<_, i64>(3)?,
                ))
            })
            .map_err(self.sqlite())?;
        let mut orphans = Vec::new();
        for row in rows {
            let (key, reviews, last) = row.map_err(self.sqlite())?;
            if !known.contains(&key) {
                orphans.push(Orphan {
                    key,
                    reviews: reviews.max(0) as u64,
                    last_review: time_from_micros(last)?,
                });
            }
        }
        Ok(orphans)
    }

    /// The parameters of the latest `recall optimize`, if any.
    pub fn fitted_parameters(&self) -> Result<Option<FittedParameters>, StoreError> {
        let row = self
            .connection
            .query_row(
                "SELECT weights, fitted_at, reviews, log_loss_before, log_loss_after, \
                 rmse_before, rmse_after FROM fitted_parameters ORDER BY id DESC LIMIT 1",
                [],
                |row| {
                    Ok((
                        row.get::<_, String>(0)?,
                        row.get::<_, i64>(1)?,
                        row.get::<_, i64>(2)?,
                        row.get::<_, f64>(3)?,
                        row.get::<_, f64>(4)?,
                        row.get::<_, f64>(5)?,
                        row.get::<_, f64>(6)?,
                    ))
                },
            )
            .optional()
            .map_err(self.sqlite())?;
        let Some((weights, fitted_at, reviews, ll_before, ll_after, rmse_before, rmse_after)) = row
        else {
            return Ok(None);
        };
        let parameters: Parameters = serde_json::from_str(&weights).map_err(|error| {
            StoreError::Invalid(format!(
                "database {}: the saved FSRS parameters are unusable ({error}); \
                 run `recall optimize` again",
                self.path.display()
            ))
        })?;
        Ok(Some(FittedParameters {
            parameters,
            fitted_at: time_from_micros(fitted_at)?,
            reviews: reviews.max(0) as u64,
            log_loss_before: ll_before,
            log_loss_after: ll_after,
            rmse_before,
            rmse_after,
        }))
    }

    /// Save fitted parameters; the newest saved set is the one used.
    pub fn save_parameters(&mut self, fitted: &FittedParameters) -> Result<(), StoreError> {
        let weights = serde_json::to_string(&fitted.parameters)
            .map_err(|error| StoreError::Invalid(format!("cannot encode parameters: {error}")))?;
        self.connection
            .execute(
                "INSERT INTO fitted_parameters (weights, fitted_at, reviews, log_loss_before, \
                 log_loss_after, rmse_before, rmse_after) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![
                    weights,
                    fitted.fitted_at.timestamp_micros(),
                    i64::try_from(fitted.reviews).unwrap_or(i64::MAX),
                    fitted.log_loss_before,
                    fitted.log_loss_after,
                    fitted.rmse_before,
                    fitted.rmse_after,
                ],
            )
            .map_err(self.sqlite())?;
        Ok(())
    }

    /// `PRAGMA integrity_check`: `Ok(())` or the problems SQLite found.
    pub fn integrity_check(&self) -> Result<(), StoreError> {
        let mut statement = self
            .connection
            .prepare("PRAGMA integrity_check")
            .map_err(self.sqlite())?;
        let lines: Vec<String> = statement
            .query_map([], |row| row.get(0))
            .map_err(self.sqlite())?
            .collect::<Result<_, _>>()
            .map_err(self.sqlite())?;
        if lines == ["ok"] {
            Ok(())
        } else {
            Err(StoreError::Corrupt {
                path: self.path.clone(),
                detail: lines.join("; "),
            })
        }
    }

    pub(crate) fn connection(&self) -> &Connection {
        &self.connection
    }
}

const CARD_COLUMNS: &str = "state, step, stability, difficulty, due, last_review, reps, lapses";

fn load_card(
    connection: &Connection,
    key: &QuestionKey,
) -> rusqlite::Result<Result<Card, StoreError>> {
    connection
        .query_row(
            &format!("SELECT {CARD_COLUMNS} FROM card WHERE bank = ?1 AND question = ?2"),
            params![key.bank, key.question],
            |row| card_from_row(row, 0),
        )
        .optional()
        .map(|card| card.unwrap_or_else(|| Ok(Card::new())))
}

/// A card from the `CARD_COLUMNS` of `row`, starting at column `first`.
fn card_from_row(
    row: &rusqlite::Row<'_>,
    first: usize,
) -> rusqlite::Result<Result<Card, StoreError>> {
    let state: String = row.get(first)?;
    let step: Option<i64> = row.get(first + 1)?;
    let stability: f64 = row.get(first + 2)?;
    let difficulty: f64 = row.get(first + 3)?;
    let due: i64 = row.get(first + 4)?;
    let last_review: i64 = row.get(first + 5)?;
    let reps: i64 = row.get(first + 6)?;
    let lapses: i64 = row.get(first + 7)?;
    Ok((|| {
        Ok(Card {
            state: state_from_name(&state)?,
            step: step.map(|step| u32::try_from(step).unwrap_or(u32::MAX)),
            memory: Some(MemoryState {
                stability,
                difficulty,
            }),
            due: Some(time_from_micros(due)?),
            last_review: Some(time_from_micros(last_review)?),
            reps: u32::try_from(reps).unwrap_or(u32::MAX),
            lapses: u32::try_from(lapses).unwrap_or(u32::MAX),
        })
    })())
}

/// Store a reviewed card; `first_review` is kept from the existing row.
fn save_card(
    connection: &Connection,
    key: &QuestionKey,
    card: &Card,
    first_review: DateTime<Utc>,
) -> rusqlite::Result<()> {
    let micros = |time: Option<DateTime<Utc>>| time.map(|time| time.timestamp_micros());
    connection.execute(
        "INSERT INTO card (bank, question, state, step, stability, difficulty, due, \
         last_review, first_review, reps, lapses) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11) \
         ON CONFLICT (bank, question) DO UPDATE SET state = excluded.state, \
         step = excluded.step, stability = excluded.stability, \
         difficulty = excluded.difficulty, due = excluded.due, \
         last_review = excluded.last_review, reps = excluded.reps, lapses = excluded.lapses",
        params![
            key.bank,
            key.question,
            card.state.name(),
            card.step,
            card.stability().unwrap_or(0.0),
            card.difficulty().unwrap_or(0.0),
            micros(card.due).unwrap_or(0),
            micros(card.last_review).unwrap_or(0),
            first_review.timestamp_micros(),
            card.reps,
            card.lapses,
        ],
    )?;
    Ok(())
}

/// Recompute one question's card from its log and store it (or remove it
/// when the log has no answer left).
fn replay_question(
    connection: &Connection,
    key: &QuestionKey,
    scheduler: &Scheduler,
) -> Result<Card, StoreError> {
    let sqlite = |source| StoreError::Invalid(format!("cannot replay {key}: {source}"));
    let mut statement = connection
        .prepare(
            "SELECT rating, reviewed_at FROM review WHERE bank = ?1 AND question = ?2 \
             AND rescheduled = 1 ORDER BY id",
        )
        .map_err(sqlite)?;
    let rows = statement
        .query_map(params![key.bank, key.question], |row| {
            Ok((row.get::<_, i64>(0)?, row.get::<_, i64>(1)?))
        })
        .map_err(sqlite)?;
    let mut log = Vec::new();
    for row in rows {
        let (rating, at) = row.map_err(sqlite)?;
        log.push((rating_from_number(rating)?, time_from_micros(at)?));
    }
    let first = log.first().map(|(_, at)| *at);
    let card = scheduler.replay(log, &key.to_string());
    match first {
        Some(first) => {
            connection
                .execute(
                    "DELETE FROM card WHERE bank = ?1 AND question = ?2",
                    params![key.bank, key.question],
                )
                .map_err(sqlite)?;
            save_card(connection, key, &card, first).map_err(sqlite)?;
        }
        None => {
            connection
                .execute(
                    "DELETE FROM card WHERE bank = ?1 AND question = ?2",
                    params![key.bank, key.question],
                )
                .map_err(sqlite)?;
        }
    }
    Ok(card)
}

fn time_from_micros(micros: i64) -> Result<DateTime<Utc>, StoreError> {
    DateTime::from_timestamp_micros(micros).ok_or_else(|| {
        StoreError::Invalid(format!(
            "the database holds an impossible time ({micros} µs)"
        ))
    })
}

fn rating_from_number(number: i64) -> Result<Rating, StoreError> {
    Rating::from_number(number).ok_or_else(|| {
        StoreError::Invalid(format!("the database holds an unknown rating ({number})"))
    })
}

fn state_from_name(name: &str) -> Result<State, StoreError> {
    State::from_name(name).ok_or_else(|| {
        StoreError::Invalid(format!("the database holds an unknown card state `{name}`"))
    })
}

/// A rusqlite error, told as a person needs it: a file that is not a
/// database or is damaged gets its own message.
fn sqlite_error(path: &Path, source: rusqlite::Error) -> StoreError {
    let path = path.to_path_buf();
    match source.sqlite_error_code() {
        Some(ErrorCode::NotADatabase) => StoreError::NotSqlite { path },
        Some(ErrorCode::DatabaseCorrupt) => StoreError::Corrupt {
            path,
            detail: source.to_string(),
        },
        Some(ErrorCode::ReadOnly) => StoreError::ReadOnly { path },
        _ => StoreError::Sqlite { path, source },
    }
}

/// Look at an existing database file without letting SQLite near it: refuse
/// anything SQLite might "repair" by writing. Returns whether the file exists
/// (an empty file counts as existing, and is made a new database).
fn inspect(path: &Path) -> Result<bool, StoreError> {
    let owned = || path.to_path_buf();
    let metadata = match std::fs::metadata(path) {
        Ok(metadata) => metadata,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(false),
        Err(source) => {
            return Err(StoreError::Inspect {
                path: owned(),
                source,
            });
        }
    };
    if !metadata.is_file() {
        return Err(StoreError::NotAFile { path: owned() });
    }
    // Honour the permission bits even when running as root, who could write anyway.
    if metadata.permissions().readonly() {
        return Err(StoreError::ReadOnly { path: owned() });
    }
    let length = metadata.len();
    // An empty file holds nothing to lose, and it is what another recall
    // process creating the database leaves for a moment: SQLite makes it a
    // new database, and so do we.
    if length == 0 {
        return Ok(true);
    }
    let mut header = [0u8; 100];
    let mut file = std::fs::File::open(path).map_err(|source| StoreError::Inspect {
        path: owned(),
        source,
    })?;
    let read = read_up_to(&mut file, &mut header).map_err(|source| StoreError::Inspect {
        path: owned(),
        source,
    })?;
    if !header.starts_with(b"SQLite format 3\0") {
        return Err(StoreError::NotSqlite { path: owned() });
    }
    if read < header.len() {
        return Err(StoreError::Truncated {
            path: owned(),
            expected: header.len() as u64,
            actual: length,
        });
    }
    let page_size = match u16::from_be_bytes([header[16], header[17]]) {
        1 => 65_536,
        size => u64::from(size),
    };
    if !page_size.is_power_of_two() || !(512..=65_536).contains(&page_size) {
        return Err(StoreError::Corrupt {
            path: owned(),
            detail: format!("its header gives a page size of {page_size}"),
        });
    }
    // With a write-ahead log present, pages may legitimately live only in the
    // log until the next checkpoint; the size check applies without one.
    let mut wal = path.as_os_str().to_owned();
    wal.push("-wal");
    let wal_holds_pages = std::fs::metadata(PathBuf::from(wal)).is_ok_and(|m| m.len() > 0);
    if !wal_holds_pages {
        let pages = u32::from_be_bytes([header[28], header[29], header[30], header[31]]);
        // The in-header size is valid only when the two change counters agree.
        let counter_valid = header[24..28] == header[92..96];
        let expected = if counter_valid && pages > 0 {
            u64::from(pages) * page_size
        } else {
            page_size
        };
        if length < expected || length % page_size != 0 {
            return Err(StoreError::Truncated {
                path: owned(),
                expected: expected.max(length.next_multiple_of(page_size)),
                actual: length,
            });
        }
    }
    Ok(true)
}

fn read_up_to(file: &mut std::fs::File, buffer: &mut [u8]) -> std::io::Result<usize> {
    let mut filled = 0;
    while filled < buffer.len() {
        match file.read(&mut buffer[filled..])? {
            0 => break,
            read => filled += read,
        }
    }
    Ok(filled)
}

#[cfg(test)]
mod tests;
