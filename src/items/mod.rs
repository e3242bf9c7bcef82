//! Item analysis: what the review log says about each question as a test item, for the
//! author who wrote it (the figures behind `recall items`).
//!
//! Per question version: attempts and learners, facility, discrimination (the corrected
//! item-total correlation, discriminative efficiency, the upper-lower 27% index), the
//! pick rate of each choice by its letter in the bank, how often each rubric concept was
//! matched, missed or negated (by grading the stored answers again), the answers nearest
//! the pass mark and the median answer time; then the [`Flag`]s an author should look
//! at, most urgent first. The formulas are in `docs/items.md`.
//!
//! An [`Analysis`] takes reviews one at a time ([`Analysis::add`]) from wherever they
//! come (the store, or exported logs of several learners) and [`Analysis::finish`]es into
//! a [`Report`]. Only questions of the loaded banks count. Nothing here prints or reads
//! the store; the verb does both.

pub mod cache;
mod discrimination;
mod flags;

use std::sync::OnceLock;

use chrono::{DateTime, Utc};
use rustc_hash::FxHashMap;
use serde::Serialize;

use crate::bank::{Bank, KindName, Library, Question, grading_part, letter, letter_index};
use crate::grade::Grader;
use crate::schedule::Rating;
use crate::session::Mode;
use crate::store::ReviewRef;
use cache::{Cursor, Outcome, RegradeCache, RubricKey, bank_fingerprint, rubric_key, uuid_bits};
pub use discrimination::GROUP_SHARE;
use discrimination::{Pair, discrimination};
pub use flags::{Flag, FlagKind, Thresholds};

/// A learner's answers more than this far apart belong to two sessions.
pub const SESSION_GAP_MINUTES: i64 = 30;

/// How many answers nearest the pass mark an item lists.
pub const NEAREST: usize = 3;

/// What discrimination is computed over.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Units {
    /// Learners: the log holds more than one.
    Learners,
    /// One learner's sessions: the log holds one learner only.
    Sessions,
}

impl Units {
    /// "learner" or "session".
    pub fn singular(self) -> &'static str {
        match self {
            Units::Learners => "learner",
            Units::Sessions => "session",
        }
    }

    /// Who does better or worse, in a sentence: "learners who do", "sessions that go".
    fn who_do(self) -> &'static str {
        match self {
            Units::Learners => "learners who do",
            Units::Sessions => "sessions that go",
        }
    }
}

/// Everything `recall items` shows, in the shape of its JSON output.
#[derive(Debug, Serialize, PartialEq)]
pub struct Report {
    /// What discrimination was computed over.
    pub units: Units,
    /// Learners in the log.
    pub learners: usize,
    /// Units (learners, or sessions) in the log.
    pub unit_count: usize,
    /// Answers to questions of the loaded banks.
    pub attempts: usize,
    /// Answers to questions no loaded bank has (left out).
    pub outside_banks: usize,
    /// One per question version answered, most in need of an author's eye first; the
    /// versions of a question together, its current version first.
    pub items: Vec<Item>,
}

/// The figures of one version of one question.
#[derive(Debug, Serialize, PartialEq)]
pub struct Item {
    /// The question's bank.
    pub bank: String,
    /// The question's id.
    pub question: String,
    /// Its kind, as its bank names it.
    pub kind: KindName,
    /// The version answered; `None` for answers logged before versions were recorded.
    pub version: Option<String>,
    /// Whether this is the version the bank has now.
    pub current: bool,
    /// Answers to this version.
    pub attempts: usize,
    /// Learners who answered it.
    pub learners: usize,
    /// Units that answered it and something else (those discrimination is over).
    pub units: usize,
    /// The mean score of the attempts.
    pub facility: f64,
    /// The share of attempts that were right.
    pub right: f64,
    /// The corrected item-total correlation.
    pub correlation: Option<f64>,
    /// Discriminative efficiency: the covariance over its largest possible value.
    pub efficiency: Option<f64>,
    /// The upper 27%'s mean score minus the lower 27%'s.
    pub upper_lower: Option<f64>,
    /// The median time to answer, in milliseconds.
    pub median_ms: f64,
    /// When it was last answered.
    #[serde(serialize_with = "rfc3339")]
    pub last_answered: DateTime<Utc>,
    /// Multiple choice: each choice by its letter in the bank.
    pub choices: Vec<ChoicePicks>,
    /// Text questions graded again: each rubric concept.
    pub concepts: Vec<ConceptCounts>,
    /// Text questions graded again: how many passed and failed.
    pub regraded: Option<Regraded>,
    /// Text questions graded again: the distinct answers nearest the pass mark.
    pub nearest: Vec<NearAnswer>,
    /// What needs an author's eye, most urgent first.
    pub flags: Vec<Flag>,
}

