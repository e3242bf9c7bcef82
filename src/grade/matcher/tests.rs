//! Tests of word, phrase and negation matching.

use super::*;
use crate::grade::token::tokenize;
use crate::lang::stemmer;

/// `keyword` found in `answer`: the words and whether the match counts.
fn find(answer: &str, keyword: &str) -> Option<(Vec<String>, bool)> {
    find_turned(answer, keyword, false)
}

fn find_turned(answer: &str, keyword: &str, turned: bool) -> Option<(Vec<String>, bool)> {
    let s = stemmer();
    let mut vocab = Vocab::default();
    let mut words = tokenize(keyword, &s, Parts::Skip);
    let negated = words.len() > 1 && words[0].is_negation();
    if negated {
        words.remove(0);
    }
    let pattern = Pattern::new(words, negated, turned, &mut vocab);
    let a = PreparedAnswer::new(answer, &s, &vocab);
    a.find(&pattern, &vocab).map(|(f, counts)| {
        (
            f.tokens.iter().map(|&i| a.word(i).to_owned()).collect(),
            counts,
        )
    })
}

fn counts(answer: &str, keyword: &str) -> bool {
    find(answer, keyword).is_some_and(|(_, counts)| counts)
}

fn negated(answer: &str, keyword: &str) -> bool {
    find(answer, keyword).is_some_and(|(_, counts)| !counts)
}

#[test]
fn stems_meet() {
    assert!(counts("the data keeps persisting", "persist"));
    assert!(counts("volumes are managed", "volume"));
    assert!(counts("it persisted", "persistence"));
}

#[test]
fn typo_classes() {
    assert!(counts("managed by the deamon", "daemon"), "transposition");
    assert!(counts("managed by the daemn", "daemon"), "deletion");
    assert!(counts("managed by the daemons", "daemon"), "insertion");
    assert!(counts("managed by the daenon", "daemon"), "substitution");
    assert!(
        !counts("managed by the dxemxn", "daemon"),
        "two edits, short word"
    );
    assert!(
        counts("a contaniner", "container"),
        "two edits in 9 letters"
    );
    assert!(!counts("a conteynr", "container"), "three edits");
    assert!(!counts("the tap", "tmp"), "short words need exact");
}

#[test]
fn the_last_letter_changed_in_a_four_letter_word_must_be_a_slip() {
    assert!(counts("the nodr", "node"), "r is next to e");
    assert!(counts("the nida", "nide"), "a vowel for a vowel");
    assert!(counts("the ndoe", "node"), "two letters swapped");
    assert!(counts("the nodes", "node"), "a letter added");
    assert!(counts("a tesk", "task"), "a letter inside");
    assert!(!counts("the lock is held", "help"), "d is nowhere near p");
    assert!(!counts("roast pork", "port"), "another word");
    assert!(counts("data loss", "lose"), "s is next to e");
}

#[test]
fn a_conjunction_is_no_typo_of_a_keyword() {
    // One letter apart, but the answer's word is a function word, not a slip.
    assert!(!counts("since the disk was full", "syncs"));
    assert!(!counts("though the port was open", "through"));
    assert!(counts("the agent synks the files", "syncs"), "a real slip");
}

#[test]
fn a_word_the_bank_uses_is_no_typo_of_another() {
    let s = stemmer();
    let mut vocab = Vocab::with_known(Arc::new(
        ["stage", "loss"].iter().map(|w| Arc::from(*w)).collect(),
    ));
    let pattern = |w: &str, vocab: &mut Vocab| {
        Pattern::new(tokenize(w, &s, Parts::Skip), false, false, vocab)
    };
    let state = pattern("state", &mut vocab);
    let lose = pattern("lose", &mut vocab);
    let found = |text: &str, p: &Pattern| {
        PreparedAnswer::new(text, &s, &vocab)
            .find(p, &vocab)
            .is_some()
    };
    assert!(!found("a build stage", &state), "the bank uses stage");
    assert!(
        found("a build stade", &state),
        "a word the bank does not use"
    );
    assert!(found("data loss", &lose), "only the ending differs");
}

