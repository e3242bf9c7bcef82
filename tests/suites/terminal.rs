//! The terminal front end at a real terminal: tmux gives recall a pty of a fixed size
//! (80x24 unless a test resizes it), keys go in with `send-keys`, and the screen comes
//! back with `capture-pane`, as a learner would see it. Each screen is snapshotted
//! under a fixed `RECALL_NOW` and `--seed`, and each behaviour the study screens
//! promise is asserted: what was answered stays visible, the report's letters are the
//! screen's, `q` at the rating keeps the answer, Esc asks, Ctrl-C ends with the summary
//! and exit 130, a resized window is followed (each screen drawn to the width of its
//! moment), an empty answer means "I don't know", and colour: present at a terminal (a
//! screen snapshotted with its escape codes shown as `\e`), the same layout without
//! it, and none under NO_COLOR, `--color never`, in a plain session or in a report
//! redirected to a file. The harness (`Screen`, `Tmux`) is in `tests/util`.
//!
//! tmux is installed by `.ci/run` when it is missing.

use crate::util::{Screen, root};
use recall::store::Store;
use std::path::Path;

const NOW: &str = "2026-11-28T09:00:00Z";

/// `recall ARGS` in a fresh home, in a `columns` x `rows` window, at [`NOW`].
fn start(columns: u16, rows: u16, args: &str) -> Screen {
    Screen::start(NOW, columns, rows, args)
}

fn bank(name: &str) -> String {
    root().join("banks/docker").join(name).display().to_string()
}

fn reviews(database: &Path) -> Vec<recall::store::Review> {
    Store::open(database)
        .and_then(|store| store.all_reviews())
        .unwrap_or_default()
}

/// A drill of three new choice questions at 80x24.
fn choice_drill() -> Screen {
    start(
        80,
        24,
        &format!(
            "drill {} --kind multiple_choice --new 3 --seed 1",
            bank("mod-docker-01.toml")
        ),
    )
}

/// Every line of `screen` from the one with `from` on is narrower than `width` (`what`
/// says why it must be).
fn assert_narrower(screen: &str, from: &str, width: usize, what: &str) {
    let at = screen
        .find(from)
        .unwrap_or_else(|| panic!("no {from:?} on the screen:\n{screen}"));
    for line in screen[at..].lines() {
        assert!(line.chars().count() < width, "{what}: {line:?}\n{screen}");
    }
}

/// The line of `screen` that starts with `prefix` (after blanks), without them.
fn line_starting<'s>(screen: &'s str, prefix: &str) -> &'s str {
    screen
        .lines()
        .map(str::trim_start)
        .find(|line| line.starts_with(prefix))
        .unwrap_or_else(|| panic!("no line starts with {prefix:?}:\n{screen}"))
}

#[test]
fn a_choice_question_fits_the_screen_and_the_report_letters_are_the_screens() {
    let screen = start(
        80,
        24,
        &format!(
            "quiz {} --kind multiple_choice --count 2 --seed 7",
            bank("mod-docker-02.toml")
        ),
    );
    let first = screen.when("Answer with a letter");
    assert!(
        first.starts_with("Quiz: 2 questions"),
        "the intro is on screen:\n{first}"
    );
    assert_eq!(
        first.matches("Yes: the file was deleted").count(),
        1,
        "each choice once:\n{first}"
    );
    insta::assert_snapshot!("quiz_question_80x24", first);
    // A letter answers at once; the choices stay, the chosen one marked.
    screen.keys(&["c"]);
    let answered = screen.when("[2 of 2]");
    assert!(answered.contains("Your answer: C"), "{answered}");
    let chosen_on_screen = line_starting(&answered, "> C)")
        .trim_start_matches("> ")
        .to_owned();
    screen.keys(&["2"]);
    assert_eq!(screen.exit(), 0);
    let report = screen.when("Score:");
    insta::assert_snapshot!("quiz_report_80x24", report);
    let in_report = line_starting(&report, "you chose C)").trim_start_matches("you chose ");
    assert!(
        chosen_on_screen.starts_with(in_report),
        "the report names the choice the screen showed: {in_report:?} vs {chosen_on_screen:?}"
    );
    let log = reviews(&screen.database());
    assert_eq!(log.len(), 2);
    assert_eq!(
        recall::session::shown_letters(&log[0].answer, &log[0].choice_order),
        "C",
        "the log keeps the bank's letter and the order shown"
    );
}

