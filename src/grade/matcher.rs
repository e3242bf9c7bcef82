//! Finding a rubric's terms in an answer: word matching (stem, typo, exact), phrases,
//! phrases turned round, negation scopes and the polarity a term is expected in. Scores
//! and verdicts are `grade::mod`'s business; which terms a keyword expands to is
//! `grade::lexicon`'s.
//!
//! The words of a rubric's keywords are kept once each in a [`Vocab`], and a keyword is
//! compiled into a [`Pattern`] of indices into it. An answer is tokenized once into a
//! [`PreparedAnswer`] that knows, for each token, the negation cue that governs it, and
//! remembers which keyword words each of its words matched, so no pair of words is
//! compared twice in one grade; each thread also remembers, for the vocabulary it last
//! graded against, what every word it has seen matches (see `matcher::hits`).

use super::negation::{
    DEFEATING, denies_first, excepted, governing_cues, held_off, is_reply, join_corrective,
    names_a_saving, prevented_by, stresses_negation,
};
use super::token::{Class, Parts, Token, is_bare_key, letters_too_far, tokenize_into};
use crate::lang::{edit_distance_within, is_form_of};
use hits::{Buffers, hits};
use rust_stemmers::Stemmer;
use rustc_hash::FxHashMap;
use std::collections::HashMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

/// How many extra words may stand between two words of a phrase.
pub const PHRASE_GAP: usize = 1;

/// The words that join a phrase turned round: "the kernel of the host" says "host
/// kernel", "a directory from the host" says "host directory".
const CONNECTORS: &[&str] = &["of", "from", "on", "in", "inside", "for", "at"];

/// The distinct words of a rubric's keywords.
#[derive(Debug, Clone, Default)]
pub struct Vocab {
    words: Vec<Token>,
    /// The first two chars of each word, for the cheap test before a typo (see [`head`]).
    heads: Vec<Head>,
    index: HashMap<(Arc<str>, bool), u32>,
    /// The words an answer word can only meet by being the same word or stem (code
    /// tokens, numbers, words too short for a typo), by that text or stem.
    exact: FxHashMap<Arc<str>, Vec<u32>>,
    /// The words an answer word can also meet with a typo, by their length in chars
    /// and by the length of their stem (a word may be in both lists).
    typo_by_len: Vec<Vec<u32>>,
    typo_by_stem_len: Vec<Vec<u32>>,
    /// Per word, whether it is in those lists (a closed compound made of a phrase is
    /// not: `containerip` is no typo of `container`), or in `snake`.
    typos: Vec<bool>,
    /// The code words in snake_case (`service_healthy`), which an answer's code token
    /// may meet with a typo in one of its words (see [`snake_typo`]).
    snake: Vec<u32>,
    /// The stems of the words the bank uses: an answer word among them is no typo.
    known: Arc<rustc_hash::FxHashSet<Arc<str>>>,
    /// Which vocabulary this is: a new number whenever it changes (a clone that stays
    /// the same keeps it), so what an answer word matches in it can be remembered.
    stamp: u64,
}

/// The next vocabulary stamp (0 is the empty vocabulary's).
static NEXT_STAMP: AtomicU64 = AtomicU64::new(1);

fn new_stamp() -> u64 {
    NEXT_STAMP.fetch_add(1, Ordering::Relaxed)
}

impl Vocab {
    /// An empty vocabulary for a bank that uses the words of `known` (by stem).
    pub fn with_known(known: Arc<rustc_hash::FxHashSet<Arc<str>>>) -> Vocab {
        Vocab {
            known,
            stamp: new_stamp(),
            ..Vocab::default()
        }
    }

    /// The index of `token`'s word, added when new; an answer word may meet it with a
    /// typo when `typos` (for any of the times it is interned).
    fn intern(&mut self, token: Token, typos: bool) -> u32 {
        let key = (token.norm.clone(), token.class == Class::Code);
        let i = match self.index.get(&key) {
            Some(&i) => i,
            None => {
                let i = self.words.len() as u32;
                self.stamp = new_stamp();
                self.exact.entry(token.stem.clone()).or_default().push(i);
                self.heads.push(head(&token.norm));
                self.typos.push(false);
                self.words.push(token);
                self.index.insert(key, i);
                i
            }
        };
        let word = &self.words[i as usize];
        if typos && !self.typos[i as usize] && word.class == Class::Code && is_snake(&word.norm) {
            self.snake.push(i);
            self.typos[i as usize] = true;
            self.stamp = new_stamp();
        }
        let word = &self.words[i as usize];
        if typos && !self.typos[i as usize] && word.class == Class::Word && typo_limit(word.len) > 0
        {
            let (len, stem_len) = (word.len, word.stem.len());
            let slot = |lists: &mut Vec<Vec<u32>>, len: usize| {
                if lists.len() <= len {
                    lists.resize(len + 1, Vec::new());
                }
                lists[len].push(i);
            };
            slot(&mut self.typo_by_len, len);
            slot(&mut self.typo_by_stem_len, stem_len);
            self.typos[i as usize] = true;
            self.stamp = new_stamp();
        }
        i
    }

    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// The index of `token`'s word, added when new, met only by the same word or stem,
    /// never a typo: a word a rule outside the rubric looks for in every answer (see
    /// [`PreparedAnswer::tokens_of`]).
    pub fn intern_exact(&mut self, token: Token) -> u32 {
        self.intern(token, false)
    }

    /// Whether `token` matches one of the words, as an answer prepared against this
    /// vocabulary would find it: a text already prepared against another vocabulary
    /// need not be prepared again to ask.
    pub fn matches(&self, token: &Token) -> bool {
        hits::matches_any(token, self)
    }
}

/// One place of a pattern: a keyword word, any connector word, or (for a path said in
/// words) any word that says a folder or where in another it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Slot {
    Word(u32),
    Connector,
    Folder,
    Within,
}

/// The words that say a folder, and where in another it is: "the workflows directory
/// inside .github".
const FOLDER_WORDS: &[&str] = &["directory", "folder", "dir", "subdirectory", "subfolder"];
const WITHIN_WORDS: &[&str] = &["in", "inside", "under", "within", "of"];

/// Stems of verbs that take their object away, in the case the model answer speaks
/// of: "host mode eliminates the NAT overhead", "the scan skips the heap", "inlining
/// removes the call". What they take away is absent there, as "there is no NAT" says
/// (see [`Pattern::removed_in_model`]).
const REMOVING: &[&str] = &["elimin", "bypass", "skip", "remov", "circumv", "sidestep"];

