//! The session state machine driven directly: no terminal, a recorder that keeps
//! reviews in a vector.

use super::*;
use crate::bank::{Library, load_str};
use chrono::TimeDelta;
use std::path::Path;

const BANK: &str = r#"
[bank]
id = "t"
title = "Test bank"

[[question]]
id = "port"
kind = "multiple_choice"
prompt = "Which port does HTTP use?"
choices = ["21", "80", "443", "22"]
answer = "B"
explanation = "80."

[[question]]
id = "both"
kind = "multiple_choice"
prompt = "Which are mount types?"
choices = ["volume", "bind", "socket"]
answer = ["A", "B"]
explanation = "volume and bind."

[[question]]
id = "volume"
kind = "interview"
tier = "beginner"
prompt = "What is a named volume?"
model_answer = "Storage managed by the Docker daemon that persists after the container is removed."
keywords = ["daemon", { any = ["persist", "survive"], required = true }]
"#;

fn library() -> Library {
    library_of(BANK)
}

/// The library of one bank, `source`, which must load without errors.
fn library_of(source: &str) -> Library {
    let (bank, diagnostics) = load_str(Path::new("t.toml"), source);
    assert!(diagnostics.iter().all(|d| !d.is_error()), "{diagnostics:?}");
    Library {
        banks: vec![bank.unwrap()],
        ..Library::default()
    }
}

/// A recorder that keeps reviews and marks in vectors. Every answer is due again
/// after `step` (one minute unless a test says otherwise), and it can be told to fail.
struct Log {
    reviews: Vec<(ReviewId, NewReview)>,
    marks: Vec<(ReviewId, QuestionKey, Mark)>,
    undone: Vec<ReviewId>,
    next: i64,
    now: DateTime<Utc>,
    step: TimeDelta,
    /// The next records fail with this many errors (busy ones when `busy`).
    failures: usize,
    busy: bool,
    /// Undo answers `Superseded` (another session answered since).
    superseded: bool,
}

impl Log {
    fn new() -> Log {
        Log {
            reviews: Vec::new(),
            marks: Vec::new(),
            undone: Vec::new(),
            next: 0,
            now: clock().now(),
            step: TimeDelta::minutes(1),
            failures: 0,
            busy: false,
            superseded: false,
        }
    }
}

impl Recorder for Log {
    fn record(&mut self, review: &NewReview) -> Result<Saved, RecordError> {
        if self.failures > 0 {
            self.failures -= 1;
            let error: Box<dyn std::error::Error + Send + Sync> = "disk full".into();
            return Err(if self.busy {
                RecordError::Busy(error)
            } else {
                RecordError::Failed(error)
            });
        }
        self.next += 1;
        self.reviews.push((ReviewId(self.next), review.clone()));
        Ok(Saved {
            id: ReviewId(self.next),
            due: Some(self.now + self.step),
        })
    }

    fn mark(&mut self, key: &QuestionKey, mark: Mark) -> Result<ReviewId, RecordError> {
        self.next += 1;
        self.marks.push((ReviewId(self.next), key.clone(), mark));
        Ok(ReviewId(self.next))
    }

    fn undo(&mut self, id: ReviewId) -> Result<(), RecordError> {
        if self.superseded {
            return Err(RecordError::Superseded);
        }
        self.undone.push(id);
        self.reviews.retain(|(i, _)| *i != id);
        self.marks.retain(|(i, _, _)| *i != id);
        Ok(())
    }

    fn preview(&mut self, _key: &QuestionKey, now: DateTime<Utc>) -> Option<[DateTime<Utc>; 4]> {
        Some([1, 6, 10, 4 * 1440].map(|minutes| now + TimeDelta::minutes(minutes)))
    }
}

fn clock() -> Clock {
    Clock::fixed(chrono::DateTime::parse_from_rfc3339("2026-03-02T10:00:00Z").unwrap())
}

fn session(library: &Library, mode: Mode) -> Session<'_> {
    session_with(library, mode, None)
}

fn session_with(library: &Library, mode: Mode, learn_ahead: Option<TimeDelta>) -> Session<'_> {
    let entries = library
        .questions()
        .map(|(bank, question)| Queued {
            bank,
            question,
            schedules: true,
        })
        .collect();
    Session::new(
        entries,
        Settings {
            mode,
            feedback_now: true,
            ask_rating: true,
            seed: 7,
            learn_ahead,
            follow_ups: mode == Mode::Interview,
        },
        clock(),
    )
}

