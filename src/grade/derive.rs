//! Rubrics derived from a model answer, for text questions without `keywords`.
//!
//! Each content word of the model answer becomes a concept (its stem decides
//! duplicates); stop words are left out, code-like tokens are kept whole, a word the
//! model answer negates becomes a negated keyword (`not disk`), and weights are inverse
//! document frequencies across the bank's model answers, so a word every answer uses
//! counts less than the one that distinguishes this answer. Words of the question
//! itself count less again: repeating the question is not answering it.

use super::lexicon::Lexicon;
use super::negation::governing_cues;
use super::token::{Class, Parts, Token, tokenize};
use crate::bank::{Bank, Concept, Question, Rubric};
use rust_stemmers::Stemmer;
use rustc_hash::FxHashSet;
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

mod actions;
mod advised;
mod affirmed;
mod answered;
pub mod bindings;
mod comparisons;
mod counts;
mod definitions;
mod denials;
mod directions;
mod frames;
mod futile;
mod kept;
mod labels;
mod opposites;
mod pairs;
mod parallels;
mod poles;
mod premises;
mod ratios;
mod rejected;
mod shared;
mod sides;
mod twins;
pub use bindings::Bindings;
pub use definitions::glosses;
pub use shared::SharedNegations;

/// Document frequencies of the stems of one bank's model answers.
#[derive(Debug, Clone, Default)]
pub struct BankStats {
    questions: usize,
    frequency: HashMap<Arc<str>, usize>,
    /// The stems of every word the bank's text questions use (prompts, situations, model
    /// answers, keywords): an answer word among them is that word, never a typo of
    /// another.
    pub known: Arc<FxHashSet<Arc<str>>>,
}

impl BankStats {
    pub fn new(bank: &Bank, stemmer: &Stemmer) -> BankStats {
        let mut stats = BankStats::default();
        let mut known: FxHashSet<Arc<str>> = FxHashSet::default();
        let mut learn = |text: &str| {
            known.extend(
                tokenize(text, stemmer, Parts::Skip)
                    .into_iter()
                    .filter(|t| t.class == Class::Word)
                    .map(|t| t.stem.clone()),
            );
        };
        for question in bank.questions.iter().filter(|q| q.is_text()) {
            learn(&question.prompt);
            if let Some(situation) = &question.situation {
                learn(situation);
            }
            if let Some(model) = &question.model_answer {
                learn(model);
            }
            let concepts = question.rubric.iter().flat_map(|r| &r.concepts);
            let misconceptions = question.misconceptions.iter().map(|m| &m.concept);
            for concept in concepts.chain(misconceptions) {
                concept.alternatives.iter().for_each(|a| learn(a));
                for term in concept.relation.iter().flat_map(|r| &r.terms) {
                    term.iter().for_each(|a| learn(a));
                }
            }
        }
        stats.known = Arc::new(known);
        for question in &bank.questions {
            let Some(model) = question.model_answer.as_deref() else {
                continue;
            };
            stats.questions += 1;
            let stems: HashSet<Arc<str>> = tokenize(model, stemmer, Parts::Skip)
                .into_iter()
                .map(|t| t.stem.clone())
                .collect();
            for stem in stems {
                *stats.frequency.entry(stem).or_default() += 1;
            }
        }
        stats
    }

    /// Inverse document frequency, smoothed so that it is 1 for a word every model
    /// answer uses and for a bank of one question.
    pub fn weight(&self, stem: &str) -> f64 {
        let df = self.frequency.get(stem).copied().unwrap_or(0);
        ((self.questions as f64 + 1.0) / (df as f64 + 1.0))
            .ln()
            .max(0.0)
            + 1.0
    }
}

