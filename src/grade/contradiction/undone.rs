//! A thing the model answer says is done, said in the passive not to be done: a model
//! clause that states a deed plainly ("a unique salt is generated for each password and
//! stored next to the hash", "commit the lockfile to the repository") and an answer
//! clause that denies the same verb of the same thing in the passive ("the salt must
//! not be stored next to the hash", "the lockfile should not be committed to the
//! repository", "a missed run is not started at the next boot"). A long answer that is
//! right throughout can bury one such denial; the rubric's concepts all match, and only
//! the polarity of the claim says it is wrong. (An active denial, "the server does not
//! store it", is read by `Claims::denied`; this reads the passive, which it leaves out.)
//!
//! Aligned by verb and by what the clause is about: the answer's participle and the
//! model clause's word share a stem; the answer's clause shares at least
//! [`ANCHORS`] other content words with the model's sentence, one of them not a word of
//! the question, and none with what the rest of the model text is about (its words
//! outside that sentence): a denial of the verb of another thing ("passwords are never
//! stored in plain text" beside "the salt is stored next to the hash") shares too
//! little. Narrow on purpose:
//! - the model clause claims plainly: no negation, limit (*only*, *until*, *without*),
//!   supposition, hedge or comparison, and the model texts never deny the verb;
//! - the answer's denial is a general claim in the present or with a modal (*is not*,
//!   *are never*, *cannot be*, *must not be*, *should not be*, *won't be*): a past one
//!   ("the label was not applied") describes what went wrong, as a diagnosis does;
//! - the answer's clause is plain but for the denial: no limit, supposition, hedge or
//!   comparison (nor a limit or supposition earlier in its sentence: "*without*
//!   Persistent=true, a missed run is not started"), no indirect question ("which step
//!   is not cached"), no manner or time after the participle ("not updated
//!   *automatically*", "not started *again*", "not isolated *network-wise*"), no role
//!   after *as* that the model sentence does not give or that the model texts deny ("not
//!   treated *as equal*" beside "treats NULLs as distinct, since NULL is not equal to
//!   NULL"), and its sentence does not state the verb plainly too;
//! - the model clause's verb is no *-ing* form that describes a noun after an article
//!   ("a *confusing* string" claims no deed that "can't be confused" denies).

use super::{
    ANCHORS, Contradiction, clause_text, compares, content, cue_against, hedged, hedges, is_adverb,
    is_be, limited_beside, not_plain, sentence_stems, shared, supposes,
};
use crate::grade::matcher::PreparedAnswer;
use crate::grade::token::{Class, Token};
use std::sync::Arc;

/// The cues a passive denial starts with.
pub(super) const CUES: &[&str] = &["not", "never", "cannot", "cant", "wont"];

/// A model clause that claims a deed plainly.
struct Deed {
    /// The content stems of its clause, sorted: any of them may be the verb.
    clause: Vec<Arc<str>>,
    /// The content stems of its sentence, sorted.
    sentence: Vec<Arc<str>>,
    /// The content stems of its text outside the sentence, in neither the sentence nor
    /// the question, sorted: what the rest of the model text is about.
    elsewhere: Vec<Arc<str>>,
    text: String,
}

/// The deeds the model texts claim plainly.
#[derive(Default)]
pub(super) struct Done {
    deeds: Vec<Deed>,
    /// The question's stems, sorted.
    asked: Vec<Arc<str>>,
}

/// Whether the words of clause `clause` claim plainly.
fn plain(tokens: &[Token], clause: u32) -> bool {
    !tokens.iter().any(|t| {
        t.place.clause == clause && !t.part && (t.negation || not_plain(&t.norm) || hedges(&t.norm))
    }) && !supposes(tokens, clause)
        && !compares(tokens, clause)
}

/// Words after a participle that deny a manner or a time of the deed, not the deed:
/// "not updated automatically", "not started again", "not isolated network-wise",
/// "don't coordinate well".
pub(crate) fn manner(word: &str) -> bool {
    matches!(
        word,
        "again"
            | "twice"
            | "yet"
            | "anymore"
            | "alone"
            | "first"
            | "separately"
            | "manually"
            | "well"
    ) || word.ends_with("wise")
        || word.len() > 4
            && word.ends_with("ly")
            && !matches!(
                word,
                "apply"
                    | "reply"
                    | "supply"
                    | "multiply"
                    | "comply"
                    | "imply"
                    | "family"
                    | "assembly"
            )
}

