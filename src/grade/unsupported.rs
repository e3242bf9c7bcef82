//! What an answer says that none of the question's texts supports: the clauses of an
//! answer whose content words (by stem, or a lexicon twin of the stem) the prompt, the
//! situation, the model answer, the explanation and the rubric's terms never use. The
//! grader cannot check such a clause against anything, so it changes no verdict; a
//! passing answer's breakdown names the clearly assertive ones ("not in the model answer
//! or explanation: ...: check this claim yourself"), so a learner knows what was not
//! checked. `examples/unsupported.rs` measures the same clauses over graded sets.

use super::lexicon::Lexicon;
use super::matcher::PreparedAnswer;
use super::token::{Class, Parts, Token, hash_of, tokenize};
use crate::bank::Question;
use crate::lang::edit_distance_within;
use rust_stemmers::Stemmer;
use rustc_hash::FxHashSet;

/// How many content words a clause needs before it is a claim of its own worth naming
/// (a bare "fast" or "as root" is not).
const MIN_WORDS: usize = 4;

/// How many of its content words must be new for a clause to be named: one or two new
/// words in a clause are a paraphrase more often than a new claim.
const MIN_NEW: usize = 3;

/// What share of a clause's content words must be new.
const MIN_NEW_SHARE: f64 = 0.6;

/// How many clauses a breakdown names at most.
const MAX_NAMED: usize = 2;

/// The words of the question's texts, by stem (and as written, for code and numbers).
#[derive(Debug, Clone, Default)]
pub struct Support {
    stems: FxHashSet<u64>,
    /// The words as written, of four letters or more, with their first letter and
    /// length (sorted so) and the set of their letters: a misspelt word of the answer
    /// one or two edits from one of them is not new.
    words: Vec<(char, usize, u32, String)>,
}

/// One clause of an answer, measured against the question's texts.
#[derive(Debug, Clone, PartialEq)]
pub struct Clause {
    /// The clause's words as the grader reads them (lower case).
    pub text: String,
    /// Its content words (no stop words, no pieces of code tokens).
    pub words: usize,
    /// Those the question's texts do not use (nor a lexicon twin of them).
    pub new: Vec<String>,
    /// A number among the new words.
    pub new_number: bool,
    /// A code token (a flag, a path, a command) among the new words.
    pub new_code: bool,
    /// A scope or absolute word (*always*, *only*, *every*, ...) among the new words.
    pub new_absolute: bool,
    /// The clause opens with a word that adds to what went before (*also*, *which*,
    /// *though*, *plus*, ...).
    pub adds: bool,
    /// A negation cue governs one of its words.
    pub negated: bool,
    /// The clause hedges (*maybe*, *I think*, *probably*) or asks.
    pub hedged: bool,
}

impl Clause {
    /// Whether the clause makes a claim of its own that nothing in the question's texts
    /// supports: enough content words, most of them new, and said plainly (not hedged,
    /// and not negated: "more CPU will not change anything" denies, it adds nothing).
    pub fn unsupported(&self) -> bool {
        !self.hedged && !self.negated && unsupported_counts(self.words, self.new.len())
    }
}

