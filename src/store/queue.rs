//! Today's queue: which questions to ask now, in what order, within the daily
//! limits.
//!
//! Order: learning and relearning cards that are due (earliest first; they are
//! mid-way through their short steps and must not wait), then review cards
//! that are due (most overdue first) up to what is left of the daily review
//! limit, then never-seen questions up to what is left of the daily new limit,
//! taken in the configured [`NewOrder`] (interleaved across banks by default).
//! "Due" stretches a little into the future: learning steps due within the
//! learn-ahead window count (as in Anki), and `drill --ahead` studies ahead.
//! Suspended and buried questions are left out. "Today" is the learner's study
//! day, which starts at `day_starts_at` local time (04:00 by default) so a
//! late-night session counts for the day before.
//!
//! Toward an interview date ([`Toward`]), two things change: a goal's review question
//! due after the date comes due once before it (`schedule::advance`), and reviews
//! are asked weakest first, by their predicted recall on the date, instead of most
//! overdue first.
//!
//! The cards due come from the index of due times (`card_by_due`), so a queue reads
//! the cards it holds, and looks each up in the questions it is given (a
//! [`Curriculum`]: for a drill, its catalog, which answers by key). Both
//! [`Store::due_queue`] and [`Store::todays_queue`] (for a drill) look the never-seen
//! questions up one by one, in the order of introduction, until today's new limit is
//! reached; [`Store::due_queue`] also counts them all, bank by bank (for `recall due`),
//! from each bank's number of questions less the keys of every card.

use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::{DateTime, Days, FixedOffset, NaiveTime, TimeDelta, TimeZone, Utc};
use rand::SeedableRng;
use rand::seq::SliceRandom;
use rusqlite::{Connection, params};
use rustc_hash::FxHashSet;

use super::{QuestionKey, Store, StoreError, sqlite_error};
use crate::schedule::State;
use crate::schedule::advance::due_toward;

mod curriculum;
mod new_order;
pub use curriculum::{Curriculum, Keyed, Listed};
pub use new_order::NewOrder;

/// One study day: from `start` (inclusive) to `end` (exclusive), in UTC.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StudyDay {
    /// When the day starts (inclusive).
    pub start: DateTime<Utc>,
    /// When the next day starts (exclusive).
    pub end: DateTime<Utc>,
}

impl StudyDay {
    /// The study day that contains `now` for a learner at `offset` whose days
    /// start at `starts_at`.
    pub fn containing(now: DateTime<Utc>, offset: FixedOffset, starts_at: NaiveTime) -> StudyDay {
        let local = now.with_timezone(&offset);
        let mut date = local.date_naive();
        if local.time() < starts_at {
            date = date.pred_opt().unwrap_or(date);
        }
        let start = offset
            .from_local_datetime(&date.and_time(starts_at))
            .single()
            .map_or(now, |start| start.with_timezone(&Utc));
        StudyDay {
            start,
            end: start + chrono::TimeDelta::days(1),
        }
    }

    /// The day `days` after this one (negative for before).
    pub fn shifted(self, days: i64) -> StudyDay {
        let delta = chrono::TimeDelta::days(days);
        StudyDay {
            start: self.start + delta,
            end: self.end + delta,
        }
    }

    /// The local calendar date this study day is named after.
    pub fn date(self, offset: FixedOffset) -> chrono::NaiveDate {
        self.start.with_timezone(&offset).date_naive()
    }

    /// Which study day (relative to this one; 0 is this one) `time` falls in.
    pub fn index_of(self, time: DateTime<Utc>) -> i64 {
        (time - self.start).num_seconds().div_euclid(86_400)
    }

    /// [`StudyDay::index_of`] a time given in microseconds since 1970 (as the log keeps
    /// them), without making a `DateTime` of it: the same whole seconds, rounded
    /// toward zero, then whole days, rounded down.
    pub fn index_of_micros(self, micros: i64) -> i64 {
        let seconds = micros.saturating_sub(self.start.timestamp_micros()) / 1_000_000;
        seconds.div_euclid(86_400)
    }

