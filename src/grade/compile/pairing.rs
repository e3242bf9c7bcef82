//! A relation of two terms, "X does A", found by the roles its terms play and not only
//! by the order of its words. The answer may put A first and still give it to X:
//!
//! - the passive, A's verb (or A itself) after a form of *be* or *get* and before a
//!   *by* that X follows: "the container is restarted by the kubelet when its
//!   livenessProbe fails", "dirty reads are allowed by READ UNCOMMITTED"; and carried
//!   over to a clause that leaves it out, ", of MINOR by a new feature"; and a verb
//!   and its object (`encrypts the data`) with the object first, "the data is
//!   encrypted by the master key"; and A what the passive puts its subject into, "the
//!   ports are put into blocking by STP";
//! - the cleft, A and then *is what* and X: "restarting the container is what a failing
//!   livenessProbe causes"; and "what does A is X": "what restarts it is the
//!   livenessProbe"; and before a condition, "failing fast is what the breaker does when
//!   it is open"; and the it-cleft, "it is A that X does": "it is loops that STP
//!   prevents" (while "it is X that the A does" is refused the other way);
//! - a denial given to another subject by *do*, "Y doesn't A, X does (that)": "prune
//!   doesn't revert manual edits, selfHeal does that";
//! - the comparative turned round with its antonym, A's antonym and then *than* X: "the
//!   AOF is slower to load than the RDB file" says `rdb → faster`, "water is denser
//!   than ice" says `ice → less dense` (*less* and an adjective); and a comparative
//!   keyword of two words said after its noun with a form of *be*, "writes are cheaper
//!   on an LSM tree" for `lsm tree → cheaper writes`;
//! - a condition, "A when X ..." and "when X ..., A": "the container is restarted when
//!   its livenessProbe fails", "when the livenessProbe fails, the container is
//!   restarted"; and the case turned round, "when A ..., X ...", X the subject of the
//!   clause after the condition ("when the circuit is overloaded, the MCB trips"); and a
//!   case after A with *on* ("the deploy rolls back on failure", "a
//!   GET on a 301"; not "on the host", a place), or likened to A's clause after a comma
//!   ("reads can be stale, as on any async replica");
//! - a preference right after X, "X rather than Y does A" (or *instead of*): A, which
//!   the preference's cue negates, is X's ("RDB rather than AOF loads faster"); and X
//!   and A in the clauses either side of a denied aside, "X, not Y, does A" (or "X,
//!   unlike Y, is A");
//! - a preposition of means, agent or place after A's predicate, "A is done with X",
//!   "A happens in X", "A is the job of X", "A is left to X", "A comes from X", "A
//!   goes through X", "A is possible for X" ("catching is possible only with SIGTERM"),
//!   and A in the passive, "A is done locally with X"; A in a gerund phrase that opens
//!   its clause, or heading one with an *of*, is read from the phrase's end ("the
//!   encryption of the data is done locally with X");
//!   a role, "A is X's job"; a label, "A:
//!   X"; and "what ... A is X" or "the ... that A is X" opening the clause ("what a
//!   process can catch is SIGTERM");
//! - a list that pairs each value with its case by one preposition said again, "A for
//!   X, B for Y" ("bump major for a breaking change, minor for a feature").
//!
//! A relative clause right after A whose subject is X makes A its object, "A, which X
//! does" ("two code points, which len counts").
//!
//! A relative clause right after X that describes it, "X, which is/has A", or that
//! opens with A, "X, which (then) does A", is X's clause ("clients use the Service,
//! which has a stable IP"); so is one after an *unlike*
//! that sets X against something else, "unlike X, which (or where) A". The shapes with
//! A first matter to `ordered` relations (an unordered one takes either order); the
//! relative clause to any.
//!
//! And X first is not always X's: X as the subject of a passive with its own agent
//! ("any Allow is overridden by an explicit Deny"; and X before a phrase A that
//! opens with a participle and a *by* its keyword lacks, "the data key is encrypted by
//! the master key" for A `encrypts the master key`) is what A is done to, X as the
//! subject of a passive whose agent is A ("the alert is raised by a full disk") is what
//! A does something to (unless the question gives X another A and never pairs the two
//! the other way round: then the agent is X's value, "variation is caused by the Earth's
//! field" for `variation → earth` beside `variation → ship`), A as the subject of a
//! passive with an agent of its own in a
//! clause after X's ("..., and the message is sent by the destination") is the agent's,
//! and so is anything a pronoun that opens A's clause stands for ("...; it is in turn signed by
//! the root"); X and then
//! another thing the question's relations name, not negated, before A gives A to that
//! thing ("what SERIALIZABLE allows and READ UNCOMMITTED prevents"), and so does such a
//! thing just before X that X only qualifies ("the agent on each box performs it"); and
//! X after the subject of its clause, and A after the *it* or *they* that opens the next
//! and stands for that subject, is not what A is said of ("the kubelet runs the
//! readiness probe. It restarts the container"; see [`carried_past`]); and a term after
//! *than* is the standard of a comparison, not what it says ("RDB is faster than AOF"
//! does not meet `aof + faster`). All but the last hold for `ordered` relations, whose
//! order is the roles'; the last for every relation of two terms. "Y rather than X does
//! A" puts Y in X's place and denies X's relation ([`Pairing::preferred_over`]).

use super::{Matcher, Occurrence};
use crate::grade::lexicon::Lexicon;
use crate::grade::matcher::{Pattern, Polarity, PreparedAnswer, Vocab};
use crate::grade::token::{Class, Token, looks_plural, same_written};
use crate::lang::COMPARATIVES;
use rust_stemmers::Stemmer;

/// How a relation of two terms is paired (see the module's text); inert for a relation
/// of more terms.
#[derive(Debug, Clone, Default)]
pub struct Pairing {
    /// The relation has two terms.
    two: bool,
    /// The first terms of the question's other relations and misconceptions that name
    /// other things (an ordered relation's only).
    rivals: Vec<Pattern>,
    /// Comparatives that say the second term turned round (`slower` for `faster`).
    antonyms: Vec<Pattern>,
    /// The second term's comparative keywords of two words said after their noun
    /// (`writes cheaper` for `cheaper writes`), met with a form of *be* between:
    /// "writes are cheaper on an LSM tree".
    inverted: Vec<Pattern>,
    /// The second term's keywords of a verb and its object (`encrypts the data`) with
    /// the object first (`data encrypts`), met in the passive with a *by* after it: "the
    /// data is encrypted by the data key" meets `data key → encrypts the data`.
    passive: Vec<Pattern>,
    /// For each pattern of the second term, whether it asks for a denial the author
    /// wrote into its keyword (`not stored`, `never contacted`, `no longer accepted`): a
    /// state of X's, so X may be the subject of its passive (see [`stative`]).
    denied: Vec<bool>,
    /// The question gives X another second term (a relation or misconception of X and
    /// something else) and never pairs the two the other way round (A first, X second):
    /// the order says which value is X's, not which way a cause runs, so the agent of a
    /// passive whose subject is X is X's ("variation is caused by the Earth's field"
    /// for `variation → earth` beside `variation → ship`; see [`rivals`]).
    assigned: bool,
}

/// A comparative keyword of two words (`cheaper writes`) with its noun first (`writes
/// cheaper`), as a keyword.
fn noun_first(keyword: &str) -> Option<String> {
    let lower = keyword.trim().to_lowercase();
    let (first, noun) = lower.split_once(' ')?;
    let comparative = COMPARATIVES.iter().any(|&(a, b)| first == a || first == b);
    (comparative && !noun.contains(' ') && first != "more").then(|| format!("{noun} {first}"))
}

/// A keyword of a verb in the third person, a determiner and a noun phrase of at most
/// three words (`encrypts the data`), with the noun phrase first and no determiner
/// (`data encrypts`), as a keyword.
fn object_first(keyword: &str) -> Option<String> {
    let lower = keyword.trim().to_lowercase();
    let words: Vec<&str> = lower.split_whitespace().collect();
    let [verb, article, object @ ..] = words.as_slice() else {
        return None;
    };
    let third = verb.len() > 3 && verb.ends_with('s') && !verb.ends_with("ss");
    let article = matches!(*article, "the" | "a" | "an" | "each" | "every" | "its");
    (third && article && (1..=3).contains(&object.len()) && verb.chars().all(char::is_alphabetic))
        .then(|| format!("{} {verb}", object.join(" ")))
}

/// The comparative of a plain adjective of one word, by the rule of its spelling
/// (`dense` → `denser`, `heavy` → `heavier`, `thin` → `thinner`, `cheap` →
/// `cheaper`), or `None` for a word that has none of those shapes. A word that never
/// takes *-er* gives a form no answer writes, which matches nothing.
fn er_form(word: &str) -> Option<String> {
    let chars: Vec<char> = word.chars().collect();
    if chars.len() < 3 || !chars.iter().all(char::is_ascii_lowercase) {
        return None;
    }
    let vowel = |c: char| "aeiou".contains(c);
    let n = chars.len();
    let (last, before) = (chars[n - 1], chars[n - 2]);
    Some(if last == 'e' {
        format!("{word}r")
    } else if last == 'y' && !vowel(before) {
        format!("{}ier", &word[..n - 1])
    } else if !vowel(last)
        && !"wxy".contains(last)
        && vowel(before)
        && !vowel(chars[n - 3])
        && chars.iter().filter(|&&c| vowel(c)).count() == 1
    {
        format!("{word}{last}er")
    } else {
        format!("{word}er")
    })
}

/// The antonyms of a comparative keyword, as keywords: `slower` for `faster`, `less
/// memory` for `more memory`, and `denser` for `less dense` (*less* and one adjective,
/// whose own comparative says *more*).
fn antonyms_of(keyword: &str, stemmer: &Stemmer) -> Vec<String> {
    let lower = keyword.trim().to_lowercase();
    let (first, rest) = match lower.split_once(' ') {
        Some((first, rest)) => (first, Some(rest)),
        None => (lower.as_str(), None),
    };
    let mut out = Vec::new();
    if first == "less"
        && let Some(rest) = rest
        && !rest.contains(' ')
        && let Some(er) = er_form(rest)
        // A noun's form may stem to the noun itself (`memorier`, `memory`): none then.
        && stemmer.stem(&er) != stemmer.stem(rest)
    {
        out.push(er);
    }
    for &(a, b) in COMPARATIVES {
        let other = if first == a {
            b
        } else if first == b {
            a
        } else {
            continue;
        };
        out.push(match rest {
            Some(rest) => format!("{other} {rest}"),
            None => other.to_owned(),
        });
    }
    out
}

/// The converses of a comparative keyword (`less dense`, `faster`) that the model answer
/// says of a subject, "S is K than T" (at most three words between the form of *be* and
/// K, one between K and *than*, no negation in the clause): K's antonym, *than* and S,
/// "denser than ice" for `less dense` of "ice is about 9% less dense than liquid
/// water". *A is denser than B* says *B is less dense than A*, so "water is denser than
/// ice" says the keyword of ice; "ice is denser than water" (the comparative turned
/// alone) and "water is less dense than ice" (the places swapped alone) do not. S is the
/// content words right before the *be*, up to three.
pub(super) fn converses(keyword: &str, model: &PreparedAnswer, stemmer: &Stemmer) -> Vec<String> {
    let antonyms = antonyms_of(keyword, stemmer);
    if antonyms.is_empty() {
        return Vec::new();
    }
    let lower = keyword.trim().to_lowercase();
    let words: Vec<&str> = lower.split_whitespace().collect();
    let tokens = model.tokens();
    let content = |k: usize| {
        let t = &tokens[k];
        !t.part && !t.stop && !t.is_negation() && t.class == Class::Word
    };
    let mut out: Vec<String> = Vec::new();
    for start in 0..tokens.len().saturating_sub(words.len()) {
        let end = start + words.len();
        if !words
            .iter()
            .zip(&tokens[start..end])
            .all(|(w, t)| *t.norm == **w)
        {
            continue;
        }
        let clause = tokens[start].place.clause;
        let same = |k: &usize| tokens[*k].place.clause == clause;
        if (0..tokens.len()).any(|k| same(&k) && tokens[k].is_negation()) {
            continue;
        }
        let than = (end..tokens.len().min(end + 2))
            .take_while(same)
            .any(|k| &*tokens[k].norm == "than");
        let be = (start.saturating_sub(4)..start)
            .rev()
            .take_while(same)
            .find(|&k| matches!(&*tokens[k].norm, "is" | "are" | "was" | "were" | "be"));
        let (true, Some(be)) = (than, be) else {
            continue;
        };
        let mut subject: Vec<&str> = (be.saturating_sub(3)..be)
            .rev()
            .take_while(|k| same(k) && content(*k))
            .map(|k| &*tokens[k].norm)
            .collect();
        if subject.is_empty() {
            continue;
        }
        subject.reverse();
        let subject = subject.join(" ");
        for antonym in &antonyms {
            let converse = format!("{antonym} than {subject}");
            if !out.contains(&converse) {
                out.push(converse);
            }
        }
    }
    out
}

impl Pairing {
    /// The pairing of a relation whose terms are `written` and compiled as `terms`.
    /// Rivals are added once the question's relations are all compiled ([`rivals`]).
    pub fn new(
        written: &[Vec<String>],
        terms: &[Vec<Pattern>],
        lexicon: &Lexicon,
        stemmer: &Stemmer,
        vocab: &mut Vocab,
    ) -> Pairing {
        let [_, said] = written else {
            return Pairing::default();
        };
        // A term asked for negated has no comparative to turn round.
        let plain = terms[1].iter().all(|p| p.polarity == Polarity::Plain);
        let mut keywords: Vec<String> = Vec::new();
        let mut inverted: Vec<String> = Vec::new();
        let mut passive: Vec<String> = Vec::new();
        if plain {
            for keyword in said {
                for antonym in antonyms_of(keyword, stemmer) {
                    if !keywords.contains(&antonym) && !said.contains(&antonym) {
                        keywords.push(antonym);
                    }
                }
                if let Some(turned) = noun_first(keyword)
                    && !inverted.contains(&turned)
                {
                    inverted.push(turned);
                }
                if let Some(turned) = object_first(keyword)
                    && !passive.contains(&turned)
                {
                    passive.push(turned);
                }
            }
        }
        let mut compiled = |keywords: &[String]| -> Vec<Pattern> {
            keywords
                .iter()
                .flat_map(|k| super::keyword_patterns(k, lexicon, stemmer, vocab))
                .collect()
        };
        let antonyms = compiled(&keywords);
        let inverted = compiled(&inverted);
        let passive = compiled(&passive);
        let written_denial = said.iter().any(|k| {
            let k = k.trim_start().to_lowercase();
            ["not ", "never ", "no longer "]
                .iter()
                .any(|cue| k.starts_with(cue))
        });
        let denied = terms[1]
            .iter()
            .map(|p| written_denial && p.polarity == Polarity::Negated)
            .collect();
        Pairing {
            two: true,
            rivals: Vec::new(),
            antonyms,
            inverted,
            passive,
            denied,
            assigned: false,
        }
    }

    /// Whether `a`, a counting match of the second term, is a denied participle that its
    /// keyword asks for denied in so many words (`not accepted`, `never contacted`): the
    /// relation says what is (not) done to X, so X as the subject of that passive, with
    /// an agent of its own after the *by*, says it ("the old key is no longer accepted
    /// by the verifier", "the origin is never contacted by the edge"). A keyword of a deed
    /// (`signs`) keeps its passive subject out: "the root is signed by the leaf" signs
    /// nothing by the root.
    fn stative(&self, a: &Occurrence, tokens: &[Token]) -> bool {
        a.counts
            && self.denied.get(a.pattern).copied().unwrap_or(false)
            && a.tokens
                .first()
                .is_some_and(|&c| c != a.head && tokens[c].negation)
            && participle(&tokens[a.head])
    }

    /// Whether the relation may be met though its term `t` has no counting match in
    /// `here`: the second term, by its antonym or under a preference.
    pub(super) fn may_find(&self, t: usize, here: &[Occurrence], answer: &PreparedAnswer) -> bool {
        let tokens = answer.tokens();
        self.two
            && match t {
                0 => here.iter().any(|o| contrasted(o, tokens)),
                1 => {
                    !self.antonyms.is_empty()
                        || !self.inverted.is_empty()
                        || !self.passive.is_empty()
                        || here.iter().any(|o| {
                            !o.counts && (preference(o, tokens) || echoed(o, tokens).is_some())
                        })
                }
                _ => false,
            }
    }

    /// Whether `answer` gives A to another thing in X's place with a preference, "Y
    /// rather than X does A" (or *instead of*): X right after the cue (at most a
    /// determiner between), another word right before the cue, and A after X under the
    /// same cue. That denies X's relation; "X rather than Y does A" meets it.
    pub(super) fn preferred_over(
        &self,
        x: &[Occurrence],
        a: &[Occurrence],
        answer: &PreparedAnswer,
    ) -> bool {
        let tokens = answer.tokens();
        self.two
            && x.iter().any(|x| {
                let Some(&cue) = x.tokens.first() else {
                    return false;
                };
                let led = (0..cue).rev().find(|&i| !tokens[i].part).is_some_and(|i| {
                    !tokens[i].stop && tokens[i].place.segment == tokens[cue].place.segment
                });
                !x.counts
                    && led
                    && matches!(&*tokens[cue].norm, "rather" | "instead")
                    && between(tokens, cue + 1, x.head)
                        .iter()
                        .all(|&i| tokens[i].stop)
                    && a.iter()
                        .any(|a| !a.counts && a.tokens.first() == Some(&cue) && a.head > last(x))
            })
    }

    /// The matches of the second term's comparatives said after their noun, with a form
    /// of *be* between ("writes are cheaper"), not negated.
    fn inverted_in(
        &self,
        answer: &PreparedAnswer,
        vocab: &Vocab,
        scope: &impl Fn(usize) -> u32,
    ) -> Vec<Occurrence> {
        turned_in(&self.inverted, answer, vocab, scope, |tokens, found| {
            let &[noun, comparative] = found else {
                return false;
            };
            let gap = between(tokens, noun, comparative);
            gap.len() == 1 && be_form(&tokens[gap[0]])
        })
    }

    /// The matches of the second term's verb keywords said in the passive with their
    /// object first ("the data is encrypted"), a *by* at most three words after the
    /// verb in its clause, not negated: their agent is what the relation's first term
    /// must be.
    fn passive_in(
        &self,
        answer: &PreparedAnswer,
        vocab: &Vocab,
        scope: &impl Fn(usize) -> u32,
    ) -> Vec<Occurrence> {
        turned_in(&self.passive, answer, vocab, scope, |tokens, found| {
            let &[.., object, verb] = found else {
                return false;
            };
            let gap = between(tokens, object, verb);
            let segment = tokens[verb].place.segment;
            let by = (verb + 1..tokens.len())
                .filter(|&i| !tokens[i].part)
                .take(3)
                .take_while(|&i| tokens[i].place.segment == segment)
                .any(|i| is(tokens, i, "by") && !manner(tokens, i));
            by && passive(tokens, verb)
                && gap.iter().any(|&i| be_form(&tokens[i]))
                && gap
                    .iter()
                    .all(|&i| be_form(&tokens[i]) || adverb(&tokens[i]))
        })
    }

    /// The other things (rivals) `answer` names plainly, as (first token, last token).
    fn named_rivals(&self, answer: &PreparedAnswer, vocab: &Vocab) -> Vec<(usize, usize)> {
        let tokens = answer.tokens();
        self.rivals
            .iter()
            .flat_map(|p| answer.all(p, vocab))
            .filter(|(f, _)| !f.negated)
            .map(|(f, _)| span(&f.tokens))
            .filter(|&(from, _)| !likened(tokens, from))
            .collect()
    }

