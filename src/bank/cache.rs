//! The bank cache: loaded banks kept on disk so an unchanged file is never parsed twice.
//!
//! Parsing TOML is the slowest part of starting a session over a large curriculum
//! (100,000 questions are about a second of `toml` alone). The cache is one file beside
//! the progress database (`recall.db.bank-cache`, see [`path_for`]) holding, for every
//! bank file loaded, what the filesystem said of it (size, modification and change
//! times in nanoseconds, device and inode), when that was read, the 128-bit xxh3 hash of
//! its contents, and what loading it gave (the bank and its diagnostics, in a compact
//! binary encoding, `postcard`).
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
    let mut name = database.as_os_str().to_owned();
    name.push(".bank-cache");
    PathBuf::from(name)
}

const MAGIC: &[u8; 8] = b"rclbank2";

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

    /// The stored key and entry of `path`, when its entry is intact.
    fn entry(&self, path: &Path) -> Option<(&Key, &[u8])> {
        let entry = self.index.get(path)?;
        let start = self.body.checked_add(usize::try_from(entry.start).ok()?)?;
        let end = self.body.checked_add(usize::try_from(entry.end).ok()?)?;
        let bytes = self.bytes.get(start..end)?;
        (xxhash_rust::xxh3::xxh3_64(bytes) == entry.checksum).then_some((&entry.key, bytes))
    }
}

/// One file's result: what it loaded to, and, when it is cacheable, its key and what
/// the new cache keeps of it.
struct Done {
    loaded: Loaded,
    store: Option<(Key, Entry)>,
}

/// What the new cache keeps of one file of this run.
enum Entry {
    /// The file was parsed: its freshly encoded entry.
    Parsed(Vec<u8>),
    /// The old cache's entry, unchanged. `refresh` when the key is new and worth writing:
    /// the file was hashed (its metadata changed, or was racy) and would be trusted
    /// from its metadata next time, where its old key would not be.
    Reused { refresh: bool },
    /// The old cache's entry, read from the metadata alone.
    Trusted,
}

