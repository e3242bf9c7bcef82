//! Unit tests of a relation's term that is the object of another term met as a denial
//! (round 46, w85-probe38, probe38 line 57): "the tree doesn't replace chlorophyll"
//! meets `chlorophyll + not replaced`, the cue being the denied term's. Fresh sentences
//! of subjects no probe asks about; an answer that says the relation plainly, or puts
//! the term before the denial, still fails.

use super::tests::{concept, fails, passes, relation, rubric_bank};

#[test]
fn the_object_of_a_written_denial_is_named_plainly() {
    // Software licensing: the rubric writes the denial in the keyword.
    let b = rubric_bank(
        "What happens to the licence when the subscription lapses?",
        "When the subscription lapses the licence is not renewed, so the software stops \
         receiving updates.",
        vec![
            relation(
                &[&["licence"], &["not renewed", "never renewed"]],
                false,
                2.0,
                true,
            ),
            concept(&["updates"], 1.0, false),
        ],
    );
    for right in [
        "When the subscription lapses the vendor doesn't renew the licence, so updates stop.",
        "The vendor never renews a licence whose subscription has lapsed, so no more updates.",
        "Once it lapses, they do not renew licence keys and the updates stop.",
        "The vendor no longer renews the licence once the subscription lapses, so the updates stop.",
    ] {
        passes(&b, right);
    }
    for wrong in [
        // Said plainly: the contrary of the model answer.
        "When the subscription lapses the vendor renews the licence, so updates go on.",
        // The denial is of another verb; nothing says the licence is not renewed.
        "The vendor doesn't check the licence, so the updates go on.",
        // The term before the denial, and the renewal said plainly after it.
        "The licence doesn't lapse with the subscription: the vendor renews it.",
    ] {
        fails(&b, wrong);
    }
}

#[test]
fn the_object_of_a_denial_the_model_answer_makes_is_named_plainly() {
    // Gardening: the model answer states the pruning only negated.
    let b = rubric_bank(
        "Why is a spring-flowering shrub pruned straight after it flowers?",
        "Its flower buds form on last summer's growth, so the shrub is never pruned in \
         autumn or winter: that would cut the buds off.",
        vec![
            relation(&[&["shrub"], &["pruned"]], false, 2.0, true),
            concept(&["buds"], 1.0, false),
        ],
    );
    passes(
        &b,
        "You never prune the shrub in autumn, because next spring's buds are already on it.",
    );
    fails(
        &b,
        "You prune the shrub in autumn so it has time to grow new buds.",
    );
}
