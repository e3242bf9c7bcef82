//! What a session shows, as text: the question with its header, the verdict on an
//! answer, the rating prompt and its confirmation, and the reports at the end (summary,
//! quiz score, interview readiness).
//!
//! Both front ends print these strings, so a scripted session and a terminal session
//! say the same things. Every choice letter is the one the learner saw (the choices are
//! shuffled on screen), always with the choice's text. The question itself is `view`'s,
//! as `recall show` prints it. Text is styled (`style`: verdicts, right and wrong
//! choices, concepts, tiers, ratings, headings) and laid out for the width given,
//! measured without the escape codes; whoever writes it keeps the colour or strips it
//! (the plain front end always strips it). Bank text is sanitised; nothing here does
//! I/O.

mod ending;

use super::readiness::Readiness;
use super::{Ask, Mode, Queued, Rated, Session, Tally, Verdict};
use crate::bank::{Question, letter};
use crate::clock::{relative, short_interval};
use crate::schedule::Rating;
use crate::style::{self, Style, paint};
use crate::text::{display_width, sanitize, wrap, wrap_line_hanging, wrap_lines_hanging};
use crate::view;
use chrono::{DateTime, Utc};
pub use ending::{READY_AFTER, interview, quiz, quiz_score, readiness, summary};
use std::fmt::Write as _;

/// The question as the session shows it, under its header (`[2 of 5] bank/id · kind`,
/// and `· again` when it is back for relearning), with its choices in their shown
/// order: what the plain front end prints.
pub fn question(ask: &Ask, width: usize) -> String {
    view::question(&header(ask), ask.entry.question, Some(ask.order), width)
}

/// [`question`] without its choices, which the terminal shows as its menu.
pub fn question_text(ask: &Ask, width: usize) -> String {
    view::question(&header(ask), ask.entry.question, None, width)
}

fn header(ask: &Ask) -> String {
    let mut header = format!(
        "{} {}",
        paint(style::HEADING, format!("[{} of {}]", ask.number, ask.total)),
        view::header(&ask.entry.bank.id, ask.entry.question)
    );
    if ask.again {
        let _ = write!(
            header,
            " · {}",
            paint(style::rating(Rating::Again), "again")
        );
    }
    if ask.follow_up {
        let _ = write!(header, " · {}", paint(style::HEADING, "follow-up"));
    }
    let q = ask.entry.question;
    if let Some(target) = ask.target {
        let _ = write!(
            header,
            " · {}",
            paint(style::DIM, format!("target {}", clock_face(target)))
        );
    }
    if !q.hints.is_empty() {
        let count = q.hints.len();
        let _ = write!(
            header,
            " · {}",
            paint(
                style::DIM,
                format!("{count} hint{}", if count == 1 { "" } else { "s" })
            )
        );
    }
    header
}

/// A hint taken: `Hint 1 of 2: ...`, wrapped, with what taking it costs.
pub fn hint(hint: &super::Hint, width: usize) -> String {
    let head = paint(
        style::HEADING,
        format!("Hint {} of {}:", hint.number, hint.total),
    );
    let text = format!(
        "{head} {} (the suggested rating is Hard at best now)",
        sanitize(hint.text)
    );
    wrap(&text, width, "  ")
}

/// The time an answer took against its target: `answered in 1:40 of 1:30 · over
/// time`, or `answered in 40s` without a target.
pub fn timing(verdict: &Verdict) -> String {
    let face = |ms: u64| clock_face(std::time::Duration::from_millis(ms));
    let taken = face(verdict.elapsed_ms);
    match verdict.target_ms {
        Some(target) if verdict.over_time() => format!(
            "answered in {taken} of {} · {}",
            face(target),
            paint(style::MISSED, "over time")
        ),
        Some(target) => format!("answered in {taken} of {}", face(target)),
        None => format!("answered in {}", duration(verdict.elapsed_ms)),
    }
}

/// A question's choices as the learner saw them: the bank's choices in the order on
/// screen, each named by its shown letter.
#[derive(Clone, Copy)]
struct Shown<'q> {
    q: &'q Question,
    order: &'q [usize],
}

