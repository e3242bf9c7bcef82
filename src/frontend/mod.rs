//! Front ends for study sessions, and the loop that joins one to a [`Session`].
//!
//! A front end only shows text and reads what the learner gives: [`plain`] reads lines
//! from stdin and writes to stdout (scripts, tests, pipes, screen readers); [`terminal`]
//! draws menus and reads keys at a real terminal. [`drive`] runs the session over
//! either, so the two behave the same by construction: a rating is confirmed only after
//! its commit; a commit that fails keeps the answer, says why and offers to try again
//! (by itself, with back-off, while the database is busy) or to quit, which keeps the
//! answer for a recovery file; quitting at the rating prompt, by any key, saves the
//! answer with the suggested rating; Ctrl-C ends the session like `:quit`.

pub mod plain;
pub mod terminal;

use crate::clock::{Clock, Stopwatch};
use crate::grade::Grader;
use crate::schedule::Rating;
use crate::session::input::Control;
use crate::session::review::BUSY_BACKOFF;
use crate::session::{Answer, Ask, Mark, Recorder, Session, Undone, report};
use chrono::{DateTime, Utc};
use std::io;
use std::sync::atomic::{AtomicBool, Ordering};

/// What the learner gave when asked a question.
#[derive(Debug, Clone, PartialEq)]
pub enum Reply {
    /// An answer to grade.
    Answer(Answer),
    /// `:skip`, `:undo`, `:quit`, `:suspend`, `:bury` or `:reset`.
    Control(Control),
    /// Input ended (end of file, closed terminal).
    End,
}

/// What the learner gave when asked for a rating.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RateReply {
    /// A rating to record.
    Rating(Rating),
    /// Undo or quit instead (skip and marks are refused: the answer is given).
    Control(Control),
    /// Input ended (end of file, closed terminal).
    End,
}

/// What the learner wants after a commit failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AfterFailure {
    /// Try the commit again.
    Retry,
    /// Stop: the answer is kept for the recovery file and the session ends.
    Quit,
}

/// What the rating prompt shows.
#[derive(Debug, Clone, Copy)]
pub struct RatingPrompt {
    /// The rating Enter takes.
    pub suggested: Rating,
    /// When the question would be due after each rating, when known.
    pub dues: Option<[DateTime<Utc>; 4]>,
    /// Now, for the intervals.
    pub now: DateTime<Utc>,
}

impl RatingPrompt {
    /// `Rate (Enter = good): 1 again 1m · 2 hard 6m · 3 good 10m · 4 easy 4d`.
    pub fn text(&self) -> String {
        report::rating_prompt(self.suggested, self.dues.as_ref(), self.now)
    }
}

/// The seam between the session and a person.
pub trait FrontEnd {
    /// The width to wrap to now (measured for each screen, so a resize is followed).
    fn width(&self) -> usize;
    /// Shows a block of text (feedback, a confirmation, a notice).
    fn show(&mut self, text: &str) -> io::Result<()>;
    /// Shows the question and reads the answer (or a command); `stopwatch` has run
    /// since the question was first shown (for a timer). When `ask.resumed` the question
    /// is on screen already, with the hint just shown below it. An
    /// [`io::ErrorKind::Interrupted`] error means Ctrl-C.
    fn ask(&mut self, ask: &Ask, stopwatch: &Stopwatch) -> io::Result<Reply>;
    /// Reads a rating.
    fn rate(&mut self, prompt: &RatingPrompt) -> io::Result<RateReply>;
    /// A commit failed (`why`): asks whether to try again or quit.
    fn after_failure(&mut self, why: &str) -> io::Result<AfterFailure>;
    /// Asks a yes-or-no `question`, no unless the learner says yes; `None` when input
    /// ended first.
    fn confirm(&mut self, question: &str) -> io::Result<Option<bool>>;
}

/// How a session ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ending {
    /// Every question was answered or skipped.
    Completed,
    /// The learner quit (`:quit`, `q`, or gave up on a commit that failed).
    Quit,
    /// Input ended before the session did.
    EndOfInput,
    /// Ctrl-C.
    Interrupted,
}

/// Set by the interrupt handler: the learner pressed Ctrl-C.
static INTERRUPTED: AtomicBool = AtomicBool::new(false);

/// Notes Ctrl-C instead of dying of it, so that a session ends through its normal
/// return path (summary printed, store closed cleanly) and exits 130. At a terminal
/// prompt the key arrives as a byte in raw mode, which console turns into SIGINT (noted
/// here) and an `Interrupted` error; the plain front end polls the note while it waits
/// for a line; between prompts the next prompt sees the note.
pub fn install_interrupt_handler() {
    // An error means a handler is already installed (e.g. a second session in one
    // process); the first one does the same thing.
    let _ = ctrlc::set_handler(|| INTERRUPTED.store(true, Ordering::SeqCst));
}

