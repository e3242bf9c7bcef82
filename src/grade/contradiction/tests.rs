//! Model claims turned round, through the grader: on subjects other than the shipped
//! banks', in wordings of their own.

use crate::bank::{Bank, Kind, Question};
use crate::grade::Contradiction;
use crate::grade::tests::{any_bank, grade};

/// A one-question bank: `model` as the model answer, each of `concepts` an `any`.
fn bank(model: &str, concepts: &[&[&str]]) -> Bank {
    any_bank("What happens?", model, concepts)
}

/// The same, with no rubric: derived from the model answer.
fn derived(model: &str) -> Bank {
    let question = Question {
        model_answer: Some(model.to_owned()),
        ..Question::new("q", Kind::ShortAnswer, "What happens?")
    };
    crate::grade::tests::bank(vec![question])
}

fn temp_table() -> Bank {
    bank(
        "A temporary table lives only for the session: the database drops it \
         automatically and it vanishes when the session ends.",
        &[
            &["session"],
            &["drop", "drops", "dropped", "vanishes", "gone"],
        ],
    )
}

#[test]
fn a_state_said_the_other_way_round_contradicts_the_model_claim() {
    let g = grade(
        &temp_table(),
        "The database drops a temporary table for you; it is kept after the session ends \
         until the server restarts.",
    );
    assert!(!g.passed, "{g:?}");
    let hit = &g.contradictions[0];
    assert_eq!(hit.role, "lifetime");
    assert!(
        hit.model.contains("vanishes when the session ends"),
        "{hit:?}"
    );
    assert!(
        g.failure
            .as_deref()
            .unwrap_or("")
            .contains("contradicts the model answer"),
        "{g:?}"
    );
}

#[test]
fn the_same_state_or_the_other_said_of_another_thing_contradicts_nothing() {
    for answer in [
        "The database drops it automatically: it is gone once the session ends.",
        "It is gone when the session ends, while a normal table is kept after the session ends.",
        "Its rows are kept in memory and vanish when the session ends, as it is dropped.",
        "The database drops it when the session ends; a normal table would be kept after it.",
        "It is dropped when the session ends, and nothing of it is left behind.",
    ] {
        let g = grade(&temp_table(), answer);
        assert!(g.contradictions.is_empty(), "{answer}: {g:?}");
        assert!(g.passed, "{answer}: {g:?}");
    }
}

fn reset() -> Bank {
    bank(
        "git reset --hard permanently discards the uncommitted changes in the working tree.",
        &[
            &["discards", "discard", "throws away", "deletes"],
            &["uncommitted"],
        ],
    )
}

#[test]
fn what_the_model_says_is_permanent_cannot_be_got_back() {
    let g = grade(
        &reset(),
        "It permanently discards your uncommitted changes, though git can bring the changes \
         back from the reflog.",
    );
    assert!(!g.passed, "{g:?}");
    assert_eq!(g.contradictions[0].role, "permanence", "{g:?}");
    for answer in [
        "It permanently discards uncommitted changes: git cannot bring the changes back.",
        "It discards the uncommitted changes for good; only a backup of the tree restores them.",
    ] {
        let g = grade(&reset(), answer);
        assert!(g.contradictions.is_empty(), "{answer}: {g:?}");
        assert!(g.passed, "{answer}: {g:?}");
    }
}

fn handshake() -> Bank {
    derived(
        "The client sends its HTTP request only after the TCP handshake completes, so the \
         server knows the connection is open.",
    )
}

#[test]
fn an_order_turned_round_contradicts_the_model_claim() {
    let g = grade(
        &handshake(),
        "The client sends its HTTP request before the TCP handshake completes, so the server \
         knows the connection is open.",
    );
    assert!(!g.passed, "{g:?}");
    assert_eq!(g.contradictions[0].role, "order", "{g:?}");
    for answer in [
        "The TCP handshake completes before the client sends its HTTP request, so the server \
         knows the connection is open.",
        "After the TCP handshake completes the client sends its HTTP request, so the server \
         knows the connection is open.",
        "The client sends its HTTP request after the TCP handshake completes, so the server \
         knows the connection is open.",
    ] {
        let g = grade(&handshake(), answer);
        assert!(g.contradictions.is_empty(), "{answer}: {g:?}");
    }
}

fn scheduler() -> Bank {
    bank(
        "The scheduler runs the job with the highest priority first; the others wait in the \
         queue.",
        &[&["priority"], &["job", "jobs"], &["first"]],
    )
}

#[test]
fn the_opposite_word_in_the_model_claims_slot_contradicts_it() {
    let g = grade(
        &scheduler(),
        "The scheduler runs the job with the lowest priority first, and the others wait.",
    );
    assert!(!g.passed, "{g:?}");
    let hit = &g.contradictions[0];
    assert_eq!(hit.role, "rank", "{hit:?}");
    assert!(hit.model.contains("highest priority first"), "{hit:?}");
    for answer in [
        "The job with the highest priority is run first; the others wait.",
        "The highest priority job runs first, so jobs of the lowest priority wait longest.",
        "It runs first the job whose priority is highest.",
    ] {
        let g = grade(&scheduler(), answer);
        assert!(g.contradictions.is_empty(), "{answer}: {g:?}");
    }
}

fn bounded_queue() -> Bank {
    bank(
        "A producer blocks when the queue is full, and a consumer blocks when the queue is \
         empty.",
        &[&["producer"], &["consumer"], &["blocks", "waits"]],
    )
}

#[test]
fn two_opposite_words_swapped_between_two_claims_contradict_them() {
    let g = grade(
        &bounded_queue(),
        "A producer blocks when the queue is empty, and a consumer blocks when the queue is full.",
    );
    assert!(!g.passed, "{g:?}");
    assert_eq!(g.contradictions[0].role, "fill", "{g:?}");
    for answer in [
        "When the queue is full the producer blocks; a consumer waits while the queue is empty.",
        "A consumer blocks on an empty queue, and a producer blocks on a full one.",
    ] {
        let g = grade(&bounded_queue(), answer);
        assert!(g.contradictions.is_empty(), "{answer}: {g:?}");
        assert!(g.passed, "{answer}: {g:?}");
    }
}

#[test]
fn a_comparison_turned_round_with_than_is_no_opposite() {
    let bank = bank(
        "A hash index makes equality lookups faster than a B-tree scan.",
        &[&["hash"], &["lookups", "lookup"]],
    );
    let g = grade(
        &bank,
        "A B-tree scan makes equality lookups slower than a hash index.",
    );
    assert!(g.contradictions.is_empty(), "{g:?}");
}

/// Grades each of `answers` against `bank` and asserts it contradicts nothing.
fn contradicts_nothing(bank: &Bank, answers: &[&str]) {
    for answer in answers {
        let g = grade(bank, answer);
        assert!(g.contradictions.is_empty(), "{answer}: {g:?}");
    }
}

/// Grades `answer` against `bank` and asserts it fails on a contradiction of `role`.
fn contradicts_as(bank: &Bank, answer: &str, role: &str) {
    let g = grade(bank, answer);
    assert_eq!(
        g.contradictions.first().map(|c| c.role.as_str()),
        Some(role),
        "{answer}: {g:?}"
    );
    assert!(!g.passed, "{answer}: {g:?}");
}

/// A comparison with *than* keeps its two sides in order: the same thing before the
/// comparative and the same thing after *than* as the model clause, with the opposite
/// comparative, says the opposite; the two things swapped round with the opposite
/// comparative says the same.
#[test]
fn a_comparison_with_than_kept_in_order_and_turned_contradicts_the_model() {
    let lease = bank(
        "A lease must be longer than the time a client takes to renew it, or the client \
         loses the lock while it is still working.",
        &[&["lease"], &["renew", "renewal"]],
    );
    let regex = derived(
        "Compiled regular expressions run faster than patterns parsed again on every \
         call, so compile a pattern once and reuse it.",
    );
    contradicts_as(
        &lease,
        "The lease must be shorter than the time the client takes to renew it.",
        "length",
    );
    contradicts_as(
        &regex,
        "Compiled regular expressions run slower than patterns parsed again on every call, \
         so parse them each time.",
        "speed",
    );
    contradicts_nothing(
        &lease,
        &[
            "The time a client takes to renew it must be shorter than the lease.",
            "Keep the lease longer than the renewal time, or the client loses the lock.",
        ],
    );
    contradicts_nothing(
        &regex,
        &[
            "Patterns parsed again on every call run slower than compiled regular \
           expressions, so compile once.",
        ],
    );
}

/// A model clause that gives one side without *than* ("a lower distance") and an answer
/// that compares the same thing with *than* to something the model clause does not name
/// gives the other side of it.
#[test]
fn a_comparison_with_than_of_the_models_thing_against_its_plain_opposite_contradicts_it() {
    let router = bank(
        "A router prefers the route with a lower administrative distance; the distance \
         says how far it trusts the source of the route.",
        &[&["router"], &["administrative distance"]],
    );
    contradicts_as(
        &router,
        "A router prefers the route whose administrative distance is higher than the \
         other protocol's.",
        "rank",
    );
    contradicts_nothing(
        &router,
        &[
            "A router prefers the route whose administrative distance is lower than the \
             other protocol's.",
            "When the other protocol's administrative distance is higher than this route's, \
             the router prefers this route.",
        ],
    );
}

/// *More* or *less* of a word, then *than*, is a comparison of that word read in
/// order too; of another word it says nothing of the model's.
#[test]
fn more_or_less_of_the_same_word_than_the_same_thing_turned_contradicts_the_model() {
    let bitmap = bank(
        "A bitmap index uses less space than a B-tree on a column with few distinct \
         values.",
        &[&["bitmap"], &["space"]],
    );
    contradicts_as(
        &bitmap,
        "A bitmap index uses more space than a B-tree on a column with few distinct values.",
        "amount",
    );
    contradicts_nothing(
        &bitmap,
        &[
            "A B-tree uses more space than a bitmap index on a column with few distinct values.",
            "A bitmap index uses less space than a B-tree when a column has few distinct values.",
            "A bitmap index costs more time than a B-tree on updates, but saves space.",
        ],
    );
}

