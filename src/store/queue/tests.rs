//! Tests of the queue's parts: limits, the order of new questions, the study day.
use super::*;

fn utc(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text)
        .unwrap()
        .with_timezone(&Utc)
}

fn keys(text: &str) -> Vec<QuestionKey> {
    text.split_whitespace()
        .map(|key| {
            let (bank, question) = key.split_once('/').unwrap();
            QuestionKey::new(bank, question)
        })
        .collect()
}

#[test]
fn a_limit_cuts_new_questions_first_then_reviews() {
    let queue = DueQueue {
        learning: keys("a/1"),
        review: keys("a/2 a/3"),
        new: keys("a/4 a/5 a/6"),
        ..DueQueue::default()
    };
    let cut = queue.clone().limited(Some(2), Some(4));
    assert_eq!(
        cut.in_order().cloned().collect::<Vec<_>>(),
        keys("a/1 a/2 a/3 a/4")
    );
    let cut = queue.clone().limited(None, Some(2));
    assert_eq!(
        (cut.learning.len(), cut.review.len(), cut.new.len()),
        (1, 1, 0)
    );
    assert_eq!(queue.clone().limited(Some(0), None).len(), 3);
}

#[test]
fn new_questions_interleave_across_banks() {
    let day = StudyDay::containing(
        utc("2026-03-10T10:00:00Z"),
        FixedOffset::east_opt(0).unwrap(),
        NaiveTime::from_hms_opt(4, 0, 0).unwrap(),
    );
    let questions = keys("a/1 a/2 a/3 b/1 c/1 c/2");
    let arrange = |order: NewOrder| -> Vec<QuestionKey> {
        order
            .arrange(&questions, day)
            .into_iter()
            .cloned()
            .collect()
    };
    assert_eq!(
        arrange(NewOrder::Interleave),
        keys("a/1 b/1 c/1 a/2 c/2 a/3")
    );
    assert_eq!(arrange(NewOrder::Bank), questions);
    // A bank whose questions come in two runs is still one bank, taken in turn.
    let runs = keys("a/1 b/1 a/2 a/3 c/1 b/2");
    assert_eq!(
        NewOrder::Interleave
            .arrange(&runs, day)
            .into_iter()
            .cloned()
            .collect::<Vec<_>>(),
        keys("a/1 b/1 c/1 a/2 b/2 a/3")
    );
    let random = arrange(NewOrder::Random);
    assert_eq!(random, arrange(NewOrder::Random), "stable in a day");
    let mut sorted = random.clone();
    sorted.sort();
    let mut expected = questions.clone();
    expected.sort();
    assert_eq!(sorted, expected);
}

#[test]
fn the_day_starts_at_the_configured_local_hour() {
    let four = NaiveTime::from_hms_opt(4, 0, 0).unwrap();
    let paris = FixedOffset::east_opt(3600).unwrap();
    // 02:30 in Paris on the 10th is still the study day of the 9th.
    let day = StudyDay::containing(utc("2026-03-10T01:30:00Z"), paris, four);
    assert_eq!(day.start, utc("2026-03-09T03:00:00Z"));
    assert_eq!(day.end, utc("2026-03-10T03:00:00Z"));
    let day = StudyDay::containing(utc("2026-03-10T03:00:00Z"), paris, four);
    assert_eq!(day.start, utc("2026-03-10T03:00:00Z"));
    assert_eq!(day.index_of(utc("2026-03-12T02:59:59Z")), 1);
    assert_eq!(day.index_of(utc("2026-03-10T02:59:59Z")), -1);
}
