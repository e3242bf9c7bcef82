//! Keyword grading of free-text answers: a rubric of concepts, matched tolerantly
//! (stems, typos, phrases, synonyms, alternatives, code tokens exactly), in the polarity
//! the model answer states them, related terms found together, known misconceptions
//! caught, lists and chants refused, scored by weight, and explained concept by concept.
//!
//! [`Grader`] is built once for a set of banks (it derives rubrics for questions without
//! keywords, weighting words by their rarity across each bank, and compiles every
//! rubric); [`Grader::grade`] then grades an answer to one question into a [`Grade`],
//! and [`explain`] renders a grade as plain text. No terminal I/O here; the rules are
//! documented in `docs/grading.md`.

mod claim;
mod compile;
mod conjuncts;
mod contradiction;
mod contrast;
mod credit;
mod derive;
mod draft;
mod explain;
mod facts;
mod in_place;
mod lexicon;
mod matcher;
mod negation;
mod token;
mod unsupported;

pub use credit::derived_credit;
pub use derive::DeriveOptions;
pub use draft::{KeywordDrafter, draft_keywords, draft_misconceptions};
pub use explain::explain;

use crate::bank::{Bank, Question, Rubric};
pub use claim::NotAClaim;
use compile::{Compiled, Matcher, compile};
pub use compile::{KeywordWarning, Spellings, keyword_warning, same_keyword, written_alike};
pub use compile::{NegatedInModel, negated_in_model};
pub use contrast::Contradiction;
use derive::BankStats;
use lexicon::Lexicon;
use matcher::PreparedAnswer;
use rust_stemmers::Stemmer;
use rustc_hash::FxHashMap;
use serde::Serialize;
use std::borrow::Cow;
use std::cell::Cell;
use std::sync::OnceLock;
use token::Token;
pub use unsupported::Clause;

/// The pass mark of a question with `keywords` and no `pass`: half the weight. An
/// author's keywords are the essentials, so half of them is a real answer; `required`
/// marks what no answer may miss. See `docs/grading.md`.
pub const DEFAULT_PASS: f64 = 0.5;

/// The pass mark of a question graded by a rubric derived from its model answer, when
/// it has no `pass`: the credit ([`derived_credit`]) of 36% of the weight (about 74%),
/// the share tuned on the SemEval-2013 training data (see `BENCHMARKS.md`). A model
/// answer says more than a learner needs to, so fewer of its words are enough.
pub const DERIVED_PASS: f64 = derived_credit(0.36);

/// The share of the pass mark an answer that contradicts the model answer keeps, at
/// most: it fails, and its score says how much else it got right.
const CONTRADICTION_CAP: f64 = 0.9;

/// Grading settings; `Default` is what recall uses.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Options {
    /// Pass mark for author rubrics without `pass`.
    pub pass: f64,
    /// Pass mark for derived rubrics without `pass`.
    pub derived_pass: f64,
    /// How a rubric is derived from a model answer.
    pub derive: DeriveOptions,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            pass: DEFAULT_PASS,
            derived_pass: DERIVED_PASS,
            derive: DeriveOptions::default(),
        }
    }
}

/// Grades answers to the text questions of a set of banks.
pub struct Grader {
    stemmer: Stemmer,
    options: Options,
    /// Per bank id, its statistics and each question's prepared rubric, made when the
    /// bank is first graded: preparing every rubric of a large curriculum up front
    /// would delay a session's first question by seconds.
    banks: FxHashMap<String, OnceLock<Prepared>>,
    /// Where to find a bank's every question, when the banks given hold only some of
    /// theirs (see [`Grader::with_banks_from`]).
    banks_from: Option<BankSource>,
}

/// A bank's every question, by bank id.
type BankSource = Box<dyn Fn(&str) -> Option<Bank> + Send + Sync>;

struct Prepared {
    stats: BankStats,
    /// The built-in lexicon with the bank's synonyms.
    lexicon: Lexicon,
    questions: FxHashMap<String, Compiled>,
}

impl std::fmt::Debug for Grader {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Grader")
            .field("options", &self.options)
            .field("banks", &self.banks.len())
            .finish()
    }
}

/// The verdict on one answer, with everything needed to explain it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Grade {
    /// Matched weight over total weight, in [0, 1].
    pub score: f64,
    /// Whether it passed: the score reaches the pass mark, every required concept
    /// matched and no forbidden term is present.
    pub passed: bool,
    /// The pass mark that applied, in [0, 1].
    pub pass_mark: f64,
    /// One per concept, in rubric order.
    pub concepts: Vec<ConceptResult>,
    /// Forbidden terms found.
    pub forbidden: Vec<ForbiddenHit>,
    /// Known misconceptions the answer makes.
    pub misconceptions: Vec<MisconceptionHit>,
    /// Known misconceptions whose words the answer contains but that it does not make
    /// (it says them of something else, calls them wrong, ...): named, not counted.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub set_aside: Vec<SetAside>,
    /// What the answer says where the model answer says the contrary (another member
    /// of a contrast set, a pair turned round, another path); each fails it.
    pub contradictions: Vec<Contradiction>,
    /// Why the answer is not a claim (a bare list of terms, a repeated sentence), when
    /// it is not; such an answer cannot pass.
    pub not_a_claim: Option<NotAClaim>,
    /// Why it failed, in words; `None` when it passed.
    pub failure: Option<String>,
    /// A terse answer to a long model answer, scored against the weight of this many of
    /// its derived rubric's heaviest concepts rather than of all it carries.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub terse: Option<usize>,
    /// How many of the missing concepts that are [not needed](ConceptResult::not_needed)
    /// one by one a full score still needs: when the heaviest concepts it is made of tie
    /// at their lightest weight, any of the tied ones count.
    #[serde(skip_serializing_if = "is_zero")]
    pub spare_needed: usize,
    /// The clauses of a passing answer that claim something none of the question's
    /// texts uses (see `unsupported`): the grader could not check them. Empty when it
    /// failed.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub unchecked: Vec<String>,
}

/// Whether `n` is 0 (to leave a zero count out of JSON).
fn is_zero(n: &usize) -> bool {
    *n == 0
}

/// How big a rubric derived from a model answer is (see [`Grader::derived_size`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct DerivedSize {
    /// How many concepts the model answer gives.
    pub concepts: usize,
    /// A model answer of more concepts than this is long: an answer is scored against
    /// the weight of its `carry` heaviest concepts (`DeriveOptions::carry`; 0: never).
    pub carry: usize,
}

impl DerivedSize {
    /// Whether the rubric is long, so scored against its `carry` heaviest concepts.
    pub fn long(&self) -> bool {
        self.carry > 0 && self.concepts > self.carry
    }
}

/// How one concept of the rubric fared.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ConceptResult {
    /// The concept's name (its first alternative, or for a derived concept the model
    /// answer sets aside its own words: see [`crate::bank::Concept::label`]).
    pub label: String,
    /// The keyword it is matched by, when the label is not it: `not server` for the
    /// derived concept labelled `instead of … server`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub keyword: Option<String>,
    /// Its share of the score, relative to the other concepts.
    pub weight: f64,
    /// Whether missing it fails the answer.
    pub required: bool,
    /// The answer's words that matched, or `None` when the concept is missing.
    pub matched: Option<Vec<String>>,
    /// Found only in the wrong polarity (under a negation, or plainly where the model
    /// answer negates it), so it did not count.
    pub negated: bool,
    /// Why it did or did not count, when that is not plain: "negated here, stated
    /// plainly in the model answer", or which terms of a relation were not together.
    pub note: Option<String>,
    /// The answer denies it: a relation whose terms are together, one of them negated
    /// where the model answer states it plainly. In an author's rubric its weight is
    /// taken off the score: a denied claim is worse than a missing one.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub denied: bool,
    /// The answer's word that states a missing concept of a derived rubric in a near
    /// form (*reuse* for *reusability*), which earns part of its weight.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub near: Option<String>,
    /// A missing concept of a long derived rubric that is not among the heaviest
    /// concepts its full score is made of (or ties with the lightest of them, more
    /// of them than the full score counts): saying it would add to the score, but a
    /// full score does not need it. The breakdown folds these into one line, and the
    /// lists for a learner (missed most, the quiz results) leave them out.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub not_needed: bool,
}

/// The breakdown's note on a twin of a derived rubric (a word the model answer says
/// both ways in a contrast) that a terse answer says of the same side as the model
/// answer: it does not count, but does not bar the terse scoring (`derive::twins`).
const TWIN_EXCUSED: &str =
    "said plainly of the other side of the contrast, as the model answer does";

