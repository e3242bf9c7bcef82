//! Tests of the store on temporary database files: recording, the cache
//! against a rebuild from the log, undo, the queue and marks, and large imports.
//! Files that are not usable recall databases, old schemas and backups are in
//! `tests/files.rs`.

use std::collections::HashSet;

use chrono::{DateTime, FixedOffset, NaiveTime, TimeDelta, TimeZone, Utc};
use rusqlite::Connection;

use super::*;
use crate::schedule::{Card, Parameters, Rating, Scheduler, SchedulerConfig, State};
use crate::session::{Mark, Mode, NewReview};

mod files;

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
fn the_queue_puts_learning_first_then_reviews_then_new_within_limits() {
    let (_dir, mut store) = temp_store();
    let scheduler = scheduler();
    let paris = FixedOffset::east_opt(3600).unwrap();
    let four = NaiveTime::from_hms_opt(4, 0, 0).unwrap();
    // Yesterday: "reviewed" graduated with Easy; today "learning" got Again.
    store
        .record(
            &answer("b", "reviewed", Rating::Easy),
            &scheduler,
            at(-86_400 * 30),
        )
        .unwrap();
    store
        .record(&answer("b", "learning", Rating::Again), &scheduler, at(0))
        .unwrap();
    let keys: Vec<QuestionKey> = ["learning", "reviewed", "new1", "new2", "new3"]
        .iter()
        .map(|question| QuestionKey::new("b", *question))
        .collect();
    let now = at(120);
    let day = StudyDay::containing(now, paris, four);
    let options = |new_per_day, reviews_per_day| QueueOptions {
        limits: DailyLimits {
            new_per_day,
            reviews_per_day,
        },
        new_order: NewOrder::Bank,
        learn_ahead: TimeDelta::zero(),
        ahead: TimeDelta::zero(),
        toward: None,
    };
    let queue = both_queues(&store, &keys, now, day, options(3, 10));
    let order: Vec<String> = queue.in_order().map(ToString::to_string).collect();
    // "learning" was introduced today, so only two new questions are left.
    assert_eq!(order, ["b/learning", "b/reviewed", "b/new1", "b/new2"]);
    assert_eq!(queue.new_today, 1);
    let queue = both_queues(&store, &keys, now, day, options(0, 0));
    let order: Vec<String> = queue.in_order().map(ToString::to_string).collect();
    assert_eq!(order, ["b/learning"]);
    assert_eq!(queue.reviews_held_back, 1);
}

fn queue_options(learn_ahead: TimeDelta, ahead: TimeDelta) -> QueueOptions {
    QueueOptions {
        limits: DailyLimits {
            new_per_day: 20,
            reviews_per_day: 200,
        },
        new_order: NewOrder::Interleave,
        learn_ahead,
        ahead,
        toward: None,
    }
}

/// The queue, checking that the drill's (`todays_queue`, from the index of due times,
/// with owned or borrowed keys) is the same but for the count of unseen questions it
/// leaves out.
fn both_queues(
    store: &Store,
    keys: &[QuestionKey],
    now: DateTime<Utc>,
    day: StudyDay,
    options: QueueOptions,
) -> DueQueue {
    let queue = store.due_queue(keys, now, day, &options).unwrap();
    // The unseen count, bank by bank, is every question neither set aside nor with a
    // card (a card of a question not in `keys` counts nowhere).
    let aside = store.set_aside(now).unwrap();
    let cards: HashSet<QuestionKey> = store.cards().unwrap().into_iter().map(|(k, _)| k).collect();
    let mut unseen: std::collections::BTreeMap<String, usize> = Default::default();
    for key in keys {
        if !aside.contains_key(key) && !cards.contains(key) {
            *unseen.entry(key.bank.clone()).or_default() += 1;
        }
    }
    assert_eq!(queue.unseen, unseen);
    let today = store.todays_queue(keys, now, day, &options).unwrap();
    assert!(today.unseen.is_empty());
    // As a drill asks for it, with keys borrowed from its catalog.
    let borrowed: Vec<(&str, &str)> = keys
        .iter()
        .map(|key| (key.bank.as_str(), key.question.as_str()))
        .collect();
    assert_eq!(
        store.todays_queue(&borrowed, now, day, &options).unwrap(),
        today
    );
    assert_eq!(
        today,
        DueQueue {
            unseen: Default::default(),
            ..queue.clone()
        }
    );
    queue
}

