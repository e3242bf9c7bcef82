//! `recall completions`: shell completion scripts, generated from the command line's
//! own definition so they never fall behind it.

use super::{CommandError, Outcome};

/// Print a shell completion script
///
/// Examples:
///   recall completions bash > ~/.local/share/bash-completion/completions/recall
///   recall completions zsh > ~/.zfunc/_recall
///   recall completions fish > ~/.config/fish/completions/recall.fish
#[derive(Debug, clap::Args)]
// Verbatim, so each example keeps its own line.
#[command(verbatim_doc_comment)]
pub struct Args {
    /// The shell to complete for
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

/// Runs `recall completions` for `command`, the whole command line's definition.
pub fn run(args: Args, mut command: clap::Command) -> Result<Outcome, CommandError> {
    clap_complete::generate(
        args.shell,
        &mut command,
        "recall",
        &mut std::io::stdout().lock(),
    );
    Ok(Outcome::Success)
}
