//! Comparisons a derived rubric's model answer makes with *than*, and an answer that
//! turns one round: "the reported percentiles look far better than what users see"
//! answered "the percentiles come out worse than what users see" (the antonym, same
//! sides), or "remote reads are slower than local ones" answered "local reads are
//! slower than remote ones" (the same comparative, sides swapped). A derived rubric
//! counts words one by one, so such an answer names every concept and passed.
//!
//! A **comparison** is a comparative of [`COMPARATIVES`] with *than* after it in the same
//! clause (at most [`BETWEEN`] content words between: "more consumers than"), in a
//! clause with no negation. Its **left** side is the nearest [`SIDE`] content words
//! before the comparative and those between it and *than*; its **right** side the
//! first [`SIDE`] content words after *than*; a word on both sides belongs to neither.
//! An answer's comparison **meets** a model one's sides straight when left meets left
//! and right meets right, crossed when left meets right and right meets left. It
//! contradicts the model comparison when it says the antonym and meets it straight and
//! not crossed, or the same comparative crossed and not straight ("fewer partitions
//! than consumers" is "more consumers than partitions", and no turn); an answer that
//! also makes the model's comparison as it is says both and is left alone.
//!
//! A **bound** is the model answer's equative: *at least as* (or *as*) a few words
//! *as*, in a clause with no negation ("only to a candidate whose log is at least as up
//! to date as its own"); its words are the content words between the two *as*, its
//! adjective the last of them, its sides the nearest [`SIDE`] content words before and
//! after it (*own* counts: "as its own"). A plain *as long as*, *as soon as*, *as well
//! as*, *as far as*, *as much as* and *as many as* is a conjunction, no bound. An
//! answer's comparison **falls below** a bound when it says *less* (or *fewer*) with a
//! word of the bound's words between it and *than* (function words may stand between:
//! "less up to date than"), or the comparative of the adjective's antonym ("lower than"
//! for *as high as*), meeting the bound's sides straight, or *more* or the adjective's
//! own comparative with the sides crossed ("the leader's index is higher than the
//! follower's"). It contradicts the model answer unless the answer also keeps the bound
//! (a comparison above it): "higher than or equal to" is within it. An answer that
//! denies the bound itself, a negation right before its first *as* and no other in its
//! clause ("is not as up to date as the old primary's"), with the same words and its
//! sides straight, falls below it too.

use super::bindings::{around, clause_words, content, contradiction, text};
use crate::grade::contrast::Contradiction;
use crate::grade::matcher::PreparedAnswer;
use crate::grade::token::Token;
use crate::lang::COMPARATIVES;

/// How many content words a side keeps.
const SIDE: usize = 4;

/// How many content words may stand between the comparative and *than*.
const BETWEEN: usize = 2;

/// How many words (function words too) may stand between the two *as* of a bound, or
/// between *less* or *more* and *than* in an answer read against one.
const SPAN: usize = 4;

/// Words that make *as ... as* a conjunction when *at least* does not come first.
const IDIOMS: &[&str] = &["long", "soon", "well", "far", "much", "many"];

/// A comparison: its comparative (as written, lower case), its two sides (stems as
/// hashes) and the tokens it spans.
#[derive(Debug, Clone)]
struct Comparison {
    comparative: &'static str,
    left: Vec<u64>,
    right: Vec<u64>,
    span: (usize, usize),
}

impl Comparison {
    fn straight(&self, other: &Comparison) -> bool {
        meets(&self.left, &other.left) && meets(&self.right, &other.right)
    }

    fn crossed(&self, other: &Comparison) -> bool {
        meets(&self.left, &other.right) && meets(&self.right, &other.left)
    }
}

fn meets(a: &[u64], b: &[u64]) -> bool {
    a.iter().any(|s| b.contains(s))
}

/// Whether `a` and `b` are a comparative and its antonym.
fn opposite(a: &str, b: &str) -> bool {
    COMPARATIVES
        .iter()
        .any(|&(x, y)| (x == a && y == b) || (x == b && y == a))
}

/// A bound of the model answer (see the module's notes): its words, its adjective (as
/// written), its sides and the tokens it spans.
#[derive(Debug, Clone)]
struct Bound {
    words: Vec<u64>,
    adjective: Box<str>,
    left: Vec<u64>,
    right: Vec<u64>,
    span: (usize, usize),
}

/// An answer's comparison read against bounds: its comparative (as written), the
/// content words between it and *than*, its sides.
#[derive(Debug, Clone)]
struct Scaled {
    comparative: Box<str>,
    between: Vec<u64>,
    left: Vec<u64>,
    right: Vec<u64>,
    span: (usize, usize),
}

/// The positive form of comparative `c` is `adjective` ("higher" of *high*, "later"
/// of *late*, "bigger" of *big*, "easier" of *easy*).
fn compares(c: &str, adjective: &str) -> bool {
    let Some(stem) = c.strip_suffix("er") else {
        return false;
    };
    if stem == adjective || c.strip_suffix('r') == Some(adjective) {
        return true;
    }
    if let Some(y) = stem.strip_suffix('i') {
        return adjective.strip_suffix('y') == Some(y);
    }
    let b = stem.as_bytes();
    b.len() > 2 && b[b.len() - 1] == b[b.len() - 2] && &stem[..stem.len() - 1] == adjective
}

