//! The model answer's advice passed over for another thing: an answer that advises
//! something else *rather than* (or *instead of*) what a command of the model answer
//! advises ("schedule it in local time rather than UTC" where the model answer says
//! "schedule it in UTC"; "pin the whole certificate rather than the public key" where
//! it says "pin the public key rather than the whole certificate"). The words after the
//! cue are the thing set aside; when they name what the model answer tells the learner
//! to do, the answer turns its advice round, whatever it puts in its place.
//!
//! A **command** of the model answer (or its explanation) is a clause that opens with
//! a verb of [`COMMANDS`] in its base form (after *and*, *or*, *then*, *so*, *just*,
//! ...). What it advises is read in **chunks**, the content words after the verb split
//! at prepositions, at most [`CHUNK`] words each and [`CHUNKS`] chunks ("enable | TCP
//! keepalive | with | an idle time": `tcp keepalive`, `idle time`), up to a word that
//! sets aside or limits (*rather*, *instead*, *not*, *only*, *than*, *unless*); a
//! leading pronoun and preposition are passed over ("schedule it in UTC": `utc`). The
//! two words before a *rather than* or *instead of* in a command are a chunk too.
//!
//! The answer's clause must advise as well: it opens with such a verb or has a modal
//! (*should*, *must*, *'d*, *would*) before the cue, or the cue opens it and the next
//! clause opens with such a verb ("Rather than X, use Y"). What it passes over is the
//! first one or two content words after the cue (a leading *-ing* verb aside: "rather
//! than adding keepalives"), and it is the model's advice when they lie in one chunk
//! and include its last word, the chunk's head ("rather than in a volume" does not
//! pass over "a named volume managed by the daemon", whose head is *managed*: too
//! loose to tell). Not read as passing over: a thing that the model answer, its
//! explanation or the question itself sets aside anywhere (each word of it within four
//! words after a negation, *rather*, *instead*, *unlike*, *than*, *without* or
//! *except*: "use a named volume instead of a bind mount" does not advise bind
//! mounts); a choice between two pieces of the model's advice (what the answer prefers
//! holds a whole chunk of another command, with a word the one passed over lacks:
//! "clamp the MSS rather than lowering the MTU", where the model answer offers both);
//! a thing named on both sides of the cue; and a clause that is supposed (*if*,
//! *unless* before it in its sentence) or denied before the cue.

use super::{Contradiction, clause_text, content};
use crate::grade::matcher::PreparedAnswer;
use crate::grade::token::Token;
use std::sync::Arc;

/// The answer words that start the rule (*rather* of *rather than*, *instead* of
/// *instead of*).
pub(super) const CUES: [&str; 2] = ["rather", "instead"];

/// Verbs in their base form that open a command: what a model answer tells the learner
/// to do. Words that are as often nouns at a clause's start (*cache*, *index*, *lock*,
/// *build*) are left out.
const COMMANDS: &[&str] = &[
    "use",
    "run",
    "set",
    "enable",
    "disable",
    "add",
    "schedule",
    "pin",
    "send",
    "put",
    "serve",
    "keep",
    "make",
    "allow",
    "clamp",
    "lower",
    "raise",
    "increase",
    "reduce",
    "turn",
    "switch",
    "let",
    "give",
    "configure",
    "store",
    "mount",
    "replace",
    "prefer",
    "pass",
    "start",
    "stop",
    "remove",
    "delete",
    "rotate",
    "revoke",
    "verify",
    "measure",
    "call",
    "return",
    "bind",
    "sign",
    "scan",
    "reference",
    "pull",
    "deploy",
    "publish",
    "change",
    "install",
    "create",
    "copy",
    "move",
    "limit",
    "cap",
    "retry",
    "flush",
    "rewrite",
    "sort",
    "compare",
    "choose",
    "pick",
    "ship",
    "drop",
    "block",
    "check",
    "apply",
    "water",
    "feed",
    "take",
    "write",
    "route",
    "fetch",
    "load",
    "watch",
    "go",
];

/// Words that may stand before a command's verb at its clause's start.
const OPENERS: &[&str] = &[
    "and", "or", "then", "so", "but", "just", "always", "first", "also", "instead", "simply", "fix",
];

/// Prepositions, which end one chunk of a command's object and start the next.
const PREPOSITIONS: &[&str] = &[
    "with", "by", "for", "on", "in", "at", "to", "from", "via", "through", "into", "onto", "over",
    "under", "of", "as", "inside", "within", "behind", "across",
];

/// Modals that make a clause advice ("you should", "I'd").
const MODALS: &[&str] = &["should", "must", "d", "would", "better"];

/// At most this many content words make one chunk of a command's object.
const CHUNK: usize = 2;

/// At most this many chunks are read after a command's verb.
const CHUNKS: usize = 2;

/// How far after a word that sets aside its words are set aside.
const ASIDE_REACH: usize = 4;

