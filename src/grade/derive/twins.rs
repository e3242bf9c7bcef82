//! Twins: a word the model answer says both ways in a contrast ("there is no guest kernel
//! in a container ... a VM boots its own kernel"; "a named volume is managed by Docker ...
//! a bind mount is not managed"). A derived rubric then has the word twice, once plain
//! and once negated, and an answer that states the same contrast meets one of the two
//! turned round, which bars the terse scoring (`credit::terse_full`). That `~` is
//! excused when every time the answer says the word in that polarity, it says it of the
//! same side of the contrast as the model answer does: among the words of its clause
//! (else its sentence) are words the model answer says only beside that polarity of the
//! word, and none it says only beside the other. A swapped contrast ("a bind mount is
//! managed by Docker") says the word of the other side and still loses the terse
//! scoring. Only derived rubrics have twins; they are found once per question.
//!
//! A contrast can also say a word one way only and imply the other: "A Lamport
//! timestamp only orders events, while a vector clock detects concurrency" says
//! *detects* of the vector clock and implies a Lamport timestamp does not. A `~` of such
//! a word (see [`Contrasted`]) is excused the same way when every time the answer says
//! it, it names the other subject of the contrast and not the word's own ("Lamport
//! clocks can't detect that"); "a vector clock can't detect concurrency" keeps it.

use crate::grade::ConceptResult;
use crate::grade::matcher::PreparedAnswer;
use crate::grade::token::Token;

/// One word the model answer says plainly and negated, with the words it says beside
/// each polarity only (stem hashes).
#[derive(Debug, Clone)]
struct Twin {
    stem: u64,
    /// The word's forms in the model answer, to know a concept's word by its label.
    norms: Vec<String>,
    plain: Vec<u64>,
    negated: Vec<u64>,
}

/// A word the model answer says of one subject of a contrast only: in one half of a
/// sentence split by *while*, *whereas* or *but*, each half opened by a subject of its
/// own that the other half does not name ("A Lamport timestamp only orders events,
/// while a vector clock detects concurrency": *detects* is said of *vector*, and by
/// implication not of *lamport*).
#[derive(Debug, Clone)]
struct Contrasted {
    stem: u64,
    /// The word's forms in the model answer, to know a concept's word by its label.
    norms: Vec<String>,
    /// The subject of the word's half (stem hash).
    own: u64,
    /// The subject of the other half.
    other: u64,
}

/// The model answer's twins, and the words it says of one side of a contrast only.
#[derive(Debug, Default)]
pub struct Twins {
    twins: Vec<Twin>,
    contrasted: Vec<Contrasted>,
}

/// Whether token `t` is a content word that can tell a side.
fn side_word(t: &Token) -> bool {
    !t.stop && !t.is_negation() && t.norm.chars().count() > 1
}

impl Twins {
    /// The twins of `model` (a derived rubric's model answer, prepared).
    pub fn new(model: &PreparedAnswer) -> Twins {
        let tokens = model.tokens();
        let mut twins: Vec<Twin> = Vec::new();
        for (i, t) in tokens.iter().enumerate() {
            if t.part || !side_word(t) {
                continue;
            }
            let stem = t.stem_hash;
            if twins.iter().any(|w| w.stem == stem) {
                continue;
            }
            let at: Vec<usize> = (i..tokens.len())
                .filter(|&j| !tokens[j].part && tokens[j].stem_hash == stem)
                .collect();
            let (mut plain, mut negated) = (Vec::new(), Vec::new());
            for &j in &at {
                let side = if model.negated(j) {
                    &mut negated
                } else {
                    &mut plain
                };
                let clause = tokens[j].place.clause;
                for u in tokens.iter().filter(|u| u.place.clause == clause) {
                    if side_word(u) && u.stem_hash != stem && !side.contains(&u.stem_hash) {
                        side.push(u.stem_hash);
                    }
                }
            }
            if !at.iter().any(|&j| model.negated(j)) || at.iter().all(|&j| model.negated(j)) {
                continue;
            }
            let only = |a: &[u64], b: &[u64]| -> Vec<u64> {
                a.iter().copied().filter(|s| !b.contains(s)).collect()
            };
            let (p, n) = (only(&plain, &negated), only(&negated, &plain));
            if p.is_empty() || n.is_empty() {
                continue;
            }
            let mut norms: Vec<String> = at.iter().map(|&j| tokens[j].norm.to_string()).collect();
            norms.dedup();
            twins.push(Twin {
                stem,
                norms,
                plain: p,
                negated: n,
            });
        }
        let contrasted = contrasted(model, &twins);
        Twins { twins, contrasted }
    }

