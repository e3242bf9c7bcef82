//! Expanding a keyword with synonyms: the built-in lexicon (`lang::lexicon::TECHNICAL`,
//! `lang::lexicon_general::GENERAL` and `lang::lexicon_computing::COMPUTING`) and a
//! bank's own groups, so `host folder` also
//! finds "host directory" and `memory limit` also finds "RAM limit".
//!
//! A group's members are compared by stem (code tokens and numbers as written), and a
//! member may be a phrase: `out of memory` stands for `oom` and the other way round.
//! This module only rewrites keywords into the token sequences to look for; finding
//! them is `matcher`'s business.

use super::token::{Class, Parts, Token, tokenize};
use rust_stemmers::Stemmer;
use rustc_hash::FxHashMap;
use std::collections::HashSet;
use std::ops::Range;
use std::sync::{Arc, OnceLock};

/// How many token sequences one keyword may expand to (the first are the closest:
/// the keyword itself, then one substitution, then two).
const MAX_VARIANTS: usize = 16;

/// Groups of equivalent words and phrases, ready to substitute.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    /// Each group's members, tokenized.
    groups: Vec<Vec<Vec<Token>>>,
    /// For the key of a member's first token, the (group, member) it starts. (Hashed
    /// with `FxHasher`: it is looked up for answer words while grading, and never
    /// iterated, so the order of its keys decides nothing.)
    by_first: FxHashMap<Arc<str>, Vec<(usize, usize)>>,
    /// The stems of each built-in contrast member's spellings and their synonyms
    /// (filled by `contrast`), worked out once per lexicon rather than per question.
    pub(super) contrast_stems: OnceLock<Vec<Vec<Arc<str>>>>,
    /// The stems of each spelling of each term of each built-in set of key terms
    /// (filled by `contrast::terms`), likewise.
    pub(super) term_stems: OnceLock<TermStems>,
}

/// Per built-in set of key terms, per term, per spelling: the stems of its words.
pub(super) type TermStems = Vec<Vec<Vec<Vec<Arc<str>>>>>;

/// What a token is compared by: its stem for a word, its text otherwise (the stem of a
/// code token or a number is its text).
fn key(token: &Token) -> &Arc<str> {
    &token.stem
}

