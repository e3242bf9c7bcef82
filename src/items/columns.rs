//! The log's columns: what item analysis reads of each review, kept beside the progress
//! database (`recall.db.log-columns`, see [`path_for`]) as fixed-size columns, so that
//! `recall items` reads a million reviews as a few arrays instead of stepping SQLite
//! through a million rows (most of what a warm run cost).
//!
//! Each review is a row of the columns, in the order of the log's ids: its question
//! version (a number into a table of bank, question and version), its learner (a number
//! into a table of ids; [`OWN`] for the database's own learner, whose id can change),
//! its time, score (the grader's, or 1 or 0 from the rating), whether it was right,
//! mode, duration, uuid, answer and the concepts' outcomes recorded with it. The file says which review it ends at (id and uuid)
//! and how many it holds. A run reads only the reviews after that from the database
//! ([`Store::visit_log_after`]); if that review is gone or is another, or the log holds
//! another number of reviews before it (an undo deleted one, the database was
//! replaced), the columns are made again from the whole log. The file's stamp covers
//! recall's version and this file's source, so a change of layout throws it away.
//! Like the regrade cache it is only an optimisation: a missing, damaged or foreign file
//! is ignored and replaced, it is written whole (`atomic_file`), and failing to write it
//! is not an error.

use std::io::Read;
use std::path::{Path, PathBuf};

use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use super::cache::Recorded;
use crate::schedule::Rating;
use crate::session::Mode;
use crate::store::{ReviewRef, Store, StoreError};

/// The columns file for the database at `database`: `<database>.log-columns`.
pub fn path_for(database: &Path) -> PathBuf {
    crate::paths::beside(database, ".log-columns")
}

const MAGIC: &[u8; 8] = b"rclcols1";

/// Changes whenever recall's version or this file's source changes.
const STAMP: u64 = xxhash_rust::const_xxh3::xxh3_64(
    concat!(env!("CARGO_PKG_VERSION"), include_str!("columns.rs")).as_bytes(),
);

/// The learner number of the database's own learner's reviews.
pub const OWN: u32 = u32::MAX;

/// The bits of a row's `flags`: its mode (two bits), whether it was right, whether its
/// uuid is one.
const MODE_BITS: u8 = 0b11;
const RIGHT: u8 = 1 << 2;
const HAS_UUID: u8 = 1 << 3;

/// New reviews read from the database past which the file is written again (a
/// fraction of what it holds: a few new reviews cost less to read than a rewrite).
const REWRITE_SHARE: u64 = 32;

/// What the file holds before the columns: the review it ends at and the tables.
#[derive(Default, Serialize, Deserialize)]
struct Head {
    stamp: u64,
    /// The id and uuid of the last review in the columns.
    last: Option<(i64, String)>,
    rows: u64,
    /// Bank, question and version of each question version answered.
    keys: Vec<(String, String, Option<String>)>,
    learners: Vec<String>,
}

/// The log's columns (see the module's documentation).
#[derive(Default)]
pub struct LogColumns {
    head: Head,
    /// Per row: its question version, an index into `head.keys`.
    pub(super) key: Vec<u32>,
    /// Per row: its learner, an index into `head.learners`, or [`OWN`].
    pub(super) learner: Vec<u32>,
    /// Per row: its time, in microseconds since 1970.
    pub(super) at: Vec<i64>,
    pub(super) score: Vec<f64>,
    pub(super) duration_ms: Vec<u32>,
    pub(super) uuid: Vec<u128>,
    /// Per row: the concepts' outcomes recorded with it ([`Recorded::to_parts`]), and
    /// how many concepts ([`NOT_RECORDED`]: none recorded).
    outcomes: Vec<u64>,
    concept_count: Vec<u8>,
    /// Per row: where its answer ends in `answers`.
    answer_end: Vec<u32>,
    flags: Vec<u8>,
    answers: String,
    /// Index of `head.keys` by [`key_hash`], and of `head.learners`: made when rows are
    /// added.
    key_index: FxHashMap<u128, u32>,
    learner_index: FxHashMap<String, u32>,
    /// Rows added since the file was read.
    added: u64,
}

