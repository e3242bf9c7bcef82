//! Question banks: the model, the loader and its diagnostics.
//!
//! `load` turns files, folders or the built-in banks into a [`Library`]: every bank that
//! is valid, and every problem found in any file (all of them, in one run). Nothing here
//! prints; `recall check` renders the diagnostics.

mod builtin;
pub mod cache;
mod catalog;
mod keys;
mod load;
mod model;
mod raw;
mod version;

pub use load::{MAX_FILE_BYTES, load_str};

pub use cache::CacheStats;
pub use catalog::{Catalog, Outline};
pub use keys::Keys;
use load::{Loaded, load_source};
pub use model::*;
pub use raw::json_schema;
pub use version::grading_part;

use crate::diagnostic::{Diagnostic, Severity};
use crate::lang::suggest;
use crate::paths::BankSource;
use std::collections::{HashMap, HashSet};
use std::io::Read;
use std::path::{Path, PathBuf};

/// Every bank that loaded, and what was wrong with the rest.
#[derive(Debug, Default)]
pub struct Library {
    /// The banks that loaded (a bank with an error does not).
    pub banks: Vec<Bank>,
    /// Every problem found, in every file, errors and warnings.
    pub diagnostics: Vec<Diagnostic>,
    /// How many files were read.
    pub files: usize,
    /// What the bank cache did while loading.
    pub cache: CacheStats,
}

/// A failure to read what the user pointed at (as opposed to a problem inside a bank).
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// A path given (or in `RECALL_BANKS`) does not exist.
    #[error("{path}: no such file or folder")]
    NotFound {
        /// The path.
        path: PathBuf,
    },
    /// A path exists but cannot be read.
    #[error("cannot read {path}")]
    Io {
        /// The path.
        path: PathBuf,
        /// Why it cannot be read.
        #[source]
        source: std::io::Error,
    },
}

/// Why [`Library::find`] found no question; each error says what exists instead.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FindError {
    /// `bank/question` names a bank that is not loaded.
    #[error("no bank `{bank}`; {}", match .suggestion {
        Some(s) => format!("did you mean `{s}`?"),
        None => format!("banks: {}", .banks.join(", ")),
    })]
    NoBank {
        /// The bank id asked for.
        bank: String,
        /// A loaded bank id close enough to be meant.
        suggestion: Option<String>,
        /// The loaded banks' ids.
        banks: Vec<String>,
    },
    /// `bank/question` names a question the bank does not have.
    #[error("bank `{bank}` has no question `{question}`; {}", match .suggestion {
        Some(s) => format!("did you mean `{bank}/{s}`?"),
        None => format!("`recall list` shows the banks, `recall render {bank}` its questions"),
    })]
    NotInBank {
        /// The bank id asked for.
        bank: String,
        /// The question id asked for.
        question: String,
        /// A question id of the bank close enough to be meant.
        suggestion: Option<String>,
    },
    /// A question id alone that no bank has.
    #[error("no question `{question}` in any bank{}", match .suggestion {
        Some(s) => format!("; did you mean `{s}`?"),
        None => String::new(),
    })]
    NoQuestion {
        /// The question id asked for.
        question: String,
        /// A question id close enough to be meant.
        suggestion: Option<String>,
    },
    /// A question id alone that several banks have.
    #[error("question id `{question}` is in several banks; write one of: {}", .keys.join(", "))]
    Ambiguous {
        /// The question id asked for.
        question: String,
        /// `bank/question` of each.
        keys: Vec<String>,
    },
}

impl Library {
    /// The bank with id `id`.
    pub fn bank(&self, id: &str) -> Option<&Bank> {
        self.banks.iter().find(|b| b.id == id)
    }

    /// Every question of every bank with its bank.
    pub fn questions(&self) -> impl Iterator<Item = (&Bank, &Question)> {
        self.banks
            .iter()
            .flat_map(|b| b.questions.iter().map(move |q| (b, q)))
    }

    /// Every question with its follow-ups after it ([`Question::with_follow_ups`]): what
    /// an author wrote, for `recall test`, and every key progress may be stored under.
    pub fn questions_and_follow_ups(&self) -> impl Iterator<Item = (&Bank, &Question)> {
        self.questions()
            .flat_map(|(b, q)| q.with_follow_ups().into_iter().map(move |q| (b, q)))
    }

