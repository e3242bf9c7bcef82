//! Well-known facts, through the grader: subjects and wordings of their own, a wrong
//! fact and a right answer beside it for each rule.

use crate::bank::Bank;
use crate::grade::tests::{any_bank, grade};

fn fails_with(bank: &Bank, answer: &str, role: &str) {
    let g = grade(bank, answer);
    assert!(!g.passed, "{answer}: {g:?}");
    assert!(
        g.contradictions.iter().any(|c| c.role.ends_with(role)),
        "{answer}: {:?}",
        g.contradictions
    );
}

fn passes(bank: &Bank, answer: &str) {
    let g = grade(bank, answer);
    assert!(g.passed, "{answer}: {g:?}");
}

fn postgres_reachable() -> Bank {
    any_bank(
        "A reporting job on another host cannot reach PostgreSQL. What do you check?",
        "That listen_addresses includes the server's address and that pg_hba.conf allows \
         the job's network, then that the firewall lets the job reach the server.",
        &[
            &["listen_addresses"],
            &["pg_hba.conf", "pg_hba"],
            &["firewall"],
        ],
    )
}

#[test]
fn a_port_of_another_service_said_of_the_asked_one_contradicts() {
    let bank = postgres_reachable();
    for answer in [
        "Check listen_addresses and pg_hba.conf, and open the firewall for PostgreSQL on port 3306.",
        "Postgres listens on 27017 by default, so open that in the firewall; also check \
         listen_addresses and pg_hba.conf.",
        "Open the firewall for postgres:6379, then check listen_addresses and pg_hba.conf.",
    ] {
        fails_with(&bank, answer, "port");
    }
    let g = grade(
        &bank,
        "Check listen_addresses and pg_hba.conf, and open the firewall for PostgreSQL on port 3306.",
    );
    let line = g.contradictions[0].to_string();
    assert!(line.contains("postgres listens on `5432`"), "{line}");
    assert!(line.contains("3306 is mysql's port"), "{line}");
}

#[test]
fn a_port_of_the_right_service_or_of_a_service_named_is_no_error() {
    let bank = postgres_reachable();
    for answer in [
        "Check listen_addresses and pg_hba.conf, and open the firewall for PostgreSQL on port 5432.",
        // The other service is named: its port is its own.
        "Check listen_addresses and pg_hba.conf; open the firewall for PostgreSQL, and \
         leave MySQL on 3306 closed.",
        // Not said of the service: a number of another thing.
        "Check listen_addresses and pg_hba.conf, and the firewall; PostgreSQL had 3306 \
         rows in that table.",
        // Under a negation.
        "Check listen_addresses, pg_hba.conf and the firewall: PostgreSQL does not use 3306.",
        // A web port may serve anything.
        "Check listen_addresses and pg_hba.conf, and the firewall for PostgreSQL behind \
         the proxy on 443.",
    ] {
        passes(&bank, answer);
    }
}

fn leader_commit() -> Bank {
    any_bank(
        "When does a ZooKeeper ensemble commit a proposal?",
        "The leader sends the proposal to every follower and commits it once a majority \
         of the ensemble has acknowledged it.",
        &[
            &["leader"],
            &["majority", "quorum"],
            &["acknowledged", "acks"],
        ],
    )
}

#[test]
fn a_majority_that_is_no_majority_contradicts() {
    let bank = leader_commit();
    for answer in [
        "The leader commits once a majority has acknowledged it; with seven servers a \
         majority is three.",
        "The leader waits until a quorum of 4 is 2 acks, then commits.",
        "In a five-node ensemble a majority is 2, so the leader commits after two acks.",
    ] {
        fails_with(&bank, answer, "majority");
    }
}

#[test]
fn waiting_for_every_member_where_a_majority_is_enough_contradicts() {
    let bank = leader_commit();
    for answer in [
        "The leader commits the proposal once every follower has acknowledged it.",
        "The leader sends the proposal out and waits for all the servers to acknowledge \
         it before it commits.",
        "Only after all of the members have acked does the leader commit.",
    ] {
        fails_with(&bank, answer, "quorum");
    }
}