impl Support {
    /// The support of `question`'s texts and the rubric's `terms`.
    pub fn new<'a>(
        question: &'a Question,
        terms: impl IntoIterator<Item = &'a str>,
        stemmer: &Stemmer,
    ) -> Support {
        let mut stems = FxHashSet::default();
        let mut words = Vec::new();
        let texts = [
            Some(question.prompt.as_str()),
            question.situation.as_deref(),
            question.model_answer.as_deref(),
            question.explanation.as_deref(),
        ];
        for text in texts.into_iter().flatten().chain(terms) {
            for token in tokenize(text, stemmer, Parts::Emit) {
                stems.insert(token.stem_hash);
                if stems.insert(token.hash) && token.class == Class::Word && token.len >= 4 {
                    let first = token.norm.chars().next().unwrap_or(' ');
                    words.push((first, token.len, token.letters, token.norm.to_string()));
                }
            }
        }
        // By first letter and length, so a slip is looked for only among the words it
        // could be a slip of.
        words.sort_unstable();
        Support { stems, words }
    }

    /// Whether the question's texts use `token`, or a lexicon twin of it.
    fn supports(&self, token: &Token, lexicon: &Lexicon) -> bool {
        self.stems.contains(&token.stem_hash)
            || self.stems.contains(&token.hash)
            || (token.class == Class::Word && self.misspelt(token))
            || lexicon
                .word_twins(token)
                .any(|twin| self.stems.contains(&hash_of(twin)))
    }

    /// Whether `token` is a slip of a word of the question's texts: the same first
    /// letter, and one edit away (two for a word of eight letters or more; a swap of two
    /// neighbouring letters is one edit, as everywhere in the grader).
    fn misspelt(&self, token: &Token) -> bool {
        let (word, len) = (&*token.norm, token.len);
        if len < 5 {
            return false;
        }
        let limit = if len >= 8 { 2 } else { 1 };
        let Some(first) = word.chars().next() else {
            return false;
        };
        let from = self
            .words
            .partition_point(|(c, n, ..)| (*c, *n) < (first, len - limit));
        // Each edit adds a letter, drops one, or both: two sets of letters more than
        // twice the limit apart cannot be that few edits apart.
        self.words[from..]
            .iter()
            .take_while(|(c, n, ..)| (*c, *n) <= (first, len + limit))
            .any(|(_, _, letters, w)| {
                (letters ^ token.letters).count_ones() as usize <= 2 * limit
                    && edit_distance_within(w, word, limit).is_some()
            })
    }

    /// The clauses of a passing answer its breakdown names as unchecked claims: those
    /// [`Clause::unsupported`] keeps, at most [`MAX_NAMED`]. The same test as
    /// [`Support::clauses`] makes, without measuring what it does not need (it runs on
    /// every passing answer).
    pub fn named(&self, answer: &PreparedAnswer, lexicon: &Lexicon) -> Vec<String> {
        let tokens = answer.tokens();
        let mut out = Vec::new();
        let mut start = 0;
        while start < tokens.len() && out.len() < MAX_NAMED {
            let clause = tokens[start].place.clause;
            let end = (start..tokens.len())
                .find(|&i| tokens[i].place.clause != clause)
                .unwrap_or(tokens.len());
            let range = start..end;
            start = end;
            let words = || range.clone().filter(|&i| !tokens[i].part);
            let content = || words().filter(|&i| content_word(&tokens[i]));
            // The cheap tests first: a negated or hedged clause is not counted.
            if range.clone().any(|i| answer.negated(i)) || words().any(|i| hedges(&tokens[i].norm))
            {
                continue;
            }
            let count = content().count();
            if count < MIN_WORDS {
                continue;
            }
            // Enough new words, and one that is not, names it; too few left to be new
            // spares it: either ends the look at its words.
            let needed = MIN_NEW.max((MIN_NEW_SHARE * count as f64).ceil() as usize);
            let (mut new, mut old) = (0, 0);
            for i in content() {
                if new + (count - new - old) < needed || (new >= needed && old > 0) {
                    break;
                }
                if self.supports(&tokens[i], lexicon) {
                    old += 1;
                } else {
                    new += 1;
                }
            }
            if new >= needed && old > 0 {
                let text: Vec<&str> = words().map(|i| &*tokens[i].norm).collect();
                out.push(text.join(" "));
            }
        }
        out
    }

    /// Every clause of `answer`, measured.
    pub fn clauses(&self, answer: &PreparedAnswer, lexicon: &Lexicon) -> Vec<Clause> {
        let tokens = answer.tokens();
        let mut out = Vec::new();
        let mut start = 0;
        while start < tokens.len() {
            let clause = tokens[start].place.clause;
            let end = (start..tokens.len())
                .find(|&i| tokens[i].place.clause != clause)
                .unwrap_or(tokens.len());
            out.push(self.clause(answer, start..end, lexicon));
            start = end;
        }
        out
    }

    fn clause(
        &self,
        answer: &PreparedAnswer,
        range: std::ops::Range<usize>,
        lexicon: &Lexicon,
    ) -> Clause {
        let tokens = answer.tokens();
        let words: Vec<usize> = range.clone().filter(|&i| !tokens[i].part).collect();
        let text = words
            .iter()
            .map(|&i| &*tokens[i].norm)
            .collect::<Vec<_>>()
            .join(" ");
        let content: Vec<usize> = words
            .iter()
            .copied()
            .filter(|&i| content_word(&tokens[i]))
            .collect();
        let new: Vec<usize> = content
            .iter()
            .copied()
            .filter(|&i| !self.supports(&tokens[i], lexicon))
            .collect();
        let first = words.first().map(|&i| &*tokens[i].norm);
        Clause {
            text,
            words: content.len(),
            new_number: new
                .iter()
                .any(|&i| tokens[i].class == Class::Exact && is_digits(&tokens[i].norm)),
            new_code: new.iter().any(|&i| tokens[i].class == Class::Code),
            new_absolute: words
                .iter()
                .any(|&i| is_absolute(&tokens[i].norm) && !self.supports(&tokens[i], lexicon)),
            adds: first.is_some_and(adds) || words.iter().any(|&i| &*tokens[i].norm == "also"),
            negated: range.clone().any(|i| answer.negated(i)),
            hedged: words.iter().any(|&i| hedges(&tokens[i].norm)),
            new: new.iter().map(|&i| tokens[i].norm.to_string()).collect(),
        }
    }
}

