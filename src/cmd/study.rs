//! What `drill`, `quiz` and `interview` share: their common options, loading and
//! filtering the banks, choosing the front end, and running a session.
//!
//! Each verb builds its own list of questions and options, then hands them to
//! [`run_session`]; everything after that (asking, grading, recording, the summary) is
//! the same for all three.

use super::args::BankPaths;
use super::{CommandError, Context, ErrorKind, Interrupted, Progress};
use crate::bank::{Kind, Library, Tier};
use crate::frontend::{self, Ending, FrontEnd, plain::Plain, terminal::Terminal};
use crate::grade::Grader;
use crate::schedule::{Card, State};
use crate::session::select::Filter;
use crate::session::{self, NewReview, Recorder, ReviewId, Session};
use crate::store::QuestionKey;
use anyhow::Result;
use chrono::{DateTime, Utc};
use std::io::IsTerminal;

/// Options every study command takes.
#[derive(Debug, Clone, clap::Args)]
pub struct StudyArgs {
    /// The banks to study from.
    #[command(flatten)]
    pub paths: BankPaths,

    /// Only questions of this bank (by id; repeat for several)
    #[arg(long = "bank", value_name = "ID")]
    pub banks: Vec<String>,

    /// Only questions with this tag, on the question or its bank (repeat for several)
    #[arg(long = "tag", value_name = "TAG")]
    pub tags: Vec<String>,

    /// Only questions of this kind (repeat for several)
    #[arg(long = "kind", value_name = "KIND")]
    pub kinds: Vec<Kind>,

    /// Only interview questions of this tier (repeat for several)
    #[arg(long = "tier", value_name = "TIER")]
    pub tiers: Vec<Tier>,

    /// Fix every random choice (question draw, choice order) for a reproducible session
    #[arg(long, value_name = "N")]
    pub seed: Option<u64>,

    /// Plain line-based prompts on stdout, answers one per line from stdin (automatic
    /// when stdin or stderr is not a terminal)
    #[arg(long)]
    pub plain: bool,
}

/// Options of the study commands whose answers the learner rates (drill, interview).
#[derive(Debug, Clone, clap::Args)]
pub struct RatingArgs {
    /// Take the suggested rating without asking
    #[arg(long)]
    pub auto_rate: bool,

    /// Write interview answers in $EDITOR
    #[arg(long)]
    pub editor: bool,
}

impl StudyArgs {
    /// The `--bank`, `--tag`, `--kind` and `--tier` filters.
    pub fn filter(&self) -> Filter {
        Filter {
            banks: self.banks.clone(),
            tags: self.tags.clone(),
            kinds: self.kinds.clone(),
            tiers: self.tiers.clone(),
        }
    }

    /// The seed: `--seed`, else one taken from the clock (fixed under `RECALL_NOW`).
    pub fn seed(&self, ctx: &Context) -> u64 {
        self.seed.unwrap_or_else(|| {
            let now = ctx.clock.now();
            now.timestamp_micros().unsigned_abs()
        })
    }

    /// Whether to use the plain front end.
    pub fn is_plain(&self) -> bool {
        self.plain || !std::io::stdin().is_terminal() || !std::io::stderr().is_terminal()
    }
}

/// The banks, valid, with the `--bank` filter checked against them.
pub fn load(ctx: &Context, args: &StudyArgs) -> Result<Library, CommandError> {
    let library = ctx.load_valid_banks(&args.paths)?;
    let filter = args.filter();
    let unknown = filter.unknown_banks(&library);
    if !unknown.is_empty() {
        let known: Vec<&str> = library.banks.iter().map(|b| b.id.as_str()).collect();
        return Err(CommandError::usage(format!(
            "no bank `{}`; the banks are: {}",
            unknown.join("`, `"),
            known.join(", ")
        )));
    }
    Ok(library)
}

/// What the study verbs ask of the learner's progress.
impl Progress {
    /// The card of one question (a new card when it was never answered).
    pub fn card(&self, bank: &str, question: &str) -> Result<Card> {
        Ok(self.store.card(&QuestionKey::new(bank, question))?)
    }

