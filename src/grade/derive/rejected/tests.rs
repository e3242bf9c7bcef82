use crate::grade::Grade;

/// A model answer that rejects a thing for one setting and advises it for another
/// (written for this test, not taken from a marked set).
const STORE: &str = "For unit tests on a laptop, SQLite is quick to set up and needs no \
    server, so keep a SQLite file next to the code. In production, SQLite is fragile \
    under many concurrent writers; run PostgreSQL on a managed instance, point every app \
    server at it, and take nightly backups with point-in-time recovery so a bad deploy \
    can be rolled back to the minute.";

fn grade(answer: &str) -> Grade {
    use crate::grade::tests::{derived_bank, grade};
    grade(
        &derived_bank(
            "Which database would you use for the unit tests on a laptop and which in \
             production, and why?",
            STORE,
        ),
        answer,
    )
}

fn rejected(grade: &Grade) -> bool {
    grade.contradictions.iter().any(|c| c.role == "rejected")
}

#[test]
fn what_the_model_answer_rejects_for_a_setting_given_there_contradicts() {
    for answer in [
        "Keep a SQLite file next to the code for the unit tests. In production, keep a \
         SQLite file on each app server too, with nightly backups and point-in-time \
         recovery, since it needs no server.",
        "Laptops: SQLite for the unit tests, quick to set up. In production, use SQLite \
         on a shared disk that every app server reaches, and take nightly backups with \
         point-in-time recovery.",
        "SQLite on laptops for the unit tests; in production, run SQLite as well, one file \
         per app server, backed up nightly with point-in-time recovery.",
    ] {
        let g = grade(answer);
        assert!(
            rejected(&g) && !g.passed,
            "{answer}: {:?}",
            g.contradictions
        );
    }
    let g = grade("In production, keep SQLite on every app server.");
    let text = crate::grade::explain(&g);
    assert!(text.contains("rejected"), "{text}");
}

#[test]
fn a_rejected_thing_named_to_reject_it_or_given_elsewhere_is_no_contradiction() {
    for answer in [
        // Rejected again.
        "SQLite is fine for unit tests on a laptop. In production, SQLite is fragile with \
         many concurrent writers, so run PostgreSQL on a managed instance with nightly \
         backups and point-in-time recovery.",
        // The setting after the thing.
        "Use SQLite on laptops for the unit tests and PostgreSQL in production, on a \
         managed instance with nightly backups and point-in-time recovery.",
        // Replaced.
        "Keep SQLite for the unit tests. In production, replace SQLite with PostgreSQL on \
         a managed instance, backed up nightly with point-in-time recovery.",
        // Denied.
        "In production there is no place for SQLite, because many writers lock it; run \
         PostgreSQL on a managed instance with nightly backups and point-in-time recovery.",
        // Set aside.
        "SQLite suits the laptop tests. In production, rather than SQLite, run PostgreSQL \
         on a managed instance with nightly backups and point-in-time recovery.",
        // Avoided.
        "SQLite suits the laptop tests; in production, avoid SQLite and run PostgreSQL on \
         a managed instance with nightly backups and point-in-time recovery.",
        // What goes wrong, no fix.
        "SQLite for the unit tests. In production SQLite breaks under concurrent writes, \
         so PostgreSQL on a managed instance, with nightly backups and point-in-time \
         recovery.",
    ] {
        let g = grade(answer);
        assert!(!rejected(&g), "{answer}: {:?}", g.contradictions);
    }
}
