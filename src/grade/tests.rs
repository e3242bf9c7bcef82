//! Unit tests of the grading rules through the public API, and property tests.

use super::*;
use crate::bank::{Concept, Forbidden, Kind};
use proptest::prelude::*;
use std::path::PathBuf;

/// The segment of the first token of `text` (an answer's reading) whose norm is `word`.
pub(super) fn segment(text: &str, word: &str) -> u32 {
    token::tokenize(
        text,
        &rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English),
        token::Parts::Emit,
    )
    .iter()
    .find(|t| &*t.norm == word)
    .map(|t| t.place.segment)
    .unwrap()
}

pub(super) fn question(id: &str, prompt: &str, model: &str, rubric: Option<Rubric>) -> Question {
    Question {
        model_answer: Some(model.to_owned()),
        rubric,
        ..Question::new(id, Kind::ShortAnswer, prompt)
    }
}

/// A bank `b` of these questions (for every test of the grader and its parts).
pub(super) fn bank(questions: Vec<Question>) -> Bank {
    Bank {
        id: "b".to_owned(),
        title: "B".to_owned(),
        lesson: None,
        module: None,
        description: None,
        tags: Vec::new(),
        questions,
        synonyms: Vec::new(),
        lexicon: None,
        source: PathBuf::from("b.toml"),
    }
}

/// A bank of one question: `model` as its model answer and `concepts` its rubric.
pub(super) fn rubric_bank(prompt: &str, model: &str, concepts: Vec<Concept>) -> Bank {
    mistakes_bank(prompt, model, concepts, Vec::new())
}

/// A bank of one question: `model` as its model answer, `concepts` its rubric and each of
/// `mistakes` a misconception (its feedback "That is the mistake.").
pub(super) fn mistakes_bank(
    prompt: &str,
    model: &str,
    concepts: Vec<Concept>,
    mistakes: Vec<Concept>,
) -> Bank {
    let rubric = Rubric {
        concepts,
        forbidden: Vec::new(),
    };
    let mut q = question("q", prompt, model, Some(rubric));
    q.misconceptions = mistakes
        .into_iter()
        .map(|concept| crate::bank::Misconception {
            concept,
            feedback: "That is the mistake.".to_owned(),
            cap: None,
        })
        .collect();
    bank(vec![q])
}

pub(super) fn concept(alternatives: &[&str], weight: f64, required: bool) -> Concept {
    Concept {
        weight,
        required,
        ..Concept::any(alternatives.iter().map(|s| (*s).to_owned()).collect())
    }
}

/// A bank of one question whose rubric is one required keyword.
fn one_keyword_bank(keyword: &str, id: &str, prompt: &str, model: &str) -> Bank {
    let rubric = Rubric {
        concepts: vec![concept(&[keyword], 1.0, true)],
        forbidden: Vec::new(),
    };
    bank(vec![question(id, prompt, model, Some(rubric))])
}

/// A rubric of one required concept, a relation of the two terms `a` and `b`.
fn two_term_rubric(a: &str, b: &str, within: crate::bank::Within, ordered: bool) -> Rubric {
    Rubric {
        concepts: vec![Concept {
            shown: None,
            required: true,
            relation: Some(crate::bank::Relation {
                terms: vec![vec![a.to_owned()], vec![b.to_owned()]],
                within,
                ordered,
            }),
            ..Concept::any(Vec::new())
        }],
        forbidden: Vec::new(),
    }
}

/// A bank of one question whose rubric is the relation `a + b` within a sentence.
fn sentence_relation_bank(a: &str, b: &str, model: &str) -> Bank {
    let rubric = two_term_rubric(a, b, crate::bank::Within::Sentence, false);
    bank(vec![question("q", "Why?", model, Some(rubric))])
}

/// The volume question of the minimal fixture bank.
fn volume_bank() -> Bank {
    let rubric = Rubric {
        concepts: vec![
            concept(&["daemon"], 1.0, false),
            concept(&["persist", "survive"], 2.0, true),
        ],
        forbidden: vec![Forbidden {
            terms: vec!["bind mount".to_owned()],
        }],
    };
    bank(vec![question(
        "volume",
        "What is a volume?",
        "Storage managed by the daemon that persists.",
        Some(rubric),
    )])
}

/// Asserts that `text` passes on `bank`'s one question, with the breakdown when it does not.
pub(super) fn passes(bank: &Bank, text: &str) {
    let g = grade(bank, text);
    assert!(
        g.passed,
        "should pass: {text}\n{}",
        super::explain::explain(&g)
    );
}

/// Asserts that `text` fails on `bank`'s one question, with the breakdown when it does not.
pub(super) fn fails(bank: &Bank, text: &str) {
    let g = grade(bank, text);
    assert!(
        !g.passed,
        "should fail: {text}\n{}",
        super::explain::explain(&g)
    );
}

/// `answer` graded as an answer to the first question of `bank`.
pub(super) fn grade(bank: &Bank, answer: &str) -> Grade {
    Grader::new(std::slice::from_ref(bank)).grade(bank, &bank.questions[0], answer)
}

/// A one-question bank asking `prompt`, with `model` as the model answer and no
/// keywords: its rubric is derived.
pub(super) fn derived_bank(prompt: &str, model: &str) -> Bank {
    bank(vec![question("q", prompt, model, None)])
}

/// A one-question bank asking `prompt`: `model` as the model answer, each of
/// `concepts` an `any`.
pub(super) fn any_bank(prompt: &str, model: &str, concepts: &[&[&str]]) -> Bank {
    let rubric = Rubric {
        concepts: concepts
            .iter()
            .map(|alts| Concept::any(alts.iter().map(|s| (*s).to_owned()).collect()))
            .collect(),
        forbidden: Vec::new(),
    };
    let question = Question {
        model_answer: Some(model.to_owned()),
        rubric: Some(rubric),
        ..Question::new("q", Kind::ShortAnswer, prompt)
    };
    bank(vec![question])
}

/// A drill hands the grader only the questions it asks; a derived rubric still weighs
/// words by the whole bank's model answers, which `with_banks_from` gives.
#[test]
fn a_bank_given_in_part_is_graded_as_the_whole_bank() {
    let whole = bank(vec![
        question(
            "volume",
            "What is a volume?",
            "Storage managed by the daemon that persists data.",
            None,
        ),
        question(
            "image",
            "What is an image?",
            "A template managed by the daemon.",
            None,
        ),
        question(
            "layer",
            "What is a layer?",
            "A diff managed by the daemon.",
            None,
        ),
    ]);
    let part = Bank {
        questions: whole.questions[..1].to_vec(),
        ..whole.clone()
    };
    let answer = "storage the daemon manages";
    let expected =
        Grader::new(std::slice::from_ref(&whole)).grade(&whole, &whole.questions[0], answer);
    let alone = Grader::new(std::slice::from_ref(&part)).grade(&part, &part.questions[0], answer);
    assert_ne!(
        alone.score, expected.score,
        "the rest of the bank weighs nothing here"
    );
    let copy = whole.clone();
    let grader = Grader::new(std::slice::from_ref(&part))
        .with_banks_from(move |id| (id == copy.id).then(|| copy.clone()));
    assert_eq!(grader.grade(&part, &part.questions[0], answer), expected);
}

#[test]
fn weights_make_the_score() {
    let b = volume_bank();
    let g = grade(&b, "managed by the daemon, and it persists");
    assert_eq!(g.score, 1.0);
    assert!(g.passed);
    let g = grade(&b, "it survives restarts");
    assert!((g.score - 2.0 / 3.0).abs() < 1e-9, "{}", g.score);
    assert!(g.passed);
    assert_eq!(g.matched(), ["persist"]);
    assert_eq!(g.missed(), ["daemon"]);
}

#[test]
fn alternatives_each_count() {
    let b = volume_bank();
    let g = grade(&b, "it survives");
    assert_eq!(g.concepts[1].matched, Some(vec!["survives".to_owned()]));
}

#[test]
fn a_word_written_with_hyphens_is_the_word_without_them() {
    let rubric = Rubric {
        concepts: vec![
            concept(&["reusability"], 1.0, false),
            concept(&["subproblems"], 1.0, false),
        ],
        forbidden: Vec::new(),
    };
    let b = bank(vec![question(
        "oop",
        "Why split a program?",
        "Reusability, and subproblems are easier to solve.",
        Some(rubric),
    )]);
    let g = grade(&b, "Re-usability, and sub-problems are simpler");
    assert_eq!(g.matched(), ["reusability", "subproblems"]);
    let g = grade(&b, "re usability of sub problems");
    assert!(
        g.matched().is_empty(),
        "only a hyphen joins: {:?}",
        g.matched()
    );
}

#[test]
fn a_phrase_of_two_content_words_matches_the_other_way_round() {
    let b = one_keyword_bank(
        "vacuum full",
        "vacuum",
        "What rewrites a PostgreSQL table?",
        "VACUUM FULL rewrites the table.",
    );
    assert!(grade(&b, "a full vacuum rewrites it").passed);
    assert!(!grade(&b, "a full table scan, then vacuum").passed);
}

#[test]
fn a_path_keyword_matches_its_folder_said_in_words() {
    let b = one_keyword_bank(
        ".github/workflows",
        "ci",
        "Where do workflow files go?",
        "In .github/workflows at the root.",
    );
    for (answer, passes) in [
        ("In .github/workflows/", true),
        ("a workflows directory inside .github", true),
        ("the workflows folder under .github", true),
        ("workflows in GitHub are YAML files", false),
        ("a github directory inside workflows", false),
        ("In .github/workflow/ at the root", false),
    ] {
        assert_eq!(grade(&b, answer).passed, passes, "{answer}");
    }
}

#[test]
fn a_number_in_words_is_the_number_in_digits() {
    let b = one_keyword_bank(
        "two children",
        "binary",
        "What is a binary tree?",
        "A tree whose nodes have at most two children.",
    );
    assert!(grade(&b, "each node has at most 2 children").passed);
    assert!(!grade(&b, "each node has at most 3 children").passed);
}

#[test]
fn an_adjective_negated_by_un_is_its_root_negated() {
    let b = one_keyword_bank(
        "unlimited",
        "constructors",
        "How many constructors can a class have?",
        "An unlimited number.",
    );
    for right in [
        "an unlimited number",
        "there is no limit to how many",
        "the number is not limited",
        "as many as you like, without any limit",
    ] {
        assert!(grade(&b, right).passed, "{right}");
    }
    for wrong in ["a limited number", "it is limited to one"] {
        assert!(!grade(&b, wrong).passed, "{wrong}");
    }
}

#[test]
fn a_verb_denied_first_says_its_opposite() {
    let b = one_keyword_bank(
        "refuses",
        "tickets",
        "What does the gate do with an expired ticket?",
        "The gate refuses an expired ticket.",
    );
    for right in [
        "the gate refuses it",
        "the gate will not accept an expired ticket",
        "it does not, whatever the printed date says, accept the ticket",
    ] {
        assert!(grade(&b, right).passed, "{right}");
    }
    for wrong in [
        // Not denied first: the cue denies *wait*, the ticket is accepted.
        "the gate does not wait once the ticket is accepted",
        // An adjective of the same stem is no form of the verb.
        "a ticket that is not acceptable to others still passes the gate",
        // The opposite said plainly is no claim of the term, and no match of it.
        "the gate accepts it",
    ] {
        assert!(!grade(&b, wrong).passed, "{wrong}");
    }
}

#[test]
fn a_term_in_an_aside_of_its_own_denial_is_denied() {
    let b = any_bank(
        "What happens to a draft when the editor is closed?",
        "The draft is discarded when the editor is closed, so save it to a file first.",
        &[&["discarded", "erased", "wiped"], &["file"]],
    );
    let aside = grade(
        &b,
        "The draft is not, once the editor has wiped its window, erased; it waits in a file.",
    );
    let concept = &aside.concepts[0];
    assert!(concept.matched.is_none() && concept.denied, "{concept:?}");
    assert!(!aside.passed);
    // Plainly, the term in the aside and the claim agree.
    assert!(
        grade(
            &b,
            "Once the window is wiped, the draft is erased; use a file."
        )
        .passed
    );
}

#[test]
fn neither_nor_denies_a_term_the_model_answer_states() {
    let b = any_bank(
        "What do the two mirrors share?",
        "The mirrors converge on the same tree, so both hold the same commits.",
        &[&["converge"], &["commits"], &["tree"]],
    );
    let g = grade(
        &b,
        "The mirrors neither converge nor try to, though both have commits and a tree.",
    );
    assert!(g.concepts[0].denied, "{:?}", g.concepts[0]);
    // A lone *not* only leaves the term missing.
    let g = grade(
        &b,
        "The mirrors do not converge, though both have commits and a tree.",
    );
    assert!(!g.concepts[0].denied, "{:?}", g.concepts[0]);
}

/// Round 29 (w37-ffprobe): a term the model answer states plainly and also denies in
/// a negation of its own ("gives up isolation ... there is no isolation") counts when
/// an answer repeats that negation: the same kind of cue ("no", "not", "neither",
/// "without") with the same content words between it and the term. Another negation
/// of the term still leaves it unmet ("does not need isolation" is a different claim).
#[test]
fn a_negation_the_model_answer_makes_too_counts_when_repeated() {
    let b = any_bank(
        "What does a saga give up?",
        "Each step commits on its own, so a saga gives up isolation: there is no isolation \
         between the steps and others see the half-done order.",
        &[&["isolation"]],
    );
    assert_first_concept(
        &b,
        &[
            "The price is no isolation: another request can read the half-done order.",
            "It trades away isolation for availability.",
        ],
        &[
            "A saga does not need isolation because every step commits.",
            "Sagas run without isolation problems.",
        ],
    );
    let b = any_bank(
        "Why is the index skipped?",
        "The index holds the bare column, and the planner cannot search the index for \
         the result of a function around the column.",
        &[&["index"]],
    );
    assert_first_concept(
        &b,
        &["With lower() around the column the planner cannot search the index at all."],
        &[
            "There is no index on that column.",
            "The planner cannot use the index until statistics are fresh.",
        ],
    );
    let b = any_bank(
        "Why do clusters avoid an even number of voters?",
        "Every decision needs a majority of the voters. In a 3-3 split neither half has a \
         majority, so nothing is decided.",
        &[&["majority"]],
    );
    assert_first_concept(
        &b,
        &["Split 3 and 3, neither half has a majority and the cluster stalls."],
        &[
            "Decisions are taken without a majority.",
            "The cluster does not need a majority to decide.",
        ],
    );
    // A model answer that never negates the term: a negation of it stays unmet.
    let b = any_bank(
        "What does the proxy cache do?",
        "The proxy keeps the response until its max-age runs out.",
        &[&["keeps"]],
    );
    assert_first_concept(&b, &[], &["The proxy never keeps the response."]);
}

/// Round 30 (w39-negff): a denial repeats the model answer's in other words of time or
/// stress ("not yet", "still", "never"): those words say since when or how firmly the
/// thing is denied, not what is denied.
#[test]
fn a_denial_repeated_without_its_yet_or_with_never_still_counts() {
    let b = any_bank(
        "Why is the row still locked?",
        "The crashed job has not yet released its lock. Every holder must release its \
         lock when it finishes, or the row stays locked.",
        &[&["release"]],
    );
    assert_first_concept(
        &b,
        &[
            "The crashed job has not released its lock.",
            "The crashed job hasn't released the lock yet, so the row stays locked.",
            "The crashed job never released its lock.",
            "It still hasn't released the lock: the job crashed.",
        ],
        &[
            "The crashed job does not need to release the lock.",
            "Nobody has to release the lock; it frees itself.",
            "The crashed job has no lock to release.",
        ],
    );
    let b = any_bank(
        "Why does the replica serve old data?",
        "The replica never applies the last writes: its stream broke, so it has not \
         applied them. Once the stream is back it applies them in order.",
        &[&["applies", "applied"]],
    );
    assert_first_concept(
        &b,
        &[
            "Its stream broke, so it has not yet applied the last writes.",
            "The replica doesn't apply the last writes because its stream broke.",
        ],
        &[
            "The replica does not need to apply the last writes.",
            "Without the stream it has no writes to apply.",
        ],
    );
}

/// Round 29 (w37-ffprobe): in a relation, a model answer's denial counts for an answer
/// to repeat only where it names the relation's other terms too: "a replica cannot
/// accept writes" is no denial of `primary + accept writes`.
#[test]
fn a_relation_repeats_only_a_denial_of_its_own_terms() {
    let relation = sentence_relation_bank;
    let b = relation(
        "function",
        "index",
        "The index holds the bare column. Once the column is wrapped in a function, the \
         planner cannot search the index.",
    );
    assert_first_concept(
        &b,
        &["With the function around the column, the planner cannot search the index."],
        &["With the function around the column, nobody can search the index."],
    );
    let b = relation(
        "primary",
        "accept",
        "The primary accepts every write. A replica cannot accept writes; it serves reads.",
    );
    assert_first_concept(
        &b,
        &["Writes go to the primary, which accepts them."],
        &["As for the primary, it cannot accept writes."],
    );
}

/// Round 24 (w29-polarity): a term the model answer states only after a sentence's
/// opening *without* says what happens in the thing's absence; an answer may deny it
/// where the thing is present, in any form of the term.
#[test]
fn a_term_stated_in_a_things_absence_counts_either_way() {
    let b = any_bank(
        "Why does the cluster need a lease?",
        "Without a lease, two nodes may both act as leader after a partition.",
        &[&["both act", "split brain"]],
    );
    for answer in [
        "With a lease, no two nodes both act as leader.",
        "The lease stops a split brain after a partition.",
        "Without a lease two nodes both act as leader.",
    ] {
        assert!(grade(&b, answer).concepts[0].matched.is_some(), "{answer}");
    }
    // Said plainly elsewhere in the model answer, the term keeps its polarity.
    let b = any_bank(
        "Why does the cluster need a lease?",
        "Two nodes may both act as leader after a partition; a lease prevents it.",
        &[&["both act"]],
    );
    let g = grade(&b, "With a lease, no two nodes both act as leader.");
    assert!(g.concepts[0].matched.is_none(), "{:?}", g.concepts[0]);
}

/// Asserts that each of `met` meets the first concept of `b`, and none of `unmet` does.
fn assert_first_concept(b: &Bank, met: &[&str], unmet: &[&str]) {
    for (answer, expected) in met
        .iter()
        .map(|a| (a, true))
        .chain(unmet.iter().map(|a| (a, false)))
    {
        let g = grade(b, answer);
        assert_eq!(
            g.concepts[0].matched.is_some(),
            expected,
            "{answer}: {}",
            explain(&g)
        );
    }
}

