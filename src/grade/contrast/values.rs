//! A wrong value in the model answer's slot: a port, an address, a version, a size or
//! another number that an answer gives where the model answer gives another of the
//! same kind for the same thing ("LDAPS on port 443" where it says LDAPS on port 636;
//! "set http_addr to 255.255.255.255" where it says 0.0.0.0; `db:5433` where it says
//! `db:5432`; "TLS 1.2" where it says TLS 1.3). It is not responsible for values the
//! model answer ties to each other's words (`roles`), for pairs turned round or paths
//! (`code`), nor for durations (`in_place`).
//!
//! A value's *slot* is what it is the value of: the host of a `host:port`, the name of
//! a version (`http/2`, `tlsv1.3`), the key of `key=value`, and in prose the nearest
//! word or code token before it in its clause that is not a word of its kind (*port*,
//! *version*, *address*, ...) nor a function word, looked for over at most three
//! words and not past a verb such as *is* or *has* ("root in the container is UID
//! 0" gives 0 no slot; "LDAPS on port 636" gives 636 the slot *ldaps*). A value that
//! opens its clause takes the nearest such word after it.
//!
//! The model answer's values are worked out once per question. A slot is *closed*
//! when the model answer gives it values plainly, none of them as an example ("for
//! example", "such as", "e.g.", a value followed by *or*), as a bound ("at least",
//! "up to") or after a flag (`--memory 512m` is a choice, unless the question names
//! that value too). An answer's value of the same kind in a closed slot contradicts
//! the model answer when it is none of the slot's values, the question does not give
//! it in that slot, and the answer names none of the slot's values anywhere ("636,
//! not 389" says the right one). A value under a negation, in a range ("8000 to
//! 8080") or with a bound is no claim of this kind, nor is a number before a unit of
//! time that makes a length the model answer gives in another unit ("24 hours" where
//! it says "86400 seconds").
//!
//! Sizes with a unit of bytes are compared by what they are stated of rather than by
//! slot: a size a text states as a fact of a thing ("its own cache line, usually 64
//! bytes"; "a page is 4 KB") is the thing's, and an answer that states another size of
//! a thing the model answer sizes, and none of its sizes, contradicts it.

use super::Contradiction;
use super::sets::DOCKERFILE_INSTRUCTIONS;
use crate::grade::matcher::PreparedAnswer;
use crate::grade::token::{
    Class, Token, glued_version, said_start, same_seconds, seconds_at, thousands, written,
};
use std::sync::Arc;

/// The model answer's closed slots, and the values the question gives in a slot.
#[derive(Default)]
pub(super) struct Values {
    slots: Vec<Slot>,
    /// (slot, value) of each value the question gives.
    asked: Vec<(Arc<str>, Arc<str>)>,
    /// The Dockerfile instructions of the model answer, when it is about a Dockerfile.
    instructions: Option<Instructions>,
    /// The sizes the model answer states as a fact of a thing.
    sizes: Vec<Size>,
    /// How many seconds the model answer's lengths of time last ("86400 seconds", "a
    /// day"): a number before a unit of time that comes to one of them is that length
    /// written in another unit ("24 hours"), no other value.
    lengths: Vec<f64>,
    /// Some slot of the model answer takes a list of values ("port 80 or 443"): only
    /// then are an answer's lists read as lists (see [`occurrences`]).
    lists: bool,
}

/// A slot the model answer gives values in.
struct Slot {
    key: Arc<str>,
    kind: Kind,
    /// The unit of its values, when they are sizes.
    unit: Arc<str>,
    /// The values it gives plainly.
    values: Vec<Arc<str>>,
    /// Some value of it is an example, a bound, a choice or one of alternatives: any
    /// value may be right, but another [special] address.
    open: bool,
}

/// The kind of a value: only values of one kind replace each other.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// A whole or dotted number (`5432`, `1.3`, the `2` of `http/2`).
    Number,
    /// An IPv4 address or network (`0.0.0.0`, `10.0.0.0/8`).
    Address,
    /// A number with a unit glued on (`512m`, `64mb`), by its unit.
    Size,
}

/// One value of a text, with its slot.
struct Occurrence {
    /// The token it is (or is in).
    token: usize,
    value: Arc<str>,
    kind: Kind,
    /// The unit of a [`Kind::Size`], else empty.
    unit: Arc<str>,
    key: Arc<str>,
    /// What the value is, for the breakdown ("port", "address", "version", "value").
    role: &'static str,
    /// Given as an example, a bound, a choice after a flag, or one of alternatives.
    open: bool,
    negated: bool,
    /// A later value of a list ("443" of "port 80 or 443"), in the first one's slot.
    listed: bool,
}

impl Values {
    /// The slots of `model`, read against the values `question` gives.
    pub(super) fn new(model: &PreparedAnswer, question: &PreparedAnswer) -> Values {
        let found = occurrences(model, true);
        if found.is_empty() {
            return Values {
                instructions: Instructions::new(model, question),
                sizes: stated_sizes(model),
                ..Values::default()
            };
        }
        let lists = found.iter().any(|o| o.listed);
        let asked: Vec<(Arc<str>, Arc<str>)> = occurrences(question, true)
            .into_iter()
            .map(|o| (o.key, o.value))
            .collect();
        let mut slots: Vec<Slot> = Vec::new();
        for o in found {
            // A choice after a flag is the model answer's own unless the question
            // names that very value.
            let chosen =
                o.key.starts_with('-') && !question.tokens().iter().any(|t| t.norm == o.value);
            let at = slots
                .iter()
                .position(|s| same_key(&s.key, &o.key) && s.kind == o.kind && s.unit == o.unit);
            let slot = match at {
                Some(at) => &mut slots[at],
                None => {
                    slots.push(Slot {
                        key: o.key.clone(),
                        kind: o.kind,
                        unit: o.unit.clone(),
                        values: Vec::new(),
                        open: false,
                    });
                    slots.last_mut().expect("just pushed")
                }
            };
            slot.open |= o.open || chosen;
            if !o.negated && !slot.values.contains(&o.value) {
                slot.values.push(o.value);
            }
        }
        slots.retain(|s| !s.values.is_empty() && (!s.open || s.values.iter().any(|v| special(v))));
        let tokens = model.tokens();
        Values {
            slots,
            asked,
            instructions: Instructions::new(model, question),
            sizes: stated_sizes(model),
            lengths: (0..tokens.len())
                .filter_map(|k| seconds_at(tokens, k))
                .collect(),
            lists,
        }
    }

