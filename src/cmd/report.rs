//! `recall report`: the readiness report. The figures are the engine's
//! (`crate::goal::report`); this writes them as a self-contained HTML page
//! (`html`, with its charts from `svg`), as JSON, or as a few lines of text.

mod html;
mod svg;

use std::io::Write;
use std::path::PathBuf;

use super::args::{BankPaths, JsonOutput};
use super::{CommandError, Context, Outcome};
use crate::bank::{Catalog, Library};
use crate::grade::Grader;
use crate::items::Analysis;
use crate::items::cache::{self, RegradeCache};
use crate::store::Goal;

/// Write a readiness report, as a page to look at or print
///
/// For the interview date (`recall goal set`), or for now without one: readiness per
/// tier over time and the forecast to the date, a year of reviews as a heatmap,
/// retention week by week against the target, the rubric concepts missed most in your
/// written answers (graded again, as `recall items` does) and the questions to revisit.
///
/// --html FILE writes one self-contained page: styles and charts (SVG) inline, nothing
/// fetched from the network, laid out for A4 when printed. --json prints the same
/// figures. With neither, a few lines of text say where things stand.
///
/// Example: recall report --html report.html
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The banks whose questions count.
    #[command(flatten)]
    pub paths: BankPaths,

    /// Write the report as an HTML page to this file
    #[arg(long, value_name = "FILE", conflicts_with = "json")]
    pub html: Option<PathBuf>,

    /// Text, or JSON with `--json`.
    #[command(flatten)]
    pub output: JsonOutput,
}

/// Runs `recall report`.
pub fn run(ctx: &Context, args: Args) -> Result<Outcome, CommandError> {
    let catalog = ctx.load_valid_catalog(&args.paths)?;
    let library = catalog.library_of(|_| true)?;
    let report = gather(ctx, &catalog, &library)?;
    if args.output.json {
        writeln!(
            std::io::stdout().lock(),
            "{}",
            crate::text::terminal_safe_json(&report)?
        )?;
        return Ok(Outcome::Success);
    }
    if let Some(file) = &args.html {
        return write_html(&report, file);
    }
    print_text(&report)
}

/// The report's figures: readiness toward the goal (or today, without one), and one
/// pass over this learner's log for the concepts missed, the charts and the heatmap.
fn gather(
    ctx: &Context,
    catalog: &Catalog,
    library: &Library,
) -> Result<crate::goal::report::Report, CommandError> {
    let progress = ctx.progress()?;
    let now = ctx.clock.now();
    let today = progress.study_day();
    let offset = ctx.clock.offset();
    let status = progress.goal_status(library)?;
    let (goal, target) = match progress.goal()? {
        Some((goal, _)) => {
            let retention = goal.retention;
            (goal, retention)
        }
        None => {
            let retention = progress.scheduler.config().desired_retention;
            let goal = Goal {
                date: today.date(offset),
                banks: Vec::new(),
                tiers: Vec::new(),
                retention,
            };
            (goal, retention)
        }
    };
    let questions = crate::goal::questions(&goal, library);
    let weakest = match &status {
        Some(status) => status.readiness.weakest.clone(),
        None => {
            let cards = progress.store.cards()?.into_iter().collect();
            crate::goal::readiness(&goal, &questions, &cards, &progress.scheduler, now).weakest
        }
    };
    // One pass over the log, this learner's answers only: the concepts (graded again
    // through the regrade cache) and what the charts need.
    let grader = Grader::new(&library.banks);
    let mut analysis = Analysis::new(
        library,
        &grader,
        RegradeCache::open(&cache::path_for(ctx.database()?)),
    );
    let mut log = crate::goal::report::Gathered::new(&questions, today);
    let learner = progress.store.identity()?.learner;
    progress.store.visit_log(|review| {
        if review.learner == Some(learner.as_str()) {
            analysis.add(review);
            log.add(review);
        }
    })?;
    let (items, regraded) = analysis.finish(&crate::items::Thresholds::default());
    regraded.save();
    let stats = crate::stats::compute(
        &progress.store,
        catalog,
        &progress.scheduler,
        now,
        today,
        offset,
    )?;
    let report = crate::goal::report::build(crate::goal::report::Inputs {
        goal: status,
        questions: &questions,
        weakest: &weakest,
        target,
        log,
        items: &items,
        heatmap: stats.reviews_per_day,
        scheduler: &progress.scheduler,
        now,
        today,
        offset,
    });
    Ok(report)
}

/// Writes the report as one self-contained HTML page to `file`.
fn write_html(
    report: &crate::goal::report::Report,
    file: &std::path::Path,
) -> Result<Outcome, CommandError> {
    // The page's words carry no terminal colour.
    let plan = report.goal.as_ref().and_then(|status| {
        status.plan.as_ref().map(|plan| {
            let text = super::goal::plan_text(status, plan, usize::MAX);
            anstream::adapter::strip_str(&text).to_string()
        })
    });
    let page = html::page(report, plan.as_deref().map(str::trim));
    crate::atomic_file::write(file, page.into_string().as_bytes()).map_err(|error| {
        CommandError::new(
            super::ErrorKind::Io,
            anyhow::anyhow!("cannot write {}: {error}", file.display()),
        )
    })?;
    writeln!(
        crate::style::stdout(),
        "Wrote the readiness report to {} (open it in a browser, or print it).",
        file.display()
    )?;
    Ok(Outcome::Success)
}

/// The report at the terminal: the goal and the plan, and what the page would draw.
fn print_text(report: &crate::goal::report::Report) -> Result<Outcome, CommandError> {
    let mut out = crate::style::stdout();
    let width = crate::text::terminal_width();
    match &report.goal {
        Some(status) => write!(out, "{}", super::goal::text(status, width))?,
        None => writeln!(
            out,
            "No interview date is set; `recall goal set DATE` sets one."
        )?,
    }
    let (concepts, questions) = (report.concepts.len(), report.revisit.len());
    let more = format!(
        "{concepts} concept{} missed most, {questions} question{} to revisit: `recall report \
         --html report.html` draws them all.",
        super::check::plural(concepts),
        super::check::plural(questions)
    );
    writeln!(out, "\n{}", crate::text::wrap(&more, width, ""))?;
    Ok(Outcome::Success)
}