/// Whether a clause of `words` content words, `new` of them new, says enough that
/// nothing supports to be named (said plainly is asked apart).
fn unsupported_counts(words: usize, new: usize) -> bool {
    words >= MIN_WORDS
        && new >= MIN_NEW
        && new as f64 >= MIN_NEW_SHARE * words as f64
        // It still talks about the question's subject: one word at least is its.
        && new < words
}

/// A word that carries content: not a stop word, and a word of three letters at least,
/// a number or a code token.
fn content_word(token: &Token) -> bool {
    !token.stop
        && !token.is_negation()
        && (token.class != Class::Word || (token.len >= 3 && !is_generic(&token.norm)))
}

/// Words any answer may use of any subject, which make no claim of their own.
fn is_generic(word: &str) -> bool {
    matches!(
        word,
        "means"
            | "mean"
            | "lets"
            | "let"
            | "keep"
            | "keeps"
            | "kept"
            | "put"
            | "puts"
            | "make"
            | "makes"
            | "made"
            | "get"
            | "gets"
            | "got"
            | "getting"
            | "going"
            | "thing"
            | "things"
            | "something"
            | "anything"
            | "everything"
            | "yourself"
            | "really"
            | "actually"
            | "basically"
            | "simply"
            | "way"
            | "time"
            | "times"
            | "use"
            | "uses"
            | "used"
            | "using"
            | "need"
            | "needs"
            | "want"
            | "wants"
            | "work"
            | "works"
            | "fine"
            | "instead"
            | "else"
            | "elsewhere"
            | "still"
            | "even"
            | "much"
            | "lot"
            | "lots"
            | "thus"
            | "therefore"
            | "then"
            | "here"
            | "there"
            | "one"
            | "ones"
            | "whatever"
            | "whole"
            | "part"
            | "kind"
            | "sort"
            | "case"
            | "cases"
            | "point"
            | "sure"
            | "able"
            | "happens"
            | "happen"
    )
}

fn is_digits(word: &str) -> bool {
    word.chars().any(|c| c.is_ascii_digit())
}

