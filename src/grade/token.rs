//! Turning text (an answer, a keyword, a model answer) into the tokens the grader matches.
//!
//! Normalisation is Unicode NFKC and lower-casing; whitespace and punctuation break
//! words, except inside code-like tokens (paths, flags, `key=value`, ports and image
//! tags, dotted and snake_case names), which are kept whole so they can be matched
//! exactly. `n't` is spelt out as `not` so negation sees it. Each word is stemmed with
//! the English Snowball stemmer. This module knows nothing of rubrics or scores.

use crate::lang::is_stop_word;
use rust_stemmers::Stemmer;
use rustc_hash::FxHashMap;
use std::cell::RefCell;
use std::sync::Arc;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::{IsNormalized, is_nfkc_quick};

/// What kind of token, which decides how it may be matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    /// A word of letters: matched by stem, tolerant of typos.
    Word,
    /// Contains a digit (`8080`, `ipv4`): matched exactly.
    Exact,
    /// A code-like token (`--mount`, `/var/lib/docker`, `type=tmpfs`): matched exactly.
    Code,
}

/// One token of a text.
#[derive(Debug, Clone)]
pub struct Token {
    /// Lower-cased, NFKC-normalised text.
    pub norm: Arc<str>,
    /// Snowball stem of `norm` (equal to `norm` for exact and code tokens).
    pub stem: Arc<str>,
    pub class: Class,
    /// A word inside a code token of an answer (`volumes` in `/var/lib/docker/volumes`):
    /// ordinary keywords may match it, but it is not a word of the sentence.
    pub part: bool,
    /// Index of the clause (text between `.`, `,`, `;`, `!`, `?`, `:`) it is in.
    pub clause: u32,
    /// Set bits for the letters a-z it contains, a cheap filter before edit distance.
    pub letters: u32,
    /// The same for `stem`.
    pub stem_letters: u32,
    /// Number of chars of `norm`.
    pub len: usize,
    /// A stop word (never typo-matched, left out of derived rubrics).
    pub stop: bool,
    /// A negation cue (`not`, `never`, `no`, `without`, ...).
    pub negation: bool,
}

impl Token {
    fn new(word: &str, class: Class, part: bool, clause: u32, stemmer: &Stemmer) -> Token {
        let (norm, known) = match class {
            Class::Word => known(word, stemmer),
            Class::Exact | Class::Code => {
                let norm: Arc<str> = Arc::from(word);
                let known = Known::new(norm.clone(), false);
                (norm, known)
            }
        };
        let Known {
            stem,
            stop,
            letters,
            stem_letters,
            len,
        } = known;
        Token {
            negation: class == Class::Word && is_negation(&norm),
            stop,
            letters,
            stem_letters,
            len,
            norm,
            stem,
            class,
            part,
            clause,
        }
    }

    /// Whether this token is a negation cue (`not`, `never`, `no`, `without`, ...).
    pub fn is_negation(&self) -> bool {
        self.negation
    }
}

/// How many stems each thread remembers before starting afresh.
const STEM_CACHE_SIZE: usize = 20_000;

/// What is known of a word: its stem, whether it is a stop word, and the numbers
/// that speed up typo matching.
#[derive(Clone)]
struct Known {
    stem: Arc<str>,
    stop: bool,
    letters: u32,
    stem_letters: u32,
    len: usize,
}

impl Known {
    fn new(word: Arc<str>, stop: bool) -> Known {
        let stem = word.clone();
        Known::with_stem(&word, stem, stop)
    }

    fn with_stem(word: &str, stem: Arc<str>, stop: bool) -> Known {
        Known {
            letters: letter_mask(word),
            stem_letters: letter_mask(&stem),
            len: if word.is_ascii() {
                word.len()
            } else {
                word.chars().count()
            },
            stem,
            stop,
        }
    }
}

