//! How much credit a derived rubric gives for the share of its weight an answer finds.
//!
//! A rubric derived from a model answer counts every content word of it, and a good
//! answer in other words finds only part of them: the pass mark is a little over a third
//! of the weight ([`super::DERIVED_PASS`]). Human markers give partial credit the same
//! way, generously: on the Mohler (2011) answers, marked 0 to 5, most answers that find
//! half the model answer's words get 4 or 5. So a derived rubric's score is not the
//! share itself but a credit that rises steeply at first and flattens towards the full
//! answer, `1 - (1 - share)³`: what is missing counts cubed. The curve is monotone, so
//! which answers pass is unchanged (the pass mark is the credit of the same share); it
//! changes what a score says, and how it ranks answers against a marker's scale. An
//! author's keywords are the essentials, and there the score stays the share.
//!
//! A derived concept that the answer names only in a near form (a word of the same
//! family that the stemmer does not join, *reuse* for *reusability*) earns part of its
//! weight (`DeriveOptions::near`).

use super::ConceptResult;
use super::derive::DeriveOptions;
use super::matcher::PreparedAnswer;
use super::token::Class;
use std::sync::Arc;

/// The credit for finding `share` (in [0, 1]) of a derived rubric's weight:
/// `1 - (1 - share)³`. Chosen on the tuning half of the Mohler data (see
/// `BENCHMARKS.md`, "Correlation with two markers").
pub const fn derived_credit(share: f64) -> f64 {
    let missing = 1.0 - share;
    1.0 - missing * missing * missing
}

/// Whether two stems are near forms of one word that the stemmer does not join: one
/// is the other plus at most `ending` letters, and the shorter has four letters or more
/// (*reus* and *reusabl*, *defin* and *definit*; not *list* and *lists*, which are one
/// stem, nor *pop* and *popul*).
pub fn near_form(a: &str, b: &str, ending: usize) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    short.chars().count() >= 4
        && short != long
        && long.starts_with(short)
        && long.len() - short.len() <= ending
}

/// The weight concept `c` earns: all of it when it matched, the share `near` of it
/// when it was found in a near form only.
pub(super) fn earned(c: &ConceptResult, near: f64) -> f64 {
    let counts = match (&c.matched, &c.near) {
        (Some(_), _) => 1.0,
        (None, Some(_)) => near,
        (None, None) => 0.0,
    };
    counts * c.weight.max(0.0)
}

/// Marks each concept of a derived rubric that `answer` missed but states in a near
/// form (`stems` from `derive::near_stems`), in the plain polarity and outside a
/// negation's scope, with the answer's word: it earns part of its weight. Nothing when
/// `options.near` is 0.
pub(super) fn near_matches(
    concepts: &mut [ConceptResult],
    stems: &[Option<Arc<str>>],
    answer: &PreparedAnswer,
    options: &DeriveOptions,
) {
    if options.near <= 0.0 {
        return;
    }
    let ending = options.near_ending;
    let tokens = answer.tokens();
    for (concept, stem) in concepts.iter_mut().zip(stems) {
        let Some(stem) = stem else { continue };
        if concept.matched.is_some() || concept.negated {
            continue;
        }
        concept.near = tokens
            .iter()
            .enumerate()
            .find(|&(i, t)| {
                t.class == Class::Word
                    && !t.stop
                    && !t.part
                    && !answer.negated(i)
                    && near_form(&t.stem, stem, ending)
            })
            .map(|(i, _)| answer.word(i).to_owned());
    }
}

#[cfg(test)]
mod tests {
    use super::{derived_credit, near_form};
    use crate::bank::{Kind, Question};
    use crate::grade::{DERIVED_PASS, DeriveOptions, Grader, Options};