/// Whether a term is said plainly or under a negation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Polarity {
    Plain,
    Negated,
}

/// How the model answer states a term.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InModel {
    /// Plainly (at least once).
    Plain,
    /// Only under a negation ("there is no guest kernel").
    Negated,
    /// Not at all, or there is no model answer to look in.
    Absent,
}

/// One term, compiled: a word, a phrase, a phrase turned round, or a code token.
#[derive(Debug, Clone)]
pub struct Pattern {
    slots: Vec<Slot>,
    /// The polarity an answer must state it in to count: negated when the keyword is
    /// itself negated (`not persisted`) or the model answer states it only negated.
    pub polarity: Polarity,
    /// How the model answer states it.
    pub in_model: InModel,
    /// The model answer states it plainly and also under a negation ("the medium task
    /// preempts the logger ... so the medium task cannot preempt it"): an answer that
    /// negates it may say what the model answer says too.
    pub negated_in_model_too: bool,
    /// The model answer states it plainly only as what happens in a thing's absence
    /// ("Without jitter, the retries stay synchronised") or as what something prevents
    /// ("this defeats SSL stripping"; see [`super::negation::either_way`]): an answer
    /// may state it plainly or deny it
    /// where the thing is present ("with jitter they are no longer synchronised"), and
    /// a match in either polarity counts.
    pub either_polarity: bool,
    /// The model answer states it plainly as the object of a verb that takes it away
    /// ("eliminating the NAT overhead", "an index-only scan skips the heap"; see
    /// [`REMOVING`]): an answer that denies it in a sentence that names that case ("with
    /// host networking there is no NAT", "the index-only scan never reads the heap")
    /// says what the model answer says, and counts ([`Found::in_removed_case`]).
    /// Not for a derived rubric's terms, single words.
    pub removed_in_model: bool,
    /// The stems of the content words of the model answer's sentences that take the
    /// term away (not the term's own words nor the verb): the case they speak of. Empty
    /// unless [`Pattern::removed_in_model`].
    removed_in: Vec<Arc<str>>,
    /// A negation cue is one of its own words, after the first (`adds no overhead`,
    /// `costs nothing`, `host cannot see them`): the cue is the phrase's, so a match is
    /// negated only by a cue outside it ("it adds no overhead" states the phrase
    /// plainly).
    own_cue: bool,
    /// The question (its situation or prompt) states it plainly, and nowhere negated:
    /// the problem it sets, which an answer may say a fix ends ("once the job gets its
    /// own pool, the two no longer share one"; see [`Pattern::with_question`]).
    pub in_question: bool,
    /// Its words must stand next to each other, in one clause (a phrase turned round
    /// word for word: "a full vacuum" for `vacuum full`).
    tight: bool,
    /// It is a reply (the keyword `no` alone): an answer's word meets it only where it
    /// is one ("No. A mirror ...", "No, it is not", "No — it survives"; see
    /// [`is_reply`]), not where it negates the words after it ("no backup software is
    /// needed").
    reply: bool,
    /// For a pattern of one word, the words that follow it in a longer compound the
    /// rubric knows (`store` of `trust store` for `trust`): a match followed by one of
    /// them is inside that compound and does not meet this word alone (see
    /// [`Pattern::keep_out_of`]). Empty for most patterns.
    compounds: Vec<u32>,
    /// It says the term only in its own polarity: `accept` under a negation stands for
    /// `rejects`, but "accepts" said plainly says nothing of rejecting (the answer may
    /// say it of another thing), so a match in the other polarity is no match at all.
    one_way: bool,
    /// A match under a negation that an *unless* lifts counts for it in either polarity
    /// ([`Found::excepted`]): a concept's pattern, set with the model answer's polarity.
    /// A misconception or a forbidden term is matched as written: "isn't removed unless
    /// you pass -v" does not say it is removed.
    on_condition: bool,
    /// When the model answer states it plainly and also denies it: each of its denials
    /// as [`Echo::of`] reads it, the kind of cue and the content words from the cue to
    /// the term. An answer's denial that repeats one says what the model answer says
    /// ([`Found::echoes`]). Empty for most patterns.
    denials: Vec<Echo>,
    /// The stems of the content words of the model answer's clauses that state it
    /// plainly: what the model answer says of it. A denial in an answer whose verb is
    /// none of them denies something else of the thing (see
    /// `compile::named_under_another_denial`). Empty until [`Pattern::with_model`].
    pub predicates: Vec<Arc<str>>,
}

/// Whether the word at `j`, between a cue and the term it denies, only stresses the
/// denial or says it holds until now ("not yet", "still not", "not really"), and so
/// is left out of an [`Echo`]'s words.
fn stresses_denial(tokens: &[Token], j: usize) -> bool {
    matches!(&*tokens[j].norm, "yet" | "still") || stresses_negation(tokens, j)
}

/// A denial of a term as the words that make it: the kind of its cue ("no", "not",
/// "neither", "without"), the stems of the content words between the cue and the term,
/// in order ("cannot search the index" is (`not`, [search])), those of its clause
/// before the cue (what it is denied of: [planner] in "the planner cannot search the
/// index"), those of that subject from its last definite determiner, possessive or
/// pronoun on (what names the thing again: [cell, carry] of "what matters is that its
/// cells carry no"; empty when it has none), the content word right before the cue
/// (its verb, `carry`; none in "has no" or "does not"), and the sentence it is in.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Echo {
    cue: u8,
    between: Vec<Arc<str>>,
    subject: Vec<Arc<str>>,
    named: Vec<Arc<str>>,
    verb: Option<Arc<str>>,
    sentence: u32,
}

/// Whether `word` names again a thing already named: a definite determiner or
/// possessive ("*its* red cells", "*the* cells") or a pronoun ("*they* carry").
fn names_again(word: &str) -> bool {
    matches!(
        word,
        "the" | "its" | "their" | "this" | "these" | "those" | "it" | "they"
    )
}

