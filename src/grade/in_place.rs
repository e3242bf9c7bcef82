//! What an answer says in the place of an author's term, against it, where the term's
//! concept, missing, would only cost its weight:
//!
//! - **another code token of the same form** where a concept asks for a code keyword:
//!   `iam:PassRole` for `sts:AssumeRole` (a `service:Action` of letters), `type=volume`
//!   for `type=tmpfs` (the same key, another value), `Wanted-By=network-online.target`
//!   for `Wants=network-online.target` (the same value, another key). A token the model
//!   answer or the question uses, or that a concept of the rubric names, is no stand-in.
//! - **a relation pivoted on a function word said the other way round**: an `ordered`
//!   relation of three terms or more whose inner terms are stop words (`crash → before
//!   → ack`, `rdb → than → aof`) says which side comes first by that word, whatever the
//!   voice; an answer with its outer terms swapped around it ("acks before it crashes")
//!   says the reverse.
//! - **a concept carried by function words alone** (`both`, `all`, `only`, `before`),
//!   said in the other polarity than the model answer's ("not both"): the word is the
//!   claim, so denying it states the opposite.
//! - **a term the model answer denies, stated plainly**: a concept of one term that
//!   asks for the negation (the model answer states it only negated, "over plain HTTP
//!   without TLS", or the keyword is negated, `not a backup`) and that the answer
//!   states plainly only ("it uses TLS", "it is a backup of sorts"): the answer claims
//!   what the model answer denies, which is worse than leaving it out. A term after
//!   *until*, *till* or *before* in its clause claims nothing: "kept until it is
//!   acknowledged" names the end of the state "while unacknowledged" says.
//! - **a term the model answer states of a thing, denied of that thing**: a concept of
//!   one term the model answer states plainly ("root_squash, which is the default")
//!   that the answer states only as the complement of a negated *be* whose subject is a
//!   word of the model answer's clause ("root_squash is not the default"), or a word the
//!   rubric lists with one in its alternatives ("the discover is not broadcast").
//! - **a duration in another unit**: the answer gives durations ("loses at most 1
//!   hour"), the model answer gives some too ("about a second"), and no unit of the
//!   answer's is one of the model answer's or the question's. A duration is a number,
//!   a number word of two or more ("ten minutes"), or *a*, *an*, *one* after a word of
//!   quantity ("about a second", "half an hour"),
//!   before a unit of time, but not the value given a setting, a code token right
//!   before it (or before *to*, *at*: "set `tcp_keepalive_time` to 10 minutes"); the
//!   units are compared, so "5 seconds" for "1 second" is not refused, except that a
//!   duration as long as one of the model answer's or the question's is that one
//!   written in another unit ("24 hours" for "86400 seconds", "1000 ms" for "a
//!   second"; see [`token::seconds_at`]).
//!
//! Each is reported as a [`Contradiction`]; `grade::mod` fails the answer and says why.

use super::ConceptResult;
use super::compile::Matcher;
use super::compile::pairing::Pairing;
use super::contrast::Contradiction;
use super::matcher::{InModel, Pattern, Polarity, PreparedAnswer, Vocab};
use super::negation;
use super::token::{self, Class, Parts, Token, tokenize};
use crate::bank::{Concept, Question};
use crate::lang::edit_distance_within;
use rust_stemmers::Stemmer;
use std::sync::Arc;

/// What an answer may say in the place of a rubric's terms, compiled for a question.
#[derive(Default)]
pub struct InPlace {
    /// Per concept with code keywords: its index and those keywords.
    code: Vec<(usize, Vec<Arc<str>>)>,
    /// Every code keyword of the rubric, and the code tokens of the model answer and
    /// the question: none of them is a stand-in.
    known: Vec<Arc<str>>,
    /// Per ordered relation pivoted on function words: its index, and the relation
    /// with its terms turned round.
    turned: Vec<(usize, Matcher)>,
    /// The concepts carried by function words alone.
    function: Vec<usize>,
    /// Per concept of one term that asks for the negation: its index, its patterns
    /// that do, and the stems of the content words the model answer says only outside
    /// the sentences where it denies the term (see [`said_of_another`]).
    denials: Vec<(usize, Vec<Pattern>, Vec<Arc<str>>)>,
    /// The stems of the content words the model answer states under a negation
    /// ("without keeping any state", "instead of a queue entry"), when some concept is
    /// one of [`InPlace::denials`]: see [`restates_a_denial`].
    model_denies: Vec<Arc<str>>,
    /// The concepts of [`InPlace::denials`] whose term the model answer denies inside
    /// advice ("never reuse a nonce", "use a fresh key, never reusing one"): advice that
    /// says the term plainly is the opposite advice (see [`in_advice`]).
    advised_against: Vec<usize>,
    /// Per concept of one term that the model answer states plainly of something: its
    /// index, its plain patterns, and the stems of the words of the clause the model
    /// answer states it in (see [`said_of`]).
    affirmed: Vec<(usize, Vec<Pattern>, Vec<Arc<str>>)>,
    /// The units of the model answer's durations, and of the question's.
    units: Vec<&'static str>,
    asked_units: Vec<&'static str>,
    /// How many seconds the model answer's and the question's durations last, where
    /// their counts say.
    lengths: Vec<f64>,
}

