//! What a session shows, as plain text: the question with its header, the verdict on an
//! answer, and the reports at the end (summary, quiz score, interview readiness).
//!
//! Both front ends print these strings, so a scripted session and a terminal session
//! say the same things. Bank text is sanitised (via `view`); nothing here does I/O.

use super::{Ask, Mode, Queued, Session, Verdict};
use crate::bank::{Kind, Tier, letter};
use crate::text::{sanitize, wrap};
use crate::view;
use std::fmt::Write as _;

/// The header line and the question, with choices lettered in their shown order.
pub fn question(ask: &Ask, mode: Mode, width: usize) -> String {
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
    out.push_str(&sanitize(&header));
    out.push_str("\n\n");
    if let Some(situation) = &q.situation {
        out.push_str(&wrap(&sanitize(situation.trim()), width, ""));
        out.push_str("\n\n");
    }
    out.push_str(&wrap(&sanitize(q.prompt.trim()), width, ""));
    if !q.choices.is_empty() {
        out.push('\n');
        out.push_str(&view::choices(q, ask.order, width));
        if q.is_multiple_answer() {
            out.push_str("\n\n(select all that apply)");
        }
    }
    out
}

/// The verdict on one answer: right or wrong, the right answer, explanation and
/// feedback; for text, the score, the concepts and the model answer.
pub fn verdict(
    entry: &Queued,
    order: &[usize],
    verdict: &Verdict,
    mode: Mode,
    width: usize,
) -> String {
    let q = entry.question;
    let mut out = String::new();
    if q.kind == Kind::MultipleChoice {
        let shown = |index: usize| order.iter().position(|&i| i == index).unwrap_or(index);
        let right: Vec<String> = q
            .answer
            .iter()
            .map(|&i| {
                format!(
                    "{}) {}",
                    letter(shown(i)),
                    sanitize(q.choices[i].text.trim())
                )
            })
            .collect();
        if verdict.correct {
            out.push_str("✓ Right.");
        } else {
            let text = format!("✗ Wrong. The answer is {}", right.join("; "));
            out.push_str(&wrap(&text, width, ""));
        }
        for &i in &verdict.chosen {
            if let Some(feedback) = &q.choices[i].feedback {
                let _ = write!(
                    out,
                    "\n\n{}",
                    wrap(
                        &format!("{}: {}", letter(shown(i)), sanitize(feedback.trim())),
                        width,
                        ""
                    )
                );
            }
        }
    } else if let Some(grade) = &verdict.grade {
        out.push_str(crate::grade::explain(grade).trim_end());
        if mode == Mode::Interview {
            let _ = write!(out, "\n  answered in {}", duration(verdict.elapsed_ms));
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

/// The rating prompt.
pub fn rating_prompt(suggested: crate::schedule::Rating) -> String {
    format!("Rate: Enter = {suggested}, or 1 again · 2 hard · 3 good · 4 easy")
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

/// The end-of-session summary: answered, right, skipped, time.
pub fn summary(session: &Session) -> String {
    let t = session.tally();
    let mut out = format!("Answered {} of {}: {} right", t.answered, t.total, t.right);
    if t.skipped > 0 {
        let _ = write!(out, ", {} skipped", t.skipped);
    }
    if t.unanswered > 0 {
        let _ = write!(out, ", {} left for later", t.unanswered);
    }
    let _ = write!(out, " · {}", duration(t.elapsed_ms));
    out
}

/// The quiz's score report: each question with what was right and what was missed, the
/// total, and the verdict against the pass mark (a percentage, if given).
pub fn quiz(session: &Session, pass_percent: Option<f64>, width: usize) -> (String, bool) {
    let mut out = String::from("Quiz results\n");
    let tally = session.tally();
    let mut points = 0.0;
    for (entry, outcome) in session.outcomes() {
        let v = &outcome.verdict;
        points += v.score;
        let mark = if v.correct { "✓" } else { "✗" };
        let _ = write!(
            out,
            "\n{mark} {:>3.0}%  {}/{}",
            v.score * 100.0,
            sanitize(&entry.bank.id),
            sanitize(&entry.question.id)
        );
        let q = entry.question;
        if q.kind == Kind::MultipleChoice {
            if !v.correct {
                let right: Vec<String> = q.answer.iter().map(|&i| letter(i)).collect();
                let given = if v.answer_text.is_empty() {
                    "nothing"
                } else {
                    &v.answer_text
                };
                let _ = write!(out, "\n       answered {given}; right: {}", right.join(","));
                if let Some(explanation) = view::explanation(q, width, "       ") {
                    let _ = write!(out, "\n{explanation}");
                }
            }
        } else if let Some(grade) = &v.grade {
            let missed: Vec<&str> = grade
                .concepts
                .iter()
                .filter(|c| c.matched.is_none())
                .map(|c| c.label.as_str())
                .collect();
            if !missed.is_empty() {
                let _ = write!(out, "\n       missed: {}", sanitize(&missed.join(", ")));
            }
            if let Some(failure) = &grade.failure {
                let _ = write!(out, "\n       {}", sanitize(failure));
            }
        }
    }
    let total = tally.total.max(1) as f64;
    let percent = points / total * 100.0;
    let _ = write!(
        out,
        "\n\nScore: {percent:.0}% ({} of {} right",
        tally.right, tally.total
    );
    if tally.skipped + tally.unanswered > 0 {
        let _ = write!(
            out,
            "; {} not answered count as 0",
            tally.skipped + tally.unanswered
        );
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

/// The interview's closing report: readiness per tier and the questions to revisit.
pub fn interview(session: &Session) -> String {
    let tally = session.tally();
    let mut out = String::from("Interview readiness\n");
    for tier in Tier::ALL {
        let Some(t) = tally.tiers.get(&tier) else {
            continue;
        };
        let ready = t.answered > 0 && t.passed * 5 >= t.answered * 4;
        let _ = write!(
            out,
            "\n  {:<20} {}/{} passed · mean score {:>3.0}% · {}",
            tier.title(),
            t.passed,
            t.answered,
            t.mean_score() * 100.0,
            if ready { "ready" } else { "keep practising" }
        );
    }
    let revisit: Vec<String> = session
        .outcomes()
        .filter(|(_, o)| !o.verdict.correct)
        .map(|(e, o)| {
            format!(
                "  {}/{} ({:.0}%)",
                sanitize(&e.bank.id),
                sanitize(&e.question.id),
                o.verdict.score * 100.0
            )
        })
        .collect();
    if revisit.is_empty() {
        out.push_str("\n\nNothing to revisit.");
    } else {
        let _ = write!(out, "\n\nRevisit:\n{}", revisit.join("\n"));
    }
    out
}
