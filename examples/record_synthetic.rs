//! Records made-up answers into a progress database, each in its own transaction,
//! printing `recorded ID` once each is committed. Test support, not part of recall.
//!
//! ```text
//! cargo run --example record_synthetic -- --db PATH --count N [--bank B] [--questions K]
//! ```
//!
//! The reliability tests (`tests/suites/store_reliability.rs`) run two of these on one
//! database at once, or kill one with SIGKILL half-way, and check that nothing committed
//! is lost. It goes through the same `Store::record` as real sessions (with the default
//! scheduler, or the parameters `recall optimize` saved); only the answers are made up.
//! Answer N is recorded N minutes after "now" (`RECALL_NOW` when set), so the log has an
//! order in time too. Like a session, it waits and tries again while the database is
//! busy (`session::review::BUSY_BACKOFF`), so that a loaded machine slows the writers
//! down rather than failing them. `cargo test` builds it along with the tests.

use std::io::Write;
use std::path::PathBuf;

use anyhow::Result;
use chrono::TimeDelta;
use clap::Parser;
use recall::clock::Clock;
use recall::schedule::{Rating, Scheduler, SchedulerConfig};
use recall::session::review::BUSY_BACKOFF;
use recall::session::{Mode, NewReview, QuestionKey};
use recall::store::{Store, StoreError};

/// Record synthetic answers (for reliability testing).
#[derive(Debug, Parser)]
struct Args {
    /// The progress database to write to (created when missing)
    #[arg(long, value_name = "PATH")]
    db: PathBuf,

    /// How many answers to record
    #[arg(long)]
    count: u32,

    /// The bank id to record them under
    #[arg(long, default_value = "synthetic")]
    bank: String,

    /// Spread the answers over this many questions (q0, q1, ...)
    #[arg(long, default_value_t = 10, value_parser = clap::value_parser!(u32).range(1..))]
    questions: u32,
}

fn main() -> Result<()> {
    let args = Args::parse();
    let mut store = when_busy(|| Store::open(&args.db))?;
    let mut config = SchedulerConfig::default();
    if let Some(fitted) = store.fitted_parameters()? {
        config.parameters = fitted.parameters;
    }
    let scheduler = Scheduler::new(config)?;
    let start = Clock::from_env().map_err(anyhow::Error::msg)?.now();
    let mut out = std::io::stdout().lock();
    for index in 0..args.count {
        let review = NewReview {
            key: QuestionKey::new(&args.bank, format!("q{}", index % args.questions)),
            mode: Mode::Drill,
            answer: format!("synthetic answer {index}"),
            choice_order: Vec::new(),
            score: Some(f64::from(index % 5) / 4.0),
            suggested: None,
            rating: Rating::ALL[(index % 4) as usize],
            duration_ms: u64::from(index % 7) * 1000,
            reschedules: true,
            hints: 0,
            concepts: None,
            version: None,
        };
        let now = start + TimeDelta::minutes(i64::from(index));
        let recorded = when_busy(|| store.record(&review, &scheduler, now))?;
        writeln!(out, "recorded {}", recorded.id.0)?;
        out.flush()?;
    }
    Ok(())
}

/// `attempt`, tried again after each wait of the back-off while the database is busy.
fn when_busy<T>(mut attempt: impl FnMut() -> Result<T, StoreError>) -> Result<T, StoreError> {
    let mut waits = BUSY_BACKOFF.iter();
    loop {
        match attempt() {
            Err(error) if error.is_busy() => match waits.next() {
                Some(wait) => std::thread::sleep(*wait),
                None => return Err(error),
            },
            other => return other,
        }
    }
}
