//! Drafts for an author to refine (`recall import`): the keywords of a question, from
//! the rubric the grader would derive from its model answer, and known misconceptions,
//! from a lesson's "Common Mistakes" and "Troubleshooting" items. Both reuse the
//! grader's tokens and the bank's word statistics, so a draft names what grading finds.

use super::Options;
use super::derive::{BankStats, derive};
use super::lexicon::Lexicon;
use super::token::{Parts, Token, tokenize};
use crate::bank::{Bank, Concept, Misconception, Question, Relation, Within};
use rust_stemmers::Stemmer;
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

/// Draft keywords for an author to refine (`recall import`): `max` concepts of the
/// rubric the grader would derive from `question`'s model answer, in the order the answer
/// uses them. A draft wants the words an answer cannot do without, so the derived
/// weights (rarer words across `bank` weigh more, the prompt's own words less, code-like
/// tokens more) are scaled by how often the answer repeats the word and by its length,
/// and adverbs are played down, which favours `iptables` and `failover` over passing
/// words like `completely`. One
/// derivation serves grading and drafting.
pub fn draft_keywords(bank: &Bank, question: &Question, max: usize) -> Vec<String> {
    KeywordDrafter::new(bank).draft(question, max)
}

/// [`draft_keywords`] for many questions of one bank: the bank's word statistics are
/// gathered once, not once per question (which made importing a large lesson
/// quadratic).
pub struct KeywordDrafter {
    stemmer: Stemmer,
    stats: BankStats,
    lexicon: Lexicon,
}

impl KeywordDrafter {
    /// A drafter for the questions of `bank`.
    pub fn new(bank: &Bank) -> KeywordDrafter {
        let stemmer = crate::lang::stemmer();
        let stats = BankStats::new(bank, &stemmer);
        let lexicon = Lexicon::new(bank.synonyms.iter().map(Vec::as_slice), &stemmer);
        KeywordDrafter {
            stemmer,
            stats,
            lexicon,
        }
    }

    /// [`draft_keywords`] of `question`, one of the bank's questions.
    pub fn draft(&self, question: &Question, max: usize) -> Vec<String> {
        draft_with(question, max, &self.stats, &self.stemmer, &self.lexicon)
    }
}

fn draft_with(
    question: &Question,
    max: usize,
    stats: &BankStats,
    stemmer: &Stemmer,
    lexicon: &Lexicon,
) -> Vec<String> {
    let options = Options::default();
    let rubric = derive(question, stats, &options.derive, stemmer, lexicon);
    let model = question.model_answer.as_deref().unwrap_or("");
    let mut uses: HashMap<Arc<str>, f64> = HashMap::new();
    for token in tokenize(model, stemmer, Parts::Skip) {
        *uses.entry(token.stem.clone()).or_default() += 1.0;
    }
    let score = |concept: &Concept| {
        let label = concept.label();
        let stem = tokenize(&label, stemmer, Parts::Skip)
            .pop()
            .map(|t| t.stem.clone());
        let repeats = stem.and_then(|s| uses.get(&s).copied()).unwrap_or(1.0);
        let length = (label.chars().count() as f64 / 6.0).clamp(0.5, 2.0);
        // Adverbs ("completely", "dynamically") colour an answer but are rarely its point.
        let adverb = if label.len() > 4 && label.ends_with("ly") {
            0.3
        } else {
            1.0
        };
        concept.weight * repeats * length * adverb
    };
    let mut ranked: Vec<(usize, f64, &Concept)> = rubric
        .concepts
        .iter()
        .enumerate()
        .map(|(i, c)| (i, score(c), c))
        .collect();
    // Best first; the answer's order breaks ties and orders the result.
    ranked.sort_by(|(i, a, _), (j, b, _)| b.total_cmp(a).then(i.cmp(j)));
    ranked.truncate(max);
    ranked.sort_by_key(|(i, _, _)| *i);
    ranked
        .into_iter()
        .map(|(_, _, concept)| concept.label().to_owned())
        .collect()
}

