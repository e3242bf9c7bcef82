//! The database schema as an ordered list of migrations, tracked with
//! `PRAGMA user_version`, and how a database is recognised as recall's.
//!
//! Migration N takes a database at version N-1 to version N. A migration that
//! has shipped is never edited, only followed by a new one: a database made by
//! any recall must reach the latest schema by running the ones it lacks. A
//! database whose version is above [`LATEST`] was made by a newer recall and
//! is refused before anything is written (see `Store::open`).
//!
//! Recognising a database is positive: [`identify`] reads (and never writes) its
//! `application_id`, its version and its tables, and calls it recall's only when the
//! tables are exactly those its version's migrations make. recall stamps
//! [`APPLICATION_ID`] on every database it migrates; databases from before it did
//! (versions 1 to [`LAST_UNSTAMPED`]) are recognised by their tables alone. Another
//! application's SQLite file, whatever its `user_version`, is something else.

use std::collections::BTreeMap;

use rusqlite::{Connection, TransactionBehavior};

/// Every migration, oldest first; `MIGRATIONS[0]` makes version 1.
pub(super) const MIGRATIONS: &[&str] = &[
    // 1: the review log and the per-question scheduling cache.
    r#"
CREATE TABLE review (
    id INTEGER PRIMARY KEY,
    bank TEXT NOT NULL,
    question TEXT NOT NULL,
    -- microseconds since the Unix epoch, UTC
    reviewed_at INTEGER NOT NULL,
    mode TEXT NOT NULL CHECK (mode IN ('drill', 'quiz', 'interview')),
    answer TEXT NOT NULL,
    -- the grader's score from 0 to 1; NULL when nothing was graded
    score REAL CHECK (score IS NULL OR (score >= 0 AND score <= 1)),
    suggested_rating INTEGER CHECK (suggested_rating BETWEEN 1 AND 4),
    rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 4),
    duration_ms INTEGER NOT NULL CHECK (duration_ms >= 0),
    -- the card's state just before this review, as the scheduler saw it
    state_before TEXT NOT NULL CHECK (state_before IN ('new', 'learning', 'review', 'relearning'))
);
CREATE INDEX review_by_question ON review (bank, question);
CREATE INDEX review_by_time ON review (reviewed_at);

-- The log is append-only: a row is never changed, and only the latest review
-- of a question may be deleted (that is `undo`).
CREATE TRIGGER review_is_append_only BEFORE UPDATE ON review
BEGIN
    SELECT RAISE(ABORT, 'the review log is append-only');
END;
CREATE TRIGGER review_undo_only_latest BEFORE DELETE ON review
WHEN EXISTS (SELECT 1 FROM review r WHERE r.bank = OLD.bank AND r.question = OLD.question AND r.id > OLD.id)
BEGIN
    SELECT RAISE(ABORT, 'only the latest review of a question can be undone');
END;

-- Derived from the log, rebuilt from it at will; updated in the same
-- transaction as each review.
CREATE TABLE card (
    bank TEXT NOT NULL,
    question TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('learning', 'review', 'relearning')),
    step INTEGER,
    stability REAL NOT NULL,
    difficulty REAL NOT NULL,
    due INTEGER NOT NULL,
    last_review INTEGER NOT NULL,
    first_review INTEGER NOT NULL,
    reps INTEGER NOT NULL,
    lapses INTEGER NOT NULL,
    PRIMARY KEY (bank, question)
) WITHOUT ROWID;
CREATE INDEX card_by_due ON card (due);
"#,
    // 2: FSRS parameters fitted by `recall optimize`.
    r#"
CREATE TABLE fitted_parameters (
    id INTEGER PRIMARY KEY,
    -- a JSON list of the 21 FSRS-6 weights
    weights TEXT NOT NULL,
    fitted_at INTEGER NOT NULL,
    reviews INTEGER NOT NULL,
    log_loss_before REAL NOT NULL,
    log_loss_after REAL NOT NULL,
    rmse_before REAL NOT NULL,
    rmse_after REAL NOT NULL
);
"#,
    // 3: answers that are logged without moving the schedule (a quiz answer to a
    // question that was not due). Replays of the log skip them.
    r#"
ALTER TABLE review ADD COLUMN rescheduled INTEGER NOT NULL DEFAULT 1 CHECK (rescheduled IN (0, 1));
"#,
    // 4: what the learner saw, and the learner's own marks on a question.
    r#"
-- The order a question's choices were shown in, as the bank's letters ('C,A,D,B'), so
-- that the letters the learner saw can be told again; NULL for a text question and for
-- answers recorded before the order was kept.
ALTER TABLE review ADD COLUMN choice_order TEXT;