    /// A match of `x` (the first term's occurrences) and of `a` (the second's) that are
    /// paired, in one stretch, as their tokens; `ordered` pairs them by role.
    pub(super) fn pair(
        &self,
        x: &[Occurrence],
        a: &[Occurrence],
        ordered: bool,
        answer: &PreparedAnswer,
        vocab: &Vocab,
        scope: &impl Fn(usize) -> u32,
    ) -> Option<Vec<Vec<usize>>> {
        let tokens = answer.tokens();
        // X counts, or is only set against something else by *unlike* and a relative
        // clause after it says A of it ("unlike --memory, where going over gets it
        // killed").
        let xs: Vec<&Occurrence> = x
            .iter()
            .filter(|o| o.counts || (self.two && contrasted(o, tokens)))
            .collect();
        if xs.is_empty() {
            return None;
        }
        let inverted = self.inverted_in(answer, vocab, scope);
        let passives = self.passive_in(answer, vocab, scope);
        let mut candidates: Vec<&Occurrence> = a
            .iter()
            .filter(|o| {
                o.counts || (self.two && (preference(o, tokens) || echoed(o, tokens).is_some()))
            })
            .chain(&inverted)
            .chain(&passives)
            .collect();
        // A plain match of A before one met through its cue ("not killed" for
        // `throttled`): the breakdown then quotes what the answer says outright.
        candidates.sort_by_key(|o| o.tokens[0] != o.head);
        if !candidates.is_empty() {
            // Other things named plainly: looked for once, when a pairing first needs
            // them.
            let mut rivals: Option<Vec<(usize, usize)>> = None;
            for x in &xs {
                for a in &candidates {
                    // A said in the passive with its object first is only its agent's.
                    if x.head < a.head && passives.iter().any(|p| std::ptr::eq(p, *a)) {
                        continue;
                    }
                    // "Y doesn't do A, X does": A, denied of Y, is X's.
                    let echo = echoed(a, tokens);
                    if x.counts
                        && !a.counts
                        && echo.is_some_and(|(from, to)| x.head >= from && last(x) < to)
                    {
                        return Some(vec![x.tokens.clone(), a.tokens[1..].to_vec()]);
                    }
                    let joined = if x.counts {
                        a.scope == x.scope
                            || bridged(x, a, tokens)
                            || relative(x, a, tokens)
                            || appositive(x, a, tokens)
                            || elided(x, a, tokens)
                            || aside_subject(x, a, tokens)
                            || (ordered && fronted(x, a, tokens))
                            || (ordered && case_first(tokens, a.head, last(a), x.head).is_some())
                    } else {
                        relative(x, a, tokens)
                    };
                    if !joined || shared(x, a, tokens) {
                        continue;
                    }
                    // Without the *unlike* that sets X against something else.
                    let thing = if x.counts {
                        x.tokens.clone()
                    } else {
                        x.tokens[1..].to_vec()
                    };
                    let own = if a.counts {
                        a.tokens.clone()
                    } else if preference(a, tokens) && preferred(x, a, tokens) {
                        // The preference's cue is not part of what X does.
                        a.tokens[1..].to_vec()
                    } else {
                        continue;
                    };
                    let pairs = if self.two {
                        let rivals = rivals.get_or_insert_with(|| {
                            if ordered {
                                self.named_rivals(answer, vocab)
                            } else {
                                Vec::new()
                            }
                        });
                        let stative = self.stative(a, tokens);
                        paired(x, a, ordered, tokens, rivals, stative, self.assigned)
                    } else {
                        !ordered || a.head > x.head
                    };
                    if pairs {
                        return Some(vec![thing, own]);
                    }
                }
            }
        }
        // "B is slower than X" for `X → faster`.
        for pattern in &self.antonyms {
            for (found, counts) in answer.all(pattern, vocab) {
                if !counts {
                    continue;
                }
                let (from, to) = span(&found.tokens);
                let at = scope(from);
                let standard = xs.iter().find(|x| {
                    x.counts && x.scope == at && x.head > to && compared(tokens, to, x.head)
                });
                if let Some(x) = standard {
                    return Some(vec![found.tokens, x.tokens.clone()]);
                }
            }
        }
        None
    }
}

/// Gives each ordered relation of two terms among `concepts` and `misconceptions` the
/// first terms of the others that name other things (none of their labels among its
/// own terms') as its rivals.
pub fn rivals(concepts: &mut [Matcher], misconceptions: &mut [Matcher], vocab: &Vocab) {
    let labels =
        |patterns: &[Pattern]| -> Vec<String> { patterns.iter().map(|p| p.label(vocab)).collect() };
    // Each relation of two terms: its first term's labels and patterns, and its second
    // term's labels (for `assigned`).
    type Terms = (Vec<String>, Vec<Pattern>, Vec<String>);
    let firsts: Vec<Option<Terms>> = concepts
        .iter()
        .chain(misconceptions.iter())
        .map(|m| match m {
            Matcher::All { terms, .. } if terms.len() == 2 => {
                Some((labels(&terms[0]), terms[0].clone(), labels(&terms[1])))
            }
            _ => None,
        })
        .collect();
    if firsts.iter().flatten().count() < 2 {
        return;
    }
    for (i, m) in concepts
        .iter_mut()
        .chain(misconceptions.iter_mut())
        .enumerate()
    {
        let Matcher::All {
            ordered: true,
            pairing,
            ..
        } = m
        else {
            continue;
        };
        // A relation of two terms (`firsts` has only those).
        let Some((x, _, a)) = &firsts[i] else {
            continue;
        };
        let meets = |names: &[String], of: &[String]| names.iter().any(|n| of.contains(n));
        let others = || {
            firsts
                .iter()
                .enumerate()
                .filter(|&(j, _)| j != i)
                .flat_map(|(_, f)| f)
        };
        pairing.assigned = others().any(|(first, _, second)| meets(first, x) && !meets(second, a))
            && !others().any(|(first, _, second)| meets(first, a) && meets(second, x));
        let mut seen: Vec<String> = Vec::new();
        for (j, first) in firsts.iter().enumerate() {
            let Some((names, patterns, _)) = first else {
                continue;
            };
            if j == i || meets(names, x) || meets(names, a) {
                continue;
            }
            for (name, pattern) in names.iter().zip(patterns) {
                // A rival is a thing: `can`, `it` or `each` names none.
                let thing = name.split(' ').any(|w| !crate::lang::is_stop_word(w));
                if thing && !seen.contains(name) {
                    seen.push(name.clone());
                    pairing.rivals.push(pattern.clone());
                }
            }
        }
    }
}

/// The matches of `patterns`, a term's keywords turned round, that count and that
/// `keep` takes (given the answer's tokens and the match's), as occurrences.
fn turned_in(
    patterns: &[Pattern],
    answer: &PreparedAnswer,
    vocab: &Vocab,
    scope: &impl Fn(usize) -> u32,
    keep: impl Fn(&[Token], &[usize]) -> bool,
) -> Vec<Occurrence> {
    let tokens = answer.tokens();
    let mut out = Vec::new();
    for pattern in patterns {
        for (found, counts) in answer.all(pattern, vocab) {
            if counts && keep(tokens, &found.tokens) {
                let head = found.tokens[0];
                out.push(Occurrence {
                    head,
                    scope: scope(head),
                    tokens: found.tokens,
                    counts: true,
                    pattern: 0,
                });
            }
        }
    }
    out
}

/// Whether `x` (first term) and `a` (second term) are paired: in either order when not
/// `ordered`, else by role (see the module's text); never across a *than*.
fn paired(
    x: &Occurrence,
    a: &Occurrence,
    ordered: bool,
    tokens: &[Token],
    rivals: &[(usize, usize)],
    stative: bool,
    assigned: bool,
) -> bool {
    let (x_from, x_to) = (x.head, last(x));
    let (a_from, a_to) = (a.head, last(a));
    if x_from < a_from {
        if compared(tokens, x_to, a_from) {
            return false;
        }
        // A rival that takes A: with a word of X's own before it (not part of X's
        // phrase: "PSI files are gone") and at most two words before A.
        // After a coordinator ("X does P and Y peers are in A"), the rival opens a
        // clause of its own and may stand further from A, with a verb of its own and
        // no word that gives A to X as well ("and Y too is A").
        let takes = |&(s, e): &(usize, usize)| {
            let gap = between(tokens, e, a_from);
            let own_clause = coordinator_before(tokens, s)
                && gap.iter().any(|&i| auxiliary(&tokens[i]))
                && !gap.iter().any(|&i| additive(&tokens[i]));
            let reach = if own_clause { 4 } else { 2 };
            // A rival right before A that opens a noun phrase of its own after a
            // coordinator ("0 to the parent and the child's PID"): A is the rival's.
            let lead = between(tokens, x_to, s);
            let owner = gap.is_empty()
                && lead.last().is_some_and(|&i| determiner(&tokens[i]))
                && lead.iter().any(|&i| coordinator(&tokens[i]));
            s > x_to
                && e < a_from
                && (owner || lead.iter().any(|&i| !tokens[i].stop))
                && gap.len() <= reach
                && !carried_past(tokens, s, a_from)
        };
        // A rival that X only qualifies, by a preposition right after the rival ("the
        // agent on each box performs it"): A is the rival's, the head of its phrase.
        let headed = |&(_, e): &(usize, usize)| e < x_from && qualifies(tokens, e, x_from);
        !ordered
            || ((stative || !passive_subject(tokens, x_to, a_from, a_to))
                && !cleft_object(tokens, x_from, x_to, a_from)
                && (stative || !by_passed(tokens, a))
                && (assigned || !agent_after(tokens, x_to, a_from))
                && !agent_of_its_own(tokens, x_to, a_from, a_to)
                && !carried_past(tokens, x_from, a_from)
                && !rivals.iter().any(takes)
                && !rivals.iter().any(headed))
    } else {
        if compared(tokens, a_to, x_from) {
            return false;
        }
        if !ordered {
            return !coordinated(tokens, a_from, a_to, x_from, x_to)
                && !received(tokens, a_to, x_from);
        }
        // A in a gerund phrase that is its clause's subject: the phrase ends where its
        // predicate begins ("checking it against the hash is done via the server").
        let end = subject_end(tokens, a_from, a_to);
        let a_end = end.unwrap_or(a_to);
        let link = by_agent(tokens, a_from, a_to, x_from)
            .or_else(|| it_cleft(tokens, a_from, a_to, x_from))
            .or_else(|| on_condition(tokens, a_to, x_from))
            .or_else(|| on_case(tokens, a_to, x_from))
            .or_else(|| as_on_case(tokens, a_to, x_from, x_to))
            .or_else(|| object_relative(tokens, a_to, x_from, x_to))
            .or_else(|| {
                let done = passive_predicate(tokens, end?)?;
                on_condition(tokens, done, x_from)
            })
            .or_else(|| case_first(tokens, a_from, a_to, x_from))
            .or_else(|| cleft(tokens, a_end, x_from))
            .or_else(|| what_subject(tokens, a_from, a_to, x_from))
            .or_else(|| means(tokens, a_from, a_end, x_from))
            .or_else(|| owned(tokens, a_end, x_from, x_to))
            .or_else(|| labelled(tokens, a_to, x_from))
            .or_else(|| listed(tokens, a_to, x_from, rivals));
        link.is_some_and(|link| !rivals.iter().any(|&(s, e)| s > link && e < x_from))
    }
}

/// Whether X ends its clause (at most two words after it) and A opens the clause after
/// the next, and the clause between is a denied alternative ("RDB, not AOF, loads
/// faster", "RDB, rather than the AOF, loads faster"): the two are one clause with an
/// aside. A may stand further into its clause when the clause opens with an auxiliary
/// and so has no subject of its own ("a named volume, unlike tmpfs, is stored on disk").
fn bridged(x: &Occurrence, a: &Occurrence, tokens: &[Token]) -> bool {
    let Some((x_to, a_from)) = clauses_apart(x, a, tokens, 2) else {
        return false;
    };
    let (from, to) = (&tokens[x_to].place, &tokens[a_from].place);
    let words = between(tokens, x_to, a_from);
    let aside: Vec<usize> = words
        .iter()
        .copied()
        .filter(|&i| tokens[i].place.segment == from.segment + 1)
        .collect();
    let opens = aside.first().is_some_and(|&i| {
        matches!(
            &*tokens[i].norm,
            "not" | "never" | "rather" | "instead" | "unlike"
        )
    });
    // X may keep a word or two of its phrase ("the RDB snapshot, not the AOF, ...").
    // A opens the clause after the aside, or that clause opens with an auxiliary, the
    // predicate of a subject it lacks: X's ("a named volume, unlike tmpfs, is stored on
    // disk").
    let lead: Vec<usize> = words
        .iter()
        .copied()
        .filter(|&i| tokens[i].place.segment == to.segment)
        .collect();
    let predicate = lead.first().is_some_and(|&i| auxiliary(&tokens[i]));
    opens
        && aside.len() <= 5
        && words
            .iter()
            .filter(|&&i| tokens[i].place.segment == from.segment)
            .count()
            <= 2
        && lead.len() <= if predicate { 6 } else { 2 }
}

/// "X has P but Q": A opens the clause right after X's with *but* or *yet* (at most a
/// word between, "but far higher"), A is a comparative, and X is the subject of its
/// clause (at most a determiner before it). The clause has no subject of its own, so
/// what it says is X's: "Parallel has longer pauses than G1 but higher throughput".
fn elided(x: &Occurrence, a: &Occurrence, tokens: &[Token]) -> bool {
    let Some((x_to, a_from)) = clauses_apart(x, a, tokens, 1) else {
        return false;
    };
    let segment = tokens[x.head].place.segment;
    let before: Vec<usize> = (0..x.head)
        .rev()
        .filter(|&i| !tokens[i].part)
        .take_while(|&i| tokens[i].place.segment == segment)
        .collect();
    let subject = before.len() <= 1 && before.iter().all(|&i| tokens[i].stop);
    let opening: Vec<usize> = between(tokens, x_to, a_from)
        .into_iter()
        .filter(|&i| tokens[i].place.segment == tokens[a_from].place.segment)
        .collect();
    subject
        && opening.len() <= 2
        && opening
            .first()
            .is_some_and(|&i| matches!(&*tokens[i].norm, "but" | "yet"))
        && comparative(&tokens[a.head])
}

/// A comparative: a word of [`COMPARATIVES`], or *more*, *less*, *fewer*.
fn comparative(token: &Token) -> bool {
    let word = &*token.norm;
    COMPARATIVES.iter().any(|&(a, b)| a == word || b == word)
}

/// The first word of `at`'s clause, when it is an *-ing* form at most three words
/// before `at` (or `at` itself): a gerund phrase that opens its clause and is its
/// subject ("checking it ...", "tracking an installed instance ...").
fn gerund_start(tokens: &[Token], at: usize) -> Option<usize> {
    let segment = tokens[at].place.segment;
    let before: Vec<usize> = (0..at)
        .rev()
        .filter(|&i| !tokens[i].part)
        .take(4)
        .take_while(|&i| tokens[i].place.segment == segment)
        .collect();
    let start = match before.last() {
        Some(&i) if before.len() <= 3 => i,
        Some(_) => return None,
        None => at,
    };
    let opens = start == 0
        || (0..start)
            .rev()
            .find(|&i| !tokens[i].part)
            .is_none_or(|i| tokens[i].place.segment != segment);
    let token = &tokens[start];
    (opens && token.class == Class::Word && token.norm.len() > 4 && token.norm.ends_with("ing"))
        .then_some(start)
}

/// Whether A is the head of a noun phrase that opens its clause and names what is done
/// to the words after an *of*: at most an article before A and *of* right after it
/// ("the encryption of the data | is done locally with a data key"). Such a phrase is
/// its clause's subject, as a gerund phrase is.
fn nominal_start(tokens: &[Token], a_from: usize, a_to: usize) -> bool {
    let segment = tokens[a_from].place.segment;
    let before = |at: usize| {
        (0..at)
            .rev()
            .find(|&i| !tokens[i].part)
            .filter(|&i| tokens[i].place.segment == segment)
    };
    let opens = match before(a_from) {
        None => true,
        Some(i) => matches!(&*tokens[i].norm, "the" | "a" | "an") && before(i).is_none(),
    };
    opens
        && words_after(tokens, a_to, 1)
            .first()
            .is_some_and(|&i| is(tokens, i, "of"))
}

/// Where the subject ends when A is in a gerund phrase that opens its clause (or heads
/// a noun phrase with an *of* that does, see [`nominal_start`]): the word
/// before the clause's first form of *be*, at most six words after A, with no
/// auxiliary, negation or *than* before it ("checking it against the code_challenge |
/// is done via the server"). A time or condition clause inside the phrase (*until*,
/// *while*, *when* ...) has its own verb, and the phrase's *be* is the next one, at most
/// twelve words after A: "holding small writes until the earlier data is ACKed | is
/// what Nagle does".
fn subject_end(tokens: &[Token], a_from: usize, a_to: usize) -> Option<usize> {
    if gerund_start(tokens, a_from).is_none() && !nominal_start(tokens, a_from, a_to) {
        return None;
    }
    let after = words_after(tokens, a_to, 13);
    let mut be = after.iter().position(|&i| auxiliary(&tokens[i]))?;
    let inner = after[..be].iter().position(|&i| subordinator(&tokens[i]));
    match inner {
        // The inner clause's verb, when a later *be* follows: its run of auxiliaries,
        // then its participle or other words up to the phrase's own *be* ("until the
        // ACK arrives is what ..." has no verb of its own to skip).
        Some(_) => {
            let run = after[be..]
                .iter()
                .take_while(|&&i| auxiliary(&tokens[i]))
                .count();
            if let Some(next) = after[be + run..].iter().position(|&i| be_form(&tokens[i])) {
                be += run + next;
            }
        }
        None if be > 6 => return None,
        None => {}
    }
    let clear = be_form(&tokens[after[be]])
        && !after[..inner.unwrap_or(be)]
            .iter()
            .any(|&i| tokens[i].negation || comparing(tokens, i));
    clear.then(|| after[be] - 1)
}

/// The last word of a gerund subject's predicate in the passive right after the
/// subject's end `end`: a form of *be*, a participle, and an adverb before or after it
/// ("dropping the old column | is done last, after ..."). A condition after it says
/// when A is done, as after A's own verb.
fn passive_predicate(tokens: &[Token], end: usize) -> Option<usize> {
    let after = words_after(tokens, end, 4);
    let mut k = usize::from(be_form(&tokens[*after.first()?]));
    if k == 0 {
        return None;
    }
    k += usize::from(after.get(k).is_some_and(|&i| adverb(&tokens[i])));
    let &verb = after.get(k).filter(|&&i| participle(&tokens[i]))?;
    let late = |i: &usize| adverb(&tokens[*i]) || is(tokens, *i, "last");
    Some(
        after
            .get(k + 1)
            .filter(|i| late(i))
            .copied()
            .unwrap_or(verb),
    )
}

/// The words after `at` in its segment, at most `n`.
fn words_after(tokens: &[Token], at: usize, n: usize) -> Vec<usize> {
    let segment = tokens[at].place.segment;
    (at + 1..tokens.len())
        .filter(|&i| !tokens[i].part)
        .take(n)
        .take_while(|&i| tokens[i].place.segment == segment)
        .collect()
}

/// A word that opens a clause of time or condition inside a phrase: *until*, *while*,
/// *when*, *once*, *before*, *after*, *if*, *unless*.
fn subordinator(token: &Token) -> bool {
    matches!(
        &*token.norm,
        "until"
            | "till"
            | "while"
            | "when"
            | "whenever"
            | "once"
            | "before"
            | "after"
            | "if"
            | "unless"
    )
}

/// "Doing A, and so B, is X's job": A in a gerund phrase that opens its clause, with
/// no verb of its own, and X in a later clause of the sentence (at most three on) that
/// opens with a form of *be* (or with the last items of a list and then *be*: "limiting
/// CPU, memory and PIDs is the job of cgroups"), X at most six words after it: the
/// clauses between are an aside, and the gerund phrase is the subject of that *be*.
fn aside_subject(x: &Occurrence, a: &Occurrence, tokens: &[Token]) -> bool {
    let (a_to, x_from) = (last(a), x.head);
    if x_from <= a_to {
        return false;
    }
    let (from, to) = (&tokens[a.head].place, &tokens[x_from].place);
    if from.sentence != to.sentence || to.segment <= from.segment || to.segment > from.segment + 3 {
        return false;
    }
    let Some(start) = gerund_start(tokens, a.head) else {
        return false;
    };
    let words = between(tokens, start, x_from);
    let Some(opens) = words
        .iter()
        .position(|&i| tokens[i].place.segment == to.segment)
    else {
        return false;
    };
    // X's clause may open with the last items of a list the gerund phrase began ("for
    // CPU, memory and PIDs is the job of cgroups"): at most three words with an *and*
    // or *or*, before an *is* or *was*.
    let Some(be) = words[opens..]
        .iter()
        .take(4)
        .position(|&i| auxiliary(&tokens[i]))
        .map(|p| opens + p)
    else {
        return false;
    };
    // A gerund phrase takes a singular *be*: "tags and notes are lost" has a subject
    // of its own.
    let tail = &words[opens..be];
    let listed = tail.is_empty()
        || (tail
            .iter()
            .any(|&i| matches!(&*tokens[i].norm, "and" | "or"))
            && matches!(&*tokens[words[be]].norm, "is" | "was"));
    !words[..opens]
        .iter()
        .any(|&i| auxiliary(&tokens[i]) || tokens[i].negation)
        && listed
        && be_form(&tokens[words[be]])
        && words.len() - be <= 6
        && !words[opens..].iter().any(|&i| tokens[i].negation)
}

/// "S does A and X does B": only a coordinator between A and X (*and*, *but*, *while*,
/// *whereas*, *or*, and stop words), a content word of A's clause before A (its
/// subject) and one after X in its clause (X's own predicate): X opens a clause of its
/// own, and A is not said of it ("namespaces isolate and cgroups limit" gives
/// *isolate* to namespaces only).
fn coordinated(tokens: &[Token], a_from: usize, a_to: usize, x_from: usize, x_to: usize) -> bool {
    let gap = between(tokens, a_to, x_from);
    let Some(&first) = gap.first() else {
        return false;
    };
    // The nearest content word on each side, with no coordinator before it: in a list
    // ("namespaces and isolation and cgroups and limits") no term has a verb.
    let content = |i: usize| !tokens[i].stop && !tokens[i].negation;
    let segment = tokens[a_from].place.segment;
    let subject = (0..a_from)
        .rev()
        .filter(|&i| !tokens[i].part)
        .take_while(|&i| tokens[i].place.segment == segment && !coordinator(&tokens[i]))
        .any(content);
    let predicate = (x_to + 1..tokens.len())
        .filter(|&i| !tokens[i].part)
        .take_while(|&i| {
            tokens[i].place.segment == tokens[x_to].place.segment && !coordinator(&tokens[i])
        })
        .any(content);
    coordinator(&tokens[first])
        && gap[1..]
            .iter()
            .all(|&i| tokens[i].stop && !tokens[i].negation && !auxiliary(&tokens[i]))
        && subject
        && predicate
}

