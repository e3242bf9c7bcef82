//! What is due, bank by bank: now (within today's limits), new (today's share and all
//! that are unseen), later today, tomorrow and over the next seven study days; the
//! numbers behind `recall due`, and when the next question comes due. Suspended and
//! buried questions count nowhere.

use std::collections::{BTreeMap, HashSet};

use chrono::{DateTime, Utc};
use serde::Serialize;

use crate::bank::Bank;
use crate::store::{Curriculum, DueQueue, QuestionKey, QueueOptions, Store, StoreError, StudyDay};

/// One bank's counts (or the total's).
#[derive(Debug, Default, Clone, PartialEq, Eq, Serialize)]
pub struct DueCounts {
    /// Learning, relearning and review questions to ask now.
    pub due_now: usize,
    /// Never-seen questions that today's new limit still allows: the bank's share of
    /// the day's allowance.
    pub new: usize,
    /// Never-seen questions in all (not suspended or buried).
    pub unseen: usize,
    /// Questions that come due later in this study day.
    pub later_today: usize,
    /// Questions due during the next study day.
    pub tomorrow: usize,
    /// Questions due during the next seven study days (tomorrow included).
    pub next_7_days: usize,
}

impl DueCounts {
    fn add(&mut self, other: &DueCounts) {
        self.due_now += other.due_now;
        self.new += other.new;
        self.unseen += other.unseen;
        self.later_today += other.later_today;
        self.tomorrow += other.tomorrow;
        self.next_7_days += other.next_7_days;
    }
}

/// What is due across the banks.
#[derive(Debug, Clone, PartialEq)]
pub struct Due {
    /// Every loaded bank's counts, by bank id.
    pub banks: BTreeMap<String, DueCounts>,
    /// The sum of the banks' counts.
    pub total: DueCounts,
    /// Today's queue, which the "now" and "new" counts come from.
    pub queue: DueQueue,
}

impl Due {
    /// Whether anything can be studied now (due or new).
    pub fn can_study(&self) -> bool {
        self.total.due_now + self.total.new > 0
    }
}

/// What of `questions` (the questions of `banks`) is due at `now`, in the study day
/// `day`. Each card due this week, and each card to count the never-seen questions
/// by, is looked up in `questions`: nothing is listed per question of the curriculum.
pub fn count<C: Curriculum + ?Sized>(
    store: &Store,
    banks: &[Bank],
    questions: &C,
    now: DateTime<Utc>,
    day: StudyDay,
    options: &QueueOptions,
) -> Result<Due, StoreError> {
    let queue = store.due_queue(questions, now, day, options)?;

    let mut banks: BTreeMap<String, DueCounts> = banks
        .iter()
        .map(|bank| (bank.id.clone(), DueCounts::default()))
        .collect();
    for key in queue.learning.iter().chain(&queue.review) {
        banks.entry(key.bank.clone()).or_default().due_now += 1;
    }
    for key in &queue.new {
        banks.entry(key.bank.clone()).or_default().new += 1;
    }
    for (bank, unseen) in &queue.unseen {
        banks.entry(bank.clone()).or_default().unseen += unseen;
    }
    let week_end = day.end_after(7);
    // A learning step due within the learn-ahead window is already counted as due now.
    let asked_now: HashSet<&QuestionKey> = queue.learning.iter().chain(&queue.review).collect();
    let aside = store.set_aside(now)?;
    let week = store.due_between(now, week_end)?;
    // Which of the week's cards are of the banks' questions, each looked up in them.
    let known = questions.known(
        week.iter()
            .map(|(key, _)| (key.bank.as_str(), key.question.as_str())),
    );
    for (key, due) in &week {
        if !known.contains(&(key.bank.as_str(), key.question.as_str()))
            || asked_now.contains(key)
            || aside.contains_key(key)
        {
            continue;
        }
        let counts = banks.entry(key.bank.clone()).or_default();
        if *due < day.end {
            counts.later_today += 1;
        } else {
            counts.next_7_days += 1;
            if *due < day.end_after(1) {
                counts.tomorrow += 1;
            }
        }
    }
    let mut total = DueCounts::default();
    for counts in banks.values() {
        total.add(counts);
    }
    Ok(Due {
        banks,
        total,
        queue,
    })
}

/// When the next of `questions` that has been studied comes due, and which (it may be
/// due already, when a limit held it back): suspended and buried questions left out;
/// `None` when nothing studied is left. Read from the store's index of due times, so it
/// costs the cards it passes over, not the whole curriculum.
pub fn next_due<C: Curriculum + ?Sized>(
    store: &Store,
    questions: &C,
    now: DateTime<Utc>,
) -> Result<Option<(DateTime<Utc>, QuestionKey)>, StoreError> {
    let aside = store.set_aside(now)?;
    store.first_due(|key| !aside.contains_key(key) && questions.contains(&key.bank, &key.question))
}
