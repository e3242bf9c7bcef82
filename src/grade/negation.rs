//! Negation scopes: which negation cue governs each word of a text. A cue ("not",
//! "never", "doesn't", "instead of", "unlike", ...) reaches forward a few content words
//! within its clause; a denying predicate ("won't help", "is pointless") and a
//! rejecting one ("is the common wrong fix", "is a myth", and "but that wouldn't help" after
//! it) negate the clause before it, as "a common mistake is to" does the one after it,
//! and a privative word ("agentless", "unencrypted") the root it offers as a part. An
//! exclusive bound ("up to but not including 2.0.0") is no negation. `grade::matcher`
//! compares the result with the polarity a term is expected in; `grade::derive` reads
//! the model answer's polarity with it.

use super::token::{
    Class, Token, is_negation, is_unit_of_number, privative_root, starts_clause, word_after,
};

/// How many content words after a negation cue it reaches (stop words do not count):
/// "is not something the Docker daemon manages" negates `manages`.
pub const NEGATION_REACH: usize = 4;

/// For each token, the negation cue that governs it. A cue governs the words after it
/// in its clause up to its [`NEGATION_REACH`]th content word (words that only stress a
/// negation, "ever", "really", "in any way", do not count); an `and` after a content
/// word ends it ("it doesn't need -p and shares the host's stack" does not negate the
/// sharing), an `or` does not ("is not managed or kept"), and neither does a time
/// clause: "don't flush until later" says *later*. A subject *nothing* of a *when* or
/// *if* clause reaches only its own verb ("when nothing has changed the server answers").
/// A privative word in the scope of a verb's negation cancels it ("cannot run without a
/// kernel", "doesn't save you from having them in memory"): what it governs is said
/// plainly.
pub fn governing_cues(tokens: &[Token]) -> Vec<Option<usize>> {
    let mut cue = vec![None; tokens.len()];
    let mut scope: Option<Scope> = None;
    // Tokens before this one are the subject of a denied "that" clause (see
    // [`denied_that_subject`]): the cue passes them by.
    let mut skip = 0;
    let mut indices = 0..tokens.len();
    while let Some(i) = indices.next() {
        let token = &tokens[i];
        if token.part && i > 0 && is_privative_part(tokens, i) {
            // "an agentless tool", "it is unencrypted": the root a privative word offers
            // as a part is negated by it, and said plainly when a negation governs the
            // word ("never unencrypted", a double negation).
            cue[i] = cue[i - 1].is_none().then_some(i - 1);
            continue;
        }
        if scope.is_none() && !token.may_negate() {
            // Outside a scope, a word that opens, denies and rejects nothing (most words,
            // known once per word: see [`may_negate`]) leaves every cue as it is: the
            // words after it up to the next that may (or a part) are passed in one go.
            while tokens
                .get(indices.start)
                .is_some_and(|t| !t.part && !t.may_negate())
            {
                indices.start += 1;
            }
            continue;
        }
        if &*token.norm == "or"
            && let Some(c) = imperative_cue(tokens, i)
            && cue[c].is_none()
            && next_is_verb_phrase(tokens, i)
        {
            // "don't chmod the folder to 777 or run the server as root": a negated
            // command denies each verb an *or* joins to it, however far the first
            // one's object reached.
            scope = Some(Scope::new(tokens, c, false));
            cue[i] = Some(c);
            continue;
        }
        if let Some(Scope {
            cue: c,
            reached,
            limit,
            cancels,
            clause,
            gerund,
            reported,
            subject,
            aside,
        }) = scope
        {
            let governs = if cancels { None } else { Some(c) };
            if token.place.clause < clause || (aside && token.place.clause == clause) {
                // An aside the cue reaches past (see below): not negated.
            } else if clause != token.place.clause
                && reached > 0
                && !cancels
                && opens_example(tokens, i)
                && !in_a_relative(tokens, c)
                    .is_some_and(|r| reached == 1 || &*tokens[r].norm == "who")
            {
                // "none of the usual interfaces, such as an eth0, are created": the
                // examples of a denied thing are denied with it. Not those after a
                // relative clause of *who*, or one whose cue reached one word, its verb
                // or adjective: "people who cannot be vaccinated, such as newborns",
                // "hosts that are not patched, such as old routers" give examples of
                // the noun the clause hangs on, named plainly.
                scope = Some(Scope {
                    clause: token.place.clause,
                    reached,
                    ..Scope::new(tokens, c, cancels)
                });
                cue[i] = governs;
            } else if subject && clause != token.place.clause && !token.part {
                // "nothing in the layer, however thin, survives", "none of the
                // compiler, sources or packages end up in the image": a subject
                // *nothing* goes on past an aside or the next item of its list to its
                // verb; a clause with a subject of its own ends it.
                scope = subject_goes_on(tokens, c, i).map(|aside| Scope {
                    clause: token.place.clause,
                    reached,
                    aside,
                    ..Scope::new(tokens, c, cancels)
                });
                if scope.is_some_and(|s| !s.aside) {
                    cue[i] = governs;
                }
            } else if (clause != token.place.clause
                && !cancels
                && !subject
                && goes_on_as_list(tokens, c, clause, i))
                || (reported
                    && reached == 0
                    && clause == tokens[c].place.clause
                    && cause_clause(tokens, c) == Some(i))
            {
                // "carry none of the A, B or RhD antigens", "lack the A, B and RhD
                // antigens", "no failover, rolling deploys or scheduling": a denial of
                // absence reaches past the comma into the next item of its list, and
                // through that item to the head they share; each item's reach is
                // counted afresh. "People say it's because O-negative has no
                // antibodies": the belief is the cause its bare *it's* leads to, and
                // goes on in that clause.
                scope = Some(Scope {
                    clause: token.place.clause,
                    ..Scope::new(tokens, c, cancels)
                });
                cue[i] = governs;
            } else if clause != token.place.clause {
                // "is not, in the end, kept by Docker": a cue cut off by an aside
                // before it reached a word goes on after it; past a comment on what
                // people believe, however far it reached ("does not keep the key, as
                // many think, only in RAM"), with what is left of its reach.
                scope = ((reached == 0 || comments_on_belief(tokens, i))
                    && clause == tokens[c].place.clause)
                    .then(|| resumes_after_aside(tokens, c, i))
                    .flatten()
                    .map(|clause| Scope {
                        clause,
                        reached,
                        ..Scope::new(tokens, c, cancels)
                    });
            } else if i < skip {
                // The subject of "it is not the case that S": the predicate is denied.
                continue;
            } else if token.part {
                cue[i] = governs;
                continue;
            } else if matches!(&*token.norm, "and" | "or") && gerund && next_is_gerund(tokens, i) {
                // "rather than publishing the port and keeping localhost": the
                // second -ing form is the first's fellow, under the same cue.
                scope = Some(Scope {
                    reached: 0,
                    ..Scope::new(tokens, c, cancels)
                });
                cue[i] = governs;
            } else if &*token.norm == "or"
                && reached > 0
                && limit == NEGATION_REACH
                && opens_a_thing(tokens, i)
            {
                // "it isn't a null-pointer bug or running out of memory": not A or B
                // denies each, so a thing an *or* joins to a denied one is denied as far
                // as the first one was, its reach counted afresh. (A bare verb after it,
                // "must not write to the database or call services", may say what is
                // done instead, and is left to the four words.)
                if let Some(s) = scope.as_mut() {
                    s.reached = 0;
                }
                cue[i] = governs;
            } else if reached > 0
                && compares(tokens, c)
                && (is_subject_pronoun(&token.norm) || is_modal(&token.norm))
            {
                // "unlike a VM it shares the host kernel", "instead of a bind mount
                // they use a volume": the thing compared ends at the main clause's
                // subject, comma or not, and what the subject does is said plainly;
                // so it does at the main clause's modal: "the proxy rather than the
                // app must renew the certificate" says the certificate is renewed.
                scope = None;
            } else if reached > 0 && opens_with_without(tokens, c) && opens_subject(tokens, i) {
                // "without O_CLOEXEC every program it execs inherits it": a *without*
                // that opens its clause names a condition, and its reach ends where
                // the main clause's subject begins, comma or not; what the subject
                // does is said plainly (in the thing's absence).
                scope = None;
            } else if reached > 0 && ends_a_relative(tokens, c, i) {
                // "a request that fails to get a token is rejected", "a container that
                // doesn't exit after SIGTERM gets killed": a negation in a relative
                // clause ends at the main clause's verb, which is said plainly.
                scope = None;
            } else if reached > 1
                && !cancels
                && !reported
                && !subject
                && opens_plain_relative(tokens, c, i)
            {
                // "the virus can't spread through a population where most people are
                // immune", "it doesn't reach cells that are already infected": a denied
                // verb's object is not denied in what a relative clause with its own
                // verb says of it.
                scope = None;
            } else if &*token.norm == "and" && reached == 0 && ends_a_pronoun_clause(tokens, c, i) {
                // "in the open state none do and they fail fast": a subject *none*
                // whose verb is all stop words ("do", "gets through", "can"), or an
                // object *nothing*, has its clause ended by an *and* that opens another
                // clause or predicate; what that says is plain.
                scope = None;
            } else if matches!(&*token.norm, "and" | "which" | "whose") && reached > 0 {
                // "unlike a named volume, which persists": what a relative clause says
                // of the negated term is said plainly.
                scope = None;
            } else if matches!(&*token.norm, "until" | "till" | "before")
                || (!reported && opens_time_clause(tokens, i))
            {
                // "not ... until later": the time is when it happens; "is not kept
                // once the container is deleted": a time clause has a polarity of its
                // own, and the container is deleted. (A belief reported takes its
                // times with it: "people think that once you X, Y".)
                scope = None;
            } else {
                // "without any memory saving": the saving is negated, and the memory
                // only names it (the answer says memory is used).
                cue[i] = governs.filter(|_| !names_a_saving(tokens, i));
                // "doesn't give the build any real path to root on the host", "never
                // hands it anything like root on the host": a denial reaches through the
                // phrase its *any* opens, to the end of its clause (a relative clause, an
                // *and* or a time clause still ends it, as above). Not past a bound or
                // an exception, which names what is so: "is not anything more than a
                // process on the host", "doesn't need anything but a kernel".
                let limit = if reached > 0
                    && !cancels
                    && is_polarity_item(&token.norm)
                    && !bounds_the_item(tokens, i)
                {
                    usize::MAX
                } else {
                    limit
                };
                if let Some(s) = scope.as_mut() {
                    s.limit = limit;
                }
                if !token.stop
                    && !token.negation
                    && !stresses_negation(tokens, i)
                    && !is_unit_of_number(tokens, i)
                {
                    let reached = reached + 1;
                    // "fails to learn the path MTU", "never notices the new leader": a
                    // knowing denied names what is not known plainly.
                    let known_after = !reported && is_knowing(&token.norm);
                    scope = (!known_after && (reported || subject || reached < limit)).then_some(
                        Scope {
                            reached,
                            limit,
                            cancels,
                            clause,
                            gerund: gerund || (reached == 1 && token.norm.ends_with("ing")),
                            reported,
                            subject,
                            aside,
                            cue: c,
                        },
                    );
                }
            }
        }
        let denies = !token.part && denies_before(tokens, i);
        if denies {
            // "Backups aren't needed", "raising --cpus won't help", "ordering is
            // irrelevant": the claim denied is the clause before the cue, past a
            // setting that opens it ("in March 02:30 doesn't exist").
            let start = (0..i)
                .rev()
                .take_while(|&j| tokens[j].place.clause == token.place.clause)
                .last()
                .unwrap_or(i);
            let start = denied_start(tokens, setting_end(tokens, start, i), i);
            for governed in &mut cue[start..i] {
                governed.get_or_insert(i);
            }
        }
        let rejects = !token.part
            && (rejects_before(tokens, i)
                || (token.may_reject() && reject::rejects_claim(tokens, i)));
        if denies || rejects || (!token.part && says_it_fails(tokens, i)) {
            // "Raise --cpus? No, that won't help.": the reply rejects the sentence before.
            reject::reply_rejects(tokens, i, &mut cue);
            // "The tempting fix is to publish 5432, but that wouldn't help": a clause
            // that only refers back to the one before it rejects that one.
            if let Some(start) = rejected_by_next(tokens, i) {
                let clause = tokens[start - 1].place.clause;
                for j in (0..start).rev() {
                    if tokens[j].place.clause != clause {
                        break;
                    }
                    cue[j].get_or_insert(i);
                }
            }
        }
        if rejects {
            // "Raising --cpus is the common wrong fix", "X is a myth": the claim named
            // is rejected, and so is what the rejecting word qualifies. A negation in
            // the claim rejected is rejected with it: "saying it has no false positives
            // would be wrong" says it has them.
            let clause = token.place.clause;
            for j in (0..i).rev() {
                if tokens[j].place.clause != clause {
                    break;
                }
                cue[j] = match cue[j] {
                    Some(c) if tokens[c].place.clause == clause => None,
                    Some(c) => Some(c),
                    None => Some(i),
                };
            }
            for j in i + 1..tokens.len() {
                if tokens[j].place.clause != token.place.clause {
                    break;
                }
                cue[j].get_or_insert(i);
            }
        }
        if rejects || token.may_reply() {
            reject::mark(tokens, i, rejects, &mut cue);
        }
        if !token.part && denies_only(tokens, i) && cue[i + 1].is_none() {
            // "it is not only one writer": the *only* is denied, and nothing after it.
            cue[i + 1] = Some(i);
        }
        if !token.part && opens_negation(tokens, i) {
            let cancels = cancels_outer(tokens, i, cue[i]) || names_what_is_needed(tokens, i);
            if let Some(end) =
                denied_that_subject(tokens, i).or_else(|| neither_subject_end(tokens, i))
            {
                skip = end;
            }
            scope = Some(Scope::new(tokens, i, cancels));
            if !cancels && is_negative_pronoun(&token.norm) && !heads_a_subject(tokens, i) {
                // "Docker manages nothing": the verb before it is negated too. After
                // *has* ("scratch has nothing") or a form of *be* ("scratch is nothing
                // at all", "is nothing but an empty filesystem") the thing is said to be
                // empty, and the subject before it is not denied ("extra CPU does
                // nothing" still is).
                let has = (0..i).rev().find(|&j| !tokens[j].part).is_some_and(|j| {
                    let word = &*tokens[j].norm;
                    matches!(word, "has" | "have" | "had") || is_copula(word)
                });
                let verb = (0..i)
                    .rev()
                    .find(|&j| !tokens[j].part && !tokens[j].stop && !tokens[j].negation)
                    .filter(|_| !has);
                if let Some(j) = verb.filter(|&j| tokens[j].place.clause == token.place.clause) {
                    cue[j] = Some(i);
                    if tokens[i + 1..]
                        .iter()
                        .find(|t| !t.part)
                        .is_some_and(|t| is_copula(&t.norm))
                    {
                        // "a request that finds none is rejected": the object ends the
                        // relative clause, and the main clause's *is* is said plainly.
                        scope = None;
                    }
                }
            }
        }
    }
    deny_handed_on_subjects(tokens, &mut cue);
    leave_made_things_plain(tokens, &mut cue);
    leave_confused_things_plain(tokens, &mut cue);
    leave_refused_relatives_plain(tokens, &mut cue);
    cue
}

/// Whether `word` is a verb of telling apart (see [`leave_confused_things_plain`]).
pub(crate) fn tells_apart(word: &str) -> bool {
    matches!(
        word,
        "tell"
            | "tells"
            | "distinguish"
            | "distinguishes"
            | "distinguished"
            | "differentiate"
            | "differentiates"
            | "differentiated"
            | "discriminate"
            | "discriminates"
    )
}

/// "the oximeter can't tell carboxyhaemoglobin from oxyhaemoglobin", "the depth buffer
/// doesn't distinguish between the two surfaces", "fails to tell the twins apart": a
/// denied verb of telling apart says the things are confused, not that they are absent
/// or untrue, so what the cue governs after the verb, in its clause, is said plainly;
/// the verb itself stays denied. Only with *from*, *between* or *apart* after the verb
/// in its clause ("doesn't tell the user" tells nothing apart), and with nothing but
/// function words between the cue and the verb, as for [`leave_made_things_plain`].
fn leave_confused_things_plain(tokens: &[Token], cue: &mut [Option<usize>]) {
    for j in 0..tokens.len() {
        let Some(c) = cue[j] else { continue };
        if c >= j || tokens[j].part || !tells_apart(&tokens[j].norm) {
            continue;
        }
        // "cannot reliably tell": a manner adverb may stand between them too.
        if !(c + 1..j).all(|i| {
            let t = &tokens[i];
            t.part || t.stop || t.norm.ends_with("ly") || stresses_negation(tokens, i)
        }) {
            continue;
        }
        let clause = tokens[j].place.clause;
        let end = (j + 1..tokens.len())
            .find(|&k| tokens[k].place.clause != clause)
            .unwrap_or(tokens.len());
        if !(j + 1..end).any(|k| matches!(&*tokens[k].norm, "from" | "between" | "apart")) {
            continue;
        }
        for governed in &mut cue[j + 1..end] {
            if *governed == Some(c) {
                *governed = None;
            }
        }
    }
}

