//! A question's rubric made ready to match: every keyword expanded with the lexicon
//! and compiled into patterns over one vocabulary, each term's polarity taken from the
//! model answer, relations and misconceptions likewise; and how one concept fares in
//! one answer. Scores, verdicts and their wording are `grade::mod`'s.

use super::Options;
use super::claim::{Keywords, NotAClaim};
use super::contradiction::{self, Claims};
use super::contrast::{self, Contrasts};
use super::derive::{self, BankStats};
use super::facts::Facts;
use super::in_place::InPlace;
use super::lexicon::Lexicon;
use super::matcher::{Found, InModel, Pattern, Polarity, PreparedAnswer, Vocab};
use super::negation::{
    denying_adjective, ended_by_a_change, ends_a_state, need_denied_twice, needed_in_absence,
    replies_yes, reports_belief, waives,
};
use super::token::{Class, Parts, Token, glued_version, same_written, tokenize};
use crate::bank::{Concept, Question, Rubric, Within};
use crate::lang::{denied_opposites, negated_root};
use pairing::Pairing;
use rust_stemmers::Stemmer;

mod each;
mod former;
pub(super) mod pairing;

/// A rubric ready to match.
pub struct Compiled {
    /// The rubric when it is derived from the model answer.
    pub derived: Option<Rubric>,
    pub vocab: Vocab,
    /// One per concept of the rubric, in order.
    pub concepts: Vec<Matcher>,
    /// One per forbidden entry, one pattern list per term.
    pub forbidden: Vec<Vec<Vec<Pattern>>>,
    /// One per misconception of the question.
    pub misconceptions: Vec<Matcher>,
    /// The contrast sets the model answer takes a side in.
    pub contrasts: Contrasts,
    /// What an answer may say in the place of an author's terms, against them.
    pub in_place: InPlace,
    /// The model answer's claims an answer may turn round.
    pub claims: Claims,
    /// The well-known facts an answer may get wrong.
    pub facts: Facts,
    /// The pairings a derived rubric's model answer makes, which an answer may turn
    /// round (`derive::bindings`).
    pub bindings: derive::Bindings,
    /// The negations a derived rubric's model answer makes of words it states plainly
    /// in the same clause (`derive::shared`).
    pub shared: derive::SharedNegations,
    /// Whether the model answer itself is a claim (not a bare list): only then is an
    /// answer that is a list of terms refused.
    pub model_is_claim: bool,
    /// Whether three or four bare terms are refused too (`NotAClaim::wants_a_claim`: a
    /// model answer that is a claim of some length, a prompt that asks for no terms).
    pub few_terms_refused: bool,
    /// How many words of `vocab` are the concepts' (they are interned first): an
    /// answer made of nothing else only echoes the rubric. 0 when the model answer is
    /// made of nothing else, so no answer is refused for it.
    pub concept_words: usize,
    /// The weight that earns a full score, when it is not the rubric's whole weight (a
    /// derived rubric of a long model answer).
    pub full_weight: Option<f64>,
    /// For each concept of a derived rubric, the stem its near forms are measured
    /// against (`derive::near_stems`); empty for an author's rubric.
    pub near: Vec<Option<std::sync::Arc<str>>>,
    /// The words of the question's texts and the rubric's terms, which an answer's
    /// clause must use to be checked against anything (`unsupported`).
    pub support: super::unsupported::Support,
}

/// One concept, compiled.
pub enum Matcher {
    /// Any alternative counts.
    Any(Vec<Pattern>),
    /// Every term, found together.
    All {
        terms: Vec<Vec<Pattern>>,
        within: Within,
        ordered: bool,
        /// How a relation of two terms is also said: passive, cleft, comparative (see
        /// [`pairing`]).
        pairing: Pairing,
    },
}

/// How a concept fared in an answer.
#[derive(Debug, Clone, Default)]
pub struct Outcome {
    /// The tokens that matched, when it counts.
    pub matched: Option<Vec<usize>>,
    /// It was found only in the wrong polarity (under a negation, or plainly where the
    /// model answer negates it).
    pub negated: bool,
    /// Why it did or did not count, when that is not plain.
    pub note: Option<String>,
    /// A relation's terms were found together, one of them negated (by a cue that
    /// denies) where the model answer states it plainly: the answer denies it.
    pub denied: bool,
    /// What it denies is a restriction, said "not only" (see [`restriction_denied`]):
    /// the answer claims its contrary.
    pub contrary: bool,
    /// The tokens (cue first) of the match under a negation of a term that the model
    /// answer states plainly and nowhere negated, when nothing else was found, or of the
    /// denial a plain match in an aside stands in ([`ASIDE_DENIED`]): a denial
    /// that may be said of the other member of a contrast (see
    /// [`Contrasts::denied_of_other`](super::contrast::Contrasts::denied_of_other)).
    pub wrong: Option<Vec<usize>>,
}

thread_local! {
    /// Whether the question being compiled writes the DNS letter of "an A record" in
    /// its texts (see [`RecordLetter`]).
    static RECORD_LETTER: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// While it lives, a keyword `a record` (`a records`) is compiled as the DNS letter
/// *A* before *record*, not the article, where the question's texts (situation, prompt,
/// model answer, explanation) write "A record" with its capital inside a sentence
/// ([`token::writes_a_record`](super::token::writes_a_record)): there "a TXT record"
/// or "a record of another kind" is no A record. Elsewhere the keyword reads as on
/// any text, and an answer's "A record" still meets it (the letter offers the article
/// as a part).
struct RecordLetter(bool);

impl RecordLetter {
    fn of(question: &Question) -> RecordLetter {
        let writes = [
            question.situation.as_deref(),
            Some(question.prompt.as_str()),
            question.model_answer.as_deref(),
            question.explanation.as_deref(),
        ]
        .into_iter()
        .flatten()
        .any(super::token::writes_a_record);
        RecordLetter(RECORD_LETTER.replace(writes))
    }
}

impl Drop for RecordLetter {
    fn drop(&mut self) {
        RECORD_LETTER.set(self.0);
    }
}

/// `words` of a keyword with the article *a* before *record(s)* read as the DNS letter
/// *A*, on a question whose texts write it (see [`RecordLetter`]).
fn record_letter(words: &mut [Token], stemmer: &Stemmer) {
    if !RECORD_LETTER.get() {
        return;
    }
    for i in 1..words.len() {
        if matches!(&*words[i].norm, "record" | "records") && &*words[i - 1].norm == "a" {
            words[i - 1] = super::token::record_letter(&words[i - 1], stemmer);
        }
    }
}

/// Compiles `question`'s rubric (derived when it has none).
pub fn compile(
    question: &Question,
    stats: &BankStats,
    options: &Options,
    stemmer: &Stemmer,
    lexicon: &Lexicon,
) -> Compiled {
    let _letter = RecordLetter::of(question);
    let derived = question
        .rubric
        .is_none()
        .then(|| derive::derive(question, stats, &options.derive, stemmer, lexicon));
    let rubric = derived
        .as_ref()
        .or(question.rubric.as_ref())
        .cloned()
        .unwrap_or_default();
    let model = question
        .model_answer
        .as_deref()
        .map(|m| PreparedAnswer::new(m, stemmer, &Vocab::default()));
    let mut vocab = Vocab::with_known(stats.known.clone());
    let asked = PreparedAnswer::new(&asked(question), stemmer, &Vocab::default());
    let patterns = Patterns {
        model: model.as_ref(),
        asked: &asked,
        lexicon,
        stemmer,
    };
    let mut concepts: Vec<Matcher> = rubric
        .concepts
        .iter()
        .map(|c| patterns.matcher(c, &mut vocab, true))
        .collect();
    if derived.is_some() {
        // A derived concept is one word, whose denial repeated says too little of what
        // the model answer denies ("does not respect real time" of the other model).
        for concept in &mut concepts {
            if let Matcher::Any(patterns) = concept {
                patterns.iter_mut().for_each(|p| {
                    p.keep_denials(|_| false);
                    p.removed_in_model = false;
                });
            }
        }
    }
    // An answer made of the concepts' words alone is no claim, unless the model answer
    // is one too ("not not not" as a model answer derives a rubric it must pass).
    let concept_words = match &model {
        Some(m) if NotAClaim::echoes(m, &vocab) => 0,
        _ => vocab.len(),
    };
    // A misconception is matched as written: the model answer denying it must not turn
    // it round.
    let mut misconceptions: Vec<Matcher> = question
        .misconceptions
        .iter()
        .map(|m| patterns.matcher(&m.concept, &mut vocab, false))
        .collect();
    pairing::rivals(&mut concepts, &mut misconceptions, &vocab);
    keep_out_of_compounds(&mut misconceptions, lexicon, &mut vocab);
    let forbidden = rubric
        .forbidden
        .iter()
        .map(|f| {
            f.terms
                .iter()
                .map(|t| keyword_patterns(t, lexicon, stemmer, &mut vocab))
                .collect()
        })
        .collect();
    let contrasts = match &model {
        Some(model) => contrasts(question, model, &asked, &concepts, &patterns, &mut vocab),
        None => Contrasts::default(),
    };
    let texts: Vec<&PreparedAnswer> = model.iter().chain([&asked]).collect();
    let in_place = InPlace::new(question, &rubric.concepts, &concepts, &texts, stemmer);
    let explained = contradiction::texts(None, question.explanation.as_deref(), stemmer);
    let stated: Vec<&PreparedAnswer> = model.iter().chain(&explained).collect();
    let claims = Claims::new(&stated, &asked, derived.is_some(), stemmer, &mut vocab);
    let said: Vec<&str> = [
        question.model_answer.as_deref(),
        question.explanation.as_deref(),
    ]
    .into_iter()
    .flatten()
    .collect();
    let raw: Vec<&str> = said
        .iter()
        .copied()
        .chain([question.prompt.as_str()])
        .chain(question.situation.as_deref())
        .collect();
    let mut facts = Facts::new(&stated, &asked, &said, &raw, stemmer, &mut vocab);
    let accepted: Vec<String> = rubric
        .concepts
        .iter()
        .flat_map(|c| {
            c.alternatives
                .iter()
                .chain(c.relation.iter().flat_map(|r| r.terms.iter().flatten()))
        })
        .map(|term| term.to_lowercase())
        .collect();
    facts.accepted_by_rubric(
        accepted
            .iter()
            .flat_map(|term| term.split(|c: char| !c.is_alphanumeric()))
            .filter(|w| !w.is_empty()),
    );
    let bindings = match (&derived, &model) {
        (Some(rubric), Some(model)) => {
            let glossed = derive::glosses(question.model_answer.as_deref().unwrap_or(""));
            let glossed = PreparedAnswer::new(&glossed, stemmer, &Vocab::default());
            let long = derive::full_weight(rubric, &options.derive).is_some();
            derive::Bindings::new(model, &asked, &glossed, lexicon, long)
        }
        _ => derive::Bindings::default(),
    };
    let shared = match (&derived, &model) {
        (Some(rubric), Some(model)) => {
            derive::SharedNegations::new(rubric, &concepts, model, &vocab)
        }
        _ => derive::SharedNegations::default(),
    };
    let model_is_claim = model
        .as_ref()
        .is_none_or(|m| NotAClaim::of(m, &Keywords::none()).is_none());
    let few_terms_refused = model_is_claim
        && model
            .as_ref()
            .is_some_and(|m| NotAClaim::wants_a_claim(m, &question.prompt));
    let full_weight = derived
        .as_ref()
        .and_then(|r| derive::full_weight(r, &options.derive));
    // Near forms are off by default but for a long model answer: their stems are worked
    // out only when asked for.
    let near = derived
        .as_ref()
        .filter(|_| options.derive.for_rubric(full_weight.is_some()).near > 0.0)
        .map(|r| derive::near_stems(r, stemmer))
        .unwrap_or_default();
    let terms = rubric.concepts.iter().flat_map(|c| {
        c.alternatives
            .iter()
            .chain(c.relation.iter().flat_map(|r| r.terms.iter().flatten()))
            .map(String::as_str)
    });
    let support = super::unsupported::Support::new(question, terms, stemmer);
    Compiled {
        support,
        full_weight,
        near,
        derived,
        vocab,
        concepts,
        forbidden,
        misconceptions,
        contrasts,
        in_place,
        claims,
        facts,
        bindings,
        shared,
        model_is_claim,
        few_terms_refused,
        concept_words,
    }
}

/// Keeps each misconception's one-word terms out of the compounds the lexicon (with the
/// bank's synonyms) knows as things of their own: `trust` of a misconception (`trust +
/// server sends`) is not met inside "the client's trust store" when the bank says a
/// trust store is also a `CA bundle`.
fn keep_out_of_compounds(misconceptions: &mut [Matcher], lexicon: &Lexicon, vocab: &mut Vocab) {
    for misconception in misconceptions {
        let patterns: Box<dyn Iterator<Item = &mut Pattern>> = match misconception {
            Matcher::Any(patterns) => Box::new(patterns.iter_mut()),
            Matcher::All { terms, .. } => Box::new(terms.iter_mut().flatten()),
        };
        for pattern in patterns {
            if let Some(word) = pattern.single_word(vocab) {
                let next = lexicon.compounds_after(&word);
                if !next.is_empty() {
                    pattern.keep_out_of(next, vocab);
                }
            }
        }
    }
}

/// What contradicts the model answer, read against the question (its situation and
/// prompt, whose own words contradict nothing).
fn contrasts(
    question: &Question,
    model: &PreparedAnswer,
    asked: &PreparedAnswer,
    concepts: &[Matcher],
    patterns: &Patterns,
    vocab: &mut Vocab,
) -> Contrasts {
    // Read by the advice check of an author's rubric only.
    let situation = (question.rubric.as_ref())
        .and(question.situation.as_deref())
        .map(|text| PreparedAnswer::new(text, patterns.stemmer, &Vocab::default()));
    let cx = contrast::Context {
        model,
        question: asked,
        situation: situation.as_ref(),
        concepts,
        authored: question.rubric.is_some(),
        lexicon: patterns.lexicon,
        stemmer: patterns.stemmer,
    };
    Contrasts::new(&cx, vocab)
}

/// What `question` asks: its situation and prompt.
fn asked(question: &Question) -> String {
    let asked = [
        question.situation.as_deref(),
        Some(question.prompt.as_str()),
    ];
    asked.into_iter().flatten().collect::<Vec<_>>().join("\n")
}

/// Keeps a relation term's echoable denials (see [`Found::echoes`]) only where the
/// model answer's sentence of the denial names every other term too: "SIGKILL cannot
/// be caught" is no denial of `sigterm + caught` an answer's "SIGTERM can't be caught"
/// may repeat, while "the planner cannot search the index for the result of the
/// function" is one of `function + index`.
fn echoed_with_the_others(terms: &mut [Vec<Pattern>], model: &PreparedAnswer, vocab: &Vocab) {
    let sentences: Vec<Vec<u32>> = terms
        .iter()
        .map(|term| {
            term.iter()
                .flat_map(|p| model.all(p, vocab))
                .filter_map(|(found, _)| found.tokens.last().copied())
                .map(|t| model.tokens()[t].place.sentence)
                .collect()
        })
        .collect();
    for (i, term) in terms.iter_mut().enumerate() {
        for pattern in term {
            pattern.keep_denials(|s| {
                sentences
                    .iter()
                    .enumerate()
                    .all(|(j, said)| j == i || said.contains(&s))
            });
        }
    }
}

/// What compiles a concept's terms into patterns: the lexicon, the stemmer, and the
/// model answer, whose polarity a term takes.
struct Patterns<'a> {
    model: Option<&'a PreparedAnswer>,
    /// The question's situation and prompt (see [`Pattern::in_question`]).
    asked: &'a PreparedAnswer,
    lexicon: &'a Lexicon,
    stemmer: &'a Stemmer,
}

