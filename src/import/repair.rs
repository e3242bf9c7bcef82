//! Puts back the spaces that a lesson's plain-text export lost around inline code.
//!
//! In the heading-less export, `` the `--mount` syntax `` inside a list item became
//! `the--mountsyntax`, and `` between `bridge` and `host` network `` became
//! `betweenbridgeandhostnetwork`. The lesson's own prose (paragraphs, and the first
//! line of each item, which ends before its first code span) came through intact, so it
//! is the vocabulary: a token that the lesson never writes whole is split into the
//! fewest pieces it does write (words by their stem, code-like tokens exactly, common
//! short words from a fixed list), and the pieces are joined with the spaces prose has.
//! A token that cannot be explained that way is left as it is. This is a best effort
//! for one known kind of damage, not a general word segmenter; markdown lessons never
//! pass through it.

use crate::lang::stemmer;
use rust_stemmers::Stemmer;
use std::collections::HashMap;

/// Short words that the lesson may never write standalone but prose is made of.
const COMMON: &[&str] = &[
    "a", "an", "and", "are", "as", "at", "be", "by", "do", "does", "for", "from", "has", "how",
    "in", "into", "is", "it", "its", "not", "of", "on", "or", "than", "that", "the", "then",
    "this", "to", "use", "uses", "vs", "what", "when", "why", "with",
];

/// Characters that surround a word without belonging to it.
const EDGE: &[char] = &[
    '(', ')', '[', ']', '{', '}', '"', '\'', '“', '”', '‘', '’', ',', '.', ';', ':', '!', '?',
];

pub struct Vocabulary {
    intact: Words,
    /// Words of the damaged lines: trusted less, and never to explain a token as itself.
    damaged: Words,
    stemmer: Stemmer,
}

#[derive(Default)]
struct Words {
    /// Whole tokens, lowercased (code-like ones included), with how often they occur.
    tokens: HashMap<String, usize>,
    /// Stems of the words, so `intercepts` is known from `intercept`.
    stems: HashMap<String, usize>,
}

/// Cost of a piece known from intact text, and from damaged text.
const INTACT: f64 = 1.0;
const DAMAGED: f64 = 2.5;

impl Words {
    fn learn(&mut self, stemmer: &Stemmer, line: &str) {
        for token in
            line.split(|c: char| c.is_whitespace() || matches!(c, '—' | '(' | ')' | '[' | ']'))
        {
            for piece in clauses(token) {
                let core = piece.trim_matches(EDGE).to_lowercase();
                if core.is_empty() {
                    continue;
                }
                if core.chars().all(char::is_alphabetic) {
                    *self
                        .stems
                        .entry(stemmer.stem(&core).into_owned())
                        .or_default() += 1;
                }
                *self.tokens.entry(core).or_default() += 1;
            }
        }
    }

    /// Whether the words know `lower`, not counting the occurrences in `except`.
    fn knows(&self, stemmer: &Stemmer, lower: &str, except: &Words) -> bool {
        let count = |map: &HashMap<String, usize>, key: &str| map.get(key).copied().unwrap_or(0);
        if count(&self.tokens, lower) > count(&except.tokens, lower) {
            return true;
        }
        if lower.chars().count() < 3 || !lower.chars().all(char::is_alphabetic) {
            return false;
        }
        let stem = stemmer.stem(lower);
        count(&self.stems, &stem) > count(&except.stems, &stem)
    }
}

/// A token cut where a clause ended inside it (`string.--mount`, `world.host`): damage
/// the export did, so the vocabulary learns the parts. Abbreviations (`e.g.`) stay whole.
fn clauses(token: &str) -> Vec<&str> {
    let chars: Vec<(usize, char)> = token.char_indices().collect();
    let mut out = Vec::new();
    let mut start = 0;
    for k in 2..chars.len().saturating_sub(1) {
        let (at, c) = chars[k];
        let cut = matches!(c, '.' | ',' | ';' | ':' | '!' | '?')
            && chars[k - 1].1.is_alphabetic()
            && chars[k - 2].1.is_alphabetic()
            && (chars[k + 1].1.is_alphabetic() || chars[k + 1].1 == '-');
        if cut {
            out.push(&token[start..at]);
            start = at + c.len_utf8();
        }
    }
    out.push(&token[start..]);
    out
}