#[test]
fn a_text_answer_stays_on_screen_line_by_line_above_its_grade() {
    let screen = start(
        80,
        24,
        &format!(
            "interview {} --count 1 --seed 3",
            bank("mod-docker-01.toml")
        ),
    );
    screen.when("an empty line ends it");
    screen.text("a container is an ordinary process on the host, kept apart by namespaces");
    screen.keys(&["Enter"]);
    screen.text("and limited by cgroups; it shares the host kernel");
    let typing = screen.when("shares the host kernel");
    assert!(typing.contains("kept apart by namespaces"), "{typing}");
    screen.keys(&["Enter", "Enter"]);
    let graded = screen.when("Rate (Enter =");
    insta::assert_snapshot!("interview_answer_80x24", graded);
    let answer_at = graded.find("kept apart by").expect("the first line stays");
    let second_at = graded
        .find("shares the host kernel")
        .expect("the second line stays");
    let grade_at = graded.find("score ").expect("the grade");
    assert!(answer_at < second_at && second_at < grade_at, "{graded}");
    screen.keys(&["Enter"]);
    // The failed answer is in the report, and the offer takes no for an answer.
    let offer = screen.when("Put this question first in tomorrow's drill? [y/N]");
    assert!(offer.contains("Revisit:"), "{offer}");
    screen.keys(&["Enter"]);
    assert_eq!(screen.exit(), 0);
    assert!(screen.screen().contains("[y/N] no"), "{}", screen.screen());
    assert_eq!(reviews(&screen.database()).len(), 1);
}

#[test]
fn q_at_the_rating_prompt_saves_the_answer_with_the_suggested_rating() {
    let screen = choice_drill();
    screen.when("Answer with a letter");
    screen.keys(&["a"]);
    let rating = screen.when("Rate (Enter = again): 1 again 1m");
    assert!(
        rating.contains("q quit (the answer is saved as again)"),
        "{rating}"
    );
    screen.keys(&["q"]);
    assert_eq!(screen.exit(), 0);
    let end = screen.when("Answered 1 of 3");
    assert!(end.contains("Rated again: next in 1 minute"), "{end}");
    let log = reviews(&screen.database());
    assert_eq!(log.len(), 1, "{end}");
    assert_eq!(log[0].rating, recall::schedule::Rating::Again);
}

#[test]
fn esc_opens_the_session_menu_everywhere_and_never_ends_without_a_choice() {
    let screen = choice_drill();
    screen.when("Answer with a letter");
    screen.keys(&["Escape"]);
    let menu = screen.when("What now?");
    insta::assert_snapshot!("session_menu_80x24", menu);
    screen.keys(&["Escape"]);
    let back = screen.when("Answer with a letter");
    assert!(!back.contains("What now?"), "Esc again goes back:\n{back}");
    screen.keys(&["b"]);
    screen.when("Rate (Enter =");
    screen.keys(&["Escape"]);
    let at_rating = screen.when("What now?");
    assert!(
        at_rating.contains("quit (this answer is saved as"),
        "{at_rating}"
    );
    screen.keys(&["Escape"]);
    screen.when("u undo · q quit");
    assert!(
        reviews(&screen.database()).is_empty(),
        "nothing ended, nothing saved yet"
    );
    screen.keys(&["Enter"]);
    screen.when("[2 of");
    screen.keys(&["Escape"]);
    screen.when("What now?");
    screen.keys(&["q"]);
    assert_eq!(screen.exit(), 0);
    assert_eq!(reviews(&screen.database()).len(), 1);
}