impl Patterns<'_> {
    /// The patterns of `terms`, in the model answer's polarity when `with_model`.
    ///
    /// A concept's keyword is also looked for in the forms of [`said_otherwise`].
    ///
    /// The polarity is the concept's: when the model answer states it only negated, in
    /// any of its forms ("no inode of its own" for `own inode`), every form of it asks
    /// for the negation, so "with its own inode" is the contrary, not a match. When it
    /// states it plainly in one form, the concept is stated plainly, and a form it
    /// negates in passing counts in either polarity: "carries no valid credentials, so
    /// the client must authenticate" states `[credentials, authenticate]` plainly, and
    /// "a 401 asks for credentials" says it as well as "it has no valid credentials".
    fn of(&self, terms: &[String], vocab: &mut Vocab, with_model: bool) -> Vec<Pattern> {
        // Each pattern, and whether its keyword is itself a negation (`not attached`),
        // which says nothing of the concept's polarity in the model answer.
        let mut out = Vec::new();
        // The roots of terms negated by their prefix, with the index of the term's
        // first pattern.
        let mut roots = Vec::new();
        // The verbs whose denial says a one-word term, with the index of the term's
        // first pattern (a concept's only, as `said_otherwise`).
        let mut opposites = Vec::new();
        // The other ways of saying them after every keyword as written: an answer that
        // says one as written is shown to meet that one.
        let mut written = Vec::new();
        for term in terms {
            if let Some(root) = privative_root(term, self.stemmer) {
                roots.push((written.len(), root));
            }
            if with_model {
                // Each verb once, however many of the term's alternatives it opposes.
                for opposite in denied_opposites_of(term, self.stemmer) {
                    if !opposites.iter().any(|(_, o)| o == opposite) {
                        opposites.push((written.len(), *opposite));
                    }
                }
            }
            written.extend(keyword_patterns(term, self.lexicon, self.stemmer, vocab));
        }
        let otherwise = terms
            .iter()
            .filter(|_| with_model)
            .flat_map(|term| said_otherwise(term, self.stemmer, vocab))
            .collect::<Vec<_>>();
        for pattern in written.into_iter().chain(otherwise) {
            let own = pattern.polarity == Polarity::Negated;
            out.push(match (self.model, with_model) {
                (Some(model), true) => (
                    pattern
                        .with_model(model, vocab)
                        .with_question(self.asked, vocab),
                    own,
                ),
                _ => (pattern, own),
            });
        }
        let stated = |how: InModel| out.iter().any(|(p, own)| !own && p.in_model == how);
        if !stated(InModel::Plain) && stated(InModel::Negated) {
            for (pattern, _) in out
                .iter_mut()
                .filter(|(p, own)| !own && p.in_model == InModel::Absent)
            {
                pattern.in_model = InModel::Negated;
                pattern.polarity = Polarity::Negated;
            }
        } else if stated(InModel::Plain) {
            // A term the model answer states only in a thing's absence ("Without jitter,
            // the retries stay synchronised") may be said either way in each of its forms.
            if out
                .iter()
                .filter(|(p, own)| !own && p.in_model == InModel::Plain)
                .all(|(p, _)| p.either_polarity)
            {
                for (pattern, _) in out
                    .iter_mut()
                    .filter(|(p, own)| !own && p.in_model == InModel::Absent)
                {
                    pattern.either_polarity = true;
                }
            }
            let plain: Vec<(Pattern, bool)> = out
                .iter()
                .filter(|(p, own)| !own && p.in_model == InModel::Negated)
                .map(|(p, _)| {
                    let mut p = p.clone();
                    p.in_model = InModel::Plain;
                    p.polarity = Polarity::Plain;
                    (p, false)
                })
                .collect();
            out.extend(plain);
        }
        // `unlimited` is also its root negated ("there is no limit", "not limited"), in
        // the polarity opposite to the term's: "not unlimited" is "limited".
        // Likewise `rejects` is `accept` denied ("must not accept it"), and `persist`
        // is `deleted` denied, but only so: "deletes" said plainly says nothing of it.
        let roots = roots
            .iter()
            .map(|(first, root)| (*first, root.as_str(), false));
        let opposites = opposites
            .into_iter()
            .map(|(first, verb)| (first, verb, true));
        for (first, root, one_way) in roots.chain(opposites) {
            if let Some((term, _)) = out.get(first) {
                let negated = term.polarity == Polarity::Plain;
                // A term the model answer states negated is not said by its opposite
                // said plainly: the model answer's negation may reach past its verb.
                if one_way && !negated {
                    continue;
                }
                let words = tokenize(root, self.stemmer, Parts::Skip);
                out.push(if one_way {
                    (Pattern::one_way(words, negated, vocab), true)
                } else {
                    (Pattern::exact(words, negated, vocab), true)
                });
            }
        }
        out.into_iter().map(|(pattern, _)| pattern).collect()
    }

    /// The matcher of `concept`: any of its alternatives, or all terms of its relation.
    fn matcher(&self, concept: &Concept, vocab: &mut Vocab, with_model: bool) -> Matcher {
        match &concept.relation {
            None => {
                let mut patterns = self.of(&concept.alternatives, vocab, with_model);
                // A comparison the model answer makes, said the other way round.
                if with_model && let Some(model) = self.model {
                    let converses: Vec<String> = concept
                        .alternatives
                        .iter()
                        .flat_map(|k| pairing::converses(k, model, self.stemmer))
                        .filter(|c| !concept.alternatives.contains(c))
                        .collect();
                    if !converses.is_empty() {
                        patterns.extend(self.of(&converses, vocab, true));
                    }
                }
                Matcher::Any(patterns)
            }
            Some(relation) => {
                let mut terms: Vec<Vec<Pattern>> = relation
                    .terms
                    .iter()
                    .map(|t| self.of(t, vocab, with_model))
                    .collect();
                if let Some(model) = self.model {
                    echoed_with_the_others(&mut terms, model, vocab);
                }
                let pairing =
                    Pairing::new(&relation.terms, &terms, self.lexicon, self.stemmer, vocab);
                Matcher::All {
                    terms,
                    within: relation.within,
                    ordered: relation.ordered,
                    pairing,
                }
            }
        }
    }
}

/// The patterns of one keyword: as written, with its synonyms, and a phrase of two or
/// three words also turned round ("the kernel of the host" for `host kernel`, "an inode
/// of its own" for `own inode`) and written as one word (`writethrough` for
/// `write-through` or `write through`), a name with its version glued on also
/// spaced (`TLS 1.3` for `TLSv1.3`). A keyword that starts with a negation cue (`not
/// persisted`) asks for the negation. (A concept's keyword has [`said_otherwise`] too.)
pub fn keyword_patterns(
    keyword: &str,
    lexicon: &Lexicon,
    stemmer: &Stemmer,
    vocab: &mut Vocab,
) -> Vec<Pattern> {
    let mut words = tokenize(keyword, stemmer, Parts::Skip);
    record_letter(&mut words, stemmer);
    if let [word] = words.as_slice()
        && asks_for_a_reply(word)
    {
        return vec![Pattern::reply(word.clone(), vocab)];
    }
    let negated = words.len() > 1 && words[0].is_negation();
    if negated {
        words.remove(0);
    }
    let expression = is_expression(keyword);
    let mut out = Vec::new();
    for variant in lexicon.expand(&words) {
        // `own inode` turns round too: "an inode of its own".
        let turnable = !negated
            && !expression
            && (2..=3).contains(&variant.len())
            && variant
                .iter()
                .enumerate()
                .all(|(i, t)| t.class == Class::Word && (!t.stop || (i == 0 && &*t.norm == "own")));
        if !negated && let Some(own) = own_first(&variant) {
            out.push(Pattern::new(own, negated, false, vocab));
        }
        out.push(Pattern::new(variant.clone(), negated, false, vocab));
        if turnable {
            out.push(Pattern::new(variant, negated, true, vocab));
        }
    }

    if let Some(other) = closed_compound(&words).or_else(|| spaced_version(&words)) {
        out.push(Pattern::exact(
            tokenize(&other, stemmer, Parts::Skip),
            negated,
            vocab,
        ));
    }
    if let Some(phrasal) = phrasal_version(&words) {
        out.push(Pattern::tight(
            tokenize(&phrasal, stemmer, Parts::Skip),
            negated,
            vocab,
        ));
    }
    out
}

/// The particles that end a phrasal verb (*time out*, *roll back*, *log in*) and the
/// noun written as one word that it makes (`timeout`, `rollback`, `login`).
const PARTICLES: &[&str] = &[
    "up", "down", "out", "off", "over", "back", "in", "through", "around",
];

