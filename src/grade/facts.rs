//! Facts of the technical register that an answer may get wrong however right the rest
//! is, checked whether or not the model answer spells them out: a well-known port given
//! to the wrong service ("memcached listens on port 6379", where 6379 is Redis's), a
//! majority that is no majority ("with five members a majority is two"), a wait for
//! every member where a majority is enough ("commits once every follower has stored
//! it"), a short flag written in the other case than the model answer's
//! (`apparmor_parser -R` for `apparmor_parser -r`: options are case-sensitive, and `-R`
//! removes), and a number
//! whose sign is turned round from the one the model answer writes (`oom_score_adj
//! +1000` for `-1000`), and an address said to be what it is not: the any-address
//! (`0.0.0.0`) said to limit a listener to the loopback, or a loopback address
//! (`127.0.0.1`, `localhost`) said to mean every interface; and an absolute claim no
//! text of the question makes ("cached forever", "without limit", "until a reboot",
//! "guaranteed"; see [`absolute`]); and a practice that is unsafe whatever the
//! question, which no text of it talks of: a secret logged or sent, a file made
//! writable by everyone (see [`unsafe_practice`]); and a kernel given to the wrong
//! thing, a container's own kernel or a VM on the host's (see [`kernel`]).
//!
//! Each rule is narrow on purpose: it speaks only where the question is about the
//! thing (a service of the port table named by the question, the model answer or its
//! explanation; a majority or quorum the question's texts talk about; a flag the model
//! answer writes after a command), and only of what the answer ties to it in one
//! sentence. It is not responsible for values the model answer gives in a slot of its
//! own (`contrast::values`), nor for claims the model answer makes (`contradiction`).

use super::contrast::Contradiction;
use super::matcher::{PreparedAnswer, Vocab};
use super::token::{Class, Token};
use rust_stemmers::Stemmer;

/// A service with its well-known ports.
struct Service {
    /// The names a text calls it by, lower-cased.
    names: &'static [&'static str],
    ports: &'static [u16],
}

/// Services whose default ports are well known and belong to them alone. The web's
/// ports (80, 443, 8080) are left out: any service may be put behind them.
const SERVICES: &[Service] = &[
    Service {
        names: &["ssh", "sshd", "openssh"],
        ports: &[22],
    },
    Service {
        names: &["smtp", "postfix"],
        ports: &[25, 465, 587],
    },
    Service {
        names: &["dns", "coredns", "dnsmasq"],
        ports: &[53],
    },
    Service {
        names: &["dhcp", "dhcpd"],
        ports: &[67, 68],
    },
    Service {
        names: &["ntp", "ntpd", "chrony", "chronyd"],
        ports: &[123],
    },
    Service {
        names: &["ldap", "ldaps", "openldap", "slapd"],
        ports: &[389, 636],
    },
    Service {
        names: &["smb", "samba", "cifs"],
        ports: &[445],
    },
    Service {
        names: &["mssql"],
        ports: &[1433],
    },
    Service {
        names: &["zookeeper"],
        ports: &[2181],
    },
    Service {
        names: &["etcd"],
        ports: &[2379, 2380],
    },
    Service {
        names: &["mysql", "mysqld", "mariadb"],
        ports: &[3306],
    },
    Service {
        names: &["rdp"],
        ports: &[3389],
    },
    Service {
        names: &["postgres", "postgresql", "psql", "pgbouncer"],
        ports: &[5432, 6432],
    },
    Service {
        names: &["rabbitmq", "amqp"],
        ports: &[5672, 15672],
    },
    Service {
        names: &["redis"],
        ports: &[6379],
    },
    Service {
        names: &["kafka"],
        ports: &[9092],
    },
    Service {
        names: &["cassandra"],
        ports: &[9042],
    },
    Service {
        names: &["elasticsearch", "opensearch"],
        ports: &[9200, 9300],
    },
    Service {
        names: &["memcached", "memcache"],
        ports: &[11211],
    },
    Service {
        names: &["mongodb", "mongo", "mongod"],
        ports: &[27017],
    },
];

/// The service a word names, if it names one.
fn service(word: &str) -> Option<usize> {
    SERVICES.iter().position(|s| s.names.contains(&word))
}

/// The service whose well-known port `port` is.
fn owner(port: u16) -> Option<usize> {
    SERVICES.iter().position(|s| s.ports.contains(&port))
}

/// The most words looked past between a port and the service it is said of.
const PORT_REACH: usize = 6;