#[test]
fn ctrl_c_ends_with_the_summary_on_a_fresh_line_and_exit_130() {
    let screen = start(
        80,
        24,
        &format!(
            "quiz {} --kind multiple_choice --count 3 --seed 1",
            bank("mod-docker-04.toml")
        ),
    );
    screen.when("Answer with a letter");
    screen.keys(&["b"]);
    screen.when("[2 of 3]");
    screen.keys(&["C-c"]);
    assert_eq!(screen.exit(), 130);
    let end = screen.when("Answered 1 of 3");
    assert!(
        end.contains("Score: "),
        "a quiz gives its score so far:\n{end}"
    );
    assert!(end.contains("not answered"), "{end}");
    assert_eq!(reviews(&screen.database()).len(), 1);
    // The shell's next line starts on a line of its own.
    let last = end.lines().last().unwrap_or_default();
    assert!(last.starts_with("Answered 1 of 3"), "{end}");
}

#[test]
fn a_resized_window_is_followed_at_the_next_key() {
    let screen = choice_drill();
    screen.when("Answer with a letter");
    screen.resize(50, 30);
    screen.keys(&["Down"]);
    let narrow = screen.when("> B)");
    insta::assert_snapshot!("menu_resized_to_50", narrow);
    assert_narrower(&narrow, "  A)", 50, "the menu is drawn to the new width");
    assert_eq!(
        narrow.matches("A) Docker runs").count(),
        1,
        "drawn once:\n{narrow}"
    );
}

#[test]
fn multi_select_asks_again_on_an_empty_enter_and_lists_the_right_answers_one_per_line() {
    let banks = root().join("tests/banks/valid/multiple-choice.toml");
    let screen = start(
        80,
        24,
        &format!(
            "quiz {} --kind multiple_choice --feedback now --seed 2",
            banks.display()
        ),
    );
    screen.when("Answer with a letter");
    // A digit picks a choice as a letter does.
    screen.keys(&["1"]);
    screen.when("Select all that apply");
    screen.keys(&["Enter"]);
    let asked = screen.when("Nothing is ticked yet");
    let second = &asked[asked.find("[2 of").expect("the second question")..];
    assert!(!second.contains("Your answer:"), "asked again:\n{asked}");
    // Tick by letter (A is 80 in this order), untick and tick again with Space.
    assert!(second.contains("A) 80"), "{second}");
    screen.keys(&["a", "Space", "Space", "Enter"]);
    // The next question's menu is drawn last.
    let verdict = screen.when("Answer with a letter");
    insta::assert_snapshot!("multi_select_verdict_80x24", verdict);
    let right = verdict
        .split("The right answers are:")
        .nth(1)
        .expect("the right answers");
    let listed: Vec<&str> = right.lines().skip(1).take(2).collect();
    assert!(
        listed
            .iter()
            .all(|line| line.trim_start().len() > 3 && line.contains(") ")),
        "one per line: {listed:?}\n{verdict}"
    );
}

#[test]
fn the_editor_opens_with_the_question_as_comments_and_the_answer_is_shown() {
    let screen = Screen::new(NOW);
    let home = screen.home.path();
    let editor = home.join("editor.sh");
    std::fs::write(
        &editor,
        format!(
            "#!/bin/sh\ncp \"$1\" {seen}\n\
             {{ echo 'containers are processes in namespaces'; echo 'sharing the host kernel'; \
             cat \"$1\"; }} > \"$1.new\" && mv \"$1.new\" \"$1\"\n",
            seen = home.join("seen.md").display()
        ),
    )
    .expect("the editor");
    std::process::Command::new("chmod")
        .arg("+x")
        .arg(&editor)
        .status()
        .expect("chmod");
    screen.run(
        80,
        24,
        &format!("VISUAL={}", editor.display()),
        &format!(
            "interview {} --count 1 --seed 1 --editor",
            bank("mod-docker-01.toml")
        ),
    );
    let graded = screen.when("Rate (Enter =");
    insta::assert_snapshot!("editor_answer_80x24", graded);
    assert!(
        graded.contains(
            "Your answer:\n> containers are processes in namespaces\n> sharing the host kernel"
        ),
        "{graded}"
    );
    let seen = std::fs::read_to_string(home.join("seen.md")).expect("the editor saw a file");
    assert!(
        seen.contains("# What is a container, from the Linux kernel's point of view?"),
        "{seen}"
    );
    assert!(
        !graded.contains("# What is"),
        "comments are not the answer:\n{graded}"
    );
}

