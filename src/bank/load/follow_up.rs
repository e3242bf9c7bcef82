//! What makes a question feel like an interview: its follow-ups
//! (`[[question.follow_up]]`, nested up to [`MAX_FOLLOW_UP_DEPTH`] deep), its target
//! answer time (`time`) and its hints (`hint`). A follow-up is checked as a text question
//! of its parent's kind and tier, by the same code (`text_body`), under the id
//! `parent/follow-N` that its diagnostics name.

use super::Checker;
use crate::bank::model::*;
use crate::bank::raw::*;
use crate::lang::{prose_list, suggest};
use std::ops::Range;
use std::time::Duration;

/// The longest target time a question may set: an hour.
const MAX_TIME_SECONDS: u64 = 3600;

impl Checker<'_> {
    /// The follow-ups of `parent`, at nesting `depth` (1 for a question's own), each
    /// checked as a text question and added to `parent.follow_ups`.
    pub(super) fn follow_ups(
        &mut self,
        parent: &mut Question,
        list: Option<Vec<S<RawFollowUp>>>,
        depth: usize,
    ) {
        let outer = self.question_id.clone();
        for (n, raw) in list.unwrap_or_default().into_iter().enumerate() {
            let at = raw.span();
            if depth > MAX_FOLLOW_UP_DEPTH {
                self.error(
                    at,
                    format!("follow-ups nest at most {MAX_FOLLOW_UP_DEPTH} deep"),
                    "ask this one after a shallower follow-up, or as a question of its own",
                );
                break;
            }
            let mut raw = raw.into_inner();
            let id = format!("{}/follow-{}", parent.id, n + 1);
            self.question_id = Some(id.clone());
            let when = raw.when.take().and_then(|w| self.when(w));
            let mut raw = raw.into_question();
            let prompt = self.required(raw.prompt.take(), "prompt", at.clone());
            let explanation = self.optional(raw.explanation.take(), "explanation");
            let pass = raw.pass.as_ref().and_then(|p| self.pass_mark(p));
            let draft = raw.draft.take().is_some_and(|d| d.into_inner());
            let time = self.time(raw.time.take());
            let hints = self.hints(raw.hint.take());
            let nested = raw.follow_up.take();
            let mut question = Question {
                tier: parent.tier,
                tags: parent.tags.clone(),
                difficulty: parent.difficulty,
                explanation,
                pass,
                draft,
                time,
                hints,
                ..Question::new(id, parent.kind, prompt.clone().unwrap_or_default())
            };
            self.text_body(&mut question, raw, at.clone());
            self.follow_ups(&mut question, nested, depth + 1);
            if prompt.is_some() {
                parent.follow_ups.push(FollowUp {
                    when: when.unwrap_or(When::Always),
                    question,
                });
            }
        }
        self.question_id = outer;
    }

    /// What only a mock interview uses, on a question of another kind: follow-ups (an
    /// error: they would never be asked) and a target time (a warning: it has no effect).
    pub(super) fn interview_only(
        &mut self,
        kind: KindName,
        follow_ups: &Option<Vec<S<RawFollowUp>>>,
        time: &Option<Range<usize>>,
    ) {
        if kind == KindName::Interview {
            return;
        }
        if let Some(first) = follow_ups.as_ref().and_then(|list| list.first()) {
            self.error(
                first.span(),
                format!(
                    "follow-ups are asked in mock interviews, and a {kind} question is never asked in one"
                ),
                "make it kind = \"interview\" with a tier, or ask the follow-up as a question of its own",
            );
        }
        if let Some(span) = time {
            self.warning(
                span.clone(),
                format!("`time` has no effect on a {kind} question: only interviews are timed"),
                "remove it, or make the question kind = \"interview\" with a tier",
            );
        }
    }

    fn when(&mut self, when: S<String>) -> Option<When> {
        let span = when.span();
        let name = when.into_inner();
        let parsed = When::parse(&name);
        if parsed.is_none() {
            let hint = match suggest(&name, When::names()) {
                Some(s) => format!("did you mean `{s}`?"),
                None => format!("`when` is {}", prose_list(&When::names(), "or")),
            };
            self.error(span, format!("unknown `when` condition `{name}`"), &hint);
        }
        parsed
    }

    /// `time`: seconds, or `"90s"`, `"2m"`, `"1m30s"`; from 1 second to an hour.
    pub(super) fn time(&mut self, time: Option<S<RawTime>>) -> Option<Duration> {
        let time = time?;
        let span = time.span();
        let seconds = match time.into_inner() {
            RawTime::Seconds(seconds) => u64::try_from(seconds).ok(),
            RawTime::Text(text) => parse_time(&text),
        };
        match seconds {
            Some(seconds) if (1..=MAX_TIME_SECONDS).contains(&seconds) => {
                Some(Duration::from_secs(seconds))
            }
            _ => {
                self.error(
                    span,
                    "`time` is not a time from 1 second to an hour",
                    "write time = \"90s\", \"2m\" or \"1m30s\" (or a number of seconds, time = 90)",
                );
                None
            }
        }
    }

    /// `hint`: one string or a list, none of them empty.
    pub(super) fn hints(&mut self, hints: Option<S<RawHints>>) -> Vec<String> {
        let Some(hints) = hints else {
            return Vec::new();
        };
        let span = hints.span();
        let written: Vec<(Range<usize>, String)> = match hints.into_inner() {
            RawHints::One(hint) => vec![(span.clone(), hint)],
            RawHints::Many(list) => list
                .into_iter()
                .map(|h| (h.span(), h.into_inner()))
                .collect(),
        };
        if written.is_empty() {
            self.error(
                span,
                "`hint` is an empty list",
                "write a hint, or remove the key",
            );
        }
        let mut out = Vec::new();
        for (at, hint) in written {
            if hint.trim().is_empty() {
                self.error(at, "a hint is empty", "write the hint, or remove it");
            } else {
                out.push(hint.trim().to_owned());
            }
        }
        out
    }
}

