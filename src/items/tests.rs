//! Item analysis on small hand-made logs whose figures are worked out by hand in the
//! comments, then checked to the last digit.

use super::*;
use crate::bank::{Library, load_str};
use crate::schedule::Rating;
use crate::schedule::State;
use crate::session::Mode;
use chrono::{DateTime, TimeDelta};
use std::path::Path;

const BANK: &str = r#"
[bank]
id = "t"
title = "Test bank"

[[question]]
id = "mc"
kind = "multiple_choice"
prompt = "Which one persists data?"
choices = ["a volume", "a bind mount", "tmpfs", "the container layer"]
answer = "A"
explanation = "Volumes."

[[question]]
id = "mc2"
kind = "multiple_choice"
prompt = "Is a named volume managed by Docker?"
choices = ["yes", "no"]
answer = "A"
explanation = "Yes."

[[question]]
id = "sa"
kind = "short_answer"
prompt = "How do you keep a database's files when its container goes?"
model_answer = "A volume, which persists."
keywords = ["volume", "persist"]
pass = 0.5
"#;

/// A bank of one interview question and its follow-up, both graded by rubrics derived
/// from their model answers.
const INTERVIEW: &str = r#"
[bank]
id = "t"
title = "Interview"

[[question]]
id = "q"
kind = "interview"
tier = "advanced"
prompt = "Why volumes?"
model_answer = "Volumes persist data."

[[question.follow_up]]
prompt = "Where on the host?"
model_answer = "Under /var/lib/docker/volumes."
"#;

fn library() -> Library {
    library_of(BANK)
}

/// A library of the one bank `toml`, which loads without an error.
fn library_of(toml: &str) -> Library {
    let (bank, diagnostics) = load_str(Path::new("t.toml"), toml);
    assert!(diagnostics.iter().all(|d| !d.is_error()), "{diagnostics:?}");
    Library {
        banks: vec![bank.expect("the test bank loads")],
        ..Library::default()
    }
}

/// One answer of the hand-made log.
struct Row {
    learner: &'static str,
    question: &'static str,
    version: Option<String>,
    minute: i64,
    answer: &'static str,
    score: f64,
    right: bool,
    duration_ms: u64,
    /// The concepts' outcomes recorded with it.
    concepts: Option<&'static str>,
}

fn row(
    learner: &'static str,
    question: &'static str,
    answer: &'static str,
    score: f64,
    duration_ms: u64,
) -> Row {
    Row {
        learner,
        question,
        version: None,
        minute: 0,
        answer,
        score,
        right: score >= 0.5,
        duration_ms,
        concepts: None,
    }
}

fn analyse(rows: &[Row], thresholds: &Thresholds) -> Report {
    let library = library();
    let grader = Grader::new(&library.banks);
    let mut analysis = Analysis::new(&library, &grader, RegradeCache::none());
    feed(&mut analysis, rows);
    analysis.finish(thresholds).0
}

fn feed(analysis: &mut Analysis<'_>, rows: &[Row]) {
    each_review(rows, 0, |review| analysis.add(review));
}

