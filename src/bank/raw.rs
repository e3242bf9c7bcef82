//! The bank file as written: serde types that mirror the TOML syntax, with spans.
//!
//! These types accept everything that is *shaped* right (unknown keys and wrong types are
//! rejected here, by serde, with the position toml reports); whether the content makes
//! sense (ids, letters in range, a model answer where one is needed) is checked in
//! `bank::load`, which turns these into the model of `bank::model`.

use super::model::{Difficulty, KindName, Tier, When};
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use std::fmt;
use toml::Spanned;

pub type S<T> = Spanned<T>;

/// A recall question bank: a `[bank]` header and `[[question]]` tables (docs/bank-format.md).
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "recall question bank")]
#[schemars(extend("anyOf" = bank_or_lexicon()))]
pub struct RawFile {
    /// The bank's header: its id and title, and where its material comes from.
    #[schemars(with = "Option<RawBank>")]
    pub bank: Option<S<RawBank>>,
    /// A lexicon file instead of a bank: synonyms that banks name with `lexicon = "id"`.
    #[schemars(with = "Option<RawLexicon>")]
    pub lexicon: Option<S<RawLexicon>>,
    /// The questions, in the order they are asked.
    #[schemars(with = "Option<Vec<RawQuestion>>")]
    pub question: Option<Vec<S<RawQuestion>>>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawBank {
    /// Stable id of the bank, unique across banks: lowercase letters, digits, `-` and `_`.
    #[schemars(
        with = "String",
        required,
        regex(pattern = r"^[a-z0-9_-]+$"),
        length(max = 64)
    )]
    pub id: Option<S<String>>,
    /// The bank's title, shown in `recall list`.
    #[schemars(with = "String", required)]
    pub title: Option<S<String>>,
    /// The lesson the questions come from, e.g. `MOD-DOCKER-04`.
    #[schemars(with = "Option<String>")]
    pub lesson: Option<S<String>>,
    /// The module or course the lesson belongs to, e.g. `MOD-DOCKER`.
    #[schemars(with = "Option<String>")]
    pub module: Option<S<String>>,
    /// A sentence about what the bank covers.
    #[schemars(with = "Option<String>")]
    pub description: Option<S<String>>,
    /// Tags for every question of the bank.
    #[schemars(with = "Option<Vec<String>>")]
    pub tags: Option<Vec<S<String>>>,
    /// Words or phrases that mean the same in this bank's subject, for the grader: each
    /// key with its list is one group, e.g. `folder = ["directory"]`.
    #[schemars(with = "Option<std::collections::BTreeMap<String, Vec<String>>>")]
    pub synonyms: Option<S<Synonyms>>,
    /// The id of a lexicon file (a file with a `[lexicon]` table, loaded with the banks)
    /// whose synonyms this bank uses too.
    #[schemars(with = "Option<String>")]
    pub lexicon: Option<S<String>>,
}

/// `[bank.synonyms]` or `[lexicon.synonyms]`: a word or phrase and its equivalents.
pub type Synonyms = std::collections::BTreeMap<S<String>, S<Vec<String>>>;

/// A lexicon file's table: synonyms shared by the banks that name it.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawLexicon {
    /// Stable id of the lexicon, unique across the files loaded together; a bank names it
    /// with `lexicon = "id"`.
    #[schemars(
        with = "String",
        required,
        regex(pattern = r"^[a-z0-9_-]+$"),
        length(max = 64)
    )]
    pub id: Option<S<String>>,
    /// What the lexicon is for.
    #[schemars(with = "Option<String>")]
    pub description: Option<S<String>>,
    /// Each key with its list is one group of words or phrases that mean the same.
    #[schemars(with = "std::collections::BTreeMap<String, Vec<String>>", required)]
    pub synonyms: Option<S<Synonyms>>,
}

