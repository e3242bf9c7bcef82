//! Claims of the model answer turned round: an answer that is right and then says one
//! thing the model answer (or the question's explanation) says the opposite of. The
//! model answer's claims are compiled once per question; an answer clause that states
//! one of them with an antonym, or turns an order round, contradicts it, and
//! `grade::mod` fails the answer and names the model's clause.
//!
//! Two kinds of claim, both read from the model answer alone:
//! - **A state and its opposite** ([`FAMILIES`]): a thing that is *gone* when something
//!   happens and one that is *kept* after it; a thing deleted *permanently* and one
//!   you can *get back*. A word of a side under a negation states the other side
//!   ("never left behind" is gone). A model clause that states one side is a claim;
//!   an answer clause that states the other side and shares at least [`ANCHORS`]
//!   content words with it (and with no model clause that states its side) contradicts
//!   it. Where the two sides are often said of two things in one right answer ("tmpfs
//!   is gone when the container stops, a volume is kept"), the answer must not state
//!   the model's side itself of the same thing; a clause that names a term the model
//!   answer never names (another member of a contrast set), says *would*, or says
//!   where a thing is kept ("kept in RAM") says nothing of how long it lasts.
//! - **An order turned round**: a model clause "A ... after B" (or "A ... before B")
//!   and an answer sentence that puts A's own words before *before* and B's after it
//!   ("the old pods are deleted first, before any new pod is created" against "old
//!   pods are terminated only after new ones pass their readiness probes"). A's own
//!   words are the content words on its side of the model's cue and not on the other;
//!   a word on both sides of the answer's cue tells nothing. A sequence "A first, then
//!   B" is such an order too, its sides framed by the words both texts say on the same
//!   side before the ones that changed sides ("every write goes to a replica first and
//!   is then forwarded to its primary").
//!
//! - **An inability said to be an ability**: a model clause "A cannot B" (or *can't*,
//!   *can not*, *won't*, *will not*), denying B plainly (with a subject before the
//!   cue, as a denial needs), and an answer clause "A can B" (or *will B*) with the same B, that
//!   shares at least [`DENIAL_ANCHORS`] more content words with the model clause and
//!   none with the rest of the model answer (the question's words aside): "the
//!   attacker's page can read the token" against "the attacker's page cannot read it
//!   because of the same-origin policy". A clause that limits itself (*only*, *until*,
//!   ...), is hypothetical (*if*, *would*) or compares two things, or a sentence that
//!   also denies B, says no such thing.
//!
//! - **A word the model answer rules out** ([`RuledOut`]): a word it sets aside for
//!   another ("musl libc instead of glibc", "slew rather than step") or a state it
//!   denies in the passive ("is not stepped"), stated plainly by an answer about the
//!   same thing: the same sentence's words for a word set aside (with none of the words
//!   put in its place), what the state is said of for a state ("a monotonic clock,
//!   which NTP steps" against "a monotonic clock, which ... is not stepped").
//! - **None said to be there in full** ([`whole`]): a thing the model answer says there
//!   is *no* X of, given in full by the answer ("the 304 carries the full body").
//! - **Another means in the model's place** ([`means`]): a thing said to be done
//!   *with* something else than the model answer says, something it names for another
//!   part ("the TGT is encrypted with the target service's own key").
//! - **Another doer in the model's place** ([`doer`]): the parties of a model claim
//!   turned round, the same verb and object given to another party the model answer
//!   names, while the model's doer does something else ("the browser puts a random
//!   nonce on every script, and the server checks it").
//! - **The model's advice dismissed** ([`dismissed`]): a thing the model answer only
//!   ever advises, said to *not help*, *not matter* or be *unnecessary* ("a multi-stage
//!   build won't help here").
//! - **The model's advice passed over** ([`passed_over`]): what a command of the model
//!   answer advises, set aside *rather than* or *instead of* another thing by an answer
//!   that advises that thing ("schedule it in local time rather than UTC" where the
//!   model answer says "schedule it in UTC").
//! - **A thing dropped said to be kept** ([`dropped`]): what a model clause says is
//!   *dropped*, *discarded*, *ignored* or *stripped*, said to be *kept*, *forwarded* or
//!   *applied* ("the router forwards the packet anyway").
//! - **A thing still done said to be stopped** ([`stopped`]): what a model clause says
//!   is *still* done, said to be *stopped*, *prevented* or *turned off* ("double quotes
//!   also turn off variable expansion").
//! - **A thing the model relies on, denied outright** ([`outright`]): a word the model
//!   answer states plainly and never denies, said to be absent altogether (*no* X *at
//!   all*, *without any* X, *never* loses *a single* one: "copytruncate never loses a
//!   single line" against "at the risk of losing a few lines").
//! - **Another number in the model's place** ([`value`]): a thing the model answer
//!   numbers, named the same way, given another number ("the container's IP on port
//!   8080" against "the container's internal IP on port 80").
//! - **A sibling term in the model's place** ([`sibling`]): a member of a built-in
//!   family of terms that exclude each other (units, signals, protocols, the halves of
//!   a key pair, ...) said of what the model answer says another member of ("max-age
//!   is given in days" against "for the next max-age seconds").
//! - **A deed said not done** ([`undone`]): a verb the model answer states plainly of a
//!   thing, denied of the same thing in the passive ("the salt must not be stored next
//!   to the hash" against "a unique salt is ... stored next to the hash").
//! - **A wrong complexity** ([`complexity`]): a resource the model answer costs in
//!   big-O notation given another cost in a plain clause ("it needs O(n) memory"
//!   against "one pass costs O(n log k) time and O(k) memory").
//! - **Advice turned the other way** ([`direction`]): a setting the model answer
//!   advises turning one way (*raise*, *lower*, *increase*, *reduce*, ...) advised
//!   turned the other way ("fix it by raising ndots to 10" against "lower ndots in the
//!   pod's dnsConfig").
//! - **A necessity denied** ([`Claims::necessity_denied`]): what a model clause says
//!   *must* be done, or a requirement asks for, said to be no necessity of the same
//!   thing ("the apex doesn't have to hold any other records" against "the apex must
//!   hold the zone's SOA and NS records").
//! - **A derived rubric's claims denied** ([`Claims::denials`]): two or more words the
//!   model answer states, each denied by a verb's cue of its own (under the model's own
//!   limit, "after sunset ... does not disappear", too), or by the *no* of *there is
//!   no* ("there is no consistency cost"), or a denied *lack* of what the model answer
//!   says is not there.
//!
//! What is not done: a claim the model answer never makes ("scratch includes a busybox
//! shell") cannot be caught from it, and a model term merely negated by the answer
//! ("doesn't create a network namespace") is left to the rubric's concepts.

use super::contrast::{CONTRASTS, Contradiction};
use super::matcher::{PreparedAnswer, Vocab};
use super::negation::ended_by_a_change;
use super::token::{Class, Parts, Place, Token, hash_of, tokenize, word_after};
use crate::lang::is_determiner;
use rust_stemmers::Stemmer;
use std::sync::{Arc, OnceLock};

/// How many content words an answer clause must share with a model clause to be
/// about the same thing.
const ANCHORS: usize = 2;

/// A pair of opposite states: what the model answer may say of a thing, and the
/// opposite a learner may say instead.
struct Family {
    /// What the two sides are about ("lifetime").
    role: &'static str,
    /// The two sides, each a list of words or phrases (a phrase's words in order, at
    /// most [`GAP`] words apart: "get them back").
    sides: [&'static [&'static str]; 2],
    /// The two sides are said of different things in one right answer, so the answer
    /// must not state the model's side of the same thing itself.
    rivals: bool,
}

/// The most words between two words of a phrase.
const GAP: usize = 2;

/// The built-in pairs of opposite states, written from what the words mean, not from
/// any learner's answer.
const FAMILIES: &[Family] = &[
    Family {
        role: "lifetime",
        sides: [
            &[
                "vanish",
                "vanishes",
                "vanished",
                "disappear",
                "disappears",
                "disappeared",
                "gone",
                "lost",
                "erased",
                "wiped",
                "wipes",
                "discarded",
                "discards",
                "deleted",
                "deletes",
                "removed",
                "removes",
                "destroyed",
                "destroys",
                "goes away",
                "thrown away",
            ],
            &[
                "survive",
                "survives",
                "survived",
                "persist",
                "persists",
                "persisted",
                "outlive",
                "outlives",
                "outlived",
                "remain",
                "remains",
                "remained",
                "retained",
                "retains",
                "keep",
                "keeps",
                "kept",
                "stay",
                "stays",
                "still there",
                "left behind",
                "left over",
                "sticks around",
            ],
        ],
        rivals: true,
    },
    Family {
        role: "permanence",
        sides: [
            &["permanently", "irreversibly", "irreversible", "for good"],
            &[
                "get back",
                "gets back",
                "got back",
                "bring back",
                "brings back",
                "restore",
                "restores",
                "restored",
                "recover",
                "recovers",
                "recovered",
                "undo",
                "undoes",
                "undone",
                "undelete",
                "retrieve",
                "retrieved",
                "reversible",
            ],
        ],
        rivals: false,
    },
];

/// Words after a *kept* or *stays* that say where a thing is kept, not how long: "kept
/// in RAM" is no claim that it survives, nor "stays behind" that it is not gone. (The
/// side of *gone* has no *loses*: "the pod loses access to it" is no claim that it is
/// gone.)
fn says_where(word: &str) -> bool {
    matches!(
        word,
        "in" | "on"
            | "inside"
            | "within"
            | "under"
            | "at"
            | "only"
            | "exclusively"
            | "entirely"
            | "purely"
            | "there"
            | "local"
            | "behind"
    )
}

/// Words that make a clause hypothetical or about a backup: it claims nothing of the
/// thing itself ("a volume would keep it"; "restore it from a backup").
fn hedges(word: &str) -> bool {
    matches!(
        word,
        "would" | "could" | "might" | "backup" | "backups" | "snapshot"
    )
}

/// A family's phrases: per side, each phrase as its first word as written (a form of
/// its own: "deleted" is a state, "deleting" and "deletions" are not) and the stems of
/// the rest.
struct Stemmed {
    sides: [Vec<Vec<Arc<str>>>; 2],
}

/// The families stemmed once, and the stems of every contrast-set member.
struct Words {
    families: Vec<Stemmed>,
    /// The stems of every one-word member of a contrast set, sorted.
    members: Vec<Arc<str>>,
    /// The first word of every phrase of every family, after the hash a token has of it
    /// ([`Token`]'s `hash`), with the phrase's family, side and place in its side,
    /// sorted: a token is compared only with the phrases that start with its word,
    /// found by its hash rather than by comparing text.
    firsts: Vec<(u64, Arc<str>, usize, usize, usize)>,
}

impl Words {
    /// The family, side and place in its side of each phrase that starts with the word
    /// of `token`, in that order.
    fn phrases_from<'a>(
        &'a self,
        token: &'a Token,
    ) -> impl Iterator<Item = (usize, usize, usize)> + 'a {
        let from = self.firsts.partition_point(|&(h, ..)| h < token.hash);
        self.firsts[from..]
            .iter()
            .take_while(|&&(h, ..)| h == token.hash)
            .filter(|(_, w, ..)| **w == *token.norm)
            .map(|&(_, _, f, side, k)| (f, side, k))
    }
}

fn words(stemmer: &Stemmer) -> &'static Words {
    static WORDS: OnceLock<Words> = OnceLock::new();
    WORDS.get_or_init(|| {
        let stem = |phrase: &str| -> Vec<Arc<str>> {
            tokenize(phrase, stemmer, Parts::Skip)
                .into_iter()
                .map(|t| t.stem.clone())
                .collect()
        };
        let phrase = |phrase: &str| -> Vec<Arc<str>> {
            let words = tokenize(phrase, stemmer, Parts::Skip);
            let first = words.iter().take(1).map(|t| t.norm.clone());
            first
                .chain(words.iter().skip(1).map(|t| t.stem.clone()))
                .collect()
        };
        let families: Vec<Stemmed> = FAMILIES
            .iter()
            .map(|f| Stemmed {
                sides: f.sides.map(|side| side.iter().map(|p| phrase(p)).collect()),
            })
            .collect();
        let mut members: Vec<Arc<str>> = CONTRASTS
            .iter()
            .flat_map(|c| c.members.iter().flat_map(|m| m.iter()))
            .filter(|m| !m.contains([' ', '-']))
            .flat_map(|m| stem(m))
            .collect();
        members.sort_unstable();
        members.dedup();
        let mut firsts = Vec::new();
        for (f, family) in families.iter().enumerate() {
            for (side, phrases) in family.sides.iter().enumerate() {
                for (k, phrase) in phrases.iter().enumerate() {
                    firsts.push((hash_of(&phrase[0]), phrase[0].clone(), f, side, k));
                }
            }
        }
        firsts.sort_unstable();
        Words {
            families,
            members,
            firsts,
        }
    })
}

/// One side of a family stated in a clause of a text.
#[derive(Debug, Clone)]
struct Statement {
    family: usize,
    /// The side its words are of; `side` is the one it states (the other under a
    /// negation).
    at: usize,
    side: usize,
    /// The clause it is stated in.
    clause: u32,
    /// The tokens of the phrase.
    tokens: Vec<usize>,
}