    /// The first value `answer` gives in a closed slot of the model answer that is none
    /// of its values.
    pub(super) fn check(&self, answer: &PreparedAnswer) -> Option<Contradiction> {
        if let Some(hit) = self.instructions.as_ref().and_then(|i| i.check(answer)) {
            return Some(hit);
        }
        if let Some(hit) = self.other_size(answer) {
            return Some(hit);
        }
        if self.slots.is_empty() {
            return None;
        }
        let found = occurrences(answer, self.lists);
        let tokens = answer.tokens();
        // A length of time the model answer gives too, in another unit.
        let same_length = |i: usize| {
            (i + 1..tokens.len())
                .find(|&k| !tokens[k].part)
                .and_then(|k| seconds_at(tokens, k))
                .is_some_and(|s| self.lengths.iter().any(|&l| same_seconds(s, l)))
        };
        found.iter().find_map(|o| {
            if o.open || o.negated || same_length(o.token) {
                return None;
            }
            let slot = self
                .slots
                .iter()
                .find(|s| same_key(&s.key, &o.key) && s.kind == o.kind && s.unit == o.unit)?;
            // The answer names a value of the slot too: in that slot, or as a word of
            // its own (not inside another code token: `cache:6379` is another slot's).
            let named = |v: &Arc<str>| {
                found
                    .iter()
                    .any(|f| same_key(&f.key, &o.key) && f.value == *v && !f.negated)
                    || answer
                        .tokens()
                        .iter()
                        .enumerate()
                        .any(|(i, t)| !t.part && t.norm == *v && !answer.negated(i))
            };
            // An open slot still takes no other special address: 255.255.255.255 is
            // no "own IP" of a machine.
            if (slot.open && !special(&o.value))
                || slot.values.contains(&o.value)
                || self
                    .asked
                    .iter()
                    .any(|(k, v)| same_key(k, &o.key) && *v == o.value)
                || slot.values.iter().any(named)
            {
                return None;
            }
            let names: Vec<String> = slot.values.iter().map(|v| format!("`{v}`")).collect();
            Some(Contradiction {
                role: o.role.to_owned(),
                said: o.value.to_string(),
                model: crate::lang::prose_list(&names, "or"),
                anchor: Some(o.key.to_string()),
                matched: vec![answer.word(o.token).to_owned()],
            })
        })
    }
}

impl Values {
    /// A size `answer` states as a fact of a thing the model answer states another
    /// size of: "a cache line, which on x86 is 4 KB" where it says "a cache line,
    /// usually 64 bytes". The same amount in another unit (`64 bytes`, `0.0625 KB`)
    /// is the same size, and an answer that also states the model's size of it says
    /// the right one.
    fn other_size(&self, answer: &PreparedAnswer) -> Option<Contradiction> {
        if self.sizes.is_empty() {
            return None;
        }
        let said = stated_sizes(answer);
        said.iter().find_map(|o| {
            let model: Vec<&Size> = self.sizes.iter().filter(|m| m.head == o.head).collect();
            let right = |bytes: f64| model.iter().any(|m| same_amount(m.bytes, bytes));
            if model.is_empty()
                || right(o.bytes)
                || said.iter().any(|s| s.head == o.head && right(s.bytes))
            {
                return None;
            }
            let names: Vec<String> = model.iter().map(|m| format!("`{}`", m.written)).collect();
            Some(Contradiction {
                role: "size".to_owned(),
                said: o.written.clone(),
                model: crate::lang::prose_list(&names, "or"),
                anchor: Some(o.head_word.to_string()),
                matched: vec![answer.word(o.token).to_owned()],
            })
        })
    }
}

/// A size a text states as a fact of a thing: "a cache line is usually 64 bytes".
struct Size {
    token: usize,
    /// The thing it is the size of: the stem of the nearest word before it (with the
    /// word before that, when it is only a word for an amount: "page size").
    head: String,
    head_word: Arc<str>,
    bytes: f64,
    written: String,
}

/// How many bytes a unit written after a number means (a kilobyte and a kibibyte
/// alike: texts use the two for one another).
fn bytes_per(unit: &str) -> Option<f64> {
    Some(match unit {
        "b" | "byte" | "bytes" => 1.0,
        "kb" | "kib" | "kilobyte" | "kilobytes" => 1024.0,
        "mb" | "mib" | "megabyte" | "megabytes" => 1024.0 * 1024.0,
        "gb" | "gib" | "gigabyte" | "gigabytes" => 1024.0 * 1024.0 * 1024.0,
        "tb" | "tib" | "terabyte" | "terabytes" => 1024.0 * 1024.0 * 1024.0 * 1024.0,
        _ => return None,
    })
}

/// Two amounts of bytes are the same, up to a kilo of 1000 for one of 1024.
fn same_amount(a: f64, b: f64) -> bool {
    let (lo, hi) = if a < b { (a, b) } else { (b, a) };
    hi <= lo * 1.1
}

/// Words that state what follows as a fact of the thing before: "is", "usually".
fn states_fact(word: &str) -> bool {
    matches!(
        word,
        "is" | "are"
            | "usually"
            | "typically"
            | "normally"
            | "always"
            | "generally"
            | "exactly"
            | "commonly"
            | "default"
    )
}

/// Words for an amount that say nothing of what it is an amount of.
fn amount_word(stem: &str) -> bool {
    matches!(
        stem,
        "size" | "limit" | "valu" | "amount" | "capac" | "length" | "total" | "maximum" | "minimum"
    )
}

/// The sizes `text` states as a fact of a thing: a number and a unit of bytes
/// (`64 bytes`, `4 KB`, `4kb`), not negated nor given as an example or a bound,
/// after the thing and a word that states a fact (*is*, *usually*, ...) in its
/// sentence.
fn stated_sizes(text: &PreparedAnswer) -> Vec<Size> {
    let tokens = text.tokens();
    let words: Vec<usize> = (0..tokens.len()).filter(|&i| !tokens[i].part).collect();
    let mut out = Vec::new();
    for (p, &i) in words.iter().enumerate() {
        let t = &tokens[i];
        if t.class == Class::Word || text.negated(i) || open(tokens, i, i, false) {
            continue;
        }
        let digits = t
            .norm
            .bytes()
            .take_while(|b| b.is_ascii_digit() || *b == b'.')
            .count();
        let Ok(amount) = t.norm[..digits].parse::<f64>() else {
            continue;
        };
        let (per, written) = if digits == t.norm.len() {
            let Some(per) = words.get(p + 1).and_then(|&u| bytes_per(&tokens[u].norm)) else {
                continue;
            };
            let unit = &*tokens[words[p + 1]].norm;
            (per, format!("{} {}", t.norm, written(unit)))
        } else {
            match bytes_per(&t.norm[digits..]) {
                // `4kb`, not `64m` (a flag's choice, left to the slots).
                Some(per) if t.norm.len() - digits >= 2 => (per, t.norm.to_string()),
                _ => continue,
            }
        };
        let sentence = t.place.sentence;
        let mut stated = false;
        let mut head: Option<(String, Arc<str>)> = None;
        for (n, &b) in words[..p].iter().rev().enumerate() {
            let w = &tokens[b];
            if n >= 6 || w.place.sentence != sentence {
                break;
            }
            if states_fact(&w.norm) {
                stated = true;
                continue;
            }
            if w.stop || w.class != Class::Word {
                continue;
            }
            if let Some((stem, _)) = &mut head {
                *stem = format!("{} {stem}", w.stem);
                break;
            }
            head = Some((w.stem.to_string(), w.norm.clone()));
            if !amount_word(&w.stem) {
                break;
            }
        }
        if let (true, Some((head, head_word))) = (stated, head) {
            out.push(Size {
                token: i,
                head,
                head_word,
                bytes: amount * per,
                written,
            });
        }
    }
    out
}