thread_local! {
    /// Stemming is the costliest step of grading and answers reuse words: each thread
    /// keeps what it learnt of every word it has seen, shared, so a token of a known
    /// word costs no allocation. There is one English stemmer, so the word decides it.
    static KNOWN: RefCell<FxHashMap<Arc<str>, Known>> = RefCell::new(FxHashMap::default());
}

/// The word and what is known of it, from the cache when the word was seen before.
fn known(word: &str, stemmer: &Stemmer) -> (Arc<str>, Known) {
    KNOWN.with(|cache| {
        let mut cache = cache.borrow_mut();
        if let Some((word, known)) = cache.get_key_value(word) {
            return (word.clone(), known.clone());
        }
        let known = Known::with_stem(
            word,
            Arc::from(stemmer.stem(word).as_ref()),
            is_stop_word(word),
        );
        let word: Arc<str> = Arc::from(word);
        if cache.len() >= STEM_CACHE_SIZE {
            cache.clear();
        }
        cache.insert(word.clone(), known.clone());
        (word, known)
    })
}

/// Words that negate what follows them.
pub fn is_negation(word: &str) -> bool {
    matches!(
        word,
        "not" | "no" | "never" | "without" | "cannot" | "none" | "nor" | "neither" | "nothing"
    )
}

/// How code tokens are treated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Parts {
    /// Also emit the words inside a code token (for answers).
    Emit,
    /// Keep code tokens whole only (for keywords and model answers).
    Skip,
}

/// NFKC, lower case, typographic apostrophes made plain, and `n't` spelt `not`.
pub fn normalise(text: &str) -> String {
    let folded = if text.is_ascii() {
        text.to_ascii_lowercase()
    } else if is_nfkc_quick(text.chars()) == IsNormalized::Yes {
        text.to_lowercase()
    } else {
        text.nfkc().collect::<String>().to_lowercase()
    };
    let folded = if folded.contains(['\u{2019}', '\u{2018}', '`']) {
        folded.replace(['\u{2019}', '\u{2018}'], "'")
    } else {
        folded
    };
    if folded.contains("n't") {
        folded
            .replace("can't", "can not")
            .replace("won't", "will not")
            .replace("n't", " not")
    } else {
        folded
    }
}

fn is_opener(c: char) -> bool {
    matches!(c, '(' | '[' | '{' | '"' | '\'' | '`' | '<' | '*' | '_')
}

fn is_closer(c: char) -> bool {
    matches!(c, ')' | ']' | '}' | '"' | '\'' | '`' | '>' | '*' | '_')
}

fn is_clause_end(c: char) -> bool {
    matches!(c, '.' | ',' | ';' | ':' | '!' | '?')
}

/// Splits `text` into tokens (see the module documentation).
pub fn tokenize(text: &str, stemmer: &Stemmer, parts: Parts) -> Vec<Token> {
    let text = normalise(text);
    let mut tokens = Vec::with_capacity(text.len() / 5 + 1);
    let mut clause = 0u32;
    for chunk in text.split_whitespace() {
        let core = chunk.trim_start_matches(is_opener);
        let mut ends_clause = false;
        let core = core.trim_end_matches(|c: char| {
            if is_clause_end(c) {
                ends_clause = true;
                true
            } else {
                is_closer(c)
            }
        });
        if !core.is_empty() {
            if is_code(core) {
                tokens.push(Token::new(core, Class::Code, false, clause, stemmer));
                if parts == Parts::Emit {
                    push_words(core, clause, true, stemmer, &mut tokens);
                }
            } else {
                push_words(core, clause, false, stemmer, &mut tokens);
            }
        }
        if ends_clause {
            clause += 1;
        }
    }
    tokens
}