/// How often one choice was picked.
#[derive(Debug, Serialize, PartialEq)]
pub struct ChoicePicks {
    /// Its letter in the bank (whatever letter the screen showed).
    pub letter: String,
    /// Whether it is a right answer; `None` when this version's key is not known.
    pub right: Option<bool>,
    /// Attempts that picked it.
    pub picks: usize,
    /// picks / attempts.
    pub rate: f64,
}

/// How one rubric concept fared over the answers graded again.
#[derive(Debug, Serialize, PartialEq)]
pub struct ConceptCounts {
    /// The concept's name (its first alternative).
    pub label: String,
    /// Answers that contain it.
    pub matched: usize,
    /// Answers without it.
    pub missed: usize,
    /// Answers that mention it only under a negation.
    pub negated: usize,
    /// Passing answers that lack it (missed or negated).
    pub unmatched_passing: usize,
    /// Failing answers that contain it.
    pub matched_failing: usize,
}

/// The verdicts of the answers graded again.
#[derive(Debug, Serialize, PartialEq)]
pub struct Regraded {
    /// The pass mark that applied.
    pub pass_mark: f64,
    /// Answers that pass.
    pub passing: usize,
    /// Answers that fail.
    pub failing: usize,
}

/// An answer near the pass mark, as graded again.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct NearAnswer {
    /// What the learner wrote.
    pub answer: String,
    /// Its score.
    pub score: f64,
    /// Whether it passes.
    pub passed: bool,
}

/// A question's key as a 128-bit hash, so finding a review's question takes one
/// lookup that reads no text of the banks (two keys hash alike with a probability of
/// about one in 10^38).
fn question_hash(bank: &str, question: &str) -> u128 {
    let mut key = [0u8; 256];
    let length = 8 + bank.len() + question.len();
    if length > key.len() {
        let mut hasher = xxhash_rust::xxh3::Xxh3::new();
        hasher.update(&(bank.len() as u64).to_le_bytes());
        hasher.update(bank.as_bytes());
        hasher.update(question.as_bytes());
        return hasher.digest128();
    }
    key[..8].copy_from_slice(&(bank.len() as u64).to_le_bytes());
    key[8..8 + bank.len()].copy_from_slice(bank.as_bytes());
    key[8 + bank.len()..length].copy_from_slice(question.as_bytes());
    xxhash_rust::xxh3::xxh3_128(&key[..length])
}

/// A question of the loaded banks.
struct Known<'a> {
    bank: &'a Bank,
    bank_index: u32,
    question: &'a Question,
    version: String,
}

/// What is counted of one version as the reviews stream by.
struct Tally {
    known: u32,
    version: Option<Box<str>>,
    /// `version`, to compare without its text.
    key: VersionKey,
    /// The next version of the same question (an index into the same tallies), or
    /// `NONE`.
    next: u32,
    /// Whether the question is answered in text.
    text: bool,
    /// The fingerprint of the rubric that grades its text answers again (when they
    /// are: a text question graded as it is now).
    rubric: Option<RubricKey>,
    /// The question's pass mark.
    pass_mark: f64,
    /// The current version, or a version not recorded: the bank's question is it.
    exact: bool,
    /// The bank's question grades it as it was graded (same grading part).
    graded_as_now: bool,
    attempts: usize,
    /// Summed in the order of the log when the parts are absorbed (a sum of floats
    /// depends on its order; every other count here does not).
    score_sum: f64,
    right: usize,
    picks: Vec<usize>,
    last: DateTime<Utc>,
}

/// No tally (the end of a question's versions).
const NONE: u32 = u32::MAX;

/// A version as a number when it is one recall writes (16 lower-case hex digits): two
/// keys of that kind are equal when their versions are; `Other` versions are compared
/// by their text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum VersionKey {
    /// Not recorded.
    Unrecorded,
    /// 16 lower-case hex digits, read as a number.
    Hex(u64),
    /// Any other text.
    Other,
}

impl VersionKey {
    fn of(version: Option<&str>) -> VersionKey {
        let Some(version) = version else {
            return VersionKey::Unrecorded;
        };
        if version.len() != 16 {
            return VersionKey::Other;
        }
        let mut bits = 0u64;
        for b in version.bytes() {
            let digit = match b {
                b'0'..=b'9' => b - b'0',
                b'a'..=b'f' => b - b'a' + 10,
                _ => return VersionKey::Other,
            };
            bits = (bits << 4) | u64::from(digit);
        }
        VersionKey::Hex(bits)
    }
}

impl Tally {
    /// Whether this tally is of `version`, whose key is `key`.
    fn is_of(&self, key: VersionKey, version: Option<&str>) -> bool {
        self.key == key && (key != VersionKey::Other || self.version.as_deref() == version)
    }