impl InPlace {
    /// The stand-ins to look for in answers to `question`, whose rubric's `concepts`
    /// compiled to `matchers`; `texts` are its model answer, if any, and what it asks
    /// (its prompt and situation), tokenized.
    pub fn new(
        question: &Question,
        concepts: &[Concept],
        matchers: &[Matcher],
        texts: &[&PreparedAnswer],
        stemmer: &Stemmer,
    ) -> InPlace {
        let mut out = InPlace::default();
        let mut model_text = None;
        if let [model @ .., asked] = texts {
            out.units = model.iter().flat_map(|m| durations(m.tokens())).collect();
            out.asked_units = durations(asked.tokens());
            out.lengths = texts
                .iter()
                .flat_map(|t| timed(t.tokens()))
                .filter_map(|(_, seconds)| seconds)
                .collect();
            model_text = model.first().copied();
        }
        if question.rubric.is_none() {
            // A derived rubric has no author's terms to stand in for.
            return out;
        }
        let words = |keyword: &str| tokenize(keyword, stemmer, Parts::Skip);
        for (c, (concept, matcher)) in concepts.iter().zip(matchers).enumerate() {
            match (&concept.relation, matcher) {
                (None, _) => {
                    let tokens: Vec<Vec<Token>> =
                        concept.alternatives.iter().map(|k| words(k)).collect();
                    let code: Vec<Arc<str>> = tokens
                        .iter()
                        .filter_map(|t| match t.as_slice() {
                            [one] if one.class == Class::Code => Some(one.norm.clone()),
                            _ => None,
                        })
                        .collect();
                    out.known.extend(code.iter().cloned());
                    if code.iter().any(|k| form(k).is_some()) {
                        out.code.push((c, code));
                    }
                    let function = |t: &Vec<Token>| {
                        !t.is_empty()
                            && t.iter()
                                .all(|w| w.class == Class::Word && w.stop && !w.is_negation())
                    };
                    // A function word may come with words of one word that say the same
                    // (`all`, `every`, `unanimous`): the word is still the claim.
                    let one_word = |t: &Vec<Token>| matches!(t.as_slice(), [w] if w.class == Class::Word && !w.is_negation());
                    if tokens.iter().any(function)
                        && tokens.iter().all(|t| function(t) || one_word(t))
                    {
                        out.function.push(c);
                    }
                    if let Matcher::Any(patterns) = matcher {
                        let negated: Vec<Pattern> = patterns
                            .iter()
                            .filter(|p| p.polarity == Polarity::Negated)
                            .cloned()
                            .collect();
                        let asks_plain = negated.is_empty();
                        if !negated.is_empty() {
                            // Where the model answer denies the term's words, found once
                            // for both readings of them.
                            let term = content_stems(&tokens);
                            let mut elsewhere = Vec::new();
                            if let Some(m) = model_text {
                                let denied = denied_words(m, &term);
                                elsewhere = named_elsewhere(m, &term, &denied);
                                if denied_in_advice(m, &denied) {
                                    out.advised_against.push(c);
                                }
                            }
                            out.denials.push((c, negated, elsewhere));
                        }
                        let plain: Vec<Pattern> = patterns
                            .iter()
                            .filter(|p| {
                                p.polarity == Polarity::Plain && p.in_model == InModel::Plain
                            })
                            .cloned()
                            .collect();
                        let subjects = model_text
                            .map(|m| with_fellows(said_of(m, &tokens), c, concepts, stemmer))
                            .unwrap_or_default();
                        if !plain.is_empty() && asks_plain && !subjects.is_empty() {
                            out.affirmed.push((c, plain, subjects));
                        }
                    }
                }
                (
                    Some(relation),
                    Matcher::All {
                        terms,
                        within,
                        ordered: true,
                        ..
                    },
                ) if terms.len() >= 3 => {
                    let pivots = relation.terms[1..relation.terms.len() - 1].iter().all(|t| {
                        t.iter().all(|k| {
                            let w = words(k);
                            !w.is_empty() && w.iter().all(|w| w.class == Class::Word && w.stop)
                        })
                    });
                    if pivots {
                        // Three terms or more: no pairing by roles.
                        let turned = Matcher::All {
                            terms: terms.iter().rev().cloned().collect(),
                            within: *within,
                            ordered: true,
                            pairing: Pairing::default(),
                        };
                        out.turned.push((c, turned));
                    }
                }
                _ => {}
            }
        }
        if let Some(model) = model_text.filter(|_| !out.denials.is_empty()) {
            for (i, t) in model.tokens().iter().enumerate() {
                if model.negated(i)
                    && !t.part
                    && !t.stop
                    && !t.negation
                    && !out.model_denies.contains(&t.stem)
                {
                    out.model_denies.push(t.stem.clone());
                }
            }
        }
        for text in texts {
            out.known.extend(
                text.tokens()
                    .iter()
                    .filter(|t| t.class == Class::Code)
                    .map(|t| t.norm.clone()),
            );
        }
        out
    }

