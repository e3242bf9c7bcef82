//! Sides: the two subjects a question sets against each other ("How do stack and heap
//! allocation differ?", "the difference between head-based and tail-based sampling"),
//! each given the other's words by an answer. A derived rubric counts words one by one,
//! so "the stack lives for the whole program; the heap is for small local variables
//! freed when the function returns" names the model answer's words and passed. This
//! generalises `twins` from one word said both ways to the two subjects of a contrast.
//!
//! The **pair** is two noun phrases the question joins by *and*, *or*, *vs* or *versus*,
//! or sets apart by *differ(s) from* or *different from*, named by their first word
//! (*head* of *head-based*, *named* of *a named volume*), when each opens a
//! sentence of the model answer as its subject. A model sentence is on a subject's
//! **side** when that subject opens it, or when it opens with *it*/*they*/*this* after
//! a sentence on that side, or else when it names that subject and not the other. A
//! side's words are the content words of its sentences that the other side's sentences
//! and the question do not have.
//!
//! An answer clause is on a side when it names that subject and not the other (a clause
//! opening with *that*, *which*, *who*, *it* or *they* stays on the side of the clause
//! before it in its sentence); a clause with a negation says nothing. Across the
//! answer, a subject is **turned round** when its clauses meet the other side's words
//! and none of its own. The pair is swapped when both subjects are turned round, or one
//! of them meets two of the other side's words or more: a contradiction. A clause that
//! names both ("unlike the heap, the stack ...") is left alone. Only derived rubrics
//! are checked.
//!
//! When the question names no pair and the model answer is a long one, the pairs are
//! found from the model answer alone ([`Sides::alone`]): the subjects that open its
//! stretches after a determiner ("A tag is a fixed name ...", "unlike a branch, which
//! advances ..."). An answer stretch is then on a side only when that subject opens it,
//! and both subjects must be turned round.

use super::bindings::contradiction;
use crate::grade::contrast::Contradiction;
use crate::grade::matcher::PreparedAnswer;
use crate::grade::token::Token;

/// Words that join the two subjects in the question.
const JOINS: &[&str] = &["and", "or", "vs", "versus"];

/// The word after a comparison that names its other subject: "why are spring tides
/// higher than neap tides?". Such a pair is the question's by its grammar, so the
/// model answer need not open sentences with it: a sentence naming one subject and not
/// the other is on its side ("... line up, giving spring tides; at the quarter moons
/// they pull at right angles, giving neap tides").
const COMPARED: &str = "than";

/// Words before *from* that set two subjects apart: "X differs from Y".
const DIFFER: &[&str] = &["differ", "differs", "different", "distinct"];

/// Words opening a sentence of the model answer that go on with the side before it.
const CARRY: &[&str] = &["it", "they", "this", "these"];

/// Words opening an answer clause that go on with the side of the clause before it.
const RELATIVE: &[&str] = &["that", "which", "who", "it", "they", "where"];

/// One subject of the pair: its stem, its name as the model answer writes it, and the
/// words said on its side only (stem hashes with their forms).
#[derive(Debug, Default)]
struct Side {
    stem: u64,
    name: String,
    own: Vec<(u64, String)>,
}

/// The model answer's pair of subjects, when the question sets two against each other;
/// else, for a long model answer, the pairs of subjects that open its clauses (see
/// [`Sides::alone`]).
#[derive(Debug, Default)]
pub struct Sides {
    pair: Option<[Side; 2]>,
    /// Pairs found from the model answer alone: both must be turned round.
    alone: Vec<[Side; 2]>,
    /// The stems of the subjects of `alone`, to look for in an answer first.
    subjects: Vec<u64>,
}

/// Words that open a model clause before its subject and tell it is no subject (a
/// gerund or a preposition's object is left out by the `-ing` test and these).
const NOT_SUBJECT: &[&str] = &["unlike", "like", "with", "without", "after", "before"];

/// Words after *and* that open a second subject's stretch ("a wider table lowers the
/// error and more rows lower its chance").
const AND_OPENS: &[&str] = &[
    "the", "a", "an", "each", "every", "more", "fewer", "its", "their",
];

