//! `recall drill`: daily spaced repetition over what is due.

use super::Progress;
use super::study::{self, RatingArgs, StudyArgs};
use super::{CommandError, Context, Outcome};
use crate::grade::Grader;
use crate::session::{Mode, QuestionKey, Queued, Session, report, select};
use crate::stats::due::next_due;
use crate::store::{Curriculum, DueQueue, QueueOptions};
use chrono::TimeDelta;
use std::sync::Arc;

use super::chosen::Chosen;

/// Study what is due today, spaced for memory (FSRS)
///
/// Learning and relearning questions come first, then due reviews, then new questions
/// within today's limit (20 a day unless the config says otherwise), taken in turn from
/// each bank; questions a mock interview's report marked to revisit come before them
/// all. A question you fail comes back later in the same drill once its next
/// learning step is due (within the learn-ahead window, 20 minutes unless the config
/// says otherwise); the drill ends when nothing is due within it.
///
/// After each answer you see whether it was right (for text, the score and each concept
/// matched or missed), then rate how well you recalled it: the prompt shows when each
/// rating brings the question back (1 again 1m · 2 hard 6m · 3 good 10m · 4 easy 4d);
/// Enter takes the suggestion. Each rating is saved at once; quitting or Ctrl-C loses
/// nothing rated, and an answer waiting for its rating is saved with the suggested one.
/// At a terminal, letters pick a choice and Esc opens a menu to skip, undo, suspend,
/// bury, reset or quit; elsewhere (or with --plain) every prompt is a line on stdout and
/// every answer a line on stdin, with :skip, :undo, :suspend, :bury, :reset, :hint (when
/// the question has hints) and :quit.
///
/// Toward an interview date (`recall goal set`), the goal's new questions come first,
/// reviews come weakest on the date first, and a review due after the date is brought
/// back once in the week before it. With
/// --cram, the goal's weakest questions now, any number (--limit), without moving their
/// schedule: answers are logged, and each question comes due when it would have.
///
/// Example: recall drill --bank mod-docker-04 --new 5
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The options every study command takes.
    #[command(flatten)]
    pub study: StudyArgs,

    /// New questions to introduce this session, at most [default: what today's limit leaves]
    #[arg(long, value_name = "N")]
    pub new: Option<usize>,

    /// Questions in this session, at most (questions that come back count once)
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,

    /// Study ahead: also ask what comes due within this time (30m, 12h, 1d, 7d)
    #[arg(long, value_name = "TIME", value_parser = parse_ahead)]
    pub ahead: Option<TimeDelta>,

    /// Go over the goal's weakest questions on the interview date now, whether due or
    /// not, without moving their schedule [default: those not ready on the date; --limit
    /// for another number]
    #[arg(long, conflicts_with_all = ["new", "ahead"])]
    pub cram: bool,

    /// How answers are rated.
    #[command(flatten)]
    pub rating: RatingArgs,
}

fn parse_ahead(text: &str) -> Result<TimeDelta, String> {
    crate::config::parse_step(text).ok_or_else(|| {
        format!("`{text}` is not a time; write a number and a unit (s, m, h or d), like 1d")
    })
}

