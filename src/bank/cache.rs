//! The bank cache: loaded banks kept on disk so an unchanged file is never parsed twice.
//!
//! Parsing TOML is the slowest part of starting a session over a large curriculum
//! (100,000 questions are about a second of `toml` alone). The cache is one file beside
//! the progress database (`recall.db.bank-cache`, see [`path_for`]) holding, for every
//! bank file loaded, what the filesystem said of it (size, modification and change
//! times in nanoseconds, device and inode), when that was read, the 128-bit xxh3 hash of
//! its contents, and what loading it gave, in a compact binary encoding (`postcard`):
//! a head (the bank without its questions, its diagnostics, its number of questions and
//! where the pieces of its body are) in the heads region, and a body in the questions
//! region: each question encoded on its own, then the outlines of its questions (id,
//! kind, tier, tags), its keys (`bank::Keys`: the ids, by position and by id) and each
//! question's place (offset, length, xxh3), every piece with its own checksum (see
//! `cache/format.rs`). Opening the cache reads its index and the heads only; a bank's
//! keys or outlines are read when asked for, and a question by its place (see
//! `catalog`), so a drill that asks a few hundred questions of 100,000 decodes a few
//! hundred, and reads the keys of the banks its queue touches. (A memory map would
//! spare even those reads, but needs `unsafe`, which recall forbids.)
//!
//! As git's index does, a file whose metadata is all unchanged is taken from the cache
//! without being read; any other file is read and hashed, and taken from the cache when
//! its hash matches, else parsed. The change time is what no `touch -d` can set back, so
//! an edit shows at once even when it keeps the size and the modification time. Git's
//! racy-timestamp rule guards what metadata cannot see: a file modified less than two
//! seconds before the run that cached it started could have been modified again within
//! the same tick of the filesystem's clock, so it is hashed every time until a run finds
//! it settled (and records that). Added files are parsed, removed ones dropped from the
//! cache when it is next written.
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
//! Files are read, hashed and parsed (or their heads decoded) on all cores
//! (`std::thread::scope`).
//! This module does no printing; it knows nothing of the store.

use super::load::Loaded;
use super::{Bank, FileBytes, Keys, KindName, Lexicon, LoadError, Question, Tier, read_bounded};
use crate::diagnostic::{Diagnostic, Severity};
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};
use std::fs::File;
use std::io::{Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::UNIX_EPOCH;

/// What the cache did during one load.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CacheStats {
    /// Files taken from the cache, unparsed.
    pub hits: usize,
    /// Of the hits, files not even read: their metadata (size, times, inode) proved
    /// them unchanged.
    pub trusted: usize,
    /// Files parsed (not in the cache, changed, or no cache in use).
    pub parsed: usize,
    /// Whether the cache file was (re)written.
    pub written: bool,
}

/// The cache file for the database at `database`: `<database>.bank-cache`.
pub fn path_for(database: &Path) -> PathBuf {
    crate::paths::beside(database, ".bank-cache")
}

const MAGIC: &[u8; 8] = b"rclbank4";

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

/// What is at the cache path `path` (its index and heads read when it looks like a
/// cache).
pub fn inspect(path: &Path) -> CacheFile {
    if std::fs::symlink_metadata(path).is_err() {
        return CacheFile::Missing;
    }
    if let Some(cached) = Cached::open(path) {
        return CacheFile::Usable(cached.length);
    }
    match std::fs::metadata(path) {
        Ok(meta) if meta.is_file() && meta.len() <= MAX_CACHE_BYTES => {
            CacheFile::Unusable(meta.len())
        }
        _ => CacheFile::Unusable(0),
    }
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
        include_str!("cache/format.rs"),
        include_str!("catalog.rs"),
        include_str!("catalog/read.rs"),
        include_str!("keys.rs"),
        include_str!("../diagnostic.rs"),
        include_str!("../lang/mod.rs"),
        include_str!("../lang/distance.rs"),
        include_str!("../toml_error.rs"),
    )
    .as_bytes(),
);

