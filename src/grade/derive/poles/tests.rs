use crate::grade::Grade;

/// A model answer that ties the length of a TTL to the number of queries, both ways.
const TTL: &str = "A record's TTL says how long resolvers may cache it. A short TTL means \
    more queries to the authoritative server, but a change reaches clients within \
    minutes; a long TTL means fewer queries, and clients keep a stale answer until it \
    expires. Lower it a day before a planned migration.";

/// A model answer that ties page size to TLB misses once.
const PAGES: &str = "Each TLB entry maps one page, so the TLB covers entries times the \
    page size. Larger pages mean fewer TLB misses for a process with a big working set, \
    at the cost of memory lost inside half-used pages.";

fn grade(model: &str, answer: &str) -> Grade {
    crate::grade::derive::tests::derived("What does a TTL trade off?", model, answer)
}

fn turned(grade: &Grade) -> bool {
    crate::grade::derive::tests::contradicted(grade, "scales")
}

#[test]
fn two_scales_tied_the_other_way_round_contradict_a_derived_rubric() {
    for answer in [
        "A short TTL means fewer queries to the authoritative server, and a long one \
         means more; changes reach clients within minutes.",
        "The longer the TTL, the more queries reach the authoritative server, and \
         clients keep a stale answer until it expires.",
        "Resolvers cache a record for its TTL: long TTLs bring many queries, short ones \
         bring few.",
    ] {
        let g = grade(TTL, answer);
        assert!(turned(&g) && !g.passed, "{answer}: {g:?}");
    }
    let g = grade(
        TTL,
        "A short TTL means fewer queries to the authoritative server, and a long one means \
         more.",
    );
    let text = crate::grade::explain(&g);
    assert!(
        text.contains(
            "scales \"short ttl means fewer queries\" where the model answer says \"short ttl means more queries\""
        ),
        "{text}"
    );
    let g = grade(
        PAGES,
        "Smaller pages mean fewer TLB misses for a big working set.",
    );
    assert!(turned(&g) && !g.passed, "{g:?}");
}

#[test]
fn scales_tied_as_the_model_answer_ties_them_or_not_tied_are_left_alone() {
    for answer in [
        // The same ties in other words and orders.
        "Short TTLs cause more lookups but let changes spread fast; long TTLs cut lookups.",
        "The shorter the TTL, the more queries the authoritative server gets.",
        "Fewer queries come with a long TTL, more with a short one.",
        // A comparison's other side is no tie.
        "A short TTL gives more queries than a long TTL does.",
        // Under a negation.
        "A long TTL does not mean more queries to the authoritative server.",
        // Scales the model answer does not tie.
        "With a lower TTL, resolvers query more often and see changes quickly.",
        // The model's tie stated too.
        "A long TTL means more queries; no, a short TTL means more queries.",
    ] {
        let g = grade(TTL, answer);
        assert!(!turned(&g), "{answer}: {:?}", g.contradictions);
    }
    for answer in [
        "Bigger pages cover more memory per entry, so fewer misses.",
        "Huge pages: fewer TLB misses, at most a few wasted megabytes.",
    ] {
        let g = grade(PAGES, answer);
        assert!(!turned(&g), "{answer}: {:?}", g.contradictions);
    }
}

#[test]
fn a_model_answer_that_ties_two_scales_both_ways_ties_them_not_at_all() {
    let model = "Larger buffers mean fewer system calls, though a large buffer can mean \
        more system calls for tiny files.";
    let g = grade(model, "A large buffer means more system calls.");
    assert!(!turned(&g), "{:?}", g.contradictions);
}

#[test]
fn a_tie_of_other_things_on_the_same_scales_is_no_turn() {
    let model = "Use a large buffer for fast sequential reads; mmap suits random access \
        to big files.";
    let g = grade(model, "A large buffer makes reads slow.");
    assert!(turned(&g), "{:?}", g.contradictions);
    for answer in [
        // Small files, not a small buffer.
        "For small files plain read() is faster.",
        "Read with a large buffer for fast sequential reads.",
    ] {
        let g = grade(model, answer);
        assert!(!turned(&g), "{answer}: {:?}", g.contradictions);
    }
}

#[test]
fn an_adverb_ties_nothing_outside_the_more_the_more() {
    let model = "Compaction stalls huge pages, so databases often ask for explicit huge \
        pages.";
    let g = grade(model, "Databases rarely ask for explicit huge pages.");
    assert!(!turned(&g), "{:?}", g.contradictions);
}