/// "the gateway rejects any request whose token does not verify", "refuses images that
/// are not signed": a denial inside a relative clause whose head a refusing verb takes
/// (the head right after the verb, past at most one determiner or quantifier) says what
/// is required, so the words it governs are said plainly. The relative pronoun must
/// come right after the head, and at most three words lie between it and the cue; a
/// relative under another verb ("accepts any request whose token does not verify") or
/// a denial of the clause's own verb stays denied. So with a verb denied by *not*,
/// *cannot*, *never* or *no longer*, a double negation that names the condition: "can no
/// longer delete files they don't own" says *own* (the relative's *that* may be left out
/// before a subject pronoun).
fn leave_refused_relatives_plain(tokens: &[Token], cue: &mut [Option<usize>]) {
    const REFUSING: &[&str] = &[
        "refuse",
        "refuses",
        "refused",
        "refusing",
        "reject",
        "rejects",
        "rejected",
        "rejecting",
        "block",
        "blocks",
        "blocked",
        "blocking",
        "deny",
        "denies",
        "denied",
        "denying",
        "drop",
        "drops",
        "dropped",
        "dropping",
        "discard",
        "discards",
        "discarded",
        "discarding",
        "quarantine",
        "quarantines",
        "quarantined",
    ];
    const RELATIVE: &[&str] = &["whose", "that", "which", "who"];
    const DETERMINERS: &[&str] = &["any", "every", "each", "all", "the", "a", "an", "those"];
    let mut last = None;
    for j in 0..tokens.len() {
        let Some(c) = cue[j] else { continue };
        if c >= j || !tokens[c].negation {
            continue;
        }
        if let Some((l, plain)) = last
            && l == c
        {
            if plain {
                cue[j] = None;
            }
            continue;
        }
        // The words before the cue, nearest first: a relative pronoun among the first
        // four (or a subject pronoun right after its head, the *that* left out: "files
        // they don't own"), then its head, one determiner at most, and the verb.
        let mut words = (0..c).rev().filter(|&k| !tokens[k].part).peekable();
        let mut relative = None;
        let mut after_auxiliary = false;
        for n in 0..4 {
            let Some(k) = words.next() else { break };
            let word = &*tokens[k].norm;
            if RELATIVE.contains(&word) {
                relative = Some(false);
                break;
            }
            // The *that* left out: a subject pronoun, an auxiliary at most between it and
            // the cue, and a noun right before it in the same clause.
            if (n == 0 || (n == 1 && after_auxiliary))
                && is_subject_pronoun(word)
                && words.peek().is_some_and(|&h| {
                    !tokens[h].stop
                        && !tokens[h].negation
                        && tokens[h].place.clause == tokens[c].place.clause
                })
            {
                relative = Some(true);
                break;
            }
            after_auxiliary = n == 0 && crate::lang::is_auxiliary(word);
        }
        let Some(left_out) = relative else {
            last = Some((c, false));
            continue;
        };
        words.next(); // the head noun
        let verb = words.next().and_then(|k| {
            if DETERMINERS.contains(&&*tokens[k].norm) {
                words.next()
            } else {
                Some(k)
            }
        });
        // "users can no longer delete files they don't own": a denial of the verb whose
        // object the relative restricts is a double negation, and says what the
        // relative denies is the condition, as a refusing verb does.
        let denied_verb = |v: usize| {
            cue[v].is_some_and(|d| {
                d != c
                    && tokens[d].place.clause == tokens[c].place.clause
                    && (matches!(&*tokens[d].norm, "not" | "nt" | "cannot" | "never")
                        || (&*tokens[d].norm == "no"
                            && tokens.get(d + 1).is_some_and(|t| &*t.norm == "longer")))
            })
        };
        let plain = verb.is_some_and(|v| {
            !tokens[v].negation
                && !tokens[v].stop
                && ((!left_out && REFUSING.contains(&&*tokens[v].norm) && cue[v].is_none())
                    || denied_verb(v))
        });
        last = Some((c, plain));
        if plain {
            cue[j] = None;
            if let Some(d) = verb.and_then(|v| cue[v]).filter(|&d| d != c) {
                // The two denials cancel: "can no longer delete or rename files they
                // don't own" says who may delete them, so the verbs and their object
                // are said plainly too.
                for governed in &mut cue[d + 1..c] {
                    if *governed == Some(d) {
                        *governed = None;
                    }
                }
            }
        }
    }
}

/// "volatile doesn't make counter++ atomic", "TLS does not make the cookie secret": a
/// denied *make* (*render*) with an object and a content word right after it says the
/// object does not become that, not that there is no object: the object (its first
/// content word, past a definite determiner) is said plainly, and the result stays
/// denied. A *make* with an indefinite object ("doesn't make a new layer") or none
/// after its object ("doesn't make the network") creates, and its object stays denied.
fn leave_made_things_plain(tokens: &[Token], cue: &mut [Option<usize>]) {
    const MAKING: &[&str] = &["make", "makes", "made", "render", "renders", "rendered"];
    const DEFINITE: &[&str] = &[
        "the", "your", "its", "their", "this", "that", "these", "those", "our", "my", "his", "her",
        "each", "every", "any",
    ];
    for j in 0..tokens.len() {
        let Some(c) = cue[j] else { continue };
        if c >= j || tokens[j].part || !MAKING.contains(&&*tokens[j].norm) {
            continue;
        }
        // The *make* is the cue's predicate: nothing but function words or a stress
        // ("doesn't really make") between them.
        if !(c + 1..j).all(|i| tokens[i].part || tokens[i].stop || stresses_negation(tokens, i)) {
            continue;
        }
        let clause = tokens[j].place.clause;
        let next = |i: usize| {
            (i + 1..tokens.len())
                .find(|&k| !tokens[k].part)
                .filter(|&k| tokens[k].place.clause == clause)
        };
        let Some(mut object) = next(j) else { continue };
        if DEFINITE.contains(&&*tokens[object].norm) {
            let Some(o) = next(object) else { continue };
            object = o;
        }
        // A place after the object says where it is made: "can't make folders inside
        // /root".
        const PLACES: &[&str] = &[
            "inside", "outside", "within", "into", "onto", "under", "over", "across", "through",
            "between", "behind", "beyond", "around", "along", "among", "via", "per", "against",
            "toward", "towards",
        ];
        let content = |k: usize| !tokens[k].stop && !tokens[k].negation && cue[k] == Some(c);
        if content(object)
            && next(object).is_some_and(|r| content(r) && !PLACES.contains(&&*tokens[r].norm))
        {
            cue[object] = None;
        }
    }
}

/// A deed handed on: "Swarm's scheduler doesn't react to it; only the plain engine
/// does", "a namespace never gives it a network of its own; cgroups do that". The
/// second clause is a bare *do* (with at most *that*, *so*, *this*, *too* after it) whose
/// subject, a few words after *only* or a determiner at most, takes the deed the first
/// clause denies; so the first clause says that its subject is not the one who does it,
/// and the cue governs that subject too. The subject must open its clause (not a
/// condition's: "if the cache does not hold it, the database does" supposes) and the
/// bare *do* must follow in the same sentence or the next one after a `;`.
fn deny_handed_on_subjects(tokens: &[Token], cue: &mut [Option<usize>]) {
    for c in 0..tokens.len() {
        let t = &tokens[c];
        if !t.negation
            || t.part
            || !matches!(&*t.norm, "not" | "never" | "cannot" | "nt") && !t.norm.ends_with("nt")
        {
            continue;
        }
        let same = |a: &Token, b: &Token| {
            a.place.sentence == b.place.sentence
                && a.place.clause == b.place.clause
                && a.place.segment == b.place.segment
        };
        let start = (0..c)
            .rev()
            .take_while(|&j| same(&tokens[j], t))
            .last()
            .unwrap_or(c);
        let subject = &tokens[start..c];
        if subject.is_empty()
            || subject.len() > 6
            || subject
                .iter()
                .any(|s| s.part || s.negation || cue[start..c].iter().any(Option::is_some))
            || opens_subordinate(&subject[0].norm)
            || !subject.iter().any(|s| !s.stop)
        {
            continue;
        }
        let Some(k) = (c + 1..tokens.len()).find(|&k| {
            let d = &tokens[k];
            !d.part
                && matches!(&*d.norm, "do" | "does" | "did")
                && !same(d, t)
                && (d.place.sentence == t.place.sentence
                    || d.place.sentence == t.place.sentence + 1 && d.place.after_semicolon)
        }) else {
            continue;
        };
        let ends = |i: usize| tokens.get(i).is_none_or(|n| !same(n, &tokens[k]));
        let bare = ends(k + 1)
            || matches!(
                tokens.get(k + 1).map(|n| &*n.norm),
                Some("that" | "so" | "this" | "too")
            ) && ends(k + 2);
        let s = (c + 1..k)
            .rev()
            .take_while(|&j| same(&tokens[j], &tokens[k]))
            .last()
            .unwrap_or(k);
        let doer: Vec<&Token> = tokens[s..k]
            .iter()
            .skip_while(|d| matches!(&*d.norm, "only" | "but" | "just" | "whereas" | "while"))
            .skip_while(|d| crate::lang::is_determiner(&d.norm))
            .collect();
        let names = !doer.is_empty()
            && doer.len() <= 3
            && doer
                .iter()
                .all(|d| !d.part && !d.stop && !d.negation && !is_subject_pronoun(&d.norm));
        let other = doer
            .iter()
            .all(|d| subject.iter().all(|s| s.stem != d.stem));
        if bare && names && other {
            cue[start..c].fill(Some(c));
        }
    }
}

/// Whether the word at `i`, in the scope of the cue at `c`, opens the main clause's
/// verb after a relative clause the cue stands in: `i` is a form of *be* or *get*
/// before a participle, and the cue stands in a relative clause ([`in_a_relative`]): "a
/// request that fails to get a token is rejected", "requests that find no token are
/// refused", "a process that won't stop gets killed".
fn ends_a_relative(tokens: &[Token], c: usize, i: usize) -> bool {
    let word = &*tokens[i].norm;
    if !(is_copula(word) || matches!(word, "gets" | "get" | "got")) {
        return false;
    }
    // The main verb is a passive: "is rejected", "gets killed".
    let passive = tokens[i + 1..]
        .iter()
        .find(|t| !t.part)
        .is_some_and(|t| !t.stop && (t.norm.ends_with("ed") || t.norm.ends_with("en")));
    if !passive {
        return false;
    }
    in_a_relative(tokens, c).is_some()
}

/// Whether the word at `i`, in the reach of the cue at `c`, opens a relative clause that
/// states its own claim of a noun the denied verb took: *where*, *who* or *whom* after
/// the noun ("can't spread through a population where most people are immune"), or a
/// *that* before the clause's own verb, a form of *be*, *have* or a modal ("doesn't
/// reach cells that are already infected"). The cue must deny a verb other than *be*
/// (*not*, *never*, *cannot*, a contracted *n't*), with a content word between it and
/// the noun: "isn't a population where most are immune" and "no container that runs as
/// root" deny the whole phrase, and a *that* before a subject ("doesn't mean a chance
/// that B is better") says what the noun says, under the cue.
fn opens_plain_relative(tokens: &[Token], c: usize, i: usize) -> bool {
    let word = &*tokens[i].norm;
    if !matches!(word, "where" | "who" | "whom" | "that") {
        return false;
    }
    let cue = &*tokens[c].norm;
    if !matches!(cue, "not" | "never" | "cannot" | "nt") && !cue.ends_with("nt") {
        return false;
    }
    let word_at = |k: Option<usize>| k.map(|k| &*tokens[k].norm);
    let before = word_at((0..c).rev().find(|&k| !tokens[k].part));
    let after = word_at((c + 1..i).find(|&k| !tokens[k].part));
    if before.is_some_and(is_copula)
        || matches!(cue, "isnt" | "arent" | "wasnt" | "werent")
        || after.is_some_and(|w| w == "be" || is_copula(w))
    {
        return false;
    }
    // The noun: a content word right before the pronoun, in its clause, past the verb,
    // with no form of *be* or modal between (which would open a clause of its own: "volts
    // or not where ever the change is shows where the damaged bulb is").
    let Some(head) = (c + 1..i).rev().find(|&k| !tokens[k].part) else {
        return false;
    };
    let noun = &tokens[head];
    if noun.stop
        || noun.negation
        || noun.place.clause != tokens[i].place.clause
        || noun.norm.ends_with("ing")
        || !(c + 1..head).any(|k| !tokens[k].part && !tokens[k].stop && !tokens[k].negation)
        || (c + 1..head).any(|k| {
            let w = &*tokens[k].norm;
            is_copula(w) || is_modal(w) || matches!(w, "be" | "been")
        })
    {
        return false;
    }
    matches!(word, "where" | "who" | "whom")
        || word_at((i + 1..tokens.len()).find(|&k| !tokens[k].part)).is_some_and(|w| {
            is_copula(w)
                || is_modal(w)
                || matches!(w, "has" | "have" | "had" | "was" | "were" | "be" | "been")
        })
}

/// Where the relative pronoun stands when the cue at `c` stands in a relative clause:
/// it follows *that*, *which* or *who* right after a noun, with at most one content
/// word between ("a request that fails to get a token", "people who cannot be
/// vaccinated").
fn in_a_relative(tokens: &[Token], c: usize) -> Option<usize> {
    let clause = tokens[c].place.clause;
    let mut content = 0;
    for j in (0..c).rev() {
        let t = &tokens[j];
        if t.place.clause != clause {
            return None;
        }
        if t.part {
            continue;
        }
        if matches!(&*t.norm, "that" | "which" | "who") {
            return (0..j)
                .rev()
                .find(|&k| !tokens[k].part)
                .is_some_and(|k| tokens[k].place.clause == clause && !tokens[k].stop)
                .then_some(j);
        }
        if !t.stop && !t.negation && !is_modal(&t.norm) {
            content += 1;
            if content > 1 {
                return None;
            }
        }
    }
    None
}

/// Where the subject of a denied *that* clause ends, when the cue at `c` denies one:
/// "it is not the case that the filesystem was grown", "it isn't true that the broker
/// keeps them": the claim denied is the clause's predicate, and its subject is named
/// plainly (the filesystem exists, and was not grown). The subject is the words after
/// *that* up to an auxiliary or a form of *be* (*is*, *was*, *has*, *does*, *can*, ...)
/// within three content words; with none, its first content word. `None` when the cue
/// opens no such clause.
///
/// So with a verb of meaning after the cue, "X does not mean (that) S" (*mean*, *imply*,
/// *guarantee*, *prove*): "a delay of 0 does not mean setTimeout runs at once", "a 202
/// doesn't mean that the job has finished" deny what S says of the timer and the job,
/// not the timer or the job; the cue is a verb's (*not*, *never*, *cannot*: "there is
/// no guarantee a record is fresh" denies the guarantee). An S that opens with a cue
/// ("doesn't mean no duplicates") is left to it.
fn denied_that_subject(tokens: &[Token], c: usize) -> Option<usize> {
    let clause = tokens[c].place.clause;
    let mut words = tokens
        .iter()
        .enumerate()
        .skip(c + 1)
        .filter(|(_, t)| !t.part && t.place.clause == clause)
        .peekable();
    let (_, first) = words.next()?;
    if denies_a_meaning(tokens, c) {
        let that = words.peek().is_some_and(|(_, t)| &*t.norm == "that");
        if that {
            words.next();
        }
        if words.peek().is_none_or(|(_, t)| t.negation) {
            return None;
        }
        if !that && !says_a_clause(tokens, words.clone()) {
            // "NULL does not mean zero", "revert doesn't mean 'delete the commit'": what
            // is denied is a meaning, a thing or a deed with no subject of its own, and
            // it is denied whole.
            return None;
        }
        return reject::subject_end(words);
    }
    let first = if &*first.norm == "the" {
        &*words.next()?.1.norm
    } else {
        &*first.norm
    };
    if !matches!(first, "case" | "true") || &*words.next()?.1.norm != "that" {
        return None;
    }
    reject::subject_end(words)
}

/// Whether the cue at `c` denies a verb of meaning right after it, "X does not mean S"
/// (*not*, *never*, *cannot* before *mean*, *imply*, *guarantee*, *prove*): what S says is
/// what is denied of X.
fn denies_a_meaning(tokens: &[Token], c: usize) -> bool {
    matches!(&*tokens[c].norm, "not" | "never" | "cannot")
        && tokens[c + 1..]
            .iter()
            .find(|t| !t.part)
            .filter(|t| t.place.clause == tokens[c].place.clause)
            .is_some_and(|t| {
                matches!(
                    &*t.norm,
                    "mean"
                        | "means"
                        | "meant"
                        | "imply"
                        | "implies"
                        | "guarantee"
                        | "guarantees"
                        | "prove"
                        | "proves"
                )
            })
}

/// Whether the words after a denied verb of meaning (`words`, parts aside, in its clause)
/// make a clause with a subject of their own: an auxiliary or a form of *be* within
/// three content words ("does not mean the pod is deleted"), or a content word right
/// after the first ("doesn't mean setTimeout runs at once", "resolvers fetch it"). With
/// neither, they name a thing or a deed ("zero or an empty string", "delete the
/// commit", a quoted 'zero'), which the denial takes whole.
fn says_a_clause<'a>(tokens: &[Token], words: impl Iterator<Item = (usize, &'a Token)>) -> bool {
    let mut content = 0;
    let mut first = None;
    for (j, t) in words {
        if crate::lang::is_auxiliary(&t.norm) {
            return true;
        }
        if !t.stop {
            content += 1;
            first = first.or(Some(j));
            if content > 3 {
                break;
            }
        }
    }
    first.is_some_and(|j| {
        tokens[j + 1..]
            .iter()
            .find(|t| !t.part)
            .is_some_and(|n| n.place.clause == tokens[j].place.clause && !n.stop && !n.negation)
    })
}

/// Where the subjects that a *neither ... nor* at `c` pairs end, when it opens its
/// clause: "neither the export nor anything the child process does can reach the
/// shell", "so neither Docker nor any other runtime gives a container a kernel". The
/// pair denies the predicate of both; what each side names, with the words that say
/// which one it is ("made in the subshell", "the child process does"), is named
/// plainly, as the subject of "it is not the case that S" is. The predicate opens at
/// the first auxiliary after *nor* ("can", "does"; not a relative's "that were"), or at a word right after a
/// content word of the second side that takes an object, a determiner or a pronoun
/// right after it ("cgroups give a container", "the subshell survives it"). `None` for a
/// *neither* within its clause ("they neither share ... nor use ..."), with no *nor*
/// after it, when no predicate is found, or when it is a form of *be* ("neither X nor
/// Y is the cause") or judges them ([`judges`]): the pair stays denied.
fn neither_subject_end(tokens: &[Token], c: usize) -> Option<usize> {
    if &*tokens[c].norm != "neither" {
        return None;
    }
    let clause = tokens[c].place.clause;
    let opens = (0..c)
        .rev()
        .find(|&j| !tokens[j].part)
        .filter(|&j| tokens[j].place.clause == clause)
        .is_none_or(|j| {
            let word = &*tokens[j].norm;
            starts_clause(word) || matches!(word, "and" | "that" | "then" | "as" | "if" | "when")
        });
    // "Neither is the name terminated nor does printf know its size": an auxiliary
    // right after *neither* inverts a clause it denies, and pairs no subjects.
    if !opens
        || word_after(tokens, c).is_some_and(|t| {
            is_copula(&t.norm)
                || is_modal(&t.norm)
                || matches!(&*t.norm, "does" | "do" | "did" | "has" | "have" | "had")
        })
    {
        return None;
    }
    let mut words = tokens
        .iter()
        .enumerate()
        .skip(c + 1)
        .filter(|(_, t)| !t.part)
        .take_while(|(_, t)| t.place.clause == clause)
        .skip_while(|(_, t)| &*t.norm != "nor")
        .skip(1)
        .peekable();
    let mut content = 0;
    let mut after_content = false;
    let mut last = "";
    while let Some((j, t)) = words.next() {
        let relative = matches!(
            std::mem::replace(&mut last, &t.norm),
            "that" | "which" | "who"
        );
        if crate::lang::is_auxiliary(&t.norm) && !relative {
            // "neither X nor Y is the cause": what a form of *be* says of them is
            // what they are, and they are what is denied.
            return (!is_copula(&t.norm) && !judges(tokens, j)).then_some(j);
        }
        if t.stop || t.negation {
            after_content = false;
            continue;
        }
        content += 1;
        let follows_noun = std::mem::replace(&mut after_content, true);
        let takes_object = words.peek().is_some_and(|(_, next)| {
            crate::lang::is_determiner(&next.norm)
                || matches!(
                    &*next.norm,
                    "it" | "them"
                        | "you"
                        | "us"
                        | "me"
                        | "him"
                        | "her"
                        | "your"
                        | "our"
                        | "my"
                        | "any"
                )
        });
        // "anything else the child process does": *else* ends a side, and a
        // relative with its *that* left out follows.
        if content > 1 && follows_noun && takes_object && &*t.norm != "else" {
            return (!judges(tokens, j)).then_some(j);
        }
    }
    None
}

