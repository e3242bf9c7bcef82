//! Whether an answer makes a claim at all: a bare list of terms (no function words, no
//! sentence), one sentence said over and over, or the rubric's own words strung
//! together cannot pass, however many concepts it names. The rules look at the shape of
//! the text, and for the last at which of its words are the rubric's.

use super::matcher::{PreparedAnswer, Vocab};
use crate::lang::is_stop_word;
use rustc_hash::FxHasher;
use std::hash::Hasher;

/// How many words a list must have before it is refused: a two-word answer
/// (`--mount type=tmpfs`) is terse, not a list.
const MIN_LIST_WORDS: usize = 8;

/// How many short items a comma-separated list needs to be a list and not a terse
/// answer of a few phrases.
const MIN_LIST_ITEMS: usize = 8;

/// How many items joined by *and* or *or* alone make a list.
const MIN_JOINED_ITEMS: usize = 4;

/// How many items of a few words a comma list in one sentence needs to be a list when
/// it names code (a flag, a path, a `key: value`) or has no function word at all.
const MIN_SHORT_ITEMS: usize = 5;

/// How many labels (`pid: processes, net: network stack, mnt: mounts`) make a comma
/// list of short items with code among them labels paired with what they are, no list
/// of terms: a lone `key: value` (`condition: service_healthy`) is one item of such a
/// list.
const MIN_PAIRED_LABELS: usize = 3;

/// How few bare items (no function word, no label, no `;`) a comma list in one sentence
/// needs to be no claim where the question wants one ([`NotAClaim::few_terms`]).
const MIN_FEW_ITEMS: usize = 3;

/// How many words a model answer needs for its question to want a claim of a few bare
/// terms can not make ([`NotAClaim::wants_a_claim`]).
const MIN_CLAIM_MODEL_WORDS: usize = 20;

/// How many words an item of such a list may have; on average it has at most two and
/// a half.
const SHORT_ITEM_WORDS: usize = 4;

/// How many words a run of terms with code among them (no punctuation, no function
/// word) must have to be a list: "docker volume prune --filter all" is a command.
const MIN_CODE_RUN_WORDS: usize = 6;

/// How many code tokens such a run must have.
const MIN_CODE_RUN_CODES: usize = 2;

/// How few words an echo of the rubric may have: a term or two is a terse answer.
const MIN_ECHO_WORDS: usize = 3;

/// Why an answer is not a claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotAClaim {
    /// Terms with nothing that makes them a statement.
    List,
    /// The same sentence again and again.
    Repeated,
}

impl NotAClaim {
    /// What is wrong with `answer`'s shape, if anything; `keywords` are the function
    /// words its text writes as keywords of code ([`Keywords`]), or none.
    pub fn of(answer: &PreparedAnswer, keywords: &Keywords) -> Option<NotAClaim> {
        if repeated(answer) {
            Some(NotAClaim::Repeated)
        } else if list(answer, keywords) {
            Some(NotAClaim::List)
        } else {
            None
        }
    }

    /// Whether `answer` only strings together the rubric's words: at least
    /// [`MIN_ECHO_WORDS`] words, every one of them a word of the rubric's concepts (the
    /// vocabulary's first `concept_words`), matching two concepts or more (`matched`),
    /// and not written as `label: description` ("Volume: Docker-managed, any host
    /// path" pairs each term with what it is). Such an answer is a list however it is
    /// punctuated; a real one, terse or not, says something in a word of its own
    /// ("tmpfs, in RAM, gone on stop").
    pub fn echo(
        answer: &PreparedAnswer,
        concept_words: usize,
        matched: usize,
    ) -> Option<NotAClaim> {
        if matched < 2 || answer.tokens().iter().any(|t| t.place.labelled) {
            return None;
        }
        let (among, words) = answer.words_among(concept_words);
        (words >= MIN_ECHO_WORDS && among == words).then_some(NotAClaim::List)
    }

    /// Whether `answer` is three or four bare terms set apart by commas in one sentence
    /// ("lease, fencing token, stale leader"): items of at most [`SHORT_ITEM_WORDS`]
    /// words (two and a half on average), no function word in any of them (a *no*, a
    /// *not* or an *only* qualifies its term), no code (a flag or a command given is
    /// exact), no `;` and no `label:`, the shape [`short_items`] refuses from five items
    /// on. Such terms name what the answer is about and say nothing of it; they are
    /// refused only where the question wants a claim ([`NotAClaim::wants_a_claim`]). A
    /// terse claim of this length has a function word, a `;`, a label or a clause.
    pub fn few_terms(answer: &PreparedAnswer, keywords: &Keywords) -> Option<NotAClaim> {
        short_items(answer, MIN_FEW_ITEMS, keywords).then_some(NotAClaim::List)
    }

    /// Whether a question with this model answer (prepared) and prompt wants a claim
    /// that a few bare terms cannot make ([`NotAClaim::few_terms`]): the model answer
    /// runs to [`MIN_CLAIM_MODEL_WORDS`] words or more (a short one names a thing, which
    /// a term answers: "the joints let it bend"), and the prompt does not ask for terms
    /// ([`asks_for_terms`]: "Name ...", "Which ...", "List ...", "What are ..."). Asked
    /// once per question.
    pub fn wants_a_claim(model: &PreparedAnswer, prompt: &str) -> bool {
        model.tokens().iter().filter(|t| !t.part).count() >= MIN_CLAIM_MODEL_WORDS
            && !asks_for_terms(prompt)
    }

    /// Whether `text` (prepared against any vocabulary) is made of `vocab`'s words as
    /// [`NotAClaim::echo`] means it, were it matching two concepts: a model answer is
    /// asked this once, on the words its rubric has, without being prepared again.
    pub fn echoes(text: &PreparedAnswer, vocab: &Vocab) -> bool {
        let mut words = text.tokens().iter().filter(|t| !t.part);
        !text.tokens().iter().any(|t| t.place.labelled)
            && words.clone().count() >= MIN_ECHO_WORDS
            && words.all(|t| vocab.matches(t))
    }

