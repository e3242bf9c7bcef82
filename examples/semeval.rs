//! How well recall's derived rubrics grade real student answers: SemEval-2013 Task 7.
//!
//! Data: SemEval-2013 Task 7, "The Joint Student Response Analysis and 8th Recognizing
//! Textual Entailment Challenge" (Dzikovska et al., 2013), Beetle and SciEntsBank
//! corpora, as published in the public repository myrosia/semeval-2013-task7.
//! License: CC BY-SA 3.0. This program reads the data; it ships none of it.
//!
//! Method: every question becomes a bank question whose model answer is a reference
//! answer, with no keywords, so recall derives the rubric. A student answer is graded
//! against each reference answer of its question and passes when any of them passes.
//! "correct" is the positive class; "contradictory" and "incorrect" are negatives.
//! The pass mark and the weight of the question's own words are tuned on `training/`
//! only (for the best macro-F1); the test splits are then graded once with them,
//! beside a plain token-overlap baseline (the share of a reference answer's distinct
//! words that the student answer contains, with its threshold tuned on the same
//! training data) computed in the same run.
//!
//! Run: cargo run --release --example semeval [-- PATH/TO/semeval-3way.zip]
//! (default: ../shared/data/semeval2013-task7/semeval-3way.zip from the repository).

use anyhow::{Context as _, Result, bail};
use recall::bank::{Bank, Kind, Question};
use recall::grade::{DeriveOptions, Grader, Options, derived_credit};
use std::collections::{BTreeMap, HashSet};
use std::io::Read;
use std::path::PathBuf;

/// One SemEval question: its text, reference answers and labelled student answers.
struct Item {
    prompt: String,
    references: Vec<String>,
    answers: Vec<(String, bool)>,
}

/// One split (e.g. Beetle unseen answers): its questions.
struct Split {
    name: String,
    items: Vec<Item>,
}

fn main() -> Result<()> {
    let path = std::env::args_os()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR"))
                .join("../shared/data/semeval2013-task7/semeval-3way.zip")
        });
    let splits = read_zip(&path)?;
    let split = |name: &str| -> Result<&Split> {
        splits
            .iter()
            .find(|s| s.name == name)
            .with_context(|| format!("no split {name} in {}", path.display()))
    };
    let training = [split("training beetle")?, split("training sciEntsBank")?];

    // Tune on training only.
    let mut best: Option<(f64, Options)> = None;
    let mut grid = Vec::new();
    for question_word_weight in [0.25, 0.5, 1.0] {
        for rarity in [0.0, 0.5, 1.0, 2.0] {
            grid.push(DeriveOptions {
                question_word_weight,
                rarity,
                ..DeriveOptions::default()
            });
        }
    }
    for derive in grid {
        let options = Options {
            derive,
            ..Options::default()
        };
        let scored: Vec<(f64, bool)> = training
            .iter()
            .flat_map(|s| derived_scores(s, options))
            .collect();
        let (mark, f1) = best_threshold(&scored, derived_credit);
        println!(
            "training: question-word weight {:.2}, rarity {:.1}: best pass mark {mark:.2}, macro-F1 {f1:.3}",
            derive.question_word_weight, derive.rarity
        );
        if best.as_ref().is_none_or(|(f, _)| f1 > *f) {
            best = Some((
                f1,
                Options {
                    derived_pass: mark,
                    ..options
                },
            ));
        }
    }
    let Some((_, tuned)) = best else {
        bail!("no training data");
    };
    println!(
        "tuned on all training data: pass mark {:.2}, question-word weight {:.2}, rarity {:.1}",
        tuned.derived_pass, tuned.derive.question_word_weight, tuned.derive.rarity
    );
    let defaults = Options::default();
    if tuned != defaults {
        println!("note: recall's defaults are {defaults:?}");
    }

    // Each corpus is a subject with its own bank, whose author may set its own `pass`:
    // the pass mark (and the baseline's threshold) is also tuned per corpus, on its
    // training data.
    let mut marks = BTreeMap::new();
    for corpus in training {
        let (mark, _) = best_threshold(&derived_scores(corpus, tuned), derived_credit);
        let (baseline, _) = best_threshold(&overlap(corpus), |share| share);
        let name = corpus.name.trim_start_matches("training ").to_owned();
        println!("{name}: pass mark {mark:.2}, baseline threshold {baseline:.2}");
        marks.insert(name, (mark, baseline));
    }

    println!();
    println!(
        "| split | answers | correct | derived accuracy | derived macro-F1 | baseline accuracy | baseline macro-F1 |"
    );
    println!("|---|---:|---:|---:|---:|---:|---:|");
    let mut all_beat = true;
    for split in &splits {
        let Some(corpus) = split.name.strip_prefix("test ") else {
            continue;
        };
        let corpus = corpus.split(' ').next().unwrap_or("");
        let Some(&(mark, baseline_mark)) = marks.get(corpus) else {
            bail!("no training data for {}", split.name);
        };
        let options = Options {
            derived_pass: mark,
            ..tuned
        };
        let derived = derived_verdicts(split, options);
        let baseline: Vec<(bool, bool)> = overlap(split)
            .into_iter()
            .map(|(score, label)| (score + 1e-9 >= baseline_mark, label))
            .collect();
        let (da, df) = metrics(&derived);
        let (ba, bf) = metrics(&baseline);
        all_beat &= df > bf;
        println!(
            "| {} | {} | {} | {:.3} | {:.3} | {:.3} | {:.3} |",
            split.name,
            derived.len(),
            derived.iter().filter(|(_, label)| *label).count(),
            da,
            df,
            ba,
            bf
        );
    }
    println!();
    println!(
        "derived rubric beats the baseline's macro-F1 on every test split: {}",
        if all_beat { "yes" } else { "no" }
    );

    // What a bank without `pass` gets: one pass mark for every subject.
    let all_training: Vec<(f64, bool)> = training.iter().flat_map(|s| overlap(s)).collect();
    let (baseline_mark, _) = best_threshold(&all_training, |share| share);
    println!();
    println!(
        "With one pass mark for both corpora (derived {:.2}, baseline {baseline_mark:.2}):",
        tuned.derived_pass
    );
    println!();
    println!(
        "| split | derived accuracy | derived macro-F1 | baseline accuracy | baseline macro-F1 |"
    );
    println!("|---|---:|---:|---:|---:|");
    for split in splits.iter().filter(|s| s.name.starts_with("test ")) {
        let (da, df) = metrics(&derived_verdicts(split, tuned));
        let baseline: Vec<(bool, bool)> = overlap(split)
            .into_iter()
            .map(|(score, label)| (score + 1e-9 >= baseline_mark, label))
            .collect();
        let (ba, bf) = metrics(&baseline);
        println!("| {} | {da:.3} | {df:.3} | {ba:.3} | {bf:.3} |", split.name);
    }
    Ok(())
}

