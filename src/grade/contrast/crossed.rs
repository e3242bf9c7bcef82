//! Two relations of an author's rubric turned round. An "A vs B" rubric gives each side
//! a relation whose first term is the thing and whose second says what it is or does
//! (`{ all = ["401", ["credentials", ...]] }` beside `{ all = ["403", ["forbidden", ...]] }`).
//! Each relation looks for its terms together in a clause or a sentence, so an answer
//! that pairs them the other way round in one stretch ("401 is forbidden and 403 is
//! unauthenticated") meets both. Here each description is given to the thing nearer to
//! it in its sentence, counted in tokens; one as near to both goes to the thing before
//! it ("A is x and B is y": what is said of a thing follows it), but one handed *to* a
//! thing ("0 to the parent", "the child's PID to the parent") is that thing's. When every
//! description of one side that has a thing in its sentence goes to the other side's
//! thing, and the reverse, the answer turns the two round. Sides are compared whenever
//! the answer names their terms, whether or not it meets their relations: an ordered
//! relation said the other way round is not met, and the answer still turns the two.
//!
//! A thing's word after a determiner and right before a description that opens with a
//! noun modifies it ("a network interface" is an interface, "the router MAC address" a
//! MAC address): that description, handed to no thing, goes to none, and the word opens
//! no stretch of a rival subject (below). A thing named as the members of a collective
//! ("a group of endpoints", "a set of pods") takes no description by nearness: what the
//! sentence goes on to say is said of the collective's own thing.
//!
//! Only relations of two terms count, each side's thing spelt differently, and matches
//! in the polarity they ask for. A number is a side's thing whichever term it is when
//! two sides' terms or more hold one: in `["local", "8080"]` beside `["5432",
//! "bastion"]` the ports are the things, and "5432 on your laptop and 8080 on bastion"
//! turns them round; beside `["parent", "pid"]`, `["child", "0"]` says what the child
//! gets. Both sides must be turned: one description nearer the other thing is often a
//! long sentence that runs from one to the other.
//!
//! And a **rival subject**: a stretch of the answer that opens with one side's thing as
//! its subject (first in its clause or after *and*, *but*, *while*, with at most one
//! content word before it, not after *than*, *like*, *to*, *of*, ...) and runs to the
//! next thing, a clause of time, condition or reason (*when*, *if*, *because*, ...) or
//! the end of its sentence, with no negation, says what it says of that thing. When it
//! says none of that side's descriptions and some of another side's, it gives the other
//! side's predicate to it: "a layer 4 balancer, on the other hand, decrypts TLS and
//! reads the session cookie of every request" for `layer 7 + [cookie, request, ...]`.
//! One stretch so turned must say two of the other side's descriptions or more (apart,
//! not one phrase: "passes the HTTP request along" says one), or each side must have a
//! stretch turned ("the client uses port 67 and the server port 68"). A description
//! spelt like another side's, or that the model answer says in a stretch of another
//! side's thing, is no side's own. This holds whether or not the answer meets the
//! relations: an answer that also gives the words to the right side elsewhere
//! contradicts itself.

use super::Contradiction;
use crate::grade::compile::Matcher;
use crate::grade::matcher::{Pattern, PreparedAnswer, Vocab};
use crate::grade::token::Token;
use std::cell::OnceCell;

/// The two-term relations of an author's rubric, as sides that may be turned round.
#[derive(Default)]
pub(super) struct Crossed {
    sides: Vec<Side>,
    /// For each side, its own descriptions, as places in its `predicate` (empty unless
    /// every side has some).
    own: Vec<Vec<usize>>,
}

struct Side {
    /// The thing, as the rubric spells its first alternative.
    label: String,
    /// The relation's terms in the rubric's order, subject first (`client`, `68`),
    /// for a rival subject; and the subject's label.
    subject: Vec<Pattern>,
    predicate: Vec<Pattern>,
    subject_label: String,
    /// The thing is the predicate (a number, `["local", "8080"]`), and what is said of
    /// it the subject; otherwise the other way round.
    swapped: bool,
}

/// A stretch turned round: its side, the side whose descriptions it says, and their
/// matches as (first token, last token), those that touch made one.
type Turned = (usize, usize, Vec<(usize, usize)>);

/// A match: its first token that is not a negation cue, its last token, and its
/// sentence.
type At = (usize, usize, u32);

