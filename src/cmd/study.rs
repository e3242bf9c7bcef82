//! What `drill`, `quiz` and `interview` share: their common options, loading and
//! filtering the banks, choosing the front end, running a session over the store, and
//! the answers a session could not save (kept in the recovery file, offered back at
//! the next start).
//!
//! Each verb builds its own list of questions and options, then hands them to
//! [`run_session`]; everything after that (asking, grading, recording, the summary) is
//! the same for all three.

use super::args::BankPaths;
use super::{CommandError, Context, ErrorKind, Interrupted, Outcome, Progress};
use crate::bank::{Bank, Catalog, KindName, Library, Tier};
use crate::clock::Clock;
use crate::frontend::{self, Ending, FrontEnd, plain, terminal::Terminal};
use crate::grade::Grader;
use crate::schedule::Rating;
use crate::session::select::{self, Filter};
use crate::session::{
    self, Mark, NewReview, QuestionKey, RecordError, Recorder, ReviewId, Saved, Session,
};
use crate::store::{StoreError, recovery};
use anyhow::Result;
use chrono::{DateTime, Utc};
use std::collections::BTreeMap;
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

    /// Only questions of this kind (repeat for several); multiple_choice includes
    /// true_false
    #[arg(long = "kind", value_name = "KIND")]
    pub kinds: Vec<KindName>,

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

    /// Save the answers an earlier session could not save (kept in DB.unsaved) before
    /// starting; at a terminal recall asks, in plain mode it only says they are waiting
    #[arg(long)]
    pub recover: bool,
}

/// Options of the study commands whose answers the learner rates (drill, interview).
#[derive(Debug, Clone, clap::Args)]
pub struct RatingArgs {
    /// Take the suggested rating without asking
    #[arg(long)]
    pub auto_rate: bool,

    /// Write interview answers in $VISUAL (else $EDITOR), which opens with the question
    /// as # comment lines
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

/// The banks, valid, with the `--bank` and `--tag` filters checked against them: a
/// filter that names nothing is an error that says what there is. A plain session
/// turns colour off here, before it prints anything: its transcript is for scripts and
/// screen readers.
pub fn load(ctx: &Context, args: &StudyArgs) -> Result<Library, CommandError> {
    if args.is_plain() {
        crate::style::disable();
    }
    let library = ctx.load_valid_banks(&args.paths)?;
    check_filter(args, &library.banks, || select::tags(&library))?;
    Ok(library)
}

/// [`load`], as a catalog: the questions stay in the bank cache until the session
/// knows which it asks (`drill`). Lean (see [`Catalog::load_lean`]) unless the filter
/// narrows by what only the outlines say (tag, kind, tier).
pub fn load_catalog(ctx: &Context, args: &StudyArgs) -> Result<Catalog, CommandError> {
    if args.is_plain() {
        crate::style::disable();
    }
    let mut catalog = ctx.load_valid_lean_catalog(&args.paths)?;
    if args.filter().by_outline() {
        catalog.decode_outlines()?;
    }
    check_filter(args, &catalog.banks, || select::catalog_tags(&catalog))?;
    Ok(catalog)
}

/// Refuses a `--bank` or `--tag` filter that names nothing in `banks` or in the tags
/// `tags` counts (asked for only when `--tag` was given), saying what there is.
fn check_filter<'k>(
    args: &StudyArgs,
    banks: &[Bank],
    tags: impl FnOnce() -> BTreeMap<&'k str, usize>,
) -> Result<(), CommandError> {
    let filter = args.filter();
    let unknown = filter.unknown_banks(banks);
    if !unknown.is_empty() {
        let known: Vec<&str> = banks.iter().map(|b| b.id.as_str()).collect();
        return Err(CommandError::usage(format!(
            "no bank `{}`; the banks are: {}",
            unknown.join("`, `"),
            known.join(", ")
        )));
    }
    if filter.tags.is_empty() {
        return Ok(());
    }
    let tags = tags();
    let unknown = filter.unknown_tags(&tags);
    if !unknown.is_empty() {
        let suggestion = unknown
            .first()
            .and_then(|tag| crate::lang::suggest(tag, tags.keys().copied()));
        let known = if let Some(suggestion) = suggestion {
            format!("did you mean `{suggestion}`?")
        } else if tags.is_empty() {
            "the banks have no tags".to_owned()
        } else {
            format!(
                "the tags are: {}",
                tags.keys().copied().collect::<Vec<_>>().join(", ")
            )
        };
        return Err(CommandError::usage(format!(
            "no question has the tag `{}`; {known}",
            unknown.join("`, `")
        ))
        .hint("`recall list --tags` lists the tags with their questions"));
    }
    Ok(())
}

/// Records rated answers and marks in the store the moment they are given.
struct StoreRecorder<'p> {
    progress: &'p mut Progress,
    clock: Clock,
}

/// A store error as the session sees it: busy (worth retrying by itself), or not.
fn record_error(error: StoreError) -> RecordError {
    if error.is_busy() {
        RecordError::Busy(Box::new(error))
    } else {
        RecordError::Failed(Box::new(error))
    }
}

