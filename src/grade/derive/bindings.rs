//! Pairings a derived rubric's model answer makes with a preposition, and an answer that
//! turns them round: "carries Ethernet frames inside UDP packets" answered "carries UDP
//! packets inside Ethernet frames", or "a WAL sender on the primary ... a WAL receiver
//! on the standby" answered "a WAL receiver on the primary ... a WAL sender on the
//! standby". A derived rubric counts words one by one, so such an answer names every
//! concept and passed; an author's rubric says the same with relations (see
//! `contrast::crossed`), which a derived one has none of.
//!
//! A **binding** is a preposition of [`CONNECTORS`] with the content word right before
//! it (its left side: no function word between) and the phrase after it (its right
//! side: after at most [`LEAD`] function words or pointing words such as *the*, *same*,
//! *another*, up to [`PHRASE`] content words: "on the primary", "inside layer 2
//! Ethernet frames"). Bindings in a clause with a negation are left out of both texts:
//! "not inside the packet" binds nothing.
//!
//! An answer's binding contradicts the model answer when, with the same preposition,
//! it is **reversed** (its left word is in a model binding's phrase and that binding's
//! left word in its phrase) or **crossed** (its left word is one model binding's, its
//! phrase shares nothing with that binding's phrase and a word with the phrase of
//! another model binding, whose left word and phrase are the first's own: the two
//! bindings' words given to each other). An answer that also states the model's
//! binding itself (its left word, a word of its phrase) says both and is left alone.
//! Only derived rubrics are checked: an author says what matters.

use super::actions::Actions;
use super::advised::Advised;
use super::affirmed::Affirmed;
use super::comparisons::Comparisons;
use super::counts::Counts;
use super::definitions::Definitions;
use super::denials::Denials;
use super::directions::Directions;
use super::frames::Frames;
use super::futile::Futile;
use super::kept::Kept;
use super::labels::Labels;
use super::opposites::Opposites;
use super::pairs::Pairs;
use super::parallels::Parallels;
use super::poles::Poles;
use super::premises::Premises;
use super::ratios::Ratios;
use super::rejected::Rejected;
use super::sides::Sides;
use super::twins::Twins;
use crate::grade::contrast::Contradiction;
use crate::grade::lexicon::Lexicon;
use crate::grade::matcher::PreparedAnswer;
use crate::grade::token::Token;
use crate::lang::is_determiner;

/// The prepositions that bind what stands before them to what follows, one way round:
/// "frames inside packets" is not "packets inside frames".
pub const CONNECTORS: &[&str] = &["inside", "into", "within", "on", "onto", "behind"];

/// How many content words the phrase after the preposition may run to ("inside layer
/// 2 Ethernet frames"; a verb after it may come along: "on the primary streams").
pub const PHRASE: usize = 4;

/// How many function words may stand between the preposition and its phrase.
pub(super) const LEAD: usize = 3;

/// Words that are not stop words but only point at a thing ("on another socket", "on
/// the same node"): never a side's head.
const POINTERS: &[&str] = &["another", "other", "same", "each", "every", "own", "one"];

/// The stems (as hashes) of the content words of a phrase.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(super) struct Phrase {
    stems: [u64; PHRASE],
    pub(super) len: usize,
}

impl Phrase {
    pub(super) fn words(&self) -> &[u64] {
        &self.stems[..self.len]
    }

    pub(super) fn has(&self, stem: u64) -> bool {
        self.words().contains(&stem)
    }

    pub(super) fn meets(&self, other: &Phrase) -> bool {
        self.words().iter().any(|&s| other.has(s))
    }

    /// Adds a stem, unless it is full.
    pub(super) fn push(&mut self, stem: u64) {
        if self.len < PHRASE {
            self.stems[self.len] = stem;
            self.len += 1;
        }
    }
}

/// A preposition with the words it binds.
#[derive(Debug, Clone, Copy)]
pub(super) struct Binding {
    /// Which of the prepositions read ([`CONNECTORS`], or another list).
    pub(super) connector: usize,
    /// The stem (as a hash) of the word right before the preposition.
    pub(super) left: u64,
    /// The stems of the phrase after it.
    pub(super) right: Phrase,
    /// The tokens it spans, first and last, for its words.
    pub(super) span: (usize, usize),
}

