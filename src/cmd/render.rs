//! `recall render`: the stable text of banks, for review and snapshot tests. Banks are
//! named by path or by id; at a terminal the headings and right answers are coloured,
//! anywhere else the text is exactly `crate::render`'s.

use super::{CommandError, Context, Outcome};
use crate::bank::{Bank, Library};
use crate::style::{self, paint};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Print banks as stable text, for review and snapshot tests
///
/// Every question of the banks with its answer, rubric and examples, in a stable,
/// diff-friendly text: one field per line, never wrapped, the same bank always giving
/// the same text. Snapshot it in a test (insta, or a file under version control) and a
/// review shows exactly what an edit to a bank changed.
///
/// Banks with errors stop the command (exit 2) with the errors; run `recall check`.
///
/// Example: recall render mod-docker-04 > mod-docker-04.txt
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Bank files or folders (searched recursively for *.toml), or bank ids (`recall
    /// list` shows them) looked up in the default banks [default: $RECALL_BANKS, else
    /// ./banks, else the built-in banks]
    #[arg(value_name = "PATH|BANK")]
    pub banks: Vec<PathBuf>,
}

/// Runs `recall render`: the banks of the paths given, then the banks named by id.
pub fn run(ctx: &Context, args: Args) -> Result<Outcome, CommandError> {
    let (paths, ids): (Vec<&PathBuf>, Vec<&PathBuf>) =
        args.banks.iter().partition(|arg| !is_bank_id(arg));
    let paths: Vec<PathBuf> = paths.into_iter().cloned().collect();
    let from_paths = if paths.is_empty() && !ids.is_empty() {
        Library::default()
    } else {
        ctx.load_valid_banks(&paths)?
    };
    let defaults = if ids.is_empty() {
        Library::default()
    } else {
        ctx.load_valid_banks(&[])?
    };
    // The banks of the paths, then those named by id, in the order given.
    let mut banks: Vec<&Bank> = from_paths.banks.iter().collect();
    for id in ids {
        let id = id.to_string_lossy();
        banks.push(defaults.bank(&id).ok_or_else(|| no_bank(&id, &defaults))?);
    }
    let text = crate::render::banks(banks);
    if style::on_stdout() {
        write!(style::stdout(), "{}", coloured(&text))?;
    } else {
        std::io::stdout().lock().write_all(text.as_bytes())?;
    }
    Ok(Outcome::Success)
}

/// Whether a command-line argument names a bank by id: it is no file or folder, and it
/// has no path separator or `.toml` ending (so a mistyped path is reported as one).
fn is_bank_id(arg: &Path) -> bool {
    let text = arg.to_string_lossy();
    !arg.exists()
        && !text.is_empty()
        && !text.contains(std::path::MAIN_SEPARATOR)
        && !text.contains('/')
        && !text.ends_with(".toml")
}

fn no_bank(id: &str, defaults: &Library) -> CommandError {
    let known = defaults.banks.iter().map(|b| b.id.as_str());
    let guess = match crate::lang::suggest(id, known) {
        Some(guess) => format!("; did you mean `{guess}`?"),
        None => String::new(),
    };
    CommandError::usage(format!("no bank or file `{id}`{guess}"))
        .hint("`recall list` shows the banks and their ids; a path must exist")
}

/// The rendered text with bank and question headings in bold and right choices marked
/// in colour. Stripped of its colour it is the text itself.
fn coloured(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for line in text.split_inclusive('\n') {
        let (body, end) = match line.strip_suffix('\n') {
            Some(body) => (body, "\n"),
            None => (line, ""),
        };
        if body.starts_with("# ") || body.starts_with("## ") {
            out.push_str(&paint(style::HEADING, body).to_string());
        } else if let Some(choice) = body.strip_suffix("  [right]") {
            out.push_str(&format!("{choice}  {}", paint(style::RIGHT, "[right]")));
        } else {
            out.push_str(body);
        }
        out.push_str(end);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colour_adds_only_escape_codes() {
        let text = "# bank b\ntitle: T\n\n## b/q · multiple_choice\n  A) yes  [right]\n  B) no\n";
        let styled = coloured(text);
        assert_eq!(style::strip(&styled), text);
        assert_ne!(styled, text);
    }

    #[test]
    fn ids_are_what_is_not_a_path() {
        assert!(is_bank_id(Path::new("mod-docker-02")));
        assert!(!is_bank_id(Path::new("missing/bank.toml")));
        assert!(!is_bank_id(Path::new("missing.toml")));
        assert!(!is_bank_id(Path::new(".")));
    }
}
