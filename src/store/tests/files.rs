//! Tests of the store on files that are not, or not yet, usable recall databases:
//! refused untouched, migrated from older schemas, marked damaged, backed up.

use super::*;

/// A database made by the first schema (version 1), with one answer in it.
fn version_one_database(path: &Path) {
    let mut connection = Connection::open(path).unwrap();
    connection
        .pragma_update(None, "journal_mode", "wal")
        .unwrap();
    schema::migrate_to(&mut connection, 1).unwrap();
    connection
        .execute(
            "INSERT INTO review (bank, question, reviewed_at, mode, answer, rating, duration_ms, \
             state_before) VALUES ('b', 'q', ?1, 'drill', 'x', 3, 10, 'new')",
            [at(0).timestamp_micros()],
        )
        .unwrap();
}

#[test]
fn a_first_schema_database_migrates_and_keeps_its_log() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.db");
    version_one_database(&path);
    let mut store = Store::open(&path).unwrap();
    assert_eq!(schema::version(store.connection()).unwrap(), SCHEMA_VERSION);
    assert_eq!(store.review_count().unwrap(), 1);
    assert_eq!(store.rebuild(&scheduler()).unwrap(), 1);
    assert_eq!(store.card(&QuestionKey::new("b", "q")).unwrap().reps, 1);
    // Migration 6 gave the old review a uuid and this device, and kept it this learner's.
    let identity = store.identity().unwrap();
    let review = &store.all_reviews().unwrap()[0];
    assert!(crate::store::is_uuid(&review.uuid), "{}", review.uuid);
    assert!(crate::store::is_uuid(&identity.learner));
    assert_eq!(review.device, identity.device);
    assert_eq!(
        (review.learner.as_deref(), review.version.as_deref()),
        (None, None)
    );
}

fn assert_refused_untouched(bytes: &[u8], check: impl Fn(&StoreError) -> bool) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("recall.db");
    std::fs::write(&path, bytes).unwrap();
    let error = Store::open(&path).unwrap_err();
    assert!(check(&error), "unexpected error: {error}");
    assert!(error.to_string().contains("untouched"), "{error}");
    assert_eq!(std::fs::read(&path).unwrap(), bytes);
    let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(names.len(), 1, "SQLite left files beside it: {names:?}");
}

#[test]
fn a_text_file_is_refused_untouched() {
    assert_refused_untouched(b"these are my notes, not a database\n", |e| {
        matches!(e, StoreError::NotSqlite { .. })
    });
}

#[test]
fn an_empty_file_becomes_a_new_database() {
    // Regression: two processes creating the database at once saw each
    // other's empty file and refused it.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("recall.db");
    std::fs::write(&path, b"").unwrap();
    let store = Store::open(&path).unwrap();
    assert_eq!(schema::version(store.connection()).unwrap(), SCHEMA_VERSION);
}

#[test]
fn a_truncated_database_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("full.db");
    {
        let mut store = Store::open(&path).unwrap();
        for index in 0..200 {
            let question = format!("q{index}");
            store
                .record(
                    &answer("b", &question, Rating::Good),
                    &scheduler(),
                    at(index),
                )
                .unwrap();
        }
    }
    // Closing the last connection checkpoints the log into the file.
    let bytes = std::fs::read(&path).unwrap();
    assert!(bytes.len() > 8192);
    for cut in [50, 4096, bytes.len() / 2, bytes.len() - 1] {
        assert_refused_untouched(&bytes[..cut], |e| matches!(e, StoreError::Truncated { .. }));
    }
}

#[test]
fn a_database_from_a_newer_recall_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("future.db");
    {
        let connection = Connection::open(&path).unwrap();
        connection
            .execute_batch("CREATE TABLE future (x); PRAGMA user_version = 99;")
            .unwrap();
        connection
            .pragma_update(None, "application_id", schema::APPLICATION_ID)
            .unwrap();
    }
    let bytes = std::fs::read(&path).unwrap();
    let error = Store::open(&path).unwrap_err();
    assert!(
        matches!(error, StoreError::TooNew { found: 99, .. }),
        "{error}"
    );
    assert!(error.to_string().contains("newer recall"), "{error}");
    assert_eq!(std::fs::read(&path).unwrap(), bytes);
}