    /// Adds the counts of `other`, a tally of the same version (but its score sum).
    fn merge(&mut self, other: Tally) {
        self.attempts += other.attempts;
        self.right += other.right;
        if self.picks.len() < other.picks.len() {
            self.picks.resize(other.picks.len(), 0);
        }
        for (mine, theirs) in self.picks.iter_mut().zip(&other.picks) {
            *mine += theirs;
        }
        self.last = self.last.max(other.last);
    }
}

/// One answer, as discrimination needs it.
#[derive(Clone, Copy)]
struct Answer {
    learner: u32,
    at: i64,
    mode: Mode,
    question: u32,
    item: u32,
    score: f64,
}

/// A text answer to grade again: its item, its review's uuid (for the cache) and text.
struct ToGrade {
    /// Where the analysis met it, among the text answers.
    position: u32,
    item: u32,
    uuid: Option<u128>,
    answer: Box<str>,
}

/// What every reader of the log shares: the loaded questions and the cache, only read
/// while the log is.
struct Shared<'a> {
    grader: &'a Grader,
    /// Each question's index in `known`, by [`question_hash`].
    index: FxHashMap<u128, u32>,
    known: Vec<Known<'a>>,
    /// Per question, the fingerprint of its rubric, once a text answer needed it.
    rubrics: Vec<OnceLock<RubricKey>>,
    /// Per bank (its index in the library), what its derived rubrics are made from.
    bank_words: Vec<OnceLock<u64>>,
    cache: RegradeCache,
}

impl Shared<'_> {
    /// The fingerprint of the rubric of question `known`.
    fn rubric_of(&self, known: u32) -> RubricKey {
        *self.rubrics[known as usize].get_or_init(|| {
            let entry = &self.known[known as usize];
            let words = &self.bank_words[entry.bank_index as usize];
            rubric_key(entry.question, &entry.version, || {
                *words.get_or_init(|| bank_fingerprint(entry.bank))
            })
        })
    }
}

/// What was counted of a stretch of the log, by one reader ([`Reader`]): versions
/// and learners numbered as this part met them, made the analysis's own by
/// [`Analysis::absorb`].
#[derive(Default)]
pub struct Part {
    /// Per question (made at the first review), the first of its versions met, an
    /// index into `tallies` (`NONE`: none).
    heads: Vec<u32>,
    tallies: Vec<Tally>,
    learners: Vec<Box<str>>,
    learner_numbers: FxHashMap<Box<str>, u32>,
    /// The learner of the previous review: a log is mostly one learner's in a row.
    last_learner: Option<u32>,
    answers: Vec<Answer>,
    /// The time each of `answers` took, in milliseconds.
    durations: Vec<u32>,
    to_grade: Vec<ToGrade>,
    /// Per item, what the cache says its text answers did.
    regrades: FxHashMap<u32, Regrade>,
    /// The cache entries used: (entry, position of the text answer in this part).
    used: Vec<(u32, u32)>,
    cursor: Cursor,
    /// Text answers met.
    text_answers: u32,
    outside: usize,
}

impl Part {
    /// Counts one review.
    fn add(&mut self, shared: &Shared<'_>, review: &ReviewRef<'_>) {
        let Some(&known) = shared
            .index
            .get(&question_hash(review.bank, review.question))
        else {
            self.outside += 1;
            return;
        };
        let item = self.item(shared, known, review.version);
        let learner = self.learner(review.learner.unwrap_or(""));
        let right = review.suggested.unwrap_or(review.rating) != Rating::Again;
        let score = review.score.unwrap_or(if right { 1.0 } else { 0.0 });
        let (text, pass_mark) = {
            let tally = &self.tallies[item as usize];
            (tally.text, tally.pass_mark)
        };
        if let Some(rubric) = self.tallies[item as usize].rubric {
            let uuid = uuid_bits(review.uuid);
            let position = self.text_answers;
            self.text_answers += 1;
            let found = uuid.and_then(|uuid| shared.cache.find(&mut self.cursor, uuid, rubric));
            match found {
                Some((entry, outcome)) => {
                    self.used.push((entry, position));
                    let regrade = self.regrades.entry(item).or_default();
                    if regrade.labels.is_empty() {
                        let labels = shared.cache.labels(rubric).unwrap_or_default();
                        regrade.labels = labels.to_vec();
                    }
                    let concepts = regrade.labels.len();
                    regrade.add(
                        outcome.passed,
                        outcome.score,
                        pass_mark,
                        (0..concepts).map(|i| outcome.concept(i)),
                        review.answer,
                    );
                }
                None => self.to_grade.push(ToGrade {
                    position,
                    item,
                    uuid,
                    answer: review.answer.into(),
                }),
            }
        }
        let tally = &mut self.tallies[item as usize];
        tally.attempts += 1;
        tally.right += usize::from(right);
        tally.last = tally.last.max(review.reviewed_at);
        if !text {
            for letters in review.answer.split(',') {
                if let Some(choice) = letter_index(letters) {
                    if tally.picks.len() <= choice {
                        tally.picks.resize(choice + 1, 0);
                    }
                    tally.picks[choice] += 1;
                }
            }
        }
        self.answers.push(Answer {
            learner,
            at: review.reviewed_at.timestamp_micros(),
            mode: review.mode,
            question: known,
            item,
            score,
        });
        self.durations
            .push(u32::try_from(review.duration_ms).unwrap_or(u32::MAX));
    }

