//! What a session shows, as plain text: the question with its header, the verdict on an
//! answer, the rating prompt and its confirmation, and the reports at the end (summary,
//! quiz score, interview readiness).
//!
//! Both front ends print these strings, so a scripted session and a terminal session
//! say the same things. Every choice letter is the one the learner saw (the choices are
//! shuffled on screen), always with the choice's text. Bank text is sanitised (via
//! `view`); nothing here does I/O.

use super::{Ask, Mode, Queued, Rated, Session, Tally, Verdict};
use crate::bank::{Question, Tier, letter};
use crate::clock::{relative, short_interval};
use crate::schedule::Rating;
use crate::text::{sanitize, wrap};
use crate::view;
use chrono::{DateTime, Utc};
use std::fmt::Write as _;

/// The header line and the question (situation and prompt), without its choices.
pub fn question_text(ask: &Ask, mode: Mode, width: usize) -> String {
    let entry = ask.entry;
    let q = entry.question;
    let mut out = String::new();
    let mut header = format!(
        "[{} of {}] {}/{}",
        ask.number, ask.total, entry.bank.id, q.id
    );
    match (mode, q.tier) {
        (_, Some(tier)) => {
            let _ = write!(header, " · {}", tier.title());
        }
        _ => {
            let _ = write!(header, " · {}", view::kind_label(q.kind_name()));
        }
    }
    if ask.again {
        header.push_str(" · again");
    }
    out.push_str(&wrap(&sanitize(&header), width, ""));
    out.push_str("\n\n");
    if let Some(situation) = &q.situation {
        out.push_str(&wrap(&sanitize(situation.trim()), width, ""));
        out.push_str("\n\n");
    }
    out.push_str(&wrap(&sanitize(q.prompt.trim()), width, ""));
    out
}

/// The choices lettered in their shown order (and "select all that apply" when more
/// than one is right); empty for a text question.
pub fn choices(ask: &Ask, width: usize) -> String {
    let q = ask.entry.question;
    if q.choices.is_empty() {
        return String::new();
    }
    let mut out = view::choices(q, ask.order, width);
    if q.is_multiple_answer() {
        out.push_str("\n\n(select all that apply)");
    }
    out
}

/// The question with its choices, as the plain front end shows it.
pub fn question(ask: &Ask, mode: Mode, width: usize) -> String {
    let mut out = question_text(ask, mode, width);
    let choices = choices(ask, width);
    if !choices.is_empty() {
        out.push('\n');
        out.push_str(&choices);
    }
    out
}

/// The shown letter of the bank's choice `index` under `order`.
fn shown_letter(order: &[usize], index: usize) -> String {
    letter(order.iter().position(|&i| i == index).unwrap_or(index))
}

/// `B) its text` for the bank's choice `index`, lettered as shown, wrapped to `width`
/// with every line after the first indented under the text.
fn lettered(q: &Question, order: &[usize], index: usize, width: usize, indent: &str) -> String {
    let label = format!("{indent}{}) ", shown_letter(order, index));
    let hang = " ".repeat(label.chars().count());
    let text = q
        .choices
        .get(index)
        .map(|c| sanitize(c.text.trim()))
        .unwrap_or_default();
    let wrapped = wrap(&text, width, &hang);
    format!("{label}{}", wrapped.trim_start())
}

/// The bank's choices `indices`, in their shown order, one per line.
fn lettered_list(q: &Question, order: &[usize], indices: &[usize], width: usize) -> String {
    let mut sorted: Vec<usize> = indices.to_vec();
    sorted.sort_by_key(|&i| order.iter().position(|&o| o == i));
    sorted
        .iter()
        .map(|&i| lettered(q, order, i, width, "  "))
        .collect::<Vec<_>>()
        .join("\n")
}

/// `head` and the bank's choices `indices` in their shown order: `head B) text` when
/// one choice fits on the line, else `head:` and each choice on a line of its own.
fn block(head: &str, q: &Question, order: &[usize], indices: &[usize], width: usize) -> String {
    let head = head.trim_end_matches(':');
    if let [one] = indices {
        let line = lettered(q, order, *one, width, "");
        if !line.contains('\n') && head.chars().count() + 2 + line.chars().count() <= width {
            return format!("{head}: {line}");
        }
    }
    format!("{head}:\n{}", lettered_list(q, order, indices, width))
}

