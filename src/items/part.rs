//! Reading the log: each [`Reader`] counts a stretch of reviews into its own [`Part`]
//! (versions and learners numbered as it met them), for [`Analysis::absorb`] to make the
//! analysis's own; [`Shared`] is what every reader only reads (the loaded questions and
//! the regrade cache).

use std::ops::Range;
use std::sync::OnceLock;

use chrono::{DateTime, Utc};
use rustc_hash::FxHashMap;

use super::cache::{
    Cursor, Recorded, RegradeCache, RubricKey, bank_fingerprint, rubric_key, uuid_bits,
};
use super::columns::{self, LogColumns};
use super::regrade::Regrade;
use crate::bank::{Bank, Question, grading_part, letter_index};
use crate::grade::Grader;
use crate::schedule::Rating;
use crate::session::{Mode, QuestionKey};
use crate::store::ReviewRef;

/// A question of the loaded banks.
pub(super) struct Known<'a> {
    pub(super) bank: &'a Bank,
    pub(super) bank_index: u32,
    pub(super) question: &'a Question,
    /// Its version now, made when a review of it is met (most questions of a large
    /// library may have none).
    pub(super) version: OnceLock<String>,
}

impl Known<'_> {
    /// The question's version as the bank has it now.
    pub(super) fn version(&self) -> &str {
        self.version
            .get_or_init(|| self.question.version(&self.bank.synonyms))
    }
}

/// What is counted of one version as the reviews stream by.
pub(super) struct Tally {
    pub(super) known: u32,
    pub(super) version: Option<Box<str>>,
    /// `version`, to compare without its text.
    pub(super) key: VersionKey,
    /// The next version of the same question (an index into the same tallies), or
    /// `NONE`.
    pub(super) next: u32,
    /// The current version, or a version not recorded: the bank's question is it.
    pub(super) exact: bool,
    /// The bank's question grades it as it was graded (same grading part).
    pub(super) graded_as_now: bool,
    pub(super) attempts: usize,
    /// Summed in the order of the log when the parts are absorbed (a sum of floats
    /// depends on its order; every other count here does not).
    pub(super) score_sum: f64,
    pub(super) right: usize,
    pub(super) picks: Vec<usize>,
    pub(super) last: DateTime<Utc>,
}

/// No tally (the end of a question's versions).
pub(super) const NONE: u32 = u32::MAX;

/// A version as a number when it is one recall writes (16 lower-case hex digits): two
/// keys of that kind are equal when their versions are; `Other` versions are compared
/// by their text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum VersionKey {
    /// Not recorded.
    Unrecorded,
    /// 16 lower-case hex digits, read as a number.
    Hex(u64),
    /// Any other text.
    Other,
}

