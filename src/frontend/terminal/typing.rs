//! Text answers at the terminal: typed line by line (every line stays on screen, the
//! interview timer redrawn above the line being typed), or written in `$VISUAL` or
//! `$EDITOR`.

use super::{Quiet, Terminal};
use crate::bank::Kind;
use crate::clock::Stopwatch;
use crate::frontend::Reply;
use crate::session::input::{self, Control};
use crate::session::report::clock_face;
use crate::session::{Answer, Ask, report};
use crate::style::{self, paint};
use crate::text::{sanitize, wrap};
use console::Key;
use std::io::{self, Write};
use std::time::Duration;
use unicode_width::UnicodeWidthStr;

impl Terminal {
    /// The line being typed, folded at the width, with the interview timer (elapsed
    /// against the target) just above it when the answer is timed.
    fn timed_line(&self, line: &str, target: Option<Duration>, stopwatch: &Stopwatch) -> String {
        let shown = soft_wrap("> ", &sanitize(line), self.draw_width());
        let Some(target) = target else {
            return shown;
        };
        let elapsed = stopwatch.elapsed();
        let over = elapsed > target;
        let text = format!(
            "⏱ {} of {}{}",
            clock_face(elapsed),
            clock_face(target),
            if over { " · over time" } else { "" }
        );
        let timer = paint(if over { style::MISSED } else { style::DIM }, text);
        format!("{timer}\n{shown}")
    }

    /// A text question, typed: every line stays on screen. A short answer is one line;
    /// an interview answer takes lines until an empty one. An empty answer is "I don't
    /// know". `:quit` (and the other commands) work on any line.
    pub(super) fn type_text(&mut self, ask: &Ask, stopwatch: &Stopwatch) -> io::Result<Reply> {
        let many = ask.entry.question.kind == Kind::Interview;
        let help = paint(style::DIM, wrap(&text_help(ask), self.draw_width(), "")).to_string();
        // After a hint, the lines typed before it are still on screen, above the hint.
        let (mut lines, mut line) = std::mem::take(&mut self.draft);
        if !ask.resumed {
            lines.clear();
            line.clear();
            self.settle(&help)?;
        }
        let target = ask.target;
        loop {
            let shown = self.timed_line(&line, target, stopwatch);
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
    pub(super) fn edit(&mut self, ask: &Ask, stopwatch: &Stopwatch) -> io::Result<Reply> {
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
}

/// What a text prompt says: how an answer ends, that empty means "I don't know", and
/// how to take a hint when one is left.
fn text_help(ask: &Ask) -> String {
    let many = ask.entry.question.kind == Kind::Interview;
    let question = ask.entry.question;
    let hints = if ask.hints_taken < question.hints.len() {
        " :hint (or Esc h) for a hint."
    } else {
        ""
    };
    if many {
        format!(
            "Your answer, in as many lines as you like; an empty line ends it (an empty \
             answer means \"I don't know\"). Esc: more.{hints}"
        )
    } else {
        format!(
            "Your answer; Enter ends it (an empty answer means \"I don't know\"). Esc: \
             more.{hints}"
        )
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
