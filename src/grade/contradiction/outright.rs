//! A thing the model answer relies on, denied outright: an answer that says there is
//! *no* X *at all*, that a thing works *without any* X, that it *never* loses *a single*
//! one, or *not even* X, where the model answer (or the explanation) states X plainly
//! and never under a negation ("copytruncate ... at the risk of losing a few lines"
//! against "copytruncate never loses a single line"; "raise nf_conntrack_max in line
//! with memory" against "raising it costs no memory at all"). Such a denial is
//! emphatic on purpose: it says the model's thing is absent altogether, so it is a
//! claim against the model answer, not a detail left out.
//!
//! Narrow on purpose: only the emphatic forms (*without any*, *without a single*, *no
//! X at all*, *no X whatsoever*, *never V a single* or *any*, *not a single*, *not
//! any*, *not even*), whose denied word is a content word right after the cue (for
//! *never*, the verb); an answer sentence that supposes (*if*, *unless*, *whether*),
//! hedges (*would*, *might*) or reports a belief (*myth*, *misconception*, *think*,
//! *wrong*) says no such thing. On the model side the word must stand in a part of a
//! sentence (a sentence, or the half of it before or after a colon) with no negation,
//! and in no part with one: a word the model answer denies somewhere ("not even
//! loopback") is the answer's to deny too. The model texts are read once when the
//! question is compiled; the rule looks only where an answer says *no*, *not*,
//! *never* or *without*.

use super::whole::next_in_sentence;
use super::{Contradiction, clause_text, content, sentence_stems, sentence_text, supposes};
use crate::grade::matcher::PreparedAnswer;
use crate::grade::token::Token;
use std::sync::Arc;

/// The words that open an emphatic denial; an answer word of one of them starts the
/// rule.
pub(super) const CUES: [&str; 4] = ["no", "not", "never", "without"];

/// A model sentence that states words plainly.
struct Sentence {
    /// Its content stems, sorted.
    stems: Vec<Arc<str>>,
    /// Those that are not the question's, sorted: an answer sentence that names none of
    /// them (the denied word aside) is about another thing.
    anchors: Vec<Arc<str>>,
    text: String,
}

/// What the model texts state plainly and nowhere deny.
#[derive(Default)]
pub(super) struct Relied {
    /// Each stem stated plainly, with the index of a sentence in `sentences` that
    /// states it, sorted; a stem may be stated by several sentences.
    stated: Vec<(Arc<str>, usize)>,
    sentences: Vec<Sentence>,
    /// The stems of the one-word members of the contrast sets, sorted.
    members: &'static [Arc<str>],
}

/// Words of a sentence that report a belief or a mistake rather than claim a thing
/// ("it's a myth that there is no loopback at all").
fn reports(word: &str) -> bool {
    matches!(
        word,
        "belief"
            | "believe"
            | "believes"
            | "myth"
            | "misconception"
            | "think"
            | "thinks"
            | "thought"
            | "assume"
            | "assumes"
            | "mistake"
            | "mistaken"
            | "wrong"
            | "would"
            | "might"
            | "could"
    )
}

/// Words before *no* that give a thing's makeup rather than an object of a verb.
fn makeup(word: &str) -> bool {
    matches!(
        word,
        "has" | "have" | "had" | "having" | "with" | "there" | "gets" | "get" | "got"
    )
}

/// Whether the words after `i` are `words`, in order; the index of the last one.
fn followed_by(tokens: &[Token], i: usize, words: &[&str]) -> Option<usize> {
    let mut at = i;
    for w in words {
        at = next_in_sentence(tokens, at).filter(|&j| &*tokens[j].norm == *w)?;
    }
    Some(at)
}

/// The word an emphatic denial opened by cue `i` denies, if it is one.
fn denied(tokens: &[Token], i: usize) -> Option<usize> {
    let after =
        |words: &[&str]| followed_by(tokens, i, words).and_then(|k| next_in_sentence(tokens, k));
    let word = match &*tokens[i].norm {
        "without" => after(&["any"]).or_else(|| after(&["a", "single"]))?,
        "not" => after(&["any"])
            .or_else(|| after(&["a", "single"]))
            .or_else(|| {
                let mut j = followed_by(tokens, i, &["even"])?;
                j = next_in_sentence(tokens, j)?;
                if crate::lang::is_determiner(&tokens[j].norm) {
                    j = next_in_sentence(tokens, j)?;
                }
                Some(j)
            })?,
        "no" => {
            // A thing's makeup ("there is no isolation at all", "it has no shell at
            // all") is what right answers paraphrase of a contrast; a verb's object
            // ("costs no memory at all") is a claim of its own.
            let verb = (0..i)
                .rev()
                .find(|&k| !tokens[k].part)
                .filter(|&k| tokens[k].place.clause == tokens[i].place.clause)?;
            if !content(&tokens[verb]) || makeup(&tokens[verb].norm) {
                return None;
            }
            let j = next_in_sentence(tokens, i)?;
            (followed_by(tokens, j, &["at", "all"]).is_some()
                || followed_by(tokens, j, &["whatsoever"]).is_some())
            .then_some(j)?
        }
        "never" => {
            let j = next_in_sentence(tokens, i)?;
            (followed_by(tokens, j, &["a", "single"]).is_some()
                || followed_by(tokens, j, &["any"]).is_some())
            .then_some(j)?
        }
        _ => return None,
    };
    content(&tokens[word]).then_some(word)
}

