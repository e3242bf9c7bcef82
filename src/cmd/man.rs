//! `recall man`: the manual page, generated from the command line's own definition.

use crate::cli::{Cli, Context, Outcome};
use anyhow::Result;
use clap::CommandFactory;

/// Print recall's manual page (roff).
///
/// Example: recall man > ~/.local/share/man/man1/recall.1 && man recall
#[derive(Debug, clap::Args)]
pub struct Args {}

pub fn run(_ctx: &Context, _args: Args) -> Result<Outcome> {
    let page = clap_mangen::Man::new(Cli::command());
    page.render(&mut std::io::stdout().lock())?;
    Ok(Outcome::Success)
}