/// The modals a passive denial may follow ("must not be stored"); *may*, *might*,
/// *could* and *would* hedge.
fn modal(word: &str) -> bool {
    matches!(word, "can" | "must" | "should" | "will" | "shall")
}

/// The participle that the denial at cue `c` denies in the passive, in the present or
/// with a modal: "is not stored", "are never started", "cannot be invalidated", "must
/// not be committed". A past (*was not*, *has not been*) is left out.
fn participle_denied(answer: &PreparedAnswer, c: usize) -> Option<usize> {
    let tokens = answer.tokens();
    let next = |i: usize| (i + 1..tokens.len()).find(|&j| !tokens[j].part);
    let prev = (0..c).rev().find(|&j| !tokens[j].part);
    let cue = &*tokens[c].norm;
    let mut j = next(c)?;
    while is_adverb(&tokens[j].norm) {
        j = next(j)?;
    }
    let be_next = |j: usize| -> Option<usize> {
        (&*tokens[j].norm == "be").then_some(())?;
        next(j)
    };
    let j = match cue {
        "cannot" | "cant" | "wont" => be_next(j)?,
        "not" | "never" => {
            let b = &*tokens[prev?].norm;
            if matches!(b, "is" | "are" | "am" | "s") {
                j
            } else if modal(b) {
                be_next(j)?
            } else {
                return None;
            }
        }
        _ => return None,
    };
    let token = &tokens[j];
    let participle = token.irregular || token.norm.ends_with("ed");
    (participle
        && content(token)
        && token.class == Class::Word
        && !is_be(&token.norm)
        && token.place.clause == tokens[c].place.clause
        && answer.cue(j) == Some(c))
    .then_some(j)
}

/// Whether token `k` is an *-ing* form that describes the noun after it, after an article
/// and at most one other word ("it is a confusing string", "a single, confusing
/// string"): an adjective, not a deed the clause claims, so "source and target can't be
/// confused" denies nothing it says.
fn attributive(tokens: &[Token], k: usize) -> bool {
    if !tokens[k].norm.ends_with("ing") {
        return false;
    }
    let article = |t: &Token| matches!(&*t.norm, "a" | "an" | "the");
    let mut back = (0..k)
        .rev()
        .filter(|&j| !tokens[j].part)
        .map(|j| &tokens[j]);
    let (one, two) = (back.next(), back.next());
    let next = (k + 1..tokens.len()).find(|&j| !tokens[j].part);
    one.is_some_and(|a| article(a) || (content(a) && two.is_some_and(article)))
        && next.is_some_and(|n| {
            content(&tokens[n]) && tokens[n].place.clause == tokens[k].place.clause
        })
}

/// The first content stem of what follows *as* right after participle `j` in its
/// clause: "not treated *as equal*" gives `equal`, the role the denial is of.
fn as_what(tokens: &[Token], j: usize) -> Option<&Arc<str>> {
    let clause = tokens[j].place.clause;
    let mut rest = (j + 1..tokens.len())
        .filter(|&k| !tokens[k].part)
        .take_while(|&k| tokens[k].place.clause == clause);
    let first = rest.next()?;
    (&*tokens[first].norm == "as")
        .then(|| rest.find(|&k| content(&tokens[k])))
        .flatten()
        .map(|k| &tokens[k].stem)
}

