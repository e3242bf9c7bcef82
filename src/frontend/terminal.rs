//! The terminal front end: menus for choices, a line editor for text, single keys for
//! ratings, all drawn on stderr with `console`.
//!
//! Used when stdin and stderr are terminals (and not `--plain`). What the learner gives
//! stays on screen: a choice menu ends showing the choices with the chosen ones marked,
//! a text answer stays line by line above its grade. Each prompt is a *live* region that
//! is redrawn on every key at the terminal's width of the moment, so a resized window is
//! followed at the next key. The same keys work everywhere: letters and digits pick a
//! choice, Esc opens the session menu (back, skip, undo, suspend, bury, reset, quit) and
//! Esc again goes back; nothing ends the session without being chosen there, or by `q`
//! at the rating prompt (which saves the answer with the suggested rating first).
//! Ctrl-C fails the prompt with an [`io::ErrorKind::Interrupted`] error, leaving the
//! cursor on a fresh line; the loop in [`super::drive`] ends the session like `:quit`.
//!
//! Colour (verdicts, concepts, tiers, ratings, headings) comes styled from `report` and
//! `view`, and is drawn when stderr takes it (`style::on_stderr`: a terminal, `--color`,
//! `NO_COLOR`, `CLICOLOR_FORCE`), else stripped. Widths are measured without the escape
//! codes, so colour never moves a line.

use super::{AfterFailure, FrontEnd, RateReply, RatingPrompt, Reply, check_interrupt};
use crate::bank::{Kind, letter};
use crate::clock::Stopwatch;
use crate::schedule::Rating;
use crate::session::input::{self, Control};
use crate::session::report::clock_face;
use crate::session::{Answer, Ask, Mark, report};
use crate::style::{self, paint};
use crate::text::{display_width, sanitize, wrap};
use console::{Key, Term};
use std::borrow::Cow;
use std::io::{self, Write};
use std::time::Duration;
use unicode_width::UnicodeWidthStr;

/// Prose is wrapped to at most this many columns, for readability.
const MAX_WIDTH: usize = 100;

/// The front end at a terminal: menus, prompts and keys on stderr.
pub struct Terminal {
    term: Term,
    /// Open `$VISUAL` or `$EDITOR` for interview answers.
    editor: bool,
    /// What the prompt being shown drew last (it is redrawn in place).
    live: String,
    /// Keeps the terminal from echoing keys while the session runs.
    quiet: Option<Quiet>,
    /// Whether stderr takes colour; when not, escape codes are stripped before drawing.
    colour: bool,
    /// The lines of a text answer typed before `:hint` (they stay on screen and the
    /// answer goes on after the hint), and the line being typed when Esc took a hint.
    draft: (Vec<String>, String),
}

/// While it lives, the terminal neither echoes what is typed nor holds it back until
/// Enter. console switches to raw mode only while it reads a key, so keys that arrive
/// between two reads (a paste, fast typing, tmux's send-keys) would otherwise be echoed
/// by the terminal itself, behind the prompt's back, and leave stray text on screen.
/// Dropped, it puts the terminal back as it was. Ctrl-C still signals.
struct Quiet {
    #[cfg(unix)]
    original: nix::sys::termios::Termios,
}

impl Quiet {
    /// Quiets stdin's terminal; `None` when it cannot (not a terminal).
    #[cfg(unix)]
    fn start() -> Option<Quiet> {
        use nix::sys::termios::{LocalFlags, SetArg, tcgetattr, tcsetattr};
        let stdin = io::stdin();
        let original = tcgetattr(&stdin).ok()?;
        let mut quiet = original.clone();
        quiet
            .local_flags
            .remove(LocalFlags::ECHO | LocalFlags::ICANON);
        tcsetattr(&stdin, SetArg::TCSANOW, &quiet).ok()?;
        Some(Quiet { original })
    }

    #[cfg(not(unix))]
    fn start() -> Option<Quiet> {
        None
    }
}

impl Drop for Quiet {
    fn drop(&mut self) {
        #[cfg(unix)]
        {
            use nix::sys::termios::{SetArg, tcsetattr};
            let _ = tcsetattr(io::stdin(), SetArg::TCSANOW, &self.original);
        }
    }
}

