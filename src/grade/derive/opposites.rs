//! A word of an opposite pair put where the derived rubric's model answer puts the
//! other: "a search starts at the top level" answered "a search starts at the bottom
//! level", "each level holds about half the nodes of the level below" answered "each
//! level holds about twice as many nodes as the level below", "each dependency gets its
//! own pool" answered "the whole service gets one shared pool". A derived rubric counts
//! the model answer's words one by one, and the answer keeps all of them but the one it
//! turns, so it passed.
//!
//! An **opposite** is a word of one of the pairs of [`OPPOSITES`] (*top* and *bottom*,
//! *inputs* and *outputs*, *larger* and *smaller*, *client* and *server*, ...: the two
//! ends or the two roles of one frame, each as written). A **stretch** is a clause
//! ([`crate::grade::token::Place`]) cut again at each *and* (`super::sides`'s
//! `stretch_end`, which [`super::sides`] calls to cut only at an *and* before a second
//! subject), so that "starts at the top level and moves right" and "drops down one
//! level" are read apart; its **words** are
//! its content words and opposites (stems; the words of the pair being checked aside
//! when two stretches are compared). A stretch with a negation is read by the negation
//! readers, not here.
//!
//! An answer's opposite turns the model answer round when the model stretch that
//! shares the most words with the answer's stretch ([`SHARED`] or more; the first of
//! equals) holds the other word of the pair and not this one, and no model stretch
//! with this word shares as many, and a word within [`NEAR`] of the answer's opposite
//! stands as near the other word in that model stretch (the two fill one place).
//! And **both ends swapped**: where the model answer says the two ends of a pair of
//! different things (see [`Roles`]), an answer that says each end of the other's
//! thing and neither of its own alone ("put the load far from the fulcrum and push
//! close to it" against "push at a point far from the fulcrum and the load sits close
//! to it"): no stretch need share two words with the model's, as each end moves alone.
//! Left alone: an answer stretch that names both words
//! of the pair ("hot on top of the cold water at the bottom"), and an opposite with
//! *than* within [`THAN`] words after it, a stretch that also turns a second pair
//! (of [`OPPOSITES`] or [`COMPARATIVES`]) against the model's, a tie of two scales
//! said from their other ends ("a long TTL means fewer queries" against "a short TTL
//! means more queries"), a comparison that [`super::comparisons`]
//! reads whole ("a deadline shorter than the grace period" says the model's "the grace
//! period must be longer than that deadline"). Only long derived rubrics are checked
//! (a model answer of more than `DeriveOptions::carry` concepts, as an interview
//! answer): an author says what matters, and a short model answer of one or two
//! sentences gives too few stretches to tell which one an answer restates.

use super::bindings::{content, contradiction, text};
use super::sides::{Cut, stretch_end};
use crate::grade::contrast::Contradiction;
use crate::grade::matcher::PreparedAnswer;
use crate::grade::negation::words_after;
use crate::grade::token::Token;
use crate::lang::COMPARATIVES;
use std::sync::Arc;

/// The pairs of opposites: the two ends of a scale or an order, the two roles of an
/// exchange, the two sides of a boundary, each word as written.
pub const OPPOSITES: &[(&str, &str)] = &[
    ("top", "bottom"),
    ("above", "below"),
    ("upstream", "downstream"),
    ("inner", "outer"),
    ("inbound", "outbound"),
    ("ingress", "egress"),
    ("head", "tail"),
    ("first", "last"),
    ("early", "late"),
    ("earlier", "later"),
    ("older", "newer"),
    ("promote", "demote"),
    ("promoted", "demoted"),
    ("adds", "removes"),
    ("half", "twice"),
    ("min", "max"),
    ("minimum", "maximum"),
    ("overestimate", "underestimate"),
    ("overestimates", "underestimates"),
    ("high", "low"),
    ("higher", "lower"),
    ("large", "small"),
    ("larger", "smaller"),
    ("largest", "smallest"),
    ("long", "short"),
    ("longer", "shorter"),
    ("fast", "slow"),
    ("faster", "slower"),
    ("wider", "narrower"),
    ("strong", "weak"),
    ("stronger", "weaker"),
    ("cheap", "expensive"),
    ("hot", "cold"),
    ("input", "output"),
    ("inputs", "outputs"),
    ("local", "remote"),
    ("own", "shared"),
    ("public", "private"),
    ("static", "dynamic"),
    ("eager", "lazy"),
    ("physical", "virtual"),
    ("compile", "run"),
    ("synchronous", "asynchronous"),
    ("push", "pull"),
    ("encrypt", "decrypt"),
    ("sender", "receiver"),
    ("client", "server"),
    ("parent", "child"),
    ("leader", "follower"),
    ("allow", "deny"),
    ("accept", "reject"),
    ("accepts", "rejects"),
    ("safe", "unsafe"),
    ("success", "failure"),
];

