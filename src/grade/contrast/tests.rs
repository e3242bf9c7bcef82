//! Contradictions through the grader: what fails an answer, what does not.

use crate::bank::{Bank, Kind, Question};
use crate::grade::tests::{any_bank as asked, grade};

/// A one-question bank: `model` as the model answer, each of `concepts` an `any`.
fn bank(model: &str, concepts: &[&[&str]]) -> Bank {
    asked("What happens?", model, concepts)
}

fn oom() -> Bank {
    bank(
        "The kernel OOM killer sends SIGKILL, so the exit code is 137.",
        &[&["oom", "out of memory"], &["killer", "killed"]],
    )
}

#[test]
fn another_member_of_a_contrast_set_fails_the_answer() {
    let g = grade(&oom(), "The OOM killer sends it SIGTERM.");
    assert!(!g.passed, "{g:?}");
    assert!(g.score < g.pass_mark, "capped below the pass mark: {g:?}");
    let hit = &g.contradictions[0];
    assert_eq!(
        (hit.role.as_str(), hit.said.as_str()),
        ("signal", "sigterm")
    );
    assert!(g.failure.as_deref().unwrap_or("").contains("contradicts"));
    assert!(crate::grade::explain(&g).contains("x contradiction: signal \"sigterm\""));
    let g = grade(&oom(), "OOM killed it; exit 143.");
    assert_eq!(g.contradictions[0].said, "143", "{g:?}");
}

#[test]
fn naming_the_model_answers_member_too_or_denying_the_other_contradicts_nothing() {
    for answer in [
        "The OOM killer sends SIGKILL, not SIGTERM.",
        "The OOM killer sends SIGKILL; docker stop would send SIGTERM first.",
        "OOM killed it: it never got a SIGTERM.",
    ] {
        let g = grade(&oom(), answer);
        assert!(g.passed && g.contradictions.is_empty(), "{answer}: {g:?}");
    }
}

#[test]
fn a_member_is_its_spelling_not_a_typo() {
    let b = bank(
        "Use the bridge driver; it needs -p to publish ports.",
        &[&["bridge"], &["-p"]],
    );
    let g = grade(
        &b,
        "The bridge driver brings its own namespace; publish with -p.",
    );
    assert!(g.contradictions.is_empty(), "{g:?}");
    let g = grade(&b, "Use --network=host and -p.");
    assert_eq!(g.contradictions[0].said, "--network=host", "{g:?}");
}

#[test]
fn a_member_the_rubric_accepts_is_no_contradiction() {
    // The model answer says "named volume (or another mount)"; a concept takes any mount.
    let b = bank(
        "Writes go to the writable layer; store data in a named volume (or another mount).",
        &[&["layer"], &["volume", "mount"]],
    );
    let g = grade(&b, "They go to the writable layer; use a bind mount.");
    assert!(g.passed, "{g:?}");
    // A concept that names the topic does not make the denied member right.
    let b = bank(
        "alpine uses musl libc instead of glibc.",
        &[&["alpine"], &["musl", "glibc"]],
    );
    let g = grade(&b, "alpine is small and uses glibc.");
    assert_eq!(g.contradictions[0].said, "glibc", "{g:?}");
}

#[test]
fn an_anchor_ties_a_member_to_the_model_sentence_that_has_it() {
    let b = bank(
        "Use the exec form, which runs the program as PID 1; the shell form wraps it in /bin/sh -c.",
        &[&["exec form"], &["pid 1"]],
    );
    let g = grade(&b, "The exec form runs it through /bin/sh -c as PID 1.");
    let hit = &g.contradictions[0];
    assert_eq!(hit.said, "exec form");
    assert_eq!(hit.anchor.as_deref(), Some("/bin/sh"));
    for answer in [
        "The exec form makes it PID 1, instead of wrapping it in /bin/sh -c.",
        "Exec form: PID 1, no /bin/sh -c.",
        "The shell form wraps it in /bin/sh -c; the exec form runs it as PID 1.",
    ] {
        let g = grade(&b, answer);
        assert!(g.contradictions.is_empty(), "{answer}: {g:?}");
    }
}

