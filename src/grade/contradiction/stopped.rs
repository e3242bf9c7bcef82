//! A thing that still happens said to be stopped: a model clause that says plainly a
//! thing is *still* done where one might think it is not ("inside double quotes the
//! variable is still expanded"), and an answer clause that says something *stops*,
//! *prevents*, *disables*, *suppresses* or *turns off* that very doing ("double quotes
//! also turn off variable expansion"). The model answer says the effect goes on; the
//! answer says it ends.
//!
//! Narrow on purpose: the model clause has no negation and the word after *still* (a
//! form of *be* passed over) is the thing done; the answer names it (or a word of the
//! same root: *expansion* for *expanded*) among the few words right after its cue, in a
//! clause with no negation, supposition or limit, and its sentence shares a content
//! word of the model clause besides (not one of the question's). Where the model texts
//! also deny that doing somewhere ("inside single quotes it is not expanded at all"),
//! an answer sentence that names a word of that denial's sentence which the model's
//! *still* sentence lacks is about the denial's case, and says no such thing.

use super::whole::next_word;
use super::{Contradiction, clause_text, content, is_be};
use crate::grade::matcher::PreparedAnswer;
use crate::grade::token::Token;
use std::sync::Arc;

/// The words that start a stopping; an answer word of one of them starts the rule
/// (*off* only after a form of *turn* or *switch*). No participle: "a stopped
/// container" names a thing, it stops nothing.
pub(super) const CUES: [&str; 9] = [
    "stop",
    "stops",
    "prevent",
    "prevents",
    "disable",
    "disables",
    "suppress",
    "suppresses",
    "off",
];

/// How many words after its cue the answer may name the thing done ("stops the
/// variable from being expanded").
const REACH: usize = 6;

/// The shortest common beginning of two stems of one root ("expand", "expans").
const ROOT: usize = 5;

/// A model clause that says a thing is still done.
struct Goes {
    /// The stem of the word after *still* ("expand").
    stem: Arc<str>,
    /// The content stems of its clause, that word and the question's words aside, sorted.
    anchors: Vec<Arc<str>>,
    /// The content stems of the model sentences that deny the same doing, not in this
    /// claim's sentence nor in the question, sorted.
    denial: Vec<Arc<str>>,
    text: String,
}

/// What the model texts say still goes on.
#[derive(Default)]
pub(super) struct Ongoing {
    goes: Vec<Goes>,
}

/// Whether two stems are of one root: the same, or sharing a beginning of at least
/// [`ROOT`] characters that leaves at most one character of the shorter.
fn one_root(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let shorter = a.len().min(b.len());
    let common = a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count();
    common >= ROOT && common + 1 >= shorter
}

