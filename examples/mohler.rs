//! How well recall's derived rubrics agree with human marks on the Mohler (2011) data.
//!
//! Data: the "UNT Computer Science Short Answer Dataset" v2.0 (`ShortAnswerGrading_v2.0`,
//! Mohler, Bunescu and Mihalcea, "Learning to Grade Short Answer Questions using Semantic
//! Similarity Measures and Dependency Graph Alignments", ACL 2011): 80 data-structures
//! questions of an introductory computer science course, each with an instructor answer
//! and about 30 student answers marked 0 to 5 by two markers. recall ships none of it;
//! `scripts/mohler.sh` fetches a copy and runs this program on it.
//!
//! Method: every question of `data/docs/files` (lines starting with `#` are left out, as
//! in the authors' own work) becomes a bank question whose model answer is the
//! instructor answer, with no keywords, so recall derives the rubric; all questions are
//! one bank, so word rarity is measured across them. Each student answer (`data/sent`)
//! is graded once; the report is the Pearson correlation of recall's score with the
//! markers' average (`data/scores/Q/ave`), and of the two markers with each other
//! (`me` and `other`, both on 0..5 for assignments 1 to 10; the exams, 11 and 12, were
//! marked out of 10 and are rescaled).
//!
//! Halves: Mohler is also a target held back from tuning, so its questions are split,
//! fixed before any tuning, by the parity of the number after the dot: odd (1.1, 1.3,
//! ...) is the tuning half, even (1.2, 1.4, ...) the reporting half. Both are printed,
//! with the whole.
//!
//! Run: cargo run --release --example mohler -- PATH/TO/ShortAnswerGrading_v2.0 [SCORES.tsv]
//! (the optional second argument writes each answer's question, half, score and marks).

use anyhow::{Context as _, Result, bail};
use recall::bank::{Bank, Kind, Question};
use recall::grade::Grader;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

fn main() -> Result<()> {
    let Some(root) = std::env::args_os().nth(1).map(PathBuf::from) else {
        bail!("usage: mohler PATH/TO/ShortAnswerGrading_v2.0 (scripts/mohler.sh fetches it)");
    };
    let data = root.join("data");
    let files = read(&data.join("docs/files"))?;
    let ids: Vec<&str> = files
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect();
    let prompts = by_id(&read(&data.join("sent/questions"))?);
    let models = by_id(&read(&data.join("sent/answers"))?);
    let mut questions = Vec::new();
    for id in &ids {
        let (Some(prompt), Some(model)) = (prompts.get(*id), models.get(*id)) else {
            bail!("question {id} has no text or no instructor answer");
        };
        questions.push(Question {
            model_answer: Some(model.clone()),
            ..Question::new(
                format!("q{}", id.replace('.', "-")),
                Kind::ShortAnswer,
                prompt,
            )
        });
    }
    let bank = Bank {
        id: "mohler".to_owned(),
        title: "Mohler 2011".to_owned(),
        lesson: None,
        module: None,
        description: None,
        tags: Vec::new(),
        questions,
        synonyms: Vec::new(),
        lexicon: None,
        source: PathBuf::from("mohler"),
    };
    let grader = Grader::new(std::slice::from_ref(&bank));
    let dump = std::env::args_os().nth(2).map(PathBuf::from);
    let mut rows = String::from("question\thalf\tscore\taverage\tmissed\tanswer\n");
    let (mut recall_vs_average, mut marker_vs_marker) = (Vec::new(), Vec::new());
    let mut halves: [Vec<(f64, f64)>; 2] = [Vec::new(), Vec::new()];
    for (id, question) in ids.iter().zip(&bank.questions) {
        let answers = lines(&read(&data.join("sent").join(id))?);
        let scores = |name: &str| -> Result<Vec<f64>> {
            lines(&read(&data.join("scores").join(id).join(name))?)
                .iter()
                .map(|s| {
                    s.parse::<f64>()
                        .with_context(|| format!("score {s:?} of {id}"))
                })
                .collect()
        };
        let (average, me, other) = (scores("ave")?, scores("me")?, scores("other")?);
        if answers.len() != average.len() {
            bail!(
                "{id}: {} answers but {} scores",
                answers.len(),
                average.len()
            );
        }
        // The exams (assignments 11 and 12) were marked out of 10.
        let scale = if id.starts_with("11.") || id.starts_with("12.") {
            0.5
        } else {
            1.0
        };
        let half = half_of(id);
        for (i, answer) in answers.iter().enumerate() {
            let grade = grader.grade(&bank, question, answer);
            recall_vs_average.push((grade.score, average[i]));
            halves[half].push((grade.score, average[i]));
            let name = ["tuning", "reporting"][half];
            let missed = grade.missed().join("; ");
            rows += &format!(
                "{id}\t{name}\t{}\t{}\t{missed}\t{answer}\n",
                grade.score, average[i]
            );
            if let (Some(a), Some(b)) = (me.get(i), other.get(i)) {
                marker_vs_marker.push((a * scale, b * scale));
            }
        }
    }
    println!(
        "Mohler (2011) ShortAnswerGrading_v2.0: {} questions, {} answers",
        ids.len(),
        recall_vs_average.len()
    );
    println!(
        "Pearson, recall's derived-rubric score vs the markers' average: {:.3}",
        pearson(&recall_vs_average)
    );
    for (name, pairs) in ["tuning half (odd)", "reporting half (even)"]
        .iter()
        .zip(&halves)
    {
        println!(
            "  {name}: {} answers, Pearson {:.3}",
            pairs.len(),
            pearson(pairs)
        );
    }
    println!(
        "Pearson, one marker vs the other: {:.3}",
        pearson(&marker_vs_marker)
    );
    if let Some(path) = dump {
        std::fs::write(&path, rows).with_context(|| format!("cannot write {}", path.display()))?;
    }
    Ok(())
}

