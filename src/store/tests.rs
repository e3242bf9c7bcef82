//! Tests of the store on temporary database files: recording, the cache
//! against a rebuild from the log, undo, marks, and large imports. Today's queue is
//! tested in `tests/queue.rs`; files that are not usable recall databases, old schemas
//! and backups in `tests/files.rs`.

use std::collections::HashSet;

use chrono::{DateTime, FixedOffset, NaiveTime, TimeDelta, TimeZone, Utc};
use rusqlite::Connection;

use super::*;
use crate::schedule::{Card, Parameters, Rating, Scheduler, SchedulerConfig, State};
use crate::session::{Mark, Mode, NewReview};

mod files;
mod queue;

fn at(seconds: i64) -> DateTime<Utc> {
    // 2026-01-05T12:00:00Z plus `seconds`: always a valid time.
    Utc.timestamp_opt(1_767_614_400 + seconds, 0).unwrap()
}

fn scheduler() -> Scheduler {
    // The default configuration is valid by construction.
    Scheduler::new(SchedulerConfig::default()).unwrap()
}

fn answer(bank: &str, question: &str, rating: Rating) -> NewReview {
    NewReview {
        key: QuestionKey::new(bank, question),
        mode: Mode::Quiz,
        answer: "an answer".to_owned(),
        choice_order: Vec::new(),
        score: Some(0.75),
        suggested: Some(Rating::Good),
        rating,
        duration_ms: 4200,
        reschedules: true,
        hints: 0,
        concepts: None,
        version: None,
    }
}

fn temp_store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("nested/folder/recall.db")).unwrap();
    (dir, store)
}

