//! The one clock recall reads: the real time, or `RECALL_NOW` when it is set.
//!
//! Everything that needs "now" (scheduling, the review log, due lists) takes a `Clock`
//! or a time read from one, never `Utc::now()` directly, so tests and "what happens next
//! week" runs are reproducible. A fixed clock stays fixed; time taken on an answer is
//! measured by a [`Stopwatch`] from the same clock: the wall clock's `Instant`, or under
//! `RECALL_NOW` the fixed `RECALL_ANSWER_TIME`.

use chrono::{DateTime, FixedOffset, Local, Offset, SubsecRound, Utc};
use std::time::{Duration, Instant};

/// The environment variable that fixes the current time (RFC 3339).
pub const NOW_VAR: &str = "RECALL_NOW";

/// The environment variable that, under a fixed clock, says how long every answer takes
/// (seconds, `95` or `95s`; 0 when unset): time stands still under `RECALL_NOW`, so a
/// transcript that shows an answer over its target time needs the time given.
pub const ANSWER_TIME_VAR: &str = "RECALL_ANSWER_TIME";

/// The time recall works at: the system clock, or a fixed moment (`RECALL_NOW`) under
/// which time stands still. Copy it freely; every copy reads the same time.
#[derive(Debug, Clone, Copy)]
pub struct Clock {
    fixed: Option<DateTime<FixedOffset>>,
    /// How long each answer takes under a fixed clock (`RECALL_ANSWER_TIME`).
    answer_time: Duration,
}

impl Clock {
    /// The system clock.
    pub fn system() -> Clock {
        Clock {
            fixed: None,
            answer_time: Duration::ZERO,
        }
    }

    /// A clock stopped at `at`.
    pub fn fixed(at: DateTime<FixedOffset>) -> Clock {
        Clock {
            fixed: Some(at),
            answer_time: Duration::ZERO,
        }
    }

    /// This clock, with every answer taking `time` when it is fixed.
    pub fn with_answer_time(self, time: Duration) -> Clock {
        Clock {
            answer_time: time,
            ..self
        }
    }

    /// `RECALL_NOW` when set (an error if it is not RFC 3339), else the system clock;
    /// with `RECALL_ANSWER_TIME` (an error if it is not seconds).
    pub fn from_env() -> Result<Clock, BadNow> {
        let clock = match std::env::var(NOW_VAR) {
            Ok(value) if !value.trim().is_empty() => Clock::parse(value.trim())?,
            _ => Clock::system(),
        };
        match std::env::var(ANSWER_TIME_VAR) {
            Ok(value) if !value.trim().is_empty() => {
                let seconds = value.trim().trim_end_matches('s').trim().parse::<u64>();
                match seconds {
                    Ok(seconds) => Ok(clock.with_answer_time(Duration::from_secs(seconds))),
                    Err(_) => Err(BadNow::AnswerTime {
                        value: value.trim().to_owned(),
                    }),
                }
            }
            _ => Ok(clock),
        }
    }

    fn parse(value: &str) -> Result<Clock, BadNow> {
        DateTime::parse_from_rfc3339(value)
            .map(Clock::fixed)
            .map_err(|reason| BadNow::Now {
                value: value.to_owned(),
                reason,
            })
    }

    /// A stopwatch started now, for the time an answer takes: the wall clock's, or under
    /// a fixed clock the `RECALL_ANSWER_TIME` (0 unless set), so that transcripts are
    /// reproducible.
    pub fn stopwatch(&self) -> Stopwatch {
        Stopwatch {
            started: Instant::now(),
            fixed: self.fixed.map(|_| self.answer_time),
        }
    }

