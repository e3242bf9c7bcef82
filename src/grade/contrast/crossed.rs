//! Two relations of an author's rubric turned round. An "A vs B" rubric gives each side
//! a relation whose first term is the thing and whose second says what it is or does
//! (`{ all = ["401", ["credentials", ...]] }` beside `{ all = ["403", ["forbidden", ...]] }`).
//! Each relation looks for its terms together in a clause or a sentence, so an answer
//! that pairs them the other way round in one stretch ("401 is forbidden and 403 is
//! unauthenticated") meets both. Here each description is given to the thing nearer to
//! it in its sentence, counted in tokens; one as near to both goes to the thing before
//! it ("A is x and B is y": what is said of a thing follows it). When every description
//! of one side that has a thing in its sentence goes to the other side's thing, and the
//! reverse, the answer turns the two round. Only sides whose relations the answer meets
//! are compared: the fault is an answer that meets both the wrong way round.
//!
//! Only relations of two terms count, each side's thing spelt differently, and matches
//! in the polarity they ask for. A number is a side's thing whichever term it is: in
//! `["local", "8080"]` beside `["5432", "bastion"]` the ports are the things, and "5432
//! on your laptop and 8080 on bastion" turns them round. Both sides must be turned: one description nearer the
//! other thing is often a long sentence that runs from one to the other.

use super::Contradiction;
use crate::grade::compile::Matcher;
use crate::grade::matcher::{Pattern, PreparedAnswer, Vocab};

/// The two-term relations of an author's rubric, as sides that may be turned round.
#[derive(Default)]
pub(super) struct Crossed {
    sides: Vec<Side>,
}

struct Side {
    /// The relation's place among the rubric's concepts.
    concept: usize,
    /// The thing, as the rubric spells its first alternative.
    label: String,
    thing: Vec<Pattern>,
    says: Vec<Pattern>,
}

/// A match: its first token that is not a negation cue, its last token, and its
/// sentence.
type At = (usize, usize, u32);

impl Crossed {
    /// The sides of `concepts` (an author's rubric's); fewer than two give nothing.
    pub(super) fn new(concepts: &[Matcher], vocab: &Vocab) -> Crossed {
        let mut sides: Vec<Side> = concepts
            .iter()
            .enumerate()
            .filter_map(|(concept, m)| match m {
                Matcher::All { terms, .. } if terms.len() == 2 => {
                    // A number is the thing, whichever term it is (`["local", "8080"]`).
                    let number = |t: &[Pattern]| {
                        t.first().is_some_and(|p| {
                            let label = p.label(vocab);
                            !label.is_empty() && label.bytes().all(|b| b.is_ascii_digit())
                        })
                    };
                    let (thing, says) = if number(&terms[1]) && !number(&terms[0]) {
                        (&terms[1], &terms[0])
                    } else {
                        (&terms[0], &terms[1])
                    };
                    Some(Side {
                        concept,
                        label: thing.first()?.label(vocab),
                        thing: thing.clone(),
                        says: says.clone(),
                    })
                }
                _ => None,
            })
            .collect();
        // Sides that share their thing ("rebase + replays", "rebase + linear") say two
        // things of one, not one thing each of two.
        let labels: Vec<String> = sides.iter().map(|s| s.label.clone()).collect();
        sides.retain(|s| labels.iter().filter(|l| **l == s.label).count() == 1);
        if sides.len() < 2 {
            sides.clear();
        }
        Crossed { sides }
    }

    /// The first pair of sides `answer` turns round, if any; `met` says which of the
    /// rubric's concepts it meets.
    pub(super) fn check(
        &self,
        answer: &PreparedAnswer,
        vocab: &Vocab,
        met: &[bool],
    ) -> Option<Contradiction> {
        let met = |s: &Side| met.get(s.concept).copied().unwrap_or(false);
        if self.sides.iter().filter(|s| met(s)).take(2).count() < 2 {
            return None;
        }
        // What is said is looked for only when two things are named.
        let things: Vec<Vec<At>> = self
            .sides
            .iter()
            .map(|s| {
                if met(s) {
                    at(&s.thing, answer, vocab)
                } else {
                    Vec::new()
                }
            })
            .collect();
        if things.iter().filter(|t| !t.is_empty()).count() < 2 {
            return None;
        }
        let says: Vec<Vec<At>> = self
            .sides
            .iter()
            .zip(&things)
            .map(|(s, t)| {
                if t.is_empty() {
                    Vec::new()
                } else {
                    at(&s.says, answer, vocab)
                }
            })
            .collect();
        for (a, (things_a, says_a)) in things.iter().zip(&says).enumerate() {
            for (b, (things_b, says_b)) in things.iter().zip(&says).enumerate().skip(a + 1) {
                if things_a.is_empty() || things_b.is_empty() {
                    continue;
                }
                let given = |says: &[At], own: &[At], other: &[At]| {
                    turned(says, own, other, things_a.iter().chain(things_b))
                };
                if given(says_a, things_a, things_b) && given(says_b, things_b, things_a) {
                    // What the answer gave `a` of `b`'s.
                    let matched = says_b
                        .iter()
                        .flat_map(|&(from, to, _)| from..=to)
                        .map(|t| answer.word(t).to_owned())
                        .collect();
                    return Some(Contradiction {
                        role: "pairing".to_owned(),
                        said: self.sides[a].label.clone(),
                        model: format!("`{}` for that (the two turned round)", self.sides[b].label),
                        anchor: None,
                        matched,
                    });
                }
            }
        }
        None
    }
}

