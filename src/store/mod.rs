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
//!
//! What it records are the session's reviews (`crate::session::NewReview`, keyed by
//! [`QuestionKey`]); the store depends on the session's types, never the reverse. Here:
//! opening the database; `inspect`, the look at a file before SQLite opens it; `log`, the
//! review log (record, undo, rebuild, replay, reads); `cards`, the card cache; `queue`,
//! today's questions; `parameters`, fitted FSRS parameters; `recovery`, answers kept in
//! a file when they could not be saved; `schema`, the migrations;
//! `sql`, how values are stored in columns; `error`, what can go wrong.

mod cards;
mod error;
mod inspect;
mod log;
mod parameters;
mod queue;
pub mod recovery;
mod schema;
mod sql;

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags};

pub use crate::session::QuestionKey;
pub use error::StoreError;
pub use log::{Marked, Orphan, Recorded, Review};
pub use parameters::FittedParameters;
pub use queue::{DailyLimits, DueQueue, NewOrder, QueueOptions, StudyDay};
pub use schema::LATEST as SCHEMA_VERSION;

use error::sqlite_error;
use inspect::inspect;

/// How long a writer waits for another process's transaction to finish.
const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

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
            return Err(StoreError::NoWriteAheadLog {
                path: path.to_path_buf(),
                mode,
            });
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

#[cfg(test)]
mod tests;
