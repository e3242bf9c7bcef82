//! Two scales a derived rubric's model answer ties together, and an answer that ties
//! them the other way: "Huffman coding gives frequent symbols short codes and rare
//! symbols long ones" answered "it gives the rare symbols the short codes", or "a longer
//! prefix means a smaller network" answered "a longer prefix means a larger network".
//! A derived rubric counts words one by one, and both ends of each scale are the model
//! answer's words, so such an answer names every concept and passed; a comparison with
//! *than* is [`super::comparisons`]'s, this module the words of a scale that stand side
//! by side without one.
//!
//! A **pole** is a word at one end of a scale of [`SCALES`] (*short* or *long*, *small*
//! or *large*, *frequent* or *rare*, ...; *more* and *most* keep the end of the scale
//! word after them, *less* and *least* take the other: "least frequent" is the rare
//! end). A **link** ties two poles of different scales: the next pole after the first
//! in its clause, with at most [`GAP`] content words and no word of [`APART`] between
//! ("frequent symbols short codes", "a longer prefix means a smaller network"), or the
//! two heads of "the X-er ..., the Y-er ..." in two clauses in a row; never in a clause
//! with a negation, and a pole is in one link at most. A link's **sign** says whether it ties the first ends of the two
//! scales together (or the second ends) or a first end to a second: "frequent ... short"
//! and "rare ... long" have the same sign.
//!
//! The model answer **ties** two scales when all its links between them have one sign
//! (for *more* or *fewer*, of the same thing: the content word right after it).
//! An answer's link between two such scales with the other sign, where none of the
//! answer's links between them has the model's, ties them the other way round and
//! contradicts the model answer. Only derived rubrics are checked: an author says what
//! matters.
//!
//! [`SCALES`]: crate::lang::SCALES

use super::bindings::{contradiction, text};
use crate::grade::contrast::Contradiction;
use crate::grade::matcher::PreparedAnswer;
use crate::grade::token::Token;
use crate::lang::scale_end as pole;

/// Which scale of [`SCALES`](crate::lang::SCALES) stands for "how many" (*more*, *fewer*): its words before
/// another scale's word only say that word's end ("more frequent", "least frequent").
const COUNT: usize = 5;

/// How many content words may stand between the two poles of a link.
const GAP: usize = 3;

/// Words that keep two poles apart: a list ("short codes and rare symbols"), a
/// comparison's other side ("shorter codes than rare ones"), a choice.
const APART: &[&str] = &[
    "and", "or", "nor", "than", "instead", "rather", "versus", "vs", "unlike",
];

/// A word at one end of a scale: the scale, the end (0 or 1) and its token.
#[derive(Debug, Clone, Copy)]
struct Pole {
    scale: usize,
    end: u8,
    at: usize,
}

/// A link between poles of two scales: the scales (the lower first) with what is
/// counted, its sign (0 when it ties like ends), and the tokens it spans.
#[derive(Debug, Clone, Copy)]
struct Link {
    scales: Scales,
    sign: u8,
    span: (usize, usize),
}

/// The two scales of a link (the lower first) and, when one is [`COUNT`]'s, the stem
/// (as a hash) of the content word right after its pole, what is counted: "more
/// queries" and "more memory" tie nothing to each other.
type Scales = (usize, usize, Option<u64>);

/// The model answer's ties between scales, ready to check answers against.
#[derive(Debug, Default)]
pub struct Poles {
    /// Each pair of scales tied, its sign and the words of its first link.
    model: Vec<(Scales, u8, String)>,
}

impl Poles {
    /// The ties of `model` (a derived rubric's model answer, prepared).
    pub fn new(model: &PreparedAnswer) -> Poles {
        let mut ties: Vec<(Scales, u8, String)> = Vec::new();
        let mut mixed: Vec<Scales> = Vec::new();
        for link in links(model.tokens()) {
            match ties.iter().find(|t| t.0 == link.scales) {
                Some(t) if t.1 != link.sign => mixed.push(link.scales),
                Some(_) => {}
                None => ties.push((link.scales, link.sign, text(model, link.span))),
            }
        }
        ties.retain(|t| !mixed.contains(&t.0));
        Poles { model: ties }
    }

