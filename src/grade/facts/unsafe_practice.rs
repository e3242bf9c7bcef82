//! Practices of the register that are unsafe whatever the question: a right answer with
//! one such piece of advice added ("log the shared secret along with the request", "the
//! provider should also send the secret in a header", "the file must be mode 0777").
//! A secret, a password or a private key is never logged, printed or sent to the one
//! who checks it, and nothing is made writable by everyone; so when no text of the
//! question (prompt, situation, model answer, explanation) talks of doing so, an answer
//! that says it plainly adds a claim the examiner did not make and that is nearly
//! always wrong.
//!
//! Each kind is one of [`KINDS`]: a cue that states it in an answer, and the same cue
//! found anywhere in the question's texts (negated or not) makes the kind theirs to
//! talk about (a question on the umask writes `666` and `777`). A cue under a negation
//! or just after one ("don't chmod 777 the folder"), or in a clause that supposes or
//! only says what could happen ("if the app logs the password", "anyone could read a
//! secret sent in a header"), advises nothing. Not done: a secret passed in an
//! environment variable or a build argument, which questions of the register weigh
//! each in their own way (the banks' misconceptions say it where it is wrong).

use super::KNOWN;
use super::absolute::{followed_by, plain_cue};
use crate::grade::contrast::Contradiction;
use crate::grade::matcher::{PreparedAnswer, Vocab};
use crate::grade::token::{Parts, Token, tokenize};
use rust_stemmers::Stemmer;
use std::sync::Arc;

/// A kind of unsafe practice.
struct Kind {
    /// What is wrong with it, for the explanation.
    says: &'static str,
    /// The words that open its cue: they join the question's vocabulary, so the rule
    /// looks only where an answer has one.
    opens: &'static [&'static str],
    /// Whether the word at `i` opens a cue of this kind; the index of the cue's last
    /// word when it does.
    cue: fn(&[Token], usize) -> Option<usize>,
}

/// The kinds of unsafe practice, written from how systems are kept safe, not from any
/// answer.
const KINDS: &[Kind] = &[
    Kind {
        says: "a secret, a password or a private key is never logged, printed or sent \
               to anyone who checks it; only what is computed with it is",
        opens: GIVES_AWAY,
        cue: |tokens, i| {
            if !GIVES_AWAY.contains(&&*tokens[i].norm) {
                return None;
            }
            let k = object(tokens, i)?;
            if &*tokens[k].norm == "private" {
                followed_by(tokens, k, 1, |w| matches!(w, "key" | "keys"))
            } else {
                Some(k)
            }
        },
    },
    Kind {
        says: "nothing is made writable by everyone (mode 777 or 666): a file or folder is \
               given to the user or group that needs it",
        opens: WORLD_WRITABLE,
        cue: |tokens, i| WORLD_WRITABLE.contains(&&*tokens[i].norm).then_some(i),
    },
];

/// The most words between a verb that gives something away and the secret it gives.
const SECRET_REACH: usize = 3;

/// Verbs that hand a thing to others or write it where others read it.
const GIVES_AWAY: &[&str] = &[
    "log",
    "logs",
    "logged",
    "logging",
    "print",
    "prints",
    "printed",
    "printing",
    "echo",
    "echoes",
    "echoed",
    "send",
    "sends",
    "sent",
    "sending",
    "transmit",
    "transmits",
    "transmitted",
    "email",
    "emails",
    "emailed",
    "expose",
    "exposes",
    "exposed",
];

/// Modes that let everyone write.
const WORLD_WRITABLE: &[&str] = &[
    "777",
    "0777",
    "666",
    "0666",
    "a+w",
    "o+w",
    "a+rwx",
    "o+rwx",
    "rwxrwxrwx",
];

/// Whether `word` is a secret (or *private*, of a private key).
fn secret(word: &str) -> bool {
    matches!(
        word,
        "secret" | "secrets" | "password" | "passwords" | "private"
    )
}