/// The breakdown's note on a derived concept the model answer sets aside ("instead of
/// … server") that an answer states plainly.
const SAID_PLAINLY_SET_ASIDE: &str = "said plainly, not set aside";

impl ConceptResult {
    /// Whether it was found only the other way round (said plainly where the model
    /// answer sets it aside, or negated where it is stated): the learner said it, but
    /// turned round, so it did not count.
    pub fn turned(&self) -> bool {
        self.matched.is_none() && self.negated
    }

    /// Whether a list for a learner (the concepts missed, or said the other way round)
    /// names it: every concept of an author's rubric, but of a `derived` rubric not a
    /// one-character word (the *n* of "log n", the *2* of "2 copies") nor the cue
    /// word of "instead of", "rather than" or "unlike" alone, which mean nothing outside
    /// the model answer's sentence (the words the cue sets aside are named with it:
    /// "instead of polling"). Scoring counts them all the same.
    pub fn worth_naming(&self, derived: bool) -> bool {
        worth_naming(&self.label, derived)
    }

    /// Whether a learner's list of what the answer lacked (missed, or said the other way
    /// round) names it: not met and [worth naming](Self::worth_naming), and not a twin
    /// of a derived rubric that the answer said of the model answer's own side, which
    /// the learner got right.
    pub fn lacked(&self, derived: bool) -> bool {
        self.matched.is_none()
            && !self.not_needed
            && self.note.as_deref() != Some(TWIN_EXCUSED)
            && self.worth_naming(derived)
    }
}

/// Whether a list for a learner names the concept labelled `label` (see
/// [`ConceptResult::worth_naming`]).
pub fn worth_naming(label: &str, derived: bool) -> bool {
    !derived
        || label.chars().filter(|c| c.is_alphanumeric()).count() > 1
            && !negation::sets_against(label)
}

/// A known misconception that the answer makes.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MisconceptionHit {
    /// The misconception's concept, named like a rubric concept.
    pub concept: String,
    /// The answer's words that made it.
    pub matched: Vec<String>,
    /// What the author tells the learner about it.
    pub feedback: String,
    /// The score it caps the answer at; `None` when it fails the answer.
    pub cap: Option<f64>,
}

/// A known misconception whose words the answer contains, not counted: why the
/// breakdown names it without making it a mistake.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SetAside {
    /// The misconception's concept, named like a rubric concept.
    pub concept: String,
    /// The answer's words that would have made it.
    pub matched: Vec<String>,
    /// The first reason it was not counted.
    pub reason: AsideReason,
}

/// Why the words of a known misconception in an answer do not make it: the filters of
/// `look_for`, in the order they are tried, then a denial the matcher itself refuses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AsideReason {
    /// Its predicate is said of another subject the rubric names (`said_of_another`).
    SaidOfAnother,
    /// A clause judges it wrong: "... is not the fix", "... is a bad idea".
    JudgedWrong,
    /// It is the object of *steer clear of*, *stay away from*.
    SteeredClear,
    /// Its words lie in two conjuncts with subjects of their own.
    AcrossClauses,
    /// Its words lie in two it-clefts ("it is X that ...").
    AcrossClefts,
    /// Its words lie on both sides of *otherwise*.
    AcrossOtherwise,
    /// The answer denies it: "raising the timeout won't help", "X fixes nothing".
    Denied,
    /// The answer tells its terms apart: "NULL is different from zero", "NULL and zero
    /// are not the same" (`sets_apart`).
    SetApart,
    /// A word of it is only the subject of a denied verb in a relative clause: "kill
    /// bacteria by hitting parts that bacteria have and viruses don't" (`denied_in_a_relative`).
    DeniedInRelative,
}

impl AsideReason {
    /// The reason in a learner's words, for the breakdown.
    pub fn words(self) -> &'static str {
        match self {
            AsideReason::SaidOfAnother => "the answer says it of something else",
            AsideReason::JudgedWrong => "the answer calls it wrong",
            AsideReason::SteeredClear => "the answer steers clear of it",
            AsideReason::AcrossClauses => {
                "its words are split between two clauses with their own subjects"
            }
            AsideReason::AcrossClefts => {
                "its words are split between two \"it is X that\" sentences"
            }
            AsideReason::AcrossOtherwise => "its words are on both sides of \"otherwise\"",
            AsideReason::Denied => "the answer denies it",
            AsideReason::SetApart => "the answer tells them apart",
            AsideReason::DeniedInRelative => {
                "a word of it is the subject of a denial in a relative clause"
            }
        }
    }
}

/// A forbidden term that the answer contains.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ForbiddenHit {
    /// The forbidden term, as the rubric gives it.
    pub term: String,
    /// The answer's words that matched it.
    pub matched: Vec<String>,
}

impl Grade {
    /// The labels of the concepts that matched.
    pub fn matched(&self) -> Vec<&str> {
        self.concepts
            .iter()
            .filter(|c| c.matched.is_some())
            .map(|c| c.label.as_str())
            .collect()
    }

    /// The labels of the concepts that did not.
    pub fn missed(&self) -> Vec<&str> {
        self.concepts
            .iter()
            .filter(|c| c.matched.is_none())
            .map(|c| c.label.as_str())
            .collect()
    }

    /// The missing concepts a full score does not need one by one
    /// ([`ConceptResult::not_needed`]), in rubric order.
    pub fn not_needed(&self) -> impl Iterator<Item = &ConceptResult> {
        self.concepts.iter().filter(|c| c.not_needed)
    }
}

impl Grader {
    /// Builds the grader for a set of banks (derived rubrics weight rarer words higher
    /// across each bank).
    pub fn new(banks: &[Bank]) -> Grader {
        Grader::with_options(banks, Options::default())
    }

    /// [`Grader::new`] with other settings (the SemEval evaluation tunes them).
    pub fn with_options(banks: &[Bank], options: Options) -> Grader {
        Grader {
            stemmer: crate::lang::stemmer(),
            options,
            banks: banks
                .iter()
                .map(|bank| (bank.id.clone(), OnceLock::new()))
                .collect(),
            banks_from: None,
        }
    }

    /// The grader, for banks given with only some of their questions (a drill decodes
    /// only those it asks): `full` gives a bank with all of them, which is what a derived
    /// rubric weighs the bank's words with. It is asked once per bank, when the bank is
    /// first graded; when it has no answer, the bank as given is used.
    #[must_use]
    pub fn with_banks_from(
        mut self,
        full: impl Fn(&str) -> Option<Bank> + Send + Sync + 'static,
    ) -> Grader {
        self.banks_from = Some(Box::new(full));
        self
    }

    /// `bank` prepared for grading (once), when the grader was built with it.
    fn bank(&self, bank: &Bank) -> Option<&Prepared> {
        let cell = self.banks.get(&bank.id)?;
        Some(cell.get_or_init(|| {
            let full = self.banks_from.as_ref().and_then(|full| full(&bank.id));
            let bank = full.as_ref().unwrap_or(bank);
            let stats = BankStats::new(bank, &self.stemmer);
            let lexicon = Lexicon::new(bank.synonyms.iter().map(Vec::as_slice), &self.stemmer);
            let questions = bank
                .questions
                .iter()
                .filter(|q| q.is_text())
                .map(|q| {
                    (
                        q.id.clone(),
                        compile(q, &stats, &self.options, &self.stemmer, &lexicon),
                    )
                })
                .collect();
            Prepared {
                stats,
                lexicon,
                questions,
            }
        }))
    }

    /// Prepares the rubrics of `bank` now rather than when it is first graded, so that
    /// threads about to grade answers of several banks can share the work out.
    pub fn prepare(&self, bank: &Bank) {
        self.bank(bank);
    }

    /// The rubric actually used: the author's, or the one derived from the model answer.
    pub fn rubric<'a>(&'a self, bank: &Bank, question: &'a Question) -> Cow<'a, Rubric> {
        if let Some(rubric) = &question.rubric {
            return Cow::Borrowed(rubric);
        }
        match self.prepared(bank, question) {
            Some(Compiled {
                derived: Some(rubric),
                ..
            }) => Cow::Borrowed(rubric),
            _ => {
                let stats = BankStats::new(bank, &self.stemmer);
                let lexicon = Lexicon::new(bank.synonyms.iter().map(Vec::as_slice), &self.stemmer);
                Cow::Owned(derive::derive(
                    question,
                    &stats,
                    &self.options.derive,
                    &self.stemmer,
                    &lexicon,
                ))
            }
        }
    }

