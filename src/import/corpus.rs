//! The lesson's own prose, for drafting what a lesson leaves open: which choice of a
//! multiple-choice question its text supports, and which of its sentences answers a
//! question it gives no answer to. Also the word and sentence splitting the importer
//! shares (content words for matching, sentences of prose).
//!
//! A best effort by word overlap, always flagged for the author to check; it knows
//! nothing of headings or of the bank being built.

use crate::lang::{is_stop_word, stemmer};
use rust_stemmers::Stemmer;
use std::collections::{HashMap, HashSet};

/// The lesson's prose, for guessing what it leaves open.
pub(super) struct Corpus {
    sentences: Vec<String>,
    stems: HashSet<String>,
    /// For each stem, the passages (sentences that can be a model answer) it is in, in
    /// lesson order: scoring a query visits only the passages that share a word with it.
    passages: HashMap<String, Vec<u32>>,
    stemmer: Stemmer,
}

/// A word in more passages than this says nothing about which of them answers a
/// question, and it is left out of the search, which bounds each search however long
/// the lesson is. No real lesson comes near it: a word on every line of a 20 MB lesson
/// is in about 70,000 passages.
const MAX_PASSAGES_PER_WORD: usize = 100_000;

impl Corpus {
    pub(super) fn new(body: &[String]) -> Corpus {
        let stemmer = stemmer();
        let mut stems = HashSet::new();
        let mut all = Vec::new();
        for text in body {
            for word in content_words(text) {
                stems.insert(stemmer.stem(&word).into_owned());
            }
            all.extend(sentences(text));
        }
        let mut passages: HashMap<String, Vec<u32>> = HashMap::new();
        // A sentence the lesson repeats scores as its first occurrence does, which wins
        // ties: only the first is indexed (a lesson made of copies costs one copy).
        let mut seen: HashSet<&str> = HashSet::new();
        for (index, sentence) in all.iter().enumerate() {
            if !is_passage(sentence) || !seen.insert(sentence.as_str()) {
                continue;
            }
            let index = u32::try_from(index).unwrap_or(u32::MAX);
            let words: HashSet<String> = content_words(sentence)
                .iter()
                .map(|w| stemmer.stem(w).into_owned())
                .collect();
            for word in words {
                passages.entry(word).or_default().push(index);
            }
        }
        Corpus {
            sentences: all,
            stems,
            passages,
            stemmer,
        }
    }

    fn stems_of(&self, text: &str) -> HashSet<String> {
        content_words(text)
            .iter()
            .map(|w| self.stemmer.stem(w).into_owned())
            .collect()
    }

    /// The choice whose words the lesson's text supports best (ties: the first).
    pub(super) fn best_supported(&self, choices: &[String]) -> usize {
        let score = |text: &String| {
            let stems = self.stems_of(text);
            let supported = stems.iter().filter(|s| self.stems.contains(*s)).count() as f64;
            supported - 0.5 * (stems.len() as f64 - supported)
        };
        let mut best = 0;
        for (i, choice) in choices.iter().enumerate() {
            if score(choice) > score(&choices[best]) {
                best = i;
            }
        }
        best
    }

    /// The prose sentence of the lesson that shares the most words with `query` (the
    /// first of equals); `None` when nothing shares at least three.
    pub(super) fn passage_for(&self, query: &str) -> Option<String> {
        let mut shared: HashMap<u32, usize> = HashMap::new();
        for word in self.stems_of(query) {
            match self.passages.get(&word) {
                Some(found) if found.len() <= MAX_PASSAGES_PER_WORD => {
                    for &index in found {
                        *shared.entry(index).or_default() += 1;
                    }
                }
                _ => {}
            }
        }
        let (index, _) = shared
            .into_iter()
            .filter(|&(_, count)| count >= 3)
            .max_by(|(a, x), (b, y)| x.cmp(y).then(b.cmp(a)))?;
        self.sentences.get(index as usize).cloned()
    }
}

/// Whether `sentence` can be offered as a model answer: a whole sentence of prose.
fn is_passage(sentence: &str) -> bool {
    sentence.split_whitespace().count() >= 6
        && sentence.ends_with(['.', '!', '?'])
        && sentence.chars().next().is_some_and(char::is_uppercase)
}

/// Whether an answer's `[label]` names the question: most of its words are in it.
pub(super) fn label_fits(label: &str, question: &str) -> bool {
    let stemmer = stemmer();
    let stems = |text: &str| -> HashSet<String> {
        content_words(text)
            .iter()
            .map(|w| stemmer.stem(w).into_owned())
            .collect()
    };
    let label = stems(label);
    if label.is_empty() {
        return true;
    }
    // The question's words run together in its own order (a label may lose the spaces
    // between them, like `--mountvs-v`); from the set, the order would change from run
    // to run, and so would the verdict.
    let compact: String = content_words(question)
        .iter()
        .map(|w| stemmer.stem(w).into_owned())
        .collect();
    let question = stems(question);
    let hits = label
        .iter()
        .filter(|w| question.contains(*w) || compact.contains(w.as_str()))
        .count();
    hits * 2 >= label.len()
}

/// Lowercase words of `text` without stop words, for matching.
fn content_words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 2)
        .map(str::to_lowercase)
        .filter(|w| !is_stop_word(w))
        .collect()
}

/// Sentences of prose: split after `.`, `?` or `!` followed by a space and a capital.
pub(super) fn sentences(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut start = 0;
    for i in 0..chars.len() {
        let end = matches!(chars[i], '.' | '?' | '!')
            && chars.get(i + 1) == Some(&' ')
            && chars.get(i + 2).is_some_and(|c| c.is_uppercase());
        // "e.g. Docker" is not the end of a sentence.
        let abbreviation = i >= 3 && chars[i - 2] == '.';
        if end && !abbreviation {
            out.push(
                chars[start..=i]
                    .iter()
                    .collect::<String>()
                    .trim()
                    .to_owned(),
            );
            start = i + 1;
        }
    }
    let rest: String = chars[start..].iter().collect();
    if !rest.trim().is_empty() {
        out.push(rest.trim().to_owned());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_label_is_checked_the_same_way_every_time() {
        // Regression: the question's words were run together in a HashSet's order,
        // which differs from run to run, so this label fitted in some runs only.
        let question = "Why is the modern --mount syntax architecturally superior to the \
                        legacy-vflag?";
        let first = label_fits("--mountvs-v", question);
        for _ in 0..200 {
            assert_eq!(label_fits("--mountvs-v", question), first);
        }
    }

    #[test]
    fn labels_are_checked_against_questions() {
        assert!(label_fits(
            "Docker named volume",
            "What is a Docker named volume?"
        ));
        assert!(label_fits(
            "bridge vs host networks",
            "What is the difference between bridge and host network drivers?"
        ));
        assert!(!label_fits(
            "docker volume prune",
            "Explain iptables routing"
        ));
    }
}
