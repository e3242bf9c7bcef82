//! Tests of the cache's trust in file metadata: settled files, and the racy case.

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
        let (mut loaded, _) =
            load_files(std::slice::from_ref(&file), Some(&cache), &mut stats).expect("load");
        let title = loaded.remove(0).loaded.bank.expect("a bank").title;
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
