//! `recall import`'s engine: a lesson in the canonical lesson structure becomes a bank.
//!
//! The lesson is read into blocks (`blocks`, markdown or the heading-less text export),
//! the export's lost spaces are put back (`repair`), and the blocks are placed by the
//! headings they sit under: the metadata becomes the `[bank]` header, the Knowledge Check
//! becomes multiple-choice, scenario and short-answer questions, the Interview
//! Preparation tiers become interview questions, and the "View Answers" block is matched
//! back to its questions by order within each tier (its `[label]` is checked against the
//! question). Rubrics are drafted from the model answers (`keywords`) and marked
//! `draft = true`. What the lesson leaves open (which choice is right, a knowledge-check
//! answer it never gives) is drafted from the lesson's own text and flagged; anything
//! that cannot be placed at all is reported in [`Import::notes`] and written as a
//! comment at the end of the bank, never dropped. No I/O here: `cmd::import` reads the
//! file and writes the result.

mod blocks;
mod repair;
pub mod write;

use crate::bank::{Bank, Choice, Concept, Example, Expect, Kind, Question, Rubric, Tier};
use blocks::Block;
use repair::Vocabulary;
use rust_stemmers::{Algorithm, Stemmer};
use std::collections::HashSet;
use unicode_normalization::UnicodeNormalization;
use write::Comments;

/// How much an imported id may hold, in words and characters.
const ID_WORDS: usize = 5;
const ID_CHARS: usize = 48;

/// The result of importing a lesson.
#[derive(Debug, Clone)]
pub struct Import {
    /// The bank the lesson became.
    pub bank: Bank,
    /// Everything the author should know, in lesson order.
    pub notes: Vec<Note>,
    comments: Comments,
}

/// Something the importer drafted, doubted or could not place.
#[derive(Debug, Clone, PartialEq)]
pub struct Note {
    /// Whether it was placed (and doubted) or could not be placed.
    pub level: Level,
    /// What happened, in a sentence.
    pub message: String,
}

/// How much an importer note matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    /// Placed, but drafted or doubtful: the author should check it.
    Warning,
    /// Could not be placed in the bank: it is in the output only as a comment.
    Unplaced,
}

impl Import {
    /// The bank as TOML, with the importer's doubts as comments.
    pub fn to_toml(&self) -> String {
        write::to_toml(&self.bank, &self.comments)
    }

    /// How many pieces of the lesson could not be placed.
    pub fn unplaced(&self) -> usize {
        self.notes
            .iter()
            .filter(|n| n.level == Level::Unplaced)
            .count()
    }
}

/// Imports `lesson` (markdown or the plain-text export); `source` names it in comments.
pub fn import(lesson: &str, source: &str) -> Import {
    let read = blocks::read(lesson);
    let vocabulary = read.damaged.then(|| {
        Vocabulary::learn(
            read.intact.iter().map(String::as_str),
            read.lines.iter().map(String::as_str),
        )
    });
    let fix = |text: &str| match &vocabulary {
        Some(v) => v.repair(text),
        None => text.to_owned(),
    };
    let mut importer = Importer::default();
    importer.place_all(&read.blocks, &fix);
    importer.finish(read.title.as_deref().unwrap_or(""), source)
}