/// A file is a bank (`[bank]`) or a lexicon (`[lexicon]`).
fn bank_or_lexicon() -> serde_json::Value {
    serde_json::json!([{ "required": ["bank"] }, { "required": ["lexicon"] }])
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(extend("allOf" = kind_requirements()))]
pub struct RawQuestion {
    /// Stable id of the question, unique in its bank; progress is stored under `bank/question`.
    #[schemars(
        with = "String",
        required,
        regex(pattern = r"^[a-z0-9_-]+$"),
        length(max = 64)
    )]
    pub id: Option<S<String>>,
    /// How the question is asked and graded.
    #[schemars(with = "KindName", required)]
    pub kind: Option<S<String>>,
    /// The question itself.
    #[schemars(with = "String", required)]
    pub prompt: Option<S<String>>,
    /// A scenario's situation, shown before its prompt (kind = "scenario" only).
    #[schemars(with = "Option<String>")]
    pub situation: Option<S<String>>,
    /// The interview tier (kind = "interview" only).
    #[schemars(with = "Option<Tier>")]
    pub tier: Option<S<String>>,
    /// The choices of a multiple-choice question, lettered A, B, ... in this order.
    #[schemars(with = "Option<Vec<RawChoice>>", length(min = 2))]
    pub choices: Option<S<Vec<S<RawChoice>>>>,
    /// The right answer: a letter, a list of letters, or true/false for kind = "true_false".
    #[schemars(with = "Option<RawAnswer>")]
    pub answer: Option<S<RawAnswer>>,
    /// Shown after answering: why the answer is right.
    #[schemars(with = "Option<String>")]
    pub explanation: Option<S<String>>,
    /// The reference answer of a text question (short_answer, scenario, interview).
    #[schemars(with = "Option<String>")]
    pub model_answer: Option<S<String>>,
    /// The rubric of a text question: concepts an answer should contain, and forbidden terms.
    /// Without it, one is derived from the model answer.
    #[schemars(with = "Option<Vec<RawKeyword>>")]
    pub keywords: Option<S<Vec<S<RawKeyword>>>>,
    /// The pass mark as a fraction of the rubric's weight, in (0, 1].
    #[schemars(with = "Option<f64>", range(min = 0.0, max = 1.0))]
    pub pass: Option<S<f64>>,
    /// Example answers with the verdict the rubric should give them (`recall test`).
    #[schemars(with = "Option<Vec<RawExample>>")]
    pub example: Option<Vec<S<RawExample>>>,
    /// Wrong claims learners commonly make: an answer that makes one fails (or has its
    /// score capped), and the feedback says why.
    #[schemars(with = "Option<Vec<RawMisconception>>")]
    pub misconception: Option<Vec<S<RawMisconception>>>,
    /// Tags of this question.
    #[schemars(with = "Option<Vec<String>>")]
    pub tags: Option<Vec<S<String>>>,
    /// How hard the author thinks the question is.
    #[schemars(with = "Option<Difficulty>")]
    pub difficulty: Option<S<String>>,
    /// Where to read more: URLs or section names.
    #[schemars(with = "Option<Vec<String>>")]
    pub references: Option<Vec<S<String>>>,
    /// The rubric is a draft (e.g. made by `recall import`) for the author to refine.
    #[schemars(with = "Option<bool>")]
    pub draft: Option<S<bool>>,
    /// The target answer time of an interview question: `"90s"`, `"2m"`, `"1m30s"` or a number of seconds; the
    /// default is the tier's (beginner 60s, intermediate 90s, advanced 120s, scenario 180s).
    #[schemars(with = "Option<RawTime>")]
    pub time: Option<S<RawTime>>,
    /// A hint the learner may take while answering (`:hint`), or a list of them, given
    /// one at a time; taking one caps the suggested rating at Hard.
    #[schemars(with = "Option<RawHints>")]
    pub hint: Option<S<RawHints>>,
    /// Follow-up questions, asked after the answer as an interviewer would probe
    /// (interview questions only, asked in mock interviews).
    #[schemars(with = "Option<Vec<RawFollowUp>>")]
    pub follow_up: Option<Vec<S<RawFollowUp>>>,
}