    /// The end of the study day `days` after this one.
    pub fn end_after(self, days: u64) -> DateTime<Utc> {
        self.end
            .checked_add_days(Days::new(days))
            .unwrap_or(self.end)
    }
}

/// How many questions a day may bring.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DailyLimits {
    /// New questions introduced per day, at most.
    pub new_per_day: u32,
    /// Reviews per day, at most.
    pub reviews_per_day: u32,
}

/// An interview date the queue works toward.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Toward {
    /// The moment readiness is predicted for (the start of the date's study day).
    pub date: DateTime<Utc>,
    /// The goal's questions: only they are brought back before the date.
    pub questions: HashSet<QuestionKey>,
}

/// Everything that shapes a queue besides the log: the limits, the order of new
/// questions, how far into the future "due" reaches, and the goal it works toward.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QueueOptions {
    /// The daily limits.
    pub limits: DailyLimits,
    /// How new questions are introduced.
    pub new_order: NewOrder,
    /// Learning and relearning steps due within this window count as due now.
    pub learn_ahead: TimeDelta,
    /// Study ahead (`drill --ahead`): anything due within this window counts as due now.
    pub ahead: TimeDelta,
    /// An interview date still to come: advance and weakest-first reviews.
    pub toward: Option<Toward>,
}

/// The questions to ask now, in three groups asked in this order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DueQueue {
    /// Learning and relearning cards that are due, earliest first.
    pub learning: Vec<QuestionKey>,
    /// Review cards that are due, most overdue first (toward a date, weakest on the
    /// date first), within the review limit.
    pub review: Vec<QuestionKey>,
    /// Never-seen questions, in the order given, within the new limit.
    pub new: Vec<QuestionKey>,
    /// New questions already introduced today (counted against the limit).
    pub new_today: u32,
    /// Review cards already reviewed today (counted against the limit).
    pub reviews_today: u32,
    /// Review cards due now but held back by the daily review limit.
    pub reviews_held_back: usize,
    /// Never-seen questions among those given, not suspended or buried, by bank id
    /// (`new` takes today's share of them).
    pub unseen: BTreeMap<String, usize>,
    /// Questions left out because they are suspended or buried.
    pub set_aside: usize,
}

impl DueQueue {
    /// Every question in the order to ask them.
    pub fn in_order(&self) -> impl Iterator<Item = &QuestionKey> {
        self.learning.iter().chain(&self.review).chain(&self.new)
    }

    /// How many questions there are to ask.
    pub fn len(&self) -> usize {
        self.learning.len() + self.review.len() + self.new.len()
    }

    /// Whether there is nothing to ask.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The queue with at most `new` new questions, then at most `limit` questions in
    /// all (cut from the end of the order: new ones first, then reviews), so that its
    /// counts are what a session over it really asks.
    #[must_use]
    pub fn limited(mut self, new: Option<usize>, limit: Option<usize>) -> DueQueue {
        if let Some(new) = new {
            self.new.truncate(new);
        }
        if let Some(limit) = limit {
            self.learning.truncate(limit);
            let left = limit - self.learning.len();
            self.review.truncate(left);
            let left = left - self.review.len();
            self.new.truncate(left);
        }
        self
    }
}

impl Store {
    /// Build the queue for `questions` (the loaded banks' questions, bank by bank in
    /// file order) at `now`, with [`DueQueue::unseen`] counted. Cards whose questions
    /// are not in `questions` are left out (see [`Store::orphans`]), and so are
    /// suspended and buried questions.
    pub fn due_queue<C: Curriculum + ?Sized>(
        &self,
        questions: &C,
        now: DateTime<Utc>,
        day: StudyDay,
        options: &QueueOptions,
    ) -> Result<DueQueue, StoreError> {
        let (mut queue, aside) = self.queue(questions, now, day, options)?;
        let aside_keys: FxHashSet<(&str, &str)> = aside
            .keys()
            .map(|key| (key.bank.as_str(), key.question.as_str()))
            .collect();
        queue.unseen = unseen_by_bank(self.connection(), questions, &aside_keys)
            .map_err(|source| sqlite_error(self.path(), source))?
            .into_iter()
            .map(|(bank, count)| (bank.to_owned(), count))
            .collect();
        Ok(queue)
    }