fn queued(
    store: &Store,
    keys: &[QuestionKey],
    now: DateTime<Utc>,
    options: QueueOptions,
) -> Vec<String> {
    let day = StudyDay::containing(now, FixedOffset::east_opt(0).unwrap(), NaiveTime::MIN);
    let queue = both_queues(store, keys, now, day, options);
    queue.in_order().map(ToString::to_string).collect()
}

/// Over a curriculum with every kind of card (learning, review, due and not, cards of
/// questions no longer in the banks, suspended and buried ones), in every order of new
/// questions and at several times, the drill's queue from the index is the full one.
#[test]
fn todays_queue_from_the_index_is_the_full_queue() {
    let (_dir, mut store) = temp_store();
    let scheduler = scheduler();
    let keys: Vec<QuestionKey> = (0..60)
        .map(|i| QuestionKey::new(format!("bank{}", i % 3), format!("q{i:02}")))
        .collect();
    let ratings = [Rating::Again, Rating::Hard, Rating::Good, Rating::Easy];
    for (i, key) in keys.iter().enumerate().filter(|(i, _)| i % 5 != 0) {
        for round in 0..(i % 4) + 1 {
            let when = at(-86_400 * 40 + (i as i64) * 7_000 + (round as i64) * 86_400 * 3);
            let review = answer(&key.bank, &key.question, ratings[(i + round) % 4]);
            store.record(&review, &scheduler, when).unwrap();
        }
    }
    // A card whose question left the banks.
    store
        .record(&answer("gone", "q", Rating::Again), &scheduler, at(-60))
        .unwrap();
    let day = StudyDay::containing(at(0), FixedOffset::east_opt(0).unwrap(), NaiveTime::MIN);
    store
        .mark(&keys[1], Mark::Suspend, &scheduler, at(0), day)
        .unwrap();
    store
        .mark(&keys[5], Mark::Bury, &scheduler, at(0), day)
        .unwrap();
    for order in NewOrder::ALL {
        for (now, new_per_day, reviews_per_day) in [(0, 20, 200), (3_600, 3, 5), (86_400 * 2, 0, 1)]
        {
            let now = at(now);
            let day = StudyDay::containing(now, FixedOffset::east_opt(0).unwrap(), NaiveTime::MIN);
            let options = QueueOptions {
                limits: DailyLimits {
                    new_per_day,
                    reviews_per_day,
                },
                new_order: order,
                learn_ahead: TimeDelta::minutes(20),
                ahead: TimeDelta::zero(),
                toward: None,
            };
            let queue = both_queues(&store, &keys, now, day, options);
            assert!(!queue.is_empty());
        }
    }
}

#[test]
fn learning_steps_within_the_window_and_anything_ahead_count_as_due() {
    let (_dir, mut store) = temp_store();
    let scheduler = scheduler();
    // A learning step due in 10 minutes, and a review due in days.
    store
        .record(&answer("b", "learning", Rating::Good), &scheduler, at(0))
        .unwrap();
    store
        .record(&answer("b", "review", Rating::Easy), &scheduler, at(0))
        .unwrap();
    let keys = [
        QuestionKey::new("b", "learning"),
        QuestionKey::new("b", "review"),
    ];
    let none = TimeDelta::zero();
    assert!(queued(&store, &keys, at(0), queue_options(none, none)).is_empty());
    assert_eq!(
        queued(
            &store,
            &keys,
            at(0),
            queue_options(TimeDelta::minutes(20), none)
        ),
        ["b/learning"],
        "a learning step within the learn-ahead window"
    );
    assert_eq!(
        queued(
            &store,
            &keys,
            at(0),
            queue_options(none, TimeDelta::days(30))
        ),
        ["b/learning", "b/review"],
        "study ahead"
    );
}

