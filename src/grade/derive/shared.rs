//! A negation an answer shares with a derived rubric's model answer, said in another
//! word order: "CPU-bound threads do not run in parallel" answered "no parallel
//! CPU-bound threads", or "blocks are never overwritten" answered "ZFS never overwrites
//! blocks". The answer's cue reaches words the model answer says before its own cue,
//! plainly, so a derived rubric counted them as negated here and stated plainly there,
//! and a right answer lost their weight (and its terse reading, which refuses a word
//! said the other way round).
//!
//! A **shared negation** pairs a concept the model answer states plainly with a negated
//! concept (`not parallel`) of the same model clause. In an answer, the plain concept's
//! word under a cue that also governs (or is) the negated concept's match counts as
//! said plainly: the answer denies what the model answer denies, of the same things.
//! Only derived rubrics are read: an author's keyword under a negation is the author's
//! call. Where the model answer says the word both ways in different clauses ("moves
//! ownership ... borrows without taking ownership"), nothing is paired: which way the
//! answer means it is not told by word order.

use crate::bank::Rubric;
use crate::grade::ConceptResult;
use crate::grade::compile::Matcher;
use crate::grade::matcher::{Pattern, Polarity, PreparedAnswer, Vocab};

/// The model answer's shared negations, ready to check answers against.
#[derive(Debug, Default)]
pub struct SharedNegations {
    /// Pairs of concepts (by index): one stated plainly, one negated, in one clause of
    /// the model answer.
    pairs: Vec<(usize, usize)>,
}

/// The patterns of a derived concept (an `any`), or none.
fn patterns(matcher: &Matcher) -> &[Pattern] {
    match matcher {
        Matcher::Any(patterns) => patterns,
        Matcher::All { .. } => &[],
    }
}

impl SharedNegations {
    /// The shared negations of `model`, a derived `rubric`'s model answer, prepared;
    /// `concepts` are the rubric's, compiled.
    pub fn new(
        rubric: &Rubric,
        concepts: &[Matcher],
        model: &PreparedAnswer,
        vocab: &Vocab,
    ) -> SharedNegations {
        let tokens = model.tokens();
        // The clauses in which the model answer states each concept in its own polarity.
        let clauses: Vec<(Option<Polarity>, Vec<u32>)> = concepts
            .iter()
            .take(rubric.concepts.len())
            .map(|matcher| {
                let patterns = patterns(matcher);
                let Some(first) = patterns.first() else {
                    return (None, Vec::new());
                };
                let mut found: Vec<u32> = patterns
                    .iter()
                    .flat_map(|p| model.all(p, vocab))
                    .filter(|(_, counts)| *counts)
                    .flat_map(|(f, _)| f.tokens)
                    .map(|t| tokens[t].place.clause)
                    .collect();
                found.sort_unstable();
                found.dedup();
                (Some(first.polarity), found)
            })
            .collect();
        let mut pairs = Vec::new();
        for (p, (polarity, at)) in clauses.iter().enumerate() {
            if *polarity != Some(Polarity::Plain) {
                continue;
            }
            for (n, (other, there)) in clauses.iter().enumerate() {
                if *other == Some(Polarity::Negated) && at.iter().any(|c| there.contains(c)) {
                    pairs.push((p, n));
                }
            }
        }
        SharedNegations { pairs }
    }

    /// Counts as found each concept of `results` that `answer` says only under a cue
    /// that its paired negated concept, found, is said under too.
    pub fn apply(
        &self,
        results: &mut [ConceptResult],
        concepts: &[Matcher],
        answer: &PreparedAnswer,
        vocab: &Vocab,
    ) {
        for &(p, n) in &self.pairs {
            if !results[p].negated || results[p].matched.is_some() || results[n].matched.is_none() {
                continue;
            }
            // The cues the negated concept's match is said under (a cue of its own
            // words, "no parallel", or the one that governs them).
            let mut cues: Vec<usize> = Vec::new();
            for (found, counts) in patterns(&concepts[n])
                .iter()
                .flat_map(|q| answer.all(q, vocab))
            {
                if counts {
                    for t in found.tokens {
                        cues.push(answer.cue(t).unwrap_or(t));
                    }
                }
            }
            let shared = patterns(&concepts[p])
                .iter()
                .flat_map(|q| answer.all(q, vocab))
                .find(|(found, counts)| {
                    !counts
                        && found.negated
                        && found
                            .tokens
                            .iter()
                            .filter_map(|&t| answer.cue(t))
                            .all(|c| cues.contains(&c))
                });
            if let Some((found, _)) = shared {
                let note = format!(
                    "under the negation the model answer makes too (`{}`)",
                    results[n].label
                );
                let result = &mut results[p];
                result.matched = Some(
                    found
                        .tokens
                        .iter()
                        .filter(|&&t| answer.cue(t).is_some())
                        .map(|&t| answer.word(t).to_owned())
                        .collect(),
                );
                result.negated = false;
                result.note = Some(note);
            }
        }
    }
}

#[cfg(test)]
mod tests;
