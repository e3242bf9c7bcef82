//! The look at an existing database file before SQLite opens it: its kind, its
//! permissions, its header and SQLite's files beside it; and, when opening fails, the
//! look that tells why.
//!
//! SQLite may write to a file it opens before recall could tell whether the file is
//! usable, so a read-only, non-SQLite, truncated or damaged file is refused here, with its
//! own error, and left exactly as it was. Only plain file reads happen here, except in
//! [`why_unwritable`], which runs only after SQLite failed and writes nothing but a probe
//! file of its own in the database's folder.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use super::StoreError;

/// SQLite's files beside a database, and what it keeps in each.
const COMPANIONS: [(&str, &str); 3] = [
    ("-wal", "write-ahead log"),
    ("-shm", "write-ahead log index"),
    ("-journal", "rollback journal"),
];

/// The path of `database`'s companion with this suffix (`-wal`, `-shm`, `-journal`).
pub(super) fn companion(database: &Path, suffix: &str) -> PathBuf {
    let mut name = database.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// Look at an existing database file without letting SQLite near it: refuse
/// anything SQLite might "repair" by writing. Returns whether the file exists
/// (an empty file counts as existing, and is made a new database).
pub(super) fn inspect(path: &Path) -> Result<bool, StoreError> {
    let owned = || path.to_path_buf();
    let metadata = match std::fs::metadata(path) {
        Ok(metadata) => metadata,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(false),
        Err(source) => {
            return Err(StoreError::Inspect {
                path: owned(),
                source,
            });
        }
    };
    if !metadata.is_file() {
        return Err(StoreError::NotAFile { path: owned() });
    }
    // Honour the permission bits even when running as root, who could write anyway.
    if metadata.permissions().readonly() {
        return Err(StoreError::ReadOnly {
            path: owned(),
            owner: None,
        });
    }
    // The bits say nothing of whose file it is: try (opening for writing writes nothing).
    refuse_unwritable(path)?;
    companions_are_files(path)?;
    let length = metadata.len();
    // An empty file holds nothing to lose, and it is what another recall
    // process creating the database leaves for a moment: SQLite makes it a
    // new database, and so do we.
    if length == 0 {
        return Ok(true);
    }
    let mut header = [0u8; 100];
    let mut file = std::fs::File::open(path).map_err(|source| StoreError::Inspect {
        path: owned(),
        source,
    })?;
    let read = read_up_to(&mut file, &mut header).map_err(|source| StoreError::Inspect {
        path: owned(),
        source,
    })?;
    check_header(path, &header, read, length)?;
    Ok(true)
}

/// Refuses a database file whose first 100 bytes (`read` of them read, of a file of
/// `length` bytes) are not a whole SQLite header of recall's, or give a size the file
/// does not have.
fn check_header(
    path: &Path,
    header: &[u8; 100],
    read: usize,
    length: u64,
) -> Result<(), StoreError> {
    let owned = || path.to_path_buf();
    if !header.starts_with(b"SQLite format 3\0") {
        return Err(StoreError::NotSqlite { path: owned() });
    }
    if read < header.len() {
        return Err(StoreError::Truncated {
            path: owned(),
            expected: header.len() as u64,
            actual: length,
        });
    }
    // The header's own word on whose file it is, as of its last checkpoint: recall
    // stamps its id and its version in the same transactions, so a header with another
    // application's id, or without recall's id and with a version recall only ever wrote
    // stamped, is never recall's. Anything else is for `schema::identify` to decide.
    let user_version = i32::from_be_bytes([header[60], header[61], header[62], header[63]]);
    let application_id = i32::from_be_bytes([header[68], header[69], header[70], header[71]]);
    let unstamped = 0..=super::schema::LAST_UNSTAMPED;
    if application_id != 0 && application_id != super::schema::APPLICATION_ID
        || application_id == 0 && !unstamped.contains(&i64::from(user_version))
    {
        return Err(StoreError::Foreign { path: owned() });
    }
    let page_size = match u16::from_be_bytes([header[16], header[17]]) {
        1 => 65_536,
        size => u64::from(size),
    };
    if !page_size.is_power_of_two() || !(512..=65_536).contains(&page_size) {
        return Err(StoreError::Corrupt {
            path: owned(),
            detail: format!("its header gives a page size of {page_size}"),
        });
    }
    // With a write-ahead log present, pages may legitimately live only in the
    // log until the next checkpoint; with a rollback journal (left by an import into an
    // empty log that stopped half-way, see `Store::import`) the header may give the size
    // of a transaction the file holds only part of, which the journal rolls back. The
    // size check applies without either.
    let holds_pages =
        |suffix| std::fs::metadata(companion(path, suffix)).is_ok_and(|m| m.len() > 0);
    if !holds_pages("-wal") && !holds_pages("-journal") {
        let pages = u32::from_be_bytes([header[28], header[29], header[30], header[31]]);
        // The in-header size is valid only when the two change counters agree.
        let counter_valid = header[24..28] == header[92..96];
        let expected = if counter_valid && pages > 0 {
            u64::from(pages) * page_size
        } else {
            page_size
        };
        if length < expected || !length.is_multiple_of(page_size) {
            return Err(StoreError::Truncated {
                path: owned(),
                expected: expected.max(length.next_multiple_of(page_size)),
                actual: length,
            });
        }
    }
    Ok(())
}

/// Whether the file at `path` is missing, empty, or carries recall's application id in
/// its header: whether recall may keep its own files (the bank cache) beside it. Only a
/// plain read of the header; a database whose stamp is still in its write-ahead log
/// counts as not recall's until the next checkpoint, which costs only a cache miss.
pub fn is_recalls_or_absent(path: &Path) -> bool {
    let Ok(mut file) = std::fs::File::open(path) else {
        return !path.exists();
    };
    let mut header = [0u8; 100];
    match read_up_to(&mut file, &mut header) {
        Ok(0) => true,
        Ok(100) => {
            header.starts_with(b"SQLite format 3\0")
                && header[68..72] == super::schema::APPLICATION_ID.to_be_bytes()
        }
        _ => false,
    }
}

/// Refuses `path` when this process cannot open it for writing (it belongs to another
/// user who has not let others write).
fn refuse_unwritable(path: &Path) -> Result<(), StoreError> {
    match std::fs::OpenOptions::new().write(true).open(path) {
        Err(error) if error.kind() == std::io::ErrorKind::PermissionDenied => {
            Err(StoreError::ReadOnly {
                path: path.to_path_buf(),
                owner: owner(path),
            })
        }
        _ => Ok(()),
    }
}

/// The id of the user `path` belongs to.
fn owner(path: &Path) -> Option<u32> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        std::fs::metadata(path).ok().map(|m| m.uid())
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        None
    }
}

