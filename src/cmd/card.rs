//! `recall card`: one question's scheduling state and its review history, as
//! text or JSON; and the learner's own marks on it (`--suspend`, `--unsuspend`,
//! `--bury`, `--reset`), kept in the log like answers.

use std::io::Write;

use anyhow::Result;
use serde_json::json;

use super::args::{BankPathOption, JsonOutput};
use super::{CommandError, Context, ErrorKind, Outcome, Progress};
use crate::bank::{Question, letter_index};
use crate::schedule::{Card, Scheduler};
use crate::session::report::duration;
use crate::session::{Mark, shown_letters};
use crate::store::{Marked, QuestionKey, Review};
use crate::style::{self, paint};
use crate::text::{display_width, sanitize, truncate};

/// Show a question's state and history, or suspend, bury or reset it
///
/// Its stability, difficulty, retrievability now,
/// when it is due, every answer given to it (choices by the letters you saw, with their
/// text), and whether it is suspended or buried.
///
/// Question ids are lower case and matched exactly; a near miss (in any case) gets a
/// "did you mean".
///
/// Example: recall card mod-docker-04/named-volume-definition --json
#[derive(Debug, clap::Args)]
#[command(mut_arg("json", |arg| arg.help(
    "Print JSON (keys: state, stability, difficulty, retrievability, due, reps, lapses, \
     suspended, buried_until, reviews, marks, ...) instead of text"
)))]
#[command(group = clap::ArgGroup::new("mark").multiple(false))]
pub struct Args {
    /// The question: BANK/QUESTION (also works for questions no bank has any
    /// more, while the log has them), or QUESTION alone when its id is in one bank only
    pub question: String,

    /// Text, or JSON with `--json`.
    #[command(flatten)]
    pub output: JsonOutput,

    /// The banks to look the question up in.
    #[command(flatten)]
    pub paths: BankPathOption,

    /// Leave the question out of drills until --unsuspend
    #[arg(long, group = "mark")]
    pub suspend: bool,

    /// Bring a suspended question back into drills
    #[arg(long, group = "mark")]
    pub unsuspend: bool,

    /// Leave the question out of drills until the next study day
    #[arg(long, group = "mark")]
    pub bury: bool,

    /// Forget the question's progress: it is new again (its answers stay in the log)
    #[arg(long, group = "mark")]
    pub reset: bool,
}

impl Args {
    /// The mark asked for, if any.
    fn mark(&self) -> Option<Mark> {
        [
            (self.suspend, Mark::Suspend),
            (self.unsuspend, Mark::Unsuspend),
            (self.bury, Mark::Bury),
            (self.reset, Mark::Reset),
        ]
        .into_iter()
        .find_map(|(asked, mark)| asked.then_some(mark))
    }
}

/// Runs `recall card`.
pub fn run(ctx: &Context, args: Args) -> Result<Outcome, CommandError> {
    // Only the questions with the id asked for are decoded (found by each bank's keys);
    // the whole library only when none is the one asked for, for the error's
    // suggestions.
    let catalog = ctx.load_valid_lean_catalog(&args.paths)?;
    let id = args
        .question
        .split_once('/')
        .map_or(args.question.as_str(), |(_, id)| id);
    let lean = catalog.library_of_keys(catalog.banks.iter().map(|bank| (bank.id.as_str(), id)))?;
    let full;
    let library = if lean.find(&args.question).is_ok() {
        &lean
    } else {
        full = catalog.into_library()?;
        &full
    };
    let mut progress = ctx.progress()?;
    let (key, question) = match library.find(&args.question) {
        Ok((bank, question)) => (QuestionKey::new(&bank.id, &question.id), Some(question)),
        Err(not_found) => {
            // A question no bank has any more is still in the log (`check --orphans`).
            let orphan = args
                .question
                .split_once('/')
                .map(|(bank, question)| QuestionKey::new(bank, question))
                .filter(|key| !key.bank.is_empty() && !key.question.is_empty());
            match orphan {
                Some(key) if args.mark().is_none() && !progress.store.history(&key)?.is_empty() => {
                    (key, None)
                }
                _ => return Err(CommandError::new(ErrorKind::Usage, not_found)),
            }
        }
    };
    let mut out = std::io::stdout().lock();
    if let Some(mark) = args.mark() {
        let day = progress.study_day();
        let Progress {
            store, scheduler, ..
        } = &mut progress;
        store.mark(&key, mark, scheduler, ctx.clock.now(), day)?;
        let what = match mark {
            Mark::Suspend => format!(
                "Suspended {key}: drills leave it out until `recall card {key} --unsuspend`."
            ),
            Mark::Unsuspend => format!("Unsuspended {key}: drills ask it again."),
            Mark::Bury => format!("Buried {key}: drills leave it out until tomorrow."),
            Mark::Reset => {
                format!("Reset {key}: it is new again; its past answers stay in the log.")
            }
        };
        writeln!(out, "{}", sanitize(&what))?;
        return Ok(Outcome::Success);
    }
    let Progress {
        store, scheduler, ..
    } = &progress;
    let card = store.card(&key)?;
    let history = store.history(&key)?;
    let marks = store.marks(&key)?;
    if args.output.json {
        let document = card_json(ctx, scheduler, &key, &card, &history, &marks, question);
        writeln!(out, "{}", crate::text::terminal_safe_json(&document)?)?;
    } else {
        let text = card_text(ctx, scheduler, &key, &card, &history, &marks, question);
        write!(style::stdout(), "{text}")?;
    }
    Ok(Outcome::Success)
}