/// The concept count of a row with no outcomes recorded.
const NOT_RECORDED: u8 = u8::MAX;

/// A question version's key as a 128-bit hash (as `QuestionKey::hash128`).
fn key_hash(bank: &str, question: &str, version: Option<&str>) -> u128 {
    let mut hasher = xxhash_rust::xxh3::Xxh3::new();
    hasher.update(&(bank.len() as u64).to_le_bytes());
    hasher.update(bank.as_bytes());
    hasher.update(&(question.len() as u64).to_le_bytes());
    hasher.update(question.as_bytes());
    match version {
        Some(version) => {
            hasher.update(&[1]);
            hasher.update(version.as_bytes());
        }
        None => hasher.update(&[0]),
    }
    hasher.digest128()
}

/// One row, as [`LogColumns::row`] lends it.
pub(super) struct Row<'c> {
    pub(super) key: u32,
    pub(super) learner: u32,
    pub(super) at: i64,
    pub(super) mode: Mode,
    pub(super) right: bool,
    pub(super) score: f64,
    pub(super) duration_ms: u32,
    pub(super) uuid: Option<u128>,
    pub(super) answer: &'c str,
    pub(super) recorded: Option<Recorded>,
}

impl LogColumns {
    /// The columns in `path` (none when there is no file, or it cannot be used).
    pub fn open(path: &Path) -> LogColumns {
        std::fs::File::open(path)
            .ok()
            .and_then(|file| {
                let length = file.metadata().ok()?.len();
                decode(file, length)
            })
            .unwrap_or_default()
    }

    /// Brings the columns up to the log of `store`: reads the reviews after the last
    /// one they hold, or the whole log when they do not continue it.
    pub fn update(&mut self, store: &Store) -> Result<(), StoreError> {
        let last = self.head.last.take();
        let rows_before = self.head.rows;
        self.index();
        let after = last.as_ref().map(|(id, uuid)| (*id, uuid.as_str()));
        let count = store.visit_log_after(after, |id, review| self.push(id, review))?;
        if count == Some(self.head.rows) {
            self.head.last = self.head.last.take().or(last);
            self.added += self.head.rows - rows_before;
            return Ok(());
        }
        // Not the log the columns were made from: read it whole.
        *self = LogColumns::default();
        store.visit_log_after(None, |id, review| self.push(id, review))?;
        self.added = self.head.rows;
        Ok(())
    }

    /// Writes the columns to `path` when they changed enough since they were read to be
    /// worth it; returns whether it wrote.
    pub fn save(&self, path: &Path) -> bool {
        if self.added == 0 || self.added * REWRITE_SHARE < self.head.rows - self.added {
            return false;
        }
        let Ok(bytes) = self.encode() else {
            return false;
        };
        crate::atomic_file::write(path, &bytes).is_ok()
    }

    /// How many reviews the columns hold.
    pub fn rows(&self) -> usize {
        self.key.len()
    }

    /// The question versions rows refer to: bank, question and version.
    pub(super) fn keys(&self) -> &[(String, String, Option<String>)] {
        &self.head.keys
    }

    /// The learner ids rows refer to (but [`OWN`]).
    pub(super) fn learners(&self) -> &[String] {
        &self.head.learners
    }

