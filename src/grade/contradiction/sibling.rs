//! A sibling term in the model's place: the model answer names one member of a built-in
//! family of terms that exclude each other in the same role (a unit of time, a signal,
//! a transport protocol, one half of a key pair, the side of a connection, ...), and
//! an answer says the same thing of another member: "max-age is given in days" where
//! the model answer says "for the next max-age seconds", "publish the private key in
//! DNS" where it says "the public key published in DNS". A learner who swaps a
//! sibling in keeps every other word of the claim, so the rubric's concepts are all
//! there and only the swapped word is wrong.
//!
//! Read as *mentions*: a model word of a family, stated plainly (not negated, not set
//! against another member by *unlike*, *instead of*, *rather than*, *than*, *not*, and
//! in a clause that states no other member plainly), with the content words of up to
//! [`WINDOW`] words either side of it in its clause as anchors: what it is said of. An
//! answer's member contradicts a model mention of another member of its family when:
//! - the answer's member shares at least [`ANCHORS`] anchors with the model's, more
//!   than with any place the model texts state the answer's member itself (a model
//!   clause that states two members counts for either here);
//! - the answer never names the model's member (an answer that names both, "SIGTERM
//!   first, then SIGKILL", "not UDP but TCP", sets them against each other), and its
//!   clause names no other member of the family;
//! - the answer's member is stated plainly: not negated, not supposed (*if*,
//!   *whether*), not set against another (*unlike*, *instead*, *rather than*, *than*,
//!   *versus*, *except*);
//! - for a unit of time, the answer's member with its count is not as long as the
//!   model's with its count: "a day" and "24 hours" are "86400 seconds" written in
//!   another unit (see [`seconds_at`]), "8 hours" is not.
//!
//! The families are written from what the words mean, not from any learner's answer;
//! a word in none of them (the names of one subject's parts, HTTP methods such as
//! *get* and *put*, which are also common verbs) is never read. The model texts are
//! read once when the question is compiled; the rule looks only where an answer says a
//! word of a family the model answer mentions.

use super::{Contradiction, clause_text, content, means, shared, supposes};
use crate::grade::matcher::PreparedAnswer;
use crate::grade::token::{Token, same_seconds, seconds_at};
use std::sync::Arc;

/// How many content words an answer clause shares with a model clause to say the same
/// thing of it.
const ANCHORS: usize = 2;

