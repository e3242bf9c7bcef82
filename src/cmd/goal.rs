//! `recall goal`: an interview date to plan toward. `goal set` saves one, `goal clear`
//! removes it, and `goal` alone shows how ready the learner will be on the date and
//! the plan to get there. The numbers are the engine's (`crate::goal`); this prints
//! them, and [`line`] is the one-line form `recall`, `due` and `stats` show.

use std::io::Write;

use chrono::NaiveDate;

use super::args::{BankPaths, JsonOutput};
use super::{CommandError, Context, Outcome};
use crate::bank::Tier;
use crate::goal::plan::{Plan, Verdict};
use crate::goal::{Source, Status};
use crate::store::{DEFAULT_GOAL_RETENTION, Goal};
use crate::style::{self, paint};
use crate::text::{sanitize, wrap};

/// Plan toward an interview date: readiness and a daily plan
///
/// `recall goal set 2026-12-20` sets the date (--bank and --tier narrow it to what the
/// interview covers; --retention is the predicted recall a question needs on the day,
/// 0.9 by default). `recall goal` then shows, for the date: how many questions would be
/// ready if you stopped now, per tier and per tag (a question is ready when its
/// predicted recall on the day reaches the retention; one never studied is not), and
/// the plan: new questions and reviews a day until then, whether that fits your daily
/// limits and your pace, and what would reach it when it does not.
///
/// While the date is ahead, `recall drill` works toward it: the weakest questions on
/// the day come first, and a review due after the day is brought back once in the week
/// before it. `recall drill --cram` goes over the weakest now without moving their
/// schedule. Once the date has passed, drills follow the plain schedule again.
///
/// A `[goal]` table in the config file (date, banks, tiers, retention) takes precedence
/// over the date set here. See docs/goal.md.
///
/// Example: recall goal set 2026-12-20 --tier intermediate --tier advanced
#[derive(Debug, clap::Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct Args {
    /// Set or clear the goal; none shows it.
    #[command(subcommand)]
    pub action: Option<Action>,

    /// The banks whose questions count.
    #[command(flatten)]
    pub paths: BankPaths,

    /// Text, or JSON with `--json`.
    #[command(flatten)]
    pub output: JsonOutput,
}

/// What to do with the goal.
#[derive(Debug, clap::Subcommand)]
pub enum Action {
    /// Set the interview date (YYYY-MM-DD), replacing any goal set before
    Set(SetArgs),
    /// Remove the goal set with `recall goal set`
    Clear,
}

/// `recall goal set`.
#[derive(Debug, clap::Args)]
pub struct SetArgs {
    /// The interview date, year-month-day
    #[arg(value_name = "DATE", value_parser = parse_date)]
    pub date: NaiveDate,

    /// Only this bank's questions count (by id; repeat for several)
    #[arg(long = "bank", value_name = "ID")]
    pub banks: Vec<String>,

    /// Only interview questions of this tier count (repeat for several)
    #[arg(long = "tier", value_name = "TIER")]
    pub tiers: Vec<Tier>,

    /// The predicted recall a question needs on the day to be ready (0.5 to 0.99)
    #[arg(long, value_name = "P", default_value_t = DEFAULT_GOAL_RETENTION, value_parser = parse_retention)]
    pub retention: f64,

    /// The banks the ids are checked against.
    #[command(flatten)]
    pub paths: BankPaths,
}

fn parse_date(text: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|_| format!("`{text}` is not a date; write year-month-day, like 2026-12-20"))
}

fn parse_retention(text: &str) -> Result<f64, String> {
    let value: f64 = text
        .parse()
        .map_err(|_| format!("`{text}` is not a number; write a probability like 0.9"))?;
    if (0.5..=0.99).contains(&value) {
        Ok(value)
    } else {
        Err("the retention is a probability from 0.5 to 0.99, like 0.9".to_owned())
    }
}

/// Runs `recall goal`.
pub fn run(ctx: &Context, args: Args) -> Result<Outcome, CommandError> {
    match args.action {
        Some(Action::Set(set)) => run_set(ctx, set),
        Some(Action::Clear) => run_clear(ctx),
        None => show(ctx, &args.paths, args.output.json),
    }
}

