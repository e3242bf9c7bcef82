use crate::grade::derive::tests::{contradicted, derived};

const HEART: &str = "The human heart has four chambers. Two atria receive blood returning \
    from the body and the lungs, and two ventricles pump it out again: the right ventricle \
    to the lungs, the left ventricle to the rest of the body. Valves between them stop the \
    blood flowing backwards.";

const HANDSHAKE: &str = "A TCP connection opens with a handshake of three messages: the \
    client sends a SYN, the server answers with a SYN-ACK, and the client replies with an \
    ACK. A three-node cluster of replicas survives one failure.";

#[test]
fn a_count_the_model_answer_gives_a_thing_given_another_contradicts_it() {
    let q = "How is the heart built?";
    for answer in [
        "The heart has three chambers: the atria receive blood and a ventricle pumps it out.",
        "There is a single ventricle, which pumps blood to the lungs and to the body.",
    ] {
        let g = derived(q, HEART, answer);
        assert!(
            contradicted(&g, "count"),
            "{answer}: {:?}",
            g.contradictions
        );
    }
    let g = derived(
        "How does a TCP connection open?",
        HANDSHAKE,
        "The handshake takes two messages, a SYN and an ACK.",
    );
    assert!(contradicted(&g, "count"), "{:?}", g.contradictions);
}

#[test]
fn a_count_kept_bounded_denied_or_of_an_example_of_its_own_is_no_contradiction() {
    let q = "How is the heart built?";
    for answer in [
        // The model's count, also set against the wrong one.
        "Four chambers, not three: two atria and two ventricles.",
        "The heart has four chambers; two ventricles pump the blood out.",
        // A bound or a guess, not a count.
        "The heart has more than one chamber and at least two ventricles.",
        // One of several is no count of one.
        "One ventricle pumps blood to the lungs and the other ventricle to the body.",
        // A negated clause says no count.
        "The heart does not have one ventricle but two.",
    ] {
        let g = derived(q, HEART, answer);
        assert!(
            !contradicted(&g, "count"),
            "{answer}: {:?}",
            g.contradictions
        );
    }
    // An example of the answer's own: a cluster of five survives two failures.
    let g = derived(
        "How does a TCP connection open?",
        HANDSHAKE,
        "Three messages: SYN, SYN-ACK, ACK. A cluster of five replicas survives two failures.",
    );
    assert!(!contradicted(&g, "count"), "{:?}", g.contradictions);
}