/// The knobs of derivation; `Default` holds the values tuned on SemEval training data.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DeriveOptions {
    /// Multiplies the weight of a word that the question's prompt also uses.
    pub question_word_weight: f64,
    /// Multiplies the weight of a code-like token (`--mount`, `8080:80`).
    pub code_weight: f64,
    /// How much rarity counts: the inverse document frequency is raised to this power
    /// (0 weights every word alike).
    pub rarity: f64,
    /// How much repetition counts in a long model answer (more than `carry` concepts): a
    /// word it says n times weighs n raised to this power more, as a long answer comes
    /// back to what carries it. Tuned on `docker-dev2.csv` (see `BENCHMARKS.md`).
    pub repeat: f64,
    /// A model answer of more concepts than this is scored against the weight of its
    /// `carry` heaviest concepts: a terse answer names the few that carry a long model
    /// answer, not a third of all its words. 0: every concept counts. Tuned with
    /// `repeat`.
    pub carry: usize,
    /// The share of a concept's weight that a near form of its word earns (a word of
    /// the same family the stemmer does not join: *reuse* for *reusability*, *define*
    /// for *definition*; see `grade::credit`). 0: none, the default: a quarter gains
    /// 0.004 on the tuning half of the Mohler answers and costs SemEval-2013's unseen
    /// domains 0.008 macro-F1 (see `BENCHMARKS.md`).
    pub near: f64,
    /// How many letters longer than the other a near form's stem may be.
    pub near_ending: usize,
    /// The share of its weight a near form earns in the rubric of a long model answer
    /// (more than `carry` concepts), where `near` is 0: a terse answer to it names the
    /// model answer's ideas in words of its own, often of the same family (*weak* for
    /// *weaken*, *compressor* for *compresses*). SemEval-2013's model answers, where
    /// `near` cost a split, are short. 0: off.
    pub near_long: f64,
    /// `near_ending` for `near_long`: two letters, not four, as longer endings let
    /// wrong answers to the Docker bank's long questions pass on a word of the same
    /// family (see `BENCHMARKS.md`, w90-dterse).
    pub near_long_ending: usize,
    /// A terse answer to a long model answer (see `grade::credit::terse_full`) is
    /// scored against the weight of as many of the heaviest concepts as it has content
    /// words, and of this many at least. 0: off. Tuned with `terse_share` and
    /// `terse_top` on the derived rubrics of the Docker tuning sets
    /// (`scripts/derived_docker.sh`, see `BENCHMARKS.md`).
    pub terse: usize,
    /// The share of a terse answer's content words that must be the model answer's
    /// (matched by a derived concept), at least.
    pub terse_share: f64,
    /// A terse answer must name one of this many heaviest concepts: what the long
    /// answer keeps coming back to. Four, not three: a long answer of two parts (what
    /// `exec` does, why a shell forks first) may spend its three most said words on
    /// one part; 4 to 24 move the same rows (see `BENCHMARKS.md`, w88-dterse).
    pub terse_top: usize,
}

impl Default for DeriveOptions {
    fn default() -> Self {
        DeriveOptions {
            question_word_weight: 0.25,
            code_weight: 1.5,
            rarity: 0.5,
            repeat: 1.0,
            carry: 24,
            near: 0.0,
            near_ending: 4,
            near_long: 0.25,
            near_long_ending: 2,
            terse: 12,
            terse_share: 0.8,
            terse_top: 4,
        }
    }
}

impl DeriveOptions {
    /// The options a rubric is graded with: a long model answer's (`long`, see
    /// [`full_weight`]) takes its near forms from `near_long` when `near` is 0.
    pub fn for_rubric(&self, long: bool) -> DeriveOptions {
        if long && self.near <= 0.0 && self.near_long > 0.0 {
            DeriveOptions {
                near: self.near_long,
                near_ending: self.near_long_ending,
                ..*self
            }
        } else {
            *self
        }
    }
}

