//! What a derived rubric's model answer advises against, and an answer that advises it:
//! "Avoid --privileged, which turns all of this off" answered "to tighten it, run the
//! container with --privileged", or "Do not truncate the live table" answered "truncate
//! the live table and COPY the rows in". A derived rubric turns the refused word into a
//! negated concept, and an answer that advises it only loses that concept's weight;
//! naming the model answer's other advice, it passed. [`super::affirmed`] reads the
//! same thing said of a subject ("distroless has no shell"); this is its imperative
//! form, which has no subject.
//!
//! A **refusal** of the model answer is a command that opens its clause (after *and*,
//! *so*, *but*, *then*, or a subject *I*, *you*, *we* with a modal): *avoid*, *never*,
//! *do not* (the tokenizer spells *don't* so), or a modal with *not* or *never* ("you
//! should never"). What it refuses is, after *avoid*, the head of its object ("avoid
//! --privileged"); after the others, a code-like word ([`Class::Code`], [`Class::Exact`])
//! right after the cue or within [`GENERIC_REACH`] words of the verb after it ("never
//! run it with --privileged", "never use pg_resetwal", "never commit with
//! --no-verify"), else, unless the verb only puts a thing to use ([`GENERIC`]), the
//! verb and the head of its object ("do not truncate the live table"). A model answer that itself advises the refused
//! thing somewhere refuses it only in one case and is left alone.
//!
//! An answer **advises** it when a clause of it opens with a command (the same openers)
//! whose verb is one of [`COMMANDS`] or the model answer's own verb, with the refused
//! word within [`REACH`] words after it ("run the container with --privileged", "I'd start from --cap-drop ALL and then add
//! --privileged"), or with the refused verb itself, the refused object among its
//! object's words ("truncate the live table"); from the command to the end of the
//! clause nothing negates, sets aside or takes away (the lists of
//! [`super::affirmed`], *just* aside: "just run it with --privileged" advises it),
//! nothing before it in the sentence supposes (*if*, *when*, *unless*, ...: "if you
//! run it with --privileged, all of this is off" says what goes wrong), and the answer
//! refuses the word nowhere ("keep --privileged for debugging, never for the service").
//! A word named as what goes wrong ("--privileged turns all of this off") or as what
//! to take instead of ("instead of --privileged, add the one capability") advises
//! nothing.

use super::affirmed::plain_sparing;
use super::bindings::{content, contradiction, object, text};
use crate::grade::contrast::Contradiction;
use crate::grade::matcher::PreparedAnswer;
use crate::grade::token::{Class, Token};

/// Verbs that put a thing to use, in their base (imperative) form: the commands an
/// answer advises a flag or a tool with.
pub(super) const COMMANDS: &[&str] = &[
    "use",
    "run",
    "start",
    "launch",
    "add",
    "pass",
    "set",
    "enable",
    "give",
    "grant",
    "turn",
    "switch",
    "apply",
    "put",
    "keep",
    "mount",
    "allow",
    "include",
    "rely",
    "reach",
    "try",
    "go",
    "deploy",
    "configure",
    "specify",
    "append",
    "prefix",
    "opt",
    "choose",
    "pick",
];

/// Usage verbs after a refusal that say nothing of their own: what is refused is the
/// code-like word after them ("never run it with --privileged").
const GENERIC: &[&str] = &[
    "use", "using", "run", "running", "start", "starting", "pass", "passing", "enable", "enabling",
    "add", "adding", "set", "setting", "give", "giving", "grant", "granting", "reach", "apply",
    "applying",
];

/// How many words after a usage verb a refused code-like word may stand.
const GENERIC_REACH: usize = 4;

/// How many words may stand between an answer's command and the refused word.
const REACH: usize = 8;

/// Words that open an answer's clause before its command without making it any less
/// a command.
const OPENERS: &[&str] = &[
    "and", "so", "but", "then", "just", "simply", "also", "first", "always", "plus", "or",
];

/// Modals after which a first- or second-person subject advises: "I'd", "you should".
const MODALS: &[&str] = &["would", "d", "should", "must", "can", "could", "ll", "will"];

/// Subjects that, with a modal, give advice.
const ADVISERS: &[&str] = &["i", "you", "we"];

