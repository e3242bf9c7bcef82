//! Rebuilding cards by replaying the log: every card from its question's answers after
//! its latest reset, or one question's card after an undo.

use std::collections::HashMap;
use std::collections::hash_map::Entry;

use chrono::{DateTime, Utc};
use rusqlite::{Connection, params};
use rustc_hash::FxHashMap;

use crate::schedule::{Card, Rating, Scheduler};
use crate::store::QuestionKey;
use crate::store::cards::save_card;
use crate::store::sql::Micros;

/// The time and id of each question's latest reset: this learner's answers up to then
/// no longer count. (Time first: answers merged from another device are not in the
/// order of the ids.)
fn resets(connection: &Connection) -> rusqlite::Result<HashMap<QuestionKey, (i64, i64)>> {
    let mut statement = connection.prepare(
        "SELECT bank, question, marked_at, id FROM mark m WHERE kind = 'reset' AND id = \
         (SELECT MAX(id) FROM mark x WHERE x.bank = m.bank AND x.question = m.question \
         AND x.kind = 'reset')",
    )?;
    statement
        .query_map([], |row| {
            Ok((
                QuestionKey::new(row.get::<_, String>(0)?, row.get::<_, String>(1)?),
                (row.get(2)?, row.get(3)?),
            ))
        })?
        .collect()
}

/// Replace every card by the replay of its question's log (this learner's reviews, in
/// time order: merged logs are not in the order they were written), one question at a
/// time, from its latest reset on (the caller's transaction makes it all or nothing).
///
/// The log is read once in the order it is stored (no sort in SQLite, no lookup of a
/// row by index) into a [`ReplayLog`], which [`replay_log`] replays.
pub(in crate::store) fn rebuild_cards(
    connection: &Connection,
    scheduler: &Scheduler,
) -> rusqlite::Result<usize> {
    let mut statement = connection.prepare(
        "SELECT bank, question, rating, reviewed_at, id FROM review \
         WHERE rescheduled = 1 AND learner IS NULL",
    )?;
    let mut rows = statement.query([])?;
    let mut log = ReplayLog::default();
    while let Some(row) = rows.next()? {
        let text = |i: usize| row.get_ref(i).and_then(|v| v.as_str().map_err(Into::into));
        let at = row.get::<_, Micros>(3)?.0.timestamp_micros();
        let (bank, question) = (text(0)?, text(1)?);
        let hash = question_hash(bank, question);
        log.push(hash, (bank, question), at, row.get(4)?, row.get(2)?);
    }
    drop(rows);
    drop(statement);
    replay_log(connection, scheduler, log)
}

/// A question's 64-bit hash, by its bank's length, bank and id (so no two keys run
/// together): what a [`ReplayLog`] numbers questions by. An import works it out for
/// each review on the thread that reads the file.
pub(in crate::store) fn question_hash(bank: &str, question: &str) -> u64 {
    let mut hasher = xxhash_rust::xxh3::Xxh3::new();
    hasher.update(&(bank.len() as u64).to_le_bytes());
    hasher.update(bank.as_bytes());
    hasher.update(question.as_bytes());
    hasher.digest()
}

/// This learner's reviews that reschedule, as [`replay_log`] replays them: each
/// question numbered on first sight, each review its question's number, time (in
/// microseconds), id and rating. Made by [`rebuild_cards`] from the stored log, or by an
/// import into an empty log from the reviews it writes (they are the whole log then).
#[derive(Default)]
pub(in crate::store) struct ReplayLog {
    /// Each question met, by its [`question_hash`]: the first question with a hash has
    /// it here (checked against `keys`), any other with the same hash is in `collided`.
    numbers: FxHashMap<u64, u32>,
    collided: FxHashMap<QuestionKey, u32>,
    keys: Vec<QuestionKey>,
    /// (question, time, id, rating)
    log: Vec<(u32, i64, i64, Rating)>,
}

impl ReplayLog {
    /// Adds review `id` of `bank/question` (whose [`question_hash`] is `hash`) at `at`
    /// (microseconds), rated `rating`.
    pub(in crate::store) fn push(
        &mut self,
        hash: u64,
        (bank, question): (&str, &str),
        at: i64,
        id: i64,
        rating: Rating,
    ) {
        let next = self.keys.len() as u32;
        let number = match self.numbers.entry(hash) {
            Entry::Vacant(slot) => *slot.insert(next),
            Entry::Occupied(slot) => {
                let key = &self.keys[*slot.get() as usize];
                if key.bank == bank && key.question == question {
                    *slot.get()
                } else {
                    *self
                        .collided
                        .entry(QuestionKey::new(bank, question))
                        .or_insert(next)
                }
            }
        };
        if number == next {
            self.keys.push(QuestionKey::new(bank, question));
        }
        self.log.push((number, at, id, rating));
    }
}

