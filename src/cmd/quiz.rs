//! `recall quiz`: a knowledge check with a score at the end.

use super::study::{self, StudyArgs};
use super::{CommandError, Context, Outcome};
use crate::session::{Mode, Queued, Session, report, select};

/// Take a knowledge check and get a score
///
/// One bank's knowledge check (--bank ID: its questions in order), or any
/// selection (--tag, --kind, --tier), answered one after another; with nothing to narrow
/// it, 10 questions drawn at random from all the banks. --count N draws N at random.
/// Then a report: for each question what you chose and what was right (with the
/// choices' text), or for a text question what was missed, what each known mistake it
/// makes gets wrong, and the model answer; and one score. With --pass, the exit status says whether you reached the mark (0 yes,
/// 1 no).
///
/// The score is the share of the quiz's questions answered right: a choice question
/// when exactly the right choices are chosen, a text question when its answer reaches
/// the rubric's pass mark. Skipped and unanswered questions count as wrong. --pass
/// compares this same number with the mark.
///
/// Attempts go into the review log. A question that is due is rescheduled by your
/// answer as in a drill; one that is not due keeps its schedule.
///
/// Example: recall quiz --bank mod-docker-04 --kind multiple_choice --count 10 --pass 80
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The options every study command takes.
    #[command(flatten)]
    pub study: StudyArgs,

    /// Ask this many questions, drawn at random (with --seed, the same ones every time)
    /// [default: all that match a filter; 10 with none]
    #[arg(long, value_name = "N")]
    pub count: Option<usize>,

    /// When to show whether each answer was right: at the end (a real test) or now
    #[arg(long, value_enum, default_value_t = Feedback::End)]
    pub feedback: Feedback,

    /// The pass mark in percent of the score (see above); below it the quiz exits with
    /// status 1
    #[arg(long, value_name = "PERCENT", value_parser = parse_percent)]
    pub pass: Option<f64>,
}

/// When `recall quiz` shows whether an answer was right.
#[allow(
    missing_docs,
    reason = "a variant's doc comment would become its help in `--help`; `--feedback` explains them"
)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Feedback {
    Now,
    End,
}

fn parse_percent(text: &str) -> Result<f64, String> {
    let value: f64 = text
        .trim_end_matches('%')
        .parse()
        .map_err(|_| format!("`{text}` is not a number; write a percentage like 80"))?;
    if (0.0..=100.0).contains(&value) {
        Ok(value)
    } else {
        Err("the pass mark is a percentage from 0 to 100".to_owned())
    }
}

/// Runs `recall quiz`.
pub fn run(ctx: &Context, args: Args) -> Result<Outcome, CommandError> {
    let library = study::load(ctx, &args.study)?;
    let mut progress = ctx.progress()?;
    study::recover(&args.study, &mut progress)?;
    let seed = args.study.seed(ctx);
    let filter = args.study.filter();
    let count = args
        .count
        .or_else(|| filter.is_empty().then_some(select::QUIZ_DEFAULT_COUNT));
    let questions = select::quiz(filter.questions(&library), count, seed);
    if questions.is_empty() {
        return Err(CommandError::usage(
            "no questions match; `recall list` shows the banks and their questions",
        ));
    }
    let now = ctx.clock.now();
    let mut entries = Vec::with_capacity(questions.len());
    for (bank, question) in questions {
        let card = progress
            .store
            .card(&crate::store::QuestionKey::new(&bank.id, &question.id))?;
        // Only a question that is due is rescheduled by a quiz answer.
        let schedules = card.state != crate::schedule::State::New && card.is_due(now);
        entries.push(Queued {
            bank,
            question,
            schedules,
        });
    }
    let banks = {
        let mut ids: Vec<&str> = entries.iter().map(|e| e.bank.id.as_str()).collect();
        ids.dedup();
        ids.sort_unstable();
        ids.dedup();
        ids.len()
    };
    study::print_wrapped(&format!(
        "Quiz: {} question{}{}{}\n",
        entries.len(),
        if entries.len() == 1 { "" } else { "s" },
        match (args.count, filter.is_empty()) {
            (None, true) => format!(
                " drawn from {banks} bank{} (--bank ID for one bank's check, --count N for more)",
                if banks == 1 { "" } else { "s" }
            ),
            _ => String::new(),
        },
        match args.pass {
            Some(mark) => format!(", pass mark {mark:.0}%"),
            None => String::new(),
        }
    ))?;
    let feedback_now = args.feedback == Feedback::Now;
    let options = study::options(Mode::Quiz, feedback_now, false, seed);
    let mut session = Session::new(entries, options, ctx.clock);
    let ran = study::run_session(
        ctx,
        &args.study,
        false,
        &crate::grade::Grader::new(&library.banks),
        &mut progress,
        &mut session,
        None,
    )?;
    let width = crate::text::terminal_width();
    let (text, passed) = report::quiz(&session, args.pass, width);
    let outcome = if passed {
        Outcome::Success
    } else {
        Outcome::Failure
    };
    let summary = report::summary(&session, width);
    ran.finish(&format!("{text}\n\n{summary}"), outcome)
}
