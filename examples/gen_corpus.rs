//! Generates a large, valid corpus for benchmarks: question banks and a progress database.
//!
//! ```text
//! cargo run --release --example gen_corpus -- --questions 100000 --reviews 1000000 --out DIR
//! ```
//!
//! writes `DIR/banks/` (about 500 bank files holding N questions of every kind, all valid
//! and warning-free, so `recall check` passes) and `DIR/recall.db` (M reviews spread over
//! the two years before now), or with `--learners L` a class: `DIR/learner-00.db` and on,
//! M / L reviews each, the learners quicker or slower to forget. Each reviewed question's history is replayed through
//! recall's own scheduler, so every `state_before` and every next review time is what
//! recall would have produced; the database is created by `Store::open` (recall's own
//! schema and migrations), the log is written in batched transactions, and the cards are
//! derived from it by `Store::rebuild`. Everything follows from `--seed`, and "now" is
//! `RECALL_NOW` when set. This is a tool for `scripts/bench.sh`, not part of recall.

use anyhow::{Context as _, Result, bail};
use chrono::{DateTime, TimeDelta, Utc};
use recall::schedule::{Card, Rating, Scheduler, SchedulerConfig, State};
use recall::store::{QuestionKey, Store};
use std::fmt::Write as _;
use std::path::PathBuf;

struct Args {
    questions: usize,
    reviews: usize,
    learners: usize,
    files: usize,
    out: PathBuf,
    seed: u64,
}

fn parse_args() -> Result<Args> {
    let mut args = Args {
        questions: 100_000,
        reviews: 1_000_000,
        learners: 1,
        files: 500,
        out: PathBuf::from("corpus"),
        seed: 7,
    };
    let mut words = std::env::args().skip(1);
    while let Some(flag) = words.next() {
        let mut value = || {
            words
                .next()
                .with_context(|| format!("{flag} needs a value"))
        };
        match flag.as_str() {
            "--questions" => args.questions = value()?.parse()?,
            "--reviews" => args.reviews = value()?.parse()?,
            "--learners" => args.learners = value()?.parse()?,
            "--files" => args.files = value()?.parse()?,
            "--out" => args.out = PathBuf::from(value()?),
            "--seed" => args.seed = value()?.parse()?,
            "-h" | "--help" => {
                println!(
                    "gen_corpus --questions N --reviews M --out DIR [--learners 1] [--files 500] [--seed 7]"
                );
                std::process::exit(0);
            }
            other => bail!("unknown option {other}; see --help"),
        }
    }
    if args.files == 0 || args.questions == 0 || args.learners == 0 {
        bail!("--questions, --files and --learners must be at least 1");
    }
    Ok(args)
}

/// SplitMix64: a small, fast, seeded generator (the corpus must not change between runs).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    /// Uniform in [0, 1).
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const WORDS: &[&str] = &[
    "container",
    "image",
    "layer",
    "volume",
    "network",
    "bridge",
    "port",
    "daemon",
    "registry",
    "build",
    "cache",
    "stage",
    "compose",
    "service",
    "replica",
    "secret",
    "config",
    "mount",
    "overlay",
    "namespace",
    "cgroup",
    "kernel",
    "process",
    "signal",
    "entrypoint",
    "command",
    "environment",
    "variable",
    "healthcheck",
    "restart",
    "policy",
    "log",
    "driver",
    "label",
    "tag",
    "digest",
    "manifest",
    "platform",
    "socket",
    "proxy",
    "certificate",
    "firewall",
    "route",
    "subnet",
    "address",
    "dns",
    "resolver",
    "timeout",
    "retry",
    "backoff",
    "queue",
    "index",
    "transaction",
    "snapshot",
    "backup",
    "restore",
    "migration",
    "schema",
    "replica",
    "leader",
    "follower",
    "quorum",
    "shard",
    "partition",
    "throughput",
    "latency",
    "memory",
    "disk",
    "cpu",
    "thread",
    "scheduler",
    "deadline",
    "budget",
    "quota",
    "limit",
    "request",
];
const TIERS: &[&str] = &["beginner", "intermediate", "advanced", "scenario"];
const DIFFICULTIES: &[&str] = &["easy", "medium", "hard"];

