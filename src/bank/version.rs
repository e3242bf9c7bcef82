//! A question's version: a hash of what the learner saw and of what grades the answer.
//!
//! Statistics belong to a version (`recall items` reports each one apart), so an edit to
//! the prompt, the choices, the key or the rubric starts a new one; the review log
//! records the version of every answer. Scheduling does not follow versions: it follows
//! the question id, so fixing a typo keeps a learner's progress.
//!
//! A version is 16 lower-case hex digits: the first 8 hash what the learner saw (the
//! kind, the situation, the prompt, the choices' texts), the last 8 what grades the
//! answer (the right choices, the author's rubric with its relations or, for a derived
//! rubric, the model answer it is derived from, the misconceptions' terms and caps, the
//! bank's synonyms for a text question, and the pass mark). Two versions with the same last 8
//! digits grade alike, so an old version's answers can be graded again with today's
//! rubric. What is shown only after answering (explanations, choice feedback, a model
//! answer beside an author's rubric) and what only sorts questions (tags, tier,
//! difficulty) is not part of it. The encoding below is fixed: changing it would start a
//! new version of every question, so a test pins it.

use super::{Concept, Question, Rubric};
use xxhash_rust::xxh3::Xxh3;

impl Question {
    /// This question's version (see the module's documentation), in a bank whose
    /// synonyms are `synonyms`.
    pub fn version(&self, synonyms: &[Vec<String>]) -> String {
        let mut seen = Encoder::default();
        seen.text(self.kind_name().as_str());
        seen.optional(self.situation.as_deref());
        seen.text(&self.prompt);
        seen.number(self.choices.len() as u64);
        for choice in &self.choices {
            seen.text(&choice.text);
        }

        let mut grading = Encoder::default();
        grading.number(self.answer.len() as u64);
        for &index in &self.answer {
            grading.number(index as u64);
        }
        match &self.rubric {
            Some(rubric) => {
                grading.text("rubric");
                encode_rubric(&mut grading, rubric);
            }
            None => {
                grading.text("derived");
                grading.optional(self.model_answer.as_deref());
            }
        }
        if !self.misconceptions.is_empty() {
            grading.text("misconceptions");
            grading.number(self.misconceptions.len() as u64);
            for misconception in &self.misconceptions {
                encode_concept(&mut grading, &misconception.concept);
                grading.number(misconception.cap.map_or(u64::MAX, f64::to_bits));
            }
        }
        if self.is_text() && !synonyms.is_empty() {
            grading.text("synonyms");
            grading.number(synonyms.len() as u64);
            for group in synonyms {
                grading.number(group.len() as u64);
                for word in group {
                    grading.text(word);
                }
            }
        }
        match self.pass {
            Some(pass) => grading.number(pass.to_bits()),
            None => grading.text("default pass"),
        }
        format!("{:08x}{:08x}", seen.finish(), grading.finish())
    }
}

/// The last 8 digits of `version`: the part that says what grades the answer.
pub fn grading_part(version: &str) -> &str {
    version.get(8..).unwrap_or("")
}

fn encode_rubric(encoder: &mut Encoder, rubric: &Rubric) {
    encoder.number(rubric.concepts.len() as u64);
    for concept in &rubric.concepts {
        encode_concept(encoder, concept);
    }
    encoder.number(rubric.forbidden.len() as u64);
    for forbidden in &rubric.forbidden {
        encoder.number(forbidden.terms.len() as u64);
        for term in &forbidden.terms {
            encoder.text(term);
        }
    }
}

fn encode_concept(encoder: &mut Encoder, concept: &Concept) {
    encoder.number(concept.alternatives.len() as u64);
    for alternative in &concept.alternatives {
        encoder.text(alternative);
    }
    encoder.number(concept.weight.to_bits());
    encoder.number(u64::from(concept.required));
    // A concept of alternatives hashes as it did before relations existed.
    if let Some(relation) = &concept.relation {
        encoder.text("relation");
        encoder.number(relation.terms.len() as u64);
        for term in &relation.terms {
            encoder.number(term.len() as u64);
            for word in term {
                encoder.text(word);
            }
        }
        encoder.text(relation.within.as_str());
        encoder.number(u64::from(relation.ordered));
    }
}