#[test]
fn a_pair_turned_round_and_a_path_that_leaves_the_models_are_contradictions() {
    let b = bank(
        "Publish with -p 8080:80; data lives under /var/lib/docker/volumes/pgdata/_data.",
        &[&["8080:80"], &["publish"]],
    );
    let g = grade(&b, "Publish it with -p 80:8080.");
    assert_eq!(g.contradictions[0].role, "pair", "{g:?}");
    let g = grade(
        &b,
        "-p 8080:80, and publish; it is in /var/lib/docker/containers/pgdata.",
    );
    assert_eq!(g.contradictions[0].role, "path", "{g:?}");
    for answer in [
        "Publish -p 8080:80, data in /var/lib/docker/volumes/.",
        "Publish -p 8080:80; the image layers are in /var/lib/docker/overlay2, the data in /var/lib/docker/volumes/pgdata.",
        "Publish -p 8080:80 (host 8080, container 80), see /etc/hosts.",
        "Publish -p 8080:80; the data is in /var/lib/docker/volums/pgdata (a folder mistyped).",
    ] {
        let g = grade(&b, answer);
        assert!(g.contradictions.is_empty(), "{answer}: {g:?}");
    }
}

#[test]
fn a_path_that_ends_like_the_models_under_another_root_contradicts() {
    let b = bank(
        "A named volume lives under /var/lib/docker/volumes/ (for example \
         /var/lib/docker/volumes/pgdata/_data); the daemon's config is /etc/docker/daemon.json.",
        &[&["named volume"], &["daemon"]],
    );
    for (wrong, said) in [
        (
            "A named volume lives in /etc/docker/volumes, managed by the daemon.",
            "/etc/docker/volumes",
        ),
        (
            "Named volumes go to /opt/docker/volumes/pgdata/_data; the daemon owns them.",
            "/opt/docker/volumes/pgdata/_data",
        ),
        (
            "The daemon reads /var/lib/docker/daemon.json for a named volume.",
            "/var/lib/docker/daemon.json",
        ),
    ] {
        let g = grade(&b, wrong);
        let hit = g
            .contradictions
            .first()
            .unwrap_or_else(|| panic!("{wrong}: {g:?}"));
        assert_eq!(
            (hit.role.as_str(), hit.said.as_str()),
            ("path", said),
            "{wrong}"
        );
        assert!(!g.passed, "{wrong}");
    }
    for right in [
        "A named volume is under /var/lib/docker/volumes/, kept by the daemon.",
        "The daemon keeps a named volume in /var/lib/docker/volumes/mydata/_data.",
        "In rootless mode the daemon keeps a named volume in ~/.local/share/docker/volumes.",
        "The daemon keeps a named volume under /var/lib/docker/volumes; I bind /srv/docker/volumes too.",
        "The daemon is configured in /etc/docker/daemon.json; a named volume sits under its root.",
        "The daemon stores a named volume in /docker/volumes on this host.",
    ] {
        let g = grade(&b, right);
        assert!(g.contradictions.is_empty(), "{right}: {g:?}");
    }
}

/// The path an answer that fails on a path contradiction said.
fn failed_on_path(b: &Bank, answer: &str) -> String {
    let g = grade(b, answer);
    let hit = g
        .contradictions
        .first()
        .unwrap_or_else(|| panic!("{answer}: {g:?}"));
    assert!(hit.role == "path" && !g.passed, "{answer}: {g:?}");
    hit.said.clone()
}

/// Asserts that none of `answers` contradicts the model answer of `b`.
fn contradict_nothing(b: &Bank, answers: &[&str]) {
    for answer in answers {
        let g = grade(b, answer);
        assert!(g.contradictions.is_empty(), "{answer}: {g:?}");
    }
}

/// Issue 11 probe 7, line 59: `/etc/passwd` written where the model answer writes
/// `/etc/shadow`.
#[test]
fn another_file_of_the_models_system_folder_contradicts() {
    let b = bank(
        "The system's hostname is read at boot from /etc/hostname by systemd.",
        &[&["hostname"], &["boot"]],
    );
    let said = failed_on_path(&b, "At boot systemd reads the hostname from /etc/hosts.");
    assert_eq!(said, "/etc/hosts");
    contradict_nothing(
        &b,
        &[
            "At boot the hostname comes from /etc/hostname.",
            "At boot the hostname comes from /etc/hostname; /etc/hosts maps names to addresses.",
        ],
    );
    // Folders of logs, and names of the user's own folders, are not fixed.
    let b = bank(
        "At boot the kernel's messages go to /var/log/syslog; the app's data is in /srv/app.",
        &[&["boot"], &["kernel"]],
    );
    contradict_nothing(
        &b,
        &[
            "At boot the kernel logs to /var/log/messages.",
            "At boot the kernel logs; the data is in /srv/data.",
        ],
    );
}

