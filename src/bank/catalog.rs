//! The banks as a session chooses from them: every bank, the keys of its questions
//! (their ids, by position and by id), an outline of every question (its id, kind, tier
//! and tags) when it is asked for, and the questions themselves left in the bank cache
//! until they are asked for.
//!
//! A drill over 100,000 questions asks a few hundred. [`Catalog::load_lean`] reads only
//! the cache's index and heads (see `cache`): each bank, where its pieces are, and its
//! number of questions. A bank's [`Keys`] are read (one read, checked) when the queue
//! first asks about it, so today's queue costs the banks it touches, and nothing is
//! decoded per question; [`Catalog::library_of_keys`] then decodes the questions chosen,
//! each read from the cache file by its place and checked against its own checksum.
//! What filters by tag, tier or kind, and what reports on every question, needs the
//! outlines: [`Catalog::load`] decodes them all (on all cores), as
//! [`Catalog::decode_outlines`] does for a lean catalog. [`Catalog::full_bank`] decodes
//! one whole bank (what the grader weighs a bank's words with), and
//! [`Catalog::into_library`] everything, as every command that reads every question
//! needs. A piece found damaged in the cache is read from its bank file instead, and
//! the cache is thrown away to be written again. A file parsed in this run (new, or
//! changed) keeps its questions in memory.

use super::Keys;
use super::cache::{self, Cached, InCache, Parts};
use super::{Bank, CacheStats, KindName, Library, LoadError, Question, Tier};
use crate::diagnostic::Diagnostic;
use crate::paths::BankSource;
use rustc_hash::FxHashMap;
use std::path::Path;
use std::sync::{Arc, OnceLock};

mod read;

/// Every bank that loaded (without its questions), the keys and outlines of their
/// questions, and what was wrong with the rest.
pub struct Catalog {
    /// The banks that loaded, their `questions` empty (see [`Catalog::questions`]).
    pub banks: Vec<Bank>,
    /// Every problem found, in every file, errors and warnings.
    pub diagnostics: Vec<Diagnostic>,
    /// How many files were read.
    pub files: usize,
    /// What the bank cache did while loading.
    pub cache: CacheStats,
    /// Every question's outline, bank by bank in file order, once decoded.
    outlines: Vec<Outline>,
    /// Per bank: where its outlines start in `outlines` (once decoded).
    starts: Vec<usize>,
    /// Whether `outlines` holds every question's.
    outlined: bool,
    /// Per bank: where its questions are.
    sources: Vec<Source>,
    /// Each bank's index, by id.
    by_id: FxHashMap<String, usize>,
    cached: Option<Arc<Cached>>,
}

/// One question of a [`Catalog`], without its content: what choosing it needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outline {
    /// Its bank, an index into [`Catalog::banks`].
    pub bank: usize,
    /// Its id in the bank.
    pub id: String,
    /// Its kind, as the bank file names it.
    pub kind: KindName,
    /// Its interview tier.
    pub tier: Option<Tier>,
    /// Its own tags (its bank's are the bank's).
    pub tags: Vec<String>,
}

/// Where one bank's questions are, and what of them was read.
struct Source {
    stored: Stored,
    /// Its questions' keys, once asked for.
    keys: OnceLock<Keys>,
    /// Its questions as its file gives them, once the cache's were found damaged: from
    /// then on, everything of the bank comes from these.
    reparsed: OnceLock<Vec<Question>>,
}

enum Stored {
    /// Parsed in this run: in memory.
    Parsed(Vec<Question>),
    /// In the cache file: the body that starts at `body` (in the questions region).
    Cached { body: u64, parts: Parts },
}

impl Catalog {
    /// Loads every bank from `source` through the cache at `cache` (see
    /// [`super::load_cached`]) with every question's outline, leaving the questions of
    /// the files taken from the cache in it.
    pub fn load(source: &BankSource, cache: Option<&Path>) -> Result<Catalog, LoadError> {
        let mut catalog = Catalog::load_lean(source, cache)?;
        catalog.decode_outlines()?;
        Ok(catalog)
    }

