//! Turning text (an answer, a keyword, a model answer) into the tokens the grader matches.
//!
//! Normalisation is Unicode NFKC and lower-casing; whitespace and punctuation break
//! words, except inside code-like tokens (paths, flags, `key=value`, ports and image
//! tags, dotted and snake_case names, chmod modes `u+s`, placeholders `$1`), which are
//! kept whole so they can be matched exactly, and a signed number (`-1000`), which
//! keeps its sign; an answer's code token also offers its pieces (options, values, the folders
//! and the rooted form of a path, the name and version of `tlsv1.3`; a shell expansion
//! in double quotes, `"$file"`, the words *double quoted*), and a privative word its root (*agentless* offers *agent*, *unencrypted* *encrypted*). `n't` is spelt out
//! as `not` so negation sees it, and Python's `None` keeps its capital, a word and no
//! negation cue. Each word is stemmed with the English Snowball stemmer (an irregular
//! past, `kept`, as its base); what is known of a word (its [`Lexeme`]) is learnt once
//! by each thread and shared by every token of it. This module knows nothing of rubrics
//! or scores.

use crate::lang::{base_form, is_determiner, is_stop_word};
use rust_stemmers::Stemmer;
use rustc_hash::{FxHashMap, FxHasher};
use std::cell::RefCell;
use std::hash::{Hash, Hasher};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::{IsNormalized, is_nfkc_quick};

mod compared;

/// What kind of token, which decides how it may be matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Class {
    /// A word of letters: matched by stem, tolerant of typos.
    Word,
    /// Contains a digit (`8080`, `ipv4`): matched exactly.
    Exact,
    /// A code-like token (`--mount`, `/var/lib/docker`, `type=tmpfs`): matched exactly.
    Code,
}

/// One token of a text: its word (shared by every token of the same word, whose
/// fields read as the token's own: `token.norm`, `token.stem`) and where it stands.
#[derive(Debug, Clone)]
pub struct Token {
    word: Arc<Lexeme>,
    pub class: Class,
    /// A word inside a code token of an answer (`volumes` in `/var/lib/docker/volumes`):
    /// ordinary keywords may match it, but it is not a word of the sentence.
    pub part: bool,
    /// Where it stands in the text (see [`Place`]).
    pub place: Place,
    /// One of several words written as one (`no-new-privileges`, `in-container`): not a
    /// word of the sentence's grammar on its own.
    pub glued: bool,
}

/// What is known of a word as a token of one class: its stem, whether it is a stop word
/// or a negation cue, and the numbers that speed up typo matching. Each thread learns a
/// word once and shares it with every token of it.
#[derive(Debug)]
pub struct Lexeme {
    /// Lower-cased, NFKC-normalised text.
    pub norm: Arc<str>,
    /// Snowball stem of `norm` (equal to `norm` for exact and code tokens).
    pub stem: Arc<str>,
    /// Set bits for the letters a-z it contains, a cheap filter before edit distance.
    pub letters: u32,
    /// The same for `stem`.
    pub stem_letters: u32,
    /// Number of chars of `norm`.
    pub len: usize,
    /// A stop word (never typo-matched, left out of derived rubrics).
    pub stop: bool,
    /// A negation cue (`not`, `never`, `no`, `without`, ...).
    pub negation: bool,
    /// An irregular past form of a verb (`kept`, `written`): stemmed as its base.
    pub irregular: bool,
    /// A number word (*ten*, *thousand*: see [`is_spelt_number`]), learnt once per word
    /// so the tokenizer need not look again at every word for "ten thousand".
    pub number_word: bool,
    /// A word after which the tokenizer may add a part ([`push_counted`]): a count in
    /// thousands written with its *k* (`10k`: see [`thousands`]), or the *a*/*an* of
    /// "half a second"; learnt once per word, as `number_word` is.
    pub counted: bool,
    /// The hash of `norm` (an `FxHasher`'s, as `str` hashes), made once for the checks that
    /// compare every word of an answer with the others (`claim`'s repeated sentences).
    pub hash: u64,
    /// The same of `stem`.
    pub stem_hash: u64,
    /// Which word this is: no other word has it (a number handed out when a thread
    /// learns the word), so what depends on the word alone can be remembered by it.
    pub id: u64,
    /// The class it was learnt as (a word's chars decide it: letters only, with a
    /// digit, or with code punctuation), which decides whether it is stemmed.
    class: Class,
    /// What it does in a sentence, as bits ([`STARTS_CLAUSE`], ...; see
    /// [`kinds_of`]): the tokenizer asks them of every plain word.
    kinds: u8,
}

impl std::ops::Deref for Token {
    type Target = Lexeme;

    fn deref(&self) -> &Lexeme {
        &self.word
    }
}

impl Token {
    // Inlined, the token is built where it is pushed, not returned through the stack
    // (which stalled the tokenizer on reading it back).
    #[inline]
    fn new(word: &str, class: Class, part: bool, place: Place, stemmer: &Stemmer) -> Token {
        Token {
            word: known(word, class, stemmer),
            glued: false,
            class,
            part,
            place,
        }
    }

    /// Whether this token is a negation cue (`not`, `never`, `no`, `without`, ...).
    pub fn is_negation(&self) -> bool {
        self.negation
    }

    /// Whether this token is a cue's word in a hyphenated name, where it negates
    /// nothing: the *no* of `no-cache`, the *none* of `If-None-Match` (see [`push_words`]).
    pub fn in_name(&self) -> bool {
        self.glued && !self.negation && is_negation(&self.norm)
    }
}

/// How many words each thread remembers before starting afresh.
const STEM_CACHE_SIZE: usize = 20_000;

/// The next word id: ids are never reused, whatever thread learns the word, and a word
/// learnt again after the cache was emptied gets a new one.
static NEXT_ID: AtomicU64 = AtomicU64::new(0);

impl Lexeme {
    /// Whether the word may end a rejecting predicate ("red *herring*", "won't *cut* it"):
    /// learnt once per word, so `negation::reject` looks at no other word's text.
    pub fn may_reject(&self) -> bool {
        self.kinds & REJECTS != 0
    }

    /// Whether the word may open a bare reply ("No.", "Nope.", "Absolutely not.").
    pub fn may_reply(&self) -> bool {
        self.kinds & REPLIES != 0
    }

    /// Whether `negation::governing_cues` may have anything to do at the word outside a
    /// cue's scope (see `negation::may_negate`, and the two above).
    #[inline]
    pub fn may_negate(&self) -> bool {
        self.kinds & (MAY_NEGATE | REJECTS | REPLIES) != 0
    }

    /// `word` as a token of `class`: a word of letters is stemmed, a number or code
    /// token is its own stem.
    fn new(word: &str, class: Class, stemmer: &Stemmer) -> Lexeme {
        let norm: Arc<str> = Arc::from(word);
        let base = (class == Class::Word).then(|| base_form(word)).flatten();
        let (stem, stop): (Arc<str>, bool) = match class {
            // Python's `None` is the word *none*, but no negation cue.
            Class::Word if word == NONE => (Arc::from("none"), false),
            // The DNS letter of "an A record" (see [`a_record_at`]): no article.
            Class::Word if word == RECORD_LETTER => (Arc::from(RECORD_LETTER), false),
            Class::Word => (
                Arc::from(stemmer.stem(base.unwrap_or(word)).as_ref()),
                is_stop_word(word),
            ),
            Class::Exact | Class::Code => (norm.clone(), false),
        };
        Lexeme {
            letters: letter_mask(word),
            stem_letters: letter_mask(&stem),
            len: if word.is_ascii() {
                word.len()
            } else {
                word.chars().count()
            },
            negation: class == Class::Word && is_negation(word),
            irregular: base.is_some(),
            number_word: class == Class::Word && is_spelt_number(word),
            counted: matches!(word, "a" | "an")
                || (word.ends_with('k') && thousands(word).is_some()),
            hash: hash_of(word),
            stem_hash: hash_of(&stem),
            kinds: kinds_of(word)
                | if super::negation::may_negate(word, &stem) {
                    MAY_NEGATE
                } else {
                    0
                },
            norm,
            stem,
            stop,
            class,
            id: NEXT_ID.fetch_add(1, Ordering::Relaxed),
        }
    }
}

/// Bits of [`Lexeme::kinds`]: the word [starts a clause](starts_clause), [opens a
/// condition](opens_condition), [refers back](refers_back), is *then*, or is *and* or
/// *or*.
const STARTS_CLAUSE: u8 = 1;
const OPENS_CONDITION: u8 = 2;
const REFERS_BACK: u8 = 4;
const THEN: u8 = 8;
const AND_OR: u8 = 16;
const REJECTS: u8 = 32;
const REPLIES: u8 = 64;
/// Learnt with the word's stem, in [`Lexeme::new`]: see [`Lexeme::may_negate`].
const MAY_NEGATE: u8 = 128;

/// The word before token `i` in its clause (pieces of code tokens skipped).
pub fn word_before(tokens: &[Token], i: usize) -> Option<&Token> {
    tokens[..i]
        .iter()
        .rev()
        .find(|t| !t.part)
        .filter(|t| t.place.clause == tokens[i].place.clause)
}

/// The word after token `i` in its clause (pieces of code tokens skipped).
pub fn word_after(tokens: &[Token], i: usize) -> Option<&Token> {
    tokens[i + 1..]
        .iter()
        .find(|t| !t.part)
        .filter(|t| t.place.clause == tokens[i].place.clause)
}

/// Whether tokens `i` and `j` are one written name read twice: the same token, or a
/// word inside a code token (a piece of it) and a token whose text holds that word and
/// is held by the code token, there or written again elsewhere. `created_at` and the
/// *created* of `created_at` (or of `date(created_at)`) are one name, which fills one
/// term of a relation, not two; `--cpus` and `2` of `--cpus=2` are two.
pub fn same_written(tokens: &[Token], i: usize, j: usize) -> bool {
    if i == j {
        return true;
    }
    // The code token a piece stands after (its other pieces between).
    let owner = |k: usize| (0..=k).rev().find(|&o| !tokens[o].part).unwrap_or(k);
    let read_in = |piece: usize, other: usize| {
        let (piece_text, other_text) = (&*tokens[piece].norm, &*tokens[other].norm);
        tokens[piece].part
            && other_text.len() > piece_text.len()
            && other_text.contains(piece_text)
            && tokens[owner(piece)].norm.contains(other_text)
    };
    read_in(i, j) || read_in(j, i)
}

/// The [`Lexeme::kinds`] of `word`, learnt once for every token of it.
fn kinds_of(word: &str) -> u8 {
    let bit = |is: bool, kind: u8| if is { kind } else { 0 };
    bit(starts_clause(word), STARTS_CLAUSE)
        | bit(opens_condition(word), OPENS_CONDITION)
        | bit(refers_back(word), REFERS_BACK)
        | bit(word == "then", THEN)
        | bit(matches!(word, "and" | "or"), AND_OR)
        | bit(super::negation::reject::is_rejecting_word(word), REJECTS)
        | bit(super::negation::reject::is_reply_word(word), REPLIES)
}

/// The hash an `FxHasher` makes of `text` (as `str` hashes): a [`Lexeme`]'s `hash`.
pub fn hash_of(text: &str) -> u64 {
    let mut hasher = FxHasher::default();
    text.hash(&mut hasher);
    hasher.finish()
}

thread_local! {
    /// Stemming is the costliest step of grading and answers reuse words: each thread
    /// keeps what it learnt of every word it has seen, shared, so a token of a known
    /// word costs no allocation. There is one English stemmer, so the word decides it.
    static KNOWN: RefCell<Known> = RefCell::new(Known::default());
}

/// What a thread knows of words: every word it has seen, and in front of them a few
/// slots of the words met last, looked up without hashing the word.
struct Known {
    words: FxHashMap<Arc<str>, Arc<Lexeme>>,
    /// By [`recent_slot`], the last word met of those that share a slot, always the
    /// one `words` has for its text (or none).
    recent: Box<[Option<Arc<Lexeme>>; RECENT_SLOTS]>,
}

impl Default for Known {
    fn default() -> Known {
        Known {
            words: FxHashMap::default(),
            recent: Box::new(std::array::from_fn(|_| None)),
        }
    }
}

/// How many words [`Known::recent`] keeps (a power of two, [`RECENT_BITS`] bits): many
/// answers' worth, so that few words of one answer share a slot and take turns in it.
const RECENT_BITS: u32 = 10;
const RECENT_SLOTS: usize = 1 << RECENT_BITS;

/// The slot of [`Known::recent`] for `word`: its length and first, second and last
/// bytes, mixed (two words that share a slot only take turns in it).
fn recent_slot(word: &str) -> usize {
    let bytes = word.as_bytes();
    let byte = |b: Option<&u8>| u32::from(b.copied().unwrap_or(0));
    let key = byte(bytes.first())
        | byte(bytes.get(1)) << 8
        | byte(bytes.last()) << 16
        | (bytes.len() as u32) << 24;
    (key.wrapping_mul(0x9e37_79b1) >> (32 - RECENT_BITS)) as usize
}

/// What is known of `word` as a token of `class`, from the cache when the word was
/// seen before. A negation cue typed with a slip ([`slipped_cue`]) is known as the cue.
fn known(word: &str, class: Class, stemmer: &Stemmer) -> Arc<Lexeme> {
    let learn = || Arc::new(Lexeme::new(word, class, stemmer));
    let cached = KNOWN.try_with(|cache| {
        let mut cache = cache.borrow_mut();
        let Known { words, recent } = &mut *cache;
        let slot = recent_slot(word);
        if let Some(known) = &recent[slot]
            && known.class == class
            && same_word(&known.norm, word)
        {
            return known.clone();
        }
        if let Some(known) = words.get(word)
            && known.class == class
        {
            recent[slot] = Some(known.clone());
            return known.clone();
        }
        if class == Class::Word
            && let Some(cue) = slipped_cue(word)
        {
            // "nevr", "doesnot": the cue it slips from, the same lexeme (looked up only
            // for a word not seen before, so a word seen before costs nothing more).
            drop(cache);
            return known(cue, class, stemmer);
        }
        let known = learn();
        if words.len() >= STEM_CACHE_SIZE {
            words.clear();
            recent.fill(None);
        }
        words.insert(known.norm.clone(), known.clone());
        recent[slot] = Some(known.clone());
        known
    });
    // A thread that is ending has no cache left.
    cached.unwrap_or_else(|_| learn())
}

/// Whether two words are the same text: for a word of 4 to 16 bytes (most words), by
/// comparing its first and last 4 or 8 bytes at once (they overlap), not byte by byte.
#[inline]
fn same_word(a: &str, b: &str) -> bool {
    fn ends<const N: usize>(s: &[u8]) -> Option<(&[u8; N], &[u8; N])> {
        Some((s.first_chunk::<N>()?, s.last_chunk::<N>()?))
    }
    let (a, b) = (a.as_bytes(), b.as_bytes());
    a.len() == b.len()
        && match a.len() {
            4..=8 => ends::<4>(a) == ends::<4>(b),
            9..=16 => ends::<8>(a) == ends::<8>(b),
            _ => a == b,
        }
}

/// Units of time as they are written after a number, short or long, and the word each
/// stands for: "2 s", "2s", "30 sec", "5 min", "2-second", "2 seconds" are one quantity
/// however the unit is written (see [`unit_after_number`]). The long forms stem to their
/// word already; the short ones are read as it.
const TIME_UNITS: &[(&str, &str)] = &[
    ("ms", "millisecond"),
    ("msec", "millisecond"),
    ("msecs", "millisecond"),
    ("s", "second"),
    ("sec", "second"),
    ("secs", "second"),
    ("m", "minute"),
    ("min", "minute"),
    ("mins", "minute"),
    ("h", "hour"),
    ("hr", "hour"),
    ("hrs", "hour"),
    ("d", "day"),
];

/// The word a unit of time written short stands for (`second` for `s`, `sec` and
/// `secs`), when `word` is one of [`TIME_UNITS`]. The cheap test first: this runs for
/// every short word after a number.
fn time_unit(word: &str) -> Option<&'static str> {
    if word.len() > 5 || !matches!(word.as_bytes().first(), Some(b'm' | b's' | b'h' | b'd')) {
        return None;
    }
    long_unit(TIME_UNITS, word)
}

