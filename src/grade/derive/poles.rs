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
//! two heads of "the X-er ..., the Y-er ..." in two clauses in a row (only there does
//! an [adverb], *often* or *quickly*, tie); never in a clause with a
//! negation, and a pole is in one link at most. A link's **sign** says whether
//! it ties the first ends of the two scales together (or the second ends) or a first
//! end to a second: "frequent ... short" and "rare ... long" have the same sign.
//!
//! Two links are of the **same** scales and things when, besides the scales, each
//! pole's head (the content word right after it, what it qualifies) is the same where
//! both have one: "more queries" is not "more memory", nor "a large buffer" "small
//! files". An answer's link whose same model links all have the other sign, where none
//! of the answer's links has the model's, ties the two scales the other way round and
//! contradicts the model answer. Only derived rubrics are checked: an author says what
//! matters.
//!
//! The module also reads what the model answer puts at each end of **one** scale. A
//! **mark** is a pole with its head ("the smaller tree under the larger root": *tree*
//! at the small end, *root* at the large one); an answer's mark that puts a head at
//! the end the model answer never puts it, where the model marks it at the other end
//! and another head at this one, contradicts it when the answer also says the other
//! end of something else and never marks the head the model's way ("the larger tree
//! under the smaller root"). A thing **said** to be at an end is the subject of a
//! copula before a pole ("disk is slow but large"); an answer whose subject meets the
//! own words of a model subject said to be at the other end ("memory is fast, and
//! disk is slow" answered "disk is fast") contradicts it the same way.
//!
//! [`SCALES`]: crate::lang::SCALES

use super::bindings::{content, contradiction, text};
use crate::grade::contrast::Contradiction;
use crate::grade::matcher::PreparedAnswer;
use crate::grade::token::{Token, hash_of};
use crate::lang::is_determiner;
use crate::lang::scale_end as pole;

/// Which scale of [`SCALES`](crate::lang::SCALES) stands for "how many" (*more*,
/// *fewer*): its words before another scale's word only say that word's end ("more
/// frequent", "least frequent").
const COUNT: usize = 5;

/// How many content words may stand between the two poles of a link.
const GAP: usize = 3;

/// Words that keep two poles apart: a list ("short codes and rare symbols"), a
/// comparison's other side ("shorter codes than rare ones"), a choice.
const APART: &[&str] = &[
    "and", "or", "nor", "than", "instead", "rather", "versus", "vs", "unlike",
];

/// Whether a pole says how often or how fast a thing is done (*often*, *quickly*): tied
/// only in "the X-er ..., the Y-er ...".
fn adverb(word: &str) -> bool {
    matches!(
        word,
        "often" | "frequently" | "infrequently" | "rarely" | "seldom" | "quickly" | "slowly"
    )
}

/// A word at one end of a scale: the scale, the end (0 or 1), its token (the first of
/// "more frequent") and the token of its scale's word (the last).
#[derive(Debug, Clone, Copy)]
struct Pole {
    scale: usize,
    end: u8,
    at: usize,
    last: usize,
}

/// A link between poles of two scales: the scales (the lower first), what each pole
/// qualifies (in the same order), its sign (0 when it ties like ends), and the tokens
/// it spans.
#[derive(Debug, Clone, Copy)]
struct Link {
    scales: (usize, usize),
    heads: [Option<u64>; 2],
    sign: u8,
    span: (usize, usize),
}

impl Link {
    /// Whether the two links are of the same scales and of the same things: a pole
    /// qualifies the content word right after it, its **head** (as a stem hash), and
    /// two heads, where both poles have one, must be the same ("more queries" and
    /// "more memory", "a large buffer" and "small files" tie nothing to each other).
    fn same(&self, other: &Link) -> bool {
        self.scales == other.scales
            && self
                .heads
                .iter()
                .zip(other.heads)
                .all(|(a, b)| a.is_none() || b.is_none() || *a == b)
    }
}

/// The model answer's ties between scales, ready to check answers against.
#[derive(Debug, Default)]
pub struct Poles {
    /// Each link of the model answer, with its words.
    model: Vec<(Link, String)>,
    /// Each mark of the model answer, with its words.
    marks: Vec<(Mark, String)>,
    /// Each thing the model answer says is at one end of a scale, with its words.
    said: Vec<(Said, String)>,
}

/// A thing said to be at one end of a scale with a copula ("the young generation is
/// small"): the scale, the end, the subject's content words (as stem hashes) and the
/// tokens it spans.
#[derive(Debug, Clone)]
struct Said {
    scale: usize,
    end: u8,
    subject: Vec<u64>,
    span: (usize, usize),
}

/// Copulas that say a thing is at a pole.
const COPULAS: &[&str] = &[
    "is", "are", "was", "were", "stay", "stays", "remain", "remains",
];

/// Words that may stand between a copula and the poles it says ("fast but small",
/// "very large").
const PREDICATE: &[&str] = &[
    "and",
    "but",
    "or",
    "yet",
    "very",
    "too",
    "quite",
    "relatively",
    "also",
    "still",
    "much",
    "far",
];

