//! The database schema as an ordered list of migrations, tracked with
//! `PRAGMA user_version`.
//!
//! Migration N takes a database at version N-1 to version N. A migration that
//! has shipped is never edited, only followed by a new one: a database made by
//! any recall must reach the latest schema by running the ones it lacks. A
//! database whose version is above [`LATEST`] was made by a newer recall and
//! is refused before anything is written (see `Store::open`).

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
    // 4: logs that move between databases. The database's learner and device ids; each
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
];

/// The schema version this recall writes.
pub const LATEST: i64 = MIGRATIONS.len() as i64;

pub(super) fn version(connection: &Connection) -> rusqlite::Result<i64> {
    connection.pragma_query_value(None, "user_version", |row| row.get(0))
}

/// Bring the database from its version up to `target`, each migration in its
/// own transaction together with its version bump.
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
        transaction.commit()?;
    }
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
}