#[test]
fn a_failing_editor_says_so_and_the_answer_is_typed_instead() {
    let screen = Screen::new(NOW);
    screen.run(
        80,
        24,
        "VISUAL=false",
        &format!(
            "interview {} --count 1 --seed 1 --editor",
            bank("mod-docker-01.toml")
        ),
    );
    let typed = screen.when("an empty line ends it");
    assert!(
        typed.contains("The editor failed: `false` failed (exit status: 1)."),
        "{typed}"
    );
}

#[test]
fn answers_kept_from_a_failed_session_are_offered_at_the_next_start() {
    let screen = Screen::new(NOW);
    let kept = r#"{"bank":"mod-docker-01","question":"pid-namespace-two-pids","mode":"drill","answer":"C","choice_order":[2,0,1,3],"score":1.0,"suggested":"good","rating":"good","duration_ms":1200,"reschedules":true,"answered_at":"2026-11-28T08:00:00+00:00"}"#;
    std::fs::write(
        screen.home.path().join("recall.db.unsaved"),
        format!("{kept}\n"),
    )
    .expect("a recovery file");
    screen.run(
        80,
        24,
        "",
        &format!("drill {} --new 1 --seed 1", bank("mod-docker-01.toml")),
    );
    screen.when("1 answer from an earlier session could not be saved then. Save it now? [Y/n]");
    screen.keys(&["y"]);
    let started = screen.when("Saved 1 answer from an earlier session.");
    assert!(started.contains("Drill:"), "{started}");
    let log = reviews(&screen.database());
    assert_eq!(log.len(), 1);
    assert_eq!(log[0].choice_order, vec![2, 0, 1, 3]);
    assert!(!screen.home.path().join("recall.db.unsaved").exists());
}

#[test]
fn a_failed_commit_at_the_terminal_asks_and_esc_does_not_end_the_session() {
    let screen = choice_drill();
    screen.when("Answer with a letter");
    let full = crate::util::fill_the_disk(&screen.database());
    screen.keys(&["a"]);
    screen.when("Rate (Enter =");
    screen.keys(&["Enter"]);
    let asked = screen.when("r try again");
    assert!(asked.contains("Not saved: database "), "{asked}");
    assert!(!asked.contains("Rated again"), "{asked}");
    // Esc here has nothing to go back to: the question stays. Only a session still asking
    // can save on the retry that follows, once the disk has room again. Esc and r go in
    // one write, as fast typing sends them: recall reads them as the two keys, not as one
    // unknown Alt key that loses the r.
    full.execute_batch("DROP TRIGGER full_disk;")
        .expect("the disk has room again");
    screen.keys(&["Escape", "r"]);
    let saved = screen.when("Rated again");
    assert!(!saved.contains("could not be saved"), "{saved}");
    // The next answer cannot be saved either; q ends the session and keeps it.
    full.execute_batch(
        "CREATE TRIGGER full_disk BEFORE INSERT ON review \
         BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END;",
    )
    .expect("the disk is full again");
    screen.keys(&["a"]);
    screen.when("Rate (Enter =");
    screen.keys(&["Enter"]);
    screen.when("r try again");
    screen.keys(&["q"]);
    assert_eq!(screen.exit(), 0);
    let end = screen.when("1 answer could not be saved; kept in");
    assert!(end.contains("1 not saved"), "{end}");
    assert!(screen.home.path().join("recall.db.unsaved").is_file());
    assert_eq!(reviews(&screen.database()).len(), 1, "{end}");
}

