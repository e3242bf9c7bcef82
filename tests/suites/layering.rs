//! The layers point one way: the engine (`bank`, `grade`, `schedule`, `store`, `session`, `goal`)
//! never names the command line (`cli`, `cmd`) or the front ends (`frontend`). The
//! compiler would happily allow it, so this test reads the engine's source and fails on
//! any path into those modules, however it is written: `use crate::cmd::X`,
//! `use super::super::frontend`, a grouped `use crate::{bank, cli::Cli}`, an alias of
//! the crate root, or a path written inline in code (`crate::cmd::Outcome::Success`).
//!
//! It is a small Rust lexer, not a parser: comments and string literals are skipped,
//! `use` trees are expanded, and `crate`, `self` and `super` are resolved against the
//! file's module (inline `mod x { ... }` blocks included).

use crate::util::root;
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// The engine's modules.
const ENGINE: [&str; 6] = ["bank", "grade", "schedule", "store", "session", "goal"];
/// What the engine must not name.
const ABOVE: [&str; 3] = ["cli", "cmd", "frontend"];

#[test]
fn the_engine_never_names_the_command_line_or_the_front_ends() {
    let src = root().join("src");
    let mut files = Vec::new();
    for module in ENGINE {
        let single = src.join(format!("{module}.rs"));
        if single.is_file() {
            files.push(single);
        }
        rust_files(&src.join(module), &mut files);
    }
    assert!(
        files.len() >= ENGINE.len(),
        "the engine's files were not found under {}",
        src.display()
    );
    let mut found = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).expect("read a source file");
        let module = module_of(&src, file);
        for (line, path) in upward_paths(&text, &module) {
            found.push(format!(
                "{}:{line}: {}",
                file.strip_prefix(root()).unwrap_or(file).display(),
                path.join("::")
            ));
        }
    }
    assert!(
        found.is_empty(),
        "the engine names modules above it (move the code up, or what it needs down):\n{}",
        found.join("\n")
    );
}

#[test]
fn every_way_of_writing_an_upward_path_is_caught() {
    let store = vec!["store".to_owned(), "queue".to_owned()];
    let caught = |source: &str| -> Vec<String> {
        upward_paths(source, &store)
            .into_iter()
            .map(|(_, path)| path.join("::"))
            .collect()
    };
    assert_eq!(caught("use crate::cmd::Context;"), ["cmd::Context"]);
    assert_eq!(caught("use super::super::frontend;"), ["frontend"]);
    assert_eq!(
        caught("use crate::{bank::Bank, cli::{Cli, Command as C}};"),
        ["cli::Cli", "cli::Command"]
    );
    assert_eq!(caught("use crate::{self as up};\nuse up::cmd;"), ["cmd"]);
    assert_eq!(
        caught("use super::super as up; fn f() { up::cli::main(); }"),
        ["cli::main"]
    );
    assert_eq!(
        caught("fn f() -> u8 { let _ = crate::cmd::Outcome::Success; 0 }"),
        ["cmd::Outcome::Success"]
    );
    assert_eq!(caught("pub(crate) use crate :: cmd :: *;"), ["cmd"]);
    assert_eq!(
        caught("extern crate self as lib; use lib::frontend::Reply;"),
        ["frontend::Reply"]
    );
    // Inside `mod tests { ... }` of `store::queue`, `super` is `store::queue`: this
    // `super::super::cmd` is `store::cmd`, one `super` more is `crate::cmd`.
    assert!(caught("mod tests { use super::super::cmd; }").is_empty());
    assert_eq!(
        caught("mod tests { use super::super::super::cmd; }"),
        ["cmd"]
    );
    assert_eq!(
        caught("mod a { mod b { } } use super::super::cli;"),
        ["cli"]
    );
    // Not an upward path: a sibling, a comment, a string, a lifetime, another crate.
    assert!(caught("use super::model::Card; use crate::store::cmd_like;").is_empty());
    assert!(caught("// use crate::cmd;\n/* crate::cli /* nested */ */").is_empty());
    assert!(
        caught(r##"const A: &str = "crate::cmd"; const B: &str = r#"super::super::cli"#;"##)
            .is_empty()
    );
    assert!(caught("fn f<'a>(x: &'a str) -> char { let _ = 'c'; '\\'' }").is_empty());
    assert!(caught("use cmd::Thing; use std::process::Command;").is_empty());
}

/// Every `.rs` file under `dir`, recursively.
fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The module a file is: `src/store/queue.rs` is `store::queue`, `src/store/mod.rs`
/// is `store`.
fn module_of(src: &Path, file: &Path) -> Vec<String> {
    let relative = file.strip_prefix(src).unwrap_or(file).with_extension("");
    let mut module: Vec<String> = relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if module.last().is_some_and(|last| last == "mod") {
        module.pop();
    }
    module
}

/// A token that matters for paths.
#[derive(Debug, Clone, PartialEq)]
enum Token {
    Ident(String),
    PathSep,
    Open,
    Close,
    Comma,
    Semicolon,
    Star,
    Other,
}

/// The tokens of `source` with their lines, comments and literals left out.
fn tokens(source: &str) -> Vec<(usize, Token)> {
    let chars: Vec<char> = source.chars().collect();
    let mut out = Vec::new();
    let (mut i, mut line) = (0, 1);
    let at = |i: usize| chars.get(i).copied().unwrap_or('\0');
    while i < chars.len() {
        let c = chars[i];
        if c == '\n' {
            line += 1;
            i += 1;
        } else if c.is_whitespace() {
            i += 1;
        } else if c == '/' && at(i + 1) == '/' {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && at(i + 1) == '*' {
            let mut depth = 0;
            while i < chars.len() {
                if chars[i] == '/' && at(i + 1) == '*' {
                    depth += 1;
                    i += 2;
                } else if chars[i] == '*' && at(i + 1) == '/' {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    line += usize::from(chars[i] == '\n');
                    i += 1;
                }
            }
        } else if c == '"' || ((c == 'b' || c == 'c') && at(i + 1) == '"') {
            i += if c == '"' { 1 } else { 2 };
            while i < chars.len() && chars[i] != '"' {
                line += usize::from(chars[i] == '\n');
                i += if chars[i] == '\\' { 2 } else { 1 };
            }
            i += 1;
        } else if let Some(hashes) = raw_string_start(&chars, i) {
            // r"...", r#"..."#, br#"..."#: ends at a quote followed by as many hashes.
            i += chars[i..].iter().position(|&c| c == '"').unwrap_or(0) + 1;
            let closing: Vec<char> = std::iter::once('"')
                .chain(std::iter::repeat_n('#', hashes))
                .collect();
            while i < chars.len() && !chars[i..].starts_with(&closing) {
                line += usize::from(chars[i] == '\n');
                i += 1;
            }
            i += closing.len();
        } else if c == '\'' {
            // A char literal ('a', '\n', '\u{1F600}') or a lifetime ('a): a lifetime has
            // no closing quote right after its name.
            if at(i + 1) == '\\' {
                // Past the quote, the backslash and the escaped character.
                i += 3;
                while i < chars.len() && chars[i] != '\'' {
                    i += 1;
                }
                i += 1;
            } else if at(i + 2) == '\'' {
                i += 3;
            } else {
                i += 1;
                while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                    i += 1;
                }
            }
        } else if c.is_alphabetic() || c == '_' {
            let start = i;
            while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                i += 1;
            }
            let word: String = chars[start..i].iter().collect();
            out.push((line, Token::Ident(word.clone())));
            if at(i) == '#' && word == "r" {
                // A raw identifier `r#name`: the name follows.
                i += 1;
                out.pop();
            }
        } else if c == ':' && at(i + 1) == ':' {
            out.push((line, Token::PathSep));
            i += 2;
        } else {
            out.push((
                line,
                match c {
                    '{' => Token::Open,
                    '}' => Token::Close,
                    ',' => Token::Comma,
                    ';' => Token::Semicolon,
                    '*' => Token::Star,
                    _ => Token::Other,
                },
            ));
            i += 1;
        }
    }
    out
}