/// A model clause that states one side of a family.
struct Claim {
    family: usize,
    side: usize,
    /// Its content stems, the family's own words aside, sorted.
    anchors: Vec<Arc<str>>,
    /// The content stems its text (the model answer, or the explanation) has outside
    /// its clause and not in it, and outside its sentence and not in it, sorted: an
    /// answer clause with one of the first, or sentence with one of the second, is about
    /// another part of the model answer ("write-through never loses data" beside
    /// "write-back ... can lose data"; "down -v wipes the volumes, so the data is gone"
    /// beside "plain down keeps them, so the data survives").
    elsewhere: [Vec<Arc<str>>; 2],
    /// Its words, for the breakdown.
    text: String,
}

/// An order the model answer states: the own words of what comes first and of what
/// comes second.
struct Order {
    /// The words of the side before the cue that are not after it, sorted, in the
    /// sentence and in the narrow stretch (see [`sides`]).
    first: [Vec<Arc<str>>; 2],
    /// The words after the cue that are not before it, likewise.
    then: [Vec<Arc<str>>; 2],
    /// Whether the cue was *before* (else *after*): "A before B" puts A first.
    before: bool,
    text: String,
}

/// A sequence the model answer states, "A first, then B" ("every write goes to the
/// leader first and is then copied to the followers"): the content stems of its
/// sentence before *then* and after it, each without the stems of the other side, in
/// the order they are said.
struct Sequence {
    first: Vec<Arc<str>>,
    then: Vec<Arc<str>>,
    text: String,
}

/// Pairs of words of opposite meaning in the same slot: an answer that gives one where
/// the model answer gives the other, of the same thing, says the opposite. Written from
/// what the words mean, not from any learner's answer. Each side lists the forms as
/// written (a word is matched as written, so "first" is not "firstly").
struct Opposite {
    /// What the two words are about ("rank").
    role: &'static str,
    sides: [&'static [&'static str]; 2],
    /// A comparison ("faster"): "A is faster than B" says "B is slower than A", so a
    /// clause with *than* (or *unlike*) is passed over, in the model answer and in the
    /// answer.
    compares: bool,
    /// The words say how much or which of the word after them ("more vitamin C", "fewer
    /// drops", "the same node"): the two clauses are about the same thing only when
    /// that word is the same.
    headed: bool,
    /// The two words split all things between them (the *same* node or *another*): a
    /// clause with a negation or a limit ("only accepts connections from the same
    /// machine", "refused from other machines", "cannot be grown without a separate
    /// step") says one by denying the other, so no such clause is compared, in the
    /// model answer or in the answer.
    complement: bool,
}

const OPPOSITES: &[Opposite] = &[
    Opposite {
        role: "rank",
        sides: [&["highest"], &["lowest"]],
        compares: false,
        headed: false,
        complement: false,
    },
    Opposite {
        role: "rank",
        sides: [&["higher"], &["lower"]],
        compares: true,
        headed: false,
        complement: false,
    },
    Opposite {
        role: "extreme",
        sides: [&["maximum"], &["minimum"]],
        compares: false,
        headed: false,
        complement: false,
    },
    Opposite {
        role: "fill",
        sides: [&["full"], &["empty"]],
        compares: false,
        headed: false,
        complement: false,
    },
    Opposite {
        role: "position",
        sides: [&["first"], &["last"]],
        compares: false,
        headed: false,
        complement: false,
    },
    Opposite {
        role: "amount",
        sides: [&["more"], &["less", "fewer"]],
        compares: true,
        headed: true,
        complement: false,
    },
    Opposite {
        role: "speed",
        sides: [&["faster", "quicker"], &["slower"]],
        compares: true,
        headed: false,
        complement: false,
    },
    Opposite {
        role: "size",
        sides: [&["larger", "bigger"], &["smaller"]],
        compares: true,
        headed: false,
        complement: false,
    },
    Opposite {
        role: "length",
        sides: [&["longer"], &["shorter"]],
        compares: true,
        headed: false,
        complement: false,
    },
    Opposite {
        role: "age",
        sides: [&["oldest", "older"], &["newest", "newer"]],
        compares: true,
        headed: false,
        complement: false,
    },
    Opposite {
        role: "timing",
        sides: [
            &["synchronous", "synchronously", "sync"],
            &["asynchronous", "asynchronously", "async"],
        ],
        compares: false,
        headed: false,
        complement: false,
    },
    Opposite {
        role: "encryption",
        sides: [&["encrypted"], &["unencrypted", "cleartext", "plaintext"]],
        compares: false,
        headed: false,
        complement: false,
    },
    Opposite {
        role: "direction",
        sides: [&["push", "pushes", "pushed"], &["pull", "pulls", "pulled"]],
        compares: false,
        headed: false,
        complement: false,
    },
    Opposite {
        role: "direction",
        sides: [
            &["inbound", "ingress", "incoming"],
            &["outbound", "egress", "outgoing"],
        ],
        compares: false,
        headed: false,
        complement: false,
    },
    Opposite {
        role: "direction",
        sides: [&["upstream"], &["downstream"]],
        compares: false,
        headed: false,
        complement: false,
    },
    Opposite {
        role: "change",
        sides: [
            &["increase", "increases", "increased", "grows", "grow"],
            &["decrease", "decreases", "decreased", "shrinks", "shrink"],
        ],
        compares: false,
        headed: false,
        complement: false,
    },
    Opposite {
        role: "switch",
        sides: [
            &["enabled", "enables", "enable"],
            &["disabled", "disables", "disable"],
        ],
        compares: false,
        headed: false,
        complement: false,
    },
    Opposite {
        role: "decision",
        sides: [
            &[
                "accepts",
                "accepted",
                "accepting",
                "allows",
                "allowed",
                "allowing",
            ],
            &[
                "rejects",
                "rejected",
                "rejecting",
                "denies",
                "denied",
                "denying",
                "refusing",
            ],
        ],
        compares: false,
        headed: false,
        complement: false,
    },
    Opposite {
        role: "state",
        sides: [&["stateful"], &["stateless"]],
        compares: false,
        headed: false,
        complement: false,
    },
    Opposite {
        role: "mutability",
        sides: [&["mutable"], &["immutable"]],
        compares: false,
        headed: false,
        complement: false,
    },
    Opposite {
        role: "how",
        sides: [&["explicit", "explicitly"], &["implicit", "implicitly"]],
        compares: false,
        headed: false,
        complement: false,
    },
    Opposite {
        role: "how",
        sides: [&["manual", "manually"], &["automatic", "automatically"]],
        compares: false,
        headed: false,
        complement: false,
    },
    Opposite {
        role: "how",
        sides: [&["static", "statically"], &["dynamic", "dynamically"]],
        compares: false,
        headed: false,
        complement: false,
    },
    Opposite {
        role: "scaling",
        sides: [&["horizontal", "horizontally"], &["vertical", "vertically"]],
        compares: false,
        headed: false,
        complement: false,
    },
    Opposite {
        role: "availability",
        sides: [&["online"], &["offline"]],
        compares: false,
        headed: false,
        complement: false,
    },
    Opposite {
        role: "strategy",
        sides: [
            &["optimistic", "optimistically"],
            &["pessimistic", "pessimistically"],
        ],
        compares: false,
        headed: false,
        complement: false,
    },
    Opposite {
        role: "same or other",
        sides: [&["same"], &["other", "another", "different", "separate"]],
        compares: false,
        headed: true,
        complement: true,
    },
    Opposite {
        role: "strategy",
        sides: [&["eager", "eagerly"], &["lazy", "lazily"]],
        compares: false,
        headed: false,
        complement: false,
    },
    Opposite {
        role: "continuation",
        sides: [
            &["continue", "continues", "continued"],
            &["stop", "stops", "stopped"],
        ],
        compares: false,
        headed: false,
        complement: false,
    },
    Opposite {
        role: "temperature",
        sides: [
            &["warms", "warmed", "heats", "heated"],
            &["cools", "cooled"],
        ],
        compares: false,
        headed: false,
        complement: false,
    },
    Opposite {
        role: "level",
        sides: [&["raises", "raised"], &["lowers", "lowered"]],
        compares: false,
        headed: false,
        complement: false,
    },
    Opposite {
        role: "strength",
        sides: [&["strengthens", "strengthened"], &["weakens", "weakened"]],
        compares: false,
        headed: false,
        complement: false,
    },
    Opposite {
        role: "move in a game",
        sides: [
            &["cooperate", "cooperates", "cooperating"],
            &["defect", "defects", "defecting"],
        ],
        compares: false,
        headed: false,
        complement: false,
    },
];

/// Words that make a comparison of two things, whose order then decides the claim.
fn compares_word(word: &str) -> bool {
    matches!(word, "than" | "unlike" | "like" | "compared" | "whereas")
}

/// The negation cues that deny a claim plainly ("does not support"); *no*, *without*,
/// *nor*, *avoid* say other things ("with no isolation", "without reading"), and
/// "isn't" is a form of *be* (see [`is_be`]).
fn denies(word: &str) -> bool {
    matches!(
        word,
        "not"
            | "never"
            | "cannot"
            | "dont"
            | "doesnt"
            | "didnt"
            | "cant"
            | "wont"
            | "hasnt"
            | "havent"
    )
}

/// Words after a denying cue that make it deny less than the claim: "not only", "not
/// always", "doesn't need to".
fn softens(word: &str) -> bool {
    matches!(
        word,
        "only"
            | "just"
            | "merely"
            | "simply"
            | "always"
            | "necessarily"
            | "all"
            | "every"
            | "entirely"
            | "fully"
            | "completely"
            | "quite"
            | "exactly"
            | "much"
            | "too"
            | "so"
            | "as"
            | "even"
            | "need"
            | "needs"
            | "have"
            | "has"
            | "by"
            | "directly"
    )
}

/// The forms of *be*: a denial after one ("is not root outside") says what a thing is,
/// often in other words than the model answer's, and one after the cue ("not be") is no
/// claim of its own.
fn is_be(word: &str) -> bool {
    matches!(
        word,
        "is" | "are" | "was" | "were" | "be" | "been" | "being" | "am" | "s"
    )
}

/// Adverbs that may stand between a denying cue and the word it denies.
fn is_adverb(word: &str) -> bool {
    matches!(
        word,
        "still" | "actually" | "really" | "yet" | "ever" | "even" | "at"
    )
}

/// Modals of obligation: a model clause with one says what should be done, not what is.
fn obliges(word: &str) -> bool {
    matches!(word, "must" | "should" | "ought")
}

/// Verbs of requirement: a model clause with one states a rule ("the registry requires
/// tags to start with a letter", "cron needs the file to end with a newline"), which an
/// answer that says the learner's thing breaks it ("the tag doesn't start with a
/// letter") does not deny. Denying the verb itself ("does not require") still does.
fn requires(word: &str) -> bool {
    matches!(
        word,
        "require" | "requires" | "required" | "need" | "needs" | "expects" | "expect"
    )
}

/// Words that limit a claim or a denial to part of it, a time or a manner ("only
/// waits for the container to start", "don't write the store until later", "don't
/// coordinate well", "coordinate poorly", "too big to go through"): a clause with one
/// claims nothing plainly.
fn not_plain(word: &str) -> bool {
    matches!(
        word,
        "only"
            | "just"
            | "until"
            | "unless"
            | "before"
            | "after"
            | "except"
            | "without"
            | "well"
            | "too"
            | "properly"
            | "correctly"
            | "poorly"
            | "badly"
            | "rarely"
            | "hardly"
            | "seldom"
            | "barely"
            | "longer"
            | "anymore"
            | "necessarily"
            | "instead"
            | "rather"
            | "non"
            | "lacks"
            | "lack"
            | "lacking"
            | "fails"
            | "fail"
            | "failed"
            | "refuses"
            | "refused"
            | "prevents"
            | "prevented"
            | "forbids"
            | "denies"
            | "denied"
            | "missing"
            | "ignores"
            | "ignored"
            | "blocks"
            | "blocked"
            | "drops"
            | "dropped"
            | "stops"
            | "stopped"
            | "disables"
            | "disabled"
            | "skips"
            | "skipped"
    )
}

/// How many content words an answer clause must share with a model clause it denies
/// (the denied word aside).
const DENIAL_ANCHORS: usize = 2;

/// A word of [`OPPOSITES`] the model answer uses plainly, in a clause that does not
/// also use its opposite.
struct Stance {
    pair: usize,
    side: usize,
    /// The content stems of its clause, the pair's words aside, sorted.
    anchors: Vec<Arc<str>>,
    /// For a pair that quantifies or picks the word after it ([`Opposite::headed`]), that
    /// word's stem.
    head: Option<Arc<str>>,
    /// For a comparative, the stem of what it is said of ([`compared_of`]).
    of: Option<Arc<str>>,
    /// The ends of scales its clause's words name ([`scale_ends`]).
    ends: Vec<(usize, u8)>,
    /// For a comparison with *than*, its two sides in order ([`compared`]); such a
    /// stance is weighed only against an answer's comparison.
    compared: Option<compared::Sides>,
    text: String,
}

