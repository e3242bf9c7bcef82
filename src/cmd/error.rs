//! Why a command failed: an error of a [`ErrorKind`], with `hint:` lines, as jj's
//! `command_error.rs` does it.
//!
//! The kind decides the exit code (the README's table: 2 for an error, 130 when
//! interrupted, 0 when the reader of our output went away). Errors from the engine arrive
//! typed (`StoreError`, `ConfigError`, `LoadError`, ...) and `From` sorts them into kinds,
//! so `?` works on them in every verb; a verb with something to add builds its error with
//! [`CommandError::usage`] or [`CommandError::data`] and adds [`CommandError::hint`]s.
//! Printing the error is `cli`'s job, not this module's.

use crate::bank::LoadError;
use crate::clock::BadNow;
use crate::config::ConfigError;
use crate::paths::NoDataDirectory;
use crate::schedule::ScheduleError;
use crate::store::StoreError;
use std::fmt;
use std::io;

/// What a verb returns: its [`Outcome`](super::Outcome), or why it failed.
pub type Result<T, E = CommandError> = std::result::Result<T, E>;

/// What kind of failure an error is; the kind decides the exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// What was asked cannot be done as asked: an unknown bank or question, a missing
    /// option, an environment variable that cannot be read.
    Usage,
    /// A file recall reads cannot be used: banks or a configuration with errors, a
    /// malformed CSV, a database that is not recall's.
    Data,
    /// Reading or writing a file failed (permissions, a full disk, a vanished folder).
    Io,
    /// Whoever reads our output stopped reading (`recall list | head`): not a failure,
    /// as in ripgrep and jj; nothing is printed.
    OutputClosed,
    /// The learner stopped the command (Ctrl-C); every rated answer was already saved,
    /// and nothing is printed.
    Interrupted,
    /// recall itself went wrong: a bug, whatever the input.
    Internal,
}

impl ErrorKind {
    /// The process's exit code for an error of this kind (see the README).
    pub fn exit_code(self) -> u8 {
        match self {
            ErrorKind::OutputClosed => 0,
            ErrorKind::Interrupted => 130,
            ErrorKind::Usage | ErrorKind::Data | ErrorKind::Io | ErrorKind::Internal => 2,
        }
    }

    /// Whether an error of this kind is reported on stderr.
    pub fn is_reported(self) -> bool {
        !matches!(self, ErrorKind::OutputClosed | ErrorKind::Interrupted)
    }
}

/// An error that means "the user stopped us" (exit 130), not "something broke".
#[derive(Debug, thiserror::Error)]
#[error("interrupted")]
pub struct Interrupted;

/// A failed command: what went wrong (with its causes), its kind, and hints on what
/// to do about it.
#[derive(Debug)]
pub struct CommandError {
    kind: ErrorKind,
    error: anyhow::Error,
    hints: Vec<String>,
}

impl CommandError {
    /// An error of `kind`.
    pub fn new(kind: ErrorKind, error: impl Into<anyhow::Error>) -> CommandError {
        CommandError {
            kind,
            error: error.into(),
            hints: Vec::new(),
        }
    }

    /// A usage error with this message.
    pub fn usage(message: impl fmt::Display) -> CommandError {
        CommandError::new(ErrorKind::Usage, anyhow::anyhow!("{message}"))
    }

    /// A data error with this message.
    pub fn data(message: impl fmt::Display) -> CommandError {
        CommandError::new(ErrorKind::Data, anyhow::anyhow!("{message}"))
    }

    /// An error about what a file holds (a malformed row, a missing column): a data
    /// error, unless one of its causes says otherwise (an I/O failure, say).
    pub fn from_data(error: impl Into<anyhow::Error>) -> CommandError {
        let error = error.into();
        CommandError::new(kind_of(&error).unwrap_or(ErrorKind::Data), error)
    }

    /// The same error with a `hint:` line added.
    #[must_use]
    pub fn hint(mut self, hint: impl Into<String>) -> CommandError {
        self.hints.push(hint.into());
        self
    }

    /// What kind of failure this is.
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// The error and its causes, outermost first.
    pub fn chain(&self) -> impl Iterator<Item = &(dyn std::error::Error + 'static)> {
        self.error.chain()
    }

    /// The hints, in the order they were added; an internal error ends with where to
    /// report it.
    pub fn hints(&self) -> Vec<&str> {
        let mut hints: Vec<&str> = self.hints.iter().map(String::as_str).collect();
        if self.kind == ErrorKind::Internal {
            hints.push("this is a bug in recall; please report it with the command that caused it");
        }
        hints
    }
}