/// An address with a meaning of its own, never a machine's address: any (`0.0.0.0`),
/// loopback (`127.x`), broadcast (`255.255.255.255`), link-local (`169.254.x`).
fn special(value: &str) -> bool {
    value == "0.0.0.0"
        || value == "255.255.255.255"
        || (value.starts_with("127.") || value.starts_with("169.254."))
            && matches!(shape(value), Some((Kind::Address, _)))
}

/// The Dockerfile instructions a model answer about a Dockerfile writes before an
/// argument (`USER app`), to tell an answer that calls another word an instruction
/// ("switch with the RUNAS app instruction") which one the model answer uses there.
struct Instructions {
    /// (argument, instruction) of each instruction of the model answer.
    written: Vec<(Arc<str>, &'static str)>,
    /// The words of the model answer and the question: a word they use is theirs.
    words: Vec<Arc<str>>,
}

impl Instructions {
    /// The instructions of `model`, when it or `question` names a Dockerfile.
    fn new(model: &PreparedAnswer, question: &PreparedAnswer) -> Option<Instructions> {
        let texts = [model, question];
        let dockerfile = texts
            .iter()
            .any(|t| t.tokens().iter().any(|t| t.stem.starts_with("dockerfil")));
        if !dockerfile {
            return None;
        }
        let words_of = |text: &PreparedAnswer| {
            let t = text.tokens();
            (0..t.len().saturating_sub(1))
                .filter_map(|i| {
                    let y = DOCKERFILE_INSTRUCTIONS
                        .iter()
                        .find(|y| **y == &*t[i].norm)?;
                    let arg = t[i + 1..].iter().find(|t| !t.part)?;
                    (!arg.stop).then(|| (arg.norm.clone(), *y))
                })
                .collect::<Vec<_>>()
        };
        let mut words: Vec<Arc<str>> = texts
            .iter()
            .flat_map(|t| t.tokens().iter().map(|t| t.norm.clone()))
            .collect();
        words.sort_unstable();
        words.dedup();
        Some(Instructions {
            written: words_of(model),
            words,
        })
    }