/// The sorted, deduplicated stems of the tokens `keep` picks.
fn stems_where(tokens: &[Token], keep: impl Fn(&Token) -> bool) -> Vec<Arc<str>> {
    let mut out: Vec<Arc<str>> = tokens
        .iter()
        .filter(|t| keep(t))
        .map(|t| t.stem.clone())
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

impl Done {
    /// The deeds `texts` (the model answer and explanation) claim plainly, for a
    /// question whose stems are `asked` (sorted).
    pub(super) fn of(texts: &[&PreparedAnswer], asked: &[Arc<str>]) -> Done {
        let mut deeds = Vec::new();
        for text in texts {
            let tokens = text.tokens();
            let last = tokens.last().map_or(0, |t| t.place.clause + 1);
            for clause in 0..last {
                let Some(first) = tokens.iter().find(|t| t.place.clause == clause) else {
                    continue;
                };
                if !plain(tokens, clause) {
                    continue;
                }
                let s = first.place.sentence;
                let sentence = sentence_stems(tokens, s);
                let elsewhere = stems_where(tokens, |t| {
                    t.place.sentence != s
                        && content(t)
                        && sentence.binary_search(&t.stem).is_err()
                        && asked.binary_search(&t.stem).is_err()
                });
                let mut own: Vec<Arc<str>> = (0..tokens.len())
                    .filter(|&k| {
                        let t = &tokens[k];
                        t.place.clause == clause && content(t) && !attributive(tokens, k)
                    })
                    .map(|k| tokens[k].stem.clone())
                    .collect();
                own.sort_unstable();
                own.dedup();
                deeds.push(Deed {
                    clause: own,
                    sentence,
                    elsewhere,
                    text: clause_text(text, clause),
                });
            }
        }
        Done {
            deeds,
            asked: asked.to_vec(),
        }
    }

    pub(super) fn is_empty(&self) -> bool {
        self.deeds.is_empty()
    }

    /// An answer clause that denies in the passive a deed a model clause claims, of the
    /// same thing; `cues` holds the answer's denying cues, and `negated` the stems the
    /// model texts state under a negation somewhere (sorted): a verb the model answer
    /// denies itself is no deed it claims.
    pub(super) fn denied(
        &self,
        answer: &PreparedAnswer,
        cues: &[usize],
        negated: &[Arc<str>],
    ) -> Option<Contradiction> {
        let tokens = answer.tokens();
        for &c in cues {
            let Some(j) = participle_denied(answer, c) else {
                continue;
            };
            let stem = &tokens[j].stem;
            if negated.binary_search(stem).is_ok()
                || !self
                    .deeds
                    .iter()
                    .any(|d| d.clause.binary_search(stem).is_ok())
            {
                continue;
            }
            let (clause, sentence) = (tokens[c].place.clause, tokens[c].place.sentence);
            // A limit or a supposition earlier in the sentence ("without Persistent=true,
            // a missed run is not started") limits the denial too.
            let opens = tokens[..j].iter().any(|t| {
                t.place.sentence == sentence
                    && !t.part
                    && (not_plain(&t.norm) || matches!(&*t.norm, "if" | "unless" | "whether"))
            });
            // An indirect question or a time ("look at which step is not cached", "when
            // the layer is not cached") asks or supposes; it claims nothing.
            let asks = tokens[..c].iter().any(|t| {
                t.place.clause == clause
                    && !t.part
                    && matches!(
                        &*t.norm,
                        "which" | "what" | "whether" | "where" | "why" | "how" | "who" | "when"
                    )
            });
            if opens
                || asks
                || limited_beside(tokens, clause)
                || hedged(tokens, clause)
                || supposes(tokens, clause)
                || compares(tokens, clause)
            {
                continue;
            }
            // A manner or a time denied, not the deed.
            if (j + 1..tokens.len())
                .filter(|&k| tokens[k].place.clause == clause && !tokens[k].part)
                .any(|k| manner(&tokens[k].norm))
            {
                continue;
            }
            // The sentence states the verb plainly too: two things told apart.
            if tokens.iter().enumerate().any(|(k, t)| {
                t.place.sentence == sentence && k != j && t.stem == *stem && !answer.negated(k)
            }) {
                continue;
            }
            let here = stems_where(tokens, |t| {
                t.place.clause == clause && content(t) && t.stem != *stem
            });
            // A role the model sentence does not give, or denies ("NULLs are not treated
            // as equal" beside "treats NULLs as distinct, since NULL is not equal to
            // NULL"): the denial is of that role, not of the deed.
            let role = as_what(tokens, j);
            let deed = self.deeds.iter().find(|d| {
                if d.clause.binary_search(stem).is_err()
                    || shared(&d.elsewhere, &here) > 0
                    || role.is_some_and(|r| {
                        d.sentence.binary_search(r).is_err() || negated.binary_search(r).is_ok()
                    })
                {
                    return false;
                }
                let common: Vec<&Arc<str>> = here
                    .iter()
                    .filter(|s| d.sentence.binary_search(s).is_ok())
                    .collect();
                common.len() >= ANCHORS
                    && common.iter().any(|s| self.asked.binary_search(s).is_err())
            });
            if let Some(deed) = deed {
                return Some(cue_against(answer, "said not done", c, j, &deed.text));
            }
        }
        None
    }
}