impl Recorder for StoreRecorder<'_> {
    fn record(&mut self, review: &NewReview) -> Result<Saved, RecordError> {
        let progress = &mut *self.progress;
        let recorded = progress
            .store
            .record(review, &progress.scheduler, self.clock.now())
            .map_err(record_error)?;
        Ok(Saved {
            id: recorded.id,
            due: recorded.card.due.filter(|_| review.reschedules),
        })
    }

    fn mark(&mut self, key: &QuestionKey, mark: Mark) -> Result<ReviewId, RecordError> {
        let progress = &mut *self.progress;
        let day = progress.study_day();
        progress
            .store
            .mark(key, mark, &progress.scheduler, self.clock.now(), day)
            .map_err(record_error)
    }

    fn undo(&mut self, id: ReviewId) -> Result<(), RecordError> {
        let progress = &mut *self.progress;
        match progress.store.undo(id, &progress.scheduler) {
            Ok(_) => Ok(()),
            Err(StoreError::NotLatest(_)) => Err(RecordError::Superseded),
            Err(error) => Err(record_error(error)),
        }
    }

    fn preview(&mut self, key: &QuestionKey, now: DateTime<Utc>) -> Option<[DateTime<Utc>; 4]> {
        let progress = &*self.progress;
        let card = progress.store.card(key).ok()?;
        let fuzz_key = key.to_string();
        Some(Rating::ALL.map(|rating| {
            progress
                .scheduler
                .review(&card, rating, now, &fuzz_key)
                .due
                .unwrap_or(now)
        }))
    }
}

/// How a session ran: how it ended, and what the learner must be told at the end.
#[must_use]
pub struct Ran {
    /// How it ended.
    pub ending: Ending,
    notes: Vec<String>,
    /// The day's health check of the database, when it failed: reported after the
    /// summary (every answer of the session is saved by then).
    health: Option<CommandError>,
    /// Whether the closing offer was made (its report printed before it).
    pub offered: bool,
    /// The learner's answer to the closing offer, when one was made and answered.
    pub accepted: Option<bool>,
}

/// Makes a session's closing offer from how it went; `None` when there is nothing to
/// offer.
pub type MakeOffer<'f> = dyn Fn(&Session) -> Option<Offer> + 'f;

/// What a session offers at its end, asked through its front end (whose input it is):
/// `before` is printed first (a report to decide on), then `question` is asked, no
/// unless the learner says yes.
pub struct Offer {
    /// Printed before the question (may be empty).
    pub before: String,
    /// The yes-or-no question.
    pub question: String,
}

impl Ran {
    /// Prints `report` (the summary) and the notes (answers kept for later, input that
    /// ended), then gives the command's result: `outcome`, or exit 130 after Ctrl-C
    /// (with the same report as `:quit`).
    pub fn finish(self, report: &str, outcome: Outcome) -> Result<Outcome, CommandError> {
        let mut lines: Vec<&str> = Vec::new();
        if !report.is_empty() {
            lines.push(report);
        }
        lines.extend(self.notes.iter().map(String::as_str));
        if !lines.is_empty() {
            print(&lines.join("\n"))?;
        }
        if let Some(error) = self.health {
            return Err(error);
        }
        if self.ending == Ending::Interrupted {
            return Err(CommandError::new(ErrorKind::Interrupted, Interrupted));
        }
        Ok(outcome)
    }
}

/// Runs `session` over the chosen front end, and keeps what could not be saved in the
/// recovery file; then, unless the learner stopped it with Ctrl-C or input ended, asks
/// what `offer` makes of it (its answer in [`Ran::accepted`]); the verb prints its
/// report with [`Ran::finish`].
pub fn run_session(
    ctx: &Context,
    args: &StudyArgs,
    editor: bool,
    grader: &Grader,
    progress: &mut Progress,
    session: &mut Session,
    offer: Option<&MakeOffer>,
) -> Result<Ran, CommandError> {
    let recovery_path = recovery::path_for(progress.store.path());
    let mut recorder = StoreRecorder {
        progress,
        clock: ctx.clock,
    };
    frontend::install_interrupt_handler();
    let mut front: Box<dyn FrontEnd> = if args.is_plain() {
        Box::new(plain::Plain::new(
            plain::StdinLines::start(),
            std::io::stdout().lock(),
            crate::text::terminal_width,
        ))
    } else {
        Box::new(Terminal::new(editor))
    };
    let result = frontend::drive(session, front.as_mut(), grader, &mut recorder, &ctx.clock);
    let mut accepted = None;
    let offered = match (&result, offer) {
        (Ok(Ending::Completed | Ending::Quit), Some(offer)) if !frontend::interrupted() => {
            offer(session)
        }
        _ => None,
    };
    let was_offered = offered.is_some();
    if let Some(offer) = offered {
        if !offer.before.is_empty() {
            print(&offer.before)?;
        }
        accepted = match front.confirm(&offer.question) {
            Ok(answer) => answer,
            Err(error) if error.kind() == std::io::ErrorKind::Interrupted => None,
            Err(error) => return Err(error.into()),
        };
    }
    drop(front);
    let mut notes = keep_unsaved(session, &recovery_path);
    let mut ending = result?;
    // Ctrl-C just as the session ended otherwise (at the end of input, say) still
    // means the learner stopped it: exit 130.
    if frontend::interrupted() {
        ending = Ending::Interrupted;
    }
    if ending == Ending::EndOfInput {
        notes.push("Input ended; every rated answer is saved.".to_owned());
    }
    // The day's health check, once the last question is done (never before the first).
    let day = progress.study_day().date(ctx.clock.offset());
    let health = progress
        .store
        .check_daily(day, ctx.clock.now())
        .err()
        .map(CommandError::from);
    Ok(Ran {
        ending,
        notes,
        health,
        offered: was_offered,
        accepted,
    })
}