/// The model answer's bindings, ready to check answers against.
#[derive(Debug, Default)]
pub struct Bindings {
    model: Vec<(Binding, String)>,
    /// The model answer's bindings carried back over a *from* or *of* to the word before
    /// it ("sugars from the flour into carbon dioxide" binds *sugars* too; see
    /// [`chained`]): an answer that states one states the model's pairing.
    chained: Vec<Binding>,
    /// Who does what in the model answer (see [`super::actions`]).
    actions: Actions,
    /// What the model answer says under each condition (see [`super::frames`]).
    frames: Frames,
    /// What the model answer says each of its terms is (see [`super::definitions`]).
    definitions: Definitions,
    /// What the model answer says its terms are (see [`super::denials`]).
    denials: Denials,
    /// The ratios the model answer writes (see [`super::ratios`]).
    ratios: Ratios,
    /// The claims the model answer makes side by side (see [`super::pairs`]).
    pairs: Pairs,
    /// The comparisons the model answer makes (see [`super::comparisons`]).
    comparisons: Comparisons,
    /// The things the model answer qualifies side by side (see [`super::parallels`]).
    parallels: Parallels,
    /// The words the model answer sends up or down (see [`super::directions`]).
    directions: Directions,
    /// What the model answer names the problem and the fix (see [`super::labels`]).
    labels: Labels,
    /// The scales the model answer ties together (see [`super::poles`]).
    poles: Poles,
    /// What the question takes as given (see [`super::premises`]).
    premises: Premises,
    /// What the model answer denies of a subject (see [`super::affirmed`]).
    affirmed: Affirmed,
    /// What the model answer advises against (see [`super::advised`]).
    advised: Advised,
    /// What the model answer rejects for a setting (see [`super::rejected`]).
    rejected: Rejected,
    /// What the model answer says does not help (see [`super::futile`]).
    futile: Futile,
    /// What the model answer says is lost (see [`super::kept`]).
    kept: Kept,
    /// The words the model answer says both ways in a contrast (see [`super::twins`]).
    twins: Twins,
    /// The two subjects the question sets against each other (see [`super::sides`]).
    sides: Sides,
    /// The opposites the model answer puts in its claims (see [`super::opposites`]).
    opposites: Opposites,
    /// The counts the model answer gives things (see [`super::counts`]).
    counts: Counts,
}

impl Bindings {
    /// The bindings of `model` (a derived rubric's model answer, prepared); `asked` is
    /// the question's text, `glossed` the model answer's parentheses as definitions
    /// (`definitions::glosses`), `lexicon` the synonyms; `long` whether the model answer
    /// is a long one (more than `DeriveOptions::carry` concepts), the only kind whose
    /// opposites are read (see [`super::opposites`]) and whose pairs of subjects are
    /// found from the model answer alone (see [`super::sides`]).
    pub fn new(
        model: &PreparedAnswer,
        asked: &PreparedAnswer,
        glossed: &PreparedAnswer,
        lexicon: &Lexicon,
        long: bool,
    ) -> Bindings {
        let actions = Actions::new(model, asked);
        let frames = Frames::new(model);
        let definitions = Definitions::new(model, glossed, asked);
        let denials = Denials::new(model);
        let ratios = Ratios::new(model);
        let pairs = Pairs::new(model, lexicon);
        let comparisons = Comparisons::new(model);
        let parallels = Parallels::new(model);
        let directions = Directions::new(model);
        let labels = Labels::new(model, asked);
        let poles = Poles::new(model);
        let premises = Premises::new(model, asked);
        let affirmed = Affirmed::new(model);
        let advised = Advised::new(model);
        let rejected = Rejected::new(model);
        let futile = Futile::new(model);
        let kept = Kept::new(model);
        let twins = Twins::new(model);
        let sides = Sides::new(model, asked, long);
        let opposites = if long {
            Opposites::new(model)
        } else {
            Opposites::default()
        };
        let counts = Counts::new(model);
        let chained = chained(model.tokens());
        let model = bindings(model.tokens())
            .map(|b| (b, text(model, b.span)))
            .collect();
        Bindings {
            model,
            chained,
            actions,
            frames,
            definitions,
            denials,
            ratios,
            pairs,
            comparisons,
            parallels,
            directions,
            labels,
            poles,
            premises,
            affirmed,
            advised,
            rejected,
            futile,
            kept,
            twins,
            sides,
            opposites,
            counts,
        }
    }

    /// Whether concept `c`, found only turned round, is a twin of the model answer that
    /// `answer` says in that polarity only of the side of the contrast the model answer
    /// says it of (see [`super::twins`]): no bar to the terse scoring.
    pub fn twin_excused(&self, c: &crate::grade::ConceptResult, answer: &PreparedAnswer) -> bool {
        self.twins.excused(c, answer)
    }

    /// Whether `answer` says a twin of the model answer only of the other side of its
    /// contrast (see [`super::twins`]): no terse restatement.
    pub fn twin_swapped(&self, answer: &PreparedAnswer) -> bool {
        self.twins.swapped(answer)
    }

