//! Another doer in the model's place: a model clause says who does a thing ("the
//! server puts a fresh nonce in the header", "the scheduler renamed the old log"), and
//! an answer clause says that someone else does it, someone the model answer names as
//! the doer of another part of the story, while the answer gives the model's doer
//! another deed ("the browser puts a random nonce on each script, and the server
//! checks it", where the model answer says the browser *executes* the scripts). The two
//! parties of the story are turned round in one claim: a right answer otherwise, with
//! one wrong claim in it.
//!
//! Read as subject, verb and object. A *deed* is an active verb in the past or in the
//! third person (*puts*, *renamed*, *kept*) with an object right after it (a
//! determiner, *it*, a word or a code token, past *only*, *back*, ...; a preposition
//! there says where a thing is, as many things are), no form of *be* before it (a
//! passive says what is done to a thing, not who does it) and a thing right before it
//! as its doer: content words that open their clause, or the part of it after *and*,
//! *or*, *then* or a word that opens a clause, a determiner at most before them. The
//! answer's deed contradicts the model's when:
//! - the model answer gives the verb (its stem) a doer in a deed of its own, and no
//!   word of the answer's doer is a word of any of those doers, nor is said in any
//!   model clause with the verb at all (a passive "put there by the browser" makes it
//!   the browser's);
//! - the answer's doer shares a word with the doer of another verb in the model answer
//!   (a party of the story, not a paraphrase: "the daemon" for "Docker" names no party
//!   the model answer has), and the model's doer is the doer of a deed of another verb
//!   in the answer (the answer turns the two round, rather than naming one actor for
//!   another: "Docker runs the check" where the model answer says the healthcheck runs
//!   it; the model's doer doing the same as well shares the verb out, it does not take
//!   it away);
//! - the answer's clause shares a content word with the model's clause, verbs and
//!   parties aside (the same thing done), and names none of the model doer's words;
//! - no other model deed of the verb, about the same thing (a content word shared with
//!   the answer's clause), has a doer the answer names nowhere: the answer's doer may
//!   be that doer's other name;
//! - the model's doer does not tell the answer's doer what to do (a deed of its with the
//!   answer's doer for object: "HEALTHCHECK tells Docker how to test ...; Docker runs
//!   the given command", the answer's doer acting for it);
//! - it says so plainly: not negated, supposed, hedged, comparing or setting one thing
//!   against another (*instead*, *rather*, *not*).
//!
//! Not read this way: who a thing is done *by* in the passive ("managed by the
//! daemon", "checked too"), where right answers give one verb many subjects, as the
//! dropped attempt of `means` found.

use super::means::{
    after, before, between, participle, passive_be, stated_plainly, stems, thing_before, words,
};
use super::{Contradiction, clause_text, content};
use crate::grade::matcher::PreparedAnswer;
use crate::grade::token::{Class, Token, starts_clause};
use crate::lang::is_determiner;
use std::sync::Arc;

/// A deed of the model answer: who does what, and where it says so.
pub(super) struct Deed {
    /// The verb's stem, and its word as written.
    pub(super) stem: Arc<str>,
    pub(super) word: Arc<str>,
    /// The doer's content stems, sorted.
    doer: Vec<Arc<str>>,
    /// The content stems of its clause, verb and doer aside, sorted.
    rest: Vec<Arc<str>>,
    /// The doer's words and its clause, for the breakdown.
    said: String,
    text: String,
}

/// The deeds of the model answer, and the content stems of each model clause that
/// holds one of their verbs in any construction.
#[derive(Default)]
pub(super) struct Deeds {
    pub(super) deeds: Vec<Deed>,
    /// A deed's verb stem, and the sorted content stems of a model clause with it.
    uses: Vec<(Arc<str>, Vec<Arc<str>>)>,
}

/// Whether a word looks like a finite verb of a deed: a third-person *-s* form or a
/// past (*-ed*, or irregular).
fn finite(token: &Token) -> bool {
    let norm = &*token.norm;
    participle(token)
        || norm.len() > 3
            && norm.ends_with('s')
            && !norm.ends_with("ss")
            && !norm.ends_with("us")
            && !norm.ends_with("is")
}