/// A question's facts to check answers against.
#[derive(Default)]
pub struct Facts {
    /// The services of [`SERVICES`] the question, model answer or explanation name
    /// (bits), when there are any.
    named: u32,
    /// Every number the question, model answer or explanation writes, in words of
    /// digits or inside code (`db:5432`): a number they write is theirs to use.
    numbers: Vec<u32>,
    /// The question's texts talk of a majority or a quorum.
    majority: bool,
    /// The model answer or explanation makes a majority or quorum enough, and no text
    /// of the question waits for every member (see [`waits_for_all`]).
    quorum: bool,
    /// The short flags the model answer or explanation writes after a command:
    /// (command, flag letter as written).
    flags: Vec<(String, char)>,
    /// Every short flag letter they write, in its case.
    letters: Vec<char>,
    /// The numbers the model answer or explanation writes with a sign, and no text of
    /// the question writes with another or none.
    signed: Vec<Signed>,
    /// The question's texts write an address of [`address`], or the loopback.
    addresses: bool,
    /// The kinds of absolute claims the question's texts leave to the answer (see
    /// [`absolute`]).
    absolutes: u8,
    /// The unsafe practices the question's texts leave to the answer (see
    /// [`unsafe_practice`]).
    unsafe_practice: unsafe_practice::Unsafe,
    /// The restrictions the question's texts leave to the answer (see [`restriction`]).
    restriction: restriction::Restriction,
    /// Whose kernel a container and a VM run on (see [`kernel`]).
    kernel: kernel::Kernel,
}

/// A number a text writes with a sign (`-1000`, `+5`), in a sentence.
struct Signed {
    /// `'-'` or `'+'`.
    sign: char,
    digits: String,
    /// The content words of its sentence (see [`anchor_words`]), sorted.
    anchors: Vec<String>,
}

impl Facts {
    /// The facts of a question whose model answer and explanation are `stated` and
    /// whose prompt and situation are `asked`; `said` (the model answer and
    /// explanation) and `raw` (all four) are the same texts as written (case and signs
    /// are kept there alone). The words that start a rule that looks only where they
    /// are join `vocab`.
    pub fn new(
        stated: &[&PreparedAnswer],
        asked: &PreparedAnswer,
        said: &[&str],
        raw: &[&str],
        stemmer: &Stemmer,
        vocab: &mut Vocab,
    ) -> Facts {
        let texts = || stated.iter().copied().chain([asked]);
        let mut named = 0;
        let mut numbers = Vec::new();
        let mut majority = false;
        let mut addresses = false;
        let quorum = stated.iter().any(|text| {
            text.tokens()
                .iter()
                .any(|t| matches!(&*t.norm, "majority" | "quorum"))
        }) && texts().all(|text| waits_for_all(text).is_none());
        for text in texts() {
            for t in text.tokens() {
                if let Some(s) = service(&t.norm) {
                    named |= 1 << s;
                }
                numbers.extend(
                    t.norm
                        .split(|c: char| !c.is_ascii_digit())
                        .filter_map(|d| d.parse::<u32>().ok()),
                );
                majority |= matches!(&*t.norm, "majority" | "quorum" | "quorums");
                addresses |= address(&t.norm).is_some() || &*t.norm == "loopback";
            }
        }
        numbers.sort_unstable();
        numbers.dedup();
        let absolutes =
            absolute::open_kinds(texts().flat_map(|text| text.tokens().iter().map(|t| &*t.norm)));
        let unsafe_practice = unsafe_practice::Unsafe::new(texts(), stemmer, vocab);
        let restriction = restriction::Restriction::new(texts(), stemmer, vocab);
        let kernel = kernel::Kernel::new(stemmer, vocab);
        let mut flags = Vec::new();
        let mut letters = Vec::new();
        for text in raw {
            for (command, letter) in short_flags(text) {
                letters.push(letter);
                if let Some(command) = command {
                    flags.push((command, letter));
                }
            }
        }
        // Each number the texts write, with every sign they give it.
        let mut signs: Vec<(String, char)> = raw
            .iter()
            .flat_map(|text| sentences(text))
            .flat_map(|words| signed_numbers(&words))
            .map(|(_, sign, digits)| (digits, sign))
            .collect();
        signs.sort_unstable();
        signs.dedup();
        let mut signed = Vec::new();
        for words in said.iter().flat_map(|text| sentences(text)) {
            for (_, sign, digits) in signed_numbers(&words) {
                let one_sign = signs.iter().filter(|(d, _)| *d == digits).count() == 1;
                if sign != ' ' && one_sign {
                    signed.push(Signed {
                        sign,
                        digits,
                        anchors: anchor_words(&words),
                    });
                }
            }
        }
        Facts {
            named,
            numbers,
            majority,
            quorum,
            flags,
            letters,
            signed,
            addresses,
            absolutes,
            unsafe_practice,
            restriction,
            kernel,
        }
    }