#[test]
fn every_member_without_a_wait_or_with_a_majority_is_no_error() {
    let bank = leader_commit();
    for answer in [
        // Sending to every follower is right; the wait is for a majority.
        "The leader sends the proposal to every follower and commits it once a majority \
         has acknowledged it.",
        "The leader commits once most of the ensemble has acknowledged it, not when all \
         servers have.",
        "It does not wait for all the followers: once a quorum acknowledged, the leader \
         commits.",
    ] {
        passes(&bank, answer);
    }
    // A question whose own texts wait for every member (two-phase commit) is not
    // about a quorum at all.
    let unanimous = any_bank(
        "When does a two-phase commit coordinator commit, and why is it not a majority?",
        "Only once every node has voted yes: unlike a quorum protocol, a single no vote \
         aborts the transaction.",
        &[&["every node", "all nodes"], &["voted yes", "vote yes"]],
    );
    passes(
        &unanimous,
        "The coordinator commits only once all nodes have voted yes, never on a majority.",
    );
}

#[test]
fn a_right_majority_or_an_uncounted_one_is_no_error() {
    let bank = leader_commit();
    for answer in [
        "The leader commits once a majority has acknowledged it; with seven servers a \
         majority is four.",
        "The leader waits until a quorum of 4 is 3 acks, then commits.",
        "With three servers the leader commits once a majority has acknowledged it, two \
         of them.",
        // Two counts in the sentence: which one is counted is unclear.
        "With five servers and three clients, a majority is three, and the leader \
         commits when they acknowledged it.",
    ] {
        passes(&bank, answer);
    }
}

fn signed_commit() -> Bank {
    any_bank(
        "How do you make a commit that others can verify came from you?",
        "Sign it with your GPG key: git commit -S, and publish the public key so others \
         can verify the signature.",
        &[&["gpg"], &["-s", "sign", "signed"], &["verify", "verified"]],
    )
}

#[test]
fn a_flag_in_the_other_case_contradicts() {
    let bank = signed_commit();
    let answer = "Sign it with GPG using git commit -s so others can verify it.";
    fails_with(&bank, answer, "flag");
    let g = grade(&bank, answer);
    assert!(
        g.contradictions[0].to_string().contains("`commit -S`"),
        "{g:?}"
    );
}

#[test]
fn a_flag_in_the_model_case_or_typed_without_capitals_is_no_error() {
    let bank = signed_commit();
    passes(
        &bank,
        "Sign it with GPG using git commit -S so others can verify it.",
    );
    passes(
        &bank,
        "Use git commit -S, not git commit -s, to sign it with GPG; others verify it.",
    );
    // Typed all in lower case, the case says nothing.
    passes(
        &bank,
        "sign it with gpg using git commit -s so others can verify it",
    );
    // Another command's flag says nothing of this one's.
    passes(
        &bank,
        "Sign it with GPG: git commit -S; others verify it, and ls -s lists sizes.",
    );
    let listing = any_bank(
        "How do you list a folder with everything under it?",
        "Run ls -R on it, which lists every subfolder recursively.",
        &[&["ls"], &["-r", "recursively"]],
    );
    fails_with(
        &listing,
        "Run ls -r on the folder to list it recursively.",
        "flag",
    );
    passes(&listing, "Run ls -R on the folder to list it recursively.");
}

fn nice_priority() -> Bank {
    any_bank(
        "How do you give a backup job the lowest CPU priority?",
        "Start it with nice -n 19 so the scheduler favours every other process; a niceness \
         of -20 would make it the most favoured instead.",
        &[&["nice"], &["19"], &["priority", "favours", "lowest"]],
    )
}

fn oom_guard() -> Bank {
    any_bank(
        "How do you keep the OOM killer away from the database?",
        "Write -1000 to the database's oom_score_adj, which exempts it from the OOM killer.",
        &[&["oom_score_adj"], &["-1000", "exempt", "exempts"]],
    )
}

