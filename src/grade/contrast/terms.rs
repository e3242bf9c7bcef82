//! Key terms turned round: two terms of one set that the model answer tells apart by
//! the words it gives each ("the Sandbox (the isolated network namespace), the Endpoint
//! (the network interface)"; "the default seccomp profile blocks dangerous system
//! calls" beside "Docker splits root's power into capabilities"). An answer that names
//! both and gives each more of the other's words than of its own ("the Sandbox is the
//! network interface and the Endpoint the namespace") contradicts the model answer,
//! whatever concepts it names. [`roles`](super::roles) does the same for two numbers.
//!
//! The terms come from [`TERM_SETS`], built in: things of the register that a model
//! answer contrasts and a learner can mix up, written from how Docker and Linux work,
//! not from any learner's answer. A set counts for a question when its model answer
//! names at least two of its terms, each with words of its own.
//!
//! A term's words are the content words of its segment (see
//! [`Place`](crate::grade::token::Place)) from it up to the next term there; the words
//! before a segment's first term are that term's too (the subject of "what is lost is
//! the volume" comes last). A term's *own* words are those the model answer gives it
//! and no other term of its set. A negation and what follows it in the segment tie
//! nothing ("the Endpoint is not the namespace" ties the Endpoint to nothing). Both terms must be turned round: an answer whose
//! one term runs into the other's words in a long sentence is often still right.

use super::Contradiction;
use crate::grade::matcher::PreparedAnswer;
use crate::grade::token::{Class, Parts, Token, tokenize};
use rust_stemmers::Stemmer;
use std::sync::Arc;

/// A set of terms a model answer may tell apart, each a list of spellings.
pub struct TermSet {
    /// What the terms are ("CNM component").
    pub role: &'static str,
    pub terms: &'static [&'static [&'static str]],
}

/// The built-in sets of terms that are told apart by what each does or holds.
pub const TERM_SETS: &[TermSet] = &[
    TermSet {
        role: "CNM component",
        terms: &[&["sandbox", "sandboxes"], &["endpoint", "endpoints"]],
    },
    TermSet {
        role: "kernel guard",
        terms: &[
            &["capability", "capabilities"],
            &["seccomp"],
            &["apparmor", "selinux"],
        ],
    },
    TermSet {
        role: "kernel feature",
        terms: &[&["namespace", "namespaces"], &["cgroup", "cgroups"]],
    },
    TermSet {
        role: "storage",
        terms: &[
            &["layer", "layers"],
            &["volume", "volumes", "named volume", "named volumes"],
            &["bind mount", "bind mounts"],
            &["tmpfs"],
        ],
    },
    TermSet {
        role: "Compose start condition",
        terms: &[
            &["service_healthy"],
            &["service_started"],
            &["service_completed_successfully"],
        ],
    },
    TermSet {
        role: "orchestrator",
        terms: &[&["kubernetes", "k8s"], &["swarm"], &["compose"]],
    },
    TermSet {
        role: "Dockerfile instruction",
        terms: &[&["cmd"], &["entrypoint"]],
    },
    TermSet {
        role: "cgroup version",
        terms: &[&["v1", "cgroup v1"], &["v2", "cgroup v2"]],
    },
    TermSet {
        role: "base image",
        terms: &[&["alpine"], &["distroless"], &["scratch"]],
    },
];

/// The sets of a model answer whose terms it tells apart.
#[derive(Default)]
pub(super) struct Terms {
    groups: Vec<Group>,
}

struct Group {
    role: &'static str,
    terms: Vec<Term>,
}

struct Term {
    label: &'static str,
    /// The stems of each spelling.
    spellings: Vec<Vec<Arc<str>>>,
    /// The stems the model answer ties to this term and to no other of its set.
    own: Vec<Arc<str>>,
}

/// The stems of each spelling of a term, one list per spelling.
type Spellings = Vec<Vec<Arc<str>>>;

/// The [`Spellings`] of each term of each of [`TERM_SETS`], in order: worked out once
/// per lexicon (see `Lexicon::term_stems`), not per question.
pub(super) fn stems(stemmer: &Stemmer) -> Vec<Vec<Spellings>> {
    TERM_SETS
        .iter()
        .map(|set| {
            set.terms
                .iter()
                .map(|spellings| {
                    spellings
                        .iter()
                        .map(|s| {
                            let words = tokenize(s, stemmer, Parts::Skip);
                            words.iter().map(|t| t.stem.clone()).collect()
                        })
                        .collect()
                })
                .collect()
        })
        .collect()
}

/// Whether one of `spellings` may be spelt in `text`: its first word is there. Ties
/// are made only from spelt terms, so a term that fails this has none.
fn may_spell(spellings: &Spellings, text: &PreparedAnswer) -> bool {
    spellings.iter().any(|spelling| {
        spelling
            .first()
            .is_some_and(|first| text.tokens().iter().any(|t| !t.part && t.stem == *first))
    })
}

impl Terms {
    /// The sets of which `model` names two terms or more, each with words of its own;
    /// `stems` are [`stems`].
    pub(super) fn new(model: &PreparedAnswer, stems: &[Vec<Spellings>]) -> Terms {
        let groups = TERM_SETS
            .iter()
            .zip(stems)
            .filter_map(|(set, stems)| {
                // A set whose model answer spells fewer than two terms tells none apart.
                if stems.iter().filter(|s| may_spell(s, model)).take(2).count() < 2 {
                    return None;
                }
                let mut terms: Vec<Term> = set
                    .terms
                    .iter()
                    .zip(stems)
                    .map(|(spellings, stems)| Term {
                        label: spellings[0],
                        spellings: stems.clone(),
                        own: Vec::new(),
                    })
                    .collect();
                let ties = ties(model, &terms);
                for (i, term) in terms.iter_mut().enumerate() {
                    term.own = ties
                        .iter()
                        .filter(|(t, s)| *t == i && !ties.iter().any(|(u, r)| *u != i && r == s))
                        .map(|(_, s)| s.clone())
                        .collect();
                    term.own.sort_unstable();
                    term.own.dedup();
                }
                let told_apart = terms.iter().filter(|t| !t.own.is_empty()).count();
                (told_apart >= 2).then_some(Group {
                    role: set.role,
                    terms,
                })
            })
            .collect();
        Terms { groups }
    }

