//! From bank text to a validated [`Bank`], with every problem as a located diagnostic.
//!
//! Two stages: serde reads the text into `bank::raw` (a syntax error, an unknown key or a
//! wrong type stops that file with one diagnostic, since the rest of the file cannot be
//! trusted), then `Checker` walks the raw bank and reports every content problem it
//! finds: missing fields, bad ids, duplicates, letters out of range, malformed rubrics.
//! A file with any error yields no bank.

use super::model::*;
use super::raw::*;
use crate::diagnostic::{Diagnostic, Locator, Severity};
use crate::lang::{prose_list, suggest};
use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::path::Path;

/// The largest bank file recall reads (checked before reading it).
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

const MAX_ID_LEN: usize = 64;

/// The choices of a `true_false` question, in the order they are asked.
const TRUE_FALSE_CHOICES: [&str; 2] = ["True", "False"];

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
}

impl Loaded {
    /// A file that yields one diagnostic and nothing else.
    pub fn failed(diagnostic: Diagnostic) -> Loaded {
        Loaded {
            bank: None,
            diagnostics: vec![diagnostic],
            id_site: None,
        }
    }
}

pub(super) fn load_source(path: &Path, source: &str) -> Loaded {
    let raw: RawFile = match toml::from_str(source) {
        Ok(raw) => raw,
        Err(err) => return Loaded::failed(toml_error(path, source, &err)),
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
    };
    let bank = checker.bank(raw);
    let failed = checker.diagnostics.iter().any(Diagnostic::is_error);
    // Report in file order, whatever order the checks ran in.
    checker.diagnostics.sort_by_key(|d| (d.line, d.column));
    Loaded {
        bank: bank.filter(|_| !failed),
        diagnostics: checker.diagnostics,
        id_site,
    }
}

/// A toml/serde error as a diagnostic: serde's words put in an author's terms, a hint for
/// the common cases, and the bank and question the error is in (from [`Outline`], which
/// still reads when only the types or keys are wrong).
fn toml_error(path: &Path, source: &str, err: &toml::de::Error) -> Diagnostic {
    let first_line = err.message().trim().lines().next().unwrap_or("").to_owned();
    let mut span = err.span().unwrap_or(0..0);
    let (message, hint) = if let Some(rest) = first_line.strip_prefix("unknown field `") {
        let field = rest.split('`').next().unwrap_or("");
        let expected: Vec<&str> = rest.split('`').skip(2).step_by(2).collect();
        // In an inline table serde points at the `{`; point at the key itself.
        if let Some(at) = key_in(source, span.clone(), field) {
            span = at..at + field.len();
        }
        let hint = match suggest(field, expected.iter().copied()) {
            Some(s) => format!("did you mean `{s}`?"),
            None => format!("the keys allowed here are: {}", expected.join(", ")),
        };
        (format!("unknown key `{field}`"), hint)
    } else if let Some(rest) = first_line.strip_prefix("missing field `") {
        let field = rest.split('`').next().unwrap_or("");
        (
            format!("missing key `{field}`"),
            format!("add `{field} = \"...\"`"),
        )
    } else if let Some(rest) = first_line.strip_prefix("invalid type: ") {
        let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, "?"));
        let found = match found {
            "map" => "a table",
            "sequence" => "an array",
            other => other,
        };
        let expected = match expected {
            "f64" => "a number",
            "a sequence" => "an array [..]",
            "a boolean" => "true or false",
            other => other,
        };
        let header = source.get(span.clone()).unwrap_or("").trim_start();
        let quoted = found.starts_with("string");
        let hint = if found == "a table"
            && expected.starts_with("an array")
            && header.starts_with('[')
        {
            "write [[question]] with double brackets: each question is one entry of an array of tables"
        } else if expected.starts_with("an array") {
            "write a list in brackets, e.g. [\"docker\", \"volumes\"]"
        } else if quoted && (expected == "a number" || expected == "true or false") {
            "write the value without quotes"
        } else if expected == "a string" {
            "put the text in quotes: \"...\""
        } else {
            "docs/bank-format.md lists the type each key takes"
        };
        (
            format!("wrong type: found {found}, expected {expected}"),
            hint.to_owned(),
        )
    } else if first_line == "duplicate key" {
        let key = key_at(source, span.start);
        (
            format!("`{key}` is defined twice"),
            "a key appears once in its table, and [bank] once in a file; remove or merge the repeat".to_owned(),
        )
    } else if first_line.starts_with("invalid multi-line basic string") {
        (first_line, "close the text with \"\"\"".to_owned())
    } else if first_line.starts_with("invalid basic string") {
        (
            first_line,
            "close the string with `\"` on the same line; text over several lines goes in \"\"\"triple quotes\"\"\"".to_owned(),
        )
    } else if first_line == "recursion limit" || first_line.starts_with("cannot recurse further") {
        // toml gives no position for a key with too many dots; find it.
        if err.span().is_none() {
            span = deep_key(source).map_or(0..0, |at| at..at);
        }
        (
            format!("nested more than {MAX_NESTING} levels deep"),
            "a bank needs a few levels: [bank], [[question]], [[question.example]] and the arrays and inline tables in them".to_owned(),
        )
    } else if first_line.starts_with("key with no value") {
        (first_line, "write key = value".to_owned())
    } else if first_line.starts_with("string values must be quoted") {
        (
            first_line,
            "put the text in quotes: key = \"...\"".to_owned(),
        )
    } else if first_line.starts_with("unclosed array,") || first_line.starts_with("missing comma") {
        (
            first_line,
            "separate the elements with `,` and close the array with `]`".to_owned(),
        )
    } else if first_line.starts_with("unclosed") && first_line.contains("table") {
        (
            first_line,
            "the table headers of a bank are [bank], [[question]] and [[question.example]]"
                .to_owned(),
        )
    } else if first_line.starts_with("unexpected key or value") {
        (
            first_line,
            "write one key = value per line; a comment starts with #".to_owned(),
        )
    } else {
        (
            first_line,
            "this is not valid TOML; see https://toml.io for the syntax".to_owned(),
        )
    };
    let (bank, question) = whereabouts(source, span.start);
    Diagnostic::at(path, source, span, Severity::Error, message)
        .in_bank(bank.as_deref())
        .in_question(question.as_deref())
        .hint(hint)
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