#[test]
fn a_number_with_its_sign_turned_round_contradicts() {
    let bank = oom_guard();
    for answer in [
        "Write +1000 to the database's oom_score_adj so the OOM killer exempts it.",
        "Set the database's oom_score_adj to 1000, which exempts it from the OOM killer.",
    ] {
        fails_with(&bank, answer, "sign");
    }
    let g = grade(
        &bank,
        "Write +1000 to the database's oom_score_adj so the OOM killer exempts it.",
    );
    let line = g.contradictions[0].to_string();
    assert!(line.contains("sign \"+1000\""), "{line}");
    assert!(line.contains("`-1000`"), "{line}");
    // A positive sign turned negative.
    let offset = any_bank(
        "What time is it in Berlin at 12:00 UTC in winter?",
        "13:00, since Berlin's offset from UTC in winter is +1 hour.",
        &[&["13:00"], &["offset"]],
    );
    fails_with(
        &offset,
        "13:00: Berlin's offset from UTC in winter is -1 hour.",
        "sign",
    );
}

#[test]
fn the_model_sign_a_range_a_negation_or_another_sentence_is_no_error() {
    let bank = oom_guard();
    for answer in [
        "Write -1000 to the database's oom_score_adj, which exempts it from the OOM killer.",
        "Write minus 1000 to the database's oom_score_adj: the OOM killer then exempts it.",
        // The answer writes the model's sign too: a range.
        "oom_score_adj runs from -1000 to 1000; write -1000 to the database's to exempt it \
         from the OOM killer.",
        // Under a negation.
        "Write -1000 to the database's oom_score_adj, not +1000, so the OOM killer exempts it.",
        // Another thing's number.
        "Write -1000 to the database's oom_score_adj. The OOM killer exempts it; it ran \
         with 1000 connections.",
    ] {
        passes(&bank, answer);
    }
    // A number the question also writes unsigned is not the model's sign alone.
    let bank = nice_priority();
    passes(
        &bank,
        "Run it with nice -n 19: the scheduler favours every other process, and 20 levels \
         of niceness sit below zero.",
    );
}

#[test]
fn signs_are_read_as_written() {
    let words: Vec<&str> = "set -1000 or +5, minus 20, 1.5 and -2.5; n-1 ipv4 1000ms (-7) x=-3"
        .split_whitespace()
        .collect();
    let found: Vec<(char, String)> = super::signed_numbers(&words)
        .into_iter()
        .map(|(_, sign, digits)| (sign, digits))
        .collect();
    let want = [
        ('-', "1000"),
        ('+', "5"),
        ('-', "20"),
        (' ', "1.5"),
        ('-', "2.5"),
        ('-', "7"),
        ('-', "3"),
    ];
    let want: Vec<(char, String)> = want.iter().map(|(s, d)| (*s, (*d).to_owned())).collect();
    assert_eq!(found, want);
}

fn metrics_exposed() -> Bank {
    any_bank(
        "A Prometheus exporter on a public VM answers scrapes from anywhere. How do you \
         keep it private?",
        "Bind it to the loopback, --web.listen-address=127.0.0.1:9100, and let Prometheus \
         reach it through an SSH tunnel or a reverse proxy with authentication.",
        &[&["loopback", "127.0.0.1"], &["tunnel", "proxy"]],
    )
}

#[test]
fn an_address_said_to_reach_what_the_other_kind_reaches_contradicts() {
    let bank = metrics_exposed();
    for answer in [
        "Set the listen address to 0.0.0.0:9100, which limits the exporter to the \
         loopback, and scrape it through an SSH tunnel.",
        "Listen on the loopback through a tunnel; 127.0.0.1 means the exporter answers on \
         every interface, which is fine behind the proxy.",
    ] {
        fails_with(&bank, answer, "address");
    }
}