/// Where a stretch is cut within its clause: the one split of a clause that
/// [`super::opposites`] and this module share.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Cut {
    /// Not at all: the stretch is the clause.
    Clause,
    /// At each *and* (not a code part): [`super::opposites`] reads claims apart ("starts
    /// at the top level and moves right").
    EveryAnd,
    /// At an *and* before one of [`AND_OPENS`], which opens a second subject's stretch
    /// ("a wider table lowers the error and more rows lower its chance").
    AndOpening,
}

/// The end (exclusive) of the stretch that starts at token `k`: the end of its
/// clause, or the *and* that `cut` cuts at, which opens the next stretch.
pub(super) fn stretch_end(tokens: &[Token], k: usize, cut: Cut) -> usize {
    let clause = tokens[k].place.clause;
    let and = |j: usize| &*tokens[j].norm == "and";
    (k + 1..tokens.len())
        .find(|&j| {
            tokens[j].place.clause != clause
                || match cut {
                    Cut::Clause => false,
                    Cut::EveryAnd => !tokens[j].part && and(j),
                    Cut::AndOpening => {
                        j - 1 > k && and(j - 1) && AND_OPENS.contains(&&*tokens[j].norm)
                    }
                }
        })
        .map_or(tokens.len(), |j| {
            if cut == Cut::AndOpening && tokens[j].place.clause == clause {
                j - 1
            } else {
                j
            }
        })
}

/// Determiners before a model subject: "a tag", "the client", "each share".
const DETERMINERS: &[&str] = &["a", "an", "the", "each", "every"];

/// Relative words that open a model clause about the noun just before it.
const WH: &[&str] = &["which", "who", "that"];

/// The most subjects a long model answer's pairs are read from.
const MOST_SUBJECTS: usize = 8;

/// Whether token `t` is a content word that can tell a side.
fn side_word(t: &Token) -> bool {
    !t.part && !t.stop && !t.is_negation() && t.norm.chars().count() > 1
}

/// The first non-code token of each sentence of `tokens`, with the range of the sentence.
fn sentences(tokens: &[Token]) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    for (i, t) in tokens.iter().enumerate() {
        match out.last_mut() {
            Some(last) if tokens[last.0].place.sentence == t.place.sentence => last.1 = i + 1,
            _ => out.push((i, i + 1)),
        }
    }
    out
}

impl Sides {
    /// The pair of `model` (a derived rubric's model answer, prepared) for the question
    /// `asked`, if it has one.
    /// `long` tells a long model answer, whose pairs are found from it alone when the
    /// question names none (see [`Sides::alone`]).
    pub fn new(model: &PreparedAnswer, asked: &PreparedAnswer, long: bool) -> Sides {
        let sides = Sides::asked(model, asked);
        if sides.pair.is_none() && long {
            Sides::alone(model, asked.tokens())
        } else {
            sides
        }
    }

    /// The pair the question `asked` names (see the module's doc).
    fn asked(model: &PreparedAnswer, asked: &PreparedAnswer) -> Sides {
        let q = asked.tokens();
        // The first word of the noun phrase ending at token `k`: *head* of *head-based*,
        // *named* of *a named volume*.
        let first_of = |mut k: usize| {
            while k > 0 && side_word(&q[k - 1]) {
                k -= 1;
            }
            k
        };
        // The first pair the question names (as "X and Y"), then its first comparison
        // ("X higher than Y") if that is another: the first the model answer takes up.
        let mut pairs: Vec<([u64; 2], bool)> = Vec::new();
        for (j, t) in q.iter().enumerate() {
            if t.part || j < 2 {
                continue;
            }
            // "X and Y", "X higher than Y", or "X differs from Y" / "X is different
            // from Y".
            let compared = &*t.norm == COMPARED;
            let before = if JOINS.contains(&&*t.norm) || compared {
                j - 1
            } else if &*t.norm == "from" && DIFFER.contains(&&*q[j - 1].norm) {
                j - 2
            } else {
                continue;
            };
            if !pairs.is_empty() && !compared {
                continue;
            }
            let Some(a) = (0..=before).rev().find(|&k| !q[k].part && !q[k].stop) else {
                continue;
            };
            let a = first_of(a);
            let Some(b) = (j + 1..q.len()).find(|&k| !q[k].part && !q[k].stop) else {
                continue;
            };
            if !side_word(&q[a]) || !side_word(&q[b]) || q[a].stem_hash == q[b].stem_hash {
                continue;
            }
            pairs.push(([q[a].stem_hash, q[b].stem_hash], compared));
            if compared {
                break;
            }
        }
        let pair = pairs
            .into_iter()
            .find_map(|(stems, compared)| Sides::sided(model, q, stems, compared));
        Sides {
            pair,
            ..Sides::default()
        }
    }

