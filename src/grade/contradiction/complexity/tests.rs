//! Wrong costs, through the grader: fresh wordings on three made-up model answers of
//! their own (a heap for the top k, a hash table, binary search), written before the
//! rule, each marked as the grader must read it.

use crate::grade::tests::{any_bank, grade};

/// The role of the complexity contradiction `answer` makes against a question whose
/// model answer is `model` (rubric: each of `concepts` an `any`), if it makes one.
fn wrong_cost(model: &str, concepts: &[&[&str]], answer: &str) -> Option<String> {
    let g = grade(&any_bank("What does it cost?", model, concepts), answer);
    g.contradictions
        .iter()
        .find(|c| {
            c.role.starts_with("another ") && c.role.contains("where the model answer gives O(")
        })
        .map(|c| c.role.clone())
}

const HEAP: &str = "Keep a min-heap of the k largest items seen so far. One pass costs \
                    O(n log k) time and O(k) memory, where a full sort would need O(n log n) \
                    time.";
const HEAP_RUBRIC: &[&[&str]] = &[&["heap"], &["pass", "once"]];

const HASH: &str = "A hash table finds a key in O(1) average time by hashing it straight to \
                    its bucket; it uses O(n) space for n keys.";
const HASH_RUBRIC: &[&[&str]] = &[&["hash", "hashing"], &["bucket", "buckets"]];

const BINARY: &str = "Binary search halves the sorted range at every step, so it needs \
                      O(log n) time and only O(1) extra memory.";
const BINARY_RUBRIC: &[&[&str]] = &[&["halves", "half", "halving"], &["sorted"]];

#[test]
fn a_wrong_cost_for_the_resource_the_model_costs_contradicts_it() {
    for (model, rubric, answer) in [
        // Right idea, wrong memory.
        (
            HEAP,
            HEAP_RUBRIC,
            "A min-heap of size k is kept during one pass; it takes O(n log k) time but \
             O(n) memory.",
        ),
        // The cost of the full sort, claimed for the heap.
        (
            HEAP,
            HEAP_RUBRIC,
            "Use a heap holding the k biggest items: the pass runs in O(n log n) time.",
        ),
        // Spacing and case inside the brackets do not hide it.
        (
            HEAP,
            HEAP_RUBRIC,
            "Use a heap in one pass, which needs o(nlogn) time.",
        ),
        (
            HASH,
            HASH_RUBRIC,
            "Hashing sends the key to its bucket, so a lookup takes O(log n) time.",
        ),
        (
            HASH,
            HASH_RUBRIC,
            "The key is hashed to its bucket; the table needs O(1) memory in all.",
        ),
        (
            BINARY,
            BINARY_RUBRIC,
            "It halves the sorted range each step, which takes O(n) time.",
        ),
        (
            BINARY,
            BINARY_RUBRIC,
            "Halving the sorted array each time costs O(log n) memory.",
        ),
    ] {
        assert!(
            wrong_cost(model, rubric, answer).is_some(),
            "{answer:?} should contradict {model:?}"
        );
    }
}

#[test]
fn the_model_cost_a_contrast_or_another_resource_contradicts_nothing() {
    for (model, rubric, answer) in [
        // The model's costs, written otherwise.
        (
            HEAP,
            HEAP_RUBRIC,
            "A heap of the k largest, kept in one pass: O(nlogk) time, O(K) memory.",
        ),
        // The sort's cost, said as the contrast it is.
        (
            HEAP,
            HEAP_RUBRIC,
            "One pass with a heap takes O(n log k) time, where sorting everything would \
             take O(n log n).",
        ),
        (
            HEAP,
            HEAP_RUBRIC,
            "A heap in one pass beats sorting, which needs O(n log n) time.",
        ),
        (
            HEAP,
            HEAP_RUBRIC,
            "A heap in one pass is faster than the O(n log n) time of a naive sort.",
        ),
        (
            HASH,
            HASH_RUBRIC,
            "Hashing goes straight to the bucket, so lookup is O(1) time instead of O(n).",
        ),
        (
            HASH,
            HASH_RUBRIC,
            "Without hashing to a bucket a search would take O(n) time.",
        ),
        // Denied, not claimed.
        (
            BINARY,
            BINARY_RUBRIC,
            "It halves the sorted range, so it does not need O(n) time.",
        ),
        // A cost the model never gives its resource.
        (
            BINARY,
            BINARY_RUBRIC,
            "It halves the sorted range, so it makes O(log n) comparisons.",
        ),
        (
            BINARY,
            BINARY_RUBRIC,
            "Binary search halves the sorted range, unlike a linear scan at O(n) time.",
        ),
        (
            BINARY,
            BINARY_RUBRIC,
            "If the list were unsorted you would need O(n) time; halving the sorted \
             range needs O(log n).",
        ),
    ] {
        assert_eq!(
            wrong_cost(model, rubric, answer),
            None,
            "{answer:?} should not contradict {model:?}"
        );
    }
}

#[test]
fn a_cost_the_model_answer_sets_aside_is_no_cost_it_gives() {
    // The model's only cost is the scan's, after *beat*: lookups are not costed.
    let model = "Hash lookups beat a linear scan, which takes O(n) time, because the key \
                 is hashed straight to its bucket.";
    assert_eq!(
        wrong_cost(
            model,
            HASH_RUBRIC,
            "The key is hashed to its bucket, so a lookup takes O(1) time."
        ),
        None
    );
}
