//! Why the store could not do what was asked, in words a learner can act on: each
//! unusable database file has its own message saying it was left untouched.

use std::path::{Path, PathBuf};

use rusqlite::ErrorCode;

use crate::session::{QuestionKey, ReviewId};

/// Why the store could not do what was asked.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The database's folder could not be created.
    #[error("cannot create the folder {} for the database: {source}", path.display())]
    CreateFolder {
        /// The folder.
        path: PathBuf,
        /// What the operating system said.
        source: std::io::Error,
    },
    /// The database file could not be read for the checks made before opening it.
    #[error("cannot read the database {}: {source}", path.display())]
    Inspect {
        /// The database file.
        path: PathBuf,
        /// What the operating system said.
        source: std::io::Error,
    },
    /// The database (or its folder) cannot be written.
    #[error(
        "the database {} is read-only; recall needs to write to it \
         (make it writable, or pass --db with another path); it was left untouched",
        path.display()
    )]
    ReadOnly {
        /// The database file.
        path: PathBuf,
    },
    /// The database path names something other than a file (a folder, a device).
    #[error(
        "{} is not a file; pass --db with the path of a database file",
        path.display()
    )]
    NotAFile {
        /// The path given for the database.
        path: PathBuf,
    },
    /// The file is not an SQLite database.
    #[error(
        "{} is not a recall database (it is not an SQLite file); move it away or \
         pass --db with another path; it was left untouched",
        path.display()
    )]
    NotSqlite {
        /// The file.
        path: PathBuf,
    },
    /// The file is another application's SQLite database.
    #[error(
        "{} is an SQLite database but not recall's (it has other tables); pass --db \
         with another path; it was left untouched",
        path.display()
    )]
    Foreign {
        /// The file.
        path: PathBuf,
    },
    /// The file is shorter than its SQLite header says it is.
    #[error(
        "the database {} is truncated ({actual} bytes where its header promises \
         {expected}); restore it from a backup; it was left untouched",
        path.display()
    )]
    Truncated {
        /// The database file.
        path: PathBuf,
        /// The size the header promises, in bytes.
        expected: u64,
        /// The file's size, in bytes.
        actual: u64,
    },
    /// SQLite found the database damaged.
    #[error(
        "the database {} is damaged ({detail}); restore it from a backup; it was left untouched",
        path.display()
    )]
    Corrupt {
        /// The database file.
        path: PathBuf,
        /// What SQLite reported.
        detail: String,
    },
    /// The database's schema is newer than this recall knows.
    #[error(
        "the database {} was written by a newer recall (schema version {found}, this \
         recall knows up to {latest}); upgrade recall; the database was left untouched",
        path.display()
    )]
    TooNew {
        /// The database file.
        path: PathBuf,
        /// The database's schema version.
        found: i64,
        /// The newest schema version this recall knows.
        latest: i64,
    },
    /// SQLite would not switch the database to write-ahead logging.
    #[error(
        "database {}: SQLite refused write-ahead logging (journal mode is {mode})",
        path.display()
    )]
    NoWriteAheadLog {
        /// The database file.
        path: PathBuf,
        /// The journal mode SQLite kept.
        mode: String,
    },
    /// Any other SQLite failure.
    #[error("database {}: {source}", path.display())]
    Sqlite {
        /// The database file.
        path: PathBuf,
        /// What SQLite said.
        source: rusqlite::Error,
    },
    /// An answer to record had an empty bank or question id.
    #[error("cannot record an answer for `{0}`: bank and question ids must not be empty")]
    EmptyId(QuestionKey),
    /// An answer to record had a score outside 0 to 1.
    #[error("cannot record a score of {0}: scores run from 0 to 1")]
    ScoreOutOfRange(f64),
    /// An imported review has the uuid of another review in the log.
    #[error(
        "review {uuid} is already in the log as another review: the file is not an export \
         of recall reviews as they were recorded; nothing was imported"
    )]
    UuidClash {
        /// The uuid both have.
        uuid: String,
    },
    /// `--same-learner` with reviews of more than one learner.
    #[error(
        "the files hold reviews of learner {first} and of learner {second}; --same-learner \
         takes one learner's reviews (import the others without it); nothing was imported"
    )]
    SeveralLearners {
        /// The learner of the first review.
        first: String,
        /// Another learner.
        second: String,
    },
    /// Undo named a review that is not in the log.
    #[error("there is no review {0} to undo")]
    NoSuchReview(ReviewId),
    /// Undo named a review that a later answer to the same question follows.
    #[error("review {0} is not the latest answer to its question, so it cannot be undone")]
    NotLatest(ReviewId),
    // The JSON error is part of the message, not a cause: it says what is wrong.
    /// The parameters `recall optimize` saved cannot be read back.
    #[error(
        "database {}: the saved FSRS parameters are unusable ({error}); \
         run `recall optimize` again",
        path.display()
    )]
    UnusableParameters {
        /// The database file.
        path: PathBuf,
        /// Why they could not be decoded.
        error: serde_json::Error,
    },
    /// Fitted parameters could not be encoded for saving.
    #[error("cannot encode parameters: {0}")]
    EncodeParameters(serde_json::Error),
}

/// A rusqlite error, told as a person needs it: a file that is not a
/// database or is damaged gets its own message.
pub(super) fn sqlite_error(path: &Path, source: rusqlite::Error) -> StoreError {
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