fn run_set(ctx: &Context, args: SetArgs) -> Result<Outcome, CommandError> {
    let library = ctx.load_valid_banks(&args.paths)?;
    let mut progress = ctx.progress()?;
    let goal = Goal {
        date: args.date,
        banks: args.banks,
        tiers: args.tiers,
        retention: args.retention,
    };
    let filter = crate::goal::filter(&goal);
    let unknown = filter.unknown_banks(&library.banks);
    if !unknown.is_empty() {
        let known: Vec<&str> = library.banks.iter().map(|b| b.id.as_str()).collect();
        return Err(CommandError::usage(format!(
            "no bank `{}`; the banks are: {}",
            unknown.join("`, `"),
            known.join(", ")
        )));
    }
    let today = progress.study_day().date(ctx.clock.offset());
    if goal.date < today {
        return Err(CommandError::usage(format!(
            "{} has passed (today is {today}); give the interview's date",
            goal.date
        )));
    }
    if crate::goal::questions(&goal, &library).is_empty() {
        return Err(CommandError::usage(
            "no question is in that goal; `recall list` shows the banks, their questions \
             and tiers",
        ));
    }
    progress.store.set_goal(&goal, ctx.clock.now())?;
    let mut out = style::stdout();
    writeln!(out, "Goal set: {}.", describe(&goal))?;
    if let Some(file) = &progress.config.source
        && progress.config.goal.is_some()
    {
        writeln!(
            out,
            "{}",
            wrap(
                &format!(
                    "Note: the config file {} has a [goal] table, which takes precedence; \
                     remove it to plan toward this one.",
                    file.display()
                ),
                crate::text::terminal_width(),
                ""
            )
        )?;
    }
    writeln!(
        out,
        "`recall goal` shows the plan; `recall drill` follows it."
    )?;
    Ok(Outcome::Success)
}

fn run_clear(ctx: &Context) -> Result<Outcome, CommandError> {
    let mut progress = ctx.progress()?;
    let cleared = progress.store.clear_goal(ctx.clock.now())?;
    let mut out = style::stdout();
    writeln!(
        out,
        "{}",
        if cleared {
            "Goal cleared; drills follow the plain schedule."
        } else {
            "No goal was set."
        }
    )?;
    if let (Some(file), Some(_)) = (&progress.config.source, &progress.config.goal) {
        writeln!(
            out,
            "The config file {} still sets one in its [goal] table.",
            file.display()
        )?;
    }
    Ok(Outcome::Success)
}

/// The goal in words: "2026-12-20 · banks docker · tiers advanced · retention 90%".
fn describe(goal: &Goal) -> String {
    let list = |items: Vec<&str>| {
        if items.is_empty() {
            "all".to_owned()
        } else {
            items.join(", ")
        }
    };
    format!(
        "interview on {} · banks: {} · tiers: {} · retention {:.0}%",
        goal.date,
        sanitize(&list(goal.banks.iter().map(String::as_str).collect())),
        list(goal.tiers.iter().map(|t| t.as_str()).collect()),
        goal.retention * 100.0
    )
}

fn show(ctx: &Context, paths: &BankPaths, json: bool) -> Result<Outcome, CommandError> {
    let library = ctx.load_valid_banks(paths)?;
    let progress = ctx.progress()?;
    let Some(status) = progress.goal_status(&library)? else {
        if json {
            writeln!(std::io::stdout().lock(), "null")?;
        } else {
            writeln!(
                style::stdout(),
                "No goal is set. `recall goal set 2026-12-20` plans toward an interview on \
                 that date (`recall goal --help` says more)."
            )?;
        }
        return Ok(Outcome::Success);
    };
    if json {
        writeln!(
            std::io::stdout().lock(),
            "{}",
            crate::text::terminal_safe_json(&status)?
        )?;
        return Ok(Outcome::Success);
    }
    write!(
        style::stdout(),
        "{}",
        text(&status, crate::text::terminal_width())
    )?;
    Ok(Outcome::Success)
}

fn when(days_left: i64) -> String {
    match days_left {
        0 => "today".to_owned(),
        1 => "tomorrow".to_owned(),
        d if d > 1 => format!("in {d} days"),
        -1 => "yesterday".to_owned(),
        d => format!("{} days ago", -d),
    }
}

fn percent(share: f64) -> String {
    format!("{:.0}%", share * 100.0)
}