fn sentence(rng: &mut Rng, min: usize, max: usize) -> String {
    let n = min + rng.below(max - min + 1);
    let mut out = String::new();
    for i in 0..n {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(rng.pick(WORDS));
    }
    let mut chars = out.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect::<String>() + ".",
        None => out,
    }
}

/// One question of kind `index % 5` in TOML; text questions carry a rubric and examples,
/// multiple choice an explanation, so `recall check` reports nothing.
fn question(rng: &mut Rng, index: usize, out: &mut String) {
    let id = format!("q{index:06}");
    let tags = format!("[\"{}\", \"{}\"]", rng.pick(WORDS), rng.pick(TIERS));
    let difficulty = rng.pick(DIFFICULTIES);
    let _ = write!(
        out,
        "[[question]]\nid = \"{id}\"\ntags = {tags}\ndifficulty = \"{difficulty}\"\n"
    );
    match index % 5 {
        0 => {
            let count = 3 + rng.below(3);
            let choices: Vec<String> = (0..count)
                .map(|c| format!("\"{} {}\"", letter(c), sentence(rng, 3, 8)))
                .collect();
            let answer = if rng.below(4) == 0 {
                format!("[\"A\", \"{}\"]", letter(1 + rng.below(count - 1)))
            } else {
                format!("\"{}\"", letter(rng.below(count)))
            };
            let _ = write!(
                out,
                "kind = \"multiple_choice\"\nprompt = \"{}\"\nchoices = [{}]\nanswer = {answer}\nexplanation = \"{}\"\n",
                sentence(rng, 6, 14),
                choices.join(", "),
                sentence(rng, 6, 16),
            );
        }
        1 => {
            let _ = write!(
                out,
                "kind = \"true_false\"\nprompt = \"{}\"\nanswer = {}\nexplanation = \"{}\"\n",
                sentence(rng, 6, 12),
                rng.below(2) == 0,
                sentence(rng, 6, 14),
            );
        }
        kind => {
            let (a, b, c) = (rng.pick(WORDS), rng.pick(WORDS), rng.pick(WORDS));
            match kind {
                2 => out.push_str("kind = \"short_answer\"\n"),
                3 => {
                    let _ = writeln!(
                        out,
                        "kind = \"scenario\"\nsituation = \"{}\"",
                        sentence(rng, 10, 20)
                    );
                }
                _ => {
                    let _ = writeln!(out, "kind = \"interview\"\ntier = \"{}\"", rng.pick(TIERS));
                }
            }
            let _ = write!(
                out,
                "prompt = \"{}\"\nmodel_answer = \"{} {a} {b} {c}.\"\n",
                sentence(rng, 6, 14),
                sentence(rng, 8, 20),
            );
            // Interview questions grade against a rubric derived from the model answer.
            if kind != 4 {
                let _ = writeln!(
                    out,
                    "keywords = [\"{a}\", {{ any = [\"{b}\", \"{b}s\"], weight = 2, required = true }}, {{ forbid = [\"never {c}\"] }}]"
                );
            }
            let _ = write!(
                out,
                "\n[[question.example]]\nanswer = \"the {a} and the {b} with {c}\"\nexpect = \"pass\"\n\n[[question.example]]\nanswer = \"I do not know\"\nexpect = \"fail\"\n"
            );
        }
    }
    out.push('\n');
}

fn letter(index: usize) -> char {
    (b'A' + index as u8) as char
}