    /// [`Store::due_queue`] in the time of today's queue, not of the curriculum: the
    /// cards due are read from the index of due times, looked up in `questions` one by
    /// one, and never-seen questions are looked up one by one until today's new limit
    /// is reached. The same queue, but [`DueQueue::unseen`] is left empty (it would
    /// take every card to count).
    pub fn todays_queue<C: Curriculum + ?Sized>(
        &self,
        questions: &C,
        now: DateTime<Utc>,
        day: StudyDay,
        options: &QueueOptions,
    ) -> Result<DueQueue, StoreError> {
        Ok(self.queue(questions, now, day, options)?.0)
    }

    /// The queue (without the unseen count), and the questions set aside.
    fn queue<C: Curriculum + ?Sized>(
        &self,
        questions: &C,
        now: DateTime<Utc>,
        day: StudyDay,
        options: &QueueOptions,
    ) -> Result<(DueQueue, HashMap<QuestionKey, crate::session::Mark>), StoreError> {
        let limits = options.limits;
        let sqlite = |source| sqlite_error(self.path(), source);
        let connection = self.connection();
        let (new_today, reviews_today) = counts_today(connection, day).map_err(sqlite)?;

        let aside = self.set_aside(now)?;
        let aside_keys: FxHashSet<(&str, &str)> = aside
            .keys()
            .map(|key| (key.bank.as_str(), key.question.as_str()))
            .collect();

        let micros = |window: TimeDelta| (now + window).timestamp_micros();
        let learning_until = micros(options.learn_ahead.max(options.ahead));
        let review_until = micros(options.ahead);
        // Toward a date, a review due after it may come due before it (advance): then
        // every card is read, not only those the index puts in today's window.
        let until = options
            .toward
            .as_ref()
            .map_or(learning_until.max(review_until), |_| i64::MAX);
        let cards = due_cards(connection, until).map_err(sqlite)?;
        let (cards, set_aside) = of_questions(questions, cards, &aside, &aside_keys);
        let (mut learning, mut review) = split_due(
            cards.into_iter(),
            (learning_until, review_until),
            options.toward.as_ref(),
        );

        let new_left = i64::from(limits.new_per_day)
            .saturating_sub(new_today)
            .max(0) as usize;
        let arranged = options
            .new_order
            .arranged(questions, day)
            .filter_map(|(run, i)| Some((questions.run(run).0, questions.question(run, i)?)))
            .filter(|key| !aside_keys.contains(key));
        let new =
            todays_new(connection, arranged, options.toward.as_ref(), new_left).map_err(sqlite)?;
        learning.sort();
        // By order (toward a date, the weakest first), then due time, then key.
        review.sort_by(|a, b| {
            a.0.total_cmp(&b.0)
                .then_with(|| (a.1, &a.2).cmp(&(b.1, &b.2)))
        });
        let reviews_left = i64::from(limits.reviews_per_day)
            .saturating_sub(reviews_today)
            .max(0) as usize;
        let reviews_held_back = review.len().saturating_sub(reviews_left);
        review.truncate(reviews_left);
        let queue = DueQueue {
            learning: learning.into_iter().map(|(_, key)| key).collect(),
            review: review.into_iter().map(|(_, _, key)| key).collect(),
            new,
            new_today: u32::try_from(new_today).unwrap_or(u32::MAX),
            reviews_today: u32::try_from(reviews_today).unwrap_or(u32::MAX),
            reviews_held_back,
            unseen: BTreeMap::new(),
            set_aside,
        };
        Ok((queue, aside))
    }
}

/// A review in the queue: its order, its due time (µs) and its question.
type Placed = (f64, i64, QuestionKey);

