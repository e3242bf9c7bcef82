//! The last year's reviews of this learner as `recall stats` counts them, kept beside the
//! progress database (`recall.db.recent-reviews`, see [`path_for`]) as three columns:
//! each review's question (a number into a table of bank and question ids), its time,
//! and two flags (the card was in review before it; it was not rated Again). Stepping
//! SQLite through the year's 670,000 rows of a 1,000,000-review log was nearly all that
//! `recall stats` cost; the columns are 13 bytes a review, read in one go.
//!
//! The file holds every review of this learner from a time on (`since`, a year before
//! the study day of the run that wrote it), up to a review of the log (its id and
//! uuid), and says how many reviews (every learner's) the log held then. A run reads
//! only the reviews after that one from the database ([`Store::visit_log_after`]); if
//! that review is gone or is another, or the log holds another number of reviews before
//! it (an undo deleted one, the database was replaced), or the year asked for starts
//! before `since`, the year is read from the database again, as before there was a file,
//! and the file written anew. Like the bank cache it is only an optimisation: a missing,
//! damaged (its bytes are checksummed) or foreign file is ignored and replaced, it is
//! written whole (`atomic_file`, not flushed: a file a power cut damages is read again),
//! and failing to write it is not an error. Its stamp covers recall's version and this
//! file's source, so a change of layout throws it away.

use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use crate::schedule::{Rating, State};
use crate::store::{QuestionKey, Store, StoreError};

/// The file for the database at `database`: `<database>.recent-reviews`.
pub fn path_for(database: &Path) -> PathBuf {
    crate::paths::beside(database, ".recent-reviews")
}

const MAGIC: &[u8; 8] = b"rclrcnt1";

/// Changes whenever recall's version or this file's source changes.
const STAMP: u64 = xxhash_rust::const_xxh3::xxh3_64(
    concat!(env!("CARGO_PKG_VERSION"), include_str!("recent.rs")).as_bytes(),
);

/// A row's flags: the card was in the review state before the review (a review of a
/// learnt question), and the review was not rated Again.
pub(super) const LEARNT: u8 = 1;
pub(super) const PASSED: u8 = 1 << 1;

/// New reviews read from the database past which the file is written again: a
/// fraction of the rows it holds (a few new reviews cost less to read than a rewrite).
const REWRITE_SHARE: usize = 64;

/// What the file holds before the columns.
#[derive(Default, Serialize, Deserialize)]
struct Head {
    stamp: u64,
    /// The rows hold every review of this learner at or after this time (µs).
    since: i64,
    /// The last review of the log read (id and uuid), and how many reviews the log
    /// held then.
    last: Option<(i64, String)>,
    log_rows: u64,
    /// Bank and question of each question reviewed.
    keys: Vec<(String, String)>,
}

/// This learner's reviews from a time on (see the module's documentation).
#[derive(Default)]
pub(super) struct RecentReviews {
    head: Head,
    /// The file's bytes, its rows read where they are (see [`RecentReviews::rows`]):
    /// its columns start at `columns` and hold `stored` rows.
    file: Vec<u8>,
    columns: usize,
    stored: usize,
    /// The rows added to the file's (all of them when it was not read), by column.
    key: Vec<u32>,
    at: Vec<i64>,
    flags: Vec<u8>,
    /// Index of `head.keys` by [`QuestionKey::hash128`], made when the first row is added.
    key_index: FxHashMap<u128, u32>,
    /// Whether the rows differ from the file's (and how many were added to them).
    added: usize,
    rebuilt: bool,
}

/// One review, as [`RecentReviews::rows`] gives it.
pub(super) struct Row {
    /// Its question, an index into [`RecentReviews::keys`].
    pub(super) key: u32,
    /// Its time, in microseconds since 1970.
    pub(super) at: i64,
    /// [`LEARNT`] and [`PASSED`].
    pub(super) flags: u8,
}

/// A review's flags.
fn flags(state_before: State, rating: Rating) -> u8 {
    let learnt = if state_before == State::Review {
        LEARNT
    } else {
        0
    };
    let passed = if rating == Rating::Again { 0 } else { PASSED };
    learnt | passed
}

