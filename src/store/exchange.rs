//! The review log as it leaves the database and comes into another: every review in
//! time order, with what replaying the log through the scheduler says of its question's
//! card just before and just after it ([`LogRecord`], what `recall log export` writes),
//! and the merge of reviews from elsewhere ([`Store::import`]): idempotent by uuid, other
//! learners' reviews kept apart, the cards rebuilt from the merged log. The file formats
//! are `crate::logfile`'s, not the store's.

use std::collections::BTreeMap;
use std::path::Path;

use chrono::{DateTime, Utc};
use rusqlite::{Transaction, TransactionBehavior};
use rustc_hash::FxHashMap;

use super::log::{
    REVIEW_COLUMNS, ReplayLog, Review, choice_order_text, next_id, question_hash, rebuild_cards,
    replay_log, review_from_row,
};
use super::sql::Micros;
use super::{Store, StoreError, sqlite_error};
use crate::schedule::{Card, Scheduler};

/// One review as an export holds it: the log's row (its `learner` always set) and what
/// the replayed log says around it.
#[derive(Clone, Debug, PartialEq)]
pub struct LogRecord {
    /// The review as the log keeps it.
    pub review: Review,
    /// Its place among its learner's reviews, oldest first, from 1.
    pub review_th: u64,
    /// Seconds since the previous review of the same question; `None` for the first.
    pub elapsed_seconds: Option<i64>,
    /// The question's card just before the review, as the replayed log has it.
    pub before: Card,
    /// Its card just after (the same as `before` when the review did not reschedule).
    pub after: Card,
    /// The order its choices were shown in, as the bank's letters (`C,A,B`); empty for
    /// a text answer or one recorded before orders were kept.
    pub choice_order: String,
}

impl Store {
    /// Calls `write` with every review of the log, every learner's, oldest first (ties
    /// in the order they were written), each learner's questions replayed through
    /// `scheduler`; this learner's reviews carry the database's learner id. Returns how
    /// many there were.
    pub fn export_log<E: From<StoreError>>(
        &self,
        scheduler: &Scheduler,
        mut write: impl FnMut(LogRecord) -> Result<(), E>,
    ) -> Result<u64, E> {
        let sqlite = self.sqlite();
        let mut statement = self
            .connection()
            .prepare(&format!(
                "SELECT {REVIEW_COLUMNS} FROM review ORDER BY reviewed_at, id"
            ))
            .map_err(&sqlite)?;
        let mut rows = statement.query([]).map_err(&sqlite)?;
        let me = self.identity()?.learner;
        // Learners by number, with their reviews so far.
        let mut learners: FxHashMap<String, usize> = FxHashMap::default();
        let mut counts: Vec<u64> = Vec::new();
        // Per learner and question (by learner number, bank length, bank and question):
        // its slot in `cards`, the card so far, when it was last reviewed and its key
        // as the scheduler's fuzz key (as in `Store::record`).
        let mut slots: FxHashMap<Box<[u8]>, usize> = FxHashMap::default();
        let mut cards: Vec<(Card, Option<DateTime<Utc>>, String)> = Vec::new();
        let mut name = Vec::new();
        let mut count = 0;
        while let Some(row) = rows.next().map_err(&sqlite)? {
            let mut review = review_from_row(row).map_err(&sqlite)?;
            let learner = review.learner.get_or_insert_with(|| me.clone());
            let number = match learners.get(learner.as_str()) {
                Some(&number) => number,
                None => {
                    learners.insert(learner.clone(), counts.len());
                    counts.push(0);
                    counts.len() - 1
                }
            };
            name.clear();
            name.extend_from_slice(&(number as u64).to_le_bytes());
            name.extend_from_slice(&(review.key.bank.len() as u64).to_le_bytes());
            name.extend_from_slice(review.key.bank.as_bytes());
            name.extend_from_slice(review.key.question.as_bytes());
            let slot = match slots.get(name.as_slice()) {
                Some(&slot) => slot,
                None => {
                    slots.insert(name.as_slice().into(), cards.len());
                    cards.push((Card::new(), None, review.key.to_string()));
                    cards.len() - 1
                }
            };
            let (card, last, fuzz_key) = &mut cards[slot];
            let before = card.clone();
            let after = if review.reschedules {
                scheduler.review(&before, review.rating, review.reviewed_at, fuzz_key)
            } else {
                before.clone()
            };
            let elapsed_seconds = last.map(|last| (review.reviewed_at - last).num_seconds());
            *card = after.clone();
            *last = Some(review.reviewed_at);
            count += 1;
            counts[number] += 1;
            let record = LogRecord {
                choice_order: choice_order_text(&review.choice_order).unwrap_or_default(),
                review_th: counts[number],
                elapsed_seconds,
                before,
                after,
                review,
            };
            write(record)?;
        }
        Ok(count)
    }
}