/// A clause of the model answer (or explanation) that claims something plainly, for
/// denials.
struct Plain {
    /// Its content stems, sorted.
    stems: Vec<Arc<str>>,
    /// The content stems of its text that are not in it and not in the question,
    /// sorted: an answer clause with one is about another part of the model answer.
    elsewhere: Vec<Arc<str>>,
    /// The content stems after a verb of requirement in it, sorted (see [`requires`]):
    /// denying one of them is no denial of the clause, unless with a modal ("targets
    /// cannot start with /" states a rule of its own).
    ruled: Vec<Arc<str>>,
    text: String,
}

/// A model clause that says a thing cannot (or will not) do something, plainly.
struct Inability {
    /// The stem of the word it denies ("read" of "cannot read").
    stem: Arc<str>,
    /// The modal an answer says the opposite with: `"can"` or `"will"`.
    modal: &'static str,
    /// The content stems of its clause, the denied word aside, sorted.
    anchors: Vec<Arc<str>>,
    /// The content stems of its text outside the clause and not in it nor in the
    /// question, sorted: an answer clause with one is about another part of the model
    /// answer.
    elsewhere: Vec<Arc<str>>,
    text: String,
}

/// A word the model answer rules out: the one it sets aside for another ("musl libc
/// *instead of* glibc", "slew *rather than* step"), or a state it denies in the
/// passive ("is not stepped", "is never persisted").
struct RuledOut {
    /// The stem of the word ruled out.
    stem: Arc<str>,
    /// The word as the model answer writes it, for the vocabulary.
    word: Arc<str>,
    /// The stems of the words the model answer puts in its place (none for a denied
    /// state): an answer that says any of them tells the two apart.
    instead: Vec<Arc<str>>,
    /// The content stems of its model sentence, those words aside, sorted.
    anchors: Vec<Arc<str>>,
    /// The content stems of each other model sentence that states the word plainly
    /// (the word aside), sorted: an answer sentence as close to one of them is about
    /// what the model answer says the word of.
    rivals: Vec<Vec<Arc<str>>>,
    text: String,
}

/// The words a model sentence rules out at the cue `c` ("instead", "rather"): the one
/// content word after "of" or "than" (a single word, so what follows is not a phrase)
/// and the content words just before the cue that take its place (up to three, a
/// determiner between them skipped), as token indices.
fn set_aside(tokens: &[Token], c: usize) -> Option<(usize, Vec<usize>)> {
    let clause = tokens[c].place.clause;
    let after = |i: usize| (i + 1..tokens.len()).find(|&j| !tokens[j].part);
    let link = after(c)?;
    let wanted = if &*tokens[c].norm == "instead" {
        "of"
    } else {
        "than"
    };
    if &*tokens[link].norm != wanted {
        return None;
    }
    let y = (link + 1..tokens.len())
        .filter(|&j| !tokens[j].part)
        .find(|&j| !is_determiner(&tokens[j].norm))?;
    // A gerund takes its object ("sending all the data"); a noun followed by more
    // than a coordinator or a relative pronoun heads a phrase ("a pile of commands").
    let phrase = after(y).is_some_and(|k| {
        tokens[k].place.clause == tokens[y].place.clause
            && !matches!(&*tokens[k].norm, "or" | "and" | "which" | "that")
    });
    let gerund = tokens[y].norm.ends_with("ing");
    if !content(&tokens[y]) || tokens[y].class != Class::Word || phrase && !gerund {
        return None;
    }
    // Past a determiner: "aborts the process instead of ..." puts both words there.
    let x: Vec<usize> = (0..c)
        .rev()
        .filter(|&j| !tokens[j].part && !is_determiner(&tokens[j].norm))
        .take_while(|&j| tokens[j].place.clause == clause && content(&tokens[j]))
        .take(3)
        .collect();
    (!x.is_empty()).then_some((y, x))
}

/// The participle a passive denial at cue `c` denies ("is not stepped", "are never
/// persisted", "gets not cached"): a form of *be* or *get* before the cue, a word in
/// *-ed* (or an irregular past) after it that the cue governs.
fn denied_state(text: &PreparedAnswer, c: usize) -> Option<usize> {
    let tokens = text.tokens();
    if tokens[c].part || !matches!(&*tokens[c].norm, "not" | "never") {
        return None;
    }
    let before = (0..c).rev().find(|&b| !tokens[b].part)?;
    if !(is_be(&tokens[before].norm) || matches!(&*tokens[before].norm, "get" | "gets" | "got")) {
        return None;
    }
    let j = (c + 1..tokens.len())
        .filter(|&j| !tokens[j].part)
        .find(|&j| !is_adverb(&tokens[j].norm))?;
    let token = &tokens[j];
    let participle = token.irregular || token.norm.ends_with("ed");
    (participle
        && content(token)
        && token.class == Class::Word
        && token.place.clause == tokens[c].place.clause
        && text.cue(j) == Some(c))
    .then_some(j)
}

/// The modal whose denial `c` is (`"can"` for *cannot*, *can't*, *can not*; `"will"`
/// for *won't*, *will not*), if it is one.
fn denied_modal(tokens: &[Token], c: usize) -> Option<&'static str> {
    let before = || {
        (0..c)
            .rev()
            .find(|&b| !tokens[b].part)
            .map(|b| &*tokens[b].norm)
    };
    match &*tokens[c].norm {
        "cannot" | "cant" => Some("can"),
        "wont" => Some("will"),
        "not" => match before() {
            Some("can") => Some("can"),
            Some("will") => Some("will"),
            _ => None,
        },
        _ => None,
    }
}

/// Which rule an answer word found by the vocabulary starts.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Rule {
    State,
    Opposite,
    Order,
    Denial,
    Ability,
    RuledOut,
    Whole,
    Means,
    Doer,
    Dismissed,
    Kept,
    Stopped,
    Outright,
    Value,
    Sibling,
    Undone,
    Complexity,
    PassedOver,
    Direction,
}

/// A question's model claims, ready to check answers against.
#[derive(Default)]
pub struct Claims {
    /// The built-in words, when there is a claim to check.
    words: Option<&'static Words>,
    claims: Vec<Claim>,
    orders: Vec<Order>,
    sequences: Vec<Sequence>,
    stances: Vec<Stance>,
    plains: Vec<Plain>,
    /// The model clauses that say plainly what *must* be done (see
    /// [`Claims::necessity_denied`]).
    musts: Vec<Plain>,
    inabilities: Vec<Inability>,
    ruled_out: Vec<RuledOut>,
    /// The things the model answer says there is none of (see [`whole`]).
    absent: Vec<whole::Absent>,
    /// The means the model answer gives verbs (see [`means`]).
    means: means::Slots,
    /// Who the model answer says does what (see [`doer`]).
    doers: doer::Deeds,
    /// The model answer's sentences, to tell its advice from what it dismisses (see
    /// [`dismissed`]).
    advice: dismissed::Advice,
    /// The model answer's commands, to tell its advice passed over for another thing
    /// (see [`passed_over`]).
    commands: passed_over::Commands,
    /// What the model answer says is dropped (see [`dropped`]).
    drops: dropped::Drops,
    /// What the model answer says still goes on (see [`stopped`]).
    ongoing: stopped::Ongoing,
    /// What the model answer states plainly and nowhere denies (see [`outright`]).
    relied: outright::Relied,
    /// The numbers the model answer gives things (see [`value`]).
    values: value::Values,
    /// The members of sibling families the model answer states (see [`sibling`]).
    siblings: sibling::Siblings,
    /// The deeds the model answer claims plainly (see [`undone`]).
    done: undone::Done,
    /// The costs the model answer gives resources in big-O notation (see
    /// [`complexity`]).
    costs: complexity::Costs,
    /// The settings the model answer advises turning one way (see [`direction`]).
    turns: direction::Turns,
    /// The rubric is derived from the model answer: its words are no claims one by
    /// one, so [`Claims::denials`] weighs the answer's denials together.
    derived: bool,
    /// The stems of every clause in `plains`, sorted.
    plain_stems: Vec<Arc<str>>,
    /// The stems the model answer states under a negation somewhere, sorted: denying
    /// one of them denies nothing it claims plainly.
    negated: Vec<Arc<str>>,
    /// For a derived rubric, each limiting word ([`not_plain`]) of a model clause and a
    /// content stem that clause states plainly (word, stem), sorted: an answer that
    /// denies the stem under the same limit ("after sunset the D layer does not
    /// disappear" against "after sunset the D layer quickly disappears") denies the
    /// model's own limited claim (see [`denied_by`]).
    limits: Vec<(Arc<str>, Arc<str>)>,
    /// The families the claims are of (bits).
    families: u32,
    /// The stems of every model answer's word, sorted: a contrast-set member not among
    /// them names another thing.
    model_stems: Vec<Arc<str>>,
    /// The words that start a rule, as vocabulary words of the question: an answer
    /// without any (nearly every one) is done with at once, and the rest are looked at
    /// only where these words are.
    triggers: Vec<(u32, Rule)>,
}

