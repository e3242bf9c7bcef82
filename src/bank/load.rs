//! From bank text to a validated [`Bank`], with every problem as a located diagnostic.
//!
//! Two stages: serde reads the text into `bank::raw` (a syntax error, an unknown key or a
//! wrong type stops that file with one diagnostic, since the rest of the file cannot be
//! trusted), then `Checker` walks the raw bank and reports every content problem it
//! finds: missing fields, bad ids, duplicates, letters out of range, malformed rubrics.
//! A file with any error yields no bank.

use super::model::*;
use super::raw::*;
use crate::diagnostic::{Diagnostic, Severity};
use std::collections::HashSet;
use std::ops::Range;
use std::path::Path;

/// The largest bank file recall reads (checked before reading it).
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

const MAX_ID_LEN: usize = 64;

/// Parses and validates one bank; `path` is only used to name it in diagnostics.
pub fn load_str(path: &Path, source: &str) -> (Option<Bank>, Vec<Diagnostic>) {
    let raw: RawFile = match toml::from_str(source) {
        Ok(raw) => raw,
        Err(err) => return (None, vec![toml_error(path, source, &err)]),
    };
    let mut checker = Checker {
        path,
        source,
        diagnostics: Vec::new(),
        bank_id: None,
        question_id: None,
    };
    let bank = checker.bank(raw);
    let failed = checker.diagnostics.iter().any(Diagnostic::is_error);
    // Report in file order, whatever order the checks ran in.
    checker.diagnostics.sort_by_key(|d| (d.line, d.column));
    (bank.filter(|_| !failed), checker.diagnostics)
}

/// A toml/serde error as a diagnostic, with a hint for the common cases.
fn toml_error(path: &Path, source: &str, err: &toml::de::Error) -> Diagnostic {
    let message = err.message().trim().to_owned();
    let span = err.span().unwrap_or(0..0);
    let mut hint = None;
    if let Some(rest) = message.strip_prefix("unknown field `") {
        let field = rest.split('`').next().unwrap_or("");
        let expected: Vec<&str> = rest.split('`').skip(2).step_by(2).collect();
        hint = Some(match super::suggest(field, expected.iter().copied()) {
            Some(s) => format!("did you mean `{s}`?"),
            None => format!("the keys allowed here are: {}", expected.join(", ")),
        });
    } else if message.contains("invalid type") {
        hint = Some("see docs/bank-format.md for the type each key takes".to_owned());
    }
    let message = message.lines().next().unwrap_or("").to_owned();
    let mut d = Diagnostic::at(path, source, span, Severity::Error, message);
    d.hint = hint;
    d
}

struct Checker<'a> {
    path: &'a Path,
    source: &'a str,
    diagnostics: Vec<Diagnostic>,
    bank_id: Option<String>,
    question_id: Option<String>,
}

