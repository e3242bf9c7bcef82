//! A study session as a state machine: a list of questions in, answers and ratings in,
//! what to show next out.
//!
//! The three ways of studying (drill, quiz, interview) differ only in their options:
//! whether feedback comes at once, whether the learner rates each answer, whether the
//! answer moves the schedule, whether a question failed now comes back later in the same
//! session (a drill's relearning, within a learn-ahead window, as Anki does), whether
//! a question's follow-ups are asked after it and its answer timed against a target (an
//! interview). A hint taken ([`Session::take_hint`]) caps the suggested rating at Hard
//! and is recorded with the answer. The session
//! grades answers (letters directly, free text through the [`Grader`]), suggests a
//! rating, and hands each rated answer to a [`Recorder`] (the store, in the real
//! program) the moment it is rated, so quitting loses nothing. A rating is taken only
//! once its commit succeeds: when it fails the answer stays, to be retried or kept for
//! later ([`Session::keep_unsaved`]). It never reads a key or prints: the front ends in
//! `crate::frontend` do that, and tests drive it directly. Time comes from the one
//! [`Clock`].

mod controls;
pub mod input;
mod probe;
pub mod readiness;
pub mod report;
pub mod review;
pub mod select;
mod tally;
mod verdict;

use crate::bank::{Bank, Question};
use crate::clock::Clock;
use crate::grade::{Grade, Grader};
use crate::schedule::Rating;
use chrono::{DateTime, TimeDelta, Utc};
use rand::SeedableRng;
use rand::seq::SliceRandom;
use std::collections::VecDeque;

pub use review::{
    CONCEPT_MATCHED, CONCEPT_MISSED, CONCEPT_NEGATED, Mark, Mode, NewReview, QuestionKey,
    RecordError, Recorder, ReviewId, Saved, concept_outcomes, is_concept_outcomes, shown_letters,
};
pub use tally::{Tally, TierTally};
pub use verdict::{Answer, Rated, Undone, Unsaved, Verdict};

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

impl Queued<'_> {
    /// The question's key in the log.
    pub fn key(&self) -> QuestionKey {
        QuestionKey::new(&self.bank.id, &self.question.id)
    }
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
    /// In-session relearning (drills): a question whose next step falls due within this
    /// window of its answer is asked again later in the session, after the others; the
    /// session ends only when nothing is due within it. `None`: each question once.
    pub learn_ahead: Option<TimeDelta>,
    /// Ask a question's follow-ups (`[[question.follow_up]]`) right after its first
    /// answer is rated, those whose `when` the answer meets (interviews).
    pub follow_ups: bool,
}

/// Where the question being asked came from, so that an undo can put it back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Origin {
    /// The session's list.
    List,
    /// Relearning, due at this time.
    Relearning(DateTime<Utc>),
}

/// A step that undo can take back.
#[derive(Debug, Clone, Copy)]
enum Step {
    /// The entry's latest answer; `requeued` when it put the question back for
    /// relearning; `followed` follow-up entries it added (the last ones of the list).
    Answer {
        index: usize,
        requeued: bool,
        followed: usize,
    },
    /// A mark on the entry, with where the entry was asked from.
    Mark {
        index: usize,
        id: ReviewId,
        mark: Mark,
        origin: Origin,
    },
}

/// Where the session is.
#[derive(Debug, Clone)]
enum Phase {
    /// Showing the current question.
    Asking,
    /// Answered; waiting for the rating.
    Rating(Box<Verdict>),
    Finished,
}

/// A study session over a list of questions: ask, take the answer, grade it, take the
/// rating, record it, move on (or skip, mark, undo, quit). It holds no terminal and
/// prints nothing; a front end shows what [`Session::ask`] returns and feeds back what
/// the learner gives.
pub struct Session<'a> {
    options: Settings,
    clock: Clock,
    entries: Vec<Queued<'a>>,
    /// Display order of each entry's choices (indices into the bank's choices).
    orders: Vec<Vec<usize>>,
    /// The entry being asked, and where it came from.
    current: Option<(usize, Origin)>,
    /// Entries of the list still to ask, front first.
    pending: VecDeque<usize>,
    /// Entries to ask again (relearning), each with when it is due.
    relearning: Vec<(DateTime<Utc>, usize)>,
    phase: Phase,
    /// Every rated answer of each entry, oldest first.
    outcomes: Vec<Vec<Rated>>,
    skipped: Vec<bool>,
    /// The mark that took an entry out of the session.
    marked: Vec<Option<Mark>>,
    /// What undo takes back, most recent last.
    history: Vec<Step>,
    unsaved: Vec<Unsaved>,
    /// Hints taken on the question being asked.
    hints_taken: usize,
    /// The question being asked is on screen already (a hint was asked for).
    resumed: bool,
}

