//! From bank text to a validated [`Bank`], with every problem as a located diagnostic.
//!
//! Two stages: serde reads the text into `bank::raw` (a syntax error, an unknown key or a
//! wrong type stops that file with one diagnostic, put in an author's terms by
//! `toml_error`, since the rest of the file cannot be trusted), then `Checker` walks the
//! raw bank and reports every content problem it finds: missing fields, bad ids,
//! duplicates, letters out of range, malformed rubrics. This file checks the bank and
//! what every question has; `kinds` checks what each kind of question adds, `rubric` the
//! keywords and examples of text questions. A file with any error yields no bank.

mod follow_up;
mod kinds;
mod lexicon;
mod lint;
mod rubric;

use super::model::*;
use super::raw::*;
use crate::diagnostic::{Diagnostic, Locator, Severity};
use crate::lang::{prose_list, suggest};
use crate::toml_error::{self, Format};
use std::collections::HashSet;
use std::ops::Range;
use std::path::Path;

/// The largest bank file recall reads (checked before reading it).
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

const MAX_ID_LEN: usize = 64;

/// A bank file, for the hints of `toml_error`.
const BANK_FORMAT: Format = Format {
    types: "docs/bank-format.md lists the type each key takes",
    headers: "the table headers of a bank are [bank], [[question]] and [[question.example]]",
    nesting: "a bank needs a few levels: [bank], [[question]], [[question.example]] and the arrays and inline tables in them",
    duplicate: "a key appears once in its table, and [bank] once in a file; remove or merge the repeat",
    array_of_tables: Some(
        "write [[question]] with double brackets: each question is one entry of an array of tables",
    ),
};

/// `names` in double quotes, as an English list: `"a", "b" or "c"`.
fn quoted_list(names: &[&str], conjunction: &str) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("\"{n}\"")).collect();
    prose_list(&quoted, conjunction)
}

/// Parses and validates one bank; `path` is only used to name it in diagnostics.
pub fn load_str(path: &Path, source: &str) -> (Option<Bank>, Vec<Diagnostic>) {
    let loaded = load_source(path, source);
    (loaded.bank, loaded.diagnostics)
}

/// One file's bank (when it has no errors) and problems, and where its bank id is
/// written: a duplicate bank id is only found across files, and should still point at
/// the line.
pub(super) struct Loaded {
    pub bank: Option<Bank>,
    pub diagnostics: Vec<Diagnostic>,
    /// An error located at the bank's `id`, its message left for the caller to write.
    pub id_site: Option<Diagnostic>,
    /// The lexicon, when the file is a lexicon file (a `[lexicon]` table) without errors.
    pub lexicon: Option<Lexicon>,
}

impl Loaded {
    /// A file that yields one diagnostic and nothing else.
    pub fn failed(diagnostic: Diagnostic) -> Loaded {
        Loaded {
            bank: None,
            diagnostics: vec![diagnostic],
            id_site: None,
            lexicon: None,
        }
    }
}

pub(super) fn load_source(path: &Path, source: &str) -> Loaded {
    let raw: RawFile = match toml::from_str(source) {
        Ok(raw) => raw,
        Err(err) => return Loaded::failed(toml_diagnostic(path, source, &err)),
    };
    let mut locator = Locator::new(source);
    let id_site = raw
        .bank
        .as_ref()
        .and_then(|b| b.get_ref().id.as_ref())
        .map(|id| Diagnostic::located(path, &mut locator, id.span(), Severity::Error, ""));
    let mut checker = Checker {
        path,
        locator,
        diagnostics: Vec::new(),
        bank_id: None,
        question_id: None,
        bank_synonyms: Some(Vec::new()),
        spellings: None,
    };
    let mut raw = raw;
    let lexicon = raw.lexicon.take();
    let (bank, lexicon) = match (raw.bank.is_some(), lexicon) {
        (false, Some(lexicon)) => (None, checker.lexicon(lexicon)),
        (true, Some(lexicon)) => {
            checker.error(
                lexicon.span(),
                "a file holds a [bank] or a [lexicon], not both",
                "move the [lexicon] table to a file of its own, and name it in the bank with lexicon = \"id\"",
            );
            (checker.bank(raw), None)
        }
        (_, None) => (checker.bank(raw), None),
    };
    let failed = checker.diagnostics.iter().any(Diagnostic::is_error);
    // Report in file order, whatever order the checks ran in.
    checker.diagnostics.sort_by_key(|d| (d.line, d.column));
    Loaded {
        bank: bank.filter(|_| !failed),
        diagnostics: checker.diagnostics,
        id_site,
        lexicon: lexicon.filter(|_| !failed),
    }
}