    /// The labels of the concepts [`Grader::grade`] reports for each of `questions` (of
    /// `bank`), in the rubric's order; none for a question not answered in text. Unlike
    /// [`Grader::rubric`], it does not prepare the bank for grading when it is not
    /// prepared yet: a derived rubric is derived on its own, a small part of preparing
    /// it (item analysis names the concept outcomes recorded with answers by these).
    pub fn concept_labels(&self, bank: &Bank, questions: &[&Question]) -> Vec<Vec<String>> {
        let labels = |rubric: &Rubric| rubric.concepts.iter().map(|c| c.label()).collect();
        let prepared = self.banks.get(&bank.id).and_then(OnceLock::get);
        let full = match prepared {
            None => self.banks_from.as_ref().and_then(|full| full(&bank.id)),
            Some(_) => None,
        };
        let mut made: Option<(BankStats, Lexicon)> = None;
        questions
            .iter()
            .map(|question| {
                if !question.is_text()
                    || question.rubric.is_none() && question.model_answer.is_none()
                {
                    return Vec::new();
                }
                if let Some(rubric) = &question.rubric {
                    return labels(rubric);
                }
                let compiled = prepared.and_then(|p| p.questions.get(&question.id));
                if let Some(derived) = compiled.and_then(|c| c.derived.as_ref()) {
                    return labels(derived);
                }
                // As preparing the bank (or grading a question it does not hold) derives it.
                let (stats, lexicon) = match prepared {
                    Some(p) => (&p.stats, &p.lexicon),
                    None => {
                        let (stats, lexicon) = made.get_or_insert_with(|| {
                            let bank = full.as_ref().unwrap_or(bank);
                            let stats = BankStats::new(bank, &self.stemmer);
                            let synonyms = bank.synonyms.iter().map(Vec::as_slice);
                            (stats, Lexicon::new(synonyms, &self.stemmer))
                        });
                        (&*stats, &*lexicon)
                    }
                };
                let options = &self.options.derive;
                labels(&derive::derive(
                    question,
                    stats,
                    options,
                    &self.stemmer,
                    lexicon,
                ))
            })
            .collect()
    }

    /// The size of `question`'s derived rubric (of `bank`): how many concepts its model
    /// answer gives, and from how many on it is a long model answer, scored against its
    /// heaviest concepts alone. `None` when the question has keywords of its own or no
    /// model answer. Prepares the bank for grading, as [`Grader::rubric`] does.
    pub fn derived_size(&self, bank: &Bank, question: &Question) -> Option<DerivedSize> {
        if !Grader::is_derived(question) || !question.is_text() {
            return None;
        }
        question.model_answer.as_ref()?;
        Some(DerivedSize {
            concepts: self.rubric(bank, question).concepts.len(),
            carry: self.options.derive.carry,
        })
    }

    /// Whether `question`'s rubric is derived from its model answer.
    pub fn is_derived(question: &Question) -> bool {
        question.rubric.is_none()
    }

    /// The pass mark of `question`: its own `pass`, else the default for its kind of
    /// rubric.
    pub fn pass_mark(&self, question: &Question) -> f64 {
        question.pass.unwrap_or(if Grader::is_derived(question) {
            self.options.derived_pass
        } else {
            self.options.pass
        })
    }

    fn prepared(&self, bank: &Bank, question: &Question) -> Option<&Compiled> {
        self.bank(bank)?.questions.get(&question.id)
    }

    /// Grades a free-text answer to a text question of `bank`. A question of a bank
    /// given to [`Grader::new`] uses the rubric prepared there (found by bank and
    /// question id); any other is prepared on the spot.
    pub fn grade(&self, bank: &Bank, question: &Question, answer: &str) -> Grade {
        let Some(p) = self.bank(bank) else {
            // A bank the grader was not built with: prepare it now.
            let stats = BankStats::new(bank, &self.stemmer);
            let lexicon = Lexicon::new(bank.synonyms.iter().map(Vec::as_slice), &self.stemmer);
            let compiled = compile(question, &stats, &self.options, &self.stemmer, &lexicon);
            return self.grade_compiled(&compiled, question, answer, &lexicon);
        };
        match p.questions.get(&question.id) {
            Some(compiled) => self.grade_compiled(compiled, question, answer, &p.lexicon),
            None => {
                let compiled =
                    compile(question, &p.stats, &self.options, &self.stemmer, &p.lexicon);
                self.grade_compiled(&compiled, question, answer, &p.lexicon)
            }
        }
    }

    fn grade_compiled(
        &self,
        compiled: &Compiled,
        question: &Question,
        raw: &str,
        lexicon: &Lexicon,
    ) -> Grade {
        let empty = Rubric::default();
        let rubric = compiled
            .derived
            .as_ref()
            .or(question.rubric.as_ref())
            .unwrap_or(&empty);
        if question.rubric.is_none() && question.model_answer.is_none() {
            return self.ungradable(question);
        }
        let answer = PreparedAnswer::new(raw, &self.stemmer, &compiled.vocab);
        let mut grade = self.verdict_of(compiled, question, rubric, raw, &answer);
        // A passing answer is told which of its claims nothing in the question's texts
        // could check.
        if grade.passed {
            grade.unchecked = compiled.support.named(&answer, lexicon);
        }
        grade
    }

    /// Every clause of `answer` to `question`, measured against the question's texts
    /// (for `examples/unsupported.rs`, which measures how often right and wrong answers
    /// make a claim nothing supports).
    #[doc(hidden)]
    pub fn clauses(&self, bank: &Bank, question: &Question, answer: &str) -> Vec<Clause> {
        let Some(p) = self.bank(bank) else {
            return Vec::new();
        };
        let Some(compiled) = p.questions.get(&question.id) else {
            return Vec::new();
        };
        let answer = PreparedAnswer::new(answer, &self.stemmer, &compiled.vocab);
        compiled.support.clauses(&answer, &p.lexicon)
    }

    /// The verdict on `answer` (prepared from `raw`) against `rubric`, `compiled`.
    fn verdict_of(
        &self,
        compiled: &Compiled,
        question: &Question,
        rubric: &Rubric,
        raw: &str,
        answer: &PreparedAnswer,
    ) -> Grade {
        let mut found = look_for(compiled, rubric, question, answer);
        compiled.shared.apply(
            &mut found.concepts,
            &compiled.concepts,
            answer,
            &compiled.vocab,
        );
        found
            .contradictions
            .extend(compiled.facts.check(answer, raw));
        found.contradictions.extend(compiled.bindings.check(answer));
        let derive = &self
            .options
            .derive
            .for_rubric(compiled.full_weight.is_some());
        credit::near_matches(&mut found.concepts, &compiled.near, answer, derive);
        let twin = |c: &ConceptResult| compiled.bindings.twin_excused(c, answer);
        let terse = credit::terse_full(&found.concepts, answer, compiled.full_weight, derive, twin)
            .filter(|_| !compiled.bindings.twin_swapped(answer));
        if terse.is_some() {
            for c in found.concepts.iter_mut().filter(|c| c.negated) {
                c.note = Some(TWIN_EXCUSED.to_owned());
            }
        }
        // A long rubric is scored against its heaviest concepts: the lighter ones an
        // answer misses are not needed for a full score.
        let heaviest = terse
            .map(|(n, _)| n)
            .or(compiled.full_weight.map(|_| derive.carry));
        let spare_needed = heaviest.map(|n| credit::mark_not_needed(&mut found.concepts, n));
        let scale = Scale {
            spare_needed: spare_needed.unwrap_or(0),
            full: terse.map(|(_, w)| w).or(compiled.full_weight),
            terse: terse.map(|(n, _)| n),
            credit: compiled.derived.is_some(),
            near: derive.near,
        };
        let grade = verdict(found, self.pass_mark(question), rubric, scale);
        // Only an answer that would pass needs its shape looked at: one that fails
        // already is not made worse by being a list.
        if !grade.passed || !compiled.model_is_claim {
            return grade;
        }
        let matched = grade
            .concepts
            .iter()
            .filter(|c| c.matched.is_some())
            .count();
        // Function words written as keywords of code, looked for only where they could
        // make a list of the answer.
        let keywords = claim::Keywords::of(raw);
        match NotAClaim::of(answer, &keywords)
            .or_else(|| NotAClaim::spaced(raw))
            .or_else(|| NotAClaim::echo(answer, compiled.concept_words, matched))
            .or_else(|| {
                if compiled.few_terms_refused {
                    NotAClaim::few_terms(answer, &keywords)
                } else {
                    None
                }
            }) {
            None => grade,
            Some(why) => verdict(
                Found {
                    concepts: grade.concepts,
                    forbidden: grade.forbidden,
                    misconceptions: grade.misconceptions,
                    set_aside: grade.set_aside,
                    contradictions: grade.contradictions,
                    not_a_claim: Some(why),
                },
                grade.pass_mark,
                rubric,
                scale,
            ),
        }
    }