/// What a menu ended with.
enum Picked {
    /// These items (one for a single choice).
    Items(Vec<usize>),
    /// Esc.
    Escape,
    /// Input ended (Ctrl-D, a closed terminal).
    End,
}

/// A list to pick from with arrows, Enter, or an item's own key.
struct Menu {
    /// Shown above the items, when there is something to say.
    header: Option<String>,
    /// Each item's label and the keys that pick it (compared without case).
    items: Vec<(String, Vec<char>)>,
    /// Tick boxes, several may be picked (Space or an item's key ticks, Enter ends).
    multi: bool,
    /// Shown below the items.
    footer: String,
    cursor: usize,
    ticked: Vec<bool>,
}

impl Menu {
    fn new(items: Vec<(String, Vec<char>)>, multi: bool, footer: String) -> Menu {
        let count = items.len();
        Menu {
            header: None,
            items,
            multi,
            footer,
            cursor: 0,
            ticked: vec![false; count],
        }
    }

    /// The menu as text, `chosen` marking the picked items when it is done (no cursor
    /// and no footer then).
    fn render(&self, width: usize, chosen: Option<&[usize]>) -> String {
        let mut lines = Vec::new();
        if let Some(header) = &self.header {
            lines.push(paint(style::HEADING, wrap(header, width, "")).to_string());
        }
        for (i, (label, _)) in self.items.iter().enumerate() {
            let pointer = match chosen {
                Some(chosen) if chosen.contains(&i) => "> ",
                Some(_) => "  ",
                None if i == self.cursor => "> ",
                None => "  ",
            };
            let tick = match (self.multi, self.ticked[i]) {
                (false, _) => "",
                (true, true) => "[x] ",
                (true, false) => "[ ] ",
            };
            let prefix = format!("{pointer}{tick}");
            let hang = " ".repeat(prefix.width() + 3);
            let wrapped = wrap(label, width, &hang);
            lines.push(format!("{prefix}{}", wrapped.trim_start()));
        }
        if chosen.is_none() {
            lines.push(paint(style::DIM, wrap(&self.footer, width, "")).to_string());
        }
        lines.join("\n")
    }

    /// The item a key picks, if any.
    fn item_for(&self, key: char) -> Option<usize> {
        let key = key.to_ascii_lowercase();
        self.items
            .iter()
            .position(|(_, keys)| keys.iter().any(|k| k.to_ascii_lowercase() == key))
    }
}

/// What the session menu (Esc) offers at a question, and at the rating prompt.
enum MenuPlace {
    /// At a question; `hints` when it has a hint left to take.
    Question {
        hints: bool,
    },
    Rating(Rating),
}

/// What the learner picked in the session menu.
enum Command {
    /// Esc again, or "back": return to the prompt.
    Back,
    /// A session control.
    Control(Control),
    /// Input ended.
    End,
}

impl Terminal {
    /// A front end on stderr's terminal; `editor` opens `$VISUAL` or `$EDITOR` for
    /// interview answers.
    pub fn new(editor: bool) -> Terminal {
        Terminal {
            term: Term::stderr(),
            editor,
            live: String::new(),
            quiet: Quiet::start(),
            colour: style::on_stderr(),
            draft: (Vec::new(), String::new()),
        }
    }