#[test]
fn an_address_with_its_own_scope_or_beside_another_is_no_error() {
    let bank = metrics_exposed();
    for answer in [
        "Bind it to 127.0.0.1:9100, which limits it to the loopback, and use an SSH tunnel.",
        "Stop listening on 0.0.0.0, which is every interface; bind 127.0.0.1 instead, the \
         loopback, and scrape through a tunnel.",
        "Not 0.0.0.0 but the loopback: 127.0.0.1:9100, reached through a tunnel.",
        "0.0.0.0 is reachable from localhost too, so bind to the loopback and use a tunnel.",
        "Change 0.0.0.0 to the loopback address and reach it with a tunnel or a proxy.",
        // A loopback address as a place to connect to, not what a listener binds.
        "Bind the loopback and use a tunnel: curl localhost:9100, which is published \
         on all interfaces of the proxy.",
    ] {
        passes(&bank, answer);
    }
}

fn resolver_cache() -> Bank {
    any_bank(
        "Why does a host keep a local cache of DNS lookups?",
        "Looking a name up again for every request costs a round trip to the resolver; a \
         local cache answers repeated lookups from memory until each record's TTL runs out.",
        &[&["cache"], &["ttl"], &["round trip", "latency"]],
    )
}

#[test]
fn an_absolute_claim_no_text_makes_contradicts() {
    let bank = resolver_cache();
    for answer in [
        "The cache saves a round trip per lookup and honours the TTL, and a negative \
         answer is held indefinitely.",
        "It saves the round trip; records expire with their TTL, but the cache itself \
         grows without any limit.",
        "The cache saves a round trip and follows the TTL, so a cached answer is \
         guaranteed to be current.",
        "It saves the round trip and keeps records for their TTL; a failed lookup is \
         retried until it succeeds.",
        "A cache saves the round trip; a record outlives its TTL until the host reboots.",
    ] {
        fails_with(&bank, answer, "absolute claim");
    }
    let g = grade(
        &bank,
        "The cache saves a round trip and follows the TTL; old records stay cached forever.",
    );
    let line = g.contradictions[0].to_string();
    assert!(line.contains("\"cached forever\""), "{line}");
    assert!(line.contains("lasts for ever"), "{line}");
}

#[test]
fn an_absolute_denied_supposed_or_made_by_the_model_is_no_error() {
    let bank = resolver_cache();
    for answer in [
        "The cache saves a round trip; a record is not kept forever, only for its TTL.",
        "It saves the round trip: a record lasts its TTL, not even until a reboot.",
        "It saves the round trip, though there is no guarantee a record is fresh within \
         its TTL.",
        // What would happen, not what does.
        "Without a TTL a record could stay cached forever; the cache saves a round trip.",
    ] {
        passes(&bank, answer);
    }
    // The model answer makes the claim itself, in a word of its own.
    let held = any_bank(
        "What does `apt-mark hold` do to a package?",
        "It keeps the package at its installed version: upgrades skip it until you run \
         apt-mark unhold, so it stays held indefinitely.",
        &[&["hold", "held"], &["upgrade", "upgrades"], &["unhold"]],
    );
    passes(
        &held,
        "A held package is skipped by upgrades and stays held forever, until apt-mark unhold.",
    );
    // A wait the model answer calls unbounded is one that may last for ever.
    let stalled = any_bank(
        "Why does the consumer of a full pipe stop making progress?",
        "The reader blocks on the lock the writer keeps while the writer sleeps, so its wait \
         is unbounded until the writer wakes.",
        &[&["block", "blocks"], &["lock"], &["writer"]],
    );
    passes(
        &stalled,
        "The writer sleeps holding the lock, and the reader blocks on it indefinitely.",
    );
    fails_with(
        &held,
        "Upgrades skip a held package until apt-mark unhold; the hold is guaranteed to \
         survive a release upgrade.",
        "absolute claim",
    );
}

