//! Questions, answers and rubrics as plain text, for `show`, sessions and `render`.
//!
//! Pure functions from the bank model to strings: all bank text passes through
//! `text::sanitize`, and prose is wrapped to the width given. No terminal I/O. What
//! study sessions show too ([`prompt`], [`choices`], [`model_answer`], [`explanation`],
//! [`rubric`], [`kind_label`]) has no colour, since plain sessions print it as it is;
//! what only `recall show` prints ([`question`], [`answer`]) is styled (`style`).

use crate::bank::{Bank, Concept, KindName, Question, Rubric, letter};
use crate::style::{self, paint};
use crate::text::{sanitize, wrap, wrap_hanging};
use std::fmt::Write as _;

/// A kind of question as a person reads it: "multiple choice", "true/false", "short
/// answer". Give it `Question::kind_name()`, so a true/false question is called one.
pub fn kind_label(kind: KindName) -> &'static str {
    match kind {
        KindName::MultipleChoice => "multiple choice",
        KindName::TrueFalse => "true/false",
        KindName::ShortAnswer => "short answer",
        KindName::Scenario => "scenario",
        KindName::Interview => "interview",
    }
}

/// The question as a learner sees it: where it is from (styled), the situation, the
/// prompt and the lettered choices in the bank's order.
pub fn question(bank: &Bank, q: &Question, width: usize) -> String {
    let mut out = format!(
        "{} · {}",
        paint(style::ID, sanitize(&format!("{}/{}", bank.id, q.id))),
        kind_label(q.kind_name())
    );
    if let Some(tier) = q.tier {
        let _ = write!(out, " · {}", paint(style::tier(tier), tier.title()));
    }
    out.push_str("\n\n");
    out.push_str(&prompt(q, width));
    if !q.choices.is_empty() {
        out.push('\n');
        let order: Vec<usize> = (0..q.choices.len()).collect();
        out.push_str(&choices(q, &order, width));
        if q.is_multiple_answer() {
            out.push_str("\n(select all that apply)");
        }
    }
    out
}

/// The situation (when there is one) and the prompt, wrapped to `width`, with fenced
/// code shown as indented code (see `text::wrap`). No colour: sessions show it too.
pub fn prompt(q: &Question, width: usize) -> String {
    let mut out = String::new();
    if let Some(situation) = &q.situation {
        out.push_str(&wrap(&sanitize(situation.trim()), width, ""));
        out.push_str("\n\n");
    }
    out.push_str(&wrap(&sanitize(q.prompt.trim()), width, ""));
    out
}

/// The choices of `q` in the order `order` (indices into `q.choices`), lettered A, B, ...
/// by their position in that order.
pub fn choices(q: &Question, order: &[usize], width: usize) -> String {
    let mut out = String::new();
    for (shown, &index) in order.iter().enumerate() {
        let prefix = format!("  {}) ", letter(shown));
        let text = wrap(
            &sanitize(q.choices[index].text.trim()),
            width,
            &" ".repeat(prefix.len()),
        );
        out.push('\n');
        out.push_str(&prefix);
        out.push_str(text.trim_start());
    }
    out
}

/// The answer side, for `recall show --answer` (styled): right letters, feedback,
/// model answer, explanation, rubric and pass mark.
pub fn answer(q: &Question, width: usize) -> String {
    let mut out = String::new();
    if !q.answer.is_empty() {
        let letters: Vec<String> = q.answer.iter().map(|&i| letter(i)).collect();
        let _ = writeln!(
            out,
            "{} {}",
            heading("Answer:"),
            paint(style::RIGHT.bold(), letters.join(", "))
        );
        for &i in &q.answer {
            let text = wrap(&sanitize(&q.choices[i].text), width, "  ");
            let _ = writeln!(out, "{}", paint(style::RIGHT, text));
        }
        for (i, choice) in q.choices.iter().enumerate() {
            if let Some(feedback) = &choice.feedback {
                let line = format!(
                    "{} {}",
                    heading(&format!("Feedback on {}:", letter(i))),
                    sanitize(feedback.trim())
                );
                let _ = writeln!(out, "{}", wrap_hanging(&line, width, "  "));
            }
        }
    }
    if let Some(model) = model_answer_text(q, width) {
        let _ = writeln!(out, "{}\n{model}", heading("Model answer:"));
    }
    if let Some(explanation) = explanation(q, width, "  ") {
        let _ = writeln!(out, "{}\n{explanation}", heading("Explanation:"));
    }
    if q.is_text() {
        match &q.rubric {
            Some(rubric) => out.push_str(&self::rubric(rubric).replacen(
                "Rubric:",
                &heading("Rubric:").to_string(),
                1,
            )),
            None => {
                let _ = writeln!(out, "{} derived from the model answer", heading("Rubric:"));
            }
        }
        if let Some(pass) = q.pass {
            let _ = writeln!(out, "{} {:.0}%", heading("Pass mark:"), pass * 100.0);
        }
    }
    out.trim_end().to_owned()
}

fn heading(text: &str) -> style::Painted<&str> {
    paint(style::HEADING, text)
}

/// The model answer under its heading, indented, or `None` when the question has none.
pub fn model_answer(q: &Question, width: usize) -> Option<String> {
    Some(format!("Model answer:\n{}", model_answer_text(q, width)?))
}

/// The model answer, indented, without a heading.
fn model_answer_text(q: &Question, width: usize) -> Option<String> {
    let model = q.model_answer.as_ref()?;
    Some(wrap(&sanitize(model.trim()), width, "  "))
}

/// The explanation wrapped to `width` with every line starting with `indent`, or `None`
/// when the question has none. Callers that want a heading add it.
pub fn explanation(q: &Question, width: usize, indent: &str) -> Option<String> {
    let explanation = q.explanation.as_ref()?;
    Some(wrap(&sanitize(explanation.trim()), width, indent))
}

/// A rubric, one concept per line: `- volume | volumes (weight 2, required)`.
pub fn rubric(rubric: &Rubric) -> String {
    let mut out = String::from("Rubric:\n");
    for concept in &rubric.concepts {
        let _ = writeln!(out, "  - {}", concept_line(concept));
    }
    for forbidden in &rubric.forbidden {
        let _ = writeln!(
            out,
            "  - forbidden: {}",
            sanitize(&forbidden.terms.join(" | "))
        );
    }
    out
}

fn concept_line(concept: &Concept) -> String {
    let mut line = sanitize(&concept.alternatives.join(" | "));
    let mut notes = Vec::new();
    if concept.weight != 1.0 {
        notes.push(format!("weight {}", concept.weight));
    }
    if concept.required {
        notes.push("required".to_owned());
    }
    if !notes.is_empty() {
        let _ = write!(line, " ({})", notes.join(", "));
    }
    line
}
