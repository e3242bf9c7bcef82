//! Two claims a derived rubric's model answer makes side by side, and an answer that
//! gives each one's predicate to the other's subject: "to merge two states, take the
//! element-wise maximum; the counter's value is the sum of the entries" answered "merge
//! by summing, and read the value as the largest entry". A derived rubric counts words
//! one by one, so such an answer names every concept and passed; an author's rubric
//! says the same with relations (see `contrast::crossed`).
//!
//! A **unit** is a clause of the model answer, or a short opening clause of a purpose, a
//! means or a setting (*to*, *with*, *for*, *by*, ... first, at most [`SUBJECT`]
//! content words: "To merge two states,") with the clause after it in the same
//! sentence. Its **subject** is the opening
//! clause's content words, else those before a copula or an auxiliary among its first
//! [`SUBJECT`] content words ("the counter's value is"), else its first
//! [`SUBJECT`] - 1; its **own** words are the rest of its content words that the model
//! answer says in no other unit, with their one-word synonyms of the lexicon
//! (*largest* for *maximum*). Units with a negation are left out.
//!
//! Two units in a row form a **pair** when each has a subject word the other does not
//! say and own words. An answer's clause (opening clauses joined as above) is
//! **crossed** from one unit of a pair to the other when it says a subject word of the
//! first and an own word of the second, none of the first's own words, and no
//! negation. An answer that has a clause crossed each way, two different clauses, and
//! no clause stating either unit's pairing (a subject word with an own word of the same
//! unit) turns the pair round and contradicts the rubric.
//!
//! And **halves**: an answer sentence that sets two things against each other in two
//! halves (split at *while* or *whereas*, or at a `;`, exactly once), each opening on
//! one model sentence's thing and going on to say another's. A model sentence (a `;`
//! does not end one) **owns** the content words the model answer says in no other
//! sentence. A half's **topic** is the one sentence that owns its first [`HEAD`]
//! content words (those no sentence owns aside; two sentences there and it has none);
//! its **rest** the sentences owning its later words. When the first half's rest holds
//! the second's topic and not its own, and the second's rest the first's topic and not
//! its own, the answer gives each thing the other's sentence: "rain barrel water is
//! treated with chlorine and piped to the tap, while mains water comes from the roof
//! gutters" against a sentence on each. A half with a negation is read as neither.
//! Pairs need two model units in a row, one clause each; halves reach two whole model
//! sentences however far apart ("To send a file the usual way, ... user space ...
//! With sendfile() ... it stays inside the kernel").

use super::bindings::{content, contradiction, text};
use crate::grade::contrast::Contradiction;
use crate::grade::lexicon::Lexicon;
use crate::grade::matcher::PreparedAnswer;
use crate::grade::token::{Token, hash_of};
use rustc_hash::{FxHashMap, FxHashSet};

/// How many content words may come before a copula for them to be a unit's subject.
const SUBJECT: usize = 3;

/// Words that open a clause of purpose, means or setting, said of the clause after it
/// ("To merge two states, take ...", "With auto-unseal, a cloud KMS ...").
const OPENERS: &[&str] = &[
    "to", "with", "for", "by", "in", "on", "after", "before", "under", "during",
];

/// Copulas and auxiliaries: what stands before one is what the clause speaks of.
const COPULAS: &[&str] = &[
    "is", "are", "was", "were", "be", "has", "have", "had", "does", "do", "did", "can", "could",
    "will", "would", "must", "should", "may", "might", "means",
];

/// How many units apart the two of a pair may be, in the same sentence or the next: in
/// a row (3 apart caught nothing more on the tuning sets and cost SemEval-2013's
/// sciEntsBank unseen questions 0.002 macro-F1).
const NEAR: usize = 1;

/// The most pairs read (each takes a bit of a mask).
const PAIRS: usize = 64;

/// How many content words open a half and give its topic: three, as a thing's name
/// often takes two words and an article-less third ("plain read() and write()"); one
/// or two let a half whose predicate comes early pass for a topic and crossed right
/// answers on the tuning sets.
const HEAD: usize = 3;

/// The words that split an answer sentence into two halves set against each other.
const SPLITS: &[&str] = &["while", "whereas"];

