//! What is due, bank by bank: now (within today's limits), new, later today, tomorrow
//! and over the next seven study days; the numbers behind `recall due`.

use std::collections::{BTreeMap, HashSet};

use chrono::{DateTime, Utc};
use serde::Serialize;

use crate::bank::Library;
use crate::store::{DailyLimits, DueQueue, QuestionKey, Store, StoreError, StudyDay};

/// One bank's counts (or the total's).
#[derive(Debug, Default, Clone, PartialEq, Eq, Serialize)]
pub struct DueCounts {
    /// Learning, relearning and review questions to ask now.
    pub due_now: usize,
    /// Never-seen questions that today's new limit still allows.
    pub new: usize,
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

/// What of `library`'s questions is due at `now`, in the study day `day`.
pub fn count(
    store: &Store,
    library: &Library,
    now: DateTime<Utc>,
    day: StudyDay,
    limits: DailyLimits,
) -> Result<Due, StoreError> {
    let keys: Vec<QuestionKey> = library
        .questions()
        .map(|(bank, question)| QuestionKey::new(&bank.id, &question.id))
        .collect();
    let known: HashSet<&QuestionKey> = keys.iter().collect();
    let queue = store.due_queue(&keys, now, day, limits)?;

    let mut banks: BTreeMap<String, DueCounts> = library
        .banks
        .iter()
        .map(|bank| (bank.id.clone(), DueCounts::default()))
        .collect();
    for key in queue.learning.iter().chain(&queue.review) {
        banks.entry(key.bank.clone()).or_default().due_now += 1;
    }
    for key in &queue.new {
        banks.entry(key.bank.clone()).or_default().new += 1;
    }
    let week_end = day.end_after(7);
    for (key, card) in store.cards()? {
        let Some(due) = card.due else { continue };
        if !known.contains(&key) || due <= now || due >= week_end {
            continue;
        }
        let counts = banks.entry(key.bank.clone()).or_default();
        if due < day.end {
            counts.later_today += 1;
        } else {
            counts.next_7_days += 1;
            if due < day.end_after(1) {
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