    /// The question `bank/question` (a follow-up too, `bank/question/follow-1`), or
    /// `question` alone when only one bank has that id. The error says what exists
    /// instead.
    pub fn find(&self, key: &str) -> Result<(&Bank, &Question), FindError> {
        if let Some((bank_id, question_id)) = key.split_once('/') {
            let Some(bank) = self.bank(bank_id) else {
                let banks: Vec<&str> = self.banks.iter().map(|b| b.id.as_str()).collect();
                return Err(FindError::NoBank {
                    bank: bank_id.to_owned(),
                    suggestion: suggest(bank_id, banks.iter().copied()).map(str::to_owned),
                    banks: banks.into_iter().map(str::to_owned).collect(),
                });
            };
            // A follow-up is found by its full key, `bank/question/follow-1`.
            return bank
                .questions
                .iter()
                .flat_map(Question::with_follow_ups)
                .find(|q| q.id == question_id)
                .map(|q| (bank, q))
                .ok_or_else(|| FindError::NotInBank {
                    bank: bank_id.to_owned(),
                    question: question_id.to_owned(),
                    suggestion: suggest(question_id, bank.questions.iter().map(|q| q.id.as_str()))
                        .map(str::to_owned),
                });
        }
        let matches: Vec<(&Bank, &Question)> =
            self.questions().filter(|(_, q)| q.id == key).collect();
        match matches.as_slice() {
            [one] => Ok(*one),
            [] => Err(FindError::NoQuestion {
                question: key.to_owned(),
                suggestion: suggest(key, self.questions().map(|(_, q)| q.id.as_str()))
                    .map(str::to_owned),
            }),
            many => Err(FindError::Ambiguous {
                question: key.to_owned(),
                keys: many
                    .iter()
                    .map(|(b, q)| format!("{}/{}", b.id, q.id))
                    .collect(),
            }),
        }
    }

    /// Whether any bank had an error (and so did not load).
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }
}

/// Loads every bank from `source`, parsing every file.
pub fn load(source: &BankSource) -> Result<Library, LoadError> {
    load_cached(source, None)
}

/// Loads every bank from `source`; with a `cache` file, a bank file unchanged since it
/// was cached is not parsed again (see [`cache`]). Files are read and parsed in
/// parallel; the library is the same as [`load`]'s, in the same order. A command that
/// needs only some questions loads a [`Catalog`] instead.
pub fn load_cached(source: &BankSource, cache: Option<&Path>) -> Result<Library, LoadError> {
    Catalog::load(source, cache)?.into_library()
}

/// The built-in banks, parsed.
fn builtin_files() -> Vec<cache::FileLoad> {
    builtin::BANKS
        .iter()
        .map(|(name, text)| cache::FileLoad {
            loaded: load_source(&PathBuf::from(format!("builtin:{name}")), text),
            questions: None,
        })
        .collect()
}

/// Reads one bank file, refusing files over [`MAX_FILE_BYTES`] before reading them.
pub fn load_file(path: &Path) -> Result<(Option<Bank>, Vec<Diagnostic>), LoadError> {
    let loaded = read_file(path)?;
    Ok((loaded.bank, loaded.diagnostics))
}

fn read_file(path: &Path) -> Result<Loaded, LoadError> {
    let mut bytes = Vec::new();
    Ok(match read_bounded(path, &mut bytes)? {
        FileBytes::Read(_) => parse_bytes(path, bytes),
        FileBytes::Refused(loaded) => *loaded,
    })
}

/// What reading a bank file gave: its metadata (the bytes are in the caller's buffer),
/// or the refusal of a file too large to read.
enum FileBytes {
    Read(std::fs::Metadata),
    /// Over [`MAX_FILE_BYTES`]: the diagnostic that says so.
    Refused(Box<Loaded>),
}