/// The rubric derived from `question`'s model answer (empty when it has none).
pub fn derive(
    question: &Question,
    stats: &BankStats,
    options: &DeriveOptions,
    stemmer: &Stemmer,
    lexicon: &Lexicon,
) -> Rubric {
    let Some(model) = question.model_answer.as_deref() else {
        return Rubric::default();
    };
    let prompt: HashSet<Arc<str>> = tokenize(&question.prompt, stemmer, Parts::Skip)
        .into_iter()
        .map(|t| t.stem.clone())
        .collect();
    let tokens = tokenize(model, stemmer, Parts::Skip);
    let mut governing = governing_cues(&tokens);
    symbols_plain(&tokens, &mut governing);
    answered::answered_plain(&tokens, &mut governing);
    let mut said: HashMap<&str, f64> = HashMap::new();
    for token in tokens.iter().filter(|t| !t.stop && !t.is_negation()) {
        *said.entry(&token.stem).or_default() += 1.0;
    }
    // Repetition only tells what carries a long answer; in a short one every word does.
    let long = options.carry > 0 && said.len() > options.carry;
    // The weight of the concept of token `i`, before repetition counts.
    let base = |i: usize| {
        let token = &tokens[i];
        let mut weight = stats.weight(&token.stem).powf(options.rarity);
        if prompt.contains(&token.stem) {
            weight *= options.question_word_weight;
        }
        if token.class == Class::Code {
            weight *= options.code_weight;
        }
        weight
    };
    let concept = |i: usize| {
        let token = &tokens[i];
        let (keyword, shown) = match governing[i] {
            // "instead of X" negates X too, but only a negating word makes a keyword
            // that asks for a negation; the concept is shown in the model answer's words.
            Some(cue) if tokens[cue].is_negation() => {
                (format!("{} {}", tokens[cue].norm, token.norm), None)
            }
            Some(cue) => (
                format!("not {}", token.norm),
                Some(set_aside(&tokens, cue, i)),
            ),
            None => (token.norm.to_string(), None),
        };
        Concept {
            weight: round(base(i)),
            shown,
            ..Concept::any(vec![keyword])
        }
    };
    // The concepts, and for each token the concept it counts for.
    let pick = |content_only: bool| {
        // A concept counts once: by stem, and synonyms ("memory (RAM)") as one.
        let mut seen: HashMap<(Result<usize, &str>, bool), usize> = HashMap::new();
        let mut concepts = Vec::new();
        let mut owner = vec![None; tokens.len()];
        for (i, token) in tokens.iter().enumerate() {
            let function = token.stop;
            if content_only && (function || token.is_negation()) {
                continue;
            }
            let key = lexicon.group_of_word(token).ok_or(&*token.stem);
            let c = *seen
                .entry((key, governing[i].is_some()))
                .or_insert_with(|| {
                    concepts.push(concept(i));
                    concepts.len() - 1
                });
            owner[i] = Some(c);
        }
        (concepts, owner)
    };
    let (mut concepts, mut owner) = pick(true);
    if concepts.is_empty() {
        // Nothing but function words ("Yes, it is."): every word counts.
        (concepts, owner) = pick(false);
    }
    if long && options.repeat > 0.0 {
        let times = |i: usize| said.get(&*tokens[i].stem).copied().unwrap_or(1.0);
        repeated(&mut concepts, &owner, base, times, options.repeat);
    }
    phrase_equivalents(&mut concepts, &owner, &tokens, &governing, lexicon);
    if tokens.iter().all(|t| !t.stop && !t.is_negation()) {
        commands_whole(model, &mut concepts, &owner, &tokens, stemmer);
    }
    Rubric {
        concepts,
        forbidden: Vec::new(),
    }
}

/// How many words between a cue and the word it sets aside [`set_aside`] quotes.
const ASIDE_GAP: usize = 1;