-- Suspend, unsuspend, bury and reset: facts the learner creates, kept like answers.
-- Answers and marks share one sequence of ids (each new row of either table takes one
-- more than the highest id of both), so one question's answers and marks have one order.
CREATE TABLE mark (
    id INTEGER PRIMARY KEY,
    bank TEXT NOT NULL,
    question TEXT NOT NULL,
    -- microseconds since the Unix epoch, UTC
    marked_at INTEGER NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('suspend', 'unsuspend', 'bury', 'reset')),
    -- a bury lasts until the next study day starts (µs); only a bury has it
    buried_until INTEGER CHECK ((kind = 'bury') = (buried_until IS NOT NULL))
);
CREATE INDEX mark_by_question ON mark (bank, question);

-- Marks are append-only too, and only a question's latest answer or mark may be undone.
CREATE TRIGGER mark_is_append_only BEFORE UPDATE ON mark
BEGIN
    SELECT RAISE(ABORT, 'the review log is append-only');
END;
CREATE TRIGGER mark_undo_only_latest BEFORE DELETE ON mark
WHEN EXISTS (SELECT 1 FROM mark m WHERE m.bank = OLD.bank AND m.question = OLD.question AND m.id > OLD.id)
  OR EXISTS (SELECT 1 FROM review r WHERE r.bank = OLD.bank AND r.question = OLD.question AND r.id > OLD.id)
BEGIN
    SELECT RAISE(ABORT, 'only the latest answer or mark of a question can be undone');
END;
CREATE TRIGGER review_undo_only_before_marks BEFORE DELETE ON review
WHEN EXISTS (SELECT 1 FROM mark m WHERE m.bank = OLD.bank AND m.question = OLD.question AND m.id > OLD.id)
BEGIN
    SELECT RAISE(ABORT, 'only the latest answer or mark of a question can be undone');
END;
"#,
    // 5: when the database last passed SQLite's quick_check (run at most once a study
    // day, after a session, and by `recall doctor`): one row, replaced by each pass.
    r#"
CREATE TABLE last_check (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    -- the learner's study day it passed on, as YYYY-MM-DD
    study_day TEXT NOT NULL,
    -- microseconds since the Unix epoch, UTC
    checked_at INTEGER NOT NULL
);
"#,
    // 6: logs that move between databases. The database's learner and device ids; each
    // review's uuid (merging is by uuid), the learner who gave it (NULL: this database's
    // learner, whatever its id becomes), the device that recorded it and the version of
    // the question answered (NULL: not recorded). Existing reviews get uuids and this
    // device; the append-only trigger is lifted for that one update only.
    r#"
CREATE TABLE identity (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    learner TEXT NOT NULL,
    device TEXT NOT NULL
);
INSERT INTO identity (id, learner, device) VALUES (1,
    lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' ||
    substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) ||
    substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6))),
    lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' ||
    substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) ||
    substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6))));

ALTER TABLE review ADD COLUMN uuid TEXT;
ALTER TABLE review ADD COLUMN learner TEXT;
ALTER TABLE review ADD COLUMN device TEXT;
ALTER TABLE review ADD COLUMN version TEXT;

DROP TRIGGER review_is_append_only;
UPDATE review SET device = (SELECT device FROM identity),
    uuid = lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' ||
    substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) ||
    substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)));
CREATE TRIGGER review_is_append_only BEFORE UPDATE ON review
BEGIN
    SELECT RAISE(ABORT, 'the review log is append-only');
END;

-- Every review from now on has its uuid and device.
CREATE TRIGGER review_has_uuid_and_device BEFORE INSERT ON review
WHEN NEW.uuid IS NULL OR NEW.device IS NULL
BEGIN
    SELECT RAISE(ABORT, 'a review needs a uuid and a device');
END;
CREATE UNIQUE INDEX review_by_uuid ON review (uuid);
"#,
    // 7: the interview date the learner plans toward (`recall goal set`, `goal clear`),
    // kept like marks: each set or clear is a row, never changed; the latest row is the
    // goal. A clear has no date.
    r#"