    #[test]
    fn a_near_form_is_one_stem_and_a_short_ending() {
        assert!(near_form("reus", "reusabl", 4), "reuse, reusability");
        assert!(near_form("definit", "defin", 4), "definition, define");
        assert!(!near_form("reus", "reusabl", 2), "the ending is too long");
        assert!(!near_form("pop", "popul", 4), "too short to be a family");
        assert!(
            !near_form("stack", "stack", 4),
            "one stem is a match, not near"
        );
        assert!(!near_form("state", "stage", 4));
    }

    #[test]
    fn a_near_form_earns_part_of_a_derived_concepts_weight_when_asked() {
        let question = Question {
            model_answer: Some("Abstraction and reusability.".to_owned()),
            ..Question::new("q", Kind::ShortAnswer, "What does OOP give?")
        };
        let bank = crate::grade::tests::bank(vec![question]);
        let grade = |near: f64, answer: &str| {
            let options = Options {
                derive: DeriveOptions {
                    near,
                    ..DeriveOptions::default()
                },
                ..Options::default()
            };
            let grader = Grader::with_options(std::slice::from_ref(&bank), options);
            grader.grade(&bank, &bank.questions[0], answer)
        };
        let off = grade(0.0, "You can reuse code.");
        assert_eq!(off.score, 0.0, "off by default: {off:?}");
        assert!(off.concepts.iter().all(|c| c.near.is_none()));
        let on = grade(0.5, "You can reuse code.");
        assert!((on.score - derived_credit(0.25)).abs() < 1e-9, "{on:?}");
        assert_eq!(on.concepts[1].near.as_deref(), Some("reuse"));
        assert!(on.concepts[1].matched.is_none(), "near is not a match");
        let text = crate::grade::explain(&on);
        assert!(text.contains("near form \"reuse\""), "{text}");
        let negated = grade(0.5, "You cannot reuse code.");
        assert_eq!(negated.score, 0.0, "not under a negation: {negated:?}");
    }

    #[test]
    fn a_derived_rubric_scores_the_credit_of_its_share_and_an_authors_the_share() {
        // Four content words of equal weight (a bank of one question).
        let question = Question {
            model_answer: Some("Pistons compress cold vapour.".to_owned()),
            ..Question::new("q", Kind::ShortAnswer, "What happens?")
        };
        let bank = crate::grade::tests::bank(vec![question]);
        let grader = Grader::new(std::slice::from_ref(&bank));
        let grade = |answer: &str| grader.grade(&bank, &bank.questions[0], answer);
        let half = grade("The pistons compress it.");
        assert!((half.score - derived_credit(0.5)).abs() < 1e-9, "{half:?}");
        assert!(half.passed && half.pass_mark == DERIVED_PASS);
        let quarter = grade("Pistons move.");
        assert!((quarter.score - derived_credit(0.25)).abs() < 1e-9);
        assert!(
            !quarter.passed,
            "a quarter is under the 36% the pass mark stands for"
        );

        let mut authored = bank.clone();
        authored.questions[0].rubric = Some(crate::bank::Rubric {
            concepts: ["pistons", "compress", "cold", "vapour"]
                .iter()
                .map(|w| crate::bank::Concept::any(vec![(*w).to_owned()]))
                .collect(),
            forbidden: Vec::new(),
        });
        let grader = Grader::new(std::slice::from_ref(&authored));
        let plain = grader.grade(
            &authored,
            &authored.questions[0],
            "The pistons compress it.",
        );
        assert!((plain.score - 0.5).abs() < 1e-9, "{plain:?}");
    }

    #[test]
    fn credit_keeps_the_ends_and_the_order_and_rises_steeply_first() {
        assert_eq!(derived_credit(0.0), 0.0);
        assert_eq!(derived_credit(1.0), 1.0);
        let mut last = 0.0;
        for step in 1..=100 {
            let credit = derived_credit(f64::from(step) / 100.0);
            assert!(credit > last, "monotone at {step}");
            last = credit;
        }
        // Half the weight earns most of the credit.
        assert_eq!(derived_credit(0.5), 0.875);
    }
}
