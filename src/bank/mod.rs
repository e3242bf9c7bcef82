//! Question banks: the model, the loader and its diagnostics.
//!
//! `load` turns files, folders or the built-in banks into a [`Library`]: every bank that
//! is valid, and every problem found in any file (all of them, in one run). Nothing here
//! prints; `recall check` renders the diagnostics.

mod builtin;
mod load;
mod model;
mod raw;

pub use load::{MAX_FILE_BYTES, load_str};

use load::{Loaded, load_source};
pub use model::*;
pub use raw::json_schema;

use crate::diagnostic::{Diagnostic, Severity};
use crate::paths::BankSource;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// Every bank that loaded, and what was wrong with the rest.
#[derive(Debug, Default)]
pub struct Library {
    pub banks: Vec<Bank>,
    pub diagnostics: Vec<Diagnostic>,
    /// How many files were read.
    pub files: usize,
}

/// A failure to read what the user pointed at (as opposed to a problem inside a bank).
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("{path}: no such file or folder")]
    NotFound { path: PathBuf },
    #[error("cannot read {path}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
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

    /// The question `bank/question`, or `question` alone when only one bank has that id.
    /// The error says what exists instead.
    pub fn find(&self, key: &str) -> Result<(&Bank, &Question), String> {
        if let Some((bank_id, question_id)) = key.split_once('/') {
            let Some(bank) = self.bank(bank_id) else {
                let known: Vec<&str> = self.banks.iter().map(|b| b.id.as_str()).collect();
                return Err(format!(
                    "no bank `{bank_id}`{}",
                    suggest(bank_id, known.iter().copied())
                        .map(|s| format!("; did you mean `{s}`?"))
                        .unwrap_or_else(|| format!("; banks: {}", known.join(", ")))
                ));
            };
            return bank
                .questions
                .iter()
                .find(|q| q.id == question_id)
                .map(|q| (bank, q))
                .ok_or_else(|| {
                    let hint = suggest(question_id, bank.questions.iter().map(|q| q.id.as_str()))
                        .map(|s| format!("; did you mean `{bank_id}/{s}`?"))
                        .unwrap_or_else(|| format!("; `recall list` shows the banks, `recall render {bank_id}` its questions"));
                    format!("bank `{bank_id}` has no question `{question_id}`{hint}")
                });
        }
        let matches: Vec<(&Bank, &Question)> =
            self.questions().filter(|(_, q)| q.id == key).collect();
        match matches.as_slice() {
            [one] => Ok(*one),
            [] => Err(format!(
                "no question `{key}` in any bank{}",
                suggest(key, self.questions().map(|(_, q)| q.id.as_str()))
                    .map(|s| format!("; did you mean `{s}`?"))
                    .unwrap_or_default()
            )),
            many => Err(format!(
                "question id `{key}` is in several banks; write one of: {}",
                many.iter()
                    .map(|(b, q)| format!("{}/{}", b.id, q.id))
                    .collect::<Vec<_>>()
                    .join(", ")
            )),
        }
    }

    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }
}

/// Loads every bank from `source`.
pub fn load(source: &BankSource) -> Result<Library, LoadError> {
    let mut loaded = Vec::new();
    match source {
        BankSource::Builtin => {
            for (name, text) in builtin::BANKS {
                let path = PathBuf::from(format!("builtin:{name}"));
                loaded.push(load_source(&path, text));
            }
        }
        BankSource::Paths(paths) => {
            for file in bank_files(paths)? {
                loaded.push(read_file(&file)?);
            }
        }
    }
    Ok(collect(loaded))
}

/// Reads one bank file, refusing files over [`MAX_FILE_BYTES`] before reading them.
pub fn load_file(path: &Path) -> Result<(Option<Bank>, Vec<Diagnostic>), LoadError> {
    let loaded = read_file(path)?;
    Ok((loaded.bank, loaded.diagnostics))
}

fn read_file(path: &Path) -> Result<Loaded, LoadError> {
    let io = |source| LoadError::Io {
        path: path.to_owned(),
        source,
    };
    let size = std::fs::metadata(path).map_err(io)?.len();
    if size > MAX_FILE_BYTES {
        let d = Diagnostic::file(
            path,
            Severity::Error,
            format!(
                "file is {size} bytes, over the limit of {MAX_FILE_BYTES} bytes ({} MiB) for one bank",
                MAX_FILE_BYTES / (1024 * 1024)
            ),
        )
        .hint("split it into several banks (one file per lesson)");
        return Ok(Loaded::failed(d));
    }
    let bytes = std::fs::read(path).map_err(io)?;
    match String::from_utf8(bytes) {
        Ok(text) => Ok(load_source(path, &text)),
        Err(err) => {
            let valid = err.utf8_error().valid_up_to();
            let bytes = err.into_bytes();
            // The prefix up to `valid` is UTF-8 by definition of `valid_up_to`.
            let prefix = std::str::from_utf8(&bytes[..valid]).unwrap_or("");
            let d = Diagnostic::at(
                path,
                prefix,
                valid..valid,
                Severity::Error,
                format!(
                    "file is not UTF-8 (invalid byte 0x{:02X})",
                    bytes.get(valid).copied().unwrap_or(0)
                ),
            )
            .hint("save the file as UTF-8");
            Ok(Loaded::failed(d))
        }
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
            walk(path, &mut files)?;
        } else {
            files.push(path.clone());
        }
    }
    Ok(files)
}

fn walk(dir: &Path, files: &mut Vec<PathBuf>) -> Result<(), LoadError> {
    let io = |source| LoadError::Io {
        path: dir.to_owned(),
        source,
    };
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
        if path.is_dir() {
            walk(&path, files)?;
        } else if path.extension().is_some_and(|e| e == "toml") {
            files.push(path);
        }
    }
    Ok(())
}

/// The files' banks and diagnostics in one library. Two files with one bank id: the
/// second is an error at its `id`, naming the first file.
fn collect(loaded: Vec<Loaded>) -> Library {
    let mut library = Library {
        files: loaded.len(),
        ..Library::default()
    };
    let mut seen: HashMap<String, PathBuf> = HashMap::new();
    for file in loaded {
        library.diagnostics.extend(file.diagnostics);
        let Some(bank) = file.bank else { continue };
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
    }
    library
}

/// The closest of `candidates` to `word` when it is close enough to be a likely typo.
pub fn suggest<'a>(word: &str, candidates: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    let limit = (word.chars().count() / 3).max(1);
    candidates
        .map(|c| (edit_distance(word, c), c))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

/// Levenshtein distance in characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let old = row[j + 1];
            row[j + 1] = if ca == *cb {
                prev
            } else {
                1 + prev.min(row[j]).min(row[j + 1])
            };
            prev = old;
        }
    }
    row[b.len()]
}