/// Where a block sits in the lesson.
#[derive(Debug, Clone, PartialEq)]
enum Place {
    Body,
    Metadata,
    Knowledge(Option<Part>),
    Interview(Option<Tier>),
    Answers(Option<AnswerPart>),
    /// Under a heading the importer does not know, after the questions began.
    Unknown(String),
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Part {
    MultipleChoice,
    Scenario,
    ShortAnswer,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum AnswerPart {
    Tier(Tier),
    Knowledge(Part),
}

/// A question as found, before it becomes a model question.
#[derive(Debug, Clone)]
struct Found {
    part: Found2,
    text: String,
    choices: Vec<String>,
    marked: Vec<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Found2 {
    Knowledge(Part),
    Interview(Tier),
}

/// An answer from "View Answers": its `[label]` and text.
#[derive(Debug, Clone)]
struct Answer {
    label: Option<String>,
    text: String,
}

#[derive(Default)]
struct Importer {
    place: Option<Place>,
    metadata: Vec<String>,
    overview: Vec<String>,
    body: Vec<String>,
    found: Vec<Found>,
    answers: Vec<(AnswerPart, Answer)>,
    notes: Vec<Note>,
    trailer: Vec<String>,
    seen_questions: bool,
    last_heading: String,
}

fn heading_place(heading: &str, current: &Option<Place>, started: bool) -> Place {
    let name: String = heading
        .trim_start_matches(|c: char| !c.is_alphabetic())
        .trim_end_matches(':')
        .trim()
        .to_lowercase();
    let in_answers = matches!(current, Some(Place::Answers(_)));
    let tier = |t| {
        if in_answers {
            Place::Answers(Some(AnswerPart::Tier(t)))
        } else {
            Place::Interview(Some(t))
        }
    };
    let part = |p| {
        if in_answers {
            Place::Answers(Some(AnswerPart::Knowledge(p)))
        } else {
            Place::Knowledge(Some(p))
        }
    };
    match name.as_str() {
        "lesson metadata" | "metadata" => Place::Metadata,
        "knowledge check" => Place::Knowledge(None),
        "multiple choice questions" | "multiple choice" => part(Part::MultipleChoice),
        "scenario questions" => part(Part::Scenario),
        "scenario" if in_answers => part(Part::Scenario),
        "short answer questions" | "short answer" | "short answers" => part(Part::ShortAnswer),
        "interview preparation" | "interview questions" => Place::Interview(None),
        "beginner questions" | "beginner" => tier(Tier::Beginner),
        "intermediate questions" | "intermediate" => tier(Tier::Intermediate),
        "advanced questions" | "advanced" => tier(Tier::Advanced),
        "scenario-based discussions" | "scenario-based discussion" | "scenario discussions" => {
            tier(Tier::Scenario)
        }
        "view answers" | "answers" | "answer key" => Place::Answers(None),
        "lesson overview" | "overview" => Place::Body,
        _ if started
            && !blocks::KNOWN_HEADINGS
                .iter()
                .any(|h| h.eq_ignore_ascii_case(&name)) =>
        {
            Place::Unknown(heading.to_owned())
        }
        _ => Place::Body,
    }
}

/// `A) text`, `(A) text`, `A. text` as a choice letter index and its text.
fn choice(text: &str) -> Option<(usize, &str)> {
    let text = text.trim_start_matches('(');
    let mut chars = text.chars();
    let letter = chars.next().filter(char::is_ascii_uppercase)?;
    let rest = chars.as_str();
    let rest = rest
        .strip_prefix(") ")
        .or_else(|| rest.strip_prefix(". "))?;
    Some(((letter as u8 - b'A') as usize, rest.trim()))
}

/// Marks an author may use on the right choice.
const RIGHT_MARKS: &[&str] = &["✅", "✔", "(correct)", "[correct]", "(answer)"];

fn strip_mark(text: &str) -> (String, bool) {
    for mark in RIGHT_MARKS {
        if text.contains(mark) {
            return (
                text.replace(mark, " ")
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" "),
                true,
            );
        }
    }
    (text.to_owned(), false)
}

/// `[label]: text` as its label and text.
fn labelled(text: &str) -> Answer {
    if let Some(rest) = text.strip_prefix('[')
        && let Some(end) = rest.find("]:")
    {
        return Answer {
            label: Some(rest[..end].trim().to_owned()),
            text: rest[end + 2..].trim().to_owned(),
        };
    }
    Answer {
        label: None,
        text: text.trim().to_owned(),
    }
}

impl Importer {
    fn note(&mut self, level: Level, message: String) {
        self.notes.push(Note { level, message });
    }

    fn unplaced(&mut self, what: &str, text: &str) {
        let message = format!("{what}: {text}");
        self.trailer.push(format!("NOT IMPORTED ({what}): {text}"));
        self.note(Level::Unplaced, message);
    }

    fn place_all(&mut self, blocks: &[Block], fix: &dyn Fn(&str) -> String) {
        for block in blocks {
            match block {
                Block::Heading(heading) => {
                    let place = heading_place(heading, &self.place, self.seen_questions);
                    if matches!(
                        place,
                        Place::Knowledge(_) | Place::Interview(_) | Place::Answers(_)
                    ) {
                        self.seen_questions = true;
                    }
                    if place == Place::Body && heading.eq_ignore_ascii_case("lesson overview") {
                        self.overview.push(String::new());
                    }
                    self.last_heading = heading.clone();
                    self.place = Some(place);
                }
                Block::Item(text) => self.text(&fix(text), true),
                Block::Paragraph(text) => self.text(text, false),
            }
        }
    }

    fn text(&mut self, text: &str, item: bool) {
        let text = text.trim();
        if text.is_empty() {
            return;
        }
        match self.place.clone().unwrap_or(Place::Body) {
            Place::Body => {
                if self.overview.len() == 1 && self.overview[0].is_empty() {
                    self.overview[0] = text.to_owned();
                }
                self.body.push(text.to_owned());
            }
            Place::Metadata => self.metadata.push(text.to_owned()),
            Place::Knowledge(Some(Part::MultipleChoice)) => self.multiple_choice(text),
            Place::Knowledge(Some(part)) => self.found.push(Found {
                part: Found2::Knowledge(part),
                text: text.to_owned(),
                choices: Vec::new(),
                marked: Vec::new(),
            }),
            Place::Interview(Some(tier)) if item || text.ends_with('?') => self.found.push(Found {
                part: Found2::Interview(tier),
                text: text.to_owned(),
                choices: Vec::new(),
                marked: Vec::new(),
            }),
            Place::Answers(Some(part)) => self.answers.push((part, labelled(text))),
            Place::Knowledge(None) | Place::Interview(_) | Place::Answers(None) => {
                let heading = self.last_heading.clone();
                self.unplaced(
                    &format!("text under \"{heading}\" that is not a question"),
                    text,
                );
            }
            Place::Unknown(heading) => self.unplaced(
                &format!("text under the unknown heading \"{heading}\""),
                text,
            ),
        }
    }

    fn multiple_choice(&mut self, text: &str) {
        if let Some((index, choice_text)) = choice(text) {
            let (choice_text, right) = strip_mark(choice_text);
            if let Some(question) = self
                .found
                .last_mut()
                .filter(|f| f.part == Found2::Knowledge(Part::MultipleChoice))
                && index == question.choices.len()
            {
                if right {
                    question.marked.push(index);
                }
                question.choices.push(choice_text);
                return;
            }
            self.unplaced("a lettered choice without its question", text);
            return;
        }
        let answer_line = text
            .strip_prefix("Answer:")
            .or_else(|| text.strip_prefix("Correct answer:"));
        if let Some(letters) = answer_line
            && let Some(question) = self
                .found
                .last_mut()
                .filter(|f| f.part == Found2::Knowledge(Part::MultipleChoice))
        {
            for piece in letters.split([',', ' ']) {
                if let Some(i) =
                    crate::bank::letter_index(piece.trim_matches(|c: char| !c.is_alphabetic()))
                    && i < question.choices.len()
                    && !question.marked.contains(&i)
                {
                    question.marked.push(i);
                }
            }
            return;
        }
        self.found.push(Found {
            part: Found2::Knowledge(Part::MultipleChoice),
            text: text.to_owned(),
            choices: Vec::new(),
            marked: Vec::new(),
        });
    }

    fn finish(mut self, title: &str, source: &str) -> Import {
        let meta = Metadata::parse(&self.metadata);
        let title = title.trim();
        let id = meta
            .lesson
            .as_deref()
            .map(slug_all)
            .filter(|s| !s.is_empty())
            .unwrap_or_else(|| slug_all(title));
        let id = if id.is_empty() {
            "lesson".to_owned()
        } else {
            id
        };
        let description = self
            .overview
            .first()
            .and_then(|o| first_sentence(o))
            .map(str::to_owned);
        let mut bank = Bank {
            id,
            title: if title.is_empty() {
                meta.lesson
                    .clone()
                    .unwrap_or_else(|| "Imported lesson".to_owned())
            } else {
                title.to_owned()
            },
            lesson: meta.lesson.clone(),
            module: meta.module.clone(),
            description,
            tags: meta
                .module
                .iter()
                .map(|m| slug_all(m))
                .filter(|s| !s.is_empty())
                .collect(),
            questions: Vec::new(),
            source: source.into(),
        };
        let mut comments = Comments {
            header: vec![
                format!("Imported from {source} by `recall import`."),
                "Rubrics marked `draft = true` were drafted from the model answers: refine the"
                    .to_owned(),
                "keywords, add [[question.example]] answers, then remove `draft`.".to_owned(),
            ],
            ..Comments::default()
        };
        let corpus = Corpus::new(&self.body);
        let mut ids = HashSet::new();
        let found = std::mem::take(&mut self.found);
        let mut answers = std::mem::take(&mut self.answers);
        for f in &found {
            let key = match f.part {
                Found2::Knowledge(p) => AnswerPart::Knowledge(p),
                Found2::Interview(t) => AnswerPart::Tier(t),
            };
            let answer = answers
                .iter()
                .position(|(k, _)| *k == key)
                .map(|i| answers.remove(i).1);
            let id = unique_id(&f.text, &mut ids);
            let mut lines = Vec::new();
            match self.question(f, &id, answer, &corpus, &mut lines) {
                Some(question) => {
                    if !lines.is_empty() {
                        comments.questions.insert(question.id.clone(), lines);
                    }
                    bank.questions.push(question);
                }
                None => {
                    ids.remove(&id);
                }
            }
        }
        for (part, answer) in answers {
            let label = answer.label.as_deref().unwrap_or("no label");
            let what = match part {
                AnswerPart::Tier(t) => format!(
                    "an answer in View Answers > {} with no question in that tier",
                    t.title()
                ),
                AnswerPart::Knowledge(_) => "a knowledge-check answer with no question".to_owned(),
            };
            self.unplaced(&what, &format!("[{label}]: {}", answer.text));
        }
        // Draft rubrics once the whole bank is known: the grader weighs words by their
        // rarity across it.
        let drafts: Vec<Option<Rubric>> = bank
            .questions
            .iter()
            .map(|q| draft_rubric(&bank, q))
            .collect();
        for (question, rubric) in bank.questions.iter_mut().zip(drafts) {
            question.rubric = rubric;
        }
        comments.trailer = std::mem::take(&mut self.trailer);
        Import {
            bank,
            notes: self.notes,
            comments,
        }
    }

    /// One found question with its answer, or `None` (reported) when it cannot be placed.
    fn question(
        &mut self,
        found: &Found,
        id: &str,
        answer: Option<Answer>,
        corpus: &Corpus,
        comments: &mut Vec<String>,
    ) -> Option<Question> {
        let mut question = Question::new(id, Kind::ShortAnswer, found.text.clone());
        match found.part {
            Found2::Knowledge(Part::MultipleChoice) => {
                question.kind = Kind::MultipleChoice;
                if found.choices.len() < 2 {
                    self.unplaced(
                        "a multiple-choice question without lettered choices",
                        &found.text,
                    );
                    return None;
                }
                question.choices = found
                    .choices
                    .iter()
                    .map(|text| Choice {
                        text: text.clone(),
                        feedback: None,
                    })
                    .collect();
                let from_key = answer
                    .as_ref()
                    .map(|a| answer_letters(&a.text, found.choices.len()))
                    .unwrap_or_default();
                question.answer = if !found.marked.is_empty() {
                    found.marked.clone()
                } else {
                    from_key
                };
                if let Some(a) = answer.as_ref() {
                    question.explanation = explanation_after_letter(&a.text);
                }
                if question.answer.is_empty() {
                    let best = corpus.best_supported(&found.choices);
                    question.answer = vec![best];
                    question.draft = true;
                    let letter = crate::bank::letter(best);
                    let message = format!(
                        "the lesson does not mark the right choice of \"{id}\"; guessed {letter} (the choice the lesson's text supports best): check it"
                    );
                    comments.push(format!("answer {letter} was guessed by recall import: the lesson does not say; check it"));
                    self.note(Level::Warning, message);
                }
                question.answer.sort_unstable();
                question.answer.dedup();
                return Some(question);
            }
            Found2::Knowledge(Part::Scenario) => match split_scenario(&found.text) {
                Some((situation, prompt)) => {
                    question.kind = Kind::Scenario;
                    question.situation = Some(situation);
                    question.prompt = prompt;
                }
                None => question.kind = Kind::ShortAnswer,
            },
            Found2::Knowledge(Part::ShortAnswer) => question.kind = Kind::ShortAnswer,
            Found2::Interview(tier) => {
                question.kind = Kind::Interview;
                question.tier = Some(tier);
            }
        }
        let model = match answer {
            Some(answer) => {
                if let Some(label) = &answer.label
                    && !label_fits(label, &found.text)
                {
                    self.note(
                        Level::Warning,
                        format!("the answer labelled [{label}] was matched by order to \"{id}\", but its label does not look like that question: check the order"),
                    );
                    comments.push(format!(
                        "model answer labelled [{label}] in the lesson: check it belongs here"
                    ));
                }
                answer.text
            }
            None if matches!(found.part, Found2::Knowledge(_)) => {
                let query = format!(
                    "{} {}",
                    question.situation.as_deref().unwrap_or(""),
                    question.prompt
                );
                match corpus.passage_for(&query) {
                    Some(passage) => {
                        self.note(
                            Level::Warning,
                            format!("the lesson gives no answer to \"{id}\"; drafted one from the lesson's text: check it"),
                        );
                        comments.push("model answer drafted by recall import from the lesson's text (the lesson gives none): check it".to_owned());
                        passage
                    }
                    None => {
                        self.unplaced("a question the lesson gives no answer to", &found.text);
                        return None;
                    }
                }
            }
            None => {
                let tier = match found.part {
                    Found2::Interview(t) => t.title(),
                    Found2::Knowledge(_) => "",
                };
                self.unplaced(
                    &format!("an interview question with no answer in View Answers > {tier}"),
                    &found.text,
                );
                return None;
            }
        };
        question.examples.push(Example {
            answer: model.clone(),
            expect: Expect::Pass,
            note: Some("the model answer itself (added by recall import)".to_owned()),
        });
        question.model_answer = Some(model);
        question.draft = true;
        Some(question)
    }
}

/// The letters a knowledge-check answer names (`C`, `C) text`, `A, C`).
fn answer_letters(text: &str, count: usize) -> Vec<usize> {
    if let Some((index, _)) = choice(text) {
        return if index < count {
            vec![index]
        } else {
            Vec::new()
        };
    }
    text.split([',', ' '])
        .map(|p| p.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|p| p.len() == 1)
        .filter_map(crate::bank::letter_index)
        .filter(|&i| i < count)
        .collect()
}

fn explanation_after_letter(text: &str) -> Option<String> {
    choice(text)
        .map(|(_, rest)| rest.to_owned())
        .filter(|r| !r.is_empty())
}

/// The last sentence ending in `?` is the prompt; what comes before is the situation.
fn split_scenario(text: &str) -> Option<(String, String)> {
    let sentences = sentences(text);
    let last = sentences.iter().rposition(|s| s.ends_with('?'))?;
    if last == 0 {
        return None;
    }
    let situation = sentences[..last].join(" ");
    let prompt = sentences[last..].join(" ");
    Some((situation, prompt))
}

/// Sentences of prose: split after `.`, `?` or `!` followed by a space and a capital.
fn sentences(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut start = 0;
    for i in 0..chars.len() {
        let end = matches!(chars[i], '.' | '?' | '!')
            && chars.get(i + 1) == Some(&' ')
            && chars.get(i + 2).is_some_and(|c| c.is_uppercase());
        // "e.g. Docker" is not the end of a sentence.
        let abbreviation = i >= 3 && chars[i - 2] == '.';
        if end && !abbreviation {
            out.push(
                chars[start..=i]
                    .iter()
                    .collect::<String>()
                    .trim()
                    .to_owned(),
            );
            start = i + 1;
        }
    }
    let rest: String = chars[start..].iter().collect();
    if !rest.trim().is_empty() {
        out.push(rest.trim().to_owned());
    }
    out
}

fn first_sentence(text: &str) -> Option<&str> {
    let end = text
        .char_indices()
        .find(|&(i, c)| matches!(c, '.' | '!' | '?') && text[i + c.len_utf8()..].starts_with(' '))
        .map(|(i, c)| i + c.len_utf8())
        .unwrap_or(text.len());
    let sentence = text[..end].trim();
    (!sentence.is_empty()).then_some(sentence)
}

/// Whether an answer's `[label]` names the question: most of its words are in it.
fn label_fits(label: &str, question: &str) -> bool {
    let stemmer = Stemmer::create(Algorithm::English);
    let stems = |text: &str| -> HashSet<String> {
        content_words(text)
            .iter()
            .map(|w| stemmer.stem(w).into_owned())
            .collect()
    };
    let label = stems(label);
    if label.is_empty() {
        return true;
    }
    let question = stems(question);
    let compact: String = question.iter().map(String::as_str).collect();
    let hits = label
        .iter()
        .filter(|w| question.contains(*w) || compact.contains(w.as_str()))
        .count();
    hits * 2 >= label.len()
}

/// Lowercase words of `text` without stop words, for matching.
fn content_words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 2)
        .map(str::to_lowercase)
        .filter(|w| !is_stop(w))
        .collect()
}

