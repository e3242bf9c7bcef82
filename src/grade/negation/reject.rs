//! Rejections said with words, not with "not": a predicate that calls the claim of its
//! clause useless or harmful ("X is a red herring", "X is a non-starter", "X is a trap",
//! "X is a dead end", "X is the last thing you want", "X won't cut it", "X only makes it
//! worse", "X is a waste of time", "X is a band-aid", "X misses the point", "X only
//! treats the symptom", and "is wrong" or "a myth" with degree words before it: "is really a wrong
//! move"), an imperative that dismisses what follows it ("forget X"), and a bare "No." /
//! "Nope." / "Don't." that answers the sentence before it ("Should B give C a new
//! timeout? No."), or that is all of its clause after a short label ("Add swap: don't,
//! it only delays the kill"; "- more swap: no, the kill comes later").
//! `negation::governing_cues` asks [`rejects_claim`] of every word, as it asks its own
//! `rejects_before`, and lets [`mark`] spare the subject of a belief rejected and mark the
//! sentence a bare reply rejects; what the two find is negated like any other cue's
//! scope, so the misconception named is not made and the keyword named is not credited. This module decides which words reject; it does not score, and it knows
//! nothing of rubrics.

use super::super::token::{Token, word_after, word_before};

/// The text of a word found, to compare with a word of a phrase.
fn norm(token: Option<&Token>) -> Option<&str> {
    token.map(|t| &*t.norm)
}

/// The words [`rejects_claim`] looks at further: the last word of a rejecting predicate
/// (or *forget*). `token` learns it once for every word, as a bit of its kinds.
pub fn is_rejecting_word(word: &str) -> bool {
    matches!(
        word,
        "herring"
            | "starter"
            | "nonstarter"
            | "trap"
            | "end"
            | "wrong"
            | "mistake"
            | "myth"
            | "misconception"
            | "fallacy"
            | "last"
            | "cut"
            | "worse"
            | "forget"
            | "waste"
            | "aid"
            | "bandaid"
            | "point"
            | "symptom"
            | "symptoms"
    )
}

/// The words that may open a bare reply ([`answers_no`]), learnt once for every word.
pub fn is_reply_word(word: &str) -> bool {
    matches!(
        word,
        "no" | "nope"
            | "nah"
            | "never"
            | "do"
            | "absolutely"
            | "definitely"
            | "certainly"
            | "not"
            | "isnt"
            | "wasnt"
            | "wrong"
            | "false"
            | "untrue"
            | "incorrect"
            | "nonsense"
    )
}

/// Whether the word at `i` ends (or, for *forget*, opens) a predicate that rejects the
/// claim of its clause: the clause is negated as by "X is a myth" (see
/// `negation::rejects_before`). Degree words before the rejecting word do not break
/// it: "is really a red herring", "pretty much won't cut it", "is totally the wrong
/// move".
pub fn rejects_claim(tokens: &[Token], i: usize) -> bool {
    let token = &tokens[i];
    // Cheap test first, a bit learnt once per word: this runs for every word of every
    // answer.
    if token.part || !token.may_reject() {
        return false;
    }
    match &*token.norm {
        // "is a red herring", "is a non-starter", "is a trap", "is a dead end".
        "herring" => norm(word_before(tokens, i)) == Some("red") && after_copula(tokens, i - 1),
        "starter" => norm(word_before(tokens, i)) == Some("non") && after_copula(tokens, i - 1),
        "nonstarter" => after_copula(tokens, i),
        "trap" => ends_phrase(tokens, i) && after_copula(tokens, i),
        "end" => norm(word_before(tokens, i)) == Some("dead") && after_copula(tokens, i - 1),
        // "is really a wrong move", "is honestly a myth": what the plain shapes of
        // `rejects_before` say, with degree words before them.
        "wrong" | "mistake" | "myth" | "misconception" | "fallacy" => {
            degree_before(tokens, i) && after_copula(tokens, i)
        }
        // "is the last thing you want", "the last thing anyone needs"; not the order
        // in time of "the call is the last thing the function does".
        "last" => {
            norm(word_after(tokens, i)) == Some("thing")
                && after_copula(tokens, i)
                && wanted_after_thing(tokens, i)
        }
        // "won't cut it", "doesn't really cut it".
        "cut" => {
            norm(word_after(tokens, i)) == Some("it")
                && previous_past_degree(tokens, i).is_some_and(|j| tokens[j].negation)
        }
        // "only makes it worse", "would just make things worse".
        "worse" => makes_only_worse(tokens, i),
        // "Forget X", "so forget about X".
        "forget" => opens_its_clause(tokens, i),
        // "is a waste of time", "is a complete waste".
        "waste" => {
            after_copula(tokens, i)
                && (ends_phrase(tokens, i) || norm(word_after(tokens, i)) == Some("of"))
        }
        // "is a band-aid", "is just a bandaid".
        "aid" => norm(word_before(tokens, i)) == Some("band") && after_copula(tokens, i - 1),
        "bandaid" => after_copula(tokens, i),
        // "misses the point", "is beside the point".
        "point" => {
            norm(word_before(tokens, i)) == Some("the")
                && previous_past_degree(tokens, i).is_some_and(|j| {
                    matches!(
                        &*tokens[j].norm,
                        "miss" | "misses" | "missed" | "missing" | "beside"
                    )
                })
        }
        // "only treats the symptom", "just masks the symptoms".
        "symptom" | "symptoms" => previous_past_degree(tokens, i).is_some_and(|j| {
            matches!(
                &*tokens[j].norm,
                "treat"
                    | "treats"
                    | "treating"
                    | "address"
                    | "addresses"
                    | "mask"
                    | "masks"
                    | "hide"
                    | "hides"
                    | "patch"
                    | "patches"
                    | "cure"
                    | "cures"
            )
        }),
        _ => false,
    }
}

