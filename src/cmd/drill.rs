//! `recall drill`: daily spaced repetition over what is due.

use super::study::{self, RatingArgs, StudyArgs};
use super::{CommandError, Context, Outcome};
use crate::frontend::Ending;
use crate::session::{Mode, Queued, Session, report};
use crate::store::QuestionKey;
use std::collections::HashMap;

/// Study what is due today, spaced for memory (FSRS)
///
/// Learning and relearning questions come first, then due reviews, then
/// new questions within today's limit (20 a day unless the config says otherwise).
///
/// After each answer you see whether it was right (for text, the score and each concept
/// matched or missed), then rate how well you recalled it: Enter takes the suggestion,
/// 1-4 picks again/hard/good/easy. Each rating is saved at once; quitting or Ctrl-C
/// loses nothing rated. At a terminal, multiple choice is a menu; elsewhere (or with
/// --plain) every prompt is a line on stdout and every answer a line on stdin, with
/// :skip, :undo and :quit.
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

    /// Questions in this session, at most
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,

    /// How answers are rated.
    #[command(flatten)]
    pub rating: RatingArgs,
}

/// Runs `recall drill`.
pub fn run(ctx: &Context, args: Args) -> Result<Outcome, CommandError> {
    let library = study::load(ctx, &args.study)?;
    let mut progress = ctx.progress()?;
    let now = ctx.clock.now();
    let filter = args.study.filter();
    let questions = filter.questions(&library);
    let keys: Vec<QuestionKey> = questions
        .iter()
        .map(|(b, q)| QuestionKey::new(&b.id, &q.id))
        .collect();
    let day = progress.study_day();
    let limits = progress.daily_limits();
    let mut queue = progress.store.due_queue(&keys, now, day, limits)?;
    if let Some(new) = args.new {
        queue.new.truncate(new);
    }
    let mut order: Vec<&QuestionKey> = queue.in_order().collect();
    if let Some(limit) = args.limit {
        order.truncate(limit);
    }
    // By key, not by a scan per queued question: a curriculum can hold 100,000.
    let by_key: HashMap<(&str, &str), usize> = questions
        .iter()
        .enumerate()
        .map(|(i, (b, q))| ((b.id.as_str(), q.id.as_str()), i))
        .collect();
    let entries: Vec<Queued> = order
        .iter()
        .filter_map(|key| {
            by_key
                .get(&(key.bank.as_str(), key.question.as_str()))
                .map(|&i| Queued {
                    bank: questions[i].0,
                    question: questions[i].1,
                    schedules: true,
                })
        })
        .collect();

    if entries.is_empty() {
        let mut message = String::from("Nothing is due now.");
        match progress.next_due(&library)? {
            Some((due, key)) => {
                message.push_str(&format!(
                    " The next question ({key}) comes due {}.",
                    study::when(due, now, ctx)
                ));
            }
            None if questions.is_empty() => message = "No questions match.".to_owned(),
            None => {}
        }
        if queue.reviews_held_back > 0 {
            message.push_str(&format!(
                " {} reviews are held back by today's limit of {}.",
                queue.reviews_held_back, limits.reviews_per_day
            ));
        }
        study::print(&message)?;
        return Ok(Outcome::Success);
    }

    let intro = format!(
        "Drill: {} question{} ({} learning, {} to review, {} new)\n",
        entries.len(),
        if entries.len() == 1 { "" } else { "s" },
        queue.learning.len(),
        queue.review.len(),
        queue.new.len()
    );
    study::print(&intro)?;
    let options = study::options(
        Mode::Drill,
        true,
        !args.rating.auto_rate,
        args.study.seed(ctx),
    );
    let mut session = Session::new(entries, options);
    let ending = study::run_session(
        ctx,
        &args.study,
        args.rating.editor,
        &library,
        &mut progress,
        &mut session,
    )?;

    let mut summary = report::summary(&session);
    if ending == Ending::EndOfInput {
        summary.push_str("\nInput ended; every rated answer is saved.");
    }
    if let Some((due, key)) = progress.next_due(&library)? {
        summary.push_str(&format!(
            "\nNext due: {key} {}",
            study::when(due, ctx.clock.now(), ctx)
        ));
    }
    study::print(&summary)?;
    Ok(Outcome::Success)
}