/// Calls `visit` with each of `rows` as a review, numbered from `first` on.
fn each_review(rows: &[Row], first: usize, mut visit: impl FnMut(&ReviewRef<'_>)) {
    let start = DateTime::from_timestamp(1_767_225_600, 0).unwrap();
    for (i, row) in rows.iter().enumerate() {
        let uuid = format!("00000000-0000-4000-8000-{:012}", first + i);
        visit(&ReviewRef {
            uuid: &uuid,
            learner: Some(row.learner),
            version: row.version.as_deref(),
            bank: "t",
            question: row.question,
            reviewed_at: start + TimeDelta::minutes(row.minute),
            state_before: State::New,
            mode: Mode::Quiz,
            answer: row.answer,
            score: Some(row.score),
            suggested: Some(if row.right {
                Rating::Good
            } else {
                Rating::Again
            }),
            rating: Rating::Good,
            duration_ms: row.duration_ms,
            reschedules: true,
            concepts: row.concepts,
        });
    }
}

/// Five learners answer each question once:
///
/// | learner | mc | mc2 | sa | total |
/// |---|---|---|---|---|
/// | l1 | A 1 | A 1 | "a volume persists data" 1 | 3 |
/// | l2 | A 1 | A 1 | "a volume" 0.5 | 2.5 |
/// | l3 | B 0 | A 1 | "it persists" 0.5 | 1.5 |
/// | l4 | A 1 | B 0 | "a bind mount" 0 | 1 |
/// | l5 | C 0 | B 0 | "not a volume" 0 | 0 |
fn class() -> Vec<Row> {
    vec![
        row("l1", "mc", "A", 1.0, 4000),
        row("l2", "mc", "A", 1.0, 6000),
        row("l3", "mc", "B", 0.0, 5000),
        row("l4", "mc", "A", 1.0, 9000),
        row("l5", "mc", "C", 0.0, 1000),
        row("l1", "mc2", "A", 1.0, 2000),
        row("l2", "mc2", "A", 1.0, 2000),
        row("l3", "mc2", "A", 1.0, 3000),
        row("l4", "mc2", "B", 0.0, 4000),
        row("l5", "mc2", "B", 0.0, 8000),
        row("l1", "sa", "a volume persists data", 1.0, 10_000),
        row("l2", "sa", "a volume", 0.5, 20_000),
        row("l3", "sa", "it persists", 0.5, 30_000),
        row("l4", "sa", "a bind mount", 0.0, 40_000),
        row("l5", "sa", "not a volume", 0.0, 50_000),
    ]
}

fn item<'r>(report: &'r Report, question: &str) -> &'r Item {
    report
        .items
        .iter()
        .find(|i| i.question == question)
        .unwrap_or_else(|| panic!("no item {question}"))
}

/// Per concept of `item`: its label, and how many answers matched, missed and negated
/// it, passing answers that lack it and failing ones that have it.
fn concept_counts(item: &Item) -> Vec<(&str, [usize; 5])> {
    item.concepts
        .iter()
        .map(|c| {
            let counts = [
                c.matched,
                c.missed,
                c.negated,
                c.unmatched_passing,
                c.matched_failing,
            ];
            (c.label.as_str(), counts)
        })
        .collect()
}

fn close(actual: Option<f64>, expected: f64) {
    let actual = actual.expect("a value");
    assert!(
        (actual - expected).abs() < 1e-12,
        "{actual} is not {expected}"
    );
}

