//! Tests of the rejections said with words: which words a rejecting predicate, an
//! imperative *forget* and a bare *No.* negate, and what that does to a misconception
//! named to reject it and to a keyword rejected, through the grader. The wordings are
//! of their own (DNS TTLs, retries, heap sizes), in no marked set.

use crate::bank::Misconception;
use crate::grade::Rubric;
use crate::grade::explain::explain;
use crate::grade::tests::{bank, concept, grade, question, relation};
use crate::grade::token::{Parts, tokenize};
use crate::lang::stemmer;

/// Whether a negation cue governs the first token `word` of `text`.
fn negated(text: &str, word: &str) -> bool {
    let tokens = tokenize(text, &stemmer(), Parts::Emit);
    let cues = crate::grade::negation::governing_cues(&tokens);
    let at = tokens
        .iter()
        .position(|t| &*t.norm == word)
        .unwrap_or_else(|| panic!("no {word} in {text}"));
    cues[at].is_some()
}

#[test]
fn a_rejecting_predicate_negates_the_claim_of_its_clause() {
    for (text, word) in [
        ("Raising the heap size is a red herring here.", "heap"),
        ("Caching the token is a non-starter.", "caching"),
        (
            "Retrying forever is a trap: it hides the outage.",
            "retrying",
        ),
        ("Sharding the table is a dead end.", "sharding"),
        (
            "Rebooting the router is the last thing you want.",
            "rebooting",
        ),
        ("Restarting the daemon won't cut it.", "restarting"),
        ("Adding more replicas would only make it worse.", "replicas"),
        ("Forget the cache flag; set a lower TTL.", "cache"),
    ] {
        assert!(negated(text, word), "{word} in {text}");
    }
    // The clause after the rejection says what is true.
    assert!(!negated(
        "Retrying forever is a trap: it hides the outage.",
        "hides"
    ));
    assert!(!negated("Forget the cache flag; set a lower TTL.", "lower"));
}

#[test]
fn the_subject_of_a_belief_rejected_is_said_plainly() {
    let text = "The belief that a dropped frame stalls the whole queue is a trap.";
    assert!(!negated(text, "dropped"));
    assert!(negated(text, "stalls"));
    let text = "The notion that a bigger heap is faster is a red herring.";
    assert!(!negated(text, "heap"));
    assert!(negated(text, "faster"));
}

#[test]
fn degree_words_before_the_rejection_do_not_break_it() {
    for (text, word) in [
        ("Raising the heap size is really a red herring.", "heap"),
        ("Caching the token is pretty much a non-starter.", "caching"),
        ("Retrying forever is totally a trap.", "retrying"),
        (
            "Sharding the table is honestly a really wrong move.",
            "sharding",
        ),
        ("Sharding the table is totally the wrong move.", "sharding"),
        (
            "Rebooting the router is really the last thing you want.",
            "rebooting",
        ),
        (
            "Restarting the daemon pretty much won't cut it.",
            "restarting",
        ),
        (
            "Adding more replicas really only makes it worse.",
            "replicas",
        ),
    ] {
        assert!(negated(text, word), "{word} in {text}");
    }
}

#[test]
fn the_same_words_that_reject_nothing_negate_nothing() {
    for (text, word) in [
        // A noun phrase that goes on names a thing.
        ("The trap handler runs in the kernel.", "handler"),
        // A cause said to do harm is a claim; *only* makes it a rejection.
        ("More replicas make it worse under write load.", "replicas"),
        // *Forget* that does not open its clause dismisses nothing.
        (
            "If you forget the flag, the cache keeps the old record.",
            "flag",
        ),
        // Negated, the rejection is no rejection.
        ("Raising the heap size is not a red herring.", "heap"),
        // A *No* that is not a sentence of its own.
        ("Raise the timeout. No replica waits for it.", "timeout"),
    ] {
        assert!(!negated(text, word), "{word} in {text}");
    }
}

#[test]
fn a_no_that_goes_on_to_reject_rejects_the_sentence_before_it() {
    for (text, word, denied) in [
        (
            "Lower the TTL to one second? No, that is a red herring.",
            "ttl",
            true,
        ),
        (
            "Retry every call forever? Nope, it's a trap.",
            "retry",
            true,
        ),
        (
            "Should we double the heap? No, this would be a mistake.",
            "heap",
            true,
        ),
        // The reply goes on with a claim of its own: the question stands.
        (
            "Lower the TTL? No, the record is a red herring.",
            "ttl",
            false,
        ),
        // The rejection is too far from the reply to be all of it.
        (
            "Lower the TTL? No, that depends on how the resolver caches records and whether it is a myth.",
            "ttl",
            false,
        ),
    ] {
        assert_eq!(negated(text, word), denied, "{word} in {text}");
    }
}

