//! Planning toward a date: "advance", as Anki's FSRS helper calls it. While a learner
//! plans toward an interview date, a review question whose next due time falls on or
//! after the date is brought back once before it, so that nothing studied is first
//! seen again after the interview.
//!
//! "Once" needs no stored state: each question gets one day in the last
//! [`ADVANCE_WINDOW_DAYS`] days before the date (spread by a hash of its key and the
//! date, so a week's extra reviews do not all land on the eve); a question last
//! reviewed before its day comes due on that day, and one reviewed on or after it keeps
//! its plain FSRS due time. The card itself is never changed: this is a reading of the
//! schedule, so undo, rebuild and the plain schedule after the date are untouched.

use chrono::{DateTime, TimeDelta, Utc};

use super::State;
use super::fuzz::unit_interval;

/// The days before the date over which advanced reviews are spread.
pub const ADVANCE_WINDOW_DAYS: i64 = 7;

/// The day (as a time) in the window before `date` on which the question `key` is
/// brought back: 1 to [`ADVANCE_WINDOW_DAYS`] days before it.
pub fn advance_day(key: &str, date: DateTime<Utc>) -> DateTime<Utc> {
    let spread = (unit_interval(key, date) * ADVANCE_WINDOW_DAYS as f64) as i64;
    date - TimeDelta::days(1 + spread.clamp(0, ADVANCE_WINDOW_DAYS - 1))
}

/// When the question `key` (in `state`, due at `due`, last reviewed at `last_review`)
/// comes due while the learner plans toward `date`: its advance day when it is a review
/// question due on or after the date and not reviewed since that day; else `due`.
pub fn due_toward(
    key: &str,
    state: State,
    due: DateTime<Utc>,
    last_review: DateTime<Utc>,
    date: DateTime<Utc>,
) -> DateTime<Utc> {
    if state != State::Review || due < date {
        return due;
    }
    let day = advance_day(key, date);
    if last_review < day { day } else { due }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(days: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(1_800_000_000, 0).unwrap() + TimeDelta::days(days)
    }

    #[test]
    fn a_review_due_after_the_date_comes_back_once_before_it() {
        let date = at(30);
        let day = advance_day("b/q", date);
        assert!(day < date && day >= date - TimeDelta::days(ADVANCE_WINDOW_DAYS));
        // Reviewed long ago, due after the date: brought back on its day.
        assert_eq!(due_toward("b/q", State::Review, at(40), at(0), date), day);
        // Reviewed on its day (the one advanced review): its plain due time again.
        assert_eq!(due_toward("b/q", State::Review, at(45), day, date), at(45));
        // Due before the date, or still learning: untouched.
        assert_eq!(
            due_toward("b/q", State::Review, at(10), at(0), date),
            at(10)
        );
        assert_eq!(
            due_toward("b/q", State::Learning, at(40), at(0), date),
            at(40)
        );
    }

    #[test]
    fn advance_days_spread_over_the_window() {
        let date = at(30);
        let days: std::collections::BTreeSet<DateTime<Utc>> = (0..200)
            .map(|i| advance_day(&format!("b/q{i}"), date))
            .collect();
        assert_eq!(days.len() as i64, ADVANCE_WINDOW_DAYS);
    }
}