/// The shown position of the bank's choice `index` in the current question.
fn shown(session: &Session, index: usize) -> usize {
    let ask = session.ask().unwrap();
    ask.order.iter().position(|&i| i == index).unwrap()
}

#[test]
fn a_right_choice_is_graded_through_the_shuffled_order() {
    let library = library();
    let grader = Grader::new(&library.banks);
    let mut s = session(&library, Mode::Drill);
    let position = shown(&s, 1);
    let verdict = s
        .answer(Answer::Choices(vec![position]), 1200, &grader)
        .unwrap();
    assert!(verdict.correct);
    assert_eq!(verdict.chosen, vec![1]);
    assert_eq!(verdict.answer_text, "B");
    assert_eq!(verdict.suggested, Rating::Good);
}

#[test]
fn a_wrong_choice_suggests_again_and_rating_records_it() {
    let library = library();
    let grader = Grader::new(&library.banks);
    let mut log = Log::new();
    let mut s = session(&library, Mode::Quiz);
    let position = shown(&s, 0);
    let verdict = s
        .answer(Answer::Choices(vec![position]), 0, &grader)
        .unwrap();
    assert!(!verdict.correct);
    assert_eq!(verdict.suggested, Rating::Again);
    s.rate(Rating::Hard, &mut log).unwrap();
    let (_, review) = &log.reviews[0];
    assert_eq!(review.key, QuestionKey::new("t", "port"));
    assert_eq!(review.mode, Mode::Quiz);
    assert_eq!(review.rating, Rating::Hard);
    assert_eq!(review.suggested, Some(Rating::Again));
    assert_eq!(review.score, Some(0.0));
    assert!(review.reschedules);
    assert_eq!(review.answer, "A", "the log keeps the bank's letter");
    assert_eq!(
        review.choice_order, s.orders[0],
        "and the order it was shown in"
    );
    assert_eq!(s.ask().unwrap().entry.question.id, "both");
}

#[test]
fn multiple_answer_needs_every_right_choice_and_no_wrong_one() {
    let library = library();
    let grader = Grader::new(&library.banks);
    let mut log = Log::new();
    let mut s = session(&library, Mode::Drill);
    s.skip();
    let (a, b, c) = (shown(&s, 0), shown(&s, 1), shown(&s, 2));
    assert!(
        !s.answer(Answer::Choices(vec![a]), 0, &grader)
            .unwrap()
            .correct
    );
    s.undo(&mut log).unwrap();
    assert!(
        !s.answer(Answer::Choices(vec![a, b, c]), 0, &grader)
            .unwrap()
            .correct
    );
    s.undo(&mut log).unwrap();
    assert!(
        s.answer(Answer::Choices(vec![b, a]), 0, &grader)
            .unwrap()
            .correct
    );
    assert!(
        log.reviews.is_empty(),
        "nothing is recorded before the rating"
    );
}

#[test]
fn text_answers_are_graded_by_the_rubric() {
    let library = library();
    let grader = Grader::new(&library.banks);
    let mut s = session(&library, Mode::Interview);
    s.skip();
    s.skip();
    let verdict = s
        .answer(
            Answer::Text("the docker deamon manages it and it survives removal".into()),
            0,
            &grader,
        )
        .unwrap();
    assert!(verdict.correct, "{:?}", verdict.grade);
    assert_eq!(verdict.suggested, Rating::Good);
    let mut s = session(&library, Mode::Interview);
    s.skip();
    s.skip();
    let verdict = s
        .answer(Answer::Text("a folder on my laptop".into()), 0, &grader)
        .unwrap();
    assert!(!verdict.correct);
    assert_eq!(verdict.suggested, Rating::Again);
}

#[test]
fn undo_reverts_the_last_rated_answer_and_asks_it_again() {
    let library = library();
    let grader = Grader::new(&library.banks);
    let mut log = Log::new();
    let mut s = session(&library, Mode::Drill);
    let position = shown(&s, 1);
    s.answer(Answer::Choices(vec![position]), 0, &grader);
    s.rate(Rating::Good, &mut log).unwrap();
    assert_eq!(s.ask().unwrap().entry.question.id, "both");
    assert_eq!(s.undo(&mut log).unwrap(), Undone::Answer);
    assert_eq!(log.undone, vec![ReviewId(1)]);
    assert!(log.reviews.is_empty());
    let ask = s.ask().unwrap();
    assert_eq!(ask.entry.question.id, "port");
    assert_eq!((ask.number, ask.total), (1, 3));
    assert_eq!(s.undo(&mut log).unwrap(), Undone::Nothing);
}