/// A decision given in an -ing form (*allowing* against *refusing*) is the opposite
/// word of the model's slot like any other form of it.
#[test]
fn a_decision_turned_round_in_an_ing_form_contradicts_the_model_claim() {
    let proxy = bank(
        "The proxy hardens the service by refusing requests that resolve to private \
         addresses.",
        &[&["proxy"], &["private"]],
    );
    contradicts_as(
        &proxy,
        "The proxy hardens the service by allowing only requests that resolve to private \
         addresses.",
        "decision",
    );
    contradicts_nothing(
        &proxy,
        &[
            "It hardens the service: the proxy refuses requests resolving to private addresses.",
            "The proxy hardens the service by allowing public addresses and refusing requests \
             that resolve to private ones.",
            "The proxy hardens the service by refusing requests that resolve to private \
             addresses and allowing the rest.",
        ],
    );
}

fn snapshots() -> Bank {
    bank(
        "Git stores a full snapshot of the project in every commit and finds changes by \
         comparing snapshots.",
        &[&["snapshot", "snapshots"], &["commit", "commits"]],
    )
}

#[test]
fn a_model_claim_denied_plainly_contradicts_it() {
    let g = grade(
        &snapshots(),
        "Each commit records what changed, and Git does not store snapshots of the project.",
    );
    assert!(!g.passed, "{g:?}");
    let hit = &g.contradictions[0];
    assert_eq!(hit.role, "denial", "{hit:?}");
    assert_eq!(hit.matched, ["not", "store"], "{hit:?}");
    for answer in [
        // A correction: the same verb said plainly of the right thing.
        "Git does not store diffs; it stores a snapshot of the project in every commit.",
        // Advice, with no subject.
        "Every commit is a snapshot of the project. Don't store build output in commits.",
        // What a thing is not, in other words than the model answer's.
        "A commit is not a diff of the project: it is a full snapshot.",
        // A denial limited in time.
        "Git never stores a snapshot until you commit; then every commit holds the project.",
    ] {
        let g = grade(&snapshots(), answer);
        assert!(g.contradictions.is_empty(), "{answer}: {g:?}");
    }
}

/// probe7's author: "whose parent hasn't reaped it" failed as denying "the parent must
/// reap it". What must be done is no claim that it is done.
#[test]
fn a_model_clause_of_obligation_is_not_denied_by_a_state() {
    let b = bank(
        "A stale lock has outlived its holder but keeps its lock file until the holder \
         releases it; the holder must release it with unlock(), or the watchdog clears the \
         lock when the holder dies.",
        &[&["outlived", "gone"], &["release", "unlock()"]],
    );
    let g = grade(
        &b,
        "A lock that has outlived its holder, whose holder hasn't released it with unlock() \
         yet; the watchdog clears it.",
    );
    assert!(g.contradictions.is_empty(), "{g:?}");
    // The same denial against a plain model clause still contradicts it.
    let g = grade(
        &snapshots(),
        "Each commit records what changed, and Git does not store snapshots of the project.",
    );
    assert_eq!(g.contradictions[0].role, "denial", "{g:?}");
}

/// Round 28 (w34-negscope): a model clause that states a requirement ("the registry
/// requires tags to start with a letter") says what must hold, not that it holds: a
/// diagnosis that the learner's thing fails it ("the tag doesn't start with a letter")
/// denies nothing. Denying the requirement itself, or stating the opposite rule with a
/// modal ("can not start with a slash"), still contradicts it.
#[test]
fn a_model_clause_of_requirement_is_not_denied_by_a_state() {
    let registry = bank(
        "The registry requires every image tag to start with a letter or a digit, so a \
         tag beginning with a dash is rejected.",
        &[&["start", "begin"], &["rejected", "refused"]],
    );
    let cron = bank(
        "Cron needs the crontab file to end with a newline character; otherwise it \
         silently ignores the last entry.",
        &[&["newline"], &["ignored", "skipped"]],
    );
    let mounts = bank(
        "Kubernetes requires a volume mount path to be absolute, starting with a slash \
         inside the container.",
        &[&["absolute"], &["slash"]],
    );
    for (b, answer) in [
        (
            &registry,
            "The tag doesn't start with a letter or a digit: it begins with a dash, so the push is rejected.",
        ),
        (
            &registry,
            "That image tag does not start with a letter, and the registry rejected it.",
        ),
        (
            &cron,
            "The crontab file doesn't end with a newline character, so the last entry is ignored.",
        ),
        (
            &mounts,
            "The mount path does not start with a slash, so it isn't absolute inside the container.",
        ),
    ] {
        let g = grade(b, answer);
        assert!(g.contradictions.is_empty(), "{answer}: {g:?}");
    }
    // Denying the requirement is still a denial of what the model answer says.
    for (b, answer) in [
        (
            &registry,
            "The registry does not require an image tag to start with a letter; the dash is fine.",
        ),
        (
            &mounts,
            "Kubernetes doesn't require a volume mount path to be absolute, a relative one works.",
        ),
        // A rule of the answer's own, with a modal, against the model answer's rule.
        (
            &registry,
            "In the registry an image tag can not start with a digit.",
        ),
    ] {
        let g = grade(b, answer);
        assert!(!g.contradictions.is_empty(), "{answer}: {g:?}");
    }
}

#[test]
fn a_denial_that_compares_two_things_or_a_model_too_to_contradicts_nothing() {
    // "like X does" says how two things differ, not that the model's claim is false.
    let g = grade(
        &snapshots(),
        "Git stores a snapshot in every commit; a patch tool does not store snapshots of the \
         project like Git does.",
    );
    assert!(g.contradictions.is_empty(), "{g:?}");
    // "too heavy to float" already denies floating: a denial of it agrees.
    let raft = bank(
        "The steel block is too heavy to float on the water of the tank.",
        &[&["heavy", "dense"], &["float", "floats"]],
    );
    let g = grade(
        &raft,
        "The steel block is heavy so it cannot float on the tank water.",
    );
    assert!(g.contradictions.is_empty(), "{g:?}");
}

#[test]
fn two_comparatives_tied_together_are_no_opposite() {
    let bank = bank(
        "The more replicas the cluster runs, the less load each replica serves.",
        &[&["replicas", "replica"], &["load"]],
    );
    for answer in [
        "The fewer replicas the cluster runs, the more load each replica serves.",
        "If the cluster runs more replicas, each replica serves less load.",
    ] {
        let g = grade(&bank, answer);
        assert!(g.contradictions.is_empty(), "{answer}: {g:?}");
    }
}

#[test]
fn a_tie_of_two_scales_said_from_their_other_ends_is_no_opposite() {
    let model = "A record's TTL says how long resolvers may cache it. A short TTL means \
        more queries to the authoritative server; a long TTL means fewer queries, and \
        clients keep a stale answer until it expires.";
    let load = "A higher load factor means more collisions and longer chains, so lookups \
        slow down; past a threshold the table doubles and rehashes.";
    for (model, answer) in [
        (
            model,
            "A long TTL means fewer queries to the authoritative server but stale answers.",
        ),
        (
            load,
            "A lower load factor means fewer collisions and shorter chains, so lookups stay \
             fast.",
        ),
    ] {
        let g = grade(&derived(model), answer);
        assert!(g.contradictions.is_empty(), "{answer}: {g:?}");
    }
    // One end turned and the other kept is still the opposite.
    let g = grade(
        &derived(load),
        "A higher load factor means fewer collisions and longer chains.",
    );
    assert!(g.contradictions.iter().any(|c| c.role == "amount"), "{g:?}");
}

#[test]
fn more_of_another_thing_is_no_opposite_of_less() {
    let bank = bank(
        "A columnar file reads fewer bytes from disk for a query on two columns.",
        &[&["columnar"], &["bytes"], &["disk"]],
    );
    let g = grade(
        &bank,
        "A columnar file reads more columns from disk for a query on two columns.",
    );
    assert!(g.contradictions.is_empty(), "{g:?}");
    let g = grade(
        &bank,
        "A columnar file reads more bytes from disk for a query on two columns.",
    );
    assert_eq!(
        g.contradictions.first().map(|c| c.role.as_str()),
        Some("amount"),
        "{g:?}"
    );
}

#[test]
fn the_same_order_word_twice_matches_two_orders_up() {
    let bank = bank(
        "In a FIFO pipe the last byte written is the last byte read.",
        &[&["fifo", "pipe"], &["written", "read"]],
    );
    let g = grade(
        &bank,
        "In a FIFO pipe the first byte written is the first byte read.",
    );
    assert!(g.contradictions.is_empty(), "{g:?}");
}

fn standby() -> Bank {
    bank(
        "The standby database runs on another host than the primary, so losing one \
         machine leaves the other serving.",
        &[&["standby"], &["host", "machine"], &["primary"]],
    )
}

#[test]
fn the_same_thing_where_the_model_answer_says_another_contradicts_it() {
    let g = grade(
        &standby(),
        "The standby database runs on the same host as the primary, so one machine \
         failing leaves the other serving.",
    );
    assert!(!g.passed, "{g:?}");
    let hit = &g.contradictions[0];
    assert_eq!(hit.role, "same or other", "{hit:?}");
    assert!(hit.model.contains("another host"), "{hit:?}");
    // The other way round: "different" where the model answer says "same".
    let threads = bank(
        "Threads of one process share the same address space, so they see each other's \
         writes.",
        &[
            &["threads"],
            &["share", "shared"],
            &["address space", "memory"],
        ],
    );
    let g = grade(
        &threads,
        "Threads of one process each get a different address space, and share the heap.",
    );
    assert_eq!(
        g.contradictions.first().map(|c| c.role.as_str()),
        Some("same or other"),
        "{g:?}"
    );
}

