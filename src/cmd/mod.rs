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
mod chosen;
pub mod completions;
pub mod context;
pub mod doctor;
pub mod drill;
pub mod due;
pub mod error;
pub mod export;
pub mod goal;
pub mod grade;
pub mod import;
pub mod interview;
pub mod items;
pub mod list;
pub mod log;
pub mod man;
pub mod optimize;
pub mod quiz;
pub mod render;
pub mod report;
pub mod schema;
pub mod show;
pub mod stats;
pub mod study;
pub mod test;

pub use context::{Context, Outcome, Progress};
pub use error::{CommandError, ErrorKind, Interrupted};

pub use crate::clock::relative as relative_time;