/// The long word `table` gives for the short unit `word`.
fn long_unit(table: &[(&str, &'static str)], word: &str) -> Option<&'static str> {
    table
        .iter()
        .find(|(short, _)| *short == word)
        .map(|&(_, long)| long)
}

/// Units of size in bytes as they are written after a number, and the word each stands
/// for: "512MB", "512 MB", "512 MiB" and "512 megabytes" are one quantity however the
/// unit is written (see [`unit_after_number`]); "512 GB" and "5120 MB" are other ones.
/// A binary unit (`MiB`) is read as its decimal one, as people use them. A lone `m`,
/// `k` or `g` is no unit here: `512m` is Docker's size but also a Kubernetes CPU share,
/// `10k` a count, `4G` a mobile network.
const SIZE_UNITS: &[(&str, &str)] = &[
    ("kb", "kilobyte"),
    ("kib", "kilobyte"),
    ("mb", "megabyte"),
    ("mib", "megabyte"),
    ("gb", "gigabyte"),
    ("gib", "gigabyte"),
    ("tb", "terabyte"),
    ("tib", "terabyte"),
];

/// The word a unit of size written short stands for (`megabyte` for `mb` and `mib`),
/// when `word` is one of [`SIZE_UNITS`]. The cheap test first, as for [`time_unit`].
fn size_unit(word: &str) -> Option<&'static str> {
    if word.len() > 3 || !matches!(word.as_bytes().first(), Some(b'k' | b'm' | b'g' | b't')) {
        return None;
    }
    long_unit(SIZE_UNITS, word)
}

/// The word a unit of time or of size written short after a number stands for
/// ([`time_unit`], [`size_unit`]).
fn short_unit(word: &str) -> Option<&'static str> {
    time_unit(word).or_else(|| size_unit(word))
}

/// A word as the breakdown quotes it: a unit of size the tokenizer wrote long after a
/// number (`megabyte` for "MB", "MiB": see [`SIZE_UNITS`]) written short again, as most
/// answers write it ("said \"64 mb\"", not "64 megabyte"); any other word as it is.
pub(crate) fn written(word: &str) -> &str {
    SIZE_UNITS
        .iter()
        .find(|(_, long)| *long == word)
        .map_or(word, |&(short, _)| short)
}

/// The number of a short version written with its *v*, `v2`, `v1`, `v20` (a *v* and
/// one to three digits): "ship v2" says the version 2. Cheap first: this runs for every
/// plain word.
fn short_version(core: &str) -> Option<&str> {
    let number = core.strip_prefix('v')?;
    (!number.is_empty() && number.len() <= 3 && number.bytes().all(|b| b.is_ascii_digit()))
        .then_some(number)
}

/// How many seconds one of a unit of time lasts, the unit written long or short
/// (`minutes`, `min`, `hrs`, `ms`), for comparing lengths of time written in different
/// units: "1800 seconds" is "30 minutes", "a day" is "86400 s". `None` for a word that
/// is no unit or one of no fixed length (*month*, *year*).
pub(crate) fn unit_seconds(word: &str) -> Option<f64> {
    let long = time_unit(word).unwrap_or(word);
    Some(match long.strip_suffix('s').unwrap_or(long) {
        "n" | "nanosecond" => 1e-9,
        "µ" | "microsecond" => 1e-6,
        "millisecond" => 1e-3,
        "second" => 1.0,
        "minute" => 60.0,
        "hour" => 3600.0,
        "day" => 86_400.0,
        "week" => 604_800.0,
        _ => return None,
    })
}

/// How long the length of time whose unit is token `i` lasts, in seconds: the unit's
/// length ([`unit_seconds`]) times the count right before it in its clause, a number in
/// digits ("30 minutes", "86400 s"), a number word ("ten minutes"), or one for *a*,
/// *an*, *every*, *per* ("a day", "every hour"), a half for "half an hour". `None` when
/// token `i` is no unit of time or has no count before it ("minutes", "a few hours").
pub(crate) fn seconds_at(tokens: &[Token], i: usize) -> Option<f64> {
    let unit = &tokens[i];
    if unit.class != Class::Word || unit.len > 12 {
        return None;
    }
    let length = unit_seconds(&unit.norm)?;
    let mut before = tokens[..i]
        .iter()
        .rev()
        .filter(|t| !t.part)
        .take_while(|t| t.place.clause == unit.place.clause);
    let count = before.next()?;
    let n = if count.class != Class::Word && is_number(&count.norm) {
        count.norm.parse::<f64>().ok()?
    } else if matches!(&*count.norm, "a" | "an") {
        if before.next().is_some_and(|t| &*t.norm == "half") {
            0.5
        } else {
            1.0
        }
    } else if matches!(&*count.norm, "every" | "per") {
        1.0
    } else {
        f64::from(super::facts::count(&count.norm)?)
    };
    Some(n * length)
}

/// Whether two lengths of time ([`seconds_at`]) are the same.
pub(crate) fn same_seconds(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs())
}

/// Whether `core` opens with a digit (and may be a number with its unit, `2s`).
fn digit_first(core: &str) -> bool {
    core.as_bytes().first().is_some_and(u8::is_ascii_digit)
}

/// Whether `t` is a whole token (no part) that is a number written in digits.
fn number_token(t: &Token) -> bool {
    !t.part && t.class != Class::Word && is_number(&t.norm)
}

/// Whether `word` is a number written in digits, `2`, `30` or `0.6`.
pub(crate) fn is_number(word: &str) -> bool {
    let bytes = word.as_bytes();
    bytes.first().is_some_and(u8::is_ascii_digit)
        && bytes.last().is_some_and(u8::is_ascii_digit)
        && bytes.iter().filter(|&&b| b == b'.').count() <= 1
        && bytes.iter().all(|b| b.is_ascii_digit() || *b == b'.')
}

/// Whether `unit` after the number `number` is a unit of time. `m` is minutes only
/// after a whole number below 60: `512m` and `100m` are sizes (Docker's `--memory
/// 512m`), `5m` and `30m` are minutes. An `s` after a status class or a decade is a
/// plural: "404s", "500s", "1990s".
fn counts_time(number: &str, unit: &str) -> bool {
    let whole = number.parse::<u32>().ok();
    match unit {
        "m" => whole.is_some_and(|n| n < 60),
        "s" => !whole.is_some_and(|n| (400..600).contains(&n) || (1900..2100).contains(&n)),
        _ => true,
    }
}

/// The token of a short unit of time or size written after a number (`s` of "2 s",
/// `sec` of "30 sec", `min` of "5-min", `mb` of "512 MB"): the word of the unit it stands
/// for (`second`, `megabyte`), so that "2 s" meets a keyword "2 seconds" and "512 MB" a
/// keyword "512MB", and the other way round. `None` when `word` is no
/// such unit or the token before it (`tokens`' last word) is no number in `place`'s
/// clause.
fn unit_after_number(
    word: &str,
    tokens: &[Token],
    place: Place,
    stemmer: &Stemmer,
) -> Option<Arc<Lexeme>> {
    let long = short_unit(word)?;
    let number = tokens.iter().rev().find(|t| !t.part)?;
    (number.place.clause == place.clause
        && number.class != Class::Word
        && is_number(&number.norm)
        && counts_time(&number.norm, word))
    .then(|| unit_lexeme(long, stemmer))
}

/// A number with a short unit of time or size glued on, `2s`, `0.5s`, `100ms`, `5min`,
/// `512MB`, as the number and the unit (see [`counts_time`] for `m`).
fn number_with_unit(core: &str) -> Option<(&str, &str)> {
    let digits = core.rfind(|c: char| c.is_ascii_digit())? + 1;
    let (number, unit) = core.split_at(digits);
    (is_number(number) && short_unit(unit).is_some() && counts_time(number, unit))
        .then_some((number, unit))
}

thread_local! {
    /// Lexemes that a word has in one place only (the *not* of a status's reason
    /// phrase), by a name of their own: learnt once by each thread.
    static SPECIAL: RefCell<FxHashMap<&'static str, Arc<Lexeme>>> =
        RefCell::new(FxHashMap::default());
}

/// The special lexeme named `name` (see [`SPECIAL`]), learnt by `learn` the first time.
fn special(name: &'static str, learn: impl Fn() -> Lexeme) -> Arc<Lexeme> {
    SPECIAL
        .try_with(|known| {
            known
                .borrow_mut()
                .entry(name)
                .or_insert_with(|| Arc::new(learn()))
                .clone()
        })
        .unwrap_or_else(|_| Arc::new(learn()))
}

/// The lexeme of a unit of time after a number: the word it stands for (`second` for
/// `s`), as a keyword spelt either way has it.
fn unit_lexeme(long: &str, stemmer: &Stemmer) -> Arc<Lexeme> {
    known(long, Class::Word, stemmer)
}

/// Words of a count before a unit of time ("two seconds left").
fn is_number_word(word: &str) -> bool {
    matches!(
        word,
        "a" | "an"
            | "one"
            | "two"
            | "three"
            | "four"
            | "five"
            | "six"
            | "seven"
            | "eight"
            | "nine"
            | "ten"
            | "few"
            | "several"
            | "some"
    )
}

/// Whether the *left* about to follow `tokens` comes after a quantity of time, "0.6 s
/// left", "two seconds left", "a few minutes left": then it says what remains, not who
/// went away.
fn left_after_quantity(tokens: &[Token], place: Place) -> bool {
    let mut words = tokens.iter().rev().filter(|t| !t.part);
    let (Some(unit), Some(count)) = (words.next(), words.next()) else {
        return false;
    };
    unit.place.clause == place.clause
        && count.place.clause == place.clause
        && is_time_word(unit)
        && ((count.class != Class::Word && is_number(&count.norm)) || is_number_word(&count.norm))
}

/// Whether a token is a word for a unit of time, short or long (`s`, `sec`, `seconds`,
/// `minutes`, ...).
fn is_time_word(token: &Token) -> bool {
    token.class == Class::Word
        && (time_unit(&token.norm).is_some()
            || matches!(
                &*token.stem,
                "millisecond" | "second" | "minut" | "hour" | "day" | "week"
            ))
}

/// Whether token `i` is the unit of time of the number before it ("2 s", "30
/// seconds"): the two are one quantity, which a negation's reach counts once.
pub fn is_unit_of_number(tokens: &[Token], i: usize) -> bool {
    let unit = &tokens[i];
    // The cheap tests first: this runs for every content word under a negation.
    i > 0
        && tokens[i - 1].class != Class::Word
        && unit.class == Class::Word
        && unit.len <= 12
        && is_time_word(unit)
        && tokens[..i].iter().rev().find(|t| !t.part).is_some_and(|n| {
            n.class != Class::Word && n.place.clause == unit.place.clause && is_number(&n.norm)
        })
}

/// The words of an HTTP status's reason phrase that follow its *not*: "304 Not
/// Modified", "404 Not Found", "405 Method Not Allowed", "406 Not Acceptable", "416
/// Range Not Satisfiable", "501 Not Implemented", "505 HTTP Version Not Supported", "510
/// Not Extended".
const REASON_WORDS: &[&str] = &[
    "modified",
    "found",
    "allowed",
    "acceptable",
    "satisfiable",
    "implemented",
    "supported",
    "extended",
];

/// The words of a reason phrase between a status code and its *not* ("405 Method Not
/// Allowed", "505 HTTP Version Not Supported").
const REASON_HEADS: &[&str] = &["method", "http", "version", "range"];

/// Whether the *not* about to follow `tokens` in `place`, with the chunk `next` after
/// it, is a word of an HTTP status's reason phrase ([`REASON_WORDS`]), right after its
/// status code (100 to 599) or the words of the phrase before it: the status is named,
/// and nothing is negated.
fn in_status_reason(tokens: &[Token], place: Place, next: Option<&str>) -> bool {
    let Some(next) = next else {
        return false;
    };
    let reason = next
        .trim_start_matches(is_opener)
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    if !REASON_WORDS.contains(&reason) {
        return false;
    }
    let mut before = tokens
        .iter()
        .rev()
        .filter(|t| !t.part)
        .take_while(|t| t.place.clause == place.clause)
        .skip_while(|t| REASON_HEADS.contains(&&*t.norm));
    before.next().is_some_and(|code| {
        let digits = code.norm.as_bytes();
        code.class == Class::Exact
            && digits.len() == 3
            && (b'1'..=b'5').contains(&digits[0])
            && digits.iter().all(u8::is_ascii_digit)
    })
}

/// The *not* of a status's reason phrase (see [`in_status_reason`]): a word, no
/// negation cue, and one of a name (as the *no* of `no-cache` is).
fn reason_not(stemmer: &Stemmer) -> Arc<Lexeme> {
    special("not (reason phrase)", || Lexeme {
        negation: false,
        ..Lexeme::new("not", Class::Word, stemmer)
    })
}

/// The *nobody* of the Unix user and the *none* of a network mode: names, not negation
/// cues (see [`names_a_thing`]).
fn named_cue(word: &str, stemmer: &Stemmer) -> Arc<Lexeme> {
    let name = || Lexeme {
        negation: false,
        ..Lexeme::new(word, Class::Word, stemmer)
    };
    match word {
        "nobody" => special("nobody (the user)", name),
        _ => special("none (the mode)", name),
    }
}

/// Whether the *nobody* or *none* (`word`) about to follow `tokens`, with the chunk
/// `next` after it, is a name rather than a negation cue:
/// - *nobody* the Unix user: "the unprivileged nobody user", "runs as nobody:nogroup",
///   "the nobody account" (a determiner or *as* before it, or *user*, *account*, *uid*
///   or *group* after it), not "nobody can read it";
/// - *none* the network mode or driver: "the none network", "--network none", "none
///   mode" (*the*, a network flag or *network*, *mode* or *driver* before it, or one of
///   those nouns after it), not "none of them is isolated".
fn names_a_thing(word: &str, tokens: &[Token], next: Option<&str>) -> bool {
    let before = tokens.iter().rev().find(|t| !t.part).map(|t| &*t.norm);
    // (The text is lower-cased already: see [`normalise`].)
    let after = next.map(|chunk| chunk.trim_end_matches(|c: char| !c.is_alphanumeric()));
    if word == "nobody" {
        return matches!(
            after,
            Some("user" | "users" | "account" | "uid" | "gid" | "group" | "nogroup")
        ) || matches!(before, Some("the" | "as" | "unprivileged" | "user"));
    }
    matches!(
        after,
        Some("network" | "networks" | "networking" | "mode" | "driver" | "option")
    ) || matches!(
        before,
        Some("the" | "--network" | "--net" | "network" | "networking" | "mode" | "driver")
    )
}

/// Whether the *then* about to follow `tokens` in `place` is the *than* of "rather
/// than" mistyped, as it commonly is ("rather then start a fresh timeout").
fn rather_then(tokens: &[Token], place: Place) -> bool {
    tokens
        .iter()
        .rev()
        .find(|t| !t.part)
        .is_some_and(|t| &*t.norm == "rather" && t.place.clause == place.clause)
}

/// Pushes a number with a short unit of time glued on (`2s`, `0.5s`, `100ms`, see
/// [`number_with_unit`]) as the number and the unit, both glued: "2s" is "2 s". Whether
/// `core` was one.
fn push_number_with_unit(
    core: &str,
    place: Place,
    part: bool,
    stemmer: &Stemmer,
    tokens: &mut Vec<Token>,
) -> bool {
    let bytes = core.as_bytes();
    if !bytes.first().is_some_and(u8::is_ascii_digit)
        || !bytes.last().is_some_and(u8::is_ascii_alphabetic)
    {
        return false;
    }
    let Some((number, unit)) = number_with_unit(core) else {
        return false;
    };
    // `0.5` is a code token, as it is written alone.
    let class = if number.contains('.') {
        Class::Code
    } else {
        Class::Exact
    };
    let long = short_unit(unit).unwrap_or(unit);
    for word in [known(number, class, stemmer), unit_lexeme(long, stemmer)] {
        let class = word.class;
        tokens.push(Token {
            word,
            class,
            part,
            place,
            glued: true,
        });
    }
    true
}

/// Words that negate what follows them, with the contractions people type without
/// their apostrophe (`doesnt`, `wont`) and their common slips (`dosnt`, `arnt`), *without*
/// typed with a slip, and "avoid", which advises against it.
pub fn is_negation(word: &str) -> bool {
    matches!(
        word,
        "not"
            | "no"
            | "never"
            | "without"
            | "cannot"
            | "none"
            | "nor"
            | "neither"
            | "nothing"
            | "nobody"
            | "nowhere"
            | "avoid"
            | "avoids"
            | "avoiding"
            | "dont"
            | "doesnt"
            | "didnt"
            | "isnt"
            | "arent"
            | "wasnt"
            | "werent"
            | "cant"
            | "wont"
            | "hasnt"
            | "havent"
            | "shouldnt"
            | "couldnt"
            | "wouldnt"
            | "hadnt"
            | "mustnt"
            | "neednt"
            // The same typed with a slip as well, as fast typing has them.
            | "dosnt"
            | "dosent"
            | "doesent"
            | "dident"
            | "isint"
            | "arnt"
            | "wasent"
            | "havnt"
    ) || slip_of_without(word)
}

/// Whether `word` is *without* typed with one slip (`withuot`, `witout`, `wihtout`):
/// the one cue long enough that a slip of it makes no other word (one of *never* is
/// *newer*, one of *cannot* is *cannon*).
fn slip_of_without(word: &str) -> bool {
    (6..=8).contains(&word.len())
        && word.starts_with('w')
        && word != "without"
        && crate::lang::edit_distance_within(word, "without", 1).is_some()
}

/// The root a privative word negates: an adjective negated by *un-* (`encrypted` for
/// *unencrypted*, see `lang::negated_root`) or a noun with *-less* (`agent` for
/// *agentless*, `state` for *stateless*, `password` for *passwordless*). An answer's
/// privative word offers its root as a part, which `grade::negation` negates by it.
pub fn privative_root(word: &str) -> Option<&str> {
    if let Some(root) = word.strip_suffix("less") {
        let letters = root.len() >= 4 && root.bytes().all(|b| b.is_ascii_lowercase());
        return (letters
            && !is_stop_word(root)
            && !matches!(root, "regard" | "neverthe" | "nonethe"))
        .then_some(root);
    }
    // *unable* is a cue of its own (*unable to*).
    crate::lang::negated_root(word).filter(|root| *root != "able" && !is_stop_word(root))
}

/// After a word of an answer, the root of a privative word (see [`privative_root`]) as
/// a part: "agentless" offers *agent*, "unencrypted" *encrypted*. The cheap tests
/// first: this runs for every word of an answer.
fn push_privative(core: &str, place: Place, stemmer: &Stemmer, tokens: &mut Vec<Token>) {
    if core.len() >= 6
        && (core.ends_with("less") || core.starts_with("un"))
        && let Some(root) = privative_root(core)
    {
        tokens.push(Token::new(root, Class::Word, true, place, stemmer));
    }
}

/// Words that start a new clause even without punctuation: a contrast ("while",
/// "whereas", "but"), a cause or consequence ("because", "so"), an exception
/// ("except"). (*Then* does too, after a condition: see [`then_opens`].) A negation
/// does not reach past them, and neither does a relation `within = "clause"`.
pub fn starts_clause(word: &str) -> bool {
    matches!(
        word,
        "but"
            | "while"
            | "whilst"
            | "whereas"
            | "although"
            | "though"
            | "however"
            | "yet"
            | "so"
            | "because"
            | "since"
            | "unless"
            | "except"
            | "besides"
            | "unlike"
            | "otherwise"
    )
}

/// Words that open a condition or a time ("if it fails", "once it is healthy", "when
/// it stops"), which a *then* later in their clause answers.
fn opens_condition(word: &str) -> bool {
    matches!(word, "if" | "when" | "once" | "whenever")
}

/// Pronouns that refer back to the subject of the clause before them, and go on with
/// what it says of that subject (see [`carry_subject`]).
fn refers_back(word: &str) -> bool {
    matches!(
        word,
        "it" | "its" | "they" | "their" | "this" | "that" | "them"
    )
}

/// Of the pronouns that [refer back](refers_back), those that mean more than one thing.
fn plural_pronoun(word: &str) -> bool {
    matches!(word, "they" | "their" | "them")
}

/// Whether a word looks like a plural noun (or a verb with its *-s*): it ends in *s*,
/// but not in *ss*, *us*, *is* or *as* ("class", "status", "analysis", "alias").
pub(crate) fn looks_plural(word: &str) -> bool {
    word.ends_with('s')
        && !["ss", "us", "is", "as"]
            .iter()
            .any(|end| word.ends_with(end))
}