/// The words of `core`, split at anything that is not a letter or digit.
fn push_words(core: &str, clause: u32, part: bool, stemmer: &Stemmer, tokens: &mut Vec<Token>) {
    // A possessive `'s` is not a word.
    let core = core.strip_suffix("'s").unwrap_or(core);
    for word in core.split(|c: char| !c.is_alphanumeric()) {
        if word.is_empty() {
            continue;
        }
        let class = if word.chars().any(|c| c.is_numeric()) {
            Class::Exact
        } else {
            Class::Word
        };
        tokens.push(Token::new(word, class, part, clause, stemmer));
    }
}

/// Whether a chunk (already stripped of surrounding punctuation) is code-like.
fn is_code(core: &str) -> bool {
    let has_alnum = |s: &str| s.chars().any(char::is_alphanumeric);
    if !has_alnum(core) {
        return false;
    }
    let bytes = core.as_bytes();
    // A flag: `-p`, `--mount`, `-it`.
    if bytes[0] == b'-'
        && bytes
            .get(1)
            .is_some_and(|b| b.is_ascii_alphabetic() || *b == b'-')
    {
        return true;
    }
    // A path or a URL: `/var/lib/docker`, `./src`, `~/data`, `a/b`.
    if core.contains('/') {
        return true;
    }
    // `key=value`, a port mapping or image tag (`8080:80`, `postgres:15`), a dotted or
    // snake_case name (`config.json`, `max_connections`): a separator between two
    // letters or digits.
    core.char_indices().any(|(i, c)| {
        matches!(c, '=' | ':' | '.' | '_')
            && core[..i]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
            && core[i + c.len_utf8()..]
                .chars()
                .next()
                .is_some_and(char::is_alphanumeric)
    })
}

/// Bits 0..26 for the ASCII letters in `word`, bit 26 for anything else.
fn letter_mask(word: &str) -> u32 {
    word.chars().fold(0, |mask, c| {
        if c.is_ascii_lowercase() {
            mask | 1 << (c as u32 - 'a' as u32)
        } else {
            mask | 1 << 26
        }
    })
}

/// Whether the letter sets of two words differ too much for `limit` edits: one edit
/// changes at most two letters of the set.
pub fn letters_too_far(a: u32, b: u32, limit: usize) -> bool {
    (a ^ b).count_ones() as usize > 2 * limit
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::stemmer;

    fn norms(text: &str) -> Vec<String> {
        tokenize(text, &stemmer(), Parts::Skip)
            .into_iter()
            .map(|t| t.norm.to_string())
            .collect()
    }

    #[test]
    fn punctuation_breaks_words_and_case_folds() {
        assert_eq!(
            norms("Data, PERSISTS; (mostly)!"),
            ["data", "persists", "mostly"]
        );
        assert_eq!(norms("daemon-managed"), ["daemon", "managed"]);
        assert_eq!(norms("the host's disk"), ["the", "host", "disk"]);
    }

    #[test]
    fn code_like_tokens_stay_whole() {
        assert_eq!(
            norms("Use --mount type=tmpfs, -p 8080:80 and /var/lib/docker/volumes."),
            [
                "use",
                "--mount",
                "type=tmpfs",
                "-p",
                "8080:80",
                "and",
                "/var/lib/docker/volumes"
            ]
        );
        assert_eq!(
            norms("config.json postgres:15"),
            ["config.json", "postgres:15"]
        );
        let tokens = tokenize("`/var/lib/docker`", &stemmer(), Parts::Emit);
        assert_eq!(tokens[0].class, Class::Code);
        assert_eq!(&*tokens[0].norm, "/var/lib/docker");
        assert!(tokens[1..].iter().all(|t| t.part));
    }

    #[test]
    fn nfkc_and_contractions() {
        assert_eq!(norms("ｄａｅｍｏｎ isn\u{2019}t"), ["daemon", "is", "not"]);
        assert_eq!(norms("can't"), ["can", "not"]);
    }

    #[test]
    fn clauses_are_counted() {
        let tokens = tokenize("not here, there", &stemmer(), Parts::Skip);
        assert_eq!(tokens[1].clause, 0);
        assert_eq!(tokens[2].clause, 1);
    }
}
