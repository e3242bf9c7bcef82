//! The bank cache: loaded banks kept on disk so an unchanged file is never parsed twice.
//!
//! Parsing TOML is the slowest part of starting a session over a large curriculum
//! (100,000 questions are about a second of `toml` alone). The cache is one file beside
//! the progress database (`recall.db.bank-cache`, see [`path_for`]) holding, for every
//! bank file loaded, its path, size, modification time and 128-bit xxh3 hash of its
//! contents, and what loading it gave (the bank and its diagnostics, in a compact binary
//! encoding, `postcard`). Each run still reads and hashes every file (fast next to
//! parsing it): a file whose path, size, time and hash all match is taken from the
//! cache; any other file is parsed, so an edit shows at once even when it keeps the size
//! and the second of the modification time. Added files are parsed, removed ones
//! dropped from the cache when it is next written.
//!
//! The cache is only ever an optimisation: a missing, stale, corrupt or foreign cache
//! file is ignored (and replaced), and failing to write it is not an error. It is only
//! read when it is a regular file of at most [`MAX_CACHE_BYTES`]: whatever else is at its
//! path (a FIFO that would block every command, a link to `/dev/zero` that would fill
//! memory) is ignored the same way. Entries are
//! only valid for the loader that wrote them: the file records a stamp of recall's
//! version and of the loader's own source, so any change to how banks are read or
//! checked throws the whole cache away. It is written whole, to a temporary file then
//! renamed over the old one (`atomic_file`), so concurrent runs never see half a cache,
//! and the temporary file of a run that was killed is removed by the next. Entries for
//! files outside this run's paths are kept while those files exist, so `recall check
//! other/` does not evict the banks a drill uses.
//!
//! Files are read, hashed and parsed (or decoded) on all cores (`std::thread::scope`).
//! This module does no printing; it knows nothing of the store.

use super::load::Loaded;
use super::{FileBytes, LoadError, read_bounded};
use crate::diagnostic::{Diagnostic, Severity};
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::UNIX_EPOCH;

/// What the cache did during one load.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CacheStats {
    /// Files taken from the cache, unparsed.
    pub hits: usize,
    /// Files parsed (not in the cache, changed, or no cache in use).
    pub parsed: usize,
    /// Whether the cache file was (re)written.
    pub written: bool,
}

/// The cache file for the database at `database`: `<database>.bank-cache`.
pub fn path_for(database: &Path) -> PathBuf {
    let mut name = database.as_os_str().to_owned();
    name.push(".bank-cache");
    PathBuf::from(name)
}

const MAGIC: &[u8; 8] = b"rclbank1";

/// The largest cache file read (1 GiB; 100,000 questions make about 35 MB). A larger
/// one is ignored, and replaced when the cache is next written.
pub const MAX_CACHE_BYTES: u64 = 1 << 30;

/// What is at a cache file's path, as `recall doctor` reports it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CacheFile {
    /// Nothing.
    Missing,
    /// A cache this recall reads, of this many bytes.
    Usable(u64),
    /// Something this recall ignores: an older recall's cache, a damaged one, or not a
    /// regular file of a sane size (its size in bytes, 0 for what is not a file).
    Unusable(u64),
}

/// What is at the cache path `path` (read in full when it looks like a cache).
pub fn inspect(path: &Path) -> CacheFile {
    match std::fs::symlink_metadata(path) {
        Err(_) => CacheFile::Missing,
        Ok(_) => match read_cache_file(path) {
            Some(bytes) => {
                let size = bytes.len() as u64;
                match Cached::decode(bytes) {
                    Some(_) => CacheFile::Usable(size),
                    None => CacheFile::Unusable(size),
                }
            }
            None => CacheFile::Unusable(0),
        },
    }
}