#[test]
fn another_programs_database_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("other.db");
    {
        let connection = Connection::open(&path).unwrap();
        connection
            .execute_batch("CREATE TABLE contacts (name TEXT);")
            .unwrap();
    }
    let bytes = std::fs::read(&path).unwrap();
    let error = Store::open(&path).unwrap_err();
    assert!(matches!(error, StoreError::Foreign { .. }), "{error}");
    assert_eq!(std::fs::read(&path).unwrap(), bytes);
}

/// Regression (issue 16): another application's database whose `user_version` is one
/// recall once used (1 to 3) was switched to WAL, given a table and bumped before recall
/// failed. It is recognised as not recall's before anything is written, even with
/// tables named like recall's, and no file appears beside it.
#[test]
fn another_programs_database_with_a_small_version_is_refused_untouched() {
    let shapes = [
        (1, "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT);"),
        (
            2,
            "CREATE TABLE review (id INTEGER PRIMARY KEY, stars INTEGER);",
        ),
        (
            3,
            "CREATE TABLE review (id INTEGER PRIMARY KEY); CREATE TABLE card (front TEXT);",
        ),
    ];
    for (version, tables) in shapes {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("other.db");
        {
            let connection = Connection::open(&path).unwrap();
            connection.execute_batch(tables).unwrap();
            connection
                .pragma_update(None, "user_version", version)
                .unwrap();
        }
        assert_refused_untouched(&std::fs::read(&path).unwrap(), |e| {
            matches!(e, StoreError::Foreign { .. })
        });
    }
    // Another application's mark, and no tables yet: not ours to take either.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("marked.db");
    Connection::open(&path)
        .unwrap()
        .pragma_update(None, "application_id", 42)
        .unwrap();
    assert_refused_untouched(&std::fs::read(&path).unwrap(), |e| {
        matches!(e, StoreError::Foreign { .. })
    });
}

#[test]
fn a_database_marked_as_recalls_without_its_tables_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("recall.db");
    drop(Store::open(&path).unwrap());
    Connection::open(&path)
        .unwrap()
        .execute_batch("DROP TABLE card;")
        .unwrap();
    let bytes = std::fs::read(&path).unwrap();
    let error = Store::open(&path).unwrap_err();
    assert!(
        matches!(error, StoreError::UnexpectedSchema { .. }),
        "{error}"
    );
    assert!(error.to_string().contains("`card` is missing"), "{error}");
    assert_eq!(std::fs::read(&path).unwrap(), bytes);
}

#[test]
fn a_new_database_carries_recalls_application_id() {
    let (_dir, store) = temp_store();
    let id: i32 = store
        .connection()
        .pragma_query_value(None, "application_id", |row| row.get(0))
        .unwrap();
    assert_eq!(id, schema::APPLICATION_ID);
}

#[test]
fn a_read_only_database_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ro.db");
    {
        let mut store = Store::open(&path).unwrap();
        store
            .record(&answer("b", "q", Rating::Good), &scheduler(), at(0))
            .unwrap();
    }
    let bytes = std::fs::read(&path).unwrap();
    let mut permissions = std::fs::metadata(&path).unwrap().permissions();
    permissions.set_readonly(true);
    std::fs::set_permissions(&path, permissions).unwrap();
    let error = Store::open(&path).unwrap_err();
    assert!(matches!(error, StoreError::ReadOnly { .. }), "{error}");
    assert_eq!(std::fs::read(&path).unwrap(), bytes);
}

/// A database written by the first schema (`tests/fixtures/store/schema-v1.db`, made by
/// running migration 1 and inserting answers as recall then wrote them) migrates to the
/// latest schema with its log intact, and the log rebuilds the same schedule.
#[test]
fn a_database_from_the_first_schema_migrates_and_keeps_its_log() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("recall.db");
    let fixture = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/store/schema-v1.db"
    );
    std::fs::copy(fixture, &path).unwrap();
    let mut store = Store::open(&path).unwrap();
    assert_eq!(schema::version(store.connection()).unwrap(), SCHEMA_VERSION);
    let id: i32 = store
        .connection()
        .pragma_query_value(None, "application_id", |row| row.get(0))
        .unwrap();
    assert_eq!(
        id,
        schema::APPLICATION_ID,
        "stamped as recall's on migrating"
    );
    assert_eq!(store.review_count().unwrap(), 3);
    let key = QuestionKey::new("mod-docker-04", "interview-named-volume-definition");
    assert_eq!(store.history(&key).unwrap().len(), 2);
    let scheduler = scheduler();
    store.rebuild(&scheduler).unwrap();
    let card = store.card(&key).unwrap();
    assert_eq!(card.reps, 2);
    let later = DateTime::from_timestamp_micros(1_767_614_400_000_000 + 86_400_000_000).unwrap();
    store
        .record(
            &answer(
                "mod-docker-04",
                "interview-named-volume-definition",
                Rating::Good,
            ),
            &scheduler,
            later,
        )
        .unwrap();
    assert_eq!(store.review_count().unwrap(), 4);
}