#[test]
fn numbers_and_code_are_exact() {
    assert!(!counts("port 8081", "8080"));
    assert!(counts("port 8080", "8080"));
    assert!(counts("use --mount here", "--mount"));
    assert!(!counts("use --mounts here", "--mount"));
    assert!(!counts("use mount here", "--mount"));
    assert!(counts("run -p 8080:80", "8080:80"));
    assert!(counts(
        "at /var/lib/docker/volumes.",
        "/var/lib/docker/volumes"
    ));
    assert!(
        counts("at /var/lib/docker/volumes", "volume"),
        "words inside a path"
    );
    assert!(counts("set type=tmpfs", "type=tmpfs"));
}

#[test]
fn a_bare_key_meets_the_key_of_a_key_value() {
    assert!(counts("add Wants=network-online.target", "Wants="));
    assert!(counts("add `Wants=` too", "Wants="));
    assert!(counts("--mount=type=tmpfs", "type="));
    assert!(find("add Wanted-By=network-online.target", "Wants=").is_none());
    assert!(find("the unit wants the network", "Wants=").is_none());
    assert!(find("add Requires=network-online.target", "Wants=").is_none());
}

#[test]
fn paths_and_options_are_trimmed_and_split() {
    assert!(counts(
        "under /var/lib/docker/volumes/.",
        "/var/lib/docker/volumes"
    ));
    assert!(counts(
        "in \"/var/lib/docker/volumes/\"",
        "/var/lib/docker/volumes/"
    ));
    assert!(counts(
        "--mount type=tmpfs,destination=/app/cache",
        "type=tmpfs"
    ));
    assert!(counts("write \"target=/app/data\"", "/app/data"));
    assert!(counts("it dials 127.0.0.1:5432", "127.0.0.1"));
    assert!(counts("it dials [::1]:5432", "::1"));
}

#[test]
fn phrases_allow_one_extra_word() {
    assert!(counts("a bind mount", "bind mount"));
    assert!(counts("a bind-mount", "bind mount"));
    assert!(counts("bind it mount", "bind mount"));
    assert!(!counts("bind it to a mount", "bind mount"));
    assert!(!counts("mount bind", "bind mount"));
}

#[test]
fn a_phrase_turned_round_says_the_same() {
    let turned = |answer: &str, keyword: &str| {
        find_turned(answer, keyword, true).is_some_and(|(_, counts)| counts)
    };
    assert!(turned("they share the kernel of the host", "host kernel"));
    assert!(turned("a directory from the host", "host directory"));
    assert!(turned("a folder on the host", "host folder"));
    assert!(
        !turned("the host kernel", "host kernel"),
        "only the turned form"
    );
    assert!(!turned("the kernel and the host", "host kernel"));
}

#[test]
fn negation_discounts() {
    assert_eq!(
        find("it is not stored on disk", "disk"),
        Some((vec!["not".to_owned(), "disk".to_owned()], false))
    );
    assert!(negated("it never persists", "persist"));
    assert!(negated("it doesn't persist", "persist"));
    assert!(
        negated("it doesnt persist", "persist"),
        "without an apostrophe"
    );
    assert!(negated("works without a volume", "volume"));
    assert!(
        counts("not on disk, it persists", "persist"),
        "a clause ends it"
    );
    assert!(counts("not only fast but persistent", "fast"));
    assert!(
        counts("it is not here but it persists, yes persists", "persist"),
        "a later match outside the negation counts"
    );
}

#[test]
fn negation_reaches_content_words_not_raw_words() {
    assert!(
        negated("it is not something the Docker daemon manages", "manage"),
        "stop words do not use up the reach"
    );
    assert!(negated(
        "the name doesn't really get resolved by DNS",
        "resolve"
    ));
    assert!(
        counts("no doubt one two three four persists", "persist"),
        "out of reach"
    );
    assert!(negated("it is not managed or kept", "kept"), "or goes on");
    assert!(
        counts("it doesn't need -p and shares the host stack", "share"),
        "and ends it"
    );
    assert!(counts("nothing except lo", "lo"), "except opens a clause");
    assert!(negated(
        "with a bind mount Docker manages nothing",
        "manage"
    ));
    assert!(counts("no NAT, while host mode shares the stack", "share"));
    assert!(negated(
        "use a named volume instead of a bind mount",
        "bind mount"
    ));
    assert!(negated(
        "use tmpfs rather than a named volume",
        "named volume"
    ));
}