/// Terms that exclude each other in one role.
struct Family {
    /// What the members are ("unit of time").
    role: &'static str,
    /// The members, each a list of spellings (a phrase's words in order, one after
    /// the other, or written as one with a hyphen).
    members: &'static [&'static [&'static str]],
}

/// The built-in families of sibling terms.
const FAMILIES: &[Family] = &[
    Family {
        role: "unit of time",
        members: &[
            &["nanoseconds", "nanosecond", "ns"],
            &["microseconds", "microsecond", "µs"],
            &["milliseconds", "millisecond", "ms"],
            // Not *second*: "a second record" counts, it is no unit.
            &["seconds", "secs", "sec"],
            &["minutes", "minute", "mins", "min"],
            &["hours", "hour", "hrs"],
            &["days", "day"],
            &["weeks", "week"],
            &["months", "month"],
            &["years", "year"],
        ],
    },
    Family {
        role: "unit of size",
        members: &[
            // Not *bits* and *bytes*: "a 16-bit value" gives a width, "swaps the
            // bytes" names a thing.
            &["kilobytes", "kilobyte", "kb", "kib"],
            &["megabytes", "megabyte", "mb", "mib"],
            &["gigabytes", "gigabyte", "gb", "gib"],
            &["terabytes", "terabyte", "tb", "tib"],
        ],
    },
    Family {
        role: "signal",
        members: &[
            &["sigterm"],
            &["sigkill"],
            &["sigint"],
            &["sighup"],
            &["sigquit"],
            &["sigstop"],
            &["sigtstp"],
            &["sigcont"],
            &["sigusr1"],
            &["sigusr2"],
            &["sigchld"],
            &["sigsegv"],
            &["sigpipe"],
            &["sigalrm"],
        ],
    },
    Family {
        role: "transport protocol",
        members: &[&["tcp"], &["udp"], &["sctp"]],
    },
    Family {
        role: "half of a key pair",
        members: &[
            &["public key", "public keys"],
            &["private key", "private keys"],
        ],
    },
    Family {
        role: "side of a connection",
        members: &[
            &["client", "clients", "client side"],
            &["server", "servers", "server side"],
        ],
    },
    Family {
        role: "direction of traffic",
        members: &[
            &["inbound", "incoming", "ingress"],
            &["outbound", "outgoing", "egress"],
        ],
    },
    Family {
        role: "direction of a flow",
        members: &[&["upstream"], &["downstream"]],
    },
    Family {
        role: "part of a version",
        members: &[&["major"], &["minor"]],
    },
    Family {
        role: "byte order",
        members: &[&["big endian"], &["little endian"]],
    },
    Family {
        role: "memory region",
        members: &[&["stack"], &["heap"]],
    },
    Family {
        role: "timing of a call",
        members: &[
            &["synchronous", "synchronously"],
            &["asynchronous", "asynchronously"],
        ],
    },
    Family {
        role: "kind of cipher",
        members: &[&["symmetric"], &["asymmetric"]],
    },
    Family {
        role: "treatment of a secret",
        members: &[
            // Not *hash*, *hashes*: "a keyed hash" is a value, not a treatment.
            &["hashed", "hashing"],
            &[
                "encrypt",
                "encrypts",
                "encrypted",
                "encrypting",
                "encryption",
            ],
            &["encode", "encodes", "encoded", "encoding"],
        ],
    },
    Family {
        role: "standard stream",
        members: &[&["stdin"], &["stdout"], &["stderr"]],
    },
    Family {
        role: "IP version",
        members: &[&["ipv4"], &["ipv6"]],
    },
    Family {
        role: "mode of the CPU",
        members: &[
            &["user space", "userspace", "user mode", "userland"],
            &["kernel space", "kernel mode"],
        ],
    },
    Family {
        role: "kind of link",
        members: &[
            &["hard link", "hard links", "hardlink", "hardlinks"],
            &[
                "symlink",
                "symlinks",
                "symbolic link",
                "symbolic links",
                "soft link",
                "soft links",
            ],
        ],
    },
    Family {
        role: "direction of scaling",
        members: &[&["horizontal", "horizontally"], &["vertical", "vertically"]],
    },
    Family {
        role: "kind of locking",
        members: &[&["optimistic"], &["pessimistic"]],
    },
    Family {
        role: "order of a queue",
        members: &[&["fifo"], &["lifo"]],
    },
    Family {
        role: "kind of lock",
        members: &[
            &["shared lock", "shared locks"],
            &["exclusive lock", "exclusive locks"],
        ],
    },
    Family {
        role: "kind of state",
        members: &[&["stateless"], &["stateful"]],
    },
    Family {
        role: "kind of copy",
        members: &[
            &["shallow copy", "shallow copies"],
            &["deep copy", "deep copies"],
        ],
    },
    Family {
        role: "kind of consistency",
        members: &[
            &["strong consistency", "strongly consistent"],
            &["eventual consistency", "eventually consistent"],
        ],
    },
    Family {
        role: "kind of proxy",
        members: &[&["forward proxy"], &["reverse proxy"]],
    },
    Family {
        role: "end of a message",
        members: &[
            &["sender", "senders"],
            &["receiver", "receivers", "recipient", "recipients"],
        ],
    },
    Family {
        role: "address of a packet",
        members: &[&["source"], &["destination"]],
    },
    Family {
        // Verbs only: *more* and *less*, *higher* and *lower* compare two things, which
        // a right answer may do the other way round ("AOF is slower to load than RDB").
        role: "direction of a change",
        members: &[
            &["increase", "increases", "increased", "increasing"],
            &["decrease", "decreases", "decreased", "decreasing"],
        ],
    },
    Family {
        role: "kind of evaluation",
        members: &[&["lazy", "lazily"], &["eager", "eagerly"]],
    },
];

/// Words before a member, in its clause, that set it against another: "unlike UDP",
/// "rather than SIGKILL", "all signals except SIGKILL" (the words of
/// [`means::sets_against`], and *except*).
fn sets_against(word: &str) -> bool {
    means::sets_against(word) || word == "except"
}

/// How many words either side of a member say what it is said of.
const WINDOW: usize = 6;

/// How many words before a member [`sets_against`] is looked for.
const BEFORE: usize = 3;

/// The family, member and number of words of the member that starts at token `i`, if
/// one does.
fn member_at(tokens: &[Token], i: usize) -> Option<(usize, usize, usize)> {
    let token = &tokens[i];
    if token.part {
        return None;
    }
    // The words from `i` on, in the sentence (code tokens' words aside).
    let next = |k: usize| -> Option<&str> {
        tokens[i..]
            .iter()
            .filter(|t| !t.part)
            .nth(k)
            .filter(|t| t.place.sentence == token.place.sentence)
            .map(|t| &*t.norm)
    };
    for (f, family) in FAMILIES.iter().enumerate() {
        for (m, spellings) in family.members.iter().enumerate() {
            for spelling in *spellings {
                let words = spelling.split(' ');
                let n = words.clone().count();
                if words.enumerate().all(|(k, w)| next(k) == Some(w)) {
                    return Some((f, m, n));
                }
            }
        }
    }
    None
}

/// Whether the member at `i` is set against another by a word just before it in its
/// clause, or by *instead* just after it.
fn set_against(tokens: &[Token], i: usize) -> bool {
    let clause = tokens[i].place.clause;
    let before = tokens[..i]
        .iter()
        .rev()
        .filter(|t| !t.part)
        .take(BEFORE)
        .take_while(|t| t.place.clause == clause)
        .any(|t| sets_against(&t.norm));
    let after = tokens[i + 1..]
        .iter()
        .filter(|t| !t.part)
        .take(BEFORE)
        .take_while(|t| t.place.clause == clause)
        .any(|t| t.norm.as_ref() == "instead");
    before || after
}

/// Every member of `text`, plain or not: (token, family, member, words).
fn members(text: &PreparedAnswer) -> Vec<(usize, usize, usize, usize)> {
    let tokens = text.tokens();
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        match member_at(tokens, i) {
            Some((f, m, n)) => {
                out.push((i, f, m, n));
                i += n.max(1);
            }
            None => i += 1,
        }
    }
    out
}