    /// The grade of any answer to a question with nothing to grade against.
    fn ungradable(&self, question: &Question) -> Grade {
        Grade {
            score: 0.0,
            passed: false,
            pass_mark: self.pass_mark(question),
            concepts: Vec::new(),
            forbidden: Vec::new(),
            misconceptions: Vec::new(),
            set_aside: Vec::new(),
            contradictions: Vec::new(),
            not_a_claim: None,
            failure: Some(format!(
                "question `{}` has neither keywords nor a model answer to grade against",
                question.id
            )),
            terse: None,
            spare_needed: 0,
            unchecked: Vec::new(),
        }
    }
}

/// The answer's words to quote for `tokens` (in any order: a negated match has its cue
/// first): the whole stretch from the first to the last when it is short ("raising the
/// timeout will not", the parts of a compound left out), else the tokens alone.
fn quoted(tokens: &[usize], answer: &PreparedAnswer) -> Vec<usize> {
    match (tokens.iter().min(), tokens.iter().max()) {
        (Some(&first), Some(&last)) if last - first < 12 => (first..=last)
            .filter(|i| !answer.tokens()[*i].part || tokens.contains(i))
            .collect(),
        _ => tokens.to_vec(),
    }
}

/// The concepts, forbidden terms and known misconceptions of `rubric` and `question`
/// (compiled into `compiled`) that `answer` contains; its shape is judged later.
fn look_for(
    compiled: &Compiled,
    rubric: &Rubric,
    question: &Question,
    answer: &PreparedAnswer,
) -> Found {
    let vocab = &compiled.vocab;
    // Quoted in the answer's order, a cue after its term too ("rainbow tables stop"),
    // however the match found them.
    let words = |tokens: &[usize]| -> Vec<String> {
        let quote = |tokens: &[usize]| -> Vec<String> {
            tokens
                .iter()
                .map(|&i| token::written(answer.word(i)).to_owned())
                .collect()
        };
        // Most matches are in the answer's order already, each token once: quoted as
        // they are, without a sorted copy.
        if tokens.is_sorted_by(|a, b| a < b) {
            return quote(tokens);
        }
        let mut tokens = tokens.to_vec();
        tokens.sort_unstable();
        tokens.dedup();
        quote(&tokens)
    };
    // The tokens of each concept matched, kept only when a misconception may need them.
    let keep = !compiled.misconceptions.is_empty();
    let mut spans: Vec<Vec<usize>> = Vec::new();
    // The restrictions of the model answer the answer says "not only" of.
    let mut contrary: Vec<Contradiction> = Vec::new();
    let mut concepts: Vec<ConceptResult> = rubric
        .concepts
        .iter()
        .zip(&compiled.concepts)
        .enumerate()
        .map(|(i, (concept, matcher))| {
            let mut outcome = matcher.evaluate(answer, vocab);
            // A denial said of the other member of a contrast (see
            // `Contrasts::denied_of_other`) says the concept of the model's member.
            if let Some(wrong) = outcome.wrong.take()
                && outcome.matched.is_none()
                && let Some(other) = compiled.contrasts.denied_of_other(i, answer, &wrong, vocab)
            {
                outcome.matched = Some(wrong);
                outcome.negated = false;
                // Past an aside ("is not, once /bin/sh -c wraps it, PID 1"), the denial
                // was the claim; said of the other option, it claims what the model does.
                outcome.denied = false;
                outcome.note = Some(format!(
                    "denied of the other option (`{other}`), which agrees with the model answer"
                ));
            }
            if keep && let Some(matched) = &outcome.matched {
                spans.push(matched.clone());
            }
            if outcome.contrary && compiled.derived.is_none() {
                contrary.push(Contradiction {
                    role: "restriction".to_owned(),
                    said: "not only".to_owned(),
                    model: format!("`{}`", concept.label()),
                    anchor: None,
                    matched: vec!["not".to_owned(), "only".to_owned()],
                });
            }
            ConceptResult {
                label: concept.label(),
                keyword: concept
                    .shown
                    .as_ref()
                    .and_then(|_| concept.alternatives.first().cloned()),
                weight: concept.weight,
                required: concept.required,
                matched: outcome.matched.as_deref().map(words),
                negated: outcome.negated,
                // A word the model answer sets aside ("instead of … server") is found
                // the other way round only said plainly: its keyword is negated.
                note: match &concept.shown {
                    Some(_) if outcome.negated && outcome.matched.is_none() => {
                        Some(SAID_PLAINLY_SET_ASIDE.to_owned())
                    }
                    _ => outcome.note,
                },
                // A derived rubric's words are not claims one by one.
                denied: outcome.denied && compiled.derived.is_none(),
                near: None,
                not_needed: false,
            }
        })
        .collect();
    let mut forbidden = Vec::new();
    for (term, patterns) in rubric.forbidden.iter().zip(&compiled.forbidden) {
        for (text, patterns) in term.terms.iter().zip(patterns) {
            let found = patterns.iter().find_map(|p| match answer.find(p, vocab) {
                Some((found, true)) => Some(found),
                _ => None,
            });
            if let Some(found) = found {
                forbidden.push(ForbiddenHit {
                    term: text.clone(),
                    matched: words(&found.tokens),
                });
            }
        }
    }
    let mut set_aside = Vec::new();
    let misconceptions = question
        .misconceptions
        .iter()
        .zip(&compiled.misconceptions)
        .filter_map(|(misconception, matcher): (_, &Matcher)| {
            // The first match refused, and why: the match the matcher finds with no
            // filter is the first it offers, so a misconception with no match kept whose
            // words are there is named as set aside at no extra cost.
            let refused: Cell<Option<(Vec<usize>, AsideReason)>> = Cell::new(None);
            let matched = matcher.matched_or_denied(
                answer,
                vocab,
                |m| {
                    let why = if said_of_another(m, &spans, answer) {
                        AsideReason::SaidOfAnother
                    } else if judged_wrong(m, answer) {
                        AsideReason::JudgedWrong
                    } else if steered_clear_of(m, answer)
                        || told_to_stop(m, answer)
                        || kept_out(m, answer)
                    {
                        AsideReason::SteeredClear
                    } else if conjuncts::crosses_conjuncts(m, &spans, answer) {
                        AsideReason::AcrossClauses
                    } else if conjuncts::crosses_clefts(m, answer) {
                        AsideReason::AcrossClefts
                    } else if crosses_otherwise(m, answer) {
                        AsideReason::AcrossOtherwise
                    } else if sets_apart(m, answer) {
                        AsideReason::SetApart
                    } else if denied_in_a_relative(m, answer) {
                        AsideReason::DeniedInRelative
                    } else {
                        return true;
                    };
                    let first = refused.take().unwrap_or_else(|| (m.to_vec(), why));
                    refused.set(Some(first));
                    false
                },
                // The denial is looked for only when no match was refused.
                || {
                    let first = refused.take();
                    let none = first.is_none();
                    refused.set(first);
                    none
                },
            );
            let matched = match matched {
                Ok(matched) => matched,
                Err(denied) => {
                    // Refused by a filter, or named only to be denied ("raising the
                    // timeout won't help"), which the matcher never offers.
                    let aside = refused.into_inner().or_else(|| {
                        denied.map(|denied| (quoted(&denied, answer), AsideReason::Denied))
                    });
                    if let Some((tokens, reason)) = aside {
                        set_aside.push(SetAside {
                            concept: misconception.concept.label(),
                            matched: words(&tokens),
                            reason,
                        });
                    }
                    return None;
                }
            };
            Some(MisconceptionHit {
                concept: misconception.concept.label(),
                matched: words(&matched),
                feedback: misconception.feedback.clone(),
                cap: misconception.cap,
            })
        })
        .collect();
    let mut contradictions = contrary;
    contradictions.extend(compiled.contrasts.check(answer, vocab));
    contradictions.extend(compiled.in_place.check(answer, vocab, &mut concepts));
    contradictions.extend(compiled.claims.check(answer));
    Found {
        concepts,
        forbidden,
        misconceptions,
        set_aside,
        contradictions,
        not_a_claim: None,
    }
}

