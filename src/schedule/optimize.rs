//! Fitting the 21 FSRS-6 parameters to a learner's own review log, with the `fsrs`
//! crate's optimiser (the one part of FSRS recall borrows rather than ports).
//!
//! The log becomes the optimiser's training items here: one item per review after a
//! question's first, holding that question's history up to it, with time counted in
//! study days (FSRS models memory in days). The fit is scored before and after by log
//! loss and RMSE, and the parameters are held inside py-fsrs's bounds. Reading the log
//! and saving the result are the caller's.

use std::collections::HashMap;
use std::hash::Hash;

use chrono::{DateTime, Datelike, FixedOffset, NaiveTime, Utc};
use fsrs::{ComputeParametersInput, FSRS, FSRSError, FSRSItem, FSRSReview};

use super::{LOWER_BOUNDS, PARAMETER_COUNT, Parameters, ParametersError, Rating, UPPER_BOUNDS};

/// Reviews on a later day than the previous one (the ones that tell the
/// optimiser how memory decays) needed before a fit means anything.
pub const MINIMUM_LONG_TERM_REVIEWS: usize = 400;

/// Parameters fitted to a log, and how well the old and the new ones predict it.
#[derive(Clone, Debug, PartialEq)]
pub struct Fit {
    /// The fitted parameters.
    pub parameters: Parameters,
    /// Training items the log gave.
    pub items: usize,
    /// Those whose last review came on a later day than the one before it.
    pub long_term: usize,
    /// Log loss of the parameters in use before the fit.
    pub log_loss_before: f64,
    /// Log loss of the fitted parameters.
    pub log_loss_after: f64,
    /// RMSE (binned) of the parameters in use before the fit.
    pub rmse_before: f64,
    /// RMSE (binned) of the fitted parameters.
    pub rmse_after: f64,
}

