//! `recall card`: one question's scheduling state and its review history, as
//! text or JSON.

use std::io::Write;

use anyhow::{Result, anyhow};
use serde_json::json;

use super::args::{BankPathOption, JsonOutput};
use super::{CommandError, Context, Outcome, Progress};
use crate::schedule::{Card, Scheduler};
use crate::store::{QuestionKey, Review};

/// Show one question's memory state and review history
///
/// Its stability, difficulty, retrievability now,
/// when it is due, and every answer given to it.
///
/// Example: recall card mod-docker-04/named-volume-definition --json
#[derive(Debug, clap::Args)]
#[command(mut_arg("json", |arg| arg.help(
    "Print JSON (keys: state, stability, difficulty, retrievability, due, reps, lapses, \
     reviews, ...) instead of text"
)))]
pub struct Args {
    /// The question: BANK/QUESTION (also works for questions no bank has any
    /// more), or QUESTION alone when its id is in one bank only
    pub question: String,

    /// Text, or JSON with `--json`.
    #[command(flatten)]
    pub output: JsonOutput,

    /// The banks to look the question up in.
    #[command(flatten)]
    pub paths: BankPathOption,
}

/// Runs `recall card`.
pub fn run(ctx: &Context, args: Args) -> Result<Outcome, CommandError> {
    let key = match args.question.split_once('/') {
        Some((bank, question)) if !bank.is_empty() && !question.is_empty() => {
            QuestionKey::new(bank, question)
        }
        _ => {
            let library = ctx.load_valid_banks(&args.paths)?;
            let (bank, question) = library.find(&args.question).map_err(|e| anyhow!(e))?;
            QuestionKey::new(&bank.id, &question.id)
        }
    };
    let Progress {
        store, scheduler, ..
    } = ctx.progress()?;
    let card = store.card(&key)?;
    let history = store.history(&key)?;
    let mut out = std::io::stdout().lock();
    if args.output.json {
        let document = card_json(ctx, &scheduler, &key, &card, &history);
        writeln!(out, "{}", crate::text::terminal_safe_json(&document)?)?;
    } else {
        write!(out, "{}", card_text(ctx, &scheduler, &key, &card, &history))?;
    }
    Ok(Outcome::Success)
}

fn card_json(
    ctx: &Context,
    scheduler: &Scheduler,
    key: &QuestionKey,
    card: &Card,
    history: &[Review],
) -> serde_json::Value {
    let now = ctx.clock.now();
    let reviews: Vec<serde_json::Value> = history
        .iter()
        .map(|review| {
            json!({
                "id": review.id.0,
                "time": review.reviewed_at.to_rfc3339(),
                "mode": review.mode.name(),
                "answer": review.answer,
                "score": review.score,
                "suggested_rating": review.suggested.map(|rating| rating.name()),
                "rating": review.rating.name(),
                "duration_ms": review.duration_ms,
                "state_before": review.state_before.name(),
            })
        })
        .collect();
    json!({
        "bank": key.bank,
        "question": key.question,
        "state": card.state.name(),
        "step": card.step,
        "stability": card.stability(),
        "difficulty": card.difficulty(),
        "retrievability": card.memory.map(|_| scheduler.retrievability(card, now)),
        "due": card.due.map(|due| due.to_rfc3339()),
        "last_review": card.last_review.map(|time| time.to_rfc3339()),
        "reps": card.reps,
        "lapses": card.lapses,
        "reviews": reviews,
    })
}

fn card_text(
    ctx: &Context,
    scheduler: &Scheduler,
    key: &QuestionKey,
    card: &Card,
    history: &[Review],
) -> String {
    let now = ctx.clock.now();
    let mut text = format!("{key}\n");
    let field = |text: &mut String, name: &str, value: String| {
        text.push_str(&format!("  {name:<15}{value}\n"));
    };
    field(&mut text, "state", card.state.name().to_owned());
    match card.memory {
        None => field(&mut text, "memory", "not reviewed yet".to_owned()),
        Some(memory) => {
            field(
                &mut text,
                "stability",
                format!("{:.2} days", memory.stability),
            );
            field(
                &mut text,
                "difficulty",
                format!("{:.2} of 10", memory.difficulty),
            );
            let retrievability = scheduler.retrievability(card, now);
            field(
                &mut text,
                "retrievability",
                format!("{:.0}% now", retrievability * 100.0),
            );
        }
    }
    match card.due {
        None => field(&mut text, "due", "now (new)".to_owned()),
        Some(due) => field(
            &mut text,
            "due",
            format!(
                "{} ({})",
                ctx.local_time(due),
                super::relative_time(due, now)
            ),
        ),
    }
    field(
        &mut text,
        "reviews",
        format!("{} ({} lapses)", card.reps, card.lapses),
    );
    if !history.is_empty() {
        text.push_str("\nhistory:\n");
        for review in history {
            let score = review
                .score
                .map(|score| format!(", score {:.0}%", score * 100.0))
                .unwrap_or_default();
            let suggested = review
                .suggested
                .map(|rating| format!(", suggested {rating}"))
                .unwrap_or_default();
            text.push_str(&format!(
                "  {}  {:<9} {:<5} was {:<10} {:.1} s{score}{suggested}\n",
                ctx.local_time(review.reviewed_at),
                review.mode.name(),
                review.rating.name(),
                review.state_before.name(),
                review.duration_ms as f64 / 1000.0,
            ));
        }
    }
    text
}
