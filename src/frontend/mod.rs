//! Front ends for study sessions, and the loop that joins one to a [`Session`].
//!
//! A front end only shows text and reads what the learner gives: [`plain`] reads lines
//! from stdin and writes to stdout (scripts, tests, pipes); [`terminal`] uses dialoguer
//! menus and prompts at a real terminal. [`drive`] runs the session over either, so the
//! two behave the same by construction.

pub mod plain;
pub mod terminal;

use crate::clock::Clock;
use crate::grade::Grader;
use crate::schedule::Rating;
use crate::session::input::Control;
use crate::session::{Answer, Ask, Recorder, Session, report};
use std::io;
use std::time::Instant;

/// What the learner gave when asked a question.
#[derive(Debug, Clone, PartialEq)]
pub enum Reply {
    /// An answer to grade.
    Answer(Answer),
    /// `:skip`, `:undo` or `:quit`.
    Control(Control),
    /// Input ended (end of file, closed terminal).
    End,
}

/// What the learner gave when asked for a rating.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RateReply {
    /// A rating to record.
    Rating(Rating),
    /// Undo, skip or quit instead.
    Control(Control),
    /// Input ended (end of file, closed terminal).
    End,
}

/// The seam between the session and a person.
pub trait FrontEnd {
    /// Shows a block of text (feedback, a report, a notice).
    fn show(&mut self, text: &str) -> io::Result<()>;
    /// Shows the question and reads the answer (or a command).
    fn ask(&mut self, ask: &Ask, text: &str) -> io::Result<Reply>;
    /// Reads a rating, offering `suggested`.
    fn rate(&mut self, suggested: Rating) -> io::Result<RateReply>;
}

/// How a session ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ending {
    /// Every question was answered or skipped.
    Completed,
    /// The learner typed `:quit`.
    Quit,
    /// Input ended before the session did.
    EndOfInput,
}

/// Runs `session` to its end over `front`. Each rating is recorded the moment it is
/// given, so whatever ends the session, nothing rated is lost. Time per answer is
/// measured on the wall clock, except under a fixed `RECALL_NOW`, where time stands
/// still and every answer takes 0s (so transcripts are reproducible).
pub fn drive(
    session: &mut Session,
    front: &mut dyn FrontEnd,
    grader: &Grader,
    recorder: &mut dyn Recorder,
    clock: &Clock,
    width: usize,
) -> anyhow::Result<Ending> {
    let mode = session.options().mode;
    loop {
        let Some(ask) = session.ask() else {
            return Ok(Ending::Completed);
        };
        let text = report::question(&ask, mode, width);
        let started = Instant::now();
        let reply = front.ask(&ask, &text)?;
        let elapsed_ms = if clock.is_fixed() {
            0
        } else {
            u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX)
        };
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
            Reply::Control(Control::Undo) => {
                if session.undo(recorder)? {
                    front.show("Undone: the last answer and its rating are taken back.")?;
                } else {
                    front.show("Nothing to undo yet.")?;
                }
            }
            Reply::Answer(answer) => {
                let index_order = ask.order.to_vec();
                let entry = *ask.entry;
                let feedback_now = session.options().feedback_now;
                let Some(verdict) = session.answer(answer, elapsed_ms, grader) else {
                    continue;
                };
                let suggested = verdict.suggested;
                if feedback_now {
                    front.show(&report::verdict(&entry, &index_order, verdict, mode, width))?;
                }
                if let Some(ending) = rate(session, front, recorder, suggested)? {
                    return Ok(ending);
                }
            }
        }
    }
}

/// Gets the rating for the answered question (asking when the session wants it) and
/// records it; `Some` when the session ended instead.
fn rate(
    session: &mut Session,
    front: &mut dyn FrontEnd,
    recorder: &mut dyn Recorder,
    suggested: Rating,
) -> anyhow::Result<Option<Ending>> {
    if !session.options().ask_rating {
        session.rate(suggested, recorder)?;
        return Ok(None);
    }
    loop {
        match front.rate(suggested)? {
            RateReply::Rating(rating) => {
                session.rate(rating, recorder)?;
                return Ok(None);
            }
            RateReply::Control(Control::Undo) => {
                session.undo(recorder)?;
                front.show("Undone: answer the question again.")?;
                return Ok(None);
            }
            RateReply::Control(Control::Skip) => {
                front.show(
                    "The answer is given; rate it (Enter takes the suggestion) or :undo it.",
                )?;
            }
            RateReply::Control(Control::Quit) => {
                session.quit();
                return Ok(Some(Ending::Quit));
            }
            RateReply::End => {
                session.quit();
                return Ok(Some(Ending::EndOfInput));
            }
        }
    }
}
