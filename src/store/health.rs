//! The database's health: SQLite's `quick_check` at most once a study day, after a
//! session (never before its first question: a full look at a million reviews takes
//! seconds); the full `integrity_check` and the look at a file without writing to it that
//! `recall doctor` makes; the mark a failed check leaves, which makes every later
//! [`Store::open`] refuse the database until `recall doctor` finds it sound again; and
//! backups through SQLite's online backup API, verified before they replace anything.
//!
//! The mark is a file beside the database (`recall.db.damaged`, holding what the check
//! found), not a row in it: a damaged database is the one place it might not be written
//! or read back. A check that passes is recorded in the database (`last_check`), with
//! the study day it passed on. Nothing here prints or reads the clock.

use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::backup::{Backup, StepResult};
use rusqlite::{Connection, ErrorCode, OptionalExtension, params};

use super::error::describe;
use super::inspect::{companion, inspect};
use super::schema::{self, Identity};
use super::sql::Micros;
use super::{BUSY_TIMEOUT, Store, StoreError, connect};
use crate::atomic_file::AtomicFile;

/// The file whose presence says a check found the database at `database` damaged:
/// `<database>.damaged`.
pub fn damage_mark_path(database: &Path) -> PathBuf {
    companion(database, ".damaged")
}

/// What the damage mark beside `database` says, when there is one.
pub(super) fn damage_mark(database: &Path) -> Option<String> {
    let path = damage_mark_path(database);
    std::fs::symlink_metadata(&path).ok()?;
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    Some(text.trim().to_owned())
}

/// Marks the database at `database` damaged, with what was found. Best effort: when the
/// mark cannot be written the error that led here still reaches the learner.
pub(super) fn mark_damaged(database: &Path, detail: &str) {
    let _ = crate::atomic_file::write(
        &damage_mark_path(database),
        format!("{detail}\n").as_bytes(),
    );
}

/// Removes the damage mark beside `database` (`recall doctor`, once the database passed
/// its full check); whether there was one.
pub fn clear_damage_mark(database: &Path) -> std::io::Result<bool> {
    match std::fs::remove_file(damage_mark_path(database)) {
        Ok(()) => Ok(true),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(false),
        Err(error) => Err(error),
    }
}

/// The problems `PRAGMA <check>` reports on `connection`, one a line; empty when it says
/// "ok". SQLite may list problems and then fail with "malformed" itself: that ends the
/// list, as one more problem.
fn problems(connection: &Connection, check: &str) -> rusqlite::Result<Vec<String>> {
    let mut statement = connection.prepare(&format!("PRAGMA {check}"))?;
    let mut rows = statement.query([])?;
    let mut lines = Vec::new();
    loop {
        match rows.next() {
            Ok(Some(row)) => {
                let text: String = row.get(0)?;
                lines.extend(
                    text.lines()
                        .filter(|line| !line.starts_with("*** in database"))
                        .map(str::to_owned),
                );
            }
            Ok(None) => break,
            Err(error) if error.sqlite_error_code() == Some(ErrorCode::DatabaseCorrupt) => {
                lines.push(error.to_string());
                break;
            }
            Err(error) => return Err(error),
        }
    }
    Ok(if lines == ["ok"] { Vec::new() } else { lines })
}

/// At most this many of SQLite's problem lines go into a message.
const PROBLEMS_SHOWN: usize = 5;

/// `problems` in one line for a message: the first few, and how many more.
pub fn summarise_problems(problems: &[String]) -> String {
    let mut text = problems
        .iter()
        .take(PROBLEMS_SHOWN)
        .cloned()
        .collect::<Vec<_>>()
        .join("; ");
    if problems.len() > PROBLEMS_SHOWN {
        text.push_str(&format!("; and {} more", problems.len() - PROBLEMS_SHOWN));
    }
    text
}

/// What [`Store::backup`] wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BackupReport {
    /// The backup file.
    pub path: PathBuf,
    /// How many answers it holds.
    pub reviews: u64,
    /// Its size in bytes.
    pub bytes: u64,
}

/// How a database file looked to [`examine`], which never writes to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Examination {
    /// Its schema version (0 when it could not be read).
    pub version: i64,
    /// What SQLite's `integrity_check` (or the look before opening) found wrong; empty
    /// when the database is sound.
    pub problems: Vec<String>,
    /// The size of its write-ahead log, when it has one with something in it: answers
    /// committed but not yet copied into the database file.
    pub write_ahead_log: Option<u64>,
    /// What the damage mark says, when there is one.
    pub damage_mark: Option<String>,
}

impl Examination {
    /// Whether the database is damaged.
    pub fn is_damaged(&self) -> bool {
        !self.problems.is_empty()
    }
}