impl Claims {
    /// The claims of `texts` (the model answer, and the question's explanation), whose
    /// question asks `asked`, for a rubric `derived` from the model answer or not; the
    /// words that start a rule join `vocab`.
    pub fn new(
        texts: &[&PreparedAnswer],
        asked: &PreparedAnswer,
        derived: bool,
        stemmer: &Stemmer,
        vocab: &mut Vocab,
    ) -> Claims {
        let words = words(stemmer);
        let mut claims = Vec::new();
        let mut orders = Vec::new();
        let mut sequences = Vec::new();
        let mut stances = Vec::new();
        let mut plains = Vec::new();
        let mut musts = Vec::new();
        let mut inabilities = Vec::new();
        let mut ruled_out = Vec::new();
        let mut negated = Vec::new();
        let mut limits: Vec<(Arc<str>, Arc<str>)> = Vec::new();
        let mut model_stems = Vec::new();
        let mut asked_stems: Vec<Arc<str>> =
            asked.tokens().iter().map(|t| t.stem.clone()).collect();
        asked_stems.sort_unstable();
        for text in texts {
            let tokens = text.tokens();
            model_stems.extend(tokens.iter().map(|t| t.stem.clone()));
            let all: Vec<usize> = (0..tokens.len()).collect();
            let statements = statements(text, words, &all);
            for s in &statements {
                // A clause that states both sides is no claim either way.
                if statements
                    .iter()
                    .any(|o| o.clause == s.clause && o.family == s.family && o.side != s.side)
                {
                    continue;
                }
                let clause = anchors(tokens, s.clause, usize::MAX, &[]);
                let sentence = sentence_stems(tokens, tokens[s.tokens[0]].place.sentence);
                let outside = |inside: &[Arc<str>]| -> Vec<Arc<str>> {
                    let mut out: Vec<Arc<str>> = tokens
                        .iter()
                        .filter(|t| content(t) && inside.binary_search(&t.stem).is_err())
                        .map(|t| t.stem.clone())
                        .collect();
                    out.sort_unstable();
                    out.dedup();
                    out
                };
                let elsewhere = [outside(&clause), outside(&sentence)];
                claims.push(Claim {
                    family: s.family,
                    side: s.side,
                    anchors: anchors(tokens, s.clause, s.family, &statements),
                    elsewhere,
                    text: clause_text(text, s.clause),
                });
            }
            orders.extend(order_cues(text).into_iter().filter_map(|(i, before)| {
                let (wide, narrow) = (sides(tokens, i, false), sides(tokens, i, true));
                let some = |(a, b): &(Vec<Arc<str>>, Vec<Arc<str>>)| !a.is_empty() && !b.is_empty();
                (some(&wide) && some(&narrow)).then(|| Order {
                    first: [wide.0, narrow.0],
                    then: [wide.1, narrow.1],
                    before,
                    text: sentence_text(text, tokens[i].place.sentence),
                })
            }));
            sequences.extend(then_cues(text).into_iter().filter_map(|i| {
                let (first, then) = sequence_sides(tokens, i);
                (!first.is_empty() && !then.is_empty()).then(|| Sequence {
                    first,
                    then,
                    text: sentence_text(text, tokens[i].place.sentence),
                })
            }));
            for (i, token) in tokens.iter().enumerate() {
                let Some((pair, side)) = opposite_of(token) else {
                    continue;
                };
                let clause = token.place.clause;
                if text.negated(i)
                    || says_other_side(tokens, clause, pair, side)
                    || matches_up(tokens, i)
                    || OPPOSITES[pair].complement && limited(tokens, clause)
                {
                    continue;
                }
                // A comparison is kept only with its two sides in order.
                let compared = if OPPOSITES[pair].compares && compares(tokens, clause) {
                    let Some(sides) = compared::sides(tokens, i) else {
                        continue;
                    };
                    Some(sides)
                } else {
                    None
                };
                stances.push(Stance {
                    pair,
                    side,
                    anchors: opposite_anchors(tokens, clause, pair),
                    head: head(tokens, i, pair),
                    of: compared_of(tokens, i, pair),
                    ends: scale_ends(tokens, clause),
                    compared,
                    text: clause_text(text, clause),
                });
            }
            negated.extend(
                tokens
                    .iter()
                    .enumerate()
                    .filter(|&(i, t)| content(t) && text.negated(i))
                    .map(|(_, t)| t.stem.clone()),
            );
            let last = tokens.last().map_or(0, |t| t.place.clause + 1);
            for clause in 0..last {
                let words = || {
                    tokens
                        .iter()
                        .filter(|t| t.place.clause == clause && !t.part)
                };
                // A clause that denies, restricts or hedges claims nothing plain; nor
                // does one that says what must be done ("the parent must reap it"):
                // an answer that says it has not been done yet describes a state.
                if words().any(|t| t.negation || not_plain(&t.norm)) {
                    if derived {
                        limits.extend(limits_of(text, clause));
                    }
                    continue;
                }
                let must = words().any(|t| &*t.norm == "must");
                if words().any(|t| obliges(&t.norm)) && !must {
                    continue;
                }
                let stems = anchors(tokens, clause, usize::MAX, &[]);
                if stems.len() <= DENIAL_ANCHORS {
                    continue;
                }
                // What must be done is denied by a denial of the necessity itself
                // ("doesn't have to clip it"), not by a state (see `necessity_denied`).
                if must {
                    musts.push(Plain {
                        ruled: Vec::new(),
                        elsewhere: elsewhere(tokens, clause, &stems, &asked_stems),
                        stems,
                        text: clause_text(text, clause),
                    });
                    continue;
                }
                // What a requirement asks for ("requires targets to start with /"):
                // an answer that says a thing breaks the rule ("the target doesn't
                // start with /") describes a state, and denies nothing.
                let mut ruled: Vec<Arc<str>> = words()
                    .skip_while(|t| !requires(&t.norm))
                    .skip(1)
                    .filter(|t| content(t))
                    .map(|t| t.stem.clone())
                    .collect();
                ruled.sort_unstable();
                let mut elsewhere = elsewhere(tokens, clause, &stems, &asked_stems);
                // A relative clause's claim is about its antecedent ("NAT translation,
                // which adds latency to every packet"): an answer that names it
                // ("NAT does not add latency") is about this claim, not another part.
                if let Some(before) = antecedent_clause(tokens, clause) {
                    let said: Vec<Arc<str>> = anchors(tokens, before, usize::MAX, &[]);
                    elsewhere.retain(|s| said.binary_search(s).is_err());
                }
                plains.push(Plain {
                    ruled,
                    elsewhere,
                    stems,
                    text: clause_text(text, clause),
                });
            }
            for c in 0..tokens.len() {
                let Some(modal) = denied_modal(tokens, c) else {
                    continue;
                };
                let Some(j) = denied_word(text, c, |_| true) else {
                    continue;
                };
                let clause = tokens[c].place.clause;
                let mut stems = anchors(tokens, clause, usize::MAX, &[]);
                stems.retain(|s| *s != tokens[j].stem);
                if stems.len() < DENIAL_ANCHORS {
                    continue;
                }
                inabilities.push(Inability {
                    stem: tokens[j].stem.clone(),
                    modal,
                    elsewhere: elsewhere(tokens, clause, &stems, &asked_stems),
                    anchors: stems,
                    text: clause_text(text, clause),
                });
            }
            ruled_out.extend(ruled_out_of(text));
        }
        let absent = whole::absent_of(texts, asked);
        let means = means::Slots::of(texts);
        let doers = doer::Deeds::of(texts);
        let advice = dismissed::Advice::of(texts);
        let commands = passed_over::Commands::of(texts, asked);
        let drops = dropped::Drops::of(texts);
        let ongoing = stopped::Ongoing::of(texts, &asked_stems);
        let relied = outright::Relied::of(texts, &asked_stems, &words.members);
        let values = value::Values::of(texts);
        let siblings = sibling::Siblings::of(texts);
        let done = undone::Done::of(texts, &asked_stems);
        let costs = complexity::Costs::of(texts);
        let turns = direction::Turns::of(texts);
        model_stems.sort_unstable();
        model_stems.dedup();
        negated.sort_unstable();
        negated.dedup();
        limits.sort_unstable();
        limits.dedup();
        let mut plain_stems: Vec<Arc<str>> = plains
            .iter()
            .flat_map(|p| p.stems.iter().cloned())
            .collect();
        plain_stems.sort_unstable();
        plain_stems.dedup();
        let families = claims.iter().fold(0, |bits, c| bits | 1 << c.family);
        let mut triggers = Vec::new();
        // One word per stem: an answer's word meets the vocabulary's by stem, and the
        // rules read the form it has.
        let mut stems: Vec<(Arc<str>, Rule)> = Vec::new();
        let mut trigger = |word: &str, rule: Rule, vocab: &mut Vocab| {
            for token in tokenize(word, stemmer, Parts::Skip).into_iter().take(1) {
                let key = (token.stem.clone(), rule);
                if !stems.contains(&key) {
                    stems.push(key);
                    triggers.push((vocab.intern_exact(token), rule));
                }
            }
        };
        for (f, family) in FAMILIES.iter().enumerate() {
            if families & 1 << f != 0 {
                for phrase in family.sides.iter().flat_map(|side| side.iter()) {
                    trigger(phrase, Rule::State, vocab);
                }
            }
        }
        let mut pairs: Vec<usize> = stances.iter().map(|s| s.pair).collect();
        pairs.sort_unstable();
        pairs.dedup();
        for &pair in &pairs {
            for word in OPPOSITES[pair].sides.iter().flat_map(|side| side.iter()) {
                trigger(word, Rule::Opposite, vocab);
            }
        }
        if !orders.is_empty() {
            trigger("before", Rule::Order, vocab);
            trigger("after", Rule::Order, vocab);
        }
        if !sequences.is_empty() {
            trigger("then", Rule::Order, vocab);
        }
        if !plains.is_empty() || !musts.is_empty() || derived {
            for cue in [
                "not", "never", "cannot", "dont", "doesnt", "didnt", "cant", "wont", "hasnt",
                "havent",
            ] {
                trigger(cue, Rule::Denial, vocab);
            }
        }
        if derived {
            // "there is no X" (see [`there_is`]), read by [`Claims::denials`] alone.
            trigger("no", Rule::Denial, vocab);
        }
        let mut modals: Vec<&str> = inabilities.iter().map(|i| i.modal).collect();
        modals.sort_unstable();
        modals.dedup();
        for modal in modals {
            trigger(modal, Rule::Ability, vocab);
        }
        for r in &ruled_out {
            trigger(&r.word, Rule::RuledOut, vocab);
        }
        if !absent.is_empty() {
            for word in whole::WHOLE {
                trigger(word, Rule::Whole, vocab);
            }
        }
        for slot in &means.slots {
            trigger(&slot.word, Rule::Means, vocab);
        }
        for deed in &doers.deeds {
            trigger(&deed.word, Rule::Doer, vocab);
        }
        if !advice.is_empty() {
            for word in dismissed::CUES {
                trigger(word, Rule::Dismissed, vocab);
            }
        }
        if !commands.is_empty() {
            for word in passed_over::CUES {
                trigger(word, Rule::PassedOver, vocab);
            }
        }
        if !drops.drops.is_empty() {
            for word in dropped::KEPT {
                trigger(word, Rule::Kept, vocab);
            }
        }
        if !ongoing.is_empty() {
            for word in stopped::CUES {
                trigger(word, Rule::Stopped, vocab);
            }
        }
        if !relied.is_empty() {
            for word in outright::CUES {
                trigger(word, Rule::Outright, vocab);
            }
        }
        for key in &values.keys {
            trigger(key, Rule::Value, vocab);
        }
        if !siblings.is_empty() {
            for word in &siblings.words {
                trigger(word, Rule::Sibling, vocab);
            }
        }
        if !done.is_empty() {
            for word in undone::CUES {
                trigger(word, Rule::Undone, vocab);
            }
        }
        if !costs.is_empty() {
            for word in complexity::OPENERS {
                trigger(word, Rule::Complexity, vocab);
            }
        }
        if !turns.is_empty() {
            for word in direction::UP.iter().chain(direction::DOWN.iter()) {
                trigger(word, Rule::Direction, vocab);
            }
        }
        Claims {
            words: (families != 0).then_some(words),
            claims,
            orders,
            sequences,
            stances,
            plains,
            musts,
            inabilities,
            ruled_out,
            absent,
            means,
            doers,
            advice,
            commands,
            drops,
            ongoing,
            relied,
            values,
            siblings,
            done,
            costs,
            turns,
            derived,
            plain_stems,
            negated,
            limits,
            families,
            model_stems,
            triggers,
        }
    }

    /// The model claims `answer` says the opposite of, at most one per rule.
    pub fn check(&self, answer: &PreparedAnswer) -> Vec<Contradiction> {
        let mut out = Vec::new();
        if self.triggers.is_empty() {
            return out;
        }
        // The answer's tokens that start each rule, in text order (one list per rule;
        // `Direction` is the last variant).
        let mut found: [Vec<usize>; Rule::Direction as usize + 1] = Default::default();
        for &(w, rule) in &self.triggers {
            found[rule as usize].extend(answer.tokens_of(w));
        }
        if found.iter().all(Vec::is_empty) {
            return out;
        }
        for tokens in &mut found {
            tokens.sort_unstable();
            tokens.dedup();
        }
        if let Some(words) = self.words
            && !found[Rule::State as usize].is_empty()
        {
            out.extend(self.opposite_state(answer, words, &found[Rule::State as usize]));
        }
        if !found[Rule::Opposite as usize].is_empty() {
            out.extend(self.opposite_word(answer, &found[Rule::Opposite as usize]));
        }
        if !found[Rule::Order as usize].is_empty() {
            out.extend(
                self.order_turned(answer)
                    .or_else(|| self.sequence_turned(answer)),
            );
        }
        if !found[Rule::Denial as usize].is_empty() {
            let cues = &found[Rule::Denial as usize];
            match self
                .denied(answer, cues)
                .or_else(|| self.necessity_denied(answer, cues))
            {
                Some(hit) => out.push(hit),
                None if self.derived => out.extend(self.denials(answer, cues)),
                None => {}
            }
        }
        if !found[Rule::Ability as usize].is_empty() {
            out.extend(self.able(answer, &found[Rule::Ability as usize]));
        }
        if !found[Rule::RuledOut as usize].is_empty() {
            out.extend(self.ruled_out_said(answer, &found[Rule::RuledOut as usize]));
        }
        if !found[Rule::Whole as usize].is_empty() {
            out.extend(whole::whole_said(
                answer,
                &self.absent,
                &found[Rule::Whole as usize],
            ));
        }
        if !found[Rule::Means as usize].is_empty() {
            out.extend(self.means.swapped(answer, &found[Rule::Means as usize]));
        }
        if !found[Rule::Doer as usize].is_empty() {
            out.extend(self.doers.swapped(answer, &found[Rule::Doer as usize]));
        }
        if !found[Rule::Dismissed as usize].is_empty() {
            out.extend(
                self.advice
                    .dismissed(answer, &found[Rule::Dismissed as usize]),
            );
        }
        if !found[Rule::PassedOver as usize].is_empty() {
            out.extend(
                self.commands
                    .passed_over(answer, &found[Rule::PassedOver as usize]),
            );
        }
        if !found[Rule::Kept as usize].is_empty() {
            out.extend(self.drops.kept(answer, &found[Rule::Kept as usize]));
        }
        if !found[Rule::Stopped as usize].is_empty() {
            out.extend(self.ongoing.stopped(answer, &found[Rule::Stopped as usize]));
        }
        if !found[Rule::Outright as usize].is_empty() {
            out.extend(self.relied.denied(answer, &found[Rule::Outright as usize]));
        }
        if !found[Rule::Value as usize].is_empty() {
            out.extend(self.values.swapped(answer, &found[Rule::Value as usize]));
        }
        if !found[Rule::Sibling as usize].is_empty() {
            out.extend(
                self.siblings
                    .swapped(answer, &found[Rule::Sibling as usize]),
            );
        }
        if !found[Rule::Undone as usize].is_empty() {
            out.extend(
                self.done
                    .denied(answer, &found[Rule::Undone as usize], &self.negated),
            );
        }
        if !found[Rule::Complexity as usize].is_empty() {
            out.extend(self.costs.wrong(answer, &found[Rule::Complexity as usize]));
        }
        if !found[Rule::Direction as usize].is_empty() {
            out.extend(self.turns.turned(answer, &found[Rule::Direction as usize]));
        }
        out
    }

    /// An answer sentence that states plainly a word the model answer rules out
    /// ([`RuledOut`]), about what the model sentence is about: it shares at least
    /// [`ANCHORS`] content words with it, more than with any model sentence that states
    /// the word plainly, and the answer never says what the model answer puts in its
    /// place. `at` holds the answer's words of those stems.
    fn ruled_out_said(&self, answer: &PreparedAnswer, at: &[usize]) -> Option<Contradiction> {
        let tokens = answer.tokens();
        for &i in at {
            let token = &tokens[i];
            let (clause, sentence) = (token.place.clause, token.place.sentence);
            if token.part
                || answer.negated(i)
                || limited_beside(tokens, clause)
                || hedged(tokens, clause)
                || supposes(tokens, clause)
                || compares(tokens, clause)
            {
                continue;
            }
            // A sentence that also denies the word, or sets it aside, tells things apart.
            if denied_in_sentence(answer, i) {
                continue;
            }
            let says = |stem: &Arc<str>| tokens.iter().any(|t| t.stem == *stem);
            let found = self.ruled_out.iter().find(|r| {
                // A state denied is a verb's: "management" is no form of "managed".
                if r.stem != token.stem
                    || r.instead.is_empty() && !inflects(&token.norm, &r.stem)
                    || r.instead.iter().any(says)
                {
                    return false;
                }
                let mut here = if r.instead.is_empty() {
                    said_of(tokens, i)
                } else {
                    sentence_stems(tokens, sentence)
                };
                here.retain(|s| *s != token.stem);
                let n = shared(&r.anchors, &here);
                n >= ANCHORS && r.rivals.iter().all(|rival| shared(rival, &here) < n)
            });
            if let Some(r) = found {
                return Some(Contradiction::quoting(
                    "ruled out",
                    clause_text(answer, clause),
                    &r.text,
                    vec![answer.word(i).to_owned()],
                ));
            }
        }
        None
    }