/// The doer of the verb at `i`, when the words around it make it a deed: its tokens
/// (content words opening the clause right before the verb, adverbs and auxiliaries
/// between, none of them *be*).
fn deed_at(tokens: &[Token], i: usize) -> Option<Vec<usize>> {
    let verb = &tokens[i];
    if verb.part || verb.glued || verb.class != Class::Word || !content(verb) || !finite(verb) {
        return None;
    }
    // A deed has an object right after its verb: a determiner or a word (not a
    // number). A preposition there ("exists in RAM", "lives on disk") says where a
    // thing is, which many things are; a passive's *by*, a form of *be* or an auxiliary
    // (a noun before a verb: "server logs are") makes it no deed either.
    let mut next = after(tokens, i)?;
    while matches!(
        &*tokens[next].norm,
        "only" | "just" | "back" | "also" | "still"
    ) {
        next = after(tokens, next)?;
    }
    let next = &tokens[next];
    let object = is_determiner(&next.norm)
        || matches!(&*next.norm, "it" | "them")
        || next.class == Class::Code
        || next.class == Class::Word && content(next);
    if !object || crate::lang::is_auxiliary(&next.norm) {
        return None;
    }
    let mut first = i;
    while let Some(j) = before(tokens, first).filter(|&j| between(&tokens[j].norm)) {
        if passive_be(&tokens[j].norm) {
            return None;
        }
        first = j;
    }
    let doer = thing_before(tokens, first);
    let (&start, &head) = (doer.first()?, doer.last()?);
    if tokens[start].place.clause != verb.place.clause || tokens[head].class != Class::Word {
        return None;
    }
    // The doer opens its clause, or a part of it after *and*, *or*, *then* or a word
    // that opens a clause (*but*, *while*, *so*, ...): a determiner at most between.
    let mut at = before(tokens, start);
    while let Some(j) = at {
        let word = &*tokens[j].norm;
        if starts_clause(word) || matches!(word, "and" | "or" | "then") {
            break;
        }
        if !is_determiner(word) {
            return None;
        }
        at = before(tokens, j);
    }
    Some(doer)
}

/// Whether the object right after the verb at `i` (its content words, after a
/// determiner at most) is the doer `doer` (sorted stems): every word of it one of the
/// doer's ("tells Docker", not "shares the host's network" for *host*).
fn object_is(tokens: &[Token], i: usize, doer: &[Arc<str>]) -> bool {
    let mut at = after(tokens, i);
    while let Some(j) = at.filter(|&j| is_determiner(&tokens[j].norm)) {
        at = after(tokens, j);
    }
    let mut named = false;
    while let Some(j) = at.filter(|&j| content(&tokens[j])) {
        if doer.binary_search(&tokens[j].stem).is_err() {
            return false;
        }
        named = true;
        at = after(tokens, j);
    }
    named
}