/// The cards due, split into learning (due time, key) and review
/// (order, due time, key), each due by its bound in `until` (µs: learning, review).
fn split_due(
    cards: impl Iterator<Item = DueCard>,
    until: (i64, i64),
    toward: Option<&Toward>,
) -> (Vec<(i64, QuestionKey)>, Vec<Placed>) {
    let mut learning = Vec::new();
    let mut review = Vec::new();
    for card in cards {
        if card.state != State::Review {
            if card.due <= until.0 {
                learning.push((card.due, card.key));
            }
        } else {
            let (order, due) = review_place(&card, toward);
            if due <= until.1 {
                review.push((order, due, card.key));
            }
        }
    }
    (learning, review)
}

/// The cards due that are of `questions` and not set aside, and how many of the
/// questions set aside are of `questions`: each looked up in `questions` (the curriculum
/// is not made into a set of its own).
fn of_questions<C: Curriculum + ?Sized>(
    questions: &C,
    cards: Vec<DueCard>,
    aside: &HashMap<QuestionKey, crate::session::Mark>,
    aside_keys: &FxHashSet<(&str, &str)>,
) -> (Vec<DueCard>, usize) {
    let known = questions.known(
        cards
            .iter()
            .map(|card| (card.key.bank.as_str(), card.key.question.as_str()))
            .chain(aside_keys.iter().copied()),
    );
    let is_known = |key: &QuestionKey| known.contains(&(key.bank.as_str(), key.question.as_str()));
    let set_aside = aside.keys().filter(|key| is_known(key)).count();
    let wanted: Vec<bool> = cards
        .iter()
        .map(|card| is_known(&card.key) && !aside.contains_key(&card.key))
        .collect();
    let cards = cards
        .into_iter()
        .zip(wanted)
        .filter_map(|(card, wanted)| wanted.then_some(card))
        .collect();
    (cards, set_aside)
}

/// How many questions were first answered, and how many reviews were made, in the
/// study day `day` (this learner's, rescheduling ones: what today's limits count).
fn counts_today(connection: &Connection, day: StudyDay) -> rusqlite::Result<(i64, i64)> {
    let span = params![day.start.timestamp_micros(), day.end.timestamp_micros()];
    let new_today = connection.query_row(
        "SELECT COUNT(*) FROM card WHERE first_review >= ?1 AND first_review < ?2",
        span,
        |row| row.get(0),
    )?;
    let reviews_today = connection.query_row(
        "SELECT COUNT(*) FROM review WHERE reviewed_at >= ?1 AND reviewed_at < ?2 \
         AND state_before = 'review' AND rescheduled = 1 AND learner IS NULL",
        span,
        |row| row.get(0),
    )?;
    Ok((new_today, reviews_today))
}

/// A review card's place in the queue: its order (toward a date, the weakest on the
/// date first; else 0) and its due time (µs; toward a date, brought before it by
/// advance).
fn review_place(card: &DueCard, toward: Option<&Toward>) -> (f64, i64) {
    let Some(toward) = toward else {
        return (0.0, card.due);
    };
    let due = if toward.questions.contains(&card.key) {
        micros_toward(card, toward.date)
    } else {
        card.due
    };
    // Predicted recall falls as whole days since the last review over stability rises.
    let days = (toward.date.timestamp_micros() - card.last_review)
        .div_euclid(86_400_000_000)
        .max(0);
    (-(days as f64 / card.stability.max(1e-9)), due)
}

/// Today's share of never-seen questions: each in the order of introduction is looked
/// up until `left` are found. Toward a date the goal's come first: not studied, they
/// are the least ready, and the plan counts on them being introduced.
fn todays_new<'k>(
    connection: &Connection,
    arranged: impl Iterator<Item = (&'k str, &'k str)>,
    toward: Option<&Toward>,
    left: usize,
) -> rusqlite::Result<Vec<QuestionKey>> {
    let arranged: Box<dyn Iterator<Item = (&'k str, &'k str)>> = match toward {
        Some(toward) => {
            let (goal, rest): (Vec<_>, Vec<_>) =
                arranged.partition(|key| toward.questions.contains(&key.to_key()));
            Box::new(goal.into_iter().chain(rest))
        }
        None => Box::new(arranged),
    };
    let mut has_card =
        connection.prepare_cached("SELECT 1 FROM card WHERE bank = ?1 AND question = ?2")?;
    let mut new = Vec::new();
    for key in arranged {
        if new.len() >= left {
            break;
        }
        if !has_card.exists(params![key.bank(), key.question()])? {
            new.push(key.to_key());
        }
    }
    Ok(new)
}