#[test]
fn the_same_thing_negated_compared_or_of_another_word_is_no_opposite() {
    for answer in [
        "The standby database is never on the same host as the primary, so losing one \
         machine leaves the other serving.",
        // A limit says the same by denying the other.
        "The standby database only runs where the primary does not, never on the same \
         host, so losing one machine leaves the other serving.",
        "The standby database cannot run without a separate host from the primary, so \
         losing one machine leaves the other serving.",
        "The standby database runs on a different host from the primary, so losing one \
         machine leaves the other serving.",
        // Another word after "same": not the model's host.
        "The standby database keeps the same data as the primary on its own host, so \
         losing one machine leaves the other serving.",
        // A comparison with something else.
        "Unlike a replica on the same host, the standby database runs apart from the \
         primary; one machine lost leaves the other serving.",
    ] {
        let g = grade(&standby(), answer);
        assert!(g.contradictions.is_empty(), "{answer}: {g:?}");
    }
    // A model clause that limits says one word by denying the other.
    let loopback = bank(
        "A server bound to 127.0.0.1 is refused to clients on other machines.",
        &[&["127.0.0.1", "loopback"], &["refused", "unreachable"]],
    );
    let g = grade(
        &loopback,
        "A server bound to 127.0.0.1 answers clients on the same machine; others are refused.",
    );
    assert!(g.contradictions.is_empty(), "{g:?}");
}

fn wal() -> Bank {
    bank(
        "PostgreSQL first writes each change to the WAL and then updates the data page in \
         shared buffers, so a crash never loses a committed change.",
        &[&["wal"], &["page"], &["crash"]],
    )
}

#[test]
fn a_sequence_turned_round_contradicts_the_model_claim() {
    for answer in [
        "PostgreSQL first updates the data page in shared buffers and then writes each \
         change to the WAL, so a crash never loses a committed change.",
        // "first A, then B" over two clauses.
        "PostgreSQL first updates the data page in shared buffers, then writes each \
         change to the WAL.",
    ] {
        let g = grade(&wal(), answer);
        assert!(!g.passed, "{answer}: {g:?}");
        assert_eq!(g.contradictions[0].role, "order", "{answer}: {g:?}");
    }
}

#[test]
fn a_sequence_in_the_model_order_or_in_other_words_is_no_contradiction() {
    for answer in [
        "PostgreSQL writes each change to the WAL first, then updates the data page, so a \
         crash never loses a committed change.",
        "First the change is logged in the WAL; then the page is updated, so a crash loses \
         nothing committed.",
        "The data page is only updated after the WAL has the change, so a crash never \
         loses a committed change.",
        // "first" and "then" of two different claims, not one sequence.
        "The WAL comes first in the design: a crash then replays it onto the data page.",
    ] {
        let g = grade(&wal(), answer);
        assert!(g.contradictions.is_empty(), "{answer}: {g:?}");
    }
}

fn sandbox() -> Bank {
    bank(
        "The sandboxed plugin cannot open network sockets, because the seccomp filter \
         blocks the socket call; it talks to the host through a pipe.",
        &[&["seccomp"], &["pipe"], &["socket", "sockets"]],
    )
}

#[test]
fn an_inability_said_to_be_an_ability_contradicts_the_model_claim() {
    let g = grade(
        &sandbox(),
        "The seccomp filter blocks the socket call, yet the sandboxed plugin can open \
         network sockets; it talks to the host through a pipe.",
    );
    assert!(!g.passed, "{g:?}");
    let hit = &g.contradictions[0];
    assert_eq!(hit.role, "ability", "{hit:?}");
    assert_eq!(hit.matched, ["can", "open"], "{hit:?}");
    assert!(hit.model.contains("cannot open network sockets"), "{hit:?}");
    // The same with "won't" and "will".
    let b = bank(
        "A lagging replica won't serve reads from its stale copy; clients go to the \
         primary instead.",
        &[&["primary"], &["replica"]],
    );
    let g = grade(
        &b,
        "A lagging replica will serve reads from its stale copy; clients use the primary.",
    );
    assert!(
        g.contradictions.iter().any(|c| c.role == "ability"),
        "{g:?}"
    );
}

#[test]
fn an_ability_limited_supposed_or_of_another_thing_contradicts_nothing() {
    for answer in [
        // The model's words.
        "The sandboxed plugin cannot open network sockets: seccomp blocks the socket \
         call, so it talks to the host through a pipe.",
        // Limited, supposed, corrected in its sentence.
        "The sandboxed plugin can only open network sockets the host hands it over a pipe; \
         seccomp blocks the socket call.",
        "If the sandboxed plugin can open network sockets, the seccomp filter is broken; it \
         should use the pipe.",
        "The sandboxed plugin can open files but cannot open network sockets: seccomp \
         blocks them and it uses a pipe.",
        // Of another part of the model answer.
        "Seccomp blocks the socket call, and the host can open network sockets and talk \
         to the plugin through a pipe.",
    ] {
        let g = grade(&sandbox(), answer);
        assert!(
            g.contradictions.iter().all(|c| c.role != "ability"),
            "{answer}: {g:?}"
        );
    }
}

fn kiln() -> Bank {
    bank(
        "The potter fires stoneware glaze with a reduction flame instead of oxidation, which \
         turns the copper red. The kiln is heated slowly overnight. Bisque ware is never glazed \
         by the potter.",
        &[&["reduction"], &["copper"], &["bisque"]],
    )
}

#[test]
fn the_verb_before_a_determiner_is_put_in_the_place_of_what_is_ruled_out() {
    // "halts the press instead of punching ..." puts *halts* there too: an answer that
    // says the guard halts it tells the two apart, though it names the punch's stroke.
    let press = bank(
        "A light curtain in front of the press is watched by the guard relay. When a hand \
         breaks the beam the relay halts the press instead of punching the sheet, and the \
         operator resets it with a key.",
        &[&["light curtain"], &["relay"], &["key"]],
    );
    let g = grade(
        &press,
        "A light curtain is watched by the relay; a hand in the beam during the punching \
         stroke makes the relay halt everything, and a key resets it.",
    );
    assert!(
        g.contradictions.iter().all(|c| c.role != "ruled out"),
        "{g:?}"
    );
}

#[test]
fn a_word_the_model_answer_rules_out_said_in_its_place_contradicts_it() {
    let g = grade(
        &kiln(),
        "The stoneware glaze is fired in oxidation, so the copper turns red; bisque ware \
         comes first.",
    );
    let hit = g.contradictions.iter().find(|c| c.role == "ruled out");
    let hit = hit.unwrap_or_else(|| panic!("{g:?}"));
    assert_eq!(hit.matched, ["oxidation"], "{hit:?}");
    assert!(hit.model.contains("instead of oxidation"), "{hit:?}");
    assert!(!g.passed, "{g:?}");
    // A state the model answer denies in the passive, said plainly.
    let g = grade(
        &kiln(),
        "The bisque ware is glazed by the potter as soon as it is made.",
    );
    assert!(
        g.contradictions.iter().any(|c| c.role == "ruled out"),
        "{g:?}"
    );
}

#[test]
fn a_word_ruled_out_rejected_or_said_of_another_thing_contradicts_nothing() {
    for answer in [
        // Rejected, or set aside as the model answer does.
        "The stoneware glaze is fired with reduction, not oxidation, so the copper turns red.",
        "The stoneware glaze is fired in reduction rather than oxidation; the copper turns red.",
        // The word the model answer puts in its place said too: the two told apart.
        "Oxidation keeps the copper green; the stoneware glaze needs reduction to turn it red.",
        // A denied state denied again, or said of what the model answer says it of.
        "Bisque ware is never glazed by the potter; the kiln is heated slowly.",
        "The potter glazes the stoneware and fires it in reduction, which turns the copper red.",
        // Limited: a state for a time only.
        "The bisque ware is glazed by the potter only after the kiln has cooled.",
    ] {
        let g = grade(&kiln(), answer);
        assert!(
            g.contradictions.iter().all(|c| c.role != "ruled out"),
            "{answer}: {g:?}"
        );
    }
}

fn sourdough() -> Bank {
    derived(
        "The starter ferments the dough overnight: its wild yeast produces carbon dioxide, \
         which leavens the loaf, and its lactic bacteria sour the crumb. The baker feeds the \
         starter with flour and water every day and keeps a portion back for the next bake.",
    )
}

#[test]
fn a_derived_rubric_denied_twice_fails_whatever_words_it_shares() {
    let g = grade(
        &sourdough(),
        "Wild yeast in the starter produces carbon dioxide, which leavens the loaf, and the \
         baker feeds it flour and water every day, keeping a portion back for the next bake; \
         but the starter never ferments anything overnight and its lactic bacteria do not \
         sour it.",
    );
    assert!(!g.passed, "{g:?}");
    let hit = g.contradictions.iter().find(|c| c.role == "denials");
    let hit = hit.unwrap_or_else(|| panic!("{g:?}"));
    assert_eq!(hit.matched, ["never", "ferments", "not", "sour"], "{hit:?}");
    assert!(
        hit.model.contains("lactic bacteria sour the crumb"),
        "{hit:?}"
    );
}