    /// `text` as it is drawn: with its colour, or without when stderr takes none.
    fn drawn<'t>(&self, text: &'t str) -> Cow<'t, str> {
        if self.colour {
            Cow::Borrowed(text)
        } else {
            Cow::Owned(style::strip(text))
        }
    }

    /// The terminal's width now.
    fn columns(&self) -> usize {
        usize::from(self.term.size().1).max(20)
    }

    /// The width prompts are drawn to: one column short of the terminal's, so that no
    /// line ends in the last column (where terminals differ on wrapping).
    fn draw_width(&self) -> usize {
        (self.columns() - 1).min(MAX_WIDTH)
    }

    /// How many rows `text` takes at the terminal's width now (a terminal that reflows
    /// on resize has reflowed what was drawn at the old width the same way).
    fn rows(&self, text: &str) -> usize {
        let columns = self.columns();
        text.split('\n')
            .map(|line| display_width(line).div_ceil(columns).max(1))
            .sum()
    }

    /// Replaces the live region (what the prompt drew last) with `text`; the cursor
    /// ends after it.
    fn draw(&mut self, text: &str) -> io::Result<()> {
        if !self.live.is_empty() {
            let rows = self.rows(&self.live);
            if rows > 1 {
                self.term.move_cursor_up(rows - 1)?;
            }
            self.term.write_str("\r")?;
            self.term.clear_to_end_of_screen()?;
        }
        self.term.write_str(&self.drawn(text))?;
        self.term.flush()?;
        self.live = text.to_owned();
        Ok(())
    }

    /// Draws `text` for good: it stays on screen and the next output starts below it.
    fn settle(&mut self, text: &str) -> io::Result<()> {
        self.draw(text)?;
        if !text.is_empty() {
            self.term.write_str("\n")?;
        }
        self.live.clear();
        Ok(())
    }

    /// Reads one key. Ctrl-C is an [`io::ErrorKind::Interrupted`] error; a closed
    /// terminal is Ctrl-D.
    fn key(&self) -> io::Result<Key> {
        check_interrupt()?;
        match self.term.read_key() {
            Ok(key) => Ok(key),
            Err(error) if error.kind() == io::ErrorKind::UnexpectedEof => Ok(Key::Char('\x04')),
            Err(error) => Err(error),
        }
    }

    /// Waits up to `timeout` for a key; `None` when none came (time to redraw a timer).
    /// Ctrl-C is an [`io::ErrorKind::Interrupted`] error, as for [`Terminal::key`].
    fn key_within(&self, timeout: Duration) -> io::Result<Option<Key>> {
        #[cfg(unix)]
        {
            use nix::poll::{PollFd, PollFlags, PollTimeout, poll};
            use std::os::fd::AsFd;
            check_interrupt()?;
            let stdin = io::stdin();
            let mut fds = [PollFd::new(stdin.as_fd(), PollFlags::POLLIN)];
            let ms = u16::try_from(timeout.as_millis()).unwrap_or(u16::MAX);
            match poll(&mut fds, PollTimeout::from(ms)) {
                Ok(0) => return Ok(None),
                Err(nix::errno::Errno::EINTR) => {
                    check_interrupt()?;
                    return Ok(None);
                }
                // A key is there, or stdin cannot be polled: read it the usual way.
                _ => {}
            }
        }
        #[cfg(not(unix))]
        let _ = timeout;
        self.key().map(Some)
    }

    /// Runs `menu` until something is picked (or Esc, or the end of input). With
    /// `instant`, an item's key picks it at once; otherwise (tick boxes) it ticks.
    fn run_menu(&mut self, menu: &mut Menu, instant: bool) -> io::Result<Picked> {
        let mut note: Option<&str> = None;
        loop {
            let mut text = menu.render(self.draw_width(), None);
            if let Some(note) = note.take() {
                text.push('\n');
                text.push_str(&wrap(note, self.draw_width(), ""));
            }
            self.draw(&text)?;
            let count = menu.items.len();
            match self.key()? {
                Key::ArrowUp | Key::BackTab => menu.cursor = (menu.cursor + count - 1) % count,
                Key::ArrowDown | Key::Tab => menu.cursor = (menu.cursor + 1) % count,
                Key::Home => menu.cursor = 0,
                Key::End => menu.cursor = count - 1,
                Key::Escape => return Ok(Picked::Escape),
                Key::Char('\x04') => return Ok(Picked::End),
                Key::Char(' ') if menu.multi => menu.ticked[menu.cursor] ^= true,
                Key::Enter if menu.multi => {
                    let ticked: Vec<usize> = (0..count).filter(|&i| menu.ticked[i]).collect();
                    if ticked.is_empty() {
                        note = Some(
                            "Nothing is ticked yet: tick each right answer (its letter or Space), then Enter.",
                        );
                    } else {
                        return Ok(Picked::Items(ticked));
                    }
                }
                Key::Enter => return Ok(Picked::Items(vec![menu.cursor])),
                Key::Char(c) => {
                    if let Some(item) = menu.item_for(c) {
                        menu.cursor = item;
                        if instant {
                            return Ok(Picked::Items(vec![item]));
                        }
                        menu.ticked[item] ^= true;
                    }
                }
                _ => {}
            }
        }
    }

    /// The session menu (Esc): what else can be done here. Esc again goes back.
    fn session_menu(&mut self, place: &MenuPlace) -> io::Result<Command> {
        let mut items: Vec<(char, String, Command)> = match place {
            MenuPlace::Question { .. } => vec![
                ('b', "back to the question".to_owned(), Command::Back),
                (
                    's',
                    "skip this question".to_owned(),
                    Command::Control(Control::Skip),
                ),
                (
                    'u',
                    "undo the last answer".to_owned(),
                    Command::Control(Control::Undo),
                ),
                (
                    'p',
                    "suspend this question (drills leave it out until unsuspended)".to_owned(),
                    Command::Control(Control::Mark(Mark::Suspend)),
                ),
                (
                    't',
                    "bury it until tomorrow".to_owned(),
                    Command::Control(Control::Mark(Mark::Bury)),
                ),
                (
                    'r',
                    "reset it to new (forget its progress)".to_owned(),
                    Command::Control(Control::Mark(Mark::Reset)),
                ),
                (
                    'q',
                    "quit (everything rated is saved)".to_owned(),
                    Command::Control(Control::Quit),
                ),
            ],
            MenuPlace::Rating(suggested) => vec![
                ('b', "back to the rating".to_owned(), Command::Back),
                (
                    'u',
                    "undo: answer this question again".to_owned(),
                    Command::Control(Control::Undo),
                ),
                (
                    'q',
                    format!("quit (this answer is saved as {suggested})"),
                    Command::Control(Control::Quit),
                ),
            ],
        };
        if let MenuPlace::Question { hints: true } = place {
            let hint = "take a hint (the suggested rating is Hard at best then)";
            items.insert(1, ('h', hint.to_owned(), Command::Control(Control::Hint)));
        }
        let mut menu = Menu::new(
            items
                .iter()
                .map(|(key, label, _)| (format!("{key}  {label}"), vec![*key]))
                .collect(),
            false,
            "Press a key, or ↑↓ and Enter; Esc goes back.".to_owned(),
        );
        menu.header = Some("What now?".to_owned());
        let picked = self.run_menu(&mut menu, true)?;
        self.draw("")?;
        Ok(match picked {
            Picked::Items(picked) => {
                let index = picked.first().copied().unwrap_or(0);
                items
                    .into_iter()
                    .nth(index)
                    .map_or(Command::Back, |(_, _, command)| command)
            }
            Picked::Escape => Command::Back,
            Picked::End => Command::End,
        })
    }

    /// Esc at a question: the prompt makes way for the session menu; `None` when the
    /// learner goes back to the question (the caller draws it again).
    fn escape_at_question(&mut self, ask: &Ask) -> io::Result<Option<Reply>> {
        self.draw("")?;
        let hints = ask.hints_taken < ask.entry.question.hints.len();
        Ok(match self.session_menu(&MenuPlace::Question { hints })? {
            Command::Back => None,
            Command::Control(control) => Some(Reply::Control(control)),
            Command::End => Some(Reply::End),
        })
    }

    /// A multiple-choice question: the choices are the menu (never printed twice). It
    /// ends showing them with the chosen ones marked, and the letters.
    fn choose(&mut self, ask: &Ask) -> io::Result<Reply> {
        let q = ask.entry.question;
        let items: Vec<(String, Vec<char>)> = ask
            .order
            .iter()
            .enumerate()
            .map(|(shown, &i)| {
                let label = letter(shown);
                let text = sanitize(q.choices[i].text.trim()).replace('\n', " ");
                let mut keys: Vec<char> = label.chars().take(1).collect();
                if label.len() > 1 {
                    keys.clear();
                }
                if let Some(digit) = char::from_digit(shown as u32 + 1, 10).filter(|_| shown < 9) {
                    keys.push(digit);
                }
                (format!("{label}) {text}"), keys)
            })
            .collect();
        let multi = q.is_multiple_answer();
        let footer = if multi {
            "Select all that apply: tick with a letter or Space, then Enter. Esc: more."
        } else {
            "Answer with a letter, or ↑↓ and Enter. Esc: more."
        };
        let mut menu = Menu::new(items, multi, footer.to_owned());
        loop {
            match self.run_menu(&mut menu, !multi)? {
                Picked::Items(picked) => {
                    let letters: Vec<String> = picked.iter().map(|&i| letter(i)).collect();
                    let mut text = menu.render(self.draw_width(), Some(&picked));
                    text.push_str(&format!(
                        "\n\n{} {}",
                        paint(style::HEADING, "Your answer:"),
                        letters.join(", ")
                    ));
                    self.settle(&text)?;
                    return Ok(Reply::Answer(Answer::Choices(picked)));
                }
                Picked::End => {
                    self.settle("")?;
                    return Ok(Reply::End);
                }
                Picked::Escape => {
                    if let Some(reply) = self.escape_at_question(ask)? {
                        return Ok(reply);
                    }
                }
            }
        }
    }

    /// A text question, typed: every line stays on screen. A short answer is one line;
    /// an interview answer takes lines until an empty one. An empty answer is "I don't
    /// know". `:quit` (and the other commands) work on any line.
    fn type_text(&mut self, ask: &Ask, stopwatch: &Stopwatch) -> io::Result<Reply> {
        let many = ask.entry.question.kind == Kind::Interview;
        let question = ask.entry.question;
        let hints = if ask.hints_taken < question.hints.len() {
            " :hint (or Esc h) for a hint."
        } else {
            ""
        };
        let help = if many {
            format!(
                "Your answer, in as many lines as you like; an empty line ends it (an empty \
                 answer means \"I don't know\"). Esc: more.{hints}"
            )
        } else {
            format!(
                "Your answer; Enter ends it (an empty answer means \"I don't know\"). Esc: \
                 more.{hints}"
            )
        };
        let help = paint(style::DIM, wrap(&help, self.draw_width(), "")).to_string();
        // After a hint, the lines typed before it are still on screen, above the hint.
        let (mut lines, mut line) = std::mem::take(&mut self.draft);
        if !ask.resumed {
            lines.clear();
            line.clear();
            self.settle(&help)?;
        }
        let target = ask.target;
        loop {
            let mut shown = soft_wrap("> ", &sanitize(&line), self.draw_width());
            if let Some(target) = target {
                // The timer sits just above the line being typed, redrawn every second.
                let elapsed = stopwatch.elapsed();
                let over = elapsed > target;
                let text = format!(
                    "⏱ {} of {}{}",
                    clock_face(elapsed),
                    clock_face(target),
                    if over { " · over time" } else { "" }
                );
                let timer = paint(if over { style::MISSED } else { style::DIM }, text);
                shown = format!("{timer}\n{shown}");
            }
            self.draw(&shown)?;
            let key = if target.is_some() {
                match self.key_within(Duration::from_secs(1))? {
                    Some(key) => key,
                    None => continue,
                }
            } else {
                self.key()?
            };
            // What stays on screen when the line is done: the line, without the timer.
            let typed = soft_wrap("> ", &sanitize(&line), self.draw_width());
            match key {
                Key::Enter => {
                    if let Some(control) = input::control(&line) {
                        self.draw("")?;
                        if control == Control::Hint {
                            self.draft = (lines, String::new());
                        }
                        return Ok(Reply::Control(control));
                    }
                    if line.trim().is_empty() {
                        self.draw("")?;
                        if lines.is_empty() {
                            let none = paint(style::DIM, "(no answer: I don't know)");
                            self.settle(&format!("> {none}"))?;
                        }
                        break;
                    }
                    self.settle(&typed)?;
                    lines.push(std::mem::take(&mut line));
                    if !many {
                        break;
                    }
                }
                Key::Backspace => {
                    line.pop();
                }
                Key::Escape => {
                    if let Some(reply) = self.escape_at_question(ask)? {
                        if reply == Reply::Control(Control::Hint) {
                            self.draft = (lines, line);
                        }
                        return Ok(reply);
                    }
                }
                Key::Char('\x04') if line.is_empty() && lines.is_empty() => {
                    self.draw("")?;
                    return Ok(Reply::End);
                }
                // Ctrl-U clears the line, Ctrl-W takes back a word.
                Key::Char('\x15') => line.clear(),
                Key::Char('\x17') => {
                    let kept = line.trim_end().rfind(' ').map_or(0, |i| i + 1);
                    line.truncate(kept);
                }
                Key::Tab => line.push(' '),
                Key::Char(c) if !c.is_control() => line.push(c),
                _ => {}
            }
        }
        Ok(Reply::Answer(Answer::Text(lines.join("\n"))))
    }

    /// An interview question answered in `$VISUAL` or `$EDITOR`: the file opens with
    /// the question as `#` comment lines, which are stripped when it is read back; the
    /// answer is then shown. An editor that fails says why, and the answer is typed here.
    fn edit(&mut self, ask: &Ask, stopwatch: &Stopwatch) -> io::Result<Reply> {
        // A file, not the screen: no colour.
        let question = style::strip(&report::question_text(ask, 72));
        let mut template = String::from("\n\n");
        for line in question.lines() {
            template.push_str(&format!("# {line}\n").replace("# \n", "#\n"));
        }
        template.push_str(
            "#\n# Write your answer above, save and close the editor. Lines starting\n\
             # with # are left out; an empty answer means \"I don't know\".\n",
        );
        // The editor wants the terminal as the learner set it up.
        let quiet = self.quiet.take().is_some();
        let edited = run_editor(&template);
        if quiet {
            self.quiet = Quiet::start();
        }
        match edited {
            Ok(text) => {
                let answer: String = text
                    .lines()
                    .filter(|line| !line.starts_with('#'))
                    .collect::<Vec<_>>()
                    .join("\n")
                    .trim()
                    .to_owned();
                let shown = if answer.is_empty() {
                    format!("> {}", paint(style::DIM, "(no answer: I don't know)"))
                } else {
                    answer
                        .lines()
                        .map(|line| format!("> {}", sanitize(line)))
                        .collect::<Vec<_>>()
                        .join("\n")
                };
                let heading = paint(style::HEADING, "Your answer:");
                self.settle(&format!("{heading}\n{shown}"))?;
                Ok(Reply::Answer(Answer::Text(answer)))
            }
            Err(why) => {
                self.settle(&wrap(
                    &format!("The editor failed: {why}. Type your answer here instead."),
                    self.draw_width(),
                    "",
                ))?;
                self.type_text(ask, stopwatch)
            }
        }
    }

    /// Reads keys until one is a rating or a command.
    fn read_rating(&mut self, prompt: &RatingPrompt) -> io::Result<RateReply> {
        let suggested = prompt.suggested;
        let text = format!(
            "{}\n{}",
            wrap(&prompt.text(), self.draw_width(), ""),
            paint(
                style::DIM,
                wrap(
                    &format!("u undo · q quit (the answer is saved as {suggested}) · Esc: more"),
                    self.draw_width(),
                    ""
                )
            )
        );
        loop {
            self.draw(&text)?;
            let reply = match self.key()? {
                Key::Enter => RateReply::Rating(suggested),
                Key::Char(c @ '1'..='4') => RateReply::Rating(
                    Rating::from_number(i64::from(c as u8 - b'0')).unwrap_or(suggested),
                ),
                Key::Char('u' | 'U') => RateReply::Control(Control::Undo),
                Key::Char('q' | 'Q') => RateReply::Control(Control::Quit),
                Key::Char('\x04') => RateReply::End,
                Key::Escape => {
                    self.draw("")?;
                    match self.session_menu(&MenuPlace::Rating(suggested))? {
                        Command::Back => continue,
                        Command::Control(control) => RateReply::Control(control),
                        Command::End => RateReply::End,
                    }
                }
                _ => continue,
            };
            self.draw("")?;
            return Ok(reply);
        }
    }

    /// Passes a prompt's result on; when Ctrl-C ended it, first shows the cursor again
    /// and leaves the cursor on a fresh line.
    fn after_prompt<T>(&mut self, result: io::Result<T>) -> io::Result<T> {
        if result
            .as_ref()
            .is_err_and(|err| err.kind() == io::ErrorKind::Interrupted)
        {
            let _ = self.term.show_cursor();
            if !self.live.is_empty() {
                let _ = self.term.write_str("\n");
                self.live.clear();
            }
        }
        result
    }
}