/// Words that suppose or set a condition: what follows in the sentence says what would
/// happen, not what to do.
const SUPPOSING: &[&str] = &[
    "if", "when", "whenever", "unless", "once", "because", "since", "though", "although",
];

/// What the model answer refuses: a code-like word, or a verb and its object's head.
#[derive(Debug, Clone)]
enum Refused {
    /// A thing to leave alone ("avoid --privileged", "never commit with --no-verify"):
    /// its stem, and the verb the model answer refuses it with, if any.
    Thing(u64, String),
    /// A verb (its word as written, the base form) and the stems of its object's words.
    Act(String, u64),
}

/// The model answer's refusals, ready to check answers against.
#[derive(Debug, Default)]
pub struct Advised {
    /// Each refusal and the model answer's words for it.
    model: Vec<(Refused, String)>,
}

impl Advised {
    /// The refusals of `model` (a derived rubric's model answer, prepared).
    pub fn new(model: &PreparedAnswer) -> Advised {
        let tokens = model.tokens();
        let mut refusals = Vec::new();
        for (cue, t) in tokens.iter().enumerate() {
            if t.part || !t.is_negation() || !commands(tokens, cue) {
                continue;
            }
            let Some((refused, last)) = refused(model, cue) else {
                continue;
            };
            if advises(model, &refused).is_some() {
                continue;
            }
            refusals.push((refused, text(model, (cue, last))));
        }
        Advised { model: refusals }
    }

    /// The first clause of `answer` that advises what the model answer refuses.
    pub fn check(&self, answer: &PreparedAnswer) -> Option<Contradiction> {
        for (refused, said) in &self.model {
            if refuses(answer, refused) {
                continue;
            }
            if let Some(span) = advises(answer, refused) {
                return Some(contradiction(
                    "advised",
                    answer,
                    span,
                    format!("\"{said}\" (the model answer advises against it)"),
                ));
            }
        }
        None
    }
}

/// Whether the negation cue at `cue` opens its clause as a command: *avoid*, *never*,
/// or the *not* of *do not*, after [`OPENERS`] only, or a *not*/*never* after a modal
/// with no subject or an [`ADVISERS`] one ("you should never").
fn commands(tokens: &[Token], cue: usize) -> bool {
    let norm = &*tokens[cue].norm;
    let mut before = words_before(tokens, cue);
    match norm {
        "avoid" | "never" => opens(tokens, before),
        "not" => match before.next() {
            Some(k) if &*tokens[k].norm == "do" => opens(tokens, before),
            Some(k) if MODALS.contains(&&*tokens[k].norm) => advised_by(tokens, before),
            _ => false,
        },
        _ => false,
    }
}

/// The words of token `at`'s clause before it, the nearest first (code tokens' parts
/// aside).
pub(super) fn words_before(tokens: &[Token], at: usize) -> impl Iterator<Item = usize> + '_ {
    let clause = tokens[at].place.clause;
    (0..at)
        .rev()
        .filter(|&k| !tokens[k].part)
        .take_while(move |&k| tokens[k].place.clause == clause)
}

/// Whether only [`OPENERS`] stand in `before` (a clause's words before a command, the
/// nearest first), or an [`ADVISERS`] subject with a modal does ("I'd run").
pub(super) fn opens(tokens: &[Token], mut before: impl Iterator<Item = usize>) -> bool {
    loop {
        match before.next() {
            None => return true,
            Some(k) if OPENERS.contains(&&*tokens[k].norm) => {}
            Some(k) if MODALS.contains(&&*tokens[k].norm) => return advised_by(tokens, before),
            Some(_) => return false,
        }
    }
}

/// Whether the word before a modal (the nearest of `before`) is an [`ADVISERS`] subject.
fn advised_by(tokens: &[Token], mut before: impl Iterator<Item = usize>) -> bool {
    before
        .next()
        .is_some_and(|k| ADVISERS.contains(&&*tokens[k].norm))
}

/// Whether `t` is code-like: a flag, a path, a setting, a word with a digit.
fn code_like(t: &Token) -> bool {
    t.class != Class::Word
}