    /// The number of learner `id` in this part, given on first sight.
    fn learner(&mut self, id: &str) -> u32 {
        if let Some(number) = self.last_learner
            && *self.learners[number as usize] == *id
        {
            return number;
        }
        let number = match self.learner_numbers.get(id) {
            Some(&number) => number,
            None => {
                let next = self.learners.len() as u32;
                self.learners.push(id.into());
                self.learner_numbers.insert(id.into(), next);
                next
            }
        };
        self.last_learner = Some(number);
        number
    }

    /// The tally of `version` of question `known` in this part, made on first sight.
    fn item(&mut self, shared: &Shared<'_>, known: u32, version: Option<&str>) -> u32 {
        if self.heads.is_empty() {
            self.heads = vec![NONE; shared.known.len()];
        }
        let key = VersionKey::of(version);
        let head = &mut self.heads[known as usize];
        let mut item = *head;
        while item != NONE {
            let tally = &self.tallies[item as usize];
            if tally.is_of(key, version) {
                return item;
            }
            item = tally.next;
        }
        let item = self.tallies.len() as u32;
        let entry = &shared.known[known as usize];
        let current = &entry.version;
        let exact = version.is_none_or(|v| v == current);
        let graded_as_now =
            exact || version.is_some_and(|v| grading_part(v) == grading_part(current));
        let text = entry.question.is_text();
        self.tallies.push(Tally {
            known,
            version: version.map(Into::into),
            key,
            next: std::mem::replace(head, item),
            text,
            rubric: (text && graded_as_now).then(|| shared.rubric_of(known)),
            pass_mark: shared.grader.pass_mark(entry.question),
            exact,
            graded_as_now,
            attempts: 0,
            score_sum: 0.0,
            right: 0,
            picks: Vec::new(),
            last: DateTime::<Utc>::MIN_UTC,
        });
        item
    }
}

/// One reader of the log: it counts the reviews it is given into its own [`Part`],
/// while other readers count theirs (each part is a stretch of the log).
pub struct Reader<'s, 'a> {
    shared: &'s Shared<'a>,
    part: Part,
}

impl Reader<'_, '_> {
    /// Counts one review.
    pub fn add(&mut self, review: &ReviewRef<'_>) {
        self.part.add(self.shared, review);
    }

    /// What was counted, for [`Analysis::absorb`].
    pub fn into_part(self) -> Part {
        self.part
    }
}

/// An item analysis being fed reviews.
pub struct Analysis<'a> {
    shared: Shared<'a>,
    /// What [`Analysis::add`] counted, absorbed last.
    own: Part,
    /// Per question, the first of its versions, an index into `tallies` (`NONE`: none).
    heads: Vec<u32>,
    tallies: Vec<Tally>,
    learners: FxHashMap<Box<str>, u32>,
    answers: Vec<Answer>,
    /// The time each of `answers` took, in milliseconds.
    durations: Vec<u32>,
    to_grade: Vec<ToGrade>,
    /// Per item, what grading its text answers found so far (from the cache).
    regrades: FxHashMap<u32, Regrade>,
    /// Text answers met so far.
    text_answers: u32,
    outside: usize,
}

