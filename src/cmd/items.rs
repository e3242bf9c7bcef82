//! `recall items`: item analysis for authors, one question version at a time, the ones
//! that need an author's eye first, as text, JSON or CSV.
//!
//! The figures are computed by the engine (`crate::items`) from the review log; this
//! reads the log, hands it over and prints the report.

use std::borrow::Cow;
use std::fmt::{Display, Formatter, Write as _};
use std::io::Write;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};

use super::args::BankPaths;
use super::{CommandError, Context, Outcome};
use crate::grade::Grader;
use crate::items::cache::{self, RegradeCache};
use crate::items::columns::{self, LogColumns};
use crate::items::{Analysis, ChoicePicks, ConceptCounts, Item, Regraded, Report, Thresholds};
use crate::style::{self, Style, paint};
use crate::text::{push_wrapped_hanging, sanitize, truncate};

/// Item analysis: which questions need an author's eye, and why
///
/// For each question version in the review log: attempts and learners, facility (the
/// mean score and the share right), discrimination (the corrected item-total
/// correlation, discriminative efficiency and the upper-lower 27% index, over learners,
/// or over sessions when the log holds one learner), the pick rate of each choice by its
/// letter in the bank, how often each rubric concept was matched, missed or negated
/// (as recorded with each text answer; answers recorded without it are graded again),
/// the answers nearest the pass mark and the median answer time. Flags say what looks wrong and why: a key picked less than a distractor,
/// negative or low discrimination, a concept too strict or too loose, too hard, a
/// distractor nobody picks, too easy. Questions with the most urgent flags come first;
/// a question's current version comes before its older ones. docs/items.md has the
/// formulas.
///
/// The log is the database's (every learner's reviews in it, imported ones too), or
/// exports given with --log: a class's exports, one per learner, analysed together.
///
/// Example: recall items banks/docker --csv > items.csv
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The banks whose questions count.
    #[command(flatten)]
    pub paths: BankPaths,

    /// Read this export (`recall log export`) instead of the database; repeat it for
    /// several learners' exports
    #[arg(long = "log", value_name = "FILE")]
    pub logs: Vec<PathBuf>,

    /// Attempts a version needs before it is flagged
    #[arg(long, value_name = "N", default_value_t = Thresholds::default().min_attempts)]
    pub min_attempts: usize,

    /// Print JSON instead of text
    #[arg(long, conflicts_with = "csv")]
    pub json: bool,

    /// Print CSV, one row per question version, instead of text
    #[arg(long)]
    pub csv: bool,

    /// Grade every text answer again with this recall's grader, instead of counting
    /// what each answer's concepts did as recorded when it was graded (after an
    /// upgrade of recall, to see how its grader would mark them)
    #[arg(long)]
    pub regrade: bool,
}

/// Runs `recall items`.
pub fn run(ctx: &Context, args: Args) -> Result<Outcome, CommandError> {
    if args.logs.is_empty() {
        // The regrade cache and the log's columns are read while the banks load.
        let database = ctx.database();
        let paths = database
            .as_ref()
            .ok()
            .map(|d| (cache::path_for(d), columns::path_for(d)));
        let (library, caches) = std::thread::scope(|scope| {
            let caches = paths.as_ref().map(|(cache, columns)| {
                let cache = scope.spawn(|| RegradeCache::open(cache));
                (cache, scope.spawn(|| LogColumns::open(columns)))
            });
            let library = ctx.load_valid_banks(&args.paths);
            // A panic while reading them is a bug: carry it on.
            let caches = caches.map(|(cache, columns)| (join(cache), join(columns)));
            (library, caches)
        });
        let library = library?;
        database?;
        let (cache, mut columns) = caches.unwrap_or_default();
        let grader = Grader::new(&library.banks);
        let mut analysis = Analysis::new(&library, &grader, cache);
        if args.regrade {
            analysis.regrade_all();
        }
        analysis.read_store(&ctx.open_store()?, &mut columns)?;
        if let Some((_, path)) = &paths {
            columns.save(path);
        }
        // The report holds no answer of the columns: free them for what it needs.
        drop(columns);
        let outcome = print(analysis.finish(&thresholds(&args)), &args);
        // The command ends here: freeing 100,000 questions one by one is work the end
        // of the process does at once.
        std::mem::forget(grader);
        std::mem::forget(library);
        outcome
    } else {
        let library = ctx.load_valid_banks(&args.paths)?;
        let grader = Grader::new(&library.banks);
        let mut analysis = Analysis::new(&library, &grader, RegradeCache::none());
        if args.regrade {
            analysis.regrade_all();
        }
        for file in &args.logs {
            analysis
                .read_export(file)
                .map_err(CommandError::from_data)?;
        }
        print(analysis.finish(&thresholds(&args)), &args)
    }
}