/// Round 30 (w39-tokens): a lock file, a pid file, a temporary file or a file dropped
/// into a `.d` folder is named by whoever writes the command or the config, not by the
/// system: another name for it, in the model answer's folder, is no other file.
#[test]
fn a_file_whose_name_the_writer_picks_is_no_other_file() {
    let b = bank(
        "Run the job as `flock -n /var/lock/backup.lock /usr/local/bin/backup.sh`, so a second \
         run exits while the first holds the lock, and keep its pid in /run/backup.pid. Persist \
         the setting in /etc/sysctl.d/90-conntrack.conf.",
        &[&["flock", "lock"], &["exits", "second run"]],
    );
    contradict_nothing(
        &b,
        &[
            "Wrap it in `flock -n /var/lock/nightly-backup.lock /usr/local/bin/backup.sh`: a second run exits.",
            "Take a lock with flock on /var/lock/job.lock so a second run exits at once.",
            "A second run exits when /run/lock/backup.lock is held by flock.",
            "Write the pid to /run/backup-job.pid and exit when a second run finds it alive; or flock.",
            "Use flock so the second run exits, and put the sysctl in /etc/sysctl.d/conntrack.conf.",
            "flock makes a second run exit; scratch files go to /tmp/backup.XXXX.",
        ],
    );
    // Files the system names keep their names, in the same folders.
    let b = bank(
        "A second run exits because flock holds the lock; the daemon's socket is \
         /var/run/docker.sock and users are in /etc/passwd.",
        &[&["flock", "lock"], &["exits", "second run"]],
    );
    for (wrong, said) in [
        (
            "A second run exits under flock; the daemon listens on /var/run/containerd.sock.",
            "/var/run/containerd.sock",
        ),
        (
            "A second run exits under flock; users are listed in /etc/users.",
            "/etc/users",
        ),
    ] {
        assert_eq!(failed_on_path(&b, wrong), said);
    }
}

/// Issue 11 docker-edge4, line 24: `target=./app/data` for `target=/app/data`.
#[test]
fn a_path_made_relative_where_the_model_writes_it_absolute_contradicts() {
    let b = bank(
        "systemd needs an absolute path: set WorkingDirectory=/srv/app in the unit.",
        &[&["absolute"], &["workingdirectory="]],
    );
    for wrong in [
        "It must be absolute, so write WorkingDirectory=./srv/app.",
        "It is absolute: cd to ./srv/app and run it.",
    ] {
        assert_eq!(failed_on_path(&b, wrong), "./srv/app");
    }
    contradict_nothing(
        &b,
        &[
            "It must be absolute: WorkingDirectory=/srv/app.",
            "Not ./srv/app: an absolute path, WorkingDirectory=/srv/app.",
            "An absolute path is needed; ./build/out is only the compiler's folder.",
        ],
    );
}

#[test]
fn a_wrong_value_in_the_model_answers_slot_fails_the_answer() {
    let b = bank(
        "Redis listens on port 6379 by default; the API reaches it at cache:6379.",
        &[&["redis"], &["6379"]],
    );
    let g = grade(
        &b,
        "Redis listens on port 6380, so point the API at cache:6379.",
    );
    assert!(!g.passed, "{g:?}");
    let hit = &g.contradictions[0];
    assert_eq!(
        (hit.role.as_str(), hit.said.as_str()),
        ("port", "6380"),
        "{g:?}"
    );
    assert!(
        crate::grade::explain(&g)
            .contains("port \"6380\" where the model answer says `6379` (with `redi"),
        "{}",
        crate::grade::explain(&g)
    );
    for right in [
        "Redis listens on 6379; the API uses cache:6379.",
        "Redis uses port 6379, not 6380.",
        "Run a second Redis on port 6380 for tests? No: Redis listens on 6379.",
    ] {
        let g = grade(&b, right);
        assert!(g.passed && g.contradictions.is_empty(), "{right}: {g:?}");
    }
}