/// A pole with its head, the content word right after it ("the smaller tree"): the
/// scale, the end, the head (as a stem hash) and the tokens it spans.
#[derive(Debug, Clone, Copy)]
struct Mark {
    scale: usize,
    end: u8,
    head: u64,
    span: (usize, usize),
}

impl Poles {
    /// The links of `model` (a derived rubric's model answer, prepared).
    pub fn new(model: &PreparedAnswer) -> Poles {
        let marks = marks(model.tokens())
            .into_iter()
            .map(|m| (m, text(model, m.span)))
            .collect();
        let said = said(model.tokens())
            .into_iter()
            .map(|c| {
                let words = text(model, c.span);
                (c, words)
            })
            .collect();
        let model = links(model.tokens())
            .into_iter()
            .map(|l| (l, text(model, l.span)))
            .collect();
        Poles { model, marks, said }
    }

    /// The first link of `answer` that ties two of the model answer's scales the other
    /// way round: every model link of the same scales and things has the other sign,
    /// and no link of the answer's has it.
    pub fn check(&self, answer: &PreparedAnswer) -> Option<Contradiction> {
        if self.model.is_empty() {
            return self.swapped(answer);
        }
        let made = links(answer.tokens());
        for a in &made {
            let mut same = self.model.iter().filter(|(m, _)| m.same(a));
            let Some((first, said)) = same.next() else {
                continue;
            };
            let sign = first.sign;
            if a.sign == sign || same.any(|(m, _)| m.sign != sign) {
                continue;
            }
            let states = made
                .iter()
                .any(|b| b.sign == sign && self.model.iter().any(|(m, _)| m.same(b)));
            if !states {
                let model = format!("\"{said}\" (the other way round)");
                return Some(contradiction("scales", answer, a.span, model));
            }
        }
        self.swapped(answer)
    }

    /// The first mark of `answer` that puts a thing at the other end of a scale than
    /// the model answer, which puts it at one end and another thing at the other
    /// ("the smaller tree under the larger root" answered "the larger tree under the
    /// smaller root"): the model answer marks the head only at the other end, and marks
    /// another head at this one; the answer never marks the head the model's way, and
    /// says the scale's other end too, of something else.
    fn swapped(&self, answer: &PreparedAnswer) -> Option<Contradiction> {
        if self.marks.len() < 2 {
            return self.turned(answer);
        }
        let tokens = answer.tokens();
        let made = marks(tokens);
        let ends: Vec<Pole> = poles(tokens)
            .into_iter()
            .filter(|p| !negated(tokens, p.at))
            .collect();
        for a in &made {
            let model = |end: u8, same: bool| {
                self.marks
                    .iter()
                    .find(|(m, _)| m.scale == a.scale && m.end == end && (m.head == a.head) == same)
            };
            let Some((_, said)) = model(a.end ^ 1, true) else {
                continue;
            };
            if model(a.end, true).is_some() || model(a.end, false).is_none() {
                continue;
            }
            let states = made
                .iter()
                .any(|b| b.scale == a.scale && b.end != a.end && b.head == a.head);
            let other = ends
                .iter()
                .any(|p| p.scale == a.scale && p.end != a.end && head(tokens, p) != Some(a.head));
            if !states && other {
                let model = format!("\"{said}\" (the other end)");
                return Some(contradiction("scales", answer, a.span, model));
            }
        }
        self.turned(answer)
    }

    /// The first thing `answer` says is at the other end of a scale than the model
    /// answer, which says one thing is at one end and another at the other ("memory is
    /// fast, and disk is slow" answered "disk is fast"): its subject meets the own words
    /// of a model subject said to be at the other end (those no model subject at this
    /// end has) and of none at this end, and the answer never says that model subject
    /// is where the model says.
    fn turned(&self, answer: &PreparedAnswer) -> Option<Contradiction> {
        if self.said.len() < 2 {
            return None;
        }
        // The words of model subject `m` that no model subject at the other end has.
        let own = |m: &Said| -> Vec<u64> {
            let others: Vec<u64> = self
                .said
                .iter()
                .filter(|(o, _)| o.scale == m.scale && o.end != m.end)
                .flat_map(|(o, _)| o.subject.iter().copied())
                .collect();
            m.subject
                .iter()
                .copied()
                .filter(|w| !others.contains(w))
                .collect()
        };
        let made = said(answer.tokens());
        for a in &made {
            let at = |end: u8| {
                self.said
                    .iter()
                    .filter(move |(m, _)| m.scale == a.scale && m.end == end)
            };
            if at(a.end).next().is_none() || at(a.end).any(|(m, _)| meets(&own(m), &a.subject)) {
                continue;
            }
            let Some((m, words)) = at(a.end ^ 1).find(|(m, _)| meets(&own(m), &a.subject)) else {
                continue;
            };
            let mine = own(m);
            let states = made
                .iter()
                .any(|b| b.scale == m.scale && b.end == m.end && meets(&mine, &b.subject));
            if !states {
                let model = format!("\"{words}\" (the other end)");
                return Some(contradiction("scales", answer, a.span, model));
            }
        }
        None
    }
}

