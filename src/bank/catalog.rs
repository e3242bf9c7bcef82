//! The banks as a session chooses from them: every bank, and an outline of every
//! question (its id, kind, tier and tags), with the questions themselves left in the
//! bank cache until they are asked for.
//!
//! A drill over 100,000 questions asks a few hundred. [`Catalog::load`] reads only the
//! cache's index and heads (see `cache`), so choosing what to ask costs the outlines;
//! [`Catalog::library_of`] then decodes the questions chosen, each read from the cache
//! file by its place and checked against its own checksum, and
//! [`Catalog::full_bank`] one whole bank (what the grader weighs a bank's words with).
//! A question found damaged in the cache is read from its bank file instead, and the
//! cache is thrown away to be written again. A file parsed in this run (new, or changed)
//! keeps its questions in memory. [`Catalog::into_library`] decodes everything, as every
//! command that reads every question needs.

use super::cache::{self, Cached, InCache, Place};
use super::{Bank, CacheStats, KindName, Library, LoadError, Question, Tier};
use crate::diagnostic::Diagnostic;
use crate::paths::BankSource;
use std::path::Path;
use std::sync::Arc;

/// Every bank that loaded (without its questions), every question's outline, and what
/// was wrong with the rest.
pub struct Catalog {
    /// The banks that loaded, their `questions` empty (see [`Catalog::questions`]).
    pub banks: Vec<Bank>,
    /// Every question of every bank, bank by bank in file order.
    pub questions: Vec<Outline>,
    /// Every problem found, in every file, errors and warnings.
    pub diagnostics: Vec<Diagnostic>,
    /// How many files were read.
    pub files: usize,
    /// What the bank cache did while loading.
    pub cache: CacheStats,
    /// Per bank: where its outlines start in `questions`, and where its questions are.
    sources: Vec<(usize, Source)>,
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

/// Where one bank's questions are.
enum Source {
    /// Parsed in this run: in memory.
    Parsed(Vec<Question>),
    /// In the cache file, each at its place.
    Cached(Vec<Place>),
}

impl Catalog {
    /// Loads every bank from `source` through the cache at `cache` (see
    /// [`super::load_cached`]), leaving the questions of the files taken from the cache
    /// in it.
    pub fn load(source: &BankSource, cache: Option<&Path>) -> Result<Catalog, LoadError> {
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
        let mut questions = Vec::new();
        let mut sources = Vec::with_capacity(banks.len());
        for (index, (bank, in_cache)) in banks.iter_mut().zip(in_cache).enumerate() {
            let first = questions.len();
            let source = match in_cache {
                None => {
                    let parsed = std::mem::take(&mut bank.questions);
                    questions.extend(parsed.iter().map(|q| Outline {
                        bank: index,
                        id: q.id.clone(),
                        kind: q.kind_name(),
                        tier: q.tier,
                        tags: q.tags.clone(),
                    }));
                    Source::Parsed(parsed)
                }
                Some(InCache { outlines, start }) => {
                    let mut at = start;
                    let mut places = Vec::with_capacity(outlines.len());
                    for stored in outlines {
                        places.push(Place {
                            start: at,
                            len: stored.len,
                            checksum: stored.checksum,
                        });
                        at += u64::from(stored.len);
                        questions.push(Outline {
                            bank: index,
                            id: stored.id,
                            kind: stored.kind,
                            tier: stored.tier,
                            tags: stored.tags,
                        });
                    }
                    Source::Cached(places)
                }
            };
            sources.push((first, source));
        }
        Ok(Catalog {
            banks,
            questions,
            diagnostics: library.diagnostics,
            files: library.files,
            cache: stats,
            sources,
            cached,
        })
    }

    /// Whether any bank had an error (and so did not load).
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }

    /// The bank of `outline`.
    pub fn bank_of(&self, outline: &Outline) -> &Bank {
        &self.banks[outline.bank]
    }