/// The page cache an import may use, in KiB as `PRAGMA cache_size` takes it (negative):
/// up to 512 MB, only as much as the merge touches.
const IMPORT_CACHE_KIB: i64 = -512 * 1024;

/// The page cache while an import makes the log's indexes again, which is also the
/// size of the runs SQLite's sorter sorts in memory (see [`Store::merge`]): 4 MB.
const INDEX_CACHE_KIB: i64 = -4 * 1024;

/// How much of the database an import reads through a memory map rather than a read
/// call per page: looking up a million uuids is a million page reads.
const IMPORT_MMAP_BYTES: i64 = 1 << 30;

/// New reviews an import inserts before it drops the log's indexes to make them again
/// at the end (more when the log is long: rebuilding its indexes costs more).
const BULK_AFTER: u64 = 10_000;

/// Every review's uuid, content and learner (`None`: this database's), for
/// [`Importer::known`].
fn known_reviews(
    connection: &rusqlite::Connection,
) -> rusqlite::Result<FxHashMap<u128, (u64, Option<u64>)>> {
    let mut statement = connection
        .prepare("SELECT uuid, bank, question, reviewed_at, rating, learner FROM review")?;
    let mut rows = statement.query([])?;
    let mut known = FxHashMap::default();
    while let Some(row) = rows.next()? {
        let text = |i: usize| row.get_ref(i).and_then(|v| v.as_str().map_err(Into::into));
        let learner: Option<&str> = match row.get_ref(5)? {
            rusqlite::types::ValueRef::Null => None,
            value => Some(value.as_str()?),
        };
        known.insert(
            uuid_bits(text(0)?),
            (
                content(question_hash(text(1)?, text(2)?), row.get(3)?, row.get(4)?),
                learner.map(learner_hash),
            ),
        );
    }
    Ok(known)
}

/// Drops the indexes and triggers of the review log, returning the SQL that makes them
/// again (indexes first). The importer checks what the triggers would (every review has
/// its uuid and device; nothing is updated or deleted), so a bulk merge runs no trigger
/// per row; making them again in the same transaction leaves the schema as it was.
fn drop_indexes(connection: &rusqlite::Connection) -> rusqlite::Result<Vec<String>> {
    let mut statement = connection.prepare(
        "SELECT type, name, sql FROM sqlite_master \
         WHERE type IN ('index', 'trigger') AND tbl_name = 'review' AND sql IS NOT NULL \
         ORDER BY type = 'trigger', rowid",
    )?;
    let dropped: Vec<(String, String, String)> = statement
        .query_map([], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for (kind, name, _) in &dropped {
        let what = if kind == "trigger" {
            "TRIGGER"
        } else {
            "INDEX"
        };
        connection.execute_batch(&format!("DROP {what} \"{}\"", name.replace('"', "\"\"")))?;
    }
    Ok(dropped.into_iter().map(|(_, _, sql)| sql).collect())
}

/// What [`Store::import`] did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Imported {
    /// Reviews given to it.
    pub read: u64,
    /// Of those, the reviews the log did not have yet.
    pub added: u64,
    /// Of the added, this learner's (they reschedule).
    pub own: u64,
    /// The added reviews of other learners, by learner id (kept apart).
    pub others: BTreeMap<String, u64>,
    /// The cards rebuilt from the merged log, when this learner's log changed.
    pub cards: Option<usize>,
    /// The learner id this database took (`same_learner`), when it changed.
    pub adopted: Option<String>,
}