    /// The two sides of the pair `stems` of the question `q` in `model`, if the model
    /// answer takes the pair up: each subject opens a sentence of it, or, for a pair
    /// the question `compared`, is named in one without the other.
    fn sided(
        model: &PreparedAnswer,
        q: &[Token],
        stems: [u64; 2],
        compared: bool,
    ) -> Option<[Side; 2]> {
        let tokens = model.tokens();
        // The side of each sentence of the model answer.
        let mut words: [Vec<(u64, String)>; 2] = Default::default();
        let mut names: [String; 2] = Default::default();
        let mut opened = [false; 2];
        // Whether a sentence names the subject and not the other: enough for a pair
        // the question compares.
        let mut alone = [false; 2];
        let mut last: Option<usize> = None;
        for (start, end) in sentences(tokens) {
            let span = start..end;
            let first = span.clone().find(|&k| !tokens[k].part);
            let subject = span.clone().find(|&k| side_word(&tokens[k]));
            let named: Vec<usize> = (0..2)
                .filter(|&s| span.clone().any(|k| tokens[k].stem_hash == stems[s]))
                .collect();
            let side =
                match subject.and_then(|k| stems.iter().position(|&s| s == tokens[k].stem_hash)) {
                    Some(s) => {
                        opened[s] = true;
                        Some(s)
                    }
                    None if first.is_some_and(|k| CARRY.contains(&&*tokens[k].norm)) => last,
                    None if named.len() == 1 => {
                        alone[named[0]] = true;
                        Some(named[0])
                    }
                    None => None,
                };
            last = side;
            let Some(s) = side else { continue };
            for k in span {
                let t = &tokens[k];
                if t.stem_hash == stems[s] && names[s].is_empty() {
                    names[s] = model.word(k).to_owned();
                }
                if side_word(t)
                    && !stems.contains(&t.stem_hash)
                    && !q.iter().any(|u| u.stem_hash == t.stem_hash)
                    && !words[s].iter().any(|w| w.0 == t.stem_hash)
                {
                    words[s].push((t.stem_hash, t.norm.to_string()));
                }
            }
        }
        let sided = |s: usize| opened[s] || (compared && alone[s]);
        if !sided(0) || !sided(1) {
            return None;
        }
        let only = |a: &[(u64, String)], b: &[(u64, String)]| -> Vec<(u64, String)> {
            a.iter()
                .filter(|w| !b.iter().any(|v| v.0 == w.0))
                .cloned()
                .collect()
        };
        let (a, b) = (only(&words[0], &words[1]), only(&words[1], &words[0]));
        if a.is_empty() || b.is_empty() {
            return None;
        }
        let [na, nb] = names;
        Some([
            Side {
                stem: stems[0],
                name: na,
                own: a,
            },
            Side {
                stem: stems[1],
                name: nb,
                own: b,
            },
        ])
    }