/// Whether a member at `i` is stated plainly: not negated, not set against another.
fn plain(text: &PreparedAnswer, i: usize) -> bool {
    !text.negated(i) && !set_against(text.tokens(), i)
}

/// The content stems of up to [`WINDOW`] words either side of the member of `n` words
/// at `i`, in its clause, the words of members aside, sorted: what the member is said
/// of ("publish its public key", not the "turn on DKIM signing" before it).
fn anchors(
    tokens: &[Token],
    i: usize,
    n: usize,
    found: &[(usize, usize, usize, usize)],
) -> Vec<Arc<str>> {
    let clause = tokens[i].place.clause;
    let own = |k: usize| found.iter().any(|&(at, _, _, m)| (at..at + m).contains(&k));
    let near = |range: &mut dyn Iterator<Item = usize>| -> Vec<usize> {
        range
            .filter(|&k| !tokens[k].part)
            .take(WINDOW)
            .take_while(|&k| tokens[k].place.clause == clause)
            .collect()
    };
    let end = (i..tokens.len())
        .filter(|&k| !tokens[k].part)
        .nth(n)
        .unwrap_or(tokens.len());
    let before = near(&mut (0..i).rev());
    let after = near(&mut (end..tokens.len()));
    let mut out: Vec<Arc<str>> = before
        .into_iter()
        .chain(after)
        .filter(|&k| content(&tokens[k]) && !own(k))
        .map(|k| tokens[k].stem.clone())
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// A member the model answer states plainly.
struct Mention {
    family: usize,
    member: usize,
    /// Stated as the only member of its family in its clause: a claim. A clause that
    /// states two claims neither, but still says what each is said of.
    claim: bool,
    /// What it is said of: its [`anchors`].
    anchors: Vec<Arc<str>>,
    /// How long, in seconds, when the member is a unit of time after its count ("86400
    /// seconds", "half an hour"): see [`seconds_at`].
    seconds: Option<f64>,
    /// The words of the member as the model writes them.
    word: String,
    /// The model's clause, for the breakdown.
    text: String,
}

/// The members the model texts state plainly.
#[derive(Default)]
pub(super) struct Siblings {
    mentions: Vec<Mention>,
    /// The spellings of every member of the families mentioned: the words that start
    /// the rule.
    pub(super) words: Vec<&'static str>,
}

impl Siblings {
    /// The members `texts` (the model answer and explanation) state plainly.
    pub(super) fn of(texts: &[&PreparedAnswer]) -> Siblings {
        let mut mentions = Vec::new();
        for text in texts {
            let tokens = text.tokens();
            let found = members(text);
            for &(i, f, m, n) in &found {
                let clause = tokens[i].place.clause;
                // A clause that states two members of a family claims neither.
                let both = found.iter().any(|&(j, g, o, _)| {
                    g == f && o != m && tokens[j].place.clause == clause && plain(text, j)
                });
                if !plain(text, i) {
                    continue;
                }
                mentions.push(Mention {
                    family: f,
                    member: m,
                    claim: !both,
                    anchors: anchors(tokens, i, n, &found),
                    seconds: seconds_at(tokens, i),
                    word: words_of(text, i, n),
                    text: clause_text(text, clause),
                });
            }
        }
        let mut families: Vec<usize> = mentions
            .iter()
            .filter(|m| m.claim)
            .map(|m| m.family)
            .collect();
        families.sort_unstable();
        families.dedup();
        let words = families
            .iter()
            .flat_map(|&f| FAMILIES[f].members.iter().flat_map(|s| s.iter().copied()))
            .collect();
        Siblings { mentions, words }
    }

    pub(super) fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// The first answer member of `at` (its words of the families' first words) that
    /// says of a model clause what the model clause says of a sibling.
    pub(super) fn swapped(&self, answer: &PreparedAnswer, at: &[usize]) -> Option<Contradiction> {
        let tokens = answer.tokens();
        let mut found: Option<Vec<(usize, usize, usize, usize)>> = None;
        for &i in at {
            let Some((f, s, n)) = member_at(tokens, i) else {
                continue;
            };
            let clause = tokens[i].place.clause;
            if !plain(answer, i) || supposes(tokens, clause) {
                continue;
            }
            let all = found.get_or_insert_with(|| members(answer));
            // Another member in the same clause: the answer sets them side by side.
            if all
                .iter()
                .any(|&(j, g, o, _)| g == f && o != s && tokens[j].place.clause == clause)
            {
                continue;
            }
            let mine = anchors(tokens, i, n, all);
            // A length of time as long as the model's, in another unit, is the model's
            // ("a day" for "86400 seconds").
            let seconds = seconds_at(tokens, i);
            let same = |m: &Mention| {
                seconds
                    .zip(m.seconds)
                    .is_some_and(|(a, b)| same_seconds(a, b))
            };
            let of_family = || self.mentions.iter().filter(|m| m.family == f);
            let own = of_family()
                .filter(|m| m.member == s)
                .map(|m| shared(&m.anchors, &mine))
                .max()
                .unwrap_or(0);
            let Some(theirs) = of_family()
                .filter(|m| m.member != s && m.claim && !same(m))
                .map(|m| (shared(&m.anchors, &mine), m))
                .filter(|&(k, _)| k >= ANCHORS && k > own)
                .max_by_key(|&(k, _)| k)
                .map(|(_, m)| m)
            else {
                continue;
            };
            // The answer names the model's member too: the two are set side by side.
            if all.iter().any(|&(_, g, o, _)| g == f && o == theirs.member) {
                continue;
            }
            let said = words_of(answer, i, n);
            return Some(Contradiction::quoting(
                &format!(
                    "another {} in the model's place ({said} for {})",
                    FAMILIES[f].role, theirs.word
                ),
                clause_text(answer, clause),
                &theirs.text,
                vec![said],
            ));
        }
        None
    }
}

/// The `n` words of `text` from token `i` on (code tokens' words aside).
fn words_of(text: &PreparedAnswer, i: usize, n: usize) -> String {
    let words: Vec<&str> = text.tokens()[i..]
        .iter()
        .filter(|t| !t.part)
        .take(n)
        .map(|t| &*t.norm)
        .collect();
    words.join(" ")
}

#[cfg(test)]
mod tests;
