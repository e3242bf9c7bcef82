use crate::grade::Grade;

/// A model answer with a formula whose symbols it also says under a negation.
const SHARDS: &str = "Split the keys over s shards by hash. Each shard gets about k / s \
    of the k keys, and a lookup touches one shard. The busiest shard never holds more \
    than k / s plus a few keys, so adding shards spreads the load until s nears k.";

fn grade(answer: &str) -> Grade {
    use crate::grade::tests::{derived_bank, grade};
    grade(
        &derived_bank("How does sharding by hash spread the keys?", SHARDS),
        answer,
    )
}

#[test]
fn a_symbol_said_plainly_is_never_a_second_negated_concept() {
    let g = grade("Each of the s shards gets about k / s keys.");
    let labels: Vec<&str> = g.concepts.iter().map(|c| c.label.as_str()).collect();
    assert!(labels.contains(&"s") && labels.contains(&"k"), "{labels:?}");
    assert!(
        !labels
            .iter()
            .any(|l| l.starts_with("never ") && l.len() <= 7),
        "{labels:?}"
    );
    // A word under the negation is still a negated concept.
    assert!(labels.contains(&"never holds"), "{labels:?}");
}

/// `answer` graded against the rubric derived from `model` for `question`: the derived
/// rules' tests share it.
pub(super) fn derived(question: &str, model: &str, answer: &str) -> crate::grade::Grade {
    use crate::grade::tests::{derived_bank, grade};
    grade(&derived_bank(question, model), answer)
}

/// Whether `grade` has a contradiction of `role`.
pub(super) fn contradicted(grade: &crate::grade::Grade, role: &str) -> bool {
    grade.contradictions.iter().any(|c| c.role == role)
}