/// A keyword of one word that is a verb of three letters or more and the particle it
/// ends with (`timeout`, `fallbacks`, `backoff`, `workaround`), as the phrasal verb in
/// two words (`time out`), which the answer may say in any form of the verb ("the call
/// timed out", "it falls back"), side by side in one clause ([`Pattern::tight`]). Not a
/// stop word or a negation cue (*without* is no "with out").
fn phrasal_version(words: &[Token]) -> Option<String> {
    let [word] = words else {
        return None;
    };
    if word.class != Class::Word || word.stop || word.is_negation() {
        return None;
    }
    let norm = &*word.norm;
    let singular = norm.strip_suffix('s').filter(|s| !s.ends_with('s'));
    [Some(norm), singular].into_iter().flatten().find_map(|w| {
        PARTICLES.iter().find_map(|p| {
            let verb = w.strip_suffix(p)?;
            (verb.len() >= 3 && verb.bytes().all(|b| b.is_ascii_lowercase()))
                .then(|| format!("{verb} {p}"))
        })
    })
}

/// Whether a keyword's one word is the reply *no*: the answer to a yes-or-no question
/// ("Is RAID a backup?"), which an answer's *no* gives only where it ends its clause
/// ("No, ...", "No."). Where it negates the words after it ("no data is ever at
/// risk"), it answers nothing.
fn asks_for_a_reply(word: &Token) -> bool {
    word.is_negation() && &*word.norm == "no"
}

/// The root of a keyword that is one adjective negated by *un-* (`limited` for
/// `unlimited`; see `lang::negated_root`).
fn privative_root(term: &str, stemmer: &Stemmer) -> Option<String> {
    match tokenize(term, stemmer, Parts::Skip).as_slice() {
        [word] if word.class == Class::Word => negated_root(&word.norm).map(str::to_owned),
        _ => None,
    }
}

/// The verbs whose denial says `term` when it is one word (`accept` for `rejects`; see
/// `lang::denied_opposites`).
fn denied_opposites_of(term: &str, stemmer: &Stemmer) -> &'static [&'static str] {
    let stem_of = |word: &str| {
        tokenize(word, stemmer, Parts::Skip)
            .first()
            .map_or_else(String::new, |t| t.stem.to_string())
    };
    match tokenize(term, stemmer, Parts::Skip).as_slice() {
        [word] if word.class == Class::Word => denied_opposites(&word.stem, stem_of),
        _ => &[],
    }
}

/// The other ways a concept's keyword is said, word for word (never with a typo):
///
/// - two content words the other way round, side by side in one clause: "a full
///   vacuum" for `vacuum full`;
/// - a path's last folder said in words: "a workflows directory inside .github" (a
///   *folder*, *dir* ... *in*, *under*, *within*, *of* it) for `.github/workflows`.
///
/// Only a concept's: a misconception, a forbidden term and a contrast are matched as
/// written, where "published port" must not be met by "the container port; published
/// ports".
fn said_otherwise(keyword: &str, stemmer: &Stemmer, vocab: &mut Vocab) -> Vec<Pattern> {
    let words = tokenize(keyword, stemmer, Parts::Skip);
    let content = |t: &Token| t.class == Class::Word && !t.stop && !t.is_negation();
    let mut out = Vec::new();
    if let [a, b] = words.as_slice()
        && content(a)
        && content(b)
        && !is_expression(keyword)
    {
        out.push(Pattern::tight(vec![b.clone(), a.clone()], false, vocab));
    }
    if let Some((child, parent)) = path_in_words(&words) {
        let words = |w: &str| tokenize(w, stemmer, Parts::Skip);
        out.push(Pattern::folder_in(words(child), words(parent), vocab));
    }
    out
}

/// Whether a keyword is an expression: words with an operator standing alone between
/// two of them (`hi - lo`, `r + w > n`). Its operators are punctuation to the grader,
/// but the order of its words is what it says, so it is never turned round: "lo + hi"
/// is not `hi - lo`.
fn is_expression(keyword: &str) -> bool {
    let operator = |b: u8| matches!(b, b'+' | b'-' | b'*' | b'/' | b'%' | b'<' | b'>' | b'=');
    if !keyword.bytes().any(operator) {
        return false;
    }
    let mut chunks = keyword.split_whitespace().peekable();
    let mut first = true;
    while let Some(chunk) = chunks.next() {
        if !first && chunks.peek().is_some() && chunk.bytes().all(operator) {
            return true;
        }
        first = false;
    }
    false
}

/// A path keyword's last folder and the one it is in, as words (`.github/workflows` is
/// `workflows` in `github`), when both are words of letters: a path said in words,
/// "a workflows directory inside .github", names it.
fn path_in_words(words: &[Token]) -> Option<(&str, &str)> {
    let [path] = words else {
        return None;
    };
    if path.class != Class::Code || !path.norm.contains('/') {
        return None;
    }
    let mut folders = path.norm.rsplit('/').filter(|f| !f.is_empty());
    let child = folders.next()?;
    let parent = folders.next()?.trim_start_matches('.');
    let letters = |f: &str| !f.is_empty() && f.bytes().all(|b| b.is_ascii_lowercase());
    (letters(child) && letters(parent)).then_some((child, parent))
}

/// A phrase of two or three words of letters written as one (`write-through` and
/// `write through` are also `writethrough`, `roll back` is `rollback`), when its first
/// word is neither a stop word nor a negation cue (*may be* is no *maybe*, *no op* no
/// *noop*). An answer's hyphenated word is also that word (see `token`), so one more
/// pattern covers the three spellings.
fn closed_compound(words: &[Token]) -> Option<String> {
    let letters =
        |t: &Token| t.class == Class::Word && t.norm.bytes().all(|b| b.is_ascii_lowercase());
    let [first, ..] = words else {
        return None;
    };
    ((2..=3).contains(&words.len())
        && words.iter().all(letters)
        && !first.stop
        && !first.is_negation())
    .then(|| words.iter().map(|t| &*t.norm).collect())
}

/// What an author should know of a keyword that does not say what it seems to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeywordWarning {
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    pub hint: String,
}

/// A warning for `keyword` when it does not say what it seems to:
/// - a path that starts with `./` or `~/` matches only a path written with it;
/// - the negation cue *none* alone matches the English word, which in an answer negates
///   the words after it, where an author most likely means a name (Python's `None`,
///   Docker's `none` network). Written with its capital or in backticks it is that name
///   and no cue (see `token::normalise`). Other cues alone (`nothing`, `without`) are
///   English words an author may well mean;
/// - a lone letter left when the keyword's other characters make no token (`^M` is
///   *m*, `C++` is *c*) meets any stray letter of an answer.
pub fn keyword_warning(keyword: &str) -> Option<KeywordWarning> {
    let words = tokenize(keyword, &crate::lang::stemmer(), Parts::Skip);
    match words.as_slice() {
        [path] if path.class == Class::Code
            && (path.norm.starts_with("./") || path.norm.starts_with("~/")) =>
        {
            Some(KeywordWarning {
                message: format!(
                    "keyword `{keyword}` starts with `{}`: it matches only a path written with it",
                    &path.norm[..2]
                ),
                hint: format!(
                    "write `{}`: it matches an answer's path with or without `./`, `~/` or `/` before it",
                    &path.norm[2..]
                ),
            })
        }
        [cue] if cue.is_negation() && &*cue.norm == "none" => Some(KeywordWarning {
            message: format!(
                "keyword `{keyword}` is the negation cue *none*: it matches the English word, which in an answer negates the words after it"
            ),
            hint: "for the name (Python's None, Docker's none network) write `None` with its capital or `` `none` `` in backticks: it matches an answer's `None`, `=None`, `is None` and none, and negates nothing".to_owned(),
        }),
        // Characters that make no token dropped, a lone letter is left: `^M` is *m*.
        [letter]
            if letter.class == Class::Word
                && letter.norm.len() == 1
                && letter.norm.chars().all(|c| c.is_ascii_alphabetic())
                && keyword.trim().chars().count() > 1 =>
        {
            Some(KeywordWarning {
                message: format!(
                    "keyword `{keyword}` is the letter *{}* to the grader: its other characters make no token, and a lone letter meets any stray \"{}\" in an answer",
                    letter.norm, letter.norm
                ),
                hint: "write it with the token it is glued to, as a learner types it (`/bin/bash^M`), or the words for it (`carriage return`)".to_owned(),
            })
        }
        _ => None,
    }
}

/// Whether two keywords are the same words for the grader (by stem: `roll back` and
/// `rolled back`), so that any mention in an answer that meets one meets the other.
pub fn same_keyword(a: &str, b: &str) -> bool {
    same_words(a, b, |t| t.stem.clone())
}

/// Whether two keywords are written alike: the same words, case aside (`Rolled back`
/// and `rolled back`; not `roll back`, which is the same only by stem).
pub fn written_alike(a: &str, b: &str) -> bool {
    same_words(a, b, |t| t.norm.clone())
}

/// Whether `a` and `b` are the same tokens, each read by `word`, code and words apart.
fn same_words(a: &str, b: &str, word: impl Fn(&Token) -> std::sync::Arc<str>) -> bool {
    let stemmer = crate::lang::stemmer();
    let words = |k: &str| -> Vec<(std::sync::Arc<str>, bool)> {
        tokenize(k, &stemmer, Parts::Skip)
            .iter()
            .map(|t| (word(t), t.class == Class::Code))
            .collect()
    };
    let a = words(a);
    !a.is_empty() && a == words(b)
}

/// The lexicon a bank's keywords are read with (the built-in groups and the bank's
/// own), built once to ask of many keywords whether it spells them otherwise.
pub struct Spellings {
    lexicon: Lexicon,
    stemmer: Stemmer,
}

impl Spellings {
    /// The built-in lexicon and `synonyms` (a bank's own groups).
    pub fn new(synonyms: &[Vec<String>]) -> Spellings {
        let stemmer = crate::lang::stemmer();
        Spellings {
            lexicon: Lexicon::new(synonyms.iter().map(Vec::as_slice), &stemmer),
            stemmer,
        }
    }

    /// Whether the lexicon turns `keyword`, or a word or phrase in it, into something
    /// else (`memory limit` is also "RAM limit"): one alternative is then not the only
    /// way to say it.
    pub fn spell_otherwise(&self, keyword: &str) -> bool {
        let words = tokenize(keyword, &self.stemmer, Parts::Skip);
        self.lexicon.expand(&words).len() > 1
    }
}

/// A name with its version glued on (`TLSv1.3`) spaced (`tls 1.3`), and a version
/// written with its *v* (`v1.4.2`) without it (`1.4.2`, as "version 1.4.2" says it).
fn spaced_version(words: &[Token]) -> Option<String> {
    match words {
        [code] if code.class == Class::Code => match glued_version(&code.norm) {
            Some((name, version)) if !name.is_empty() => Some(format!("{name} {version}")),
            Some((_, version)) if code.norm.starts_with('v') => Some(version.to_owned()),
            _ => None,
        },
        _ => None,
    }
}

/// `inode of its own` said the other way: `own inode` (one or two words, then *of*, a
/// possessive and *own*).
fn own_first(words: &[Token]) -> Option<Vec<Token>> {
    let [head @ .., of, whose, own] = words else {
        return None;
    };
    let possessive = ["its", "their", "his", "her", "my", "your", "our"];
    let plain = |t: &Token| t.class == Class::Word && !t.stop;
    ((1..=2).contains(&head.len())
        && head.iter().all(plain)
        && &*of.norm == "of"
        && possessive.contains(&&*whose.norm)
        && &*own.norm == "own")
        .then(|| std::iter::once(own).chain(head).cloned().collect())
}

impl Matcher {
    /// Whether any alternative of this concept, or any term of its relation, is found
    /// in the short `text` in the polarity it asks for, taking in its last word: a
    /// concept that finds `mount` accepts a `bind mount` (a kind of mount), one that
    /// finds `signal` does not accept `signal 9`.
    pub fn accepts(&self, text: &PreparedAnswer, vocab: &Vocab) -> bool {
        let Some(head) = text.tokens().iter().rposition(|t| !t.part) else {
            return false;
        };
        let found = |patterns: &[Pattern]| {
            patterns.iter().any(|p| {
                matches!(text.find(p, vocab), Some((found, true)) if found.tokens.contains(&head))
            })
        };
        match self {
            Matcher::Any(patterns) => found(patterns),
            Matcher::All { terms, .. } => terms.iter().any(|t| found(t)),
        }
    }

