//! Keyword grading of free-text answers: a rubric of concepts, matched tolerantly
//! (stems, typos, phrases, alternatives, code tokens exactly), discounted under negation,
//! scored by weight, and explained concept by concept.
//!
//! [`Grader`] is built once for a set of banks (it derives rubrics for questions without
//! keywords, weighting words by their rarity across each bank, and compiles every
//! rubric); [`Grader::grade`] then grades an answer to one question into a [`Grade`],
//! and [`explain`] renders a grade as plain text. No terminal I/O here; the rules are
//! documented in `docs/grading.md`.

mod derive;
mod matcher;
mod token;

pub use derive::DeriveOptions;

use crate::bank::{Bank, Question, Rubric};
use derive::BankStats;
use matcher::{Pattern, PreparedAnswer};
use rust_stemmers::Stemmer;
use serde::Serialize;
use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt::Write as _;
use std::sync::OnceLock;

/// The pass mark of a question with `keywords` and no `pass`: half the weight. An
/// author's keywords are the essentials, so half of them is a real answer; `required`
/// marks what no answer may miss. See `docs/grading.md`.
pub const DEFAULT_PASS: f64 = 0.5;

/// The pass mark of a question graded by a rubric derived from its model answer, when
/// it has no `pass`: tuned on the SemEval-2013 training data (see `BENCHMARKS.md`).
/// A model answer says more than a learner needs to, so fewer of its words are enough.
pub const DERIVED_PASS: f64 = 0.36;

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
    banks: HashMap<String, OnceLock<Prepared>>,
}

struct Prepared {
    stats: BankStats,
    questions: HashMap<String, Compiled>,
}

/// A rubric ready to match: the rubric (when derived) and its compiled patterns.
struct Compiled {
    derived: Option<Rubric>,
    concepts: Vec<Vec<Pattern>>,
    forbidden: Vec<Vec<Pattern>>,
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
    /// Why it failed, in words; `None` when it passed.
    pub failure: Option<String>,
}

/// How one concept of the rubric fared.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ConceptResult {
    /// The concept's name (its first alternative).
    pub label: String,
    /// Its share of the score, relative to the other concepts.
    pub weight: f64,
    /// Whether missing it fails the answer.
    pub required: bool,
    /// The answer's words that matched, or `None` when the concept is missing.
    pub matched: Option<Vec<String>>,
    /// Found only under a negation ("not ... disk"), so it did not count.
    pub negated: bool,
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
        }
    }

    /// `bank` prepared for grading (once), when the grader was built with it.
    fn bank(&self, bank: &Bank) -> Option<&Prepared> {
        let cell = self.banks.get(&bank.id)?;
        Some(cell.get_or_init(|| {
            let stats = BankStats::new(bank, &self.stemmer);
            let questions = bank
                .questions
                .iter()
                .filter(|q| q.is_text())
                .map(|q| {
                    (
                        q.id.clone(),
                        compile(q, &stats, &self.options, &self.stemmer),
                    )
                })
                .collect();
            Prepared { stats, questions }
        }))
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
                Cow::Owned(derive::derive(
                    question,
                    &stats,
                    &self.options.derive,
                    &self.stemmer,
                ))
            }
        }
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
        match self.prepared(bank, question) {
            Some(compiled) => self.grade_compiled(compiled, question, answer),
            None => {
                // A bank the grader was not built with: prepare it now.
                let stats = match self.bank(bank) {
                    Some(p) => Cow::Borrowed(&p.stats),
                    None => Cow::Owned(BankStats::new(bank, &self.stemmer)),
                };
                let compiled = compile(question, &stats, &self.options, &self.stemmer);
                self.grade_compiled(&compiled, question, answer)
            }
        }
    }

    fn grade_compiled(&self, compiled: &Compiled, question: &Question, answer: &str) -> Grade {
        let empty = Rubric::default();
        let rubric = compiled
            .derived
            .as_ref()
            .or(question.rubric.as_ref())
            .unwrap_or(&empty);
        if question.rubric.is_none() && question.model_answer.is_none() {
            return Grade {
                score: 0.0,
                passed: false,
                pass_mark: self.pass_mark(question),
                concepts: Vec::new(),
                forbidden: Vec::new(),
                failure: Some(format!(
                    "question `{}` has neither keywords nor a model answer to grade against",
                    question.id
                )),
            };
        }
        let answer = PreparedAnswer::new(answer, &self.stemmer);
        let words = |found: &matcher::Found| -> Vec<String> {
            found
                .tokens
                .iter()
                .map(|&i| answer.word(i).to_owned())
                .collect()
        };
        let mut concepts = Vec::with_capacity(rubric.concepts.len());
        for (concept, patterns) in rubric.concepts.iter().zip(&compiled.concepts) {
            let mut discounted = None;
            let mut matched = None;
            for pattern in patterns {
                match answer.find(pattern) {
                    Some(found) if !found.negated => {
                        matched = Some(words(&found));
                        break;
                    }
                    Some(found) => {
                        discounted.get_or_insert(found);
                    }
                    None => {}
                }
            }
            concepts.push(ConceptResult {
                label: concept.label().to_owned(),
                weight: concept.weight,
                required: concept.required,
                negated: matched.is_none() && discounted.is_some(),
                matched,
            });
        }
        let mut forbidden = Vec::new();
        for (term, patterns) in rubric.forbidden.iter().zip(&compiled.forbidden) {
            for (text, pattern) in term.terms.iter().zip(patterns) {
                if let Some(found) = answer.find(pattern).filter(|f| !f.negated) {
                    forbidden.push(ForbiddenHit {
                        term: text.clone(),
                        matched: words(&found),
                    });
                }
            }
        }
        let pass_mark = self.pass_mark(question);
        verdict(concepts, forbidden, pass_mark, rubric)
    }
}