    /// Row `i`.
    pub(super) fn row(&self, i: usize) -> Row<'_> {
        let start = if i == 0 { 0 } else { self.answer_end[i - 1] };
        let flags = self.flags[i];
        Row {
            key: self.key[i],
            learner: self.learner[i],
            at: self.at[i],
            mode: Mode::ALL[usize::from(flags & MODE_BITS).min(Mode::ALL.len() - 1)],
            right: flags & RIGHT != 0,
            score: self.score[i],
            duration_ms: self.duration_ms[i],
            uuid: (flags & HAS_UUID != 0).then_some(self.uuid[i]),
            answer: self
                .answers
                .get(start as usize..self.answer_end[i] as usize)
                .unwrap_or(""),
            recorded: match self.concept_count[i] {
                NOT_RECORDED => None,
                count => Recorded::from_parts(self.outcomes[i], count),
            },
        }
    }

    /// Makes the indexes of the tables, to add rows.
    fn index(&mut self) {
        self.key_index = self
            .head
            .keys
            .iter()
            .enumerate()
            .map(|(i, (bank, question, version))| {
                (key_hash(bank, question, version.as_deref()), i as u32)
            })
            .collect();
        self.learner_index = self
            .head
            .learners
            .iter()
            .enumerate()
            .map(|(i, learner)| (learner.clone(), i as u32))
            .collect();
    }

    /// Adds review `id` as the last row.
    fn push(&mut self, id: i64, review: &ReviewRef<'_>) {
        let keys = &mut self.head.keys;
        let key = *self
            .key_index
            .entry(key_hash(review.bank, review.question, review.version))
            .or_insert_with(|| {
                keys.push((
                    review.bank.to_owned(),
                    review.question.to_owned(),
                    review.version.map(str::to_owned),
                ));
                keys.len() as u32 - 1
            });
        let learner = match review.learner {
            None => OWN,
            Some(id) => match self.learner_index.get(id) {
                Some(&number) => number,
                None => {
                    let number = self.head.learners.len() as u32;
                    self.head.learners.push(id.to_owned());
                    self.learner_index.insert(id.to_owned(), number);
                    number
                }
            },
        };
        let right = review.suggested.unwrap_or(review.rating) != Rating::Again;
        let uuid = super::cache::uuid_bits(review.uuid);
        let mode = Mode::ALL
            .iter()
            .position(|m| *m == review.mode)
            .unwrap_or(0) as u8;
        self.key.push(key);
        self.learner.push(learner);
        self.at.push(review.reviewed_at.timestamp_micros());
        self.score
            .push(review.score.unwrap_or(if right { 1.0 } else { 0.0 }));
        self.duration_ms
            .push(u32::try_from(review.duration_ms).unwrap_or(u32::MAX));
        self.uuid.push(uuid.unwrap_or(0));
        let (outcomes, count) = review
            .concepts
            .and_then(Recorded::parse)
            .map_or((0, NOT_RECORDED), Recorded::to_parts);
        self.outcomes.push(outcomes);
        self.concept_count.push(count);
        self.flags
            .push(mode | if right { RIGHT } else { 0 } | if uuid.is_some() { HAS_UUID } else { 0 });
        self.answers.push_str(review.answer);
        // Past 4 GiB of answers the offsets no longer fit: such columns are not saved.
        self.answer_end
            .push(u32::try_from(self.answers.len()).unwrap_or(u32::MAX));
        self.head.rows += 1;
        self.head.last = Some((id, review.uuid.to_owned()));
    }

    /// The file's bytes: [`MAGIC`], the length of the [`Head`] (8 bytes, little-endian),
    /// the head (postcard), then each column whole, little-endian, and the answers.
    fn encode(&self) -> Result<Vec<u8>, postcard::Error> {
        if self.answers.len() >= u32::MAX as usize {
            return Err(postcard::Error::SerializeBufferFull);
        }
        // As a `Head`: postcard writes a struct as the tuple of its fields.
        let head = &self.head;
        let head =
            postcard::to_stdvec(&(STAMP, &head.last, head.rows, &head.keys, &head.learners))?;
        let rows = self.key.len();
        let mut bytes =
            Vec::with_capacity(16 + head.len() + rows * ROW_BYTES as usize + self.answers.len());
        bytes.extend_from_slice(MAGIC);
        bytes.extend_from_slice(&(head.len() as u64).to_le_bytes());
        bytes.extend_from_slice(&head);
        self.key.iter().for_each(|v| bytes.extend(v.to_le_bytes()));
        self.learner
            .iter()
            .for_each(|v| bytes.extend(v.to_le_bytes()));
        self.at.iter().for_each(|v| bytes.extend(v.to_le_bytes()));
        self.score
            .iter()
            .for_each(|v| bytes.extend(v.to_le_bytes()));
        self.duration_ms
            .iter()
            .for_each(|v| bytes.extend(v.to_le_bytes()));
        self.uuid.iter().for_each(|v| bytes.extend(v.to_le_bytes()));
        self.outcomes
            .iter()
            .for_each(|v| bytes.extend(v.to_le_bytes()));
        self.answer_end
            .iter()
            .for_each(|v| bytes.extend(v.to_le_bytes()));
        bytes.extend_from_slice(&self.flags);
        bytes.extend_from_slice(&self.concept_count);
        bytes.extend_from_slice(self.answers.as_bytes());
        Ok(bytes)
    }
}