/// The question being asked, with what a front end needs to show it.
#[derive(Debug, Clone, Copy)]
pub struct Ask<'s, 'a> {
    /// The question's entry in the session.
    pub entry: &'s Queued<'a>,
    /// Choice indices (into the bank's choices) in the order to show them.
    pub order: &'s [usize],
    /// How many of the session's questions have been reached, this one included: a
    /// question back for relearning keeps the count where it was.
    pub number: usize,
    /// How many questions the session holds (a question that comes back for relearning
    /// counts once).
    pub total: usize,
    /// Whether the question is back for relearning (it was answered this session).
    pub again: bool,
    /// Whether it is a follow-up of the question answered just before.
    pub follow_up: bool,
    /// How many of its hints the learner has taken so far.
    pub hints_taken: usize,
    /// Whether the question is on screen already, and its time running: a hint was
    /// asked for (given or not) and the question is asked again.
    pub resumed: bool,
    /// The time the answer should take, in an interview (where answers are timed);
    /// `None` elsewhere, or for a question with no target.
    pub target: Option<std::time::Duration>,
}

/// A hint taken on the question being asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hint<'a> {
    /// Which hint it is, from 1.
    pub number: usize,
    /// How many hints the question has.
    pub total: usize,
    /// The hint.
    pub text: &'a str,
}

/// One question of the session with its rated answers (at least one).
#[derive(Debug, Clone, Copy)]
pub struct Answered<'s, 'a> {
    /// The question's entry.
    pub entry: &'s Queued<'a>,
    /// The order its choices were shown in (indices into the bank's choices).
    pub order: &'s [usize],
    /// Its rated answers, oldest first.
    pub answers: &'s [Rated],
}

impl Answered<'_, '_> {
    /// The first answer: what the report and the tally judge.
    pub fn first(&self) -> &Rated {
        // `Session::answered` only yields entries with an answer.
        &self.answers[0]
    }
}