/// A cue that sets one thing against another negates that thing, not the main clause
/// after it, comma or not: "unlike a VM it shares the host kernel" shares it.
#[test]
fn a_comparing_cue_ends_at_the_main_clause_s_subject() {
    assert!(counts("unlike a VM it shares the host kernel", "kernel"));
    assert!(counts("unlike a thread pool they spawn a process", "spawn"));
    assert!(counts(
        "instead of a bind mount it uses a named volume",
        "named volume"
    ));
    assert!(counts(
        "rather than polling we subscribe to events",
        "subscribe"
    ));
    assert!(negated("unlike a VM it shares the host kernel", "vm"));
    assert!(negated(
        "instead of a bind mount it uses a named volume",
        "bind mount"
    ));
    // Without a pronoun subject the cue still reaches its content words.
    assert!(negated("unlike the shared host kernel", "kernel"));
}

#[test]
fn a_denying_predicate_negates_the_clause_before_it() {
    assert!(negated("backups aren't needed", "backup"));
    assert!(negated("raising --cpus won't help", "--cpus"));
    assert!(negated("the order of the steps doesn't matter", "order"));
    assert!(negated("CPU is not the problem here", "cpu"));
    assert!(negated("ordering is irrelevant", "order"));
    assert!(negated("adding more CPU won't help", "cpu"));
    assert!(
        counts("host mode doesn't need -p", "host"),
        "a verb with an object says something of its subject"
    );
    assert!(
        counts("the cache is kept, so rebuilding is not needed", "cache"),
        "only its own clause"
    );
    assert!(
        counts("avoid it by using a volume", "volume"),
        "avoid it by"
    );
    assert!(
        counts("unlike a named volume which persists on disk", "persist"),
        "a relative clause"
    );
    assert!(negated("avoid bind mounts in production", "bind mount"));
    assert!(negated(
        "restarting the container won't fix it",
        "container"
    ));
    assert!(
        counts("linked lists have no fixed size", "linked list"),
        "fixed is an adjective here, not the remedy of \"won't fix\""
    );
    assert!(
        counts("link lists dont have a fixed size", "link list"),
        "nor here"
    );
    assert!(negated("memory isn't really the problem", "memory"));
    assert!(negated("Keeping TLS 1.0 enabled is not acceptable", "1.0"));
    assert!(negated("running as root is not allowed", "root"));
    assert!(negated("latest tags are not OK in production", "latest"));
    assert!(negated("running as root isn't a good idea", "root"));
    assert!(negated("running as root is a bad idea", "root"));
    assert!(negated("running as root is unacceptable", "root"));
    assert!(
        counts("the policy doesn't allow root", "policy"),
        "a verb with an object, by word"
    );
    assert!(
        counts("Docker wasn't allowed to create the directory", "docker"),
        "a verb after it: its subject does something"
    );
    assert!(negated("more CPU is not the main bottleneck", "cpu"));
    assert!(
        counts(
            "recursion stops if the step does not simplify the problem",
            "recursion"
        ),
        "the problem is what is not simplified"
    );
}

#[test]
fn fails_to_unable_to_and_lacks_negate() {
    assert!(negated(
        "Python fails to create a new one on each call",
        "each call"
    ));
    assert!(negated("a partial change fails to remain", "remain"));
    assert!(negated(
        "a failing readinessProbe fails to trigger any restart",
        "restart"
    ));
    assert!(negated("the runtime is unable to share memory", "memory"));
    assert!(negated("the scratch image lacks a shell", "shell"));
    assert!(
        counts("if one statement fails, the rest is undone", "undone"),
        "a failure is no negation"
    );
    assert!(counts("a failing probe restarts the pod", "restart"));
}

#[test]
fn words_that_stress_a_negation_do_not_use_up_its_reach() {
    assert!(negated(
        "values come out without ever materialising the full sequence in memory",
        "memory"
    ));
    assert!(negated(
        "a Service is not a thing that would ever give the pods a stable IP",
        "stable"
    ));
    assert!(negated(
        "it does not in any way really keep the whole list",
        "whole list"
    ));
    assert!(
        counts("no doubt one two three four persists", "persist"),
        "other words still do"
    );
}