/// Draft misconceptions for an author to refine (`recall import`): each of `mistakes`
/// (the items of a lesson's "Common Mistakes" and "Troubleshooting" sections) goes to
/// the text question of `bank` whose prompt and model answer share the most content
/// words with it (three at least), as a misconception whose concept is the two of those
/// words that are rarest across the bank's model answers, found together in a
/// sentence, and whose feedback is the mistake's own text. A draft whose two words the
/// model answer itself says in one sentence is dropped. Returns (question index,
/// misconception) pairs. Only a draft: the words say what the mistake is about, not
/// yet the wrong claim itself.
pub fn draft_misconceptions(bank: &Bank, mistakes: &[String]) -> Vec<(usize, Misconception)> {
    let stemmer = crate::lang::stemmer();
    let stats = BankStats::new(bank, &stemmer);
    let asked: Vec<Option<HashSet<Arc<str>>>> = bank
        .questions
        .iter()
        .map(|q| {
            q.is_text().then(|| {
                let text = format!("{} {}", q.prompt, q.model_answer.as_deref().unwrap_or(""));
                content(&text, &stemmer)
                    .into_iter()
                    .map(|t| t.stem.clone())
                    .collect()
            })
        })
        .collect();
    let mut drafts = Vec::new();
    for mistake in mistakes {
        let words = content(mistake, &stemmer);
        let Some((i, mut shared)) = closest(&asked, &words).filter(|(_, s)| s.len() >= 3) else {
            continue;
        };
        // The rarest words carry the mistake; common ones ("docker") do not.
        shared.sort_by(|a, b| stats.weight(&b.stem).total_cmp(&stats.weight(&a.stem)));
        let model = bank.questions[i].model_answer.as_deref().unwrap_or("");
        if said_together(model, [&shared[0].stem, &shared[1].stem], &stemmer) {
            continue;
        }
        let terms = vec![
            vec![shared[0].norm.to_string()],
            vec![shared[1].norm.to_string()],
        ];
        drafts.push((i, misconception(terms, mistake)));
    }
    drafts
}

/// The content words of `text`: no stop words, negations or words of two letters.
fn content(text: &str, stemmer: &Stemmer) -> Vec<Token> {
    tokenize(text, stemmer, Parts::Skip)
        .into_iter()
        .filter(|t| !t.stop && !t.negation && t.len > 2)
        .collect()
}

/// The question (index into `asked`) that shares the most of `words`, with the words
/// it shares, each once; the first question wins a tie.
fn closest<'w>(
    asked: &[Option<HashSet<Arc<str>>>],
    words: &'w [Token],
) -> Option<(usize, Vec<&'w Token>)> {
    asked
        .iter()
        .enumerate()
        .filter_map(|(i, a)| a.as_ref().map(|a| (i, a)))
        .map(|(i, a)| {
            let mut shared: Vec<&Token> = Vec::new();
            for t in words {
                if a.contains(&t.stem) && !shared.iter().any(|s| s.stem == t.stem) {
                    shared.push(t);
                }
            }
            (i, shared)
        })
        .max_by_key(|(i, shared)| (shared.len(), std::cmp::Reverse(*i)))
}

/// Whether `model` says both stems of `pair` in one sentence.
fn said_together(model: &str, pair: [&Arc<str>; 2], stemmer: &Stemmer) -> bool {
    let said = tokenize(model, stemmer, Parts::Skip);
    said.iter().any(|a| {
        a.stem == *pair[0]
            && said
                .iter()
                .any(|b| b.stem == *pair[1] && b.place.sentence == a.place.sentence)
    })
}

/// A drafted misconception: `terms` found together in a sentence, with the mistake's
/// own text (300 characters at most) as its feedback.
fn misconception(terms: Vec<Vec<String>>, mistake: &str) -> Misconception {
    Misconception {
        concept: Concept {
            shown: None,
            relation: Some(Relation {
                terms,
                within: Within::Sentence,
                ordered: false,
            }),
            ..Concept::any(Vec::new())
        },
        feedback: mistake.trim().chars().take(300).collect(),
        cap: None,
    }
}