/// What a scoped thread returned (a panic in it is a bug: carry it on).
fn join<T>(thread: std::thread::ScopedJoinHandle<'_, T>) -> T {
    thread
        .join()
        .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
}

fn thresholds(args: &Args) -> Thresholds {
    Thresholds {
        min_attempts: args.min_attempts,
        ..Thresholds::default()
    }
}

/// Prints the report as the arguments ask, and saves what was graded (a cache that
/// cannot be written only costs time on the next run).
fn print((report, cache): (Report, RegradeCache), args: &Args) -> Result<Outcome, CommandError> {
    cache.save();
    if args.json {
        let mut out = std::io::stdout().lock();
        writeln!(out, "{}", crate::text::terminal_safe_json(&report)?)?;
    } else if args.csv {
        write_csv(&report, std::io::stdout().lock())?;
    } else {
        // Styled for a stream that takes colour; else plain, written as it is (not
        // styled, then stripped again: a long log's report is tens of megabytes).
        let colour = style::on_stdout();
        let parts = text(&report, crate::text::terminal_width(), colour);
        let mut out: Box<dyn Write> = if colour {
            Box::new(style::stdout())
        } else {
            Box::new(std::io::stdout().lock())
        };
        for part in parts {
            out.write_all(part.as_bytes())?;
        }
        out.flush()?;
    }
    // As the library (see `run`): the process ends after the report.
    std::mem::forget(report);
    Ok(Outcome::Success)
}

/// The report for a person, in parts to print one after the other: a summary line,
/// then each version, its flags first. The versions are laid out in runs of
/// [`TEXT_RUN`], taken in turn by two threads (a long log's report is tens of megabytes
/// of text, and flagged versions, which come first, take longer).
fn text(report: &Report, width: usize, colour: bool) -> Vec<String> {
    let unit = report.units.singular();
    let mut out = format!(
        "{} answer{} by {} learner{} to {} question version{}; discrimination over {}s ({}).\n",
        report.attempts,
        plural(report.attempts),
        report.learners,
        plural(report.learners),
        report.items.len(),
        plural(report.items.len()),
        unit,
        report.unit_count,
    );
    if report.outside_banks > 0 {
        out.push_str(&format!(
            "{} answer{} to questions not in these banks left out.\n",
            report.outside_banks,
            plural(report.outside_banks)
        ));
    }
    if report.items.is_empty() {
        out.push_str("No answers to analyse yet.\n");
    }
    let runs: Vec<&[Item]> = report.items.chunks(TEXT_RUN).collect();
    let next = AtomicUsize::new(0);
    let lay_out = || {
        let mut done = Vec::new();
        let mut lines = Lines {
            out: String::new(),
            line: String::new(),
            width,
        };
        loop {
            let run = next.fetch_add(1, Ordering::Relaxed);
            let Some(items) = runs.get(run) else {
                return done;
            };
            for item in *items {
                lines.out.push('\n');
                item_text(&mut lines, item, unit, colour);
            }
            done.push((run, std::mem::take(&mut lines.out)));
        }
    };
    let mut runs_done = std::thread::scope(|scope| {
        let other = scope.spawn(lay_out);
        let mut done = lay_out();
        done.extend(join(other));
        done
    });
    runs_done.sort_unstable_by_key(|(run, _)| *run);
    std::iter::once(out)
        .chain(runs_done.into_iter().map(|(_, text)| text))
        .collect()
}

/// How many versions the text report lays out at a time.
const TEXT_RUN: usize = 1024;

/// `style`, or no style when the text is not coloured.
fn styled(colour: bool, style: Style) -> Style {
    if colour { style } else { Style::new() }
}

/// The text of a report being written: lines folded to the width, into one string (a
/// long log's report is hundreds of thousands of lines: each is made in one reused
/// buffer, not a string of its own).
struct Lines {
    out: String,
    /// The line being made.
    line: String,
    width: usize,
}