#[test]
fn a_new_database_is_created_with_its_folders_in_wal_mode() {
    let (_dir, store) = temp_store();
    let mode: String = store
        .connection()
        .query_row("PRAGMA journal_mode", [], |row| row.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    let synchronous: i64 = store
        .connection()
        .query_row("PRAGMA synchronous", [], |row| row.get(0))
        .unwrap();
    assert_eq!(synchronous, 2, "FULL");
    assert_eq!(schema::version(store.connection()).unwrap(), SCHEMA_VERSION);
}

#[test]
fn recording_stores_the_answer_and_the_next_card() {
    let (_dir, mut store) = temp_store();
    let scheduler = scheduler();
    let key = QuestionKey::new("docker", "volumes");
    assert_eq!(store.card(&key).unwrap(), Card::new());
    let first = store
        .record(
            &answer("docker", "volumes", Rating::Good),
            &scheduler,
            at(0),
        )
        .unwrap();
    assert_eq!(first.card.state, State::Learning);
    assert_eq!(store.card(&key).unwrap(), first.card);
    let history = store.history(&key).unwrap();
    assert_eq!(history.len(), 1);
    let review = &history[0];
    assert_eq!(review.id, first.id);
    assert_eq!(review.reviewed_at, at(0));
    assert_eq!((review.mode, review.rating), (Mode::Quiz, Rating::Good));
    assert_eq!(
        (review.score, review.suggested),
        (Some(0.75), Some(Rating::Good))
    );
    assert_eq!(
        (review.duration_ms, review.state_before),
        (4200, State::New)
    );
    assert_eq!(review.answer, "an answer");
}

#[test]
fn the_cache_equals_a_rebuild_from_the_log() {
    let (_dir, mut store) = temp_store();
    let scheduler = scheduler();
    let ratings = [
        Rating::Good,
        Rating::Good,
        Rating::Again,
        Rating::Hard,
        Rating::Easy,
    ];
    let mut moment = at(0);
    for round in 0..12 {
        for (index, question) in ["a", "b", "c"].iter().enumerate() {
            let rating = ratings[(round + index) % ratings.len()];
            store
                .record(&answer("bank", question, rating), &scheduler, moment)
                .unwrap();
        }
        moment += TimeDelta::hours(7 + round as i64 * 11);
    }
    let before = store.cards().unwrap();
    assert_eq!(store.rebuild(&scheduler).unwrap(), 3);
    let mut after = store.cards().unwrap();
    let mut before_sorted = before.clone();
    before_sorted.sort_by(|a, b| a.0.cmp(&b.0));
    after.sort_by(|a, b| a.0.cmp(&b.0));
    assert_eq!(before_sorted, after);
    assert!(after.iter().any(|(_, card)| card.lapses > 0));
}

#[test]
fn undo_restores_the_previous_card_and_only_undoes_the_latest() {
    let (_dir, mut store) = temp_store();
    let scheduler = scheduler();
    let key = QuestionKey::new("bank", "q");
    let first = store
        .record(&answer("bank", "q", Rating::Easy), &scheduler, at(0))
        .unwrap();
    let second = store
        .record(
            &answer("bank", "q", Rating::Again),
            &scheduler,
            at(86_400 * 20),
        )
        .unwrap();
    assert!(matches!(
        store.undo(first.id, &scheduler),
        Err(StoreError::NotLatest(_))
    ));
    let restored = store.undo(second.id, &scheduler).unwrap();
    assert_eq!(restored, first.card);
    assert_eq!(store.card(&key).unwrap(), first.card);
    assert_eq!(store.history(&key).unwrap().len(), 1);
    assert!(matches!(
        store.undo(second.id, &scheduler),
        Err(StoreError::NoSuchReview(_))
    ));
    assert_eq!(store.undo(first.id, &scheduler).unwrap(), Card::new());
    assert_eq!(store.card(&key).unwrap(), Card::new());
    assert!(store.cards().unwrap().is_empty());
}

#[test]
fn bad_scores_and_empty_ids_are_refused() {
    let (_dir, mut store) = temp_store();
    let mut review = answer("bank", "q", Rating::Good);
    review.score = Some(1.5);
    assert!(matches!(
        store.record(&review, &scheduler(), at(0)),
        Err(StoreError::ScoreOutOfRange(_))
    ));
    let review = answer("", "q", Rating::Good);
    assert!(matches!(
        store.record(&review, &scheduler(), at(0)),
        Err(StoreError::EmptyId(_))
    ));
    assert_eq!(store.review_count().unwrap(), 0);
}

#[test]
fn a_reset_starts_the_card_afresh_and_rebuild_and_undo_agree() {
    let (_dir, mut store) = temp_store();
    let scheduler = scheduler();
    let key = QuestionKey::new("b", "q");
    let day = StudyDay::containing(at(0), FixedOffset::east_opt(0).unwrap(), NaiveTime::MIN);
    store
        .record(&answer("b", "q", Rating::Easy), &scheduler, at(0))
        .unwrap();
    let before = store.card(&key).unwrap();
    let reset = store
        .mark(&key, Mark::Reset, &scheduler, at(60), day)
        .unwrap();
    assert_eq!(store.card(&key).unwrap(), Card::new(), "new again");
    let again = store
        .record(&answer("b", "q", Rating::Again), &scheduler, at(120))
        .unwrap();
    assert_eq!(again.card.reps, 1, "counted from the reset");
    assert_eq!(
        store.history(&key).unwrap().len(),
        2,
        "the log keeps both answers"
    );
    store.rebuild(&scheduler).unwrap();
    assert_eq!(store.card(&key).unwrap(), again.card);
    assert!(matches!(
        store.undo(reset, &scheduler),
        Err(StoreError::NotLatest(_))
    ));
    store.undo(again.id, &scheduler).unwrap();
    store.undo(reset, &scheduler).unwrap();
    assert_eq!(
        store.card(&key).unwrap(),
        before,
        "undo brings the old card back"
    );
    // Answers and marks share one sequence of ids.
    let next = store
        .record(&answer("b", "q", Rating::Good), &scheduler, at(180))
        .unwrap();
    assert_eq!(next.id.0, 2);
}

#[test]
fn the_order_a_choice_question_was_shown_in_is_kept() {
    let (_dir, mut store) = temp_store();
    let mut review = answer("b", "q", Rating::Good);
    review.answer = "C".to_owned();
    review.choice_order = vec![2, 0, 1, 3];
    store.record(&review, &scheduler(), at(0)).unwrap();
    let history = store.history(&QuestionKey::new("b", "q")).unwrap();
    assert_eq!(history[0].choice_order, vec![2, 0, 1, 3]);
    assert_eq!(
        crate::session::shown_letters(&history[0].answer, &history[0].choice_order),
        "A"
    );
}

#[test]
fn orphans_are_listed_not_deleted() {
    let (_dir, mut store) = temp_store();
    let scheduler = scheduler();
    store
        .record(&answer("b", "kept", Rating::Good), &scheduler, at(0))
        .unwrap();
    store
        .record(&answer("b", "gone", Rating::Good), &scheduler, at(5))
        .unwrap();
    let known: HashSet<QuestionKey> = [QuestionKey::new("b", "kept")].into_iter().collect();
    let orphans = store.orphans(&known).unwrap();
    assert_eq!(orphans.len(), 1);
    assert_eq!(orphans[0].key, QuestionKey::new("b", "gone"));
    assert_eq!((orphans[0].reviews, orphans[0].last_review), (1, at(5)));
    assert_eq!(store.review_count().unwrap(), 2);
}

#[test]
fn fitted_parameters_round_trip() {
    let (_dir, mut store) = temp_store();
    assert_eq!(store.fitted_parameters().unwrap(), None);
    let fitted = FittedParameters {
        parameters: Parameters::default(),
        fitted_at: at(0),
        reviews: 1234,
        log_loss_before: 0.4,
        log_loss_after: 0.3,
        rmse_before: 0.1,
        rmse_after: 0.05,
    };
    store.save_parameters(&fitted).unwrap();
    assert_eq!(store.fitted_parameters().unwrap(), Some(fitted));
}

#[test]
fn an_answer_that_does_not_reschedule_is_logged_and_skipped_by_replays() {
    let (_dir, mut store) = temp_store();
    let scheduler = scheduler();
    let key = QuestionKey::new("b", "q");
    store
        .record(&answer("b", "q", Rating::Good), &scheduler, at(0))
        .unwrap();
    let scheduled = store.card(&key).unwrap();
    let quiz = NewReview {
        reschedules: false,
        hints: 0,
        version: None,
        ..answer("b", "q", Rating::Again)
    };
    let recorded = store.record(&quiz, &scheduler, at(60)).unwrap();
    assert_eq!(recorded.card, scheduled, "the schedule is unchanged");
    assert_eq!(store.card(&key).unwrap(), scheduled);
    assert_eq!(
        store.review_count().unwrap(),
        2,
        "but the answer is in the log"
    );
    store.rebuild(&scheduler).unwrap();
    assert_eq!(
        store.card(&key).unwrap(),
        scheduled,
        "a rebuild skips it too"
    );
    store.undo(recorded.id, &scheduler).unwrap();
    assert_eq!(store.card(&key).unwrap(), scheduled);
    assert_eq!(store.review_count().unwrap(), 1);
}

#[test]
fn the_daily_check_runs_once_a_study_day_and_is_recorded() {
    let (_dir, mut store) = temp_store();
    let day = chrono::NaiveDate::from_ymd_opt(2026, 1, 5).unwrap();
    assert_eq!(store.last_check().unwrap(), None);
    assert!(
        store.check_daily(day, at(0)).unwrap(),
        "the first of the day runs"
    );
    assert_eq!(store.last_check().unwrap(), Some((day, at(0))));
    assert!(
        !store.check_daily(day, at(60)).unwrap(),
        "the second does not"
    );
    let next = day.succ_opt().unwrap();
    assert!(store.check_daily(next, at(86_400)).unwrap());
    assert_eq!(store.last_check().unwrap(), Some((next, at(86_400))));
}

/// A review of learner `learner` as an import gives it.
fn imported(n: usize, learner: &str) -> Review {
    Review {
        id: crate::session::ReviewId(0),
        reviewed_at: at(n as i64 * 60),
        state_before: State::New,
        key: QuestionKey::new("b", format!("q{}", n % 500)),
        mode: Mode::Drill,
        answer: format!("answer {n}"),
        score: Some(0.5),
        suggested: Some(Rating::Good),
        rating: Rating::Good,
        duration_ms: 1000,
        reschedules: true,
        uuid: format!("00000000-0000-4000-8000-{n:012}"),
        learner: Some(learner.to_owned()),
        device: "11111111-1111-4111-8111-111111111111".to_owned(),
        version: None,
        choice_order: Vec::new(),
        hints: 0,
        concepts: None,
    }
}

#[test]
fn a_large_import_drops_the_indexes_and_makes_them_again() {
    let (_dir, mut store) = temp_store();
    let me = store.identity().unwrap().learner;
    let indexes = |store: &Store| -> Vec<String> {
        let mut statement = store
            .connection()
            .prepare("SELECT sql FROM sqlite_master WHERE tbl_name = 'review' AND type = 'index'")
            .unwrap();
        let mut sql: Vec<String> = statement
            .query_map([], |row| row.get::<_, Option<String>>(0))
            .unwrap()
            .filter_map(|row| row.unwrap())
            .collect();
        sql.sort();
        sql
    };
    let before = indexes(&store);
    // Past the bulk threshold (10,000 new reviews on a short log).
    let count = 12_000;
    // In one batch: 187 statements of 64 reviews, then 32 one by one.
    let result = store
        .import(&scheduler(), false, |importer| {
            importer.add_batch(ReviewBatch::new(
                (0..count).map(|n| imported(n, &me)).collect(),
            ))
        })
        .unwrap();
    assert_eq!(
        (result.added, result.own, result.cards),
        (12_000, 12_000, Some(500))
    );
    assert_eq!(indexes(&store), before, "the same indexes, made again");
    assert_eq!(store.review_count().unwrap(), 12_000);
    // Written many to a statement, each review is stored as it was given.
    for (n, stored) in store.all_reviews().unwrap().into_iter().enumerate() {
        let given = Review {
            id: stored.id,
            learner: None,
            ..imported(n, &me)
        };
        assert_eq!(stored, given, "review {n}");
    }
    let uuid_lookup: String = store
        .connection()
        .query_row(
            "EXPLAIN QUERY PLAN SELECT 1 FROM review WHERE uuid = 'x'",
            [],
            |row| row.get(3),
        )
        .unwrap();
    assert!(uuid_lookup.contains("review_by_uuid"), "{uuid_lookup}");
    // Again: nothing new; a uuid with other content is refused, and nothing written.
    let again = store
        .import(&scheduler(), false, |importer| {
            (0..count).try_for_each(|n| importer.add(imported(n, &me)))
        })
        .unwrap();
    assert_eq!((again.added, again.cards), (0, None));
    let clash = store.import(&scheduler(), false, |importer| {
        importer.add(imported(count + 1, &me))?;
        let mut changed = imported(7, &me);
        changed.rating = Rating::Again;
        importer.add(changed)
    });
    assert!(
        matches!(clash, Err(StoreError::UuidClash { .. })),
        "{clash:?}"
    );
    assert_eq!(store.review_count().unwrap(), 12_000);
}

#[test]
fn an_import_checks_what_the_log_constraints_would_and_turns_them_back_on() {
    let (_dir, mut store) = temp_store();
    let me = store.identity().unwrap().learner;
    let checks_ignored = |store: &Store| -> bool {
        store
            .connection()
            .pragma_query_value(None, "ignore_check_constraints", |row| row.get(0))
            .unwrap()
    };
    // A score outside 0 to 1 is refused (SQLite's CHECK is off during an import), and
    // the reviews before it are not written.
    let refused = store.import(&scheduler(), false, |importer| {
        importer.add(imported(0, &me))?;
        importer.add(Review {
            score: Some(1.5),
            ..imported(1, &me)
        })
    });
    assert!(
        matches!(refused, Err(StoreError::ScoreOutOfRange(_))),
        "{refused:?}"
    );
    assert_eq!(store.review_count().unwrap(), 0);
    assert!(
        !checks_ignored(&store),
        "checked again after a failed import"
    );
    let done = store
        .import(&scheduler(), false, |importer| {
            importer.add(imported(0, &me))
        })
        .unwrap();
    assert_eq!(done.added, 1);
    assert!(!checks_ignored(&store), "checked again after an import");
    let check = store
        .connection()
        .execute("INSERT INTO review (uuid, device, bank, question, reviewed_at, mode, answer, rating, duration_ms, state_before) VALUES ('u', 'd', 'b', 'q', 1, 'nap', '', 3, 0, 'new')", []);
    assert!(check.is_err(), "the mode's CHECK holds again: {check:?}");
}

/// The journal mode the database file's header gives (its read and write versions:
/// 2 for the write-ahead log, 1 for a rollback journal), read as a plain file.
fn header_journal(path: &std::path::Path) -> &'static str {
    use std::io::Read;
    let mut header = [0u8; 20];
    std::fs::File::open(path)
        .unwrap()
        .read_exact(&mut header)
        .unwrap();
    match (header[18], header[19]) {
        (2, 2) => "wal",
        (1, 1) => "rollback",
        other => panic!("versions {other:?}"),
    }
}