    /// The stand-ins `answer` says, given how each concept of the rubric fared in it.
    pub fn check(
        &self,
        answer: &PreparedAnswer,
        vocab: &Vocab,
        concepts: &mut [ConceptResult],
    ) -> Vec<Contradiction> {
        let mut out = Vec::new();
        let mut notes: Vec<(usize, String)> = Vec::new();
        if !self.units.is_empty() {
            out.extend(self.other_unit(answer));
        }
        if self.code.is_empty()
            && self.turned.is_empty()
            && self.function.is_empty()
            && self.denials.is_empty()
            && self.affirmed.is_empty()
        {
            return out;
        }
        let met = |c: usize| concepts[c].matched.is_some();
        for (c, patterns, subjects) in &self.affirmed {
            if met(*c) || !concepts[*c].negated {
                continue;
            }
            let denied = patterns.iter().find_map(|p| {
                answer
                    .all(p, vocab)
                    .into_iter()
                    .find(|(found, _)| denied_of(answer, &found.tokens, subjects))
            });
            if let Some((found, _)) = denied {
                let words: Vec<String> = found
                    .tokens
                    .iter()
                    .map(|&i| answer.word(i).to_owned())
                    .collect();
                out.push(Contradiction {
                    role: "claim".to_owned(),
                    said: words.join(" "),
                    model: format!("`{}` of the same thing", concepts[*c].label),
                    anchor: None,
                    matched: words,
                });
            }
        }
        for (c, patterns, elsewhere) in &self.denials {
            if met(*c) || !concepts[*c].negated {
                continue;
            }
            // Found only plainly (a negated mention would have met the concept), in a
            // clause with no cue at all: "TLS is not enabled" negates after the head
            // in a way the scopes may miss, and "withot TLS" is a cue mistyped.
            // Said of another thing the model answer speaks of, it claims nothing: the
            // breakdown names that thing.
            let mut other = None;
            let plain = patterns.iter().find_map(|p| match answer.find(p, vocab) {
                Some((found, false))
                    if !found.negated
                        && !near_a_cue(answer, &found.tokens)
                        && !ends_a_wait(answer, &found.tokens)
                        && !restates_a_denial(answer, &found.tokens, &self.model_denies)
                        && !absent_thing(answer, &found.tokens)
                        && !found.tokens.first().is_some_and(|&i| {
                            stopped(answer.tokens(), i)
                                || (in_advice(answer.tokens(), i)
                                    && !self.advised_against.contains(c))
                        }) =>
                {
                    match said_of_another(answer, &found.tokens, elsewhere) {
                        Some(word) => {
                            other.get_or_insert(word);
                            None
                        }
                        None => Some(found.tokens),
                    }
                }
                _ => None,
            });
            if plain.is_none()
                && let Some(word) = other
            {
                notes.push((
                    *c,
                    format!(
                        "stated plainly here, but of \"{}\", which the model answer speaks of \
                         apart from its denial: no claim against it",
                        answer.word(word)
                    ),
                ));
            }
            if let Some(tokens) = plain {
                let words: Vec<String> =
                    tokens.iter().map(|&i| answer.word(i).to_owned()).collect();
                out.push(Contradiction {
                    role: "claim".to_owned(),
                    said: words.join(" "),
                    model: format!("`{}` only negated", concepts[*c].label),
                    anchor: None,
                    matched: words,
                });
            }
        }
        for (c, keywords) in &self.code {
            if met(*c) {
                continue;
            }
            let said = answer.tokens().iter().find(|t| {
                t.class == Class::Code
                    && !self.known.contains(&t.norm)
                    && keywords.iter().any(|k| stands_in(&t.norm, k))
            });
            if let Some(t) = said {
                out.push(Contradiction {
                    role: "code token".to_owned(),
                    said: t.norm.to_string(),
                    model: format!("`{}`", concepts[*c].label),
                    anchor: None,
                    matched: vec![t.norm.to_string()],
                });
            }
        }
        for (c, turned) in &self.turned {
            if met(*c) {
                continue;
            }
            if let Some(tokens) = turned.matched(answer, vocab) {
                let words: Vec<String> = tokens
                    .iter()
                    .filter(|&&i| !answer.tokens()[i].part)
                    .map(|&i| answer.word(i).to_owned())
                    .collect();
                out.push(Contradiction {
                    role: "order".to_owned(),
                    said: words.join(" "),
                    model: format!("`{}` (the other way round)", concepts[*c].label),
                    anchor: None,
                    matched: words,
                });
            }
        }
        for &c in &self.function {
            if !met(c) && concepts[c].negated {
                out.push(Contradiction {
                    role: "claim".to_owned(),
                    said: format!("the opposite of `{}`", concepts[c].label),
                    model: format!("`{}`", concepts[c].label),
                    anchor: None,
                    matched: Vec::new(),
                });
            }
        }
        for (c, note) in notes {
            concepts[c].note = Some(note);
        }
        out
    }
}

/// The stems of the words the model answer states a term of one word (one of
/// `alternatives`, tokenized) of, where it states it plainly: the other words of its
/// clause, and of the clause before when the term's clause is a relative that opens with
/// *which*, *that* or *who* ("root_squash, which is the default, ..." says *default*
/// of *root_squash*). Empty when it states no such term plainly.
fn said_of(model: &PreparedAnswer, alternatives: &[Vec<Token>]) -> Vec<Arc<str>> {
    let tokens = model.tokens();
    let mut out: Vec<Arc<str>> = Vec::new();
    for alternative in alternatives {
        let [term] = alternative.as_slice() else {
            continue;
        };
        for (i, t) in tokens.iter().enumerate() {
            if t.stem != term.stem || model.negated(i) {
                continue;
            }
            let clause = t.place.clause;
            let opener = tokens
                .iter()
                .find(|u| !u.part && u.place.clause == clause)
                .is_some_and(|u| matches!(&*u.norm, "which" | "that" | "who"));
            let of = |u: &&Token| {
                !u.part
                    && !u.stop
                    && !u.negation
                    && u.stem != term.stem
                    && (u.place.clause == clause || (opener && u.place.clause + 1 == clause))
            };
            for u in tokens.iter().filter(of) {
                if !out.contains(&u.stem) {
                    out.push(u.stem.clone());
                }
            }
        }
    }
    out
}

/// `subjects` (stems) with the other words of each list of alternatives of the rubric
/// (but concept `own`'s) that has one of them: where the model answer says "the client broadcasts a
/// DHCPDISCOVER" and a term is `["discover", "dhcpdiscover"]`, "the discover is not
/// broadcast" denies *broadcast* of the same thing.
fn with_fellows(
    mut subjects: Vec<Arc<str>>,
    own: usize,
    concepts: &[Concept],
    stemmer: &Stemmer,
) -> Vec<Arc<str>> {
    let others = concepts.iter().enumerate().filter(|&(c, _)| c != own);
    let lists = others.flat_map(|(_, c)| {
        std::iter::once(&c.alternatives).chain(c.relation.iter().flat_map(|r| &r.terms))
    });
    let mut fellows = Vec::new();
    for list in lists {
        let stems: Vec<Arc<str>> = list
            .iter()
            .filter_map(|k| match tokenize(k, stemmer, Parts::Skip).as_slice() {
                [one] if one.class == Class::Word && !one.stop => Some(one.stem.clone()),
                _ => None,
            })
            .collect();
        if stems.iter().any(|s| subjects.contains(s)) {
            fellows.extend(stems);
        }
    }
    for stem in fellows {
        if !subjects.contains(&stem) {
            subjects.push(stem);
        }
    }
    subjects
}

