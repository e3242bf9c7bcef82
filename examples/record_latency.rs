//! Measures recording an answer: `Store::record` (one transaction, synchronous commit to
//! the write-ahead log) on a database of any size, as a session does after each rating.
//!
//! ```text
//! cargo run --release --example record_latency -- DB [ANSWERS]
//! ```
//!
//! records ANSWERS (default 300) reviews of questions already in DB (cycling through
//! them, ratings mixed) and prints the p50, p99 and largest time of one `record` call.
//! It writes to DB: run it on a copy. Used by `scripts/bench.sh`; not part of recall.

use chrono::{TimeDelta, Utc};
use recall::schedule::{Rating, Scheduler, SchedulerConfig};
use recall::session::{Mode, NewReview};
use recall::store::Store;
use std::path::PathBuf;
use std::time::Instant;

fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let db = PathBuf::from(
        args.next()
            .ok_or_else(|| anyhow::anyhow!("usage: record_latency DB [ANSWERS]"))?,
    );
    let answers: usize = args.next().map_or(Ok(300), |n| n.parse())?;
    let mut store = Store::open(&db)?;
    let scheduler = Scheduler::new(SchedulerConfig::default())?;
    let keys: Vec<_> = store.cards()?.into_iter().map(|(key, _)| key).collect();
    anyhow::ensure!(
        !keys.is_empty(),
        "{} has no answered questions",
        db.display()
    );
    let start = recall::clock::Clock::from_env()?.now().max(Utc::now());
    let mut times = Vec::with_capacity(answers);
    for i in 0..answers {
        let review = NewReview {
            key: keys[(i * 7919) % keys.len()].clone(),
            mode: Mode::Drill,
            answer: "an answer as a learner types it".to_owned(),
            choice_order: Vec::new(),
            score: Some(0.75),
            suggested: Some(Rating::Good),
            rating: Rating::ALL[i % 4],
            duration_ms: 8_000,
            reschedules: true,
            hints: 0,
            concepts: None,
            version: None,
        };
        let now = start + TimeDelta::seconds(i as i64);
        let began = Instant::now();
        store.record(&review, &scheduler, now)?;
        times.push(began.elapsed().as_secs_f64() * 1e3);
    }
    times.sort_by(f64::total_cmp);
    let at = |q: f64| times[((times.len() - 1) as f64 * q).round() as usize];
    println!(
        "record: {answers} answers, p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms",
        at(0.5),
        at(0.99),
        at(1.0)
    );
    Ok(())
}