impl<'a> Analysis<'a> {
    /// An analysis of the questions of `library`, grading text answers with `grader`,
    /// or taking their grades from `cache` when it has them.
    pub fn new(library: &'a Library, grader: &'a Grader, cache: RegradeCache) -> Analysis<'a> {
        let mut index = FxHashMap::default();
        let mut known = Vec::new();
        for (bank_index, bank) in library.banks.iter().enumerate() {
            for question in &bank.questions {
                let serial = known.len() as u32;
                index.insert(question_hash(&bank.id, &question.id), serial);
                known.push(Known {
                    bank,
                    bank_index: bank_index as u32,
                    question,
                    version: question.version(&bank.synonyms),
                });
            }
        }
        Analysis {
            shared: Shared {
                grader,
                index,
                rubrics: (0..known.len()).map(|_| OnceLock::new()).collect(),
                known,
                bank_words: (0..library.banks.len()).map(|_| OnceLock::new()).collect(),
                cache,
            },
            own: Part::default(),
            heads: vec![NONE; library.banks.iter().map(|b| b.questions.len()).sum()],
            tallies: Vec::new(),
            learners: FxHashMap::default(),
            answers: Vec::new(),
            durations: Vec::new(),
            to_grade: Vec::new(),
            regrades: FxHashMap::default(),
            text_answers: 0,
            outside: 0,
        }
    }

    /// Counts one review (after every part absorbed).
    pub fn add(&mut self, review: &ReviewRef<'_>) {
        self.own.add(&self.shared, review);
    }

    /// A reader of a stretch of the log, to count it apart (on another thread) and be
    /// [`Analysis::absorb`]ed.
    pub fn reader(&self) -> Reader<'_, 'a> {
        Reader {
            shared: &self.shared,
            part: Part::default(),
        }
    }

    /// Takes in what a reader counted. Parts are absorbed in the order of the log (the
    /// regrade cache keeps that order, and sums of scores follow it).
    pub fn absorb(&mut self, part: Part) {
        let offset = self.text_answers;
        let items: Vec<u32> = part
            .tallies
            .into_iter()
            .map(|mut tally| {
                let head = &mut self.heads[tally.known as usize];
                let mut item = *head;
                while item != NONE {
                    let mine = &mut self.tallies[item as usize];
                    if mine.is_of(tally.key, tally.version.as_deref()) {
                        mine.merge(tally);
                        return item;
                    }
                    item = mine.next;
                }
                let item = self.tallies.len() as u32;
                tally.next = std::mem::replace(head, item);
                self.tallies.push(tally);
                item
            })
            .collect();
        let learners: Vec<u32> = part
            .learners
            .into_iter()
            .map(|id| {
                let next = self.learners.len() as u32;
                *self.learners.entry(id).or_insert(next)
            })
            .collect();
        let mut answers = part.answers;
        for answer in &mut answers {
            answer.item = items[answer.item as usize];
            answer.learner = learners[answer.learner as usize];
            self.tallies[answer.item as usize].score_sum += answer.score;
        }
        if self.answers.is_empty() {
            self.answers = answers;
            self.durations = part.durations;
        } else {
            self.answers.extend_from_slice(&answers);
            self.durations.extend_from_slice(&part.durations);
        }
        for (entry, position) in part.used {
            self.shared.cache.mark(entry, offset + position);
        }
        self.to_grade
            .extend(part.to_grade.into_iter().map(|answer| ToGrade {
                position: offset + answer.position,
                item: items[answer.item as usize],
                ..answer
            }));
        for (item, regrade) in part.regrades {
            self.regrades
                .entry(items[item as usize])
                .or_default()
                .merge(regrade);
        }
        self.text_answers += part.text_answers;
        self.outside += part.outside;
    }
    /// The report, with flags by `thresholds`, and the cache with what this run graded
    /// (for the caller to save).
    pub fn finish(mut self, thresholds: &Thresholds) -> (Report, RegradeCache) {
        let own = std::mem::take(&mut self.own);
        self.absorb(own);
        let regrades = self.regrade();
        // Each item's answer times together (before `units` sorts the answers).
        let durations = std::mem::take(&mut self.durations);
        let mut durations = group(
            self.answers.iter().map(|a| a.item).zip(durations),
            self.tallies.len(),
            0,
        );
        let units = if self.learners.len() >= 2 {
            Units::Learners
        } else {
            Units::Sessions
        };
        let (mut pairs, learners_per_item, unit_count) = self.units(units);
        let mut items: Vec<(u32, bool, Item)> = Vec::with_capacity(self.tallies.len());
        let mut regrades = regrades;
        for (index, tally) in self.tallies.iter_mut().enumerate() {
            let known = &self.shared.known[tally.known as usize];
            let question = known.question;
            let attempts = tally.attempts;
            let discrimination = discrimination(pairs.of(index));
            let choices = if question.is_text() {
                Vec::new()
            } else {
                let count = if tally.graded_as_now {
                    question.choices.len().max(tally.picks.len())
                } else {
                    tally.picks.len()
                };
                (0..count)
                    .map(|choice| {
                        let picks = tally.picks.get(choice).copied().unwrap_or(0);
                        ChoicePicks {
                            letter: letter(choice),
                            right: tally
                                .graded_as_now
                                .then(|| question.answer.contains(&choice)),
                            picks,
                            rate: share(picks, attempts),
                        }
                    })
                    .collect()
            };
            let regrade = regrades.remove(&(index as u32));
            let (concepts, regraded, nearest) = match regrade {
                Some(regrade) => regrade.into_parts(self.shared.grader.pass_mark(question)),
                None => (Vec::new(), None, Vec::new()),
            };
            let mut item = Item {
                bank: known.bank.id.clone(),
                question: question.id.clone(),
                kind: question.kind_name(),
                version: tally.version.as_deref().map(str::to_owned),
                current: tally.version.as_deref() == Some(known.version.as_str()),
                attempts,
                learners: learners_per_item[index],
                units: pairs.starts[index + 1] - pairs.starts[index],
                facility: tally.score_sum / attempts.max(1) as f64,
                right: share(tally.right, attempts),
                correlation: discrimination.correlation,
                efficiency: discrimination.efficiency,
                upper_lower: discrimination.upper_lower,
                median_ms: median(durations.of(index)),
                last_answered: tally.last,
                choices,
                concepts,
                regraded,
                nearest,
                flags: Vec::new(),
            };
            item.flags = flags::flags(&item, tally.exact, units, thresholds);
            items.push((tally.known, tally.exact, item));
        }
        let report = Report {
            units,
            learners: self.learners.len(),
            unit_count,
            attempts: self.answers.len(),
            outside_banks: self.outside,
            items: order(items),
        };
        (report, self.shared.cache)
    }

    /// Grades the text answers again, on every core (those the cache does not have),
    /// and counts per item what its concepts did; what was graded goes into the cache.
    fn regrade(&mut self) -> FxHashMap<u32, Regrade> {
        let to_grade = std::mem::take(&mut self.to_grade);
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
        let chunk = to_grade.len().div_ceil(threads).max(1);
        let (known, tallies, grader) = (&self.shared.known, &self.tallies, self.shared.grader);
        let parts: Vec<Graded> = std::thread::scope(|scope| {
            let workers: Vec<_> = to_grade
                .chunks(chunk)
                .map(|answers| {
                    scope.spawn(move || {
                        let mut graded = Graded::default();
                        for answer in answers {
                            let entry = &known[tallies[answer.item as usize].known as usize];
                            let grade = grader.grade(entry.bank, entry.question, &answer.answer);
                            let regrade = graded.regrades.entry(answer.item).or_default();
                            if regrade.labels.is_empty() {
                                regrade.labels =
                                    grade.concepts.iter().map(|c| c.label.clone()).collect();
                            }
                            regrade.add(
                                grade.passed,
                                grade.score,
                                grade.pass_mark,
                                grade
                                    .concepts
                                    .iter()
                                    .map(|c| (c.matched.is_some(), c.negated)),
                                &answer.answer,
                            );
                            if let (Some(uuid), Some(outcome)) = (answer.uuid, Outcome::of(&grade))
                            {
                                graded
                                    .outcomes
                                    .push((answer.position, answer.item, uuid, outcome));
                            }
                        }
                        graded
                    })
                })
                .collect();
            workers
                .into_iter()
                // A panic while grading is a bug: carry it on, as an unjoined thread would.
                .map(|w| w.join().unwrap_or_else(|p| std::panic::resume_unwind(p)))
                .collect()
        });
        let mut merged = std::mem::take(&mut self.regrades);
        for part in parts {
            for (item, regrade) in part.regrades {
                merged.entry(item).or_default().merge(regrade);
            }
            for (position, item, uuid, outcome) in part.outcomes {
                let known = self.tallies[item as usize].known as usize;
                let rubric = self.shared.rubrics[known].get().copied();
                if let (Some(key), Some(regrade)) = (rubric, merged.get(&item)) {
                    self.shared
                        .cache
                        .insert(position, uuid, key, &regrade.labels, outcome);
                }
            }
        }
        merged
    }

    /// The (item score, rest score) pairs of every item, the learners of every item and
    /// the number of units, by `units`.
    fn units(&mut self, units: Units) -> (Grouped<Pair>, Vec<usize>, usize) {
        // Learners in the order of their ids, so ties are broken the same in any run.
        let mut names: Vec<(&str, u32)> = self.learners.iter().map(|(n, &i)| (&**n, i)).collect();
        names.sort_unstable();
        let mut rank = vec![0u32; names.len()];
        for (position, (_, learner)) in names.iter().enumerate() {
            rank[*learner as usize] = position as u32;
        }
        let answers = &mut self.answers;
        answers.sort_unstable_by_key(|a| (rank[a.learner as usize], a.at, a.item));

        // (item, pair) in the order of the units, grouped by item at the end.
        let mut flat: Vec<(u32, Pair)> = Vec::with_capacity(answers.len());
        let mut learners = vec![0usize; self.tallies.len()];
        let mut last_learner = vec![u32::MAX; self.tallies.len()];
        for answer in answers.iter() {
            let item = answer.item as usize;
            if last_learner[item] != answer.learner {
                last_learner[item] = answer.learner;
                learners[item] += 1;
            }
        }

        let gap = SESSION_GAP_MINUTES * 60 * 1_000_000;
        let mut unit_count = 0u32;
        let mut start = 0;
        let mut per_question: FxHashMap<u32, (f64, u32)> = FxHashMap::default();
        let mut per_item: FxHashMap<u32, (f64, u32, u32)> = FxHashMap::default();
        while start < answers.len() {
            let first = &answers[start];
            let mut end = start + 1;
            while end < answers.len() {
                let (previous, next) = (&answers[end - 1], &answers[end]);
                let same = next.learner == first.learner
                    && (units == Units::Learners
                        || (next.at - previous.at <= gap && next.mode == previous.mode));
                if !same {
                    break;
                }
                end += 1;
            }
            per_question.clear();
            per_item.clear();
            for answer in &answers[start..end] {
                let q = per_question.entry(answer.question).or_default();
                q.0 += answer.score;
                q.1 += 1;
                let i = per_item
                    .entry(answer.item)
                    .or_insert((0.0, 0, answer.question));
                i.0 += answer.score;
                i.1 += 1;
            }
            let mean = |(sum, n): (f64, u32)| sum / f64::from(n);
            let total: f64 = per_question.values().map(|&q| mean(q)).sum();
            let count = per_question.len();
            if count >= 2 {
                for (&item, &(sum, n, question)) in &per_item {
                    let own = mean(per_question[&question]);
                    let pair = Pair {
                        item: mean((sum, n)),
                        rest: (total - own) / (count - 1) as f64,
                        unit: unit_count,
                    };
                    flat.push((item, pair));
                }
            }
            unit_count += 1;
            start = end;
        }
        let blank = Pair {
            item: 0.0,
            rest: 0.0,
            unit: 0,
        };
        let pairs = group(flat, self.tallies.len(), blank);
        (pairs, learners, unit_count as usize)
    }
}