    /// The pairs of a long model answer whose question names none: the subjects are the
    /// first content words of its clauses (not a word in *-ing*, not after *unlike*,
    /// *with*, ...), each subject with the content words of the clauses it opens (and
    /// of a clause after it in its sentence that opens with *it*, *they*, *which*, ...),
    /// said plainly (not under a negation). Two subjects make a pair when each has
    /// words the other's clauses and the question lack.
    fn alone(model: &PreparedAnswer, q: &[Token]) -> Sides {
        let tokens = model.tokens();
        // Per clause: its subject's stem (if any) and its range.
        let mut clauses: Vec<(Option<u64>, usize, usize)> = Vec::new();
        let mut k = 0;
        let mut last: Option<(u32, u64)> = None;
        let mut noun: Option<(u32, u64)> = None;
        while k < tokens.len() {
            let place = tokens[k].place;
            let end = stretch_end(tokens, k, Cut::AndOpening);
            let first = (k..end).find(|&j| !tokens[j].part);
            let opener = (k..end)
                .find(|&j| side_word(&tokens[j]) && !NOT_SUBJECT.contains(&&*tokens[j].norm));
            // "once it is created": the pronoun is the stretch's subject.
            let pronoun = opener.is_some_and(|o| (k..o).any(|i| CARRY.contains(&&*tokens[i].norm)));
            // *which*, *who* or *that* goes on with the noun that opened the clause before
            // ("unlike a branch, which advances"); *it*, *they*, *this* with its subject.
            let here = |l: Option<(u32, u64)>| {
                l.filter(|(sentence, _)| *sentence == place.sentence)
                    .map(|(_, s)| s)
            };
            let subject = match first.map(|f| &*tokens[f].norm) {
                Some(w) if WH.contains(&w) => here(noun),
                Some(w) if CARRY.contains(&w) || RELATIVE.contains(&w) => here(last),
                _ if pronoun => here(last),
                _ => opener
                    .filter(|&j| {
                        // A noun after its determiner: "a tag", "the client".
                        (k..j)
                            .rev()
                            .find(|&i| !tokens[i].part)
                            .is_some_and(|i| DETERMINERS.contains(&&*tokens[i].norm))
                            && !tokens[j].norm.ends_with("ing")
                            && !(k..j).any(|i| NOT_SUBJECT.contains(&&*tokens[i].norm))
                    })
                    .map(|j| tokens[j].stem_hash),
            };
            noun = opener
                .map(|j| (place.sentence, tokens[j].stem_hash))
                .or(subject.map(|s| (place.sentence, s)));
            last = subject.map(|s| (place.sentence, s));
            clauses.push((subject, k, end));
            k = end;
        }
        let mut stems: Vec<u64> = Vec::new();
        for s in clauses.iter().filter_map(|c| c.0) {
            if !stems.contains(&s) && stems.len() < MOST_SUBJECTS {
                stems.push(s);
            }
        }
        // The plain content words of each subject's clauses, and its name.
        let words: Vec<(String, Vec<(u64, String)>)> = stems
            .iter()
            .map(|&s| {
                let mut name = String::new();
                let mut own: Vec<(u64, String)> = Vec::new();
                for &(_, a, b) in clauses.iter().filter(|c| c.0 == Some(s)) {
                    for (j, t) in tokens.iter().enumerate().take(b).skip(a) {
                        if t.stem_hash == s && name.is_empty() {
                            name = model.word(j).to_owned();
                        }
                        if side_word(t)
                            && !model.negated(j)
                            && t.stem_hash != s
                            && !q.iter().any(|u| u.stem_hash == t.stem_hash)
                            && !own.iter().any(|w| w.0 == t.stem_hash)
                        {
                            own.push((t.stem_hash, t.norm.to_string()));
                        }
                    }
                }
                // A subject met only through *which* ("unlike an ordinary view, which
                // ..."): its name is where the model answer first says it.
                if name.is_empty()
                    && let Some(j) = tokens.iter().position(|t| t.stem_hash == s)
                {
                    name = model.word(j).to_owned();
                }
                (name, own)
            })
            .collect();
        let only = |a: &[(u64, String)], b: &[(u64, String)]| -> Vec<(u64, String)> {
            a.iter()
                .filter(|w| !b.iter().any(|v| v.0 == w.0))
                .cloned()
                .collect()
        };
        let mut alone = Vec::new();
        for x in 0..stems.len() {
            for y in x + 1..stems.len() {
                let not = |w: &[(u64, String)], stem: u64| -> Vec<(u64, String)> {
                    w.iter().filter(|v| v.0 != stem).cloned().collect()
                };
                let (wx, wy) = (not(&words[x].1, stems[y]), not(&words[y].1, stems[x]));
                let (a, b) = (only(&wx, &wy), only(&wy, &wx));
                if a.is_empty() || b.is_empty() {
                    continue;
                }
                alone.push([
                    Side {
                        stem: stems[x],
                        name: words[x].0.clone(),
                        own: a,
                    },
                    Side {
                        stem: stems[y],
                        name: words[y].0.clone(),
                        own: b,
                    },
                ]);
            }
        }
        Sides {
            pair: None,
            alone,
            subjects: stems,
        }
    }

