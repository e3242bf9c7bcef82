//! Subjects swapped (derived rubrics only): a long model answer says what each of its
//! subjects does, clause by clause ("*blue-green* keeps two full environments ...; a
//! *canary* sends a small share of traffic"). The subject of a clause is its first
//! content word (a word written with hyphens is one: *blue-green*), or two joined by
//! *and* or *or* ("select and poll take the whole list"); what it does is each two
//! content words after it, in order, up to a negation, a list (*and*, *or*) or the end
//! of the clause; *and* or *or* before a determiner opens the clause of another subject
//! ("... and the router answers"). An answer that says, of one of the model answer's subjects, what the
//! model answer says only of another, and of that other what it says only of the
//! first ("a canary runs two full environments; blue-green sends a small share of
//! traffic"), has swapped them, unless it also says of either what the model answer
//! says of it as often. Both ways round, in clauses of their own: a right answer often
//! says one thing of a subject that the model answer happened to say of another.
//! One way is enough when the answer is plainly setting the two against each other:
//! [`ONE_WAY`] pairs of words or more said of one subject that the model answer says only
//! of the other, none that it says of the first, both named in the question's prompt,
//! and the other the subject of another clause of the same sentence ("UVA burns the outer layer of the skin, while UVB ..."
//! where the model answer says "UVB burns the outer layer of the skin" and names UVA
//! only as a thing blocked).

use super::{content, relative};
use crate::grade::Contradiction;
use crate::grade::matcher::PreparedAnswer;
use crate::grade::token::Token;
use crate::lang::is_determiner;
use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::Arc;

/// How many content words after its subject a clause's predicate reaches.
const REACH: usize = 6;

/// For two words (stems) said in that order after a subject, the subjects they are said
/// of.
type Said = FxHashMap<(Arc<str>, Arc<str>), Vec<Arc<str>>>;

/// What a long model answer says of each of its subjects.
pub(super) struct Subjects {
    said: Said,
    /// The stems of the question's prompt: a swap seen one way only is of two subjects
    /// the question names ([`one_way`]).
    asked: FxHashSet<Arc<str>>,
}

/// One clause: its subjects, and the tokens of the words said of them, in order.
struct Clause {
    subjects: Vec<(Arc<str>, usize)>,
    words: Vec<usize>,
}

impl Subjects {
    /// What `model` says of its subjects, when it is long and two of them have something
    /// said of them; `question` is the prompt.
    pub(super) fn new(model: &PreparedAnswer, question: &PreparedAnswer) -> Option<Subjects> {
        let tokens = model.tokens();
        let mut stems: Vec<&Arc<str>> = tokens
            .iter()
            .filter(|t| content(t))
            .map(|t| &t.stem)
            .collect();
        stems.sort_unstable();
        stems.dedup();
        if stems.len() <= super::LONG_MODEL {
            return None;
        }
        let mut said = Said::default();
        let mut subjects: Vec<&Arc<str>> = Vec::new();
        let clauses = clauses(model);
        for clause in &clauses {
            each_pair(tokens, &clause.words, |v, o| {
                let of = said.entry((v.clone(), o.clone())).or_default();
                for (subject, _) in &clause.subjects {
                    if !of.contains(subject) {
                        of.push(subject.clone());
                    }
                }
            });
            if clause.words.len() >= 2 {
                subjects.extend(clause.subjects.iter().map(|(s, _)| s));
            }
        }
        subjects.sort_unstable();
        subjects.dedup();
        let asked = question.tokens().iter().map(|t| t.stem.clone()).collect();
        (subjects.len() >= 2).then_some(Subjects { said, asked })
    }

