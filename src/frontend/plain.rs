//! The plain front end: prompts as text on stdout, one answer per line from stdin.
//!
//! Used when stdin or stderr is not a terminal, or with `--plain`. Every answer is one
//! line: letters for multiple choice (`C`, `A,C`), a line of text for text questions,
//! a digit 1-4 or an empty line for the rating, and `:skip`, `:undo`, `:quit` anywhere.
//! End of input ends the session cleanly. This is the interface for scripts and tests.

use super::{FrontEnd, RateReply, Reply};
use crate::bank::Kind;
use crate::schedule::Rating;
use crate::session::input;
use crate::session::{Answer, Ask, report};
use std::io::{self, BufRead, Write};

/// The plain front end: prompts as lines on `output`, answers as lines from `input`
/// (stdin and stdout for `--plain`, pipes and scripts; any reader and writer in tests).
pub struct Plain<R, W> {
    input: R,
    output: W,
}

impl<R: BufRead, W: Write> Plain<R, W> {
    /// A front end reading `input` and writing `output`.
    pub fn new(input: R, output: W) -> Plain<R, W> {
        Plain { input, output }
    }

    /// Prints `prompt` and reads one line, without its line ending; `None` at end of input.
    fn line(&mut self, prompt: &str) -> io::Result<Option<String>> {
        write!(self.output, "{prompt}")?;
        self.output.flush()?;
        let mut line = String::new();
        if self.input.read_line(&mut line)? == 0 {
            writeln!(self.output)?;
            return Ok(None);
        }
        let line = line.trim_end_matches(['\n', '\r']).to_owned();
        // Echo the answer: input from a pipe is not shown by any terminal, and the
        // transcript of a scripted session should read like the session did.
        writeln!(self.output, "{}", crate::text::sanitize(&line))?;
        Ok(Some(line))
    }
}

impl<R: BufRead, W: Write> FrontEnd for Plain<R, W> {
    fn show(&mut self, text: &str) -> io::Result<()> {
        writeln!(self.output, "{text}\n")
    }

    fn ask(&mut self, ask: &Ask, text: &str) -> io::Result<Reply> {
        writeln!(self.output, "{text}\n")?;
        let question = ask.entry.question;
        loop {
            let prompt = if question.kind == Kind::MultipleChoice {
                if question.is_multiple_answer() {
                    "Answer (letters like A,C): "
                } else {
                    "Answer (a letter): "
                }
            } else {
                "Your answer (one line): "
            };
            let Some(line) = self.line(prompt)? else {
                return Ok(Reply::End);
            };
            if let Some(command) = input::control(&line) {
                return Ok(Reply::Control(command));
            }
            if question.kind != Kind::MultipleChoice {
                if line.trim().is_empty() {
                    writeln!(self.output, "Type an answer, or :skip, :undo, :quit.")?;
                    continue;
                }
                return Ok(Reply::Answer(Answer::Text(line)));
            }
            match input::letters(&line, question.choices.len()) {
                Ok(letters) => return Ok(Reply::Answer(Answer::Choices(letters))),
                Err(message) => writeln!(self.output, "{message}")?,
            }
        }
    }

    fn rate(&mut self, suggested: Rating) -> io::Result<RateReply> {
        loop {
            let Some(line) = self.line(&format!("{}: ", report::rating_prompt(suggested)))? else {
                return Ok(RateReply::End);
            };
            if let Some(command) = input::control(&line) {
                return Ok(RateReply::Control(command));
            }
            match input::rating(&line, suggested) {
                Ok(rating) => {
                    writeln!(self.output, "Rated {rating}.\n")?;
                    return Ok(RateReply::Rating(rating));
                }
                Err(message) => writeln!(self.output, "{message}")?,
            }
        }
    }
}
