//! Whose kernel a container and a virtual machine run on, a fact of the register that
//! an answer may turn round however right the rest is: a container is processes on the
//! host and has no kernel of its own, while a virtual machine boots its own guest
//! kernel on a hypervisor. An answer that gives a container (or a namespace, or a pod)
//! its *own*, *separate* or *guest* kernel ("the user namespace gives the container its
//! own kernel"), or that says a virtual machine *shares* or *runs on* the host's kernel
//! ("a VM also runs on the host kernel, reached through the hypervisor"), states the
//! other one's arrangement, whatever the question asks.
//!
//! What a kernel is said of is the nearest thing named before it in its sentence: a
//! container word or a VM word (a hypervisor, a microVM, gVisor or Kata named before it
//! may bring the kernel, and leaves it alone, as does a *which* between). Not a claim: a kernel under a negation or after one in
//! that stretch ("a container doesn't get its own kernel", "containers, without a
//! kernel of their own"), set against the other thing ("unlike a VM, it shares the
//! host kernel" names the VM only to set it apart), supposed in its clause ("if a
//! container had its own kernel"), or the host's own ("every container runs on the host's own kernel").
//! Not done: a pronoun for a thing named in an earlier sentence, and the kernel of the
//! host named after its noun ("the kernel of the host").

use super::KNOWN;
use super::unsafe_practice::hypothetical;
use crate::grade::contrast::Contradiction;
use crate::grade::matcher::{PreparedAnswer, Vocab};
use crate::grade::token::{Parts, Token, tokenize};
use rust_stemmers::Stemmer;

/// The most words between a kernel and the word before it that says whose it is
/// ("its own small kernel", "the host's kernel").
const OWNER_REACH: usize = 3;

/// What a kernel is said of.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Thing {
    Container,
    Machine,
    /// A sandbox that brings a kernel of its own to a container (a microVM, gVisor,
    /// Kata) or a hypervisor: a kernel said after it may be either's.
    Sandbox,
}

/// The thing the word at `i` names, if it names one: a VM word (*machine* only after
/// *virtual*) or a container word.
fn thing(tokens: &[Token], i: usize) -> Option<Thing> {
    match &*tokens[i].norm {
        "container" | "containers" | "namespace" | "namespaces" | "pod" | "pods" => {
            Some(Thing::Container)
        }
        "vm" | "vms" => Some(Thing::Machine),
        "microvm" | "microvms" | "gvisor" | "kata" | "firecracker" | "hypervisor"
        | "hypervisors" | "kvm" | "xen" | "qemu" => Some(Thing::Sandbox),
        "machine" | "machines"
            if i > 0 && !tokens[i - 1].part && &*tokens[i - 1].norm == "virtual" =>
        {
            Some(Thing::Machine)
        }
        _ => None,
    }
}

/// Words that give a kernel to the thing itself: "its own kernel", "a guest kernel".
fn its_own(word: &str) -> bool {
    matches!(word, "own" | "separate" | "guest" | "dedicated" | "private")
}

/// Words that set a thing apart from what is said of another ("unlike a VM, it ...",
/// "instead of a kernel of its own").
fn sets_apart(word: &str) -> bool {
    matches!(
        word,
        "unlike"
            | "than"
            | "like"
            | "as"
            | "whereas"
            | "while"
            | "instead"
            | "rather"
            | "versus"
            | "vs"
    )
}

/// Verbs of a VM said to run on a kernel it does not own.
fn runs_on(word: &str) -> bool {
    matches!(
        word,
        "share"
            | "shares"
            | "sharing"
            | "shared"
            | "run"
            | "runs"
            | "running"
            | "use"
            | "uses"
            | "using"
            | "on"
    )
}

/// The kernel check of every question; the word *kernel* joins `vocab`, so the check
/// looks only where an answer says it.
#[derive(Default)]
pub struct Kernel {
    kernel: Option<u32>,
}

impl Kernel {
    pub fn new(stemmer: &Stemmer, vocab: &mut Vocab) -> Kernel {
        let kernel = tokenize("kernel", stemmer, Parts::Skip)
            .into_iter()
            .next()
            .map(|t| vocab.intern_exact(t));
        Kernel { kernel }
    }

    /// The first kernel `answer` gives to the wrong thing, plainly.
    pub fn misplaced(&self, answer: &PreparedAnswer) -> Option<Contradiction> {
        let tokens = answer.tokens();
        self.kernel
            .into_iter()
            .flat_map(|w| answer.tokens_of(w))
            .find_map(|i| said_of(answer, tokens, i))
    }
}

/// The contradiction of the kernel at `i`, when its sentence gives it to the wrong
/// thing plainly.
fn said_of(answer: &PreparedAnswer, tokens: &[Token], i: usize) -> Option<Contradiction> {
    if tokens[i].part || answer.negated(i) {
        return None;
    }
    let sentence = tokens[i].place.sentence;
    let before: Vec<usize> = (0..i)
        .rev()
        .filter(|&k| !tokens[k].part)
        .take_while(|&k| tokens[k].place.sentence == sentence)
        .collect();
    let (at, what) = before
        .iter()
        .find_map(|&k| thing(tokens, k).map(|t| (k, t)))?;
    // A sandbox named before it in the sentence may bring the kernel.
    if before
        .iter()
        .any(|&k| thing(tokens, k) == Some(Thing::Sandbox))
    {
        return None;
    }
    // The stretch from the thing to the kernel, and the words just before the thing.
    let between = before.iter().copied().take_while(|&k| k > at);
    let clause = tokens[i].place.clause;
    if between.clone().any(|k| {
        let word = &*tokens[k].norm;
        tokens[k].negation || sets_apart(word) || word == "which"
    }) || before
        .iter()
        .take_while(|&&k| tokens[k].place.clause == clause)
        .any(|&k| hypothetical(&tokens[k].norm))
    {
        return None;
    }
    let owner: Vec<&str> = before
        .iter()
        .take(OWNER_REACH)
        .take_while(|&&k| k > at)
        .map(|&k| &*tokens[k].norm)
        .collect();
    let host = owner.iter().any(|w| matches!(*w, "host" | "host's"));
    let set_apart = before
        .iter()
        .skip_while(|&&k| k >= at)
        .take(OWNER_REACH)
        .any(|&k| sets_apart(&tokens[k].norm));
    let says = match what {
        Thing::Container if !host && owner.iter().any(|w| its_own(w)) => {
            "a container is processes on the host and shares the host's kernel; only a \
             virtual machine boots a kernel of its own"
        }
        Thing::Machine
            if host
                && !set_apart
                && between.clone().any(|k| runs_on(&tokens[k].norm))
                && !between.clone().any(|k| its_own(&tokens[k].norm)) =>
        {
            "a virtual machine boots its own guest kernel on a hypervisor; it is containers \
             that share the host's kernel"
        }
        _ => return None,
    };
    // "virtual machine" is said from its *virtual*.
    let from = if what == Thing::Machine && &*tokens[at].norm != "vm" && &*tokens[at].norm != "vms"
    {
        at - 1
    } else {
        at
    };
    let said: Vec<&str> = (from..=i)
        .filter(|&j| !tokens[j].part)
        .map(|j| answer.word(j))
        .collect();
    Some(Contradiction {
        role: format!("{KNOWN}kernel"),
        said: said.join(" "),
        model: says.to_owned(),
        anchor: None,
        matched: vec![answer.word(i).to_owned()],
    })
}