#[test]
fn a_preference_turned_round_is_a_contradiction() {
    let b = asked(
        "Why put a short-lived key in a tmpfs mount rather than in a named volume?",
        "A tmpfs mount exists only in RAM; a named volume is written to disk and outlives the container.",
        &[&["ram", "memory"], &["disk"]],
    );
    let g = grade(
        &b,
        "Use a named volume rather than tmpfs: RAM can be read, the disk is private.",
    );
    assert_eq!(g.contradictions[0].said, "volume", "{g:?}");
    assert!(!g.passed);
    let g = grade(
        &b,
        "tmpfs rather than a volume: RAM only, never the disk, while a volume stays on disk.",
    );
    assert!(g.passed && g.contradictions.is_empty(), "{g:?}");
}

#[test]
fn a_derived_rubric_fails_an_answer_that_turns_its_key_terms_round() {
    let question = Question {
        model_answer: Some(
            "The scheduler picks a node for each new pod. The kubelet on that node starts \
             its containers and reports their status."
                .to_owned(),
        ),
        ..Question::new("q", Kind::ShortAnswer, "What do the two do?")
    };
    let bank = crate::grade::tests::bank(vec![question]);
    let model = bank.questions[0].model_answer.clone().unwrap_or_default();
    assert!(grade(&bank, &model).passed);
    let g = grade(
        &bank,
        "The kubelet picks a node for each new pod, and the scheduler starts the containers \
         and reports their status.",
    );
    assert!(!g.passed, "{g:?}");
    assert!(
        crate::grade::explain(&g).contains("(the two turned round)"),
        "{}",
        crate::grade::explain(&g)
    );
}

/// A limit of one process said to be one of the whole system (a right answer with that
/// one error added), and the same limit said per process, or both named.
#[test]
fn a_per_process_limit_said_to_be_system_wide_fails() {
    let b = bank(
        "The daemon hit RLIMIT_NPROC, a per-process cap on the threads it may start; \
         raise it in its unit file with LimitNPROC=.",
        &[&["rlimit_nproc", "nproc"], &["limitnproc="]],
    );
    let g = grade(
        &b,
        "It hit RLIMIT_NPROC, which is system-wide, so every daemon shares it; raise \
         LimitNPROC= in the unit.",
    );
    assert!(!g.passed, "{g:?}");
    assert_eq!(g.contradictions[0].role, "scope of a limit", "{g:?}");
    for answer in [
        "It hit RLIMIT_NPROC, a cap per process; raise LimitNPROC= in the unit.",
        "RLIMIT_NPROC is per process, not system-wide; raise LimitNPROC= in the unit.",
    ] {
        let g = grade(&b, answer);
        assert!(g.passed && g.contradictions.is_empty(), "{answer}: {g:?}");
    }
}

#[test]
fn a_member_given_after_e_g_is_an_example_not_the_model_answers_claim() {
    let concepts: &[&[&str]] = &[&["named", "by name", "names"], &["clearly", "readable"]];
    let answer = "--mount names every option, as in type=bind,source=/srv,target=/srv, so the \
                  command reads clearly.";
    let example = bank(
        "With `--mount` each option is named (e.g. `type=volume,source=data,target=/srv`), \
         so the command reads clearly. Bind mounts and tmpfs mounts take the same keys.",
        concepts,
    );
    let g = grade(&example, answer);
    assert!(g.contradictions.is_empty(), "{g:?}");
    // Given as the model answer's own setting, the member is its claim.
    let claimed = bank(
        "With `--mount` each option is named: `type=volume,source=data,target=/srv`, so the \
         command reads clearly. Bind mounts and tmpfs mounts take the same keys.",
        concepts,
    );
    let g = grade(&claimed, answer);
    assert!(!g.contradictions.is_empty(), "{g:?}");
}

#[test]
fn two_ordered_relations_said_the_other_way_round_are_turned_though_neither_is_met() {
    use crate::grade::Rubric;
    use crate::grade::tests::{bank as of, concept, question, relation};
    let rubric = Rubric {
        concepts: vec![
            relation(&[&["winner"], &["token"]], true, 1.0, false),
            relation(&[&["loser"], &["0"]], true, 1.0, false),
            concept(&["atomic"], 2.0, true),
        ],
        forbidden: Vec::new(),
    };
    let b = of(vec![question(
        "cas",
        "What does the compare-and-swap hand each thread?",
        "The atomic compare-and-swap hands the winner the fresh token and the loser 0.",
        Some(rubric),
    )]);
    let g = grade(
        &b,
        "The atomic swap returns 0 to the winner and the fresh token to the loser.",
    );
    assert!(!g.passed, "{}", crate::grade::explain(&g));
    assert_eq!(g.contradictions[0].role, "pairing");
    let g = grade(
        &b,
        "The atomic swap returns the fresh token to the winner and 0 to the loser.",
    );
    assert!(
        g.passed && g.contradictions.is_empty(),
        "{}",
        crate::grade::explain(&g)
    );
}