/// A toml/serde error as a diagnostic: in an author's terms (see `toml_error`), with the
/// bank and question the error is in (from [`Outline`], which still reads when only the
/// types or keys are wrong).
fn toml_diagnostic(path: &Path, source: &str, err: &toml::de::Error) -> Diagnostic {
    let error = toml_error::translate(source, err, &BANK_FORMAT);
    let (bank, question) = whereabouts(source, error.span.start);
    Diagnostic::at(path, source, error.span, Severity::Error, error.message)
        .in_bank(bank.as_deref())
        .in_question(question.as_deref())
        .hint(error.hint)
}

/// The ids of the bank and of the question that byte `offset` of `source` lies in, when
/// the file is well-formed TOML and they are strings.
fn whereabouts(source: &str, offset: usize) -> (Option<String>, Option<String>) {
    let Ok(outline) = toml::from_str::<Outline>(source) else {
        return (None, None);
    };
    let id = |table: &OutlineTable| {
        table
            .id
            .as_ref()
            .and_then(|v| v.as_str())
            .map(str::to_owned)
    };
    let bank_start = outline.bank.as_ref().map(|b| b.span().start);
    let bank_id = outline.bank.as_ref().and_then(|b| id(b.get_ref()));
    // Questions are in file order; the last one starting before `offset` holds it, unless
    // the [bank] table starts between that question and `offset`.
    let question = outline
        .question
        .unwrap_or_default()
        .into_iter()
        .rfind(|q| q.span().start <= offset)
        .filter(|q| bank_start.is_none_or(|b| b < q.span().start || b > offset))
        .and_then(|q| id(q.get_ref()));
    (bank_id, question)
}

/// `list` without repeats, first occurrences kept in order: linear, so a list of
/// thousands of entries costs no more than its length.
fn without_repeats(list: Vec<String>) -> Vec<String> {
    let first: Vec<bool> = {
        let mut seen = HashSet::with_capacity(list.len());
        list.iter().map(|item| seen.insert(item.as_str())).collect()
    };
    list.into_iter()
        .zip(first)
        .filter_map(|(item, first)| first.then_some(item))
        .collect()
}

struct Checker<'a> {
    path: &'a Path,
    /// Locates every report in the source without rescanning it.
    locator: Locator<'a>,
    diagnostics: Vec<Diagnostic>,
    bank_id: Option<String>,
    question_id: Option<String>,
    /// The bank's own synonym groups, for the lints; `None` when the bank names a
    /// lexicon file, whose groups this file cannot see.
    bank_synonyms: Option<Vec<Vec<String>>>,
    /// The lexicon of the bank's keywords, built when a lint first needs it.
    spellings: Option<crate::grade::Spellings>,
}