/// What the refusal at `cue` refuses, and the index of its last word.
fn refused(model: &PreparedAnswer, cue: usize) -> Option<(Refused, usize)> {
    let tokens = model.tokens();
    let clause = tokens[cue].place.clause;
    let after: Vec<usize> = (cue + 1..tokens.len())
        .filter(|&k| !tokens[k].part)
        .take_while(|&k| tokens[k].place.clause == clause && model.cue(k) == Some(cue))
        .collect();
    let first = *after.first()?;
    if &*tokens[cue].norm == "avoid" {
        let head = object(tokens, after.iter().copied())?.last()?;
        return Some((Refused::Thing(tokens[head].stem_hash, String::new()), head));
    }
    if code_like(&tokens[first]) {
        return Some((
            Refused::Thing(tokens[first].stem_hash, String::new()),
            first,
        ));
    }
    if !content(&tokens[first]) && !GENERIC.contains(&&*tokens[first].norm) {
        return None;
    }
    let thing = after
        .iter()
        .copied()
        .skip(1)
        .take(GENERIC_REACH)
        .find(|&k| code_like(&tokens[k]));
    if let Some(thing) = thing {
        let verb = tokens[first].norm.to_string();
        return Some((Refused::Thing(tokens[thing].stem_hash, verb), thing));
    }
    if GENERIC.contains(&&*tokens[first].norm) {
        return None;
    }
    let head = object(tokens, after.iter().copied().skip(1))?.last()?;
    Some((
        Refused::Act(tokens[first].norm.to_string(), tokens[head].stem_hash),
        head,
    ))
}

/// Whether `answer` refuses the thing or the act anywhere: a negation governs one of
/// its words.
fn refuses(answer: &PreparedAnswer, refused: &Refused) -> bool {
    let stem = match refused {
        Refused::Thing(stem, _) | Refused::Act(_, stem) => *stem,
    };
    let tokens = answer.tokens();
    (0..tokens.len()).any(|k| !tokens[k].part && tokens[k].stem_hash == stem && answer.negated(k))
}

/// The span of the first command of `text` that advises what is refused.
fn advises(text: &PreparedAnswer, refused: &Refused) -> Option<(usize, usize)> {
    let tokens = text.tokens();
    for (verb, t) in tokens.iter().enumerate() {
        if t.part {
            continue;
        }
        let found = match refused {
            Refused::Thing(stem, refused) => {
                if !COMMANDS.contains(&&*t.norm) && *t.norm != **refused {
                    continue;
                }
                (verb + 1..tokens.len())
                    .filter(|&k| !tokens[k].part)
                    .take_while(|&k| tokens[k].place.clause == t.place.clause)
                    .take(REACH)
                    .find(|&k| tokens[k].stem_hash == *stem)
            }
            Refused::Act(word, stem) => {
                if *t.norm != **word {
                    continue;
                }
                let after = (verb + 1..tokens.len())
                    .filter(|&k| !tokens[k].part)
                    .take_while(|&k| tokens[k].place.clause == t.place.clause);
                object(tokens, after).and_then(|mut o| o.find(|&k| tokens[k].stem_hash == *stem))
            }
        };
        let Some(last) = found else {
            continue;
        };
        if opens(tokens, words_before(tokens, verb))
            && !supposed(tokens, verb)
            && plain(text, verb, last)
        {
            return Some((verb, last));
        }
    }
    None
}

/// Whether a word of [`SUPPOSING`] stands before token `at` in its sentence.
fn supposed(tokens: &[Token], at: usize) -> bool {
    let sentence = tokens[at].place.sentence;
    (0..at)
        .rev()
        .take_while(|&k| tokens[k].place.sentence == sentence)
        .any(|k| !tokens[k].part && SUPPOSING.contains(&&*tokens[k].norm))
}

/// Whether `answer`, from its command at `verb` to the end of the clause of token
/// `last`, has nothing that denies, sets aside or takes away (the command's own verb
/// and *just* aside).
fn plain(answer: &PreparedAnswer, verb: usize, last: usize) -> bool {
    let tokens = answer.tokens();
    plain_sparing(answer, verb, last, |j| {
        j == verb || &*tokens[j].norm == "just"
    })
}

#[cfg(test)]
mod tests;
