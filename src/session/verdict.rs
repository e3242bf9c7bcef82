//! What a session gives back for an answer: the learner's answer as given, the verdict
//! on it, the rated answer, an answer kept unsaved when its commit failed, and what an
//! undo took back.

use super::{Mark, NewReview, ReviewId};
use crate::grade::Grade;
use crate::schedule::Rating;
use chrono::{DateTime, Utc};

/// What the learner gave for the current question.
#[derive(Debug, Clone, PartialEq)]
pub enum Answer {
    /// Positions among the choices *as shown* (after shuffling).
    Choices(Vec<usize>),
    /// A free-text answer; empty means "I don't know".
    Text(String),
}

/// The verdict on one answer.
#[derive(Debug, Clone)]
pub struct Verdict {
    /// Whether the answer was right (a text answer passed its rubric).
    pub correct: bool,
    /// The score in [0, 1].
    pub score: f64,
    /// Chosen choices as indices into the bank's choices.
    pub chosen: Vec<usize>,
    /// Chosen choices as positions among the choices as shown (their letters are the
    /// ones the learner saw), sorted.
    pub shown: Vec<usize>,
    /// The rubric's breakdown, for text answers.
    pub grade: Option<Grade>,
    /// The rating the verdict suggests.
    pub suggested: Rating,
    /// The answer as recorded: choice letters as in the bank (`A,C`), or the text.
    pub answer_text: String,
    /// Milliseconds from the question being shown to the answer being given.
    pub elapsed_ms: u64,
    /// The question's target answer time in milliseconds, when it has one.
    pub target_ms: Option<u64>,
    /// How many hints the learner took before answering.
    pub hints: usize,
}

impl Verdict {
    /// Whether the answer took longer than the question's target time.
    pub fn over_time(&self) -> bool {
        self.target_ms
            .is_some_and(|target| self.elapsed_ms > target)
    }

    /// Whether this is a text answer left empty ("I don't know").
    pub fn is_blank(&self) -> bool {
        self.grade.is_some() && self.answer_text.trim().is_empty()
    }
}

/// One rated answer.
#[derive(Debug, Clone)]
pub struct Rated {
    /// The verdict on the answer.
    pub verdict: Verdict,
    /// The rating given.
    pub rating: Rating,
    /// The recorded review's id (for undo).
    pub review_id: ReviewId,
    /// When the question is next due, when the answer moved its schedule.
    pub due: Option<DateTime<Utc>>,
}

/// A rated answer whose commit failed and that the learner chose not to retry: kept so
/// that the caller can save it elsewhere (a recovery file) rather than lose it.
#[derive(Debug, Clone, PartialEq)]
pub struct Unsaved {
    /// The review as it would have been recorded.
    pub review: NewReview,
    /// When it was rated.
    pub answered_at: DateTime<Utc>,
}

/// What [`Session::undo`] took back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Undone {
    /// An answer not yet rated: forgotten, the question is asked again.
    Unrated,
    /// The last rated answer: reverted in the store, its question asked again.
    Answer,
    /// The last mark (suspend, bury, reset): reverted, its question asked again.
    Mark(Mark),
    /// Nothing: the step could not be undone because another session has since
    /// answered or marked its question. The step stays; the next undo goes further back.
    Superseded,
    /// There was nothing to undo.
    Nothing,
}
