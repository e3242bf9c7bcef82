//! Conformance with py-fsrs 6.3, the FSRS-6 reference implementation.
//!
//! `tests/fixtures/fsrs/vectors.json` holds random review histories that
//! py-fsrs scheduled with fuzz off (see `generate.py` beside it). Each is
//! replayed through recall's scheduler, and after every review the state, step
//! and due time must be identical and stability and difficulty must agree to
//! a relative error under 1e-4.

use chrono::{DateTime, TimeDelta, Utc};
use recall::schedule::{Card, Parameters, Rating, Scheduler, SchedulerConfig, State};
use serde_json::Value;

const VECTORS: &str = include_str!("../fixtures/fsrs/vectors.json");
const TOLERANCE: f64 = 1e-4;

fn time(value: &Value) -> DateTime<Utc> {
    let text = value.as_str().expect("a time is a string");
    DateTime::parse_from_rfc3339(text)
        .unwrap_or_else(|error| panic!("bad time {text}: {error}"))
        .with_timezone(&Utc)
}

fn steps(value: &Value) -> Vec<TimeDelta> {
    value
        .as_array()
        .expect("steps are a list")
        .iter()
        .map(|seconds| {
            let seconds = seconds.as_f64().expect("a step is a number of seconds");
            TimeDelta::microseconds((seconds * 1e6).round() as i64)
        })
        .collect()
}

fn scheduler(value: &Value) -> Scheduler {
    let parameters: Vec<f64> = serde_json::from_value(value["parameters"].clone())
        .expect("parameters are a list of numbers");
    let config = SchedulerConfig {
        parameters: Parameters::try_from(parameters).expect("py-fsrs accepted these parameters"),
        desired_retention: value["desired_retention"].as_f64().expect("retention"),
        learning_steps: steps(&value["learning_steps_seconds"]),
        relearning_steps: steps(&value["relearning_steps_seconds"]),
        maximum_interval: value["maximum_interval"]
            .as_u64()
            .expect("maximum interval") as u32,
        fuzz: false,
    };
    Scheduler::new(config).expect("py-fsrs accepted this configuration")
}

fn relative_error(ours: f64, theirs: f64) -> f64 {
    (ours - theirs).abs() / theirs.abs().max(f64::MIN_POSITIVE)
}

#[test]
fn recall_reproduces_py_fsrs_at_every_step() {
    let document: Value = serde_json::from_str(VECTORS).expect("vectors.json is JSON");
    let histories = document["histories"]
        .as_array()
        .expect("a list of histories");
    assert!(
        histories.len() >= 300,
        "too few histories: {}",
        histories.len()
    );

    let mut steps_checked = 0;
    let mut ratings_seen = [false; 4];
    for history in histories {
        let id = &history["id"];
        let scheduler = scheduler(&history["scheduler"]);
        let key = format!("conformance/{id}");
        let mut card = Card::new();
        let mut replayed = Vec::new();
        for (position, review) in history["reviews"]
            .as_array()
            .expect("reviews")
            .iter()
            .enumerate()
        {
            let context = format!("history {id}, review {position}");
            let number = review["rating"].as_i64().expect("rating");
            let rating = Rating::from_number(number).expect("a rating from 1 to 4");
            ratings_seen[usize::from(rating.number()) - 1] = true;
            let at = time(&review["time"]);

            let retrievability = scheduler.retrievability(&card, at);
            let expected_r = review["retrievability_before"]
                .as_f64()
                .expect("retrievability");
            assert!(
                (retrievability - expected_r).abs() < TOLERANCE,
                "{context}: retrievability {retrievability} != {expected_r}"
            );

            card = scheduler.review(&card, rating, at, &key);
            replayed.push((rating, at));

            let expected_state = State::from_name(review["state"].as_str().expect("state"));
            assert_eq!(Some(card.state), expected_state, "{context}: state");
            let expected_step = review["step"].as_u64().map(|step| step as u32);
            assert_eq!(card.step, expected_step, "{context}: step");
            assert_eq!(card.due, Some(time(&review["due"])), "{context}: due");
            let stability = card.stability().expect("reviewed cards have a stability");
            let expected_s = review["stability"].as_f64().expect("stability");
            assert!(
                relative_error(stability, expected_s) < TOLERANCE,
                "{context}: stability {stability} != {expected_s}"
            );
            let difficulty = card.difficulty().expect("reviewed cards have a difficulty");
            let expected_d = review["difficulty"].as_f64().expect("difficulty");
            assert!(
                relative_error(difficulty, expected_d) < TOLERANCE,
                "{context}: difficulty {difficulty} != {expected_d}"
            );
            steps_checked += 1;
        }
        // Replaying the whole log gives the card reached step by step.
        assert_eq!(
            scheduler.replay(replayed, &key),
            card,
            "history {id}: replay"
        );
    }
    assert!(
        ratings_seen.iter().all(|seen| *seen),
        "every rating appears"
    );
    assert!(steps_checked >= 3000, "only {steps_checked} steps checked");
}
