use super::super::tests::{contradicted, derived};
use crate::grade::Grade;

// Three model answers written for these tests (not taken from a marked set), each
// saying that one change does not help: by words ("Increasing the timeout", "Adding
// more CPU cores") or by a setting ("Raising max_connections").

const FLAKY: &str = "The integration test is flaky because it sleeps for a fixed two \
    seconds and then asserts on work that a background thread does. Increasing the \
    timeout only makes the race rarer, so it does not fix the flakiness. Wait on a latch \
    or poll for the condition with a deadline, and inject a fake clock so the test never \
    depends on wall time.";

const POOL: &str = "The API runs out of database connections because one code path takes \
    a connection from the pool and never returns it when a query fails. Raising \
    max_connections on the server only moves the ceiling; it will not stop the errors. \
    Find the leak with pg_stat_activity, release every connection in a finally block, and \
    set an idle timeout on the pool.";

const CACHE: &str = "The service slows down because its in-process cache grows without \
    bound and the garbage collector runs almost constantly. Adding more CPU cores has no \
    effect on that, since the collector is waiting on the heap. Put a size limit on the \
    cache, evict the least recently used entries, and measure the heap after a day of \
    traffic.";

fn flaky(answer: &str) -> Grade {
    derived(
        "Why is the integration test flaky, and how would you fix it?",
        FLAKY,
        answer,
    )
}

fn pool(answer: &str) -> Grade {
    derived(
        "Why does the API run out of database connections, and what would you change?",
        POOL,
        answer,
    )
}

fn cache(answer: &str) -> Grade {
    derived(
        "Why does the service slow down over the day, and what would you change?",
        CACHE,
        answer,
    )
}

fn futile(grade: &Grade) -> bool {
    contradicted(grade, "futile")
}

#[test]
fn the_change_the_model_answer_calls_futile_advised_as_the_fix_contradicts() {
    for g in [
        // A command, by the model answer's words.
        flaky(
            "The background thread sometimes needs longer than the fixed two seconds of \
             sleep, so the assertion runs early. Increase the timeout to ten seconds so \
             the thread always finishes before the assertion.",
        ),
        // A command, by a flag.
        flaky(
            "It is a race between the fixed sleep and the background thread; just run the \
             suite with --timeout=30 and the test passes every time.",
        ),
        // The change said to work.
        flaky(
            "The fixed sleep of two seconds is too short for the background thread. \
             Increasing the timeout to ten seconds solves it, and a latch is overkill.",
        ),
        // A command after a subject with a modal.
        flaky(
            "The thread loses the race against the fixed sleep and the assertion runs \
             early, so I'd bump the timeout to a minute and leave the test as it is.",
        ),
        // The model's setting, by a command and by a value.
        pool(
            "One code path takes a connection from the pool and never returns it when a \
             query fails. Raise max_connections to 500 so the API stops running out.",
        ),
        pool(
            "A failed query leaks its connection from the pool. Set max_connections=1000 \
             on the server and restart it, and the errors go away.",
        ),
        pool(
            "The pool leaks a connection on every failed query. Raising max_connections to \
             1000 solves it, since the pool can then open as many as it needs.",
        ),
        // Words in the model answer, a flag in the answer.
        cache(
            "The cache grows without bound and the garbage collector cannot keep up, so \
             give the container --cpus=4 and the collector will keep pace with the heap.",
        ),
        cache(
            "The in-process cache grows and the garbage collector runs all the time. Add \
             two more cores so the collector runs in parallel with the requests.",
        ),
        cache(
            "The cache grows without bound and the garbage collector runs constantly. More \
             CPU cores would help here, since the collector gets a core of its own.",
        ),
    ] {
        assert!(futile(&g) && !g.passed, "{:?}", g.contradictions);
    }
    let g = pool("Raise max_connections to 500.");
    let text = crate::grade::explain(&g);
    assert!(text.contains("futile"), "{text}");
}

#[test]
fn the_futile_change_dismissed_supposed_or_set_aside_is_no_contradiction() {
    for g in [
        // Dismissed, as the model answer does.
        flaky(
            "A longer timeout only makes the race rarer; wait on a latch or poll for the \
             condition with a deadline, and inject a fake clock.",
        ),
        // Refused.
        flaky(
            "Do not increase the timeout: it hides the race. Wait on a latch or poll for the \
             condition with a deadline, and inject a fake clock.",
        ),
        // Supposed.
        flaky(
            "If you increase the timeout the race still happens, less often; wait on a latch \
             or poll for the condition with a deadline, and inject a fake clock.",
        ),
        // Set aside.
        flaky(
            "Rather than increase the timeout, wait on a latch or poll for the condition \
             with a deadline, and inject a fake clock so wall time does not matter.",
        ),
        // A timeout of another kind, set, not raised.
        flaky(
            "Wait on a latch instead of sleeping, set a timeout on that wait so a hung \
             thread fails fast, and inject a fake clock.",
        ),
        // Dismissed by *just*, and by a negation.
        pool(
            "Raising max_connections just moves the ceiling. Find the leak with \
             pg_stat_activity and release every connection in a finally block.",
        ),
        pool(
            "max_connections is not the problem: a code path never returns its connection. \
             Release it in a finally block and set an idle timeout on the pool.",
        ),
        cache(
            "More cores won't help; the collector is waiting on the heap. Put a size limit \
             on the cache and evict the least recently used entries.",
        ),
        cache(
            "Put a size limit on the cache and evict the least recently used entries; the \
             CPU is not the bottleneck, the heap is.",
        ),
        // A usage verb with none of the change's words.
        cache(
            "Give the cache a size limit, evict the least recently used entries, then \
             measure the heap after a day of traffic.",
        ),
    ] {
        assert!(!futile(&g), "{:?}", g.contradictions);
    }
}
