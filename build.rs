//! Embeds the shipped banks (`banks/**/*.toml`) in the binary, so an installed `recall`
//! works from any folder: writes `$OUT_DIR/builtin_banks.rs` with one `include_str!`
//! per bank file.

use std::path::{Path, PathBuf};

fn main() {
    let root =
        PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
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
