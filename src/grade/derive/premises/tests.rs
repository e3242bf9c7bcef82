use crate::grade::Grade;

/// A question that asks why something helps, and a model answer that says why.
const POOL_ASKED: &str = "Why does connection pooling help a web application that talks to \
    PostgreSQL?";
const POOL: &str = "Opening a PostgreSQL connection is expensive: a TCP and often TLS \
    handshake, authentication, and a new backend process forked on the server, which costs \
    milliseconds and several megabytes of memory. A pool keeps a small set of connections \
    open and hands one to each request for the length of a transaction, so requests skip the \
    setup cost, and the database sees a bounded number of backends instead of one per \
    concurrent request, which keeps its memory use and context switching in check.";

/// A question with a foil (*than* a full table scan).
const INDEX_ASKED: &str = "Why is a lookup by key through a B-tree index faster than a full \
    table scan?";
const INDEX: &str = "Without an index the database has to read every row of the table to \
    find the key. A B-tree keeps the keys sorted in a shallow, wide tree whose nodes are disk \
    pages, so a lookup walks from the root to a leaf in a handful of page reads, logarithmic \
    in the number of rows, and then follows the leaf's pointer to the row.";

/// A question that asks why something matters.
const CDN_ASKED: &str = "Why does a CDN matter for users far from the origin server?";
const CDN: &str = "A CDN caches static content on edge servers in many regions, so a user \
    far from the origin fetches it from a nearby edge: the round trips are short, the TCP and \
    TLS handshakes finish sooner, and the origin serves only cache misses. Latency drops most \
    for users far away, where every round trip to the origin would cross an ocean.";

/// A question with a foil after *instead of*.
const BUILD_ASKED: &str = "Why do build systems cache outputs by content hash instead of by \
    file timestamp?";
const BUILD: &str = "A timestamp changes when a file is touched, checked out or copied \
    without its content changing, and can stay the same when the content changes on a machine \
    with a skewed clock, so timestamp keys cause needless rebuilds and, worse, stale outputs. \
    A hash of the inputs' contents changes exactly when the content does, so the cache reuses \
    an output whenever the same inputs come back, even on another machine or after a branch \
    switch, and the cache can be shared across a team.";

fn grade(asked: &str, model: &str, answer: &str) -> Grade {
    use crate::grade::tests::{derived_bank, grade};
    grade(&derived_bank(asked, model), answer)
}

fn denied(grade: &Grade) -> bool {
    grade.contradictions.iter().any(|c| c.role == "premise")
}

#[test]
fn an_answer_whose_thesis_denies_what_the_question_takes_as_given_fails() {
    for (asked, model, answer) in [
        (
            POOL_ASKED,
            POOL,
            "Pooling makes no difference for PostgreSQL: the server still forks a backend \
             process per request and the handshake and authentication cost stays the same.",
        ),
        (
            POOL_ASKED,
            POOL,
            "A connection pool does not help; every request still opens its own connection, \
             with a TCP handshake, authentication and a forked backend process.",
        ),
        (
            INDEX_ASKED,
            INDEX,
            "A B-tree lookup is not faster: the database still reads every row of the table, \
             only in sorted key order, from the root to a leaf.",
        ),
        (
            CDN_ASKED,
            CDN,
            "For users far from the origin a CDN brings no improvement, since every round \
             trip still crosses an ocean to the origin server and the edge only forwards it.",
        ),
        (
            CDN_ASKED,
            CDN,
            "Where the user is does not matter with a CDN: edge servers forward every request \
             to the origin, so round trips and latency stay the same.",
        ),
        (
            BUILD_ASKED,
            BUILD,
            "Hashing the content brings no benefit over timestamps: a touched file still \
             triggers a rebuild, and cached outputs cannot be shared across machines.",
        ),
    ] {
        let g = grade(asked, model, answer);
        assert!(denied(&g) && !g.passed, "{answer}: {:?}", g.contradictions);
    }
}