/// What `negation::governing_cues` lets this module mark at token `i`, once the claim
/// a rejecting word at `i` names (`rejects`) is negated: the subject of a belief it
/// rejects is spared (see [`spare_belief_subject`]), and a bare reply rejects the
/// sentence before it (see [`answers_no`]).
pub fn mark(tokens: &[Token], i: usize, rejects: bool, cue: &mut [Option<usize>]) {
    if rejects {
        spare_belief_subject(tokens, i, cue);
    }
    answers_no(tokens, i, cue);
}

/// What `negation::governing_cues` lets this module mark when the word at `i` denies or
/// rejects the claim of its clause: when that clause is all of a reply, the sentence
/// before is rejected (see [`reply_that_rejects`]).
pub fn reply_rejects(tokens: &[Token], i: usize, cue: &mut [Option<usize>]) {
    if let Some(reply) = reply_that_rejects(tokens, i) {
        reject_sentence_before(tokens, reply, reply, cue);
    }
}

/// When the rejection or denial at `i` is the rest of a reply, "No, that's a red
/// herring." / "Nope, it's a myth." / "No, that won't help.", the reply word that opens its sentence: the sentence before is rejected
/// as by a bare "No." (see [`answers_no`]). The reply's clause must open with *that*,
/// *this* or *it*, referring back, and reach the rejecting word within five words.
fn reply_that_rejects(tokens: &[Token], i: usize) -> Option<usize> {
    let sentence = tokens[i].place.sentence;
    let start = (0..i)
        .rev()
        .take_while(|&j| tokens[j].place.sentence == sentence)
        .last()?;
    let mut words = (start..i).filter(|&j| !tokens[j].part);
    let reply = words.next()?;
    let refers = words.next()?;
    (reply > 0
        && matches!(&*tokens[reply].norm, "no" | "nope" | "nah")
        && matches!(&*tokens[refers].norm, "that" | "this" | "it")
        && tokens[refers].place.clause == tokens[i].place.clause
        && words.count() < 5)
        .then_some(reply)
}