/// Whether the predicate that opens at `p` judges its subject as a remedy or a cause
/// ("neither restarting nor reinstalling fixes it", "... will help", "... causes it",
/// "... matters"): the subjects named are then what is denied, not a predicate of
/// theirs. Its first three content words are looked at.
fn judges(tokens: &[Token], p: usize) -> bool {
    let clause = tokens[p].place.clause;
    tokens[p..]
        .iter()
        .enumerate()
        .filter(|(_, t)| !t.part && !t.stop)
        .take_while(|(_, t)| t.place.clause == clause)
        .take(3)
        .any(|(k, t)| {
            DENYING.contains(&&*t.stem)
                || DENYING_WORDS.contains(&&*t.norm)
                || EXISTING_WORDS.contains(&&*t.norm)
                || matches!(&*t.stem, "work" | "caus" | "chang" | "explain" | "cure")
                || remedies_it(tokens, p + k)
        })
}

/// Stems of verbs that name what a fix does to a problem: "a CSRF token does not stop
/// it" judges the token as a fix ([`remedies_it`]).
const REMEDY_STEMS: &[&str] = &["stop", "prevent", "block", "protect", "mitig", "defend"];

/// Whether the word at `j` is a verb of remedy whose object is the problem itself, a
/// pronoun right after it ("stop it", "prevents this", "block them"), or a verb of
/// restoring whose object is what the problem lost ("restore it", "recover them",
/// "bring it back": see [`RESTORING_STEMS`]): denied, it judges
/// its subject as a fix, as "won't help" does ("neither CORS nor a CSRF token stops it",
/// "rate limiting won't block them"). With a thing for its object ("does not block port
/// 443", "never stops the job") or none ("does not stop when the shell exits") it says
/// what the subject does.
fn remedies_it(tokens: &[Token], j: usize) -> bool {
    let stem = &*tokens[j].stem;
    let back = matches!(stem, "bring" | "get");
    let restoring = back || RESTORING_STEMS.contains(&stem);
    // "has never undone it", "was not restored": a past form reports a deed not done.
    let past = tokens[j].irregular || tokens[j].norm.ends_with("ed");
    if !(REMEDY_STEMS.contains(&stem) || (restoring && !past)) {
        return false;
    }
    let mut after = words_after(tokens, j);
    after
        .next()
        .is_some_and(|w| matches!(w, "it" | "this" | "that" | "them" | "these" | "those"))
        && (!back || after.next() == Some("back"))
}

/// Stems of verbs that name what a fix does to what the problem lost: "restarting the
/// container won't restore it", "rewinding the file doesn't revive it", "fsck can't
/// recover them" judge their subject as a fix, as "won't bring it back" and "won't get
/// them back" do ([`remedies_it`], round 41, w71-neg). With a thing for its object
/// ("the kubelet does not restore the old config") the subject is still said to do
/// something, and so it is with the verb in a past form ("an earlier test changed the
/// state and never undone it", "was not restored": a deed reported not done).
const RESTORING_STEMS: &[&str] = &["restor", "recov", "reviv", "undo", "rescu", "salvag"];

/// Whether the word at `i` rejects, as its predicate, the claim its clause names:
/// "raising --cpus is the common wrong fix", "X is a myth", "X is a common
/// misconception", "X is a mistake", "X is wrong", "X is incorrect", "the belief that X
/// is mistaken" (*misguided*). A form of *be*
/// stands before it, with only articles and words of frequency or degree between; *false*
/// and *incorrect* must end their clause ("a false positive" names a thing).
fn rejects_before(tokens: &[Token], i: usize) -> bool {
    let token = &tokens[i];
    // Cheap test first: this runs for every word of every answer.
    if token.len < 4
        || !matches!(token.norm.as_bytes()[0], b'w' | b'm' | b'f' | b'i')
        || !matches!(
            &*token.norm,
            "wrong"
                | "mistake"
                | "mistaken"
                | "misguided"
                | "myth"
                | "misconception"
                | "fallacy"
                | "false"
                | "incorrect"
        )
    {
        return false;
    }
    let clause = token.place.clause;
    if matches!(&*token.norm, "false" | "incorrect")
        && !judges_a_saying(tokens, i)
        && tokens[i + 1..]
            .iter()
            .find(|t| !t.part)
            .is_some_and(|t| t.place.clause == clause)
    {
        return false;
    }
    let before = (0..i)
        .rev()
        .filter(|&j| !tokens[j].part)
        .take_while(|&j| tokens[j].place.clause == clause)
        .find(|j: &usize| {
            !matches!(
                &*tokens[*j].norm,
                "a" | "an"
                    | "the"
                    | "common"
                    | "classic"
                    | "usual"
                    | "typical"
                    | "frequent"
                    | "popular"
                    | "widespread"
                    | "old"
                    | "big"
                    | "simply"
                    | "just"
                    | "plain"
                    | "plainly"
                    | "also"
                    | "often"
                    | "still"
            )
        });
    before.is_some_and(|j| {
        let word = &*tokens[j].norm;
        is_copula(word) || matches!(word, "be" | "been" | "s") || contracted_copula(tokens, j, i)
    })
}

/// Whether the pronoun at `j`, before the rejecting word at `i`, stands for "that's",
/// "it's" or "this's": the tokenizer drops the `'s` as it drops a possessive, so "No,
/// that's wrong." reaches [`rejects_before`] as "that wrong". The pronoun must open its
/// clause, past at most a *but*, *and*, *so* or *yet* ("..., but that's the wrong
/// fix"), and an article or a degree word must stand between ("it's a myth", "that's
/// a common mistake") or the rejecting word end its clause ("that's wrong."): "this
/// wrong setting crashes it" names a setting and rejects nothing.
fn contracted_copula(tokens: &[Token], j: usize, i: usize) -> bool {
    let clause = tokens[i].place.clause;
    let mut before = tokens[..j].iter().rev().filter(|t| !t.part);
    // "..., but that's the wrong fix": a conjunction may open the clause before it.
    let opens = match before.next() {
        Some(t) if t.place.clause == clause => {
            matches!(&*t.norm, "but" | "and" | "so" | "yet")
                && before.next().is_none_or(|t| t.place.clause != clause)
        }
        _ => true,
    };
    matches!(&*tokens[j].norm, "that" | "it" | "this")
        && opens
        && (tokens[j + 1..i].iter().any(|t| !t.part)
            || judges_a_saying(tokens, i)
            || tokens[i + 1..]
                .iter()
                .find(|t| !t.part)
                .is_none_or(|t| t.place.clause != clause))
}

/// The words after the one at `i` in its clause (parts aside), as written.
pub(crate) fn words_after(tokens: &[Token], i: usize) -> impl Iterator<Item = &str> {
    let clause = tokens[i].place.clause;
    tokens[i + 1..]
        .iter()
        .filter(|t| !t.part)
        .take_while(move |t| t.place.clause == clause)
        .map(|t| &*t.norm)
}

/// Whether the rejecting word at `i` judges a saying or a belief that follows it, *to*
/// and a verb of saying or belief: "it's wrong to say X", "it is false to claim that X",
/// "it is incorrect to assume X". What is said is what is rejected, as in "X is wrong".
fn judges_a_saying(tokens: &[Token], i: usize) -> bool {
    let mut after = words_after(tokens, i);
    after.next() == Some("to")
        && after.next().is_some_and(|w| {
            matches!(
                w,
                "say" | "claim" | "state" | "suggest" | "call" | "think" | "believe" | "assume"
            )
        })
}

/// Whether the cue at `i` is a "won't work" (or "doesn't work", "never works"): said
/// of a fix named in the clause before (see [`rejected_by_next`]).
fn says_it_fails(tokens: &[Token], i: usize) -> bool {
    tokens[i].negation
        && tokens[i + 1..]
            .iter()
            .find(|t| !t.part && !t.stop)
            .is_some_and(|t| {
                t.place.clause == tokens[i].place.clause && matches!(&*t.norm, "work" | "works")
            })
}

/// Where the clause rejected by the cue at `i` ends, when the cue's clause opens with
/// *but* and a pronoun that refers back to it, with no other content word before the
/// cue than the verb of a rejecting predicate: "publish 5432 on db, but that wouldn't
/// help", "..., but it won't work", "..., but this is wrong", "..., but that misses the
/// point". `None` otherwise: "but the api still fails" says something of
/// its own.
fn rejected_by_next(tokens: &[Token], i: usize) -> Option<usize> {
    let clause = tokens[i].place.clause;
    let start = (0..i)
        .rev()
        .take_while(|&j| tokens[j].place.clause == clause)
        .last()?;
    if start == 0 {
        return None;
    }
    let mut words = tokens[start..i].iter().filter(|t| !t.part);
    if words.next().map(|t| &*t.norm) != Some("but")
        || !matches!(
            words.next().map(|t| &*t.norm),
            Some("that" | "this" | "it" | "doing")
        )
        || !words.all(|t| {
            t.stop
                || t.negation
                || matches!(
                    &*t.norm,
                    "misses" | "missed" | "treats" | "masks" | "hides" | "patches"
                )
        })
    {
        return None;
    }
    Some(start)
}

/// Whether the word at `i` is the *once* that opens a time clause ("not kept once the
/// container is deleted"), not the adverb of "at once" ("never holds all of them at
/// once in memory"). (*When* and *if* are left under the cue: ending the scope there
/// too cost SemEval-2013's sciEntsBank unseen questions a point of macro-F1.)
fn opens_time_clause(tokens: &[Token], i: usize) -> bool {
    &*tokens[i].norm == "once"
        && tokens[..i]
            .iter()
            .rev()
            .find(|t| !t.part)
            .is_none_or(|t| &*t.norm != "at")
}

/// Whether token `i`, a part, is the root of the privative word before it.
fn is_privative_part(tokens: &[Token], i: usize) -> bool {
    let word = &tokens[i - 1];
    !word.part && word.len > tokens[i].len && privative_root(&word.norm) == Some(&*tokens[i].norm)
}

/// A negation cue in force while [`governing_cues`] reads on.
#[derive(Clone, Copy)]
struct Scope {
    /// The cue.
    cue: usize,
    /// How many content words it has reached.
    reached: usize,
    /// How many it may reach: [`NEGATION_REACH`], or 1 for the subject of a subordinate
    /// clause (see [`subordinate_subject_reach`]).
    limit: usize,
    /// It cancels the cue it is in the scope of.
    cancels: bool,
    /// The clause it reaches in.
    clause: u32,
    /// Its first content word is an -ing form ("rather than publishing").
    gerund: bool,
    /// It reports a belief (see [`reports_belief`]): it reaches to the end of its
    /// clause, however many words the belief has.
    reported: bool,
    /// Its cue is a negating pronoun heading a long subject (see [`heads_long_subject`]):
    /// it reaches to the end of its clause, and on past an aside or a list item.
    subject: bool,
    /// It is passing an aside of such a subject (see [`subject_goes_on`]): the words of
    /// the aside are not negated.
    aside: bool,
}

impl Scope {
    fn new(tokens: &[Token], cue: usize, cancels: bool) -> Scope {
        Scope {
            cue,
            reached: 0,
            limit: subordinate_subject_reach(tokens, cue)
                .or_else(|| breach_reach(tokens, cue))
                .unwrap_or(NEGATION_REACH),
            cancels,
            clause: tokens[cue].place.clause,
            gerund: false,
            reported: reports_belief(tokens, cue),
            subject: heads_long_subject(tokens, cue),
            aside: false,
        }
    }
}

/// The words of negative polarity that open a phrase under a denial: *any*,
/// *anything*, *anyone*, *anybody*, *anywhere* ("doesn't need any X", "never touches
/// anything in X"). The whole phrase is what is denied, so [`governing_cues`] lets the
/// denial reach past [`NEGATION_REACH`] to the end of the clause.
fn is_polarity_item(word: &str) -> bool {
    matches!(word, "any" | "anything" | "anyone" | "anybody" | "anywhere")
}

/// Whether the word of negative polarity at `i` is bounded or excepted by the word
/// after it: "anything *more* than a process", "anything *but* a kernel", "any *other*
/// than the app", "anything *else*", "anyone *except* root": what follows is what is so;
/// or placed: "no permission to create anything *under* /root" says where.
fn bounds_the_item(tokens: &[Token], i: usize) -> bool {
    tokens[i + 1..].iter().find(|t| !t.part).is_some_and(|t| {
        matches!(
            &*t.norm,
            "more"
                | "less"
                | "else"
                | "other"
                | "but"
                | "except"
                | "besides"
                | "beyond"
                | "than"
                | "under"
                | "in"
                | "inside"
                | "on"
                | "at"
                | "within"
                | "outside"
                | "into"
                | "from"
        )
    })
}

/// The negating pronouns: *nothing*, *none*, *nobody*, *nowhere*.
fn is_negative_pronoun(word: &str) -> bool {
    matches!(word, "nothing" | "none" | "nobody" | "nowhere")
}

/// Whether the negating pronoun at `c` opens its clause (after a conjunction at most)
/// as the subject and a phrase
/// that narrows it down follows ("nothing *in* the old cache directory", "none *of* the
/// headers", "nobody *outside* the team"): the clause's verb may stand far after it, so
/// it reaches to the end of its clause rather than [`NEGATION_REACH`] words. Not the
/// subject of a subordinate clause (see [`subordinate_subject_reach`]).
fn heads_long_subject(tokens: &[Token], c: usize) -> bool {
    let clause = tokens[c].place.clause;
    // The word before opens no part of the clause, or only a conjunction that opens it
    // does (", and nothing in that layer survives").
    let opens = |at: usize| {
        tokens[..at]
            .iter()
            .rposition(|t| !t.part)
            .is_none_or(|j| tokens[j].place.clause != clause)
    };
    let before = tokens[..c].iter().rposition(|t| !t.part);
    is_negative_pronoun(&tokens[c].norm)
        && (opens(c)
            || before.is_some_and(|j| {
                matches!(&*tokens[j].norm, "and" | "but" | "so" | "yet") && opens(j)
            }))
        && word_after(tokens, c).is_some_and(|t| {
            t.place.clause == clause
                && matches!(
                    &*t.norm,
                    "of" | "in" | "inside" | "outside" | "from" | "within" | "on" | "at" | "under"
                )
        })
}

/// Whether the scope of a long subject's *nothing* at `c` (see [`heads_long_subject`])
/// goes on in the clause that opens at `i`, in its sentence: `Some(true)` past an aside
/// that opens with a preposition, an adverb or a subordinating word ("however
/// carefully you tune it", "when the job runs"), whose words are not negated;
/// `Some(false)` into the next item of a list ("none of the compiler, *sources* or
/// packages") or to the verb after an aside ("..., *can* open a socket"). `None` where
/// a clause of its own opens: a subject (a determiner or pronoun), a conjunction that
/// opens a clause ("and", "so", "but"), or another cue.
fn subject_goes_on(tokens: &[Token], c: usize, i: usize) -> Option<bool> {
    let first = &tokens[i];
    if first.place.sentence != tokens[c].place.sentence
        || first.negation
        || matches!(&*first.norm, "and" | "or" | "then")
    {
        return None;
    }
    if opens_aside(&first.norm) || opens_subordinate_aside(&first.norm) {
        return Some(true);
    }
    let subject = crate::lang::is_determiner(&first.norm)
        || is_subject_pronoun(&first.norm)
        || matches!(&*first.norm, "there" | "this" | "that" | "these" | "those");
    let verb = is_modal(&first.norm)
        || is_copula(&first.norm)
        || matches!(&*first.norm, "does" | "do" | "did" | "has" | "have" | "had");
    (!subject && !starts_clause(&first.norm) && (verb || !first.stop)).then_some(false)
}

/// Whether the *and* at `i`, with no content word between it and the negating pronoun
/// at `c` (or *no one*, *not one*), ends that pronoun's clause. Between them stands a
/// subject's verb of stop words ("none *do* and", "nothing *gets through* and") or,
/// after an object, nothing ("caches nothing and"); the word after the *and* opens a
/// clause or a predicate of its own, a subject pronoun, a determiner or a content word
/// ("and *they* fail", "and *the* calls fail", "and *forwards* every request"), not a
/// stop word that goes on with the predicate ("nothing gets in and *out* of it") nor
/// another cue ("nothing and nobody").
fn ends_a_pronoun_clause(tokens: &[Token], c: usize, i: usize) -> bool {
    // "no one" and "not one" negate as *nobody* does.
    let pronoun = is_negative_pronoun(&tokens[c].norm)
        || (matches!(&*tokens[c].norm, "no" | "not")
            && word_after(tokens, c).is_some_and(|t| &*t.norm == "one"));
    pronoun
        && word_after(tokens, i).is_some_and(|t| {
            is_subject_pronoun(&t.norm)
                || matches!(
                    &*t.norm,
                    "the" | "a" | "an" | "every" | "each" | "its" | "their"
                )
                || (!t.stop && !t.negation)
        })
}