/// What grading a version's answers again found.
#[derive(Default)]
struct Regrade {
    /// Per concept: matched, missed, negated, unmatched in a passing answer, matched in
    /// a failing one.
    concepts: Vec<[usize; 5]>,
    labels: Vec<String>,
    passing: usize,
    failing: usize,
    /// (distance to the pass mark, answer), nearest first, distinct answers.
    nearest: Vec<(f64, NearAnswer)>,
}

/// What one grading thread found: per item, and the outcomes to cache.
#[derive(Default)]
struct Graded {
    regrades: FxHashMap<u32, Regrade>,
    outcomes: Vec<(u32, u32, u128, Outcome)>,
}

impl Regrade {
    /// Counts one answer: its verdict, score, and per concept (matched, negated), in
    /// the order of `self.labels`.
    fn add(
        &mut self,
        passed: bool,
        score: f64,
        pass_mark: f64,
        concepts: impl Iterator<Item = (bool, bool)>,
        answer: &str,
    ) {
        if self.concepts.len() < self.labels.len() {
            self.concepts.resize(self.labels.len(), [0; 5]);
        }
        if passed {
            self.passing += 1;
        } else {
            self.failing += 1;
        }
        for (counts, (matched, negated)) in self.concepts.iter_mut().zip(concepts) {
            match (matched, negated) {
                (true, _) => counts[0] += 1,
                (false, false) => counts[1] += 1,
                (false, true) => counts[2] += 1,
            }
            counts[3] += usize::from(passed && !matched);
            counts[4] += usize::from(!passed && matched);
        }
        let distance = (score - pass_mark).abs();
        // Most answers are far from the mark: decide before copying the text.
        if self.nearest.len() == NEAREST
            && self
                .nearest
                .last()
                .is_some_and(|(d, n)| (*d, n.answer.as_str()) < (distance, answer))
        {
            return;
        }
        let near = NearAnswer {
            answer: answer.to_owned(),
            score,
            passed,
        };
        self.offer(distance, near);
    }