/// Round 44 (w80-tokens, probe32 line 31): a keyword with a shift operator asks for
/// that operator: `>>> 1` was the bare number 1 and met "(a + b) >> 1"; `<< 3` is met
/// by the left shift only.
#[test]
fn a_shift_operator_keyword_asks_for_its_operator() {
    let b = one_keyword_bank(
        "<< 3",
        "times-eight",
        "How do you multiply an unsigned int by 8 without a multiplication?",
        "Shift it left by three bits: x << 3.",
    );
    assert_first_concept(
        &b,
        &["Shift it: `x << 3`.", "return n << 3;"],
        &[
            "Shift it: `x >> 3`.",
            "Shift it 3 bits to the left.",
            "x <<< 3",
        ],
    );
    let b = one_keyword_bank(
        ">>> 1",
        "unsigned-halve",
        "How do you halve a sum of two large ints in Java without overflow?",
        "Use an unsigned shift: (a + b) >>> 1.",
    );
    assert_first_concept(
        &b,
        &["`int half = (a + b) >>> 1;`"],
        &["`int half = (a + b) >> 1;`", "divide by 2 and add 1"],
    );
}

/// Round 44 (w80-tokens, probe32 line 31): a keyword with an operator between its
/// words is an expression, never turned round: `tail - head` is not met by "head +
/// tail" nor "head - tail", where a phrase of two words is ("the head tail").
#[test]
fn an_expression_keyword_is_not_turned_round() {
    let b = one_keyword_bank(
        "tail - head",
        "ring-count",
        "How many items does a ring buffer with free-running indexes hold?",
        "The difference of the indexes: tail - head, with wrap-around arithmetic.",
    );
    assert_first_concept(
        &b,
        &["It holds `tail - head` items.", "count = tail - head"],
        &["It holds head - tail items.", "count = head + tail"],
    );
}

/// Round 44 (w80-tokens, probe34 line 3): a keyword's guarded expansion is met by the
/// same guard written with its message, not by another operator or none.
#[test]
fn a_guarded_expansion_keyword_is_met_with_its_message() {
    let b = one_keyword_bank(
        "${CACHE_DIR:?}",
        "cache-guard",
        "How do you keep `rm -rf \"$CACHE_DIR\"/*` from emptying / when the variable is unset?",
        "Guard it: rm -rf \"${CACHE_DIR:?}\"/*, which aborts when it is unset or empty.",
    );
    assert_first_concept(
        &b,
        &[
            r#"`rm -rf "${CACHE_DIR:?cache dir not set}/"*` stops with an error instead."#,
            "Write ${CACHE_DIR:?unset} so the shell aborts.",
        ],
        &[
            "Write ${CACHE_DIR:-/tmp/cache} so it has a default.",
            r#"Quote it: "${CACHE_DIR}"/*."#,
            "Write ${CACHE_DIR?unset} so the shell aborts.",
        ],
    );
}

/// Round 27 (w32-tokens): a negation that an *unless* lifts says the thing happens on
/// a condition ("won't run a script unless its nonce matches" is "runs only if its
/// nonce matches"): the term counts as the model answer states it plainly, and still as
/// one it states negated. A negation with no *unless*, or one in a later clause, still
/// denies it.
#[test]
fn a_negation_lifted_by_unless_states_the_term_on_a_condition() {
    let b = any_bank(
        "How does a nonce in the CSP stop injected scripts?",
        "The browser executes only the scripts whose nonce matches the header.",
        &[&["executes", "runs"]],
    );
    let met = [
        "The browser won't run a script unless its nonce matches the header.",
        "the browser wont execute a script tag unless the nonce matches",
        "Unless its nonce matches the header, the browser does not run the script.",
        "A script is never executed unless it carries the nonce from the header.",
        "No script runs unless its nonce attribute matches.",
    ];
    assert_first_concept(
        &b,
        &met,
        &[
            "The browser does not execute scripts with a nonce.",
            "The browser never runs the script, so the header is ignored unless it is signed.",
            "The browser doesn't run it. Unless you set the header, nothing happens.",
        ],
    );
    for answer in met {
        let text = explain(&grade(&b, answer));
        assert!(text.contains("unless"), "{answer}: {text}");
    }
    // The model answer states it negated: the answer's negation still counts.
    let b = any_bank(
        "When does docker rm delete a named volume?",
        "docker rm does not remove a named volume unless you pass -v.",
        &[&["remove"]],
    );
    let met = [
        "It won't remove the named volume unless you give it -v.",
        "A named volume is never removed by docker rm.",
    ];
    assert_first_concept(&b, &met, &[]);
    // A forbidden term is matched as written: under a lifted negation it is not said.
    let g = grade(
        &volume_bank(),
        "The daemon persists it; it is not a bind mount unless you name a host path.",
    );
    assert!(g.passed, "{}", explain(&g));
}

/// Round 27 (w32-tokens): a *without* that opens its clause sets a condition, and its
/// reach ends where the main clause's subject begins, with no comma too: "without the
/// flag every program inherits it" says the program inherits it. A *without* inside a
/// clause, or before an -ing form, still denies what it governs.
#[test]
fn a_without_opening_a_clause_reaches_no_further_than_the_subject() {
    let b = any_bank(
        "What goes wrong without O_CLOEXEC?",
        "By default every program the server runs inherits its sockets across exec.",
        &[&["inherits"]],
    );
    let met = [
        "without O_CLOEXEC every program it execs inherits the socket.",
        "The fd stays open; without the flag the child process inherits every descriptor.",
        "It is closed at exec, and without FD_CLOEXEC each helper inherits the listening socket.",
        "Without close-on-exec it inherits all of them.",
    ];
    let unmet = [
        "The helper starts without inheriting any of the sockets.",
        "Without inheriting the server's sockets, the helper runs.",
        "It forks, and without ever inheriting the sockets the helper runs.",
        "It runs without a copy of the inherited sockets.",
    ];
    assert_first_concept(&b, &met, &unmet);
}

/// Round 27 (w32-tokens): a thing said to have no problem ("Bellman-Ford doesn't have
/// that problem") is not denied, as one said not to be the problem is.
#[test]
fn a_thing_without_the_problem_is_not_denied() {
    let b = any_bank(
        "Why does Dijkstra fail with negative edges, and what do you use instead?",
        "Dijkstra finalises a node once it is popped; Bellman-Ford relaxes every edge again.",
        &[&["bellman-ford"]],
    );
    let met = [
        "Dijkstra settles a node for good. Bellman-Ford doesn't have that problem.",
        "dijkstra never looks at a node again, bellman-ford doesnt have this issue",
        "Dijkstra settles each node once; Bellman-Ford has no such problem.",
    ];
    let unmet = [
        "Bellman-Ford is not the problem; Dijkstra is wrong.",
        "Bellman-Ford isn't the issue here.",
    ];
    assert_first_concept(&b, &met, &unmet);
}

#[test]
fn a_missing_required_concept_fails_whatever_the_score() {
    let mut b = volume_bank();
    b.questions[0].pass = Some(0.3);
    let g = grade(&b, "the daemon manages it");
    assert!(!g.passed);
    assert_eq!(
        g.failure.as_deref(),
        Some("missing required concept `persist`")
    );
}

#[test]
fn a_forbidden_term_fails() {
    let b = volume_bank();
    let g = grade(&b, "a daemon-managed bind mount that persists");
    assert_eq!(g.score, 1.0);
    assert!(!g.passed);
    assert_eq!(g.forbidden[0].matched, ["bind", "mount"]);
    assert_eq!(
        g.failure.as_deref(),
        Some("contains forbidden term `bind mount`")
    );
    let g = grade(&b, "daemon-managed, persists, and not a bind mount");
    assert!(g.passed, "a negated forbidden term is not said: {g:?}");
}

#[test]
fn negation_discounts_a_concept() {
    let b = volume_bank();
    let g = grade(&b, "the daemon does not persist it");
    assert!(!g.passed);
    assert!(g.concepts[1].negated);
    assert_eq!(
        g.failure.as_deref(),
        Some(
            "required concept `persist` is negated here, stated plainly in the model answer; \
             score 33% is below the pass mark 50%"
        )
    );
}

#[test]
fn the_score_must_reach_the_pass_mark() {
    let mut b = volume_bank();
    if let Some(rubric) = b.questions[0].rubric.as_mut() {
        rubric.concepts[1].required = false;
    }
    let g = grade(&b, "the daemon");
    assert!(!g.passed);
    assert_eq!(
        g.failure.as_deref(),
        Some("score 33% is below the pass mark 50%")
    );
}

#[test]
fn derived_rubrics_skip_stop_words_and_demote_the_question() {
    let b = bank(vec![
        question(
            "q1",
            "Where does Docker keep named volumes?",
            "Docker keeps named volumes under /var/lib/docker/volumes on the host.",
            None,
        ),
        question(
            "q2",
            "What is a bind mount?",
            "A bind mount maps a host path into the container.",
            None,
        ),
    ]);
    let grader = Grader::new(std::slice::from_ref(&b));
    let rubric = grader.rubric(&b, &b.questions[0]);
    let labels: Vec<String> = rubric.concepts.iter().map(|c| c.label()).collect();
    assert_eq!(
        labels,
        [
            "docker",
            "keeps",
            "named",
            "volumes",
            "/var/lib/docker/volumes",
            "host"
        ]
    );
    let weight = |label: &str| {
        rubric
            .concepts
            .iter()
            .find(|c| c.label() == label)
            .map(|c| c.weight)
    };
    // `host` is in both model answers, `keeps` in the question, the path is code.
    assert!(weight("host") < weight("/var/lib/docker/volumes"));
    assert!(weight("keeps") < weight("host"));
    let g = grader.grade(
        &b,
        &b.questions[0],
        &b.questions[0].model_answer.clone().unwrap_or_default(),
    );
    assert!(g.passed && g.score == 1.0);
}

/// A bank of one question whose model answer is long: 40 distinct content words, and it
/// keeps coming back to a few of them.
fn long_container_bank() -> Bank {
    let model = "A container is an ordinary process on the host. Namespaces give the \
        process its own view of pids, network, mounts and hostname; cgroups limit the cpu, \
        memory and pids the process can use. Unlike a virtual machine there is no guest \
        kernel or hypervisor: every container shares the host kernel, which explains fast \
        startup, lightweight footprint, and why one kernel bug affects every container \
        sharing that kernel. Processes, namespaces, cgroups, kernel: that is a container.";
    bank(vec![question("q", "What is a container?", model, None)])
}

#[test]
fn a_long_model_answer_is_carried_by_its_heaviest_concepts() {
    let long = long_container_bank();
    let terse = "A process isolated by namespaces and limited by cgroups, sharing the host kernel.";
    let g = grade(&long, terse);
    assert!(g.passed, "{g:?}");
    assert!(
        g.concepts.len() > 24,
        "the rubric keeps every concept to show"
    );
    let off = Options {
        derive: DeriveOptions {
            carry: 0,
            ..DeriveOptions::default()
        },
        ..Options::default()
    };
    let all = Grader::with_options(std::slice::from_ref(&long), off).grade(
        &long,
        &long.questions[0],
        terse,
    );
    assert!(
        all.score < g.score,
        "every concept counting makes a terse answer fail"
    );
    assert!(!grade(&long, "A virtual machine with a hypervisor.").passed);
}

#[test]
fn a_long_model_answer_folds_the_lighter_words_a_full_score_does_not_need() {
    let long = long_container_bank();
    let g = grade(
        &long,
        "A process isolated by namespaces and limited by cgroups, sharing the host kernel.",
    );
    let spare: Vec<&str> = g.not_needed().map(|c| c.label.as_str()).collect();
    assert!(spare.contains(&"footprint"), "{spare:?}");
    let weight = |label: &str| g.concepts.iter().find(|c| c.label == label).unwrap().weight;
    let heaviest_missing = g
        .concepts
        .iter()
        .filter(|c| c.matched.is_none() && !c.not_needed)
        .map(|c| c.weight)
        .fold(f64::INFINITY, f64::min);
    // Only missing words are folded, never a matched one, and never one heavier than a
    // missing word still shown.
    for label in &spare {
        let concept = g.concepts.iter().find(|c| &c.label == label).unwrap();
        assert!(
            concept.matched.is_none() && !concept.lacked(true),
            "{label}"
        );
        assert!(weight(label) <= heaviest_missing, "{label}");
    }
    let text = explain(&g);
    assert!(!text.contains("- footprint"), "{text}");
    assert!(
        text.contains(&format!(
            "… {} more words of the model answer missing; a full score needs",
            spare.len()
        )),
        "{text}"
    );
    // A rubric scored against all its weight folds nothing.
    let short = bank(vec![question(
        "q",
        "What is a container?",
        "A process isolated by namespaces and limited by cgroups.",
        None,
    )]);
    let g = grade(&short, "A process.");
    assert!(g.concepts.iter().all(|c| !c.not_needed), "{g:?}");
    assert!(!explain(&g).contains("more words of the model answer"));
}

#[test]
fn the_folded_line_names_the_weight_a_full_score_needs_when_lighter_words_are_folded_too() {
    // The question's own words weigh less, so *named* is folded beside words of weight 1,
    // and one of those, not *named*, completes the heaviest twelve.
    let model = "A named volume is managed by Docker: Docker creates it and keeps its data \
        under /var/lib/docker/volumes on the host, so you refer to it by name and Docker \
        handles its location, permissions and lifecycle. A bind mount is not managed by \
        Docker: it maps any host path you choose, such as a folder in your project, straight \
        into the container, so its contents depend on the host's directory layout and you \
        manage that directory yourself. Volumes are the better default for data a container \
        owns; bind mounts suit source code you edit on the host.";
    let b = bank(vec![question(
        "q",
        "Where does a named volume live on the host, and how does that differ from a bind mount?",
        model,
        None,
    )]);
    let g = grade(
        &b,
        "Volumes are Docker-managed, under /var/lib/docker/volumes; a bind mount is any host path you choose.",
    );
    assert!(g.passed && g.terse.is_some(), "{}", explain(&g));
    let weights: Vec<f64> = g.not_needed().map(|c| c.weight).collect();
    assert!(
        weights.contains(&1.0) && weights.iter().any(|&w| w < 1.0),
        "{weights:?}"
    );
    assert!(g.spare_needed > 0, "{g:?}");
    assert!(
        explain(&g).contains(&format!(
            "a full score needs any {} of those of weight 1:",
            g.spare_needed
        )),
        "{}",
        explain(&g)
    );
}

#[test]
fn a_long_model_answer_weighs_synonyms_by_the_one_it_says_most() {
    // *Folder* is said once, first; its synonym *directory* four times: the concept of
    // the two is what the answer keeps coming back to, not a word said once.
    let model = "A shell keeps a current folder for each process. A relative path is \
        resolved against that directory, so the same command run from another directory \
        opens other files. The cd builtin changes the directory of the shell itself, which is \
        why it cannot be an external program: a child process would change its own working \
        directory and exit, leaving its parent where it was. Absolute paths start at the \
        root and ignore it.";
    let b = bank(vec![question(
        "q",
        "Why is cd a shell builtin?",
        model,
        None,
    )]);
    let grader = Grader::new(std::slice::from_ref(&b));
    let rubric = grader.rubric(&b, &b.questions[0]);
    let weight = |label: &str| {
        let concept = rubric.concepts.iter().find(|c| c.label() == label);
        concept.map(|c| c.weight).expect(label)
    };
    assert!(weight("folder") > 3.5 * weight("current"), "{rubric:?}");
}

/// The labels of the rubric of `b`'s first question.
fn labels(grader: &Grader, b: &Bank) -> Vec<String> {
    let rubric = grader.rubric(b, &b.questions[0]);
    rubric.concepts.iter().map(|c| c.label()).collect()
}

#[test]
fn derived_rubrics_keep_the_model_answers_negations() {
    let b = bank(vec![question(
        "q",
        "Where is tmpfs data kept?",
        "In memory only; it is never written to disk.",
        None,
    )]);
    let grader = Grader::new(std::slice::from_ref(&b));
    let labels = labels(&grader, &b);
    assert_eq!(labels, ["memory", "never written", "never disk"]);
    let g = grader.grade(&b, &b.questions[0], "in memory, not written to disk");
    assert!(g.passed, "{}", explain(&g));
    let g = grader.grade(&b, &b.questions[0], "it is written to disk");
    assert_eq!(g.concepts[2].matched, None);
}

#[test]
fn a_command_model_answer_is_right_only_with_its_hyphenated_words_whole() {
    let b = bank(vec![
        question(
            "q",
            "Which command drops a commit from another branch onto this one?",
            "git cherry-pick",
            None,
        ),
        question("r", "And to undo the last commit?", "git revert HEAD", None),
    ]);
    let grader = Grader::new(std::slice::from_ref(&b));
    let labels = labels(&grader, &b);
    assert_eq!(labels, ["git", "cherry-pick"]);
    let passes = |answer: &str| grader.grade(&b, &b.questions[0], answer).passed;
    assert!(passes("git cherry-pick"));
    assert!(passes("cherry-pick"));
    assert!(passes("Run git cherry-pick <sha>."));
    // A piece alone, or another word that shares one, is another command.
    assert!(!passes("git pick"));
    assert!(!passes("git cherry-merge"));
}

#[test]
fn a_derived_concept_accepts_the_equivalents_of_the_lexicon_phrase_it_is_said_in() {
    let b = bank(vec![
        question(
            "stack",
            "What is a stack?",
            "A data structure that is last in first out.",
            None,
        ),
        question(
            "queue",
            "What is a queue?",
            "A data structure that is not last in first out.",
            None,
        ),
    ]);
    let grader = Grader::new(std::slice::from_ref(&b));
    let stack = &b.questions[0];
    let rubric = grader.rubric(&b, stack);
    let last = rubric.concepts.iter().find(|c| c.label() == "last");
    assert_eq!(
        last.map(|c| c.alternatives.clone()),
        Some(vec!["last".to_owned(), "lifo".to_owned()])
    );
    let g = grader.grade(&b, stack, "A LIFO data structure.");
    assert!(g.passed, "{}", explain(&g));
    let matched: Vec<&str> = g.matched();
    assert!(
        matched.contains(&"last") && matched.contains(&"first"),
        "{g:?}"
    );
    assert!(explain(&g).contains("lifo"), "the breakdown shows the word");
    // The same phrase under a negation from outside it gets no plain equivalent.
    let queue = grader.rubric(&b, &b.questions[1]);
    assert!(
        queue.concepts.iter().all(|c| c.alternatives.len() == 1),
        "{queue:?}"
    );
}

#[test]
fn a_learner_in_their_own_words_with_a_typo_passes() {
    let b = volume_bank();
    let g = grade(
        &b,
        "Its storage that the docker deamon looks after; it survives container removal",
    );
    assert!(g.passed, "{}", explain(&g));
}