#[test]
fn a_time_clause_ends_a_negation() {
    let answer = "write-back dont write the store until later";
    assert!(counts(answer, "later"), "not ... until later: later");
    assert!(negated(answer, "store"));
    assert!(counts(
        "old pods are not terminated before new ones are ready",
        "ready"
    ));
}

#[test]
fn a_cleft_with_a_negated_relative_negates_what_it_fronts() {
    assert!(negated(
        "A new list on every call is exactly what does not happen",
        "every call"
    ));
    assert!(negated(
        "persisting the data is what tmpfs never does",
        "persist"
    ));
    assert!(
        counts(
            "the writable layer shows what does not persist",
            "writable layer"
        ),
        "no cleft without *is what*"
    );
}

#[test]
fn a_negated_existence_denies_its_subject() {
    assert!(negated(
        "No: a separate state for the child module doesn't exist",
        "separate state"
    ));
    assert!(negated("a new list on each call never happens", "new list"));
    assert!(negated("a dirty read does not occur here", "dirty read"));
    assert!(negated("a guest kernel is nonexistent", "guest kernel"));
    assert!(negated("the lock file doesnt exist", "lock file"));
    assert!(
        counts("the lock file exists, but nobody reads it", "lock file"),
        "a plain existence"
    );
    assert!(negated("the volume does not exist yet", "volume"));
    assert!(
        counts("the target doesn't exist in the image", "target"),
        "where it is not: a claim about the target"
    );
    assert!(
        counts(
            "it deletes volumes not used by any existing container",
            "delete"
        ),
        "an adjective *existing* denies nothing"
    );
}

#[test]
fn a_cleft_on_something_it_never_does_negates_what_it_fronts() {
    assert!(negated(
        "an exclusive lock is something it never does take",
        "exclusive lock"
    ));
    assert!(negated(
        "root access is the one thing Docker won't give you",
        "root access"
    ));
    assert!(negated(
        "a full copy is something the snapshot never makes",
        "full copy"
    ));
    assert!(negated(
        "an exclusive lock is not something it takes",
        "exclusive lock"
    ));
    assert!(negated(
        "a new list is not what Python builds on each call",
        "new list"
    ));
    assert!(negated("the lock is never anything you need", "lock"));
    assert!(
        counts("the image ID is something that never changes", "image id"),
        "X is the subject of the negated relative"
    );
    assert!(
        counts("the lock is not something that blocks reads", "lock"),
        "no subject of its own in the relative"
    );
    assert!(
        counts("the proxy sees something it never forwards", "proxy"),
        "no copula before the head"
    );
}

#[test]
fn a_negated_saving_names_what_is_used() {
    assert!(
        counts(
            "a generator yields values without any memory saving",
            "memory"
        ),
        "the saving is negated, the memory is used"
    );
    assert!(negated(
        "a generator yields values without any memory saving",
        "saving"
    ));
    assert!(counts("there is no disk reduction at all", "disk"));
    assert!(negated("there is no disk usage at all", "disk"));
}

#[test]
fn every_form_of_negation_negates_near_and_far() {
    // Each form, right before the term and a few stop words away from it.
    for (answer, term) in [
        (
            "neither the volume nor the bind mount is copied",
            "bind mount",
        ),
        ("neither volumes nor bind mounts", "volume"),
        ("Docker no longer manages it", "manage"),
        ("the daemon is no longer the one that manages it", "manage"),
        ("it runs without a daemon", "daemon"),
        ("it runs without any of the help of a daemon", "daemon"),
        ("the build fails to reuse the cache", "cache"),
        ("the build fails to make any use of the cache", "cache"),
        ("the layer isnt shared", "shared"),
        ("the layer isnt ever going to be shared", "shared"),
        ("dont keep secrets in the image", "secret"),
        ("dont ever put any of the secrets in the image", "secret"),
        ("the data is not encrypted", "encrypted"),
        ("the data is not at all encrypted", "encrypted"),
        ("it never restarts", "restart"),
        ("it does not ever get restarted", "restart"),
        ("the pod cannot be rescheduled", "reschedule"),
        ("the pod can't be rescheduled", "reschedule"),
        ("the session key isn't something it reuses", "session key"),
        ("persisting data is what tmpfs won't do", "persist"),
        ("a new thread does not happen", "new thread"),
    ] {
        assert!(negated(answer, term), "{answer}: {term}");
    }
}

