//! What a session hands on when the learner rates an answer: the review to record
//! ([`NewReview`]), the question it is about ([`QuestionKey`]), how the question was asked
//! ([`Mode`]), and the [`Recorder`] that keeps it and gives back a [`ReviewId`] for undo.
//!
//! These are defined here, with the session that makes them, and kept by the store
//! (`crate::store`), which depends on them; the session never depends on the store. A
//! recorded review, as read back from the log, is `store::Review`: these fields plus what
//! the log adds (its id, its time, the card's state before it).

use std::fmt;

use crate::schedule::Rating;

/// How the learner is studying (drill, quiz, interview); stored with every review.
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
    /// Every mode, in the order the commands are listed.
    pub const ALL: [Mode; 3] = [Mode::Drill, Mode::Quiz, Mode::Interview];

    /// The lower-case name used in the review log and in JSON output.
    pub fn name(self) -> &'static str {
        match self {
            Mode::Drill => "drill",
            Mode::Quiz => "quiz",
            Mode::Interview => "interview",
        }
    }

    /// The mode for a stored name, `None` for anything else.
    pub fn from_name(name: &str) -> Option<Mode> {
        Mode::ALL.into_iter().find(|mode| mode.name() == name)
    }
}

/// A question's identity in the review log: its bank id and question id. Progress
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

/// The id a recorder gives a review: in the program, its row in the review log.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ReviewId(pub i64);

impl fmt::Display for ReviewId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{}", self.0)
    }
}

/// A rated answer, to be recorded.
#[derive(Clone, Debug, PartialEq)]
pub struct NewReview {
    /// The question answered.
    pub key: QuestionKey,
    /// How it was asked.
    pub mode: Mode,
    /// What the learner answered: choice letters as in the bank (`A,C`), or the text.
    pub answer: String,
    /// The grader's score from 0 to 1, when it graded (a session always does).
    pub score: Option<f64>,
    /// The rating the grader suggested (a session always suggests one).
    pub suggested: Option<Rating>,
    /// The rating the learner chose; this is what schedules the question.
    pub rating: Rating,
    /// Milliseconds from the question being shown to the answer being given.
    pub duration_ms: u64,
    /// Whether the answer moves the question's schedule. A quiz answer to a question
    /// that is not due is only logged (false): the question keeps its schedule, and
    /// replays of the log skip it.
    pub reschedules: bool,
    /// The version of the question as it was asked (`Question::version`), for item
    /// analysis; scheduling follows the key, never the version.
    pub version: Option<String>,
}

/// Where rated answers go: the store in the program, a vector in tests.
pub trait Recorder {
    /// Commits `review` and returns its id (for undo).
    fn record(&mut self, review: &NewReview) -> anyhow::Result<ReviewId>;
    /// Reverts the review `id`: removes it and restores the question's previous schedule.
    fn undo(&mut self, id: ReviewId) -> anyhow::Result<()>;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_mode_is_found_by_its_name() {
        for mode in Mode::ALL {
            assert_eq!(Mode::from_name(mode.name()), Some(mode));
        }
        assert_eq!(Mode::from_name("Drill"), None);
    }
}