    /// The first subject of the pair that `answer` gives the other's words (see the
    /// module's doc).
    pub fn check(&self, answer: &PreparedAnswer) -> Option<Contradiction> {
        if let Some(pair) = &self.pair {
            return swapped(pair, answer, false);
        }
        if self.alone.is_empty() {
            return None;
        }
        // Only pairs whose two subjects the answer names.
        let named: Vec<u64> = self
            .subjects
            .iter()
            .copied()
            .filter(|&s| answer.tokens().iter().any(|t| t.stem_hash == s))
            .collect();
        if named.len() < 2 {
            return None;
        }
        self.alone
            .iter()
            .filter(|p| named.contains(&p[0].stem) && named.contains(&p[1].stem))
            .find_map(|p| swapped(p, answer, true))
    }
}

/// Whether `answer` gives a subject of `pair` the other's words (see the module's doc);
/// `both` asks that both subjects be turned round.
fn swapped(pair: &[Side; 2], answer: &PreparedAnswer, both: bool) -> Option<Contradiction> {
    let tokens = answer.tokens();
    // Per subject: the other side's words met (stems and forms), whether its own
    // were met, and the span of its first clause meeting the other's.
    let mut other: [Vec<u64>; 2] = Default::default();
    let mut shown: [Vec<String>; 2] = Default::default();
    let mut own = [false; 2];
    let mut span: [Option<(usize, usize)>; 2] = [None, None];
    let mut last: Option<(u32, usize)> = None;
    let mut k = 0;
    while k < tokens.len() {
        let place = tokens[k].place;
        let end = stretch_end(tokens, k, if both { Cut::AndOpening } else { Cut::Clause });
        let clause = k..end;
        k = end;
        let named: Vec<usize> = (0..2)
            .filter(|&s| clause.clone().any(|j| tokens[j].stem_hash == pair[s].stem))
            .collect();
        let first = clause.clone().find(|&j| !tokens[j].part);
        // A pair found from the model answer alone: the subject must open the stretch.
        let opener = clause
            .clone()
            .find(|&j| side_word(&tokens[j]) && !NOT_SUBJECT.contains(&&*tokens[j].norm));
        let opens = |s: usize| opener.is_some_and(|j| tokens[j].stem_hash == pair[s].stem);
        let side = match named.as_slice() {
            [s] if both && !opens(*s) => None,
            [s] => Some(*s),
            [] => last
                .filter(|(sentence, _)| *sentence == place.sentence)
                .filter(|_| first.is_some_and(|j| RELATIVE.contains(&&*tokens[j].norm)))
                .map(|(_, s)| s),
            _ => None,
        };
        last = side.map(|s| (place.sentence, s));
        let Some(s) = side else { continue };
        if clause
            .clone()
            .any(|j| tokens[j].is_negation() || answer.negated(j))
        {
            continue;
        }
        for j in clause.clone().filter(|&j| side_word(&tokens[j])) {
            let h = tokens[j].stem_hash;
            if pair[s].own.iter().any(|w| w.0 == h) {
                own[s] = true;
            } else if let Some(w) = pair[1 - s].own.iter().find(|w| w.0 == h) {
                if !other[s].contains(&h) {
                    other[s].push(h);
                    shown[s].push(w.1.clone());
                }
                span[s].get_or_insert((clause.start, clause.end - 1));
            }
        }
    }
    let turned = |s: usize| !own[s] && !other[s].is_empty();
    let each = turned(0) && turned(1);
    if both && !each {
        return None;
    }
    let s = (0..2).find(|&s| turned(s) && (each || other[s].len() >= 2))?;
    Some(contradiction(
        "sides",
        answer,
        span[s]?,
        format!(
            "those words ({}) of \"{}\", not of \"{}\" (the two sides of its contrast turned round)",
            shown[s].join(", "),
            pair[1 - s].name,
            pair[s].name
        ),
    ))
}

#[cfg(test)]
mod tests {
    use super::super::tests::{contradicted, derived};