#[test]
fn facility_discrimination_and_pick_rates_are_the_hand_computed_ones() {
    let report = analyse(&class(), &Thresholds::default());
    assert_eq!(report.units, Units::Learners);
    assert_eq!((report.learners, report.unit_count), (5, 5));
    assert_eq!((report.attempts, report.outside_banks), (15, 0));

    // mc: item scores x = 1 1 0 1 0, rest = (total - x) / 2 = 1 .75 .75 0 0.
    // mean x .6, mean rest .5; cov = (.2 + .1 - .15 - .2 + .3) / 5 = .05;
    // var x = .24, var rest = (.25 + .0625 + .0625 + .25 + .25) / 5 = .175.
    // Sorted, x 0 0 1 1 1 against rest 0 0 .75 .75 1: largest cov = (.3+.3+.1+.1+.2)/5 = .2.
    // Groups of round(5 * .27) = 1: best rest l1 (x 1), worst l5 (l4 ties, l5 comes last) x 0.
    let mc = item(&report, "mc");
    assert_eq!((mc.attempts, mc.learners, mc.units), (5, 5, 5));
    assert_eq!((mc.facility, mc.right), (0.6, 0.6));
    close(mc.correlation, 0.05 / (0.24f64 * 0.175).sqrt());
    close(mc.efficiency, 0.05 / 0.2);
    close(mc.upper_lower, 1.0);
    // Durations 1000 4000 5000 6000 9000.
    assert_eq!(mc.median_ms, 5000.0);
    let picks: Vec<(&str, Option<bool>, usize, f64)> = mc
        .choices
        .iter()
        .map(|c| (c.letter.as_str(), c.right, c.picks, c.rate))
        .collect();
    assert_eq!(
        picks,
        [
            ("A", Some(true), 3, 0.6),
            ("B", Some(false), 1, 0.2),
            ("C", Some(false), 1, 0.2),
            ("D", Some(false), 0, 0.0)
        ]
    );

    // mc2: x = 1 1 1 0 0, rest = 1 .75 .25 .5 0 (mean .5); cov = (.2+.1-.1+0+.3)/5 = .1;
    // var rest = (.25+.0625+.0625+0+.25)/5 = .125. Sorted rest 0 .25 .5 .75 1 against
    // x 0 0 1 1 1: largest cov = (.3+.15+0+.1+.2)/5 = .15.
    let mc2 = item(&report, "mc2");
    close(mc2.correlation, 0.1 / (0.24f64 * 0.125).sqrt());
    close(mc2.efficiency, 0.1 / 0.15);
    close(mc2.upper_lower, 1.0);
    // Durations 2000 2000 3000 4000 8000.
    assert_eq!(mc2.median_ms, 3000.0);

    // sa: x = 1 .5 .5 0 0 (mean .4), rest = 1 1 .5 .5 0 (mean .6);
    // cov = (.24+.04-.01+.04+.24)/5 = .11, var x = var rest = .7/5 = .14;
    // sorted x against sorted rest gives the same products: efficiency 1.
    let sa = item(&report, "sa");
    assert!((sa.facility - 0.4).abs() < 1e-12);
    assert_eq!(sa.right, 0.6);
    close(sa.correlation, 0.11 / 0.14);
    close(sa.efficiency, 1.0);
    close(sa.upper_lower, 1.0);
    assert!(sa.choices.is_empty());
}

#[test]
fn text_answers_are_graded_again_concept_by_concept() {
    let report = analyse(&class(), &Thresholds::default());
    let sa = item(&report, "sa");
    // volume: in l1, l2; absent from l3, l4; only under a negation in l5.
    // persist: in l1, l3 ("persists"); absent from l2, l4, l5.
    // Passing (half the weight): l1, l2, l3; failing: l4, l5.
    assert_eq!(
        concept_counts(sa),
        [("volume", [2, 2, 1, 1, 0]), ("persist", [2, 3, 0, 1, 0])]
    );
    assert_eq!(
        sa.regraded,
        Some(Regraded {
            pass_mark: 0.5,
            passing: 3,
            failing: 2
        })
    );
    // Distance to the mark: "a volume" and "it persists" sit on it, the rest 0.5 away;
    // equally near answers in the order of their text.
    let nearest: Vec<(&str, f64, bool)> = sa
        .nearest
        .iter()
        .map(|n| (n.answer.as_str(), n.score, n.passed))
        .collect();
    assert_eq!(
        nearest,
        [
            ("a volume", 0.5, true),
            ("it persists", 0.5, true),
            ("a bind mount", 0.0, false)
        ]
    );
}

#[test]
fn flags_say_why_and_the_most_urgent_question_comes_first() {
    let thresholds = Thresholds {
        min_attempts: 5,
        min_units: 5,
        ..Thresholds::default()
    };
    let mut rows = class();
    // A question whose key loses: everyone but one picks distractor B.
    for (learner, answer, score) in [
        ("l1", "B", 0.0),
        ("l2", "B", 0.0),
        ("l3", "B", 0.0),
        ("l4", "A", 1.0),
        ("l5", "B", 0.0),
    ] {
        rows.push(Row {
            question: "mc2",
            ..row(learner, "mc2", answer, score, 1000)
        });
    }
    let report = analyse(&rows, &thresholds);
    let first = &report.items[0];
    assert_eq!(first.question, "mc2");
    let kinds: Vec<FlagKind> = first.flags.iter().map(|f| f.kind).collect();
    assert_eq!(kinds[0], FlagKind::KeyBelowDistractor, "{:?}", first.flags);
    assert!(
        first.flags[0].reason.contains("right choice A") && first.flags[0].reason.contains("B"),
        "{}",
        first.flags[0].reason
    );
    // mc: D was never picked.
    let mc = item(&report, "mc");
    assert_eq!(
        mc.flags
            .iter()
            .map(|f| (f.kind, f.reason.as_str()))
            .collect::<Vec<_>>(),
        [(
            FlagKind::UnpickedDistractor,
            "distractor D was never picked in 5 attempts"
        )]
    );
}

