//! Hostile and huge bank input: each case must end in a clear error or a sane result,
//! never a panic, a hang or memory out of proportion to the input.
//!
//! The small fixtures live in `tests/adversarial/`; big inputs (megabytes of prompt, tens
//! of thousands of entries, a 1 GB sparse file) are generated here at test time so the
//! repository stays small. Sizes are picked to prove the loader is linear (a quadratic
//! loader takes minutes on them) while keeping a debug build's run to seconds.

use crate::util::{Recall, Run, root};
use recall::bank::{self, Bank, MAX_FILE_BYTES};
use recall::diagnostic::Diagnostic;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    root().join("tests/adversarial").join(name)
}

/// Output a terminal can show safely: no ESC, no C1 CSI, no BEL, no NUL, no bidi override.
fn assert_inert(run: &Run) {
    for (name, text) in [("stdout", &run.stdout), ("stderr", &run.stderr)] {
        for bad in ['\x1b', '\u{9b}', '\x07', '\0', '\u{202e}'] {
            assert!(
                !text.contains(bad),
                "{name} holds {bad:?}:\n{}",
                run.transcript()
            );
        }
    }
}

/// A bank header and `body`, as TOML text.
fn bank_text(id: &str, body: &str) -> String {
    format!("[bank]\nid = \"{id}\"\ntitle = \"Generated\"\n\n{body}")
}

fn load(source: &str) -> (Option<Bank>, Vec<Diagnostic>) {
    bank::load_str(Path::new("generated.toml"), source)
}

/// Every diagnostic points at a line and column, or is about the whole file.
fn assert_located(diagnostics: &[Diagnostic]) {
    for d in diagnostics {
        let located = d.line >= 1 && d.column >= 1;
        let whole_file = d.line == 0 && d.column == 0 && d.source_line.is_none();
        assert!(located || whole_file, "unlocated: {d:?}");
    }
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).expect("write generated bank");
    path
}

#[test]
fn escape_sequences_in_every_text_field_print_inert() {
    let bank = fixture("escapes-everywhere.toml");
    let check = Recall::new().arg("check").arg(&bank).run();
    assert_eq!(check.code, 0, "{}", check.transcript());
    assert_inert(&check);

    let list = Recall::new().arg("list").arg(&bank).run();
    assert_eq!(list.code, 0, "{}", list.transcript());
    assert!(list.stdout.contains("Title ^[[2J"), "{}", list.transcript());
    assert_inert(&list);

    for question in ["choice", "truth", "short", "situation", "talk"] {
        let show = Recall::new()
            .args([
                "show",
                &format!("escapes/{question}"),
                "--answer",
                "--bank-path",
            ])
            .arg(&bank)
            .run();
        assert_eq!(show.code, 0, "{}", show.transcript());
        assert!(show.stdout.contains("^[[2J"), "{}", show.transcript());
        assert_inert(&show);
    }
}

#[test]
fn escape_sequences_quoted_in_error_messages_print_inert() {
    for name in [
        "escapes-in-errors.toml",
        "escapes-in-an-unchecked-id.toml",
        "raw-control-bytes.toml",
    ] {
        let run = Recall::new().arg("check").arg(fixture(name)).run();
        assert_eq!(run.code, 1, "{name}: {}", run.transcript());
        assert!(run.stdout.contains("error"), "{name}: {}", run.transcript());
        assert_inert(&run);
    }
}

#[test]
fn an_escape_sequence_in_a_file_name_prints_inert() {
    let dir = tempfile::tempdir().expect("temp dir");
    let name = "evil\x1b]0;title\x07\x1b[2J.toml";
    write(dir.path(), name, "[bank]\nid = 3\n");
    let run = Recall::new().arg("check").arg(dir.path()).run();
    assert_eq!(run.code, 1, "{}", run.transcript());
    assert!(
        run.stdout.contains("evil^[]0;title^G"),
        "{}",
        run.transcript()
    );
    assert_inert(&run);
}

#[test]
fn invalid_utf8_is_a_located_error() {
    let run = Recall::new()
        .arg("check")
        .arg(fixture("invalid-utf8.toml"))
        .run();
    assert_eq!(run.code, 1, "{}", run.transcript());
    assert!(
        run.stdout
            .contains("invalid-utf8.toml:4:19: error: file is not UTF-8 (invalid byte 0xE9)"),
        "{}",
        run.transcript()
    );
    assert!(run.stdout.contains("save the file as UTF-8"));
}

#[test]
fn a_nul_escape_loads_and_prints_inert() {
    let (bank, diagnostics) = load(&bank_text(
        "nul",
        "[[question]]\nid = \"q\"\nkind = \"true_false\"\nprompt = \"a\\u0000b\"\nanswer = true\nexplanation = \"e\"\n",
    ));
    assert!(bank.is_some(), "{diagnostics:?}");
    assert_eq!(bank.expect("checked above").questions[0].prompt, "a\0b");
}

