//! Another means in the model's place: a model clause says what a thing is done *with*
//! ("the session ticket is sealed with the server's own key", "each block is hashed
//! with the previous block's digest"), and an answer clause says the same thing is done
//! with something else the model answer names in another place ("the session ticket is
//! sealed with the client's key"). The answer names the verb and the thing it is done
//! to as the model answer does, and gives it a means the model answer gives another
//! part of the story: a right answer with one wrong claim in it.
//!
//! Narrow on purpose. The verb is a past participle (or a verb after a form of *be*)
//! with *with* right after it; the means is the content words after *with*
//! (determiners and *own* aside, going on over *of*: "the public key of its issuer"). The
//! answer's means must have a word that the model answer uses for a thing elsewhere
//! (after a determiner, or as another means), in no model clause that gives the verb a
//! means, and it must leave out a word of each such model means; where the answer
//! names what is done (the subject), only the model clauses about the same subject count
//! when any is. The answer's clause must say it plainly: not negated, supposed, hedged,
//! comparing, or setting one thing against another (*instead*, *rather*, *not*). A
//! word of the answer's means that the model answer never uses says nothing: it may be
//! a paraphrase ("the krbtgt key" for "the KDC's own key").
//!
//! Tried and dropped: the same for who does a thing ("broadcast by the server" where the
//! client broadcasts) and what it is done to ("grey objects are freed" where white ones
//! are): right answers give a verb many subjects ("dates and hostname are checked too"
//! beside "each link is checked"), and synonyms the model answer also uses ("managed by
//! the daemon" for "managed by Docker").

use super::{Contradiction, clause_text, compares_word, content, hedges, supposes};
use crate::grade::matcher::PreparedAnswer;
use crate::grade::token::{Class, Token};
use crate::lang::is_determiner;
use std::sync::Arc;

/// The most words of a thing.
const THING: usize = 5;

/// What a verb is done with, as a text says it: the verb at `verb`, the means' content
/// stems, sorted, and those of the thing it is done to (its subject), sorted.
#[derive(Debug)]
pub(super) struct Place {
    pub(super) verb: usize,
    pub(super) thing: Vec<Arc<str>>,
    /// The tokens of the thing, for the breakdown.
    pub(super) words: Vec<usize>,
    pub(super) other: Vec<Arc<str>>,
}

/// A means the model answer gives a verb.
pub(super) struct Slot {
    /// The verb's stem, and its word as written.
    pub(super) stem: Arc<str>,
    pub(super) word: Arc<str>,
    thing: Vec<Arc<str>>,
    other: Vec<Arc<str>>,
    /// The content stems of its clause, sorted.
    clause: Vec<Arc<str>>,
    /// Its words and its clause's, for the breakdown.
    said: String,
    text: String,
}

/// The means the model answer gives verbs, and the stems of every thing it names (as a
/// means, a subject, or after a determiner), sorted.
#[derive(Default)]
pub(super) struct Slots {
    pub(super) slots: Vec<Slot>,
    things: Vec<Arc<str>>,
}

/// Words that may stand between a subject and its verb: auxiliaries, modals and a few
/// adverbs ("is then encrypted", "have been signed", "also hashed").
pub(super) fn between(word: &str) -> bool {
    crate::lang::is_auxiliary(word)
        || matches!(
            word,
            "being"
                | "then"
                | "also"
                | "still"
                | "always"
                | "usually"
                | "typically"
                | "normally"
                | "first"
                | "later"
                | "already"
                | "now"
                | "immediately"
                | "directly"
                | "simply"
        )
}

/// The forms of *be* (and *get*) that make a participle after them passive.
pub(super) fn passive_be(word: &str) -> bool {
    matches!(
        word,
        "is" | "are" | "was" | "were" | "be" | "been" | "being" | "get" | "gets" | "got"
    )
}

/// Words that set one thing against another: a clause with one says two things.
pub(super) fn sets_against(word: &str) -> bool {
    compares_word(word) || matches!(word, "instead" | "rather" | "not" | "nor" | "versus" | "vs")
}