/// Scope and absolute words, which turn a true statement into a wrong one.
fn is_absolute(word: &str) -> bool {
    matches!(
        word,
        "always"
            | "never"
            | "only"
            | "all"
            | "every"
            | "any"
            | "must"
            | "automatically"
            | "guaranteed"
            | "guarantees"
            | "entire"
            | "entirely"
            | "completely"
            | "whole"
            | "everything"
            | "nothing"
            | "none"
            | "immediately"
            | "permanently"
            | "instantly"
    )
}

/// Words that open an addition to what went before.
fn adds(word: &str) -> bool {
    matches!(
        word,
        "also" | "which" | "though" | "plus" | "additionally" | "and" | "besides" | "moreover"
    )
}

/// Words that hedge a clause or ask.
fn hedges(word: &str) -> bool {
    matches!(
        word,
        "maybe" | "perhaps" | "probably" | "possibly" | "might" | "think" | "guess" | "unsure"
    )
}

#[cfg(test)]
mod tests {
    use crate::grade::Grade;
    use crate::grade::tests::{derived_bank, grade};

    /// A question of my own (no set has it): why a read replica lags.
    const PROMPT: &str = "Why can a read from a replica return stale data?";
    const MODEL: &str = "Replication is asynchronous: the primary commits a write and \
        ships it to the replica afterwards, so a read from the replica can miss writes \
        the primary has already committed. Read from the primary when a read must see \
        the latest write.";

    fn graded(answer: &str) -> Grade {
        grade(&derived_bank(PROMPT, MODEL), answer)
    }

    /// The right core and a claim the question's texts never make: the clause is named.
    #[test]
    fn a_passing_answer_names_the_claim_nothing_supports() {
        for (answer, claim) in [
            (
                "Replication is asynchronous, so the replica can miss writes the primary \
                 already committed. Replicas also drop every query older than thirty seconds.",
                "replicas also drop every query older than thirty seconds",
            ),
            (
                "The primary commits first and ships the write to the replica afterwards, \
                 which is why Postgres disables replicas during vacuum.",
                "which is why postgres disables replicas during vacuum",
            ),
            (
                "Asynchronous replication: reads from the replica may miss committed writes; \
                 the fix is rebooting the replica cluster nightly.",
                "the fix is rebooting the replica cluster nightly",
            ),
        ] {
            let g = graded(answer);
            assert!(g.passed, "{answer}: {}", crate::grade::explain(&g));
            assert_eq!(g.unchecked, [claim], "{answer}");
            assert!(
                crate::grade::explain(&g).contains("? not in the model answer or explanation"),
                "{answer}"
            );
        }
    }

    /// A right answer in the question's own words, a denial, a hedge or a short remark
    /// names nothing.
    #[test]
    fn a_supported_negated_or_hedged_clause_is_not_named() {
        for answer in [
            "Replication is asynchronous, so a replica read can miss writes the primary \
             has already committed; read from the primary for the latest write.",
            "The primary ships committed writes to the replica later, so reading the \
             replica can return stale data. Adding more replicas will not change that.",
            "Replication is asynchronous: the primary ships committed writes to the \
             replica afterwards, so replica reads can miss them; maybe network latency \
             between datacenters makes it worse. Read from the primary for the latest write.",
            "Async replication: the replica misses recent writes. Use the primary.",
            "Becuase replicaton is asynchronus, the replica can miss writes the primary \
             already commited.",
        ] {
            let g = graded(answer);
            assert!(g.passed, "{answer}: {}", crate::grade::explain(&g));
            assert!(g.unchecked.is_empty(), "{answer}: {:?}", g.unchecked);
        }
    }

    /// A failing answer is told why it failed, not what could not be checked.
    #[test]
    fn a_failing_answer_names_nothing() {
        let g = graded("Caches in the load balancer keep serving old pages for an hour.");
        assert!(!g.passed);
        assert!(g.unchecked.is_empty(), "{:?}", g.unchecked);
    }
}