#[test]
fn a_concept_missing_from_most_passing_answers_is_flagged_too_strict() {
    let thresholds = Thresholds {
        min_attempts: 4,
        ..Thresholds::default()
    };
    // Every passing answer says "volume" and none "persist": 2 of 2 passing lack it.
    let rows = vec![
        row("l1", "sa", "a volume", 0.5, 1000),
        row("l2", "sa", "a named volume", 0.5, 1000),
        row("l3", "sa", "no idea", 0.0, 1000),
        row("l4", "sa", "copy the files", 0.0, 1000),
    ];
    let report = analyse(&rows, &thresholds);
    let sa = item(&report, "sa");
    let strict: Vec<&str> = sa
        .flags
        .iter()
        .filter(|f| f.kind == FlagKind::ConceptTooStrict)
        .map(|f| f.reason.as_str())
        .collect();
    assert_eq!(
        strict,
        ["concept `persist` is missing from 2 of 2 passing answers: probably too strict"]
    );
}

#[test]
fn one_learner_is_measured_over_sessions_and_versions_are_kept_apart() {
    let current = library().banks[0].questions[0].version(&[]);
    // One learner, three sessions: minutes 0-1, 60-61 and 200-201 (gaps over 30 minutes).
    let at = |minute, question, answer, score, version| Row {
        minute,
        version,
        ..row("me", question, answer, score, 1000)
    };
    let old = Some("0123456789abcdef");
    let now = Some(current.clone());
    let rows = vec![
        at(0, "mc", "A", 1.0, now.clone()),
        at(1, "mc2", "A", 1.0, None),
        at(60, "mc", "B", 0.0, old.map(str::to_owned)),
        at(61, "mc2", "B", 0.0, None),
        at(200, "mc", "A", 1.0, now),
        at(201, "mc2", "A", 1.0, None),
    ];
    let report = analyse(&rows, &Thresholds::default());
    assert_eq!(report.units, Units::Sessions);
    assert_eq!((report.learners, report.unit_count), (1, 3));
    let mc: Vec<(Option<&str>, bool, usize)> = report
        .items
        .iter()
        .filter(|i| i.question == "mc")
        .map(|i| (i.version.as_deref(), i.current, i.attempts))
        .collect();
    assert_eq!(
        mc,
        [(Some(current.as_str()), true, 2), (old, false, 1)],
        "the current version first"
    );
    // Over sessions, mc2's rest scores are mc's: 1 (current), 0 (old version), 1.
    let mc2 = item(&report, "mc2");
    assert_eq!(mc2.units, 3);
    close(mc2.correlation, 1.0);
    // The old version's key is not known: its choices are the letters seen.
    let old_item = report
        .items
        .iter()
        .find(|i| i.version.as_deref() == old)
        .unwrap();
    assert_eq!(old_item.choices.len(), 2);
    assert_eq!(old_item.choices[1].right, None);
}