#[test]
fn a_denial_of_the_foil_or_of_a_side_claim_is_no_denied_premise() {
    for (asked, model, answer) in [
        // Right, and nothing denied.
        (
            POOL_ASKED,
            POOL,
            "Each new connection costs a TCP/TLS handshake, authentication and a forked \
             backend process on the server; a pool reuses open connections, so requests skip \
             that setup cost and the number of backends stays bounded.",
        ),
        // A side claim denied after the thesis.
        (
            POOL_ASKED,
            POOL,
            "It saves the handshake, authentication and backend fork per request by reusing \
             open connections, and it caps the number of backends. It does not help a query \
             that is slow by itself.",
        ),
        // The foil denied: the question puts the full table scan after *than*.
        (
            INDEX_ASKED,
            INDEX,
            "A full table scan does not get faster as the table grows; it reads every row, \
             while the B-tree walks from the root to a leaf in a handful of page reads.",
        ),
        // Another word negated ("no longer crosses").
        (
            CDN_ASKED,
            CDN,
            "The user no longer crosses an ocean for each round trip: a nearby edge server \
             answers from its cache, and only misses go to the origin.",
        ),
        // Not only: the premise kept.
        (
            CDN_ASKED,
            CDN,
            "A CDN does not only help far users: nearby edge servers cache static content, so \
             round trips are short and the origin serves only cache misses.",
        ),
        // The foil denied: the question puts the timestamp after *instead of*.
        (
            BUILD_ASKED,
            BUILD,
            "A file timestamp does not help: it changes on checkout or touch without the \
             content changing, while a content hash changes exactly when the inputs do, so \
             outputs are reused across machines.",
        ),
    ] {
        let g = grade(asked, model, answer);
        assert!(!denied(&g), "{answer}: {:?}", g.contradictions);
    }
}

#[test]
fn a_question_that_denies_the_word_itself_takes_no_premise() {
    // The question asks why it does not help: an answer saying so states the premise.
    let g = grade(
        "Why does adding threads not help a CPU-bound Python program?",
        "CPython's global interpreter lock lets only one thread run Python bytecode at a \
         time, so CPU-bound threads take turns on one core instead of running in parallel; \
         use processes to use more cores.",
        "Threads do not help because the global interpreter lock lets one thread run \
         bytecode at a time; use processes instead.",
    );
    assert!(!denied(&g), "{:?}", g.contradictions);
}

// Fresh sentences (w80-derived), written before the rule: two why-questions whose own
// clause is the premise (salt melting road ice, a wetsuit keeping a diver warm). A
// clause denying it of the question's subject fails; a clause denying a way, a side
// claim, or another word of the question does not.
const SALT_ASKED: &str = "Why does salt melt ice on a winter road?";
const SALT: &str = "Ice on a road is always covered by a thin film of liquid water. Salt \
    dissolves in that film, and the dissolved ions lower the freezing point of the water, so \
    the ice keeps melting into brine at temperatures below 0 °C. Below about -10 °C the \
    effect is too weak to keep up, and grit is spread for grip instead.";
const WETSUIT_ASKED: &str = "Why does a wetsuit keep a diver warm in cold water?";
const WETSUIT: &str = "A wetsuit is made of neoprene foam full of tiny gas bubbles, which \
    conduct heat poorly. A thin layer of water seeps in between the suit and the skin, the \
    body warms it, and because the snug suit keeps that layer from being flushed out, the \
    diver loses heat only slowly through the foam. A loose suit lets cold water circulate \
    and is far less warm.";

#[test]
fn a_clause_denying_what_a_why_takes_as_given_fails() {
    for (asked, model, answer) in [
        (
            SALT_ASKED,
            SALT,
            "The dissolved ions lower the freezing point of the water film. But salt doesn't \
             melt the ice; it only makes it rough.",
        ),
        (
            WETSUIT_ASKED,
            WETSUIT,
            "Neoprene foam is full of gas bubbles that conduct heat poorly. A wetsuit does not \
             keep the diver warm, though; the thin layer of water inside cools the skin.",
        ),
    ] {
        let g = grade(asked, model, answer);
        assert!(denied(&g) && !g.passed, "{answer}: {:?}", g.contradictions);
    }
}

#[test]
fn a_clause_denying_a_way_or_a_side_claim_keeps_the_why() {
    for (asked, model, answer) in [
        // Right and terse.
        (
            SALT_ASKED,
            SALT,
            "Salt dissolves in the water film on the ice and lowers its freezing point, so the \
             ice melts below 0 °C.",
        ),
        // A way denied, not the premise.
        (
            SALT_ASKED,
            SALT,
            "Salt doesn't melt ice by heating it: it dissolves in the water film and lowers \
             the freezing point.",
        ),
        // A side claim denied.
        (
            SALT_ASKED,
            SALT,
            "The ions lower the freezing point of the water film; salt does not work below \
             about -10 °C.",
        ),
        (
            WETSUIT_ASKED,
            WETSUIT,
            "The neoprene's gas bubbles conduct heat poorly, and the snug suit keeps the thin \
             layer of water the body warmed from being flushed out.",
        ),
        // Another word of the question denied, not of its run.
        (
            WETSUIT_ASKED,
            WETSUIT,
            "A wetsuit doesn't keep water out; it keeps a thin layer in, which the body warms \
             and the foam insulates.",
        ),
    ] {
        let g = grade(asked, model, answer);
        assert!(!denied(&g), "{answer}: {:?}", g.contradictions);
    }
}