/// `[[question.follow_up]]`: a question asked after its parent's answer, of the parent's
/// kind and tier, with its own prompt, model answer and rubric.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawFollowUp {
    /// When it is asked: after any answer (the default), or only after a passed or a
    /// failed one.
    #[schemars(with = "Option<When>")]
    pub when: Option<S<String>>,
    /// The follow-up question itself.
    #[schemars(with = "String", required)]
    pub prompt: Option<S<String>>,
    /// The reference answer.
    #[schemars(with = "String", required)]
    pub model_answer: Option<S<String>>,
    /// Its rubric; without it, one is derived from the model answer.
    #[schemars(with = "Option<Vec<RawKeyword>>")]
    pub keywords: Option<S<Vec<S<RawKeyword>>>>,
    /// The pass mark as a fraction of the rubric's weight, in (0, 1].
    #[schemars(with = "Option<f64>", range(min = 0.0, max = 1.0))]
    pub pass: Option<S<f64>>,
    /// Shown after answering.
    #[schemars(with = "Option<String>")]
    pub explanation: Option<S<String>>,
    /// Example answers with the verdict the rubric should give them (`recall test`).
    #[schemars(with = "Option<Vec<RawExample>>")]
    pub example: Option<Vec<S<RawExample>>>,
    /// Wrong claims learners commonly make.
    #[schemars(with = "Option<Vec<RawMisconception>>")]
    pub misconception: Option<Vec<S<RawMisconception>>>,
    /// The target answer time; the default is the tier's.
    #[schemars(with = "Option<RawTime>")]
    pub time: Option<S<RawTime>>,
    /// A hint, or a list of them.
    #[schemars(with = "Option<RawHints>")]
    pub hint: Option<S<RawHints>>,
    /// The rubric is a draft for the author to refine.
    #[schemars(with = "Option<bool>")]
    pub draft: Option<S<bool>>,
    /// Follow-ups of this follow-up (three levels deep at most).
    #[schemars(with = "Option<Vec<RawFollowUp>>")]
    pub follow_up: Option<Vec<S<RawFollowUp>>>,
}

impl RawFollowUp {
    /// The follow-up as a question with no id and no kind (the loader gives it its
    /// parent's), so that it is checked by the same code as every text question.
    pub fn into_question(self) -> RawQuestion {
        RawQuestion {
            id: None,
            kind: None,
            prompt: self.prompt,
            situation: None,
            tier: None,
            choices: None,
            answer: None,
            explanation: self.explanation,
            model_answer: self.model_answer,
            keywords: self.keywords,
            pass: self.pass,
            example: self.example,
            misconception: self.misconception,
            tags: None,
            difficulty: None,
            references: None,
            draft: self.draft,
            time: self.time,
            hint: self.hint,
            follow_up: self.follow_up,
        }
    }
}

/// A time: a number of seconds, or text such as `"90s"`, `"2m"`, `"1m30s"`.
#[derive(Debug)]
pub enum RawTime {
    Seconds(i64),
    Text(String),
}

/// A hint, or several: `"..."` or `["...", "..."]`.
#[derive(Debug)]
pub enum RawHints {
    One(String),
    Many(Vec<S<String>>),
}