/// Words that may stand between a verb and its object: determiners and the words that
/// say whose or which secret it is ("the shared secret", "the user's password").
fn before_object(word: &str) -> bool {
    crate::lang::is_determiner(word)
        || matches!(
            word,
            "its"
                | "their"
                | "your"
                | "our"
                | "his"
                | "her"
                | "shared"
                | "user"
                | "users"
                | "client"
                | "own"
                | "raw"
                | "plain"
                | "plaintext"
                | "actual"
                | "real"
        )
}

/// The secret a verb at `i` takes as its object: the first word after it that is not
/// [`before_object`], within [`SECRET_REACH`] words of its clause ("log rotation and
/// secrets" logs no secret).
fn object(tokens: &[Token], i: usize) -> Option<usize> {
    let clause = tokens[i].place.clause;
    let k = (i + 1..tokens.len())
        .filter(|&k| !tokens[k].part)
        .take(SECRET_REACH)
        .take_while(|&k| tokens[k].place.clause == clause)
        .find(|&k| !before_object(&tokens[k].norm))?;
    secret(&tokens[k].norm).then_some(k)
}

/// Words that make a clause suppose, or say what could happen, rather than advise
/// (a cue after one in its clause advises nothing, nor restricts: see `restriction`).
pub(super) fn hypothetical(word: &str) -> bool {
    matches!(
        word,
        "if" | "unless"
            | "whether"
            | "would"
            | "could"
            | "might"
            | "may"
            | "can"
            | "otherwise"
            | "else"
            | "risk"
            | "risks"
    )
}

/// A question's unsafe practices to check answers against.
#[derive(Default)]
pub struct Unsafe {
    /// The kinds (bits of [`KINDS`]) whose cue no text of the question has: those left
    /// to an answer to get wrong.
    open: u8,
    /// The vocabulary words that open a cue of an open kind.
    triggers: Vec<u32>,
}

impl Unsafe {
    /// The kinds left open by `texts` (the question's prompt and situation, model
    /// answer and explanation); the words that open their cues join `vocab`.
    pub fn new<'a>(
        texts: impl IntoIterator<Item = &'a PreparedAnswer>,
        stemmer: &Stemmer,
        vocab: &mut Vocab,
    ) -> Unsafe {
        let mut open = (1u8 << KINDS.len()) - 1;
        for text in texts {
            let tokens = text.tokens();
            for (k, kind) in KINDS.iter().enumerate() {
                if open & 1 << k != 0 && (0..tokens.len()).any(|i| (kind.cue)(tokens, i).is_some())
                {
                    open &= !(1 << k);
                }
            }
        }
        let mut stems: Vec<Arc<str>> = Vec::new();
        let mut triggers = Vec::new();
        let words = KINDS
            .iter()
            .enumerate()
            .filter(|(k, _)| open & 1 << k != 0)
            .flat_map(|(_, kind)| kind.opens.iter());
        for word in words {
            for token in tokenize(word, stemmer, Parts::Skip).into_iter().take(1) {
                if !stems.contains(&token.stem) {
                    stems.push(token.stem.clone());
                    triggers.push(vocab.intern_exact(token));
                }
            }
        }
        Unsafe { open, triggers }
    }

    /// The first unsafe practice of an open kind that `answer` states plainly.
    pub fn advised(&self, answer: &PreparedAnswer) -> Option<Contradiction> {
        if self.open == 0 {
            return None;
        }
        let mut at: Vec<usize> = self
            .triggers
            .iter()
            .flat_map(|&w| answer.tokens_of(w))
            .collect();
        if at.is_empty() {
            return None;
        }
        at.sort_unstable();
        at.dedup();
        let cue = |k: usize, tokens: &[Token], i: usize| (KINDS[k].cue)(tokens, i);
        let plain = plain_cue(answer, self.open, at, KINDS.len(), cue, hypothetical)?;
        let (first, last, kind) = (plain.first, plain.last, plain.kind);
        let said: Vec<&str> = (first..=last)
            .filter(|&j| !answer.tokens()[j].part)
            .map(|j| answer.word(j))
            .collect();
        Some(Contradiction {
            role: format!("{KNOWN}unsafe practice"),
            said: said.join(" "),
            model: KINDS[kind].says.to_owned(),
            anchor: None,
            matched: vec![answer.word(first).to_owned()],
        })
    }
}