    /// The first two subjects `answer` swaps, if any.
    pub(super) fn check(&self, answer: &PreparedAnswer) -> Option<Contradiction> {
        let tokens = answer.tokens();
        // Per subject of the answer: how many pairs of words it keeps; per (subject,
        // other): the pairs said of it that the model answer says only of the other,
        // and the answer's tokens of the first.
        let mut kept: FxHashMap<Arc<str>, usize> = FxHashMap::default();
        let mut crossed: Vec<(Arc<str>, Arc<str>, Vec<usize>)> = Vec::new();
        let clauses = clauses(answer);
        for clause in &clauses {
            let names = |s: &Arc<str>| clause.subjects.iter().any(|(c, _)| c == s);
            each_pair(tokens, &clause.words, |v, o| {
                let Some(of) = self.said.get(&(v.clone(), o.clone())) else {
                    return;
                };
                for &(ref subject, at) in &clause.subjects {
                    if of.contains(subject) {
                        *kept.entry(subject.clone()).or_default() += 1;
                        continue;
                    }
                    for other in of.iter().filter(|o| !names(o)) {
                        match crossed
                            .iter_mut()
                            .find(|(s, t, _)| s == subject && t == other)
                        {
                            Some(hit) => hit.2.push(at),
                            None => crossed.push((subject.clone(), other.clone(), vec![at])),
                        }
                    }
                }
            });
        }
        let count = |s: &Arc<str>, t: &Arc<str>| {
            crossed
                .iter()
                .find(|(a, b, _)| a == s && b == t)
                .map_or(0, |hit| hit.2.len())
        };
        let kept = |s: &Arc<str>| kept.get(s).copied().unwrap_or(0);
        let both = crossed
            .iter()
            .find(|(s, t, n)| n.len() > kept(s) && count(t, s) > kept(t))
            .and_then(|(subject, other, here)| {
                let (_, _, there) = crossed
                    .iter()
                    .find(|(s, t, _)| s == other && t == subject)?;
                Some((here[0], there[0], "and the other way round"))
            });
        let asked = |s: &Arc<str>| s.split('-').all(|piece| self.asked.contains(piece));
        let (here, there, how) =
            both.or_else(|| one_way(tokens, &clauses, &crossed, kept, asked))?;
        let (said, other) = (name(answer, here), name(answer, there));
        Some(Contradiction {
            role: "subject".to_owned(),
            said: said.clone(),
            model: format!("`{other}` as the subject of those words, {how} (the two swapped)"),
            anchor: None,
            matched: vec![said, other],
        })
    }
}

/// How many pairs of words said of one subject that the model answer says only of
/// another make a swap seen one way only.
const ONE_WAY: usize = 3;

/// A swap seen one way only (see the module's doc): the first subject of the answer
/// given [`ONE_WAY`] pairs of words or more that the model answer says only of another
/// subject, and none it says of itself, where both are words of the question's prompt
/// and a clause of the same sentence of the answer has that other subject and not the
/// first ("TRIM gives the drive spare blocks,
/// and over-provisioning tells the drive which pages the file system has deleted").
/// Returns the tokens of the two subjects.
fn one_way(
    tokens: &[Token],
    clauses: &[Clause],
    crossed: &[(Arc<str>, Arc<str>, Vec<usize>)],
    kept: impl Fn(&Arc<str>) -> usize,
    asked: impl Fn(&Arc<str>) -> bool,
) -> Option<(usize, usize, &'static str)> {
    crossed.iter().find_map(|(subject, other, here)| {
        if here.len() < ONE_WAY || kept(subject) > 0 || !asked(subject) || !asked(other) {
            return None;
        }
        let sentence = tokens[here[0]].place.sentence;
        let there = clauses.iter().find_map(|c| {
            let has = |s: &Arc<str>| c.subjects.iter().find(|(x, _)| x == s);
            let (_, at) = has(other)?;
            (has(subject).is_none() && tokens[*at].place.sentence == sentence).then_some(*at)
        })?;
        Some((here[0], there, "which the answer names beside it"))
    })
}

/// The subject at token `at` as `text` writes it: a word written with hyphens whole
/// (*blue-green*, not *blue*), as [`clauses`] reads it.
fn name(text: &PreparedAnswer, at: usize) -> String {
    let tokens = text.tokens();
    if !tokens[at].glued {
        return text.word(at).to_owned();
    }
    let pieces: Vec<&str> = (at..tokens.len())
        .filter(|&k| !tokens[k].part)
        .take_while(|&k| tokens[k].glued)
        .take(3)
        .map(|k| text.word(k))
        .collect();
    pieces.join("-")
}