#[test]
fn an_import_into_an_empty_log_writes_through_a_rollback_journal_and_goes_back_to_wal() {
    let (dir, mut store) = temp_store();
    let path = dir.path().join("nested/folder/recall.db");
    let me = store.identity().unwrap().learner;
    let mode = |store: &Store| -> String {
        store
            .connection()
            .pragma_query_value(None, "journal_mode", |row| row.get(0))
            .unwrap()
    };
    // A failure rolls back through the journal: nothing is written, no journal is left.
    let refused = store.import(&scheduler(), false, |importer| {
        (0..3).try_for_each(|n| importer.add(imported(n, &me)))?;
        assert_eq!(header_journal(&path), "rollback");
        importer.add(Review {
            score: Some(2.0),
            ..imported(3, &me)
        })
    });
    assert!(matches!(refused, Err(StoreError::ScoreOutOfRange(_))));
    assert_eq!(store.review_count().unwrap(), 0);
    assert_eq!(mode(&store), "wal");
    assert!(!inspect::companion(&path, "-journal").exists());
    let done = store
        .import(&scheduler(), false, |importer| {
            (0..12_000).try_for_each(|n| importer.add(imported(n, &me)))?;
            assert_eq!(header_journal(&path), "rollback");
            Ok::<_, StoreError>(())
        })
        .unwrap();
    assert_eq!((done.added, done.cards), (12_000, Some(500)));
    assert_eq!(mode(&store), "wal");
    assert_eq!(header_journal(&path), "wal");
    // A log with reviews in it is merged into through the write-ahead log.
    store
        .import(&scheduler(), false, |importer| {
            importer.add(imported(12_000, &me))?;
            assert_eq!(header_journal(&path), "wal");
            Ok::<_, StoreError>(())
        })
        .unwrap();
    assert_eq!(store.review_count().unwrap(), 12_001);
    assert_eq!(
        store.cards().unwrap().len(),
        500,
        "the cards of every question"
    );
}

#[test]
fn an_import_into_an_empty_log_another_connection_has_open_stays_in_wal() {
    let (dir, mut store) = temp_store();
    let path = dir.path().join("nested/folder/recall.db");
    let me = store.identity().unwrap().learner;
    let other = Connection::open(&path).unwrap();
    let reviews: i64 = other
        .query_row("SELECT COUNT(*) FROM review", [], |row| row.get(0))
        .unwrap();
    assert_eq!(reviews, 0);
    let done = store
        .import(&scheduler(), false, |importer| {
            (0..20).try_for_each(|n| importer.add(imported(n, &me)))?;
            assert_eq!(header_journal(&path), "wal");
            Ok::<_, StoreError>(())
        })
        .unwrap();
    assert_eq!(done.added, 20);
    let reviews: i64 = other
        .query_row("SELECT COUNT(*) FROM review", [], |row| row.get(0))
        .unwrap();
    assert_eq!(reviews, 20, "the other connection reads the import");
}