/// Reads `path` whole into `bytes` (cleared first; reusing one buffer spares a large
/// curriculum an allocation per file), refusing a file over [`MAX_FILE_BYTES`] before
/// reading it.
fn read_bounded(path: &Path, bytes: &mut Vec<u8>) -> Result<FileBytes, LoadError> {
    let io = |source| LoadError::Io {
        path: path.to_owned(),
        source,
    };
    let too_large = |size: String| {
        let d = Diagnostic::file(
            path,
            Severity::Error,
            format!(
                "file is {size} bytes, over the limit of {MAX_FILE_BYTES} bytes ({} MiB) for one bank",
                MAX_FILE_BYTES / (1024 * 1024)
            ),
        )
        .hint("split it into several banks (one file per lesson)");
        Ok(FileBytes::Refused(Box::new(Loaded::failed(d))))
    };
    let file = std::fs::File::open(path).map_err(io)?;
    let meta = file.metadata().map_err(io)?;
    if meta.len() > MAX_FILE_BYTES {
        return too_large(meta.len().to_string());
    }
    // The size on disk is only a promise: a device (`/dev/zero`) says 0 and a file may
    // grow while it is read, so the read itself stops one byte past the limit.
    bytes.clear();
    bytes.reserve(meta.len() as usize);
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(bytes)
        .map_err(io)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return too_large(format!("more than {MAX_FILE_BYTES}"));
    }
    Ok(FileBytes::Read(meta))
}

/// A bank file's bytes, checked as UTF-8, parsed and validated.
fn parse_bytes(path: &Path, bytes: Vec<u8>) -> Loaded {
    match String::from_utf8(bytes) {
        Ok(text) => load_source(path, &text),
        Err(err) => Loaded::failed(Diagnostic::not_utf8(path, err.as_bytes(), err.utf8_error())),
    }
}

/// The `*.toml` files named or found (recursively, in sorted order) under `paths`.
fn bank_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>, LoadError> {
    let mut files = Vec::new();
    for path in paths {
        let meta = std::fs::metadata(path).map_err(|source| {
            if source.kind() == std::io::ErrorKind::NotFound {
                LoadError::NotFound { path: path.clone() }
            } else {
                LoadError::Io {
                    path: path.clone(),
                    source,
                }
            }
        })?;
        if meta.is_dir() {
            walk(path, &mut files, &mut HashSet::new())?;
        } else {
            files.push(path.clone());
        }
    }
    Ok(files)
}

/// Adds the `*.toml` regular files under `dir` to `files`. `visited` holds the real paths
/// of the folders walked so far, so a symbolic link back up the tree is not followed
/// round in circles; anything but a regular file (a FIFO would block the read forever)
/// is skipped.
fn walk(
    dir: &Path,
    files: &mut Vec<PathBuf>,
    visited: &mut HashSet<PathBuf>,
) -> Result<(), LoadError> {
    let io = |source| LoadError::Io {
        path: dir.to_owned(),
        source,
    };
    if !visited.insert(std::fs::canonicalize(dir).map_err(io)?) {
        return Ok(());
    }
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(io)?
        .map(|e| e.map(|e| e.path()))
        .collect::<Result<_, _>>()
        .map_err(io)?;
    entries.sort();
    for path in entries {
        let hidden = path
            .file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with('.'));
        if hidden {
            continue;
        }
        // Follows symbolic links; a dangling one is skipped like any non-file.
        let Ok(meta) = std::fs::metadata(&path) else {
            continue;
        };
        if meta.is_dir() {
            walk(&path, files, visited)?;
        } else if meta.is_file() && path.extension().is_some_and(|e| e == "toml") {
            files.push(path);
        }
    }
    Ok(())
}