impl<'a> Session<'a> {
    /// A session over `entries` in order, with its choices shuffled by `options.seed`,
    /// reading the time from `clock`.
    pub fn new(entries: Vec<Queued<'a>>, options: Settings, clock: Clock) -> Session<'a> {
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
        let mut session = Session {
            options,
            clock,
            entries,
            orders,
            current: None,
            pending: (0..count).collect(),
            relearning: Vec::new(),
            phase: Phase::Asking,
            outcomes: vec![Vec::new(); count],
            skipped: vec![false; count],
            marked: vec![None; count],
            history: Vec::new(),
            unsaved: Vec::new(),
            hints_taken: 0,
            resumed: false,
        };
        session.advance();
        session
    }

    /// How the session behaves.
    pub fn options(&self) -> &Settings {
        &self.options
    }

    /// The time now, from the session's clock.
    pub fn now(&self) -> DateTime<Utc> {
        self.clock.now()
    }

    /// Whether every question has been answered or skipped, or the session was quit.
    pub fn is_finished(&self) -> bool {
        matches!(self.phase, Phase::Finished)
    }

    /// Takes the next question: a relearning question that is due, else the next of the
    /// list, else the relearning question due soonest (all are within the window);
    /// finished when there is none.
    fn advance(&mut self) {
        self.current = None;
        self.hints_taken = 0;
        self.resumed = false;
        if self.is_finished() {
            return;
        }
        let now = self.clock.now();
        let soonest = self
            .relearning
            .iter()
            .enumerate()
            .min_by_key(|(_, (due, index))| (*due, *index))
            .map(|(position, &(due, _))| (position, due));
        let next = match soonest {
            Some((position, due)) if due <= now => Some(self.take_relearning(position)),
            _ => match self.pending.pop_front() {
                Some(index) => Some((index, Origin::List)),
                None => soonest.map(|(position, _)| self.take_relearning(position)),
            },
        };
        match next {
            Some(current) => {
                self.current = Some(current);
                self.phase = Phase::Asking;
            }
            None => self.phase = Phase::Finished,
        }
    }

    fn take_relearning(&mut self, position: usize) -> (usize, Origin) {
        let (due, index) = self.relearning.remove(position);
        (index, Origin::Relearning(due))
    }

    /// Puts the question being asked back where it came from (before an undo asks
    /// another one), unless it is `except`.
    fn put_back_current(&mut self, except: usize) {
        match self.current.take() {
            Some((index, _)) if index == except => {}
            Some((index, Origin::List)) => self.pending.push_front(index),
            Some((index, Origin::Relearning(due))) => self.relearning.push((due, index)),
            None => {}
        }
    }

    /// The question to answer now, if the session is asking one.
    pub fn ask(&self) -> Option<Ask<'_, 'a>> {
        if !matches!(self.phase, Phase::Asking) {
            return None;
        }
        let (index, origin) = self.current?;
        // Follow-ups are counted with the question they follow (only interviews have
        // them: other sessions skip the count, which a long drill would pay per question).
        let (total, pending) = if self.options.follow_ups {
            let main = |&i: &usize| !self.entries[i].question.is_follow_up();
            (
                (0..self.entries.len()).filter(main).count(),
                self.pending.iter().filter(|i| main(i)).count(),
            )
        } else {
            (self.entries.len(), self.pending.len())
        };
        Some(Ask {
            entry: &self.entries[index],
            order: &self.orders[index],
            number: total - pending,
            total,
            again: matches!(origin, Origin::Relearning(_)) || !self.outcomes[index].is_empty(),
            follow_up: self.entries[index].question.is_follow_up(),
            hints_taken: self.hints_taken,
            resumed: self.resumed,
            target: self.target(self.entries[index].question),
        })
    }

    /// The verdict waiting for a rating, if any.
    pub fn awaiting_rating(&self) -> Option<&Verdict> {
        match &self.phase {
            Phase::Rating(verdict) => Some(verdict),
            _ => None,
        }
    }

    /// Grades `answer` to the current question and moves on to the rating. Choice
    /// positions out of range are ignored (the front ends validate them first). An empty
    /// text answer is "I don't know": graded like any other (it fails), so the verdict
    /// shows the answer and suggests Again.
    pub fn answer(&mut self, answer: Answer, elapsed_ms: u64, grader: &Grader) -> Option<&Verdict> {
        if !matches!(self.phase, Phase::Asking) {
            return None;
        }
        let (index, _) = self.current?;
        let entry = self.entries[index];
        let question = entry.question;
        let target_ms = self
            .target(question)
            .map(|t| u64::try_from(t.as_millis()).unwrap_or(u64::MAX));
        let hints = self.hints_taken;
        let mut verdict = match answer {
            Answer::Choices(positions) => {
                let order = &self.orders[index];
                let mut shown: Vec<usize> =
                    positions.into_iter().filter(|&p| p < order.len()).collect();
                shown.sort_unstable();
                shown.dedup();
                let mut chosen: Vec<usize> = shown.iter().map(|&p| order[p]).collect();
                chosen.sort_unstable();
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
                    shown,
                    grade: None,
                    suggested: if correct { Rating::Good } else { Rating::Again },
                    answer_text,
                    elapsed_ms,
                    target_ms,
                    hints,
                }
            }
            Answer::Text(text) => {
                let grade = grader.grade(entry.bank, question, &text);
                Verdict {
                    correct: grade.passed,
                    score: grade.score,
                    chosen: Vec::new(),
                    shown: Vec::new(),
                    suggested: suggest(&grade),
                    grade: Some(grade),
                    answer_text: text,
                    elapsed_ms,
                    target_ms,
                    hints,
                }
            }
        };
        // A hint helped: the answer was not recalled unaided.
        if hints > 0 && verdict.suggested > Rating::Hard {
            verdict.suggested = Rating::Hard;
        }
        self.phase = Phase::Rating(Box::new(verdict));
        self.awaiting_rating()
    }