#[test]
fn a_database_marked_damaged_is_refused_until_the_mark_goes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("recall.db");
    drop(Store::open(&path).unwrap());
    health::mark_damaged(&path, "Page 7: never used");
    let bytes = std::fs::read(&path).unwrap();
    let error = Store::open(&path).unwrap_err();
    assert!(matches!(error, StoreError::Damaged { .. }), "{error}");
    assert!(error.to_string().contains("Page 7: never used"), "{error}");
    assert!(error.to_string().contains("recall doctor"), "{error}");
    assert_eq!(std::fs::read(&path).unwrap(), bytes);
    assert!(clear_damage_mark(&path).unwrap());
    Store::open(&path).unwrap();
    // Starting afresh: the damaged database moved away, its mark left behind.
    health::mark_damaged(&path, "Page 7: never used");
    std::fs::rename(&path, dir.path().join("damaged.db")).unwrap();
    drop(Store::open(&path).unwrap());
    Store::open(&path).unwrap();
    assert!(!damage_mark_path(&path).exists());
}

#[test]
fn a_backup_is_a_sound_single_file_copy_and_never_the_database_itself() {
    let (dir, mut store) = temp_store();
    store
        .record(&answer("b", "q", Rating::Good), &scheduler(), at(0))
        .unwrap();
    let to = dir.path().join("backup.db");
    let made = store.backup(&to).unwrap();
    assert_eq!(made.reviews, 1);
    assert_eq!(made.bytes, std::fs::metadata(&to).unwrap().len());
    let copy = Store::open(&to).unwrap();
    assert_eq!(copy.all_reviews().unwrap(), store.all_reviews().unwrap());
    copy.integrity_check().unwrap();
    let error = store.backup(store.path()).unwrap_err();
    assert!(
        matches!(error, StoreError::BackupOverDatabase { .. }),
        "{error}"
    );
}

#[test]
fn a_database_left_with_the_rollback_journal_of_a_stopped_import_is_rolled_back() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("recall.db");
    drop(Store::open(&path).unwrap());
    // What an import into an empty log (`Store::import`) leaves when it is killed while
    // writing: the database in rollback mode, part of the import in the file, and the
    // journal holding the pages it changed.
    let connection = Connection::open(&path).unwrap();
    connection
        .pragma_update(None, "journal_mode", "delete")
        .unwrap();
    // A small cache, so the import's pages go to the file before the commit.
    connection.pragma_update(None, "cache_size", 10).unwrap();
    connection
        .execute_batch(
            "BEGIN IMMEDIATE; \
             WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000) \
             INSERT INTO review (uuid, device, bank, question, reviewed_at, mode, answer, \
             rating, duration_ms, state_before) \
             SELECT printf('u%d', i), 'd', 'b', 'q' || i, i, 'drill', 'an answer', 3, 10, 'new' \
             FROM n;",
        )
        .unwrap();
    let mut database = std::fs::read(&path).unwrap();
    let journal = std::fs::read(inspect::companion(&path, "-journal")).unwrap();
    connection.execute_batch("ROLLBACK").unwrap();
    drop(connection);
    assert!(!journal.is_empty());
    // The header as the commit writes it first: the size the import will have, which
    // the file does not have yet.
    let pages = (database.len() / 4096) as u32 + 100;
    database[28..32].copy_from_slice(&pages.to_be_bytes());
    let stopped = dir.path().join("stopped.db");
    std::fs::write(&stopped, &database).unwrap();
    std::fs::write(inspect::companion(&stopped, "-journal"), &journal).unwrap();

    let store = Store::open(&stopped).unwrap();
    assert_eq!(
        store.review_count().unwrap(),
        0,
        "rolled back to the empty log"
    );
    let mode: String = store
        .connection()
        .pragma_query_value(None, "journal_mode", |row| row.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    assert!(!inspect::companion(&stopped, "-journal").exists());
    let check: String = store
        .connection()
        .query_row("PRAGMA integrity_check", [], |row| row.get(0))
        .unwrap();
    assert_eq!(check, "ok");
}