/// A word that says the same of another thing ("too", "also", "both").
fn additive(token: &Token) -> bool {
    matches!(
        &*token.norm,
        "also" | "too" | "both" | "likewise" | "equally" | "same" | "either" | "well"
    )
}

/// A word that joins two clauses of equal rank.
fn coordinator(token: &Token) -> bool {
    matches!(&*token.norm, "and" | "but" | "while" | "whereas" | "or")
}

/// Whether a coordinator stands right before `at` (or before a determiner before it):
/// what starts there opens a clause of its own ("... and iBGP peers are in ...").
fn coordinator_before(tokens: &[Token], at: usize) -> bool {
    let mut before = (0..at).rev().filter(|&i| !tokens[i].part);
    match before.next() {
        Some(i) if coordinator(&tokens[i]) => true,
        Some(i) if matches!(&*tokens[i].norm, "the" | "a" | "an" | "its" | "their") => {
            before.next().is_some_and(|j| coordinator(&tokens[j]))
        }
        _ => false,
    }
}

/// "When X ..., A": X within three words of a word that opens its clause with a
/// condition (*when*, *if*, *once*, *whenever*, *after*), and A within five words of the
/// start of the next clause of the sentence ("when the livenessProbe fails, the container
/// is restarted"). So too "With X, A": X within three words of a preposition of setting
/// (*with*, *under*, *in*, *for*, *using*, *given*) that opens the sentence, at most two
/// words after X before the comma and no negation cue among them ("with no-store, the
/// response is not kept by any cache", "under the sensitive flag set, ..."): a phrase
/// with no verb of its own, which sets the case the clause after it speaks of, as a
/// condition does (see [`setting`]).
fn fronted(x: &Occurrence, a: &Occurrence, tokens: &[Token]) -> bool {
    let (x_to, a_from) = (last(x), a.head);
    if x_to >= a_from {
        return false;
    }
    let (from, to) = (&tokens[x.head].place, &tokens[a_from].place);
    if from.sentence != to.sentence || to.segment != from.segment + 1 {
        return false;
    }
    let opening: Vec<usize> = (0..x.head)
        .rev()
        .filter(|&i| !tokens[i].part)
        .take_while(|&i| tokens[i].place.segment == from.segment)
        .collect();
    let condition = opening.len() <= 3
        && opening.last().is_some_and(|&i| {
            matches!(
                &*tokens[i].norm,
                "when" | "whenever" | "if" | "once" | "after"
            ) || setting(tokens, &opening, x_to, i)
        });
    let lead = between(tokens, x_to, a_from)
        .into_iter()
        .filter(|&i| tokens[i].place.segment == to.segment)
        .count();
    condition && lead <= 5
}

/// "When A ..., X ...": the case turned round, A in a condition that opens its sentence
/// (*when*, *whenever*, *once*, *after*; not *if*, nor a *then* before X: "if A, then
/// X" says that A implies X) and X the subject of a clause after it in
/// the sentence, at most two small words before X in its segment ("you kern it", "the
/// MCB trips") or a coordinator before it ("... and the RCD trips"): "when the circuit is
/// overloaded, the MCB trips" gives the MCB its overload. No other condition between,
/// and no negation in X's clause ("..., the RCD does not trip" gives the RCD nothing).
/// The link is A's last word.
fn case_first(tokens: &[Token], a_from: usize, a_to: usize, x_from: usize) -> Option<usize> {
    // Not *if*: "if A, then X" says that A implies X, not that X meets A.
    let condition = |i: usize| matches!(&*tokens[i].norm, "when" | "whenever" | "once" | "after");
    let (a, x) = (tokens[a_from].place, tokens[x_from].place);
    if a.sentence != x.sentence || x.segment <= a.segment {
        return None;
    }
    let opening: Vec<usize> = (0..a_from)
        .rev()
        .filter(|&i| !tokens[i].part)
        .take_while(|&i| tokens[i].place.sentence == a.sentence)
        .collect();
    let opens = opening.last().is_some_and(|&i| condition(i))
        && opening
            .iter()
            .all(|&i| tokens[i].place.segment == a.segment);
    // A second condition between opens a case of its own (*after* there is as likely a
    // preposition: "high after a meal").
    let another = |i: usize| condition(i) && !is(tokens, i, "after");
    if !opens || between(tokens, a_to, x_from).into_iter().any(another) {
        return None;
    }
    let in_clause = |i: &usize| !tokens[*i].part && tokens[*i].place.segment == x.segment;
    let lead: Vec<usize> = (a_to + 1..x_from).rev().filter(in_clause).collect();
    let subject = (lead.len() <= 2 && lead.iter().all(|&i| tokens[i].stop))
        || coordinator_before(tokens, x_from);
    // "When A, then X" states a consequence.
    let then = lead.iter().any(|&i| is(tokens, i, "then"));
    let denied = (a_to + 1..tokens.len())
        .take_while(|&i| tokens[i].place.sentence == x.sentence)
        .filter(in_clause)
        .any(|i| tokens[i].negation);
    (subject && !then && !denied).then_some(a_to)
}

/// Whether the word at `opener`, the first of X's segment (`opening` holds the words
/// before X in it, last the opener), is a preposition of setting that opens its
/// sentence, with at most two words after X (its last token `x_to`) in the segment and
/// no negation cue in it: "With X,", "Under the X flag,", "In X,", "With X set,". Not
/// *without* (what happens in X's absence is not what X does).
fn setting(tokens: &[Token], opening: &[usize], x_to: usize, opener: usize) -> bool {
    let segment = tokens[opener].place.segment;
    let opens = (0..opener)
        .rev()
        .find(|&i| !tokens[i].part)
        .is_none_or(|i| tokens[i].place.sentence != tokens[opener].place.sentence);
    let after: Vec<usize> = (x_to + 1..tokens.len())
        .filter(|&i| !tokens[i].part)
        .take_while(|&i| tokens[i].place.segment == segment)
        .collect();
    matches!(
        &*tokens[opener].norm,
        "with" | "under" | "in" | "for" | "using" | "given"
    ) && opens
        && after.len() <= 2
        && !opening.iter().chain(&after).any(|&i| tokens[i].negation)
}

/// X's last token and A's head, when A is in the `n`th segment after X's, in one
/// sentence.
fn clauses_apart(
    x: &Occurrence,
    a: &Occurrence,
    tokens: &[Token],
    n: u32,
) -> Option<(usize, usize)> {
    let (x_to, a_from) = (last(x), a.head);
    if x_to >= a_from {
        return None;
    }
    let (from, to) = (&tokens[x_to].place, &tokens[a_from].place);
    (from.sentence == to.sentence && to.segment == from.segment + n).then_some((x_to, a_from))
}

/// The first and last tokens of a match.
fn span(tokens: &[usize]) -> (usize, usize) {
    let from = tokens.iter().copied().min().unwrap_or(0);
    (from, tokens.iter().copied().max().unwrap_or(from))
}

fn last(o: &Occurrence) -> usize {
    o.tokens.iter().copied().max().unwrap_or(o.head)
}

/// Whether two matches share a word (not a cue): no word fills two terms, nor does a
/// code token and a word of it (`created_at` and *created*: see `token::same_written`).
fn shared(x: &Occurrence, a: &Occurrence, tokens: &[Token]) -> bool {
    a.tokens
        .iter()
        .any(|&i| !tokens[i].negation && x.tokens.iter().any(|&j| same_written(tokens, i, j)))
}

/// The words of the sentence strictly between tokens `from` and `to`.
fn between(tokens: &[Token], from: usize, to: usize) -> Vec<usize> {
    (from + 1..to).filter(|&i| !tokens[i].part).collect()
}

fn is(tokens: &[Token], i: usize, word: &str) -> bool {
    &*tokens[i].norm == word
}

/// A *by* at `by` that says how a thing is done, not who does it: "by default", "by
/// design", "by hand", "passed by reference". The noun after it names no agent.
fn manner(tokens: &[Token], by: usize) -> bool {
    tokens[by + 1..].iter().find(|t| !t.part).is_some_and(|t| {
        matches!(
            &*t.norm,
            "default"
                | "design"
                | "hand"
                | "convention"
                | "definition"
                | "reference"
                | "value"
                | "name"
                | "accident"
                | "mistake"
                | "chance"
                | "itself"
                | "themselves"
                | "far"
                | "contrast"
                | "comparison"
                | "construction"
                | "nature"
                | "priority"
        )
    })
}

/// A form of *be* or *get*, the auxiliary of a passive (and *is* of a cleft).
fn be_form(token: &Token) -> bool {
    matches!(
        &*token.norm,
        "is" | "are"
            | "was"
            | "were"
            | "be"
            | "been"
            | "being"
            | "get"
            | "gets"
            | "got"
            | "gotten"
            | "getting"
    )
}

/// A word that may stand between an auxiliary and its verb ("is always restarted").
fn adverb(token: &Token) -> bool {
    token.norm.ends_with("ly")
        || matches!(
            &*token.norm,
            "also" | "always" | "then" | "only" | "just" | "still" | "often" | "first" | "now"
        )
}

/// A past participle, by its form: `-ed`, `-en`, or an irregular past (`kept`,
/// `done`, `spread`).
fn participle(token: &Token) -> bool {
    token.class == Class::Word
        && (token.irregular
            || token.norm.ends_with("ed")
            || token.norm.ends_with("en")
            || matches!(
                &*token.norm,
                "done"
                    | "made"
                    | "set"
                    | "put"
                    | "cut"
                    | "run"
                    | "spread"
                    | "split"
                    | "shut"
                    | "hit"
                    | "let"
                    | "read"
                    | "led"
                    | "paid"
                    | "sold"
                    | "told"
                    | "bound"
                    | "fed"
                    | "brought"
                    | "bought"
                    | "taught"
                    | "sought"
                    | "dealt"
                    | "meant"
                    | "left"
                    | "won"
                    | "stuck"
                    | "struck"
                    | "shot"
                    | "spun"
            ))
}

/// An auxiliary that may stand before a verb: a form of *be* or *get*, *has*, *can*.
fn auxiliary(token: &Token) -> bool {
    be_form(token)
        || matches!(
            &*token.norm,
            "has"
                | "have"
                | "had"
                | "will"
                | "would"
                | "can"
                | "could"
                | "may"
                | "might"
                | "must"
                | "should"
                | "does"
                | "do"
                | "did"
        )
}

/// Whether the word at `v` is a verb in the passive: a participle after a form of *be*
/// or *get* (with at most two adverbs between).
fn passive(tokens: &[Token], v: usize) -> bool {
    participle(&tokens[v]) && after_be(tokens, v)
}

/// Whether a form of *be* or *get* stands before the word at `v` in its segment, with at
/// most two adverbs between.
fn after_be(tokens: &[Token], v: usize) -> bool {
    let before: Vec<usize> = (0..v).rev().filter(|&i| !tokens[i].part).take(3).collect();
    for i in before {
        if tokens[i].place.segment != tokens[v].place.segment {
            return false;
        }
        if be_form(&tokens[i]) {
            return true;
        }
        if !adverb(&tokens[i]) {
            return false;
        }
    }
    false
}

/// Whether the word at `v` is an *-able* (*-ible*) word after a form of *be* (with at
/// most two adverbs between): "the base is replaceable by a subclass", "the file is
/// only readable by the group" say what the agent can do, as the passive says what it
/// does.
fn able_after_be(tokens: &[Token], v: usize) -> bool {
    let t = &tokens[v];
    t.class == Class::Word
        && t.len >= 6
        && (t.norm.ends_with("able") || t.norm.ends_with("ible"))
        && after_be(tokens, v)
}

/// "A is done by X": the *by* whose agent X is, when A's verb (A itself, or a verb in
/// the passive at most six words after it) is in the passive and X follows the *by*
/// within six words, with no other *by*, auxiliary or *to* (*from*, *into*, ...) between:
/// "sent by the client to the server" is not the server's. "Allowed by X" needs no
/// auxiliary. A may also be what a passive puts its subject into, its *by* at most one
/// word after it ("the ports are put into blocking by STP", see [`put_into`]). A that
/// opens with a preposition before the verb only qualifies the subject, and X after an
/// *of* only the agent: "the lean to the right is caused by a steer of the front wheel"
/// does not steer the front wheel to the right.
fn by_agent(tokens: &[Token], a_from: usize, a_to: usize, x_from: usize) -> Option<usize> {
    let after = between(tokens, a_to, x_from);
    let b = after
        .iter()
        .take(7)
        .position(|&i| is(tokens, i, "by") && !manner(tokens, i))?;
    // "A is identified by X" names A's key, X, not a deed of X's: no agent.
    if known_by(tokens, a_to, &after[..b]) {
        return None;
    }
    let agent = &after[b + 1..];
    // A phrase that opens with a preposition before the passive qualifies its subject,
    // and X after an *of* only qualifies the agent ("the lean to the right is caused by
    // a steer of the front wheel"): the thing X does nothing said in A.
    let qualified = matches!(
        &*tokens[a_from].norm,
        "to" | "into" | "onto" | "toward" | "towards" | "from" | "in" | "on" | "at"
    ) && agent.iter().any(|&i| is(tokens, i, "of"));
    let verb = passive(tokens, a_to)
        || (b <= 1 && put_into(tokens, a_from))
        || (b == 0 && (participle(&tokens[a_to]) || gapped(tokens, a_to)))
        || (b == 0 && able_after_be(tokens, a_to))
        || (!qualified && after[..b].iter().take(6).any(|&v| passive(tokens, v)));
    // X is the agent, not a place or a receiver after it ("sent by the client to the
    // server" gives the sending to the client).
    let clear = agent.len() <= 6
        && !agent.iter().any(|&i| {
            be_form(&tokens[i])
                || matches!(
                    &*tokens[i].norm,
                    "by" | "to" | "into" | "onto" | "from" | "toward" | "towards"
                )
        });
    (verb && clear).then_some(after[b])
}

/// "A is done by Z to X": A in the passive, its *by* right after it (or past one word),
/// an agent Z of at most four words, then *to* (*into*, *onto*, *towards*), and X after
/// it: Z does A, and X, what receives it or a thing said after, does not, so even a
/// relation of either order does not give A to X ("the gratuitous ARP is sent by the
/// router to the backup" does not meet `backup + sends`).
fn received(tokens: &[Token], a_to: usize, x_from: usize) -> bool {
    let after = between(tokens, a_to, x_from);
    let Some(b) = after.iter().take(2).position(|&i| is(tokens, i, "by")) else {
        return false;
    };
    let Some(t) = after[b + 1..].iter().position(|&i| {
        matches!(
            &*tokens[i].norm,
            "to" | "into" | "onto" | "towards" | "toward"
        )
    }) else {
        return false;
    };
    let agent = &after[b + 1..b + 1 + t];
    let verb = passive(tokens, a_to) || after[..b].iter().any(|&v| passive(tokens, v));
    verb && !agent.is_empty()
        && agent.len() <= 4
        && !agent
            .iter()
            .any(|&i| be_form(&tokens[i]) || tokens[i].negation)
}

/// Whether A, at `a_to`, is in a clause that leaves out the passive of the clause before
/// it in its sentence: at most three words before A's last word in its clause, at most
/// one a content word (", of MINOR by a new feature"), and a verb in the passive with a *by* after it in the clause before
/// ("a bump of MAJOR is required by a breaking change"), or before a list of such
/// clauses, each with its *by*. The verb is carried over.
fn gapped(tokens: &[Token], a_to: usize) -> bool {
    let place = tokens[a_to].place;
    let words = |segment: u32| {
        (0..a_to)
            .rev()
            .filter(|&i| !tokens[i].part)
            .skip_while(move |&i| tokens[i].place.segment > segment)
            .take_while(move |&i| {
                tokens[i].place.segment == segment && tokens[i].place.sentence == place.sentence
            })
    };
    let lead: Vec<usize> = words(place.segment).collect();
    if place.segment == 0
        || lead.len() > 3
        || lead.iter().filter(|&&i| tokens[i].stop).count() + 1 < lead.len()
    {
        return false;
    }
    // Across a list of such clauses (", of MINOR by a feature, of PATCH by a fix").
    for segment in (place.segment.saturating_sub(3)..place.segment).rev() {
        let before: Vec<usize> = words(segment).collect();
        let by = |from: usize| before.iter().any(|&b| b > from && is(tokens, b, "by"));
        if before.iter().any(|&v| passive(tokens, v) && by(v)) {
            return true;
        }
        if before.len() > 7 || !by(0) {
            return false;
        }
    }
    false
}

/// Whether A, at `a_from`, is what a verb in the passive puts its subject into: that
/// verb, then *into* (*to*, *in*, *onto*, *on*, *under*) and at most two function words
/// before A, in one segment: "the ports are put into blocking", "the pod is moved to
/// the quarantine". The passive's agent then does A ("... by STP": STP blocks).
fn put_into(tokens: &[Token], a_from: usize) -> bool {
    let mut before = segment_before(tokens, a_from);
    before.truncate(4);
    let Some(p) = before.iter().position(|&i| {
        matches!(
            &*tokens[i].norm,
            "into" | "to" | "in" | "onto" | "on" | "under"
        )
    }) else {
        return false;
    };
    p <= 2
        && before[..p].iter().all(|&i| determiner(&tokens[i]))
        && before.get(p + 1).is_some_and(|&v| passive(tokens, v))
}

/// The words of `at`'s segment before it, the nearest first.
fn segment_before(tokens: &[Token], at: usize) -> Vec<usize> {
    let segment = tokens[at].place.segment;
    (0..at)
        .rev()
        .filter(|&i| !tokens[i].part)
        .take_while(|&i| tokens[i].place.segment == segment)
        .collect()
}

/// "It is A that X does": A after an *it* that opens its clause (and a form of *be*,
/// left out when the tokenizer drops the `'s` of "it's") with at most three words of
/// A's phrase before it, then at most four words of A's phrase, *that* (or *which*),
/// and X within three words, only function words before it, X the subject of the
/// clause after *that*: no form of *be* or negation between A and X, and a word after X
/// in its clause ("it is loops that STP prevents", "it's a reset that the host sends
/// back"). X is the doer, A what it does or what it does it to.
fn it_cleft(tokens: &[Token], a_from: usize, a_to: usize, x_from: usize) -> Option<usize> {
    if !opens_it_cleft(tokens, a_from) {
        return None;
    }
    let after = between(tokens, a_to, x_from);
    let t = after
        .iter()
        .take(5)
        .position(|&i| matches!(&*tokens[i].norm, "that" | "which"))?;
    let subject = &after[t + 1..];
    let segment = tokens[x_from].place.segment;
    let verb = (x_from + 1..tokens.len())
        .find(|&i| !tokens[i].part)
        .is_some_and(|i| tokens[i].place.segment == segment && !be_form(&tokens[i]));
    let clear = subject.len() <= 3
        && subject.iter().all(|&i| tokens[i].stop)
        && !after
            .iter()
            .any(|&i| be_form(&tokens[i]) || tokens[i].negation)
        && tokens[a_from].place.segment == tokens[after[t]].place.segment
        && verb;
    clear.then_some(after[t])
}

/// Whether the word at `at` stands in an it-cleft's focus: its clause opens with *it*,
/// then a form of *be* (or none: "it's" reaches here as *it*) and at most three more
/// words, none a form of *be*, *that* or a negation.
fn opens_it_cleft(tokens: &[Token], at: usize) -> bool {
    let before = segment_before(tokens, at);
    let Some((&it, lead)) = before.split_last() else {
        return false;
    };
    let lead: Vec<usize> = lead.iter().rev().copied().collect();
    let skip = usize::from(lead.first().is_some_and(|&i| be_form(&tokens[i])));
    let focus = &lead[skip..];
    is(tokens, it, "it")
        && focus.len() <= 3
        && !focus.iter().any(|&i| {
            be_form(&tokens[i])
                || tokens[i].negation
                || matches!(&*tokens[i].norm, "that" | "which")
        })
}

/// X in an it-cleft's focus with A the subject of the clause after it, a determiner
/// before A: "it is STP that the loops prevent" says the loops do it to STP, and "it is
/// the host that a reset is sent to" gives the host nothing to send. At most four words
/// between X and *that*, then only determiners before A.
fn cleft_object(tokens: &[Token], x_from: usize, x_to: usize, a_from: usize) -> bool {
    if !opens_it_cleft(tokens, x_from) {
        return false;
    }
    let gap = between(tokens, x_to, a_from);
    let Some(t) = gap
        .iter()
        .take(5)
        .position(|&i| matches!(&*tokens[i].norm, "that" | "which"))
    else {
        return false;
    };
    let subject = &gap[t + 1..];
    !subject.is_empty()
        && subject.len() <= 2
        && subject.iter().all(|&i| determiner(&tokens[i]))
        && tokens[x_from].place.segment == tokens[a_from].place.segment
}