/// Whether the answer's word at `i` stands in a claim stated plainly: not negated, and
/// in a clause that supposes nothing (*if*), hedges nothing (*may*), sets nothing
/// against another and has no negation.
pub(super) fn stated_plainly(answer: &PreparedAnswer, i: usize) -> bool {
    let tokens = answer.tokens();
    let clause = tokens[i].place.clause;
    !answer.negated(i)
        && !supposes(tokens, clause)
        && !tokens.iter().any(|t| {
            t.place.clause == clause
                && !t.part
                && (hedges(&t.norm) || sets_against(&t.norm) || t.negation)
        })
}

/// A word of a thing: a content word (*own* aside), a piece of a hyphenated word too
/// ("ticket-granting").
fn thing_word(token: &Token) -> bool {
    content(token) && &*token.norm != "own"
}

/// The previous word of the sentence's grammar before `i`, in its clause.
pub(super) fn before(tokens: &[Token], i: usize) -> Option<usize> {
    (0..i)
        .rev()
        .find(|&j| !tokens[j].part)
        .filter(|&j| tokens[j].place.clause == tokens[i].place.clause)
}

/// The next word of the sentence's grammar after `i`, in its clause.
pub(super) fn after(tokens: &[Token], i: usize) -> Option<usize> {
    (i + 1..tokens.len())
        .find(|&j| !tokens[j].part)
        .filter(|&j| tokens[j].place.clause == tokens[i].place.clause)
}

/// The thing that ends right before `end` (exclusive) in its clause: the content words
/// there, read backwards to the first other word. A word that opens its clause after a
/// comma ("a session ticket, sealed with the server's key") reads the thing before the
/// comma.
pub(super) fn thing_before(tokens: &[Token], end: usize) -> Vec<usize> {
    let mut out = Vec::new();
    let mut at = before(tokens, end).or_else(|| {
        (0..end).rev().find(|&j| !tokens[j].part).filter(|&j| {
            tokens[j].place.sentence == tokens[end].place.sentence && thing_word(&tokens[j])
        })
    });
    while let Some(j) = at {
        if !thing_word(&tokens[j]) && &*tokens[j].norm != "own" {
            break;
        }
        if thing_word(&tokens[j]) {
            out.push(j);
        }
        if out.len() == THING {
            break;
        }
        at = before(tokens, j);
    }
    out.reverse();
    out
}

/// The thing that starts after `start` (exclusive) in its clause: determiners skipped,
/// then content words, going on over *of* and a determiner ("the public key of its
/// issuer").
fn thing_after(tokens: &[Token], start: usize) -> Vec<usize> {
    let mut out = Vec::new();
    let mut at = after(tokens, start);
    while let Some(j) = at {
        let token = &tokens[j];
        if thing_word(token) {
            out.push(j);
            if out.len() == THING {
                break;
            }
        } else if !(is_determiner(&token.norm)
            || matches!(&*token.norm, "own" | "that")
            || &*token.norm == "of" && !out.is_empty())
        {
            break;
        }
        at = after(tokens, j);
    }
    out
}

/// Whether token `i` looks like a past participle: an *-ed* or *-en* form, or an
/// irregular past.
pub(super) fn participle(token: &Token) -> bool {
    token.irregular || token.norm.ends_with("ed") || token.norm.ends_with("en")
}

