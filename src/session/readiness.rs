//! The readiness report at the end of a mock interview, as figures: per tier the score,
//! the follow-ups, the time taken against the target; the concepts missed most (from
//! the rubric breakdowns of every answer, follow-ups included); and the questions to
//! revisit, worst first. `report::interview` writes it as text, `recall interview
//! --json` as JSON. Judged on first answers, as the tally is.

use super::{QuestionKey, Session};
use crate::bank::Tier;
use serde::Serialize;
use std::collections::BTreeMap;

/// A tier is called ready after this many answers at least (fewer say too little).
pub const READY_AFTER: usize = 2;

/// How a mock interview went.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Readiness {
    /// Each tier asked, in interview order.
    pub tiers: Vec<TierReadiness>,
    /// Concepts not said at all, most often missed first (ties the heaviest first, then
    /// by name), with how often; a concept said only the other way round is in
    /// `concepts_turned`.
    pub concepts_missed: Vec<Missed>,
    /// Concepts said only the other way round (negated where the model answer states
    /// them, or stated where it sets them aside), most often first, with how often.
    pub concepts_turned: Vec<Missed>,
    /// The questions to revisit, the weakest first.
    pub revisit: Vec<Revisit>,
    /// First answers over their target time.
    pub over_time: usize,
    /// First answers given after taking a hint.
    pub hinted: usize,
}

/// One tier of the interview.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TierReadiness {
    /// The tier.
    pub tier: Tier,
    /// Its questions answered (follow-ups apart), and how many passed.
    pub answered: usize,
    /// Those that passed.
    pub passed: usize,
    /// Their mean score, from 0 to 1.
    pub mean_score: f64,
    /// Follow-ups answered in the tier, and how many passed.
    pub follow_ups: usize,
    /// Those that passed.
    pub follow_ups_passed: usize,
    /// Seconds taken on the tier's answers, follow-ups included.
    pub seconds: f64,
    /// The target times of those answers added up, in seconds.
    pub target_seconds: f64,
    /// Answers over their target time.
    pub over_time: usize,
    /// `ready`, `keep practising`, `too few answers to tell` or `not answered`.
    pub verdict: &'static str,
}

/// A concept missed, and how often.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Missed {
    /// The concept's name (its first alternative, or for a derived concept the model
    /// answer's words: see `Concept::label`).
    pub concept: String,
    /// In how many answers it was missing (or, in `concepts_turned`, said the other
    /// way round).
    pub times: usize,
}

/// A question to revisit: a main question of the interview (a follow-up is revisited
/// with the question it follows, the one a drill can ask).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Revisit {
    /// The question's key.
    #[serde(serialize_with = "as_text")]
    pub key: QuestionKey,
    /// The score of its first answer, from 0 to 1.
    pub score: f64,
    /// Why: `failed`, `follow-up failed`, `over time`, `took a hint`.
    pub reasons: Vec<&'static str>,
}

fn as_text<S: serde::Serializer>(key: &QuestionKey, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&key.to_string())
}

impl Revisit {
    /// Whether its own answer failed (rather than only a follow-up, the time or a hint).
    pub fn failed(&self) -> bool {
        self.reasons.contains(&"failed")
    }
}

/// A tier's figures and verdict from its tally.
fn tier_readiness(tier: Tier, t: super::TierTally) -> TierReadiness {
    let verdict = if t.answered == 0 {
        "not answered"
    } else if t.answered < READY_AFTER {
        "too few answers to tell"
    } else if t.passed * 5 >= t.answered * 4 {
        "ready"
    } else {
        "keep practising"
    };
    TierReadiness {
        tier,
        answered: t.answered,
        passed: t.passed,
        mean_score: t.mean_score(),
        follow_ups: t.follow_ups,
        follow_ups_passed: t.follow_ups_passed,
        seconds: t.elapsed_ms as f64 / 1000.0,
        target_seconds: t.target_ms as f64 / 1000.0,
        over_time: t.over_time,
        verdict,
    }
}

