//! One module per verb. Each has a documented `Args` struct (its `--help`) and a `run`
//! function; what they share (loading banks, opening the store) lives in `Context`
//! helpers here, not in the verbs.

pub mod check;
pub mod grade;
pub mod list;
pub mod show;
pub mod test;

use crate::bank::{self, Library};
use crate::cli::Context;
use crate::diagnostic::Diagnostic;
use std::path::PathBuf;

impl Context {
    /// Loads the banks a command was pointed at (see `paths::banks`). Problems in the
    /// banks come back inside the library; only I/O failures are errors.
    pub fn load_banks(&self, paths: &[PathBuf]) -> anyhow::Result<Library> {
        Ok(bank::load(&crate::paths::banks(paths))?)
    }

    /// Loads banks for a command that needs them valid: when any bank has an error, the
    /// errors are printed and the command stops (exit 2, like any unusable input).
    pub fn load_valid_banks(&self, paths: &[PathBuf]) -> anyhow::Result<Library> {
        let library = self.load_banks(paths)?;
        let errors: Vec<&Diagnostic> = library
            .diagnostics
            .iter()
            .filter(|d| d.is_error())
            .collect();
        if errors.is_empty() {
            return Ok(library);
        }
        for diagnostic in &errors {
            eprintln!("{}", diagnostic.render());
        }
        anyhow::bail!(
            "{} error{} in the banks; fix them (`recall check` lists them all) and try again",
            errors.len(),
            if errors.len() == 1 { "" } else { "s" }
        )
    }
}