/// What one word (stem hash) is in the model answer's pairs: for each, a bit.
#[derive(Debug, Clone, Copy, Default)]
struct Roles {
    /// A subject word of the pair's first unit not said in its second, and the reverse.
    subject: [u64; 2],
    /// An own word of the pair's first unit, and of its second.
    own: [u64; 2],
}

impl Roles {
    fn or(&mut self, other: &Roles) {
        for side in 0..2 {
            self.subject[side] |= other.subject[side];
            self.own[side] |= other.own[side];
        }
    }
}

/// The model answer's pairs, ready to check answers against.
#[derive(Debug, Default)]
pub struct Pairs {
    /// The words of any pair, sorted by stem hash.
    words: Vec<(u64, Roles)>,
    /// Each pair's units as written.
    said: Vec<(String, String)>,
    /// The content words (stem hashes) one model sentence alone says, with that
    /// sentence, sorted (see the module's notes on halves).
    owned: Vec<(u64, usize)>,
    /// The model sentences as written.
    sentences: Vec<String>,
}

/// A unit: its tokens (first, last), where its opening clause ends (the first token
/// after it), if it has one, and whether it holds a negation.
#[derive(Debug, Clone, Copy)]
struct Unit {
    span: (usize, usize),
    subject_end: Option<usize>,
    negated: bool,
}

impl Pairs {
    /// The pairs of `model` (a derived rubric's model answer, prepared).
    pub fn new(model: &PreparedAnswer, lexicon: &Lexicon) -> Pairs {
        let tokens = model.tokens();
        let units: Vec<Unit> = units(tokens).collect();
        // The units each word is said in.
        let mut places: FxHashMap<u64, FxHashSet<usize>> = FxHashMap::default();
        for (u, unit) in units.iter().enumerate() {
            for t in tokens[unit.span.0..=unit.span.1]
                .iter()
                .filter(|t| content(t))
            {
                places.entry(t.stem_hash).or_default().insert(u);
            }
        }
        let only_in = |stem: u64, u: usize| {
            places
                .get(&stem)
                .is_some_and(|p| p.len() == 1 && p.contains(&u))
        };
        let said_in = |stem: u64, u: usize| places.get(&stem).is_some_and(|p| p.contains(&u));
        // A unit's subject words and own words (with their synonyms).
        let roles = |u: usize| {
            let unit = units[u];
            let (subject_end, verb) = subject_and_verb(tokens, &unit);
            let mut subject = Vec::new();
            let mut own = Vec::new();
            for k in (unit.span.0..=unit.span.1).filter(|&k| content(&tokens[k])) {
                let stem = tokens[k].stem_hash;
                if k < subject_end {
                    subject.push(stem);
                } else if Some(k) != verb && only_in(stem, u) {
                    own.push(stem);
                    for twin in lexicon.word_twins(&tokens[k]) {
                        let twin = hash_of(twin);
                        if !places.contains_key(&twin) {
                            own.push(twin);
                        }
                    }
                }
            }
            (subject, own)
        };
        let mut words: FxHashMap<u64, Roles> = FxHashMap::default();
        let mut said = Vec::new();
        let sentence = |u: usize| tokens[units[u].span.0].place.sentence;
        let near = (0..units.len()).flat_map(|u| {
            (u + 1..units.len().min(u + 1 + NEAR))
                .filter(move |&v| sentence(v) <= sentence(u) + 1)
                .map(move |v| (u, v))
        });
        for (u, v) in near {
            if said.len() == PAIRS {
                break;
            }
            if units[u].negated || units[v].negated {
                continue;
            }
            let (subject_u, own_u) = roles(u);
            let (subject_v, own_v) = roles(v);
            let subject_u: Vec<u64> = subject_u.into_iter().filter(|&s| !said_in(s, v)).collect();
            let subject_v: Vec<u64> = subject_v.into_iter().filter(|&s| !said_in(s, u)).collect();
            if [&subject_u, &own_u, &subject_v, &own_v]
                .iter()
                .any(|w| w.is_empty())
            {
                continue;
            }
            let bit = 1u64 << said.len();
            for (side, (subject, own)) in [(subject_u, own_u), (subject_v, own_v)]
                .into_iter()
                .enumerate()
            {
                for s in subject {
                    words.entry(s).or_default().subject[side] |= bit;
                }
                for s in own {
                    words.entry(s).or_default().own[side] |= bit;
                }
            }
            said.push((text(model, units[u].span), text(model, units[v].span)));
        }
        let mut words: Vec<(u64, Roles)> = words.into_iter().collect();
        words.sort_unstable_by_key(|(stem, _)| *stem);
        let (owned, sentences) = owned(model);
        Pairs {
            words,
            said,
            owned,
            sentences,
        }
    }

