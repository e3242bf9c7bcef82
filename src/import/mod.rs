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
mod corpus;
mod finish;
mod place;
mod repair;
pub mod write;

pub use finish::DRAFT_KEYWORDS;

use crate::bank::Bank;
use place::{FoundQuestion, LabelledAnswer, Place, Section};
use repair::Vocabulary;
use write::Comments;

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

/// What the lesson has given so far: filled in by placing (`place`), turned into the
/// bank by finishing (`finish`).
#[derive(Default)]
struct Importer {
    place: Option<Place>,
    metadata: Vec<String>,
    overview: Vec<String>,
    /// The lesson's prose, the corpus drafts are taken from.
    body: Vec<String>,
    /// The text of its "Common Mistakes" and "Troubleshooting" sections, which
    /// misconceptions are drafted from.
    mistakes: Vec<String>,
    found: Vec<FoundQuestion>,
    answers: Vec<(Section, LabelledAnswer)>,
    notes: Vec<Note>,
    /// What could not be placed, written as comments at the end of the bank.
    trailer: Vec<String>,
    seen_questions: bool,
    last_heading: String,
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
}

#[cfg(test)]
mod tests {
    use super::*;

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