impl Checker<'_> {
    fn report(&mut self, span: Range<usize>, severity: Severity, message: String, hint: &str) {
        let mut d = Diagnostic::at(self.path, self.source, span, severity, message)
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
                self.error(
                    at,
                    format!("missing `{key}`"),
                    &format!("add `{key} = \"...\"`"),
                );
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
        let id = self.required(value, "id", at)?;
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

    fn tags(&mut self, tags: Option<Vec<S<String>>>) -> Vec<String> {
        let mut out = Vec::new();
        for tag in tags.unwrap_or_default() {
            if let Some(tag) = self.non_empty(tag, "tags")
                && !out.contains(&tag)
            {
                out.push(tag);
            }
        }
        out
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
        let tags = self.tags(header.tags);

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
        let (kind, true_false) = match kind_name.as_deref() {
            None => (None, false),
            Some("true_false") => (Some(Kind::MultipleChoice), true),
            Some(name) => match Kind::parse(name) {
                Some(kind) => (Some(kind), false),
                None => {
                    let mut names: Vec<&str> = Kind::ALL.iter().map(|k| k.as_str()).collect();
                    names.push("true_false");
                    let hint = match super::suggest(name, names.iter().copied()) {
                        Some(s) => format!("did you mean `{s}`?"),
                        None => format!("kinds are: {}", names.join(", ")),
                    };
                    self.error(kind_span, format!("unknown kind `{name}`"), &hint);
                    (None, false)
                }
            },
        };
        let prompt = self.required(raw.prompt, "prompt", at.clone());
        let explanation = self.optional(raw.explanation, "explanation");
        let tags = self.tags(raw.tags);
        let references = self.tags(raw.references);
        let draft = raw.draft.map(|d| d.into_inner()).unwrap_or(false);
        let difficulty = raw.difficulty.and_then(|d| {
            let span = d.span();
            let name = d.into_inner();
            let parsed = Difficulty::parse(&name);
            if parsed.is_none() {
                self.error(
                    span,
                    format!("unknown difficulty `{name}`"),
                    "difficulty is easy, medium or hard",
                );
            }
            parsed
        });
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
        let kind_label = if true_false {
            "true_false"
        } else {
            kind.as_str()
        };
        for (key, span, allowed) in misplaced {
            if let (Some(span), false) = (span, allowed) {
                let hint = match key {
                    "choices" if true_false => {
                        "a true_false question has the choices True and False; remove `choices`"
                    }
                    "answer" => "text questions are graded against `model_answer` and `keywords`",
                    "model_answer" | "keywords" => {
                        "multiple-choice questions are graded by their `answer` letters"
                    }
                    "situation" => {
                        "only a scenario has a situation; use kind = \"scenario\" or fold it into the prompt"
                    }
                    "tier" => "only interview questions have a tier; use kind = \"interview\"",
                    _ => "remove it",
                };
                self.error(
                    span,
                    format!("a {kind_label} question has no `{key}`"),
                    hint,
                );
            }
        }
        if pass.is_some() && !kind.is_text() {
            self.warning(
                at.clone(),
                "`pass` has no effect on a multiple-choice question",
                "remove it",
            );
        }

        let mut question = Question {
            id: id.clone().unwrap_or_default(),
            kind,
            prompt: prompt.clone().unwrap_or_default(),
            situation: None,
            tier: None,
            choices: Vec::new(),
            answer: Vec::new(),
            explanation,
            model_answer: None,
            rubric: None,
            pass,
            examples: Vec::new(),
            tags,
            difficulty,
            references,
            draft,
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
            for example in raw_examples {
                if let Some(example) = self.example(example) {
                    question.examples.push(example);
                }
            }
            if question.examples.is_empty() {
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
                "add tier = \"beginner\", \"intermediate\", \"advanced\" or \"scenario\"",
            );
            return None;
        };
        let span = tier.span();
        let name = tier.into_inner();
        let parsed = Tier::parse(&name);
        if parsed.is_none() {
            let names = Tier::ALL.map(Tier::as_str);
            let hint = match super::suggest(&name, names.iter().copied()) {
                Some(s) => format!("did you mean `{s}`?"),
                None => "tiers are beginner, intermediate, advanced and scenario".to_owned(),
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
        question.choices = ["True", "False"]
            .map(|text| Choice {
                text: text.to_owned(),
                feedback: None,
            })
            .to_vec();
        match answer.map(|a| (a.span(), a.into_inner())) {
            Some((_, RawAnswer::Bool(true))) => question.answer = vec![0],
            Some((_, RawAnswer::Bool(false))) => question.answer = vec![1],
            Some((span, RawAnswer::Letters(_))) => self.error(
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
        let mut seen: Vec<String> = Vec::new();
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
                let norm = choice.text.trim().to_lowercase();
                if let Some(first) = seen.iter().position(|s| *s == norm) {
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
            seen.push(choice.text.trim().to_lowercase());
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
        let letters = match answer.into_inner() {
            RawAnswer::Letters(letters) => letters,
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
        for text in letters {
            match letter_index(&text) {
                None => self.error(
                    span.clone(),
                    format!("answer `{text}` is not a choice letter"),
                    &format!("answers are letters from A to {last}"),
                ),
                Some(i) if i >= count => self.error(
                    span.clone(),
                    format!(
                        "answer {} is out of range: the question has {count} choices (A to {last})",
                        text.trim().to_uppercase()
                    ),
                    "point the answer at an existing choice, or add the missing choice",
                ),
                Some(i) if question.answer.contains(&i) => self.error(
                    span.clone(),
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
            let term = self.term(&term, span.clone())?;
            if !out.contains(&term) {
                out.push(term);
            }
        }
        Some(out)
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