/// Looks at the database at `path` without writing to it:
/// the checks made before opening, whether it is recall's, its schema version and the
/// full `integrity_check`. A file that is damaged is an answer here, not an error (and
/// is marked damaged, as any failed check marks it); one that is not recall's, or
/// missing, is an error (`Ok` only for recall's databases).
pub fn examine(path: &Path) -> Result<Examination, StoreError> {
    let examination = look(path)?;
    if examination.is_damaged() && examination.damage_mark.is_none() {
        mark_damaged(path, &summarise_problems(&examination.problems));
    }
    Ok(examination)
}

fn look(path: &Path) -> Result<Examination, StoreError> {
    let write_ahead_log = std::fs::metadata(companion(path, "-wal"))
        .ok()
        .map(|m| m.len())
        .filter(|&len| len > 0);
    let damage_mark = damage_mark(path);
    let damaged = |problem: String| Examination {
        version: 0,
        problems: vec![problem],
        write_ahead_log,
        damage_mark: damage_mark.clone(),
    };
    match inspect(path) {
        Ok(true) => {}
        Ok(false) => {
            return Err(StoreError::Inspect {
                path: path.to_path_buf(),
                source: std::io::ErrorKind::NotFound.into(),
            });
        }
        Err(error @ (StoreError::Truncated { .. } | StoreError::Corrupt { .. })) => {
            return Ok(damaged(error.to_string()));
        }
        Err(error) => return Err(error),
    }
    let sqlite = |source| describe(path, source);
    let mut connection = connect(path).map_err(sqlite)?;
    connection.busy_timeout(BUSY_TIMEOUT).map_err(sqlite)?;
    // Nothing here writes, and closing copies nothing from a log that holds answers
    // (see `connect`): `recall doctor` folds the log in once the database passed.
    let version = match schema::identify(&mut connection) {
        Ok(Identity::Recall(version)) => version,
        Ok(Identity::New) => 0,
        Ok(Identity::Unexpected { version, detail }) => {
            return Ok(Examination {
                version,
                ..damaged(detail)
            });
        }
        Ok(Identity::TooNew(found)) => {
            return Err(StoreError::TooNew {
                path: path.to_path_buf(),
                found,
                latest: schema::LATEST,
            });
        }
        Ok(Identity::Foreign) => {
            return Err(StoreError::Foreign {
                path: path.to_path_buf(),
            });
        }
        Err(error) => match describe(path, error) {
            StoreError::Corrupt { detail, .. } => return Ok(damaged(detail)),
            error => return Err(error),
        },
    };
    let problems = match problems(&connection, "integrity_check") {
        Ok(problems) => problems,
        Err(error) => match describe(path, error) {
            StoreError::Corrupt { detail, .. } => vec![detail],
            error => return Err(error),
        },
    };
    Ok(Examination {
        version,
        problems,
        write_ahead_log,
        damage_mark,
    })
}

impl Store {
    /// SQLite's `quick_check` (every page, without comparing indexes to their tables):
    /// `Ok` when it finds nothing wrong; otherwise the database is marked damaged and
    /// the error says what was found.
    pub fn quick_check(&self) -> Result<(), StoreError> {
        self.check("quick_check")
    }

    /// SQLite's full `integrity_check`: `Ok` or the problems SQLite found (and the
    /// database marked damaged).
    pub fn integrity_check(&self) -> Result<(), StoreError> {
        self.check("integrity_check")
    }

    fn check(&self, check: &str) -> Result<(), StoreError> {
        let found = problems(self.connection(), check).map_err(self.sqlite())?;
        if found.is_empty() {
            return Ok(());
        }
        let detail = summarise_problems(&found);
        mark_damaged(self.path(), &detail);
        Err(StoreError::Corrupt {
            path: self.path().to_path_buf(),
            detail,
        })
    }

    /// The study day and time of the last check the database passed, if any.
    pub fn last_check(&self) -> Result<Option<(NaiveDate, DateTime<Utc>)>, StoreError> {
        let row = self
            .connection()
            .query_row(
                "SELECT study_day, checked_at FROM last_check WHERE id = 1",
                [],
                |row| Ok((row.get::<_, String>(0)?, row.get::<_, Micros>(1)?.0)),
            )
            .optional()
            .map_err(self.sqlite())?;
        Ok(row.and_then(|(day, at)| Some((day.parse().ok()?, at))))
    }

    /// Records that the database passed a check on study day `day`, at `now`.
    pub fn record_check(&mut self, day: NaiveDate, now: DateTime<Utc>) -> Result<(), StoreError> {
        self.connection()
            .execute(
                "INSERT OR REPLACE INTO last_check (id, study_day, checked_at) VALUES (1, ?1, ?2)",
                params![day.to_string(), Micros(now)],
            )
            .map_err(self.sqlite())?;
        Ok(())
    }

    /// The daily check, for the end of a study session: SQLite's `quick_check` when the
    /// database has not passed one on study day `day`, recorded when it passes. Returns
    /// whether it ran. A failure marks the database damaged (see [`Store::open`]).
    /// Another recall holding the write lock only means the pass is recorded next time.
    pub fn check_daily(&mut self, day: NaiveDate, now: DateTime<Utc>) -> Result<bool, StoreError> {
        if self.last_check()?.is_some_and(|(last, _)| last == day) {
            return Ok(false);
        }
        self.quick_check()?;
        match self.record_check(day, now) {
            Ok(()) | Err(StoreError::Busy { .. }) => Ok(true),
            Err(error) => Err(error),
        }
    }