    /// When the next of `library`'s questions that has been studied comes due, and
    /// which; `None` when nothing has been studied.
    pub fn next_due(&self, library: &Library) -> Result<Option<(DateTime<Utc>, QuestionKey)>> {
        let known: std::collections::HashSet<(&str, &str)> = library
            .questions()
            .map(|(b, q)| (b.id.as_str(), q.id.as_str()))
            .collect();
        let mut next: Option<(DateTime<Utc>, QuestionKey)> = None;
        for (key, card) in self.store.cards()? {
            if card.state == State::New
                || !known.contains(&(key.bank.as_str(), key.question.as_str()))
            {
                continue;
            }
            if let Some(due) = card.due
                && next.as_ref().is_none_or(|(t, _)| due < *t)
            {
                next = Some((due, key));
            }
        }
        Ok(next)
    }
}

/// Records rated answers in the store the moment they are rated.
struct StoreRecorder<'p> {
    progress: &'p mut Progress,
    ctx: &'p Context,
}

impl Recorder for StoreRecorder<'_> {
    fn record(&mut self, review: &NewReview) -> Result<ReviewId> {
        let progress = &mut *self.progress;
        let recorded = progress
            .store
            .record(review, &progress.scheduler, self.ctx.clock.now())?;
        Ok(recorded.id)
    }

    fn undo(&mut self, id: ReviewId) -> Result<()> {
        let progress = &mut *self.progress;
        progress.store.undo(id, &progress.scheduler)?;
        Ok(())
    }
}

/// Runs `session` over the chosen front end; returns how it ended. An interrupted
/// terminal session (Ctrl-C) becomes [`Interrupted`] (exit 130).
pub fn run_session(
    ctx: &Context,
    args: &StudyArgs,
    editor: bool,
    library: &Library,
    progress: &mut Progress,
    session: &mut Session,
) -> Result<Ending, CommandError> {
    let grader = Grader::new(&library.banks);
    let width = crate::text::terminal_width();
    let mut recorder = StoreRecorder { progress, ctx };
    let mut front: Box<dyn FrontEnd> = if args.is_plain() {
        Box::new(Plain::new(
            std::io::stdin().lock(),
            std::io::stdout().lock(),
        ))
    } else {
        frontend::terminal::install_interrupt_handler();
        Box::new(Terminal::new(editor))
    };
    let result = frontend::drive(
        session,
        front.as_mut(),
        &grader,
        &mut recorder,
        &ctx.clock,
        width,
    );
    let interrupted = match &result {
        Err(err) => err
            .downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::Interrupted),
        Ok(_) => frontend::terminal::was_interrupted(),
    };
    if interrupted {
        return Err(CommandError::new(ErrorKind::Interrupted, Interrupted));
    }
    let ending = result?;
    // The day's health check, once the last question is done (never before the first).
    let day = progress.study_day().date(ctx.clock.offset());
    progress.store.check_daily(day, ctx.clock.now())?;
    Ok(ending)
}

/// Prints a report or notice (the intro, the summary) on stdout, whichever front end
/// ran the session: the terminal front end draws its prompts on stderr, but reports
/// belong on stdout.
pub fn print(text: &str) -> Result<()> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    writeln!(out, "{text}")?;
    Ok(())
}

/// A sentence for when a card comes due: "in 3 hours (2026-11-28 14:00)".
pub fn when(due: DateTime<Utc>, now: DateTime<Utc>, ctx: &Context) -> String {
    format!(
        "{} ({})",
        super::relative_time(due, now),
        ctx.local_time(due)
    )
}

/// The session options for a mode.
pub fn options(
    mode: session::Mode,
    feedback_now: bool,
    ask_rating: bool,
    seed: u64,
) -> session::Settings {
    session::Settings {
        mode,
        feedback_now,
        ask_rating,
        seed,
    }
}
