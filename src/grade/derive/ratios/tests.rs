use crate::grade::Grade;

/// A model answer that writes two ratios.
const BUCKETS: &str = "Throw b balls into m buckets at random. Each bucket is hit by one \
    ball with probability 1/m, so after all the throws a fraction b/m of the buckets holds \
    a ball on average, as long as b stays well below m and the throws are independent of \
    each other.";

fn grade(answer: &str) -> Grade {
    use crate::grade::tests::{derived_bank, grade};
    grade(
        &derived_bank(
            "How full do the buckets get when balls are thrown at random?",
            BUCKETS,
        ),
        answer,
    )
}

fn over(grade: &Grade) -> bool {
    grade.contradictions.iter().any(|c| c.role == "ratio")
}

#[test]
fn a_ratio_of_the_model_answer_turned_over_contradicts_a_derived_rubric() {
    let g = grade(
        "Throw b balls into m buckets at random: each bucket is hit by one ball with \
         probability m/1, so a fraction m/b of the buckets holds a ball, when b stays below m.",
    );
    assert!(over(&g) && !g.passed, "{:?}", g.contradictions);
    let text = crate::grade::explain(&g);
    assert!(text.contains("ratio \"m/1\""), "{text}");
}

#[test]
fn ratios_kept_or_written_both_ways_are_no_turn() {
    for answer in [
        "Each bucket is hit with probability 1/m, so a fraction b/m of the buckets holds a ball.",
        // Both ways: the answer says the model's too.
        "A fraction b/m of the buckets holds a ball, not m/b; each is hit with probability 1/m.",
        // No ratio the model answer writes.
        "Each of the m buckets holds about b/2 balls at most, as the throws are independent.",
    ] {
        let g = grade(answer);
        assert!(!over(&g), "{answer}: {:?}", g.contradictions);
    }
}

/// A model answer that says a ratio in words, twice.
const HITS: &str = "The hit ratio of a cache is the number of hits divided by the number of \
    lookups, so a cache that serves 90 of 100 requests from memory has a hit ratio of 0.9. A \
    higher hit ratio means fewer trips to the slower backing store, which cuts latency and \
    load. Watch it per key prefix: a low ratio on one prefix often means its entries expire \
    too soon or a scan evicts them.";

/// A model answer that says a ratio with *ratio of ... to*.
const BUSY: &str = "CPU utilisation is the ratio of busy time to the length of the \
    sampling window: a core that ran tasks for 300 ms of a one-second window was 30% \
    utilised. Short windows make it jumpy and long ones hide bursts, so tools average it \
    over a few seconds and report it per core.";

/// `answer` graded against the rubric derived from [`HITS`].
fn hits(answer: &str) -> Grade {
    use crate::grade::tests::{derived_bank, grade};
    let prompt = "What is a cache's hit ratio, and why watch it?";
    grade(&derived_bank(prompt, HITS), answer)
}

/// `answer` graded against the rubric derived from [`BUSY`].
fn busy(answer: &str) -> Grade {
    use crate::grade::tests::{derived_bank, grade};
    grade(
        &derived_bank("What does CPU utilisation measure?", BUSY),
        answer,
    )
}

#[test]
fn a_ratio_said_in_words_turned_over_contradicts_a_derived_rubric() {
    for wrong in [
        "It is the number of lookups divided by the number of hits; the higher, the fewer trips to the backing store.",
        "Lookups divided by hits. A higher one means fewer slow trips to the backing store.",
        "The ratio of lookups to hits: the higher it is, the less load on the backing store.",
    ] {
        let g = hits(wrong);
        assert!(over(&g) && !g.passed, "{wrong}: {:?}", g.contradictions);
    }
    // Said with *divided by* where the model answer says *the ratio of ... to*.
    let g = busy("The sampling window's length divided by the busy time, averaged per core.");
    assert!(over(&g) && !g.passed, "{:?}", g.contradictions);
    let text = crate::grade::explain(&g);
    assert!(text.contains("says \"busy time to the length"), "{text}");
}

#[test]
fn a_ratio_said_in_words_the_models_way_or_denied_is_no_turn() {
    for right in [
        "Hits divided by lookups: the share of requests the cache serves itself, so fewer trips to the backing store.",
        "The ratio of hits to lookups; higher means less latency and load on the backing store.",
        // Denied, then said the model's way.
        "Not lookups divided by hits but hits divided by lookups.",
        // Both ways: the answer says the model's too.
        "Hits divided by lookups; lookups divided by hits is its inverse.",
        // Another ratio: nothing of the model's turned.
        "Requests divided by seconds is throughput; the hit ratio says how many of them the cache served.",
    ] {
        let g = hits(right);
        assert!(!over(&g), "{right}: {:?}", g.contradictions);
    }
    let g = busy("Busy time divided by the window length, averaged over a few seconds per core.");
    assert!(!over(&g), "{:?}", g.contradictions);
}