impl Echo {
    /// The denial of the term at `start` by the cue at `cue`, when the cue comes first
    /// and is of a kind an answer can repeat: `None` for the rest (a denying predicate
    /// after the term, "instead of", a privative word).
    fn of(tokens: &[Token], cue: usize, start: usize) -> Option<Echo> {
        let kind = match &*tokens.get(cue)?.norm {
            "no" | "none" | "nothing" | "nobody" => 1,
            // "never" denies as "not" does: "has never called wait()" repeats "has
            // not called wait()".
            "not" | "nt" | "cannot" | "never" => 2,
            "neither" | "nor" => 4,
            "without" => 5,
            _ => return None,
        };
        if cue >= start {
            return None;
        }
        let content = |t: &&Token| !t.stop && !t.part && t.class == Class::Word;
        let clause = tokens[cue].place.clause;
        let before: Vec<usize> = (0..cue)
            .rev()
            .take_while(|&j| tokens[j].place.clause == clause)
            .collect();
        // A denial joined to an earlier one shares its subject: "there is no global
        // rollback and no isolation" denies isolation of nothing named. Nearest first.
        let from = before
            .iter()
            .rposition(|&j| tokens[j].negation)
            .map_or(0, |i| i + 1);
        let subject = &before[from.min(before.len())..];
        let words = |at: &[usize]| -> Vec<Arc<str>> {
            at.iter()
                .filter(|&&j| content(&&tokens[j]) && !stresses_denial(tokens, j))
                .map(|&j| tokens[j].stem.clone())
                .collect()
        };
        Some(Echo {
            cue: kind,
            // A word that only stresses or times the denial ("not yet called", "not
            // really needed", "still not called") is no part of what is denied:
            // "hasn't called wait() yet" repeats "has not yet called wait()".
            between: (cue + 1..start)
                .filter(|&j| content(&&tokens[j]) && !stresses_denial(tokens, j))
                .map(|j| tokens[j].stem.clone())
                .collect(),
            subject: words(subject),
            named: subject
                .iter()
                .position(|&j| names_again(&tokens[j].norm))
                .map_or_else(Vec::new, |i| words(&subject[..i])),
            verb: subject
                .first()
                .filter(|&&j| j + 1 == cue && content(&&tokens[j]))
                .map(|&j| tokens[j].stem.clone()),
            sentence: tokens[start].place.sentence,
        })
    }

    /// Whether `said`, an answer's denial, repeats this one of the model answer: the
    /// same kind of cue, the same words between it and the term, and of the same thing
    /// (every word of this one's subject in its own), or of one it names by a pronoun
    /// alone ("since it cannot search the index"), or again by fewer of this subject's
    /// words after a definite determiner, possessive or pronoun, with the same verb:
    /// this one's verb before the cue among them, or a *not* before a verb they share
    /// in `between`. "its red cells carry no A, B or RhD antigens" repeats "O-negative
    /// red cells carry none of the A, B or RhD antigens"; "its plasma carries no ...",
    /// "its red cells have no ..." and, for "a crontab line has no user field", "its
    /// lines have no user field" (no verb to share) do not.
    fn repeated_by(&self, said: &Echo) -> bool {
        self.cue == said.cue
            && self.between == said.between
            && (said.subject.is_empty()
                || self.subject.iter().all(|w| said.subject.contains(w))
                || (!said.named.is_empty()
                    && said.named.iter().all(|w| self.subject.contains(w))
                    && (self.verb.as_ref().is_some_and(|v| said.named.contains(v))
                        || (self.cue == 2 && !self.between.is_empty()))))
    }
}

impl Pattern {
    /// A pattern of `words` (a keyword's tokens without a leading negation cue).
    pub fn new(words: Vec<Token>, negated: bool, turned: bool, vocab: &mut Vocab) -> Pattern {
        Pattern::of(words, negated, turned, true, vocab)
    }

    /// A pattern of `words` that an answer meets only word for word (by stem), never
    /// with a typo: a form the author did not write (`writethrough` for `write
    /// through`), which a typo would stretch too far.
    pub fn exact(words: Vec<Token>, negated: bool, vocab: &mut Vocab) -> Pattern {
        Pattern::of(words, negated, false, false, vocab)
    }

    fn of(
        words: Vec<Token>,
        negated: bool,
        turned: bool,
        typos: bool,
        vocab: &mut Vocab,
    ) -> Pattern {
        let own_first = words.first().is_some_and(|w| &*w.norm == "own");
        let own_cue = words.len() > 1 && words.iter().any(Token::is_negation);
        let mut slots: Vec<Slot> = words
            .into_iter()
            .map(|w| Slot::Word(vocab.intern(w, typos)))
            .collect();
        if turned && own_first && slots.len() >= 2 {
            // "own address space" turned round: "address space of its own".
            let own = slots.remove(0);
            slots.push(Slot::Connector);
            slots.push(own);
        } else if turned && slots.len() >= 2 {
            // "host kernel" turned round: "kernel of the host".
            let last = slots.pop().unwrap_or(Slot::Connector);
            slots.insert(0, Slot::Connector);
            slots.insert(0, last);
        }
        Pattern {
            slots,
            polarity: if negated {
                Polarity::Negated
            } else {
                Polarity::Plain
            },
            in_model: InModel::Absent,
            negated_in_model_too: false,
            either_polarity: false,
            removed_in_model: false,
            removed_in: Vec::new(),
            own_cue,
            in_question: false,
            tight: false,
            reply: false,
            compounds: Vec::new(),
            one_way: false,
            denials: Vec::new(),
            on_condition: false,
            predicates: Vec::new(),
        }
    }

    /// A pattern of `words` that stands for another term only in its own polarity: a
    /// verb whose denial says the term (`accept` negated for `rejects`, see
    /// `lang::denied_opposites`). Met word for word, never with a typo.
    pub fn one_way(words: Vec<Token>, negated: bool, vocab: &mut Vocab) -> Pattern {
        Pattern {
            one_way: true,
            ..Pattern::exact(words, negated, vocab)
        }
    }

    /// The word of a pattern of one word.
    pub fn single_word(&self, vocab: &Vocab) -> Option<Token> {
        match self.slots.as_slice() {
            [Slot::Word(w)] => Some(vocab.words[*w as usize].clone()),
            _ => None,
        }
    }

    /// Keeps a pattern of one word out of the compounds that begin with its word and
    /// go on with one of `next` (see [`Pattern::single_word`] and
    /// `Lexicon::compounds_after`): a misconception's `trust` is not met by "the
    /// client's trust store", a thing of its own.
    pub fn keep_out_of(&mut self, next: Vec<Token>, vocab: &mut Vocab) {
        for word in next {
            let w = vocab.intern_exact(word);
            if !self.compounds.contains(&w) {
                self.compounds.push(w);
            }
        }
    }

