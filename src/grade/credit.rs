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
//! weight (`DeriveOptions::near`). A terse answer to a long model answer, in the model
//! answer's own words, is scored against fewer of its heaviest concepts ([`terse_full`]).

use super::ConceptResult;
use super::derive::DeriveOptions;
use super::matcher::PreparedAnswer;
use super::token::Class;
use std::sync::Arc;

/// The weight that earns `answer` a full score on a derived rubric whose model answer
/// is long (`full` is the weight of its `carry` heaviest concepts, see
/// `derive::full_weight`), when the answer is terse: it has fewer content words than
/// `carry`, at least `terse_share` of them are the model answer's (matched by a
/// concept), one of them is a concept of the `terse_top` heaviest (what the long
/// answer keeps coming back to), and it says nothing in the other polarity than the
/// model answer (no concept found only negated, or only plainly, but a twin that
/// `excused` says is said of the model answer's side of a contrast, see
/// `derive::twins`). Such an answer cannot
/// name more concepts than it has words, so it is scored against the weight of as many
/// of the heaviest concepts as it has content words (`terse` at least): "An isolated,
/// cgroup-limited host process; shares the host kernel, unlike a VM" names what carries
/// a 90-word answer, not a third of it. Returns how many concepts that is and their
/// weight; `None` when the answer is not terse.
pub(super) fn terse_full(
    concepts: &[ConceptResult],
    answer: &PreparedAnswer,
    full: Option<f64>,
    options: &DeriveOptions,
    excused: impl Fn(&ConceptResult) -> bool,
) -> Option<(usize, f64)> {
    full?;
    // A word said the other way round from the model answer is no terse restatement.
    if options.terse == 0 || concepts.iter().any(|c| c.negated && !excused(c)) {
        return None;
    }
    let tokens = answer.tokens();
    let sentence = tokens.iter().filter(|t| !t.part);
    let words = sentence
        .clone()
        .filter(|t| !t.stop && !t.is_negation())
        .count();
    // One run of terms ("DNS TCP TLS HTTP GET HTML") is a list, not a terse claim: it
    // needs a second clause or function words to say something.
    let function = sentence
        .clone()
        .filter(|t| t.stop || t.is_negation())
        .count();
    let first = tokens.first().map(|t| t.place.segment);
    if function < 2 && sentence.clone().all(|t| Some(t.place.segment) == first) {
        return None;
    }
    let carry = options.carry;
    if words == 0 || words >= carry {
        return None;
    }
    let said = concepts
        .iter()
        .filter_map(|c| c.matched.as_ref())
        .map(Vec::len)
        .sum::<usize>();
    if !share_reached(said, words, options.terse_share) {
        return None;
    }
    let heaviest = words.max(options.terse);
    if heaviest >= carry {
        return None;
    }
    let mut weights: Vec<f64> = concepts.iter().map(|c| c.weight.max(0.0)).collect();
    weights.sort_by(|a, b| b.total_cmp(a));
    let bar = weights[options.terse_top.clamp(1, weights.len()) - 1];
    if !concepts
        .iter()
        .any(|c| c.matched.is_some() && c.weight >= bar)
    {
        return None;
    }
    Some((heaviest, weights.iter().take(heaviest).sum()))
}

/// Marks the missing concepts of a long derived rubric that a full score, the weight
/// of its `heaviest` heaviest concepts, does not need one by one as
/// [not needed](ConceptResult::not_needed): those lighter than the lightest of them,
/// and, when more concepts tie at that weight than the full score counts, the tied
/// ones too. Returns how many of the tied ones a full score still needs.
pub(super) fn mark_not_needed(concepts: &mut [ConceptResult], heaviest: usize) -> usize {
    let mut weights: Vec<f64> = concepts.iter().map(|c| c.weight.max(0.0)).collect();
    if heaviest == 0 || heaviest >= weights.len() {
        return 0;
    }
    weights.sort_by(|a, b| b.total_cmp(a));
    let bar = weights[heaviest - 1];
    let above = weights.iter().filter(|&&w| w > bar).count();
    let tied = weights.iter().filter(|&&w| w == bar).count();
    let slots = heaviest - above;
    let missing = |c: &ConceptResult| c.matched.is_none() && c.near.is_none() && !c.negated;
    let tied_folded = tied > slots;
    let filled = concepts
        .iter()
        .filter(|c| c.weight.max(0.0) == bar && !missing(c))
        .count();
    for concept in concepts.iter_mut() {
        let weight = concept.weight.max(0.0);
        concept.not_needed = missing(concept) && (weight < bar || tied_folded && weight == bar);
    }
    if tied_folded {
        slots.saturating_sub(filled)
    } else {
        0
    }
}