#[test]
fn skip_records_nothing_and_quit_ends_with_a_tally() {
    let library = library();
    let grader = Grader::new(&library.banks);
    let mut log = Log::new();
    let mut s = session(&library, Mode::Drill);
    s.skip();
    let position = shown(&s, 0);
    s.answer(Answer::Choices(vec![position]), 2500, &grader);
    s.rate(Rating::Again, &mut log).unwrap();
    s.quit();
    assert!(s.is_finished());
    assert!(s.ask().is_none());
    let tally = s.tally();
    assert_eq!(
        (
            tally.total,
            tally.answered,
            tally.right,
            tally.skipped,
            tally.unanswered
        ),
        (3, 1, 0, 1, 1)
    );
    assert_eq!(s.unanswered().count(), 2);
    assert_eq!(tally.elapsed_ms, 2500);
    assert_eq!(log.reviews.len(), 1);
}

#[test]
fn the_same_seed_shuffles_the_same_way() {
    let library = library();
    let a = session(&library, Mode::Drill);
    let b = session(&library, Mode::Drill);
    assert_eq!(a.orders, b.orders);
    for (order, entry) in a.orders.iter().zip(&a.entries) {
        let mut sorted = order.clone();
        sorted.sort_unstable();
        assert_eq!(
            sorted,
            (0..entry.question.choices.len()).collect::<Vec<_>>()
        );
    }
}

/// Answers the current question with the bank's choice `index` (or text) and rates it.
fn answer_and_rate(s: &mut Session, log: &mut Log, grader: &Grader, rating: Rating) {
    let answer = match s.ask().unwrap().entry.question.choices.is_empty() {
        true => Answer::Text("no idea".into()),
        false => Answer::Choices(vec![0]),
    };
    s.answer(answer, 0, grader).unwrap();
    s.rate(rating, log).unwrap().unwrap();
}

#[test]
fn a_question_due_within_the_window_comes_back_after_the_others() {
    let library = library();
    let grader = Grader::new(&library.banks);
    let mut log = Log::new();
    let mut s = session_with(&library, Mode::Drill, Some(TimeDelta::minutes(20)));
    answer_and_rate(&mut s, &mut log, &grader, Rating::Again);
    // Due in a minute: after the two others, not before (the clock stands still). The
    // count is of questions, not of asks: coming back does not grow it.
    let ask = s.ask().unwrap();
    assert_eq!(
        (ask.entry.question.id.as_str(), ask.number, ask.total),
        ("both", 2, 3)
    );
    assert!(!ask.again);
    log.step = TimeDelta::minutes(30);
    answer_and_rate(&mut s, &mut log, &grader, Rating::Good);
    answer_and_rate(&mut s, &mut log, &grader, Rating::Good);
    let ask = s.ask().unwrap();
    assert_eq!(
        (ask.entry.question.id.as_str(), ask.number, ask.total),
        ("port", 3, 3)
    );
    assert!(ask.again, "the header says the question is back");
    // Its next step is outside the window: the drill ends.
    answer_and_rate(&mut s, &mut log, &grader, Rating::Good);
    assert!(s.is_finished());
    let tally = s.tally();
    assert_eq!((tally.answered, tally.answers, tally.total), (3, 4, 3));
    assert_eq!(log.reviews.len(), 4);
}

#[test]
fn undoing_an_answer_that_brought_its_question_back_takes_that_back_too() {
    let library = library();
    let grader = Grader::new(&library.banks);
    let mut log = Log::new();
    let mut s = session_with(&library, Mode::Drill, Some(TimeDelta::minutes(20)));
    answer_and_rate(&mut s, &mut log, &grader, Rating::Again);
    assert_eq!(s.undo(&mut log).unwrap(), Undone::Answer);
    let ask = s.ask().unwrap();
    assert_eq!((ask.entry.question.id.as_str(), ask.total), ("port", 3));
    log.step = TimeDelta::hours(1);
    for _ in 0..3 {
        answer_and_rate(&mut s, &mut log, &grader, Rating::Good);
    }
    assert!(s.is_finished(), "nothing was left to come back");
}

