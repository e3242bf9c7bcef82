//! Finding a rubric's terms in an answer: word matching (stem, typo, exact), phrases,
//! phrases turned round, negation scopes and the polarity a term is expected in. Scores
//! and verdicts are `grade::mod`'s business; which terms a keyword expands to is
//! `grade::lexicon`'s.
//!
//! The words of a rubric's keywords are kept once each in a [`Vocab`], and a keyword is
//! compiled into a [`Pattern`] of indices into it. An answer is tokenized once into a
//! [`PreparedAnswer`] that knows, for each token, the negation cue that governs it, and
//! remembers which keyword words each of its words matched, so no pair of words is
//! compared twice in one grade.

use super::token::{Class, Parts, Token, letters_too_far, tokenize};
use crate::lang::edit_distance_within;
use rust_stemmers::Stemmer;
use rustc_hash::FxHashMap;
use std::collections::HashMap;
use std::sync::Arc;

/// How many content words after a negation cue it reaches (stop words do not count):
/// "is not something the Docker daemon manages" negates `manages`.
pub const NEGATION_REACH: usize = 4;

/// How many extra words may stand between two words of a phrase.
pub const PHRASE_GAP: usize = 1;

/// The words that join a phrase turned round: "the kernel of the host" says "host
/// kernel", "a directory from the host" says "host directory".
const CONNECTORS: &[&str] = &["of", "from", "on", "in", "inside", "for", "at"];

/// The distinct words of a rubric's keywords.
#[derive(Debug, Clone, Default)]
pub struct Vocab {
    words: Vec<Token>,
    index: HashMap<(Arc<str>, bool), u32>,
    /// The words an answer word can only meet by being the same word or stem (code
    /// tokens, numbers, words too short for a typo), by that text or stem.
    exact: FxHashMap<Arc<str>, Vec<u32>>,
    /// The words an answer word can also meet with a typo, by their length in chars
    /// and by the length of their stem (a word may be in both lists).
    typo_by_len: Vec<Vec<u32>>,
    typo_by_stem_len: Vec<Vec<u32>>,
    /// The stems of the words the bank uses: an answer word among them is no typo.
    pub known: Arc<rustc_hash::FxHashSet<Arc<str>>>,
}

impl Vocab {
    /// An empty vocabulary for a bank that uses the words of `known` (by stem).
    pub fn with_known(known: Arc<rustc_hash::FxHashSet<Arc<str>>>) -> Vocab {
        Vocab {
            known,
            ..Vocab::default()
        }
    }

    /// The index of `token`'s word, added when new.
    fn intern(&mut self, token: Token) -> u32 {
        let key = (token.norm.clone(), token.class == Class::Code);
        if let Some(&i) = self.index.get(&key) {
            return i;
        }
        let i = self.words.len() as u32;
        self.exact.entry(token.stem.clone()).or_default().push(i);
        if token.class == Class::Word && typo_limit(token.len) > 0 {
            let slot = |lists: &mut Vec<Vec<u32>>, len: usize| {
                if lists.len() <= len {
                    lists.resize(len + 1, Vec::new());
                }
                lists[len].push(i);
            };
            slot(&mut self.typo_by_len, token.len);
            slot(&mut self.typo_by_stem_len, token.stem.len());
        }
        self.words.push(token);
        self.index.insert(key, i);
        i
    }

    pub fn len(&self) -> usize {
        self.words.len()
    }
}

/// One place of a pattern: a keyword word, or any connector word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Slot {
    Word(u32),
    Connector,
}

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
}

impl Pattern {
    /// A pattern of `words` (a keyword's tokens without a leading negation cue).
    pub fn new(words: Vec<Token>, negated: bool, turned: bool, vocab: &mut Vocab) -> Pattern {
        let mut slots: Vec<Slot> = words
            .into_iter()
            .map(|w| Slot::Word(vocab.intern(w)))
            .collect();
        if turned && slots.len() >= 2 {
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
        }
    }

    /// The words of this pattern as written ("kernel of host" when turned round).
    pub fn label(&self, vocab: &Vocab) -> String {
        let words: Vec<&str> = self
            .slots
            .iter()
            .map(|slot| match slot {
                Slot::Word(w) => &*vocab.words[*w as usize].norm,
                Slot::Connector => "of",
            })
            .collect();
        words.join(" ")
    }