/// Whether the clause that opens at `i` (in the scope's clause `clause` + 1) is the
/// next item of a list that the cue at `c` denies ("none of the A, *B or RhD
/// antigens*", "lacks a shell, *libc and apk*", "don't carry A, *B or RhD antigens*"),
/// so its denial goes on through the items to the head they share. The cue is one of
/// absence (*no*, *none*, a form of *lack*) with at least a word after it, or a verb's
/// denial (*not*, *never*, *cannot*, *doesn't*, ...) with the verb and a word of its
/// object before the comma (a bare "does not sink, floats" lists what it does); at
/// most [`LIST_ITEM_WORDS`] content words stand before the comma. The clause at `i`
/// opens with a content word (no subject, verb, cue or word that opens a clause), has
/// no modal, auxiliary or form of *be* ("ntp or an admin *can* step it back" is a
/// clause of its own), and has *and*, *or* or *nor* among its next [`LIST_JOIN_AT`] words, or holds at most
/// [`LIST_ITEM_WORDS`] words with the next clause opening with one ("A, B, or C": that
/// last item goes on too, when the item before it had no *and* or *or* of its own). Not a subject's *none of*, which [`subject_goes_on`] reads,
/// nor a pair of states that qualifies the thing denied ("no container, *running or
/// stopped*"), which names every case, denied or not; not *nothing* either ("next to
/// nothing, scratch or distroless" gives examples).
fn goes_on_as_list(tokens: &[Token], c: usize, clause: u32, i: usize) -> bool {
    let (cue, first) = (&tokens[c], &tokens[i]);
    let absence = matches!(&*cue.norm, "no" | "none") || crate::lang::is_form_of(&cue.norm, "lack");
    let denies_verb = cue.negation
        && (cue.norm.ends_with("nt") || matches!(&*cue.norm, "not" | "never" | "cannot"));
    let joins = |t: &Token| matches!(&*t.norm, "and" | "or" | "nor");
    // The words of the first item with the cue's verb, if any ("don't carry A,").
    let words = tokens[c + 1..i]
        .iter()
        .filter(|t| !t.part && t.place.clause == cue.place.clause)
        .count();
    if !(absence || denies_verb)
        || words < if absence { 1 } else { 2 }
        || first.place.sentence != cue.place.sentence
        || first.place.clause != clause + 1
    {
        return false;
    }
    // The words of a clause from `at`, and whether one has a verb of its own.
    let item = |at: usize| -> Vec<&Token> {
        tokens[at..]
            .iter()
            .filter(|t| !t.part)
            .take_while(|t| t.place.clause == tokens[at].place.clause)
            .collect()
    };
    let verb = |words: &[&Token]| {
        words
            .iter()
            .any(|t| is_modal(&t.norm) || is_copula(&t.norm) || is_auxiliary(&t.norm))
    };
    if clause != cue.place.clause && joins(first) {
        // The last item, after a comma: "no A, B, or C antigens" (an item before it
        // with its own *and* or *or* ended the list: ", and the profile blocks ...").
        let start = tokens[..i]
            .iter()
            .position(|t| t.place.clause == clause)
            .unwrap_or(i);
        return !item(start).iter().any(|t| joins(t)) && !verb(&item(i));
    }
    // The words of the item before, after the cue.
    let before = tokens[c + 1..i]
        .iter()
        .filter(|t| !t.part && !t.stop && t.place.clause == clause)
        .count();
    if first.stop
        || first.negation
        || starts_clause(&first.norm)
        || is_modal(&first.norm)
        || is_copula(&first.norm)
        || before > LIST_ITEM_WORDS
    {
        return false;
    }
    let item = item(i);
    if verb(&item) {
        // "isn't reliable, ntp or an admin can step it back": a clause of its own.
        return false;
    }
    let state = |t: &Token| t.norm.ends_with("ing") || t.norm.ends_with("ed");
    if let [one, join, other] = item[..]
        && joins(join)
        && state(one)
        && state(other)
    {
        return false;
    }
    let joined = item.iter().skip(1).take(LIST_JOIN_AT).any(|t| joins(t));
    let next = tokens[i..]
        .iter()
        .find(|t| !t.part && t.place.clause != first.place.clause);
    joined
        || (item.len() <= LIST_ITEM_WORDS
            && next.is_some_and(|t| t.place.sentence == first.place.sentence && joins(t)))
}

/// How far into a list's item (in words after its first) [`goes_on_as_list`] looks for
/// its *and* or *or*: "B *or* RhD antigens", "rolling deploys *or* scheduling".
const LIST_JOIN_AT: usize = 2;

/// The most content words of a list's item that [`goes_on_as_list`] reads as one.
const LIST_ITEM_WORDS: usize = 3;

/// Whether `word` opens an adverbial clause whose subject comes next, and a main clause
/// may follow it with no comma: "*when* nothing has changed", "*if* none of the
/// replicas answer".
fn opens_subordinate(word: &str) -> bool {
    matches!(
        word,
        "when"
            | "whenever"
            | "if"
            | "once"
            | "since"
            | "because"
            | "unless"
            | "until"
            | "while"
            | "as"
            | "although"
            | "though"
            | "where"
    )
}

/// How far a *without* at `c` reaches when a verb of breach follows it with a
/// determiner after ("without breaking the contract", "without losing its state"): to
/// the verb alone, one content word, for what is not broken is kept, and the answer says
/// so plainly. "Without breaking changes" (no determiner: an adjective) still denies
/// the changes. `None` for any other cue.
fn breach_reach(tokens: &[Token], c: usize) -> Option<usize> {
    if &*tokens[c].norm != "without" {
        return None;
    }
    let mut next = tokens[c + 1..].iter().filter(|t| !t.part);
    let verb = next.next()?;
    let determiner = next.next()?;
    (matches!(
        &*verb.norm,
        "breaking"
            | "violating"
            | "losing"
            | "corrupting"
            | "damaging"
            | "dropping"
            | "harming"
            | "compromising"
            | "sacrificing"
    ) && matches!(
        &*determiner.norm,
        "the"
            | "a"
            | "an"
            | "its"
            | "their"
            | "his"
            | "her"
            | "our"
            | "your"
            | "my"
            | "this"
            | "that"
            | "these"
            | "those"
    ) && determiner.place.clause == verb.place.clause)
        .then_some(1)
}

/// How far a negating pronoun at `c` reaches when it is the subject of a subordinate
/// clause ("when nothing has changed the server answers 304"): to its own clause's verb,
/// one content word (two after *of*: "if none of the replicas answer"), so a main clause
/// after it with no comma is said plainly. `None` for any other cue.
fn subordinate_subject_reach(tokens: &[Token], c: usize) -> Option<usize> {
    let clause = tokens[c].place.clause;
    let before = tokens[..c].iter().rev().find(|t| !t.part)?;
    let relative = || {
        // A relative pronoun after a noun ("volume that"), not the *that* of a clause
        // said ("the rule is that no ...").
        let pronoun = tokens[..c].iter().rposition(|t| !t.part);
        pronoun
            .and_then(|p| tokens[..p].iter().rev().find(|t| !t.part))
            .is_some_and(|t| {
                !t.stop && !t.negation && t.place.clause == clause && !t.norm.ends_with("s")
            })
    };
    if &*tokens[c].norm == "no"
        && before.place.clause == clause
        && matches!(&*before.norm, "that" | "which" | "whom")
        && relative()
    {
        // "every volume that no container uses is removed": the relative clause's
        // subject and its verb, not the main clause after it.
        return Some(2);
    }
    if !is_negative_pronoun(&tokens[c].norm) {
        return None;
    }
    if before.place.clause != clause || !opens_subordinate(&before.norm) {
        return None;
    }
    let next = tokens[c + 1..].iter().find(|t| !t.part);
    Some(if next.is_some_and(|t| &*t.norm == "of") {
        2
    } else {
        1
    })
}

/// Whether the cue at `c` sets one thing against another ("unlike", "instead of",
/// "rather than"): it negates a noun phrase, not the clause it stands in.
fn compares(tokens: &[Token], c: usize) -> bool {
    sets_against(&tokens[c].norm)
}

/// Whether `word` is a cue that sets one thing against another (see [`compares`]).
pub fn sets_against(word: &str) -> bool {
    matches!(word, "unlike" | "instead" | "rather")
}

/// Whether the cue at `c` is a *without* that opens its clause, first in it or after a
/// conjunction ("Without the flag ...", "and without a lease ..."), before a noun: a
/// phrase that sets a condition for the main clause after it. Before an -ing form
/// ("without ever materialising the list") it denies a verb and its object.
fn opens_with_without(tokens: &[Token], c: usize) -> bool {
    &*tokens[c].norm == "without"
        && tokens[c + 1..]
            .iter()
            .find(|t| !t.part && !t.stop && !matches!(&*t.norm, "ever" | "even" | "really"))
            .is_some_and(|t| !t.norm.ends_with("ing"))
        && tokens[..c].iter().rev().find(|t| !t.part).is_none_or(|t| {
            t.place.clause != tokens[c].place.clause
                || matches!(&*t.norm, "and" | "but" | "so" | "or" | "because")
        })
}

/// Whether token `i` opens a clause's subject right after a phrase of content words:
/// a subject pronoun, or a determiner or quantifier after a content word ("without the
/// flag *every* program ...", "without a lease *the* two nodes ...", not "without a
/// copy of *the* file").
fn opens_subject(tokens: &[Token], i: usize) -> bool {
    let word = &*tokens[i].norm;
    is_subject_pronoun(word)
        || (matches!(
            word,
            "every" | "each" | "all" | "the" | "a" | "an" | "any" | "both" | "its" | "their"
        ) && tokens[..i]
            .iter()
            .rev()
            .find(|t| !t.part)
            .is_some_and(|t| !t.stop && !t.negation))
}

/// A modal verb, which after "X rather than Y" opens the main clause's predicate.
fn is_modal(word: &str) -> bool {
    matches!(
        word,
        "must" | "should" | "can" | "will" | "would" | "may" | "might" | "could" | "shall"
    )
}

/// A personal pronoun that stands as a clause's subject.
fn is_subject_pronoun(word: &str) -> bool {
    matches!(word, "it" | "they" | "we" | "you" | "he" | "she")
}

/// The cue that opens the clause of `i` as a negated command, if it does: "Don't
/// ...", "Never ...", "Do not ...".
fn imperative_cue(tokens: &[Token], i: usize) -> Option<usize> {
    let clause = tokens[i].place.clause;
    let start = (0..i)
        .rev()
        .take_while(|&j| tokens[j].place.clause == clause)
        .last()?;
    let mut words = (start..i).filter(|&j| !tokens[j].part);
    let first = words.next()?;
    // (The tokenizer spells "don't" *do not*; "dont" is the same typed without its
    // apostrophe.)
    match &*tokens[first].norm {
        "dont" | "never" => Some(first),
        "do" => words.next().filter(|&j| &*tokens[j].norm == "not"),
        _ => None,
    }
}

/// Whether the word after the *or* at `i` opens another predicate of the same command
/// rather than a clause of its own: a content word, not a subject ("or you lose it").
fn next_is_verb_phrase(tokens: &[Token], i: usize) -> bool {
    word_after(tokens, i).is_some_and(|t| !t.stop && !t.negation && !is_subject_pronoun(&t.norm))
}

/// Whether the word after the *or* at `i` opens a thing, in its clause: a determiner
/// ("or a misconfigured DNS server") or an -ing form ("or running out of memory").
fn opens_a_thing(tokens: &[Token], i: usize) -> bool {
    word_after(tokens, i).is_some_and(|t| crate::lang::is_determiner(&t.norm))
        || next_is_gerund(tokens, i)
}

/// Whether the word after the *and* or *or* at `i` is an -ing form, in its clause.
fn next_is_gerund(tokens: &[Token], i: usize) -> bool {
    word_after(tokens, i).is_some_and(|t| !t.stop && t.norm.ends_with("ing"))
}

/// Whether the *none* (*nothing*, ...) at `i` heads the subject of what follows, "none
/// of it is written", "X is kept in RAM and nothing is written", "rejected when none
/// are left", "it checks that nothing changed", or, after a verb that says what a thing
/// shows with its *that* left out, "refused means nothing is listening", "the log shows
/// none were written": then it is not the object of the verb before it, which it leaves
/// plain.
fn heads_a_subject(tokens: &[Token], i: usize) -> bool {
    let next = tokens[i + 1..].iter().find(|t| !t.part);
    let before = tokens[..i].iter().rev().find(|t| !t.part);
    next.is_some_and(|t| &*t.norm == "of")
        || before.is_some_and(|t| {
            matches!(&*t.norm, "and" | "or" | "but" | "that") || opens_subordinate(&t.norm)
        })
        || (follows_a_setting(tokens, i)
            && next.is_some_and(|t| {
                t.place.clause == tokens[i].place.clause
                    && (is_copula(&t.norm)
                        || is_modal(&t.norm)
                        || matches!(&*t.norm, "has" | "had" | "ever" | "else"))
            }))
        || (before.is_some_and(|t| is_showing_verb(&t.norm))
            && next.is_some_and(|t| {
                is_copula(&t.norm) || is_modal(&t.norm) || matches!(&*t.norm, "has" | "had")
            }))
}

/// Whether the words of its clause before the word at `i` are a setting, a phrase that
/// opens with a preposition and holds no verb of its own: "with a bind mount nothing is
/// placed by Docker", "in a scratch image nothing ever runs". The noun before the
/// *nothing* is the setting's, no verb whose object *nothing* is; *nothing* right after
/// the preposition ("for nothing") is its object. [`heads_a_subject`] asks for a form of
/// *be*, a modal, *has*, *ever* or *else* after the *nothing* too: "with Docker managing
/// nothing" has a verb in the phrase.
fn follows_a_setting(tokens: &[Token], i: usize) -> bool {
    let clause = tokens[i].place.clause;
    let mut words = tokens[..i]
        .iter()
        .rev()
        .filter(|t| !t.part)
        .take_while(|t| t.place.clause == clause)
        .collect::<Vec<_>>();
    let Some(first) = words.pop() else {
        return false;
    };
    (1..=4).contains(&words.len())
        && matches!(
            &*first.norm,
            "with" | "in" | "inside" | "on" | "under" | "within" | "for" | "after" | "during"
        )
        && words
            .iter()
            .all(|t| !t.negation && !crate::lang::is_auxiliary(&t.norm))
}

/// A verb that says what a thing shows or means, and takes a clause for its object
/// with its *that* left out ("it means the port is closed").
fn is_showing_verb(word: &str) -> bool {
    matches!(
        word,
        "means"
            | "meant"
            | "shows"
            | "showed"
            | "proves"
            | "proved"
            | "indicates"
            | "indicated"
            | "implies"
            | "implied"
            | "suggests"
            | "suggested"
            | "confirms"
            | "confirmed"
            | "signals"
            | "tells"
    )
}

/// Whether the word at `i` reports what others believe, which the answer does not
/// claim: a verb of belief after *people*, *many*, *some*, *beginners*, ... or after
/// *might*, *may*, *would* ("People often think it also takes the volumes", "many
/// assume that", "you might expect it to"), and *misconception*, *myth* before *that*
/// or *is* ("a common misconception is that ..."), *a common belief* (*assumption*)
/// *is that* (see [`names_a_common_belief`]), and a verb after *tempting to* ("it's
/// tempting to think ..."). The answer says what is true after it ("it doesn't").
pub(super) fn reports_belief(tokens: &[Token], i: usize) -> bool {
    let word = &*tokens[i].norm;
    if matches!(word, "misconception" | "myth") {
        return true;
    }
    if matches!(
        word,
        "mistake" | "error" | "pitfall" | "misreading" | "misunderstanding" | "fix" | "solution"
    ) {
        return names_a_mistake(tokens, i);
    }
    if matches!(word, "belief" | "assumption") {
        return names_a_common_belief(tokens, i);
    }
    if is_reading_noun(word) {
        return names_a_first_reading(tokens, i);
    }
    let hedged = matches!(word, "call" | "calls" | "say" | "says" | "claim" | "claims");
    if !hedged && !is_belief_verb(word) {
        return false;
    }
    if opens_comment(tokens, i) {
        // "The fix is not, as people often think, to check twice": a comment on what
        // is said around it, whose claim stands (or is negated) as it is.
        return false;
    }
    if hedged && !rejected_next(tokens, i) {
        // "People call it a VM, and it is one": only a *but* that rejects it makes
        // what people say no claim of the answer's ("it might say present wrongly,
        // but it never misses one" is the answer's own: a verb of saying needs
        // *people*, *many*, ... before it).
        return false;
    }
    let mut before = tokens[..i]
        .iter()
        .rev()
        .filter(|t| !t.part)
        .take_while(|t| t.place.clause == tokens[i].place.clause)
        .skip_while(|t| t.norm.ends_with("ly") || matches!(&*t.norm, "often" | "still" | "also"));
    let Some(t) = before.next() else {
        return false;
    };
    // "It's tempting to call it a VM, but that's wrong", "it's tempting to think ...":
    // a reading the answer calls tempting, which it does not make its own.
    if &*t.norm == "to" && before.next().is_some_and(|q| &*q.norm == "tempting") {
        return true;
    }
    if endorsed_next(tokens, i) {
        // "People think X, and they are right": the answer makes the belief its own.
        return false;
    }
    if matches!(&*t.norm, "might" | "may" | "would")
        && before
            .next()
            .is_some_and(|q| matches!(&*q.norm, "i" | "we"))
    {
        // "I would suspect the index": the answer's own hedged claim.
        return false;
    }
    matches!(
        &*t.norm,
        "people"
            | "many"
            | "some"
            | "beginners"
            | "newcomers"
            | "users"
            | "others"
            | "developers"
            | "folks"
    ) || (!hedged && matches!(&*t.norm, "might" | "may" | "would"))
        // "Some teams believe", "many admins assume": a group some of whom believe it.
        || (t.norm.ends_with('s')
            && !t.stop
            && before
                .next()
                .is_some_and(|q| matches!(&*q.norm, "some" | "many" | "most")))
}

/// A verb of belief, which [`reports_belief`] reads after *people*, *many*, ...: "think",
/// "believe", "assume", "expect", "suspect", "imagine", "suppose", "blame".
fn is_belief_verb(word: &str) -> bool {
    matches!(
        word,
        "think"
            | "thinks"
            | "believe"
            | "believes"
            | "assume"
            | "assumes"
            | "expect"
            | "expects"
            | "suspect"
            | "suspects"
            | "imagine"
            | "imagines"
            | "suppose"
            | "supposes"
            | "blame"
            | "blames"
    )
}

/// Whether the clause at `i` is a comment on what people believe, "as some people
/// think", "as many assume", "as the docs claim": *as* and a verb of belief (or of
/// saying) in its clause. It places the claim around it and is no part of it, so a
/// negation reaches past it into the rest of its predicate.
fn comments_on_belief(tokens: &[Token], i: usize) -> bool {
    let clause = tokens[i].place.clause;
    &*tokens[i].norm == "as"
        && tokens[i + 1..]
            .iter()
            .take_while(|t| t.place.clause == clause)
            .any(|t| {
                is_belief_verb(&t.norm) || matches!(&*t.norm, "say" | "says" | "claim" | "claims")
            })
}