    /// Whether `text` is terms set apart by runs of spaces or tabs (as typed for
    /// layout, or pasted from a table), with no sentence: at least [`MIN_SHORT_ITEMS`]
    /// items, each of at most [`SHORT_ITEM_WORDS`] words, none but the last closed by
    /// a `.`, `!` or `?`, and a function word in at most one item in three
    /// ("depends_on   condition: service_healthy   healthcheck   pg_isready   retries").
    /// The gaps are inside lines (four or more of them): a line's indent sets nothing
    /// apart. The tokens do not keep the spaces, so this reads the text; a sentence typed
    /// with two spaces after its full stop has items of more words, or closed by a stop.
    pub fn spaced(text: &str) -> Option<NotAClaim> {
        if !spaced_apart(text.as_bytes()) {
            return None;
        }
        // The gaps inside lines set items apart; a line's indent (a bullet's) does not.
        let items: Vec<&str> = text
            .lines()
            .flat_map(|line| line.trim().split("  "))
            .flat_map(|part| part.split('\t'))
            .map(str::trim)
            .filter(|item| !item.is_empty())
            .collect();
        let lines = text.lines().filter(|l| !l.trim().is_empty()).count();
        if items.len() < MIN_SHORT_ITEMS || items.len() < lines + MIN_SHORT_ITEMS - 1 {
            return None;
        }
        let words = |item: &str| -> Vec<String> {
            item.split_whitespace()
                .map(|w| {
                    w.trim_matches(|c: char| !c.is_alphanumeric())
                        .to_lowercase()
                })
                .collect()
        };
        let closed = |item: &str| item.ends_with(['.', '!', '?']);
        let mut with_function = 0;
        for (i, item) in items.iter().enumerate() {
            let item_words = words(item);
            if item_words.len() > SHORT_ITEM_WORDS || (i + 1 < items.len() && closed(item)) {
                return None;
            }
            with_function += usize::from(item_words.iter().any(|w| crate::lang::is_stop_word(w)));
        }
        (with_function * 3 <= items.len()).then_some(NotAClaim::List)
    }

    /// Why an answer of this shape fails, in words.
    pub fn reason(self) -> &'static str {
        match self {
            NotAClaim::List => "it lists terms without saying anything about them",
            NotAClaim::Repeated => "it repeats the same sentence",
        }
    }
}

/// Whether `bytes` hold two spaces in a row or a tab, as [`NotAClaim::spaced`] asks
/// first: one pass without branches over each byte and the next (the compiler runs it
/// over many bytes at once), where searching for each took a pass of its own. (Out of
/// line, so that the compiler does run it so.)
#[inline(never)]
fn spaced_apart(bytes: &[u8]) -> bool {
    let pairs = bytes.iter().zip(bytes.get(1..).unwrap_or_default());
    let found = pairs.fold(false, |found, (&a, &b)| {
        found | (a == b' ') & (b == b' ') | (a == b'\t')
    });
    found || bytes.last() == Some(&b'\t')
}

impl std::fmt::Display for NotAClaim {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.reason())
    }
}

impl serde::Serialize for NotAClaim {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.reason())
    }
}

/// A list: at least [`MIN_LIST_WORDS`] words of which (almost) none is a function word
/// (a word of several written as one, such as the `no` of `no-new-privileges`, does
/// not count, nor in one run of words a *no* or an *only* before a term), not written as `label: description` pairs, and either one run of words
/// with no punctuation or a comma list of at least [`MIN_LIST_ITEMS`] short items; or
/// at least [`MIN_JOINED_ITEMS`] short items of as many words joined by *and* or *or*
/// and hardly another function word ("CPU and memory and PIDs" names what it was asked
/// for). A function word written in capitals in an answer otherwise written in lower
/// case is a keyword of code, not grammar ([`Keywords`]): they are looked for only
/// where the answer's function words alone make it a claim.
fn list(answer: &PreparedAnswer, keywords: &Keywords) -> bool {
    if short_items(answer, MIN_SHORT_ITEMS, keywords) {
        return true;
    }
    let plain = Counts::of(answer, |_| false);
    match counted_list(answer, plain, Some(plain.least())) {
        Listed::Yes => true,
        Listed::No => false,
        Listed::IfKeywords => {
            keywords.any()
                && counted_list(answer, Counts::of(answer, |w| keywords.is(w)), None) == Listed::Yes
        }
    }
}

/// Whether an answer is a list of one of the shapes the claim guard refuses, or could
/// be were some of its function words keywords of code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Listed {
    Yes,
    No,
    /// Not as its function words stand, but it has the shape of one, and fewer function
    /// words would make it one: worth asking which of them are keywords ([`Keywords`]).
    IfKeywords,
}

/// The words of an answer and its function words, as [`list`] counts them.
#[derive(Debug, Clone, Copy)]
struct Counts {
    /// Words of the sentence (not the parts of a code token).
    count: usize,
    /// Function words (not glued, not keywords of code).
    function: usize,
    /// Of them, *and* and *or*.
    joins: usize,
    /// Of them, those that make grammar (not a *no* or *only* before a term).
    grammar: usize,
}

impl Counts {
    /// The counts of `answer`, leaving out the function words `keyword` names.
    fn of(answer: &PreparedAnswer, keyword: impl Fn(&super::token::Token) -> bool) -> Counts {
        let mut counts = Counts {
            count: 0,
            function: 0,
            joins: 0,
            grammar: 0,
        };
        for word in answer.tokens().iter().filter(|t| !t.part) {
            counts.count += 1;
            if !word.glued && (word.stop || word.negation) && !keyword(word) {
                counts.function += 1;
                counts.joins += usize::from(joins_items(&word.norm));
                counts.grammar += usize::from(!qualifies_a_term(&word.norm));
            }
        }
        counts
    }

    /// The fewest function words these counts could come to were every keyword of code
    /// left out: *and* and *or* still join in capitals ([`capital_keywords`]).
    fn least(self) -> Counts {
        Counts {
            function: self.joins,
            grammar: self.joins,
            ..self
        }
    }
}