#[test]
fn a_bare_no_rejects_the_sentence_before_it() {
    // A polar question keeps its subject plain and denies its predicate.
    let text = "Should the client retry forever? No. It backs off.";
    assert!(!negated(text, "client"));
    assert!(negated(text, "retry"));
    assert!(!negated(text, "backs"));
    let text = "Does the resolver cache answers? Nope.";
    assert!(!negated(text, "resolver"));
    assert!(negated(text, "cache"));
    // A sentence after the reply, whose pronoun may join the reply's sentence.
    let text = "Does the resolver cache answers? Nope. It forwards every query.";
    assert!(negated(text, "cache"));
    assert!(!negated(text, "forwards"));
    // A code token as the subject, with its pieces.
    let text = "Does HTTP/3 batch frames over one stream? Nope.";
    assert!(!negated(text, "http/3"));
    assert!(negated(text, "batch"));
    // A suggestion is rejected whole, by "No.", "Nope." or "Don't.".
    for text in [
        "Bump the timeout to a minute? No.",
        "Bump the timeout to a minute? Nope.",
        "Bump the timeout to a minute? Don't.",
        "Bump the timeout to a minute? Absolutely not.",
    ] {
        assert!(negated(text, "timeout"), "{text}");
    }
    // A reply that goes on is not bare: "No, ..." says its own claim.
    assert!(!negated(
        "Bump the timeout to a minute? No, bump it to two.",
        "timeout"
    ));
}

/// Round 44 (probe36:148): after a statement, "No:" with its reason answers the yes/no
/// part of the prompt ("..., and does a fuse stop a shock?"), and the statement stays
/// plain; after a question, or bare, the reply still rejects the sentence before.
#[test]
fn a_no_with_its_reason_after_a_statement_answers_the_prompt() {
    for (text, words) in [
        (
            "Melts its wire when the current runs too high and breaks the circuit. No: it is far too slow to stop a shock.",
            &["melts", "breaks", "circuit", "slow"][..],
        ),
        (
            "Spreads the chip's heat over its fins. Nope: without airflow the fins soon saturate.",
            &["spreads", "heat", "saturate"][..],
        ),
        (
            "Yeast ferments the sugar and the gas raises the dough.\nNo: too much salt slows it.",
            &["ferments", "raises", "slows"][..],
        ),
    ] {
        for word in words {
            assert!(!negated(text, word), "{word} in {text}");
        }
    }
    for (text, word) in [
        // A question before the reply: refused, with or without a reason.
        (
            "Does the fuse stop a shock? No: it is far too slow.",
            "stop",
        ),
        (
            "Fit a thicker fuse wire? No: the wire would overheat.",
            "thicker",
        ),
        ("A fuse stops a shock? No: it is far too slow.", "stops"),
        // A bare reply after a statement still rejects it.
        ("A fuse stops a shock. No.", "stops"),
        ("A fuse stops a shock. No. It is far too slow.", "stops"),
    ] {
        assert!(negated(text, word), "{word} in {text}");
    }
}

/// Round 44, through the grader: a fuse question with a yes/no part. "No:" with its
/// reason after the statement of what a fuse does answers that part and leaves the
/// statement plain; a bare "No." after it, or a "No:" refusing a question, still rejects.
#[test]
fn a_right_answer_replying_no_to_the_prompt_passes() {
    let b = bank(vec![question(
        "fuse",
        "What does a fuse do, and does it protect a person from an electric shock?",
        "A fuse melts when the current exceeds its rating and breaks the circuit, which \
         protects the wiring from overheating. It does not protect a person: it is far too slow.",
        Some(Rubric {
            concepts: vec![
                concept(&["melts", "melt"], 1.0, true),
                concept(&["circuit"], 1.0, true),
                concept(&["slow"], 1.0, true),
            ],
            forbidden: Vec::new(),
        }),
    )]);
    for right in [
        "It melts when too much current flows and breaks the circuit. No: it is far too slow to save a person.",
        "Its wire melts on an overload, opening the circuit. Nope: far too slow for a shock.",
    ] {
        let g = grade(&b, right);
        assert!(g.passed, "{right}: {}", explain(&g));
    }
    for wrong in [
        "It melts and breaks the circuit. No. It is far too slow.",
        "Does it melt and break the circuit? No: it is just far too slow.",
    ] {
        let g = grade(&b, wrong);
        assert!(!g.passed, "{wrong}: {}", explain(&g));
    }
}

