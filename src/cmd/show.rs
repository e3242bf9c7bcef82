//! `recall show`: one question as a learner sees it, and with `--answer` what is right.

use super::args::BankPathOption;
use super::{CommandError, Context, Outcome};
use crate::grade::Grader;
use crate::view;
use anyhow::anyhow;
use std::io::Write;

/// Show one question as a learner sees it.
///
/// Example: recall show mod-docker-04/named-volume-definition --answer
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The question: BANK/QUESTION, or QUESTION alone when its id is in one bank only
    pub question: String,

    /// Also show the answer, the explanation and the rubric
    #[arg(long)]
    pub answer: bool,

    /// The banks to look the question up in.
    #[command(flatten)]
    pub paths: BankPathOption,
}

/// Runs `recall show`.
pub fn run(ctx: &Context, args: Args) -> Result<Outcome, CommandError> {
    let library = ctx.load_valid_banks(&args.paths)?;
    let (bank, question) = library.find(&args.question).map_err(|e| anyhow!(e))?;
    let width = crate::text::terminal_width();
    let mut out = crate::style::stdout();
    let header = view::header(&bank.id, question);
    let order: Vec<usize> = (0..question.choices.len()).collect();
    writeln!(
        out,
        "{}",
        view::question(&header, question, Some(&order), width)
    )?;
    if args.answer {
        let derived = Grader::new(std::slice::from_ref(bank)).derived_size(bank, question);
        writeln!(out, "\n{}", view::answer(question, derived, width))?;
    }
    Ok(Outcome::Success)
}