/// Round 35 (w56-compar): a rubric that lists an absolute among the wordings it accepts
/// ("alive forever" beside "never freed") makes that kind the author's, as a word of the
/// model answer does: an answer that says it is no overclaim. A misconception that
/// lists it does not (the author calls it wrong), and other kinds stay open.
#[test]
fn an_absolute_the_rubric_accepts_is_no_overclaim() {
    let leak = any_bank(
        "Why does a parent and child that point at each other leak under reference counting?",
        "Each holds a count on the other, so after the outside references go no count \
         reaches zero and the memory is never freed. A weak back-pointer breaks the cycle.",
        &[
            &["cycle", "each other"],
            &["never freed", "leak", "alive forever"],
            &["weak"],
        ],
    );
    for answer in [
        "The two point at each other, so with strong pointers the cycle keeps both alive \
         forever; a weak back-pointer fixes it.",
        "Each keeps the other's count up, so the cycle stays alive forever unless one \
         pointer is weak.",
        "It is a cycle: both are kept forever, since neither count reaches zero. Make one \
         side weak.",
    ] {
        passes(&leak, answer);
    }
    for answer in [
        // Another kind of absolute, which the rubric does not list.
        "It is a cycle and the memory is never freed; a weak pointer is guaranteed to \
         fix every leak.",
        "The cycle leaks, and a weak back-pointer is retried until it succeeds.",
    ] {
        fails_with(&leak, answer, "absolute claim");
    }
    // A misconception that names the absolute leaves it open.
    let mut cached = resolver_cache();
    cached.questions[0]
        .misconceptions
        .push(crate::bank::Misconception {
            concept: crate::bank::Concept::any(vec!["cached forever".to_owned()]),
            feedback: "Records expire with their TTL.".to_owned(),
            cap: None,
        });
    fails_with(
        &cached,
        "The cache saves a round trip and follows the TTL; negative answers are held \
         indefinitely.",
        "absolute claim",
    );
}

/// A noun *guarantee* after a hyphenated modifier names the bound it gives ("an
/// O(1)-lookup guarantee"), no promise of success; the verb still claims one.
#[test]
fn a_guarantee_named_by_a_hyphenated_bound_is_no_absolute() {
    let bank = resolver_cache();
    passes(
        &bank,
        "The cache saves a round trip and follows the TTL; its hash table gives a \
         constant-time guarantee per lookup.",
    );
    fails_with(
        &bank,
        "The cache saves a round trip and follows the TTL; each lookup is guaranteed to \
         take constant time.",
        "absolute claim",
    );
}

/// A guarantee narrowed by *only* (*merely*, *just*, *solely*), before or after it,
/// says how little is promised: the opposite of an absolute. A plain guarantee, or one
/// that *only* qualifies elsewhere in the clause, still overclaims.
#[test]
fn a_guarantee_narrowed_by_only_is_no_absolute() {
    let bank = resolver_cache();
    for answer in [
        "The cache saves a round trip, but the TTL only guarantees an upper bound on how          stale a record gets.",
        "It saves the round trip; the TTL merely guarantees that a record goes in time,          not that it is fresh.",
        "The cache saves a round trip per lookup, and the TTL guarantees only that old          records expire eventually.",
        "A local cache saves the round trip; all the TTL just guarantees is an expiry.",
    ] {
        passes(&bank, answer);
    }
    for answer in [
        "The cache saves a round trip and follows the TTL, so a cached answer is \
         guaranteed to be current.",
        "Only the cache saves the round trip, and the TTL guarantees every answer is \
         current.",
    ] {
        fails_with(&bank, answer, "absolute claim");
    }
}

fn sftp_upload() -> Bank {
    any_bank(
        "A nightly job uploads reports to a partner's SFTP server. How should it authenticate \
         and where do the reports go?",
        "With an SSH key pair: the partner adds the job's public key to authorized_keys, and \
         the job keeps its key file readable by its own user alone; the reports go to the \
         partner's upload folder, owned by the job's account.",
        &[
            &["key pair", "ssh key", "public key"],
            &["authorized_keys"],
            &["upload"],
        ],
    )
}

