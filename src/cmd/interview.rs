//! `recall interview`: a mock interview, tier by tier.

use super::study::{self, RatingArgs, StudyArgs};
use super::{CommandError, Context, Outcome};
use crate::bank::Tier;
use crate::session::readiness::Readiness;
use crate::session::{Mode, Queued, Session, report, select};

/// Rehearse a mock interview, tier by tier
///
/// Questions go from beginner to intermediate to advanced to
/// scenario discussion, answered in your own words (two per tier unless --count says
/// otherwise). Each answer is timed against a target (the question's `time`, else its
/// tier's: beginner 1m, intermediate 1m 30s, advanced 2m, scenario 3m); at a terminal a
/// timer runs just above the line you type. After each answer you see the score, which
/// concepts you covered and missed, the time against the target (over time is
/// flagged), and the model answer; then the question's follow-ups are asked, as an
/// interviewer would probe (some only after a pass, some only after a fail).
///
/// A question may have hints: `:hint` (at a terminal, Esc then h) shows the next one;
/// the suggested rating is then Hard at best, and the log records the hints taken.
///
/// At the end, the readiness report: for each tier that was asked, the score, the
/// follow-ups, the time against the target ("ready" takes at least two answers, four in
/// five of them passing); the concepts missed most; and the questions to revisit, the
/// weakest first. recall then offers to put those questions first in tomorrow's drill
/// (y/N).
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

    /// Print the readiness report as one JSON object, the last line of stdout, instead
    /// of text (the session's own prompts are unchanged)
    #[arg(long)]
    pub json: bool,
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
    study::print_wrapped(&intro(&entries))?;
    let options = study::options(Mode::Interview, true, !args.rating.auto_rate, seed);
    let mut session = Session::new(entries, options, ctx.clock);
    let width = crate::text::terminal_width();
    let text = |session: &Session| {
        format!(
            "{}\n\n{}",
            report::interview(session, width),
            report::summary(session, width)
        )
    };
    let json = args.json;
    let offer = |session: &Session| {
        let count = Readiness::of(session).revisit.len();
        (count > 0).then(|| study::Offer {
            before: if json { String::new() } else { text(session) },
            question: format!(
                "Put {} first in tomorrow's drill?",
                if count == 1 {
                    "this question".to_owned()
                } else {
                    format!("these {count} questions")
                }
            ),
        })
    };
    let ran = study::run_session(
        ctx,
        &args.study,
        args.rating.editor,
        &crate::grade::Grader::new(&library.banks),
        &mut progress,
        &mut session,
        Some(&offer),
    )?;
    let readiness = Readiness::of(&session);
    let marked = ran.accepted == Some(true);
    if marked {
        let tomorrow = progress.study_day().shifted(1).date(ctx.clock.offset());
        progress
            .store
            .mark_revisit(&readiness.revisit_keys(), ctx.clock.now(), tomorrow)?;
    }
    let report = if json {
        closing_json(&readiness, &session, marked)?
    } else if ran.offered {
        // The report was shown before the offer.
        if marked {
            "Tomorrow's drill asks them first.".to_owned()
        } else {
            String::new()
        }
    } else {
        text(&session)
    };
    ran.finish(&report, Outcome::Success)
}

/// The line that opens a mock interview: how many questions, from which tiers.
fn intro(entries: &[Queued]) -> String {
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
    format!(
        "Mock interview: {} question{} ({}). Answer in your own words.\n",
        entries.len(),
        if entries.len() == 1 { "" } else { "s" },
        tiers.join(", ")
    )
}

/// The readiness report as one JSON object (`--json`), with the session's counts and
/// whether the questions to revisit go first in tomorrow's drill.
fn closing_json(
    readiness: &Readiness,
    session: &Session,
    marked: bool,
) -> Result<String, CommandError> {
    let mut value = serde_json::to_value(readiness).map_err(anyhow::Error::from)?;
    value["revisit_first_tomorrow"] = serde_json::Value::Bool(marked);
    value["summary"] =
        serde_json::to_value(summary_json(&session.tally())).map_err(anyhow::Error::from)?;
    Ok(crate::text::terminal_safe_json_line(&value)?)
}

/// The session's counts for `--json`.
fn summary_json(t: &crate::session::Tally) -> serde_json::Value {
    serde_json::json!({
        "questions": t.total,
        "answered": t.answered,
        "right": t.right,
        "skipped": t.skipped,
        "seconds": t.elapsed_ms as f64 / 1000.0,
    })
}