/// Whether the words that make a misconception (`matched`) give its predicate to
/// another subject, nearer to it, that a concept of the rubric found with it: in
/// "asymmetric crypto does the handshake and symmetric crypto is faster", *faster*
/// is said of *symmetric* (`symmetric → faster`, matched), not of *asymmetric*
/// (`asymmetric → faster`, the misconception). A word both share is the predicate; the
/// misconception's own word nearest before it is its subject, and the concept's own
/// word stands between the two. (A shared word before the rest is a shared subject:
/// "fetch gets the commits and updates your branch" says both of *fetch*; and so are
/// two subjects joined by *and* or *or*.) The concept's word must stand in the clause
/// that carries the predicate, the misconception's subject before it
/// ([`clause_subject`]): "the public DNS should return 192.168.1.20" gives *return* to
/// the public DNS, and "set --memory-reservation=1g, which raises the hard ceiling" gives
/// *raises* to the flag.
fn said_of_another(matched: &[usize], spans: &[Vec<usize>], answer: &PreparedAnswer) -> bool {
    // Two subjects joined by *and* or *or* with nothing else between share the
    // predicate: "namespaces and cgroups both limit CPU".
    let tokens = answer.tokens();
    let coordinated = |a: usize, b: usize| {
        (a + 1..b).all(|i| tokens[i].part || tokens[i].stop)
            && (a + 1..b).any(|i| matches!(&*tokens[i].norm, "and" | "or"))
    };
    spans.iter().any(|concept| {
        matched
            .iter()
            .filter(|t| concept.contains(t))
            .any(|&shared| {
                let subject = matched
                    .iter()
                    .filter(|&&t| t < shared && !concept.contains(&t))
                    .max();
                subject.is_some_and(|&subject| {
                    // The other subject heads the clause that carries the predicate,
                    // and the misconception's own subject stands before that clause.
                    // A phrase of the concept's that splits the misconception's words
                    // ("free disk space" is no "free space"), or a labelled list
                    // ("mnt: mounts, uts: hostname"), is another's as before.
                    let split = (subject + 1..shared).all(|i| concept.contains(&i));
                    let start = match clause_subject(tokens, shared) {
                        Some(start) if !split => start,
                        _ => subject + 1,
                    };
                    subject < start
                        && concept.iter().any(|&t| {
                            start <= t
                                && t < shared
                                && !matched.contains(&t)
                                && !coordinated(subject, t)
                        })
                })
            })
    })
}

/// Where the subject of the clause that carries the word at `at` begins: the start of
/// its half of the sentence, the stretch after the last clause break or coordinating
/// *and* / *or* before it ("asymmetric crypto does the handshake and **symmetric** crypto
/// is faster"). A half opened by a relative *which* or *who* is said of the phrase
/// before the pronoun, its antecedent ("set **--memory-reservation=1g**, which raises
/// the hard ceiling"; "leaves bulk data to **symmetric** crypto, which is faster"). A
/// subject inside the half's object ("the ceiling the kernel enforces") is not the
/// half's: the half begins before it. `None` in a labelled list ("pid: process tree,
/// uts: hostname"), where each value is said of the label before it.
fn clause_subject(tokens: &[Token], at: usize) -> Option<usize> {
    if tokens[at].place.labelled {
        return None;
    }
    let clause = tokens[at].place.clause;
    let mut start = at;
    while start > 0
        && tokens[start - 1].place.clause == clause
        && !conjuncts::joins(&tokens[start - 1])
    {
        start -= 1;
    }
    let Some(opener) = (start..at).find(|&i| !tokens[i].part) else {
        return Some(start);
    };
    if !matches!(&*tokens[opener].norm, "which" | "who") || start == 0 {
        return Some(start);
    }
    // The antecedent: the content words right before the pronoun.
    let Some(mut head) = (0..start)
        .rev()
        .find(|&i| !tokens[i].stop || tokens[i].part)
    else {
        return Some(start);
    };
    let before = tokens[head].place.clause;
    while head > 0
        && tokens[head - 1].place.clause == before
        && (tokens[head - 1].part || !tokens[head - 1].stop)
    {
        head -= 1;
    }
    Some(head)
}

/// Whether the words that make a misconception (`matched`) lie on both sides of an
/// *otherwise* (or *or else*): what follows it is what happens when the thing before
/// it is not done, not something said of that thing. "The JSON form matters because
/// otherwise everything runs under /bin/sh" does not say the JSON form runs under it.
fn crosses_otherwise(matched: &[usize], answer: &PreparedAnswer) -> bool {
    let tokens = answer.tokens();
    let (Some(&first), Some(&last)) = (matched.iter().min(), matched.iter().max()) else {
        return false;
    };
    (first + 1..last).any(|i| {
        let word = &*tokens[i].norm;
        word == "otherwise" || (word == "else" && &*tokens[i - 1].norm == "or")
    })
}

/// A score and a pass mark as percentages, whole unless a failing score would then read
/// the same as its mark ("74% is below the pass mark 74%"): then with as many decimals
/// (up to two) as tell them apart.
pub fn percents(score: f64, pass_mark: f64) -> (String, String) {
    let failed = score + 1e-9 < pass_mark;
    let at = |places: usize| {
        (
            format!("{:.*}%", places, score * 100.0),
            format!("{:.*}%", places, pass_mark * 100.0),
        )
    };
    (0..2)
        .map(at)
        .find(|(shown, mark)| !failed || shown != mark)
        .unwrap_or_else(|| at(2))
}

/// Whether a word of a misconception (`matched`), after its first, stands only as the
/// subject of a denied verb in a relative clause that opens after that first word: "made
/// to kill bacteria by hitting parts that bacteria have and viruses don't", "they attack
/// the cell wall, which viruses do not have". What the relative clause denies of the word
/// is not what the main clause claims of it. The relative pronoun (*that*, *which*,
/// *who*, *whom*) follows a content word (its antecedent) that is no word of the match
/// and no *-ing* form (after which *that* opens what is checked or meant: "fix it by
/// checking that the URL string doesn't contain it"), and stands in the word's
/// sentence, between the match's first word and it; the word is followed, with at most
/// one content word of its noun phrase between ("a ceramic plate does not"), by an
/// auxiliary and *not* (*never*), or by *never*. The misconception said of the
/// antecedent ("kills the viruses that do not have a wall") or plainly in the relative
/// clause ("the parts that viruses have") is still made.
fn denied_in_a_relative(matched: &[usize], answer: &PreparedAnswer) -> bool {
    let tokens = answer.tokens();
    let Some(&first) = matched.iter().min() else {
        return false;
    };
    let sentence = |i: usize| tokens[i].place.sentence;
    matched.iter().any(|&w| {
        if w <= first || !subject_of_a_denial(tokens, w) {
            return false;
        }
        (first + 1..w)
            .rev()
            .take_while(|&r| sentence(r) == sentence(w))
            .any(|r| {
                let t = &tokens[r];
                !t.part
                    && matches!(&*t.norm, "that" | "which" | "who" | "whom")
                    && (0..r).rev().find(|&k| !tokens[k].part).is_some_and(|k| {
                        let a = &tokens[k];
                        !a.stop
                            && !a.norm.ends_with("ing")
                            && !matched.contains(&k)
                            && sentence(k) == sentence(r)
                    })
            })
    })
}

/// Whether the word at `w` is the subject of a denied verb: followed, with at most one
/// content word between, by *never* or by an auxiliary and *not* (*never*).
fn subject_of_a_denial(tokens: &[Token], w: usize) -> bool {
    let mut next = tokens[w + 1..].iter().filter(|t| !t.part);
    let mut content = 0;
    while let Some(t) = next.next() {
        let word = &*t.norm;
        if word == "never" {
            return true;
        }
        if crate::lang::is_auxiliary(word) {
            return next
                .next()
                .is_some_and(|n| matches!(&*n.norm, "not" | "never"));
        }
        if t.stop || t.negation {
            return false;
        }
        content += 1;
        if content > 1 {
            return false;
        }
    }
    false
}