/// The choices a review's answer chose, as the learner saw them: each shown letter with
/// the choice's text (the text only when the question is known); empty for a text
/// answer.
fn chosen(review: &Review, question: Option<&Question>) -> Vec<(String, Option<String>)> {
    if question.is_some_and(Question::is_text)
        || (question.is_none() && review.choice_order.is_empty())
    {
        return Vec::new();
    }
    shown_letters(&review.answer, &review.choice_order)
        .split(',')
        .filter(|shown| !shown.is_empty())
        .map(|shown| {
            let text = letter_index(shown)
                .and_then(|position| {
                    review
                        .choice_order
                        .get(position)
                        .copied()
                        .or(Some(position))
                })
                .and_then(|bank| question?.choices.get(bank))
                .map(|choice| choice.text.trim().to_owned());
            (shown.to_owned(), text)
        })
        .collect()
}

/// Whether the question is suspended or buried at `now`, from its marks.
fn set_aside(
    marks: &[Marked],
    now: chrono::DateTime<chrono::Utc>,
) -> (bool, Option<chrono::DateTime<chrono::Utc>>) {
    let suspended = marks
        .iter()
        .rev()
        .find(|m| matches!(m.mark, Mark::Suspend | Mark::Unsuspend))
        .is_some_and(|m| m.mark == Mark::Suspend);
    let buried = marks
        .iter()
        .filter_map(|m| m.buried_until)
        .filter(|until| *until > now)
        .max();
    (suspended, buried)
}

fn card_json(
    ctx: &Context,
    scheduler: &Scheduler,
    key: &QuestionKey,
    card: &Card,
    history: &[Review],
    marks: &[Marked],
    question: Option<&Question>,
) -> serde_json::Value {
    let now = ctx.clock.now();
    let reviews: Vec<serde_json::Value> = history
        .iter()
        .map(|review| {
            let chosen = chosen(review, question);
            let answer = if chosen.is_empty() {
                review.answer.clone()
            } else {
                shown_letters(&review.answer, &review.choice_order)
            };
            json!({
                "id": review.id.0,
                "time": review.reviewed_at.to_rfc3339(),
                "mode": review.mode.name(),
                "answer": answer,
                "answer_in_bank": (!chosen.is_empty()).then(|| review.answer.clone()),
                "chosen": chosen.iter().map(|(letter, text)| json!({"letter": letter, "text": text})).collect::<Vec<_>>(),
                "score": review.score,
                "suggested_rating": review.suggested.map(|rating| rating.name()),
                "rating": review.rating.name(),
                "duration_ms": review.duration_ms,
                "state_before": review.state_before.name(),
            })
        })
        .collect();
    json!({
        "bank": key.bank,
        "question": key.question,
        "state": card.state.name(),
        "step": card.step,
        "stability": card.stability(),
        "difficulty": card.difficulty(),
        "retrievability": card.memory.map(|_| scheduler.retrievability(card, now)),
        "due": card.due.map(|due| due.to_rfc3339()),
        "last_review": card.last_review.map(|time| time.to_rfc3339()),
        "reps": card.reps,
        "lapses": card.lapses,
        "suspended": set_aside(marks, now).0,
        "buried_until": set_aside(marks, now).1.map(|until| until.to_rfc3339()),
        "reviews": reviews,
        "marks": marks.iter().map(|m| json!({
            "id": m.id.0,
            "time": m.marked_at.to_rfc3339(),
            "mark": m.mark.name(),
            "buried_until": m.buried_until.map(|until| until.to_rfc3339()),
        })).collect::<Vec<_>>(),
    })
}