/// Keeps the answers whose commit failed in the recovery file beside the database (or,
/// when even that fails, prints them), and says so: the notes for the end of the session.
fn keep_unsaved(session: &Session, recovery_path: &std::path::Path) -> Vec<String> {
    let mut notes = Vec::new();
    if !session.unsaved().is_empty() {
        let count = session.unsaved().len();
        let answers = if count == 1 { "answer" } else { "answers" };
        let width = crate::text::terminal_width();
        match recovery::keep(recovery_path, session.unsaved()) {
            Ok(()) => notes.push(crate::text::wrap(
                &format!(
                    "{count} {answers} could not be saved; kept in {} until the next study \
                     session saves them (see `--recover`).",
                    recovery_path.display()
                ),
                width,
                "",
            )),
            Err(error) => {
                // The last place left: the terminal. Each line can be saved by hand.
                notes.push(crate::text::wrap(
                    &format!(
                        "{count} {answers} could not be saved, nor kept ({error}); here they \
                         are:"
                    ),
                    width,
                    "",
                ));
                for unsaved in session.unsaved() {
                    notes.push(format!("  {unsaved:?}"));
                }
            }
        }
    }
    notes
}

/// Offers to save the answers an earlier session could not save: with `--recover` at
/// once, at a terminal after asking, in plain mode only with a notice on stderr (a
/// script's stdin is its answers, so it is never read for this).
pub fn recover(args: &StudyArgs, progress: &mut Progress) -> Result<(), CommandError> {
    let path = recovery::path_for(progress.store.path());
    let unsaved = recovery::read(&path).map_err(CommandError::from_data)?;
    if unsaved.is_empty() {
        return Ok(());
    }
    let count = unsaved.len();
    let answers = if count == 1 { "answer" } else { "answers" };
    let save = if args.recover {
        true
    } else if args.is_plain() {
        eprintln!(
            "note: {count} {answers} from an earlier session could not be saved then; they \
             are kept in {}. Run with --recover to save them (or delete the file to drop them).",
            path.display()
        );
        false
    } else {
        let question = format!(
            "{count} {answers} from an earlier session could not be saved then. Save {} now?",
            if count == 1 { "it" } else { "them" }
        );
        match frontend::terminal::confirm(&question) {
            Ok(save) => save,
            Err(error) if error.kind() == std::io::ErrorKind::Interrupted => {
                return Err(CommandError::new(ErrorKind::Interrupted, Interrupted));
            }
            Err(error) => return Err(error.into()),
        }
    };
    if !save {
        return Ok(());
    }
    match progress.store.import_unsaved(&unsaved, &progress.scheduler) {
        Ok(saved) => {
            recovery::write(&path, &[]).map_err(CommandError::from_data)?;
            print(&format!(
                "Saved {saved} {} from an earlier session.\n",
                if saved == 1 { "answer" } else { "answers" }
            ))?;
            Ok(())
        }
        Err((saved, error)) => {
            // Keep what is left for the next time.
            recovery::write(&path, &unsaved[saved..]).map_err(CommandError::from_data)?;
            Err(CommandError::from(error).hint(format!(
                "the answers not saved are still kept in {}",
                path.display()
            )))
        }
    }
}

/// Prints a report or notice (the intro, the summary) on stdout, whichever front end
/// ran the session: the terminal front end draws its prompts on stderr, but reports
/// belong on stdout. Its colour stays only where stdout takes it (never in plain mode).
pub fn print(text: &str) -> Result<()> {
    use std::io::Write;
    let mut out = crate::style::stdout();
    writeln!(out, "{text}")?;
    Ok(())
}

/// Prints a one-paragraph notice (a session's intro) wrapped to the terminal's width.
pub fn print_wrapped(text: &str) -> Result<()> {
    print(&crate::text::wrap(text, crate::text::terminal_width(), ""))
}

/// A sentence for when a card comes due: "in 3 hours (2026-11-28 14:00)".
pub fn when(due: DateTime<Utc>, now: DateTime<Utc>, ctx: &Context) -> String {
    format!(
        "{} ({})",
        super::relative_time(due, now),
        ctx.local_time(due)
    )
}

/// The session settings for a mode (no relearning; a drill adds its window).
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
        learn_ahead: None,
        follow_ups: mode == session::Mode::Interview,
    }
}
