//! The figures `recall items` reports: the [`Report`], one [`Item`] per question version,
//! and the order an author reads them in.

use std::ops::Range;

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::Flag;
use crate::bank::KindName;

/// What discrimination is computed over.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Units {
    /// Learners: the log holds more than one.
    Learners,
    /// One learner's sessions: the log holds one learner only.
    Sessions,
}

impl Units {
    /// "learner" or "session".
    pub fn singular(self) -> &'static str {
        match self {
            Units::Learners => "learner",
            Units::Sessions => "session",
        }
    }

    /// Who does better or worse, in a sentence: "learners who do", "sessions that go".
    pub(super) fn who_do(self) -> &'static str {
        match self {
            Units::Learners => "learners who do",
            Units::Sessions => "sessions that go",
        }
    }
}

/// Everything `recall items` shows, in the shape of its JSON output.
#[derive(Debug, Serialize, PartialEq)]
pub struct Report {
    /// What discrimination was computed over.
    pub units: Units,
    /// Learners in the log.
    pub learners: usize,
    /// Units (learners, or sessions) in the log.
    pub unit_count: usize,
    /// Answers to questions of the loaded banks.
    pub attempts: usize,
    /// Answers to questions no loaded bank has (left out).
    pub outside_banks: usize,
    /// One per question version answered, most in need of an author's eye first; the
    /// versions of a question together, its current version first.
    pub items: Vec<Item>,
}

/// The figures of one version of one question.
#[derive(Debug, Serialize, PartialEq)]
pub struct Item {
    /// The question's bank.
    pub bank: String,
    /// The question's id.
    pub question: String,
    /// Its kind, as its bank names it.
    pub kind: KindName,
    /// The version answered; `None` for answers logged before versions were recorded.
    pub version: Option<String>,
    /// Whether this is the version the bank has now.
    pub current: bool,
    /// Answers to this version.
    pub attempts: usize,
    /// Learners who answered it.
    pub learners: usize,
    /// Units that answered it and something else (those discrimination is over).
    pub units: usize,
    /// The mean score of the attempts.
    pub facility: f64,
    /// The share of attempts that were right.
    pub right: f64,
    /// The corrected item-total correlation.
    pub correlation: Option<f64>,
    /// Discriminative efficiency: the covariance over its largest possible value.
    pub efficiency: Option<f64>,
    /// The upper 27%'s mean score minus the lower 27%'s.
    pub upper_lower: Option<f64>,
    /// The median time to answer, in milliseconds.
    pub median_ms: f64,
    /// When it was last answered.
    #[serde(serialize_with = "rfc3339")]
    pub last_answered: DateTime<Utc>,
    /// Multiple choice: each choice by its letter in the bank.
    pub choices: Vec<ChoicePicks>,
    /// Text questions graded again: each rubric concept.
    pub concepts: Vec<ConceptCounts>,
    /// Text questions graded again: how many passed and failed.
    pub regraded: Option<Regraded>,
    /// Text questions graded again: the distinct answers nearest the pass mark.
    pub nearest: Vec<NearAnswer>,
    /// What needs an author's eye, most urgent first.
    pub flags: Vec<Flag>,
}

/// How often one choice was picked.
#[derive(Debug, Serialize, PartialEq)]
pub struct ChoicePicks {
    /// Its letter in the bank (whatever letter the screen showed).
    pub letter: String,
    /// Whether it is a right answer; `None` when this version's key is not known.
    pub right: Option<bool>,
    /// Attempts that picked it.
    pub picks: usize,
    /// picks / attempts.
    pub rate: f64,
}

/// How one rubric concept fared over the answers graded again.
#[derive(Debug, Serialize, PartialEq)]
pub struct ConceptCounts {
    /// The concept's name (its first alternative).
    pub label: String,
    /// Answers that contain it.
    pub matched: usize,
    /// Answers without it.
    pub missed: usize,
    /// Answers that mention it only under a negation.
    pub negated: usize,
    /// Passing answers that lack it (missed or negated).
    pub unmatched_passing: usize,
    /// Failing answers that contain it.
    pub matched_failing: usize,
}