/// The counting matches of `patterns` in `answer`, in text order, each once.
fn at(patterns: &[Pattern], answer: &PreparedAnswer, vocab: &Vocab) -> Vec<At> {
    let tokens = answer.tokens();
    let mut out: Vec<At> = patterns
        .iter()
        .flat_map(|p| answer.all(p, vocab))
        .filter(|(_, counts)| *counts)
        .filter_map(|(found, _)| {
            let first = found
                .tokens
                .iter()
                .copied()
                .find(|&t| !tokens[t].negation)?;
            let last = found.tokens.iter().copied().max()?;
            Some((first, last, tokens[first].place.sentence))
        })
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// Whether every description in `says` that has a thing in its sentence (and is not
/// itself part of one) stands nearer a thing of `other` than of `own`, and one does.
fn turned<'a>(
    says: &[At],
    own: &[At],
    other: &[At],
    things: impl Iterator<Item = &'a At> + Clone,
) -> bool {
    let mut any = false;
    for &(from, to, sentence) in says {
        // A description that is one of the things' words ("merge commit" for `merge`)
        // gives nothing.
        if things.clone().any(|&(f, t, _)| f <= to && from <= t) {
            continue;
        }
        let Some(nearest) = nearest((from, to, sentence), own, other) else {
            continue;
        };
        if !nearest {
            return false;
        }
        any = true;
    }
    any
}

/// Whether the thing nearest to `say` in its sentence is one of `other` (`Some(false)`
/// for one of `own`, `None` when neither is in its sentence). At the same distance, the
/// thing before it wins.
fn nearest(say: At, own: &[At], other: &[At]) -> Option<bool> {
    let (from, to, sentence) = say;
    // Distance, then 0 for a thing before the description and 1 after it.
    let key = |&(f, t, s): &At| {
        (s == sentence).then(|| {
            if t < from {
                (from - t, 0)
            } else {
                (f.saturating_sub(to), 1)
            }
        })
    };
    let best = |things: &[At]| things.iter().filter_map(key).min();
    match (best(own), best(other)) {
        (None, None) => None,
        (Some(_), None) => Some(false),
        (None, Some(_)) => Some(true),
        (Some(o), Some(t)) => Some(t < o),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grade::compile::keyword_patterns;
    use crate::grade::lexicon::Lexicon;
    use crate::lang::stemmer;

    /// A rubric of one relation per side, thing first, compiled into `vocab`.
    fn crossed(sides: &[(&str, &[&str])], vocab: &mut Vocab) -> Crossed {
        let lexicon = Lexicon::default();
        let s = stemmer();
        let mut patterns = |terms: &[&str]| -> Vec<Pattern> {
            terms
                .iter()
                .flat_map(|t| keyword_patterns(t, &lexicon, &s, vocab))
                .collect()
        };
        let concepts: Vec<Matcher> = sides
            .iter()
            .map(|(thing, says)| Matcher::All {
                terms: vec![patterns(&[thing]), patterns(says)],
                within: crate::bank::Within::Sentence,
                ordered: false,
                pairing: Default::default(),
            })
            .collect();
        Crossed::new(&concepts, vocab)
    }

    /// What `crossed` finds in `answer`, as if it met every relation.
    fn check(crossed: &Crossed, answer: &str, vocab: &Vocab) -> Option<Contradiction> {
        let met = vec![true; crossed.sides.len()];
        crossed.check(&PreparedAnswer::new(answer, &stemmer(), vocab), vocab, &met)
    }

    #[test]
    fn two_sides_paired_the_other_way_round_are_turned() {
        let mut vocab = Vocab::default();
        let http = crossed(
            &[
                ("401", &["credentials", "unauthenticated", "log in"]),
                ("403", &["forbidden", "refuses", "permission"]),
            ],
            &mut vocab,
        );
        let turned = check(
            &http,
            "401 is forbidden and 403 is unauthenticated.",
            &vocab,
        )
        .expect("turned round");
        assert_eq!(turned.said, "401");
        assert_eq!(turned.matched, ["forbidden"]);
        for right in [
            "401 is unauthenticated and 403 is forbidden.",
            "401 means you must log in; 403 means the server refuses you.",
            "Without credentials you get a 401; with them but no permission, a 403.",
            "403 is forbidden, while 401 asks for credentials.",
            "401 is not forbidden; it wants credentials.",
        ] {
            assert_eq!(check(&http, right, &vocab), None, "{right}");
        }
    }

    #[test]
    fn a_number_is_the_thing_of_its_side_whichever_term_it_is() {
        let mut vocab = Vocab::default();
        let ports = crossed(
            &[("local", &["8080"]), ("5432", &["bastion", "remote"])],
            &mut vocab,
        );
        let turned = check(
            &ports,
            "It listens on port 5432 on your local machine and forwards it to port 8080 on bastion.",
            &vocab,
        );
        assert!(turned.is_some());
        for right in [
            "It opens local port 8080 and tunnels it to bastion, which connects to its own port 5432.",
            "It listens on 8080 locally and forwards to 5432 on the remote host.",
        ] {
            assert_eq!(check(&ports, right, &vocab), None, "{right}");
        }
    }

    #[test]
    fn sides_that_share_their_thing_are_no_pair() {
        let mut vocab = Vocab::default();
        let rebase = crossed(
            &[("rebase", &["replays"]), ("rebase", &["linear"])],
            &mut vocab,
        );
        assert!(rebase.sides.is_empty());
    }
}