#[test]
fn an_unsafe_practice_no_text_talks_of_contradicts() {
    let bank = sftp_upload();
    for answer in [
        "Use an SSH key pair with the public key in the partner's authorized_keys; the job \
         emails its private key to the partner first, and the reports go to the upload folder.",
        "The public key goes into authorized_keys, the reports into the upload folder, and \
         the job prints the password to its log so a failed login is easy to debug.",
        "Put the job's public key in authorized_keys and make the upload folder mode 777 \
         so the transfer never fails.",
    ] {
        fails_with(&bank, answer, "unsafe practice");
    }
}

#[test]
fn an_unsafe_practice_denied_supposed_or_talked_of_by_the_question_is_no_error() {
    let bank = sftp_upload();
    for answer in [
        "An SSH key pair: the public key goes into authorized_keys, and never send the \
         private key anywhere; the reports land in the upload folder.",
        "A key pair, public key in authorized_keys, reports to the upload folder; don't \
         chmod 777 the folder to make it work.",
        "The public key goes into authorized_keys, reports into the upload folder; if the \
         job logged its password, anyone reading the logs could use it.",
        "Public key in authorized_keys and reports to the upload folder, with log rotation \
         and secrets kept out of the repository.",
    ] {
        passes(&bank, answer);
    }
    // A question that talks of a mode writes it for the answer to use.
    let modes = any_bank(
        "Why does a new file get mode 644 under umask 022?",
        "Programs ask for 666 and the umask clears the write bits of group and others.",
        &[&["666"], &["umask"]],
    );
    passes(
        &modes,
        "The program asks for 666 and the umask 022 takes away group and other write.",
    );
}

fn torn_write() -> Bank {
    any_bank(
        "A config file is sometimes found half-written after a crash. Why, and what is the fix?",
        "The program overwrites the file in place, so a crash mid-write leaves part of the \
         old content and part of the new. Write a temporary file in the same folder, fsync \
         it, then rename it over the old one: rename is atomic.",
        &[
            &["in place", "overwrite"],
            &["temporary file", "temp file"],
            &["rename"],
        ],
    )
}

#[test]
fn a_restriction_to_something_no_text_names_contradicts() {
    let bank = torn_write();
    for answer in [
        "It is overwritten in place and the crash leaves a mix; write a temp file and rename \
         it. This only happens on network filesystems.",
        "The file is overwritten in place; use a temporary file, then rename. It can only \
         occur with journaling disabled.",
        "Overwriting in place is the cause, and a temp file plus rename the fix; it happens \
         only under heavy load.",
    ] {
        fails_with(&bank, answer, "added restriction");
    }
}

#[test]
fn a_restriction_named_by_the_question_denied_or_supposed_is_no_error() {
    let bank = torn_write();
    for answer in [
        // What the question's texts name is the answer's to restrict.
        "The file is overwritten in place; the rename trick only works in the same folder, \
         so write the temp file beside it and rename it.",
        // Denied, or only supposed.
        "It is overwritten in place, and this does not only happen on network filesystems; \
         write a temp file and rename it over the old one.",
        "Overwritten in place; if it only happened on one disk model we would suspect the \
         hardware, but a temp file and a rename fix it everywhere.",
        // An *only* of another kind.
        "Only the rename is atomic: it is overwritten in place, so write a temp file first.",
    ] {
        passes(&bank, answer);
    }
}

#[test]
fn a_restriction_after_its_condition_through_a_channel_or_while_a_state_holds_contradicts() {
    let bank = torn_write();
    for answer in [
        "It is overwritten in place, so write a temp file and rename it; the tearing \
         applies to spinning disks only.",
        "Overwritten in place; a temp file and a rename fix it. The tearing only works \
         through NFS mounts.",
        "The file is overwritten in place: use a temp file and rename it. The rename trick \
         only holds while the battery is charged.",
        // A word written with hyphens is not named by another that shares a piece.
        "Overwritten in place; write a temp file and rename it. It can only happen on \
         write-back caches.",
    ] {
        fails_with(&bank, answer, "added restriction");
    }
    // Named whole, or piece by piece, the condition is the question's own.
    passes(
        &bank,
        "Overwritten in place; write a temp file and rename it, which only works in the \
         same-folder case.",
    );
}