impl Lines {
    /// Writes `text` as a line, folded to the width, later lines indented.
    fn line(&mut self, text: std::fmt::Arguments<'_>) {
        self.line.clear();
        // Writing into a string does not fail.
        let _ = self.line.write_fmt(text);
        push_wrapped_hanging(&mut self.out, &self.line, self.width, "    ");
        self.out.push('\n');
    }

    /// Writes `text` as it is.
    fn raw(&mut self, text: std::fmt::Arguments<'_>) {
        let _ = self.out.write_fmt(text);
    }
}

/// One version for a person: its name, its figures, what grading again found, then
/// its flags (styled when `colour`).
fn item_text(lines: &mut Lines, item: &Item, unit: &str, colour: bool) {
    item_heading(lines, item, colour);
    lines.line(format_args!(
        "  {} attempt{} by {} learner{} · facility {:.2} · right {:.0}% · median {:.1} s",
        item.attempts,
        plural(item.attempts),
        item.learners,
        plural(item.learners),
        item.facility,
        item.right * 100.0,
        item.median_ms / 1000.0
    ));
    lines.line(format_args!(
        "  discrimination over {} {unit}{}: correlation {} · efficiency {} · upper-lower {}",
        item.units,
        plural(item.units),
        Figure(item.correlation, false),
        Figure(item.efficiency, true),
        Figure(item.upper_lower, false)
    ));
    if !item.choices.is_empty() {
        lines.line(format_args!(
            "  picked (* right): {}",
            Joined(&item.choices, |c: &ChoicePicks, f: &mut Formatter<'_>| {
                let mark = if c.right == Some(true) { "*" } else { "" };
                write!(f, "{}{mark} {:.0}%", c.letter, c.rate * 100.0)
            })
        ));
    }
    if let Some(regraded) = &item.regraded {
        regraded_text(lines, item, regraded, colour);
    }
    for flag in &item.flags {
        lines.line(format_args!(
            "  {} {}",
            paint(styled(colour, style::WARNING), "!"),
            Clean(&flag.reason)
        ));
    }
}

/// The first line of a version: its question, kind and version.
fn item_heading(lines: &mut Lines, item: &Item, colour: bool) {
    lines.raw(format_args!(
        "{}  {}  {}\n",
        paint(
            styled(colour, style::ID),
            format_args!("{}/{}", Clean(&item.bank), Clean(&item.question))
        ),
        item.kind,
        paint(
            styled(colour, style::DIM),
            VersionName(item.version.as_deref(), item.current)
        )
    ));
}

/// A version as its heading names it.
struct VersionName<'v>(Option<&'v str>, bool);

impl Display for VersionName<'_> {
    fn fmt(&self, f: &mut Formatter<'_>) -> std::fmt::Result {
        match *self {
            VersionName(Some(v), true) => write!(f, "version {v} (current)"),
            VersionName(Some(v), false) => write!(f, "version {v} (earlier)"),
            VersionName(None, _) => f.write_str("version not recorded"),
        }
    }
}

/// What grading a version's text answers again found: verdicts, concepts, and the
/// answers nearest the pass mark, styled when `colour`.
fn regraded_text(lines: &mut Lines, item: &Item, regraded: &Regraded, colour: bool) {
    let concepts = Joined(
        &item.concepts,
        |c: &ConceptCounts, f: &mut Formatter<'_>| {
            write!(
                f,
                "{} {}/{}/{}",
                Clean(&c.label),
                c.matched,
                c.missed,
                c.negated
            )
        },
    );
    lines.line(format_args!(
        "  graded again: {} pass, {} fail; concepts matched/missed/negated: {}",
        regraded.passing, regraded.failing, concepts
    ));
    if item.nearest.is_empty() {
        return;
    }
    lines.raw(format_args!(
        "  nearest the pass mark ({:.0}%):\n",
        regraded.pass_mark * 100.0
    ));
    let room = lines.width.saturating_sub(20).max(20);
    for near in &item.nearest {
        let verdict = if near.passed {
            paint(styled(colour, style::PASS), "pass")
        } else {
            paint(styled(colour, style::FAIL), "fail")
        };
        lines.raw(format_args!(
            "    {:>3.0}% {verdict}  \"{}\"\n",
            near.score * 100.0,
            truncate(&Clean(&near.answer).text(), room)
        ));
    }
}

/// Text from a bank or a learner as [`sanitize`] makes it safe, written without a copy
/// when it is printable ASCII (nearly always).
struct Clean<'t>(&'t str);