/// When the claim rejected at `i` is a belief's *that* clause ("the belief that a lost
/// packet delays only its own stream is a trap", "the idea that UTC fixes it is a red
/// herring"), says its subject plainly again: what is rejected is what the belief says
/// of it, as in "it is not the case that S" (the lost packet is still lost). The
/// subject runs from *that* to an auxiliary or a form of *be* within three content
/// words ("the notion that a bigger pool is faster"), else it is the first content word;
/// the rejection's own (the *is* of "is a trap") does not count.
fn spare_belief_subject(tokens: &[Token], i: usize, cue: &mut [Option<usize>]) {
    let clause = tokens[i].place.clause;
    let start = (0..i)
        .rev()
        .take_while(|&j| tokens[j].place.clause == clause)
        .last()
        .unwrap_or(i);
    let Some(that) = (start + 1..i).find(|&j| {
        &*tokens[j].norm == "that"
            && tokens[..j].iter().rev().find(|t| !t.part).is_some_and(|t| {
                matches!(
                    &*t.norm,
                    "idea" | "belief" | "notion" | "assumption" | "claim" | "thought" | "theory"
                )
            })
    }) else {
        return;
    };
    // The rejection's own auxiliary ("... is a trap", "... won't cut it") is the last.
    let own = (that + 1..i)
        .rev()
        .find(|&j| crate::lang::is_auxiliary(&tokens[j].norm))
        .unwrap_or(i);
    let words = tokens
        .iter()
        .enumerate()
        .take(own)
        .skip(that + 1)
        .filter(|(_, t)| !t.part);
    let end = subject_end(words).unwrap_or(that + 1);
    for c in cue.iter_mut().take(end).skip(that + 1) {
        if *c == Some(i) {
            *c = None;
        }
    }
}

/// Where the subject of a *that* clause ends, given its words after *that* (parts
/// aside): at an auxiliary or a form of *be* (*is*, *was*, *has*, *does*, *can*, ...)
/// within three content words; with none, after its first content word. Shared with
/// `negation`'s "it is not the case that S".
pub(super) fn subject_end<'a>(words: impl Iterator<Item = (usize, &'a Token)>) -> Option<usize> {
    let mut content = 0;
    let mut first_content = None;
    for (j, t) in words {
        if crate::lang::is_auxiliary(&t.norm) {
            return Some(j);
        }
        if !t.stop {
            content += 1;
            if content == 1 {
                first_content = Some(j + 1);
            } else if content > 3 {
                break;
            }
        }
    }
    first_content
}

/// When the word at `i` is a bare reply that rejects the sentence before it ("No.",
/// "Nope.", "Nah.", "Don't.", "Absolutely not.", "Definitely not."), negates in `cue`
/// what that sentence claims, under the reply's first word. A question opened by an
/// auxiliary ("Should B give C a new timeout?", "Does CLOCK_MONOTONIC jump?") keeps its
/// subject, its first content word, plain, and the reply reaches its predicate as far
/// as a *not* after the subject would (`negation::NEGATION_REACH` content words): "Does
/// the monotonic clock jump? No." says the clock does not jump. Any other sentence, a
/// suggestion or a claim ("Make the pool bigger for more throughput? No."), or a
/// question whether its subject is the thing named ("Is /etc/hosts the file to edit?
/// No.", see [`asks_identity`]), is rejected whole, and a negation in it with it. A
/// question with its own negation is left alone. After a statement, a *no* with its
/// reason after a `:` answers the prompt instead (see [`answers_the_prompt`]).
///
/// As all of what a short label's `:` introduces ("Add swap: don't, it only delays the
/// kill.", "- more swap: no, ...", "More swap: never."), the reply need only be all of
/// its clause: what follows the comma is its reason, and the label is what it refuses.
/// (After a question, "No, ..." that goes on may correct the question rather than
/// refuse it: "Bump the timeout to a minute? No, bump it to two.")
fn answers_no(tokens: &[Token], i: usize, cue: &mut [Option<usize>]) {
    // Cheap test first, a word that may reply: this runs for every word of every answer.
    let token = &tokens[i];
    if i == 0 || token.part || !token.may_reply() {
        return;
    }
    if let Some(start) = verdict_start(tokens, i) {
        // The verdict's own word is the cue the breakdown quotes ("... false").
        reject_sentence_before(tokens, start, i, cue);
        return;
    }
    let opens = tokens[i - 1].place.sentence != token.place.sentence;
    let after_label = !opens && token.place.labelled && !tokens[i - 1].place.labelled;
    if !(opens || after_label)
        || !is_bare_reply(tokens, i, after_label)
        || (opens && answers_the_prompt(tokens, i))
    {
        return;
    }
    reject_sentence_before(tokens, i, i, cue);
}

