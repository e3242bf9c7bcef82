//! Embeds the shipped banks (`banks/**/*.toml`) in the binary, so an installed `recall`
//! works from any folder: writes `$OUT_DIR/builtin_banks.rs` with one `include_str!`
//! per bank file.
//!
//! It also sets `RECALL_TOML_VERSIONS` to the versions of the `toml` crates in
//! `Cargo.lock`: bank diagnostics quote their messages, so the bank cache's stamp
//! (`src/bank/cache.rs`) includes them, and a cache written with other messages is
//! thrown away.

use std::path::{Path, PathBuf};

fn main() {
    let root =
        PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let lock = root.join("Cargo.lock");
    println!("cargo:rerun-if-changed={}", lock.display());
    let versions = std::fs::read_to_string(&lock)
        .map(|text| toml_versions(&text))
        .unwrap_or_default();
    println!("cargo:rustc-env=RECALL_TOML_VERSIONS={versions}");
    let banks = root.join("banks");
    println!("cargo:rerun-if-changed=banks");
    let mut files = Vec::new();
    collect(&banks, &mut files);
    files.sort();
    let mut out = String::from(
        "/// The shipped banks: (path under banks/, contents).\npub static BANKS: &[(&str, &str)] = &[\n",
    );
    for file in &files {
        println!("cargo:rerun-if-changed={}", file.display());
        let name = file
            .strip_prefix(&banks)
            .expect("under banks/")
            .to_string_lossy()
            .replace('\\', "/");
        out.push_str(&format!(
            "    ({name:?}, include_str!({:?})),\n",
            file.display().to_string()
        ));
    }
    out.push_str("];\n");
    let dest = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"))
        .join("builtin_banks.rs");
    std::fs::write(dest, out).expect("write builtin_banks.rs");
}

fn collect(dir: &Path, files: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            println!("cargo:rerun-if-changed={}", path.display());
            collect(&path, files);
        } else if path.extension().is_some_and(|e| e == "toml") {
            files.push(path);
        }
    }
}

/// `toml 1.2.2, toml_parser 1.1.6, ...`: every package of `Cargo.lock` whose name starts
/// with `toml`, in the file's (sorted) order. Read line by line: a lock file is simple
/// enough, and a TOML parser here would be a build dependency for one list.
fn toml_versions(lock: &str) -> String {
    let mut found = Vec::new();
    let mut name: Option<&str> = None;
    for line in lock.lines() {
        let value = |key: &str| {
            line.strip_prefix(key)
                .and_then(|rest| rest.trim().strip_prefix('='))
                .map(|v| v.trim().trim_matches('"'))
        };
        if line.starts_with("[[package]]") {
            name = None;
        } else if let Some(value) = value("name") {
            name = Some(value);
        } else if let (Some(package), Some(version)) = (name, value("version"))
            && (package == "toml" || package.starts_with("toml_"))
        {
            found.push(format!("{package} {version}"));
        }
    }
    found.join(", ")
}