    /// An answer clause that says a thing *can* (or *will*) do what a model clause
    /// says it cannot (or will not), of the same thing; `modals` holds the answer's
    /// *can* and *will*.
    fn able(&self, answer: &PreparedAnswer, modals: &[usize]) -> Option<Contradiction> {
        let tokens = answer.tokens();
        for &m in modals {
            let clause = tokens[m].place.clause;
            if answer.negated(m) || tokens[m].part {
                continue;
            }
            let Some(j) = (m + 1..tokens.len())
                .filter(|&j| !tokens[j].part)
                .find(|&j| !is_adverb(&tokens[j].norm) && &*tokens[j].norm != "also")
            else {
                continue;
            };
            let token = &tokens[j];
            if token.place.clause != clause || token.class != Class::Word || !content(token) {
                continue;
            }
            let candidates = || {
                self.inabilities
                    .iter()
                    .filter(|i| i.stem == token.stem && *i.modal == *tokens[m].norm)
            };
            if candidates().next().is_none()
                || answer.negated(j)
                || limited(tokens, clause)
                || hedged(tokens, clause)
                || compares(tokens, clause)
                || supposes(tokens, clause)
                || super::negation::in_absence(tokens, j)
            {
                continue;
            }
            // "can read its own cookies but cannot read the token" corrects itself.
            if denied_in_sentence(answer, j) {
                continue;
            }
            let mut here = anchors(tokens, clause, usize::MAX, &[]);
            here.retain(|s| *s != token.stem);
            let Some(inability) = candidates().find(|i| {
                shared(&i.anchors, &here) >= DENIAL_ANCHORS && shared(&i.elsewhere, &here) == 0
            }) else {
                continue;
            };
            return Some(cue_against(answer, "ability", m, j, &inability.text));
        }
        None
    }

    /// An answer clause that states the other side of a model claim about the same
    /// thing; `at` holds the answer's tokens that may start a side.
    fn opposite_state(
        &self,
        answer: &PreparedAnswer,
        words: &Words,
        at: &[usize],
    ) -> Option<Contradiction> {
        let tokens = answer.tokens();
        if !self.may_turn_a_state(answer, words, at) {
            return None;
        }
        let statements: Vec<Statement> = statements(answer, words, at)
            .into_iter()
            .filter(|s| self.families & 1 << s.family != 0)
            .collect();
        if statements.is_empty() {
            return None;
        }
        for s in &statements {
            // Cheap tests first: no model claim of the other side; or the answer states
            // both sides of a family whose sides are said of two things (see below).
            let other = 1 - s.side;
            if !self
                .claims
                .iter()
                .any(|c| c.family == s.family && c.side == other)
                || FAMILIES[s.family].rivals
                    && statements
                        .iter()
                        .any(|o| o.family == s.family && o.side == other)
            {
                continue;
            }
            if hedged(tokens, s.clause) || self.names_another(tokens, s.clause, words) {
                continue;
            }
            let here = anchors(tokens, s.clause, s.family, &statements);
            let sentence = sentence_stems(tokens, tokens[s.tokens[0]].place.sentence);
            let about = |c: &&Claim| {
                c.family == s.family
                    && shared(&c.anchors, &here) >= ANCHORS
                    && shared(&c.elsewhere[0], &here) == 0
                    && shared(&c.elsewhere[1], &sentence) == 0
            };
            // Some model clause about the same thing states the answer's side: no claim
            // turned round.
            if self.claims.iter().filter(about).any(|c| c.side == s.side) {
                continue;
            }
            let Some(claim) = self
                .claims
                .iter()
                .filter(about)
                .max_by_key(|c| shared(&c.anchors, &here))
            else {
                continue;
            };
            return Some(Contradiction::quoting(
                FAMILIES[s.family].role,
                clause_text(answer, s.clause),
                &claim.text,
                s.tokens
                    .iter()
                    .map(|&t| answer.word(t).to_owned())
                    .collect(),
            ));
        }
        None
    }

    /// Whether a side that the tokens `at` state, read from their words alone, may
    /// turn a model claim round: it is the other side of a claim, and for a family
    /// whose sides are said of two things, the answer does not state both. A phrase of
    /// more than one word always may. Most answers that use a family's words are done
    /// with here, before any phrase is matched.
    fn may_turn_a_state(&self, answer: &PreparedAnswer, words: &Words, at: &[usize]) -> bool {
        let tokens = answer.tokens();
        // Per family, the sides stated (bits).
        let mut stated = [0u8; FAMILIES.len()];
        for &i in at {
            let token = &tokens[i];
            for (f, side, k) in words.phrases_from(token) {
                if words.families[f].sides[side][k].len() > 1 {
                    return true;
                }
                stated[f] |= 1 << (side ^ usize::from(answer.negated(i)));
            }
        }
        self.claims.iter().any(|c| {
            let other = 1 - c.side;
            stated[c.family] & 1 << other != 0
                && !(FAMILIES[c.family].rivals && stated[c.family] == 0b11)
        })
    }

    /// An answer clause that gives a word of [`OPPOSITES`] where the model clause it
    /// shares the most content words with gives its opposite ("tries the host with the
    /// highest preference first" against "tries the one with the lowest preference
    /// number first"); `at` holds the answer's words of the pairs the model uses.
    fn opposite_word(&self, answer: &PreparedAnswer, at: &[usize]) -> Option<Contradiction> {
        let tokens = answer.tokens();
        for &i in at {
            let Some((pair, side)) = opposite_of(&tokens[i]) else {
                continue;
            };
            let clause = tokens[i].place.clause;
            if answer.negated(i)
                || says_other_side(tokens, clause, pair, side)
                || matches_up(tokens, i)
                || OPPOSITES[pair].complement && limited(tokens, clause)
            {
                continue;
            }
            // A comparison with *than* is read with its two sides in order.
            if OPPOSITES[pair].compares && compares(tokens, clause) {
                let head = head(tokens, i, pair);
                let turned = compared::sides(tokens, i)
                    .and_then(|sides| compared::turned(&self.stances, (pair, side), &head, &sides));
                if let Some(stance) = turned
                    && !of_another(stance, tokens, i, pair)
                {
                    return Some(Contradiction::quoting(
                        OPPOSITES[pair].role,
                        clause_text(answer, clause),
                        &stance.text,
                        vec![answer.word(i).to_owned()],
                    ));
                }
                continue;
            }
            let here = opposite_anchors(tokens, clause, pair);
            let head = head(tokens, i, pair);
            let best = |same: bool| {
                self.stances
                    .iter()
                    .filter(|s| {
                        s.pair == pair
                            && (s.side == side) == same
                            && s.head == head
                            && s.compared.is_none()
                    })
                    .map(|s| (shared(&s.anchors, &here), s))
                    .max_by_key(|&(n, _)| n)
            };
            let Some((n, stance)) = best(false) else {
                continue;
            };
            if n < ANCHORS
                || best(true).is_some_and(|(m, _)| m >= n)
                || of_another(stance, tokens, i, pair)
            {
                continue;
            }
            // Both ends turned: "smaller pages mean more misses" says what "larger pages
            // mean fewer misses" says, from the other end of the two scales.
            if turns_together(&stance.ends, &scale_ends(tokens, clause), &tokens[i]) {
                continue;
            }
            // The answer also says the model's word of what the model clause is about,
            // as closely: it tells two things apart ("the highest priority job runs
            // first, so jobs of the lowest priority wait").
            let also = at.iter().any(|&k| {
                let other = tokens[k].place.clause;
                other != clause
                    && !answer.negated(k)
                    && opposite_of(&tokens[k]) == Some((pair, stance.side))
                    && shared(&stance.anchors, &opposite_anchors(tokens, other, pair)) >= n
            });
            if also {
                continue;
            }
            return Some(Contradiction::quoting(
                OPPOSITES[pair].role,
                clause_text(answer, clause),
                &stance.text,
                vec![answer.word(i).to_owned()],
            ));
        }
        None
    }

    /// An answer clause that denies plainly ("Docker does not support cgroup v2") the
    /// word a model clause states plainly, and shares at least [`DENIAL_ANCHORS`] more
    /// content words with that clause and none with the rest of the model answer (the
    /// question's words aside); `cues` holds the answer's denying cues.
    fn denied(&self, answer: &PreparedAnswer, cues: &[usize]) -> Option<Contradiction> {
        let tokens = answer.tokens();
        for &c in cues {
            let claimed = |stem: &Arc<str>| {
                self.plain_stems.binary_search(stem).is_ok()
                    && self.negated.binary_search(stem).is_err()
            };
            let Some(j) = denied_word(answer, c, claimed) else {
                continue;
            };
            // "With a cache it is computed once and never recomputed": a fix that ends
            // the problem concedes it (see `negation::ended_by_a_change`).
            if ended_by_a_change(tokens, c) {
                continue;
            }
            let stem = &tokens[j].stem;
            let clause = tokens[c].place.clause;
            let mut here = anchors(tokens, clause, usize::MAX, &[]);
            here.retain(|s| s != stem);
            let plain = self.plains.iter().find(|p| {
                p.stems.binary_search(stem).is_ok()
                    && (p.ruled.binary_search(stem).is_err() || denied_modal(tokens, c).is_some())
                    && shared(&p.stems, &here) >= DENIAL_ANCHORS
                    && shared(&p.elsewhere, &here) == 0
            });
            if let Some(plain) = plain {
                return Some(cue_against(answer, "denial", c, j, &plain.text));
            }
        }
        None
    }

    /// An answer clause that denies the necessity of what a model clause says *must* be
    /// done, of the same thing: a subject, a denying cue, *have to*, *has to*, *need to*
    /// or *needs to* (or *need not*) and the model clause's verb, sharing at least
    /// [`DENIAL_ANCHORS`] more content words with it and none with the rest of the model
    /// answer ("the apex doesn't have to hold any other records" against "the apex must
    /// hold the zone's SOA and NS records"). Limited, hedged and comparing clauses, and a
    /// sentence that also says the verb plainly, deny nothing, as for [`denied_word`].
    fn necessity_denied(&self, answer: &PreparedAnswer, cues: &[usize]) -> Option<Contradiction> {
        let tokens = answer.tokens();
        let next = |from: usize| (from + 1..tokens.len()).find(|&k| !tokens[k].part);
        for &c in cues {
            if tokens[c].part || !denies(&tokens[c].norm) {
                continue;
            }
            let before = (0..c).rev().find(|&b| !tokens[b].part);
            // "need not clip" or "doesn't have to clip" / "doesn't need to clip".
            let (start, j) = if before.is_some_and(|b| &*tokens[b].norm == "need") {
                (before.unwrap_or(c), next(c))
            } else {
                let Some(k) = next(c)
                    .filter(|&k| matches!(&*tokens[k].norm, "have" | "has" | "need" | "needs"))
                else {
                    continue;
                };
                let Some(to) = next(k).filter(|&t| &*tokens[t].norm == "to") else {
                    continue;
                };
                (c, next(to))
            };
            let Some(mut j) = j else { continue };
            // "doesn't have to be (an) absolute path": the word after *be* and its
            // determiner.
            if is_be(&tokens[j].norm) {
                let Some(after) = next(j) else { continue };
                j = after;
                while is_determiner(&tokens[j].norm) {
                    let Some(after) = next(j) else { break };
                    j = after;
                }
            }
            let token = &tokens[j];
            let (clause, sentence) = (tokens[c].place.clause, tokens[c].place.sentence);
            if !content(token)
                || token.class != Class::Word
                || token.place.clause != clause
                || !tokens[..start]
                    .iter()
                    .any(|t| t.place.clause == clause && content(t))
                || limited_beside(tokens, clause)
                || hedged(tokens, clause)
                || supposes(tokens, clause)
                || compares(tokens, clause)
                || tokens.iter().enumerate().any(|(k, t)| {
                    t.place.sentence == sentence
                        && k != j
                        && t.stem == token.stem
                        && !answer.negated(k)
                })
            {
                continue;
            }
            let mut here = anchors(tokens, clause, usize::MAX, &[]);
            here.retain(|s| *s != token.stem && !matches!(&**s, "need" | "have" | "has"));
            // A requirement's rule ("requires the target to be an absolute path") is a
            // necessity too, for the words it asks for.
            let rules = self
                .plains
                .iter()
                .filter(|p| p.ruled.binary_search(&token.stem).is_ok());
            let must = self.musts.iter().chain(rules).find(|m| {
                m.stems.binary_search(&token.stem).is_ok()
                    && shared(&m.stems, &here) >= DENIAL_ANCHORS
                    && shared(&m.elsewhere, &here) == 0
            });
            if let Some(must) = must {
                return Some(cue_against(answer, "necessity", c, j, &must.text));
            }
        }
        None
    }