/// Whether the reply at `i`, which opens its sentence, answers the question the answer
/// was asked rather than the sentence before it: a *no* (*nope*, *nah*) with its reason
/// after a `:`, after a statement. "Modulates brake pressure to keep steering control.
/// No: on gravel the stop can take longer." says the first sentence and answers the
/// prompt's "does it always shorten the stop?". After a question ("Raise --cpus? No:
/// it is a leak") the reply refuses it, and a bare "No." after a statement still
/// rejects it.
fn answers_the_prompt(tokens: &[Token], i: usize) -> bool {
    let place = tokens[i].place;
    !place.after_question
        && matches!(&*tokens[i].norm, "no" | "nope" | "nah")
        && tokens[i + 1..].iter().find(|t| !t.part).is_some_and(|t| {
            // The `:` ended the sentence of a *no* (a short denial), or is the label
            // `:` of a *nope* or *nah*, which are no negations.
            if t.place.sentence == place.sentence {
                t.place.labelled && !place.labelled
            } else {
                t.place.after_colon
            }
        })
}

/// When the word at `i` is a verdict on the sentence before that is all of its clause
/// and opens its sentence, alone or after *that* / *this* (and *is* / *was*): "Not
/// true.", "Not so:", "Wrong:", "False.", "That is not true.", "This isn't correct.",
/// the index of the sentence's first word: the sentence before is rejected, as by a
/// bare "No." ([`answers_no`]). A verdict on what follows, "Not true
/// that X", "That's wrong to say", goes on in its clause and is none of these; nor is
/// "It's wrong." (*it* names a thing as often as the claim).
fn verdict_start(tokens: &[Token], i: usize) -> Option<usize> {
    let token = &tokens[i];
    let clause = token.place.clause;
    let start = (0..i)
        .rev()
        .take_while(|&j| tokens[j].place.clause == clause)
        .last()
        .unwrap_or(i);
    if start == 0 {
        return None;
    }
    // The verdict opens its sentence, or its *that* / *this* was read as carrying the
    // subject of the sentence before (`token::carry_subject`), which joins the two
    // sentences and leaves only the clause between them.
    let (before, first) = (tokens[start - 1].place, tokens[start].place);
    if before.sentence == first.sentence && before.segment != first.segment {
        return None;
    }
    // Before the verdict in its sentence: nothing, or a demonstrative and a copula (the
    // *s* of "that's" may stand as a word of its own).
    let mut before = tokens[start..i]
        .iter()
        .filter(|t| !t.part)
        .map(|t| &*t.norm);
    if let Some(first) = before.next()
        && (!matches!(first, "that" | "this")
            || !before
                .next()
                .is_none_or(|w| matches!(w, "is" | "was" | "s"))
            || before.next().is_some())
    {
        return None;
    }
    let mut words = tokens[i + 1..].iter().filter(|t| !t.part);
    let judged = if matches!(&*token.norm, "not" | "isnt" | "wasnt") {
        words
            .next()
            .filter(|t| matches!(&*t.norm, "true" | "so" | "correct" | "right" | "accurate"))?
    } else if matches!(
        &*token.norm,
        "wrong" | "false" | "untrue" | "incorrect" | "nonsense"
    ) {
        token
    } else {
        return None;
    };
    (judged.place.clause == clause && words.next().is_none_or(|t| t.place.clause != clause))
        .then_some(start)
}

/// What a reply at `i` that rejects ([`answers_no`], [`reply_that_rejects`]) does to the
/// sentence before it (see [`answers_no`]), with the word at `by` (`i` or a word after it
/// in the reply) as the cue.
fn reject_sentence_before(tokens: &[Token], i: usize, by: usize, cue: &mut [Option<usize>]) {
    // The sentence before: from `start` to `i`.
    let before = tokens[i - 1].place.sentence;
    let start = (0..i)
        .rev()
        .take_while(|&j| tokens[j].place.sentence == before)
        .last()
        .unwrap_or(i);
    let first = tokens[start..i]
        .iter()
        .position(|t| !t.part)
        .map(|p| start + p);
    let Some(first) = first else {
        return;
    };
    if opens_polar_question(&tokens[first].norm) && !asks_identity(tokens, first, i) {
        if tokens[first..i].iter().any(|t| t.negation) {
            return;
        }
        // Past the auxiliary, a determiner and the subject's first word (with the
        // pieces of a code token or a hyphenated word).
        let mut j = first + 1;
        while j < i && (tokens[j].part || crate::lang::is_determiner(&tokens[j].norm)) {
            j += 1;
        }
        j += 1;
        while j < i && (tokens[j].part || tokens[j].glued) {
            j += 1;
        }
        let mut reached = 0;
        while j < i && reached < super::NEGATION_REACH {
            cue[j].get_or_insert(by);
            if !tokens[j].part && !tokens[j].stop {
                reached += 1;
            }
            j += 1;
        }
    } else {
        for c in cue.iter_mut().take(i).skip(start) {
            *c = match *c {
                // Rejected already, by this reply or one after it: "Nope, it's a
                // trap." is a bare *nope* and a reply that rejects, one rejection.
                Some(c) if c >= i => Some(c),
                Some(c) if c >= start => None,
                _ => Some(by),
            };
        }
    }
}

