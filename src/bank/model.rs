//! The bank model: what a loaded, validated question bank is.
//!
//! These types are what every other part of recall works with (grading, scheduling,
//! sessions, export). They hold only checked data: a `Bank` exists only after
//! [`crate::bank::load`] has validated its file, so an answer letter is always in range
//! and a text question always has a model answer. The TOML syntax and its diagnostics
//! live in `bank::load`; nothing here reads files or prints.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::path::PathBuf;
use std::str::FromStr;
use std::time::Duration;

#[macro_use]
mod names;
pub use names::*;

/// One bank: one TOML file, a set of questions with a stable id.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Bank {
    /// Stable id, `[a-z0-9_-]+`, unique across all loaded banks.
    pub id: String,
    /// The title shown in lists and exports.
    pub title: String,
    /// Where the material comes from, e.g. `MOD-DOCKER-04`.
    pub lesson: Option<String>,
    /// The module or course the lesson belongs to, e.g. `MOD-DOCKER`.
    pub module: Option<String>,
    /// What the bank covers, in a sentence or two.
    pub description: Option<String>,
    /// Tags every question of the bank has (for `--tag`).
    pub tags: Vec<String>,
    /// The questions, in the file's order.
    pub questions: Vec<Question>,
    /// Groups of words or phrases that mean the same in this bank's subject, used by the
    /// grader with its built-in lexicon (`[bank.synonyms]`, and the lexicon file the
    /// bank names, merged in when the banks are loaded together).
    pub synonyms: Vec<Vec<String>>,
    /// The id of the lexicon file whose synonyms the bank uses (`lexicon = "..."`).
    pub lexicon: Option<String>,
    /// Where the bank was read from: a path on disk, or `builtin:<name>` for a bank
    /// compiled into the binary.
    pub source: PathBuf,
}

/// One question of a bank.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Question {
    /// Stable id, unique in its bank; progress is keyed by `bank/question`.
    pub id: String,
    /// How it is asked and graded.
    pub kind: Kind,
    /// The question itself.
    pub prompt: String,
    /// A scenario's situation, shown before its prompt.
    pub situation: Option<String>,
    /// The interview tier; `Some` exactly for interview questions.
    pub tier: Option<Tier>,
    /// A multiple-choice question written `kind = "true_false"`: its choices are True
    /// and False, always in that order.
    pub true_false: bool,
    /// Choices of a multiple-choice question, in the bank's order (letters A, B, ...).
    pub choices: Vec<Choice>,
    /// Indices into `choices` of the right answers; more than one makes the question
    /// "select all that apply".
    pub answer: Vec<usize>,
    /// Shown after answering.
    pub explanation: Option<String>,
    /// The reference answer of a text question.
    pub model_answer: Option<String>,
    /// The author's rubric; `None` means "derive one from `model_answer`".
    pub rubric: Option<Rubric>,
    /// The pass mark as a fraction in (0, 1]; `None` means the grader's default.
    pub pass: Option<f64>,
    /// The author's test answers for the rubric (`recall test` checks them).
    pub examples: Vec<Example>,
    /// Wrong claims learners commonly make, each failing (or capping) an answer that
    /// makes it.
    pub misconceptions: Vec<Misconception>,
    /// The question's own tags (for `--tag`), besides the bank's.
    pub tags: Vec<String>,
    /// How hard the author thinks it is; informational.
    pub difficulty: Option<Difficulty>,
    /// Where to read more: URLs or section names.
    pub references: Vec<String>,
    /// The rubric is a draft (e.g. made by `recall import`) for the author to refine.
    pub draft: bool,
    /// The author's target answer time (`time = "90s"`); `None` takes the tier's default
    /// ([`Question::target_time`]).
    pub time: Option<Duration>,
    /// Hints a learner may take while answering, in order (`hint = "..."` or a list).
    pub hints: Vec<String>,
    /// Questions an interviewer asks after this one (`[[question.follow_up]]`), in the
    /// bank's order. Each is a text question of this question's kind and tier.
    pub follow_ups: Vec<FollowUp>,
}

impl Question {
    /// A question with its id, kind and prompt and every optional part empty; fill in
    /// the rest with struct update syntax (`Question { tier, ..Question::new(..) }`).
    pub fn new(id: impl Into<String>, kind: Kind, prompt: impl Into<String>) -> Question {
        Question {
            id: id.into(),
            kind,
            prompt: prompt.into(),
            situation: None,
            tier: None,
            true_false: false,
            choices: Vec::new(),
            answer: Vec::new(),
            explanation: None,
            model_answer: None,
            rubric: None,
            pass: None,
            examples: Vec::new(),
            misconceptions: Vec::new(),
            tags: Vec::new(),
            difficulty: None,
            references: Vec::new(),
            draft: false,
            time: None,
            hints: Vec::new(),
            follow_ups: Vec::new(),
        }
    }

    /// The time an answer should take: the author's `time`, else the tier's default
    /// ([`Tier::target_time`]); `None` for a question with neither (no target).
    pub fn target_time(&self) -> Option<Duration> {
        self.time.or_else(|| self.tier.map(Tier::target_time))
    }

