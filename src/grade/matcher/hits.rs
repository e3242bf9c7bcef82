//! The bits of [`PreparedAnswer`] that say which vocabulary words each answer word
//! matches, and the buffers a thread reuses from one answer to the next: a grade would
//! otherwise allocate them afresh, and compare the same words with the same keywords
//! again.

use super::{
    Class, PreparedAnswer, Token, Vocab, ending_only, head, key_of, letters_too_far, snake_typo,
    typo_limit, word_matches,
};
use rustc_hash::FxHashMap;
use std::cell::RefCell;

/// The buffers of a prepared answer, kept by each thread for the next one: a grade
/// would otherwise allocate them all afresh.
#[derive(Debug, Default)]
pub(super) struct Buffers {
    pub tokens: Vec<Token>,
    pub position: Vec<usize>,
    pub hits: Vec<u64>,
    pub postings: Vec<(u32, u32)>,
    pub starts: Vec<u32>,
    /// Typo candidates of one answer word (see [`hits`]).
    candidates: Vec<u32>,
}

/// How many sets of buffers a thread keeps (compiling a rubric holds a few prepared
/// texts at once).
const SPARE_BUFFERS: usize = 4;

thread_local! {
    static SPARE: RefCell<Vec<Buffers>> = const { RefCell::new(Vec::new()) };
}

impl Buffers {
    /// A set of empty buffers, reused when the thread has one.
    pub(super) fn take() -> Buffers {
        SPARE
            .try_with(|spare| spare.borrow_mut().pop())
            .ok()
            .flatten()
            .unwrap_or_default()
    }

    /// Empties the buffers and keeps them for the next answer.
    fn give_back(mut self) {
        self.tokens.clear();
        self.position.clear();
        self.hits.clear();
        self.postings.clear();
        self.starts.clear();
        self.candidates.clear();
        // A thread that is ending has no use for them.
        let _ = SPARE.try_with(|spare| {
            let mut spare = spare.borrow_mut();
            if spare.len() < SPARE_BUFFERS {
                spare.push(self);
            }
        });
    }
}

impl Drop for PreparedAnswer {
    fn drop(&mut self) {
        Buffers {
            tokens: std::mem::take(&mut self.tokens),
            position: std::mem::take(&mut self.position),
            hits: std::mem::take(&mut self.hits),
            postings: std::mem::take(&mut self.postings),
            starts: std::mem::take(&mut self.starts),
            candidates: Vec::new(),
        }
        .give_back();
    }
}

/// Fills `buffers.hits` with, for each token, the bits of the vocabulary words it
/// matches, and `buffers.postings` and `buffers.starts` with the same by word; returns
/// the row length. What a word matches is remembered by the thread for the next answer
/// graded against the same vocabulary (see [`Memo`]).
pub(super) fn hits(tokens: &[Token], vocab: &Vocab, buffers: &mut Buffers) -> usize {
    let row = vocab.words.len().div_ceil(64);
    let Buffers {
        hits,
        postings,
        starts,
        candidates,
        ..
    } = buffers;
    hits.resize(tokens.len() * row, 0);
    // Each word's count of tokens, counted as the bits are set (see `by_word`).
    starts.clear();
    starts.resize(vocab.words.len() + 1, 0);
    if row > 0 {
        let mut memo = match MEMO.try_with(RefCell::take) {
            Ok(memo) if memo.stamp == vocab.stamp && memo.of.len() < MEMO_SIZE => memo,
            // Another vocabulary's, too full, or the thread is ending.
            _ => Memo {
                stamp: vocab.stamp,
                ..Memo::default()
            },
        };
        if memo.recent.is_empty() {
            memo.recent.resize(RECENT_IDS, (0, 0, 0));
        }
        for (t, token) in tokens.iter().enumerate() {
            let slot = token.id as usize % RECENT_IDS;
            let (from, to) = match memo.recent[slot] {
                (id, from, to) if id == token.id + 1 => (from, to),
                _ => {
                    let range = match memo.of.get(&token.id) {
                        Some(&range) => range,
                        None => {
                            let from = memo.words.len() as u32;
                            matches(token, vocab, candidates, &mut memo.words);
                            let range = (from, memo.words.len() as u32);
                            memo.of.insert(token.id, range);
                            range
                        }
                    };
                    memo.recent[slot] = (token.id + 1, range.0, range.1);
                    range
                }
            };
            let bits = &mut hits[t * row..(t + 1) * row];
            for &w in &memo.words[from as usize..to as usize] {
                let (word, bit) = (w as usize / 64, 1 << (w % 64));
                if bits[word] & bit == 0 {
                    bits[word] |= bit;
                    starts[w as usize] += 1;
                }
            }
        }
        let _ = MEMO.try_with(|cell| cell.replace(memo));
    }
    by_word(hits, row, postings, starts);
    row
}

/// Fills `postings` with the (word, token) pairs of the bits of `hits` (a row of `row`
/// words of 64 bits per token), by word and each word's tokens in text order, and
/// turns `starts`, each word's count of pairs (one entry more, 0), into where each
/// word's pairs start. A counting sort: from the counts, each pair put in its place
/// from the last token back, in time linear in the pairs and the words.
fn by_word(hits: &[u64], row: usize, postings: &mut Vec<(u32, u32)>, starts: &mut [u32]) {
    postings.clear();
    if row == 0 {
        return;
    }
    // `starts[w]` becomes the end of word `w`'s pairs...
    let mut total = 0;
    for count in starts.iter_mut() {
        total += *count;
        *count = total;
    }
    // ... and, filled from the back, its start.
    postings.resize(total as usize, (0, 0));
    for (t, bits) in hits.chunks_exact(row).enumerate().rev() {
        each_bit(bits, |w| {
            starts[w] -= 1;
            postings[starts[w] as usize] = (w as u32, t as u32);
        });
    }
}