    /// Sets how the model answer states this term, and so the polarity an answer must
    /// state it in (a keyword that is itself negated keeps its own).
    pub fn with_model(mut self, model: &PreparedAnswer, vocab: &Vocab) -> Pattern {
        let mut plain = false;
        let mut negated = false;
        model.each(self.slots.as_slice(), vocab, |found| {
            if found.negated {
                negated = true;
            } else {
                plain = true;
            }
            !plain
        });
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
    /// For each word of the vocabulary, the first token that matches it (`u32::MAX`
    /// when none does): a pattern whose first word is nowhere is not looked for.
    first: Vec<u32>,
}

/// A match of a pattern in an answer.
#[derive(Debug, Clone)]
pub struct Found {
    /// The tokens that matched, with the governing cue first when it is negated.
    pub tokens: Vec<usize>,
    /// Whether a negation governs it.
    pub negated: bool,
}

impl PreparedAnswer {
    /// `text`, ready to be matched against patterns of `vocab`.
    pub fn new(text: &str, stemmer: &Stemmer, vocab: &Vocab) -> PreparedAnswer {
        let tokens = tokenize(text, stemmer, Parts::Emit);
        let mut position = Vec::with_capacity(tokens.len());
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
        let (hits, row, first) = hits(&tokens, vocab);
        PreparedAnswer {
            hits,
            row,
            first,
            tokens,
            position,
            cue,
        }
    }

    /// The tokens.
    pub fn tokens(&self) -> &[Token] {
        &self.tokens
    }

    /// The text of token `i`.
    pub fn word(&self, i: usize) -> &str {
        &self.tokens[i].norm
    }

    /// Whether token `t` matches slot `slot`.
    #[inline]
    fn hit(&self, t: usize, slot: Slot, vocab: &Vocab) -> bool {
        match slot {
            Slot::Connector => {
                let token = &self.tokens[t];
                !token.part && CONNECTORS.contains(&&*token.norm)
            }
            Slot::Word(w) => {
                let w = w as usize;
                match self.hits.get(t * self.row + w / 64) {
                    Some(bits) if w / 64 < self.row => bits & (1 << (w % 64)) != 0,
                    // A vocabulary that grew after the answer was prepared.
                    _ => word_matches(&self.tokens[t], &vocab.words[w]),
                }
            }
        }
    }

    /// The first match of `pattern` in the polarity it asks for, else the first match
    /// in the other one (which does not count), else `None`.
    pub fn find(&self, pattern: &Pattern, vocab: &Vocab) -> Option<(Found, bool)> {
        let mut other = None;
        let mut counting = None;
        self.each(&pattern.slots, vocab, |found| {
            let negated = if found.negated {
                Polarity::Negated
            } else {
                Polarity::Plain
            };
            if negated == pattern.polarity {
                counting = Some(found);
                false
            } else {
                other.get_or_insert(found);
                true
            }
        });
        counting.map(|f| (f, true)).or(other.map(|f| (f, false)))
    }

    /// Every match of `pattern`, in the polarity it asks for or not: `(found, counts)`.
    pub fn all(&self, pattern: &Pattern, vocab: &Vocab) -> Vec<(Found, bool)> {
        let mut out = Vec::new();
        self.each(&pattern.slots, vocab, |found| {
            let counts = found.negated == (pattern.polarity == Polarity::Negated);
            out.push((found, counts));
            true
        });
        out
    }

    /// Calls `f` with each match of `slots` in text order while it returns true.
    fn each(&self, slots: &[Slot], vocab: &Vocab, mut f: impl FnMut(Found) -> bool) {
        let Some(&first) = slots.first() else {
            return;
        };
        let from = match first {
            Slot::Word(w) => match self.first.get(w as usize) {
                Some(&t) if t == u32::MAX => return,
                Some(&t) => t as usize,
                None => 0,
            },
            Slot::Connector => 0,
        };
        let mut path = Vec::with_capacity(slots.len());
        for start in from..self.tokens.len() {
            if !self.hit(start, first, vocab) {
                continue;
            }
            path.clear();
            path.push(start);
            if !self.extend(slots, vocab, &mut path) {
                continue;
            }
            // Negated when a cue governs any of its words ("Docker manages nothing").
            let governed = path.iter().find_map(|&t| self.cue[t]);
            let mut tokens = path.clone();
            if let Some(cue) = governed {
                tokens.insert(0, cue);
            }
            if !f(Found {
                tokens,
                negated: governed.is_some(),
            }) {
                return;
            }
        }
    }