    /// This question and its follow-ups, depth first in the bank's order (a follow-up
    /// right after its parent, before the parent's next follow-up): every question an
    /// author wrote under it, for `test`, `render` and the exports.
    pub fn with_follow_ups(&self) -> Vec<&Question> {
        let mut all = vec![self];
        for follow_up in &self.follow_ups {
            all.extend(follow_up.question.with_follow_ups());
        }
        all
    }

    /// Whether this is a follow-up (its id has the parent's before a `/`).
    pub fn is_follow_up(&self) -> bool {
        self.id.contains('/')
    }

    /// Whether the learner answers in free text (graded by a rubric).
    pub fn is_text(&self) -> bool {
        self.kind.is_text()
    }

    /// The name its bank file gives its kind (`true_false` for a true/false question).
    pub fn kind_name(&self) -> KindName {
        if self.true_false {
            KindName::TrueFalse
        } else {
            self.kind.name()
        }
    }

    /// Whether more than one choice is right ("select all that apply").
    pub fn is_multiple_answer(&self) -> bool {
        self.answer.len() > 1
    }
}

/// One choice of a multiple-choice question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Choice {
    /// The choice's text.
    pub text: String,
    /// Shown when the learner picks this choice ("why this is wrong").
    pub feedback: Option<String>,
}

/// The letter of the choice at `index`: 0 is `A`, 25 is `Z`, 26 is `AA`.
pub fn letter(index: usize) -> String {
    let mut n = index;
    let mut out = Vec::new();
    loop {
        out.push(b'A' + (n % 26) as u8);
        if n < 26 {
            break;
        }
        n = n / 26 - 1;
    }
    out.reverse();
    // The bytes are ASCII capitals by construction.
    String::from_utf8(out).unwrap_or_default()
}

/// The index of a choice letter (`A` is 0), case-insensitive; `None` if it is not letters.
pub fn letter_index(letters: &str) -> Option<usize> {
    let letters = letters.trim();
    if letters.is_empty() || letters.len() > 4 {
        return None;
    }
    let mut n: usize = 0;
    for b in letters.bytes() {
        let b = b.to_ascii_uppercase();
        if !b.is_ascii_uppercase() {
            return None;
        }
        n = n * 26 + (b - b'A') as usize + 1;
    }
    Some(n - 1)
}

/// A keyword rubric for a text question.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Rubric {
    /// Concepts an answer should contain; each earns its weight when present.
    pub concepts: Vec<Concept>,
    /// Terms whose presence fails the answer whatever its score.
    pub forbidden: Vec<Forbidden>,
}

/// One concept of a rubric: any of its alternatives counts, or, for a relation, its
/// terms found together.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Concept {
    /// Each alternative is a word, a phrase (several words in order) or a code-like token.
    /// Empty for a relation.
    pub alternatives: Vec<String>,
    /// Share of the score, relative to the other concepts' weights (default 1).
    pub weight: f64,
    /// Missing it fails the answer.
    pub required: bool,
    /// Terms that count only together (`{ all = [...] }`); `None` for alternatives.
    pub relation: Option<Relation>,
    /// The name it is shown by when its keyword is not words a learner would read: a
    /// derived concept of a word the model answer sets aside ("instead of sending") is
    /// matched by `not sending`, which the model answer never says. Set by derivation
    /// only: never read from a bank file nor kept in the bank cache.
    #[serde(skip)]
    pub shown: Option<String>,
}

impl Concept {
    /// A concept of alternatives, of weight 1, not required.
    pub fn any(alternatives: Vec<String>) -> Concept {
        Concept {
            alternatives,
            weight: 1.0,
            required: false,
            relation: None,
            shown: None,
        }
    }

    /// The name shown for the concept: the name derivation gave it ([`Concept::shown`]),
    /// else its first alternative, or for a relation the first alternative of each term
    /// joined by `+` (by `→` when ordered).
    pub fn label(&self) -> String {
        match &self.relation {
            None => match &self.shown {
                Some(shown) => shown.clone(),
                None => self.alternatives.first().cloned().unwrap_or_default(),
            },
            Some(relation) => {
                let firsts: Vec<&str> = relation
                    .terms
                    .iter()
                    .map(|t| t.first().map(String::as_str).unwrap_or(""))
                    .collect();
                firsts.join(if relation.ordered { " → " } else { " + " })
            }
        }
    }

    /// Every term as written, for a listing: `volume | volumes`, or for a relation
    /// `all of: namespace | namespaces; see | view (in one clause)`.
    pub fn describe(&self) -> String {
        match &self.relation {
            None => self.alternatives.join(" | "),
            Some(relation) => {
                let terms: Vec<String> = relation.terms.iter().map(|t| t.join(" | ")).collect();
                format!(
                    "{}: {} (in one {})",
                    if relation.ordered {
                        "in order"
                    } else {
                        "all of"
                    },
                    terms.join("; "),
                    relation.within
                )
            }
        }
    }
}

