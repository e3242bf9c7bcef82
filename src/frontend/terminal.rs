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

mod menu;
mod typing;

use super::{AfterFailure, FrontEnd, RateReply, RatingPrompt, Reply, check_interrupt};
use crate::bank::{Kind, letter};
use crate::clock::Stopwatch;
use crate::schedule::Rating;
use crate::session::input::Control;
use crate::session::{Answer, Ask, report};
use crate::style::{self, paint};
use crate::text::{display_width, sanitize, wrap};
use console::{Key, Term};
use menu::{Command, Menu, MenuPlace, Picked};
use std::borrow::Cow;
use std::io::{self, Write};
use std::time::Duration;

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
    /// A key read together with an Esc before it (see [`split_escape`]), given next.
    pending: std::cell::Cell<Option<Key>>,
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
            pending: std::cell::Cell::new(None),
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
        if let Some(key) = self.pending.take() {
            return Ok(key);
        }
        match self.term.read_key() {
            Ok(key) => {
                let (key, next) = split_escape(key);
                self.pending.set(next);
                Ok(key)
            }
            Err(error) if error.kind() == io::ErrorKind::UnexpectedEof => Ok(Key::Char('\x04')),
            Err(error) => Err(error),
        }
    }

    /// Waits up to `timeout` for a key; `None` when none came (time to redraw a timer).
    /// Ctrl-C is an [`io::ErrorKind::Interrupted`] error, as for [`Terminal::key`].
    fn key_within(&self, timeout: Duration) -> io::Result<Option<Key>> {
        if let Some(key) = self.pending.take() {
            return Ok(Some(key));
        }
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

/// An Esc and the key typed right after it, read as one: when both arrive before a read
/// (typed fast, over a slow link, or on a busy machine), `console` takes them for an
/// unknown escape sequence (Alt and the key) and the key is lost. Split, they are the
/// Esc and then the key, as pressed. Real sequences (`Esc [`, `Esc O`) stay whole.
fn split_escape(key: Key) -> (Key, Option<Key>) {
    match key {
        Key::UnknownEscSeq(ref seq) => match seq[..] {
            ['\x1b'] => (Key::Escape, Some(Key::Escape)),
            [c] if c != '[' && c != 'O' && !c.is_control() => (Key::Escape, Some(Key::Char(c))),
            _ => (key, None),
        },
        key => (key, None),
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
    fn an_esc_read_together_with_the_next_key_is_both_keys_in_order() {
        let split = |seq: &[char]| split_escape(Key::UnknownEscSeq(seq.to_vec()));
        assert_eq!(split(&['r']), (Key::Escape, Some(Key::Char('r'))));
        assert_eq!(split(&['2']), (Key::Escape, Some(Key::Char('2'))));
        assert_eq!(split(&['\x1b']), (Key::Escape, Some(Key::Escape)));
        // Sequences of the terminal's own stay what they are.
        for seq in [&['['][..], &['O'], &['[', '1', '5'], &['\r']] {
            assert_eq!(split(seq), (Key::UnknownEscSeq(seq.to_vec()), None));
        }
        assert_eq!(split_escape(Key::Char('a')), (Key::Char('a'), None));
        assert_eq!(split_escape(Key::Escape), (Key::Escape, None));
    }
}