#[test]
fn explanations_name_every_concept() {
    let b = volume_bank();
    let text = explain(&grade(&b, "a bind mount the daemon does not persist"));
    assert_eq!(
        text,
        "FAIL  score 33% (pass mark 50%)\n\
         \x20 + daemon                        matched \"daemon\"\n\
         \x20 ~ persist (weight 2, required)  negated here, stated plainly in the model answer\n\
         \x20 ! forbidden `bind mount`: found \"bind mount\"\n\
         \x20 why: required concept `persist` is negated here, stated plainly in the model answer; contains forbidden term `bind mount`; score 33% is below the pass mark 50%\n"
    );
}

#[test]
fn questions_without_rubric_or_model_answer_fail_without_panicking() {
    let mut q = question("q", "Pick one", "x", None);
    q.model_answer = None;
    q.kind = Kind::MultipleChoice;
    let b = bank(vec![q]);
    let g = grade(&b, "anything");
    assert_eq!(g.score, 0.0);
    assert!(!g.passed);
    assert_eq!(
        g.failure.as_deref(),
        Some("question `q` has neither keywords nor a model answer to grade against")
    );
}

#[test]
fn a_rubric_of_forbidden_terms_only_passes_unless_one_is_said() {
    let mut b = volume_bank();
    if let Some(rubric) = b.questions[0].rubric.as_mut() {
        rubric.concepts.clear();
    }
    assert!(grade(&b, "anything at all").passed);
    assert!(!grade(&b, "a bind mount").passed);
}

#[test]
fn explanations_are_safe_to_print() {
    let b = volume_bank();
    let text = explain(&grade(&b, "persists in /tmp/\x1b[2J"));
    assert!(!text.contains('\x1b'), "{text:?}");
}

#[test]
fn a_bank_unknown_to_the_grader_is_graded_too() {
    let b = volume_bank();
    let g = Grader::new(&[]).grade(&b, &b.questions[0], "daemon persists");
    assert!(g.passed);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn never_panics_and_scores_stay_in_range(answer in "\\PC{0,80}", model in "\\PC{1,60}") {
        let b = volume_bank();
        let g = grade(&b, &answer);
        prop_assert!((0.0..=1.0).contains(&g.score));
        let derived = bank(vec![question("q", "What?", &model, None)]);
        let g = grade(&derived, &answer);
        prop_assert!((0.0..=1.0).contains(&g.score));
        let _ = explain(&g);
    }

    #[test]
    fn a_model_answer_passes_its_own_derived_rubric(model in "\\PC{1,120}") {
        let b = bank(vec![question("q", "What is it?", &model, None)]);
        let g = grade(&b, &model);
        prop_assert!(g.passed, "{}", explain(&g));
    }

    #[test]
    fn a_model_answer_of_words_passes_its_own_derived_rubric(
        words in proptest::collection::vec("(not|never|no|the|[a-z]{1,9}|--[a-z]{2,6}|[0-9]{2,4}:[0-9]{2}|[,.;])", 1..30)
    ) {
        let model = words.join(" ");
        let b = bank(vec![question("q", "What is it?", &model, None)]);
        let g = grade(&b, &model);
        prop_assert!(g.passed, "{model:?}\n{}", explain(&g));
    }
}

#[test]
fn drafts_pick_the_telling_words_in_the_answers_order_within_the_limit() {
    let q = question(
        "iptables",
        "How does Docker route external traffic into a container?",
        "Docker injects NAT prerouting rules into iptables; traffic to host port 8080 is \
         completely forwarded across the docker0 bridge to the container's port 80.",
        None,
    );
    let other = question(
        "other",
        "What is a volume?",
        "Storage the daemon manages.",
        None,
    );
    let bank = bank(vec![q.clone(), other]);
    let draft = draft_keywords(&bank, &q, 5);
    assert_eq!(draft.len(), 5, "{draft:?}");
    assert!(draft.iter().any(|k| k == "iptables"), "{draft:?}");
    assert!(draft.iter().any(|k| k == "prerouting"), "{draft:?}");
    assert!(
        !draft.iter().any(|k| k == "completely"),
        "adverbs are played down: {draft:?}"
    );
    let model = q.model_answer.as_deref().unwrap().to_lowercase();
    let positions: Vec<usize> = draft
        .iter()
        .map(|k| model.find(k.as_str()).unwrap())
        .collect();
    assert!(
        positions.windows(2).all(|w| w[0] < w[1]),
        "in the answer's order: {draft:?}"
    );
    assert!(draft_keywords(&bank, &q, 2).len() == 2);
}

/// A question whose rubric ties each driver to what it does, with a misconception.
fn roles_bank(cap: Option<f64>) -> Bank {
    let relation = |terms: &[&[&str]], required: bool| Concept {
        shown: None,
        required,
        relation: Some(crate::bank::Relation {
            terms: terms
                .iter()
                .map(|t| t.iter().map(|s| (*s).to_owned()).collect())
                .collect(),
            within: crate::bank::Within::Clause,
            ordered: false,
        }),
        ..Concept::any(Vec::new())
    };
    let rubric = Rubric {
        concepts: vec![
            relation(&[&["namespace"], &["see", "isolate"]], false),
            relation(&[&["cgroup"], &["limit", "cap"]], true),
        ],
        forbidden: Vec::new(),
    };
    let mut q = question(
        "roles",
        "Namespaces versus cgroups?",
        "Namespaces isolate what a process can see, while cgroups limit what it may use.",
        Some(rubric),
    );
    q.misconceptions.push(crate::bank::Misconception {
        concept: relation(&[&["cgroup"], &["see", "isolate"]], false),
        feedback: "The roles are the other way round.".to_owned(),
        cap,
    });
    bank(vec![q])
}

#[test]
fn relations_count_only_their_terms_together() {
    let b = roles_bank(None);
    let g = grade(
        &b,
        "namespaces isolate what it sees, cgroups limit what it uses",
    );
    assert!(g.passed, "{}", explain(&g));
    assert_eq!(g.matched(), ["namespace + see", "cgroup + limit"]);
    let g = grade(
        &b,
        "cgroups decide what it sees, and namespaces put the limits",
    );
    assert!(!g.passed);
    assert_eq!(
        g.concepts[1].note.as_deref(),
        Some("`cgroup` and `limit` are all here, but not in one clause")
    );
    let g = grade(
        &b,
        "namespaces: what it sees. cgroups: the limits on what it uses.",
    );
    assert!(
        g.passed,
        "a label's colon links it to what follows: {}",
        explain(&g)
    );
    // An adverb *then* keeps a subject with its verb, and after a condition opens the
    // clause of the consequence; a `:` after a clause goes on with its subject through
    // a pronoun, and only so.
    for (answer, passes) in [
        (
            "namespaces isolate what it sees, and cgroups then limit and then cap what it uses",
            true,
        ),
        (
            "namespaces isolate what it sees; cgroups then limit it",
            true,
        ),
        (
            "namespaces isolate what it sees; if cgroups are set then the kernel limits it",
            false,
        ),
        (
            "namespaces isolate what it sees, and cgroups are a kernel feature: they limit what it uses",
            true,
        ),
        (
            "cgroups isolate what a process sees: namespaces limit what it uses",
            false,
        ),
        (
            "cgroups isolate what a process sees; namespaces limit what it uses",
            false,
        ),
    ] {
        let g = grade(&b, answer);
        assert_eq!(g.passed, passes, "{answer}: {}", explain(&g));
    }
}

#[test]
fn a_pronoun_carries_the_subject_into_the_next_clause_of_its_sentence() {
    let b = roles_bank(None);
    let g = grade(
        &b,
        "namespaces isolate what a process sees, and cgroups are different, so they limit what it uses",
    );
    assert!(g.passed, "{}", explain(&g));
    assert_eq!(g.matched(), ["namespace + see", "cgroup + limit"]);
    // Across a sentence or a `;`, when the clause before names the antecedent clearly.
    let g = grade(
        &b,
        "namespaces isolate what a process sees. Cgroups are different. They limit what it uses.",
    );
    assert!(g.passed, "across a full stop: {}", explain(&g));
    let g = grade(
        &b,
        "namespaces isolate what a process sees; cgroups are different; they limit what it uses",
    );
    assert!(g.passed, "across a semicolon: {}", explain(&g));
    for answer in [
        "namespaces isolate what a process sees. Cgroups are a feature that the kernel has. They limit what it uses.",
        "namespaces isolate what a process sees; cgroups are set by the kernel; it limits what it uses",
    ] {
        let g = grade(&b, answer);
        assert!(
            g.concepts[1].matched.is_none(),
            "no clear antecedent: {answer}: {}",
            explain(&g)
        );
    }
    let g = grade(
        &b,
        "cgroups are one thing, so they isolate what it sees; namespaces limit it",
    );
    assert!(
        !g.passed,
        "the roles turned round still fail: {}",
        explain(&g)
    );
}

#[test]
fn a_misconception_fails_or_caps_and_says_why() {
    let text = "namespaces isolate things, cgroups limit usage, and cgroups isolate what it sees";
    let g = grade(&roles_bank(None), text);
    assert!(!g.passed);
    assert_eq!(
        g.misconceptions[0].feedback,
        "The roles are the other way round."
    );
    assert!(explain(&g).contains("x mistake `cgroup + see`: The roles are the other way round."));
    let g = grade(&roles_bank(Some(0.3)), text);
    assert!(!g.passed);
    assert!((g.score - 0.3).abs() < 1e-9, "{}", g.score);
    let g = grade(
        &roles_bank(None),
        "namespaces isolate, cgroups limit; cgroups do not isolate anything",
    );
    assert!(
        g.passed,
        "a negated misconception is not made: {}",
        explain(&g)
    );
}

/// A relation of `terms` within a clause.
pub(super) fn relation(terms: &[&[&str]], ordered: bool, weight: f64, required: bool) -> Concept {
    Concept {
        shown: None,
        weight,
        required,
        relation: Some(crate::bank::Relation {
            terms: terms
                .iter()
                .map(|t| t.iter().map(|s| (*s).to_owned()).collect())
                .collect(),
            within: crate::bank::Within::Clause,
            ordered,
        }),
        ..Concept::any(Vec::new())
    }
}

/// Gives `q` the misconception `mistake`, its relation looked for within a sentence.
fn add_sentence_misconception(q: &mut Question, mut mistake: Concept, feedback: &str) {
    if let Some(r) = mistake.relation.as_mut() {
        r.within = crate::bank::Within::Sentence;
    }
    q.misconceptions.push(crate::bank::Misconception {
        concept: mistake,
        feedback: feedback.to_owned(),
        cap: None,
    });
}

#[test]
fn a_claim_the_answer_denies_costs_its_weight() {
    let rubric = Rubric {
        concepts: vec![
            relation(&[&["service"], &["stable", "fixed"]], false, 2.0, false),
            concept(&["dns name"], 1.0, false),
            concept(&["load balance"], 1.0, false),
        ],
        forbidden: Vec::new(),
    };
    let b = bank(vec![question(
        "svc",
        "Why a Service?",
        "A Service gives the pods a stable IP and a DNS name, and load-balances.",
        Some(rubric),
    )]);
    let g = grade(&b, "It gives a DNS name and load-balancing.");
    assert!(g.passed, "missing is not denied: {}", explain(&g));
    let g = grade(
        &b,
        "A Service doesn't give a stable IP either; it gives a DNS name and load-balancing.",
    );
    assert!(!g.passed && g.score == 0.0, "{}", explain(&g));
    assert!(g.concepts[0].denied);
    assert!(explain(&g).contains("denied, so its weight is taken off the score"));
    let g = grade(
        &b,
        "Pod IPs are not stable, so a Service gives a stable IP and a DNS name.",
    );
    assert!(g.passed, "negated elsewhere, stated here: {}", explain(&g));
    let g = grade(
        &b,
        "A Service gives a DNS name and load-balancing; pod IPs are never stable.",
    );
    assert!(
        g.passed && !g.concepts[0].denied,
        "negated of another subject, not with the Service: {}",
        explain(&g)
    );
}

#[test]
fn a_claim_the_model_answer_also_negates_is_not_denied_by_a_negation() {
    // The model answer says the cron job wakes the disk, and that after the fix it
    // cannot wake it: an answer giving the fix's effect negated denies nothing.
    let rubric = Rubric {
        concepts: vec![
            relation(&[&["cron job"], &["wake", "wakes"]], true, 2.0, false),
            concept(&["access time", "access times"], 1.0, false),
            concept(&["noatime"], 1.0, false),
        ],
        forbidden: Vec::new(),
    };
    let b = bank(vec![question(
        "disk",
        "Why does the disk never spin down?",
        "The cron job wakes the disk every minute by updating access times, so it never \
         spins down; mount with noatime and the cron job cannot wake it any more.",
        Some(rubric),
    )]);
    let g = grade(
        &b,
        "Each run writes access times; mount it noatime and the cron job then can't wake \
         the disk.",
    );
    assert!(g.passed && !g.concepts[0].denied, "{}", explain(&g));
}

/// A rubric of the two parts of TLS: asymmetric crypto for the handshake, symmetric
/// crypto faster.
fn tls_rubric() -> Rubric {
    Rubric {
        concepts: vec![
            relation(&[&["asymmetric"], &["handshake"]], true, 1.0, true),
            relation(&[&["symmetric"], &["faster"]], true, 1.0, false),
        ],
        forbidden: Vec::new(),
    }
}

#[test]
fn a_misconception_is_not_made_by_a_predicate_said_of_a_nearer_subject() {
    let rubric = tls_rubric();
    let mut q = question(
        "tls",
        "Why both?",
        "Asymmetric crypto does the handshake; symmetric ciphers are faster.",
        Some(rubric),
    );
    q.misconceptions.push(crate::bank::Misconception {
        concept: relation(&[&["asymmetric"], &["faster"]], true, 1.0, false),
        feedback: "Asymmetric is slower.".to_owned(),
        cap: None,
    });
    let b = bank(vec![q]);
    let g = grade(
        &b,
        "Asymmetric crypto does the handshake and symmetric crypto is faster.",
    );
    assert!(g.passed, "{}", explain(&g));
    let g = grade(
        &b,
        "Asymmetric crypto does the handshake and is faster than symmetric crypto.",
    );
    assert!(!g.passed, "{}", explain(&g));
    let g = grade(
        &b,
        "Asymmetric crypto does the handshake; symmetric crypto is slower and asymmetric crypto is faster.",
    );
    assert!(!g.passed, "{}", explain(&g));
}

/// Regression: an `any` misconception whose shorter alternative comes first
/// (`flushes the buffer`, met with a gap in "flushes the write buffer") was refused as
/// said of the concept `write buffer`, and the longer alternative was never tried.
#[test]
fn a_misconception_any_tries_a_longer_alternative_after_a_refused_shorter_one() {
    let rubric = Rubric {
        concepts: vec![concept(&["write buffer"], 1.0, false)],
        forbidden: Vec::new(),
    };
    let mut q = question(
        "logger",
        "What does the logger keep?",
        "It keeps lines in a write buffer and flushes it when the buffer fills.",
        Some(rubric),
    );
    q.misconceptions.push(crate::bank::Misconception {
        concept: concept(
            &["flushes the buffer", "flushes the write buffer"],
            1.0,
            false,
        ),
        feedback: "It flushes only when the buffer fills.".to_owned(),
        cap: None,
    });
    let b = bank(vec![q]);
    let g = grade(
        &b,
        "The logger flushes the write buffer after every single line.",
    );
    assert!(!g.passed, "{}", explain(&g));
    assert_eq!(g.misconceptions.len(), 1, "{}", explain(&g));
}

/// A misconception's one word is not met inside a compound the bank's synonyms name as
/// a thing of its own: "the lock file" is no `lock` when a lock file is also a
/// `pidfile`.
#[test]
fn a_misconception_word_is_not_met_inside_a_compound_the_synonyms_know() {
    let rubric = Rubric {
        concepts: vec![concept(&["flock"], 1.0, true)],
        forbidden: Vec::new(),
    };
    let mut q = question(
        "cron-overlap",
        "How do you keep two runs of a cron job from overlapping?",
        "Wrap the job in flock on a lock file, so a second run exits at once.",
        Some(rubric),
    );
    q.misconceptions.push(crate::bank::Misconception {
        concept: relation(&[&["lock", "locks"], &["database"]], false, 1.0, false),
        feedback: "A database lock is not needed: flock on a file is enough.".to_owned(),
        cap: None,
    });
    let mut b = bank(vec![q]);
    b.synonyms = vec![vec!["lock file".to_owned(), "pidfile".to_owned()]];
    let right = "Run it under flock with a lock file next to the database dump.";
    let g = grade(&b, right);
    assert!(g.passed && g.misconceptions.is_empty(), "{}", explain(&g));
    let wrong = "Run it under flock, and lock the database while it runs.";
    let g = grade(&b, wrong);
    assert_eq!(g.misconceptions.len(), 1, "{}", explain(&g));
}

/// "not only" of a relation on `only` claims the contrary of the model answer's
/// restriction: a contradiction, not a concept merely missing.
#[test]
fn not_only_of_a_restriction_contradicts_it() {
    let rubric = Rubric {
        concepts: vec![
            concept(&["scheduler"], 1.0, false),
            concept(&["queue", "queues"], 1.0, false),
            relation(&[&["only"], &["one job"]], false, 1.0, false),
        ],
        forbidden: Vec::new(),
    };
    let q = question(
        "batch-runner",
        "How does the batch runner handle jobs submitted together?",
        "The scheduler runs only one job at a time and queues the rest.",
        Some(rubric),
    );
    let b = bank(vec![q]);
    let g = grade(
        &b,
        "Its scheduler queues the others and runs only one job at once.",
    );
    assert!(g.passed, "{}", explain(&g));
    let g = grade(
        &b,
        "The scheduler queues them, but it is not only one job: several run side by side.",
    );
    assert!(!g.passed, "{}", explain(&g));
    assert!(
        g.contradictions.iter().any(|c| c.role == "restriction"),
        "{}",
        explain(&g)
    );
}

/// An ordered relation pivoted on *before* is also said with *first* and *afterwards*
/// (*later*, *then*), and turned round that way it is denied.
#[test]
fn first_and_afterwards_say_before_or_turn_it_round() {
    let rubric = Rubric {
        concepts: vec![
            concept(&["schema"], 1.0, false),
            relation(
                &[&["backup", "backs up"], &["before"], &["alters", "alter"]],
                true,
                1.0,
                false,
            ),
        ],
        forbidden: Vec::new(),
    };
    let q = question(
        "safe-migration",
        "What does the migration tool do to keep a schema change safe?",
        "It takes a backup before it alters the schema.",
        Some(rubric),
    );
    let b = bank(vec![q]);
    let g = grade(
        &b,
        "It makes a backup first and alters the schema afterwards.",
    );
    assert!(g.concepts[1].matched.is_some(), "{}", explain(&g));
    let g = grade(&b, "It alters the schema first and writes a backup later.");
    assert!(g.concepts[1].denied, "{}", explain(&g));
    assert!(!g.passed, "{}", explain(&g));
}

