//! Banks as CSV, one row per question, for spreadsheets.
//!
//! Columns: bank, id, kind, tier, prompt (a scenario's situation first, then a blank
//! line), choices (`A) text` lines), answer (letters), model_answer, explanation, tags
//! (space-separated). Fields are quoted as RFC 4180 says. A cell that a spreadsheet would
//! run as a formula (starting with `=`, `+`, `-`, `@`) is prefixed with `'`, because a
//! bank is untrusted input and a shared sheet should not execute it.

use super::{answer_letters, tags};
use crate::bank::{Bank, Question, letter};

/// The header row: the columns, in order.
pub const HEADER: [&str; 10] = [
    "bank",
    "id",
    "kind",
    "tier",
    "prompt",
    "choices",
    "answer",
    "model_answer",
    "explanation",
    "tags",
];

/// One CSV cell.
pub fn cell(text: &str) -> String {
    let text = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_owned()
    };
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

fn row(cells: &[String]) -> String {
    let cells: Vec<String> = cells.iter().map(|c| cell(c)).collect();
    format!("{}\r\n", cells.join(","))
}

/// The banks as CSV text: the header, then one row per question.
pub fn export<'a>(banks: impl IntoIterator<Item = &'a Bank>) -> String {
    let mut out = row(&HEADER.map(str::to_owned));
    for bank in banks {
        for q in bank.questions.iter().flat_map(Question::with_follow_ups) {
            let prompt = match &q.situation {
                Some(situation) => format!("{}\n\n{}", situation.trim(), q.prompt.trim()),
                None => q.prompt.trim().to_owned(),
            };
            let choices: Vec<String> = q
                .choices
                .iter()
                .enumerate()
                .map(|(i, c)| format!("{}) {}", letter(i), c.text.trim()))
                .collect();
            out.push_str(&row(&[
                bank.id.clone(),
                q.id.clone(),
                q.kind.to_string(),
                q.tier.map(|t| t.to_string()).unwrap_or_default(),
                prompt,
                choices.join("\n"),
                answer_letters(q),
                q.model_answer.clone().unwrap_or_default(),
                q.explanation.clone().unwrap_or_default(),
                tags(bank, q).join(" "),
            ]));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_quoted_and_defused() {
        assert_eq!(cell("plain"), "plain");
        assert_eq!(cell("a,b"), "\"a,b\"");
        assert_eq!(cell("say \"hi\"\nthere"), "\"say \"\"hi\"\"\nthere\"");
        assert_eq!(cell("=HYPERLINK(1)"), "'=HYPERLINK(1)");
        assert_eq!(cell("-v, the flag"), "\"'-v, the flag\"");
    }
}
