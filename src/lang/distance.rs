//! How far apart two words are: the optimal string alignment distance (Levenshtein where
//! swapping two neighbouring letters is one edit), bounded so that a far pair costs little.
//!
//! The grader measures every typo with it on its hot path (so it is allocation-free for
//! short words and gives up as soon as a row exceeds the limit), and the loader's and
//! the CLI's "did you mean" hints pick their suggestion with it.

/// Optimal string alignment distance (Damerau-Levenshtein where a transposition is one
/// edit), or `None` when it exceeds `limit`.
pub fn edit_distance_within(a: &str, b: &str, limit: usize) -> Option<usize> {
    if a.is_ascii() && b.is_ascii() {
        return bounded_osa(a.as_bytes(), b.as_bytes(), limit);
    }
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    bounded_osa(&a, &b, limit)
}

/// Words up to this long are compared without allocating.
const STACK_WORD: usize = 31;

fn bounded_osa<T: PartialEq>(a: &[T], b: &[T], limit: usize) -> Option<usize> {
    if a.len().abs_diff(b.len()) > limit {
        return None;
    }
    let width = b.len() + 1;
    let mut stack = [0usize; 3 * (STACK_WORD + 1)];
    let mut heap = Vec::new();
    let rows: &mut [usize] = if width <= STACK_WORD + 1 {
        &mut stack[..3 * width]
    } else {
        heap.resize(3 * width, 0);
        &mut heap
    };
    for (j, cell) in rows[..width].iter_mut().enumerate() {
        *cell = j;
    }
    // Three rows: two back (for transpositions), one back, current.
    let (mut older, mut prev, mut cur) = (2usize, 0usize, 1usize);
    for i in 1..=a.len() {
        rows[cur * width] = i;
        let mut row_min = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut d = (rows[prev * width + j] + 1)
                .min(rows[cur * width + j - 1] + 1)
                .min(rows[prev * width + j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(rows[older * width + j - 2] + 1);
            }
            rows[cur * width + j] = d;
            row_min = row_min.min(d);
        }
        if row_min > limit {
            return None;
        }
        (older, prev, cur) = (prev, cur, older);
    }
    let d = rows[prev * width + b.len()];
    (d <= limit).then_some(d)
}

/// The closest of `candidates` to `word` when it is close enough to be a likely typo
/// (a third of its letters, at least one); the first of equally close ones. Case is
/// not a typo: `MOD-DOCKER-04` finds `mod-docker-04`, and a difference of case alone
/// is closer than any other.
pub fn suggest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let lower = word.to_lowercase();
    let limit = (lower.chars().count() / 3).max(1);
    candidates
        .into_iter()
        .filter_map(|c| {
            if c != word && c.to_lowercase() == lower {
                return Some((0, c));
            }
            edit_distance_within(&lower, &c.to_lowercase(), limit).map(|d| (d + 1, c))
        })
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edit_distance_counts_transpositions_as_one() {
        assert_eq!(edit_distance_within("daemon", "deamon", 1), Some(1));
        assert_eq!(edit_distance_within("volume", "volme", 1), Some(1));
        assert_eq!(edit_distance_within("volume", "volumex", 1), Some(1));
        assert_eq!(edit_distance_within("volume", "valume", 1), Some(1));
        assert_eq!(edit_distance_within("volume", "vlume", 0), None);
        assert_eq!(edit_distance_within("abc", "xyz", 2), None);
        assert_eq!(edit_distance_within("", "ab", 2), Some(2));
        assert_eq!(edit_distance_within("dæmon", "daemon", 2), Some(2));
        let long = "a".repeat(40);
        assert_eq!(edit_distance_within(&long, &format!("{long}b"), 1), Some(1));
    }

    #[test]
    fn suggestions_are_close_typos_only() {
        let kinds = ["multiple_choice", "true_false", "short_answer"];
        assert_eq!(suggest("multiple-choice", kinds), Some("multiple_choice"));
        assert_eq!(suggest("ture_false", kinds), Some("true_false"));
        assert_eq!(suggest("essay", kinds), None);
        assert_eq!(suggest("x", std::iter::empty()), None);
        let ids = ["mod-docker-04", "mod-docker-03"];
        assert_eq!(
            suggest("MOD-DOCKER-04", ids),
            Some("mod-docker-04"),
            "across case"
        );
        assert_eq!(suggest("Mod-Docker-05", ids), Some("mod-docker-04"));
    }
}
