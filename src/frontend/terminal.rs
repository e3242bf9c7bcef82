//! The terminal front end: dialoguer menus for choices, line editing for text, single
//! keys for ratings.
//!
//! Used when stdin and stderr are terminals (and not `--plain`). It draws on stderr, as
//! dialoguer does. Ctrl-C anywhere ends the session: the prompt waiting for the learner
//! (or the next one, when Ctrl-C came between prompts) fails with an
//! [`io::ErrorKind::Interrupted`] error, with the cursor shown again and the terminal out
//! of raw mode, and the study verb turns it into exit 130 (see
//! [`install_interrupt_handler`]). Every rated answer was already committed.

use super::{FrontEnd, RateReply, Reply};
use crate::bank::Kind;
use crate::schedule::Rating;
use crate::session::input::{self, Control};
use crate::session::{Answer, Ask, report};
use console::{Key, Term};
use dialoguer::{Editor, Input, MultiSelect, Select};
use std::io::{self, Write};
use std::sync::atomic::{AtomicBool, Ordering};

/// The front end at a terminal: menus, prompts and keys on stderr.
pub struct Terminal {
    term: Term,
    /// Open `$EDITOR` for interview answers.
    editor: bool,
}

/// Set by the interrupt handler: the learner pressed Ctrl-C.
static INTERRUPTED: AtomicBool = AtomicBool::new(false);

/// Notes Ctrl-C instead of dying of it. At a prompt, the terminal is in raw mode and the
/// key reaches console as a byte, which it turns into SIGINT (noted here) and an
/// `Interrupted` error (which ends the prompt). Between prompts, Ctrl-C is a signal
/// only, and the next prompt sees the note and fails the same way. Either way the
/// session ends through the normal return path, so the store closes cleanly; ratings
/// are committed as they are given, so there is nothing to save.
pub fn install_interrupt_handler() {
    // An error means a handler is already installed (e.g. a second session in one
    // process); the first one does the same thing.
    let _ = ctrlc::set_handler(|| INTERRUPTED.store(true, Ordering::SeqCst));
}

/// Whether Ctrl-C was pressed since [`install_interrupt_handler`] (a session that ended
/// on its own just after still ends as interrupted).
pub fn was_interrupted() -> bool {
    INTERRUPTED.load(Ordering::SeqCst)
}

const SKIP: &str = "· skip this question";
const UNDO: &str = "· undo the last answer";
const QUIT: &str = "· quit (answers so far are saved)";

impl Terminal {
    /// A front end on stderr's terminal; `editor` opens `$EDITOR` for interview answers.
    pub fn new(editor: bool) -> Terminal {
        Terminal {
            term: Term::stderr(),
            editor,
        }
    }

    /// Fails when Ctrl-C was pressed since the last prompt.
    fn check_interrupt(&self) -> io::Result<()> {
        if was_interrupted() {
            return Err(io::ErrorKind::Interrupted.into());
        }
        Ok(())
    }

    /// Passes a prompt's result on; when Ctrl-C ended it, first shows the cursor again
    /// (a menu hides it) and ends the line it was on.
    fn after_prompt<T>(&self, result: io::Result<T>) -> io::Result<T> {
        if result
            .as_ref()
            .is_err_and(|err| err.kind() == io::ErrorKind::Interrupted)
        {
            let _ = self.term.show_cursor();
            let _ = self.term.write_line("");
        }
        result
    }

    /// Shows the rating prompt and reads keys until one is a rating or a command.
    fn read_rating(&mut self, suggested: Rating) -> io::Result<RateReply> {
        writeln!(
            self.term,
            "{} (u undo, q quit)",
            report::rating_prompt(suggested)
        )?;
        loop {
            let key = match self.term.read_key() {
                Ok(key) => key,
                Err(err) if err.kind() == io::ErrorKind::UnexpectedEof => {
                    return Ok(RateReply::End);
                }
                Err(err) => return Err(err),
            };
            let reply = match key {
                Key::Enter => RateReply::Rating(suggested),
                Key::Char(c @ '1'..='4') => RateReply::Rating(
                    Rating::from_number(i64::from(c as u8 - b'0')).unwrap_or(suggested),
                ),
                Key::Char('u') => RateReply::Control(Control::Undo),
                Key::Char('q') | Key::Escape => RateReply::Control(Control::Quit),
                _ => continue,
            };
            if let RateReply::Rating(rating) = reply {
                writeln!(self.term, "Rated {rating}.\n")?;
            }
            return Ok(reply);
        }
    }

