//! Opening the progress store, through the real `recall` binary, against what a hostile
//! disk or a careless path can put there (issue 16): another application's SQLite file
//! is never written, a database made by an older recall keeps migrating, `--db` is
//! always a path, and a database recall cannot write (another user's, in a read-only
//! folder, beside a `-shm` folder, on a full disk) is refused at open with a message
//! that names what is wrong, before the first question, and left as it was.

use std::path::{Path, PathBuf};

use crate::util::{NOBODY, Recall, Tmpfs, can_run_as_nobody, make_public, root};
use rusqlite::Connection;

fn banks() -> PathBuf {
    root().join("tests/banks/valid")
}

/// Every file in `dir` with the SHA-1 of its bytes, to compare before and after.
fn snapshot(dir: &Path) -> Vec<(String, String)> {
    use sha1::Digest;
    let mut files: Vec<(String, String)> = std::fs::read_dir(dir)
        .expect("read dir")
        .map(|entry| {
            let entry = entry.expect("entry");
            let bytes = std::fs::read(entry.path()).unwrap_or_default();
            let digest: String = sha1::Sha1::digest(&bytes)
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect();
            (entry.file_name().to_string_lossy().into_owned(), digest)
        })
        .collect();
    files.sort();
    files
}

/// A note-taking application's database, as that application writes it: the default
/// rollback journal, its own tables (one of them named `review`, like recall's), and a
/// `user_version` recall once used.
fn notes_app_database(path: &Path, version: i64) {
    let connection = Connection::open(path).expect("create");
    connection
        .execute_batch(
            "CREATE TABLE review (id INTEGER PRIMARY KEY, note INTEGER, stars INTEGER);
             CREATE TABLE note (id INTEGER PRIMARY KEY, title TEXT, body TEXT);
             INSERT INTO note (title, body) VALUES ('groceries', 'eggs, milk');
             INSERT INTO review (note, stars) VALUES (1, 5);",
        )
        .expect("tables");
    connection
        .pragma_update(None, "user_version", version)
        .expect("version");
}

/// Regression (issue 16): another application's SQLite database with `user_version`
/// 1 to 3 was switched to WAL, given a table and bumped before recall failed with "no
/// such table". Every command that opens the store refuses it, and the folder holds
/// exactly what it held, byte for byte.
#[test]
fn another_applications_database_is_never_written() {
    for version in 1..=3 {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("notes.db");
        notes_app_database(&path, version);
        let before = snapshot(dir.path());
        let banks = banks().display().to_string();
        for command in [
            &["due", &banks][..],
            &["stats", &banks],
            &[
                "card",
                "docker-storage-basics/mount-types",
                "--bank-path",
                &banks,
            ],
            &["quiz", "--plain", "--seed", "1", &banks],
            &["drill", "--plain", "--seed", "1", &banks],
            &["check", "--orphans", &banks],
            &["doctor", &banks],
        ] {
            let run = Recall::new()
                .arg("--db")
                .arg(&path)
                .args(command)
                .stdin("A\n\n")
                .run();
            assert_eq!(run.code, 2, "{command:?}: {}", run.transcript());
            assert!(
                run.stderr.contains("not recall's") && run.stderr.contains("untouched"),
                "{command:?}: {}",
                run.transcript()
            );
            assert!(!run.stdout.contains("[1 of"), "asked before refusing");
            assert_eq!(
                snapshot(dir.path()),
                before,
                "{command:?} changed the folder"
            );
        }
        // A command that needs no progress works, and puts no bank cache beside it.
        let run = Recall::new()
            .arg("--db")
            .arg(&path)
            .args(["check", &banks])
            .run();
        assert_eq!(run.code, 0, "{}", run.transcript());
        assert_eq!(snapshot(dir.path()), before, "check changed the folder");
    }
}

/// The same application's database in write-ahead-log mode, once closed cleanly and
/// once left by a crash with committed pages still in its `-wal` (which closing a
/// connection would copy into its file): the database and its log stay byte for byte
/// as they were, and no file is added.
#[test]
fn another_applications_write_ahead_log_is_never_copied_in() {
    for crashed in [false, true] {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("notes.db");
        notes_app_database(&path, 2);
        let connection = Connection::open(&path).expect("open");
        connection
            .pragma_update(None, "journal_mode", "wal")
            .expect("wal");
        if crashed {
            // What a crash leaves: the last transactions only in the log.
            connection
                .set_db_config(
                    rusqlite::config::DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE,
                    true,
                )
                .expect("no checkpoint on close");
            connection
                .execute(
                    "INSERT INTO note (title, body) VALUES ('later', 'only in the log')",
                    [],
                )
                .expect("insert");
        }
        drop(connection);
        let log = dir.path().join("notes.db-wal");
        assert_eq!(log.metadata().is_ok_and(|m| m.len() > 0), crashed);
        let kept = |dir: &Path| -> Vec<(String, String)> {
            snapshot(dir)
                .into_iter()
                .filter(|(name, _)| !name.ends_with("-shm"))
                .collect()
        };
        let before = kept(dir.path());
        for command in [&["due"][..], &["quiz", "--plain"], &["doctor"]] {
            let run = Recall::new()
                .arg("--db")
                .arg(&path)
                .args(command)
                .arg(banks())
                .stdin("A\n")
                .run();
            assert_eq!(run.code, 2, "{command:?}: {}", run.transcript());
            assert!(run.stderr.contains("not recall's"), "{}", run.transcript());
            assert_eq!(kept(dir.path()), before, "{command:?}, crashed: {crashed}");
        }
    }
}

