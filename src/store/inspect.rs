//! The look at an existing database file before SQLite opens it: its kind, its
//! permissions and its header.
//!
//! SQLite may write to a file it opens before recall could tell whether the file is
//! usable, so a read-only, non-SQLite, truncated or damaged file is refused here, with its
//! own error, and left exactly as it was. Only plain file reads happen here.

use std::io::Read;
use std::path::{Path, PathBuf};

use super::StoreError;

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
        return Err(StoreError::ReadOnly { path: owned() });
    }
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
    // log until the next checkpoint; the size check applies without one.
    let mut wal = path.as_os_str().to_owned();
    wal.push("-wal");
    let wal_holds_pages = std::fs::metadata(PathBuf::from(wal)).is_ok_and(|m| m.len() > 0);
    if !wal_holds_pages {
        let pages = u32::from_be_bytes([header[28], header[29], header[30], header[31]]);
        // The in-header size is valid only when the two change counters agree.
        let counter_valid = header[24..28] == header[92..96];
        let expected = if counter_valid && pages > 0 {
            u64::from(pages) * page_size
        } else {
            page_size
        };
        if length < expected || length % page_size != 0 {
            return Err(StoreError::Truncated {
                path: owned(),
                expected: expected.max(length.next_multiple_of(page_size)),
                actual: length,
            });
        }
    }
    Ok(true)
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