/// A split as a bank: one question per SemEval question, its first reference answer
/// (the best one) as the model answer, so word rarity is measured across questions.
/// The other reference answers become extra questions, `qN-rM`, graded with the
/// same bank's statistics.
fn bank(split: &Split) -> (Bank, Vec<Vec<Question>>) {
    let question = |id: String, prompt: &str, model: &str| Question {
        model_answer: Some(model.to_owned()),
        ..Question::new(id, Kind::ShortAnswer, prompt)
    };
    let mut questions = Vec::new();
    let mut per_item = Vec::new();
    for (n, item) in split.items.iter().enumerate() {
        let all: Vec<Question> = item
            .references
            .iter()
            .enumerate()
            .map(|(m, r)| question(format!("q{n}-r{m}"), &item.prompt, r))
            .collect();
        questions.extend(all.first().cloned());
        per_item.push(all);
    }
    let bank = Bank {
        id: split.name.replace(' ', "-").to_lowercase(),
        title: split.name.clone(),
        lesson: None,
        module: None,
        description: None,
        tags: Vec::new(),
        questions,
        synonyms: Vec::new(),
        lexicon: None,
        source: PathBuf::from(format!("semeval:{}", split.name)),
    };
    (bank, per_item)
}

/// For each student answer, the grade against each reference answer of its question.
fn each_answer<T>(
    split: &Split,
    options: Options,
    mut f: impl FnMut(Vec<recall::grade::Grade>, bool) -> T,
) -> Vec<T> {
    let (bank, per_item) = bank(split);
    let grader = Grader::with_options(std::slice::from_ref(&bank), options);
    let mut out = Vec::new();
    for (item, questions) in split.items.iter().zip(&per_item) {
        for (answer, label) in &item.answers {
            let grades = questions
                .iter()
                .map(|q| grader.grade(&bank, q, answer))
                .collect();
            out.push(f(grades, *label));
        }
    }
    out
}

/// Best score over the reference answers, with the label.
fn derived_scores(split: &Split, options: Options) -> Vec<(f64, bool)> {
    each_answer(split, options, |grades, label| {
        let best = grades.iter().map(|g| g.score).fold(0.0, f64::max);
        (best, label)
    })
}

/// recall's own verdict (passes against any reference answer), with the label.
fn derived_verdicts(split: &Split, options: Options) -> Vec<(bool, bool)> {
    each_answer(split, options, |grades, label| {
        (grades.iter().any(|g| g.passed), label)
    })
}

