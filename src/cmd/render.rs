//! `recall render`: the stable text of banks, for review and snapshot tests.

use super::args::BankPaths;
use super::{CommandError, Context, Outcome};
use std::io::Write;

/// Print banks as stable text, for review and snapshot tests
///
/// Every question of the banks with its answer, rubric and examples, in a stable,
/// diff-friendly text: one field per line, never wrapped, the same bank always giving
/// the same text. Snapshot it in a test (insta, or a file under version control) and a
/// review shows exactly what an edit to a bank changed.
///
/// Banks with errors stop the command (exit 2) with the errors; run `recall check`.
///
/// Example: recall render banks/docker/mod-docker-04.toml > mod-docker-04.txt
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The banks to render.
    #[command(flatten)]
    pub paths: BankPaths,
}

/// Runs `recall render`.
pub fn run(ctx: &Context, args: Args) -> Result<Outcome, CommandError> {
    let library = ctx.load_valid_banks(&args.paths)?;
    let mut out = std::io::stdout().lock();
    out.write_all(crate::render::banks(&library.banks).as_bytes())?;
    Ok(Outcome::Success)
}