    /// Keeps `near` if it is among the [`NEAREST`] distinct answers nearest the mark.
    fn offer(&mut self, distance: f64, near: NearAnswer) {
        if self.nearest.len() == NEAREST
            && self
                .nearest
                .last()
                .is_some_and(|(d, n)| (*d, n.answer.as_str()) < (distance, near.answer.as_str()))
        {
            return;
        }
        if self.nearest.iter().any(|(_, n)| n.answer == near.answer) {
            return;
        }
        self.nearest.push((distance, near));
        self.nearest
            .sort_by(|(a, x), (b, y)| a.total_cmp(b).then_with(|| x.answer.cmp(&y.answer)));
        self.nearest.truncate(NEAREST);
    }

    fn merge(&mut self, other: Regrade) {
        if self.labels.is_empty() {
            self.labels = other.labels;
        }
        if self.concepts.len() < self.labels.len() {
            self.concepts.resize(self.labels.len(), [0; 5]);
        }
        for (mine, theirs) in self.concepts.iter_mut().zip(&other.concepts) {
            for (m, t) in mine.iter_mut().zip(theirs) {
                *m += t;
            }
        }
        self.passing += other.passing;
        self.failing += other.failing;
        for (distance, near) in other.nearest {
            self.offer(distance, near);
        }
    }