/// Refuses a `-wal`, `-shm` or `-journal` beside `database` that is there but is not a
/// file (a folder, say): SQLite would fail on it with a message about the database.
pub(super) fn companions_are_files(database: &Path) -> Result<(), StoreError> {
    for (suffix, what) in COMPANIONS {
        let path = companion(database, suffix);
        if std::fs::symlink_metadata(&path).is_ok_and(|m| !m.is_file()) {
            return Err(StoreError::CompanionNotAFile { path, what });
        }
    }
    Ok(())
}

/// Why SQLite could not open or write the database at `path`, found by trying what it
/// needs: its companions are files, the file and its companions can be opened for
/// writing, and the folder takes a new file (a probe, removed at once) with room in it.
/// `None` when all of that works and the cause is something else.
pub(super) fn why_unwritable(path: &Path, exists: bool) -> Option<StoreError> {
    if let Err(error) = companions_are_files(path) {
        return Some(error);
    }
    if exists {
        if let Err(error) = refuse_unwritable(path) {
            return Some(error);
        }
        for (suffix, _) in COMPANIONS {
            let companion = companion(path, suffix);
            if companion.exists()
                && let Err(error) = refuse_unwritable(&companion)
            {
                return Some(error);
            }
        }
    }
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let reason = probe_folder(&folder).err()?;
    Some(match reason.kind() {
        std::io::ErrorKind::StorageFull | std::io::ErrorKind::QuotaExceeded => {
            StoreError::DiskFull {
                path: path.to_path_buf(),
            }
        }
        _ => StoreError::FolderNotWritable {
            database: path.to_path_buf(),
            folder,
            exists,
            reason,
        },
    })
}

/// Creates a file in `folder` with as much in it as SQLite's write-ahead log index
/// needs at first (32 KiB), then removes it.
fn probe_folder(folder: &Path) -> std::io::Result<()> {
    let probe = folder.join(format!(".recall-probe-{}", std::process::id()));
    let written = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&probe)
        .and_then(|mut file| {
            file.write_all(&[0; 32 * 1024])?;
            file.sync_all()
        });
    let _ = std::fs::remove_file(&probe);
    written
}

fn read_up_to(file: &mut std::fs::File, buffer: &mut [u8]) -> std::io::Result<usize> {
    let mut filled = 0;
    while filled < buffer.len() {
        match file.read(&mut buffer[filled..])? {
            0 => break,
            read => filled += read,
        }
    }
    Ok(filled)
}
