//! Advice turned round: an answer that advises against what the rubric credits and the
//! model answer states plainly ("pin the base by tag, never by digest"; "skip BuildKit
//! secret mounts"), where neither the model answer nor the question advises against
//! it. The answer may name the term plainly elsewhere, so the concept still matches;
//! the advice is the reverse all the same. Nor is a term the question's situation states
//! plainly: that is the setup the question asks about, and advising against it is how an
//! answer changes it ("logrotate, configured with `copytruncate`" makes "don't use
//! copytruncate, rotate by rename" a fix, though the model answer names copytruncate
//! plainly as the cause).
//!
//! Advice against a term is one of [`CUES`] ending at most two words before it, in its
//! clause: an imperative of refusal (*avoid*, *skip*, *never use*, *never by*, *don't
//! use*, *stop using*); *skipping* or *avoiding* after a form of *be* or *by* says
//! what a thing brings ("what you gain is skipping docker0") and is none. A preference for something else (*instead of*, *rather than*)
//! is not enough: rubrics credit both sides of a contrast. A bare negation is not advice ("the short form does not wait for the healthcheck" says what
//! a thing does, not what to do), and polarity is left to the concept's own matching.

use super::Contradiction;
use crate::grade::compile::Matcher;
use crate::grade::matcher::{InModel, Pattern, Polarity, PreparedAnswer, Vocab};
use crate::grade::token::Token;

/// Word sequences (lower-cased, `n't` spelt `not`) that advise against what follows:
/// imperatives of refusal only. A preference (*instead of*, *rather than*) and a bare
/// *not using* failed right answers: rubrics credit the wrong side of a contrast too
/// ("explicit fields instead of an ambiguous colon string", "`db` rather than
/// localhost"), and "which step is not using the cache" describes.
const CUES: &[&[&str]] = &[
    &["avoid"],
    &["avoiding"],
    &["skip"],
    &["skipping"],
    &["never", "use"],
    &["never", "using"],
    &["never", "by"],
    &["do", "not", "use"],
    &["stop", "using"],
];

/// How many words may stand between a cue and the term it refuses ("avoid the
/// privileged flag", "skip BuildKit secret mounts").
const GAP: usize = 2;

/// The terms a question's rubric credits and its model answer states plainly, never
/// advising against them.
#[derive(Default)]
pub(super) struct Advice {
    /// The plain patterns of each such concept.
    credited: Vec<Vec<Pattern>>,
}

impl Advice {
    /// The credited terms of `concepts` (plain alternatives the model answer states
    /// plainly) that neither `model` nor `question` advises against, and that
    /// `situation` (the question's situation, when it has one) does not state plainly.
    pub(super) fn new(
        concepts: &[Matcher],
        model: &PreparedAnswer,
        question: &PreparedAnswer,
        situation: Option<&PreparedAnswer>,
        vocab: &Vocab,
    ) -> Advice {
        let credited = concepts
            .iter()
            .filter_map(|concept| {
                let Matcher::Any(patterns) = concept else {
                    return None;
                };
                let plain: Vec<Pattern> = patterns
                    .iter()
                    .filter(|p| p.polarity == Polarity::Plain && p.in_model == InModel::Plain)
                    .cloned()
                    .collect();
                let refused = |text: &PreparedAnswer| {
                    advises(text)
                        && patterns
                            .iter()
                            .any(|p| refusals(text, p, vocab).next().is_some())
                };
                // The setup the question describes: to advise against it is to change it.
                let in_place = |text: &PreparedAnswer| {
                    patterns
                        .iter()
                        .any(|p| text.all(p, vocab).iter().any(|(found, _)| !found.negated))
                };
                if plain.is_empty()
                    || refused(model)
                    || refused(question)
                    || situation.is_some_and(in_place)
                {
                    return None;
                }
                Some(plain)
            })
            .collect();
        Advice { credited }
    }