    /// The reply `word` (`no`): met only by a [reply](is_reply), never with a typo.
    pub fn reply(word: Token, vocab: &mut Vocab) -> Pattern {
        Pattern {
            reply: true,
            ..Pattern::exact(vec![word], false, vocab)
        }
    }

    /// Whether it is the reply `no` (see [`Pattern::reply`]).
    pub fn is_reply(&self) -> bool {
        self.reply
    }

    /// A pattern of `words` met only next to each other in one clause, word for word (by
    /// stem), never with a typo.
    pub fn tight(words: Vec<Token>, negated: bool, vocab: &mut Vocab) -> Pattern {
        Pattern {
            tight: true,
            ..Pattern::exact(words, negated, vocab)
        }
    }

    /// A path's last folder `child` said in words, a folder [in](WITHIN_WORDS) `parent`:
    /// "the workflows directory inside .github" for `.github/workflows`. Met word for
    /// word (by stem), never with a typo.
    pub fn folder_in(child: Vec<Token>, parent: Vec<Token>, vocab: &mut Vocab) -> Pattern {
        let mut pattern = Pattern::exact(child, false, vocab);
        pattern.slots.extend([Slot::Folder, Slot::Within]);
        let parent = parent
            .into_iter()
            .map(|w| Slot::Word(vocab.intern(w, false)));
        pattern.slots.extend(parent);
        pattern
    }

    /// The words of this pattern as written ("kernel of host" when turned round).
    pub fn label(&self, vocab: &Vocab) -> String {
        let words: Vec<&str> = self
            .slots
            .iter()
            .map(|slot| match slot {
                Slot::Word(w) => &*vocab.words[*w as usize].norm,
                Slot::Connector => "of",
                Slot::Folder => "folder",
                Slot::Within => "in",
            })
            .collect();
        words.join(" ")
    }

    /// Keeps the model answer's denials of this term (see [`Pattern::denials`]) in the
    /// sentences `keep` accepts; none when `keep` accepts none.
    pub fn keep_denials(&mut self, keep: impl Fn(u32) -> bool) {
        self.denials.retain(|d| keep(d.sentence));
    }

    /// Sets whether the question (`asked`: its situation and prompt) states this term
    /// plainly and nowhere negated ([`Pattern::in_question`]).
    pub fn with_question(mut self, asked: &PreparedAnswer, vocab: &Vocab) -> Pattern {
        let mut plain = false;
        let mut negated = false;
        asked.each(&self, vocab, |found| {
            if found.negated {
                negated = true;
            } else {
                plain = true;
            }
            !negated
        });
        self.in_question = plain && !negated;
        self
    }

    /// Sets how the model answer states this term, and so the polarity an answer must
    /// state it in (a keyword that is itself negated keeps its own).
    pub fn with_model(mut self, model: &PreparedAnswer, vocab: &Vocab) -> Pattern {
        self.on_condition = true;
        let mut plain = false;
        let mut negated = false;
        let mut in_absence = true;
        let mut removed: Vec<(u32, usize, Vec<usize>)> = Vec::new();
        let mut denials = Vec::new();
        let mut clauses: Vec<u32> = Vec::new();
        model.each(&self, vocab, |found| {
            if found.negated {
                negated = true;
                if let [cue, start, ..] = found.tokens[..]
                    && let Some(echo) = Echo::of(&model.tokens, cue, start)
                    && !denials.contains(&echo)
                {
                    denials.push(echo);
                }
            } else {
                plain = true;
                if let (Some(&i), Some(&last)) = (found.tokens.first(), found.tokens.last()) {
                    clauses.push(model.tokens[i].place.clause);
                    if let Some(v) = super::negation::prevented_by(&model.tokens, i, last, REMOVING)
                    {
                        removed.push((model.tokens[i].place.sentence, v, found.tokens.clone()));
                    }
                }
                in_absence = in_absence
                    && found
                        .tokens
                        .first()
                        .is_some_and(|&i| super::negation::either_way(&model.tokens, i));
            }
            true
        });
        self.negated_in_model_too = plain && negated;
        self.predicates = model
            .tokens
            .iter()
            .filter(|t| clauses.contains(&t.place.clause) && !t.stop && !t.part)
            .map(|t| t.stem.clone())
            .collect();
        self.predicates.sort_unstable();
        self.predicates.dedup();
        self.denials.clear();
        if self.negated_in_model_too && self.polarity == Polarity::Plain {
            self.denials = denials;
        }
        self.either_polarity = plain && !negated && in_absence;
        self.removed_in_model = plain && !removed.is_empty();
        self.removed_in = model
            .tokens
            .iter()
            .enumerate()
            .filter(|(j, t)| {
                !t.stop
                    && !t.part
                    && !t.negation
                    && removed
                        .iter()
                        .any(|(s, v, own)| t.place.sentence == *s && j != v && !own.contains(j))
            })
            .map(|(_, t)| t.stem.clone())
            .collect();
        self.removed_in.sort_unstable();
        self.removed_in.dedup();
        self.in_model = match (plain, negated) {
            (true, _) => InModel::Plain,
            (false, true) => InModel::Negated,
            (false, false) => InModel::Absent,
        };
        if self.in_model == InModel::Negated {
            self.polarity = Polarity::Negated;
        }
        self
    }
}

/// An answer, tokenized, with its negation scopes worked out.
#[derive(Debug)]
pub struct PreparedAnswer {
    tokens: Vec<Token>,
    /// Word position of each token (the words of a code token share its position).
    position: Vec<usize>,
    /// For each token, the index of the negation cue that governs it, if any.
    cue: Vec<Option<usize>>,
    /// Which words of the vocabulary each token matches: a row of bits per token.
    hits: Vec<u64>,
    /// Words (of 64 bits) per row of `hits`.
    row: usize,
    /// The same matches by vocabulary word: (word, token) pairs in that order, and
    /// where each word's pairs start (one more entry than the vocabulary had words), so
    /// a pattern is only looked for where its first word is.
    postings: Vec<(u32, u32)>,
    starts: Vec<u32>,
}