    /// The sentence of the model answer that alone says `t`, if any.
    fn owner(&self, t: &Token) -> Option<usize> {
        self.owned
            .binary_search_by_key(&t.stem_hash, |(stem, _)| *stem)
            .ok()
            .map(|i| self.owned[i].1)
    }

    /// The first answer sentence whose two halves each say the other's model sentence.
    fn halves(&self, answer: &PreparedAnswer) -> Option<Contradiction> {
        if self.sentences.len() < 2 {
            return None;
        }
        let tokens = answer.tokens();
        for span in full_sentences(tokens) {
            // Where it splits: a *while* or *whereas*, or a `;` (a sentence opened after one).
            let splits: Vec<usize> = (span.0..=span.1)
                .filter(|&k| {
                    let t = &tokens[k];
                    !t.part
                        && (SPLITS.contains(&&*t.norm)
                            || k > span.0 && t.place.sentence != tokens[k - 1].place.sentence)
                })
                .collect();
            let [split] = splits[..] else { continue };
            let first_half = if SPLITS.contains(&&*tokens[split].norm) {
                (span.0, split.saturating_sub(1).max(span.0))
            } else {
                (span.0, split - 1)
            };
            let halves = [first_half, (split, span.1)];
            let read = |(from, to): (usize, usize)| -> Option<(usize, u64)> {
                if (from..=to).any(|k| !tokens[k].part && tokens[k].is_negation()) {
                    return None;
                }
                let mut topic = None;
                let mut rest = 0u64;
                for (n, t) in tokens[from..=to].iter().filter(|t| content(t)).enumerate() {
                    let Some(owner) = self.owner(t) else { continue };
                    if n < HEAD {
                        if topic.is_some_and(|o| o != owner) {
                            return None;
                        }
                        topic = Some(owner);
                    } else if owner < 64 {
                        rest |= 1 << owner;
                    }
                }
                topic.filter(|&o| o < 64).map(|o| (o, rest))
            };
            let (Some((a, rest_a)), Some((b, rest_b))) = (read(halves[0]), read(halves[1])) else {
                continue;
            };
            let has = |rest: u64, s: usize| rest & (1 << s) != 0;
            if a != b && has(rest_a, b) && !has(rest_a, a) && has(rest_b, a) && !has(rest_b, b) {
                let model = format!(
                    "\"{}\" and \"{}\" (each half given the other's)",
                    self.sentences[a], self.sentences[b]
                );
                return Some(contradiction("pair", answer, span, model));
            }
        }
        None
    }

    /// The first pair of the model answer that `answer` turns round.
    pub fn check(&self, answer: &PreparedAnswer) -> Option<Contradiction> {
        if let Some(found) = self.halves(answer) {
            return Some(found);
        }
        if self.said.is_empty() {
            return None;
        }
        let tokens = answer.tokens();
        let roles = |t: &Token| {
            self.words
                .binary_search_by_key(&t.stem_hash, |(stem, _)| *stem)
                .ok()
                .map(|i| self.words[i].1)
        };
        // Two words of the pairs at least, or nothing can be crossed.
        tokens
            .iter()
            .filter(|t| content(t) && roles(t).is_some())
            .nth(1)?;
        // Each clause's roles, span and negation.
        let clauses: Vec<(Roles, Unit)> = units(tokens)
            .map(|unit| {
                let mut all = Roles::default();
                for t in &tokens[unit.span.0..=unit.span.1] {
                    if let Some(r) = roles(t).filter(|_| content(t)) {
                        all.or(&r);
                    }
                }
                (all, unit)
            })
            .collect();
        for (p, (first, second)) in self.said.iter().enumerate() {
            let bit = 1u64 << p;
            let crossed = |from: usize| {
                let to = 1 - from;
                clauses.iter().position(|(r, unit)| {
                    !unit.negated
                        && r.subject[from] & bit != 0
                        && r.own[to] & bit != 0
                        && r.own[from] & bit == 0
                })
            };
            let states = clauses.iter().any(|(r, _)| {
                (0..2).any(|side| r.subject[side] & bit != 0 && r.own[side] & bit != 0)
            });
            if states {
                continue;
            }
            if let (Some(a), Some(b)) = (crossed(0), crossed(1))
                && a != b
            {
                let span = clauses[a].1.span;
                let model = format!("\"{first}\" and \"{second}\" (each given the other's)");
                return Some(contradiction("pair", answer, span, model));
            }
        }
        None
    }
}