fn is_stop(word: &str) -> bool {
    const STOP: &[&str] = &[
        "a", "an", "and", "are", "as", "at", "be", "by", "do", "does", "for", "from", "how", "in",
        "into", "is", "it", "its", "of", "on", "or", "that", "the", "this", "to", "vs", "what",
        "when", "why", "with", "you", "your", "can", "which", "who", "than", "their",
    ];
    STOP.contains(&word)
}

/// The lesson's prose, for guessing what it leaves open.
struct Corpus {
    sentences: Vec<String>,
    stems: HashSet<String>,
    stemmer: Stemmer,
}

impl Corpus {
    fn new(body: &[String]) -> Corpus {
        let stemmer = Stemmer::create(Algorithm::English);
        let mut stems = HashSet::new();
        let mut all = Vec::new();
        for text in body {
            for word in content_words(text) {
                stems.insert(stemmer.stem(&word).into_owned());
            }
            all.extend(sentences(text));
        }
        Corpus {
            sentences: all,
            stems,
            stemmer,
        }
    }

    fn stems_of(&self, text: &str) -> HashSet<String> {
        content_words(text)
            .iter()
            .map(|w| self.stemmer.stem(w).into_owned())
            .collect()
    }

    /// The choice whose words the lesson's text supports best (ties: the first).
    fn best_supported(&self, choices: &[String]) -> usize {
        let score = |text: &String| {
            let stems = self.stems_of(text);
            let supported = stems.iter().filter(|s| self.stems.contains(*s)).count() as f64;
            supported - 0.5 * (stems.len() as f64 - supported)
        };
        let mut best = 0;
        for (i, choice) in choices.iter().enumerate() {
            if score(choice) > score(&choices[best]) {
                best = i;
            }
        }
        best
    }