/// Terms that count only when they are found together: in one clause, one sentence or
/// anywhere in the answer, and in the given order when `ordered`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Relation {
    /// The terms, each with its alternatives (at least two terms).
    pub terms: Vec<Vec<String>>,
    /// Where they must be found together.
    pub within: Within,
    /// They must appear in the order written ("X does A").
    pub ordered: bool,
}

named! {
    /// The stretch of an answer a relation's terms must share.
    pub enum Within ("scopes") {
        /// One clause: text between `,` `;` `.` and words such as "while", "but"; a `:`
        /// links a label to what follows it.
        Clause = "clause",
        /// One sentence: text between `.` `;` `!` `?` or line breaks.
        Sentence = "sentence",
        /// Anywhere in the answer.
        Answer = "answer",
    }
}

/// A wrong claim learners commonly make (`[[question.misconception]]`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Misconception {
    /// What makes it: alternatives or a relation, matched as a rubric concept is (its
    /// weight and `required` mean nothing here).
    pub concept: Concept,
    /// What to tell a learner who makes it.
    pub feedback: String,
    /// `None`: an answer that makes it fails. `Some(cap)`: its score is capped at `cap`,
    /// below the pass mark.
    pub cap: Option<f64>,
}

/// A lexicon file: groups of synonyms that banks name with `lexicon = "id"`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Lexicon {
    /// Its id, which banks name it by.
    pub id: String,
    /// What it is for.
    pub description: Option<String>,
    /// The groups of words or phrases that mean the same.
    pub synonyms: Vec<Vec<String>>,
    /// The file it was read from.
    pub source: PathBuf,
}

/// Terms that fail an answer when present ("bind mount" for a question about volumes).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Forbidden {
    /// Each term is a word, a phrase or a code-like token, matched as concepts are.
    pub terms: Vec<String>,
}

/// An author's test response: an answer and the verdict the rubric should give it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Example {
    /// The answer to grade.
    pub answer: String,
    /// The verdict the rubric should give it.
    pub expect: Expect,
    /// Why this example exists, shown when it fails.
    pub note: Option<String>,
}

/// The verdict an example expects.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub enum Expect {
    /// The answer passes.
    Pass,
    /// The answer fails.
    Fail,
    /// The score lies in `[min, max]`.
    Score {
        /// The lowest score expected, in [0, 1].
        min: f64,
        /// The highest score expected, in [0, 1].
        max: f64,
    },
}

impl Expect {
    /// Whether a grade that `passed` (or not) with `score` is what this expects. A score
    /// range includes its ends, within rounding: 0.6 written as 3/5 is in `0.6..0.8`.
    pub fn is_met_by(self, passed: bool, score: f64) -> bool {
        match self {
            Expect::Pass => passed,
            Expect::Fail => !passed,
            Expect::Score { min, max } => score >= min - 1e-9 && score <= max + 1e-9,
        }
    }
}

impl fmt::Display for Expect {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Expect::Pass => f.write_str("pass"),
            Expect::Fail => f.write_str("fail"),
            Expect::Score { min, max } => write!(f, "score {min:.2}..{max:.2}"),
        }
    }
}

/// A follow-up question: asked after the answer to its parent, when [`When`] allows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FollowUp {
    /// When it is asked: after any answer, or only after a passed or a failed one.
    pub when: When,
    /// The question itself: its id is `parent/follow-N` (the N-th follow-up of its
    /// parent, from 1), its kind and tier are its parent's, and it may have follow-ups
    /// of its own (at most [`MAX_FOLLOW_UP_DEPTH`] deep).
    pub question: Question,
}

/// How deep follow-ups may nest: a follow-up of a follow-up of a follow-up, no deeper.
pub const MAX_FOLLOW_UP_DEPTH: usize = 3;

named! {
    /// When a follow-up is asked, judged by the answer to its parent.
    pub enum When ("follow-up conditions") {
        /// After any answer.
        Always = "always",
        /// Only when the parent's answer passed: probe deeper.
        Passed = "passed",
        /// Only when the parent's answer failed: a simpler way in.
        Failed = "failed",
    }
}

impl When {
    /// Whether a follow-up with this condition is asked after an answer that `passed`.
    pub fn allows(self, passed: bool) -> bool {
        match self {
            When::Always => true,
            When::Passed => passed,
            When::Failed => !passed,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_round_trip() {
        for i in 0..1000 {
            assert_eq!(letter_index(&letter(i)), Some(i), "{}", letter(i));
        }
        assert_eq!(letter(0), "A");
        assert_eq!(letter(25), "Z");
        assert_eq!(letter(26), "AA");
        assert_eq!(letter_index("c"), Some(2));
        assert_eq!(letter_index("3"), None);
        assert_eq!(letter_index(""), None);
    }

    #[test]
    fn expectations_are_met_by_verdict_or_score() {
        assert!(Expect::Pass.is_met_by(true, 0.1));
        assert!(!Expect::Pass.is_met_by(false, 0.9));
        assert!(Expect::Fail.is_met_by(false, 0.9));
        let range = Expect::Score { min: 0.6, max: 0.8 };
        assert!(range.is_met_by(false, 3.0 / 5.0));
        assert!(range.is_met_by(true, 0.8));
        assert!(!range.is_met_by(true, 0.81));
    }
}