/// The units of `tokens` (see the module's notes).
fn units(tokens: &[Token]) -> impl Iterator<Item = Unit> + '_ {
    let mut i = 0;
    std::iter::from_fn(move || {
        // The next clause, from token `from`: its end (exclusive).
        let clause_end = |from: usize| {
            let clause = tokens[from].place.clause;
            (from..tokens.len())
                .find(|&k| tokens[k].place.clause != clause)
                .unwrap_or(tokens.len())
        };
        while i < tokens.len() && tokens[i].part {
            i += 1;
        }
        if i >= tokens.len() {
            return None;
        }
        let start = i;
        let mut end = clause_end(start);
        // A short opening clause of purpose or setting ("To merge two states,").
        let opener = OPENERS.contains(&&*tokens[start].norm)
            && (start..end)
                .filter(|&k| content(&tokens[k]))
                .nth(SUBJECT)
                .is_none();
        let mut subject_end = None;
        if opener
            && end < tokens.len()
            && tokens[end].place.sentence == tokens[start].place.sentence
        {
            subject_end = Some(end);
            end = clause_end(end);
        }
        i = end;
        let span = (start, end - 1);
        let negated = tokens[start..end]
            .iter()
            .any(|t| !t.part && t.is_negation());
        Some(Unit {
            span,
            subject_end,
            negated,
        })
    })
}

/// The whole sentences of `tokens` as (first, last) token: a `;` does not end one.
fn full_sentences(tokens: &[Token]) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    for (k, t) in tokens.iter().enumerate() {
        let opens =
            k == 0 || t.place.sentence != tokens[k - 1].place.sentence && !t.place.after_semicolon;
        match out.last_mut() {
            Some(last) if !opens => last.1 = k,
            _ => out.push((k, k)),
        }
    }
    out
}

/// The content words that one sentence of `model` alone says, with that sentence,
/// sorted by stem hash; and the sentences as written.
fn owned(model: &PreparedAnswer) -> (Vec<(u64, usize)>, Vec<String>) {
    let tokens = model.tokens();
    let spans = full_sentences(tokens);
    let mut places: FxHashMap<u64, Option<usize>> = FxHashMap::default();
    for (s, span) in spans.iter().enumerate() {
        for t in tokens[span.0..=span.1].iter().filter(|t| content(t)) {
            let place = places.entry(t.stem_hash).or_insert(Some(s));
            if *place != Some(s) {
                *place = None;
            }
        }
    }
    let mut owned: Vec<(u64, usize)> = places
        .into_iter()
        .filter_map(|(stem, s)| s.map(|s| (stem, s)))
        .collect();
    owned.sort_unstable();
    let sentences = spans.iter().map(|&span| text(model, span)).collect();
    (owned, sentences)
}

/// Where the subject of a model `unit` ends, and its verb: after an opening clause, the
/// first content word after it; else at a copula among its first [`SUBJECT`] content
/// words, no verb (what follows the copula is said of the subject); else the first
/// content word is the subject and the second its verb. A verb is neither side's own:
/// "take the maximum" answered "takes the sum" gives *take* to neither.
fn subject_and_verb(tokens: &[Token], unit: &Unit) -> (usize, Option<usize>) {
    let (start, end) = (unit.span.0, unit.span.1 + 1);
    let words = |from: usize| (from..end).filter(|&k| content(&tokens[k]));
    if let Some(opening) = unit.subject_end {
        return (opening, words(opening).next());
    }
    let first: Vec<usize> = words(start).take(SUBJECT).collect();
    let reach = first.last().copied().unwrap_or(start);
    if let Some(copula) =
        (start..=reach).find(|&k| !tokens[k].part && COPULAS.contains(&&*tokens[k].norm))
    {
        return (copula, None);
    }
    match first.as_slice() {
        [_, verb, ..] => (*verb, Some(*verb)),
        _ => (end, None),
    }
}

#[cfg(test)]
mod tests;