/// Whether Ctrl-C was pressed since [`install_interrupt_handler`].
pub fn interrupted() -> bool {
    INTERRUPTED.load(Ordering::SeqCst)
}

/// Fails with [`io::ErrorKind::Interrupted`] when Ctrl-C was pressed.
pub fn check_interrupt() -> io::Result<()> {
    if interrupted() {
        Err(io::ErrorKind::Interrupted.into())
    } else {
        Ok(())
    }
}

fn is_interrupt(error: &io::Error) -> bool {
    error.kind() == io::ErrorKind::Interrupted
}

/// Runs `session` to its end over `front`. Each rating is recorded the moment it is
/// given and confirmed once committed, so whatever ends the session, nothing rated is
/// lost. Time per answer is measured by the clock's [`Stopwatch`]: the wall clock,
/// except under a fixed `RECALL_NOW`, where every answer takes `RECALL_ANSWER_TIME`
/// (0s unless set), so transcripts are reproducible. Taking a hint (`:hint`) shows it
/// and asks the same question again, its time still running.
pub fn drive(
    session: &mut Session,
    front: &mut dyn FrontEnd,
    grader: &Grader,
    recorder: &mut dyn Recorder,
    clock: &Clock,
) -> anyhow::Result<Ending> {
    let mode = session.options().mode;
    let mut stopwatch = clock.stopwatch();
    loop {
        let Some(ask) = session.ask() else {
            return Ok(Ending::Completed);
        };
        let key = ask.entry.key();
        // A question asked again after a hint keeps its time running.
        if !ask.resumed {
            stopwatch = clock.stopwatch();
        }
        let reply = match front.ask(&ask, &stopwatch) {
            Ok(reply) => reply,
            Err(error) if is_interrupt(&error) => {
                session.quit();
                return Ok(Ending::Interrupted);
            }
            Err(error) => return Err(error.into()),
        };
        let elapsed_ms = stopwatch.elapsed_ms();
        match reply {
            Reply::End => {
                session.quit();
                return Ok(Ending::EndOfInput);
            }
            Reply::Control(Control::Quit) => {
                session.quit();
                return Ok(Ending::Quit);
            }
            Reply::Control(Control::Skip) => {
                front.show("Skipped.")?;
                session.skip();
            }
            Reply::Control(Control::Undo) => undo(session, front, recorder)?,
            Reply::Control(Control::Hint) => {
                let width = front.width();
                let text = match session.take_hint() {
                    Some(hint) => report::hint(&hint, width),
                    None if ask_has_hints(session) => "No more hints for this question.".to_owned(),
                    None => "This question has no hints.".to_owned(),
                };
                front.show(&text)?;
            }
            Reply::Control(Control::Mark(mark)) => match session.mark(mark, recorder) {
                Ok(_) => front.show(&marked(mark, &key.to_string()))?,
                Err(error) => front.show(&format!("Not {}: {}", mark.done(), why(&error)))?,
            },
            Reply::Answer(answer) => {
                let index_order = ask.order.to_vec();
                let entry = *ask.entry;
                let feedback_now = session.options().feedback_now;
                let Some(verdict) = session.answer(answer, elapsed_ms, grader) else {
                    continue;
                };
                let suggested = verdict.suggested;
                if feedback_now {
                    let width = front.width();
                    front.show(&report::verdict(&entry, &index_order, verdict, mode, width))?;
                }
                if let Some(ending) = rate(session, front, recorder, suggested)? {
                    return Ok(ending);
                }
            }
        }
    }
}

/// Whether the question being asked has hints at all.
fn ask_has_hints(session: &Session) -> bool {
    session
        .ask()
        .is_some_and(|ask| !ask.entry.question.hints.is_empty())
}

/// What a mark did, for the learner.
fn marked(mark: Mark, key: &str) -> String {
    match mark {
        Mark::Suspend => format!(
            "Suspended: drills leave this question out until `recall card {key} --unsuspend`."
        ),
        Mark::Unsuspend => "Unsuspended: drills ask this question again.".to_owned(),
        Mark::Bury => "Buried: drills leave this question out until tomorrow.".to_owned(),
        Mark::Reset => {
            "Reset: this question is new again (its past answers stay in the log).".to_owned()
        }
    }
}

/// An error and its causes in one line (a cause its error already quotes is left out).
fn why(error: &(dyn std::error::Error + 'static)) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        let said = cause.to_string();
        if !text.contains(&said) {
            text.push_str(": ");
            text.push_str(&said);
        }
        source = cause.source();
    }
    text
}