impl Checker<'_> {
    fn report(&mut self, span: Range<usize>, severity: Severity, message: String, hint: &str) {
        let mut d = Diagnostic::located(self.path, &mut self.locator, span, severity, message)
            .in_bank(self.bank_id.as_deref())
            .in_question(self.question_id.as_deref());
        if !hint.is_empty() {
            d.hint = Some(hint.to_owned());
        }
        self.diagnostics.push(d);
    }

    fn error(&mut self, span: Range<usize>, message: impl Into<String>, hint: &str) {
        self.report(span, Severity::Error, message.into(), hint);
    }

    fn warning(&mut self, span: Range<usize>, message: impl Into<String>, hint: &str) {
        self.report(span, Severity::Warning, message.into(), hint);
    }

    /// A required, non-empty string.
    fn required(
        &mut self,
        value: Option<S<String>>,
        key: &str,
        at: Range<usize>,
    ) -> Option<String> {
        match value {
            None => {
                let hint = match key {
                    "kind" => format!("add kind = {}", quoted_list(&KindName::names(), "or")),
                    "prompt" => "add prompt = \"...\": the question itself".to_owned(),
                    "title" => "add title = \"...\": the bank's name as people read it".to_owned(),
                    "model_answer" => "add model_answer = \"...\": the reference answer, shown after answering and graded against when there are no `keywords`".to_owned(),
                    "situation" => format!("add situation = \"...\": the setting shown before the prompt (or use kind = \"{}\")", KindName::ShortAnswer),
                    "answer" => "add answer = \"...\": a response for `recall test` to grade".to_owned(),
                    _ => format!("add {key} = \"...\""),
                };
                self.error(at, format!("missing `{key}`"), &hint);
                None
            }
            Some(v) => self.non_empty(v, key),
        }
    }

    fn non_empty(&mut self, value: S<String>, key: &str) -> Option<String> {
        let span = value.span();
        let text = value.into_inner();
        if text.trim().is_empty() {
            self.error(
                span,
                format!("`{key}` is empty"),
                "write the text, or remove the key",
            );
            return None;
        }
        Some(text)
    }

    fn optional(&mut self, value: Option<S<String>>, key: &str) -> Option<String> {
        value.and_then(|v| self.non_empty(v, key))
    }

    fn id(&mut self, value: Option<S<String>>, what: &str, at: Range<usize>) -> Option<String> {
        let span = value.as_ref().map_or(at.clone(), |v| v.span());
        let Some(value) = value else {
            self.error(
                at,
                format!("the {what} has no `id`"),
                &format!(
                    "add id = \"...\": a stable key of a-z, 0-9, `-` and `_`{}",
                    match what {
                        "bank" => ", unique across banks",
                        "lexicon" => ", unique across the files loaded together",
                        _ => ", unique in the bank (progress is stored under it)",
                    }
                ),
            );
            return None;
        };
        let id = self.non_empty(value, "id")?;
        let valid = id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_');
        if !valid {
            let fixed: String = id
                .to_lowercase()
                .chars()
                .map(|c| {
                    if c.is_ascii_alphanumeric() || c == '_' {
                        c
                    } else {
                        '-'
                    }
                })
                .collect();
            self.error(
                span,
                format!("{what} id `{id}` has characters outside a-z, 0-9, `-` and `_`"),
                &format!(
                    "ids are stable keys for progress; write it like `{}`",
                    fixed.trim_matches('-')
                ),
            );
            return None;
        }
        if id.len() > MAX_ID_LEN {
            self.error(
                span,
                format!(
                    "{what} id is {} characters long, over {MAX_ID_LEN}",
                    id.len()
                ),
                "use a shorter id",
            );
            return None;
        }
        Some(id)
    }

    /// A list of non-empty strings (`tags`, `references`), repeats dropped.
    fn strings(&mut self, list: Option<Vec<S<String>>>, key: &str) -> Vec<String> {
        let mut out = Vec::new();
        for item in list.unwrap_or_default() {
            let span = item.span();
            let item = item.into_inner();
            if item.trim().is_empty() {
                self.error(
                    span,
                    format!("`{key}` has an empty entry"),
                    "write its text, or remove the empty string",
                );
            } else {
                out.push(item);
            }
        }
        without_repeats(out)
    }

    /// The `[bank]` header and every question, a repeated question id reported at its id.
    fn bank(&mut self, raw: RawFile) -> Option<Bank> {
        let Some(header) = raw.bank else {
            self.error(
                0..0,
                "missing the [bank] table",
                "start the file with [bank] and its id and title (a lexicon file starts with [lexicon])",
            );
            return None;
        };
        let at = header.span();
        let header = header.into_inner();
        let id = self.id(header.id, "bank", at.clone());
        self.bank_id = id.clone();
        let title = self.required(header.title, "title", at.clone());
        let lesson = self.optional(header.lesson, "lesson");
        let module = self.optional(header.module, "module");
        let description = self.optional(header.description, "description");
        let tags = self.strings(header.tags, "tags");
        let synonyms = header.synonyms.map(|table| self.synonyms(table));
        let lexicon = header
            .lexicon
            .and_then(|name| self.id(Some(name), "lexicon", at.clone()));
        self.bank_synonyms = match (&lexicon, &synonyms) {
            (Some(_), _) => None,
            (None, Some(Some(groups))) => Some(groups.clone()),
            (None, _) => Some(Vec::new()),
        };

        let raw_questions = raw.question.unwrap_or_default();
        if raw_questions.is_empty() {
            self.warning(
                at.clone(),
                "the bank has no questions",
                "add [[question]] tables",
            );
        }
        let mut seen = HashSet::new();
        let mut questions = Vec::with_capacity(raw_questions.len());
        for raw_question in raw_questions {
            let span = raw_question.span();
            let raw_question = raw_question.into_inner();
            let id_span = raw_question.id.as_ref().map_or(span.clone(), |v| v.span());
            let question = self.question(raw_question, span);
            self.question_id = None;
            if let Some(question) = question {
                if !seen.insert(question.id.clone()) {
                    self.question_id = Some(question.id.clone());
                    self.error(
                        id_span,
                        format!("question id `{}` is used twice in this bank", question.id),
                        "each question needs its own id: progress is stored under bank/question",
                    );
                    self.question_id = None;
                    continue;
                }
                questions.push(question);
            }
        }
        self.choice_lints(&questions, at);
        Some(Bank {
            id: id?,
            title: title?,
            lesson,
            module,
            description,
            tags,
            questions,
            synonyms: synonyms.unwrap_or(Some(Vec::new()))?,
            lexicon,
            source: self.path.to_owned(),
        })
    }

    /// A question: what every kind has, then what its kind adds (see `kinds`).
    fn question(&mut self, mut raw: RawQuestion, at: Range<usize>) -> Option<Question> {
        let id = self.id(raw.id.take(), "question", at.clone());
        self.question_id = id.clone();
        let kind = self.kind(raw.kind.take(), at.clone());
        let prompt = self.required(raw.prompt.take(), "prompt", at.clone());
        let explanation = self.optional(raw.explanation.take(), "explanation");
        let tags = self.strings(raw.tags.take(), "tags");
        let references = self.strings(raw.references.take(), "references");
        let draft = raw.draft.take().is_some_and(|d| d.into_inner());
        let difficulty = raw.difficulty.take().and_then(|d| self.difficulty(d));
        let pass = raw.pass.as_ref().and_then(|p| self.pass_mark(p));
        let time_span = raw.time.as_ref().map(|t| t.span());
        let time = self.time(raw.time.take());
        let hints = self.hints(raw.hint.take());
        let follow_ups = raw.follow_up.take();
        let kind = kind?;
        let mut question = Question {
            explanation,
            pass,
            tags,
            difficulty,
            references,
            draft,
            time,
            hints,
            ..Question::new(
                id.clone().unwrap_or_default(),
                kind.kind(),
                prompt.clone().unwrap_or_default(),
            )
        };
        match kind {
            KindName::MultipleChoice => self.multiple_choice(&mut question, raw, at),
            KindName::TrueFalse => self.true_false(&mut question, raw, at),
            KindName::ShortAnswer | KindName::Scenario | KindName::Interview => {
                self.text_question(&mut question, kind, raw, at)
            }
        }
        self.interview_only(kind, &follow_ups, &time_span);
        if kind == KindName::Interview {
            self.follow_ups(&mut question, follow_ups, 1);
        }
        let complete = id.is_some() && prompt.is_some();
        complete.then_some(question)
    }

    fn kind(&mut self, kind: Option<S<String>>, at: Range<usize>) -> Option<KindName> {
        let span = kind.as_ref().map_or(at.clone(), |k| k.span());
        let name = self.required(kind, "kind", at)?;
        let parsed = KindName::parse(&name);
        if parsed.is_none() {
            let names = KindName::names();
            let hint = match suggest(&name, names) {
                Some(s) => format!("did you mean `{s}`?"),
                None => format!("kinds are: {}", names.join(", ")),
            };
            self.error(span, format!("unknown kind `{name}`"), &hint);
        }
        parsed
    }

    fn difficulty(&mut self, difficulty: S<String>) -> Option<Difficulty> {
        let span = difficulty.span();
        let name = difficulty.into_inner();
        let parsed = Difficulty::parse(&name);
        if parsed.is_none() {
            self.error(
                span,
                format!("unknown difficulty `{name}`"),
                &format!("difficulty is {}", prose_list(&Difficulty::names(), "or")),
            );
        }
        parsed
    }

    fn pass_mark(&mut self, pass: &S<f64>) -> Option<f64> {
        let value = *pass.get_ref();
        if !(value > 0.0 && value <= 1.0) {
            self.error(
                pass.span(),
                format!("pass mark {value} is outside (0, 1]"),
                "the pass mark is a fraction of the rubric's weight, e.g. pass = 0.6 for 60%",
            );
            return None;
        }
        Some(value)
    }
}