/// Whether the word at `i` is in a comment clause that opens with *as*: "as people
/// often think", "as many assume", "as you might expect". It reports a common belief
/// only to place the claim around it, which the answer makes (or denies) as it is.
fn opens_comment(tokens: &[Token], i: usize) -> bool {
    let clause = tokens[i].place.clause;
    tokens[..i]
        .iter()
        .filter(|t| !t.part)
        .rev()
        .take_while(|t| t.place.clause == clause)
        .last()
        .is_some_and(|t| &*t.norm == "as")
}

/// Whether the noun at `i` names a claim to reject it: "a common mistake is to use
/// localhost", "a classic pitfall is that ...", "the usual misreading is that ...", "the
/// tempting fix is to publish the port", "a common mistake is assuming ...". A word of
/// frequency stands before *mistake*, *error*, *pitfall*, *misreading*,
/// *misunderstanding* (*tempting* before *fix*, *solution*), and *is* (*was*) and then
/// *to*, *that* or a gerund ([`names_a_deed`]) after it: "the
/// error is that the port is closed" names what went wrong, and is a claim.
fn names_a_mistake(tokens: &[Token], i: usize) -> bool {
    let before = tokens[..i].iter().rev().find(|t| !t.part).map(|t| &*t.norm);
    let qualified = match &*tokens[i].norm {
        "fix" | "solution" => before == Some("tempting"),
        _ => matches!(
            before,
            Some("common" | "frequent" | "classic" | "typical" | "usual" | "beginner's")
        ),
    };
    let mut after = tokens[i + 1..].iter().filter(|t| !t.part).map(|t| &*t.norm);
    qualified
        && matches!(after.next(), Some("is" | "was"))
        && (&*tokens[i].norm == "fix"
            || &*tokens[i].norm == "solution"
            || after
                .next()
                .is_some_and(|w| matches!(w, "to" | "that") || names_a_deed(w)))
}

/// Whether `word` is a gerund that names the deed (or the belief) a mistake consists
/// of, after "a common mistake is": "assuming the cache persists", "raising the
/// timeout", "thinking that ...". It reads as *to* + verb does ("a common mistake is
/// to raise the timeout"). A pronoun in *-thing* ("the usual mistake is nothing of the
/// kind") is no gerund.
fn names_a_deed(word: &str) -> bool {
    word.len() > 4
        && word.ends_with("ing")
        && !matches!(word, "nothing" | "something" | "anything" | "everything")
}

/// Whether the noun at `i` (*belief*, *assumption*) names what many people hold true,
/// to set it up for the denial that follows: "a common belief is that the socket is
/// harmless", "it's a common assumption that ...", "the popular belief was that ...". A
/// word of frequency stands before it (*common*, *widespread*, *popular*, *usual*,
/// *frequent*, *typical*, *classic*), and *that* or *is that* after it. "My belief is
/// that ..." is the answer's own claim, and so is "the common belief is right".
fn names_a_common_belief(tokens: &[Token], i: usize) -> bool {
    let before = tokens[..i].iter().rev().find(|t| !t.part).map(|t| &*t.norm);
    let common = matches!(
        before,
        Some("common" | "widespread" | "popular" | "usual" | "frequent" | "typical" | "classic")
    );
    let mut after = tokens[i + 1..].iter().filter(|t| !t.part).map(|t| &*t.norm);
    common
        && match after.next() {
            Some("that") => true,
            Some("is" | "was") => after.next() == Some("that"),
            _ => false,
        }
}

/// A noun of a first reading of a problem, which [`names_a_first_reading`] looks at:
/// *instinct*, *reflex*, *impulse*, *temptation*, *urge*, *thought*, *guess*, *reaction*,
/// *answer*.
fn is_reading_noun(word: &str) -> bool {
    matches!(
        word,
        "instinct"
            | "reflex"
            | "impulse"
            | "temptation"
            | "urge"
            | "thought"
            | "guess"
            | "reaction"
            | "answer"
    )
}

/// Whether the noun at `i` names a first or tempting reading of the problem, set up
/// for the *but* that follows: "the first instinct is to raise the timeout, but ...",
/// "the temptation is to reindex, but ...", "the first thought is a broken index, but
/// ...", "the obvious answer is X, but ...". A word such as *first*, *natural*,
/// *obvious*, *usual*, *initial*, *immediate*, *easy*, *quick* or *tempting* stands before
/// *instinct*, *reflex*, *reaction*, *thought*, *guess* or *answer* (*the* is enough
/// before *temptation*, *urge*, *impulse*), *is* or *was* follows, and the next clause
/// opens with *but*. Without the *but* ("the first instinct is to X, and that is
/// right") the reading is the answer's own.
fn names_a_first_reading(tokens: &[Token], i: usize) -> bool {
    let before = tokens[..i].iter().rev().find(|t| !t.part).map(|t| &*t.norm);
    let qualified = matches!(
        before,
        Some(
            "first"
                | "natural"
                | "obvious"
                | "usual"
                | "initial"
                | "immediate"
                | "easy"
                | "quick"
                | "tempting"
        )
    ) || (matches!(&*tokens[i].norm, "temptation" | "urge" | "impulse")
        && before == Some("the"));
    let clause = tokens[i].place.clause;
    let mut after = tokens[i + 1..].iter().filter(|t| !t.part);
    qualified
        && after
            .next()
            .is_some_and(|t| matches!(&*t.norm, "is" | "was"))
        && after
            .find(|t| t.place.clause != clause)
            .is_some_and(|t| &*t.norm == "but")
}

/// The first three words of the clause after the one of the word at `i` (after its
/// [`cause_clause`] when it has one), past its `opener` (*but*, *and*); `None` when that
/// clause does not open with it.
fn next_clause_after<'a>(
    tokens: &'a [Token],
    i: usize,
    opener: &str,
) -> Option<impl Iterator<Item = &'a Token>> {
    let clause = cause_clause(tokens, i).map_or(tokens[i].place.clause, |b| tokens[b].place.clause);
    let mut next = tokens[i + 1..]
        .iter()
        .filter(|t| !t.part)
        .skip_while(move |t| t.place.clause <= clause);
    next.next()
        .is_some_and(|t| &*t.norm == opener)
        .then(|| next.take(3))
}

/// The *because* that opens the clause after the one of the verb of belief at `i`, when
/// only stop words follow the verb in its clause: "people say it's because X", "many
/// think that it is because X". The belief is then the cause, and runs on in that
/// clause; "people think it's slow because X" believes *slow*, and its clause ends it.
fn cause_clause(tokens: &[Token], i: usize) -> Option<usize> {
    let clause = tokens[i].place.clause;
    let next = i
        + 1
        + tokens[i + 1..]
            .iter()
            .position(|t| !t.part && t.place.clause != clause)?;
    let between = &tokens[i + 1..next];
    (&*tokens[next].norm == "because"
        && tokens[next].place.clause == clause + 1
        && between.iter().any(|t| !t.part)
        && between.iter().all(|t| t.part || t.stop))
    .then_some(next)
}

/// Whether the clause after the one of the word at `i` endorses the belief it reports:
/// *and* and, within three words and with no negation, *right*, *correct*, *true* or
/// *rightly* ("People think X, and they are right", "..., and that is true").
fn endorsed_next(tokens: &[Token], i: usize) -> bool {
    next_clause_after(tokens, i, "and").is_some_and(|mut words| {
        words
            .by_ref()
            .take_while(|t| !t.negation)
            .any(|t| matches!(&*t.norm, "right" | "correct" | "true" | "rightly"))
    })
}

/// Whether the clause after the one of the word at `i` opens by rejecting it: *but*
/// and, within three words, a negation or *wrong* ("People call it a VM, but it isn't
/// one", "..., but that's wrong", "..., but no"), or what sets the fact against what is
/// said: *actually*, *in fact*, or an emphatic *do* with a verb after it ("People say
/// it has no antibodies, but it does have them", "..., but it actually shares the
/// kernel"). An emphatic *do* that ends its clause ("..., but it does") grants the
/// belief.
fn rejected_next(tokens: &[Token], i: usize) -> bool {
    next_clause_after(tokens, i, "but").is_some_and(|words| {
        let words: Vec<&Token> = words.collect();
        words.iter().enumerate().any(|(k, t)| {
            t.negation
                || matches!(&*t.norm, "wrong" | "false" | "incorrect" | "actually")
                || (&*t.norm == "fact" && k > 0 && &*words[k - 1].norm == "in")
                || (matches!(&*t.norm, "do" | "does" | "did")
                    && words
                        .get(k + 1)
                        .is_some_and(|n| n.place.clause == t.place.clause))
        })
    })
}

/// The clause a cue at `c` goes on in when its own clause ends at `i` before the cue
/// has reached a content word, with an aside (between commas: neither end is a word
/// that opens a clause): "Kafka does not, across
/// the partitions of a topic, keep any order", "is not, in the end, kept", "none of it
/// is ever, at any point, written to disk". The cue has a word of its clause before
/// or after it (a reply "No, in fact, ..." negates nothing after it), the aside opens
/// with a preposition or an adverb and runs to its comma however long it is ("is not,
/// as far as I know from any of the docs, the default"), and the clause after it is in
/// the same sentence and opens with no subject of its own (a pronoun, or a determiner
/// unless the cue follows a form of *be*: "is not, ..., the default" goes on to its
/// complement). The aside itself is not negated.
pub(crate) fn resumes_after_aside(tokens: &[Token], c: usize, i: usize) -> Option<u32> {
    let cue = tokens[c].place;
    let (aside, first) = (tokens[i].place, &tokens[i]);
    let apart = |t: Option<&Token>| t.is_none_or(|t| t.place.clause != cue.clause);
    let alone = apart(tokens[..c].iter().rev().find(|t| !t.part))
        && apart(tokens[c + 1..].iter().find(|t| !t.part));
    if alone
        || aside.sentence != cue.sentence
        || aside.clause != cue.clause + 1
        || !(opens_aside(&first.norm) || opens_subordinate_aside(&first.norm))
    {
        return None;
    }
    // The aside may hold clauses of its own ("at any point while it runs", "when you
    // delete it"): it ends at the first clause that a word of its own does not open,
    // which only punctuation can have started.
    let mut words = tokens[i..].iter().filter(|t| !t.part);
    let mut clause = aside.clause;
    let mut inner = 0;
    let next = loop {
        let t = words.next()?;
        if t.place.clause == clause {
            continue;
        }
        if inner < MAX_ASIDE_CLAUSES && (starts_clause(&t.norm) || opens_subordinate_aside(&t.norm))
        {
            (clause, inner) = (t.place.clause, inner + 1);
            continue;
        }
        break t;
    };
    // After a negated form of *be* ("is not, as far as I know, the default") an
    // article opens its complement, not a subject of its own.
    let copula = tokens[..c]
        .iter()
        .rev()
        .find(|t| !t.part)
        .is_some_and(|t| t.place.clause == cue.clause && is_copula(&t.norm));
    let subject = (crate::lang::is_determiner(&next.norm) && !copula)
        || matches!(
            &*next.norm,
            "it" | "they" | "you" | "we" | "i" | "he" | "she" | "this" | "that" | "there"
        );
    (next.place.sentence == cue.sentence
        && next.place.clause == clause + 1
        && !subject
        && !next.negation
        && !starts_clause(&next.norm))
    .then_some(next.place.clause)
}

/// Whether the clause at `i` opens a list of examples of what the clause before it
/// names: *such as*, *e.g.* (not *including*, which may add to the subject: "deletes
/// the volumes no container uses, including those of stopped containers").
fn opens_example(tokens: &[Token], i: usize) -> bool {
    // The dot of *e.g.* ends a clause of its own: the examples are the clause after it.
    let eg = |t: &Token| matches!(&*t.norm, "e.g" | "e.g.");
    match &*tokens[i].norm {
        "such" => word_after(tokens, i).is_some_and(|t| &*t.norm == "as"),
        _ => eg(&tokens[i]) || tokens[..i].iter().rev().find(|t| !t.part).is_some_and(eg),
    }
}

/// The most clauses an aside between a cue and its predicate may hold besides its first.
const MAX_ASIDE_CLAUSES: usize = 2;

/// Whether `word` opens a subordinate clause that can stand as an aside between a cue
/// and what it negates: "is not, when you delete the container, removed", "is not,
/// whatever people say, kept in RAM".
fn opens_subordinate_aside(word: &str) -> bool {
    matches!(
        word,
        "when" | "whenever" | "while" | "whatever" | "whichever" | "wherever" | "once" | "if"
    )
}

/// Whether `word` opens an aside: a preposition ("in the end", "across the
/// partitions", "at any point", "for now", "with the default settings", "contrary to
/// what the docs suggest") or an adverb ("ultimately", "however", also opening a
/// concession: "must not, however tempting it looks, rename it").
fn opens_aside(word: &str) -> bool {
    word.ends_with("ly")
        || matches!(
            word,
            "in" | "at"
                | "on"
                | "across"
                | "for"
                | "by"
                | "within"
                | "under"
                | "over"
                | "after"
                | "during"
                | "from"
                | "of"
                | "to"
                | "through"
                | "despite"
                | "contrary"
                | "with"
                | "regardless"
                | "indeed"
                | "however"
                | "even"
                | "still"
                | "as"
                | "strictly"
        )
}

/// Joins the clause of a corrective *but* to the negated clause before it, for the
/// relations `within = "clause"`: "a CNAME never points at an IP address but at another
/// name" says of the CNAME that it points at another name. The *but* must follow a
/// clause with a negation cue and open a complement, not a clause with a subject of its
/// own: a preposition or an article comes next ("but at", "but to", "but a", "but
/// rather"). The negation still ends at the *but* (clauses are left as they are).
pub fn join_corrective(tokens: &mut [Token]) {
    for b in 1..tokens.len() {
        if tokens[b].part || &*tokens[b].norm != "but" {
            continue;
        }
        let Some(prev) = (0..b).rev().find(|&j| !tokens[j].part) else {
            continue;
        };
        let (before, at) = (tokens[prev].place, tokens[b].place);
        if before.sentence != at.sentence || before.segment == at.segment {
            continue;
        }
        let negated = tokens[..=prev]
            .iter()
            .rev()
            .take_while(|t| t.place.clause == before.clause)
            .any(|t| t.negation);
        let complement = tokens[b + 1..].iter().find(|t| !t.part).is_some_and(|t| {
            t.place.clause == at.clause
                && matches!(
                    &*t.norm,
                    "at" | "to"
                        | "in"
                        | "on"
                        | "by"
                        | "from"
                        | "with"
                        | "for"
                        | "into"
                        | "onto"
                        | "through"
                        | "via"
                        | "under"
                        | "inside"
                        | "as"
                        | "a"
                        | "an"
                        | "another"
                        | "only"
                        | "just"
                        | "merely"
                        | "rather"
                        | "instead"
                )
        });
        if negated && complement {
            for token in tokens[b..]
                .iter_mut()
                .take_while(|t| t.place.sentence == at.sentence)
                .filter(|t| t.place.segment == at.segment)
            {
                token.place.segment = before.segment;
            }
        }
    }
}

/// Whether the cue at `i`, governed by `outer`, cancels it: a double negation of a
/// verb's negation (`not`, `never`, `cannot`, `n't`) and a privative word after it
/// ("not without risk", "cannot run without a kernel", "never fails to restart",
/// "doesn't avoid bind mounts", "does not save you from having X"), and a *no* or
/// *never* after it ("it doesn't mean no duplicates"). Two negating words ("no, it
/// does not", "neither ... nor", "no NAT no port mapping") each negate.
fn cancels_outer(tokens: &[Token], i: usize, outer: Option<usize>) -> bool {
    let Some(outer) = outer else {
        return false;
    };
    let verbal = tokens[outer].negation
        && !matches!(
            &*tokens[outer].norm,
            "no" | "none"
                | "nor"
                | "neither"
                | "nothing"
                | "nobody"
                | "nowhere"
                | "without"
                | "avoid"
                | "avoids"
                | "avoiding"
        );
    let privative = matches!(
        &*tokens[i].norm,
        "without"
            | "avoid"
            | "avoids"
            | "avoiding"
            | "from"
            | "lack"
            | "lacks"
            | "lacked"
            | "lacking"
            | "leave"
            | "leaves"
            | "leaving"
            | "fail"
            | "fails"
            | "failed"
            | "failing"
            | "unable"
    );
    // "doesn't mean no duplicates", "isn't true that it is never duplicated": the cue
    // of a denied claim is denied with it; and so is a *not* in what a denied verb of
    // meaning says ("no-cache doesn't mean 'don't cache'", "doesn't mean it is not
    // stored": the answer says it is cached, and stored).
    // "People think O-negative has no antibodies, but ...": a negation inside a belief
    // reported is reported with it, as one inside a claim rejected is.
    let reported = tokens[i].negation
        && !tokens[outer].negation
        && tokens[outer].place.sentence == tokens[i].place.sentence
        && reports_belief(tokens, outer);
    reported
        || verbal
            && (privative
                || matches!(&*tokens[i].norm, "no" | "never")
                || (matches!(&*tokens[i].norm, "not" | "nt" | "cannot")
                    && denies_a_meaning(tokens, outer)))
}

/// Whether the cue at `i` is a *without* that opens its sentence whose claim, later in
/// the sentence, is a failure: "Without pipefail, set -e fails to notice it", "without
/// quotes the shell is unable to keep the value together". The two negations cancel:
/// what *without* names is what is needed, said plainly. A plain denial after it may
/// say that the lack is safe ("without capabilities the container cannot abuse the
/// socket"), and leaves it negated.
fn names_what_is_needed(tokens: &[Token], i: usize) -> bool {
    let sentence = tokens[i].place.sentence;
    &*tokens[i].norm == "without"
        && tokens[..i]
            .iter()
            .rev()
            .find(|t| !t.part)
            .is_none_or(|t| t.place.sentence != sentence)
        && tokens[i + 1..]
            .iter()
            .enumerate()
            .take_while(|(_, t)| t.place.sentence == sentence)
            .any(|(k, t)| {
                !t.part
                    && matches!(&*t.norm, "fail" | "fails" | "failed" | "unable")
                    && word_after(tokens, i + 1 + k).is_some_and(|n| &*n.norm == "to")
            })
}

