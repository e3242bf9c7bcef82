//! The rubric of a text question (`keywords`) and its examples (`[[question.example]]`).

use super::{Checker, without_repeats};
use crate::bank::model::*;
use crate::bank::raw::*;
use std::ops::Range;

impl Checker<'_> {
    /// A text question's examples, each checked; a warning when it has none.
    pub(super) fn examples(
        &mut self,
        question: &mut Question,
        examples: Option<Vec<S<RawExample>>>,
        at: Range<usize>,
    ) {
        let examples = examples.unwrap_or_default();
        let written = examples.len();
        for example in examples {
            if let Some(example) = self.example(example) {
                question.examples.push(example);
            }
        }
        // An example that has errors is reported already; warn only when none is written.
        if written == 0 {
            self.warning(
                at,
                "no [[question.example]]: `recall test` cannot check this rubric",
                "add an example answer that should pass and one that should fail",
            );
        }
    }

    pub(super) fn rubric(&mut self, keywords: S<Vec<S<RawKeyword>>>) -> Option<Rubric> {
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