/// The whole of `recall goal`, folded to `width`.
pub fn text(status: &Status, width: usize) -> String {
    let goal = Goal {
        date: status.date,
        banks: status.banks.clone(),
        tiers: status
            .tiers
            .iter()
            .filter_map(|name| Tier::parse(name))
            .collect(),
        retention: status.retention,
    };
    let mut out = String::new();
    let mut para = |text: &str| {
        out.push_str(&wrap(text, width, ""));
        out.push('\n');
    };
    para(&format!(
        "{} {} ({}){}",
        paint(style::HEADING, "Goal:"),
        describe(&goal),
        when(status.days_left),
        match status.source {
            Source::Config => ", from the config file's [goal]",
            Source::Database => "",
        }
    ));
    for bank in &status.missing_banks {
        para(&format!(
            "Note: the goal's bank `{}` is not among the loaded banks.",
            sanitize(bank)
        ));
    }
    let readiness = &status.readiness;
    out.push('\n');
    if readiness.questions == 0 {
        out.push_str(&wrap(
            "No question of the loaded banks is in this goal: check its banks and tiers \
             against `recall list`, or set another with `recall goal set`.",
            width,
            "",
        ));
        out.push('\n');
        return out;
    }
    out.push_str(&readiness_text(status, width));
    out.push('\n');
    match &status.plan {
        None => {
            out.push_str(&wrap(
                "The date has passed: drills follow the plain FSRS schedule again. \
                 `recall goal set DATE` plans toward another; `recall goal clear` removes \
                 this one.",
                width,
                "",
            ));
            out.push('\n');
        }
        Some(plan) => out.push_str(&plan_text(status, plan, width)),
    }
    out
}

/// The plan and how the goal stands, in words folded to `width`.
pub fn plan_text(status: &Status, plan: &Plan, width: usize) -> String {
    let mut out = String::new();
    let para = |out: &mut String, text: String| {
        out.push_str(&wrap(&text, width, ""));
        out.push('\n');
    };
    if plan.study_days > 0 {
        let new = if plan.unseen == 0 {
            "No new questions are left".to_owned()
        } else {
            format!(
                "{} new question{} a day ({} unseen)",
                plan.new_per_day,
                if plan.new_per_day == 1 { "" } else { "s" },
                plan.unseen
            )
        };
        para(
            &mut out,
            format!(
                "{} {new}, and about {:.0} reviews a day (at most {}), for the {} study day{} \
             to the eve of the date. Following it, {} of the questions are ready on the day.",
                paint(style::HEADING, "Plan:"),
                plan.mean_reviews,
                plan.peak_reviews,
                plan.study_days,
                if plan.study_days == 1 { "" } else { "s" },
                percent(plan.forecast_share)
            ),
        );
        const SHOWN: usize = 7;
        let days: Vec<String> = plan
            .days
            .iter()
            .take(SHOWN)
            .map(|day| format!("{} {}+{}", day.date.format("%a"), day.new, day.reviews))
            .collect();
        let more = if plan.days.len() > SHOWN { " …" } else { "" };
        out.push_str(&crate::text::wrap_hanging(
            &format!("  day by day, new+reviews: {}{more}", days.join(" · ")),
            width,
            "    ",
        ));
        out.push('\n');
    }
    let verdict = verdict_text(status, plan);
    para(
        &mut out,
        format!("{} {verdict}", paint(style::HEADING, "→")),
    );
    out
}