/// The sorted, deduplicated content stems of the tokens `keep` picks.
fn stems_where(tokens: &[Token], keep: impl Fn(&Token) -> bool) -> Vec<Arc<str>> {
    let mut out: Vec<Arc<str>> = tokens
        .iter()
        .filter(|t| content(t) && keep(t))
        .map(|t| t.stem.clone())
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

impl Ongoing {
    /// The *still* claims of `texts` (the model answer and explanation), whose question
    /// has the stems `asked` (sorted).
    pub(super) fn of(texts: &[&PreparedAnswer], asked: &[Arc<str>]) -> Ongoing {
        let mut goes = Vec::new();
        for text in texts {
            let tokens = text.tokens();
            for (i, t) in tokens.iter().enumerate() {
                if t.part || &*t.norm != "still" {
                    continue;
                }
                let clause = t.place.clause;
                let Some(mut j) = next_word(tokens, i) else {
                    continue;
                };
                if is_be(&tokens[j].norm) {
                    let Some(k) = next_word(tokens, j) else {
                        continue;
                    };
                    j = k;
                }
                if !content(&tokens[j])
                    || tokens
                        .iter()
                        .any(|t| t.place.clause == clause && !t.part && t.negation)
                {
                    continue;
                }
                let stem = tokens[j].stem.clone();
                let anchors = stems_where(tokens, |t| {
                    t.place.clause == clause
                        && !one_root(&t.stem, &stem)
                        && asked.binary_search(&t.stem).is_err()
                });
                if anchors.is_empty() {
                    continue;
                }
                goes.push(Goes {
                    stem,
                    anchors,
                    denial: Vec::new(),
                    text: clause_text(text, clause),
                });
            }
        }
        // The sentences that deny the same doing, in any of the texts.
        for g in &mut goes {
            for text in texts {
                let tokens = text.tokens();
                for (i, t) in tokens.iter().enumerate() {
                    if !one_root(&t.stem, &g.stem) || !text.negated(i) {
                        continue;
                    }
                    let sentence = t.place.sentence;
                    g.denial.extend(
                        stems_where(tokens, |t| t.place.sentence == sentence)
                            .into_iter()
                            .filter(|s| asked.binary_search(s).is_err()),
                    );
                }
            }
            g.denial.sort_unstable();
            g.denial.dedup();
        }
        // A word of the claim's own sentence tells nothing of the denial's case.
        for g in &mut goes {
            let own: Vec<Arc<str>> = texts
                .iter()
                .flat_map(|text| {
                    let tokens = text.tokens();
                    let sentences: Vec<u32> = tokens
                        .iter()
                        .filter(|t| !t.part && &*t.norm == "still")
                        .map(|t| t.place.sentence)
                        .collect();
                    stems_where(tokens, |t| sentences.contains(&t.place.sentence))
                })
                .collect();
            g.denial
                .retain(|s| !own.contains(s) && !one_root(s, &g.stem));
        }
        Ongoing { goes }
    }

    /// Whether the model texts say nothing still goes on.
    pub(super) fn is_empty(&self) -> bool {
        self.goes.is_empty()
    }

    /// The first answer clause that says a thing the model answer says still goes on
    /// is stopped; `at` holds the answer's words of [`CUES`]' stems.
    pub(super) fn stopped(&self, answer: &PreparedAnswer, at: &[usize]) -> Option<Contradiction> {
        let tokens = answer.tokens();
        for &i in at {
            let cue = &tokens[i];
            // The vocabulary meets the cues by stem: "stopped" is met too.
            if cue.part || !CUES.contains(&&*cue.norm) {
                continue;
            }
            if &*cue.norm == "off" {
                let turned = (0..i).rev().find(|&k| !tokens[k].part).is_some_and(|k| {
                    matches!(
                        &*tokens[k].norm,
                        "turn" | "turns" | "turning" | "switch" | "switches" | "switching"
                    )
                });
                if !turned {
                    continue;
                }
            }
            let (clause, sentence) = (cue.place.clause, cue.place.sentence);
            let plain = !tokens.iter().any(|t| {
                t.place.clause == clause
                    && !t.part
                    && (t.negation
                        || matches!(
                            &*t.norm,
                            "if" | "unless" | "would" | "could" | "might" | "only" | "until"
                        ))
            });
            if !plain {
                continue;
            }
            let after: Vec<&Token> = tokens[i + 1..]
                .iter()
                .filter(|t| !t.part)
                .take_while(|t| t.place.clause == clause)
                .take(REACH)
                .collect();
            let said = stems_where(tokens, |t| t.place.sentence == sentence);
            let names = |stems: &[Arc<str>]| said.iter().any(|s| stems.binary_search(s).is_ok());
            let found = self.goes.iter().find(|g| {
                after
                    .iter()
                    .any(|t| content(t) && one_root(&t.stem, &g.stem))
                    && names(&g.anchors)
                    && !names(&g.denial)
            });
            if let Some(g) = found {
                return Some(Contradiction::quoting(
                    "stopped",
                    clause_text(answer, clause),
                    &g.text,
                    vec![answer.word(i).to_owned()],
                ));
            }
        }
        None
    }
}