/// Whether a *then* with no punctuation before it opens a clause: only when it answers
/// a condition opened earlier in its clause ("if the check fails then Compose restarts
/// it"). Elsewhere it is an adverb of the clause it is in: "pull then merges it",
/// "retrieves and then merges", "Docker then adds NAT rules" keep their subject and
/// verb together. (After a `,` or `;` a new clause has begun anyway.)
fn then_opens(condition: Option<Place>, place: Place) -> bool {
    condition.is_some_and(|c| c.clause == place.clause)
}

/// Whether an *its* (or *it's*) with `next` after it opens a clause: "its the browser"
/// and "its not" are *it is* (no possessive comes before an article or *not*), and
/// after a content word or a negation of its clause it starts a clause of its own, as
/// it would after a comma: "the api doesnt enforce anything its the browser that
/// blocks it", "it checks nothing its the browser".
fn it_is_opens(tokens: &[Token], place: Place, next: Option<&str>) -> bool {
    let next = next.map(|n| {
        n.trim_start_matches(is_opener)
            .split(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("")
    });
    matches!(next, Some("the" | "a" | "an" | "not"))
        && tokens
            .last()
            .is_some_and(|t| t.place == place && (!t.stop || t.negation))
}

/// Whether a chunk after a lone `.` makes that `.` an argument (the current folder of
/// `COPY . .` or `COPY . /app`) rather than a full stop: another lone `.` or a path.
fn is_dot_argument(next: &str) -> bool {
    next == "." || next.starts_with('/') || next.starts_with("./")
}

/// Whether a chunk's core opens with a negation cue (`not` of "(not a volume)").
fn opens_with_cue(core: &str) -> bool {
    core.split(|c: char| !c.is_alphanumeric())
        .next()
        .is_some_and(is_negation)
}

/// Whether `core` is a number with a sign, `-1000` or `+0.5`: one token, whose sign
/// matters (`-1000` is no `+1000`), and no flag.
pub fn is_signed_number(core: &str) -> bool {
    let bytes = core.as_bytes();
    if bytes.len() < 2 || !matches!(bytes[0], b'-' | b'+') || !bytes[1].is_ascii_digit() {
        return false;
    }
    // Digits, and at most one `.` between digits.
    let number = &bytes[1..];
    let dots = number.iter().filter(|&&b| b == b'.').count();
    dots <= 1
        && number.last().is_some_and(u8::is_ascii_digit)
        && number.iter().all(|b| b.is_ascii_digit() || *b == b'.')
}

/// Whether `core` is a number with its thousands set apart by commas, `10,000` or
/// `1,048,576`: one to three digits, then groups of three, the number read as written
/// without the commas. A group of another length (`1,5`, `80,4430`) is no such number.
fn is_grouped_number(core: &str) -> bool {
    let mut groups = core.split(',');
    let first = groups.next().unwrap_or_default();
    let digits = |g: &str| g.bytes().all(|b| b.is_ascii_digit());
    (1..=3).contains(&first.len())
        && digits(first)
        && core.contains(',')
        && groups.all(|g| g.len() == 3 && digits(g))
}

/// What a number word is in a number said in words: a unit (*zero* to *nineteen*), a
/// ten (*twenty* to *ninety*), *hundred*, or a scale (*thousand*, *million*,
/// *billion*).
#[derive(Debug, Clone, Copy, PartialEq)]
enum NumberWord {
    Unit(f64),
    Ten(f64),
    Hundred,
    Scale(f64),
}

/// The [`NumberWord`] `word` is, if it is one.
fn spelt_number(word: &str) -> Option<NumberWord> {
    use NumberWord::{Hundred, Scale, Ten, Unit};
    Some(match word {
        "zero" => Unit(0.0),
        "one" => Unit(1.0),
        "two" => Unit(2.0),
        "three" => Unit(3.0),
        "four" => Unit(4.0),
        "five" => Unit(5.0),
        "six" => Unit(6.0),
        "seven" => Unit(7.0),
        "eight" => Unit(8.0),
        "nine" => Unit(9.0),
        "ten" => Unit(10.0),
        "eleven" => Unit(11.0),
        "twelve" => Unit(12.0),
        "thirteen" => Unit(13.0),
        "fourteen" => Unit(14.0),
        "fifteen" => Unit(15.0),
        "sixteen" => Unit(16.0),
        "seventeen" => Unit(17.0),
        "eighteen" => Unit(18.0),
        "nineteen" => Unit(19.0),
        "twenty" => Ten(20.0),
        "thirty" => Ten(30.0),
        "forty" => Ten(40.0),
        "fifty" => Ten(50.0),
        "sixty" => Ten(60.0),
        "seventy" => Ten(70.0),
        "eighty" => Ten(80.0),
        "ninety" => Ten(90.0),
        "hundred" => Hundred,
        "thousand" => Scale(1e3),
        "million" => Scale(1e6),
        "billion" => Scale(1e9),
        _ => return None,
    })
}

/// Whether `word` is a number word (see [`NumberWord`]).
fn is_spelt_number(word: &str) -> bool {
    // The cheap test first: every number word is 3 to 9 letters long.
    (3..=9).contains(&word.len()) && spelt_number(word).is_some()
}

/// The number a run of words says (`words` in order): number words as English writes
/// them ("ten thousand", "twenty five", "two hundred and fifty", "fifteen hundred"),
/// after a number in digits ("10 thousand", "1.5 million") or *a*/*an* before a
/// hundred or a scale ("a hundred", "a million"). `None` when the run is no one number
/// ("two three", "thousand thousand", "five twenty").
fn words_number(words: &[&str]) -> Option<f64> {
    use NumberWord::{Hundred, Scale, Ten, Unit};
    let (mut total, mut current) = (0.0_f64, 0.0_f64);
    // What came last: none, a unit, a ten, a hundred, a scale, *and*, a count.
    #[derive(PartialEq, Clone, Copy)]
    enum Last {
        None,
        Unit,
        Ten,
        Hundred,
        Scale,
        And,
        Count,
    }
    let mut last = Last::None;
    for (n, word) in words.iter().enumerate() {
        if n == 0 && (is_number(word) || matches!(*word, "a" | "an")) {
            current = if is_number(word) {
                word.parse().ok()?
            } else {
                1.0
            };
            last = Last::Count;
            continue;
        }
        if *word == "and" {
            if !matches!(last, Last::Hundred | Last::Scale) {
                return None;
            }
            last = Last::And;
            continue;
        }
        last = match (spelt_number(word)?, last) {
            (Unit(u), Last::None | Last::Hundred | Last::Scale | Last::And) => {
                current += u;
                Last::Unit
            }
            (Unit(u), Last::Ten) if (1.0..10.0).contains(&u) => {
                current += u;
                Last::Unit
            }
            (Ten(t), Last::None | Last::Hundred | Last::Scale | Last::And) => {
                current += t;
                Last::Ten
            }
            (Hundred, Last::Unit | Last::Ten | Last::Count) if current > 0.0 && current < 100.0 => {
                current *= 100.0;
                Last::Hundred
            }
            (Scale(s), Last::Unit | Last::Ten | Last::Hundred | Last::Count) if current > 0.0 => {
                total += current * s;
                current = 0.0;
                Last::Scale
            }
            _ => return None,
        };
    }
    (last != Last::And && last != Last::Count).then_some(total + current)
}

/// Where the number said in words that ends with the number word at `end` begins: the
/// first of the run of number words before it in its clause (with *and* between them),
/// or the number in digits or *a*/*an* that opens the run ("10 thousand", "a hundred").
pub(crate) fn said_start(tokens: &[Token], end: usize) -> usize {
    let clause = tokens[end].place.clause;
    let mut start = end;
    let mut k = end;
    while k > 0 {
        let t = &tokens[k - 1];
        if t.part || t.place.clause != clause {
            break;
        }
        if t.class == Class::Word && (t.number_word || &*t.norm == "and") {
            k -= 1;
            if &*t.norm != "and" {
                start = k;
            }
            continue;
        }
        let count = (t.class != Class::Word && is_number(&t.norm))
            || (t.class == Class::Word && matches!(&*t.norm, "a" | "an"));
        if count {
            start = k - 1;
        }
        break;
    }
    start
}

/// The number said in words that ends with the token `end` (see [`words_number`]): the
/// longest run of number words before it in its clause, with *and* between them, and a
/// number in digits or *a*/*an* opening it. Written as a number in digits (`10000`,
/// `25`, `1500000`), when the run says a number above ten or has two words or more
/// (one to ten alone are the lexicon's: "two" is "2" there). `None` otherwise.
fn said_number(tokens: &[Token], end: usize) -> Option<String> {
    let start = said_start(tokens, end);
    if start == end
        && matches!(spelt_number(&tokens[end].norm), Some(NumberWord::Unit(u)) if u <= 10.0)
    {
        // The most common case, "one" or "two" alone: the lexicon's.
        return None;
    }
    let words: Vec<&str> = tokens[start..=end].iter().map(|t| &*t.norm).collect();
    let value = words_number(&words)?;
    if value.fract() != 0.0 || value > 1e15 || (words.len() < 2 && value <= 10.0) {
        return None;
    }
    Some(format!("{value:.0}"))
}

/// After the chunk whose tokens end `tokens`, its last token a number word: when it ends
/// a number said in words (the next chunk, `next`, goes on with no number word nor
/// *and*, nor does a mark end it), the number in digits as a part ("ten thousand" offers
/// `10000`, "twenty-five" `25`, "a hundred" `100`), so a keyword or a value in digits
/// meets it.
fn push_said_number(
    tokens: &mut Vec<Token>,
    next: Option<&str>,
    stop: Stop,
    place: Place,
    stemmer: &Stemmer,
) {
    let Some(last) = tokens.last() else { return };
    let goes_on = stop == Stop::None
        && next.is_some_and(|chunk| {
            let word = chunk.trim_end_matches(|c: char| !c.is_ascii_alphanumeric());
            let word = word.split('-').next().unwrap_or(word);
            (word.eq_ignore_ascii_case("and")
                && matches!(&*last.norm, "hundred" | "thousand" | "million" | "billion"))
                || is_spelt_number(&word.to_ascii_lowercase())
        });
    if goes_on {
        return;
    }
    if let Some(number) = said_number(tokens, tokens.len() - 1) {
        tokens.push(Token::new(&number, Class::Exact, true, place, stemmer));
    }
}

/// A count in thousands written with its *k* (folded to lower case): `10k`, `1.5k`,
/// `2.25k` as the whole number it stands for (`10000`, `1500`, `2250`), so a keyword
/// `10,000` or `1500` meets it; `None` for any other word, and for a *k* that leaves a
/// fraction (`1.2345k`). "20k" is `20000`, never `10000`; `1.5` with no *k* stays `1.5`.
/// Cheap first: this is asked of every chunk that ends in *k*.
pub(crate) fn thousands(core: &str) -> Option<String> {
    let number = core.strip_suffix('k')?;
    if !digit_first(number) || number.len() > 9 || !is_number(number) {
        return None;
    }
    let (whole, fraction) = number.split_once('.').unwrap_or((number, ""));
    if fraction.len() > 3 || (whole.len() > 1 && whole.starts_with('0')) {
        return None;
    }
    let whole: u64 = whole.parse().ok()?;
    let mut thousandths = fraction.to_owned();
    while thousandths.len() < 3 {
        thousandths.push('0');
    }
    let value = whole * 1000 + thousandths.parse::<u64>().ok()?;
    (value > 0).then(|| value.to_string())
}

/// After the chunk `core`, whose tokens end `tokens`: the whole number of a count in
/// thousands written with its *k* (`10k` offers `10000`, `1.5k` `1500`: see
/// [`thousands`]), and the `0.5` of "half a second", "half an hour" (see
/// [`half_a_unit`]), as parts. Out of line: few chunks end in *k*, and an *a* is
/// seldom after *half*.
#[cold]
#[inline(never)]
fn push_counted(
    core: &str,
    tokens: &mut Vec<Token>,
    next: Option<&str>,
    place: Place,
    stemmer: &Stemmer,
) {
    if core.ends_with('k')
        && let Some(number) = thousands(core)
    {
        tokens.push(Token::new(&number, Class::Exact, true, place, stemmer));
    } else if matches!(core, "a" | "an") && half_a_unit(tokens, place, next) {
        // "half a second" as "0.5 seconds" says it. (A code token, as `0.5` is: see
        // `is_code`.)
        tokens.push(Token::new("0.5", Class::Code, true, place, stemmer));
    }
}

/// After the chunk `core`, which starts with a digit and whose tokens start at
/// `chunk_start`: a range of numbers written the other way, as parts. "7 to 14" (this
/// chunk the `14`, *to* and a number before it in its clause) also offers `7` `14`, the
/// words of "7-14"; "7-14" or "7–14" (one chunk) also offers `7` *to* `14`. Only a range
/// that goes up is one: "from 14 to 7" and "14-7" offer nothing; nor does a range
/// scaled by the number word after it, `next` ("65-77 thousand" is no "65 to 77"), whose
/// last number is said with that word. Out of line: most chunks that start with a digit
/// are no range.
#[cold]
#[inline(never)]
fn push_range(
    core: &str,
    tokens: &mut Vec<Token>,
    chunk_start: usize,
    next: Option<&str>,
    place: Place,
    stemmer: &Stemmer,
) {
    if next.is_some_and(|chunk| {
        let word = chunk.trim_end_matches(|c: char| !c.is_ascii_alphanumeric());
        is_spelt_number(&word.to_ascii_lowercase())
    }) {
        return;
    }
    let rises = |low: &Token, high: &Token| {
        matches!(
            (low.norm.parse::<f64>(), high.norm.parse::<f64>()),
            (Ok(low), Ok(high)) if low < high
        )
    };
    let mut pushed = tokens[chunk_start..].iter().filter(|t| !t.part);
    if is_number(core) {
        let mut before = tokens[..chunk_start].iter().rev().filter(|t| !t.part);
        let (Some(to), Some(low), Some(high)) = (before.next(), before.next(), pushed.next())
        else {
            return;
        };
        if &*to.norm == "to"
            && number_token(low)
            && number_token(high)
            && to.place.clause == place.clause
            && low.place.clause == place.clause
            && rises(low, high)
        {
            let (low, high) = (low.clone(), high.clone());
            for mut token in [low, high] {
                token.part = true;
                token.place = place;
                tokens.push(token);
            }
        }
    } else if let Some((low, high)) = core.split_once(['-', '\u{2013}'])
        && is_number(low)
        && is_number(high)
        && let (Some(first), Some(second), None) = (pushed.next(), pushed.next(), pushed.next())
        && &*first.norm == low
        && &*second.norm == high
        && rises(first, second)
    {
        let (first, second) = (first.clone(), second.clone());
        let to = Token::new("to", Class::Word, true, place, stemmer);
        for mut token in [first, to, second] {
            token.part = true;
            token.place = place;
            tokens.push(token);
        }
    }
}

/// After the chunk `core`, which ends in `%` and whose tokens start at `chunk_start`:
/// the word *percent* as a part, when the `%` is a number's (`15%`, or a lone `%` right
/// after a number of the same clause, "15 %"), so a keyword "15 percent" is met by
/// "15%" as a keyword `15%` (its `%` dropped, the number alone) is met by "15 percent".
/// Out of line: few chunks end in `%`.
#[cold]
#[inline(never)]
fn push_percent(
    core: &str,
    tokens: &mut Vec<Token>,
    chunk_start: usize,
    place: Place,
    stemmer: &Stemmer,
) {
    let number = &core[..core.len() - 1];
    let of_number = if number.is_empty() {
        // A lone `%`: the chunk before it was the number.
        tokens.len() == chunk_start
            && tokens
                .last()
                .is_some_and(|t| number_token(t) && t.place.clause == place.clause)
    } else {
        is_number(number)
    };
    if of_number {
        tokens.push(Token::new("percent", Class::Word, true, place, stemmer));
    }
}

/// Whether the *a* or *an* just pushed at the end of `tokens` is the one of "half a
/// second", "half an hour": *half* right before it in `place`'s clause and a unit of
/// time ([`unit_seconds`], three letters or more: *sec*, *minute*, *hour*) in the next
/// chunk, `next`. "half a dozen", "half a message" are no length of time.
fn half_a_unit(tokens: &[Token], place: Place, next: Option<&str>) -> bool {
    let mut before = tokens.iter().rev().filter(|t| !t.part);
    before.next();
    before
        .next()
        .is_some_and(|t| &*t.norm == "half" && t.place.clause == place.clause)
        && next.is_some_and(|chunk| {
            let word = chunk.trim_end_matches(|c: char| !c.is_ascii_alphanumeric());
            word.len() >= 3 && unit_seconds(word).is_some()
        })
}

/// Whether `core` is a number written with no digit before its decimal point, `.5`,
/// `.25`: the number `0.5`, not `5`.
fn is_bare_decimal(core: &str) -> bool {
    core.len() >= 2 && core.starts_with('.') && core[1..].bytes().all(|b| b.is_ascii_digit())
}

/// Whether `core` is a symbolic chmod mode, `u+s`, `g-w`, `a+x`, `+x`, `ug=rw`, or a
/// list of them (`u+s,g+s`): code, matched whole (`u+s` is no `g+s`).
fn is_chmod_mode(core: &str) -> bool {
    core.split(',').all(|mode| {
        let perms = mode.trim_start_matches(['u', 'g', 'o', 'a']);
        let who = perms.len() < mode.len();
        // `=` sets the permissions of someone named: `ug=rw`, never a bare `=rw`.
        let Some(rest) = perms
            .strip_prefix(['+', '-'])
            .or_else(|| perms.strip_prefix('=').filter(|_| who))
        else {
            return false;
        };
        !rest.is_empty() && rest.bytes().all(|b| b"rwxXst".contains(&b))
    })
}

/// Where a token stands: the clause, the linked clauses and the sentence it is in.
///
/// - A **clause** ends at `.` `,` `;` `:` `!` `?` and before a word that
///   [starts a clause](starts_clause). Negation reaches no further. A `:` that joins a
///   key to its value ("serve them with Cache-Control: max-age=31536000"; see
///   [`joins_value`]) ends nothing.
/// - A **segment** is the same, except that a `:` after a label (at most
///   [`MAX_LABEL`] words) links the label to the rest of its sentence, commas and all
///   ("alpine: small, shell, musl; scratch: empty"), and a clause of the same
///   sentence that opens with a pronoun that refers back joins the one before it
///   ("rebase makes no merge commit: it replays your commits"; see [`carry_subject`]):
///   a relation `within = "clause"` looks here. A short choice before a `:` ("Use exec
///   form:", "Prefer merge:"; see [`chooses`]) is no label: the `:` ends its sentence,
///   for what follows gives the reason, often of the alternative (whose clauses stay
///   linked as after a label).
/// - A **sentence** ends at `.` `;` `!` `?` and at a line break; the dot of *e.g.* or
///   *i.e.* ends a clause only.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Place {
    pub clause: u32,
    pub segment: u32,
    pub sentence: u32,
    /// A `:` was seen in this sentence.
    pub labelled: bool,
    /// This sentence opened after a `;` (not a `.`, `!`, `?` or a line break): the items
    /// of a list may be set apart by `;` as by `,` (see `claim`).
    pub after_semicolon: bool,
    /// This sentence opened after a `?`: the sentence before asked a question.
    pub after_question: bool,
    /// This sentence opened at the `:` after a short denial ("No: on gravel it takes
    /// longer", "It does not: ..."), which gives the denial's reason.
    pub after_colon: bool,
}

