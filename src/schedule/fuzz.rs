//! Interval fuzz: spreads a review interval over a small range so cards learnt
//! together drift apart, as py-fsrs's `_get_fuzzed_interval` does.
//!
//! py-fsrs draws from Python's global random generator. recall instead derives
//! the random number from the card's key and the review time, so replaying the
//! log (undo, rebuild, optimise) reproduces every due time. The hash is written
//! out here (FNV-1a, then SplitMix64's finaliser) rather than taken from std,
//! whose `DefaultHasher` may change between Rust releases.

use chrono::{DateTime, Utc};

/// py-fsrs's `FUZZ_RANGES`: (start, end, factor) in days.
const FUZZ_RANGES: [(f64, f64, f64); 3] = [
    (2.5, 7.0, 0.15),
    (7.0, 20.0, 0.1),
    (20.0, f64::INFINITY, 0.05),
];

/// A number in [0, 1) fixed by `key` and `at`.
pub(super) fn unit_interval(key: &str, at: DateTime<Utc>) -> f64 {
    const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;
    let micros = at.timestamp_micros();
    let bytes = key.bytes().chain([0xff]).chain(micros.to_le_bytes());
    let hash = bytes.fold(FNV_OFFSET, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(FNV_PRIME)
    });
    // 53 random bits, the precision of an f64 in [0, 1)
    (splitmix64(hash) >> 11) as f64 / (1u64 << 53) as f64
}

fn splitmix64(seed: u64) -> u64 {
    let mut z = seed.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// The fuzzed interval for `days`, given a random `unit` in [0, 1).
pub(super) fn fuzz_days(days: i64, maximum_interval: u32, unit: f64) -> i64 {
    if (days as f64) < 2.5 {
        return days;
    }
    let maximum = i64::from(maximum_interval);
    let delta = FUZZ_RANGES
        .iter()
        .fold(1.0, |delta, &(start, end, factor)| {
            delta + factor * ((days as f64).min(end) - start).max(0.0)
        });
    let low = ((days as f64 - delta).round_ties_even() as i64).max(2);
    let high = ((days as f64 + delta).round_ties_even() as i64).min(maximum);
    let low = low.min(high);
    let fuzzed = (unit * (high - low + 1) as f64 + low as f64).round_ties_even() as i64;
    fuzzed.min(maximum)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn short_intervals_are_not_fuzzed() {
        assert_eq!(fuzz_days(2, 36500, 0.99), 2);
    }

    #[test]
    fn fuzz_range_matches_py_fsrs() {
        // 10 days: delta = 1 + 0.15 * 4.5 + 0.1 * 3 = 1.975, range 8..=12
        assert_eq!(fuzz_days(10, 36500, 0.0), 8);
        // py-fsrs draws from max - min + 1 values and then rounds, so the
        // top of the range can reach one day past `high`; we keep that quirk.
        assert_eq!(fuzz_days(10, 36500, 0.999), 13);
        assert!((8..=13).contains(&fuzz_days(10, 36500, 0.5)));
        assert_eq!(fuzz_days(400, 365, 0.999), 365);
    }

    #[test]
    fn unit_interval_depends_on_key_and_time() {
        let at = Utc.timestamp_opt(1_700_000_000, 0).unwrap();
        let later = Utc.timestamp_opt(1_700_000_001, 0).unwrap();
        let a = unit_interval("bank/a", at);
        assert!((0.0..1.0).contains(&a));
        assert_eq!(a, unit_interval("bank/a", at));
        assert_ne!(a, unit_interval("bank/b", at));
        assert_ne!(a, unit_interval("bank/a", later));
    }
}