/// [`list`] but for its comma lists of short items, on counts `c`; with `least` (the
/// fewest function words keywords could leave, [`Counts::least`]) it also says where
/// keywords could make a list of it ([`Listed::IfKeywords`]). The shape is read from
/// the tokens once; the counts only weigh it.
fn counted_list(answer: &PreparedAnswer, c: Counts, least: Option<Counts>) -> Listed {
    let words = || answer.tokens().iter().filter(|t| !t.part);
    let count = c.count;
    if c.function == 0 && code_run(answer, count) {
        return Listed::Yes;
    }
    if count < MIN_LIST_WORDS {
        // A run of code with no function word left (a longer one is one clause, asked
        // below).
        let run = c.function > 0 && least.is_some_and(|l| l.function == 0);
        return if run && code_run(answer, count) {
            Listed::IfKeywords
        } else {
            Listed::No
        };
    }
    let mut could = false;
    // Terms strung together by *and*, a few words each, in one sentence, with hardly
    // another function word (one for three items: "less data and every write"):
    // "bridge and NAT and port mapping and host and network stack".
    let one_sentence = || {
        let first = words().next().map(|t| t.place.sentence);
        words().all(|t| Some(t.place.sentence) == first)
    };
    if c.joins >= MIN_JOINED_ITEMS - 1 {
        let items = count - c.joins;
        let fits = items >= MIN_LIST_WORDS && items <= (c.joins + 1) * 3;
        let few = |f: Counts| (f.function - f.joins) * 3 <= f.joins + 1;
        let (now, then) = (few(c), least.is_some_and(few));
        if fits && (now || then) && one_sentence() {
            if now {
                return Listed::Yes;
            }
            could = true;
        }
    }
    let mut colons = 0;
    let mut clauses = 1;
    let mut last: Option<super::token::Place> = None;
    for word in words() {
        if let Some(last) = last
            && last != word.place
        {
            clauses += 1;
            colons += usize::from(opens_label(last, word));
        }
        last = Some(word.place);
    }
    let weigh = |listed: &dyn Fn(Counts) -> bool| {
        if listed(c) {
            Listed::Yes
        } else if could || least.is_some_and(listed) {
            Listed::IfKeywords
        } else {
            Listed::No
        }
    };
    if colons >= 2 {
        // Terms under headings ("Risks: privileged, socket, root, escape. Alternatives:
        // kaniko, buildah, rootless, VM.") are a list; labels paired with what they are
        // ("pid: processes; net: network stack") are not.
        return weigh(&|f| f.function == 0 && clauses >= 4 * colons && count * 4 <= clauses * 5);
    }
    // One run of words with fewer than one word in ten that makes grammar (a *no* or an
    // *only* qualifies the term after it and joins nothing: "only leader replicates
    // followers majority commit log entry"); or a comma
    // list of short items with fewer than one such word in 20, or, all in one sentence,
    // at most one to four items ("root on the host" and "single point of failure" are
    // items of a list, not a sentence; several short sentences are a terse answer).
    // (Whether it is one sentence is asked last: most answers are decided before.) A
    // run of code in one clause ([`code_run`]) is weighed here too when keywords could
    // leave it no function word.
    weigh(&|f| {
        (clauses == 1 && f.grammar * 10 < count)
            || (clauses >= MIN_LIST_ITEMS
                && count * 2 <= clauses * 5
                && (f.function * 20 < count || (f.function * 4 <= clauses && one_sentence())))
    })
}

/// A comma list in one sentence of at least [`MIN_SHORT_ITEMS`] items of at most
/// [`SHORT_ITEM_WORDS`] words each (two and a half on average), none with a verb among its function words (*is*,
/// *has*, *can*, ...), and either no function word at all (a *no* or *only* that
/// qualifies its item's term does not count) in five items or more
/// ("ENTRYPOINT executable, CMD default arguments, exec form, JSON array, PID 1,
/// SIGTERM") and no `:` (labels paired with what they are, "pid: processes, net:
/// network stack, ...", are no list), or a code token among the items and a function word in at most half
/// of them ("-p 8080:80, iptables, NAT, DNAT, docker0", "depends_on, healthcheck,
/// condition: service_healthy, pg_isready, readiness"). A code token names a thing and
/// is no predicate, a `key: value` no label of what follows; but from
/// [`MIN_PAIRED_LABELS`] labels on ("pid: process tree, net: network stack, ipc:
/// shared memory/queues"), code among the descriptions or not, the items pair labels
/// with what they are and are no such list. The items of such a list
/// with code may be set apart by `;` instead, one item to each part and no `,` at all,
/// when they are bare terms: no function word, a word and a half each on average
/// ("depends_on; healthcheck; condition: service_healthy; pg_isready; readiness"). A
/// `;` mostly joins clauses, so phrases of a few words between them ("CGO_ENABLED=0
/// static binary; distroless final stage"), or phrases that hold commas, are a terse
/// claim. Terse claims of this shape say what their items do in words of their own
/// ("tmpfs in RAM, gone on stop, not shared, no disk writes, fast") or come in
/// sentences of their own. A function word written in capitals among lower-case words
/// is a keyword of code ([`Keywords`]), as in [`list`], looked for only where the
/// items' function words alone keep them from being such a list.
fn short_items(answer: &PreparedAnswer, min_bare: usize, keywords: &Keywords) -> bool {
    match listed_items(answer, min_bare, |_| false) {
        Listed::Yes => true,
        Listed::No => false,
        Listed::IfKeywords => {
            keywords.any() && listed_items(answer, min_bare, |w| keywords.is(w)) == Listed::Yes
        }
    }
}

/// [`short_items`], leaving out the function words `keyword` names, and saying where
/// leaving out more of them could make the answer such a list ([`Listed::IfKeywords`]).
fn listed_items(
    answer: &PreparedAnswer,
    min_bare: usize,
    keyword: impl Fn(&super::token::Token) -> bool,
) -> Listed {
    let mut words = answer.tokens().iter().filter(|t| !t.part).peekable();
    let Some(first) = words.peek().map(|t| t.place) else {
        return Listed::No;
    };
    let (mut items, mut with_function, mut code) = (0, 0, false);
    let (mut length, mut function, mut total, mut labelled) = (0, false, 0, false);
    // Labels opened ([`opens_label`]): from [`MIN_PAIRED_LABELS`] on, the items are
    // labels paired with what they are, code or not.
    let mut labels = 0;
    // A verb among the function words (*is*, *has*, *can*): no such list, unless it is
    // a keyword (HTTP's `GET`); asked at the end, where the shape is known.
    let mut verb = false;
    // Items set apart by `;` (one sentence each), and items set apart by `,`.
    let (mut semicolons, mut commas) = (false, false);
    let mut last: Option<super::token::Place> = None;
    for word in words {
        let sentence = last.map_or(first.sentence, |l| l.sentence);
        if word.place.sentence != sentence {
            if !word.place.after_semicolon {
                return Listed::No;
            }
            semicolons = true;
        }
        // An item ends where its clause does; the sentence's first `:` joins a key to
        // its value (`condition: service_healthy`), one item; a `;` ends it in any case.
        if last.is_some_and(|l| {
            l.sentence != word.place.sentence
                || (l.clause != word.place.clause && l.labelled == word.place.labelled)
        }) {
            commas |= last.is_some_and(|l| l.sentence == word.place.sentence);
            if commas && semicolons {
                return Listed::No;
            }
            items += 1;
            with_function += usize::from(function);
            (length, function) = (0, false);
        }
        labels += usize::from(last.is_some_and(|l| opens_label(l, word)));
        last = Some(word.place);
        labelled |= word.place.labelled;
        length += 1;
        total += 1;
        if length > SHORT_ITEM_WORDS {
            return Listed::No;
        }
        if !word.glued && (word.stop || word.negation) && !keyword(word) {
            verb |= crate::lang::is_auxiliary(&word.norm);
            // A *no* or an *only* qualifies its item's term and makes no clause of it
            // ("reverse order, no isolation, idempotent"), as in [`list`].
            function |= !qualifies_a_term(&word.norm);
        }
        code |= names_code(word);
    }
    items += 1;
    with_function += usize::from(function);
    if items < min_bare.min(MIN_SHORT_ITEMS) || total * 2 > items * 5 || labels >= MIN_PAIRED_LABELS
    {
        return Listed::No;
    }
    let listed = |with_function: usize| {
        let bare = with_function == 0 && !labelled && !semicolons;
        (bare && items >= min_bare && (items >= MIN_SHORT_ITEMS || !code))
            || (items >= MIN_SHORT_ITEMS
                && code
                && with_function * 2 <= items
                && (!semicolons || (with_function == 0 && total * 2 <= items * 3)))
    };
    if !verb && listed(with_function) {
        Listed::Yes
    } else if (verb || with_function > 0) && listed(0) {
        Listed::IfKeywords
    } else {
        Listed::No
    }
}

