//! Adjectives negated by their prefix: *unlimited* is *not limited*, *unencrypted* is
//! *not encrypted*. The grader lets a keyword of this form also match its root under a
//! negation ("there is no limit", "it is not encrypted"). And the first pieces of a
//! hyphenated word that make it another thing than its last piece (*self-signed*,
//! *non-root*). And the few verbs whose denial says another verb: *not accept* is
//! *reject*, *not deleted* is *kept*.

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

/// Verbs of two opposite sides where denying one says the other: a write the storage
/// does *not accept* is one it *rejects*, data that is *not deleted* *persists*. Only
/// pairs with no third way between them (*not allow* is not *block*: a thing may be
/// neither allowed nor blocked, only left alone). Irregular forms are left to the
/// stemmer's base forms (*lost* is *lose*, *kept* is *keep*).
const DENIED_OPPOSITES: &[[&[&str]; 2]] = &[
    [&["reject", "refuse"], &["accept"]],
    [
        &[
            "persist", "survive", "remain", "retain", "keep", "stay", "outlive", "outlast",
        ],
        &[
            "delete", "lose", "remove", "destroy", "erase", "wipe", "discard",
        ],
    ],
];

/// The verbs whose denial says the verb of stem `stem` (by `stem_of`, the grader's
/// stemmer): `accept` for `reject`, `delete`, `lose`, ... for `persist`. Empty for
/// any other word.
pub fn denied_opposites(stem: &str, stem_of: impl Fn(&str) -> String) -> &'static [&'static str] {
    DENIED_OPPOSITES
        .iter()
        .flat_map(|[a, b]| [(a, b), (b, a)])
        .find(|(side, _)| side.iter().any(|word| stem_of(word) == stem))
        .map_or(&[], |(_, other)| other)
}

/// Whether `word` is a form of `verb` (as [`denied_opposites`] lists it): *accepts*,
/// *accepted*, *accepting* of *accept*, *deleted* of *delete*, not the adjective
/// *acceptable* or the noun *removal* that share their stem.
pub fn is_form_of(word: &str, verb: &str) -> bool {
    let stem = verb.strip_suffix('e').unwrap_or(verb);
    word == verb
        || ["s", "es", "d", "ed"]
            .iter()
            .any(|end| word.strip_suffix(end) == Some(verb))
        || ["ed", "ing"]
            .iter()
            .any(|end| word.strip_suffix(end) == Some(stem))
        || crate::lang::base_form(word) == Some(verb)
}

#[cfg(test)]
mod tests {
    use super::{denied_opposites, is_form_of, is_qualifying_prefix, negated_root};

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
    fn a_verb_has_its_denied_opposites_and_its_own_forms() {
        let stem_of = |w: &str| w.trim_end_matches('s').to_owned();
        assert_eq!(denied_opposites("refuse", stem_of), ["accept"]);
        assert!(denied_opposites("accept", stem_of).contains(&"refuse"));
        assert!(denied_opposites("allow", stem_of).is_empty());
        for (word, verb) in [
            ("erased", "erase"),
            ("erasing", "erase"),
            ("wipes", "wipe"),
            ("lost", "lose"),
            ("accepted", "accept"),
        ] {
            assert!(is_form_of(word, verb), "{word}");
        }
        for (word, verb) in [("acceptable", "accept"), ("removal", "remove")] {
            assert!(!is_form_of(word, verb), "{word}");
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