    /// The tokens that state this concept in `answer`, when it counts: what
    /// [`Matcher::evaluate`] finds, without working out why it does not count (a
    /// misconception an answer does not make needs no note, and a relation stops at
    /// its first term found nowhere).
    pub fn matched(&self, answer: &PreparedAnswer, vocab: &Vocab) -> Option<Vec<usize>> {
        self.matched_where(answer, vocab, |_| true)
    }

    /// What [`Matcher::matched`] finds, but only a match that `keep` accepts: an `any`
    /// goes on to its next alternative when `keep` refuses one, so a shorter
    /// alternative listed first (`increments the port`, met with a gap in "increments
    /// the host port") does not hide a longer one that `keep` would accept.
    pub fn matched_where(
        &self,
        answer: &PreparedAnswer,
        vocab: &Vocab,
        keep: impl Fn(&[usize]) -> bool,
    ) -> Option<Vec<usize>> {
        self.matched_or_denied(answer, vocab, keep, || false).ok()
    }

    /// [`Matcher::matched_where`], and when it finds nothing and `deny` says to look,
    /// what [`Matcher::denied_in`] finds (`Err(None)` when it is not asked or finds
    /// nothing). The same as calling the two one after the other, but a relation's terms
    /// are looked for once and read by both: a misconception the answer does not make is
    /// asked both, and its terms' occurrences are most of the cost.
    pub fn matched_or_denied(
        &self,
        answer: &PreparedAnswer,
        vocab: &Vocab,
        keep: impl Fn(&[usize]) -> bool,
        deny: impl FnOnce() -> bool,
    ) -> Result<Vec<usize>, Option<Vec<usize>>> {
        match self {
            Matcher::Any(patterns) => patterns
                .iter()
                .find_map(|p| match answer.find(p, vocab) {
                    Some((found, true)) if keep(&found.tokens) => Some(found.tokens),
                    _ => None,
                })
                .ok_or_else(|| deny().then(|| self.denied_in(answer, vocab)).flatten()),
            Matcher::All {
                terms,
                within,
                ordered,
                pairing,
            } => {
                let scope = scope(answer, *within);
                // Each term's occurrences, up to the first one that cannot be met (the
                // rest are looked for only if the denial is asked).
                let mut found = Vec::with_capacity(terms.len());
                let mut met = true;
                for (t, term) in terms.iter().enumerate() {
                    // A misconception said *no longer* is denied, not made.
                    let here = occurrences(term, answer, vocab, &scope, false, false);
                    met = here.iter().any(|o| o.counts) || pairing.may_find(t, &here, answer);
                    found.push(here);
                    if !met {
                        break;
                    }
                }
                // The occurrences as found, kept when a refused match below takes some
                // away, for the denial.
                let mut before_refusals = None;
                if met {
                    // A match `keep` refuses gives way to the next one without its first
                    // word: "ENTRYPOINT is the command and CMD runs during the build" is
                    // refused across the *and* (`conjuncts`) and then met by "CMD ...
                    // build".
                    for _ in 0..4 {
                        let Some(m) = relation(&found, *ordered, pairing, answer, vocab, &scope)
                        else {
                            break;
                        };
                        let m = joined(m);
                        if keep(&m) {
                            return Ok(m);
                        }
                        let Some(&first) = m.first() else {
                            break;
                        };
                        if before_refusals.is_none() {
                            before_refusals = Some(found.clone());
                        }
                        let before: usize = found.iter().map(Vec::len).sum();
                        for here in &mut found {
                            here.retain(|o| !o.tokens.contains(&first));
                        }
                        if found.iter().map(Vec::len).sum::<usize>() == before {
                            break;
                        }
                    }
                }
                if !deny() || !terms.iter().all(|t| plain(t)) {
                    return Err(None);
                }
                let mut found = before_refusals.unwrap_or(found);
                // The terms not looked for above.
                for term in &terms[found.len()..] {
                    if found.iter().any(Vec::is_empty) {
                        break;
                    }
                    found.push(occurrences(term, answer, vocab, &scope, false, false));
                }
                Err(self.denied_among(terms, &found, answer, vocab))
            }
        }
    }

    /// The words of this concept that `answer` names only to deny them ("raising the
    /// timeout won't help" for `raise + timeout`): found, every term of a relation in one
    /// stretch, but only in the wrong polarity. `None` when it is met, absent, or only
    /// partly there, and for a concept worded with a negation of its own ("not managed by
    /// Docker"), which the plain statement of the fact would seem to deny. For the
    /// breakdown of a misconception not made; the full reading runs only when a term is
    /// found negated.
    pub fn denied_in(&self, answer: &PreparedAnswer, vocab: &Vocab) -> Option<Vec<usize>> {
        let words = match self {
            Matcher::Any(patterns) => {
                if !plain(patterns) {
                    return None;
                }
                patterns.iter().find_map(|p| match answer.find(p, vocab) {
                    Some((found, false)) => Some(found.tokens),
                    _ => None,
                })?
            }
            Matcher::All { terms, within, .. } => {
                if !terms.iter().all(|t| plain(t)) {
                    return None;
                }
                let scope = scope(answer, *within);
                let mut found: Vec<Vec<Occurrence>> = Vec::with_capacity(terms.len());
                for term in terms {
                    let here = occurrences(term, answer, vocab, &scope, false, false);
                    if here.is_empty() {
                        return None;
                    }
                    found.push(here);
                }
                return self.denied_among(terms, &found, answer, vocab);
            }
        };
        let outcome = self.evaluate(answer, vocab);
        (outcome.matched.is_none() && outcome.negated).then_some(words)
    }

    /// [`Matcher::denied_in`] of a relation whose terms' occurrences are `found` (one
    /// list per term; fewer lists than terms, or an empty one, when a term is absent).
    fn denied_among(
        &self,
        terms: &[Vec<Pattern>],
        found: &[Vec<Occurrence>],
        answer: &PreparedAnswer,
        vocab: &Vocab,
    ) -> Option<Vec<usize>> {
        if found.len() < terms.len()
            || found.iter().any(Vec::is_empty)
            || !terms.iter().all(|t| plain(t))
        {
            return None;
        }
        // The first stretch that holds every term, one of them negated there.
        let at = found.first()?.iter().map(|o| o.scope).find(|&at| {
            found.iter().all(|here| here.iter().any(|o| o.scope == at))
                && found
                    .iter()
                    .any(|here| here.iter().any(|o| o.scope == at && !o.counts))
        })?;
        let each = found.iter().filter_map(|here| {
            let o = here.iter().find(|o| o.scope == at)?;
            Some(o.tokens.clone())
        });
        let words = joined(each.collect());
        let outcome = self.evaluate(answer, vocab);
        (outcome.matched.is_none() && outcome.negated).then_some(words)
    }

    /// How this concept fares in `answer`.
    pub fn evaluate(&self, answer: &PreparedAnswer, vocab: &Vocab) -> Outcome {
        match self {
            Matcher::Any(patterns) => any(patterns, answer, vocab),
            Matcher::All {
                terms,
                within,
                ordered,
                pairing,
            } => {
                let mut outcome = all(terms, *within, *ordered, pairing, answer, vocab);
                outcome.contrary = outcome.denied && restriction_denied(terms, answer, vocab);
                outcome
            }
        }
    }
}

/// Whether a relation is denied in its restriction: a term `only` (*just*, *solely*)
/// said right after *not*, as in "it is not only one writer" or "a page is copied not
/// only on writes but on reads too" for `only + one writer`, `only + write`. That
/// claims the contrary of what the model answer restricts, not merely less of it.
fn restriction_denied(terms: &[Vec<Pattern>], answer: &PreparedAnswer, vocab: &Vocab) -> bool {
    let tokens = answer.tokens();
    terms.iter().flatten().any(|p| {
        p.polarity == Polarity::Plain
            && matches!(p.label(vocab).as_str(), "only" | "just" | "solely")
            && answer.all(p, vocab).iter().any(|(found, counts)| {
                matches!(found.tokens.as_slice(), [cue, word]
                    if !counts && *word == cue + 1 && &*tokens[*cue].norm == "not")
            })
    })
}

fn any(patterns: &[Pattern], answer: &PreparedAnswer, vocab: &Vocab) -> Outcome {
    if patterns.iter().any(Pattern::is_reply) && replies_yes(answer.tokens()) {
        // "Yes, there is no need for a separate backup": the reply is the claim, and
        // it is the model answer's turned round, which costs the concept's weight.
        return Outcome {
            negated: true,
            note: Some("the answer replies \"yes\", the model answer no".to_owned()),
            denied: true,
            ..Outcome::default()
        };
    }
    let mut wrong: Option<(&Pattern, Vec<usize>)> = None;
    for pattern in patterns {
        match answer.find(pattern, vocab) {
            Some((found, true)) => {
                if let Some((note, denial)) = denied_after(patterns, pattern, &found, answer, vocab)
                {
                    return Outcome {
                        negated: true,
                        note: Some(note.to_owned()),
                        denied: true,
                        wrong: denial,
                        ..Outcome::default()
                    };
                }
                let note = if pattern.in_model == InModel::Negated {
                    Some(if found.negated {
                        "negated, as in the model answer"
                    } else {
                        "said as less of it, as the model answer negates it"
                    })
                } else if found.echoes {
                    Some(ECHOED)
                } else if found.in_removed_case && !pattern.either_polarity && !found.excepted {
                    Some(REMOVED)
                } else {
                    (found.negated && found.excepted && pattern.polarity == Polarity::Plain)
                        .then_some(EXCEPTED)
                }
                .map(str::to_owned);
                return Outcome {
                    matched: Some(found.tokens),
                    note,
                    ..Outcome::default()
                };
            }
            Some((found, false)) => {
                if found.negated
                    && pattern.polarity == Polarity::Plain
                    && a_change_may_end(pattern)
                    && ended_by_a_change(answer.tokens(), found.tokens[0])
                {
                    return Outcome {
                        matched: Some(found.tokens),
                        note: Some(
                            if pattern.in_model == InModel::Absent {
                                ENDED_AS_ASKED
                            } else {
                                ENDED_BY_A_CHANGE
                            }
                            .to_owned(),
                        ),
                        ..Outcome::default()
                    };
                }
                if found.negated && needed_here(pattern, &found, answer) {
                    return Outcome {
                        matched: Some(found.tokens),
                        note: Some(NEEDED_IN_ABSENCE.to_owned()),
                        ..Outcome::default()
                    };
                }
                wrong.get_or_insert((pattern, found.tokens));
            }
            None => {}
        }
    }
    match wrong {
        None => Outcome::default(),
        // "They neither overlap nor need to" denies what it names, each side.
        Some((pattern, found)) if neither_denies(pattern, &found, answer) => Outcome {
            negated: true,
            note: Some(NEITHER_DENIED.to_owned()),
            denied: true,
            ..Outcome::default()
        },
        // A term alone under a negation is only missing: what a negation of one word
        // denies is too often something else ("a later rm doesn't help" of a layer).
        Some((pattern, found)) => Outcome {
            negated: true,
            note: Some(wrong_polarity(pattern).to_owned()),
            wrong: (pattern.polarity == Polarity::Plain
                && pattern.in_model == InModel::Plain
                && !pattern.negated_in_model_too)
                .then_some(found),
            ..Outcome::default()
        },
    }
}

/// What the breakdown says of a term under a negation that an *unless* lifts ("won't
/// run unless its nonce matches": see [`super::negation::excepted`]).
const EXCEPTED: &str = "negated, but on a condition (\"unless\"): said to happen then";

/// What the breakdown says of a term denied as the model answer denies it too ("the
/// price is no isolation" after "there is no isolation": see [`Found::echoes`]).
const ECHOED: &str = "negated as the model answer also negates it, in the same words";

