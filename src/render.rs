//! The stable, diff-friendly text of a bank, for `recall render` and snapshot tests.
//!
//! Every question with everything an author wrote: prompt, situation, choices with the
//! right ones marked, answer, explanation, model answer, rubric, pass mark, known
//! misconceptions and examples, target time, hints, and follow-ups (after their parent).
//! One field per line, never wrapped (a changed word changes one line), no terminal
//! width, no colour, no clock: the same bank always renders to the same text, so a
//! snapshot of it shows exactly what an edit changed. Bank text is sanitised. Not the
//! learner's view; that is `view`.

use crate::bank::{Bank, Question, When, letter};
use crate::text::sanitize;
use crate::view;
use std::fmt::Write as _;

/// A field's text: sanitised, trimmed, later lines indented under the first.
fn field(out: &mut String, name: &str, text: &str) {
    let text = sanitize(text.trim());
    let mut lines = text.lines();
    let _ = writeln!(out, "{name}: {}", lines.next().unwrap_or(""));
    for line in lines {
        let _ = writeln!(out, "  {line}");
    }
}

fn list(out: &mut String, name: &str, items: &[String]) {
    if !items.is_empty() {
        field(out, name, &items.join(", "));
    }
}

/// One bank, every question in file order.
pub fn bank(bank: &Bank) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# bank {}", sanitize(&bank.id));
    field(&mut out, "title", &bank.title);
    if let Some(lesson) = &bank.lesson {
        field(&mut out, "lesson", lesson);
    }
    if let Some(module) = &bank.module {
        field(&mut out, "module", module);
    }
    if let Some(description) = &bank.description {
        field(&mut out, "description", description);
    }
    list(&mut out, "tags", &bank.tags);
    if let Some(lexicon) = &bank.lexicon {
        field(&mut out, "lexicon", lexicon);
    }
    for group in &bank.synonyms {
        field(&mut out, "synonyms", &group.join(" = "));
    }
    let _ = writeln!(out, "questions: {}", bank.questions.len());
    for q in &bank.questions {
        out.push('\n');
        question(&mut out, bank, q, None);
    }
    out
}

/// Several banks, separated by a blank line.
pub fn banks<'a>(banks: impl IntoIterator<Item = &'a Bank>) -> String {
    banks.into_iter().map(bank).collect::<Vec<_>>().join("\n")
}

/// A question, then its follow-ups (each after a blank line, headed by when it is asked).
fn question(out: &mut String, bank: &Bank, q: &Question, when: Option<When>) {
    let mut head = format!("## {}/{} · {}", bank.id, q.id, q.kind_name());
    if let Some(when) = when {
        let _ = write!(head, " · follow-up, asked {}", asked(when));
    }
    if let Some(tier) = q.tier {
        let _ = write!(head, " · {tier}");
    }
    if q.draft {
        head.push_str(" · draft");
    }
    let _ = writeln!(out, "{}", sanitize(&head));
    if let Some(situation) = &q.situation {
        field(out, "situation", situation);
    }
    field(out, "prompt", &q.prompt);
    choices(out, q);
    if let Some(explanation) = &q.explanation {
        field(out, "explanation", explanation);
    }
    if let Some(model) = &q.model_answer {
        field(out, "model answer", model);
    }
    if q.is_text() {
        match &q.rubric {
            Some(rubric) => out.push_str(&view::rubric(rubric).replacen("Rubric:", "rubric:", 1)),
            None => out.push_str("rubric: derived from the model answer\n"),
        }
        if let Some(pass) = q.pass {
            let _ = writeln!(out, "pass: {:.0}%", pass * 100.0);
        }
    }
    misconceptions_and_examples(out, q);
    list(out, "tags", &q.tags);
    if let Some(difficulty) = q.difficulty {
        let _ = writeln!(out, "difficulty: {}", difficulty.as_str());
    }
    list(out, "references", &q.references);
    if let Some(time) = q.time {
        let _ = writeln!(out, "time: {}s", time.as_secs());
    }
    for hint in &q.hints {
        field(out, "hint", hint);
    }
    for follow_up in &q.follow_ups {
        out.push('\n');
        question(out, bank, &follow_up.question, Some(follow_up.when));
    }
}

/// A multiple-choice question's choices, the right ones marked, with their feedback.
fn choices(out: &mut String, q: &Question) {
    if q.choices.is_empty() {
        return;
    }
    out.push_str("choices:\n");
    for (i, choice) in q.choices.iter().enumerate() {
        let right = if q.answer.contains(&i) {
            "  [right]"
        } else {
            ""
        };
        let _ = writeln!(
            out,
            "  {}) {}{right}",
            letter(i),
            sanitize(choice.text.trim()).replace('\n', " ")
        );
        if let Some(feedback) = &choice.feedback {
            let _ = writeln!(
                out,
                "     feedback: {}",
                sanitize(feedback.trim()).replace('\n', " ")
            );
        }
    }
    let letters: Vec<String> = q.answer.iter().map(|&i| letter(i)).collect();
    let _ = writeln!(out, "answer: {}", letters.join(", "));
}

/// A text question's known misconceptions and its author's examples.
fn misconceptions_and_examples(out: &mut String, q: &Question) {
    if !q.misconceptions.is_empty() {
        out.push_str("misconceptions:\n");
        for misconception in &q.misconceptions {
            let effect = match misconception.cap {
                Some(cap) => format!("caps the score at {:.0}%", cap * 100.0),
                None => "fails".to_owned(),
            };
            let _ = writeln!(
                out,
                "  - {} ({effect}): {}",
                sanitize(&misconception.concept.describe()),
                sanitize(misconception.feedback.trim()).replace('\n', " ")
            );
        }
    }
    if !q.examples.is_empty() {
        out.push_str("examples:\n");
        for example in &q.examples {
            let expect = example.expect;
            let _ = writeln!(
                out,
                "  - {expect}: {}",
                sanitize(example.answer.trim()).replace('\n', " / ")
            );
            if let Some(note) = &example.note {
                let _ = writeln!(
                    out,
                    "    note: {}",
                    sanitize(note.trim()).replace('\n', " ")
                );
            }
        }
    }
}

/// When a follow-up is asked, as the render's heading says it.
fn asked(when: When) -> &'static str {
    match when {
        When::Always => "always",
        When::Passed => "when the answer passed",
        When::Failed => "when the answer failed",
    }
}