    /// [`Catalog::load`] without the outlines: the banks and where their questions are.
    /// [`Catalog::keys`] answers which questions there are; [`Catalog::decode_outlines`]
    /// gives the outlines when they are needed.
    pub fn load_lean(source: &BankSource, cache: Option<&Path>) -> Result<Catalog, LoadError> {
        let mut stats = CacheStats::default();
        let (files, cached) = match source {
            BankSource::Builtin => (super::builtin_files(), None),
            BankSource::Paths(paths) => {
                cache::load_files(&super::bank_files(paths)?, cache, &mut stats)?
            }
        };
        let (library, in_cache) = super::collect(
            files
                .into_iter()
                .map(|file| (file.loaded, file.questions))
                .collect(),
        );
        let mut banks = library.banks;
        let sources = banks
            .iter_mut()
            .zip(in_cache)
            .map(|(bank, in_cache)| Source {
                stored: match in_cache {
                    None => Stored::Parsed(std::mem::take(&mut bank.questions)),
                    Some(InCache { parts, start }) => Stored::Cached { body: start, parts },
                },
                keys: OnceLock::new(),
                reparsed: OnceLock::new(),
            })
            .collect();
        let by_id = banks
            .iter()
            .enumerate()
            .map(|(index, bank)| (bank.id.clone(), index))
            .collect();
        Ok(Catalog {
            banks,
            diagnostics: library.diagnostics,
            files: library.files,
            cache: stats,
            outlines: Vec::new(),
            starts: Vec::new(),
            outlined: false,
            sources,
            by_id,
            cached,
        })
    }

    /// Decodes every question's outline (on all cores), when not done yet.
    pub fn decode_outlines(&mut self) -> Result<(), LoadError> {
        if self.outlined {
            return Ok(());
        }
        let indexes: Vec<usize> = (0..self.banks.len()).collect();
        let decoded =
            cache::in_parallel(&indexes, |&index, buffer| self.read_outlines(index, buffer))?;
        self.starts = Vec::with_capacity(decoded.len());
        self.outlines = Vec::with_capacity(decoded.iter().map(Vec::len).sum());
        for (index, outlines) in decoded.into_iter().enumerate() {
            self.starts.push(self.outlines.len());
            self.outlines
                .extend(outlines.into_iter().map(|stored| Outline {
                    bank: index,
                    id: stored.id,
                    kind: stored.kind,
                    tier: stored.tier,
                    tags: stored.tags,
                }));
        }
        self.outlined = true;
        Ok(())
    }