fn compile(
    question: &Question,
    stats: &BankStats,
    options: &Options,
    stemmer: &Stemmer,
) -> Compiled {
    let derived = question
        .rubric
        .is_none()
        .then(|| derive::derive(question, stats, &options.derive, stemmer));
    let rubric = derived
        .as_ref()
        .or(question.rubric.as_ref())
        .cloned()
        .unwrap_or_default();
    let patterns = |terms: &[String]| -> Vec<Pattern> {
        terms.iter().map(|t| Pattern::compile(t, stemmer)).collect()
    };
    Compiled {
        concepts: rubric
            .concepts
            .iter()
            .map(|c| patterns(&c.alternatives))
            .collect(),
        forbidden: rubric
            .forbidden
            .iter()
            .map(|f| patterns(&f.terms))
            .collect(),
        derived,
    }
}

/// Score and verdict from what was found.
fn verdict(
    concepts: Vec<ConceptResult>,
    forbidden: Vec<ForbiddenHit>,
    pass_mark: f64,
    rubric: &Rubric,
) -> Grade {
    // `fold` from +0.0: an empty `sum` of floats is -0.0, which prints as "-0%".
    let total = concepts.iter().fold(0.0, |sum, c| sum + c.weight.max(0.0));
    let got = concepts
        .iter()
        .filter(|c| c.matched.is_some())
        .fold(0.0, |sum, c| sum + c.weight.max(0.0));
    let score = if rubric.concepts.is_empty() {
        // Nothing to find (a rubric of forbidden terms only): only those can fail it.
        1.0
    } else if total > 0.0 {
        (got / total).clamp(0.0, 1.0)
    } else {
        0.0
    };
    let mut reasons = Vec::new();
    for concept in concepts
        .iter()
        .filter(|c| c.required && c.matched.is_none())
    {
        reasons.push(if concept.negated {
            format!(
                "required concept `{}` is only mentioned under a negation",
                concept.label
            )
        } else {
            format!("missing required concept `{}`", concept.label)
        });
    }
    for hit in &forbidden {
        reasons.push(format!("contains forbidden term `{}`", hit.term));
    }
    // A score within rounding of the mark passes: 0.6 written as 3/5 must not fail.
    let short = score + 1e-9 < pass_mark;
    if short {
        reasons.push(format!(
            "score {:.0}% is below the pass mark {:.0}%",
            score * 100.0,
            pass_mark * 100.0
        ));
    }
    Grade {
        score,
        passed: reasons.is_empty(),
        pass_mark,
        concepts,
        forbidden,
        failure: (!reasons.is_empty()).then(|| reasons.join("; ")),
    }
}

/// A grade as plain text, one concept per line:
///
/// ```text
/// PASS  score 75% (pass mark 50%)
///   + daemon                 matched "daemon"
///   - persist (required)     missing
///   ~ disk                   only under a negation: "not ... disk" does not count
///   ! forbidden bind mount   found "bind mount"
/// ```
///
/// Labels and words come from banks and answers, so the text is passed through
/// `text::sanitize`: it is safe to print as it is.
pub fn explain(grade: &Grade) -> String {
    crate::text::sanitize(&render(grade))
}