    // Fresh sentences (w54-swapped), written before the rule: two model answers that
    // set two subjects against each other; answers giving each the other's words are
    // contradicted, answers stating the contrast the model's way (tersely, or naming
    // both in one clause) are not.
    const LOCKING_Q: &str = "How do optimistic and pessimistic locking differ?";
    const LOCKING: &str = "Optimistic locking takes no lock when it reads: each row carries \
        a version number, and the update checks that the version is unchanged at commit, \
        retrying the transaction when another writer got there first. It suits workloads \
        where conflicts are rare, since nobody waits. Pessimistic locking takes an \
        exclusive lock before reading the row and holds it until the transaction ends, so \
        other writers block and wait. It suits hot rows with frequent conflicts, where \
        retries would waste work, but it risks deadlocks and long waits.";
    const THREAD_Q: &str = "What is the difference between a process and a thread?";
    const THREAD: &str = "A process has its own address space, file descriptors and page \
        tables, so a crash in one process cannot corrupt another, and starting one is \
        expensive. A thread runs inside a process and shares its memory and open files \
        with the other threads, so threads communicate cheaply through shared variables \
        but one bad pointer can bring the whole process down. Threads are cheap to create \
        and switch between, while processes need a full context switch.";

    fn swapped(question: &str, model: &str, answer: &str) -> bool {
        contradicted(&derived(question, model, answer), "sides")
    }

    /// Asserts that none of `answers` is contradicted as swapped.
    fn none_swapped(question: &str, model: &str, answers: &[&str]) {
        for answer in answers {
            assert!(!swapped(question, model, answer), "{answer}");
        }
    }

    #[test]
    fn two_subjects_given_each_others_words_are_swapped() {
        for answer in [
            "Pessimistic locking checks a version number at commit and retries when another \
             writer got there first; optimistic locking holds an exclusive lock until the \
             transaction ends.",
            "Optimistic locking holds an exclusive lock until the transaction ends, so other \
             writers wait.",
        ] {
            assert!(swapped(LOCKING_Q, LOCKING, answer), "{answer}");
        }
        for answer in [
            "A thread has its own address space and page tables, while a process shares memory with the others.",
            "Threads are expensive to start.",
        ] {
            assert!(swapped(THREAD_Q, THREAD, answer), "{answer}");
        }
    }

    // w52-twins left "a virtual machine shares the host kernel, while a container
    // boots its own kernel" to other readers: *kernel* is said plainly on both sides,
    // but *shares* and *host* are the container's words.
    use super::super::twins::tests::{KERNEL, KERNEL_Q};

    #[test]
    fn subjects_set_apart_by_differ_from_are_a_pair() {
        let answer =
            "A virtual machine shares the host kernel, while a container boots its own kernel.";
        assert!(swapped(KERNEL_Q, KERNEL, answer), "{answer}");
        none_swapped(
            KERNEL_Q,
            KERNEL,
            &[
                "Containers share the host kernel, while a virtual machine boots its own kernel.",
                "A namespaced, cgroup-limited process sharing the host kernel; a VM boots its own kernel.",
                "Unlike a virtual machine, a container has no kernel of its own.",
            ],
        );
    }

    #[test]
    fn a_contrast_said_the_model_answers_way_is_no_swap() {
        none_swapped(
            LOCKING_Q,
            LOCKING,
            &[
                "Optimistic locking checks a version number at commit and retries on conflict; \
                 pessimistic locking holds an exclusive lock so other writers wait.",
                "Unlike pessimistic locking, optimistic locking never blocks: it checks the version at commit.",
                "Optimistic: version check at commit, retry. Pessimistic: lock first, others wait.",
            ],
        );
        let threads = [
            "Threads share their process's memory, so they are cheap, but a bad pointer in one can crash the whole process.",
            "Each process gets its own address space; threads of one process share it.",
            // One word of the other side, said of one subject only: a right answer may
            // say more than the model answer.
            "A process is isolated, with separate memory; a thread is lighter but shares memory.",
        ];
        none_swapped(THREAD_Q, THREAD, &threads);
    }