/// Asserts that each of `answers` is (`turned`) or is not found to contradict `b`'s
/// only question.
fn contradicted(b: &Bank, answers: &[&str], turned: bool) {
    for answer in answers {
        let g = grade(b, answer);
        assert_eq!(
            !g.contradictions.is_empty(),
            turned,
            "{answer}: {}",
            crate::grade::explain(&g)
        );
    }
}

/// A thing's word right before a noun modifies it: "a router MAC address" is a MAC
/// address, not the router, and "the network interface" is an interface, not the
/// network. Such a word is no thing to give a description to, nor the subject of a
/// stretch; the things named on their own still are.
#[test]
fn a_things_word_that_modifies_another_sides_noun_is_no_thing() {
    use crate::grade::Rubric;
    use crate::grade::tests::{bank as of, concept, question, relation};
    let rubric = Rubric {
        concepts: vec![
            relation(
                &[&["switch"], &["mac address", "frames"]],
                false,
                1.0,
                false,
            ),
            relation(
                &[&["router"], &["ip address", "packets"]],
                false,
                1.0,
                false,
            ),
            concept(&["subnet", "network"], 1.0, true),
        ],
        forbidden: Vec::new(),
    };
    let b = of(vec![question(
        "switch-router",
        "What does a switch look at, and what does a router look at?",
        "A switch forwards frames within one network by MAC address; a router forwards packets between networks by IP address.",
        Some(rubric),
    )]);
    contradicted(
        &b,
        &[
            "Hosts send off-subnet frames to the router MAC address, and the switch IP address only serves its management page.",
            "The switch, a network device with a management IP address, forwards frames by MAC address; the router, whose MAC address the hosts learn by ARP, forwards packets between networks by IP address.",
            "Within one network the switch forwards by MAC address, and a router IP address is the gateway to other networks, where the router forwards packets by IP address.",
        ],
        false,
    );
    contradicted(
        &b,
        &[
            "A router forwards frames by MAC address within one network; a switch forwards packets between networks by IP address.",
            "Between networks the switch reads the IP address, and inside one network the router reads the MAC address.",
        ],
        true,
    );
}

/// A thing named as the members of a collective ("a set of pods", "a group of
/// endpoints") is what the collective holds: what the sentence goes on to say is said of
/// the collective's own thing, not given to the members.
#[test]
fn a_thing_named_as_a_collectives_members_takes_no_description() {
    use crate::grade::Rubric;
    use crate::grade::tests::{bank as of, concept, question, relation};
    let rubric = Rubric {
        concepts: vec![
            relation(
                &[&["deployment"], &["replicas", "rolling update"]],
                false,
                1.0,
                false,
            ),
            relation(
                &[&["pod"], &["containers", "ip address"]],
                false,
                1.0,
                false,
            ),
            concept(&["kubernetes", "cluster"], 1.0, true),
        ],
        forbidden: Vec::new(),
    };
    let b = of(vec![question(
        "deployment-pod",
        "What is a Pod, and what is a Deployment?",
        "In Kubernetes a Pod wraps one or more containers that share an IP address; a Deployment keeps a number of replicas of a Pod running and replaces them by rolling update.",
        Some(rubric),
    )]);
    contradicted(
        &b,
        &[
            "In Kubernetes a Pod wraps the containers a Deployment runs, with one IP address they share. A Deployment is a set of pods that it keeps at the desired number of replicas and changes by rolling update.",
            "A Pod holds the containers that a Deployment schedules in the cluster, behind one IP address. A Deployment is a group of pods kept at a count of replicas and replaced by rolling update.",
        ],
        false,
    );
    contradicted(
        &b,
        &[
            "In Kubernetes a Deployment wraps the containers and gives them one IP address, and a Pod keeps the replicas and does the rolling update.",
            "In the cluster a Deployment holds containers behind one IP address; a Pod is a set of deployments kept at a number of replicas by rolling update.",
        ],
        true,
    );
}