/// Calls `f(v, o)` for the stems of each two of `words` in order.
fn each_pair(tokens: &[Token], words: &[usize], mut f: impl FnMut(&Arc<str>, &Arc<str>)) {
    for (k, &v) in words.iter().enumerate() {
        for &o in &words[k + 1..] {
            if tokens[v].stem != tokens[o].stem {
                f(&tokens[v].stem, &tokens[o].stem);
            }
        }
    }
}

/// Whether token `i` (of `words`, a segment's) is the *by* of a passive, which turns
/// subject and object round ("the key is entered by the operators"), not of an idiom
/// ("step by step", "by default", "by hand").
fn passive(tokens: &[Token], words: &[usize], i: usize) -> bool {
    if &*tokens[i].norm != "by" {
        return false;
    }
    let at = words.iter().position(|&k| k == i).unwrap_or(0);
    let (before, after) = (at.checked_sub(1).map(|p| words[p]), words.get(at + 1));
    match after {
        None => false,
        Some(&next) => {
            !matches!(
                &*tokens[next].norm,
                "default" | "hand" | "design" | "far" | "now"
            ) && before.is_none_or(|b| tokens[b].stem != tokens[next].stem)
        }
    }
}

/// The clauses of `text` with a subject and a word said of it (see the module's doc).
/// A clause opened by *which* or *who* has the subject of the word before it, not one of
/// its own, and is left out; so is a passive one (see [`passive`]).
fn clauses(text: &PreparedAnswer) -> Vec<Clause> {
    let tokens = text.tokens();
    let mut out = Vec::new();
    for segment in super::super::roles::segments(tokens) {
        let words: Vec<usize> = segment.filter(|&i| !tokens[i].part).collect();
        let Some(&first) = words.first() else {
            continue;
        };
        if relative(&tokens[first].norm) || words.iter().any(|&i| passive(tokens, &words, i)) {
            continue;
        }
        let mut subjects: Vec<(Arc<str>, usize)> = Vec::new();
        let mut said: Vec<usize> = Vec::new();
        let mut p = 0;
        // Whether a list word (*and*, *or*) came since the last content word.
        let mut joined = false;
        while p < words.len() {
            let i = words[p];
            let t = &tokens[i];
            if t.is_negation() || text.negated(i) {
                break;
            }
            if !content(t) {
                if matches!(&*t.norm, "and" | "or") {
                    // "... and the router answers": a clause of another subject.
                    let next = words.get(p + 1).map(|&k| &*tokens[k].norm);
                    if !said.is_empty() && next.is_some_and(is_determiner) {
                        out.extend(clause(&mut subjects, &mut said));
                    } else if !said.is_empty() {
                        break;
                    }
                    joined = true;
                }
                p += 1;
                continue;
            }
            if subjects.is_empty() || (said.is_empty() && joined) {
                // A word written with hyphens is one subject: *blue-green*.
                let run = match t.glued {
                    true => words[p..]
                        .iter()
                        .take_while(|&&k| tokens[k].glued)
                        .take(3)
                        .count(),
                    false => 1,
                };
                let stems: Vec<&str> = words[p..p + run]
                    .iter()
                    .map(|&k| &*tokens[k].stem)
                    .collect();
                subjects.push((Arc::from(stems.join("-")), i));
                joined = false;
                p += run;
                continue;
            }
            if said.len() < REACH {
                said.push(i);
            }
            p += 1;
        }
        out.extend(clause(&mut subjects, &mut said));
    }
    out
}

/// The clause of `subjects` and the words `said` of them, when there are two words at
/// least; both are emptied for the next.
fn clause(subjects: &mut Vec<(Arc<str>, usize)>, said: &mut Vec<usize>) -> Option<Clause> {
    let clause = Clause {
        subjects: std::mem::take(subjects),
        words: std::mem::take(said),
    };
    (!clause.subjects.is_empty() && clause.words.len() >= 2).then_some(clause)
}