/// What the filesystem says of one file, as git's index keeps it: enough that a file
/// whose every field is unchanged (and not racy, see [`Stat::settled_at`]) need not be
/// read again.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
struct Stat {
    size: u64,
    /// Modification time in nanoseconds since the epoch (0 when the system has none).
    modified: i128,
    /// Change time (of the inode) in nanoseconds since the epoch: unlike the
    /// modification time, no `touch -d` can set it back. 0 where there is none.
    changed: i128,
    device: u64,
    inode: u64,
}

/// How long before a run started a file must have last changed for its metadata to be
/// trusted: above the coarsest timestamps a filesystem keeps (2 s on FAT) and the lag
/// of the kernel's coarse clock behind the system's.
const SETTLED_NS: i128 = 2_000_000_000;

impl Stat {
    /// The metadata of the file at `meta`.
    fn of(meta: &std::fs::Metadata) -> Stat {
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt as _;
            let ns = |secs: i64, nanos: i64| i128::from(secs) * 1_000_000_000 + i128::from(nanos);
            Stat {
                size: meta.size(),
                modified: ns(meta.mtime(), meta.mtime_nsec()),
                changed: ns(meta.ctime(), meta.ctime_nsec()),
                device: meta.dev(),
                inode: meta.ino(),
            }
        }
        #[cfg(not(unix))]
        {
            Stat {
                size: meta.len(),
                modified: meta
                    .modified()
                    .ok()
                    .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
                    .map_or(0, |d| d.as_nanos() as i128),
                changed: 0,
                device: 0,
                inode: 0,
            }
        }
    }

    /// Whether this metadata, read at or after `seen` (ns since the epoch), proves the
    /// file unchanged whenever it is found again: git's racy-timestamp rule. A file
    /// modified (or changed) less than [`SETTLED_NS`] before `seen` could be modified
    /// again within the same tick of the filesystem's clock, after it was read, without
    /// any of these fields changing; such a file is hashed every time until it settles.
    /// Without an inode and a change time (not Unix), metadata proves nothing.
    fn settled_at(&self, seen: i128) -> bool {
        cfg!(unix)
            && self.modified.max(self.changed) > 0
            && self.modified.max(self.changed) + SETTLED_NS < seen
    }
}

/// What identifies one version of one file: its metadata when it was read, the time
/// the run that read it started (ns since the epoch, taken before the file was looked
/// at), and the 128-bit xxh3 of its bytes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct Key {
    stat: Stat,
    seen: i128,
    hash: u128,
}

impl Key {
    /// Whether `stat` (read now) proves the file is still the one this key was made of.
    fn trusts(&self, stat: &Stat) -> bool {
        self.stat == *stat && self.stat.settled_at(self.seen)
    }
}

/// An open cache file: its index by path and its heads, read; the questions stay in
/// the file until asked for ([`Cached::read`]).
pub(super) struct Cached {
    index: HashMap<PathBuf, IndexEntry>,
    heads: Vec<u8>,
    /// Where the questions region starts in the file, and the file's length.
    questions_at: u64,
    length: u64,
    file: Mutex<File>,
    path: PathBuf,
}

impl Cached {
    /// The cache at `path`, or `None` when it is missing or unusable. Only its index and
    /// heads are read. Looks before opening (opening a FIFO blocks until something
    /// writes to it), and checks that what was opened is what was looked at.
    fn open(path: &Path) -> Option<Cached> {
        let before = std::fs::metadata(path).ok()?;
        if !before.is_file() || before.len() > MAX_CACHE_BYTES {
            return None;
        }
        let mut file = File::open(path).ok()?;
        let opened = file.metadata().ok()?;
        if !opened.is_file() || opened.len() > MAX_CACHE_BYTES {
            return None;
        }
        let length = opened.len();
        let mut header = [0u8; 16];
        file.read_exact(&mut header).ok()?;
        let (magic, len) = header.split_at(8);
        if magic != MAGIC {
            return None;
        }
        let len = u64::from_le_bytes(len.try_into().ok()?);
        let body = 16u64.checked_add(len)?;
        if body > length {
            return None;
        }
        let mut index = vec![0u8; len as usize];
        file.read_exact(&mut index).ok()?;
        let index: Index = postcard::from_bytes(&index).ok()?;
        if index.stamp != STAMP {
            return None;
        }
        let questions_at = body.checked_add(index.heads)?;
        if questions_at > length {
            return None;
        }
        let mut heads = vec![0u8; index.heads as usize];
        file.read_exact(&mut heads).ok()?;
        Some(Cached {
            index: index
                .entries
                .into_iter()
                .map(|entry| (entry.path.clone(), entry))
                .collect(),
            heads,
            questions_at,
            length,
            file: Mutex::new(file),
            path: path.to_owned(),
        })
    }

