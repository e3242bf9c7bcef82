//! The lesson's own prose, for drafting what a lesson leaves open: which choice of a
//! multiple-choice question its text supports, and which of its sentences answers a
//! question it gives no answer to. Also the word and sentence splitting the importer
//! shares (content words for matching, sentences of prose).
//!
//! A best effort by word overlap, always flagged for the author to check; it knows
//! nothing of headings or of the bank being built.

use crate::lang::{is_stop_word, stemmer};
use rust_stemmers::Stemmer;
use std::collections::HashSet;

/// The lesson's prose, for guessing what it leaves open.
pub(super) struct Corpus {
    sentences: Vec<String>,
    stems: HashSet<String>,
    stemmer: Stemmer,
}

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
        Corpus {
            sentences: all,
            stems,
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

    /// The prose sentence of the lesson that shares the most words with `query`;
    /// `None` when nothing shares at least three.
    pub(super) fn passage_for(&self, query: &str) -> Option<String> {
        let query = self.stems_of(query);
        let mut scored: Vec<(usize, usize)> = self
            .sentences
            .iter()
            .enumerate()
            .filter(|(_, s)| {
                s.split_whitespace().count() >= 6
                    && s.ends_with(['.', '!', '?'])
                    && s.chars().next().is_some_and(char::is_uppercase)
            })
            .map(|(i, s)| (self.stems_of(s).intersection(&query).count(), i))
            .filter(|&(score, _)| score >= 3)
            .collect();
        scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        scored.truncate(1);
        if scored.is_empty() {
            return None;
        }
        scored.sort_by_key(|&(_, i)| i);
        Some(
            scored
                .iter()
                .map(|&(_, i)| self.sentences[i].as_str())
                .collect::<Vec<_>>()
                .join(" "),
        )
    }
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
    let question = stems(question);
    let compact: String = question.iter().map(String::as_str).collect();
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
