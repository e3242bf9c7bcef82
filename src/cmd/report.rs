//! `recall report`: the readiness report (stub while it is written).

use super::{CommandError, Context, Outcome};

/// Show the readiness report
#[derive(Debug, clap::Args)]
pub struct Args {}

/// Runs `recall report`.
pub fn run(_ctx: &Context, _args: Args) -> Result<Outcome, CommandError> {
    Ok(Outcome::Success)
}