    /// The stored key and head of `path`, when its head is intact.
    fn entry(&self, path: &Path) -> Option<(&IndexEntry, &[u8])> {
        let entry = self.index.get(path)?;
        let start = usize::try_from(entry.head.start).ok()?;
        let end = usize::try_from(entry.head.end).ok()?;
        let bytes = self.heads.get(start..end)?;
        (xxhash_rust::xxh3::xxh3_64(bytes) == entry.head_checksum).then_some((entry, bytes))
    }

    /// Reads `len` bytes of the questions region from `start` (relative to the region)
    /// into `buffer` (replacing what it held); `None` when they are not all in the file.
    pub(super) fn read_into(&self, start: u64, len: u64, buffer: &mut Vec<u8>) -> Option<()> {
        let at = self.questions_at.checked_add(start)?;
        if at.checked_add(len)? > self.length {
            return None;
        }
        buffer.clear();
        buffer.resize(usize::try_from(len).ok()?, 0);
        let mut file = self.file.lock().ok()?;
        file.seek(SeekFrom::Start(at)).ok()?;
        file.read_exact(buffer).ok()
    }

    /// Reads `piece` of the body that starts at `body` into `buffer`, when it is all in
    /// the file and its checksum is right.
    pub(super) fn read_piece(&self, body: u64, piece: &Piece, buffer: &mut Vec<u8>) -> Option<()> {
        self.read_into(body.checked_add(piece.start)?, piece.len, buffer)?;
        (xxhash_rust::xxh3::xxh3_64(buffer) == piece.checksum).then_some(())
    }

    /// Throws the cache away (it was found damaged): the next run writes a new one.
    pub(super) fn discard(&self) {
        let _ = std::fs::remove_file(&self.path);
    }
}

/// One file as loaded: what it loaded to (its bank, if any, without its questions when
/// they are still in the cache) and, then, where they are.
pub(super) struct FileLoad {
    pub loaded: Loaded,
    pub questions: Option<InCache>,
}

/// A file's questions still in the cache: where its body starts in the questions
/// region, and where the body's pieces are.
pub(super) struct InCache {
    pub parts: Parts,
    pub start: u64,
}

/// One file's result: what it loaded to, and, when it is cacheable, its key and what
/// the new cache keeps of it.
struct Done {
    file: FileLoad,
    store: Option<(Key, Entry)>,
}

/// What the new cache keeps of one file of this run.
enum Entry {
    /// The file was parsed: its freshly encoded head and questions.
    Parsed(Vec<u8>, Vec<u8>),
    /// The old cache's entry, unchanged. `refresh` when the key is new and worth writing:
    /// the file was hashed (its metadata changed, or was racy) and would be trusted
    /// from its metadata next time, where its old key would not be.
    Reused { refresh: bool },
    /// The old cache's entry, read from the metadata alone.
    Trusted,
}