/// What the breakdown says of a term denied where the model answer says it is taken
/// away ("there is no NAT" after "eliminating the NAT overhead": see
/// [`Pattern::removed_in_model`]).
const REMOVED: &str =
    "negated, as the model answer takes it away (\"eliminates\", \"bypasses\", \"skips\")";

/// What the breakdown says of a term a change ends ("with a cache fib(k) is no longer
/// recomputed", "once you pin the version a newer release can't win": see
/// [`super::negation::ended_by_a_change`]).
const ENDED_BY_A_CHANGE: &str =
    "said to end after a change (\"no longer\", \"can't\"): so before it, as the model answer says";

/// The same of a term only the question states ("once the job gets its own pool, the
/// two no longer share one": see [`a_change_may_end`]).
const ENDED_AS_ASKED: &str =
    "said to end after a change (\"no longer\", \"can't\"): so before it, as the question says";

/// Whether a change may end `pattern` ("no longer") and so concede it: the model answer
/// states it plainly and nowhere negated, the problem it explains; or the model answer
/// does not say it at all and the question's situation or prompt states it plainly and
/// nowhere negated ([`Pattern::in_question`]), the problem the question sets ("once the
/// job gets its own pool, the two no longer share one" of a job and an app the
/// situation says share a pool).
fn a_change_may_end(pattern: &Pattern) -> bool {
    match pattern.in_model {
        InModel::Plain => !pattern.negated_in_model_too,
        InModel::Absent => pattern.in_question,
        InModel::Negated => false,
    }
}

/// What the breakdown says of a term named as the thing whose absence the answer
/// explains ("Without a salt, rainbow tables crack the hashes": see
/// [`super::negation::needed_in_absence`]).
const NEEDED_IN_ABSENCE: &str = "named as what is missing: so needed, as the model answer says";

/// Whether `found`, a negated match of `pattern` (its cue first), names the term as the
/// thing whose absence the sentence explains, and so as needed
/// ([`super::negation::needed_in_absence`]): a concept's term that the model answer
/// states plainly and nowhere negated.
fn needed_here(pattern: &Pattern, found: &Found, answer: &PreparedAnswer) -> bool {
    pattern.polarity == Polarity::Plain
        && pattern.in_model == InModel::Plain
        && !pattern.negated_in_model_too
        && match found.tokens.as_slice() {
            [cue, rest @ ..] => match (rest.iter().min(), rest.iter().max()) {
                (Some(&start), Some(&end)) => needed_in_absence(answer.tokens(), *cue, start, end),
                _ => false,
            },
            [] => false,
        }
}

/// What the breakdown says of a term that *neither* denies.
const NEITHER_DENIED: &str = "denied by \"neither ... nor\"";

/// Whether `found`, a match of `pattern` in the wrong polarity (its cue first), is the
/// first side of *neither ... nor*, right after *neither* (only function words
/// between), with *nor* after it in its sentence: "the two sets neither overlap nor
/// need to" denies `overlap`, which the model answer states plainly and nowhere
/// negated. Unlike a lone *not*, the pair says of what it names that it is not so.
fn neither_denies(pattern: &Pattern, found: &[usize], answer: &PreparedAnswer) -> bool {
    let tokens = answer.tokens();
    let Some((&cue, words)) = found.split_first() else {
        return false;
    };
    let Some(&first) = words.iter().min() else {
        return false;
    };
    let sentence = tokens[cue].place.sentence;
    &*tokens[cue].norm == "neither"
        && pattern.polarity == Polarity::Plain
        && pattern.in_model == InModel::Plain
        && !pattern.negated_in_model_too
        && (cue + 1..first).all(|j| tokens[j].stop || tokens[j].part)
        && tokens[first..]
            .iter()
            .take_while(|t| t.place.sentence == sentence)
            .any(|t| &*t.norm == "nor")
}

/// What the breakdown says of a term whose fellow alternative its own clause denies.
const FELLOW_DENIED: &str = "what it names is denied after it, in its clause";

/// Why `found`, a match of `pattern` in its polarity, is denied by what follows it,
/// if it is: by its fellow ([`denied_by_fellow`]) or past an aside
/// ([`denied_past_aside`]). Past an aside, the denial's tokens (its cue first) come
/// too: the denial may be said of the other member of a contrast ("with the shell form
/// your program is not, once /bin/sh -c wraps it, PID 1"; see [`Outcome::wrong`]).
fn denied_after(
    patterns: &[Pattern],
    pattern: &Pattern,
    found: &Found,
    answer: &PreparedAnswer,
    vocab: &Vocab,
) -> Option<(&'static str, Option<Vec<usize>>)> {
    if denied_by_fellow(patterns, pattern, found, answer, vocab) {
        Some((FELLOW_DENIED, None))
    } else {
        denied_past_aside(patterns, pattern, &found.tokens, answer, vocab)
            .map(|denial| (ASIDE_DENIED, Some(denial)))
    }
}

/// What the breakdown says of a term said in an aside that a denial of its concept
/// reaches past.
const ASIDE_DENIED: &str = "said in an aside of a denial of it: the denial is the claim";

/// How many words after a plain match in an aside the denial past it is looked for.
const ASIDE_REACH: usize = 16;

/// Whether `found`, a plain match of `pattern` that the rubric wants plain, stands in
/// an aside between a negation cue and another alternative of its concept that the cue
/// denies past the aside: "the layer is not, when you delete the container, removed"
/// names deleting as the aside's condition and denies it as the claim (the aside
/// itself is not negated, see `negation::resumes_after_aside`). The denial is one
/// [`denies`] counts; its tokens (the cue first) are returned. Whether a word after it
/// is governed by a cue before it is asked first, of the cues the answer's words
/// already know.
fn denied_past_aside(
    patterns: &[Pattern],
    pattern: &Pattern,
    found: &[usize],
    answer: &PreparedAnswer,
    vocab: &Vocab,
) -> Option<Vec<usize>> {
    let tokens = answer.tokens();
    let (&first, &last) = (found.iter().min()?, found.iter().max()?);
    // A word after it that a cue before it governs: the cue's scope goes on past it.
    let end = tokens.len().min(last + 1 + ASIDE_REACH);
    let cue = (last + 1..end).find_map(|j| answer.cue(j).filter(|&c| c < first))?;
    if answer.cue(first) == Some(cue)
        || !tokens[cue].negation
        || tokens[cue].place.sentence != tokens[first].place.sentence
    {
        return None;
    }
    fellow_denied_by(patterns, pattern, cue, answer, vocab, |words| {
        words.iter().all(|&j| j > last)
    })
}

/// The tokens (the cue first) of a denial by the cue at `cue` of another alternative
/// than `pattern` (which the rubric wants plain) of `patterns`, in words that `placed`
/// accepts, one that [`denies`] counts.
fn fellow_denied_by(
    patterns: &[Pattern],
    pattern: &Pattern,
    cue: usize,
    answer: &PreparedAnswer,
    vocab: &Vocab,
    placed: impl Fn(&[usize]) -> bool,
) -> Option<Vec<usize>> {
    if pattern.polarity != Polarity::Plain {
        return None;
    }
    patterns
        .iter()
        .filter(|p| !std::ptr::eq(*p, pattern))
        .find_map(|p| {
            answer.all(p, vocab).into_iter().find_map(|(f, counts)| {
                (!counts
                    && f.negated
                    && f.tokens.first() == Some(&cue)
                    && placed(&f.tokens[1..])
                    && denies(patterns, p, &f.tokens, answer))
                .then_some(f.tokens)
            })
        })
}

/// Whether `found`, a plain match of `pattern` that the rubric wants plain, is the
/// subject of a denial of another alternative of its concept right after it (only
/// function words between, "X does not", "X never does", but no *and* or *or*: "X and
/// no Y" lists them), in its clause:
/// "apparmor_parser -r never does replace a loaded profile" says the flag does not do
/// what the concept names (`-r`, `replace`), however plainly it names the flag. The
/// denial is one [`denies`] counts (a cue that denies, the model answer stating the
/// alternative plainly). Whether such a cue follows is asked first, word by word.
fn denied_by_fellow(
    patterns: &[Pattern],
    pattern: &Pattern,
    found: &Found,
    answer: &PreparedAnswer,
    vocab: &Vocab,
) -> bool {
    let tokens = answer.tokens();
    let Some(&last) = found.tokens.iter().max() else {
        return false;
    };
    let clause = tokens[last].place.clause;
    // The cue: the first word after it but a function word (or a part), in its clause.
    let Some(cue) = (last + 1..tokens.len())
        .find(|&j| !tokens[j].part && !tokens[j].stop)
        .filter(|&j| tokens[j].negation && tokens[j].place.clause == clause)
    else {
        return false;
    };
    // "better privacy and no extra round trip" lists the two: a coordinator between
    // makes the cue deny the next item, not what the match names.
    let listed = (last + 1..cue).any(|j| matches!(&*tokens[j].norm, "and" | "or" | "but" | "nor"));
    !listed && fellow_denied_by(patterns, pattern, cue, answer, vocab, |_| true).is_some()
}

/// Whether `found`, a match of a relation's term `pattern` in the wrong polarity (its
/// cue first), denies what the model answer says: the model answer states it plainly
/// and nowhere negated (one that also says "the medium task cannot preempt it" says
/// what a negation here may say), and a cue that denies negates it here (*not*, *never*, *no*, *fails to*, ...; not a
/// preference, *rather than*, *instead of*, *unlike*, nor *without* or *avoid*, which
/// may only say how, unless it is *without waiting for* (*needing*, *requiring*): "commits
/// without waiting for a majority" denies that the majority comes first), and not only
/// in part ("doesn't have all capabilities"). A term's alternative that the model
/// answer does not use is stated there when another alternative of the term is, in the
/// polarity the rubric asks for (`removed` of `stop, removed`, where the model answer
/// says "stop returning it"): "is no longer removed from queries" denies it.
fn denies(term: &[Pattern], pattern: &Pattern, found: &[usize], answer: &PreparedAnswer) -> bool {
    let tokens = answer.tokens();
    let Some((&cue, words)) = found.split_first() else {
        return false;
    };
    let norm = &*tokens[cue].norm;
    let denying = (tokens[cue].negation
        && !matches!(norm, "without" | "avoid" | "avoids" | "avoiding"))
        || matches!(
            norm,
            "fail" | "fails" | "failed" | "failing" | "unable" | "lack" | "lacks" | "lacking"
        )
        || (norm == "without" && waives(tokens, cue));
    let first = words.iter().copied().min().unwrap_or(cue);
    let partly = (cue + 1..first).any(|i| {
        matches!(
            &*tokens[i].norm,
            "all" | "every" | "always" | "only" | "just" | "entirely" | "fully" | "completely"
        )
    });
    let stated = |p: &Pattern| match p.polarity {
        Polarity::Plain => p.in_model == InModel::Plain && !p.negated_in_model_too,
        Polarity::Negated => p.in_model == InModel::Negated,
    };
    denying
        && !partly
        && pattern.polarity == Polarity::Plain
        && ((pattern.in_model == InModel::Plain && !pattern.negated_in_model_too)
            || (pattern.in_model == InModel::Absent && term.iter().any(stated)))
}

/// Whether a term of a relation says when or in what order (`before`, `after`,
/// `first`, ...): a negation there may only turn the order round ("fails to ack
/// before crashing" says it crashes first), and denies nothing.
fn orders(terms: &[Vec<Pattern>], vocab: &Vocab) -> bool {
    terms.iter().flatten().any(|p| {
        matches!(
            p.label(vocab).as_str(),
            "before" | "after" | "first" | "then" | "until" | "later" | "earlier" | "once"
        )
    })
}

/// Why a match in the other polarity does not count.
fn wrong_polarity(pattern: &Pattern) -> &'static str {
    match (pattern.polarity, pattern.in_model) {
        (Polarity::Plain, InModel::Plain) => "negated here, stated plainly in the model answer",
        (Polarity::Plain, _) => "only under a negation, so it does not count",
        (Polarity::Negated, InModel::Negated) => "stated plainly here, negated in the model answer",
        (Polarity::Negated, _) => "stated plainly here; the rubric wants it negated",
    }
}

