//! Author lints: legal banks whose rubrics or choices are likely to mislead. Each is a
//! warning (`recall check` and `recall test` print them); none stops a bank loading.
//!
//! - a required concept with a single alternative (alternatives that are one word by
//!   stem count as one; a word the built-in lexicon or the bank's synonyms give another
//!   spelling does not): a learner who says it in other words fails;
//! - a pass mark at which an answer hitting exactly half the rubric's weight passes,
//!   when nothing is required: half the weight may be the wrong half (weights count
//!   as written, to the hundredth: 1 + 0.5 is half of 1, 1, 0.5, 0.5);
//! - no example that should fail: `recall test` cannot show the rubric refuses anything;
//! - a bank whose right answers are the longest choice in most multiple-choice
//!   questions: a learner can guess them by their length;
//! - a keyword that the model answer states only under a negation: it then asks for a
//!   negated mention ("carries no valid credentials" makes a plain `credentials` fail);
//!   one warning per concept, naming each of its keywords that is (`backward` and
//!   `backwards`).

use super::Checker;
use crate::bank::model::{Concept, Expect, Question, Rubric};
use crate::grade::{DEFAULT_PASS, DERIVED_PASS, Spellings, negated_in_model, same_keyword};
use crate::lang::prose_list;
use std::ops::Range;

/// A bank needs this many multiple-choice questions before the longest-choice lint
/// says anything.
const MIN_CHOICE_QUESTIONS: usize = 4;

impl Checker<'_> {
    /// The lints of one text question, reported at `at`.
    pub(super) fn text_lints(&mut self, question: &Question, at: Range<usize>) {
        if let Some(rubric) = &question.rubric {
            // A bank that names a lexicon file may list the other spellings there, in
            // a file this one cannot see.
            let singles: Vec<&str> = match &self.bank_synonyms {
                Some(synonyms) => {
                    let mut single = rubric
                        .concepts
                        .iter()
                        .filter(|c| c.required)
                        .filter_map(single_alternative)
                        .peekable();
                    if single.peek().is_some() {
                        let spellings = self
                            .spellings
                            .get_or_insert_with(|| Spellings::new(synonyms));
                        single
                            .filter(|only| !spellings.spell_otherwise(only))
                            .collect()
                    } else {
                        Vec::new()
                    }
                }
                None => Vec::new(),
            };
            for only in singles {
                self.warning(
                    at.clone(),
                    format!("required concept `{only}` has a single alternative"),
                    "add the other ways a learner says it ({ any = [...] }), or a synonym in [bank.synonyms]",
                );
            }
            for negated in negated_in_model(question) {
                let (keyword, said) = (&negated.keyword, &negated.said);
                // One warning per concept, naming each of its keywords the model answer
                // negates (`backward` and `backwards`).
                let message = if negated.also.is_empty() {
                    format!(
                        "keyword `{keyword}` is stated only negated in the model answer (\"{said}\"): it counts only when an answer negates it too, so a plain \"{keyword}\" fails"
                    )
                } else {
                    let all: Vec<String> = std::iter::once(keyword)
                        .chain(&negated.also)
                        .map(|k| format!("`{k}`"))
                        .collect();
                    format!(
                        "keywords {} of one concept are stated only negated in the model answer (\"{said}\"): they count only when an answer negates them too, so a plain \"{keyword}\" fails",
                        prose_list(&all, "and")
                    )
                };
                self.warning(
                    at.clone(),
                    message,
                    &format!(
                        "if the negation is the point, write the keyword as `{}` to say so; if a plain mention should count, state it plainly in the model answer, or use a word it does not negate",
                        negated.negation
                    ),
                );
            }
            let pass = question.pass.unwrap_or(DEFAULT_PASS);
            if half_passes(rubric, pass) {
                self.warning(
                    at.clone(),
                    format!(
                        "an answer that hits exactly half the rubric's weight passes at {:.0}%, and no concept is required",
                        pass * 100.0
                    ),
                    "mark the concept that carries the answer required = true, or raise `pass`",
                );
            }
        }
        let pass = question.pass.unwrap_or(if question.rubric.is_some() {
            DEFAULT_PASS
        } else {
            DERIVED_PASS
        });
        for misconception in &question.misconceptions {
            if let Some(cap) = misconception.cap
                && cap + 1e-9 >= pass
            {
                self.warning(
                    at.clone(),
                    format!(
                        "misconception `{}` caps the score at {:.0}%, which is not below the pass mark {:.0}%",
                        misconception.concept.label(),
                        cap * 100.0,
                        pass * 100.0
                    ),
                    "set cap below the pass mark, or leave cap out to fail the answer",
                );
            }
        }
        let fails = |expect: &Expect| match expect {
            Expect::Fail => true,
            Expect::Pass => false,
            Expect::Score { max, .. } => *max + 1e-9 < pass,
        };
        if !question.examples.is_empty() && !question.examples.iter().any(|e| fails(&e.expect)) {
            self.warning(
                at,
                "no example that should fail: `recall test` cannot show that the rubric refuses a wrong answer",
                "add an example with a typical wrong answer and expect = \"fail\"",
            );
        }
    }

    /// The bank's longest-choice lint, reported at `at` (the `[bank]` table).
    pub(super) fn choice_lints(&mut self, questions: &[Question], at: Range<usize>) {
        let single: Vec<&Question> = questions
            .iter()
            .filter(|q| !q.is_text() && !q.true_false && q.answer.len() == 1)
            .collect();
        if single.len() < MIN_CHOICE_QUESTIONS {
            return;
        }
        let longest = single
            .iter()
            .filter(|q| {
                let len = |i: usize| q.choices[i].text.trim().chars().count();
                let right = len(q.answer[0]);
                (0..q.choices.len()).all(|i| i == q.answer[0] || len(i) < right)
            })
            .count();
        if longest * 2 > single.len() {
            self.warning(
                at,
                format!(
                    "the right answer is the longest choice in {longest} of {} multiple-choice questions: a learner can guess it by its length",
                    single.len()
                ),
                "make some wrong choices as long and as specific as the right ones, or the right ones shorter",
            );
        }
    }
}