/// The columns of a file (`length` bytes), read straight into each column (a long
/// log's file is a hundred megabytes: read whole, then copied into columns, it would be
/// in memory twice); `None` when it is not one of this recall's or is damaged.
fn decode(mut file: impl Read, length: u64) -> Option<LogColumns> {
    let mut start = [0u8; 16];
    file.read_exact(&mut start).ok()?;
    let (magic, head_length) = start.split_first_chunk::<8>()?;
    if magic != MAGIC {
        return None;
    }
    let head_length = u64::from_le_bytes(head_length.try_into().ok()?);
    if head_length > length {
        return None;
    }
    let mut head = vec![0; usize::try_from(head_length).ok()?];
    file.read_exact(&mut head).ok()?;
    let head: Head = postcard::from_bytes(&head).ok()?;
    if head.stamp != STAMP {
        return None;
    }
    let rows = usize::try_from(head.rows).ok()?;
    let answers_length = length.checked_sub(
        head.rows
            .checked_mul(ROW_BYTES)?
            .checked_add(16 + head_length)?,
    )?;
    let mut buffer = vec![0u8; 1 << 16];
    let key: Vec<u32> = column(&mut file, rows, &mut buffer, u32::from_le_bytes)?;
    let learner: Vec<u32> = column(&mut file, rows, &mut buffer, u32::from_le_bytes)?;
    let at: Vec<i64> = column(&mut file, rows, &mut buffer, i64::from_le_bytes)?;
    let score: Vec<f64> = column(&mut file, rows, &mut buffer, f64::from_le_bytes)?;
    let duration_ms: Vec<u32> = column(&mut file, rows, &mut buffer, u32::from_le_bytes)?;
    let uuid: Vec<u128> = column(&mut file, rows, &mut buffer, u128::from_le_bytes)?;
    let outcomes: Vec<u64> = column(&mut file, rows, &mut buffer, u64::from_le_bytes)?;
    let answer_end: Vec<u32> = column(&mut file, rows, &mut buffer, u32::from_le_bytes)?;
    let mut flags = vec![0u8; rows];
    file.read_exact(&mut flags).ok()?;
    let mut concept_count = vec![0u8; rows];
    file.read_exact(&mut concept_count).ok()?;
    let mut answers = Vec::with_capacity(usize::try_from(answers_length).ok()?);
    file.read_to_end(&mut answers).ok()?;
    let answers = String::from_utf8(answers).ok()?;
    // Every reference in range, the answers' ends in order and on character bounds.
    let (keys, learners) = (head.keys.len() as u32, head.learners.len() as u32);
    let mut start = 0u32;
    for (i, end) in answer_end.iter().enumerate() {
        let fits = *end >= start && answers.is_char_boundary(*end as usize);
        if !fits || key[i] >= keys || (learner[i] >= learners && learner[i] != OWN) {
            return None;
        }
        start = *end;
    }
    if start as usize != answers.len() {
        return None;
    }
    Some(LogColumns {
        head,
        key,
        learner,
        at,
        score,
        duration_ms,
        uuid,
        outcomes,
        concept_count,
        answer_end,
        flags,
        answers,
        ..LogColumns::default()
    })
}

/// The bytes of one row in the columns (the answers apart).
const ROW_BYTES: u64 = 4 + 4 + 8 + 8 + 4 + 16 + 8 + 4 + 1 + 1;