impl Shown<'_> {
    /// Where the bank's choice `index` was shown.
    fn position(&self, index: usize) -> usize {
        self.order.iter().position(|&i| i == index).unwrap_or(index)
    }

    /// The bank's choices `indices` in the order they were shown.
    fn in_order(&self, indices: &[usize]) -> Vec<usize> {
        let mut sorted = indices.to_vec();
        sorted.sort_by_key(|&i| self.position(i));
        sorted
    }

    /// `B) its text` for the bank's choice `index`, lettered as shown, after `indent`,
    /// wrapped to `width`, the choice in `style`.
    fn lettered(&self, index: usize, width: usize, indent: &str, style: Style) -> String {
        let line = view::choice(self.q, index, self.position(index), width, indent);
        let (indent, choice) = line.split_at(indent.len());
        format!("{indent}{}", paint(style, choice))
    }

    /// `head` (in its style) and the bank's choices `indices` in their shown order, in
    /// `style`: `head: B) text` when one choice fits on the line, else `head:` and each
    /// choice on a line of its own.
    fn block(&self, head: (&str, Style), indices: &[usize], width: usize, style: Style) -> String {
        let (head, head_style) = head;
        let head = paint(head_style, format!("{}:", head.trim_end_matches(':')));
        if let [one] = indices {
            let line = self.lettered(*one, width, "", style);
            let fits = display_width(&head.to_string()) + 1 + display_width(&line) <= width;
            if !line.contains('\n') && fits {
                return format!("{head} {line}");
            }
        }
        let list: Vec<String> = self
            .in_order(indices)
            .into_iter()
            .map(|i| self.lettered(i, width, "  ", style))
            .collect();
        format!("{head}\n{}", list.join("\n"))
    }

    /// The bank's choices `indices` in their shown order, in `style`, one per line, the
    /// first after `label` and the rest under it, indented for a report.
    fn labelled(&self, label: &str, indices: &[usize], width: usize, style: Style) -> String {
        let blank = " ".repeat(display_width(label));
        self.in_order(indices)
            .into_iter()
            .enumerate()
            .map(|(n, i)| {
                let lead = if n == 0 { label } else { &blank };
                self.lettered(i, width, &format!("    {lead}"), style)
            })
            .collect::<Vec<_>>()
            .join("\n")
    }
}

/// The verdict on one answer: right or wrong with the chosen and right choices (their
/// shown letters and text), feedback and explanation; for text, the score, the concepts
/// and the model answer.
pub fn verdict(
    entry: &Queued,
    order: &[usize],
    verdict: &Verdict,
    mode: Mode,
    width: usize,
) -> String {
    let q = entry.question;
    let mut out = String::new();
    if !q.choices.is_empty() {
        let right_head = if q.answer.len() == 1 {
            "The answer is"
        } else {
            "The right answers are"
        };
        let shown = Shown { q, order };
        let right = |out: &mut String| {
            let head = (right_head, style::HEADING);
            out.push_str(&shown.block(head, &q.answer, width, style::RIGHT));
        };
        if verdict.correct {
            let head = ("✓ Right:", style::PASS);
            out.push_str(&shown.block(head, &q.answer, width, style::RIGHT));
        } else if verdict.chosen.is_empty() {
            let _ = writeln!(
                out,
                "{}",
                paint(style::FAIL, "✗ Wrong: nothing was chosen.")
            );
            right(&mut out);
        } else {
            let head = ("✗ Wrong. You chose", style::FAIL);
            out.push_str(&shown.block(head, &verdict.chosen, width, style::WRONG));
            out.push('\n');
            right(&mut out);
        }
        for i in shown.in_order(&verdict.chosen) {
            if let Some(feedback) = q.choices.get(i).and_then(|c| c.feedback.as_ref()) {
                let line = format!(
                    "{} {}",
                    paint(style::HEADING, format!("{}:", letter(shown.position(i)))),
                    sanitize(feedback.trim())
                );
                let _ = write!(out, "\n\n{}", wrap(&line, width, ""));
            }
        }
        if let Some(note) = hints_taken(verdict, width, "") {
            let _ = write!(out, "\n{note}");
        }
    } else if let Some(grade) = &verdict.grade {
        if verdict.is_blank() {
            let _ = write!(
                out,
                "{}",
                paint(style::FAIL, "No answer: taken as \"I don't know\".")
            );
        } else {
            let explained = style::breakdown(crate::grade::explain(grade).trim_end());
            out.push_str(&wrap_lines_hanging(&explained, width));
            if mode == Mode::Interview {
                let _ = write!(out, "\n  {}", paint(style::DIM, timing(verdict)));
            }
        }
        if let Some(note) = hints_taken(verdict, width, "  ") {
            let _ = write!(out, "\n{note}");
        }
        if let Some(model) = view::model_answer(q, width) {
            let _ = write!(out, "\n\n{model}");
        }
    }
    if let Some(explanation) = view::explanation(q, width, "") {
        let _ = write!(out, "\n\n{explanation}");
    }
    out
}