/// Why no parameters were fitted.
#[derive(Debug, thiserror::Error)]
pub enum FitError {
    #[error(
        "not enough history to optimise: {long_term} reviews on a later day than the \
         question's previous review, and a meaningful fit needs at least \
         {MINIMUM_LONG_TERM_REVIEWS}; keep studying with the default parameters and try \
         again later"
    )]
    /// Too few reviews on a later day than the question's previous one.
    NotEnoughHistory {
        /// The reviews on a later day that the log has.
        long_term: usize,
    },
    /// The optimiser's model would not take the parameters.
    #[error("the FSRS model rejected the parameters")]
    Model(#[source] FSRSError),
    /// The model could not evaluate the log.
    #[error("the FSRS model could not evaluate the review log")]
    Evaluate(#[source] FSRSError),
    /// The optimiser itself failed.
    #[error("the FSRS optimiser failed")]
    Optimiser(#[source] FSRSError),
    /// The optimiser returned the wrong number of parameters.
    #[error("the FSRS optimiser returned {0} parameters, expected {PARAMETER_COUNT}")]
    ParameterCount(usize),
    /// The optimiser returned parameters outside their bounds.
    #[error("the FSRS optimiser returned unusable parameters")]
    Unusable(#[source] ParametersError),
}

/// The optimiser's training items: for every review after a question's first, that
/// question's reviews up to it, with the study days since the previous one. `reviews`
/// are (question, time, rating) in the order they were made; a study day starts at
/// `day_starts_at` in `offset`'s local time.
pub fn training_items<K: Eq + Hash>(
    reviews: impl IntoIterator<Item = (K, DateTime<Utc>, Rating)>,
    offset: FixedOffset,
    day_starts_at: NaiveTime,
) -> Vec<FSRSItem> {
    let day_number = |time: DateTime<Utc>| -> i64 {
        let shifted = time.with_timezone(&offset).naive_local()
            - day_starts_at.signed_duration_since(NaiveTime::MIN);
        i64::from(shifted.date().num_days_from_ce())
    };
    // Each question's history (study day, rating), in the order questions first appear.
    let mut index: HashMap<K, usize> = HashMap::new();
    let mut histories: Vec<Vec<(i64, u32)>> = Vec::new();
    for (key, at, rating) in reviews {
        let slot = *index.entry(key).or_insert_with(|| {
            histories.push(Vec::new());
            histories.len() - 1
        });
        histories[slot].push((day_number(at), u32::from(rating.number())));
    }
    let mut items = Vec::new();
    for history in &histories {
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

/// Fits parameters to `items`, scoring `current` and the fitted ones on them. Refuses
/// with fewer than [`MINIMUM_LONG_TERM_REVIEWS`] long-term items.
pub fn fit(items: Vec<FSRSItem>, current: &Parameters) -> Result<Fit, FitError> {
    let long_term = items
        .iter()
        .filter(|item| item.reviews.last().is_some_and(|review| review.delta_t > 0))
        .count();
    if long_term < MINIMUM_LONG_TERM_REVIEWS {
        return Err(FitError::NotEnoughHistory { long_term });
    }
    let evaluate = |parameters: &Parameters| -> Result<fsrs::ModelEvaluation, FitError> {
        let weights: Vec<f32> = parameters.as_array().iter().map(|w| *w as f32).collect();
        let model = FSRS::new(&weights).map_err(FitError::Model)?;
        model
            .evaluate(items.clone(), |_| true)
            .map_err(FitError::Evaluate)
    };
    let before = evaluate(current)?;
    let fitted = fsrs::compute_parameters(ComputeParametersInput {
        train_set: items.clone(),
        ..ComputeParametersInput::default()
    })
    .map_err(FitError::Optimiser)?;
    let parameters = within_bounds(&fitted)?;
    let after = evaluate(&parameters)?;
    Ok(Fit {
        parameters,
        items: items.len(),
        long_term,
        log_loss_before: f64::from(before.log_loss),
        log_loss_after: f64::from(after.log_loss),
        rmse_before: f64::from(before.rmse_bins),
        rmse_after: f64::from(after.rmse_bins),
    })
}

/// Parameters from the optimiser, held inside py-fsrs's bounds (fsrs-rs clips
/// to nearly the same ones; the two may differ in the last decimals).
fn within_bounds(fitted: &[f32]) -> Result<Parameters, FitError> {
    if fitted.len() != PARAMETER_COUNT {
        return Err(FitError::ParameterCount(fitted.len()));
    }
    let values: Vec<f64> = fitted
        .iter()
        .enumerate()
        .map(|(index, w)| f64::from(*w).clamp(LOWER_BOUNDS[index], UPPER_BOUNDS[index]))
        .collect();
    Parameters::try_from(values).map_err(FitError::Unusable)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(text: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(text)
            .unwrap()
            .with_timezone(&Utc)
    }

    #[test]
    fn items_hold_each_question_s_history_in_study_days() {
        let four = NaiveTime::from_hms_opt(4, 0, 0).unwrap();
        let paris = FixedOffset::east_opt(3600).unwrap();
        let reviews = [
            ("a", utc("2026-03-01T10:00:00Z"), Rating::Good),
            ("b", utc("2026-03-01T10:05:00Z"), Rating::Again),
            // 02:30 in Paris on the 2nd is still the study day of the 1st.
            ("a", utc("2026-03-02T01:30:00Z"), Rating::Hard),
            ("a", utc("2026-03-05T09:00:00Z"), Rating::Easy),
            ("b", utc("2026-03-03T09:00:00Z"), Rating::Good),
        ];
        let items = training_items(reviews, paris, four);
        let shape: Vec<Vec<(u32, u32)>> = items
            .iter()
            .map(|item| item.reviews.iter().map(|r| (r.rating, r.delta_t)).collect())
            .collect();
        assert_eq!(
            shape,
            [
                vec![(3, 0), (2, 0)],
                vec![(3, 0), (2, 0), (4, 4)],
                vec![(1, 0), (3, 2)],
            ]
        );
    }

    #[test]
    fn a_short_log_is_not_fitted() {
        let items = training_items(
            [
                ("a", utc("2026-03-01T10:00:00Z"), Rating::Good),
                ("a", utc("2026-03-04T10:00:00Z"), Rating::Good),
            ],
            FixedOffset::east_opt(0).unwrap(),
            NaiveTime::MIN,
        );
        assert!(matches!(
            fit(items, &Parameters::default()),
            Err(FitError::NotEnoughHistory { long_term: 1 })
        ));
    }
}
