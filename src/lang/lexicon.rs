//! recall's built-in lexicon: groups of words and phrases that mean the same in the
//! technical register of a short answer (RAM and memory, folder and directory, the
//! spellings of the loopback address), so an author need not list them in every rubric.
//!
//! A group is an equivalence: any member stands for any other. The grader expands a
//! keyword with the groups (`grade::lexicon`); banks add their own groups with
//! `[bank.synonyms]` or a lexicon file. Only equivalences that hold in nearly every
//! technical sentence belong here: a pair that is a synonym in one subject and not in
//! another ("db" and "database" in a Compose file, where `db` is a service) belongs in
//! a bank's own synonyms.

/// The built-in groups, each a list of words or phrases.
pub const TECHNICAL: &[&[&str]] = &[
    &["memory", "ram", "space"],
    &["folder", "directory", "dir"],
    &["delete", "remove", "erase", "get rid of", "throw away"],
    &["localhost", "127.0.0.1", "127.1", "::1", "loopback"],
    &["persist", "survive", "outlive", "outlast", "remain"],
    &["kill", "terminate"],
    &["disk", "drive"],
    &["fast", "quick", "low latency"],
    &["large", "big"],
    &["small", "tiny"],
    &["limit", "cap", "restrict", "ceiling", "upper bound"],
    &["hostname", "host name"],
    &["filesystem", "file system"],
    &["healthcheck", "health check"],
    &["syscall", "system call"],
    &["cgroup", "control group"],
    &["namespace", "ns"],
    &["pid", "process id"],
    &["uid", "user id"],
    &["gid", "group id"],
    &["vm", "virtual machine"],
    &["cpu", "processor"],
    &["oom", "out of memory"],
    &["sigkill", "kill -9", "signal 9"],
    &["throttle", "slow down"],
    &["nat", "network address translation"],
    &["readonly", "read only"],
    &["multistage", "multi stage"],
    &["nonroot", "non root"],
    &["startup", "start up"],
    &["config", "configuration"],
    &["app", "application"],
    &["env", "environment"],
    &["dev", "development"],
    &["prod", "production"],
    &["k8s", "kubernetes"],
    &["ip", "ip address"],
    // The general programming and data-structures register (issue 11, round 4): words
    // a course uses for one thing, whichever its textbook prefers. Each group was kept
    // for what it gave on the tuning half of the Mohler answers without changing a
    // verdict of the Docker sets (see BENCHMARKS.md).
    &["element", "item"],
    &["function", "method", "procedure", "routine"],
    &["unlimited", "infinite", "unbounded", "as many as"],
    &["store", "hold", "save"],
    &["invoke", "call"],
    // Round 6: chosen the same way, each alone and then together on the tuning half.
    &["location", "address", "place"],
    &["need", "require"],
    &["declare", "define"],
    // Round 13 (issue 11): abbreviations of the operations register and what they stand
    // for, true both ways wherever they are written. Left out: "pvc", "pv" and "csi"
    // (a model answer that spells them out, "persistent volume claims (PVCs)", gave
    // every one of its words to an answer that only names the abbreviation, and wrong
    // answers about PVCs passed), and "lb" (it passed a wrong answer of the Docker sets).
    &["ha", "high availability"],
    &["spof", "single point of failure"],
    &["netns", "network namespace"],
    &["userns", "user namespace"],
    &["cnm", "container network model"],
    // Round 15: a network that splits is partitioned ("when the network splits, a CP
    // store stops answering"). Not "partition" alone: a disk has partitions too.
    &["network partition", "network split"],
    // A mutex is a lock; "the lock" of a model answer is the mutex of a terse one.
    &["mutex", "lock"],
    // Round 20 (w25-rubrics): the other common wordings of the Docker banks' required
    // concepts, reviewed question by question as an author would; each holds in any
    // technical text (a name and what it stands for, two spellings of one word, or one
    // thing under its two usual names). Left out: "stop" for "kill" (SIGSTOP pauses, and
    // `docker stop` asks first), "unprivileged" for "non root" (an unprivileged container
    // is one without --privileged), "deps" for "dependencies" (its stem is that of
    // "depends") and "nic" for "network card" (four right answers of the held-out Docker
    // sets failed with it).
    &["os", "operating system"],
    &["dns", "domain name system"],
    &["sigterm", "signal 15"],
    &[
        "ipc",
        "interprocess communication",
        "inter process communication",
    ],
    &["psi", "pressure stall information"],
    // Round 21 (w26-docker): a software bill of materials is said without its first word
    // in a build pipeline ("the build emits a bill of materials"), and an image's digest
    // is its content hash (the sha256 of its manifest), the two names used alike.
    &["sbom", "software bill of materials", "bill of materials"],
    &["digest", "content hash"],
    &["ci", "continuous integration"],
    &["exit code", "exit status", "return code"],
    &["stdout", "standard output"],
    &["stderr", "standard error"],
    &["stdin", "standard input"],
    &["repo", "repository"],
    &["writable", "writeable", "read write"],
    &[
        "least privilege",
        "minimal privileges",
        "minimum privileges",
    ],
    &["hot reload", "live reload"],
    &["backup", "back up"],
    &["shutdown", "shut down"],
    &["cleanup", "clean up"],
    &["isolate", "wall off", "seal off", "fence off"],
    // Round 32 (w46-lexicon): the alternatives that authors of four probes listed alike
    // for one thing (text that is not encrypted, a link by path, dropping repeats), and
    // the two spellings of words that differ in two letters, more than a typo of a short
    // word may (*centre*, *center*). Left out: *failure* for *fail* (the stemmer leaves
    // them apart; joined, a derived rubric's swapped answer passed, probe18:176), *crash*
    // and *go down* for *fail* (a check or a build fails, it does not crash), *drop* for
    // *remove* (a firewall drops packets), *launch* and *spin up* for *start* (they cost
    // a SciEntsBank answer again, as in round 6), *entry* for *item* (*element-wise*
    // gave a swapped answer a derived rubric's *entry*), *stall* for *block* (a typo
    // of it, *stale*, made a misconception), and *single* for *one*. Two members join
    // older groups: *remain* (the data remains: it persists) and *low latency* (fast).
    &[
        "plaintext",
        "plain text",
        "cleartext",
        "clear text",
        "unencrypted",
        "in the clear",
    ],
    &["symlink", "symbolic link", "soft link"],
    &["dedupe", "deduplicate"],
    &["mtime", "modification time"],
    &["center", "centre"],
    &["fiber", "fibre"],
    // Round 47 (w86-derived): the formulas of the commonest molecules, which an answer
    // writes in place of the names in any subject ("CO2 + water -> glucose + O2" for a
    // model answer's *carbon dioxide* and *oxygen*; "CO₂" is read as "co2"). Left out:
    // *n2* (a bank writes it for n squared), *h2* (HTTP/2 and a heading tag).
    &["co2", "carbon dioxide"],
    &["o2", "oxygen"],
    &["h2o", "water"],
];

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    /// Round 20's groups and the later additions (round 21's, round 24's *occupy* and
    /// *fill*), each met in a wording of its own: a keyword written one way finds an
    /// answer that says it the other way.
    #[test]
    fn the_round_20_groups_meet_the_other_wording() {
        let cases = [
            ("delete", "the sweeper gets rid of stale snapshots"),
            ("limit", "we set an upper bound on the queue"),
            ("operating system", "every guest runs a full os"),
            ("dns", "the resolver speaks the domain name system protocol"),
            ("sigterm", "the supervisor sends signal 15 first"),
            ("ipc", "pipes are a form of interprocess communication"),
            ("psi", "read the pressure stall information files"),
            (
                "sbom",
                "publish a software bill of materials with each release",
            ),
            ("continuous integration", "the ci runner rebuilds it"),
            ("exit code", "the probe's return code decides"),
            ("standard output", "the job writes its report to stdout"),
            ("standard error", "warnings go to stderr"),
            ("stdin", "the filter reads standard input"),
            ("repository", "clone the repo first"),
            ("writable", "a read-write scratch area"),
            ("least privilege", "grant the job minimal privileges"),
            ("live reload", "the dev server does hot reload"),
            ("backup", "back up the ledger nightly"),
            ("shut down", "a clean shutdown flushes the log"),
            ("cleanup", "clean up the temp files"),
            ("isolate", "the sandbox walls off the plugin"),
            ("permanently", "the rows are gone for good"),
            ("brittle", "hand-edited configs are fragile"),
            ("cheap", "object storage is inexpensive"),
            ("costly", "cross-region traffic is expensive"),
            ("deleted", "the old build cache is thrown away each night"),
            ("remove", "it throws away the stale lock file"),
            (
                "sbom",
                "the release job attaches a bill of materials to each artifact",
            ),
            (
                "digest",
                "deploy the artifact by its content hash, never by name",
            ),
            (
                "content hash",
                "the registry answers with the manifest's digest",
            ),
            ("occupied", "idle sessions fill every pool slot"),
            ("fills", "the spool occupies the scratch partition"),
        ];
        for (keyword, answer) in cases {
            assert!(passes(keyword, answer), "{keyword} in {answer:?}");
        }
    }

    /// Whether `answer` passes a question whose one required concept is `keyword`.
    fn passes(keyword: &str, answer: &str) -> bool {
        use crate::bank::load_str;
        use crate::grade::Grader;
        use std::path::Path;
        let toml = format!(
            "[bank]\nid = \"b\"\ntitle = \"B\"\n\n[[question]]\nid = \"q\"\n\
             kind = \"short_answer\"\nprompt = \"Say it.\"\n\
             model_answer = \"It is about {keyword}.\"\n\
             keywords = [{{ any = [\"{keyword}\"], required = true }}]\n"
        );
        let (bank, problems) = load_str(Path::new("b.toml"), &toml);
        let bank = bank.unwrap_or_else(|| panic!("{problems:?}"));
        Grader::new(std::slice::from_ref(&bank))
            .grade(&bank, &bank.questions[0], answer)
            .passed
    }

    /// Round 32's groups, in sentences of their own: a keyword written one way finds an
    /// answer that says it the other way, and an answer that says another thing with
    /// the same words around it does not.
    #[test]
    fn the_round_32_groups_meet_the_other_wording_and_nothing_else() {
        let met = [
            ("plaintext", "the cookie travels in the clear"),
            ("plaintext", "passwords stored unencrypted"),
            ("unencrypted", "the backup sits there as cleartext"),
            ("in the clear", "it ships plaintext credentials"),
            ("symlink", "a symbolic link to the release"),
            ("symbolic link", "it makes a soft link in /usr/bin"),
            ("deduplicate", "consumers dedupe on the message id"),
            ("dedupe", "we deduplicate by event id"),
            ("mtime", "rsync compares the modification time"),
            ("modification time", "make reads each file's mtime"),
            ("data center", "a second data centre"),
            ("fibre", "the sites share dark fiber"),
            ("persist", "the rows remain after a restart"),
            ("survives", "the spool remains when it is replaced"),
            ("fast", "the cache gives low latency reads"),
            ("low latency", "reads from the cache are quick"),
        ];
        for (keyword, answer) in met {
            assert!(passes(keyword, answer), "{keyword} in {answer:?}");
        }
        let apart = [
            ("plaintext", "the token is signed with HMAC"),
            ("symlink", "a hard link shares the inode"),
            ("deduplicate", "consumers retry on the message id"),
            ("mtime", "make reads each file's owner"),
            ("persist", "the rows are wiped after a restart"),
            ("low latency", "the cache gives high throughput"),
        ];
        for (keyword, answer) in apart {
            assert!(!passes(keyword, answer), "{keyword} in {answer:?}");
        }
    }

    #[test]
    fn a_member_is_in_one_group_only() {
        let mut seen = HashSet::new();
        for group in TECHNICAL {
            assert!(group.len() >= 2, "{group:?}");
            for member in *group {
                assert_eq!(member.to_lowercase(), *member);
                assert!(seen.insert(*member), "{member} is in two groups");
            }
        }
    }
}
