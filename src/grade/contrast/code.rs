//! Contradictions in code tokens: a pair turned round (`80:8080` where the model
//! answer publishes `8080:80`), a path that leaves the model answer's where they
//! share a root (`/var/lib/docker/containers` for `/var/lib/docker/volumes`) or that
//! names another file of the same system folder (`/etc/passwd` for `/etc/shadow`), a
//! path that ends like the model answer's under another root (`/etc/docker/volumes`
//! for `/var/lib/docker/volumes`), and a path written relative (`./app/data`) where
//! the model answer writes it absolute (`/app/data`). A file whose name the writer of a
//! command picks (a lock or pid file, a temporary file, a file in a `.d` folder) may be
//! named otherwise in the model answer's folder.

use super::{Contradiction, Contrasts};
use crate::grade::matcher::PreparedAnswer;
use crate::grade::token::Class;
use std::sync::Arc;

impl Contrasts {
    /// A pair `a:b` of the answer whose reverse `b:a` the model answer states, and not
    /// itself (host and container ports, or paths, swapped).
    pub(super) fn turned_pair(&self, answer: &PreparedAnswer) -> Option<Contradiction> {
        if self.code.is_empty() {
            // No pair of the model answer to turn round.
            return None;
        }
        answer.tokens().iter().find_map(|t| {
            // Cheap first, for every token: most words have no `:` (a byte loop, where
            // `split_once` sets up a search per word).
            if !t.norm.bytes().any(|b| b == b':') {
                return None;
            }
            let (a, b) = pair(&t.norm)?;
            let turned = format!("{b}:{a}");
            let known = |list: &[Arc<str>], s: &str| list.iter().any(|c| &**c == s);
            (known(&self.code, &turned)
                && !known(&self.code, &t.norm)
                && !known(&self.quoted, &t.norm))
            .then(|| Contradiction {
                role: "pair".to_owned(),
                said: t.norm.to_string(),
                model: format!("`{turned}` (the other way round)"),
                anchor: None,
                matched: vec![t.norm.to_string()],
            })
        })
    }

    /// A path of the answer that shares its first three folders with a path of the
    /// model answer and then leaves it, when no path of the answer follows the model's.
    pub(super) fn other_path(&self, answer: &PreparedAnswer) -> Option<Contradiction> {
        let paths = paths_of(answer);
        let model: Vec<&str> = self
            .code
            .iter()
            .map(|c| &**c)
            .filter(|c| c.starts_with('/'))
            .collect();
        paths.iter().find_map(|&path| {
            if model.iter().any(|m| along(path, m)) || self.quoted.iter().any(|q| &**q == path) {
                return None;
            }
            let left = model
                .iter()
                .find(|&&m| leaves(path, m) && !paths.iter().any(|p| along(p, m)))?;
            Some(path_instead(path, left))
        })
    }
}

impl Contrasts {
    /// A path the answer writes relative with `./` (alone or as a value,
    /// `target=./app/data`) where the model answer writes it absolute (`/app/data`,
    /// `target=/app/data`) and never as the answer does, when the answer writes the
    /// absolute path nowhere and does not negate its own.
    pub(super) fn relative_path(&self, answer: &PreparedAnswer) -> Option<Contradiction> {
        let tokens = answer.tokens();
        let writes = |list: &[Arc<str>], path: &str| list.iter().any(|c| states(c, path));
        tokens.iter().enumerate().find_map(|(i, t)| {
            let absolute = t.norm.strip_prefix('.').filter(|p| p.starts_with('/'))?;
            let said = t.class == Class::Code
                && writes(&self.code, absolute)
                && !writes(&self.code, &t.norm)
                && !writes(&self.quoted, &t.norm)
                && !answer.negated(i)
                && !tokens.iter().any(|a| states(&a.norm, absolute));
            said.then(|| path_instead(&t.norm, absolute))
        })
    }

    /// A path of the answer whose last two folders are two folders of a path of the
    /// model answer, under other folders than the model's (`/etc/docker/volumes` for
    /// `/var/lib/docker/volumes/pgdata/_data`), when no path of the answer follows that
    /// model path. A home folder (`~`, `/home/...`, `/root`) is anyone's, and a path that
    /// only lacks the model's first folders (`/run/docker.sock` for
    /// `/var/run/docker.sock`) is the same place seen from elsewhere.
    pub(super) fn rerooted_path(&self, answer: &PreparedAnswer) -> Option<Contradiction> {
        let model: Vec<&str> = self
            .code
            .iter()
            .map(|c| &**c)
            .filter(|c| c.starts_with('/') && !c.contains(':') && !home(c))
            .collect();
        if model.is_empty() {
            return None;
        }
        let paths = paths_of(answer);
        paths.iter().find_map(|&path| {
            if path.contains(':')
                || home(path)
                || self.quoted.iter().any(|q| &**q == path)
                || model.iter().any(|m| along(path, m))
            {
                return None;
            }
            let left = model.iter().find(|&&m| {
                rerooted(path, m) && !paths.iter().any(|p| along(p, m) || along(m, p))
            })?;
            Some(path_instead(path, left))
        })
    }
}

/// The contradiction of a `path` written where the model answer has `model`.
fn path_instead(path: &str, model: &str) -> Contradiction {
    Contradiction {
        role: "path".to_owned(),
        said: path.to_owned(),
        model: format!("`{model}`"),
        anchor: None,
        matched: vec![path.to_owned()],
    }
}