    /// Leaves to the rubric the kinds of absolute claims one of its concepts' terms
    /// states (`words`, lowercased): a rubric that accepts "alive forever" makes "keeps
    /// both alive forever" no overclaim, as a model answer that says it would (see
    /// [`absolute`]). Misconceptions' terms are not among them: those the author calls
    /// wrong.
    pub fn accepted_by_rubric<'a>(&mut self, words: impl IntoIterator<Item = &'a str>) {
        self.absolutes &= absolute::open_kinds(words);
    }

    /// The facts `answer` (written `raw`) gets wrong, at most one per rule.
    pub fn check(&self, answer: &PreparedAnswer, raw: &str) -> Vec<Contradiction> {
        let mut out = Vec::new();
        if self.named != 0 {
            out.extend(self.wrong_port(answer));
        }
        if self.majority {
            out.extend(wrong_majority(answer));
        }
        if self.quorum && !counts_majority(answer) {
            out.extend(waits_for_all(answer).map(|(all, noun)| {
                let tokens = answer.tokens();
                Contradiction {
                    role: format!("{KNOWN}quorum"),
                    said: format!("{} {}", tokens[all].norm, tokens[noun].norm),
                    model: "the model answer needs a majority, not every member".to_owned(),
                    anchor: None,
                    matched: vec![tokens[all].norm.to_string(), tokens[noun].norm.to_string()],
                }
            }));
        }
        if !self.flags.is_empty() {
            out.extend(self.flag_case(raw));
        }
        if !self.signed.is_empty() {
            out.extend(self.sign_turned(raw));
        }
        if self.addresses {
            out.extend(wrong_scope(answer));
        }
        if self.absolutes != 0 {
            out.extend(absolute::overclaim(answer, self.absolutes));
        }
        out.extend(self.unsafe_practice.advised(answer));
        out.extend(self.restriction.added(answer));
        out.extend(self.kernel.misplaced(answer));
        out
    }

    /// A number whose sign is turned round from the model answer's, in a sentence
    /// about the same thing: `oom_score_adj +1000` (or `1000`) where the model answer
    /// writes `-1000`, and never `1000` or `+1000`. A number written without a sign is
    /// positive: it turns a negative one round when it has two digits or more (a
    /// single digit is too often a count of something else). Not when the answer also
    /// writes the model's sign of it ("from -1000 to 1000"), nor under a negation, nor
    /// in a sentence that shares fewer than [`SIGN_ANCHORS`] content words with the
    /// model's sentence.
    fn sign_turned(&self, raw: &str) -> Option<Contradiction> {
        let sentences = sentences(raw);
        let numbers: Vec<Vec<(usize, char, String)>> = sentences
            .iter()
            .map(|words| signed_numbers(words))
            .collect();
        let writes = |sign: char, digits: &str| {
            numbers
                .iter()
                .flatten()
                .any(|(_, s, d)| *s == sign && d == digits)
        };
        for (words, found) in sentences.iter().zip(&numbers) {
            for (w, sign, digits) in found {
                let turned = |v: &&Signed| {
                    v.digits == *digits
                        && v.sign != *sign
                        && (*sign != ' '
                            || v.sign == '-'
                                && digits.bytes().filter(u8::is_ascii_digit).count() >= 2)
                };
                let Some(model) = self.signed.iter().find(turned) else {
                    continue;
                };
                if writes(model.sign, digits) || negated_before(words, *w) {
                    continue;
                }
                let here = anchor_words(words);
                let shared = here
                    .iter()
                    .filter(|a| model.anchors.binary_search(a).is_ok())
                    .count();
                if shared < SIGN_ANCHORS {
                    continue;
                }
                let said = if *sign == ' ' {
                    digits.clone()
                } else {
                    format!("{sign}{digits}")
                };
                return Some(Contradiction {
                    role: "sign".to_owned(),
                    model: format!("`{}{digits}` (the sign turned round)", model.sign),
                    matched: vec![said.clone()],
                    said,
                    anchor: None,
                });
            }
        }
        None
    }

    /// A well-known port of a service no text names, said of a service the question
    /// is about: "memcached listens on port 6379".
    fn wrong_port(&self, answer: &PreparedAnswer) -> Option<Contradiction> {
        let tokens = answer.tokens();
        let mut named = self.named;
        for t in tokens {
            if let Some(s) = service(&t.norm) {
                named |= 1 << s;
            }
        }
        tokens.iter().enumerate().find_map(|(i, t)| {
            if t.part || answer.negated(i) {
                return None;
            }
            // A port written alone, or after a host that is a service (`redis:6379`).
            let (host, digits) = match t.class {
                Class::Code => t.norm.rsplit_once(':')?,
                _ => ("", &*t.norm),
            };
            let port: u16 = digits.parse().ok()?;
            let other = owner(port)?;
            if host.is_empty() && !port_place(tokens, i) {
                return None;
            }
            if named & 1 << other != 0 || self.numbers.contains(&u32::from(port)) {
                return None;
            }
            let of = service(host)
                .or_else(|| said_of(tokens, i))
                .filter(|&s| self.named & 1 << s != 0)?;
            let right: Vec<String> = SERVICES[of]
                .ports
                .iter()
                .map(|p| format!("`{p}`"))
                .collect();
            Some(Contradiction {
                role: format!("{KNOWN}port"),
                said: port.to_string(),
                model: format!(
                    "{} listens on {}, and {port} is {}'s port",
                    SERVICES[of].names[0],
                    crate::lang::prose_list(&right, "or"),
                    SERVICES[other].names[0]
                ),
                anchor: None,
                matched: vec![answer.word(i).to_owned()],
            })
        })
    }

    /// A short flag after a command that the model answer writes in the other case:
    /// `apparmor_parser -R` for `apparmor_parser -r`. A flag the model answer also
    /// writes in the answer's case, or that the answer also writes in the model's, is
    /// no slip; nor is a lower-case flag in an answer typed without capitals.
    fn flag_case(&self, raw: &str) -> Option<Contradiction> {
        let capitals = raw.chars().any(|c| c.is_ascii_uppercase());
        let said = short_flags(raw);
        said.iter().find_map(|(command, letter)| {
            let command = command.as_ref()?;
            let other = if letter.is_ascii_uppercase() {
                letter.to_ascii_lowercase()
            } else {
                letter.to_ascii_uppercase()
            };
            if other == *letter
                || (letter.is_ascii_lowercase() && !capitals)
                || self.letters.contains(letter)
                || said.iter().any(|(_, l)| *l == other)
                || !self.flags.contains(&(command.clone(), other))
            {
                return None;
            }
            Some(Contradiction {
                role: "flag".to_owned(),
                said: format!("{command} -{letter}"),
                model: format!("`{command} -{other}` (options are case-sensitive)"),
                anchor: None,
                matched: vec![format!("-{letter}")],
            })
        })
    }
}

