//! Answers that could not be saved, kept in a file beside the database until they can.
//!
//! When a commit fails (a full disk, a database another program holds, one that cannot
//! be written) and the learner quits rather than retry, the session hands its unsaved
//! answers over (`session::Unsaved`); they are written here, to `recall.db.unsaved` next
//! to `recall.db`, one JSON object per line, so that nothing a learner typed is lost.
//! The next study session offers to import them ([`Store::import_unsaved`]), each with
//! the time it was given (or just after its question's latest answer, when another
//! session has answered it since, so the log's order stays the order of time).
//!
//! The file is replaced whole (written to a temporary file in the same folder, then
//! renamed), so a crash never leaves half of it.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::{QuestionKey, Store, StoreError};
use crate::schedule::{Rating, Scheduler};
use crate::session::{Mode, NewReview, Unsaved, is_concept_outcomes};

/// The recovery file of the database at `database`.
pub fn path_for(database: &Path) -> PathBuf {
    crate::paths::beside(database, ".unsaved")
}

/// What the recovery file holds, line by line.
#[derive(Debug, Serialize, Deserialize)]
struct Line {
    bank: String,
    question: String,
    mode: String,
    answer: String,
    #[serde(default)]
    choice_order: Vec<usize>,
    score: Option<f64>,
    suggested: Option<Rating>,
    rating: Rating,
    duration_ms: u64,
    reschedules: bool,
    /// The question's version (absent in files written before versions were kept).
    #[serde(default)]
    version: Option<String>,
    /// Hints taken before answering (absent in files written before hints were kept).
    #[serde(default)]
    hints: u32,
    /// What the rubric's concepts did (absent in files written before they were kept,
    /// and for a choice answer).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    concepts: Option<String>,
    /// RFC 3339, UTC.
    answered_at: String,
}

impl From<&Unsaved> for Line {
    fn from(unsaved: &Unsaved) -> Line {
        let review = &unsaved.review;
        Line {
            bank: review.key.bank.clone(),
            question: review.key.question.clone(),
            mode: review.mode.name().to_owned(),
            answer: review.answer.clone(),
            choice_order: review.choice_order.clone(),
            score: review.score,
            suggested: review.suggested,
            rating: review.rating,
            duration_ms: review.duration_ms,
            reschedules: review.reschedules,
            version: review.version.clone(),
            hints: review.hints,
            concepts: review.concepts.clone(),
            answered_at: unsaved.answered_at.to_rfc3339(),
        }
    }
}

/// Why the recovery file could not be used.
#[derive(Debug, thiserror::Error)]
pub enum RecoveryError {
    /// Reading or writing the file failed.
    #[error("{}: {source}", path.display())]
    Io {
        /// The recovery file.
        path: PathBuf,
        /// What the operating system said.
        source: io::Error,
    },
    /// A line of the file is not an answer recall wrote.
    #[error("{}:{line}: not an answer recall wrote ({reason}); fix or remove that line", path.display())]
    Malformed {
        /// The recovery file.
        path: PathBuf,
        /// The line, from 1.
        line: usize,
        /// What is wrong with it.
        reason: String,
    },
}

/// The unsaved answers kept at `path`, oldest first; none when there is no file.
pub fn read(path: &Path) -> Result<Vec<Unsaved>, RecoveryError> {
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(error) if error.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(source) => {
            return Err(RecoveryError::Io {
                path: path.to_path_buf(),
                source,
            });
        }
    };
    let malformed = |line: usize, reason: String| RecoveryError::Malformed {
        path: path.to_path_buf(),
        line,
        reason,
    };
    let mut unsaved = Vec::new();
    for (number, text) in text.lines().enumerate() {
        if text.trim().is_empty() {
            continue;
        }
        let line: Line =
            serde_json::from_str(text).map_err(|e| malformed(number + 1, e.to_string()))?;
        let mode = Mode::from_name(&line.mode)
            .ok_or_else(|| malformed(number + 1, format!("unknown mode `{}`", line.mode)))?;
        let answered_at = DateTime::parse_from_rfc3339(&line.answered_at)
            .map_err(|e| malformed(number + 1, format!("answered_at: {e}")))?
            .with_timezone(&Utc);
        if let Some(concepts) = line.concepts.as_deref()
            && !is_concept_outcomes(concepts)
        {
            return Err(malformed(
                number + 1,
                format!("concepts: `{concepts}` is not concept outcomes"),
            ));
        }
        unsaved.push(Unsaved {
            review: NewReview {
                key: QuestionKey::new(line.bank, line.question),
                mode,
                answer: line.answer,
                choice_order: line.choice_order,
                score: line.score,
                suggested: line.suggested,
                rating: line.rating,
                duration_ms: line.duration_ms,
                reschedules: line.reschedules,
                hints: line.hints,
                version: line.version,
                concepts: line.concepts,
            },
            answered_at,
        });
    }
    Ok(unsaved)
}