impl VersionKey {
    pub(super) fn of(version: Option<&str>) -> VersionKey {
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
    pub(super) fn is_of(&self, key: VersionKey, version: Option<&str>) -> bool {
        self.key == key && (key != VersionKey::Other || self.version.as_deref() == version)
    }

    /// Adds the counts of `other`, a tally of the same version (but its score sum).
    pub(super) fn merge(&mut self, other: Tally) {
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

/// What [`Part::take`] reads and counts of a version for each review, made with its
/// [`Tally`]; the counts are added to the tally's when the part is absorbed.
#[derive(Clone, Copy)]
pub(super) struct Hot {
    /// The fingerprint of the rubric that grades its text answers again (when they
    /// are: a text question graded as it is now).
    pub(super) rubric: Option<RubricKey>,
    /// The question's pass mark.
    pub(super) pass_mark: f64,
    pub(super) last: DateTime<Utc>,
    pub(super) known: u32,
    pub(super) attempts: u32,
    pub(super) right: u32,
    /// The version's entry in [`Part::regrades`], or `NONE`.
    pub(super) regrade: u32,
    /// How many concepts the rubric has (its labels' count), or `NONE` until a text
    /// answer needed it.
    pub(super) concepts: u32,
    /// Whether the question is answered in text.
    pub(super) text: bool,
}

impl Hot {
    /// How many concepts the version's rubric (whose fingerprint is `rubric`) has.
    fn concepts(&mut self, shared: &Shared<'_>, rubric: RubricKey) -> usize {
        if self.concepts == NONE {
            self.concepts = shared.labels_of(self.known, rubric).len() as u32;
        }
        self.concepts as usize
    }

    /// Adds what was counted to `tally`, the version's.
    pub(super) fn count_into(&self, tally: &mut Tally) {
        tally.attempts += self.attempts as usize;
        tally.right += self.right as usize;
        tally.last = tally.last.max(self.last);
    }
}

/// What [`Part::take`] counts of a review.
pub(super) struct Taken<'r> {
    /// Its rating (the one suggested, if any) is not Again.
    pub(super) right: bool,
    /// The grader's score, or 1 or 0 by `right`.
    pub(super) score: f64,
    pub(super) uuid: Option<u128>,
    pub(super) answer: &'r str,
    pub(super) at: DateTime<Utc>,
    pub(super) mode: Mode,
    pub(super) duration_ms: u32,
    /// What the rubric's concepts did, as recorded with the answer.
    pub(super) recorded: Option<Recorded>,
}

/// One answer, as discrimination needs it.
#[derive(Clone, Copy)]
pub(super) struct Answer {
    pub(super) learner: u32,
    pub(super) at: i64,
    pub(super) mode: Mode,
    pub(super) question: u32,
    pub(super) item: u32,
    pub(super) score: f64,
}

/// A text answer to grade again: its item, its review's uuid (for the cache) and text.
pub(super) struct ToGrade {
    /// Where the analysis met it, among the text answers.
    pub(super) position: u32,
    pub(super) item: u32,
    pub(super) uuid: Option<u128>,
    pub(super) answer: Box<str>,
}

/// What every reader of the log shares: the loaded questions and the cache, only read
/// while the log is.
pub(super) struct Shared<'a> {
    pub(super) grader: &'a Grader,
    /// Each question's index in `known`, by [`QuestionKey::hash128`].
    pub(super) index: FxHashMap<u128, u32>,
    pub(super) known: Vec<Known<'a>>,
    /// Per question, the fingerprint of its rubric, once a text answer needed it.
    pub(super) rubrics: Vec<OnceLock<RubricKey>>,
    /// Per bank (its index in the library), what its derived rubrics are made from.
    pub(super) bank_words: Vec<OnceLock<u64>>,
    /// Per bank (its index in the library), its first question in `known`, and the
    /// labels of its questions' concepts (in the order of `known`), made when an answer
    /// recorded with its concepts' outcomes needs them and the cache has not got them.
    pub(super) bank_starts: Vec<u32>,
    pub(super) bank_labels: Vec<OnceLock<Vec<Vec<String>>>>,
    pub(super) cache: RegradeCache,
    /// Whether the outcomes recorded with answers are counted (else every text answer
    /// is graded again: `recall items --regrade`).
    pub(super) use_recorded: bool,
}

impl Shared<'_> {
    /// The fingerprint of the rubric of question `known`.
    pub(super) fn rubric_of(&self, known: u32) -> RubricKey {
        *self.rubrics[known as usize].get_or_init(|| {
            let entry = &self.known[known as usize];
            let words = &self.bank_words[entry.bank_index as usize];
            rubric_key(entry.question, entry.version(), || {
                *words.get_or_init(|| bank_fingerprint(entry.bank))
            })
        })
    }

    /// The labels of the concepts of question `known`'s rubric, whose fingerprint is
    /// `rubric`: from the cache, else from the grader (for the whole bank at once).
    pub(super) fn labels_of(&self, known: u32, rubric: RubricKey) -> &[String] {
        self.cache
            .labels(rubric)
            .unwrap_or_else(|| self.made_labels(known))
    }

