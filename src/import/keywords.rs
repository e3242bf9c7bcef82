//! Draft rubric keywords from a model answer, for `recall import`.
//!
//! The draft is deliberately simple and honest about being a draft: the content words of
//! the answer (stop words out), code-like tokens (`--mount`, `docker0`, `/var/lib/docker`)
//! kept whole, ranked by how specific they look (code first, then longer and repeated
//! words), at most [`MAX_KEYWORDS`] of them, in the order the answer uses them. Every
//! imported question carries `draft = true` so the author refines them. This is not the
//! grader's derivation of a rubric from a model answer (`crate::grade` derives its own
//! when a question has no keywords); the two should become one function.

use std::collections::HashMap;

/// How many keywords a draft rubric gets.
pub const MAX_KEYWORDS: usize = 5;

const STOP_WORDS: &[&str] = &[
    "a",
    "about",
    "across",
    "after",
    "all",
    "also",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "because",
    "been",
    "being",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "each",
    "either",
    "etc",
    "even",
    "every",
    "far",
    "for",
    "from",
    "fully",
    "had",
    "has",
    "have",
    "how",
    "however",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "just",
    "like",
    "made",
    "make",
    "making",
    "many",
    "may",
    "more",
    "most",
    "much",
    "must",
    "no",
    "not",
    "of",
    "on",
    "one",
    "only",
    "or",
    "other",
    "out",
    "over",
    "own",
    "same",
    "should",
    "so",
    "some",
    "such",
    "than",
    "that",
    "the",
    "their",
    "them",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "to",
    "too",
    "typically",
    "up",
    "upon",
    "us",
    "use",
    "used",
    "uses",
    "using",
    "very",
    "via",
    "was",
    "way",
    "we",
    "were",
    "what",
    "when",
    "where",
    "whether",
    "which",
    "while",
    "who",
    "why",
    "will",
    "with",
    "within",
    "without",
    "would",
    "you",
    "your",
    "e.g",
    "i.e",
    "vs",
    "versus",
    "completely",
    "directly",
    "extremely",
    "highly",
    "securely",
    "flawlessly",
    "allowing",
    "making",
];

/// Characters around a token that are punctuation, not part of it.
const EDGE: &[char] = &[
    '(', ')', '[', ']', '{', '}', '"', '\'', '“', '”', '‘', '’', ',', '.', ';', ':', '!', '?',
];

/// A token that is code rather than prose: it has characters words do not have.
pub fn is_code_like(token: &str) -> bool {
    token.starts_with('-')
        || token
            .chars()
            .any(|c| matches!(c, '/' | '=' | '_' | '.' | ':' | '$' | '<' | '>' | '@'))
        || (token.chars().any(|c| c.is_ascii_digit()) && token.chars().any(char::is_alphabetic))
}

/// The draft keywords of `answer`: at most [`MAX_KEYWORDS`] specific terms it uses.
pub fn draft(answer: &str) -> Vec<String> {
    // (first position, count, term)
    let mut seen: HashMap<String, (usize, usize, String)> = HashMap::new();
    for (position, raw) in answer
        .split(|c: char| c.is_whitespace() || c == '—')
        .enumerate()
    {
        let token = raw
            .trim_matches(EDGE)
            .trim_end_matches("’s")
            .trim_end_matches("'s");
        if token.chars().count() < 3 || !token.chars().any(char::is_alphanumeric) {
            continue;
        }
        let code = is_code_like(token);
        let term = if code {
            token.to_owned()
        } else {
            token.to_lowercase()
        };
        if !code && (STOP_WORDS.contains(&term.as_str()) || !term.chars().all(is_word_char)) {
            continue;
        }
        let key = term.to_lowercase();
        seen.entry(key)
            .and_modify(|e| e.1 += 1)
            .or_insert((position, 1, term));
    }
    let mut ranked: Vec<(usize, usize, String)> = seen.into_values().collect();
    ranked.sort_by(|a, b| {
        specificity(b)
            .total_cmp(&specificity(a))
            .then(a.0.cmp(&b.0))
    });
    ranked.truncate(MAX_KEYWORDS);
    ranked.sort_by_key(|e| e.0);
    ranked.into_iter().map(|e| e.2).collect()
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '-'
}

fn specificity((_, count, term): &(usize, usize, String)) -> f64 {
    let code = if is_code_like(term) { 4.0 } else { 0.0 };
    let capital = if term.chars().any(char::is_uppercase) {
        1.0
    } else {
        0.0
    };
    code + capital + (*count as f64).min(3.0) + term.chars().count().min(12) as f64 / 4.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drafts_specific_terms_in_answer_order() {
        let answer = "Named volumes are managed by the Docker daemon under /var/lib/docker/volumes \
                      and survive container deletion; bind mounts map a host path.";
        let keywords = draft(answer);
        assert!(keywords.len() <= MAX_KEYWORDS);
        assert!(
            keywords.contains(&"/var/lib/docker/volumes".to_owned()),
            "{keywords:?}"
        );
        assert!(!keywords.iter().any(|k| STOP_WORDS.contains(&k.as_str())));
        let positions: Vec<usize> = keywords
            .iter()
            .map(|k| answer.find(k.as_str()).unwrap_or(usize::MAX))
            .collect();
        let mut sorted = positions.clone();
        sorted.sort();
        assert_eq!(positions, sorted, "{keywords:?}");
    }

    #[test]
    fn code_tokens_stay_whole() {
        assert_eq!(
            draft("Use --mount type=volume,source=db"),
            ["--mount", "type=volume,source=db"]
        );
        assert!(draft("the a an of").is_empty());
    }
}