/// The number of `#` of a raw string starting at `i` (`r"`, `r#"`, `br##"`), if one does.
fn raw_string_start(chars: &[char], i: usize) -> Option<usize> {
    let previous = i.checked_sub(1).map(|p| chars[p]);
    if previous.is_some_and(|p| p.is_alphanumeric() || p == '_') {
        return None;
    }
    let mut j = i;
    if chars.get(j) == Some(&'b') || chars.get(j) == Some(&'c') {
        j += 1;
    }
    if chars.get(j) != Some(&'r') {
        return None;
    }
    j += 1;
    let hashes = chars[j..].iter().take_while(|&&c| c == '#').count();
    (chars.get(j + hashes) == Some(&'"')).then_some(hashes)
}

/// Every path in `source` (a file of module `module`) that leads into `cli`, `cmd` or
/// `frontend`, as (line, absolute path).
fn upward_paths(source: &str, module: &[String]) -> Vec<(usize, Vec<String>)> {
    let tokens = tokens(source);
    // Names bound to the crate root in this file (`use crate as up`, `extern crate self
    // as lib`); a path starting with one is a `crate::` path.
    let mut roots: HashSet<String> = HashSet::new();
    // Inline modules open at this point: (name, brace depth inside it).
    let mut inline: Vec<(String, usize)> = Vec::new();
    let mut depth = 0usize;
    let mut found = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let here = || -> Vec<String> {
            let inner = inline.iter().map(|(name, _)| name.clone());
            module.iter().cloned().chain(inner).collect()
        };
        let ident = |k: usize| match tokens.get(k) {
            Some((_, Token::Ident(word))) => Some(word.as_str()),
            _ => None,
        };
        match &tokens[i].1 {
            Token::Open => {
                depth += 1;
                i += 1;
            }
            Token::Close => {
                if inline.last().is_some_and(|(_, d)| *d == depth) {
                    inline.pop();
                }
                depth = depth.saturating_sub(1);
                i += 1;
            }
            Token::Ident(word) if word == "mod" => {
                match (ident(i + 1), tokens.get(i + 2).map(|t| &t.1)) {
                    (Some(name), Some(Token::Open)) => {
                        depth += 1;
                        inline.push((name.to_owned(), depth));
                        i += 3;
                    }
                    _ => i += 1,
                }
            }
            Token::Ident(word)
                if word == "extern"
                    && ident(i + 1) == Some("crate")
                    && ident(i + 2) == Some("self") =>
            {
                i += 3;
                if ident(i) == Some("as")
                    && let Some(name) = ident(i + 1)
                {
                    roots.insert(name.to_owned());
                    i += 2;
                }
            }
            Token::Ident(word) if word == "use" => {
                let line = tokens[i].0;
                let end = tokens[i..]
                    .iter()
                    .position(|(_, t)| *t == Token::Semicolon)
                    .map_or(tokens.len(), |p| i + p);
                let mut bindings = Vec::new();
                expand_use(&tokens[i + 1..end], &[], &mut bindings);
                let here = here();
                for (path, name) in bindings {
                    let Some(absolute) = resolve(&path, &here, &roots) else {
                        continue;
                    };
                    if absolute.is_empty() {
                        if let Some(name) = name {
                            roots.insert(name);
                        }
                    } else if ABOVE.contains(&absolute[0].as_str()) {
                        found.push((line, absolute));
                    }
                }
                i = end + 1;
            }
            Token::Ident(first) => {
                // An inline path: `first::second::...`.
                let line = tokens[i].0;
                let mut path = vec![first.clone()];
                let mut k = i + 1;
                while tokens.get(k).map(|t| &t.1) == Some(&Token::PathSep) {
                    match ident(k + 1) {
                        Some(next) => path.push(next.to_owned()),
                        None => break,
                    }
                    k += 2;
                }
                let after_sep = matches!(
                    tokens.get(i.wrapping_sub(1)).map(|t| &t.1),
                    Some(Token::PathSep)
                );
                if path.len() > 1
                    && !after_sep
                    && let Some(absolute) = resolve(&path, &here(), &roots)
                    && absolute
                        .first()
                        .is_some_and(|m| ABOVE.contains(&m.as_str()))
                {
                    found.push((line, absolute));
                }
                i = k.max(i + 1);
            }
            _ => i += 1,
        }
    }
    found
}

