//! Which questions a session asks, and in what order, before and after the store has
//! its say.
//!
//! Filters (`--bank`, `--tag`, `--kind`, `--tier`) narrow the banks' questions; a quiz
//! keeps the banks' order or draws `--count` at random (ten when nothing narrows it); a
//! mock interview walks the tiers from beginner to scenario discussion (a few per tier
//! unless told how many); a drill asks what the store's queue names ([`queued`] looks
//! its keys up). Deterministic for a given seed.

use super::{QuestionKey, Queued};
use crate::bank::{Bank, Catalog, Kind, KindName, Library, Outline, Question, Tier};
use rand::SeedableRng;
use rand::seq::SliceRandom;
use std::collections::{BTreeMap, HashMap};

/// What the learner narrowed the session to; empty lists mean "all".
#[derive(Debug, Clone, Default)]
pub struct Filter {
    /// Bank ids (`--bank`).
    pub banks: Vec<String>,
    /// Tags, on the question or its bank (`--tag`).
    pub tags: Vec<String>,
    /// Question kinds, as bank files name them (`--kind`): `multiple_choice` takes in
    /// true/false questions (which are answered from choices too), `true_false` only them.
    pub kinds: Vec<KindName>,
    /// Interview tiers (`--tier`).
    pub tiers: Vec<Tier>,
}

impl Filter {
    /// Whether `question` of `bank` passes every filter.
    pub fn accepts(&self, bank: &Bank, question: &Question) -> bool {
        self.accepts_parts(bank, question.kind_name(), question.tier, &question.tags)
    }

    /// Whether the question `outline` describes passes every filter (its bank is
    /// `bank`): the same answer as [`Filter::accepts`] gives for the question.
    pub fn accepts_outline(&self, bank: &Bank, outline: &Outline) -> bool {
        self.accepts_parts(bank, outline.kind, outline.tier, &outline.tags)
    }

    fn accepts_parts(
        &self,
        bank: &Bank,
        kind: KindName,
        tier: Option<Tier>,
        tags: &[String],
    ) -> bool {
        (self.banks.is_empty() || self.banks.contains(&bank.id))
            && (self.tags.is_empty()
                || self
                    .tags
                    .iter()
                    .any(|t| bank.tags.contains(t) || tags.contains(t)))
            && (self.kinds.is_empty()
                || self
                    .kinds
                    .iter()
                    .any(|&k| k == kind || k == kind.kind().name()))
            && (self.tiers.is_empty() || tier.is_some_and(|t| self.tiers.contains(&t)))
    }

    /// Bank ids named by `--bank` that none of `banks` has: an error the learner must
    /// see rather than an empty session.
    pub fn unknown_banks<'f>(&'f self, banks: &[Bank]) -> Vec<&'f str> {
        self.banks
            .iter()
            .filter(|b| !banks.iter().any(|bank| bank.id == **b))
            .map(String::as_str)
            .collect()
    }

    /// Whether the filter narrows by what a question's outline says (tag, kind, tier),
    /// not only by bank.
    pub fn by_outline(&self) -> bool {
        !(self.tags.is_empty() && self.kinds.is_empty() && self.tiers.is_empty())
    }

    /// Whether the filter narrows anything.
    pub fn is_empty(&self) -> bool {
        self.banks.is_empty()
            && self.tags.is_empty()
            && self.kinds.is_empty()
            && self.tiers.is_empty()
    }

    /// Tags named by `--tag` that `known` (every tag, see [`tags`] and
    /// [`catalog_tags`]) does not have.
    pub fn unknown_tags<'f>(&'f self, known: &BTreeMap<&str, usize>) -> Vec<&'f str> {
        self.tags
            .iter()
            .filter(|t| !known.contains_key(t.as_str()))
            .map(String::as_str)
            .collect()
    }

    /// The questions of `library` this filter accepts, in bank order.
    pub fn questions<'a>(&self, library: &'a Library) -> Vec<(&'a Bank, &'a Question)> {
        library
            .questions()
            .filter(|(b, q)| self.accepts(b, q))
            .collect()
    }
}

/// Every tag of the library's banks and questions, with how many questions carry it
/// (a bank's tag counts for each of its questions).
pub fn tags(library: &Library) -> BTreeMap<&str, usize> {
    count_tags(
        library
            .questions()
            .map(|(bank, question)| (bank, question.tags.as_slice())),
        &library.banks,
    )
}

