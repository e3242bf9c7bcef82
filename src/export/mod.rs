//! Banks in other tools' formats: Anki packages, Moodle GIFT and CSV.
//!
//! GIFT and CSV are pure functions from loaded banks (the model of `bank::model`) to
//! text, which `cmd::export` writes out. The Anki exporter writes its package itself, to
//! the path it is given: the package holds an SQLite database, which is built in a
//! temporary file beside it. Nothing here reads banks or touches the terminal.

pub mod anki;
pub mod csv;
pub mod gift;

use crate::bank::{Bank, Question, letter};

/// The tags of a question as other tools want them: the bank's, the question's, and its
/// tier as `tier::beginner`, and `follow_up` on a follow-up (exported as a question of
/// its own, under its id `question/follow-N`), each without spaces.
pub fn tags(bank: &Bank, q: &Question) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for tag in bank.tags.iter().chain(&q.tags) {
        let tag: String = tag
            .trim()
            .chars()
            .map(|c| if c.is_whitespace() { '_' } else { c })
            .collect();
        if !tag.is_empty() && !out.contains(&tag) {
            out.push(tag);
        }
    }
    if let Some(tier) = q.tier {
        out.push(format!("tier::{tier}"));
    }
    if q.is_follow_up() {
        out.push("follow_up".to_owned());
    }
    out
}

/// The right letters of a multiple-choice question: `C`, or `A, C`.
pub fn answer_letters(q: &Question) -> String {
    q.answer
        .iter()
        .map(|&i| letter(i))
        .collect::<Vec<_>>()
        .join(", ")
}