    /// Whether `answer` says a twin in one polarity only of the words the model answer
    /// says beside the other ("a VM has no kernel of its own", where the model answer
    /// says a VM boots its own kernel): each side given the other's word.
    pub fn swapped(&self, answer: &PreparedAnswer) -> bool {
        let tokens = answer.tokens();
        self.twins.iter().any(|twin| {
            tokens.iter().enumerate().any(|(j, t)| {
                if t.stem_hash != twin.stem {
                    return false;
                }
                let (own, other) = if answer.negated(j) {
                    (&twin.negated, &twin.plain)
                } else {
                    (&twin.plain, &twin.negated)
                };
                other_side_only(tokens, j, own, other)
            })
        })
    }

    /// Whether concept `c`, found only turned round, is a twin that `answer` says in
    /// that polarity only of the side the model answer says it of.
    pub fn excused(&self, c: &ConceptResult, answer: &PreparedAnswer) -> bool {
        if self.twins.is_empty() && self.contrasted.is_empty() {
            return false;
        }
        let keyword = c.keyword.as_deref().unwrap_or(&c.label);
        let words: Vec<&str> = keyword.split_whitespace().collect();
        let word = match words.as_slice() {
            [w] => w,
            [_, w] => w,
            _ => return false,
        };
        let Some(twin) = self
            .twins
            .iter()
            .find(|t| t.norms.iter().any(|n| n == word))
        else {
            return self
                .contrasted
                .iter()
                .find(|t| t.norms.iter().any(|n| n == word))
                .is_some_and(|c| c.excused(answer));
        };
        let tokens = answer.tokens();
        let mut said = false;
        for (j, t) in tokens.iter().enumerate() {
            // A word inside a path or a command (`/var/lib/docker/volumes`) says nothing
            // of a side.
            if t.stem_hash != twin.stem || t.part {
                continue;
            }
            said = true;
            let (own, other) = if answer.negated(j) {
                (&twin.negated, &twin.plain)
            } else {
                (&twin.plain, &twin.negated)
            };
            if !on_side(tokens, j, own, other) {
                return false;
            }
        }
        said
    }
}

impl Contrasted {
    /// Whether every time `answer` says the word (found only turned round), the words
    /// around it name the other subject of the model answer's contrast and not the
    /// word's own: "Lamport clocks can't detect that", where the model answer says a
    /// vector clock detects concurrency and a Lamport timestamp only orders events.
    fn excused(&self, answer: &PreparedAnswer) -> bool {
        let tokens = answer.tokens();
        let mut said = false;
        for (j, t) in tokens.iter().enumerate() {
            if t.stem_hash != self.stem || t.part {
                continue;
            }
            said = true;
            if !on_side(tokens, j, &[self.other], &[self.own]) {
                return false;
            }
        }
        said
    }
}