/// A relation: every term found, in the polarity it asks for, in one stretch `within`
/// (and in order when `ordered`; a relation of two terms by the roles its terms play,
/// see [`pairing`]).
fn all(
    terms: &[Vec<Pattern>],
    within: Within,
    ordered: bool,
    pairing: &Pairing,
    answer: &PreparedAnswer,
    vocab: &Vocab,
) -> Outcome {
    let scope = scope(answer, within);
    // Each term's occurrences (counting or not).
    let mut found: Vec<Vec<Occurrence>> = terms
        .iter()
        .map(|term| occurrences(term, answer, vocab, &scope, ordered, true))
        .collect();
    named_under_another_denial(&mut found, terms, answer);
    object_of_a_term_denied(&mut found, terms, answer);
    carried_past_its_denial(&mut found, terms, answer);
    said_as_a_need(&mut found, terms, answer);
    let chosen = relation(&found, ordered, pairing, answer, vocab, &scope);
    let turned = |c: &[Vec<usize>]| matches!(c, [a, b] if turned_by_once(answer.tokens(), a, b));
    if let Some(chosen) = chosen.filter(|c| !ordered || !turned(c)) {
        return Outcome {
            matched: Some(joined(chosen)),
            ..Outcome::default()
        };
    }
    if ordered && let Some(matched) = not_before(terms, &found, answer, vocab) {
        return Outcome {
            matched: Some(matched),
            note: Some("said as \"not ... before\", the other way round".to_owned()),
            ..Outcome::default()
        };
    }
    if ordered && let Some((matched, turned)) = first_then(terms, &found, answer, vocab) {
        return Outcome {
            matched: (!turned).then_some(matched),
            negated: turned,
            note: Some(
                if turned {
                    "said as \"first ... afterwards\", the other way round"
                } else {
                    "said as \"first ... afterwards\""
                }
                .to_owned(),
            ),
            denied: turned,
            ..Outcome::default()
        };
    }
    if ordered && let Some(matched) = after_turned(&found, answer) {
        return Outcome {
            matched: Some(matched),
            note: Some("said as \"... after ...\", the other way round".to_owned()),
            ..Outcome::default()
        };
    }
    if let Some(matched) = only_when(terms, &found, answer, vocab) {
        return Outcome {
            matched: Some(matched),
            note: Some("said as \"... only when ...\"".to_owned()),
            ..Outcome::default()
        };
    }
    // A pattern of each term found in the wrong polarity only, if any.
    let wrong: Vec<Option<&Pattern>> = found
        .iter()
        .zip(terms)
        .map(|(f, term)| {
            let first = f.iter().filter(|o| !o.counts).map(|o| o.pattern).min();
            first.map(|p| &term[p])
        })
        .collect();
    let counting: Vec<Vec<&Occurrence>> = found
        .iter()
        .map(|f| f.iter().filter(|o| o.counts).collect())
        .collect();
    let label = |t: usize| terms[t].first().map(|p| p.label(vocab)).unwrap_or_default();
    // Whether each term but `t` is found (in its polarity) in stretch `at`.
    let with_others = |t: usize, at: u32| {
        (0..terms.len())
            .filter(|&o| o != t)
            .all(|o| counting[o].iter().any(|c| c.scope == at))
    };
    // Whether term `t` is with the others where it is in the wrong polarity, and (when
    // `denying`) negated by a cue that denies it.
    let negated_with_others = |t: usize, denying: bool| {
        found[t].iter().any(|o| {
            !o.counts
                && with_others(t, o.scope)
                && (!denying || denies(&terms[t], &terms[t][o.pattern], &o.tokens, answer))
        })
    };
    // "Y rather than X does A" gives A to another thing in X's place.
    let preferred_over = match found.as_slice() {
        [x, a] => pairing.preferred_over(x, a, answer),
        _ => false,
    };
    let denied =
        |t: usize| preferred_over || (negated_with_others(t, true) && !orders(terms, vocab));
    let preference_note = || {
        Some(format!(
            "`{}` said of another thing in the place of `{}` (\"rather than\", \"instead of\")",
            label(1),
            label(0)
        ))
    };
    // A term found nowhere (in the polarity it asks for): say which.
    let absent: Vec<usize> = (0..terms.len())
        .filter(|&t| counting[t].is_empty())
        .collect();
    if !absent.is_empty() {
        let negated: Vec<usize> = absent
            .iter()
            .copied()
            .filter(|&t| wrong[t].is_some())
            .collect();
        // The relation is denied when its one absent term is negated where the others
        // are: "a Service doesn't give a stable IP" for `service + stable`.
        let denied = preferred_over
            || match (absent.as_slice(), negated.as_slice()) {
                ([t], [_]) => denied(*t),
                _ => false,
            };
        // Worded only when it is reported: a relation none of whose terms is here (most
        // misconceptions, in most answers) has nothing to say.
        let note =
            (absent.len() < terms.len() || !negated.is_empty()).then(|| match negated.first() {
                Some(&t) => format!(
                    "`{}`: {}",
                    label(t),
                    wrong[t].map(wrong_polarity).unwrap_or_default()
                ),
                None => {
                    let names: Vec<String> =
                        absent.iter().map(|&t| format!("`{}`", label(t))).collect();
                    format!("{} missing", crate::lang::prose_list(&names, "and"))
                }
            });
        return Outcome {
            negated: !negated.is_empty(),
            note: if preferred_over {
                preference_note()
            } else {
                note
            },
            denied,
            ..Outcome::default()
        };
    }
    // A term that is with the others only where it is in the wrong polarity: that, not
    // that they are apart, is why the relation does not count.
    for (t, pattern) in wrong.iter().enumerate() {
        let Some(pattern) = pattern else {
            continue;
        };
        if negated_with_others(t, false) {
            return Outcome {
                negated: true,
                note: if preferred_over {
                    preference_note()
                } else {
                    Some(format!("`{}`: {}", label(t), wrong_polarity(pattern)))
                },
                denied: denied(t),
                ..Outcome::default()
            };
        }
    }
    let names: Vec<String> = (0..terms.len())
        .map(|t| format!("`{}`", label(t)))
        .collect();
    let apart = match (ordered, within) {
        (true, Within::Answer) => "not in this order".to_owned(),
        (true, w) => format!("not in this order in one {w}"),
        (false, w) => format!("not in one {w}"),
    };
    Outcome {
        note: Some(format!(
            "{} are all here, but {apart}",
            crate::lang::prose_list(&names, "and")
        )),
        ..Outcome::default()
    }
}

/// A relation's term under a verb's negation that denies another verb of it names the
/// thing plainly: "the attacker never sees or steals the session cookie; the browser
/// simply attaches it" denies seeing and stealing, not the cookie, and says the browser
/// attaches it. A match of a term (plain in the rubric,
/// stated only plainly in the model answer) counts when its cue is a verb's negation
/// (*not*, *never*, *cannot*, *neither*, *nor*), the content words between the cue and
/// the term are none of the relation's words and none of the words of the model
/// answer's clauses that state the term (what the model answer says of it: "a Service
/// doesn't give a stable IP" against "a Service gives a stable IP" still denies it),
/// and every other term is said plainly in the same stretch in another clause (in its
/// own clause, "the server doesn't hash the password", the denial is of the relation).
fn named_under_another_denial(
    found: &mut [Vec<Occurrence>],
    terms: &[Vec<Pattern>],
    answer: &PreparedAnswer,
) {
    let tokens = answer.tokens();
    let own =
        |j: usize, found: &[Vec<Occurrence>]| found.iter().flatten().any(|o| o.tokens.contains(&j));
    free_plain_terms(found, terms, |found, t, o, pattern, cue, words| {
        if pattern.in_model != InModel::Plain || pattern.negated_in_model_too {
            return false;
        }
        let Some(first) = words.iter().copied().min() else {
            return false;
        };
        if first <= cue
            || !tokens[cue].negation
            || !matches!(
                &*tokens[cue].norm,
                "not" | "nt" | "never" | "cannot" | "neither" | "nor"
            )
        {
            return false;
        }
        // The words the cue denies before the term, but those right before it
        // (its modifiers, "the session cookie") and an aside it reaches past ("never,
        // at any point in the attack, sees").
        let mut start = first;
        while start > cue + 1 && !tokens[start - 1].stop && !tokens[start - 1].negation {
            start -= 1;
        }
        // The term is the object of what the cue denies: a noun phrase opened by a
        // determiner ("the cookie", "a user's password"), not a verb or a
        // participle the cue denies itself ("is not in any way throttled").
        let determined = start > cue + 1
            && matches!(
                &*tokens[start - 1].norm,
                "the" | "a" | "an" | "its" | "their" | "your" | "his" | "her" | "our" | "my"
            );
        if !determined {
            return false;
        }
        let between: Vec<usize> = (cue + 1..start)
            .filter(|&j| {
                let w = &tokens[j];
                !w.stop
                    && !w.part
                    && !w.negation
                    && w.class == Class::Word
                    && answer.cue(j) == Some(cue)
            })
            .collect();
        let foreign = !between.is_empty()
            && between.iter().all(|&j| {
                !own(j, found) && pattern.predicates.binary_search(&tokens[j].stem).is_err()
            });
        let clause = tokens[cue].place.clause;
        foreign
            && (0..found.len()).filter(|&u| u != t).all(|u| {
                found[u].iter().any(|p| {
                    p.counts && p.scope == o.scope && tokens[p.head].place.clause != clause
                })
            })
    });
}

/// A relation's term that is the object of another term met as a denial (a keyword
/// written negated, `not replaced`, or one the model answer states only negated) is
/// named plainly: the cue is that term's. "The tree doesn't replace chlorophyll" meets
/// `chlorophyll + not replaced` as "chlorophyll is not replaced" does. A match of a term
/// (plain in the rubric) counts when another term's counting match, negated, has the
/// same cue, a verb's negation (*not*, *n't*, *never*, *cannot*, *no longer*), and ends
/// before it, with at most two function words between (its determiners: "never stores
/// the response"). A term before the cue, or one the denied verb does not take
/// ("doesn't replace it, and chlorophyll ..."), is not freed.
fn object_of_a_term_denied(
    found: &mut [Vec<Occurrence>],
    terms: &[Vec<Pattern>],
    answer: &PreparedAnswer,
) {
    let tokens = answer.tokens();
    free_plain_terms(found, terms, |found, t, o, _, cue, words| {
        let Some(first) = words.iter().copied().min() else {
            return false;
        };
        // A verb's negation, not a determiner's ("no white object may point to a
        // black one") nor a contrast's ("unlike a volume, which outlives it").
        let verbs = match &*tokens[cue].norm {
            "not" | "nt" | "never" | "cannot" => true,
            "no" => tokens.get(cue + 1).is_some_and(|w| &*w.norm == "longer"),
            _ => false,
        };
        verbs
            && (0..found.len()).filter(|&u| u != t).any(|u| {
                found[u].iter().any(|p| {
                    let Some(last) = p.tokens.iter().skip(1).copied().max() else {
                        return false;
                    };
                    p.counts
                        && p.scope == o.scope
                        && terms[u][p.pattern].polarity == Polarity::Negated
                        && p.tokens.first() == Some(&cue)
                        && last < first
                        && first - last <= 3
                        && (last + 1..first).all(|j| tokens[j].stop && !tokens[j].negation)
                })
            })
    });
}

/// Counts as said plainly, its cue dropped, each occurrence of a term that the rubric
/// writes plainly, found under a cue, and not yet counted, of which `frees(found, term,
/// occurrence, pattern, cue, words)` says so: the walk the readings that free a term
/// from a denial share.
fn free_plain_terms(
    found: &mut [Vec<Occurrence>],
    terms: &[Vec<Pattern>],
    frees: impl Fn(&[Vec<Occurrence>], usize, &Occurrence, &Pattern, usize, &[usize]) -> bool,
) {
    let mut freed: Vec<(usize, usize)> = Vec::new();
    for (t, here) in found.iter().enumerate() {
        for (k, o) in here.iter().enumerate() {
            let pattern = &terms[t][o.pattern];
            if o.counts || pattern.polarity != Polarity::Plain {
                continue;
            }
            let Some((&cue, words)) = o.tokens.split_first() else {
                continue;
            };
            if frees(found, t, o, pattern, cue, words) {
                freed.push((t, k));
            }
        }
    }
    for (t, k) in freed {
        let o = &mut found[t][k];
        o.counts = true;
        o.tokens.remove(0);
    }
}