/// How code tokens are treated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Parts {
    /// Also emit the words inside a code token (for answers).
    Emit,
    /// Keep code tokens whole only (for keywords and model answers).
    Skip,
}

/// Python's `None`, as [`normalise`] leaves it.
const NONE: &str = "None";

/// NFKC, lower case, typographic apostrophes made plain, `n't` spelt `not` (and an
/// apostrophe a letter late, "did'nt": see [`misplaced_apostrophes`]); Python's
/// `None` keeps its capital (see [`none_literals`]), and so does the plural of a capital
/// abbreviation, "CAs", "VMs" (see [`abbreviation_plurals`]), and the DNS letter of "an
/// A record" (see [`a_record_at`]).
pub fn normalise(text: &str) -> String {
    let literals = none_literals(text);
    let plurals = abbreviation_plurals(text);
    if literals.is_empty() && plurals.is_empty() {
        return fold(text);
    }
    let mut kept: Vec<(usize, usize)> = literals
        .into_iter()
        .map(|at| (at, at + NONE.len()))
        .chain(plurals)
        .collect();
    kept.sort_unstable();
    let mut out = String::with_capacity(text.len());
    let mut from = 0;
    for (at, end) in kept {
        out.push_str(&fold(&text[from..at]));
        // (`none` in code is written `None`, as Python writes it.)
        let word = &text[at..end];
        out.push_str(if word.eq_ignore_ascii_case(NONE) {
            NONE
        } else {
            word
        });
        from = end;
    }
    out.push_str(&fold(&text[from..]));
    out
}

/// Where `text` writes the plural of a capital abbreviation: two to five capitals
/// (digits allowed after the first) and a lower-case *s*, or *es* after an *S* or *X*
/// ("CAs", "VMs", "TTLs", "CPUs", "EC2s", "OSes"), a word of its own (after a space, a
/// bracket or a quote, before a space or closing punctuation). The stemmer keeps the
/// *s* of a short word ("cas", "vms"), so once lower-cased the plural no longer meets
/// its singular; kept as written, the tokenizer offers the singular too (see
/// [`abbreviation_singular`]). A word that is no abbreviation ("gas", "Gas", "Bus"), one
/// of one capital ("K8s", "Is"), an abbreviation in capitals ("CAS", "DNS") and a
/// piece of code (`CAs.txt`, `/etc/VMs`, `getCAs`) are left to be lower-cased. The
/// byte ranges, in order; cheap first: only a capital that opens a word is looked at.
fn abbreviation_plurals(text: &str) -> Vec<(usize, usize)> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x80 * ONES;
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    // Eight bytes at a time: most have no capital (and no byte of a wider char), and
    // are passed over with a few instructions; the last few bytes one by one.
    let mut look = |from: usize, to: usize| {
        for i in from..to {
            if bytes[i].is_ascii_uppercase()
                && (i == 0 || !bytes[i - 1].is_ascii_alphanumeric())
                && let Some(end) = abbreviation_plural_at(text, i).or_else(|| a_record_at(text, i))
            {
                out.push((i, end));
            }
        }
    };
    let whole = bytes.chunks_exact(8);
    let rest = whole.remainder().len();
    for (c, chunk) in whole.enumerate() {
        let x = u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8]));
        // The high bit of each ASCII byte from `A` to `Z`.
        let upper = x.wrapping_add((0x80 - u64::from(b'A')) * ONES)
            & !x.wrapping_add((0x80 - u64::from(b'Z') - 1) * ONES)
            & HIGH;
        if upper != 0 || x & HIGH != 0 {
            look(c * 8, c * 8 + 8);
        }
    }
    look(bytes.len() - rest, bytes.len());
    out
}

