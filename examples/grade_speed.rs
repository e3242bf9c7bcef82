//! Grading throughput: 40-word answers against an 8-concept rubric on one thread, and
//! the latency of grading one typical interview answer of the shipped bank.
//!
//! A measurement, not a test: it prints numbers and never fails because a machine is
//! slow. Answers are generated from a fixed seed, so every run grades the same text.
//!
//! Run: cargo run --release --example grade_speed [-- SECONDS]   (default 3 s per part)

use recall::bank::{Bank, Concept, Forbidden, Kind, Question, Rubric};
use recall::grade::Grader;
use std::hint::black_box;
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// The allocator of the `recall` binary (src/main.rs), so the grader is measured as
/// `recall grade` runs it.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Words the generated answers are drawn from: rubric words, near misses, typos and
/// filler, as real answers mix them.
const VOCABULARY: &[&str] = &[
    "the",
    "a",
    "data",
    "is",
    "stored",
    "in",
    "volume",
    "volumes",
    "named",
    "daemon",
    "deamon",
    "docker",
    "manages",
    "managed",
    "persist",
    "persists",
    "persistent",
    "survives",
    "container",
    "containers",
    "removed",
    "deleted",
    "host",
    "filesystem",
    "bind",
    "mount",
    "mounts",
    "/var/lib/docker/volumes",
    "--mount",
    "-v",
    "not",
    "never",
    "without",
    "it",
    "and",
    "so",
    "that",
    "when",
    "restart",
    "reboot",
    "layer",
    "writable",
    "copy",
    "on",
    "write",
    "driver",
    "local",
    "path",
    "directory",
    "folder",
    "tmpfs",
    "memory",
    "ram",
    "postgres",
    "database",
    "because",
    "which",
    "after",
    "across",
    "lifecycle",
    "isolated",
    "8080:80",
    "port",
    "network",
    "bridge",
    "inspect",
    "mountpoint",
    "backup",
    "share",
];

fn main() {
    let seconds: f64 = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(3.0);
    let budget = Duration::from_secs_f64(seconds);

    let bank = rubric_bank();
    let question = &bank.questions[0];
    let grader = Grader::new(std::slice::from_ref(&bank));
    let answers = answers(1000, 40, 0x5eed);
    let rates = measure(budget, |i| {
        black_box(grader.grade(&bank, question, &answers[i % answers.len()]));
    });
    report(
        "40-word answers vs an 8-concept rubric, one thread, answers graded",
        rates,
    );

    let shipped = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("banks/docker/mod-docker-04.toml");
    match recall::bank::load_file(&shipped) {
        Ok((Some(bank), _)) => interview(&bank, budget),
        _ => println!(
            "(skipped the interview answer: cannot load {})",
            shipped.display()
        ),
    }
}

/// Latency of one interview answer against the shipped bank's interview questions.
fn interview(bank: &Bank, budget: Duration) {
    let grader = Grader::new(std::slice::from_ref(bank));
    // The interview question with the longest model answer.
    let question = bank
        .questions
        .iter()
        .filter(|q| q.kind == Kind::Interview)
        .max_by_key(|q| q.model_answer.as_deref().map_or(0, str::len));
    let Some(question) = question else {
        println!("(skipped the interview answer: the shipped bank has no interview question)");
        return;
    };
    // The model answer stands in for a typical, full interview answer.
    let answer = question.model_answer.clone().unwrap_or_default();
    let words = answer.split_whitespace().count();
    let rates = measure(budget, |_| {
        black_box(grader.grade(bank, question, &answer));
    });
    // A grader prepares a bank's rubrics on its first grade: time both.
    let build = Instant::now();
    black_box(Grader::new(std::slice::from_ref(bank)).grade(bank, question, &answer));
    report(
        &format!(
            "typical interview answer ({words} words, `{}`, {} concepts), grades",
            question.id,
            grader.rubric(bank, question).concepts.len()
        ),
        rates,
    );
    println!(
        "building the grader and grading once (preparing the shipped bank's {} questions): {:.2} ms",
        bank.questions.len(),
        build.elapsed().as_secs_f64() * 1e3
    );
}