fn card_text(
    ctx: &Context,
    scheduler: &Scheduler,
    key: &QuestionKey,
    card: &Card,
    history: &[Review],
    marks: &[Marked],
    question: Option<&Question>,
) -> String {
    let now = ctx.clock.now();
    let mut text = format!("{}\n", paint(style::HEADING, sanitize(&key.to_string())));
    let field = |text: &mut String, name: &str, value: String| {
        text.push_str(&format!("  {name:<15}{value}\n"));
    };
    field(&mut text, "state", card.state.name().to_owned());
    match set_aside(marks, now) {
        (true, _) => field(&mut text, "set aside", "suspended".to_owned()),
        (false, Some(until)) => field(
            &mut text,
            "set aside",
            format!("buried until {}", ctx.local_time(until)),
        ),
        (false, None) => {}
    }
    match card.memory {
        None => field(&mut text, "memory", "not reviewed yet".to_owned()),
        Some(memory) => {
            field(
                &mut text,
                "stability",
                format!("{:.2} days", memory.stability),
            );
            field(
                &mut text,
                "difficulty",
                format!("{:.2} of 10", memory.difficulty),
            );
            let retrievability = scheduler.retrievability(card, now);
            field(
                &mut text,
                "retrievability",
                format!("{:.0}% now", retrievability * 100.0),
            );
        }
    }
    match card.due {
        None => field(&mut text, "due", "now (new)".to_owned()),
        Some(due) => field(
            &mut text,
            "due",
            format!(
                "{} ({})",
                ctx.local_time(due),
                super::relative_time(due, now)
            ),
        ),
    }
    field(
        &mut text,
        "reviews",
        format!(
            "{} ({} lapse{})",
            card.reps,
            card.lapses,
            super::check::plural(card.lapses as usize)
        ),
    );
    if !history.is_empty() || !marks.is_empty() {
        text.push('\n');
        text.push_str(&self::history(
            ctx,
            history,
            marks,
            question,
            crate::text::terminal_width(),
        ));
    }
    text
}

/// The review history as a table that fits `width`, oldest first: when, how it was
/// asked, the rating (`*` when it was not the suggested one), the score, the time taken
/// and what the learner answered (choices by the letters the learner saw, with their
/// text); marks (suspend, bury, reset) in their place. An answer too long for the rest
/// of its line goes on the line below, cut to fit.
fn history(
    ctx: &Context,
    history: &[Review],
    marks: &[Marked],
    question: Option<&Question>,
    width: usize,
) -> String {
    // when (16), mode (9), rating (6), score (5), time (6), and the spaces between.
    const ANSWER_COLUMN: usize = 2 + 16 + 2 + 9 + 1 + 6 + 1 + 5 + 1 + 6 + 2;
    const BELOW: &str = "      ";
    let room = width.saturating_sub(ANSWER_COLUMN);
    let mut text = format!(
        "{}\n",
        paint(
            style::HEADING,
            format!(
                "History ({} answer{}, oldest first)",
                history.len(),
                super::check::plural(history.len())
            )
        )
    );
    text.push_str(&format!(
        "{}\n",
        paint(
            style::DIM,
            format!(
                "  {:<16}  {:<9} {:<6} {:>5} {:>6}  answer",
                "when", "mode", "rating", "score", "time"
            )
        )
    ));
    let mut overridden = false;
    let mut marks = marks.iter().peekable();
    for review in history {
        while let Some(mark) = marks.next_if(|m| m.id < review.id) {
            text.push_str(&mark_line(ctx, mark));
        }
        let mut rating = review.rating.name().to_owned();
        if review.suggested.is_some_and(|s| s != review.rating) {
            rating.push('*');
            overridden = true;
        }
        let score = review
            .score
            .map(|score| format!("{:.0}%", score * 100.0))
            .unwrap_or_default();
        let row = format!(
            "  {}  {:<9} {} {score:>5} {:>6}",
            ctx.local_time(review.reviewed_at),
            review.mode.name(),
            paint(style::rating(review.rating), format!("{rating:<6}")),
            duration(review.duration_ms),
        );
        let answer = sanitize(answer_text(review, question).trim()).replace('\n', " ");
        if answer.is_empty() {
            text.push_str(&format!("{row}  {}\n", paint(style::DIM, "(no answer)")));
        } else if display_width(&answer) <= room {
            text.push_str(&format!("{row}  {answer}\n"));
        } else {
            let below = width.saturating_sub(BELOW.len()).max(20);
            text.push_str(&format!("{row}\n{BELOW}{}\n", truncate(&answer, below)));
        }
    }
    for mark in marks {
        text.push_str(&mark_line(ctx, mark));
    }
    if overridden {
        let note = "* not the suggested rating (`recall card --json` gives both)";
        text.push_str(&format!("{}\n", paint(style::DIM, note)));
    }
    text
}

/// The history line of a mark.
fn mark_line(ctx: &Context, mark: &Marked) -> String {
    format!(
        "  {}  {}\n",
        ctx.local_time(mark.marked_at),
        mark.mark.done()
    )
}

/// What the learner answered: the choices by the letters the learner saw, with their
/// text, or the text answer.
fn answer_text(review: &Review, question: Option<&Question>) -> String {
    let chosen = chosen(review, question);
    if chosen.is_empty() {
        return review.answer.clone();
    }
    chosen
        .iter()
        .map(|(letter, text)| match text {
            Some(text) => format!("{letter}) {text}"),
            None => letter.clone(),
        })
        .collect::<Vec<_>>()
        .join("; ")
}