/// Runs `recall drill`.
///
/// Starts in the time of today's queue, not of the curriculum: the banks are a lean
/// [`crate::bank::Catalog`] (the questions stay in the bank cache), the queue is built
/// through each bank's keys ([`Chosen`]), and only the questions it holds are decoded; a
/// bank's other questions are decoded when the grader first needs the whole bank.
pub fn run(ctx: &Context, args: Args) -> Result<Outcome, CommandError> {
    let mut catalog = study::load_catalog(ctx, &args.study)?;
    let mut progress = ctx.progress()?;
    study::recover(&args.study, &mut progress)?;
    // Toward a goal every question is decoded (the goal is assessed over its questions
    // in full); without one, only the questions queued.
    if args.cram || progress.goal()?.is_some() {
        catalog.decode_outlines()?;
    }
    let catalog = Arc::new(catalog);
    if args.cram {
        return cram(ctx, &args, &catalog.library_of(|_| true)?, &mut progress);
    }
    let goal_library = progress.goal_library(&catalog)?;
    let now = ctx.clock.now();
    let filter = args.study.filter();
    let chosen = Chosen::new(&catalog, &filter);
    let mut options = progress.queue_options(args.ahead.unwrap_or_default());
    if let Some(library) = &goal_library {
        options.toward = progress.toward(library)?;
    }
    let queue = progress
        .store
        .todays_queue(&chosen, now, progress.study_day(), &options)?
        .limited(args.new, args.limit);
    // The questions a mock interview's report marked to revisit come first.
    let revisit = revisits(ctx, &progress, &chosen)?;
    let library = match goal_library {
        Some(library) => library,
        None => catalog.library_of_keys(
            revisit
                .iter()
                .chain(queue.in_order())
                .map(|key| (key.bank.as_str(), key.question.as_str())),
        )?,
    };
    let questions = filter.questions(&library);
    let rest = queue.in_order().filter(|key| !revisit.contains(key));
    let entries = select::queued(&questions, revisit.iter().chain(rest));

    if entries.is_empty() {
        study::print(&nothing_due(ctx, &progress, &chosen, &queue, &options)?)?;
        return Ok(Outcome::Success);
    }

    study::print_wrapped(&intro(
        &progress,
        &options,
        &queue,
        &revisit,
        entries.len(),
    )?)?;
    let mut settings = study::options(
        Mode::Drill,
        true,
        !args.rating.auto_rate,
        args.study.seed(ctx),
    );
    settings.learn_ahead = Some(options.learn_ahead);
    let mut session = Session::new(entries, settings, ctx.clock);
    let whole = Arc::clone(&catalog);
    let grader = Grader::new(&library.banks).with_banks_from(move |id| whole.full_bank(id).ok()?);
    let ran = study::run_session(
        ctx,
        &args.study,
        args.rating.editor,
        &grader,
        &mut progress,
        &mut session,
        None,
    )?;

    let summary = summary(ctx, &progress, &chosen, &session)?;
    ran.finish(&summary, Outcome::Success)
}

/// The questions a mock interview's report marked to revisit today, of those chosen.
fn revisits(
    ctx: &Context,
    progress: &Progress,
    chosen: &Chosen,
) -> Result<Vec<QuestionKey>, CommandError> {
    let today = progress.study_day().date(ctx.clock.offset());
    let revisit = progress
        .store
        .revisits(today)?
        .into_iter()
        .filter(|key| chosen.contains(&key.bank, &key.question))
        .collect();
    chosen.checked()?;
    Ok(revisit)
}

/// The drill's closing summary, and when the next question falls due.
fn summary(
    ctx: &Context,
    progress: &Progress,
    chosen: &Chosen,
    session: &Session,
) -> Result<String, CommandError> {
    let width = crate::text::terminal_width();
    let mut summary = report::summary(session, width);
    let next = next_line(ctx, progress, chosen)?;
    chosen.checked()?;
    if !next.is_empty() {
        summary.push('\n');
        summary.push_str(&crate::text::wrap(&next, width, ""));
    }
    Ok(summary)
}

/// What a drill with nothing to ask says: when the next question comes due, or that no
/// question matches, and the reviews today's limit holds back.
fn nothing_due(
    ctx: &Context,
    progress: &Progress,
    keys: &Chosen,
    queue: &DueQueue,
    options: &QueueOptions,
) -> Result<String, CommandError> {
    let now = ctx.clock.now();
    let mut message = String::from("Nothing is due now.");
    match next_due(&progress.store, keys, now)? {
        Some((due, key)) => message.push_str(&format!(
            " The next question ({key}) comes due {}; `recall drill --ahead 1d` studies \
             ahead.",
            study::when(due, now, ctx)
        )),
        None if keys.is_empty() => message = "No questions match.".to_owned(),
        None => {}
    }
    if queue.reviews_held_back > 0 {
        message.push_str(&format!(
            " {} reviews are held back by today's limit of {}.",
            queue.reviews_held_back, options.limits.reviews_per_day
        ));
    }
    Ok(message)
}

