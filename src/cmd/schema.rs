//! `recall schema`: print the JSON Schema of the bank format, for editors.

use super::{CommandError, Context, Outcome};
use std::io::Write;

/// Print the JSON Schema of a bank file, for completion in editors
///
/// The schema is derived from the types recall reads banks with. For editors that
/// validate and complete TOML, put
/// `#:schema ./schema/bank.schema.json` (a path relative to the bank, or a URL) on the
/// first line of a bank, and taplo or Even Better TOML complete keys and flag mistakes
/// while you type. The same schema is committed as `schema/bank.schema.json`.
///
/// Example: recall schema > schema/bank.schema.json
#[derive(Debug, clap::Args)]
pub struct Args {}

/// The schema as the text `recall schema` prints (and `schema/bank.schema.json` holds).
pub fn text() -> String {
    let schema = crate::bank::json_schema();
    // A Value always serialises.
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}

/// Runs `recall schema`.
pub fn run(_ctx: &Context, _args: Args) -> Result<Outcome, CommandError> {
    std::io::stdout().lock().write_all(text().as_bytes())?;
    Ok(Outcome::Success)
}
