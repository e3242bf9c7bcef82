//! Questions, answers and rubrics as text, for `show`, sessions and `render`.
//!
//! Pure functions from the bank model to strings: all bank text passes through
//! `text::sanitize`, and prose is wrapped to the width given. No terminal I/O. What a
//! learner reads is styled (`style`: ids, tiers, headings, the right answers), and the
//! stream it is written to keeps or strips the colour (plain study sessions always strip
//! it); [`rubric`] is not, since `render` prints it as stable text.

use crate::bank::{Concept, KindName, Question, Rubric, letter};
use crate::grade::DerivedSize;
use crate::style::{self, paint};
use crate::text::{display_width, sanitize, wrap, wrap_hanging};
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

/// The line that names a question wherever it is shown: `bank/id · kind`, and the tier
/// of an interview question (the id and the tier styled).
pub fn header(bank: &str, q: &Question) -> String {
    let mut out = format!(
        "{} · {}",
        paint(style::ID, sanitize(&format!("{bank}/{}", q.id))),
        kind_label(q.kind_name())
    );
    if let Some(tier) = q.tier {
        let _ = write!(out, " · {}", paint(style::tier(tier), tier.title()));
    }
    out
}

/// A question as a learner reads it: `header` (wrapped), the situation and the prompt,
/// and, given the `order` to show them in, the choices lettered by that order. Without
/// an order the choices are left out (the terminal shows them as its menu).
pub fn question(header: &str, q: &Question, order: Option<&[usize]>, width: usize) -> String {
    let mut out = wrap(header, width, "");
    out.push_str("\n\n");
    out.push_str(&prompt(q, width));
    if let Some(order) = order.filter(|_| !q.choices.is_empty()) {
        out.push('\n');
        out.push_str(&choices(q, order, width));
    }
    out
}

/// The situation (when there is one) and the prompt, wrapped to `width`, with fenced
/// code shown as indented code (see `text::wrap`).
pub fn prompt(q: &Question, width: usize) -> String {
    let mut out = String::new();
    if let Some(situation) = &q.situation {
        out.push_str(&wrap(&sanitize(situation.trim()), width, ""));
        out.push_str("\n\n");
    }
    out.push_str(&wrap(&sanitize(q.prompt.trim()), width, ""));
    out
}

/// The choices of `q` in the order `order` (indices into `q.choices`), one a line,
/// lettered A, B, ... by their position in that order; then "(select all that apply)"
/// when more than one is right.
pub fn choices(q: &Question, order: &[usize], width: usize) -> String {
    let mut out = String::new();
    for (shown, &index) in order.iter().enumerate() {
        out.push('\n');
        out.push_str(&choice(q, index, shown, width, "  "));
    }
    if q.is_multiple_answer() {
        out.push_str("\n\n(select all that apply)");
    }
    out
}

/// The bank's choice `index` lettered as the `shown`-th one (`B) its text` after
/// `indent`), wrapped to `width` with its later lines under the text.
pub fn choice(q: &Question, index: usize, shown: usize, width: usize, indent: &str) -> String {
    let label = format!("{indent}{}) ", letter(shown));
    let hang = " ".repeat(display_width(&label));
    let text = q
        .choices
        .get(index)
        .map(|c| sanitize(c.text.trim()))
        .unwrap_or_default();
    let wrapped = wrap(&text, width, &hang);
    format!("{label}{}", wrapped.trim_start())
}

/// The answer side, for `recall show --answer` (styled): right letters, feedback,
/// model answer, explanation, rubric and pass mark. `derived` is the size of the
/// question's rubric when it is derived from the model answer.
pub fn answer(q: &Question, derived: Option<DerivedSize>, width: usize) -> String {
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
    if let Some(model) = model_answer(q, width) {
        let _ = writeln!(out, "{model}");
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
                let line = format!(
                    "{} derived from the model answer{}",
                    heading("Rubric:"),
                    derived.map(derived_size).unwrap_or_default()
                );
                let _ = writeln!(out, "{}", wrap_hanging(&line, width, "  "));
            }
        }
        if let Some(pass) = q.pass {
            let _ = writeln!(out, "{} {:.0}%", heading("Pass mark:"), pass * 100.0);
        }
    }
    out.trim_end().to_owned()
}

/// How big a derived rubric is, after "derived from the model answer": its concepts,
/// and whether it is long, so scored against its heaviest concepts alone.
fn derived_size(size: DerivedSize) -> String {
    let (concepts, carry) = (size.concepts, size.carry);
    let plural = if concepts == 1 { "" } else { "s" };
    if size.long() {
        format!(
            ", {concepts} concepts: a long model answer (more than {carry}), so an answer is scored against the weight of its {carry} heaviest"
        )
    } else if carry > 0 {
        format!(
            ", {concepts} concept{plural} (a long model answer has more than {carry}, and is scored against its {carry} heaviest)"
        )
    } else {
        format!(", {concepts} concept{plural}")
    }
}

fn heading(text: &str) -> style::Painted<&str> {
    paint(style::HEADING, text)
}

/// The model answer under its heading, indented, or `None` when the question has none.
pub fn model_answer(q: &Question, width: usize) -> Option<String> {
    let model = q.model_answer.as_ref()?;
    Some(format!(
        "{}\n{}",
        heading("Model answer:"),
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