/// Escape codes shown as `\e`, so that a snapshot of colour can be read in review.
fn shown(escapes: &str) -> String {
    escapes.replace('\x1b', "\\e")
}

#[test]
fn a_study_screen_has_colour_at_a_terminal_and_the_same_layout_without() {
    let screen = choice_drill();
    screen.when("Answer with a letter");
    screen.keys(&["a"]);
    let plain = screen.when("Rate (Enter = again)");
    let coloured = screen.screen_with_escapes();
    insta::assert_snapshot!("drill_verdict_coloured_80x24", shown(&coloured));
    // The verdict, the right choice and the ratings each in their colour.
    let red_bold = "\x1b[1m\x1b[31m✗ Wrong. You chose";
    assert!(coloured.contains(red_bold), "{}", shown(&coloured));
    assert!(coloured.contains("\x1b[32mC) "), "{}", shown(&coloured));
    assert!(coloured.contains("1 \x1b[31magain"), "{}", shown(&coloured));
    assert!(coloured.contains("3 \x1b[32mgood"), "{}", shown(&coloured));
    // Colour never moves a line: without its codes the screen reads the same.
    let stripped: Vec<String> = recall::style::strip(&coloured)
        .lines()
        .map(|line| line.trim_end().to_owned())
        .collect();
    assert_eq!(stripped.join("\n").trim_end(), plain);

    // The same keys under NO_COLOR, and with --color never: the same screen, no colour.
    for (env, option) in [("NO_COLOR=1", ""), ("", "--color never")] {
        let screen = Screen::new(NOW);
        screen.run(
            80,
            24,
            env,
            &format!(
                "{option} drill {} --kind multiple_choice --new 3 --seed 1",
                bank("mod-docker-01.toml")
            ),
        );
        screen.when("Answer with a letter");
        screen.keys(&["a"]);
        assert_eq!(screen.when("Rate (Enter = again)"), plain, "{env}{option}");
        let escapes = screen.screen_with_escapes();
        assert!(
            !escapes.contains('\x1b'),
            "{env}{option}: {}",
            shown(&escapes)
        );
    }
}

#[test]
fn a_plain_session_at_a_terminal_has_no_colour() {
    let drill = format!(
        "drill {} --kind multiple_choice --new 3 --seed 1",
        bank("mod-docker-01.toml")
    );
    // --plain, and stdin that is not a terminal: each is a plain session, even with
    // colour forced.
    let screen = start(80, 24, &format!("{drill} --plain"));
    screen.when("Answer (a letter):");
    screen.keys(&["A", "Enter"]);
    screen.when("Rate (Enter = again)");
    screen.keys(&[":quit", "Enter"]);
    assert_eq!(screen.exit(), 0);
    let escapes = screen.screen_with_escapes();
    assert!(escapes.contains("Answered 1 of 3"), "{escapes}");
    assert!(!escapes.contains('\x1b'), "{}", shown(&escapes));

    let screen = Screen::new(NOW);
    let answers = screen.home.path().join("answers");
    std::fs::write(&answers, "A\n\n:quit\n").expect("the answers");
    screen.run(
        80,
        24,
        "CLICOLOR_FORCE=1",
        &format!("{drill} < {}", answers.display()),
    );
    assert_eq!(screen.exit(), 0);
    let escapes = screen.screen_with_escapes();
    assert!(escapes.contains("Answered 1 of 3"), "{escapes}");
    assert!(!escapes.contains('\x1b'), "{}", shown(&escapes));
}