    /// The prose sentence of the lesson that shares the most words with `query`;
    /// `None` when nothing shares at least three.
    fn passage_for(&self, query: &str) -> Option<String> {
        let query = self.stems_of(query);
        let mut scored: Vec<(usize, usize)> = self
            .sentences
            .iter()
            .enumerate()
            .filter(|(_, s)| {
                s.split_whitespace().count() >= 6
                    && s.ends_with(['.', '!', '?'])
                    && s.chars().next().is_some_and(char::is_uppercase)
            })
            .map(|(i, s)| (self.stems_of(s).intersection(&query).count(), i))
            .filter(|&(score, _)| score >= 3)
            .collect();
        scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        scored.truncate(1);
        if scored.is_empty() {
            return None;
        }
        scored.sort_by_key(|&(_, i)| i);
        Some(
            scored
                .iter()
                .map(|&(_, i)| self.sentences[i].as_str())
                .collect::<Vec<_>>()
                .join(" "),
        )
    }
}

/// The lesson's metadata list: `Lesson ID: X`, `Module: Name (ID)`.
#[derive(Debug, Default)]
struct Metadata {
    lesson: Option<String>,
    module: Option<String>,
}

impl Metadata {
    fn parse(lines: &[String]) -> Metadata {
        let mut meta = Metadata::default();
        for line in lines {
            let Some((key, value)) = line.split_once(':') else {
                continue;
            };
            let value = value.trim();
            if value.is_empty() {
                continue;
            }
            match key.trim().to_lowercase().as_str() {
                "lesson id" | "lesson" | "id" => meta.lesson = Some(value.to_owned()),
                "module" => {
                    // "Containers & Docker (MOD-DOCKER)": the id in parentheses when given.
                    let id = value
                        .rsplit_once('(')
                        .map(|(_, rest)| rest.trim_end_matches(')').trim())
                        .filter(|id| !id.is_empty() && !id.contains(' '));
                    meta.module = Some(id.unwrap_or(value).to_owned());
                }
                _ => {}
            }
        }
        meta
    }
}

