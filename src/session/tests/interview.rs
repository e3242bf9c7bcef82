//! The session as an interview: follow-ups asked after the answers that call for them,
//! hints capping the rating, and answers timed against their target.

use super::*;

/// A bank whose interview question has hints, a target time and follow-ups, one asked
/// after a pass and one after a fail, the first with a follow-up of its own.
const MOCK: &str = r#"
[bank]
id = "m"
title = "Mock"

[[question]]
id = "volume"
kind = "interview"
tier = "beginner"
prompt = "What is a named volume?"
model_answer = "Storage managed by the Docker daemon that persists after the container is removed."
keywords = ["daemon", { any = ["persist", "survive"], required = true }]
hint = ["Who manages it?", "What outlives the container?"]
time = "30s"

[[question.follow_up]]
when = "passed"
prompt = "Where does it live?"
model_answer = "Under /var/lib/docker/volumes."
keywords = ["/var/lib/docker/volumes"]

[[question.follow_up.follow_up]]
prompt = "Who may edit it?"
model_answer = "Only Docker, through a container."
keywords = ["docker"]

[[question.follow_up]]
when = "failed"
prompt = "What happens to a container's own files when it is removed?"
model_answer = "They are lost."
keywords = ["lost"]
"#;

fn mock() -> Library {
    library_of(MOCK)
}

/// The ids asked, in order, when every question is answered with `answer`.
fn asked_in_interview(library: &Library, answer: &str) -> Vec<String> {
    let grader = Grader::new(&library.banks);
    let mut s = session(library, Mode::Interview);
    let mut log = Log::new();
    let mut asked = Vec::new();
    while let Some(ask) = s.ask() {
        asked.push(ask.entry.question.id.clone());
        s.answer(Answer::Text(answer.to_owned()), 0, &grader);
        s.rate(Rating::Good, &mut log).unwrap();
    }
    asked
}

#[test]
fn follow_ups_are_asked_after_the_answer_that_calls_for_them() {
    let library = mock();
    let passing = "The daemon keeps it; it persists. /var/lib/docker/volumes, by docker.";
    assert_eq!(
        asked_in_interview(&library, passing),
        ["volume", "volume/follow-1", "volume/follow-1/follow-1"]
    );
    assert_eq!(
        asked_in_interview(&library, "no idea"),
        ["volume", "volume/follow-2"]
    );
}

#[test]
fn follow_ups_are_not_asked_outside_an_interview() {
    let library = mock();
    let grader = Grader::new(&library.banks);
    let mut s = session(&library, Mode::Drill);
    let mut log = Log::new();
    s.answer(Answer::Text("no idea".into()), 0, &grader);
    s.rate(Rating::Again, &mut log).unwrap();
    assert!(s.ask().is_none(), "a drill asks the question alone");
}

#[test]
fn undoing_an_answer_takes_back_the_follow_ups_it_called_for() {
    let library = mock();
    let grader = Grader::new(&library.banks);
    let mut s = session(&library, Mode::Interview);
    let mut log = Log::new();
    s.answer(Answer::Text("no idea".into()), 0, &grader);
    s.rate(Rating::Again, &mut log).unwrap();
    assert_eq!(s.ask().unwrap().entry.question.id, "volume/follow-2");
    assert_eq!(s.undo(&mut log).unwrap(), Undone::Answer);
    let ask = s.ask().unwrap();
    assert_eq!(ask.entry.question.id, "volume");
    assert_eq!(
        (ask.number, ask.total),
        (1, 1),
        "follow-ups count with their question"
    );
    // Passed this time: the other follow-up comes, not the one the failure called for.
    s.answer(
        Answer::Text("The daemon keeps it; it persists.".into()),
        0,
        &grader,
    );
    s.rate(Rating::Good, &mut log).unwrap();
    assert_eq!(s.ask().unwrap().entry.question.id, "volume/follow-1");
    assert_eq!(
        s.tally().total,
        2,
        "the undone follow-up is gone from the tally"
    );
}