/// A database made by the first recall (schema 1, no application id) is recognised by
/// its tables and migrated, keeping its answers.
#[test]
fn a_database_made_by_an_older_recall_keeps_migrating() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("recall.db");
    std::fs::copy(root().join("tests/fixtures/store/schema-v1.db"), &path).expect("copy");
    let run = Recall::new().arg("--db").arg(&path).arg("due").run();
    assert_eq!(run.code, 0, "{}", run.transcript());
    let connection = Connection::open(&path).expect("open");
    let reviews: i64 = connection
        .query_row("SELECT COUNT(*) FROM review", [], |row| row.get(0))
        .expect("count");
    assert_eq!(reviews, 3);
    let version: i64 = connection
        .pragma_query_value(None, "user_version", |row| row.get(0))
        .expect("version");
    assert_eq!(version, recall::store::SCHEMA_VERSION);
    let id: i32 = connection
        .pragma_query_value(None, "application_id", |row| row.get(0))
        .expect("application id");
    assert_eq!(id.to_be_bytes(), *b"rcll");
}

/// Regression (issue 16): `--db file:NAME` was taken as an SQLite URI, which bypassed
/// every check made before opening (recall looked at one file, SQLite opened another)
/// and put the bank cache at a path the database was not at.
#[test]
fn a_database_path_starting_with_file_is_a_path() {
    let dir = tempfile::tempdir().expect("temp dir");
    let run = Recall::new()
        .current_dir(dir.path())
        .args(["--db", "file:progress.db?mode=memory", "due"])
        .arg(banks())
        .run();
    assert_eq!(run.code, 0, "{}", run.transcript());
    let names: Vec<String> = snapshot(dir.path()).into_iter().map(|(n, _)| n).collect();
    assert_eq!(
        names,
        [
            "file:progress.db?mode=memory",
            "file:progress.db?mode=memory.bank-cache"
        ]
    );
    let database = std::fs::read(dir.path().join("file:progress.db?mode=memory")).expect("db");
    assert!(database.starts_with(b"SQLite format 3\0"));

    // A read-only file named like a URI is refused, and nothing else is opened.
    let read_only = dir.path().join("file:ro.db");
    std::fs::write(&read_only, b"").expect("write");
    let mut permissions = std::fs::metadata(&read_only).expect("meta").permissions();
    permissions.set_readonly(true);
    std::fs::set_permissions(&read_only, permissions).expect("chmod");
    let run = Recall::new()
        .current_dir(dir.path())
        .args(["--db", "file:ro.db", "due"])
        .run();
    assert_eq!(run.code, 2, "{}", run.transcript());
    assert!(run.stderr.contains("read-only"), "{}", run.transcript());
    assert!(!dir.path().join("ro.db").exists());
    assert_eq!(std::fs::read(&read_only).expect("read"), b"");
}

/// A recall database with one answer in it, in `dir` (made public), owned by root.
fn database_in(dir: &Path) -> PathBuf {
    make_public(dir);
    let path = dir.join("recall.db");
    let run = Recall::new()
        .arg("--db")
        .arg(&path)
        .args(["quiz", "--plain", "--seed", "1", "--count", "1"])
        .arg(banks())
        .stdin("A\nsome answer\n")
        .run();
    assert!(run.code == 0 || run.code == 1, "{}", run.transcript());
    path
}

/// The database at `path` passes integrity_check and holds exactly the one answer
/// [`database_in`] gave.
fn assert_sound_with_its_answer(path: &Path) {
    let store = recall::store::Store::open(path).expect("open");
    store.integrity_check().expect("sound");
    assert_eq!(store.review_count().expect("count"), 1);
}

/// A quiz as [`NOBODY`] on `path`: it must be refused at open, before the first
/// question, with `expected` in the message, and leave the file as it was.
fn assert_refused_as_nobody(path: &Path, expected: &str) {
    let before = std::fs::read(path).ok();
    let run = Recall::new()
        .arg("--db")
        .arg(path)
        .args(["quiz", "--plain", "--seed", "1"])
        .arg(banks())
        .stdin("A\nsome answer\n")
        .run_as(NOBODY.0, NOBODY.1)
        .run();
    assert_eq!(run.code, 2, "{}", run.transcript());
    assert!(run.stderr.contains(expected), "{}", run.transcript());
    assert!(!run.stdout.contains("Rated"), "{}", run.transcript());
    assert!(
        !run.stdout.contains("[1 of"),
        "asked before refusing: {}",
        run.stdout
    );
    assert_eq!(std::fs::read(path).ok(), before);
    assert_sound_with_its_answer(path);
}

