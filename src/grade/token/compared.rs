//! Two quantities compared by their numbers alone: "a myelinated axon conducts at about
//! 100 m/s against 1-2 m/s for an unmyelinated one", "dark chocolate has 5-15 mg per
//! gram vs 2 mg/g in milk chocolate". The words *against*, *vs* or *versus* between two
//! numbers of the same unit in one clause say which is the larger as plainly as *more*
//! does, so the second number also offers the comparatives its numbers give, as parts:
//! *more* and *higher* when the first is larger (and *faster* when the unit is a speed,
//! `m/s`, `km/h`, `mph`, `Mbps`), *less* and *lower* (and *slower*) when it is smaller.
//! They stand where the comparison ends, after the first quantity's owner and before
//! the second's, so "dark chocolate ... 5-15 mg against 2 mg" meets `dark chocolate →
//! more` and not `milk chocolate → more`.
//!
//! Not read: numbers of two units ("8 GB against 512 MB": another magnitude), ranges
//! that overlap, a second number with a word before it other than a hedge ("a CDR of
//! 8"), a comparison across clauses, and *compared with*. Only a chunk that starts with
//! a digit is looked at, and only when a quantity came before it in its line.

use super::{Class, Place, Token};
use rust_stemmers::Stemmer;

/// The words that compare the two quantities.
const CUES: &[&str] = &["against", "vs", "versus"];

/// Words that may stand between the cue and the second number.
const HEDGES: &[&str] = &[
    "about",
    "around",
    "roughly",
    "approximately",
    "only",
    "just",
    "nearly",
    "almost",
    "barely",
    "some",
];

/// How many words may stand between the two numbers (the first's unit and what it
/// counts, the cue, hedges): "5-15 mg of theobromine per gram against about 2".
const MAX_BETWEEN: usize = 8;

/// A number or a rising range an answer writes, and its unit.
#[derive(Clone, Debug)]
pub(super) struct Quantity {
    low: f64,
    high: f64,
    /// The unit's head (`m` of `m/s`, `mg` of `mg/g`), or empty when none follows.
    unit: String,
    /// The unit is a speed.
    speed: bool,
    /// Where its tokens end.
    end: usize,
    place: Place,
}

/// The quantity the chunk `core`, which starts with a digit, writes, with `next` the
/// chunk after it: a number or a rising range (`100`, `1.5`, `1,000`, `5-15`) and its
/// unit, glued on (`1.5x`, `2mg`) or the next word. Where its tokens end is set once
/// they are pushed (see [`Quantity::ending_at`]).
pub(super) fn read(core: &str, next: Option<&str>, place: Place) -> Option<Quantity> {
    let digits = core
        .find(|c: char| !(c.is_ascii_digit() || matches!(c, '.' | ',' | '-' | '\u{2013}')))
        .unwrap_or(core.len());
    let (number, glued) = core.split_at(digits);
    let number = number
        .trim_end_matches(['.', ',', '-', '\u{2013}'])
        .replace(',', "");
    let (low, high) = match number.split_once(['-', '\u{2013}']) {
        Some((low, high)) => (low.parse().ok()?, high.parse().ok()?),
        None => {
            let value: f64 = number.parse().ok()?;
            (value, value)
        }
    };
    if low > high {
        return None;
    }
    let source = if glued.is_empty() {
        next.unwrap_or("")
    } else {
        glued
    };
    let source = source.trim_end_matches(['.', ',', ';', ':', ')', '!', '?']);
    let source = if CUES.contains(&source) || HEDGES.contains(&source) {
        ""
    } else {
        source
    };
    let speed = source.ends_with("/s")
        || source.ends_with("/h")
        || source.ends_with("bps")
        || matches!(source, "mph" | "kph" | "knots");
    let unit = source.split('/').next().unwrap_or("").to_owned();
    Some(Quantity {
        low,
        high,
        unit,
        speed,
        end: 0,
        place,
    })
}

impl Quantity {
    /// The same quantity, its tokens (and any offers after them) ending at `end`.
    pub(super) fn ending_at(self, end: usize) -> Self {
        Self { end, ..self }
    }
}

/// After the second quantity `second`, whose tokens start at `start`: the comparatives
/// its numbers give against `first` (see the module), when a cue compares them.
pub(super) fn push_offers(
    first: &Quantity,
    second: &Quantity,
    tokens: &mut Vec<Token>,
    start: usize,
    stemmer: &Stemmer,
) {
    let place = second.place;
    if first.place.clause != place.clause || first.place.sentence != place.sentence {
        return;
    }
    if !(first.unit.is_empty() || first.unit == second.unit) {
        return;
    }
    let Some(between) = tokens.get(first.end..start) else {
        return;
    };
    let mut words = between.iter().filter(|t| !t.part);
    if words.clone().count() > MAX_BETWEEN || words.any(|t| t.place.clause != place.clause) {
        return;
    }
    let cue = between
        .iter()
        .rev()
        .filter(|t| !t.part)
        .find(|t| !HEDGES.contains(&&*t.norm));
    if !cue.is_some_and(|t| CUES.contains(&&*t.norm)) {
        return;
    }
    let speed = second.speed && (first.unit.is_empty() || first.speed);
    let words: &[&str] = if first.low > second.high {
        if speed {
            &["more", "higher", "faster"]
        } else {
            &["more", "higher"]
        }
    } else if first.high < second.low {
        if speed {
            &["less", "lower", "slower"]
        } else {
            &["less", "lower"]
        }
    } else {
        return;
    };
    for word in words {
        tokens.push(Token::new(word, Class::Word, true, place, stemmer));
    }
}