/// The words `model` says in one half of a contrast only (see [`Contrasted`]): a
/// sentence with *while*, *whereas* or *but* after its first word, whose last clause
/// before the cue and first clause after it each open with a content word (the
/// subject) that the other half lacks. Each half's other content words, bar those
/// the other half says too and the twins, are said of its subject.
fn contrasted(model: &PreparedAnswer, twins: &[Twin]) -> Vec<Contrasted> {
    let tokens = model.tokens();
    let mut out: Vec<Contrasted> = Vec::new();
    for (k, cue) in tokens.iter().enumerate() {
        if cue.part || !matches!(&*cue.norm, "while" | "whereas" | "but") {
            continue;
        }
        let sentence = cue.place.sentence;
        if k == 0 || tokens[k - 1].place.sentence != sentence {
            continue;
        }
        let before = tokens[k - 1].place.clause;
        let Some(first_after) = tokens.get(k + 1).filter(|t| t.place.sentence == sentence) else {
            continue;
        };
        let after = first_after.place.clause;
        let half = |clause: u32, range: std::ops::Range<usize>| -> Vec<usize> {
            range
                .filter(|&j| {
                    !tokens[j].part
                        && tokens[j].place.clause == clause
                        && tokens[j].place.sentence == sentence
                })
                .collect()
        };
        let a = half(before, 0..k);
        let b = half(after, k + 1..tokens.len());
        let subject = |h: &[usize]| h.iter().copied().find(|&j| side_word(&tokens[j]));
        let (Some(sa), Some(sb)) = (subject(&a), subject(&b)) else {
            continue;
        };
        let stems = |h: &[usize]| -> Vec<u64> { h.iter().map(|&j| tokens[j].stem_hash).collect() };
        let (wa, wb) = (stems(&a), stems(&b));
        let (sa, sb) = (tokens[sa].stem_hash, tokens[sb].stem_hash);
        if sa == sb || wb.contains(&sa) || wa.contains(&sb) {
            continue;
        }
        for (h, others, own, other) in [(&a, &wb, sa, sb), (&b, &wa, sb, sa)] {
            for &j in h {
                let stem = tokens[j].stem_hash;
                if !side_word(&tokens[j])
                    || stem == own
                    || others.contains(&stem)
                    || twins.iter().any(|t| t.stem == stem)
                    || out.iter().any(|c| c.stem == stem)
                {
                    continue;
                }
                let mut norms: Vec<String> = tokens
                    .iter()
                    .filter(|t| !t.part && t.stem_hash == stem)
                    .map(|t| t.norm.to_string())
                    .collect();
                norms.dedup();
                out.push(Contrasted {
                    stem,
                    norms,
                    own,
                    other,
                });
            }
        }
    }
    out
}

/// Whether the words around token `j` (its clause, else its sentence) meet `own` and
/// not `other`.
fn on_side(tokens: &[Token], j: usize, own: &[u64], other: &[u64]) -> bool {
    side(tokens, j, own, other) == Some(true)
}

/// Whether the words around token `j` meet `other` and not `own`.
fn other_side_only(tokens: &[Token], j: usize, own: &[u64], other: &[u64]) -> bool {
    side(tokens, j, other, own) == Some(true)
}

/// Which side the words around token `j` (its clause, else its sentence) are on:
/// `Some(true)` when they meet `own` and not `other`, `Some(false)` when they meet
/// `other`, `None` when they meet neither.
fn side(tokens: &[Token], j: usize, own: &[u64], other: &[u64]) -> Option<bool> {
    let place = tokens[j].place;
    for wide in [false, true] {
        let near = tokens.iter().filter(|u| {
            side_word(u)
                && if wide {
                    u.place.sentence == place.sentence
                } else {
                    u.place.clause == place.clause
                }
        });
        let meets_own = near.clone().any(|u| own.contains(&u.stem_hash));
        let meets_other = near.clone().any(|u| other.contains(&u.stem_hash));
        if meets_own || meets_other {
            return Some(meets_own && !meets_other);
        }
    }
    None
}

#[cfg(test)]
pub(super) mod tests {
    use super::super::tests::derived;

    // Fresh sentences (w52-twins), written before the rule: model answers that say a
    // word both ways in a contrast; terse right answers stating the same contrast reach
    // the terse scoring, swapped ones (each side given the other's word) do not.
    pub(in crate::grade::derive) const KERNEL_Q: &str =
        "How is a container different from a virtual machine?";
    pub(in crate::grade::derive) const KERNEL: &str = "A container is an ordinary host process fenced off by namespaces \
        and limited by cgroups. There is no guest kernel inside it: every container shares \
        the host kernel with the others. A virtual machine, by contrast, boots its own \
        kernel on emulated hardware through a hypervisor, which makes it heavier and slower \
        to start but isolates it more strongly.";
    const VOLUME_Q: &str = "How does a named volume differ from a bind mount?";
    const VOLUME: &str = "A named volume is created and managed by Docker, which keeps its \
        data under /var/lib/docker/volumes and lets several containers reuse it by name. \
        A bind mount is not managed by Docker at all: it maps a host path you pick, such \
        as a project folder, straight into the container, so edits on the host show up \
        inside at once.";