    /// Extends a partial phrase match `path` to the pattern's remaining slots.
    fn extend(&self, slots: &[Slot], vocab: &Vocab, path: &mut Vec<usize>) -> bool {
        let Some(&slot) = slots.get(path.len()) else {
            return true;
        };
        let Some(&last) = path.last() else {
            return false;
        };
        for next in last + 1..self.tokens.len() {
            if self.position[next] > self.position[last] + 1 + PHRASE_GAP {
                break;
            }
            if self.hit(next, slot, vocab) {
                path.push(next);
                if self.extend(slots, vocab, path) {
                    return true;
                }
                path.pop();
            }
        }
        false
    }
}

/// For each token, the bits of the vocabulary words it matches; the row length; and
/// each word's first matching token. Only the keyword words of a length a typo can reach
/// are compared letter by letter, and only for an answer word that is no keyword word as
/// written; the rest are found by their stem.
fn hits(tokens: &[Token], vocab: &Vocab) -> (Vec<u64>, usize, Vec<u32>) {
    let row = vocab.words.len().div_ceil(64);
    let mut hits = vec![0u64; tokens.len() * row];
    let mut first = vec![u32::MAX; vocab.words.len()];
    if row == 0 {
        return (hits, row, first);
    }
    let mut candidates: Vec<u32> = Vec::new();
    for (t, token) in tokens.iter().enumerate() {
        let bits = &mut hits[t * row..(t + 1) * row];
        let mut set = |w: u32| {
            bits[w as usize / 64] |= 1 << (w % 64);
            let f = &mut first[w as usize];
            *f = (*f).min(t as u32);
        };
        let mut exact = false;
        if let Some(same) = vocab.exact.get(&token.stem) {
            for &w in same {
                if word_matches(token, &vocab.words[w as usize]) {
                    set(w);
                    exact = true;
                }
            }
        }
        // A word that is a keyword word as written is that word, not a typo of another.
        let limit = typo_limit(token.len);
        if exact || token.class != Class::Word || token.stop || limit == 0 {
            continue;
        }
        candidates.clear();
        for (lists, len) in [
            (&vocab.typo_by_len, token.len),
            (&vocab.typo_by_stem_len, token.stem.len()),
        ] {
            let lo = len.saturating_sub(limit);
            for list in lists.iter().take(len + limit + 1).skip(lo) {
                candidates.extend_from_slice(list);
            }
        }
        let head = |s: &str| {
            let mut chars = s.chars();
            (chars.next(), chars.next())
        };
        let (a0, a1) = head(&token.norm);
        // Whether the bank uses this word itself ("stage" is no typo of "state"); asked
        // only of a word that comes close to a keyword word.
        let mut known: Option<bool> = None;
        for &w in &candidates {
            let word = &vocab.words[w as usize];
            // A typo keeps the first letter, or swaps the first two: checking that first
            // spares most edit distances.
            let (k0, k1) = head(&word.norm);
            if a0 != k0 && !(a0 == k1 && a1 == k0) {
                continue;
            }
            let close = !letters_too_far(token.letters, word.letters, limit)
                || !letters_too_far(token.stem_letters, word.stem_letters, limit);
            if close
                && word_matches(token, word)
                && (ending_only(&token.norm, &word.norm)
                    || !*known.get_or_insert_with(|| vocab.known.contains(&token.stem)))
            {
                set(w);
            }
        }
    }
    (hits, row, first)
}

/// For each token, the negation cue that governs it. A cue governs the words after it
/// in its clause up to its [`NEGATION_REACH`]th content word; an `and` after a content
/// word ends it ("it doesn't need -p and shares the host's stack" does not negate the
/// sharing), an `or` does not ("is not managed or kept").
pub fn governing_cues(tokens: &[Token]) -> Vec<Option<usize>> {
    let mut cue = vec![None; tokens.len()];
    // The cue in force, and how many content words it has reached.
    let mut scope: Option<(usize, usize)> = None;
    for i in 0..tokens.len() {
        let token = &tokens[i];
        if let Some((c, reached)) = scope {
            if tokens[c].place.clause != token.place.clause {
                scope = None;
            } else if token.part {
                cue[i] = Some(c);
                continue;
            } else if matches!(&*token.norm, "and" | "which" | "whose") && reached > 0 {
                // "unlike a named volume, which persists": what a relative clause says
                // of the negated term is said plainly.
                scope = None;
            } else {
                cue[i] = Some(c);
                if !token.stop && !token.negation {
                    scope = Some((c, reached + 1));
                    if reached + 1 >= NEGATION_REACH {
                        scope = None;
                    }
                }
            }
        }
        if !token.part && denies_before(tokens, i) {
            // "Backups aren't needed", "raising --cpus won't help", "ordering is
            // irrelevant": the claim denied is the clause before the cue.
            for j in (0..i).rev() {
                if tokens[j].place.clause != token.place.clause {
                    break;
                }
                cue[j].get_or_insert(i);
            }
        }
        if !token.part && opens_negation(tokens, i) {
            scope = Some((i, 0));
            if matches!(&*token.norm, "nothing" | "none" | "nobody" | "nowhere") {
                // "Docker manages nothing": the verb before it is negated too.
                let verb = (0..i)
                    .rev()
                    .find(|&j| !tokens[j].part && !tokens[j].stop && !tokens[j].negation);
                if let Some(j) = verb.filter(|&j| tokens[j].place.clause == token.place.clause) {
                    cue[j] = Some(i);
                }
            }
        }
    }
    cue
}

/// What a negated predicate says of its subject when it denies it: "won't help",
/// "doesn't matter", "isn't the problem" (by stem), and "is not needed" (by word:
/// "doesn't need -p" says something of its subject, and so does "doesn't affect B").
const DENYING: &[&str] = &[
    "help",
    "matter",
    "import",
    "relev",
    "fix",
    "solv",
    "issu",
    "problem",
    "culprit",
    "bottleneck",
];
const DENYING_WORDS: &[&str] = &["needed", "necessary", "required"];

/// Stems of adjectives that deny the clause before them: "raising --cpus is pointless".
const DENIED: &[&str] = &[
    "unnecessari",
    "irrelev",
    "pointless",
    "useless",
    "needless",
    "ineffect",
];

/// Whether token `i` denies the clause before it: a denying adjective, or a `not`,
/// `never` or `no` whose next content word (within two) is a denying predicate.
fn denies_before(tokens: &[Token], i: usize) -> bool {
    let token = &tokens[i];
    if !token.negation {
        // Cheap tests first: this runs for every word of every answer.
        return token.len >= 7
            && matches!(token.norm.as_bytes()[0], b'u' | b'i' | b'p' | b'n')
            && DENIED.contains(&&*token.stem);
    }
    // A negating word that negates a verb or an adjective ("not", "never", "no",
    // "doesnt", ...), not a preposition or a pronoun ("without", "nothing") nor "avoid".
    const NOT_VERBAL: &[&str] = &[
        "without", "none", "nor", "neither", "nothing", "nobody", "nowhere", "avoid", "avoids",
        "avoiding",
    ];
    let verbal = !NOT_VERBAL.contains(&&*token.norm);
    if !verbal {
        return false;
    }
    let denying = |t: &Token| DENYING.contains(&&*t.stem) || DENYING_WORDS.contains(&&*t.norm);
    tokens[i + 1..]
        .iter()
        .filter(|t| !t.part && t.place.clause == token.place.clause)
        .filter(|t| !t.stop || denying(t))
        .take(2)
        .any(denying)
}

/// Whether token `i` is a negation cue: a negating word (but not "not only X but Y",
/// which does not negate X, nor "avoid it by", whose object is the pronoun), or
/// "instead of", "rather than", "unlike".
fn opens_negation(tokens: &[Token], i: usize) -> bool {
    let next = tokens.get(i + 1).map(|t| &*t.norm);
    match &*tokens[i].norm {
        "not" => !matches!(next, Some("only" | "just" | "merely")),
        "avoid" | "avoids" | "avoiding" => !matches!(
            next,
            Some("it" | "this" | "that" | "them" | "these" | "those")
        ),
        "instead" => next == Some("of"),
        "rather" => next == Some("than"),
        // "unlike a VM": what follows is what the claim is not about.
        "unlike" => true,
        _ => tokens[i].is_negation(),
    }
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

/// Whether answer token `a` matches keyword word `k`.
#[inline]
pub fn word_matches(a: &Token, k: &Token) -> bool {
    match k.class {
        Class::Code => a.class == Class::Code && a.norm == k.norm,
        Class::Exact => a.class != Class::Code && a.norm == k.norm,
        Class::Word => {
            if a.class != Class::Word {
                return false;
            }
            // Equal stems have equal letter sets; the set is the cheaper test. (Equal
            // words have equal stems, so this covers them too.)
            if a.stem_letters == k.stem_letters && a.stem == k.stem {
                return true;
            }
            let limit = typo_limit(k.len).min(typo_limit(a.len));
            if limit == 0 || a.stop {
                return false;
            }
            (!letters_too_far(a.letters, k.letters, limit)
                && edit_distance_within(&a.norm, &k.norm, limit).is_some())
                || (a.stem.len().abs_diff(k.stem.len()) <= limit
                    && k.stem.len() >= 4
                    && !letters_too_far(a.stem_letters, k.stem_letters, limit)
                    && edit_distance_within(&a.stem, &k.stem, limit).is_some())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::stemmer;

    /// `keyword` found in `answer`: the words and whether the match counts.
    fn find(answer: &str, keyword: &str) -> Option<(Vec<String>, bool)> {
        find_turned(answer, keyword, false)
    }

    fn find_turned(answer: &str, keyword: &str, turned: bool) -> Option<(Vec<String>, bool)> {
        let s = stemmer();
        let mut vocab = Vocab::default();
        let mut words = tokenize(keyword, &s, Parts::Skip);
        let negated = words.len() > 1 && words[0].is_negation();
        if negated {
            words.remove(0);
        }
        let pattern = Pattern::new(words, negated, turned, &mut vocab);
        let a = PreparedAnswer::new(answer, &s, &vocab);
        a.find(&pattern, &vocab).map(|(f, counts)| {
            (
                f.tokens.iter().map(|&i| a.word(i).to_owned()).collect(),
                counts,
            )
        })
    }

    fn counts(answer: &str, keyword: &str) -> bool {
        find(answer, keyword).is_some_and(|(_, counts)| counts)
    }

    fn negated(answer: &str, keyword: &str) -> bool {
        find(answer, keyword).is_some_and(|(_, counts)| !counts)
    }

    #[test]
    fn stems_meet() {
        assert!(counts("the data keeps persisting", "persist"));
        assert!(counts("volumes are managed", "volume"));
        assert!(counts("it persisted", "persistence"));
    }

    #[test]
    fn typo_classes() {
        assert!(counts("managed by the deamon", "daemon"), "transposition");
        assert!(counts("managed by the daemn", "daemon"), "deletion");
        assert!(counts("managed by the daemons", "daemon"), "insertion");
        assert!(counts("managed by the daenon", "daemon"), "substitution");
        assert!(
            !counts("managed by the dxemxn", "daemon"),
            "two edits, short word"
        );
        assert!(
            counts("a contaniner", "container"),
            "two edits in 9 letters"
        );
        assert!(!counts("a conteynr", "container"), "three edits");
        assert!(!counts("the tap", "tmp"), "short words need exact");
    }

    #[test]
    fn a_word_the_bank_uses_is_no_typo_of_another() {
        let s = stemmer();
        let mut vocab = Vocab::with_known(Arc::new(
            ["stage", "loss"].iter().map(|w| Arc::from(*w)).collect(),
        ));
        let pattern = |w: &str, vocab: &mut Vocab| {
            Pattern::new(tokenize(w, &s, Parts::Skip), false, false, vocab)
        };
        let state = pattern("state", &mut vocab);
        let lose = pattern("lose", &mut vocab);
        let found = |text: &str, p: &Pattern| {
            PreparedAnswer::new(text, &s, &vocab)
                .find(p, &vocab)
                .is_some()
        };
        assert!(!found("a build stage", &state), "the bank uses stage");
        assert!(
            found("a build stade", &state),
            "a word the bank does not use"
        );
        assert!(found("data loss", &lose), "only the ending differs");
    }

    #[test]
    fn numbers_and_code_are_exact() {
        assert!(!counts("port 8081", "8080"));
        assert!(counts("port 8080", "8080"));
        assert!(counts("use --mount here", "--mount"));
        assert!(!counts("use --mounts here", "--mount"));
        assert!(!counts("use mount here", "--mount"));
        assert!(counts("run -p 8080:80", "8080:80"));
        assert!(counts(
            "at /var/lib/docker/volumes.",
            "/var/lib/docker/volumes"
        ));
        assert!(
            counts("at /var/lib/docker/volumes", "volume"),
            "words inside a path"
        );
        assert!(counts("set type=tmpfs", "type=tmpfs"));
    }

    #[test]
    fn paths_and_options_are_trimmed_and_split() {
        assert!(counts(
            "under /var/lib/docker/volumes/.",
            "/var/lib/docker/volumes"
        ));
        assert!(counts(
            "in \"/var/lib/docker/volumes/\"",
            "/var/lib/docker/volumes/"
        ));
        assert!(counts(
            "--mount type=tmpfs,destination=/app/cache",
            "type=tmpfs"
        ));
        assert!(counts("write \"target=/app/data\"", "/app/data"));
        assert!(counts("it dials 127.0.0.1:5432", "127.0.0.1"));
    }

    #[test]
    fn phrases_allow_one_extra_word() {
        assert!(counts("a bind mount", "bind mount"));
        assert!(counts("a bind-mount", "bind mount"));
        assert!(counts("bind it mount", "bind mount"));
        assert!(!counts("bind it to a mount", "bind mount"));
        assert!(!counts("mount bind", "bind mount"));
    }

    #[test]
    fn a_phrase_turned_round_says_the_same() {
        let turned = |answer: &str, keyword: &str| {
            find_turned(answer, keyword, true).is_some_and(|(_, counts)| counts)
        };
        assert!(turned("they share the kernel of the host", "host kernel"));
        assert!(turned("a directory from the host", "host directory"));
        assert!(turned("a folder on the host", "host folder"));
        assert!(
            !turned("the host kernel", "host kernel"),
            "only the turned form"
        );
        assert!(!turned("the kernel and the host", "host kernel"));
    }

    #[test]
    fn negation_discounts() {
        assert_eq!(
            find("it is not stored on disk", "disk"),
            Some((vec!["not".to_owned(), "disk".to_owned()], false))
        );
        assert!(negated("it never persists", "persist"));
        assert!(negated("it doesn't persist", "persist"));
        assert!(
            negated("it doesnt persist", "persist"),
            "without an apostrophe"
        );
        assert!(negated("works without a volume", "volume"));
        assert!(
            counts("not on disk, it persists", "persist"),
            "a clause ends it"
        );
        assert!(counts("not only fast but persistent", "fast"));
        assert!(
            counts("it is not here but it persists, yes persists", "persist"),
            "a later match outside the negation counts"
        );
    }

    #[test]
    fn negation_reaches_content_words_not_raw_words() {
        assert!(
            negated("it is not something the Docker daemon manages", "manage"),
            "stop words do not use up the reach"
        );
        assert!(negated(
            "the name doesn't really get resolved by DNS",
            "resolve"
        ));
        assert!(
            counts("no doubt one two three four persists", "persist"),
            "out of reach"
        );
        assert!(negated("it is not managed or kept", "kept"), "or goes on");
        assert!(
            counts("it doesn't need -p and shares the host stack", "share"),
            "and ends it"
        );
        assert!(counts("nothing except lo", "lo"), "except opens a clause");
        assert!(negated(
            "with a bind mount Docker manages nothing",
            "manage"
        ));
        assert!(counts("no NAT, while host mode shares the stack", "share"));
        assert!(negated(
            "use a named volume instead of a bind mount",
            "bind mount"
        ));
        assert!(negated(
            "use tmpfs rather than a named volume",
            "named volume"
        ));
    }

    #[test]
    fn a_denying_predicate_negates_the_clause_before_it() {
        assert!(negated("backups aren't needed", "backup"));
        assert!(negated("raising --cpus won't help", "--cpus"));
        assert!(negated("the order of the steps doesn't matter", "order"));
        assert!(negated("CPU is not the problem here", "cpu"));
        assert!(negated("ordering is irrelevant", "order"));
        assert!(negated("adding more CPU won't help", "cpu"));
        assert!(
            counts("host mode doesn't need -p", "host"),
            "a verb with an object says something of its subject"
        );
        assert!(
            counts("the cache is kept, so rebuilding is not needed", "cache"),
            "only its own clause"
        );
        assert!(
            counts("avoid it by using a volume", "volume"),
            "avoid it by"
        );
        assert!(
            counts("unlike a named volume which persists on disk", "persist"),
            "a relative clause"
        );
        assert!(negated("avoid bind mounts in production", "bind mount"));
    }

    #[test]
    fn a_negated_keyword_wants_the_negation() {
        assert_eq!(
            find("data is not lost", "not lost"),
            Some((vec!["not".to_owned(), "lost".to_owned()], true))
        );
        assert_eq!(
            find("data is lost", "not lost"),
            Some((vec!["lost".to_owned()], false))
        );
        assert!(counts("it is never stored on disk", "not disk"));
    }
}
