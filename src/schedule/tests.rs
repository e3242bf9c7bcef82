//! Unit tests of the scheduler: learning steps, lapses, fuzz, configuration checks and
//! the Python-compatible rounding. The full check against py-fsrs is
//! `tests/suites/schedule_conformance.rs`.

use super::*;
use chrono::TimeZone;

fn at(seconds: i64) -> DateTime<Utc> {
    // 2024-01-01T00:00:00Z plus `seconds`; a fixed valid timestamp.
    Utc.timestamp_opt(1_704_067_200 + seconds, 0).unwrap()
}

fn no_fuzz() -> Scheduler {
    let config = SchedulerConfig {
        fuzz: false,
        ..SchedulerConfig::default()
    };
    // The default configuration is valid by construction.
    Scheduler::new(config).unwrap()
}

#[test]
fn new_card_good_goes_to_second_learning_step() {
    let card = no_fuzz().review(&Card::new(), Rating::Good, at(0), "b/q");
    assert_eq!(card.state, State::Learning);
    assert_eq!(card.step, Some(1));
    assert_eq!(card.due, Some(at(600)));
    assert_eq!(card.stability(), Some(DEFAULT_PARAMETERS[2]));
}

#[test]
fn hard_on_first_step_waits_halfway_between_steps() {
    let card = no_fuzz().review(&Card::new(), Rating::Hard, at(0), "b/q");
    assert_eq!(card.due, Some(at(330)));
}

#[test]
fn lapse_counts_only_from_review() {
    let scheduler = no_fuzz();
    let card = scheduler.review(&Card::new(), Rating::Easy, at(0), "b/q");
    assert_eq!(card.state, State::Review);
    let card = scheduler.review(&card, Rating::Again, at(86_400 * 10), "b/q");
    assert_eq!(
        (card.state, card.lapses, card.reps),
        (State::Relearning, 1, 2)
    );
    let card = scheduler.review(&card, Rating::Again, at(86_400 * 10 + 700), "b/q");
    assert_eq!(card.lapses, 1);
}

#[test]
fn fuzz_is_deterministic_and_stays_in_range() {
    // The default configuration is valid by construction.
    let fuzzed = Scheduler::new(SchedulerConfig::default()).unwrap();
    let plain = no_fuzz();
    let mut card = Card::new();
    let mut moment = at(0);
    let mut moved = false;
    for _ in 0..10 {
        let with_fuzz = fuzzed.review(&card, Rating::Easy, moment, "bank/q1");
        assert_eq!(
            with_fuzz,
            fuzzed.review(&card, Rating::Easy, moment, "bank/q1")
        );
        card = plain.review(&card, Rating::Easy, moment, "bank/q1");
        assert_eq!(with_fuzz.memory, card.memory);
        // Every review here is due in whole days, so both dues are set.
        let fuzzed_days = whole_days(with_fuzz.due.unwrap() - moment);
        let plain_days = whole_days(card.due.unwrap() - moment);
        let spread = (plain_days as f64 * 0.15).ceil() as i64 + 2;
        assert!(
            (fuzzed_days - plain_days).abs() <= spread,
            "{fuzzed_days} vs {plain_days}"
        );
        moved |= fuzzed_days != plain_days;
        moment = card.due.unwrap();
    }
    assert!(moved, "fuzz never changed an interval");
}

#[test]
fn rejects_bad_configuration() {
    let config = SchedulerConfig {
        desired_retention: 1.0,
        ..SchedulerConfig::default()
    };
    assert_eq!(
        Scheduler::new(config).unwrap_err(),
        ScheduleError::DesiredRetention(1.0)
    );
    let config = SchedulerConfig {
        learning_steps: vec![TimeDelta::zero()],
        ..SchedulerConfig::default()
    };
    assert!(matches!(
        Scheduler::new(config),
        Err(ScheduleError::Step {
            kind: "learning",
            ..
        })
    ));
}

#[test]
fn scale_duration_rounds_half_to_even() {
    assert_eq!(
        scale_duration(TimeDelta::microseconds(3), 1, 2),
        TimeDelta::microseconds(2)
    );
    assert_eq!(
        scale_duration(TimeDelta::microseconds(5), 1, 2),
        TimeDelta::microseconds(2)
    );
    assert_eq!(
        scale_duration(TimeDelta::seconds(60), 3, 2),
        TimeDelta::seconds(90)
    );
}

#[test]
fn whole_days_floors_like_python() {
    assert_eq!(whole_days(TimeDelta::seconds(-1)), -1);
    assert_eq!(whole_days(TimeDelta::seconds(86_399)), 0);
    assert_eq!(whole_days(TimeDelta::seconds(86_400)), 1);
}

#[test]
fn days_at_or_above_agrees_with_the_forgetting_curve_at_every_boundary() {
    let scheduler = Scheduler::new(SchedulerConfig::default()).unwrap();
    for stability in [0.01, 0.3, 1.0, 2.3, 8.29, 30.0, 365.0, 5000.0] {
        for retention in [0.5, 0.8, 0.9, 0.97, 0.99] {
            let days = scheduler.days_at_or_above(stability, retention);
            if days >= 0 {
                assert!(scheduler.forgetting_curve(days as f64, stability) >= retention);
            }
            assert!(
                scheduler.forgetting_curve((days + 1) as f64, stability) < retention,
                "{stability} {retention} {days}"
            );
        }
    }
}
