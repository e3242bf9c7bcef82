//! The session state machine driven directly: no terminal, a recorder that keeps
//! reviews in a vector.

use super::*;
use crate::bank::{Library, load_str};
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
    let (bank, diagnostics) = load_str(Path::new("t.toml"), BANK);
    assert!(diagnostics.iter().all(|d| !d.is_error()), "{diagnostics:?}");
    Library {
        banks: vec![bank.unwrap()],
        ..Library::default()
    }
}

#[derive(Default)]
struct Log {
    reviews: Vec<(ReviewId, NewReview)>,
    undone: Vec<ReviewId>,
    next: i64,
}

impl Recorder for Log {
    fn record(&mut self, review: &NewReview) -> anyhow::Result<ReviewId> {
        self.next += 1;
        self.reviews.push((ReviewId(self.next), review.clone()));
        Ok(ReviewId(self.next))
    }

    fn undo(&mut self, id: ReviewId) -> anyhow::Result<()> {
        self.undone.push(id);
        self.reviews.retain(|(i, _)| *i != id);
        Ok(())
    }
}

fn session(library: &Library, mode: Mode) -> Session<'_> {
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
        },
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
    let mut log = Log::default();
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
    assert_eq!(review.answer, "A");
    assert_eq!(s.ask().unwrap().entry.question.id, "both");
}

#[test]
fn multiple_answer_needs_every_right_choice_and_no_wrong_one() {
    let library = library();
    let grader = Grader::new(&library.banks);
    let mut log = Log::default();
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
    let mut log = Log::default();
    let mut s = session(&library, Mode::Drill);
    let position = shown(&s, 1);
    s.answer(Answer::Choices(vec![position]), 0, &grader);
    s.rate(Rating::Good, &mut log).unwrap();
    assert_eq!(s.ask().unwrap().entry.question.id, "both");
    assert!(s.undo(&mut log).unwrap());
    assert_eq!(log.undone, vec![ReviewId(1)]);
    assert!(log.reviews.is_empty());
    let ask = s.ask().unwrap();
    assert_eq!(ask.entry.question.id, "port");
    assert_eq!((ask.number, ask.total), (1, 3));
    assert!(!s.undo(&mut log).unwrap(), "nothing left to undo");
}

#[test]
fn skip_records_nothing_and_quit_ends_with_a_tally() {
    let library = library();
    let grader = Grader::new(&library.banks);
    let mut log = Log::default();
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