impl<'t> Clean<'t> {
    /// The text made safe, borrowed when it is printable ASCII.
    fn text(&self) -> Cow<'t, str> {
        if is_printable_ascii(self.0) {
            Cow::Borrowed(self.0)
        } else {
            Cow::Owned(sanitize(self.0))
        }
    }
}

/// Whether `text` is all printable ASCII, which [`sanitize`] keeps as it is.
fn is_printable_ascii(text: &str) -> bool {
    text.bytes().all(|b| (0x20..0x7f).contains(&b))
}

impl Display for Clean<'_> {
    fn fmt(&self, f: &mut Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text())
    }
}

/// A discrimination figure: a percentage or two decimals, or `-` when undefined.
struct Figure(Option<f64>, bool);

impl Display for Figure {
    fn fmt(&self, f: &mut Formatter<'_>) -> std::fmt::Result {
        match *self {
            Figure(Some(v), true) => write!(f, "{:.0}%", v * 100.0),
            Figure(Some(v), false) => write!(f, "{v:.2}"),
            Figure(None, _) => f.write_str("-"),
        }
    }
}

/// Values each written by a function, ` · ` between them.
struct Joined<'v, T, F>(&'v [T], F);

impl<T, F: Fn(&T, &mut Formatter<'_>) -> std::fmt::Result> Display for Joined<'_, T, F> {
    fn fmt(&self, f: &mut Formatter<'_>) -> std::fmt::Result {
        for (i, value) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str(" · ")?;
            }
            (self.1)(value, f)?;
        }
        Ok(())
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// One CSV row per version; lists inside a cell are `;`-separated.
fn write_csv<W: Write>(report: &Report, out: W) -> Result<(), CommandError> {
    let mut writer = csv::Writer::from_writer(out);
    writer.write_record([
        "bank",
        "question",
        "version",
        "current",
        "kind",
        "attempts",
        "learners",
        "units",
        "facility",
        "right",
        "correlation",
        "efficiency",
        "upper_lower",
        "median_ms",
        "choices",
        "concepts",
        "flags",
        "reasons",
    ])?;
    // Each cell is written into one reused buffer.
    let mut buffer = String::new();
    let mut field = |writer: &mut csv::Writer<W>,
                     fill: &dyn Fn(&mut String) -> std::fmt::Result| {
        buffer.clear();
        fill(&mut buffer).map_err(std::io::Error::other)?;
        writer.write_field(buffer.as_bytes())
    };
    let number = |value: Option<f64>| {
        move |out: &mut String| match value {
            Some(v) => write!(out, "{v:.4}"),
            None => Ok(()),
        }
    };
    for item in &report.items {
        for text in [
            item.bank.as_str(),
            item.question.as_str(),
            item.version.as_deref().unwrap_or(""),
            if item.current { "true" } else { "false" },
            item.kind.as_str(),
        ] {
            writer.write_field(text)?;
        }
        for count in [item.attempts, item.learners, item.units] {
            field(&mut writer, &|out| write!(out, "{count}"))?;
        }
        for value in [
            Some(item.facility),
            Some(item.right),
            item.correlation,
            item.efficiency,
            item.upper_lower,
        ] {
            field(&mut writer, &number(value))?;
        }
        field(&mut writer, &|out| write!(out, "{}", item.median_ms))?;
        field(&mut writer, &|out| {
            joined(out, &item.choices, ";", |out, c| {
                write!(out, "{}:{}", c.letter, c.picks)
            })
        })?;
        field(&mut writer, &|out| {
            joined(out, &item.concepts, ";", |out, c| {
                write!(out, "{}:{}/{}/{}", c.label, c.matched, c.missed, c.negated)
            })
        })?;
        field(&mut writer, &|out| {
            joined(out, &item.flags, ";", |out, f| out.write_str(f.kind.code()))
        })?;
        field(&mut writer, &|out| {
            joined(out, &item.flags, "; ", |out, f| out.write_str(&f.reason))
        })?;
        writer.write_record(None::<&[u8]>)?;
    }
    writer.flush()?;
    Ok(())
}

/// Writes `values` into `out`, each by `write`, `separator` between them.
fn joined<T>(
    out: &mut String,
    values: &[T],
    separator: &str,
    write: impl Fn(&mut String, &T) -> std::fmt::Result,
) -> std::fmt::Result {
    for (i, value) in values.iter().enumerate() {
        if i > 0 {
            out.push_str(separator);
        }
        write(out, value)?;
    }
    Ok(())
}