impl Crossed {
    /// The sides of `concepts` (an author's rubric's), with their own words in `model`;
    /// fewer than two give nothing.
    pub(super) fn new(concepts: &[Matcher], model: &PreparedAnswer, vocab: &Vocab) -> Crossed {
        let number = |t: &[Pattern]| {
            t.first().is_some_and(|p| {
                let label = p.label(vocab);
                !label.is_empty() && label.bytes().all(|b| b.is_ascii_digit())
            })
        };
        let pairs = || {
            concepts.iter().filter_map(|m| match m {
                Matcher::All { terms, .. } if terms.len() == 2 => Some(terms),
                _ => None,
            })
        };
        // The relations whose terms hold a number: two or more make the numbers the
        // things compared.
        let numbered = pairs()
            .filter(|terms| terms.iter().any(|t| number(t)))
            .count();
        let firsts: Vec<&[Pattern]> = pairs().map(|terms| &terms[0][..]).collect();
        let mut sides: Vec<Side> = pairs()
            .filter_map(|terms| {
                // A number is the thing, whichever term it is (`["local", "8080"]`),
                // when another side's terms hold a number too: beside `["parent",
                // "pid"]`, `["child", "0"]` says what the child gets.
                let swapped = if numbered >= 2 {
                    number(&terms[1]) && !number(&terms[0])
                } else {
                    of_a_kind(terms, &firsts, vocab)
                };
                let thing = if swapped { &terms[1] } else { &terms[0] };
                Some(Side {
                    label: thing.first()?.label(vocab),
                    subject: terms[0].clone(),
                    predicate: terms[1].clone(),
                    subject_label: terms[0].first()?.label(vocab),
                    swapped,
                })
            })
            .collect();
        // Sides that share their thing ("rebase + replays", "rebase + linear") say two
        // things of one, not one thing each of two.
        let labels: Vec<String> = sides.iter().map(|s| s.label.clone()).collect();
        sides.retain(|s| labels.iter().filter(|l| **l == s.label).count() == 1);
        if sides.len() < 2 {
            sides.clear();
        }
        let own = own_descriptions(&sides, model, vocab);
        Crossed { sides, own }
    }

    /// The first pair of sides `answer` turns round, if any.
    pub(super) fn check(&self, answer: &PreparedAnswer, vocab: &Vocab) -> Option<Contradiction> {
        // Both tests look for the same terms: find each once.
        let found = Matches::new(&self.sides, answer, vocab);
        self.paired_round(&found).or_else(|| self.rival(&found))
    }

