//! Grading text answers again: per version, what its rubric's concepts did over the
//! answers and the answers nearest the pass mark ([`Regrade`]), graded on every core or
//! taken from the regrade cache, or counted from what was recorded with the answers.

use rustc_hash::FxHashMap;

use crate::bank::Bank;

use super::cache::Outcome;
use super::report::{ConceptCounts, NearAnswer, Regraded};
use super::{Analysis, NEAREST};

impl Analysis<'_> {
    /// Grades the text answers again, on every core (those the cache does not have),
    /// and counts per item what its concepts did; what was graded goes into the cache.
    pub(super) fn regrade(&mut self) -> FxHashMap<u32, Regrade> {
        // The labels of the rubrics met (of answers recorded with their concepts'
        // outcomes, among others): kept in the cache, so the next run need not make
        // them.
        let shared = &mut self.shared;
        for (known, rubric) in shared.rubrics.iter().enumerate() {
            let Some(&rubric) = rubric.get() else {
                continue;
            };
            let bank = shared.known[known].bank_index as usize;
            let start = shared.bank_starts[bank] as usize;
            let made = shared.bank_labels[bank].get();
            let made = made.map(|labels| labels[known - start].as_slice());
            shared.cache.keep_labels(rubric, made);
        }
        let to_grade = std::mem::take(&mut self.to_grade);
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
        let chunk = to_grade.len().div_ceil(threads).max(1);
        let (known, tallies, grader) = (&self.shared.known, &self.tallies, self.shared.grader);
        // Each bank's rubrics are prepared by the first thread to grade one of its
        // answers while the others wait for it: share the banks out first.
        let mut banks: Vec<u32> = to_grade
            .iter()
            .map(|a| known[tallies[a.item as usize].known as usize].bank_index)
            .collect();
        banks.sort_unstable();
        banks.dedup();
        let firsts: FxHashMap<u32, &Bank> = known.iter().map(|k| (k.bank_index, k.bank)).collect();
        let parts: Vec<Graded> = std::thread::scope(|scope| {
            let (banks, firsts) = (&banks, &firsts);
            let workers: Vec<_> = to_grade
                .chunks(chunk)
                .enumerate()
                .map(|(worker, answers)| {
                    scope.spawn(move || {
                        for bank in banks.iter().skip(worker).step_by(threads) {
                            grader.prepare(firsts[bank]);
                        }
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
}

/// What grading a version's answers again found.
#[derive(Default)]
pub(super) struct Regrade {
    /// Per concept: matched, missed, negated, unmatched in a passing answer, matched in
    /// a failing one. In `u32`s, half the memory: a long log meets its versions at
    /// random, and each answer counted touches all of its version's counts.
    pub(super) concepts: Vec<[u32; 5]>,
    pub(super) labels: Vec<String>,
    pub(super) passing: usize,
    pub(super) failing: usize,
    /// (distance to the pass mark, answer), nearest first, distinct answers.
    pub(super) nearest: Vec<(f64, NearAnswer)>,
}

/// What one grading thread found: per item, and the outcomes to cache.
#[derive(Default)]
pub(super) struct Graded {
    pub(super) regrades: FxHashMap<u32, Regrade>,
    pub(super) outcomes: Vec<(u32, u32, u128, Outcome)>,
}

impl Regrade {
    /// Counts one answer: its verdict, score, and per concept (matched, negated), in
    /// the order of `self.labels`.
    pub(super) fn add(
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
        for (counts, (matched, negated)) in self.concepts.iter_mut().zip(concepts) {
            match (matched, negated) {
                (true, _) => counts[0] += 1,
                (false, false) => counts[1] += 1,
                (false, true) => counts[2] += 1,
            }
            counts[3] += u32::from(passed && !matched);
            counts[4] += u32::from(!passed && matched);
        }
        self.add_answer(passed, score, pass_mark, answer);
    }

    /// Counts one answer of `concepts` concepts from its outcome (recorded with it, or
    /// cached), without its labels: those are the rubric's, put in `self.labels`
    /// when the version's figures are made (`Version::figures`, on two threads).
    pub(super) fn add_outcome(
        &mut self,
        outcome: Outcome,
        concepts: usize,
        pass_mark: f64,
        answer: &str,
    ) {
        if self.concepts.len() < concepts {
            self.concepts.resize(concepts, [0; 5]);
        }
        let passed = outcome.passed;
        let mut states = outcome.states();
        for counts in &mut self.concepts[..concepts] {
            // 0 missed, 1 matched, 2 only negated (3, never written, as missed).
            let state = states & 3;
            states >>= 2;
            let matched = state == 1;
            counts[usize::from(state != 1) + usize::from(state == 2)] += 1;
            counts[3] += u32::from(passed & !matched);
            counts[4] += u32::from(!passed & matched);
        }
        self.add_answer(passed, outcome.score, pass_mark, answer);
    }

    /// Counts one answer's verdict, and keeps it if it is among the nearest the mark.
    fn add_answer(&mut self, passed: bool, score: f64, pass_mark: f64, answer: &str) {
        if passed {
            self.passing += 1;
        } else {
            self.failing += 1;
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
    pub(super) fn offer(&mut self, distance: f64, near: NearAnswer) {
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

    pub(super) fn merge(&mut self, other: Regrade) {
        if self.labels.is_empty() {
            self.labels = other.labels;
        }
        let concepts = self.labels.len().max(other.concepts.len());
        if self.concepts.len() < concepts {
            self.concepts.resize(concepts, [0; 5]);
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

    pub(super) fn into_parts(
        self,
        pass_mark: f64,
    ) -> (Vec<ConceptCounts>, Option<Regraded>, Vec<NearAnswer>) {
        let concepts = self
            .labels
            .into_iter()
            .zip(self.concepts)
            .map(|(label, c)| ConceptCounts {
                label,
                matched: c[0] as usize,
                missed: c[1] as usize,
                negated: c[2] as usize,
                unmatched_passing: c[3] as usize,
                matched_failing: c[4] as usize,
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
