//! A restriction that no text of the question makes: a right answer with one narrowing
//! claim added ("it can only happen on a multi-core CPU", "this only occurs with
//! spinlocks", "the limit only applies in swarm mode"). An answer that says a thing
//! happens, works or applies *only* on, with or in something the prompt, situation,
//! model answer and explanation never name has added a condition of its own, and such
//! a condition is nearly always a wrong one: what the question is about happens more
//! widely than the learner's guess. A restriction on something the question's texts do
//! name ("name resolution only works on user-defined networks", where the model answer
//! talks of user-defined networks) is the answer's to make, and so is one denied,
//! supposed or said of what could happen (see [`plain_cue`]; the *can* or *could* of
//! "can only happen" is the restriction's own).

use super::absolute::plain_cue;
use super::unsafe_practice::hypothetical;
use crate::grade::contrast::Contradiction;
use crate::grade::matcher::{PreparedAnswer, Vocab};
use crate::grade::token::{Parts, Token, tokenize};
use rust_stemmers::Stemmer;
use std::sync::Arc;

/// Verbs a restriction is said with: "only happens on", "can only occur with".
fn happens(word: &str) -> bool {
    matches!(
        word,
        "happen"
            | "happens"
            | "occur"
            | "occurs"
            | "arise"
            | "arises"
            | "work"
            | "works"
            | "apply"
            | "applies"
    )
}

/// Words that open the condition a restriction names: "only happens *on* NUMA
/// machines", "only *when* two sockets share it".
fn opens_condition(word: &str) -> bool {
    matches!(
        word,
        "on" | "with" | "in" | "under" | "inside" | "across" | "between" | "when" | "if"
    )
}

/// The most content words of a condition that are looked at.
const CONDITION_WORDS: usize = 3;

/// The restrictions a question's texts leave to the answer.
#[derive(Default)]
pub struct Restriction {
    /// The word *only*, interned in the question's vocabulary; `None` when a text of
    /// the question says it itself (a question about what happens only somewhere
    /// leaves no restriction to check).
    only: Option<u32>,
    /// The stems of the content words of the question's texts, sorted.
    stems: Vec<Arc<str>>,
}

impl Restriction {
    /// The restriction check of a question with `texts` (prompt and situation, model
    /// answer and explanation); the word *only* joins `vocab`.
    pub fn new<'a>(
        texts: impl IntoIterator<Item = &'a PreparedAnswer> + Clone,
        stemmer: &Stemmer,
        vocab: &mut Vocab,
    ) -> Restriction {
        let tokens = || {
            texts
                .clone()
                .into_iter()
                .flat_map(|text| text.tokens().iter())
        };
        if tokens().any(|t| &*t.norm == "only" || &*t.norm == "exclusively") {
            return Restriction::default();
        }
        let mut stems: Vec<Arc<str>> = tokens()
            .filter(|t| !t.stop && !t.part)
            .map(|t| t.stem.clone())
            .collect();
        stems.sort_unstable();
        stems.dedup();
        let only = tokenize("only", stemmer, Parts::Skip)
            .into_iter()
            .next()
            .map(|t| vocab.intern_exact(t));
        Restriction { only, stems }
    }

    /// The first restriction to something no text of the question names that `answer`
    /// states plainly.
    pub fn added(&self, answer: &PreparedAnswer) -> Option<Contradiction> {
        let only = self.only?;
        let tokens = answer.tokens();
        // Each *only* of a restriction: the index of the restriction's first word and
        // of its verb.
        let mut cues: Vec<(usize, usize)> = answer
            .tokens_of(only)
            .filter_map(|j| restriction_at(tokens, j))
            .collect();
        if cues.is_empty() {
            return None;
        }
        cues.sort_unstable();
        let firsts: Vec<usize> = cues.iter().map(|&(first, _)| first).collect();
        let cue = |_: usize, _: &[Token], i: usize| {
            cues.iter()
                .find(|&&(first, _)| first == i)
                .map(|&(_, verb)| verb)
        };
        // Each cue stated plainly, in order, until one names what no text names.
        let mut from = 0;
        while let Some(plain) = plain_cue(
            answer,
            1,
            firsts[from..].iter().copied(),
            1,
            cue,
            hypothetical,
        ) {
            if let Some(end) = self.unnamed_condition(tokens, plain.last) {
                let said: Vec<&str> = (plain.first..=end)
                    .filter(|&j| !tokens[j].part)
                    .map(|j| answer.word(j))
                    .collect();
                return Some(Contradiction {
                    role: "added restriction".to_owned(),
                    said: said.join(" "),
                    model: "no such condition: no text of the question names it, and what \
                            the question is about is not limited to it"
                        .to_owned(),
                    anchor: None,
                    matched: vec![answer.word(plain.first).to_owned()],
                });
            }
            from = firsts.iter().position(|&f| f == plain.first)? + 1;
        }
        None
    }

    /// Where the condition after the restriction's verb at `verb` ends (its last content
    /// word looked at), when it has content words and no text of the question names any
    /// of them.
    fn unnamed_condition(&self, tokens: &[Token], verb: usize) -> Option<usize> {
        let clause = tokens[verb].place.clause;
        let mut after = (verb + 1..tokens.len())
            .filter(|&k| !tokens[k].part)
            .take_while(|&k| tokens[k].place.clause == clause);
        let opener = after.next()?;
        if !opens_condition(&tokens[opener].norm) {
            return None;
        }
        let mut last = None;
        for k in after
            .filter(|&k| !tokens[k].stop && !tokens[k].negation)
            .take(CONDITION_WORDS)
        {
            if self.stems.binary_search(&tokens[k].stem).is_ok() {
                return None;
            }
            last = Some(k);
        }
        last
    }
}

/// The restriction whose *only* is at `j`: "(can) only happen(s)", "happens only",
/// "can happen only"; the index of its first word (a *can* or *could* before it is
/// its own) and of its verb.
fn restriction_at(tokens: &[Token], j: usize) -> Option<(usize, usize)> {
    let word = |k: usize| tokens.get(k).filter(|t| !t.part).map(|t| &*t.norm);
    let modal = |k: Option<usize>| {
        k.and_then(|k| word(k).map(|w| (k, w)))
            .filter(|(_, w)| matches!(*w, "can" | "could"))
            .map(|(k, _)| k)
    };
    if word(j + 1).is_some_and(happens) {
        let first = modal(j.checked_sub(1)).unwrap_or(j);
        return Some((first, j + 1));
    }
    let verb = j.checked_sub(1).filter(|&k| word(k).is_some_and(happens))?;
    let first = modal(verb.checked_sub(1)).unwrap_or(verb);
    Some((first, j))
}