/// Seconds from `90`, `"90s"`, `"2m"`, `"1m30s"` (spaces allowed); `None` otherwise.
fn parse_time(text: &str) -> Option<u64> {
    let text: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    if text.is_empty() {
        return None;
    }
    if let Ok(seconds) = text.parse::<u64>() {
        return Some(seconds);
    }
    let (minutes, rest) = match text.split_once('m') {
        Some((minutes, rest)) => (Some(minutes.parse::<u64>().ok()?), rest),
        None => (None, text.as_str()),
    };
    let seconds = match rest {
        "" => 0,
        rest => rest.strip_suffix('s')?.parse::<u64>().ok()?,
    };
    if minutes.is_none() && rest.is_empty() {
        return None;
    }
    Some(minutes.unwrap_or(0) * 60 + seconds)
}

#[cfg(test)]
mod tests {
    use super::parse_time;
    use crate::bank::{When, load_str};
    use std::path::Path;

    #[test]
    fn times_are_read_in_seconds_and_minutes() {
        assert_eq!(parse_time("90s"), Some(90));
        assert_eq!(parse_time("2m"), Some(120));
        assert_eq!(parse_time("1m 30s"), Some(90));
        assert_eq!(parse_time("45"), Some(45));
        assert_eq!(parse_time("m"), None);
        assert_eq!(parse_time("90 seconds"), None);
        assert_eq!(parse_time("1h"), None);
        assert_eq!(parse_time(""), None);
    }

    const BANK: &str = r#"
[bank]
id = "b"
title = "T"

[[question]]
id = "q"
kind = "interview"
tier = "advanced"
prompt = "Why volumes?"
model_answer = "Volumes persist data."
hint = ["Think of the container's lifetime.", "Where does the data live?"]
time = "2m30s"

[[question.follow_up]]
when = "passed"
prompt = "Where on the host?"
model_answer = "Under /var/lib/docker/volumes."

[[question.follow_up.follow_up]]
prompt = "Who owns it?"
model_answer = "Docker manages it."
time = 45
"#;

    #[test]
    fn follow_ups_nest_with_their_own_ids_kind_and_tier() {
        let (bank, diagnostics) = load_str(Path::new("b.toml"), BANK);
        let bank = bank.unwrap_or_else(|| panic!("{diagnostics:?}"));
        let q = &bank.questions[0];
        assert_eq!(q.hints.len(), 2);
        assert_eq!(q.target_time().map(|t| t.as_secs()), Some(150));
        let first = &q.follow_ups[0];
        assert_eq!(first.when, When::Passed);
        assert_eq!(first.question.id, "q/follow-1");
        assert_eq!(first.question.tier, q.tier);
        assert_eq!(first.question.target_time().map(|t| t.as_secs()), Some(120));
        let second = &first.question.follow_ups[0];
        assert_eq!(second.when, When::Always);
        assert_eq!(second.question.id, "q/follow-1/follow-1");
        assert_eq!(second.question.target_time().map(|t| t.as_secs()), Some(45));
        let ids: Vec<&str> = q.with_follow_ups().iter().map(|q| q.id.as_str()).collect();
        assert_eq!(ids, ["q", "q/follow-1", "q/follow-1/follow-1"]);
    }

    #[test]
    fn only_an_interview_question_takes_follow_ups_and_a_time() {
        let bank = r#"
[bank]
id = "b"
title = "T"

[[question]]
id = "s"
kind = "short_answer"
prompt = "Where do volumes live?"
model_answer = "Under /var/lib/docker/volumes."
time = "30s"

[[question.follow_up]]
prompt = "Who owns them?"
model_answer = "Docker."
"#;
        let (loaded, diagnostics) = load_str(Path::new("b.toml"), bank);
        assert!(loaded.is_none());
        let said: Vec<(bool, &str)> = diagnostics
            .iter()
            .map(|d| (d.is_error(), d.message.as_str()))
            .filter(|(_, m)| !m.contains("example"))
            .collect();
        assert_eq!(
            said,
            [
                (
                    false,
                    "`time` has no effect on a short_answer question: only interviews are timed"
                ),
                (
                    true,
                    "follow-ups are asked in mock interviews, and a short_answer question is never asked in one"
                ),
            ]
        );
    }
}