/// What the plan's verdict says: how the goal stands, and what would reach it.
fn verdict_text(status: &Status, plan: &Plan) -> String {
    match &plan.verdict {
        Verdict::OnTrack => format!(
            "On track: `recall drill` each day follows the plan{}.",
            match plan.pace {
                Some(pace) => format!(" (your pace: {pace:.1} new a day)"),
                None => String::new(),
            }
        ),
        Verdict::Reached => "Reached: the interview is today and you are ready on every tier. \
             `recall drill --cram` goes over the weakest once more."
            .to_owned(),
        Verdict::FallsShort { forecast } => format!(
            "Falls short: even following the plan, {} of the questions would be ready on the \
             day, and the goal needs {}. Reviews are spaced for the scheduler's \
             desired_retention; raising it to the goal's retention in the config's \
             [scheduler] brings them closer, or `recall drill --cram` in the last days goes \
             over the weakest.",
            percent(*forecast),
            percent(status.retention)
        ),
        Verdict::Behind { pace, left_unseen } => format!(
            "Behind: at your pace of {pace:.1} new questions a day (last 7 days), \
             {left_unseen} questions will still be unseen on {}. {} new a day from today \
             reaches it: `recall drill` each day.",
            status.date, plan.new_per_day
        ),
        Verdict::OverLimits { later_date } => {
            let mut needs = Vec::new();
            let mut fixes = Vec::new();
            if plan.new_per_day > plan.new_limit as usize {
                needs.push(format!(
                    "{} new questions a day and new_per_day is {}",
                    plan.new_per_day, plan.new_limit
                ));
                fixes.push(format!("raise new_per_day to {}", plan.new_per_day));
            }
            if plan.peak_reviews > plan.review_limit as usize {
                needs.push(format!(
                    "up to {} reviews a day and reviews_per_day is {}",
                    plan.peak_reviews, plan.review_limit
                ));
                fixes.push(format!("raise reviews_per_day to {}", plan.peak_reviews));
            }
            format!(
                "Can no longer be reached within your daily limits: it needs {}. What would \
                 reach it: {} in the config's [scheduler], narrow the goal (`recall goal set \
                 {} --tier ...`), or move the date to {later_date}.",
                needs.join(", and "),
                fixes.join(" and "),
                status.date
            )
        }
        Verdict::NoLonger { not_ready } => format!(
            "Can no longer be reached: the interview is today and {not_ready} question{} \
             not ready. `recall drill --cram` goes over the weakest now.",
            if *not_ready == 1 { " is" } else { "s are" }
        ),
    }
}

/// Readiness on the date if the learner stopped now: overall, per tier, the weakest tags.
fn readiness_text(status: &Status, width: usize) -> String {
    let readiness = &status.readiness;
    let mut out = String::new();
    let heading = if status.passed {
        "Ready now".to_owned()
    } else if status.days_left == 0 {
        "Ready today".to_owned()
    } else {
        format!("Ready on {} if you stopped now", status.date)
    };
    out.push_str(&format!(
        "{}: {} of {} questions ({})\n",
        paint(style::HEADING, heading),
        readiness.ready,
        readiness.questions,
        percent(readiness.share)
    ));
    for tier in &readiness.tiers {
        out.push_str(&format!(
            "  {:<13} {} {:>4}  ({}/{})\n",
            tier.name,
            super::stats::meter(tier.share, 20),
            percent(tier.share),
            tier.ready,
            tier.questions
        ));
    }
    if !readiness.tags.is_empty() {
        let mut tags: Vec<&crate::goal::Group> = readiness.tags.iter().collect();
        tags.sort_by(|a, b| a.share.total_cmp(&b.share).then(a.name.cmp(&b.name)));
        let shown: Vec<String> = tags
            .iter()
            .take(6)
            .map(|t| format!("{} {}", sanitize(&t.name), percent(t.share)))
            .collect();
        let more = if tags.len() > shown.len() {
            format!(" (+{} more in --json)", tags.len() - shown.len())
        } else {
            String::new()
        };
        out.push_str(&crate::text::wrap_hanging(
            &format!("  weakest tags: {}{more}", shown.join(" · ")),
            width,
            "    ",
        ));
        out.push('\n');
    }
    out
}

/// One line for `recall`, `due` and `stats`: the date, readiness, and how it stands.
pub fn line(status: &Status) -> String {
    if status.readiness.questions == 0 {
        return format!(
            "Goal {} ({}): no loaded question is in it · recall goal",
            status.date,
            when(status.days_left)
        );
    }
    let standing = match status.plan.as_ref().map(|p| &p.verdict) {
        None => "passed".to_owned(),
        Some(Verdict::OnTrack) => format!(
            "on track, {} new a day",
            status.plan.as_ref().map_or(0, |p| p.new_per_day)
        ),
        Some(Verdict::Reached) => "reached".to_owned(),
        Some(Verdict::Behind { .. }) => "behind the plan".to_owned(),
        Some(Verdict::FallsShort { .. }) => "falls short".to_owned(),
        Some(Verdict::OverLimits { .. } | Verdict::NoLonger { .. }) => {
            "can no longer be reached".to_owned()
        }
    };
    format!(
        "Goal {} ({}): {}/{} ready · {standing} · recall goal",
        status.date,
        when(status.days_left),
        status.readiness.ready,
        status.readiness.questions
    )
}