/// "X does it only when C" says that X holds it back until C: a relation of X and a
/// verb of holding back is met by the condition.
#[test]
fn only_when_says_a_relation_of_holding_back() {
    let rubric = Rubric {
        concepts: vec![
            relation(&[&["debouncer"], &["waits", "delays"]], true, 2.0, true),
            concept(&["quiet"], 1.0, false),
        ],
        forbidden: Vec::new(),
    };
    let q = question(
        "debounce",
        "What does a debouncer do with a burst of key presses?",
        "The debouncer waits until the input has been quiet for a while, then fires once.",
        Some(rubric),
    );
    let b = bank(vec![q]);
    let g = grade(
        &b,
        "The debouncer fires the handler only after the keys go quiet.",
    );
    assert!(g.concepts[0].matched.is_some(), "{}", explain(&g));
    let g = grade(
        &b,
        "The debouncer fires the handler on every key, and only then.",
    );
    assert!(g.concepts[0].matched.is_none(), "{}", explain(&g));
}

/// An ordered relation of two terms is also said the other way round with *after*
/// between them, past an aside: "B only after A" says A first; and "A once B" says B
/// first, which does not meet it.
#[test]
fn after_between_them_turns_an_ordered_relation_round() {
    let mut steps = relation(
        &[&["verify", "verified"], &["deploy", "deployed"]],
        true,
        2.0,
        true,
    );
    if let Some(r) = steps.relation.as_mut() {
        r.within = crate::bank::Within::Answer;
    }
    let rubric = Rubric {
        concepts: vec![steps, concept(&["logs"], 1.0, false)],
        forbidden: Vec::new(),
    };
    let q = question(
        "release-steps",
        "How do you release the service safely?",
        "Verify the build on staging first, then deploy it, and watch the logs.",
        Some(rubric),
    );
    let b = bank(vec![q]);
    let g = grade(
        &b,
        "The build is deployed only after it, on the staging host, has been verified; watch the logs.",
    );
    assert!(g.concepts[0].matched.is_some(), "{}", explain(&g));
    let g = grade(
        &b,
        "The build is verified once it has been deployed; watch the logs.",
    );
    assert!(g.concepts[0].matched.is_none(), "{}", explain(&g));
    let g = grade(&b, "Verify the build, then deploy it; watch the logs.");
    assert!(g.concepts[0].matched.is_some(), "{}", explain(&g));
}

#[test]
fn a_misconception_is_not_made_by_a_clause_that_judges_it_wrong() {
    let rubric = Rubric {
        concepts: vec![concept(&["connection pool"], 1.0, true)],
        forbidden: Vec::new(),
    };
    let mut q = question(
        "pool",
        "How do you stop running out of database connections?",
        "Put a connection pool in front of the database.",
        Some(rubric),
    );
    q.misconceptions.push(crate::bank::Misconception {
        concept: relation(
            &[&["raise", "raising"], &["max_connections"]],
            false,
            1.0,
            false,
        ),
        feedback: "More connections only move the limit.".to_owned(),
        cap: None,
    });
    let b = bank(vec![q]);
    for right in [
        "Use a connection pool. Raising max_connections would not be a lasting fix.",
        "Use a connection pool; raising max_connections is not the answer.",
    ] {
        let g = grade(&b, right);
        assert!(g.passed, "{right}: {}", explain(&g));
    }
    for wrong in [
        "Use a connection pool. Raising max_connections is not optional.",
        "Use a connection pool, and raising max_connections is the fix.",
    ] {
        let g = grade(&b, wrong);
        assert!(!g.passed, "{wrong}: {}", explain(&g));
    }
}

/// A misconception judged wrong with a phrase of its own between it and the judgement
/// ("raising max_connections on the server is not enough") is still judged wrong; a
/// clause of its own there (*so*, *when*, a verb) leaves the mistake made.
#[test]
fn a_misconception_with_a_trailing_phrase_is_still_judged_wrong() {
    let mut q = required_one(
        "pool-trailing",
        "The app runs out of database connections under load. What do you do?",
        "Put a connection pool in front of the database.",
        "connection pool",
    );
    q.misconceptions.push(mistake(
        concept(
            &["raising max_connections", "raise max_connections"],
            1.0,
            false,
        ),
        "More connections only move the limit.",
    ));
    let b = bank(vec![q]);
    verdicts(
        &b,
        &[
            "Use a connection pool. Raising max_connections on the server is not enough.",
            "Use a connection pool; raising max_connections for the busy hours alone is not a fix.",
            "Use a connection pool. Raising max_connections in the config would not be a lasting fix.",
            "Use a connection pool. Raising max_connections of the database is risky.",
        ],
        &[
            "Use a connection pool. Raising max_connections on the server is not optional.",
            "Use a connection pool, and raising max_connections on the server is the fix.",
            "Use a connection pool. Raising max_connections when the pool is not enough fixes it.",
            "Use a connection pool. Raising max_connections on a server that is not busy is fine.",
        ],
    );
}

/// A question whose rubric is the one required keyword `keyword`.
fn required_one(id: &str, prompt: &str, model: &str, keyword: &str) -> Question {
    let rubric = Rubric {
        concepts: vec![concept(&[keyword], 1.0, true)],
        forbidden: Vec::new(),
    };
    question(id, prompt, model, Some(rubric))
}

/// A misconception of `concept` with `feedback`, no cap.
fn mistake(concept: Concept, feedback: &str) -> crate::bank::Misconception {
    crate::bank::Misconception {
        concept,
        feedback: feedback.to_owned(),
        cap: None,
    }
}

/// Asserts that each of `right` passes `b`'s first question and each of `wrong` fails.
fn verdicts(b: &Bank, right: &[&str], wrong: &[&str]) {
    for answer in right {
        let g = grade(b, answer);
        assert!(g.passed, "{answer}: {}", explain(&g));
    }
    for answer in wrong {
        let g = grade(b, answer);
        assert!(!g.passed, "{answer}: {}", explain(&g));
    }
}

/// A misconception that opens its clause and is then called fragile, risky or a mistake
/// (no negation needed) is judged wrong, not made; a *but* after the judgement takes it
/// back, and a judgement that is itself negated ("not risky") makes the mistake.
#[test]
fn a_misconception_called_fragile_or_risky_is_judged_wrong_not_made() {
    let mut q = required_one(
        "store",
        "Where does the database keep its data, in development and in production?",
        "Give the database a named volume; in production keep state off the nodes.",
        "named volume",
    );
    q.misconceptions.push(mistake(
        concept(
            &["bind mounts in production", "bind mount in production"],
            1.0,
            false,
        ),
        "Bind mounts tie a container to one host.",
    ));
    q.misconceptions.push(mistake(
        relation(&[&["database"], &["bind mount"]], true, 1.0, false),
        "A bind-mounted database folder clashes over ownership.",
    ));
    let b = bank(vec![q]);
    verdicts(
        &b,
        &[
            "Use a named volume for the database. Bind mounts in production are brittle.",
            "Use a named volume for the database; putting the database on a bind mount is a bad idea.",
            "Use a named volume for the database. Bind mounts in production would be risky and insecure.",
            "Use a named volume for the database. Keeping the database in a bind mount is an anti-pattern.",
            "Use a named volume for the database. A bind mount in production is a security risk.",
            "Use a named volume for the database. Bind mounts in production should be avoided.",
        ],
        &[
            "Use a named volume for the database. Bind mounts in production are a little fragile, but they are what we use.",
            "Use a named volume for the database. Bind mounts in production are fine.",
            "Use a named volume for the database. Bind mounts in production are the simplest choice.",
            "Use a named volume for the database. Putting the database on a bind mount is safe.",
            "Use a named volume for the database. Bind mounts in production are not risky at all.",
            "Use a named volume for the database. Bind mounts in production are what we run, and they are fragile.",
        ],
    );
}

/// A misconception that opens its clause and then runs into trouble (*runs into*,
/// *hits*, *causes*, *leads to* ... a *clash*, *problem*, *race*, *error*) is judged
/// wrong, not made, in two domains; a negation, a *rarely*, a *but* after it, or a verb
/// that removes the trouble (*solves*, *avoids*, *fixes*, *prevents*) makes it.
#[test]
fn a_misconception_that_runs_into_trouble_is_judged_wrong_not_made() {
    let mut sessions = required_one(
        "sessions",
        "Where do you keep user sessions when the app runs on several instances?",
        "Keep them in a shared store such as Redis, so any instance can serve any request.",
        "redis",
    );
    sessions.misconceptions.push(mistake(
        concept(
            &["in-memory sessions", "sessions in process memory"],
            1.0,
            false,
        ),
        "Sessions in one process's memory are lost to the other instances.",
    ));
    verdicts(
        &bank(vec![sessions]),
        &[
            "Keep them in Redis. In-memory sessions run into trouble as soon as a second instance is added.",
            "Use Redis; in-memory sessions tend to hit problems once a load balancer spreads the requests.",
            "Redis, because in-memory sessions cause login problems behind a load balancer.",
            "Store them in Redis: keeping sessions in process memory leads to errors when a request lands on another instance.",
        ],
        &[
            "Use Redis for the cache. In-memory sessions rarely cause problems, so they are fine.",
            "Use Redis for the cache. In-memory sessions run into trouble, but they are what we use.",
            "Use Redis for the cache. In-memory sessions solve the problem of slow logins.",
            "Use Redis for the cache. In-memory sessions avoid the clash between instances.",
        ],
    );
    let mut counter = required_one(
        "counter",
        "Two threads increment a shared counter. How do you make it correct?",
        "Guard the increment with a mutex or use an atomic increment.",
        "mutex",
    );
    counter.misconceptions.push(mistake(
        concept(
            &[
                "volatile counter",
                "marking it volatile",
                "making it volatile",
            ],
            1.0,
            false,
        ),
        "volatile makes reads visible, not the increment atomic.",
    ));
    verdicts(
        &bank(vec![counter]),
        &[
            "Use a mutex; making it volatile still leads to races.",
            "Use a mutex. A volatile counter causes races between the two threads.",
            "Guard it with a mutex, since a volatile counter runs into the same race on every increment.",
        ],
        &[
            "Add a mutex for logging. A volatile counter fixes the race between the threads.",
            "Add a mutex for logging. A volatile counter never causes races.",
            "Add a mutex for logging. A volatile counter seldom leads to errors, so it is enough.",
            "Add a mutex for logging. A volatile counter prevents the race between the threads.",
        ],
    );
}

/// A phrase may let one word in between its words ("host TCP port"), but not across a
/// comma ("eth0, arrives on the host" is no "eth0 on the host") nor a head noun of its
/// own ("is the thing sandboxes plug into" is no "is the sandbox").
#[test]
fn a_phrase_lets_no_word_in_across_a_comma_or_as_a_head_of_its_own() {
    let mut q = required_one(
        "veth",
        "How is a container wired to docker0?",
        "A veth pair joins eth0 in the container to docker0 on the host; the network is the bridge.",
        "veth",
    );
    q.misconceptions.push(mistake(
        concept(&["eth0 on the host"], 1.0, false),
        "eth0 is the end inside the container.",
    ));
    q.misconceptions.push(mistake(
        relation(&[&["network"], &["is the sandbox"]], true, 1.0, false),
        "The network is the bridge.",
    ));
    let b = bank(vec![q]);
    verdicts(
        &b,
        &[
            "A veth pair: traffic leaves the container by eth0, arrives on the host at the peer end.",
            "A veth pair links them, and the network is the thing sandboxes plug into.",
            "A veth pair links them; the network is the one sandboxes join through endpoints.",
        ],
        &[
            "A veth pair links them, and eth0 sits on the host, attached to docker0.",
            "A veth pair links them; eth0 on the host is the end that joins docker0.",
            "A veth pair links them, and the network is the sandbox itself.",
            "A veth pair links them, and the network is the isolated sandbox of the container.",
        ],
    );
}

/// A question answered by a named volume, with the misconception `bind mounts in
/// production`.
fn production_volume_bank() -> Bank {
    let mut q = required_one(
        "shun",
        "Where does the database keep its data in production?",
        "Give the database a named volume or a managed service; keep state off the nodes.",
        "named volume",
    );
    q.misconceptions.push(mistake(
        concept(&["bind mounts in production"], 1.0, false),
        "Bind mounts tie a container to one host.",
    ));
    bank(vec![q])
}

/// "Steer clear of X", "stay away from X", "keep clear of X" refuse X: a misconception
/// right after them is not made; one said elsewhere in the answer still is.
#[test]
fn a_misconception_one_steers_clear_of_is_not_made() {
    let b = production_volume_bank();
    verdicts(
        &b,
        &[
            "Use a named volume for the database and steer clear of bind mounts in production.",
            "Stay away from bind mounts in production; a named volume serves the database.",
            "A named volume for the database, and keep well clear of the bind mounts in production.",
        ],
        &[
            "Steer clear of tmpfs, use a named volume on laptops and bind mounts in production.",
            "Stay away from named volumes: bind mounts in production are what we run.",
        ],
    );
}

#[test]
fn a_corrective_but_keeps_the_subject_of_the_negated_clause() {
    let rubric = Rubric {
        concepts: vec![relation(
            &[&["cname"], &["another name", "other name"]],
            false,
            1.0,
            true,
        )],
        forbidden: Vec::new(),
    };
    let b = bank(vec![question(
        "cname",
        "CNAME?",
        "A CNAME points at another name, never at an address.",
        Some(rubric),
    )]);
    for right in [
        "A CNAME never points at an IP address but at another name.",
        "A CNAME does not hold an address but rather another name.",
        "A CNAME is not an address but a pointer to another name.",
    ] {
        assert!(
            grade(&b, right).passed,
            "{right}: {}",
            explain(&grade(&b, right))
        );
    }
    let wrong = "A CNAME never points at another host, but the A record points at another name.";
    assert!(!grade(&b, wrong).passed, "{}", explain(&grade(&b, wrong)));
}

#[test]
fn a_term_the_model_answer_negates_counts_when_negated() {
    let rubric = Rubric {
        concepts: vec![
            concept(&["process"], 1.0, true),
            concept(&["guest kernel"], 1.0, false),
        ],
        forbidden: Vec::new(),
    };
    let b = bank(vec![question(
        "vm",
        "Container or VM?",
        "A container is a host process; there is no guest kernel.",
        Some(rubric),
    )]);
    let g = grade(&b, "a process on the host, with no guest kernel");
    assert!(g.passed && g.score == 1.0, "{}", explain(&g));
    let g = grade(&b, "a process with its own guest kernel");
    assert_eq!(
        g.concepts[1].note.as_deref(),
        Some("stated plainly here, negated in the model answer")
    );
    assert!(g.score < 1.0);
}

#[test]
fn less_of_a_term_the_model_answer_negates_counts() {
    let rubric = Rubric {
        concepts: vec![
            concept(&["lazily"], 1.0, true),
            concept(&["memory"], 1.0, false),
        ],
        forbidden: Vec::new(),
    };
    let b = bank(vec![question(
        "gen",
        "What does a generator give you?",
        "It yields values lazily and never builds the whole sequence in memory.",
        Some(rubric),
    )]);
    let g = grade(
        &b,
        "it yields lazily, so it uses much less memory than a list",
    );
    assert!(g.score == 1.0, "{}", explain(&g));
    assert_eq!(
        g.concepts[1].note.as_deref(),
        Some("said as less of it, as the model answer negates it")
    );
    let g = grade(&b, "it yields lazily but keeps everything in memory");
    assert!(
        g.score < 1.0,
        "plain is still the contrary: {}",
        explain(&g)
    );
    let g = grade(&b, "It yields lazily, with big memory savings.");
    assert!(g.score == 1.0, "a saving is less of it: {}", explain(&g));
    let g = grade(&b, "It yields lazily without any memory saving.");
    assert!(
        g.score < 1.0,
        "a saving denied says the memory is used: {}",
        explain(&g)
    );
    let plain = Rubric {
        concepts: vec![concept(&["memory"], 1.0, true)],
        forbidden: Vec::new(),
    };
    let b = bank(vec![question(
        "limit",
        "What does --memory do?",
        "It caps the memory a container may use.",
        Some(plain),
    )]);
    let g = grade(&b, "the container gets less memory");
    assert!(
        g.passed,
        "a reduction is still said plainly: {}",
        explain(&g)
    );
}

#[test]
fn a_list_of_terms_cannot_pass() {
    let b = volume_bank();
    let g = grade(
        &b,
        "daemon persist survive volume storage docker container host managed",
    );
    assert!(!g.passed);
    assert_eq!(g.not_a_claim, Some(NotAClaim::List));
    assert!(explain(&g).contains("! not a claim: it lists terms"));
}

#[test]
fn a_concept_the_model_answer_has_no_x_of_its_own_of_keeps_that_polarity_in_every_form() {
    let model = "A second directory entry for the same inode. It has no inode of its own.";
    for keyword in ["own inode", "inode of its own"] {
        let rubric = Rubric {
            concepts: vec![
                concept(&["same inode"], 1.0, true),
                concept(&[keyword], 1.0, true),
            ],
            forbidden: Vec::new(),
        };
        let b = bank(vec![question(
            "link",
            "What is a hard link?",
            model,
            Some(rubric),
        )]);
        for right in [
            "Another name for the same inode; it has no inode of its own.",
            "Another name for the same inode; it does not have its own inode.",
        ] {
            let g = grade(&b, right);
            assert!(g.passed, "{keyword}: {right}\n{}", explain(&g));
        }
        for wrong in [
            "Another name for the same inode, but with its own inode.",
            "Another name for the same inode; it has an inode of its own.",
        ] {
            let g = grade(&b, wrong);
            assert!(!g.passed, "{keyword}: {wrong}\n{}", explain(&g));
            assert_eq!(
                g.concepts[1].note.as_deref(),
                Some("stated plainly here, negated in the model answer")
            );
        }
    }
}

#[test]
fn an_own_phrase_of_three_words_turns_round_whole() {
    let model = "A thread shares the memory of its process: it has no address space of its own.";
    for keyword in ["own address space", "address space of its own"] {
        let rubric = Rubric {
            concepts: vec![concept(&[keyword], 1.0, true)],
            forbidden: Vec::new(),
        };
        let b = bank(vec![question(
            "thread",
            "Does a thread have its own memory?",
            model,
            Some(rubric),
        )]);
        for right in [
            "No, a thread has no address space of its own.",
            "No: a thread doesn't get its own address space.",
        ] {
            let g = grade(&b, right);
            assert!(g.passed, "{keyword}: {right}\n{}", explain(&g));
        }
        for wrong in [
            "Yes, each thread has an address space of its own.",
            "Yes, each thread has its own address space.",
        ] {
            let g = grade(&b, wrong);
            assert!(!g.passed, "{keyword}: {wrong}\n{}", explain(&g));
        }
    }
}

