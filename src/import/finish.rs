//! Finishing: once every block is placed, the found questions become model questions.
//!
//! The metadata becomes the `[bank]` header; each found question is matched to its
//! answer (the next one filed under its section), given a short unique id and built by
//! its kind; what the lesson leaves open is drafted from its prose (`corpus`) and
//! flagged; answers left over, and questions that cannot be built, are reported as
//! unplaced. Rubrics are drafted last, when the whole bank is known.

use super::corpus::{Corpus, label_fits, sentences};
use super::place::{FoundQuestion, LabelledAnswer, Part, Section, choice};
use super::write::Comments;
use super::{Import, Importer, Level};
use crate::bank::{Bank, Choice, Concept, Example, Expect, Kind, Question, Rubric};
use std::collections::{HashMap, HashSet, VecDeque};
use unicode_normalization::UnicodeNormalization;

/// How much an imported id may hold, in words and characters.
const ID_WORDS: usize = 5;
const ID_CHARS: usize = 48;

/// How many keywords a drafted rubric gets.
pub const DRAFT_KEYWORDS: usize = 5;

impl Importer {
    pub(super) fn finish(mut self, title: &str, source: &str) -> Import {
        let mut bank = header(&self.metadata, &self.overview, title, source);
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
        let mut ids = Ids::default();
        let found = std::mem::take(&mut self.found);
        let mut answers: Vec<Option<(Section, LabelledAnswer)>> = std::mem::take(&mut self.answers)
            .into_iter()
            .map(Some)
            .collect();
        // Each question takes the next answer filed under its section: a queue of
        // answers per section (a lesson has a handful of sections).
        let mut queues: Vec<(Section, VecDeque<usize>)> = Vec::new();
        for (i, (section, _)) in answers.iter().flatten().enumerate() {
            match queues.iter_mut().find(|(s, _)| s == section) {
                Some((_, queue)) => queue.push_back(i),
                None => queues.push((*section, VecDeque::from([i]))),
            }
        }
        for f in &found {
            let answer = queues
                .iter_mut()
                .find(|(section, _)| *section == f.section)
                .and_then(|(_, queue)| queue.pop_front())
                .and_then(|i| answers[i].take())
                .map(|(_, answer)| answer);
            let id = ids.unique(slug(&f.text));
            let mut lines = Vec::new();
            match self.question(f, &id, answer, &corpus, &mut lines) {
                Some(question) => {
                    if !lines.is_empty() {
                        comments.questions.insert(question.id.clone(), lines);
                    }
                    bank.questions.push(question);
                }
                None => ids.release_last(),
            }
        }
        for (section, answer) in answers.into_iter().flatten() {
            let label = answer.label.as_deref().unwrap_or("no label");
            let what = match section {
                Section::Interview(t) => format!(
                    "an answer in View Answers > {} with no question in that tier",
                    t.title()
                ),
                Section::Knowledge(_) => "a knowledge-check answer with no question".to_owned(),
            };
            self.unplaced(&what, &format!("[{label}]: {}", answer.text));
        }
        // Draft rubrics once the whole bank is known: the grader weighs words by their
        // rarity across it.
        let drafter = crate::grade::KeywordDrafter::new(&bank);
        let drafts: Vec<Option<Rubric>> = bank
            .questions
            .iter()
            .map(|q| draft_rubric(&drafter, q))
            .collect();
        for (question, rubric) in bank.questions.iter_mut().zip(drafts) {
            question.rubric = rubric;
        }
        for (i, misconception) in crate::grade::draft_misconceptions(&bank, &self.mistakes) {
            bank.questions[i].misconceptions.push(misconception);
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
        found: &FoundQuestion,
        id: &str,
        answer: Option<LabelledAnswer>,
        corpus: &Corpus,
        comments: &mut Vec<String>,
    ) -> Option<Question> {
        let mut question = Question::new(id, Kind::ShortAnswer, found.text.clone());
        match found.section {
            Section::Knowledge(Part::MultipleChoice) => {
                return self.choice_question(question, found, answer, corpus, comments);
            }
            Section::Knowledge(Part::Scenario) => match split_scenario(&found.text) {
                Some((situation, prompt)) => {
                    question.kind = Kind::Scenario;
                    question.situation = Some(situation);
                    question.prompt = prompt;
                }
                None => question.kind = Kind::ShortAnswer,
            },
            Section::Knowledge(Part::ShortAnswer) => question.kind = Kind::ShortAnswer,
            Section::Interview(tier) => {
                question.kind = Kind::Interview;
                question.tier = Some(tier);
            }
        }
        let model = self.model_answer(&question, found, answer, corpus, comments)?;
        question.examples.push(Example {
            answer: model.clone(),
            expect: Expect::Pass,
            note: Some("the model answer itself (added by recall import)".to_owned()),
        });
        question.model_answer = Some(model);
        question.draft = true;
        Some(question)
    }

    /// A multiple-choice question: its choices, and the right ones as the lesson marks
    /// them, else as its answer key gives them, else guessed from its prose (flagged).
    fn choice_question(
        &mut self,
        mut question: Question,
        found: &FoundQuestion,
        answer: Option<LabelledAnswer>,
        corpus: &Corpus,
        comments: &mut Vec<String>,
    ) -> Option<Question> {
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
            let id = &question.id;
            let message = format!(
                "the lesson does not mark the right choice of \"{id}\"; guessed {letter} (the choice the lesson's text supports best): check it"
            );
            comments.push(format!(
                "answer {letter} was guessed by recall import: the lesson does not say; check it"
            ));
            self.note(Level::Warning, message);
        }
        question.answer.sort_unstable();
        question.answer.dedup();
        Some(question)
    }