#[test]
fn an_anchor_set_aside_by_its_clause_ties_nothing() {
    // A verb of disregard (or *out of the way*) says the anchor does not apply to the
    // member of its clause, which is what the model answer says: three questions, two
    // domains (a service manager's signals; Docker's Dockerfile forms and networking).
    let stop = bank(
        "systemctl stop sends SIGTERM and waits up to 90 seconds for the service to exit. \
         After that it sends SIGKILL.",
        &[&["sigterm"], &["sigkill"], &["wait", "waits"]],
    );
    let form = bank(
        "The exec form runs the program directly as PID 1, so it receives SIGTERM from \
         docker stop. The shell form wraps it in /bin/sh -c.",
        &[&["exec form", "json form"], &["pid 1"], &["sigterm"]],
    );
    let port = bank(
        "On a bridge network, -p adds a DNAT rule in PREROUTING that rewrites host port \
         8080 to the container's IP on port 80.",
        &[&["dnat", "rewrites"], &["container's ip"], &["8080"]],
    );
    for (b, answer) in [
        (
            &stop,
            "systemctl stop sends SIGTERM and gives the service up to 90 seconds to exit; \
             a service that ignores the 90 seconds gets SIGKILL.",
        ),
        (
            &stop,
            "It sends SIGTERM; SIGKILL skips the 90 seconds of grace and comes only once \
             they have run out.",
        ),
        (
            &form,
            "The exec form runs the program directly as PID 1 so it gets SIGTERM; the JSON \
             array bypasses /bin/sh -c.",
        ),
        (
            &form,
            "The exec form keeps /bin/sh -c out of the way, so the program is PID 1 and \
             gets SIGTERM.",
        ),
        (
            &port,
            "On a bridge network a DNAT rule rewrites host port 8080 to the container's IP; \
             host networking ignores -p because nothing is rewritten.",
        ),
    ] {
        let g = grade(b, answer);
        assert!(g.passed && g.contradictions.is_empty(), "{answer}: {g:?}");
    }
    // The anchor said plainly of the other member still contradicts.
    for (b, answer) in [
        (
            &stop,
            "It sends SIGKILL and waits 90 seconds for the service to exit.",
        ),
        (
            &stop,
            "It sends SIGTERM, and SIGKILL is sent during the 90 seconds.",
        ),
        (
            &form,
            "The exec form still goes through /bin/sh -c, so the shell is PID 1 and gets \
             SIGTERM.",
        ),
        (
            &port,
            "With host networking -p adds a DNAT rule that rewrites port 8080 to the \
             container's IP.",
        ),
    ] {
        let g = grade(b, answer);
        assert!(!g.passed && !g.contradictions.is_empty(), "{answer}: {g:?}");
    }
}

#[test]
fn the_other_member_said_in_its_own_role_beside_the_anchor_contradicts_nothing() {
    // An answer that names the anchor's member and says of the other member, beside the
    // anchor, a word of that member's own role in the model answer ("the shell form makes
    // sh PID 1") contrasts the two rightly; a swap has none of the role's words. Three
    // questions, three domains (a service manager's signals, a router's NAT, Dockerfile
    // forms); the right answers all fail on main r58.
    let stop = bank(
        "systemctl stop sends SIGTERM and waits up to 90 seconds for the service to exit. \
         After that it sends SIGKILL, which cannot be caught.",
        &[&["sigterm"], &["sigkill"], &["wait", "waits", "grace"]],
    );
    let nat = bank(
        "A port forward is DNAT: it rewrites the destination address of packets arriving \
         on eth0 to the server's address. Outgoing LAN traffic is masqueraded, which \
         rewrites its source address.",
        &[
            &["dnat", "destination nat"],
            &["destination"],
            &["rewrites", "changes"],
        ],
    );
    let form = bank(
        "The exec form runs the program directly as PID 1, so it receives SIGTERM from \
         docker stop. The shell form wraps it in /bin/sh -c.",
        &[
            &["exec form", "json form"],
            &["pid 1"],
            &["sigterm", "signals"],
        ],
    );
    for (b, answer) in [
        (
            &stop,
            "It sends SIGTERM and waits 90 seconds for the service to exit; SIGKILL cannot \
             be caught and ends it after the 90 seconds.",
        ),
        (
            &nat,
            "Forwarding a port is DNAT, which rewrites the destination of packets arriving \
             on eth0; SNAT is for outgoing traffic on eth0.",
        ),
        (
            &form,
            "Use the exec form so the program is PID 1 and receives SIGTERM; the shell form \
             makes /bin/sh PID 1.",
        ),
    ] {
        let g = grade(b, answer);
        assert!(g.passed && g.contradictions.is_empty(), "{answer}: {g:?}");
    }
    // Swaps: the other member beside the anchor with none of its role's words, or with
    // one only under a negation ("rather than sh").
    for (b, answer) in [
        (
            &stop,
            "It sends SIGKILL and waits 90 seconds; SIGTERM cannot be caught after the 90 \
             seconds.",
        ),
        (
            &stop,
            "It sends SIGTERM, and SIGKILL is sent during the 90 seconds.",
        ),
        (
            &nat,
            "Forwarding a port is DNAT, which rewrites the destination; SNAT rewrites the \
             destination of packets arriving on eth0.",
        ),
        (
            &form,
            "Use the exec form so sh is PID 1 and gets SIGTERM; the shell form makes the \
             program PID 1.",
        ),
        (
            &form,
            "Use the exec form so SIGTERM arrives; the shell form makes the app PID 1.",
        ),
        (
            &form,
            "Use the exec form so the program gets SIGTERM; the shell form wraps the app in \
             a way that keeps the app PID 1.",
        ),
        (
            &form,
            "Use the exec form for SIGTERM; the shell form runs the app directly as PID 1 \
             rather than sh.",
        ),
    ] {
        let g = grade(b, answer);
        assert!(!g.passed && !g.contradictions.is_empty(), "{answer}: {g:?}");
    }
}