/// The role prefix of a contradiction of a well-known fact rather than of the model
/// answer: `Contradiction`'s display then says the fact, not what the model answer
/// says.
pub const KNOWN: &str = "well-known ";

/// Words between a port and its service that say nothing of which service it is.
fn port_filler(t: &Token) -> bool {
    t.stop
        || matches!(
            &*t.norm,
            "port"
                | "ports"
                | "listen"
                | "listens"
                | "listening"
                | "bind"
                | "binds"
                | "bound"
                | "runs"
                | "run"
                | "running"
                | "default"
                | "tcp"
                | "udp"
                | "uses"
                | "use"
                | "using"
                | "serves"
                | "number"
                | "address"
        )
        || t.norm.split('.').count() == 4 && t.norm.bytes().all(|b| b.is_ascii_digit() || b == b'.')
}

/// Whether the number at `i` stands where a port does: after *port* (over up to two
/// words: "port 6379", "port number 6379"), or right after *on*, *at* or *listens*, and
/// not before a word of its own ("on 3306 rows" counts rows).
fn port_place(tokens: &[Token], i: usize) -> bool {
    let sentence = tokens[i].place.sentence;
    let before: Vec<&Token> = tokens[..i]
        .iter()
        .rev()
        .filter(|t| !t.part)
        .take_while(|t| t.place.sentence == sentence)
        .take(3)
        .collect();
    let after = tokens[i + 1..]
        .iter()
        .find(|t| !t.part)
        .filter(|t| t.place.sentence == sentence);
    let counts = after.is_some_and(|t| !port_filler(t) && service(&t.norm).is_none());
    let ported = before.iter().any(|t| matches!(&*t.norm, "port" | "ports"))
        || before
            .first()
            .is_some_and(|t| matches!(&*t.norm, "on" | "at" | "listens" | "listen"));
    ported && !counts
}