/// The token-overlap baseline: best share of a reference's distinct words present.
fn overlap(split: &Split) -> Vec<(f64, bool)> {
    let words = |text: &str| -> HashSet<String> {
        text.to_lowercase()
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_owned)
            .collect()
    };
    let mut out = Vec::new();
    for item in &split.items {
        let references: Vec<HashSet<String>> = item.references.iter().map(|r| words(r)).collect();
        for (answer, label) in &item.answers {
            let answer = words(answer);
            let best = references
                .iter()
                .filter(|r| !r.is_empty())
                .map(|r| r.intersection(&answer).count() as f64 / r.len() as f64)
                .fold(0.0, f64::max);
            out.push((best, *label));
        }
    }
    out
}

/// The threshold with the best macro-F1, and that F1: a share of the weight in 0.01
/// steps, as a score on `scale` (a derived rubric's score is the credit of its share).
fn best_threshold(scored: &[(f64, bool)], scale: fn(f64) -> f64) -> (f64, f64) {
    let mut best = (0.5, -1.0);
    for step in 1..100 {
        let mark = scale(f64::from(step) / 100.0);
        let verdicts: Vec<(bool, bool)> = scored
            .iter()
            .map(|&(score, label)| (score + 1e-9 >= mark, label))
            .collect();
        let (_, f1) = metrics(&verdicts);
        if f1 > best.1 {
            best = (mark, f1);
        }
    }
    best
}

/// Accuracy and macro-F1 (mean of the F1 of "correct" and of "not correct").
fn metrics(verdicts: &[(bool, bool)]) -> (f64, f64) {
    let count = |p: bool, l: bool| verdicts.iter().filter(|&&v| v == (p, l)).count() as f64;
    let (tp, fp, fn_, tn) = (
        count(true, true),
        count(true, false),
        count(false, true),
        count(false, false),
    );
    let f1 = |tp: f64, fp: f64, fn_: f64| {
        if tp == 0.0 {
            0.0
        } else {
            2.0 * tp / (2.0 * tp + fp + fn_)
        }
    };
    let accuracy = (tp + tn) / verdicts.len().max(1) as f64;
    (accuracy, (f1(tp, fp, fn_) + f1(tn, fn_, fp)) / 2.0)
}

/// Reads every 3-way question file of the zip, grouped into splits.
fn read_zip(path: &PathBuf) -> Result<Vec<Split>> {
    let file = std::fs::File::open(path).with_context(|| {
        format!(
            "cannot open {} (pass the path to semeval-3way.zip as the first argument)",
            path.display()
        )
    })?;
    let mut archive = zip::ZipArchive::new(file).context("not a zip archive")?;
    let mut splits: BTreeMap<String, Vec<Item>> = BTreeMap::new();
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i)?;
        let name = entry.name()?.into_owned();
        let Some(split) = split_name(&name) else {
            continue;
        };
        let mut text = String::new();
        entry.read_to_string(&mut text)?;
        let item = parse_item(&text).with_context(|| format!("in {name}"))?;
        splits.entry(split).or_default().push(item);
    }
    Ok(splits
        .into_iter()
        .map(|(name, items)| Split { name, items })
        .collect())
}

/// `training beetle`, `test sciEntsBank unseen-domains`, ... for 3-way XML files.
fn split_name(path: &str) -> Option<String> {
    let parts: Vec<&str> = path.split('/').collect();
    if !path.ends_with(".xml") || parts.get(1) != Some(&"3way") {
        return None;
    }
    match parts.as_slice() {
        ["training", _, corpus, _] => Some(format!("training {corpus}")),
        ["test", _, corpus, set, _] => Some(format!(
            "test {corpus} {}",
            set.strip_prefix("test-").unwrap_or(set)
        )),
        _ => None,
    }
}

fn parse_item(xml: &str) -> Result<Item> {
    let doc = roxmltree::Document::parse(xml)?;
    let text = |n: roxmltree::Node| n.text().unwrap_or("").trim().to_owned();
    let prompt = doc
        .descendants()
        .find(|n| n.has_tag_name("questionText"))
        .map(text)
        .unwrap_or_default();
    let references = doc
        .descendants()
        .filter(|n| n.has_tag_name("referenceAnswer"))
        .map(text)
        .filter(|t| !t.is_empty())
        .collect();
    let answers = doc
        .descendants()
        .filter(|n| n.has_tag_name("studentAnswer"))
        .map(|n| (text(n), n.attribute("accuracy") == Some("correct")))
        .collect();
    Ok(Item {
        prompt,
        references,
        answers,
    })
}