/// The content stems of clause `clause` of `tokens`, those at `aside` left out, sorted.
fn rest_of(tokens: &[Token], clause: u32, aside: &[usize]) -> Vec<Arc<str>> {
    let mut out: Vec<Arc<str>> = tokens
        .iter()
        .enumerate()
        .filter(|&(j, t)| t.place.clause == clause && content(t) && !aside.contains(&j))
        .map(|(_, t)| t.stem.clone())
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

impl Deeds {
    /// The deeds `texts` (the model answer and explanation) state plainly.
    pub(super) fn of(texts: &[&PreparedAnswer]) -> Deeds {
        let mut deeds = Vec::new();
        for text in texts {
            let tokens = text.tokens();
            for i in 0..tokens.len() {
                if text.negated(i) {
                    continue;
                }
                let Some(doer) = deed_at(tokens, i) else {
                    continue;
                };
                let clause = tokens[i].place.clause;
                let aside: Vec<usize> = doer.iter().copied().chain([i]).collect();
                deeds.push(Deed {
                    stem: tokens[i].stem.clone(),
                    word: tokens[i].norm.clone(),
                    doer: stems(tokens, &doer),
                    rest: rest_of(tokens, clause, &aside),
                    said: words(text, &doer),
                    text: clause_text(text, clause),
                });
            }
        }
        let mut uses = Vec::new();
        for text in texts {
            let tokens = text.tokens();
            for token in tokens {
                if deeds.iter().any(|d| d.stem == token.stem) {
                    let clause = rest_of(tokens, token.place.clause, &[]);
                    uses.push((token.stem.clone(), clause));
                }
            }
        }
        Deeds { deeds, uses }
    }

    /// An answer clause that gives a verb of `at` (the answer's words of the deeds'
    /// verbs) a doer the model answer gives another verb, where it gives this one
    /// another doer.
    pub(super) fn swapped(&self, answer: &PreparedAnswer, at: &[usize]) -> Option<Contradiction> {
        let tokens = answer.tokens();
        for &i in at {
            if !stated_plainly(answer, i) {
                continue;
            }
            let Some(doer) = deed_at(tokens, i) else {
                continue;
            };
            if let Some(hit) = self.against(answer, i, &doer) {
                return Some(hit);
            }
        }
        None
    }

    /// The contradiction of the answer's deed at `i` by `doer`, if the model answer
    /// gives its verb only other doers, and this doer another verb.
    fn against(&self, answer: &PreparedAnswer, i: usize, doer: &[usize]) -> Option<Contradiction> {
        let tokens = answer.tokens();
        let verb = &tokens[i].stem;
        let theirs = stems(tokens, doer);
        let shares = |a: &[Arc<str>]| a.iter().any(|s| theirs.binary_search(s).is_ok());
        let mut same = self.deeds.iter().filter(|d| d.stem == *verb).peekable();
        same.peek()?;
        if self
            .deeds
            .iter()
            .any(|d| d.stem == *verb && shares(&d.doer))
            || self.uses.iter().any(|(s, c)| s == verb && shares(c))
            || !self
                .deeds
                .iter()
                .any(|d| d.stem != *verb && shares(&d.doer))
        {
            return None;
        }
        // The model's doer is a party of the answer too, doing something else: the
        // answer has turned the two round, not merely named another actor. One that
        // does the same thing as well ("debounce runs the handler once ...; throttle
        // runs it once per interval") shares the verb out, it does not take it away.
        // The parties' words say nothing of what is done.
        let deeds: Vec<(usize, Vec<usize>)> = (0..tokens.len())
            .filter(|&j| j != i)
            .filter_map(|j| deed_at(tokens, j).map(|p| (j, p)))
            .collect();
        let clause = tokens[i].place.clause;
        let aside: Vec<usize> = deeds
            .iter()
            .flat_map(|(_, p)| p)
            .chain(doer)
            .copied()
            .chain([i])
            .collect();
        let rest = rest_of(tokens, clause, &aside);
        let parties: Vec<Vec<Arc<str>>> = deeds
            .iter()
            .filter(|(j, _)| tokens[*j].stem != *verb)
            .map(|(_, p)| stems(tokens, p))
            .collect();
        let named: Vec<Vec<Arc<str>>> = deeds.iter().map(|(_, p)| stems(tokens, p)).collect();
        let said_of = |d: &Deed| super::shared(&d.rest, &rest) > 0;
        // A model deed of this verb, about the same thing, by a doer the answer names
        // nowhere: the answer's doer may be its other name ("columnar storage reads only
        // those columns" for "the engine reads only those columns").
        if same
            .clone()
            .any(|d| said_of(d) && !named.iter().any(|p| super::shared(&d.doer, p) > 0))
        {
            return None;
        }
        let deed = same.find(|d| {
            said_of(d)
                && super::shared(&d.doer, &rest) == 0
                && parties.iter().any(|p| super::shared(&d.doer, p) > 0)
        })?;
        // The model's doer telling the answer's doer what to do ("HEALTHCHECK tells
        // Docker how to test ...; Docker runs the given command"): the answer's doer
        // acts for it, the two are not turned round.
        if deeds.iter().any(|(j, p)| {
            super::shared(&deed.doer, &stems(tokens, p)) > 0 && object_is(tokens, *j, &theirs)
        }) {
            return None;
        }
        Some(Contradiction {
            role: format!("who {}", tokens[i].norm),
            said: words(answer, doer),
            model: format!("\"{}\" (\"{}\")", deed.said, deed.text),
            anchor: None,
            matched: doer
                .iter()
                .copied()
                .chain([i])
                .map(|j| answer.word(j).to_owned())
                .collect(),
        })
    }
}