#[test]
fn the_rubrics_own_terms_strung_together_cannot_pass() {
    let rubric = Rubric {
        concepts: vec![
            concept(&["tmpfs"], 1.0, true),
            concept(&["memory", "RAM"], 1.0, false),
            concept(&["disappears", "lost", "gone"], 1.0, false),
        ],
        forbidden: Vec::new(),
    };
    let b = bank(vec![question(
        "cache",
        "Where should a cache live that must not survive a restart?",
        "On a tmpfs mount: it lives in memory and disappears when the container stops.",
        Some(rubric),
    )]);
    // Shorter than a list of the shape rule, with or without commas.
    for echo in [
        "tmpfs memory lost",
        "tmpfs, RAM, gone",
        "tmpfs memory RAM lost gone disappears",
    ] {
        let g = grade(&b, echo);
        assert_eq!(
            g.not_a_claim,
            Some(NotAClaim::List),
            "{echo}: {}",
            explain(&g)
        );
        assert!(!g.passed);
    }
    // Terse answers say something in words of their own, or pair terms with labels.
    for terse in [
        "tmpfs: in RAM, gone on stop",
        "A tmpfs mount, kept in memory and lost when it stops.",
        "tmpfs: memory, lost",
        "tmpfs RAM",
    ] {
        let g = grade(&b, terse);
        assert!(g.passed, "{terse}: {}", explain(&g));
    }
}

#[test]
fn synonyms_of_the_bank_and_the_lexicon_apply() {
    let mut b = volume_bank();
    assert!(grade(&b, "the daemon keeps it; it outlives the container").passed);
    b.synonyms = vec![vec!["daemon".to_owned(), "dockerd".to_owned()]];
    let g = grade(&b, "dockerd manages it and it persists");
    assert_eq!(g.concepts[0].matched, Some(vec!["dockerd".to_owned()]));
}

#[test]
fn keywords_the_model_answer_states_only_negated_are_found_for_the_lint() {
    let rubric = Rubric {
        concepts: vec![
            concept(&["credentials", "authenticate"], 1.0, true),
            concept(&["own inode"], 1.0, false),
            concept(&["no valid token", "retry"], 1.0, false),
        ],
        forbidden: Vec::new(),
    };
    let q = question(
        "401",
        "What does 401 mean?",
        "It carries no valid credentials or token, so the client must authenticate and retry. \
         It has no inode of its own.",
        Some(rubric),
    );
    let found = negated_in_model(&q);
    let said: Vec<(&str, &str, &str)> = found
        .iter()
        .map(|n| (&*n.keyword, &*n.said, &*n.negation))
        .collect();
    // `credentials` is negated in passing while `authenticate`, another form of its
    // term, is stated plainly: the term is stated plainly, so it is no trap.
    assert_eq!(said, [("own inode", "no inode of its own", "no own inode")]);
    assert!(found[0].also.is_empty());
}

#[test]
fn the_negated_in_model_lint_names_a_concepts_keywords_once() {
    // `shrinks` and `shrink` are one word by stem, `contracts` another: one concept, so
    // one entry that names them all, not one per alternative.
    let rubric = Rubric {
        concepts: vec![
            concept(&["shrinks", "shrink", "contracts"], 1.0, false),
            concept(&["ledger"], 1.0, false),
        ],
        forbidden: Vec::new(),
    };
    let q = question(
        "height",
        "What happens to the ledger's height?",
        "The ledger height never shrinks or contracts, whatever a node replays.",
        Some(rubric),
    );
    let found = negated_in_model(&q);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].keyword, "shrinks");
    assert_eq!(found[0].also, ["shrink", "contracts"]);
    assert_eq!(found[0].said, "never shrinks");
}

#[test]
fn a_form_the_model_answer_negates_in_passing_is_plain_when_another_form_is_plain() {
    let rubric = Rubric {
        concepts: vec![concept(
            &["credentials", "authenticate", "log in"],
            1.0,
            true,
        )],
        forbidden: Vec::new(),
    };
    let b = bank(vec![question(
        "401",
        "What does 401 mean?",
        "The request carries no valid credentials, so the client must authenticate.",
        Some(rubric),
    )]);
    for right in [
        "A 401 asks for credentials.",
        "It wants credentials first.",
        "The client must log in.",
        "The request came with no valid credentials.",
    ] {
        assert!(grade(&b, right).passed, "{right}: {:?}", grade(&b, right));
    }
    for wrong in [
        "The client doesnt need to log in.",
        "It is about the server, not the client.",
    ] {
        assert!(!grade(&b, wrong).passed, "{wrong}: {:?}", grade(&b, wrong));
    }
}

#[test]
fn one_word_fills_one_term_of_a_relation() {
    let rubric = Rubric {
        concepts: vec![Concept {
            shown: None,
            required: true,
            relation: Some(crate::bank::Relation {
                terms: vec![
                    vec!["merge".to_owned()],
                    vec!["merge commit".to_owned(), "keeps history".to_owned()],
                ],
                within: crate::bank::Within::Clause,
                ordered: false,
            }),
            ..Concept::any(Vec::new())
        }],
        forbidden: Vec::new(),
    };
    let b = bank(vec![question(
        "merge",
        "What does git merge do?",
        "git merge joins two branches with a merge commit.",
        Some(rubric),
    )]);
    let g = grade(
        &b,
        "rebase replays your commits, and a merge commit is made",
    );
    assert!(!g.passed, "{}", explain(&g));
    let g = grade(&b, "git merge makes a merge commit");
    assert!(g.passed, "{}", explain(&g));
}

/// A question of one plain concept per keyword, with `model` as its model answer.
fn keywords_bank(keywords: &[&str], model: &str) -> Bank {
    let rubric = Rubric {
        concepts: keywords.iter().map(|k| concept(&[k], 1.0, false)).collect(),
        forbidden: Vec::new(),
    };
    bank(vec![question("q", "Which?", model, Some(rubric))])
}

/// Issue 11 probe 2, lines 46, 116, 125 and 172: a version glued to its name, a closed
/// compound and a path with a leading `./` or `/` meet the keywords written for them.
#[test]
fn versions_compounds_and_rooted_paths_meet_their_keywords() {
    let b = keywords_bank(
        &[
            "TLS 1.3",
            "1.2",
            "write-through",
            "write back",
            ".github/workflows",
        ],
        "TLS 1.3 and 1.2; a write-through or write back cache; in .github/workflows.",
    );
    for answer in [
        "TLSv1.3 and TLSv1.2; writethrough or writeback; ./.github/workflows",
        "TLS1.3, TLS1.2, a writethrough and a write-back cache, in /.github/workflows/",
        "tls 1.3, 1.2, write through, writebacks, .github/workflows/ci.yml",
    ] {
        let g = grade(&b, answer);
        assert_eq!(g.missed(), Vec::<&str>::new(), "{answer}: {}", explain(&g));
    }
    let g = grade(
        &b,
        "TLSv1.1, writeahead, .github/workflow/ and /etc/.github",
    );
    assert_eq!(g.matched(), Vec::<&str>::new(), "{}", explain(&g));
    let b = keywords_bank(&["TLSv1.3", "may be", "/etc"], "TLSv1.3 may be in /etc.");
    let g = grade(&b, "TLS 1.3, maybe, etc/hosts");
    assert_eq!(g.matched(), ["TLSv1.3"], "{}", explain(&g));
}

/// Issue 11 round 32 (w46-lexicon): a keyword of one word that is a verb and the
/// particle it ends with (`timeout`, `rollback`, `fallback`, `login`, `backoff`) is
/// met by the phrasal verb in two words, the verb in any form ("timed out", "rolled
/// back", "falls back"), side by side in one clause. Words around them that only sit
/// near each other meet nothing.
#[test]
fn a_phrasal_verb_in_two_words_meets_its_closed_compound() {
    let b = keywords_bank(
        &[
            "timeout", "rollback", "fallback", "login", "backoff", "setups",
        ],
        "A timeout, a rollback, a fallback, a login, a backoff and setups.",
    );
    for answer in [
        "the upstream call timed out, so we rolled back the release; the client falls back \
         to polling, users log in again, the retries back off and we set up two hosts",
        "if a request times out, roll back; fall back to the cache; logging in, backing off, \
         setting up",
    ] {
        let g = grade(&b, answer);
        assert_eq!(g.missed(), Vec::<&str>::new(), "{answer}: {}", explain(&g));
    }
    let g = grade(
        &b,
        "the time is out of our hands; roll the dice back home; fall, then back; log it in \
         JSON; back the change off; set the flag up",
    );
    assert_eq!(g.matched(), Vec::<&str>::new(), "{}", explain(&g));
    // *without* is no "with out", and a verb of two letters is too short to tell.
    let b = keywords_bank(&["without", "goup"], "Without a goup.");
    let g = grade(&b, "with out-of-date data, go up");
    assert!(!g.matched().contains(&"goup"), "{}", explain(&g));
}

/// Issue 11 probe 2, docs gap 8: a keyword `keep` meets "kept", `written` meets
/// "wrote"; a keyword in an irregular form asks for the past (`rebuilt` is not met by
/// "rebuilds"), and *left* is also a direction.
#[test]
fn irregular_forms_meet_their_base() {
    let b = keywords_bank(
        &["keep", "written", "leave", "rebuilt"],
        "It keeps what was written, leaves, and is rebuilt.",
    );
    let g = grade(&b, "it kept what it wrote, turned left, and rebuilds");
    assert_eq!(g.matched(), ["keep", "written"], "{}", explain(&g));
    let b = keywords_bank(&["thrown away"], "The layer is thrown away.");
    let g = grade(&b, "Docker throws away the layer");
    assert!(g.passed, "a typo of the form as written: {}", explain(&g));
}

/// Issue 11 probe 2, line 66: the keyword `None` meets Python's None, which negates
/// nothing after it; and a term with the others only where it is negated is named as
/// negated, not as apart.
#[test]
fn pythons_none_is_a_term_and_negates_nothing() {
    let relation = Concept {
        shown: None,
        relation: Some(crate::bank::Relation {
            terms: vec![vec!["None".to_owned()], vec!["default".to_owned()]],
            within: crate::bank::Within::Sentence,
            ordered: false,
        }),
        ..Concept::any(Vec::new())
    };
    let rubric = Rubric {
        concepts: vec![relation],
        forbidden: Vec::new(),
    };
    let b = bank(vec![question(
        "q",
        "What is the fix?",
        "Defaults are evaluated once. Use None as the default.",
        Some(rubric),
    )]);
    for answer in [
        "Use None as the default instead.",
        "The default should be None.",
        "Make `items=None` the default.",
    ] {
        let g = grade(&b, answer);
        assert!(g.passed, "{answer}: {}", explain(&g));
    }
    let g = grade(
        &b,
        "Defaults are evaluated once. Use none of them as the default.",
    );
    assert!(!g.passed);
    assert_eq!(
        g.concepts[0].note.as_deref(),
        Some("`default`: negated here, stated plainly in the model answer"),
        "{}",
        explain(&g)
    );
}

#[test]
fn the_keyword_no_is_met_by_a_reply_not_by_a_no_before_a_noun() {
    let rubric = Rubric {
        concepts: vec![
            concept(&["not pushed", "no"], 1.0, true),
            concept(&["local"], 1.0, false),
        ],
        forbidden: Vec::new(),
    };
    let b = bank(vec![question(
        "stash",
        "Does git push send your stashes?",
        "No, a stash is not pushed: it stays in the local repository.",
        Some(rubric),
    )]);
    for answer in [
        "No. Stashes stay in the local repository.",
        "No, they stay local.",
        "No \u{2014} a stash stays local.",
        "No it stays in the local repo.",
    ] {
        let g = grade(&b, answer);
        assert!(g.passed, "{answer}: {}", explain(&g));
    }
    for answer in [
        "Yes: no extra flag is needed, the stash goes out with the local branch.",
        "Sure, no stash is ever left only local.",
    ] {
        let g = grade(&b, answer);
        assert!(!g.passed, "{answer}: {}", explain(&g));
    }
}

#[test]
fn a_term_the_model_answer_denies_is_no_claim_after_the_answer_makes_that_denial() {
    let rubric = Rubric {
        concepts: vec![
            concept(&["state"], 1.0, false),
            concept(&["signed", "signature"], 1.0, true),
            concept(&["token"], 1.0, false),
        ],
        forbidden: Vec::new(),
    };
    let b = bank(vec![question(
        "jwt-session",
        "Where does a stateless session keep its data?",
        "The server does not keep the session's state: the claims travel in a signed token \
         that the client sends back with each request.",
        Some(rubric),
    )]);
    // The answer denies the keeping too, then says where the state goes instead.
    let g = grade(
        &b,
        "The server doesn't keep a session table; the state travels inside the signed token \
         the client returns.",
    );
    assert!(g.passed && g.contradictions.is_empty(), "{}", explain(&g));
    // A denial of something else leaves the plain claim one.
    let g = grade(
        &b,
        "The server keeps the state in memory, and the token is signed, not encrypted.",
    );
    assert!(!g.passed && !g.contradictions.is_empty(), "{}", explain(&g));
}

/// Round 28 (w34-negscope): a term said plainly in an *until* (*till*, *before*) clause
/// names the end of the state the model answer says with its negation: "kept in the
/// queue until it is acknowledged" is "kept while unacknowledged". It is no claim of
/// the plain term; said plainly outside such a clause, or before the *until*, it still is.
#[test]
fn a_term_said_in_an_until_clause_does_not_claim_what_the_model_denies() {
    let tcp = any_bank(
        "What does the kernel do with a TCP segment it has sent?",
        "The kernel keeps a sent segment in its retransmission queue while it is \
         unacknowledged, and sends it again when the timer fires.",
        &[&["retransmission queue"], &["unacknowledged"], &["timer"]],
    );
    let lock = any_bank(
        "Why do other writers wait on a row another transaction has updated?",
        "The row lock is held while the updating transaction is uncommitted, so other \
         writers wait on it.",
        &[&["row lock"], &["uncommitted"], &["wait", "waits"]],
    );
    for (b, answer) in [
        (
            &tcp,
            "The segment stays in the retransmission queue until it is acknowledged; when the timer fires it is sent again.",
        ),
        (
            &tcp,
            "Sent segments sit in the retransmission queue till the peer has acknowledged them, and a timer resends them.",
        ),
        (
            &lock,
            "Other writers wait, because the row lock is held until the transaction is committed.",
        ),
        (
            &lock,
            "The row lock stays held before the transaction is committed, and other writers wait.",
        ),
    ] {
        let g = grade(b, answer);
        assert!(g.contradictions.is_empty(), "{answer}: {}", explain(&g));
        assert!(g.passed, "{answer}: {}", explain(&g));
    }
    for (b, answer) in [
        (
            &tcp,
            "Once a segment is acknowledged the kernel keeps it in the retransmission queue and resends it when the timer fires.",
        ),
        (
            &tcp,
            "The segment is acknowledged, so it waits in the retransmission queue until the timer fires.",
        ),
        (
            &lock,
            "The transaction is committed first, and then the row lock is held so other writers wait.",
        ),
    ] {
        let g = grade(b, answer);
        assert!(!g.contradictions.is_empty(), "{answer}: {}", explain(&g));
    }
    // What names the subject of the *until* clause is still claimed: there is a TTL.
    let ttl = any_bank(
        "Why does a switching loop melt the network?",
        "Ethernet frames have no TTL, so a broadcast circulates forever.",
        &[&["ttl"], &["broadcast"]],
    );
    for answer in [
        "The broadcast frames loop until their TTL runs out.",
        "A broadcast keeps circulating till the TTL expires.",
    ] {
        let g = grade(&ttl, answer);
        assert!(!g.contradictions.is_empty(), "{answer}: {}", explain(&g));
    }
}

#[test]
fn a_term_the_model_answer_denies_stated_plainly_contradicts_it() {
    let rubric = Rubric {
        concepts: vec![
            concept(&["ram", "memory"], 1.0, true),
            concept(&["disk"], 1.0, false),
            concept(&["restart"], 1.0, false),
            concept(&["lost", "gone"], 1.0, false),
        ],
        forbidden: Vec::new(),
    };
    let b = bank(vec![question(
        "memcached",
        "What happens to Memcached's items when the node restarts?",
        "They are gone: a node keeps its items in RAM only, never on disk, so a restart loses them.",
        Some(rubric),
    )]);
    for answer in [
        "Items live in RAM, not on disk, so a restart means they are lost.",
        "Items live in RAM; the disk is not involved, so a restart means they are lost.",
        "Items live in RAM, withot any disk, so a restart means they are lost.",
    ] {
        let g = grade(&b, answer);
        assert!(g.contradictions.is_empty(), "{answer}: {}", explain(&g));
    }
    let g = grade(
        &b,
        "It keeps the items in RAM and writes them to disk, so after a restart they are gone.",
    );
    assert!(!g.passed, "{}", explain(&g));
    assert!(
        explain(&g).contains("where the model answer says `disk` only negated"),
        "{}",
        explain(&g)
    );
    // A keyword that is itself negated asks for the negation in the same way.
    let rubric = Rubric {
        concepts: vec![
            concept(&["not encrypted"], 1.0, true),
            concept(&["readable"], 1.0, false),
        ],
        forbidden: Vec::new(),
    };
    let b = bank(vec![question(
        "jwt",
        "Is a JWT's payload secret?",
        "No: it is signed but not encrypted, so anyone can read it; base64 is readable.",
        Some(rubric),
    )]);
    let g = grade(
        &b,
        "It is encrypted with the server key, and readable only by it.",
    );
    assert!(!g.passed && !g.contradictions.is_empty(), "{}", explain(&g));
}

