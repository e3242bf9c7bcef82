//! Why the store could not do what was asked, in words a learner can act on: each
//! unusable database file has its own message saying it was left untouched.

use std::path::{Path, PathBuf};

use rusqlite::ErrorCode;

use crate::session::{QuestionKey, ReviewId};

/// Why the store could not do what was asked.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("cannot create the folder {} for the database: {source}", path.display())]
    CreateFolder {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("cannot read the database {}: {source}", path.display())]
    Inspect {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error(
        "the database {} is read-only; recall needs to write to it \
         (make it writable, or pass --db with another path); it was left untouched",
        path.display()
    )]
    ReadOnly { path: PathBuf },
    #[error(
        "{} is not a file; pass --db with the path of a database file",
        path.display()
    )]
    NotAFile { path: PathBuf },
    #[error(
        "{} is not a recall database (it is not an SQLite file); move it away or \
         pass --db with another path; it was left untouched",
        path.display()
    )]
    NotSqlite { path: PathBuf },
    #[error(
        "{} is an SQLite database but not recall's (it has other tables); pass --db \
         with another path; it was left untouched",
        path.display()
    )]
    Foreign { path: PathBuf },
    #[error(
        "the database {} is truncated ({actual} bytes where its header promises \
         {expected}); restore it from a backup; it was left untouched",
        path.display()
    )]
    Truncated {
        path: PathBuf,
        expected: u64,
        actual: u64,
    },
    #[error(
        "the database {} is damaged ({detail}); restore it from a backup; it was left untouched",
        path.display()
    )]
    Corrupt { path: PathBuf, detail: String },
    #[error(
        "the database {} was written by a newer recall (schema version {found}, this \
         recall knows up to {latest}); upgrade recall; the database was left untouched",
        path.display()
    )]
    TooNew {
        path: PathBuf,
        found: i64,
        latest: i64,
    },
    #[error(
        "database {}: SQLite refused write-ahead logging (journal mode is {mode})",
        path.display()
    )]
    NoWriteAheadLog { path: PathBuf, mode: String },
    #[error("database {}: {source}", path.display())]
    Sqlite {
        path: PathBuf,
        source: rusqlite::Error,
    },
    #[error("cannot record an answer for `{0}`: bank and question ids must not be empty")]
    EmptyId(QuestionKey),
    #[error("cannot record a score of {0}: scores run from 0 to 1")]
    ScoreOutOfRange(f64),
    #[error("there is no review {0} to undo")]
    NoSuchReview(ReviewId),
    #[error("review {0} is not the latest answer to its question, so it cannot be undone")]
    NotLatest(ReviewId),
    // The JSON error is part of the message, not a cause: it says what is wrong.
    #[error(
        "database {}: the saved FSRS parameters are unusable ({error}); \
         run `recall optimize` again",
        path.display()
    )]
    UnusableParameters {
        path: PathBuf,
        error: serde_json::Error,
    },
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