impl Vocabulary {
    /// The vocabulary of the intact lines, and (trusted less) of the damaged ones.
    pub fn learn<'a>(
        intact: impl IntoIterator<Item = &'a str>,
        damaged: impl IntoIterator<Item = &'a str>,
    ) -> Vocabulary {
        let stemmer = stemmer();
        let mut words = Words::default();
        for line in intact {
            words.learn(&stemmer, line);
        }
        for word in COMMON {
            words.tokens.insert((*word).to_owned(), 100);
        }
        let mut bad = Words::default();
        for line in damaged {
            bad.learn(&stemmer, line);
        }
        Vocabulary {
            intact: words,
            damaged: bad,
            stemmer,
        }
    }

    /// What explaining `piece` as one word costs, `None` when the lesson never writes
    /// it; the damaged text only counts where it has the piece outside `token` (the
    /// token being repaired), so a glued token cannot explain itself.
    fn cost(&self, piece: &str, token: &Words) -> Option<f64> {
        let lower = piece.to_lowercase();
        if self.intact.knows(&self.stemmer, &lower, &Words::default()) {
            // A word the intact text has once may itself be glue from a paragraph that
            // opened with code (`hostnetworks share`): trusted like damaged text.
            let once = self.intact.tokens.get(&lower).copied().unwrap_or(0) <= 1;
            Some(if once { DAMAGED } else { INTACT })
        } else if self.damaged.knows(&self.stemmer, &lower, token) {
            Some(DAMAGED)
        } else {
            None
        }
    }

    fn known(&self, piece: &str) -> bool {
        self.intact
            .knows(&self.stemmer, &piece.to_lowercase(), &Words::default())
    }

    /// `text` with the lost spaces put back, token by token.
    pub fn repair(&self, text: &str) -> String {
        text.split(' ')
            .map(|token| self.repair_token(token))
            .collect::<Vec<_>>()
            .join(" ")
    }

    fn repair_token(&self, token: &str) -> String {
        let core = token.trim_matches(EDGE);
        if core.is_empty() || self.known(core) {
            return token.to_owned();
        }
        let chars: Vec<char> = token.chars().collect();
        let mut own = Words::default();
        own.learn(&self.stemmer, token);
        let units = self.segment(&chars, &own);
        let words = units.iter().filter(|u| u.kind != Kind::Punct).count();
        // An unexplained piece is only trusted as a value inside code (`source=myvol`).
        let unexplained = units.iter().enumerate().any(|(k, u)| {
            u.kind == Kind::Unknown
                && !(k > 0
                    && units[k - 1].kind == Kind::Punct
                    && matches!(chars[units[k - 1].start], '=' | '/' | '_'))
        });
        if words < 2 || unexplained {
            return token.to_owned();
        }
        join(&chars, &units)
    }

    /// The cheapest cover of `chars` by known pieces, digit runs, single punctuation and
    /// (dearly) unknown letter runs.
    fn segment(&self, chars: &[char], token: &Words) -> Vec<Unit> {
        let n = chars.len();
        let mut best: Vec<Option<(f64, usize, Kind)>> = vec![None; n + 1];
        best[0] = Some((0.0, 0, Kind::Punct));
        for i in 0..n {
            let Some((cost, _, _)) = best[i] else {
                continue;
            };
            let mut relax = |j: usize, step: f64, kind: Kind| {
                let total = cost + step;
                if best[j].is_none_or(|(c, _, _)| total < c) {
                    best[j] = Some((total, i, kind));
                }
            };
            if !chars[i].is_alphanumeric() {
                relax(i + 1, 0.6, Kind::Punct);
            }
            if chars[i].is_ascii_digit() {
                let run = chars[i..].iter().take_while(|c| c.is_ascii_digit()).count();
                relax(i + run, 1.0, Kind::Word);
            }
            let possessive = chars[i] == 's' && i > 0 && matches!(chars[i - 1], '\'' | '’');
            if possessive {
                relax(i + 1, 0.0, Kind::Suffix);
            }
            let letters = chars[i..].iter().take_while(|c| c.is_alphabetic()).count();
            for j in i + 1..=n {
                let piece: String = chars[i..j].iter().collect();
                if piece.chars().any(char::is_alphanumeric)
                    && let Some(step) = self.cost(&piece, token)
                {
                    relax(j, step, Kind::Word);
                }
                if j - i <= letters {
                    relax(j, 3.5 + 0.1 * (j - i) as f64, Kind::Unknown);
                }
            }
        }
        let mut units = Vec::new();
        let mut j = n;
        while j > 0 {
            let Some((_, i, kind)) = best[j] else {
                // Every position is reachable by single characters, so this is unreachable.
                return vec![Unit {
                    start: 0,
                    end: n,
                    kind: Kind::Unknown,
                }];
            };
            units.push(Unit {
                start: i,
                end: j,
                kind,
            });
            j = i;
        }
        units.reverse();
        units
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Kind {
    Word,
    Unknown,
    Punct,
    /// The `s` of a possessive `’s`, which joins the word before it.
    Suffix,
}

#[derive(Debug, Clone, Copy)]
struct Unit {
    start: usize,
    end: usize,
    kind: Kind,
}

/// The units joined as prose: words apart, punctuation that ends a clause followed by a
/// space (unless inside a code-like `key=value,key=value` run), an opening bracket after a
/// word preceded by one.
fn join(chars: &[char], units: &[Unit]) -> String {
    let mut out = String::new();
    // Where the current space-free chunk started in `out`, to spot code-like chunks.
    let mut chunk = 0;
    for (k, unit) in units.iter().enumerate() {
        let text: String = chars[unit.start..unit.end].iter().collect();
        let prev = k.checked_sub(1).map(|p| units[p]);
        let space = match (prev, unit.kind) {
            (None, _) | (_, Kind::Suffix) => false,
            (Some(p), Kind::Word | Kind::Unknown) => match p.kind {
                Kind::Word | Kind::Unknown | Kind::Suffix => {
                    // Paths and assignments hold together: `/var/lib/docker/` + `volumes/`.
                    let glue = ['/', '=', '_'];
                    !out.ends_with(glue) && !text.starts_with(glue)
                }
                Kind::Punct => {
                    let clause = matches!(chars[p.start], '.' | ',' | ';' | ':' | '!' | '?');
                    let code = out[chunk..].contains(['=', '/']);
                    let before = units[..k - 1].last();
                    clause
                        && !code
                        && before.is_some_and(|b| {
                            b.kind != Kind::Punct || matches!(chars[b.start], ')' | ']' | '.')
                        })
                }
            },
            (Some(p), Kind::Punct) => {
                matches!(chars[unit.start], '(' | '[') && p.kind != Kind::Punct
            }
        };
        if space {
            out.push(' ');
            chunk = out.len();
        }
        out.push_str(&text);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vocabulary() -> Vocabulary {
        let intact = [
            "the world between the bridge and host drivers share the host network; docker0 and eth0 exist",
            "use the --mount flags, not -v, and docker volume prune to intercept (e.g., AWS)",
            "the legacy syntax creates a mapping of type volume and source in /var/lib/docker/",
            "a string.--mount glued",
        ];
        // Words the lesson writes more than once are trusted fully.
        Vocabulary::learn(
            intact.iter().chain(&intact).copied(),
            ["the veth(virtual pair", "aveth(virtual"],
        )
    }

    #[test]
    fn glued_words_are_split() {
        let v = vocabulary();
        assert_eq!(
            v.repair("betweenbridgeandhostnetwork drivers"),
            "between bridge and host network drivers"
        );
        assert_eq!(v.repair("the legacy-vflag?"), "the legacy -v flag?");
        assert_eq!(v.repair("prunedo?"), "prune do?");
        assert_eq!(v.repair("thedocker0bridge"), "the docker0 bridge");
        assert_eq!(v.repair("world.hostcreates"), "world. host creates");
        assert_eq!(v.repair("host’sdocker0"), "host’s docker0");
        assert_eq!(v.repair("aveth(virtual"), "a veth (virtual");
        assert_eq!(v.repair("string.--mountsyntax"), "string. --mount syntax");
        assert_eq!(
            v.repair("/var/lib/docker/volumes/)."),
            "/var/lib/docker/volumes/)."
        );
        assert_eq!(v.repair("host’sbridge."), "host’s bridge.");
        assert_eq!(
            v.repair("(e.g.,type=volume,source=myvol)"),
            "(e.g., type=volume,source=myvol)"
        );
        assert_eq!(v.repair("mapping8080->80is"), "mapping 8080->80 is");
    }

    #[test]
    fn known_and_unexplained_tokens_stay() {
        let v = vocabulary();
        assert_eq!(v.repair("the host drivers"), "the host drivers");
        assert_eq!(v.repair("zyxwvut"), "zyxwvut");
        assert_eq!(v.repair("intercepts"), "intercepts");
    }
}