#[test]
fn a_report_into_a_file_has_no_colour_while_the_prompts_have() {
    let screen = Screen::new(NOW);
    let report = screen.home.path().join("report.txt");
    screen.run(
        80,
        24,
        "",
        &format!(
            "quiz {} --kind multiple_choice --count 2 --seed 7 --pass 50 > {}",
            bank("mod-docker-02.toml"),
            report.display()
        ),
    );
    screen.when("Answer with a letter");
    let prompt = screen.screen_with_escapes();
    assert!(prompt.contains('\x1b'), "the prompts are on the terminal");
    screen.keys(&["c"]);
    screen.when("[2 of 2]");
    screen.keys(&["c"]);
    assert_eq!(screen.exit(), 1, "{}", screen.screen());
    let report = std::fs::read_to_string(&report).expect("the report");
    assert!(report.contains("Quiz results"), "{report}");
    assert!(report.contains("Not passed (pass mark 50%)"), "{report}");
    assert!(!report.contains('\x1b'), "{}", shown(&report));
}

#[test]
fn each_screen_is_drawn_to_the_width_of_the_moment() {
    // The question is drawn at 80 columns; the window narrows before it is answered.
    // (One resize: tmux holds back a second one for a moment before the program sees
    // it, and a test must not depend on how long.)
    let screen = choice_drill();
    let question = screen.when("Answer with a letter");
    assert!(
        question.lines().any(|line| line.chars().count() > 50),
        "{question}"
    );
    screen.resize(50, 40);
    screen.keys(&["a"]);
    let verdict = screen.when("Rate (Enter = again)");
    assert_narrower(
        &verdict,
        "Your answer:",
        50,
        "the verdict and the rating prompt fit the new width",
    );
    screen.keys(&["Enter"]);
    let next = screen.when("Answer with a letter");
    assert_narrower(&next, "Rated again", 50, "so does the next question");
}

#[test]
fn an_empty_answer_means_i_dont_know_and_suggests_again() {
    let screen = start(
        80,
        24,
        &format!(
            "drill {} --kind short_answer --new 1 --seed 1",
            bank("mod-docker-01.toml")
        ),
    );
    screen.when("Enter ends it");
    screen.keys(&["Enter"]);
    let shown = screen.when("Rate (Enter = again)");
    assert!(shown.contains("> (no answer: I don't know)"), "{shown}");
    assert!(
        shown.contains("No answer: taken as \"I don't know\"."),
        "{shown}"
    );
    assert!(shown.contains("Model answer:"), "{shown}");
    // Rated again, it comes back in this drill; Esc and q end it there.
    screen.keys(&["Enter"]);
    screen.when("· again");
    screen.keys(&["Escape"]);
    screen.when("What now?");
    screen.keys(&["q"]);
    assert_eq!(screen.exit(), 0);
    let log = reviews(&screen.database());
    assert_eq!(log.len(), 1);
    assert_eq!(log[0].rating, recall::schedule::Rating::Again);
    assert_eq!(log[0].answer, "");
}

fn mock_interview() -> String {
    root()
        .join("tests/banks/valid/mock-interview.toml")
        .display()
        .to_string()
}

/// The seconds the timer on `screen` shows (`⏱ 1:05 of 1:30` is 65).
fn timer_seconds(screen: &str) -> Option<u64> {
    let line = screen.lines().find_map(|line| line.strip_prefix("⏱ "))?;
    let (minutes, rest) = line.split_once(':')?;
    let seconds = rest.get(..2)?;
    Some(minutes.parse::<u64>().ok()? * 60 + seconds.parse::<u64>().ok()?)
}

