//! Adjectives negated by their prefix: *unlimited* is *not limited*, *unencrypted* is
//! *not encrypted*. The grader lets a keyword of this form also match its root under a
//! negation ("there is no limit", "it is not encrypted"). And the first pieces of a
//! hyphenated word that make it another thing than its last piece (*self-signed*,
//! *non-root*).

/// Whether `piece`, the first piece of a hyphenated word, makes the word another thing
/// than its last piece: *self-signed* is not signed by an authority, *self-hosted* not
/// hosted for you, *semi-synchronous* not synchronous, *half-open* (a circuit breaker's
/// trial state) not open, *non-root* not root,
/// *pseudo-random* not random, *anti-affinity* no affinity. (*Short-lived*,
/// *read-only* or *multi-stage* are kinds of their last piece.)
pub fn is_qualifying_prefix(piece: &str) -> bool {
    matches!(
        piece,
        "self" | "semi" | "half" | "non" | "pseudo" | "quasi" | "anti" | "counter"
    )
}

/// The root of a word that is the negation of another by its prefix *un-*: `limited`
/// for `unlimited`, `healthy` for `unhealthy`, `known` for `unknown`. Only adjectives
/// and participles count (the root ends as one does: *-ed*, *-able*, *-ful*, *-y*,
/// ...): a verb of undoing is no negation (*unmount* is not *not mount*, *unshare*
/// not *not share*), and neither are the words of *uni-* (*unified*, *universal*,
/// *united*) or *unless*, *unlike*, *until*, *under*.
pub fn negated_root(word: &str) -> Option<&str> {
    const ENDINGS: &[&str] = &[
        "ed", "able", "ible", "ful", "y", "al", "ive", "ent", "ant", "own", "ure", "ous", "ic",
        "ing",
    ];
    let root = word.strip_prefix("un")?;
    let letters = root.len() >= 4 && root.bytes().all(|b| b.is_ascii_lowercase());
    // *uni-*: only a root that is a word of its own (*installed*, *important*,
    // *identified*, *isolated*, *interrupted*) starts with i.
    let uni = root.starts_with('i')
        && !["in", "im", "id", "ir", "is"]
            .iter()
            .any(|p| root.starts_with(p));
    let under = root.starts_with("der");
    (letters && !uni && !under && ENDINGS.iter().any(|e| root.ends_with(e))).then_some(root)
}

#[cfg(test)]
mod tests {
    use super::{is_qualifying_prefix, negated_root};

    #[test]
    fn prefixes_that_make_another_thing_qualify() {
        for piece in ["self", "semi", "half", "non", "pseudo", "anti"] {
            assert!(is_qualifying_prefix(piece), "{piece}");
        }
        for piece in ["short", "read", "multi", "well", "long", "re"] {
            assert!(!is_qualifying_prefix(piece), "{piece}");
        }
    }

    #[test]
    fn adjectives_negated_by_un_give_their_root() {
        for (word, root) in [
            ("unlimited", "limited"),
            ("unencrypted", "encrypted"),
            ("unhealthy", "healthy"),
            ("unknown", "known"),
            ("unreachable", "reachable"),
            ("unused", "used"),
            ("uninstalled", "installed"),
            ("unsecure", "secure"),
            ("unprivileged", "privileged"),
        ] {
            assert_eq!(negated_root(word), Some(root), "{word}");
        }
    }

    #[test]
    fn verbs_of_undoing_and_uni_words_are_no_negation() {
        for word in [
            "unmount",
            "unshare",
            "unset",
            "unlink",
            "undo",
            "unified",
            "united",
            "universal",
            "unilateral",
            "unless",
            "unlike",
            "until",
            "under",
            "unique",
            "unit",
            "uniform",
            "union",
            "unix",
            "unpack",
            "uninstall",
            "underlying",
        ] {
            assert_eq!(negated_root(word), None, "{word}");
        }
    }
}
