//! The one clock recall reads: the real time, or `RECALL_NOW` when it is set.
//!
//! Everything that needs "now" (scheduling, the review log, due lists) takes a `Clock`
//! or a time read from one, never `Utc::now()` directly, so tests and "what happens next
//! week" runs are reproducible. A fixed clock stays fixed; time taken on an answer is
//! measured separately with `std::time::Instant`.

use chrono::{DateTime, FixedOffset, Local, Offset, Utc};

/// The environment variable that fixes the current time (RFC 3339).
pub const NOW_VAR: &str = "RECALL_NOW";

/// The time recall works at: the system clock, or a fixed moment (`RECALL_NOW`) under
/// which time stands still. Copy it freely; every copy reads the same time.
#[derive(Debug, Clone, Copy)]
pub struct Clock {
    fixed: Option<DateTime<FixedOffset>>,
}

impl Clock {
    /// The system clock.
    pub fn system() -> Clock {
        Clock { fixed: None }
    }

    /// A clock stopped at `at`.
    pub fn fixed(at: DateTime<FixedOffset>) -> Clock {
        Clock { fixed: Some(at) }
    }

    /// `RECALL_NOW` when set (an error if it is not RFC 3339), else the system clock.
    pub fn from_env() -> Result<Clock, BadNow> {
        match std::env::var(NOW_VAR) {
            Ok(value) if !value.trim().is_empty() => Clock::parse(value.trim()),
            _ => Ok(Clock::system()),
        }
    }

    fn parse(value: &str) -> Result<Clock, BadNow> {
        DateTime::parse_from_rfc3339(value)
            .map(Clock::fixed)
            .map_err(|reason| BadNow {
                value: value.to_owned(),
                reason,
            })
    }

    /// The current time in UTC.
    pub fn now(&self) -> DateTime<Utc> {
        match self.fixed {
            Some(at) => at.with_timezone(&Utc),
            None => Utc::now(),
        }
    }

    /// The learner's UTC offset: the fixed time's offset when `RECALL_NOW` carries one,
    /// else the system's local offset now. Day boundaries are computed in it.
    pub fn offset(&self) -> FixedOffset {
        match self.fixed {
            Some(at) => *at.offset(),
            None => Local::now().offset().fix(),
        }
    }

    /// Whether the clock is stopped (set by `RECALL_NOW`).
    pub fn is_fixed(&self) -> bool {
        self.fixed.is_some()
    }
}

/// `RECALL_NOW` holds something that is not an RFC 3339 time.
#[derive(Debug, thiserror::Error)]
#[error(
    "{NOW_VAR}={value:?} is not an RFC 3339 time ({reason}); \
     write it like 2026-11-27T09:30:00Z or 2026-11-27T09:30:00+01:00"
)]
pub struct BadNow {
    /// The value of `RECALL_NOW`, trimmed.
    pub value: String,
    /// What chrono found wrong with it (in the message, not a cause of its own).
    reason: chrono::ParseError,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_rfc3339_and_keeps_the_offset() {
        let clock = Clock::parse("2026-11-27T09:30:00+01:00").unwrap();
        assert_eq!(clock.now().to_rfc3339(), "2026-11-27T08:30:00+00:00");
        assert_eq!(clock.offset().local_minus_utc(), 3600);
    }

    #[test]
    fn rejects_a_bad_time_with_an_example() {
        let err = Clock::parse("tomorrow").unwrap_err().to_string();
        assert!(err.contains("2026-11-27T09:30:00Z"), "{err}");
    }
}