/// Whether token `i` names what the word after it saves: "memory" in "memory saving",
/// "disk savings", "size reduction". Under a negation it is the saving that is denied,
/// and a plain "memory savings" says *less memory* (see `matcher`).
#[inline]
pub fn names_a_saving(tokens: &[Token], i: usize) -> bool {
    if tokens[i].stop {
        return false;
    }
    let Some(next) = tokens[i + 1..].iter().find(|t| !t.part) else {
        return false;
    };
    // Cheap tests first: this runs for most words under a negation.
    let word = next.norm.as_bytes();
    word.len() >= 6
        && matches!(word[0], b's' | b'r')
        && matches!(
            &*next.norm,
            "saving" | "savings" | "reduction" | "reductions"
        )
        && next.place.clause == tokens[i].place.clause
}

/// Whether the word at `i` is the *not* of "not only" (*not just*, *not merely*): it
/// negates no claim after it ("not only X but Y" says X), but it denies the *only*, so
/// a keyword `only` is not met by "it is not only one writer".
fn denies_only(tokens: &[Token], i: usize) -> bool {
    &*tokens[i].norm == "not"
        && tokens
            .get(i + 1)
            .is_some_and(|t| !t.part && matches!(&*t.norm, "only" | "just" | "merely"))
        && !commands_not_just(tokens, i)
}

/// Whether the *not* at `i` is that of a command "do not just V" ("don't just restart
/// it, find what leaks"): the *do* opens its clause, with no subject before it (or
/// only a connective: *so*, *and*, *but*, *then*). It advises against V as the fix, a
/// negation of V, where "it does not just compress, it encrypts" says both.
fn commands_not_just(tokens: &[Token], i: usize) -> bool {
    let mut before = tokens[..i].iter().rev().filter(|t| !t.part);
    let Some(aux) = before.next() else {
        return false;
    };
    let clause = aux.place.clause;
    &*aux.norm == "do"
        && before
            .take_while(|t| t.place.clause == clause)
            .all(|t| matches!(&*t.norm, "so" | "and" | "but" | "then"))
}

/// Whether [`governing_cues`] may have anything to do at the word `word` (of stem
/// `stem`) outside a cue's scope: it may open a negation ([`opens_negation`]), deny the
/// clause before it ([`denies_before`]), reject it ([`rejects_before`]; the words of
/// `reject` have bits of their own), or join a negated command's verbs (*or*). `token`
/// learns it once per word, so the other words of an answer cost nothing there: a word
/// those functions come to look for must be added here.
pub fn may_negate(word: &str, stem: &str) -> bool {
    is_negation(word)
        || is_reading_noun(word)
        || DENIED.contains(&stem)
        || HARMING_WORDS.contains(&word)
        || is_belief_verb(word)
        || matches!(
            word,
            "or" | "idea"
                | "practice"
                | "wrong"
                | "mistake"
                | "myth"
                | "misconception"
                | "fallacy"
                | "false"
                | "incorrect"
                | "instead"
                | "rather"
                | "unlike"
                | "fail"
                | "fails"
                | "failed"
                | "failing"
                | "unable"
                | "lack"
                | "lacks"
                | "lacked"
                | "lacking"
                | "leave"
                | "leaves"
                | "leaving"
                | "from"
                | "call"
                | "calls"
                | "say"
                | "says"
                | "claim"
                | "claims"
                | "error"
                | "pitfall"
                | "misreading"
                | "misunderstanding"
                | "fix"
                | "solution"
                | "belief"
                | "assumption"
                | "mistaken"
                | "misguided"
                | "resist"
                | "resists"
                | "resisting"
        )
}

/// Whether the *not* at `i` makes an exclusive bound of a value: "up to but not
/// including 2.0.0", "not inclusive of 100". The value is the bound, said plainly, as
/// in "below 2.0.0" or "excluding 2.0.0", which are no cues: the range ends there.
fn bounds_a_value(tokens: &[Token], i: usize) -> bool {
    let mut after = tokens[i + 1..]
        .iter()
        .filter(|t| !t.part)
        .take_while(|t| t.place.clause == tokens[i].place.clause);
    after
        .next()
        .is_some_and(|t| matches!(&*t.norm, "including" | "inclusive"))
        && after
            .find(|t| !matches!(&*t.norm, "of" | "the" | "version"))
            .is_some_and(|t| t.norm.starts_with(|c: char| c.is_ascii_digit()))
}

/// Whether token `i` says what happens in a thing's absence: its sentence opens with
/// *without* and a phrase set off before it ("Without a lease, two nodes both act as
/// leader"). The model answer states such a consequence plainly, and an answer may
/// state it either way: plainly under its own *without*, or denied of the thing
/// ("with a lease, no two nodes act as leader").
pub fn in_absence(tokens: &[Token], i: usize) -> bool {
    let place = tokens[i].place;
    let start = tokens[..i]
        .iter()
        .rposition(|t| t.place.sentence != place.sentence)
        .map_or(0, |j| j + 1);
    let opener = &tokens[start];
    &*opener.norm == "without" && opener.place.clause < place.clause
}

/// Whether the cue at `c`, which denies the term that runs from `start` to `end`, names
/// that term as the thing whose absence its sentence goes on to explain, and so as what
/// is needed. The term comes right after the cue, only function words between ("without
/// a salt"; not the *broadcasts* of "Without STP broadcasts loop"), never a gerund (a
/// deed left undone: "without inheriting the sockets"), and the cue is
///
/// - a *without* that opens its sentence, or a clause after *and*, *but*, *so* or *yet*:
///   "Without a salt, rainbow tables crack the hashes", "..., and without a lock two
///   threads interleave";
/// - a *without* after its sentence's subject, a determiner and at most three words,
///   none a stop word or a verb of the present in *-s*: "A table without a unique
///   constraint takes both rows", "a counter without a mutex loses updates" (not "the
///   service runs without a lock");
/// - the *no* of a *with no* that opens its sentence in the same way: "With no unique
///   constraint, both inserts succeed";
/// - a *no* that opens its sentence, its noun phrase the subject of *means*: "No salt
///   means rainbow tables work".
///
/// The sentence must go on past the term, with at least two more content words (a
/// manner adjunct at its end, ", without involving the bastion at all", is no cause),
/// and say nothing of the absence doing no harm (*fine*, *safe*, *harmless*, *matter*,
/// *difference*, ...): "without a salt the hashes are still safe" dismisses the thing.
pub fn needed_in_absence(tokens: &[Token], c: usize, start: usize, end: usize) -> bool {
    let place = tokens[c].place;
    let words = |range: std::ops::Range<usize>| {
        tokens[range]
            .iter()
            .filter(|t| !t.part)
            .filter(move |t| t.place.sentence == place.sentence)
    };
    if start <= c || words(c + 1..start).any(|t| !t.stop || t.negation) {
        return false;
    }
    // A gerund names a deed left undone, not a thing missing: "Without inheriting the
    // sockets, the helper runs" says it runs and inherits nothing.
    if words(c + 1..tokens.len())
        .next()
        .is_some_and(|t| t.norm.len() > 5 && t.norm.ends_with("ing"))
    {
        return false;
    }
    let before: Vec<&Token> = words(0..c).collect();
    // Whether the word at `before[k]` (the cue when `k == before.len()`) opens its
    // sentence, or a clause after a conjunction that opens it.
    let opens_at = |k: usize| {
        k == 0
            || (k >= 2
                && matches!(&*before[k - 1].norm, "and" | "but" | "so" | "yet")
                && before[k - 2].place.clause != before[k - 1].place.clause)
    };
    let n = before.len();
    let shape = match &*tokens[c].norm {
        "without" => {
            opens_at(n)
                || ((1..=4).contains(&n)
                    && crate::lang::is_determiner(&before[0].norm)
                    && before[1..]
                        .iter()
                        .all(|t| !t.stop && !t.negation && !t.norm.ends_with('s')))
        }
        "no" => {
            let with = n >= 1 && &*before[n - 1].norm == "with" && opens_at(n - 1);
            let means = n == 0
                && words(end + 1..tokens.len())
                    .take(4)
                    .take_while(|t| t.place.clause == place.clause)
                    .any(|t| matches!(&*t.norm, "means" | "meant"));
            with || means
        }
        _ => false,
    };
    if !shape {
        return false;
    }
    let after: Vec<&Token> = words(end + 1..tokens.len()).collect();
    after.iter().filter(|t| !t.stop).count() >= 2
        && !after.iter().any(|t| {
            matches!(
                &*t.norm,
                "fine"
                    | "safe"
                    | "ok"
                    | "okay"
                    | "harmless"
                    | "matter"
                    | "matters"
                    | "difference"
                    | "unaffected"
                    | "unchanged"
                    | "well"
            )
        })
}

/// Whether the negation cue at `c` is lifted by an exception in its sentence: an
/// *unless* after it, in its clause or the next ("won't run a script unless its nonce
/// matches", "is not reachable from outside unless you publish a port"), or an *unless*
/// clause the sentence opens with before it ("Unless you pass -v, the volume is not
/// removed"). What the cue denies is then said to happen on a condition, as "runs only
/// if its nonce matches" says it, and a match under it counts in either polarity. Only
/// a cue that denies a verb or its subject (*not*, *never*, *no*, ...), not *without*
/// or *avoid*.
pub fn excepted(tokens: &[Token], c: usize) -> bool {
    let cue = &tokens[c];
    if !matches!(
        &*cue.norm,
        "not" | "never" | "cannot" | "no" | "nothing" | "nobody" | "none"
    ) {
        return false;
    }
    let place = cue.place;
    let after = tokens[c + 1..]
        .iter()
        .filter(|t| !t.part)
        .take_while(|t| t.place.sentence == place.sentence && t.place.clause <= place.clause + 1)
        .any(|t| &*t.norm == "unless");
    after
        || tokens[..c]
            .iter()
            .rev()
            .take_while(|t| t.place.sentence == place.sentence)
            .last()
            .is_some_and(|t| &*t.norm == "unless" && t.place.clause < place.clause)
}

/// Whether the model answer's word at `i` is said in a way an answer may say either
/// plainly or denied: in a thing's absence ([`in_absence`]) or as what something
/// prevents ([`prevented`]).
pub fn either_way(tokens: &[Token], i: usize) -> bool {
    in_absence(tokens, i) || prevented(tokens, i)
}

/// Stems of verbs whose object does not happen: "this defeats SSL stripping", "the
/// lease prevents a split brain".
const PREVENTING: &[&str] = &["prevent", "defeat", "thwart", "foil", "block", "stop"];

/// Whether token `i` names what is prevented: the object of a [`PREVENTING`] verb, at
/// most one other content word between ("defeats SSL stripping"), or the subject of a
/// *stops* or *ceases* right after it ("traffic stops going to it"). The model answer
/// says plainly what does not happen, and an answer may deny it ("an attacker can't
/// strip SSL", "the pod isn't sent traffic").
pub fn prevented(tokens: &[Token], i: usize) -> bool {
    prevented_by(tokens, i, i, PREVENTING).is_some()
}

/// Stems of the verbs of [`PREVENTING`] that always take an object: *block* and *stop*
/// also say that their subject waits or ends ("it blocks receiving from ch").
pub const DEFEATING: &[&str] = &["prevent", "defeat", "thwart", "foil"];

/// The verb that prevents the words `first..=last` ([`prevented`]): one of `verbs`
/// (stems) before them, or the *stops* or *ceases* right after them. Not the means
/// the deed is done with: a term after a preposition of means between the verb and it
/// ("Stop it with hysteresis", "Prevent it by binding only the allowed fields") is what
/// stops the thing, not what is stopped ([`names_the_means`]); nor the subject of a
/// *stops* that has an object of its own ("hysteresis stops it", "the lock stops the
/// race"), which does the stopping ("calls stop reaching it" has none).
pub fn prevented_by(tokens: &[Token], first: usize, last: usize, verbs: &[&str]) -> Option<usize> {
    let clause = tokens[first].place.clause;
    let verb = (0..first)
        .rev()
        .filter(|&j| !tokens[j].part && !tokens[j].stop)
        .take_while(|&j| tokens[j].place.clause == clause)
        .take(2)
        .find(|&j| !tokens[j].negation && verbs.contains(&&*tokens[j].stem))
        .filter(|&j| !names_the_means(&tokens[j + 1..first]));
    verb.or_else(|| {
        let mut after = (last + 1..tokens.len()).filter(|&j| !tokens[j].part);
        let verb = after.next().filter(|&j| {
            matches!(
                &*tokens[j].norm,
                "stop" | "stops" | "stopped" | "cease" | "ceases" | "ceased"
            )
        })?;
        let object = after.next().is_some_and(|j| {
            tokens[j].place.clause == tokens[verb].place.clause && opens_an_object(&tokens[j].norm)
        });
        (!object).then_some(verb)
    })
}

/// Whether `between`, the words from a verb of prevention to a term after it, hold a
/// preposition of means (*with*, *by*, *using*, *via*, *through*): the term is then
/// what the deed is done with ("Prevent it with a lock", "Stop the flapping with
/// hysteresis"), and the thing prevented stands before the preposition.
fn names_the_means(between: &[Token]) -> bool {
    between
        .iter()
        .any(|t| matches!(&*t.norm, "with" | "by" | "using" | "via" | "through"))
}

/// Whether `word`, right after a *stops*, opens its object: a pronoun or a determiner
/// ("stops it", "stops the race", "stops any retry"). A gerund or a preposition after
/// it ("stop working", "stop at the limit") leaves the subject the thing that stops.
fn opens_an_object(word: &str) -> bool {
    matches!(
        word,
        "it" | "them"
            | "this"
            | "that"
            | "these"
            | "those"
            | "the"
            | "a"
            | "an"
            | "any"
            | "every"
            | "all"
            | "each"
            | "both"
    )
}

/// Stems of verbs that keep their object from doing what follows *from*: "the lock
/// stops a second writer from updating the row", "keeps attackers from predicting".
const HOLDING_OFF: &[&str] = &[
    "stop", "prevent", "keep", "block", "bar", "prohibit", "forbid", "protect", "deter",
];

/// The verb that holds off the deed at token `i`, if one does: `i` a gerund right after
/// a *from* (or after *from being* or *from ever*: "from ever writing", "from being
/// updated"), and at most seven words before that *from*, in its clause, a
/// [`HOLDING_OFF`] verb ("stops a second transaction from updating"); or `i` a gerund
/// that opens its clause, and a form of *be*, a *what* and such a verb after it in its
/// sentence ("updating the row is what the lock stops a writer from doing", "... is
/// what the lock prevents"). "X stops Y from doing A" says Y does not do A, as "Y
/// cannot do A" does; the caller asks whether the verb itself is denied ("nothing
/// stops Y from doing A" says Y may).
pub fn held_off(tokens: &[Token], i: usize) -> Option<usize> {
    let holds = |t: &Token| t.class == Class::Word && HOLDING_OFF.contains(&&*t.stem);
    let place = tokens[i].place;
    let mut before = (0..i).rev().filter(|&j| !tokens[j].part);
    let mut from = before.next();
    // "from being updated" holds off a participle; "from ever writing" a gerund.
    let passive = from.is_some_and(|f| &*tokens[f].norm == "being");
    if passive || from.is_some_and(|f| &*tokens[f].norm == "ever") {
        from = before.next();
    }
    if from.is_some_and(|f| &*tokens[f].norm == "from")
        && (passive || tokens[i].norm.ends_with("ing"))
    {
        return before
            .take(7)
            .take_while(|&v| tokens[v].place.clause == place.clause)
            .find(|&v| holds(&tokens[v]));
    }
    // The pseudo-cleft: the gerund opens its clause, "A ... is what X stops Y from
    // doing".
    let opens = (0..i)
        .rev()
        .find(|&j| !tokens[j].part)
        .is_none_or(|j| tokens[j].place.clause != place.clause);
    if !opens || !tokens[i].norm.ends_with("ing") {
        return None;
    }
    let mut rest = (i + 1..tokens.len())
        .filter(|&j| !tokens[j].part)
        .take_while(|&j| tokens[j].place.sentence == place.sentence)
        .take(16);
    let mut be = false;
    for j in rest.by_ref() {
        let norm = &*tokens[j].norm;
        if be && norm == "what" {
            return rest.take(4).find(|&v| holds(&tokens[v]));
        }
        be = matches!(norm, "is" | "was" | "are" | "were");
    }
    None
}

/// Whether the *without* at `c` waives a condition: "without waiting for a majority",
/// "without needing a restart", "without requiring a lock". What follows is what the
/// model answer makes a condition, denied as one, not a way of doing things.
pub fn waives(tokens: &[Token], c: usize) -> bool {
    tokens[c + 1..].iter().find(|t| !t.part).is_some_and(|t| {
        t.place.clause == tokens[c].place.clause
            && matches!(&*t.norm, "waiting" | "needing" | "requiring" | "awaiting")
    })
}

/// Whether the cue at `c` (by `cues`, see [`governing_cues`]) denies token `i` first:
/// every word between them that the cue governs is a function word or only stresses
/// the negation ("must not, even when it looks valid, accept", "is not by any means
/// deleted"), where "doesn't survive when it is deleted" denies *survive*, not
/// *deleted*.
pub fn denies_first(tokens: &[Token], cues: &[Option<usize>], c: usize, i: usize) -> bool {
    c < i
        && (c + 1..i).all(|j| {
            cues.get(j).copied().flatten() != Some(c)
                || tokens[j].part
                || tokens[j].stop
                || stresses_negation(tokens, j)
        })
}

/// Whether token `i` only stresses the negation it is under ("without ever", "not
/// really", "not in any way", "not actually", "not in any real sense", "not by any
/// means", "not in the least"): it does not use up the reach.
pub(crate) fn stresses_negation(tokens: &[Token], i: usize) -> bool {
    let before = |n: usize| i.checked_sub(n).map(|j| &*tokens[j].norm);
    match &*tokens[i].norm {
        "ever" | "really" | "actually" | "truly" | "necessarily" | "anymore" | "whatsoever" => true,
        // "in any way", "by any means", "in any (real) sense".
        "way" | "sense" | "means" => {
            before(1) == Some("any") || (before(2) == Some("any") && stresses_any(before(1)))
        }
        // The *real* of "in any real sense".
        word if stresses_any(Some(word)) => {
            before(1) == Some("any")
                && tokens
                    .get(i + 1)
                    .is_some_and(|t| matches!(&*t.norm, "way" | "sense"))
        }
        "least" => before(1) == Some("the") && before(2) == Some("in"),
        "all" => before(1) == Some("at"),
        _ => false,
    }
}

/// Whether `word` qualifies the *sense* (*way*) of "in any real sense", "in any
/// meaningful way", which stresses a negation all the same.
fn stresses_any(word: Option<&str>) -> bool {
    matches!(word, Some("real" | "meaningful" | "practical" | "true"))
}