    /// The current time in UTC, to the microsecond: as precise as the review log and
    /// the scheduler keep time, so that an interval counted from it is the one they
    /// schedule (a learning step of one minute shows as 1m, not as <1m).
    pub fn now(&self) -> DateTime<Utc> {
        match self.fixed {
            Some(at) => at.with_timezone(&Utc),
            None => Utc::now(),
        }
        .trunc_subsecs(6)
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

/// "in 3 days", "in 10 minutes", "in under a minute", "2 hours ago", "now": how far
/// `time` is from `now`, in the largest whole unit.
pub fn relative(time: DateTime<Utc>, now: DateTime<Utc>) -> String {
    let delta = time - now;
    let seconds = delta.num_seconds().abs();
    let (amount, unit) = match seconds {
        // "now" only for what is due: a time ahead is never called now.
        0..60 if delta.num_milliseconds() > 0 => return "in under a minute".to_owned(),
        0..60 => return "now".to_owned(),
        60..3600 => (seconds / 60, "minute"),
        3600..86_400 => (seconds / 3600, "hour"),
        _ => (seconds / 86_400, "day"),
    };
    let plural = if amount == 1 { "" } else { "s" };
    if delta.num_seconds() > 0 {
        format!("in {amount} {unit}{plural}")
    } else {
        format!("{amount} {unit}{plural} ago")
    }
}

/// An interval as short as a button label, the way Anki writes them: `<1m`, `10m`,
/// `3h`, `4d`, `2.5mo`, `1.3y`. Whole units are counted down, as [`relative`] counts
/// them, so that the label and "next in ..." agree.
pub fn short_interval(interval: chrono::TimeDelta) -> String {
    let seconds = interval.num_seconds().max(0) as f64;
    let rounded = |value: f64| {
        let text = format!("{value:.1}");
        text.strip_suffix(".0").map(str::to_owned).unwrap_or(text)
    };
    match seconds {
        s if s < 60.0 => "<1m".to_owned(),
        s if s < 3600.0 => format!("{}m", (s / 60.0).floor()),
        s if s < 86_400.0 => format!("{}h", (s / 3600.0).floor()),
        s if s < 30.0 * 86_400.0 => format!("{}d", (s / 86_400.0).floor()),
        s if s < 365.0 * 86_400.0 => format!("{}mo", rounded(s / (30.0 * 86_400.0))),
        s => format!("{}y", rounded(s / (365.0 * 86_400.0))),
    }
}

/// How long an answer has taken so far (see [`Clock::stopwatch`]).
#[derive(Debug, Clone, Copy)]
pub struct Stopwatch {
    started: Instant,
    /// The time every answer takes under a fixed clock.
    fixed: Option<Duration>,
}

impl Stopwatch {
    /// The time since the stopwatch started (a fixed clock's answer time).
    pub fn elapsed(&self) -> Duration {
        self.fixed.unwrap_or_else(|| self.started.elapsed())
    }

    /// [`Stopwatch::elapsed`] in whole milliseconds.
    pub fn elapsed_ms(&self) -> u64 {
        u64::try_from(self.elapsed().as_millis()).unwrap_or(u64::MAX)
    }
}

/// `RECALL_NOW` or `RECALL_ANSWER_TIME` holds something recall cannot read.
#[derive(Debug, thiserror::Error)]
pub enum BadNow {
    /// `RECALL_NOW` is not an RFC 3339 time.
    #[error(
        "{NOW_VAR}={value:?} is not an RFC 3339 time ({reason}); \
         write it like 2026-11-27T09:30:00Z or 2026-11-27T09:30:00+01:00"
    )]
    Now {
        /// The value of `RECALL_NOW`, trimmed.
        value: String,
        /// What chrono found wrong with it (in the message, not a cause of its own).
        reason: chrono::ParseError,
    },
    /// `RECALL_ANSWER_TIME` is not a number of seconds.
    #[error("{ANSWER_TIME_VAR}={value:?} is not a number of seconds; write it like 95 or 95s")]
    AnswerTime {
        /// The value of `RECALL_ANSWER_TIME`, trimmed.
        value: String,
    },
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
    fn intervals_read_like_buttons() {
        let short = |seconds| short_interval(chrono::TimeDelta::seconds(seconds));
        assert_eq!(short(30), "<1m");
        assert_eq!(short(60), "1m");
        assert_eq!(short(600), "10m");
        assert_eq!(short(330), "5m", "as `relative` says it: in 5 minutes");
        assert_eq!(short(3 * 3600), "3h");
        assert_eq!(short(4 * 86_400), "4d");
        assert_eq!(short(75 * 86_400), "2.5mo");
        assert_eq!(short(60 * 86_400), "2mo");
        assert_eq!(short(480 * 86_400), "1.3y");
        let now = Clock::parse("2026-11-27T09:30:00Z").unwrap().now();
        let later = |seconds| relative(now + chrono::TimeDelta::seconds(seconds), now);
        assert_eq!(later(600), "in 10 minutes");
        assert_eq!(later(-7200), "2 hours ago");
        assert_eq!(later(86_400), "in 1 day");
        assert_eq!(later(59), "in under a minute", "what is ahead is never now");
        assert_eq!(later(0), "now");
        assert_eq!(later(-30), "now");
    }

    /// Regression: the rating prompt showed a one-minute step as `<1m`, counted from a
    /// time finer than the scheduler's.
    #[test]
    fn the_system_clock_reads_whole_microseconds_as_the_scheduler_does() {
        let now = Clock::system().now();
        assert_eq!(now.timestamp_subsec_nanos() % 1000, 0, "{now:?}");
    }

    #[test]
    fn a_fixed_clock_times_every_answer_alike() {
        let fixed = Clock::parse("2026-11-27T09:30:00Z").unwrap();
        assert_eq!(fixed.stopwatch().elapsed(), Duration::ZERO);
        let slow = fixed.with_answer_time(Duration::from_secs(95));
        assert_eq!(slow.stopwatch().elapsed_ms(), 95_000);
        // The wall clock ignores it: its stopwatch measures.
        let wall = Clock::system().with_answer_time(Duration::from_secs(95));
        assert!(wall.stopwatch().elapsed() < Duration::from_secs(95));
    }

    #[test]
    fn rejects_a_bad_time_with_an_example() {
        let err = Clock::parse("tomorrow").unwrap_err().to_string();
        assert!(err.contains("2026-11-27T09:30:00Z"), "{err}");
    }
}