/// A match of a pattern in an answer.
#[derive(Debug, Clone)]
pub struct Found {
    /// The tokens that matched, with the governing cue first when it is negated.
    pub tokens: Vec<usize>,
    /// Whether a negation governs it.
    pub negated: bool,
    /// Whether it is said reduced, not negated: "less memory", "fewer copies". Asked only
    /// of a match of a pattern it can count for (see [`counts_reduced`]); `false` for
    /// the rest.
    pub reduced: bool,
    /// Whether the negation that governs it is lifted by an *unless* ("won't run a
    /// script unless its nonce matches": see [`super::negation::excepted`]): it says the
    /// term happens on a condition, and counts in either polarity.
    pub excepted: bool,
    /// Whether it is negated as the model answer denies the term too (see
    /// [`Pattern::denials`]): "the price is no isolation" after a model answer's "there
    /// is no isolation". It says what the model answer says, and counts.
    pub echoes: bool,
    /// Whether it is negated in a sentence that names the case in which the model
    /// answer takes the term away (see [`Pattern::removed_in_model`]): "with host
    /// networking there is no NAT" after "with host networking the container bypasses
    /// NAT". It says what the model answer says, and counts.
    pub in_removed_case: bool,
}

/// Whether a match said reduced counts for `pattern` (see [`Found::counts`]): a term the
/// rubric wants negated and the model answer states negated. Most patterns are not,
/// and their matches need not be asked.
fn counts_reduced(pattern: &Pattern) -> bool {
    pattern.polarity == Polarity::Negated && pattern.in_model == InModel::Negated
}

impl Found {
    /// Whether this match states `pattern` in the polarity it asks for. A reduction
    /// ("uses less memory") also counts for a term the model answer states only negated
    /// ("never builds the whole list in memory"): it claims the same saving.
    fn counts(&self, pattern: &Pattern) -> bool {
        match pattern.polarity {
            Polarity::Plain => {
                !self.negated
                    || pattern.either_polarity
                    || (self.excepted && pattern.on_condition)
                    || self.echoes
                    || self.in_removed_case
            }
            Polarity::Negated => {
                self.negated || (self.reduced && pattern.in_model == InModel::Negated)
            }
        }
    }
}

impl PreparedAnswer {
    /// `text`, ready to be matched against patterns of `vocab`.
    pub fn new(text: &str, stemmer: &Stemmer, vocab: &Vocab) -> PreparedAnswer {
        let mut buffers = Buffers::take();
        let mut tokens = std::mem::take(&mut buffers.tokens);
        tokenize_into(text, stemmer, Parts::Emit, &mut tokens);
        join_corrective(&mut tokens);
        let mut position = std::mem::take(&mut buffers.position);
        let mut next = 0usize;
        for token in &tokens {
            if token.part {
                position.push(next.saturating_sub(1));
            } else {
                position.push(next);
                next += 1;
            }
        }
        let cue = governing_cues(&tokens);
        let row = hits(&tokens, vocab, &mut buffers);
        let Buffers {
            hits,
            postings,
            starts,
            ..
        } = buffers;
        PreparedAnswer {
            hits,
            row,
            postings,
            starts,
            tokens,
            position,
            cue,
        }
    }

    /// The tokens.
    pub fn tokens(&self) -> &[Token] {
        &self.tokens
    }

    /// How many of the answer's words (the parts of a code token aside) match one of
    /// the vocabulary's first `first` words, and how many words it has.
    pub fn words_among(&self, first: usize) -> (usize, usize) {
        let full = first / 64;
        let rest: u64 = (1u64 << (first % 64)) - 1;
        let mut among = 0;
        let mut words = 0;
        for (t, token) in self.tokens.iter().enumerate() {
            if token.part {
                continue;
            }
            words += 1;
            let Some(bits) = self.hits.get(t * self.row..(t + 1) * self.row) else {
                continue;
            };
            let hit = bits.iter().take(full).any(|&b| b != 0)
                || bits.get(full).is_some_and(|&b| b & rest != 0);
            among += usize::from(hit);
        }
        (among, words)
    }

    /// Whether the word before token `i` is *less* or *fewer*, or the word after it a
    /// saving that no negation governs ("memory savings").
    fn reduced(&self, i: usize) -> bool {
        self.tokens[..i]
            .iter()
            .rev()
            .find(|t| !t.part)
            .is_some_and(|t| matches!(&*t.norm, "less" | "fewer"))
            || (names_a_saving(&self.tokens, i)
                && (i + 1..self.tokens.len())
                    .find(|&j| !self.tokens[j].part)
                    .is_some_and(|j| self.cue[j].is_none()))
    }

    /// The negation cue that governs token `i`, if any.
    pub fn cue(&self, i: usize) -> Option<usize> {
        self.cue.get(i).copied().flatten()
    }

    /// Whether a negation cue governs token `i`.
    pub fn negated(&self, i: usize) -> bool {
        self.cue.get(i).is_some_and(Option::is_some)
    }

    /// The text of token `i`.
    pub fn word(&self, i: usize) -> &str {
        &self.tokens[i].norm
    }

    /// Whether token `t` matches slot `slot`.
    #[inline]
    fn hit(&self, t: usize, slot: Slot, vocab: &Vocab) -> bool {
        match slot {
            Slot::Connector | Slot::Folder | Slot::Within => {
                let token = &self.tokens[t];
                let words = match slot {
                    Slot::Connector => CONNECTORS,
                    Slot::Folder => FOLDER_WORDS,
                    _ => WITHIN_WORDS,
                };
                !token.part && words.contains(&&*token.norm)
            }
            Slot::Word(w) => {
                let w = w as usize;
                if w / 64 < self.row {
                    self.hits[t * self.row + w / 64] & (1 << (w % 64)) != 0
                } else {
                    self.hit_unprepared(t, w, vocab)
                }
            }
        }
    }

    /// Whether token `t` matches vocabulary word `w`, which the vocabulary did not have
    /// when this answer was prepared (it grew since): compared now. Out of line, so the
    /// common case above stays small enough to inline.
    #[cold]
    #[inline(never)]
    fn hit_unprepared(&self, t: usize, w: usize, vocab: &Vocab) -> bool {
        let (a, k) = (&self.tokens[t], &vocab.words[w]);
        if vocab.typos[w] {
            word_matches(a, k)
        } else {
            a.stem == k.stem && word_matches(a, k)
        }
    }