/// "A when X ...": within three words of A a word that opens a condition (*when*, *if*,
/// *once*, *whenever*, *after*) and X within three words of it, with no auxiliary between
/// ("the container is restarted when its livenessProbe fails", "the kubelet restarts the
/// container whenever its livenessProbe fails"): X is what brings A about. X may be the
/// condition's verb, after its subject and up to two auxiliaries ("firing happens only
/// after the alert has been pending"). A cleft may come first, "A is what S does when it
/// is X", X the state of S: "failing fast is what the breaker does when it is open".
/// No negation between.
fn on_condition(tokens: &[Token], a_to: usize, x_from: usize) -> Option<usize> {
    let after = between(tokens, a_to, x_from);
    // A cleft before the condition, "A is what S does when X ...", says A as plainly.
    let cleft = if after.len() > 2 && be_form(&tokens[after[0]]) && is(tokens, after[1], "what") {
        after[2..]
            .iter()
            .take(4)
            .position(|&i| matches!(&*tokens[i].norm, "does" | "do" | "did"))
            .map_or(0, |d| d + 3)
    } else {
        0
    };
    let w = cleft
        + after[cleft..].iter().take(4).position(|&i| {
            matches!(
                &*tokens[i].norm,
                "when" | "whenever" | "if" | "once" | "after"
            )
        })?;
    let rest = &after[w + 1..];
    // The condition's subject, without the auxiliaries of X.
    let mut subject = rest.len();
    while subject > 0 && rest.len() - subject < 2 && auxiliary(&tokens[rest[subject - 1]]) {
        subject -= 1;
    }
    // After a cleft, X is the state of the cleft's subject, the condition's predicate
    // after a pronoun ("when it is open"): in "merging is what pull does after fetch
    // downloads" the merge is pull's, not fetch's.
    let state = cleft == 0
        || (subject == 1
            && rest.len() > 1
            && matches!(&*tokens[rest[0]].norm, "it" | "they" | "he" | "she"));
    let clear = state
        && subject <= 3
        && !after[cleft..w + 1 + subject]
            .iter()
            .any(|&i| be_form(&tokens[i]))
        && !after.iter().any(|&i| tokens[i].negation);
    clear.then_some(after[w])
}

/// "A on X": the case in which A happens, said after it: *on* or *upon* (or "in case
/// of") right after A, then at most *a*, *an*, *any*, *each* or *every*, then X, in A's
/// segment ("the deploy rolls back on failure", "the POST becomes a GET on a 301"). *The*
/// after *on* names a place ("its own namespace on the host"), not a case, and is not
/// taken; nor is a word of X's own phrase before it ("on a slow link").
fn on_case(tokens: &[Token], a_to: usize, x_from: usize) -> Option<usize> {
    if tokens[a_to].place.segment != tokens[x_from].place.segment {
        return None;
    }
    let after = between(tokens, a_to, x_from);
    let (&cue, rest) = after.split_first()?;
    let rest = match (&*tokens[cue].norm, rest) {
        ("on" | "upon", rest) => rest,
        ("in", [case, of, rest @ ..]) if is(tokens, *case, "case") && is(tokens, *of, "of") => rest,
        _ => return None,
    };
    let plain = match rest {
        [] => true,
        [d] => matches!(&*tokens[*d].norm, "a" | "an" | "any" | "each" | "every"),
        _ => false,
    };
    plain.then_some(cue)
}

/// "A ..., as on X": a case likened to A's clause, set off after it by a comma, *as*,
/// then *on*, *with* or *in*, at most a determiner and one more word, and X ending its
/// segment, in A's sentence ("a read can return stale rows, as on any async replica",
/// "silence is what you get when a firewall drops the packets, as on 9090"). A rival
/// between A and X keeps A from X (the link is A's end).
fn as_on_case(tokens: &[Token], a_to: usize, x_from: usize, x_to: usize) -> Option<usize> {
    if tokens[a_to].place.sentence != tokens[x_from].place.sentence {
        return None;
    }
    let after = between(tokens, a_to, x_from);
    let k = after.iter().rposition(|&i| is(tokens, i, "as"))?;
    let (&prep, rest) = after[k + 1..].split_first()?;
    let like = matches!(&*tokens[prep].norm, "on" | "with" | "in");
    let det = |i: usize| {
        matches!(
            &*tokens[i].norm,
            "a" | "an" | "any" | "each" | "every" | "the"
        )
    };
    let plain = match rest {
        [] => true,
        [d] => det(*d) || !tokens[*d].stop,
        [d, w] => det(*d) && !tokens[*w].stop,
        _ => false,
    } && !rest.iter().any(|&i| tokens[i].negation);
    let before = if k > 0 { after[k - 1] } else { a_to };
    let set_off = tokens[before].place.segment != tokens[after[k]].place.segment;
    let ends = tokens[x_to + 1..]
        .iter()
        .find(|t| !t.part)
        .is_none_or(|t| t.place.segment != tokens[x_to].place.segment);
    (like && plain && set_off && ends).then_some(a_to)
}

/// "A, which X does": a relative clause right after A whose subject is X, so A is its
/// object ("two code points, which len counts", "the packets that a router forwards"):
/// *which*, *that* or *whom*, at most a determiner, X, then the clause's verb, in the
/// third person or the past (*-s*, *-ed*) or after a modal or *do* (at most one adverb
/// before it: "which the GC then frees", "which the GC can reclaim"). No form of *be*
/// ("which the router is unaware of") and no negation ("which the GC never touches").
fn object_relative(tokens: &[Token], a_to: usize, x_from: usize, x_to: usize) -> Option<usize> {
    let after = between(tokens, a_to, x_from);
    let (&rel, rest) = after.split_first()?;
    let det = |i: usize| matches!(&*tokens[i].norm, "the" | "a" | "an" | "its" | "their");
    let opens = matches!(&*tokens[rel].norm, "which" | "that" | "whom")
        && match rest {
            [] => true,
            [d] => det(*d),
            _ => false,
        }
        && tokens[rel].place.segment == tokens[x_from].place.segment;
    if !opens {
        return None;
    }
    let segment = tokens[x_to].place.segment;
    let mut next = (x_to + 1..tokens.len())
        .filter(|&i| !tokens[i].part)
        .take_while(|&i| tokens[i].place.segment == segment)
        .map(|i| &tokens[i])
        .peekable();
    if next.peek().is_some_and(|t| adverb(t) && !t.negation) {
        next.next();
    }
    let verb = next.next()?;
    let modal = auxiliary(verb) && !be_form(verb);
    let verb = if modal { next.next()? } else { verb };
    let finite = modal
        || verb.norm.ends_with("ed")
        || (verb.norm.ends_with('s') && !verb.norm.ends_with("ss"));
    let plain = verb.class == Class::Word && !verb.stop && !verb.negation && !auxiliary(verb);
    (finite && plain).then_some(rel)
}

/// "A is what X does": a form of *be* at most seven words after A (the first after it,
/// so A's noun may keep a modifier of its own: "304 Not Modified with an empty body is
/// what the server sends"), then *what* (or "exactly what"), and X within three words
/// with no auxiliary between.
fn cleft(tokens: &[Token], a_to: usize, x_from: usize) -> Option<usize> {
    let after = between(tokens, a_to, x_from);
    for (k, &i) in after.iter().enumerate().take(8) {
        if !be_form(&tokens[i]) {
            continue;
        }
        let mut w = k + 1;
        if after
            .get(w)
            .is_some_and(|&j| matches!(&*tokens[j].norm, "exactly" | "precisely" | "just"))
        {
            w += 1;
        }
        let &what = after.get(w)?;
        if !is(tokens, what, "what") {
            return None;
        }
        let rest = &after[w + 1..];
        let clear = rest.len() <= 3 && !rest.iter().any(|&j| be_form(&tokens[j]));
        return clear.then_some(what);
    }
    None
}

/// "What does A is X": *what* at most two words before A ("what loads faster"), or
/// opening A's clause at most seven words before it, as may "the ... that" ("what a
/// process can catch and handle", "the signal that a process can catch"); then a form
/// of *be* at most four words after A and X within three words of it, in its clause,
/// with no *by* or negation between.
fn what_subject(tokens: &[Token], a_from: usize, a_to: usize, x_from: usize) -> Option<usize> {
    let segment = tokens[a_from].place.segment;
    if tokens[x_from].place.segment != segment {
        return None;
    }
    let before: Vec<usize> = (0..a_from)
        .rev()
        .filter(|&i| !tokens[i].part)
        .take(8)
        .take_while(|&i| tokens[i].place.segment == segment)
        .collect();
    let near = before.iter().take(3).any(|&i| is(tokens, i, "what"));
    // The clause's first words, when it opens within reach.
    let starts = before.len() <= 7
        && before
            .last()
            .is_none_or(|&i| i == 0 || tokens[i - 1].place.segment != segment);
    let opening: Vec<usize> = if starts {
        before.iter().rev().take(4).copied().collect()
    } else {
        Vec::new()
    };
    let opens = opening.first().is_some_and(|&i| is(tokens, i, "what"))
        || (opening.first().is_some_and(|&i| is(tokens, i, "the"))
            && opening[1..]
                .iter()
                .any(|&i| matches!(&*tokens[i].norm, "that" | "which" | "who")));
    if !(near || opens) {
        return None;
    }
    let after = between(tokens, a_to, x_from);
    let be = after.iter().take(5).position(|&i| be_form(&tokens[i]))?;
    let rest = &after[be + 1..];
    let clear = rest.len() <= 3
        && !rest
            .iter()
            .any(|&j| be_form(&tokens[j]) || is(tokens, j, "by"))
        && !after.iter().any(|&j| tokens[j].negation);
    clear.then_some(after[be])
}

/// "A is done via X": a preposition of means, agent or place (*with*, *via*,
/// *through*, *using*, *by*, *in*, *at*, *on*, *under*, *inside*, *within*; *to*, *of*
/// or *from* after a word that makes them one: "up to", "left to", "due to", "the job
/// of", "comes from") at most four words after A (six for "the job of", which spends
/// three itself: "promoting a replica is the job of the Sentinels"), after A's
/// predicate (a form of *be*
/// or a verb of happening), and X at most two words after it, in one clause, with no
/// negation or *than* between: "catching is possible only with SIGTERM", "routing by
/// path happens in the layer 7 balancer", "dirty reads
/// happen under READ UNCOMMITTED". Before *through* or *via*, a verb of passing is a
/// predicate too: "replication goes through the leader". *For* after *possible*,
/// *allowed*, *permitted*, *available* or *supported* says what may be done to X:
/// "changing the count is possible only for the replicas". A form of *be* inside A
/// (a comparative after its noun, "writes are cheaper on an LSM tree") is its
/// predicate, and so is A in the passive ("the data is encrypted locally with the data
/// key"); adverbs before X ("with a freshly generated data key") are not among its two
/// words.
fn means(tokens: &[Token], a_from: usize, a_to: usize, x_from: usize) -> Option<usize> {
    let segment = tokens[a_to].place.segment;
    if tokens[x_from].place.segment != segment {
        return None;
    }
    let after = between(tokens, a_to, x_from);
    if after.len() > 9
        || after
            .iter()
            .any(|&i| tokens[i].negation || comparing(tokens, i))
    {
        return None;
    }
    let p = after.iter().rposition(|&i| {
        let before = (0..i)
            .rev()
            .find(|&j| !tokens[j].part)
            .map(|j| &*tokens[j].norm);
        match &*tokens[i].norm {
            "with" | "via" | "through" | "using" | "by" | "in" | "at" | "on" | "under"
            | "inside" | "within" => true,
            "to" => matches!(
                before,
                Some("up" | "left" | "due" | "thanks" | "owing" | "belongs" | "belong")
            ),
            "of" => before.is_some_and(role_noun),
            "from" => matches!(
                before,
                Some("comes" | "come" | "came" | "results" | "result" | "resulted" | "stems")
            ),
            // "changing it is possible only for the replicas": what may be done to X.
            "for" => (0..i)
                .rev()
                .filter(|&j| !tokens[j].part)
                .find(|&j| !matches!(&*tokens[j].norm, "only" | "just" | "also" | "even"))
                .is_some_and(|j| {
                    matches!(
                        &*tokens[j].norm,
                        "possible" | "allowed" | "permitted" | "available" | "supported"
                    )
                }),
            _ => false,
        }
    })?;
    // "A is identified by X": X is A's key, not the means of a deed of A's.
    if is(tokens, after[p], "by") && known_by(tokens, a_to, &after[..p]) {
        return None;
    }
    let object = &after[p + 1..];
    // A's predicate: a form of *be* ("is done with", "are possible only with") or a verb
    // of happening ("happens in"); not a noun's place ("the settings in X").
    // A verb of passing ("all writes go through the primary") before a preposition of
    // the way only.
    let way = matches!(&*tokens[after[p]].norm, "through" | "via");
    // A in the passive is its own predicate ("the data is encrypted locally with the
    // data key").
    let predicate = passive(tokens, a_to)
        || after[..p].iter().any(|&i| {
            (way && passing(&tokens[i]))
                || be_form(&tokens[i])
                || matches!(
                    &*tokens[i].norm,
                    "happens"
                        | "happen"
                        | "happened"
                        | "occurs"
                        | "occur"
                        | "occurred"
                        | "comes"
                        | "come"
                        | "came"
                        | "results"
                        | "result"
                        | "resulted"
                        | "stems"
                        | "lives"
                        | "live"
                        | "works"
                        | "work"
                        | "place"
                )
        })
        || between(tokens, a_from, a_to)
            .iter()
            .any(|&i| be_form(&tokens[i]));
    // "the job of" spends three words of its own: A's object may come before it
    // ("promoting a replica is the job of the Sentinels").
    let reach = if is(tokens, after[p], "of") { 6 } else { 4 };
    // Adverbs in X's phrase do not count ("a freshly generated data key").
    let words = object.iter().filter(|&&i| !adverb(&tokens[i])).count();
    (predicate && p <= reach && words <= 2 && !object.iter().any(|&i| auxiliary(&tokens[i])))
        .then_some(after[p])
}

/// A verb of passing along a way: *go*, *flow*, *pass*, *travel*, *run*, *route* and
/// their forms ("replication goes through the leader").
fn passing(token: &Token) -> bool {
    matches!(
        &*token.norm,
        "go" | "goes"
            | "went"
            | "gone"
            | "going"
            | "flow"
            | "flows"
            | "flowed"
            | "pass"
            | "passes"
            | "passed"
            | "travel"
            | "travels"
            | "travelled"
            | "traveled"
            | "run"
            | "runs"
            | "ran"
            | "routed"
    )
}

/// "A is X's job": a form of *be* at most four words after A, X after it (with at most
/// an article between) and a noun of a role right after X ("restarting is the
/// livenessProbe's job"), or X after an article ending the clause ("restarting is the
/// livenessProbe's", where the noun is left unsaid, or "restarting is the
/// livenessProbe", which says the same as "the livenessProbe is what restarts"; not
/// "the data is lost when the container is removed"), in one clause, with no negation
/// between.
fn owned(tokens: &[Token], a_to: usize, x_from: usize, x_to: usize) -> Option<usize> {
    let segment = tokens[a_to].place.segment;
    let after = between(tokens, a_to, x_from);
    let be = after.iter().take(5).position(|&i| be_form(&tokens[i]))?;
    let article = &after[be + 1..];
    // The role noun, or nothing when X ends its clause: "A is X's" leaves the noun
    // unsaid ("tracking the instances is the release's").
    // unsaid after an article ("tracking the instances is the release's").
    let role = (x_to + 1..tokens.len())
        .find(|&i| !tokens[i].part)
        .filter(|&i| tokens[i].place.segment == segment);
    let clear = article.len() <= 1
        && article.iter().all(|&i| tokens[i].stop)
        && !after.iter().any(|&i| tokens[i].negation)
        && tokens[x_from].place.segment == segment
        && match role {
            Some(role) => role_noun(&tokens[role].norm),
            None => article
                .first()
                .is_some_and(|&i| matches!(&*tokens[i].norm, "the" | "a" | "an")),
        };
    clear.then_some(after[be])
}

/// "A: X": A in a label and X at most two words after its `:` ("caught and handled:
/// SIGTERM only").
fn labelled(tokens: &[Token], a_to: usize, x_from: usize) -> Option<usize> {
    let (a, x) = (&tokens[a_to].place, &tokens[x_from].place);
    let after = between(tokens, a_to, x_from);
    let clear = a.sentence == x.sentence
        && !a.labelled
        && x.labelled
        && after.len() <= 2
        && !after.iter().any(|&i| tokens[i].negation);
    clear.then_some(a_to)
}

/// "A for X, B for Y": a list that pairs each value with its case by one preposition
/// said again (*for*, *in*, *on*, *with*, *under*). A, then at most two words of its own
/// (its noun, a phrase after it) besides a passive predicate ("3f+1 replicas are needed
/// for"), the preposition, and X at most two words after it, in one segment, with no
/// negation, *than* or auxiliary before X; and the same preposition again in the sentence,
/// across a comma or a coordinator, with one of the question's other things (a rival) at
/// most two words after it: "bump major for a breaking change, minor for a feature",
/// "matched by the four-tuple in TCP and by a connection ID in QUIC". Each item's A is
/// its own X's, so the list turned round ("a connection ID in TCP") gives A to the other
/// thing; a preposition said again of something else ("breaks on a v2 host, the default
/// on new distros") makes no list.
fn listed(
    tokens: &[Token],
    a_to: usize,
    x_from: usize,
    rivals: &[(usize, usize)],
) -> Option<usize> {
    let segment = tokens[a_to].place.segment;
    if rivals.is_empty() || tokens[x_from].place.segment != segment {
        return None;
    }
    let after = between(tokens, a_to, x_from);
    let case = |i: usize| matches!(&*tokens[i].norm, "for" | "in" | "on" | "with" | "under");
    let p = after.iter().rposition(|&i| case(i))?;
    let (own, object) = (&after[..p], &after[p + 1..]);
    let words = own
        .iter()
        .filter(|&&i| !be_form(&tokens[i]) && !participle(&tokens[i]) && !adverb(&tokens[i]))
        .count();
    let clear = words <= 2
        && object.len() <= 2
        && !object.iter().any(|&i| auxiliary(&tokens[i]))
        && !after
            .iter()
            .any(|&i| tokens[i].negation || comparing(tokens, i));
    if !clear {
        return None;
    }
    let at = after[p];
    // The preposition again, a rival at most two words after it, apart from A's item.
    let again = |&(s, _): &(usize, usize)| {
        let before = segment_before(tokens, s);
        let Some(&q) = before
            .iter()
            .take(3)
            .find(|&&q| tokens[q].norm == tokens[at].norm)
        else {
            return false;
        };
        let (from, to) = (q.min(at), q.max(at));
        q != at
            && tokens[q].place.sentence == tokens[at].place.sentence
            && (tokens[from].place.segment != tokens[to].place.segment
                || between(tokens, from, to)
                    .iter()
                    .any(|&j| coordinator(&tokens[j])))
    };
    rivals.iter().any(again).then_some(at)
}

/// A noun that names whose a task is ("the job of X", "X's responsibility").
fn role_noun(word: &str) -> bool {
    matches!(
        word,
        "job" | "role" | "responsibility" | "task" | "duty" | "work" | "function" | "purpose"
    )
}

/// "X, which does A": X ends its clause (at most one word after it) and A is in the
/// relative clause right after it, which opens with *which*, *who*, *whose* or *where*
/// (or "in which"): what the relative clause says, it says of X ("clients go through the
/// Service, which has a stable virtual IP"; "the server, which then serves it").
fn relative(x: &Occurrence, a: &Occurrence, tokens: &[Token]) -> bool {
    let Some((x_to, a_from)) = clauses_apart(x, a, tokens, 1) else {
        return false;
    };
    let from = &tokens[x_to].place;
    let mut words = (x_to + 1..a_from).filter(|&i| !tokens[i].part);
    let own = words
        .by_ref()
        .take_while(|&i| tokens[i].place.segment == from.segment)
        .count();
    // (`take_while` took the clause's first word.)
    let first = (x_to + 1..a_from)
        .filter(|&i| !tokens[i].part)
        .nth(own)
        .map(|i| &*tokens[i].norm);
    let second = words.next().map(|i| &*tokens[i].norm);
    let opens = matches!(
        (first, second),
        (Some("which" | "who" | "whose" | "where"), _)
            | (Some("in" | "on" | "with" | "for" | "by"), Some("which"))
    );
    // Only a description of X ("which is", "which has") when X counts: a clause that does
    // something may have a subject of its own ("which Docker removes"). A that opens the
    // relative clause, right after its pronoun or past adverbs only, has the pronoun for
    // its subject and so X ("the server, which then serves it over HTTPS").
    let describes = !x.counts
        || matches!(second, Some("is" | "are" | "was" | "were" | "has" | "have"))
        || (matches!(first, Some("which" | "who"))
            && (x_to + 1..a_from)
                .filter(|&i| !tokens[i].part)
                .skip(own + 1)
                .all(|i| adverb(&tokens[i])));
    own <= 1 && opens && describes
}