/// Writes the banks; returns every question's key and kind index.
fn write_banks(args: &Args, rng: &mut Rng) -> Result<Vec<(QuestionKey, usize)>> {
    let dir = args.out.join("banks");
    std::fs::create_dir_all(&dir).with_context(|| format!("create {}", dir.display()))?;
    let per_file = args.questions.div_ceil(args.files);
    let mut keys = Vec::with_capacity(args.questions);
    let mut bytes = 0;
    for (file, start) in (0..args.questions).step_by(per_file).enumerate() {
        let bank = format!("corpus-{file:04}");
        let mut text = format!(
            "[bank]\nid = \"{bank}\"\ntitle = \"Corpus bank {file}\"\nlesson = \"MOD-CORPUS-{file:04}\"\nmodule = \"MOD-CORPUS\"\ndescription = \"{}\"\ntags = [\"corpus\"]\n\n",
            sentence(rng, 8, 14)
        );
        for index in start..(start + per_file).min(args.questions) {
            question(rng, index, &mut text);
            keys.push((QuestionKey::new(&bank, format!("q{index:06}")), index % 5));
        }
        // Sub-folders of 50 files, as a real curriculum is laid out by module.
        let sub = dir.join(format!("module-{:02}", file / 50));
        std::fs::create_dir_all(&sub)?;
        let path = sub.join(format!("{bank}.toml"));
        bytes += text.len();
        std::fs::write(&path, text).with_context(|| format!("write {}", path.display()))?;
    }
    eprintln!(
        "wrote {} questions in {} files ({:.1} MB) under {}",
        keys.len(),
        args.questions.div_ceil(per_file),
        bytes as f64 / 1e6,
        dir.display()
    );
    Ok(keys)
}

/// One generated review, before it gets its id.
struct Row {
    key: usize,
    at: DateTime<Utc>,
    rating: Rating,
    state_before: State,
    rescheduled: bool,
}

/// A rating as a learner gives them: most reviews good, a card-specific share forgotten,
/// learning steps mostly passed.
fn rating(rng: &mut Rng, state: State, forget: f64) -> Rating {
    let roll = rng.unit();
    let again = match state {
        State::New | State::Learning | State::Relearning => forget / 2.0,
        State::Review => forget,
    };
    if roll < again {
        Rating::Again
    } else if roll < again + 0.12 {
        Rating::Hard
    } else if roll < 0.92 {
        Rating::Good
    } else {
        Rating::Easy
    }
}

/// Histories replayed through `scheduler`: each reviewed question starts on a day in the
/// two years before `now` and is reviewed when due (a little late, sometimes days late)
/// until `now`. When drilling alone cannot reach `reviews`, quiz answers that do not
/// reschedule (as `recall quiz` logs them) make up the rest.
fn simulate(
    keys: &[(QuestionKey, usize)],
    reviews: usize,
    ability: f64,
    scheduler: &Scheduler,
    now: DateTime<Utc>,
    rng: &mut Rng,
) -> Vec<Row> {
    let span = TimeDelta::days(730);
    let mut rows = Vec::with_capacity(reviews + 64);
    let mut order: Vec<usize> = (0..keys.len()).collect();
    for i in (1..order.len()).rev() {
        order.swap(i, rng.below(i + 1));
    }
    let mut studied = Vec::new();
    for &key in &order {
        if rows.len() >= reviews {
            break;
        }
        let name = keys[key].0.to_string();
        // How hard the question is (the same for every learner), scaled by how well
        // this learner learns (below 1 forgets less).
        let mut hardness = Rng(0x5eed ^ key as u64);
        let forget = ((0.05 + 0.35 * hardness.unit() * hardness.unit()) * ability).min(0.9);
        let mut at =
            now - span + TimeDelta::seconds((rng.unit() * span.num_seconds() as f64 * 0.98) as i64);
        let mut card = Card::new();
        while at < now && rows.len() < reviews {
            let rating = rating(rng, card.state, forget);
            rows.push(Row {
                key,
                at,
                rating,
                state_before: card.state,
                rescheduled: true,
            });
            card = scheduler.review(&card, rating, at, &name);
            let late = match rng.below(10) {
                0 => TimeDelta::hours(24 * (1 + rng.below(10) as i64)),
                1..=3 => TimeDelta::hours(rng.below(12) as i64),
                _ => TimeDelta::minutes(rng.below(120) as i64),
            };
            at = card.due.unwrap_or(at) + late;
        }
        studied.push(key);
    }
    // Quiz answers: between a question's first review and now, logged without moving
    // its schedule; state_before is its state then, found from its own history.
    if rows.len() < reviews && !studied.is_empty() {
        let mut first: Vec<Option<(DateTime<Utc>, State)>> = vec![None; keys.len()];
        for row in &rows {
            first[row.key].get_or_insert((row.at, State::Learning));
        }
        while rows.len() < reviews {
            let key = studied[rng.below(studied.len())];
            let Some((start, _)) = first[key] else {
                continue;
            };
            let window = (now - start).num_seconds().max(1) as f64;
            let at = start + TimeDelta::seconds((rng.unit() * window) as i64);
            rows.push(Row {
                key,
                at,
                rating: rating(rng, State::Review, 0.1),
                state_before: State::Review,
                rescheduled: false,
            });
        }
    }
    rows.sort_by_key(|r| r.at);
    // A quiz answer's state_before: the state the question's card was in at that time.
    let mut cards: Vec<Option<Card>> = vec![None; keys.len()];
    for row in &mut rows {
        let card = cards[row.key].get_or_insert_with(Card::new);
        row.state_before = card.state;
        if row.rescheduled {
            *card = scheduler.review(card, row.rating, row.at, &keys[row.key].0.to_string());
        }
    }
    rows
}