/// What the queue needs of a card (times in µs).
struct DueCard {
    key: QuestionKey,
    state: State,
    due: i64,
    last_review: i64,
    stability: f64,
}

/// `card`'s due time (µs) toward `date` (see `schedule::advance`).
fn micros_toward(card: &DueCard, date: DateTime<Utc>) -> i64 {
    let time = |micros: i64| DateTime::from_timestamp_micros(micros).unwrap_or(date);
    due_toward(
        &card.key.to_string(),
        card.state,
        time(card.due),
        time(card.last_review),
        date,
    )
    .timestamp_micros()
}

/// Every card due at or before `until` (µs), from the index of due times: the cards of
/// today's queue, not every card (unless `until` is far off).
fn due_cards(connection: &Connection, until: i64) -> rusqlite::Result<Vec<DueCard>> {
    let mut statement = connection.prepare_cached(
        "SELECT bank, question, state, due, last_review, stability FROM card WHERE due <= ?1",
    )?;
    let mut rows = statement.query([until])?;
    let mut due = Vec::new();
    while let Some(row) = rows.next()? {
        due.push(DueCard {
            key: QuestionKey::new(row.get::<_, String>(0)?, row.get::<_, String>(1)?),
            state: row.get(2)?,
            due: row.get(3)?,
            last_review: row.get(4)?,
            stability: row.get(5)?,
        });
    }
    Ok(due)
}

/// The never-seen questions of `questions` (not set aside), bank by bank: each bank's
/// number of questions less those with a card. Counted without ordering, or even
/// listing, the curriculum: its runs give the numbers, and each card (its key borrowed
/// from its row) is looked up in it, as a drill's queue looks up the cards due.
fn unseen_by_bank<'q, C: Curriculum + ?Sized>(
    connection: &Connection,
    questions: &'q C,
    aside: &FxHashSet<(&str, &str)>,
) -> rusqlite::Result<HashMap<&'q str, usize>> {
    let mut unseen: HashMap<&str, usize> = HashMap::new();
    for run in 0..questions.runs() {
        let (bank, len) = questions.run(run);
        *unseen.entry(bank).or_default() += len;
    }
    let mut take_one = |bank: &str| {
        if let Some(count) = unseen.get_mut(bank) {
            *count = count.saturating_sub(1);
        }
    };
    // In the order of the table's key: bank by bank, so each bank's keys are looked up
    // while they are in the processor's cache. (Unordered, SQLite reads the smaller
    // index of due times, which gives the cards in due order, banks at random: three
    // times slower at 100,000 questions.)
    let mut statement =
        connection.prepare_cached("SELECT bank, question FROM card ORDER BY bank, question")?;
    let mut rows = statement.query([])?;
    while let Some(row) = rows.next()? {
        let (bank, question) = (row.get_ref(0)?.as_str()?, row.get_ref(1)?.as_str()?);
        if questions.contains(bank, question) {
            take_one(bank);
        }
    }
    // A question set aside counts nowhere: those without a card are taken off here
    // (those with one were above). There are few of them.
    let mut has_card =
        connection.prepare_cached("SELECT 1 FROM card WHERE bank = ?1 AND question = ?2")?;
    for &(bank, question) in aside {
        if questions.contains(bank, question) && !has_card.exists(params![bank, question])? {
            take_one(bank);
        }
    }
    unseen.retain(|_, count| *count > 0);
    Ok(unseen)
}

#[cfg(test)]
mod tests;
