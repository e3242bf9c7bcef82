//! The `fitted_parameters` table: FSRS parameters fitted by `recall optimize`, with how
//! well they fit. Every fit is kept; the newest is the one used.

use chrono::{DateTime, Utc};
use rusqlite::{OptionalExtension, params};

use super::sql::Micros;
use super::{Store, StoreError};
use crate::schedule::Parameters;

/// Parameters saved by `recall optimize`, with how well they fit.
#[derive(Clone, Debug, PartialEq)]
pub struct FittedParameters {
    /// The 21 FSRS-6 parameters.
    pub parameters: Parameters,
    /// When they were fitted.
    pub fitted_at: DateTime<Utc>,
    /// How many reviews they were fitted to.
    pub reviews: u64,
    /// Log loss of the previous parameters on that log.
    pub log_loss_before: f64,
    /// Log loss of these parameters on that log.
    pub log_loss_after: f64,
    /// RMSE (binned) of the previous parameters.
    pub rmse_before: f64,
    /// RMSE (binned) of these parameters.
    pub rmse_after: f64,
}

impl Store {
    /// The parameters of the latest `recall optimize`, if any.
    pub fn fitted_parameters(&self) -> Result<Option<FittedParameters>, StoreError> {
        let row = self
            .connection()
            .query_row(
                "SELECT weights, fitted_at, reviews, log_loss_before, log_loss_after, \
                 rmse_before, rmse_after FROM fitted_parameters ORDER BY id DESC LIMIT 1",
                [],
                |row| {
                    Ok((
                        row.get::<_, String>(0)?,
                        row.get::<_, Micros>(1)?.0,
                        row.get::<_, i64>(2)?,
                        [row.get(3)?, row.get(4)?, row.get(5)?, row.get(6)?],
                    ))
                },
            )
            .optional()
            .map_err(self.sqlite())?;
        let Some((weights, fitted_at, reviews, [ll_before, ll_after, rmse_before, rmse_after])) =
            row
        else {
            return Ok(None);
        };
        let parameters =
            serde_json::from_str(&weights).map_err(|error| StoreError::UnusableParameters {
                path: self.path().to_path_buf(),
                error,
            })?;
        Ok(Some(FittedParameters {
            parameters,
            fitted_at,
            reviews: reviews.max(0) as u64,
            log_loss_before: ll_before,
            log_loss_after: ll_after,
            rmse_before,
            rmse_after,
        }))
    }

    /// Save fitted parameters; the newest saved set is the one used.
    pub fn save_parameters(&mut self, fitted: &FittedParameters) -> Result<(), StoreError> {
        let weights =
            serde_json::to_string(&fitted.parameters).map_err(StoreError::EncodeParameters)?;
        self.connection()
            .execute(
                "INSERT INTO fitted_parameters (weights, fitted_at, reviews, log_loss_before, \
                 log_loss_after, rmse_before, rmse_after) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![
                    weights,
                    Micros(fitted.fitted_at),
                    i64::try_from(fitted.reviews).unwrap_or(i64::MAX),
                    fitted.log_loss_before,
                    fitted.log_loss_after,
                    fitted.rmse_before,
                    fitted.rmse_after,
                ],
            )
            .map_err(self.sqlite())?;
        Ok(())
    }
}