/// Loads `files` in order, through the cache at `cache` when given.
pub(super) fn load_files(
    files: &[PathBuf],
    cache: Option<&Path>,
    stats: &mut CacheStats,
) -> Result<Vec<Loaded>, LoadError> {
    // Before any file is looked at: what a file's metadata is compared with.
    let seen = std::time::SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos() as i128);
    if let Some(cache) = cache {
        crate::atomic_file::remove_stale(cache);
    }
    let old = cache.and_then(Cached::read);
    let results = in_parallel(files, |path, buffer| {
        load_one(path, buffer, old.as_ref(), cache.is_some(), seen)
    })?;
    let mut loaded = Vec::with_capacity(results.len());
    let mut fresh: Vec<(PathBuf, Key, Vec<u8>)> = Vec::new();
    let mut reused: Vec<(PathBuf, Key)> = Vec::new();
    let mut refresh = false;
    for (path, done) in files.iter().zip(results) {
        match done.store {
            Some((key, Entry::Parsed(bytes))) => {
                stats.parsed += 1;
                fresh.push((path.clone(), key, bytes));
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
        loaded.push(done.loaded);
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
    Ok(loaded)
}

/// Loads one file: from the old cache without reading it when its metadata is trusted
/// ([`Key::trusts`]), else read and hashed, and from the old cache when its bytes are
/// the same, else parsed.
fn load_one(
    path: &Path,
    buffer: &mut Vec<u8>,
    old: Option<&Cached>,
    caching: bool,
    seen: i128,
) -> Result<Done, LoadError> {
    let cached = old.and_then(|old| old.entry(path));
    if let Some((key, bytes)) = cached {
        // Follows links, as opening the file does.
        let trusted = std::fs::metadata(path)
            .is_ok_and(|meta| meta.is_file() && key.trusts(&Stat::of(&meta)));
        if let Some(loaded) = trusted.then(|| decode(bytes)).flatten() {
            return Ok(Done {
                loaded,
                store: Some((key.clone(), Entry::Trusted)),
            });
        }
    }
    let meta = match read_bounded(path, buffer)? {
        FileBytes::Read(meta) => meta,
        FileBytes::Refused(loaded) => {
            return Ok(Done {
                loaded: *loaded,
                store: None,
            });
        }
    };
    if !caching {
        return Ok(Done {
            loaded: super::parse_bytes(path, std::mem::take(buffer)),
            store: None,
        });
    }
    let stat = Stat::of(&meta);
    let key = Key {
        stat,
        seen,
        hash: xxhash_rust::xxh3::xxh3_128(buffer),
    };
    if let Some((old_key, bytes)) = cached
        && old_key.stat.size == key.stat.size
        && old_key.hash == key.hash
        && let Some(loaded) = decode(bytes)
    {
        let refresh = key.trusts(&stat) && !old_key.trusts(&stat);
        return Ok(Done {
            loaded,
            store: Some((key, Entry::Reused { refresh })),
        });
    }
    let loaded = super::parse_bytes(path, std::mem::take(buffer));
    let store = encode(&loaded).map(|entry| (key, Entry::Parsed(entry)));
    Ok(Done { loaded, store })
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
            if let Some((_, bytes)) = old.entry(&path) {
                push(path, key, bytes);
            }
        }
        for path in old.index.keys() {
            if !here.contains(path)
                && path.exists()
                && let Some((key, bytes)) = old.entry(path)
            {
                push(path.clone(), key.clone(), bytes);
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

#[cfg(test)]
mod tests {
    use super::*;

    const SECOND: i128 = 1_000_000_000;

    fn stat(modified: i128, changed: i128) -> Stat {
        Stat {
            size: 10,
            modified,
            changed,
            device: 1,
            inode: 2,
        }
    }

    #[test]
    fn metadata_is_trusted_only_once_the_file_has_settled() {
        let seen = 1_700_000_000 * SECOND;
        assert_eq!(
            stat(seen - 3 * SECOND, seen - 3 * SECOND).settled_at(seen),
            cfg!(unix)
        );
        // Modified, or changed (`touch -d` sets the one back, never the other), within
        // two seconds of the run that looked: racy.
        assert!(!stat(seen - SECOND, seen - 3 * SECOND).settled_at(seen));
        assert!(!stat(seen - 3 * SECOND, seen - SECOND).settled_at(seen));
        assert!(!stat(seen, seen).settled_at(seen));
        assert!(!stat(0, 0).settled_at(seen), "no times, no trust");
        let key = Key {
            stat: stat(seen - 3 * SECOND, seen - 3 * SECOND),
            seen,
            hash: 7,
        };
        let mut moved = key.stat;
        moved.inode += 1;
        assert!(!key.trusts(&moved), "another inode is another file");
    }

    /// Rewrites the cache at `path` with every key changed by `change`, entries kept.
    fn forge(path: &Path, change: impl Fn(&mut Key)) {
        let bytes = std::fs::read(path).expect("cache");
        let rest = &bytes[MAGIC.len()..];
        let len = u64::from_le_bytes(rest[..8].try_into().expect("length")) as usize;
        let mut index: Index = postcard::from_bytes(&rest[8..8 + len]).expect("index");
        for entry in &mut index.entries {
            change(&mut entry.key);
        }
        let encoded = postcard::to_stdvec(&index).expect("encode");
        let mut out = MAGIC.to_vec();
        out.extend_from_slice(&(encoded.len() as u64).to_le_bytes());
        out.extend_from_slice(&encoded);
        out.extend_from_slice(&rest[8 + len..]);
        std::fs::write(path, out).expect("write cache");
    }

    /// The racy case: the cache was written by a run that read the file in the same
    /// tick of the filesystem's clock as an edit that kept the size, so every field of
    /// the metadata still matches. Only the racy-timestamp rule sees the edit.
    #[cfg(unix)]
    #[test]
    fn a_racy_file_is_hashed_though_its_metadata_matches() {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join("a.toml");
        let cache = dir.path().join("recall.db.bank-cache");
        let bank = |title: &str| {
            format!(
                "[bank]\nid = \"a\"\ntitle = \"{title}\"\n\n[[question]]\nid = \"q\"\n\
                 kind = \"true_false\"\nprompt = \"Racy?\"\nanswer = true\n\
                 explanation = \"Yes.\"\n"
            )
        };
        let load = || {
            let mut stats = CacheStats::default();
            let mut loaded =
                load_files(std::slice::from_ref(&file), Some(&cache), &mut stats).expect("load");
            let title = loaded.remove(0).bank.expect("a bank").title;
            (title, stats)
        };
        std::fs::write(&file, bank("Before")).expect("write");
        assert_eq!(load().0, "Before");
        std::fs::write(&file, bank("Edited")).expect("write"); // the same size
        let now = Stat::of(&std::fs::metadata(&file).expect("stat"));
        let edited = now.modified.max(now.changed);

        // Looked at a millisecond after the edit: racy, so hashed, and the edit is seen.
        forge(&cache, |key| {
            key.stat = now;
            key.seen = edited + SECOND / 1000;
        });
        let (title, stats) = load();
        assert_eq!(title, "Edited");
        assert_eq!((stats.trusted, stats.parsed), (0, 1));

        // The same cache, but looked at long after: the metadata is trusted and the file
        // not read (which is why the rule above matters).
        forge(&cache, |key| {
            key.stat = now;
            key.seen = edited + 10 * SECOND;
            key.hash ^= 1;
        });
        let (_, stats) = load();
        assert_eq!((stats.hits, stats.trusted, stats.parsed), (1, 1, 0));
    }
}