/// Loads `files` in order, through the cache at `cache` when given; also gives the
/// cache that was read, where the questions of the files taken from it are.
pub(super) fn load_files(
    files: &[PathBuf],
    cache: Option<&Path>,
    stats: &mut CacheStats,
) -> Result<(Vec<FileLoad>, Option<Arc<Cached>>), LoadError> {
    // Before any file is looked at: what a file's metadata is compared with.
    let seen = std::time::SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos() as i128);
    if let Some(cache) = cache {
        crate::atomic_file::remove_stale(cache);
    }
    let old = cache.and_then(Cached::open);
    let results = in_parallel(files, |path, buffer| {
        load_one(path, buffer, old.as_ref(), cache.is_some(), seen)
    })?;
    let mut loaded = Vec::with_capacity(results.len());
    let mut fresh: Vec<(PathBuf, Key, Vec<u8>, Vec<u8>)> = Vec::new();
    let mut reused: Vec<(PathBuf, Key)> = Vec::new();
    let mut refresh = false;
    for (path, done) in files.iter().zip(results) {
        match done.store {
            Some((key, Entry::Parsed(head, questions))) => {
                stats.parsed += 1;
                fresh.push((path.clone(), key, head, questions));
            }
            Some((key, entry)) => {
                stats.hits += 1;
                match entry {
                    Entry::Trusted => stats.trusted += 1,
                    Entry::Reused { refresh: true } => refresh = true,
                    _ => {}
                }
                reused.push((path.clone(), key));
            }
            None => stats.parsed += 1,
        }
        loaded.push(done.file);
    }
    if let Some(cache) = cache {
        let here: HashSet<&PathBuf> = files.iter().collect();
        let gone = old
            .as_ref()
            .is_some_and(|old| old.index.keys().any(|p| !here.contains(p) && !p.exists()));
        if !fresh.is_empty() || gone || refresh {
            stats.written = write(cache, old.as_ref(), &here, fresh, reused).is_ok();
        }
    }
    Ok((loaded, old.map(Arc::new)))
}

/// Loads one file: from the old cache without reading it when its metadata is trusted
/// ([`Key::trusts`]), else read and hashed, and from the old cache when its bytes are
/// the same, else parsed. From the cache, only the head is decoded.
fn load_one(
    path: &Path,
    buffer: &mut Vec<u8>,
    old: Option<&Cached>,
    caching: bool,
    seen: i128,
) -> Result<Done, LoadError> {
    let cached = old.and_then(|old| old.entry(path));
    let from_cache = |entry: &IndexEntry, head: &[u8]| {
        decode_head(head).map(|(loaded, parts)| FileLoad {
            loaded,
            questions: Some(InCache {
                parts,
                start: entry.questions.start,
            }),
        })
    };
    if let Some((entry, head)) = cached {
        // Follows links, as opening the file does.
        let trusted = std::fs::metadata(path)
            .is_ok_and(|meta| meta.is_file() && entry.key.trusts(&Stat::of(&meta)));
        if let Some(file) = trusted.then(|| from_cache(entry, head)).flatten() {
            return Ok(Done {
                file,
                store: Some((entry.key.clone(), Entry::Trusted)),
            });
        }
    }
    let parsed = |loaded: Loaded| FileLoad {
        loaded,
        questions: None,
    };
    let meta = match read_bounded(path, buffer)? {
        FileBytes::Read(meta) => meta,
        FileBytes::Refused(loaded) => {
            return Ok(Done {
                file: parsed(*loaded),
                store: None,
            });
        }
    };
    if !caching {
        return Ok(Done {
            file: parsed(super::parse_bytes(path, std::mem::take(buffer))),
            store: None,
        });
    }
    let stat = Stat::of(&meta);
    let key = Key {
        stat,
        seen,
        hash: xxhash_rust::xxh3::xxh3_128(buffer),
    };
    if let Some((entry, head)) = cached
        && entry.key.stat.size == key.stat.size
        && entry.key.hash == key.hash
        && let Some(file) = from_cache(entry, head)
    {
        let refresh = key.trusts(&stat) && !entry.key.trusts(&stat);
        return Ok(Done {
            file,
            store: Some((key, Entry::Reused { refresh })),
        });
    }
    let mut loaded = super::parse_bytes(path, std::mem::take(buffer));
    let store = encode(&mut loaded).map(|(head, questions)| (key, Entry::Parsed(head, questions)));
    Ok(Done {
        file: parsed(loaded),
        store,
    })
}

/// `work` on every item, on up to as many threads as there are cores, results in order.
/// Each thread lends `work` one buffer to read files into.
pub(super) fn in_parallel<T: Sync, R: Send>(
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

mod format;
use format::*;
pub(super) use format::{PLACE_BYTES, Parts, Piece, Place, StoredOutline, decode_question};
mod write;
use write::write;

#[cfg(test)]
mod tests;