/// Words that send a quantity one way or the other, each group the two ends: up and
/// down ("blood pressure falls" answered "standing raises blood pressure"; a verb that
/// makes a thing go up is as much the other end of *falls* as *rises* is), *more* and
/// *less* ("they fire less often" answered "they fire more"), dearer and cheaper, far and
/// near ("push far from the fulcrum" answered "push close to it"), the two sides of a
/// boundary in any of their words ("the water on the outside bank erodes it" answered
/// "erodes the inside"; the model's "indoor unit" is the inside of "condenses inside").
/// Read
/// as the pairs of [`OPPOSITES`] are, a group the pair after them (see [`pole`]).
pub const DIRECTIONS: &[(&[&str], &[&str])] = &[
    (
        &[
            "rise",
            "rises",
            "rising",
            "rose",
            "raise",
            "raises",
            "raising",
            "raised",
            "increase",
            "increases",
            "increasing",
            "increased",
            "grow",
            "grows",
            "growing",
            "climbs",
            "boosts",
        ],
        &[
            "fall",
            "falls",
            "falling",
            "fell",
            "drop",
            "drops",
            "dropping",
            "dropped",
            "lowers",
            "lowering",
            "lowered",
            "decrease",
            "decreases",
            "decreasing",
            "decreased",
            "shrink",
            "shrinks",
            "shrinking",
            "declines",
            "reduce",
            "reduces",
            "reducing",
            "reduced",
        ],
    ),
    (&["more"], &["less"]),
    (&["dearer", "pricier", "costlier"], &["cheaper"]),
    (
        &["far", "farther", "further"],
        &["close", "closer", "near", "nearer"],
    ),
    (
        &["inside", "indoor", "indoors", "interior"],
        &["outside", "outdoor", "outdoors", "exterior"],
    ),
];

/// The pair (an index of [`OPPOSITES`], or past them of [`DIRECTIONS`]) and the side
/// that `word` (as normalised) is an end of, if any.
fn pole(word: &str) -> Option<(usize, usize)> {
    OPPOSITES
        .iter()
        .enumerate()
        .find_map(|(p, &(a, b))| Some((p, [a, b].iter().position(|w| *w == word)?)))
        .or_else(|| {
            DIRECTIONS.iter().enumerate().find_map(|(g, (up, down))| {
                let side = [*up, *down].iter().position(|end| end.contains(&word))?;
                Some((OPPOSITES.len() + g, side))
            })
        })
}

/// How many words a model stretch must share with the answer's to be the claim it
/// restates.
const SHARED: usize = 2;

/// How many words on each side of an opposite stand near it: one of them must stand
/// as near the other word of the pair in the model answer ("starts at the bottom
/// level" against "starts at the top level"), so that a word of the pair that only
/// qualifies another thing ("waiting on a socket for the server's reply" against "the
/// client waits for data") is no turn.
const NEAR: usize = 2;

/// How many words after an opposite a *than* makes it a comparison.
const THAN: usize = 4;

/// A clause, or the part of one between two *and*s.
#[derive(Debug, Default)]
struct Stretch {
    /// The stems (as hashes) of its content words and opposites, each once, with the
    /// pair of an opposite.
    words: Vec<(u64, Option<usize>)>,
    /// Its opposites: the pair (see [`pole`]), the side (0 or 1) and the token.
    poles: Vec<(usize, usize, usize)>,
    /// The words of its opposites as written, in the order of `poles`.
    pole_words: Vec<Arc<str>>,
    /// Its content words and opposites in order: the token and its stem (as a hash).
    order: Vec<(usize, u64)>,
    /// Its words as normalised, for a second pair turned with the first.
    norms: Vec<Arc<str>>,
    /// Its first and last token.
    span: (usize, usize),
    /// It holds a negation.
    negated: bool,
}

impl Stretch {
    fn has(&self, pair: usize, side: usize) -> bool {
        self.poles.iter().any(|&(p, s, _)| p == pair && s == side)
    }