#[test]
fn a_negation_inside_another_cancels_it() {
    // The *no* of a denied claim is denied with it.
    assert!(negated("it doesn't mean no duplicates", "no duplicates"));
    assert!(counts("it doesn't mean no duplicates", "duplicates"));
    assert!(counts("there are no duplicates", "no duplicates"));
    assert!(negated(
        "it is not true that messages are never duplicated",
        "never duplicated"
    ));
    assert!(counts("messages are never duplicated", "never duplicated"));
    assert!(counts("a container cannot run without a kernel", "kernel"));
    assert!(counts(
        "it does not in any way save you from having them all in memory",
        "memory"
    ));
    assert!(negated(
        "a generator saves you from having them all in memory",
        "memory"
    ));
    assert!(
        negated("neither volumes nor bind mounts", "bind mount"),
        "neither ... nor"
    );
    assert!(negated("no NAT no port mapping", "port mapping"), "a list");
    assert!(
        negated("no it does not manage the folder", "manage"),
        "two negating words each negate"
    );
    assert!(counts("the probe never fails to restart it", "restart"));
}

#[test]
fn a_negated_keyword_wants_the_negation() {
    assert_eq!(
        find("data is not lost", "not lost"),
        Some((vec!["not".to_owned(), "lost".to_owned()], true))
    );
    assert_eq!(
        find("data is lost", "not lost"),
        Some((vec!["lost".to_owned()], false))
    );
    assert!(counts("it is never stored on disk", "not disk"));
}

#[test]
fn what_a_word_matches_is_remembered_per_vocabulary() {
    let s = stemmer();
    let pattern = |w: &str, vocab: &mut Vocab| {
        Pattern::new(tokenize(w, &s, Parts::Skip), false, false, vocab)
    };
    let found = |p: &Pattern, vocab: &Vocab| {
        PreparedAnswer::new("the deamon", &s, vocab)
            .find(p, vocab)
            .is_some()
    };
    let mut vocab = Vocab::default();
    let daemon = pattern("daemon", &mut vocab);
    assert!(found(&daemon, &vocab), "a typo");
    let mut other = Vocab::default();
    let volume = pattern("volume", &mut other);
    assert!(!found(&volume, &other));
    assert!(found(&daemon, &vocab), "again, after another vocabulary");
    // The vocabulary grows: the word is now a keyword word as written, and no typo of
    // another.
    let deamon = pattern("deamon", &mut vocab);
    assert!(found(&deamon, &vocab));
    assert!(
        !found(&daemon, &vocab),
        "not what it matched before the change"
    );
}

#[test]
fn a_negation_cut_off_by_an_aside_goes_on_after_it() {
    assert!(negated(
        "The page cache is not, in most setups, flushed on every write",
        "flushed"
    ));
    assert!(negated(
        "Git does not, for a fast-forward, create a merge commit",
        "merge commit"
    ));
    assert!(
        !negated(
            "Git does not, for a fast-forward, create a merge commit",
            "fast-forward"
        ),
        "the aside itself is not negated"
    );
    assert!(negated(
        "The cron job does not, with the stock settings the package ships, rotate the logs",
        "rotate"
    ));
    assert!(negated(
        "A snapshot is not, contrary to what the console suggests, a backup",
        "backup"
    ));
    assert!(
        counts("No, in practice, the job retries", "retries"),
        "a reply negates nothing after it"
    );
    assert!(
        counts(
            "It does not, in practice, the scheduler retries it",
            "retries"
        ),
        "a clause with a subject of its own is not the cue's"
    );
    assert!(
        counts("It is not slow, even under load, and scales out", "scales"),
        "a cue that reached its word ends at the comma"
    );
}