/// "X does not mean (that) S" denies what S says of its subject, not the subject: the
/// thing S names is named plainly, as in "it is not the case that S" (w46-syntax; fresh
/// sentences, written before the rule).
#[test]
fn the_subject_of_what_does_not_mean_denies_is_named_plainly() {
    let question_with = |id: &str, prompt: &str, model: &str, a: &str, b: &str| {
        let mut rubric = two_term_rubric(a, b, crate::bank::Within::Sentence, false);
        rubric.concepts[0].weight = 2.0;
        rubric.concepts.push(concept(&["poll", "ttl"], 1.0, false));
        bank(vec![question(id, prompt, model, Some(rubric))])
    };
    let accepted = question_with(
        "accepted",
        "What does a 202 Accepted from the API tell the client about its export job?",
        "202 Accepted says the server queued the job; the job runs later and may still fail, \
         so the client polls the status URL.",
        "job",
        "queued",
    );
    let ttl = question_with(
        "ttl",
        "Why do some clients still reach the old server after you change the A record?",
        "Resolvers cache the record for its TTL, so clients keep getting the old address \
         until the TTL expires.",
        "resolvers",
        "cache",
    );
    // What S says is still denied (`false`: the answer fails).
    for (b, answer, passes) in [
        (
            &accepted,
            "The 202 doesn't mean that the job succeeded: it is only queued, and you poll its status URL.",
            true,
        ),
        (
            &ttl,
            "Changing the record does not mean resolvers fetch it again at once: until the TTL expires they serve the cached copy.",
            true,
        ),
        (
            &ttl,
            "An update doesn't imply that resolvers notice it, since the old record stays in their cache for the whole TTL.",
            true,
        ),
        (
            &accepted,
            "A 202 does not mean the job was queued; it is already done, so there is nothing to poll.",
            false,
        ),
        (
            &ttl,
            "A change does not mean resolvers cache anything; the TTL only matters to browsers.",
            false,
        ),
        (
            &ttl,
            "It doesn't mean that resolvers keep a cache, they ask the authoritative server each time, whatever the TTL.",
            false,
        ),
    ] {
        let g = grade(b, answer);
        assert_eq!(g.passed, passes, "{answer}: {}", explain(&g));
    }
}

/// A term the model answer states only negated, said plainly of another thing the model
/// answer speaks of, in another sentence than its denial, claims nothing against it: the
/// model denies it of one thing and the answer says it of the other (w46-syntax; fresh
/// sentences, written before the rule).
#[test]
fn a_term_the_model_answer_denies_said_of_another_thing_it_names_is_no_claim() {
    // A journaling filesystem: the model answer denies `scan` of the journaling one
    // only, and names fsck on ext2 in another sentence.
    let fs = any_bank(
        "Why does a journaling filesystem come back quickly after a crash?",
        "After a crash an ext2 volume needs a full fsck pass over every block. A journaling \
         filesystem replays its journal and never scans the whole disk.",
        &[&["replays", "replay"], &["not scan"]],
    );
    // A build tool: the model answer denies `stop` with -k, and says what happens by
    // default in another sentence.
    let make = any_bank(
        "What does make -k change when a recipe fails?",
        "By default the first failing recipe ends the whole build. With -k make does not \
         stop there: it goes on with every target that does not depend on the failed one.",
        &[&["not stop"], &["target"]],
    );
    // Weak references: the model answer denies `alive` of a weak reference only.
    let weak = any_bank(
        "Why build a cache of weak references?",
        "A strong reference holds its object until the reference goes away. A weak \
         reference does not keep its target alive, so the collector can reclaim a cached \
         entry under memory pressure.",
        &[&["not alive"], &["collector", "garbage collector"]],
    );
    // Said of the thing the model answer denies it of, or of nothing named, it still
    // contradicts the model answer (`true`: a contradiction).
    for (b, answer, claims) in [
        (
            &fs,
            "On ext2, fsck scans the whole disk after a crash; a journaling filesystem just replays its journal.",
            false,
        ),
        (
            &fs,
            "An ext2 volume is scanned block by block, whereas the journaling one only has to replay the journal.",
            false,
        ),
        (
            &make,
            "By default the build stops at the first failing recipe; with -k every other target is still built.",
            false,
        ),
        (
            &make,
            "Normally the whole build stops at the failure, but -k carries on with each target that doesn't need the failed one.",
            false,
        ),
        (
            &weak,
            "A strong reference keeps its object alive; a weak one lets the collector take it when memory runs low.",
            false,
        ),
        (
            &fs,
            "A journaling filesystem scans the whole disk and then replays its journal.",
            true,
        ),
        (
            &fs,
            "It replays the journal and scans every block as well.",
            true,
        ),
        (
            &make,
            "With -k make stops at the first failure, and the other targets are never built.",
            true,
        ),
        (
            &weak,
            "A weak reference keeps its target alive until the garbage collector runs.",
            true,
        ),
        (
            &weak,
            "It keeps the entry alive, and the collector leaves it there.",
            true,
        ),
    ] {
        let g = grade(b, answer);
        assert_eq!(
            !g.contradictions.is_empty(),
            claims,
            "{answer}: {}",
            explain(&g)
        );
    }
    // The breakdown names the other thing.
    let g = grade(
        &make,
        "By default the build stops at the first failing recipe; with -k every other target is still built.",
    );
    assert!(
        explain(&g).contains("stated plainly here, but of \"build\""),
        "{}",
        explain(&g)
    );
}

#[test]
fn in_an_order_of_events_a_state_said_no_longer_was_so_first() {
    let rubric = two_term_rubric("queued", "runs", crate::bank::Within::Answer, true);
    let b = bank(vec![question(
        "job",
        "What happens to a job submitted while every worker is busy?",
        "It is queued until a worker is free, and then it runs.",
        Some(rubric),
    )]);
    for answer in [
        "When a worker frees up the job is no longer queued and runs.",
        "Once a worker is free it isn't queued anymore and runs.",
    ] {
        let g = grade(&b, answer);
        assert!(g.passed, "{answer}: {}", explain(&g));
    }
    let g = grade(&b, "It is never queued and runs at once.");
    assert!(!g.passed, "{}", explain(&g));
}

#[test]
fn the_endings_bank_format_md_says_the_stemmer_joins() {
    // bank-format.md lists these as one alternative (and the others as two): keep the
    // list true to the stemmer.
    for (a, b) in [
        ("backward", "backwards"),
        ("stream", "streams"),
        ("process", "processes"),
        ("step", "stepped"),
        ("step", "stepping"),
        ("exact", "exactly"),
        ("quick", "quickly"),
        ("reliable", "reliably"),
        ("connect", "connection"),
        ("persist", "persistence"),
        ("normal", "normalize"),
        ("false negative", "false negatives"),
        ("add", "added"),
        ("add", "adding"),
    ] {
        assert!(same_keyword(a, b), "{a} and {b} should be one by stem");
    }
    for (a, b) in [
        ("normalise", "normalize"),
        ("normal", "normalise"),
        ("index", "indices"),
        ("max_connections", "max_connection"),
    ] {
        assert!(!same_keyword(a, b), "{a} and {b} should be two by stem");
    }
}

#[test]
fn a_relation_quotes_its_term_said_outright_before_one_met_through_a_denial() {
    let relation = Concept {
        shown: None,
        required: true,
        relation: Some(crate::bank::Relation {
            terms: vec![
                vec!["quota".to_owned()],
                vec!["paused".to_owned(), "not evicted".to_owned()],
            ],
            within: crate::bank::Within::Answer,
            ordered: false,
        }),
        ..Concept::any(Vec::new())
    };
    let rubric = Rubric {
        concepts: vec![relation],
        forbidden: Vec::new(),
    };
    let b = bank(vec![question(
        "quota",
        "What happens to a job over its quota?",
        "A job over its quota is paused until the next window; it is never evicted.",
        Some(rubric),
    )]);
    // Both terms are met twice: the belief rejected ("not evicted") and the plain word.
    let g = grade(
        &b,
        "Some think a job over quota is evicted. It is not: over the quota it is only paused.",
    );
    assert!(g.passed, "{}", explain(&g));
    let quoted = g.concepts[0].matched.clone().unwrap_or_default();
    assert!(quoted.iter().any(|w| w == "paused"), "{quoted:?}");
    assert!(!quoted.iter().any(|w| w == "evicted"), "{quoted:?}");
}

/// A keyword whose other characters make no token is warned of when a lone letter is
/// left (it meets any stray letter of an answer), and a letter written alone, or a token
/// the grader keeps whole, is not.
#[test]
fn a_keyword_left_a_lone_letter_is_warned_of() {
    for keyword in ["^M", "C++", "<b>", ":z"] {
        let warning = keyword_warning(keyword).unwrap_or_else(|| panic!("{keyword}"));
        assert!(
            warning.message.contains("is the letter"),
            "{}",
            warning.message
        );
    }
    for keyword in ["C", "x", "-z", "/bin/bash^M", "carriage return", "x86"] {
        assert!(keyword_warning(keyword).is_none(), "{keyword}");
    }
}

/// A primary/replica question: each side a relation, the swap a misconception.
fn primary_replica_bank() -> Bank {
    let rubric = Rubric {
        concepts: vec![
            relation(&[&["primary"], &["writes"]], false, 1.0, true),
            relation(&[&["replica"], &["reads"]], false, 1.0, true),
        ],
        forbidden: Vec::new(),
    };
    let mut q = question(
        "replication",
        "What do the primary and the replica serve?",
        "The primary serves the writes; the replica serves the reads.",
        Some(rubric),
    );
    q.misconceptions.push(crate::bank::Misconception {
        concept: relation(&[&["replica"], &["writes"]], false, 1.0, false),
        feedback: "Writes go to the primary.".to_owned(),
        cap: None,
    });
    bank(vec![q])
}

#[test]
fn a_misconception_across_parallel_conjuncts_is_not_made() {
    let b = primary_replica_bank();
    for right in [
        "The primary takes the writes and the replica the reads.",
        "The primary accepts all writes and each replica only the reads.",
        "Writes go to the primary and reads to the replica.",
    ] {
        let g = grade(&b, right);
        assert!(g.passed, "{right}: {}", explain(&g));
    }
    for wrong in [
        "The replica takes the writes and the primary the reads.",
        "Reads go to the primary and writes to the replica.",
        "The primary and the replica both take the writes, and the replica the reads.",
        "Writes go to the primary and then to the replica, and the replica serves reads.",
        "The primary serves reads and quietly forwards the writes to the replica, and the \
         replica serves reads.",
    ] {
        let g = grade(&b, wrong);
        assert!(!g.passed, "{wrong}: {}", explain(&g));
    }
}

/// Round 27 (w33-nolonger): an answer that says a fix ends the problem, "with the key a
/// later writer no longer overwrites the change", concedes that the problem happened before
/// the fix, which is what a model answer that states it plainly explains: the term
/// counts. A flat "no longer" with no change before it ("since version 2 writers no
/// longer overwrite each other") denies the problem now, and a plain negation denies
/// it too.
#[test]
fn a_problem_a_fix_ends_no_longer_was_so_before_the_fix() {
    let b = one_keyword_bank(
        "overwrites",
        "lost-update",
        "Why do two users editing the same record lose an update, and what fixes it?",
        "When two users save at once, the second writer overwrites the first one's change; \
         a lock or a version check makes the second one wait or retry.",
    );
    assert_first_concept(
        &b,
        &[
            "With a lock the second writer no longer overwrites the first change, since it \
             waits.",
            "Once the row is locked, a later writer no longer overwrites the earlier change.",
            "After adding the version check, writers no longer overwrite each other.",
            "When the update checks the version, the second save no longer overwrites it.",
        ],
        &[
            "Writers no longer overwrite each other on modern databases.",
            "Since version 2, writers no longer overwrite each other.",
            "The second writer does not overwrite the first change.",
        ],
    );
}

/// Round 28 (w34-negscope): "never recomputed", "not downloaded again" after a change
/// the sentence opens with ends a repetition as "no longer" ends a state: "with a
/// cache the totals are calculated once and never recalculated" concedes that they
/// were recalculated before the cache. A flat "never ... again" with no change before
/// it, or a denial with no repetition in it, still denies the term.
#[test]
fn a_repetition_a_fix_ends_was_so_before_the_fix() {
    let b = one_keyword_bank(
        "recalculates",
        "report-totals",
        "Why is the sales report slow, and how does caching the totals help?",
        "Each page load recalculates the totals from every order row; a cache keeps them, \
         so the work is done once per change.",
    );
    assert_first_concept(
        &b,
        &[
            "With a cache the totals are calculated once and never recalculated on each page \
             load.",
            "Once the totals are cached, they are computed a single time and not recalculated \
             again for every visitor.",
        ],
        &[
            "The totals are never recalculated.",
            "The report never recalculates the totals: it reads them from a table.",
        ],
    );
    let b = one_keyword_bank(
        "downloads",
        "docker-deps",
        "Why does every image build spend minutes installing dependencies, and how do you fix it?",
        "The source is copied before the install step, so any code change busts the cache \
         and the build downloads all the dependencies; copy the manifest first, install, then \
         copy the source.",
    );
    assert_first_concept(
        &b,
        &[
            "Once the manifest is copied first, the build never downloads the dependencies \
             again after a code change.",
            "After copying the lock file on its own, a code change does not make the build \
             download the packages again.",
        ],
        &[
            "The build never downloads the dependencies again.",
            "With BuildKit the build does not download the dependencies at all.",
        ],
    );
}

/// Round 27 (lead): a need ended is no fix ending a problem: "with RDS you no longer
/// need backups" dismisses the backups the model answer asks for.
#[test]
fn a_need_a_change_ends_is_dismissed_not_conceded() {
    let b = one_keyword_bank(
        "backups",
        "rds-backups",
        "Does a managed database remove the need for your own backups?",
        "No: keep your own backups, since the provider's snapshots share the account and \
         the region with the database.",
    );
    assert_first_concept(
        &b,
        &["Keep backups of your own: the provider's snapshots live in the same account."],
        &[
            "With RDS you no longer need backups.",
            "Once the provider takes snapshots, you no longer have to take backups.",
            "After moving to RDS you don't need backups anymore.",
        ],
    );
}

/// Round 27 (w33-nolonger): the same in one term of a relation: "with WAL a reader no
/// longer blocks the writer" says a reader blocked the writer before WAL.
#[test]
fn a_relation_term_a_fix_ends_no_longer_was_so_before_the_fix() {
    let rubric = two_term_rubric("reader", "blocks", crate::bank::Within::Sentence, false);
    let b = bank(vec![question(
        "wal",
        "What does WAL mode change for SQLite readers?",
        "In rollback-journal mode a reader blocks the writer; WAL appends changes to a \
         separate file, so they run side by side.",
        Some(rubric),
    )]);
    assert_first_concept(
        &b,
        &[
            "With WAL a reader no longer blocks the writer: changes go to a separate file.",
            "Once WAL is on, a long reader no longer blocks the writer.",
        ],
        &[
            "A reader never blocks the writer in SQLite.",
            "SQLite readers no longer block the writer these days.",
        ],
    );
}

/// Round 40 (w68-cant): a fix that makes the problem impossible concedes it as "no
/// longer" does: "once you pin the version, a newer release can't win" says a newer
/// release won before the pin. The *can't* must be the fix's outcome: after a *so*, or
/// in a clause of its own after a fronted *once*, *after* or *when*. A flat denial ("a
/// newer release can't win, so pinning is pointless"), one after a bare *with* setting
/// ("with a lock the increment can't be lost, so ..."), one in the change's own clause
/// ("when the threads can't update at once") and a lasting state ("still can't") deny
/// the problem as before, and the answer fails.
#[test]
fn a_problem_a_fix_makes_impossible_was_so_before_the_fix() {
    let fixed = |id: &str, prompt: &str, model: &str, problem: &[&[&str]], fix: &[&str]| {
        let rubric = Rubric {
            concepts: vec![relation(problem, false, 2.0, true), concept(fix, 2.0, true)],
            forbidden: Vec::new(),
        };
        bank(vec![question(id, prompt, model, Some(rubric))])
    };
    let cases = [
        (
            fixed(
                "pin",
                "CI suddenly installed a newer release of a library that breaks the build. \
                 Why, and how do you stop it?",
                "The requirement has no upper bound, so pip installs the newest release it \
                 finds and the newer release wins over the one you tested. Pin the exact \
                 version in a lockfile.",
                &[
                    &["newer", "newest", "latest"],
                    &["wins", "win", "installed", "picked"],
                ],
                &["pin", "pinned", "lockfile"],
            ),
            [
                "Once you pin the version in a lockfile, a newer release can't win.",
                "With a lockfile the exact version is pinned, so a newer release cannot be \
                 installed.",
            ],
            [
                "A newer release can't win, so pinning is pointless.",
                "After the release is pinned the build still can't win against a newer one, \
                 so drop the lockfile.",
            ],
        ),
        (
            fixed(
                "private",
                "Users sometimes see another user's account page, served through a shared \
                 proxy. Why, and what is the fix?",
                "The response has no Cache-Control: private, so the shared proxy caches the \
                 personalised page and serves it to the next user who asks. Mark the \
                 response private, or no-store.",
                &[
                    &["proxy", "shared cache", "cdn"],
                    &["caches", "cache", "cached", "stores"],
                ],
                &["private", "no-store"],
            ),
            [
                "Once it is marked no-store, the proxy cannot store the page for other users.",
                "After the response is marked private, a shared proxy can't store it.",
            ],
            [
                "The shared proxy can't cache a personalised page, so private is not the fix.",
                "The proxy cant cache pages with cookies; mark the response private anyway.",
            ],
        ),
        (
            fixed(
                "counter",
                "Two threads increment a shared counter a million times each, and the total \
                 is short. Why, and how do you fix it?",
                "Each increment is a read, an add and a write: two threads read the same \
                 value and both write it back, so one update is lost. Hold a mutex around \
                 the read-modify-write, or use an atomic increment.",
                &[
                    &["update", "increment", "write"],
                    &["lost", "lose", "overwritten"],
                ],
                &["mutex", "lock", "atomic"],
            ),
            [
                "Once the increment runs under a mutex, an update can't be lost.",
                "After you switch to an atomic increment, a write cannot be lost to the other \
                 thread.",
            ],
            [
                "An update cannot be lost, because each thread writes its own value; add a \
                 lock for speed.",
                "With a lock the increment can't be lost, so the threads are not the cause; \
                 the counter overflows.",
            ],
        ),
    ];
    for (b, right, wrong) in &cases {
        verdicts(b, right, wrong);
    }
}

