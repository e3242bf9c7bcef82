//! What a derived rubric keeps from a model answer's negated clause that a contrast
//! answers.
//!
//! A negation in a model answer makes a negated concept of each content word it governs
//! (`cannot steer`, `cannot car`), which an answer earns only by negating the word too.
//! A contrast that answers the negated clause with a bare auxiliary ("a skidding tyre
//! cannot steer the car, *whereas a rotating one can*"; "short spikes do not page, *but
//! sustained load does*") says the same words plainly of another subject, the one the
//! question is about, so a plain right answer ("you can still steer") would meet them the
//! other way round: they are plain concepts.

use crate::grade::token::Token;

/// The auxiliaries and modals that can stand for a whole verb phrase at a clause's end.
const AUXILIARIES: &[&str] = &[
    "can", "could", "does", "do", "did", "is", "are", "was", "were", "will", "would", "has",
    "have", "had", "should", "may", "might", "must", "shall",
];

/// The words that open the contrasting half of a sentence.
const CONTRASTS: &[&str] = &["whereas", "while", "but", "yet"];

/// The most words (the auxiliary included) the answering half may have: a subject and its
/// auxiliary ("whereas a rotating one can"), not a clause of its own.
const ANSWER_WORDS: usize = 5;

/// Clears the negation of each word governed by a negating cue in the clause just before
/// a contrast (*whereas*, *while*, *but*, *yet*) whose half after the cue is a short
/// subject and a bare auxiliary ending its clause, with no negation of its own: "a
/// skidding tyre cannot steer the car, whereas a rotating one can" says *steer* and *car*
/// plainly of the rotating tyre.
pub(super) fn answered_plain(tokens: &[Token], governing: &mut [Option<usize>]) {
    for (i, cue) in tokens.iter().enumerate() {
        if i == 0 || !CONTRASTS.contains(&&*cue.norm) {
            continue;
        }
        let place = cue.place;
        let half: Vec<&Token> = tokens[i + 1..]
            .iter()
            .take_while(|t| t.place.sentence == place.sentence && t.place.clause == place.clause)
            .collect();
        let answers = half.len() >= 2
            && half.len() <= ANSWER_WORDS
            && half.last().is_some_and(|t| AUXILIARIES.contains(&&*t.norm))
            && half.iter().all(|t| !t.is_negation());
        if !answers {
            continue;
        }
        // The clause the contrast answers: the one holding the word before the cue.
        let before = tokens[i - 1].place;
        if before.sentence != place.sentence {
            continue;
        }
        let clause = |k: usize| {
            tokens[k].place.sentence == before.sentence && tokens[k].place.clause == before.clause
        };
        for k in (0..i).rev().take_while(|&k| clause(k)) {
            if governing[k].is_some_and(|c| clause(c) && tokens[c].is_negation()) {
                governing[k] = None;
            }
        }
    }
}

#[cfg(test)]
mod tests;