#[test]
fn a_hint_caps_the_suggested_rating_at_hard_and_is_recorded() {
    let library = mock();
    let grader = Grader::new(&library.banks);
    let mut s = session(&library, Mode::Interview);
    let mut log = Log::new();
    let first = s.take_hint().unwrap();
    assert_eq!(
        (first.number, first.total, first.text),
        (1, 2, "Who manages it?")
    );
    assert_eq!(s.ask().unwrap().hints_taken, 1);
    assert!(s.take_hint().is_some());
    assert!(s.take_hint().is_none(), "two hints, no third");
    let verdict = s
        .answer(
            Answer::Text("The daemon keeps it; it persists.".into()),
            0,
            &grader,
        )
        .unwrap();
    assert!(verdict.correct && verdict.score == 1.0);
    assert_eq!(
        verdict.suggested,
        Rating::Hard,
        "a full score with a hint is Hard"
    );
    s.rate(Rating::Hard, &mut log).unwrap();
    assert_eq!(log.reviews[0].1.hints, 2);
    // The next question starts with no hint taken (and has none).
    assert_eq!(s.ask().unwrap().hints_taken, 0);
    assert!(s.take_hint().is_none());
}

#[test]
fn an_answer_over_its_target_time_is_flagged_and_counted() {
    let library = mock();
    let grader = Grader::new(&library.banks);
    let mut s = session(&library, Mode::Interview);
    let mut log = Log::new();
    let verdict = s
        .answer(Answer::Text("no idea".into()), 31_000, &grader)
        .unwrap();
    assert_eq!(verdict.target_ms, Some(30_000));
    assert!(verdict.over_time());
    s.rate(Rating::Again, &mut log).unwrap();
    // The follow-up takes the tier's default, a minute.
    let verdict = s
        .answer(Answer::Text("lost".into()), 31_000, &grader)
        .unwrap();
    assert_eq!(verdict.target_ms, Some(60_000));
    assert!(!verdict.over_time());
    s.rate(Rating::Good, &mut log).unwrap();
    let tally = s.tally();
    assert_eq!(tally.over_time, 1);
    let beginner = tally.tiers[&crate::bank::Tier::Beginner];
    assert_eq!((beginner.answered, beginner.follow_ups), (1, 1));
    assert_eq!(beginner.target_ms, 90_000);
    let readiness = readiness::Readiness::of(&s);
    assert_eq!(readiness.revisit.len(), 1);
    assert_eq!(readiness.revisit[0].key.to_string(), "m/volume");
    assert_eq!(readiness.revisit[0].reasons, ["failed", "over time"]);
    let missed: Vec<&str> = readiness
        .concepts_missed
        .iter()
        .map(|m| m.concept.as_str())
        .collect();
    assert_eq!(missed, ["daemon", "persist"]);
}

#[test]
fn asking_for_a_hint_resumes_the_question_and_an_undo_starts_afresh() {
    let library = mock();
    let grader = Grader::new(&library.banks);
    let mut s = session(&library, Mode::Interview);
    let mut log = Log::new();
    assert!(!s.ask().unwrap().resumed);
    s.take_hint();
    assert!(
        s.ask().unwrap().resumed,
        "the question is on screen already"
    );
    s.answer(Answer::Text("no idea".into()), 0, &grader);
    s.rate(Rating::Again, &mut log).unwrap();
    // The follow-up has no hints; asking for one still resumes it (no reprint, time on).
    let follow_up = s.ask().unwrap();
    assert!(!follow_up.resumed && follow_up.hints_taken == 0);
    assert!(s.take_hint().is_none());
    assert!(s.ask().unwrap().resumed);
    assert_eq!(s.undo(&mut log).unwrap(), Undone::Answer);
    let again = s.ask().unwrap();
    assert_eq!(again.entry.question.id, "volume");
    assert!(
        !again.resumed && again.hints_taken == 0,
        "asked afresh after the undo"
    );
}
