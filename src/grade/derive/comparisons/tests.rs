use crate::grade::Grade;

/// A model answer that compares twice with *than*.
const KILN: &str = "A wood-fired kiln heats the pots unevenly: the chamber near the firebox \
    runs hotter, and pots on the upper shelves cool down slower than pots near the door. \
    The glaze on the back row comes out darker than the glaze at the front, so potters \
    rotate the shelves between firings and log each firing's cones.";

fn grade(answer: &str) -> Grade {
    crate::grade::derive::tests::derived(
        "How does a wood-fired kiln treat the pots on its shelves?",
        KILN,
        answer,
    )
}

fn turned(grade: &Grade) -> bool {
    crate::grade::derive::tests::contradicted(grade, "comparison")
}

#[test]
fn a_comparison_of_the_model_answer_turned_round_contradicts_a_derived_rubric() {
    // The antonym, the sides as the model answer has them.
    let antonym = grade(
        "The kiln heats pots unevenly near the firebox, and pots on the upper shelves cool \
         down faster than pots near the door, so potters rotate the shelves between firings.",
    );
    assert!(turned(&antonym) && !antonym.passed, "{antonym:?}");
    let text = crate::grade::explain(&antonym);
    assert!(text.contains("comparison \""), "{text}");
    // The same comparative, its sides swapped.
    let swapped = grade(
        "Heating is uneven: pots near the door cool down slower than pots on the upper \
         shelves, so the shelves are rotated between firings.",
    );
    assert!(turned(&swapped), "{swapped:?}");
}

#[test]
fn a_comparison_kept_turned_twice_denied_or_said_both_ways_is_no_turn() {
    for answer in [
        // As the model answer has it.
        "Pots on the upper shelves cool down slower than pots near the door; rotate them.",
        // The antonym with the sides swapped says the same.
        "Pots near the door cool down faster than pots on the upper shelves; rotate them.",
        // Under a negation.
        "Pots on the upper shelves do not cool faster than pots near the door.",
        // Another comparative, not the model's antonym.
        "Pots on the upper shelves need longer firings than pots near the door.",
        // Both ways: the answer also makes the model's comparison.
        "Pots on the upper shelves cool down slower than pots near the door, and the glaze \
         on the upper shelves cools faster than the glaze near the door.",
    ] {
        let g = grade(answer);
        assert!(!turned(&g), "{answer}: {:?}", g.contradictions);
    }
}

/// Fresh model answers (written for this rule, from no set) that bound a thing from
/// below with an equative: *at least as ... as*, *as ... as*.
const FOLLOWER: &str = "A follower may serve a read locally only when its applied index \
    is at least as high as the read index the leader returned; otherwise it waits until it \
    catches up with the leader's log.";
const BACKUPS: &str = "Keep the backups at least as long as the longest audit window, and \
    store one copy off site so a fire in the server room cannot destroy every copy.";
const HASH_INDEX: &str = "A hash index makes an equality lookup as fast as a primary key \
    lookup, but it keeps no order, so it cannot serve range scans or sorting.";
const PROMOTE: &str = "On failover, promote only a replica whose data is at least as up to \
    date as the old primary's, so that no acknowledged write is lost.";

fn equative(question: &str, model: &str, answer: &str) -> Grade {
    crate::grade::derive::tests::derived(question, model, answer)
}

#[test]
fn an_equative_bound_turned_below_contradicts_a_derived_rubric() {
    for (question, model, answer) in [
        // The antonym's comparative, the sides as the model answer has them.
        (
            "When may a follower serve a read locally?",
            FOLLOWER,
            "A follower serves the read locally when its applied index is lower than the \
             read index the leader returned, and otherwise waits to catch up.",
        ),
        // The adjective's own comparative, the sides swapped.
        (
            "When may a follower serve a read locally?",
            FOLLOWER,
            "Only when the read index from the leader is higher than the follower's \
             applied index may it serve the read locally; otherwise it catches up.",
        ),
        (
            "How long should backups be kept, and where?",
            BACKUPS,
            "Keep the backups shorter than the longest audit window and store one copy \
             off site, away from the server room.",
        ),
        (
            "What does a hash index do for lookups?",
            HASH_INDEX,
            "An equality lookup through a hash index is slower than a primary key lookup, \
             and as it keeps no order it cannot serve range scans.",
        ),
        // *less* before the equative's words.
        (
            "Which replica should be promoted on failover?",
            PROMOTE,
            "Promote a replica whose data is less up to date than the old primary's, so \
             no acknowledged write is lost.",
        ),
        // *more* with the sides swapped.
        (
            "Which replica should be promoted on failover?",
            PROMOTE,
            "Promote a replica only when the old primary is more up to date than its \
             data, so acknowledged writes survive.",
        ),
        // The bound itself denied: *not as ... as*.
        (
            "Which replica should be promoted on failover?",
            PROMOTE,
            "Promote a replica whose data is not as up to date as the old primary's, so \
             no acknowledged write is lost.",
        ),
        (
            "When may a follower serve a read locally?",
            FOLLOWER,
            "A follower serves a read locally when its applied index isn't as high as the \
             read index the leader returned, and otherwise it waits.",
        ),
    ] {
        let g = equative(question, model, answer);
        assert!(turned(&g) && !g.passed, "{answer}: {g:?}");
    }
}

#[test]
fn an_equative_bound_kept_or_said_without_a_comparison_is_no_turn() {
    for (question, model, answer) in [
        (
            "When may a follower serve a read locally?",
            FOLLOWER,
            "It serves reads locally once its applied index is at least as high as the \
             leader's read index, else it waits to catch up.",
        ),
        // Above the bound is within it.
        (
            "When may a follower serve a read locally?",
            FOLLOWER,
            "Reads are served locally when the applied index is higher than or equal to \
             the read index from the leader.",
        ),
        (
            "When may a follower serve a read locally?",
            FOLLOWER,
            "Only once its applied index has reached the leader's read index; until then \
             the follower waits and catches up.",
        ),
        (
            "How long should backups be kept, and where?",
            BACKUPS,
            "Backups must be kept longer than the audit window, with one copy off site.",
        ),
        (
            "What does a hash index do for lookups?",
            HASH_INDEX,
            "Equality lookups through a hash index run as fast as primary key lookups, \
             but range scans are not supported.",
        ),
        // The bound's other side said lower of the other thing: the same claim.
        (
            "Which replica should be promoted on failover?",
            PROMOTE,
            "Promote a replica only if the old primary is no more up to date than its \
             data; then no acknowledged write is lost.",
        ),
        (
            "Which replica should be promoted on failover?",
            PROMOTE,
            "Promote the replica whose data is more up to date than the old primary's, \
             so no acknowledged write is lost.",
        ),
        // The denied bound under a second negation: what the model answer says.
        (
            "Which replica should be promoted on failover?",
            PROMOTE,
            "Never promote a replica whose data is not as up to date as the old \
             primary's, or acknowledged writes are lost.",
        ),
    ] {
        let g = equative(question, model, answer);
        assert!(!turned(&g), "{answer}: {:?}", g.contradictions);
    }
}