/// Whether the sentence that the word at `i` opens is only a reply that rejects: *no*,
/// *nope*, *nah*, *don't*, *absolutely* / *definitely* / *certainly not*. "No, ..." that
/// goes on in its sentence is the reply of `negation::is_reply`, which says its own
/// claim; *nope* and *nah* only ever reply, and the pronoun after them ("Nope. It still
/// ...") may have joined their sentence (see `token::carry_subject`), so for them the
/// end of their clause is enough.
///
/// When the reply `answers` a label (see [`answers_no`]), the end of its
/// clause is enough for any of them, and *never* replies too.
fn is_bare_reply(tokens: &[Token], i: usize, answers: bool) -> bool {
    let place = tokens[i].place;
    let mut words = tokens[i..].iter().filter(|t| !t.part);
    let (first, second, third) = (words.next(), words.next(), words.next());
    let ends = |t: Option<&Token>, after: &Token| {
        t.is_none_or(|t| {
            t.place.sentence != place.sentence
                || ((answers || matches!(&*tokens[i].norm, "nope" | "nah"))
                    && t.place.clause != after.place.clause)
        })
    };
    match (first, second) {
        (Some(reply), next) if matches!(&*reply.norm, "no" | "nope" | "nah") => ends(next, reply),
        (Some(reply), next) if answers && &*reply.norm == "never" => ends(next, reply),
        (Some(adverb), Some(not))
            if matches!(
                &*adverb.norm,
                "do" | "absolutely" | "definitely" | "certainly"
            ) && &*not.norm == "not"
                && not.place.sentence == place.sentence =>
        {
            ends(third, not)
        }
        _ => false,
    }
}

/// Whether the polar question opened at `first` (and ended before `i`) asks whether its
/// subject is the one thing named: "Is /etc/hosts the file to edit?", "Are retries the
/// culprit?". A form of *be* opens it, and *the* follows the subject (a determiner and
/// one to three content words) right away: a "No." says the subject is not that thing,
/// so the subject is rejected with the rest, where "Is the monotonic clock stepped by
/// NTP? No." keeps its clock.
fn asks_identity(tokens: &[Token], first: usize, i: usize) -> bool {
    if !matches!(&*tokens[first].norm, "is" | "are" | "was" | "were") {
        return false;
    }
    let clause = tokens[first].place.clause;
    let mut words = tokens[first + 1..i]
        .iter()
        .filter(|t| !t.part)
        .take_while(|t| t.place.clause == clause)
        .peekable();
    // The subject: a determiner, then up to three content words and nothing else.
    words.next_if(|t| crate::lang::is_determiner(&t.norm));
    let mut content = 0;
    while words.next_if(|t| !t.stop).is_some() {
        content += 1;
    }
    (1..=3).contains(&content) && words.next().is_some_and(|t| &*t.norm == "the")
}

/// Auxiliaries that open a polar question: "Is ...?", "Does ...?", "Should ...?" (not
/// an imperative: "Get a bigger pool? No.").
fn opens_polar_question(word: &str) -> bool {
    crate::lang::is_auxiliary(word) && !matches!(word, "be" | "been" | "get" | "gets" | "got")
}

/// Words that only grade or hedge what follows them, and articles: "is *really a* red
/// herring", "is *pretty much* a non-starter", "is *totally the* wrong move".
fn is_degree(word: &str) -> bool {
    matches!(
        word,
        "a" | "an"
            | "the"
            | "really"
            | "totally"
            | "pretty"
            | "much"
            | "very"
            | "quite"
            | "completely"
            | "absolutely"
            | "honestly"
            | "frankly"
            | "just"
            | "simply"
            | "basically"
            | "actually"
            | "definitely"
            | "probably"
            | "certainly"
            | "clearly"
            | "obviously"
            | "utterly"
            | "entirely"
            | "such"
            | "so"
            | "kind"
            | "sort"
            | "of"
            | "real"
            | "total"
            | "complete"
            | "classic"
            | "common"
            | "usual"
            | "typical"
            | "big"
            | "huge"
            | "also"
            | "often"
            | "still"
            | "plain"
            | "plainly"
            | "bit"
    )
}