/// The bytes of the file at `path` when it is a regular file (after following links) of
/// at most [`MAX_CACHE_BYTES`]; `None` for anything else, without waiting on it.
fn read_cache_file(path: &Path) -> Option<Vec<u8>> {
    use std::io::Read;
    // Look before opening: opening a FIFO blocks until something writes to it.
    let before = std::fs::metadata(path).ok()?;
    if !before.is_file() || before.len() > MAX_CACHE_BYTES {
        return None;
    }
    let file = std::fs::File::open(path).ok()?;
    // What was opened is what was looked at, not something swapped in since.
    let opened = file.metadata().ok()?;
    if !opened.is_file() {
        return None;
    }
    let mut bytes = Vec::with_capacity(opened.len().min(MAX_CACHE_BYTES) as usize);
    file.take(MAX_CACHE_BYTES + 1)
        .read_to_end(&mut bytes)
        .ok()?;
    (bytes.len() as u64 <= MAX_CACHE_BYTES).then_some(bytes)
}

/// Changes whenever recall's version, the code that turns a file into a `Loaded`, or
/// the `toml` crates whose messages diagnostics quote (their versions, from `build.rs`)
/// change, so a cache is never read by a loader that would load differently.
const STAMP: u64 = xxhash_rust::const_xxh3::xxh3_64(
    concat!(
        env!("CARGO_PKG_VERSION"),
        env!("RECALL_TOML_VERSIONS"),
        include_str!("load.rs"),
        include_str!("load/kinds.rs"),
        include_str!("load/rubric.rs"),
        include_str!("load/lexicon.rs"),
        include_str!("load/lint.rs"),
        include_str!("raw.rs"),
        include_str!("model.rs"),
        include_str!("mod.rs"),
        include_str!("cache.rs"),
        include_str!("../diagnostic.rs"),
        include_str!("../lang/mod.rs"),
        include_str!("../lang/distance.rs"),
        include_str!("../toml_error.rs"),
    )
    .as_bytes(),
);

/// What identifies one version of one file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct Key {
    size: u64,
    /// Modification time in nanoseconds since the epoch (0 when the system has none).
    modified: u128,
    hash: u128,
}

/// Where one file's entry is, after the index, and the xxh3 of its bytes: postcard has
/// no checksum of its own, and a damaged entry must be reparsed, never misread.
#[derive(Clone, Serialize, Deserialize)]
struct IndexEntry {
    path: PathBuf,
    key: Key,
    start: u64,
    end: u64,
    checksum: u64,
}

#[derive(Serialize, Deserialize)]
struct Index {
    stamp: u64,
    entries: Vec<IndexEntry>,
}

/// A [`Loaded`] as stored (`Diagnostic`'s own serde form is its JSON output).
#[derive(Serialize, Deserialize)]
struct CachedFile {
    bank: Option<super::Bank>,
    diagnostics: Vec<StoredDiagnostic>,
    id_site: Option<StoredDiagnostic>,
    lexicon: Option<super::Lexicon>,
}

#[derive(Serialize, Deserialize)]
struct StoredDiagnostic {
    file: String,
    line: usize,
    column: usize,
    bank: Option<String>,
    question: Option<String>,
    error: bool,
    message: String,
    hint: Option<String>,
    source_line: Option<String>,
}

impl From<&Diagnostic> for StoredDiagnostic {
    fn from(d: &Diagnostic) -> StoredDiagnostic {
        StoredDiagnostic {
            file: d.file.clone(),
            line: d.line,
            column: d.column,
            bank: d.bank.clone(),
            question: d.question.clone(),
            error: d.is_error(),
            message: d.message.clone(),
            hint: d.hint.clone(),
            source_line: d.source_line.clone(),
        }
    }
}

impl From<StoredDiagnostic> for Diagnostic {
    fn from(d: StoredDiagnostic) -> Diagnostic {
        Diagnostic {
            file: d.file,
            line: d.line,
            column: d.column,
            bank: d.bank,
            question: d.question,
            severity: if d.error {
                Severity::Error
            } else {
                Severity::Warning
            },
            message: d.message,
            hint: d.hint,
            source_line: d.source_line,
        }
    }
}

/// [`CachedFile`] as written: the same encoding, borrowing the bank instead of copying it.
#[derive(Serialize)]
struct EntryRef<'a> {
    bank: Option<&'a super::Bank>,
    diagnostics: Vec<StoredDiagnostic>,
    id_site: Option<StoredDiagnostic>,
    lexicon: Option<&'a super::Lexicon>,
}

