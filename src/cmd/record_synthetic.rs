//! `recall record-synthetic` (hidden): records N made-up answers, each in its
//! own transaction, printing each review id once it is committed.
//!
//! It exists for the reliability tests (`tests/store_reliability.rs`): two of
//! these writing to one database at once, or one killed with SIGKILL half-way,
//! must lose nothing that was committed. It goes through the same
//! `Store::record` as real sessions; only the answers are synthetic. It is
//! hidden from `--help` because it is no use to a learner.

use std::io::Write;

use chrono::TimeDelta;

use super::{CommandError, Context, Outcome};
use crate::schedule::Rating;
use crate::store::{Mode, NewReview, QuestionKey};

/// Record synthetic answers (for reliability testing).
#[derive(Debug, clap::Args)]
pub struct Args {
    /// How many answers to record
    #[arg(long)]
    pub count: u32,

    /// The bank id to record them under
    #[arg(long, default_value = "synthetic")]
    pub bank: String,

    /// Spread the answers over this many questions (q0, q1, ...)
    #[arg(long, default_value_t = 10, value_parser = clap::value_parser!(u32).range(1..))]
    pub questions: u32,
}

/// Runs `recall record-synthetic`.
pub fn run(ctx: &Context, args: Args) -> Result<Outcome, CommandError> {
    let super::Progress {
        mut store,
        scheduler,
        ..
    } = ctx.progress()?;
    let start = ctx.clock.now();
    let mut out = std::io::stdout().lock();
    for index in 0..args.count {
        let review = NewReview {
            key: QuestionKey::new(&args.bank, format!("q{}", index % args.questions)),
            mode: Mode::Drill,
            answer: format!("synthetic answer {index}"),
            score: Some(f64::from(index % 5) / 4.0),
            suggested: None,
            rating: Rating::ALL[(index % 4) as usize],
            duration_ms: u64::from(index % 7) * 1000,
            reschedules: true,
        };
        // Distinct times, a minute apart, so the log has an order in time too.
        let now = start + TimeDelta::minutes(i64::from(index));
        let recorded = store.record(&review, &scheduler, now)?;
        writeln!(out, "recorded {}", recorded.id.0)?;
        out.flush()?;
    }
    Ok(Outcome::Success)
}