#[test]
fn a_denied_existence_leaves_the_setting_that_opens_its_clause_plain() {
    let answer = "In production the debug endpoint doesn't exist";
    assert!(counts(answer, "production"), "when or where it is denied");
    assert!(negated(answer, "debug endpoint"));
    assert!(
        negated("In production doesn't exist", "production"),
        "a setting with nothing after it is what is denied"
    );
    assert!(negated("A debug endpoint is pointless", "debug endpoint"));
}

#[test]
fn examples_of_a_denied_thing_are_denied_with_it() {
    assert!(negated(
        "None of the heavy tools, such as a compiler, end up in the final image",
        "compiler"
    ));
    assert!(negated(
        "The slim image ships no build tools, e.g. a compiler or make",
        "compiler"
    ));
    assert!(
        counts(
            "The final image keeps the small files, such as the compiler output",
            "compiler"
        ),
        "examples of a thing said plainly are plain"
    );
    assert!(
        counts(
            "It removes the volumes no container uses, including those of a compiler job",
            "compiler"
        ),
        "an including may add to the subject"
    );
}

#[test]
fn none_heading_a_subject_leaves_the_verb_before_it_plain() {
    let answer =
        "The session is held in memory and none of it is ever, at any point, written to disk";
    assert!(counts(answer, "memory"));
    assert!(negated(answer, "written"));
    assert!(negated(
        "with a bind mount Docker manages nothing",
        "manage"
    ));
}

#[test]
fn a_second_ing_form_after_and_stays_under_the_cue() {
    let answer =
        "rather than restarting the pod by hand and keeping the old config, roll out a new one";
    assert!(negated(answer, "keeping"));
    assert!(counts(answer, "roll out"), "the comma ends it");
    assert!(
        counts(
            "instead of polling, it waits and keeps the socket open",
            "keeps"
        ),
        "a verb after and is the subject's"
    );
}

#[test]
fn a_belief_reported_is_not_claimed() {
    let answer =
        "Many people assume the index also covers the deleted rows of the table; it does not.";
    assert!(negated(answer, "deleted rows"));
    assert!(negated(
        "Beginners often think a rebase keeps the original commit hashes",
        "original commit"
    ));
    assert!(counts(
        "I think the index covers the deleted rows",
        "deleted rows"
    ));
}

#[test]
fn a_compound_whose_first_piece_makes_another_thing_is_not_its_last_piece() {
    assert!(counts("a certificate signed by the CA", "signed"));
    assert!(find("a self-signed certificate", "signed").is_none());
    assert!(counts("a self-signed certificate", "self-signed"));
    assert!(find("non-blocking sockets", "blocking").is_none());
    assert!(counts("non-blocking sockets", "non-blocking"));
    assert!(find("semi-synchronous replication", "synchronous").is_none());
    assert!(
        counts("short-lived tokens", "lived"),
        "a kind of its last piece"
    );
}

#[test]
fn a_time_clause_opened_by_once_after_a_negation_is_said_plainly() {
    let answer = "the cache entry is not in any way kept once the server restarts";
    assert!(negated(answer, "kept"));
    assert!(counts(answer, "restarts"), "once ...: the restart happens");
    let answer = "a replica is never promoted once the primary is back";
    assert!(negated(answer, "promoted"));
    assert!(counts(answer, "back"));
    assert!(
        negated("it never holds all of them at once in memory", "memory"),
        "at once is no time clause"
    );
}

#[test]
fn a_negated_be_goes_on_past_an_aside_of_any_length() {
    assert!(negated(
        "Redis is not, as far as anyone on the team remembers from the release notes, the default cache",
        "default"
    ));
    assert!(negated(
        "The cron job does not, for reasons the whole team found hard to explain to me, run on Sundays",
        "run"
    ));
    assert!(
        counts(
            "It does not, in practice, the scheduler retries it",
            "retries"
        ),
        "after a verb's negation an article opens a subject of its own"
    );
}

#[test]
fn it_is_not_the_case_that_denies_the_predicate_not_the_subject() {
    let answer = "It is not the case that the index was rebuilt after the migration";
    assert!(counts(answer, "index"), "the index exists");
    assert!(negated(answer, "rebuilt"));
    let answer = "It isn't true that the broker keeps every message forever";
    assert!(counts(answer, "broker"));
    assert!(negated(answer, "keeps"));
    assert!(
        !negated(
            "it is not true that messages are never duplicated",
            "duplicated"
        ),
        "a double negation"
    );
    assert!(negated(
        "the case is not that big, it is not a problem",
        "big"
    ));
}

