//! Item analysis: what the review log says about each question as a test item, for the
//! author who wrote it (the figures behind `recall items`).
//!
//! Per question version: attempts and learners, facility, discrimination (the corrected
//! item-total correlation, discriminative efficiency, the upper-lower 27% index), the
//! pick rate of each choice by its letter in the bank, how often each rubric concept was
//! matched, missed or negated (as recorded with each answer, or by grading the stored
//! answers again when it was not), the answers nearest
//! the pass mark and the median answer time; then the [`Flag`]s an author should look
//! at, most urgent first. The formulas are in `docs/items.md`.
//!
//! An [`Analysis`] takes reviews one at a time ([`Analysis::add`]) from wherever they
//! come (the store, or exported logs of several learners) and [`Analysis::finish`]es into
//! a [`Report`]; [`Analysis::read_store`] (through the log's [`LogColumns`]) and
//! [`Analysis::read_export`] feed it a whole log. Only questions of the loaded banks count. Nothing here prints; the verb does.

pub mod cache;
pub mod columns;
mod discrimination;
mod flags;
mod part;
mod regrade;
mod report;
mod units;

use std::collections::hash_map::Entry;
use std::path::Path;
use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use crate::bank::{Library, Question, letter};
use crate::grade::Grader;
use crate::logfile::ReadError;
use crate::store::{QuestionKey, ReviewRef, Store, StoreError};
use cache::RegradeCache;
use columns::LogColumns;
pub use discrimination::GROUP_SHARE;
use discrimination::{Pair, discrimination};
pub use flags::{Flag, FlagKind, Thresholds};
use part::{Answer, Known, NONE, Shared, Tally, ToGrade};
pub use part::{Part, Reader};
use regrade::Regrade;
pub use report::{ChoicePicks, ConceptCounts, Item, NearAnswer, Regraded, Report, Units};
use report::{median, order, share};
use units::group;

/// A learner's answers more than this far apart belong to two sessions.
pub const SESSION_GAP_MINUTES: i64 = 30;

