//! How well an item separates strong learners from weak ones: the corrected item-total
//! correlation, Moodle's discriminative efficiency and the upper-lower 27% index, each
//! over the (item score, rest score) pairs of the units that answered the item.
//!
//! What a unit is (a learner, or one learner's session) and how the pairs are made is
//! `mod.rs`'s; the formulas are here, and written out in `docs/items.md`.

/// One unit's answers to an item: its mean score on the item, its rest score (its mean
/// over the other questions) and its place in the units' order (which breaks ties).
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct Pair {
    pub item: f64,
    pub rest: f64,
    pub unit: u32,
}

/// What the pairs of one item say.
#[derive(Clone, Copy, Debug, PartialEq, Default)]
pub(super) struct Discrimination {
    /// Pearson's correlation of the item scores with the rest scores.
    pub correlation: Option<f64>,
    /// The covariance over the largest covariance the same values could have.
    pub efficiency: Option<f64>,
    /// The upper 27%'s mean item score minus the lower 27%'s.
    pub upper_lower: Option<f64>,
}

/// The share of units in each of the upper and lower groups.
pub const GROUP_SHARE: f64 = 0.27;

/// The three indices over `pairs` (in any order); each is `None` when it is undefined
/// (fewer than two units, or no spread to correlate).
pub(super) fn discrimination(pairs: &mut [Pair]) -> Discrimination {
    let n = pairs.len();
    if n < 2 {
        return Discrimination::default();
    }
    let items: Vec<f64> = pairs.iter().map(|p| p.item).collect();
    let rests: Vec<f64> = pairs.iter().map(|p| p.rest).collect();
    let spread = covariance(&items, &rests);
    let (item_variance, rest_variance) = (covariance_of(&items), covariance_of(&rests));
    let correlation = (item_variance > 0.0 && rest_variance > 0.0)
        .then(|| spread / (item_variance * rest_variance).sqrt());

    let mut sorted_items = items.clone();
    let mut sorted_rests = rests.clone();
    sorted_items.sort_by(f64::total_cmp);
    sorted_rests.sort_by(f64::total_cmp);
    let largest = covariance(&sorted_items, &sorted_rests);
    let efficiency = (largest > 0.0).then(|| spread / largest);

    // Best rest score first; ties go to the unit that comes first.
    pairs.sort_by(|a, b| b.rest.total_cmp(&a.rest).then(a.unit.cmp(&b.unit)));
    let group = ((n as f64 * GROUP_SHARE).round() as usize).max(1);
    let mean = |pairs: &[Pair]| pairs.iter().map(|p| p.item).sum::<f64>() / pairs.len() as f64;
    let upper_lower = Some(mean(&pairs[..group]) - mean(&pairs[n - group..]));
    Discrimination {
        correlation,
        efficiency,
        upper_lower,
    }
}

fn mean(values: &[f64]) -> f64 {
    values.iter().sum::<f64>() / values.len() as f64
}

/// The population covariance of two equally long lists.
fn covariance(xs: &[f64], ys: &[f64]) -> f64 {
    let (mx, my) = (mean(xs), mean(ys));
    xs.iter()
        .zip(ys)
        .map(|(x, y)| (x - mx) * (y - my))
        .sum::<f64>()
        / xs.len() as f64
}

fn covariance_of(xs: &[f64]) -> f64 {
    covariance(xs, xs)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(values: &[(f64, f64)]) -> Vec<Pair> {
        values
            .iter()
            .enumerate()
            .map(|(unit, &(item, rest))| Pair {
                item,
                rest,
                unit: unit as u32,
            })
            .collect()
    }

    #[test]
    fn a_perfectly_ordered_item_has_correlation_and_efficiency_one() {
        let mut p = pairs(&[(0.0, 0.1), (0.0, 0.2), (1.0, 0.8), (1.0, 0.9)]);
        let d = discrimination(&mut p);
        // cov = (.2 + .15 + .15 + .2) / 4 = .175, var(item) = .25, var(rest) = .125.
        let r = d.correlation.unwrap();
        assert!((r - 0.175 / 0.03125f64.sqrt()).abs() < 1e-12, "{r}");
        assert!((d.efficiency.unwrap() - 1.0).abs() < 1e-12);
        // Four units: groups of round(1.08) = 1; best rest 0.9 scored 1, worst 0.1 scored 0.
        assert_eq!(d.upper_lower, Some(1.0));
    }

    #[test]
    fn a_reversed_item_is_negative_and_no_spread_is_undefined() {
        let mut p = pairs(&[(1.0, 0.1), (0.0, 0.9), (1.0, 0.2), (0.0, 0.8)]);
        let d = discrimination(&mut p);
        assert!(d.correlation.unwrap() < 0.0);
        assert!((d.efficiency.unwrap() + 1.0).abs() < 1e-12);
        assert_eq!(d.upper_lower, Some(-1.0));
        let mut flat = pairs(&[(1.0, 0.1), (1.0, 0.9), (1.0, 0.5)]);
        let d = discrimination(&mut flat);
        assert_eq!(d.correlation, None);
        assert_eq!(d.efficiency, None);
        assert_eq!(d.upper_lower, Some(0.0));
        assert_eq!(
            discrimination(&mut pairs(&[(1.0, 0.5)])),
            Discrimination::default()
        );
    }
}