impl RecentReviews {
    /// This learner's reviews at or after `since` (at least: older ones may be among
    /// them), from the file at `path` brought up to the log of `store`, or from the
    /// store alone when the file cannot be continued.
    pub(super) fn read(
        store: &Store,
        path: &Path,
        since: DateTime<Utc>,
        split: DateTime<Utc>,
    ) -> Result<RecentReviews, StoreError> {
        let since = since.timestamp_micros();
        let mut reviews = std::fs::read(path)
            .ok()
            .and_then(decode)
            .filter(|r| r.head.since <= since)
            .unwrap_or_default();
        if reviews.head.last.is_some() && reviews.continue_from(store)? {
            return Ok(reviews);
        }
        RecentReviews::from_store(store, since, split)
    }

    /// Adds the reviews after the file's last one; `false` when the log does not
    /// continue the file's.
    fn continue_from(&mut self, store: &Store) -> Result<bool, StoreError> {
        let last = self.head.last.take();
        let after = last.as_ref().map(|(id, uuid)| (*id, uuid.as_str()));
        let mut read = 0;
        let since = self.head.since;
        let count = store.visit_log_after(after, |id, review| {
            read += 1;
            self.head.last = Some((id, review.uuid.to_owned()));
            let at = review.reviewed_at.timestamp_micros();
            if review.learner.is_none() && at >= since {
                let key = self.key_of(review.bank, review.question);
                self.push(key, at, flags(review.state_before, review.rating));
            }
        })?;
        if count != Some(self.head.log_rows + read) {
            return Ok(false);
        }
        self.head.last = self.head.last.take().or(last);
        self.head.log_rows += read;
        Ok(true)
    }

    /// The reviews at or after `since` read from the store, in two halves at once
    /// (before and after `split`, see [`Store::visit_reviews_in_halves`]), up to the
    /// log's last review when this started.
    fn from_store(store: &Store, since: i64, split: DateTime<Utc>) -> Result<Self, StoreError> {
        let (last, log_rows) = store.log_end()?;
        let last_id = last.as_ref().map_or(i64::MIN, |(id, _)| *id);
        let from = DateTime::from_timestamp_micros(since).unwrap_or_default();
        let (mut older, newer) = store.visit_reviews_in_halves(
            from,
            split,
            last_id,
            RecentReviews::default,
            |reviews, bank, question, at, rating, state| {
                let key = reviews.key_of(bank, question);
                reviews.push(key, at.timestamp_micros(), flags(state, rating));
            },
        )?;
        // The newer half's keys are renumbered into the older's.
        let renumbered: Vec<u32> = newer
            .head
            .keys
            .iter()
            .map(|(bank, question)| older.key_of(bank, question))
            .collect();
        older
            .key
            .extend(newer.key.iter().map(|k| renumbered[*k as usize]));
        older.at.extend_from_slice(&newer.at);
        older.flags.extend_from_slice(&newer.flags);
        older.head.since = since;
        older.head.last = last;
        older.head.log_rows = log_rows;
        older.rebuilt = true;
        Ok(older)
    }

    /// How many rows there are.
    pub(super) fn len(&self) -> usize {
        self.stored + self.key.len()
    }

