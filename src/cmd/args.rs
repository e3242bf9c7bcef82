//! Arguments several verbs share, defined once and flattened into each verb's `Args`
//! (`#[command(flatten)]`), so their `--help` reads the same everywhere.

use std::ops::Deref;
use std::path::PathBuf;

/// What the bank paths argument says in every `--help`.
const BANK_PATHS_HELP: &str = "Bank files or folders (searched recursively for *.toml) \
    [default: $RECALL_BANKS, else ./banks, else the built-in banks]";

/// The banks a verb reads, as positional arguments (`recall check banks/ more.toml`).
/// It derefs to the paths as given (`paths::banks` says what none means).
#[derive(Debug, Clone, Default, clap::Args)]
pub struct BankPaths {
    #[arg(value_name = "PATH", help = BANK_PATHS_HELP)]
    paths: Vec<PathBuf>,
}

/// The banks a verb looks things up in, as an option (`--bank-path PATH`), for verbs
/// whose positional argument is something else. It derefs to the paths as given.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct BankPathOption {
    #[arg(long = "bank-path", value_name = "PATH", help = BANK_PATHS_HELP)]
    paths: Vec<PathBuf>,
}

impl Deref for BankPaths {
    type Target = [PathBuf];

    fn deref(&self) -> &[PathBuf] {
        &self.paths
    }
}

impl Deref for BankPathOption {
    type Target = [PathBuf];

    fn deref(&self) -> &[PathBuf] {
        &self.paths
    }
}

/// `--json`: print for a program instead of a person. A verb whose JSON needs
/// explaining says more with `#[command(mut_arg("json", ...))]` on its `Args`.
#[derive(Debug, Clone, Copy, Default, clap::Args)]
pub struct JsonOutput {
    /// Print JSON instead of text
    #[arg(long)]
    pub json: bool,
}