#[test]
fn a_1_gb_file_is_refused_by_its_size_without_reading_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("huge.toml");
    // Sparse: takes no disk space and no time to make.
    let file = std::fs::File::create(&path).expect("create");
    file.set_len(1 << 30).expect("set_len");
    drop(file);
    // Under a 256 MiB address-space limit, reading the file would abort the process: the
    // run passing proves the file was refused before being read.
    let run = std::process::Command::new("sh")
        .args(["-c", "ulimit -v 262144 && exec \"$0\" check \"$1\""])
        .arg(env!("CARGO_BIN_EXE_recall"))
        .arg(&path)
        .env("HOME", dir.path())
        .output()
        .expect("run recall under ulimit");
    let stdout = String::from_utf8_lossy(&run.stdout);
    assert_eq!(run.status.code(), Some(1), "{stdout}");
    assert!(
        stdout.contains(&format!(
            "huge.toml: error: file is 1073741824 bytes, over the limit of {MAX_FILE_BYTES} bytes"
        )),
        "{stdout}"
    );
}

#[test]
fn a_device_that_never_ends_is_refused_at_the_limit() {
    // /dev/zero says it is 0 bytes long and never stops: the read must stop at the limit.
    let zero = Path::new("/dev/zero");
    if !zero.exists() {
        return;
    }
    let (bank, diagnostics) = bank::load_file(zero).expect("a device is readable");
    assert!(bank.is_none());
    assert!(
        diagnostics[0].message.contains("more than"),
        "{diagnostics:?}"
    );
}

#[test]
fn a_fifo_in_a_bank_folder_is_skipped_not_waited_on() {
    let dir = tempfile::tempdir().expect("temp dir");
    let made = std::process::Command::new("mkfifo")
        .arg(dir.path().join("pipe.toml"))
        .status();
    if !made.is_ok_and(|s| s.success()) {
        return; // no mkfifo on this system: nothing to test
    }
    write(
        dir.path(),
        "real.toml",
        &bank_text(
            "real",
            "[[question]]\nid = \"q\"\nkind = \"true_false\"\nprompt = \"p\"\nanswer = true\nexplanation = \"e\"\n",
        ),
    );
    let run = Recall::new().arg("check").arg(dir.path()).run();
    assert_eq!(run.code, 0, "{}", run.transcript());
    assert!(
        run.stdout.contains("checked 1 file"),
        "{}",
        run.transcript()
    );
}

#[cfg(unix)]
#[test]
fn a_symlink_loop_in_a_bank_folder_is_walked_once() {
    let dir = tempfile::tempdir().expect("temp dir");
    let banks = dir.path().join("banks");
    std::fs::create_dir_all(banks.join("sub")).expect("mkdir");
    std::os::unix::fs::symlink(&banks, banks.join("sub/back-up")).expect("symlink");
    write(
        &banks,
        "one.toml",
        &bank_text(
            "one",
            "[[question]]\nid = \"q\"\nkind = \"true_false\"\nprompt = \"p\"\nanswer = true\nexplanation = \"e\"\n",
        ),
    );
    let run = Recall::new().arg("check").arg(&banks).run();
    assert_eq!(run.code, 0, "{}", run.transcript());
    assert!(
        run.stdout.contains("checked 1 file"),
        "{}",
        run.transcript()
    );
}

#[test]
fn a_10_mb_prompt_loads_checks_and_shows() {
    let dir = tempfile::tempdir().expect("temp dir");
    let words = "spaced repetition beats cramming ".repeat(10 * 1024 * 1024 / 33);
    let one_word = "x".repeat(10 * 1024 * 1024);
    for (id, prompt) in [("words", &words), ("oneword", &one_word)] {
        let path = write(
            dir.path(),
            &format!("{id}.toml"),
            &bank_text(
                id,
                &format!(
                    "[[question]]\nid = \"big\"\nkind = \"true_false\"\nprompt = \"{prompt}\"\nanswer = true\nexplanation = \"e\"\n"
                ),
            ),
        );
        let check = Recall::new().arg("check").arg(&path).run();
        assert_eq!(check.code, 0, "{}", check.transcript());
        let show = Recall::new()
            .args(["show", &format!("{id}/big"), "--bank-path"])
            .arg(&path)
            .run();
        assert_eq!(show.code, 0, "{}", &show.stderr);
        assert!(
            show.stdout.len() >= prompt.len(),
            "the prompt is printed whole"
        );
        // Wrapped to the 80 columns the runner sets, unless one word is longer.
        let widest = show.stdout.lines().map(str::len).max().unwrap_or(0);
        assert!(widest <= 80 || id == "oneword", "line of {widest} bytes");
    }
}

