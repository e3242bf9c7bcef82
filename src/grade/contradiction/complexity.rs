//! A wrong complexity: the model answer states the cost of something in big-O notation
//! ("one pass costs O(n log k) time and O(k) memory"), and an answer that gets the idea
//! right states another cost for the same resource ("it needs O(n) memory"). Costs are
//! what a learner of algorithms is asked to know; a wrong one is a wrong answer,
//! however right the rest of it is.
//!
//! Read as a *resource* and its *cost*: a big-O expression (`O(...)`, `Θ(...)`,
//! `Ω(...)`), written in any spacing and case (`O(n log k)` = `O(nlogk)` =
//! `o(N log K)`), and the nearest resource word of its clause, before or after it
//! (*time*, *memory*, *space*, *storage*, *comparisons*; *memory*, *space*, *storage*
//! and *RAM* are one resource, as are *time* and *runtime*); an
//! expression with two resource words as near on either side is not read. An answer's
//! resource and cost contradict the model texts when:
//! - the model texts give that resource a cost in a plain clause, and the answer's cost
//!   is none of the costs they give it plainly;
//! - the answer's clause is plain: not negated, not supposed (*if*), not hedged
//!   (*almost*, *nearly*, *amortised*, *roughly*, ...), and no comparison
//!   in it or before it in its sentence (*than*, *instead*, *rather*, *unlike*,
//!   *would*, *naive*, *without*, *beats*, *faster*, ...: "a full sort would need
//!   O(n log n)", "a heap beats sorting, which needs O(n log n)"), which names the
//!   cost of what the answer sets aside;
//! - the answer's sentence does not also say a cost the model gives that resource (an
//!   answer that names both may be telling the two things apart).
//!
//! A model clause that compares gives its resource no cost: what the model answer sets
//! aside ("where a full sort would need O(n log n) time") is the cost a wrong answer
//! claims. The model texts are read once when the question is compiled; the rule looks
//! only where an answer writes an `O`.

use super::{Contradiction, clause_text, sentence_of, supposes};
use crate::grade::matcher::PreparedAnswer;
use crate::grade::token::Token;

/// The letters that open a bound: *O*, and *Θ* and *Ω* as NFKC lower-cases them.
pub(super) const OPENERS: [&str; 3] = ["o", "θ", "ω"];

/// The words of a clause that compare or suppose: the cost said there is of what is
/// set aside, not a claim.
fn compares(word: &str) -> bool {
    matches!(
        word,
        "than"
            | "unlike"
            | "instead"
            | "rather"
            | "compared"
            | "versus"
            | "vs"
            | "whereas"
            | "would"
            | "could"
            | "naive"
            | "naively"
            | "without"
            | "otherwise"
            | "brute"
            | "beats"
            | "beat"
            | "better"
            | "worse"
            | "faster"
            | "slower"
            | "cheaper"
            | "outperforms"
    )
}

/// The words that hedge a cost ("amortised almost O(1)"): near the model's, not
/// another.
fn hedges(word: &str) -> bool {
    matches!(
        word,
        "almost"
            | "nearly"
            | "amortised"
            | "amortized"
            | "roughly"
            | "about"
            | "approximately"
            | "effectively"
            | "practically"
            | "essentially"
            | "around"
    )
}

/// The resource `token` names, if it names one (*memory*, *space*, *storage* and *RAM*
/// are one, as are *time* and *runtime*). Not *operations*, *lookups* or *steps*: as
/// often the thing costed ("each operation is O(1)") as what is counted, and the cost
/// of one is not the cost of a sequence of them.
fn resource(token: &Token) -> Option<&'static str> {
    if token.part {
        return None;
    }
    Some(match &*token.stem {
        "time" | "runtim" => "time",
        "memori" | "space" | "storag" | "ram" => "memory",
        "comparison" => "comparison",
        _ => return None,
    })
}

/// Whether `token` may be a piece of a cost: a letter, a number, a logarithm or a root
/// (`n`, `2`, `log`, `logk`, `n2` of `n²`), not a word of the sentence.
fn piece(token: &Token) -> bool {
    let norm = &*token.norm;
    // `α(n)` of the inverse Ackermann function.
    if norm.chars().count() == 1 && norm.chars().all(char::is_alphabetic) {
        return true;
    }
    if token.part || norm.len() > 8 || (token.stop && norm.len() > 1) || norm == "a" {
        return false;
    }
    // A word of three letters is one of the sentence ("per", "set"), with a digit a
    // piece ("n2").
    let rest = norm.replace("log", "").replace("sqrt", "");
    let digit = rest.bytes().any(|b| b.is_ascii_digit());
    rest.len() <= if digit { 3 } else { 2 } && rest.bytes().all(|b| b.is_ascii_alphanumeric())
}

/// The bound opened at token `i` (an [`OPENERS`] letter): its cost (the pieces after
/// it in its clause, run together: `nlogk`) and the index of its last piece.
fn bound(tokens: &[Token], i: usize) -> Option<(String, usize)> {
    let opener = &tokens[i];
    if opener.part || !OPENERS.contains(&&*opener.norm) {
        return None;
    }
    let clause = opener.place.clause;
    let mut cost = String::new();
    let mut last = i;
    for (j, t) in tokens.iter().enumerate().skip(i + 1) {
        if t.part {
            continue;
        }
        if t.place.clause != clause || !piece(t) {
            break;
        }
        cost.push_str(&t.norm);
        last = j;
    }
    (last > i).then_some((cost, last))
}