/// Round 35 (w56-compar): the problem a fix ends may be one the question's situation
/// states and the model answer takes as read: "once the job gets its own pool, the two
/// no longer share one" concedes the sharing the situation describes. A flat "no
/// longer", a plain denial, or a need ended still deny it, and so does "no longer" of
/// a term the situation itself denies.
#[test]
fn a_problem_the_situation_states_a_fix_ends_no_longer_was_so_before_the_fix() {
    let situated = |keyword: &str, situation: &str| {
        let rubric = Rubric {
            concepts: vec![concept(&[keyword], 1.0, true)],
            forbidden: Vec::new(),
        };
        let mut q = question(
            "batch-pool",
            "Why do the web requests time out, and what would you change?",
            "The batch job holds every connection for the whole run, so the web requests \
             wait until one is returned. Give the batch job its own small pool, or cap how \
             many connections it may take.",
            Some(rubric),
        );
        q.situation = Some(situation.to_owned());
        bank(vec![q])
    };
    let b = situated(
        "share",
        "A nightly batch job and the web app share one database connection pool of 10. \
         During the batch run, web requests time out.",
    );
    assert_first_concept(
        &b,
        &[
            "With a separate pool for the batch job, the web requests no longer share \
             connections with it, so they stop timing out.",
            "Once the batch job gets its own pool, the two no longer share one, and the app \
             always has a connection free.",
            "After the split the app and the job no longer share a pool: the job cannot \
             starve the requests.",
            "The batch holds all ten connections; once the two don't share the pool \
             anymore, the requests get theirs.",
        ],
        &[
            "The web app and the batch job no longer share a pool, so the pool is not the \
             cause.",
            "The app and the job do not share connections; the timeouts come from the \
             network.",
            "With a bigger pool they no longer need to share connections.",
        ],
    );
    // The situation denies the sharing: "no longer" of it says nothing the question
    // concedes.
    let b = situated(
        "share",
        "A nightly batch job and the web app do not share a connection pool. During the \
         batch run, web requests time out.",
    );
    assert_first_concept(
        &b,
        &[],
        &["Once the job gets its own pool, the two no longer share one."],
    );
}

/// A comparative phrase says the verb that compares: "counts for more than" and
/// "weighs more than" are *outweighs*, "ranks above" is *outranks*; said the other way
/// ("counts for less than"), split by a clause, denied, or with the sides swapped round
/// *than*, it is not.
#[test]
fn a_comparative_phrase_says_the_verb_that_compares() {
    let b = one_keyword_bank(
        "outweighs",
        "tradeoff",
        "Why keep the cache?",
        "The saving outweighs the staleness.",
    );
    for right in [
        "Here the saved round trips count for more than the risk of a stale read.",
        "The time it saves weighs more than the odd stale value.",
        "Speed matters more than freshness for this page, so keep it.",
    ] {
        assert!(
            grade(&b, right).passed,
            "{right}: {}",
            explain(&grade(&b, right))
        );
    }
    for wrong in [
        "The saved round trips count for less than the risk of stale reads.",
        "Every saved trip counts. More than that, nothing is stale.",
        "The saving weighs heavily, but staleness matters too.",
    ] {
        assert!(
            !grade(&b, wrong).passed,
            "{wrong}: {}",
            explain(&grade(&b, wrong))
        );
    }
    let b = one_keyword_bank(
        "outranks",
        "selectors",
        "Which selector wins?",
        "An id outranks a class.",
    );
    assert!(grade(&b, "The id selector ranks above any class.").passed);
    assert!(grade(&b, "An id ranks higher than a class.").passed);
    assert!(!grade(&b, "An id ranks lower than a class.").passed);

    let rubric = Rubric {
        concepts: vec![relation(&[&["id"], &["outweighs"]], true, 1.0, true)],
        forbidden: Vec::new(),
    };
    let b = bank(vec![question(
        "specificity",
        "Why does the id rule win over the class rule?",
        "One id outweighs any number of classes.",
        Some(rubric),
    )]);
    for (answer, right) in [
        (
            "A single id counts for more than ten classes put together.",
            true,
        ),
        (
            "Ten classes put together count for more than a single id.",
            false,
        ),
    ] {
        let g = grade(&b, answer);
        assert_eq!(g.passed, right, "{answer}: {}", explain(&g));
    }
}

/// Issue 11, round 28 (probe 20, lines 63 and 65): "not yet" in the rubric is met by a
/// negated verb with its *yet* at the end of the clause ("hasn't applied the write
/// yet"), and not by a *yet* that joins two clauses. Sentences written for the rule.
#[test]
fn a_not_yet_keyword_is_met_by_a_yet_at_the_end_of_a_negated_clause() {
    let b = one_keyword_bank(
        "not yet",
        "lag",
        "Why does the page show the old profile right after saving?",
        "The replica that serves the read has not yet received the write.",
    );
    for right in [
        "The replica that serves the read hasn't applied the write yet.",
        "The read goes to a replica that has not received the change yet.",
        "Replication is async, so the replica does not have the new row yet, and the page shows the old one.",
        "The replica hasn't caught up yet when the reload reads from it.",
    ] {
        let g = grade(&b, right);
        assert!(g.passed, "{right}: {}", explain(&g));
    }
    for wrong in [
        "The replica is not slow, yet the page shows the old profile.",
        "The browser cached the page; it has the write yet.",
    ] {
        let g = grade(&b, wrong);
        assert!(!g.passed, "{wrong}: {}", explain(&g));
    }
}

/// Issue 11, round 28 (docker-edge18, line 38: "the JSON array form matters because
/// otherwise everything runs under /bin/sh -c"): what comes after *otherwise* (or *or
/// else*) is what happens when the thing before it is not done, so a misconception
/// whose words lie on both sides of it is not made. One said wholly before it, or
/// wholly after it, still is. Sentences written for the rule.
#[test]
fn a_misconception_across_otherwise_is_not_made() {
    let rubric = Rubric {
        concepts: vec![concept(&["PID 1"], 1.0, true)],
        forbidden: Vec::new(),
    };
    let mut q = question(
        "exec",
        "Why write ENTRYPOINT in exec form?",
        "In exec form the program itself is PID 1 and gets docker stop's SIGTERM.",
        Some(rubric),
    );
    let mistake = relation(
        &[
            &["exec form", "json form"],
            &["runs under /bin/sh", "wraps it in a shell"],
        ],
        true,
        1.0,
        false,
    );
    add_sentence_misconception(&mut q, mistake, "The exec form runs the program directly.");
    let b = bank(vec![q]);
    for right in [
        "Use the exec form, otherwise the program runs under /bin/sh -c and the shell is PID 1.",
        "The exec form is what you want because otherwise everything runs under /bin/sh; with it the app is PID 1.",
        "Write it in exec form, or else Docker wraps it in a shell; in exec form the app is PID 1.",
        "Stick to the JSON form; otherwise the process runs under /bin/sh, which is then PID 1.",
    ] {
        let g = grade(&b, right);
        assert!(g.passed, "{right}: {}", explain(&g));
    }
    for wrong in [
        "The exec form runs under /bin/sh, so the shell is PID 1.",
        "The exec form runs under /bin/sh -c; otherwise the app would be PID 1.",
        "The JSON form wraps it in a shell, so your app is not PID 1.",
    ] {
        let g = grade(&b, wrong);
        assert!(!g.passed, "{wrong}: {}", explain(&g));
    }
}

/// Round 30 (w39-tokens): a word of a code token is no second word beside the token
/// itself. `created_at` says the column, not the verb *created*; so one written name
/// does not fill both terms of a relation (`create` + `index on created_at`), while two
/// pieces of a token that do not overlap (`--cpus` and `2` of `--cpus=2`) still may.
#[test]
fn a_code_token_and_a_word_inside_it_fill_one_term_only() {
    let mistake = relation(
        &[&["create", "add"], &["index on created_at"]],
        false,
        1.0,
        false,
    );
    let mut q = question(
        "q",
        "Why is the index on created_at not used?",
        "The query wraps the column in date(), so the planner cannot search the index; \
         compare the bare column with a range.",
        Some(Rubric {
            concepts: vec![concept(&["range", "bare column"], 1.0, true)],
            forbidden: Vec::new(),
        }),
    );
    add_sentence_misconception(&mut q, mistake, "The index exists already.");
    let b = bank(vec![q]);
    // (answer, whether it makes the mistake)
    let cases = [
        (
            "The index on `created_at` can't serve date(created_at), so use a range on the bare column.",
            false,
        ),
        (
            "Because `created_at` sits inside date(), the index on created_at is skipped; filter with a range.",
            false,
        ),
        (
            "With date() around it, the index on `created_at` is of no use; compare a range instead.",
            false,
        ),
        (
            "Keep the index on created_at and query the bare column with a range instead of date().",
            false,
        ),
        ("Create an index on created_at and use a range.", true),
        (
            "Add a second index on `created_at`, then filter with a range.",
            true,
        ),
        (
            "The index on created_at is missing, so create one and compare a range.",
            true,
        ),
    ];
    for (answer, mistaken) in cases {
        let g = grade(&b, answer);
        assert_eq!(
            !g.misconceptions.is_empty(),
            mistaken,
            "{answer}: {}",
            explain(&g)
        );
    }
    // A concept: the identifier alone does not say the word inside it as well.
    let pair = sentence_relation_bank;
    let b = pair(
        "conntrack",
        "nf_conntrack_max",
        "The conntrack table is full: it reached nf_conntrack_max.",
    );
    assert_first_concept(
        &b,
        &[
            "The conntrack table hit `nf_conntrack_max`, so new flows are dropped.",
            "Conntrack is at its limit, nf_conntrack_max=65536.",
        ],
        &["Raise `net.netfilter.nf_conntrack_max` to 524288."],
    );
    // Pieces that do not overlap still fill two terms.
    let b = pair("--cpus", "2", "Start it with --cpus=2 so it gets two CPUs.");
    assert_first_concept(
        &b,
        &["Run it with `--cpus=2`."],
        &["Run it with `--cpus=3`."],
    );
    let b = pair(
        "/var/lib/docker",
        "volumes",
        "Named volumes live under /var/lib/docker/volumes.",
    );
    assert_first_concept(
        &b,
        &["Docker keeps them in /var/lib/docker/volumes on the host."],
        &["Docker keeps them in /var/lib/docker/overlay2 on the host."],
    );
}

/// Round 30 (w40-ff): a comparative joined by *or* to its antonym ("faster or slower",
/// "higher or lower") says the thing changes, in no direction: neither word is said on
/// its own, so neither fills a relation's term nor makes a misconception. Fresh
/// sentences, written before the rule.
#[test]
fn a_comparative_or_its_antonym_says_no_direction() {
    let rubric = two_term_rubric("cache", "faster", crate::bank::Within::Sentence, false);
    let mut q = question(
        "q",
        "What does the slew mode do, and why add a cache?",
        "Slewing runs the clock at an adjusted rate so the offset shrinks gradually. A cache \
         makes repeated lookups faster.",
        Some(rubric),
    );
    q.misconceptions.push(crate::bank::Misconception {
        concept: Concept {
            shown: None,
            relation: Some(crate::bank::Relation {
                terms: vec![
                    vec!["slewing".to_owned()],
                    vec!["faster".to_owned(), "quicker".to_owned()],
                    vec!["offset".to_owned()],
                ],
                within: crate::bank::Within::Sentence,
                ordered: false,
            }),
            ..Concept::any(Vec::new())
        },
        feedback: "Slewing is the slow way.".to_owned(),
        cap: None,
    });
    let b = bank(vec![q]);
    let grader = Grader::new(std::slice::from_ref(&b));
    let made = |answer: &str| {
        !grader
            .grade(&b, &b.questions[0], answer)
            .misconceptions
            .is_empty()
    };
    let cached = |answer: &str| {
        grader
            .grade(&b, &b.questions[0], answer)
            .matched()
            .iter()
            .any(|m| m.contains("cache"))
    };
    for (answer, mistake) in [
        (
            "Slewing runs the clock a little faster or slower until the offset is gone.",
            false,
        ),
        (
            "Slewing makes the clock tick slower or faster for a while, so the offset fades.",
            false,
        ),
        (
            "Slewing steers the rate either quicker or slower; the offset shrinks bit by bit.",
            false,
        ),
        ("Slewing removes the offset faster than a step does.", true),
        ("Slewing is quicker at closing the offset.", true),
        (
            "Slewing closes the offset faster or at least as fast as stepping.",
            true,
        ),
    ] {
        assert_eq!(made(answer), mistake, "{answer}");
    }
    for (answer, met) in [
        ("With a cache repeated lookups get faster.", true),
        (
            "A cache can make lookups faster or slower, depending on the hit rate.",
            false,
        ),
        (
            "Whether a cache is slower or faster depends on the workload.",
            false,
        ),
    ] {
        assert_eq!(cached(answer), met, "{answer}");
    }
}

/// Round 32 (w45-negabout): a relation's term that is the object of another verb under
/// a negation ("never sees the password", "can't read the key") is not what the
/// negation denies when the relation's other term is said plainly in the same sentence
/// and no word of the relation stands between the cue and the term: the answer denies
/// the other verb and names the thing. A negation whose clause holds the relation's own
/// predicate ("doesn't hash the password", "nobody rotates the key") still denies it.
#[test]
fn a_term_under_a_denial_of_another_verb_is_named_plainly() {
    let b = sentence_relation_bank(
        "password",
        "hashed",
        "The password is hashed with bcrypt before it reaches the database, so a leak \
         exposes only hashes.",
    );
    assert_first_concept(
        &b,
        &[
            "A thief who dumps the database never sees or recovers the password, because it was hashed with bcrypt first.",
            "The admins can't read a user's password, as it is hashed with bcrypt on signup.",
            "The support staff cannot look up the password at all since the server hashed it with bcrypt.",
        ],
        &[
            "The password is not hashed, it is stored as typed.",
            "The server doesn't hash the password before storing it.",
            "Nobody hashes the password; the database keeps it in plain text.",
            "The password is never hashed, so a thief can read the password.",
            "The password is stored in a table, and it is not in any way hashed.",
        ],
    );
    let k = sentence_relation_bank(
        "key",
        "rotated",
        "The signing key is rotated every 90 days, so a leaked key stops working soon.",
    );
    assert_first_concept(
        &k,
        &["An attacker never holds a stolen key for long, because it is rotated every 90 days."],
        &[
            "The key isn't rotated, it stays the same forever.",
            "They don't rotate or replace the signing key, so it stays valid.",
            "A leaked key keeps working: nobody has rotated the key in years.",
        ],
    );
    // The relation's subject in the denied clause: the denial is of the relation.
    let s = sentence_relation_bank(
        "service",
        "stable",
        "A Service gives its pods a stable IP and a DNS name.",
    );
    assert_first_concept(
        &s,
        &[],
        &[
            "A Service doesn't give the pods a stable IP, so clients track them.",
            "Pods come and go, and a Service never offers them a stable address.",
        ],
    );
}

/// Round 34 (w54-clefts): two it-clefts joined by *and* (or `;`), "it is A that does X,
/// and it is B that does Y", each pair their own focus with their own predicate; a
/// misconception whose words fall in different clefts (`replica + writes` in "it is the
/// primary that takes the writes, and it is the replica that serves the reads") is not
/// made. One cleft that says the mistake still makes it.
#[test]
fn a_misconception_split_across_joined_clefts_is_not_made() {
    // Each right answer passes; each wrong one fails on the misconception.
    let verdicts = |b: &Bank, right: &[&str], wrong: &[&str]| {
        for (text, pass) in right
            .iter()
            .map(|t| (t, true))
            .chain(wrong.iter().map(|t| (t, false)))
        {
            let g = grade(b, text);
            let ok = if pass {
                g.passed
            } else {
                !g.passed && !g.misconceptions.is_empty()
            };
            assert!(ok, "{text}: {}", explain(&g));
        }
    };
    verdicts(
        &primary_replica_bank(),
        &[
            "It is the primary that takes the writes, and it is the replica that serves the reads.",
            "It's the replica that answers the reads, and it's the primary that accepts every write.",
            "It is the primary which handles the writes; it is the replica which serves the reads.",
            "It's the primary whose log records the writes and it's the replica that serves reads.",
        ],
        &[
            "It is the replica that takes the writes, and it is the primary that serves the reads.",
            "It's the primary that serves the reads, and it's the replica that accepts the writes.",
            "It is the replica that takes the writes and the reads, and it is the primary that \
             serves nothing.",
            "The replica takes the writes, and it is the primary that serves the reads.",
        ],
    );
    // A misconception of the whole sentence: the roles of namespaces and cgroups.
    let mut b = roles_bank(None);
    let misconception = &mut b.questions[0].misconceptions[0].concept;
    *misconception = relation(&[&["namespace"], &["limit", "cap"]], false, 1.0, false);
    if let Some(r) = misconception.relation.as_mut() {
        r.within = crate::bank::Within::Sentence;
    }
    verdicts(
        &b,
        &[
            "It is the cgroups that cap memory, and it is the namespaces that isolate what it sees.",
            "It's namespaces that isolate the processes and it's cgroups that limit the CPU.",
        ],
        &[
            "It is the namespaces that limit memory, and it is the cgroups that isolate the view.",
            "It's the cgroups that isolate what it sees and it's the namespaces that cap the CPU.",
            "It's the namespaces that cap the CPU, and it's the namespaces that see the PIDs.",
        ],
    );
}

/// Issue 11 (w55-aside): a known misconception whose words the answer contains but that
/// a filter refuses is named in the breakdown as set aside, with the first reason it was
/// refused; one the answer really makes is a mistake and is not set aside. Sentences
/// written for the change. A mistake the matcher itself does not offer ("... are a
/// mistake", read as a judgement before any filter) is not named.
#[test]
fn a_misconception_named_but_not_counted_is_set_aside_with_its_reason() {
    // The answer's one set-aside misconception, its reason, and the breakdown's line.
    let aside = |b: &Bank, text: &str, reason: AsideReason| {
        let g = grade(b, text);
        assert!(g.misconceptions.is_empty(), "{text}: {}", explain(&g));
        assert_eq!(g.set_aside.len(), 1, "{text}: {}", explain(&g));
        assert_eq!(g.set_aside[0].reason, reason, "{text}: {}", explain(&g));
        let line = format!("named, not counted: {}", reason.words());
        assert!(explain(&g).contains(&line), "{text}: {}", explain(&g));
    };
    // A question of `rubric` and `model` answer, with `made` a misconception of its
    // answer's sentence.
    let sentence_bank = |rubric: Rubric, model: &str, made: Concept| {
        let mut q = question("aside", "Why?", model, Some(rubric));
        add_sentence_misconception(&mut q, made, "Not so.");
        bank(vec![q])
    };
    let keys = sentence_bank(
        tls_rubric(),
        "Asymmetric keys agree the session during the handshake; symmetric keys are faster.",
        relation(&[&["asymmetric"], &["faster"]], false, 1.0, false),
    );
    let volume = production_volume_bank();
    let roles = primary_replica_bank();
    let pid_one = Rubric {
        concepts: vec![concept(&["PID 1"], 1.0, true)],
        forbidden: Vec::new(),
    };
    let exec = sentence_bank(
        pid_one,
        "In exec form the program is PID 1 and receives the stop signal.",
        relation(&[&["exec form"], &["runs under /bin/sh"]], true, 1.0, false),
    );
    // No sentence of ours reaches the conjuncts' filter (`AcrossClauses`): the
    // relation's own pairing keeps such conjuncts apart before it is asked.
    let cases = [
        (
            &keys,
            "Asymmetric crypto is for the handshake while symmetric crypto is faster.",
            AsideReason::SaidOfAnother,
        ),
        (
            &volume,
            "Give the database a named volume, since bind mounts in production are fragile.",
            AsideReason::JudgedWrong,
        ),
        (
            &volume,
            "Keep clear of bind mounts in production and give the database a named volume.",
            AsideReason::SteeredClear,
        ),
        (
            &roles,
            "It is the primary that records each write, and it is the replica that answers reads.",
            AsideReason::AcrossClefts,
        ),
        (
            &exec,
            "Choose the exec form, since otherwise the command runs under /bin/sh and the shell is PID 1.",
            AsideReason::AcrossOtherwise,
        ),
    ];
    for (b, text, reason) in cases {
        aside(b, text, reason);
    }
    // A misconception made is a mistake, not set aside; words not there, neither.
    let b = primary_replica_bank();
    let g = grade(
        &b,
        "The replica handles the writes and the primary the reads.",
    );
    assert!(
        !g.passed && g.misconceptions.len() == 1 && g.set_aside.is_empty(),
        "{}",
        explain(&g)
    );
    assert!(!explain(&g).contains("not counted"), "{}", explain(&g));
    let g = grade(&b, "The primary handles the writes.");
    assert!(g.set_aside.is_empty(), "{}", explain(&g));
}

