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
