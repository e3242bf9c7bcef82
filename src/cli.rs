//! The command line: clap's view of what the user typed, the dispatch to one module per
//! verb (`cmd::<verb>`), and the exit code.
//!
//! Every command returns an [`Outcome`] or a [`CommandError`]; `main` prints the error
//! and turns the outcome or the error's kind into 0, 1, 2 or 130 (see the README). What
//! the verbs share (the context, the error kinds) lives in `cmd`, which knows nothing
//! of this module.

use crate::clock::Clock;
use crate::cmd::{self, CommandError, Context, Outcome};
use crate::style::{self, ColorChoice};
use crate::text::{self, sanitize};
use clap::{Args, CommandFactory, Parser, Subcommand, ValueEnum};
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

/// The command line as typed: the options every command accepts, and the verb with its
/// own arguments. clap parses and checks it; the verbs resolve the rest (`cmd::Context`).
///
/// Each verb's `--help` is its `Args` struct's doc comment; recall's own is the `about`
/// below (a doc comment here would be taken for it).
#[derive(Debug, Parser)]
#[command(name = "recall", version, max_term_width = 80)]
#[command(
    about = "Quiz yourself from TOML question banks, graded and spaced for memory",
    long_about = None
)]
#[command(
    after_help = "To study, run `recall drill`: it asks what is due today and \
brings in new questions. `recall` alone shows what is due; `recall quiz` scores a \
knowledge check and `recall interview` rehearses one. `recall COMMAND --help` explains \
a command, with an example.

Exit codes: 0 success, 1 a check, test or quiz fell short, 2 usage or I/O error, \
130 interrupted."
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

    /// Colour: auto (at a terminal, unless NO_COLOR is set), always or never
    #[arg(
        long,
        global = true,
        value_name = "WHEN",
        default_value = "auto",
        hide_possible_values = true
    )]
    pub color: ColorChoice,
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
    Goal(cmd::goal::Args),
    Report(cmd::report::Args),
    Card(cmd::card::Args),
    Check(cmd::check::Args),
    List(cmd::list::Args),
    Show(cmd::show::Args),
    Grade(cmd::grade::Args),
    Test(cmd::test::Args),
    Items(cmd::items::Args),
    Import(cmd::import::Args),
    Render(cmd::render::Args),
    Export(cmd::export::Args),
    Schema(cmd::schema::Args),
    Optimize(cmd::optimize::Args),
    Log(cmd::log::Args),
    Doctor(cmd::doctor::Args),
    Completions(cmd::completions::Args),
    Man(cmd::man::Args),
}

/// Parses the command line, runs the command and turns how it went into the exit code.
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => {
            // `--help`, `--version` or a usage error: clap prints it, in colour when
            // `--color` (which could not be parsed with the rest) allows.
            style::init(color_option(std::env::args_os()));
            error.exit()
        }
    };
    style::init(cli.global.color);
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

/// `--color WHEN` or `--color=WHEN` as typed, for when the command line as a whole did
/// not parse; `auto` when it is absent or not one of the choices.
fn color_option(args: impl IntoIterator<Item = std::ffi::OsString>) -> ColorChoice {
    let mut args = args.into_iter().skip(1);
    let mut choice = None;
    while let Some(arg) = args.next() {
        let Some(arg) = arg.to_str() else { continue };
        let value = match arg {
            "--" => break,
            "--color" => args.next().and_then(|v| v.into_string().ok()),
            _ => arg.strip_prefix("--color=").map(str::to_owned),
        };
        if let Some(value) = value {
            choice = ColorChoice::from_str(&value, true).ok();
        }
    }
    choice.unwrap_or_default()
}

/// Prints `error` on stderr: the error, each cause, then each hint. At a terminal each
/// is wrapped to its width with later lines under the first; to a file or a pipe each
/// stays one line, for grep.
fn report(error: &CommandError) {
    let mut stderr = style::stderr();
    let width = if std::io::stderr().is_terminal() {
        text::terminal_width()
    } else {
        usize::MAX
    };
    let mut line = |label: &str, style: anstyle::Style, message: &str| {
        let hang = " ".repeat(label.len() + 2);
        let message = format!("{}: {}", style::paint(style, label), sanitize(message));
        let _ = writeln!(stderr, "{}", text::wrap_hanging(&message, width, &hang));
    };
    let mut chain = error.chain();
    if let Some(first) = chain.next() {
        line("error", style::ERROR, &first.to_string());
    }
    for cause in chain {
        line("  caused by", anstyle::Style::new(), &cause.to_string());
    }
    for hint in error.hints() {
        line("hint", style::HINT, hint);
    }
}

/// Runs one parsed command line.
pub fn run(cli: Cli) -> Result<Outcome, CommandError> {
    let clock = Clock::from_env()?;
    let ctx = Context::new(clock, cli.global.db, cli.global.config);
    match cli.command {
        // With no command: what is due, and the one command that starts studying.
        None => cmd::due::overview(&ctx),
        Some(Command::Card(args)) => cmd::card::run(&ctx, args),
        Some(Command::Check(args)) => cmd::check::run(&ctx, args),
        Some(Command::Completions(args)) => cmd::completions::run(args, Cli::command()),
        Some(Command::Man(args)) => cmd::man::run(args, Cli::command()),
        Some(Command::Drill(args)) => cmd::drill::run(&ctx, args),
        Some(Command::Quiz(args)) => cmd::quiz::run(&ctx, args),
        Some(Command::Interview(args)) => cmd::interview::run(&ctx, args),
        Some(Command::Due(args)) => cmd::due::run(&ctx, args),
        Some(Command::Optimize(args)) => cmd::optimize::run(&ctx, args),
        Some(Command::Items(args)) => cmd::items::run(&ctx, args),
        Some(Command::Log(args)) => cmd::log::run(&ctx, args),
        Some(Command::Doctor(args)) => cmd::doctor::run(&ctx, args),
        Some(Command::Stats(args)) => cmd::stats::run(&ctx, args),
        Some(Command::Goal(args)) => cmd::goal::run(&ctx, args),
        Some(Command::Report(args)) => cmd::report::run(&ctx, args),
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

#[cfg(test)]
mod tests {
    use super::*;

    fn color(args: &[&str]) -> ColorChoice {
        color_option(
            std::iter::once("recall")
                .chain(args.iter().copied())
                .map(Into::into),
        )
    }

    #[test]
    fn the_color_option_is_found_when_the_rest_does_not_parse() {
        assert_eq!(color(&["--help"]), ColorChoice::Auto);
        assert_eq!(color(&["--color", "never", "--help"]), ColorChoice::Never);
        assert_eq!(
            color(&["due", "--color=always", "--bogus"]),
            ColorChoice::Always
        );
        assert_eq!(color(&["--color", "sometimes"]), ColorChoice::Auto);
        assert_eq!(color(&["--", "--color", "never"]), ColorChoice::Auto);
    }
}