    /// A text question's model answer: its answer from View Answers (its label checked
    /// against the question), else for the knowledge check a passage of the lesson's
    /// prose (flagged); `None` (reported) when there is neither.
    fn model_answer(
        &mut self,
        question: &Question,
        found: &FoundQuestion,
        answer: Option<LabelledAnswer>,
        corpus: &Corpus,
        comments: &mut Vec<String>,
    ) -> Option<String> {
        let id = &question.id;
        match (answer, found.section) {
            (Some(answer), _) => {
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
                Some(answer.text)
            }
            (None, Section::Knowledge(_)) => {
                let query = format!(
                    "{} {}",
                    question.situation.as_deref().unwrap_or(""),
                    question.prompt
                );
                let Some(passage) = corpus.passage_for(&query) else {
                    self.unplaced("a question the lesson gives no answer to", &found.text);
                    return None;
                };
                self.note(
                    Level::Warning,
                    format!("the lesson gives no answer to \"{id}\"; drafted one from the lesson's text: check it"),
                );
                comments.push("model answer drafted by recall import from the lesson's text (the lesson gives none): check it".to_owned());
                Some(passage)
            }
            (None, Section::Interview(tier)) => {
                self.unplaced(
                    &format!(
                        "an interview question with no answer in View Answers > {}",
                        tier.title()
                    ),
                    &found.text,
                );
                None
            }
        }
    }
}

/// The bank's header from the lesson's title, metadata and overview; no questions yet.
fn header(metadata: &[String], overview: &[String], title: &str, source: &str) -> Bank {
    let meta = Metadata::parse(metadata);
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
    let description = overview
        .first()
        .and_then(|o| first_sentence(o))
        .map(str::to_owned);
    Bank {
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
        synonyms: Vec::new(),
        lexicon: None,
        source: source.into(),
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

fn first_sentence(text: &str) -> Option<&str> {
    let end = text
        .char_indices()
        .find(|&(i, c)| matches!(c, '.' | '!' | '?') && text[i + c.len_utf8()..].starts_with(' '))
        .map(|(i, c)| i + c.len_utf8())
        .unwrap_or(text.len());
    let sentence = text[..end].trim();
    (!sentence.is_empty()).then_some(sentence)
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

/// A short id from a question's text: its first content words.
fn slug(text: &str) -> String {
    let all = words(text);
    let content: Vec<&String> = all
        .iter()
        .filter(|w| !crate::lang::is_stop_word(w))
        .collect();
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
    id
}

/// The question ids given so far. A slug already taken gets the first free suffix
/// (`-2`, `-3`, ...), found from where the last search for that slug stopped, not from
/// `-2` again: a lesson that repeats a question a thousand times costs a thousand
/// steps, not half a million.
#[derive(Default)]
struct Ids {
    taken: HashSet<String>,
    next_suffix: HashMap<String, usize>,
    /// The last id given: its slug and suffix (0 for none), for [`Ids::release_last`].
    last: Option<(String, String, usize)>,
}

impl Ids {
    /// `slug`, or `slug-N` with the first N that is free.
    fn unique(&mut self, slug: String) -> String {
        if self.taken.insert(slug.clone()) {
            self.last = Some((slug.clone(), slug.clone(), 0));
            return slug;
        }
        let next = self.next_suffix.entry(slug.clone()).or_insert(2);
        loop {
            let candidate = format!("{slug}-{next}");
            *next += 1;
            if self.taken.insert(candidate.clone()) {
                self.last = Some((candidate.clone(), slug, *next - 1));
                return candidate;
            }
        }
    }

    /// Gives the last id back (its question could not be built), so the next question
    /// with the same slug gets it.
    fn release_last(&mut self) {
        if let Some((id, slug, suffix)) = self.last.take() {
            self.taken.remove(&id);
            if suffix > 0 {
                self.next_suffix.insert(slug, suffix);
            }
        }
    }
}

/// The draft rubric of an imported text question: the grader's heaviest concepts of its
/// model answer (see `grade::draft_keywords`), each of weight 1 for the author to adjust.
fn draft_rubric(drafter: &crate::grade::KeywordDrafter, question: &Question) -> Option<Rubric> {
    if !question.is_text() || question.model_answer.is_none() {
        return None;
    }
    let terms = drafter.draft(question, DRAFT_KEYWORDS);
    (!terms.is_empty()).then(|| Rubric {
        concepts: terms
            .into_iter()
            .map(|term| Concept::any(vec![term]))
            .collect(),
        forbidden: Vec::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_short_unique_slugs() {
        let mut ids = Ids::default();
        let mut unique = |text: &str| ids.unique(slug(text));
        assert_eq!(
            unique("What is a Docker named volume?"),
            "docker-named-volume"
        );
        assert_eq!(
            unique("What is a Docker named volume?"),
            "docker-named-volume-2"
        );
        assert_eq!(unique("Qu'est-ce qu'un « volume » ?"), "qu-est-ce-qu-un");
        assert_eq!(unique("???"), "question");
    }

    #[test]
    fn a_released_id_is_given_again() {
        let mut ids = Ids::default();
        assert_eq!(ids.unique("a".to_owned()), "a");
        assert_eq!(ids.unique("a".to_owned()), "a-2");
        assert_eq!(ids.unique("a".to_owned()), "a-3");
        ids.release_last();
        assert_eq!(ids.unique("a".to_owned()), "a-3");
        // An id taken by another slug is skipped.
        assert_eq!(ids.unique("a-4".to_owned()), "a-4");
        assert_eq!(ids.unique("a".to_owned()), "a-5");
        ids.release_last();
        ids.release_last();
        assert_eq!(ids.unique("a".to_owned()), "a-5");
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
}
