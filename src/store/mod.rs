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
//! non-SQLite file is refused with a clear error and left exactly as it was; then,
//! before anything is written, the database must be recognised as recall's (another
//! application's SQLite file, or one from a newer recall, is refused untouched) and
//! writing must work. This module does no printing and never reads the clock:
//! callers pass `now`.
//!
//! What it records are the session's reviews (`crate::session::NewReview`, keyed by
//! [`QuestionKey`]); the store depends on the session's types, never the reverse. Here:
//! opening the database; `inspect`, the look at a file before SQLite opens it; `log`, the
//! review log (record, undo, rebuild, replay, reads); `cards`, the card cache; `queue`,
//! today's questions; `goal`, the interview date; `parameters`, fitted FSRS parameters; `recovery`, answers kept in
//! a file when they could not be saved; `schema`, the migrations;
//! `sql`, how values are stored in columns; `error`, what can go wrong.

mod cards;
mod error;
mod exchange;
mod goal;
mod health;
mod identity;
mod inspect;
mod log;
mod parameters;
mod queue;
pub mod recovery;
mod revisit;
mod schema;
mod sql;

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::config::DbConfig;
use rusqlite::{Connection, OpenFlags};

pub use crate::session::QuestionKey;
pub use error::StoreError;
pub use exchange::{Imported, Importer, LogRecord, ReviewBatch};
pub use goal::{DEFAULT_GOAL_RETENTION, Goal};
pub use health::{
    BackupReport, Examination, clear_damage_mark, damage_mark_path, examine, summarise_problems,
};
pub use identity::{LogIdentity, is_uuid, uuid_v4};
pub use inspect::is_recalls_or_absent;
pub use log::{Marked, Orphan, Recorded, Review, ReviewRef};
pub use parameters::FittedParameters;
pub use queue::{
    Curriculum, DailyLimits, DueQueue, Keyed, Listed, NewOrder, QueueOptions, StudyDay, Toward,
};
pub use schema::LATEST as SCHEMA_VERSION;

use error::{open_error, sqlite_error};
use inspect::inspect;
use schema::Identity;

/// How long a writer waits for another process's transaction to finish.
const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// An open progress database.
#[derive(Debug)]
pub struct Store {
    connection: Connection,
    path: PathBuf,
}

/// `path` as SQLite must be given it to take it as a path: SQLite (as rusqlite builds
/// it) reads a name starting with `file:` as a URI, with its own options, so a relative
/// path is given as `./path`.
fn open_path(path: &Path) -> PathBuf {
    if path.is_relative() {
        Path::new(".").join(path)
    } else {
        path.to_path_buf()
    }
}

/// A read-write connection to the database file at `path` (see [`open_path`]), for a
/// database not yet known to be recall's. A write-ahead log with something in it may be
/// another application's, left by a crash, and closing the last connection would copy
/// it into that application's file: while there is one, closing copies nothing (until
/// [`schema::identify`] says the database is recall's). Without one, closing only
/// removes the empty log SQLite made.
fn connect(path: &Path) -> rusqlite::Result<Connection> {
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
        | OpenFlags::SQLITE_OPEN_CREATE
        | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let log_in_use = std::fs::metadata(inspect::companion(path, "-wal")).is_ok_and(|m| m.len() > 0);
    let connection = Connection::open_with_flags(open_path(path), flags)?;
    connection.set_db_config(DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, log_in_use)?;
    Ok(connection)
}

impl Store {
    /// Open the database at `path`, creating it (and its folders) when it does
    /// not exist, and bringing its schema up to date. Every command opens the store
    /// here, through the same checks, in this order, and nothing is written before
    /// the last of them passed: the file is looked at before SQLite opens it
    /// (`inspect`), then a mark left by a failed check refuses it (see `health`), then
    /// it is recognised as recall's ([`schema::identify`]), then writing is tried (a
    /// write transaction begun and rolled back).
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        let exists = inspect(path)?;
        if !exists {
            // A mark left beside a database that is gone says nothing of a new one.
            let _ = health::clear_damage_mark(path);
        } else if let Some(detail) = health::damage_mark(path) {
            return Err(StoreError::Damaged {
                path: path.to_path_buf(),
                detail,
            });
        }
        if !exists && let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent).map_err(|source| StoreError::CreateFolder {
                path: parent.to_path_buf(),
                source,
            })?;
        }
        let opening = |source| open_error(path, exists, source);
        let mut connection = connect(path).map_err(opening)?;
        connection.busy_timeout(BUSY_TIMEOUT).map_err(opening)?;

        match schema::identify(&mut connection).map_err(opening)? {
            Identity::New | Identity::Recall(_) => {
                connection
                    .set_db_config(DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, false)
                    .map_err(opening)?;
            }
            Identity::TooNew(found) => {
                return Err(StoreError::TooNew {
                    path: path.to_path_buf(),
                    found,
                    latest: schema::LATEST,
                });
            }
            Identity::Unexpected { version, detail } => {
                return Err(StoreError::UnexpectedSchema {
                    path: path.to_path_buf(),
                    version,
                    detail,
                });
            }
            Identity::Foreign => {
                return Err(StoreError::Foreign {
                    path: path.to_path_buf(),
                });
            }
        }
        // Writability by trying, not from permission bits: SQLite opens a file it may
        // not write read-only, and says so only at the first write.
        connection
            .execute_batch("BEGIN IMMEDIATE; ROLLBACK;")
            .map_err(opening)?;
        let mode: String = connection
            .pragma_update_and_check(None, "journal_mode", "wal", |row| row.get(0))
            .map_err(opening)?;
        if !mode.eq_ignore_ascii_case("wal") {
            return Err(StoreError::NoWriteAheadLog {
                path: path.to_path_buf(),
                mode,
            });
        }
        connection
            .pragma_update(None, "synchronous", "FULL")
            .map_err(opening)?;
        connection
            .pragma_update(None, "foreign_keys", "ON")
            .map_err(opening)?;
        schema::migrate_to(&mut connection, schema::LATEST).map_err(opening)?;
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

    pub(crate) fn connection(&self) -> &Connection {
        &self.connection
    }
}

#[cfg(test)]
mod tests;