    /// The stems of the words within [`NEAR`] of token `at` on either side.
    fn near(&self, at: usize) -> impl Iterator<Item = u64> + '_ {
        let k = self.order.iter().position(|&(t, _)| t == at).unwrap_or(0);
        let from = k.saturating_sub(NEAR);
        self.order[from..(k + NEAR + 1).min(self.order.len())]
            .iter()
            .filter(move |&&(t, _)| t != at)
            .map(|&(_, w)| w)
    }

    /// The stems within [`NEAR`] of the opposite at token `at`, the words of its `pair`
    /// aside: what that end of the pair is said of.
    fn roles(&self, at: usize, pair: usize) -> impl Iterator<Item = u64> + '_ {
        let of_pair: Vec<u64> = self
            .poles
            .iter()
            .filter(|&&(p, _, _)| p == pair)
            .filter_map(|&(_, _, t)| self.order.iter().find(|&&(k, _)| k == t))
            .map(|&(_, w)| w)
            .collect();
        self.near(at).filter(move |w| !of_pair.contains(w))
    }

    /// Whether a word near the answer's opposite at `at` stands near the other word
    /// of `pair` in `model` too: the two opposites fill one place.
    fn beside(&self, at: usize, model: &Stretch, pair: usize, side: usize) -> bool {
        let theirs: Vec<u64> = model
            .poles
            .iter()
            .filter(|&&(p, s, _)| p == pair && s == side)
            .flat_map(|&(_, _, t)| model.near(t))
            .collect();
        self.near(at).any(|w| theirs.contains(&w))
    }

    /// Whether another word of it is the opposite (of [`OPPOSITES`] or
    /// [`COMPARATIVES`]) of a word of `model` that it lacks: a tie of two scales said
    /// from their other ends ("a long TTL means fewer queries" against "a short TTL
    /// means more queries"), not a turn.
    fn turned_too(&self, model: &Stretch, pair: usize) -> bool {
        self.norms.iter().any(|w| {
            pole(w).is_none_or(|(p, _)| p != pair)
                && model.norms.iter().any(|m| {
                    !self.norms.contains(m)
                        && OPPOSITES
                            .iter()
                            .chain(COMPARATIVES)
                            .any(|&(x, y)| (x == &**w && y == &**m) || (y == &**w && x == &**m))
                })
        })
    }

    /// How many of its words `other` has too, the words of `pair` aside.
    fn shared(&self, other: &Stretch, pair: usize) -> usize {
        self.words
            .iter()
            .filter(|&&(w, p)| p != Some(pair) && other.words.iter().any(|&(o, _)| o == w))
            .count()
    }
}

/// The model answer's stretches that hold an opposite, ready to check answers against.
#[derive(Debug, Default)]
pub struct Opposites {
    /// Every plain stretch of the model answer (those without an opposite too: the one
    /// an answer restates may hold none), with its words as written.
    model: Vec<(Stretch, String)>,
    /// The pairs whose two ends the model answer says of different things.
    roles: Vec<Roles>,
}

/// A pair of [`OPPOSITES`] (or [`DIRECTIONS`]) whose two ends the model answer says of
/// different things: each end's **roles** are the words within [`NEAR`] of it, in its
/// stretch, that stand near no word of the other end ("push at a point far from the
/// fulcrum and the load sits close to it": *push*, *point* and *fulcrum* are *far*'s,
/// *load* and *sits* are *close*'s).
#[derive(Debug)]
struct Roles {
    pair: usize,
    ends: [Vec<u64>; 2],
    /// A model stretch of each end, as written.
    said: [String; 2],
}

/// The pairs of `plain` (the model answer's plain stretches, with their words as
/// written) whose two ends each have roles.
fn roles(plain: &[(Stretch, String)]) -> Vec<Roles> {
    let mut pairs: Vec<usize> = plain
        .iter()
        .flat_map(|(s, _)| s.poles.iter().map(|&(p, _, _)| p))
        .collect();
    pairs.sort_unstable();
    pairs.dedup();
    pairs
        .into_iter()
        .filter_map(|pair| {
            let mut near: [Vec<u64>; 2] = [Vec::new(), Vec::new()];
            let mut said: [Option<&String>; 2] = [None, None];
            for (s, text) in plain {
                for &(p, side, at) in &s.poles {
                    if p == pair {
                        near[side].extend(s.roles(at, pair));
                        said[side].get_or_insert(text);
                    }
                }
            }
            let ends = [0, 1].map(|side| {
                let other = &near[1 - side];
                near[side]
                    .iter()
                    .copied()
                    .filter(|w| !other.contains(w))
                    .collect::<Vec<u64>>()
            });
            if ends.iter().any(Vec::is_empty) {
                return None;
            }
            let said = [said[0]?.clone(), said[1]?.clone()];
            Some(Roles { pair, ends, said })
        })
        .collect()
}

impl Opposites {
    /// The stretches of `model` (a derived rubric's model answer, prepared); none when
    /// no plain stretch of it holds an opposite.
    pub fn new(model: &PreparedAnswer) -> Opposites {
        let plain: Vec<Stretch> = stretches(model.tokens())
            .into_iter()
            .filter(|s| !s.negated)
            .collect();
        if plain.iter().all(|s| s.poles.is_empty()) {
            return Opposites::default();
        }
        let model: Vec<(Stretch, String)> = plain
            .into_iter()
            .map(|s| {
                let said = text(model, s.span);
                (s, said)
            })
            .collect();
        let roles = roles(&model);
        Opposites { model, roles }
    }