/// `text` after `prefix`, folded into lines of at most `width` columns at spaces (a
/// word longer than a line is cut), every line after the first indented under the
/// text. Unlike `text::wrap` it keeps every space as typed, so a line being typed
/// shows its trailing space.
fn soft_wrap(prefix: &str, text: &str, width: usize) -> String {
    let indent = " ".repeat(prefix.width());
    let room = width.saturating_sub(indent.len()).max(10);
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    // Words with the spaces before them.
    let mut rest = text;
    while !rest.is_empty() {
        let word_at = rest.find(|c: char| c != ' ').unwrap_or(rest.len());
        let word_end = rest[word_at..]
            .find(' ')
            .map_or(rest.len(), |end| word_at + end);
        let (spaces, word) = (&rest[..word_at], &rest[word_at..word_end]);
        rest = &rest[word_end..];
        if !line.is_empty() && !word.is_empty() && line.width() + spaces.len() + word.width() > room
        {
            lines.push(std::mem::take(&mut line));
        } else {
            line.push_str(spaces);
        }
        for c in word.chars() {
            if line.width() + c.to_string().width() > room {
                lines.push(std::mem::take(&mut line));
            }
            line.push(c);
        }
    }
    lines.push(line);
    let mut out = String::new();
    for (i, line) in lines.iter().enumerate() {
        out.push_str(if i == 0 { prefix } else { &indent });
        out.push_str(line);
        if i + 1 < lines.len() {
            out.push('\n');
        }
    }
    out
}

