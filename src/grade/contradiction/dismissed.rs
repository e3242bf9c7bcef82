//! The model answer's advice dismissed: an answer that says a thing the model answer
//! puts forward plainly *won't help*, *doesn't matter*, *is no fix*, *is useless*,
//! *pointless*, *unnecessary* or *not needed* ("a multi-stage build won't help here"
//! where the model answer says "use a multi-stage build so compilers stay out of the
//! runtime image"). A right answer dismisses only what the model answer dismisses too
//! ("more CPU won't help" beside "raising the CPU limit ... will have no effect"), so
//! the dismissal of a thing the model answer only ever advises turns its claim round.
//!
//! Narrow on purpose: the thing dismissed is the subject of the cue, the content words
//! before it in its clause (two to four of them: one alone is often a word the model
//! answer uses in another role); every one of them must stand in one
//! sentence of the model answer (or its explanation) that has no negation and sets
//! nothing aside or limits nothing (*instead*, *rather*, *avoid*, *than*, *unlike*,
//! *only*, *except*: "published ports are only for reaching a service from the host"
//! advises them for that alone), and in no sentence that has one ("Turning the firewall off would not help" dismisses it). Not read: a
//! sentence that supposes before it (*if*, *unless*), one that limits the dismissal (*alone*,
//! *only*, *itself*, *enough*, *much*, *just*), and one that compares. It is not
//! responsible for plain denials of what a thing does (see the parent module).

use super::{Contradiction, clause_text, compares_word, content, is_adverb, is_be};
use crate::grade::matcher::PreparedAnswer;
use crate::grade::token::Token;
use std::sync::Arc;

/// The words that end a dismissal; an answer word of one of them starts the rule.
pub(super) const CUES: [&str; 11] = [
    "help",
    "helps",
    "matter",
    "matters",
    "fix",
    "useless",
    "pointless",
    "unnecessary",
    "irrelevant",
    "needed",
    "necessary",
];

/// How many content words the thing dismissed may have: a longer stretch before the
/// cue is no subject of it but a clause of its own, and one word alone is too often a
/// word the model answer uses in another role ("checking again doesn't fix it" beside
/// "between the check and the open").
const SUBJECT: std::ops::RangeInclusive<usize> = 2..=4;

/// A sentence of the model answer or its explanation.
struct Sentence {
    /// Its content stems, sorted.
    stems: Vec<Arc<str>>,
    /// It denies or sets aside something: what it names is not advised.
    sets_aside: bool,
    text: String,
}

/// The sentences of a question's model texts, ready to tell advice from dismissal.
#[derive(Default)]
pub(super) struct Advice {
    sentences: Vec<Sentence>,
}

/// Whether a word denies, sets aside or limits a thing in its sentence.
fn sets_aside(token: &Token) -> bool {
    token.negation
        || compares_word(&token.norm)
        || matches!(
            &*token.norm,
            "instead" | "rather" | "avoid" | "avoids" | "only" | "except" | "exclusively"
        )
}

/// Words that limit a dismissal to part of a thing ("a slim base alone won't help").
fn limits(word: &str) -> bool {
    matches!(
        word,
        "alone" | "only" | "itself" | "enough" | "much" | "just" | "by"
    )
}

impl Advice {
    /// The sentences of `texts` (the model answer and explanation).
    pub(super) fn of(texts: &[&PreparedAnswer]) -> Advice {
        let mut sentences = Vec::new();
        for text in texts {
            let tokens = text.tokens();
            let last = tokens.last().map_or(0, |t| t.place.sentence + 1);
            for sentence in 0..last {
                let words = || tokens.iter().filter(move |t| t.place.sentence == sentence);
                let mut stems: Vec<Arc<str>> = words()
                    .filter(|t| content(t))
                    .map(|t| t.stem.clone())
                    .collect();
                if stems.is_empty() {
                    continue;
                }
                stems.sort_unstable();
                stems.dedup();
                let sets_aside = words().any(|t| !t.part && sets_aside(t));
                let text = words()
                    .filter(|t| !t.part)
                    .map(|t| &*t.norm)
                    .collect::<Vec<_>>()
                    .join(" ");
                sentences.push(Sentence {
                    stems,
                    sets_aside,
                    text,
                });
            }
        }
        Advice { sentences }
    }