/// The verdicts of the answers graded again.
#[derive(Debug, Serialize, PartialEq)]
pub struct Regraded {
    /// The pass mark that applied.
    pub pass_mark: f64,
    /// Answers that pass.
    pub passing: usize,
    /// Answers that fail.
    pub failing: usize,
}

/// An answer near the pass mark, as graded again.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct NearAnswer {
    /// What the learner wrote.
    pub answer: String,
    /// Its score.
    pub score: f64,
    /// Whether it passes.
    pub passed: bool,
}

pub(super) fn rfc3339<S: serde::Serializer>(
    time: &DateTime<Utc>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    serializer.collect_str(&time.to_rfc3339_opts(chrono::SecondsFormat::Micros, true))
}

/// `part / whole`, or 0 when `whole` is 0.
pub(super) fn share(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}

/// The median of `values` (the mean of the middle two for an even count); 0 for none.
pub(super) fn median(values: &mut [u32]) -> f64 {
    if values.is_empty() {
        return 0.0;
    }
    values.sort_unstable();
    let middle = values.len() / 2;
    if values.len() % 2 == 1 {
        f64::from(values[middle])
    } else {
        (f64::from(values[middle - 1]) + f64::from(values[middle])) / 2.0
    }
}

/// Items in the order an author reads them: questions by their most urgent flag (of
/// the versions the bank has now: the current one, or answers of no recorded version),
/// then by how many flags, then most answered; within a question, the current version
/// first, then answers of no recorded version, then older versions, latest first.
pub(super) fn order(items: Vec<(u32, bool, Item)>) -> Vec<Item> {
    // The items are large: their places are sorted, not they.
    let mut places: Vec<usize> = (0..items.len()).collect();
    // Each question's versions together, in the order given (a stable sort).
    places.sort_by_key(|&i| items[i].0);
    let mut groups: Vec<Range<usize>> = Vec::new();
    for (at, &i) in places.iter().enumerate() {
        match groups.last_mut() {
            Some(group) if items[places[group.start]].0 == items[i].0 => group.end = at + 1,
            _ => groups.push(at..at + 1),
        }
    }
    for group in &groups {
        places[group.clone()].sort_by(|&a, &b| {
            let rank = |i: &Item| match (i.current, &i.version) {
                (true, _) => 0,
                (false, None) => 1,
                (false, Some(_)) => 2,
            };
            let (a, b) = (&items[a].2, &items[b].2);
            rank(a)
                .cmp(&rank(b))
                .then(b.last_answered.cmp(&a.last_answered))
        });
    }
    let urgency = |group: &Range<usize>| {
        let members = || places[group.clone()].iter().map(|&i| &items[i]);
        let live = || members().filter(|(_, exact, _)| *exact).map(|(.., i)| i);
        let worst = live().flat_map(|i| &i.flags).map(|f| f.kind).min();
        let flags: usize = live().map(|i| i.flags.len()).sum();
        let attempts: usize = members().map(|(.., i)| i.attempts).sum();
        let first = &items[places[group.start]].2;
        // No flag sorts after every flag.
        (
            worst.is_none(),
            worst,
            std::cmp::Reverse(flags),
            std::cmp::Reverse(attempts),
            (first.bank.as_str(), first.question.as_str()),
        )
    };
    let mut keyed: Vec<_> = groups.into_iter().map(|g| (urgency(&g), g)).collect();
    keyed.sort_by(|a, b| a.0.cmp(&b.0));
    let order: Vec<Range<usize>> = keyed.into_iter().map(|(_, group)| group).collect();
    let mut items: Vec<Option<Item>> = items.into_iter().map(|(.., item)| Some(item)).collect();
    order
        .into_iter()
        .flatten()
        .filter_map(|at| items[places[at]].take())
        .collect()
}