/// A relation's term denied by a cue after it in its own clause, the clause's subject
/// that a pronoun carries into the next clause (see `token::carry_subject`), takes the
/// polarity of the clause it is carried into: "a cgroup isn't what hides processes;
/// it's the limit on CPU and memory" denies that a cgroup hides processes and says that
/// it limits them, so `cgroup + limit` is met. A match of a term (plain in the rubric)
/// counts when its cue is a negation after its words, in its clause (a cleft's "is not
/// what", "won't help": the denial of the clause before the cue; or a denying adjective,
/// "antibiotics are useless here. They only kill bacteria"; or a verb reporting a
/// belief before the term, the belief's subject: "people think a bad cold needs
/// antibiotics, but it's caused by a virus" says `cold + virus`), and every other term
/// is said plainly after the cue, in another clause of the same linked clauses (the one
/// the pronoun opens). The denial stays in its own clause: "a cgroup is not what limits
/// memory; it hides processes" still denies `cgroup + limit`, whose *limit* is under the
/// cue, and makes the misconception `cgroup + hide`.
fn carried_past_its_denial(
    found: &mut [Vec<Occurrence>],
    terms: &[Vec<Pattern>],
    answer: &PreparedAnswer,
) {
    let tokens = answer.tokens();
    free_plain_terms(found, terms, |found, t, o, _, cue, words| {
        let place = tokens[o.head].place;
        let denied = (tokens[cue].negation || denying_adjective(&tokens[cue]))
            && words.iter().all(|&w| w < cue);
        // "People think a bad cold needs antibiotics, but it's a virus": the subject of
        // the belief, at most one word (an adjective) between the verb and the term.
        let believed = || {
            words.first().is_some_and(|&w| {
                w > cue
                    && (cue + 1..w)
                        .filter(|&j| !tokens[j].part && !tokens[j].stop)
                        .count()
                        <= 1
            }) && reports_belief(tokens, cue)
        };
        (denied || believed())
            && tokens[cue].place.clause == place.clause
            && (0..found.len()).filter(|&u| u != t).all(|u| {
                found[u].iter().any(|p| {
                    let at = tokens[p.head].place;
                    p.counts
                        && p.scope == o.scope
                        && p.head > cue
                        && at.segment == place.segment
                        && at.clause != place.clause
                })
            })
    });
}

/// A relation said as a need denied twice ([`need_denied_twice`]): "Without insulin,
/// cells can't take up glucose" says `insulin + glucose`, "without owning a file you
/// cannot delete it" says `owner + delete`, "Without steel near the bottom, the concrete
/// fails to resist the tension" says `bottom + tension`. A match of a term (plain in the
/// rubric) under the *without* or under the later cue counts when every other term is
/// met in the same sentence after the *without*, plainly or under one of the two cues,
/// and one of them on the other side of the later cue: the thing lacking on one side,
/// the deed it makes possible on the other. Both terms under the *without* ("without an
/// owner's delete rights, ...") or both after the later cue say nothing of the need.
fn said_as_a_need(found: &mut [Vec<Occurrence>], terms: &[Vec<Pattern>], answer: &PreparedAnswer) {
    let tokens = answer.tokens();
    free_plain_terms(found, terms, |found, t, o, _, cue, words| {
        let Some((w, d)) = need_denied_twice(tokens, cue, words) else {
            return false;
        };
        let sentence = tokens[o.head].place.sentence;
        let after = o.head > d;
        let fits = |p: &Occurrence| {
            p.scope == o.scope
                && p.head > w
                && tokens[p.head].place.sentence == sentence
                && (p.counts || p.tokens.first().is_some_and(|&c| c == w || c == d))
        };
        let mut others = (0..found.len()).filter(|&u| u != t);
        others.clone().all(|u| found[u].iter().any(fits))
            && others.any(|u| found[u].iter().any(|p| fits(p) && (p.head > d) != after))
    });
}

/// The tokens of each term of a relation found together in `answer`, if it is: a
/// relation of two terms by [`pairing`], a longer one by [`together`].
fn relation(
    found: &[Vec<Occurrence>],
    ordered: bool,
    pairing: &Pairing,
    answer: &PreparedAnswer,
    vocab: &Vocab,
    scope: &impl Fn(usize) -> u32,
) -> Option<Vec<Vec<usize>>> {
    let tokens = answer.tokens();
    match found {
        [x, a] => pairing.pair(x, a, ordered, answer, vocab, scope),
        _ => {
            let counting: Vec<Vec<&Occurrence>> = found
                .iter()
                .map(|f| f.iter().filter(|o| o.counts).collect())
                .collect();
            together(&counting, ordered, tokens)
        }
    }
}

/// The tokens of an ordered relation pivoted on *before* (`prepare → before → commit`),
/// said the other way round with its last term denied: "nothing commits before every
/// participant has prepared", "the primary does not ack before the replica has it" say
/// that the first comes first. The last term is negated by a cue that denies it (*not*,
/// *never*, *nothing*, ...; not *without*, *instead of*), the other terms are said
/// plainly, in one stretch, in the order turned round.
fn not_before(
    terms: &[Vec<Pattern>],
    found: &[Vec<Occurrence>],
    answer: &PreparedAnswer,
    vocab: &Vocab,
) -> Option<Vec<usize>> {
    let [.., pivot, _] = terms else {
        return None;
    };
    if terms.len() < 3
        || !pivot.iter().any(|p| p.label(vocab) == "before")
        || !found.last()?.iter().any(|o| !o.counts)
    {
        return None;
    }
    let tokens = answer.tokens();
    let denying = |o: &Occurrence| {
        o.tokens.first().is_some_and(|&c| {
            tokens[c].negation && !matches!(&*tokens[c].norm, "without" | "nor" | "neither")
        })
    };
    let last = found.len() - 1;
    let turned: Vec<Vec<&Occurrence>> = found
        .iter()
        .enumerate()
        .rev()
        .map(|(t, f)| {
            f.iter()
                .filter(|o| {
                    if t == last {
                        !o.counts && denying(o)
                    } else {
                        o.counts
                    }
                })
                .collect()
        })
        .collect();
    together(&turned, true, tokens).map(joined)
}

/// The tokens of an ordered relation of two terms said the other way round with
/// *after* (or *once*) between them, in one sentence: "the rename is done only after the
/// file has been fsynced" says `fsync → rename` (see [`orders_after`]). The second term
/// stands before *after*, with no *then* between, both said plainly; the first is what
/// the time says is done: right after *after* ("after fsyncing it") or past an
/// auxiliary ("after the file has been fsynced"), not its subject ("linking is what the
/// build does after the compiler finishes" says nothing of `compiler → links`).
fn after_turned(found: &[Vec<Occurrence>], answer: &PreparedAnswer) -> Option<Vec<usize>> {
    let [first, second] = found else {
        return None;
    };
    let tokens = answer.tokens();
    for after in (0..tokens.len()).filter(|&i| is_after(&tokens[i])) {
        let Some(b) = second.iter().rfind(|o| {
            o.counts
                && o.tokens.iter().all(|&i| i < after)
                && tokens[o.head].place.sentence == tokens[after].place.sentence
                && !(o.head..after).any(|i| &*tokens[i].norm == "then")
        }) else {
            continue;
        };
        // The first term is what the time says is done, not its subject: "after the
        // compiler finishes" names who, and says nothing of an order of steps.
        let done = |to: usize| {
            let mut words = (after + 1..to).filter(|&i| !tokens[i].part);
            let mut between = words.clone();
            words.next().is_none() || between.any(|i| crate::lang::is_auxiliary(&tokens[i].norm))
        };
        if let Some(a) = first.iter().find(|o| {
            o.counts && o.head > after && orders_after(tokens, after, o.head) && done(o.head)
        }) {
            return Some(joined(vec![
                b.tokens.clone(),
                vec![after],
                a.tokens.clone(),
            ]));
        }
    }
    None
}

/// Whether token `i` is an *after* or a *once* of the sentence (not of a code token).
fn is_after(token: &Token) -> bool {
    !token.part && matches!(&*token.norm, "after" | "once")
}

/// Whether the *after* (or *once*) at `after` opens a time that the word at `to` is in,
/// and so comes first: in its sentence, at most twelve words on, no *then* between. An
/// *after* that points back ("after that", "after this", "after which") orders nothing.
fn orders_after(tokens: &[Token], after: usize, to: usize) -> bool {
    let words = || (after + 1..to).filter(|&i| !tokens[i].part);
    let points_back = words().next().is_some_and(|i| {
        matches!(
            &*tokens[i].norm,
            "that" | "this" | "which" | "those" | "these"
        )
    });
    !points_back
        && tokens[to].place.sentence == tokens[after].place.sentence
        && words().count() < 12
        && !words().any(|i| &*tokens[i].norm == "then")
}

/// Whether the match of a concept's ordered relation of two terms (`a`, then `b`, the
/// tokens of each) is turned round by a *once* that opens `b`'s clause: "the TGT is
/// issued once the client shows a service ticket" says the service ticket first. (Not
/// *after*, which is as often a preposition: "after decryption the source must ...".)
fn turned_by_once(tokens: &[Token], a: &[usize], b: &[usize]) -> bool {
    let (Some(&a_end), Some(&b_start)) = (a.iter().max(), b.iter().min()) else {
        return false;
    };
    (a_end + 1..b_start).any(|k| {
        !tokens[k].part
            && &*tokens[k].norm == "once"
            && tokens[k].place.clause == tokens[b_start].place.clause
            && orders_after(tokens, k, b_start)
    })
}

/// The verbs of holding back that "only when" says (`holds`, `waits`, `delays`, ...).
const HOLDING: &[&str] = &[
    "hold", "holds", "wait", "waits", "delay", "delays", "defer", "defers", "buffer", "buffers",
];

/// The tokens of a relation of two terms, X and a verb of [holding back](HOLDING), said
/// with a condition: X, a verb at most five words on, then *only when* (*only after*,
/// *only once*, *only if*) in X's clause. "Nagle sends a small segment only when no
/// data is unacknowledged" says that Nagle holds it back until then.
fn only_when(
    terms: &[Vec<Pattern>],
    found: &[Vec<Occurrence>],
    answer: &PreparedAnswer,
    vocab: &Vocab,
) -> Option<Vec<usize>> {
    let [_, held] = terms else {
        return None;
    };
    // Cheap first: most answers say no "only when" at all (and a label is a new string).
    let tokens = answer.tokens();
    let condition = tokens
        .windows(2)
        .any(|w| &*w[0].norm == "only" && matches!(&*w[1].norm, "when" | "after" | "once" | "if"));
    if !condition
        || !held
            .iter()
            .any(|p| p.polarity == Polarity::Plain && HOLDING.contains(&p.label(vocab).as_str()))
    {
        return None;
    }
    found[0].iter().filter(|o| o.counts).find_map(|x| {
        let clause = tokens[x.head].place.clause;
        let words: Vec<usize> = (x.head + 1..tokens.len())
            .filter(|&i| !tokens[i].part)
            .take_while(|&i| tokens[i].place.clause == clause)
            .take(7)
            .collect();
        let only = words.windows(2).position(|w| {
            &*tokens[w[0]].norm == "only"
                && matches!(&*tokens[w[1]].norm, "when" | "after" | "once" | "if")
        })?;
        // A verb between X and the condition: some word, not X's own.
        (only >= 1 && !x.tokens.contains(&words[0]))
            .then(|| joined(vec![x.tokens.clone(), vec![words[only], words[only + 1]]]))
    })
}

/// The words that say a step comes later, after one said *first*.
const LATER: &[&str] = &[
    "afterwards",
    "afterward",
    "later",
    "then",
    "next",
    "subsequently",
];