    /// Whether any bank had an error (and so did not load).
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }

    /// Every question's outline, bank by bank in file order: empty for a lean catalog
    /// until [`Catalog::decode_outlines`].
    pub fn questions(&self) -> &[Outline] {
        debug_assert!(self.outlined, "a lean catalog's outlines were not decoded");
        &self.outlines
    }

    /// The bank of `outline`.
    pub fn bank_of(&self, outline: &Outline) -> &Bank {
        &self.banks[outline.bank]
    }

    /// The outlines of the questions of bank `index` (of [`Catalog::banks`]); empty for
    /// a lean catalog until [`Catalog::decode_outlines`].
    pub fn outlines(&self, index: usize) -> &[Outline] {
        let Some(&first) = self.starts.get(index) else {
            return &[];
        };
        let end = self
            .starts
            .get(index + 1)
            .map_or(self.outlines.len(), |next| *next);
        &self.outlines[first..end]
    }

    /// The index (in [`Catalog::banks`]) of the bank with id `id`.
    pub fn bank_index(&self, id: &str) -> Option<usize> {
        self.by_id.get(id).copied()
    }

    /// How many questions bank `index` has.
    pub fn count(&self, index: usize) -> usize {
        let source = &self.sources[index];
        if let Some(questions) = source.reparsed.get() {
            return questions.len();
        }
        match &source.stored {
            Stored::Parsed(questions) => questions.len(),
            Stored::Cached { parts, .. } => parts.count as usize,
        }
    }

    /// How many questions there are in all.
    pub fn len(&self) -> usize {
        (0..self.banks.len()).map(|index| self.count(index)).sum()
    }

    /// Whether there are no questions at all.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The library of every bank, with only the questions `wanted` takes (in file
    /// order); a bank none of whose questions are wanted is there without questions.
    /// Takes the outlines (see [`Catalog::outlines`]).
    pub fn library_of(&self, wanted: impl Fn(&Outline) -> bool) -> Result<Library, LoadError> {
        let which = (0..self.banks.len()).map(|index| {
            self.outlines(index)
                .iter()
                .enumerate()
                .filter(|(_, outline)| wanted(outline))
                .map(|(i, _)| i)
                .collect()
        });
        self.library_at(which.collect())
    }

    /// The library of every bank with all its questions, decoded on all cores, the
    /// catalog kept: no outline is needed (see [`Catalog::into_library`]).
    pub fn whole_library(&self) -> Result<Library, LoadError> {
        let indexes: Vec<usize> = (0..self.banks.len()).collect();
        let decoded = cache::in_parallel(&indexes, |&index, buffer| {
            self.questions_of(index, None, buffer)
        })?;
        let banks = self
            .banks
            .iter()
            .zip(decoded)
            .map(|(bank, questions)| Bank {
                questions,
                ..bank.clone()
            })
            .collect();
        Ok(self.library(banks))
    }

    /// The library of every bank, with only the questions of `keys` (bank id, question
    /// id) that are in it, in file order: the questions are found by their keys, and no
    /// outline is needed.
    pub fn library_of_keys<'k>(
        &self,
        keys: impl IntoIterator<Item = (&'k str, &'k str)>,
    ) -> Result<Library, LoadError> {
        let mut which: Vec<Vec<usize>> = vec![Vec::new(); self.banks.len()];
        for (bank, question) in keys {
            let Some(index) = self.bank_index(bank) else {
                continue;
            };
            if let Some(position) = self.keys(index)?.position(question) {
                which[index].push(position);
            }
        }
        for positions in &mut which {
            positions.sort_unstable();
            positions.dedup();
        }
        self.library_at(which)
    }

    /// The library of every bank with the questions at the positions `which` gives it.
    fn library_at(&self, which: Vec<Vec<usize>>) -> Result<Library, LoadError> {
        let mut banks = Vec::with_capacity(self.banks.len());
        for ((index, bank), which) in self.banks.iter().enumerate().zip(which) {
            let questions = if which.is_empty() {
                Vec::new()
            } else {
                self.questions_of(index, Some(&which), &mut Vec::new())?
            };
            banks.push(Bank {
                questions,
                ..bank.clone()
            });
        }
        Ok(self.library(banks))
    }

    /// The bank with id `id`, with all its questions.
    pub fn full_bank(&self, id: &str) -> Result<Option<Bank>, LoadError> {
        let Some(index) = self.bank_index(id) else {
            return Ok(None);
        };
        let questions = self.questions_of(index, None, &mut Vec::new())?;
        Ok(Some(Bank {
            questions,
            ..self.banks[index].clone()
        }))
    }

    /// Lets the catalog go without freeing it piece by piece, for a command done with
    /// it as its process ends: the system takes the memory back at once, where dropping
    /// 100,000 outlines (an id and tags each) cost `recall due` about a tenth of its
    /// time. Only for the end of a command; a long-lived caller drops it as usual.
    pub fn leave(self) {
        std::mem::forget(self);
    }

    /// The library with every question of every bank (decoded on all cores).
    pub fn into_library(self) -> Result<Library, LoadError> {
        let mut catalog = self;
        // The questions parsed in this run are moved, not copied.
        let parsed: Vec<Option<Vec<Question>>> = catalog
            .sources
            .iter_mut()
            .map(|source| match (&mut source.stored, source.reparsed.get()) {
                (Stored::Parsed(questions), None) => Some(std::mem::take(questions)),
                _ => None,
            })
            .collect();
        let indexes: Vec<usize> = (0..catalog.banks.len()).collect();
        let decoded = cache::in_parallel(&indexes, |&index, buffer| match parsed[index] {
            Some(_) => Ok(Vec::new()),
            None => catalog.questions_of(index, None, buffer),
        })?;
        let mut banks = std::mem::take(&mut catalog.banks);
        for ((bank, parsed), decoded) in banks.iter_mut().zip(parsed).zip(decoded) {
            bank.questions = parsed.unwrap_or(decoded);
        }
        Ok(catalog.library(banks))
    }

    fn library(&self, banks: Vec<Bank>) -> Library {
        Library {
            banks,
            diagnostics: self.diagnostics.clone(),
            files: self.files,
            cache: self.cache,
        }
    }
}