/// Issue 11 (w58-aside): a misconception said in the answer's own clause is not set
/// aside as said of another. The filter judges the subject of the clause that carries
/// the predicate: a concept's word inside that clause's object or verb ("should be
/// mapped to 8080"), in a relative nested after the subject ("..., which symmetric
/// crypto relies on, is faster"), or in the half before a shared-subject *and is ...*
/// is no other subject; a subject heading a half of its own ("... and symmetric crypto
/// is faster", "... while the host publishes 8080") or a relative's antecedent ("...
/// to symmetric crypto, which is faster") still is. Fresh sentences, written before the
/// rule; each wrong one has a concept's word between its subject and its predicate,
/// which the filter took for another subject before the rule.
#[test]
fn a_misconception_said_in_its_own_clause_is_not_said_of_another() {
    let within_sentence = |mut c: Concept| {
        if let Some(r) = c.relation.as_mut() {
            r.within = crate::bank::Within::Sentence;
        }
        c
    };
    // A question of `concepts` and `model` answer, with `made` a misconception of its
    // answer's sentence.
    let misconception_bank = |id: &str, concepts: Vec<Concept>, model: &str, made: Concept| {
        let rubric = Rubric {
            concepts,
            forbidden: Vec::new(),
        };
        let mut q = question(id, "Why?", model, Some(rubric));
        add_sentence_misconception(&mut q, made, "Not so.");
        bank(vec![q])
    };
    let crypto = misconception_bank(
        "crypto",
        vec![
            relation(&[&["asymmetric"], &["key exchange"]], true, 1.0, false),
            within_sentence(relation(&[&["symmetric"], &["faster"]], true, 1.0, false)),
        ],
        "Asymmetric crypto does the key exchange; symmetric crypto is faster for the data.",
        relation(&[&["asymmetric"], &["faster"]], true, 1.0, false),
    );
    let verbs: &[&str] = &["publish", "publishes", "listen", "listens", "map", "mapped"];
    let ports = misconception_bank(
        "ports",
        vec![within_sentence(relation(
            &[verbs, &["8080"]],
            true,
            1.0,
            false,
        ))],
        "With -p 8080:80 the host publishes 8080; the container port stays 80.",
        relation(&[&["container port"], &["8080"]], true, 1.0, false),
    );
    // Made: the mistake is a mistake, nothing set aside.
    for (b, text) in [
        (
            &crypto,
            "Asymmetric crypto, which symmetric crypto relies on for the key, is faster.",
        ),
        (
            &crypto,
            "Asymmetric crypto handles the key exchange with symmetric crypto and is faster.",
        ),
        (
            &crypto,
            "Asymmetric crypto, unlike symmetric crypto, is faster.",
        ),
        (
            &ports,
            "The container port should be mapped to 8080 and the host side should stay on 80.",
        ),
        (
            &ports,
            "Inside, the container port listens on 8080, and the host publishes 80.",
        ),
    ] {
        let g = grade(b, text);
        assert_eq!(g.misconceptions.len(), 1, "{text}: {}", explain(&g));
        assert!(g.set_aside.is_empty(), "{text}: {}", explain(&g));
    }
    // Said of another subject: no mistake, set aside as before (a relative's antecedent;
    // halves the matcher's own pairing keeps apart are not even offered: "... but
    // symmetric crypto is faster", "... while the host publishes 8080").
    for (b, text, named) in [
        (
            &crypto,
            "Asymmetric crypto sets up the session key and symmetric crypto is faster for the data.",
            false,
        ),
        (
            &crypto,
            "Asymmetric crypto passes the bulk work to symmetric crypto, which is faster.",
            true,
        ),
        (
            &crypto,
            "Asymmetric crypto wraps the session key for symmetric crypto, which runs faster.",
            true,
        ),
        (
            &crypto,
            "Asymmetric crypto costs a lot of CPU, but symmetric crypto is faster.",
            false,
        ),
        (
            &ports,
            "The container port stays 80 while the host publishes 8080.",
            false,
        ),
        (
            &ports,
            "The container port is 80, and the host is the one that publishes 8080.",
            false,
        ),
        (
            &ports,
            "The container port stays 80 behind the host, which publishes 8080.",
            false,
        ),
    ] {
        let g = grade(b, text);
        assert!(g.misconceptions.is_empty(), "{text}: {}", explain(&g));
        let reasons: Vec<AsideReason> = g.set_aside.iter().map(|a| a.reason).collect();
        let expected = if named {
            vec![AsideReason::SaidOfAnother]
        } else {
            Vec::new()
        };
        assert_eq!(reasons, expected, "{text}: {}", explain(&g));
    }
}

/// Issue 11 (round 36, lead): a known misconception the answer names only to deny it
/// ("never use bind mounts in production") is named in the breakdown as set aside,
/// "the answer denies it", so a learner sees that the rejection was read; made plainly,
/// it is still a mistake. A misconception worded with a negation of its own is not
/// named this way (its plain fact would read as denying it).
#[test]
fn a_misconception_named_only_to_be_denied_is_set_aside_as_denied() {
    let b = production_volume_bank();
    for text in [
        "Give the database a named volume; never use bind mounts in production.",
        "A named volume for the database, and no bind mounts in production.",
    ] {
        let g = grade(&b, text);
        assert!(g.misconceptions.is_empty(), "{text}: {}", explain(&g));
        assert_eq!(g.set_aside.len(), 1, "{text}: {}", explain(&g));
        assert_eq!(g.set_aside[0].reason, AsideReason::Denied, "{text}");
        assert!(
            explain(&g).contains("named, not counted: the answer denies it"),
            "{text}: {}",
            explain(&g)
        );
    }
    let g = grade(
        &b,
        "Give the database a named volume, or use bind mounts in production.",
    );
    assert!(
        g.misconceptions.len() == 1 && g.set_aside.is_empty(),
        "{}",
        explain(&g)
    );
    let g = grade(&b, "Give the database a named volume.");
    assert!(g.set_aside.is_empty(), "{}", explain(&g));
}

/// A negation cue typed with a slip that makes no word ("nevr", "doesnot", "doenst",
/// "is'nt", "ca'nt", "canot") denies as the cue does, so the misconception it denies is
/// not made; a slip that makes a word ("ever", "now", "note", "newer") stays that word,
/// and the plain wrong claims still fail. Three domains: Kubernetes probes, Postgres
/// storage, git pushes.
#[test]
fn a_negation_cue_typed_with_a_slip_denies_as_the_cue() {
    let mut q = required_one(
        "readiness",
        "What happens to a pod whose readiness probe fails?",
        "A failing readiness probe takes the pod out of the Service's endpoints, so it gets \
         no traffic; it never restarts the container. Only a failing liveness probe does that.",
        "endpoints",
    );
    q.misconceptions.push(mistake(
        concept(
            &[
                "restarts the container",
                "restart the container",
                "restarts the pod",
                "restart the pod",
            ],
            1.0,
            false,
        ),
        "Readiness never restarts anything.",
    ));
    verdicts(
        &bank(vec![q]),
        &[
            "The readiness probe nevr restarts the container, it only takes the pod off the Service endpoints.",
            "A failed readiness check does'nt restart the pod; the pod is just dropped from the endpoints.",
            "The kubelet doesnot restart the container on a failed readiness probe, it removes the pod from the endpoints.",
        ],
        &[
            "A failing readiness probe restarts the container and takes the pod out of the endpoints.",
            "Does the readiness probe ever restart the container? Yes, it restarts the container and removes the pod from the endpoints.",
            "The readiness probe does now restart the container, and it also takes the pod out of the endpoints.",
        ],
    );
    let mut q = required_one(
        "delete",
        "Does a plain DELETE make a Postgres table file smaller?",
        "No. DELETE only marks the rows dead; VACUUM makes their space reusable but does not \
         give it back to the OS. Only VACUUM FULL rewrites the table and shrinks the file.",
        "vacuum full",
    );
    q.misconceptions.push(mistake(
        concept(
            &[
                "delete shrinks",
                "shrinks the file",
                "shrink the file",
                "gives the space back",
                "give the space back",
            ],
            1.0,
            false,
        ),
        "DELETE leaves the file as big as it was.",
    ));
    verdicts(
        &bank(vec![q]),
        &[
            "DELETE doesnot shrink the file, the rows are only marked dead; VACUUM FULL rewrites it smaller.",
            "A delete is'nt going to give the space back to the OS; only VACUUM FULL does.",
            "DELETE nver shrinks the file. Run VACUUM FULL to rewrite the table.",
            "DELETE deosnt shrink the file at all, VACUUM FULL does.",
        ],
        &[
            "DELETE shrinks the file right away; VACUUM FULL is only needed for indexes.",
            "DELETE does now shrink the file on disk, so VACUUM FULL is rarely needed.",
            "Since Postgres 12 a DELETE even shrinks the file, a newer VACUUM FULL is not needed.",
        ],
    );
    let mut q = required_one(
        "lease",
        "How is git push --force-with-lease safer than --force?",
        "--force-with-lease refuses the push when the remote branch has moved since your last \
         fetch, so a teammate's new commits are not overwritten; --force overwrites them.",
        "last fetch",
    );
    q.misconceptions.push(mistake(
        concept(
            &[
                "overwrites their commits",
                "overwrite their commits",
                "overwrites a teammate's commits",
                "overwrite a teammate's commits",
            ],
            1.0,
            false,
        ),
        "The lease is what stops the overwrite.",
    ));
    verdicts(
        &bank(vec![q]),
        &[
            "--force-with-lease doenst overwrite their commits: if the branch moved since your last fetch the push is refused.",
            "With --force-with-lease you ca'nt overwrite their commits when the remote moved since your last fetch.",
            "It canot overwrite a teammate's commits, because it checks the branch has not moved since your last fetch.",
        ],
        &[
            "--force-with-lease overwrites their commits even when the branch moved since your last fetch.",
            "--force-with-lease can overwrite a teammate's commits, just like --force, whatever your last fetch was.",
            "It does note overwrite their commits only if the branch moved since your last fetch; otherwise it overwrites them too.",
        ],
    );
}

/// The loopback address is one address however it is spelt: `localhost`, `127.0.0.1`,
/// `::1` (bracketed too) and the short `127.1`; another address is another.
#[test]
fn the_loopback_address_in_any_spelling_is_the_loopback() {
    let redis = one_keyword_bank(
        "localhost",
        "redis-bind",
        "Where should a Redis without a password listen?",
        "Bind it to localhost only, so nothing off the box can reach it.",
    );
    for right in [
        "bind 127.0.0.1 so only the box itself reaches it",
        "Bind to ::1 only.",
        "listen on [::1] and nowhere else",
        "bind it to 127.1 only",
    ] {
        assert!(grade(&redis, right).passed, "{right}");
    }
    for wrong in [
        "bind 0.0.0.0 so every host reaches it",
        "bind it to 10.0.0.1",
    ] {
        assert!(!grade(&redis, wrong).passed, "{wrong}");
    }
    let tunnel = one_keyword_bank(
        "127.0.0.1",
        "ssh-tunnel",
        "With `ssh -L 5432:db:5432 bastion`, where do you point psql?",
        "At 127.0.0.1 port 5432 on your own machine: the tunnel listens there.",
    );
    assert!(grade(&tunnel, "point it at localhost, port 5432").passed);
    assert!(grade(&tunnel, "at 127.1 on port 5432").passed);
    assert!(!grade(&tunnel, "point it at db port 5432").passed);
}

/// A term the model answer denies of the faulty thing ("without TLS", "no salt"), said
/// plainly in the answer's advice ("Switch the site to HTTPS with TLS", "Use bcrypt with
/// a random salt"), names what the fix adds, not a claim against the denial; said as
/// what something stops ("the consumer stops polling") it is denied. Advice the model
/// answer itself gives against the term ("never reuse a nonce") still makes a plain
/// "reuse" the opposite advice (w66-mneg; fresh sentences, written before the rule).
#[test]
fn a_denied_term_said_in_advice_or_stopped_is_no_claim() {
    let login = any_bank(
        "Why can someone on the cafe Wi-Fi read the passwords this login form sends, and what is the fix?",
        "The form posts the password over plain HTTP without TLS, so anyone on the path reads \
         it in clear text. Serve the whole site over HTTPS and send an HSTS header.",
        &[
            &["without tls", "unencrypted", "clear text"],
            &["https"],
            &["hsts"],
        ],
    );
    let hashes = any_bank(
        "Why did one leaked table of MD5 password hashes give up most passwords at once, and what should be used?",
        "The hashes are MD5 with no salt, so equal passwords give equal hashes and one \
         rainbow table cracks them all. Use a slow hash such as bcrypt or Argon2.",
        &[
            &["no salt", "unsalted"],
            &["bcrypt", "argon2"],
            &["rainbow table"],
        ],
    );
    let nonce = any_bank(
        "Two messages were encrypted with AES-CTR under one key and one nonce. What leaks, and what is the rule?",
        "The XOR of the two ciphertexts is the XOR of the two plaintexts. Use a fresh random \
         nonce for every message and never reuse a nonce under one key.",
        &[
            &["never reuse", "not reuse"],
            &["xor"],
            &["random nonce", "fresh nonce"],
        ],
    );
    let paused = any_bank(
        "What does a paused Kafka consumer do with its partitions?",
        "A paused consumer does not poll the broker for them, so its partitions get no new \
         records until it resumes.",
        &[&["not poll"], &["partitions"], &["resume", "resumes"]],
    );
    for (b, answer, passes) in [
        (
            &login,
            "Anyone on the same network can sniff the request body. Switch the site to HTTPS with TLS and add an HSTS header.",
            true,
        ),
        (
            &hashes,
            "Equal passwords give equal hashes, so a rainbow table cracks them all. Use bcrypt with a random salt per user.",
            true,
        ),
        (
            &paused,
            "Pausing makes the consumer stop polling, so its partitions sit idle until it resumes.",
            true,
        ),
        // The term claimed of the faulty thing, outside advice: still a contradiction.
        (
            &login,
            "The site already uses TLS, so the password is safe on the wire; add HSTS and HTTPS anyway.",
            false,
        ),
        (
            &hashes,
            "Each hash has its own salt, so a rainbow table is useless here; use bcrypt anyway.",
            false,
        ),
        (
            &paused,
            "A paused consumer keeps polling the broker for its partitions until it resumes.",
            false,
        ),
        // Advice the model answer gives against the term, turned round.
        (
            &nonce,
            "The XOR of the ciphertexts is the leak. Reuse a random nonce for every message under the key.",
            false,
        ),
    ] {
        let g = grade(b, answer);
        assert_eq!(g.passed, passes, "{answer}: {}", explain(&g));
    }
}

/// Round 40 (w68-abbrev): a right answer that writes a capital abbreviation's plural
/// ("CAs", "VMs", "TTLs", "PRs", "GPUs") meets a relation on its singular, as one that
/// writes "APIs" meets `api`; a wrong answer that writes the plural still misses it.
#[test]
fn a_capital_abbreviations_plural_meets_its_singular_in_a_relation() {
    // The two terms, the model answer, answers that meet the relation, answers that don't.
    type Case<'a> = (&'a str, &'a str, &'a str, &'a [&'a str], &'a [&'a str]);
    let cases: [Case; 5] = [
        (
            "ca",
            "allowed",
            "A CAA record lists the certificate authorities allowed to issue for the \
             domain; every CA checks it first.",
            &[
                "The record names the CAs allowed to issue certificates for the domain.",
                "Only the CAs it lists are allowed to issue; any other must refuse.",
            ],
            &[
                "Browsers check the record; CAs ignore it.",
                "Browsers read it on every connection and warn when the CAs differ.",
                "The cas allowed to issue are listed.",
            ],
        ),
        (
            "vm",
            "kernel",
            "Each VM boots its own guest kernel on the hypervisor; containers share the \
             host's kernel.",
            &["VMs each boot a kernel of their own, while containers share the host's."],
            &[
                "VMs are just containers with more memory.",
                "Containers boot their own kernel.",
            ],
        ),
        (
            "ttl",
            "lower",
            "Lower the record's TTL a day before the migration so resolvers drop the old \
             address quickly.",
            &["A day before the move, lower the TTLs so resolvers forget the old IP fast."],
            &["Change the IP and flush your own cache; TTLs are irrelevant."],
        ),
        (
            "pr",
            "review",
            "Every change reaches main through a PR that another engineer reviews.",
            &["Changes land through PRs, each reviewed by a second engineer."],
            &["Engineers push straight to main and skip PRs."],
        ),
        (
            "gpu",
            "fast",
            "SHA-256 is fast, so a GPU tries billions of guesses a second; bcrypt is slow \
             on purpose.",
            &["SHA-256 is fast, so GPUs try billions of guesses a second."],
            &["GPUs cannot run bcrypt at all, which is why it is safe."],
        ),
    ];
    for (a, b, model, met, unmet) in cases {
        assert_first_concept(&sentence_relation_bank(a, b, model), met, unmet);
    }
}

#[test]
fn a_failing_score_never_reads_the_same_as_its_pass_mark() {
    use super::percents;
    let pair = |a: &str, b: &str| (a.to_owned(), b.to_owned());
    assert_eq!(percents(0.6, 0.5), pair("60%", "50%"));
    assert_eq!(percents(0.5, 0.5), pair("50%", "50%"));
    // A derived rubric's mark of 73.79%: a score of 73.68% fails, and says so.
    assert_eq!(percents(0.7368, 0.737856), pair("73.7%", "73.8%"));
    assert_eq!(percents(0.73775, 0.73786), pair("73.78%", "73.79%"));
    // A passing score just over the mark may read the same: it passes.
    assert_eq!(percents(0.7379, 0.737856), pair("74%", "74%"));
}