/// The resource of the bound from `i` to `last`: the nearest resource word of its
/// clause, before or after; none when two others are as near.
fn resource_of(tokens: &[Token], i: usize, last: usize) -> Option<&'static str> {
    let clause = tokens[i].place.clause;
    let before = tokens[..i]
        .iter()
        .enumerate()
        .rev()
        .take_while(|(_, t)| t.place.clause == clause)
        .find_map(|(b, t)| resource(t).map(|r| (i - b, r)));
    let after = tokens[last + 1..]
        .iter()
        .enumerate()
        .take_while(|(_, t)| t.place.clause == clause)
        .find_map(|(a, t)| resource(t).map(|r| (a + 1, r)));
    match (before, after) {
        (Some((d, r)), None) | (None, Some((d, r))) => Some(r).filter(|_| d > 0),
        (Some((db, rb)), Some((da, ra))) => match db.cmp(&da) {
            std::cmp::Ordering::Less => Some(rb),
            std::cmp::Ordering::Greater => Some(ra),
            std::cmp::Ordering::Equal => (rb == ra).then_some(rb),
        },
        (None, None) => None,
    }
}

/// Whether clause `clause`, or one before it in its sentence, compares (see
/// [`compares`]): "a heap beats sorting, which needs O(n log n) time" costs the
/// sorting.
fn compared(tokens: &[Token], clause: u32) -> bool {
    let Some(sentence) = sentence_of(tokens, clause) else {
        return false;
    };
    tokens.iter().any(|t| {
        t.place.sentence == sentence && t.place.clause <= clause && !t.part && compares(&t.norm)
    })
}

/// A cost the model texts give a resource plainly.
struct Cost {
    resource: &'static str,
    cost: String,
    /// The model's clause, for the breakdown.
    text: String,
}

/// The costs the model texts give resources plainly.
#[derive(Default)]
pub(super) struct Costs {
    costs: Vec<Cost>,
}

impl Costs {
    /// The costs `texts` (the model answer and explanation) give resources plainly.
    pub(super) fn of(texts: &[&PreparedAnswer]) -> Costs {
        let mut costs = Vec::new();
        for text in texts {
            let tokens = text.tokens();
            for i in 0..tokens.len() {
                let Some((cost, last)) = bound(tokens, i) else {
                    continue;
                };
                let Some(resource) = resource_of(tokens, i, last) else {
                    continue;
                };
                let clause = tokens[i].place.clause;
                if text.negated(i) || supposes(tokens, clause) || compared(tokens, clause) {
                    continue;
                }
                costs.push(Cost {
                    resource,
                    cost,
                    text: clause_text(text, clause),
                });
            }
        }
        Costs { costs }
    }

    /// Whether the model texts give no resource a cost.
    pub(super) fn is_empty(&self) -> bool {
        self.costs.is_empty()
    }

    /// The first bound of `at` (the answer's [`OPENERS`] letters) that gives a resource
    /// a cost the model texts never give it.
    pub(super) fn wrong(&self, answer: &PreparedAnswer, at: &[usize]) -> Option<Contradiction> {
        let tokens = answer.tokens();
        for &i in at {
            let Some((cost, last)) = bound(tokens, i) else {
                continue;
            };
            let Some(resource) = resource_of(tokens, i, last) else {
                continue;
            };
            let clause = tokens[i].place.clause;
            if answer.negated(i)
                || answer.negated(last)
                || supposes(tokens, clause)
                || compared(tokens, clause)
                || tokens
                    .iter()
                    .any(|t| t.place.clause == clause && !t.part && hedges(&t.norm))
            {
                continue;
            }
            let of_resource = || self.costs.iter().filter(|c| c.resource == resource);
            let Some(theirs) = of_resource().next() else {
                continue;
            };
            if of_resource().any(|c| c.cost == cost) {
                continue;
            }
            // The sentence also says a cost the model gives this resource: it may be
            // telling two things apart.
            let sentence = tokens[i].place.sentence;
            let names = tokens.iter().enumerate().any(|(j, t)| {
                t.place.sentence == sentence
                    && j != i
                    && bound(tokens, j).is_some_and(|(c, _)| of_resource().any(|m| m.cost == c))
            });
            if names {
                continue;
            }
            let written = (i..=last)
                .filter(|&j| !tokens[j].part)
                .map(|j| answer.word(j))
                .collect::<Vec<_>>();
            // Big-O as it is written, with the capital NFKC folded away.
            let opener = if written[0] == "o" { "O" } else { written[0] };
            let said = format!("{opener}({})", written[1..].join(" "));
            return Some(Contradiction::quoting(
                &format!(
                    "another {resource} cost ({said} where the model answer gives O({}))",
                    theirs.cost
                ),
                clause_text(answer, clause),
                &theirs.text,
                written.iter().map(|w| (*w).to_owned()).collect(),
            ));
        }
        None
    }
}

#[cfg(test)]
mod tests;