#[test]
fn outcomes_recorded_with_the_answers_are_counted_and_not_graded_again() {
    let library = library();
    let grader = Grader::new(&library.banks);
    // The report, and how many text answers were left to grade.
    let run = |rows: &[Row], regrade: bool| {
        let mut analysis = Analysis::new(&library, &grader, RegradeCache::none());
        if regrade {
            analysis.regrade_all();
        }
        feed(&mut analysis, rows);
        let to_grade = analysis.own.to_grade.len();
        (analysis.finish(&Thresholds::default()).0, to_grade)
    };
    let (graded, to_grade) = run(&class(), false);
    assert_eq!(to_grade, 5);
    // What the grader gives the five text answers (volume, persist; see
    // `text_answers_are_graded_again_concept_by_concept`), recorded with them: the same
    // report, with nothing graded.
    let mut rows = class();
    for (row, concepts) in rows[10..].iter_mut().zip(["mm", "m.", ".m", "..", "n."]) {
        row.concepts = Some(concepts);
    }
    assert_eq!(run(&rows, false), (graded, 0));

    // What was recorded is what counts, whatever the grader would say now: l4's "a bind
    // mount" recorded as stating both concepts (failing, as logged).
    rows[13].concepts = Some("mm");
    let (report, _) = run(&rows, false);
    assert_eq!(
        concept_counts(item(&report, "sa")),
        [("volume", [3, 1, 1, 1, 1]), ("persist", [3, 2, 0, 1, 1])]
    );
    // `--regrade` grades every answer again: the grader's counts.
    assert_eq!(run(&rows, true), (run(&class(), false).0, 5));
    // Outcomes of another number of concepts than the rubric has now are not its
    // rubric's: that answer is graded again.
    rows[13].concepts = Some("m");
    assert_eq!(run(&rows, false), (run(&class(), false).0, 1));
}

#[test]
fn a_second_run_takes_the_grades_from_the_cache_and_reports_the_same() {
    let dir = tempfile::tempdir().unwrap();
    let path = cache::path_for(&dir.path().join("recall.db"));
    let library = library();
    let grader = Grader::new(&library.banks);
    let run = |expect_graded: usize| {
        let mut analysis = Analysis::new(&library, &grader, RegradeCache::open(&path));
        feed(&mut analysis, &class());
        assert_eq!(analysis.own.to_grade.len(), expect_graded);
        let (report, cache) = analysis.finish(&Thresholds::default());
        cache.save();
        report
    };
    let first = run(5);
    assert!(path.exists());
    let second = run(0);
    assert_eq!(first, second);
    // An edited rubric grades afresh.
    let mut edited = library.banks.clone();
    edited[0].questions[2].pass = Some(0.9);
    let edited = Library {
        banks: edited,
        ..Library::default()
    };
    let mut analysis = Analysis::new(&edited, &grader, RegradeCache::open(&path));
    feed(&mut analysis, &class());
    assert_eq!(analysis.own.to_grade.len(), 5);
}

#[test]
fn a_log_read_in_two_parts_reports_what_it_reports_read_whole() {
    let library = library();
    let grader = Grader::new(&library.banks);
    // The class, then more answers of one of them to an older version and to none.
    let mut rows = class();
    let old = Some("0123456789abcdef".to_owned());
    rows.push(Row {
        version: old.clone(),
        ..row("l1", "mc", "B", 0.0, 3000)
    });
    rows.push(Row {
        version: old,
        ..row("l2", "mc", "A", 1.0, 5000)
    });
    rows.push(row("l3", "sa", "a volume", 0.5, 7000));
    let whole = analyse(&rows, &Thresholds::default());
    for split in 0..=rows.len() {
        let mut analysis = Analysis::new(&library, &grader, RegradeCache::none());
        let (lower, upper) = rows.split_at(split);
        let mut reader = analysis.reader();
        each_review(lower, 0, |review| reader.add(review));
        let lower = reader.into_part();
        let mut reader = analysis.reader();
        each_review(upper, split, |review| reader.add(review));
        let upper = reader.into_part();
        analysis.absorb(lower);
        analysis.absorb(upper);
        let (parts, _) = analysis.finish(&Thresholds::default());
        assert_eq!(parts, whole, "split after {split} reviews");
    }
}