    /// A word of `answer` it calls an instruction after an article ("the RUNAS
    /// instruction", "a RUNAS app instruction") that is no Dockerfile instruction, nor a word of the
    /// model answer or the question, nor one that says which instruction
    /// ("the last instruction").
    fn check(&self, answer: &PreparedAnswer) -> Option<Contradiction> {
        let tokens = answer.tokens();
        let words: Vec<usize> = (0..tokens.len()).filter(|&i| !tokens[i].part).collect();
        let named = |i: usize| matches!(&*tokens[i].norm, "instruction" | "directive");
        words.iter().enumerate().find_map(|(p, &i)| {
            let x = &tokens[i];
            let next = words.get(p + 1).copied();
            let arg = next.filter(|&a| !named(a) && !tokens[a].stop);
            let called = next.is_some_and(named)
                || (arg.is_some() && words.get(p + 2).is_some_and(|&n| named(n)));
            // Named as an instruction: "the RUNAS instruction", not "cached per
            // instruction".
            let article = p
                .checked_sub(1)
                .is_some_and(|b| matches!(&*tokens[words[b]].norm, "the" | "a" | "an"));
            if !called
                || !article
                || x.class != Class::Word
                || x.stop
                || x.glued
                || answer.negated(i)
                || DOCKERFILE_INSTRUCTIONS.contains(&&*x.norm)
                || which_one(&x.norm)
                || self.words.binary_search(&x.norm).is_ok()
            {
                return None;
            }
            let instead = arg.and_then(|a| {
                self.written
                    .iter()
                    .find(|(w, _)| *w == tokens[a].norm)
                    .map(|(_, y)| *y)
            });
            Some(Contradiction {
                role: "Dockerfile instruction".to_owned(),
                said: x.norm.to_uppercase(),
                model: instead.map_or_else(
                    || "no such instruction".to_owned(),
                    |y| format!("`{}`", y.to_uppercase()),
                ),
                anchor: arg.map(|a| tokens[a].norm.to_string()),
                matched: vec![x.norm.to_string()],
            })
        })
    }
}

/// Words that say which instruction, not what it is called.
fn which_one(word: &str) -> bool {
    matches!(
        word,
        "first"
            | "last"
            | "final"
            | "next"
            | "previous"
            | "following"
            | "single"
            | "separate"
            | "new"
            | "extra"
            | "whole"
            | "dockerfile"
            | "build"
            | "later"
            | "earlier"
            | "matching"
            | "corresponding"
            | "relevant"
            | "specific"
            | "right"
            | "wrong"
            | "correct"
            | "another"
            | "second"
            | "third"
            | "two"
            | "three"
            | "multiple"
            | "several"
            | "many"
            | "one"
            | "docker"
            | "image"
    )
}

/// The unit of a value as written (`m` of `512m`), empty for a number or address.
fn unit(value: &str) -> Arc<str> {
    let digits = value
        .bytes()
        .take_while(|b| b.is_ascii_digit() || *b == b'.')
        .count();
    Arc::from(&value[digits..])
}

/// The values of `text` that have a slot.
///
/// With `lists`, a value joined to the value before it by *or*, *and* or a comma
/// ("port 80 or 443", "ports 80, 443 and 8443") is a value of the same slot when it is
/// of the same kind and unit and no word of another thing follows it ("port 80 and 3
/// replicas" is no list): the list is one closed slot of several values, and open
/// when any of its values is (an example, a bound, "or later"). Without `lists` (an
/// answer to a model answer that has no list) values joined so are alternatives, and
/// open, as ever.
fn occurrences(text: &PreparedAnswer, lists: bool) -> Vec<Occurrence> {
    let tokens = text.tokens();
    let mut out: Vec<Occurrence> = Vec::new();
    // The index in `out` of the first value of the list the last value is in.
    let mut first = 0;
    for (i, t) in tokens.iter().enumerate() {
        // A number said in words ("ten thousand") is the number in digits its last
        // word offers (see `token::push_said_number`), and its words stand where it is.
        let start = said_from(tokens, i);
        if (t.part && start.is_none()) || t.glued || t.class == Class::Word {
            continue;
        }
        let start = start.unwrap_or(i);
        let occurrence = if t.class == Class::Code {
            in_code(&t.norm).map(|(key, value, kind, role)| (Some(key), value, kind, role))
        } else {
            None
        }
        .or_else(|| {
            // `10k`, `1.5k`: the count in thousands, `10000`, `1500` (see
            // `token::thousands`), not a size whose unit is *k*.
            if let Some(number) = t.norm.ends_with('k').then(|| thousands(&t.norm)).flatten() {
                return Some((None, Arc::from(number), Kind::Number, "value"));
            }
            let (kind, role) = shape(&t.norm)?;
            Some((None, t.norm.clone(), kind, role))
        });
        let Some((key, value, kind, role)) = occurrence else {
            continue;
        };
        let unit = if kind == Kind::Size {
            unit(&value)
        } else {
            Arc::from("")
        };
        // The value this one follows in a list, and whether it joins its slot.
        let joined = if lists {
            listed_after(tokens, start).filter(|(p, _)| out.last().is_some_and(|o| o.token == *p))
        } else {
            None
        };
        let member = joined.is_some_and(|_| {
            let o = &out[out.len() - 1];
            key.is_none() && o.kind == kind && o.unit == unit && !other_thing(tokens, i, &o.key)
        });
        let (key, role) = if member {
            let o = &out[out.len() - 1];
            (o.key.clone(), o.role)
        } else {
            let Some(key) = key.or_else(|| slot_of(tokens, start, i)) else {
                if joined.is_some_and(|(_, word)| word) {
                    out[first..].iter_mut().for_each(|o| o.open = true);
                }
                continue;
            };
            let role = if role == "value" && port_word_before(tokens, start) {
                "port"
            } else {
                role
            };
            (key, role)
        };
        let mut open = open(tokens, start, i, lists);
        if member {
            // One open value opens the whole list.
            if open && !out[first].open {
                out[first..].iter_mut().for_each(|o| o.open = true);
            }
            open |= out[first].open;
        } else {
            if joined.is_some_and(|(_, word)| word) {
                // Joined by *or* or *and* to a value of another thing or kind: both
                // are alternatives, as without lists.
                out[first..].iter_mut().for_each(|o| o.open = true);
                open = true;
            }
            first = out.len();
        }
        let listed = member;
        out.push(Occurrence {
            token: i,
            unit,
            value,
            kind,
            key,
            role,
            open,
            negated: text.negated(start),
            listed,
        });
    }
    out
}

/// The value token the value written from `start` follows in a list, and whether a
/// word joins them: the word just before it, when that is a value of its sentence
/// ("80, 443"), or the one before a joining *or* or *and* ("80 or 443", "80, and 443").
fn listed_after(tokens: &[Token], start: usize) -> Option<(usize, bool)> {
    let sentence = tokens[start].place.sentence;
    let mut before = (0..start)
        .rev()
        .filter(|&k| !tokens[k].part)
        .take_while(|&k| tokens[k].place.sentence == sentence);
    let p = before.next()?;
    if is_value(&tokens[p]) {
        return Some((p, false));
    }
    if !matches!(&*tokens[p].norm, "or" | "and") {
        return None;
    }
    before
        .next()
        .filter(|&k| is_value(&tokens[k]))
        .map(|k| (k, true))
}

/// Whether a word right after the value at `i` names another thing than the slot
/// `slot` of the list it would join: *replicas* of "port 80 and 3 replicas".
fn other_thing(tokens: &[Token], i: usize, slot: &str) -> bool {
    tokens[i + 1..]
        .iter()
        .find(|t| !t.part)
        .filter(|t| t.place.clause == tokens[i].place.clause)
        .is_some_and(|t| {
            t.class == Class::Word
                && !t.stop
                && !t.negation
                && !kind_word(&t.norm)
                && !same_key(&key(t), slot)
        })
}

/// The kind of a value written alone (`5432`, `1.3`, `0.0.0.0`, `10.0.0.0/8`, `512m`)
/// and what to call it, if it is one.
fn shape(norm: &str) -> Option<(Kind, &'static str)> {
    let dotted: Vec<&str> = norm.split('.').collect();
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if digits(norm) {
        return Some((Kind::Number, "value"));
    }
    if dotted.len() == 4 {
        let (last, prefix) = match dotted[3].split_once('/') {
            Some((last, bits)) => (last, digits(bits) && bits.len() <= 2),
            None => (dotted[3], true),
        };
        if prefix && dotted[..3].iter().all(|p| digits(p)) && digits(last) {
            return Some((Kind::Address, "address"));
        }
        return None;
    }
    if (2..=3).contains(&dotted.len()) && dotted.iter().all(|p| digits(p)) {
        return Some((Kind::Number, "version"));
    }
    // A number with a short unit glued on: `512m`, `64mb`, `2g`.
    let count = norm.bytes().take_while(u8::is_ascii_digit).count();
    let rest = &norm[count..];
    (count > 0 && (1..=2).contains(&rest.len()) && rest.bytes().all(|b| b.is_ascii_lowercase()))
        .then_some((Kind::Size, "size"))
}

/// The slot, value, kind and role of a value inside a code token: the port of
/// `host:port` (and of a URL's), the version of `http/2` and `tlsv1.3`, the value of
/// `key=value`.
fn in_code(norm: &str) -> Option<(Arc<str>, Arc<str>, Kind, &'static str)> {
    if let Some((key, value)) = norm.split_once('=') {
        let (kind, role) = shape(value)?;
        return (!key.is_empty()).then(|| (Arc::from(key), Arc::from(value), kind, role));
    }
    if norm.contains(':') {
        // The host and port of `db:5432`, `postgres://app:secret@db:5432/app`.
        let rest = norm.rsplit_once('@').map_or_else(
            || norm.split_once("://").map_or(norm, |(_, r)| r),
            |(_, r)| r,
        );
        let authority = rest.split('/').next().unwrap_or(rest);
        let (host, port) = authority.rsplit_once(':')?;
        let address = matches!(shape(host), Some((Kind::Address, _)));
        let named = host.bytes().any(|b| b.is_ascii_alphabetic())
            && host
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'_'));
        // A port of two digits or less after a name is more often an image tag
        // (`node:20`, `postgres:16`).
        let port_like = port.bytes().all(|b| b.is_ascii_digit())
            && (port.len() >= 3 || (address && !port.is_empty()));
        return ((named || address) && port_like)
            .then(|| (Arc::from(host), Arc::from(port), Kind::Number, "port"));
    }
    if let Some((name, version)) = norm.split_once('/') {
        // `http/2`, `http/1.1`.
        let numeric =
            !version.is_empty() && version.bytes().all(|b| b.is_ascii_digit() || b == b'.');
        return (numeric && name.len() >= 2 && name.bytes().all(|b| b.is_ascii_lowercase()))
            .then(|| (Arc::from(name), Arc::from(version), Kind::Number, "version"));
    }
    let (name, version) = glued_version(norm)?;
    (!name.is_empty()).then(|| (Arc::from(name), Arc::from(version), Kind::Number, "version"))
}

