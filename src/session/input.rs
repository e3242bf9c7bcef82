//! What a learner types, parsed: an answer, a rating, or a session control.
//!
//! Plain mode reads one line per prompt; the terminal front end reads keys and lines.
//! Both end up here, so `A,C`, `:undo` and `3` mean the same everywhere. Pure functions,
//! no I/O.

use super::Mark;
use crate::bank::letter_index;
use crate::schedule::Rating;

/// A session control typed instead of an answer or a rating.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Control {
    /// Leave this question for now (nothing is recorded).
    Skip,
    /// Take back the last answer: its review and its scheduling change are reverted.
    Undo,
    /// End the session; everything rated so far is kept (an answer waiting for its
    /// rating is saved with the suggested one).
    Quit,
    /// Suspend, bury or reset the question being asked (it leaves the session).
    Mark(Mark),
    /// Show the question's next hint (the suggested rating is Hard at best after it).
    Hint,
}

/// The command in `line` (`:skip`, `:undo`, `:quit`, `:hint`, also `:s`, `:u`, `:q`,
/// `:h`; `:suspend`, `:bury`, `:reset` in full), if it is one.
pub fn control(line: &str) -> Option<Control> {
    match line.trim().to_ascii_lowercase().as_str() {
        ":skip" | ":s" => Some(Control::Skip),
        ":undo" | ":u" => Some(Control::Undo),
        ":quit" | ":q" | ":exit" => Some(Control::Quit),
        ":suspend" => Some(Control::Mark(Mark::Suspend)),
        ":bury" => Some(Control::Mark(Mark::Bury)),
        ":reset" => Some(Control::Mark(Mark::Reset)),
        ":hint" | ":h" => Some(Control::Hint),
        _ => None,
    }
}

/// Choice letters as typed (`C`, `A,C`, `a c`, `AC`) to positions among `count` shown
/// choices, sorted and without repeats. The error says what to type instead.
pub fn letters(line: &str, count: usize) -> Result<Vec<usize>, String> {
    let last = crate::bank::letter(count.saturating_sub(1));
    let usage = || format!("answer with a letter from A to {last}, or letters like A,C");
    let line = line.trim();
    if line.is_empty() {
        return Err(usage());
    }
    let parts: Vec<&str> = if line.contains([',', ' ', ';']) {
        line.split([',', ' ', ';'])
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .collect()
    } else if count <= 26 && line.len() > 1 && line.chars().all(|c| c.is_ascii_alphabetic()) {
        // `AC` means A and C when no choice has a two-letter name.
        line.char_indices()
            .map(|(i, c)| &line[i..i + c.len_utf8()])
            .collect()
    } else {
        vec![line]
    };
    // Only separators (`,` or `;`) name no choice: ask again rather than grade nothing.
    if parts.is_empty() {
        return Err(usage());
    }
    let mut picked = Vec::new();
    for part in parts {
        let part = part.trim_end_matches([')', '.']);
        match letter_index(part) {
            Some(i) if i < count => {
                if !picked.contains(&i) {
                    picked.push(i);
                }
            }
            _ => return Err(format!("`{part}` is not one of the choices; {}", usage())),
        }
    }
    picked.sort_unstable();
    Ok(picked)
}

/// A rating as typed: empty takes `suggested`; `1`-`4` or again/hard/good/easy.
pub fn rating(line: &str, suggested: Rating) -> Result<Rating, String> {
    let line = line.trim();
    if line.is_empty() {
        return Ok(suggested);
    }
    line.parse::<Rating>().map_err(|_| {
        format!(
            "`{line}` is not a rating: press Enter for {suggested}, or type 1 again, 2 hard, 3 good, 4 easy"
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls() {
        assert_eq!(control(" :SKIP "), Some(Control::Skip));
        assert_eq!(control(":u"), Some(Control::Undo));
        assert_eq!(control(":quit"), Some(Control::Quit));
        assert_eq!(control("quit"), None);
        assert_eq!(control(":bury"), Some(Control::Mark(Mark::Bury)));
        assert_eq!(
            control(":unsuspend"),
            None,
            "only the card command unsuspends"
        );
    }

    #[test]
    fn letters_in_every_spelling() {
        assert_eq!(letters("C", 4), Ok(vec![2]));
        assert_eq!(letters("a,c", 4), Ok(vec![0, 2]));
        assert_eq!(letters("C A", 4), Ok(vec![0, 2]));
        assert_eq!(letters("ca", 4), Ok(vec![0, 2]));
        assert_eq!(letters("B)", 4), Ok(vec![1]));
        assert_eq!(letters("A,A", 4), Ok(vec![0]));
        assert!(letters("E", 4).unwrap_err().contains("A to D"));
        assert!(letters("", 4).is_err());
        assert!(letters("7", 4).is_err());
        assert!(letters("é", 4).is_err());
    }

    #[test]
    fn only_separators_pick_nothing_and_ask_again() {
        // Found by the session_input fuzz target: `;` was accepted as an empty answer.
        for line in [";", ",", " , ; ", ",,"] {
            assert!(letters(line, 4).unwrap_err().contains("A to D"), "{line:?}");
        }
    }

    #[test]
    fn ratings() {
        assert_eq!(rating("", Rating::Hard), Ok(Rating::Hard));
        assert_eq!(rating("4", Rating::Hard), Ok(Rating::Easy));
        assert_eq!(rating("good", Rating::Again), Ok(Rating::Good));
        assert!(
            rating("5", Rating::Good)
                .unwrap_err()
                .contains("Enter for good")
        );
    }
}