/// Calls `f` with the index of each set bit of `bits`, lowest first.
#[inline]
fn each_bit(bits: &[u64], mut f: impl FnMut(usize)) {
    for (i, &chunk) in bits.iter().enumerate() {
        let mut chunk = chunk;
        while chunk != 0 {
            f(i * 64 + chunk.trailing_zeros() as usize);
            chunk &= chunk - 1;
        }
    }
}

/// What the words a thread has seen match in one vocabulary: grading answers to the
/// same question in a row (a batch of responses, a benchmark) meets the same words
/// again, and need not compare them with the keywords again.
#[derive(Debug, Default)]
struct Memo {
    /// The vocabulary's stamp.
    stamp: u64,
    /// Per word id, the range of `words` that holds what it matches.
    of: FxHashMap<u64, (u32, u32)>,
    words: Vec<u32>,
    /// In front of `of`, by word id modulo [`RECENT_IDS`]: the id plus one (0 for none)
    /// and its range, so most words of an answer are found without hashing their id.
    /// Empty until the memo is first used (a memo is taken out of its cell and put back
    /// for every answer, and the empty one left there meanwhile allocates nothing).
    recent: Vec<(u64, u32, u32)>,
}

/// How many word ids [`Memo::recent`] keeps in front of the memo.
const RECENT_IDS: usize = 256;

/// How many words a memo holds before it starts afresh.
const MEMO_SIZE: usize = 20_000;

thread_local! {
    static MEMO: RefCell<Memo> = RefCell::new(Memo::default());
}

/// Whether `token` matches any word of `vocab` (as [`hits`] would find it).
pub(super) fn matches_any(token: &Token, vocab: &Vocab) -> bool {
    let mut found = Vec::new();
    matches(token, vocab, &mut Vec::new(), &mut found);
    !found.is_empty()
}

/// Appends to `out` the vocabulary words that `token` matches, each once. Only the
/// keyword words of a length a typo can reach are compared letter by letter, and only
/// for an answer word that is no keyword word as written; the rest are found by their
/// stem.
fn matches(token: &Token, vocab: &Vocab, candidates: &mut Vec<u32>, out: &mut Vec<u32>) {
    let start = out.len();
    if let Some(same) = vocab.exact.get(&token.stem) {
        for &w in same {
            if word_matches(token, &vocab.words[w as usize]) {
                out.push(w);
            }
        }
    }
    if token.class == Class::Code
        && let Some(key) = key_of(&token.norm).filter(|key| key.len() < token.norm.len())
        && let Some(keyed) = vocab.exact.get(key)
    {
        // `wants=network-online.target` says the key `wants=`.
        for &w in keyed {
            if !out[start..].contains(&w) && word_matches(token, &vocab.words[w as usize]) {
                out.push(w);
            }
        }
    }
    if token.class == Class::Code && out.len() == start && !vocab.snake.is_empty() {
        // `service_healty` for `service_healthy`.
        for &w in &vocab.snake {
            if snake_typo(&token.norm, &vocab.words[w as usize].norm) {
                out.push(w);
            }
        }
    }
    // A word that is a keyword word as written is that word, not a typo of another.
    let limit = typo_limit(token.len);
    if out.len() > start || token.class != Class::Word || token.stop || limit == 0 {
        return;
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
    let (a0, a1) = head(&token.norm);
    // Whether the bank uses this word itself ("stage" is no typo of "state"); asked
    // only of a word that comes close to a keyword word.
    let mut known: Option<bool> = None;
    for &w in candidates.iter() {
        let word = &vocab.words[w as usize];
        // A typo keeps the first letter, or swaps the first two: checking that first
        // spares most edit distances.
        let (k0, k1) = vocab.heads[w as usize];
        if a0 != k0 && !(a0 == k1 && a1 == k0) {
            continue;
        }
        let close = !letters_too_far(token.letters, word.letters, limit)
            || !letters_too_far(token.stem_letters, word.stem_letters, limit);
        if close
            && !out[start..].contains(&w)
            && word_matches(token, word)
            && (ending_only(&token.norm, &word.norm)
                || !*known.get_or_insert_with(|| vocab.known.contains(&token.stem)))
        {
            out.push(w);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Pattern, PreparedAnswer, Vocab};
    use crate::grade::token::{Parts, tokenize};
    use crate::lang::stemmer;

    #[test]
    fn a_word_remembered_matches_what_it_matched_the_first_time() {
        let stemmer = stemmer();
        let mut vocab = Vocab::default();
        for keyword in [
            "volume",
            "persist",
            "daemon",
            "named volume",
            "/var/lib/docker/volumes",
        ] {
            let words = tokenize(keyword, &stemmer, Parts::Skip);
            let _ = Pattern::new(words, false, false, &mut vocab);
        }
        let text = "Named volumes persist; the deamon keeps them under /var/lib/docker/volumes.";
        let first = PreparedAnswer::new(text, &stemmer, &vocab);
        let (hits, postings) = (first.hits.clone(), first.postings.clone());
        assert!(
            hits.iter().any(|&bits| bits != 0),
            "the text matches keywords"
        );
        drop(first);
        // Many other words between, in every slot of the memo's recent words.
        let other: String = (0..600).map(|i| format!("word{i} ")).collect();
        drop(PreparedAnswer::new(&other, &stemmer, &vocab));
        for _ in 0..2 {
            let again = PreparedAnswer::new(text, &stemmer, &vocab);
            assert_eq!(again.hits, hits);
            assert_eq!(again.postings, postings);
        }
    }
}