/// Whether a negated match (`tokens`, its cue first) denies the term of one of the
/// model answer's `subjects` as the complement of a negated *be*: "root_squash is not,
/// as far as I know, the default", "the bucket isn't public", "it was never the
/// default" (a pronoun's antecedent is not looked for). The cue follows *is* (*are*,
/// *was*, *were*) or is its contraction, only stop words of the cue's or the term's
/// clause stand between them (an aside between commas is passed by), and a word before
/// the *be* in its clause is one the model answer states the term of.
fn denied_of(answer: &PreparedAnswer, tokens: &[usize], subjects: &[Arc<str>]) -> bool {
    let all = answer.tokens();
    let [cue, term, ..] = *tokens else {
        return false;
    };
    if cue >= term {
        return false;
    }
    let (c, t) = (&all[cue], &all[term]);
    let contracted = matches!(&*c.norm, "isnt" | "arent" | "wasnt" | "werent");
    let before = || {
        all[..cue]
            .iter()
            .rev()
            .filter(|u| !u.part)
            .take_while(|u| u.place.clause == c.place.clause)
    };
    let copula = contracted
        || (matches!(&*c.norm, "not" | "never")
            && before()
                .next()
                .is_some_and(|u| matches!(&*u.norm, "is" | "are" | "was" | "were")));
    let between = all[cue + 1..term].iter().filter(|u| {
        !u.part && (u.place.clause == c.place.clause || u.place.clause == t.place.clause)
    });
    copula
        && between.clone().all(|u| u.stop && !u.negation)
        && before()
            .skip(usize::from(!contracted))
            .any(|u| !u.stop && subjects.contains(&u.stem))
}

/// Verbs of advice, in the base form an imperative opens its clause with ("Use AES-GCM
/// with a random nonce", "Cap the cache and evict the oldest entries"): words rarely a
/// noun that opens a sentence.
const ADVISING: &[&str] = &[
    "use",
    "switch",
    "add",
    "enable",
    "replace",
    "pick",
    "choose",
    "generate",
    "give",
    "bound",
    "evict",
    "rotate",
    "configure",
    "upgrade",
    "migrate",
    "serve",
    "apply",
    "prefer",
    "adopt",
    "encrypt",
    "put",
    "make",
    "wrap",
    "validate",
    "require",
    "install",
    "create",
    "append",
    "bind",
    "seed",
    "pin",
    "raise",
    "increase",
    "reduce",
    "cut",
    "remove",
    "delete",
    "disable",
    "allow",
    "rewrite",
    "cap",
    "set",
    "limit",
    "move",
    "turn",
];

/// Words that may stand before the verb of an imperative in its clause: "so use",
/// "instead, switch to", "just add", "always pin".
const BEFORE_ADVICE: &[&str] = &[
    "so", "then", "instead", "just", "simply", "rather", "also", "finally", "first", "and", "now",
    "always", "never", "do", "not", "dont", "avoid",
];

/// Whether token `i` stands in a clause of advice: a clause that opens its sentence
/// (or opens with *so*, *then* or *instead*) with an imperative, a verb of
/// [`ADVISING`] after at most two of [`BEFORE_ADVICE`] ("Use AES-GCM with a random
/// nonce", "so just cap the cache and evict the oldest entries"), or with a
/// prohibition (*never*, *don't*, *do not*, *avoid* and a verb: "never reuse a
/// nonce"). What advice names is said of the fix, not of the faulty thing the model
/// answer describes: "no randomness" said of ECB is met by "use GCM with a random
/// nonce", which adds what ECB lacks.
fn in_advice(tokens: &[Token], i: usize) -> bool {
    let place = tokens[i].place;
    let start = (0..i)
        .rev()
        .take_while(|&j| tokens[j].place.clause == place.clause)
        .last()
        .unwrap_or(i);
    let mut words = (start..=i).filter(|&j| !tokens[j].part);
    let Some(first) = words.next() else {
        return false;
    };
    let opens_sentence = start == 0 || tokens[start - 1].place.sentence != place.sentence;
    if !opens_sentence && !matches!(&*tokens[first].norm, "so" | "then" | "instead") {
        return false;
    }
    let mut prohibits = false;
    for j in std::iter::once(first).chain(words).take(3) {
        let w = &*tokens[j].norm;
        if ADVISING.contains(&w) {
            return j <= i;
        }
        prohibits |= matches!(w, "never" | "dont" | "not" | "avoid");
        if !BEFORE_ADVICE.contains(&w) {
            return prohibits && j <= i;
        }
    }
    false
}

/// Whether the word at `i` names a deed that does not happen: the object of a verb that
/// always defeats its object ([`negation::DEFEATING`]: "prevents sniffing"), or a gerund
/// after *stop* or *cease*, at most one word between ("the browser stops MIME
/// sniffing", "the consumer stops polling"). *block* is left out: "it blocks receiving
/// from ch" waits while it receives.
fn stopped(tokens: &[Token], i: usize) -> bool {
    if negation::prevented_by(tokens, i, i, negation::DEFEATING).is_some() {
        return true;
    }
    tokens[i].norm.ends_with("ing")
        && (0..i)
            .rev()
            .filter(|&j| !tokens[j].part)
            .take(2)
            .take_while(|&j| tokens[j].place.clause == tokens[i].place.clause)
            .any(|j| matches!(&*tokens[j].stem, "stop" | "ceas" | "cease"))
}

/// Whether `model` denies a content word of a term (at `denied`, see [`denied_words`])
/// inside advice ([`in_advice`]): "never reuse a nonce", "use a fresh key, never
/// reusing one".
fn denied_in_advice(model: &PreparedAnswer, denied: &[usize]) -> bool {
    denied.iter().any(|&i| in_advice(model.tokens(), i))
}

/// The stems of a term's content words (of all its `alternatives`, tokenized).
fn content_stems(alternatives: &[Vec<Token>]) -> Vec<&Arc<str>> {
    alternatives
        .iter()
        .flatten()
        .filter(|t| !t.stop && !t.is_negation())
        .map(|t| &t.stem)
        .collect()
}

/// Where `model` states one of the stems of `term` negated: the token indices, in order.
fn denied_words(model: &PreparedAnswer, term: &[&Arc<str>]) -> Vec<usize> {
    let tokens = model.tokens();
    (0..tokens.len())
        .filter(|&i| !tokens[i].part && term.contains(&&tokens[i].stem) && model.negated(i))
        .collect()
}