fn meets(a: &[u64], b: &[u64]) -> bool {
    a.iter().any(|w| b.contains(w))
}

/// What `tokens` say is at one end of a scale with a copula: a pole (not of the "how
/// many" scale, outside clauses with a negation) after a copula, with only other poles
/// and words of [`PREDICATE`] between ("disk is slow but large"), and the subject right
/// before the copula: up to three content words, with determiners among them ("the
/// young generation is"), or before *which*, *that* or *who* ("the old generation,
/// which is large").
fn said(tokens: &[Token]) -> Vec<Said> {
    let words: Vec<usize> = (0..tokens.len()).filter(|&i| !tokens[i].part).collect();
    let norm = |n: usize| &*tokens[words[n]].norm;
    let mut out = Vec::new();
    for p in poles(tokens) {
        if p.scale == COUNT || negated(tokens, p.at) {
            continue;
        }
        let Ok(mut n) = words.binary_search(&p.at) else {
            continue;
        };
        let sentence = tokens[p.at].place.sentence;
        let copula = loop {
            if n == 0 || tokens[words[n - 1]].place.sentence != sentence {
                break None;
            }
            n -= 1;
            let w = norm(n);
            if COPULAS.contains(&w) {
                break Some(n);
            }
            if !PREDICATE.contains(&w) && pole(w).is_none() {
                break None;
            }
        };
        let Some(mut n) = copula else {
            continue;
        };
        if n > 0 && matches!(norm(n - 1), "which" | "that" | "who") {
            n -= 1;
        }
        let mut subject = Vec::new();
        let mut first = None;
        while n > 0 && subject.len() < 3 && tokens[words[n - 1]].place.sentence == sentence {
            n -= 1;
            let token = &tokens[words[n]];
            if content(token) && pole(&token.norm).is_none() {
                subject.push(token.stem_hash);
                first = Some(words[n]);
            } else if !is_determiner(&token.norm) || subject.is_empty() {
                break;
            }
        }
        if let Some(first) = first {
            out.push(Said {
                scale: p.scale,
                end: p.end,
                subject,
                span: (first, p.last),
            });
        }
    }
    out
}

/// The token of the content word right after pole `p`, what it qualifies, if it is one
/// and no pole itself.
fn head_at(tokens: &[Token], p: &Pole) -> Option<usize> {
    (p.last + 1..tokens.len())
        .find(|&k| !tokens[k].part)
        .filter(|&k| content(&tokens[k]) && pole(&tokens[k].norm).is_none())
}

/// The head of pole `p` as a stem hash: "TTLs" for "TTL", an acronym's plural keeps
/// its *s* in the stem.
fn head(tokens: &[Token], p: &Pole) -> Option<u64> {
    head_at(tokens, p).map(|k| {
        let stem = &*tokens[k].stem;
        hash_of(
            stem.strip_suffix('s')
                .filter(|s| s.len() > 1)
                .unwrap_or(stem),
        )
    })
}

/// The marks of `tokens`: poles with a head, outside clauses with a negation, but for
/// the "how many" scale, whose *more* and *fewer* qualify anything, and for a pole
/// joined to its scale's other end ("weak and strong checksums": the head is both's).
fn marks(tokens: &[Token]) -> Vec<Mark> {
    let poles = poles(tokens);
    let joined = |p: &Pole| {
        let mut before = (0..p.at).rev().filter(|&k| !tokens[k].part);
        before
            .next()
            .is_some_and(|k| matches!(&*tokens[k].norm, "and" | "or" | "nor" | "to"))
            && before
                .next()
                .is_some_and(|k| poles.iter().any(|o| o.last == k && o.scale == p.scale))
    };
    poles
        .iter()
        .filter(|p| p.scale != COUNT && !negated(tokens, p.at) && !joined(p))
        .filter_map(|p| {
            let at = head_at(tokens, p)?;
            Some(Mark {
                scale: p.scale,
                end: p.end,
                head: head(tokens, p)?,
                span: (p.at, at),
            })
        })
        .collect()
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
                    last: words[n + 1],
                });
                n += 1;
            }
            _ => {
                if let Some((scale, end)) = pole(here) {
                    out.push(Pole {
                        scale,
                        end,
                        at: words[n],
                        last: words[n],
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
        // "databases often ask for explicit huge pages": an adverb says how often or
        // how fast something is done, and ties no scale to the next pole; it does in
        // "the more often a symbol occurs, the shorter its code".
        let adverb = |p: &Pole| adverb(&tokens[p.last].norm);
        let linked = if ca.clause == cb.clause {
            if adverb(a) || adverb(b) {
                continue;
            }
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
            let (low, high) = if a.scale < b.scale { (a, b) } else { (b, a) };
            out.push(Link {
                scales: (low.scale, high.scale),
                heads: [head(tokens, low), head(tokens, high)],
                sign: a.end ^ b.end,
                // To the second pole's head, so the breakdown quotes what it qualifies
                // ("frequent symbols short codes").
                span: (a.at, head_at(tokens, b).unwrap_or(b.last)),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests;