/// A multiple-choice answer: the key when the rating says it was right, else a
/// distractor (a learner's wrong picks are spread over the distractors unevenly).
fn choice_answer(question: &recall::bank::Question, rating: Rating, rng: &mut Rng) -> String {
    let letters = |indices: &[usize]| -> String {
        let letters: Vec<String> = indices.iter().map(|&i| recall::bank::letter(i)).collect();
        letters.join(",")
    };
    let wrong: Vec<usize> = (0..question.choices.len())
        .filter(|i| !question.answer.contains(i))
        .collect();
    if rating != Rating::Again || wrong.is_empty() {
        return letters(&question.answer);
    }
    // The first distractor draws most wrong answers, the last often none.
    let pick = (rng.unit() * rng.unit() * wrong.len() as f64) as usize;
    letters(&[wrong[pick.min(wrong.len() - 1)]])
}

/// A free-text answer: some of the rubric's words (more for a better rating) among
/// other words, so the answers differ as learners' do.
fn text_answer(question: &recall::bank::Question, rating: Rating, rng: &mut Rng) -> String {
    let terms: Vec<String> = match &question.rubric {
        Some(rubric) => rubric
            .concepts
            .iter()
            .map(|c| c.label().to_owned())
            .collect(),
        None => question
            .model_answer
            .as_deref()
            .unwrap_or("")
            .split_whitespace()
            .map(|w| w.trim_matches('.').to_lowercase())
            .collect(),
    };
    let keep = match rating {
        Rating::Again => 0.15,
        Rating::Hard => 0.5,
        Rating::Good | Rating::Easy => 0.9,
    };
    let mut words: Vec<String> = terms.into_iter().filter(|_| rng.unit() < keep).collect();
    for _ in 0..3 + rng.below(6) {
        words.push(rng.pick(WORDS).to_owned());
    }
    for i in (1..words.len()).rev() {
        words.swap(i, rng.below(i + 1));
    }
    words.join(" ")
}

/// A version 4 UUID from the seeded generator (the corpus must not change between runs).
fn uuid(rng: &mut Rng) -> String {
    recall::store::uuid_v4((u128::from(rng.next()) << 64) | u128::from(rng.next()))
}