/// What a negated predicate says of its subject when it denies it: "doesn't exist",
/// "never happens", "won't help", "doesn't matter", "isn't the problem" (by stem), and "is not needed", "won't fix it",
/// "isn't involved", "is not acceptable", "is not allowed", "isn't a good idea" (by word: "doesn't need
/// -p" says something of its subject, and so does "doesn't allow B"; "has no fixed
/// size" says something of it too, and "fixed" has the stem of "fix").
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
const DENYING_WORDS: &[&str] = &[
    "needed",
    "necessary",
    "required",
    "fix",
    "fixes",
    "involved",
];

/// Verbs of existence, which deny their subject when nothing follows them in their
/// clause, or only an *and* that opens a subject of its own ("a separate state for the
/// module doesn't exist", "... doesn't exist yet", "the loop never happens and the
/// resolver gets its answer"): "/app doesn't exist in the image" says where, and is
/// still a claim about /app. (Not *work* or *used*: "localhost doesn't work from the
/// container" says how it fails, and is still a claim about localhost.)
const EXISTING_WORDS: &[&str] = &[
    "exist", "exists", "existed", "happen", "happens", "happened", "occur", "occurs", "occurred",
];

/// Words that deny their subject as a predicate ("keeping TLS 1.0 is not acceptable"),
/// but not with a verb after them, whose subject then does something: "Docker wasn't
/// allowed to create it" says that Docker did not create it, not that there is no Docker.
const DISALLOWING_WORDS: &[&str] = &[
    "acceptable",
    "allowed",
    "permitted",
    "ok",
    "okay",
    "advisable",
    "recommended",
    "idea",
];

/// Stems of adjectives that deny the clause before them: "raising --cpus is pointless".
const DENIED: &[&str] = &[
    "unnecessari",
    "irrelev",
    "pointless",
    "useless",
    "needless",
    "ineffect",
    "unaccept",
    "inadvis",
    "nonexist",
];

/// Whether `token` is an adjective that denies the clause before it (see [`DENIED`]):
/// "raising --cpus is pointless", "antibiotics are useless here".
pub(super) fn denying_adjective(token: &Token) -> bool {
    token.len >= 7
        && matches!(token.norm.as_bytes()[0], b'u' | b'i' | b'p' | b'n')
        && DENIED.contains(&&*token.stem)
}

/// Whether token `i` denies the clause before it: a denying adjective, *a bad idea*,
/// or a `not`, `never` or `no` whose predicate (its next content word, past a modifier)
/// denies, or which follows a cleft's *is what* ("a new list on each call is exactly
/// what does not happen").
fn denies_before(tokens: &[Token], i: usize) -> bool {
    let token = &tokens[i];
    if !token.negation {
        // Cheap tests first: this runs for every word of every answer.
        return denying_adjective(token)
            || (matches!(&*token.norm, "idea" | "practice")
                && i > 0
                && &*tokens[i - 1].norm == "bad")
            || (token.len >= 4 && only_harms(tokens, i));
    }
    // A negating word that negates a verb or an adjective ("not", "never", "no",
    // "doesnt", ...), not a preposition or a pronoun ("without", "nothing") nor "avoid".
    const NOT_VERBAL: &[&str] = &[
        "without", "none", "nor", "neither", "nothing", "nobody", "nowhere", "avoid", "avoids",
        "avoiding",
    ];
    if &*token.norm == "nothing" {
        return changes_nothing(tokens, i);
    }
    let verbal = !NOT_VERBAL.contains(&&*token.norm);
    // "not only brings it back but ...", "doesn't just help, it ...": "not only X" says
    // X (round 41, w71-neg).
    if !verbal || concedes(tokens, i) || denies_only(tokens, i) {
        return false;
    }
    if makes_no_difference(tokens, i) || elides_the_predicate(tokens, i) {
        return true;
    }
    let clause = token.place.clause;
    let denying = |(j, t): &(usize, &Token)| {
        DENYING.contains(&&*t.stem)
            || remedies_it(tokens, *j)
            || DENYING_WORDS.contains(&&*t.norm)
            || (EXISTING_WORDS.contains(&&*t.norm)
                && (j + 1..tokens.len())
                    .filter(|&k| !tokens[k].part)
                    .take_while(|&k| {
                        tokens[k].place.clause == clause
                            && !(&*tokens[k].norm == "and" && subject_after(tokens, k))
                    })
                    .all(|k| {
                        let t = &tokens[k];
                        t.stop || t.negation || matches!(&*t.norm, "anymore" | "yet")
                    }))
            || (DISALLOWING_WORDS.contains(&&*t.norm)
                && !tokens[j + 1..]
                    .iter()
                    .find(|t| !t.part)
                    .is_some_and(|t| t.place.clause == clause && &*t.norm == "to"))
    };
    // The predicate is the first content word after the cue, or the one after a
    // modifier ("won't really help", "isn't the main problem"): in "does not simplify
    // the problem" the problem is what is not simplified, and nothing is denied.
    let mut next = tokens
        .iter()
        .enumerate()
        .skip(i + 1)
        .filter(|(_, t)| !t.part && t.place.clause == clause)
        // "no longer happens": the *longer* of "no longer" is part of the cue.
        .filter(|(j, t)| !(*j == i + 1 && &*token.norm == "no" && &*t.norm == "longer"))
        .filter(|jt| !jt.1.stop || denying(jt));
    let denies = match next.next() {
        // "Bellman-Ford doesn't have that problem", "a volume has no such issue": a thing
        // said to be free of the problem, not denied as its cause.
        Some((j, _)) if has_the_problem(tokens, i, j) => false,
        Some(first) if denying(&first) || achieves_nothing(tokens, first.0) => true,
        Some(first) if is_modifier(first.1) => next.next().is_some_and(|jt| denying(&jt)),
        _ => false,
    };
    denies || after_cleft(tokens, i) || before_cleft(tokens, i)
}

/// Whether the cue at `i` denies a predicate it leaves out, as the clause before said
/// it of another subject: "restarting won't fix it and rebuilding won't either",
/// "caching doesn't help; a bigger server doesn't, either" (round 43, w77-neg). The cue
/// follows an auxiliary, a modal or a copula ("won't", "doesn't", "isn't", "can't"), and
/// only *either* lies between it and the end of its clause, and the cue before it (in
/// its sentence or the one before) denied its own subject: the subject before it is
/// denied as the first one was. A predicate said after the cue ("a new router won't
/// hurt either") is the clause's own, and the usual readings judge it.
fn elides_the_predicate(tokens: &[Token], i: usize) -> bool {
    let clause = tokens[i].place.clause;
    let mut after = tokens[i + 1..].iter().filter(|t| !t.part);
    let Some(either) = after.next().filter(|t| &*t.norm == "either") else {
        return false;
    };
    if after
        .next()
        .is_some_and(|t| t.place.clause == either.place.clause)
    {
        return false;
    }
    let elided = tokens[..i].iter().rev().find(|t| !t.part).is_some_and(|t| {
        t.place.clause == clause
            && (is_modal(&t.norm)
                || is_copula(&t.norm)
                || matches!(&*t.norm, "do" | "does" | "did" | "has" | "have" | "had"))
    });
    // The predicate left out is the one the cue before it denied, in this sentence or
    // the one before: it must deny its subject too ("rc isn't either, because ..."
    // after two definitions says what rc is not, and denies nothing of rc).
    let sentence = tokens[i].place.sentence;
    elided
        && (0..i)
            .rev()
            .take_while(|&p| tokens[p].place.sentence + 1 >= sentence)
            .find(|&p| tokens[p].negation && !tokens[p].part)
            .is_some_and(|p| denies_before(tokens, p))
}

/// Whether the cue at `i` says the clause before it is of no effect or use: "makes no
/// (real) difference", "doesn't make a (any, much) difference", "is (of) no use", "is no
/// good". "Makes all the difference" and "makes a big difference" are claims.
fn makes_no_difference(tokens: &[Token], i: usize) -> bool {
    let clause = tokens[i].place.clause;
    let is_make = |w: &str| matches!(w, "make" | "makes" | "made" | "making");
    let mut after = words_after(tokens, i).filter(|w| {
        !matches!(
            *w,
            "a" | "an"
                | "any"
                | "much"
                | "real"
                | "practical"
                | "measurable"
                | "significant"
                | "big"
                | "the"
                | "slightest"
                | "really"
        )
    });
    if &*tokens[i].norm == "no" {
        let before = tokens[..i].iter().rev().find(|t| !t.part);
        let word = before
            .filter(|t| t.place.clause == clause)
            .map(|t| &*t.norm);
        return match after.next() {
            Some("difference") => word.is_some_and(is_make),
            Some("use" | "good") => word.is_some_and(|w| is_copula(w) || w == "of"),
            _ => false,
        };
    }
    after.next().is_some_and(is_make) && after.next() == Some("difference")
}

/// Verbs of harm that, after *only* or *just*, say a fix does nothing but harm
/// ([`only_harms`]).
const HARMING_WORDS: &[&str] = &[
    "slow",
    "slows",
    "hide",
    "hides",
    "mask",
    "masks",
    "delay",
    "delays",
    "postpone",
    "postpones",
    "hurt",
    "hurts",
    "worsen",
    "worsens",
];

/// Whether the verb at `i` says the clause before it does only harm: one of
/// [`HARMING_WORDS`] right after *only* or *just* (past *really*), with a modal before
/// that ("more swap would only delay the kill") or a gerund opening the clause
/// ("adding swap only postpones it", "writing to drop_caches just slows the database
/// down"), or the problem itself for its object ([`harms_the_problem`]: "a longer
/// timeout merely delays the failure", "..., but that only hides it"; *merely* and
/// *simply* as *only*). The fix named is denied as by "won't help". Without any of
/// these, *only* limits what is harmed, and the clause is a claim ("the GC only slows
/// allocating threads").
fn only_harms(tokens: &[Token], i: usize) -> bool {
    if !HARMING_WORDS.contains(&&*tokens[i].norm) {
        return false;
    }
    let clause = tokens[i].place.clause;
    let mut before = (0..i)
        .rev()
        .filter(|&j| !tokens[j].part && &*tokens[j].norm != "really")
        .take_while(|&j| tokens[j].place.clause == clause);
    if !before
        .next()
        .is_some_and(|j| matches!(&*tokens[j].norm, "only" | "just" | "merely" | "simply"))
    {
        return false;
    }
    let modal = before
        .next()
        .is_some_and(|j| matches!(&*tokens[j].norm, "would" | "will" | "could" | "can"));
    modal
        || harms_the_problem(tokens, i)
        || before
            .last()
            .is_some_and(|j| !tokens[j].stop && tokens[j].norm.ends_with("ing"))
}

/// Whether the verb of harm at `i` has the problem itself for its object: a pronoun
/// ("that only hides it", "just delays them") or a noun of trouble after *the*, *a* or
/// *this* ("merely delays the failure", "only hides the problem", "just postpones the
/// crash"). A fix said to do that does nothing for the problem, whatever its subject;
/// with a thing for its object ("only delays its own stream", "only slows allocating
/// threads") the verb says what the subject does.
fn harms_the_problem(tokens: &[Token], i: usize) -> bool {
    let mut after = words_after(tokens, i);
    match after.next() {
        Some("it" | "this" | "that" | "them") => true,
        Some("the" | "a") => after.next().is_some_and(|w| {
            matches!(
                w,
                "problem"
                    | "issue"
                    | "failure"
                    | "failures"
                    | "error"
                    | "errors"
                    | "crash"
                    | "crashes"
                    | "leak"
                    | "symptom"
                    | "symptoms"
                    | "inevitable"
                    | "outage"
            )
        }),
        _ => false,
    }
}

/// Stems of verbs of effect that deny their subject when what they are denied is
/// *anything*: "dropping the caches would not free anything useful", "more CPU won't
/// change anything", "it never achieves anything" (or when their object is *nothing*:
/// "the salt adds nothing", "raising the timeout fixes nothing", "solves nothing").
const EFFECT_WORDS: &[&str] = &[
    "fix",
    "solv",
    "cure",
    "cur",
    "add",
    "chang",
    "free",
    "achiev",
    "gain",
    "improv",
    "buy",
    "accomplish",
];

/// Whether the cue at `i` and the predicate at `j` say the subject has no problem: a
/// form of *have* between them or right before the cue, and a problem word at `j`
/// ("doesn't have that problem", "has no such issue"), where "is not the problem" says
/// the subject is not its cause.
fn has_the_problem(tokens: &[Token], i: usize, j: usize) -> bool {
    let have = |t: &Token| matches!(&*t.norm, "have" | "has" | "had" | "having");
    matches!(&*tokens[j].stem, "problem" | "issu")
        && (tokens[i + 1..j].iter().any(have)
            || tokens[..i].iter().rev().find(|t| !t.part).is_some_and(have))
}

/// Whether the verb at `j`, a negation's predicate, is one of [`EFFECT_WORDS`] with
/// *anything* for its object and nothing after it in its clause but function words
/// and *useful* (*meaningful*, *worthwhile*): the thing done is denied any effect, as
/// "won't help" denies it. "cannot change anything on the host" says where, and is a
/// claim about its subject.
fn achieves_nothing(tokens: &[Token], j: usize) -> bool {
    let clause = tokens[j].place.clause;
    let mut after = tokens[j + 1..]
        .iter()
        .filter(|t| !t.part)
        .take_while(|t| t.place.clause == clause);
    EFFECT_WORDS.contains(&&*tokens[j].stem)
        && after.next().is_some_and(|t| &*t.norm == "anything")
        && after.all(is_empty_of_effect)
}

/// Whether a word after the object *anything* or *nothing* leaves the effect denied:
/// a function word or *useful* ("nothing useful"), not a thing ("nothing but the
/// header", "anything in the registry").
fn is_empty_of_effect(t: &Token) -> bool {
    t.stop || matches!(&*t.norm, "useful" | "meaningful" | "worthwhile")
}

/// Whether the *nothing* at `i` is the object of a verb of effect right before it, with
/// nothing after it in its clause but what [`is_empty_of_effect`] allows: "deleting
/// the file changed nothing" denies the deleting, as "did not change anything" does;
/// "changes nothing but the header" (a new clause at *but*) says what it changes.
fn changes_nothing(tokens: &[Token], i: usize) -> bool {
    let clause = tokens[i].place.clause;
    let verb = tokens[..i].iter().rev().find(|t| !t.part);
    let next = tokens[i + 1..].iter().find(|t| !t.part);
    verb.is_some_and(|v| v.place.clause == clause && EFFECT_WORDS.contains(&&*v.stem))
        && !next.is_some_and(|t| matches!(&*t.norm, "but" | "except" | "besides" | "beyond"))
        && tokens[i + 1..]
            .iter()
            .filter(|t| !t.part)
            .take_while(|t| t.place.clause == clause)
            .all(is_empty_of_effect)
}

/// Where a setting that opens the clause at `start` ends, before the cue at `i`: a
/// preposition of time or place and its first content word ("in March", "on a cgroup
/// v2 host", "after a reboot"), which say when or where, not what is denied. `start`
/// when the clause opens otherwise, or when nothing would be left to deny.
fn setting_end(tokens: &[Token], start: usize, i: usize) -> usize {
    if !matches!(
        &*tokens[start].norm,
        "in" | "on" | "at" | "during" | "after" | "before" | "inside" | "within"
    ) {
        return start;
    }
    let end = (start + 1..i)
        .find(|&j| !tokens[j].part && !tokens[j].stop)
        .map_or(start, |j| j + 1);
    let rest = (end..i).any(|j| !tokens[j].part && !tokens[j].stop && !tokens[j].negation);
    if rest { end } else { start }
}

/// Where the claim a denying word at `i` takes back begins, given that its clause
/// begins at `start`: past the last *and* that opens a clause of its own before it
/// ([`opens_conjunct`]: "the B-tree lets the database seek to the row and the full scan
/// never happens" denies the scan, not the seek), and past a verb that makes its object
/// what the denying adjective says ([`CAUSING`]: "a unique salt makes rainbow tables
/// useless" denies the rainbow tables, and says the salt plainly; "X is useless" and "X
/// becomes useless" still deny X). A condition the clause ends with ("fails if the bind
/// source doesn't exist") has its own subject: the claim denied begins after its *if*
/// (*when*, *once*, *whenever*), not at the main clause's ("--mount is explicit and fails
/// if ..." says `explicit` plainly).
fn denied_start(tokens: &[Token], start: usize, i: usize) -> usize {
    let conjunct = (start..i)
        .rev()
        .find(|&j| opens_conjunct(tokens, start, j))
        .map_or(start, |j| j + 1);
    let conjunct = (conjunct + 1..i)
        .rev()
        .find(|&j| {
            !tokens[j].part
                && matches!(&*tokens[j].norm, "if" | "when" | "once" | "whenever")
                && (j + 1..i).any(|k| !tokens[k].part && !tokens[k].stop)
        })
        .map_or(conjunct, |j| j + 1);
    if tokens[i].negation {
        return conjunct;
    }
    (conjunct..i)
        .rev()
        .find(|&j| !tokens[j].part && CAUSING.contains(&&*tokens[j].norm))
        .map_or(conjunct, |j| j + 1)
}

/// Verbs that give their object the quality of the adjective after it: "makes rainbow
/// tables useless", "renders SSL stripping ineffective", "leaves the old index
/// pointless". What the adjective denies is the object, not the subject that does it.
const CAUSING: &[&str] = &[
    "make",
    "makes",
    "made",
    "making",
    "render",
    "renders",
    "rendered",
    "rendering",
    "leave",
    "leaves",
];

/// Whether the *and* at `j` (in a clause that begins at `start`) opens a clause of its
/// own, with no comma before it: a determiner or a subject pronoun comes right after it
/// ("and the full scan never happens", "and it never happens"), and the words before it
/// since `start` have a content word with a determiner right after it, a verb and its
/// object ("lets the database", "returns the cached copy"). "Backups and the snapshots
/// aren't needed" and "the cache of the primary and the index aren't needed" join two
/// subjects, and both are denied.
fn opens_conjunct(tokens: &[Token], start: usize, j: usize) -> bool {
    let word = |k: usize| (k..tokens.len()).find(|&k| !tokens[k].part);
    if tokens[j].part || &*tokens[j].norm != "and" {
        return false;
    }
    subject_after(tokens, j)
        && (start..j).any(|k| {
            let t = &tokens[k];
            !t.part
                && !t.stop
                && !t.negation
                && word(k + 1)
                    .filter(|&n| n < j)
                    .is_some_and(|n| DETERMINERS.contains(&&*tokens[n].norm))
        })
}

/// Words that open a subject right after an *and* ([`subject_after`]).
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "its", "their", "this", "that", "these", "those", "each", "every",
];