#[test]
fn a_claim_named_to_reject_it_is_not_made() {
    let answer = "Adding more replicas is the classic wrong fix for a slow query";
    assert!(negated(answer, "replicas"));
    assert!(negated(answer, "fix"));
    assert!(negated(
        "Turning off the firewall is a common mistake",
        "firewall"
    ));
    assert!(negated("Restarting the pod is wrong", "restarting"));
    assert!(negated(
        "That SSDs wear out in a year is a myth",
        "wear out"
    ));
    assert!(counts(
        "The alert was a false positive from the probe",
        "alert"
    ));
    assert!(
        counts(
            "If you mount the wrong path, Docker creates a folder",
            "mount"
        ),
        "no form of be: the wrong thing is named, not rejected"
    );
}

#[test]
fn a_privative_word_negates_its_root() {
    assert!(negated("JWT auth is stateless", "state"));
    assert!(negated("the backup disk is unencrypted", "encrypted"));
    assert!(negated("a passwordless login with SSH keys", "password"));
    assert!(
        counts("the backup disk is never unencrypted", "encrypted"),
        "a double negation"
    );
    assert!(
        find("the backup disk is encrypted", "unencrypted").is_none(),
        "the contrary is no typo"
    );
    assert!(find("the backup disk is unencrypted", "encrypted").is_some_and(|(_, c)| !c));
    assert!(counts("the backup disk is unencrypted", "unencrypted"));
    assert!(find("regardless of the load", "regard").is_none());
}

#[test]
fn a_snake_case_code_word_meets_a_typo_in_one_of_its_words() {
    assert!(counts(
        "wait with condition: service_healty on the api",
        "service_healthy"
    ));
    assert!(counts(
        "raise max_conections in postgresql.conf",
        "max_connections"
    ));
    assert!(find("wait with condition: service_started", "service_healthy").is_none());
    assert!(find("set max_connection_pool", "max_connections").is_none());
    assert!(
        find("set ip_adr", "ip_addr").is_none(),
        "too short for a typo"
    );
    assert!(
        find("use service_healthy_check", "service_healthy").is_none(),
        "another number of words"
    );
}

/// Issue 11 probe 8, lines 22 and 37: a keyword `no-referrer` is a name, met by the name
/// and not by a *no* that negates a word of it; the *no* of such a name negates nothing,
/// so a cue-led keyword `not sent` is not met through it.
#[test]
fn a_hyphenated_name_with_no_is_a_name_and_no_cue() {
    assert!(counts("set no-referrer on the links", "no-referrer"));
    assert!(
        find(
            "no-store keeps nothing, and the referrer is sent",
            "no-referrer"
        )
        .is_none()
    );
    assert!(!counts("with no-referrer the origin is sent", "not sent"));
    assert!(counts(
        "with no-referrer the full address is not sent",
        "not sent"
    ));
}

/// Issue 11 probe 8, lines 105 and 104: a mode with a leading zero is that mode, a
/// symbolic mode says its digits, and a version range names its bound.
#[test]
fn modes_and_ranges_meet_the_numbers_they_name() {
    assert!(counts("chmod 0600 the key", "600"));
    assert!(counts("chmod 600 the key", "0600"));
    assert!(counts("the key is -rw------- now", "600"));
    assert!(!counts("the key is -rw------- now", "644"));
    assert!(!counts("port 0800 is closed", "800"));
    assert!(counts("pin it with ~3.1.0", "3.1.0"));
    assert!(counts("it allows <3.0.0 only", "3.0.0"));
    assert!(counts("it allows <3.0.0 only", "<3.0.0"));
    assert!(!counts("it allows 3.0.0 only", "<3.0.0"));
}

/// Issue 11 probe 8's author (gap 6): *half-* makes another state than its last piece.
#[test]
fn half_open_is_no_open() {
    assert!(find("the valve is half-open", "open").is_none());
    assert!(counts("the valve is half-open", "half-open"));
    assert!(counts("the valve opens again", "open"));
    assert!(counts("the valve is wide open", "open"));
}