/// The index of the word before token `i` in its clause, past degree words.
fn previous_past_degree(tokens: &[Token], i: usize) -> Option<usize> {
    let clause = tokens[i].place.clause;
    (0..i)
        .rev()
        .filter(|&j| !tokens[j].part)
        .take_while(|&j| tokens[j].place.clause == clause)
        .find(|&j| !is_degree(&tokens[j].norm))
}

/// Whether a form of *be* stands before the phrase that starts at `i`, in its clause,
/// with only articles and degree words between: "is a", "was really the", "'s totally
/// a", "would be pretty much a", and the *'s* the tokenizer drops from "that's a" (see
/// `negation::contracted_copula`).
fn after_copula(tokens: &[Token], i: usize) -> bool {
    previous_past_degree(tokens, i).is_some_and(|j| {
        matches!(
            &*tokens[j].norm,
            "is" | "are" | "was" | "were" | "be" | "been" | "s"
        ) || super::contracted_copula(tokens, j, i)
    })
}

/// Whether a verb of wanting follows the *thing* after *last* at `i` within four words
/// of its clause ("the last thing you want", "you'd want", "anyone needs", "we wish
/// for"): the idiom that rejects. Without one, "the last thing the function does" only
/// orders events in time.
fn wanted_after_thing(tokens: &[Token], i: usize) -> bool {
    let clause = tokens[i].place.clause;
    tokens[i + 1..]
        .iter()
        .filter(|t| !t.part)
        .take_while(|t| t.place.clause == clause)
        .skip(1)
        .take(4)
        .any(|t| {
            matches!(
                &*t.norm,
                "want" | "wants" | "wanted" | "need" | "needs" | "needed" | "wish" | "wishes"
            )
        })
}

/// Whether a degree word stands right before token `i` (the plain shape, with none,
/// is `negation::rejects_before`'s).
fn degree_before(tokens: &[Token], i: usize) -> bool {
    tokens[..i]
        .iter()
        .rev()
        .filter(|t| !t.part)
        .take_while(|t| t.place.clause == tokens[i].place.clause && is_degree(&t.norm))
        .any(|t| !matches!(&*t.norm, "a" | "an" | "the"))
}

/// Whether the noun at `i` ends its noun phrase: no content word of its clause comes
/// right after it ("is a trap" and "is a trap here", not "is a trap handler").
fn ends_phrase(tokens: &[Token], i: usize) -> bool {
    tokens[i + 1..]
        .iter()
        .find(|t| !t.part)
        .is_none_or(|t| t.place.clause != tokens[i].place.clause || t.stop)
}

/// Whether the *worse* at `i` ends "only (just) make(s) it (things) worse", with degree
/// words allowed before *only*: a cause said to do harm ("more connections make it
/// worse") is a claim, the *only* makes it a rejection.
fn makes_only_worse(tokens: &[Token], i: usize) -> bool {
    let clause = tokens[i].place.clause;
    let mut before = tokens[..i]
        .iter()
        .rev()
        .filter(|t| !t.part)
        .take_while(|t| t.place.clause == clause)
        .map(|t| &*t.norm);
    matches!(
        before.next(),
        Some("it" | "things" | "matters" | "everything")
    ) && matches!(before.next(), Some("make" | "makes" | "made" | "making"))
        && before
            .find(|w| !matches!(*w, "would" | "will" | "can" | "could" | "really"))
            .is_some_and(|w| matches!(w, "only" | "just"))
}

/// Whether the word at `i` opens its clause, past a conjunction or a degree word:
/// "Forget X", "so just forget X" (not "if you forget X", nor "don't forget X").
fn opens_its_clause(tokens: &[Token], i: usize) -> bool {
    let clause = tokens[i].place.clause;
    tokens[..i]
        .iter()
        .rev()
        .filter(|t| !t.part)
        .take_while(|t| t.place.clause == clause)
        .all(|t| matches!(&*t.norm, "so" | "and" | "but" | "then" | "just" | "simply"))
}

#[cfg(test)]
mod tests;