#[test]
fn a_restriction_partly_named_or_to_a_time_since_contradicts() {
    let bank = torn_write();
    for answer in [
        // A thing the question names, narrowed to a kind of it no text names.
        "Overwritten in place, so write a temp file and rename it; the rename only works \
         in an empty folder.",
        "It is overwritten in place; a temp file and rename fix it, but the fix only \
         applies to files with a checksum.",
        // *Exists* with *since*.
        "The file is overwritten in place; write a temp file and rename it, an atomic \
         rename that only exists since kernel 4.0.",
    ] {
        fails_with(&bank, answer, "added restriction");
    }
    // A condition partly named, said of a thing the answer brings in itself, is an
    // aside the texts leave open.
    passes(
        &bank,
        "Overwritten in place; write a temp file and rename it. Journaling only applies \
         to metadata of the file.",
    );
    // A condition named word for word, or a restriction denied, is the answer's own.
    for answer in [
        "Overwritten in place; the torn content only exists since the crash, so write a \
         temp file and rename it.",
        "It is overwritten in place, and the tearing does not only exist in an empty \
         folder; write a temp file and rename it.",
    ] {
        passes(&bank, answer);
    }
}

fn sandbox_startup() -> Bank {
    any_bank(
        "Why does a sandboxed build step start in a few milliseconds?",
        "It is only a process on the host, fenced in by namespaces and limited by cgroups: \
         nothing boots, since it shares the host kernel.",
        &[
            &["process"],
            &["namespaces", "namespace"],
            &["cgroups", "cgroup"],
        ],
    )
}

#[test]
fn a_kernel_of_its_own_given_to_a_container_or_the_host_kernel_to_a_vm_contradicts() {
    let bank = sandbox_startup();
    for answer in [
        "It is a process in namespaces, capped by cgroups; the mount namespace hands each \
         container a private kernel, so nothing else has to boot.",
        "A process with namespaces and cgroups. Like a tiny VM, each container brings a \
         dedicated guest kernel, just a small one.",
        "A process isolated by namespaces and cgroups. A virtual machine is much the same: \
         it is also running on the host's kernel through a hypervisor.",
    ] {
        fails_with(&bank, answer, "kernel");
    }
    let g = grade(
        &bank,
        "A process isolated by namespaces and cgroups. A VM likewise shares the host kernel.",
    );
    let line = g.contradictions[0].to_string();
    assert!(
        line.contains("\"vm likewise shares the host kernel\""),
        "{line}"
    );
    assert!(line.contains("boots its own guest kernel"), "{line}");
}

#[test]
fn a_kernel_said_of_the_right_thing_denied_or_set_apart_is_no_error() {
    let bank = sandbox_startup();
    for answer in [
        // The VM's own kernel, the containers' shared one.
        "A process in namespaces and cgroups; a VM boots its own kernel, every container \
         uses the host's one.",
        // Denied, or supposed.
        "A process in namespaces and cgroups: a container does not get its own kernel.",
        "A process in namespaces and cgroups; if each container had a separate kernel it \
         would boot slowly.",
        // The VM named only to be set apart.
        "A process in namespaces and cgroups. Unlike a VM, it runs on the host kernel.",
        // The host's own kernel.
        "A process in namespaces and cgroups; every container runs on the host's own kernel.",
        // A sandbox nearer to the kernel may own it.
        "A process in namespaces and cgroups; a Kata sandbox gives each container a \
         guest kernel of a microVM, the plain runtime none.",
        "A process in namespaces and cgroups. A VM gets virtual hardware from KVM, which \
         runs inside the host kernel.",
    ] {
        passes(&bank, answer);
    }
}