/// `bank` with its first concept required.
fn required_first(model: &str, concepts: &[&[&str]]) -> Bank {
    let mut b = bank(model, concepts);
    if let Some(rubric) = b.questions[0].rubric.as_mut() {
        rubric.concepts[0].required = true;
    }
    b
}

/// A service manager's signals, its first concept (*catch*, *shut down cleanly*)
/// required.
fn catch_bank() -> Bank {
    required_first(
        "systemctl stop sends SIGTERM, which the service can catch to shut down cleanly. \
         SIGKILL comes only after 90 seconds.",
        &[
            &["catch", "shut down cleanly"],
            &["sigterm"],
            &["90 seconds"],
        ],
    )
}

/// Image pinning by digest, its first concept (*reproducible*, *same bytes*) required.
fn pin_bank() -> Bank {
    required_first(
        "Pin the base image by digest, which is immutable, so every build is reproducible.",
        &[
            &["reproducible", "same bytes"],
            &["digest"],
            &["immutable", "never changes"],
        ],
    )
}

#[test]
fn a_denial_said_of_the_other_member_of_a_contrast_says_the_models_concept() {
    // "With the other option, X doesn't happen" says X of the chosen one, which is what
    // the model answer says of it: the required concept counts. Three domains (a service
    // manager's signals, image pinning, a router's NAT); the right answers all fail on
    // main r58.
    let stop = catch_bank();
    let pin = pin_bank();
    let nat = required_first(
        "A port forward is DNAT: it rewrites the destination address of incoming packets.",
        &[
            &["destination"],
            &["dnat", "destination nat"],
            &["incoming", "arriving"],
        ],
    );
    // (Left: "With SIGKILL, the service can't catch it and shut down cleanly" of `stop`
    // still fails, on another rule: a denial of the model's phrase "the service can catch
    // to shut down cleanly", which does not read whose member it is said of.)
    for (b, answer) in [
        (
            &pin,
            "Pin by digest, it is immutable. With a tag, the builds aren't reproducible \
             because the tag can move.",
        ),
        (
            &nat,
            "It is DNAT on incoming packets; SNAT would not rewrite the destination at all.",
        ),
    ] {
        let g = grade(b, answer);
        assert!(g.passed, "{answer}: {g:?}");
    }
    // The denial said of the model's own member, or with no member before it, or in an
    // answer that never names the model's member, still denies the concept.
    for (b, answer) in [
        (
            &stop,
            "It sends SIGTERM, 90 seconds before SIGKILL, and with SIGTERM the service can't \
             catch it.",
        ),
        (
            &pin,
            "Pin by digest, it is immutable; with a digest the builds aren't reproducible.",
        ),
        (
            &pin,
            "Use a digest, it is immutable; builds aren't reproducible either way.",
        ),
        (
            &nat,
            "It is DNAT on incoming packets, and DNAT does not rewrite the destination.",
        ),
    ] {
        let g = grade(b, answer);
        assert!(!g.passed, "{answer}: {g:?}");
    }
}