fn encode(loaded: &Loaded) -> Option<Vec<u8>> {
    let entry = EntryRef {
        bank: loaded.bank.as_ref(),
        diagnostics: loaded.diagnostics.iter().map(Into::into).collect(),
        id_site: loaded.id_site.as_ref().map(Into::into),
        lexicon: loaded.lexicon.as_ref(),
    };
    postcard::to_stdvec(&entry).ok()
}

fn decode(bytes: &[u8]) -> Option<Loaded> {
    let entry: CachedFile = postcard::from_bytes(bytes).ok()?;
    Some(Loaded {
        bank: entry.bank,
        diagnostics: entry.diagnostics.into_iter().map(Into::into).collect(),
        id_site: entry.id_site.map(Into::into),
        lexicon: entry.lexicon,
    })
}

/// An open cache file: its index by path, and the bytes the entries are in.
struct Cached {
    index: HashMap<PathBuf, IndexEntry>,
    bytes: Vec<u8>,
    body: usize,
}

impl Cached {
    /// The cache at `path`, or `None` when it is missing or unusable.
    fn read(path: &Path) -> Option<Cached> {
        Cached::decode(read_cache_file(path)?)
    }

    /// A cache file's bytes, or `None` when they are not a cache this recall wrote.
    fn decode(bytes: Vec<u8>) -> Option<Cached> {
        let rest = bytes.strip_prefix(MAGIC)?;
        let (len, rest) = rest.split_first_chunk::<8>()?;
        let len = usize::try_from(u64::from_le_bytes(*len)).ok()?;
        let index: Index = postcard::from_bytes(rest.get(..len)?).ok()?;
        if index.stamp != STAMP {
            return None;
        }
        let body = MAGIC.len() + 8 + len;
        let index = index
            .entries
            .into_iter()
            .map(|entry| (entry.path.clone(), entry))
            .collect();
        Some(Cached { index, bytes, body })
    }

    /// The stored entry of `path` when its key is `key`.
    fn get(&self, path: &Path, key: &Key) -> Option<&[u8]> {
        let entry = self.index.get(path)?;
        if entry.key != *key {
            return None;
        }
        let start = self.body.checked_add(usize::try_from(entry.start).ok()?)?;
        let end = self.body.checked_add(usize::try_from(entry.end).ok()?)?;
        let bytes = self.bytes.get(start..end)?;
        (xxhash_rust::xxh3::xxh3_64(bytes) == entry.checksum).then_some(bytes)
    }
}

/// One file's result: what it loaded to, its key when it is cacheable, and for a parsed
/// file its encoded entry (empty for a hit, whose entry is copied from the old cache).
struct Done {
    loaded: Loaded,
    store: Option<(Key, Vec<u8>)>,
    hit: bool,
}

/// Loads `files` in order, through the cache at `cache` when given.
pub(super) fn load_files(
    files: &[PathBuf],
    cache: Option<&Path>,
    stats: &mut CacheStats,
) -> Result<Vec<Loaded>, LoadError> {
    if let Some(cache) = cache {
        crate::atomic_file::remove_stale(cache);
    }
    let old = cache.and_then(Cached::read);
    let results = in_parallel(files, |path, buffer| {
        load_one(path, buffer, old.as_ref(), cache.is_some())
    })?;
    let mut loaded = Vec::with_capacity(results.len());
    let mut fresh: Vec<(PathBuf, Key, Vec<u8>)> = Vec::new();
    let mut reused: Vec<(PathBuf, Key)> = Vec::new();
    for (path, done) in files.iter().zip(results) {
        if done.hit {
            stats.hits += 1;
        } else {
            stats.parsed += 1;
        }
        match done.store {
            Some((key, bytes)) if !done.hit => fresh.push((path.clone(), key, bytes)),
            Some((key, _)) => reused.push((path.clone(), key)),
            None => {}
        }
        loaded.push(done.loaded);
    }
    if let Some(cache) = cache {
        let here: HashSet<&PathBuf> = files.iter().collect();
        let gone = old
            .as_ref()
            .is_some_and(|old| old.index.keys().any(|p| !here.contains(p) && !p.exists()));
        if !fresh.is_empty() || gone {
            stats.written = write(cache, old.as_ref(), &here, fresh, reused).is_ok();
        }
    }
    Ok(loaded)
}