/// Opens `$VISUAL` (else `$EDITOR`, else `vi`) on a temporary file holding `template`
/// and returns what the file holds when the editor exits; the error says why the editor
/// could not be used.
fn run_editor(template: &str) -> Result<String, String> {
    let editor = std::env::var("VISUAL")
        .ok()
        .or_else(|| std::env::var("EDITOR").ok())
        .filter(|e| !e.trim().is_empty())
        .unwrap_or_else(|| "vi".to_owned());
    // A new file of our own (never one that is there already, in a shared folder).
    let mut attempt = 0;
    let path = loop {
        let path =
            std::env::temp_dir().join(format!("recall-answer-{}-{attempt}.md", std::process::id()));
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
        {
            Ok(mut file) => {
                if let Err(error) = file.write_all(template.as_bytes()) {
                    let _ = std::fs::remove_file(&path);
                    return Err(format!("cannot write {}: {error}", path.display()));
                }
                break path;
            }
            Err(error) if error.kind() == io::ErrorKind::AlreadyExists && attempt < 100 => {
                attempt += 1;
            }
            Err(error) => return Err(format!("cannot write {}: {error}", path.display())),
        }
    };
    // Through the shell, so that an editor with arguments (`code --wait`) works.
    let status = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!("{editor} \"$1\""))
        .arg("recall")
        .arg(&path)
        .status();
    let result = match status {
        Ok(status) if status.success() => std::fs::read_to_string(&path)
            .map_err(|error| format!("cannot read {} back: {error}", path.display())),
        Ok(status) => Err(format!("`{editor}` failed ({status})")),
        Err(error) => Err(format!("cannot run `{editor}`: {error}")),
    };
    let _ = std::fs::remove_file(&path);
    result
}

