//! `recall completions`: shell completion scripts, generated from the command line's
//! own definition so they never fall behind it.

use crate::cli::{Cli, Context, Outcome};
use anyhow::Result;
use clap::CommandFactory;

/// Print a shell completion script.
///
/// Examples:
///   recall completions bash > ~/.local/share/bash-completion/completions/recall
///   recall completions zsh > ~/.zfunc/_recall
///   recall completions fish > ~/.config/fish/completions/recall.fish
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The shell to complete for
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

pub fn run(_ctx: &Context, args: Args) -> Result<Outcome> {
    let mut command = Cli::command();
    clap_complete::generate(
        args.shell,
        &mut command,
        "recall",
        &mut std::io::stdout().lock(),
    );
    Ok(Outcome::Success)
}
