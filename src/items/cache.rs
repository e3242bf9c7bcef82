//! The regrade cache: what grading each text answer again gave, kept beside the
//! progress database (`recall.db.regrade-cache`, see [`path_for`]) so that `recall items`
//! grades an answer once, not on every run. Grading is most of what item analysis of a
//! long log costs (600,000 text answers are seconds of grading); reading a cached verdict
//! is a hash lookup.
//!
//! An entry is keyed by the review's uuid (the log is append-only, so a uuid's answer
//! never changes) and by a fingerprint of the rubric that graded it ([`RubricKey`]: the
//! author's keywords and pass mark, or for a derived rubric what it is derived from), so
//! an edited rubric is graded afresh. The file's stamp covers recall's version and the
//! grader's source, so a grader that would grade differently throws the cache away.
//! Like the bank cache it is only an optimisation: a missing, damaged or foreign file is
//! ignored and replaced, it is written whole (`atomic_file`), and
//! failing to write it is not an error. Entries of reviews no longer in the log are
//! dropped when it is next written.

use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use crate::bank::{Bank, Question};
use crate::grade::Grade;

/// The cache file for the database at `database`: `<database>.regrade-cache`.
pub fn path_for(database: &Path) -> PathBuf {
    crate::paths::beside(database, ".regrade-cache")
}

const MAGIC: &[u8; 8] = b"rclgrad2";

/// Changes whenever recall's version or the grader's source changes.
const STAMP: u64 = xxhash_rust::const_xxh3::xxh3_64(
    concat!(
        env!("CARGO_PKG_VERSION"),
        include_str!("../grade/mod.rs"),
        include_str!("../grade/claim.rs"),
        include_str!("../grade/compile.rs"),
        include_str!("../grade/credit.rs"),
        include_str!("../grade/derive.rs"),
        include_str!("../grade/lexicon.rs"),
        include_str!("../grade/matcher.rs"),
        include_str!("../grade/negation.rs"),
        include_str!("../grade/token.rs"),
        include_str!("../lang/mod.rs"),
        include_str!("../lang/distance.rs"),
        include_str!("../lang/lexicon.rs"),
        include_str!("../lang/stopwords.rs"),
        include_str!("cache.rs"),
    )
    .as_bytes(),
);

/// Concepts an outcome can hold (two bits each in a `u64`); rubrics with more are
/// graded on every run.
pub const MAX_CONCEPTS: usize = 32;

/// A fingerprint of the rubric that grades a question: the grading part of its version
/// (its keywords, misconceptions, synonyms and pass mark, or what a derived rubric comes
/// from) and, for a derived rubric, the bank's prompts and model answers (which weight
/// the derived words).
pub type RubricKey = u64;

/// The rubric key of `question`, whose version is `version`; `bank_words` is
/// [`bank_fingerprint`] of its bank, asked for only when the rubric is derived.
pub fn rubric_key(
    question: &Question,
    version: &str,
    bank_words: impl FnOnce() -> u64,
) -> RubricKey {
    let mut hasher = xxhash_rust::xxh3::Xxh3::new();
    hasher.update(question.id.as_bytes());
    hasher.update(&[0]);
    hasher.update(crate::bank::grading_part(version).as_bytes());
    if question.rubric.is_none() {
        hasher.update(&bank_words().to_le_bytes());
    }
    hasher.digest()
}

/// What derived rubrics in `bank` are made from: every question's prompt and model
/// answer.
pub fn bank_fingerprint(bank: &Bank) -> u64 {
    let mut hasher = xxhash_rust::xxh3::Xxh3::new();
    for question in &bank.questions {
        hasher.update(question.prompt.as_bytes());
        hasher.update(&[0]);
        hasher.update(question.model_answer.as_deref().unwrap_or("").as_bytes());
        hasher.update(&[1]);
    }
    hasher.digest()
}

/// What grading one answer gave: enough for item analysis.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Outcome {
    /// The score.
    pub score: f64,
    /// Whether it passed.
    pub passed: bool,
    /// Per concept, two bits: 0 missed, 1 matched, 2 only negated.
    states: u64,
}

impl Outcome {
    /// The outcome of `grade`, when its rubric has at most [`MAX_CONCEPTS`] concepts.
    pub fn of(grade: &Grade) -> Option<Outcome> {
        let recorded = Recorded::parse(&crate::session::concept_outcomes(grade))?;
        Some(recorded.outcome(grade.score, grade.passed))
    }