impl Lexicon {
    /// The built-in lexicon and `extra` groups (a bank's synonyms). A member that is in
    /// several groups joins them.
    pub fn new<'a>(extra: impl IntoIterator<Item = &'a [String]>, stemmer: &Stemmer) -> Lexicon {
        let builtin = crate::lang::lexicon::TECHNICAL
            .iter()
            .chain(crate::lang::lexicon_general::GENERAL)
            .chain(crate::lang::lexicon_computing::COMPUTING)
            .map(|group| group.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>());
        let extra = extra.into_iter().map(<[String]>::to_vec);
        let mut lexicon = Lexicon::default();
        for group in builtin.chain(extra) {
            lexicon.add(&group, stemmer);
        }
        lexicon
    }

    fn add(&mut self, group: &[String], stemmer: &Stemmer) {
        let members: Vec<Vec<Token>> = group
            .iter()
            .map(|m| tokenize(m, stemmer, Parts::Skip))
            .filter(|m| !m.is_empty())
            .collect();
        // A member already in a group joins this group to it.
        let joined = members.iter().find_map(|m| self.group_of(m));
        let g = match joined {
            Some(g) => g,
            None => {
                self.groups.push(Vec::new());
                self.groups.len() - 1
            }
        };
        for member in members {
            if self.group_of(&member).is_some() {
                continue;
            }
            let m = self.groups[g].len();
            self.by_first
                .entry(key(&member[0]).clone())
                .or_default()
                .push((g, m));
            self.groups[g].push(member);
        }
    }

    /// The group of a one-word member, if the word is one.
    pub fn group_of_word(&self, word: &Token) -> Option<usize> {
        self.group_of(std::slice::from_ref(word))
    }

    /// The stems of the other one-word members of `word`'s group ("largest" and "max"
    /// for "maximum").
    pub fn word_twins<'a>(&'a self, word: &'a Token) -> impl Iterator<Item = &'a str> + 'a {
        self.group_of_word(word)
            .map_or(&[][..], |g| self.groups[g].as_slice())
            .iter()
            .filter(move |m| m.len() == 1 && m[0].stem != word.stem)
            .map(|m| &*m[0].stem)
    }

    /// The group `member` is in, if any.
    fn group_of(&self, member: &[Token]) -> Option<usize> {
        let first = member.first()?;
        self.by_first.get(key(first))?.iter().find_map(|&(g, m)| {
            let known = &self.groups[g][m];
            (known.len() == member.len() && known.iter().zip(member).all(|(a, b)| same(a, b)))
                .then_some(g)
        })
    }

    /// The members of groups that `words` contains word for word, every one there is,
    /// as (group, member, the span of `words` it covers).
    fn members_in<'a>(
        &'a self,
        words: &'a [Token],
    ) -> impl Iterator<Item = (usize, usize, Range<usize>)> + 'a {
        (0..words.len()).flat_map(move |i| {
            let starts = self
                .by_first
                .get(key(&words[i]))
                .map_or(&[][..], Vec::as_slice);
            starts.iter().filter_map(move |&(g, m)| {
                let member = &self.groups[g][m];
                let end = i + member.len();
                (end <= words.len() && member.iter().zip(&words[i..end]).all(|(a, b)| same(a, b)))
                    .then_some((g, m, i..end))
            })
        })
    }

    /// The phrases of the lexicon (members of two words or more) that `words` contains
    /// word for word, each as the span it covers and the other members of its group,
    /// written out: a model answer that says "last in first out" is also answered by
    /// "lifo".
    pub fn phrases_in(&self, words: &[Token]) -> Vec<(Range<usize>, Vec<String>)> {
        self.members_in(words)
            .filter(|(_, _, span)| span.len() >= 2)
            .map(|(g, m, span)| {
                let others = self.groups[g]
                    .iter()
                    .enumerate()
                    .filter(|&(other, _)| other != m)
                    .map(|(_, o)| o.iter().map(|t| &*t.norm).collect::<Vec<_>>().join(" "))
                    .collect();
                (span, others)
            })
            .collect()
    }

    /// The words that follow `word` in the compounds the lexicon knows as things of
    /// their own: a member of two words or more that starts with `word`, in a group
    /// with a member that shares none of its words (`store` of `trust store`, which is
    /// also a `CA bundle`). Such a compound is not what its first word says alone.
    pub fn compounds_after(&self, word: &Token) -> Vec<Token> {
        let Some(starts) = self.by_first.get(key(word)) else {
            return Vec::new();
        };
        starts
            .iter()
            .filter_map(|&(g, m)| {
                let member = &self.groups[g][m];
                let own = self.groups[g]
                    .iter()
                    .any(|o| !o.iter().any(|a| member.iter().any(|b| same(a, b))));
                (member.len() >= 2 && own && !member[1].stop).then(|| member[1].clone())
            })
            .collect()
    }

    /// `words` and the sequences it says the same as: each member of a group it contains
    /// replaced by each other member, up to two replacements, at most [`MAX_VARIANTS`].
    pub fn expand(&self, words: &[Token]) -> Vec<Vec<Token>> {
        let mut variants = vec![words.to_vec()];
        let mut seen: HashSet<Vec<Arc<str>>> = HashSet::new();
        seen.insert(words.iter().map(|t| key(t).clone()).collect());
        let mut from = 0;
        for _round in 0..2 {
            let upto = variants.len();
            for v in from..upto {
                for next in self.substitutions(&variants[v]) {
                    if variants.len() >= MAX_VARIANTS {
                        return variants;
                    }
                    if seen.insert(next.iter().map(|t| key(t).clone()).collect()) {
                        variants.push(next);
                    }
                }
            }
            from = upto;
        }
        variants
    }

    /// `words` with one member of a group replaced by another, every way there is.
    fn substitutions(&self, words: &[Token]) -> Vec<Vec<Token>> {
        let mut out = Vec::new();
        for (g, m, span) in self.members_in(words) {
            for (other, replacement) in self.groups[g].iter().enumerate() {
                if other == m {
                    continue;
                }
                let mut next = words[..span.start].to_vec();
                next.extend(replacement.iter().cloned());
                next.extend_from_slice(&words[span.end..]);
                out.push(next);
            }
        }
        out
    }
}

