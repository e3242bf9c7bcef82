//! The FSRS-6 memory model: the 21 parameters, their bounds, and the formulas
//! that turn a memory state and a rating into the next memory state.
//!
//! Formulas follow py-fsrs 6.3 line by line (including `math.e ** x` written
//! as `E.powf(x)`, so results agree to the last bit where libm agrees). Which
//! formula applies when (first review, same-day review, long-term review) is
//! decided by the scheduler in `mod.rs`, not here.

use std::f64::consts::E;

use serde::{Deserialize, Serialize};

use super::Rating;

/// FSRS-6 has 21 parameters.
pub const PARAMETER_COUNT: usize = 21;

/// py-fsrs 6.3's `DEFAULT_PARAMETERS` (also FSRS-6's published defaults).
pub const DEFAULT_PARAMETERS: [f64; PARAMETER_COUNT] = [
    0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796, 1.4835,
    0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
];

const STABILITY_MIN: f64 = 0.001;
const INITIAL_STABILITY_MAX: f64 = 100.0;
const MIN_DIFFICULTY: f64 = 1.0;
const MAX_DIFFICULTY: f64 = 10.0;

/// py-fsrs's `LOWER_BOUNDS_PARAMETERS`.
pub const LOWER_BOUNDS: [f64; PARAMETER_COUNT] = [
    STABILITY_MIN,
    STABILITY_MIN,
    STABILITY_MIN,
    STABILITY_MIN,
    1.0,
    0.001,
    0.001,
    0.001,
    0.0,
    0.0,
    0.001,
    0.001,
    0.001,
    0.001,
    0.0,
    0.0,
    1.0,
    0.0,
    0.0,
    0.0,
    0.1,
];

/// py-fsrs's `UPPER_BOUNDS_PARAMETERS`.
pub const UPPER_BOUNDS: [f64; PARAMETER_COUNT] = [
    INITIAL_STABILITY_MAX,
    INITIAL_STABILITY_MAX,
    INITIAL_STABILITY_MAX,
    INITIAL_STABILITY_MAX,
    10.0,
    4.0,
    4.0,
    0.75,
    4.5,
    0.8,
    3.5,
    5.0,
    0.25,
    0.9,
    4.0,
    1.0,
    6.0,
    2.0,
    2.0,
    0.8,
    0.8,
];

/// The 21 FSRS-6 weights `w[0]..w[20]`.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "Vec<f64>", into = "Vec<f64>")]
pub struct Parameters([f64; PARAMETER_COUNT]);

impl Default for Parameters {
    fn default() -> Parameters {
        Parameters(DEFAULT_PARAMETERS)
    }
}

/// Parameters that FSRS-6 cannot use.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ParametersError {
    /// Not 21 parameters.
    #[error("expected {PARAMETER_COUNT} parameters, got {0}")]
    Count(usize),
    /// A parameter outside its bounds.
    #[error("parameter w[{index}] = {value} is outside its bounds [{low}, {high}]")]
    OutOfBounds {
        /// Which parameter (`w[index]`).
        index: usize,
        /// Its value.
        value: f64,
        /// Its lower bound.
        low: f64,
        /// Its upper bound.
        high: f64,
    },
}

impl TryFrom<Vec<f64>> for Parameters {
    type Error = ParametersError;

    fn try_from(values: Vec<f64>) -> Result<Parameters, ParametersError> {
        let array: [f64; PARAMETER_COUNT] = values
            .as_slice()
            .try_into()
            .map_err(|_| ParametersError::Count(values.len()))?;
        let parameters = Parameters(array);
        parameters.validate()?;
        Ok(parameters)
    }
}

impl From<Parameters> for Vec<f64> {
    fn from(parameters: Parameters) -> Vec<f64> {
        parameters.0.to_vec()
    }
}

impl Parameters {
    /// The 21 weights, `w[0]` to `w[20]`.
    pub fn as_array(&self) -> &[f64; PARAMETER_COUNT] {
        &self.0
    }

    /// Every parameter inside py-fsrs's bounds (NaN is outside).
    pub fn validate(&self) -> Result<(), ParametersError> {
        for (index, value) in self.0.iter().copied().enumerate() {
            let (low, high) = (LOWER_BOUNDS[index], UPPER_BOUNDS[index]);
            if !(low..=high).contains(&value) {
                return Err(ParametersError::OutOfBounds {
                    index,
                    value,
                    low,
                    high,
                });
            }
        }
        Ok(())
    }