/// The name of the concept of token `i`, which cue `cue` sets aside without a negating
/// word ("*instead of* sending", "*rather than* a lock", "*unlike* a VM", "a *myth*"):
/// its keyword is `not sending`, words the model answer never says, so a learner reads
/// the model answer's own words instead: the cue (with the *of*, *than* or *to* that
/// makes it one), the word between when there is at most [`ASIDE_GAP`] ("rather than
/// a lock"), else `…` ("instead of … server": a label short enough for a list or a
/// breakdown's column); a cue after the word ("a red herring") comes after it.
fn set_aside(tokens: &[Token], cue: usize, i: usize) -> String {
    let word = |k: usize| -> &str { &tokens[k].norm };
    // "instead of", "rather than", "fail to": the cue and the word that makes it one.
    let joined = cue + 1 < i
        && matches!(word(cue + 1), "of" | "than" | "to")
        && matches!(
            word(cue),
            "instead" | "rather" | "fail" | "fails" | "failed" | "failing" | "unable"
        );
    let cue_words = if joined {
        format!("{} {}", word(cue), word(cue + 1))
    } else {
        word(cue).to_owned()
    };
    let (first, last) = if cue < i {
        (cue + 1 + usize::from(joined), i)
    } else {
        (i + 1, cue)
    };
    // The words between (not the pieces of a code token), or `…` for more than a few.
    let between: Vec<&str> = (first..last)
        .filter(|&k| !tokens[k].part)
        .map(word)
        .collect();
    let gap = if between.len() <= ASIDE_GAP {
        between.join(" ")
    } else {
        "…".to_owned()
    };
    let parts = if cue < i {
        [cue_words.as_str(), &gap, word(i)]
    } else {
        [word(i), &gap, cue_words.as_str()]
    };
    let parts: Vec<&str> = parts.into_iter().filter(|p| !p.is_empty()).collect();
    parts.join(" ")
}

/// A number or a single letter that the model answer says plainly somewhere is a symbol
/// of its formulas, and a negation that reaches it elsewhere ("can never exceed
/// 1 / (1 - p)") denies the claim, not the symbol: it stays the plain concept instead
/// of a second, negated one (`never p`) that an answer writing the formula right would
/// miss.
fn symbols_plain(tokens: &[Token], governing: &mut [Option<usize>]) {
    let symbol = |t: &Token| {
        !t.stop
            && (t.norm.bytes().all(|b| b.is_ascii_digit())
                || (t.class == Class::Word && t.norm.chars().count() == 1))
    };
    let plain: HashSet<&str> = tokens
        .iter()
        .zip(governing.iter())
        .filter(|(t, cue)| cue.is_none() && symbol(t))
        .map(|(t, _)| &*t.stem)
        .collect();
    for (t, cue) in tokens.iter().zip(governing.iter_mut()) {
        if cue.is_some() && symbol(t) && plain.contains(&*t.stem) {
            *cue = None;
        }
    }
}

/// In a long model answer, a concept said n times weighs n raised to `repeat` times
/// more: a long answer comes back to what carries it. `times` says how often the model
/// answer says the word of token `i`; a concept of synonyms counts its most said word
/// ("disk space ... RAM ... memory ... RAM": *RAM*, not *space*, which it happened to
/// say first).
fn repeated(
    concepts: &mut [Concept],
    owner: &[Option<usize>],
    base: impl Fn(usize) -> f64,
    times: impl Fn(usize) -> f64,
    repeat: f64,
) {
    let mut most = vec![0.0f64; concepts.len()];
    let mut first: Vec<Option<usize>> = vec![None; concepts.len()];
    for (i, c) in owner.iter().enumerate() {
        if let Some(c) = *c {
            most[c] = most[c].max(times(i));
            first[c].get_or_insert(i);
        }
    }
    for (c, concept) in concepts.iter_mut().enumerate() {
        if let Some(i) = first[c] {
            concept.weight = round(base(i) * most[c].powf(repeat));
        }
    }
}