/// Whether the sentence of `tokens` (a match of a term the model answer states only
/// negated), or the one it follows after a `;`, negates a content word that the model
/// answer negates too (stems in `model_denies`): "the server no longer keeps a backlog
/// entry; the state goes into the sequence number", against "without keeping any
/// state", makes the model answer's denial and then says where the thing goes
/// instead, which claims nothing the model answer denies.
fn restates_a_denial(answer: &PreparedAnswer, tokens: &[usize], model_denies: &[Arc<str>]) -> bool {
    let all = answer.tokens();
    let Some(&first) = tokens.first() else {
        return false;
    };
    let sentence = all[first].place.sentence;
    // The sentences of the match joined by `;`: each opened after one joins the one
    // before it.
    let opening = |s: u32| all.iter().find(|t| t.place.sentence == s);
    let mut from = sentence;
    while from > 0 && opening(from).is_some_and(|t| t.place.after_semicolon) {
        from -= 1;
    }
    let mut to = sentence;
    while opening(to + 1).is_some_and(|t| t.place.after_semicolon) {
        to += 1;
    }
    all.iter().enumerate().any(|(i, t)| {
        (from..=to).contains(&t.place.sentence)
            && !tokens.contains(&i)
            && !t.part
            && !t.stop
            && answer.negated(i)
            && model_denies.contains(&t.stem)
    })
}

/// The stems of the content words of `model` outside every sentence where it states a
/// content word of a term (`term`'s stems, denied at `denied`) negated: what the model
/// answer speaks of apart from its denial ("By default the first failing recipe ends
/// the whole build" beside "With -k make does not stop there"). Empty when the model
/// answer states no such word negated, or denies one other than by a verb's *not* or
/// *never* (the nearest cue before it in its clause): "has no agent", "without TLS",
/// "there is no load balancer" deny that the thing is there at all, so naming it of
/// anything claims it.
fn named_elsewhere(model: &PreparedAnswer, term: &[&Arc<str>], denied: &[usize]) -> Vec<Arc<str>> {
    let tokens = model.tokens();
    let verbal = |i: usize| {
        let clause = tokens[i].place.clause;
        (0..i)
            .rev()
            .take_while(|&j| tokens[j].place.clause == clause)
            .find(|&j| tokens[j].negation)
            .is_some_and(|j| matches!(&*tokens[j].norm, "not" | "never"))
    };
    if denied.is_empty() || !denied.iter().all(|&i| verbal(i)) {
        return Vec::new();
    }
    let denying: Vec<u32> = denied.iter().map(|&i| tokens[i].place.sentence).collect();
    let content = |t: &&Token| !t.part && !t.stop && !t.negation;
    let inside: Vec<&Arc<str>> = tokens
        .iter()
        .filter(content)
        .filter(|t| denying.contains(&t.place.sentence))
        .map(|t| &t.stem)
        .collect();
    let mut out: Vec<Arc<str>> = Vec::new();
    for t in tokens.iter().filter(content) {
        if !inside.contains(&&t.stem) && !term.contains(&&t.stem) && !out.contains(&t.stem) {
            out.push(t.stem.clone());
        }
    }
    out
}

/// The word before `tokens` (a plain match of a term the model answer states only
/// negated) that shows them said of another thing than the one the model answer denies
/// the term of: a content word before the match in its clause that the model answer
/// says only in other sentences than its denial (stems in `elsewhere`). "By default the build stops
/// at the first failing recipe", against "By default the first failing recipe ends the
/// whole build. With -k make does not stop there", says what the model answer says of
/// the default; "with -k make stops" is still the claim the model answer denies, and so
/// is a match with no such word before it ("it stops"). `None` when there is none.
fn said_of_another(
    answer: &PreparedAnswer,
    tokens: &[usize],
    elsewhere: &[Arc<str>],
) -> Option<usize> {
    let all = answer.tokens();
    let &first = tokens.iter().min()?;
    let clause = all[first].place.clause;
    (0..first)
        .rev()
        .take_while(|&i| all[i].place.clause == clause)
        .find(|&i| {
            let t = &all[i];
            !t.part && !t.stop && !t.negation && elsewhere.contains(&t.stem)
        })
}

/// Whether `tokens` (a match) are what happens in an *until*, *till* or *before* clause
/// of their own: they name the end of a state the model answer says with its negation
/// ("kept in the queue until it is acknowledged" is "kept while unacknowledged"), and
/// claim nothing. A subject there is still claimed: "until their TTL runs out" says
/// there is a TTL. The match is the clause's predicate when a content word (its
/// subject) or a form of *be* or *have* stands between the cue and it.
fn ends_a_wait(answer: &PreparedAnswer, tokens: &[usize]) -> bool {
    let all = answer.tokens();
    let Some(&first) = tokens.iter().min() else {
        return false;
    };
    let clause = all[first].place.clause;
    let Some(cue) = (0..first)
        .rev()
        .take_while(|&i| all[i].place.clause == clause)
        .find(|&i| !all[i].part && matches!(&*all[i].norm, "until" | "till" | "before"))
    else {
        return false;
    };
    all[cue + 1..first].iter().any(|t| {
        !t.part
            && (!t.stop
                || matches!(
                    &*t.norm,
                    "is" | "are" | "was" | "were" | "be" | "been" | "has" | "have" | "had"
                ))
    })
}

/// Whether the clause of `tokens` (a match) has a negation cue anywhere, or a word one
/// typo from one other than the match's own words (*agent* is one letter from *arent*,
/// and says no negation).
fn near_a_cue(answer: &PreparedAnswer, tokens: &[usize]) -> bool {
    const CUES: &[&str] = &[
        "without", "never", "cannot", "doesnt", "dont", "isnt", "arent", "wont", "didnt",
        "nothing", "neither", "disabled", "off",
    ];
    let all = answer.tokens();
    let Some(&first) = tokens.first() else {
        return false;
    };
    let clause = all[first].place.clause;
    all.iter()
        .enumerate()
        .filter(|(_, t)| !t.part && t.place.clause == clause)
        .any(|(i, t)| {
            t.negation
                || CUES.contains(&&*t.norm)
                || (t.len >= 4
                    && !tokens.contains(&i)
                    && !t.stop
                    && CUES
                        .iter()
                        .any(|c| c.len() >= 4 && edit_distance_within(&t.norm, c, 1).is_some()))
        })
}