#[test]
fn suspended_and_buried_questions_are_left_out_until_unsuspended_or_tomorrow() {
    let (_dir, mut store) = temp_store();
    let scheduler = scheduler();
    let keys: Vec<QuestionKey> = ["a", "b", "c"]
        .iter()
        .map(|question| QuestionKey::new("bank", *question))
        .collect();
    let now = at(0);
    let day = StudyDay::containing(now, FixedOffset::east_opt(0).unwrap(), NaiveTime::MIN);
    let none = TimeDelta::zero();
    let suspend = store
        .mark(&keys[0], Mark::Suspend, &scheduler, now, day)
        .unwrap();
    store
        .mark(&keys[1], Mark::Bury, &scheduler, now, day)
        .unwrap();
    assert_eq!(
        queued(&store, &keys, now, queue_options(none, none)),
        ["bank/c"]
    );
    let queue = both_queues(&store, &keys, now, day, queue_options(none, none));
    assert_eq!(queue.set_aside, 2);
    // The next study day the bury is over; the suspension lasts.
    let tomorrow = day.end + TimeDelta::hours(1);
    assert_eq!(
        queued(&store, &keys, tomorrow, queue_options(none, none)),
        ["bank/b", "bank/c"]
    );
    store
        .mark(&keys[0], Mark::Unsuspend, &scheduler, now, day)
        .unwrap();
    assert_eq!(
        queued(&store, &keys, now, queue_options(none, none)),
        ["bank/a", "bank/c"]
    );
    assert!(
        matches!(
            store.undo(suspend, &scheduler),
            Err(StoreError::NotLatest(_))
        ),
        "a later mark holds the suspension"
    );
    let marks = store.marks(&keys[1]).unwrap();
    assert_eq!(
        (marks[0].mark, marks[0].buried_until),
        (Mark::Bury, Some(day.end))
    );
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
    let result = store
        .import(&scheduler(), false, |importer| {
            (0..count).try_for_each(|n| importer.add(imported(n, &me)))
        })
        .unwrap();
    assert_eq!(
        (result.added, result.own, result.cards),
        (12_000, 12_000, Some(500))
    );
    assert_eq!(indexes(&store), before, "the same indexes, made again");
    assert_eq!(store.review_count().unwrap(), 12_000);
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
fn toward_a_date_reviews_come_weakest_on_the_date_first() {
    let (_dir, mut store) = temp_store();
    let scheduler = scheduler();
    let day = |n: i64| at(n * 86_400);
    // "strong": easy twice, a long stability, due first; "weak": easy once, later, a
    // short stability, due after it but weaker on the date.
    for (question, when) in [("strong", 0), ("strong", 9), ("weak", 104)] {
        store
            .record(&answer("b", question, Rating::Easy), &scheduler, day(when))
            .unwrap();
    }
    let keys = vec![
        QuestionKey::new("b", "strong"),
        QuestionKey::new("b", "weak"),
    ];
    let now = day(105);
    let date = day(130);
    let plain = queue_options(TimeDelta::zero(), TimeDelta::days(30));
    let cards: Vec<Card> = keys.iter().map(|k| store.card(k).unwrap()).collect();
    assert!(cards[0].due < cards[1].due, "{cards:?}");
    assert!(
        scheduler.retrievability(&cards[0], date) > scheduler.retrievability(&cards[1], date),
        "{cards:?}"
    );
    assert_eq!(
        queued(&store, &keys, now, plain.clone()),
        ["b/strong", "b/weak"]
    );
    let toward = QueueOptions {
        toward: Some(Toward {
            date,
            questions: keys.iter().cloned().collect(),
        }),
        ..plain
    };
    assert_eq!(queued(&store, &keys, now, toward), ["b/weak", "b/strong"]);
}
