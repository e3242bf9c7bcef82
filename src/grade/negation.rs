//! Negation scopes: which negation cue governs each word of a text. A cue ("not",
//! "never", "doesn't", "instead of", "unlike", ...) reaches forward a few content words
//! within its clause; a denying predicate ("won't help", "is pointless") negates the
//! clause before it. `grade::matcher` compares the result with the polarity a term is
//! expected in; `grade::derive` reads the model answer's polarity with it.

use super::token::Token;

/// How many content words after a negation cue it reaches (stop words do not count):
/// "is not something the Docker daemon manages" negates `manages`.
pub const NEGATION_REACH: usize = 4;

/// For each token, the negation cue that governs it. A cue governs the words after it
/// in its clause up to its [`NEGATION_REACH`]th content word; an `and` after a content
/// word ends it ("it doesn't need -p and shares the host's stack" does not negate the
/// sharing), an `or` does not ("is not managed or kept").
pub fn governing_cues(tokens: &[Token]) -> Vec<Option<usize>> {
    let mut cue = vec![None; tokens.len()];
    // The cue in force, and how many content words it has reached.
    let mut scope: Option<(usize, usize)> = None;
    for i in 0..tokens.len() {
        let token = &tokens[i];
        if let Some((c, reached)) = scope {
            if tokens[c].place.clause != token.place.clause {
                scope = None;
            } else if token.part {
                cue[i] = Some(c);
                continue;
            } else if matches!(&*token.norm, "and" | "which" | "whose") && reached > 0 {
                // "unlike a named volume, which persists": what a relative clause says
                // of the negated term is said plainly.
                scope = None;
            } else {
                cue[i] = Some(c);
                if !token.stop && !token.negation {
                    scope = Some((c, reached + 1));
                    if reached + 1 >= NEGATION_REACH {
                        scope = None;
                    }
                }
            }
        }
        if !token.part && denies_before(tokens, i) {
            // "Backups aren't needed", "raising --cpus won't help", "ordering is
            // irrelevant": the claim denied is the clause before the cue.
            for j in (0..i).rev() {
                if tokens[j].place.clause != token.place.clause {
                    break;
                }
                cue[j].get_or_insert(i);
            }
        }
        if !token.part && opens_negation(tokens, i) {
            scope = Some((i, 0));
            if matches!(&*token.norm, "nothing" | "none" | "nobody" | "nowhere") {
                // "Docker manages nothing": the verb before it is negated too.
                let verb = (0..i)
                    .rev()
                    .find(|&j| !tokens[j].part && !tokens[j].stop && !tokens[j].negation);
                if let Some(j) = verb.filter(|&j| tokens[j].place.clause == token.place.clause) {
                    cue[j] = Some(i);
                }
            }
        }
    }
    cue
}

/// What a negated predicate says of its subject when it denies it: "won't help",
/// "doesn't matter", "isn't the problem" (by stem), and "is not needed", "won't fix it"
/// (by word: "doesn't need -p" says something of its subject, and so does "doesn't
/// affect B"; "has no fixed size" says something of it too, and "fixed" has the stem
/// of "fix").
const DENYING: &[&str] = &[
    "help",
    "matter",
    "import",
    "relev",
    "solv",
    "issu",
    "problem",
    "culprit",
    "bottleneck",
];
const DENYING_WORDS: &[&str] = &["needed", "necessary", "required", "fix", "fixes"];

/// Stems of adjectives that deny the clause before them: "raising --cpus is pointless".
const DENIED: &[&str] = &[
    "unnecessari",
    "irrelev",
    "pointless",
    "useless",
    "needless",
    "ineffect",
];

/// Whether token `i` denies the clause before it: a denying adjective, or a `not`,
/// `never` or `no` whose predicate (its next content word, past a modifier) denies.
fn denies_before(tokens: &[Token], i: usize) -> bool {
    let token = &tokens[i];
    if !token.negation {
        // Cheap tests first: this runs for every word of every answer.
        return token.len >= 7
            && matches!(token.norm.as_bytes()[0], b'u' | b'i' | b'p' | b'n')
            && DENIED.contains(&&*token.stem);
    }
    // A negating word that negates a verb or an adjective ("not", "never", "no",
    // "doesnt", ...), not a preposition or a pronoun ("without", "nothing") nor "avoid".
    const NOT_VERBAL: &[&str] = &[
        "without", "none", "nor", "neither", "nothing", "nobody", "nowhere", "avoid", "avoids",
        "avoiding",
    ];
    let verbal = !NOT_VERBAL.contains(&&*token.norm);
    if !verbal {
        return false;
    }
    let denying = |t: &Token| DENYING.contains(&&*t.stem) || DENYING_WORDS.contains(&&*t.norm);
    // The predicate is the first content word after the cue, or the one after a
    // modifier ("won't really help", "isn't the main problem"): in "does not simplify
    // the problem" the problem is what is not simplified, and nothing is denied.
    let mut next = tokens[i + 1..]
        .iter()
        .filter(|t| !t.part && t.place.clause == token.place.clause)
        .filter(|t| !t.stop || denying(t));
    match next.next() {
        Some(first) if denying(first) => true,
        Some(first) if is_modifier(first) => next.next().is_some_and(denying),
        _ => false,
    }
}

/// Whether a word only qualifies the predicate after it: an adverb in -ly ("really",
/// "strictly") or an adjective of degree ("the main problem", "the real culprit").
fn is_modifier(token: &Token) -> bool {
    token.norm.ends_with("ly")
        || matches!(
            &*token.norm,
            "real" | "main" | "actual" | "root" | "big" | "biggest" | "true" | "even" | "much"
        )
}

/// Whether token `i` is a negation cue: a negating word (but not "not only X but Y",
/// which does not negate X, nor "avoid it by", whose object is the pronoun), or
/// "instead of", "rather than", "unlike".
fn opens_negation(tokens: &[Token], i: usize) -> bool {
    let next = tokens.get(i + 1).map(|t| &*t.norm);
    match &*tokens[i].norm {
        "not" => !matches!(next, Some("only" | "just" | "merely")),
        "avoid" | "avoids" | "avoiding" => !matches!(
            next,
            Some("it" | "this" | "that" | "them" | "these" | "those")
        ),
        "instead" => next == Some("of"),
        "rather" => next == Some("than"),
        // "unlike a VM": what follows is what the claim is not about.
        "unlike" => true,
        _ => tokens[i].is_negation(),
    }
}