/// Takes back the last step and says what happened.
fn undo(
    session: &mut Session,
    front: &mut dyn FrontEnd,
    recorder: &mut dyn Recorder,
) -> io::Result<()> {
    let message = match session.undo(recorder) {
        Ok(Undone::Unrated) => "Undone: answer the question again.".to_owned(),
        Ok(Undone::Answer) => "Undone: the last answer and its rating are taken back.".to_owned(),
        Ok(Undone::Mark(Mark::Reset)) => {
            "Undone: the reset is taken back; the question keeps its progress.".to_owned()
        }
        Ok(Undone::Mark(mark)) => format!("Undone: the question is no longer {}.", mark.done()),
        Ok(Undone::Superseded) => "Not undone: another session has answered or marked that \
                                   question since, so its answer stays. Going on."
            .to_owned(),
        Ok(Undone::Nothing) => "Nothing to undo yet.".to_owned(),
        Err(error) => format!("Not undone: {}", why(&error)),
    };
    front.show(&message)
}

/// Gets the rating for the answered question (asking when the session wants it) and
/// records it; `Some` when the session ended instead. Quitting here, by any means,
/// saves the answer with the suggested rating first.
fn rate(
    session: &mut Session,
    front: &mut dyn FrontEnd,
    recorder: &mut dyn Recorder,
    suggested: Rating,
) -> anyhow::Result<Option<Ending>> {
    if !session.options().ask_rating {
        return Ok(commit(session, front, recorder, suggested, true)?.then_some(Ending::Quit));
    }
    loop {
        // The intervals are counted from the moment they are previewed at.
        let now = session.now();
        let prompt = RatingPrompt {
            suggested,
            dues: session.preview(recorder, now),
            now,
        };
        let (ending, ask) = match front.rate(&prompt) {
            Ok(RateReply::Rating(rating)) => {
                return Ok(commit(session, front, recorder, rating, true)?.then_some(Ending::Quit));
            }
            Ok(RateReply::Control(Control::Undo)) => {
                undo(session, front, recorder)?;
                return Ok(None);
            }
            Ok(RateReply::Control(Control::Quit)) => (Ending::Quit, true),
            Ok(RateReply::Control(_)) => {
                front.show(&format!(
                    "The answer is given: rate it (Enter takes {suggested}), :undo it, or \
                     :quit (it is saved as {suggested})."
                ))?;
                continue;
            }
            Ok(RateReply::End) => (Ending::EndOfInput, false),
            Err(error) if is_interrupt(&error) => (Ending::Interrupted, false),
            Err(error) => return Err(error.into()),
        };
        commit(session, front, recorder, suggested, ask)?;
        session.quit();
        return Ok(Some(ending));
    }
}

/// Commits the waiting answer with `rating` and confirms it; while the database is busy
/// it tries again by itself, with back-off; on any other failure (or when the back-off
/// runs out) it says why and, when it `may_ask`, asks whether to try again. Returns
/// true when the answer could not be saved and was kept for the recovery file (the
/// session has ended).
fn commit(
    session: &mut Session,
    front: &mut dyn FrontEnd,
    recorder: &mut dyn Recorder,
    rating: Rating,
    may_ask: bool,
) -> io::Result<bool> {
    let mut waits = BUSY_BACKOFF.iter();
    // Said when the verdict is shown, and the rating was the learner's or moved the
    // schedule (a quiz answer to a question that is not due changes nothing to say).
    let options = session.options();
    let (feedback, asked) = (options.feedback_now, options.ask_rating);
    loop {
        let now = session.now();
        let error = match session.rate(rating, recorder) {
            Ok(Some(rated)) => {
                if feedback && (asked || rated.due.is_some()) {
                    let text = report::rated(rated, now);
                    front.show(&text)?;
                }
                return Ok(false);
            }
            Ok(None) => return Ok(false),
            Err(error) => error,
        };
        if error.is_busy()
            && !interrupted()
            && let Some(wait) = waits.next()
        {
            front.show(&format!(
                "Not saved yet: {}. Trying again in {:.1} s.",
                why(&error),
                wait.as_secs_f64()
            ))?;
            std::thread::sleep(*wait);
            continue;
        }
        let why = why(&error);
        if may_ask && !interrupted() {
            match front.after_failure(&why) {
                Ok(AfterFailure::Retry) => {
                    waits = BUSY_BACKOFF.iter();
                    continue;
                }
                Ok(AfterFailure::Quit) => {}
                Err(error) if is_interrupt(&error) => {}
                Err(error) => return Err(error),
            }
        }
        session.keep_unsaved(rating);
        front.show(&format!(
            "Not saved: {why}. The answer is kept; recall offers to save it next time."
        ))?;
        return Ok(true);
    }
}