/// A question on DNS moves, with the misconception "restarting the nameserver clears
/// the caches".
fn dns_bank() -> crate::bank::Bank {
    let mut q = question(
        "dns-move",
        "Clients still reach the old server a day after a DNS change. Why, and what should you do before the next move?",
        "Resolvers cache the old record until its TTL expires. Lower the TTL well before the next move, then change the record.",
        Some(Rubric {
            concepts: vec![
                concept(&["ttl", "time to live"], 1.0, true),
                concept(&["lower", "reduce", "shorten"], 1.0, true),
                concept(&["cache", "cached", "caches"], 1.0, false),
            ],
            forbidden: Vec::new(),
        }),
    );
    q.misconceptions.push(Misconception {
        concept: relation(
            &[&["restart", "restarting"], &["nameserver"]],
            false,
            1.0,
            false,
        ),
        feedback: "A restart clears only your own server's cache, not the resolvers'.".to_owned(),
        cap: None,
    });
    bank(vec![q])
}

#[test]
fn a_misconception_rejected_with_words_is_not_made() {
    let b = dns_bank();
    for right in [
        "Restarting the nameserver is really a red herring: resolvers cache the old record until its TTL runs out, so lower the TTL days before the move.",
        "Restart the nameserver? Nope. Resolvers keep the record cached for its TTL; lower the TTL days before the move.",
        "Forget restarting the nameserver. Resolvers cache the record for its TTL, so lower the TTL days ahead.",
    ] {
        let g = grade(&b, right);
        let made = &g.misconceptions;
        assert!(g.passed && made.is_empty(), "{right}: {}", explain(&g));
    }
    // Said plainly, it is made.
    let g = grade(
        &b,
        "Restarting the nameserver clears the caches; also lower the TTL days before the move.",
    );
    assert!(!g.passed, "{}", explain(&g));
}

#[test]
fn a_keyword_rejected_with_words_is_not_credited() {
    let b = dns_bank();
    for wrong in [
        "Resolvers cache the old record for its TTL. Lowering it is pretty much a non-starter; change the record and wait.",
        "Resolvers cache the old record for its TTL. Should you lower the TTL first? No. Just change the record and wait.",
    ] {
        let g = grade(&b, wrong);
        assert!(!g.passed, "{wrong}: {}", explain(&g));
    }
}

/// Guards "X? No, that's wrong.": the tokenizer drops the `'s` of *that's* and *it's*,
/// so the reply once reached the rejecting word with no *is* before it and rejected
/// nothing.
#[test]
fn a_reply_with_a_contracted_is_rejects_the_sentence_before() {
    for text in [
        "Double the thread pool? No, that's wrong. Profile the lock first.",
        "Double the thread pool? No, that's a red herring. Profile the lock first.",
        "Double the thread pool? Nope, it's a common mistake. Profile the lock first.",
    ] {
        assert!(negated(text, "pool"), "{text}");
        assert!(!negated(text, "profile"), "{text}");
    }
    // A pronoun with a rejecting word as its noun's adjective rejects nothing.
    assert!(!negated(
        "This wrong pool size starves the lock holder.",
        "starves"
    ));
}

#[test]
fn a_no_to_whether_the_subject_is_the_thing_named_rejects_the_subject() {
    let text = "Is the swap partition the thing to grow? No. Add RAM.";
    assert!(negated(text, "swap"));
    assert!(negated(text, "grow"));
    assert!(!negated(text, "ram"));
    // A question of what the subject does keeps its subject plain.
    let text = "Is the swap partition grown by the installer? No.";
    assert!(!negated(text, "swap"));
    assert!(negated(text, "grown"));
}

/// "the last thing" rejects only as the idiom of wanting ("the last thing you want",
/// "the last thing anyone needs"); "the last thing the function does" is an order in
/// time and denies nothing (a tail call, a `finally` block, a destructor).
#[test]
fn the_last_thing_done_is_an_order_not_a_rejection() {
    for (text, word) in [
        (
            "The compiler reuses the frame when the call is the last thing the function does.",
            "reuses",
        ),
        (
            "Releasing the lock is the last thing the handler does before it returns.",
            "releasing",
        ),
        (
            "Flushing the buffer is the last thing close() runs.",
            "flushing",
        ),
        (
            "Dropping the guard is the last thing that happens in the scope.",
            "dropping",
        ),
    ] {
        assert!(!negated(text, word), "{word} in {text}");
    }
    for (text, word) in [
        (
            "Giving the child a fresh timeout is the last thing you'd want.",
            "giving",
        ),
        (
            "Disabling fsync is the last thing anyone needs in production.",
            "disabling",
        ),
        (
            "Turning off the cache is the last thing we want.",
            "turning",
        ),
        (
            "Rebooting the box is honestly the last thing you should want here.",
            "rebooting",
        ),
    ] {
        assert!(negated(text, word), "{word} in {text}");
    }
}