    /// Copies everything in the write-ahead log into the database file and empties the
    /// log (`PRAGMA wal_checkpoint(TRUNCATE)`): safe while other sessions run, it only
    /// moves answers already committed. Returns whether the log could be emptied (not
    /// while another session is reading an older state).
    pub fn checkpoint(&self) -> Result<bool, StoreError> {
        let busy: i64 = self
            .connection()
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |row| row.get(0))
            .map_err(self.sqlite())?;
        Ok(busy == 0)
    }

    /// Questions this learner answered (with an answer that moves the schedule) that
    /// have no card, and cards of questions with no such answer: where the card cache
    /// has drifted from the log ([`Store::rebuild`] puts it right).
    pub fn cards_out_of_step(&self) -> Result<(u64, u64), StoreError> {
        let count = |sql: &str| -> Result<u64, StoreError> {
            self.connection()
                .query_row(sql, [], |row| row.get::<_, i64>(0))
                .map(|n| n.max(0) as u64)
                .map_err(self.sqlite())
        };
        let without_card = count(
            "SELECT COUNT(*) FROM (SELECT DISTINCT bank, question FROM review \
             WHERE rescheduled = 1 AND learner IS NULL) AS r WHERE NOT EXISTS \
             (SELECT 1 FROM card AS c WHERE c.bank = r.bank AND c.question = r.question)",
        )?;
        let without_log = count(
            "SELECT COUNT(*) FROM card AS c WHERE NOT EXISTS (SELECT 1 FROM review AS r \
             WHERE r.bank = c.bank AND r.question = c.question AND r.rescheduled = 1 \
             AND r.learner IS NULL)",
        )?;
        Ok((without_card, without_log))
    }

    /// Writes a copy of the database to `to` through SQLite's online backup (a
    /// consistent snapshot, taken while other sessions go on studying), then verifies it
    /// (its own `integrity_check`, recognised as recall's, its answers counted) before
    /// it replaces `to`. The copy is a single file, without a write-ahead log.
    pub fn backup(&self, to: &Path) -> Result<BackupReport, StoreError> {
        let same = std::fs::canonicalize(to)
            .ok()
            .zip(std::fs::canonicalize(self.path()).ok())
            .is_some_and(|(to, from)| to == from);
        if same {
            return Err(StoreError::BackupOverDatabase {
                path: to.to_path_buf(),
            });
        }
        let backup_error = |source| describe(to, source);
        let file = AtomicFile::create(to).map_err(|source| StoreError::WriteBackup {
            path: to.to_path_buf(),
            source,
        })?;
        let mut copy = Connection::open(file.temp_path()).map_err(backup_error)?;
        {
            let backup = Backup::new(self.connection(), &mut copy).map_err(backup_error)?;
            // All pages in one step, from one snapshot; a writer elsewhere goes on, and
            // only a lock held for longer than the busy timeout stops the copy.
            let mut waited = Duration::ZERO;
            loop {
                match backup.step(-1).map_err(backup_error)? {
                    StepResult::Done => break,
                    StepResult::More => {}
                    _ if waited >= BUSY_TIMEOUT => {
                        return Err(StoreError::Busy {
                            path: self.path().to_path_buf(),
                        });
                    }
                    _ => {
                        std::thread::sleep(Duration::from_millis(50));
                        waited += Duration::from_millis(50);
                    }
                }
            }
        }
        let mode: String = copy
            .pragma_update_and_check(None, "journal_mode", "DELETE", |row| row.get(0))
            .map_err(backup_error)?;
        let found = problems(&copy, "integrity_check").map_err(backup_error)?;
        let identity = schema::identify(&mut copy).map_err(backup_error)?;
        let reviews: i64 = copy
            .query_row("SELECT COUNT(*) FROM review", [], |row| row.get(0))
            .map_err(backup_error)?;
        if !found.is_empty() || identity != Identity::Recall(schema::LATEST) || mode != "delete" {
            let detail = if found.is_empty() {
                format!(
                    "the copy is not a recall database of this version ({identity:?}, journal {mode})"
                )
            } else {
                summarise_problems(&found)
            };
            return Err(StoreError::UnverifiedBackup {
                path: to.to_path_buf(),
                detail,
            });
        }
        copy.close().map_err(|(_, source)| backup_error(source))?;
        let bytes = std::fs::metadata(file.temp_path()).map_or(0, |m| m.len());
        file.commit().map_err(|source| StoreError::WriteBackup {
            path: to.to_path_buf(),
            source,
        })?;
        Ok(BackupReport {
            path: to.to_path_buf(),
            reviews: reviews.max(0) as u64,
            bytes,
        })
    }
}