/// Whether two slot names name one setting: the same, or one the last dotted piece of
/// the other (`rp_filter` of `net.ipv4.conf.eth1.rp_filter`, `somaxconn` of
/// `net.core.somaxconn`), as a sysctl or a config key is written in full or short.
fn same_key(a: &str, b: &str) -> bool {
    let (long, short) = if a.len() >= b.len() { (a, b) } else { (b, a) };
    long == short
        || (long.ends_with(short) && long.as_bytes()[long.len() - short.len() - 1] == b'.')
}

/// Words that say what kind of value follows, not what it is the value of.
fn kind_word(word: &str) -> bool {
    matches!(
        word,
        "port"
            | "ports"
            | "number"
            | "value"
            | "values"
            | "version"
            | "versions"
            | "address"
            | "addresses"
            | "ip"
            | "ips"
            | "uid"
            | "gid"
            | "id"
            | "user"
            | "size"
            | "limit"
            | "default"
            | "setting"
            | "option"
            | "code"
            | "status"
            | "set"
            | "change"
            | "make"
            | "put"
            | "listen"
            | "listens"
            | "listening"
            | "bound"
            | "runs"
            | "run"
            | "expose"
            | "exposes"
            | "mapped"
            | "map"
            | "v"
    )
}

/// Words a slot is not looked for past: a verb that starts what is said of a subject
/// ("the container is UID 0") or a relative pronoun.
fn ends_slot(word: &str) -> bool {
    matches!(
        word,
        "is" | "are"
            | "was"
            | "were"
            | "be"
            | "been"
            | "being"
            | "as"
            | "has"
            | "have"
            | "had"
            | "than"
            | "which"
            | "that"
            | "who"
            | "where"
            | "when"
            | "if"
    )
}

/// How many words a slot is looked for over.
const SLOT_REACH: usize = 3;

/// The slot of the value at `i` in prose, written from token `start` (the first word
/// of a number said in words, else `i`): the nearest word before it in its clause
/// that names a thing (see the module documentation), else, when nothing comes before
/// it in its clause, the nearest one after it.
fn slot_of(tokens: &[Token], start: usize, i: usize) -> Option<Arc<str>> {
    let clause = tokens[i].place.clause;
    let before = tokens[..start]
        .iter()
        .rev()
        .filter(|t| !t.part)
        .take_while(|t| t.place.clause == clause);
    let mut seen = 0;
    let mut any = false;
    for t in before {
        any = true;
        if ends_slot(&t.norm) || is_value(t) {
            return None;
        }
        if t.stop {
            continue;
        }
        seen += 1;
        if seen > SLOT_REACH {
            return None;
        }
        if !kind_word(&t.norm) && !t.negation {
            return Some(key(t));
        }
    }
    if any {
        return None;
    }
    tokens[i + 1..]
        .iter()
        .filter(|t| !t.part)
        .take_while(|t| t.place.clause == clause && !ends_slot(&t.norm) && !is_value(t))
        .filter(|t| !t.stop && !t.negation)
        .take(2)
        .find(|t| !kind_word(&t.norm))
        .map(key)
}

/// Where the number said in words whose digits are the part at `i` begins: the first
/// of the number words, *a* or number in digits before it in its clause ("ten
/// thousand", "a hundred", "10 thousand"), or `None` when token `i` is no such part.
fn said_from(tokens: &[Token], i: usize) -> Option<usize> {
    let t = &tokens[i];
    let said = t.part
        && t.class == Class::Exact
        && i > 0
        && !tokens[i - 1].part
        && tokens[i - 1].number_word;
    said.then(|| said_start(tokens, i - 1))
}

/// A word's slot name: its stem, or a code token as written.
fn key(t: &Token) -> Arc<str> {
    if t.class == Class::Word {
        t.stem.clone()
    } else {
        t.norm.clone()
    }
}

/// Whether a token is a value of its own (a slot is not looked for past one: in a
/// list, "389 or 636", the second value's slot is not known).
fn is_value(t: &Token) -> bool {
    t.class != Class::Word && (shape(&t.norm).is_some() || in_code(&t.norm).is_some())
}

/// Whether the word just before the value at `i` is *port*.
fn port_word_before(tokens: &[Token], i: usize) -> bool {
    tokens[..i]
        .iter()
        .rev()
        .find(|t| !t.part)
        .is_some_and(|t| matches!(&*t.norm, "port" | "ports"))
}