    fn into_parts(self, pass_mark: f64) -> (Vec<ConceptCounts>, Option<Regraded>, Vec<NearAnswer>) {
        let concepts = self
            .labels
            .into_iter()
            .zip(self.concepts)
            .map(|(label, c)| ConceptCounts {
                label,
                matched: c[0],
                missed: c[1],
                negated: c[2],
                unmatched_passing: c[3],
                matched_failing: c[4],
            })
            .collect();
        let regraded = Regraded {
            pass_mark,
            passing: self.passing,
            failing: self.failing,
        };
        let nearest = self.nearest.into_iter().map(|(_, n)| n).collect();
        (concepts, Some(regraded), nearest)
    }
}

/// Values grouped by item: item `i`'s are `values[starts[i]..starts[i + 1]]`.
struct Grouped<T> {
    values: Vec<T>,
    starts: Vec<usize>,
}

impl<T> Grouped<T> {
    /// Item `item`'s values.
    fn of(&mut self, item: usize) -> &mut [T] {
        &mut self.values[self.starts[item]..self.starts[item + 1]]
    }
}

/// `values` of `items` items grouped by item, each item's in the order given; `blank`
/// fills the space before it is written.
fn group<T: Copy>(
    values: impl IntoIterator<Item = (u32, T)> + Clone,
    items: usize,
    blank: T,
) -> Grouped<T> {
    let mut starts = vec![0usize; items + 1];
    for (item, _) in values.clone() {
        starts[item as usize + 1] += 1;
    }
    for item in 0..items {
        starts[item + 1] += starts[item];
    }
    let mut next = starts.clone();
    let mut grouped = vec![blank; starts[items]];
    for (item, value) in values {
        let at = &mut next[item as usize];
        grouped[*at] = value;
        *at += 1;
    }
    Grouped {
        values: grouped,
        starts,
    }
}

fn rfc3339<S: serde::Serializer>(time: &DateTime<Utc>, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.collect_str(&time.to_rfc3339_opts(chrono::SecondsFormat::Micros, true))
}

/// `part / whole`, or 0 when `whole` is 0.
fn share(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}

/// The median of `values` (the mean of the middle two for an even count); 0 for none.
fn median(values: &mut [u32]) -> f64 {
    if values.is_empty() {
        return 0.0;
    }
    values.sort_unstable();
    let middle = values.len() / 2;
    if values.len() % 2 == 1 {
        f64::from(values[middle])
    } else {
        (f64::from(values[middle - 1]) + f64::from(values[middle])) / 2.0
    }
}

/// Items in the order an author reads them: questions by their most urgent flag (of
/// the versions the bank has now: the current one, or answers of no recorded version),
/// then by how many flags, then most answered; within a question, the current version
/// first, then answers of no recorded version, then older versions, latest first.
fn order(items: Vec<(u32, bool, Item)>) -> Vec<Item> {
    let count = items.len();
    let mut questions: FxHashMap<u32, Vec<(bool, Item)>> = FxHashMap::default();
    for (known, exact, item) in items {
        questions.entry(known).or_default().push((exact, item));
    }
    let mut groups: Vec<Vec<(bool, Item)>> = questions.into_values().collect();
    let urgency = |group: &Vec<(bool, Item)>| {
        let live = || group.iter().filter(|(exact, _)| *exact).map(|(_, i)| i);
        let worst = live().flat_map(|i| &i.flags).map(|f| f.kind).min();
        let flags: usize = live().map(|i| i.flags.len()).sum();
        let attempts: usize = group.iter().map(|(_, i)| i.attempts).sum();
        let key = (group[0].1.bank.clone(), group[0].1.question.clone());
        // No flag sorts after every flag.
        (
            worst.is_none(),
            worst,
            std::cmp::Reverse(flags),
            std::cmp::Reverse(attempts),
            key,
        )
    };
    let mut keyed: Vec<_> = groups.drain(..).map(|g| (urgency(&g), g)).collect();
    keyed.sort_by(|a, b| a.0.cmp(&b.0));
    let mut ordered = Vec::with_capacity(count);
    for (_, mut group) in keyed {
        group.sort_by(|(_, a), (_, b)| {
            let rank = |i: &Item| match (i.current, &i.version) {
                (true, _) => 0,
                (false, None) => 1,
                (false, Some(_)) => 2,
            };
            rank(a)
                .cmp(&rank(b))
                .then(b.last_answered.cmp(&a.last_answered))
        });
        ordered.extend(group.into_iter().map(|(_, item)| item));
    }
    ordered
}

#[cfg(test)]
mod tests;