    /// The labels of the concepts of question `known`'s rubric, from the grader.
    fn made_labels(&self, known: u32) -> &[String] {
        let bank = self.known[known as usize].bank_index as usize;
        let start = self.bank_starts[bank] as usize;
        let labels = self.bank_labels[bank].get_or_init(|| {
            let end = self
                .bank_starts
                .get(bank + 1)
                .map_or(self.known.len(), |end| *end as usize);
            let questions: Vec<&Question> =
                self.known[start..end].iter().map(|k| k.question).collect();
            self.grader
                .concept_labels(self.known[start].bank, &questions)
        });
        &labels[known as usize - start]
    }
}

/// What was counted of a stretch of the log, by one reader ([`Reader`]): versions
/// and learners numbered as this part met them, made the analysis's own by
/// [`Analysis::absorb`].
#[derive(Default)]
pub struct Part {
    /// Per question (made at the first review), the first of its versions met, an
    /// index into `tallies` (`NONE`: none).
    pub(super) heads: Vec<u32>,
    pub(super) tallies: Vec<Tally>,
    /// Per tally, what each review of it reads and counts, in one place (a tally is
    /// several cache lines, and a long log meets its versions at random).
    pub(super) hot: Vec<Hot>,
    pub(super) learners: Vec<Box<str>>,
    pub(super) learner_numbers: FxHashMap<Box<str>, u32>,
    /// The learner of the previous review: a log is mostly one learner's in a row.
    pub(super) last_learner: Option<u32>,
    pub(super) answers: Vec<Answer>,
    /// The time each of `answers` took, in milliseconds.
    pub(super) durations: Vec<u32>,
    pub(super) to_grade: Vec<ToGrade>,
    /// What the cache says the text answers of an item did: (item, regrade), found from
    /// the item by its [`Hot::regrade`].
    pub(super) regrades: Vec<(u32, Regrade)>,
    /// The cache entries used: (entry, position of the text answer in this part).
    pub(super) used: Vec<(u32, u32)>,
    pub(super) cursor: Cursor,
    /// Text answers met.
    pub(super) text_answers: u32,
    pub(super) outside: usize,
}

impl Part {
    /// Counts one review.
    pub(super) fn add(&mut self, shared: &Shared<'_>, review: &ReviewRef<'_>) {
        let Some(&known) = shared
            .index
            .get(&QuestionKey::hash128(review.bank, review.question))
        else {
            self.outside += 1;
            return;
        };
        let item = self.item(shared, known, review.version);
        let learner = self.learner(review.learner.unwrap_or(""));
        let right = review.suggested.unwrap_or(review.rating) != Rating::Again;
        self.take(
            shared,
            item,
            learner,
            &Taken {
                right,
                score: review.score.unwrap_or(if right { 1.0 } else { 0.0 }),
                uuid: uuid_bits(review.uuid),
                answer: review.answer,
                at: review.reviewed_at,
                mode: review.mode,
                duration_ms: u32::try_from(review.duration_ms).unwrap_or(u32::MAX),
                recorded: review.concepts.and_then(Recorded::parse),
            },
        );
    }