#[test]
fn a_derived_rubric_denied_once_corrected_or_advised_is_no_denial() {
    for answer in [
        // One denial: an aside.
        "The starter ferments the dough overnight; wild yeast makes carbon dioxide that \
         leavens the loaf, lactic bacteria sour the crumb, and the baker does not feed it \
         sugar, only flour and water, keeping a portion back.",
        // Corrections: the word said plainly in the same sentence.
        "The starter does not ferment the flour, it ferments the dough overnight; its yeast \
         leavens the loaf and the bacteria sour the crumb, it does not sour the loaf.",
        // Advice with no subject.
        "Don't feed the starter with sugar and never leaven the loaf with baker's yeast: the \
         wild yeast ferments the dough overnight and the lactic bacteria sour the crumb.",
    ] {
        let g = grade(&sourdough(), answer);
        assert!(
            g.contradictions.iter().all(|c| c.role != "denials"),
            "{answer}: {g:?}"
        );
    }
}

fn compost_heap() -> Bank {
    derived(
        "A new compost heap has not yet grown the microbes that break down its waste. Fresh \
         grass releases nitrogen, which feeds them, and the heap warms up. After a week the \
         centre of the heap reaches sixty degrees and steams, because the microbes release \
         heat as they digest the waste. Turn the heap so that oxygen reaches the microbes inside.",
    )
}

#[test]
fn a_derived_claim_denied_under_its_own_limit_or_a_denied_lack_is_a_denial() {
    for answer in [
        // The model's "after a week" claims denied after a week, twice.
        "After a week the centre of the heap does not reach sixty degrees, and after a \
         week it never steams; the grass just rots.",
        // "does not lack" what the model answer says has not grown, and a second denial.
        "A new compost heap does not lack the microbes that break down waste, and after a \
         week its centre never steams.",
    ] {
        let g = grade(&compost_heap(), answer);
        assert!(!g.passed, "{answer}: {g:?}");
        assert!(
            g.contradictions.iter().any(|c| c.role == "denials"),
            "{answer}: {g:?}"
        );
    }
}

#[test]
fn a_derived_denial_under_another_limit_or_of_a_wrong_claim_is_no_denial() {
    for answer in [
        // Terse and right.
        "The microbes that digest the waste have not grown yet in a new heap; grass \
         nitrogen feeds them, and after a week their heat warms the centre to sixty \
         degrees. Turn the heap for oxygen.",
        // A wrong claim denied: the heap does not cool down.
        "After a week the heap does not cool down: the microbes release heat as they \
         digest the waste, so the centre reaches sixty degrees; fresh grass feeds them \
         nitrogen, and turning the heap lets oxygen reach them.",
        // Limits the model answer never puts on the words: a time of the learner's own.
        "The microbes do not release heat until the grass has fed them nitrogen, and the \
         heap does not reach sixty degrees before a week; turn the heap so oxygen reaches \
         the microbes that digest the waste.",
    ] {
        let g = grade(&compost_heap(), answer);
        assert!(
            g.contradictions.iter().all(|c| c.role != "denials"),
            "{answer}: {g:?}"
        );
        assert!(g.passed, "{answer}: {g:?}");
    }
}

fn thin_clone() -> Bank {
    bank(
        "No. A thin clone has no blocks of its own: it points at the blocks of its \
         parent volume, so losing the parent loses the clone too.",
        &[
            &["thin clone", "clone"],
            &["parent"],
            &["points", "shares", "refers"],
        ],
    )
}

#[test]
fn a_thing_the_model_answer_says_there_is_none_of_given_in_full_contradicts_it() {
    let g = grade(
        &thin_clone(),
        "A thin clone points at its parent volume, but it also stores its own full copy of \
         the blocks, so it survives when the parent is lost.",
    );
    assert!(!g.passed, "{g:?}");
    let hit = &g.contradictions[0];
    assert_eq!(hit.role, "none said whole", "{hit:?}");
    assert_eq!(hit.matched, ["full", "blocks"], "{hit:?}");
    let g = grade(
        &thin_clone(),
        "A full clone copies the blocks; a thin clone points at its parent.",
    );
    assert!(
        g.contradictions.iter().all(|c| c.role != "none said whole"),
        "{g:?}"
    );
}

#[test]
fn the_full_thing_denied_or_said_of_a_compared_thing_contradicts_nothing() {
    for answer in [
        "A thin clone points at its parent and does not keep a full copy of the blocks.",
        "Unlike a real copy, which has the full blocks, a thin clone points at its parent.",
        "A thin clone points at its parent; a full copy of the blocks would survive the parent.",
    ] {
        let g = grade(&thin_clone(), answer);
        assert!(
            g.contradictions.iter().all(|c| c.role != "none said whole"),
            "{answer}: {g:?}"
        );
    }
    // A model clause that compares says nothing of the thing it sets apart.
    let compared = bank(
        "Unlike a full backup, an incremental backup has no files that did not change.",
        &[&["incremental"], &["changed", "change"]],
    );
    let g = grade(
        &compared,
        "An incremental backup holds the files that changed, not a full copy of the files.",
    );
    assert!(
        g.contradictions.iter().all(|c| c.role != "none said whole"),
        "{g:?}"
    );
}

fn signed_archive() -> Bank {
    bank(
        "The archive is signed with the vendor's release key. The mirror only stores it, \
         and the installer checks the signature against the public key it shipped with.",
        &[
            &["signed", "signs", "signature"],
            &["installer"],
            &["checks", "verifies"],
        ],
    )
}

#[test]
fn a_means_the_model_answer_gives_another_part_contradicts_it() {
    let g = grade(
        &signed_archive(),
        "The archive is signed with the mirror's key, and the installer checks the signature.",
    );
    assert!(!g.passed, "{g:?}");
    let hit = &g.contradictions[0];
    assert_eq!(hit.role, "what it is signed with", "{hit:?}");
    assert_eq!(hit.said, "mirror key", "{hit:?}");
    assert!(hit.model.contains("vendor release key"), "{hit:?}");
}

#[test]
fn a_means_in_new_words_denied_or_set_against_contradicts_nothing() {
    for answer in [
        // The model's means, in more words, or in words the model answer never uses.
        "The archive is signed with the vendor's private release key; the installer checks it.",
        "The archive is signed with the publisher's offline key; the installer checks it.",
        // Denied, set against the model's means, or supposed.
        "The archive is not signed with the mirror's key; the installer checks the signature.",
        "The archive is signed with the vendor's key rather than the mirror's; the installer checks it.",
        "If the archive were signed with the mirror's key, the installer checks would mean nothing.",
    ] {
        let g = grade(&signed_archive(), answer);
        assert!(
            g.contradictions.iter().all(|c| !c.role.ends_with(" with")),
            "{answer}: {g:?}"
        );
    }
}

#[test]
fn a_means_after_a_comma_is_the_means_of_the_thing_before_it() {
    let packager = bank(
        "The packager writes a release-signing manifest, sealed with the vendor's offline \
         key, and a checksum list sealed with the mirror's online key.",
        &[&["manifest"], &["checksum"], &["sealed", "signed"]],
    );
    let g = grade(
        &packager,
        "The packager writes a checksum list and a release-signing manifest sealed with the \
         mirror's online key.",
    );
    assert!(!g.passed, "{g:?}");
    assert_eq!(g.contradictions[0].said, "mirror online key", "{g:?}");
    let g = grade(
        &packager,
        "It writes a checksum list sealed with the mirror's online key and a release-signing \
         manifest sealed with the vendor's offline key.",
    );
    assert!(g.passed, "{g:?}");
}

fn courier() -> Bank {
    bank(
        "The sender seals the parcel with a numbered tag. The courier scans the tag at \
         every depot, and the recipient signs the delivery note.",
        &[
            &["seals", "sealed"],
            &["scans", "scanned"],
            &["signs", "signed"],
        ],
    )
}

#[test]
fn a_deed_given_to_another_party_of_the_story_contradicts_it() {
    let g = grade(
        &courier(),
        "The courier seals the parcel with a numbered tag, and the sender scans the tag at \
         each depot; the recipient signs the delivery note.",
    );
    assert!(!g.passed, "{g:?}");
    let hit = g
        .contradictions
        .iter()
        .find(|c| c.role.starts_with("who "))
        .expect("a doer turned round");
    assert_eq!(hit.role, "who seals", "{hit:?}");
    assert_eq!(hit.said, "courier", "{hit:?}");
    assert!(hit.model.contains("sender"), "{hit:?}");
}

#[test]
fn a_deed_by_its_own_doer_a_stranger_or_in_the_passive_contradicts_nothing() {
    for answer in [
        // The model's doers, in its order.
        "The sender seals the parcel with a numbered tag; the courier scans it at each \
         depot and the recipient signs the delivery note.",
        // A doer the model answer never names: a paraphrase, not another party.
        "The shipper seals the parcel with a numbered tag, the courier scans the tag at \
         each depot and the recipient signs the note.",
        // Another party, but the model's doer does nothing in the answer.
        "The courier seals the parcel with a numbered tag and scans it at each depot; the \
         recipient signs the delivery note.",
        // Denied, set against the model's doer, or supposed.
        "The courier never seals the parcel; the sender seals it with a numbered tag, the \
         courier scans the tag and the recipient signs the note.",
        "The courier, not the sender, seals the parcel with a numbered tag and the sender \
         scans the tag; the recipient signs the note.",
        "If the courier seals the parcel with a numbered tag, the sender scans the tag; the \
         recipient signs the note.",
    ] {
        let g = grade(&courier(), answer);
        assert!(
            g.contradictions.iter().all(|c| !c.role.starts_with("who ")),
            "{answer}: {g:?}"
        );
    }
}

fn who_acts(g: &crate::grade::Grade) -> bool {
    g.contradictions.iter().any(|c| c.role.starts_with("who "))
}