/// Where the plural of a capital abbreviation that starts at byte `start` of `text` (a
/// capital at a word's start) ends, if one does (see [`abbreviation_plurals`]).
fn abbreviation_plural_at(text: &str, start: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let run = bytes[start..]
        .iter()
        .take(6)
        .take_while(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
        .count();
    let capitals = bytes[start..start + run]
        .iter()
        .filter(|b| b.is_ascii_uppercase())
        .count();
    if !(2..=5).contains(&run) || capitals < 2 {
        return None;
    }
    let rest = &bytes[start + run..];
    let end = start
        + run
        + if rest.first() == Some(&b's') {
            1
        } else if rest.starts_with(b"es") && matches!(bytes[start + run - 1], b'S' | b'X') {
            2
        } else {
            return None;
        };
    // A word of its own: what stands before it in its chunk opens a bracket or a
    // quote, what follows closes one or ends a clause.
    let head = text[..start]
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or("");
    let tail = text[end..].split(char::is_whitespace).next().unwrap_or("");
    let quote = |c: char| {
        matches!(
            c,
            '"' | '\'' | '*' | '\u{2018}' | '\u{2019}' | '\u{201c}' | '\u{201d}'
        )
    };
    (head.chars().all(|c| matches!(c, '(' | '[') || quote(c))
        && tail
            .chars()
            .all(|c| matches!(c, ',' | ';' | ':' | '.' | '!' | '?' | ')' | ']') || quote(c)))
    .then_some(end)
}

/// The DNS letter *A*, kept with its capital by [`normalise`]: a word of its own.
pub(crate) const RECORD_LETTER: &str = "A";

/// Words that name a label a letter follows ("Plan A", "option A", "grade A"): an *A*
/// after one is the label's letter, not the DNS record's.
const LABELS: &[&str] = &[
    "plan", "option", "options", "choice", "answer", "grade", "part", "step", "class", "group",
    "team", "tier", "phase", "level", "category", "section", "figure", "table", "exhibit",
    "vitamin", "case", "scenario", "version", "model", "column", "row", "letter", "variant",
    "strategy", "approach", "method", "solution",
];

/// Where the capital *A* that starts at byte `start` of `text` (a capital at a word's
/// start) ends, if it is the DNS letter of "an A record", "the A records": a capital
/// *A*, a word of its own, before the word *record* or *records*, inside a sentence
/// (after a word or a comma, not at the start of a text, a line, a sentence, a colon's
/// clause or a bullet, which read as the article: "A record with a null value is a
/// tombstone", "Answer: A record of ..."), and not after a word that names a label
/// ("Plan A records nothing"). *A* right before *records* is the letter at the start of
/// a sentence too, since the article takes no plural ("A records map a name to an
/// address"). Kept with its capital, it is no article (see [`RECORD_LETTER`]), and a
/// keyword `a record` asks for it where the question's texts write it (see
/// [`writes_a_record`]).
fn a_record_at(text: &str, start: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    if bytes[start] != b'A' || bytes.get(start + 1) != Some(&b' ') {
        return None;
    }
    let rest = text[start + 1..].trim_start_matches(' ');
    let plural = rest.starts_with("records");
    let noun = if plural { "records" } else { "record" };
    if !rest.starts_with(noun)
        || rest[noun.len()..]
            .bytes()
            .next()
            .is_some_and(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
    {
        return None;
    }
    let before = text[..start].trim_end_matches([' ', '\t']);
    let head = before
        .trim_end_matches(['(', '"', '\'', '\u{2018}', '\u{201c}'])
        .trim_end_matches([' ', '\t']);
    let last = head.chars().next_back();
    let inside = last.is_some_and(|c| c.is_alphanumeric() || c == ',');
    if !inside && !plural {
        return None;
    }
    let word = head
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    (!LABELS.iter().any(|l| l.eq_ignore_ascii_case(word))).then_some(start + 1)
}

/// Whether `text` writes the DNS letter of "an A record" with its capital (see
/// [`a_record_at`]): a question whose texts do has a keyword `a record` ask for it.
pub(crate) fn writes_a_record(text: &str) -> bool {
    text.match_indices("A record").any(|(i, _)| {
        (i == 0 || !text.as_bytes()[i - 1].is_ascii_alphanumeric())
            && a_record_at(text, i).is_some()
    })
}

/// `token`, an *a* of a keyword, as the DNS letter *A* (see [`writes_a_record`]).
pub(crate) fn record_letter(token: &Token, stemmer: &Stemmer) -> Token {
    Token::new(RECORD_LETTER, Class::Word, token.part, token.place, stemmer)
}

/// A chunk's word as [`normalise`] left it with a capital: the plural of a capital
/// abbreviation ([`abbreviation_plurals`]), as the length of its singular ("CAs": `ca`,
/// 2; "OSes": `os`, 2), to be read in lower case; `None` for any other word, Python's
/// `None` and the DNS letter *A* among them. Asked only of a word whose first byte is a
/// capital, so out of line.
#[cold]
#[inline(never)]
fn abbreviation_singular(core: &str) -> Option<usize> {
    let run = core
        .bytes()
        .take_while(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
        .count();
    (run >= 2 && matches!(&core[run..], "s" | "es")).then_some(run)
}

/// What a word [`normalise`] kept with its capitals offers after its own token: nothing,
/// the singular of an abbreviation's plural (the first bytes of the lower-case word), or
/// the article *a* after the DNS letter *A*. A copy type, so the tokenizer's loop over
/// words carries no string of its own for the rare word that has one.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Offer {
    Nothing,
    Singular(usize),
    Article,
}

/// Where `text` says Python's `None` rather than the English *none*: `None` with its
/// capital ("use None as the default", "is None", `items=None`), except in "None of";
/// and `none` in code (after a backtick or `=`). There it is a word, not a negation
/// cue: "None as the default" does not negate *default*. The byte offsets, in order.
fn none_literals(text: &str) -> Vec<usize> {
    let mut out = Vec::new();
    // Each of the three has "one": most texts are passed over by one search, not three.
    if !text.contains("one")
        || !(text.contains(NONE) || text.contains("`none") || text.contains("=none"))
    {
        return out;
    }
    let bytes = text.as_bytes();
    let wordy = |b: u8| b.is_ascii_alphanumeric() || b == b'_' || !b.is_ascii();
    for (j, _) in text.match_indices("one") {
        let Some(at) = j.checked_sub(1) else {
            continue;
        };
        let end = at + NONE.len();
        let before = at.checked_sub(1).map(|i| bytes[i]);
        // A piece of a hyphenated name (`If-None-Match`) is no Python: see `push_words`.
        let joined = |b: u8| wordy(b) || b == b'-';
        if !matches!(bytes[at], b'N' | b'n')
            || before.is_some_and(joined)
            || bytes.get(end).copied().is_some_and(joined)
        {
            continue;
        }
        let in_code = matches!(before, Some(b'`' | b'='));
        let of = {
            let rest = text[end..].trim_start();
            rest.len() < text.len() - end
                && rest.get(..2).is_some_and(|w| w.eq_ignore_ascii_case("of"))
                && !rest.as_bytes().get(2).copied().is_some_and(wordy)
        };
        if in_code || (bytes[at] == b'N' && !of) {
            out.push(at);
        }
    }
    out
}

/// [`normalise`] without its care for `None`.
fn fold(text: &str) -> String {
    let ascii = text.is_ascii();
    let folded = if ascii {
        text.to_ascii_lowercase()
    } else if is_nfkc_quick(text.chars()) == IsNormalized::Yes {
        text.to_lowercase()
    } else {
        text.nfkc().collect::<String>().to_lowercase()
    };
    // (ASCII text has no typographic apostrophes.)
    let folded = if !ascii && folded.contains(['\u{2019}', '\u{2018}']) {
        folded.replace(['\u{2019}', '\u{2018}'], "'")
    } else {
        folded
    };
    // Typographic double quotes are quotes: “--rm” is `--rm`, as "--rm" is.
    let folded = if !ascii && folded.contains(['\u{201c}', '\u{201d}', '\u{201e}']) {
        folded.replace(['\u{201c}', '\u{201d}', '\u{201e}'], "\"")
    } else {
        folded
    };
    let folded = if !ascii && folded.contains(['\u{2013}', '\u{2014}']) {
        dashed_flags(&folded).unwrap_or(folded)
    } else {
        folded
    };
    // One pass over the bytes first: most texts have no apostrophe left at all, and no
    // comparison sign (the apostrophes' rewriting below adds none).
    let (apostrophe, sign) = marks(folded.as_bytes());
    let folded = if apostrophe {
        let folded = if folded.contains("n't") {
            folded
                .replace("can't", "can not")
                .replace("won't", "will not")
                .replace("n't", " not")
        } else {
            folded
        };
        if folded.contains("'nt") {
            misplaced_apostrophes(folded)
        } else {
            folded
        }
    } else {
        folded
    };
    if sign {
        spell_comparisons(folded)
    } else {
        folded
    }
}

/// Whether `bytes` hold an apostrophe, and whether they hold a byte of a comparison
/// sign of [`spell_comparisons`]: every sign has an `=` or is `≤` or `≥`, both of whose
/// UTF-8 forms hold the byte 0x89. One pass without branches (the compiler runs it over
/// many bytes at once), where searching for each byte, or each sign, took a pass each.
/// (Out of line: inlined into [`fold`], the compiler left the loop byte by byte.)
#[inline(never)]
fn marks(bytes: &[u8]) -> (bool, bool) {
    let found = bytes.iter().fold(0u8, |found, &b| {
        found | u8::from(b == b'\'') | u8::from((b == b'=') | (b == 0x89)) << 1
    });
    (found & 1 != 0, found & 2 != 0)
}

/// A contraction with its apostrophe a letter late ("did'nt", "is'nt", "does'nt",
/// "ca'nt"), spelt as its auxiliary and *not*, as "didn't" is. Only the auxiliaries
/// that take an *n't* are read so, and only when the *nt* ends the word: a quote that
/// opens before a word in *nt* ("'ntp'") is left alone.
fn misplaced_apostrophes(text: String) -> String {
    const AUXILIARIES: [&str; 17] = [
        "do", "does", "did", "is", "are", "was", "were", "has", "have", "had", "could", "should",
        "would", "must", "need", "ca", "wo",
    ];
    let bytes = text.as_bytes();
    let letter = |b: u8| b.is_ascii_alphanumeric() || !b.is_ascii();
    let mut out = String::with_capacity(text.len() + 8);
    let mut from = 0;
    for (at, _) in text.match_indices("'nt") {
        if bytes.get(at + 3).copied().is_some_and(letter) {
            continue;
        }
        // After the last character that is no ASCII letter, whatever its width.
        let start = text[..at]
            .char_indices()
            .rfind(|&(_, c)| !c.is_ascii_alphabetic())
            .map_or(0, |(i, c)| i + c.len_utf8());
        let auxiliary = &text[start..at];
        if !AUXILIARIES.contains(&auxiliary) {
            continue;
        }
        out.push_str(&text[from..start]);
        out.push_str(match auxiliary {
            "ca" => "can",
            "wo" => "will",
            other => other,
        });
        out.push_str(" not");
        from = at + 3;
    }
    if from == 0 {
        return text;
    }
    out.push_str(&text[from..]);
    out
}

/// A long flag whose `--` a word processor turned into a dash, `–rm`, `—network` or
/// `-–rm` (an en or em dash that opens a word, with a letter or digit right after it),
/// written back as `--rm`: `None` when there is none. A dash between words or numbers
/// ("A – B", "a—b", "1–5") is punctuation and stays.
fn dashed_flags(text: &str) -> Option<String> {
    let mut out = String::with_capacity(text.len() + 4);
    let mut changed = false;
    let mut chars = text.chars().peekable();
    // The two characters before this one.
    let (mut before, mut last) = (None::<char>, None::<char>);
    while let Some(c) = chars.next() {
        let opens = |c: Option<char>| c.is_none_or(|c| c.is_whitespace() || is_opener(c));
        if matches!(c, '\u{2013}' | '\u{2014}')
            && chars.peek().is_some_and(char::is_ascii_alphanumeric)
            && (opens(last) || (last == Some('-') && opens(before)))
        {
            out.push_str(if last == Some('-') { "-" } else { "--" });
            changed = true;
        } else {
            out.push(c);
        }
        (before, last) = (last, Some(c));
    }
    changed.then_some(out)
}

/// The comparison signs written between words, with a space either side ("if A's
/// vector is <= B's everywhere", "p ≥ 0.5"), spelt out as the words a model answer
/// uses for them ("less than or equal to"): a sign is no word, and a condition that
/// drops it says something else. A sign without spaces is code or a version bound
/// (`x<=y`, `<=1.4`), and one inside backticks is code: both stay as written.
fn spell_comparisons(text: String) -> String {
    const SIGNS: [(&str, &str); 4] = [
        (" <= ", " less than or equal to"),
        (" >= ", " greater than or equal to"),
        (" \u{2264} ", " less than or equal to"),
        (" \u{2265} ", " greater than or equal to"),
    ];
    if !SIGNS.iter().any(|(sign, _)| text.contains(sign)) {
        return text;
    }
    let mut out = String::with_capacity(text.len() + 24);
    let mut in_code = false;
    let mut rest = text.as_str();
    while let Some(c) = rest.chars().next() {
        let sign = (!in_code)
            .then(|| SIGNS.iter().find(|(sign, _)| rest.starts_with(sign)))
            .flatten();
        if let Some((sign, words)) = sign {
            out.push_str(words);
            // The closing space may open the next sign.
            rest = &rest[sign.len() - 1..];
            continue;
        }
        in_code ^= c == '`';
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// The contractions typed without their apostrophe, and the auxiliary each spells out
/// before its *not*: "doesnt" is *does not*, as "doesn't" is, so every rule that reads
/// an auxiliary and its *not* reads them too. *cant* and *wont* are *can not* and *will
/// not* as "can't" and "won't" are, except as the nouns they also are, after a
/// determiner ("the cant of a roof", "as was his wont": see [`noun_after`]).
const BARE_CONTRACTIONS: &[(&str, &str)] = &[
    ("cant", "can"),
    ("wont", "will"),
    ("dont", "do"),
    ("doesnt", "does"),
    ("didnt", "did"),
    ("isnt", "is"),
    ("arent", "are"),
    ("wasnt", "was"),
    ("werent", "were"),
    ("hasnt", "has"),
    ("havent", "have"),
    ("hadnt", "had"),
    ("shouldnt", "should"),
    ("couldnt", "could"),
    ("wouldnt", "would"),
    ("mustnt", "must"),
    ("neednt", "need"),
];

/// The negation cue that `word`, a plain word, is typed with a slip, as fast or
/// non-native typing has them: *never* with a letter dropped or two swapped ("nevr",
/// "nver", "neevr", "nevre"), an auxiliary glued to its *not* ("doesnot", "isnot",
/// "donot"), its contraction with its letters swapped or dropped ("doenst", "deosnt",
/// "dosnt", "dident"), and *cannot* with an *n* too few or too many ("canot", "cannt").
/// None of these is an English word, so reading them as the cue they slip from cannot
/// turn a claim round; the slips that make a word (*ever*, *newer*, *cannon*, *note*,
/// *nit*) are not listed and stay what they are. The glued and contracted forms give the
/// contraction without its apostrophe, which [`BARE_CONTRACTIONS`] then spells out as
/// its auxiliary and *not*. Only a plain word of 4 to 9 letters is looked up.
fn slipped_cue(word: &str) -> Option<&'static str> {
    let bytes = word.as_bytes();
    // Every slip listed ends in *t*, but those of *never* (`nevr`, `nevre`): one look at
    // the two ends turns away nearly every word before the list is read.
    if !(4..=9).contains(&bytes.len()) {
        return None;
    }
    match (bytes[0], bytes[bytes.len() - 1]) {
        (b'a' | b'c' | b'd' | b'h' | b'i' | b'm' | b'n' | b's' | b'w', b't')
        | (b'n', b'r' | b'e') => {}
        _ => return None,
    }
    Some(match word {
        "nevr" | "nver" | "neevr" | "nevre" => "never",
        "canot" | "cannt" => "cannot",
        "doesnot" | "doenst" | "deosnt" | "dosnt" | "dosent" | "doesent" => "doesnt",
        "donot" => "dont",
        "didnot" | "dident" | "didint" => "didnt",
        "isnot" | "isint" => "isnt",
        "arenot" | "arnt" => "arent",
        "wasnot" | "wasent" => "wasnt",
        "werenot" => "werent",
        "hasnot" => "hasnt",
        "havenot" | "havnt" => "havent",
        "hadnot" => "hadnt",
        "shouldnot" => "shouldnt",
        "couldnot" => "couldnt",
        "wouldnot" => "wouldnt",
        "mustnot" => "mustnt",
        "neednot" => "neednt",
        "willnot" => "wont",
        _ => return None,
    })
}

/// The auxiliary that `word`, a plain word, spells out before a *not* when it is a
/// contraction typed without its apostrophe (see [`BARE_CONTRACTIONS`]).
fn bare_contraction(word: &str) -> Option<&'static str> {
    if word.len() < 4 || !word.ends_with("nt") {
        return None;
    }
    BARE_CONTRACTIONS
        .iter()
        .find(|(w, _)| *w == word)
        .map(|&(_, aux)| aux)
}

/// Whether the word about to follow `tokens` in `place` comes right after a determiner
/// or a possessive ("the cant", "his wont"), so is a noun: *cant* and *wont* there are
/// no contractions.
fn noun_after(tokens: &[Token], place: Place) -> bool {
    tokens.last().is_some_and(|t| {
        t.place.clause == place.clause
            && matches!(
                &*t.norm,
                "the" | "a" | "an" | "his" | "her" | "their" | "my" | "your" | "our" | "this"
            )
    })
}

fn is_opener(c: char) -> bool {
    matches!(c, '(' | '[' | '{' | '"' | '\'' | '`' | '<' | '*' | '_')
}

fn is_closer(c: char) -> bool {
    matches!(c, ')' | ']' | '}' | '"' | '\'' | '`' | '>' | '*' | '_')
}

/// Whether a *yet* is the adverb of "not yet" rather than the conjunction that opens a
/// clause ("not full, yet writes fail"): it comes right after a negation cue ("has not
/// yet replayed it"), or ends its clause: punctuation or the line's end after it, or a
/// word that opens a clause of its own or a time ("hasn't applied the write yet, so
/// ...", "isn't built yet when the query arrives"). There it stays in the clause of
/// the negation before it.
fn adverb_yet(tokens: &[Token], place: Place, stop: Stop, next: Option<&str>) -> bool {
    if stop != Stop::None
        || tokens
            .last()
            .is_some_and(|t| t.place == place && t.negation)
    {
        return true;
    }
    let Some(next) = next else {
        return true;
    };
    let word = next.trim_end_matches(|c: char| !c.is_alphanumeric());
    starts_clause(word)
        || opens_condition(word)
        || matches!(
            word,
            "and" | "or" | "until" | "till" | "after" | "before" | "at" | "on" | "in" | "by"
        )
}

/// Whether the `:` that ends `chunk` (after more words than a label has, or after a short
/// denial) joins a key to its value rather than ending a clause: "serve them with Cache-Control:
/// max-age=31536000, immutable", "waits through condition: service_healthy.", "never
/// use restart: always." The key is one word glued to the `:`, no negation cue and no
/// pronoun ("two ends on them: eth0 ..."); the next chunk is one value with no sentence
/// after it: a token of code (`max-age=31536000`, `service_healthy`,
/// `application/json`) that ends its clause or line or is followed by *and*, *or* or a
/// word that opens a clause ("condition: service_healthy so ..."), or a plain word that
/// ends its sentence or line. A colon before a list ("three kinds of mount: volumes,
/// bind mounts") or an explanation ("simple: Compose waits", "a second problem:
/// depends_on in its short form waits ...", "not enough: max-age=60 still lets ...")
/// still ends the clause.
fn joins_value(chunk: &str, tokens: &[Token], chunks: &Chunks) -> bool {
    let Some(key) = chunk.strip_suffix(':') else {
        return false;
    };
    if !key.ends_with(|c: char| c.is_alphanumeric())
        || tokens
            .last()
            .is_none_or(|t| t.negation || t.word.kinds & REFERS_BACK != 0)
    {
        return false;
    }
    if denied_verb_before_colon(tokens) {
        return false;
    }
    let mut rest = chunks.clone();
    let Some((value, ..)) = rest.next() else {
        return false;
    };
    let (core, stop) = trim_chunk(value);
    if !core.starts_with(|c: char| c.is_alphanumeric()) {
        return false;
    }
    let code = !core.bytes().all(|b| b.is_ascii_alphabetic());
    let after = rest.next().map(|(next, ..)| next);
    if !code {
        return stop == Stop::Sentence || (stop == Stop::None && after.is_none());
    }
    if stop != Stop::None {
        return true;
    }
    let Some(next) = after else {
        return true;
    };
    let word = next.trim_end_matches(|c: char| !c.is_alphanumeric());
    starts_clause(word) || opens_condition(word) || matches!(word, "and" | "or")
}

/// Whether the last word of `tokens`, before a `:`, is a verb a negation denies right
/// before it ("it does not generalise: overfitting", "it fails to converge: divergence"):
/// no key of a setting but a clause's end, and what the `:` brings is the name of what
/// the clause said, outside its denial.
fn denied_verb_before_colon(tokens: &[Token]) -> bool {
    let mut words = tokens.iter().rev().filter(|t| !t.part).skip(1);
    match words.next() {
        Some(t) if t.negation => true,
        Some(t) if &*t.norm == "to" => words.next().is_some_and(|t| {
            matches!(&*t.norm, "fail" | "fails" | "failed" | "failing" | "unable")
        }),
        _ => false,
    }
}

fn is_clause_end(c: char) -> bool {
    matches!(c, '.' | ',' | ';' | ':' | '!' | '?')
}

/// The punctuation that ended a chunk, strongest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Stop {
    None,
    /// `:` ends a clause but links it to the next one.
    Colon,
    /// `,`
    Comma,
    /// `.` `;` `!` `?`
    Sentence,
}

impl Stop {
    fn of(c: char) -> Stop {
        match c {
            ':' => Stop::Colon,
            ',' => Stop::Comma,
            _ => Stop::Sentence,
        }
    }
}

/// The stop a chunk of punctuation alone ends with when it stands for code, not
/// punctuation: a bind placeholder `?` after an operator, a comma, an opening bracket or
/// a word that takes a value (`= ?`, `(?, ?)`, `LIMIT ?`) ends what its other marks say (`?,` a comma, `?).` a sentence),
/// and a lone `...` (or `…`) elides code (`SELECT ... FOR UPDATE`, `docker run ... --rm`)
/// and ends nothing; an ellipsis glued to its word ("it waited... then") still ends
/// its sentence. `None` when the chunk is punctuation after all: a `?` after a word
/// asks a question however it is spaced ("is it kept ?").
fn code_filler_stop(chunk: &str, before: Option<&str>) -> Option<Stop> {
    if matches!(chunk, "..." | "\u{2026}") {
        return Some(Stop::None);
    }
    let rest = chunk.trim_start_matches(is_opener).strip_prefix('?')?;
    // After an operator, a comma, an opening bracket or a word that takes a value
    // (`IN (?, ?)`, `LIMIT ?`; the text is in lower case by then).
    let after_operator = chunk.starts_with('(')
        || before.is_some_and(|b| {
            b.ends_with(['=', '<', '>', ',', '('])
                || matches!(b, "in" | "values" | "like" | "limit" | "offset" | "between")
        });
    (after_operator && !rest.contains('?')).then(|| {
        rest.chars()
            .filter(|&c| is_clause_end(c))
            .map(Stop::of)
            .max()
            .unwrap_or(Stop::None)
    })
}

/// The most words a label before a `:` may have ("bind mount: any host path you
/// choose"); a longer text before a `:` is a clause of its own, and the `:` separates
/// like a comma.
const MAX_LABEL: usize = 3;

/// Whether the sentence `sentence`, which ends in `tokens`, is a short choice: a verb of
/// choosing in the imperative and what it chooses ("Use exec form", "Prefer merge", "Pick
/// a tuple", "Avoid host mode"). Before a `:` it is no label: what follows is the reason
/// for the choice, a sentence of its own that is often said of the alternative ("Use
/// exec form: with shell form, sh is PID 1"), so it is not linked to the choice, not even
/// by a relation `within = "sentence"`; its own clauses stay linked, commas and all, as
/// after a label.
fn chooses(tokens: &[Token], sentence: u32) -> bool {
    let mut words = tokens
        .iter()
        .rev()
        .take_while(|t| t.place.sentence == sentence)
        .filter(|t| !t.part);
    let Some(first) = words.clone().last() else {
        return false;
    };
    words.nth(1).is_some()
        && matches!(
            &*first.norm,
            "use" | "prefer" | "pick" | "choose" | "avoid" | "favour" | "favor"
        )
}

/// Splits `text` into tokens (see the module documentation).
pub fn tokenize(text: &str, stemmer: &Stemmer, parts: Parts) -> Vec<Token> {
    let mut tokens = Vec::new();
    tokenize_into(text, stemmer, parts, &mut tokens);
    tokens
}

/// [`tokenize`] into `tokens` (emptied first), which a caller may reuse.
pub fn tokenize_into(text: &str, stemmer: &Stemmer, parts: Parts, tokens: &mut Vec<Token>) {
    let text = normalise(text);
    tokens.clear();
    tokens.reserve(text.len() / 5 + 1);
    let mut place = Place::default();
    let mut after_comma = false;
    // Where the last word opening a condition ("if", "when") stood.
    let mut condition: Option<Place> = None;
    // Words since the sentence began.
    let mut sentence_words = 0;
    // How the sentence before this one ended.
    let mut last_break = Break::Line;
    // The lower-case form of a word `normalise` kept with its capitals ("CAs").
    let mut lowered = String::new();
    for line in text.lines() {
        let before = tokens.len();
        let mut chunks = Chunks::of(line);
        // The last chunk was a lone `.` that is an argument (`COPY . .`), not a full stop.
        let mut dot_argument = false;
        // Within brackets: whether a negation cue is in them ("(not a volume)").
        let mut bracket: Option<bool> = None;
        // Brackets with a cue closed without punctuation: the next word opens a clause.
        let mut reopen = false;
        // The chunk before this one in the line.
        let mut last_chunk: Option<&str> = None;
        // A long flag or a setting's key waiting for its value (see [`takes_value`]),
        // and whether the value comes next (after a flag, or after a key's lone `=`).
        let mut value_of: Option<(String, bool)> = None;
        // The last quantity of the line (see [`compared`]).
        let mut quantity: Option<compared::Quantity> = None;
        while let Some((chunk, alnum, digit)) = chunks.next() {
            let before_chunk = last_chunk.replace(chunk);
            if reopen {
                place.clause += 1;
                reopen = false;
            }
            // A chunk of letters and digits only has nothing to trim.
            let (core, mut stop) = if alnum {
                (chunk, Stop::None)
            } else {
                trim_chunk(chunk)
            };
            // "CAs", kept with its capitals by `normalise`: read in lower case, and its
            // singular offered after it (below).
            let written = core;
            let mut offer = Offer::Nothing;
            let core = if written
                .as_bytes()
                .first()
                .is_some_and(u8::is_ascii_uppercase)
            {
                if let Some(run) = abbreviation_singular(written) {
                    lowered.clear();
                    lowered.push_str(written);
                    lowered.make_ascii_lowercase();
                    offer = Offer::Singular(run);
                    lowered.as_str()
                } else {
                    // "an A record": the letter, and the *a* it is read as on a
                    // question whose texts do not write it (a part after it).
                    if written == RECORD_LETTER {
                        offer = Offer::Article;
                    }
                    written
                }
            } else {
                written
            };
            if stop == Stop::Sentence && latin_abbreviation(core) {
                // "e.g. 1024", "i.e. the queue": the dot ends the abbreviation, not
                // the sentence; what follows is a clause of its own.
                stop = Stop::Comma;
            }
            if chunk == "." {
                // `COPY . .`, `COPY . /app`: the current folder, not a full stop.
                dot_argument = dot_argument || chunks.peek().is_some_and(is_dot_argument);
                if dot_argument {
                    stop = Stop::None;
                }
            } else {
                dot_argument = false;
            }
            if stop == Stop::Sentence && core.is_empty() && !alnum {
                // `WHERE id = ? AND version = ?`, `VALUES (?, ?)`: a bind placeholder;
                // `SELECT ... FOR UPDATE`: elided code. Neither ends a sentence.
                stop = code_filler_stop(chunk, before_chunk).unwrap_or(stop);
            }
            if !alnum && chunk.starts_with('(') {
                // "a tmpfs mount (not a volume) keeps it in RAM": a cue that opens the
                // brackets governs what they hold, a clause of its own in the same
                // segment.
                let cue = opens_with_cue(core);
                if cue
                    && tokens
                        .last()
                        .is_some_and(|t: &Token| t.place.clause == place.clause)
                {
                    place.clause += 1;
                }
                bracket = Some(cue);
            }
            let chunk_start = tokens.len();
            // Most chunks are a plain word: no code, one word.
            let plain = alnum || core.bytes().all(|b| b.is_ascii_alphanumeric());
            if core.is_empty() && !alnum {
                // `>>> 1`, `x << 3`, `>> file`: a shift or append operator is code, so
                // `>> 1` is not `>>> 1` (its brackets' `<`s and `>`s trimmed, it was
                // nothing, and `>>> 1` the bare number 1).
                let operator = chunk.trim_end_matches(is_clause_end);
                if matches!(operator, "<<" | ">>" | ">>>") {
                    tokens.push(Token::new(operator, Class::Code, false, place, stemmer));
                }
            } else if !core.is_empty() {
                if digit_first(core) && push_number_with_unit(core, place, false, stemmer, tokens) {
                    // `2s`, `100ms`: a number and its unit of time.
                } else if !plain && is_grouped_number(core) {
                    // `10,000`: one number, the same as `10000`, not `10` and `000`.
                    let number = core.replace(',', "");
                    tokens.push(Token::new(&number, Class::Exact, false, place, stemmer));
                } else if !plain && is_signed_number(core) {
                    // `-1000`, `+1000`: a number with its sign, which matters.
                    tokens.push(Token::new(core, Class::Exact, false, place, stemmer));
                } else if !plain && (is_bare_decimal(core) || is_code(core)) {
                    // `.5`: the number `0.5`, read as `0.5` is.
                    let decimal;
                    let core = if is_bare_decimal(core) {
                        decimal = format!("0{core}");
                        decimal.as_str()
                    } else {
                        core
                    };
                    match parts {
                        Parts::Emit => push_code(core, place, stemmer, tokens),
                        Parts::Skip => {
                            tokens.push(Token::new(core, Class::Code, false, place, stemmer));
                        }
                    }
                } else {
                    // A plain word is one token, learnt first: what it does in the
                    // sentence is known of it.
                    let (first, plain_word) = if plain {
                        let digit = if alnum {
                            digit
                        } else {
                            core.bytes().any(|b| b.is_ascii_digit())
                        };
                        let (class, word) = if digit {
                            digit_word(core)
                        } else {
                            (Class::Word, core)
                        };
                        // "2 s", "30 sec": a unit of time after its number.
                        // (The cheap test first: only a short word right after a
                        // number or code may be a unit.)
                        let unit = (!digit
                            && word.len() <= 5
                            && tokens.last().is_some_and(|t| t.class != Class::Word))
                        .then(|| unit_after_number(word, tokens, place, stemmer))
                        .flatten();
                        // The *not* of "304 Not Modified" is one of a name.
                        let (lexeme, name) = match (unit, word) {
                            (Some(unit), _) => (unit, false),
                            (None, "then") if rather_then(tokens, place) => {
                                (known("than", class, stemmer), false)
                            }
                            (None, "not") if in_status_reason(tokens, place, chunks.peek()) => {
                                (reason_not(stemmer), true)
                            }
                            (None, "nobody" | "none")
                                if names_a_thing(word, tokens, chunks.peek()) =>
                            {
                                (named_cue(word, stemmer), true)
                            }
                            _ => (known(word, class, stemmer), false),
                        };
                        (Some(core), Some((lexeme, class, name)))
                    } else {
                        (core.split(|c: char| !c.is_alphanumeric()).next(), None)
                    };
                    let kinds = match (&plain_word, first) {
                        (Some((word, ..)), _) => word.kinds,
                        // A hyphenated name (`If-None-Match`) opens no condition.
                        (None, Some(first)) if core.as_bytes().get(first.len()) != Some(&b'-') => {
                            kinds_of(first)
                        }
                        (None, _) => 0,
                    };
                    let opens = if kinds & THEN != 0 {
                        then_opens(condition, place)
                    } else if kinds & REFERS_BACK != 0 && matches!(core, "its" | "it's") {
                        // "doesnt enforce anything its the browser that blocks it"
                        it_is_opens(tokens, place, chunks.peek())
                    } else {
                        // "Not because X, but because Y" denies the reason X: a *not*
                        // right before *because* keeps it in its clause.
                        kinds & STARTS_CLAUSE != 0
                            && !(core == "because"
                                && tokens.last().is_some_and(|t: &Token| &*t.norm == "not"))
                            && !(core == "yet" && adverb_yet(tokens, place, stop, chunks.peek()))
                    };
                    if opens && tokens.last().is_some_and(|t: &Token| t.place == place) {
                        // "... while cgroups limit": a new clause of the same sentence.
                        place.clause += 1;
                        place.segment += 1;
                    }
                    if place.labelled && after_comma && kinds & AND_OR != 0 {
                        // "depends_on condition: service_healthy, and Kubernetes ...":
                        // the label's list ended at the comma.
                        place.segment += 1;
                        place.labelled = false;
                    } else if place.labelled
                        && after_comma
                        && plain
                        && next_label(stop, before_chunk, chunks.peek())
                    {
                        // "pid: processes, net: interfaces", "Seven: pid (process IDs),
                        // net (networking)": the next label of a list ends the reach of
                        // the one before.
                        place.segment += 1;
                    }
                    if kinds & OPENS_CONDITION != 0 {
                        condition = Some(place);
                    }
                    if kinds & REFERS_BACK != 0 {
                        // The pronoun ends its clause, at most a particle after it ("it,",
                        // "them out.").
                        let ends = stop != Stop::None || chunks.peek().is_some_and(particle_ends);
                        let pronoun = first.unwrap_or("");
                        carry_subject(tokens, &mut place, last_break, pronoun, ends);
                    }
                    if after_comma
                        && plain
                        && participle_goes_on(core, tokens, place, chunks.peek())
                    {
                        // "only the leader does, replicating the entry": the clause before
                        // is what replicates.
                        place.segment -= 1;
                    }
                    // "0.6 s left": what remains (checked before the *left* is pushed).
                    let remaining = parts == Parts::Emit
                        && core == "left"
                        && left_after_quantity(tokens, place);
                    match plain_word {
                        Some((ref lexeme, class, _))
                            if let Some(aux) = bare_contraction(&lexeme.norm)
                                && !(matches!(core, "cant" | "wont")
                                    && noun_after(tokens, place)) =>
                        {
                            // "doesnt" is *does not*, as "doesn't" is.
                            tokens.push(Token::new(aux, class, false, place, stemmer));
                            tokens.push(Token::new("not", class, false, place, stemmer));
                        }
                        Some((word, class, name)) => tokens.push(Token {
                            glued: name,
                            word,
                            class,
                            part: false,
                            place,
                        }),
                        None => push_words(core, place, false, stemmer, tokens),
                    }
                    if remaining {
                        tokens.push(Token::new("remaining", Class::Word, true, place, stemmer));
                    }
                    if parts == Parts::Emit
                        && plain
                        && let Some(number) = short_version(core)
                    {
                        // "ship v2": the version 2.
                        tokens.push(Token::new("version", Class::Word, true, place, stemmer));
                        tokens.push(Token::new(number, Class::Exact, true, place, stemmer));
                    }
                    if parts == Parts::Emit && plain {
                        push_privative(core, place, stemmer, tokens);
                    }
                    if parts == Parts::Emit && !plain {
                        push_unhyphenated(core, place, stemmer, tokens);
                        if quoted_expansion(chunk, core) {
                            // `rm "$file"`: the expansion written in double quotes says
                            // it is double-quoted.
                            for word in ["double", "quoted"] {
                                tokens.push(Token::new(word, Class::Word, true, place, stemmer));
                            }
                        }
                    }
                }
            }
            if parts == Parts::Emit {
                // `--memory 512m` is `--memory=512m`, `max_connections = 100` is
                // `max_connections=100`: the key and its value, written apart.
                match value_of.take() {
                    Some((key, true)) if is_value(&key, core) => {
                        let joined = format!("{key}={core}");
                        tokens.push(Token::new(&joined, Class::Code, true, place, stemmer));
                    }
                    Some((key, false)) if chunk == "=" => value_of = Some((key, true)),
                    _ => {}
                }
                if value_of.is_none() && !alnum && stop == Stop::None && takes_value(core) {
                    value_of = Some((core.to_owned(), core.starts_with("--")));
                }
            }
            if parts == Parts::Emit && !alnum && core.ends_with('%') {
                // "15%", "15 %": also the word *percent* after the number.
                push_percent(core, tokens, chunk_start, place, stemmer);
            }
            if parts == Parts::Emit && tokens.len() > chunk_start && digit_first(core) {
                // "7 to 14", "7-14": a range, also written the other way.
                push_range(core, tokens, chunk_start, chunks.peek(), place, stemmer);
                // "100 m/s against 1-2 m/s": also *more*, *higher*, *faster*.
                let read = compared::read(core, chunks.peek(), place);
                if let (Some(first), Some(second)) = (&quantity, &read) {
                    compared::push_offers(first, second, tokens, chunk_start, stemmer);
                }
                quantity = read.map(|q| q.ending_at(tokens.len()));
            }
            if parts == Parts::Emit && tokens.len() > chunk_start {
                // Tests of flags learnt once per word; the rest out of line.
                if tokens[chunk_start].counted {
                    // `10k`: also `10000`; "half a second": also `0.5`.
                    push_counted(core, tokens, chunks.peek(), place, stemmer);
                }
                if offer != Offer::Nothing {
                    // "the CAs": also `ca`, as "the APIs" is also `api`; "an A
                    // record": also `a`.
                    let one = match offer {
                        Offer::Singular(run) => &core[..run],
                        _ => "a",
                    };
                    let class = tokens[chunk_start].class;
                    tokens.push(Token::new(one, class, true, place, stemmer));
                }
                if tokens.last().is_some_and(|t| !t.part && t.number_word) {
                    // "ten thousand": also `10000`.
                    push_said_number(tokens, chunks.peek(), stop, place, stemmer);
                }
            }
            sentence_words += usize::from(!core.is_empty());
            after_comma = stop == Stop::Comma;
            if let Some(cue) = bracket {
                let cue = cue || tokens[chunk_start..].iter().any(|t| t.negation);
                bracket = Some(cue);
                if chunk.contains(')') {
                    // A cue in the brackets reaches no further than they do: the clause
                    // they interrupted goes on as a new one.
                    bracket = None;
                    reopen = cue && stop == Stop::None;
                }
            }
            // "It does not: over --cpus it is throttled": a short denial of what was said
            // before, no label.
            let denial = stop == Stop::Colon
                && sentence_words <= MAX_LABEL
                && tokens
                    .iter()
                    .rev()
                    .take_while(|t| t.place.sentence == place.sentence)
                    .any(|t| t.negation);
            // "Use exec form: with shell form, sh is PID 1": a choice, not a label.
            let choice = stop == Stop::Colon
                && !denial
                && sentence_words <= MAX_LABEL
                && chooses(tokens, place.sentence);
            if (denial || choice || (stop == Stop::Colon && sentence_words > MAX_LABEL))
                && joins_value(chunk, tokens, &chunks)
            {
                // "serve them with Cache-Control: max-age=31536000", "never set
                // Cache-Control: public.": a key and its value, one clause as `key=value`
                // would be.
            } else if denial {
                // What follows the denial is a claim of its own, as after a full stop.
                place.next(Stop::Sentence);
                place.after_colon = true;
            } else if choice {
                // "Use tmpfs: with a volume, the key is written to disk": the choice is a
                // sentence of its own ("Use --mount: -v silently creates a missing
                // folder" says nothing of --mount creating one); what follows is linked,
                // commas and all, as after a label.
                place.next(Stop::Sentence);
                place.labelled = true;
            } else if stop == Stop::Colon && sentence_words > MAX_LABEL {
                // "The engine only records the status: Swarm ...": a clause, not a label
                // (a pronoun after it carries its subject: see `carry_subject`).
                place.next(Stop::Comma);
            } else {
                place.next(stop);
            }
            if stop == Stop::Sentence {
                sentence_words = 0;
                last_break = Break::after(chunk, written);
                place.after_semicolon = last_break == Break::Semicolon;
                place.after_question = punctuation_after(chunk, written).contains('?');
            }
        }
        // A line break ends a sentence (a list typed one item per line), punctuated or not.
        if tokens.len() > before && tokens.last().is_some_and(|t| t.place == place) {
            place.next(Stop::Sentence);
            last_break = Break::Line;
        }
        sentence_words = 0;
    }
}

/// The chunks of a line between whitespace, as [`str::split_whitespace`] gives them,
/// each with whether it is all ASCII letters and digits (a plain word, with nothing to
/// trim; `false` when not known) and then whether it has a digit. A line of ASCII, most
/// lines, is split byte by byte (a table lookup each), several times faster than char
/// by char.
#[derive(Clone)]
struct Chunks<'a> {
    line: &'a str,
    /// Where the next chunk is looked for.
    at: usize,
    /// The chunks of a line that is not ASCII.
    unicode: Option<std::str::SplitWhitespace<'a>>,
}

