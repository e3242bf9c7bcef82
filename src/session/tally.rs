//! The numbers at the end of a session: questions answered, right, skipped and set
//! aside, time taken, and per interview tier the score, follow-ups and time against
//! target.

use super::Session;
use crate::bank::Tier;
use std::collections::BTreeMap;

impl Session<'_> {
    /// The numbers at the end of a session.
    pub fn tally(&self) -> Tally {
        let mut tally = Tally {
            total: self.entries.len(),
            unsaved: self.unsaved.len(),
            ..Tally::default()
        };
        for answered in self.answered() {
            let first = answered.first();
            tally.answered += 1;
            tally.answers += answered.answers.len();
            for rated in answered.answers {
                tally.elapsed_ms += rated.verdict.elapsed_ms;
            }
            if first.verdict.correct {
                tally.right += 1;
            }
            if first.verdict.over_time() {
                tally.over_time += 1;
            }
            if first.verdict.hints > 0 {
                tally.hinted += 1;
            }
            if let Some(tier) = answered.entry.question.tier {
                let t = tally.tiers.entry(tier).or_default();
                if answered.entry.question.is_follow_up() {
                    t.follow_ups += 1;
                    if first.verdict.correct {
                        t.follow_ups_passed += 1;
                    }
                } else {
                    t.answered += 1;
                    t.score_sum += first.verdict.score;
                    if first.verdict.correct {
                        t.passed += 1;
                    }
                }
                t.elapsed_ms += first.verdict.elapsed_ms;
                t.target_ms += first.verdict.target_ms.unwrap_or(0);
                if first.verdict.over_time() {
                    t.over_time += 1;
                }
            }
        }
        for (index, answers) in self.outcomes.iter().enumerate() {
            if !answers.is_empty() {
                continue;
            }
            if self.marked[index].is_some() {
                tally.set_aside += 1;
            } else if self.skipped[index] {
                tally.skipped += 1;
            }
        }
        tally.unanswered = tally.total - tally.answered - tally.skipped - tally.set_aside;
        tally
    }
}

/// Counts for the summary.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Tally {
    /// Questions in the session.
    pub total: usize,
    /// Questions answered (and rated) at least once.
    pub answered: usize,
    /// Questions whose first answer was right.
    pub right: usize,
    /// Rated answers in all (more than `answered` when questions came back).
    pub answers: usize,
    /// Questions skipped.
    pub skipped: usize,
    /// Questions suspended, buried or reset during the session.
    pub set_aside: usize,
    /// Left when the session was quit or input ended.
    pub unanswered: usize,
    /// Rated answers whose commit failed (kept in a recovery file by the caller).
    pub unsaved: usize,
    /// Time spent answering, in milliseconds.
    pub elapsed_ms: u64,
    /// First answers that took longer than their question's target time.
    pub over_time: usize,
    /// First answers given after taking a hint.
    pub hinted: usize,
    /// Interview answers by tier.
    pub tiers: BTreeMap<Tier, TierTally>,
}

/// How the first answers of one interview tier went.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct TierTally {
    /// Answers in the tier (follow-ups apart).
    pub answered: usize,
    /// Those that passed.
    pub passed: usize,
    /// Their scores added up (see [`TierTally::mean_score`]).
    pub score_sum: f64,
    /// Follow-ups answered in the tier.
    pub follow_ups: usize,
    /// Those that passed.
    pub follow_ups_passed: usize,
    /// Time taken on the tier's answers, follow-ups included, in milliseconds.
    pub elapsed_ms: u64,
    /// The target times of those answers added up, in milliseconds.
    pub target_ms: u64,
    /// Answers over their target time.
    pub over_time: usize,
}

impl TierTally {
    /// The mean score of the tier's answers; 0 with none.
    pub fn mean_score(&self) -> f64 {
        if self.answered == 0 {
            0.0
        } else {
            self.score_sum / self.answered as f64
        }
    }
}