    /// Every row: the file's, then those added.
    pub(super) fn rows(&self) -> impl Iterator<Item = Row> + '_ {
        let columns = self.file.get(self.columns..).unwrap_or_default();
        let (key, rest) = columns.split_at(self.stored * 4);
        let (at, flags) = rest.split_at(self.stored * 8);
        let stored =
            key.chunks_exact(4)
                .zip(at.chunks_exact(8))
                .zip(flags)
                .map(|((key, at), flags)| Row {
                    key: u32::from_le_bytes(key.try_into().unwrap_or_default()),
                    at: i64::from_le_bytes(at.try_into().unwrap_or_default()),
                    flags: *flags,
                });
        let added = self.key.iter().zip(&self.at).zip(&self.flags);
        stored.chain(added.map(|((key, at), flags)| Row {
            key: *key,
            at: *at,
            flags: *flags,
        }))
    }

    /// The questions rows refer to: bank and question ids.
    pub(super) fn keys(&self) -> &[(String, String)] {
        &self.head.keys
    }

    /// Writes the rows at or after `since` to `path` when they were read afresh or
    /// enough were added to be worth it; returns whether it wrote.
    pub(super) fn save(&self, path: &Path, since: DateTime<Utc>) -> bool {
        let worth = self.rebuilt || self.added * REWRITE_SHARE >= self.len().max(1);
        if !worth || self.head.last.is_none() {
            return false;
        }
        let write = || -> std::io::Result<()> {
            let mut file = crate::atomic_file::AtomicFile::create(path)?;
            self.encode(since.timestamp_micros(), &mut file)?;
            file.commit_unsynced()
        };
        write().is_ok()
    }

    /// The number of a question's key, added to the keys when new. The keys read from
    /// the file are indexed on the first call (most runs add no row).
    fn key_of(&mut self, bank: &str, question: &str) -> u32 {
        if self.key_index.len() < self.head.keys.len() {
            self.key_index = self
                .head
                .keys
                .iter()
                .enumerate()
                .map(|(i, (bank, question))| (QuestionKey::hash128(bank, question), i as u32))
                .collect();
        }
        let keys = &mut self.head.keys;
        *self
            .key_index
            .entry(QuestionKey::hash128(bank, question))
            .or_insert_with(|| {
                keys.push((bank.to_owned(), question.to_owned()));
                keys.len() as u32 - 1
            })
    }

    fn push(&mut self, key: u32, at: i64, flags: u8) {
        self.key.push(key);
        self.at.push(at);
        self.flags.push(flags);
        self.added += 1;
    }

    /// Writes the file to `out`: [`MAGIC`], the length of the [`Head`] (8 bytes,
    /// little-endian), the head (postcard), the number of rows (8 bytes), each column
    /// whole, little-endian, and the xxh3 of everything before it (8 bytes). Only
    /// the rows at or after `since` (µs, not before the rows' own `since`) are kept.
    /// A column at a time, so that writing costs no copy of the rows.
    fn encode(&self, since: i64, mut out: impl Write) -> std::io::Result<()> {
        let head = &self.head;
        let since = since.max(head.since);
        let head = postcard::to_stdvec(&(STAMP, since, &head.last, head.log_rows, &head.keys))
            .map_err(std::io::Error::other)?;
        let kept = || self.rows().filter(|row| row.at >= since);
        let rows = kept().count();
        let mut sum = xxhash_rust::xxh3::Xxh3::new();
        let mut put = |bytes: &[u8]| {
            sum.update(bytes);
            out.write_all(bytes)
        };
        put(MAGIC)?;
        put(&(head.len() as u64).to_le_bytes())?;
        put(&head)?;
        put(&(rows as u64).to_le_bytes())?;
        let mut column = Vec::with_capacity(rows * 8);
        column.extend(kept().flat_map(|row| row.key.to_le_bytes()));
        put(&column)?;
        column.clear();
        column.extend(kept().flat_map(|row| row.at.to_le_bytes()));
        put(&column)?;
        column.clear();
        column.extend(kept().map(|row| row.flags));
        put(&column)?;
        out.write_all(&sum.digest().to_le_bytes())
    }
}