#[test]
fn a_verb_the_answer_gives_the_models_doer_too_is_shared_out_not_taken() {
    let model = "A kettle boils the water once it reaches the mark; a samovar keeps the \
                 water hot for hours.";
    let kettle = derived(model);
    // The samovar boils the water too, and the kettle still does what the model says.
    let shared = grade(
        &kettle,
        "A samovar boils the water slowly at first, and a kettle boils the water once it \
         reaches the mark.",
    );
    assert!(!who_acts(&shared), "{shared:?}");
    // The kettle given another deed instead: turned round.
    let turned = grade(
        &kettle,
        "A samovar boils the water once it reaches the mark, and a kettle keeps the water \
         hot for hours.",
    );
    assert!(who_acts(&turned), "{turned:?}");
}

#[test]
fn a_verb_with_a_second_doer_the_answer_never_names_may_be_that_doers_other_name() {
    let model = "The night guard checks every door of the building, so the alarm panel \
                 checks only the windows of the building. The day porter locks the gate.";
    let guard = derived(model);
    // "porter system" for "alarm panel": another name, not the porter turned round.
    let renamed = grade(
        &guard,
        "The night guard walks past every door; the porter system checks only the windows \
         of the building.",
    );
    assert!(!who_acts(&renamed), "{renamed:?}");
    // With the alarm panel named, the porter takes the guard's deed.
    let turned = grade(
        &guard,
        "The day porter checks every door of the building, the night guard locks the gate \
         and the alarm panel watches the windows.",
    );
    assert!(who_acts(&turned), "{turned:?}");
}

#[test]
fn a_doer_told_what_to_do_by_the_models_doer_acts_for_it() {
    let model = "The thermostat switches the boiler on at dawn, and the caretaker bleeds the \
                 radiators.";
    let house = derived(model);
    let told = grade(
        &house,
        "The thermostat tells the caretaker when the house is cold, and the caretaker \
         switches the boiler on at dawn and bleeds the radiators.",
    );
    assert!(!who_acts(&told), "{told:?}");
    let turned = grade(
        &house,
        "The caretaker switches the boiler on at dawn, and the thermostat bleeds the \
         radiators.",
    );
    assert!(who_acts(&turned), "{turned:?}");
}

fn compost() -> Bank {
    bank(
        "The compost stays cold because the pile is too dry. Water the pile weekly and \
         turn it once it has heated up. Adding more nitrogen would not help: it masks the \
         dry core.",
        &[&["dry"], &["turn", "turned"], &["water", "watering"]],
    )
}

#[test]
fn advice_of_the_model_answer_dismissed_contradicts_it() {
    for answer in [
        "The pile is too dry, so turn it once it has heated up; watering the pile weekly \
         won't help, though.",
        "It is too dry. Turn it when it has heated up; watering it weekly is pointless.",
    ] {
        let g = grade(&compost(), answer);
        assert!(!g.passed, "{answer}: {g:?}");
        let hit = &g.contradictions[0];
        assert_eq!(hit.role, "dismissed advice", "{hit:?}");
        assert!(hit.model.contains("water the pile weekly"), "{hit:?}");
    }
}

#[test]
fn a_dismissal_the_model_answer_shares_or_limits_contradicts_nothing() {
    for answer in [
        // The model answer dismisses it too.
        "The pile is too dry: water it weekly and turn it once it has heated up. More \
         nitrogen would not help.",
        // Limited, supposed, or of nothing the model answer advises.
        "The pile is too dry; turn it once it has heated up, since watering it alone won't \
         help.",
        "The pile is too dry; turn it once it has heated up. If the core is soaked, watering \
         the pile weekly won't help.",
        "The pile is too dry: water it weekly and turn it once it has heated up. The bin's \
         colour doesn't matter.",
        // One word alone, which the model answer uses in another role.
        "Heating doesn't fix it: the pile is too dry, so water it weekly and turn it once \
         it has heated up.",
    ] {
        let g = grade(&compost(), answer);
        assert!(
            g.contradictions
                .iter()
                .all(|c| c.role != "dismissed advice"),
            "{answer}: {g:?}"
        );
    }
}

fn gateway() -> Bank {
    bank(
        "The gateway drops the frame when its checksum is wrong and logs the error. Any \
         VLAN tags on the frame are stripped before it leaves.",
        &[&["checksum"], &["logs", "logged"], &["tags"]],
    )
}

#[test]
fn a_thing_the_model_answer_drops_said_to_be_kept_contradicts_it() {
    for answer in [
        "When the checksum is wrong the gateway forwards the frame anyway and logs the error. \
         The tags are stripped.",
        "A frame with a wrong checksum is thrown away and the error logged. Its VLAN tags, \
         though, are kept when it leaves.",
    ] {
        let hit = fails_on(&gateway(), answer, "kept");
        assert!(
            hit.model.contains("drops the frame") || hit.model.contains("stripped"),
            "{answer}: {hit:?}"
        );
    }
}

#[test]
fn a_thing_kept_beside_a_drop_or_denied_contradicts_nothing() {
    for answer in [
        // Told apart in one sentence, denied, or something else kept.
        "The gateway drops a frame with a wrong checksum and logs it; it strips the VLAN \
         tags but keeps the payload.",
        "With a wrong checksum the frame is never forwarded: the gateway logs the error, \
         and the VLAN tags are stripped.",
        "The gateway keeps a log of the error when the checksum is wrong, and the tags are \
         removed before the frame leaves.",
        "If the checksum were right, the gateway forwards the frame; a wrong one is logged \
         and the tags are stripped.",
    ] {
        let g = grade(&gateway(), answer);
        assert!(
            g.contradictions.iter().all(|c| c.role != "kept"),
            "{answer}: {g:?}"
        );
    }
}

fn greenhouse() -> Bank {
    bank(
        "In frost mode the greenhouse is still heated, at a low setting. With the vents \
         open it is not heated at all.",
        &[&["frost"], &["low"]],
    )
}

#[test]
fn a_thing_the_model_answer_says_still_goes_on_said_to_be_stopped_contradicts_it() {
    for answer in [
        "Frost mode runs at a low setting and stops the greenhouse from being heated.",
        "At a low setting, frost mode also turns off the heating.",
    ] {
        let hit = fails_on(&greenhouse(), answer, "stopped");
        assert!(hit.model.contains("still heated"), "{answer}: {hit:?}");
    }
}

#[test]
fn a_stopping_denied_or_of_the_model_answers_own_exception_contradicts_nothing() {
    for answer in [
        // The case the model answer itself denies the doing in.
        "Opening the vents stops the greenhouse from being heated; frost mode runs at a \
         low setting.",
        // Denied, supposed, or of something else.
        "Frost mode does not stop the heating; it runs at a low setting.",
        "If the vents were open it would stop the heating; frost mode runs at a low setting.",
        "Frost mode stops the fans, and the heating runs at a low setting.",
        // A participle names a thing, it stops nothing.
        "A stopped fan leaves frost mode heating the greenhouse at a low setting.",
    ] {
        let g = grade(&greenhouse(), answer);
        assert!(
            g.contradictions.iter().all(|c| c.role != "stopped"),
            "{answer}: {g:?}"
        );
    }
}

fn orchard() -> Bank {
    bank(
        "A drip line feeds water to each root slowly. Over a season its emitters clog and \
         waste some water, and the pump draws a little power to push the water through the \
         tubing. The line does not need a timer.",
        &[&["drip"], &["root", "roots"]],
    )
}

#[test]
fn a_thing_the_model_answer_states_denied_outright_contradicts_it() {
    for (answer, word) in [
        (
            "A drip line feeds each root slowly, and its emitters never waste a single drop.",
            "waste",
        ),
        (
            "A drip line feeds each root slowly; the pump pushes the water through without \
             any power.",
            "power",
        ),
        (
            "A drip line feeds each root slowly, and the pump draws no power at all to push \
             the water.",
            "power",
        ),
    ] {
        let g = grade(&orchard(), answer);
        assert!(!g.passed, "{answer}: {g:?}");
        let hit = g
            .contradictions
            .iter()
            .find(|c| c.role == "denied outright");
        assert!(
            hit.is_some_and(|c| c.matched.iter().any(|m| m == word) && c.model.contains(word)),
            "{answer}: {g:?}"
        );
    }
}

#[test]
fn a_denial_of_what_the_model_denies_supposes_or_is_of_another_thing_contradicts_nothing() {
    for answer in [
        // The model answer denies the timer itself.
        "A drip line feeds each root slowly and runs without any timer.",
        // Supposed, or reported as a belief.
        "A drip line feeds each root slowly; if the pump drew no power at all, the water \
         would stand still.",
        "A drip line feeds each root slowly. It is a myth that the emitters never waste a \
         single drop.",
        // A sentence that shares one word only with the model's: another thing.
        "A drip line feeds each root slowly. Rain needs no power at all.",
        // A plain denial, not an emphatic one, is left to the rubric's concepts.
        "A drip line feeds each root slowly, and its emitters do not waste water.",
    ] {
        let g = grade(&orchard(), answer);
        assert!(
            g.contradictions.iter().all(|c| c.role != "denied outright"),
            "{answer}: {g:?}"
        );
    }
}

fn ferry() -> Bank {
    bank(
        "The ferry leaves the harbour from pier 4. Travellers who miss it wait in the \
         station hall on platform 9 for the night coach.",
        &[&["ferry"], &["coach", "bus"]],
    )
}

#[test]
fn a_number_the_model_gives_another_thing_contradicts_it() {
    let g = grade(
        &ferry(),
        "The ferry goes from pier 4; anyone who misses it waits in the station hall on \
         platform 4 for the night coach.",
    );
    assert!(!g.passed, "{g:?}");
    let hit = g
        .contradictions
        .iter()
        .find(|c| c.role.starts_with("another number"));
    assert!(
        hit.is_some_and(|c| c.matched == ["platform", "4"] && c.model.contains("platform 9")),
        "{g:?}"
    );
}

