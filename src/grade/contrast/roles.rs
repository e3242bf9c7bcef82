//! Roles turned round between two values the model answer tells apart: the numbers
//! it ties to different words ("the host folder is owned by UID 1000,
//! while Postgres runs as UID 999"; "traffic on host port 8080 ... the container's IP
//! on port 80"). An answer that uses both values and ties each to the other's words
//! ("the host folder belongs to UID 999 while Postgres runs as UID 1000") contradicts
//! the model answer, whatever concepts it names.
//!
//! A value's words are the content words of its segment (see
//! [`Place`](crate::grade::token::Place)) that stand nearer to it than to any other
//! value there; a word as near to two values belongs to neither. A value's *own* words
//! are those the model answer gives it and no other value. A segment with a negation
//! is left out of both texts: "8080 is not the container's port" ties nothing.
//!
//! The answer turns two values `a` and `b` round when each carries at least one of the
//! other's own words and at least as many as of its own, and one of them more ("from
//! the container's port 8080 to the host's port 80", where 8080 keeps *traffic* but
//! takes *container*, and 80 takes *host*). Only plain numbers are values: flags and paths come
//! several to a sentence, each with a purpose of its own, and tied by nearness alone
//! they failed right answers.

use super::Contradiction;
use crate::grade::matcher::PreparedAnswer;
use crate::grade::token::{Class, Token};
use std::sync::Arc;

/// The values of a model answer with words of their own, at least two.
#[derive(Default)]
pub(super) struct Roles {
    values: Vec<Value>,
    /// One of the two may be turned only as much as it is right (an author's rubric).
    relaxed: bool,
}

struct Value {
    /// The number, as written.
    norm: Arc<str>,
    /// The stems the model answer ties to it and to no other value.
    own: Vec<Arc<str>>,
}

impl Roles {
    /// The values of `model` and their own words; `relaxed` for an author's rubric
    /// (see [`turned`]).
    pub(super) fn new(model: &PreparedAnswer, relaxed: bool) -> Roles {
        let ties = grouped_ties(model);
        let mut norms: Vec<Arc<str>> = ties.iter().map(|(v, _, _)| v.clone()).collect();
        norms.sort_unstable();
        norms.dedup();
        // A word tied to another value is not a value's own, unless the two are joined
        // by *and* or *or* (one group) and play one role.
        let elsewhere = |norm: &Arc<str>, stem: &Arc<str>, group: usize| {
            ties.iter()
                .any(|(w, t, g)| w != norm && t == stem && *g != group)
        };
        let values: Vec<Value> = norms
            .into_iter()
            .filter_map(|norm| {
                let mut own: Vec<Arc<str>> = ties
                    .iter()
                    .filter(|(v, s, g)| *v == norm && !elsewhere(&norm, s, *g))
                    .map(|(_, s, _)| s.clone())
                    .collect();
                own.sort_unstable();
                own.dedup();
                (!own.is_empty()).then_some(Value { norm, own })
            })
            .collect();
        if values.len() < 2 {
            return Roles::default();
        }
        Roles { values, relaxed }
    }

    /// The first pair of values `answer` turns round, if any.
    pub(super) fn check(&self, answer: &PreparedAnswer) -> Option<Contradiction> {
        if self.values.is_empty() {
            return None;
        }
        let ties = ties(answer);
        let count =
            |stems: &[&Arc<str>], of: &Value| stems.iter().filter(|s| of.own.contains(s)).count();
        let present: Vec<(&Value, Vec<&Arc<str>>)> = self
            .values
            .iter()
            .filter(|v| ties.iter().any(|(w, _)| *w == v.norm))
            .map(|v| (v, carried(&ties, &v.norm)))
            .collect();
        for (a, at_a) in &present {
            for (b, at_b) in &present {
                if a.norm == b.norm {
                    continue;
                }
                if turned(
                    (count(at_a, b), count(at_a, a)),
                    (count(at_b, a), count(at_b, b)),
                    self.relaxed,
                ) {
                    let matched = answer_words(answer, at_a, &b.own);
                    return Some(Contradiction {
                        role: "the number".to_owned(),
                        said: a.norm.to_string(),
                        model: format!("`{}` for that (the two turned round)", b.norm),
                        anchor: None,
                        matched,
                    });
                }
            }
        }
        None
    }
}

/// The distinct stems `ties` give `key`.
pub(super) fn carried<'a, K: PartialEq>(ties: &'a [(K, Arc<str>)], key: &K) -> Vec<&'a Arc<str>> {
    let mut stems: Vec<&Arc<str>> = ties
        .iter()
        .filter(|(k, s)| k == key && !s.is_empty())
        .map(|(_, s)| s)
        .collect();
    stems.sort_unstable();
    stems.dedup();
    stems
}

