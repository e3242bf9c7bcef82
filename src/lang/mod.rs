//! English as recall reads it, in one place: the stemmer, the stop words, the irregular
//! verb forms, the adjectives negated by *un-* (and the verbs whose denial says another), the edit distance (and the "did you mean" built on it), the built-in
//! lexicon (its technical, general and computing blocks), comparatives and their antonyms,
//! the two ends of common scales, and lists written as prose.
//!
//! The grader, the importer and the loader's hints all use these, so a word is stemmed,
//! a stop word is skipped and a typo is measured the same way everywhere. This module
//! knows nothing of banks, rubrics or terminals; it sits below all of them.

mod distance;
mod irregular;
pub mod lexicon;
pub mod lexicon_computing;
pub mod lexicon_general;
mod privative;
mod stopwords;

pub use distance::{edit_distance_within, suggest};
pub use irregular::base_form;
pub use privative::{denied_opposites, is_form_of, is_qualifying_prefix, negated_root};
pub use stopwords::{is_auxiliary, is_determiner, is_stop_word};

use rust_stemmers::{Algorithm, Stemmer};

/// Comparatives and their antonyms, both ways, as written ("faster" against "slower" or
/// "longer", of a duration). The grader reads them in authored relations (a comparative
/// keyword also met as its antonym) and in comparisons of a derived rubric (one turned
/// round fails).
pub const COMPARATIVES: &[(&str, &str)] = &[
    ("faster", "slower"),
    ("quicker", "slower"),
    ("faster", "more slowly"),
    ("quicker", "more slowly"),
    ("faster", "longer"),
    ("quicker", "longer"),
    ("higher", "lower"),
    ("larger", "smaller"),
    ("bigger", "smaller"),
    ("greater", "smaller"),
    ("more", "less"),
    ("more", "fewer"),
    ("better", "worse"),
    ("stronger", "weaker"),
    ("safer", "riskier"),
    ("easier", "harder"),
    ("cheaper", "costlier"),
    ("longer", "shorter"),
    ("heavier", "lighter"),
    ("newer", "older"),
    ("earlier", "later"),
    ("wider", "narrower"),
    ("tighter", "looser"),
    ("stricter", "looser"),
];

/// Scales and the words of their two ends, as written: a word of one end says the
/// opposite of a word of the other, of the same thing ("short" and "long", "frequent"
/// and "rare"). The grader reads two of them side by side as a tie ("a longer prefix
/// means a smaller network"), which the other two ends restate.
pub const SCALES: &[(&[&str], &[&str])] = &[
    (
        &["short", "shorter", "shortest"],
        &["long", "longer", "longest"],
    ),
    (
        &["small", "smaller", "smallest", "tiny"],
        &[
            "large", "larger", "largest", "big", "bigger", "biggest", "huge",
        ],
    ),
    (
        &["frequent", "frequently", "common", "often"],
        &[
            "rare",
            "rarer",
            "rarest",
            "rarely",
            "infrequent",
            "infrequently",
            "seldom",
        ],
    ),
    (
        &["fast", "faster", "fastest", "quick", "quicker", "quickly"],
        &["slow", "slower", "slowest", "slowly"],
    ),
    (&["high", "higher", "highest"], &["low", "lower", "lowest"]),
    (
        &["more", "many", "most"],
        &["fewer", "less", "few", "least"],
    ),
    (&["deep", "deeper", "deepest"], &["shallow", "shallower"]),
    (
        &["cheap", "cheaper", "cheapest"],
        &["expensive", "costly", "costlier"],
    ),
    (
        &["strong", "stronger", "strongest"],
        &["weak", "weaker", "weakest"],
    ),
    (
        &["hot", "hotter", "hottest"],
        &["cold", "colder", "coldest"],
    ),
    (
        &["wide", "wider", "widest"],
        &["narrow", "narrower", "narrowest"],
    ),
    (&["busy", "busier", "busiest"], &["idle"]),
    (&["local"], &["remote"]),
];

/// The scale of [`SCALES`] and its end (0 or 1) that `word` (as written, lower case)
/// names.
pub fn scale_end(word: &str) -> Option<(usize, u8)> {
    SCALES
        .iter()
        .enumerate()
        .find_map(|(scale, (first, second))| {
            if first.contains(&word) {
                Some((scale, 0))
            } else if second.contains(&word) {
                Some((scale, 1))
            } else {
                None
            }
        })
}

/// The stemmer every part of recall uses (English Snowball).
pub fn stemmer() -> Stemmer {
    Stemmer::create(Algorithm::English)
}

/// `items` as an English list: `a`, `a or b`, `a, b or c` (with `conjunction` "or").
pub fn prose_list<S: AsRef<str>>(items: &[S], conjunction: &str) -> String {
    match items {
        [] => String::new(),
        [one] => one.as_ref().to_owned(),
        [init @ .., last] => {
            let init: Vec<&str> = init.iter().map(AsRef::as_ref).collect();
            format!("{} {conjunction} {}", init.join(", "), last.as_ref())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_read_as_prose() {
        assert_eq!(prose_list::<&str>(&[], "or"), "");
        assert_eq!(prose_list(&["easy"], "or"), "easy");
        assert_eq!(prose_list(&["a", "b"], "and"), "a and b");
        assert_eq!(
            prose_list(&["easy", "medium", "hard"], "or"),
            "easy, medium or hard"
        );
    }
}