/// All of `text` as an id: lowercase ASCII words joined by `-`.
fn slug_all(text: &str) -> String {
    words(text).join("-")
}

fn words(text: &str) -> Vec<String> {
    let ascii: String = text
        .nfkd()
        .filter(|c| c.is_ascii())
        .collect::<String>()
        .to_lowercase();
    ascii
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

/// A short, unique id from a question's text: its first content words.
fn unique_id(text: &str, taken: &mut HashSet<String>) -> String {
    let all = words(text);
    let content: Vec<&String> = all.iter().filter(|w| !is_stop(w)).collect();
    let chosen: Vec<&String> = if content.is_empty() {
        all.iter().collect()
    } else {
        content
    };
    let mut id = String::new();
    for word in chosen.into_iter().take(ID_WORDS) {
        if !id.is_empty() && id.len() + 1 + word.len() > ID_CHARS {
            break;
        }
        if !id.is_empty() {
            id.push('-');
        }
        id.push_str(&word[..word.len().min(ID_CHARS)]);
    }
    if id.is_empty() {
        id.push_str("question");
    }
    let mut candidate = id.clone();
    let mut n = 2;
    while !taken.insert(candidate.clone()) {
        candidate = format!("{id}-{n}");
        n += 1;
    }
    candidate
}

/// How many keywords a drafted rubric gets.
pub const DRAFT_KEYWORDS: usize = 5;

/// The draft rubric of an imported text question: the grader's heaviest concepts of its
/// model answer (see `grade::draft_keywords`), each of weight 1 for the author to adjust.
fn draft_rubric(bank: &Bank, question: &Question) -> Option<Rubric> {
    if !question.is_text() || question.model_answer.is_none() {
        return None;
    }
    let terms = crate::grade::draft_keywords(bank, question, DRAFT_KEYWORDS);
    (!terms.is_empty()).then(|| Rubric {
        concepts: terms
            .into_iter()
            .map(|term| Concept {
                alternatives: vec![term],
                weight: 1.0,
                required: false,
            })
            .collect(),
        forbidden: Vec::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_short_unique_slugs() {
        let mut taken = HashSet::new();
        assert_eq!(
            unique_id("What is a Docker named volume?", &mut taken),
            "docker-named-volume"
        );
        assert_eq!(
            unique_id("What is a Docker named volume?", &mut taken),
            "docker-named-volume-2"
        );
        assert_eq!(
            unique_id("Qu'est-ce qu'un « volume » ?", &mut taken),
            "qu-est-ce-qu-un"
        );
        assert_eq!(unique_id("???", &mut taken), "question");
    }

    #[test]
    fn scenarios_split_at_the_last_question() {
        let (situation, prompt) =
            split_scenario("You run a database. It loses data. What do you change?")
                .unwrap_or_default();
        assert_eq!(situation, "You run a database. It loses data.");
        assert_eq!(prompt, "What do you change?");
        assert_eq!(split_scenario("What now?"), None);
    }

    #[test]
    fn labels_are_checked_against_questions() {
        assert!(label_fits(
            "Docker named volume",
            "What is a Docker named volume?"
        ));
        assert!(label_fits(
            "bridge vs host networks",
            "What is the difference between bridge and host network drivers?"
        ));
        assert!(!label_fits(
            "docker volume prune",
            "Explain iptables routing"
        ));
    }

    #[test]
    fn explicit_answers_and_unplaced_text() {
        let lesson = "# T\n\n## Lesson Metadata\n\n- Lesson ID: L-1\n\n## Knowledge Check\n\nStray text.\n\n### Multiple Choice Questions\n\n1. Which?\n   - A) one\n   - B) two ✅\n\n## Interview Preparation\n\n### Beginner Questions\n\n- What is X?\n- What is Y?\n\n<details>\n<summary>View Answers</summary>\n\n### Beginner\n\n- [X]: X is a thing.\n\n</details>\n";
        let import = import(lesson, "t.md");
        let bank = &import.bank;
        assert_eq!(bank.id, "l-1");
        assert_eq!(bank.questions.len(), 2, "{:?}", bank.questions);
        assert_eq!(bank.questions[0].answer, [1]);
        assert!(!bank.questions[0].draft);
        assert_eq!(
            bank.questions[1].model_answer.as_deref(),
            Some("X is a thing.")
        );
        assert_eq!(import.unplaced(), 2, "{:?}", import.notes);
        let toml = import.to_toml();
        assert!(toml.contains("# NOT IMPORTED"), "{toml}");
        assert!(toml.contains("What is Y?"), "{toml}");
    }
}