/// The line that opens a drill: how many questions of each kind, the ones to revisit
/// first, and the interview date it works toward.
fn intro(
    progress: &Progress,
    options: &QueueOptions,
    queue: &DueQueue,
    revisit: &[QuestionKey],
    count: usize,
) -> Result<String, CommandError> {
    let toward = match &options.toward {
        Some(_) => match progress.goal()? {
            Some((goal, _)) => format!("; toward the interview on {}, weakest first", goal.date),
            None => String::new(),
        },
        None => String::new(),
    };
    let first = if revisit.is_empty() {
        String::new()
    } else {
        format!("{} to revisit first, ", revisit.len())
    };
    let in_queue = |list: &[crate::session::QuestionKey]| {
        list.iter().filter(|key| !revisit.contains(key)).count()
    };
    Ok(format!(
        "Drill: {count} question{} ({first}{} learning, {} to review, {} new){toward}\n",
        if count == 1 { "" } else { "s" },
        in_queue(&queue.learning),
        in_queue(&queue.review),
        in_queue(&queue.new)
    ))
}

/// After a drill: more is due now, or when the next question comes due.
fn next_line(ctx: &Context, progress: &Progress, keys: &Chosen) -> Result<String, CommandError> {
    let now = ctx.clock.now();
    Ok(match next_due(&progress.store, keys, now)? {
        Some((due, _)) if due <= now => {
            "More questions are due now: `recall drill` goes on.".to_owned()
        }
        Some((due, key)) => format!("Next due: {key} {}", study::when(due, now, ctx)),
        None => String::new(),
    })
}

/// `recall drill --cram`: the goal's weakest questions on the date, asked now without
/// moving their schedule (each answer is logged as not rescheduling, as a quiz answer
/// to a question that is not due is).
fn cram(
    ctx: &Context,
    args: &Args,
    library: &crate::bank::Library,
    progress: &mut crate::cmd::Progress,
) -> Result<Outcome, CommandError> {
    let Some(status) = progress.goal_status(library)? else {
        return Err(CommandError::usage(
            "--cram studies toward an interview date, and no goal is set",
        )
        .hint("`recall goal set 2026-12-20` sets one (`recall goal --help` says more)"));
    };
    let filter = args.study.filter();
    let questions = filter.questions(library);
    let by_key: std::collections::HashMap<String, usize> = questions
        .iter()
        .enumerate()
        .map(|(i, (bank, question))| (format!("{}/{}", bank.id, question.id), i))
        .collect();
    let weakest: Vec<&crate::goal::OnDate> = status
        .readiness
        .weakest
        .iter()
        .filter(|q| by_key.contains_key(&q.question))
        .collect();
    let count = args
        .limit
        .unwrap_or_else(|| weakest.iter().filter(|q| !q.ready).count());
    if weakest.is_empty() || count == 0 {
        study::print_wrapped(&if weakest.is_empty() {
            "No question of the goal matches.".to_owned()
        } else {
            format!(
                "Every question of the goal is ready on {}; `recall drill --cram --limit 10` \
                 goes over the 10 weakest anyway.",
                status.date
            )
        })?;
        return Ok(Outcome::Success);
    }
    let entries: Vec<Queued> = weakest
        .iter()
        .take(count)
        .map(|q| {
            let (bank, question) = questions[by_key[&q.question]];
            Queued {
                bank,
                question,
                schedules: false,
            }
        })
        .collect();
    study::print_wrapped(&format!(
        "Cram: {} question{} weakest on {} first; answers are logged, schedules stay as \
         they are\n",
        entries.len(),
        if entries.len() == 1 { "" } else { "s" },
        status.date
    ))?;
    let settings = study::options(Mode::Drill, true, false, args.study.seed(ctx));
    let mut session = Session::new(entries, settings, ctx.clock);
    let ran = study::run_session(
        ctx,
        &args.study,
        args.rating.editor,
        &Grader::new(&library.banks),
        progress,
        &mut session,
        None,
    )?;
    let summary = report::summary(&session, crate::text::terminal_width());
    ran.finish(&summary, Outcome::Success)
}