impl FrontEnd for Terminal {
    fn width(&self) -> usize {
        self.draw_width()
    }

    fn show(&mut self, text: &str) -> io::Result<()> {
        self.settle("")?;
        writeln!(self.term, "{}\n", self.drawn(text))
    }

    fn ask(&mut self, ask: &Ask, stopwatch: &Stopwatch) -> io::Result<Reply> {
        let reply = check_interrupt().and_then(|()| {
            // After a hint the question is on screen already, above the hint.
            if !ask.resumed {
                let question = report::question_text(ask, self.draw_width());
                writeln!(self.term, "{}\n", self.drawn(&question))?;
            }
            if ask.entry.question.kind == Kind::MultipleChoice {
                self.choose(ask)
            } else if ask.entry.question.kind == Kind::Interview && self.editor {
                self.edit(ask, stopwatch)
            } else {
                self.type_text(ask, stopwatch)
            }
        });
        let reply = self.after_prompt(reply);
        if reply.is_ok() {
            writeln!(self.term)?;
        }
        reply
    }

    fn rate(&mut self, prompt: &RatingPrompt) -> io::Result<RateReply> {
        let reply = check_interrupt().and_then(|()| self.read_rating(prompt));
        self.after_prompt(reply)
    }

    fn confirm(&mut self, question: &str) -> io::Result<Option<bool>> {
        let asked = format!("{} [y/N] ", wrap(question, self.draw_width(), ""));
        let reply = loop {
            self.draw(&asked)?;
            match self.key() {
                Ok(Key::Char('y' | 'Y')) => break Ok(Some(true)),
                Ok(Key::Char('n' | 'N') | Key::Enter | Key::Escape) => break Ok(Some(false)),
                Ok(Key::Char('\x04')) => break Ok(None),
                Ok(_) => continue,
                Err(error) => break Err(error),
            }
        };
        let reply = self.after_prompt(reply)?;
        let said = if reply == Some(true) { "yes" } else { "no" };
        self.settle(&format!("{asked}{said}"))?;
        Ok(reply)
    }

