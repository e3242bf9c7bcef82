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
    &["delete", "remove", "erase"],
    &["localhost", "127.0.0.1", "::1", "loopback"],
    &["persist", "survive", "outlive", "outlast"],
    &["kill", "terminate"],
    &["disk", "drive"],
    &["fast", "quick"],
    &["large", "big"],
    &["small", "tiny"],
    &["limit", "cap", "restrict", "ceiling"],
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
];

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

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