    pub(super) fn model(&self) -> Model<'_> {
        Model { w: &self.0 }
    }
}

/// The formulas, borrowing the weights.
pub(super) struct Model<'a> {
    w: &'a [f64; PARAMETER_COUNT],
}

impl Model<'_> {
    pub(super) fn initial_memory(&self, rating: Rating) -> super::MemoryState {
        super::MemoryState {
            stability: self.initial_stability(rating),
            difficulty: clamp_difficulty(self.initial_difficulty(rating)),
        }
    }

    fn initial_stability(&self, rating: Rating) -> f64 {
        clamp_stability(self.w[usize::from(rating.number()) - 1])
    }

    /// Unclamped: the mean reversion target uses the raw value for Easy.
    fn initial_difficulty(&self, rating: Rating) -> f64 {
        self.w[4] - E.powf(self.w[5] * (rating.value() - 1.0)) + 1.0
    }

    /// Stability after a review on the same day as the last one.
    ///
    /// The multiplier is floored at 1 for Hard, Good and Easy, as py-fsrs 6.3
    /// does (`_short_term_stability`). fsrs-rs 6.6 floors the same ratings
    /// (`rating >= 2`); earlier fsrs-rs releases floored only Good and Easy.
    /// Where they differ, recall follows py-fsrs.
    pub(super) fn short_term_stability(&self, stability: f64, rating: Rating) -> f64 {
        let increase =
            E.powf(self.w[17] * (rating.value() - 3.0 + self.w[18])) * stability.powf(-self.w[19]);
        let increase = if rating == Rating::Again {
            increase
        } else {
            increase.max(1.0)
        };
        clamp_stability(stability * increase)
    }

    pub(super) fn next_difficulty(&self, difficulty: f64, rating: Rating) -> f64 {
        let target = self.initial_difficulty(Rating::Easy);
        let delta = -(self.w[6] * (rating.value() - 3.0));
        let damped = difficulty + (10.0 - difficulty) * delta / 9.0;
        clamp_difficulty(self.w[7] * target + (1.0 - self.w[7]) * damped)
    }

    /// Stability after a review on a later day, with `retrievability` the
    /// predicted recall probability at the moment of the review.
    pub(super) fn next_stability(
        &self,
        memory: super::MemoryState,
        retrievability: f64,
        rating: Rating,
    ) -> f64 {
        let super::MemoryState {
            stability,
            difficulty,
        } = memory;
        let next = if rating == Rating::Again {
            let long_term = self.w[11]
                * difficulty.powf(-self.w[12])
                * ((stability + 1.0).powf(self.w[13]) - 1.0)
                * E.powf((1.0 - retrievability) * self.w[14]);
            let short_term = stability / E.powf(self.w[17] * self.w[18]);
            long_term.min(short_term)
        } else {
            let hard_penalty = if rating == Rating::Hard {
                self.w[15]
            } else {
                1.0
            };
            let easy_bonus = if rating == Rating::Easy {
                self.w[16]
            } else {
                1.0
            };
            stability
                * (1.0
                    + E.powf(self.w[8])
                        * (11.0 - difficulty)
                        * stability.powf(-self.w[9])
                        * (E.powf((1.0 - retrievability) * self.w[10]) - 1.0)
                        * hard_penalty
                        * easy_bonus)
        };
        clamp_stability(next)
    }
}

fn clamp_stability(stability: f64) -> f64 {
    stability.max(STABILITY_MIN)
}

fn clamp_difficulty(difficulty: f64) -> f64 {
    difficulty.clamp(MIN_DIFFICULTY, MAX_DIFFICULTY)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_within_bounds() {
        assert_eq!(Parameters::default().validate(), Ok(()));
    }

    #[test]
    fn wrong_count_and_out_of_bounds_are_rejected() {
        assert_eq!(
            Parameters::try_from(vec![0.5; 3]),
            Err(ParametersError::Count(3))
        );
        let mut values = DEFAULT_PARAMETERS.to_vec();
        values[20] = f64::NAN;
        assert!(matches!(
            Parameters::try_from(values),
            Err(ParametersError::OutOfBounds { index: 20, .. })
        ));
    }
}
