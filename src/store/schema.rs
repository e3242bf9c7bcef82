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
                      duration_ms, state_before) VALUES ('b', 'q', ?1, 'quiz', '', 3, 0, 'new')";
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
                 duration_ms, state_before) VALUES (1, 'b', 'q', 1, 'drill', '', 3, 0, 'new')",
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
