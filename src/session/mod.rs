//! A study session as a state machine: a list of questions in, answers and ratings in,
//! what to show next out.
//!
//! The three ways of studying (drill, quiz, interview) differ only in their options:
//! whether feedback comes at once, whether the learner rates each answer, whether the
//! answer moves the schedule. The session grades answers (letters directly, free text
//! through the [`Grader`]), suggests a rating, and hands each rated answer to a
//! [`Recorder`] (the store, in the real program) the moment it is rated, so quitting
//! loses nothing. It never reads a key or prints: the front ends in `crate::frontend`
//! do that, and tests drive it directly.

pub mod input;
pub mod report;
pub mod review;
pub mod select;

use crate::bank::{Bank, Question, Tier};
use crate::grade::{Grade, Grader};
use crate::schedule::Rating;
use rand::SeedableRng;
use rand::seq::SliceRandom;
use std::collections::BTreeMap;

pub use review::{Mode, NewReview, QuestionKey, Recorder, ReviewId};

/// One question of a session.
#[derive(Debug, Clone, Copy)]
pub struct Queued<'a> {
    /// The bank the question is in.
    pub bank: &'a Bank,
    /// The question.
    pub question: &'a Question,
    /// Whether rating this answer moves the question's schedule. A quiz answer to a
    /// question that is not due is logged but leaves the schedule alone (see
    /// [`NewReview::reschedules`]).
    pub schedules: bool,
}

/// How a session behaves.
#[derive(Debug, Clone)]
pub struct Settings {
    /// Drill, quiz or interview (recorded with every review).
    pub mode: Mode,
    /// Show the verdict after each answer (drill, interview, `quiz --feedback now`), or
    /// hold it for the report at the end (quiz).
    pub feedback_now: bool,
    /// Ask the learner to confirm or change the suggested rating; otherwise the
    /// suggestion is taken (`--auto-rate`, and quizzes).
    pub ask_rating: bool,
    /// Seeds the shuffling of choices.
    pub seed: u64,
}

/// What the learner gave for the current question.
#[derive(Debug, Clone, PartialEq)]
pub enum Answer {
    /// Positions among the choices *as shown* (after shuffling).
    Choices(Vec<usize>),
    /// A free-text answer.
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
    /// The rubric's breakdown, for text answers.
    pub grade: Option<Grade>,
    /// The rating the verdict suggests.
    pub suggested: Rating,
    /// The answer as recorded: choice letters as in the bank (`A,C`), or the text.
    pub answer_text: String,
    /// Milliseconds from the question being shown to the answer being given.
    pub elapsed_ms: u64,
}

/// What happened to one question by the end.
#[derive(Debug, Clone)]
pub struct Rated {
    /// The verdict on the answer.
    pub verdict: Verdict,
    /// The rating given.
    pub rating: Rating,
    /// The recorded review's id (for undo).
    pub review_id: ReviewId,
}

/// Where the session is.
#[derive(Debug, Clone)]
enum Phase {
    /// Showing the question at the front of `pending`.
    Asking,
    /// Answered; waiting for the rating.
    Rating(Verdict),
    Finished,
}

/// A study session over a list of questions: ask, take the answer, grade it, take the
/// rating, record it, move on (or skip, undo, quit). It holds no terminal and prints
/// nothing; a front end shows what [`Session::ask`] returns and feeds back what the
/// learner gives.
pub struct Session<'a> {
    options: Settings,
    entries: Vec<Queued<'a>>,
    /// Display order of each entry's choices (indices into the bank's choices).
    orders: Vec<Vec<usize>>,
    /// Entries still to ask, front first.
    pending: Vec<usize>,
    phase: Phase,
    outcomes: Vec<Option<Rated>>,
    skipped: Vec<bool>,
    /// Rated entries, most recent last: what `undo` takes back.
    history: Vec<usize>,
}

/// The question being asked, with what a front end needs to show it.
#[derive(Debug, Clone, Copy)]
pub struct Ask<'s, 'a> {
    /// The question's entry in the session.
    pub entry: &'s Queued<'a>,
    /// Choice indices (into the bank's choices) in the order to show them.
    pub order: &'s [usize],
    /// 1-based position of this question among those answered or still to come.
    pub number: usize,
    /// How many questions the session has (answered, skipped and to come).
    pub total: usize,
}