/// "X, a Y, ...": X ends its clause (at most one word after it) and the stretch of the
/// sentence right after it renames X, a noun phrase of at most six words (the pieces of
/// a hyphenated word each count) opened by *a* or *an*, with no negation, *and* or *or*
/// in it and nothing that may be its verb (an auxiliary, a word in *-s* or *-ed* before
/// its last, but *its*, *his* or *this*: "..., a fix bumps PATCH" is a clause); what it
/// says, it says of X ("that is weather, a short-term state, and climate is the
/// average"). Not when a list goes on after it (*and* or *or* then *a* or *an*, or
/// another *a*: "a namespace for the container, a veth pair, and a private IP"), nor
/// after a phrase that opens the sentence with a preposition or a conjunction ("after a
/// restart, a new container starts"): the stretch after that comma is the clause's own
/// subject.
fn appositive(x: &Occurrence, a: &Occurrence, tokens: &[Token]) -> bool {
    let Some((x_to, _)) = clauses_apart(x, a, tokens, 1) else {
        return false;
    };
    let place = &tokens[x_to].place;
    let words = |from: usize, to: usize| (from..to).filter(|&i| !tokens[i].part);
    let in_sentence = |&i: &usize| tokens[i].place.sentence == place.sentence;
    let own = words(x_to + 1, tokens.len())
        .take_while(|i| in_sentence(i) && tokens[*i].place.segment == place.segment)
        .take(2)
        .count();
    // The cheap test first: the next stretch opens with *a* or *an*.
    let opener = words(x_to + 1, tokens.len()).nth(own);
    if own > 1 || !opener.is_some_and(|i| matches!(&*tokens[i].norm, "a" | "an")) {
        return false;
    }
    let phrase: Vec<usize> = words(x_to + 1, tokens.len())
        .skip(own)
        .take_while(|i| in_sentence(i) && tokens[*i].place.segment == place.segment + 1)
        .take(7)
        .collect();
    let next: Vec<&str> = words(phrase.last().map_or(x_to, |&i| i + 1), tokens.len())
        .take_while(in_sentence)
        .take(2)
        .map(|i| &*tokens[i].norm)
        .collect();
    let opens = words(0, x_to)
        .rev()
        .take_while(|i| in_sentence(i) && tokens[*i].place.segment == place.segment)
        .last()
        .map(|i| &*tokens[i].norm);
    // Its head, the last word, may be a plural ("a store for local variables").
    let verb = |&i: &usize| {
        let w = &*tokens[i].norm;
        let possessive = matches!(w, "its" | "his" | "this");
        w.ends_with("ed")
            || (w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") && !possessive)
    };
    let renames = phrase.len() <= 6
        && phrase
            .first()
            .is_some_and(|&i| matches!(&*tokens[i].norm, "a" | "an"))
        && !phrase[1..].iter().any(|&i| {
            let t = &tokens[i];
            t.negation || auxiliary(t) || matches!(&*t.norm, "and" | "or")
        })
        && !phrase
            .iter()
            .skip(1)
            .take(phrase.len().saturating_sub(2))
            .any(verb);
    let list = match next.as_slice() {
        ["a" | "an", ..] => true,
        ["and" | "or", then, ..] => matches!(*then, "a" | "an"),
        _ => false,
    };
    let fronted = opens.is_some_and(|w| {
        matches!(
            w,
            "after"
                | "before"
                | "with"
                | "without"
                | "when"
                | "if"
                | "once"
                | "since"
                | "in"
                | "on"
                | "at"
                | "for"
                | "by"
                | "under"
                | "during"
                | "unlike"
                | "like"
                | "because"
                | "although"
                | "while"
                | "until"
                | "as"
                | "from"
        )
    });
    own <= 1 && renames && !list && !fronted
}

/// Whether `o` does not count only because an *unlike* sets it against something else
/// ("unlike --memory, where ...").
fn contrasted(o: &Occurrence, tokens: &[Token]) -> bool {
    !o.counts && o.tokens.len() > 1 && is(tokens, o.tokens[0], "unlike")
}

/// Whether A is a phrase that opens with a participle whose match passes over the *by*
/// right after it, a *by* its keyword lacks: "(the token is) signed by the issuer key"
/// is the passive, not `signs the issuer key`, whatever comes before it.
fn by_passed(tokens: &[Token], a: &Occurrence) -> bool {
    let next = (a.head + 1..tokens.len()).find(|&i| !tokens[i].part);
    a.tokens.len() > 1
        && participle(&tokens[a.head])
        && next.is_some_and(|i| is(tokens, i, "by") && !a.tokens.contains(&i))
}

/// X as the subject of a passive with its own agent: at most three words between X and
/// A, one a form of *be*, A a participle (or an *-able* word: "a subclass is
/// replaceable by the base"), and a *by* within the four words after it. Or
/// a pronoun as that subject, opening A's clause after X's: "the intermediate signed the
/// leaf; it is in turn signed by the root" signs nothing by the leaf, whatever *it* is.
fn passive_subject(tokens: &[Token], x_to: usize, a_from: usize, a_to: usize) -> bool {
    let gap = between(tokens, x_to, a_from);
    let subject = if gap.len() <= 3 {
        gap.iter().any(|&i| be_form(&tokens[i]))
    } else {
        pronoun_subject(tokens, x_to, a_from)
    };
    let put = gap.len() <= 4 && put_into(tokens, a_from);
    if !((subject && (participle(&tokens[a_to]) || able_after_be(tokens, a_to))) || put) {
        return false;
    }
    let segment = tokens[a_to].place.segment;
    (a_to + 1..tokens.len())
        .filter(|&i| !tokens[i].part)
        .take(4)
        .take_while(|&i| tokens[i].place.segment == segment && !be_form(&tokens[i]))
        .any(|i| is(tokens, i, "by") && !manner(tokens, i))
}

/// A as the subject of a passive with an agent of its own, X in a clause before A's:
/// after A at most one more word of its phrase, a form of *be*, a verb in the passive
/// and a *by* at most four words after it, in A's segment, its agent no pronoun (which
/// may stand for X). "X ..., and the Time Exceeded message is sent to each router by
/// the destination" gives the message to the destination, not to X.
fn agent_of_its_own(tokens: &[Token], x_to: usize, a_from: usize, a_to: usize) -> bool {
    if tokens[x_to].place.clause == tokens[a_from].place.clause {
        return false;
    }
    let segment = tokens[a_to].place.segment;
    let after: Vec<usize> = (a_to + 1..tokens.len())
        .filter(|&i| !tokens[i].part)
        .take_while(|&i| tokens[i].place.segment == segment)
        .take(10)
        .collect();
    let Some(be) = after.iter().take(2).position(|&i| be_form(&tokens[i])) else {
        return false;
    };
    let Some(v) = after[be + 1..]
        .iter()
        .take(3)
        .position(|&i| passive(tokens, i))
        .map(|v| v + be + 1)
    else {
        return false;
    };
    let Some(by) = after[v + 1..]
        .iter()
        .take(4)
        .position(|&i| is(tokens, i, "by") && !manner(tokens, i))
        .map(|b| b + v + 1)
    else {
        return false;
    };
    let agent = after[by + 1..]
        .iter()
        .find(|&&i| !determiner(&tokens[i]))
        .map(|&i| &*tokens[i].norm);
    agent.is_some_and(|w| {
        !matches!(
            w,
            "it" | "they" | "them" | "this" | "that" | "these" | "those" | "which" | "itself"
        )
    }) && !after[v + 1..by].iter().any(|&i| be_form(&tokens[i]))
}

/// A as the agent of a passive whose subject is X: a verb in the passive at most four
/// words after X, then *by*, and A at most two function words after it, in one segment
/// ("L(a) < L(b) is implied by a happening before b" is what happening before implies,
/// not what the smaller timestamp does). A passive of identity is not one: "a TCP
/// connection is identified by its four-tuple" names what X is known by, as the
/// active "TCP identifies a connection by its four-tuple" does (see [`identity`]).
fn agent_after(tokens: &[Token], x_to: usize, a_from: usize) -> bool {
    let gap = between(tokens, x_to, a_from);
    let Some(b) = gap.iter().position(|&i| is(tokens, i, "by")) else {
        return false;
    };
    b <= 4
        && tokens[x_to].place.segment == tokens[a_from].place.segment
        && gap[..b].iter().any(|&v| passive(tokens, v))
        && !gap[..b]
            .iter()
            .any(|&v| passive(tokens, v) && identity(&tokens[v]))
        && gap[b + 1..].len() <= 2
        && gap[b + 1..].iter().all(|&i| tokens[i].stop)
}

/// A participle of naming or identifying (*identified*, *named*, *keyed*, *known*,
/// *addressed*, *indexed*, *labelled*, *distinguished*, *recognised*): its *by* gives
/// the name or key the subject is known by, not an agent that does something to it.
fn identity(token: &Token) -> bool {
    matches!(
        &*token.norm,
        "identified"
            | "named"
            | "keyed"
            | "known"
            | "addressed"
            | "indexed"
            | "labelled"
            | "labeled"
            | "distinguished"
            | "recognised"
            | "recognized"
    )
}

/// Whether A, ending at `a_to` and no passive itself, is the subject of a passive of
/// identity among the words `before_by` between it and a *by* ("the four-tuple is
/// identified by TCP"): what follows the *by* is A's name or key, neither an agent of A
/// nor a means of it.
fn known_by(tokens: &[Token], a_to: usize, before_by: &[usize]) -> bool {
    !passive(tokens, a_to)
        && before_by
            .iter()
            .any(|&v| identity(&tokens[v]) && after_be(tokens, v))
}

/// The first token of the clause of token `at` (`at` itself when it opens it).
fn clause_opening(tokens: &[Token], at: usize) -> usize {
    let clause = tokens[at].place.clause;
    (0..at)
        .rev()
        .take_while(|&i| tokens[i].place.clause == clause)
        .last()
        .unwrap_or(at)
}

/// Whether the *it* or *they* that opens A's clause stands for the subject of the clause
/// just before, the clause of the term at `at`, and not for that term: the term comes
/// after the subject's phrase (it is an object or a complement: "the kubelet runs the
/// readiness probe"), and the pronoun, first in its clause but for *and*, *so*,
/// *then*, *but*, *because* or *since*, agrees in number with the subject's first
/// word (*it* with a singular, *they* with a plural, as `token::looks_plural` reads
/// it). The tokenizer carried that clause into A's segment for the
/// subject's sake; "The kubelet runs the readiness probe. It restarts the container"
/// says nothing of the probe restarting it, and "..., and they restart it" after a
/// singular subject may well be the probes'.
fn carried_past(tokens: &[Token], at: usize, a_from: usize) -> bool {
    let (clause, own) = (tokens[a_from].place.clause, tokens[at].place.clause);
    if clause == own {
        return false;
    }
    let open = clause_opening(tokens, a_from);
    if open == 0 || tokens[open - 1].place.clause != own {
        return false;
    }
    let pronoun = (open..a_from).filter(|&i| !tokens[i].part).find(|&i| {
        !matches!(
            &*tokens[i].norm,
            "so" | "and" | "then" | "but" | "because" | "since"
        )
    });
    let Some(p) = pronoun else {
        return false;
    };
    let plural = match &*tokens[p].norm {
        "it" => false,
        "they" => true,
        _ => return false,
    };
    // A is the pronoun's predicate: at most three function words or adverbs between
    // ("it then presents"), not a thing named later in its clause.
    let lead: Vec<usize> = (p + 1..a_from).filter(|&i| !tokens[i].part).collect();
    if lead.len() > 3 || !lead.iter().all(|&i| tokens[i].stop || adverb(&tokens[i])) {
        return false;
    }
    let start = clause_opening(tokens, at);
    let words: Vec<usize> = (start..at).filter(|&i| !tokens[i].part).collect();
    // The clause opens with its subject, a determiner first (past *only*, *just*,
    // *even*): not with a verb ("Take an explicit deny: it overrides ...", "run the
    // container ... so it gets ..."), a condition ("Once failures pass ...") or a bare
    // noun, which an imperative's verb looks the same as. The subject's phrase runs
    // from the determiner's next word to the next function word or negation, and the
    // term stands after it, with a word between and no *and*, *or* or *but* that may
    // bring a subject of its own.
    let Some(det) = words
        .iter()
        .position(|&i| !matches!(&*tokens[i].norm, "only" | "just" | "even"))
    else {
        return false;
    };
    if !matches!(
        &*tokens[words[det]].norm,
        "the" | "a" | "an" | "each" | "every"
    ) || words
        .iter()
        .any(|&i| matches!(&*tokens[i].norm, "and" | "or" | "but"))
    {
        return false;
    }
    let first = det + 1;
    let phrase: Vec<&str> = words[first..]
        .iter()
        .take_while(|&&i| !tokens[i].stop && !tokens[i].negation)
        .map(|&i| &*tokens[i].norm)
        .collect();
    if first + phrase.len() >= words.len() {
        return false;
    }
    // A second word in *-s* after a singular is as likely the verb ("the kubelet runs
    // the probes, and they ..."): *they* needs the first word plural.
    phrase.first().is_some_and(|w| looks_plural(w) == plural)
}

/// Whether the clause of `a_from` opens after `x_to`'s clause with a pronoun and has a form of
/// *be* before `a_from`, at most five words in all: "; it is in turn | signed".
fn pronoun_subject(tokens: &[Token], x_to: usize, a_from: usize) -> bool {
    let place = tokens[a_from].place;
    let lead: Vec<usize> = (x_to + 1..a_from)
        .rev()
        .filter(|&i| !tokens[i].part)
        .take_while(|&i| tokens[i].place.clause == place.clause)
        .collect();
    // Clauses, not segments: a clause that opens with a pronoun joins the segment
    // before it.
    let apart = tokens[x_to].place.clause != place.clause;
    apart
        && lead.len() <= 5
        && lead.last().is_some_and(|&i| {
            matches!(&*tokens[i].norm, "it" | "they" | "this" | "these" | "which")
        })
        && lead.iter().any(|&i| be_form(&tokens[i]))
}

/// Whether what starts at `later` is the standard of a comparison that ends at
/// `earlier`: a *than* at most three words after it, and `later` at most three words
/// after the *than* in its clause, with no auxiliary between ("slower to load than the
/// RDB file"; in "longer pauses than G1 but higher throughput" *higher* is no standard).
fn compared(tokens: &[Token], earlier: usize, later: usize) -> bool {
    let gap = between(tokens, earlier, later);
    let Some(t) = gap.iter().take(4).position(|&i| comparing(tokens, i)) else {
        return false;
    };
    let rest = &gap[t + 1..];
    rest.len() <= 3
        && tokens[gap[t]].place.segment == tokens[later].place.segment
        && !gap[..t].iter().any(|&i| be_form(&tokens[i]))
        && !rest.iter().any(|&i| be_form(&tokens[i]))
}

/// Whether a thing at `x_from` qualifies the word at `head` before it, in one clause: a
/// preposition of place or part right after the head, and at most a determiner between
/// it and the thing ("agent on each box", "the process in the container").
fn qualifies(tokens: &[Token], head: usize, x_from: usize) -> bool {
    let gap = between(tokens, head, x_from);
    let Some((&preposition, rest)) = gap.split_first() else {
        return false;
    };
    tokens[head].place.segment == tokens[x_from].place.segment
        && matches!(
            &*tokens[preposition].norm,
            "on" | "in" | "at" | "of" | "inside" | "within" | "under" | "across"
        )
        && rest.len() <= 1
        && rest.iter().all(|&i| determiner(&tokens[i]))
}

/// A word that opens a noun phrase: an article, *each*, *every*, *all*, *its*, *their*,
/// *this*, *that*.
fn determiner(token: &Token) -> bool {
    matches!(
        &*token.norm,
        "the" | "a" | "an" | "each" | "every" | "all" | "its" | "their" | "this" | "that"
    )
}

/// Whether the word at `i` is the *than* of a comparison (not of "rather than").
fn comparing(tokens: &[Token], i: usize) -> bool {
    is(tokens, i, "than")
        && !(0..i)
            .rev()
            .find(|&j| !tokens[j].part)
            .is_some_and(|j| matches!(&*tokens[j].norm, "rather" | "other"))
}

/// Whether the thing at `from` is only compared with or likened to ("stricter than
/// READ UNCOMMITTED", "like READ COMMITTED"): no rival.
fn likened(tokens: &[Token], from: usize) -> bool {
    (0..from)
        .rev()
        .filter(|&j| !tokens[j].part)
        .take(2)
        .any(|j| matches!(&*tokens[j].norm, "than" | "like" | "as" | "over"))
}

/// Whether `o` does not count only because a preference's cue governs it ("rather
/// than", "instead of") with a word of its own between ("rather than AOF loads faster").
fn preference(o: &Occurrence, tokens: &[Token]) -> bool {
    let Some(&cue) = o.tokens.first() else {
        return false;
    };
    matches!(&*tokens[cue].norm, "rather" | "instead")
        && between(tokens, cue + 1, o.head)
            .iter()
            .any(|&i| !tokens[i].stop && !tokens[i].negation)
}

/// When `o` is denied by *not* or *never* and the next clause only gives it to another
/// subject with a form of *do* ("prune doesn't revert edits, selfHeal does that";
/// "readers never block, writers do"), or with the auxiliary the denial was made with
/// ("users can't remove it, the owner can"; "the replica isn't authoritative, the
/// primary still is"): that clause's subject, as the token it starts at and the
/// auxiliary. The clause may open with *but* and end with *that*, *so*, *it*, *this*
/// or *too*, and *still* may come before the auxiliary; its subject is at most three
/// words after a determiner. It may follow a `;` ("a follower won't accept writes; the
/// leader will"), not a full stop. A relative clause right after the denied one, "can't
/// remove files that aren't theirs, the owner can", is passed by.
fn echoed(o: &Occurrence, tokens: &[Token]) -> Option<(usize, usize)> {
    let &cue = o.tokens.first()?;
    if !matches!(&*tokens[cue].norm, "not" | "never" | "cannot") {
        return None;
    }
    // The auxiliary the denial was made with ("can" of "can't"), if any.
    let denied_with = if &*tokens[cue].norm == "cannot" {
        Some("can")
    } else {
        (0..cue)
            .rev()
            .find(|&i| !tokens[i].part)
            .filter(|&i| tokens[i].place.clause == tokens[cue].place.clause)
            .map(|i| echo_family(&tokens[i].norm))
            .filter(|f| !f.is_empty())
    };
    let clause = tokens[o.head].place.clause;
    let mut from = (o.head..tokens.len()).find(|&i| tokens[i].place.clause != clause)?;
    if denied_with.is_some() && matches!(&*tokens[from].norm, "that" | "which" | "who") {
        let relative = tokens[from].place.clause;
        from = (from..tokens.len()).find(|&i| tokens[i].place.clause != relative)?;
    }
    let next = tokens[from].place.clause;
    let words: Vec<usize> = (from..tokens.len())
        .take_while(|&i| tokens[i].place.clause == next)
        .filter(|&i| !tokens[i].part)
        .collect();
    let start = usize::from(words.first().is_some_and(|&i| is(tokens, i, "but")));
    let does = words.iter().position(|&i| {
        let norm = &*tokens[i].norm;
        matches!(norm, "does" | "do" | "did")
            || denied_with.is_some_and(|f| !f.is_empty() && f == echo_family(norm))
    })?;
    let tail = &words[does + 1..];
    // *still* before the auxiliary, and a determiner opening the subject, are not
    // counted in it.
    let before = usize::from(does > start && is(tokens, words[does - 1], "still"));
    let article = usize::from(
        does > start + before && crate::lang::is_determiner(&tokens[words[start]].norm),
    );
    let subject = does.checked_sub(start + before + article)?;
    let ends = match tail {
        [] => true,
        [w] => matches!(&*tokens[*w].norm, "that" | "so" | "it" | "this" | "too"),
        _ => false,
    };
    let (here, there) = (tokens[cue].place, tokens[from].place);
    let near = here.sentence == there.sentence
        || (there.sentence == here.sentence + 1 && there.after_semicolon);
    ((1..=3).contains(&subject) && ends && near).then(|| (words[start], words[does]))
}

/// The auxiliaries an echo may repeat a denial with ("can't ... can", "isn't ... is",
/// "aren't ... is"): a form of *be*, of *have*, or one modal; "" for other words.
fn echo_family(word: &str) -> &'static str {
    match word {
        "is" | "are" | "am" => "be",
        "was" | "were" => "was",
        "has" | "have" | "had" => "have",
        "can" => "can",
        "could" => "could",
        "will" => "will",
        "would" => "would",
        "should" => "should",
        "must" => "must",
        _ => "",
    }
}

/// Whether the preference that governs `a` comes right after `x` (at most one word
/// between): "X rather than Y does A".
fn preferred(x: &Occurrence, a: &Occurrence, tokens: &[Token]) -> bool {
    let cue = a.tokens[0];
    let x_to = last(x);
    x_to < cue && between(tokens, x_to, cue).len() <= 1
}

#[cfg(test)]
mod tests {
    use crate::bank::{Concept, Kind, Misconception, Question, Relation, Rubric, Within};
    use crate::grade::{Grade, Grader, explain, tests::bank};

    /// A relation concept of `terms`, in one clause.
    fn relation(terms: &[&[&str]], ordered: bool) -> Concept {
        Concept {
            shown: None,
            relation: Some(Relation {
                terms: terms
                    .iter()
                    .map(|t| t.iter().map(|s| (*s).to_owned()).collect())
                    .collect(),
                within: Within::Clause,
                ordered,
            }),
            ..Concept::any(Vec::new())
        }
    }