impl InPlace {
    /// A duration of the answer's in a unit that neither the model answer nor the
    /// question gives, when none of its units is the model answer's.
    fn other_unit(&self, answer: &PreparedAnswer) -> Option<Contradiction> {
        let said = timed(answer.tokens());
        let known = |u: &'static str| self.units.contains(&u) || self.asked_units.contains(&u);
        if said.iter().any(|(u, _)| self.units.contains(u)) {
            return None;
        }
        // A duration as long as one of the model's or the question's, in another unit,
        // is that duration ("24 hours" for "86400 seconds").
        let same = |s: Option<f64>| {
            s.is_some_and(|s| self.lengths.iter().any(|&l| token::same_seconds(s, l)))
        };
        let (unit, _) = said.iter().find(|&&(u, s)| !known(u) && !same(s))?;
        Some(Contradiction {
            role: "duration".to_owned(),
            said: format!("a duration in {unit}"),
            model: self.units.join(", "),
            anchor: None,
            matched: vec![(*unit).to_owned()],
        })
    }
}

/// The units of time, by word: what each is counted in.
const UNITS: &[(&str, &str)] = &[
    ("millisecond", "milliseconds"),
    ("milliseconds", "milliseconds"),
    ("ms", "milliseconds"),
    ("second", "seconds"),
    ("seconds", "seconds"),
    ("sec", "seconds"),
    ("secs", "seconds"),
    ("minute", "minutes"),
    ("minutes", "minutes"),
    ("min", "minutes"),
    ("mins", "minutes"),
    ("hour", "hours"),
    ("hours", "hours"),
    ("hr", "hours"),
    ("hrs", "hours"),
    ("day", "days"),
    ("days", "days"),
    ("week", "weeks"),
    ("weeks", "weeks"),
];

/// Words of quantity before *a*, *an* or *one* that make it a count ("about a second",
/// "half an hour"), where "a second container" is an ordinal.
const QUANTITY: &[&str] = &[
    "about",
    "around",
    "roughly",
    "approximately",
    "within",
    "under",
    "over",
    "than",
    "every",
    "per",
    "most",
    "least",
    "only",
    "just",
    "nearly",
    "almost",
    "half",
    "once",
];

/// A number of two or more written as a word ("ten minutes", "thirty seconds"); *one*
/// counts only after a word of [`QUANTITY`].
fn number_word(word: &str) -> bool {
    super::facts::count(word).is_some_and(|n| n >= 2)
        || matches!(
            word,
            "fifteen" | "twenty" | "thirty" | "forty" | "fifty" | "sixty" | "ninety" | "hundred"
        )
}

/// The units of the durations in `tokens`, each once, in order.
fn durations(tokens: &[Token]) -> Vec<&'static str> {
    let mut out: Vec<&'static str> = Vec::new();
    for (unit, _) in timed(tokens) {
        if !out.contains(&unit) {
            out.push(unit);
        }
    }
    out
}

/// The durations in `tokens`, in order: each one's unit, and how many seconds it lasts
/// when its count says ([`token::seconds_at`]).
fn timed(tokens: &[Token]) -> Vec<(&'static str, Option<f64>)> {
    let at: Vec<usize> = (0..tokens.len()).filter(|&k| !tokens[k].part).collect();
    let words: Vec<&Token> = at.iter().map(|&k| &tokens[k]).collect();
    let mut out = Vec::new();
    for (i, word) in words.iter().enumerate().skip(1) {
        let Some(&(_, unit)) = UNITS.iter().find(|(w, _)| *w == &*word.norm) else {
            continue;
        };
        let count = &words[i - 1];
        let number = (count.class == Class::Exact
            && count.norm.bytes().all(|b| b.is_ascii_digit() || b == b'.'))
            || number_word(&count.norm);
        let article = matches!(&*count.norm, "a" | "an" | "one")
            && i >= 2
            && QUANTITY.contains(&&*words[i - 2].norm);
        // The value given a setting ("idle_in_transaction_session_timeout = '10min'",
        // "set tcp_keepalive_time to 10 minutes") is a choice, not a claim of how long
        // a thing takes.
        let key_at = |k: usize| words[k].class == Class::Code;
        let setting = i >= 2
            && (key_at(i - 2)
                || (i >= 3 && matches!(&*words[i - 2].norm, "to" | "at") && key_at(i - 3)));
        if (number || article) && !setting {
            out.push((unit, token::seconds_at(tokens, at[i])));
        }
    }
    out
}

/// The separator of a code keyword that has stand-ins, `=` (a `key=value` with both)
/// or `:` (a `service:Action`: letters on both sides), and its two sides.
fn form(keyword: &str) -> Option<(char, &str, &str)> {
    if keyword.contains(',') {
        // Options: each is offered as a part of its own (`type=volume`).
        return None;
    }
    if let Some((key, value)) = keyword.split_once('=') {
        return (!key.is_empty() && !value.is_empty() && !key.starts_with('-'))
            .then_some(('=', key, value));
    }
    let (service, action) = keyword.split_once(':')?;
    let letters = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_lowercase());
    (letters(service) && letters(action)).then_some((':', service, action))
}

/// Whether code token `token` is another of the form of `keyword`: the same key with
/// another value or the same value with another key (`=`), or another `service:Action`.
fn stands_in(token: &str, keyword: &str) -> bool {
    match (form(token), form(keyword)) {
        (Some(('=', key, value)), Some(('=', k, v))) => (key == k) != (value == v),
        (Some((':', ..)), Some((':', ..))) => token != keyword,
        _ => false,
    }
}