/// Replaces the file at `path` with `unsaved` (removes it when there is none).
pub fn write(path: &Path, unsaved: &[Unsaved]) -> Result<(), RecoveryError> {
    let io_error = |source| RecoveryError::Io {
        path: path.to_path_buf(),
        source,
    };
    if unsaved.is_empty() {
        return match std::fs::remove_file(path) {
            Err(error) if error.kind() != io::ErrorKind::NotFound => Err(io_error(error)),
            _ => Ok(()),
        };
    }
    let mut text = String::new();
    for answer in unsaved {
        let line = serde_json::to_string(&Line::from(answer))
            .map_err(|e| io_error(io::Error::other(e)))?;
        text.push_str(&line);
        text.push('\n');
    }
    let mut temporary = path.as_os_str().to_owned();
    temporary.push(format!(".tmp-{}", std::process::id()));
    let temporary = PathBuf::from(temporary);
    let written = std::fs::File::create(&temporary).and_then(|mut file| {
        file.write_all(text.as_bytes())?;
        file.sync_all()
    });
    if let Err(error) = written.and_then(|()| std::fs::rename(&temporary, path)) {
        let _ = std::fs::remove_file(&temporary);
        return Err(io_error(error));
    }
    Ok(())
}

/// Adds `unsaved` to the answers kept at `path`.
pub fn keep(path: &Path, unsaved: &[Unsaved]) -> Result<(), RecoveryError> {
    let mut all = read(path)?;
    all.extend_from_slice(unsaved);
    write(path, &all)
}

impl Store {
    /// Records answers kept in a recovery file, oldest first, each at the time it was
    /// given, or just after its question's latest answer when that is later (another
    /// session answered it since). Stops at the first that fails; returns how many were
    /// recorded (the caller keeps the rest).
    pub fn import_unsaved(
        &mut self,
        unsaved: &[Unsaved],
        scheduler: &Scheduler,
    ) -> Result<usize, (usize, StoreError)> {
        for (done, answer) in unsaved.iter().enumerate() {
            let last = self
                .history(&answer.review.key)
                .map_err(|e| (done, e))?
                .last()
                .map(|review| review.reviewed_at);
            let at = match last {
                Some(last) if last >= answer.answered_at => {
                    last + chrono::TimeDelta::microseconds(1)
                }
                _ => answer.answered_at,
            };
            self.record(&answer.review, scheduler, at)
                .map_err(|e| (done, e))?;
        }
        Ok(unsaved.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schedule::SchedulerConfig;

    fn unsaved(question: &str, minute: i64) -> Unsaved {
        Unsaved {
            review: NewReview {
                key: QuestionKey::new("b", question),
                mode: Mode::Drill,
                answer: "C".to_owned(),
                choice_order: vec![2, 0, 1],
                score: Some(0.0),
                suggested: Some(Rating::Again),
                rating: Rating::Again,
                duration_ms: 1200,
                reschedules: true,
                hints: 0,
                version: None,
                concepts: None,
            },
            answered_at: DateTime::from_timestamp(1_767_614_400 + minute * 60, 0)
                .unwrap_or_default(),
        }
    }

    #[test]
    fn kept_answers_round_trip_and_import_in_order() {
        let dir = tempfile::tempdir().unwrap();
        let database = dir.path().join("recall.db");
        let path = path_for(&database);
        assert_eq!(path, dir.path().join("recall.db.unsaved"));
        assert!(read(&path).unwrap().is_empty());
        keep(&path, &[unsaved("q1", 0)]).unwrap();
        keep(&path, &[unsaved("q2", 1)]).unwrap();
        let kept = read(&path).unwrap();
        assert_eq!(kept, vec![unsaved("q1", 0), unsaved("q2", 1)]);

        let mut store = Store::open(&database).unwrap();
        let scheduler = Scheduler::new(SchedulerConfig::default()).unwrap();
        // Another session answered q2 after it was kept: the import goes after it.
        let mut later = unsaved("q2", 5).review;
        later.rating = Rating::Good;
        store
            .record(&later, &scheduler, unsaved("q2", 5).answered_at)
            .unwrap();
        assert_eq!(store.import_unsaved(&kept, &scheduler).ok(), Some(2));
        let history = store.history(&QuestionKey::new("b", "q2")).unwrap();
        assert_eq!(history.len(), 2);
        assert!(history[1].reviewed_at > history[0].reviewed_at);
        assert_eq!(history[1].choice_order, vec![2, 0, 1]);
        write(&path, &[]).unwrap();
        assert!(!path.exists());
    }

    #[test]
    fn a_damaged_line_is_named() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("recall.db.unsaved");
        std::fs::write(&path, "\n{\"bank\": 3}\n").unwrap();
        let error = read(&path).unwrap_err().to_string();
        assert!(error.contains("recall.db.unsaved:2:"), "{error}");
    }
}