    /// For a derived rubric: an answer that denies [`DENIALS`] or more words the model
    /// answer states plainly, each with a verb's denial of its own ("does not copy the
    /// files, never checks the sum and is not cached"), denies what the model answer
    /// claims, however many of its words it repeats; `cues` holds the answer's denying
    /// cues. Each denial is read as [`denied_by`] reads it.
    fn denials(&self, answer: &PreparedAnswer, cues: &[usize]) -> Option<Contradiction> {
        let tokens = answer.tokens();
        let claimed = |stem: &Arc<str>| {
            self.model_stems.binary_search(stem).is_ok()
                && self.negated.binary_search(stem).is_err()
        };
        // "does not lack the bacteria" where the model answer says the tank has not
        // grown them: a denial of what the model answer denies.
        let denied_there = |stem: &Arc<str>| self.negated.binary_search(stem).is_ok();
        let same_limit = |word: &str, stem: &Arc<str>| {
            self.limits
                .binary_search_by(|(w, s)| (&**w, s).cmp(&(word, stem)))
                .is_ok()
        };
        let mut denied: Vec<(usize, usize)> = Vec::new();
        for &c in cues {
            if let Some(j) = denied_by(answer, c, claimed, denied_there, same_limit)
                && !denied
                    .iter()
                    .any(|&(_, k)| tokens[k].stem == tokens[j].stem)
            {
                denied.push((c, j));
            }
        }
        if denied.len() < DENIALS {
            return None;
        }
        let clauses = |f: &dyn Fn(&(usize, usize)) -> String| -> Vec<String> {
            let mut out: Vec<String> = denied.iter().map(f).collect();
            out.dedup();
            out
        };
        let said = clauses(&|&(c, _)| clause_text(answer, tokens[c].place.clause));
        let model = clauses(&|&(_, j)| format!("\"{}\"", self.model_word_text(&tokens[j].stem)));
        Some(Contradiction {
            role: "denials".to_owned(),
            said: said.join("; "),
            model: model.join(", "),
            anchor: None,
            matched: denied
                .iter()
                .flat_map(|&(c, j)| [answer.word(c).to_owned(), answer.word(j).to_owned()])
                .collect(),
        })
    }

    /// The model clause that states `stem` plainly, or the word itself when no clause
    /// of [`Claims::plains`] holds it.
    fn model_word_text(&self, stem: &Arc<str>) -> String {
        self.plains
            .iter()
            .find(|p| p.stems.binary_search(stem).is_ok())
            .map_or_else(|| stem.to_string(), |p| p.text.clone())
    }

    /// Whether clause `clause` names a member of a contrast set that the model answer
    /// never names: it is about another thing ("a named volume is kept").
    fn names_another(&self, tokens: &[Token], clause: u32, words: &Words) -> bool {
        tokens.iter().filter(|t| t.place.clause == clause).any(|t| {
            words.members.binary_search(&t.stem).is_ok()
                && self.model_stems.binary_search(&t.stem).is_err()
        })
    }

    /// An answer sentence "B first, then A" where the model answer says "A first, then
    /// B" ([`turned_round`]).
    fn sequence_turned(&self, answer: &PreparedAnswer) -> Option<Contradiction> {
        if self.sequences.is_empty() {
            return None;
        }
        let tokens = answer.tokens();
        for i in then_cues(answer) {
            let (first, then) = sequence_sides(tokens, i);
            if let Some(model) = self
                .sequences
                .iter()
                .find(|m| turned_round(&first, &then, &m.first, &m.then))
            {
                return Some(order_said(answer, i, &model.text));
            }
        }
        None
    }

    /// An answer sentence that puts the model's order round.
    fn order_turned(&self, answer: &PreparedAnswer) -> Option<Contradiction> {
        let tokens = answer.tokens();
        for (i, before) in order_cues(answer) {
            let stretches = [sides(tokens, i, false), sides(tokens, i, true)];
            for order in &self.orders {
                // The answer puts on the left what the model answer puts second, in the
                // sentence and in the narrow stretch.
                let turned = stretches.iter().enumerate().all(|(k, (left, right))| {
                    let (a, b) = if order.before == before {
                        (&order.first[k], &order.then[k])
                    } else {
                        (&order.then[k], &order.first[k])
                    };
                    shared(left, b) > 0
                        && shared(right, a) > 0
                        && shared(left, a) == 0
                        && shared(right, b) == 0
                });
                if turned {
                    return Some(order_said(answer, i, &order.text));
                }
            }
        }
        None
    }
}

/// The words `text` rules out ([`RuledOut`]).
fn ruled_out_of(text: &PreparedAnswer) -> Vec<RuledOut> {
    let tokens = text.tokens();
    let mut out = Vec::new();
    for c in 0..tokens.len() {
        let (y, x) = match &*tokens[c].norm {
            "instead" | "rather" if !tokens[c].part => match set_aside(tokens, c) {
                Some(found) => found,
                None => continue,
            },
            // A denial limited to a time or a part ("is not glazed before firing")
            // leaves the state free outside it.
            _ => match denied_state(text, c) {
                Some(y) if !limited_beside(tokens, tokens[c].place.clause) => (y, Vec::new()),
                _ => continue,
            },
        };
        let clause = tokens[c].place.clause;
        if tokens
            .iter()
            .any(|t| t.place.clause == clause && !t.part && obliges(&t.norm))
        {
            continue;
        }
        let stem = tokens[y].stem.clone();
        let sentence = tokens[c].place.sentence;
        let instead: Vec<Arc<str>> = x.iter().map(|&j| tokens[j].stem.clone()).collect();
        // A word set aside is about its sentence; a state denied, about what it is
        // denied of: the words before the cue, and a relative clause's antecedent.
        let whole = !instead.is_empty();
        let mut anchors = if whole {
            sentence_stems(tokens, sentence)
        } else {
            said_of(tokens, c)
        };
        anchors.retain(|s| *s != stem && !instead.contains(s));
        // The other places that state the word plainly: sentences, or clauses.
        let mut plain: Vec<usize> = (0..tokens.len())
            .filter(|&k| {
                let t = &tokens[k];
                let place = if whole {
                    t.place.sentence
                } else {
                    t.place.clause
                };
                t.stem == stem && !text.negated(k) && place != if whole { sentence } else { clause }
            })
            .collect();
        if whole {
            plain.dedup_by_key(|k| tokens[*k].place.sentence);
        }
        let rivals = plain
            .into_iter()
            .map(|k| {
                let mut stems = if whole {
                    sentence_stems(tokens, tokens[k].place.sentence)
                } else {
                    said_of(tokens, k)
                };
                stems.retain(|t| *t != stem);
                stems
            })
            .collect();
        out.push(RuledOut {
            word: tokens[y].norm.clone(),
            stem,
            instead,
            anchors,
            rivals,
            text: clause_text(text, clause),
        });
    }
    out
}