/// The answer's words, as written, for those of `stems` that are in `own`.
pub(super) fn answer_words(
    answer: &PreparedAnswer,
    stems: &[&Arc<str>],
    own: &[Arc<str>],
) -> Vec<String> {
    stems
        .iter()
        .filter(|s| own.contains(s))
        .filter_map(|s| {
            let word = answer.tokens().iter().find(|t| !t.part && t.stem == **s);
            word.map(|t| t.norm.to_string())
        })
        .collect()
}

/// Whether two values are turned round, given for each the number of the
/// other's own words it carries and of its own: each carries more of the other's than
/// of its own; or, `relaxed`, each carries at least one of the other's and at least as
/// many as of its own, and one of them more. One value alone carrying a word of the
/// other's is too often a long sentence that runs from one to the other. The relaxed
/// test is for authors' rubrics: on derived ones (SemEval's Beetle, numbered bulbs and
/// terminals) it lowered macro-F1 (0.794 to 0.791, 0.745 to 0.740).
fn turned(a: (usize, usize), b: (usize, usize), relaxed: bool) -> bool {
    let (a_other, a_own) = a;
    let (b_other, b_own) = b;
    if !relaxed {
        return a_other > a_own && b_other > b_own;
    }
    a_other > 0
        && b_other > 0
        && a_other >= a_own
        && b_other >= b_own
        && (a_other > a_own || b_other > b_own)
}

/// The token ranges of the segments of `tokens`, in order.
pub(super) fn segments(tokens: &[Token]) -> impl Iterator<Item = std::ops::Range<usize>> + '_ {
    let mut start = 0;
    std::iter::from_fn(move || {
        let segment = tokens.get(start)?.place.segment;
        let end = tokens[start..]
            .iter()
            .position(|t| t.place.segment != segment)
            .map_or(tokens.len(), |n| start + n);
        let range = start..end;
        start = end;
        Some(range)
    })
}

/// (value, stem) for each content word of `text` that stands nearer to one value than
/// to any other in its segment, outside segments with a negation (see [`grouped_ties`]).
fn ties(text: &PreparedAnswer) -> Vec<(Arc<str>, Arc<str>)> {
    grouped_ties(text)
        .into_iter()
        .map(|(value, stem, _)| (value, stem))
        .collect()
}

/// (value, stem, group) for each content word of `text` that stands nearer to one value
/// than to any other in its segment, outside segments with a negation. A value that has
/// no word nearer to it is still listed once, with an empty stem, so that its presence
/// is known. Values joined by *and* or *or* ("16- and 32-bit values", "ports 80 and
/// 443") are one group, numbered by its first token: a word nearest to one of them is
/// tied to each, and a word as near to two of one group is no tie.
fn grouped_ties(text: &PreparedAnswer) -> Vec<(Arc<str>, Arc<str>, usize)> {
    let tokens = text.tokens();
    let mut out = Vec::new();
    // Word positions of the tokens of the sentence's grammar (not the parts of a code
    // token), segment by segment.
    for segment in segments(tokens) {
        let words: Vec<usize> = segment.filter(|&i| !tokens[i].part).collect();
        if words.iter().any(|&i| tokens[i].is_negation()) {
            continue;
        }
        let values: Vec<usize> = (0..words.len())
            .filter(|&p| is_value(&tokens[words[p]]))
            .collect();
        if values.is_empty() {
            continue;
        }
        // The group of each value: the first value of the run it is joined to.
        let mut group: Vec<usize> = Vec::with_capacity(values.len());
        for (n, &v) in values.iter().enumerate() {
            let joined = n > 0 && joined_values(tokens, &words[values[n - 1] + 1..v]);
            group.push(if joined { group[n - 1] } else { v });
        }
        let group_of = |v: usize| group[values.iter().position(|&w| w == v).unwrap_or(0)];
        let members = |g: usize| {
            values
                .iter()
                .zip(&group)
                .filter(move |&(_, &h)| h == g)
                .map(|(&v, _)| v)
        };
        for &v in &values {
            out.push((
                tokens[words[v]].norm.clone(),
                Arc::from(""),
                words[group_of(v)],
            ));
        }
        for (p, &i) in words.iter().enumerate() {
            let t = &tokens[i];
            if t.class != Class::Word || t.stop || t.glued {
                continue;
            }
            let mut best: Option<(usize, usize)> = None;
            let mut tie = false;
            for &v in &values {
                let d = p.abs_diff(v);
                match best {
                    Some((bd, _)) if d > bd => {}
                    Some((bd, bv)) if d == bd => {
                        tie |= tokens[words[bv]].norm != tokens[words[v]].norm
                            && group_of(bv) != group_of(v);
                    }
                    _ => {
                        best = Some((d, v));
                        tie = false;
                    }
                }
            }
            if let (Some((_, v)), false) = (best, tie) {
                let g = group_of(v);
                for member in members(g) {
                    out.push((tokens[words[member]].norm.clone(), t.stem.clone(), words[g]));
                }
            }
        }
    }
    out
}