/// The bank's choices `indices` in their shown order, one per line, the first after
/// `label` and the rest under it, indented for a report.
fn labelled(label: &str, q: &Question, order: &[usize], indices: &[usize], width: usize) -> String {
    let mut sorted: Vec<usize> = indices.to_vec();
    sorted.sort_by_key(|&i| order.iter().position(|&o| o == i));
    let blank = " ".repeat(label.chars().count());
    sorted
        .iter()
        .enumerate()
        .map(|(n, &i)| {
            let lead = if n == 0 { label } else { &blank };
            lettered(q, order, i, width, &format!("    {lead}"))
        })
        .collect::<Vec<_>>()
        .join("\n")
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
        if verdict.correct {
            out.push_str(&block("✓ Right:", q, order, &q.answer, width));
        } else if verdict.chosen.is_empty() {
            out.push_str("✗ Wrong: nothing was chosen.\n");
            out.push_str(&block(right_head, q, order, &q.answer, width));
        } else {
            out.push_str(&block(
                "✗ Wrong. You chose",
                q,
                order,
                &verdict.chosen,
                width,
            ));
            out.push('\n');
            out.push_str(&block(right_head, q, order, &q.answer, width));
        }
        let mut chosen = verdict.chosen.clone();
        chosen.sort_by_key(|&i| order.iter().position(|&o| o == i));
        for i in chosen {
            if let Some(feedback) = q.choices.get(i).and_then(|c| c.feedback.as_ref()) {
                let _ = write!(
                    out,
                    "\n\n{}",
                    wrap(
                        &format!("{}: {}", shown_letter(order, i), sanitize(feedback.trim())),
                        width,
                        ""
                    )
                );
            }
        }
    } else if let Some(grade) = &verdict.grade {
        if verdict.is_blank() {
            out.push_str("No answer: taken as \"I don't know\".");
        } else {
            let explained = crate::grade::explain(grade);
            let lines: Vec<String> = explained
                .trim_end()
                .lines()
                .map(|line| hanging(line, width))
                .collect();
            out.push_str(&lines.join("\n"));
            if mode == Mode::Interview {
                let _ = write!(out, "\n  answered in {}", duration(verdict.elapsed_ms));
            }
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

/// `line` as it is when it fits in `width`, else wrapped with its continuation lines
/// indented two more than it is.
fn hanging(line: &str, width: usize) -> String {
    if line.chars().count() <= width {
        return line.to_owned();
    }
    let lead = line.len() - line.trim_start().len();
    let indent = " ".repeat(lead + 2);
    let wrapped = wrap(line.trim_start(), width, &indent);
    format!("{}{}", &line[..lead], wrapped.trim_start())
}

/// The ratings with what each would schedule, from `dues` (again, hard, good, easy)
/// when known: `1 again 1m · 2 hard 6m · 3 good 10m · 4 easy 4d`.
pub fn ratings(dues: Option<&[DateTime<Utc>; 4]>, now: DateTime<Utc>) -> String {
    Rating::ALL
        .iter()
        .enumerate()
        .map(|(i, rating)| match dues {
            Some(dues) => format!(
                "{} {} {}",
                rating.number(),
                rating,
                short_interval(dues[i] - now)
            ),
            None => format!("{} {}", rating.number(), rating),
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
    format!("Rate (Enter = {suggested}): {}", ratings(dues, now))
}

/// The confirmation of a committed rating: `Rated good: next in 10 minutes`.
pub fn rated(rated: &Rated, now: DateTime<Utc>) -> String {
    match rated.due {
        Some(due) if due > now => format!("Rated {}: next {}", rated.rating, relative(due, now)),
        Some(_) => format!("Rated {}: due again now", rated.rating),
        None => format!("Rated {}: its schedule is unchanged", rated.rating),
    }
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

/// The end-of-session summary: answered, right, skipped, set aside, time.
pub fn summary(session: &Session) -> String {
    summary_of(&session.tally())
}

fn summary_of(t: &Tally) -> String {
    let mut out = format!("Answered {} of {}: {} right", t.answered, t.total, t.right);
    for (count, what) in [
        (t.skipped, "skipped"),
        (t.set_aside, "set aside"),
        (t.unanswered, "left for later"),
        (t.unsaved, "not saved"),
    ] {
        if count > 0 {
            let _ = write!(out, ", {count} {what}");
        }
    }
    if t.answers > t.answered {
        let _ = write!(out, " · {} answers in all", t.answers);
    }
    let _ = write!(out, " · {}", duration(t.elapsed_ms));
    out
}

/// The quiz's one score: questions right out of all the quiz's questions, in percent.
/// A choice question is right when exactly the right choices are chosen, a text
/// question when its answer reaches the rubric's pass mark; skipped and unanswered
/// questions count as wrong (`recall quiz --help` and the README say the same).
pub fn quiz_score(tally: &Tally) -> f64 {
    if tally.total == 0 {
        0.0
    } else {
        tally.right as f64 / tally.total as f64 * 100.0
    }
}

/// The quiz's report: each question with what was chosen and what was right (shown
/// letters and text) or, for text, what was missed and the model answer; then the score
/// and the verdict against the pass mark (a percentage, if given). Returns whether the
/// mark was reached (true without one).
pub fn quiz(session: &Session, pass_percent: Option<f64>, width: usize) -> (String, bool) {
    let mut out = String::from("Quiz results");
    let indent = "    ";
    let inner = width.saturating_sub(indent.len());
    let indented = |text: &str| {
        text.lines()
            .map(|line| {
                if line.is_empty() {
                    String::new()
                } else {
                    format!("{indent}{line}")
                }
            })
            .collect::<Vec<_>>()
            .join("\n")
    };
    for answered in session.answered() {
        let (entry, order, v) = (answered.entry, answered.order, &answered.first().verdict);
        let q = entry.question;
        let mark = if v.correct { "✓" } else { "✗" };
        let _ = write!(
            out,
            "\n\n{mark} {}/{}",
            sanitize(&entry.bank.id),
            sanitize(&q.id)
        );
        if !q.choices.is_empty() {
            if v.chosen.is_empty() {
                let _ = write!(out, "\n{indent}you chose nothing");
            } else {
                let _ = write!(
                    out,
                    "\n{}",
                    labelled("you chose ", q, order, &v.chosen, width)
                );
            }
            if !v.correct {
                let _ = write!(
                    out,
                    "\n{}",
                    labelled("right:    ", q, order, &q.answer, width)
                );
                if let Some(explanation) = view::explanation(q, inner, "") {
                    let _ = write!(out, "\n{}", indented(&explanation));
                }
            }
        } else if let Some(grade) = &v.grade {
            if v.is_blank() {
                let _ = write!(out, "\n{indent}no answer");
            }
            let missed: Vec<&str> = grade
                .concepts
                .iter()
                .filter(|c| c.matched.is_none())
                .map(|c| c.label.as_str())
                .collect();
            if !missed.is_empty() && !v.is_blank() {
                let _ = write!(
                    out,
                    "\n{}",
                    indented(&wrap(
                        &format!("missed: {}", sanitize(&missed.join(", "))),
                        inner,
                        ""
                    ))
                );
            }
            if let Some(failure) = grade.failure.as_ref().filter(|_| !v.is_blank()) {
                let _ = write!(out, "\n{}", indented(&wrap(&sanitize(failure), inner, "")));
            }
            if let Some(model) = view::model_answer(q, inner) {
                let _ = write!(out, "\n{}", indented(&model));
            }
        }
    }
    for entry in session.unanswered() {
        let _ = write!(
            out,
            "\n\n✗ {}/{}\n{indent}not answered",
            sanitize(&entry.bank.id),
            sanitize(&entry.question.id)
        );
    }
    let tally = session.tally();
    let percent = quiz_score(&tally);
    let _ = write!(
        out,
        "\n\nScore: {percent:.0}% ({} of {} right",
        tally.right, tally.total
    );
    let missing = tally.total - tally.answered;
    if missing > 0 {
        let _ = write!(out, "; {missing} not answered count as wrong");
    }
    out.push(')');
    let passed = match pass_percent {
        Some(mark) => {
            let passed = percent + 1e-9 >= mark;
            let _ = write!(
                out,
                "\n{} (pass mark {mark:.0}%)",
                if passed { "Passed" } else { "Not passed" }
            );
            passed
        }
        None => true,
    };
    (out, passed)
}

/// Answers a tier needs before it can be called ready: one answer is too few to tell.
pub const READY_AFTER: usize = 2;

/// The interview's closing report: readiness for each tier that was asked, and the
/// questions to revisit.
pub fn interview(session: &Session) -> String {
    let tally = session.tally();
    let mut out = String::from("Interview readiness\n");
    let asked: Vec<Tier> = Tier::ALL
        .into_iter()
        .filter(|tier| {
            session
                .entries
                .iter()
                .any(|e| e.question.tier == Some(*tier))
        })
        .collect();
    for tier in asked {
        let t = tally.tiers.get(&tier).copied().unwrap_or_default();
        let verdict = if t.answered == 0 {
            "not answered".to_owned()
        } else {
            let ready = if t.answered < READY_AFTER {
                "one answer is too few to tell"
            } else if t.passed * 5 >= t.answered * 4 {
                "ready"
            } else {
                "keep practising"
            };
            format!(
                "{}/{} passed · mean score {:>3.0}% · {ready}",
                t.passed,
                t.answered,
                t.mean_score() * 100.0
            )
        };
        let _ = write!(out, "\n  {:<20} {verdict}", tier.title());
    }
    let revisit: Vec<String> = session
        .answered()
        .filter(|a| !a.first().verdict.correct)
        .map(|a| {
            format!(
                "  {}/{} ({:.0}%)",
                sanitize(&a.entry.bank.id),
                sanitize(&a.entry.question.id),
                a.first().verdict.score * 100.0
            )
        })
        .collect();
    if revisit.is_empty() {
        if tally.answered > 0 {
            out.push_str("\n\nNothing to revisit.");
        }
    } else {
        let _ = write!(out, "\n\nRevisit:\n{}", revisit.join("\n"));
    }
    out
}

#[cfg(test)]
mod tests {
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