/// "Took 2 hints: ..." after `indent`, when the answer came after hints.
fn hints_taken(verdict: &Verdict, width: usize, indent: &str) -> Option<String> {
    (verdict.hints > 0).then(|| {
        let line = format!(
            "{indent}took {} hint{}: the suggested rating is Hard at best",
            verdict.hints,
            if verdict.hints == 1 { "" } else { "s" }
        );
        paint(style::DIM, wrap_line_hanging(&line, width)).to_string()
    })
}

/// The ratings with what each would schedule, from `dues` (again, hard, good, easy)
/// when known, each in its colour: `1 again 1m · 2 hard 6m · 3 good 10m · 4 easy 4d`.
pub fn ratings(dues: Option<&[DateTime<Utc>; 4]>, now: DateTime<Utc>) -> String {
    Rating::ALL
        .iter()
        .enumerate()
        .map(|(i, &rating)| {
            let named = format!(
                "{} {}",
                rating.number(),
                paint(style::rating(rating), rating)
            );
            match dues {
                Some(dues) => format!("{named} {}", short_interval(dues[i] - now)),
                None => named,
            }
        })
        .collect::<Vec<_>>()
        .join(" · ")
}

/// The rating prompt: `Rate (Enter = good): 1 again 1m · 2 hard 6m · 3 good 10m · 4 easy 4d`.
pub fn rating_prompt(
    suggested: Rating,
    dues: Option<&[DateTime<Utc>; 4]>,
    now: DateTime<Utc>,
) -> String {
    format!(
        "Rate (Enter = {}): {}",
        paint(style::rating(suggested), suggested),
        ratings(dues, now)
    )
}

/// The confirmation of a committed rating: `Rated good: next in 10 minutes`.
pub fn rated(rated: &Rated, now: DateTime<Utc>) -> String {
    let rating = paint(style::rating(rated.rating), rated.rating);
    match rated.due {
        Some(due) if due > now => format!("Rated {rating}: next {}", relative(due, now)),
        Some(_) => format!("Rated {rating}: due again now"),
        None => format!("Rated {rating}: its schedule is unchanged"),
    }
}

/// A duration as a clock shows it, never broken across lines: `1:05`.
pub fn clock_face(time: std::time::Duration) -> String {
    let seconds = time.as_secs();
    format!("{}:{:02}", seconds / 60, seconds % 60)
}

/// `1m 05s`, `12s`.
pub fn duration(ms: u64) -> String {
    let seconds = ms / 1000;
    if seconds >= 60 {
        format!("{}m {:02}s", seconds / 60, seconds % 60)
    } else {
        format!("{seconds}s")
    }
}

#[cfg(test)]
mod tests {
    use super::ending::summary_of;
    use super::*;

    #[test]
    fn the_summary_names_only_what_happened() {
        let tally = Tally {
            total: 5,
            answered: 3,
            right: 2,
            answers: 5,
            skipped: 1,
            unanswered: 1,
            elapsed_ms: 65_000,
            ..Tally::default()
        };
        assert_eq!(
            summary_of(&tally),
            "Answered 3 of 5: 2 right, 1 skipped, 1 left for later · 5 answers in all · 1m 05s"
        );
    }

    #[test]
    fn the_quiz_score_counts_unanswered_questions_as_wrong() {
        let tally = Tally {
            total: 5,
            answered: 4,
            right: 4,
            ..Tally::default()
        };
        assert_eq!(quiz_score(&tally), 80.0);
        assert_eq!(quiz_score(&Tally::default()), 0.0);
    }
}