/// How many answers nearest the pass mark an item lists.
pub const NEAREST: usize = 3;

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
        let questions = library.banks.iter().map(|b| b.questions.len()).sum();
        let mut index = FxHashMap::with_capacity_and_hasher(questions, Default::default());
        let mut known: Vec<Known<'a>> = Vec::with_capacity(questions);
        // Follow-ups count as the questions they are (logged as `question/follow-1`).
        for (bank, question) in library.questions_and_follow_ups() {
            // The bank's slot in `bank_words`: banks are met one after the other.
            let bank_index = match known.last() {
                Some(last) if std::ptr::eq(last.bank, bank) => last.bank_index,
                Some(last) => last.bank_index + 1,
                None => 0,
            };
            let serial = known.len() as u32;
            index.insert(QuestionKey::hash128(&bank.id, &question.id), serial);
            known.push(Known {
                bank,
                bank_index,
                question,
                version: OnceLock::new(),
            });
        }
        let known_count = known.len();
        // Each bank's first question: banks are met one after the other.
        let mut bank_starts = Vec::with_capacity(library.banks.len());
        for (serial, entry) in known.iter().enumerate() {
            if bank_starts.len() == entry.bank_index as usize {
                bank_starts.push(serial as u32);
            }
        }
        Analysis {
            shared: Shared {
                grader,
                index,
                rubrics: (0..known.len()).map(|_| OnceLock::new()).collect(),
                bank_starts,
                bank_labels: (0..library.banks.len()).map(|_| OnceLock::new()).collect(),
                known,
                bank_words: (0..library.banks.len()).map(|_| OnceLock::new()).collect(),
                cache,
                use_recorded: true,
            },
            own: Part::default(),
            heads: vec![NONE; known_count],
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

    /// Grades every text answer again with the current grader, instead of counting
    /// the concepts' outcomes recorded with it (`recall items --regrade`).
    pub fn regrade_all(&mut self) {
        self.shared.use_recorded = false;
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

    /// Counts the whole log of `store` through its columns (`columns`, brought up
    /// to the log first).
    pub fn read_store(
        &mut self,
        store: &Store,
        columns: &mut LogColumns,
    ) -> Result<(), StoreError> {
        columns.update(store)?;
        let me = store.identity()?.learner;
        self.read_columns(columns, &me);
        Ok(())
    }

    /// Counts every review of `columns`, two readers at once (one per half of the
    /// rows), absorbed in the log's order; `me` is the database's own learner.
    pub fn read_columns(&mut self, columns: &LogColumns, me: &str) {
        let rows = columns.rows();
        let split = rows / 2;
        let (lower, upper) = std::thread::scope(|scope| {
            let this = &*self;
            let upper = scope.spawn(move || this.reader().read_rows(columns, me, split..rows));
            // The lower part's answers take the upper's in when absorbed: room for all
            // of them now, so that does not copy the lower's again.
            let mut lower = this.reader();
            lower.part.answers.reserve(rows);
            lower.part.durations.reserve(rows);
            let lower = lower.read_rows(columns, me, 0..split);
            // A panic reading the upper half is a bug: carry it on.
            let upper = upper
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            (lower, upper)
        });
        self.absorb(lower);
        self.absorb(upper);
    }

    /// Counts every review of the export at `path` (`recall log export`); returns how
    /// many there were.
    pub fn read_export(&mut self, path: &Path) -> Result<u64, ReadError> {
        crate::logfile::read(path, |review| {
            self.add(&review.as_ref());
            Ok(())
        })
    }

    /// Takes in what a reader counted. Parts are absorbed in the order of the log (the
    /// regrade cache keeps that order, and sums of scores follow it).
    pub fn absorb(&mut self, part: Part) {
        let offset = self.text_answers;
        let mut tallies = part.tallies;
        for (tally, hot) in tallies.iter_mut().zip(&part.hot) {
            hot.count_into(tally);
        }
        let items: Vec<u32> = tallies
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
        // The sums apart from the tallies: a million additions touch 8 bytes per item,
        // not a tally each.
        let mut sums: Vec<f64> = self.tallies.iter().map(|t| t.score_sum).collect();
        for answer in &mut answers {
            answer.item = items[answer.item as usize];
            answer.learner = learners[answer.learner as usize];
            sums[answer.item as usize] += answer.score;
        }
        for (tally, sum) in self.tallies.iter_mut().zip(sums) {
            tally.score_sum = sum;
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
            // A version met first in this part takes its regrade as it is.
            match self.regrades.entry(items[item as usize]) {
                Entry::Vacant(entry) => {
                    entry.insert(regrade);
                }
                Entry::Occupied(mut entry) => entry.get_mut().merge(regrade),
            }
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
        let mut regrade_of: Vec<Option<Regrade>> = self.tallies.iter().map(|_| None).collect();
        for (item, regrade) in regrades {
            regrade_of[item as usize] = Some(regrade);
        }
        let mut versions: Vec<Version<'_>> = self
            .tallies
            .iter()
            .zip(pairs.slices())
            .zip(durations.slices())
            .zip(regrade_of)
            .zip(learners_per_item)
            .map(
                |((((tally, pairs), durations), regrade), learners)| Version {
                    tally,
                    pairs,
                    durations,
                    regrade,
                    learners,
                },
            )
            .collect();
        // The versions' figures are independent: half of them on another thread.
        let shared = &self.shared;
        let figures = move |versions: Vec<Version<'_>>| -> Vec<(u32, bool, Item)> {
            versions
                .into_iter()
                .map(|version| version.figures(shared, units, thresholds))
                .collect()
        };
        let second = versions.split_off(versions.len() / 2);
        let items = std::thread::scope(|scope| {
            let second = scope.spawn(move || figures(second));
            let mut items = figures(versions);
            // A panic here is a bug: carry it on.
            items.extend(
                second
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
            );
            items
        });
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
}

/// What one version's figures are made from: its tally, its (item, rest) pairs, its
/// answer times, what grading its text answers again found, and its learners.
struct Version<'t> {
    tally: &'t Tally,
    pairs: &'t mut [Pair],
    durations: &'t mut [u32],
    regrade: Option<Regrade>,
    learners: usize,
}

impl Version<'_> {
    /// The version's [`Item`] (with its flags), its question's number and whether the
    /// bank's question is it.
    fn figures(
        self,
        shared: &Shared<'_>,
        units: Units,
        thresholds: &Thresholds,
    ) -> (u32, bool, Item) {
        let tally = self.tally;
        let known = &shared.known[tally.known as usize];
        let question = known.question;
        let attempts = tally.attempts;
        let discrimination = discrimination(self.pairs);
        let (concepts, regraded, nearest) = match self.regrade {
            Some(mut regrade) => {
                // Counted from outcomes (recorded or cached): without the labels.
                if regrade.labels.is_empty()
                    && let Some(&rubric) = shared.rubrics[tally.known as usize].get()
                {
                    regrade.labels = shared.labels_of(tally.known, rubric).to_vec();
                }
                regrade.into_parts(shared.grader.pass_mark(question))
            }
            None => (Vec::new(), None, Vec::new()),
        };
        let mut item = Item {
            bank: known.bank.id.clone(),
            question: question.id.clone(),
            kind: question.kind_name(),
            version: tally.version.as_deref().map(str::to_owned),
            current: tally.version.as_deref() == Some(known.version()),
            attempts,
            learners: self.learners,
            units: self.pairs.len(),
            facility: tally.score_sum / attempts.max(1) as f64,
            right: share(tally.right, attempts),
            correlation: discrimination.correlation,
            efficiency: discrimination.efficiency,
            upper_lower: discrimination.upper_lower,
            median_ms: median(self.durations),
            last_answered: tally.last,
            choices: choices(question, tally),
            concepts,
            regraded,
            nearest,
            flags: Vec::new(),
        };
        item.flags = flags::flags(&item, tally.exact, units, thresholds);
        (tally.known, tally.exact, item)
    }
}

/// How often each choice of `question` was picked in `tally` (none for a text
/// question); every choice of the bank when it grades the version as it is now.
fn choices(question: &Question, tally: &Tally) -> Vec<ChoicePicks> {
    if question.is_text() {
        return Vec::new();
    }
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
                rate: share(picks, tally.attempts),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests;