/// The service a port at `i` is said of: a service name in its sentence with only
/// [`port_filler`] words between them, the nearer side first.
fn said_of(tokens: &[Token], i: usize) -> Option<usize> {
    let sentence = tokens[i].place.sentence;
    let look = |range: &mut dyn Iterator<Item = &Token>| {
        range
            .filter(|t| !t.part)
            .take_while(|t| t.place.sentence == sentence)
            .take(PORT_REACH)
            .find(|t| !port_filler(t))
            .and_then(|t| service(&t.norm))
    };
    look(&mut tokens[..i].iter().rev()).or_else(|| look(&mut tokens[i + 1..].iter()))
}

/// How many content words an answer's sentence must share with the model's sentence
/// of a signed number to be about the same thing.
const SIGN_ANCHORS: usize = 2;

/// The sentences of a text as written, each as its words (split at white space): a
/// sentence ends at a line break and after a word that ends with `.`, `!`, `?` or `;`
/// (closing quotes and brackets aside).
fn sentences(text: &str) -> Vec<Vec<&str>> {
    let mut out = Vec::new();
    for line in text.lines() {
        let mut words = Vec::new();
        for word in line.split_whitespace() {
            words.push(word);
            let end = word.trim_end_matches(['"', '\'', '`', ')', ']', '*']);
            if end.ends_with(['.', '!', '?', ';']) {
                out.push(std::mem::take(&mut words));
            }
        }
        if !words.is_empty() {
            out.push(words);
        }
    }
    out
}

/// The numbers of a sentence's words, each with the word it is in, its sign (`'-'`,
/// `'+'`, or `' '` for none) and its digits (a dotted number whole: `1.5`). A sign is a
/// `-`, `+` or `−` right before the digits, not after a letter or digit (`n-1` is no
/// sign), or the word *minus* or *negative* before a number that opens its word.
/// Digits inside a name (`ipv4`, `v2`, `1000ms`, `max_5`) are no number.
fn signed_numbers(words: &[&str]) -> Vec<(usize, char, String)> {
    let mut out = Vec::new();
    for (w, word) in words.iter().enumerate() {
        let chars: Vec<char> = word.chars().collect();
        let mut i = 0;
        while i < chars.len() {
            if !chars[i].is_ascii_digit() {
                i += 1;
                continue;
            }
            let start = i;
            while i < chars.len()
                && (chars[i].is_ascii_digit()
                    || chars[i] == '.' && chars.get(i + 1).is_some_and(char::is_ascii_digit))
            {
                i += 1;
            }
            let name = |c: &char| c.is_alphanumeric() || *c == '_';
            if chars.get(i).is_some_and(name) {
                continue;
            }
            let before = start.checked_sub(1).map(|k| chars[k]);
            let sign = match before {
                Some('-' | '−' | '+') => {
                    if start >= 2 && name(&chars[start - 2]) {
                        continue;
                    }
                    if before == Some('+') { '+' } else { '-' }
                }
                Some(c) if name(&c) || c == '.' => continue,
                _ => {
                    let opens = chars[..start].iter().all(|c| !c.is_alphanumeric());
                    let spelt = w > 0
                        && matches!(words[w - 1].to_lowercase().as_str(), "minus" | "negative");
                    if opens && spelt { '-' } else { ' ' }
                }
            };
            out.push((w, sign, chars[start..i].iter().collect()));
        }
    }
    out
}

/// The content words of a sentence for telling what it is about: lower-cased, stripped
/// of punctuation and a possessive or plural *s*, not stop words, of three letters or
/// more; sorted.
fn anchor_words(words: &[&str]) -> Vec<String> {
    let mut out: Vec<String> = words
        .iter()
        .map(|w| {
            let w = w
                .trim_matches(|c: char| "`'\"()[]{},;.:!?*".contains(c))
                .to_lowercase();
            let w = w.strip_suffix("'s").map(str::to_owned).unwrap_or(w);
            match w.strip_suffix('s') {
                Some(stem) if stem.len() >= 3 && !stem.ends_with('s') => stem.to_owned(),
                _ => w,
            }
        })
        .filter(|w| {
            w.chars().count() >= 3
                && w.chars().any(char::is_alphabetic)
                && !crate::lang::is_stop_word(w)
        })
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// Whether a negation stands among the three words before word `w` of its clause
/// ("not +1000", "never 1000", "rather than 1000").
fn negated_before(words: &[&str], w: usize) -> bool {
    for word in words[..w].iter().rev().take(3) {
        if word.ends_with([',', ':']) {
            return false;
        }
        let word = word.to_lowercase();
        let word = word.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'');
        if matches!(
            word,
            "not" | "never" | "no" | "without" | "instead" | "rather" | "nor"
        ) || word.ends_with("n't")
        {
            return true;
        }
    }
    false
}