impl Scaled {
    /// Which way this comparison says the bound's left side stands to its right: 1
    /// above, -1 below, 0 neither or not told.
    fn sense(&self, bound: &Bound) -> i8 {
        let c = &*self.comparative;
        let way: i8 = if matches!(c, "more" | "less" | "fewer") {
            if !meets(&self.between, &bound.words) {
                return 0;
            }
            if c == "more" { 1 } else { -1 }
        } else if compares(c, &bound.adjective) {
            1
        } else if COMPARATIVES.iter().any(|&(x, y)| {
            (x == c && compares(y, &bound.adjective)) || (y == c && compares(x, &bound.adjective))
        }) {
            -1
        } else {
            return 0;
        };
        let straight = meets(&self.left, &bound.left) && meets(&self.right, &bound.right);
        let crossed = meets(&self.left, &bound.right) && meets(&self.right, &bound.left);
        match (straight, crossed) {
            (true, false) => way,
            (false, true) => -way,
            _ => 0,
        }
    }
}

/// The model answer's comparisons, ready to check answers against.
#[derive(Debug, Default)]
pub struct Comparisons {
    model: Vec<(Comparison, String)>,
    bounds: Vec<(Bound, String)>,
}

impl Comparisons {
    /// The comparisons of `model` (a derived rubric's model answer, prepared).
    pub fn new(text: &PreparedAnswer) -> Comparisons {
        let model = comparisons(text.tokens())
            .map(|c| {
                let said = self::text(text, c.span);
                (c, said)
            })
            .collect();
        let bounds = bounds(text.tokens(), false)
            .map(|b| {
                let said = self::text(text, b.span);
                (b, said)
            })
            .collect();
        Comparisons { model, bounds }
    }

    /// The first comparison of `answer` that turns one of the model answer's round.
    pub fn check(&self, answer: &PreparedAnswer) -> Option<Contradiction> {
        if !self.bounds.is_empty()
            && let Some(turn) = self.below(answer)
        {
            return Some(turn);
        }
        if self.model.is_empty() {
            return None;
        }
        let tokens = answer.tokens();
        let made: Vec<Comparison> = comparisons(tokens).collect();
        let states = |m: &Comparison| {
            made.iter()
                .any(|a| a.comparative == m.comparative && a.straight(m) && !a.crossed(m))
        };
        for a in &made {
            for (m, said) in &self.model {
                let turned = if opposite(a.comparative, m.comparative) {
                    a.straight(m) && !a.crossed(m)
                } else {
                    a.comparative == m.comparative && a.crossed(m) && !a.straight(m)
                };
                if turned && !states(m) {
                    let model = format!("\"{said}\" (turned round)");
                    return Some(contradiction("comparison", answer, a.span, model));
                }
            }
        }
        None
    }
}

impl Comparisons {
    /// The first comparison of `answer` that falls below a bound of the model answer.
    fn below(&self, answer: &PreparedAnswer) -> Option<Contradiction> {
        let made: Vec<Scaled> = scaled(answer.tokens()).collect();
        let denied: Vec<Bound> = bounds(answer.tokens(), true).collect();
        for (bound, said) in &self.bounds {
            if made.iter().any(|a| a.sense(bound) > 0) {
                continue;
            }
            let below = made.iter().find(|a| a.sense(bound) < 0).map(|a| a.span);
            let denies = |d: &&Bound| {
                meets(&d.words, &bound.words)
                    && meets(&d.left, &bound.left)
                    && meets(&d.right, &bound.right)
                    && !(meets(&d.left, &bound.right) && meets(&d.right, &bound.left))
            };
            if let Some(span) = below.or_else(|| denied.iter().find(denies).map(|d| d.span)) {
                let model = format!("\"{said}\" (fallen below)");
                return Some(contradiction("comparison", answer, span, model));
            }
        }
        None
    }
}

/// The content words (stems) of a side: the first [`SIDE`] of `words`, *own* too.
fn side(tokens: &[Token], words: impl Iterator<Item = usize>) -> Vec<u64> {
    words
        .filter(|&k| content(&tokens[k]) || &*tokens[k].norm == "own")
        .take(SIDE)
        .map(|k| tokens[k].stem_hash)
        .collect()
}

/// The two sides of a comparison whose clause words are `before` it (nearest first)
/// and `after` it: a word on both belongs to neither. Also the last token of the
/// right side's reach.
fn sides(
    tokens: &[Token],
    before: impl Iterator<Item = usize>,
    after: impl Iterator<Item = usize> + Clone,
) -> (Vec<u64>, Vec<u64>, Option<usize>) {
    let mut left = side(tokens, before);
    let mut right = side(tokens, after.clone());
    let both: Vec<u64> = left.iter().copied().filter(|s| right.contains(s)).collect();
    left.retain(|s| !both.contains(s));
    right.retain(|s| !both.contains(s));
    (left, right, after.take(SIDE).last())
}