    /// The first opposite of `answer` put where the model answer puts the other.
    pub fn check(&self, answer: &PreparedAnswer) -> Option<Contradiction> {
        if self.model.is_empty() {
            return None;
        }
        let tokens = answer.tokens();
        let answered = stretches(tokens);
        for here in answered.iter().filter(|s| !s.negated) {
            for &(pair, side, at) in &here.poles {
                let word = &tokens[at].norm;
                if here.has(pair, 1 - side) || compared(tokens, at) {
                    continue;
                }
                let Some((best, said)) =
                    self.model.iter().rev().max_by_key(|(m, _)| {
                        (here.shared(m, pair), m.has(pair, 0) || m.has(pair, 1))
                    })
                else {
                    continue;
                };
                let most = here.shared(best, pair);
                if most < SHARED
                    || best.has(pair, side)
                    || !best.has(pair, 1 - side)
                    || !here.beside(at, best, pair, 1 - side)
                    || here.turned_too(best, pair)
                {
                    continue;
                }
                let kept = self
                    .model
                    .iter()
                    .any(|(m, _)| m.has(pair, side) && here.shared(m, pair) >= most);
                if kept {
                    continue;
                }
                let theirs = best
                    .poles
                    .iter()
                    .position(|&(p, s, _)| p == pair && s != side)
                    .map_or("", |k| &*best.pole_words[k]);
                let model = format!("\"{said}\" ({theirs} where the answer says {word})");
                return Some(contradiction("opposite", answer, here.span, model));
            }
        }
        self.swapped(answer, &answered)
    }
}

impl Opposites {
    /// Both ends of a pair of the model answer's [`Roles`] each said of the other end's
    /// thing, and neither of its own alone: "put the load far from the fulcrum and push
    /// close to it". A stretch that names both ends is left alone, as above: its words
    /// stand near both ("reuses outputs keyed on the declared inputs").
    fn swapped(&self, answer: &PreparedAnswer, answered: &[Stretch]) -> Option<Contradiction> {
        let tokens = answer.tokens();
        for roles in &self.roles {
            let mut crossed: [Option<(usize, usize)>; 2] = [None, None];
            let mut kept = false;
            for here in answered.iter().filter(|s| !s.negated) {
                for &(p, side, at) in &here.poles {
                    if p != roles.pair || here.has(p, 1 - side) || compared(tokens, at) {
                        continue;
                    }
                    let near: Vec<u64> = here.roles(at, p).collect();
                    if near.iter().any(|w| roles.ends[1 - side].contains(w)) {
                        crossed[side].get_or_insert(here.span);
                    } else if near.iter().any(|w| roles.ends[side].contains(w)) {
                        kept = true;
                    }
                }
            }
            let ([Some(a), Some(b)], false) = (crossed, kept) else {
                continue;
            };
            let span = (a.0.min(b.0), a.1.max(b.1));
            let [one, other] = &roles.said;
            let model = format!("\"{one}\" and \"{other}\" (the two ends swapped)");
            return Some(contradiction("opposite", answer, span, model));
        }
        None
    }
}

/// Whether a *than* stands within [`THAN`] words after token `at`, in its clause.
fn compared(tokens: &[Token], at: usize) -> bool {
    words_after(tokens, at).take(THAN).any(|w| w == "than")
}

/// The stretches of `tokens`, in order (cut at each *and*, [`Cut::EveryAnd`]); code
/// parts are left out, and a stretch of code parts only is none.
fn stretches(tokens: &[Token]) -> Vec<Stretch> {
    let mut out: Vec<Stretch> = Vec::new();
    let mut k = 0;
    while k < tokens.len() {
        let end = stretch_end(tokens, k, Cut::EveryAnd);
        let mut here: Option<Stretch> = None;
        for (i, t) in tokens.iter().enumerate().take(end).skip(k) {
            if t.part {
                continue;
            }
            let s = here.get_or_insert_with(|| Stretch {
                span: (i, i),
                ..Stretch::default()
            });
            s.span.1 = i;
            s.norms.push(t.norm.clone());
            s.negated |= t.is_negation();
            let pole = pole(&t.norm);
            if let Some((p, side)) = pole {
                s.poles.push((p, side, i));
                s.pole_words.push(t.norm.clone());
            }
            if pole.is_some() || content(t) {
                s.order.push((i, t.stem_hash));
                if !s.words.iter().any(|&(w, _)| w == t.stem_hash) {
                    s.words.push((t.stem_hash, pole.map(|(p, _)| p)));
                }
            }
        }
        out.extend(here);
        k = end;
    }
    out
}

#[cfg(test)]
mod tests;
