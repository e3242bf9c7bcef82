//! What a session hands on: the review to record when the learner rates an answer
//! ([`NewReview`]), the learner's own marks on a question ([`Mark`]: suspend, bury,
//! reset), the question they are about ([`QuestionKey`]), how the question was asked
//! ([`Mode`]), and the [`Recorder`] that keeps them and gives back a [`ReviewId`] for
//! undo, or says why it could not ([`RecordError`]).
//!
//! These are defined here, with the session that makes them, and kept by the store
//! (`crate::store`), which depends on them; the session never depends on the store. A
//! recorded review, as read back from the log, is `store::Review`: these fields plus what
//! the log adds (its id, its time, the card's state before it).

use std::fmt;
use std::time::Duration;

use chrono::{DateTime, Utc};

use crate::bank::letter;
use crate::grade::Grade;
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

    /// The key of `bank` and `question` as a 128-bit hash, so that finding a review's
    /// question takes one lookup that reads no text of the banks (two keys hash alike
    /// with a probability of about one in 10^38). The xxh3 of the bank id's length
    /// (8 bytes, little-endian), the bank id and the question id.
    pub fn hash128(bank: &str, question: &str) -> u128 {
        let mut key = [0u8; 256];
        let length = 8 + bank.len() + question.len();
        if length > key.len() {
            let mut hasher = xxhash_rust::xxh3::Xxh3::new();
            hasher.update(&(bank.len() as u64).to_le_bytes());
            hasher.update(bank.as_bytes());
            hasher.update(question.as_bytes());
            return hasher.digest128();
        }
        key[..8].copy_from_slice(&(bank.len() as u64).to_le_bytes());
        key[8..8 + bank.len()].copy_from_slice(bank.as_bytes());
        key[8 + bank.len()..length].copy_from_slice(question.as_bytes());
        xxhash_rust::xxh3::xxh3_128(&key[..length])
    }
}

impl fmt::Display for QuestionKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.bank, self.question)
    }
}

/// The id a recorder gives a review or a mark: in the program, its place in the log
/// (answers and marks share one sequence of ids, so their order is one order).
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
    /// The bank's letters, not the shown ones, so that statistics survive shuffling.
    pub answer: String,
    /// The order the choices were shown in, as indices into the bank's choices (empty
    /// for a text question): with it, the letters the learner saw can be told again.
    pub choice_order: Vec<usize>,
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
    /// How many hints the learner took before answering (0: none).
    pub hints: u32,
    /// What each concept of the rubric did in a graded text answer, in the rubric's
    /// order ([`concept_outcomes`]); `None` for a choice answer. Item analysis counts
    /// these instead of grading the answer again.
    pub concepts: Option<String>,
}

/// A concept the answer states, in [`concept_outcomes`].
pub const CONCEPT_MATCHED: u8 = b'm';
/// A concept the answer lacks.
pub const CONCEPT_MISSED: u8 = b'.';
/// A concept the answer mentions only negated (or turned round), so it did not count.
pub const CONCEPT_NEGATED: u8 = b'n';

/// What each concept of `grade`'s rubric did, one character per concept in the
/// rubric's order: [`CONCEPT_MATCHED`] `m`, [`CONCEPT_MISSED`] `.`, [`CONCEPT_NEGATED`]
/// `n` (`m.mn`: the first and third matched, the second missed, the fourth negated).
/// Letters and a dot, so that no spreadsheet reads an exported cell as a formula or a
/// number.
pub fn concept_outcomes(grade: &Grade) -> String {
    grade
        .concepts
        .iter()
        .map(|concept| {
            char::from(match (concept.matched.is_some(), concept.negated) {
                (true, _) => CONCEPT_MATCHED,
                (false, false) => CONCEPT_MISSED,
                (false, true) => CONCEPT_NEGATED,
            })
        })
        .collect()
}

/// Whether `text` is a [`concept_outcomes`] text (an empty one too: a rubric of no
/// concepts).
pub fn is_concept_outcomes(text: &str) -> bool {
    text.bytes()
        .all(|b| matches!(b, CONCEPT_MATCHED | CONCEPT_MISSED | CONCEPT_NEGATED))
}

/// What a committed review gives back.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Saved {
    /// The review's id (for undo).
    pub id: ReviewId,
    /// When the question is next due, when the review moved its schedule.
    pub due: Option<DateTime<Utc>>,
}

/// A learner's own decision about a question, kept in the log beside the answers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Mark {
    /// Leave the question out of drills until it is unsuspended.
    Suspend,
    /// Bring a suspended question back.
    Unsuspend,
    /// Leave the question out of drills until the next study day.
    Bury,
    /// Forget the question's progress: it is new again (its answers stay in the log).
    Reset,
}

impl Mark {
    /// Every mark.
    pub const ALL: [Mark; 4] = [Mark::Suspend, Mark::Unsuspend, Mark::Bury, Mark::Reset];

