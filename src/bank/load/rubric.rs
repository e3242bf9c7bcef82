//! The rubric of a text question (`keywords`), its known misconceptions
//! (`[[question.misconception]]`) and its examples (`[[question.example]]`).

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
                RawKeyword::Term(term) => match self.term(&term, span.clone()) {
                    Some(term) => {
                        self.keyword_lint(&term, span);
                        rubric.concepts.push(Concept::any(vec![term]));
                    }
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
                "write the word or phrase an answer should contain; an operator (`==`, `->`) is \
                 punctuation to the grader, in answers too: name the claim in words (`plain \
                 comparison`) and require what a right answer names (`compare_digest`)",
            );
            return None;
        }
        Some(trimmed.to_owned())
    }

    /// A warning for a keyword that does not say what it seems to (see
    /// `grade::keyword_warning`).
    fn keyword_lint(&mut self, term: &str, span: Range<usize>) {
        if let Some(warning) = crate::grade::keyword_warning(term) {
            self.warning(span, warning.message, &warning.hint);
        }
    }

    fn keyword_table(
        &mut self,
        table: RawKeywordTable,
        span: Range<usize>,
        rubric: &mut Rubric,
    ) -> bool {
        if table.forbid.is_some() {
            if let Some(key) = [("any", table.any.is_some()), ("all", table.all.is_some())]
                .into_iter()
                .find_map(|(key, set)| set.then_some(key))
            {
                self.error(
                    span,
                    format!("a keyword table has both `{key}` and `forbid`"),
                    &format!(
                        "split it into two entries: {{ {key} = [...] }} and {{ forbid = [...] }}"
                    ),
                );
                return false;
            }
            if table.weight.is_some() || table.required.is_some() {
                self.error(
                    span.clone(),
                    "`weight` and `required` do not apply to `forbid`",
                    "a forbidden term fails the answer outright; remove weight/required",
                );
                return false;
            }
            if table.within.is_some() || table.ordered.is_some() {
                self.error(
                    span.clone(),
                    "`within` and `ordered` do not apply to `forbid`",
                    "they belong to a relation, { all = [...] }; remove them",
                );
                return false;
            }
            let terms = table
                .forbid
                .and_then(|terms| self.terms(terms, span, "forbid"));
            return terms
                .map(|terms| rubric.forbidden.push(Forbidden { terms }))
                .is_some();
        }
        let weight = table.weight.unwrap_or(1.0);
        if !(weight.is_finite() && weight > 0.0 && weight <= 100.0) {
            self.error(
                span,
                format!("weight {weight} is not a positive number up to 100"),
                "weights are relative, e.g. weight = 2 counts double",
            );
            return false;
        }
        let required = table.required.unwrap_or(false);
        match self.concept_table(table, span) {
            Some(concept) => {
                rubric.concepts.push(Concept {
                    shown: None,
                    weight,
                    required,
                    ..concept
                });
                true
            }
            None => false,
        }
    }

    /// The concept of a table with `any` (alternatives) or `all` (a relation), of weight
    /// 1 and not required; `weight`, `required` and `forbid` are the caller's.
    fn concept_table(&mut self, table: RawKeywordTable, span: Range<usize>) -> Option<Concept> {
        match (table.any, table.all) {
            (Some(_), Some(_)) => {
                self.error(
                    span,
                    "a keyword table has both `any` and `all`",
                    "use { any = [...] } for alternatives, { all = [...] } for terms that count only together; a term of `all` can list its own alternatives: all = [\"cgroup\", [\"limit\", \"cap\"]]",
                );
                None
            }
            (None, None) => {
                self.error(
                    span,
                    "a keyword table needs `any` (alternatives), `all` (terms found together) or `forbid` (terms that fail the answer)",
                    "write { any = [\"volume\", \"volumes\"] }, { all = [\"cgroup\", \"limit\"] } or { forbid = [\"bind mount\"] }",
                );
                None
            }
            (Some(any), None) => {
                if table.within.is_some() || table.ordered.is_some() {
                    self.error(
                        span,
                        "`within` and `ordered` apply to `all`, not to `any`",
                        "write { all = [...], within = \"clause\" } for terms that count only together",
                    );
                    return None;
                }
                Some(Concept::any(self.terms(any, span, "any")?))
            }
            (None, Some(all)) => {
                let relation = self.relation(all, table.within, table.ordered, span)?;
                Some(Concept {
                    relation: Some(relation),
                    ..Concept::any(Vec::new())
                })
            }
        }
    }

    /// A relation: at least two terms, each with at least one alternative, and where
    /// they must be found together.
    fn relation(
        &mut self,
        all: Vec<RawTerm>,
        within: Option<String>,
        ordered: Option<bool>,
        span: Range<usize>,
    ) -> Option<Relation> {
        let within = match within.as_deref() {
            None => Some(Within::Clause),
            Some(name) => {
                let parsed = Within::parse(name);
                if parsed.is_none() {
                    self.error(
                        span.clone(),
                        format!("unknown `within` {name:?}"),
                        &format!(
                            "within is {}",
                            crate::lang::prose_list(&Within::names(), "or")
                        ),
                    );
                }
                parsed
            }
        };
        if all.len() < 2 {
            self.error(
                span,
                format!(
                    "`all` has {} term{}; a relation ties two or more together",
                    all.len(),
                    if all.len() == 1 { "" } else { "s" }
                ),
                "for alternatives of one term write { any = [...] }",
            );
            return None;
        }
        let mut terms: Vec<Vec<String>> = Vec::with_capacity(all.len());
        for RawTerm(alternatives) in all {
            let term = self.terms(alternatives, span.clone(), "all")?;
            // One phrase written in two places: no word fills two places, so an answer
            // meets both only by saying it twice. Forms of one stem written apart
            // (`network` the name, `networking` what it isolates) are the author's choice.
            let twice = term.iter().find(|a| {
                terms
                    .iter()
                    .flatten()
                    .any(|b| crate::grade::written_alike(a, b))
            });
            if let Some(twice) = twice {
                self.warning(
                    span.clone(),
                    format!("`{twice}` is written in two places of this `all`: one mention of it fills one place, so an answer meets both only by saying it twice"),
                    "keep it in the place it belongs to; each place names a different part of the claim",
                );
            }
            terms.push(term);
        }
        Some(Relation {
            terms,
            within: within?,
            ordered: ordered.unwrap_or(false),
        })
    }

    /// A text question's misconceptions, each checked.
    pub(super) fn misconceptions(
        &mut self,
        question: &mut Question,
        raw: Option<Vec<S<RawMisconception>>>,
    ) {
        for raw in raw.unwrap_or_default() {
            if let Some(misconception) = self.misconception(raw) {
                question.misconceptions.push(misconception);
            }
        }
    }

    fn misconception(&mut self, raw: S<RawMisconception>) -> Option<Misconception> {
        let at = raw.span();
        let raw = raw.into_inner();
        let feedback = self.required(raw.feedback, "feedback", at.clone());
        let cap = match raw.cap {
            None => Some(None),
            Some(cap) => {
                let value = *cap.get_ref();
                if (0.0..1.0).contains(&value) {
                    Some(Some(value))
                } else {
                    self.error(
                        cap.span(),
                        format!("cap {value} is outside [0, 1)"),
                        "the cap is the highest score an answer that makes this claim can get, below the pass mark, e.g. cap = 0.3; leave it out to fail the answer",
                    );
                    None
                }
            }
        };
        let concept = match raw.concept.map(|c| (c.span(), c.into_inner())) {
            None => {
                self.error(
                    at,
                    "a misconception needs a `concept`: what an answer says when it makes the claim",
                    "add concept = { all = [\"raise\", \"--cpus\"] } (terms found together) or concept = { any = [...] }",
                );
                None
            }
            Some((span, RawKeyword::Term(term))) => {
                let term = self.term(&term, span.clone());
                if let Some(term) = &term {
                    self.keyword_lint(term, span);
                }
                term.map(|t| Concept::any(vec![t]))
            }
            Some((span, RawKeyword::Table(table))) => {
                if table.forbid.is_some() || table.weight.is_some() || table.required.is_some() {
                    self.error(
                        span,
                        "a misconception's concept takes no `forbid`, `weight` or `required`",
                        "write concept = { any = [...] } or { all = [...] }; what the claim does to the answer is `cap` (or nothing, to fail it)",
                    );
                    None
                } else {
                    self.concept_table(table, span)
                }
            }
        };
        Some(Misconception {
            concept: concept?,
            feedback: feedback?,
            cap: cap?,
        })
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
            self.keyword_lint(&term, span.clone());
            out.push(term);
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