#[test]
fn deep_nesting_is_a_located_error_not_a_stack_overflow() {
    // Runs on a test thread (2 MiB of stack by default), smaller than a main thread's.
    const DEPTH: usize = 10_000;
    let question =
        "[[question]]\nid = \"q\"\nkind = \"short_answer\"\nprompt = \"p\"\nmodel_answer = \"m\"\n";
    let cases = [
        (
            "arrays",
            format!(
                "{question}keywords = {}{}\n",
                "[".repeat(DEPTH),
                "]".repeat(DEPTH)
            ),
        ),
        (
            "inline tables",
            format!(
                "{question}keywords = [{}1{}]\n",
                "{ any = ".repeat(DEPTH),
                "}".repeat(DEPTH)
            ),
        ),
        (
            "dotted keys",
            format!("{} = 1\n", vec!["a"; DEPTH].join(".")),
        ),
        (
            "table headers",
            format!("[{}]\n", vec!["a"; DEPTH].join(".")),
        ),
        (
            "unclosed arrays",
            format!("{question}keywords = {}\n", "[".repeat(DEPTH)),
        ),
    ];
    for (what, body) in cases {
        let (bank, diagnostics) = load(&bank_text("deep", &body));
        assert!(bank.is_none(), "{what}");
        assert_eq!(diagnostics.len(), 1, "{what}: {diagnostics:?}");
        assert_located(&diagnostics);
        let d = &diagnostics[0];
        assert!(d.line >= 5, "{what}: {d:?}");
        assert!(
            d.message.contains("nested more than 80 levels"),
            "{what}: {d:?}"
        );
    }
}

#[test]
fn thousands_of_choices_load_and_show() {
    const CHOICES: usize = 5_000;
    let mut body = String::from(
        "[[question]]\nid = \"many\"\nkind = \"multiple_choice\"\nprompt = \"Pick the last.\"\nexplanation = \"e\"\nchoices = [\n",
    );
    for i in 0..CHOICES {
        let _ = writeln!(body, "  \"choice number {i}\",");
    }
    body.push_str("]\nanswer = \"GJH\"\n"); // letter 4999
    let dir = tempfile::tempdir().expect("temp dir");
    let path = write(dir.path(), "many.toml", &bank_text("many", &body));
    let (bank, diagnostics) = bank::load_file(&path).expect("readable");
    let bank = bank.unwrap_or_else(|| panic!("{diagnostics:?}"));
    assert_eq!(bank.questions[0].choices.len(), CHOICES);
    assert_eq!(bank.questions[0].answer, vec![CHOICES - 1]);
    let show = Recall::new()
        .args(["show", "many/many", "--answer", "--bank-path"])
        .arg(&path)
        .run();
    assert_eq!(show.code, 0, "{}", show.transcript());
    assert!(
        show.stdout.contains("GJH) choice number 4999"),
        "{}",
        &show.stdout[show.stdout.len().saturating_sub(500)..]
    );
    assert!(show.stdout.contains("Answer: GJH"));
}

#[test]
fn tens_of_thousands_of_repeats_are_reported_in_linear_time() {
    // Each of these was a quadratic scan: 40,000 entries took minutes, not milliseconds.
    const N: usize = 40_000;
    let question =
        "[[question]]\nid = \"q\"\nkind = \"short_answer\"\nprompt = \"p\"\nmodel_answer = \"m\"\n";
    let repeated = |item: &str| vec![item; N].join(", ");
    let cases = [
        // One long line of identical choices: an error each, all on line 9.
        (
            "choices",
            format!(
                "[[question]]\nid = \"q\"\nkind = \"multiple_choice\"\nprompt = \"p\"\nexplanation = \"e\"\nanswer = \"A\"\nchoices = [{}]\n",
                repeated("\"same\"")
            ),
            N - 1,
        ),
        (
            "answer letters",
            format!(
                "[[question]]\nid = \"q\"\nkind = \"multiple_choice\"\nprompt = \"p\"\nexplanation = \"e\"\nchoices = [\"a\", \"b\"]\nanswer = [{}]\n",
                repeated("\"A\"")
            ),
            N - 1,
        ),
        (
            "tags",
            format!("{question}tags = [{}]\n", repeated("\"t\"")),
            0,
        ),
        (
            "keywords",
            format!(
                "{question}keywords = [{{ any = [{}] }}]\n",
                repeated("\"k\"")
            ),
            0,
        ),
    ];
    for (what, body, errors) in cases {
        let (_, diagnostics) = load(&bank_text("repeats", &body));
        let found = diagnostics.iter().filter(|d| d.is_error()).count();
        assert_eq!(found, errors, "{what}");
        assert_located(&diagnostics);
    }
}

#[test]
fn a_problem_in_each_of_20_000_questions_is_reported_in_linear_time() {
    // Locating each diagnostic used to rescan the file from its start.
    const N: usize = 20_000;
    let mut body = String::new();
    for i in 0..N {
        let _ = write!(
            body,
            "[[question]]\nid = \"q{i}\"\nkind = \"true_false\"\nprompt = \"\"\nanswer = true\nexplanation = \"e\"\n\n"
        );
    }
    let (bank, diagnostics) = load(&bank_text("problems", &body));
    assert!(bank.is_none());
    assert_eq!(diagnostics.len(), N);
    assert_located(&diagnostics);
    let last = diagnostics.last().expect("N diagnostics");
    assert_eq!((last.line, last.column), (5 + 7 * (N - 1) + 3, 10));
    assert_eq!(last.question.as_deref(), Some("q19999"));
}