/// Whether `word`, after a word at place `last`, opens a label: it is the first word
/// after a label's `:`, or the next label of a list of labelled items ("pid: processes,
/// net: network stack": see `token::next_label`), which opens a segment of its own with
/// a word that is no function word.
fn opens_label(last: super::token::Place, word: &super::token::Token) -> bool {
    let next_label =
        last.labelled && word.place.labelled && last.segment != word.place.segment && !word.stop;
    (!last.labelled && word.place.labelled) || next_label
}

/// A run of code names and terms with no punctuation and no function word between them
/// (asked only of one with none): at least [`MIN_CODE_RUN_WORDS`] words in one clause,
/// [`MIN_CODE_RUN_CODES`] of them code ("depends_on  healthcheck  service_healthy
/// pg_isready  retry"). Code names a thing and is no predicate, and a terse claim that
/// names code says what it does in a word of its own ("CGO_ENABLED=0 builds a static
/// binary"), which a run of terms this long without a function word never does.
fn code_run(answer: &PreparedAnswer, count: usize) -> bool {
    if count < MIN_CODE_RUN_WORDS {
        return false;
    }
    let mut words = answer.tokens().iter().filter(|t| !t.part);
    let Some(first) = words.next() else {
        return false;
    };
    let mut codes = usize::from(names_code(first));
    for word in words {
        if word.place != first.place {
            return false;
        }
        codes += usize::from(names_code(word));
    }
    codes >= MIN_CODE_RUN_CODES
}

/// The function words `raw` writes only in capitals, as keywords of code are written
/// (`SELECT ... FOR UPDATE`, `ON CONFLICT`, an HTTP `GET`), in lower case: words of two
/// letters or more, never written otherwise in `raw`, in a text that has lower-case
/// words (a text shouted in capitals writes its grammar so too). *AND*, *OR* and *NOT*
/// are left out: in capitals they still join or negate. Such a word names a thing and
/// makes no sentence, so [`list`] does not count it as grammar. Empty for most texts
/// (a text with no capital is not read further); asked through [`Keywords`].
fn capital_keywords(raw: &str) -> Vec<String> {
    if !capitals(raw.as_bytes()) {
        return Vec::new();
    }
    // One pass over the bytes: the words of two to eight capitals (the longest function
    // word, "although", has eight letters) between non-alphanumerics, and a lower-case
    // letter anywhere.
    let bytes = raw.as_bytes();
    let (mut keywords, mut lower, mut start) = (Vec::<String>::new(), false, 0);
    for (i, &b) in bytes.iter().chain(std::iter::once(&b' ')).enumerate() {
        if b.is_ascii_alphanumeric() {
            lower |= b.is_ascii_lowercase();
            continue;
        }
        let word = &bytes[start..i];
        start = i + 1;
        if (2..=8).contains(&word.len()) && word.iter().all(u8::is_ascii_uppercase) {
            let word = String::from_utf8_lossy(word).to_ascii_lowercase();
            if is_stop_word(&word) && !matches!(word.as_str(), "and" | "or" | "not") {
                keywords.push(word);
            }
        }
    }
    if !lower {
        return Vec::new();
    }
    let words = || {
        raw.split(|c: char| !c.is_ascii_alphanumeric())
            .filter(|w| !w.is_empty())
    };
    if !keywords.is_empty() {
        keywords.retain(|k| {
            !words().any(|w| w.eq_ignore_ascii_case(k) && w.bytes().any(|b| b.is_ascii_lowercase()))
        });
    }
    keywords
}

/// Whether `bytes` hold an ASCII capital: one pass without branches (the compiler runs
/// it over many bytes at once), as [`spaced_apart`] is.
#[inline(never)]
fn capitals(bytes: &[u8]) -> bool {
    bytes
        .iter()
        .fold(false, |found, b| found | b.is_ascii_uppercase())
}

/// The function words an answer writes as keywords of code ([`capital_keywords`]),
/// looked for once and only when asked: the claim guard asks where they could make a
/// list of an answer it would otherwise take for a claim (a run or a list of short
/// items that its function words alone make a sentence, [`Listed::IfKeywords`]), so
/// the text of most answers is not read again.
pub struct Keywords<'a> {
    raw: &'a str,
    found: std::cell::OnceCell<Vec<String>>,
}

impl<'a> Keywords<'a> {
    /// The keywords of the answer `raw`, not yet looked for.
    pub fn of(raw: &'a str) -> Keywords<'a> {
        Keywords {
            raw,
            found: std::cell::OnceCell::new(),
        }
    }

    /// No keywords: a text whose grammar is taken as written (a model answer).
    pub fn none() -> Keywords<'static> {
        Keywords::of("")
    }

    /// The keywords, looked for on the first call.
    fn found(&self) -> &[String] {
        self.found.get_or_init(|| capital_keywords(self.raw))
    }

    /// Whether the text writes any.
    fn any(&self) -> bool {
        !self.found().is_empty()
    }

    /// Whether `token` is one of them.
    fn is(&self, token: &super::token::Token) -> bool {
        self.found().iter().any(|k| **k == *token.norm)
    }
}

/// A code token: a flag, a path, a `key=value`, a name with `_`, a port pair.
fn names_code(token: &super::token::Token) -> bool {
    token.class == super::token::Class::Code
        && (token.norm.starts_with('-')
            || token
                .norm
                .bytes()
                .any(|b| matches!(b, b'/' | b'_' | b':' | b'=') || b.is_ascii_digit()))
}

/// Whether `prompt` asks for terms, which a list of them answers: one of its sentences
/// opens with *name*, *list*, *which*, *enumerate* or *what are* ("Name the three
/// packets of the handshake", "Which signals can a process not catch?").
fn asks_for_terms(prompt: &str) -> bool {
    prompt
        .split(['.', '?', '!', ';', ':', '\n'])
        .any(|sentence| {
            let mut words = sentence.split_whitespace().map(|w| {
                w.trim_matches(|c: char| !c.is_alphanumeric())
                    .to_ascii_lowercase()
            });
            match words.next().as_deref() {
                Some("name" | "list" | "which" | "enumerate") => true,
                Some("what") => words.next().as_deref() == Some("are"),
                _ => false,
            }
        })
}

/// Whether `word`, a function word, only qualifies the term after it (*no*
/// authentication, *only* leader, *all* replicas, *one* consumer per partition, a count
/// as *two* is, which is no function word) or stands as one (vote *yes*) and makes no
/// sentence of the words around it, as an article, a preposition or a verb does.
fn qualifies_a_term(word: &str) -> bool {
    matches!(
        word,
        "no" | "not" | "never" | "only" | "just" | "also" | "all" | "yes" | "one"
    )
}