/// A column of `rows` numbers of `N` bytes read from `file` (through `buffer`), each by
/// `from`; `None` when the file ends first.
fn column<T, const N: usize>(
    file: &mut impl Read,
    rows: usize,
    buffer: &mut [u8],
    from: fn([u8; N]) -> T,
) -> Option<Vec<T>> {
    let mut values = Vec::with_capacity(rows);
    let per_read = buffer.len() / N;
    let mut left = rows;
    while left > 0 {
        let count = left.min(per_read);
        let bytes = &mut buffer[..count * N];
        file.read_exact(bytes).ok()?;
        values.extend(
            bytes
                .chunks_exact(N)
                .map(|chunk| from(chunk.try_into().unwrap_or([0; N]))),
        );
        left -= count;
    }
    Some(values)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Appends a review of `question` (id `id`, uuid made from `uuid`) to the log.
    fn insert(store: &Store, (id, uuid): (i64, i64), question: &str, learner: Option<&str>) {
        store
            .connection()
            .execute(
                "INSERT INTO review (id, uuid, device, learner, bank, question, version, \
                 reviewed_at, mode, answer, score, rating, duration_ms, state_before, \
                 concepts) \
                 VALUES (?1, printf('00000000-0000-4000-8000-%012d', ?4), \
                 'd', ?2, 'b', ?3, 'v1', ?1 * 1000, 'quiz', 'an answer é', NULL, 3, 1200, 'new', \
                 CASE WHEN ?1 % 2 = 1 THEN 'm.n' END)",
                rusqlite::params![id, learner, question, uuid],
            )
            .unwrap();
    }

    /// Every row of `columns`, as text, to compare.
    fn rows(columns: &LogColumns) -> Vec<String> {
        (0..columns.rows())
            .map(|i| {
                let row = columns.row(i);
                let learner = columns.learners().get(row.learner as usize);
                format!(
                    "{:?} {learner:?} {} {:?} {} {} {} {:?} {} {:?}",
                    columns.keys()[row.key as usize],
                    row.at,
                    row.mode,
                    row.right,
                    row.score,
                    row.duration_ms,
                    row.uuid,
                    row.answer,
                    row.recorded,
                )
            })
            .collect()
    }

    /// The columns of the whole log, read afresh.
    fn whole(store: &Store) -> Vec<String> {
        let mut columns = LogColumns::default();
        columns.update(store).unwrap();
        rows(&columns)
    }

    #[test]
    fn columns_continue_the_log_and_are_made_again_when_it_is_not_theirs() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("recall.db")).unwrap();
        let path = path_for(&dir.path().join("recall.db"));
        for (id, question) in [(1, "q1"), (2, "q2"), (3, "q1")] {
            insert(&store, (id, id), question, None);
        }
        let mut columns = LogColumns::open(&path);
        columns.update(&store).unwrap();
        assert_eq!(columns.rows(), 3);
        assert!(columns.save(&path));
        let read = LogColumns::open(&path);
        assert_eq!(rows(&read), rows(&columns), "read back as saved");
        assert_eq!(rows(&read), whole(&store));

        // Two more reviews, one of another learner: only they are read.
        insert(&store, (4, 4), "q2", Some("other"));
        insert(&store, (5, 5), "q3", None);
        let mut columns = LogColumns::open(&path);
        columns.update(&store).unwrap();
        assert_eq!(columns.added, 2);
        assert_eq!(rows(&columns), whole(&store));
        assert!(columns.save(&path));

        // An undo in the middle of the log (q2's latest, id 4) and a new review: the
        // count before the last review read differs, so the log is read whole.
        store
            .connection()
            .execute("DELETE FROM review WHERE id = 4", [])
            .unwrap();
        insert(&store, (6, 6), "q1", None);
        let mut columns = LogColumns::open(&path);
        columns.update(&store).unwrap();
        assert_eq!(columns.added, 5, "read whole");
        assert_eq!(rows(&columns), whole(&store));
        assert!(columns.save(&path));

        // The last review read undone and its id taken by another: read whole.
        store
            .connection()
            .execute("DELETE FROM review WHERE id = 6", [])
            .unwrap();
        insert(&store, (6, 7), "q3", None);
        let mut columns = LogColumns::open(&path);
        columns.update(&store).unwrap();
        assert_eq!(columns.added, 5, "read whole");
        assert_eq!(rows(&columns), whole(&store));

        // A damaged file is no columns.
        let bytes = std::fs::read(&path).unwrap();
        std::fs::write(&path, &bytes[..bytes.len() - 1]).unwrap();
        assert_eq!(LogColumns::open(&path).rows(), 0);
    }
}