/// Regression (issue 16): a database belonging to another user passed the check of its
/// permission bits, and recall asked questions it could not save. Writing is tried at
/// open; it is refused there, saying whose file it is.
#[test]
fn a_database_of_another_user_is_refused_at_open() {
    if !can_run_as_nobody("a_database_of_another_user_is_refused_at_open") {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let path = database_in(dir.path());
    assert_refused_as_nobody(&path, "read-only to you (it belongs to the user with id 0)");
}

/// Regression (issue 16): a database in a folder that cannot be written was reported
/// as "the database is read-only"; the folder is what needs fixing.
#[test]
fn a_database_in_a_read_only_folder_names_the_folder() {
    if !can_run_as_nobody("a_database_in_a_read_only_folder_names_the_folder") {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let path = database_in(dir.path());
    #[cfg(unix)]
    std::os::unix::fs::chown(&path, Some(NOBODY.0), Some(NOBODY.1)).expect("chown");
    assert_refused_as_nobody(&path, "is not writable");
    let run = Recall::new()
        .arg("--db")
        .arg(&path)
        .arg("due")
        .run_as(NOBODY.0, NOBODY.1)
        .run();
    let folder = format!("the folder {} is not writable", dir.path().display());
    assert!(run.stderr.contains(&folder), "{}", run.transcript());
    assert!(run.stderr.contains("-wal"), "{}", run.transcript());
}

/// Regression (issue 16): a new database in a folder that cannot be written said
/// "unable to open database file".
#[test]
fn a_new_database_in_an_unwritable_folder_names_the_folder() {
    if !can_run_as_nobody("a_new_database_in_an_unwritable_folder_names_the_folder") {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    make_public(dir.path());
    let path = dir.path().join("recall.db");
    let run = Recall::new()
        .arg("--db")
        .arg(&path)
        .arg("due")
        .run_as(NOBODY.0, NOBODY.1)
        .run();
    assert_eq!(run.code, 2, "{}", run.transcript());
    let folder = format!("the folder {} is not writable", dir.path().display());
    assert!(run.stderr.contains(&folder), "{}", run.transcript());
    assert!(
        run.stderr.contains("cannot be created there"),
        "{}",
        run.transcript()
    );
    assert!(
        !run.stderr.contains("unable to open"),
        "{}",
        run.transcript()
    );
}

/// Regression (issue 16): a `-shm` that is a folder was reported as "the database is
/// read-only".
#[test]
fn a_shared_memory_file_that_is_a_folder_is_named() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = database_in(dir.path());
    let before = std::fs::read(&path).expect("read");
    std::fs::create_dir(dir.path().join("recall.db-shm")).expect("mkdir");
    let run = Recall::new().arg("--db").arg(&path).arg("due").run();
    assert_eq!(run.code, 2, "{}", run.transcript());
    assert!(
        run.stderr.contains("recall.db-shm is not a file"),
        "{}",
        run.transcript()
    );
    assert!(!run.stderr.contains("read-only"), "{}", run.transcript());
    assert_eq!(std::fs::read(&path).expect("read"), before);
    std::fs::remove_dir(dir.path().join("recall.db-shm")).expect("rmdir");
    assert_sound_with_its_answer(&path);
}

/// Regression (issue 16): a full disk at open said "disk I/O error". It names the disk
/// as full, leaves the database as it was, and once there is room again everything
/// works and the database is sound.
#[test]
fn a_full_disk_at_open_says_the_disk_is_full() {
    let Some(disk) = Tmpfs::mount("a_full_disk_at_open_says_the_disk_is_full", 1 << 20) else {
        return;
    };
    let path = database_in(disk.path());
    let before = std::fs::read(&path).expect("read");
    disk.fill();
    let run = Recall::new()
        .arg("--db")
        .arg(&path)
        .arg("due")
        .arg(banks())
        .run();
    assert_eq!(run.code, 2, "{}", run.transcript());
    assert!(run.stderr.contains("is full"), "{}", run.transcript());
    assert!(
        !run.stderr.contains("disk I/O error"),
        "{}",
        run.transcript()
    );
    assert_eq!(std::fs::read(&path).expect("read"), before);
    disk.drain();
    let run = Recall::new()
        .arg("--db")
        .arg(&path)
        .arg("due")
        .arg(banks())
        .run();
    assert_eq!(run.code, 0, "{}", run.transcript());
    assert_sound_with_its_answer(&path);
}