    /// What each relation of `concepts` (with `misconceptions`) meets in `answer`, and
    /// the misconceptions it makes.
    fn met(
        model: &str,
        concepts: Vec<Concept>,
        misconceptions: Vec<Concept>,
        answer: &str,
    ) -> (Vec<String>, Vec<String>) {
        let question = Question {
            model_answer: Some(model.to_owned()),
            rubric: Some(Rubric {
                concepts,
                forbidden: Vec::new(),
            }),
            misconceptions: misconceptions
                .into_iter()
                .map(|concept| Misconception {
                    concept,
                    feedback: "wrong".to_owned(),
                    cap: None,
                })
                .collect(),
            ..Question::new("q", Kind::ShortAnswer, "Which does what?")
        };
        let b = bank(vec![question]);
        let g: Grade = Grader::new(std::slice::from_ref(&b)).grade(&b, &b.questions[0], answer);
        let _ = explain(&g);
        (
            g.matched().into_iter().map(str::to_owned).collect(),
            g.misconceptions.iter().map(|m| m.concept.clone()).collect(),
        )
    }

    const PROBES: &str = "A failing livenessProbe makes the kubelet restart the container; \
        a failing readinessProbe takes the pod out of the endpoints.";

    fn probes(answer: &str) -> Vec<String> {
        let concepts = vec![
            relation(&[&["livenessProbe"], &["restart", "restarts"]], true),
            relation(&[&["readinessProbe"], &["endpoints", "traffic"]], true),
        ];
        met(PROBES, concepts, Vec::new(), answer).0
    }

    #[test]
    fn an_ordered_relation_holds_in_the_passive_and_in_clefts() {
        for right in [
            "The container is restarted by the kubelet when its livenessProbe fails.",
            "The container gets restarted by a failing livenessProbe.",
            "A restart is triggered by the livenessProbe.",
            "Restarting the container is what a failing livenessProbe causes.",
            "Restarting is exactly what the livenessProbe does.",
            "The container is restarted when its livenessProbe fails.",
            "The kubelet restarts the container whenever its livenessProbe fails.",
            "When the livenessProbe fails, the container gets restarted.",
            "A restart of the container is triggered by the livenessProbe.",
            "What restarts the container is a failing livenessProbe.",
            "It is the livenessProbe that restarts the container.",
        ] {
            assert!(
                probes(right).iter().any(|m| m == "livenessProbe → restart"),
                "{right}"
            );
        }
        for wrong in [
            "The container is restarted by a failing readinessProbe and the pod is removed by a failing livenessProbe.",
            "Restarting is what the readinessProbe does while the livenessProbe removes the pod.",
            "The livenessProbe is restarted by the kubelet.",
            "The pod is restarted when the readinessProbe fails and the livenessProbe is ignored.",
            "The restart of the kubelet happens, and the livenessProbe is checked.",
        ] {
            assert!(
                !probes(wrong).iter().any(|m| m == "livenessProbe → restart"),
                "{wrong}"
            );
        }
    }

    /// Round 30 (w39-negff): "Y is readable by X" is the passive of what X can do, as
    /// "Y is read by X" is of what X does: an *-able* (*-ible*) word after a form of *be*
    /// and right before a *by* gives A to the agent after it.
    #[test]
    fn an_able_word_before_by_gives_a_to_its_agent() {
        let replace = relation(&[&["subclass"], &["replace", "replaceable"]], true);
        let read = relation(&[&["group"], &["readable", "read"]], true);
        let concepts = || vec![replace.clone(), read.clone()];
        let model = "A subclass must be able to replace its base class; the log group can \
            read the file.";
        for (right, relation) in [
            (
                "The base class must be replaceable by any subclass.",
                "subclass → replace",
            ),
            (
                "A parent type should always be replaceable by a subclass of it.",
                "subclass → replace",
            ),
            ("The file is readable by the log group.", "group → readable"),
            (
                "The file is only readable by members of the log group.",
                "group → readable",
            ),
        ] {
            let found = met(model, concepts(), Vec::new(), right).0;
            assert!(found.iter().any(|m| m == relation), "{right}: {found:?}");
        }
        for (wrong, relation) in [
            // The agent is the other thing, or no *by* follows, or the subject is X.
            (
                "A subclass is replaceable by the base class.",
                "subclass → replace",
            ),
            ("The log group is readable by anyone.", "group → readable"),
            (
                "The base is replaceable, and the subclass is abstract.",
                "subclass → replace",
            ),
        ] {
            let found = met(model, concepts(), Vec::new(), wrong).0;
            assert!(!found.iter().any(|m| m == relation), "{wrong}: {found:?}");
        }
    }

    /// What ordered relations on a spanning tree, a closed port and a garbage collector
    /// meet in `answer`: the doer first in each.
    fn doers(answer: &str) -> Vec<String> {
        let concepts = vec![
            relation(&[&["stp"], &["blocking", "loops"]], true),
            relation(&[&["host"], &["reset"]], true),
            relation(&[&["collector"], &["quarantine", "garbage"]], true),
        ];
        let model = "STP puts the redundant ports into blocking and so prevents loops; the \
            host sends a reset; the collector frees the garbage.";
        met(model, concepts, Vec::new(), answer).0
    }

    #[test]
    fn an_it_cleft_and_a_passive_that_puts_into_give_a_to_the_doer() {
        for (right, relation) in [
            ("It is loops that STP prevents.", "stp → blocking"),
            (
                "It's the endless loops that STP prevents.",
                "stp → blocking",
            ),
            ("It is a reset that the host sends back.", "host → reset"),
            (
                "It was the garbage that the collector freed first.",
                "collector → quarantine",
            ),
            (
                "The redundant ports are put into blocking by STP.",
                "stp → blocking",
            ),
            (
                "The spare ports get put into blocking by STP after the election.",
                "stp → blocking",
            ),
            (
                "Stale objects are moved to the quarantine by the collector.",
                "collector → quarantine",
            ),
        ] {
            assert!(doers(right).iter().any(|m| m == relation), "{right}");
        }
        for (wrong, relation) in [
            ("It is STP that the loops prevent.", "stp → blocking"),
            ("It is the host that a reset is sent to.", "host → reset"),
            (
                "STP is put into blocking by the redundant ports.",
                "stp → blocking",
            ),
            (
                "The collector is moved to the quarantine by the scheduler.",
                "collector → quarantine",
            ),
            ("It is not a reset that the host sends.", "host → reset"),
            ("It is a reset that is sent to the host.", "host → reset"),
            (
                "Blocking is put on the ports, and the switch is told by STP.",
                "stp → blocking",
            ),
        ] {
            assert!(!doers(wrong).iter().any(|m| m == relation), "{wrong}");
        }
    }

    /// What two ordered relations on DNS records meet in `answer`.
    fn records(answer: &str) -> Vec<String> {
        let concepts = vec![
            relation(&[&["mx record", "mx"], &["mail server"]], true),
            relation(&[&["cname"], &["another name", "alias"]], true),
        ];
        let model =
            "An MX record names a domain's mail server; a CNAME points a name at another name.";
        met(model, concepts, Vec::new(), answer).0
    }

    #[test]
    fn an_ordered_relation_holds_through_means_roles_labels_and_pseudo_clefts() {
        for right in [
            "Finding the mail server is done with an MX record; pointing at another name is done via a CNAME.",
            "Mail server lookup happens through the MX record. Another name is the job of the CNAME.",
            "Naming the mail server is the MX record's job; another name is the CNAME's responsibility.",
            "Naming the mail server for a domain is the job of the MX record; giving a host another name is the job of a CNAME.",
            "Mail server: the MX record. Another name: a CNAME.",
            "What a domain uses as its mail server is the MX record; what points at another name is the CNAME.",
            "The record that holds the mail server is the MX record; the one that gives another name is a CNAME.",
            "The mail server comes from the MX record; another name is left to a CNAME.",
            "Mail server lookups go through the MX record; another name passes via a CNAME.",
        ] {
            assert_eq!(records(right).len(), 2, "{right}: {:?}", records(right));
        }
        for wrong in [
            "Finding the mail server is done with a CNAME; another name is the job of the MX record.",
            "Naming the mail server for a domain is the job of a CNAME; giving a host another name is the job of the MX record.",
            "What points at another name is the MX record; the mail server is the CNAME's job.",
            "Mail server: the CNAME. Another name: an MX record.",
            "The mail server is never given by an MX record; another name is not the CNAME's job.",
            "The record that holds the mail server is the CNAME; the one that gives another name is an MX record.",
            "Another name comes from the MX record, and the mail server from a CNAME.",
            "Mail server lookups go through a CNAME; another name passes via the MX record.",
            "The mail server goes to the CNAME, and another name to the MX record.",
        ] {
            assert!(records(wrong).is_empty(), "{wrong}: {:?}", records(wrong));
        }
        for right in [
            "Restarts are due to a failing livenessProbe.",
            "Taking the pod out of the endpoints is left to the readinessProbe.",
        ] {
            assert!(!probes(right).is_empty(), "{right}");
        }
        for wrong in [
            "The restart is left to the kubelet, not the livenessProbe.",
            "Restarting happens with the readinessProbe while the livenessProbe takes the pod out of the endpoints.",
        ] {
            assert!(
                !probes(wrong).iter().any(|m| m == "livenessProbe → restart"),
                "{wrong}"
            );
        }
    }

    /// Asserts whether the one relation of `concepts` is met by each answer.
    fn verdicts(model: &str, concepts: impl Fn() -> Vec<Concept>, cases: &[(&str, bool)]) {
        for &(answer, right) in cases {
            let (m, _) = met(model, concepts(), Vec::new(), answer);
            assert_eq!(m.len() == 1, right, "{answer}: {m:?}");
        }
    }

    #[test]
    fn a_list_that_says_its_preposition_again_pairs_each_value_with_its_case() {
        // "A for X, B for Y": each item's A is its own X's; the list turned round gives
        // A to the other thing, and one item alone, or denied, or with the preposition
        // said again of something else, pairs nothing.
        let fires = || {
            vec![
                relation(&[&["electrical"], &["co2"]], true),
                relation(&[&["grease"], &["wet chemical"]], true),
            ]
        };
        let model = "Electrical fires need CO2; grease fires need a wet chemical extinguisher.";
        let meets = |answer: &str, label: &str| {
            met(model, fires(), Vec::new(), answer)
                .0
                .iter()
                .any(|m| m == label)
        };
        for right in [
            "Use CO2 for electrical fires and a wet chemical extinguisher for grease fires.",
            "Take CO2 for an electrical fire, a wet chemical for a grease fire.",
            "CO2 is needed for electrical fires and wet chemical for grease fires.",
        ] {
            assert!(meets(right, "electrical → co2"), "{right}");
        }
        for wrong in [
            "Use CO2 for grease fires and a wet chemical extinguisher for electrical fires.",
            "CO2 for grease, wet chemical for electrical.",
            "Use CO2 for electrical fires.",
            "CO2 works for electrical fires and for fires in a lab; grease needs foam.",
            "CO2 is not for electrical fires, and water is not for grease fires.",
        ] {
            assert!(!meets(wrong, "electrical → co2"), "{wrong}");
        }
        let memory = || {
            vec![
                relation(&[&["java"], &["garbage collector"]], true),
                relation(&[&["rust"], &["ownership"]], true),
            ]
        };
        let model = "Java frees memory with a garbage collector; Rust frees it through ownership.";
        let rust = |answer: &str| {
            met(model, memory(), Vec::new(), answer)
                .0
                .iter()
                .any(|m| m == "rust → ownership")
        };
        assert!(rust(
            "Memory is freed by a garbage collector in Java and by ownership in Rust."
        ));
        assert!(!rust(
            "Memory is freed by ownership in Java and by a garbage collector in Rust."
        ));
    }

    #[test]
    fn a_noun_phrase_with_of_that_opens_its_clause_takes_a_means_after_it() {
        // "The compression of ... is done with X" says X compresses, as "Compressing
        // ... is done with X" does; the phrase after *of* is not the means.
        let codec = || vec![relation(&[&["zstd"], &["compresses", "compression"]], true)];
        verdicts(
            "Backups are compressed with zstd before the upload.",
            codec,
            &[
                ("The compression of each backup is done with zstd.", true),
                ("Compression of the nightly dump is left to zstd.", true),
                (
                    "The compression of the zstd archive is done with gzip.",
                    false,
                ),
                (
                    "The compression of each backup is not done with zstd.",
                    false,
                ),
                ("Every compression of a backup is done with zstd.", false),
            ],
        );
    }

    #[test]
    fn a_cleft_before_a_condition_gives_a_to_the_state_after_its_pronoun() {
        let thermostat = || {
            vec![
                relation(&[&["cold"], &["heats", "heating"]], true),
                relation(&[&["warm"], &["cools", "cooling"]], true),
            ]
        };
        let model = "When it is cold the thermostat heats; when it is warm it cools.";
        let says = |answer: &str| met(model, thermostat(), Vec::new(), answer).0;
        let right = "Heating is what the thermostat does when it is cold; cooling is what it does when it is warm.";
        assert_eq!(says(right).len(), 2, "{right}: {:?}", says(right));
        for wrong in [
            "Heating is what the thermostat does when it is warm; cooling is what it does when it is cold.",
            "Heating is what the thermostat does, when it is not cold.",
        ] {
            assert!(says(wrong).is_empty(), "{wrong}: {:?}", says(wrong));
        }
        // The condition's own subject takes nothing: the linking is the build's.
        let linker = || vec![relation(&[&["compiler"], &["links", "linking"]], true)];
        verdicts(
            "The linker links what the compiler emits.",
            linker,
            &[
                (
                    "Linking is what the build does after the compiler finishes.",
                    false,
                ),
                ("Linking is what the compiler does when it is done.", true),
            ],
        );
    }

    #[test]
    fn a_clause_that_leaves_out_a_passive_carries_it_over() {
        let alerts = || {
            vec![
                relation(&[&["critical"], &["page"]], true),
                relation(&[&["warning"], &["ticket"]], true),
                relation(&[&["info"], &["log line"]], true),
            ]
        };
        let model =
            "A critical alert pages someone, a warning opens a ticket and info writes a log line.";
        let says = |answer: &str| met(model, alerts(), Vec::new(), answer).0;
        let right =
            "A page is triggered by a critical alert, a ticket by a warning, a log line by info.";
        assert_eq!(says(right).len(), 3, "{right}: {:?}", says(right));
        for wrong in [
            "A page is triggered by a warning, a ticket by info, a log line by a critical alert.",
            // No passive before: nothing to carry over.
            "A page goes out for each critical alert, a ticket by a warning.",
        ] {
            let m = says(wrong);
            assert!(
                !m.iter()
                    .any(|m| m == "warning → ticket" || m == "info → log line"),
                "{wrong}: {m:?}"
            );
        }
    }

    #[test]
    fn a_by_agent_is_not_the_place_after_it() {
        assert_eq!(
            records("The mail server name is handed over by the MX record to the resolver.").len(),
            1
        );
        assert!(
            records("The mail server name is handed over by the resolver to the MX record.")
                .is_empty()
        );
    }

    #[test]
    fn an_aside_before_a_predicate_without_a_subject_keeps_the_clause() {
        let ssd = || vec![relation(&[&["ssd"], &["fast", "quick"]], false)];
        verdicts(
            "An SSD is fast at random reads; a spinning disk is slow.",
            ssd,
            &[
                (
                    "An SSD, unlike a spinning disk, is very fast at random reads.",
                    true,
                ),
                (
                    "An SSD, unlike a spinning disk, has no seek time and is fast.",
                    true,
                ),
                (
                    "An SSD, unlike tape, the old benchmark said was fast.",
                    false,
                ),
            ],
        );
    }

    #[test]
    fn a_thing_after_rather_than_denies_its_relation() {
        let model = "The leader takes the writes; a follower serves the reads.";
        let concepts = || {
            vec![
                relation(&[&["leader"], &["writes"]], true),
                relation(&[&["follower"], &["reads"]], true),
            ]
        };
        let grade = |answer: &str| {
            let question = Question {
                model_answer: Some(model.to_owned()),
                rubric: Some(Rubric {
                    concepts: concepts(),
                    forbidden: Vec::new(),
                }),
                ..Question::new("q", Kind::ShortAnswer, "Which does what?")
            };
            let b = bank(vec![question]);
            Grader::new(std::slice::from_ref(&b)).grade(&b, &b.questions[0], answer)
        };
        let g = grade("The follower rather than the leader takes the writes; reads go anywhere.");
        assert!(g.concepts[0].denied, "{}", explain(&g));
        assert!(explain(&g).contains("said of another thing in the place of `leader`"));
        let g = grade(
            "The leader rather than the follower takes the writes, and a follower serves reads.",
        );
        assert!(
            !g.concepts[0].denied && g.concepts[0].matched.is_some(),
            "{}",
            explain(&g)
        );
        assert!(!g.concepts[1].denied, "{}", explain(&g));
        // Set against the thing with no subject before it, the cue only compares.
        let g = grade("Rather than the leader, a follower takes the writes.");
        assert!(!g.concepts[0].denied, "{}", explain(&g));
    }

    #[test]
    fn a_condition_may_end_with_x_after_its_auxiliaries() {
        let flushed = || {
            vec![relation(
                &[&["flushed", "flush"], &["acknowledged", "ack"]],
                true,
            )]
        };
        let model = "The WAL is flushed to disk, and then the write is acknowledged.";
        verdicts(
            model,
            flushed,
            &[
                (
                    "The write is acknowledged only after the WAL has been flushed.",
                    true,
                ),
                ("A write gets acknowledged once the log is flushed.", true),
                (
                    "Only after the write has been acknowledged is the WAL flushed.",
                    false,
                ),
                (
                    "The write is acknowledged when the WAL has not been flushed.",
                    false,
                ),
            ],
        );
    }

    #[test]
    fn a_relative_clause_says_its_words_of_the_thing_before_it() {
        let balancer = || {
            vec![relation(
                &[&["load balancer"], &["spreads", "distributes"]],
                false,
            )]
        };
        let model = "A load balancer spreads requests across the backends.";
        verdicts(
            model,
            balancer,
            &[
                (
                    "Clients connect to the load balancer, which has to spread requests over the backends.",
                    true,
                ),
                (
                    "Clients reach a load balancer, which is what distributes requests.",
                    true,
                ),
                (
                    "The load balancer sits in front of the backends, which spread the work.",
                    false,
                ),
                (
                    "Clients connect to the load balancer, and the backends spread nothing.",
                    false,
                ),
                // A clause that has a subject of its own says nothing of X.
                (
                    "Clients connect to the load balancer, which the backends spread out.",
                    false,
                ),
            ],
        );
        // *Unlike* sets X against something else; a relative clause after it still says
        // what X does.
        let signals = || {
            vec![Concept {
                shown: None,
                relation: Some(Relation {
                    terms: vec![
                        vec!["sigkill".to_owned()],
                        vec!["cannot be caught".to_owned()],
                    ],
                    within: Within::Sentence,
                    ordered: false,
                }),
                ..Concept::any(Vec::new())
            }]
        };
        let model = "SIGKILL cannot be caught; SIGTERM can.";
        verdicts(
            model,
            signals,
            &[
                (
                    "Unlike SIGKILL, which cannot be caught, SIGTERM lets the process clean up.",
                    true,
                ),
                ("Unlike SIGKILL, SIGTERM cannot be caught.", false),
            ],
        );
    }

    /// Guards the relative pronoun as A's subject: a relative clause that opens with A
    /// (past adverbs only) says A of X, in an ordered relation too, while one with a
    /// subject of its own between does not.
    #[test]
    fn a_relative_clause_that_opens_with_the_verb_gives_it_to_the_thing_before_it() {
        let cache = || vec![relation(&[&["proxy"], &["caches", "stores"]], true)];
        let model = "The proxy caches the responses; the origin only generates them.";
        verdicts(
            model,
            cache,
            &[
                (
                    "Requests go first to the proxy, which then caches what the origin sends back.",
                    true,
                ),
                (
                    "Requests go first to the proxy, which usually stores every response.",
                    true,
                ),
                (
                    "Requests go first to the proxy, which the origin then caches behind.",
                    false,
                ),
            ],
        );
    }

    /// Guards a passive subject's own agent: A said in the passive with a *by* of its own,
    /// in a clause after X's, is the agent's, not X's; an agent that is a pronoun may be
    /// X.
    #[test]
    fn a_passive_with_its_own_agent_keeps_a_from_an_earlier_thing() {
        let alarm = || {
            let mut r = relation(&[&["sensor"], &["alarm"]], true);
            if let Some(rel) = r.relation.as_mut() {
                rel.within = Within::Sentence;
            }
            vec![r]
        };
        let model = "The sensor raises the alarm; the panel only shows it.";
        verdicts(
            model,
            alarm,
            &[
                (
                    "The sensor reads the smoke level, and the alarm is raised for every room by the panel.",
                    false,
                ),
                (
                    "The sensor reads the smoke level, and the alarm is then raised by it.",
                    true,
                ),
                (
                    "The sensor reads the smoke level, and it raises the alarm.",
                    true,
                ),
            ],
        );
    }

