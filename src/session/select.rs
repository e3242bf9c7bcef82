//! Which questions a session asks, and in what order, before the store has its say.
//!
//! Filters (`--bank`, `--tag`, `--kind`, `--tier`) narrow the banks' questions; a quiz
//! keeps the banks' order or draws `--count` at random; a mock interview walks the tiers
//! from beginner to scenario discussion. Deterministic for a given seed.

use crate::bank::{Bank, Kind, Library, Question, Tier};
use rand::SeedableRng;
use rand::seq::SliceRandom;

/// What the learner narrowed the session to; empty lists mean "all".
#[derive(Debug, Clone, Default)]
pub struct Filter {
    /// Bank ids (`--bank`).
    pub banks: Vec<String>,
    /// Tags, on the question or its bank (`--tag`).
    pub tags: Vec<String>,
    /// Question kinds (`--kind`).
    pub kinds: Vec<Kind>,
    /// Interview tiers (`--tier`).
    pub tiers: Vec<Tier>,
}

impl Filter {
    /// Whether `question` of `bank` passes every filter.
    pub fn accepts(&self, bank: &Bank, question: &Question) -> bool {
        (self.banks.is_empty() || self.banks.contains(&bank.id))
            && (self.tags.is_empty()
                || self
                    .tags
                    .iter()
                    .any(|t| bank.tags.contains(t) || question.tags.contains(t)))
            && (self.kinds.is_empty() || self.kinds.contains(&question.kind))
            && (self.tiers.is_empty() || question.tier.is_some_and(|t| self.tiers.contains(&t)))
    }

    /// Bank ids named by `--bank` that no loaded bank has: an error the learner must see
    /// rather than an empty session.
    pub fn unknown_banks<'f>(&'f self, library: &Library) -> Vec<&'f str> {
        self.banks
            .iter()
            .filter(|b| library.bank(b).is_none())
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
/// shuffled within a tier; with `count`, that many in all, spread over the tiers as
/// evenly as they allow and still in tier order.
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
    if let Some(count) = count {
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