    // Fresh sentences (w72-swapped2), written before the rule: three long model answers
    // whose questions name no pair. The subjects that open their clauses (tag and
    // branch, client and server, primary and replica) are found from the model answer
    // alone; an answer giving each the other's words is contradicted, and answers
    // saying it the model's way (tersely, both in one clause, or denied) are not.
    const TAG_Q: &str = "What is a git tag, and when would you use one?";
    const TAG: &str = "A tag is a fixed name for one commit: once it is created it never \
        moves, unlike a branch, which is a pointer that advances every time you commit on \
        it. A tag marks a release, so a build of v1.2.0 can always be reproduced from \
        exactly the same source. An annotated tag also stores the tagger, a date and a \
        message, and it can be signed. A branch carries ongoing work and is usually \
        deleted after it is merged.";
    const DHCP_Q: &str = "How does a computer get an IP address from DHCP when it joins a network?";
    const DHCP: &str = "When a computer joins a network it has no address yet, so the client \
        broadcasts a discover message to the whole segment. The server answers with an \
        offer that holds a free address, a subnet mask and a lease time. The client then \
        requests that address in a broadcast of its own, so any other offers are declined. \
        The server confirms the request with an acknowledgement and records the lease in \
        its table, and the client configures its interface and renews the lease at half \
        its time.";
    const REPLICA_Q: &str = "How does a streaming read replica of a database stay up to date?";
    const REPLICA: &str = "The primary takes every write and records each change in its \
        write-ahead log before it commits. The primary then streams the log records over a \
        replication connection as they are written. The replica replays the records in the \
        same order, applying each change to its own copy of the pages, and serves \
        read-only queries from that copy. It lags the primary by the records still in \
        flight, so a read right after a write may miss the change.";

    #[test]
    fn subjects_found_in_the_model_answer_alone_given_each_others_words_are_swapped() {
        for (question, model, answer) in [
            (
                TAG_Q,
                TAG,
                "A branch marks a release so the build can be reproduced; a tag is a pointer \
                 that advances with every commit.",
            ),
            (
                TAG_Q,
                TAG,
                "A branch is a fixed name for one commit that marks a release, while a tag \
                 carries ongoing work and is deleted after it is merged.",
            ),
            (
                DHCP_Q,
                DHCP,
                "The server broadcasts a discover message, and the client answers with an \
                 offer and records the lease in its table.",
            ),
            (
                REPLICA_Q,
                REPLICA,
                "The replica records each change in the write-ahead log and streams the log \
                 records, and the primary replays the records in order and serves read-only \
                 queries.",
            ),
        ] {
            assert!(swapped(question, model, answer), "{answer}");
        }
    }

    #[test]
    fn subjects_found_in_the_model_answer_alone_said_its_way_are_no_swap() {
        none_swapped(
            TAG_Q,
            TAG,
            &[
                "A tag is a fixed name for one commit that marks a release; a branch moves \
                 as you commit and carries ongoing work.",
                "A fixed name for a commit, used to mark a release so the build can be \
                 reproduced later.",
                "A tag never moves, unlike a branch; tag each release so its build can be \
                 reproduced from the same source.",
            ],
        );
        none_swapped(
            DHCP_Q,
            DHCP,
            &[
                "The client broadcasts a discover message; the server answers with an offer \
                 of a free address and a lease time, the client requests it, and the server \
                 confirms with an acknowledgement.",
                "Client broadcasts discover. Server offers an address with a lease. Client \
                 requests it. Server acknowledges and records the lease.",
                "The server never broadcasts the discover; the client does, and the server \
                 answers with an offer and an acknowledgement.",
            ],
        );
        none_swapped(
            REPLICA_Q,
            REPLICA,
            &[
                "The primary records each change in its write-ahead log and streams the \
                 records; the replica replays them in order and serves read-only queries, \
                 lagging a little.",
                "The replica replays the log records that the primary streams to it, in the \
                 same order, and answers read-only queries from its copy.",
                "The primary streams its write-ahead log; the replica replays it and serves \
                 reads, so it lags the primary a little.",
            ],
        );
    }