    /// The first match of `pattern` in the polarity it asks for, else the first match
    /// in the other one (which does not count), else `None`.
    pub fn find(&self, pattern: &Pattern, vocab: &Vocab) -> Option<(Found, bool)> {
        if pattern.one_way {
            return self.find_one_way(pattern, vocab);
        }
        let mut other = None;
        let mut counting = None;
        self.each(pattern, vocab, |found| {
            if found.counts(pattern) {
                counting = Some(found);
                false
            } else {
                other.get_or_insert(found);
                true
            }
        });
        counting.map(|f| (f, true)).or(other.map(|f| (f, false)))
    }

    /// The first match of a [`Pattern::one_way`] that says it, which counts.
    #[cold]
    fn find_one_way(&self, pattern: &Pattern, vocab: &Vocab) -> Option<(Found, bool)> {
        self.all_one_way(pattern, vocab).into_iter().next()
    }

    /// Every match of a [`Pattern::one_way`] that says it, each counting.
    #[cold]
    fn all_one_way(&self, pattern: &Pattern, vocab: &Vocab) -> Vec<(Found, bool)> {
        let mut out = Vec::new();
        self.each(pattern, vocab, |found| {
            if self.says_one_way(&found, pattern, vocab) {
                out.push((found, true));
            }
            true
        });
        out
    }

    /// Whether `found` says a [`Pattern::one_way`]: in its polarity, as a form of its
    /// verb, and when negated, denied by the cue before it first ("must not accept",
    /// not "won't survive when it is deleted").
    fn says_one_way(&self, found: &Found, pattern: &Pattern, vocab: &Vocab) -> bool {
        let (Some(&i), Some(verb)) = (found.tokens.last(), pattern.single_word(vocab)) else {
            return false;
        };
        found.counts(pattern)
            && is_form_of(&self.tokens[i].norm, &verb.norm)
            && (pattern.polarity == Polarity::Plain
                || self
                    .cue(i)
                    .is_some_and(|c| denies_first(&self.tokens, &self.cue, c, i)))
    }

    /// Every match of `pattern`, in the polarity it asks for or not: `(found, counts)`.
    pub fn all(&self, pattern: &Pattern, vocab: &Vocab) -> Vec<(Found, bool)> {
        if pattern.one_way {
            return self.all_one_way(pattern, vocab);
        }
        let mut out = Vec::new();
        self.each_match(pattern, vocab, |found, counts| out.push((found, counts)));
        out
    }

    /// Calls `f(found, counts)` with each match [`PreparedAnswer::all`] lists, in its
    /// order, without collecting them first (a relation's terms are looked for hundreds
    /// of times per interview answer, and most of their matches are read once).
    pub fn each_match(&self, pattern: &Pattern, vocab: &Vocab, mut f: impl FnMut(Found, bool)) {
        if pattern.one_way {
            for (found, counts) in self.all_one_way(pattern, vocab) {
                f(found, counts);
            }
            return;
        }
        self.each(pattern, vocab, |found| {
            let counts = found.counts(pattern);
            f(found, counts);
            true
        });
    }

    /// The tokens that match vocabulary word `w`, in text order, when the vocabulary
    /// had it when this answer was prepared.
    fn posting(&self, w: u32) -> Option<&[(u32, u32)]> {
        let w = w as usize;
        let (&from, &to) = (self.starts.get(w)?, self.starts.get(w + 1)?);
        Some(&self.postings[from as usize..to as usize])
    }

