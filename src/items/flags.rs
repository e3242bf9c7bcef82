//! What in an item's figures needs an author's eye, each with its reason in words, and
//! in which order: a key that may be wrong before a question that is merely easy.
//!
//! The thresholds are [`Thresholds`]' defaults, documented in `docs/items.md`; the
//! figures come from `mod.rs`.

use serde::Serialize;

use super::{Item, Units};

/// What is wrong with an item. The order is the order of urgency: items are sorted by
/// their most urgent flag.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum FlagKind {
    /// A right choice was picked less often than a distractor: perhaps the key is wrong.
    KeyBelowDistractor,
    /// Learners who do better on the other questions do worse on this one.
    NegativeDiscrimination,
    /// A rubric concept missing from most passing answers: probably too strict.
    ConceptTooStrict,
    /// A rubric concept found in most failing answers: probably too loose.
    ConceptTooLoose,
    /// The item barely separates strong learners from weak ones.
    LowDiscrimination,
    /// Few attempts are right.
    TooHard,
    /// A wrong choice nobody picks.
    UnpickedDistractor,
    /// Nearly every attempt is right.
    TooEasy,
}

impl FlagKind {
    /// The name in JSON and CSV output.
    pub fn code(self) -> &'static str {
        match self {
            FlagKind::KeyBelowDistractor => "key-below-distractor",
            FlagKind::NegativeDiscrimination => "negative-discrimination",
            FlagKind::ConceptTooStrict => "concept-too-strict",
            FlagKind::ConceptTooLoose => "concept-too-loose",
            FlagKind::LowDiscrimination => "low-discrimination",
            FlagKind::TooHard => "too-hard",
            FlagKind::UnpickedDistractor => "unpicked-distractor",
            FlagKind::TooEasy => "too-easy",
        }
    }
}

/// One thing to look at, and why.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Flag {
    /// What it is.
    pub kind: FlagKind,
    /// The figures behind it, in words.
    pub reason: String,
}

/// When a figure is worth a flag. Too few attempts say nothing, so every flag needs a
/// minimum of evidence.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Thresholds {
    /// Attempts an item needs before any flag (default 10).
    pub min_attempts: usize,
    /// Units (learners, or sessions) an item needs before a discrimination flag
    /// (default 5).
    pub min_units: usize,
    /// A share right at or above this is too easy (default 0.95).
    pub easy: f64,
    /// A share right at or below this is too hard (default 0.20).
    pub hard: f64,
    /// Discriminative efficiency under this is too low (default 0.15, Moodle's mark).
    pub min_efficiency: f64,
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds {
            min_attempts: 10,
            min_units: 5,
            easy: 0.95,
            hard: 0.20,
            min_efficiency: 0.15,
        }
    }
}

/// The flags of `item`, most urgent first. Choice flags need the choices as the bank
/// has them now (`exact`: the current version, or answers whose version is unknown).
pub(super) fn flags(item: &Item, exact: bool, units: Units, thresholds: &Thresholds) -> Vec<Flag> {
    let mut flags = Vec::new();
    if item.attempts < thresholds.min_attempts {
        return flags;
    }
    if exact {
        key_flags(item, &mut flags);
    }
    discrimination_flags(item, units, thresholds, &mut flags);
    concept_flags(item, thresholds, &mut flags);
    share_flags(item, exact, thresholds, &mut flags);
    flags.sort_by_key(|f| f.kind);
    flags
}

/// `share` as a whole percentage.
fn percent(share: f64) -> String {
    format!("{:.0}%", share * 100.0)
}

/// A right choice picked less than the most picked distractor.
fn key_flags(item: &Item, flags: &mut Vec<Flag>) {
    let best_distractor = item
        .choices
        .iter()
        .filter(|c| c.right == Some(false))
        .max_by_key(|c| c.picks);
    for key in item.choices.iter().filter(|c| c.right == Some(true)) {
        if let Some(distractor) = best_distractor.filter(|d| d.picks > key.picks) {
            flags.push(Flag {
                kind: FlagKind::KeyBelowDistractor,
                reason: format!(
                    "right choice {} was picked in {} of attempts, distractor {} in {}: \
                     is the key right?",
                    key.letter,
                    percent(key.rate),
                    distractor.letter,
                    percent(distractor.rate)
                ),
            });
        }
    }
}

/// Negative or low discrimination, over enough units.
fn discrimination_flags(item: &Item, unit: Units, thresholds: &Thresholds, flags: &mut Vec<Flag>) {
    let unit_name = unit.singular();
    let units = item.units;
    if units < thresholds.min_units {
        return;
    }
    if let Some(r) = item.correlation.filter(|r| *r < 0.0) {
        flags.push(Flag {
            kind: FlagKind::NegativeDiscrimination,
            reason: format!(
                "{} better on the other questions do worse on this one (correlation \
                 {r:.2} over {units} {unit_name}s): check the key and the wording",
                unit.who_do()
            ),
        });
    } else if let Some(efficiency) = item.efficiency.filter(|e| *e < thresholds.min_efficiency) {
        flags.push(Flag {
            kind: FlagKind::LowDiscrimination,
            reason: format!(
                "discriminative efficiency {} (under {}) over {units} {unit_name}s: it \
                 barely tells the {} better on the other questions from the rest",
                percent(efficiency),
                percent(thresholds.min_efficiency),
                unit.who_do()
            ),
        });
    }
}

/// Rubric concepts missing from most passing answers, or in most failing ones.
fn concept_flags(item: &Item, thresholds: &Thresholds, flags: &mut Vec<Flag>) {
    let Some(graded) = &item.regraded else {
        return;
    };
    let enough = (thresholds.min_attempts / 2).max(1);
    for concept in &item.concepts {
        let unmatched = concept.unmatched_passing;
        if graded.passing >= enough && unmatched * 2 > graded.passing {
            flags.push(Flag {
                kind: FlagKind::ConceptTooStrict,
                reason: format!(
                    "concept `{}` is missing from {unmatched} of {} passing answers: \
                     probably too strict",
                    concept.label, graded.passing
                ),
            });
        }
        let matched = concept.matched_failing;
        if graded.failing >= enough && matched * 2 > graded.failing {
            flags.push(Flag {
                kind: FlagKind::ConceptTooLoose,
                reason: format!(
                    "concept `{}` is in {matched} of {} failing answers: probably too loose",
                    concept.label, graded.failing
                ),
            });
        }
    }
}

/// Too hard, a distractor nobody picked, too easy.
fn share_flags(item: &Item, exact: bool, thresholds: &Thresholds, flags: &mut Vec<Flag>) {
    let attempts = item.attempts;
    if item.right <= thresholds.hard {
        flags.push(Flag {
            kind: FlagKind::TooHard,
            reason: format!("only {} of {attempts} attempts right", percent(item.right)),
        });
    }
    if exact {
        for choice in item
            .choices
            .iter()
            .filter(|c| c.right == Some(false) && c.picks == 0)
        {
            flags.push(Flag {
                kind: FlagKind::UnpickedDistractor,
                reason: format!(
                    "distractor {} was never picked in {attempts} attempts",
                    choice.letter
                ),
            });
        }
    }
    if item.right >= thresholds.easy {
        flags.push(Flag {
            kind: FlagKind::TooEasy,
            reason: format!("{} of {attempts} attempts right", percent(item.right)),
        });
    }
}