#[test]
fn without_a_window_each_question_is_asked_once() {
    let library = library();
    let grader = Grader::new(&library.banks);
    let mut log = Log::new();
    let mut s = session(&library, Mode::Quiz);
    for _ in 0..3 {
        answer_and_rate(&mut s, &mut log, &grader, Rating::Again);
    }
    assert!(s.is_finished());
}

#[test]
fn a_mark_takes_the_question_out_and_undo_brings_it_back() {
    let library = library();
    let mut log = Log::new();
    let mut s = session(&library, Mode::Drill);
    assert!(s.mark(Mark::Bury, &mut log).unwrap());
    assert_eq!(log.marks[0].1, QuestionKey::new("t", "port"));
    let ask = s.ask().unwrap();
    assert_eq!((ask.entry.question.id.as_str(), ask.number), ("both", 2));
    assert_eq!(s.undo(&mut log).unwrap(), Undone::Mark(Mark::Bury));
    assert!(log.marks.is_empty());
    let ask = s.ask().unwrap();
    assert_eq!((ask.entry.question.id.as_str(), ask.number), ("port", 1));
    s.mark(Mark::Suspend, &mut log).unwrap();
    s.quit();
    assert_eq!(s.tally().set_aside, 1);
}

#[test]
fn an_undo_another_session_has_followed_says_so_and_goes_on() {
    let library = library();
    let grader = Grader::new(&library.banks);
    let mut log = Log::new();
    let mut s = session(&library, Mode::Drill);
    answer_and_rate(&mut s, &mut log, &grader, Rating::Good);
    log.superseded = true;
    assert_eq!(s.undo(&mut log).unwrap(), Undone::Superseded);
    assert_eq!(
        s.ask().unwrap().entry.question.id,
        "both",
        "the session goes on"
    );
    assert_eq!(s.tally().answered, 1, "the answer stays");
    assert_eq!(
        s.undo(&mut log).unwrap(),
        Undone::Nothing,
        "and is no longer undoable"
    );
}

#[test]
fn a_failed_commit_keeps_the_answer_for_a_retry_or_for_later() {
    let library = library();
    let grader = Grader::new(&library.banks);
    let mut log = Log::new();
    log.failures = 1;
    let mut s = session(&library, Mode::Drill);
    s.answer(Answer::Choices(vec![shown(&s, 1)]), 0, &grader);
    assert!(s.rate(Rating::Good, &mut log).is_err());
    assert!(
        s.awaiting_rating().is_some(),
        "still waiting for its rating"
    );
    assert!(
        s.rate(Rating::Good, &mut log).unwrap().is_some(),
        "the retry saves it"
    );
    assert_eq!(log.reviews.len(), 1);

    log.failures = 1;
    s.answer(Answer::Choices(vec![0]), 0, &grader);
    assert!(s.rate(Rating::Hard, &mut log).is_err());
    s.keep_unsaved(Rating::Hard);
    assert!(s.is_finished());
    let unsaved = s.unsaved();
    assert_eq!(unsaved.len(), 1);
    assert_eq!(unsaved[0].review.key, QuestionKey::new("t", "both"));
    assert_eq!(unsaved[0].review.rating, Rating::Hard);
    assert_eq!(unsaved[0].answered_at, clock().now());
    assert_eq!(s.tally().unsaved, 1);
}

#[test]
fn an_empty_text_answer_is_i_dont_know() {
    let library = library();
    let grader = Grader::new(&library.banks);
    let mut s = session(&library, Mode::Interview);
    s.skip();
    s.skip();
    let verdict = s.answer(Answer::Text(String::new()), 0, &grader).unwrap();
    assert!(verdict.is_blank());
    assert!(!verdict.correct);
    assert_eq!(verdict.suggested, Rating::Again);
}

#[test]
fn the_rating_prompt_shows_what_each_rating_schedules() {
    let library = library();
    let mut log = Log::new();
    let s = session(&library, Mode::Drill);
    let dues = s.preview(&mut log, clock().now()).unwrap();
    assert_eq!(
        crate::style::strip(&report::ratings(Some(&dues), clock().now())),
        "1 again 1m · 2 hard 6m · 3 good 10m · 4 easy 4d"
    );
}

mod interview;
