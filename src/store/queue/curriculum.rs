//! The questions a queue chooses from, as it reads them: whether a question is one of
//! them, and each bank's questions by position, in order. The catalog of a drill or of
//! `recall due` answers from the bank cache's key tables without a pass over every
//! question (`cmd::chosen` implements [`Curriculum`] for it); a list of keys
//! ([`Listed`]) answers from the list, as the tests give it.

use super::*;
use std::cell::{Cell, OnceCell};

/// A question's key as a queue reads it: its bank's id and its own id. A drill hands
/// in borrowed pairs (`(&str, &str)`), so a curriculum of 100,000 questions costs no
/// key of its own; only the questions queued become [`QuestionKey`]s.
pub trait Keyed {
    /// The bank's id.
    fn bank(&self) -> &str;
    /// The question's id in its bank.
    fn question(&self) -> &str;
    /// The key, owned.
    fn to_key(&self) -> QuestionKey {
        QuestionKey::new(self.bank(), self.question())
    }
}

impl Keyed for QuestionKey {
    fn bank(&self) -> &str {
        &self.bank
    }

    fn question(&self) -> &str {
        &self.question
    }
}

impl Keyed for (&str, &str) {
    fn bank(&self) -> &str {
        self.0
    }

    fn question(&self) -> &str {
        self.1
    }
}

/// The questions a queue is built from, bank by bank: runs of one bank's questions
/// (a bank may come in several runs), each read by position.
pub trait Curriculum {
    /// Whether question `question` of bank `bank` is one of these.
    fn contains(&self, bank: &str, question: &str) -> bool;
    /// How many runs there are.
    fn runs(&self) -> usize;
    /// Run `run`'s bank id and number of questions.
    fn run(&self, run: usize) -> (&str, usize);
    /// The id of question `i` of run `run`.
    fn question(&self, run: usize, i: usize) -> Option<&str>;

    /// Whether there are no questions at all.
    fn is_empty(&self) -> bool {
        (0..self.runs()).all(|run| self.run(run).1 == 0)
    }

    /// Which of `wanted` are among these questions.
    fn known<'w>(
        &self,
        wanted: impl Iterator<Item = (&'w str, &'w str)>,
    ) -> FxHashSet<(&'w str, &'w str)> {
        wanted
            .filter(|&(bank, question)| self.contains(bank, question))
            .collect()
    }
}

/// A list of keys (bank by bank) as a [`Curriculum`]: its runs found once, and looked
/// up in a set of its keys once a few lookups by scanning have been made.
pub struct Listed<'a, K> {
    keys: &'a [K],
    /// Each run's start in `keys` and length.
    runs: Vec<(usize, usize)>,
    scans: Cell<usize>,
    set: OnceCell<FxHashSet<(&'a str, &'a str)>>,
}

impl<'a, K: Keyed> Listed<'a, K> {
    /// The runs of `keys`.
    pub fn new(keys: &'a [K]) -> Listed<'a, K> {
        let mut runs = Vec::new();
        let mut start = 0;
        while start < keys.len() {
            let bank = keys[start].bank();
            let len = keys[start..]
                .iter()
                .take_while(|key| key.bank() == bank)
                .count();
            runs.push((start, len));
            start += len;
        }
        Listed {
            keys,
            runs,
            scans: Cell::new(0),
            set: OnceCell::new(),
        }
    }

    /// The key at `i` of run `run`.
    pub(super) fn key(&self, run: usize, i: usize) -> &'a K {
        &self.keys[self.runs[run].0 + i]
    }
}

impl<K: Keyed> Curriculum for Listed<'_, K> {
    fn contains(&self, bank: &str, question: &str) -> bool {
        // The first few lookups (the first card due is nearly always of the banks)
        // scan; more build the set.
        if self.set.get().is_none() && self.scans.get() < 8 {
            self.scans.set(self.scans.get() + 1);
            return self
                .keys
                .iter()
                .any(|key| key.bank() == bank && key.question() == question);
        }
        self.set
            .get_or_init(|| {
                self.keys
                    .iter()
                    .map(|key| (key.bank(), key.question()))
                    .collect()
            })
            .contains(&(bank, question))
    }

    fn runs(&self) -> usize {
        self.runs.len()
    }

    fn run(&self, run: usize) -> (&str, usize) {
        let (start, len) = self.runs[run];
        (self.keys[start].bank(), len)
    }

    fn question(&self, run: usize, i: usize) -> Option<&str> {
        let (start, len) = self.runs[run];
        (i < len).then(|| self.keys[start + i].question())
    }

    /// One pass over the list, looked up in a set of `wanted` (fewer than the list):
    /// the list is not made into a set of its own.
    fn known<'w>(
        &self,
        wanted: impl Iterator<Item = (&'w str, &'w str)>,
    ) -> FxHashSet<(&'w str, &'w str)> {
        let wanted: FxHashSet<(&'w str, &'w str)> = wanted.collect();
        let found: FxHashSet<(&str, &str)> = self
            .keys
            .iter()
            .map(|key| (key.bank(), key.question()))
            .filter(|key| wanted.contains(key))
            .collect();
        wanted
            .into_iter()
            .filter(|key| found.contains(key))
            .collect()
    }
}