impl<E: Into<anyhow::Error>> From<E> for CommandError {
    /// Sorts an error into its kind by what it (or any of its causes) is.
    fn from(error: E) -> CommandError {
        let error = error.into();
        let kind = kind_of(&error).unwrap_or(ErrorKind::Usage);
        let mut command_error = CommandError::new(kind, error);
        if let Some(LoadError::NotFound { .. }) = command_error.error.downcast_ref::<LoadError>() {
            command_error = command_error.hint(
                "with no paths, recall reads $RECALL_BANKS, else ./banks, else its built-in banks",
            );
        }
        command_error
    }
}

/// The kind of an error from its causes: the first one recall knows decides; `None`
/// when it knows none (a plain message, which `From` takes for a usage error: it was
/// written for the person who asked).
fn kind_of(error: &anyhow::Error) -> Option<ErrorKind> {
    let chain = || error.chain();
    if chain().any(|cause| cause.is::<Interrupted>()) {
        return Some(ErrorKind::Interrupted);
    }
    let io_kind = |cause: &(dyn std::error::Error + 'static)| {
        cause.downcast_ref::<io::Error>().map(io::Error::kind)
    };
    if chain().any(|cause| io_kind(cause) == Some(io::ErrorKind::BrokenPipe)) {
        return Some(ErrorKind::OutputClosed);
    }
    chain().find_map(|cause| {
        if let Some(error) = cause.downcast_ref::<StoreError>() {
            return Some(match error {
                StoreError::CreateFolder { .. }
                | StoreError::Inspect { .. }
                | StoreError::FolderNotWritable { .. }
                | StoreError::DiskFull { .. }
                | StoreError::Busy { .. }
                | StoreError::Sqlite { .. } => ErrorKind::Io,
                StoreError::NoSuchReview(_) | StoreError::NotLatest(_) => ErrorKind::Usage,
                _ => ErrorKind::Data,
            });
        }
        if let Some(error) = cause.downcast_ref::<ConfigError>() {
            return Some(match error {
                ConfigError::Read { .. } => ErrorKind::Io,
                ConfigError::Missing { .. } => ErrorKind::Usage,
                ConfigError::Invalid(_) => ErrorKind::Data,
            });
        }
        if let Some(error) = cause.downcast_ref::<LoadError>() {
            return Some(match error {
                LoadError::NotFound { .. } => ErrorKind::Usage,
                LoadError::Io { .. } => ErrorKind::Io,
            });
        }
        if cause.is::<ScheduleError>() {
            return Some(ErrorKind::Data);
        }
        if cause.is::<NoDataDirectory>() || cause.is::<BadNow>() {
            return Some(ErrorKind::Usage);
        }
        io_kind(cause).map(|_| ErrorKind::Io)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use anyhow::Context as _;

    #[test]
    fn kinds_come_from_the_causes() {
        let io = || io::Error::from(io::ErrorKind::PermissionDenied);
        assert_eq!(CommandError::from(io()).kind(), ErrorKind::Io);
        let wrapped = Err::<(), _>(io()).context("cannot write out.csv");
        assert_eq!(
            CommandError::from(wrapped.unwrap_err()).kind(),
            ErrorKind::Io
        );
        let pipe = io::Error::from(io::ErrorKind::BrokenPipe);
        assert_eq!(CommandError::from(pipe).kind(), ErrorKind::OutputClosed);
        let stopped = anyhow::Error::from(Interrupted).context("the session");
        assert_eq!(CommandError::from(stopped).kind(), ErrorKind::Interrupted);
        assert_eq!(CommandError::from(NoDataDirectory).kind(), ErrorKind::Usage);
        let message = || anyhow::anyhow!("no bank `x`");
        assert_eq!(CommandError::from(message()).kind(), ErrorKind::Usage);
        assert_eq!(CommandError::from_data(message()).kind(), ErrorKind::Data);
        let unreadable = anyhow::Error::from(io()).context("cannot read answers.csv");
        assert_eq!(CommandError::from_data(unreadable).kind(), ErrorKind::Io);
    }

    #[test]
    fn the_kind_decides_the_exit_code() {
        assert_eq!(ErrorKind::Usage.exit_code(), 2);
        assert_eq!(ErrorKind::Data.exit_code(), 2);
        assert_eq!(ErrorKind::Io.exit_code(), 2);
        assert_eq!(ErrorKind::Internal.exit_code(), 2);
        assert_eq!(ErrorKind::Interrupted.exit_code(), 130);
        assert_eq!(ErrorKind::OutputClosed.exit_code(), 0);
        assert!(!ErrorKind::Interrupted.is_reported());
    }

    #[test]
    fn hints_follow_the_error_and_an_internal_error_says_where_to_report_it() {
        let error = CommandError::usage("no bank `x`").hint("`recall list` shows the banks");
        assert_eq!(error.hints(), ["`recall list` shows the banks"]);
        let bug = CommandError::new(ErrorKind::Internal, anyhow::anyhow!("impossible"));
        assert!(
            bug.hints()[0].contains("bug in recall"),
            "{:?}",
            bug.hints()
        );
    }
}