/// Whether the value at `i` (written from `start`, see [`slot_of`]) is given as an
/// example, a bound, or one of alternatives or of a range: "for example 512m", "such as
/// 10001", "at least 1.2", "up to 3", "0.0.0.0 or the VM's own IP", "1.2 or later", "8000
/// to 8080". With `lists`, values joined by *or* or *and* are a list (see
/// [`occurrences`]), not alternatives.
fn open(tokens: &[Token], start: usize, i: usize, lists: bool) -> bool {
    let clause = tokens[i].place.clause;
    let words = |range: &mut dyn Iterator<Item = &Token>| -> Vec<Arc<str>> {
        range
            .filter(|t| !t.part)
            .take_while(|t| t.place.clause == clause)
            .take(3)
            .map(|t| t.norm.clone())
            .collect()
    };
    let before = words(&mut tokens[..start].iter().rev());
    let after = words(&mut tokens[i + 1..].iter());
    fn word(list: &[Arc<str>], n: usize) -> &str {
        list.get(n).map_or("", |w| w)
    }
    let example = before.iter().any(|w| {
        matches!(
            &**w,
            "example" | "e.g" | "eg" | "such" | "like" | "say" | "instance"
        )
    });
    // A bound stands right before its value ("over 512", "at least 1.2", "up to 3",
    // "a maximum of 10"): *over* two words back is a path ("over TCP port 53"). So does
    // a word of approximation ("about 23.4 degrees", "roughly 3 percent"): a value said
    // roughly is no exact claim, so "about 23" neither contradicts "about 23.4" nor is
    // contradicted by it.
    let bound = |w: &str| {
        matches!(
            w,
            "least"
                | "about"
                | "around"
                | "roughly"
                | "approximately"
                | "nearly"
                | "almost"
                | "circa"
                | "most"
                | "minimum"
                | "maximum"
                | "over"
                | "under"
                | "above"
                | "below"
                | "between"
        )
    };
    let bounded = bound(word(&before, 0))
        || (matches!(word(&before, 0), "to" | "of")
            && matches!(word(&before, 1), "up" | "minimum" | "maximum"));
    let value_at = |from: &mut dyn Iterator<Item = &Token>, n: usize| {
        from.filter(|t| !t.part).nth(n).is_some_and(is_value)
    };
    let joined = |w: &str| !lists && matches!(w, "and" | "or");
    let ranged = (matches!(word(&before, 0), "to" | "through" | "from")
        || joined(word(&before, 0)))
        && value_at(&mut tokens[..start].iter().rev(), 1);
    let next_value = value_at(&mut tokens[i + 1..].iter(), 1);
    let alternatives = (word(&after, 0) == "or" && !(lists && next_value))
        || ((matches!(word(&after, 0), "to" | "through") || joined(word(&after, 0))) && next_value);
    example || bounded || ranged || alternatives
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grade::contrast::roles::tests::prepared;

    fn check(model: &str, question: &str, answer: &str) -> Option<Contradiction> {
        Values::new(&prepared(model), &prepared(question)).check(&prepared(answer))
    }

    const LDAP: &str = "No. A simple bind sends the password in clear text; on port 389 \
        without StartTLS anyone can read it. Use StartTLS on 389 or LDAPS on port 636.";
    const LDAP_Q: &str = "Is a password sent with an LDAP simple bind on port 389 protected?";

    #[test]
    fn another_port_in_the_model_answers_slot_contradicts() {
        for wrong in [
            "It is in cleartext; use LDAPS on port 443.",
            "Clear text on 389. Use LDAPS on port 389 instead of StartTLS.",
            "Plain text. Switch to LDAPS on port 6360.",
        ] {
            let hit = check(LDAP, LDAP_Q, wrong).expect(wrong);
            assert_eq!(hit.model, "`636`", "{wrong}");
            assert_eq!(hit.anchor.as_deref(), Some("ldap"), "{wrong}");
        }
    }

    #[test]
    fn the_model_answers_port_or_both_or_the_questions_pass() {
        for right in [
            "No, it is cleartext; use LDAPS on 636 or StartTLS on 389.",
            "Use LDAPS (port 636), not plain LDAP on 389.",
            "LDAPS uses 636, not 389 or 443.",
            "No: port 389 sends it in clear text unless you use StartTLS.",
            "No. Use StartTLS on port 389.",
            "It is not safe on 389; LDAPS on port 443 is not right either, use 636.",
        ] {
            assert_eq!(check(LDAP, LDAP_Q, right), None, "{right}");
        }
    }

    const GRAFANA: &str = "Grafana listens only on the loopback address, so only the VM \
        itself can connect. Set http_addr to 0.0.0.0 and allow port 3000.";
    const GRAFANA_Q: &str = "Grafana runs with `http_addr = 127.0.0.1` and `http_port = 3000`.";

    #[test]
    fn another_address_for_a_config_key_contradicts() {
        let hit = check(
            GRAFANA,
            GRAFANA_Q,
            "Set http_addr to 255.255.255.255 so all accept.",
        )
        .expect("wrong address");
        assert_eq!(
            (hit.role.as_str(), hit.said.as_str()),
            ("address", "255.255.255.255")
        );
        assert_eq!(hit.anchor.as_deref(), Some("http_addr"));
        assert!(check(GRAFANA, GRAFANA_Q, "http_addr=10.1.1.1 fixes it").is_some());
        for right in [
            "Set http_addr to 0.0.0.0.",
            "It binds http_addr to 127.0.0.1, the loopback, so change it to 0.0.0.0.",
            "Because http_addr is 127.0.0.1 only local clients connect.",
            "Point the browser at 10.0.0.5:3000 after binding all interfaces.",
        ] {
            assert_eq!(check(GRAFANA, GRAFANA_Q, right), None, "{right}");
        }
    }

    #[test]
    fn an_alternative_or_an_example_in_the_model_answer_leaves_the_slot_open() {
        let model = "Set http_addr to 0.0.0.0 (or the VM's own IP).";
        assert_eq!(
            check(model, "", "Set http_addr to 10.0.0.5, the VM's IP."),
            None
        );
        let model = "Give the user a numeric UID, for example USER 10001.";
        assert_eq!(check(model, "", "Use USER 1000."), None);
        let model = "Require TLS 1.2 or later.";
        assert_eq!(check(model, "", "Require TLS 1.3."), None);
    }

    #[test]
    fn over_before_a_protocol_is_a_path_not_a_bound() {
        // *over* two words before the value says how it travels ("over TCP port 53"),
        // so the slot stays closed; right before the value it is a bound ("over 512").
        let dns = "Large answers are truncated and the client repeats the query over TCP \
            port 53, which the firewall drops. Allow TCP port 53 as well.";
        let syslog = "The agents send their logs over UDP port 514 to the collector.";
        for (model, wrong) in [
            (dns, "Open TCP port 853 on the firewall."),
            (dns, "Allow TCP 853 as well."),
            (syslog, "The agents ship logs over UDP port 515."),
        ] {
            assert!(check(model, "", wrong).is_some(), "{wrong}");
        }
        for (model, right) in [
            (dns, "Open TCP port 53 on the firewall too."),
            (dns, "The retry goes over TCP 53; allow it."),
            (syslog, "They send to the collector on UDP 514."),
        ] {
            assert_eq!(check(model, "", right), None, "{right}");
        }
        // Bounds right before the value still leave the slot open.
        for model in [
            "Answers over 512 bytes do not fit.",
            "Keep a maximum of 10 connections per pool.",
            "Retry up to 3 times.",
        ] {
            for answer in [
                "Answers of 600 bytes do not fit.",
                "Keep 20 connections per pool.",
                "Retry 5 times.",
            ] {
                assert_eq!(check(model, "", answer), None, "{model} / {answer}");
            }
        }
    }

    #[test]
    fn another_port_of_a_host_or_url_contradicts() {
        let model = "Use the service name: postgres://app:secret@db:5432/app.";
        let hit = check(
            model,
            "",
            "The URL must be postgres://app:secret@db:5433/app.",
        )
        .expect("wrong port");
        assert_eq!(
            (hit.said.as_str(), hit.anchor.as_deref()),
            ("5433", Some("db"))
        );
        assert!(check(model, "", "connect to db:6543 instead").is_some());
        for right in [
            "Use db:5432 instead of localhost:5432.",
            "postgres://app:secret@db:5432/app",
            // An image tag is no port.
            "Run postgres:16 and connect to db.",
        ] {
            assert_eq!(check(model, "", right), None, "{right}");
        }
    }

    #[test]
    fn another_version_of_a_protocol_contradicts() {
        let model = "HTTP/2 multiplexes many requests over one TCP connection; TLS 1.3 \
            cuts the handshake to one round trip.";
        for (wrong, said) in [
            ("HTTP/1.1 multiplexes requests over one connection.", "1.1"),
            ("TLS 1.2 has a one round trip handshake.", "1.2"),
            ("tlsv1.1 does it in one round trip", "1.1"),
        ] {
            assert_eq!(
                check(model, "", wrong).map(|h| h.said),
                Some(said.to_owned()),
                "{wrong}"
            );
        }
        for right in [
            "HTTP/2 multiplexes streams; TLS 1.3 needs one round trip.",
            "Unlike HTTP/1.1, HTTP/2 multiplexes.",
            "TLS 1.2 took two round trips, 1.3 takes one.",
            "It needs TLS 1.2 or 1.3 at least.",
        ] {
            assert_eq!(check(model, "", right), None, "{right}");
        }
    }

    #[test]
    fn a_cidr_or_a_size_in_the_same_slot_contradicts_but_a_flags_choice_does_not() {
        let model = "The default bridge uses the subnet 172.17.0.0/16; its shm defaults to 64m.";
        assert!(check(model, "", "The default bridge uses subnet 10.0.0.0/8.").is_some());
        assert!(check(model, "", "Its shm defaults to 128m.").is_some());
        // Another unit is not compared.
        assert_eq!(check(model, "", "Its shm defaults to 1g."), None);
        let model = "Cap it with --memory 512m and --cpus 1.5.";
        for right in ["Use --memory 1g and --cpus 2.", "--memory=256m --cpus=0.5"] {
            assert_eq!(check(model, "", right), None, "{right}");
        }
        let asked = "Limit it to 512m of memory.";
        assert!(check(model, asked, "Use --memory 256m.").is_some());
    }

    /// A number said in words is the value in digits, in the model answer and in the
    /// answer: "Ten thousand connections" is `10,000`, "sixteen databases" `16`, "one
    /// hundred rows" `100`; another number said either way still contradicts.
    #[test]
    fn a_number_said_in_words_is_the_value_in_digits() {
        let model = "Ten thousand connections from 20 instances mostly wait in the database.";
        for right in [
            "10,000 connections against 16 cores mostly wait.",
            "The 10000 connections from twenty instances wait in the database.",
        ] {
            assert_eq!(check(model, "", right), None, "{right}");
        }
        for wrong in [
            "20,000 connections mostly wait in the database.",
            "Twenty thousand connections mostly wait in the database.",
        ] {
            let hit = check(model, "", wrong).expect(wrong);
            assert_eq!(hit.said, "20000", "{wrong}");
        }
        let model = "Redis keeps sixteen databases by default.";
        assert_eq!(check(model, "", "Redis keeps 16 databases."), None);
        assert!(check(model, "", "Redis keeps 32 databases.").is_some());
        let model = "Each batch holds 100 rows.";
        assert_eq!(check(model, "", "Each batch holds a hundred rows."), None);
        assert_eq!(check(model, "", "Each batch holds one hundred rows."), None);
        assert!(check(model, "", "Each batch holds a thousand rows.").is_some());
        assert!(check(model, "", "Each batch holds ten thousand rows.").is_some());
    }

    /// A count written with its *k* is the value in thousands: "10k open files" agrees
    /// with "10,000 open files" and "20k" contradicts it, as "20,000" does.
    #[test]
    fn a_count_written_with_its_k_is_the_value_in_thousands() {
        let model = "Raise the limit to 10,000 open files per worker.";
        assert_eq!(
            check(model, "", "Raise it to 10k open files per worker."),
            None
        );
        let hit = check(model, "", "Raise it to 20k open files per worker.").expect("20k");
        assert_eq!(hit.said, "20000");
        let model = "The pool peaked at 1.5k connections an hour ago.";
        assert_eq!(check(model, "", "It peaked at 1500 connections."), None);
        assert!(check(model, "", "It peaked at 15000 connections.").is_some());
    }

    /// A list of values in the model answer's slot ("port 80 or 443", "TLS 1.2 and
    /// 1.3", "ports 53, 853 and 443") is one closed slot: a value of the list is right,
    /// a value in none of them contradicts, as against a single value.
    #[test]
    fn a_value_in_none_of_a_model_lists_values_contradicts() {
        let web = "Open port 80 or 443 on the firewall for the web server.";
        let ssh = "On these hosts SSH listens on port 22 or 2222.";
        let tls = "Nginx here accepts TLS 1.2 and 1.3 only.";
        let dns = "The resolver answers on ports 53, 853 and 443.";
        for (model, wrong, said) in [
            (web, "Open port 8080 on the firewall.", "8080"),
            (web, "Open port 8443 for the web server.", "8443"),
            (web, "Open port 8080 or 8443 on the firewall.", "8080"),
            (ssh, "SSH listens on port 23.", "23"),
            (ssh, "SSH listens on 2200 there.", "2200"),
            (tls, "Nginx accepts TLS 1.1.", "1.1"),
            (dns, "It answers on port 5353.", "5353"),
        ] {
            let hit = check(model, "", wrong).expect(wrong);
            assert_eq!(hit.said, said, "{wrong}");
        }
        for (model, right) in [
            (web, "Open port 443 on the firewall."),
            (web, "Open port 80 for the web server."),
            (web, "Open port 443 or 80 on the firewall."),
            (ssh, "SSH listens on port 2222."),
            (ssh, "SSH listens on 22."),
            (tls, "Nginx accepts TLS 1.3."),
            (dns, "It answers on port 853."),
            (dns, "It answers on 443 and 53."),
        ] {
            assert_eq!(check(model, "", right), None, "{right}");
        }
    }

    /// Values joined but of different things, units or kinds are no list: "port 80 and
    /// 3 replicas" is no slot of both (the two stay alternatives); a range or a list
    /// given as an example or "or later" stays open.
    #[test]
    fn a_list_of_values_of_different_things_or_open_is_no_slot_of_them_all() {
        // Not one slot {80, 3}: joined so, the two stay alternatives, as ever.
        let model = "The service gets port 80 and 3 replicas.";
        for answer in [
            "The service gets 5 replicas.",
            "The service gets port 80 and 5 replicas.",
        ] {
            assert_eq!(check(model, "", answer), None, "{answer}");
        }
        let model = "The app caps its heap at 512m and 2 threads.";
        assert_eq!(check(model, "", "It caps its heap at 2 threads."), None);
        for model in [
            "Open a port such as 80 or 443 on the firewall.",
            "Open port 8000 to 8080 on the firewall.",
            "Open port 80 or 443 or any other on the firewall.",
            "Require TLS 1.2 or 1.3 or later.",
        ] {
            for answer in ["Open port 8443 on the firewall.", "Require TLS 1.1."] {
                assert_eq!(check(model, "", answer), None, "{model} / {answer}");
            }
        }
    }

    #[test]
    fn another_value_of_an_environment_variable_contradicts() {
        let model = "Build with CGO_ENABLED=0 so the Go binary is static and runs on scratch.";
        let hit = check(model, "", "Keep CGO_ENABLED=1 and copy the binary.").expect("cgo");
        assert_eq!((hit.said.as_str(), hit.model.as_str()), ("1", "`0`"));
        assert_eq!(hit.anchor.as_deref(), Some("cgo_enabled"));
        for right in [
            "Set CGO_ENABLED=0 for a static binary.",
            "Set CGO_ENABLED to 0 so it links statically.",
            "With CGO_ENABLED=1 it links glibc, so use CGO_ENABLED=0.",
            "GOARCH=arm64 GOOS=linux CGO_ENABLED=0 go build",
        ] {
            assert_eq!(check(model, "", right), None, "{right}");
        }
    }

    #[test]
    fn another_special_address_contradicts_even_where_the_model_answer_allows_others() {
        let model = "Set http_addr to 0.0.0.0 (or the VM's own IP) and open port 3000.";
        let hit = check(model, "", "Set http_addr to 255.255.255.255.").expect("broadcast");
        assert_eq!(hit.model, "`0.0.0.0`");
        assert!(check(model, "", "Set http_addr to 169.254.1.1.").is_some());
        assert_eq!(
            check(model, "", "Set http_addr to 192.168.1.20, its own IP."),
            None
        );
    }

    #[test]
    fn a_word_called_an_instruction_that_dockerfiles_lack_contradicts() {
        let model = "Create a user in the Dockerfile with RUN adduser -S app and switch \
            to it with USER app.";
        let hit = check(
            model,
            "",
            "Add a user, then switch with the RUNAS app instruction.",
        )
        .expect("no RUNAS");
        assert_eq!((hit.said.as_str(), hit.model.as_str()), ("RUNAS", "`USER`"));
        let hit = check(model, "", "Use the SWITCHUSER instruction.").expect("no such");
        assert_eq!(hit.model, "no such instruction");
        for right in [
            "Switch to it with the USER app instruction.",
            "The last instruction should be USER app.",
            "Put the USER instruction after the adduser RUN instruction.",
            "The app instruction set is irrelevant; use USER app.",
            "Layers are cached per instruction, so put USER app last.",
            "The cache is reused per instruction.",
            "Each separate instruction adds a layer.",
            "Add a user with adduser and switch to it with USER.",
        ] {
            assert_eq!(check(model, "", right), None, "{right}");
        }
        // Only a question about a Dockerfile.
        let model = "The CPU decodes each instruction; a MOV instruction copies a value.";
        assert_eq!(check(model, "", "The LOAD instruction reads memory."), None);
    }

    #[test]
    fn a_setting_written_in_full_or_by_its_last_piece_is_one_slot() {
        let model = "The backlog is capped by somaxconn = 128; raise it with \
            sysctl -w net.core.somaxconn=4096 and restart the listener.";
        for right in [
            "Raise the cap with somaxconn=4096.",
            "Set net.core.somaxconn=4096 with sysctl.",
        ] {
            assert_eq!(check(model, "", right), None, "{right}");
        }
        assert!(check(model, "", "Set somaxconn=64 and restart it.").is_some());
        // Another setting that ends in the same word is another slot.
        assert_eq!(check(model, "", "Set net.core.maxconn=64 too."), None);
    }

    #[test]
    fn a_value_said_roughly_is_no_exact_claim() {
        // Fresh sentences of the lead's (round 43), three subjects: a rounded or rough
        // value neither contradicts a rough value of the model answer nor is contradicted.
        for (model, answer) in [
            (
                "The axis is tilted about 23.4 degrees relative to the orbit.",
                "The axis is tilted about 23 degrees, so the hemispheres take turns.",
            ),
            (
                "Water boils at roughly 100 degrees at sea level.",
                "It boils at around 99.97 degrees at sea level.",
            ),
            (
                "The distance to the Sun changes by about 3 percent over the year.",
                "The distance changes by roughly 3.3 percent, too little to matter.",
            ),
        ] {
            assert!(check(model, "", answer).is_none(), "{answer}");
        }
        // An exact value against an exact one still contradicts.
        assert!(
            check(
                "LDAPS listens on port 636.",
                "",
                "LDAPS listens on port 443, about the same as HTTPS."
            )
            .is_some()
        );
    }

    #[test]
    fn a_value_with_no_slot_or_in_a_range_or_under_a_negation_says_nothing() {
        let model = "Root in the container is UID 0 on the host; Postgres listens on 5432.";
        for right in [
            "Create a user with UID 1000 and switch to it.",
            "The container runs as UID 1000 after USER app.",
            "Postgres listens on ports 5432 to 5440 in a cluster.",
            "pgbouncer, in front of Postgres, listens on 6432.",
            "Postgres never listens on 5433.",
            "3 replicas of Postgres.",
        ] {
            assert_eq!(check(model, "", right), None, "{right}");
        }
        assert!(check(model, "", "Postgres listens on 3306.").is_some());
    }

    const PAGE: &str = "The kernel maps memory in pages; a page on x86-64 is usually 4 KB, \
        and a huge page is 2 MB.";

    #[test]
    fn another_size_stated_of_the_same_thing_contradicts() {
        for wrong in [
            "Memory is mapped in pages, and a page is 64 bytes.",
            "It maps memory in pages, which are 8 KB.",
            "Pages are the unit; a huge page is usually 1 GB.",
        ] {
            let hit = check(PAGE, "", wrong).expect(wrong);
            assert_eq!(hit.role, "size", "{wrong}");
        }
        let hit = check(PAGE, "", "A page is 64 bytes.").expect("wrong size");
        // A page and a huge page are both pages to the rule: either size is right.
        assert_eq!(
            (hit.said.as_str(), hit.model.as_str()),
            ("64 bytes", "`4 kb` or `2 mb`")
        );
        assert_eq!(hit.anchor.as_deref(), Some("page"));
    }

    #[test]
    fn the_same_size_or_one_of_another_thing_or_no_fact_says_nothing() {
        for right in [
            "A page is 4096 bytes, a huge page 2 MB.",
            "A page is usually 4kb.",
            "A page is 4 KB here, not 8 KB.",
            // Of another thing.
            "Pages are small; the TLB entry size is 8 bytes.",
            // Not stated as a fact: a choice, a bound, an example.
            "Map a buffer of 64 KB in pages.",
            "A page is at least 512 bytes on some machines, and usually 4 KB.",
            "A page is not 8 KB.",
        ] {
            assert_eq!(check(PAGE, "", right), None, "{right}");
        }
    }
}