/// Whether `word` only joins the items of a list: "volumes and bind mounts and tmpfs"
/// strings terms together as commas do.
fn joins_items(word: &str) -> bool {
    matches!(word, "and" | "or")
}

/// One sentence of three or more words said three times or more, or sentences of which
/// at most half are different, or a long run of text that keeps repeating itself.
fn repeated(answer: &PreparedAnswer) -> bool {
    // Each sentence as a hash of its words and its length; and the hashes of every run
    // of three words.
    let mut sentences: Vec<(u64, usize)> = Vec::new();
    // One per word but the first two, at most: grown by pushing, it was reallocated
    // five or six times in a 40-word answer.
    let mut trigrams: Vec<u64> = Vec::with_capacity(answer.tokens().len());
    let mut hasher = FxHasher::default();
    let (mut length, mut words) = (0, 0);
    let mut sentence = None;
    let mut last = [0u64; 2];
    for token in answer.tokens().iter().filter(|t| !t.part) {
        if sentence != Some(token.place.sentence) && length > 0 {
            sentences.push((std::mem::take(&mut hasher).finish(), length));
            length = 0;
        }
        sentence = Some(token.place.sentence);
        let h = token.hash;
        hasher.write_u64(h);
        length += 1;
        words += 1;
        if words >= 3 {
            trigrams.push(last[0].rotate_left(2) ^ last[1].rotate_left(1) ^ h);
        }
        last = [last[1], h];
    }
    if length > 0 {
        sentences.push((hasher.finish(), length));
    }
    let total = sentences.len();
    sentences.sort_unstable();
    let mut distinct = 0;
    for run in sentences.chunk_by(|a, b| a == b) {
        distinct += 1;
        if run[0].1 >= 3 && run.len() >= 3 {
            return true;
        }
    }
    if total >= 3 && distinct * 2 <= total {
        return true;
    }
    // Too few sentences to tell: the same three words over and over.
    if total <= 2 && words >= 24 && mostly_repeats(&mut trigrams) {
        return true;
    }
    reworded(answer) || echoing(answer)
}

/// How many values [`mostly_repeats`] counts in a table on the stack; more are sorted.
const REPEATS_TABLE: usize = 128;

/// Whether fewer than half of `values` are distinct. Up to half a table's worth of them
/// (a 40-word answer has 38 word trigrams) are counted in a small hash table, which stops
/// as soon as half are distinct (in most answers almost every trigram is), at a fraction
/// of the cost of sorting them; more are sorted. `values` may be reordered.
fn mostly_repeats(values: &mut [u64]) -> bool {
    let all = values.len();
    if all > REPEATS_TABLE / 2 {
        values.sort_unstable();
        let distinct = values.chunk_by(|a, b| a == b).count();
        return distinct * 2 < all;
    }
    let mut table = [0u64; REPEATS_TABLE];
    let mut used = 0u128;
    let mut distinct = 0;
    for &value in values.iter() {
        // Fibonacci hashing to the table's 7 bits, then the next free slot.
        let mut slot = (value.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 57) as usize;
        while used & (1 << slot) != 0 && table[slot] != value {
            slot = (slot + 1) % REPEATS_TABLE;
        }
        if used & (1 << slot) == 0 {
            used |= 1 << slot;
            table[slot] = value;
            distinct += 1;
            if distinct * 2 >= all {
                return false;
            }
        }
    }
    distinct * 2 < all
}

/// How many clauses must say the same content words for an answer to be one claim said
/// over and over in other words.
const MIN_REWORDED: usize = 3;

/// One claim said again and again in other words: at least [`MIN_REWORDED`] clauses,
/// and half the answer's clauses or more, with the same content words (by stem, two or
/// more): "It deletes volumes, the volumes are deleted, volumes get deleted, deleting
/// volumes is what it does". Answers that say several things have few clauses with
/// the very same words.
fn reworded(answer: &PreparedAnswer) -> bool {
    if !may_be_reworded(answer) {
        return false;
    }
    let mut clauses: Vec<Vec<&str>> = Vec::new();
    let mut clause = None;
    for token in answer.tokens().iter().filter(|t| !t.part) {
        if clause != Some(token.place.clause) {
            clause = Some(token.place.clause);
            clauses.push(Vec::new());
        }
        if !token.stop
            && !token.negation
            && let Some(words) = clauses.last_mut()
        {
            words.push(&token.stem);
        }
    }
    if clauses.len() < MIN_REWORDED {
        return false;
    }
    let total = clauses.len();
    for words in &mut clauses {
        words.sort_unstable();
        words.dedup();
    }
    clauses.retain(|words| words.len() >= 2);
    clauses.sort_unstable();
    clauses
        .chunk_by(|a, b| a == b)
        .any(|run| run.len() >= MIN_REWORDED && run.len() * 2 >= total)
}

/// How many clauses with content words an answer must have for [`echoing`] to find that
/// they add nothing.
const MIN_ECHOING: usize = 6;

/// Clauses that only echo the ones before: of [`MIN_ECHOING`] clauses with content
/// words or more, two thirds or more say no content word (by stem) that an earlier
/// clause has not said: "It removes unused volumes, unused volumes, the unused volumes
/// that are unused, unused, unused volumes, to free space, space, space". An answer
/// that says several things says something new in almost every clause.
fn echoing(answer: &PreparedAnswer) -> bool {
    let tokens = answer.tokens();
    let (Some(first), Some(last)) = (tokens.first(), tokens.last()) else {
        return false;
    };
    // At most this many clauses: once more than a third of it say something new, the
    // rest cannot make two thirds that add nothing (most answers stop early).
    let clauses = (last.place.clause - first.place.clause) as usize + 1;
    if clauses < MIN_ECHOING {
        return false;
    }
    let mut seen: Vec<u64> = Vec::new();
    let (mut total, mut fresh) = (0, 0);
    let mut clause = None;
    // Whether the clause so far has content words, and a new one.
    let (mut content, mut new) = (false, false);
    for token in tokens.iter().filter(|t| !t.part) {
        if clause.replace(token.place.clause) != Some(token.place.clause) {
            total += usize::from(content);
            fresh += usize::from(new);
            if fresh * 3 > clauses {
                return false;
            }
            (content, new) = (false, false);
        }
        if token.stop || token.negation {
            continue;
        }
        content = true;
        if !seen.contains(&token.stem_hash) {
            seen.push(token.stem_hash);
            new = true;
        }
    }
    total += usize::from(content);
    fresh += usize::from(new);
    total >= MIN_ECHOING && fresh * 3 <= total
}