/// A command of the model answer.
struct Command {
    /// What it advises, in chunks of content stems.
    chunks: Vec<Vec<Arc<str>>>,
    text: String,
}

/// The commands of a question's model texts, and the words those texts or the question
/// set aside.
#[derive(Default)]
pub(super) struct Commands {
    commands: Vec<Command>,
    /// Sorted stems that the model texts or the question set aside somewhere.
    aside: Vec<Arc<str>>,
}

/// Whether a word sets aside or limits what follows it in a command.
fn ends_object(token: &Token) -> bool {
    token.negation
        || matches!(
            &*token.norm,
            "rather" | "instead" | "than" | "only" | "unless" | "except" | "unlike" | "if"
        )
}

/// Whether a word sets aside the words after it.
fn sets_aside(token: &Token) -> bool {
    token.negation
        || matches!(
            &*token.norm,
            "rather" | "instead" | "unlike" | "than" | "without" | "except"
        )
}

/// The non-part tokens of clause `clause` of `tokens`, in order.
fn clause_words(tokens: &[Token], clause: u32) -> Vec<usize> {
    (0..tokens.len())
        .filter(|&i| !tokens[i].part && tokens[i].place.clause == clause)
        .collect()
}

/// Where a clause's command verb stands, if the clause (its words `words`) opens with
/// one, after any [`OPENERS`].
fn command_verb(tokens: &[Token], words: &[usize]) -> Option<usize> {
    let &verb = words
        .iter()
        .find(|&&i| !OPENERS.contains(&&*tokens[i].norm))?;
    COMMANDS.contains(&&*tokens[verb].norm).then_some(verb)
}

/// The cue at `i`, *rather than* or *instead of*: where its second word stands.
fn cue_end(tokens: &[Token], words: &[usize], i: usize) -> Option<usize> {
    let k = words.iter().position(|&w| w == i)?;
    let &next = words.get(k + 1)?;
    let second = match &*tokens[i].norm {
        "rather" => matches!(&*tokens[next].norm, "than" | "then"),
        "instead" => &*tokens[next].norm == "of",
        _ => false,
    };
    second.then_some(next)
}

/// The chunks of what the verb at `verb` advises, among its clause's words `words`.
fn chunks(tokens: &[Token], words: &[usize], verb: usize) -> Vec<Vec<Arc<str>>> {
    let mut chunks: Vec<Vec<Arc<str>>> = Vec::new();
    let mut chunk: Vec<Arc<str>> = Vec::new();
    for &j in words.iter().filter(|&&j| j > verb) {
        let t = &tokens[j];
        if ends_object(t) {
            break;
        }
        if content(t) {
            if chunk.len() < CHUNK {
                chunk.push(t.stem.clone());
            }
        } else if PREPOSITIONS.contains(&&*t.norm) && !chunk.is_empty() {
            chunks.push(std::mem::take(&mut chunk));
            if chunks.len() == CHUNKS {
                break;
            }
        } else if matches!(&*t.norm, "and" | "or") && !chunk.is_empty() {
            break;
        }
    }
    if !chunk.is_empty() && chunks.len() < CHUNKS {
        chunks.push(chunk);
    }
    chunks
}

/// The content stems of `words`, the verb at `skip` aside.
fn stems_of(tokens: &[Token], words: &[usize], skip: Option<usize>) -> Vec<Arc<str>> {
    words
        .iter()
        .filter(|&&i| Some(i) != skip && content(&tokens[i]))
        .map(|&i| tokens[i].stem.clone())
        .collect()
}

impl Commands {
    /// The commands of `texts` (the model answer and explanation), and what they and
    /// `asked` (the question) set aside.
    pub(super) fn of(texts: &[&PreparedAnswer], asked: &PreparedAnswer) -> Commands {
        let mut commands = Vec::new();
        let mut aside = Vec::new();
        for text in texts.iter().copied().chain([asked]) {
            let tokens = text.tokens();
            for (i, t) in tokens.iter().enumerate() {
                if t.part || !sets_aside(t) {
                    continue;
                }
                let clause = t.place.clause;
                aside.extend(
                    tokens[i + 1..]
                        .iter()
                        .filter(|u| !u.part)
                        .take(ASIDE_REACH)
                        .filter(|u| u.place.clause == clause && content(u))
                        .map(|u| u.stem.clone()),
                );
            }
        }
        for text in texts {
            let tokens = text.tokens();
            // The words of each clause, in one pass (a clause's words stand together).
            let mut clauses: Vec<Vec<usize>> = Vec::new();
            for (i, t) in tokens.iter().enumerate().filter(|(_, t)| !t.part) {
                match clauses.last_mut() {
                    Some(words) if tokens[words[0]].place.clause == t.place.clause => {
                        words.push(i);
                    }
                    _ => clauses.push(vec![i]),
                }
            }
            for words in clauses {
                let clause = tokens[words[0]].place.clause;
                let Some(verb) = command_verb(tokens, &words) else {
                    continue;
                };
                let mut chunks = chunks(tokens, &words, verb);
                // The thing a command prefers to another: the words before its cue.
                if let Some(cue) = words
                    .iter()
                    .copied()
                    .find(|&i| cue_end(tokens, &words, i).is_some())
                {
                    let before: Vec<usize> = words.iter().copied().filter(|&i| i < cue).collect();
                    let mut stems = stems_of(tokens, &before, Some(verb));
                    let from = stems.len().saturating_sub(CHUNK);
                    stems.drain(..from);
                    if !stems.is_empty() && !chunks.contains(&stems) {
                        chunks.push(stems);
                    }
                }
                if !chunks.is_empty() {
                    commands.push(Command {
                        chunks,
                        text: clause_text(text, clause),
                    });
                }
            }
        }
        aside.sort_unstable();
        aside.dedup();
        Commands { commands, aside }
    }