#[cfg(test)]
mod tests {
    use super::Subjects;
    use crate::grade::contrast::roles::tests::prepared;

    /// A long model answer that says what each of two protocols does, clause by clause.
    const TRANSPORT: &str = "TCP opens a connection with a three-way handshake and \
        numbers every byte; the receiver acknowledges what arrives and the sender \
        retransmits lost segments, so the stream arrives complete and in order. UDP sends \
        independent datagrams without a connection: a lost datagram stays lost, and the \
        application handles ordering if it needs it. That is why TCP carries file \
        transfers and web pages, while UDP carries live audio, video calls and most DNS \
        lookups, where a late packet is worse than a lost one.";

    fn check(model: &str, answer: &str) -> Option<String> {
        asked(model, "", answer)
    }

    /// [`check`] for a question whose prompt is `prompt`.
    fn asked(model: &str, prompt: &str, answer: &str) -> Option<String> {
        let subjects =
            Subjects::new(&prepared(model), &prepared(prompt)).expect("a long model answer");
        subjects.check(&prepared(answer)).map(|c| c.to_string())
    }

    #[test]
    fn two_subjects_given_each_others_predicates_are_swapped() {
        let swapped = "UDP opens a connection with a three-way handshake and numbers every \
            byte; TCP sends independent datagrams and lets the application handle ordering.";
        let hit = check(TRANSPORT, swapped).expect("swapped");
        assert!(hit.contains("subject \"udp\""), "{hit}");
        assert!(hit.contains("`tcp`"), "{hit}");
        // "and the ..." opens the clause of another subject.
        let hit = check(
            TRANSPORT,
            "The sender acknowledges what arrives and the receiver retransmits lost segments.",
        )
        .expect("swapped in one sentence");
        assert!(hit.contains("subject \"sender\""), "{hit}");
        let kept =
            "The receiver acknowledges what arrives and the sender retransmits lost segments.";
        assert_eq!(check(TRANSPORT, kept), None);
        // Step by step is no passive.
        let stepwise = "UDP opens a connection step by step with a three-way handshake; TCP \
            sends independent datagrams one at a time.";
        assert!(check(TRANSPORT, stepwise).is_some());
    }

    #[test]
    fn a_subject_written_with_hyphens_is_named_whole() {
        let model = "A write-through cache writes every update to the cache and the backing \
            store at once, so a crash loses nothing but each write waits for the slow store. \
            A write-back cache marks the changed line dirty and copies dirty lines to the \
            store later, when they are evicted, so writes are fast but a crash before the \
            flush loses them. Choose write-through where losing data is unacceptable; \
            RAID controllers keep a battery so their write-back memory survives a power cut.";
        let swapped = "A write-back cache writes every update to the cache and the backing \
            store at once; a write-through cache marks the changed line dirty and copies \
            dirty lines to the store later.";
        let hit = check(model, swapped).expect("swapped");
        assert!(hit.contains("subject \"write-back\""), "{hit}");
        assert!(hit.contains("`write-through` as the subject"), "{hit}");
    }

    #[test]
    fn subjects_kept_turned_one_way_only_or_passive_are_no_swap() {
        for right in [
            // Each its own predicates, in other words.
            "TCP opens a connection with a handshake and retransmits lost segments; UDP \
             just sends independent datagrams.",
            // Said of a subject what the model answer says of another (the receiver),
            // one way only: a right answer may say more than the model answer.
            "TCP opens a connection with a three-way handshake; UDP acknowledges what \
             arrives when QUIC runs over it.",
            // The subject of a passive is the model answer's object.
            "A connection with a three-way handshake is opened by TCP; independent \
             datagrams are sent by UDP.",
            // Said of both at once.
            "TCP and UDP both send independent datagrams over IP.",
        ] {
            assert_eq!(check(TRANSPORT, right), None, "{right}");
        }
        // A short model answer has no subjects to swap.
        let short = prepared("TCP opens a connection; UDP sends datagrams.");
        assert!(Subjects::new(&short, &prepared("")).is_none());
    }