    /// Whether the model texts have no sentence at all.
    pub(super) fn is_empty(&self) -> bool {
        self.sentences.is_empty()
    }

    /// The first dismissal in `answer` of a thing the model answer advises; `at` holds
    /// the answer's words of [`CUES`]' stems.
    pub(super) fn dismissed(&self, answer: &PreparedAnswer, at: &[usize]) -> Option<Contradiction> {
        let tokens = answer.tokens();
        for &i in at {
            let Some(start) = cue_start(tokens, i) else {
                continue;
            };
            let clause = tokens[i].place.clause;
            let words = || {
                tokens
                    .iter()
                    .filter(|t| t.place.clause == clause && !t.part)
            };
            // A supposition may open the sentence in a clause of its own ("if the flour
            // is old, feeding it won't help").
            let sentence = tokens[i].place.sentence;
            let supposed = tokens[..i].iter().any(|t| {
                t.place.sentence == sentence
                    && !t.part
                    && matches!(&*t.norm, "if" | "unless" | "whether")
            });
            if supposed || words().any(|t| limits(&t.norm) || compares_word(&t.norm)) {
                continue;
            }
            let mut subject: Vec<Arc<str>> = tokens[..start]
                .iter()
                .filter(|t| t.place.clause == clause && content(t))
                .map(|t| t.stem.clone())
                .collect();
            subject.sort_unstable();
            subject.dedup();
            if !SUBJECT.contains(&subject.len()) {
                continue;
            }
            let names = |s: &Sentence| subject.iter().all(|w| s.stems.binary_search(w).is_ok());
            if self.sentences.iter().any(|s| s.sets_aside && names(s)) {
                continue;
            }
            if let Some(advice) = self.sentences.iter().find(|s| !s.sets_aside && names(s)) {
                return Some(Contradiction::quoting(
                    "dismissed advice",
                    clause_text(answer, clause),
                    &advice.text,
                    tokens[start..=i]
                        .iter()
                        .filter(|t| !t.part)
                        .map(|t| t.norm.to_string())
                        .collect(),
                ));
            }
        }
        None
    }
}

/// Where the dismissal that ends at token `i` starts, if `i` ends one: a negation (and
/// an adverb) before *help*, *matter* or *fix* ("won't help", "does not really
/// matter"), *no* or *not a* before *fix* ("is no fix"), a form of *be* before
/// *useless*, *pointless*, *unnecessary* or *irrelevant*, and *be* and a negation
/// before *needed* or *necessary* ("is not needed").
fn cue_start(tokens: &[Token], i: usize) -> Option<usize> {
    let clause = tokens[i].place.clause;
    let before = |k: usize| {
        (0..k)
            .rev()
            .find(|&j| !tokens[j].part)
            .filter(|&j| tokens[j].place.clause == clause)
    };
    let mut k = before(i)?;
    match &*tokens[i].norm {
        "help" | "helps" | "matter" | "matters" | "fix" => {
            if &*tokens[i].norm == "fix" {
                if &*tokens[k].norm == "no" {
                    return Some(k);
                }
                if &*tokens[k].norm == "a" {
                    let not = before(k).filter(|&j| &*tokens[j].norm == "not")?;
                    return Some(not);
                }
            }
            if is_adverb(&tokens[k].norm) {
                k = before(k)?;
            }
            tokens[k].negation.then_some(k)
        }
        "useless" | "pointless" | "unnecessary" | "irrelevant" => {
            is_be(&tokens[k].norm).then_some(k)
        }
        "needed" | "necessary" => {
            let be = before(k).filter(|&j| is_be(&tokens[j].norm));
            (tokens[k].negation && be.is_some()).then_some(be?)
        }
        _ => None,
    }
}
