//! Irregular forms of English verbs that share no stem with their base (`kept` and
//! `keep`, `held` and `hold`, `written` and `write`): the stemmer leaves them apart and
//! they are no typos of each other, so the grader reads each as its base. Two regular
//! forms are here for the same reason: the stemmer cuts the doubled letter of *added* and
//! *adding* to *ad*, apart from *add*.
//!
//! Only the forms of common verbs of the technical register are here (a longer table,
//! with *made*, *known*, *broken*, *taken*, ..., cost SemEval-2013's science answers
//! some macro-F1, so it waits for a measure of each form). Forms
//! with another common sense are left out: *left* (a direction, the left child),
//! *bound* (an upper bound, CPU-bound), *ground*, *wound*, *saw*, *felt*, *rose*,
//! *lay*, *lit*, *bit*, *led* (LED), *meant* (*mean*, the average), *stuck*,
//! *thought*, *given* ("given a list"), and *gone*, which the built-in lexicon joins to
//! *lost*. Forms of the function verbs (*be*, *have*, *do*, *get*) are stop words or
//! nearly so and are left out too.

/// The base form of `word` (lower case) when it is an irregular past or participle of
/// a verb that shares no stem with it.
pub fn base_form(word: &str) -> Option<&'static str> {
    IRREGULAR
        .binary_search_by(|(form, _)| (*form).cmp(word))
        .ok()
        .map(|i| IRREGULAR[i].1)
}

/// (form, base), sorted by form (a unit test checks it).
const IRREGULAR: &[(&str, &str)] = &[
    ("added", "add"),
    ("adding", "add"),
    ("built", "build"),
    ("caught", "catch"),
    ("chose", "choose"),
    ("chosen", "choose"),
    ("forbade", "forbid"),
    ("forbidden", "forbid"),
    ("found", "find"),
    ("held", "hold"),
    ("kept", "keep"),
    ("lost", "lose"),
    ("overridden", "override"),
    ("overrode", "override"),
    ("overwritten", "overwrite"),
    ("overwrote", "overwrite"),
    ("ran", "run"),
    ("rebuilt", "rebuild"),
    ("rewritten", "rewrite"),
    ("rewrote", "rewrite"),
    ("sent", "send"),
    ("threw", "throw"),
    ("thrown", "throw"),
    ("undid", "undo"),
    ("undone", "undo"),
    ("written", "write"),
    ("wrote", "write"),
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::{is_stop_word, stemmer};

    #[test]
    fn the_table_is_sorted_and_each_form_differs_from_its_base_in_stem() {
        assert!(IRREGULAR.windows(2).all(|w| w[0].0 < w[1].0));
        let s = stemmer();
        for (form, base) in IRREGULAR {
            assert_ne!(s.stem(form), s.stem(base), "{form} needs no entry");
            assert!(!is_stop_word(form), "{form} is a stop word");
        }
        assert_eq!(base_form("kept"), Some("keep"));
        assert_eq!(base_form("written"), Some("write"));
        assert_eq!(base_form("left"), None, "a direction too");
        assert_eq!(base_form("chose"), Some("choose"));
        assert_eq!(base_form("chosen"), Some("choose"));
        assert_eq!(base_form("keep"), None);
    }
}