    fn after_failure(&mut self, why: &str) -> io::Result<AfterFailure> {
        let mut menu = Menu::new(
            vec![
                ("r  try again".to_owned(), vec!['r']),
                (
                    "q  quit (the answer is kept, and saved at the next start)".to_owned(),
                    vec!['q'],
                ),
            ],
            false,
            "Press a key, or ↑↓ and Enter.".to_owned(),
        );
        menu.header = Some(format!("Not saved: {}", sanitize(why)));
        loop {
            let picked = self.run_menu(&mut menu, true);
            let picked = self.after_prompt(picked)?;
            self.draw("")?;
            return Ok(match picked {
                Picked::Items(items) if items == [0] => AfterFailure::Retry,
                // Esc never ends a session unasked: here there is nothing to go back to.
                Picked::Escape => continue,
                _ => AfterFailure::Quit,
            });
        }
    }
}

/// Asks a yes-or-no `question` at the terminal (on stderr): `y` or Enter is yes, `n` or
/// Esc is no.
pub fn confirm(question: &str) -> io::Result<bool> {
    let term = Term::stderr();
    term.write_str(&format!("{question} [Y/n] "))?;
    loop {
        check_interrupt()?;
        let key = term.read_key()?;
        let answer = match key {
            Key::Enter | Key::Char('y' | 'Y') => true,
            Key::Escape | Key::Char('n' | 'N' | '\x04') => false,
            _ => continue,
        };
        term.write_line(if answer { "yes" } else { "no" })?;
        return Ok(answer);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_text_folds_at_spaces_and_keeps_them() {
        assert_eq!(soft_wrap("> ", "one two ", 40), "> one two ");
        assert_eq!(
            soft_wrap("> ", "alpha beta gamma delta", 14),
            "> alpha beta\n  gamma delta"
        );
        assert_eq!(
            soft_wrap("> ", "abcdefghijklmnopqrstuvwxyz", 14),
            "> abcdefghijkl\n  mnopqrstuvwx\n  yz"
        );
        assert_eq!(soft_wrap("> ", "", 14), "> ");
    }
}