    /// The outlines of the questions of bank `index` (of [`Catalog::banks`]).
    pub fn outlines(&self, index: usize) -> &[Outline] {
        let first = self.sources[index].0;
        let end = self
            .sources
            .get(index + 1)
            .map_or(self.questions.len(), |(next, _)| *next);
        &self.questions[first..end]
    }

    /// The library of every bank, with only the questions `wanted` takes (in file
    /// order); a bank none of whose questions are wanted is there without questions.
    pub fn library_of(&self, wanted: impl Fn(&Outline) -> bool) -> Result<Library, LoadError> {
        let mut banks = Vec::with_capacity(self.banks.len());
        for (index, bank) in self.banks.iter().enumerate() {
            let which: Vec<usize> = self
                .outlines(index)
                .iter()
                .enumerate()
                .filter(|(_, outline)| wanted(outline))
                .map(|(i, _)| i)
                .collect();
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
        let Some(index) = self.banks.iter().position(|b| b.id == id) else {
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
        let indexes: Vec<usize> = (0..self.banks.len()).collect();
        let mut all =
            cache::in_parallel(&indexes, |&index, buffer| match &self.sources[index].1 {
                Source::Parsed(_) => Ok(None),
                Source::Cached(_) => self.questions_of(index, None, buffer).map(Some),
            })?;
        let mut catalog = self;
        let mut banks = std::mem::take(&mut catalog.banks);
        for ((bank, (_, source)), decoded) in banks
            .iter_mut()
            .zip(std::mem::take(&mut catalog.sources))
            .zip(all.iter_mut())
        {
            bank.questions = match source {
                Source::Parsed(questions) => questions,
                Source::Cached(_) => decoded.take().unwrap_or_default(),
            };
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

    /// Bank `index`'s questions: those at the positions `which` (in the bank's order),
    /// or all. `buffer` is where cache bytes are read to.
    fn questions_of(
        &self,
        index: usize,
        which: Option<&[usize]>,
        buffer: &mut Vec<u8>,
    ) -> Result<Vec<Question>, LoadError> {
        let places = match &self.sources[index].1 {
            Source::Parsed(questions) => {
                return Ok(match which {
                    Some(which) => which.iter().map(|&i| questions[i].clone()).collect(),
                    None => questions.clone(),
                });
            }
            Source::Cached(places) => places,
        };
        let mut read = || -> Option<Vec<Question>> {
            let cached = self.cached.as_ref()?;
            match which {
                Some(which) => which
                    .iter()
                    .map(|&i| {
                        let place = places.get(i)?;
                        cached.read_into(place.start, u64::from(place.len), buffer)?;
                        cache::decode_question(buffer, place)
                    })
                    .collect(),
                None => {
                    let start = places.first().map_or(0, |p| p.start);
                    let end = places.last().map_or(start, |p| p.start + u64::from(p.len));
                    cached.read_into(start, end - start, buffer)?;
                    places
                        .iter()
                        .map(|place| {
                            let from = usize::try_from(place.start - start).ok()?;
                            let bytes = buffer.get(from..from + place.len as usize)?;
                            cache::decode_question(bytes, place)
                        })
                        .collect()
                }
            }
        };
        if let Some(questions) = read() {
            return Ok(questions);
        }
        // Damaged: the bank file says what the questions are, and the cache goes.
        if let Some(cached) = &self.cached {
            cached.discard();
        }
        let bank = &self.banks[index];
        let mut parsed = super::read_file(&bank.source)?
            .bank
            .map(|b| b.questions)
            .unwrap_or_default();
        Ok(match which {
            Some(which) => {
                let outlines = self.outlines(index);
                let ids: Vec<&str> = which.iter().map(|&i| outlines[i].id.as_str()).collect();
                parsed.retain(|q| ids.contains(&q.id.as_str()));
                parsed
            }
            None => parsed,
        })
    }
}