    /// The review that rating the waiting answer with `rating` records.
    fn review(&self, rating: Rating) -> Option<(usize, NewReview)> {
        let Phase::Rating(verdict) = &self.phase else {
            return None;
        };
        let (index, _) = self.current?;
        let entry = &self.entries[index];
        Some((
            index,
            NewReview {
                key: entry.key(),
                mode: self.options.mode,
                answer: verdict.answer_text.clone(),
                choice_order: if entry.question.choices.is_empty() {
                    Vec::new()
                } else {
                    self.orders[index].clone()
                },
                score: Some(verdict.score),
                suggested: Some(verdict.suggested),
                rating,
                duration_ms: verdict.elapsed_ms,
                reschedules: entry.schedules,
                version: Some(entry.question.version(&entry.bank.synonyms)),
                hints: u32::try_from(verdict.hints).unwrap_or(u32::MAX),
                // A rubric of no concepts has nothing to record (an empty cell of a
                // CSV export would read back as none).
                concepts: verdict
                    .grade
                    .as_ref()
                    .map(concept_outcomes)
                    .filter(|outcomes| !outcomes.is_empty()),
            },
        ))
    }

    /// When the current question would next be due after each rating (again, hard,
    /// good, easy) given at `now`, for the rating prompt; `None` when its answer does
    /// not move its schedule or the recorder cannot tell.
    pub fn preview(
        &self,
        recorder: &mut dyn Recorder,
        now: DateTime<Utc>,
    ) -> Option<[DateTime<Utc>; 4]> {
        let (index, _) = self.current?;
        let entry = &self.entries[index];
        if !entry.schedules {
            return None;
        }
        recorder.preview(&entry.key(), now)
    }

    /// Rates the answered question and records it; only once the recorder has committed
    /// it does the session move to the next question. When the commit fails, nothing
    /// changes: the answer still waits for its rating (retry, or [`Session::keep_unsaved`]).
    /// `Ok(None)` when no answer was waiting.
    pub fn rate(
        &mut self,
        rating: Rating,
        recorder: &mut dyn Recorder,
    ) -> Result<Option<&Rated>, RecordError> {
        let Some((index, review)) = self.review(rating) else {
            return Ok(None);
        };
        let saved = recorder.record(&review)?;
        let Phase::Rating(verdict) = std::mem::replace(&mut self.phase, Phase::Asking) else {
            return Ok(None);
        };
        let now = self.clock.now();
        let requeued = match (self.options.learn_ahead, saved.due) {
            (Some(window), Some(due)) if self.entries[index].schedules && due <= now + window => {
                self.relearning.push((due, index));
                true
            }
            _ => false,
        };
        let followed = if self.options.follow_ups && self.outcomes[index].is_empty() {
            self.queue_follow_ups(index, verdict.correct)
        } else {
            0
        };
        self.outcomes[index].push(Rated {
            verdict: *verdict,
            rating,
            review_id: saved.id,
            due: saved.due,
        });
        self.history.push(Step::Answer {
            index,
            requeued,
            followed,
        });
        self.advance();
        Ok(self.outcomes[index].last())
    }

    /// Gives up saving the waiting answer (its commit failed and the learner quits):
    /// it is kept in [`Session::unsaved`] with `rating`, and the session ends.
    pub fn keep_unsaved(&mut self, rating: Rating) {
        if let Some((_, review)) = self.review(rating) {
            self.unsaved.push(Unsaved {
                review,
                answered_at: self.clock.now(),
            });
        }
        self.quit();
    }

    /// The answers whose commit failed, to be saved elsewhere.
    pub fn unsaved(&self) -> &[Unsaved] {
        &self.unsaved
    }

    /// Ends the session now.
    pub fn quit(&mut self) {
        self.phase = Phase::Finished;
    }

    /// Every question answered so far, with its answers, in the order of the list.
    pub fn answered(&self) -> impl Iterator<Item = Answered<'_, 'a>> {
        self.entries
            .iter()
            .zip(&self.orders)
            .zip(&self.outcomes)
            .filter(|(_, answers)| !answers.is_empty())
            .map(|((entry, order), answers)| Answered {
                entry,
                order,
                answers,
            })
    }

    /// The questions of the list not answered, in order (skipped, marked, or left when
    /// the session ended).
    pub fn unanswered(&self) -> impl Iterator<Item = &Queued<'a>> {
        self.entries
            .iter()
            .zip(&self.outcomes)
            .filter(|(_, answers)| answers.is_empty())
            .map(|(entry, _)| entry)
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