    /// The first credited term `answer` advises against, if any.
    pub(super) fn check(&self, answer: &PreparedAnswer, vocab: &Vocab) -> Option<Contradiction> {
        if self.credited.is_empty() || !advises(answer) {
            return None;
        }
        self.credited.iter().flatten().find_map(|pattern| {
            let (cue, term) = refusals(answer, pattern, vocab).next()?;
            Some(Contradiction {
                role: "advice against".to_owned(),
                // The term as the rubric spells it, which the answer refused.
                said: pattern.label(vocab),
                model: "to use it".to_owned(),
                anchor: None,
                matched: (cue..term.1).map(|t| answer.word(t).to_owned()).collect(),
            })
        })
    }
}

/// Whether `text` says one of [`CUES`] whole, its words one after the other in one
/// clause (the parts of a code token aside), as [`cue_before`] needs them: most answers
/// advise nothing, and need not have every credited term looked for. A first word alone
/// is not enough: *do* and *never* are common, "do not use" and "never use" are not.
fn advises(text: &PreparedAnswer) -> bool {
    let mut words = text.tokens().iter().filter(|t| !t.part);
    while let Some(first) = words.next() {
        if !starts_a_cue(&first.norm) {
            continue;
        }
        let whole = |cue: &[&str]| {
            let mut next = words.clone();
            cue[0] == &*first.norm
                && cue[1..].iter().all(|&word| {
                    next.next()
                        .is_some_and(|t| &*t.norm == word && t.place.clause == first.place.clause)
                })
        };
        if CUES.iter().any(|&cue| whole(cue)) {
            return true;
        }
    }
    false
}

/// Whether `word` is the first word of one of [`CUES`] (a test keeps the two lists in
/// step): one comparison by length and text, where looping over the cues costs more
/// than the rest of the check for most answers.
fn starts_a_cue(word: &str) -> bool {
    matches!(
        word,
        "avoid" | "avoiding" | "skip" | "skipping" | "never" | "do" | "stop"
    )
}

/// The matches of `pattern` in `text` that a cue advises against: for each, the token
/// the cue starts at and the term's (first, one past last) tokens.
fn refusals<'a>(
    text: &'a PreparedAnswer,
    pattern: &Pattern,
    vocab: &Vocab,
) -> impl Iterator<Item = (usize, (usize, usize))> + 'a {
    text.all(pattern, vocab)
        .into_iter()
        .filter_map(|(found, _)| {
            let first = *found.tokens.get(usize::from(found.negated))?;
            let last = *found.tokens.last()?;
            let cue = cue_before(text, first)?;
            Some((cue, (first, last + 1)))
        })
}

/// The token a cue starts at, when one ends at most [`GAP`] words before token `at`,
/// in its clause.
fn cue_before(text: &PreparedAnswer, at: usize) -> Option<usize> {
    let tokens = text.tokens();
    let clause = tokens[at].place.clause;
    // The words of the sentence before `at` in its clause, nearest first (on the
    // stack: this runs for every match of every credited term).
    let mut words = [0usize; GAP + 3];
    let mut len = 0;
    for i in (0..at)
        .rev()
        .filter(|&i| !tokens[i].part)
        .take_while(|&i| tokens[i].place.clause == clause)
        .take(GAP + 3)
    {
        words[len] = i;
        len += 1;
    }
    let before = &words[..len];
    // Every cue starts with a word that [starts a cue](starts_a_cue): without one, no
    // cue fits.
    if !before.iter().any(|&i| starts_a_cue(&tokens[i].norm)) {
        return None;
    }
    for skip in 0..=GAP.min(before.len()) {
        for cue in CUES {
            let n = cue.len();
            if skip + n > before.len() {
                continue;
            }
            // `before[skip]` is the cue's last word, `before[skip + n - 1]` its first.
            let fits = (0..n).all(|k| &*tokens[before[skip + k]].norm == cue[n - 1 - k]);
            let start = before[skip + n - 1];
            if fits && !describes(tokens, start) {
                return Some(start);
            }
        }
    }
    None
}