/// Whether the words between two values join them: a lone *and* or *or*.
fn joined_values(tokens: &[Token], between: &[usize]) -> bool {
    match between {
        [c] => matches!(&*tokens[*c].norm, "and" | "or"),
        _ => false,
    }
}

/// A number (`999`, `8080`), not a part of a code token (`8080:80`). Flags and paths
/// are no values: an answer names several flags in one sentence, each with its own
/// purpose, and the nearest word says little of which is which.
fn is_value(token: &Token) -> bool {
    token.class == Class::Exact && !token.part && token.norm.bytes().all(|b| b.is_ascii_digit())
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::grade::matcher::Vocab;
    use rust_stemmers::{Algorithm, Stemmer};

    /// `text` prepared for matching.
    pub(in crate::grade::contrast) fn prepared(text: &str) -> PreparedAnswer {
        PreparedAnswer::new(
            text,
            &Stemmer::create(Algorithm::English),
            &Vocab::default(),
        )
    }

    const UID: &str = "The host folder is owned by the host user (UID 1000), while Postgres \
        inside the container runs as the postgres user (UID 999); the two UIDs clash.";

    #[test]
    fn values_tied_to_each_others_words_are_turned_round() {
        let roles = Roles::new(&prepared(UID), true);
        let turned = roles
            .check(&prepared(
                "The host folder is owned by UID 999 while Postgres in the container runs as UID 1000.",
            ))
            .expect("turned round");
        assert_eq!(turned.role, "the number");
        assert_eq!(turned.said, "1000");
        // The answer's words, as written, not their stems.
        assert!(
            turned.matched.iter().any(|w| w == "postgres"),
            "{:?}",
            turned.matched
        );
    }

    #[test]
    fn values_the_right_way_round_or_in_other_words_pass() {
        let roles = Roles::new(&prepared(UID), true);
        for right in [
            "The folder on the host is owned by UID 1000, but postgres runs as 999.",
            "Postgres runs as UID 999 and the directory belongs to the host user 1000.",
            "Ownership clash between 1000 and 999; use a named volume.",
            "UID 999 is not the owner of the host folder; 1000 is.",
        ] {
            assert_eq!(roles.check(&prepared(right)), None, "{right}");
        }
    }

    #[test]
    fn one_value_turned_and_the_other_half_turned_is_enough() {
        let model = prepared(
            "When external traffic hits host port 8080, iptables forwards it to the \
             container's internal IP on port 80.",
        );
        // 8080 keeps "traffic" but takes "container"; 80 takes "host".
        let half = prepared(
            "Docker rewrites traffic from the container's port 8080 to the host's port 80.",
        );
        assert!(Roles::new(&model, true).check(&half).is_some());
        assert_eq!(Roles::new(&model, false).check(&half), None);
        let right = "Traffic for host port 8080 goes to the container's IP on port 80.";
        assert_eq!(Roles::new(&model, true).check(&prepared(right)), None);
    }

    /// Round 30 (w39-tokens): numbers joined by *and* or *or* ("16- and 32-bit values",
    /// "ports 80 and 443") play one role together: the words near either are both's.
    #[test]
    fn numbers_joined_by_and_or_or_share_their_words() {
        // Whether the model answer's roles find `answer` turned round.
        let turns = |model: &str, answer: &str| {
            Roles::new(&prepared(model), true)
                .check(&prepared(answer))
                .is_some()
        };
        let bits = "htons and htonl convert 16- and 32-bit values from host to network order; \
                    ntohs and ntohl convert them back.";
        let ports =
            "Ports 80 and 443 take the public traffic, while the admin panel listens on 8443.";
        let cases = [
            (
                bits,
                "htons converts a 16 bit value from host to network order, ntohl converts 32 bits back.",
                false,
            ),
            (
                bits,
                "A 32-bit value goes from host to network order through htonl, a 16-bit one through htons.",
                false,
            ),
            (
                ports,
                "Public traffic comes in on 443 and 80; the admin panel is on 8443.",
                false,
            ),
            (
                ports,
                "The admin panel listens on port 8443, and ports 80 and 443 take the public traffic.",
                false,
            ),
            (
                ports,
                "The admin panel listens on 443, while the public traffic takes port 8443.",
                true,
            ),
            (
                ports,
                "Port 8443 takes the public traffic, while the admin panel listens on 80.",
                true,
            ),
        ];
        for (model, answer, turned) in cases {
            assert_eq!(turns(model, answer), turned, "{answer}");
        }
    }

    #[test]
    fn one_value_gives_no_roles() {
        let roles = Roles::new(
            &prepared("The exit code is 137 because the kernel killed it."),
            true,
        );
        assert!(roles.values.is_empty());
    }
}