    // Fresh sentences (w80-derived), written before the rule: two questions that compare
    // two subjects with *than*, whose model answers never open a sentence with either
    // but pair each with its condition in a sentence of its own ("..., giving major
    // chords their bright sound; when ..., giving minor chords ..."). An answer pairing
    // each subject with the other's condition is contradicted; one saying it the model
    // answer's way, tersely or at length, is not.
    const CHORD_Q: &str = "Why do major chords sound brighter than minor chords?";
    const CHORD: &str = "A chord stacks a root, a third and a fifth. When the third sits \
        four semitones above the root, its frequency ratio to the root is close to 5:4, a \
        simple ratio that blends smoothly, giving major chords their bright, stable sound; \
        when it sits three semitones above, the ratio is near 6:5 and the upper notes clash \
        slightly with the overtones of the root, giving minor chords their darker colour. \
        Listeners also learn these associations from the music they grow up with.";
    const ENGINE_Q: &str = "Why do diesel engines run leaner than petrol engines?";
    const ENGINE: &str = "Both burn fuel in a cylinder, but they ignite it differently. \
        Compressing air alone to about 18:1 heats it past the fuel's ignition point, so \
        fuel injected at the top of the stroke burns by itself with excess air, giving \
        diesel engines their lean mixture; drawing in a premixed charge, compressing it \
        only to about 10:1 because a higher ratio would make it knock, and firing it with a \
        spark plug at a fixed ratio of air to fuel gives petrol engines a richer mixture. \
        A throttle plate also costs a petrol engine pumping losses at part load.";

    #[test]
    fn a_pair_the_question_compares_each_given_the_others_condition_is_swapped() {
        for answer in [
            "Minor chords come when the third is four semitones above the root and blends \
             smoothly, and major chords when it is three semitones up and clashes with the \
             overtones.",
            "Major chords have upper notes that clash slightly with the overtones.",
        ] {
            assert!(swapped(CHORD_Q, CHORD, answer), "{answer}");
        }
        for answer in [
            "Petrol engines compress air alone to about 18:1 so the injected fuel ignites by \
             itself, and diesel engines draw in a premixed charge and fire it with a spark \
             plug.",
            "A diesel engine uses a spark plug and a premixed charge.",
        ] {
            assert!(swapped(ENGINE_Q, ENGINE, answer), "{answer}");
        }
    }

    #[test]
    fn a_pair_the_question_compares_said_the_model_answers_way_is_no_swap() {
        none_swapped(
            CHORD_Q,
            CHORD,
            &[
                "A major third, four semitones, is close to a simple 5:4 ratio and blends; the \
                 minor third, three semitones, clashes with the overtones, so minor chords \
                 sound darker.",
                "Major: the third is four semitones up, a simple 5:4 ratio. Minor: three \
                 semitones, 6:5, which clashes.",
                "Major chords blend smoothly because their third makes a simple 5:4 ratio with \
                 the root.",
            ],
        );
        none_swapped(
            ENGINE_Q,
            ENGINE,
            &[
                "A diesel compresses air alone to 18:1 so the fuel ignites by itself with \
                 excess air; a petrol engine compresses a premixed charge only to 10:1 to avoid \
                 knock and fires it with a spark plug.",
                "Diesel engines ignite fuel by compression in excess air, while petrol engines \
                 need a spark plug and a fixed ratio of air to fuel.",
            ],
        );
        // A comparison with no sentence of the model answer on either side: no pair.
        none_swapped(
            "Why do major chords sound brighter than minor chords?",
            "Listeners hear the two kinds of chord differently because of the intervals \
             between their notes and the music they grew up with.",
            &["Minor chords sound brighter than major chords."],
        );
    }

    /// The words of each stretch of `text` as `cut` splits it.
    fn cut(text: &str, cut: super::Cut) -> Vec<String> {
        use super::stretch_end;
        use crate::grade::token::{Parts, tokenize};
        let tokens = tokenize(text, &crate::lang::stemmer(), Parts::Skip);
        let mut out = Vec::new();
        let mut k = 0;
        while k < tokens.len() {
            let end = stretch_end(&tokens, k, cut);
            let words: Vec<&str> = tokens[k..end].iter().map(|t| &*t.norm).collect();
            out.push(words.join(" "));
            k = end;
        }
        out
    }

    #[test]
    fn one_split_cuts_a_clause_at_every_and_or_only_before_a_second_subject() {
        use super::Cut;
        let text = "a wider table lowers the error and keeps memory fixed and more rows lower \
            its chance";
        assert_eq!(cut(text, Cut::Clause).len(), 1);
        assert_eq!(
            cut(text, Cut::AndOpening),
            [
                "a wider table lowers the error and keeps memory fixed",
                "and more rows lower its chance"
            ]
        );
        assert_eq!(
            cut(text, Cut::EveryAnd),
            [
                "a wider table lowers the error",
                "and keeps memory fixed",
                "and more rows lower its chance"
            ]
        );
    }
}
