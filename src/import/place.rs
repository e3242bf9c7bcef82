//! Placing: each block of the lesson is put where the heading it sits under says. Prose
//! goes to the body (the importer's corpus), the metadata list to the bank header,
//! knowledge-check and interview items become found questions, and "View Answers"
//! items become answers waiting to be matched to them.
//!
//! Nothing here builds model questions; `finish` does, once every block is placed.

use super::Importer;
use super::blocks::{self, Block};
use crate::bank::Tier;

/// Where a block sits in the lesson.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Place {
    Body,
    Metadata,
    Knowledge(Option<Part>),
    Interview(Option<Tier>),
    Answers(Option<Section>),
    /// Under a heading the importer does not know, after the questions began.
    Unknown(String),
}

/// A part of the knowledge check.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Part {
    MultipleChoice,
    Scenario,
    ShortAnswer,
}

/// The section of the lesson a question is asked in, and that its answer in "View
/// Answers" is filed under: answers are matched to questions by order within one.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Section {
    Knowledge(Part),
    Interview(Tier),
}

/// A question as found in the lesson, before it becomes a model question.
#[derive(Debug, Clone)]
pub(super) struct FoundQuestion {
    pub section: Section,
    pub text: String,
    /// A multiple-choice question's lettered choices, in order.
    pub choices: Vec<String>,
    /// The choices the lesson marks right (a ✅ or an `Answer:` line).
    pub marked: Vec<usize>,
}

impl FoundQuestion {
    fn new(section: Section, text: &str) -> FoundQuestion {
        FoundQuestion {
            section,
            text: text.to_owned(),
            choices: Vec::new(),
            marked: Vec::new(),
        }
    }
}

/// An answer from "View Answers": its `[label]` and text.
#[derive(Debug, Clone)]
pub(super) struct LabelledAnswer {
    pub label: Option<String>,
    pub text: String,
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
            Place::Answers(Some(Section::Interview(t)))
        } else {
            Place::Interview(Some(t))
        }
    };
    let part = |p| {
        if in_answers {
            Place::Answers(Some(Section::Knowledge(p)))
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
pub(super) fn choice(text: &str) -> Option<(usize, &str)> {
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
fn labelled(text: &str) -> LabelledAnswer {
    if let Some(rest) = text.strip_prefix('[')
        && let Some(end) = rest.find("]:")
    {
        return LabelledAnswer {
            label: Some(rest[..end].trim().to_owned()),
            text: rest[end + 2..].trim().to_owned(),
        };
    }
    LabelledAnswer {
        label: None,
        text: text.trim().to_owned(),
    }
}

impl Importer {
    pub(super) fn place_all(&mut self, blocks: &[Block], fix: &dyn Fn(&str) -> String) {
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
                let heading = self.last_heading.to_lowercase();
                if heading.contains("common mistakes") || heading.contains("troubleshooting") {
                    self.mistakes.push(text.to_owned());
                }
            }
            Place::Metadata => self.metadata.push(text.to_owned()),
            Place::Knowledge(Some(Part::MultipleChoice)) => self.multiple_choice(text),
            Place::Knowledge(Some(part)) => self
                .found
                .push(FoundQuestion::new(Section::Knowledge(part), text)),
            Place::Interview(Some(tier)) if item || text.ends_with('?') => self
                .found
                .push(FoundQuestion::new(Section::Interview(tier), text)),
            Place::Answers(Some(section)) => self.answers.push((section, labelled(text))),
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

    /// A line of the multiple-choice part: a lettered choice or an `Answer:` line of the
    /// question before it, else a new question.
    fn multiple_choice(&mut self, text: &str) {
        const SECTION: Section = Section::Knowledge(Part::MultipleChoice);
        if let Some((index, choice_text)) = choice(text) {
            let (choice_text, right) = strip_mark(choice_text);
            if let Some(question) = self.found.last_mut().filter(|f| f.section == SECTION)
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
            && let Some(question) = self.found.last_mut().filter(|f| f.section == SECTION)
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
        self.found.push(FoundQuestion::new(SECTION, text));
    }
}
