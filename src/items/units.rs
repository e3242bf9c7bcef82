//! The units discrimination is computed over (learners, or one learner's sessions) and
//! each item's (item score, rest score) pairs in them.

use rustc_hash::FxHashMap;

use super::discrimination::Pair;
use super::{Analysis, SESSION_GAP_MINUTES, Units};

impl Analysis<'_> {
    /// The (item score, rest score) pairs of every item, the learners of every item and
    /// the number of units, by `units`.
    pub(super) fn units(&mut self, units: Units) -> (Grouped<Pair>, Vec<usize>, usize) {
        // Learners in the order of their ids, so ties are broken the same in any run.
        let mut names: Vec<(&str, u32)> = self.learners.iter().map(|(n, &i)| (&**n, i)).collect();
        names.sort_unstable();
        let mut rank = vec![0u32; names.len()];
        for (position, (_, learner)) in names.iter().enumerate() {
            rank[*learner as usize] = position as u32;
        }
        let answers = &mut self.answers;
        // A stable sort: answers at the same time stay in the log's order.
        sort_stably(answers, |a| (rank[a.learner as usize], a.at), |a| a.item);

        // (item, pair) in the order of the units, grouped by item at the end.
        let mut flat: Vec<(u32, Pair)> = Vec::with_capacity(answers.len());
        let mut learners = vec![0usize; self.tallies.len()];
        let mut last_learner = vec![u32::MAX; self.tallies.len()];
        for answer in answers.iter() {
            let item = answer.item as usize;
            if last_learner[item] != answer.learner {
                last_learner[item] = answer.learner;
                learners[item] += 1;
            }
        }

        let gap = SESSION_GAP_MINUTES * 60 * 1_000_000;
        let mut unit_count = 0u32;
        let mut start = 0;
        let mut per_question: FxHashMap<u32, (f64, u32)> = FxHashMap::default();
        let mut per_item: FxHashMap<u32, (f64, u32, u32)> = FxHashMap::default();
        while start < answers.len() {
            let first = &answers[start];
            let mut end = start + 1;
            while end < answers.len() {
                let (previous, next) = (&answers[end - 1], &answers[end]);
                let same = next.learner == first.learner
                    && (units == Units::Learners
                        || (next.at - previous.at <= gap && next.mode == previous.mode));
                if !same {
                    break;
                }
                end += 1;
            }
            per_question.clear();
            per_item.clear();
            for answer in &answers[start..end] {
                let q = per_question.entry(answer.question).or_default();
                q.0 += answer.score;
                q.1 += 1;
                let i = per_item
                    .entry(answer.item)
                    .or_insert((0.0, 0, answer.question));
                i.0 += answer.score;
                i.1 += 1;
            }
            let mean = |(sum, n): (f64, u32)| sum / f64::from(n);
            let total: f64 = per_question.values().map(|&q| mean(q)).sum();
            let count = per_question.len();
            if count >= 2 {
                for (&item, &(sum, n, question)) in &per_item {
                    let own = mean(per_question[&question]);
                    let pair = Pair {
                        item: mean((sum, n)),
                        rest: (total - own) / (count - 1) as f64,
                        unit: unit_count,
                    };
                    flat.push((item, pair));
                }
            }
            unit_count += 1;
            start = end;
        }
        let blank = Pair {
            item: 0.0,
            rest: 0.0,
            unit: 0,
        };
        let pairs = group(flat, self.tallies.len(), blank);
        (pairs, learners, unit_count as usize)
    }
}

/// Sorts `values` stably by (`major`, `minor`). A log of one learner is in time order
/// already but for answers of the same microsecond, where the minor key breaks a
/// general sort's runs into pieces too short to keep (the sort then starts afresh on a
/// million of them): when `major` never goes down, only each run of equal `major` is
/// sorted, which gives the same order.
pub(super) fn sort_stably<T, K: Ord, M: Ord>(
    values: &mut [T],
    major: impl Fn(&T) -> K,
    minor: impl Fn(&T) -> M,
) {
    if !values
        .windows(2)
        .all(|pair| major(&pair[0]) <= major(&pair[1]))
    {
        values.sort_by(|a, b| {
            major(a)
                .cmp(&major(b))
                .then_with(|| minor(a).cmp(&minor(b)))
        });
        return;
    }
    let mut start = 0;
    while start < values.len() {
        let key = major(&values[start]);
        let end = start
            + values[start..]
                .iter()
                .position(|value| major(value) != key)
                .unwrap_or(values.len() - start);
        if end - start > 1 {
            values[start..end].sort_by_key(&minor);
        }
        start = end;
    }
}

/// Values grouped by item: item `i`'s are `values[starts[i]..starts[i + 1]]`.
pub(super) struct Grouped<T> {
    pub(super) values: Vec<T>,
    pub(super) starts: Vec<usize>,
}

impl<T> Grouped<T> {
    /// Each item's values, in the order of the items.
    pub(super) fn slices(&mut self) -> Vec<&mut [T]> {
        let mut rest = self.values.as_mut_slice();
        self.starts
            .windows(2)
            .map(|bounds| {
                let (values, after) = std::mem::take(&mut rest).split_at_mut(bounds[1] - bounds[0]);
                rest = after;
                values
            })
            .collect()
    }
}

/// `values` of `items` items grouped by item, each item's in the order given; `blank`
/// fills the space before it is written.
pub(super) fn group<T: Copy>(
    values: impl IntoIterator<Item = (u32, T)> + Clone,
    items: usize,
    blank: T,
) -> Grouped<T> {
    let mut starts = vec![0usize; items + 1];
    for (item, _) in values.clone() {
        starts[item as usize + 1] += 1;
    }
    for item in 0..items {
        starts[item + 1] += starts[item];
    }
    let mut next = starts.clone();
    let mut grouped = vec![blank; starts[items]];
    for (item, value) in values {
        let at = &mut next[item as usize];
        grouped[*at] = value;
        *at += 1;
    }
    Grouped {
        values: grouped,
        starts,
    }
}