CREATE TABLE goal (
    id INTEGER PRIMARY KEY,
    -- microseconds since the Unix epoch, UTC
    set_at INTEGER NOT NULL,
    -- the interview date, YYYY-MM-DD; NULL: the goal was cleared
    date TEXT CHECK (date IS NULL OR date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    -- JSON lists of bank ids and tier names; empty lists mean every bank, every tier
    banks TEXT NOT NULL DEFAULT '[]',
    tiers TEXT NOT NULL DEFAULT '[]',
    -- the predicted recall a question needs on the date to count as ready
    retention REAL CHECK ((date IS NULL) = (retention IS NULL) AND (retention IS NULL OR (retention > 0 AND retention < 1)))
);
CREATE TRIGGER goal_is_append_only BEFORE UPDATE ON goal
BEGIN
    SELECT RAISE(ABORT, 'the goal history is append-only');
END;
"#,
    // 8: mock interviews. How many hints the learner took before each answer; and the
    // questions a learner chose, at the end of an interview, to have asked first in the
    // next drill (from the study day `first_on`, until the question is next answered).
    r#"
ALTER TABLE review ADD COLUMN hints INTEGER NOT NULL DEFAULT 0 CHECK (hints >= 0);

CREATE TABLE revisit (
    id INTEGER PRIMARY KEY,
    bank TEXT NOT NULL,
    question TEXT NOT NULL,
    -- microseconds since the Unix epoch, UTC
    marked_at INTEGER NOT NULL,
    -- the study day (YYYY-MM-DD) from which drills ask it first
    first_on TEXT NOT NULL,
    -- its place among the questions marked together (0 first)
    position INTEGER NOT NULL
);
CREATE INDEX revisit_by_question ON revisit (bank, question);
"#,
    // 9: what each rubric concept did in a graded text answer, one character per concept
    // in the rubric's order ('m' matched, '.' missed, 'n' negated: `m.mn`), recorded with
    // the answer so that item analysis counts them instead of grading the answer again.
    // NULL for a choice answer and for answers recorded before it was kept. They belong
    // to the review's version, which names the rubric that graded it.
    r#"
ALTER TABLE review ADD COLUMN concepts TEXT CHECK (concepts NOT GLOB '*[^.mn]*');
"#,
];

/// The schema version this recall writes.
pub const LATEST: i64 = MIGRATIONS.len() as i64;

/// recall's mark in the SQLite header (`PRAGMA application_id`): "rcll".
pub const APPLICATION_ID: i32 = i32::from_be_bytes(*b"rcll");

/// The last schema version recall wrote without [`APPLICATION_ID`]: databases at
/// versions 1 to 3 may be recall's without saying so.
pub const LAST_UNSTAMPED: i64 = 3;

pub(super) fn version(connection: &Connection) -> rusqlite::Result<i64> {
    connection.pragma_query_value(None, "user_version", |row| row.get(0))
}

/// Bring the database from its version up to `target`, each migration in its
/// own transaction together with its version bump and recall's application id.
pub(super) fn migrate_to(connection: &mut Connection, target: i64) -> rusqlite::Result<()> {
    loop {
        let transaction = connection.transaction_with_behavior(TransactionBehavior::Immediate)?;
        // Read inside the write lock: another process may have migrated first.
        let current = version(&transaction)?;
        if current >= target {
            return Ok(());
        }
        transaction.execute_batch(MIGRATIONS[current as usize])?;
        transaction.pragma_update(None, "user_version", current + 1)?;
        transaction.pragma_update(None, "application_id", APPLICATION_ID)?;
        transaction.commit()?;
    }
}

/// A database's tables and their columns, in order: what recognising it compares.
pub(super) type Shape = BTreeMap<String, Vec<String>>;

/// The tables of `connection`'s main database and their columns (SQLite's own
/// `sqlite_*` tables left out).
fn shape(connection: &Connection) -> rusqlite::Result<Shape> {
    let mut statement = connection.prepare(
        "SELECT m.name, p.name FROM sqlite_master AS m, pragma_table_info(m.name) AS p \
         WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\' \
         ORDER BY m.name, p.cid",
    )?;
    let mut rows = statement.query([])?;
    let mut shape = Shape::new();
    while let Some(row) = rows.next()? {
        shape
            .entry(row.get::<_, String>(0)?)
            .or_default()
            .push(row.get(1)?);
    }
    Ok(shape)
}

/// The tables the first `version` migrations make.
fn shape_of_version(version: i64) -> rusqlite::Result<Shape> {
    let mut connection = Connection::open_in_memory()?;
    migrate_to(&mut connection, version)?;
    shape(&connection)
}

/// What a database turned out to be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Identity {
    /// No tables, no version and no other application's id: a new database (or the
    /// empty file another recall is creating at this moment).
    New,
    /// recall's, at this schema version.
    Recall(i64),
    /// recall's own id, but a version above [`LATEST`].
    TooNew(i64),
    /// recall's own id, but not the tables its version has: damaged, or made by a
    /// development build.
    Unexpected {
        /// Its schema version.
        version: i64,
        /// What differs, in words.
        detail: String,
    },
    /// Some other application's database.
    Foreign,
}

