//! Output files written whole or not at all: every file recall writes (an export, an
//! imported bank, the bank cache, a backup) is written to a temporary file in the same
//! folder and renamed over the target once it is complete and on disk, so a failed or
//! killed run leaves the previous file as it was, never a truncated one.
//!
//! A temporary file is named after its target, `<target>.tmp-<process id>`, and holds an
//! exclusive lock for as long as its writer lives. A run that is killed leaves it behind;
//! [`remove_stale`] (called before writing a target, and by `recall doctor`) removes
//! those whose lock nobody holds any more. This module knows nothing of what is written.

use std::fs::File;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// A file being written in place of `target`: [`AtomicFile::commit`] puts it there,
/// dropping it uncommitted removes it.
#[derive(Debug)]
pub struct AtomicFile {
    file: File,
    temp: PathBuf,
    target: PathBuf,
    committed: bool,
}

/// The prefix of the names of `target`'s temporary files: `<target name>.tmp-`.
fn temp_prefix(target: &Path) -> String {
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    format!("{name}.tmp-")
}

/// The folder `target` is in (`.` for a bare file name).
fn folder_of(target: &Path) -> &Path {
    match target.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    }
}

impl AtomicFile {
    /// Starts writing in place of `target`, first removing what killed runs left (see
    /// [`remove_stale`]). The folder must exist.
    pub fn create(target: &Path) -> io::Result<AtomicFile> {
        remove_stale(target);
        let name = format!("{}{}", temp_prefix(target), std::process::id());
        let temp = folder_of(target).join(name);
        // A file of this name is left from a run with our process id, which is dead.
        let _ = std::fs::remove_file(&temp);
        let file = File::options().write(true).create_new(true).open(&temp)?;
        // Held until this process ends, so a later run can tell the file is in use.
        file.try_lock().map_err(io::Error::from)?;
        Ok(AtomicFile {
            file,
            temp,
            target: target.to_path_buf(),
            committed: false,
        })
    }

    /// The temporary file's path (for a writer that opens it itself, like SQLite).
    pub fn temp_path(&self) -> &Path {
        &self.temp
    }

    /// The file to write to.
    pub fn file(&mut self) -> &mut File {
        &mut self.file
    }

    /// Flushes the file to disk and renames it over the target (then flushes the
    /// folder, so the rename survives a power cut too).
    pub fn commit(mut self) -> io::Result<()> {
        self.file.sync_all()?;
        std::fs::rename(&self.temp, &self.target)?;
        self.committed = true;
        if let Ok(folder) = File::open(folder_of(&self.target)) {
            // Not every system can flush a folder; the rename is done either way.
            let _ = folder.sync_all();
        }
        Ok(())
    }
}

impl AtomicFile {
    /// Renames the file over the target without flushing it to disk first: still whole
    /// or not at all for every reader while the system runs, but a power cut may leave
    /// it damaged. Only for a file that is checked when read and rebuilt when damaged
    /// (the bank cache), where the flush would cost more than the file saves.
    pub fn commit_unsynced(mut self) -> io::Result<()> {
        std::fs::rename(&self.temp, &self.target)?;
        self.committed = true;
        Ok(())
    }
}

impl Write for AtomicFile {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.file.write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.file.flush()
    }
}

impl Drop for AtomicFile {
    fn drop(&mut self) {
        if !self.committed {
            let _ = std::fs::remove_file(&self.temp);
        }
    }
}

/// Writes `bytes` to `target` whole or not at all.
pub fn write(target: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut file = AtomicFile::create(target)?;
    file.write_all(bytes)?;
    file.commit()
}

/// The temporary files of `target` that no running process holds (left by a run that
/// was killed), without removing them.
pub fn stale(target: &Path) -> Vec<PathBuf> {
    let prefix = temp_prefix(target);
    let Ok(entries) = std::fs::read_dir(folder_of(target)) else {
        return Vec::new();
    };
    let mut found: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .filter(|entry| {
            let name = entry.file_name();
            let name = name.to_string_lossy();
            name.strip_prefix(&prefix)
                .and_then(|rest| rest.split(|c: char| !c.is_ascii_digit()).next())
                .and_then(|pid| pid.parse::<u32>().ok())
                .is_some_and(|pid| pid != std::process::id() && !in_use(&entry.path(), pid))
        })
        .map(|entry| entry.path())
        .collect();
    found.sort();
    found
}

/// Removes the temporary files of `target` that killed runs left behind; returns them.
pub fn remove_stale(target: &Path) -> Vec<PathBuf> {
    stale(target)
        .into_iter()
        .filter(|path| std::fs::remove_file(path).is_ok())
        .collect()
}

/// Whether the temporary file at `path`, made by process `pid`, may still be written:
/// its writer holds its lock, or (where the system says) that process is alive.
fn in_use(path: &Path, pid: u32) -> bool {
    let Ok(file) = File::open(path) else {
        return true;
    };
    if file.try_lock().is_err() {
        return true;
    }
    // The lock is free: the writer is gone, or has only just created the file.
    let _ = file.unlock();
    process_alive(pid)
}

fn process_alive(pid: u32) -> bool {
    let proc = Path::new("/proc");
    proc.is_dir() && proc.join(pid.to_string()).exists()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_committed_file_replaces_the_target_and_leaves_nothing_else() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("out.txt");
        std::fs::write(&target, "old").unwrap();
        write(&target, b"new").unwrap();
        assert_eq!(std::fs::read(&target).unwrap(), b"new");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn an_uncommitted_file_leaves_the_target_as_it_was() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("out.txt");
        std::fs::write(&target, "old").unwrap();
        {
            let mut file = AtomicFile::create(&target).unwrap();
            file.write_all(b"half of the ne").unwrap();
            assert!(file.temp_path().exists());
        }
        assert_eq!(std::fs::read(&target).unwrap(), b"old");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn only_temporary_files_nobody_holds_are_stale() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("cache");
        // A dead process's file (no process has id 4294967294), and files that only
        // look alike.
        let dead = dir.path().join("cache.tmp-4294967294");
        std::fs::write(&dead, "left behind").unwrap();
        std::fs::write(dir.path().join("cache.tmp-notes"), "").unwrap();
        std::fs::write(dir.path().join("other.tmp-4294967294"), "").unwrap();
        let held = AtomicFile::create(&dir.path().join("cache2")).unwrap();
        let ours = AtomicFile::create(&target).unwrap();
        assert_eq!(
            std::fs::read_dir(dir.path()).unwrap().count(),
            4,
            "creating removed the dead file"
        );
        assert!(!dead.exists());
        std::fs::write(&dead, "left behind").unwrap();
        assert_eq!(stale(&target), std::slice::from_ref(&dead));
        assert!(ours.temp_path().exists() && held.temp_path().exists());
        assert_eq!(remove_stale(&target), std::slice::from_ref(&dead));
        assert!(!dead.exists());
    }
}
