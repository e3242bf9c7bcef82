//! Writing the bank cache: each file's head and questions, copied from the old cache
//! where a file is unchanged, behind an index of where each piece is.

use super::*;
use std::borrow::Cow;
use std::io::Write as _;

/// Writes the new cache: this run's files (fresh entries, and reused ones copied from
/// the old cache), then the old cache's entries for other files that still exist. The
/// pieces are written one after the other, never gathered into one buffer, and the
/// file is not flushed to disk: a cache that a power cut damages is ignored and made
/// again, like any other damage.
pub(super) fn write(
    cache: &Path,
    old: Option<&Cached>,
    here: &HashSet<&PathBuf>,
    fresh: Vec<(PathBuf, Key, Vec<u8>, Vec<u8>)>,
    reused: Vec<(PathBuf, Key)>,
) -> std::io::Result<()> {
    let pieces = pieces(old, here, fresh, reused);
    let index = index_of(&pieces)?;
    if let Some(dir) = cache.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    let mut file = crate::atomic_file::AtomicFile::create(cache)?;
    {
        let mut out = std::io::BufWriter::with_capacity(1 << 20, &mut file);
        out.write_all(MAGIC)?;
        out.write_all(&(index.len() as u64).to_le_bytes())?;
        out.write_all(&index)?;
        for (_, _, head, _) in &pieces {
            out.write_all(head)?;
        }
        for (_, _, _, body) in &pieces {
            out.write_all(body)?;
        }
        out.flush()?;
    }
    file.commit_unsynced()
}

/// Each file's path, key, head and questions.
type Piece<'a> = (PathBuf, Key, Cow<'a, [u8]>, Vec<u8>);

/// The cache's pieces: this run's fresh entries, the reused ones and the old cache's
/// entries for other files that still exist, copied from the old cache.
fn pieces<'o>(
    old: Option<&'o Cached>,
    here: &HashSet<&PathBuf>,
    fresh: Vec<(PathBuf, Key, Vec<u8>, Vec<u8>)>,
    reused: Vec<(PathBuf, Key)>,
) -> Vec<Piece<'o>> {
    let mut pieces: Vec<Piece> = fresh
        .into_iter()
        .map(|(path, key, head, body)| (path, key, Cow::Owned(head), body))
        .collect();
    if let Some(old) = old {
        let copy = |path: &Path| -> Option<(&[u8], Vec<u8>)> {
            let (entry, head) = old.entry(path)?;
            let mut body = Vec::new();
            old.read_into(entry.questions.start, entry.questions.len(), &mut body)?;
            Some((head, body))
        };
        for (path, key) in reused {
            if let Some((head, body)) = copy(&path) {
                pieces.push((path, key, Cow::Borrowed(head), body));
            }
        }
        for (path, entry) in &old.index {
            if !here.contains(path)
                && path.exists()
                && let Some((head, body)) = copy(path)
            {
                pieces.push((path.clone(), entry.key.clone(), Cow::Borrowed(head), body));
            }
        }
    }
    pieces
}

/// The index of `pieces`: where each file's head and questions are, and checksums.
fn index_of(pieces: &[Piece]) -> std::io::Result<Vec<u8>> {
    let (mut heads_len, mut bodies_len) = (0u64, 0u64);
    let mut entries = Vec::with_capacity(pieces.len());
    for (path, key, head, body) in pieces {
        let head_span = Span {
            start: heads_len,
            end: heads_len + head.len() as u64,
        };
        let body_span = Span {
            start: bodies_len,
            end: bodies_len + body.len() as u64,
        };
        heads_len = head_span.end;
        bodies_len = body_span.end;
        entries.push(IndexEntry {
            path: path.clone(),
            key: key.clone(),
            head: head_span,
            head_checksum: xxhash_rust::xxh3::xxh3_64(head),
            questions: body_span,
        });
    }
    postcard::to_stdvec(&Index {
        stamp: STAMP,
        heads: heads_len,
        entries,
    })
    .map_err(std::io::Error::other)
}