/// Which keys each kind needs, as JSON Schema conditionals, so an editor flags a missing
/// `answer` or `model_answer` while typing (`bank::load` checks the same and more).
fn kind_requirements() -> serde_json::Value {
    let when = |kinds: &[KindName], required: &[&str]| {
        let kinds: Vec<&str> = kinds.iter().map(|k| k.as_str()).collect();
        serde_json::json!({
            "if": { "properties": { "kind": { "enum": kinds } }, "required": ["kind"] },
            "then": { "required": required }
        })
    };
    let text: Vec<KindName> = KindName::ALL
        .into_iter()
        .filter(|k| k.kind().is_text())
        .collect();
    serde_json::json!([
        when(&[KindName::MultipleChoice], &["choices", "answer"]),
        when(&[KindName::TrueFalse], &["answer"]),
        when(&text, &["model_answer"]),
        when(&[KindName::Scenario], &["situation"]),
        when(&[KindName::Interview], &["tier"]),
    ])
}

/// The JSON Schema of a bank file, for editors (taplo, Even Better TOML) and `recall schema`.
pub fn json_schema() -> serde_json::Value {
    let generator = schemars::generate::SchemaSettings::draft07().into_generator();
    let schema = generator.into_root_schema_for::<RawFile>();
    schema.to_value()
}

/// A choice: `"text"` or `{ text = "...", feedback = "..." }`.
#[derive(Debug)]
pub struct RawChoice {
    pub text: String,
    pub feedback: Option<String>,
}

/// An answer: a letter `"C"`, letters `["A", "C"]`, or `true`/`false` for true/false.
/// Listed letters keep their own spans, so a diagnostic can point at the wrong one.
#[derive(Debug)]
pub enum RawAnswer {
    Letter(String),
    Letters(Vec<S<String>>),
    Bool(bool),
}

/// A rubric entry: a term, or a table with `any` or `forbid`.
#[derive(Debug)]
pub enum RawKeyword {
    Term(String),
    Table(RawKeywordTable),
}

#[derive(Debug, Default)]
pub struct RawKeywordTable {
    pub any: Option<Vec<String>>,
    pub all: Option<Vec<RawTerm>>,
    pub forbid: Option<Vec<String>>,
    pub within: Option<String>,
    pub ordered: Option<bool>,
    pub weight: Option<f64>,
    pub required: Option<bool>,
}

/// A term of a relation: `"cgroup"` or its alternatives `["see", "view"]`.
#[derive(Debug)]
pub struct RawTerm(pub Vec<String>);

/// `[[question.misconception]]`: a wrong claim and what to tell the learner.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawMisconception {
    /// What makes the claim: a term, { any = [...] } or a relation { all = [...] }.
    #[schemars(with = "RawKeyword", required)]
    pub concept: Option<S<RawKeyword>>,
    /// What to tell a learner who makes it: why it is wrong.
    #[schemars(with = "String", required)]
    pub feedback: Option<S<String>>,
    /// Cap the score at this fraction (below the pass mark) instead of failing outright.
    #[schemars(with = "Option<f64>", range(min = 0.0, max = 1.0))]
    pub cap: Option<S<f64>>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawExample {
    /// An answer a learner might give.
    #[schemars(with = "String", required)]
    pub answer: Option<S<String>>,
    /// The verdict the rubric should give it.
    #[schemars(with = "RawExpect", required)]
    pub expect: Option<S<RawExpect>>,
    /// Why this example exists, shown when it fails.
    #[schemars(with = "Option<String>")]
    pub note: Option<S<String>>,
}

/// `"pass"`, `"fail"`, or `{ min = 0.2, max = 0.6 }`.
#[derive(Debug)]
pub enum RawExpect {
    Word(String),
    Range { min: Option<f64>, max: Option<f64> },
}

/// Just enough of a bank file to say which bank and question a position is in. It is read
/// only when [`RawFile`] fails (an unknown key, a wrong type), so it accepts any keys and
/// any types: whatever is wrong elsewhere, the ids can still be named.
#[derive(Debug, Deserialize)]
pub struct Outline {
    pub bank: Option<S<OutlineTable>>,
    pub question: Option<Vec<S<OutlineTable>>>,
}

#[derive(Debug, Deserialize)]
pub struct OutlineTable {
    pub id: Option<toml::Value>,
}

mod shapes;