    /// Guards the receiver after a passive's agent: "A is done by Z to X" does not give A
    /// to X, even in a relation of either order; "A is done by X" still does.
    #[test]
    fn the_receiver_after_a_passive_agent_does_not_do_a() {
        let mail = || vec![relation(&[&["relay"], &["forwarded", "forwards"]], false)];
        let model = "The relay forwards each message to the mailbox host.";
        verdicts(
            model,
            mail,
            &[
                (
                    "Each message is forwarded by the outbound gateway to the relay.",
                    false,
                ),
                (
                    "Each message is forwarded by the gateway to the spool, and the relay's queue holds it.",
                    false,
                ),
                (
                    "Each message is forwarded by the relay to the mailbox host.",
                    true,
                ),
                ("Each message is forwarded to the relay.", true),
            ],
        );
    }

    #[test]
    fn another_thing_between_the_subject_and_its_verb_takes_the_verb() {
        let levels = || {
            vec![
                relation(&[&["read uncommitted"], &["allow", "allows"]], true),
                relation(
                    &[
                        &["read committed", "serializable"],
                        &["prevent", "prevents"],
                    ],
                    true,
                ),
            ]
        };
        let model = "READ UNCOMMITTED allows dirty reads; READ COMMITTED prevents them.";
        let (m, _) = met(
            model,
            levels(),
            Vec::new(),
            "It is what SERIALIZABLE allows and READ UNCOMMITTED prevents.",
        );
        assert!(m.is_empty(), "{m:?}");
        let (m, _) = met(
            model,
            levels(),
            Vec::new(),
            "Dirty reads are allowed by READ UNCOMMITTED and are prevented by READ COMMITTED.",
        );
        assert_eq!(m.len(), 2, "{m:?}");

        // A thing only compared with is no rival.
        let (m, _) = met(
            model,
            levels(),
            Vec::new(),
            "READ COMMITTED is stricter than READ UNCOMMITTED and prevents them.",
        );
        assert_eq!(m.len(), 1, "{m:?}");
        // A rival under a negation names nothing.
        let (m, _) = met(
            model,
            levels(),
            Vec::new(),
            "SERIALIZABLE rather than READ UNCOMMITTED prevents them.",
        );
        assert_eq!(m.len(), 1, "{m:?}");
    }

    #[test]
    fn the_subject_of_a_passive_with_an_agent_is_not_the_agent() {
        let deny = || {
            vec![relation(
                &[&["explicit deny"], &["wins", "overrides"]],
                true,
            )]
        };
        let allow = || vec![relation(&[&["allow"], &["wins", "overrides"]], true)];
        let model = "An explicit deny always overrides any allow.";
        let answer = "Any Allow is overridden by an explicit Deny.";
        let (m, made) = met(model, deny(), allow(), answer);
        assert_eq!(m.len(), 1, "{m:?}");
        assert!(made.is_empty(), "{made:?}");
        let (_, made) = met(
            model,
            deny(),
            allow(),
            "An Allow overrides an explicit Deny.",
        );
        assert_eq!(made.len(), 1);
    }

    #[test]
    fn an_agent_after_a_passive_is_not_what_its_subject_does() {
        let model = "A full disk triggers the alert within a minute.";
        let right = || vec![relation(&[&["full disk"], &["alert"]], true)];
        let wrong = || vec![relation(&[&["alert"], &["full disk"]], true)];
        // The alert is the subject of the passive; the full disk is its agent.
        let (m, made) = met(
            model,
            right(),
            wrong(),
            "The alert is raised by a full disk.",
        );
        assert_eq!(m.len(), 1, "{m:?}");
        assert!(made.is_empty(), "{made:?}");
        // Said the active way round, the misconception stands.
        let (_, made) = met(model, right(), wrong(), "The alert fills the full disk.");
        assert_eq!(made.len(), 1, "{made:?}");
    }

    #[test]
    fn an_agent_is_the_value_of_a_subject_the_question_gives_two_values() {
        // Each X has its own A and the misconceptions give it the other's: the order says
        // which A is X's, so the agent of X's passive is X's, and the swap is the
        // misconception.
        let model = "The Moon's gravity causes the tides; the tilt of the axis causes the seasons.";
        let right = || {
            vec![
                relation(&[&["tides"], &["moon"]], true),
                relation(&[&["seasons"], &["tilt"]], true),
            ]
        };
        let wrong = || {
            vec![
                relation(&[&["tides"], &["tilt"]], true),
                relation(&[&["seasons"], &["moon"]], true),
            ]
        };
        for answer in [
            "Tides are caused by the Moon's gravity, and the seasons are caused by the tilt of the axis.",
            "The tides are raised by the Moon; the seasons are produced by the tilt of the axis.",
        ] {
            let (m, made) = met(model, right(), wrong(), answer);
            assert_eq!(m.len(), 2, "{answer}: {m:?}");
            assert!(made.is_empty(), "{answer}: {made:?}");
        }
        let swapped =
            "Tides are caused by the tilt of the axis, and the seasons are caused by the Moon.";
        let (m, made) = met(model, right(), wrong(), swapped);
        assert!(m.is_empty(), "{m:?}");
        assert_eq!(made.len(), 2, "{made:?}");
        // A question that names the pairing turned round asks which way the cause runs:
        // the agent stays the cause's, whatever other value X has.
        let cause = || vec![relation(&[&["moon"], &["tides"]], true)];
        let turned = || {
            vec![
                relation(&[&["tides"], &["moon"]], true),
                relation(&[&["tides"], &["wind"]], true),
            ]
        };
        let (m, made) = met(
            model,
            cause(),
            turned(),
            "The tides are caused by the Moon.",
        );
        assert_eq!(m.len(), 1, "{m:?}");
        assert!(made.is_empty(), "{made:?}");
    }

