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

/// The credit for finding `share` (in [0, 1]) of a derived rubric's weight:
/// `1 - (1 - share)³`. Chosen on the tuning half of the Mohler data (see
/// `BENCHMARKS.md`, "Correlation with two markers").
pub const fn derived_credit(share: f64) -> f64 {
    let missing = 1.0 - share;
    1.0 - missing * missing * missing
}

#[cfg(test)]
mod tests {
    use super::derived_credit;
    use crate::bank::{Kind, Question};
    use crate::grade::{DERIVED_PASS, Grader};

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
