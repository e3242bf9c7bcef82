//! Finding a rubric's concepts in an answer: word matching (stem, typo, exact), phrases,
//! alternatives and negation. Scores and verdicts are `grade::mod`'s business.
//!
//! A keyword is compiled once into a [`Pattern`]; an answer is tokenized once into an
//! [`PreparedAnswer`] that knows, for each token, whether a negation cue governs it.

use super::token::{Class, Parts, Token, letters_too_far, tokenize};
use crate::lang::edit_distance_within;
use rust_stemmers::Stemmer;

/// How many words before a word a negation cue reaches.
pub const NEGATION_WINDOW: usize = 3;

/// How many extra words may stand between two words of a phrase.
pub const PHRASE_GAP: usize = 1;

/// One alternative of a concept, compiled.
#[derive(Debug, Clone)]
pub struct Pattern {
    /// The words to find, in order (for a negated keyword, without its cue).
    words: Vec<Token>,
    /// The keyword itself starts with a negation cue (`not persisted`): its words must
    /// be found under a negation, and are never discounted for it.
    negated: bool,
}

impl Pattern {
    pub fn compile(keyword: &str, stemmer: &Stemmer) -> Pattern {
        let mut words = tokenize(keyword, stemmer, Parts::Skip);
        let negated = words.len() > 1 && words[0].is_negation();
        if negated {
            words.remove(0);
        }
        Pattern { words, negated }
    }
}

/// An answer, tokenized, with its negation scopes worked out.
#[derive(Debug)]
pub struct PreparedAnswer {
    tokens: Vec<Token>,
    /// Word position of each token (the words of a code token share its position).
    position: Vec<usize>,
    /// For each token, the index of the negation cue that governs it, if any.
    cue: Vec<Option<usize>>,
}

impl PreparedAnswer {
    pub fn new(text: &str, stemmer: &Stemmer) -> PreparedAnswer {
        let tokens = tokenize(text, stemmer, Parts::Emit);
        let mut position = Vec::with_capacity(tokens.len());
        let mut next = 0usize;
        for token in &tokens {
            if token.part {
                position.push(next.saturating_sub(1));
            } else {
                position.push(next);
                next += 1;
            }
        }
        let cue = governing_cues(&tokens, &position);
        PreparedAnswer {
            tokens,
            position,
            cue,
        }
    }

    /// The text of token `i`.
    pub fn word(&self, i: usize) -> &str {
        &self.tokens[i].norm
    }

    /// Finds `pattern`: the indices of the matching tokens and whether the match is
    /// discounted because a negation governs it. A match that is not discounted is
    /// preferred to one that is.
    pub fn find(&self, pattern: &Pattern) -> Option<Found> {
        let first = pattern.words.first()?;
        let mut discounted: Option<Found> = None;
        for start in 0..self.tokens.len() {
            if !word_matches(&self.tokens[start], first) {
                continue;
            }
            let mut path = vec![start];
            if !self.extend(pattern, &mut path) {
                continue;
            }
            let governed = self.cue[start];
            if pattern.negated {
                // The keyword asks for the negation: found only under one.
                if let Some(cue) = governed {
                    path.insert(0, cue);
                    return Some(Found {
                        tokens: path,
                        negated: false,
                    });
                }
                continue;
            }
            if governed.is_none() {
                return Some(Found {
                    tokens: path,
                    negated: false,
                });
            }
            discounted.get_or_insert(Found {
                tokens: path,
                negated: true,
            });
        }
        discounted
    }

    /// Extends a partial phrase match `path` to the pattern's remaining words.
    fn extend(&self, pattern: &Pattern, path: &mut Vec<usize>) -> bool {
        let Some(word) = pattern.words.get(path.len()) else {
            return true;
        };
        let Some(&last) = path.last() else {
            return false;
        };
        for next in last + 1..self.tokens.len() {
            if self.position[next] > self.position[last] + 1 + PHRASE_GAP {
                break;
            }
            if word_matches(&self.tokens[next], word) {
                path.push(next);
                if self.extend(pattern, path) {
                    return true;
                }
                path.pop();
            }
        }
        false
    }
}

/// A match of a pattern in an answer.
#[derive(Debug)]
pub struct Found {
    pub tokens: Vec<usize>,
    /// Found only under a negation, so it does not count.
    pub negated: bool,
}

/// For each token, the negation cue that governs it: a cue at most
/// [`NEGATION_WINDOW`] words before it in the same clause. `position` gives each token's
/// word position (the words inside a code token are not words of the sentence).
pub fn governing_cues(tokens: &[Token], position: &[usize]) -> Vec<Option<usize>> {
    let mut cue = vec![None; tokens.len()];
    let mut last_cue: Option<usize> = None;
    for i in 0..tokens.len() {
        if let Some(c) = last_cue
            && position[i] - position[c] <= NEGATION_WINDOW
            && tokens[c].clause == tokens[i].clause
        {
            cue[i] = Some(c);
        }
        if !tokens[i].part && tokens[i].is_negation() && !limits_only(tokens, i) {
            last_cue = Some(i);
        }
    }
    cue
}

