use crate::grade::Grade;

/// A model answer that advises against a setting and an act (written for this test, not
/// taken from a marked set).
const IMPORT: &str = "A bulk load into PostgreSQL is fastest with COPY, not row-by-row \
    INSERTs. Drop the secondary indexes first and rebuild them after the load, and raise \
    maintenance_work_mem so the rebuild sorts in memory. Avoid fsync=off, which can \
    corrupt the whole cluster if the server crashes mid-load. Do not truncate the live \
    table; load into a staging table and swap it in.";

fn grade(answer: &str) -> Grade {
    use crate::grade::tests::{derived_bank, grade};
    grade(
        &derived_bank(
            "How would you make a large nightly import into PostgreSQL fast, and what must \
             you not do?",
            IMPORT,
        ),
        answer,
    )
}

fn advised(grade: &Grade) -> bool {
    grade.contradictions.iter().any(|c| c.role == "advised")
}

#[test]
fn what_the_model_answer_advises_against_advised_contradicts_a_derived_rubric() {
    for answer in [
        "Load with COPY rather than INSERTs, drop the secondary indexes and rebuild them \
         after the load, and set fsync=off for the load so it finishes sooner.",
        "To make it quick I'd run the import with fsync=off, then rebuild the secondary \
         indexes and raise maintenance_work_mem so the rebuild sorts in memory.",
        "Just use fsync=off and COPY, and rebuild the secondary indexes once the load is \
         done, with more maintenance_work_mem.",
        "Truncate the live table, COPY the new rows straight into it, then rebuild the \
         secondary indexes after the load.",
    ] {
        let g = grade(answer);
        assert!(advised(&g) && !g.passed, "{answer}: {:?}", g.contradictions);
    }
    let g = grade("Set fsync=off and COPY the rows in.");
    let text = crate::grade::explain(&g);
    assert!(text.contains("advised"), "{text}");
}

#[test]
fn a_refused_thing_warned_against_or_named_as_what_goes_wrong_is_no_contradiction() {
    for answer in [
        // Refused again.
        "Use COPY, drop the secondary indexes and rebuild them after the load, and never \
         set fsync=off, since a crash would corrupt the cluster.",
        // Set aside.
        "Instead of fsync=off, raise maintenance_work_mem and load with COPY into a \
         staging table, then swap it in.",
        // Named as what goes wrong.
        "fsync=off would be faster, but a crash mid-load can corrupt the whole cluster; \
         use COPY and rebuild the indexes afterwards.",
        // Supposed.
        "If you set fsync=off, a crash during the load can corrupt the cluster, so load \
         with COPY and rebuild the indexes after.",
        "Setting fsync=off is how clusters get corrupted; load with COPY into a staging \
         table and swap it in.",
        // The act set aside.
        "Load into a staging table with COPY and swap it in rather than truncate the live \
         table; rebuild the indexes after the load.",
        // Advice against by another verb.
        "Keep fsync on, load with COPY, rebuild the indexes afterwards, and avoid \
         truncating the live table.",
        // Limited to one case.
        "Use fsync=off only on a throwaway test cluster; in production load with COPY and \
         rebuild the indexes after.",
    ] {
        let g = grade(answer);
        assert!(!advised(&g), "{answer}: {:?}", g.contradictions);
    }
}

/// A model answer that refuses a flag with its own verb (written for this test).
const HOOK: &str = "When a pre-commit hook fails, read what it reports, fix the code or \
    the formatting, stage the fix and commit again. Never commit with --no-verify, which \
    skips every hook and lets the broken code into the shared branch.";

fn hook(answer: &str) -> Grade {
    use crate::grade::tests::{derived_bank, grade};
    grade(
        &derived_bank(
            "A pre-commit hook rejects your commit. What do you do?",
            HOOK,
        ),
        answer,
    )
}

#[test]
fn a_flag_refused_with_the_model_answers_own_verb_advised_with_it_contradicts() {
    let wrong = "Read what the hook reports, then commit with --no-verify to get past it \
                 and fix the code and the formatting in the next commit.";
    let g = hook(wrong);
    assert!(advised(&g) && !g.passed, "{:?}", g.contradictions);
    for right in [
        "Read what the hook reports, fix the code or the formatting, stage it and commit \
         again; committing with --no-verify lets broken code into the branch.",
        "Fix what the hook reports, stage the fix and commit again rather than commit \
         with --no-verify, which skips every hook.",
    ] {
        let g = hook(right);
        assert!(!advised(&g), "{right}: {:?}", g.contradictions);
    }
}
