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
    /// The database file cannot be written (its permissions, or it belongs to another
    /// user).
    #[error(
        "the database {} is read-only{}; recall needs to write to it \
         (make it writable, or pass --db with another path); it was left untouched",
        path.display(),
        owner.map(|uid| format!(" to you (it belongs to the user with id {uid})")).unwrap_or_default()
    )]
    ReadOnly {
        /// The database file.
        path: PathBuf,
        /// The id of the user the file belongs to, when that is not who runs recall.
        owner: Option<u32>,
    },
    /// The database's folder cannot be written: SQLite keeps the write-ahead log and
    /// its index beside the database, and a new database is a new file there.
    #[error(
        "{}: the folder {} is not writable ({reason}); {}, or pass --db with a path in a \
         folder you can write{}",
        database.display(),
        folder.display(),
        if *exists {
            "recall keeps its write-ahead log (-wal and -shm files) beside the database; make the folder writable"
        } else {
            "the database cannot be created there; make the folder writable"
        },
        if *exists { "; the database was left untouched" } else { "" }
    )]
    FolderNotWritable {
        /// The database file.
        database: PathBuf,
        /// Its folder.
        folder: PathBuf,
        /// Whether the database already exists.
        exists: bool,
        /// What the operating system said.
        reason: std::io::Error,
    },
    /// One of SQLite's files beside the database (`-wal`, `-shm`, `-journal`) is not a
    /// file.
    #[error(
        "{} is not a file (SQLite keeps the database's {what} there); move it out of the \
         way (recall makes a new one) and try again; the database was left untouched",
        path.display()
    )]
    CompanionNotAFile {
        /// The path of the companion file.
        path: PathBuf,
        /// What SQLite keeps in it.
        what: &'static str,
    },
    /// The disk holding the database has no room for what opening it needs.
    #[error(
        "the disk holding the database {} is full; free some space and try again; \
         the database was left untouched",
        path.display()
    )]
    DiskFull {
        /// The database file.
        path: PathBuf,
    },
    /// Another process has held the database's write lock for longer than recall waits.
    #[error(
        "the database {} is locked by another process (a recall still running, or \
         stopped with Ctrl-Z?); finish that process or let it continue, then try again",
        path.display()
    )]
    Busy {
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
        "{} is an SQLite database but not recall's (another application's tables); pass \
         --db with another path; it was left untouched",
        path.display()
    )]
    Foreign {
        /// The file.
        path: PathBuf,
    },
    /// The file carries recall's mark but not the tables of its schema version.
    #[error(
        "the database {} is marked as recall's (schema version {version}), but {detail}; \
         restore it from a backup (see `recall doctor`); it was left untouched",
        path.display()
    )]
    UnexpectedSchema {
        /// The file.
        path: PathBuf,
        /// The schema version it says it has.
        version: i64,
        /// What differs from that version's tables.
        detail: String,
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
        "the database {} is damaged ({detail}); recall will not write to it until `recall \
         doctor` finds it sound: run `recall doctor` to see what is wrong, and if it cannot \
         be repaired, copy your latest backup over it (`recall doctor --backup FILE` makes \
         backups)",
        path.display()
    )]
    Corrupt {
        /// The database file.
        path: PathBuf,
        /// What SQLite reported.
        detail: String,
    },
    /// An earlier check found the database damaged (its mark is beside it).
    #[error(
        "the database {} failed a check ({detail}), so recall will not write to it: run \
         `recall doctor` to check it again (the mark {} goes once it is sound), or copy \
         your latest backup over it",
        path.display(),
        super::health::damage_mark_path(path).display()
    )]
    Damaged {
        /// The database file.
        path: PathBuf,
        /// What the check found.
        detail: String,
    },
    /// `recall doctor --backup` was given the database itself.
    #[error(
        "{} is the database itself; name another file for the backup (on another disk, \
         ideally)",
        path.display()
    )]
    BackupOverDatabase {
        /// The path given.
        path: PathBuf,
    },
    /// The backup file could not be written.
    #[error("cannot write the backup {}: {source}; the file was left as it was", path.display())]
    WriteBackup {
        /// The backup file.
        path: PathBuf,
        /// What the operating system said.
        source: std::io::Error,
    },
    /// The copy made for a backup did not pass its checks.
    #[error(
        "the backup copy failed its checks ({detail}); {} was left as it was",
        path.display()
    )]
    UnverifiedBackup {
        /// The backup file.
        path: PathBuf,
        /// What was wrong with the copy.
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
    /// The saved goal cannot be read.
    #[error(
        "the goal saved in {} cannot be read ({detail}); `recall goal set` saves a new one",
        path.display()
    )]
    UnusableGoal {
        /// The database file.
        path: PathBuf,
        /// What is wrong with it.
        detail: String,
    },
}

/// A rusqlite error on the open database at `path`, told as a person needs it (see
/// [`describe`]). When SQLite says the database is damaged, it is also marked so (see
/// `health`): nothing more is written to it until `recall doctor` finds it sound.
pub(super) fn sqlite_error(path: &Path, source: rusqlite::Error) -> StoreError {
    let error = describe(path, source);
    if let StoreError::Corrupt { detail, .. } = &error {
        super::health::mark_damaged(path, detail);
    }
    error
}

impl StoreError {
    /// Whether the write failed only because another connection held the database's
    /// lock for longer than the busy timeout: trying again later may succeed.
    pub fn is_busy(&self) -> bool {
        match self {
            StoreError::Busy { .. } => true,
            StoreError::Sqlite { source, .. } => matches!(
                source.sqlite_error_code(),
                Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked)
            ),
            _ => false,
        }
    }
}

/// A rusqlite error, told as a person needs it: a file that is not a
/// database or is damaged gets its own message.
pub(super) fn describe(path: &Path, source: rusqlite::Error) -> StoreError {
    let path = path.to_path_buf();
    match source.sqlite_error_code() {
        Some(ErrorCode::NotADatabase) => StoreError::NotSqlite { path },
        Some(ErrorCode::DatabaseCorrupt) => StoreError::Corrupt {
            path,
            detail: source.to_string(),
        },
        Some(ErrorCode::ReadOnly) => StoreError::ReadOnly { path, owner: None },
        Some(ErrorCode::DiskFull) => StoreError::DiskFull { path },
        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => StoreError::Busy { path },
        _ => StoreError::Sqlite { path, source },
    }
}

/// A rusqlite error met while opening the database, told by what is actually wrong:
/// SQLite says "unable to open database file", "attempt to write a readonly database"
/// or "disk I/O error" alike for a folder that cannot be written, a file that belongs
/// to someone else and a full disk, so on those the folder and the file are tried.
pub(super) fn open_error(path: &Path, exists: bool, source: rusqlite::Error) -> StoreError {
    let unclear = matches!(
        source.sqlite_error_code(),
        Some(
            ErrorCode::ReadOnly
                | ErrorCode::CannotOpen
                | ErrorCode::SystemIoFailure
                | ErrorCode::DiskFull
                | ErrorCode::PermissionDenied
        )
    );
    if unclear && let Some(error) = super::inspect::why_unwritable(path, exists) {
        return error;
    }
    describe(path, source)
}
