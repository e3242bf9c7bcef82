//! The `card` table: each answered question's FSRS card, a cache of what replaying its
//! log gives (see `log`). A question with no row has never been answered: its card is
//! [`Card::new`].

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, params};

use super::sql::Micros;
use super::{QuestionKey, Store, StoreError};
use crate::schedule::{Card, MemoryState};

const CARD_COLUMNS: &str = "state, step, stability, difficulty, due, last_review, reps, lapses";

impl Store {
    /// The card of `key`: a new card when it was never answered.
    pub fn card(&self, key: &QuestionKey) -> Result<Card, StoreError> {
        load_card(self.connection(), key).map_err(self.sqlite())
    }

    /// Every stored card (every question answered at least once).
    pub fn cards(&self) -> Result<Vec<(QuestionKey, Card)>, StoreError> {
        let mut statement = self
            .connection()
            .prepare(&format!("SELECT bank, question, {CARD_COLUMNS} FROM card"))
            .map_err(self.sqlite())?;
        statement
            .query_map([], |row| {
                let key = QuestionKey::new(row.get::<_, String>(0)?, row.get::<_, String>(1)?);
                Ok((key, card_from_row(row, 2)?))
            })
            .map_err(self.sqlite())?
            .collect::<rusqlite::Result<_>>()
            .map_err(self.sqlite())
    }

    /// The keys and due times of the cards due after `after` and before `before` (both
    /// excluded), read from the index of due times.
    pub fn due_between(
        &self,
        after: DateTime<Utc>,
        before: DateTime<Utc>,
    ) -> Result<Vec<(QuestionKey, DateTime<Utc>)>, StoreError> {
        let mut statement = self
            .connection()
            .prepare("SELECT bank, question, due FROM card WHERE due > ?1 AND due < ?2")
            .map_err(self.sqlite())?;
        statement
            .query_map(params![Micros(after), Micros(before)], |row| {
                let key = QuestionKey::new(row.get::<_, String>(0)?, row.get::<_, String>(1)?);
                Ok((key, row.get::<_, Micros>(2)?.0))
            })
            .map_err(self.sqlite())?
            .collect::<rusqlite::Result<_>>()
            .map_err(self.sqlite())
    }

    /// The stored card that comes due first among those whose key `accept` takes (ties
    /// in key order): its due time and key. Walks the `card_by_due` index in order and
    /// stops at the first card taken, so it reads no more cards than it passes over.
    pub fn first_due(
        &self,
        mut accept: impl FnMut(&QuestionKey) -> bool,
    ) -> Result<Option<(DateTime<Utc>, QuestionKey)>, StoreError> {
        let mut statement = self
            .connection()
            .prepare("SELECT bank, question, due FROM card ORDER BY due, bank, question")
            .map_err(self.sqlite())?;
        let mut rows = statement.query([]).map_err(self.sqlite())?;
        while let Some(row) = rows.next().map_err(self.sqlite())? {
            let key = QuestionKey::new(
                row.get::<_, String>(0).map_err(self.sqlite())?,
                row.get::<_, String>(1).map_err(self.sqlite())?,
            );
            if accept(&key) {
                let due = row.get::<_, Micros>(2).map_err(self.sqlite())?.0;
                return Ok(Some((due, key)));
            }
        }
        Ok(None)
    }
}

pub(super) fn load_card(connection: &Connection, key: &QuestionKey) -> rusqlite::Result<Card> {
    connection
        .query_row(
            &format!("SELECT {CARD_COLUMNS} FROM card WHERE bank = ?1 AND question = ?2"),
            params![key.bank, key.question],
            |row| card_from_row(row, 0),
        )
        .optional()
        .map(Option::unwrap_or_default)
}

/// A card from the `CARD_COLUMNS` of `row`, starting at column `first`.
fn card_from_row(row: &rusqlite::Row<'_>, first: usize) -> rusqlite::Result<Card> {
    let count = |index: usize| -> rusqlite::Result<u32> {
        Ok(u32::try_from(row.get::<_, i64>(first + index)?).unwrap_or(u32::MAX))
    };
    Ok(Card {
        state: row.get(first)?,
        step: row
            .get::<_, Option<i64>>(first + 1)?
            .map(|step| u32::try_from(step).unwrap_or(u32::MAX)),
        memory: Some(MemoryState {
            stability: row.get(first + 2)?,
            difficulty: row.get(first + 3)?,
        }),
        due: Some(row.get::<_, Micros>(first + 4)?.0),
        last_review: Some(row.get::<_, Micros>(first + 5)?.0),
        reps: count(6)?,
        lapses: count(7)?,
    })
}

/// Store a reviewed card; `first_review` is kept from the existing row.
pub(super) fn save_card(
    connection: &Connection,
    key: &QuestionKey,
    card: &Card,
    first_review: DateTime<Utc>,
) -> rusqlite::Result<()> {
    let micros = |time: Option<DateTime<Utc>>| time.map(|time| time.timestamp_micros());
    // Cached: a rebuild saves every card with it.
    connection
        .prepare_cached(
            "INSERT INTO card (bank, question, state, step, stability, difficulty, due, \
         last_review, first_review, reps, lapses) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11) \
         ON CONFLICT (bank, question) DO UPDATE SET state = excluded.state, \
         step = excluded.step, stability = excluded.stability, \
         difficulty = excluded.difficulty, due = excluded.due, \
         last_review = excluded.last_review, reps = excluded.reps, lapses = excluded.lapses",
        )?
        .execute(params![
            key.bank,
            key.question,
            card.state,
            card.step,
            card.stability().unwrap_or(0.0),
            card.difficulty().unwrap_or(0.0),
            micros(card.due).unwrap_or(0),
            micros(card.last_review).unwrap_or(0),
            Micros(first_review),
            card.reps,
            card.lapses,
        ])?;
    Ok(())
}
