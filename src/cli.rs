//! The command line: clap's view of what the user typed, and the dispatch to one module
//! per verb (`cmd::<verb>`).
//!
//! This is the only place that knows about exit codes: every command returns an
//! [`Outcome`] or an error, and `main` turns them into 0, 1, 2 or 130 (see the README).

use crate::clock::Clock;
use crate::cmd;
use clap::{Args, Parser, Subcommand};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// recall: quiz yourself from TOML question banks, graded and spaced for memory.
#[derive(Debug, Parser)]
#[command(name = "recall", version, max_term_width = 100)]
#[command(
    after_help = "Run `recall check` to validate banks, `recall list` to see them.\n\
Exit codes: 0 success, 1 a check, test or quiz fell short, 2 usage or I/O error, 130 interrupted."
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,

    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Options every command accepts.
#[derive(Debug, Clone, Args)]
pub struct GlobalArgs {
    /// The progress database [default: $RECALL_DB, else ~/.local/share/recall/recall.db]
    #[arg(long, global = true, value_name = "PATH")]
    pub db: Option<PathBuf>,

    /// The configuration file [default: $RECALL_CONFIG, else ~/.config/recall/config.toml]
    #[arg(long, global = true, value_name = "PATH")]
    pub config: Option<PathBuf>,
}

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
    Completions(cmd::completions::Args),
    Man(cmd::man::Args),
}

/// How a command that ran to its end went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Exit 0.
    Success,
    /// Exit 1: a check, test or quiz fell short.
    Failure,
}

/// An error that means "the user stopped us" (exit 130), not "something broke".
#[derive(Debug, thiserror::Error)]
#[error("interrupted")]
pub struct Interrupted;

/// What every command receives: the global options and the clock.
#[derive(Debug, Clone)]
pub struct Context {
    pub global: GlobalArgs,
    pub clock: Clock,
}

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(Outcome::Success) => ExitCode::SUCCESS,
        Ok(Outcome::Failure) => ExitCode::from(1),
        Err(err) => exit_for_error(&err),
    }
}

fn exit_for_error(err: &anyhow::Error) -> ExitCode {
    if err.downcast_ref::<Interrupted>().is_some() {
        return ExitCode::from(130);
    }
    // A closed pipe (`recall list | head`) is not an error (like ripgrep and jj).
    let broken_pipe = err.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    });
    if broken_pipe {
        return ExitCode::SUCCESS;
    }
    let mut stderr = std::io::stderr().lock();
    let _ = writeln!(stderr, "error: {}", crate::text::sanitize(&err.to_string()));
    for cause in err.chain().skip(1) {
        let _ = writeln!(
            stderr,
            "  caused by: {}",
            crate::text::sanitize(&cause.to_string())
        );
    }
    ExitCode::from(2)
}

/// Runs one parsed command line.
pub fn run(cli: Cli) -> anyhow::Result<Outcome> {
    let clock = Clock::from_env().map_err(anyhow::Error::msg)?;
    let ctx = Context {
        global: cli.global,
        clock,
    };
    match cli.command {
        // With no command: what is due, and the one command that starts studying.
        None => {
            let paths = Vec::new();
            let outcome = cmd::due::run(&ctx, cmd::due::Args { paths, json: false })?;
            println!("\nStart studying: recall drill    (recall --help lists every command)");
            Ok(outcome)
        }
        Some(Command::Card(args)) => cmd::card::run(&ctx, args),
        Some(Command::Check(args)) => cmd::check::run(&ctx, args),
        Some(Command::Completions(args)) => cmd::completions::run(&ctx, args),
        Some(Command::Man(args)) => cmd::man::run(&ctx, args),
        Some(Command::Drill(args)) => cmd::drill::run(&ctx, args),
        Some(Command::Quiz(args)) => cmd::quiz::run(&ctx, args),
        Some(Command::Interview(args)) => cmd::interview::run(&ctx, args),
        Some(Command::Due(args)) => cmd::due::run(&ctx, args),
        Some(Command::Optimize(args)) => cmd::optimize::run(&ctx, args),
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
