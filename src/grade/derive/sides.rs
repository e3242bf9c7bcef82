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

use super::bindings::contradiction;
use crate::grade::contrast::Contradiction;
use crate::grade::matcher::PreparedAnswer;
use crate::grade::token::Token;

/// Words that join the two subjects in the question.
const JOINS: &[&str] = &["and", "or", "vs", "versus"];

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

/// The model answer's pair of subjects, when the question sets two against each other.
#[derive(Debug, Default)]
pub struct Sides {
    pair: Option<[Side; 2]>,
}

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
    pub fn new(model: &PreparedAnswer, asked: &PreparedAnswer) -> Sides {
        let q = asked.tokens();
        let tokens = model.tokens();
        // The first word of the noun phrase ending at token `k`: *head* of *head-based*,
        // *named* of *a named volume*.
        let first_of = |mut k: usize| {
            while k > 0 && side_word(&q[k - 1]) {
                k -= 1;
            }
            k
        };
        let mut pair = None;
        for (j, t) in q.iter().enumerate() {
            if t.part || j < 2 {
                continue;
            }
            // "X and Y", or "X differs from Y" / "X is different from Y".
            let before = if JOINS.contains(&&*t.norm) {
                j - 1
            } else if &*t.norm == "from" && DIFFER.contains(&&*q[j - 1].norm) {
                j - 2
            } else {
                continue;
            };
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
            pair = Some([q[a].stem_hash, q[b].stem_hash]);
            break;
        }
        let Some(stems) = pair else {
            return Sides::default();
        };
        // The side of each sentence of the model answer.
        let mut words: [Vec<(u64, String)>; 2] = Default::default();
        let mut names: [String; 2] = Default::default();
        let mut opened = [false; 2];
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
                    None if named.len() == 1 => Some(named[0]),
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
        if !opened[0] || !opened[1] {
            return Sides::default();
        }
        let only = |a: &[(u64, String)], b: &[(u64, String)]| -> Vec<(u64, String)> {
            a.iter()
                .filter(|w| !b.iter().any(|v| v.0 == w.0))
                .cloned()
                .collect()
        };
        let (a, b) = (only(&words[0], &words[1]), only(&words[1], &words[0]));
        if a.is_empty() || b.is_empty() {
            return Sides::default();
        }
        let [na, nb] = names;
        Sides {
            pair: Some([
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
            ]),
        }
    }

    /// The first subject of the pair that `answer` gives the other's words (see the
    /// module's doc).
    pub fn check(&self, answer: &PreparedAnswer) -> Option<Contradiction> {
        let pair = self.pair.as_ref()?;
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
            let end = (k..tokens.len())
                .find(|&j| tokens[j].place.clause != place.clause)
                .unwrap_or(tokens.len());
            let clause = k..end;
            k = end;
            let named: Vec<usize> = (0..2)
                .filter(|&s| clause.clone().any(|j| tokens[j].stem_hash == pair[s].stem))
                .collect();
            let first = clause.clone().find(|&j| !tokens[j].part);
            let side = match named.as_slice() {
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
        let both = turned(0) && turned(1);
        let s = (0..2).find(|&s| turned(s) && (both || other[s].len() >= 2))?;
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
}