/// Whether two tokens are the same word for the lexicon: same stem, and a code token
/// only ever equals a code token.
fn same(a: &Token, b: &Token) -> bool {
    (a.class == Class::Code) == (b.class == Class::Code) && key(a) == key(b)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::stemmer;

    fn expand(lexicon: &Lexicon, keyword: &str) -> Vec<String> {
        let s = stemmer();
        lexicon
            .expand(&tokenize(keyword, &s, Parts::Skip))
            .into_iter()
            .map(|v| {
                v.iter()
                    .map(|t| t.norm.to_string())
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect()
    }

    #[test]
    fn members_stand_for_each_other() {
        let lexicon = Lexicon::new([], &stemmer());
        let host = expand(&lexicon, "host folder");
        assert_eq!(host, ["host folder", "host directory", "host dir"]);
        let memory = expand(&lexicon, "memory limits");
        assert!(memory.contains(&"ram limits".to_owned()), "{memory:?}");
        assert!(
            memory.contains(&"ram cap".to_owned()),
            "two at once: {memory:?}"
        );
        assert!(expand(&lexicon, "oom").contains(&"out of memory".to_owned()));
        assert!(expand(&lexicon, "out of memory").contains(&"oom".to_owned()));
        let loopback = expand(&lexicon, "localhost");
        assert!(loopback.contains(&"::1".to_owned()), "{loopback:?}");
        assert!(expand(&lexicon, "::1").contains(&"127.0.0.1".to_owned()));
        assert_eq!(
            expand(&lexicon, "--memory"),
            ["--memory"],
            "code stays code"
        );
    }

    #[test]
    fn the_general_block_is_built_in_too() {
        let lexicon = Lexicon::new([], &stemmer());
        let rerun = expand(&lexicon, "rerun later steps");
        assert!(
            rerun.contains(&"redone later steps".to_owned()),
            "{rerun:?}"
        );
        let machine = expand(&lexicon, "host machine");
        assert!(machine.contains(&"host box".to_owned()), "{machine:?}");
        // A server is also a role ("the servers hold the catalog, the agent on each
        // box runs the checks"): it is no machine of the lexicon's.
        assert!(!machine.contains(&"host server".to_owned()), "{machine:?}");
        assert_eq!(expand(&lexicon, "servers"), ["servers"]);
    }

    #[test]
    fn the_round_13_groups_are_built_in() {
        let lexicon = Lexicon::new([], &stemmer());
        for (keyword, equivalent) in [
            ("nearest replica", "closest replica"),
            ("returns the row", "send back the row"),
            ("the caller blocks", "the caller wait"),
            ("needs approval", "needs go ahead"),
            ("ha setup", "high availability setup"),
            ("spof", "single point of failure"),
            ("network namespace", "netns"),
            ("mutex", "lock"),
        ] {
            let variants = expand(&lexicon, keyword);
            assert!(
                variants.contains(&equivalent.to_owned()),
                "{keyword}: {variants:?}"
            );
        }
        // Left out on purpose: not one thing in git, nor in a Kubernetes answer.
        for apart in ["fetch", "pull", "pvc", "ordinary", "lb"] {
            assert_eq!(expand(&lexicon, apart), [apart], "{apart}");
        }
    }

    #[test]
    fn a_terse_answer_in_the_lexicons_words_meets_the_model_answers() {
        use crate::grade::tests::{any_bank, grade};
        let bank = any_bank(
            "How does a resolver pick a server?",
            "The resolver sends the query to the nearest server and blocks until it returns.",
            &[&["nearest"], &["blocks"], &["returns"]],
        );
        let g = grade(
            &bank,
            "It asks the closest server and waits until the answer is sent back.",
        );
        assert!(g.passed, "{}", crate::grade::explain(&g));
        let g = grade(&bank, "It asks a random server and moves on.");
        assert!(!g.passed, "{}", crate::grade::explain(&g));
        // `manage` is met by "look after", "you pick" by `choose`, and "you chose" is
        // the same verb.
        let bank = any_bank(
            "Who manages a bind mount's folder?",
            "You choose the folder and you manage it yourself.",
            &[&["choose"], &["manage"]],
        );
        let g = grade(&bank, "You pick it and look after it yourself.");
        assert_eq!(
            g.concepts[0].matched,
            Some(vec!["pick".to_owned()]),
            "{}",
            crate::grade::explain(&g)
        );
        assert!(
            g.concepts[1].matched.is_some(),
            "{}",
            crate::grade::explain(&g)
        );
        let g = grade(&bank, "You chose it.");
        assert_eq!(g.concepts[0].matched, Some(vec!["chose".to_owned()]));
    }

    #[test]
    fn phrases_are_found_word_for_word_with_their_equivalents() {
        let s = stemmer();
        let lexicon = Lexicon::new([], &s);
        let words = tokenize("the stack is last in first out, a lifo", &s, Parts::Skip);
        let found = lexicon.phrases_in(&words);
        assert_eq!(
            found.len(),
            1,
            "one phrase; a single word is no phrase: {found:?}"
        );
        let (span, others) = &found[0];
        assert_eq!(words[span.start].norm.as_ref(), "last");
        assert_eq!(span.len(), 4);
        assert_eq!(others, &["lifo".to_owned()]);
        let apart = tokenize("last of all, first out", &s, Parts::Skip);
        assert!(lexicon.phrases_in(&apart).is_empty());
    }

    #[test]
    fn a_banks_groups_add_to_the_builtin_ones() {
        let s = stemmer();
        let groups = [vec!["db".to_owned(), "database".to_owned()]];
        let lexicon = Lexicon::new(groups.iter().map(Vec::as_slice), &s);
        assert_eq!(expand(&lexicon, "db host"), ["db host", "database host"]);
        let joined = [vec!["ram".to_owned(), "main memory".to_owned()]];
        let lexicon = Lexicon::new(joined.iter().map(Vec::as_slice), &s);
        assert!(expand(&lexicon, "memory").contains(&"main memory".to_owned()));
    }
}
