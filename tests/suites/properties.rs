//! Property tests over the entry points that take untrusted text: whatever the input,
//! they return (an error or a result), never panic, and their diagnostics point somewhere
//! real. The fuzz targets in `fuzz/` explore the same entry points for longer; these run
//! on every `cargo test`.

use proptest::prelude::*;
use recall::bank;
use recall::diagnostic::Diagnostic;
use std::path::Path;

/// Every diagnostic is located on a line of `source` (1-based, the column within the
/// line or just past its end) or is about the whole file (line and column 0).
fn assert_located(source: &str, diagnostics: &[Diagnostic]) -> Result<(), TestCaseError> {
    let lines: Vec<&str> = source.split('\n').collect();
    for d in diagnostics {
        if d.line == 0 {
            prop_assert_eq!(d.column, 0, "{:?}", d);
            prop_assert!(d.source_line.is_none(), "{:?}", d);
            continue;
        }
        prop_assert!(d.line <= lines.len(), "line past the end: {:?}", d);
        let width = lines[d.line - 1].chars().count();
        prop_assert!(d.column >= 1 && d.column <= width + 1, "{:?}", d);
        prop_assert!(!d.message.is_empty(), "{:?}", d);
    }
    Ok(())
}

fn check_load(source: &str) -> Result<(), TestCaseError> {
    let (bank, diagnostics) = bank::load_str(Path::new("prop.toml"), source);
    assert_located(source, &diagnostics)?;
    let errors = diagnostics.iter().any(Diagnostic::is_error);
    if let Some(bank) = bank {
        prop_assert!(!errors, "a bank with errors was loaded: {:?}", diagnostics);
        // A loaded bank keeps the model's promises: letters in range, answers sorted.
        for q in &bank.questions {
            prop_assert!(q.answer.iter().all(|&i| i < q.choices.len()), "{:?}", q);
            prop_assert!(q.answer.windows(2).all(|w| w[0] < w[1]), "{:?}", q);
            prop_assert_eq!(q.is_text(), q.model_answer.is_some(), "{:?}", q);
        }
    }
    Ok(())
}

const BANK_KEYS: &[&str] = &["id", "title", "lesson", "module", "description", "tags"];
const QUESTION_KEYS: &[&str] = &[
    "id",
    "kind",
    "prompt",
    "situation",
    "tier",
    "choices",
    "answer",
    "explanation",
    "model_answer",
    "keywords",
    "pass",
    "tags",
    "difficulty",
    "references",
    "draft",
];
const WORDS: &[&str] = &[
    "multiple_choice",
    "true_false",
    "short_answer",
    "scenario",
    "interview",
    "beginner",
    "advanced",
    "easy",
    "hard",
    "pass",
    "fail",
    "A",
    "b",
    "ZZ",
    "any",
    "forbid",
    "weight",
    "required",
    "text",
    "feedback",
    "min",
    "max",
    "",
    " ",
    "\u{1b}[2J",
    "é",
];

/// A word recall knows (a kind, a tier, a letter, a key) or any short string.
fn word() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => proptest::sample::select(WORDS).prop_map(str::to_owned),
        1 => "\\PC{0,12}",
        1 => any::<String>(),
    ]
}

/// Any TOML value, with keys that recall knows more often than chance would pick them.
fn value() -> impl Strategy<Value = toml::Value> {
    let leaf = prop_oneof![
        4 => word().prop_map(toml::Value::String),
        1 => any::<i64>().prop_map(toml::Value::Integer),
        1 => any::<f64>().prop_map(toml::Value::Float),
        1 => any::<bool>().prop_map(toml::Value::Boolean),
    ];
    leaf.prop_recursive(4, 32, 6, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..6).prop_map(toml::Value::Array),
            proptest::collection::vec((word(), inner), 0..5)
                .prop_map(|pairs| toml::Value::Table(pairs.into_iter().collect())),
        ]
    })
}

/// A table whose keys are drawn mostly from `keys`.
fn table(keys: &'static [&'static str]) -> impl Strategy<Value = toml::Table> {
    let key = prop_oneof![
        6 => proptest::sample::select(keys).prop_map(str::to_owned),
        1 => word(),
    ];
    proptest::collection::vec((key, value()), 0..10).prop_map(|pairs| pairs.into_iter().collect())
}