/// A model answer with no function word is a command or a name, right only as written:
/// each of its words written with hyphens (`daemon-reload`, `cherry-pick`) is one
/// concept, with the weight of its pieces together, so that a piece alone (`systemctl
/// reload`) or another word sharing one (`daemon-reexec`) is not most of the answer.
fn commands_whole(
    model: &str,
    concepts: &mut Vec<Concept>,
    owner: &[Option<usize>],
    tokens: &[Token],
    stemmer: &Stemmer,
) {
    // The tokens of each chunk between spaces, in order.
    let mut start = 0;
    let mut merged: Vec<(usize, Concept)> = Vec::new();
    let mut gone: Vec<usize> = Vec::new();
    for chunk in model.split_whitespace() {
        let len = tokenize(chunk, stemmer, Parts::Skip).len();
        let run = start..start + len;
        start += len;
        if len < 2 || run.end > tokens.len() || !tokens[run.clone()].iter().all(|t| t.glued) {
            continue;
        }
        let mut parts: Vec<usize> = Vec::new();
        for c in run.clone().filter_map(|k| owner[k]) {
            if !parts.contains(&c) {
                parts.push(c);
            }
        }
        // A piece the model answer also says elsewhere keeps its concept.
        let alone = |c: &usize| (0..tokens.len()).all(|k| owner[k] != Some(*c) || run.contains(&k));
        if parts.len() < 2 || !parts.iter().all(alone) {
            continue;
        }
        let words: Vec<&str> = tokens[run].iter().map(|t| &*t.norm).collect();
        // Only words the model answer joins with hyphens are one hyphenated word: "G¡r"
        // is glued too, but no answer that writes it so would meet `g-r`.
        let written = chunk.trim_matches(|c: char| !c.is_alphanumeric());
        if !written.eq_ignore_ascii_case(&words.join("-")) {
            continue;
        }
        let weight = parts.iter().map(|&c| concepts[c].weight).sum();
        merged.push((
            parts[0],
            Concept {
                weight: round(weight),
                ..Concept::any(vec![words.join("-")])
            },
        ));
        gone.extend(&parts[1..]);
    }
    if start != tokens.len() {
        // The chunks did not split as the whole did: leave the concepts alone.
        return;
    }
    for (c, concept) in merged {
        concepts[c] = concept;
    }
    gone.sort_unstable();
    gone.dedup();
    for c in gone.into_iter().rev() {
        concepts.remove(c);
    }
}

/// Where the model answer says a phrase of the lexicon ("last in first out", "no fixed
/// size"), each concept of the phrase's words also accepts the phrase's equivalents
/// ("lifo", "dynamic size"): a concept is one word of the model answer, and an answer
/// that says the phrase in other words says every one of them. A phrase under a
/// negation from outside it ("is not first in first out") is left alone: its
/// equivalents would be stated plainly.
fn phrase_equivalents(
    concepts: &mut [Concept],
    owner: &[Option<usize>],
    tokens: &[Token],
    governing: &[Option<usize>],
    lexicon: &Lexicon,
) {
    for (span, others) in lexicon.phrases_in(tokens) {
        if span
            .clone()
            .any(|k| governing[k].is_some_and(|cue| !span.contains(&cue)))
        {
            continue;
        }
        for c in span.filter_map(|k| owner[k]) {
            let alternatives = &mut concepts[c].alternatives;
            for other in &others {
                if !alternatives.contains(other) {
                    alternatives.push(other.clone());
                }
            }
        }
    }
}

/// For each concept of a derived `rubric`, the stem a near form is measured against:
/// its word's, when the concept is one plain word (a negated concept, a code token or
/// a number has no near forms).
pub fn near_stems(rubric: &Rubric, stemmer: &Stemmer) -> Vec<Option<Arc<str>>> {
    rubric
        .concepts
        .iter()
        .map(|concept| {
            let keyword = concept.alternatives.first()?;
            match tokenize(keyword, stemmer, Parts::Skip).as_slice() {
                [word] if word.class == Class::Word && !word.stop => Some(word.stem.clone()),
                _ => None,
            }
        })
        .collect()
}

/// Weights with two decimals read better in a breakdown and lose nothing.
fn round(weight: f64) -> f64 {
    (weight * 100.0).round() / 100.0
}

/// The weight that earns a derived rubric a full score: all of it, or for a long model
/// answer (more than `carry` concepts) the weight of its `carry` heaviest concepts.
pub fn full_weight(rubric: &Rubric, options: &DeriveOptions) -> Option<f64> {
    if options.carry == 0 || rubric.concepts.len() <= options.carry {
        return None;
    }
    let mut weights: Vec<f64> = rubric.concepts.iter().map(|c| c.weight.max(0.0)).collect();
    weights.sort_by(|a, b| b.total_cmp(a));
    Some(weights.iter().take(options.carry).sum())
}

#[cfg(test)]
mod tests;
