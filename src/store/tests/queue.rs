//! Tests of today's queue: limits, learning steps, study ahead, marks, the index of due
//! times against the full queue, and the order toward an interview date.

use super::*;
use crate::store::{Curriculum, Listed};

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

/// Keys looked up one by one, as a drill's catalog answers: [`Curriculum::known`] as
/// the trait gives it.
struct ByKey<'a> {
    listed: Listed<'a, QuestionKey>,
    set: HashSet<(&'a str, &'a str)>,
}

impl<'a> ByKey<'a> {
    fn new(keys: &'a [QuestionKey]) -> ByKey<'a> {
        ByKey {
            listed: Listed::new(keys),
            set: keys
                .iter()
                .map(|key| (key.bank.as_str(), key.question.as_str()))
                .collect(),
        }
    }
}

impl Curriculum for ByKey<'_> {
    fn contains(&self, bank: &str, question: &str) -> bool {
        self.set.contains(&(bank, question))
    }

    fn runs(&self) -> usize {
        self.listed.runs()
    }

    fn run(&self, run: usize) -> (&str, usize) {
        self.listed.run(run)
    }

    fn question(&self, run: usize, i: usize) -> Option<&str> {
        self.listed.question(run, i)
    }
}

/// The queue, checking that the drill's (`todays_queue`, from the index of due times,
/// with owned or borrowed keys) is the same but for the count of unseen questions it
/// leaves out, and that the count is the same whether the keys are listed or looked up.
fn both_queues(
    store: &Store,
    keys: &[QuestionKey],
    now: DateTime<Utc>,
    day: StudyDay,
    options: QueueOptions,
) -> DueQueue {
    let queue = store
        .due_queue(&Listed::new(keys), now, day, &options)
        .unwrap();
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
    // The same counted as `recall due` counts them: each card looked up by key, as the
    // catalog's keys answer.
    assert_eq!(
        store
            .due_queue(&ByKey::new(keys), now, day, &options)
            .unwrap(),
        queue
    );
    let today = store
        .todays_queue(&Listed::new(keys), now, day, &options)
        .unwrap();
    assert!(today.unseen.is_empty());
    // With borrowed keys.
    let borrowed: Vec<(&str, &str)> = keys
        .iter()
        .map(|key| (key.bank.as_str(), key.question.as_str()))
        .collect();
    assert_eq!(
        store
            .todays_queue(&Listed::new(&borrowed), now, day, &options)
            .unwrap(),
        today
    );
    // As a drill asks for it: every lookup by key (as its catalog's keys answer).
    assert_eq!(
        store
            .todays_queue(&ByKey::new(keys), now, day, &options)
            .unwrap(),
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

#[test]
fn toward_a_date_the_goals_new_questions_come_first() {
    let (_dir, store) = temp_store();
    let keys: Vec<QuestionKey> = ["a", "b", "c", "d"]
        .into_iter()
        .map(|question| QuestionKey::new("b", question))
        .collect();
    let mut options = queue_options(TimeDelta::zero(), TimeDelta::zero());
    options.new_order = NewOrder::Bank;
    options.limits.new_per_day = 2;
    let now = at(0);
    assert_eq!(queued(&store, &keys, now, options.clone()), ["b/a", "b/b"]);
    options.toward = Some(Toward {
        date: at(86_400 * 30),
        questions: [keys[3].clone(), keys[2].clone()].into_iter().collect(),
    });
    // The goal's questions first, in the order of introduction; the rest after them.
    assert_eq!(queued(&store, &keys, now, options.clone()), ["b/c", "b/d"]);
    options.limits.new_per_day = 3;
    assert_eq!(queued(&store, &keys, now, options), ["b/c", "b/d", "b/a"]);
}

#[test]
fn a_day_index_in_microseconds_is_the_index_of_the_time() {
    let paris = FixedOffset::east_opt(3600).unwrap();
    let start = chrono::NaiveTime::from_hms_opt(4, 0, 0).unwrap();
    let day = StudyDay::containing(at(0), paris, start);
    let start = day.start.timestamp_micros();
    let second = 1_000_000;
    let day_length = 86_400 * second;
    // Around the day's start and the days' edges on either side, to the microsecond
    // (whole seconds round toward zero before days round down, both ways).
    for edge in [-400, -2, -1, 0, 1, 2, 400].map(|days| start + days * day_length) {
        for offset in [
            -second - 1,
            -second,
            -second + 1,
            -1,
            0,
            1,
            second - 1,
            second,
        ] {
            let micros = edge + offset;
            let time = DateTime::from_timestamp_micros(micros).unwrap();
            assert_eq!(day.index_of_micros(micros), day.index_of(time), "{micros}");
        }
    }
}