    /// The first link of `answer` that ties two of the model answer's scales the other
    /// way round.
    pub fn check(&self, answer: &PreparedAnswer) -> Option<Contradiction> {
        if self.model.is_empty() {
            return None;
        }
        let made = links(answer.tokens());
        for a in &made {
            let Some((_, sign, said)) = self.model.iter().find(|t| t.0 == a.scales) else {
                continue;
            };
            let states = made.iter().any(|b| b.scales == a.scales && b.sign == *sign);
            if a.sign != *sign && !states {
                let model = format!("\"{said}\" (the other way round)");
                return Some(contradiction("scales", answer, a.span, model));
            }
        }
        None
    }
}

/// The poles of `tokens`, each clause's in order, with the clause they stand in: *more*
/// or *less* before another scale's word counts as that word's end (turned, after
/// *less* and *least*); *as long as*, *so long*, *at most* and *at least* are none.
fn poles(tokens: &[Token]) -> Vec<Pole> {
    let words: Vec<usize> = (0..tokens.len()).filter(|&i| !tokens[i].part).collect();
    let word = |n: usize| words.get(n).map(|&i| &*tokens[i].norm);
    let mut out = Vec::new();
    let mut n = 0;
    while n < words.len() {
        let here = word(n).unwrap_or_default();
        let before = n.checked_sub(1).and_then(word);
        let next = word(n + 1).and_then(|w| pole(w).map(|p| (w, p)));
        match (before, here, next) {
            (Some("as" | "so"), "long", _) | (Some("at"), "most" | "least", _) => {}
            (_, "more" | "most" | "less" | "least", Some((_, (scale, end)))) if scale != COUNT => {
                let turned = matches!(here, "less" | "least");
                out.push(Pole {
                    scale,
                    end: end ^ u8::from(turned),
                    at: words[n],
                });
                n += 1;
            }
            _ => {
                if let Some((scale, end)) = pole(here) {
                    out.push(Pole {
                        scale,
                        end,
                        at: words[n],
                    });
                }
            }
        }
        n += 1;
    }
    out
}

/// Whether the clause of token `i` holds a negation.
fn negated(tokens: &[Token], i: usize) -> bool {
    let clause = tokens[i].place.clause;
    tokens
        .iter()
        .any(|t| t.place.clause == clause && t.is_negation())
}

/// Whether token `i` opens its clause as "the X-er" does: *the*, then the pole (or
/// *more* or *less* before it).
fn opens_correlative(tokens: &[Token], i: usize) -> bool {
    let clause = tokens[i].place.clause;
    let mut before = (0..i)
        .rev()
        .filter(|&k| !tokens[k].part)
        .take_while(|&k| tokens[k].place.clause == clause);
    before.next().is_some_and(|k| &*tokens[k].norm == "the") && before.next().is_none()
}

/// The links of `tokens`, outside clauses with a negation.
fn links(tokens: &[Token]) -> Vec<Link> {
    let poles = poles(tokens);
    let mut out = Vec::new();
    let mut taken = None;
    for (a, b) in poles.iter().zip(poles.iter().skip(1)) {
        // A pole is in one link at most: "smaller pages mean fewer misses for a big
        // working set" ties *smaller* to *fewer*, and *big* to nothing.
        if taken == Some(a.at)
            || a.scale == b.scale
            || negated(tokens, a.at)
            || negated(tokens, b.at)
        {
            continue;
        }
        let (ca, cb) = (tokens[a.at].place, tokens[b.at].place);
        let linked = if ca.clause == cb.clause {
            let between = (a.at + 1..b.at).filter(|&k| !tokens[k].part);
            let apart = between
                .clone()
                .any(|k| APART.contains(&&*tokens[k].norm) || tokens[k].is_negation());
            let content = between
                .filter(|&k| !tokens[k].stop && pole(&tokens[k].norm).is_none())
                .count();
            !apart && content <= GAP
        } else {
            // "The more often a symbol occurs, the shorter its code."
            ca.sentence == cb.sentence
                && cb.clause == ca.clause + 1
                && opens_correlative(tokens, a.at)
                && opens_correlative(tokens, b.at)
        };
        if linked {
            taken = Some(b.at);
            let counted = [a, b]
                .into_iter()
                .find(|p| p.scale == COUNT)
                .and_then(|p| {
                    (p.at + 1..tokens.len())
                        .find(|&k| !tokens[k].part)
                        .filter(|&k| !tokens[k].stop)
                })
                .map(|k| tokens[k].stem_hash);
            let scales = (a.scale.min(b.scale), a.scale.max(b.scale), counted);
            out.push(Link {
                scales,
                sign: a.end ^ b.end,
                span: (a.at, b.at),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests;