impl<'a> Session<'a> {
    /// A session over `entries` in order, with its choices shuffled by `options.seed`.
    pub fn new(entries: Vec<Queued<'a>>, options: Settings) -> Session<'a> {
        let mut rng = rand::rngs::StdRng::seed_from_u64(options.seed);
        let orders = entries
            .iter()
            .map(|e| {
                let mut order: Vec<usize> = (0..e.question.choices.len()).collect();
                // True/false keeps its natural order; other choices are shuffled so that
                // position is never the cue.
                if !e.question.true_false {
                    order.shuffle(&mut rng);
                }
                order
            })
            .collect();
        let count = entries.len();
        let phase = if count == 0 {
            Phase::Finished
        } else {
            Phase::Asking
        };
        Session {
            options,
            entries,
            orders,
            pending: (0..count).collect(),
            phase,
            outcomes: vec![None; count],
            skipped: vec![false; count],
            history: Vec::new(),
        }
    }

    /// How the session behaves.
    pub fn options(&self) -> &Settings {
        &self.options
    }

    /// Whether every question has been answered or skipped, or the session was quit.
    pub fn is_finished(&self) -> bool {
        matches!(self.phase, Phase::Finished)
    }

    /// The question to answer now, if the session is asking one.
    pub fn ask(&self) -> Option<Ask<'_, 'a>> {
        match self.phase {
            Phase::Asking => {
                let index = *self.pending.first()?;
                Some(Ask {
                    entry: &self.entries[index],
                    order: &self.orders[index],
                    number: self.answered() + 1,
                    total: self.answered() + self.pending.len(),
                })
            }
            _ => None,
        }
    }

    /// The verdict waiting for a rating, if any.
    pub fn awaiting_rating(&self) -> Option<&Verdict> {
        match &self.phase {
            Phase::Rating(verdict) => Some(verdict),
            _ => None,
        }
    }

    fn current(&self) -> Option<usize> {
        self.pending.first().copied()
    }

    fn answered(&self) -> usize {
        self.outcomes.iter().filter(|o| o.is_some()).count()
    }

    /// Grades `answer` to the current question and moves on to the rating. Choice
    /// positions out of range are ignored (the front ends validate them first).
    pub fn answer(&mut self, answer: Answer, elapsed_ms: u64, grader: &Grader) -> Option<&Verdict> {
        let index = self
            .current()
            .filter(|_| matches!(self.phase, Phase::Asking))?;
        let entry = self.entries[index];
        let question = entry.question;
        let verdict = match answer {
            Answer::Choices(shown) => {
                let order = &self.orders[index];
                let mut chosen: Vec<usize> = shown
                    .iter()
                    .filter_map(|&p| order.get(p).copied())
                    .collect();
                chosen.sort_unstable();
                chosen.dedup();
                let correct = chosen == question.answer;
                let answer_text = chosen
                    .iter()
                    .map(|&i| crate::bank::letter(i))
                    .collect::<Vec<_>>()
                    .join(",");
                Verdict {
                    correct,
                    score: if correct { 1.0 } else { 0.0 },
                    chosen,
                    grade: None,
                    suggested: if correct { Rating::Good } else { Rating::Again },
                    answer_text,
                    elapsed_ms,
                }
            }
            Answer::Text(text) => {
                let grade = grader.grade(entry.bank, question, &text);
                Verdict {
                    correct: grade.passed,
                    score: grade.score,
                    chosen: Vec::new(),
                    suggested: suggest(&grade),
                    grade: Some(grade),
                    answer_text: text,
                    elapsed_ms,
                }
            }
        };
        self.phase = Phase::Rating(verdict);
        self.awaiting_rating()
    }

    /// Rates the answered question, records it, and moves to the next question.
    pub fn rate(&mut self, rating: Rating, recorder: &mut dyn Recorder) -> anyhow::Result<()> {
        let Phase::Rating(verdict) = &self.phase else {
            return Ok(());
        };
        let Some(index) = self.current() else {
            return Ok(());
        };
        let entry = &self.entries[index];
        let review = NewReview {
            key: QuestionKey::new(&entry.bank.id, &entry.question.id),
            mode: self.options.mode,
            answer: verdict.answer_text.clone(),
            score: Some(verdict.score),
            suggested: Some(verdict.suggested),
            rating,
            duration_ms: verdict.elapsed_ms,
            reschedules: entry.schedules,
            version: Some(entry.question.version()),
        };
        let review_id = recorder.record(&review)?;
        self.outcomes[index] = Some(Rated {
            verdict: verdict.clone(),
            rating,
            review_id,
        });
        self.skipped[index] = false;
        self.history.push(index);
        self.pending.remove(0);
        self.phase = if self.pending.is_empty() {
            Phase::Finished
        } else {
            Phase::Asking
        };
        Ok(())
    }

    /// Leaves the current question unanswered; it is not asked again this session.
    pub fn skip(&mut self) {
        if let Some(index) = self.current() {
            self.skipped[index] = true;
            self.pending.remove(0);
            self.phase = if self.pending.is_empty() {
                Phase::Finished
            } else {
                Phase::Asking
            };
        }
    }

    /// Takes back the last step: an answer not yet rated is simply forgotten; otherwise
    /// the last rated answer is reverted in the store and its question asked again.
    /// Returns false when there is nothing to undo.
    pub fn undo(&mut self, recorder: &mut dyn Recorder) -> anyhow::Result<bool> {
        if matches!(self.phase, Phase::Rating(_)) {
            self.phase = Phase::Asking;
            return Ok(true);
        }
        let Some(index) = self.history.pop() else {
            return Ok(false);
        };
        if let Some(outcome) = self.outcomes[index].take() {
            recorder.undo(outcome.review_id)?;
        }
        self.pending.insert(0, index);
        self.phase = Phase::Asking;
        Ok(true)
    }

    /// Ends the session now.
    pub fn quit(&mut self) {
        self.phase = Phase::Finished;
    }

    /// Everything answered so far, in the order of the session's list.
    pub fn outcomes(&self) -> impl Iterator<Item = (&Queued<'a>, &Rated)> {
        self.entries
            .iter()
            .zip(&self.outcomes)
            .filter_map(|(e, o)| o.as_ref().map(|o| (e, o)))
    }

    /// The numbers at the end of a session.
    pub fn tally(&self) -> Tally {
        let mut tally = Tally {
            total: self.entries.len(),
            ..Tally::default()
        };
        for (entry, outcome) in self.outcomes() {
            tally.answered += 1;
            tally.elapsed_ms += outcome.verdict.elapsed_ms;
            if outcome.verdict.correct {
                tally.right += 1;
            }
            if let Some(tier) = entry.question.tier {
                let t = tally.tiers.entry(tier).or_default();
                t.answered += 1;
                t.score_sum += outcome.verdict.score;
                if outcome.verdict.correct {
                    t.passed += 1;
                }
            }
        }
        tally.skipped = self.skipped.iter().filter(|&&s| s).count();
        tally.unanswered = tally.total - tally.answered - tally.skipped;
        tally
    }
}

/// Counts for the summary.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Tally {
    /// Questions in the session.
    pub total: usize,
    /// Questions answered (and rated).
    pub answered: usize,
    /// Answers that were right.
    pub right: usize,
    /// Questions skipped.
    pub skipped: usize,
    /// Left when the session was quit or input ended.
    pub unanswered: usize,
    /// Time spent answering, in milliseconds.
    pub elapsed_ms: u64,
    /// Interview answers by tier.
    pub tiers: BTreeMap<Tier, TierTally>,
}

/// How the answers of one interview tier went.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct TierTally {
    /// Answers in the tier.
    pub answered: usize,
    /// Those that passed.
    pub passed: usize,
    /// Their scores added up (see [`TierTally::mean_score`]).
    pub score_sum: f64,
}

impl TierTally {
    /// The mean score of the tier's answers; 0 with none.
    pub fn mean_score(&self) -> f64 {
        if self.answered == 0 {
            0.0
        } else {
            self.score_sum / self.answered as f64
        }
    }
}

/// The rating a grade suggests: failed is Again, a pass with a middling score is Hard,
/// a clear pass is Good. Easy is the learner's own call.
pub fn suggest(grade: &Grade) -> Rating {
    if !grade.passed {
        Rating::Again
    } else if grade.score < HARD_BELOW {
        Rating::Hard
    } else {
        Rating::Good
    }
}

/// A passing score under this suggests Hard rather than Good.
pub const HARD_BELOW: f64 = 0.8;

#[cfg(test)]
mod tests;
