//! Questions, answers and rubrics as plain text, for `show`, sessions and `render`.
//!
//! Pure functions from the bank model to strings: all bank text passes through
//! `text::sanitize`, and prose is wrapped to the width given. No colour, no terminal I/O.

use crate::bank::{Bank, Concept, Question, Rubric, letter};
use crate::text::{sanitize, wrap};
use std::fmt::Write as _;

/// The question as a learner sees it: where it is from, the situation, the prompt and
/// the lettered choices in the bank's order.
pub fn question(bank: &Bank, q: &Question, width: usize) -> String {
    let mut out = String::new();
    let mut label = format!(
        "{}/{} · {}",
        bank.id,
        q.id,
        q.kind.as_str().replace('_', " ")
    );
    if let Some(tier) = q.tier {
        let _ = write!(label, " · {}", tier.title());
    }
    out.push_str(&sanitize(&label));
    out.push_str("\n\n");
    if let Some(situation) = &q.situation {
        out.push_str(&wrap(&sanitize(situation.trim()), width, ""));
        out.push_str("\n\n");
    }
    out.push_str(&wrap(&sanitize(q.prompt.trim()), width, ""));
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

/// The answer side: right letters, explanation, model answer, rubric and pass mark.
pub fn answer(q: &Question, width: usize) -> String {
    let mut out = String::new();
    if !q.answer.is_empty() {
        let letters: Vec<String> = q.answer.iter().map(|&i| letter(i)).collect();
        let _ = writeln!(out, "Answer: {}", letters.join(", "));
        for &i in &q.answer {
            let _ = writeln!(out, "{}", wrap(&sanitize(&q.choices[i].text), width, "  "));
        }
        for (i, choice) in q.choices.iter().enumerate() {
            if let Some(feedback) = &choice.feedback {
                let _ = writeln!(
                    out,
                    "Feedback on {}: {}",
                    letter(i),
                    sanitize(feedback.trim())
                );
            }
        }
    }
    if let Some(model) = model_answer(q, width) {
        let _ = writeln!(out, "{model}");
    }
    if let Some(explanation) = explanation(q, width, "  ") {
        let _ = writeln!(out, "Explanation:\n{explanation}");
    }
    if q.is_text() {
        match &q.rubric {
            Some(rubric) => out.push_str(&self::rubric(rubric)),
            None => out.push_str("Rubric: derived from the model answer\n"),
        }
        if let Some(pass) = q.pass {
            let _ = writeln!(out, "Pass mark: {:.0}%", pass * 100.0);
        }
    }
    out.trim_end().to_owned()
}

/// The model answer under its heading, indented, or `None` when the question has none.
pub fn model_answer(q: &Question, width: usize) -> Option<String> {
    let model = q.model_answer.as_ref()?;
    Some(format!(
        "Model answer:\n{}",
        wrap(&sanitize(model.trim()), width, "  ")
    ))
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
    let mut line = sanitize(&concept.describe());
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
