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

/// A model answer that sets things aside with cues that are not negating words.
const ASIDE: &str = "Instead of polling the disk, the daemon waits for an event from the \
    kernel. Rather than a lock, it uses a compare-and-swap loop. Instead of sending every \
    single change to one central broker, each node gossips with two neighbours.";

/// The concept of `grade` shown as `label`.
fn shown<'a>(grade: &'a Grade, label: &str) -> Option<&'a crate::grade::ConceptResult> {
    grade.concepts.iter().find(|c| c.label == label)
}

#[test]
fn a_word_set_aside_is_shown_in_the_model_answers_words_and_matched_as_before() {
    let g = derived(
        "How does the daemon learn of changes?",
        ASIDE,
        "It waits for an event.",
    );
    let labels: Vec<&str> = g.concepts.iter().map(|c| c.label.as_str()).collect();
    // The cue, its *of* or *than*, and the word between; more are `…`.
    for label in [
        "instead of polling",
        "instead of … disk",
        "rather than a lock",
        "instead of sending",
        "instead of … single",
        "instead of … change",
        "instead of … central",
    ] {
        assert!(labels.contains(&label), "{label}: {labels:?}");
    }
    // No label is a keyword the model answer never says.
    assert!(!labels.iter().any(|l| l.starts_with("not ")), "{labels:?}");
    // The keyword that matches is still the negated word, and the JSON says so.
    let polling = shown(&g, "instead of polling").unwrap();
    assert_eq!(polling.keyword.as_deref(), Some("not polling"));
    // A plain concept's label is its keyword: no `keyword` beside it.
    assert_eq!(shown(&g, "daemon").unwrap().keyword, None);
}

#[test]
fn a_word_set_aside_counts_negated_and_turns_round_said_plainly() {
    let question = "How does the daemon learn of changes?";
    let g = derived(
        question,
        ASIDE,
        "It waits for kernel events; it never polls the disk.",
    );
    let polling = shown(&g, "instead of polling").unwrap();
    assert!(polling.matched.is_some(), "{polling:?}");
    let g = derived(question, ASIDE, "It polls the disk every second.");
    let polling = shown(&g, "instead of polling").unwrap();
    assert!(polling.turned(), "{polling:?}");
    assert_eq!(polling.note.as_deref(), Some("said plainly, not set aside"));
}

#[test]
fn a_negating_cue_keeps_its_own_words_as_the_label() {
    let model = "The daemon does not poll the disk; it waits for an event from the kernel.";
    let g = derived("How does the daemon learn of changes?", model, "It waits.");
    let poll = shown(&g, "not poll").unwrap();
    assert_eq!(poll.keyword, None);
}

#[test]
fn learner_lists_leave_out_a_derived_one_letter_word() {
    let g = grade("Each of the s shards gets about k / s keys.");
    let s = g.concepts.iter().find(|c| c.label == "s").unwrap();
    assert!(!s.worth_naming(true), "a derived `s` means nothing alone");
    assert!(s.worth_naming(false), "an author's keyword is always named");
    let shard = g.concepts.iter().find(|c| c.label == "shards").unwrap();
    assert!(shard.worth_naming(true));
    // The cue word of "instead of" alone says nothing either; what it sets aside does.
    let g = derived("How does the daemon learn of changes?", ASIDE, "It waits.");
    let named = |label: &str| shown(&g, label).unwrap().worth_naming(true);
    assert!(!named("instead") && !named("rather"));
    assert!(named("instead of polling") && named("rather than a lock"));
}