    /// The tokens that match vocabulary word `w`, in text order: none when the
    /// vocabulary did not have it when this answer was prepared. Found while the answer
    /// was prepared, so asking costs nothing.
    pub fn tokens_of(&self, w: u32) -> impl Iterator<Item = usize> + '_ {
        self.posting(w)
            .unwrap_or_default()
            .iter()
            .map(|&(_, t)| t as usize)
    }

    /// Calls `f` with each match of `slots` in text order while it returns true.
    fn each(&self, pattern: &Pattern, vocab: &Vocab, mut f: impl FnMut(Found) -> bool) {
        let slots = pattern.slots.as_slice();
        let gap = if pattern.tight { 0 } else { PHRASE_GAP };
        let Some(&first) = slots.first() else {
            return;
        };
        // A word of the pattern that no token matches: nothing to look for.
        let absent = |slot: &Slot| match *slot {
            Slot::Word(w) => self.posting(w).is_some_and(<[_]>::is_empty),
            _ => false,
        };
        if slots.iter().any(absent) {
            return;
        }
        let single = slots.len() == 1;
        // The tokens of a match of several slots, one per slot: on the stack for a
        // pattern of a few words (all but the longest), so looking costs no allocation.
        let mut stack = [0usize; 8];
        let mut heap = Vec::new();
        let path: &mut [usize] = if slots.len() <= stack.len() {
            &mut stack[..slots.len()]
        } else {
            heap.resize(slots.len(), 0);
            &mut heap
        };
        // Whether to go on after a match of `slots` that starts at `start`, if any.
        let mut at = |start: usize| -> bool {
            if pattern.reply && !is_reply(&self.tokens, start) {
                return true;
            }
            if single
                && (self.qualified(start)
                    || self.stresses_a_denial(start)
                    || (!pattern.compounds.is_empty() && self.in_compound(start, pattern, vocab)))
            {
                return true;
            }
            // A pattern of one word (most are) is matched by its start alone.
            path[0] = start;
            if !single && !self.extend(slots, gap, vocab, path, 1) {
                return true;
            }
            let path: &[usize] = path;
            // Negated when a cue governs any of its words ("Docker manages nothing"),
            // but not by a cue that is one of its own words (`adds no overhead`).
            let mut governed = if pattern.own_cue {
                path.iter()
                    .filter_map(|&t| self.cue[t])
                    .find(|c| !path.contains(c))
            } else {
                path.iter().find_map(|&t| self.cue[t])
            };
            // A term the model answer states only negated, held off by a verb of
            // prevention ("stops a writer from updating it"): denied by that verb,
            // which the breakdown shows as its cue, unless the verb is itself denied
            // ("nothing stops a writer from updating it"). Not a keyword that is
            // itself a denial (`not run`), which the model answer need not say.
            // So is a plain one an undenied verb prevents or defeats ("a salt defeats
            // rainbow tables", "rainbow tables stop working"): it says the term does not
            // happen.
            // (Under a denied one, "it can't stop a leak", it is denied as the model
            // answer's "does not stop an attacker who leaks" is.)
            let held = (pattern.in_model == InModel::Negated)
                .then(|| {
                    held_off(&self.tokens, path[0]).or_else(|| {
                        prevented_by(&self.tokens, path[0], path[path.len() - 1], DEFEATING)
                            .filter(|&v| governed.is_none() && self.cue[v].is_none())
                    })
                })
                .flatten();
            let by_verb = match held {
                Some(v) if self.cue[v].is_none() => {
                    governed = Some(v);
                    true
                }
                Some(v) => {
                    if governed == self.cue[v] {
                        governed = None;
                    }
                    false
                }
                None => false,
            };
            let mut tokens = Vec::with_capacity(path.len() + 1);
            tokens.extend(governed);
            tokens.extend_from_slice(path);
            let in_removed_case = pattern.removed_in_model
                && governed.is_some()
                && !by_verb
                && self.names_removed_case(pattern, path);
            f(Found {
                in_removed_case,
                tokens,
                negated: governed.is_some(),
                reduced: governed.is_none() && counts_reduced(pattern) && self.reduced(start),
                excepted: !by_verb && governed.is_some_and(|c| excepted(&self.tokens, c)),
                echoes: !by_verb
                    && !pattern.denials.is_empty()
                    && governed
                        .and_then(|c| Echo::of(&self.tokens, c, path[0]))
                        .is_some_and(|echo| pattern.denials.iter().any(|d| d.repeated_by(&echo))),
            })
        };
        let posted = match first {
            Slot::Word(w) => self.posting(w),
            _ => None,
        };
        match posted {
            Some(starts) => {
                for &(_, start) in starts {
                    if !at(start as usize) {
                        return;
                    }
                }
            }
            None => {
                for start in 0..self.tokens.len() {
                    if self.hit(start, first, vocab) && !at(start) {
                        return;
                    }
                }
            }
        }
    }

    /// Whether the sentence of the match `path` names a content word (by stem, not one
    /// of the match's own) of the model answer's sentences that take `pattern`'s term
    /// away ([`Pattern::removed_in_model`]). Out of line: asked only of such a pattern's
    /// denials.
    #[cold]
    #[inline(never)]
    fn names_removed_case(&self, pattern: &Pattern, path: &[usize]) -> bool {
        let sentence = self.tokens[path[0]].place.sentence;
        self.tokens.iter().enumerate().any(|(j, t)| {
            t.place.sentence == sentence
                && !t.stop
                && !t.part
                && !t.negation
                && !path.contains(&j)
                && pattern.removed_in.binary_search(&t.stem).is_ok()
        })
    }

    /// Whether token `i` is the last piece of a hyphenated word whose first piece
    /// qualifies it into another thing ("self-signed" is not what `signed` asks for,
    /// "semi-synchronous" not `synchronous`, "non-root" not `root`): a keyword of one
    /// word does not meet it, a keyword of the whole word does.
    fn qualified(&self, i: usize) -> bool {
        i > 0
            && self.tokens[i].glued
            && self.tokens[i - 1].glued
            && !self.tokens[i - 1].part
            && crate::lang::is_qualifying_prefix(&self.tokens[i - 1].norm)
    }

    /// Whether token `i` is the *all* of "not ... at all", which only stresses the
    /// negation it is under (see [`stresses_negation`]): "HTTP/3 does not use TCP at
    /// all" says nothing of all streams, so a keyword `all` does not meet it. A content
    /// word right after it in its clause makes it a quantifier ("not at all times").
    fn stresses_a_denial(&self, i: usize) -> bool {
        let tokens = &self.tokens;
        tokens[i].len == 3
            && &*tokens[i].norm == "all"
            && self.cue[i].is_some()
            && stresses_negation(tokens, i)
            && tokens[i + 1..]
                .iter()
                .find(|t| !t.part)
                .is_none_or(|t| t.place.clause != tokens[i].place.clause || t.stop)
    }

    /// Whether token `i`, a match of a one-word `pattern`, is the first word of a
    /// compound the rubric knows (see [`Pattern::keep_out_of`]): the next word of the
    /// sentence is the compound's next word.
    /// Out of line: few patterns have compounds, and the common case above stays small.
    #[cold]
    #[inline(never)]
    fn in_compound(&self, i: usize, pattern: &Pattern, vocab: &Vocab) -> bool {
        let Some(next) = (i + 1..self.tokens.len()).find(|&j| !self.tokens[j].part) else {
            return false;
        };
        self.tokens[next].place.clause == self.tokens[i].place.clause
            && pattern
                .compounds
                .iter()
                .any(|&w| self.hit(next, Slot::Word(w), vocab))
    }

    /// Extends a partial phrase match, the first `filled` tokens of `path` (one per
    /// slot), to the pattern's remaining slots, each at most `gap` words after the one
    /// before (and in its clause when `gap` is 0).
    fn extend(
        &self,
        slots: &[Slot],
        gap: usize,
        vocab: &Vocab,
        path: &mut [usize],
        filled: usize,
    ) -> bool {
        let Some(&slot) = slots.get(filled) else {
            return true;
        };
        let Some(&last) = filled.checked_sub(1).and_then(|i| path.get(i)) else {
            return false;
        };
        for next in last + 1..self.tokens.len() {
            // A word let in between keeps the phrase in one clause: "eth0, appear on the
            // host side" is no "eth0 on the host side".
            let apart = (gap == 0 || self.position[next] > self.position[last] + 1)
                && self.tokens[next].place.clause != self.tokens[last].place.clause;
            if self.position[next] > self.position[last] + 1 + gap || apart {
                break;
            }
            if self.hit(next, slot, vocab) {
                path[filled] = next;
                if self.extend(slots, gap, vocab, path, filled + 1) {
                    return true;
                }
            }
            if bridges_nothing(&self.tokens[next]) {
                break;
            }
        }
        false
    }
}

/// Whether a word in the gap of a phrase keeps its words apart: *to* sets what is
/// before it against what is after it ("port 8080 of the host to port 80" says no
/// "host port 80", "a volume to a container" no "volume container"), and a noun as
/// general as *thing* or *one* is a head of its own, whose clause the next words open
/// ("the network is the thing sandboxes plug into" says no "is the sandbox"), where
/// another word only qualifies the phrase ("host TCP port").
#[inline]
fn bridges_nothing(token: &Token) -> bool {
    !token.part && matches!(&*token.norm, "to" | "thing" | "things" | "one" | "ones")
}

/// The first two chars of a word: a typo keeps the first, or swaps the two.
type Head = (Option<char>, Option<char>);