/// Adds `reasons` to revisit the question `key` (a follow-up's reasons go to its main
/// question, whose own score counts).
fn note(revisit: &mut Vec<Revisit>, key: QuestionKey, score: f64, reasons: Vec<&'static str>) {
    match revisit.iter_mut().find(|r| r.key == key) {
        Some(known) => {
            for reason in reasons {
                if !known.reasons.contains(&reason) {
                    known.reasons.push(reason);
                }
            }
        }
        None => revisit.push(Revisit {
            key,
            score,
            reasons,
        }),
    }
}

impl Readiness {
    /// The figures of `session`'s first answers.
    pub fn of(session: &Session) -> Readiness {
        let tally = session.tally();
        let asked: Vec<Tier> = Tier::ALL
            .into_iter()
            .filter(|tier| {
                session
                    .entries
                    .iter()
                    .any(|e| e.question.tier == Some(*tier))
            })
            .collect();
        let tiers = asked
            .into_iter()
            .map(|tier| tier_readiness(tier, tally.tiers.get(&tier).copied().unwrap_or_default()))
            .collect();

        // By concept: how often, and the weights of those times added up.
        let mut missed: BTreeMap<String, (usize, f64)> = BTreeMap::new();
        let mut turned: BTreeMap<String, (usize, f64)> = BTreeMap::new();
        // Main questions by key, in the order asked, with why to revisit them.
        let mut revisit: Vec<Revisit> = Vec::new();
        for answered in session.answered() {
            let verdict = &answered.first().verdict;
            let question = answered.entry.question;
            if let Some(grade) = &verdict.grade {
                let derived = question.rubric.is_none();
                for concept in grade.concepts.iter().filter(|c| c.lacked(derived)) {
                    let counts = if concept.turned() {
                        &mut turned
                    } else {
                        &mut missed
                    };
                    let count = counts.entry(concept.label.clone()).or_default();
                    count.0 += 1;
                    count.1 += concept.weight;
                }
            }
            let root = question.id.split('/').next().unwrap_or(&question.id);
            let key = QuestionKey::new(&answered.entry.bank.id, root);
            let mut reasons = Vec::new();
            if !verdict.correct {
                reasons.push(if question.is_follow_up() {
                    "follow-up failed"
                } else {
                    "failed"
                });
            }
            if verdict.over_time() {
                reasons.push("over time");
            }
            if verdict.hints > 0 {
                reasons.push("took a hint");
            }
            let score = if question.is_follow_up() {
                1.0
            } else {
                verdict.score
            };
            note(&mut revisit, key, score, reasons);
        }
        revisit.retain(|r| !r.reasons.is_empty());
        // Failed first, then the most reasons, then the lowest score; stable otherwise.
        revisit.sort_by(|a, b| {
            b.failed()
                .cmp(&a.failed())
                .then(b.reasons.len().cmp(&a.reasons.len()))
                .then(a.score.total_cmp(&b.score))
        });
        // The most often first, then the heaviest (one answer misses each once: its
        // heaviest concepts are what it missed most), then by name.
        let most = |counts: BTreeMap<String, (usize, f64)>| {
            let mut list: Vec<(Missed, f64)> = counts
                .into_iter()
                .map(|(concept, (times, weight))| (Missed { concept, times }, weight))
                .collect();
            list.sort_by(|(a, wa), (b, wb)| {
                b.times
                    .cmp(&a.times)
                    .then(wb.total_cmp(wa))
                    .then(a.concept.cmp(&b.concept))
            });
            list.into_iter().map(|(m, _)| m).collect()
        };
        Readiness {
            tiers,
            concepts_missed: most(missed),
            concepts_turned: most(turned),
            revisit,
            over_time: tally.over_time,
            hinted: tally.hinted,
        }
    }

    /// The keys of the questions to revisit, in order.
    pub fn revisit_keys(&self) -> Vec<QuestionKey> {
        self.revisit.iter().map(|r| r.key.clone()).collect()
    }
}