    /// Per concept, two bits: 0 missed, 1 matched, 2 only negated (concept `i` in
    /// bits `2i` and `2i + 1`).
    pub fn states(&self) -> u64 {
        self.states
    }
}

/// What each concept did in an answer, as recorded with it (the log's `concepts`, see
/// `session::concept_outcomes`): two bits per concept as in [`Outcome`], and how many
/// concepts there are.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Recorded {
    states: u64,
    count: u8,
}

impl Recorded {
    /// The outcomes in `text` (`m.mn`); `None` when it is not such a text or has more
    /// than [`MAX_CONCEPTS`] concepts (those answers are graded again).
    pub fn parse(text: &str) -> Option<Recorded> {
        if text.len() > MAX_CONCEPTS {
            return None;
        }
        let mut states = 0u64;
        for (i, b) in text.bytes().enumerate() {
            let state = match b {
                crate::session::CONCEPT_MISSED => 0,
                crate::session::CONCEPT_MATCHED => 1,
                crate::session::CONCEPT_NEGATED => 2,
                _ => return None,
            };
            states |= state << (2 * i);
        }
        Some(Recorded {
            states,
            count: text.len() as u8,
        })
    }

    /// The outcomes as stored in the log's columns: (states, count).
    pub fn to_parts(self) -> (u64, u8) {
        (self.states, self.count)
    }

    /// The outcomes stored as `to_parts` gave them (`None` for a count above
    /// [`MAX_CONCEPTS`]).
    pub fn from_parts(states: u64, count: u8) -> Option<Recorded> {
        (usize::from(count) <= MAX_CONCEPTS).then_some(Recorded { states, count })
    }

    /// How many concepts the rubric had.
    pub fn count(self) -> usize {
        usize::from(self.count)
    }

    /// The answer's outcome, with its recorded score and verdict.
    pub fn outcome(self, score: f64, passed: bool) -> Outcome {
        Outcome {
            score,
            passed,
            states: self.states,
        }
    }
}

/// The file: [`MAGIC`], the length of the head (8 bytes, little-endian), the [`Head`]
/// (postcard), then the entries, [`ENTRY_BYTES`] each, read without a parser: a long
/// log's cache holds hundreds of thousands.
#[derive(Serialize, Deserialize)]
struct Head {
    stamp: u64,
    /// The concept labels of each rubric graded.
    rubrics: Vec<(RubricKey, Vec<String>)>,
}

/// A cached outcome: the review's uuid, the rubric's key and what grading gave.
type Entry = (u128, RubricKey, Outcome);

/// One entry in the file: the review's uuid, the rubric key, the score, the concepts'
/// states (each little-endian) and whether it passed (0 or 1).
const ENTRY_BYTES: usize = 16 + 8 + 8 + 8 + 1;

/// The head and entries of a cache file; `None` when it is not one of this recall's.
fn decode(bytes: &[u8]) -> Option<(Head, Vec<Entry>)> {
    let body = bytes.strip_prefix(MAGIC)?;
    let (length, body) = body.split_first_chunk::<8>()?;
    let length = usize::try_from(u64::from_le_bytes(*length)).ok()?;
    let (head, entries) = (body.get(..length)?, body.get(length..)?);
    let head: Head = postcard::from_bytes(head).ok()?;
    if head.stamp != STAMP || entries.len() % ENTRY_BYTES != 0 {
        return None;
    }
    let number = |bytes: &[u8]| u64::from_le_bytes(bytes.try_into().unwrap_or_default());
    let entries = entries
        .chunks_exact(ENTRY_BYTES)
        .map(|entry| {
            let uuid = u128::from_le_bytes(entry[..16].try_into().unwrap_or_default());
            let outcome = Outcome {
                score: f64::from_bits(number(&entry[24..32])),
                passed: entry[40] != 0,
                states: number(&entry[32..40]),
            };
            (uuid, number(&entry[16..24]), outcome)
        })
        .collect();
    Some((head, entries))
}

/// Where a reader of the log is in the cache's entries ([`RegradeCache::find`]).
#[derive(Clone, Copy, Debug, Default)]
pub struct Cursor {
    /// The stored entry expected next.
    next: usize,
    /// Whether a miss was looked for by a scan already.
    scanned: bool,
}