impl Relied {
    /// The words `texts` (the model answer and explanation) state plainly and nowhere
    /// deny, for a question that asks `asked` (sorted stems); `members` are the stems
    /// of the contrast sets' one-word members, sorted.
    pub(super) fn of(
        texts: &[&PreparedAnswer],
        asked: &[Arc<str>],
        members: &'static [Arc<str>],
    ) -> Relied {
        let mut stated: Vec<(Arc<str>, usize)> = Vec::new();
        let mut sentences: Vec<Sentence> = Vec::new();
        let mut denied: Vec<Arc<str>> = Vec::new();
        for text in texts {
            let tokens = text.tokens();
            let clauses = tokens.last().map_or(0, |t| t.place.clause as usize + 1);
            let mut negative = vec![false; clauses];
            for t in tokens.iter().filter(|t| !t.part) {
                if t.negation || &*t.norm == "zero" {
                    negative[t.place.clause as usize] = true;
                }
            }
            // The index in `sentences` of each sentence of this text, once it states a
            // word plainly.
            let mut index: Vec<Option<usize>> = Vec::new();
            for (i, t) in tokens.iter().enumerate() {
                if !content(t) {
                    continue;
                }
                if negative[t.place.clause as usize] || text.negated(i) {
                    denied.push(t.stem.clone());
                    continue;
                }
                let sentence = t.place.sentence as usize;
                if index.len() <= sentence {
                    index.resize(sentence + 1, None);
                }
                let at = *index[sentence].get_or_insert_with(|| {
                    let stems = sentence_stems(tokens, t.place.sentence);
                    let anchors = stems
                        .iter()
                        .filter(|s| asked.binary_search(s).is_err())
                        .cloned()
                        .collect();
                    sentences.push(Sentence {
                        stems,
                        anchors,
                        text: sentence_text(text, t.place.sentence),
                    });
                    sentences.len() - 1
                });
                stated.push((t.stem.clone(), at));
            }
        }
        denied.sort_unstable();
        denied.dedup();
        stated.retain(|(s, _)| denied.binary_search(s).is_err());
        stated.sort_unstable();
        stated.dedup();
        Relied {
            stated,
            sentences,
            members,
        }
    }

    /// Whether an answer sentence of stems `said` is about another member of a contrast
    /// set than the model sentence of stems `model` (both sorted): each names a member
    /// the other does not ("with host there is no isolation at all" against "bridge
    /// gives the container an isolated network").
    fn another_member(&self, said: &[Arc<str>], model: &[Arc<str>]) -> bool {
        let member = |s: &Arc<str>| self.members.binary_search(s).is_ok();
        let only = |a: &[Arc<str>], b: &[Arc<str>]| {
            a.iter().any(|s| member(s) && b.binary_search(s).is_err())
        };
        only(said, model) && only(model, said)
    }

    /// Whether the model texts state nothing plainly.
    pub(super) fn is_empty(&self) -> bool {
        self.stated.is_empty()
    }

    /// The first answer clause that denies outright a thing the model texts state;
    /// `at` holds the answer's words of [`CUES`]' stems.
    pub(super) fn denied(&self, answer: &PreparedAnswer, at: &[usize]) -> Option<Contradiction> {
        let tokens = answer.tokens();
        for &i in at {
            let cue = &tokens[i];
            if cue.part || !CUES.contains(&&*cue.norm) {
                continue;
            }
            let Some(j) = denied(tokens, i) else {
                continue;
            };
            // "No X at all" is the loosest of the forms (a thing's absence, which right
            // answers also say of a thing beside the model's): its sentence must share
            // two words with the model's.
            let need = if &*cue.norm == "no" { 2 } else { 1 };
            let stem = &tokens[j].stem;
            let from = self.stated.partition_point(|(s, _)| s < stem);
            let said = sentence_stems(tokens, cue.place.sentence);
            let Some(found) = self.stated[from..]
                .iter()
                .take_while(|(s, _)| s == stem)
                .map(|&(_, at)| &self.sentences[at])
                .find(|s| {
                    said.iter()
                        .filter(|w| *w != stem && s.anchors.binary_search(w).is_ok())
                        .count()
                        >= need
                        && !self.another_member(&said, &s.stems)
                })
            else {
                continue;
            };
            let sentence = cue.place.sentence;
            let reported = tokens
                .iter()
                .any(|t| t.place.sentence == sentence && !t.part && reports(&t.norm));
            let clauses = tokens
                .iter()
                .filter(|t| t.place.sentence == sentence)
                .map(|t| t.place.clause);
            let supposed = clauses.clone().any(|c| supposes(tokens, c));
            if reported || supposed {
                continue;
            }
            return Some(Contradiction::quoting(
                "denied outright",
                clause_text(answer, cue.place.clause),
                &found.text,
                vec![answer.word(i).to_owned(), answer.word(j).to_owned()],
            ));
        }
        None
    }
}
