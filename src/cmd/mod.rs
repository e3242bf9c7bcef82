//! One module per verb. Each has a documented `Args` struct (its `--help`) and a `run`
//! function that returns an [`Outcome`] or a [`CommandError`]; what they share lives
//! here, not in the verbs: the [`Context`] (the clock, loading banks, opening the
//! store), the arguments several verbs take ([`args`]) and the error kinds ([`error`]).
//!
//! The verbs sit on top of the engine and never the other way round; `cli` parses the
//! command line and dispatches to them.

pub mod args;
pub mod card;
pub mod check;
pub mod completions;
pub mod context;
pub mod doctor;
pub mod drill;
pub mod due;
pub mod error;
pub mod export;
pub mod grade;
pub mod import;
pub mod interview;
pub mod list;
pub mod man;
pub mod optimize;
pub mod quiz;
pub mod render;
pub mod schema;
pub mod show;
pub mod stats;
pub mod study;
pub mod test;

pub use context::{Context, Outcome, Progress};
pub use error::{CommandError, ErrorKind, Interrupted};

/// "in 3 days", "in 10 minutes", "2 hours ago": how far `time` is from `now`.
pub fn relative_time(
    time: chrono::DateTime<chrono::Utc>,
    now: chrono::DateTime<chrono::Utc>,
) -> String {
    let delta = time - now;
    let seconds = delta.num_seconds().abs();
    let (amount, unit) = match seconds {
        0..60 => return "now".to_owned(),
        60..3600 => (seconds / 60, "minute"),
        3600..86_400 => (seconds / 3600, "hour"),
        _ => (seconds / 86_400, "day"),
    };
    let plural = if amount == 1 { "" } else { "s" };
    if delta.num_seconds() > 0 {
        format!("in {amount} {unit}{plural}")
    } else {
        format!("{amount} {unit}{plural} ago")
    }
}
