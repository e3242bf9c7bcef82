//! The benchmark baseline: what reading the banks costs with nothing but `toml` + serde.
//!
//! ```text
//! cargo run --release --example bare_parse -- DIR
//! ```
//!
//! reads every `*.toml` under DIR and deserialises it into plain serde structs shaped
//! like the bank format (no spans, no checks, no diagnostics, one thread): the least any
//! loader built on `toml` must spend. Prints the files, bytes, questions and time, so
//! `scripts/bench.sh` can divide recall's times by it. Not part of recall.

use serde::Deserialize;
use std::path::{Path, PathBuf};
use std::time::Instant;

#[derive(Deserialize)]
#[allow(dead_code)] // read to be parsed, never used
struct File {
    bank: Bank,
    #[serde(default)]
    question: Vec<Question>,
}

#[derive(Deserialize)]
#[allow(dead_code)]
struct Bank {
    id: String,
    title: String,
    lesson: Option<String>,
    module: Option<String>,
    description: Option<String>,
    tags: Option<Vec<String>>,
}

#[derive(Deserialize)]
#[allow(dead_code)]
struct Question {
    id: String,
    kind: String,
    prompt: String,
    situation: Option<String>,
    tier: Option<String>,
    choices: Option<Vec<Choice>>,
    answer: Option<Answer>,
    explanation: Option<String>,
    model_answer: Option<String>,
    keywords: Option<Vec<Keyword>>,
    pass: Option<f64>,
    example: Option<Vec<Example>>,
    tags: Option<Vec<String>>,
    difficulty: Option<String>,
    references: Option<Vec<String>>,
    draft: Option<bool>,
}

#[derive(Deserialize)]
#[serde(untagged)]
#[allow(dead_code)]
enum Choice {
    Text(String),
    Table {
        text: String,
        feedback: Option<String>,
    },
}

#[derive(Deserialize)]
#[serde(untagged)]
#[allow(dead_code)]
enum Answer {
    Letter(String),
    Letters(Vec<String>),
    Bool(bool),
}

#[derive(Deserialize)]
#[serde(untagged)]
#[allow(dead_code)]
enum Keyword {
    Term(String),
    Table {
        any: Option<Vec<String>>,
        forbid: Option<Vec<String>>,
        weight: Option<f64>,
        required: Option<bool>,
    },
}

#[derive(Deserialize)]
#[allow(dead_code)]
struct Example {
    answer: String,
    expect: toml::Value,
    note: Option<String>,
}

fn files(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)?
        .map(|e| e.map(|e| e.path()))
        .collect::<Result<_, _>>()?;
    entries.sort();
    for path in entries {
        if path.is_dir() {
            files(&path, out)?;
        } else if path.extension().is_some_and(|e| e == "toml") {
            out.push(path);
        }
    }
    Ok(())
}

fn main() -> anyhow::Result<()> {
    let dir = PathBuf::from(
        std::env::args()
            .nth(1)
            .ok_or_else(|| anyhow::anyhow!("usage: bare_parse DIR"))?,
    );
    let start = Instant::now();
    let mut paths = Vec::new();
    files(&dir, &mut paths)?;
    let (mut bytes, mut questions) = (0, 0);
    for path in &paths {
        let text = std::fs::read_to_string(path)?;
        bytes += text.len();
        let file: File =
            toml::from_str(&text).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
        questions += file.question.len();
    }
    let seconds = start.elapsed().as_secs_f64();
    println!(
        "bare toml+serde parse: {} files, {:.1} MB, {questions} questions in {:.0} ms ({:.1} MB/s)",
        paths.len(),
        bytes as f64 / 1e6,
        seconds * 1e3,
        bytes as f64 / 1e6 / seconds
    );
    Ok(())
}
