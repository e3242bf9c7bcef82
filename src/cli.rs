//! The command line: clap's view of what the user typed, the dispatch to one module per
//! verb (`cmd::<verb>`), and the exit code.
//!
//! Every command returns an [`Outcome`] or a [`CommandError`]; `main` prints the error
//! and turns the outcome or the error's kind into 0, 1, 2 or 130 (see the README). What
//! the verbs share (the context, the error kinds) lives in `cmd`, which knows nothing
//! of this module.

use crate::clock::Clock;
use crate::cmd::{self, CommandError, Context, Outcome};
use crate::text::sanitize;
use clap::{Args, CommandFactory, Parser, Subcommand};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// The command line as typed: the options every command accepts, and the verb with its
/// own arguments. clap parses and checks it; the verbs resolve the rest (`cmd::Context`).
///
/// Each verb's `--help` is its `Args` struct's doc comment; recall's own is the `about`
/// below (a doc comment here would be taken for it).
#[derive(Debug, Parser)]
#[command(name = "recall", version, max_term_width = 100)]
#[command(
    about = "recall: quiz yourself from TOML question banks, graded and spaced for memory",
    long_about = None
)]
#[command(
    after_help = "Run `recall check` to validate banks, `recall list` to see them.\n\
Exit codes: 0 success, 1 a check, test or quiz fell short, 2 usage or I/O error, 130 interrupted."
)]
pub struct Cli {
    /// The options every command accepts.
    #[command(flatten)]
    pub global: GlobalArgs,

    /// The verb; none shows what is due.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Options every command accepts.
#[derive(Debug, Clone, Args)]
pub struct GlobalArgs {
    /// The progress database [default: $RECALL_DB, else ~/.local/share/recall/recall.db]
    #[arg(long, global = true, value_name = "PATH")]
    pub db: Option<PathBuf>,

    /// The configuration file, which must exist [default: $RECALL_CONFIG, else
    /// ~/.config/recall/config.toml, either of which may be absent]
    #[arg(long, global = true, value_name = "PATH")]
    pub config: Option<PathBuf>,
}

/// The verbs, one per module of `cmd`, dispatched by [`run`].
#[allow(
    missing_docs,
    reason = "a variant's help is its `Args` struct's doc comment, which a doc comment here would replace"
)]
#[derive(Debug, Subcommand)]
pub enum Command {
    Drill(cmd::drill::Args),
    Quiz(cmd::quiz::Args),
    Interview(cmd::interview::Args),
    Due(cmd::due::Args),
    Stats(cmd::stats::Args),
    Card(cmd::card::Args),
    Check(cmd::check::Args),
    List(cmd::list::Args),
    Show(cmd::show::Args),
    Grade(cmd::grade::Args),
    Test(cmd::test::Args),
    Import(cmd::import::Args),
    Render(cmd::render::Args),
    Export(cmd::export::Args),
    Schema(cmd::schema::Args),
    Optimize(cmd::optimize::Args),
    Doctor(cmd::doctor::Args),
    Completions(cmd::completions::Args),
    Man(cmd::man::Args),
}

/// Parses the command line, runs the command and turns how it went into the exit code.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(Outcome::Success) => ExitCode::SUCCESS,
        Ok(Outcome::Failure) => ExitCode::from(1),
        Err(error) => {
            if error.kind().is_reported() {
                report(&error);
            }
            ExitCode::from(error.kind().exit_code())
        }
    }
}

/// Prints `error` on stderr: the error, each cause, then each hint.
fn report(error: &CommandError) {
    let mut stderr = std::io::stderr().lock();
    let mut chain = error.chain();
    if let Some(first) = chain.next() {
        let _ = writeln!(stderr, "error: {}", sanitize(&first.to_string()));
    }
    for cause in chain {
        let _ = writeln!(stderr, "  caused by: {}", sanitize(&cause.to_string()));
    }
    for hint in error.hints() {
        let _ = writeln!(stderr, "hint: {}", sanitize(hint));
    }
}

/// Runs one parsed command line.
pub fn run(cli: Cli) -> Result<Outcome, CommandError> {
    let clock = Clock::from_env()?;
    let ctx = Context::new(clock, cli.global.db, cli.global.config);
    match cli.command {
        // With no command: what is due, and the one command that starts studying.
        None => {
            let outcome = cmd::due::run(&ctx, cmd::due::Args::default())?;
            // Not println!, which panics when the reader has gone (`recall | head -1`).
            let hint = "\nStart studying: recall drill    (recall --help lists every command)";
            writeln!(std::io::stdout().lock(), "{hint}")?;
            Ok(outcome)
        }
        Some(Command::Card(args)) => cmd::card::run(&ctx, args),
        Some(Command::Check(args)) => cmd::check::run(&ctx, args),
        Some(Command::Completions(args)) => cmd::completions::run(args, Cli::command()),
        Some(Command::Man(args)) => cmd::man::run(args, Cli::command()),
        Some(Command::Drill(args)) => cmd::drill::run(&ctx, args),
        Some(Command::Quiz(args)) => cmd::quiz::run(&ctx, args),
        Some(Command::Interview(args)) => cmd::interview::run(&ctx, args),
        Some(Command::Due(args)) => cmd::due::run(&ctx, args),
        Some(Command::Optimize(args)) => cmd::optimize::run(&ctx, args),
        Some(Command::Doctor(args)) => cmd::doctor::run(&ctx, args),
        Some(Command::Stats(args)) => cmd::stats::run(&ctx, args),
        Some(Command::List(args)) => cmd::list::run(&ctx, args),
        Some(Command::Show(args)) => cmd::show::run(&ctx, args),
        Some(Command::Grade(args)) => cmd::grade::run(&ctx, args),
        Some(Command::Test(args)) => cmd::test::run(&ctx, args),
        Some(Command::Import(args)) => cmd::import::run(&ctx, args),
        Some(Command::Schema(args)) => cmd::schema::run(&ctx, args),
        Some(Command::Export(args)) => cmd::export::run(&ctx, args),
        Some(Command::Render(args)) => cmd::render::run(&ctx, args),
    }
}