    fn terse(question: &str, model: &str, answer: &str) -> bool {
        derived(question, model, answer).terse.is_some()
    }

    /// A twin said of the model answer's own side is not listed to the learner as said
    /// the other way round (nor as missed): the answer got it right.
    #[test]
    fn a_twin_said_of_its_own_side_is_not_listed_to_the_learner() {
        let answer =
            "Named volume: managed by Docker, reused by name. Bind mount: a host path you pick.";
        let grade = derived(VOLUME_Q, VOLUME, answer);
        assert!(grade.passed, "{grade:?}");
        let twins: Vec<_> = grade.concepts.iter().filter(|c| c.turned()).collect();
        assert!(!twins.is_empty(), "{grade:?}");
        assert!(twins.iter().all(|c| !c.lacked(true)), "{twins:?}");
        let swapped = derived(
            VOLUME_Q,
            VOLUME,
            "A bind mount is managed by Docker under /var/lib/docker/volumes; a named volume maps a host folder you pick.",
        );
        assert!(
            swapped
                .concepts
                .iter()
                .any(|c| c.turned() && c.lacked(true)),
            "{swapped:?}"
        );
    }

    #[test]
    fn a_contrast_said_the_model_answers_way_keeps_the_terse_scoring() {
        for answer in [
            "A namespaced, cgroup-limited process sharing the host kernel; a VM boots its own kernel.",
            "Containers share the host kernel, while a virtual machine boots its own kernel.",
        ] {
            assert!(terse(KERNEL_Q, KERNEL, answer), "{answer}");
        }
        for answer in [
            "Volumes are Docker-managed and live under /var/lib/docker/volumes; a bind mount maps any host folder you choose.",
            "Named volume: managed by Docker, reused by name. Bind mount: a host path you pick.",
        ] {
            assert!(terse(VOLUME_Q, VOLUME, answer), "{answer}");
        }
    }

    /// Not a twin's doing: "a virtual machine shares the host kernel, while a container
    /// boots its own kernel" says `kernel` plainly on both sides, as the model answer
    /// does; `derive::sides` catches it (its test `subjects_set_apart_by_differ_from_are_a_pair`).
    #[test]
    fn a_swapped_contrast_loses_the_terse_scoring() {
        for answer in [
            "A VM has no kernel of its own and shares the host's; a container boots its own kernel.",
            "A container boots its own guest kernel; a VM has no kernel and shares the host's.",
        ] {
            assert!(!terse(KERNEL_Q, KERNEL, answer), "{answer}");
        }
        for answer in [
            "A bind mount is managed by Docker under /var/lib/docker/volumes; a named volume maps a host folder you pick.",
            "Bind mounts are the Docker-managed kind; named volumes are whatever host path you give.",
        ] {
            assert!(!terse(VOLUME_Q, VOLUME, answer), "{answer}");
        }
    }

