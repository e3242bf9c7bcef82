//! English function words: left out of derived rubrics and never typo-matched by the
//! grader, and skipped by the importer when it makes ids and matches labels; and the
//! determiners among them, which open a noun phrase, and the auxiliaries, which end a
//! clause's subject.
//!
//! A short list on purpose: only words that carry no subject matter in a short answer.
//! Negation cues (`not`, `no`, `never`, ...) are not here: they matter to the grader.

/// Whether `word` (lower case) is an English stop word.
pub fn is_stop_word(word: &str) -> bool {
    STOP_WORDS.binary_search(&word).is_ok()
}

/// Whether `word` (lower case) is an auxiliary or a form of *be*, *have*, *do* or *get*:
/// where a clause's subject ends, and what makes a list item say something.
pub fn is_auxiliary(word: &str) -> bool {
    matches!(
        word,
        "is" | "are"
            | "was"
            | "were"
            | "be"
            | "been"
            | "has"
            | "have"
            | "had"
            | "do"
            | "does"
            | "did"
            | "can"
            | "could"
            | "will"
            | "would"
            | "should"
            | "must"
            | "may"
            | "might"
            | "get"
            | "gets"
            | "got"
    )
}

/// Whether `word` (lower case) opens a noun phrase before its content words: "*the*
/// kernel", "*its* primary", "*each* client".
pub fn is_determiner(word: &str) -> bool {
    matches!(
        word,
        "the"
            | "a"
            | "an"
            | "its"
            | "their"
            | "this"
            | "these"
            | "those"
            | "each"
            | "every"
            | "any"
            | "some"
            | "all"
            | "your"
            | "our"
            | "his"
            | "her"
    )
}

/// Sorted, so `binary_search` works (a unit test checks it).
const STOP_WORDS: &[&str] = &[
    "a", "about", "above", "after", "again", "all", "also", "although", "am", "an", "and", "any",
    "are", "as", "at", "be", "because", "been", "before", "being", "below", "between", "both",
    "but", "by", "can", "could", "did", "do", "does", "doing", "down", "during", "each", "either",
    "etc", "even", "every", "few", "for", "from", "further", "get", "gets", "got", "had", "has",
    "have", "having", "he", "her", "here", "hers", "him", "his", "how", "i", "if", "in", "into",
    "is", "it", "its", "itself", "just", "let", "like", "may", "me", "might", "more", "most",
    "much", "must", "my", "of", "off", "on", "once", "one", "only", "or", "other", "our", "ours",
    "out", "over", "own", "same", "she", "should", "since", "so", "some", "such", "than", "that",
    "the", "their", "theirs", "them", "then", "there", "these", "they", "this", "those", "though",
    "through", "thus", "to", "too", "under", "unless", "until", "up", "upon", "us", "use", "used",
    "uses", "using", "very", "via", "was", "we", "were", "what", "when", "where", "whereas",
    "whether", "which", "while", "who", "whom", "why", "will", "with", "would", "yes", "you",
    "your", "yours",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_is_sorted_and_unique() {
        assert!(STOP_WORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(is_stop_word("the"));
        assert!(!is_stop_word("daemon"));
        assert!(!is_stop_word("not"));
    }
}