/// Whether the words that make a misconception (`matched`) are told apart by the
/// answer, which so denies that one is (or does) the other: a word of difference or of
/// confusion between the first and the last of them, its preposition at most two words
/// after it and only stop words from there to the next word of the match, at most one
/// content word between it and the word of the match before it ("NULL is different
/// from zero", "a container is a different thing than a VM", "authentication differs
/// from authorization", "NULL is often confused with zero", "a thread is easily
/// mistaken for a process"), or after a verb of confusion right before them
/// ("people confuse NULL with zero"); *difference* (*distinction*)
/// *between* right before them, joined by *and* ("the difference between X and Y");
/// or, joined by *and*, the subject of a predicate that tells them apart ("NULL and
/// zero are not the same (thing)", "... are different", "... differ"). A negation
/// before the word of difference in its clause ("NULL is not different from zero")
/// makes the misconception as it is.
fn sets_apart(matched: &[usize], answer: &PreparedAnswer) -> bool {
    let tokens = answer.tokens();
    let (Some(&first), Some(&last)) = (matched.iter().min(), matched.iter().max()) else {
        return false;
    };
    let clause = tokens[first].place.clause;
    let denied_before = |i: usize| {
        (0..i)
            .rev()
            .take_while(|&j| tokens[j].place.clause == tokens[i].place.clause)
            .any(|j| tokens[j].negation)
    };
    let words: Vec<usize> = (first + 1..last)
        .filter(|&i| !tokens[i].part && !matched.contains(&i))
        .collect();
    let told_apart = words.iter().any(|&i| {
        let link: &[&str] = match &*tokens[i].norm {
            "different" | "distinct" | "differs" | "differ" | "differed" | "differing" => {
                &["from", "than"]
            }
            "confused" | "confuse" | "confuses" | "confusing" | "conflated" | "conflate"
            | "conflates" | "conflating" => &["with"],
            "mistaken" | "mistaking" => &["for"],
            _ => return false,
        };
        let content = |from: usize, to: usize| {
            (from + 1..to)
                .filter(|&j| !tokens[j].part && !tokens[j].stop)
                .count()
        };
        let (Some(&p), Some(&n)) = (
            matched.iter().filter(|&&j| j < i).max(),
            matched.iter().filter(|&&j| j > i).min(),
        ) else {
            return false;
        };
        // The word of difference links the term before it to the term after it:
        // "NULL is (a) different (thing) from zero", not "revert makes a different
        // commit from the original and deletes it".
        let link_at = (i + 1..n)
            .filter(|&j| !tokens[j].part)
            .take(3)
            .find(|&j| link.contains(&&*tokens[j].norm));
        link_at.is_some_and(|l| content(l, n) == 0) && content(p, i) <= 1 && !denied_before(i)
    });
    if told_apart {
        return true;
    }
    // "People often confuse NULL with zero", "don't mistake a thread for a process": a
    // verb of confusion right before the match (past stop words), its preposition
    // between the terms.
    let confused = tokens[..first]
        .iter()
        .rev()
        .filter(|t| !t.part && !t.stop)
        .take_while(|t| t.place.clause == clause)
        .next()
        .and_then(|t| match &*t.norm {
            "confuse" | "confuses" | "confused" | "confusing" | "conflate" | "conflates"
            | "conflated" | "conflating" => Some("with"),
            "mistake" | "mistakes" | "mistook" | "mistaking" => Some("for"),
            _ => None,
        });
    if let Some(link) = confused
        && words.iter().any(|&l| {
            &*tokens[l].norm == link
                && matched
                    .iter()
                    .filter(|&&j| j > l)
                    .min()
                    .is_some_and(|&n| (l + 1..n).all(|j| tokens[j].part || tokens[j].stop))
        })
    {
        return true;
    }
    let joined = words
        .iter()
        .any(|&i| matches!(&*tokens[i].norm, "and" | "vs" | "versus"));
    if !joined {
        return false;
    }
    let mut before = tokens[..first].iter().rev().filter(|t| !t.part);
    if before.next().is_some_and(|t| &*t.norm == "between")
        && before
            .next()
            .is_some_and(|t| matches!(&*t.norm, "difference" | "differences" | "distinction"))
    {
        return true;
    }
    if words
        .iter()
        .any(|&i| tokens[i].negation || (!tokens[i].stop && &*tokens[i].norm != "and"))
    {
        // "NULL and zero" only: a subject with a predicate of its own between its
        // words ("NULL means zero and zero ...") is no pair of subjects.
        return false;
    }
    let mut rest = tokens[last + 1..]
        .iter()
        .filter(|t| !t.part)
        .take_while(|t| t.place.clause == clause)
        .map(|t| &*t.norm)
        .skip_while(|w| {
            matches!(
                *w,
                "are"
                    | "is"
                    | "really"
                    | "very"
                    | "quite"
                    | "completely"
                    | "entirely"
                    | "totally"
                    | "fundamentally"
                    | "two"
                    | "actually"
            )
        });
    match rest.next() {
        Some("different" | "distinct" | "differ" | "separate") => true,
        Some("not" | "nt") => rest
            .find(|w| !matches!(*w, "the" | "quite" | "exactly" | "at" | "all"))
            .is_some_and(|w| w == "same"),
        _ => false,
    }
}

/// Whether the words that make a misconception (`matched`) are the subject of a clause
/// that judges them wrong: "Disabling SELinux would not be a proper fix", "Raising the
/// limit isn't the answer". They open their clause (nothing but stop words before them,
/// or one verb in *-ing* whose object they are: "Putting the database on a bind mount"),
/// and right after them (or after a phrase of theirs that opens with a preposition,
/// see [`subject_end`]) come copulas or modals, a negation cue, then within four words
/// a word that names a remedy or its worth (*fix*, *solution*, *safe*, *needed*, ...).
/// "Disabling SELinux is not optional" still makes the mistake. Without a negation, the
/// copulas may be followed within four words by a word that condemns
/// ([`condemned`]): "Bind mounts in production are fragile", "... would be a mistake".
/// Or a verb of meeting or causing may lead to trouble ([`runs_into_trouble`]): "a
/// bind-mounted data folder tends to hit the UID clash"; a *because* or *since* before
/// the words is allowed there only ("because a bind-mounted data directory runs into the
/// UID clash").
fn judged_wrong(matched: &[usize], answer: &PreparedAnswer) -> bool {
    let tokens = answer.tokens();
    let (Some(&first), Some(&last)) = (matched.iter().min(), matched.iter().max()) else {
        return false;
    };
    let clause = tokens[first].place.clause;
    let before: Vec<&Token> = tokens[..first]
        .iter()
        .rev()
        .take_while(|t| t.place.clause == clause)
        .filter(|t| !t.stop && !t.part)
        .collect();
    let gerund = |t: &Token| t.norm.len() > 5 && t.norm.ends_with("ing") && !t.negation;
    if let [reason] = before.as_slice()
        && matches!(&*reason.norm, "because" | "since")
    {
        // "because a bind-mounted data directory runs into the UID clash": a reason
        // given against it (trouble only; a copula's judgement keeps to the clause's
        // start).
        return !(first..=last).any(|i| tokens[i].negation)
            && runs_into_trouble(subject_end(tokens, last), answer);
    }
    let opens = match before.as_slice() {
        [] => true,
        [verb] => gerund(verb),
        _ => false,
    };
    if !opens || (first..=last).any(|i| tokens[i].negation) {
        return false;
    }
    // "Lowering it at the moment of the change is not enough": the subject goes on past
    // the match, to the copula.
    let last = subject_end(tokens, last);
    let mut rest = tokens[last + 1..]
        .iter()
        .take_while(|t| t.place.clause == clause)
        .filter(|t| !t.part)
        .map(|t| (&*t.norm, t.negation))
        .peekable();
    let mut verbs = 0;
    while let Some((w, false)) = rest.peek() {
        if !matches!(
            *w,
            "is" | "are"
                | "was"
                | "were"
                | "be"
                | "would"
                | "will"
                | "should"
                | "could"
                | "can"
                | "might"
                | "may"
                | "must"
        ) || verbs == 3
        {
            return (verbs > 0 && condemned(last, answer)) || runs_into_trouble(last, answer);
        }
        verbs += 1;
        rest.next();
    }
    // A cue glued to its verb ("isn't", "wouldn't") is the verb as well.
    match rest.next() {
        Some((w, true)) if verbs > 0 || (w.len() > 3 && w.ends_with('t')) => {}
        _ => return false,
    }
    rest.take(4).any(|(w, _)| {
        matches!(
            w,
            "fix"
                | "solution"
                | "answer"
                | "remedy"
                | "cure"
                | "option"
                | "idea"
                | "way"
                | "approach"
                | "safe"
                | "right"
                | "correct"
                | "needed"
                | "necessary"
                | "required"
                | "enough"
                | "sufficient"
                | "acceptable"
                | "advisable"
                | "wise"
                | "recommended"
        )
    })
}