    /// A long model answer that names one of two kinds of light only at its end, not as
    /// the subject of what it says of it (w66-swapped's fresh sentences).
    const SUNSCREEN: &str = "Sunlight reaching the ground carries two kinds of ultraviolet \
        light that harm the skin. UVB burns the outer layer of the skin, so it causes sunburn and most skin cancers; the SPF number on a bottle \
        measures protection against it alone. Light of the longer band, which is why \
        dermatologists warn about window seats, penetrates deeper into the dermis, ages the \
        skin and passes through clouds and glass. Mineral filters such as zinc oxide reflect \
        and scatter both, while chemical filters absorb the rays and release the energy as \
        heat. A broad-spectrum label means the product also blocks UVA. Apply it generously \
        and again every two hours.";

    /// The prompt of [`SUNSCREEN`].
    const SUNSCREEN_ASKED: &str =
        "How do UVA and UVB light harm the skin, and how does sunscreen protect it?";

    /// A long model answer that names the heap only at its end.
    const HEAP: &str = "Each thread has a stack, a region that grows and shrinks with \
        function calls: the stack holds each call's local variables, arguments and return \
        address, and a frame is freed automatically when its function returns, so \
        allocation there costs almost nothing. Memory whose lifetime is not tied to one call \
        comes from a separate region, managed by an allocator, and it holds objects that \
        outlive the function that made them, such as a linked list or a buffer returned to \
        the caller; the program or a garbage collector must free that memory, and \
        fragmentation and locking make it slower. In most languages the heap is also far \
        larger than a thread's stack, which is often limited to a few megabytes.";

    /// The prompt of [`HEAP`].
    const HEAP_ASKED: &str = "What do the stack and the heap hold in a running program?";

    #[test]
    fn a_subject_given_anothers_predicates_beside_it_is_swapped_one_way() {
        for (model, prompt, wrong, said) in [
            (
                SUNSCREEN,
                SUNSCREEN_ASKED,
                "UVA burns the outer layer of the skin and causes sunburn, while UVB \
                 penetrates deeper into the dermis and ages the skin.",
                "subject \"uva\"",
            ),
            (
                SUNSCREEN,
                SUNSCREEN_ASKED,
                "UVA burns the outer layer of the skin and causes sunburn and most skin \
                 cancers, while UVB is what passes through window glass.",
                "subject \"uva\"",
            ),
            (
                HEAP,
                HEAP_ASKED,
                "The heap holds each call's local variables, arguments and return address, \
                 while the stack holds objects that outlive their function.",
                "subject \"heap\"",
            ),
        ] {
            let hit = asked(model, prompt, wrong).unwrap_or_else(|| panic!("swapped: {wrong}"));
            assert!(hit.contains(said), "{hit}");
            assert!(hit.contains("names beside it"), "{hit}");
        }
    }

    #[test]
    fn one_way_needs_the_other_subject_beside_it_and_nothing_kept() {
        for (model, prompt, right) in [
            // The two in the model answer's order, in other words.
            (
                SUNSCREEN,
                SUNSCREEN_ASKED,
                "UVB burns the outer skin and causes sunburn, while UVA penetrates deeper \
                 and ages it; sunscreen filters reflect or absorb both.",
            ),
            (
                SUNSCREEN,
                SUNSCREEN_ASKED,
                "UVB causes sunburn and most skin cancers, while UVA gets deeper into the \
                 dermis and ages the skin.",
            ),
            (
                HEAP,
                HEAP_ASKED,
                "The stack keeps each call's locals and return address and is freed on \
                 return; the heap holds long-lived objects that the program or a GC frees.",
            ),
            // The other subject not named beside it.
            (
                HEAP,
                HEAP_ASKED,
                "The heap holds each call's local variables in some interpreters.",
            ),
            // Two subjects the prompt does not name: clause openers of any kind.
            (
                HEAP,
                "",
                "The heap holds each call's local variables, arguments and return address, \
                 while the stack holds objects that outlive their function.",
            ),
        ] {
            assert_eq!(asked(model, prompt, right), None, "{right}");
        }
    }
}