fn write_database(
    args: &Args,
    path: &std::path::Path,
    keys: &[(QuestionKey, usize)],
    rows: &[Row],
    scheduler: &Scheduler,
    rng: &mut Rng,
) -> Result<()> {
    for suffix in ["", "-wal", "-shm"] {
        let file = PathBuf::from(format!("{}{suffix}", path.display()));
        if file.exists() {
            std::fs::remove_file(&file)?;
        }
    }
    // recall's own schema, made by recall's own migrations.
    let device = Store::open(path)?.identity()?.device;
    // The banks as recall loads them: each answer is written for its question as it is
    // (the right letters, or a rubric's words), with the question's version; a text
    // answer is graded as a session grades it, and its score, suggested rating and
    // concepts' outcomes recorded as a session records them.
    let library = recall::bank::load(&recall::paths::banks(&[args.out.join("banks")]))?;
    let grader = recall::grade::Grader::new(&library.banks);
    let mut questions = std::collections::HashMap::new();
    for (bank, question) in library.questions() {
        questions.insert(
            (bank.id.as_str(), question.id.as_str()),
            (bank, question, question.version(&bank.synonyms)),
        );
    }
    let mut db = rusqlite::Connection::open(path)?;
    db.pragma_update(None, "synchronous", "OFF")?;
    const BATCH: usize = 50_000;
    for chunk in rows.chunks(BATCH) {
        let tx = db.transaction()?;
        {
            let mut insert = tx.prepare_cached(
                "INSERT INTO review (bank, question, reviewed_at, mode, answer, score, \
                 suggested_rating, rating, duration_ms, state_before, rescheduled, uuid, \
                 device, version, concepts) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
            )?;
            for row in chunk {
                let (key, kind) = &keys[row.key];
                let (bank, question, version) = questions
                    .get(&(key.bank.as_str(), key.question.as_str()))
                    .with_context(|| format!("{key} is not in the banks written"))?;
                let text = *kind >= 2;
                let mode = match (row.rescheduled, kind) {
                    (false, _) => "quiz",
                    (true, 4) => "interview",
                    (true, _) => "drill",
                };
                // Drawn as corpora before graded answers drew a made-up score, so the
                // answers and uuids stay those of the same seed then.
                if text {
                    rng.unit();
                }
                let answer = if text {
                    text_answer(question, row.rating, rng)
                } else {
                    choice_answer(question, row.rating, rng)
                };
                let grade = text.then(|| grader.grade(bank, question, &answer));
                let concepts = grade
                    .as_ref()
                    .map(recall::session::concept_outcomes)
                    .filter(|outcomes| !outcomes.is_empty());
                insert.execute(rusqlite::params![
                    key.bank,
                    key.question,
                    row.at.timestamp_micros(),
                    mode,
                    answer,
                    grade.as_ref().map(|g| g.score),
                    grade.as_ref().map(|g| recall::session::suggest(g).number()),
                    row.rating.number(),
                    2_000 + rng.below(60_000) as i64,
                    row.state_before.name(),
                    row.rescheduled,
                    uuid(rng),
                    device,
                    version,
                    concepts,
                ])?;
            }
        }
        tx.commit()?;
    }
    drop(db);
    // The cards, derived from the log by recall itself.
    let mut store = Store::open(path)?;
    let cards = store.rebuild(scheduler)?;
    eprintln!(
        "wrote {} reviews of {cards} questions to {}",
        rows.len(),
        path.display()
    );
    Ok(())
}

fn main() -> Result<()> {
    let args = parse_args()?;
    let now = recall::clock::Clock::from_env()?.now();
    let mut rng = Rng(args.seed);
    let keys = write_banks(&args, &mut rng)?;
    let scheduler = Scheduler::new(SchedulerConfig::default())?;
    if args.learners == 1 {
        let rows = simulate(&keys, args.reviews, 1.0, &scheduler, now, &mut rng);
        write_database(
            &args,
            &args.out.join("recall.db"),
            &keys,
            &rows,
            &scheduler,
            &mut rng,
        )?;
        return Ok(());
    }
    // A class: one database per learner, each with its own learner id, abilities spread
    // from quick (forgets half as often as average) to slow (half again as often).
    for learner in 0..args.learners {
        let ability = 0.5 + learner as f64 / (args.learners - 1) as f64;
        let reviews = args.reviews / args.learners;
        let rows = simulate(&keys, reviews, ability, &scheduler, now, &mut rng);
        let path = args.out.join(format!("learner-{learner:02}.db"));
        write_database(&args, &path, &keys, &rows, &scheduler, &mut rng)?;
    }
    Ok(())
}