/// The tokens of an ordered relation pivoted on *before* (`checks → before → installs`)
/// said with *first* and *afterwards* (*later*, *then*, *next*) in one sentence, and
/// whether it is turned round: "checks the syntax first and installs it afterwards"
/// says it, "installs the file first and checks the syntax afterwards" turns it round.
/// The term said first stands before *first*, the other after it, and a later-word
/// follows *first*; both terms are said plainly.
fn first_then(
    terms: &[Vec<Pattern>],
    found: &[Vec<Occurrence>],
    answer: &PreparedAnswer,
    vocab: &Vocab,
) -> Option<(Vec<usize>, bool)> {
    let [before, pivot, after] = terms else {
        return None;
    };
    let tokens = answer.tokens();
    // Cheap first: most answers say no *first* (and a label is a new string).
    if !tokens.iter().any(|t| &*t.norm == "first")
        || !pivot.iter().any(|p| p.label(vocab) == "before")
        || before.is_empty()
        || after.is_empty()
    {
        return None;
    }
    let sentence = |i: usize| tokens[i].place.sentence;
    let firsts = (0..tokens.len()).filter(|&i| !tokens[i].part && &*tokens[i].norm == "first");
    for first in firsts {
        let later = (first + 1..tokens.len())
            .take_while(|&i| sentence(i) == sentence(first))
            .any(|i| !tokens[i].part && LATER.contains(&&*tokens[i].norm));
        if !later {
            continue;
        }
        // The term said first, before *first*; the other after it; one sentence.
        let pick = |said_first: &[Occurrence], then: &[Occurrence]| {
            let a = said_first
                .iter()
                .rfind(|o| o.counts && o.head < first && sentence(o.head) == sentence(first))?;
            let b = then
                .iter()
                .find(|o| o.counts && o.head > first && sentence(o.head) == sentence(first))?;
            Some(joined(vec![
                a.tokens.clone(),
                vec![first],
                b.tokens.clone(),
            ]))
        };
        if let Some(m) = pick(&found[0], &found[2]) {
            return Some((m, false));
        }
        if let Some(m) = pick(&found[2], &found[0]) {
            return Some((m, true));
        }
    }
    None
}

/// The number of the stretch `within` that each token of `answer` is in.
fn scope(answer: &PreparedAnswer, within: Within) -> impl Fn(usize) -> u32 + '_ {
    let tokens = answer.tokens();
    move |i: usize| match within {
        Within::Clause => tokens[i].place.segment,
        Within::Sentence => tokens[i].place.sentence,
        Within::Answer => 0,
    }
}

/// The tokens of a relation's terms found together, in text order, each once.
/// Whether every pattern of a term is said plainly (none worded with a negation).
fn plain(patterns: &[Pattern]) -> bool {
    patterns.iter().all(|p| p.polarity == Polarity::Plain)
}

fn joined(chosen: Vec<Vec<usize>>) -> Vec<usize> {
    let mut matched: Vec<usize> = chosen.into_iter().flatten().collect();
    matched.sort_unstable();
    matched.dedup();
    matched
}

/// A match of a relation's term.
#[derive(Debug, Clone)]
struct Occurrence {
    /// Its first token that is not its cue.
    head: usize,
    /// The number of its stretch.
    scope: u32,
    /// Its tokens (its cue first, when it has one).
    tokens: Vec<usize>,
    /// Whether it is in the polarity the term asks for.
    counts: bool,
    /// Which of its term's patterns it is a match of.
    pattern: usize,
}

/// The matches of one term of a relation, in the answer's order, counting or not, with
/// the *former* or *latter* that stands in for one (see [`former`]).
///
/// In an `ordered` relation of a concept (`ordered`), a term said *no longer* (*not
/// ... anymore*) counts as said: "the alert is no longer pending and fires" says it was
/// pending first (see `negation::ends_a_state`). In a concept's relation (`concept`),
/// a term the model answer states plainly counts when a change ends it ("with WAL a
/// reader no longer blocks the writer", see `negation::ended_by_a_change`). A
/// misconception said so is denied.
fn occurrences(
    term: &[Pattern],
    answer: &PreparedAnswer,
    vocab: &Vocab,
    scope: &impl Fn(usize) -> u32,
    ordered: bool,
    concept: bool,
) -> Vec<Occurrence> {
    let mut here = Vec::new();
    for (p, pattern) in term.iter().enumerate() {
        answer.each_match(pattern, vocab, |f, counts| {
            if undirected(answer.tokens(), &f.tokens) {
                return;
            }
            let counts = counts
                || (f.negated
                    && pattern.polarity == Polarity::Plain
                    && ((ordered && ends_a_state(answer.tokens(), f.tokens[0]))
                        || (concept
                            && a_change_may_end(pattern)
                            && ended_by_a_change(answer.tokens(), f.tokens[0]))
                        || (concept && needed_here(pattern, &f, answer))));
            let head = head(&f, answer);
            here.push(Occurrence {
                head,
                scope: scope(head),
                tokens: f.tokens,
                counts,
                pattern: p,
            });
        });
    }
    // "Of X and Y, the latter ...": the stand-in is a match too.
    let stand_ins = former::stand_ins(&here, term, answer, scope);
    here.extend(stand_ins);
    // "Processes are isolated, each with its own address space": *each* too.
    let each = former::stand_ins_by(&here, term, answer, scope, |_, to| {
        each::stand_in(answer.tokens(), to)
    });
    here.extend(each);
    here.sort_by_key(|o| o.head);
    here
}

/// Whether a match is one comparative joined by *or* to its antonym ("faster or
/// slower", "either slower or faster", "higher or lower"): the answer says the thing
/// changes, in no one direction, so the word is not said on its own and fills no
/// relation's term (a term that is the whole phrase, `faster or slower`, still does).
fn undirected(tokens: &[Token], found: &[usize]) -> bool {
    let &[i] = found else {
        return false;
    };
    let word = &*tokens[i].norm;
    let at = |j: usize| tokens.get(j).filter(|t| !t.part).map(|t| &*t.norm);
    let antonym = |j: usize| {
        at(j).is_some_and(|other| {
            crate::lang::COMPARATIVES
                .iter()
                .any(|&(a, b)| (a == word && b == other) || (b == word && a == other))
        })
    };
    !tokens[i].part
        && ((at(i + 1) == Some("or") && antonym(i + 2))
            || (i >= 2 && at(i - 1) == Some("or") && antonym(i - 2)))
}

/// The first token of a match that is not its cue (a negated match's tokens start with
/// the cue that governs it, which may be no negation word: "rather than").
fn head(found: &Found, answer: &PreparedAnswer) -> usize {
    let tokens = answer.tokens();
    let own = if found.negated && found.tokens.len() > 1 {
        &found.tokens[1..]
    } else {
        &found.tokens[..]
    };
    own.iter()
        .copied()
        .find(|&t| !tokens[t].negation)
        .unwrap_or(own[0])
}

/// One match of each term in one scope (and in order when `ordered`), if there is one.
/// No word fills two terms: "merge commit" alone does not meet `merge` + `merge commit`,
/// nor `created_at` alone `create` + `created_at` (see `token::same_written`).
fn together(
    found: &[Vec<&Occurrence>],
    ordered: bool,
    tokens: &[Token],
) -> Option<Vec<Vec<usize>>> {
    let is_cue = |i: usize| tokens[i].negation;
    let (first, rest) = found.split_first()?;
    'start: for start in first {
        let mut chosen = vec![start.tokens.clone()];
        let mut after = start.head;
        for term in rest {
            // (Two terms under one cue share it: "not managed or kept".)
            let free = |t: &[usize]| {
                !t.iter().any(|&i| {
                    !is_cue(i)
                        && chosen
                            .iter()
                            .any(|c| c.iter().any(|&j| same_written(tokens, i, j)))
                })
            };
            let next = term.iter().find(|o| {
                o.scope == start.scope && (!ordered || o.head > after) && free(&o.tokens)
            });
            match next {
                Some(o) => {
                    after = o.head;
                    chosen.push(o.tokens.clone());
                }
                None => continue 'start,
            }
        }
        return Some(chosen);
    }
    None
}

/// A keyword of a rubric that its model answer states only under a negation, so that it
/// counts only when an answer negates it too (see [`Patterns::of`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NegatedInModel {
    /// The keyword, as written (the first of its concept's that the model answer states
    /// only negated).
    pub keyword: String,
    /// The concept's other keywords that the model answer states only negated, as
    /// written (`backwards` beside `backward`): one concept, so one warning.
    pub also: Vec<String>,
    /// The model answer's words from the cue to the keyword ("no inode of its own").
    pub said: String,
    /// The keyword written as the negation it asks for (`no credentials`, `not
    /// managed`), which says so openly.
    pub negation: String,
}

/// The keywords of `question`'s rubric (its concepts and the terms of its relations, not
/// its misconceptions or forbidden terms, which are matched as written) that its model
/// answer states only under a negation, one entry per concept (its first such keyword,
/// the others in [`NegatedInModel::also`]), when no other form of their term is stated
/// plainly (the term is then stated plainly: see [`Patterns::of`]). A keyword that is
/// itself a negation (`not persisted`) asks for it openly and is left out.
pub fn negated_in_model(question: &Question) -> Vec<NegatedInModel> {
    let (Some(rubric), Some(model)) = (&question.rubric, &question.model_answer) else {
        return Vec::new();
    };
    let stemmer = crate::lang::stemmer();
    let model = PreparedAnswer::new(model, &stemmer, &Vocab::default());
    // The keywords as written: the lexicon's equivalents are not what the author wrote.
    let lexicon = Lexicon::default();
    let mut vocab = Vocab::default();
    let mut out: Vec<NegatedInModel> = Vec::new();
    for concept in &rubric.concepts {
        let terms = match &concept.relation {
            None => std::slice::from_ref(&concept.alternatives),
            Some(relation) => relation.terms.as_slice(),
        };
        // A keyword of two concepts is reported with the first.
        let reported = |k: &String| out.iter().any(|n| &n.keyword == k || n.also.contains(k));
        let mut found = negated_terms(terms, &model, &lexicon, &stemmer, &mut vocab)
            .into_iter()
            .filter(|n| !reported(&n.keyword));
        if let Some(mut first) = found.next() {
            first.also = found.map(|n| n.keyword).collect();
            out.push(first);
        }
    }
    out
}

/// The keywords of `terms` (a concept's alternatives, or the terms of its relation)
/// that `model` states only negated, each once, in the order written.
fn negated_terms(
    terms: &[Vec<String>],
    model: &PreparedAnswer,
    lexicon: &Lexicon,
    stemmer: &Stemmer,
    vocab: &mut Vocab,
) -> Vec<NegatedInModel> {
    let mut out: Vec<NegatedInModel> = Vec::new();
    for term in terms {
        // Each keyword's patterns, in the model answer's polarity.
        let written: Vec<(&String, Vec<Pattern>)> = term
            .iter()
            .map(|k| (k, keyword_patterns(k, lexicon, stemmer, vocab)))
            .filter(|(_, p)| p.iter().all(|p| p.polarity == Polarity::Plain))
            .collect();
        let stated: Vec<(&String, Vec<Pattern>)> = written
            .into_iter()
            .map(|(k, p)| {
                (
                    k,
                    p.into_iter().map(|p| p.with_model(model, vocab)).collect(),
                )
            })
            .collect();
        let plain = |p: &[Pattern]| p.iter().any(|p| p.in_model == InModel::Plain);
        if stated.iter().any(|(_, p)| plain(p)) {
            continue;
        }
        for (keyword, patterns) in &stated {
            if out.iter().any(|n| &n.keyword == *keyword) {
                continue;
            }
            let Some((found, _)) = patterns.iter().find_map(|p| model.find(p, vocab)) else {
                continue;
            };
            let (from, to) = (found.tokens.iter().min(), found.tokens.iter().max());
            let (Some(&from), Some(&to)) = (from, to) else {
                continue;
            };
            let said: Vec<&str> = (from..=to)
                .filter(|&i| !model.tokens()[i].part)
                .map(|i| model.word(i))
                .collect();
            // "no" before a noun the model answer denies with "no", "without" or "none".
            let cue = model.word(found.tokens[0]);
            let no = matches!(cue, "no" | "without" | "none" | "nothing");
            out.push(NegatedInModel {
                negation: format!("{} {keyword}", if no { "no" } else { "not" }),
                keyword: (*keyword).clone(),
                also: Vec::new(),
                said: said.join(" "),
            });
        }
    }
    out
}