/// The timer runs just above the line being typed, on the wall clock (no `RECALL_NOW`), and
/// redrawing it every second keeps what is typed.
#[test]
fn the_interview_timer_runs_while_the_answer_is_typed() {
    let screen = Screen::new(NOW);
    screen.run(
        80,
        24,
        "RECALL_NOW=",
        &format!("interview {} --seed 1", mock_interview()),
    );
    screen.when("⏱ 0:00 of 0:45");
    screen.text("the volume keeps");
    // However slow the machine, the timer gets past two seconds in the end; the typed
    // text must still be there when it does.
    let mut seen = String::new();
    let moved = crate::util::wait_for(|| {
        seen = screen.screen();
        timer_seconds(&seen).is_some_and(|seconds| seconds >= 2)
    });
    assert!(moved, "the timer never moved:\n{seen}");
    assert!(seen.contains("> the volume keeps"), "{seen}");
    // The line goes on where it was.
    screen.text(" the data");
    let after = screen.when("> the volume keeps the data");
    assert!(after.contains("⏱ 0:"), "{after}");
    // Ctrl-C while the timer waits for a key ends the session as anywhere else.
    screen.keys(&["C-c"]);
    assert_eq!(screen.exit(), 130);
}

/// Over its target time the timer says so, and the verdict flags it; a hint taken from
/// the Esc menu shows below the question and keeps the half-typed line.
#[test]
fn over_time_and_a_hint_at_a_terminal() {
    let screen = Screen::new(NOW);
    screen.run(
        80,
        24,
        "RECALL_ANSWER_TIME=100",
        &format!("interview {} --seed 1", mock_interview()),
    );
    screen.when("⏱ 1:40 of 0:45 · over time");
    screen.text("the volume keeps");
    screen.keys(&["Escape"]);
    screen.when("take a hint");
    screen.keys(&["h"]);
    let hinted = screen.when("Hint 1 of 2:");
    assert!(hinted.contains("> the volume keeps"), "{hinted}");
    insta::assert_snapshot!("hint_at_a_terminal", hinted);
    screen.text(" the data when the container is removed");
    screen.keys(&["Enter"]);
    screen.keys(&["Enter"]);
    let verdict = screen.when("Rate (Enter = hard)");
    assert!(
        verdict.contains("answered in 1:40 of 0:45 · over time"),
        "{verdict}"
    );
    assert!(verdict.contains("took 1 hint"), "{verdict}");
    insta::assert_snapshot!("over_time_at_a_terminal", verdict);
}

/// At a terminal, `recall grade --responses` folds a long response between words at the
/// window's width, each continuation indented under its line, so no word is cut at the
/// edge (tmux cuts a line that is too long wherever the edge falls).
#[test]
fn grade_folds_long_lines_between_words_at_80_columns() {
    let screen = Screen::new(NOW);
    let csv = screen.home.path().join("r.csv");
    let response = crate::grade::LONG_RESPONSE;
    std::fs::write(
        &csv,
        format!("question,response\ngrading/volume,\"{response}\"\n"),
    )
    .expect("write csv");
    let bank = root().join("tests/fixtures/grade/bank.toml");
    screen.run(
        80,
        24,
        "",
        &format!("grade {} --responses {}", bank.display(), csv.display()),
    );
    assert_eq!(screen.exit(), 0, "{}", screen.screen());
    let shown = screen.screen();
    let lines: Vec<&str> = shown.lines().collect();
    let start = lines
        .iter()
        .position(|l| l.starts_with("  response: "))
        .unwrap_or_else(|| panic!("a response line:\n{shown}"));
    let end = start
        + lines[start..]
            .iter()
            .position(|l| l.trim_start().starts_with("PASS") || l.trim_start().starts_with("FAIL"))
            .unwrap_or_else(|| panic!("a verdict line:\n{shown}"));
    assert!(end - start > 1, "the response folded over lines:\n{shown}");
    assert!(
        lines[start + 1..end].iter().all(|l| l.starts_with("    ")),
        "{shown}"
    );
    let words: Vec<&str> = lines[start..end]
        .iter()
        .flat_map(|l| l.split_whitespace())
        .collect();
    let expected: Vec<&str> = std::iter::once("response:")
        .chain(response.split_whitespace())
        .collect();
    assert_eq!(words, expected, "every word whole, in order:\n{shown}");
}