    // Fresh sentences (w60-derived), written before the rule: model answers that say a
    // word plainly of one subject of a contrast (*while*, *whereas*, *but*) and imply it
    // is not so of the other. A terse right answer that denies the word of that other
    // subject says the model answer's contrast; one that denies it of the model's own
    // subject turns it round.
    const LINK_Q: &str = "How does a hard link differ from a symbolic link?";
    const LINK: &str = "A hard link is another directory entry for the same inode, so the \
        file's data stays reachable until the last hard link to it is removed. A symbolic \
        link only stores a path, while a hard link keeps the data alive: deleting the \
        target leaves a symbolic link dangling. Hard links cannot cross file systems or \
        point at directories, because inode numbers are unique only within one file \
        system, but a symbolic link can name any path, even one that does not exist yet.";
    const GC_Q: &str = "How does a tracing garbage collector differ from reference counting?";
    const GC: &str = "A tracing collector finds live objects by walking the object graph \
        from the roots and frees everything it did not reach, so cycles of garbage are \
        freed too. Reference counting frees an object the moment its count drops to zero, \
        which keeps pauses short, but two objects that point at each other keep their \
        counts above zero forever. Reference counting only frees acyclic garbage, whereas a \
        tracing collector reclaims cycles as well, at the price of longer pauses.";
    const BLOOM_Q: &str = "What does a Bloom filter give up compared with a hash set?";
    const BLOOM: &str = "A Bloom filter answers set membership with a bit array and k hash \
        functions. Adding an element sets the k bits its hashes pick; a query checks those \
        bits. Any zero bit proves the element is absent, so a negative answer is always right; \
        all bits set means the element is probably present, because other elements may have \
        set them. A hash set stores every element exactly, but a Bloom filter saves memory \
        at the cost of false positives and cannot delete an element.";

    /// The concepts of the rubric derived from `model` that `answer` says only turned
    /// round, each with whether the twins of `model` excuse it.
    fn turned_round(question: &str, model: &str, answer: &str) -> Vec<(String, bool)> {
        use crate::grade::matcher::{PreparedAnswer, Vocab};
        let stemmer = crate::lang::stemmer();
        let vocab = Vocab::default();
        let twins = super::Twins::new(&PreparedAnswer::new(model, &stemmer, &vocab));
        let prepared = PreparedAnswer::new(answer, &stemmer, &vocab);
        let grade = derived(question, model, answer);
        let turned: Vec<(String, bool)> = grade
            .concepts
            .iter()
            .filter(|c| c.negated)
            .map(|c| (c.label.clone(), twins.excused(c, &prepared)))
            .collect();
        assert!(!turned.is_empty(), "{answer}: no word said turned round");
        turned
    }

    /// A right answer's `~` is excused; on main, none of these was.
    #[test]
    fn a_word_denied_of_the_other_subject_of_a_contrast_keeps_the_terse_scoring() {
        let mut failed = Vec::new();
        for (q, model, answer) in [
            (
                LINK_Q,
                LINK,
                "A hard link is a second directory entry for the same inode, so the data stays until the last link is removed; a symbolic link only stores a path and doesn't keep the data alive.",
            ),
            (
                GC_Q,
                GC,
                "Tracing walks from the roots and frees whatever it did not reach, cycles included; reference counting frees at zero with short pauses and never reclaims cycles.",
            ),
            (
                BLOOM_Q,
                BLOOM,
                "k hash functions set bits; a zero bit proves absent, all set means probably present. A hash set needs more memory, but it has no false positives.",
            ),
        ] {
            let turned = turned_round(q, model, answer);
            if turned.iter().any(|(_, excused)| !excused) {
                failed.push(format!("{answer}: {turned:?}"));
            }
        }
        assert!(failed.is_empty(), "{failed:#?}");
    }

    #[test]
    /// (In a one-question bank every word weighs alike, so these answers are judged by
    /// what bars the terse scoring: a `~` not excused.)
    fn a_word_denied_of_the_model_answers_own_subject_is_still_turned_round() {
        let mut failed = Vec::new();
        for (q, model, answer) in [
            (
                LINK_Q,
                LINK,
                "A hard link is a second directory entry for the same inode, but a hard link doesn't keep the data alive; a symbolic link only stores a path.",
            ),
            (
                GC_Q,
                GC,
                "Tracing walks from the roots and frees whatever it did not reach, but a tracing collector never reclaims cycles; reference counting frees at zero with short pauses.",
            ),
            (
                BLOOM_Q,
                BLOOM,
                "k hash functions set bits; a zero bit proves absent, all set means probably present. A Bloom filter doesn't save memory over a hash set.",
            ),
        ] {
            let turned = turned_round(q, model, answer);
            if turned.iter().all(|(_, excused)| *excused) {
                failed.push(format!("{answer}: {turned:?}"));
            }
        }
        assert!(failed.is_empty(), "{failed:#?}");
    }
}