/// What the clause of token `at` (a state's word, or the cue that denies it) says it
/// of, as content stems, sorted: the words before it in its clause (or, when none is,
/// those after it: "being stepped is what happens to the clock"), and when a relative
/// pronoun opens the clause, its antecedent ("a monotonic clock, *which* is not
/// stepped"): the clause before, and the one before that when that is a bare name
/// ("a monotonic clock, CLOCK_MONOTONIC, which ...").
fn said_of(tokens: &[Token], at: usize) -> Vec<Arc<str>> {
    let clause = tokens[at].place.clause;
    let stems = |keep: &dyn Fn(usize, &Token) -> bool| -> Vec<Arc<str>> {
        tokens
            .iter()
            .enumerate()
            .filter(|&(k, t)| content(t) && keep(k, t))
            .map(|(_, t)| t.stem.clone())
            .collect()
    };
    let mut out = stems(&|k, t| t.place.clause == clause && k < at);
    if out.is_empty() {
        out = stems(&|k, t| t.place.clause == clause && k > at);
    }
    let opener = tokens
        .iter()
        .find(|t| t.place.clause == clause && !t.part)
        .is_some_and(|t| matches!(&*t.norm, "which" | "who"));
    if opener && clause > 0 {
        let before = stems(&|_, t| t.place.clause + 1 == clause);
        if before.len() < ANCHORS && clause > 1 {
            out.extend(stems(&|_, t| t.place.clause + 2 == clause));
        }
        out.extend(before);
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// Whether `word` is a form of the verb (or noun) whose stem is `stem`: the stem with
/// an inflection at most ("steps", "stepped", "stepping"; not "management").
fn inflects(word: &str, stem: &str) -> bool {
    word.strip_prefix(stem).is_some_and(|rest| {
        matches!(
            rest,
            "" | "e"
                | "s"
                | "es"
                | "d"
                | "ed"
                | "ing"
                | "y"
                | "ies"
                | "ied"
                | "ped"
                | "ping"
                | "ted"
                | "ting"
                | "ned"
                | "ning"
                | "ged"
                | "ging"
                | "red"
                | "ring"
        )
    })
}

/// The contradiction of an order turned round at cue `i` of `answer`, against the
/// model's sentence `model`.
fn order_said(answer: &PreparedAnswer, i: usize, model: &str) -> Contradiction {
    Contradiction {
        role: "order".to_owned(),
        said: sentence_text(answer, answer.tokens()[i].place.sentence),
        model: format!("\"{model}\""),
        anchor: None,
        matched: vec![answer.word(i).to_owned()],
    }
}

/// The ends of scales ([`crate::lang::SCALES`]) that the words of `clause` name, as
/// (scale, end).
fn scale_ends(tokens: &[Token], clause: u32) -> Vec<(usize, u8)> {
    tokens
        .iter()
        .filter(|t| t.place.clause == clause && !t.part)
        .filter_map(|t| crate::lang::scale_end(&t.norm))
        .collect()
}

/// Whether an answer clause with the ends `here` turns round, besides the scale of
/// `word`, every other scale the model clause with the ends `model` names, one at least:
/// it ties the two scales as the model clause does, from their other ends.
fn turns_together(model: &[(usize, u8)], here: &[(usize, u8)], word: &Token) -> bool {
    let Some((scale, _)) = crate::lang::scale_end(&word.norm) else {
        return false;
    };
    let mut turned = false;
    for &(other, end) in here.iter().filter(|e| e.0 != scale) {
        for &(_, model_end) in model.iter().filter(|e| e.0 == other) {
            if model_end == end {
                return false;
            }
            turned = true;
        }
    }
    turned
}

/// The pair of [`OPPOSITES`] and the side `token` is a word of, if any.
fn opposite_of(token: &Token) -> Option<(usize, usize)> {
    // Every word of every pair with its pair and side, sorted.
    static INDEX: OnceLock<Vec<(&'static str, usize, usize)>> = OnceLock::new();
    // One piece of a hyphenated word ("semi-sync") is not the word.
    if token.part || token.glued || token.class != Class::Word {
        return None;
    }
    let index = INDEX.get_or_init(|| {
        let mut index: Vec<(&'static str, usize, usize)> = OPPOSITES
            .iter()
            .enumerate()
            .flat_map(|(p, pair)| {
                pair.sides
                    .iter()
                    .enumerate()
                    .flat_map(move |(side, words)| words.iter().map(move |w| (*w, p, side)))
            })
            .collect();
        index.sort_unstable();
        index
    });
    let at = index
        .binary_search_by(|(w, ..)| (*w).cmp(&*token.norm))
        .ok()?;
    Some((index[at].1, index[at].2))
}

/// The plain pair of [`OPPOSITES`] (not a comparison, nor [headed](Opposite::headed),
/// nor a [complement](Opposite::complement)) and the side `token` is a word of, if any:
/// "heats" and "cools" are the two sides of one.
pub(crate) fn plain_opposite(token: &Token) -> Option<(usize, usize)> {
    let (pair, side) = opposite_of(token)?;
    let o = &OPPOSITES[pair];
    (!o.compares && !o.headed && !o.complement).then_some((pair, side))
}

/// For a pair that [headed](Opposite::headed), the stem of the word after token `i`
/// in its clause (`None` when there is none, or for another pair).
fn head(tokens: &[Token], i: usize, pair: usize) -> Option<Arc<str>> {
    if !OPPOSITES[pair].headed {
        return None;
    }
    tokens[i + 1..]
        .iter()
        .find(|t| !t.part)
        .filter(|t| t.place.clause == tokens[i].place.clause && t.class == Class::Word)
        .map(|t| t.stem.clone())
}

/// For a comparative that is not [headed](Opposite::headed) ("higher", "faster"), the
/// stem of what it is said of in its clause: the content word right after it when
/// there is one ("the lower price", "a faster disk"), else the nearest content word
/// before it ("demand is higher than supply", "the peak itself is higher", "the peak
/// lower"). `None` for another pair, or for *one* (*ones*), which names nothing itself
/// ("a lower one").
fn compared_of(tokens: &[Token], i: usize, pair: usize) -> Option<Arc<str>> {
    if !OPPOSITES[pair].compares || OPPOSITES[pair].headed {
        return None;
    }
    let clause = tokens[i].place.clause;
    let in_clause = |t: &&Token| !t.part && t.place.clause == clause;
    let next = tokens[i + 1..].iter().find(in_clause);
    let word = match next {
        Some(t) if matches!(&*t.norm, "one" | "ones") => return None,
        Some(t) if content(t) => t,
        _ => tokens[..i]
            .iter()
            .rev()
            .take_while(|t| t.part || t.place.clause == clause)
            .filter(in_clause)
            .find(|t| content(t))?,
    };
    Some(word.stem.clone())
}

/// Whether an answer's comparative at `i` (of pair `pair`) is said of another thing
/// than the model `stance`'s: both name what they are said of ([`compared_of`]), the two
/// differ, and the answer's is no word of the model's clause. "At the capped rent
/// demand is higher than the supply" says *higher* of demand, and "at the lower price
/// more people want to rent" *lower* of the price: two heads, no contradiction of rank.
/// "The price is higher" against it still contradicts it. A model comparison with
/// *than* is left to its two sides ([`compared`]).
fn of_another(stance: &Stance, tokens: &[Token], i: usize, pair: usize) -> bool {
    if stance.compared.is_some() {
        return false;
    }
    let (Some(theirs), Some(ours)) = (&stance.of, compared_of(tokens, i, pair)) else {
        return false;
    };
    *theirs != ours && stance.anchors.binary_search(&ours).is_err()
}

/// Whether the sentence of token `i` (a word of [`OPPOSITES`]) has that word again:
/// it matches one order to another ("the last item added is the last removed", "the
/// first in is the first out"), which the other word says as well as this one.
fn matches_up(tokens: &[Token], i: usize) -> bool {
    let sentence = tokens[i].place.sentence;
    tokens
        .iter()
        .enumerate()
        .any(|(k, t)| k != i && t.place.sentence == sentence && !t.part && t.norm == tokens[i].norm)
}

/// Whether clause `clause` has a negation cue or a word that [limits](not_plain) it.
pub(crate) fn limited(tokens: &[Token], clause: u32) -> bool {
    tokens
        .iter()
        .any(|t| t.place.clause == clause && !t.part && (t.negation || not_plain(&t.norm)))
}

/// Whether clause `clause` has a word that [limits](not_plain) it.
fn limited_beside(tokens: &[Token], clause: u32) -> bool {
    tokens
        .iter()
        .any(|t| t.place.clause == clause && !t.part && not_plain(&t.norm))
}

/// Whether clause `clause` has a word of the other side of pair `pair` than `side`.
fn says_other_side(tokens: &[Token], clause: u32, pair: usize, side: usize) -> bool {
    tokens.iter().any(|t| {
        t.place.clause == clause && opposite_of(t).is_some_and(|(p, s)| p == pair && s != side)
    })
}

/// Whether clause `clause` compares two things ("than", "unlike", "like the hot water
/// does"), or its sentence ties two comparatives together ([`correlates`]).
pub(crate) fn compares(tokens: &[Token], clause: u32) -> bool {
    tokens
        .iter()
        .any(|t| t.place.clause == clause && !t.part && compares_word(&t.norm))
        || correlates(tokens, clause)
}

/// The sentence clause `clause` of `tokens` is in, if it has a token.
fn sentence_of(tokens: &[Token], clause: u32) -> Option<u32> {
    tokens
        .iter()
        .find(|t| t.place.clause == clause)
        .map(|t| t.place.sentence)
}

/// Whether the sentence of clause `clause` ties two comparatives together ("the more
/// blocks the truck carries, the shorter the distance", "the closer the load, the less
/// effort"): it states how one amount follows another, and neither comparative alone
/// is a claim of which thing has more.
fn correlates(tokens: &[Token], clause: u32) -> bool {
    let Some(sentence) = sentence_of(tokens, clause) else {
        return false;
    };
    let comparative = |t: &Token| {
        matches!(&*t.norm, "closer" | "farther" | "further" | "greater")
            || opposite_of(t).is_some_and(|(pair, _)| OPPOSITES[pair].compares)
    };
    let mut words = tokens
        .iter()
        .filter(|t| t.place.sentence == sentence && !t.part)
        .peekable();
    let mut found = 0;
    while let Some(t) = words.next() {
        if &*t.norm == "the" && words.peek().is_some_and(|&n| comparative(n)) {
            found += 1;
        }
    }
    found >= 2
}

/// The word that denying cue `c` denies plainly: the content word right after it (an
/// adverb such as *still* between), when a subject stands before the cue in its clause
/// (a denial with none is advice: "don't run it as root") and the cue follows no
/// form of *be* ("is not
/// root", "is never written" say what a thing is, in other words than the model
/// answer's), the word is no form of *be* or [softener](softens), its clause has no
/// [limit](not_plain) to the denial, and its sentence does not state the word plainly
/// too ("does not replace ENTRYPOINT, it replaces CMD" corrects, and denies nothing),
/// and the clause [compares](compares) nothing ("does not absorb heat like black does"
/// says how two things differ).
fn denied_word(
    answer: &PreparedAnswer,
    c: usize,
    claimed: impl Fn(&Arc<str>) -> bool,
) -> Option<usize> {
    let tokens = answer.tokens();
    let words = |from: usize| (from..tokens.len()).filter(|&j| !tokens[j].part);
    if tokens[c].part || !denies(&tokens[c].norm) {
        return None;
    }
    let j = words(c + 1).find(|&j| !is_adverb(&tokens[j].norm))?;
    let token = &tokens[j];
    // The cheap test first: whether the model answer claims the word plainly at all.
    if !content(token) || !claimed(&token.stem) {
        return None;
    }
    let before = (0..c).rev().find(|&j| !tokens[j].part);
    if before.is_some_and(|b| is_be(&tokens[b].norm)) {
        return None;
    }
    // No subject before it: advice ("don't run it as root"), which is no claim.
    let (clause, sentence) = (tokens[c].place.clause, tokens[c].place.sentence);
    if !tokens[..c]
        .iter()
        .any(|t| t.place.clause == clause && content(t))
    {
        return None;
    }
    if token.place.clause != clause
        || token.class != Class::Word
        || is_be(&token.norm)
        || softens(&token.norm)
        || answer.cue(j) != Some(c)
    {
        return None;
    }
    let limited = limited_beside(tokens, clause);
    let also_plain = tokens.iter().enumerate().any(|(k, t)| {
        t.place.sentence == sentence && k != j && t.stem == token.stem && !answer.negated(k)
    });
    (!limited && !also_plain && !hedged(tokens, clause) && !compares(tokens, clause)).then_some(j)
}

/// How many of the model answer's words an answer to a derived rubric must deny to
/// deny its claims ([`Claims::denials`]): one denial is often a detail said the other
/// way, or the learner's own aside.
const DENIALS: usize = 2;

/// The word that cue `c` of `answer` denies with a verb, for a derived rubric's
/// [`Claims::denials`]: as [`denied_word`], but a denial after a form of *be* ("is not
/// cached") counts, and a pronoun is subject enough ("so it never bounces"), and so does
/// the *no* of "there is no X" ([`there_is`]), subject or not. A word
/// `claimed` is denied; so is one `denied_there` after a denied *lack* ("does not lack
/// the bacteria" where the model answer says none have grown). A limiting word of the
/// clause ([`not_plain`]) leaves it a denial only when the model answer states the word
/// under the `same_limit` ("after sunset ... does not disappear").
fn denied_by(
    answer: &PreparedAnswer,
    c: usize,
    claimed: impl Fn(&Arc<str>) -> bool,
    denied_there: impl Fn(&Arc<str>) -> bool,
    same_limit: impl Fn(&str, &Arc<str>) -> bool,
) -> Option<usize> {
    let tokens = answer.tokens();
    let exists = !tokens[c].part && &*tokens[c].norm == "no" && there_is(tokens, c);
    if tokens[c].part || !(denies(&tokens[c].norm) || exists) {
        return None;
    }
    let mut j = (c + 1..tokens.len())
        .filter(|&j| !tokens[j].part)
        .find(|&j| !is_adverb(&tokens[j].norm) && !is_be(&tokens[j].norm))?;
    if answer.cue(j) != Some(c) {
        return None;
    }
    let lack = crate::lang::is_form_of(&tokens[j].norm, "lack").then_some(j);
    if let Some(l) = lack {
        j = (l + 1..tokens.len())
            .filter(|&k| !tokens[k].part)
            .find(|&k| !is_determiner(&tokens[k].norm))?;
    }
    let token = &tokens[j];
    let said = if lack.is_some() {
        denied_there(&token.stem) && !answer.negated(j)
    } else {
        claimed(&token.stem)
    };
    if !content(token) || !said {
        return None;
    }
    let (clause, sentence) = (tokens[c].place.clause, tokens[c].place.sentence);
    let subject = tokens[..c].iter().any(|t| {
        t.place.clause == clause
            && !t.part
            && (content(t) || matches!(&*t.norm, "it" | "they" | "this" | "which" | "that"))
    });
    if !(subject || exists)
        || token.place.clause != clause
        || token.class != Class::Word
        || softens(&token.norm)
    {
        return None;
    }
    let also_plain = tokens.iter().enumerate().any(|(k, t)| {
        t.place.sentence == sentence
            && k != j
            && t.stem == token.stem
            && answer.negated(k) == lack.is_some()
    });
    let limited = tokens.iter().enumerate().any(|(k, t)| {
        t.place.clause == clause
            && !t.part
            && Some(k) != lack
            && not_plain(&t.norm)
            && !same_limit(&t.norm, &token.stem)
    });
    (!limited
        && !also_plain
        && !hedged(tokens, clause)
        && !compares(tokens, clause)
        && !supposes(tokens, clause))
    .then_some(j)
}

/// Whether the *no* at `c` follows *there is* (*are*, *was*, ...) in its clause: "there
/// is no consistency cost" denies that the thing exists, as a verb's denial does, where
/// "with no isolation" or "has no shell" may say how a thing is or what it holds.
fn there_is(tokens: &[Token], c: usize) -> bool {
    let clause = tokens[c].place.clause;
    let mut before = tokens[..c]
        .iter()
        .rev()
        .filter(|t| !t.part && t.place.clause == clause);
    before.next().is_some_and(|t| is_be(&t.norm))
        && before.next().is_some_and(|t| &*t.norm == "there")
}

/// The words of lacking, denied to say a thing is there ("does not lack").
/// The limiting words ([`not_plain`]) of clause `clause` of model text `text`, each with
/// every content stem the clause states plainly: (word, stem).
fn limits_of(text: &PreparedAnswer, clause: u32) -> Vec<(Arc<str>, Arc<str>)> {
    let tokens = text.tokens();
    let at = || {
        tokens
            .iter()
            .enumerate()
            .filter(move |(_, t)| t.place.clause == clause && !t.part)
    };
    let mut out = Vec::new();
    for (_, limit) in at().filter(|(_, t)| not_plain(&t.norm)) {
        for (_, t) in at().filter(|&(i, t)| content(t) && !text.negated(i)) {
            out.push((Arc::from(&*limit.norm), t.stem.clone()));
        }
    }
    out
}

/// The content stems of clause `clause`, the words of pair `pair` aside, sorted.
fn opposite_anchors(tokens: &[Token], clause: u32, pair: usize) -> Vec<Arc<str>> {
    let mut out: Vec<Arc<str>> = tokens
        .iter()
        .filter(|t| {
            t.place.clause == clause && content(t) && opposite_of(t).is_none_or(|(p, _)| p != pair)
        })
        .map(|t| t.stem.clone())
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// Every side of a family that `text` states at one of the tokens `at`, clause by
/// clause; a side under a negation states the other.
fn statements(text: &PreparedAnswer, words: &Words, at: &[usize]) -> Vec<Statement> {
    let tokens = text.tokens();
    let mut out: Vec<Statement> = Vec::new();
    for &i in at {
        let token = &tokens[i];
        if token.part || token.class != Class::Word {
            continue;
        }
        for (f, side, k) in words.phrases_from(token) {
            // One statement per side of a family at a token.
            if out
                .last()
                .is_some_and(|s| s.tokens[0] == i && s.family == f && s.at == side)
            {
                continue;
            }
            let Some(found) = phrase_at(tokens, i, &words.families[f].sides[side][k]) else {
                continue;
            };
            // "differ in whether the data is kept" asks which side holds, and says
            // neither.
            if asks_whether(tokens, i) {
                continue;
            }
            // "kept in RAM" says where, not how long; "keeps serving" goes on doing.
            let last = found[found.len() - 1];
            if found.len() == 1
                && word_after(tokens, last)
                    .is_some_and(|w| says_where(&w.norm) || w.norm.ends_with("ing"))
            {
                continue;
            }
            out.push(Statement {
                family: f,
                at: side,
                side: side ^ usize::from(text.negated(i)),
                clause: token.place.clause,
                tokens: found,
            });
        }
    }
    out
}

/// Whether a *whether* comes before token `i` in its clause: the clause asks which
/// way it goes ("they differ in whether order is kept") and states neither side.
/// (*Whether or not* opens a concession, which states what follows: "it vanishes,
/// whether or not anything reads it".)
fn asks_whether(tokens: &[Token], i: usize) -> bool {
    let clause = tokens[i].place.clause;
    (0..i)
        .rev()
        .take_while(|&j| tokens[j].place.clause == clause)
        .any(|j| {
            &*tokens[j].norm == "whether"
                && !word_after(tokens, j).is_some_and(|w| matches!(&*w.norm, "or"))
        })
}

/// The tokens of `phrase` starting at token `i` (its first word as written, the rest
/// by stem), its words in order in one clause, at most [`GAP`] words apart.
fn phrase_at(tokens: &[Token], i: usize, phrase: &[Arc<str>]) -> Option<Vec<usize>> {
    if tokens[i].norm != phrase[0] {
        return None;
    }
    let mut found = vec![i];
    let mut at = i;
    for stem in &phrase[1..] {
        let clause = tokens[at].place.clause;
        at = (at + 1..tokens.len())
            .filter(|&j| !tokens[j].part)
            .take(GAP + 1)
            .take_while(|&j| tokens[j].place.clause == clause)
            .find(|&j| tokens[j].stem == *stem)?;
        found.push(at);
    }
    Some(found)
}

/// Whether a content word: not a stop word, not a negation cue, not inside a code token.
fn content(token: &Token) -> bool {
    !token.part && !token.stop && !token.negation && token.norm.chars().count() > 1
}

/// The content stems of clause `clause`, the words of `family`'s statements there
/// aside, sorted.
fn anchors(
    tokens: &[Token],
    clause: u32,
    family: usize,
    statements: &[Statement],
) -> Vec<Arc<str>> {
    let own: Vec<usize> = statements
        .iter()
        .filter(|s| s.family == family && s.clause == clause)
        .flat_map(|s| s.tokens.iter().copied())
        .collect();
    let mut out: Vec<Arc<str>> = tokens
        .iter()
        .enumerate()
        .filter(|(i, t)| t.place.clause == clause && content(t) && !own.contains(i))
        .map(|(_, t)| t.stem.clone())
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// How many stems two sorted lists share.
fn shared(a: &[Arc<str>], b: &[Arc<str>]) -> usize {
    a.iter().filter(|s| b.binary_search(s).is_ok()).count()
}

/// The content stems of sentence `sentence`, sorted.
fn sentence_stems(tokens: &[Token], sentence: u32) -> Vec<Arc<str>> {
    let mut out: Vec<Arc<str>> = tokens
        .iter()
        .filter(|t| t.place.sentence == sentence && content(t))
        .map(|t| t.stem.clone())
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// Whether clause `clause` supposes rather than states: "if the page can read it",
/// "whether it can".
fn supposes(tokens: &[Token], clause: u32) -> bool {
    tokens.iter().any(|t| {
        t.place.clause == clause && !t.part && matches!(&*t.norm, "if" | "whether" | "unless")
    })
}

/// The content stems of `tokens` outside clause `clause` that are neither in `stems`
/// nor in `asked` (both sorted), sorted: what the rest of a model text is about.
fn elsewhere(
    tokens: &[Token],
    clause: u32,
    stems: &[Arc<str>],
    asked: &[Arc<str>],
) -> Vec<Arc<str>> {
    let mut out: Vec<Arc<str>> = tokens
        .iter()
        .filter(|t| {
            t.place.clause != clause
                && content(t)
                && stems.binary_search(&t.stem).is_err()
                && asked.binary_search(&t.stem).is_err()
        })
        .map(|t| t.stem.clone())
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// The clause a relative clause `clause` hangs on: the one before it in its sentence,
/// when `clause` opens with *which*, *where*, *who* or *whose* (not *that*, which is as
/// often a determiner or says what is said). Its words name what the relative clause
/// claims something of.
fn antecedent_clause(tokens: &[Token], clause: u32) -> Option<u32> {
    let first = tokens
        .iter()
        .position(|t| t.place.clause == clause && !t.part)?;
    if !matches!(&*tokens[first].norm, "which" | "where" | "who" | "whose") {
        return None;
    }
    let before = tokens[..first].iter().rev().find(|t| !t.part)?;
    (before.place.sentence == tokens[first].place.sentence && before.place.clause + 1 == clause)
        .then_some(before.place.clause)
}

/// Whether clause `clause` is hypothetical or about a backup.
fn hedged(tokens: &[Token], clause: u32) -> bool {
    tokens
        .iter()
        .any(|t| t.place.clause == clause && hedges(&t.norm))
}

/// The order cues of `text` that no negation governs, each the only one of its
/// sentence ("crashes after processing but before acknowledging" orders three things)
/// and with no word negated before it in its clause ("it never acks before the record
/// is flushed" puts the flush first): (token, whether *before*).
fn order_cues(text: &PreparedAnswer) -> Vec<(usize, bool)> {
    let tokens = text.tokens();
    let cue = |t: &Token| match &*t.norm {
        _ if t.part => None,
        "before" => Some(true),
        "after" => Some(false),
        _ => None,
    };
    tokens
        .iter()
        .enumerate()
        .filter_map(|(i, t)| Some((i, cue(t)?)))
        .filter(|&(i, _)| {
            let (sentence, clause) = (tokens[i].place.sentence, tokens[i].place.clause);
            !text.negated(i)
                && !(0..i)
                    .rev()
                    .take_while(|&j| tokens[j].place.clause == clause)
                    .any(|j| text.negated(j))
                && tokens
                    .iter()
                    .filter(|t| t.place.sentence == sentence && cue(t).is_some())
                    .count()
                    == 1
        })
        .collect()
}

/// The *then* of each sentence that says "first ... then" (one *first*, then one
/// *then*, no *before* or *after*, neither negated) in `text`.
fn then_cues(text: &PreparedAnswer) -> Vec<usize> {
    let tokens = text.tokens();
    let mut out = Vec::new();
    let mut at = 0;
    while at < tokens.len() {
        let sentence = tokens[at].place.sentence;
        let end = tokens[at..]
            .iter()
            .position(|t| t.place.sentence != sentence)
            .map_or(tokens.len(), |n| at + n);
        let words = || (at..end).filter(|&k| !tokens[k].part);
        let of =
            |word: &str| -> Vec<usize> { words().filter(|&k| &*tokens[k].norm == word).collect() };
        let (firsts, thens) = (of("first"), of("then"));
        if let ([f], [t]) = (&firsts[..], &thens[..])
            && f < t
            && !text.negated(*f)
            && !text.negated(*t)
            && !words().any(|k| matches!(&*tokens[k].norm, "before" | "after"))
        {
            out.push(*t);
        }
        at = end;
    }
    out
}

/// The content stems of the sentence of *then* at `i` before it, from the start of
/// the clause of its *first*, and after it, to the end of its clause ("PostgreSQL
/// first writes each change to the WAL and then updates the page, so a crash ..."
/// leaves out what follows), each without the stems of the other side and without
/// *first*, in the order said.
fn sequence_sides(tokens: &[Token], i: usize) -> (Vec<Arc<str>>, Vec<Arc<str>>) {
    let Place {
        clause, sentence, ..
    } = tokens[i].place;
    let from = tokens[..i]
        .iter()
        .rfind(|t| t.place.sentence == sentence && !t.part && &*t.norm == "first")
        .map_or(clause, |t| t.place.clause);
    let stems = |range: std::ops::Range<usize>| -> Vec<Arc<str>> {
        let mut out: Vec<Arc<str>> = Vec::new();
        for t in &tokens[range] {
            if t.place.sentence == sentence
                && (from..=clause).contains(&t.place.clause)
                && content(t)
                && &*t.norm != "first"
                && !out.contains(&t.stem)
            {
                out.push(t.stem.clone());
            }
        }
        out
    };
    let (left, right) = (stems(0..i), stems(i + 1..tokens.len()));
    let only = |a: &[Arc<str>], b: &[Arc<str>]| -> Vec<Arc<str>> {
        a.iter().filter(|s| !b.contains(s)).cloned().collect()
    };
    (only(&left, &right), only(&right, &left))
}

/// Whether an answer's "first ... then" sides put the model's round: some word the
/// model says after *then* the answer says before it, and some word the model says
/// before it the answer says after; and the words both say on the same side are only
/// the frame of each side, said before any word that changed sides, in both texts
/// ("every write goes to the *replica* first and is then forwarded to its *primary*",
/// where *write* and *goes* frame the left side of both, against "every write goes to
/// the primary first and is then copied to its replicas").
fn turned_round(
    first: &[Arc<str>],
    then: &[Arc<str>],
    model_first: &[Arc<str>],
    model_then: &[Arc<str>],
) -> bool {
    let has = |side: &[Arc<str>], s: &Arc<str>| side.contains(s);
    let to_first: Vec<&Arc<str>> = first.iter().filter(|s| has(model_then, s)).collect();
    let to_then: Vec<&Arc<str>> = then.iter().filter(|s| has(model_first, s)).collect();
    if to_first.is_empty() || to_then.is_empty() {
        return false;
    }
    // Where a side's first word that changed sides stands in it.
    let at = |side: &[Arc<str>], moved: &[&Arc<str>]| {
        side.iter()
            .position(|s| moved.contains(&s))
            .unwrap_or(side.len())
    };
    let framed =
        |side: &[Arc<str>], moved: &[&Arc<str>], model: &[Arc<str>], back: &[&Arc<str>]| {
            let (here, there) = (at(side, moved), at(model, back));
            side.iter().enumerate().all(|(k, s)| {
                !has(model, s) || k < here && model.iter().position(|m| m == s) < Some(there)
            })
        };
    framed(first, &to_first, model_first, &to_then) && framed(then, &to_then, model_then, &to_first)
}

/// The content stems before order cue `i` and after it in its sentence, each without
/// the stems of the other, sorted; when `narrow`, after it only to the end of its
/// clause, and before it only from the start of its clause, or of the clause before
/// when the cue opens its own ("the old pods are deleted first, before any new pod is
/// created"). An order is turned round only when it is in both stretches: the
/// sentence ties words of other claims to the cue, the clause may leave out a side.
fn sides(tokens: &[Token], i: usize, narrow: bool) -> (Vec<Arc<str>>, Vec<Arc<str>>) {
    let Place {
        clause, sentence, ..
    } = tokens[i].place;
    let opens = !tokens[..i]
        .iter()
        .any(|t| t.place.clause == clause && !t.part);
    let stems = |range: std::ops::Range<usize>, keep: &dyn Fn(&Place) -> bool| {
        let mut out: Vec<Arc<str>> = tokens[range]
            .iter()
            .filter(|t| keep(&t.place) && content(t))
            .map(|t| t.stem.clone())
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    };
    let left = stems(0..i, &|p: &Place| {
        p.sentence == sentence
            && (!narrow || p.clause == clause || (opens && p.clause + 1 == clause))
    });
    let right = stems(i + 1..tokens.len(), &|p: &Place| {
        p.sentence == sentence && (!narrow || p.clause == clause)
    });
    let only = |a: &[Arc<str>], b: &[Arc<str>]| -> Vec<Arc<str>> {
        a.iter()
            .filter(|s| b.binary_search(s).is_err())
            .cloned()
            .collect()
    };
    (only(&left, &right), only(&right, &left))
}

/// The contradiction of model clause `model` by the answer clause of cue `c` (a
/// modal or a denial) and the word `j` it bears on, quoted with both words.
fn cue_against(
    answer: &PreparedAnswer,
    role: &str,
    c: usize,
    j: usize,
    model: &str,
) -> Contradiction {
    Contradiction::quoting(
        role,
        clause_text(answer, answer.tokens()[c].place.clause),
        model,
        vec![answer.word(c).to_owned(), answer.word(j).to_owned()],
    )
}

/// The words of clause `clause` of `text`, for the breakdown.
fn clause_text(text: &PreparedAnswer, clause: u32) -> String {
    words_where(text, |t| t.place.clause == clause)
}

/// The words of sentence `sentence` of `text`.
fn sentence_text(text: &PreparedAnswer, sentence: u32) -> String {
    words_where(text, |t| t.place.sentence == sentence)
}

fn words_where(text: &PreparedAnswer, keep: impl Fn(&Token) -> bool) -> String {
    let words: Vec<&str> = text
        .tokens()
        .iter()
        .filter(|t| !t.part && keep(t))
        .map(|t| &*t.norm)
        .collect();
    words.join(" ")
}

/// The model answer and explanation of a question, prepared for [`Claims::new`].
pub fn texts(
    model: Option<&str>,
    explanation: Option<&str>,
    stemmer: &Stemmer,
) -> Vec<PreparedAnswer> {
    [model, explanation]
        .into_iter()
        .flatten()
        .map(|t| PreparedAnswer::new(t, stemmer, &Vocab::default()))
        .collect()
}

/// Whether the sentence of the answer's word `i` also has a word of its stem under a
/// negation: "can read its own cookies but cannot read the token" tells the two apart.
fn denied_in_sentence(answer: &PreparedAnswer, i: usize) -> bool {
    let tokens = answer.tokens();
    let (sentence, stem) = (tokens[i].place.sentence, &tokens[i].stem);
    tokens.iter().enumerate().any(|(k, t)| {
        k != i && t.place.sentence == sentence && t.stem == *stem && answer.negated(k)
    })
}

mod compared;
mod complexity;
mod direction;
mod dismissed;
mod doer;
mod dropped;
mod means;
mod outright;
mod passed_over;
mod sibling;
mod stopped;
mod undone;
pub(crate) use undone::manner;
mod value;
mod whole;

#[cfg(test)]
mod tests;