/// Whether a code token writes `path`: it is the path, or one of its `key=value`
/// options has it as the value (`target=/app/data`).
fn states(token: &str, path: &str) -> bool {
    token == path
        || token.split(',').any(|option| {
            option
                .split_once('=')
                .is_some_and(|(_, value)| value == path)
        })
}

/// The paths an answer writes (not those inside another code token).
fn paths_of(answer: &PreparedAnswer) -> Vec<&str> {
    answer
        .tokens()
        .iter()
        .filter(|t| t.class == Class::Code && !t.part && t.norm.starts_with('/'))
        .map(|t| &*t.norm)
        .collect()
}

/// Whether a path is in a home folder.
fn home(path: &str) -> bool {
    ["~", "/home/", "/root", "/users/", "$home"]
        .iter()
        .any(|h| path.starts_with(h))
}

/// Whether `a` ends in two folders that `b` has one after the other, under other
/// folders than `b` has before them (and some at all).
fn rerooted(a: &str, b: &str) -> bool {
    if along(&run_folder(a), &run_folder(b)) {
        // `/run/lock/backup.lock` is `/var/lock/backup.lock`.
        return false;
    }
    let a: Vec<&str> = folders(a).collect();
    let b: Vec<&str> = folders(b).collect();
    if a.len() < 3 {
        return false;
    }
    let tail = &a[a.len() - 2..];
    let root = &a[..a.len() - 2];
    (1..b.len().saturating_sub(1)).any(|j| &b[j..j + 2] == tail && &b[..j] != root)
}

/// A path with `/var/run` and `/var/lock` written as the folders they link to on Linux,
/// `/run` and `/run/lock`.
fn run_folder(path: &str) -> String {
    for (old, new) in [("/var/run/", "/run/"), ("/var/lock/", "/run/lock/")] {
        if let Some(rest) = path.strip_prefix(old) {
            return format!("{new}{rest}");
        }
    }
    path.to_owned()
}

/// `a` and `b` of a pair token `a:b` (a port mapping, a bind mount's two paths).
fn pair(token: &str) -> Option<(&str, &str)> {
    let (a, b) = token.split_once(':')?;
    let ok = |s: &str| {
        !s.is_empty()
            && s.chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '/' | '.' | '_' | '-'))
    };
    (ok(a) && ok(b) && a != b && !b.contains(':')).then_some((a, b))
}

/// The folders of a path.
fn folders(path: &str) -> impl Iterator<Item = &str> {
    path.split('/').filter(|f| !f.is_empty())
}

/// Whether one path is the other or under it, a folder mistyped or not
/// (`/var/lib/docker/volums` is `/var/lib/docker/volumes`).
fn along(a: &str, b: &str) -> bool {
    let mut a = folders(a);
    let mut b = folders(b);
    loop {
        match (a.next(), b.next()) {
            (Some(x), Some(y)) if x == y || mistyped(x, y) => {}
            (None, _) | (_, None) => return true,
            _ => return false,
        }
    }
}

/// Whether two folder names of five letters or more are one edit apart with the same
/// first letter: a slip of the finger, not another folder.
fn mistyped(x: &str, y: &str) -> bool {
    x.len().min(y.len()) >= 5
        && x.as_bytes()[0] == y.as_bytes()[0]
        && crate::lang::edit_distance_within(x, y, 1).is_some()
}

/// Whether `a` and `b` share at least their first three folders and then differ, or
/// are two files of one system folder (see [`siblings`]).
fn leaves(a: &str, b: &str) -> bool {
    let same = folders(a)
        .zip(folders(b))
        .take_while(|(x, y)| x == y)
        .count();
    (same >= 3 || siblings(a, b)) && !along(a, b) && !renamed_by_writer(a, b)
}

/// Whether `a` and `b` are two names, in one folder, of a file whose name whoever writes
/// the command or the config picks: a lock or pid file (`/var/lock/backup.lock`,
/// `/run/app.pid`), a file in a folder of locks or temporary files (`/run/lock`,
/// `/tmp`), or one dropped into a `.d` folder (`/etc/sysctl.d/90-conntrack.conf`).
/// `/var/lock/job.lock` for `/var/lock/backup.lock` is the same lock, named otherwise.
fn renamed_by_writer(a: &str, b: &str) -> bool {
    let (Some((folder, x)), Some((other, y))) = (a.rsplit_once('/'), b.rsplit_once('/')) else {
        return false;
    };
    let picked = |name: &str| name.ends_with(".lock") || name.ends_with(".pid");
    let scratch = folders(folder)
        .last()
        .is_some_and(|f| matches!(f, "lock" | "locks" | "tmp") || f.ends_with(".d"));
    folder == other && (scratch || (picked(x) && picked(y)))
}

/// Whether `a` and `b` are two names in one folder of the system's own (`/etc`,
/// `/proc`, `/usr`, ...), whose files have fixed names: `/etc/passwd` is another file
/// than `/etc/shadow`. Not in a folder of logs (distributions name them differently),
/// nor when one name begins the other (`sources.list`, `sources.list.d`).
fn siblings(a: &str, b: &str) -> bool {
    let (Some((folder, x)), Some((other, y))) = (a.rsplit_once('/'), b.rsplit_once('/')) else {
        return false;
    };
    let system = |folder: &str| {
        matches!(
            folders(folder).next(),
            Some("etc" | "proc" | "sys" | "usr" | "var" | "lib" | "bin" | "sbin" | "boot" | "run")
        )
    };
    folder == other
        && !x.is_empty()
        && !y.is_empty()
        && system(folder)
        && !folders(folder).any(|f| f == "log")
        && !x.starts_with(y)
        && !y.starts_with(x)
}