/// Fields fed to xxh3 with their lengths, so `("ab", "c")` and `("a", "bc")` differ.
#[derive(Default)]
struct Encoder(Xxh3);

impl Encoder {
    fn text(&mut self, text: &str) {
        self.number(text.len() as u64);
        self.0.update(text.as_bytes());
    }

    fn optional(&mut self, text: Option<&str>) {
        match text {
            Some(text) => {
                self.number(1);
                self.text(text);
            }
            None => self.number(0),
        }
    }

    fn number(&mut self, n: u64) {
        self.0.update(&n.to_le_bytes());
    }

    /// The 32 bits kept: the high half of xxh3-64.
    fn finish(&self) -> u32 {
        (self.0.digest() >> 32) as u32
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bank::{Choice, Kind};

    fn choice(text: &str) -> Choice {
        Choice {
            text: text.to_owned(),
            feedback: None,
        }
    }

    fn multiple_choice() -> Question {
        Question {
            choices: vec![choice("a volume"), choice("a bind mount")],
            answer: vec![0],
            explanation: Some("Volumes are managed by Docker.".to_owned()),
            ..Question::new("q", Kind::MultipleChoice, "Which persists data?")
        }
    }

    fn short_answer() -> Question {
        Question {
            rubric: Some(Rubric {
                concepts: vec![Concept::any(vec!["volume".to_owned()])],
                forbidden: Vec::new(),
            }),
            model_answer: Some("A volume.".to_owned()),
            ..Question::new("s", Kind::ShortAnswer, "What persists data?")
        }
    }

    #[test]
    fn the_encoding_is_pinned() {
        // A change here starts a new version of every question in every learner's log.
        assert_eq!(multiple_choice().version(&[]), "c66741c877ba9177");
        assert_eq!(short_answer().version(&[]), "7f9ebf7212a5fc8f");
    }

    #[test]
    fn what_is_seen_changes_the_first_half_and_what_grades_the_second() {
        let base = multiple_choice();
        let reworded = Question {
            prompt: "Which one persists data?".to_owned(),
            ..base.clone()
        };
        let rekeyed = Question {
            answer: vec![1],
            ..base.clone()
        };
        let explained = Question {
            explanation: None,
            tags: vec!["storage".to_owned()],
            ..base.clone()
        };
        let (v, w, k) = (
            base.version(&[]),
            reworded.version(&[]),
            rekeyed.version(&[]),
        );
        assert_ne!(v[..8], w[..8]);
        assert_eq!(grading_part(&v), grading_part(&w));
        assert_eq!(v[..8], k[..8]);
        assert_ne!(grading_part(&v), grading_part(&k));
        assert_eq!(
            explained.version(&[]),
            v,
            "what is shown after answering is not part"
        );
        assert_eq!(v.len(), 16);
    }

    #[test]
    fn the_bank_s_synonyms_are_part_of_a_text_question_s_version() {
        let synonyms = vec![vec!["volume".to_owned(), "named volume".to_owned()]];
        assert_ne!(
            short_answer().version(&synonyms),
            short_answer().version(&[])
        );
        assert_eq!(
            multiple_choice().version(&synonyms),
            multiple_choice().version(&[])
        );
    }

    #[test]
    fn a_rubric_edit_or_a_pass_mark_starts_a_new_version() {
        let base = short_answer();
        let mut weighted = base.clone();
        if let Some(rubric) = &mut weighted.rubric {
            rubric.concepts[0].weight = 2.0;
        }
        let stricter = Question {
            pass: Some(0.8),
            ..base.clone()
        };
        let reanswered = Question {
            model_answer: Some("Named volumes.".to_owned()),
            ..base.clone()
        };
        assert_ne!(weighted.version(&[]), base.version(&[]));
        assert_ne!(stricter.version(&[]), base.version(&[]));
        assert_eq!(
            reanswered.version(&[]),
            base.version(&[]),
            "a model answer beside an author's rubric only shows after answering"
        );
        let derived = Question {
            rubric: None,
            ..base.clone()
        };
        let rederived = Question {
            rubric: None,
            ..reanswered
        };
        assert_ne!(derived.version(&[]), rederived.version(&[]));
    }
}