/// How deep toml nests tables, arrays and dotted keys before it gives up (its own limit,
/// which keeps a hostile file from overflowing the stack).
const MAX_NESTING: usize = 80;

/// The byte offset of the first key or table header with [`MAX_NESTING`] or more parts.
fn deep_key(source: &str) -> Option<usize> {
    let mut offset = 0;
    for line in source.split_inclusive('\n') {
        let text = line.trim_start();
        let key = match text.strip_prefix('[') {
            Some(header) => header.split(']').next().unwrap_or(""),
            None => text.split('=').next().unwrap_or(""),
        };
        if key.matches('.').count() + 1 >= MAX_NESTING {
            return Some(offset + line.len() - text.len());
        }
        offset += line.len();
    }
    None
}

/// The byte offset of `key` written as a key (followed by `=`) inside `span` of `source`.
fn key_in(source: &str, span: Range<usize>, key: &str) -> Option<usize> {
    let text = source.get(span.clone())?;
    text.match_indices(key)
        .find(|(i, _)| {
            let before = text[..*i].chars().next_back();
            let after = text[i + key.len()..].trim_start();
            before.is_none_or(|c| !(c.is_alphanumeric() || c == '_' || c == '-'))
                && after.starts_with('=')
        })
        .map(|(i, _)| span.start + i)
}