impl<'a> Chunks<'a> {
    fn of(line: &'a str) -> Chunks<'a> {
        Chunks {
            line,
            at: 0,
            unicode: (!line.is_ascii()).then(|| line.split_whitespace()),
        }
    }

    /// The next chunk, without moving past it.
    fn peek(&self) -> Option<&'a str> {
        match &self.unicode {
            Some(chunks) => chunks.clone().next(),
            None => self.line[self.at..].split_ascii_whitespace().next(),
        }
    }
}

impl<'a> Iterator for Chunks<'a> {
    /// The chunk, whether it is a plain word, and whether it has a digit.
    type Item = (&'a str, bool, bool);

    fn next(&mut self) -> Option<(&'a str, bool, bool)> {
        if let Some(chunks) = &mut self.unicode {
            return chunks.next().map(|chunk| (chunk, false, false));
        }
        let class = |b: u8| BYTE_CLASS[usize::from(b)];
        let bytes = self.line.as_bytes();
        let mut i = self.at;
        while i < bytes.len() && class(bytes[i]) & SPACE != 0 {
            i += 1;
        }
        if i == bytes.len() {
            self.at = i;
            return None;
        }
        let start = i;
        let (mut all, mut any) = (ALNUM, 0);
        while i < bytes.len() {
            let c = class(bytes[i]);
            if c & SPACE != 0 {
                break;
            }
            all &= c;
            any |= c;
            i += 1;
        }
        self.at = i;
        Some((&self.line[start..i], all != 0, any & DIGIT != 0))
    }
}

/// What [`Chunks`] asks of a byte, as bits of [`BYTE_CLASS`]: whitespace to
/// `char::is_whitespace` (the vertical tab too, which `u8::is_ascii_whitespace` leaves
/// out), an ASCII letter or digit, an ASCII digit.
const SPACE: u8 = 1;
const ALNUM: u8 = 2;
const DIGIT: u8 = 4;

/// The [`SPACE`], [`ALNUM`] and [`DIGIT`] bits of each byte.
static BYTE_CLASS: [u8; 256] = byte_classes();

const fn byte_classes() -> [u8; 256] {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        table[b] = if matches!(c, b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r') {
            SPACE
        } else if c.is_ascii_digit() {
            ALNUM | DIGIT
        } else if c.is_ascii_alphabetic() {
            ALNUM
        } else {
            0
        };
        b += 1;
    }
    table
}

/// How a sentence ended, which decides whether a pronoun opening the next one may
/// carry its subject over (see [`carry_subject`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Break {
    /// At a line break (an item of a list typed one per line).
    Line,
    /// At a `.`, `!` or `?`.
    Full,
    /// At a `;`, which joins two clauses of one thought.
    Semicolon,
}

impl Break {
    /// How the sentence ended at the punctuation after `core` in `chunk`.
    fn after(chunk: &str, core: &str) -> Break {
        let tail = punctuation_after(chunk, core);
        if tail.contains(';') && !tail.contains(['.', '!', '?']) {
            Break::Semicolon
        } else {
            Break::Full
        }
    }
}

/// The punctuation after `core` in `chunk`.
fn punctuation_after<'c>(chunk: &'c str, core: &str) -> &'c str {
    let end = core.as_ptr() as usize - chunk.as_ptr() as usize + core.len();
    &chunk[end.min(chunk.len())..]
}

/// A clause that opens with a pronoun that [refers back](refers_back) (*it*, *its*,
/// *they*, *their*, *this*, *that*; after *so*, *and*, *then*, *but*, *because*,
/// *since* or *instead*, if any, but not the *that* of *so that*) carries the subject of
/// the clause before ("READ COMMITTED is stricter, so it prevents them"; "rebase makes
/// no merge commit: it replays your commits"; "a cgroup is not what hides processes.
/// Instead it limits them"): the pronoun's segment becomes that
/// clause's, so a relation `within = "clause"` reaches back to the subject. Negation
/// scopes (clauses) are left as they are.
///
/// Across a `;`, or a `.` after a sentence of one clause, it does so when the clause
/// before names its antecedent clearly (see [`clear_antecedent`]): "AOF is the other
/// mode; it appends every write", "Cgroups are different. They limit what it uses."
/// The two are then one sentence too, so a relation `within = "sentence"` reaches back
/// as well. Across a `;` it does so too when the clause before opens with the same
/// pronoun: "It filters incoming packets; it drops those ..." (see [`same_subject`]).
fn carry_subject(
    tokens: &mut [Token],
    place: &mut Place,
    last_break: Break,
    pronoun: &str,
    ends_clause: bool,
) {
    let opened = tokens
        .iter()
        .rev()
        .take_while(|t| t.place.segment == place.segment)
        .count();
    let start = tokens.len() - opened;
    let connectors = tokens[start..].iter().all(|t| {
        matches!(
            &*t.norm,
            "so" | "and" | "then" | "but" | "because" | "since" | "instead"
        ) && !(pronoun == "that" && &*t.norm == "so")
    });
    if !connectors {
        if last_break == Break::Semicolon && ends_clause {
            object_after_semicolon(tokens, place, start, pronoun);
        }
        return;
    }
    let start = past_opener(tokens, start, place.sentence);
    // "CoDel watches the delay; when it stays high, it drops packets": past a condition
    // that opens its sentence after a `;` to the clause before it (after a `.` the
    // condition's own subject is as likely), else to the condition's own.
    let carried = (last_break == Break::Semicolon)
        .then(|| past_condition(tokens, start, place.sentence))
        .flatten()
        .is_some_and(|opener| carry_from(tokens, place, opener, true, last_break, pronoun));
    if !carried {
        carry_from(tokens, place, start, false, last_break, pronoun);
    }
}

/// Whether chunk `next`, after a pronoun, is a particle that ends the clause (`out.`,
/// `up,`): "spreads them out." ends with its object.
fn particle_ends(next: &str) -> bool {
    let word = next.trim_end_matches(['.', ',', ';', ':', '!', '?']);
    word.len() < next.len() && matches!(word, "out" | "up" | "down" | "off" | "away" | "back")
}

/// An object pronoun (*it*, *them*) that ends the first clause after a `;`, after the
/// clause's verb ("every retry fires at once; randomising the delay spreads them out", "the
/// document declares an entity; the parser resolves it"): it stands for a thing the
/// clause before the `;` names, so the two are one sentence, and a relation `within =
/// "sentence"` reaches back to it. Segments and clauses are left as they are. `start`
/// is where the pronoun's segment begins.
fn object_after_semicolon(tokens: &mut [Token], place: &mut Place, start: usize, pronoun: &str) {
    if !matches!(pronoun, "it" | "them") {
        return;
    }
    let Some(opened) = tokens[..start]
        .iter()
        .rposition(|t| t.place.sentence != place.sentence)
    else {
        return;
    };
    let first = opened + 1;
    // The pronoun's clause is its sentence's first, and a word of its own comes before
    // the pronoun (its verb).
    if first >= tokens.len()
        || tokens[first].place.clause != place.clause
        || !tokens[first..].iter().any(|t| !t.stop && !t.part)
    {
        return;
    }
    let before = tokens[opened].place.sentence;
    for token in &mut tokens[first..] {
        token.place.sentence = before;
    }
    place.sentence = before;
}

/// Whether a plain word after a comma of a labelled sentence is the next label of a
/// list of labelled items: a word and its `:` ("pid: processes, net: interfaces"), or
/// a word and its brackets after an item that closed its own ("pid (process IDs), net
/// (networking)"). A word and brackets after a plain item ("musl, small (5 MB)") may
/// still be said of the label.
fn next_label(stop: Stop, before: Option<&str>, next: Option<&str>) -> bool {
    stop == Stop::Colon
        || (stop == Stop::None
            && next.is_some_and(|next| next.starts_with('('))
            && before.is_some_and(|before| before.ends_with("),")))
}

/// Whether `core`, after a comma, opens a participle's clause that says more of the
/// subject of the clause just before it ("only the leader does, replicating the entry
/// and committing it"): a word in *-ing* (not a preposition such as *during*,
/// *including* or *according*) at the start of a new segment of the same sentence,
/// with a determiner after it (a list of bare gerunds, "caching, batching", says
/// nothing of a subject), after a clause that is not [subordinate] nor a [fronted]
/// phrase.
fn participle_goes_on(core: &str, tokens: &[Token], place: Place, next: Option<&str>) -> bool {
    core.len() > 5
        && core.ends_with("ing")
        && !matches!(
            core,
            "during"
                | "including"
                | "according"
                | "following"
                | "regarding"
                | "concerning"
                | "depending"
                | "assuming"
                | "considering"
                | "excluding"
                | "notwithstanding"
                | "something"
                | "nothing"
                | "anything"
                | "everything"
        )
        && tokens.last().is_some_and(|t| {
            t.place.sentence == place.sentence && t.place.segment + 1 == place.segment
        })
        && !subordinate(tokens)
        && !fronted(tokens)
        && next.is_some_and(|chunk| is_determiner(&chunk.to_ascii_lowercase()))
}