/// Whether the words that make a misconception (`matched`) are the object of *steer
/// clear of*, *keep (well) clear of* or *stay (well) away from*: "I'd steer clear of bind
/// mounts in production" refuses them. Only stop words stand between the cue and them.
fn steered_clear_of(matched: &[usize], answer: &PreparedAnswer) -> bool {
    let tokens = answer.tokens();
    let Some(&first) = matched.iter().min() else {
        return false;
    };
    let clause = tokens[first].place.clause;
    let before: Vec<&str> = tokens[..first]
        .iter()
        .rev()
        .filter(|t| !t.part)
        .take_while(|t| t.place.clause == clause)
        .take(5)
        .map(|t| &*t.norm)
        .collect();
    let Some(k) = before.iter().position(|w| matches!(*w, "of" | "from")) else {
        return false;
    };
    let cue = &before[k + 1..];
    let between_stop = tokens[..first]
        .iter()
        .rev()
        .filter(|t| !t.part)
        .take(k)
        .all(|t| t.stop);
    let shuns = matches!(
        (before[k], cue),
        ("of", ["clear", "steer" | "keep" | "stay", ..])
            | ("of", ["clear", "well", "steer" | "keep" | "stay", ..])
            | ("from", ["away", "stay" | "keep", ..])
            | ("from", ["away", "well", "stay" | "keep", ..])
    );
    between_stop && shuns
}

/// Whether a misconception that *keep* begins (`matched`: "keep → the socket mount") is
/// told as keeping its object *out of*, *away from* or *off* something (round 49, lead): "keep
/// the socket mount out of CI" refuses the mount, not keeps it. The word right after the
/// match, in its clause, is the cue; "keep the socket mount, it is the lesser evil" and "keep
/// the socket mount outside the builder's reach" are left as they are.
fn kept_out(matched: &[usize], answer: &PreparedAnswer) -> bool {
    let tokens = answer.tokens();
    let (Some(&first), Some(&last)) = (matched.iter().min(), matched.iter().max()) else {
        return false;
    };
    if !matches!(&*tokens[first].norm, "keep" | "keeps" | "keeping" | "kept") {
        return false;
    }
    let mut after = tokens[last + 1..]
        .iter()
        .filter(|t| !t.part)
        .take_while(|t| t.place.clause == tokens[last].place.clause);
    match after.next().map(|t| &*t.norm) {
        Some("off") => true,
        Some("out") => after.next().is_some_and(|t| &*t.norm == "of"),
        Some("away") => after.next().is_some_and(|t| &*t.norm == "from"),
        _ => false,
    }
}

/// Whether the words that make a misconception (`matched`) are what *stop* (*quit*) and an
/// *-ing* form tell to end (round 49, w90-misneg): the *-ing* form itself, or its object
/// after at most two stop words, every word in the cue's clause. "Stop using copytruncate"
/// and "the fix is to stop trusting the header" refuse what follows; a match that begins
/// before the cue ("the kernel stops killing it" of `kernel + kill`) is left as it is.
fn told_to_stop(matched: &[usize], answer: &PreparedAnswer) -> bool {
    let tokens = answer.tokens();
    let Some(&first) = matched.iter().min() else {
        return false;
    };
    let clause = tokens[first].place.clause;
    if matched.iter().any(|&i| tokens[i].place.clause != clause) {
        return false;
    }
    let before: Vec<&Token> = tokens[..first]
        .iter()
        .rev()
        .filter(|t| !t.part)
        .take_while(|t| t.place.clause == clause)
        .take(5)
        .collect();
    // A stop word may be the gerund ("using", "having").
    let gerund = |t: &Token| {
        t.norm.len() > 4 && t.norm.ends_with("ing") && !t.norm.ends_with("thing") && !t.negation
    };
    // The words before the cue: after the gerund the match opens with, or after the
    // gerund its object follows.
    let cue_at = if gerund(&tokens[first]) {
        0
    } else {
        match before.iter().position(|t| gerund(t) || !t.stop) {
            Some(k) if k <= 2 && gerund(before[k]) => k + 1,
            _ => return false,
        }
    };
    before
        .get(cue_at)
        .is_some_and(|t| matches!(&*t.norm, "stop" | "stops" | "stopped" | "quit" | "quits"))
}

/// The copulas and modals that may stand between a misconception judged and the
/// judgement ([`judged_wrong`], [`condemned`]).
const COPULAS: &[&str] = &[
    "is", "are", "was", "were", "be", "would", "will", "should", "could", "can", "might", "may",
    "must",
];

/// The last word of the subject whose match ends at `last`: the match itself, or, when
/// a phrase that opens with a preposition (or *alone*) follows it in its clause and
/// reaches a copula or modal within [`TRAILING`] words with no negation on the way, the
/// word before that copula. "Lowering it at the moment of the change is not enough", "a
/// blocklist of dangerous fields alone is no fix": the judgement is still of the
/// subject. Another word after the match (a verb, *so*, *when*) opens a clause of its
/// own, and the match stays the subject.
fn subject_end(tokens: &[Token], last: usize) -> usize {
    /// The most words of a trailing phrase.
    const TRAILING: usize = 5;
    let clause = tokens[last].place.clause;
    let mut words = (last + 1..tokens.len())
        .filter(|&i| !tokens[i].part)
        .take_while(|&i| tokens[i].place.clause == clause);
    let opens = words.next().is_some_and(|i| {
        matches!(
            &*tokens[i].norm,
            "of" | "in"
                | "on"
                | "at"
                | "for"
                | "from"
                | "with"
                | "during"
                | "inside"
                | "within"
                | "under"
                | "across"
                | "into"
                | "alone"
        )
    });
    if !opens {
        return last;
    }
    let mut end = (last + 1..tokens.len())
        .find(|&i| !tokens[i].part)
        .unwrap_or(last);
    for i in words.take(TRAILING) {
        if tokens[i].negation {
            return last;
        }
        if COPULAS.contains(&&*tokens[i].norm) {
            return end;
        }
        end = i;
    }
    last
}

/// The words (not the pieces of a hyphenated or dotted word) after `last` to the end of
/// its sentence: what [`condemned`] and [`runs_into_trouble`] read after a misconception.
fn words_after_in_sentence(tokens: &[Token], last: usize) -> Vec<usize> {
    let sentence = tokens[last].place.sentence;
    (last + 1..tokens.len())
        .take_while(|&i| tokens[i].place.sentence == sentence)
        .filter(|&i| !tokens[i].part)
        .collect()
}

/// Whether the copulas after a misconception (`last`, its last word, the subject of its
/// clause) lead within four words, with no negation on the way, to a word that condemns
/// it: *fragile*, *risky*, *insecure*, *a mistake*, *an anti-pattern*, *a bad idea*, *to
/// be avoided*, and what names a wrong belief: *a (classic) error*, *a myth*, *a
/// misconception*, *incorrect* ("Thinking NULL is zero is a classic error").
/// A *but* (*though*, *yet*, *still*) later in the sentence takes the judgement back
/// ("are a little fragile, but they are what we use"), and the mistake stands.
fn condemned(last: usize, answer: &PreparedAnswer) -> bool {
    let tokens = answer.tokens();
    let place = tokens[last].place;
    let words = words_after_in_sentence(tokens, last);
    let judgement = words
        .iter()
        .take_while(|&&i| tokens[i].place.clause == place.clause && !tokens[i].negation)
        .skip_while(|&&i| COPULAS.contains(&&*tokens[i].norm))
        .take(4)
        .find(|&&i| {
            matches!(
                &*tokens[i].norm,
                "fragile"
                    | "brittle"
                    | "insecure"
                    | "unsafe"
                    | "dangerous"
                    | "risky"
                    | "risk"
                    | "hazard"
                    | "hazardous"
                    | "mistake"
                    | "error"
                    | "misconception"
                    | "myth"
                    | "fallacy"
                    | "misunderstanding"
                    | "incorrect"
                    | "untrue"
                    | "bad"
                    | "wrong"
                    | "antipattern"
                    | "pitfall"
                    | "footgun"
                    | "harmful"
                    | "discouraged"
                    | "avoided"
                    | "unwise"
                    | "inadvisable"
                    | "unreliable"
                    | "problematic"
            ) || (&*tokens[i].norm == "pattern" && &*tokens[i - 1].norm == "anti")
        });
    judgement.is_some_and(|&j| {
        !words.iter().filter(|&&i| i > j).any(|&i| {
            matches!(
                &*tokens[i].norm,
                "but" | "though" | "although" | "yet" | "still"
            )
        })
    })
}

/// The words of trouble that a verb of meeting or causing may lead to after a
/// misconception ([`runs_into_trouble`]).
const TROUBLE: &[&str] = &[
    "clash",
    "clashes",
    "conflict",
    "conflicts",
    "problem",
    "problems",
    "trouble",
    "troubles",
    "issue",
    "issues",
    "error",
    "errors",
    "race",
    "races",
    "headache",
    "headaches",
    "mismatch",
    "mismatches",
];