/// What an address a listener binds to reaches.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Scope {
    /// Every interface: `0.0.0.0`, `::`, `*`.
    Every,
    /// The loopback alone: `127.0.0.1` (any `127.x.y.z`), `::1`, `localhost`.
    Loopback,
}

/// The scope of an address as a token writes it, alone or before ports
/// (`0.0.0.0:8404`, `127.0.0.1:8080:80`, `[::1]:53`), if it is one of [`Scope`]'s.
fn address(norm: &str) -> Option<Scope> {
    let (host, rest) = match norm.strip_prefix('[') {
        Some(bracketed) => bracketed.split_once(']')?,
        None if norm.starts_with("::") => (norm, ""),
        None => norm.split_once(':').unwrap_or((norm, "")),
    };
    let ports = rest.trim_start_matches(':');
    if !ports
        .split(':')
        .all(|p| p.is_empty() || p.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    let octets: Vec<&str> = host.split('.').collect();
    let dotted = octets.len() == 4
        && octets
            .iter()
            .all(|o| !o.is_empty() && o.len() <= 3 && o.bytes().all(|b| b.is_ascii_digit()));
    match host {
        "0.0.0.0" | "::" | "*" => Some(Scope::Every),
        "localhost" | "::1" => Some(Scope::Loopback),
        _ if dotted && octets[0] == "127" => Some(Scope::Loopback),
        _ => None,
    }
}

/// The most words between an address and what it is said to reach.
const SCOPE_REACH: usize = 8;

/// The scope a word at `k` names: *loopback* or *localhost* the loopback, and
/// *interface(s)* or *address(es)* after *every*, *all* or *any* (over up to two words:
/// "all network interfaces") every interface.
fn scope_word(tokens: &[Token], words: &[usize], p: usize) -> Option<Scope> {
    let t = &tokens[words[p]];
    if t.class != Class::Word {
        return None;
    }
    match &*t.norm {
        "loopback" | "localhost" => Some(Scope::Loopback),
        "interface" | "interfaces" | "address" | "addresses" => (1..=3)
            .filter_map(|back| p.checked_sub(back))
            .any(|b| matches!(&*tokens[words[b]].norm, "every" | "all" | "any"))
            .then_some(Scope::Every),
        _ => None,
    }
}

/// "bind 0.0.0.0:8404, which limits the listener to the loopback", "127.0.0.1 means it
/// listens on every interface": an address said to reach what only the other kind of
/// address reaches. The scope must follow the address in its sentence within
/// [`SCOPE_REACH`] words, with a word that says what the address is or does between
/// them (see [`links`]), and no
/// other address, no scope of the address's own kind, and no word that adds or sets a
/// second thing beside it (*and*, *or*, *also*, *including*, *instead*, *than*, *not*,
/// ...); neither may stand under a negation, nor the scope be followed by *too*.
fn wrong_scope(answer: &PreparedAnswer) -> Option<Contradiction> {
    let tokens = answer.tokens();
    let words: Vec<usize> = (0..tokens.len()).filter(|&i| !tokens[i].part).collect();
    (0..words.len()).find_map(|p| {
        let at = words[p];
        let scope = address(&tokens[at].norm)?;
        if answer.negated(at) {
            return None;
        }
        let sentence = tokens[at].place.sentence;
        let mut linked = false;
        for q in p + 1..words.len().min(p + 1 + SCOPE_REACH) {
            let t = &tokens[words[q]];
            if t.place.sentence != sentence || address(&t.norm).is_some() {
                return None;
            }
            match scope_word(tokens, &words, q) {
                Some(found) if found == scope => return None,
                Some(_) => {
                    let too = words
                        .get(q + 1)
                        .is_some_and(|&n| matches!(&*tokens[n].norm, "too" | "included"));
                    if !linked || too || answer.negated(words[q]) {
                        return None;
                    }
                    let model = match scope {
                        Scope::Every => "`0.0.0.0` listens on every interface; the loopback is `127.0.0.1` (or `::1`, `localhost`)",
                        Scope::Loopback => "the loopback (`127.0.0.1`, `::1`, `localhost`) is reached from the machine itself alone; every interface is `0.0.0.0`",
                    };
                    return Some(Contradiction {
                        role: format!("{KNOWN}address"),
                        said: format!("{} ... {}", tokens[at].norm, t.norm),
                        model: model.to_owned(),
                        anchor: None,
                        matched: vec![answer.word(at).to_owned(), answer.word(words[q]).to_owned()],
                    });
                }
                None => {}
            }
            if t.negation || adds_another(&t.norm) {
                return None;
            }
            linked |= links(scope, &t.norm, q == p + 1);
        }
        None
    })
}

/// Whether `word`, between an address of `scope` and a scope, says what the address is
/// or does: for the any-address *which*, *that*, *means*, *is*, *limits*, *restricts*,
/// *only*; for a loopback address, which an answer also names as a place to connect to
/// ("curl localhost:8080, which is published on all interfaces"), only *means*, or *is*
/// right after the address (`next`).
fn links(scope: Scope, word: &str, next: bool) -> bool {
    match scope {
        Scope::Every => matches!(
            word,
            "which"
                | "that"
                | "means"
                | "meaning"
                | "is"
                | "are"
                | "limits"
                | "limiting"
                | "restricts"
                | "restricting"
                | "only"
        ),
        Scope::Loopback => {
            matches!(word, "means" | "meaning") || next && matches!(word, "is" | "are")
        }
    }
}

/// Words between an address and a scope that set a second thing beside the address or
/// turn the claim: "0.0.0.0 and the loopback", "0.0.0.0, including localhost".
fn adds_another(word: &str) -> bool {
    matches!(
        word,
        "and"
            | "or"
            | "nor"
            | "but"
            | "besides"
            | "also"
            | "plus"
            | "includes"
            | "including"
            | "include"
            | "covers"
            | "instead"
            | "rather"
            | "than"
            | "except"
            | "unlike"
            | "while"
            | "whereas"
            | "both"
            | "vs"
            | "versus"
            | "from"
            | "not"
            | "never"
    )
}

/// Nouns of the members a majority is counted over.
fn member_noun(word: &str) -> bool {
    matches!(
        word,
        "member"
            | "members"
            | "follower"
            | "followers"
            | "node"
            | "nodes"
            | "replica"
            | "replicas"
            | "server"
            | "servers"
            | "voter"
            | "voters"
            | "peer"
            | "peers"
            | "instance"
            | "instances"
            | "broker"
            | "brokers"
            | "machine"
            | "machines"
    )
}

/// "Commits once every follower has stored it", "waits for all the replicas": a
/// wait that ends only when *every* or *all* the members have done their part,
/// where a majority is enough. The word after a time cue (*once*, *when*, *after*,
/// *until*) or after a *for* of *wait*, up to two words before it (*of the*), and
/// not negated: "not all members" is no such wait. The positions of *every* or *all*
/// and of the member noun.
fn waits_for_all(text: &PreparedAnswer) -> Option<(usize, usize)> {
    let tokens = text.tokens();
    let words: Vec<usize> = (0..tokens.len()).filter(|&i| !tokens[i].part).collect();
    let norm = |p: usize| words.get(p).map_or("", |&i| &*tokens[i].norm);
    (0..words.len()).find_map(|p| {
        let all = words[p];
        if !matches!(norm(p), "every" | "all") || text.negated(all) {
            return None;
        }
        let clause = tokens[all].place.clause;
        let before = |back: usize| p.checked_sub(back).map_or("", norm);
        let timed = (1..=3).any(|back| {
            p.checked_sub(back)
                .is_some_and(|b| tokens[words[b]].place.clause == clause)
                && matches!(before(back), "once" | "when" | "after" | "until")
        });
        let waited =
            before(1) == "for" && matches!(before(2), "wait" | "waits" | "waiting" | "waited");
        if !(timed || waited) {
            return None;
        }
        let noun = (p + 1..p + 4)
            .take_while(|&q| {
                matches!(norm(q), "of" | "the" | "its" | "their") || member_noun(norm(q))
            })
            .find(|&q| member_noun(norm(q)))?;
        let noun = words[noun];
        (tokens[noun].place.clause == clause).then_some((all, noun))
    })
}

/// Whether an answer counts a majority, a quorum, most or half of the members, plainly.
fn counts_majority(answer: &PreparedAnswer) -> bool {
    let tokens = answer.tokens();
    (0..tokens.len()).any(|i| {
        matches!(&*tokens[i].norm, "majority" | "quorum" | "most" | "half") && !answer.negated(i)
    })
}

/// A whole number written in digits or as a word, up to twelve.
pub(super) fn count(word: &str) -> Option<u32> {
    const WORDS: [&str; 13] = [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve",
    ];
    word.parse()
        .ok()
        .or_else(|| WORDS.iter().position(|w| *w == word).map(|n| n as u32))
}

/// "A majority of five is two": a majority or quorum said to be a number of members
/// other than a strict majority of the members the sentence counts (`n / 2 + 1`). The
/// members are counted after *of* ("a majority of five"), or before the majority in its
/// sentence ("with five members", "a replication factor of 3", "RF 3", "a five-node
/// cluster"), and must be counted once only.
fn wrong_majority(answer: &PreparedAnswer) -> Option<Contradiction> {
    let tokens = answer.tokens();
    let words: Vec<usize> = (0..tokens.len()).filter(|&i| !tokens[i].part).collect();
    let norm = |p: usize| words.get(p).map_or("", |&i| &*tokens[i].norm);
    (0..words.len()).find_map(|p| {
        let at = words[p];
        if !matches!(norm(p), "majority" | "quorum") || answer.negated(at) {
            return None;
        }
        let sentence = tokens[at].place.sentence;
        let mut q = p + 1;
        // "of five (members)" right after it.
        let mut of = None;
        if norm(q) == "of"
            && let Some(n) = count(norm(q + 1))
        {
            of = Some(n);
            q += 2;
            if member_noun(norm(q)) {
                q += 1;
            }
        }
        // "is two (nodes)", "means 3", "= 2", "needs two".
        if !matches!(norm(q), "is" | "are" | "means" | "needs" | "requires" | "=") {
            return None;
        }
        let said = count(norm(q + 1))?;
        let at_said = *words.get(q + 1)?;
        if tokens[at_said].place.sentence != sentence {
            return None;
        }
        let members = match of {
            Some(n) => n,
            None => {
                let counts: Vec<u32> = (0..p)
                    .filter(|&b| tokens[words[b]].place.sentence == sentence)
                    .filter_map(|b| {
                        let n = count(norm(b))?;
                        let next = norm(b + 1);
                        let before = if b >= 2 { norm(b - 1) } else { "" };
                        let factor = (b >= 2 && norm(b - 2) == "replication" && before == "factor")
                            || (b >= 3
                                && norm(b - 3) == "replication"
                                && norm(b - 2) == "factor"
                                && matches!(before, "of" | "is" | "="))
                            || before == "rf";
                        (member_noun(next) || factor).then_some(n)
                    })
                    .collect();
                let first = *counts.first()?;
                if counts.iter().any(|&n| n != first) {
                    return None;
                }
                first
            }
        };
        if members < 2 || said == members / 2 + 1 {
            return None;
        }
        Some(Contradiction {
            role: format!("{KNOWN}majority"),
            said: format!("{said} of {members}"),
            model: format!("a majority of {members} is {}", members / 2 + 1),
            anchor: None,
            matched: vec![
                tokens[at].norm.to_string(),
                tokens[at_said].norm.to_string(),
            ],
        })
    })
}

/// The short flags of a text as written (`-r`, `-R`), each with the command it
/// follows when it follows a word directly or after other flags (`apparmor_parser -r`,
/// `cp -a -R`), lower-cased.
fn short_flags(text: &str) -> Vec<(Option<String>, char)> {
    let mut out = Vec::new();
    let mut command: Option<String> = None;
    for raw in text.split_whitespace() {
        let word = raw.trim_matches(|c: char| "`'\"()[]{},;.:!?".contains(c));
        let mut chars = word.chars();
        let flag = match (chars.next(), chars.next(), chars.next()) {
            (Some('-'), Some(c), None) if c.is_ascii_alphabetic() => Some(c),
            _ => None,
        };
        match flag {
            Some(c) => out.push((command.clone(), c)),
            None => {
                // A word that ends its sentence or clause commands nothing after it.
                let ends = raw.ends_with([',', ';', '.', ':', '!', '?']);
                command = (!ends
                    && !word.is_empty()
                    && !crate::lang::is_stop_word(&word.to_ascii_lowercase())
                    && word
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.')))
                .then(|| word.to_ascii_lowercase());
            }
        }
    }
    out
}

mod absolute;
mod kernel;
mod restriction;
#[cfg(test)]
mod tests;
mod unsafe_practice;