    /// The lower-case name used in the log, in JSON and in `:suspend`-style commands.
    pub fn name(self) -> &'static str {
        match self {
            Mark::Suspend => "suspend",
            Mark::Unsuspend => "unsuspend",
            Mark::Bury => "bury",
            Mark::Reset => "reset",
        }
    }

    /// The mark for a stored name, `None` for anything else.
    pub fn from_name(name: &str) -> Option<Mark> {
        Mark::ALL.into_iter().find(|mark| mark.name() == name)
    }

    /// What it did, as a past participle: "suspended", "buried", "reset".
    pub fn done(self) -> &'static str {
        match self {
            Mark::Suspend => "suspended",
            Mark::Unsuspend => "unsuspended",
            Mark::Bury => "buried",
            Mark::Reset => "reset",
        }
    }
}

/// Why a recorder could not do what was asked.
#[derive(Debug, thiserror::Error)]
pub enum RecordError {
    /// Another program holds the database's write lock: trying again later may work.
    #[error("the database is busy: another program is writing to it")]
    Busy(#[source] Box<dyn std::error::Error + Send + Sync>),
    /// An undo of an answer or mark that another session has since followed with its
    /// own answer or mark to the same question: undoing it would rewrite their history.
    #[error("another session has answered or marked this question since")]
    Superseded,
    /// Anything else (a full disk, a database that cannot be written).
    #[error(transparent)]
    Failed(Box<dyn std::error::Error + Send + Sync>),
}

impl RecordError {
    /// Whether waiting and trying again may help.
    pub fn is_busy(&self) -> bool {
        matches!(self, RecordError::Busy(_))
    }
}

/// Where rated answers and marks go: the store in the program, a vector in tests.
pub trait Recorder {
    /// Commits `review`; returns its id (for undo) and when the question is next due.
    fn record(&mut self, review: &NewReview) -> Result<Saved, RecordError>;
    /// Commits `mark` on `key`; returns its id (for undo).
    fn mark(&mut self, key: &QuestionKey, mark: Mark) -> Result<ReviewId, RecordError>;
    /// Reverts the review or mark `id`: removes it and restores the question's previous
    /// schedule. [`RecordError::Superseded`] when something later follows it.
    fn undo(&mut self, id: ReviewId) -> Result<(), RecordError>;
    /// When the question would next be due after each rating (again, hard, good, easy)
    /// given at `now`, for the rating prompt (so that its intervals are counted from the
    /// very moment they are shown for); `None` when it cannot tell.
    fn preview(&mut self, key: &QuestionKey, now: DateTime<Utc>) -> Option<[DateTime<Utc>; 4]>;
}

/// How long to wait before each new try of a write the database was too busy for (each
/// try itself waits for the lock up to the store's busy timeout): about a minute and a
/// half in all, then the learner is asked.
pub const BUSY_BACKOFF: [Duration; 6] = [
    Duration::from_millis(250),
    Duration::from_millis(500),
    Duration::from_secs(1),
    Duration::from_secs(2),
    Duration::from_secs(4),
    Duration::from_secs(8),
];

/// Bank letters as recorded (`A,C`) told as the learner saw them, given the order the
/// choices were shown in (`choice_order`, bank indices); sorted, comma-separated. With
/// no order (a text answer, or a review from before orders were kept) the answer is
/// returned as it is.
pub fn shown_letters(answer: &str, choice_order: &[usize]) -> String {
    if choice_order.is_empty() {
        return answer.to_owned();
    }
    let mut shown: Vec<usize> = Vec::new();
    for part in answer.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        let Some(position) = crate::bank::letter_index(part)
            .and_then(|bank| choice_order.iter().position(|&i| i == bank))
        else {
            // Not a choice of this order: say what was recorded rather than guess.
            return answer.to_owned();
        };
        shown.push(position);
    }
    shown.sort_unstable();
    shown
        .iter()
        .map(|&p| letter(p))
        .collect::<Vec<_>>()
        .join(",")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bank_letters_are_told_as_shown() {
        // Shown A is the bank's C, shown B the bank's A, shown C the bank's B.
        let order = [2, 0, 1];
        assert_eq!(shown_letters("C", &order), "A");
        assert_eq!(shown_letters("A,C", &order), "A,B");
        assert_eq!(shown_letters("B", &[]), "B");
        assert_eq!(shown_letters("", &order), "");
        assert_eq!(shown_letters("Z", &order), "Z");
    }

    #[test]
    fn every_mark_is_found_by_its_name() {
        for mark in Mark::ALL {
            assert_eq!(Mark::from_name(mark.name()), Some(mark));
        }
        assert_eq!(Mark::from_name("forget"), None);
    }

    #[test]
    fn every_mode_is_found_by_its_name() {
        for mode in Mode::ALL {
            assert_eq!(Mode::from_name(mode.name()), Some(mode));
        }
        assert_eq!(Mode::from_name("Drill"), None);
    }
}