/// [`tags`] of a catalog's banks and questions.
pub fn catalog_tags(catalog: &Catalog) -> BTreeMap<&str, usize> {
    count_tags(
        catalog
            .questions()
            .iter()
            .map(|outline| (catalog.bank_of(outline), outline.tags.as_slice())),
        &catalog.banks,
    )
}

/// Each question's tags and its bank's, counted once per question; every bank's tags
/// are listed, with no question too.
fn count_tags<'a>(
    questions: impl Iterator<Item = (&'a Bank, &'a [String])>,
    banks: &'a [Bank],
) -> BTreeMap<&'a str, usize> {
    let mut tags: BTreeMap<&str, usize> = BTreeMap::new();
    for (bank, question_tags) in questions {
        let mut own: Vec<&str> = bank
            .tags
            .iter()
            .chain(question_tags)
            .map(String::as_str)
            .collect();
        own.sort_unstable();
        own.dedup();
        for tag in own {
            *tags.entry(tag).or_default() += 1;
        }
    }
    for bank in banks {
        for tag in &bank.tags {
            tags.entry(tag).or_default();
        }
    }
    tags
}

/// The keys of `questions`, in their order.
pub fn keys(questions: &[(&Bank, &Question)]) -> Vec<QuestionKey> {
    questions
        .iter()
        .map(|(b, q)| QuestionKey::new(&b.id, &q.id))
        .collect()
}

/// The entries for `keys` (a drill's queue, in order), looked up among `questions` by
/// key rather than by a scan per key (a curriculum can hold 100,000); a key with no
/// question is left out. Every entry moves its question's schedule.
pub fn queued<'a, 'k>(
    questions: &[(&'a Bank, &'a Question)],
    keys: impl IntoIterator<Item = &'k QuestionKey>,
) -> Vec<Queued<'a>> {
    let by_key: HashMap<(&str, &str), usize> = questions
        .iter()
        .enumerate()
        .map(|(i, (b, q))| ((b.id.as_str(), q.id.as_str()), i))
        .collect();
    keys.into_iter()
        .filter_map(|key| by_key.get(&(key.bank.as_str(), key.question.as_str())))
        .map(|&i| Queued {
            bank: questions[i].0,
            question: questions[i].1,
            schedules: true,
        })
        .collect()
}

/// Questions a quiz asks when nothing narrows it: a sitting, not the whole library.
pub const QUIZ_DEFAULT_COUNT: usize = 10;

/// Interview questions per tier when no count is given.
pub const INTERVIEW_PER_TIER: usize = 2;

/// A quiz's questions: all of them in order, or `count` drawn at random with `seed`.
pub fn quiz<'a>(
    mut questions: Vec<(&'a Bank, &'a Question)>,
    count: Option<usize>,
    seed: u64,
) -> Vec<(&'a Bank, &'a Question)> {
    if let Some(count) = count {
        let mut rng = rand::rngs::StdRng::seed_from_u64(seed);
        questions.shuffle(&mut rng);
        questions.truncate(count);
    }
    questions
}

/// A mock interview's questions: interview questions tier by tier (beginner first),
/// shuffled within a tier; `count` in all (by default [`INTERVIEW_PER_TIER`] for each
/// tier that has questions), spread over the tiers as evenly as they allow and still in
/// tier order.
pub fn interview<'a>(
    questions: Vec<(&'a Bank, &'a Question)>,
    count: Option<usize>,
    seed: u64,
) -> Vec<(&'a Bank, &'a Question)> {
    let mut rng = rand::rngs::StdRng::seed_from_u64(seed);
    let mut tiers: Vec<Vec<(&Bank, &Question)>> = Tier::ALL
        .iter()
        .map(|tier| {
            let mut in_tier: Vec<_> = questions
                .iter()
                .copied()
                .filter(|(_, q)| q.kind == Kind::Interview && q.tier == Some(*tier))
                .collect();
            in_tier.shuffle(&mut rng);
            in_tier
        })
        .collect();
    let count = count.unwrap_or_else(|| {
        INTERVIEW_PER_TIER * tiers.iter().filter(|tier| !tier.is_empty()).count()
    });
    {
        // Deal one question per tier in turn until `count` are taken.
        let mut take = vec![0usize; tiers.len()];
        let mut left = count;
        while left > 0 {
            let mut dealt = false;
            for (i, tier) in tiers.iter().enumerate() {
                if left > 0 && take[i] < tier.len() {
                    take[i] += 1;
                    left -= 1;
                    dealt = true;
                }
            }
            if !dealt {
                break;
            }
        }
        for (tier, n) in tiers.iter_mut().zip(take) {
            tier.truncate(n);
        }
    }
    tiers.into_iter().flatten().collect()
}
