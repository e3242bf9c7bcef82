//! *The former* and *the latter*: an answer that names two things joined by *and* (or
//! *or*) and then refers to them by their order ("of namespaces and cgroups, the latter
//! cap how much CPU a process may use") says of each what it says of the word that
//! stands in for it. This module finds those stand-ins for a term's matches; what the
//! term is and how its matches pair with others is `compile`'s business.

use super::Occurrence;
use crate::grade::matcher::{Pattern, Polarity, PreparedAnswer};
use crate::grade::token::Token;

/// The stand-ins of `here` (one term's matches, made with `term`'s patterns): for a
/// plain match right before an *and* or *or*, the next *the former* in its sentence or
/// the two after (";" ends a sentence); for one right after an *and* or *or* (and at
/// most an article), the next *the latter*. A stand-in counts unless a negation governs
/// it ("the latter does not cap anything").
pub(super) fn stand_ins(
    here: &[Occurrence],
    term: &[Pattern],
    answer: &PreparedAnswer,
    scope: &impl Fn(usize) -> u32,
) -> Vec<Occurrence> {
    let tokens = answer.tokens();
    stand_ins_by(here, term, answer, scope, |o, to| {
        let role = if next_word(tokens, to).is_some_and(|i| joins(&tokens[i])) {
            "former"
        } else if joined_after(tokens, o.head) {
            "latter"
        } else {
            return None;
        };
        let sentence = tokens[to].place.sentence;
        (to + 1..tokens.len())
            .take_while(|&i| tokens[i].place.sentence <= sentence + 2)
            .find(|&i| &*tokens[i].norm == role && i > 0 && &*tokens[i - 1].norm == "the")
    })
}

/// The stand-ins that `find` names for `here`'s plain, counting matches (given a match
/// and its last token), each word once: a one-word match of the same pattern, in the
/// stand-in's own stretch, that counts unless a negation governs it. *The former* and
/// *the latter* find theirs here, and so does `each`.
pub(super) fn stand_ins_by(
    here: &[Occurrence],
    term: &[Pattern],
    answer: &PreparedAnswer,
    scope: &impl Fn(usize) -> u32,
    find: impl Fn(&Occurrence, usize) -> Option<usize>,
) -> Vec<Occurrence> {
    let mut out = Vec::new();
    for o in here {
        let plain = term
            .get(o.pattern)
            .is_some_and(|p| p.polarity == Polarity::Plain);
        let Some(&to) = o.tokens.iter().max() else {
            continue;
        };
        if !o.counts || !plain {
            continue;
        }
        if let Some(i) = find(o, to)
            && !out.iter().any(|s: &Occurrence| s.head == i)
        {
            out.push(Occurrence {
                head: i,
                scope: scope(i),
                tokens: vec![i],
                counts: !answer.negated(i),
                pattern: o.pattern,
            });
        }
    }
    out
}

fn joins(token: &Token) -> bool {
    matches!(&*token.norm, "and" | "or")
}

/// The word after token `at`, not a piece of a code token.
fn next_word(tokens: &[Token], at: usize) -> Option<usize> {
    (at + 1..tokens.len()).find(|&i| !tokens[i].part)
}

/// Whether an *and* or *or* stands right before `head` (at most an article between), in
/// its sentence.
fn joined_after(tokens: &[Token], head: usize) -> bool {
    let sentence = tokens[head].place.sentence;
    let mut before = (0..head)
        .rev()
        .filter(|&i| !tokens[i].part)
        .take_while(|&i| tokens[i].place.sentence == sentence);
    match before.next() {
        Some(i) if matches!(&*tokens[i].norm, "the" | "a" | "an") => {
            before.next().is_some_and(|j| joins(&tokens[j]))
        }
        Some(i) => joins(&tokens[i]),
        None => false,
    }
}

#[cfg(test)]
pub(super) mod tests {
    use crate::bank::{Concept, Kind, Question, Relation, Rubric, Within};
    use crate::grade::{Grader, tests::bank};

    /// The relations (two terms each, found in one clause) that `answer` meets, for a
    /// question whose model answer is `model` and whose rubric is `relations`.
    pub(in crate::grade::compile) fn met_of(
        model: &str,
        relations: &[[&str; 2]],
        answer: &str,
    ) -> Vec<String> {
        let relation = |terms: &[&str; 2]| Concept {
            shown: None,
            relation: Some(Relation {
                terms: terms.iter().map(|t| vec![(*t).to_owned()]).collect(),
                within: Within::Clause,
                ordered: false,
            }),
            ..Concept::any(Vec::new())
        };
        let question = Question {
            model_answer: Some(model.to_owned()),
            rubric: Some(Rubric {
                concepts: relations.iter().map(relation).collect(),
                forbidden: Vec::new(),
            }),
            ..Question::new("q", Kind::ShortAnswer, "What does each one do?")
        };
        let b = bank(vec![question]);
        let g = Grader::new(std::slice::from_ref(&b)).grade(&b, &b.questions[0], answer);
        g.matched().into_iter().map(str::to_owned).collect()
    }

    /// The relations of the two tools' concepts that `answer` meets.
    fn met(answer: &str) -> Vec<String> {
        met_of(
            "A plane smooths the wood; a chisel cuts the joints.",
            &[["plane", "smooths"], ["chisel", "joints"]],
            answer,
        )
    }

    #[test]
    fn the_former_and_the_latter_stand_in_for_the_two_things_named() {
        assert_eq!(
            met(
                "Between a plane and a chisel, the latter cuts the joints and the former smooths the board."
            ),
            ["plane + smooths", "chisel + joints"]
        );
        assert_eq!(
            met("I own a plane and a chisel. The former smooths boards; the latter cuts joints."),
            ["plane + smooths", "chisel + joints"]
        );
        // Turned round, neither is met; a negated stand-in says nothing.
        assert!(
            met(
                "Of a plane and a chisel, the former cuts the joints; the latter smooths the wood."
            )
            .is_empty()
        );
        assert!(met("Of a plane and a chisel, the former never smooths anything.").is_empty());
    }
}