#[test]
fn a_role_word_holds_its_anchor_up_to_the_verb_that_ties_the_anchor() {
    // Round 44 (w80-choice). A role word of the other member that the model answer also
    // writes just before an anchor ("uplink" before `203.0.113.7`, as "sh" before `-c`)
    // still holds an anchor of the answer: "SNAT is what the uplink eth0 applies" says
    // eth0 of the uplink, SNAT's own. And the reach stops at the verb that ties the
    // anchor to its subject, a content word after an auxiliary: "the SIGKILL the kernel
    // delivers is queued for 90 seconds" says the 90 seconds of SIGKILL, whatever
    // *delivers* (a role word of SIGKILL) says before *is queued*. Two domains (a
    // router's NAT, a service manager's signals); the right NAT answer and the wrong
    // signal answer failed and passed on main 09c63471.
    let nat = bank(
        "A port forward is DNAT: it rewrites the destination address of packets arriving \
         on eth0. Replies leave through SNAT, which rewrites their source address to the \
         uplink 203.0.113.7.",
        &[
            &["dnat", "destination nat"],
            &["destination"],
            &["rewrites", "changes"],
        ],
    );
    let stop = bank(
        "systemctl stop sends SIGTERM and waits up to 90 seconds for the service to exit. \
         After that it sends SIGKILL, which the kernel delivers directly and the process \
         cannot catch.",
        &[&["sigterm"], &["sigkill"], &["wait", "waits", "grace"]],
    );
    for (b, answer) in [
        (
            &nat,
            "Forwarding a port is DNAT, which rewrites the destination of packets arriving \
             on eth0; SNAT is what the uplink eth0 applies to replies.",
        ),
        (
            &stop,
            "It sends SIGTERM and waits; the kernel delivers SIGKILL after 90 seconds.",
        ),
        (
            &stop,
            "It sends SIGTERM and waits; the SIGKILL from the kernel is delivered directly \
             after 90 seconds.",
        ),
    ] {
        let g = grade(b, answer);
        assert!(g.passed && g.contradictions.is_empty(), "{answer}: {g:?}");
    }
    for (b, answer) in [
        (
            &nat,
            "Forwarding a port is DNAT, which rewrites the destination of packets; SNAT is \
             what packets arriving on eth0 get.",
        ),
        (
            &stop,
            "It sends SIGTERM and waits; the SIGKILL the kernel delivers is queued for 90 \
             seconds.",
        ),
    ] {
        let g = grade(b, answer);
        assert!(!g.passed && !g.contradictions.is_empty(), "{answer}: {g:?}");
    }
}

#[test]
fn a_denial_past_an_aside_said_of_the_other_member_says_the_models_concept() {
    // Round 44 (w80-choice): "with the shell form your program is not, once /bin/sh -c
    // wraps it, PID 1" denies PID 1 past an aside that names the concept, of the other
    // option: it says by contrast what the model answer says of its own. Two domains (a
    // service manager's signals, image pinning); on main 09c63471 the right answers take
    // the path the wrong ones still take (the concept "said in an aside of a denial of
    // it", and for the pin a contradiction of `reproducible` of the same thing), as
    // docker-edge32:38 did. Said of the model's own member, it is still denied.
    let stop = catch_bank();
    let pin = pin_bank();
    for (b, answer) in [
        (
            &stop,
            "It sends SIGTERM first, 90 seconds before SIGKILL; with SIGKILL the service \
             does not, when it tries to catch it, shut down cleanly.",
        ),
        (
            &pin,
            "Pin by digest, it is immutable. With a tag the build is not, when you count on \
             the same bytes, reproducible.",
        ),
    ] {
        let g = grade(b, answer);
        assert!(g.passed && g.contradictions.is_empty(), "{answer}: {g:?}");
    }
    for (b, answer) in [
        (
            &stop,
            "It sends SIGTERM first, 90 seconds before SIGKILL; with SIGTERM the service \
             does not, when it tries to catch it, shut down cleanly.",
        ),
        (
            &pin,
            "Pin by digest, it is immutable. With a digest the build is not, when you count \
             on the same bytes, reproducible.",
        ),
    ] {
        let g = grade(b, answer);
        assert!(!g.passed, "{answer}: {g:?}");
    }
}