    /// Counts one review of tally `item` by learner number `learner`.
    pub(super) fn take(
        &mut self,
        shared: &Shared<'_>,
        item: u32,
        learner: u32,
        review: &Taken<'_>,
    ) {
        let hot = &mut self.hot[item as usize];
        hot.attempts += 1;
        hot.right += u32::from(review.right);
        hot.last = hot.last.max(review.at);
        let (text, pass_mark, known) = (hot.text, hot.pass_mark, hot.known);
        if let Some(rubric) = hot.rubric {
            let position = self.text_answers;
            self.text_answers += 1;
            // Recorded with the answer (when those are counted, and of as many concepts
            // as the rubric has now), or else graded before (the cache).
            let recorded = review.recorded.filter(|recorded| {
                shared.use_recorded && recorded.count() == hot.concepts(shared, rubric)
            });
            let found = match recorded {
                Some(recorded) => Some((None, recorded.outcome(review.score, review.right))),
                None => review
                    .uuid
                    .and_then(|uuid| shared.cache.find(&mut self.cursor, uuid, rubric))
                    .map(|(entry, outcome)| (Some(entry), outcome)),
            };
            match found {
                Some((entry, outcome)) => {
                    if let Some(entry) = entry {
                        self.used.push((entry, position));
                    }
                    let hot = &mut self.hot[item as usize];
                    let concepts = hot.concepts(shared, rubric);
                    if hot.regrade == NONE {
                        hot.regrade = self.regrades.len() as u32;
                        self.regrades.push((item, Regrade::default()));
                    }
                    self.regrades[hot.regrade as usize].1.add_outcome(
                        outcome,
                        concepts,
                        pass_mark,
                        review.answer,
                    );
                }
                None => self.to_grade.push(ToGrade {
                    position,
                    item,
                    uuid: review.uuid,
                    answer: review.answer.into(),
                }),
            }
        }
        if !text {
            let tally = &mut self.tallies[item as usize];
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
            at: review.at.timestamp_micros(),
            mode: review.mode,
            question: known,
            item,
            score: review.score,
        });
        self.durations.push(review.duration_ms);
    }

    /// The number of learner `id` in this part, given on first sight.
    pub(super) fn learner(&mut self, id: &str) -> u32 {
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
    pub(super) fn item(&mut self, shared: &Shared<'_>, known: u32, version: Option<&str>) -> u32 {
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
        let current = entry.version();
        let exact = version.is_none_or(|v| v == current);
        let graded_as_now =
            exact || version.is_some_and(|v| grading_part(v) == grading_part(current));
        let text = entry.question.is_text();
        let rubric = (text && graded_as_now).then(|| shared.rubric_of(known));
        let pass_mark = shared.grader.pass_mark(entry.question);
        self.hot.push(Hot {
            rubric,
            pass_mark,
            last: DateTime::<Utc>::MIN_UTC,
            known,
            attempts: 0,
            right: 0,
            regrade: NONE,
            concepts: NONE,
            text,
        });
        self.tallies.push(Tally {
            known,
            version: version.map(Into::into),
            key,
            next: std::mem::replace(head, item),
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
    pub(super) shared: &'s Shared<'a>,
    pub(super) part: Part,
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

    /// Counts rows `rows` of `columns`, in their order; `me` is the database's own
    /// learner. Returns what was counted, for [`Analysis::absorb`].
    pub fn read_rows(mut self, columns: &LogColumns, me: &str, rows: Range<usize>) -> Part {
        const UNSEEN: u32 = NONE - 1;
        let (part, shared) = (&mut self.part, self.shared);
        part.answers.reserve(rows.len());
        part.durations.reserve(rows.len());
        // Each question version's tally and each learner's number, at first sight (as
        // reading the rows one by one would number them).
        let mut items = vec![UNSEEN; columns.keys().len()];
        let mut learners = vec![UNSEEN; columns.learners().len()];
        let mut own = UNSEEN;
        for i in rows {
            let row = columns.row(i);
            let mut item = items[row.key as usize];
            if item == UNSEEN {
                let (bank, question, version) = &columns.keys()[row.key as usize];
                item = match shared.index.get(&QuestionKey::hash128(bank, question)) {
                    Some(&known) => part.item(shared, known, version.as_deref()),
                    None => NONE,
                };
                items[row.key as usize] = item;
            }
            if item == NONE {
                part.outside += 1;
                continue;
            }
            let number = match row.learner {
                columns::OWN => &mut own,
                other => &mut learners[other as usize],
            };
            if *number == UNSEEN {
                *number = part.learner(match row.learner {
                    columns::OWN => me,
                    other => &columns.learners()[other as usize],
                });
            }
            let taken = Taken {
                right: row.right,
                score: row.score,
                uuid: row.uuid,
                answer: row.answer,
                at: DateTime::from_timestamp_micros(row.at).unwrap_or(DateTime::<Utc>::MIN_UTC),
                mode: row.mode,
                duration_ms: row.duration_ms,
                recorded: row.recorded,
            };
            part.take(shared, item, *number, &taken);
        }
        self.part
    }
}