/// Takes reviews into the log inside [`Store::import`]'s transaction.
pub struct Importer<'t> {
    transaction: &'t Transaction<'t>,
    path: &'t Path,
    me: String,
    same_learner: bool,
    learner_seen: Option<String>,
    imported: Imported,
    /// Every review in the log by uuid: what it is (see [`content`]) and whose (`None`:
    /// this learner's). Read once, so a review the log has costs no query.
    known: FxHashMap<u128, (u64, Option<u64>)>,
    /// After this many new reviews the indexes are dropped and made again at the end:
    /// building an index once is far faster than a million inserts into it.
    bulk_after: u64,
    /// The indexes dropped for a bulk merge, to make again.
    dropped_indexes: Option<Vec<String>>,
    /// The id the next review takes: answers and marks share one sequence.
    next_id: i64,
    /// When the log was empty before: this learner's new reviews that reschedule (the
    /// whole of what the cards are rebuilt from), so the cards are rebuilt without
    /// reading the log back.
    replay: Option<ReplayLog>,
}

/// New reviews written by one statement: SQLite runs a statement's preamble once for
/// them all.
const INSERT_BATCH: usize = 64;

/// The columns of the review log an import writes, in the order of [`bind_review`].
const INSERT_COLUMNS: &str = "uuid, learner, device, bank, question, version, reviewed_at, \
                              mode, answer, score, suggested_rating, rating, duration_ms, \
                              rescheduled, state_before, id, choice_order, hints, concepts";

/// Values bound per review.
const INSERT_VALUES: usize = 19;

/// `INSERT INTO review` of `rows` reviews.
fn insert_sql(rows: usize) -> String {
    let row = format!("({})", vec!["?"; INSERT_VALUES].join(", "));
    format!(
        "INSERT INTO review ({INSERT_COLUMNS}) VALUES {}",
        vec![row; rows].join(", ")
    )
}

/// Binds `review` (its learner column `learner`, its id `id`) as the reviews' `row`th
/// row (from 0) of an [`insert_sql`] statement.
fn bind_review(
    insert: &mut rusqlite::Statement<'_>,
    row: usize,
    review: &Review,
    (learner, id): (Option<&str>, i64),
) -> rusqlite::Result<()> {
    let values: [&dyn rusqlite::ToSql; INSERT_VALUES] = [
        &review.uuid,
        &learner,
        &review.device,
        &review.key.bank,
        &review.key.question,
        &review.version,
        &Micros(review.reviewed_at),
        &review.mode,
        &review.answer,
        &review.score,
        &review.suggested,
        &review.rating,
        &i64::try_from(review.duration_ms).unwrap_or(i64::MAX),
        &review.reschedules,
        &review.state_before,
        &id,
        &choice_order_text(&review.choice_order),
        &review.hints,
        &review.concepts,
    ];
    for (i, value) in values.into_iter().enumerate() {
        insert.raw_bind_parameter(row * INSERT_VALUES + i + 1, value)?;
    }
    Ok(())
}

/// What identifies a review's content for telling a repeated uuid from a clash: its
/// question (by [`question_hash`]), time and rating.
fn content(question: u64, at: i64, rating: i64) -> u64 {
    let mut hasher = xxhash_rust::xxh3::Xxh3::new();
    hasher.update(&question.to_le_bytes());
    hasher.update(&at.to_le_bytes());
    hasher.update(&rating.to_le_bytes());
    hasher.digest()
}

fn learner_hash(learner: &str) -> u64 {
    xxhash_rust::xxh3::xxh3_64(learner.as_bytes())
}

/// A uuid's 128 bits (the text form checked by `is_uuid`).
fn uuid_bits(uuid: &str) -> u128 {
    uuid.bytes()
        .filter_map(|b| (b as char).to_digit(16))
        .fold(0u128, |bits, digit| (bits << 4) | u128::from(digit))
}

