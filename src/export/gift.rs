//! Banks as Moodle GIFT, for importing into a Moodle question bank.
//!
//! A category per bank (`$CATEGORY: recall/<bank>`), each question titled `bank/id`.
//! Multiple choice with one right answer is `{=right ~wrong}`; with several it is
//! multiple answer, each right choice weighted `%50%` so they sum to 100 and each wrong
//! one negative so that ticking everything scores nothing. A short answer whose rubric
//! is a single concept (a set of exact answers, like `tmpfs`) becomes a short-answer
//! question accepting each alternative and the model answer; any other text question
//! (free prose, graded by several concepts) and every interview question becomes an
//! essay `{}` with the model answer as general feedback. Text is `[plain]` and the GIFT
//! control characters `~ = # { } :` and `\` are escaped; line breaks become `\n`.

use crate::bank::{Bank, Kind, Question};
use std::fmt::Write as _;

/// `text` with GIFT's special characters escaped and line breaks as `\n`.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.trim().chars() {
        match c {
            '~' | '=' | '#' | '{' | '}' | ':' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// A percentage as GIFT writes it: at most five decimals, no trailing zeros.
fn percent(value: f64) -> String {
    let text = format!("{value:.5}");
    text.trim_end_matches('0').trim_end_matches('.').to_owned()
}

/// The banks as Moodle GIFT text, a category per bank.
pub fn export<'a>(banks: impl IntoIterator<Item = &'a Bank>) -> String {
    let mut out = String::from(
        "// Exported by recall. Import in Moodle: Question bank > Import > GIFT format.\n",
    );
    for bank in banks {
        let _ = writeln!(out, "\n$CATEGORY: recall/{}\n", bank.id);
        for q in bank.questions.iter().flat_map(Question::with_follow_ups) {
            out.push_str(&question(bank, q));
            out.push('\n');
        }
    }
    out
}

fn question(bank: &Bank, q: &Question) -> String {
    let mut text = String::new();
    if let Some(situation) = &q.situation {
        text.push_str(situation.trim());
        text.push_str("\n\n");
    }
    text.push_str(q.prompt.trim());
    let head = format!(
        "::{}::[plain]{}",
        escape(&format!("{}/{}", bank.id, q.id)),
        escape(&text)
    );
    let general = |feedback: Option<&str>| match feedback {
        Some(f) if !f.trim().is_empty() => format!("\n  ####{}", escape(f)),
        _ => String::new(),
    };
    match q.kind {
        Kind::MultipleChoice => {
            let mut body = String::new();
            let right = q.answer.len();
            let wrong = q.choices.len() - right;
            for (i, choice) in q.choices.iter().enumerate() {
                let is_right = q.answer.contains(&i);
                let mark = match (right, is_right) {
                    (1, true) => "=".to_owned(),
                    (1, false) => "~".to_owned(),
                    (n, true) => format!("~%{}%", percent(100.0 / n as f64)),
                    (_, false) => format!("~%-{}%", percent(100.0 / wrong.max(1) as f64)),
                };
                let _ = write!(body, "\n  {mark}{}", escape(&choice.text));
                if let Some(feedback) = &choice.feedback {
                    let _ = write!(body, "#{}", escape(feedback));
                }
            }
            format!("{head} {{{body}{}\n}}\n", general(q.explanation.as_deref()))
        }
        _ => {
            let model = q.model_answer.as_deref().unwrap_or("");
            let mut feedback = format!("Model answer: {}", model.trim());
            if let Some(explanation) = &q.explanation {
                feedback.push_str("\n\n");
                feedback.push_str(explanation.trim());
            }
            match exact_answers(q) {
                Some(answers) => {
                    let mut body = String::new();
                    for answer in answers {
                        let _ = write!(body, "\n  ={}", escape(&answer));
                    }
                    format!("{head} {{{body}{}\n}}\n", general(Some(&feedback)))
                }
                None => format!("{head} {{{}\n}}\n", general(Some(&feedback))),
            }
        }
    }
}

/// The accepted answers of a short answer that is a set of exact answers: a rubric of
/// one concept (no forbidden terms) and a model answer of a few words.
fn exact_answers(q: &Question) -> Option<Vec<String>> {
    if q.kind != Kind::ShortAnswer {
        return None;
    }
    let model = q.model_answer.as_deref()?.trim();
    if model.split_whitespace().count() > 4 {
        return None;
    }
    let mut answers = vec![model.trim_end_matches('.').to_owned()];
    if let Some(rubric) = &q.rubric {
        let [concept] = rubric.concepts.as_slice() else {
            return None;
        };
        if !rubric.forbidden.is_empty() {
            return None;
        }
        for alternative in &concept.alternatives {
            if !answers.iter().any(|a| a.eq_ignore_ascii_case(alternative)) {
                answers.push(alternative.clone());
            }
        }
    }
    Some(answers)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn special_characters_are_escaped() {
        assert_eq!(
            escape("a~b=c#d{e}f:g\\h\nnext"),
            "a\\~b\\=c\\#d\\{e\\}f\\:g\\\\h\\nnext"
        );
    }

    #[test]
    fn percentages_are_short() {
        assert_eq!(percent(50.0), "50");
        assert_eq!(percent(100.0 / 3.0), "33.33333");
    }
}