fn render(grade: &Grade) -> String {
    let mut out = format!(
        "{}  score {:.0}% (pass mark {:.0}%)\n",
        if grade.passed { "PASS" } else { "FAIL" },
        grade.score * 100.0,
        grade.pass_mark * 100.0
    );
    let name = |c: &ConceptResult| {
        let mut notes = Vec::new();
        if c.weight != 1.0 {
            notes.push(format!("weight {}", c.weight));
        }
        if c.required {
            notes.push("required".to_owned());
        }
        if notes.is_empty() {
            c.label.clone()
        } else {
            format!("{} ({})", c.label, notes.join(", "))
        }
    };
    let width = grade
        .concepts
        .iter()
        .map(|c| name(c).chars().count())
        .max()
        .unwrap_or(0)
        .min(40);
    for concept in &grade.concepts {
        let (mark, what) = match (&concept.matched, concept.negated) {
            (Some(words), _) => ('+', format!("matched \"{}\"", words.join(" "))),
            (None, true) => (
                '~',
                "only under a negation, so it does not count".to_owned(),
            ),
            (None, false) => ('-', "missing".to_owned()),
        };
        let _ = writeln!(out, "  {mark} {:<width$}  {what}", name(concept));
    }
    for hit in &grade.forbidden {
        let _ = writeln!(
            out,
            "  ! forbidden `{}`: found \"{}\"",
            hit.term,
            hit.matched.join(" ")
        );
    }
    if let Some(failure) = &grade.failure {
        let _ = writeln!(out, "  why: {failure}");
    }
    out
}

#[cfg(test)]
mod tests;

/// Draft keywords for an author to refine (`recall import`): `max` concepts of the
/// rubric the grader would derive from `question`'s model answer, in the order the answer
/// uses them. A draft wants the words an answer cannot do without, so the derived
/// weights (rarer words across `bank` weigh more, the prompt's own words less, code-like
/// tokens more) are scaled by how often the answer repeats the word and by its length,
/// and adverbs are played down, which favours `iptables` and `failover` over passing
/// words like `completely`. One
/// derivation serves grading and drafting.
pub fn draft_keywords(bank: &Bank, question: &Question, max: usize) -> Vec<String> {
    KeywordDrafter::new(bank).draft(question, max)
}

/// [`draft_keywords`] for many questions of one bank: the bank's word statistics are
/// gathered once, not once per question (which made importing a large lesson
/// quadratic).
pub struct KeywordDrafter {
    stemmer: Stemmer,
    stats: BankStats,
}

impl KeywordDrafter {
    /// A drafter for the questions of `bank`.
    pub fn new(bank: &Bank) -> KeywordDrafter {
        let stemmer = crate::lang::stemmer();
        let stats = BankStats::new(bank, &stemmer);
        KeywordDrafter { stemmer, stats }
    }

    /// [`draft_keywords`] of `question`, one of the bank's questions.
    pub fn draft(&self, question: &Question, max: usize) -> Vec<String> {
        draft_with(question, max, &self.stats, &self.stemmer)
    }
}

fn draft_with(
    question: &Question,
    max: usize,
    stats: &BankStats,
    stemmer: &Stemmer,
) -> Vec<String> {
    let options = Options::default();
    let rubric = derive::derive(question, stats, &options.derive, stemmer);
    let model = question.model_answer.as_deref().unwrap_or("");
    let mut uses: HashMap<std::sync::Arc<str>, f64> = HashMap::new();
    for token in token::tokenize(model, stemmer, token::Parts::Skip) {
        *uses.entry(token.stem).or_default() += 1.0;
    }
    let score = |concept: &crate::bank::Concept| {
        let label = concept.label();
        let stem = token::tokenize(label, stemmer, token::Parts::Skip)
            .pop()
            .map(|t| t.stem);
        let repeats = stem.and_then(|s| uses.get(&s).copied()).unwrap_or(1.0);
        let length = (label.chars().count() as f64 / 6.0).clamp(0.5, 2.0);
        // Adverbs ("completely", "dynamically") colour an answer but are rarely its point.
        let adverb = if label.len() > 4 && label.ends_with("ly") {
            0.3
        } else {
            1.0
        };
        concept.weight * repeats * length * adverb
    };
    let mut ranked: Vec<(usize, f64, &crate::bank::Concept)> = rubric
        .concepts
        .iter()
        .enumerate()
        .map(|(i, c)| (i, score(c), c))
        .collect();
    // Best first; the answer's order breaks ties and orders the result.
    ranked.sort_by(|(i, a, _), (j, b, _)| b.total_cmp(a).then(i.cmp(j)));
    ranked.truncate(max);
    ranked.sort_by_key(|(i, _, _)| *i);
    ranked
        .into_iter()
        .map(|(_, _, concept)| concept.label().to_owned())
        .collect()
}