    /// Two sides whose terms `answer` names, each description given to the other.
    fn paired_round(&self, found: &Matches) -> Option<Contradiction> {
        let answer = found.answer;
        // What is said is looked for only when two things are named.
        let things: Vec<&[At]> = (0..self.sides.len()).map(|i| found.thing(i)).collect();
        if things.iter().filter(|t| !t.is_empty()).count() < 2 {
            return None;
        }
        let says: Vec<&[At]> = things
            .iter()
            .enumerate()
            .map(|(i, t)| if t.is_empty() { &[] } else { found.says(i) })
            .collect();
        for (a, (things_a, says_a)) in things.iter().zip(&says).enumerate() {
            for (b, (things_b, says_b)) in things.iter().zip(&says).enumerate().skip(a + 1) {
                let (things_a, says_a, things_b, says_b) = (*things_a, *says_a, *things_b, *says_b);
                if things_a.is_empty() || things_b.is_empty() || one_phrase(says_a, says_b) {
                    continue;
                }
                let given = |says: &[At], own: &[At], other: &[At]| {
                    turned(
                        says,
                        own,
                        other,
                        things_a.iter().chain(things_b),
                        answer.tokens(),
                    )
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

impl Crossed {
    /// A stretch of `answer` whose subject is one side's thing and that says another
    /// side's descriptions and none of its own (see the module's text).
    fn rival(&self, found: &Matches) -> Option<Contradiction> {
        if self.own.is_empty() {
            return None;
        }
        let answer = found.answer;
        let tokens = answer.tokens();
        // Each side's own descriptions, looked for once a stretch needs them.
        let said: Vec<OnceCell<Vec<At>>> = self.own.iter().map(|_| OnceCell::new()).collect();
        let said = |s: usize| said[s].get_or_init(|| found.alternatives(s, &self.own[s]));
        // For each stretch turned round: its side, the side whose descriptions it says,
        // and their matches, those that touch made one.
        let mut turned: Vec<Turned> = Vec::new();
        for (side, from, to, denied) in stretches(found) {
            let within = |s: usize| -> Vec<(usize, usize)> {
                said(s)
                    .iter()
                    .filter(|&&(f, t, _)| f >= from && t < to)
                    .map(|&(f, t, _)| (f, t))
                    .collect()
            };
            if denied || !within(side).is_empty() {
                continue;
            }
            for other in (0..self.sides.len()).filter(|&o| o != side) {
                let mut groups: Vec<(usize, usize)> = Vec::new();
                for (f, t) in within(other) {
                    match groups.last_mut() {
                        Some(g) if f <= g.1 + 1 || (g.1 + 1..f).all(|i| tokens[i].part) => {
                            g.1 = g.1.max(t)
                        }
                        _ => groups.push((f, t)),
                    }
                }
                if !groups.is_empty() {
                    turned.push((side, other, groups));
                }
            }
        }
        let (side, other, groups) = turned.iter().find(|(side, other, groups)| {
            groups.len() >= 2 || turned.iter().any(|(s, o, _)| s == other && o == side)
        })?;
        Some(Contradiction {
            role: "subject".to_owned(),
            said: self.sides[*side].subject_label.clone(),
            model: format!("`{}` for that", self.sides[*other].subject_label),
            anchor: None,
            matched: groups
                .iter()
                .flat_map(|&(f, t)| f..=t)
                .filter(|&i| !tokens[i].part)
                .map(|i| answer.word(i).to_owned())
                .collect(),
        })
    }
}

/// Whether a description of one side stands in one phrase with one of the other's, at
/// most two words between them: "keeps first names in order only inside each last
/// name" says the second side's whole description ("ordered within"), not the first
/// side's *order* of the thing nearest it.
fn one_phrase(a: &[At], b: &[At]) -> bool {
    a.iter().any(|x| {
        b.iter()
            .any(|y| x.2 == y.2 && (y.0.saturating_sub(x.1) <= 3 && x.0.saturating_sub(y.1) <= 3))
    })
}

/// Whether a relation's second term is its thing: it names a thing of the same kind as
/// another relation's first term (their labels share a word: `read lock` beside `write
/// lock`, `last_name` beside `first_name`) while its first term names nothing of that
/// kind (`ordered`, `shared`). A rubric may put what is said first (`{ all = ["sorted",
/// "last_name"] }` beside `{ all = ["first_name", "within"] }`); numbers are handled
/// apart (see [`Crossed::new`]).
fn of_a_kind(terms: &[Vec<Pattern>], firsts: &[&[Pattern]], vocab: &Vocab) -> bool {
    let words = |t: &[Pattern]| -> Vec<String> {
        t.first()
            .map(|p| p.label(vocab))
            .unwrap_or_default()
            .to_lowercase()
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.len() >= 3)
            .map(str::to_owned)
            .collect()
    };
    let shares = |a: &[String], b: &[String]| a.iter().any(|w| b.contains(w));
    let (first, second) = (words(&terms[0]), words(&terms[1]));
    let others: Vec<Vec<String>> = firsts
        .iter()
        .filter(|f| !std::ptr::eq(f.as_ptr(), terms[0].as_ptr()))
        .map(|f| words(f))
        .collect();
    others.iter().any(|o| shares(&second, o)) && !others.iter().any(|o| shares(&first, o))
}

/// For each side, its descriptions that are its own: not spelt like another side's,
/// nor said by `model` of another side's thing. None for any side unless each has some.
fn own_descriptions(sides: &[Side], model: &PreparedAnswer, vocab: &Vocab) -> Vec<Vec<usize>> {
    let found = Matches::new(sides, model, vocab);
    let stretches = stretches(&found);
    let own: Vec<Vec<usize>> = sides
        .iter()
        .enumerate()
        .map(|(s, side)| {
            (0..side.predicate.len())
                .filter(|&p| {
                    let label = side.predicate[p].label(vocab);
                    let shared = sides.iter().enumerate().any(|(o, other)| {
                        o != s && other.predicate.iter().any(|q| q.label(vocab) == label)
                    });
                    let elsewhere = found.alternatives(s, &[p]).iter().any(|&(f, _, _)| {
                        stretches
                            .iter()
                            .any(|&(o, from, to, _)| o != s && (from..to).contains(&f))
                    });
                    !shared && !elsewhere
                })
                .collect()
        })
        .collect();
    if own.iter().any(Vec::is_empty) {
        return Vec::new();
    }
    own
}

/// The stretches of `text` said of a side's thing as its subject: for each thing that
/// is the subject of its clause, its side and the tokens from just after it to the next
/// thing, a clause of time, condition or reason (*when*, *if*, *because*, ...) or the end
/// of its sentence, and whether a negation is in it.
fn stretches(found: &Matches) -> Vec<(usize, usize, usize, bool)> {
    let text = found.answer;
    let tokens = text.tokens();
    let mut things: Vec<(usize, At)> = (0..found.sides.len())
        .flat_map(|s| found.subject(s).iter().map(move |&a| (s, a)))
        .collect();
    things.sort_unstable_by_key(|&(_, (from, to, _))| (from, to));
    let mut out = Vec::new();
    for (k, &(side, (from, to, sentence))) in things.iter().enumerate() {
        // Two things in one phrase ("a CNAME record" for `a record`) name neither.
        let overlapped = things
            .iter()
            .enumerate()
            .any(|(j, &(_, (f, t, _)))| j != k && f <= to && from <= t);
        // A thing's word before a side's description modifies it ("the network
        // interface that connects ..." says what the interface does).
        let modifier = (0..found.sides.len()).any(|s| {
            found
                .says(s)
                .iter()
                .any(|&(f, _, _)| modifies(tokens, (from, to), f))
        });
        if overlapped || modifier || !subject(tokens, from, &things[..k]) {
            continue;
        }
        let end = things[k + 1..]
            .iter()
            .map(|&(_, (f, _, _))| f)
            .find(|&f| f > to)
            .unwrap_or(tokens.len());
        // A clause of time, condition or reason says what happens around it, not what
        // the thing does.
        let end = (to + 1..end)
            .find(|&i| {
                tokens[i].place.sentence != sentence
                    || (!tokens[i].part
                        && matches!(
                            &*tokens[i].norm,
                            "when"
                                | "whenever"
                                | "if"
                                | "unless"
                                | "because"
                                | "since"
                                | "although"
                                | "though"
                                | "once"
                                | "after"
                                | "before"
                                | "until"
                                | "whereas"
                                | "while"
                        ))
            })
            .unwrap_or(end);
        let denied = (from..end).any(|i| tokens[i].negation || text.negated(i));
        if end > to + 1 {
            out.push((side, to + 1, end, denied));
        }
    }
    out
}

/// Whether the thing at `from` is the subject of its clause, or of the part of it after
/// a coordinator ("and the server port 68"): no thing of `before` there, at most one
/// content word before it ("the chosen server"), no negation, and not the object of a
/// preposition or a comparison ("than layer 7", "unlike a bind mount", "forwards to the
/// server").
fn subject(tokens: &[Token], from: usize, before: &[(usize, At)]) -> bool {
    let place = tokens[from].place;
    let opening: Vec<usize> = (0..from)
        .rev()
        .filter(|&i| !tokens[i].part)
        .take_while(|&i| {
            tokens[i].place.clause == place.clause
                && !matches!(
                    &*tokens[i].norm,
                    "and" | "but" | "while" | "whereas" | "yet"
                )
        })
        .collect();
    let object = opening
        .iter()
        .find(|&&i| !matches!(&*tokens[i].norm, "the" | "a" | "an" | "its" | "their"))
        .is_some_and(|&i| {
            matches!(
                &*tokens[i].norm,
                "to" | "into" | "from" | "of" | "by" | "via" | "through" | "onto" | "over"
            )
        });
    opening.iter().filter(|&&i| !tokens[i].stop).count() <= 1
        && !object
        && !opening.iter().any(|&i| {
            tokens[i].negation
                || matches!(
                    &*tokens[i].norm,
                    "than" | "like" | "unlike" | "as" | "vs" | "versus"
                )
        })
        && !before.iter().any(|&(_, (f, _, _))| opening.contains(&f))
}

/// The sides' terms found in one text, each looked for once, when first asked for:
/// both tests of an answer, and the rival subject's several looks, share them.
struct Matches<'a> {
    sides: &'a [Side],
    answer: &'a PreparedAnswer,
    vocab: &'a Vocab,
    /// Per side, the matches of its subject.
    subject: Vec<OnceCell<Vec<At>>>,
    /// Per side, the matches of its predicate.
    predicate: Vec<OnceCell<Predicate>>,
}

/// The matches of a side's predicate: each with the place of the alternative it is of,
/// in text order; and all of them, each once.
struct Predicate {
    each: Vec<(At, usize)>,
    all: Vec<At>,
}

impl<'a> Matches<'a> {
    fn new(sides: &'a [Side], answer: &'a PreparedAnswer, vocab: &'a Vocab) -> Matches<'a> {
        Matches {
            sides,
            answer,
            vocab,
            subject: sides.iter().map(|_| OnceCell::new()).collect(),
            predicate: sides.iter().map(|_| OnceCell::new()).collect(),
        }
    }

    /// The matches of side `s`'s subject, in text order, each once.
    fn subject(&self, s: usize) -> &[At] {
        self.subject[s].get_or_init(|| {
            let mut out: Vec<At> = at(&self.sides[s].subject, self.answer, self.vocab)
                .map(|(a, _)| a)
                .collect();
            out.sort_unstable();
            out.dedup();
            out
        })
    }

    fn predicate(&self, s: usize) -> &Predicate {
        self.predicate[s].get_or_init(|| {
            let mut each: Vec<(At, usize)> =
                at(&self.sides[s].predicate, self.answer, self.vocab).collect();
            each.sort_unstable();
            let mut all: Vec<At> = each.iter().map(|&(a, _)| a).collect();
            all.dedup();
            Predicate { each, all }
        })
    }

    /// The matches of the alternatives `ps` (sorted) of side `s`'s predicate, in text
    /// order, each once.
    fn alternatives(&self, s: usize, ps: &[usize]) -> Vec<At> {
        let mut out: Vec<At> = self
            .predicate(s)
            .each
            .iter()
            .filter(|(_, p)| ps.binary_search(p).is_ok())
            .map(|&(a, _)| a)
            .collect();
        out.dedup();
        out
    }

    /// The matches of side `s`'s thing.
    fn thing(&self, s: usize) -> &[At] {
        if self.sides[s].swapped {
            &self.predicate(s).all
        } else {
            self.subject(s)
        }
    }

    /// The matches of what side `s` says of its thing.
    fn says(&self, s: usize) -> &[At] {
        if self.sides[s].swapped {
            self.subject(s)
        } else {
            &self.predicate(s).all
        }
    }
}

/// The counting matches of `patterns` in `answer`, each with the place of its pattern,
/// in the patterns' order.
fn at<'a>(
    patterns: &'a [Pattern],
    answer: &'a PreparedAnswer,
    vocab: &'a Vocab,
) -> impl Iterator<Item = (At, usize)> + 'a {
    let tokens = answer.tokens();
    patterns
        .iter()
        .enumerate()
        .flat_map(move |(p, pattern)| {
            answer
                .all(pattern, vocab)
                .into_iter()
                .map(move |found| (found, p))
        })
        .filter(|((_, counts), _)| *counts)
        .filter_map(move |((found, _), p)| {
            let first = found
                .tokens
                .iter()
                .copied()
                .find(|&t| !tokens[t].negation)?;
            let last = found.tokens.iter().copied().max()?;
            Some(((first, last, tokens[first].place.sentence), p))
        })
}

/// Whether every description in `says` that has a thing in its sentence (and is not
/// itself part of one) stands nearer a thing of `other` than of `own`, and one does. A
/// description handed *to* a thing ("0 to the parent") is that thing's, however near
/// another stands ("the child's PID to the parent").
fn turned<'a>(
    says: &[At],
    own: &'a [At],
    other: &'a [At],
    things: impl Iterator<Item = &'a At> + Clone,
    tokens: &[Token],
) -> bool {
    let mut any = false;
    for &(from, to, sentence) in says {
        // A description that is one of the things' words ("merge commit" for `merge`)
        // gives nothing.
        if things.clone().any(|&(f, t, _)| f <= to && from <= t) {
            continue;
        }
        let handed = recipient(tokens, to).and_then(|k| {
            let at = |things: &[At]| things.iter().any(|&(f, _, _)| f == k);
            if at(other) {
                Some(true)
            } else if at(own) {
                Some(false)
            } else {
                None
            }
        });
        // Nor does one that a thing's word right before it modifies, handed to no
        // thing: "a network interface" is an interface.
        if handed.is_none()
            && things
                .clone()
                .any(|&(f, t, _)| modifies(tokens, (f, t), from))
        {
            continue;
        }
        let Some(nearest) = handed.or_else(|| {
            // The members of a collective ("a set of pods") take nothing said after
            // them: it is said of the collective's own thing.
            // (Filtered as they are read: no list is collected per description.)
            let held = |things: &'a [At]| {
                things
                    .iter()
                    .filter(|&&(f, _, _)| !member(tokens, f))
                    .copied()
            };
            nearest((from, to, sentence), held(own), held(other))
        }) else {
            continue;
        };
        if !nearest {
            return false;
        }
        any = true;
    }
    any
}