/// The rows of a file's `bytes` (kept, and read where they are); `None` when it is not
/// one of this recall's or is damaged.
fn decode(bytes: Vec<u8>) -> Option<RecentReviews> {
    let (body, sum) = bytes.split_last_chunk::<8>()?;
    if xxhash_rust::xxh3::xxh3_64(body) != u64::from_le_bytes(*sum) {
        return None;
    }
    let body = body.strip_prefix(MAGIC)?;
    let (length, body) = body.split_first_chunk::<8>()?;
    let length = usize::try_from(u64::from_le_bytes(*length)).ok()?;
    let (head, body) = body.split_at_checked(length)?;
    let head: Head = postcard::from_bytes(head).ok()?;
    if head.stamp != STAMP {
        return None;
    }
    let (stored, columns) = body.split_first_chunk::<8>()?;
    let stored = usize::try_from(u64::from_le_bytes(*stored)).ok()?;
    // The columns are the rest: 13 bytes a row, every question number in range.
    if stored.checked_mul(13)? != columns.len() {
        return None;
    }
    let keys = head.keys.len();
    let in_range = columns[..stored * 4]
        .chunks_exact(4)
        .all(|key| (u32::from_le_bytes(key.try_into().unwrap_or_default()) as usize) < keys);
    if !in_range {
        return None;
    }
    let columns = bytes.len() - 8 - columns.len();
    Some(RecentReviews {
        head,
        file: bytes,
        columns,
        stored,
        ..RecentReviews::default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Appends a review of `question` (id `id`, at `id` seconds, its uuid made from
    /// `uuid`) to the log.
    fn insert(store: &Store, (id, uuid): (i64, i64), question: &str, learner: Option<&str>) {
        store
            .connection()
            .execute(
                "INSERT INTO review (id, uuid, device, learner, bank, question, reviewed_at, \
                 mode, answer, score, rating, duration_ms, state_before) \
                 VALUES (?1, printf('00000000-0000-4000-8000-%012d', ?4), 'd', ?2, 'b', ?3, \
                 ?1 * 1000000, 'drill', 'an answer', NULL, 1 + ?1 % 4, 1200, \
                 CASE WHEN ?1 % 2 = 0 THEN 'review' ELSE 'learning' END)",
                rusqlite::params![id, learner, question, uuid],
            )
            .unwrap();
    }

    fn time(seconds: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(seconds, 0).unwrap()
    }

    /// Every row, as text, sorted (the halves are read in no set order).
    fn rows(reviews: &RecentReviews) -> Vec<String> {
        let mut rows: Vec<String> = reviews
            .rows()
            .map(|row| {
                let (bank, question) = &reviews.keys()[row.key as usize];
                format!("{bank}/{question} {} {}", row.at, row.flags)
            })
            .collect();
        rows.sort();
        rows
    }

    /// The rows at or after `since` seconds, read from the log alone.
    fn afresh(store: &Store, since: i64) -> Vec<String> {
        let path = Path::new("/nonexistent/recent-reviews");
        rows(&RecentReviews::read(store, path, time(since), time(since + 3)).unwrap())
    }

    #[test]
    fn the_file_continues_the_log_and_is_read_again_when_it_is_not_its() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("recall.db")).unwrap();
        let path = path_for(&dir.path().join("recall.db"));
        for (id, question) in [(1, "q1"), (2, "q2"), (3, "q1"), (4, "q3"), (5, "q2")] {
            insert(&store, (id, id), question, None);
        }
        let read = |since: i64| RecentReviews::read(&store, &path, time(since), time(since + 3));

        let first = read(2).unwrap();
        assert!(first.rebuilt);
        assert_eq!(rows(&first), afresh(&store, 2));
        assert_eq!(first.len(), 4, "the review before `since` left out");
        assert!(first.save(&path, time(2)));

        // Nothing new: the file as it was, not written again.
        let same = read(2).unwrap();
        assert!(!same.rebuilt);
        assert_eq!(rows(&same), afresh(&store, 2));
        assert!(!same.save(&path, time(2)));

        // Two more reviews, one of another learner: only this learner's is added; a
        // later `since` keeps the file (its older rows are not counted by stats).
        insert(&store, (6, 6), "q4", Some("other"));
        insert(&store, (7, 7), "q3", None);
        let later = read(3).unwrap();
        assert!(!later.rebuilt);
        assert_eq!(later.added, 1);
        assert_eq!(rows(&later), afresh(&store, 2));
        assert!(
            later.save(&path, time(3)),
            "one new row in five is worth a write"
        );
        assert_eq!(
            rows(&read(3).unwrap()),
            afresh(&store, 3),
            "written from `since` on"
        );

        // An earlier `since` than the file's: read afresh.
        let earlier = read(1).unwrap();
        assert!(earlier.rebuilt);
        assert_eq!(rows(&earlier), afresh(&store, 1));
        assert!(earlier.save(&path, time(1)));

        // An undo in the middle of the log (q2's latest, id 5) and a new review: the
        // count before the last review read differs, so the log is read again.
        store
            .connection()
            .execute("DELETE FROM review WHERE id = 5", [])
            .unwrap();
        insert(&store, (8, 8), "q1", None);
        let undone = read(1).unwrap();
        assert!(undone.rebuilt);
        assert_eq!(rows(&undone), afresh(&store, 1));
        assert!(undone.save(&path, time(1)));

        // The last review read undone and its id taken by another: read again.
        store
            .connection()
            .execute("DELETE FROM review WHERE id = 8", [])
            .unwrap();
        insert(&store, (8, 10), "q2", None);
        let replaced = read(1).unwrap();
        assert!(replaced.rebuilt);
        assert_eq!(rows(&replaced), afresh(&store, 1));

        // A damaged file is no file.
        let bytes = std::fs::read(&path).unwrap();
        let mut damaged = bytes.clone();
        damaged[bytes.len() / 2] ^= 1;
        std::fs::write(&path, &damaged).unwrap();
        assert!(read(1).unwrap().rebuilt);
        std::fs::write(&path, &bytes[..bytes.len() - 1]).unwrap();
        assert!(read(1).unwrap().rebuilt);
    }
}