/// Calls `f(0), f(1), ...` for about `budget` and returns calls per second of wall
/// time, and per second of CPU time of this process (Linux), which is what one core
/// does when the machine is shared.
fn measure(budget: Duration, mut f: impl FnMut(usize)) -> (f64, Option<f64>) {
    // Warm up caches and the allocator first.
    for i in 0..1000 {
        f(i);
    }
    let start = Instant::now();
    let cpu_start = cpu_seconds();
    let mut calls = 0usize;
    while start.elapsed() < budget {
        for _ in 0..1000 {
            f(calls);
            calls += 1;
        }
    }
    let wall = calls as f64 / start.elapsed().as_secs_f64();
    let cpu = cpu_start
        .zip(cpu_seconds())
        .map(|(a, b)| b - a)
        .filter(|&t| t > 0.0)
        .map(|t| calls as f64 / t);
    (wall, cpu)
}

/// User plus system CPU time of this process from /proc/self/stat, in seconds (the
/// kernel counts in units of 1/100 s).
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the command name (which is in parentheses and may hold spaces).
    let fields: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
    let utime: f64 = fields.get(11)?.parse().ok()?;
    let stime: f64 = fields.get(12)?.parse().ok()?;
    Some((utime + stime) / 100.0)
}

fn report(what: &str, (wall, cpu): (f64, Option<f64>)) {
    print!(
        "{what}: {wall:.0} per second of wall time ({:.2} µs each)",
        1e6 / wall
    );
    match cpu {
        Some(cpu) => println!("; {cpu:.0} per CPU-second ({:.2} µs each)", 1e6 / cpu),
        None => println!(),
    }
}

/// `count` answers of `words` words from a fixed-seed generator (xorshift).
fn answers(count: usize, words: usize, seed: u64) -> Vec<String> {
    let mut state = seed;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    (0..count)
        .map(|_| {
            let mut answer: Vec<&str> = (0..words)
                .map(|_| VOCABULARY[(next() % VOCABULARY.len() as u64) as usize])
                .collect();
            if let Some(last) = answer.last_mut() {
                *last = "removed.";
            }
            answer.join(" ")
        })
        .collect()
}

/// One question with an 8-concept rubric: words, alternatives, phrases, code tokens,
/// a required concept and a forbidden term.
fn rubric_bank() -> Bank {
    let concept = |alternatives: &[&str], weight: f64, required: bool| Concept {
        weight,
        required,
        ..Concept::any(alternatives.iter().map(|s| (*s).to_owned()).collect())
    };
    let rubric = Rubric {
        concepts: vec![
            concept(&["daemon", "docker manages"], 1.0, false),
            concept(&["persist", "survive", "outlive"], 2.0, true),
            concept(&["named volume", "volume"], 1.0, false),
            concept(&["/var/lib/docker/volumes"], 1.0, false),
            concept(&["container removed", "deleted"], 1.0, false),
            concept(&["--mount", "-v"], 1.0, false),
            concept(&["copy on write", "writable layer"], 1.0, false),
            concept(&["backup", "share"], 1.0, false),
        ],
        forbidden: vec![Forbidden {
            terms: vec!["bind mount".to_owned()],
        }],
    };
    Bank {
        id: "speed".to_owned(),
        title: "Speed".to_owned(),
        lesson: None,
        module: None,
        description: None,
        tags: Vec::new(),
        questions: vec![Question {
            model_answer: Some("Storage the daemon manages that persists.".to_owned()),
            rubric: Some(rubric),
            ..Question::new(
                "volume",
                Kind::ShortAnswer,
                "What is a named volume, and why use one?",
            )
        }],
        synonyms: Vec::new(),
        lexicon: None,
        source: PathBuf::from("speed.toml"),
    }
}
