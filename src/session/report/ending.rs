//! The reports at a session's end: the summary every session prints, the quiz's
//! results and score, and the interview's readiness report.

use super::*;
use crate::grade::ConceptResult;
use crate::session::Answered;
use crate::session::readiness::TierReadiness;

/// The end-of-session summary (answered, right, skipped, set aside, time), wrapped to
/// `width`.
pub fn summary(session: &Session, width: usize) -> String {
    wrap(&summary_of(&session.tally()), width, "")
}

pub(super) fn summary_of(t: &Tally) -> String {
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
    let mut out = paint(style::HEADING, "Quiz results").to_string();
    let indent = "    ";
    for answered in session.answered() {
        quiz_item(&mut out, &answered, width);
    }
    for entry in session.unanswered() {
        let _ = write!(
            out,
            "\n\n{}\n{indent}{}",
            marked(false, &entry.bank.id, &entry.question.id),
            paint(style::WRONG, "not answered")
        );
    }
    let tally = session.tally();
    let percent = quiz_score(&tally);
    let _ = write!(
        out,
        "\n\n{} {percent:.0}% ({} of {} right",
        paint(style::HEADING, "Score:"),
        tally.right,
        tally.total
    );
    let missing = tally.total - tally.answered;
    if missing > 0 {
        let _ = write!(out, "; {missing} not answered count as wrong");
    }
    out.push(')');
    let passed = match pass_percent {
        Some(mark) => {
            let passed = percent + 1e-9 >= mark;
            let verdict = if passed {
                paint(style::PASS, "Passed")
            } else {
                paint(style::FAIL, "Not passed")
            };
            let _ = write!(out, "\n{verdict} (pass mark {mark:.0}%)");
            passed
        }
        None => true,
    };
    (out, passed)
}

/// One answered question of the quiz's report: what was chosen and what was right
/// (shown letters and text) or, for text, what was missed, the author's feedback on each
/// known mistake made, and the model answer.
fn quiz_item(out: &mut String, answered: &Answered, width: usize) {
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
    let (entry, order, v) = (answered.entry, answered.order, &answered.first().verdict);
    let q = entry.question;
    let _ = write!(out, "\n\n{}", marked(v.correct, &entry.bank.id, &q.id));
    if !q.choices.is_empty() {
        let shown = Shown { q, order };
        if v.chosen.is_empty() {
            let _ = write!(
                out,
                "\n{indent}{}",
                paint(style::WRONG, "you chose nothing")
            );
        } else {
            let chosen = if v.correct {
                style::RIGHT
            } else {
                style::WRONG
            };
            let you_chose = shown.labelled("you chose ", &v.chosen, width, chosen);
            let _ = write!(out, "\n{you_chose}");
        }
        if !v.correct {
            let right = shown.labelled("right:    ", &q.answer, width, style::RIGHT);
            let _ = write!(out, "\n{right}");
            if let Some(explanation) = view::explanation(q, inner, "") {
                let _ = write!(out, "\n{}", indented(&explanation));
            }
        }
    } else if let Some(grade) = &v.grade {
        if v.is_blank() {
            let _ = write!(out, "\n{indent}{}", paint(style::WRONG, "no answer"));
        }
        if !v.is_blank() {
            let derived = q.rubric.is_none();
            let named: Vec<&ConceptResult> = grade
                .concepts
                .iter()
                .filter(|c| c.lacked(derived))
                .collect();
            let (turned, missed): (Vec<&ConceptResult>, Vec<&ConceptResult>) =
                named.into_iter().partition(|c| c.turned());
            for (concepts, head, listed) in [
                (missed, "missed:", MISSED_LISTED),
                (turned, "said the other way round:", TURNED_LISTED),
            ] {
                if let Some(line) = concept_list(concepts, head, listed) {
                    let _ = write!(out, "\n{}", indented(&wrap(&line, inner, "")));
                }
            }
        }
        if let Some(failure) = grade.failure.as_ref().filter(|_| !v.is_blank()) {
            let _ = write!(out, "\n{}", indented(&wrap(&sanitize(failure), inner, "")));
        }
        // The author's word on each known mistake the answer makes: the failure line
        // names the mistake, this says what is wrong with it.
        for hit in &grade.misconceptions {
            let line = format!("mistake: {}", sanitize(hit.feedback.trim()));
            let _ = write!(out, "\n{}", indented(&wrap(&line, inner, "")));
        }
        if let Some(model) = view::model_answer(q, inner) {
            let _ = write!(out, "\n{}", indented(&model));
        }
    }
}