fn head(word: &str) -> Head {
    let mut chars = word.chars();
    (chars.next(), chars.next())
}

/// Whether two words differ only in their last letter or two ("loss" and "lose"): a
/// form of the same word the stemmer does not join, a typo even between two words the
/// bank uses, where "stage" and "state" are two words.
fn ending_only(a: &str, b: &str) -> bool {
    let same = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    same + 1 >= a.chars().count().min(b.chars().count())
}

/// The edits a typo may make to a word of `len` letters.
fn typo_limit(len: usize) -> usize {
    match len {
        0..4 => 0,
        4..8 => 1,
        _ => 2,
    }
}

/// Whether two words one edit apart are a slip of the finger, as far as a word of four
/// letters can tell by its last letter: changed, it must be a neighbouring key or a
/// vowel for a vowel ("lose" for "loss"); a last letter changed otherwise makes another
/// word ("held" is no typo of "help", "pork" none of "port"). Longer words, another
/// letter changed, and a letter added, dropped or two swapped, are not asked.
fn slip(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != 4 || b.len() != 4 || a[..3] != b[..3] {
        return true;
    }
    let (x, y) = (a[3], b[3]);
    let vowel = |c: u8| b"aeiouy".contains(&c);
    x == y || (vowel(x) && vowel(y)) || neighbours(x, y)
}

/// Whether two letters are neighbouring keys on a QWERTY keyboard.
fn neighbours(x: u8, y: u8) -> bool {
    const ROWS: [&[u8]; 3] = [b"qwertyuiop", b"asdfghjkl", b"zxcvbnm"];
    // Row, and column in half keys (each row is set half a key to the right).
    let at = |c: u8| {
        ROWS.iter().enumerate().find_map(|(r, row)| {
            let col = row.iter().position(|&k| k == c)?;
            Some((r as i32, 2 * col as i32 + r as i32))
        })
    };
    match (at(x), at(y)) {
        (Some((rx, cx)), Some((ry, cy))) => {
            let (dr, dc) = ((rx - ry).abs(), (cx - cy).abs());
            (dr == 0 && dc == 2) || (dr == 1 && dc == 1)
        }
        _ => false,
    }
}

/// Whether code token `a` is a `key=value` of the bare key `k` (`wants=`).
fn keyed(a: &str, k: &str) -> bool {
    k.ends_with('=') && a.len() > k.len() && a.starts_with(k)
}

/// The bare key (`wants=`) of a code token `key=value`, if it has one.
fn key_of(code: &str) -> Option<&str> {
    let eq = code.find('=')?;
    code.get(..=eq).filter(|key| is_bare_key(key))
}

/// Whether answer token `a` matches keyword word `k`.
#[inline]
pub fn word_matches(a: &Token, k: &Token) -> bool {
    match k.class {
        // A keyword `Wants=` is the key of an answer's `Wants=network-online.target`.
        Class::Code => {
            a.class == Class::Code
                && (a.norm == k.norm || keyed(&a.norm, &k.norm) || snake_typo(&a.norm, &k.norm))
        }
        Class::Exact => a.class != Class::Code && a.norm == k.norm,
        Class::Word => {
            if a.class != Class::Word {
                return false;
            }
            // Equal stems have equal letter sets; the set is the cheaper test. (Equal
            // words have equal stems, so this covers them too.)
            // An answer's `kept` is `keep`; a keyword written in an irregular form
            // (`rebuilt`) asks for that form, or another past form of its verb, not for
            // its present (`rebuilds`), unless as a typo of the form as written.
            let present_of_past = k.irregular && !a.irregular;
            if a.stem_letters == k.stem_letters && a.stem == k.stem && !present_of_past {
                return true;
            }
            let limit = typo_limit(k.len).min(typo_limit(a.len));
            if limit == 0 || a.stop || negates(&a.stem, &k.stem) || negates(&k.stem, &a.stem) {
                return false;
            }
            if present_of_past {
                return !letters_too_far(a.letters, k.letters, limit)
                    && edit_distance_within(&a.norm, &k.norm, limit).is_some();
            }
            (!letters_too_far(a.letters, k.letters, limit)
                && edit_distance_within(&a.norm, &k.norm, limit).is_some()
                && slip(&a.norm, &k.norm))
                || (a.stem.len().abs_diff(k.stem.len()) <= limit
                    && k.stem.len() >= 4
                    && !letters_too_far(a.stem_letters, k.stem_letters, limit)
                    && edit_distance_within(&a.stem, &k.stem, limit).is_some()
                    && slip(&a.stem, &k.stem))
        }
    }
}

/// Whether stem `a` is stem `b` negated by *un-* (`unencrypt` and `encrypt`): two
/// letters apart, but the contrary, not a typo.
fn negates(a: &str, b: &str) -> bool {
    a.len() == b.len() + 2 && a.starts_with("un") && a.ends_with(b)
}

/// Whether a code word is in snake_case: letters in two words or more joined by `_`
/// (`service_healthy`, `max_connections`).
fn is_snake(word: &str) -> bool {
    word.contains('_')
        && !word.starts_with('_')
        && !word.ends_with('_')
        && !word.contains("__")
        && word.bytes().all(|b| b.is_ascii_lowercase() || b == b'_')
}

/// Whether code word `a` of an answer is snake_case code word `k` with a typo in one
/// of its words, as a word would be (`service_healty` for `service_healthy`,
/// `max_conections` for `max_connections`): the same number of words, all but one the
/// same, and that one a typo of a word of four letters or more.
fn snake_typo(a: &str, k: &str) -> bool {
    if a.len().abs_diff(k.len()) > 2 || a == k || !is_snake(a) || !is_snake(k) {
        return false;
    }
    let (mut pa, mut pk) = (a.split('_'), k.split('_'));
    let mut differ = 0;
    loop {
        match (pa.next(), pk.next()) {
            (None, None) => return differ == 1,
            (Some(x), Some(y)) if x == y => {}
            (Some(x), Some(y)) => {
                let limit = typo_limit(x.len()).min(typo_limit(y.len()));
                differ += 1;
                if differ > 1
                    || limit == 0
                    || edit_distance_within(x, y, limit).is_none()
                    || !slip(x, y)
                {
                    return false;
                }
            }
            _ => return false,
        }
    }
}

mod hits;
#[cfg(test)]
mod tests;