#[test]
fn the_model_number_another_thing_or_a_supposed_number_contradicts_nothing() {
    for answer in [
        // The model's own number.
        "The ferry goes from pier 4; anyone who misses it waits in the station hall on \
         platform 9 for the night coach.",
        // Both numbers in one sentence: set against each other, not moved.
        "Miss the ferry and you wait in the station hall on platform 9, not platform 4, \
         for the night coach.",
        // Another thing that bears the key: its words are not the model's.
        "The ferry goes from pier 4 and the coach from the station; the kiosk on platform \
         2 sells tickets for both.",
        // Supposed.
        "The ferry goes from pier 4. If you wait in the station hall on platform 6, you \
         miss the night coach.",
        // Given as an example, which a text may choose otherwise.
        "The ferry goes from pier 4; anyone who misses it waits in the station hall on \
         some platform like platform 5 for the night coach.",
    ] {
        let g = grade(&ferry(), answer);
        assert!(
            g.contradictions
                .iter()
                .all(|c| !c.role.starts_with("another number")),
            "{answer}: {g:?}"
        );
    }
}

// Long answers, right throughout but for one buried passive denial of a thing the model
// answer says is done (see `undone`), and long right answers whose own denials are of
// another thing, limited, or set beside the model's claim. Written for this rule, on
// subjects no tuning set has.

fn hashing() -> Bank {
    bank(
        "Store passwords with a slow, salted hash such as bcrypt or Argon2. A unique random \
         salt is generated for each password and stored next to the hash, so identical \
         passwords get different hashes and precomputed rainbow tables are useless. The \
         work factor makes each guess expensive, and you raise it as hardware gets faster.",
        &[
            &["bcrypt", "argon2", "scrypt"],
            &["salt", "salted"],
            &["work factor", "cost factor", "slow"],
        ],
    )
}

fn timer() -> Bank {
    bank(
        "A systemd timer activates a service unit on the schedule given by OnCalendar=. \
         With Persistent=true, a run that was missed while the machine was off is started \
         at the next boot. Each run is logged in the journal, so journalctl -u shows its \
         output and exit status.",
        &[
            &["timer"],
            &["oncalendar", "schedule"],
            &["persistent"],
            &["journal", "journalctl"],
        ],
    )
}

fn lockfile() -> Bank {
    bank(
        "A lockfile records the exact version of every dependency that was resolved, the \
         transitive ones included. The package manager installs those exact versions on \
         every machine, so builds are reproducible. Commit the lockfile to the repository \
         and update it on purpose, with an explicit upgrade command.",
        &[
            &["lockfile", "lock file"],
            &["exact version", "exact versions", "exactly those versions"],
            &["reproducible"],
        ],
    )
}

fn ttl() -> Bank {
    bank(
        "Resolvers cache a record for its TTL, so after you change the record, clients \
         can keep getting the old address until the cached copy expires. Lower the TTL a \
         day before the migration, wait for the old TTL to run out, then change the \
         record, and raise the TTL again once the move is done.",
        &[
            &["ttl", "time to live"],
            &["cache", "cached", "caches", "keep"],
            &["lower", "reduce", "shorten"],
        ],
    )
}

#[test]
fn a_long_answer_that_denies_in_the_passive_what_the_model_says_is_done_fails() {
    for (bank, answer, word) in [
        (
            hashing(),
            "Passwords should go through a deliberately slow hash such as bcrypt or Argon2, \
             never a fast one like SHA-256, because an attacker who steals the table can \
             try billions of fast guesses a second. Each password gets its own random salt, \
             so two users with the same password end up with different hashes and a rainbow \
             table built in advance is worthless. The salt must not be stored next to the \
             hash, since anyone who steals the table gets it too. The work factor sets how \
             expensive each guess is, and you raise it every few years as hardware gets \
             faster.",
            "stored",
        ),
        (
            timer(),
            "A timer unit is a small file next to the service, and systemd activates the \
             service whenever the OnCalendar= schedule says so, for example every night at \
             two. It runs the job as an ordinary unit, with the same cgroup, limits and \
             environment as any other service. A run missed while the machine was off is \
             not started at the next boot, even with Persistent=true, so a laptop that \
             sleeps at two simply skips it. Every run is logged in the journal, and \
             journalctl -u shows its output and exit status.",
            "started",
        ),
        (
            lockfile(),
            "The lockfile, such as package-lock.json or Cargo.lock, records the exact \
             version that was resolved for every dependency, including the transitive \
             dependencies that the manifest never lists. When another developer or the CI \
             server installs, the package manager reads the lockfile and installs exactly \
             those versions, so builds are reproducible from one machine to the next. The \
             lockfile should not be committed to the repository; each machine keeps its \
             own copy. Bump versions with an explicit upgrade command and review the diff \
             like any other change.",
            "committed",
        ),
        (
            ttl(),
            "Every DNS answer carries a TTL, the number of seconds a resolver may keep it. \
             Before moving a service to a new address, lower the TTL, say from a day to \
             five minutes, and wait at least the old TTL so that every copy with the long \
             value is gone. Then change the record. The old address of a record is never \
             cached by the resolvers, so clients see the new one at once. After the \
             migration, raise the TTL again to cut the load on your name servers.",
            "cached",
        ),
    ] {
        let hit = fails_on(&bank, answer, "said not done");
        assert!(hit.matched.iter().any(|m| m == word), "{answer}: {hit:?}");
    }
}

#[test]
fn a_long_right_answer_with_denials_of_other_things_contradicts_nothing() {
    for (bank, answer) in [
        // Another thing denied: passwords in plain text, not the salt by the hash; and
        // "not a secret" says what the salt is, with no verb.
        (
            hashing(),
            "Passwords are hashed with a slow, salted algorithm such as bcrypt or Argon2, \
             and they are never stored in plain text. The salt is not a secret: a fresh \
             random salt is generated for each password and kept next to the hash, so \
             equal passwords give different hashes and precomputed rainbow tables are \
             useless. Unlike a fast hash such as SHA-256, bcrypt has a work factor that \
             makes each guess expensive, and you raise it as hardware gets faster.",
        ),
        // An indirect question: which ones are not stored so, asked, not denied.
        (
            hashing(),
            "Use a slow hash made for passwords, bcrypt or Argon2, with a unique random salt \
             per password, so that equal passwords get different hashes and rainbow tables \
             are useless. When you take over an old system, first find out which passwords \
             are not stored next to a salt, and rehash each of them with bcrypt at the \
             user's next login. Tune the work factor so that one guess takes a noticeable \
             fraction of a second, and raise it as hardware gets faster.",
        ),
        // Limited: without Persistent=true the model answer says nothing of the boot.
        (
            timer(),
            "A timer unit tells systemd when to activate its service unit, on the \
             OnCalendar= schedule, much as a crontab line would. Without Persistent=true, \
             a run missed while the machine was off is not started at the next boot; it is \
             simply skipped. With Persistent=true, systemd catches up on it as soon as the \
             machine is up. Unlike cron, a timer does not mail the output to anyone: \
             every run is logged in the journal, and journalctl -u shows its output and \
             exit status, which makes failures easy to find.",
        ),
        // A manner denied ("automatically"), not the deed; another verb denied.
        (
            lockfile(),
            "A lockfile records the exact version that was resolved for every dependency, \
             the transitive ones too, which the manifest does not list. It is not edited \
             by hand: the package manager writes it and installs exactly those versions on \
             every machine, so builds are reproducible. The lockfile is committed to the \
             repository, and it is not updated automatically by a plain install, so a new \
             release of a library never sneaks into a build unnoticed.",
        ),
        // A time limit ("until"), and the model's own claim beside the denial.
        (
            ttl(),
            "Resolvers cache each record for its TTL, so after a change clients may keep \
             getting the old address until their cached copy expires. A brand-new record is \
             not cached anywhere until a client first asks for it. So lower the TTL a day \
             before the migration, wait for the old TTL to run out, change the record, and \
             raise the TTL again once the move is done; unlike the record, the TTL itself \
             is not a promise, since a few resolvers enforce a minimum of their own.",
        ),
    ] {
        passes_without(&bank, answer, "said not done");
    }
}

/// A model answer that advises turning two settings, each one way.
fn proxy_timeout() -> Bank {
    bank(
        "The upstream takes about 40 seconds to answer, longer than the proxy waits. \
         Raise the proxy timeout to 60 seconds, and lower the retry count to one so a \
         slow request is not sent three times.",
        &[&["timeout"], &["retry", "retries"], &["upstream", "slow"]],
    )
}

#[test]
fn advice_to_turn_a_setting_the_other_way_contradicts_the_model_advice() {
    for (answer, verb) in [
        (
            "The upstream is slow, so lower the proxy timeout to 10 seconds and keep the \
             retries at one.",
            "lower",
        ),
        (
            "The slow upstream outlasts the proxy; fix it by reducing the timeout, with \
             one retry.",
            "reducing",
        ),
        (
            "A slow upstream hits the timeout, so raise the timeout and you should \
             increase the retry count too.",
            "increase",
        ),
        (
            "The upstream answers after the timeout. Decrease the timeout and retry once.",
            "decrease",
        ),
        (
            "The upstream outlasts what the proxy waits. Shortening the timeout fixes it, \
             with one retry.",
            "shortening",
        ),
    ] {
        let g = grade(&proxy_timeout(), answer);
        let turned: Vec<&Vec<String>> = g
            .contradictions
            .iter()
            .filter(|c| c.role == "direction")
            .map(|c| &c.matched)
            .collect();
        assert_eq!(turned, [&vec![verb.to_owned()]], "{answer}: {g:?}");
        assert!(!g.passed, "{answer}: {g:?}");
    }
}

