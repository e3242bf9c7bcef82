//! `recall man`: the manual page, generated from the command line's own definition.

use super::{CommandError, Outcome};

/// Print recall's manual page (roff).
///
/// Example: recall man > ~/.local/share/man/man1/recall.1 && man recall
#[derive(Debug, clap::Args)]
pub struct Args {}

/// Runs `recall man` for `command`, the whole command line's definition.
pub fn run(_args: Args, command: clap::Command) -> Result<Outcome, CommandError> {
    let page = clap_mangen::Man::new(command);
    page.render(&mut std::io::stdout().lock())?;
    Ok(Outcome::Success)
}
