//! `recall interview`: a mock interview, tier by tier.

use super::study::{self, RatingArgs, StudyArgs};
use super::{CommandError, Context, Outcome};
use crate::bank::Tier;
use crate::session::{Mode, Queued, Session, report, select};

/// Rehearse a mock interview, tier by tier
///
/// Questions go from beginner to intermediate to advanced to
/// scenario discussion, answered in your own words (two per tier unless --count says
/// otherwise). Each answer is timed; after each you see the score, which concepts you
/// covered and missed, and the model answer. At the end: readiness for each tier that
/// was asked ("ready" takes at least two answers, four in five of them passing) and the
/// questions to revisit.
///
/// Interview answers feed the scheduler like drill answers: rate each one (Enter takes
/// the suggestion) or use --auto-rate.
///
/// Example: recall interview --tier advanced --tier scenario --count 4
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The options every study command takes.
    #[command(flatten)]
    pub study: StudyArgs,

    /// Ask this many questions in all, spread over the tiers [default: 2 per tier]
    #[arg(long, value_name = "N")]
    pub count: Option<usize>,

    /// How answers are rated.
    #[command(flatten)]
    pub rating: RatingArgs,
}

/// Runs `recall interview`.
pub fn run(ctx: &Context, args: Args) -> Result<Outcome, CommandError> {
    let library = study::load(ctx, &args.study)?;
    let mut progress = ctx.progress()?;
    study::recover(&args.study, &mut progress)?;
    let seed = args.study.seed(ctx);
    let questions = select::interview(args.study.filter().questions(&library), args.count, seed);
    if questions.is_empty() {
        return Err(CommandError::usage(
            "no interview questions match; `recall list` shows the tiers of each bank",
        ));
    }
    let entries: Vec<Queued> = questions
        .into_iter()
        .map(|(bank, question)| Queued {
            bank,
            question,
            schedules: true,
        })
        .collect();
    let tiers: Vec<String> = Tier::ALL
        .iter()
        .filter_map(|tier| {
            let asked = entries
                .iter()
                .filter(|e| e.question.tier == Some(*tier))
                .count();
            (asked > 0).then(|| format!("{} {asked}", tier.title()))
        })
        .collect();
    study::print_wrapped(&format!(
        "Mock interview: {} question{} ({}). Answer in your own words.\n",
        entries.len(),
        if entries.len() == 1 { "" } else { "s" },
        tiers.join(", ")
    ))?;
    let options = study::options(Mode::Interview, true, !args.rating.auto_rate, seed);
    let mut session = Session::new(entries, options, ctx.clock);
    let ran = study::run_session(
        ctx,
        &args.study,
        args.rating.editor,
        &crate::grade::Grader::new(&library.banks),
        &mut progress,
        &mut session,
    )?;
    let width = crate::text::terminal_width();
    let report = format!(
        "{}\n\n{}",
        report::interview(&session, width),
        report::summary(&session, width)
    );
    ran.finish(&report, Outcome::Success)
}
