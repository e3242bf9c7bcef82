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

/// Model answers that put two things at the two ends of one scale.
const UNION: &str = "Union by size hangs the smaller tree under the larger root, so the \
    trees stay shallow, and path compression points each visited node at the root.";
const GENERATIONS: &str = "A generational collector scans the small young generation \
    each cycle, since most objects die young, and the large old generation only now \
    and then.";
const TIERS: &str = "Keep the database on the fast SSD and the archives on the slow disk, \
    which is cheap per gigabyte.";

fn swapped(model: &str, answer: &str) -> (bool, Grade) {
    let g = crate::grade::derive::tests::derived("Where does each thing go?", model, answer);
    (turned(&g), g)
}

#[test]
fn two_things_put_at_the_other_ends_of_one_scale_contradict_a_derived_rubric() {
    for (model, answer) in [
        (
            UNION,
            "Union by size puts the larger tree under the smaller root, which keeps the \
             trees shallow; path compression points visited nodes at the root.",
        ),
        (
            UNION,
            "The larger tree is hung below the root of the smaller one, and path \
             compression points each visited node at the root.",
        ),
        (
            GENERATIONS,
            "It scans the large young generation each cycle, as most objects die young, \
             and the small old generation now and then.",
        ),
        (
            TIERS,
            "Keep the database on the slow SSD and the archives on the fast disk.",
        ),
    ] {
        let (turned, g) = swapped(model, answer);
        assert!(turned && !g.passed, "{answer}: {g:?}");
    }
    let (_, g) = swapped(
        TIERS,
        "Keep the database on the slow SSD and the archives on the fast disk.",
    );
    let text = crate::grade::explain(&g);
    assert!(text.contains("\"slow ssd\""), "{text}");
}

#[test]
fn things_kept_at_their_ends_of_one_scale_or_at_one_end_only_are_left_alone() {
    for (model, answer) in [
        (
            UNION,
            "Attach the smaller tree beneath the root of the larger one so trees stay \
             shallow; path compression points each node at the root.",
        ),
        // The model's pairing said as well.
        (
            UNION,
            "The smaller tree goes under the larger tree's root, so trees stay shallow.",
        ),
        // One end only: the root of the larger tree is right.
        (
            UNION,
            "The root of the larger tree becomes the parent, so trees stay shallow, and \
             path compression points each node at the root.",
        ),
        // Under a negation.
        (
            UNION,
            "It never hangs the larger tree under the smaller root; path compression \
             points each visited node at the root.",
        ),
        (
            GENERATIONS,
            "Most objects die young, so the small young generation is scanned each cycle \
             and the big old generation now and then.",
        ),
        (
            TIERS,
            "The database goes on the fast SSD, the archives on the slow disk.",
        ),
        // Both ends joined before one head qualify it together.
        (
            "Each block gets a weak checksum that is cheap to roll and a strong hash \
             that confirms a match.",
            "It sends weak and strong checksums for each block, and the strong one \
             confirms a match.",
        ),
    ] {
        let (turned, g) = swapped(model, answer);
        assert!(!turned, "{answer}: {:?}", g.contradictions);
    }
}

/// Model answers that say two things are at the two ends of one scale, with *is*.
const STORES: &str = "Memory is fast but small, and disk is slow but large. Keep the hot \
    working set in memory and push cold history to disk, where it costs milliseconds to \
    read back but little to store.";
const HEAP: &str = "Most objects die young. The young generation is small and collected \
    often, so each minor collection is quick; survivors are promoted to the old \
    generation, which is large and collected rarely.";

#[test]
fn two_things_said_to_be_at_the_other_ends_of_one_scale_contradict_a_derived_rubric() {
    for (model, answer) in [
        (
            STORES,
            "Disk is fast but small, and memory is slow but large, so keep the hot \
             working set on disk and cold history in memory.",
        ),
        (
            STORES,
            "Memory is slow and disk is fast, so the hot working set goes in memory and \
             cold history to disk.",
        ),
        (
            HEAP,
            "Most objects die young, so the young generation is large and collected \
             rarely, while the old generation is small and collected often; survivors \
             are promoted.",
        ),
        (
            HEAP,
            "The old generation is small and the young one large; most objects die \
             young and survivors are promoted.",
        ),
    ] {
        let (turned, g) = swapped(model, answer);
        assert!(turned && !g.passed, "{answer}: {g:?}");
    }
}

#[test]
fn things_said_to_be_at_their_own_ends_of_one_scale_are_left_alone() {
    for (model, answer) in [
        (
            STORES,
            "Memory is fast and disk is slow: the hot working set stays in memory, cold \
             history goes to disk, cheap to store.",
        ),
        (
            STORES,
            "Memory is small but fast, disk large but slow; hot working set in memory, \
             cold history on disk.",
        ),
        // Said of neither thing.
        (
            STORES,
            "Reading back from disk is slow, so keep the hot working set in memory and \
             cold history on disk.",
        ),
        // Under a negation.
        (
            STORES,
            "Disk is not fast, so keep the hot working set in memory and cold history on \
             disk.",
        ),
        (
            HEAP,
            "Most objects die young: the young generation is small and collected often, \
             so minor collections are quick; survivors go to the old generation, which \
             is large.",
        ),
    ] {
        let (turned, g) = swapped(model, answer);
        assert!(!turned, "{answer}: {:?}", g.contradictions);
    }
}