#[test]
fn advice_the_same_way_or_the_other_way_set_aside_contradicts_nothing() {
    for answer in [
        "The slow upstream outlasts the proxy: raise the timeout above 40 seconds and \
         lower the retries to one.",
        "Do not lower the timeout, the upstream is slow; raise it to a minute and cut the \
         retry count.",
        "If you lower the timeout, every slow upstream request fails; so increase the \
         timeout to 60 seconds and retry once.",
        "Lowering the timeout would only make the slow upstream fail sooner; raise the \
         timeout and lower the retry count.",
        "Rather than lowering the timeout, raise the timeout for the slow upstream and \
         send one retry.",
        "A lower timeout fails the slow upstream; a timeout of 60 seconds with one retry \
         fixes it.",
        "The slow upstream outlasts the proxy, and lowering the timeout does not fix it: \
         raise the timeout, lower the retry count.",
    ] {
        passes_without(&proxy_timeout(), answer, "direction");
    }
}

#[test]
fn a_setting_the_model_answer_turns_both_ways_has_no_direction() {
    let b = bank(
        "Lower the record's TTL to five minutes a day before the move, so caches expire \
         quickly; after the move, raise the TTL again to a day.",
        &[&["ttl"], &["before", "day before"], &["cache", "caches"]],
    );
    for answer in [
        "A day before the move lower the TTL so caches expire soon, and raise the TTL \
         again later.",
        "Raise the TTL after the move; before it, caches must expire fast, so a day \
         before lower the TTL.",
    ] {
        let g = grade(&b, answer);
        assert!(
            g.contradictions.iter().all(|c| c.role != "direction"),
            "{answer}: {g:?}"
        );
    }
}

/// Round 33 (w50-fp): a model claim made in a relative clause ("a gas burner under the
/// floor, which brings the clay to 1200 degrees") is a claim about its antecedent, so a
/// denial that names the antecedent ("the gas burner never brings the clay to 1200
/// degrees") denies it: the antecedent's words are not another part of the model answer.
fn gas_kiln() -> Bank {
    bank(
        "The kiln is heated by a gas burner under the floor, which brings the clay to 1200 \
         degrees in about eight hours. The glaze melts in the last hour.",
        &[&["burner", "gas"], &["1200"], &["glaze"]],
    )
}

#[test]
fn a_relative_clause_claim_denied_of_its_antecedent_contradicts_it() {
    for answer in [
        "The glaze melts in the last hour, but the gas burner under the floor never brings \
         the clay to 1200 degrees.",
        "The burner under the kiln does not bring the clay to 1200 degrees; the glaze \
         melts anyway in the last hour.",
        "Gas heats the kiln, and the gas burner can't bring the clay to 1200 degrees, so \
         the glaze melts in the last hour.",
    ] {
        contradicts_as(&gas_kiln(), answer, "denial");
    }
    contradicts_nothing(
        &gas_kiln(),
        &[
            // The claim said plainly.
            "A gas burner under the floor brings the clay to 1200 degrees in about eight \
             hours, and the glaze melts in the last hour.",
            // A denial corrected in its sentence.
            "The burner never brings the glaze to a boil; it brings the clay to 1200 \
             degrees in eight hours, and the glaze melts in the last hour.",
            // A denial of another verb, with the claim beside it.
            "The gas burner does not touch the clay: it brings the clay to 1200 degrees in \
             eight hours through the floor. The glaze melts in the last hour.",
            // A denial of the glaze, another sentence's thing.
            "The gas burner under the floor brings the clay to 1200 degrees, and the glaze \
             does not melt before the last hour.",
            // A denial limited in time.
            "The gas burner never brings the clay to 1200 degrees until the eighth hour; \
             the glaze melts in the last hour.",
        ],
    );
}

/// The antecedent is only the clause a relative clause hangs on: a denial that names a
/// word of another clause of the model answer is still about that other part.
#[test]
fn a_denial_naming_another_clause_than_the_antecedent_contradicts_nothing() {
    let b = bank(
        "The press cools each bottle in a water bath. The conveyor then moves it to the \
         labeller, which prints the batch code on every bottle.",
        &[&["water bath"], &["labeller"], &["batch code"]],
    );
    contradicts_nothing(
        &b,
        &[
            "The water bath never prints the batch code on a bottle; the labeller does, \
             after the conveyor moves it there.",
        ],
    );
    contradicts_as(
        &b,
        "The press cools each bottle in a water bath and the conveyor moves it on, but the \
         labeller does not print the batch code on every bottle.",
        "denial",
    );
}

/// Round 33 (w50-fp): what the model answer says *must* be done is denied by an answer
/// that says it *doesn't have to* (or *need not*, *doesn't need to*) be done, of the same
/// thing: the necessity itself denied, not a state ("hasn't clipped it yet").
fn climbing() -> Bank {
    bank(
        "Every lead climber must clip the rope into each bolt on the route. The belayer \
         holds the other end and catches a fall.",
        &[&["clip", "clips"], &["bolt", "bolts"], &["belayer"]],
    )
}

#[test]
fn a_necessity_the_model_states_said_to_be_none_contradicts_it() {
    for answer in [
        "The lead climber doesn't have to clip the rope into each bolt; the belayer holds \
         the other end and catches a fall.",
        "A lead climber need not clip the rope into every bolt, and the belayer catches a \
         fall.",
        "The belayer holds the other end. Lead climbers don't need to clip the rope into \
         the bolts on the route.",
    ] {
        contradicts_as(&climbing(), answer, "necessity");
    }
    contradicts_nothing(
        &climbing(),
        &[
            // The necessity said plainly.
            "Every lead climber must clip the rope into each bolt on the route, while the \
             belayer holds the other end and catches a fall.",
            // Another party's necessity denied, the model's said beside it.
            "The belayer doesn't have to clip the rope into the bolts; the lead climber \
             must clip it into each bolt, and the belayer catches a fall.",
            // Another verb's necessity denied.
            "The lead climber does not have to hold the other end of the rope: the belayer \
             holds it and catches a fall, and the climber clips the rope into each bolt.",
            // A state, not a necessity: the clip not made yet.
            "A fall is long when the lead climber hasn't clipped the rope into the last \
             bolt on the route; the belayer holds the other end.",
            // Hypothetical, or limited.
            "The lead climber would not have to clip the rope into each bolt on a top rope; \
             on lead the belayer holds the other end.",
            "The lead climber doesn't have to clip the rope into each bolt until the route \
             gets steep; the belayer catches a fall.",
        ],
    );
}

/// A requirement the model answer states ("requires every tag to be lowercase") is a
/// necessity too: "the tag doesn't have to be lowercase" denies it, while a tag that
/// is not lowercase describes the learner's case (see the requirement test above).
#[test]
fn a_requirement_the_model_states_said_to_be_none_contradicts_it() {
    let b = bank(
        "The registry requires every image tag to be lowercase and at most 128 characters \
         long, so a tag with capitals is rejected.",
        &[&["lowercase"], &["128"], &["rejected"]],
    );
    contradicts_as(
        &b,
        "An image tag doesn't have to be a lowercase name in the registry; it must be at \
         most 128 characters long.",
        "necessity",
    );
    contradicts_as(
        &b,
        "The registry rejects it because an image tag needs to be short; every image tag \
         does not need to be lowercase.",
        "necessity",
    );
    contradicts_nothing(
        &b,
        &[
            "The image tag is not lowercase: the registry requires every tag to be \
             lowercase and at most 128 characters long, so it is rejected.",
        ],
    );
}

/// Round 35 (w56-compar): a clause that asks *whether* ("they differ in whether the
/// data is kept") states neither side of a pair: an answer that says which way it goes
/// for one of the two contradicts nothing. A model clause that states the side plainly
/// still does.
#[test]
fn a_clause_that_asks_whether_states_neither_side() {
    let asked = bank(
        "A volume and a tmpfs mount differ in whether the data is kept after the container \
         stops: a tmpfs mount lives in memory only.",
        &[&["tmpfs"], &["memory", "ram"]],
    );
    for answer in [
        "With tmpfs the data disappears after the container stops; it lived in memory.",
        "The tmpfs data is gone after the container stops: it was only ever in RAM.",
        "In memory, a tmpfs mount's data vanishes after the container stops.",
    ] {
        assert!(grade(&asked, answer).passed, "{answer}");
    }
    let stated = bank(
        "A tmpfs mount lives in memory only, and its data vanishes when the container \
         stops, whether or not anything still reads it.",
        &[&["tmpfs"], &["memory", "ram"]],
    );
    for answer in [
        "A tmpfs mount is in memory, and its data is kept after the container stops.",
        "In a tmpfs mount, held in RAM, the data is kept after the container stops.",
    ] {
        let g = grade(&stated, answer);
        assert!(!g.passed, "{answer}: {g:?}");
        assert_eq!(g.contradictions[0].role, "lifetime", "{answer}: {g:?}");
    }
}

fn starter() -> Bank {
    bank(
        "The starter is sluggish because the kitchen is cold. Keep the jar somewhere warm, \
         around 26 degrees, and feed it with rye flour rather than plain white flour.",
        &[&["warm"], &["rye"], &["feed", "feeding"]],
    )
}

fn backups() -> Bank {
    bank(
        "Take the nightly dump from a replica so the primary is not slowed down, and store \
         the dumps in object storage with versioning turned on.",
        &[&["replica"], &["object storage"]],
    )
}

fn tomatoes() -> Bank {
    bank(
        "Water the tomatoes at the base in the morning, not on the leaves in the evening, so \
         the foliage dries before night.",
        &[&["base"], &["morning"]],
    )
}

/// Grades `answer` against `bank` and asserts it fails on a passed-over command.
fn passes_over(bank: &Bank, answer: &str) {
    let g = grade(bank, answer);
    assert!(!g.passed, "{answer}: {g:?}");
    assert!(
        g.contradictions
            .iter()
            .any(|c| c.role == "advice passed over"),
        "{answer}: {g:?}"
    );
}