/// Round 16: a *to* in the gap of a phrase sets its words apart: "from the guest to
/// port 3000" says no `guest port 3000`, where another word in the gap only qualifies
/// the phrase ("the guest TCP port 3000").
#[test]
fn a_to_in_the_gap_of_a_phrase_parts_its_words() {
    assert!(!counts(
        "traffic from the guest to port 3000 of the router",
        "guest port 3000"
    ));
    assert!(counts(
        "it listens on guest TCP port 3000",
        "guest port 3000"
    ));
    assert!(counts("it listens on guest port 3000", "guest port 3000"));
    // A keyword with a *to* of its own meets it.
    assert!(counts("map the guest to port 3000", "guest to port"));
}

/// Round 16: a unit of time after a number meets the same quantity in any spelling.
#[test]
fn a_quantity_of_time_meets_its_other_spellings() {
    for answer in [
        "retry after 45 s",
        "retry after 45s",
        "retry after 45 sec",
        "a 45-second retry",
        "retry after 45 seconds",
    ] {
        for keyword in ["45 seconds", "45s", "45 s", "45-second", "45 secs"] {
            assert!(counts(answer, keyword), "{answer} / {keyword}");
        }
        assert!(!counts(answer, "45 minutes"), "{answer}");
    }
    // A size stays a size.
    assert!(counts("run it with 768m", "768m"));
    assert!(!counts("run it with 768m", "768 minutes"));
}

#[test]
fn a_negated_imperative_denies_each_verb_an_or_joins_to_it() {
    let said = "Never copy the signing key onto the build agent or store it in the image.";
    assert!(negated(said, "store"), "the second verb is denied too");
    assert!(negated(said, "image"));
    // A consequence after *or* is said plainly, and so is a plain statement's *or*.
    let said = "Don't copy the signing key onto the build agent or you will leak it.";
    assert!(counts(said, "leak"));
}

#[test]
fn a_cue_reaches_past_an_aside_that_holds_a_clause() {
    assert!(negated(
        "The token is not, when the job finishes, revoked by the runner.",
        "revoked"
    ));
    assert!(negated(
        "The swap file is not, whatever the wiki claims, encrypted at rest.",
        "encrypted"
    ));
    assert!(negated(
        "The lease is not, at any moment while the node sleeps or after it wakes, renewed.",
        "renewed"
    ));
    // A subject after the aside opens a clause of its own, said plainly.
    assert!(counts(
        "The cache is not warm, and when the node restarts, it rebuilds the index.",
        "rebuilds"
    ));
}

#[test]
fn the_nobody_user_is_a_name_not_a_negation() {
    assert!(counts(
        "the agent drops to the nobody user before it reads the socket",
        "reads"
    ));
    assert!(counts(
        "the worker runs as nobody and reads the spool",
        "reads"
    ));
    assert!(negated("nobody reads the spool", "reads"));
}

#[test]
fn the_none_network_mode_is_a_name_not_a_negation() {
    assert!(counts(
        "start the job with --network none and it stays sealed off",
        "sealed"
    ));
    assert!(counts("the none driver keeps the sandbox sealed", "sealed"));
    assert!(counts("pick none mode, which keeps it sealed", "sealed"));
    assert!(negated("none of the sandboxes stay sealed", "sealed"));
}

/// Round 40 (w68-mneg2): the *all* of "not ... at all" only stresses the denial, and a
/// keyword `all` does not meet it, negated or not (on main it was met negated, and
/// against a model answer that says *all* read as its opposite); a quantifier *all*,
/// under a negation or not, is still met.
#[test]
fn the_all_of_not_at_all_is_no_keyword_all() {
    for answer in [
        "The kubelet does not delete the pod at all.",
        "NULL isn't zero at all: it is unknown.",
        "It does not help at all, since every stream waits.",
        "HTTP/3 never runs over TCP at all",
    ] {
        assert!(find(answer, "all").is_none(), "{answer}");
    }
    assert!(counts("A lost segment stalls all the streams.", "all"));
    assert!(negated("It is not available at all times.", "all"));
    assert!(negated("The proxy does not cache all responses.", "all"));
}