fn load_one(
    path: &Path,
    buffer: &mut Vec<u8>,
    old: Option<&Cached>,
    caching: bool,
) -> Result<Done, LoadError> {
    let meta = match read_bounded(path, buffer)? {
        FileBytes::Read(meta) => meta,
        FileBytes::Refused(loaded) => {
            return Ok(Done {
                loaded: *loaded,
                store: None,
                hit: false,
            });
        }
    };
    if !caching {
        return Ok(Done {
            loaded: super::parse_bytes(path, std::mem::take(buffer)),
            store: None,
            hit: false,
        });
    }
    let key = Key {
        size: meta.len(),
        modified: meta
            .modified()
            .ok()
            .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
            .map_or(0, |d| d.as_nanos()),
        hash: xxhash_rust::xxh3::xxh3_128(buffer),
    };
    if let Some(loaded) = old.and_then(|old| old.get(path, &key)).and_then(decode) {
        return Ok(Done {
            loaded,
            store: Some((key, Vec::new())),
            hit: true,
        });
    }
    let loaded = super::parse_bytes(path, std::mem::take(buffer));
    let store = encode(&loaded).map(|entry| (key, entry));
    Ok(Done {
        loaded,
        store,
        hit: false,
    })
}

/// `work` on every item, on up to as many threads as there are cores, results in order.
/// Each thread lends `work` one buffer to read files into.
fn in_parallel<T: Sync, R: Send>(
    items: &[T],
    work: impl Fn(&T, &mut Vec<u8>) -> Result<R, LoadError> + Sync,
) -> Result<Vec<R>, LoadError> {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(items.len());
    if threads <= 1 {
        let mut buffer = Vec::new();
        return items.iter().map(|item| work(item, &mut buffer)).collect();
    }
    let next = AtomicUsize::new(0);
    let mut indexed: Vec<(usize, Result<R, LoadError>)> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut mine = Vec::new();
                    let mut buffer = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(item) = items.get(i) else { break };
                        mine.push((i, work(item, &mut buffer)));
                    }
                    mine
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|worker| {
                worker
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            })
            .collect()
    });
    indexed.sort_unstable_by_key(|(i, _)| *i);
    indexed.into_iter().map(|(_, result)| result).collect()
}

/// Writes the new cache: this run's files (fresh entries, and reused ones copied from
/// the old cache), then the old cache's entries for other files that still exist.
fn write(
    cache: &Path,
    old: Option<&Cached>,
    here: &HashSet<&PathBuf>,
    fresh: Vec<(PathBuf, Key, Vec<u8>)>,
    reused: Vec<(PathBuf, Key)>,
) -> std::io::Result<()> {
    let mut body: Vec<u8> = Vec::new();
    let mut entries = Vec::new();
    let mut push = |path: PathBuf, key: Key, bytes: &[u8]| {
        let start = body.len() as u64;
        body.extend_from_slice(bytes);
        entries.push(IndexEntry {
            path,
            key,
            start,
            end: body.len() as u64,
            checksum: xxhash_rust::xxh3::xxh3_64(bytes),
        });
    };
    for (path, key, bytes) in fresh {
        push(path, key, &bytes);
    }
    if let Some(old) = old {
        for (path, key) in reused {
            if let Some(bytes) = old.get(&path, &key) {
                push(path, key, bytes);
            }
        }
        for (path, entry) in &old.index {
            if !here.contains(path)
                && path.exists()
                && let Some(bytes) = old.get(path, &entry.key)
            {
                push(path.clone(), entry.key.clone(), bytes);
            }
        }
    }
    let index = postcard::to_stdvec(&Index {
        stamp: STAMP,
        entries,
    })
    .map_err(std::io::Error::other)?;
    let mut out = Vec::with_capacity(MAGIC.len() + 8 + index.len() + body.len());
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&(index.len() as u64).to_le_bytes());
    out.extend_from_slice(&index);
    out.extend_from_slice(&body);
    if let Some(dir) = cache.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    crate::atomic_file::write(cache, &out)
}