/// The word a description ending at `to` is handed to: the one after a *to* right
/// behind it, past an article or a possessive ("to the parent", "to its caller").
fn recipient(tokens: &[Token], to: usize) -> Option<usize> {
    let next = |i: usize| (i + 1..tokens.len()).find(|&k| !tokens[k].part);
    let at = next(to)?;
    if &*tokens[at].norm != "to" || tokens[at].place.clause != tokens[to].place.clause {
        return None;
    }
    let k = next(at)?;
    if matches!(
        &*tokens[k].norm,
        "the" | "a" | "an" | "its" | "their" | "each" | "every"
    ) {
        next(k)
    } else {
        Some(k)
    }
}

/// Whether the thing at `from` is named as the members of a collective: right after
/// *of* and a collective noun ("a set of pods", "the group of endpoints").
fn member(tokens: &[Token], from: usize) -> bool {
    let mut before = (0..from).rev().filter(|&k| !tokens[k].part);
    before.next().is_some_and(|k| &*tokens[k].norm == "of")
        && before.next().is_some_and(|k| {
            matches!(
                &*tokens[k].norm,
                "group" | "set" | "collection" | "pool" | "list" | "bunch" | "fleet" | "batch"
            )
        })
}

/// Whether a thing's word (`thing`, its first and last token) modifies the noun that
/// opens a description at `from`, right after it in one clause, the thing after a
/// determiner: "a router MAC address", "the network interface". A plural thing ("the
/// neighbours send"), and a word in *-s* or *-ed* after it ("the server sends", "the
/// client connected"), mostly say what the thing does.
fn modifies(tokens: &[Token], thing: (usize, usize), from: usize) -> bool {
    let (thing_from, thing_to) = thing;
    let word = |i: usize| &*tokens[i].norm;
    let verbal = |w: &str| w.ends_with("ed") || (w.ends_with('s') && !w.ends_with("ss"));
    let next = (thing_to + 1..tokens.len()).find(|&k| !tokens[k].part);
    let before = (0..thing_from).rev().find(|&k| !tokens[k].part);
    next == Some(from)
        && tokens[from].place.clause == tokens[thing_to].place.clause
        && before.is_some_and(|k| {
            matches!(
                word(k),
                "a" | "an" | "the" | "its" | "their" | "each" | "every" | "this" | "that" | "one"
            )
        })
        && !tokens[from].stop
        && !verbal(word(thing_to))
        && !verbal(word(from))
}