/// Whether `said` of `words` is at least `share` of them, within rounding: 12 of 15 is
/// 80%, though `0.8 * 15.0` is a hair over 12.
fn share_reached(said: usize, words: usize, share: f64) -> bool {
    said as f64 + 1e-9 >= share * words as f64
}

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
/// negation's scope, with the answer's word: it earns part of its weight. A word that is
/// itself a concept's word is that concept's, not a near form of another (*windows* is
/// no *wind* where the model answer says both). Nothing when `options.near` is 0.
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
    let own = |stem: &str| stems.iter().flatten().any(|s| &**s == stem);
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
                    && !own(&t.stem)
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
            model_answer: Some("Abstraction and definition.".to_owned()),
            ..Question::new("q", Kind::ShortAnswer, "What does OOP give?")
        };
        let bank = crate::grade::tests::bank(vec![question]);
        let grade = |near: f64, answer: &str| {
            let derive = DeriveOptions {
                near,
                ..DeriveOptions::default()
            };
            grader(&bank, derive).grade(&bank, &bank.questions[0], answer)
        };
        let off = grade(0.0, "You can define code.");
        assert_eq!(off.score, 0.0, "off by default: {off:?}");
        assert!(off.concepts.iter().all(|c| c.near.is_none()));
        let on = grade(0.5, "You can define code.");
        assert!((on.score - derived_credit(0.25)).abs() < 1e-9, "{on:?}");
        assert_eq!(on.concepts[1].near.as_deref(), Some("define"));
        assert!(on.concepts[1].matched.is_none(), "near is not a match");
        let text = crate::grade::explain(&on);
        assert!(text.contains("near form \"define\""), "{text}");
        let negated = grade(0.5, "You cannot define code.");
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

    /// A long model answer (more than 24 content words) that keeps coming back to the
    /// resolver and its servers.
    const DNS: &str = "A DNS resolver answers a lookup from its cache when it can. \
        Otherwise the resolver asks a root server, which refers it to the servers of the \
        top-level domain; the resolver then asks a TLD server, which refers it to the \
        authoritative servers of the domain, and finally asks an authoritative server, \
        which returns the record. The resolver caches every answer for its TTL, so later \
        lookups of the same name skip the referrals. Clients only talk to the resolver; \
        walking the hierarchy is the resolver's work.";

    /// A grader of `bank` that derives rubrics with `derive`.
    fn grader(bank: &crate::bank::Bank, derive: DeriveOptions) -> Grader {
        let options = Options {
            derive,
            ..Options::default()
        };
        Grader::with_options(std::slice::from_ref(bank), options)
    }

    fn dns(terse: usize) -> (crate::bank::Bank, Grader) {
        let question = crate::grade::tests::question("q", "How is a name resolved?", DNS, None);
        let bank = crate::grade::tests::bank(vec![question]);
        let derive = DeriveOptions {
            terse,
            ..DeriveOptions::default()
        };
        let grader = grader(&bank, derive);
        (bank, grader)
    }

    /// A long model answer of two parts, how a siphon runs and what limits it: the
    /// first part says *water*, *tube* and *leg* most, the second *pressure* and
    /// *surface* twice each.
    const SIPHON: &str = "The tube must first be filled with water. Then the water in \
        the longer outlet leg of the tube weighs more than the water in the shorter inlet \
        leg, so it falls and pulls the water behind it through the tube. Atmospheric \
        pressure on the surface of the tank pushes more water up the inlet leg and into \
        the tube to replace it, which is why a siphon cannot lift higher than about ten \
        metres: above that the pressure no longer holds the column up and it breaks. The \
        outlet must end below the surface, or the flow stops.";

    #[test]
    fn a_terse_answer_on_the_second_part_of_a_long_answer_names_a_heaviest_concept() {
        let question = crate::grade::tests::question(
            "q",
            "How does a siphon empty a tank over its rim?",
            SIPHON,
            None,
        );
        let bank = crate::grade::tests::bank(vec![question]);
        let grade = |top: usize, answer: &str| {
            let derive = DeriveOptions {
                terse_top: top,
                ..DeriveOptions::default()
            };
            grader(&bank, derive).grade(&bank, &bank.questions[0], answer)
        };
        let right = "Atmospheric pressure pushes it up over the rim, so it cannot lift higher \
            than about ten metres, and the outlet must end below the surface.";
        let g = grade(DeriveOptions::default().terse_top, right);
        assert!(g.passed && g.terse.is_some(), "{g:?}");
        let three = grade(3, right);
        assert!(
            !three.passed && three.terse.is_none(),
            "none of the three heaviest (water, tube, leg): {three:?}"
        );
        for wrong in [
            "Atmospheric pressure pulls it down, so it can lift any height, and the outlet \
             must end above the surface.",
            "The outlet must end above the surface, and atmospheric pressure pushes it \
             above ten metres.",
            "Atmospheric pressure does not push it up; it can lift higher than ten metres.",
        ] {
            let g = grade(DeriveOptions::default().terse_top, wrong);
            assert!(!g.passed, "{wrong}: {g:?}");
        }
        // Words of the model answer but none of its heaviest: still not terse.
        let light = grade(
            DeriveOptions::default().terse_top,
            "It falls and it breaks, or the flow stops.",
        );
        assert!(!light.passed && light.terse.is_none(), "{light:?}");
    }

    #[test]
    fn a_share_of_words_reached_exactly_is_reached_despite_rounding() {
        use super::share_reached;
        assert!(
            share_reached(12, 15, 0.8),
            "0.8 * 15.0 is 12.000000000000002"
        );
        assert!(share_reached(4, 5, 0.8) && share_reached(5, 5, 0.8));
        assert!(!share_reached(11, 15, 0.8) && !share_reached(3, 5, 0.8));
    }

    #[test]
    fn a_terse_answer_in_the_model_answers_words_is_scored_over_as_many_concepts() {
        let (bank, grader) = dns(DeriveOptions::default().terse);
        let grade = |answer: &str| grader.grade(&bank, &bank.questions[0], answer);
        let terse = "The resolver walks the root, TLD and authoritative servers in turn.";
        let on = grade(terse);
        assert!(on.passed, "{on:?}");
        assert_eq!(on.terse, Some(12), "scored over its 12 heaviest concepts");
        let text = crate::grade::explain(&on);
        assert!(text.contains("= terse:"), "{text}");
        let (bank_off, off) = dns(0);
        let all = off.grade(&bank_off, &bank_off.questions[0], terse);
        assert!(!all.passed && all.terse.is_none(), "off: {all:?}");
        // A long answer is scored as before.
        let model = grade(DNS);
        assert!(model.passed && model.terse.is_none(), "{model:?}");
    }

    #[test]
    fn a_terse_answer_must_be_the_model_answers_words_in_its_polarity() {
        let (bank, grader) = dns(DeriveOptions::default().terse);
        let grade = |answer: &str| grader.grade(&bank, &bank.questions[0], answer);
        for wrong in [
            // Words of its own: not the model answer's, whatever it is worth.
            "Every browser sends its query straight to the registrar's web server over HTTPS.",
            // Said the other way round from the model answer.
            "The resolver never caches the record; it asks the root and TLD servers each time.",
            // None of what the long answer keeps coming back to (its servers, what the
            // resolver asks).
            "Clients only talk to it, and later the same name skips the referrals.",
            // One run of terms, no clause: a list.
            "resolver root TLD authoritative servers cache record TTL",
        ] {
            let g = grade(wrong);
            assert!(g.terse.is_none() && !g.passed, "{wrong}: {g:?}");
        }
    }

    /// A long model answer (more than 24 concepts) of another subject than the rows
    /// that near forms in long rubrics were measured on.
    const COOKER: &str = "A pressure cooker seals the pot, so the steam cannot escape and \
        the pressure inside rises to about twice atmospheric pressure. Water boils when its \
        vapour pressure equals the pressure above it, so at the higher pressure the boiling \
        point rises to about 120 degrees instead of 100. The food is then cooked in water \
        and steam that are twenty degrees hotter, and the softening of starch and the \
        breakdown of collagen run roughly twice as fast for every ten degrees. A valve \
        releases steam to hold the pressure steady, and the lid must not be opened until \
        the pressure falls, or the superheated water boils violently.";

    #[test]
    fn a_near_form_earns_part_of_a_long_model_answers_concept() {
        let prompt = "Why does a pressure cooker cook food faster than an open pan?";
        let grade = |model: &str, near_long: f64, answer: &str| {
            let question = crate::grade::tests::question("q", prompt, model, None);
            let bank = crate::grade::tests::bank(vec![question]);
            let derive = DeriveOptions {
                near_long,
                ..DeriveOptions::default()
            };
            grader(&bank, derive).grade(&bank, &bank.questions[0], answer)
        };
        let near = |g: &crate::grade::Grade| {
            g.concepts
                .iter()
                .find(|c| c.label == "softening")
                .and_then(|c| c.near.clone())
        };
        let on = DeriveOptions::default().near_long;
        // *soft* is the stem *soften* (of *softening*) less two letters: a near form.
        let right = "The trapped steam pressurises the pot and lifts the boiling point to 120, \
            so food gets soft quicker.";
        let (with, without) = (grade(COOKER, on, right), grade(COOKER, 0.0, right));
        assert_eq!(near(&with).as_deref(), Some("soft"), "{with:?}");
        assert!(near(&without).is_none() && with.score > without.score);
        let passes = "Trapped steam pressurises the pot, so water boils hotter and food gets \
            soft quicker.";
        assert!(grade(COOKER, on, passes).passed);
        for wrong in [
            // Swapped: the boiling point falls.
            "The trapped steam pressurises the pot, which lowers the boiling point to about \
             80 degrees, so food goes soft in cooler water.",
            // Negated.
            "The steam does not pressurise the pot and the boiling point does not rise; the \
             food goes soft because the lid keeps the heat in.",
            // Terse and wrong, in words of the family.
            "The lid traps the heat like an oven, so the metal gets hotter and the food goes \
             soft quicker.",
        ] {
            let g = grade(COOKER, on, wrong);
            assert!(!g.passed, "{wrong}: {g:?}");
        }
        // A short model answer keeps near forms off.
        let short = "A sealed pot raises the pressure, so water boils hotter and the softening \
            of food is quicker.";
        let g = grade(short, on, right);
        assert!(near(&g).is_none(), "{g:?}");
    }

    /// A long model answer of our own that states its conditions in words.
    const BUCKET: &str = "A token bucket holds up to a fixed capacity of tokens and \
        refills them at a steady rate, for example ten tokens per second. Each request \
        costs one or more tokens: when the tokens in the bucket are greater than or equal \
        to the request's cost, the request is admitted and its cost is taken out; when \
        they are fewer than the cost, the request is rejected or queued until the refill \
        has brought enough. Because the bucket fills up while traffic is quiet, it allows \
        short bursts as large as its capacity, while the refill rate bounds the long-run \
        average. A leaky bucket, by contrast, drains its queue at a fixed rate and \
        smooths bursts away instead of allowing them. The capacity therefore sets the \
        burst size and the refill rate sets the sustained throughput, and both are \
        tuned per client so that one noisy client cannot starve the others.";

    #[test]
    fn a_comparison_sign_reads_as_the_model_answers_words() {
        let question = crate::grade::tests::question(
            "q",
            "How does a token bucket decide whether to admit a request?",
            BUCKET,
            None,
        );
        let bank = crate::grade::tests::bank(vec![question]);
        let grader = grader(&bank, DeriveOptions::default());
        let grade = |answer: &str| grader.grade(&bank, &bank.questions[0], answer);
        // Each answer with the sign grades as the same answer with the words, and as
        // marked: the last two say the condition the other way round.
        for (sign, words, right) in [
            (
                "Admit a request when the tokens in the bucket are >= its cost, else reject or queue it.",
                "Admit a request when the tokens in the bucket are greater than or equal to its cost, else reject or queue it.",
                true,
            ),
            (
                "Tokens refill at a steady rate; a request is admitted if its cost <= the tokens in the bucket.",
                "Tokens refill at a steady rate; a request is admitted if its cost less than or equal to the tokens in the bucket.",
                true,
            ),
            (
                "A request is rejected when the tokens in the bucket are >= its cost.",
                "A request is rejected when the tokens in the bucket are greater than or equal to its cost.",
                false,
            ),
            (
                "Admit it only if the cost is \u{2265} the tokens left; the capacity is the burst size.",
                "Admit it only if the cost is greater than or equal to the tokens left; the capacity is the burst size.",
                false,
            ),
        ] {
            let (a, b) = (grade(sign), grade(words));
            assert_eq!(a.passed, b.passed, "{sign}: {a:?} / {b:?}");
            assert!((a.score - b.score).abs() < 1e-9, "{sign}: {a:?} / {b:?}");
            assert_eq!(a.passed, right, "{sign}: {a:?}");
        }
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