/// Whether the last clause of `tokens` is a subordinate one (it has a *when*, *if*,
/// *because*, ..., or opens with *which*, *that*, *as*, ...): a participle after it goes
/// with the clause it depends on ("routers send advertisements, periodically or when a
/// host asks, carrying the prefix").
fn subordinate(tokens: &[Token]) -> bool {
    let Some(last) = tokens.last() else {
        return false;
    };
    let mut words = tokens
        .iter()
        .rev()
        .take_while(|t| t.place.clause == last.place.clause)
        .filter(|t| !t.part);
    let conjunction = |word: &str| {
        opens_condition(word)
            || matches!(
                word,
                "while" | "because" | "since" | "although" | "though" | "unless" | "until"
            )
    };
    let mut first = None;
    words.any(|t| {
        first = Some(t);
        conjunction(&t.norm)
    }) || first.is_some_and(|t| {
        matches!(
            &*t.norm,
            "after" | "before" | "as" | "where" | "which" | "that" | "who" | "whose"
        )
    })
}

/// Whether the last clause of `tokens` is a short phrase that opens its sentence with a
/// preposition ("In C, overflowing a signed integer is undefined"): no clause with a
/// subject, so an *-ing* word after it opens the sentence's own subject.
fn fronted(tokens: &[Token]) -> bool {
    let Some(last) = tokens.last() else {
        return false;
    };
    let start = tokens
        .iter()
        .rposition(|t| t.place.clause != last.place.clause)
        .map_or(0, |i| i + 1);
    let opens = start == 0 || tokens[start - 1].place.sentence != last.place.sentence;
    opens
        && tokens[start..].iter().filter(|t| !t.part).count() <= 4
        && matches!(
            &*tokens[start].norm,
            "in" | "on"
                | "at"
                | "for"
                | "with"
                | "without"
                | "under"
                | "by"
                | "from"
                | "within"
                | "inside"
                | "after"
                | "before"
                | "across"
                | "over"
        )
}

/// Carries the subject of the clause before `start` over to the pronoun's clause (see
/// [`carry_subject`]), the tokens from `start` on. When a `condition` (from `start`
/// on) or an aside comes between the two, the subject's clause joins the pronoun's
/// instead, and its sentence the pronoun's, what is between left as it is. Whether it
/// did.
fn carry_from(
    tokens: &mut [Token],
    place: &mut Place,
    start: usize,
    condition: bool,
    last_break: Break,
    pronoun: &str,
) -> bool {
    let Some(before) = start.checked_sub(1).map(|b| tokens[b].place) else {
        return false;
    };
    if before.segment == place.segment {
        return false;
    }
    let across = || {
        let previous = || {
            tokens[..start]
                .iter()
                .rev()
                .take_while(|t| t.place.sentence == before.sentence)
        };
        let one_clause = || previous().all(|t| t.place.segment == before.segment);
        if before.sentence + 1 != place.sentence {
            return None;
        }
        let clear = match last_break {
            Break::Semicolon => true,
            Break::Full if one_clause() => true,
            // *this* and *that* may stand for all the sentence said.
            Break::Full if matches!(pronoun, "it" | "its" | "they" | "their") => {
                return agreeing_clause(previous(), pronoun);
            }
            Break::Full => false,
            Break::Line => false,
        } && (clear_antecedent(
            previous().take_while(|t| t.place.segment == before.segment),
            pronoun,
        ) || (last_break == Break::Semicolon
            && same_subject(
                previous().take_while(|t| t.place.segment == before.segment),
                pronoun,
            )));
        clear.then_some(before)
    };
    let head = if before.sentence == place.sentence {
        before
    } else {
        match across() {
            Some(head) => head,
            None => return false,
        }
    };
    // Where other clauses come between (an aside, a condition), the subject's clause
    // joins the pronoun's instead, so that segments stay numbered in order after it.
    let head = head_past_aside(&tokens[..start], head);
    if condition || head != before {
        for token in &mut tokens[..start] {
            if token.place.sentence == head.sentence {
                token.place.sentence = place.sentence;
                if token.place.segment == head.segment {
                    token.place.segment = place.segment;
                }
            }
        }
        return true;
    }
    place.segment = before.segment;
    place.sentence = before.sentence;
    for token in &mut tokens[start..] {
        token.place.segment = before.segment;
        token.place.sentence = before.sentence;
    }
    true
}

/// Where a condition opens the sentence of a pronoun whose clause begins at `start`
/// ("when the queue stays long, it drops packets"): the condition is one clause, from
/// the start of the sentence, opened by a word of [condition](opens_condition).
fn past_condition(tokens: &[Token], start: usize, sentence: u32) -> Option<usize> {
    let last = tokens[..start].last()?;
    let opener = tokens[..start]
        .iter()
        .rposition(|t| t.place.segment != last.place.segment)
        .map_or(0, |i| i + 1);
    let opens_sentence = opener > 0 && tokens[opener - 1].place.sentence != sentence;
    (last.place.sentence == sentence && opens_sentence && opens_condition(&tokens[opener].norm))
        .then_some(opener)
}

/// The clause a pronoun's subject is in when the clause before it, at `before`, is the
/// rest of a denial an aside broke off before it reached a word ("memory.high does not,
/// however far it climbs, ever call the OOM killer; it just throttles"): the subject is
/// in the clause of the denying cue, before the aside (see
/// `negation::resumes_after_aside`). Otherwise `before`.
fn head_past_aside(tokens: &[Token], before: Place) -> Place {
    let Some(resumed) = tokens
        .iter()
        .position(|t| t.place.sentence == before.sentence && t.place.segment == before.segment)
    else {
        return before;
    };
    let clause = tokens[resumed].place.clause;
    let cue = tokens[..resumed]
        .iter()
        .rposition(|t| t.place.sentence == before.sentence && t.negation);
    let Some(c) = cue else {
        return before;
    };
    let head = tokens[c].place;
    tokens[c + 1..resumed]
        .iter()
        .position(|t| t.place.clause != head.clause)
        .and_then(|i| super::negation::resumes_after_aside(tokens, c, c + 1 + i))
        .filter(|&resumes| resumes == clause)
        .map_or(before, |_| Place {
            segment: head.segment,
            ..before
        })
}

/// Where the clause before a pronoun at `start` begins, when that clause is only a short
/// opener of [opener words](opener_word) set off by a comma at the start of its
/// sentence ("However, it ...", "In contrast, they ..."): the pronoun's antecedent is
/// then in the sentence before, and the opener goes with the pronoun's clause.
/// Otherwise `start`.
fn past_opener(tokens: &[Token], start: usize, sentence: u32) -> usize {
    let Some(last) = start.checked_sub(1) else {
        return start;
    };
    let segment = tokens[last].place.segment;
    let opener = tokens[..start]
        .iter()
        .rposition(|t| t.place.segment != segment)
        .map_or(0, |i| i + 1);
    let words: Vec<&Token> = tokens[opener..start].iter().filter(|t| !t.part).collect();
    let starts_sentence = opener > 0 && tokens[opener - 1].place.sentence != sentence;
    if tokens[last].place.sentence == sentence
        && starts_sentence
        && words.len() <= MAX_OPENER
        && words.iter().all(|t| t.stop || opener_word(&t.norm))
    {
        opener
    } else {
        start
    }
}

/// Words of a sentence's opener that name no subject ("however", "in contrast", "by
/// default"); with stop words, all an opener may have: "Volumes, they ..." names its
/// subject and is no opener.
fn opener_word(word: &str) -> bool {
    matches!(
        word,
        "however"
            | "instead"
            | "meanwhile"
            | "moreover"
            | "furthermore"
            | "additionally"
            | "similarly"
            | "likewise"
            | "conversely"
            | "consequently"
            | "therefore"
            | "hence"
            | "otherwise"
            | "still"
            | "though"
            | "contrast"
            | "practice"
            | "short"
            | "turn"
            | "result"
            | "example"
            | "instance"
            | "course"
            | "default"
            | "addition"
            | "comparison"
            | "fact"
    )
}

/// The most words of an opener before a comma ("however", "in contrast", "by
/// default") that [`past_opener`] looks past.
const MAX_OPENER: usize = 3;

/// Whether a clause (its tokens, last first) names the antecedent of a `pronoun` that
/// opens the next sentence clearly: its subject is said in words, not by a pronoun of
/// its own; it has no relative clause (*which*, *that*, *who*, *where*), which would
/// bring a second subject ("the order in which containers start; it ..."; a *that*
/// ending the clause points, "TURN gets around that"); and the
/// pronoun agrees in number with its first two content words (*it* for "VACUUM FULL"
/// and "RDB takes", *they* for "bind mounts"; "volumes are managed by Docker; it ..."
/// means Docker). A focus word before the subject ("*Only* the leader accepts writes")
/// is looked past, as a determiner is.
fn clear_antecedent<'t>(clause: impl Iterator<Item = &'t Token>, pronoun: &str) -> bool {
    let words: Vec<&Token> = clause.filter(|t| !t.part).collect();
    let Some(first) = words.last() else {
        return false;
    };
    // The clause's last word is no relative pronoun: "TURN gets around that" points.
    let relative = words.iter().skip(1).any(|t| {
        matches!(
            &*t.norm,
            "which" | "that" | "who" | "whom" | "whose" | "where"
        )
    });
    let subject: Vec<&str> = words
        .iter()
        .rev()
        .skip_while(|t| is_determiner(&t.norm) || focus_word(&t.norm))
        .take_while(|t| !t.stop && !t.negation)
        .take(2)
        .map(|t| &*t.norm)
        .collect();
    // A plural may be the second word ("bind mounts"); an *-s* there after a singular is
    // mostly the verb ("RDB takes snapshots").
    let agrees = if plural_pronoun(pronoun) {
        subject.iter().any(|w| looks_plural(w))
    } else {
        subject.first().is_some_and(|w| !looks_plural(w))
    };
    !refers_back(&first.norm) && !relative && agrees
}

/// The clause of a sentence of several clauses (its tokens, last first) that names the
/// antecedent of a `pronoun` opening the next sentence: the one clause whose subject,
/// past a coordinator (*and*, *but*, *so*, *while*, *whereas*), is [clear]
/// (clear_antecedent) for it, by number above all. "Antibiotics don't work on viruses,
/// and a cold is a virus. They kill bacteria": *they* is the antibiotics. With two such
/// clauses (or none), or after a sentence that opens with a pronoun, it carries nothing.
fn agreeing_clause<'t>(sentence: impl Iterator<Item = &'t Token>, pronoun: &str) -> Option<Place> {
    let tokens: Vec<&Token> = sentence.collect();
    // "It's the bind mount you pick: any host path. It's the volume that Docker makes":
    // a sentence that opens with a pronoun of its own leaves the next one to it.
    if tokens
        .iter()
        .rev()
        .find(|t| !t.part)
        .is_none_or(|t| refers_back(&t.norm))
    {
        return None;
    }
    let mut found = None;
    for (k, token) in tokens.iter().enumerate() {
        let opens = tokens
            .get(k + 1)
            .is_none_or(|t| t.place.segment != token.place.segment);
        if !opens {
            continue;
        }
        let clause = tokens[..=k]
            .iter()
            .copied()
            .filter(|t| t.place.segment == token.place.segment);
        let mut words: Vec<&Token> = clause.collect();
        while words.last().is_some_and(|t| {
            t.part || matches!(&*t.norm, "and" | "but" | "so" | "while" | "whereas")
        }) {
            words.pop();
        }
        if clear_antecedent(words.into_iter(), pronoun) {
            if found.is_some() {
                return None;
            }
            found = Some(token.place);
        }
    }
    found
}

/// Whether a clause (its tokens, last first) opens with `pronoun` itself, the same
/// subject carried on across a `;`: "It also filters incoming packets; it drops those
/// whose source is not listed" says both of one thing, whatever it stands for.
fn same_subject<'t>(clause: impl Iterator<Item = &'t Token>, pronoun: &str) -> bool {
    clause
        .filter(|t| !t.part)
        .last()
        .is_some_and(|first| &*first.norm == pronoun)
}

/// Words that put a subject in focus without naming it: *only*, *just*, *even*.
fn focus_word(word: &str) -> bool {
    matches!(word, "only" | "just" | "even")
}

impl Place {
    /// The place after punctuation `stop`.
    fn next(&mut self, stop: Stop) {
        match stop {
            Stop::None => {}
            Stop::Colon => {
                self.clause += 1;
                self.labelled = true;
            }
            Stop::Comma => {
                self.clause += 1;
                if !self.labelled {
                    self.segment += 1;
                }
            }
            Stop::Sentence => {
                self.clause += 1;
                self.segment += 1;
                self.sentence += 1;
                self.labelled = false;
                self.after_semicolon = false;
                self.after_question = false;
                self.after_colon = false;
            }
        }
    }
}

/// Whether `chunk` is a shell expansion in double quotes (`"$file"`, `"${name}"`,
/// `"$@"`, with the sentence's punctuation or a backtick after it), `core` the chunk
/// trimmed: the quoting is what the chunk says, as the words "in double quotes" would.
fn quoted_expansion(chunk: &str, core: &str) -> bool {
    core.starts_with('$')
        && chunk.strip_prefix('"').is_some_and(|rest| {
            // The `}` of `${name}` is trimmed as a closing bracket.
            rest.strip_prefix(core)
                .is_some_and(|after| after.trim_start_matches('}').starts_with('"'))
        })
}

/// Whether `core` (a chunk trimmed of its last dot) is *e.g.* or *i.e.*, whose dots
/// end no sentence.
fn latin_abbreviation(core: &str) -> bool {
    core.eq_ignore_ascii_case("e.g") || core.eq_ignore_ascii_case("i.e")
}

/// A chunk without its surrounding quotes and brackets (and a call's, `wait()` is
/// `wait`), its sentence punctuation and a path's trailing slash
/// (`/var/lib/docker/volumes/.` is `/var/lib/docker/volumes`), and the strongest
/// punctuation that ended it.
fn trim_chunk(chunk: &str) -> (&str, Stop) {
    let mut core = chunk.trim_start_matches(is_opener);
    if let Some(&opener) = chunk
        .len()
        .checked_sub(core.len() + 1)
        .map(|i| &chunk.as_bytes()[i])
    {
        // `<2.0.0`, `<=1.4`: a version range's bound, no bracket; `*:8404`: a port on
        // every address.
        let bound = opener == b'<'
            && core.starts_with(|c: char| c.is_ascii_digit() || c == '=')
            && !core.contains('>');
        if bound || (opener == b'*' && core.starts_with(':')) {
            core = &chunk[chunk.len() - core.len() - 1..];
        }
    }
    let mut stop = Stop::None;
    loop {
        let before = core.len();
        while let Some(c) = core.chars().next_back() {
            if is_clause_end(c) {
                stop = stop.max(Stop::of(c));
            } else if !(is_closer(c) || c == '(') {
                break;
            } else if closes_inside(core, c) {
                // The empty brackets of a call, `wait()`, are no part of its name;
                // a bracket the token opened itself is (`${BUILD_DIR:?}`, `f(x)`).
                match core.strip_suffix("()") {
                    Some(name) => core = name,
                    None => break,
                }
                continue;
            }
            core = &core[..core.len() - c.len_utf8()];
        }
        if core.len() > 1 && core.ends_with('/') {
            core = &core[..core.len() - 1];
        }
        if core.len() == before {
            return (core, stop);
        }
    }
}

/// Whether the closing bracket `c` at the end of `core` closes one that `core` opened
/// itself (`${BUILD_DIR:?}`, `sizeof(int)`, `argv[1]`), not one opened before the chunk
/// ("(see `${HOME}`)"): there are as many of its opening brackets in `core` as closing
/// ones.
fn closes_inside(core: &str, c: char) -> bool {
    let opener = match c {
        ')' => '(',
        ']' => '[',
        '}' => '{',
        _ => return false,
    };
    core.matches(opener).count() >= core.matches(c).count()
}

thread_local! {
    /// The tokens of each code chunk a thread has tokenized, at a place of their own:
    /// answers repeat the code of their bank (`--mount`, `/var/lib/docker/volumes`),
    /// and splitting one into its parts and words costs as much as a sentence of plain
    /// words. What a chunk becomes depends on its text alone (see [`push_code`]).
    static CODE: RefCell<FxHashMap<Box<str>, Box<[Token]>>> = RefCell::new(FxHashMap::default());
}

/// How many code chunks each thread remembers before starting afresh.
const CODE_CACHE_SIZE: usize = 4_096;

/// A code token of an answer at `place`, then its code parts and its words: learnt once
/// per text, since all of them stand at `place` and none looks at a token before the
/// chunk's.
fn push_code(core: &str, place: Place, stemmer: &Stemmer, tokens: &mut Vec<Token>) {
    let learn = |tokens: &mut Vec<Token>| {
        tokens.push(Token::new(core, Class::Code, false, place, stemmer));
        push_code_parts(core, place, stemmer, tokens);
        push_words(core, place, true, stemmer, tokens);
    };
    let start = tokens.len();
    let cached = CODE.try_with(|cache| {
        let mut cache = cache.borrow_mut();
        if let Some(known) = cache.get(core) {
            tokens.extend(known.iter().map(|t| Token { place, ..t.clone() }));
            return;
        }
        learn(tokens);
        if cache.len() >= CODE_CACHE_SIZE {
            cache.clear();
        }
        cache.insert(Box::from(core), tokens[start..].into());
    });
    // A thread that is ending has no cache left.
    if cached.is_err() {
        learn(tokens);
    }
}