/// Whether a subject of a clause of its own opens right after the *and* at `j`: a
/// determiner or *it*/*they* ("and the full scan", "and each hash", "and it").
fn subject_after(tokens: &[Token], j: usize) -> bool {
    tokens[j + 1..].iter().find(|t| !t.part).is_some_and(|t| {
        let norm = &*t.norm;
        DETERMINERS.contains(&norm) || matches!(norm, "it" | "they")
    })
}

/// Whether the cue at `i` is in the relative of a cleft, "X is (exactly) what (Docker)
/// does not do", "X is something it never does", "X is the one thing Docker won't
/// touch": the X before the head is what is not done. After *something* or *thing*
/// the relative must have a subject of its own ("something it never takes"): in "X is
/// something that never changes", X is the one that does not change.
fn after_cleft(tokens: &[Token], i: usize) -> bool {
    let clause = tokens[i].place.clause;
    let mut before = tokens[..i]
        .iter()
        .rev()
        .filter(|t| !t.part)
        .take_while(|t| t.place.clause == clause);
    // The relative's words between the head and the cue: at most two ("what", "what
    // does", "what Docker does", "something it never does").
    let mut subject = false;
    let mut head = None;
    for t in before.by_ref().take(3) {
        if is_cleft_head(&t.norm) {
            head = Some(&*t.norm);
            break;
        }
        subject |= !is_auxiliary(&t.norm);
    }
    // What stands before the head, past an article or *exactly*, is the copula.
    head.is_some_and(|head| head == "what" || subject)
        && before
            .find(|t| !is_cleft_filler(&t.norm))
            .is_some_and(|t| is_copula(&t.norm))
}

/// Whether the cue at `i` negates a cleft from before its head: "X is not something you
/// need", "X is not what Docker does", "X is never anything it touches". After
/// *something* (*anything*, *thing*) a pronoun must be the relative's subject: "X is
/// not something that changes" says X does not change.
fn before_cleft(tokens: &[Token], i: usize) -> bool {
    let clause = tokens[i].place.clause;
    let is_copula_before = tokens[..i]
        .iter()
        .rev()
        .find(|t| !t.part)
        .is_some_and(|t| t.place.clause == clause && is_copula(&t.norm));
    if !is_copula_before {
        return false;
    }
    let mut after = tokens[i + 1..]
        .iter()
        .filter(|t| !t.part)
        .take_while(|t| t.place.clause == clause)
        .skip_while(|t| is_cleft_filler(&t.norm));
    match after.next().map(|t| &*t.norm) {
        Some("what") => after.next().is_some(),
        Some(head) if is_cleft_head(head) => after
            .find(|t| !matches!(&*t.norm, "that" | "which"))
            .is_some_and(|t| {
                matches!(
                    &*t.norm,
                    "it" | "they" | "you" | "we" | "i" | "he" | "she" | "one"
                )
            }),
        _ => false,
    }
}

/// The heads of a cleft's relative: "what", "something", "anything", "thing".
fn is_cleft_head(word: &str) -> bool {
    matches!(word, "what" | "something" | "anything" | "thing" | "things")
}

/// Words between a copula and a cleft's head: "is exactly what", "is the one thing".
fn is_cleft_filler(word: &str) -> bool {
    matches!(
        word,
        "a" | "an" | "the" | "one" | "only" | "exactly" | "precisely" | "just" | "really"
    )
}

fn is_copula(word: &str) -> bool {
    matches!(word, "is" | "are" | "was" | "were")
}

/// Words of a relative that are not its subject: "something that never does", "what
/// will not happen".
fn is_auxiliary(word: &str) -> bool {
    matches!(
        word,
        "that"
            | "which"
            | "does"
            | "do"
            | "did"
            | "will"
            | "would"
            | "can"
            | "could"
            | "should"
            | "ever"
            | "really"
            | "simply"
            | "just"
    )
}

/// Whether a word only qualifies the predicate after it: an adverb in -ly ("really",
/// "strictly") or an adjective of degree ("the main problem", "the real culprit").
fn is_modifier(token: &Token) -> bool {
    token.norm.ends_with("ly")
        || matches!(
            &*token.norm,
            "real"
                | "main"
                | "actual"
                | "root"
                | "big"
                | "biggest"
                | "true"
                | "even"
                | "much"
                | "good"
                | "great"
                | "wise"
        )
}

/// Whether the cue at `c` ends a state that held until now, "no longer" ("the alert
/// is no longer pending"), "not ... anymore", "not ... any longer": what it negates was
/// so before, which an order of events counts as said.
pub fn ends_a_state(tokens: &[Token], c: usize) -> bool {
    let clause = tokens[c].place.clause;
    let mut after = tokens[c + 1..]
        .iter()
        .filter(|t| !t.part)
        .take_while(|t| t.place.clause == clause);
    match &*tokens[c].norm {
        "no" if after.clone().next().is_some_and(|t| &*t.norm == "longer") => true,
        _ if tokens[c].negation => {
            let mut last = "";
            after.any(|t| {
                let ends = &*t.norm == "anymore" || (last == "any" && &*t.norm == "longer");
                last = &t.norm;
                ends
            })
        }
        _ => false,
    }
}

/// Whether the cue at `c` ends a repetition: *again* after it in its clause ("not
/// downloaded again", "never runs again"), or the word it denies first is a *re-* verb
/// whose root its sentence said before it ("calculated once and never recalculated").
/// Like [`ends_a_state`], it says the thing was done before, and is not done now.
fn ends_a_repetition(tokens: &[Token], c: usize) -> bool {
    if !tokens[c].negation {
        return false;
    }
    let clause = tokens[c].place.clause;
    let mut after = tokens[c + 1..]
        .iter()
        .filter(|t| !t.part)
        .take_while(|t| t.place.clause == clause);
    if after.clone().any(|t| &*t.norm == "again") {
        return true;
    }
    let Some(first) = after.find(|t| !t.stop) else {
        return false;
    };
    let sentence = tokens[c].place.sentence;
    first.norm.strip_prefix("re").is_some_and(|root| {
        root.len() >= 4
            && tokens[..c]
                .iter()
                .rev()
                .take_while(|t| t.place.sentence == sentence)
                .any(|t| &*t.norm == root)
    })
}

/// Whether the cue at `c` ends a state ([`ends_a_state`]) or a repetition
/// ([`ends_a_repetition`]) after a change its sentence
/// opens with, *with*, *after*, *once*, *when* or *now* ("with jitter the clients no
/// longer retry in lockstep", "once the key is stored a retry no longer duplicates the
/// order", "with a cache each value is computed once and never recomputed"), or denies
/// an ability as the fix's outcome ([`made_impossible`]: "once you pin the version, a
/// newer release can't win"): the answer says a fix ends a problem, so the problem was
/// so before it. A
/// flat "no longer" ("since version 2 retries no longer duplicate", "retries no longer
/// duplicate orders") or a flat "can't" ("a newer release can't win, so pinning is
/// pointless") says the state is over now or never was, and nothing of a fix. Nor does
/// a need ended ("with RDS you no longer need backups"): what is no longer needed is
/// dismissed, not conceded.
pub fn ended_by_a_change(tokens: &[Token], c: usize) -> bool {
    let sentence = tokens[c].place.sentence;
    let clause = tokens[c].place.clause;
    let needless = tokens[c + 1..]
        .iter()
        .filter(|t| !t.part)
        .take_while(|t| t.place.clause == clause)
        .take(3)
        .any(|t| {
            matches!(
                &*t.norm,
                "need" | "needs" | "needed" | "require" | "requires" | "required" | "have" | "has"
            )
        });
    let Some(opener) = tokens[..c]
        .iter()
        .rev()
        .take_while(|t| t.place.sentence == sentence)
        .filter(|t| !t.part)
        .last()
        .filter(|t| matches!(&*t.norm, "with" | "after" | "once" | "when" | "now"))
    else {
        return false;
    };
    !needless
        && (ends_a_state(tokens, c)
            || ends_a_repetition(tokens, c)
            || made_impossible(tokens, c, opener))
}

/// Whether the cue at `c`, in a sentence that opens with a change (`opener`), denies an
/// ability (*can't*, *cannot*, *can not*, *cant*) as what the change brings about: a
/// *so* before it in its sentence ("with a lockfile the version is pinned, so a newer
/// release can't be installed"), or, after a fronted *once*, *after*, *when* or *now*
/// clause, in a clause of its own ("once the increment runs under a mutex, an update
/// can't be lost"). A denial in the change's own clause ("when nginx can't connect,
/// it returns 504"), after a bare *with* setting ("with blue-green you cannot roll
/// back": a claim about the thing, not a problem it ends), or of a state that lasts
/// ("the server still cannot push") ends nothing.
fn made_impossible(tokens: &[Token], c: usize, opener: &Token) -> bool {
    if !denies_ability(tokens, c) {
        return false;
    }
    let sentence = tokens[c].place.sentence;
    let mut before = tokens[..c]
        .iter()
        .rev()
        .take_while(|t| t.place.sentence == sentence)
        .filter(|t| !t.part);
    if before.clone().take(2).any(|t| &*t.norm == "still") {
        return false;
    }
    before.any(|t| &*t.norm == "so")
        || (&*opener.norm != "with" && opener.place.clause != tokens[c].place.clause)
}

/// The two cues of a need said as a double denial, *without* first, when the cue at `c`
/// is one of them: "Without insulin, cells can't take up glucose", "anyone can write,
/// but without owning a file you cannot delete it", "Without steel near the bottom, the
/// concrete fails to resist the tension". The *without* opens its sentence or a clause
/// after *and*, *but*, *so* or *yet*, and the first negation after it in the sentence
/// (past the words `words` it governs, when `c` is the *without*) denies an ability
/// (*can't*, *cannot*, *can not*) or is a failure (*fails to*, *unable to*). The
/// sentence says the thing lacking makes the deed possible: what the *without* names
/// and what the later cue denies are one relation, said plainly. A plain denial of
/// something else ("without capabilities the container does not abuse the socket",
/// "won't", "never") may say the lack is safe, and is not read so.
pub fn need_denied_twice(tokens: &[Token], c: usize, words: &[usize]) -> Option<(usize, usize)> {
    let sentence = tokens[c].place.sentence;
    let in_sentence = |k: &usize| tokens[*k].place.sentence == sentence;
    let opens = |w: usize| {
        &*tokens[w].norm == "without" && {
            let mut before = (0..w)
                .rev()
                .filter(|&k| !tokens[k].part)
                .take_while(in_sentence);
            match before.next() {
                None => true,
                Some(k) => {
                    matches!(&*tokens[k].norm, "and" | "but" | "so" | "yet")
                        && before
                            .next()
                            .is_none_or(|j| tokens[j].place.clause != tokens[k].place.clause)
                }
            }
        }
    };
    let deed = |d: usize| {
        denies_ability(tokens, d)
            || (matches!(&*tokens[d].norm, "fail" | "fails" | "failed" | "unable")
                && word_after(tokens, d).is_some_and(|t| &*t.norm == "to"))
    };
    // The first negation cue after `from` in the sentence.
    let next_cue = |from: usize| {
        (from + 1..tokens.len())
            .take_while(in_sentence)
            .find(|&k| !tokens[k].part && (tokens[k].negation || deed(k)))
    };
    if opens(c) {
        let last = words.iter().copied().max().unwrap_or(c);
        return next_cue(last).filter(|&d| deed(d)).map(|d| (c, d));
    }
    if !deed(c) {
        return None;
    }
    let w = (0..c)
        .rev()
        .take_while(in_sentence)
        .find(|&k| !tokens[k].part && &*tokens[k].norm == "without")?;
    (opens(w) && next_cue(w) == Some(c)).then_some((w, c))
}

/// Whether the cue at `c` denies an ability, *can't*, *cannot*, *can not* or *cant*.
fn denies_ability(tokens: &[Token], c: usize) -> bool {
    match &*tokens[c].norm {
        "cannot" | "cant" => true,
        "not" | "nt" => tokens[..c]
            .iter()
            .rev()
            .find(|t| !t.part)
            .is_some_and(|t| &*t.norm == "can"),
        _ => false,
    }
}

/// Whether token `i` is the reply *no*: it ends its clause ("No, ...", "No.", "the
/// answer is no"), or a subject of a clause of its own comes next, a pronoun or a
/// determiner, which *no* cannot determine ("No it isn't", "No — it survives a disk
/// failure", "no the volume stays"). A reply negates nothing after it; a *no* before
/// a noun does ("no backup software is needed").
pub fn is_reply(tokens: &[Token], i: usize) -> bool {
    &*tokens[i].norm == "no" && stands_as_reply(tokens, i)
}

/// Whether the word at `i` stands as a reply: it ends its clause, or a pronoun or a
/// determiner comes next, the subject of a clause of its own.
fn stands_as_reply(tokens: &[Token], i: usize) -> bool {
    match (i + 1..tokens.len()).find(|&j| !tokens[j].part) {
        None => true,
        Some(j) => {
            let next = &tokens[j];
            next.place.clause != tokens[i].place.clause
                || (crate::lang::is_determiner(&next.norm) && !names_a_letter(tokens, j))
                || matches!(
                    &*next.norm,
                    "it" | "they" | "you" | "we" | "i" | "he" | "she" | "that" | "there"
                )
        }
    }
}

/// Whether the word at `at`, an *a* after a *no*, is the letter A of a list ("no A, B or RhD
/// antigens", "no A or B antigen"): its clause ends right after it, in its sentence, or
/// *and*, *or* or *nor* comes next. (The article opens a subject: "no a volume stays".)
fn names_a_letter(tokens: &[Token], at: usize) -> bool {
    let a = &tokens[at];
    &*a.norm == "a"
        && tokens[at + 1..].iter().find(|t| !t.part).is_some_and(|t| {
            t.place.sentence == a.place.sentence
                && (t.place.clause != a.place.clause || matches!(&*t.norm, "and" | "or" | "nor"))
        })
}

/// Verbs of coming to know: under a negation the knowing is denied, and what is not
/// known is named plainly ("the sender fails to learn the smaller MTU": there is one).
fn is_knowing(word: &str) -> bool {
    matches!(
        word,
        "learn"
            | "learns"
            | "learned"
            | "learnt"
            | "know"
            | "knows"
            | "knew"
            | "notice"
            | "notices"
            | "noticed"
            | "realise"
            | "realises"
            | "realised"
            | "realize"
            | "realizes"
            | "realized"
            | "discover"
            | "discovers"
            | "discovered"
    )
}

/// Whether the *no* at `i` opens "no matter how (what, whether, ...)": a concession,
/// which says the claim holds whatever follows, and no negation ("the volume stays no
/// matter how many containers come and go"); the *matter* is not the denying predicate
/// of "doesn't matter" either.
fn concedes(tokens: &[Token], i: usize) -> bool {
    &*tokens[i].norm == "no"
        && tokens[i + 1..]
            .iter()
            .find(|t| !t.part)
            .is_some_and(|t| &*t.norm == "matter" && t.place.clause == tokens[i].place.clause)
}

/// Whether the answer opens with the reply *yes* and never replies *no*: "Yes, there is
/// no need for a separate backup" answers the question the other way round from a
/// model answer that says no, whatever it goes on to say. *Yes* is a reply where a *no*
/// would be one (see [`is_reply`]): "Yes, ...", "Yes it is"; "yes and no" is none.
pub fn replies_yes(tokens: &[Token]) -> bool {
    tokens.iter().position(|t| !t.part).is_some_and(|first| {
        &*tokens[first].norm == "yes"
            && stands_as_reply(tokens, first)
            && !(0..tokens.len()).any(|i| is_reply(tokens, i))
    })
}

/// Whether token `i` is a negation cue: a negating word (but not "not only X but Y",
/// which does not negate X, nor "avoid it by", whose object is the pronoun, nor the
/// exclusive bound "not including 2.0.0"), or
/// "instead of", "rather than", "unlike", "fails to", "unable to", "lacks", "leaves
/// out", or the *from* of "saves you from" (and *spares*).
fn opens_negation(tokens: &[Token], i: usize) -> bool {
    if tokens[i].in_name() {
        // The *no* of `no-cache` is a piece of a name (see `Token::in_name`).
        return false;
    }
    let next = tokens.get(i + 1).map(|t| &*t.norm);
    match &*tokens[i].norm {
        "not" => {
            (!matches!(next, Some("only" | "just" | "merely")) || commands_not_just(tokens, i))
                && !bounds_a_value(tokens, i)
        }
        "avoid" | "avoids" | "avoiding" => !matches!(
            next,
            Some("it" | "this" | "that" | "them" | "these" | "those")
        ),
        "instead" => next == Some("of"),
        "rather" => next == Some("than"),
        // "unlike a VM": what follows is what the claim is not about.
        "unlike" => true,
        "fail" | "fails" | "failed" | "failing" | "unable" => next == Some("to"),
        "lack" | "lacks" | "lacked" | "lacking" => true,
        // "the default set leaves out SYS_ADMIN": what is left out is not in it (the
        // active verb with its object after it; "are left out" names its subject).
        "leave" | "leaves" | "leaving" => next == Some("out"),
        "from" => tokens[..i]
            .iter()
            .rev()
            .filter(|t| !t.part)
            .take(3)
            .take_while(|t| t.place.clause == tokens[i].place.clause)
            .any(|t| {
                matches!(
                    &*t.norm,
                    "save" | "saves" | "saved" | "saving" | "spare" | "spares" | "spared"
                )
            }),
        "no" => !is_reply(tokens, i) && !concedes(tokens, i),
        // "People often think it also takes ...": a belief reported, not claimed.
        "think" | "thinks" | "believe" | "believes" | "assume" | "assumes" | "expect"
        | "expects" | "suspect" | "suspects" | "imagine" | "imagines" | "suppose" | "supposes"
        | "blame" | "blames" | "misconception" | "myth" | "call" | "calls" | "say" | "says"
        | "claim" | "claims" | "mistake" | "error" | "pitfall" | "misreading"
        | "misunderstanding" | "fix" | "solution" | "belief" | "assumption" => {
            reports_belief(tokens, i)
        }
        w if is_reading_noun(w) => reports_belief(tokens, i),
        // "Resist the urge to raise the timeout", "resist raising it".
        "resist" | "resists" | "resisting" => {
            (matches!(next, Some("the" | "any"))
                && tokens
                    .get(i + 2)
                    .is_some_and(|t| matches!(&*t.norm, "urge" | "temptation" | "impulse")))
                || next_is_gerund(tokens, i)
        }
        _ => tokens[i].is_negation(),
    }
}

pub(super) mod reject;

#[cfg(test)]
mod tests;
