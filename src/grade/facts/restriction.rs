//! A restriction that no text of the question makes: a right answer with one narrowing
//! claim added ("it can only happen on a multi-core CPU", "this only occurs with
//! spinlocks", "the limit only applies in swarm mode"). An answer that says a thing
//! happens, works, applies, holds or exists *only* on, with, in, through, to or since
//! something, or only while something is so ("applies to swap only", "only holds while
//! the queue is empty", "only exists since version 5"), where that something has a
//! word the prompt, situation, model answer and explanation never use, has added a
//! condition of its own, and such a condition is nearly always a wrong one: what the
//! question is about happens more widely than the learner's guess. A word of its own
//! is enough: a condition partly named narrows a thing of the question's to a kind
//! of it ("git bisect only works on a linear history" where the texts talk of the
//! history and of git bisect), when the thing restricted is the question's too (a word
//! of it named, or a pronoun) and the unnamed word is no filler (*case*, *way*). A
//! restriction on something the question's texts name word for word
//! ("name resolution only works on user-defined networks", where the model answer
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
            | "hold"
            | "holds"
            | "exist"
            | "exists"
    )
}

/// Words that open the condition a restriction names: "only happens *on* NUMA
/// machines", "only *when* two sockets share it", "only works *through* a tunnel",
/// "applies *to* reads only", "only holds *while* the disk is idle", "only exists
/// *since* version 3".
fn opens_condition(word: &str) -> bool {
    matches!(
        word,
        "on" | "with"
            | "in"
            | "under"
            | "inside"
            | "across"
            | "between"
            | "when"
            | "if"
            | "while"
            | "through"
            | "via"
            | "over"
            | "to"
            | "since"
    )
}

