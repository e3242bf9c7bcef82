//! The plain front end: prompts as text on stdout, one answer per line from stdin.
//!
//! Used when stdin or stderr is not a terminal, or with `--plain`. Every answer is one
//! line: letters for multiple choice (`C`, `A,C`), a line of text for text questions (an
//! empty line means "I don't know"), a digit 1-4 or an empty line for the rating, and
//! `:skip`, `:undo`, `:quit`, `:suspend`, `:bury`, `:reset` and `:hint` at a question. A line that
//! is not UTF-8 is asked again. End of input ends the session cleanly. This is the
//! interface for scripts and tests, and for screen readers.

use super::{AfterFailure, FrontEnd, RateReply, RatingPrompt, Reply, check_interrupt};
use crate::clock::Stopwatch;
use crate::session::input::{self, Control};
use crate::session::{Answer, Ask, report};
use std::io::{self, BufRead, Write};
use std::sync::mpsc;
use std::time::Duration;

/// Where the plain front end's lines come from.
pub trait LineSource {
    /// The next line with its line ending, as bytes; `None` at end of input. An
    /// [`io::ErrorKind::Interrupted`] error means Ctrl-C.
    fn next_line(&mut self) -> io::Result<Option<Vec<u8>>>;
}

/// Lines from any reader (tests, files).
pub struct Lines<R>(pub R);

impl<R: BufRead> LineSource for Lines<R> {
    fn next_line(&mut self) -> io::Result<Option<Vec<u8>>> {
        let mut line = Vec::new();
        if self.0.read_until(b'\n', &mut line)? == 0 {
            return Ok(None);
        }
        Ok(Some(line))
    }
}

/// Lines from stdin, read on a thread of their own so that Ctrl-C is noticed while a
/// prompt waits for its line (a read of stdin is not interrupted by the signal).
pub struct StdinLines {
    lines: mpsc::Receiver<io::Result<Vec<u8>>>,
}

impl StdinLines {
    /// Starts reading stdin.
    pub fn start() -> StdinLines {
        let (send, lines) = mpsc::channel();
        std::thread::spawn(move || {
            let stdin = io::stdin();
            let mut stdin = stdin.lock();
            loop {
                let mut line = Vec::new();
                let read = stdin.read_until(b'\n', &mut line);
                let done = !matches!(read, Ok(n) if n > 0);
                let sent = match read {
                    Ok(0) => Ok(()),
                    Ok(_) => send.send(Ok(line)),
                    Err(error) => send.send(Err(error)),
                };
                if done || sent.is_err() {
                    return;
                }
            }
        });
        StdinLines { lines }
    }
}

impl LineSource for StdinLines {
    fn next_line(&mut self) -> io::Result<Option<Vec<u8>>> {
        loop {
            check_interrupt()?;
            match self.lines.recv_timeout(Duration::from_millis(50)) {
                Ok(line) => return line.map(Some),
                Err(mpsc::RecvTimeoutError::Timeout) => {}
                // The reader stopped: end of input (or an error it already sent).
                Err(mpsc::RecvTimeoutError::Disconnected) => return Ok(None),
            }
        }
    }
}

/// The plain front end: prompts as lines on `output`, answers as lines from `input`
/// (stdin and stdout for `--plain`, pipes and scripts; any reader and writer in tests).
/// What it writes has no colour, whatever the text it is given.
pub struct Plain<L, W> {
    input: L,
    output: Uncoloured<W>,
    width: Box<dyn Fn() -> usize>,
}

/// A writer that strips escape codes: a plain session's transcript is read by scripts
/// and screen readers, never coloured.
struct Uncoloured<W> {
    raw: W,
    state: anstream::adapter::StripBytes,
}

impl<W: Write> Write for Uncoloured<W> {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        for printable in self.state.strip_next(bytes) {
            self.raw.write_all(printable)?;
        }
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.raw.flush()
    }
}

impl<L: LineSource, W: Write> Plain<L, W> {
    /// A front end reading `input` and writing `output`, wrapping at the width `width`
    /// gives, asked again for each screen (so a resized terminal is followed).
    pub fn new(input: L, output: W, width: impl Fn() -> usize + 'static) -> Plain<L, W> {
        Plain {
            input,
            output: Uncoloured {
                raw: output,
                state: Default::default(),
            },
            width: Box::new(width),
        }
    }