/// The code-like pieces of a code token, as parts an answer can be matched on: the
/// options of `type=tmpfs,destination=/app/cache`, the value of `target=/app/data`, the
/// flag of `--cpus=2`, the address of `127.0.0.1:5432`, the host of a URL, the name and version of
/// `tlsv1.3` (`tls`, `1.3`), a path from where it is rooted (`./.github/workflows`,
/// `/.github/workflows` and `~/.github/workflows` are `.github/workflows`) and the
/// folders of two names or more it is under (`/sys/fs/cgroup/demo/memory.max` is under
/// `/sys/fs/cgroup`, and names `memory.max`; `.github/workflows/ci.yml` is under
/// `.github/workflows`), and the last piece of a dotted setting when it is code-like
/// (`net.ipv4.conf.eth1.rp_filter` names `rp_filter`).
fn push_code_parts(core: &str, place: Place, stemmer: &Stemmer, tokens: &mut Vec<Token>) {
    let first = tokens.len();
    let push = |piece: &str, tokens: &mut Vec<Token>| {
        let (piece, _) = trim_chunk(piece);
        // A signed value (`-1000` of `oom_score_adj=-1000`) is a number with its sign.
        let class = if is_signed_number(piece) {
            Class::Exact
        } else if is_code(piece) {
            Class::Code
        } else {
            return;
        };
        if piece != core && !tokens[first..].iter().any(|t| &*t.norm == piece) {
            tokens.push(Token::new(piece, class, true, place, stemmer));
        }
    };
    if let Some(octal) = mode_bits(core) {
        // `rw-r--r--` is mode 644 (and `-rw-r--r--` is `rw-r--r--`).
        push(&core[core.len() - 9..], tokens);
        tokens.push(Token::new(&octal, Class::Exact, true, place, stemmer));
    }
    if let Some(guard) = expansion_operator(core) {
        // `${BUILD_DIR:?BUILD_DIR not set}` says `${BUILD_DIR:?}`.
        push(&guard, tokens);
    }
    let bound = core.trim_start_matches(['^', '~', '<', '>', '=']);
    if bound.len() < core.len() {
        // A version range names its bound: `^1.4.2` says `1.4.2`, `<2.0.0` `2.0.0`.
        push(bound, tokens);
    }
    if let Some((name, version)) = glued_version(core) {
        // The name first, so that `tls 1.3` is found in order.
        if !name.is_empty() {
            tokens.push(Token::new(name, Class::Word, true, place, stemmer));
        }
        push(version, tokens);
    }
    if core.contains('/') && !core.contains([',', '=', ':']) {
        let rooted = ["./", "~/", "/"]
            .iter()
            .find_map(|root| core.strip_prefix(root))
            .unwrap_or(core);
        push(rooted, tokens);
        if core.starts_with('/') {
            for (i, _) in core.match_indices('/').skip(2) {
                push(&core[..i], tokens);
            }
        }
        for (i, _) in rooted.match_indices('/').skip(1) {
            push(&rooted[..i], tokens);
        }
        if let Some((_, last)) = core.rsplit_once('/') {
            push(last, tokens);
        }
    }
    if let Some((_, rest)) = core.split_once("://") {
        // A URL names its host: `http://127.0.0.1:8080/health` says `127.0.0.1:8080`
        // and `127.0.0.1`, `http://[::1]:3000/` says `::1`.
        let authority = rest.split('/').next().unwrap_or(rest);
        let authority = authority.rsplit_once('@').map_or(authority, |(_, a)| a);
        push(authority, tokens);
        let host = match authority.strip_prefix('[') {
            Some(v6) => v6.split(']').next().unwrap_or(v6),
            None => authority
                .rsplit_once(':')
                .filter(|(_, port)| port.bytes().all(|b| b.is_ascii_digit()))
                .map_or(authority, |(host, _)| host),
        };
        push(host, tokens);
    }
    for option in core.split(',') {
        push(option, tokens);
        if let Some((key, value)) = option.split_once('=') {
            // `--cpus=2` says `--cpus`, `min.insync.replicas=2` says
            // `min.insync.replicas`; `target=/app/data` says `/app/data`. (A key that is
            // a plain word is no code part: `target=` is met by its first chars, see
            // `matcher::word_matches`.)
            push(key, tokens);
            push(value, tokens);
        }
        // A setting's dotted name names its last piece when that is code-like:
        // `net.ipv4.conf.eth1.rp_filter=2` says `rp_filter` (as a path names its file).
        let key = option.split_once('=').map_or(option, |(key, _)| key);
        if !key.contains('/')
            && key.bytes().filter(|&b| b == b'.').count() >= 2
            && let Some((_, last)) = key.rsplit_once('.')
        {
            push(last, tokens);
        }
        if !option.contains('/')
            && let Some((host, port)) = option.rsplit_once(':')
            && port.bytes().all(|b| b.is_ascii_digit())
        {
            match host.split_once(':') {
                // An ssh forward, `8404:127.0.0.1:8404`: a local port, then the host and
                // port it reaches, which it says (`127.0.0.1:8404`, `127.0.0.1`).
                Some((local, target))
                    if !local.is_empty() && local.bytes().all(|b| b.is_ascii_digit()) =>
                {
                    push(&option[local.len() + 1..], tokens);
                    push(target, tokens);
                }
                _ => push(host, tokens),
            }
        }
    }
}

/// A shell expansion with an operator and its word, `${PORT:-8080}` or
/// `${BUILD_DIR:?not set}` (or the chunk of one before a space in its word,
/// `${BUILD_DIR:?BUILD_DIR`), written as the operator alone: `${PORT:-}`,
/// `${BUILD_DIR:?}`. The word is a default or a message; the operator is what the
/// expansion does.
fn expansion_operator(core: &str) -> Option<String> {
    let rest = core.strip_prefix("${")?;
    let name = rest.find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))?;
    let (name, after) = rest.split_at(name);
    let operator = if after.starts_with(':') { 2 } else { 1 };
    let word = after.get(operator..)?;
    let word = word.strip_suffix('}').unwrap_or(word);
    (!name.is_empty()
        && matches!(after.as_bytes()[operator - 1], b'?' | b'-' | b'=' | b'+')
        && !word.is_empty()
        && !word.contains(['{', '}']))
    .then(|| format!("${{{name}{}}}", &after[..operator]))
}

/// A name with a dotted version glued on, as its name (empty for `v1.3`) and version:
/// `tlsv1.3` and `tls1.3` are `tls` `1.3`, `python3.12` and `python:3.12` are `python`
/// `3.12`, `http/1.1` is `http` `1.1`. A version without a dot (`http/2`, `sslv3`) needs
/// no such care: its words are the name and the number already.
pub fn glued_version(core: &str) -> Option<(&str, &str)> {
    let digits = core.find(|c: char| c.is_ascii_digit())?;
    let (name, version) = core.split_at(digits);
    if !version.contains('.')
        || version.ends_with('.')
        || !version.bytes().all(|b| b.is_ascii_digit() || b == b'.')
    {
        return None;
    }
    let name = name.strip_suffix(['/', '-', ':']).unwrap_or(name);
    // `tlsv1.3`, `v1.3`; not the `v` of `csv1.0`.
    let name = match name.strip_suffix('v') {
        Some(before) if before.is_empty() || before.len() >= 3 => before,
        _ => name,
    };
    (name.is_empty() || (name.len() >= 2 && name.bytes().all(|b| b.is_ascii_lowercase())))
        .then_some((name, version))
}

/// The words of `core`, split at anything that is not a letter or digit.
fn push_words(core: &str, place: Place, part: bool, stemmer: &Stemmer, tokens: &mut Vec<Token>) {
    if core.bytes().all(|b| b.is_ascii_alphanumeric()) {
        // One plain word (ASCII letters and digits), a number when it has a digit.
        if !core.is_empty() {
            let digit = core.bytes().any(|b| b.is_ascii_digit());
            let (class, core) = if digit {
                digit_word(core)
            } else {
                (Class::Word, core)
            };
            tokens.push(Token::new(core, class, part, place, stemmer));
        }
        return;
    }
    // A possessive `'s` is not a word.
    let core = core.strip_suffix("'s").unwrap_or(core);
    let start = tokens.len();
    for word in core.split(|c: char| !c.is_alphanumeric()) {
        if word.is_empty() || push_number_with_unit(word, place, part, stemmer, tokens) {
            continue;
        }
        let (class, word) = if word.chars().any(|c| c.is_numeric()) {
            digit_word(word)
        } else {
            (Class::Word, word)
        };
        // "2-second", "30-min": a unit of time after its number.
        match unit_after_number(word, &tokens[start..], place, stemmer) {
            Some(unit) => tokens.push(Token {
                word: unit,
                class,
                part,
                place,
                glued: false,
            }),
            None => tokens.push(Token::new(word, class, part, place, stemmer)),
        }
    }
    if tokens.len() - start > 1 {
        // A name written with hyphens (`no-cache`, `If-None-Match`) is a name: its *no*
        // or *none* negates nothing. (*No-one* is *nobody*; a cue before two words or
        // more, `no-new-privileges`, still reads as one: the derived rubrics of model
        // answers that name it depend on it.)
        let pieces = tokens.len() - start;
        let named = core != "no-one";
        for (i, token) in tokens[start..].iter_mut().enumerate() {
            token.glued = true;
            if named && token.negation && (i > 0 || pieces == 2) {
                token.word = Arc::new(Lexeme {
                    negation: false,
                    id: NEXT_ID.fetch_add(1, Ordering::Relaxed),
                    norm: token.norm.clone(),
                    stem: token.stem.clone(),
                    ..*token.word
                });
            }
        }
    }
}

/// A word written with hyphens between letters ("re-usability", "sub-problems") is also
/// the one word written without them ("reusability", "subproblems"): for an answer, that
/// word is added as a part, which keywords may match but which is not a word of the
/// sentence (its pieces are). It goes before its pieces (which [`push_words`] has just
/// pushed), so a negation that reaches the first piece reaches it too, and one that the
/// word opens itself (`no-op`) does not.
fn push_unhyphenated(core: &str, place: Place, stemmer: &Stemmer, tokens: &mut Vec<Token>) {
    // "2nd-last" is "second-last": an ordinal's digits read as its word.
    let pieces = core
        .split('-')
        .map(|piece| ordinal_word(piece).unwrap_or(piece));
    let count = pieces.clone().count();
    let whole = count > 1
        && pieces
            .clone()
            .all(|piece| !piece.is_empty() && piece.chars().all(char::is_alphabetic));
    if whole {
        let joined: String = pieces.collect();
        let word = Token::new(&joined, Class::Word, true, place, stemmer);
        tokens.insert(tokens.len().saturating_sub(count), word);
    }
}

/// Whether a chunk is a key that takes a value written apart from it: a long flag
/// (`--memory`, `--network`; its value is the next chunk, "--memory 512m") or a setting
/// written in code, snake_case or dotted (`max_connections`, `vm.swappiness`; its value
/// follows a lone `=`, "max_connections = 100"). The key and its value are then also
/// offered as `key=value`. Cheap first: this runs for every chunk that is not a plain
/// word.
fn takes_value(core: &str) -> bool {
    let bytes = core.as_bytes();
    if bytes.len() < 4 || core.contains('=') {
        return false;
    }
    if let Some(flag) = core.strip_prefix("--") {
        return flag.as_bytes()[0].is_ascii_alphabetic()
            && flag.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-');
    }
    bytes[0].is_ascii_alphabetic()
        && !core.ends_with('.')
        && core.contains(['_', '.'])
        && bytes
            .iter()
            .all(|&b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'.')
}

/// Whether `core` can be the value of `key` written apart from it (see
/// [`takes_value`]): after a setting's `=`, anything with a letter or digit; after a
/// flag, a number or code (`512m`, `1.5`, `8080:80`, `/data`), not a plain word, which
/// may as well be the sentence going on ("--mount uses key=value pairs").
fn is_value(key: &str, core: &str) -> bool {
    if key.starts_with("--") {
        !core.starts_with('-')
            && (core.bytes().any(|b| b.is_ascii_digit())
                || (core.bytes().any(|b| b.is_ascii_alphanumeric())
                    && !core.bytes().all(|b| b.is_ascii_alphanumeric())))
    } else {
        core.bytes().any(|b| b.is_ascii_alphanumeric())
    }
}

/// Whether a chunk (already stripped of surrounding punctuation) is code-like.
fn is_code(core: &str) -> bool {
    // Most chunks are plain words: no flag, path or separator can be in them.
    if core.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return false;
    }
    let has_alnum = |s: &str| s.chars().any(char::is_alphanumeric);
    if !has_alnum(core) {
        return false;
    }
    let bytes = core.as_bytes();
    // A flag: `-p`, `--mount`, `-it`.
    if bytes[0] == b'-'
        && bytes
            .get(1)
            .is_some_and(|b| b.is_ascii_alphabetic() || *b == b'-')
    {
        return true;
    }
    // A path or a URL: `/var/lib/docker`, `./src`, `~/data`, `a/b`.
    if core.contains('/') {
        return true;
    }
    // A positional placeholder: `$1`, `$2` (a named variable, `$HOME`, `${VAR}`, stays
    // its words).
    if let Some(digits) = core.strip_prefix('$')
        && digits.bytes().all(|b| b.is_ascii_digit())
    {
        return true;
    }
    // A file's mode as `ls -l` shows it: `rw-r--r--`, `-rwxr-xr-x`.
    if mode_bits(core).is_some() {
        return true;
    }
    // A port on every address: `*:8404`.
    if let Some(port) = core.strip_prefix("*:")
        && port.bytes().all(|b| b.is_ascii_digit())
    {
        return true;
    }
    // A symbolic chmod mode: `u+s`, `+x`, `g-w`.
    if matches!(bytes[0], b'u' | b'g' | b'o' | b'a' | b'+' | b'-') && is_chmod_mode(core) {
        return true;
    }
    // A compressed IPv6 address: `::1`, `fe80::1`, `[::1]:5432` (its `[` trimmed).
    if core.contains("::")
        && core
            .bytes()
            .all(|b| b == b':' || b == b']' || b.is_ascii_hexdigit())
    {
        return true;
    }
    // `key=` alone (systemd's `Wants=`, `--mount`'s `type=`): the key of a `key=value`.
    if is_bare_key(core) {
        return true;
    }
    // `key=value`, a port mapping or image tag (`8080:80`, `postgres:15`), a dotted or
    // snake_case name (`config.json`, `max_connections`): a separator between two
    // letters or digits; or a key set to a signed number (`oom_score_adj=-1000`).
    let signed_value = || {
        bytes.last().is_some_and(u8::is_ascii_digit)
            && core.split_once('=').is_some_and(|(key, value)| {
                key.bytes()
                    .last()
                    .is_some_and(|b| b.is_ascii_alphanumeric())
                    && is_signed_number(value)
            })
    };
    core.char_indices().any(|(i, c)| {
        matches!(c, '=' | ':' | '.' | '_')
            && core[..i]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
            && core[i + c.len_utf8()..]
                .chars()
                .next()
                .is_some_and(char::is_alphanumeric)
    }) || signed_value()
}

/// The octal digits of a file mode as `ls -l` shows it, nine letters or `-` after an
/// optional file type (`rw-r--r--` is `644`, `-rwxr-xr-x` and `drwxr-xr-x` are `755`,
/// `rwsr-xr-x` is `755` with the setuid bit, left out). `None` for anything else.
fn mode_bits(core: &str) -> Option<String> {
    let bits = match core.len() {
        9 => core,
        10 if b"-dlcbps".contains(&core.as_bytes()[0]) => &core[1..],
        _ => return None,
    };
    if !bits.contains('-') {
        return None;
    }
    let mut octal = String::with_capacity(3);
    for who in bits.as_bytes().chunks(3) {
        let digit = match who {
            [r, w, x] if matches!(r, b'r' | b'-') && matches!(w, b'w' | b'-') => {
                let x = match x {
                    b'x' | b's' | b't' => 1,
                    b'-' | b'S' | b'T' => 0,
                    _ => return None,
                };
                u8::from(*r == b'r') * 4 + u8::from(*w == b'w') * 2 + x
            }
            _ => return None,
        };
        octal.push(char::from(b'0' + digit));
    }
    Some(octal)
}

/// A word with a digit as the token it makes: an ordinal up to the tenth written with
/// digits (`2nd`, `3rd`, `10th`) is that word (*second*, *third*, *tenth*), as "the
/// 2nd-last opponent" is "the second-last opponent"; any other is a number, kept exact
/// (see [`without_octal_zero`]).
fn digit_word(word: &str) -> (Class, &str) {
    match ordinal_word(word) {
        Some(ordinal) => (Class::Word, ordinal),
        None => (Class::Exact, without_octal_zero(word)),
    }
}

/// The word of an ordinal from the first to the tenth written with digits (`1st`,
/// `2nd`, `10th`); `None` for anything else (`21st`, `99th`, `2n`). Cheap: a word of
/// three or four bytes only.
fn ordinal_word(word: &str) -> Option<&'static str> {
    if !(3..=4).contains(&word.len()) {
        return None;
    }
    Some(match word {
        "1st" => "first",
        "2nd" => "second",
        "3rd" => "third",
        "4th" => "fourth",
        "5th" => "fifth",
        "6th" => "sixth",
        "7th" => "seventh",
        "8th" => "eighth",
        "9th" => "ninth",
        "10th" => "tenth",
        _ => return None,
    })
}

/// A file mode written with a leading zero, `0644` or `0022`, as the same mode without
/// it (`644`, `022`): four octal digits, the first a zero. Any other word as it is.
fn without_octal_zero(word: &str) -> &str {
    let bytes = word.as_bytes();
    if bytes.len() == 4 && bytes[0] == b'0' && bytes.iter().all(|b| (b'0'..=b'7').contains(b)) {
        &word[1..]
    } else {
        word
    }
}

/// Whether `core` is a key with its `=` and no value (`wants=`, `wanted-by=`,
/// `type=`): a name of letters, digits, `-` and `_` that starts with a letter. Kept
/// whole, it matches only that key of an answer's `key=value` (`Wants=` is no
/// `Wanted-By=`, and not the word *wants*).
pub fn is_bare_key(core: &str) -> bool {
    core.strip_suffix('=').is_some_and(|key| {
        key.bytes().next().is_some_and(|b| b.is_ascii_alphabetic())
            && key
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    })
}

/// Bits 0..26 for the ASCII letters in `word`, bit 26 for anything else.
fn letter_mask(word: &str) -> u32 {
    word.chars().fold(0, |mask, c| {
        if c.is_ascii_lowercase() {
            mask | 1 << (c as u32 - 'a' as u32)
        } else {
            mask | 1 << 26
        }
    })
}

/// Whether the letter sets of two words differ too much for `limit` edits: one edit
/// changes at most two letters of the set.
pub fn letters_too_far(a: u32, b: u32, limit: usize) -> bool {
    (a ^ b).count_ones() as usize > 2 * limit
}

#[cfg(test)]
mod tests;