/// Replaces every card by the replay of `log` (which must hold every review of this
/// learner that reschedules): the reviews sorted in memory by question, time and id,
/// each question replayed in turn from its latest reset on. Returns the number of cards.
pub(in crate::store) fn replay_log(
    connection: &Connection,
    scheduler: &Scheduler,
    log: ReplayLog,
) -> rusqlite::Result<usize> {
    connection.execute("DELETE FROM card", [])?;
    let resets = resets(connection)?;
    let ReplayLog {
        keys,
        mut log,
        numbers,
        collided,
    } = log;
    drop((numbers, collided));
    // Questions in the order of their keys, as the card table keeps them.
    let mut order: Vec<u32> = (0..keys.len() as u32).collect();
    order.sort_unstable_by(|a, b| keys[*a as usize].cmp(&keys[*b as usize]));
    let mut rank = vec![0u32; keys.len()];
    for (position, number) in order.iter().enumerate() {
        rank[*number as usize] = position as u32;
    }
    log.sort_unstable_by_key(|&(number, at, id, _)| (rank[number as usize], at, id));
    let mut count = 0;
    for reviews in log.chunk_by(|a, b| a.0 == b.0) {
        let key = &keys[reviews[0].0 as usize];
        let reset = resets.get(key).copied();
        let mut counted = reviews
            .iter()
            .filter(|&&(_, at, id, _)| reset.is_none_or(|reset| (at, id) >= reset))
            .peekable();
        let Some(&&(_, first, _, _)) = counted.peek() else {
            continue;
        };
        let fuzz_key = key.to_string();
        let card = counted.fold(Card::new(), |card, &(_, at, _, rating)| {
            scheduler.review(&card, rating, micros_time(at), &fuzz_key)
        });
        save_card(connection, key, &card, micros_time(first))?;
        count += 1;
    }
    Ok(count)
}

/// A time read from the log (microseconds since the epoch, as [`Micros`] stores it).
fn micros_time(micros: i64) -> DateTime<Utc> {
    DateTime::from_timestamp_micros(micros).unwrap_or_default()
}

/// Recompute one question's card from its log (the answers after its latest reset)
/// and store it, or remove it when no answer counts.
pub(super) fn replay_question(
    connection: &Connection,
    key: &QuestionKey,
    scheduler: &Scheduler,
) -> rusqlite::Result<Card> {
    let mut statement = connection.prepare(
        "SELECT rating, reviewed_at FROM review r WHERE bank = ?1 AND question = ?2 \
         AND rescheduled = 1 AND learner IS NULL AND NOT EXISTS (SELECT 1 FROM mark m \
         WHERE m.bank = ?1 AND m.question = ?2 AND m.kind = 'reset' \
         AND (m.marked_at > r.reviewed_at OR (m.marked_at = r.reviewed_at AND m.id > r.id))) \
         ORDER BY reviewed_at, id",
    )?;
    let log: Vec<(Rating, DateTime<Utc>)> = statement
        .query_map(params![key.bank, key.question], |row| {
            Ok((row.get(0)?, row.get::<_, Micros>(1)?.0))
        })?
        .collect::<rusqlite::Result<_>>()?;
    let first = log.first().map(|(_, at)| *at);
    let card = scheduler.replay(log, &key.to_string());
    connection.execute(
        "DELETE FROM card WHERE bank = ?1 AND question = ?2",
        params![key.bank, key.question],
    )?;
    if let Some(first) = first {
        save_card(connection, key, &card, first)?;
    }
    Ok(card)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn questions_with_the_same_hash_keep_numbers_of_their_own() {
        let mut log = ReplayLog::default();
        // As if "q1" and "q2" had the same hash.
        for (hash, question) in [(7, "q1"), (7, "q2"), (7, "q1"), (9, "q3"), (7, "q2")] {
            log.push(hash, ("b", question), 0, 0, Rating::Good);
        }
        let numbers: Vec<u32> = log.log.iter().map(|review| review.0).collect();
        assert_eq!(numbers, [0, 1, 0, 2, 1]);
        let questions: Vec<&str> = log.keys.iter().map(|k| k.question.as_str()).collect();
        assert_eq!(questions, ["q1", "q2", "q3"]);
    }
}