/// "not only X but also Y" does not negate X.
fn limits_only(tokens: &[Token], cue: usize) -> bool {
    &*tokens[cue].norm == "not"
        && tokens
            .get(cue + 1)
            .is_some_and(|t| matches!(&*t.norm, "only" | "just" | "merely"))
}

/// The edits a typo may make to a word of `len` letters.
fn typo_limit(len: usize) -> usize {
    match len {
        0..4 => 0,
        4..8 => 1,
        _ => 2,
    }
}

/// Whether answer token `a` matches keyword word `k`.
#[inline]
pub fn word_matches(a: &Token, k: &Token) -> bool {
    match k.class {
        Class::Code => a.class == Class::Code && a.norm == k.norm,
        Class::Exact => a.class != Class::Code && a.norm == k.norm,
        Class::Word => {
            if a.class != Class::Word {
                return false;
            }
            // Equal stems have equal letter sets; the set is the cheaper test. (Equal
            // words have equal stems, so this covers them too.)
            if a.stem_letters == k.stem_letters && a.stem == k.stem {
                return true;
            }
            let limit = typo_limit(k.len).min(typo_limit(a.len));
            if limit == 0 || a.stop {
                return false;
            }
            (!letters_too_far(a.letters, k.letters, limit)
                && edit_distance_within(&a.norm, &k.norm, limit).is_some())
                || (a.stem.len().abs_diff(k.stem.len()) <= limit
                    && k.stem.len() >= 4
                    && !letters_too_far(a.stem_letters, k.stem_letters, limit)
                    && edit_distance_within(&a.stem, &k.stem, limit).is_some())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::stemmer;

    fn find(answer: &str, keyword: &str) -> Option<(Vec<String>, bool)> {
        let s = stemmer();
        let a = PreparedAnswer::new(answer, &s);
        a.find(&Pattern::compile(keyword, &s)).map(|f| {
            (
                f.tokens.iter().map(|&i| a.word(i).to_owned()).collect(),
                f.negated,
            )
        })
    }

    fn counts(answer: &str, keyword: &str) -> bool {
        find(answer, keyword).is_some_and(|(_, negated)| !negated)
    }

    #[test]
    fn stems_meet() {
        assert!(counts("the data keeps persisting", "persist"));
        assert!(counts("volumes are managed", "volume"));
        assert!(counts("it persisted", "persistence"));
    }

    #[test]
    fn typo_classes() {
        assert!(counts("managed by the deamon", "daemon"), "transposition");
        assert!(counts("managed by the daemn", "daemon"), "deletion");
        assert!(counts("managed by the daemons", "daemon"), "insertion");
        assert!(counts("managed by the daenon", "daemon"), "substitution");
        assert!(
            !counts("managed by the dxemxn", "daemon"),
            "two edits, short word"
        );
        assert!(
            counts("a contaniner", "container"),
            "two edits in 9 letters"
        );
        assert!(!counts("a conteynr", "container"), "three edits");
        assert!(!counts("the tap", "tmp"), "short words need exact");
    }

    #[test]
    fn numbers_and_code_are_exact() {
        assert!(!counts("port 8081", "8080"));
        assert!(counts("port 8080", "8080"));
        assert!(counts("use --mount here", "--mount"));
        assert!(!counts("use --mounts here", "--mount"));
        assert!(!counts("use mount here", "--mount"));
        assert!(counts("run -p 8080:80", "8080:80"));
        assert!(counts(
            "at /var/lib/docker/volumes.",
            "/var/lib/docker/volumes"
        ));
        assert!(
            counts("at /var/lib/docker/volumes", "volume"),
            "words inside a path"
        );
        assert!(counts("set type=tmpfs", "type=tmpfs"));
    }

    #[test]
    fn phrases_allow_one_extra_word() {
        assert!(counts("a bind mount", "bind mount"));
        assert!(counts("a bind-mount", "bind mount"));
        assert!(counts("bind it mount", "bind mount"));
        assert!(!counts("bind it to a mount", "bind mount"));
        assert!(!counts("mount bind", "bind mount"));
    }

    #[test]
    fn negation_discounts() {
        assert_eq!(
            find("it is not stored on disk", "disk"),
            Some((vec!["disk".to_owned()], true))
        );
        assert!(!counts("it never persists", "persist"));
        assert!(!counts("it doesn't persist", "persist"));
        assert!(!counts("works without a volume", "volume"));
        assert!(
            counts("not on disk, it persists", "persist"),
            "a clause ends it"
        );
        assert!(
            counts("no doubt one two three four persists", "persist"),
            "out of reach"
        );
        assert!(counts("not only fast but persistent", "fast"));
        assert!(
            counts("it is not here but it persists, yes persists", "persist"),
            "a later match outside the negation counts"
        );
    }

    #[test]
    fn a_negated_keyword_wants_the_negation() {
        assert_eq!(
            find("data is not lost", "not lost"),
            Some((vec!["not".to_owned(), "lost".to_owned()], false))
        );
        assert!(find("data is lost", "not lost").is_none());
        assert!(counts("it is never stored on disk", "not disk"));
    }
}