/// Expands a `use` tree into (path, the name it binds): `a::{b, c::d as e, *}` gives
/// `a::b` (b), `a::c::d` (e) and `a` (none, a glob). `self` in a group is the prefix.
fn expand_use(
    tree: &[(usize, Token)],
    prefix: &[String],
    out: &mut Vec<(Vec<String>, Option<String>)>,
) {
    let mut items: Vec<&[(usize, Token)]> = Vec::new();
    let (mut start, mut depth) = (0, 0);
    for (k, (_, token)) in tree.iter().enumerate() {
        match token {
            Token::Open => depth += 1,
            Token::Close => depth -= 1,
            Token::Comma if depth == 0 => {
                items.push(&tree[start..k]);
                start = k + 1;
            }
            _ => {}
        }
    }
    items.push(&tree[start..]);
    for item in items.into_iter().filter(|item| !item.is_empty()) {
        let mut path = prefix.to_vec();
        let mut k = 0;
        let mut binding = None;
        while k < item.len() {
            match &item[k].1 {
                Token::Ident(word) if word == "as" => {
                    if let Some((_, Token::Ident(name))) = item.get(k + 1) {
                        binding = Some(name.clone());
                    }
                    k += 2;
                }
                Token::Ident(word) if word == "self" && k == 0 && !prefix.is_empty() => k += 1,
                Token::Ident(word) => {
                    path.push(word.clone());
                    k += 1;
                }
                Token::Open => {
                    let close = item.len()
                        - 1
                        - item
                            .iter()
                            .rev()
                            .position(|(_, t)| *t == Token::Close)
                            .unwrap_or(0);
                    expand_use(&item[k + 1..close], &path, out);
                    path.clear();
                    break;
                }
                Token::Star => {
                    out.push((path.clone(), None));
                    path.clear();
                    break;
                }
                _ => k += 1,
            }
        }
        if !path.is_empty() {
            let name = binding.or_else(|| path.last().cloned());
            out.push((path, name));
        }
    }
}

/// The absolute module path of `path` written in module `here`: `crate::a` is `a`,
/// `super::a` is `a` beside `here`, `self::a` is `a` inside it, and a name bound to the
/// crate root stands for `crate`. `None` for a path that starts anywhere else (another
/// crate, or a name in scope).
fn resolve(path: &[String], here: &[String], roots: &HashSet<String>) -> Option<Vec<String>> {
    let first = path.first()?;
    let mut base: Vec<String> = match first.as_str() {
        "crate" => Vec::new(),
        "self" => here.to_vec(),
        "super" => here.to_vec(),
        name if roots.contains(name) => Vec::new(),
        _ => return None,
    };
    let mut rest = &path[1..];
    if first == "super" {
        base.pop()?;
        while rest.first().is_some_and(|s| s == "super") {
            base.pop()?;
            rest = &rest[1..];
        }
    }
    base.extend(rest.iter().cloned());
    Some(base)
}