    /// The first binding of `answer` that turns round one of the model answer's, else
    /// the first action given to the wrong doer, else the first outcome put under
    /// another condition, else the first term given another's definition, else the
    /// first model claim denied, else the first model ratio turned over, else the first
    /// pair of claims given each other's predicates, else the first comparison turned
    /// round, else the first two qualifiers swapped, else the first word sent the other
    /// way, else the first problem called the fix or the reverse, else the first two
    /// scales tied the other way round or two things put at the other ends of one, else
    /// the first denial of what the question takes as given, else the first thing the
    /// model answer denies of a subject stated of it, else the first thing it advises
    /// against advised, else the first thing it rejects for a setting given as the fix
    /// there, else the first change it says does not help given as the fix, else the
    /// first thing it says is lost said to be kept, else the first of the question's two
    /// subjects given the other's words, else the first opposite put where the model
    /// answer puts the other, else the first thing given another count than the model
    /// answer's.
    pub fn check(&self, answer: &PreparedAnswer) -> Option<Contradiction> {
        self.pairing(answer)
            .or_else(|| self.actions.check(answer))
            .or_else(|| self.frames.check(answer))
            .or_else(|| self.definitions.check(answer))
            .or_else(|| self.denials.check(answer))
            .or_else(|| self.ratios.check(answer))
            .or_else(|| self.pairs.check(answer))
            .or_else(|| self.comparisons.check(answer))
            .or_else(|| self.parallels.check(answer))
            .or_else(|| self.directions.check(answer))
            .or_else(|| self.labels.check(answer))
            .or_else(|| self.poles.check(answer))
            .or_else(|| self.premises.check(answer))
            .or_else(|| self.affirmed.check(answer))
            .or_else(|| self.advised.check(answer))
            .or_else(|| self.rejected.check(answer))
            .or_else(|| self.futile.check(answer))
            .or_else(|| self.kept.check(answer))
            .or_else(|| self.sides.check(answer))
            .or_else(|| self.opposites.check(answer))
            .or_else(|| self.counts.check(answer))
    }

    fn pairing(&self, answer: &PreparedAnswer) -> Option<Contradiction> {
        if self.model.is_empty() {
            return None;
        }
        let tokens = answer.tokens();
        let states = |m: &Binding| {
            bindings(tokens)
                .any(|a| a.connector == m.connector && a.left == m.left && a.right.meets(&m.right))
        };
        for a in bindings(tokens) {
            // The answer's binding is one the model answer makes itself (its own, or one
            // carried back over a *from*: "the flour's sugars into carbon dioxide").
            let own = |m: &Binding| {
                m.connector == a.connector && m.left == a.left && a.right.meets(&m.right)
            };
            if self.model.iter().any(|(m, _)| own(m)) || self.chained.iter().any(own) {
                continue;
            }
            let same = self
                .model
                .iter()
                .filter(|(m, _)| m.connector == a.connector);
            for (m, said) in same.clone() {
                let reversed = m.right.has(a.left) && a.right.has(m.left);
                let crossed = a.left == m.left
                    && !a.right.meets(&m.right)
                    && same.clone().any(|(other, _)| {
                        other.left != m.left
                            && !other.right.meets(&m.right)
                            && a.right.meets(&other.right)
                    });
                if (reversed || crossed) && !states(m) {
                    return Some(turned("pairing", answer, a.span, said));
                }
            }
        }
        None
    }
}

/// The contradiction of `role` that the answer's words at `span` make of the model
/// answer's words `said`, turned round.
pub(super) fn turned(
    role: &str,
    answer: &PreparedAnswer,
    span: (usize, usize),
    said: &str,
) -> Contradiction {
    contradiction(
        role,
        answer,
        span,
        format!("\"{said}\" (the two turned round)"),
    )
}

/// The contradiction of `role` that the answer's words at `span` make of what the
/// model answer says, `model`.
pub(super) fn contradiction(
    role: &str,
    answer: &PreparedAnswer,
    span: (usize, usize),
    model: String,
) -> Contradiction {
    let tokens = answer.tokens();
    Contradiction {
        role: role.to_owned(),
        said: text(answer, span),
        model,
        anchor: None,
        matched: (span.0..=span.1)
            .filter(|&i| !tokens[i].part)
            .map(|i| answer.word(i).to_owned())
            .collect(),
    }
}