    /// The first pair of terms `answer` turns round, if any.
    pub(super) fn check(&self, answer: &PreparedAnswer) -> Option<Contradiction> {
        self.groups.iter().find_map(|g| g.check(answer))
    }
}

impl Group {
    fn check(&self, answer: &PreparedAnswer) -> Option<Contradiction> {
        // Two terms with words of their own must both be spelt: most answers spell one
        // or none, and need no ties worked out.
        let spelt = |term: &&Term| !term.own.is_empty() && may_spell(&term.spellings, answer);
        if self.terms.iter().filter(spelt).take(2).count() < 2 {
            return None;
        }
        let ties = ties(answer, &self.terms);
        let carried: Vec<Vec<&Arc<str>>> = (0..self.terms.len())
            .map(|i| super::roles::carried(&ties, &i))
            .collect();
        let count =
            |stems: &[&Arc<str>], of: &Term| stems.iter().filter(|s| of.own.contains(s)).count();
        for (a, term_a) in self.terms.iter().enumerate() {
            for (b, term_b) in self.terms.iter().enumerate() {
                if a == b || term_a.own.is_empty() || term_b.own.is_empty() {
                    continue;
                }
                let (at_a, at_b) = (&carried[a], &carried[b]);
                // Strictly both: a term's description often names the other's word
                // once ("a sandbox (the namespace with its interfaces)").
                if count(at_a, term_b) > count(at_a, term_a)
                    && count(at_b, term_a) > count(at_b, term_b)
                {
                    let matched = super::roles::answer_words(answer, at_a, &term_b.own);
                    return Some(Contradiction {
                        role: self.role.to_owned(),
                        said: term_a.label.to_owned(),
                        model: format!("`{}` for that (the two turned round)", term_b.label),
                        anchor: None,
                        matched,
                    });
                }
            }
        }
        None
    }
}

/// (term, stem) for each content word of `text` that belongs to a term in its segment
/// (from the term up to the next one; before the first, to the first), up to a
/// negation.
fn ties(text: &PreparedAnswer, terms: &[Term]) -> Vec<(usize, Arc<str>)> {
    let tokens = text.tokens();
    let mut out = Vec::new();
    // The mark of a term's presence, one for all of them.
    let spelt: Arc<str> = Arc::from("");
    let mut words: Vec<&Token> = Vec::new();
    let mut before: Vec<Arc<str>> = Vec::new();
    for segment in super::roles::segments(tokens) {
        // The words of the sentence's grammar, not the parts of a code token.
        // A negation and what follows it in the segment tie nothing.
        words.clear();
        words.extend(
            tokens[segment]
                .iter()
                .filter(|t| !t.part)
                .take_while(|t| !t.is_negation()),
        );
        before.clear();
        // Each word's term, when it spells one, and how many words that spelling takes.
        let mut current: Option<usize> = None;
        let mut p = 0;
        while p < words.len() {
            if let Some((term, len)) = spelt_at(&words[p..], terms) {
                if current.is_none() {
                    out.extend(before.drain(..).map(|s| (term, s)));
                }
                out.push((term, spelt.clone()));
                current = Some(term);
                p += len;
                continue;
            }
            let t = words[p];
            p += 1;
            if t.class != Class::Word || t.stop || t.glued {
                continue;
            }
            match current {
                Some(term) => out.push((term, t.stem.clone())),
                None => before.push(t.stem.clone()),
            }
        }
    }
    out
}

/// The term whose spelling starts `words`, with the number of words it takes (the
/// longest spelling wins).
fn spelt_at(words: &[&Token], terms: &[Term]) -> Option<(usize, usize)> {
    let mut best: Option<(usize, usize)> = None;
    for (i, term) in terms.iter().enumerate() {
        for spelling in &term.spellings {
            let n = spelling.len();
            if n == 0 || n > words.len() || best.is_some_and(|(_, len)| len >= n) {
                continue;
            }
            if spelling.iter().zip(words).all(|(s, w)| *s == w.stem) {
                best = Some((i, n));
            }
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::super::roles::tests::prepared;
    use super::*;
    use rust_stemmers::Algorithm;

    fn terms(model: &str) -> Terms {
        Terms::new(
            &prepared(model),
            &stems(&Stemmer::create(Algorithm::English)),
        )
    }

    const CNM: &str = "The Container Network Model defines three components: the Sandbox (the \
        isolated network namespace), the Endpoint (the network interface inside the Sandbox), \
        and the Network (the virtual switch/bridge).";

    #[test]
    fn terms_given_each_others_words_are_turned_round() {
        let terms = terms(CNM);
        let turned = terms
            .check(&prepared(
                "In CNM the Sandbox is the network interface and the Endpoint is the isolated \
                 network namespace, while the Network is the bridge.",
            ))
            .expect("turned round");
        assert_eq!(turned.role, "CNM component");
        assert_eq!(turned.said, "sandbox");
        assert_eq!(turned.matched, ["interface"]);
    }

    #[test]
    fn terms_the_right_way_round_or_in_one_sentence_pass() {
        let terms = terms(CNM);
        for right in [
            "A sandbox is the container's network namespace, an endpoint is its interface \
             and the network is the bridge.",
            "Sandbox = namespace, endpoint = interface, network = switch.",
            "The endpoint is the interface that joins a sandbox to a network.",
            "The sandbox is not the interface; the endpoint is.",
        ] {
            assert_eq!(terms.check(&prepared(right)), None, "{right}");
        }
    }

    #[test]
    fn a_model_answer_with_one_term_of_a_set_gives_no_terms() {
        let terms = terms("A named volume persists after the container is removed.");
        assert!(terms.groups.is_empty());
    }
}
