//! `recall optimize`: fit the 21 FSRS-6 parameters to the learner's own review
//! log with the `fsrs` crate's optimiser, save them and reschedule every
//! question with them.
//!
//! The log becomes the optimiser's training items here: one item per review
//! after a question's first, holding that question's history up to it, with
//! time counted in study days (as FSRS models memory in days). Scheduling
//! itself stays with recall's own port of py-fsrs; only the fit is borrowed.

use std::collections::HashMap;
use std::io::Write;

use anyhow::{Context as _, Result, bail};
use chrono::{DateTime, FixedOffset, NaiveTime, Utc};
use fsrs::{ComputeParametersInput, FSRS, FSRSItem, FSRSReview};

use super::{CommandError, Context, Outcome};
use crate::schedule::{LOWER_BOUNDS, PARAMETER_COUNT, Parameters, UPPER_BOUNDS};
use crate::store::{FittedParameters, QuestionKey, Review};

/// Reviews on a later day than the previous one (the ones that tell the
/// optimiser how memory decays) needed before a fit means anything.
pub const MINIMUM_LONG_TERM_REVIEWS: usize = 400;

/// Fit the scheduler's parameters to your own review history, then
/// reschedule every question with them.
///
/// Needs at least 400 reviews made on a later day than the question's previous
/// review. Prints log loss and RMSE (lower is better) before and after; the
/// parameters are saved in the database and used from then on.
#[derive(Debug, clap::Args)]
pub struct Args {}

/// Runs `recall optimize`.
pub fn run(ctx: &Context, _args: Args) -> Result<Outcome, CommandError> {
    let mut progress = ctx.progress()?;
    let reviews = progress.store.all_reviews()?;
    let day_starts_at = progress.config.scheduler.day_starts_at;
    let items = training_items(&reviews, ctx.clock.offset(), day_starts_at);
    let long_term = items
        .iter()
        .filter(|item| item.reviews.last().is_some_and(|review| review.delta_t > 0))
        .count();
    if long_term < MINIMUM_LONG_TERM_REVIEWS {
        return Err(CommandError::data(format!(
            "not enough history to optimise: {long_term} reviews on a later day than the \
             question's previous review, and a meaningful fit needs at least \
             {MINIMUM_LONG_TERM_REVIEWS}; keep studying with the default parameters and try \
             again later"
        )));
    }

    let before: Vec<f32> = progress
        .scheduler
        .config()
        .parameters
        .as_array()
        .iter()
        .map(|w| *w as f32)
        .collect();
    let evaluate = |parameters: &[f32]| -> Result<fsrs::ModelEvaluation> {
        let model = FSRS::new(parameters).context("the FSRS model rejected the parameters")?;
        model
            .evaluate(items.clone(), |_| true)
            .context("the FSRS model could not evaluate the review log")
    };
    let metrics_before = evaluate(&before)?;
    let fitted = fsrs::compute_parameters(ComputeParametersInput {
        train_set: items.clone(),
        ..ComputeParametersInput::default()
    })
    .context("the FSRS optimiser failed")?;
    let parameters = to_parameters(&fitted)?;
    let after: Vec<f32> = parameters.as_array().iter().map(|w| *w as f32).collect();
    let metrics_after = evaluate(&after)?;

    let fitted = FittedParameters {
        parameters,
        fitted_at: ctx.clock.now(),
        reviews: reviews.len() as u64,
        log_loss_before: f64::from(metrics_before.log_loss),
        log_loss_after: f64::from(metrics_after.log_loss),
        rmse_before: f64::from(metrics_before.rmse_bins),
        rmse_after: f64::from(metrics_after.rmse_bins),
    };
    progress.store.save_parameters(&fitted)?;
    progress.reload_scheduler()?;
    let rescheduled = progress.store.rebuild(&progress.scheduler)?;

    let mut out = std::io::stdout().lock();
    writeln!(
        out,
        "Fitted FSRS-6 to {} reviews ({} training items, {long_term} on a later day).",
        reviews.len(),
        items.len()
    )?;
    writeln!(out, "              before    after")?;
    writeln!(
        out,
        "  log loss    {:>7.4}  {:>7.4}",
        fitted.log_loss_before, fitted.log_loss_after
    )?;
    writeln!(
        out,
        "  RMSE        {:>7.4}  {:>7.4}",
        fitted.rmse_before, fitted.rmse_after
    )?;
    let listed: Vec<String> = fitted
        .parameters
        .as_array()
        .iter()
        .map(|w| format!("{w:.4}"))
        .collect();
    writeln!(out, "Parameters: [{}]", listed.join(", "))?;
    writeln!(
        out,
        "Saved in {}; {rescheduled} questions rescheduled.",
        progress.store.path().display()
    )?;
    Ok(Outcome::Success)
}

/// Parameters from the optimiser, held inside py-fsrs's bounds (fsrs-rs clips
/// to nearly the same ones; the two may differ in the last decimals).
fn to_parameters(fitted: &[f32]) -> Result<Parameters> {
    if fitted.len() != PARAMETER_COUNT {
        bail!(
            "the FSRS optimiser returned {} parameters, expected {PARAMETER_COUNT}",
            fitted.len()
        );
    }
    let values: Vec<f64> = fitted
        .iter()
        .enumerate()
        .map(|(index, w)| f64::from(*w).clamp(LOWER_BOUNDS[index], UPPER_BOUNDS[index]))
        .collect();
    Parameters::try_from(values).context("the FSRS optimiser returned unusable parameters")
}

/// The optimiser's training items: for every review after a question's first,
/// that question's reviews up to it, with the study days since the previous one.
pub fn training_items(
    reviews: &[Review],
    offset: FixedOffset,
    day_starts_at: NaiveTime,
) -> Vec<FSRSItem> {
    let day_number = |time: DateTime<Utc>| -> i64 {
        let shifted = time.with_timezone(&offset).naive_local()
            - day_starts_at.signed_duration_since(NaiveTime::MIN);
        i64::from(chrono::Datelike::num_days_from_ce(&shifted.date()))
    };
    let mut histories: HashMap<&QuestionKey, Vec<(i64, u32)>> = HashMap::new();
    let mut order: Vec<&QuestionKey> = Vec::new();
    for review in reviews {
        let history = histories.entry(&review.key).or_insert_with(|| {
            order.push(&review.key);
            Vec::new()
        });
        history.push((
            day_number(review.reviewed_at),
            u32::from(review.rating.number()),
        ));
    }
    let mut items = Vec::new();
    for key in order {
        let history = &histories[key];
        let mut fsrs_reviews = Vec::with_capacity(history.len());
        let mut previous_day = None;
        for (day, rating) in history {
            let delta_t = previous_day.map_or(0, |previous: i64| (day - previous).max(0));
            previous_day = Some(*day);
            fsrs_reviews.push(FSRSReview {
                rating: *rating,
                delta_t: u32::try_from(delta_t).unwrap_or(u32::MAX),
            });
            if fsrs_reviews.len() > 1 {
                items.push(FSRSItem {
                    reviews: fsrs_reviews.clone(),
                });
            }
        }
    }
    items
}