pub(super) fn stems(tokens: &[Token], at: &[usize]) -> Vec<Arc<str>> {
    let mut out: Vec<Arc<str>> = at.iter().map(|&j| tokens[j].stem.clone()).collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// The place of the verb at `i` that the words around it say: what it is done with,
/// when a participle has *with* right after it.
pub(super) fn place_at(tokens: &[Token], i: usize) -> Option<Place> {
    let verb = &tokens[i];
    if verb.part || verb.glued || verb.class != Class::Word || !content(verb) {
        return None;
    }
    let with = after(tokens, i).filter(|&n| &*tokens[n].norm == "with")?;
    // The words between the subject and the verb, and whether a *be* is among them.
    let mut first = i;
    let mut be = false;
    while let Some(j) = before(tokens, first).filter(|&j| between(&tokens[j].norm)) {
        be |= passive_be(&tokens[j].norm);
        first = j;
    }
    if !(be || participle(verb)) {
        return None;
    }
    let words = thing_after(tokens, with);
    if words.is_empty() {
        return None;
    }
    Some(Place {
        verb: i,
        thing: stems(tokens, &words),
        words,
        other: stems(tokens, &thing_before(tokens, first)),
    })
}

impl Slots {
    /// The means that `texts` (the model answer and explanation) give verbs plainly.
    pub(super) fn of(texts: &[&PreparedAnswer]) -> Slots {
        let mut slots = Vec::new();
        let mut things = Vec::new();
        for text in texts {
            let tokens = text.tokens();
            for (i, token) in tokens.iter().enumerate() {
                if is_determiner(&token.norm) && !token.part {
                    let thing = thing_after(tokens, i);
                    things.extend(thing.iter().map(|&j| tokens[j].stem.clone()));
                }
                if text.negated(i) {
                    continue;
                }
                if let Some(place) = place_at(tokens, i) {
                    things.extend(place.thing.iter().cloned());
                    things.extend(place.other.iter().cloned());
                    let clause = token.place.clause;
                    slots.push(Slot {
                        stem: token.stem.clone(),
                        word: token.norm.clone(),
                        said: words(text, &place.words),
                        thing: place.thing,
                        other: place.other,
                        clause: super::anchors(tokens, clause, usize::MAX, &[]),
                        text: clause_text(text, clause),
                    });
                }
            }
        }
        things.sort_unstable();
        things.dedup();
        Slots { slots, things }
    }

    /// An answer clause that gives a verb of `at` (the answer's words of the slots'
    /// verbs) another means than every model clause about the same subject gives it.
    pub(super) fn swapped(&self, answer: &PreparedAnswer, at: &[usize]) -> Option<Contradiction> {
        let tokens = answer.tokens();
        for &i in at {
            if !stated_plainly(answer, i) {
                continue;
            }
            if let Some(hit) = place_at(tokens, i).and_then(|place| self.against(answer, &place)) {
                return Some(hit);
            }
        }
        None
    }

    /// The contradiction `place` of the answer makes, if every model slot of its verb
    /// (about the same subject, when the answer names one the model answer does) gives
    /// it another means.
    fn against(&self, answer: &PreparedAnswer, place: &Place) -> Option<Contradiction> {
        let tokens = answer.tokens();
        let verb = &tokens[place.verb].stem;
        let same = |s: &&Slot| s.stem == *verb;
        let party = |s: &Slot| super::shared(&s.other, &place.other);
        let best = self.slots.iter().filter(same).map(party).max()?;
        let mut model = None;
        for slot in self.slots.iter().filter(same).filter(|s| party(s) == best) {
            let other = place.thing.iter().any(|s| {
                slot.thing.binary_search(s).is_err()
                    && slot.clause.binary_search(s).is_err()
                    && self.things.binary_search(s).is_ok()
            });
            let left_out = slot
                .thing
                .iter()
                .any(|s| place.thing.binary_search(s).is_err());
            if !(other && left_out) {
                return None;
            }
            model.get_or_insert(slot);
        }
        let slot = model?;
        let role = format!("what it is {} with", tokens[place.verb].norm);
        Some(Contradiction {
            role,
            said: words(answer, &place.words),
            model: format!("\"{}\" (\"{}\")", slot.said, slot.text),
            anchor: None,
            matched: std::iter::once(place.verb)
                .chain(place.words.iter().copied())
                .map(|j| answer.word(j).to_owned())
                .collect(),
        })
    }
}

/// The words at `at` of `text`, joined.
pub(super) fn words(text: &PreparedAnswer, at: &[usize]) -> String {
    let words: Vec<&str> = at.iter().map(|&j| text.word(j)).collect();
    words.join(" ")
}
