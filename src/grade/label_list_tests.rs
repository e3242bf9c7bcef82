//! Unit tests of a list of labelled items ("blob: file contents, tree: a directory",
//! "Four: blob (file contents), tree (a directory)"): the reach of a label ends at the
//! next label of the list (see `token::next_label`), so a misconception that joins one
//! item's label to another item's words does not fire, while a label still links its
//! own item, and a plain list after a label stays linked. Fresh answers on git objects
//! and HTTP methods, right and wrong.

use super::tests::{fails, mistakes_bank, passes, relation, segment};
use super::*;

/// A bank of one question: four relations of a label and what it is, one mistake (the
/// first label joined to the second's words, within a clause).
fn list_bank(model: &str, pairs: &[(&[&str], &[&str])], mistake: &[&[&str]]) -> Bank {
    let concepts = pairs
        .iter()
        .map(|(label, what)| relation(&[label, what], false, 1.0, false))
        .collect();
    mistakes_bank(
        "Name them and say what each is.",
        model,
        concepts,
        vec![relation(mistake, false, 1.0, false)],
    )
}

fn git() -> Bank {
    list_bank(
        "Four object types: a blob holds a file's contents, a tree lists a directory, a \
         commit points to a tree and its parents, and a tag names a commit.",
        &[
            (&["blob"], &["contents", "content", "file"]),
            (&["tree"], &["directory", "folder"]),
            (&["commit"], &["parent", "parents", "snapshot"]),
            (&["tag"], &["name", "names", "label"]),
        ],
        &[&["blob"], &["directory", "folder"]],
    )
}

fn http() -> Bank {
    list_bank(
        "GET reads a resource, POST creates one, PUT replaces it, DELETE removes it.",
        &[
            (&["get"], &["read", "reads", "fetch", "fetches"]),
            (&["post"], &["create", "creates"]),
            (&["put"], &["replace", "replaces"]),
            (&["delete"], &["remove", "removes"]),
        ],
        &[&["get"], &["create", "creates"]],
    )
}

#[test]
fn the_next_label_of_a_list_ends_the_reach_of_the_one_before() {
    let git = git();
    passes(
        &git,
        "blob: file contents, tree: a directory, commit: a snapshot with parents, tag: a name.",
    );
    passes(
        &git,
        "Four: blob (file contents), tree (a directory), commit (snapshot and parents), tag \
         (a name for a commit).",
    );
    let http = http();
    passes(
        &http,
        "GET: read, POST: create, PUT: replace, DELETE: remove.",
    );
    passes(
        &http,
        "Four verbs: GET (reads), POST (creates), PUT (replaces), DELETE (removes).",
    );
}

#[test]
fn a_label_said_wrongly_still_fails() {
    // Swapped: each label names the wrong thing, in its own item.
    let git = git();
    fails(
        &git,
        "blob: a directory, tree: file contents, commit: a name, tag: a snapshot.",
    );
    fails(
        &git,
        "Four: blob (a directory), tree (file contents), commit (a name), tag (snapshot).",
    );
    let http = http();
    fails(
        &http,
        "GET: create, POST: read, PUT: remove, DELETE: replace.",
    );
    // Within one item the label still reaches every comma of its plain list.
    fails(&http, "GET: creates, stores, returns it; POST: reads.");
}

#[test]
fn a_plain_list_after_a_label_stays_linked() {
    // A plain list, and a word with brackets after a plain item: all the label's.
    let text = "alpine: small, shell, musl (a small libc).";
    assert_eq!(segment(text, "alpine"), segment(text, "musl"));
    // A list of labelled items: each label reaches its own item only.
    let text = "Files: 644, dirs: 755.";
    assert_eq!(segment(text, "files"), segment(text, "644"));
    assert_ne!(segment(text, "files"), segment(text, "dirs"));
    assert_eq!(segment(text, "dirs"), segment(text, "755"));
    let text = "Two: blob (contents), tree (directory).";
    assert_eq!(segment(text, "blob"), segment(text, "contents"));
    assert_ne!(segment(text, "contents"), segment(text, "tree"));
    assert_eq!(segment(text, "tree"), segment(text, "directory"));
}

/// Filesystem hierarchy: five directories and what each holds (round 46, w84-codenum).
fn directories() -> Bank {
    list_bank(
        "/etc holds configuration, /var variable data such as logs, /tmp temporary files, \
         /home the users' files and /bin the essential executables.",
        &[
            (&["etc"], &["config", "configuration", "settings"]),
            (&["var"], &["logs", "log", "spool", "variable"]),
            (&["tmp"], &["temporary", "scratch"]),
            (&["home"], &["user", "users"]),
            (&["bin"], &["executables", "binaries", "commands"]),
        ],
        &[&["etc"], &["logs", "log"]],
    )
}

#[test]
fn labelled_items_with_code_are_no_list_of_terms() {
    // Labels paired with what they are make a terse claim, code among the descriptions
    // or not (a path, a `/` between two words); swapped, they still fail on the rubric.
    let b = directories();
    for right in [
        "etc: config/settings, var: logs/spool, tmp: temporary files, home: user files, bin: \
         executables.",
        "etc: config such as /etc/fstab; var: logs in /var/log; tmp: scratch; home: users; \
         bin: ls/cp.",
    ] {
        passes(&b, right);
    }
    for wrong in [
        "etc: logs/spool, var: config/settings, tmp: user files, home: temporary files, bin: \
         executables.",
        "etc: temporary/scratch, var: user files, tmp: config/settings, home: executables, \
         bin: logs.",
    ] {
        fails(&b, wrong);
    }
    // Terms and paths with no label paired to them are still a list.
    fails(&b, "etc, var, tmp, home, bin, /etc/fstab, /var/log, /tmp/x");
}