    /// Prints `prompt` and reads one line, without its line ending; `None` at end of
    /// input. A line that is not UTF-8 is refused and asked again.
    fn line(&mut self, prompt: &str) -> io::Result<Option<String>> {
        loop {
            write!(self.output, "{prompt}")?;
            self.output.flush()?;
            let bytes = match self.input.next_line() {
                Ok(Some(bytes)) => bytes,
                Ok(None) => {
                    writeln!(self.output)?;
                    return Ok(None);
                }
                Err(error) => {
                    // Ctrl-C: leave the prompt's line finished.
                    let _ = writeln!(self.output);
                    return Err(error);
                }
            };
            let Ok(line) = String::from_utf8(bytes) else {
                writeln!(self.output)?;
                writeln!(
                    self.output,
                    "That line is not UTF-8 text, so it cannot be read; type it again."
                )?;
                continue;
            };
            let line = line.trim_end_matches(['\n', '\r']).to_owned();
            // Echo the answer: input from a pipe is not shown by any terminal, and the
            // transcript of a scripted session should read like the session did.
            writeln!(self.output, "{}", crate::text::sanitize(&line))?;
            return Ok(Some(line));
        }
    }
}

impl<L: LineSource, W: Write> FrontEnd for Plain<L, W> {
    fn width(&self) -> usize {
        (self.width)()
    }

    fn show(&mut self, text: &str) -> io::Result<()> {
        writeln!(self.output, "{text}\n")
    }

    fn ask(&mut self, ask: &Ask, _: &Stopwatch) -> io::Result<Reply> {
        check_interrupt()?;
        // After a hint the question is on screen already, above the hint.
        if !ask.resumed {
            writeln!(self.output, "{}\n", report::question(ask, self.width()))?;
        }
        let question = ask.entry.question;
        let hint = if ask.hints_taken < question.hints.len() {
            "; :hint for a hint"
        } else {
            ""
        };
        loop {
            let prompt = if question.is_text() {
                format!("Your answer (one line; empty for \"I don't know\"{hint}): ")
            } else if question.is_multiple_answer() {
                format!("Answer (letters like A,C{hint}): ")
            } else {
                format!("Answer (a letter{hint}): ")
            };
            let Some(line) = self.line(&prompt)? else {
                return Ok(Reply::End);
            };
            if let Some(command) = input::control(&line) {
                return Ok(Reply::Control(command));
            }
            if question.is_text() {
                return Ok(Reply::Answer(Answer::Text(line.trim().to_owned())));
            }
            match input::letters(&line, question.choices.len()) {
                Ok(letters) => return Ok(Reply::Answer(Answer::Choices(letters))),
                Err(message) => writeln!(self.output, "{message}")?,
            }
        }
    }

    fn rate(&mut self, prompt: &RatingPrompt) -> io::Result<RateReply> {
        loop {
            let Some(line) = self.line(&format!("{}: ", prompt.text()))? else {
                return Ok(RateReply::End);
            };
            if let Some(command) = input::control(&line) {
                return Ok(RateReply::Control(command));
            }
            match input::rating(&line, prompt.suggested) {
                Ok(rating) => return Ok(RateReply::Rating(rating)),
                Err(message) => writeln!(self.output, "{message}")?,
            }
        }
    }

    fn confirm(&mut self, question: &str) -> io::Result<Option<bool>> {
        let Some(line) = self.line(&format!("{question} [y/N]: "))? else {
            return Ok(None);
        };
        let yes = matches!(line.trim().to_ascii_lowercase().as_str(), "y" | "yes");
        Ok(Some(yes))
    }

    fn after_failure(&mut self, why: &str) -> io::Result<AfterFailure> {
        writeln!(self.output, "Not saved: {why}")?;
        loop {
            let Some(line) = self.line(
                "Type r to try again, or q to quit (the answer is kept for the next start): ",
            )?
            else {
                return Ok(AfterFailure::Quit);
            };
            match line.trim().to_ascii_lowercase().as_str() {
                "r" | "retry" => return Ok(AfterFailure::Retry),
                "q" | "quit" => return Ok(AfterFailure::Quit),
                _ if input::control(&line) == Some(Control::Quit) => {
                    return Ok(AfterFailure::Quit);
                }
                _ => writeln!(self.output, "Type r or q.")?,
            }
        }
    }
}
