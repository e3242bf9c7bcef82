//! A grade as plain text: the verdict, one line per concept, the misconceptions found
//! (and those named but not counted), the forbidden terms found, and every reason for a
//! failure. What `recall test`, `recall grade` and the study sessions print under an
//! answer.

use super::{ConceptResult, Grade};
use std::fmt::Write as _;

/// A grade as plain text, one concept per line:
///
/// ```text
/// FAIL  score 75% (pass mark 50%)
///   + daemon                 matched "daemon"
///   - persist (required)     missing
///   … 3 more words of the model answer missing; a full score needs any 1 of them: refer, handles, layout
///   ~ disk                   negated here, stated plainly in the model answer: denied, so its weight is taken off the score
///   x mistake: More CPU does not stop an OOM kill. (said "raise --cpus")
///   · mistake `bind mount + database` named, not counted: the answer calls it wrong (said "...")
///   ! forbidden `bind mount`: found "bind mount"
///   ? not in the model answer or explanation: "..."; check this claim yourself
///   why: ...
/// ```
///
/// Labels and words come from banks and answers, so the text is passed through
/// `text::sanitize`: it is safe to print as it is.
pub fn explain(grade: &Grade) -> String {
    crate::text::sanitize(&render(grade))
}

fn render(grade: &Grade) -> String {
    let (score, mark) = super::percents(grade.score, grade.pass_mark);
    let mut out = format!(
        "{}  score {score} (pass mark {mark})\n",
        if grade.passed { "PASS" } else { "FAIL" },
    );
    let shown = grade.concepts.iter().filter(|c| !c.not_needed);
    let width = shown
        .clone()
        .map(|c| name(c).chars().count())
        .max()
        .unwrap_or(0)
        .min(40);
    if let Some(n) = grade.terse {
        let _ = writeln!(
            out,
            "  = terse: nearly every word is the model answer's, so the score is over its {n} heaviest concepts"
        );
    }
    for concept in shown {
        let (mark, what) = outcome(concept);
        let _ = writeln!(out, "  {mark} {:<width$}  {what}", name(concept));
    }
    // A long derived rubric's lighter words, missing: one line, not one each.
    let spare: Vec<&str> = grade.not_needed().map(|c| c.label.as_str()).collect();
    if let Some(count) = std::num::NonZeroUsize::new(spare.len()) {
        // The words a full score still needs tie at the heaviest weight folded; when
        // lighter ones are folded too, any of those would not do.
        let (lightest, heaviest) = grade.not_needed().fold((f64::MAX, 0.0f64), |(lo, hi), c| {
            (lo.min(c.weight), hi.max(c.weight))
        });
        let which = if lightest < heaviest {
            format!("of those of weight {heaviest}")
        } else {
            "of them".to_owned()
        };
        let needs = match grade.spare_needed {
            0 => "a full score needs none of them".to_owned(),
            n if n >= count.get() => format!("a full score needs all {n}"),
            n => format!("a full score needs any {n} {which}"),
        };
        let _ = writeln!(
            out,
            "  … {count} more word{} of the model answer missing; {needs}: {}",
            if count.get() == 1 { "" } else { "s" },
            listed(&spare)
        );
    }
    for hit in &grade.misconceptions {
        let effect = match hit.cap {
            Some(cap) => format!("; score capped at {:.0}%", cap * 100.0),
            None => String::new(),
        };
        let _ = writeln!(
            out,
            "  x mistake `{}`: {} (said \"{}\"{effect})",
            hit.concept,
            hit.feedback.trim(),
            hit.matched.join(" ")
        );
    }
    // A misconception whose words are there, set aside: named, with why.
    for aside in &grade.set_aside {
        let (concept, why, said) = (
            &aside.concept,
            aside.reason.words(),
            aside.matched.join(" "),
        );
        let _ = writeln!(
            out,
            "  · mistake `{concept}` named, not counted: {why} (said \"{said}\")"
        );
    }
    for hit in &grade.contradictions {
        // The words that made it, unless they are the member already quoted.
        let said = hit.matched.join(" ");
        if said.eq_ignore_ascii_case(&hit.said) {
            let _ = writeln!(out, "  x contradiction: {hit}");
        } else {
            let _ = writeln!(out, "  x contradiction: {hit} (said \"{said}\")");
        }
    }
    for hit in &grade.forbidden {
        let _ = writeln!(
            out,
            "  ! forbidden `{}`: found \"{}\"",
            hit.term,
            hit.matched.join(" ")
        );
    }
    if let Some(why) = grade.not_a_claim {
        let _ = writeln!(out, "  ! not a claim: {why}");
    }
    for clause in &grade.unchecked {
        let _ = writeln!(
            out,
            "  ? not in the model answer or explanation: \"{}\"; check this claim yourself",
            shortened(clause)
        );
    }
    if let Some(failure) = &grade.failure {
        let _ = writeln!(out, "  why: {failure}");
    }
    out
}

/// How many of a long rubric's lighter words the breakdown names.
const SPARE_NAMED: usize = 8;

/// The first [`SPARE_NAMED`] of `labels`, then how many more.
fn listed(labels: &[&str]) -> String {
    let mut out = labels[..labels.len().min(SPARE_NAMED)].join(", ");
    if labels.len() > SPARE_NAMED {
        let _ = write!(out, " and {} more", labels.len() - SPARE_NAMED);
    }
    out
}

/// How many chars of an unchecked clause the breakdown quotes.
const CLAUSE_CHARS: usize = 60;

/// `clause`, cut at a word before [`CLAUSE_CHARS`] with "..." when it is longer.
fn shortened(clause: &str) -> String {
    if clause.chars().count() <= CLAUSE_CHARS {
        return clause.to_owned();
    }
    let mut out = String::new();
    for word in clause.split(' ') {
        if out.chars().count() + word.chars().count() + 1 > CLAUSE_CHARS {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out + " ..."
}

/// A concept's label with its weight (when not 1) and whether it is required.
fn name(c: &ConceptResult) -> String {
    let mut notes = Vec::new();
    if c.weight != 1.0 {
        notes.push(format!("weight {}", c.weight));
    }
    if c.required {
        notes.push("required".to_owned());
    }
    if notes.is_empty() {
        c.label.clone()
    } else {
        format!("{} ({})", c.label, notes.join(", "))
    }
}

/// A concept's mark (`+` matched, `~` only in the wrong polarity, `-` missing, or found
/// only in a near form) and what was found of it.
fn outcome(concept: &ConceptResult) -> (char, String) {
    let note = concept.note.as_deref();
    match (&concept.matched, concept.negated) {
        (Some(words), _) => (
            '+',
            match note {
                Some(note) => format!("matched \"{}\" ({note})", words.join(" ")),
                None => format!("matched \"{}\"", words.join(" ")),
            },
        ),
        (None, true) => {
            let note = note.unwrap_or("only under a negation, so it does not count");
            let what = if concept.denied {
                format!("{note}: denied, so its weight is taken off the score")
            } else {
                note.to_owned()
            };
            ('~', what)
        }
        (None, false) => (
            '-',
            match (note, &concept.near) {
                (_, Some(word)) => format!("near form \"{word}\", part of its weight"),
                (Some(note), None) => format!("missing: {note}"),
                (None, None) => "missing".to_owned(),
            },
        ),
    }
}