/// The cache, read; what this run used and added is written back by
/// [`RegradeCache::save`], in the order this run met the answers, so the next run,
/// reading the log in the same order, finds each entry where the previous one ended
/// (a hash lookup per answer would miss the processor's caches a million times).
#[derive(Default)]
pub struct RegradeCache {
    path: Option<PathBuf>,
    rubrics: FxHashMap<RubricKey, Vec<String>>,
    /// The entries as stored: review uuid, rubric key, outcome.
    stored: Vec<Entry>,
    /// Per stored entry, where this run met it (`u32::MAX`: not met).
    met: Vec<u32>,
    /// Stored entries by uuid, made at the first answer met out of order.
    by_uuid: OnceLock<FxHashMap<u128, usize>>,
    /// What this run graded: where it met the answer, its uuid, rubric key, outcome.
    added: Vec<(u32, u128, RubricKey, Outcome)>,
    /// Rubrics whose labels this run needed for answers recorded with their concepts'
    /// outcomes (kept with no entry), and whether any of them is new to the file.
    kept: std::collections::HashSet<RubricKey>,
    kept_new: bool,
}

impl RegradeCache {
    /// The cache in `path` (empty when there is none, or it cannot be used).
    pub fn open(path: &Path) -> RegradeCache {
        let mut cache = RegradeCache {
            path: Some(path.to_path_buf()),
            ..RegradeCache::default()
        };
        if let Some((head, entries)) = std::fs::read(path).ok().and_then(|b| decode(&b)) {
            cache.rubrics = head.rubrics.into_iter().collect();
            cache.stored = entries;
            cache.met = vec![u32::MAX; cache.stored.len()];
        }
        cache
    }

    /// No cache: every answer is graded (exports read with `--log`).
    pub fn none() -> RegradeCache {
        RegradeCache::default()
    }

    /// The outcome cached for review `uuid` graded by rubric `key`, and the entry it is
    /// (for [`RegradeCache::mark`]). `cursor` is where the reader is in the stored
    /// entries: readers of the log in the order of the previous run find each entry
    /// just after the one before, so several readers (each with its own cursor) may
    /// look up at once.
    pub fn find(&self, cursor: &mut Cursor, uuid: u128, key: RubricKey) -> Option<(u32, Outcome)> {
        let index = match self.stored.get(cursor.next) {
            Some((next, _, _)) if *next == uuid => cursor.next,
            // A reader that starts in the middle of the log (or where the previous run
            // did not read) finds its place by one scan; after that, by the index.
            _ if !cursor.scanned => {
                cursor.scanned = true;
                self.stored
                    .iter()
                    .position(|(stored, _, _)| *stored == uuid)?
            }
            _ => {
                let by_uuid = self.by_uuid.get_or_init(|| {
                    self.stored
                        .iter()
                        .enumerate()
                        .map(|(index, (uuid, _, _))| (*uuid, index))
                        .collect()
                });
                *by_uuid.get(&uuid)?
            }
        };
        cursor.next = index + 1;
        let (_, stored_key, outcome) = self.stored[index];
        if stored_key != key || !self.rubrics.contains_key(&key) {
            return None;
        }
        Some((index as u32, outcome))
    }

    /// Notes that this run used entry `index` (from [`RegradeCache::find`]) for the
    /// text answer it met at `position` (its count of text answers before it).
    pub fn mark(&mut self, index: u32, position: u32) {
        self.met[index as usize] = position;
    }

    /// The concept labels of rubric `key`, when it was graded before.
    pub fn labels(&self, key: RubricKey) -> Option<&[String]> {
        self.rubrics.get(&key).map(Vec::as_slice)
    }

    /// Keeps the concept labels of rubric `key`, those it has or else `labels` (a
    /// rubric of answers recorded with their concepts' outcomes, which have no entry),
    /// so the next run need not make the rubric to know them.
    pub fn keep_labels(&mut self, key: RubricKey, labels: Option<&[String]>) {
        if self.path.is_none() {
            return;
        }
        match self.rubrics.entry(key) {
            std::collections::hash_map::Entry::Occupied(_) => {}
            std::collections::hash_map::Entry::Vacant(entry) => {
                let Some(labels) = labels else {
                    return;
                };
                entry.insert(labels.to_vec());
                self.kept_new = true;
            }
        }
        self.kept.insert(key);
    }