    /// Whether the model texts give no command.
    pub(super) fn is_empty(&self) -> bool {
        self.commands.is_empty()
    }

    /// The first clause of `answer` that passes over a command of the model answer for
    /// another thing; `at` holds the answer's words of [`CUES`]' stems.
    pub(super) fn passed_over(
        &self,
        answer: &PreparedAnswer,
        at: &[usize],
    ) -> Option<Contradiction> {
        let tokens = answer.tokens();
        for &i in at {
            let clause = tokens[i].place.clause;
            let words = clause_words(tokens, clause);
            let Some(end) = cue_end(tokens, &words, i) else {
                continue;
            };
            let sentence = tokens[i].place.sentence;
            let supposed = tokens[..i].iter().any(|t| {
                t.place.sentence == sentence
                    && !t.part
                    && matches!(&*t.norm, "if" | "unless" | "whether")
            });
            let before: Vec<usize> = words.iter().copied().filter(|&w| w < i).collect();
            if supposed || before.iter().any(|&w| tokens[w].negation) {
                continue;
            }
            // What the answer prefers: the clause before the cue, or, when the cue opens
            // its clause, the clause after it.
            let preferred: Vec<usize> = if before.iter().any(|&w| content(&tokens[w])) {
                let advises = command_verb(tokens, &before).is_some()
                    || before.iter().any(|&w| MODALS.contains(&&*tokens[w].norm));
                if !advises {
                    continue;
                }
                before
            } else {
                let Some(next) = tokens[end..]
                    .iter()
                    .find(|t| !t.part && t.place.clause != clause)
                    .map(|t| t.place.clause)
                else {
                    continue;
                };
                let next = clause_words(tokens, next);
                if command_verb(tokens, &next).is_none() {
                    continue;
                }
                next
            };
            let set_aside = set_aside(tokens, &words, end);
            if set_aside.is_empty() || set_aside.iter().all(|s| self.aside.contains(s)) {
                continue;
            }
            let verb = command_verb(tokens, &preferred);
            let prefers = stems_of(tokens, &preferred, verb);
            if set_aside.iter().all(|s| prefers.contains(s)) {
                continue;
            }
            let Some(command) = self.commands.iter().find(|c| {
                c.chunks.iter().any(|chunk| {
                    set_aside.iter().all(|s| chunk.contains(s))
                        && chunk.last().is_some_and(|head| set_aside.contains(head))
                })
            }) else {
                continue;
            };
            // A choice between two pieces of the model's advice: what the answer prefers
            // holds a whole chunk of another command, with a word the passed-over
            // command does not have.
            let own = |s: &Arc<str>| command.chunks.iter().any(|c| c.contains(s));
            let other = self
                .commands
                .iter()
                .filter(|c| !std::ptr::eq(*c, command))
                .flat_map(|c| &c.chunks)
                .any(|chunk| {
                    chunk.iter().all(|s| prefers.contains(s)) && chunk.iter().any(|s| !own(s))
                });
            if other {
                continue;
            }
            return Some(Contradiction::quoting(
                "advice passed over",
                clause_text(answer, clause),
                &command.text,
                words
                    .iter()
                    .filter(|&&w| w >= i)
                    .map(|&w| tokens[w].norm.to_string())
                    .collect(),
            ));
        }
        None
    }
}

/// What the cue ending at `end` sets aside: the first one or two content stems after
/// it in its clause (`words`), a leading *-ing* verb aside, up to the next stop word
/// after the first.
fn set_aside(tokens: &[Token], words: &[usize], end: usize) -> Vec<Arc<str>> {
    let mut out: Vec<Arc<str>> = Vec::new();
    let mut first = true;
    for &w in words.iter().filter(|&&w| w > end) {
        let t = &tokens[w];
        if content(t) {
            if first && out.is_empty() && t.norm.ends_with("ing") {
                first = false;
                continue;
            }
            first = false;
            out.push(t.stem.clone());
            if out.len() == CHUNK {
                break;
            }
        } else if !out.is_empty() || t.negation {
            break;
        }
    }
    out
}