/// The bounds of `tokens`, outside clauses with a negation; or, `denied`, the bounds
/// right after the one negation of their clause ("is not as up to date as").
fn bounds(tokens: &[Token], denied: bool) -> impl Iterator<Item = Bound> + '_ {
    tokens.iter().enumerate().filter_map(move |(i, t)| {
        if t.part || &*t.norm != "as" {
            return None;
        }
        let (before, after) = clause_words(tokens, i);
        let negations = before
            .clone()
            .chain(after.clone())
            .filter(|&k| tokens[k].is_negation())
            .count();
        let word = |k: Option<usize>| k.map(|k| &*tokens[k].norm);
        let mut back = before.clone();
        let (one, two) = (back.next(), back.next());
        let least = !denied && word(one) == Some("least") && word(two) == Some("at");
        let negated = one.is_some_and(|k| tokens[k].is_negation());
        if negations != usize::from(denied)
            || denied != negated
            || matches!(word(one), Some("as" | "most"))
        {
            return None;
        }
        let between: Vec<usize> = after.clone().take(SPAN + 1).collect();
        let close = between.iter().position(|&k| &*tokens[k].norm == "as")?;
        let words: Vec<usize> = between[..close]
            .iter()
            .copied()
            .filter(|&k| content(&tokens[k]))
            .collect();
        let &last = words.last()?;
        let adjective: Box<str> = tokens[last].norm.as_ref().into();
        if !least && IDIOMS.contains(&&*adjective) {
            return None;
        }
        let skip = if least { 2 } else { usize::from(denied) };
        let start = match skip {
            0 => i,
            n => before.clone().nth(n - 1).unwrap_or(i),
        };
        let (left, right, end) = sides(tokens, before.skip(skip), after.skip(close + 1));
        let end = end?;
        (!left.is_empty() && !right.is_empty()).then(|| Bound {
            words: words.iter().map(|&k| tokens[k].stem_hash).collect(),
            adjective,
            left,
            right,
            span: (start, end),
        })
    })
}

/// The comparisons of `tokens` read against bounds: a comparative, at most [`SPAN`]
/// words (any) before *than*, outside clauses with a negation.
fn scaled(tokens: &[Token]) -> impl Iterator<Item = Scaled> + '_ {
    tokens.iter().enumerate().filter_map(move |(i, t)| {
        if t.part {
            return None;
        }
        let comparative = COMPARATIVES
            .iter()
            .flat_map(|&(a, b)| [a, b])
            .find(|&c| *t.norm == *c)?;
        let (before, after) = around(tokens, i)?;
        let upto: Vec<usize> = after.clone().take(SPAN + 1).collect();
        let than = upto.iter().position(|&k| &*tokens[k].norm == "than")?;
        let between = upto[..than]
            .iter()
            .filter(|&&k| content(&tokens[k]))
            .map(|&k| tokens[k].stem_hash)
            .collect();
        let (left, right, end) = sides(tokens, before, after.skip(than + 1));
        Some(Scaled {
            comparative: comparative.into(),
            between,
            left,
            right,
            span: (i, end.unwrap_or(i)),
        })
    })
}

/// The comparisons of `tokens`, outside clauses with a negation.
fn comparisons(tokens: &[Token]) -> impl Iterator<Item = Comparison> + '_ {
    tokens.iter().enumerate().filter_map(move |(i, t)| {
        if t.part {
            return None;
        }
        let comparative = COMPARATIVES.iter().find_map(|&(a, b)| {
            if *t.norm == *a {
                Some(a)
            } else if *t.norm == *b {
                Some(b)
            } else {
                None
            }
        })?;
        let (before, after) = around(tokens, i)?;
        let mut after = after.peekable();
        let mut left: Vec<u64> = Vec::new();
        let mut between = 0;
        // Up to *than*: a few content words, no other function word but a determiner.
        loop {
            let k = after.next()?;
            let token = &tokens[k];
            if &*token.norm == "than" {
                break;
            }
            if !content(token) {
                return None;
            }
            between += 1;
            if between > BETWEEN {
                return None;
            }
            left.push(token.stem_hash);
        }
        left.extend(
            before
                .filter(|&k| content(&tokens[k]))
                .take(SIDE)
                .map(|k| tokens[k].stem_hash),
        );
        let mut last = i;
        let mut right = Vec::new();
        for k in after.filter(|&k| content(&tokens[k])).take(SIDE) {
            last = k;
            right.push(tokens[k].stem_hash);
        }
        let both: Vec<u64> = left.iter().copied().filter(|s| right.contains(s)).collect();
        left.retain(|s| !both.contains(s));
        right.retain(|s| !both.contains(s));
        let first = (0..i)
            .rev()
            .take_while(|&k| tokens[k].place.clause == t.place.clause)
            .last()
            .unwrap_or(i);
        (!left.is_empty() && !right.is_empty()).then_some(Comparison {
            comparative,
            left,
            right,
            span: (first, last),
        })
    })
}

#[cfg(test)]
mod tests;
