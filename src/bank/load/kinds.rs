//! What each kind of question adds to what every question has: the checks of a
//! multiple-choice, a `true_false` and a text question (short answer, scenario,
//! interview), and the keys that belong to other kinds.

use super::{Checker, quoted_list};
use crate::bank::model::*;
use crate::bank::raw::*;
use crate::lang::{prose_list, suggest};
use std::collections::{HashMap, HashSet};
use std::ops::Range;

/// The choices of a `true_false` question, in the order they are asked.
const TRUE_FALSE_CHOICES: [&str; 2] = ["True", "False"];

/// Why a choice question has no `model_answer` or `keywords`.
const GRADED_BY_LETTERS: &str = "a multiple-choice question is graded by its `answer` letters; remove it, or put the reasoning in `explanation`";

impl Checker<'_> {
    /// A multiple-choice question: its choices and the letters of the right ones.
    pub(super) fn multiple_choice(
        &mut self,
        question: &mut Question,
        raw: RawQuestion,
        at: Range<usize>,
    ) {
        self.choice_keys(KindName::MultipleChoice, &raw);
        self.choices_and_answer(question, raw.choices, raw.answer, at);
        self.no_examples(raw.example);
    }

    /// A `true_false` question: a multiple-choice question with the choices True and
    /// False, answered with a boolean.
    pub(super) fn true_false(
        &mut self,
        question: &mut Question,
        raw: RawQuestion,
        at: Range<usize>,
    ) {
        let kind = KindName::TrueFalse;
        self.misplaced(
            kind,
            "choices",
            raw.choices.as_ref().map(|v| v.span()),
            &format!(
                "a {kind} question has the choices {}; remove `choices`",
                prose_list(&TRUE_FALSE_CHOICES, "and")
            ),
        );
        self.choice_keys(kind, &raw);
        question.true_false = true;
        question.choices = TRUE_FALSE_CHOICES
            .map(|text| Choice {
                text: text.to_owned(),
                feedback: None,
            })
            .to_vec();
        match raw.answer.map(|a| (a.span(), a.into_inner())) {
            Some((_, RawAnswer::Bool(true))) => question.answer = vec![0],
            Some((_, RawAnswer::Bool(false))) => question.answer = vec![1],
            Some((span, RawAnswer::Letter(_) | RawAnswer::Letters(_))) => self.error(
                span,
                format!("a {} answer is true or false", KindName::TrueFalse),
                "write answer = true or answer = false (no quotes)",
            ),
            None => self.error(
                at,
                "missing `answer`",
                "add answer = true or answer = false",
            ),
        }
        self.no_examples(raw.example);
    }

    /// A text question (short answer, scenario, interview): its model answer and rubric,
    /// a scenario's situation, an interview question's tier, and the examples `recall
    /// test` checks the rubric with.
    pub(super) fn text_question(
        &mut self,
        question: &mut Question,
        kind: KindName,
        mut raw: RawQuestion,
        at: Range<usize>,
    ) {
        self.misplaced(
            kind,
            "choices",
            raw.choices.as_ref().map(|v| v.span()),
            &format!(
                "a text question is answered in free text; remove `choices`, or use kind = \"{}\"",
                KindName::MultipleChoice
            ),
        );
        self.misplaced(
            kind,
            "answer",
            raw.answer.as_ref().map(|v| v.span()),
            "a text question is graded against `model_answer` and `keywords`; write the reference answer as `model_answer`",
        );
        self.one_kind_keys(kind, &raw);
        if kind == KindName::Scenario {
            question.situation = self.required(raw.situation.take(), "situation", at.clone());
        }
        if kind == KindName::Interview {
            question.tier = self.tier(raw.tier.take(), at.clone());
        }
        self.text_body(question, raw, at);
    }

    /// What every text question has, a follow-up too: its model answer, rubric,
    /// misconceptions and examples, with the author lints on them.
    pub(super) fn text_body(
        &mut self,
        question: &mut Question,
        raw: RawQuestion,
        at: Range<usize>,
    ) {
        question.model_answer = self.required(raw.model_answer, "model_answer", at.clone());
        question.rubric = raw.keywords.and_then(|k| self.rubric(k));
        self.misconceptions(question, raw.misconception);
        if question.draft {
            self.warning(
                at.clone(),
                "the rubric is marked as a draft",
                "refine the keywords, then remove `draft = true`",
            );
        }
        self.examples(question, raw.example, at.clone());
        self.text_lints(question, at);
    }

    /// What both choice kinds refuse: the keys of text questions; and `pass`, which
    /// they ignore.
    fn choice_keys(&mut self, kind: KindName, raw: &RawQuestion) {
        let text_keys = [
            ("model_answer", raw.model_answer.as_ref().map(|v| v.span())),
            ("keywords", raw.keywords.as_ref().map(|v| v.span())),
            (
                "misconception",
                raw.misconception
                    .as_ref()
                    .and_then(|m| m.first())
                    .map(|m| m.span()),
            ),
        ];
        for (key, span) in text_keys {
            self.misplaced(kind, key, span, GRADED_BY_LETTERS);
        }
        self.one_kind_keys(kind, raw);
        if let Some(pass) = &raw.pass {
            self.warning(
                pass.span(),
                "`pass` has no effect on a multiple-choice question",
                "remove it",
            );
        }
    }

    /// The keys of one kind only, on a question of another: `situation` (scenario) and
    /// `tier` (interview).
    fn one_kind_keys(&mut self, kind: KindName, raw: &RawQuestion) {
        if kind != KindName::Scenario {
            self.misplaced(
                kind,
                "situation",
                raw.situation.as_ref().map(|v| v.span()),
                &format!(
                    "only a scenario has a situation; use kind = \"{}\" or fold it into the prompt",
                    KindName::Scenario
                ),
            );
        }
        if kind != KindName::Interview {
            self.misplaced(
                kind,
                "tier",
                raw.tier.as_ref().map(|v| v.span()),
                &format!(
                    "only interview questions have a tier; use kind = \"{}\"",
                    KindName::Interview
                ),
            );
        }
    }

    /// `key`, written at `span` on a question of `kind`, which does not take it.
    fn misplaced(&mut self, kind: KindName, key: &str, span: Option<Range<usize>>, hint: &str) {
        let Some(span) = span else { return };
        let name = kind.as_str();
        let article = if name.starts_with(['a', 'e', 'i', 'o', 'u']) {
            "an"
        } else {
            "a"
        };
        self.error(
            span,
            format!("{article} {name} question has no `{key}`"),
            hint,
        );
    }

    /// Examples on a choice question, which is graded by its letters.
    fn no_examples(&mut self, examples: Option<Vec<S<RawExample>>>) {
        if let Some(first) = examples.unwrap_or_default().first() {
            self.error(
                first.span(),
                "examples are for text questions; a multiple-choice question is graded by its letters",
                "remove the [[question.example]] tables",
            );
        }
    }

    /// An interview question's tier.
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

    /// The choices and the letters of the right ones (an `explanation` is expected).
    fn choices_and_answer(
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
        self.choices(question, choices);
        let Some(answer) = answer else {
            self.error(
                at,
                "missing `answer`",
                "add answer = \"A\" (or a list like [\"A\", \"C\"] when several are right)",
            );
            return;
        };
        if !self.answer_letters(question, answer) {
            return;
        }
        if question.explanation.is_none() {
            self.warning(
                at,
                "no `explanation`: learners who get it wrong see only the letter",
                "add an explanation of why the answer is right",
            );
        }
    }

    /// The choices, each non-empty and different from the others.
    fn choices(&mut self, question: &mut Question, choices: S<Vec<S<RawChoice>>>) {
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
    }

    /// The letters of the right choices into `question.answer`, each naming a choice once;
    /// `false` when the answer is not letters at all.
    fn answer_letters(&mut self, question: &mut Question, answer: S<RawAnswer>) -> bool {
        let count = question.choices.len();
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
                    &format!(
                        "write answer = \"C\", or use kind = \"{}\"",
                        KindName::TrueFalse
                    ),
                );
                return false;
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
        true
    }
}

#[cfg(test)]
mod tests {
    use crate::bank::{Kind, load_str};
    use std::path::Path;

    const BANK: &str = r#"
[bank]
id = "b"
title = "T"

[[question]]
id = "tf"
kind = "true_false"
prompt = "UDP is connectionless."
answer = false

[[question]]
id = "mc"
kind = "multiple_choice"
prompt = "Pick one."
choices = ["True", "False"]
answer = "A"
explanation = "e"
"#;

    #[test]
    fn true_false_is_set_by_the_kind_not_by_the_choice_texts() {
        let (bank, diagnostics) = load_str(Path::new("b.toml"), BANK);
        let bank = bank.unwrap_or_else(|| panic!("{diagnostics:?}"));
        let (tf, mc) = (&bank.questions[0], &bank.questions[1]);
        assert!(tf.true_false);
        assert_eq!(
            (tf.kind, tf.answer.as_slice()),
            (Kind::MultipleChoice, &[1][..])
        );
        assert_eq!(tf.kind_name().as_str(), "true_false");
        assert!(!mc.true_false);
        assert_eq!(mc.choices.len(), 2);
    }
}