    #[test]
    fn a_passive_of_identity_names_what_its_subject_is_known_by() {
        // "X is identified by A" says A is X's name or key, the relation the model's
        // "identifies X by A" states; "A is identified by X" turns it round.
        // The model answer, X, A, right answers, reversals.
        type Case<'a> = (
            &'a str,
            &'a [&'a str],
            &'a [&'a str],
            &'a [&'a str],
            &'a [&'a str],
        );
        let cases: [Case; 3] = [
            (
                "TCP identifies a connection by its four-tuple.",
                &["tcp"],
                &["four-tuple"],
                &[
                    "A TCP connection is identified by its four-tuple.",
                    "In TCP each connection is named by the four-tuple of addresses and ports.",
                ],
                &[
                    "The four-tuple is identified by TCP.",
                    "The four-tuple is named by the TCP connection it belongs to.",
                ],
            ),
            (
                "S3 finds each object by its key.",
                &["object"],
                &["key"],
                &[
                    "In S3 an object is identified by its key within the bucket.",
                    "Every object is addressed by its key.",
                ],
                &[
                    "The key is identified by the object.",
                    "Each key is known by its object.",
                ],
            ),
            (
                "Git names every commit by the hash of its content.",
                &["commit"],
                &["hash"],
                &[
                    "Each git commit is known by the hash of its content.",
                    "A commit is named by its SHA-1 hash.",
                ],
                &["The hash is named by the commit."],
            ),
        ];
        for (model, x, a, rights, wrongs) in cases {
            let concept = || vec![relation(&[x, a], true)];
            for right in rights {
                let (m, _) = met(model, concept(), Vec::new(), right);
                assert_eq!(m.len(), 1, "{right}: {m:?}");
            }
            for wrong in wrongs {
                let (m, _) = met(model, concept(), Vec::new(), wrong);
                assert!(m.is_empty(), "{wrong}: {m:?}");
            }
        }
        // A passive of another verb still gives the deed to its agent.
        let (m, _) = met(
            "Git names every commit by the hash of its content.",
            vec![relation(&[&["commit"], &["hash"]], true)],
            Vec::new(),
            "The commit is rewritten by the hash.",
        );
        assert!(m.is_empty(), "{m:?}");
    }

    #[test]
    fn a_gerund_subject_reaches_its_predicate_and_x_may_end_the_clause() {
        for right in [
            "Resolving the mail server for a domain is done via the MX record.",
            "Giving a host another name is the CNAME's; naming the mail server is the MX record's.",
            "Looking up the mail server of the domain happens through the MX record.",
        ] {
            assert!(!records(right).is_empty(), "{right}: {:?}", records(right));
        }
        for wrong in [
            "Resolving the mail server for a domain is done via the CNAME.",
            "Naming the mail server is the CNAME's; giving a host another name is the MX record's.",
            "Resolving the mail server for a domain is not done via the MX record.",
        ] {
            assert!(
                !records(wrong).iter().any(|m| m.starts_with("mx record")),
                "{wrong}: {:?}",
                records(wrong)
            );
        }
    }

    #[test]
    fn a_gerund_subject_keeps_its_predicate_across_an_aside() {
        let force = || {
            vec![relation(
                &[&["--force"], &["overwrite", "overwrites"]],
                false,
            )]
        };
        let model = "git push --force overwrites the remote branch.";
        verdicts(
            model,
            force,
            &[
                (
                    "Overwriting the remote branch, and with it everyone's commits, is the job of --force alone.",
                    true,
                ),
                (
                    "Overwriting the remote branch, which a plain push refuses, is what --force does.",
                    true,
                ),
                (
                    "Overwriting the remote branch, its tags, notes and commits is the job of --force.",
                    true,
                ),
                (
                    "Overwriting the remote branch, the reflog can undo; --force is what you need.",
                    false,
                ),
                (
                    "Overwriting the remote branch, tags and notes are lost with --force.",
                    false,
                ),
                (
                    "Overwriting the remote branch, and so losing commits, is never done by --force.",
                    false,
                ),
            ],
        );
    }

    #[test]
    fn a_predicate_before_a_new_subject_is_not_that_subjects() {
        // Unordered: "S does A and X does B" gives A to S only.
        let udp = || vec![relation(&[&["udp"], &["reliable"]], false)];
        let model = "TCP is reliable; UDP is fast.";
        verdicts(
            model,
            udp,
            &[
                ("UDP is reliable and TCP is fast.", true),
                ("TCP is reliable and UDP is fast.", false),
                ("TCP stays reliable and UDP stays fast.", false),
                ("UDP and TCP are both reliable.", true),
            ],
        );
        // Ordered: another thing of the question after a coordinator takes what
        // follows it.
        let roles = || {
            vec![
                relation(&[&["primary"], &["writes", "accepts writes"]], true),
                relation(
                    &[&["replica", "replicas"], &["reads", "serves reads"]],
                    true,
                ),
            ]
        };
        let model = "The primary accepts writes; replicas serve reads.";
        for (answer, met_both) in [
            (
                "The primary answers the reads and replica servers are for writes.",
                false,
            ),
            (
                "The replica answers the reads and primary servers are for writes.",
                true,
            ),
        ] {
            let (m, _) = met(model, roles(), Vec::new(), answer);
            assert_eq!(m.len() == 2, met_both, "{answer}: {m:?}");
        }
    }

    #[test]
    fn a_comparative_after_but_is_said_of_the_clause_subject() {
        let rust = || vec![relation(&[&["rust"], &["faster"]], true)];
        let python = || vec![relation(&[&["python"], &["faster"]], true)];
        let model = "Rust is faster than Python; Python is easier to learn.";
        for (answer, right) in [
            (
                "Rust is harder to learn than Python but faster at runtime.",
                true,
            ),
            (
                "Rust has a steeper curve than Python yet far faster code.",
                true,
            ),
            (
                "Python has fewer features than Rust but faster startup.",
                false,
            ),
            ("Rust is slower to compile than Python but safer.", false),
        ] {
            let (m, made) = met(model, rust(), python(), answer);
            assert_eq!(
                m.len() == 1 && made.is_empty(),
                right,
                "{answer}: {m:?} {made:?}"
            );
        }
    }

    #[test]
    fn a_comparative_turned_round_with_its_antonym_says_the_same() {
        let rdb = || vec![relation(&[&["rdb"], &["faster", "quicker"]], true)];
        let aof = || vec![relation(&[&["aof"], &["faster", "quicker"]], true)];
        let model = "RDB loads faster than an AOF, which must be replayed.";
        for (answer, right) in [
            ("The AOF is slower to load than the RDB file.", true),
            ("An AOF loads more slowly, so RDB is quicker.", true),
            ("The RDB file is slower to load than the AOF.", false),
            ("An AOF is quicker to load than an RDB snapshot.", false),
            ("RDB rather than AOF loads faster.", true),
            ("RDB instead of the AOF log loads faster.", true),
            ("AOF rather than RDB loads faster.", false),
            ("RDB, not AOF, loads faster.", true),
            ("The RDB snapshot, not the AOF, loads faster.", true),
            ("What loads faster is the RDB file.", true),
            ("AOF, not RDB, loads faster.", false),
            ("Not AOF but RDB loads faster.", true),
            ("An AOF takes longer to load than RDB.", true),
        ] {
            let (m, made) = met(model, rdb(), aof(), answer);
            assert_eq!(
                m.len() == 1 && made.is_empty(),
                right,
                "{answer}: {m:?} {made:?}"
            );
        }
        // After *than* is the standard, in any relation of two terms.
        let unordered = vec![relation(&[&["aof"], &["faster"]], false)];
        let (m, _) = met(model, unordered, Vec::new(), "RDB is faster than AOF.");
        assert!(m.is_empty(), "{m:?}");
    }

    #[test]
    fn less_and_an_adjective_is_met_by_its_comparative_turned_round() {
        // Fresh subjects (round 45): gases, query plans, the sides of a house.
        // The first term, the second, the model answer and answers marked right or wrong.
        type Case<'a> = (&'a str, &'a str, &'a str, &'a [(&'a str, bool)]);
        let cases: [Case; 3] = [
            (
                "helium",
                "less dense",
                "Helium is less dense than air, so a balloon of it rises.",
                &[
                    ("Air is denser than helium, so the balloon rises.", true),
                    ("Air is more dense than helium.", true),
                    ("Helium is denser than air.", false),
                    ("Air is less dense than helium.", false),
                ],
            ),
            (
                "index scan",
                "less costly",
                "An index scan is less costly than a full table scan on a selective query.",
                &[
                    (
                        "A full table scan is costlier than an index scan here.",
                        true,
                    ),
                    ("An index scan is costlier than a full table scan.", false),
                ],
            ),
            (
                "north side",
                "less hot",
                "The north side is less hot than the south side at noon.",
                &[
                    ("The south side gets hotter than the north side.", true),
                    ("The north side is hotter than the south side.", false),
                ],
            ),
        ];
        for (thing, less, model, answers) in cases {
            for &(answer, right) in answers {
                let concept = || vec![relation(&[&[thing], &[less]], true)];
                let (m, _) = met(model, concept(), Vec::new(), answer);
                assert_eq!(m.len() == 1, right, "{answer}: {m:?}");
            }
        }
        // A misconception of the comparative given to the wrong term still fires, and
        // only on that term.
        let wrong = || vec![relation(&[&["helium"], &["denser"]], true)];
        let concept = || vec![relation(&[&["helium"], &["less dense"]], true)];
        let model = "Helium is less dense than air.";
        let (_, made) = met(model, concept(), wrong(), "Helium is denser than air.");
        assert_eq!(made.len(), 1, "{made:?}");
        let (m, made) = met(model, concept(), wrong(), "Air is denser than helium.");
        assert!(m.len() == 1 && made.is_empty(), "{m:?} {made:?}");
    }

    #[test]
    fn the_comparative_of_an_adjective_follows_its_spelling() {
        let stemmer = rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English);
        for (keyword, er) in [
            ("less dense", "denser"),
            ("less heavy", "heavier"),
            ("less thin", "thinner"),
            ("less cheap", "cheaper"),
            ("less hot", "hotter"),
        ] {
            assert!(
                super::antonyms_of(keyword, &stemmer).contains(&er.to_owned()),
                "{keyword}"
            );
        }
        // A noun after *less* gives no comparative of its own.
        assert_eq!(
            super::antonyms_of("less memory", &stemmer),
            vec!["more memory"]
        );
    }

    #[test]
    fn a_comparison_of_the_model_answer_gives_its_converse() {
        let stemmer = rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English);
        let converses = |keyword: &str, model: &str| {
            let vocab = crate::grade::matcher::Vocab::default();
            let model = crate::grade::matcher::PreparedAnswer::new(model, &stemmer, &vocab);
            super::converses(keyword, &model, &stemmer)
        };
        assert_eq!(
            converses(
                "less dense",
                "So ice is about 9% less dense than liquid water."
            ),
            vec!["denser than ice", "more dense than ice"]
        );
        assert_eq!(
            converses("lower", "Rent in the suburbs is lower than in town."),
            vec!["higher than suburbs"]
        );
        // Denied, with no *than*, with no subject, or no comparative: none.
        for (keyword, model) in [
            ("less dense", "Ice is not less dense than water."),
            ("less dense", "Ice is less dense, so it floats."),
            ("faster", "It is faster than a disk."),
            ("dense", "Lead is dense than water."),
        ] {
            assert!(converses(keyword, model).is_empty(), "{model}");
        }
    }

    /// What two ordered relations of comparatives (`gzip → smaller files`, `lz4 →
    /// faster decompression`) and the misconception turned round meet in `answer`.
    fn codecs(answer: &str) -> (Vec<String>, Vec<String>) {
        let concepts = vec![
            relation(&[&["gzip"], &["smaller files", "smaller output"]], true),
            relation(&[&["lz4"], &["faster decompression"]], true),
        ];
        let wrong = vec![relation(&[&["lz4"], &["smaller files"]], true)];
        let model = "gzip gives smaller files; lz4 gives faster decompression.";
        met(model, concepts, wrong, answer)
    }

    #[test]
    fn a_comparative_after_its_noun_is_paired_by_role() {
        for right in [
            "Files are smaller with gzip than with lz4, while decompression is faster with lz4.",
            "Output is smaller on gzip; decompression is faster in lz4.",
        ] {
            let (met, mistakes) = codecs(right);
            assert!(
                met.iter().any(|m| m == "gzip → smaller files"),
                "{right}: {met:?}"
            );
            assert!(
                met.iter().any(|m| m == "lz4 → faster decompression"),
                "{right}: {met:?}"
            );
            assert!(mistakes.is_empty(), "{right}: {mistakes:?}");
        }
        for wrong in [
            "Files are smaller with lz4 than with gzip.",
            "Files are not smaller with gzip.",
            // No form of *be* between: no comparative said of the noun.
            "Files and smaller archives come from gzip.",
        ] {
            let (met, _) = codecs(wrong);
            assert!(
                !met.iter().any(|m| m == "gzip → smaller files"),
                "{wrong}: {met:?}"
            );
        }
        let (_, mistakes) = codecs("Files are smaller with lz4.");
        assert_eq!(mistakes, ["lz4 → smaller files"]);
    }

    /// What `pod → scheduled` and the misconception `node → schedules` meet in `answer`.
    fn scheduling(answer: &str) -> (Vec<String>, Vec<String>) {
        let concepts = vec![relation(
            &[&["scheduler"], &["assigns", "places", "schedules"]],
            true,
        )];
        let wrong = vec![relation(
            &[&["node", "nodes"], &["assigns", "places", "schedules"]],
            true,
        )];
        let model = "The scheduler assigns each pod to a node; the kubelet on the node runs it.";
        met(model, concepts, wrong, answer)
    }

    #[test]
    fn a_thing_that_only_qualifies_a_rival_before_it_takes_nothing() {
        for right in [
            "The scheduler on the node assigns each pod.",
            "The scheduler in each cluster places pods on nodes.",
        ] {
            let (met, mistakes) = scheduling(right);
            assert_eq!(met, ["scheduler → assigns"], "{right}");
            assert!(mistakes.is_empty(), "{right}: {mistakes:?}");
        }
        for wrong in [
            "Each node assigns its own pods.",
            // After a coordinator and a word of its own, the node is a subject again.
            "The scheduler watches, and the node then assigns the pod.",
        ] {
            let (_, mistakes) = scheduling(wrong);
            assert_eq!(mistakes, ["node → assigns"], "{wrong}");
        }
    }

    #[test]
    fn what_is_possible_for_a_thing_is_its_own() {
        let concepts = || {
            vec![
                relation(&[&["tag", "tags"], &["move", "moved", "changed"]], true),
                relation(&[&["digest", "digests"], &["immutable", "fixed"]], true),
            ]
        };
        let model = "A tag can be moved to another image; a digest is immutable.";
        let met = |answer: &str| met(model, concepts(), Vec::new(), answer).0;
        for right in [
            "Moving it to another image is possible only for a tag; a digest is fixed.",
            "Being changed later is allowed for tags, while digests are immutable.",
        ] {
            assert!(met(right).iter().any(|m| m == "tag → move"), "{right}");
        }
        for wrong in [
            // Not a form that allows: *for* gives a purpose.
            "Moving it is useful for a tag.",
            "Moving it is not possible for a tag.",
        ] {
            assert!(!met(wrong).iter().any(|m| m == "tag → move"), "{wrong}");
        }
    }

    #[test]
    fn a_verb_in_the_passive_is_done_with_its_instrument() {
        let model = "The build tool signs each package with the release key.";
        let met = |answer: &str| {
            met(
                model,
                vec![relation(&[&["release key"], &["signs", "signed"]], true)],
                Vec::new(),
                answer,
            )
            .0
        };
        for right in [
            "Each package is signed locally with the release key.",
            "Each package gets signed with a freshly minted release key.",
        ] {
            assert!(
                met(right).iter().any(|m| m == "release key → signs"),
                "{right}"
            );
        }
        // Not in the passive: the package signs nothing with the key.
        let wrong = "Each package signed locally with the release key uploads.";
        assert!(
            !met(wrong).iter().any(|m| m == "release key → signs"),
            "{wrong}"
        );
    }

    #[test]
    fn a_term_denied_of_one_and_given_to_another_by_do_is_the_others() {
        let concepts = || {
            vec![
                relation(
                    &[&["gc", "garbage collector"], &["frees", "reclaims"]],
                    true,
                ),
                relation(&[&["finalizer"], &["runs", "cleanup"]], true),
            ]
        };
        let wrong = || vec![relation(&[&["finalizer"], &["frees", "reclaims"]], true)];
        let model =
            "The garbage collector frees unreachable objects; a finalizer runs cleanup first.";
        let grade = |answer: &str| met(model, concepts(), wrong(), answer);
        for right in [
            "A finalizer doesn't free the memory, the GC does that; the finalizer runs cleanup.",
            "The finalizer never reclaims objects, but the garbage collector does.",
        ] {
            let (met, mistakes) = grade(right);
            assert!(met.iter().any(|m| m == "gc → frees"), "{right}: {met:?}");
            assert!(mistakes.is_empty(), "{right}: {mistakes:?}");
        }
        for wrong in [
            // The other way round: the finalizer is given the freeing.
            "The GC doesn't free the memory, the finalizer does.",
            // What follows says more than the echo: no echo.
            "The finalizer doesn't free memory, the GC does it later for every object.",
            "The finalizer doesn't free memory. The GC does.",
        ] {
            let (met, _) = grade(wrong);
            assert!(!met.iter().any(|m| m == "gc → frees"), "{wrong}: {met:?}");
        }
        let (_, mistakes) = grade("The GC doesn't free the memory, the finalizer does.");
        assert_eq!(mistakes, ["finalizer → frees"]);
    }

    /// Round 34 (w53-neg): the echo may be the auxiliary the denial used, not only *do*:
    /// "users can't remove it, the owner can", "the replica isn't authoritative, the
    /// primary is". Fresh sentences, written before the rule.
    #[test]
    fn a_term_denied_of_one_and_given_to_another_by_its_auxiliary_is_the_others() {
        let model = "Only the leader accepts writes; followers serve reads, and the primary is authoritative.";
        let concepts = || {
            vec![
                relation(&[&["leader"], &["accepts", "accept"]], true),
                relation(&[&["primary"], &["authoritative"]], true),
            ]
        };
        let wrong = || {
            vec![
                relation(&[&["follower", "followers"], &["accepts", "accept"]], true),
                relation(&[&["replica"], &["authoritative"]], true),
            ]
        };
        let grade = |answer: &str| met(model, concepts(), wrong(), answer);
        for (right, relation) in [
            (
                "A follower can't accept writes, only the leader can.",
                "leader → accepts",
            ),
            (
                "Followers cannot accept a write, but the leader can.",
                "leader → accepts",
            ),
            (
                "A follower won't accept writes; the leader will.",
                "leader → accepts",
            ),
            (
                "The replica isn't authoritative for the zone, the primary is.",
                "primary → authoritative",
            ),
            (
                "The replica is not authoritative, but the primary still is.",
                "primary → authoritative",
            ),
        ] {
            let (met, mistakes) = grade(right);
            assert!(met.iter().any(|m| m == relation), "{right}: {met:?}");
            assert!(mistakes.is_empty(), "{right}: {mistakes:?}");
        }
        for (wrong, relation) in [
            // The other way round.
            (
                "The leader can't accept writes, only a follower can.",
                "leader → accepts",
            ),
            (
                "The primary isn't authoritative for the zone, the replica is.",
                "primary → authoritative",
            ),
            // What follows says more than the echo, or comes a sentence later.
            (
                "A follower can't accept writes, the leader can forward them.",
                "leader → accepts",
            ),
            (
                "A follower can't accept writes. The leader can.",
                "leader → accepts",
            ),
            // Another auxiliary than the denial's says something else.
            (
                "The replica isn't authoritative, the primary can.",
                "primary → authoritative",
            ),
        ] {
            let (met, _) = grade(wrong);
            assert!(!met.iter().any(|m| m == relation), "{wrong}: {met:?}");
        }
        let (_, mistakes) = grade("The leader can't accept writes, only a follower can.");
        assert_eq!(mistakes, ["follower → accepts"]);
    }

    #[test]
    fn a_gerund_subject_reaches_its_predicate_past_a_clause_of_its_own() {
        let kiln = || vec![relation(&[&["kiln"], &["fires", "firing"]], true)];
        verdicts(
            "The kiln fires the pots once they have dried.",
            kiln,
            &[
                // The *until* clause has its own verb; the phrase's *be* is the next one.
                (
                    "Firing the pots until the glaze is set is what the kiln does.",
                    true,
                ),
                (
                    "Firing the pots until the glaze sets is what the kiln does.",
                    true,
                ),
                (
                    "Firing the pots until the glaze is set is what the potter does, not the kiln.",
                    false,
                ),
            ],
        );
        // A gerund subject's passive predicate, then a condition: "A is done last, after X".
        let migration = || {
            vec![relation(
                &[&["copy", "copied"], &["delete", "deleting"]],
                true,
            )]
        };
        verdicts(
            "Copy the files first and delete the originals after.",
            migration,
            &[
                (
                    "Deleting the originals is done last after the files have been copied.",
                    true,
                ),
                (
                    "Deleting the originals is done after the files have been copied.",
                    true,
                ),
                (
                    "Deleting the originals happens after the files are copied.",
                    true,
                ),
                ("Deleting is done after the files have been copied.", true),
                (
                    "Deleting the originals is done first, before anything is copied.",
                    false,
                ),
            ],
        );
        // A noun with a modifier of its own before the cleft's *be*.
        verdicts(
            "The kiln fires the pots once they have dried.",
            kiln,
            &[
                (
                    "A firing at full heat with the lid shut is what the kiln gives.",
                    true,
                ),
                (
                    "A firing at full heat with the lid shut is what the potter asks.",
                    false,
                ),
            ],
        );
    }

    #[test]
    fn a_rival_right_before_a_after_a_coordinator_owns_a() {
        let tickets = || {
            vec![
                relation(&[&["buyer"], &["receipt"]], true),
                relation(&[&["seller"], &["invoice"]], true),
            ]
        };
        let model = "The buyer keeps the receipt and the seller keeps the invoice.";
        let says = |answer: &str| met(model, tickets(), Vec::new(), answer).0;
        assert!(
            !says("The shop hands a copy to the buyer and the seller's receipt to the seller.")
                .iter()
                .any(|m| m == "buyer → receipt")
        );
        assert!(
            says("The buyer keeps the receipt and the seller the invoice.")
                .iter()
                .any(|m| m == "buyer → receipt")
        );
    }

    #[test]
    fn a_pronoun_for_the_subject_gives_nothing_to_the_object_before_it() {
        // Fresh sentences of three domains, marked before the rule: a clause-opening
        // *it* / *they* that agrees with the subject of the clause before stands for
        // that subject, and the object there neither does A nor takes A from it.
        type Case<'a> = (&'a str, &'a str, &'a str, &'a [&'a str], &'a str);
        let cases: [Case; 10] = [
            // Kubernetes: the kubelet restarts; a readiness probe restarts nothing.
            (
                "kubelet",
                "readiness",
                "The kubelet runs the readiness probe as well. It restarts the container only when the liveness probe fails.",
                &["kubelet → restarts"],
                "",
            ),
            (
                "kubelet",
                "readiness",
                "The kubelet also checks readiness, and it restarts the container when liveness fails.",
                &["kubelet → restarts"],
                "",
            ),
            // ... *they* after a singular subject may be the probes': still a mistake.
            (
                "kubelet",
                "readiness",
                "The kubelet runs the readiness probes, and they restart the container.",
                &["kubelet → restarts"],
                "readiness → restarts",
            ),
            (
                "kubelet",
                "readiness",
                "The readiness probe is run by the kubelet. It restarts the container when it fails.",
                &[],
                "readiness → restarts",
            ),
            // Raft: the leader accepts writes; a follower does not.
            (
                "leader",
                "follower",
                "The leader replicates the log to the followers. It accepts writes; they only acknowledge them.",
                &["leader → accepts writes"],
                "",
            ),
            (
                "leader",
                "follower",
                "The leader replicates the log to the followers, and they accept writes as well.",
                &[],
                "follower → accepts writes",
            ),
            (
                "leader",
                "follower",
                "The followers copy the leader's log. They accept writes too.",
                &[],
                "follower → accepts writes",
            ),
            // git: rebase rewrites history; a merge does not.
            (
                "rebase",
                "merge",
                "A rebase replays your commits on top of the merge base. It rewrites history.",
                &["rebase → rewrites"],
                "",
            ),
            (
                "rebase",
                "merge",
                "A merge follows the rebase; it rewrites history.",
                &[],
                "merge → rewrites",
            ),
            (
                "rebase",
                "merge",
                "The rebase moves your branch onto the tip of the merge target; it rewrites history, so never rebase shared branches.",
                &["rebase → rewrites"],
                "",
            ),
        ];
        for (doer, other, answer, matched, mistake) in cases {
            let verb: &[&str] = match doer {
                "kubelet" => &["restarts", "restart"],
                "leader" => &["accepts writes", "accept writes"],
                _ => &["rewrites", "rewrite"],
            };
            let (got, mistakes) = met(
                "The one named first does it.",
                vec![relation(&[&[doer], verb], true)],
                vec![relation(&[&[other], verb], true)],
                answer,
            );
            let got: Vec<&str> = got.iter().map(String::as_str).collect();
            assert_eq!(got, matched, "{answer}");
            let want: Vec<&str> = if mistake.is_empty() {
                vec![]
            } else {
                vec![mistake]
            };
            assert_eq!(mistakes, want, "{answer}");
        }
    }

    #[test]
    fn a_pronoun_subject_of_a_passive_with_its_own_agent_takes_a_from_x() {
        let (_, mistakes) = met(
            "The editor approves the draft, and the publisher approves the editor.",
            vec![relation(&[&["publisher"], &["approves", "approved"]], true)],
            vec![relation(&[&["draft"], &["approves", "approved"]], true)],
            "The editor approved the draft; it is in turn approved by the publisher.",
        );
        assert!(mistakes.is_empty(), "{mistakes:?}");
        let (_, mistakes) = met(
            "The editor approves the draft, and the publisher approves the editor.",
            vec![relation(&[&["publisher"], &["approves", "approved"]], true)],
            vec![relation(&[&["draft"], &["approves", "approved"]], true)],
            // A bare-noun subject, which `carried_past` leaves alone (with *the publisher*
            // first, *it* is the publisher: see
            // `a_pronoun_for_the_subject_gives_nothing_to_the_object_before_it`).
            "Acme hired the draft; it then approved the editor.",
        );
        assert_eq!(mistakes, ["draft → approves"]);
    }

    #[test]
    fn a_phrase_that_opens_with_the_passive_keeps_its_agent() {
        // "signed by the issuer key" is not "signs the issuer key": the token is what
        // the key signs, the phrase's *by* inside it.
        let mistakes = |answer: &str| {
            met(
                "The issuer key signs every token.",
                vec![relation(&[&["issuer key"], &["signs", "signed"]], true)],
                vec![relation(&[&["token"], &["signs the issuer key"]], true)],
                answer,
            )
            .1
        };
        assert!(mistakes("Every token is signed by the issuer key.").is_empty());
        // However far the passive stands from the token.
        let far = "Every token travels to the vault to be signed by the issuer key.";
        assert!(mistakes(far).is_empty());
        assert_eq!(
            mistakes("Every token signs the issuer key."),
            ["token → signs the issuer key"]
        );
    }

    #[test]
    fn a_verb_and_its_object_are_met_in_the_passive_by_their_agent() {
        // `server → certifies the authority` said with its object first, in the passive,
        // the server its agent; not with another agent, nor with the server before it.
        let model = "The authority certifies the server, never the other way round.";
        let check = |answer: &str| {
            met(
                model,
                vec![relation(
                    &[&["authority"], &["certifies", "certified"]],
                    true,
                )],
                vec![relation(&[&["server"], &["certifies the authority"]], true)],
                answer,
            )
            .1
        };
        assert_eq!(
            check("The authority is certified by the server."),
            ["server → certifies the authority"]
        );
        assert!(check("The authority is certified by the registry.").is_empty());
        assert!(
            check("The server checks that the authority is certified by the registry.").is_empty()
        );
    }

    #[test]
    fn a_by_before_a_manner_noun_names_no_agent() {
        // "By default", "by design", "by hand": how the thing is done, not who does it.
        let server = || vec![relation(&[&["server"], &["encrypts", "encrypted"]], true)];
        verdicts(
            "The server encrypts the data at rest.",
            server,
            &[
                ("On the server the data is encrypted by default.", true),
                (
                    "The server is where the data gets encrypted by default.",
                    true,
                ),
                (
                    "The keys are rotated by hand by the client; the server encrypts nothing.",
                    false,
                ),
                ("The server keeps each file encrypted by default.", true),
                (
                    "The server has the data encrypted by design, on every disk.",
                    true,
                ),
                (
                    "The data is encrypted by the client, not the server.",
                    false,
                ),
                (
                    "The data is encrypted by default by the client, never the server.",
                    false,
                ),
            ],
        );
        let kernel = || vec![relation(&[&["kernel"], &["schedules", "scheduled"]], true)];
        verdicts(
            "The kernel schedules the threads.",
            kernel,
            &[
                ("Threads are scheduled by the kernel.", true),
                (
                    "The kernel sees that threads get scheduled by priority.",
                    true,
                ),
                (
                    "Threads are scheduled by hand in user space, the kernel never sees them.",
                    false,
                ),
            ],
        );
    }

    /// One ordered relation of `terms`, found within `within`.
    fn ordered_in(terms: &[&[&str]], within: Within) -> Vec<Concept> {
        let mut concept = relation(terms, true);
        if let Some(r) = concept.relation.as_mut() {
            r.within = within;
        }
        vec![concept]
    }

    #[test]
    fn a_case_after_a_with_on_gives_a_to_x() {
        // "A on X" says A happens in the case X ("rolls back on failure"); *the* after
        // *on* names a place, and a denial or a further word keeps the case out.
        let deploy = || {
            ordered_in(
                &[&["failure", "fails"], &["rollback", "rolls back"]],
                Within::Clause,
            )
        };
        verdicts(
            "When a step fails, the deploy rolls back.",
            deploy,
            &[
                ("The pipeline does an automatic rollback on failure.", true),
                ("The deploy rolls back on any failure of a step.", true),
                ("It rolls back upon a failure and pages the owner.", true),
                ("The release rolls back in case of failure.", true),
                ("The deploy never rolls back on failure.", false),
                (
                    "The deploy rolls back on manual request, not failure.",
                    false,
                ),
                ("The deploy rolls back, and on failure it stops.", false),
            ],
        );
        let reload = || ordered_in(&[&["sighup"], &["reloads", "reload"]], Within::Clause);
        verdicts(
            "On SIGHUP nginx reloads its configuration.",
            reload,
            &[
                ("nginx does a graceful reload on SIGHUP.", true),
                (
                    "The daemon reads its config again and reloads on a SIGHUP.",
                    true,
                ),
                ("nginx reloads on SIGUSR2 and ignores SIGHUP.", false),
                ("nginx reloads on the host that sent SIGHUP.", false),
            ],
        );
    }

    #[test]
    fn a_case_likened_to_a_after_a_comma_gives_a_to_x() {
        // "A ..., as on X": the case X is likened to what the clause says of A.
        let stale = || ordered_in(&[&["replica"], &["stale", "out of date"]], Within::Sentence);
        verdicts(
            "Reads from an asynchronous replica may be stale.",
            stale,
            &[
                (
                    "A read can return stale rows, as on any async replica.",
                    true,
                ),
                (
                    "What you read may be out of date, as with a lagging replica.",
                    true,
                ),
                (
                    "The data you get back can be stale by a few seconds, as on a replica: read your own writes from the primary.",
                    true,
                ),
                ("Reads are never stale, as on a replica.", false),
                (
                    "Reads are stale, as on the primary, but a replica is always current.",
                    false,
                ),
                ("Reads are stale, unlike on a replica.", false),
                ("Reads are stale, as on a replica of the primary.", false),
            ],
        );
    }

    #[test]
    fn a_relative_clause_whose_subject_is_x_makes_a_its_object() {
        let gc = || {
            ordered_in(
                &[&["garbage collector", "gc"], &["unreachable objects"]],
                Within::Sentence,
            )
        };
        verdicts(
            "The garbage collector frees unreachable objects.",
            gc,
            &[
                (
                    "Memory goes to unreachable objects, which the garbage collector frees later.",
                    true,
                ),
                (
                    "Only unreachable objects, which the GC can reclaim, are freed.",
                    true,
                ),
                (
                    "Unreachable objects, which the GC never touches, stay in memory.",
                    false,
                ),
                (
                    "Unreachable objects, which the garbage collector does not free, leak.",
                    false,
                ),
                (
                    "Unreachable objects, which means the GC is idle, stay.",
                    false,
                ),
            ],
        );
        let router = || ordered_in(&[&["router"], &["packets"]], Within::Sentence);
        verdicts(
            "The router forwards packets between the two networks.",
            router,
            &[
                (
                    "It moves packets, which the router forwards between the networks.",
                    true,
                ),
                ("Those are the packets that a router forwards.", true),
                (
                    "Those are the packets that the router's firewall never forwards.",
                    false,
                ),
                ("There are packets, which the router is unaware of.", false),
            ],
        );
    }

    /// Guards a setting fronted before its clause: "With X, A" meets `X → A` as "When X
    /// ..., A" does, in three domains; a thing set against X in the fronted phrase's
    /// place, a phrase with a verb or a denial of its own, or *without*, does not.
    #[test]
    fn a_fronted_setting_gives_its_clause_to_x() {
        let header = || {
            vec![relation(
                &[&["no-store"], &["forbids", "not stored", "never stored"]],
                true,
            )]
        };
        verdicts(
            "no-store forbids any cache from storing the response.",
            header,
            &[
                ("With no-store, the response is not stored anywhere.", true),
                ("Under no-store, caches never store the response.", true),
                ("With no-store set, the response is not stored.", true),
                ("With no-store, the response is stored as usual.", false),
                (
                    "With no-cache, the response is not stored; no-store keeps it.",
                    false,
                ),
            ],
        );
        let jitter = || vec![relation(&[&["jitter"], &["spreads", "spread out"]], true)];
        verdicts(
            "Jitter spreads the retries out over time.",
            jitter,
            &[
                ("With jitter, the retries are spread out over time.", true),
                ("With full jitter, each client's retries spread out.", true),
                ("Without jitter, the retries never spread out.", false),
                ("With jitter removed, the retries spread out anyway.", true),
            ],
        );
        let wal = || vec![relation(&[&["wal"], &["not block", "never block"]], true)];
        verdicts(
            "With WAL, readers do not block the writer.",
            wal,
            &[
                ("In WAL mode, readers never block the single writer.", true),
                ("With WAL, readers do not block the writer.", true),
                ("With WAL, readers still block the writer.", false),
                (
                    "With the rollback journal, readers do not block; WAL blocks them.",
                    false,
                ),
            ],
        );
    }

    /// Guards a denied participle asked for in so many words: "X is not done by Y" meets
    /// `X → not done` (X is what is not done to), in three domains, while a deed's
    /// keyword keeps its passive subject out ("the root is signed by the leaf" for `root
    /// → signs`) and the plain passive still fails a denial. (X as the *by* agent of the
    /// denied participle, "the verifier is no longer accepted by the old key", is still
    /// read as X's, as before this rule: not guarded here.)
    #[test]
    fn a_denied_participle_keeps_its_passive_subject() {
        let key = || {
            vec![relation(
                &[&["old key"], &["not accepted", "no longer accepted"]],
                true,
            )]
        };
        verdicts(
            "Once the grace period ends the old key is no longer accepted.",
            key,
            &[
                (
                    "After the grace period the old key is no longer accepted by the verifier.",
                    true,
                ),
                (
                    "After the grace period the old key is not accepted by verifiers.",
                    true,
                ),
                (
                    "After the grace period the old key is still accepted by the verifier.",
                    false,
                ),
            ],
        );
        let origin = || {
            vec![relation(
                &[&["origin"], &["not contacted", "never contacted"]],
                true,
            )]
        };
        verdicts(
            "On a hit the edge answers from its cache and the origin is not contacted.",
            origin,
            &[
                (
                    "On a hit the origin server is never contacted by the edge.",
                    true,
                ),
                (
                    "On a hit the origin is contacted by the edge every time.",
                    false,
                ),
            ],
        );
        let cache = || {
            vec![relation(
                &[&["response"], &["not stored", "never stored"]],
                true,
            )]
        };
        verdicts(
            "Under no-store the response is not stored by any cache.",
            cache,
            &[
                ("The response is never stored by a shared cache.", true),
                ("The response is stored by every cache.", false),
            ],
        );
        let root = || vec![relation(&[&["root"], &["signs"]], true)];
        verdicts(
            "The root signs the intermediate, and the intermediate signs the leaf.",
            root,
            &[
                ("The root is signed by the intermediate.", false),
                ("The intermediate is signed by the root.", true),
            ],
        );
    }
}