/// Whether the words after a misconception (`last`, its last word, the subject of its
/// clause) say that it runs into trouble: at most three words of time, stress or
/// modality (*can*, *will*, *tends to*, *still*, *only*, ...), then a verb of meeting
/// or causing (*runs into*, *hits*, *causes*, *gives*, *leads to*, *creates*, ...),
/// then within four words a word of trouble ([`TROUBLE`]: *clash*, *conflict*,
/// *problem*, *trouble*, *issue*, *error*, *race*, ...), all in its clause with no
/// negation on the way: "a bind-mounted data directory runs into the UID clash",
/// "making it volatile still leads to races" judge the mistake. A word that says it
/// seldom happens (*rarely*, *seldom*, *hardly*) makes it, and a *but* (*though*,
/// *yet*) later in the sentence takes it back, as after [`condemned`]'s words.
fn runs_into_trouble(last: usize, answer: &PreparedAnswer) -> bool {
    let tokens = answer.tokens();
    let place = tokens[last].place;
    let words = words_after_in_sentence(tokens, last);
    let clause: Vec<&str> = words
        .iter()
        .take_while(|&&i| tokens[i].place.clause == place.clause)
        .map(|&i| &*tokens[i].norm)
        .collect();
    if words.iter().take(clause.len()).any(|&i| tokens[i].negation) {
        return false;
    }
    let helpers = clause
        .iter()
        .take(3)
        .take_while(|w| {
            COPULAS.contains(w)
                || matches!(
                    **w,
                    "tend"
                        | "tends"
                        | "tended"
                        | "to"
                        | "still"
                        | "also"
                        | "only"
                        | "just"
                        | "soon"
                        | "quickly"
                        | "always"
                        | "often"
                        | "usually"
                        | "eventually"
                )
        })
        .count();
    let rest = &clause[helpers..];
    let object = match rest {
        ["runs" | "run" | "ran" | "running", "into", ..] | ["leads" | "lead" | "led", "to", ..] => {
            &rest[2..]
        }
        [
            "hits" | "hit" | "causes" | "cause" | "caused" | "gives" | "give" | "gave" | "creates"
            | "create" | "created" | "brings" | "bring" | "brought" | "introduces" | "introduce"
            | "invites" | "invite" | "produces" | "produce",
            ..,
        ] => &rest[1..],
        _ => return false,
    };
    let Some(k) = object.iter().take(4).position(|w| TROUBLE.contains(w)) else {
        return false;
    };
    // The index in `words` of the word of trouble, to look for a *but* after it (not a
    // *still*: "and a volume avoids it while still surviving rebuilds" goes on).
    let at = helpers + (rest.len() - object.len()) + k;
    !words[at + 1..]
        .iter()
        .any(|&i| matches!(&*tokens[i].norm, "but" | "though" | "although" | "yet"))
}

/// What an answer was found to contain.
struct Found {
    concepts: Vec<ConceptResult>,
    forbidden: Vec<ForbiddenHit>,
    misconceptions: Vec<MisconceptionHit>,
    set_aside: Vec<SetAside>,
    contradictions: Vec<Contradiction>,
    not_a_claim: Option<NotAClaim>,
}

/// How matched weight becomes a score.
#[derive(Clone, Copy)]
struct Scale {
    /// The weight that earns a full score, when it is not the rubric's whole weight.
    full: Option<f64>,
    /// Whether the share found is turned into credit ([`derived_credit`]): a derived
    /// rubric's.
    credit: bool,
    /// The share of its weight a concept found in a near form earns.
    near: f64,
    /// A terse answer to a long model answer is scored against this many of the
    /// heaviest concepts (see `credit::terse_full`).
    terse: Option<usize>,
    /// How many of the concepts folded as [not needed](ConceptResult::not_needed) a
    /// full score still needs (ties at the lightest weight it counts).
    spare_needed: usize,
}

/// Score and verdict from what was found.
fn verdict(found: Found, pass_mark: f64, rubric: &Rubric, scale: Scale) -> Grade {
    let Found {
        concepts,
        forbidden,
        misconceptions,
        set_aside,
        contradictions,
        not_a_claim,
    } = found;
    let score = score(
        &concepts,
        &misconceptions,
        &contradictions,
        pass_mark,
        rubric,
        scale,
    );
    let mut reasons = Vec::new();
    for concept in concepts
        .iter()
        .filter(|c| c.required && c.matched.is_none())
    {
        reasons.push(if concept.negated {
            format!(
                "required concept `{}` is {}",
                concept.label,
                concept
                    .note
                    .as_deref()
                    .unwrap_or("found only in the wrong polarity")
            )
        } else {
            format!("missing required concept `{}`", concept.label)
        });
    }
    for hit in &forbidden {
        reasons.push(format!("contains forbidden term `{}`", hit.term));
    }
    for hit in misconceptions.iter().filter(|m| m.cap.is_none()) {
        reasons.push(format!("makes a known mistake (`{}`)", hit.concept));
    }
    for hit in &contradictions {
        reasons.push(format!("contradicts the model answer: {hit}"));
    }
    if let Some(why) = not_a_claim {
        reasons.push(format!("not a claim: {why}"));
    }
    // A score within rounding of the mark passes: 0.6 written as 3/5 must not fail.
    if score + 1e-9 < pass_mark {
        let capped = misconceptions
            .iter()
            .any(|m| m.cap.is_some_and(|c| c <= score + 1e-9));
        let (shown, mark) = percents(score, pass_mark);
        reasons.push(format!(
            "score {shown} is below the pass mark {mark}{}",
            if capped {
                " (capped by a known mistake)"
            } else {
                ""
            }
        ));
    }
    Grade {
        score,
        passed: reasons.is_empty(),
        pass_mark,
        concepts,
        forbidden,
        misconceptions,
        set_aside,
        contradictions,
        not_a_claim,
        failure: (!reasons.is_empty()).then(|| reasons.join("; ")),
        terse: scale.terse,
        spare_needed: scale.spare_needed,
        unchecked: Vec::new(),
    }
}

/// An answer's score: the share of the rubric's weight it found (or its credit, for a
/// derived rubric), capped by the misconceptions it makes and by a contradiction.
fn score(
    concepts: &[ConceptResult],
    misconceptions: &[MisconceptionHit],
    contradictions: &[Contradiction],
    pass_mark: f64,
    rubric: &Rubric,
    scale: Scale,
) -> f64 {
    // `fold` from +0.0: an empty `sum` of floats is -0.0, which prints as "-0%".
    let total = scale
        .full
        .unwrap_or_else(|| concepts.iter().fold(0.0, |sum, c| sum + c.weight.max(0.0)));
    let got = concepts
        .iter()
        .fold(0.0, |sum, c| sum + credit::earned(c, scale.near));
    // A claim the answer denies costs its weight ("a Service doesn't give a stable IP").
    let denied = concepts
        .iter()
        .filter(|c| c.denied)
        .fold(0.0, |sum, c| sum + c.weight.max(0.0));
    let got = got - denied;
    let mut score = if rubric.concepts.is_empty() {
        // Nothing to find (a rubric of forbidden terms only): only those can fail it.
        1.0
    } else if total > 0.0 {
        let share = (got / total).clamp(0.0, 1.0);
        if scale.credit {
            derived_credit(share)
        } else {
            share
        }
    } else {
        0.0
    };
    for cap in misconceptions.iter().filter_map(|m| m.cap) {
        score = score.min(cap);
    }
    if !contradictions.is_empty() {
        // Below the pass mark, as a known mistake would leave it.
        score = score.min(pass_mark * CONTRADICTION_CAP);
    }
    score
}

#[cfg(test)]
mod appositive_tests;
#[cfg(test)]
mod carried_denial_tests;
#[cfg(test)]
mod case_first_tests;
#[cfg(test)]
mod choice_colon_tests;
#[cfg(test)]
mod cleft_carry_tests;
#[cfg(test)]
mod compared_numbers_tests;
#[cfg(test)]
mod converse_tests;
#[cfg(test)]
mod denied_object_tests;
#[cfg(test)]
mod echo_named_again_tests;
#[cfg(test)]
mod formula_tests;
#[cfg(test)]
mod label_list_tests;
#[cfg(test)]
mod list_denial_tests;
#[cfg(test)]
mod need_denied_twice_tests;
#[cfg(test)]
mod ordinal_tests;
#[cfg(test)]
mod passive_qualifier_tests;
#[cfg(test)]
mod percent_tests;
#[cfg(test)]
mod phrase_cue_tests;
#[cfg(test)]
mod plain_relative_tests;
#[cfg(test)]
mod range_tests;
#[cfg(test)]
mod relative_denial_tests;
#[cfg(test)]
mod sentence_carry_tests;
#[cfg(test)]
mod stop_doing_tests;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod told_apart_tests;
#[cfg(test)]
mod two_places_tests;
#[cfg(test)]
mod vocab_tests;