    /// Keeps what grading review `uuid` (met at `position`) with rubric `key` gave.
    pub fn insert(
        &mut self,
        position: u32,
        uuid: u128,
        key: RubricKey,
        labels: &[String],
        outcome: Outcome,
    ) {
        if self.path.is_none() {
            return;
        }
        self.rubrics.entry(key).or_insert_with(|| labels.to_vec());
        self.added.push((position, uuid, key, outcome));
    }

    /// Writes the cache back when this run added to it or left entries unused (reviews
    /// gone, rubrics edited) or met them in another order; returns whether it wrote.
    pub fn save(mut self) -> bool {
        let Some(path) = self.path.take() else {
            return false;
        };
        let in_order = self.met.windows(2).all(|pair| pair[0] < pair[1])
            && self.met.last().is_none_or(|last| *last != u32::MAX);
        if self.added.is_empty() && in_order && !self.kept_new {
            return false;
        }
        let mut entries: Vec<(u32, u128, RubricKey, Outcome)> = self
            .stored
            .iter()
            .zip(&self.met)
            .filter(|(_, met)| **met != u32::MAX)
            .map(|((uuid, key, outcome), met)| (*met, *uuid, *key, *outcome))
            .chain(self.added)
            .collect();
        entries.sort_unstable_by_key(|(met, ..)| *met);
        let mut used = std::mem::take(&mut self.kept);
        used.extend(entries.iter().map(|(_, _, key, _)| *key));
        let head = Head {
            stamp: STAMP,
            rubrics: self
                .rubrics
                .into_iter()
                .filter(|(key, _)| used.contains(key))
                .collect(),
        };
        let Ok(head) = postcard::to_stdvec(&head) else {
            return false;
        };
        let mut bytes =
            Vec::with_capacity(MAGIC.len() + 8 + head.len() + entries.len() * ENTRY_BYTES);
        bytes.extend_from_slice(MAGIC);
        bytes.extend_from_slice(&(head.len() as u64).to_le_bytes());
        bytes.extend_from_slice(&head);
        for (_, uuid, key, outcome) in entries {
            bytes.extend_from_slice(&uuid.to_le_bytes());
            bytes.extend_from_slice(&key.to_le_bytes());
            bytes.extend_from_slice(&outcome.score.to_bits().to_le_bytes());
            bytes.extend_from_slice(&outcome.states.to_le_bytes());
            bytes.push(u8::from(outcome.passed));
        }
        crate::atomic_file::write(&path, &bytes).is_ok()
    }
}

/// A uuid's 128 bits, from its text (`None` when it is not one).
pub fn uuid_bits(text: &str) -> Option<u128> {
    if text.len() != 36 {
        return None;
    }
    let mut bits: u128 = 0;
    for b in text.bytes().filter(|b| *b != b'-') {
        let digit = (b as char).to_digit(16)?;
        bits = (bits << 4) | u128::from(digit);
    }
    Some(bits)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cache_reads_back_what_it_saved_and_a_cut_file_is_ignored() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("recall.db.regrade-cache");
        let mut cache = RegradeCache::open(&path);
        let outcome = Outcome {
            score: 0.625,
            passed: true,
            states: 0b1001,
        };
        let labels = ["a".to_owned(), "b".to_owned()];
        cache.insert(0, 42, 7, &labels, outcome);
        assert!(cache.save());
        let read = RegradeCache::open(&path);
        assert_eq!(read.find(&mut Cursor::default(), 42, 7), Some((0, outcome)));
        assert_eq!(read.find(&mut Cursor::default(), 42, 8), None);
        assert_eq!(read.labels(7), Some(&labels[..]));
        let bytes = std::fs::read(&path).unwrap();
        std::fs::write(&path, &bytes[..bytes.len() - 1]).unwrap();
        assert!(RegradeCache::open(&path).stored.is_empty());
    }

    #[test]
    fn uuids_read_as_their_bits() {
        assert_eq!(
            uuid_bits("00000000-0000-4000-8000-00000000002a"),
            Some(0x0000_0000_0000_4000_8000_0000_0000_002a)
        );
        assert_eq!(uuid_bits("not a uuid"), None);
        assert_eq!(uuid_bits("0000000g-0000-4000-8000-00000000002a"), None);
    }
}