/// Nouns that name no thing of their own, so narrow nothing in a condition: "only
/// works in the same-folder case".
fn filler(word: &str) -> bool {
    matches!(
        word,
        "case"
            | "cases"
            | "situation"
            | "situations"
            | "scenario"
            | "scenarios"
            | "circumstance"
            | "circumstances"
            | "setup"
            | "setups"
            | "way"
            | "ways"
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
        // Each *only* of a restriction: the index of the restriction's first word, of
        // its verb and of the *only*.
        let mut cues: Vec<(usize, usize, usize)> = answer
            .tokens_of(only)
            .filter_map(|j| restriction_at(tokens, j).map(|(first, verb)| (first, verb, j)))
            .collect();
        if cues.is_empty() {
            return None;
        }
        cues.sort_unstable();
        let firsts: Vec<usize> = cues.iter().map(|&(first, ..)| first).collect();
        let at = |i: usize| cues.iter().find(|&&(first, ..)| first == i);
        let cue = |_: usize, _: &[Token], i: usize| at(i).map(|&(_, verb, _)| verb);
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
            if let Some(unnamed) = self.unnamed_condition(tokens, plain.last) {
                // "applies to swap only" is said up to its *only*.
                let end = at(plain.first).map_or(unnamed.last, |&(.., j)| unnamed.last.max(j));
                let said: Vec<&str> = (plain.first..=end)
                    .filter(|&j| !tokens[j].part)
                    .map(|j| answer.word(j))
                    .collect();
                return Some(Contradiction {
                    role: "added restriction".to_owned(),
                    said: said.join(" "),
                    model: format!(
                        "no such condition: no text of the question names {}, and what the \
                         question is about is not limited to it",
                        unnamed.words(answer)
                    ),
                    anchor: None,
                    matched: vec![answer.word(plain.first).to_owned()],
                });
            }
            from = firsts.iter().position(|&f| f == plain.first)? + 1;
        }
        None
    }

    /// The condition after the restriction's verb at `verb`, when it has a content word
    /// (of the first [`CONDITION_WORDS`]) that no text of the question names.
    fn unnamed_condition(&self, tokens: &[Token], verb: usize) -> Option<Unnamed> {
        let opener = (verb + 1..tokens.len()).find(|&k| !tokens[k].part)?;
        // *While* and *since* open a clause of their own: the condition is that clause.
        let clause = tokens[opener].place.clause;
        let own_clause = matches!(&*tokens[opener].norm, "while" | "since");
        if clause != tokens[verb].place.clause && !own_clause
            || !opens_condition(&tokens[opener].norm)
        {
            return None;
        }
        let after = (opener + 1..tokens.len())
            .filter(|&k| !tokens[k].part)
            .take_while(|&k| tokens[k].place.clause == clause);
        let mut last = None;
        let mut unnamed = Vec::new();
        let mut after_count = 0;
        for k in after
            .filter(|&k| !tokens[k].stop && !tokens[k].negation)
            .take(CONDITION_WORDS)
        {
            after_count += 1;
            if !self.named(tokens, k) && !filler(&tokens[k].norm) {
                unnamed.push(k);
            }
            last = Some(k);
        }
        // A condition partly named narrows a thing of the question's to a kind of it
        // that no text names ("a *linear* history", "regexes that *use
        // backreferences*", "bash *5.2*"): the narrowing is the answer's own, when
        // what it narrows is the question's too.
        let partly = unnamed.len() < after_count;
        if unnamed.is_empty() || partly && !self.subject_named(tokens, verb) {
            return None;
        }
        Some(Unnamed {
            last: last?,
            words: unnamed,
        })
    }

    /// Whether the thing the restriction whose verb is at `verb` is said of is the
    /// question's: a content word before the verb in its clause that a text names, or
    /// none at all ("it only works if ..."). A thing the answer brings in itself
    /// ("SNAT only applies to outgoing traffic", where the texts talk of NAT) is an
    /// aside the texts leave open.
    fn subject_named(&self, tokens: &[Token], verb: usize) -> bool {
        let clause = tokens[verb].place.clause;
        let mut words = (0..verb)
            .rev()
            .filter(|&k| !tokens[k].part)
            .take_while(|&k| tokens[k].place.clause == clause)
            .filter(|&k| {
                let t = &tokens[k];
                !t.stop && !t.negation && !matches!(&*t.norm, "only" | "can" | "could")
            })
            .peekable();
        words.peek().is_none() || words.any(|k| self.named(tokens, k))
    }

    /// Whether a text of the question names the word at `k`. A piece of a word written
    /// with hyphens is named with its word: when a text writes the word whole, or
    /// every piece of it that is no stop word ("multi-core" is not named by
    /// "single-core", though both say "core").
    fn named(&self, tokens: &[Token], k: usize) -> bool {
        let has = |k: usize| self.stems.binary_search(&tokens[k].stem).is_ok();
        if !tokens[k].glued {
            return has(k);
        }
        let piece = |j: &usize| tokens[*j].glued && !tokens[*j].part;
        let first = (0..k).rev().take_while(piece).last().unwrap_or(k);
        let whole = first
            .checked_sub(1)
            .filter(|&w| tokens[w].part && tokens[w].place == tokens[k].place);
        whole.is_some_and(has)
            || (first..tokens.len())
                .take_while(piece)
                .all(|j| tokens[j].stop || has(j))
    }
}

/// A condition with words no text of the question names.
struct Unnamed {
    /// The index of the condition's last content word looked at.
    last: usize,
    /// The indices of its content words that no text names.
    words: Vec<usize>,
}

impl Unnamed {
    /// The words no text names, as the answer writes them, quoted: `"linear"`,
    /// `"steps" or "build"`.
    fn words(&self, answer: &PreparedAnswer) -> String {
        let words: Vec<String> = self
            .words
            .iter()
            .map(|&k| format!("\"{}\"", answer.word(k)))
            .collect();
        words.join(" or ")
    }
}

/// The restriction whose *only* is at `j`: "(can) only happen(s)", "happens only",
/// "can happen only", "applies to reads only" (at most [`CONDITION_WORDS`] words of a
/// condition between); the index of its first word (a *can* or *could* before it is
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
    let clause = tokens[j].place.clause;
    let before = (0..j)
        .rev()
        .filter(|&k| !tokens[k].part)
        .take_while(|&k| tokens[k].place.clause == clause)
        .take(CONDITION_WORDS + 2);
    let verb = before
        .filter(|&k| word(k).is_some_and(happens))
        .find(|&k| k + 1 == j || word(k + 1).is_some_and(opens_condition))?;
    let first = modal(verb.checked_sub(1)).unwrap_or(verb);
    // "happens only under load": the condition follows the *only*; "applies to reads
    // only": it follows the verb.
    Some((first, if verb + 1 == j { j } else { verb }))
}