/// Whether a plain match says what happens in a thing's absence, in a sentence that
/// opens with *without* and a phrase set off before it ("Without the mutex, two
/// threads can update the counter at once"): it explains why the thing is needed, as
/// the model answer's denial of the term with the thing present does, and claims
/// nothing against that denial (see [`super::negation::in_absence`]).
fn absent_thing(answer: &PreparedAnswer, tokens: &[usize]) -> bool {
    tokens
        .first()
        .is_some_and(|&i| super::negation::in_absence(answer.tokens(), i))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bank::{Kind, Relation, Rubric, Within};
    use crate::grade::tests::bank;
    use crate::grade::{Grade, Grader, explain};

    fn strings(words: &[&str]) -> Vec<String> {
        words.iter().map(|s| (*s).to_owned()).collect()
    }

    fn any(alternatives: &[&str], required: bool) -> Concept {
        Concept {
            required,
            ..Concept::any(strings(alternatives))
        }
    }

    fn ordered(terms: &[&[&str]]) -> Concept {
        Concept {
            shown: None,
            relation: Some(Relation {
                terms: terms.iter().map(|t| strings(t)).collect(),
                within: Within::Sentence,
                ordered: true,
            }),
            ..Concept::any(Vec::new())
        }
    }

    /// `answer` graded against a question of `model` and `concepts`.
    fn grade(prompt: &str, model: &str, concepts: Vec<Concept>, answer: &str) -> Grade {
        let q = Question {
            model_answer: Some(model.to_owned()),
            rubric: Some(Rubric {
                concepts,
                forbidden: Vec::new(),
            }),
            ..Question::new("q", Kind::ShortAnswer, prompt)
        };
        let b = bank(vec![q]);
        Grader::new(std::slice::from_ref(&b)).grade(&b, &b.questions[0], answer)
    }

    #[test]
    fn another_code_token_of_the_keyword_form_fails() {
        let concepts = || {
            vec![
                any(&["trust policy"], true),
                any(&["identity policy"], true),
                any(&["sts:AssumeRole", "assume role"], false),
                any(&["role"], false),
            ]
        };
        let model = "The role's trust policy and the user's identity policy must both allow \
                     sts:AssumeRole on the role.";
        let prompt = "Which policies must allow a cross-account assume?";
        for (answer, passes) in [
            (
                "The trust policy and the identity policy must allow sts:AssumeRole on the role.",
                true,
            ),
            (
                "The trust policy and the identity policy must allow iam:PassRole on the role.",
                false,
            ),
            (
                "The trust policy and the identity policy must both allow it for the role.",
                true,
            ),
        ] {
            let g = grade(prompt, model, concepts(), answer);
            assert_eq!(g.passed, passes, "{answer}: {}", explain(&g));
        }
        // The same value under another key, the same key with another value.
        let concepts = || {
            vec![
                any(&["order", "ordering"], true),
                any(&["Wants=network-online.target", "Wants="], false),
                any(&["type=tmpfs"], false),
            ]
        };
        let model = "After= only orders; add Wants=network-online.target, and a type=tmpfs mount.";
        let prompt = "What does After=network-online.target do?";
        for (answer, passes) in [
            ("It only orders. Add Wants=network-online.target.", true),
            ("It only orders the unit; use a type=tmpfs mount.", true),
            (
                "It only orders the unit, like After=network-online.target; type=tmpfs.",
                true,
            ),
            (
                "It only orders. Add Wanted-By=network-online.target.",
                false,
            ),
            ("It only orders; mount it with type=volume.", false),
        ] {
            let g = grade(prompt, model, concepts(), answer);
            assert_eq!(g.passed, passes, "{answer}: {}", explain(&g));
        }
    }

    #[test]
    fn a_relation_pivoted_on_a_function_word_turned_round_fails() {
        let concepts = || {
            vec![
                any(&["redeliver", "twice"], true),
                any(&["idempotent"], true),
                ordered(&[&["crash", "dies"], &["before"], &["ack", "acknowledge"]]),
            ]
        };
        let model = "If the consumer crashes before it acknowledges a message, the broker \
                     redelivers it; so the consumer must be idempotent.";
        let prompt = "What does at-least-once delivery mean for a consumer?";
        for (answer, passes) in [
            (
                "A consumer that dies before it acknowledges gets it redelivered; be idempotent.",
                true,
            ),
            (
                "A consumer that acknowledges before it crashes gets it redelivered; be idempotent.",
                false,
            ),
            (
                "Messages are redelivered, so the consumer must be idempotent.",
                true,
            ),
        ] {
            let g = grade(prompt, model, concepts(), answer);
            assert_eq!(g.passed, passes, "{answer}: {}", explain(&g));
        }
        // Without a function word between them, the terms turned round are a passive,
        // not the reverse.
        let concepts = vec![
            any(&["idempotent"], true),
            ordered(&[&["consumer"], &["retries"], &["broker"]]),
        ];
        let g = grade(
            prompt,
            "The consumer retries the broker; it must be idempotent.",
            concepts,
            "The broker is hit with retries by the consumer, which must be idempotent.",
        );
        assert!(g.passed, "{}", explain(&g));
    }

    #[test]
    fn a_duration_counted_in_a_number_word_is_a_duration() {
        let concepts = || vec![any(&["lease"], true), any(&["renew", "renews"], false)];
        let model = "A DHCP client renews its lease at half its time, after 43200 seconds.";
        let prompt = "When does a DHCP client renew its lease?";
        for (answer, passes) in [
            (
                "It renews the lease after twelve minutes, at half its time.",
                false,
            ),
            // Twelve hours are the model's 43200 seconds, written in hours.
            (
                "It renews the lease after twelve hours, at half its time.",
                true,
            ),
            (
                "It renews the lease at half its time, after twelve seconds or so.",
                true,
            ),
            // *One* with no word of quantity before it is no count.
            (
                "It renews the lease at half its time, one hour or another.",
                true,
            ),
        ] {
            let g = grade(prompt, model, concepts(), answer);
            assert_eq!(g.passed, passes, "{answer}: {}", explain(&g));
        }
    }

    #[test]
    fn a_duration_in_another_unit_fails() {
        let concepts = || vec![any(&["append", "log"], true), any(&["lose"], false)];
        let model = "AOF logs every write; with everysec it loses at most about a second.";
        let prompt = "How much can AOF lose?";
        for (answer, passes) in [
            ("AOF logs every write and loses at most 1 second.", true),
            ("AOF logs every write and loses at most 1 hour.", false),
            (
                "AOF logs every write; it loses under 2 seconds, not 1 hour.",
                true,
            ),
            ("AOF logs every write, so it loses little.", true),
            ("AOF logs every write; a second log is not needed.", true),
            // The value given a setting is a choice, not how much is lost.
            (
                "AOF logs every write and loses about a second; set auto_aof_rewrite_delay to 10 minutes.",
                true,
            ),
            (
                "AOF logs every write; set auto_aof_rewrite_delay = 10 min.",
                true,
            ),
        ] {
            let g = grade(prompt, model, concepts(), answer);
            assert_eq!(g.passed, passes, "{answer}: {}", explain(&g));
        }
        let s = crate::lang::stemmer();
        let units = |text: &str| durations(&tokenize(text, &s, Parts::Skip));
        assert_eq!(
            units("about a second, or 5 minutes"),
            ["seconds", "minutes"]
        );
        assert!(units("a second container").is_empty());
    }

    /// A duration in another unit that comes to as many seconds as one of the model
    /// answer's is that duration written another way; one that does not is still
    /// another duration ("100 ms" is not "a second").
    #[test]
    fn the_same_duration_in_another_unit_passes() {
        const AOF: &str = "AOF logs every write; with everysec it loses at most about a second.";
        const KEYS: &str = "Keys expire after 86400 seconds unless they are read.";
        for (model, answer, passes) in [
            (AOF, "AOF logs every write and loses at most 1000 ms.", true),
            (
                AOF,
                "AOF logs every write and loses at most 1000 milliseconds.",
                true,
            ),
            (AOF, "AOF logs every write and loses at most 100 ms.", false),
            (AOF, "AOF logs every write and loses at most 10 ms.", false),
            (
                AOF,
                "AOF logs every write and loses at most 60 minutes.",
                false,
            ),
            (KEYS, "Keys expire after a day unless read.", true),
            (KEYS, "Keys expire after 24 hours unless read.", true),
            (KEYS, "Keys expire after 1440 minutes unless read.", true),
            (KEYS, "Keys expire after 2 hours unless read.", false),
            (KEYS, "Keys expire after 24 minutes unless read.", false),
        ] {
            let concepts = vec![any(&["append", "log", "expire"], true)];
            let g = grade("How long?", model, concepts, answer);
            assert_eq!(g.passed, passes, "{answer}: {}", explain(&g));
        }
    }

    #[test]
    fn a_concept_of_function_words_denied_fails() {
        let concepts = || {
            vec![
                any(&["trust policy"], true),
                any(&["identity policy"], true),
                any(&["sts:AssumeRole"], false),
                any(&["both"], false),
            ]
        };
        let model = "Both must allow it: the trust policy and the identity policy, with \
                     sts:AssumeRole.";
        let prompt = "Which policies must allow a cross-account assume?";
        for (answer, passes) in [
            ("Both: the trust policy and the identity policy.", true),
            ("The trust policy and the identity policy.", true),
            (
                "Only one is needed, not both: the trust policy or the identity policy.",
                false,
            ),
        ] {
            let g = grade(prompt, model, concepts(), answer);
            assert_eq!(g.passed, passes, "{answer}: {}", explain(&g));
        }
    }

    #[test]
    fn a_term_the_model_answer_denies_stated_plainly_fails_whatever_it_looks_like() {
        // *agent* is one letter from *arent*: the term itself is no mistyped cue.
        let concepts = || {
            vec![
                any(&["scrape", "scrapes", "pull"], true),
                any(&["agent"], false),
            ]
        };
        let model = "Prometheus pulls: the server scrapes each target's HTTP endpoint, and no \
                     agent pushes to it.";
        let prompt = "How does Prometheus get the metrics of a target?";
        for (answer, passes) in [
            (
                "The server scrapes each target; no agent is involved.",
                true,
            ),
            (
                "Prometheus is agentless: the server scrapes each target.",
                true,
            ),
            (
                "The server scrapes each target, and an agent on each host pushes to it.",
                false,
            ),
            (
                "An agent on each host pushes to the server, which scrapes it.",
                false,
            ),
        ] {
            let g = grade(prompt, model, concepts(), answer);
            assert_eq!(g.passed, passes, "{answer}: {}", explain(&g));
        }
        // The same with a privative word in the model answer.
        let concepts = || {
            vec![
                any(&["signature", "signed"], true),
                any(&["session state", "state"], false),
            ]
        };
        let model = "A JWT is stateless: the server checks its signature with the key and \
                     looks nothing up.";
        let prompt = "How does a server check a JWT?";
        for (answer, passes) in [
            (
                "It checks the signature with the key; it keeps no session state.",
                true,
            ),
            (
                "It is stateless: it checks the signature with the key.",
                true,
            ),
            (
                "It checks the signature and keeps the session state of each token.",
                false,
            ),
        ] {
            let g = grade(prompt, model, concepts(), answer);
            assert_eq!(g.passed, passes, "{answer}: {}", explain(&g));
        }
    }

    #[test]
    fn a_term_denied_of_what_the_model_answer_states_it_of_fails() {
        let concepts = || {
            vec![
                any(&["ext4"], true),
                any(&["metadata", "journal"], true),
                any(&["default"], false),
            ]
        };
        let model = "Ext4, which is the default on most distributions, journals metadata; XFS \
                     scales better for large files.";
        let prompt = "Which filesystem is the default, and what does it journal?";
        for (answer, passes) in [
            ("Ext4 is the default and journals metadata.", true),
            (
                "Ext4 is not, as far as I remember from the installer, the default; it \
                 journals metadata.",
                false,
            ),
            ("Ext4 journals metadata. Ext4 was never the default.", false),
            ("Ext4 isnt the default, but it journals metadata.", false),
            ("Ext4 journals metadata; XFS is not the default.", true),
            (
                "Ext4 journals metadata, though it is not the default everywhere.",
                true,
            ),
        ] {
            let g = grade(prompt, model, concepts(), answer);
            assert_eq!(g.passed, passes, "{answer}: {}", explain(&g));
        }
    }

    #[test]
    fn a_stand_in_has_the_keyword_form() {
        assert!(stands_in("type=volume", "type=tmpfs"));
        assert!(stands_in(
            "wanted-by=network-online.target",
            "wants=network-online.target"
        ));
        assert!(!stands_in("type=tmpfs", "type=tmpfs"));
        assert!(!stands_in("source=/x", "type=tmpfs"));
        assert!(stands_in("iam:passrole", "sts:assumerole"));
        assert!(!stands_in("sts:assumerole", "sts:assumerole"));
        // A port mapping or an image tag is no action.
        assert!(!stands_in("8080:80", "sts:assumerole"));
        assert!(!stands_in("postgres:15", "sts:assumerole"));
        assert!(!stands_in("--cpus=2", "--cpus=1"));
    }
}