/// Grades each of `answers` against `bank` and asserts none passes over a command.
fn passes_over_nothing(bank: &Bank, answers: &[&str]) {
    for answer in answers {
        let g = grade(bank, answer);
        assert!(
            g.contradictions
                .iter()
                .all(|c| c.role != "advice passed over"),
            "{answer}: {g:?}"
        );
    }
}

#[test]
fn the_models_advice_set_aside_rather_than_for_another_thing_contradicts_it() {
    passes_over(
        &starter(),
        "Feed it with plain white flour rather than rye flour, and keep the jar warm.",
    );
    passes_over(
        &backups(),
        "Take the dump from the primary rather than a replica, and keep the dumps in object \
         storage.",
    );
    passes_over(
        &backups(),
        "Take it from a replica, but keep the dumps on the database server instead of in \
         object storage.",
    );
    passes_over(
        &tomatoes(),
        "Water them on the leaves in the evening rather than at the base in the morning.",
    );
    passes_over(
        &tomatoes(),
        "You should water them on the leaves in the evening instead of at the base.",
    );
    // A derived rubric: the same claim turned round.
    passes_over(
        &derived(
            "The starter is sluggish because the kitchen is cold. Keep the jar somewhere \
             warm, around 26 degrees, and feed it with rye flour rather than plain white \
             flour.",
        ),
        "The kitchen is cold: keep the jar somewhere warm, around 26 degrees, and feed it \
         with plain white flour rather than rye flour.",
    );
}

#[test]
fn the_models_advice_kept_in_another_order_or_a_choice_between_its_own_passes_over_nothing() {
    passes_over_nothing(
        &starter(),
        &[
            "Rather than plain white flour, feed it rye flour; keep the jar warm.",
            "Keep the jar warm and feed it with rye flour instead of plain white flour.",
            "If the jar is already warm, feed it with rye flour rather than white flour.",
        ],
    );
    passes_over_nothing(
        &backups(),
        &[
            "Store the dumps in object storage, and take them from a replica rather than the \
             primary.",
            "Rather than the primary, take the nightly dump from a replica; store it in object \
             storage.",
            // A statement, not advice.
            "The dump comes from a replica rather than the primary and sits in object storage.",
        ],
    );
    passes_over_nothing(
        &tomatoes(),
        &["Rather than on the leaves in the evening, water them at the base in the morning."],
    );
    // The model offers both; the answer picks one of its own.
    passes_over_nothing(
        &bank(
            "Lower the MTU of the tunnel interface, or clamp the TCP MSS at the router.",
            &[&["mtu", "mss"]],
        ),
        &["Clamp the TCP MSS at the router rather than lowering the MTU."],
    );
}

/// A model answer whose renderer processes are isolated by a sandbox.
fn browser_tabs() -> Bank {
    bank(
        "Each browser tab runs in its own renderer process. The renderer process is isolated \
         from the other renderers by a sandbox, so a crash or an exploit in one renderer \
         stays there.",
        &[
            &["own process", "renderer process", "separate process"],
            &["sandbox"],
            &["crash"],
        ],
    )
}

/// A model answer that gives NaN a role (*as unordered*) and denies it another.
fn nan_sort() -> Bank {
    bank(
        "IEEE 754 treats NaN as unordered, since NaN is not equal to any value, itself \
         included, and every comparison with it is false. A comparator built on < then \
         gives an inconsistent order, and the sort misplaces elements around the NaN.",
        &[
            &["nan"],
            &["comparison", "comparator", "compare"],
            &["inconsistent", "misplaces", "not a total order"],
        ],
    )
}

/// A model answer with an *-ing* form that describes a noun ("a confusing schedule").
fn utc_cron() -> Bank {
    bank(
        "Local time repeats an hour in autumn and skips one in spring, so a job at 02:30 \
         runs twice or not at all. It gives a confusing schedule, so write the crontab in \
         UTC.",
        &[
            &["utc"],
            &["twice", "repeats", "repeated"],
            &["skips", "skipped"],
        ],
    )
}

/// The same subject, where the model clause claims the deed with the verb itself.
fn utc_cron_deed() -> Bank {
    bank(
        "Local time repeats an hour in autumn and skips one in spring. The repeated hour is \
         confused with the earlier one by cron, so a job at 01:30 runs twice. Write the \
         crontab in UTC.",
        &[
            &["utc"],
            &["twice", "repeats", "repeated"],
            &["skips", "skipped"],
        ],
    )
}

#[test]
fn a_passive_denial_of_a_manner_a_role_or_an_adjective_is_no_deed_said_not_done() {
    for (bank, answer) in [
        // A manner in -wise after the participle: the isolation is not denied.
        (
            browser_tabs(),
            "Each tab runs in its own renderer process behind a sandbox, so a crash stays in \
             that tab. The renderer processes are not isolated from the other renderers \
             memory-wise, though: each one costs its own RAM.",
        ),
        // A role after *as* that the model answer denies too.
        (
            nan_sort(),
            "NaN is not treated as equal to any value, itself included, so every comparison \
             with it is false and a comparator built on < misplaces elements around it.",
        ),
        // The model's *confusing* describes the schedule; it claims no confusing done.
        (
            utc_cron(),
            "Local time repeats an hour in autumn and skips one in spring, so the job runs \
             twice or not at all. In UTC the crontab schedule cannot be confused: every hour \
             happens once.",
        ),
    ] {
        passes_without(&bank, answer, "said not done");
    }
}

#[test]
fn a_passive_denial_of_the_deed_itself_is_still_said_not_done() {
    for (bank, answer, word) in [
        (
            browser_tabs(),
            "Each tab has its own renderer process, but the renderer process is not isolated \
             from the other renderers, so a crash in one spreads to every tab.",
            "isolated",
        ),
        // The role the model answer gives, denied.
        (
            nan_sort(),
            "NaN is not treated as unordered by IEEE 754: it compares like any value, so a \
             comparator built on < is consistent and the sort is fine.",
            "treated",
        ),
        (
            utc_cron_deed(),
            "Write the crontab in UTC. The repeated hour is not confused with the earlier \
             one by cron, so the job runs once; UTC is only tidier.",
            "confused",
        ),
    ] {
        let hit = fails_on(&bank, answer, "said not done");
        assert!(hit.matched.iter().any(|m| m == word), "{answer}: {hit:?}");
    }
}

/// Asserts that `answer` passes and that no contradiction of `role` is found in it.
/// Grades `answer`, asserts that it fails with a contradiction of `role`, and returns it
/// for the caller to check what it matched.
fn fails_on(bank: &Bank, answer: &str, role: &str) -> Contradiction {
    let g = grade(bank, answer);
    assert!(!g.passed, "{answer}: {g:?}");
    let hit = g.contradictions.iter().find(|c| c.role == role);
    hit.unwrap_or_else(|| panic!("{answer}: no `{role}` in {g:?}"))
        .clone()
}

fn passes_without(bank: &Bank, answer: &str, role: &str) {
    let g = grade(bank, answer);
    assert!(
        g.contradictions.iter().all(|c| c.role != role),
        "{answer}: {g:?}"
    );
    assert!(g.passed, "{answer}: {g:?}");
}

/// Round 47 (w86-relclause, probe-lead46 line 30): a comparative said of another thing
/// than the model's ("the demand for seats is higher" against "at the lower fare") is no
/// contradiction of rank; said of the model's own thing, or the model's turned, it is.
#[test]
fn a_comparative_said_of_another_head_contradicts_nothing() {
    let train = bank(
        "At the lower fare more commuters take the train, so the carriages fill up.",
        &[&["fare"], &["commuters", "passengers"]],
    );
    contradicts_nothing(
        &train,
        &[
            "At the cut fare commuter demand for seats is higher than the operator can supply.",
            "At the reduced fare commuters want more seats, and demand is higher than supply.",
        ],
    );
    contradicts_as(
        &train,
        "At the higher fare more commuters take the train.",
        "rank",
    );
    contradicts_as(
        &train,
        "More commuters take the train at a fare that is higher, so carriages fill up.",
        "rank",
    );
}

fn seedlings() -> Bank {
    bank(
        "Once the seedlings sprout, continue the watering every morning until they are \
         planted out; the cover comes off.",
        &[
            &["seedlings", "seedling"],
            &["water", "watering", "watered"],
        ],
    )
}

#[test]
fn stopped_where_the_model_answer_says_continued_contradicts_it() {
    let g = grade(
        &seedlings(),
        "Once the seedlings sprout, take the cover off; the watering every morning should \
         be stopped until they are planted out.",
    );
    assert!(!g.passed, "{g:?}");
    assert_eq!(g.contradictions[0].role, "continuation", "{g:?}");
    contradicts_nothing(
        &seedlings(),
        &[
            "Keep watering the seedlings every morning once they sprout, and take the cover off.",
            "Once the seedlings sprout, continue the watering every morning; stop only when \
             they are planted out.",
            "The cover comes off when the seedlings sprout, and the watering continues.",
        ],
    );
}

fn grim_trigger() -> Bank {
    bank(
        "A grim-trigger player cooperates in the first round, and after any betrayal it \
         punishes the other player for ever.",
        &[
            &["first"],
            &["betrayal", "betrays"],
            &["punishes", "punish"],
        ],
    )
}

#[test]
fn defects_where_the_model_answer_says_cooperates_contradicts_it() {
    let g = grade(
        &grim_trigger(),
        "A grim-trigger player defects in the first round, and after any betrayal it \
         punishes the other player for ever.",
    );
    assert!(!g.passed, "{g:?}");
    assert_eq!(g.contradictions[0].role, "move in a game", "{g:?}");
    contradicts_nothing(
        &grim_trigger(),
        &[
            "It cooperates in the first round; after any betrayal it punishes the other \
             player for ever.",
            "A grim-trigger player opens by cooperating and punishes the first betrayal for \
             ever, so the other player defects at its own cost.",
        ],
    );
}