/// What the database on `connection` is, from its header and its tables, read in one
/// transaction so they describe one moment (another recall creating this database
/// commits its first migration, tables, version and id together, before or after).
/// Only reads.
pub(super) fn identify(connection: &mut Connection) -> rusqlite::Result<Identity> {
    let snapshot = connection.transaction()?;
    let application_id: i32 =
        snapshot.pragma_query_value(None, "application_id", |row| row.get(0))?;
    let version = version(&snapshot)?;
    let found = shape(&snapshot)?;
    snapshot.commit()?;
    let ours = application_id == APPLICATION_ID;
    if !ours && application_id != 0 {
        return Ok(Identity::Foreign);
    }
    if version == 0 && found.is_empty() {
        return Ok(Identity::New);
    }
    if !ours && !(1..=LAST_UNSTAMPED).contains(&version) {
        return Ok(Identity::Foreign);
    }
    if version > LATEST {
        return Ok(Identity::TooNew(version));
    }
    if version < 1 {
        return Ok(Identity::Unexpected {
            version,
            detail: "it has tables but no schema version".to_owned(),
        });
    }
    let expected = shape_of_version(version)?;
    if found == expected {
        return Ok(Identity::Recall(version));
    }
    if !ours {
        return Ok(Identity::Foreign);
    }
    Ok(Identity::Unexpected {
        version,
        detail: difference(&expected, &found),
    })
}

/// How `found` differs from `expected`, in words: the first table missing, extra or
/// with other columns.
fn difference(expected: &Shape, found: &Shape) -> String {
    if let Some(table) = expected.keys().find(|t| !found.contains_key(*t)) {
        return format!("the table `{table}` is missing");
    }
    if let Some(table) = found.keys().find(|t| !expected.contains_key(*t)) {
        return format!("it has a table `{table}` that version does not");
    }
    for (table, columns) in expected {
        if let Some(has) = found.get(table).filter(|has| *has != columns) {
            return format!(
                "the table `{table}` has the columns {} instead of {}",
                has.join(", "),
                columns.join(", ")
            );
        }
    }
    "its tables differ".to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_migration_runs_on_an_empty_database() {
        let mut connection = Connection::open_in_memory().unwrap();
        migrate_to(&mut connection, LATEST).unwrap();
        assert_eq!(version(&connection).unwrap(), LATEST);
    }

    #[test]
    fn the_log_refuses_updates_and_out_of_order_deletes() {
        let mut connection = Connection::open_in_memory().unwrap();
        migrate_to(&mut connection, LATEST).unwrap();
        let insert = "INSERT INTO review (bank, question, reviewed_at, mode, answer, rating, \
                      duration_ms, state_before, uuid, device) \
                      VALUES ('b', 'q', ?1, 'quiz', '', 3, 0, 'new', 'u' || ?1, 'd')";
        connection.execute(insert, [1]).unwrap();
        connection.execute(insert, [2]).unwrap();
        let update = connection.execute("UPDATE review SET rating = 1", []);
        assert!(update.unwrap_err().to_string().contains("append-only"));
        let delete_first = connection.execute("DELETE FROM review WHERE reviewed_at = 1", []);
        assert!(delete_first.unwrap_err().to_string().contains("latest"));
        assert_eq!(
            connection
                .execute("DELETE FROM review WHERE reviewed_at = 2", [])
                .unwrap(),
            1
        );
    }

    #[test]
    fn marks_are_append_only_and_hold_back_the_undo_of_earlier_answers() {
        let mut connection = Connection::open_in_memory().unwrap();
        migrate_to(&mut connection, LATEST).unwrap();
        connection
            .execute(
                "INSERT INTO review (id, bank, question, reviewed_at, mode, answer, rating, \
                 duration_ms, state_before, uuid, device) \
                 VALUES (1, 'b', 'q', 1, 'drill', '', 3, 0, 'new', 'u', 'd')",
                [],
            )
            .unwrap();
        let mark = |id: i64, kind: &str, until: Option<i64>| {
            connection.execute(
                "INSERT INTO mark (id, bank, question, marked_at, kind, buried_until) \
                 VALUES (?1, 'b', 'q', 2, ?2, ?3)",
                rusqlite::params![id, kind, until],
            )
        };
        mark(2, "suspend", None).unwrap();
        assert!(mark(3, "bury", None).is_err(), "a bury says until when");
        assert!(mark(3, "reset", Some(5)).is_err(), "only a bury has an end");
        assert!(mark(3, "forget", None).is_err());
        let error = connection
            .execute("DELETE FROM review WHERE id = 1", [])
            .unwrap_err();
        assert!(
            error.to_string().contains("latest answer or mark"),
            "{error}"
        );
        let error = connection.execute("UPDATE mark SET kind = 'reset'", []);
        assert!(error.unwrap_err().to_string().contains("append-only"));
        connection
            .execute("DELETE FROM mark WHERE id = 2", [])
            .unwrap();
        connection
            .execute("DELETE FROM review WHERE id = 1", [])
            .unwrap();
    }
}
