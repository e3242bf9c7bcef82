//! Measures how often an answer makes a claim that none of the question's texts
//! supports (`grade::unsupported`): for every row of a graded CSV (columns `question`,
//! `response`, `expected`, `class`), one tab-separated line per clause with its content
//! words, the new ones and the features of `grade::Clause`. A measuring tool for the
//! grader's authors, not shipped output.
//!
//! Usage: `unsupported BANK_PATH CSV` (prints to stdout).

use anyhow::{Context as _, Result};
use recall::grade::Grader;
use recall::paths::BankSource;
use std::path::PathBuf;

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [bank, csv] = args.as_slice() else {
        anyhow::bail!("usage: unsupported BANK_PATH CSV");
    };
    let library = recall::bank::load(&BankSource::Paths(vec![PathBuf::from(bank)]))
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    let grader = Grader::new(&library.banks);
    let mut reader = csv::Reader::from_path(csv).with_context(|| csv.clone())?;
    let header = reader.headers()?.clone();
    let col = |name: &str| header.iter().position(|h| h.trim() == name);
    let (q, r, e, c) = (
        col("question"),
        col("response"),
        col("expected"),
        col("class"),
    );
    let (Some(q), Some(r)) = (q, r) else {
        anyhow::bail!("{csv}: no question or response column");
    };
    for (row, record) in reader.records().enumerate() {
        let record = record?;
        let field = |i: Option<usize>| i.and_then(|i| record.get(i)).unwrap_or("").trim();
        let Ok((bank, question)) = library.find(field(Some(q))) else {
            continue;
        };
        let answer = record.get(r).unwrap_or("");
        let grade = grader.grade(bank, question, answer);
        for (k, clause) in grader.clauses(bank, question, answer).iter().enumerate() {
            println!(
                "{row}\t{}\t{}\t{}\t{k}\t{}\t{}\t{}{}{}{}{}{}{}\t{}\t{}",
                field(e),
                field(c),
                if grade.passed { "pass" } else { "fail" },
                clause.words,
                clause.new.len(),
                if clause.new_number { "N" } else { "-" },
                if clause.new_code { "C" } else { "-" },
                if clause.new_absolute { "A" } else { "-" },
                if clause.adds { "+" } else { "-" },
                if clause.negated { "!" } else { "-" },
                if clause.hedged { "?" } else { "-" },
                if clause.unsupported() { "U" } else { "-" },
                clause.new.join(" "),
                clause.text,
            );
        }
    }
    Ok(())
}