    fn choose(&mut self, ask: &Ask) -> io::Result<Reply> {
        let q = ask.entry.question;
        // The full choices are printed above the menu; a menu line that wrapped would
        // confuse dialoguer's redrawing, so each is cut to one line of the terminal.
        let width = usize::from(self.term.size().1).saturating_sub(6).max(20);
        let labels: Vec<String> = ask
            .order
            .iter()
            .enumerate()
            .map(|(shown, &i)| {
                let text = crate::text::sanitize(q.choices[i].text.trim()).replace('\n', " ");
                one_line(&format!("{}) {text}", crate::bank::letter(shown)), width)
            })
            .collect();
        if q.is_multiple_answer() {
            let picked = MultiSelect::new()
                .with_prompt("Space to select, Enter to answer, Esc for skip/undo/quit")
                .items(&labels)
                .report(false)
                .interact_on_opt(&self.term)
                .map_err(into_io)?;
            return match picked {
                Some(picked) => {
                    self.answered(&picked)?;
                    Ok(Reply::Answer(Answer::Choices(picked)))
                }
                None => self.command_menu(),
            };
        }
        let mut items = labels.clone();
        items.extend([SKIP, UNDO, QUIT].map(String::from));
        let picked = Select::new()
            .with_prompt("Your answer (arrows and Enter)")
            .items(&items)
            .report(false)
            .default(0)
            .interact_on_opt(&self.term)
            .map_err(into_io)?;
        Ok(match picked {
            Some(i) if i < labels.len() => {
                self.answered(&[i])?;
                Reply::Answer(Answer::Choices(vec![i]))
            }
            Some(i) if i == labels.len() => Reply::Control(Control::Skip),
            Some(i) if i == labels.len() + 1 => Reply::Control(Control::Undo),
            _ => Reply::Control(Control::Quit),
        })
    }

    /// Echoes the chosen letters, as the menu is cleared.
    fn answered(&mut self, shown: &[usize]) -> io::Result<()> {
        let letters: Vec<String> = shown.iter().map(|&i| crate::bank::letter(i)).collect();
        writeln!(self.term, "Your answer: {}", letters.join(", "))
    }

    fn command_menu(&mut self) -> io::Result<Reply> {
        let picked = Select::new()
            .with_prompt("What now?")
            .items([SKIP, UNDO, QUIT])
            .default(0)
            .interact_on_opt(&self.term)
            .map_err(into_io)?;
        Ok(Reply::Control(match picked {
            Some(0) => Control::Skip,
            Some(1) => Control::Undo,
            _ => Control::Quit,
        }))
    }

    fn text(&mut self, ask: &Ask) -> io::Result<Reply> {
        let interview = ask.entry.question.kind == Kind::Interview;
        if interview && self.editor {
            let text = Editor::new().edit("").map_err(into_io)?;
            return Ok(match text.filter(|t| !t.trim().is_empty()) {
                Some(text) => Reply::Answer(Answer::Text(text)),
                None => Reply::Control(Control::Skip),
            });
        }
        let mut lines: Vec<String> = Vec::new();
        loop {
            let prompt = match (interview, lines.is_empty()) {
                (true, true) => "Your answer (an empty line ends it; :skip :undo :quit)",
                (true, false) => "…",
                (false, _) => "Your answer (:skip :undo :quit)",
            };
            let line: String = Input::new()
                .with_prompt(prompt)
                .allow_empty(true)
                .report(false)
                .interact_text_on(&self.term)
                .map_err(into_io)?;
            if lines.is_empty()
                && let Some(command) = input::control(&line)
            {
                return Ok(Reply::Control(command));
            }
            if line.trim().is_empty() {
                if lines.is_empty() {
                    continue;
                }
                break;
            }
            lines.push(line);
            if !interview {
                break;
            }
        }
        Ok(Reply::Answer(Answer::Text(lines.join("\n"))))
    }
}

/// `text` cut to `width` characters, with an ellipsis when cut.
fn one_line(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        return text.to_owned();
    }
    let mut cut: String = text.chars().take(width.saturating_sub(1)).collect();
    cut.push('…');
    cut
}

fn into_io(err: dialoguer::Error) -> io::Error {
    match err {
        dialoguer::Error::IO(err) => err,
    }
}

impl FrontEnd for Terminal {
    fn show(&mut self, text: &str) -> io::Result<()> {
        writeln!(self.term, "{text}\n")
    }

    fn ask(&mut self, ask: &Ask, text: &str) -> io::Result<Reply> {
        self.after_prompt(self.check_interrupt())?;
        writeln!(self.term, "{text}\n")?;
        let reply = if ask.entry.question.kind == Kind::MultipleChoice {
            self.choose(ask)
        } else {
            self.text(ask)
        };
        match self.after_prompt(reply) {
            Err(err) if err.kind() == io::ErrorKind::UnexpectedEof => Ok(Reply::End),
            other => other,
        }
    }

    fn rate(&mut self, suggested: Rating) -> io::Result<RateReply> {
        self.after_prompt(self.check_interrupt())?;
        let reply = self.read_rating(suggested);
        self.after_prompt(reply)
    }
}