/// Whether the cue at `start` is a gerund that says what something does or brings, not
/// what to do: *avoiding* or *skipping* right after a form of *be*, *by*, *means* or
/// *gains* ("what you gain is skipping docker0", "it is faster by avoiding NAT").
fn describes(tokens: &[Token], start: usize) -> bool {
    matches!(&*tokens[start].norm, "avoiding" | "skipping")
        && (0..start)
            .rev()
            .find(|&i| !tokens[i].part)
            .is_some_and(|i| {
                tokens[i].place.clause == tokens[start].place.clause
                    && matches!(
                        &*tokens[i].norm,
                        "is" | "are"
                            | "was"
                            | "were"
                            | "be"
                            | "been"
                            | "by"
                            | "means"
                            | "mean"
                            | "gain"
                            | "gains"
                    )
            })
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_stemmers::{Algorithm, Stemmer};

    fn prepared(text: &str, vocab: &Vocab) -> PreparedAnswer {
        PreparedAnswer::new(text, &Stemmer::create(Algorithm::English), vocab)
    }

    /// The advice of a question with one concept `any = [term]` and `model`.
    fn compiled(term: &str, model: &str, question: &str) -> (Advice, Vocab) {
        compiled_in(term, model, question, None)
    }

    /// The same, for a question with a situation (`question` then holds both, as
    /// compiling a question gives them).
    fn compiled_in(
        term: &str,
        model: &str,
        question: &str,
        situation: Option<&str>,
    ) -> (Advice, Vocab) {
        let stemmer = Stemmer::create(Algorithm::English);
        let lexicon = crate::grade::lexicon::Lexicon::default();
        let mut vocab = Vocab::default();
        let patterns: Vec<Pattern> =
            crate::grade::compile::keyword_patterns(term, &lexicon, &stemmer, &mut vocab);
        let model = prepared(model, &vocab);
        let patterns = patterns
            .into_iter()
            .map(|p| p.with_model(&model, &vocab))
            .collect();
        let concepts = [Matcher::Any(patterns)];
        let situation = situation.map(|text| prepared(text, &vocab));
        let question = prepared(question, &vocab);
        let advice = Advice::new(&concepts, &model, &question, situation.as_ref(), &vocab);
        (advice, vocab)
    }

    #[test]
    fn every_cue_starts_with_a_word_that_starts_a_cue() {
        for cue in CUES {
            assert!(starts_a_cue(cue[0]), "{cue:?}");
        }
        assert!(!starts_a_cue("use"));
    }

    #[test]
    fn an_answer_advises_only_with_a_whole_cue_in_one_clause() {
        let vocab = Vocab::default();
        for (text, advice) in [
            ("Do not use the privileged flag in production.", true),
            ("Don't use host networking there.", true),
            ("Avoid bind mounts for the database.", true),
            ("Pin by tag, never by digest.", true),
            ("Stop using --link; user-defined networks replace it.", true),
            ("Never, ever use root.", false),
            ("Do it in the build stage, never at run time.", false),
            (
                "Teams do use digests, and they stop when the tag moves.",
                false,
            ),
            ("It never changes: use a volume.", false),
            ("Builds never use the network at run time.", true),
        ] {
            assert_eq!(advises(&prepared(text, &vocab)), advice, "{text}");
        }
    }

    #[test]
    fn a_cue_fits_before_a_word_only_in_an_answer_that_advises() {
        let vocab = Vocab::default();
        let mut fitted = 0;
        for text in [
            "Never, ever use root; do keep the socket closed and stop it from using ports.",
            "Do it once, never twice; avoiding is not skipping, and skip-worker does not use it.",
            "Pin by tag, never by digest, and don't use latest.",
            "Stop using --link: avoid the legacy flag, skipping it is fine.",
        ] {
            let prepared = prepared(text, &vocab);
            for at in 0..prepared.tokens().len() {
                if cue_before(&prepared, at).is_some() {
                    fitted += 1;
                    assert!(advises(&prepared), "{text}");
                }
            }
        }
        assert!(
            fitted >= 4,
            "the texts that advise were advising ({fitted})"
        );
    }

    const MODEL: &str = "Pin base images by digest so builds are reproducible.";

    #[test]
    fn advice_against_a_credited_term_contradicts() {
        let (advice, vocab) = compiled("digest", MODEL, "How do you harden the pipeline?");
        let hit = advice
            .check(
                &prepared(
                    "Pin the base by tag, never by digest, because a digest gets no patches.",
                    &vocab,
                ),
                &vocab,
            )
            .expect("advice against");
        assert_eq!(hit.said, "digest");
        assert_eq!(hit.matched, ["never", "by", "digest"]);
    }

    #[test]
    fn a_gerund_that_says_what_something_brings_is_no_advice() {
        let (advice, vocab) = compiled(
            "page cache",
            "Reads are served from the page cache, which costs a copy.",
            "Why is O_DIRECT used?",
        );
        for describes in [
            "What O_DIRECT buys you is skipping the page cache.",
            "It gets its speed by avoiding the page cache.",
        ] {
            assert_eq!(
                advice.check(&prepared(describes, &vocab), &vocab),
                None,
                "{describes}"
            );
        }
        for advises in [
            "Skipping the page cache is the wrong call here.",
            "Avoid the page cache for the log files.",
        ] {
            assert!(
                advice.check(&prepared(advises, &vocab), &vocab).is_some(),
                "{advises}"
            );
        }
    }

    #[test]
    fn a_term_used_or_refused_by_the_model_is_no_advice_against() {
        let (advice, vocab) = compiled("digest", MODEL, "How do you harden the pipeline?");
        for right in [
            "Pin by digest rather than by tag.",
            "A tag can move; a digest does not, so use the digest.",
        ] {
            assert_eq!(
                advice.check(&prepared(right, &vocab), &vocab),
                None,
                "{right}"
            );
        }
        let (advice, vocab) = compiled(
            "--privileged",
            "Avoid --privileged, which turns all of this off.",
            "What stops root?",
        );
        assert!(advice.credited.is_empty());
        let hit = advice.check(&prepared("Avoid --privileged.", &vocab), &vocab);
        assert_eq!(hit, None);
    }
    /// Round 46 (w84-contract): what the situation sets up is what the answer changes.
    #[test]
    fn advice_against_the_setup_the_situation_describes_is_the_fix() {
        const FLASK: &str = "A Flask app is served in production with `app.run(debug=True)`; \
            an attacker got a shell through the debugger console.";
        let (advice, vocab) = compiled_in(
            "debugger",
            "The Werkzeug debugger's console runs any Python it is sent. Serve the app with \
             gunicorn and the debugger off.",
            FLASK,
            Some(FLASK),
        );
        for right in [
            "the console runs any code you type. dont use the debugger in production, serve it \
             with gunicorn",
            "Never use the debugger outside your laptop; gunicorn serves production.",
        ] {
            assert_eq!(
                advice.check(&prepared(right, &vocab), &vocab),
                None,
                "{right}"
            );
        }
        const BLIGHT: &str = "The tomato bed is watered with an overhead sprinkler every \
            evening and has no mulch; the leaves are covered in blight.";
        let model = "An overhead sprinkler in the evening leaves the leaves wet all night, which blight needs. \
            Water at the base in the morning, and mulch the bed so rain does not splash soil \
            onto the leaves.";
        let (advice, vocab) = compiled_in("sprinkler", model, BLIGHT, Some(BLIGHT));
        let right = "Don't use the sprinkler: water the soil in the morning.";
        assert_eq!(advice.check(&prepared(right, &vocab), &vocab), None);
        // The model's own fix, which the situation names only as missing, is still
        // advice turned round; so is the fix when the question has no situation.
        let wrong = "Skip the mulch, it only hides the soil; water in the morning.";
        let (advice, vocab) = compiled_in("mulch", model, BLIGHT, Some(BLIGHT));
        assert_eq!(
            advice.check(&prepared(wrong, &vocab), &vocab).unwrap().said,
            "mulch"
        );
        let (advice, vocab) = compiled("mulch", model, "Why do the tomatoes get blight?");
        assert!(advice.check(&prepared(wrong, &vocab), &vocab).is_some());
        let (advice, vocab) = compiled_in("debugger", "Keep the debugger on.", FLASK, None);
        let refused = "Never use the debugger in production.";
        assert!(advice.check(&prepared(refused, &vocab), &vocab).is_some());
    }
}