/// 0 for the tuning half (the number after the dot is odd), 1 for the reporting half.
fn half_of(id: &str) -> usize {
    let minor = id.split_once('.').and_then(|(_, m)| m.parse::<u32>().ok());
    usize::from(minor.is_some_and(|m| m % 2 == 0))
}

fn read(path: &Path) -> Result<String> {
    let bytes = std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
    // The files are mostly ASCII; a stray Latin-1 byte is not worth failing over.
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// The data's sentence form: `<STOP>` between sentences, `-LRB-`/`-RRB-` for brackets.
fn clean(text: &str) -> String {
    text.replace("<STOP>", " ")
        .replace("-LRB-", "(")
        .replace("-RRB-", ")")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// `ID text` lines as a map (questions and instructor answers).
fn by_id(text: &str) -> BTreeMap<String, String> {
    text.lines()
        .filter_map(|line| line.trim().split_once(' '))
        .map(|(id, rest)| (id.to_owned(), clean(rest)))
        .collect()
}

/// One entry per line; a student answer line starts with its question id, which is
/// dropped.
fn lines(text: &str) -> Vec<String> {
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let l = l.trim();
            let starts_with_id = l
                .split_once(' ')
                .is_some_and(|(head, _)| head.chars().all(|c| c.is_ascii_digit() || c == '.'));
            match l.split_once(' ') {
                Some((_, rest)) if starts_with_id && l.contains(' ') => clean(rest),
                _ => clean(l),
            }
        })
        .collect()
}

fn pearson(pairs: &[(f64, f64)]) -> f64 {
    let n = pairs.len() as f64;
    let (mx, my) = pairs
        .iter()
        .fold((0.0, 0.0), |(x, y), &(a, b)| (x + a / n, y + b / n));
    let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
    for &(x, y) in pairs {
        sxy += (x - mx) * (y - my);
        sxx += (x - mx) * (x - mx);
        syy += (y - my) * (y - my);
    }
    sxy / (sxx * syy).sqrt()
}