/// Whether [`reworded`] may find one claim said again, told before it gathers and sorts
/// each clause's words: enough clauses, and enough of them with the same mask of their
/// content words' stems (a bit per stem's hash; clauses with the same stems have the
/// same mask). Most answers have too few clauses, or clauses that say other things.
fn may_be_reworded(answer: &PreparedAnswer) -> bool {
    let mut masks: Vec<u64> = Vec::new();
    let mut clause = None;
    for token in answer.tokens().iter().filter(|t| !t.part) {
        if clause.replace(token.place.clause) != Some(token.place.clause) {
            masks.push(0);
        }
        if !token.stop
            && !token.negation
            && let Some(mask) = masks.last_mut()
        {
            *mask |= 1 << (token.stem_hash % 64);
        }
    }
    let total = masks.len();
    if total < MIN_REWORDED {
        return false;
    }
    // As many as `reworded` asks of a run of the same words.
    let need = MIN_REWORDED.max(total.div_ceil(2));
    masks.sort_unstable();
    masks
        .chunk_by(|a, b| a == b)
        .any(|run| run[0] != 0 && run.len() >= need)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::stemmer;

    fn shape(text: &str) -> Option<NotAClaim> {
        NotAClaim::of(
            &PreparedAnswer::new(text, &stemmer(), &crate::grade::matcher::Vocab::default()),
            &Keywords::of(text),
        )
    }

    /// The one-pass test of two spaces or a tab agrees with searching for each.
    #[test]
    fn spaced_apart_is_two_spaces_or_a_tab() {
        for text in [
            "",
            " ",
            "  ",
            "a b c",
            "a  b",
            "a\tb",
            "\t",
            "ends with a tab\t",
            "ends with two  ",
            "one space. another",
        ] {
            let searched = text.contains("  ") || text.contains('\t');
            assert_eq!(spaced_apart(text.as_bytes()), searched, "{text:?}");
        }
    }

    fn few(text: &str) -> Option<NotAClaim> {
        NotAClaim::few_terms(
            &PreparedAnswer::new(text, &stemmer(), &crate::grade::matcher::Vocab::default()),
            &Keywords::of(text),
        )
    }

    /// Each answer refused as bare terms, or not, as marked.
    fn assert_few(cases: &[(&str, bool)]) {
        for &(answer, refused) in cases {
            assert_eq!(few(answer).is_some(), refused, "{answer}");
        }
    }

    fn wants_a_claim(model: &str, prompt: &str) -> bool {
        let model =
            PreparedAnswer::new(model, &stemmer(), &crate::grade::matcher::Vocab::default());
        NotAClaim::wants_a_claim(&model, prompt)
    }

    /// A function word written in capitals among lower-case words is a keyword of code
    /// (SQL's `FOR UPDATE`, `ON CONFLICT`, HTTP's `GET`) and makes no list a claim; the
    /// same words in a sentence, or a text all in capitals, are still grammar.
    #[test]
    fn capital_keywords_make_no_claim() {
        for list in [
            "SELECT FOR UPDATE, row lock, second writer blocked, deadlock retry, SERIALIZABLE",
            "ON CONFLICT DO UPDATE, unique index, duplicate key, idempotent retry, no race",
            "GET safe idempotent cacheable POST unsafe repeated form resubmission",
        ] {
            assert_eq!(shape(list), Some(NotAClaim::List), "{list}");
        }
        for claim in [
            "SELECT FOR UPDATE locks the rows it reads",
            "GET is safe, POST is not",
            "ON CONFLICT turns the duplicate insert into an update",
            "USE SELECT FOR UPDATE TO LOCK THE ROWS",
            "a redirect turns POST into GET, 308 keeps the method and body",
            "lock the rows for update, or else the second writer wins",
        ] {
            assert_eq!(shape(claim), None, "{claim}");
        }
        assert_few(&[
            ("unique index, ON CONFLICT, retry", true),
            ("GET safe, HEAD safe, PUT idempotent", true),
            ("ON CONFLICT does an update instead", false),
            ("lock with FOR UPDATE, retry on deadlock", false),
        ]);
    }

    /// The text is read for keywords only where they could make a list: a sentence of
    /// prose, or a list already refused, never has it read; a run of short items that a
    /// capital function word alone makes a sentence does.
    #[test]
    fn keywords_are_looked_for_only_where_they_could_make_a_list() {
        let read = |text: &str| {
            let keywords = Keywords::of(text);
            NotAClaim::of(
                &PreparedAnswer::new(text, &stemmer(), &crate::grade::matcher::Vocab::default()),
                &keywords,
            );
            keywords.found.get().is_some()
        };
        for prose in [
            "SELECT FOR UPDATE locks the rows it reads, so the second writer waits for the first",
            "A redirect with 308 keeps the method and the body, where 301 lets a client turn POST into GET.",
            "write skew, snapshot isolation, different rows, phantom reads, lost update",
        ] {
            assert!(!read(prose), "{prose}");
        }
        for list in [
            "write skew, snapshot isolation, different rows, SERIALIZABLE, SELECT ... FOR UPDATE",
            "301 GET body dropped 308 307 keeps method POST body",
        ] {
            assert!(read(list), "{list}");
        }
    }

    #[test]
    fn terms_set_apart_by_wide_gaps_are_a_list() {
        let gaps = "quorum   leader lease   fencing token   raft log   term number   heartbeat";
        assert_eq!(NotAClaim::spaced(gaps), Some(NotAClaim::List));
        assert_eq!(
            NotAClaim::spaced("wal_level=replica\tslot\tstandby\tpg_basebackup\tlag"),
            Some(NotAClaim::List)
        );
        // Sentences typed with two spaces after the stop, or a short answer with a gap.
        let typed = "The leader holds a lease.  A stale one is fenced by its token.  \
                     Each term has one leader.  Followers vote.  Heartbeats keep it.";
        assert_eq!(NotAClaim::spaced(typed), None);
        assert_eq!(NotAClaim::spaced("fencing  token"), None);
        // Short lines set apart by an indent (a bullet list) are not set apart by gaps.
        let bullets =
            "  - quorum writes\n  - leader lease\n  - fencing token\n  - raft log\n  - heartbeat";
        assert_eq!(NotAClaim::spaced(bullets), None);
        // Phrases that make claims in words of their own.
        let claims = "the lease ends   a stale leader is fenced   the token is checked   \
                      writes are refused   votes are counted";
        assert_eq!(NotAClaim::spaced(claims), None);
    }

    #[test]
    fn lists_of_terms_are_not_claims() {
        assert_eq!(
            shape("namespaces cgroups isolation limits PID network mount CPU memory"),
            Some(NotAClaim::List)
        );
        assert_eq!(
            shape("tmpfs volume bind RAM disk memory cache --mount type"),
            Some(NotAClaim::List)
        );
        assert_eq!(
            shape(
                "Namespaces: pid, net, mnt, uts, ipc, user, cgroup, isolation, hostname, network stack."
            ),
            Some(NotAClaim::List)
        );
        assert_eq!(
            shape(
                "Risks: privileged, docker.sock, root, escape. Alternatives: kaniko, buildah, rootless, VM."
            ),
            Some(NotAClaim::List),
            "terms under headings"
        );
        assert_eq!(
            shape(
                "docker.sock, --privileged, root on the host, escape, kaniko, buildah, rootless, remote builder, ephemeral VM, cap-drop."
            ),
            Some(NotAClaim::List),
            "a comma list with a phrase or two among its items"
        );
        assert_eq!(
            shape("quorum write all replicas ack yes before commit leader election split brain"),
            Some(NotAClaim::List),
            "an *all* and a *yes* make no sentence either"
        );
        for qualified in [
            "only primary node accepts writes replicas copy oplog asynchronously",
            "never plaintext TLS everywhere no shared keys mutual certificates",
        ] {
            assert_eq!(
                shape(qualified),
                Some(NotAClaim::List),
                "a no or an only makes no sentence: {qualified}"
            );
        }
        for joined in [
            "bridge and NAT and port mapping and host and network stack and performance",
            "Named volume or bind mount or tmpfs or anonymous volume or host path.",
            "RDB and faster and restart and AOF and less data and every write",
            "namespaces and isolation, cgroups and limits, CPU and memory and PIDs and disk I/O",
        ] {
            assert_eq!(shape(joined), Some(NotAClaim::List), "{joined}");
        }
    }

    #[test]
    fn short_comma_lists_of_terms_and_code_are_not_claims() {
        for list in [
            "-f values.yaml, --atomic, helm upgrade, rollback, revision history",
            "max_connections, pg_hba.conf, listen_addresses, md5, scram auth",
            "WAL, fsync, checkpoint, redo log, crash recovery, durability",
            "/etc/resolv.conf, search domain, ndots: 5, CoreDNS, kube-dns",
            "/etc/bird/bgp.conf, ASN, managed by the ISP, peering, your own prefix",
            "restart: unless-stopped, healthcheck, start_period, retries, interval",
            // Two `key: value` items among terms: still terms, not labels paired.
            "fsync, wal_level: replica, archive_mode: on, checkpoint_timeout, durability",
            "ulimit -n; nofile; /etc/security/limits.conf; systemd LimitNOFILE=; EMFILE",
            "wal_level=replica; max_wal_senders; pg_basebackup; standby.signal; lag",
            // Five bare items, no function word at all.
            "page cache, dirty pages, writeback thread, fsync call, journal commit",
            // A *no* or an *only* qualifies its item's term; it makes no clause.
            "stateless tokens, short expiry, no session store, signed claims, key rotation",
            "leader election, only leader writes, log replication, majority commit, terms",
            // A run of code names split only by spaces.
            "max_wal_size  checkpoint_timeout  fsync  wal_level  archive_mode  durability",
        ] {
            assert_eq!(shape(list), Some(NotAClaim::List), "{list}");
        }
        for terse in [
            "tmpfs in RAM, gone on stop, not shared, no disk writes, fast",
            "Digest-pinned minimal base, multi-stage, SBOM+provenance, scan gate, cosign sign, verify at admission",
            "Use --cpus for CPU, --memory for RAM, --pids-limit for processes, --device-read-bps for disk",
            "WAL first, fsync on commit, checkpoint later, replay on crash, is durable",
            "pid: processes, net: network stack, mnt: mounts",
            // Labels paired with what they are, code among them (round 46, w84-codenum).
            "pid: process tree, net: network stack, mnt: mounts, ipc: shared memory/queues, user: UID mapping",
            "tab: 0x09, lf: 0x0a, cr: 0x0d, nul: 0x00, del: 0x7f",
            "Set -e to exit on error, -u for unset variables, -o pipefail for pipes, -x to trace.",
            "umask 022; files 644, dirs 755; the x bit only on dirs; chmod +x for scripts; ls -l",
            "--read-only; a tmpfs at /tmp is writable; USER 1000 has no root; caps dropped; ok",
            "Multi-stage build; golang:1.22 builder stage; CGO_ENABLED=0 static binary; distroless final stage; COPY --from=builder",
            "docker volume prune --filter label!=keep",
            "raise max_wal_size so checkpoints come less often",
            "tokens are signed, no session store, short expiry, keys rotate, revocation list",
            "signed tokens, no session store on the server, short expiry, rotation, revocation",
        ] {
            assert_eq!(shape(terse), None, "{terse}");
        }
    }

    #[test]
    fn three_or_four_bare_terms_are_no_claim_unless_terms_are_asked_for() {
        // (answer, whether it is refused as bare terms)
        let cases = [
            ("write-ahead log, fsync, checkpoint, crash", true),
            ("lease, fencing token, stale leader", true),
            (
                "bloom filter, false positives, hash functions, bit array",
                true,
            ),
            ("mutex, deadlock, lock ordering, timeout", true),
            ("replication lag, read replica, stale reads", true),
            // A clause of its own, a function word, a `;` or a label says something.
            ("The WAL is fsynced before the commit returns.", false),
            ("log first, then fsync, replay on crash", false),
            ("WAL fsynced at commit; replayed after a crash", false),
            (
                "WAL: fsynced at commit, replayed on crash, checkpointed",
                false,
            ),
            ("Either consistency or availability", false),
            ("WAL, fsync", false),
            ("fsync the WAL, then acknowledge, then apply", false),
            // Code is exact: a flag or a command given is an answer, not a term named.
            ("`--cpus=2`, e.g. `docker update --cpus=2 api`", false),
        ];
        assert_few(&cases);
        // A question that asks for terms, or whose model answer only names a thing, is
        // answered by terms; one whose model answer reasons wants a claim.
        let reasoned = "The commit record is appended to the write-ahead log and fsynced before \
                        the commit returns, so after a crash the log is replayed from the last \
                        checkpoint and no committed write is lost.";
        let why = "How does a database survive a crash without losing committed writes?";
        assert!(wants_a_claim(reasoned, why));
        for naming in [
            "Name the three packets of TCP's opening handshake.",
            "Which isolation levels does PostgreSQL offer? List them.",
            "What are the four states of a TCP close you see in netstat?",
        ] {
            assert!(!wants_a_claim(reasoned, naming), "{naming}");
        }
        assert!(
            !wants_a_claim("The WAL, fsynced at commit.", why),
            "a short model answer"
        );
    }

    #[test]
    fn a_count_of_one_qualifies_a_bare_term() {
        // (answer, whether it is refused as bare terms): *one* counts a term as *two*
        // or *three* does (neither is a function word), and makes no clause of it.
        let cases = [
            (
                "threads, thread pool, blocking, one thread per request",
                true,
            ),
            ("raft, one leader per term, majority vote", true),
            ("shards, one primary per shard, replicas, failover", true),
            ("single writer, one lock, contention", true),
            ("two replicas per shard, quorum, failover", true),
            // A clause, a `;`, another function word or a label still says something.
            ("only one leader per term, elected by a majority", false),
            ("one thread per request; the pool blocks when full", false),
            ("one lock for the whole table, so writers queue", false),
            ("leader: one per term, majority vote, heartbeat", false),
            ("one consumer gets each partition, the rest sit idle", false),
        ];
        assert_few(&cases);
    }

    #[test]
    fn terse_answers_are_claims() {
        for terse in [
            "type=tmpfs",
            "--mount type=tmpfs,destination=/app/cache",
            "Namespaces: what it sees. Cgroups: how much it uses.",
            "pid: processes; net: network stack; mnt: mounts; uts: hostname; ipc: shared memory",
            "Periodic in-container probe; cheap, timed, tests serving; Swarm/Compose act, Kubernetes ignores.",
            "Declarative multi-service YAML; one-command up/down; versioned, reproducible, shared network.",
            "Permanently deletes unused volumes.",
            "Run as a non-root user, drop all capabilities, keep seccomp on, no-new-privileges, read-only rootfs, never --privileged, userns remap, rootless mode.",
            "Periodic command, exit code sets health. Good: cheap, timeout, tests real serving. Engine just records; Swarm/Compose service_healthy act, k8s ignores",
            "OOM kill at 512m (137 = SIGKILL); CPU irrelevant. Fix leak or raise --memory.",
            "alpine: tiny, shell+apk, musl. distroless: runtime only, no shell/pkg manager. scratch: empty, static binaries only.",
            "Namespaces isolate and cgroups limit.",
            "Bridge uses NAT and port mapping and host shares the stack.",
            "CPU and memory and PIDs and block I/O.",
            "Bridge uses NAT and port mapping and host shares the stack and is faster.",
            "only the primary node accepts writes and replicas copy its oplog",
            "never send plaintext over the network without TLS",
            "all replicas ack the write before the leader commits it and answers yes",
        ] {
            assert_eq!(shape(terse), None, "{terse}");
        }
    }

    #[test]
    fn a_sentence_said_again_and_again_is_not_a_claim() {
        let once = "A bind mount maps a host folder into the container.";
        assert_eq!(shape(once), None);
        assert_eq!(shape(&[once; 3].join(" ")), Some(NotAClaim::Repeated));
        assert_eq!(
            shape(&"volume persists data ".repeat(10)),
            Some(NotAClaim::Repeated)
        );
        assert_eq!(
            shape("It persists. It is managed by Docker. It lives under /var/lib/docker/volumes."),
            None
        );
    }

    #[test]
    fn a_words_hash_is_its_texts() {
        use std::hash::Hash;
        let answer = PreparedAnswer::new(
            "Volumes persist under /var/lib/docker/volumes, don't they? None of them.",
            &stemmer(),
            &crate::grade::matcher::Vocab::default(),
        );
        for token in answer.tokens() {
            let mut hasher = FxHasher::default();
            token.norm.hash(&mut hasher);
            assert_eq!(token.hash, hasher.finish(), "{}", token.norm);
        }
    }

    #[test]
    fn an_answer_reworded_is_told_by_its_clauses_masks() {
        let prepare = |text: &str| {
            PreparedAnswer::new(text, &stemmer(), &crate::grade::matcher::Vocab::default())
        };
        for text in [
            "Volumes persist.",
            "Volumes persist, bind mounts map a folder; tmpfs lives in RAM.",
        ] {
            assert!(!may_be_reworded(&prepare(text)), "{text}");
        }
        for text in [
            "VACUUM reclaims space. It reclaims the space, space gets reclaimed, reclaiming space is what it does, space reclamation, space reclaimed.",
            "A rebase rewrites history; history is rewritten, it rewrites the history, history gets rewritten.",
        ] {
            let answer = prepare(text);
            assert!(reworded(&answer), "{text}");
            assert!(may_be_reworded(&answer), "{text}");
        }
        for text in [
            "It persists data, data persists, and it persists the data, but tmpfs is in RAM.",
            "Data persists, data persists, a, b, c, d, e, f.",
            "Sessions expire, tokens expire, keys expire: all three have a lifetime.",
        ] {
            let answer = prepare(text);
            assert!(!reworded(&answer) || may_be_reworded(&answer), "{text}");
        }
    }

    #[test]
    fn repeats_are_counted_as_sorting_counts_them() {
        let mut state = 0x5eed_u64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        let mut repeating = 0;
        for len in [0, 1, 2, 3, 10, 38, 63, 64, 65, 200] {
            for kinds in [1, 2, 5, 20, 1000] {
                let values: Vec<u64> = (0..len).map(|_| next() % kinds * 0x1000_0001).collect();
                let mut sorted = values.clone();
                sorted.sort_unstable();
                sorted.dedup();
                let expected = sorted.len() * 2 < values.len();
                repeating += usize::from(expected);
                assert_eq!(
                    mostly_repeats(&mut values.clone()),
                    expected,
                    "{len} values of {kinds} kinds"
                );
            }
        }
        assert!(repeating > 10, "both outcomes are tested ({repeating})");
    }

    #[test]
    fn one_claim_reworded_again_and_again_is_not_a_claim() {
        for reworded in [
            "VACUUM reclaims space. It reclaims the space, space gets reclaimed, reclaiming space is what it does, space reclamation, space reclaimed.",
            "A rebase rewrites history; history is rewritten, it rewrites the history, history gets rewritten.",
        ] {
            assert_eq!(shape(reworded), Some(NotAClaim::Repeated), "{reworded}");
        }
        for varied in [
            "A rebase rewrites history; a merge keeps it, and adds a merge commit.",
            "VACUUM reclaims space, VACUUM FULL rewrites the table, and autovacuum runs it for you.",
            "Sessions expire, tokens expire, keys expire: all three have a lifetime.",
        ] {
            assert_eq!(shape(varied), None, "{varied}");
        }
    }

    #[test]
    fn clauses_that_only_echo_the_ones_before_are_not_a_claim() {
        for echoing in [
            "It retries failed jobs, failed jobs, the jobs that failed, retried, retries, retries, failed jobs retried, again, again.",
            "A swap file, swap, the swap file that swaps, a file, swap, swap file, swapping, disk, disk.",
        ] {
            assert_eq!(shape(echoing), Some(NotAClaim::Repeated), "{echoing}");
        }
        for varied in [
            // Short clauses, each with something new.
            "tmpfs lives in RAM, gone on stop, not shared, no disk writes, fast, good for secrets.",
            "Discover, offer, request, ack: the client broadcasts, the server offers, the client requests, the server acknowledges.",
            // A term said again, with something new each time.
            "The leader accepts writes, the leader appends them, the leader replicates them, followers store them, and the leader commits.",
        ] {
            assert_eq!(shape(varied), None, "{varied}");
        }
    }
}