/// Reviews for [`Importer::add_batch`], with what it looks each up by (its uuid's bits,
/// its question's and content's hashes) worked out when the batch is made: on the
/// thread that reads the file, beside the importer's.
pub struct ReviewBatch {
    reviews: Vec<Review>,
    /// Per review: (uuid, question, content).
    looked: Vec<(u128, u64, u64)>,
}

impl ReviewBatch {
    /// The batch of `reviews`, in their order.
    pub fn new(reviews: Vec<Review>) -> ReviewBatch {
        let looked = reviews
            .iter()
            .map(|review| {
                let question = question_hash(&review.key.bank, &review.key.question);
                let at = review.reviewed_at.timestamp_micros();
                let rating = i64::from(review.rating.number());
                (
                    uuid_bits(&review.uuid),
                    question,
                    content(question, at, rating),
                )
            })
            .collect();
        ReviewBatch { reviews, looked }
    }
}

impl Importer<'_> {
    /// Adds `review` to the log unless a review with its uuid is there already (then it
    /// must be the same review); see [`Importer::add_batch`].
    pub fn add(&mut self, review: Review) -> Result<(), StoreError> {
        self.add_batch(ReviewBatch::new(vec![review]))
    }

    /// Adds each review of `batch` to the log unless a review with its uuid is there
    /// already (then it must be the same review). Their `learner` must be set: this
    /// database's learner's reviews are stored as its own, any other learner's kept
    /// apart. The new reviews are written from the batch, [`INSERT_BATCH`] to a
    /// statement.
    pub fn add_batch(&mut self, batch: ReviewBatch) -> Result<(), StoreError> {
        // Per new review: its place in the batch, its learner column and its id.
        let mut new: Vec<(usize, bool, i64)> = Vec::with_capacity(batch.reviews.len());
        for (place, (review, looked)) in batch.reviews.iter().zip(&batch.looked).enumerate() {
            if let Some(own) = self.take(review, *looked)? {
                new.push((place, own, self.next_id));
                self.next_id += 1;
            }
        }
        self.write(&batch.reviews, &new)
            .map_err(|source| sqlite_error(self.path, source))
    }

    /// Checks `review` (its uuid's bits, question and content hashes `looked`) and
    /// counts it: `None` when the log has it, else whether it is this learner's.
    fn take(
        &mut self,
        review: &Review,
        (uuid, question, what): (u128, u64, u64),
    ) -> Result<Option<bool>, StoreError> {
        self.imported.read += 1;
        if self.same_learner {
            let learner = review.learner.as_deref().unwrap_or(&self.me);
            if self.learner_seen.as_deref() != Some(learner) {
                let learner = learner.to_owned();
                self.one_learner(&learner)?;
            }
        }
        let learner = review.learner.as_deref().unwrap_or(&self.me);
        // What the log's CHECK constraints would refuse (off during an import, see
        // `Store::import`): the other checked columns are enums, a `bool` and unsigned
        // numbers, in range by their types.
        if let Some(score) = review.score
            && !(0.0..=1.0).contains(&score)
        {
            return Err(StoreError::ScoreOutOfRange(score));
        }
        let own = learner == self.me;
        if let Some((stored, whose)) = self.known.get(&uuid) {
            let same_learner = match whose {
                None => own,
                Some(hash) => *hash == learner_hash(learner),
            };
            if *stored == what && same_learner {
                return Ok(None);
            }
            return Err(StoreError::UuidClash {
                uuid: review.uuid.clone(),
            });
        }
        if self.imported.added == self.bulk_after && self.dropped_indexes.is_none() {
            self.dropped_indexes = Some(
                drop_indexes(self.transaction).map_err(|source| sqlite_error(self.path, source))?,
            );
        }
        self.known
            .insert(uuid, (what, (!own).then(|| learner_hash(learner))));
        self.imported.added += 1;
        if own {
            self.imported.own += 1;
            if let Some(replay) = self.replay.as_mut().filter(|_| review.reschedules) {
                replay.push(
                    question,
                    (&review.key.bank, &review.key.question),
                    review.reviewed_at.timestamp_micros(),
                    self.next_id,
                    review.rating,
                );
            }
        } else if let Some(count) = self.imported.others.get_mut(learner) {
            *count += 1;
        } else {
            self.imported.others.insert(learner.to_owned(), 1);
        }
        Ok(Some(own))
    }

    /// Writes the `new` reviews of `reviews` (each its place, whether it is this
    /// learner's, and its id): [`INSERT_BATCH`] to a statement, the rest one by one.
    fn write(&self, reviews: &[Review], new: &[(usize, bool, i64)]) -> rusqlite::Result<()> {
        static BATCH: std::sync::LazyLock<String> =
            std::sync::LazyLock::new(|| insert_sql(INSERT_BATCH));
        let mut chunks = new.chunks_exact(INSERT_BATCH);
        if chunks.len() > 0 {
            let mut insert = self.transaction.prepare_cached(&BATCH)?;
            for chunk in &mut chunks {
                for (row, &(place, own, id)) in chunk.iter().enumerate() {
                    let review = &reviews[place];
                    let learner = if own { None } else { review.learner.as_deref() };
                    bind_review(&mut insert, row, review, (learner, id))?;
                }
                let written = insert.raw_execute()?;
                debug_assert_eq!(written, INSERT_BATCH);
            }
        }
        if !chunks.remainder().is_empty() {
            let mut insert = self.transaction.prepare_cached(&insert_sql(1))?;
            for &(place, own, id) in chunks.remainder() {
                let review = &reviews[place];
                let learner = if own { None } else { review.learner.as_deref() };
                bind_review(&mut insert, 0, review, (learner, id))?;
                insert.raw_execute()?;
            }
        }
        Ok(())
    }

    /// Checks that `learner` is the one learner of the file, adopting the first as this
    /// database's learner (an import of one learner's log into a new database).
    fn one_learner(&mut self, learner: &str) -> Result<(), StoreError> {
        match &self.learner_seen {
            None => {
                if learner != self.me {
                    self.transaction
                        .execute("UPDATE identity SET learner = ?1", [learner])
                        .map_err(|source| sqlite_error(self.path, source))?;
                    self.me = learner.to_owned();
                    self.imported.adopted = Some(learner.to_owned());
                }
                self.learner_seen = Some(learner.to_owned());
            }
            Some(first) if first != learner => {
                return Err(StoreError::SeveralLearners {
                    first: first.clone(),
                    second: learner.to_owned(),
                });
            }
            Some(_) => {}
        }
        Ok(())
    }
}