/// The words of `text` from token `span.0` to `span.1`, as written.
pub(super) fn text(text: &PreparedAnswer, span: (usize, usize)) -> String {
    let tokens = text.tokens();
    (span.0..=span.1)
        .filter(|&i| !tokens[i].part)
        .map(|i| text.word(i))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether `t` is a content word of the sentence that can head a side.
pub(super) fn content(t: &Token) -> bool {
    !t.part && !t.stop && !t.is_negation() && !POINTERS.contains(&&*t.norm)
}

/// The content words (as token indices) of what an act or a copula is done to, among
/// the words `after` it: after determiners only, up to [`PHRASE`]; `None` when another
/// function word comes first ("resolves to its IP", "scheduled by the kernel": a
/// preposition's phrase, or the passive's doer, is no such thing).
pub(super) fn object<'a>(
    tokens: &'a [Token],
    after: impl Iterator<Item = usize> + 'a,
) -> Option<impl Iterator<Item = usize> + 'a> {
    let mut after = after.peekable();
    for _ in 0..LEAD {
        match after.next_if(|&k| !content(&tokens[k])) {
            Some(k) if !is_determiner(&tokens[k].norm) => return None,
            Some(_) => {}
            None => break,
        }
    }
    Some(after.take_while(move |&k| content(&tokens[k])).take(PHRASE))
}

/// The prepositions over which a binding's left word carries back to the word before
/// ("sugars *from* the flour into carbon dioxide", "the sugars *of* the flour into ..."):
/// that word is bound to the phrase too.
const CHAIN: &[&str] = &["from", "of"];

/// The bindings of `tokens` whose left word follows a preposition of [`CHAIN`] (after
/// determiners only), given the content word before that preposition (after determiners
/// only, in the same clause) as their left word: "converts sugars from the malt into
/// alcohol" binds *sugars* into *alcohol* as well as *malt*. A word the model answer
/// binds so to two phrases ("sugars from the malt into alcohol ... sugars into lactic
/// acid") is not crossed by an answer that names either pairing.
fn chained(tokens: &[Token]) -> Vec<Binding> {
    let mut out = Vec::new();
    for b in bindings(tokens) {
        let (before, _) = clause_words(tokens, b.span.0);
        let mut before = before.filter(|&k| !is_determiner(&tokens[k].norm)).take(2);
        let linked = before
            .next()
            .is_some_and(|k| CHAIN.contains(&&*tokens[k].norm));
        if let Some(w) = before.next().filter(|&k| linked && content(&tokens[k])) {
            out.push(Binding {
                left: tokens[w].stem_hash,
                ..b
            });
        }
    }
    out
}

/// The bindings of `tokens`, outside clauses with a negation.
fn bindings(tokens: &[Token]) -> impl Iterator<Item = Binding> + '_ {
    bindings_of(tokens, CONNECTORS)
}

/// The bindings of `tokens` by the prepositions of `connectors`, outside clauses with a
/// negation.
pub(super) fn bindings_of<'a>(
    tokens: &'a [Token],
    connectors: &'static [&'static str],
) -> impl Iterator<Item = Binding> + 'a {
    tokens.iter().enumerate().filter_map(move |(i, t)| {
        let connector = connectors.iter().position(|c| **c == *t.norm)?;
        let (mut before, after) = around(tokens, i)?;
        let first = before.next().filter(|&k| content(&tokens[k]))?;
        // "on the primary", "inside its own packet": a few function words, then the
        // phrase.
        let mut after = after.peekable();
        for _ in 0..LEAD {
            if after.next_if(|&k| !content(&tokens[k])).is_none() {
                break;
            }
        }
        let left = tokens[first].stem_hash;
        let mut right = Phrase::default();
        let mut last = first;
        for k in after.take_while(|&k| content(&tokens[k])).take(PHRASE) {
            last = k;
            if tokens[k].stem_hash != left {
                right.push(tokens[k].stem_hash);
            }
        }
        (right.len > 0).then_some(Binding {
            connector,
            left,
            right,
            span: (first, last),
        })
    })
}

/// The words of token `i`'s clause before it (the nearest first) and after it (code
/// tokens' parts aside), unless the clause holds a negation.
pub(super) fn around(
    tokens: &[Token],
    i: usize,
) -> Option<(
    impl Iterator<Item = usize> + Clone + '_,
    impl Iterator<Item = usize> + Clone + '_,
)> {
    let (before, after) = clause_words(tokens, i);
    let mut words = before.clone().chain(after.clone());
    (!words.any(|k| tokens[k].is_negation())).then_some((before, after))
}

/// The words of token `i`'s clause before it (the nearest first) and after it (code
/// tokens' parts aside), negation or not.
pub(super) fn clause_words(
    tokens: &[Token],
    i: usize,
) -> (
    impl Iterator<Item = usize> + Clone + '_,
    impl Iterator<Item = usize> + Clone + '_,
) {
    let clause = tokens[i].place.clause;
    let in_clause = move |k: &usize| tokens[*k].place.clause == clause;
    let before = (0..i)
        .rev()
        .filter(|k| !tokens[*k].part)
        .take_while(in_clause);
    let after = (i + 1..tokens.len())
        .filter(|k| !tokens[*k].part)
        .take_while(in_clause);
    (before, after)
}

#[cfg(test)]
mod tests;
