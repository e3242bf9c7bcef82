//! `recall optimize`: fit the 21 FSRS-6 parameters to the learner's own review
//! log, save them and reschedule every question with them.
//!
//! The fit itself is the engine's (`crate::schedule::optimize`): this reads the log,
//! hands it over, saves what comes back, rebuilds the cards and prints the scores.

use std::io::Write;

use super::{CommandError, Context, Outcome};
use crate::schedule::optimize;
use crate::store::FittedParameters;

/// Fit the scheduler to your own review history, and reschedule
///
/// Fits the FSRS parameters to your review log, then reschedules every question
/// with them.
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
    let items = optimize::training_items(
        reviews.iter().map(|r| (&r.key, r.reviewed_at, r.rating)),
        ctx.clock.offset(),
        progress.config.scheduler.day_starts_at,
    );
    let fit = optimize::fit(items, &progress.scheduler.config().parameters)?;
    let fitted = FittedParameters {
        parameters: fit.parameters,
        fitted_at: ctx.clock.now(),
        reviews: reviews.len() as u64,
        log_loss_before: fit.log_loss_before,
        log_loss_after: fit.log_loss_after,
        rmse_before: fit.rmse_before,
        rmse_after: fit.rmse_after,
    };
    progress.store.save_parameters(&fitted)?;
    progress.reload_scheduler()?;
    let rescheduled = progress.store.rebuild(&progress.scheduler)?;

    let mut out = std::io::stdout().lock();
    writeln!(
        out,
        "Fitted FSRS-6 to {} reviews ({} training items, {} on a later day).",
        reviews.len(),
        fit.items,
        fit.long_term
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