/// The bare or quoted key starting at byte `offset` of `source`.
fn key_at(source: &str, offset: usize) -> String {
    let rest = source.get(offset..).unwrap_or("");
    if let Some(quoted) = rest.strip_prefix('"') {
        return quoted.split('"').next().unwrap_or("").to_owned();
    }
    rest.chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
        .collect()
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
                    "situation" => "add situation = \"...\": the setting shown before the prompt (or use kind = \"short_answer\")".to_owned(),
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

    fn bank(&mut self, raw: RawFile) -> Option<Bank> {
        let Some(header) = raw.bank else {
            self.error(
                0..0,
                "missing the [bank] table",
                "start the file with [bank] and its id and title",
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

        let raw_questions = raw.question.unwrap_or_default();
        if raw_questions.is_empty() {
            self.warning(at, "the bank has no questions", "add [[question]] tables");
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
        Some(Bank {
            id: id?,
            title: title?,
            lesson,
            module,
            description,
            tags,
            questions,
            source: self.path.to_owned(),
        })
    }

    fn question(&mut self, raw: RawQuestion, at: Range<usize>) -> Option<Question> {
        let id = self.id(raw.id, "question", at.clone());
        self.question_id = id.clone();
        let kind_span = raw.kind.as_ref().map_or(at.clone(), |k| k.span());
        let kind_name = self.required(raw.kind, "kind", at.clone());
        let kind_name = kind_name.and_then(|name| {
            let parsed = KindName::parse(&name);
            if parsed.is_none() {
                let names = KindName::names();
                let hint = match suggest(&name, names) {
                    Some(s) => format!("did you mean `{s}`?"),
                    None => format!("kinds are: {}", names.join(", ")),
                };
                self.error(kind_span, format!("unknown kind `{name}`"), &hint);
            }
            parsed
        });
        let true_false = kind_name == Some(KindName::TrueFalse);
        let kind = kind_name.map(KindName::kind);
        let prompt = self.required(raw.prompt, "prompt", at.clone());
        let explanation = self.optional(raw.explanation, "explanation");
        let tags = self.strings(raw.tags, "tags");
        let references = self.strings(raw.references, "references");
        let draft = raw.draft.map(|d| d.into_inner()).unwrap_or(false);
        let difficulty = raw.difficulty.and_then(|d| {
            let span = d.span();
            let name = d.into_inner();
            let parsed = Difficulty::parse(&name);
            if parsed.is_none() {
                self.error(
                    span,
                    format!("unknown difficulty `{name}`"),
                    &format!("difficulty is {}", prose_list(&Difficulty::names(), "or")),
                );
            }
            parsed
        });
        let pass_span = raw.pass.as_ref().map(|p| p.span());
        let pass = raw.pass.and_then(|p| {
            let span = p.span();
            let value = p.into_inner();
            if !(value > 0.0 && value <= 1.0) {
                self.error(
                    span,
                    format!("pass mark {value} is outside (0, 1]"),
                    "the pass mark is a fraction of the rubric's weight, e.g. pass = 0.6 for 60%",
                );
                return None;
            }
            Some(value)
        });
        let kind = kind?;

        // Keys that belong to other kinds.
        let misplaced: [(&str, Option<Range<usize>>, bool); 6] = [
            (
                "choices",
                raw.choices.as_ref().map(|v| v.span()),
                kind == Kind::MultipleChoice && !true_false,
            ),
            (
                "answer",
                raw.answer.as_ref().map(|v| v.span()),
                kind == Kind::MultipleChoice,
            ),
            (
                "model_answer",
                raw.model_answer.as_ref().map(|v| v.span()),
                kind.is_text(),
            ),
            (
                "keywords",
                raw.keywords.as_ref().map(|v| v.span()),
                kind.is_text(),
            ),
            (
                "situation",
                raw.situation.as_ref().map(|v| v.span()),
                kind == Kind::Scenario,
            ),
            (
                "tier",
                raw.tier.as_ref().map(|v| v.span()),
                kind == Kind::Interview,
            ),
        ];
        let kind_label = kind_name.map_or("", KindName::as_str);
        for (key, span, allowed) in misplaced {
            if let (Some(span), false) = (span, allowed) {
                let hint = match key {
                    "choices" if true_false => {
                        "a true_false question has the choices True and False; remove `choices`"
                    }
                    "choices" => {
                        "a text question is answered in free text; remove `choices`, or use kind = \"multiple_choice\""
                    }
                    "answer" => {
                        "a text question is graded against `model_answer` and `keywords`; write the reference answer as `model_answer`"
                    }
                    "model_answer" | "keywords" => {
                        "a multiple-choice question is graded by its `answer` letters; remove it, or put the reasoning in `explanation`"
                    }
                    "situation" => {
                        "only a scenario has a situation; use kind = \"scenario\" or fold it into the prompt"
                    }
                    "tier" => "only interview questions have a tier; use kind = \"interview\"",
                    _ => "remove it",
                };
                let article = if kind_label.starts_with(['a', 'e', 'i', 'o', 'u']) {
                    "an"
                } else {
                    "a"
                };
                self.error(
                    span,
                    format!("{article} {kind_label} question has no `{key}`"),
                    hint,
                );
            }
        }
        if let (Some(span), false) = (pass_span, kind.is_text()) {
            self.warning(
                span,
                "`pass` has no effect on a multiple-choice question",
                "remove it",
            );
        }

        let mut question = Question {
            explanation,
            pass,
            tags,
            difficulty,
            references,
            draft,
            ..Question::new(
                id.clone().unwrap_or_default(),
                kind,
                prompt.clone().unwrap_or_default(),
            )
        };

        match kind {
            Kind::MultipleChoice if true_false => {
                self.true_false(&mut question, raw.answer, at.clone())
            }
            Kind::MultipleChoice => {
                self.multiple_choice(&mut question, raw.choices, raw.answer, at.clone())
            }
            _ => {
                question.model_answer = self.required(raw.model_answer, "model_answer", at.clone());
                question.rubric = raw.keywords.and_then(|k| self.rubric(k));
                if kind == Kind::Scenario {
                    question.situation = self.required(raw.situation, "situation", at.clone());
                }
                if kind == Kind::Interview {
                    question.tier = self.tier(raw.tier, at.clone());
                }
                if question.draft {
                    self.warning(
                        at.clone(),
                        "the rubric is marked as a draft",
                        "refine the keywords, then remove `draft = true`",
                    );
                }
            }
        }

        let raw_examples = raw.example.unwrap_or_default();
        if kind.is_text() {
            let written = raw_examples.len();
            for example in raw_examples {
                if let Some(example) = self.example(example) {
                    question.examples.push(example);
                }
            }
            // An example that has errors is reported already; warn only when none is written.
            if written == 0 {
                self.warning(
                    at.clone(),
                    "no [[question.example]]: `recall test` cannot check this rubric",
                    "add an example answer that should pass and one that should fail",
                );
            }
        } else if let Some(first) = raw_examples.first() {
            self.error(
                first.span(),
                "examples are for text questions; a multiple-choice question is graded by its letters",
                "remove the [[question.example]] tables",
            );
        }

        let complete = id.is_some() && prompt.is_some();
        complete.then_some(question)
    }

    fn tier(&mut self, tier: Option<S<String>>, at: Range<usize>) -> Option<Tier> {
        let Some(tier) = tier else {
            self.error(
                at,
                "an interview question needs a `tier`",
                &format!("add tier = {}", quoted_list(&Tier::names(), "or")),
            );
            return None;
        };
        let span = tier.span();
        let name = tier.into_inner();
        let parsed = Tier::parse(&name);
        if parsed.is_none() {
            let names = Tier::names();
            let hint = match suggest(&name, names) {
                Some(s) => format!("did you mean `{s}`?"),
                None => format!("tiers are {}", prose_list(&names, "and")),
            };
            self.error(span, format!("unknown tier `{name}`"), &hint);
        }
        parsed
    }

    fn true_false(
        &mut self,
        question: &mut Question,
        answer: Option<S<RawAnswer>>,
        at: Range<usize>,
    ) {
        question.true_false = true;
        question.choices = TRUE_FALSE_CHOICES
            .map(|text| Choice {
                text: text.to_owned(),
                feedback: None,
            })
            .to_vec();
        match answer.map(|a| (a.span(), a.into_inner())) {
            Some((_, RawAnswer::Bool(true))) => question.answer = vec![0],
            Some((_, RawAnswer::Bool(false))) => question.answer = vec![1],
            Some((span, RawAnswer::Letter(_) | RawAnswer::Letters(_))) => self.error(
                span,
                "a true_false answer is true or false",
                "write answer = true or answer = false (no quotes)",
            ),
            None => self.error(
                at,
                "missing `answer`",
                "add answer = true or answer = false",
            ),
        }
    }

    fn multiple_choice(
        &mut self,
        question: &mut Question,
        choices: Option<S<Vec<S<RawChoice>>>>,
        answer: Option<S<RawAnswer>>,
        at: Range<usize>,
    ) {
        let Some(choices) = choices else {
            self.error(
                at,
                "missing `choices`",
                "add choices = [\"...\", \"...\"] with at least two choices",
            );
            return;
        };
        let list_span = choices.span();
        let choices = choices.into_inner();
        if choices.len() < 2 {
            self.error(
                list_span.clone(),
                format!(
                    "a multiple-choice question needs at least two choices, found {}",
                    choices.len()
                ),
                "add the missing choices",
            );
        }
        // Each choice's normalised text and the index of its first occurrence.
        let mut seen: HashMap<String, usize> = HashMap::with_capacity(choices.len());
        for choice in choices {
            let span = choice.span();
            let choice = choice.into_inner();
            if choice.text.trim().is_empty() {
                self.error(
                    span,
                    format!("choice {} is empty", letter(question.choices.len())),
                    "write its text or remove it",
                );
            } else {
                let index = question.choices.len();
                let first = *seen
                    .entry(choice.text.trim().to_lowercase())
                    .or_insert(index);
                if first != index {
                    self.error(
                        span,
                        format!(
                            "choice {} repeats choice {}",
                            letter(question.choices.len()),
                            letter(first)
                        ),
                        "each choice must be different",
                    );
                }
            }
            let feedback = choice.feedback.filter(|f| !f.trim().is_empty());
            question.choices.push(Choice {
                text: choice.text,
                feedback,
            });
        }
        let count = question.choices.len();
        let Some(answer) = answer else {
            self.error(
                at,
                "missing `answer`",
                "add answer = \"A\" (or a list like [\"A\", \"C\"] when several are right)",
            );
            return;
        };
        let span = answer.span();
        let letters: Vec<(Range<usize>, String)> = match answer.into_inner() {
            RawAnswer::Letter(letter) => vec![(span.clone(), letter)],
            RawAnswer::Letters(letters) => letters
                .into_iter()
                .map(|l| (l.span(), l.into_inner()))
                .collect(),
            RawAnswer::Bool(_) => {
                self.error(
                    span,
                    "the answer of a multiple-choice question is a letter",
                    "write answer = \"C\", or use kind = \"true_false\"",
                );
                return;
            }
        };
        if letters.is_empty() {
            self.error(
                span.clone(),
                "the answer list is empty",
                "list the right letters, e.g. answer = [\"A\", \"C\"]",
            );
        }
        let last = letter(count.saturating_sub(1));
        let mut listed = HashSet::new();
        for (at, text) in letters {
            match letter_index(&text) {
                None => self.error(
                    at,
                    format!("answer `{text}` is not a choice letter"),
                    &format!("answers are letters from A to {last}"),
                ),
                Some(i) if i >= count => self.error(
                    at,
                    format!(
                        "answer {} is out of range: the question has {count} choices (A to {last})",
                        text.trim().to_uppercase()
                    ),
                    "point the answer at an existing choice, or add the missing choice",
                ),
                Some(i) if !listed.insert(i) => self.error(
                    at,
                    format!("answer {} is listed twice", letter(i)),
                    "list each right letter once",
                ),
                Some(i) => question.answer.push(i),
            }
        }
        question.answer.sort_unstable();
        if count > 0 && question.answer.len() == count && count > 1 {
            self.warning(
                span,
                "every choice is marked right",
                "a question where everything is right teaches little; check the answer",
            );
        }
        if question.explanation.is_none() {
            self.warning(
                at,
                "no `explanation`: learners who get it wrong see only the letter",
                "add an explanation of why the answer is right",
            );
        }
    }

    fn rubric(&mut self, keywords: S<Vec<S<RawKeyword>>>) -> Option<Rubric> {
        let list_span = keywords.span();
        let mut rubric = Rubric::default();
        let mut ok = true;
        for entry in keywords.into_inner() {
            let span = entry.span();
            match entry.into_inner() {
                RawKeyword::Term(term) => match self.term(&term, span) {
                    Some(term) => rubric.concepts.push(Concept {
                        alternatives: vec![term],
                        weight: 1.0,
                        required: false,
                    }),
                    None => ok = false,
                },
                RawKeyword::Table(table) => ok &= self.keyword_table(table, span, &mut rubric),
            }
        }
        if ok && rubric.concepts.is_empty() && rubric.forbidden.is_empty() {
            self.error(list_span, "`keywords` is empty", "list the concepts an answer needs, or remove `keywords` to derive them from the model answer");
            return None;
        }
        ok.then_some(rubric)
    }

    fn term(&mut self, term: &str, span: Range<usize>) -> Option<String> {
        let trimmed = term.trim();
        if trimmed.is_empty() || !trimmed.chars().any(char::is_alphanumeric) {
            self.error(
                span,
                format!("keyword {term:?} has no letters or digits to match"),
                "write the word or phrase an answer should contain",
            );
            return None;
        }
        Some(trimmed.to_owned())
    }

    fn keyword_table(
        &mut self,
        table: RawKeywordTable,
        span: Range<usize>,
        rubric: &mut Rubric,
    ) -> bool {
        match (table.any, table.forbid) {
            (Some(_), Some(_)) => {
                self.error(
                    span,
                    "a keyword table has both `any` and `forbid`",
                    "split it into two entries: { any = [...] } and { forbid = [...] }",
                );
                false
            }
            (None, None) => {
                self.error(span, "a keyword table needs `any` (alternatives) or `forbid` (terms that fail the answer)", "write { any = [\"volume\", \"volumes\"] } or { forbid = [\"bind mount\"] }");
                false
            }
            (None, Some(terms)) => {
                if table.weight.is_some() || table.required.is_some() {
                    self.error(
                        span.clone(),
                        "`weight` and `required` do not apply to `forbid`",
                        "a forbidden term fails the answer outright; remove weight/required",
                    );
                    return false;
                }
                let terms = self.terms(terms, span, "forbid");
                terms
                    .map(|terms| rubric.forbidden.push(Forbidden { terms }))
                    .is_some()
            }
            (Some(any), None) => {
                let weight = table.weight.unwrap_or(1.0);
                if !(weight.is_finite() && weight > 0.0 && weight <= 100.0) {
                    self.error(
                        span,
                        format!("weight {weight} is not a positive number up to 100"),
                        "weights are relative, e.g. weight = 2 counts double",
                    );
                    return false;
                }
                let Some(alternatives) = self.terms(any, span, "any") else {
                    return false;
                };
                rubric.concepts.push(Concept {
                    alternatives,
                    weight,
                    required: table.required.unwrap_or(false),
                });
                true
            }
        }
    }

    fn terms(&mut self, terms: Vec<String>, span: Range<usize>, key: &str) -> Option<Vec<String>> {
        if terms.is_empty() {
            self.error(
                span,
                format!("`{key}` is empty"),
                "list at least one word or phrase",
            );
            return None;
        }
        let mut out = Vec::with_capacity(terms.len());
        for term in terms {
            out.push(self.term(&term, span.clone())?);
        }
        Some(without_repeats(out))
    }

    fn example(&mut self, raw: S<RawExample>) -> Option<Example> {
        let at = raw.span();
        let raw = raw.into_inner();
        let answer = self.required(raw.answer, "answer", at.clone());
        let note = self.optional(raw.note, "note");
        let expect = match raw.expect.map(|e| (e.span(), e.into_inner())) {
            None => {
                self.error(
                    at,
                    "an example needs `expect`",
                    "add expect = \"pass\", \"fail\" or { min = 0.4, max = 0.8 }",
                );
                None
            }
            Some((span, RawExpect::Word(word))) => {
                match word.as_str() {
                    "pass" => Some(Expect::Pass),
                    "fail" => Some(Expect::Fail),
                    other => {
                        self.error(span, format!("unknown expectation `{other}`"), "expect is \"pass\", \"fail\" or a score range { min = 0.4, max = 0.8 }");
                        None
                    }
                }
            }
            Some((span, RawExpect::Range { min, max })) => {
                let (min, max) = (min.unwrap_or(0.0), max.unwrap_or(1.0));
                if !(0.0..=1.0).contains(&min) || !(0.0..=1.0).contains(&max) || min > max {
                    self.error(
                        span,
                        format!("score range {min}..{max} is not within 0..1 with min <= max"),
                        "scores run from 0 to 1, e.g. { min = 0.4, max = 0.8 }",
                    );
                    None
                } else {
                    Some(Expect::Score { min, max })
                }
            }
        };
        Some(Example {
            answer: answer?,
            expect: expect?,
            note,
        })
    }
}