/// A mock interview logs the answer to a follow-up under its own key,
/// `question/follow-1`: it is an item of its own, not an answer outside the banks.
#[test]
fn follow_up_answers_count_as_the_follow_up_questions_they_are() {
    let library = library_of(INTERVIEW);
    let grader = Grader::new(&library.banks);
    let mut analysis = Analysis::new(&library, &grader, RegradeCache::none());
    let (bank, follow_up) = library
        .questions_and_follow_ups()
        .find(|(_, q)| q.id == "q/follow-1")
        .expect("the follow-up is loaded");
    let version = follow_up.version(&bank.synonyms);
    let mut rows = [
        row("l1", "q", "volumes persist data", 1.0, 1000),
        row(
            "l1",
            "q/follow-1",
            "under /var/lib/docker/volumes",
            1.0,
            1000,
        ),
        row("l2", "q/follow-1", "in the container", 0.0, 1000),
        row("l2", "q/follow-2", "no such follow-up", 0.0, 1000),
    ];
    for row in &mut rows[1..3] {
        row.version = Some(version.clone());
    }
    feed(&mut analysis, &rows);
    let report = analysis.finish(&Thresholds::default()).0;
    let items: Vec<(&str, usize)> = report
        .items
        .iter()
        .map(|i| (i.question.as_str(), i.attempts))
        .collect();
    assert_eq!(items, [("q/follow-1", 2), ("q", 1)]);
    assert_eq!(
        report.outside_banks, 1,
        "only the unknown follow-up is left out"
    );
    let follow_up = &report.items[0];
    assert!(
        follow_up.current,
        "its version is the follow-up's current one"
    );
    let graded = follow_up
        .regraded
        .as_ref()
        .expect("its text answers are graded again");
    assert_eq!((graded.passing + graded.failing), 2);
}

#[test]
fn the_sort_of_a_log_in_time_order_is_the_general_stable_sort() {
    // (major, minor, position in the log): ties of the major key (answers of the same
    // microsecond) in every order of the minor key, some with equal minor keys too.
    let in_order: Vec<(i64, u32, usize)> = [
        (1, 5),
        (2, 9),
        (2, 3),
        (2, 9),
        (2, 1),
        (3, 0),
        (4, 7),
        (4, 7),
        (4, 2),
        (5, 1),
    ]
    .into_iter()
    .enumerate()
    .map(|(i, (major, minor))| (major, minor, i))
    .collect();
    // The same values, but the major key going down once: the general sort.
    let mut out_of_order = in_order.clone();
    out_of_order.swap(0, 6);
    for values in [in_order, out_of_order] {
        let mut expected = values.clone();
        expected.sort_by_key(|&(major, minor, _)| (major, minor));
        let mut sorted = values;
        super::units::sort_stably(&mut sorted, |v| v.0, |v| v.1);
        assert_eq!(sorted, expected);
    }
}

#[test]
fn outcomes_recorded_for_derived_rubrics_are_named_as_grading_names_them() {
    let library = library_of(INTERVIEW);
    let grader = Grader::new(&library.banks);
    let questions: Vec<_> = library.questions_and_follow_ups().collect();
    let answers = [
        ("q", "volumes persist data"),
        ("q", "docker manages the container's data"),
        ("q", "no idea"),
        ("q/follow-1", "under /var/lib/docker/volumes"),
        ("q/follow-1", "in the container"),
    ];
    // Each answer as a session records it: the grader's score, verdict and outcomes.
    let rows = |record: bool| -> Vec<Row> {
        answers
            .iter()
            .map(|(id, answer)| {
                let (bank, question) = questions.iter().find(|(_, q)| q.id == *id).unwrap();
                let grade = grader.grade(bank, question, answer);
                let mut row = row("l1", id, answer, grade.score, 1000);
                row.right = grade.passed;
                if record {
                    let outcomes = crate::session::concept_outcomes(&grade);
                    row.concepts = Some(Box::leak(outcomes.into_boxed_str()));
                }
                row
            })
            .collect()
    };
    let run = |rows: &[Row]| {
        // A grader of its own for each run: the recorded run makes no rubric.
        let grader = Grader::new(&library.banks);
        let mut analysis = Analysis::new(&library, &grader, RegradeCache::none());
        feed(&mut analysis, rows);
        let to_grade = analysis.own.to_grade.len();
        (analysis.finish(&Thresholds::default()).0, to_grade)
    };
    let (graded, to_grade) = run(&rows(false));
    assert_eq!(to_grade, 5);
    assert!(
        graded.items.iter().all(|item| !item.concepts.is_empty()),
        "{graded:?}"
    );
    assert_eq!(run(&rows(true)), (graded, 0));
}