impl Store {
    /// Merges reviews into the log, all or nothing: `feed` gives them to the
    /// [`Importer`] (reviews the log has are skipped, by uuid), and when this learner's
    /// log changed, every card is rebuilt by replaying the merged log through
    /// `scheduler`. With `same_learner`, the reviews are this learner's from another
    /// device: the database takes their learner id first (they must all have one). If
    /// `feed` fails, nothing is written.
    pub fn import<E: From<StoreError>>(
        &mut self,
        scheduler: &Scheduler,
        same_learner: bool,
        feed: impl FnOnce(&mut Importer<'_>) -> Result<(), E>,
    ) -> Result<Imported, E> {
        let me = self.identity()?.learner;
        let path = self.path.clone();
        let sqlite = |source| sqlite_error(&path, source);
        // A long merge inserts into the uuid index in random order: with SQLite's
        // default 2 MB page cache every insert would go to the disk cache and back.
        self.connection
            .pragma_update(None, "cache_size", IMPORT_CACHE_KIB)
            .map_err(sqlite)?;
        self.connection
            .pragma_update(None, "mmap_size", IMPORT_MMAP_BYTES)
            .map_err(sqlite)?;
        // The log's CHECK constraints `mode IN (...)` and `state_before IN (...)` make
        // SQLite build two temporary b-trees for every row it inserts (lists of more
        // than two values are looked up in one): about a fifth of an import's CPU.
        // The importer checks what they would (`Importer::add`), so they are off for
        // the import, and on again whatever its outcome.
        self.connection
            .pragma_update(None, "ignore_check_constraints", true)
            .map_err(sqlite)?;
        // An import into an empty log writes nearly every page of the database anew.
        // Through the write-ahead log each is written twice (into the log at the commit,
        // then into the database at the checkpoint), as frames that straddle the file
        // system's pages. With a rollback journal each page is written once, in place;
        // the journal keeps the few pages the empty database had, so a failure or a
        // crash still rolls back to them. While another connection has the database
        // open, SQLite refuses the switch and the import goes through the log as usual.
        let journaled = self.log_is_empty().map_err(sqlite)?
            && journal_mode(&self.connection, "delete").is_ok_and(|mode| mode == "delete");
        let merged = self.merge(me, scheduler, same_learner, feed);
        let checks = self
            .connection
            .pragma_update(None, "ignore_check_constraints", false)
            .map_err(sqlite);
        // Back to the write-ahead log whatever the outcome (`Store::open` would set it
        // again anyway).
        let logged = if journaled {
            journal_mode(&self.connection, "wal").map(drop)
        } else {
            Ok(())
        };
        let imported = merged?;
        checks?;
        logged.map_err(sqlite)?;
        Ok(imported)
    }

    /// Whether the review log holds no review.
    fn log_is_empty(&self) -> rusqlite::Result<bool> {
        self.connection
            .query_row("SELECT NOT EXISTS (SELECT 1 FROM review)", [], |row| {
                row.get(0)
            })
    }

    /// [`Store::import`]'s transaction, the pragmas set.
    fn merge<E: From<StoreError>>(
        &mut self,
        me: String,
        scheduler: &Scheduler,
        same_learner: bool,
        feed: impl FnOnce(&mut Importer<'_>) -> Result<(), E>,
    ) -> Result<Imported, E> {
        let path = self.path.clone();
        let sqlite = |source| sqlite_error(&path, source);
        let transaction = self
            .connection
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(sqlite)?;
        let known = known_reviews(&transaction).map_err(sqlite)?;
        let next_id = next_id(&transaction).map_err(sqlite)?.0;
        let replay = known.is_empty().then(ReplayLog::default);
        let mut importer = Importer {
            transaction: &transaction,
            path: &path,
            me,
            same_learner,
            learner_seen: None,
            imported: Imported::default(),
            bulk_after: (known.len() as u64 / 4).max(BULK_AFTER),
            known,
            dropped_indexes: None,
            next_id,
            replay,
        };
        feed(&mut importer)?;
        if let Some(indexes) = importer.dropped_indexes.take() {
            // Building an index is a sort. SQLite sorts in memory runs of at most the
            // page cache's size: with the import's large cache, one run of the whole
            // index, sorted on this thread. With a small cache it sorts many runs that
            // fit the processor's caches, on a second core while this one reads the
            // table, and merges them (the pages the cache no longer holds are written
            // to the database or its log, as the commit would have).
            transaction
                .pragma_update(None, "threads", 2)
                .map_err(sqlite)?;
            transaction
                .pragma_update(None, "cache_size", INDEX_CACHE_KIB)
                .map_err(sqlite)?;
            for sql in indexes {
                transaction.execute_batch(&sql).map_err(sqlite)?;
            }
            transaction
                .pragma_update(None, "cache_size", IMPORT_CACHE_KIB)
                .map_err(sqlite)?;
        }
        let Importer {
            mut imported,
            replay,
            ..
        } = importer;
        if imported.own > 0 || imported.adopted.is_some() {
            let cards = match replay {
                Some(log) => replay_log(&transaction, scheduler, log),
                None => rebuild_cards(&transaction, scheduler),
            };
            imported.cards = Some(cards.map_err(sqlite)?);
        }
        transaction.commit().map_err(sqlite)?;
        Ok(imported)
    }
}

/// Sets the database's journal mode to `mode`, returning the mode it has after
/// (lower case).
fn journal_mode(connection: &rusqlite::Connection, mode: &str) -> rusqlite::Result<String> {
    let now: String =
        connection.pragma_update_and_check(None, "journal_mode", mode, |row| row.get(0))?;
    Ok(now.to_ascii_lowercase())
}