/// The files' banks and diagnostics in one library. Two files with one bank id: the
/// second is an error at its `id`, naming the first file. A bank that names a lexicon
/// gets its synonyms; naming one that no file defines is an error at the bank's `id`.
/// Each file comes with a `T`; those of the banks that loaded come back in their order.
fn collect<T>(loaded: Vec<(Loaded, T)>) -> (Library, Vec<T>) {
    let mut library = Library {
        files: loaded.len(),
        ..Library::default()
    };
    let mut lexicons: HashMap<String, Lexicon> = HashMap::new();
    for lexicon in loaded.iter().filter_map(|(f, _)| f.lexicon.as_ref()) {
        if let Some(first) = lexicons.get(&lexicon.id) {
            library.diagnostics.push(
                Diagnostic::file(
                    &lexicon.source,
                    Severity::Error,
                    format!(
                        "lexicon id `{}` is already used by {}",
                        lexicon.id,
                        first.source.display()
                    ),
                )
                .hint("give each lexicon file its own id"),
            );
            continue;
        }
        lexicons.insert(lexicon.id.clone(), lexicon.clone());
    }
    let mut seen: HashMap<String, PathBuf> = HashMap::new();
    let mut extras = Vec::new();
    for (file, extra) in loaded {
        library.diagnostics.extend(file.diagnostics);
        let Some(mut bank) = file.bank else { continue };
        if let Some(name) = bank.lexicon.clone() {
            match lexicons.get(&name) {
                Some(lexicon) => bank.synonyms.extend(lexicon.synonyms.iter().cloned()),
                None => {
                    let site = file
                        .id_site
                        .clone()
                        .unwrap_or_else(|| Diagnostic::file(&bank.source, Severity::Error, ""));
                    let known: Vec<&str> = lexicons.keys().map(String::as_str).collect();
                    library.diagnostics.push(
                        Diagnostic {
                            message: format!(
                                "bank `{}` names lexicon `{name}`, which no loaded file defines",
                                bank.id
                            ),
                            ..site
                        }
                        .in_bank(Some(&bank.id))
                        .hint(match suggest(&name, known.iter().copied()) {
                            Some(s) => format!("did you mean `{s}`?"),
                            None => "load the lexicon file (a file with a [lexicon] table) with the bank, or remove `lexicon`".to_owned(),
                        }),
                    );
                    continue;
                }
            }
        }
        if let Some(first) = seen.get(&bank.id) {
            let message = format!(
                "bank id `{}` is already used by {}",
                bank.id,
                first.display()
            );
            let site = file
                .id_site
                .unwrap_or_else(|| Diagnostic::file(&bank.source, Severity::Error, ""));
            library.diagnostics.push(
                Diagnostic { message, ..site }
                    .in_bank(Some(&bank.id))
                    .hint("give each bank file its own [bank] id; progress is stored under it"),
            );
            continue;
        }
        seen.insert(bank.id.clone(), bank.source.clone());
        library.banks.push(bank);
        extras.push(extra);
    }
    (library, extras)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn library() -> Library {
        let bank = |id: &str, questions: &[&str]| Bank {
            id: id.to_owned(),
            title: id.to_owned(),
            lesson: None,
            module: None,
            description: None,
            tags: Vec::new(),
            questions: questions
                .iter()
                .map(|q| Question::new(*q, Kind::ShortAnswer, "p"))
                .collect(),
            synonyms: Vec::new(),
            lexicon: None,
            source: PathBuf::from(id),
        };
        Library {
            banks: vec![
                bank("docker", &["volume", "shared"]),
                bank("linux", &["cgroup", "shared"]),
            ],
            ..Library::default()
        }
    }

    fn error(key: &str) -> String {
        match library().find(key) {
            Ok((bank, question)) => panic!("found {}/{}", bank.id, question.id),
            Err(err) => err.to_string(),
        }
    }

    #[test]
    fn find_takes_a_key_or_an_unambiguous_id() {
        let library = library();
        let ids = |found: Result<(&Bank, &Question), FindError>| {
            found.map(|(b, q)| format!("{}/{}", b.id, q.id))
        };
        assert_eq!(
            ids(library.find("docker/volume")),
            Ok("docker/volume".to_owned())
        );
        assert_eq!(ids(library.find("cgroup")), Ok("linux/cgroup".to_owned()));
    }

    #[test]
    fn what_find_cannot_find_says_what_exists() {
        assert_eq!(
            error("dockr/volume"),
            "no bank `dockr`; did you mean `docker`?"
        );
        assert_eq!(error("python/x"), "no bank `python`; banks: docker, linux");
        assert_eq!(
            error("docker/volumes"),
            "bank `docker` has no question `volumes`; did you mean `docker/volume`?"
        );
        assert_eq!(
            error("docker/cgroup"),
            "bank `docker` has no question `cgroup`; `recall list` shows the banks, `recall render docker` its questions"
        );
        assert_eq!(
            error("volumes"),
            "no question `volumes` in any bank; did you mean `volume`?"
        );
        assert_eq!(error("xyz"), "no question `xyz` in any bank");
        assert_eq!(
            error("shared"),
            "question id `shared` is in several banks; write one of: docker/shared, linux/shared"
        );
    }
}