/// The alternative of a required concept that has only one, when it is a word or
/// phrase a learner could say otherwise (a code token, a number or a name with
/// punctuation has no other spelling); alternatives that are the same words by stem
/// (`false negative`, `false negatives`) are one. The caller asks the lexicon whether
/// it spells the word otherwise.
fn single_alternative(concept: &Concept) -> Option<&str> {
    let [only, rest @ ..] = concept.alternatives.as_slice() else {
        return None;
    };
    let plain = only
        .chars()
        .all(|c| c.is_alphabetic() || c == ' ' || c == '\'');
    (concept.relation.is_none() && plain && rest.iter().all(|other| same_keyword(only, other)))
        .then_some(only.as_str())
}

/// Whether, with nothing required, some set of concepts weighing exactly half the
/// rubric reaches `pass`.
fn half_passes(rubric: &Rubric, pass: f64) -> bool {
    if rubric.concepts.iter().any(|c| c.required) || pass > 0.5 + 1e-9 {
        return false;
    }
    // Weights in hundredths, summed over subsets (a rubric has a few dozen at most).
    let weights: Vec<usize> = rubric
        .concepts
        .iter()
        .map(|c| (c.weight * 100.0).round() as usize)
        .collect();
    let total: usize = weights.iter().sum();
    if total == 0 || total % 2 == 1 {
        return false;
    }
    let mut reachable = vec![false; total / 2 + 1];
    reachable[0] = true;
    for w in weights {
        for s in (w..=total / 2).rev() {
            reachable[s] |= reachable[s - w];
        }
    }
    reachable[total / 2]
}

#[cfg(test)]
mod tests {
    use super::half_passes;
    use crate::bank::model::{Concept, Rubric};

    /// A rubric of one-word concepts with these weights, nothing required.
    fn weighted(weights: &[f64]) -> Rubric {
        Rubric {
            concepts: weights
                .iter()
                .enumerate()
                .map(|(i, &weight)| Concept {
                    weight,
                    ..Concept::any(vec![format!("term{i}")])
                })
                .collect(),
            forbidden: Vec::new(),
        }
    }

    #[test]
    fn fractional_weights_count_as_written() {
        // 1 + 0.5 is exactly half of 3: an answer hitting those two passes at 50%.
        assert!(half_passes(&weighted(&[1.0, 1.0, 0.5, 0.5]), 0.5));
        // Half of 2.5 is 1.25, which no set of these weights makes.
        assert!(!half_passes(&weighted(&[1.0, 1.0, 0.5]), 0.5));
        // Hundredths count: 0.25 + 0.25 is half of 1.
        assert!(half_passes(&weighted(&[0.5, 0.25, 0.25]), 0.5));
    }

    #[test]
    fn a_pass_mark_above_half_or_a_required_concept_silences_it() {
        assert!(!half_passes(&weighted(&[1.0, 1.0]), 0.6));
        let mut rubric = weighted(&[1.0, 1.0]);
        rubric.concepts[0].required = true;
        assert!(!half_passes(&rubric, 0.5));
    }
}