/// `head` and the labels of `concepts`, the heaviest first, and only the first `listed`
/// of them: a long model answer's derived rubric has dozens of concepts, most of them
/// minor words. `None` when there are none.
fn concept_list(mut concepts: Vec<&ConceptResult>, head: &str, listed: usize) -> Option<String> {
    if concepts.is_empty() {
        return None;
    }
    concepts.sort_by(|a, b| b.weight.total_cmp(&a.weight));
    let mut names: Vec<&str> = concepts
        .iter()
        .take(listed)
        .map(|c| c.label.as_str())
        .collect();
    let more = format!("and {} more", concepts.len().saturating_sub(listed));
    if concepts.len() > listed {
        names.push(&more);
    }
    Some(format!(
        "{} {}",
        paint(style::MISSED, head),
        sanitize(&names.join(", "))
    ))
}

/// `✓ bank/question` (or `✗`), as each question of a report starts.
fn marked(right: bool, bank: &str, question: &str) -> String {
    let mark = if right {
        paint(style::RIGHT, "✓")
    } else {
        paint(style::WRONG, "✗")
    };
    let id = sanitize(&format!("{bank}/{question}"));
    format!("{mark} {}", paint(style::ID, id))
}

pub use crate::session::readiness::READY_AFTER;

/// The interview's closing report, from [`Readiness`]: for each tier that was asked, a
/// line with its score, its follow-ups, the time against the target and its verdict
/// ("ready" takes [`READY_AFTER`] answers, four in five passing); the concepts missed
/// most; the questions to revisit, weakest first, with why.
pub fn interview(session: &Session, width: usize) -> String {
    readiness(&Readiness::of(session), session.tally().answered > 0, width)
}

/// [`interview`]'s text for figures already made.
pub fn readiness(r: &Readiness, answered: bool, width: usize) -> String {
    let mut out = format!("{}\n", paint(style::HEADING, "Interview readiness"));
    for t in &r.tiers {
        let verdict = tier_verdict(t);
        // The verdicts line up after the longest tier's name, and fold under it.
        let head = format!("  {:<20} ", paint(style::tier(t.tier), t.tier.title()));
        let line = format!("{head}{verdict}");
        if display_width(&line) <= width {
            let _ = write!(out, "\n{line}");
        } else {
            let hang = " ".repeat(display_width(&head));
            let _ = write!(out, "\n{head}{}", wrap(&verdict, width, &hang).trim_start());
        }
    }
    for (concepts, head) in [
        (&r.concepts_missed, "Missed most:"),
        (&r.concepts_turned, "Said the other way round:"),
    ] {
        if concepts.is_empty() {
            continue;
        }
        let most: Vec<String> = concepts
            .iter()
            .take(MISSED_SHOWN)
            .map(|m| format!("{} ({}×)", sanitize(&m.concept), m.times))
            .collect();
        let line = format!("{} {}", paint(style::HEADING, head), most.join(", "));
        let _ = write!(out, "\n\n{}", wrap(&line, width, "  "));
    }
    let revisit: Vec<String> = r
        .revisit
        .iter()
        .enumerate()
        .map(|(n, v)| {
            let id = sanitize(&v.key.to_string());
            let line = format!(
                "  {}. {} ({:.0}%): {}",
                n + 1,
                paint(style::ID, id),
                v.score * 100.0,
                v.reasons.join(", ")
            );
            wrap_line_hanging(&line, width)
        })
        .collect();
    if revisit.is_empty() {
        if answered {
            out.push_str("\n\nNothing to revisit.");
        }
    } else {
        let _ = write!(
            out,
            "\n\n{}\n{}",
            paint(style::HEADING, "Revisit:"),
            revisit.join("\n")
        );
    }
    out
}

/// A tier's line of the readiness report after its name: passed, mean score,
/// follow-ups, time against the target, and the verdict.
fn tier_verdict(t: &TierReadiness) -> String {
    if t.answered == 0 {
        paint(style::DIM, t.verdict).to_string()
    } else {
        let word = match t.verdict {
            "ready" => paint(style::PASS, t.verdict),
            "keep practising" => paint(style::MISSED, t.verdict),
            other => paint(style::DIM, other),
        };
        let mut line = format!(
            "{}/{} passed · mean score {:>3.0}%",
            t.passed,
            t.answered,
            t.mean_score * 100.0
        );
        if t.follow_ups > 0 {
            let _ = write!(
                line,
                " · follow-ups {}/{}",
                t.follow_ups_passed, t.follow_ups
            );
        }
        if t.target_seconds > 0.0 {
            let _ = write!(
                line,
                " · time {} of {}",
                clock_face(std::time::Duration::from_secs_f64(t.seconds)),
                clock_face(std::time::Duration::from_secs_f64(t.target_seconds))
            );
            if t.over_time > 0 {
                let _ = write!(
                    line,
                    " ({})",
                    paint(style::MISSED, format!("{} over", t.over_time))
                );
            }
        }
        format!("{line} · {word}")
    }
}

/// How many of the concepts missed most the report names.
const MISSED_SHOWN: usize = 5;

/// How many concepts an answer missed the results list, the heaviest first.
const MISSED_LISTED: usize = 6;

/// How many concepts an answer said only the other way round the results list, the
/// heaviest first, on a line of their own.
const TURNED_LISTED: usize = 3;