/// Whether the thing nearest to `say` in its sentence is one of `other` (`Some(false)`
/// for one of `own`, `None` when neither is in its sentence). At the same distance, the
/// thing before it wins.
fn nearest(
    say: At,
    own: impl Iterator<Item = At>,
    other: impl Iterator<Item = At>,
) -> Option<bool> {
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
    match (
        own.filter_map(|a| key(&a)).min(),
        other.filter_map(|a| key(&a)).min(),
    ) {
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

    /// A rubric of one relation per side, thing first, compiled into `vocab`, for
    /// `model`.
    fn crossed(sides: &[(&str, &[&str])], model: &str, vocab: &mut Vocab) -> Crossed {
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
        let model = PreparedAnswer::new(model, &s, &Vocab::default());
        Crossed::new(&concepts, &model, vocab)
    }

    /// What `crossed` finds in `answer`.
    fn check(crossed: &Crossed, answer: &str, vocab: &Vocab) -> Option<Contradiction> {
        crossed.check(&PreparedAnswer::new(answer, &stemmer(), vocab), vocab)
    }

    /// The rival subject `crossed` finds in `answer`, if any.
    fn rival(crossed: &Crossed, answer: &str, vocab: &Vocab) -> Option<Contradiction> {
        let answer = PreparedAnswer::new(answer, &stemmer(), vocab);
        crossed.rival(&Matches::new(&crossed.sides, &answer, vocab))
    }

    #[test]
    fn two_sides_paired_the_other_way_round_are_turned() {
        let mut vocab = Vocab::default();
        let http = crossed(
            &[
                ("401", &["credentials", "unauthenticated", "log in"]),
                ("403", &["forbidden", "refuses", "permission"]),
            ],
            "A 401 means the request has no valid credentials: log in. A 403 means the server \
             knows who you are and refuses you.",
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
            "It listens on local port 8080 and forwards to port 5432 on the bastion.",
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

    /// Round 28 (w35-fp): two things of one kind ("read lock", "write lock";
    /// `country_code`, `city_code`) are the things compared whichever term holds them, as
    /// numbers are: a rubric may say `ordered + country_code`. Fresh sentences.
    #[test]
    fn things_of_one_kind_are_the_things_whichever_term_holds_them() {
        let mut vocab = Vocab::default();
        let index = crossed(
            &[
                ("ordered", &["country_code"]),
                ("city_code", &["within", "then"]),
            ],
            "The index is ordered by country_code first, then by city_code within each country.",
            &mut vocab,
        );
        for wrong in [
            "Entries are ordered by city_code, with country_code only sorted within each city.",
            "Entries are ordered by city_code and grouped by country_code within it.",
        ] {
            assert!(check(&index, wrong, &vocab).is_some(), "{wrong}");
        }
        for right in [
            "It is ordered by country_code, then by city_code within each country.",
            "Rows are ordered by country_code; city_code is only in order within one country_code.",
            "The tree keeps city_code ordered only within each country_code.",
            "A seek on city_code alone can't use it: the tree is ordered by country_code, and \
             city_code is ordered only within each country_code.",
        ] {
            assert_eq!(check(&index, right, &vocab), None, "{right}");
        }
        let locks = crossed(
            &[("shared", &["read lock"]), ("write lock", &["exclusive"])],
            "Many readers can hold a read lock, which is shared; a write lock is exclusive.",
            &mut vocab,
        );
        assert!(
            check(
                &locks,
                "A read lock is exclusive and a write lock is shared.",
                &vocab
            )
            .is_some()
        );
        for right in [
            "A read lock is shared by many readers, while a write lock is exclusive.",
            "Readers share a read lock; a writer's write lock is exclusive.",
        ] {
            assert_eq!(check(&locks, right, &vocab), None, "{right}");
        }
    }

    #[test]
    fn a_lone_number_is_what_is_said_of_its_side() {
        let mut vocab = Vocab::default();
        // Only one side's terms hold a number: the people are the things compared.
        let swap = crossed(
            &[("winner", &["token"]), ("loser", &["0"])],
            "The compare-and-swap hands the winner the fresh token and the loser 0.",
            &mut vocab,
        );
        let turned = check(
            &swap,
            "The compare-and-swap hands 0 to the winner and the fresh token to the loser.",
            &vocab,
        )
        .expect("turned round");
        assert_eq!(turned.said, "winner");
        for right in [
            "The compare-and-swap hands the winner the fresh token and the loser 0.",
            "The loser gets 0, while the winner walks off with the fresh token.",
        ] {
            assert_eq!(check(&swap, right, &vocab), None, "{right}");
        }
    }

    #[test]
    fn a_description_handed_to_a_thing_is_that_things() {
        let mut vocab = Vocab::default();
        let swap = crossed(
            &[("winner", &["token"]), ("loser", &["0"])],
            "The compare-and-swap hands the winner the fresh token and the loser 0.",
            &mut vocab,
        );
        // The loser's token stands nearer the loser, and 0 as near the winner before it:
        // the *to* gives each to its side.
        let right =
            "The compare-and-swap hands the loser's fresh token to the winner and 0 to the loser.";
        assert_eq!(check(&swap, right, &vocab), None);
        let wrong = "The compare-and-swap hands the winner's token to the loser and the loser's 0 to the winner.";
        assert!(check(&swap, wrong, &vocab).is_some());
    }

    #[test]
    fn sides_that_share_their_thing_are_no_pair() {
        let mut vocab = Vocab::default();
        let rebase = crossed(
            &[("rebase", &["replays"]), ("rebase", &["linear"])],
            "Rebase replays your commits, so history stays linear.",
            &mut vocab,
        );
        assert!(rebase.sides.is_empty());
    }

    #[test]
    fn a_rival_subject_given_the_other_sides_words_is_turned() {
        let mut vocab = Vocab::default();
        let transport = crossed(
            &[
                ("tcp", &["reliable", "handshake", "ordered"]),
                ("udp", &["datagrams", "fast", "latency"]),
            ],
            "TCP sets up a connection with a handshake and retransmits lost segments, so \
             delivery is reliable and ordered. UDP sends independent datagrams with no setup, \
             which keeps latency low.",
            &mut vocab,
        );
        // One stretch with two of the other side's words, even after a right sentence.
        let buried = check(
            &transport,
            "TCP does a handshake and retransmits lost segments. UDP sends datagrams. \
             TCP, on the other hand, keeps latency low with independent datagrams.",
            &vocab,
        )
        .expect("rival subject");
        assert_eq!(
            (buried.role.as_str(), buried.said.as_str()),
            ("subject", "tcp")
        );
        assert_eq!(buried.matched, ["latency", "datagrams"]);
        for wrong in [
            "TCP fires off independent datagrams and keeps latency low, while UDP retransmits lost segments.",
            "With UDP you get a handshake and reliable, ordered delivery.",
        ] {
            assert!(rival(&transport, wrong, &vocab).is_some(), "{wrong}");
        }
        for right in [
            "TCP retransmits lost segments after a handshake; UDP sends independent datagrams and keeps latency low.",
            "Unlike TCP, UDP sends datagrams with low latency.",
            "TCP is slower than UDP because it retransmits lost segments.",
            "UDP never retransmits lost segments, and it has no handshake.",
            "TCP carries the datagrams of the application reliably.",
            "Both TCP and UDP carry datagrams; TCP adds a handshake.",
            // What happens around it is no predicate of it.
            "UDP drops a datagram when the network is not reliable or ordered.",
            "TCP slows down once latency and datagrams pile up.",
        ] {
            assert_eq!(rival(&transport, right, &vocab), None, "{right}");
        }
    }

    #[test]
    fn rival_subjects_each_given_one_word_of_the_other_are_turned() {
        let mut vocab = Vocab::default();
        let ports = crossed(
            &[("client", &["68"]), ("server", &["67"])],
            "The client broadcasts a request, and the server answers. Clients use port 68 \
             and servers port 67.",
            &mut vocab,
        );
        let turned = rival(
            &ports,
            "The client uses port 67 and the server port 68.",
            &vocab,
        )
        .expect("turned round");
        assert_eq!(turned.said, "client");
        assert_eq!(turned.matched, ["67"]);
        for right in [
            "The client uses port 68 and the server port 67.",
            "The server answers on 67 and the client listens on 68.",
            "Client 68; server 67.",
            // One word of the other's, said of one side only, is no swap.
            "The client sends its request to port 67.",
        ] {
            assert_eq!(rival(&ports, right, &vocab), None, "{right}");
        }
    }

    #[test]
    fn two_things_in_one_phrase_name_no_subject() {
        let mut vocab = Vocab::default();
        let dns = crossed(
            &[
                ("cname", &["another name", "alias"]),
                ("a record", &["ipv4", "address"]),
            ],
            "An A record maps a name to an IPv4 address. A CNAME record maps a name to \
             another name.",
            &mut vocab,
        );
        // "A CNAME record" spells `a record` around `cname`.
        let right = "A CNAME record points at another name (an alias); an A record points at an IPv4 address.";
        assert_eq!(rival(&dns, right, &vocab), None);
        let wrong = "An A record points at another name, an alias; a CNAME holds an IPv4 address.";
        assert!(rival(&dns, wrong, &vocab).is_some());
    }
}