/// A bank-shaped document: `[bank]`, `[[question]]` tables, sometimes examples.
fn document() -> impl Strategy<Value = toml::Table> {
    let question = (
        table(QUESTION_KEYS),
        proptest::collection::vec(table(&["answer", "expect", "note"]), 0..3),
    )
        .prop_map(|(mut q, examples)| {
            if !examples.is_empty() {
                q.insert(
                    "example".into(),
                    toml::Value::Array(examples.into_iter().map(toml::Value::Table).collect()),
                );
            }
            toml::Value::Table(q)
        });
    (
        proptest::option::weighted(0.9, table(BANK_KEYS)),
        proptest::collection::vec(question, 0..5),
    )
        .prop_map(|(bank, questions)| {
            let mut doc = toml::Table::new();
            if let Some(bank) = bank {
                doc.insert("bank".into(), toml::Value::Table(bank));
            }
            if !questions.is_empty() {
                doc.insert("question".into(), toml::Value::Array(questions));
            }
            doc
        })
}

/// A question whose keys all have the right types (so it gets past serde to the checks
/// of content), with contents that are often wrong: kinds, letters, tiers, empty text.
fn typed_question() -> impl Strategy<Value = toml::Value> {
    let text = || word().prop_map(toml::Value::String);
    let texts = || proptest::collection::vec(text(), 0..4).prop_map(toml::Value::Array);
    let keyword = prop_oneof![
        text(),
        (texts(), proptest::option::of(-1.0f64..200.0), any::<bool>()).prop_map(
            |(any, weight, required)| {
                let mut t = toml::Table::new();
                t.insert("any".into(), any);
                if let Some(w) = weight {
                    t.insert("weight".into(), toml::Value::Float(w));
                }
                t.insert("required".into(), toml::Value::Boolean(required));
                toml::Value::Table(t)
            }
        ),
        texts().prop_map(|forbid| toml::Value::Table(
            [("forbid".to_owned(), forbid)].into_iter().collect()
        )),
    ];
    let answer = prop_oneof![
        text(),
        texts(),
        any::<bool>().prop_map(toml::Value::Boolean)
    ];
    let fields = (
        proptest::collection::vec(
            proptest::sample::select(
                &[
                    "prompt",
                    "situation",
                    "tier",
                    "explanation",
                    "model_answer",
                    "difficulty",
                ][..],
            ),
            0..6,
        ),
        proptest::collection::vec(text(), 6),
        proptest::option::of(texts()),
        proptest::option::of(answer),
        proptest::option::of(proptest::collection::vec(keyword, 0..4)),
        proptest::option::of(-1.0f64..2.0),
        proptest::sample::select(
            &[
                "multiple_choice",
                "true_false",
                "short_answer",
                "scenario",
                "interview",
                "essay",
            ][..],
        ),
        "[a-z0-9-]{0,6}",
    );
    fields.prop_map(
        |(keys, values, choices, answer, keywords, pass, kind, id)| {
            let mut q = toml::Table::new();
            q.insert("id".into(), toml::Value::String(id));
            q.insert("kind".into(), toml::Value::String(kind.to_owned()));
            for (key, value) in keys.into_iter().zip(values) {
                q.insert(key.to_owned(), value);
            }
            if let Some(choices) = choices {
                q.insert("choices".into(), choices);
            }
            if let Some(answer) = answer {
                q.insert("answer".into(), answer);
            }
            if let Some(keywords) = keywords {
                q.insert("keywords".into(), toml::Value::Array(keywords));
            }
            if let Some(pass) = pass {
                q.insert("pass".into(), toml::Value::Float(pass));
            }
            toml::Value::Table(q)
        },
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn loading_any_string_never_panics(source in any::<String>()) {
        check_load(&source)?;
    }

    #[test]
    fn loading_any_printable_lines_never_panics(source in "(\\PC{0,40}\n){0,20}") {
        check_load(&source)?;
    }

    #[test]
    fn loading_any_bank_shaped_document_never_panics(doc in document()) {
        // toml writes what it can (a float NaN, a key of any text); skip what it refuses.
        if let Ok(source) = toml::to_string(&doc) {
            check_load(&source)?;
        }
    }

    #[test]
    fn loading_well_typed_questions_never_panics(questions in proptest::collection::vec(typed_question(), 1..6)) {
        let mut doc = toml::Table::new();
        let bank = [("id", "b"), ("title", "t")]
            .into_iter()
            .map(|(k, v)| (k.to_owned(), toml::Value::String(v.to_owned())))
            .collect();
        doc.insert("bank".into(), toml::Value::Table(bank));
        doc.insert("question".into(), toml::Value::Array(questions));
        if let Ok(source) = toml::to_string(&doc) {
            check_load(&source)?;
        }
    }

    #[test]
    fn loading_a_cut_or_spliced_document_never_panics(
        doc in document(),
        cut in any::<prop::sample::Index>(),
        splice in "\\PC{0,8}",
    ) {
        if let Ok(source) = toml::to_string(&doc) {
            let mut at = cut.index(source.len() + 1);
            while !source.is_char_boundary(at) {
                at -= 1;
            }
            check_load(&source[..at])?;
            check_load(&format!("{}{splice}{}", &source[..at], &source[at..]))?;
        }
    }
}

/// Keeps reviews in a vector, as the store would (for the letters property).
#[derive(Default)]
struct Kept {
    reviews: Vec<recall::session::NewReview>,
}

impl recall::session::Recorder for Kept {
    fn record(
        &mut self,
        review: &recall::session::NewReview,
    ) -> Result<recall::session::Saved, recall::session::RecordError> {
        self.reviews.push(review.clone());
        Ok(recall::session::Saved {
            id: recall::session::ReviewId(self.reviews.len() as i64),
            due: None,
        })
    }

    fn mark(
        &mut self,
        _key: &recall::session::QuestionKey,
        _mark: recall::session::Mark,
    ) -> Result<recall::session::ReviewId, recall::session::RecordError> {
        Ok(recall::session::ReviewId(0))
    }

    fn undo(&mut self, _id: recall::session::ReviewId) -> Result<(), recall::session::RecordError> {
        Ok(())
    }

    fn preview(
        &mut self,
        _key: &recall::session::QuestionKey,
        _now: chrono::DateTime<chrono::Utc>,
    ) -> Option<[chrono::DateTime<chrono::Utc>; 4]> {
        None
    }
}

/// The first words of a choice, as every report starts it after its letter.
fn opening(text: &str) -> String {
    text.split_whitespace()
        .take(4)
        .collect::<Vec<_>>()
        .join(" ")
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Whatever the seed (and so the shuffle), every place that shows a chosen letter
    /// shows the one the learner saw, with that choice's text, and the log keeps the
    /// bank's letter and the order shown, from which the shown letter comes back.
    #[test]
    fn shown_letters_and_the_logs_bank_letters_agree_for_every_seed(
        seed in any::<u64>(),
        picks in proptest::collection::vec(0usize..4, 40),
    ) {
        use recall::session::{Answer, Mode, Queued, Session, Settings, report, shown_letters};
        let path = crate::util::root().join("banks/docker/mod-docker-02.toml");
        let source = std::fs::read_to_string(&path).expect("the shipped bank");
        let (bank, _) = bank::load_str(&path, &source);
        let bank = bank.expect("the shipped bank loads");
        let grader = recall::grade::Grader::new(std::slice::from_ref(&bank));
        let entries: Vec<Queued> = bank
            .questions
            .iter()
            .filter(|q| !q.choices.is_empty() && !q.is_multiple_answer())
            .map(|question| Queued { bank: &bank, question, schedules: false })
            .collect();
        let count = entries.len();
        let settings = Settings {
            mode: Mode::Quiz,
            feedback_now: true,
            ask_rating: false,
            seed,
            learn_ahead: None,
            follow_ups: false,
        };
        let clock = recall::clock::Clock::system();
        let mut session = Session::new(entries, settings, clock);
        let mut kept = Kept::default();
        let mut shown = Vec::new();
        for pick in picks.iter().take(count) {
            let ask = session.ask().expect("a question");
            let (entry, order) = (*ask.entry, ask.order.to_vec());
            let position = pick % order.len();
            let letter = bank::letter(position);
            let text = opening(&entry.question.choices[order[position]].text);
            let verdict = session
                .answer(Answer::Choices(vec![position]), 0, &grader)
                .expect("a verdict")
                .clone();
            let feedback = recall::style::strip(&report::verdict(&entry, &order, &verdict, Mode::Quiz, 200));
            let head = if verdict.correct { "✓ Right:" } else { "✗ Wrong. You chose:" };
            let named = feedback.find(&format!("{letter}) {text}"));
            prop_assert!(
                feedback.starts_with(head) && named.is_some_and(|at| !feedback[..at].contains("The answer is")),
                "the feedback names the chosen {letter}) {text} first:\n{feedback}"
            );
            session.rate(verdict.suggested, &mut kept).expect("recorded");
            let review = kept.reviews.last().expect("a review");
            prop_assert_eq!(&review.answer, &bank::letter(order[position]), "the bank's letter");
            prop_assert_eq!(shown_letters(&review.answer, &review.choice_order), letter.clone());
            shown.push((entry.question.id.clone(), letter, text));
        }
        let (quiz, _) = report::quiz(&session, None, 200);
        let quiz = recall::style::strip(&quiz);
        for (id, letter, text) in shown {
            let at = quiz.find(&format!("/{id}\n")).expect("each question in the report");
            let after = &quiz[at..];
            prop_assert!(
                after.contains(&format!("you chose {letter}) {text}")),
                "the report names {letter}) {text} for {id}:\n{quiz}"
            );
        }
    }
}
