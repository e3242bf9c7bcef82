//! Problems found in a bank (or a config file), located to `file:line:col`.
//!
//! A `Diagnostic` is data: the loader produces them, `recall check` renders them as text
//! (with the source line and a caret, like a compiler) or as JSON.

use serde::Serialize;
use std::fmt::Write as _;
use std::ops::Range;
use std::path::Path;

/// How bad a problem is: an error keeps its bank from loading (and `recall check` exits
/// 1); a warning is doubtful but legal, and the bank loads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The bank (or config) cannot be used until it is fixed.
    Error,
    /// Worth a look; nothing stops loading.
    Warning,
}

impl Severity {
    /// `error` or `warning`, as printed.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// One problem, with where it is and what to do about it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Diagnostic {
    /// The file the problem is in, as given (or `builtin:<name>` for a built-in bank).
    pub file: String,
    /// 1-based; 0 when the problem concerns the whole file (too large, not UTF-8).
    pub line: usize,
    /// 1-based, in characters; 0 with `line` 0.
    pub column: usize,
    /// The bank's id, when the problem is inside a bank whose id is known.
    pub bank: Option<String>,
    /// The question's id, when the problem is inside a question.
    pub question: Option<String>,
    /// Whether it is an error or a warning.
    pub severity: Severity,
    /// What is wrong, in one sentence.
    pub message: String,
    /// How to fix it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
    /// The source line the problem is on, for the caret display.
    #[serde(skip)]
    pub source_line: Option<String>,
}

impl Diagnostic {
    /// A problem at byte offset range `span` of `source`.
    pub fn at(
        file: &Path,
        source: &str,
        span: Range<usize>,
        severity: Severity,
        message: impl Into<String>,
    ) -> Diagnostic {
        Diagnostic::located(file, &mut Locator::new(source), span, severity, message)
    }

    /// A file whose bytes are not UTF-8, located at the first byte that is not: the
    /// line and column where valid text stops, the byte, and how to fix it.
    pub fn not_utf8(file: &Path, bytes: &[u8], error: std::str::Utf8Error) -> Diagnostic {
        let valid = error.valid_up_to();
        // The bytes up to `valid` are UTF-8 by definition of `valid_up_to`.
        let prefix = std::str::from_utf8(&bytes[..valid]).unwrap_or("");
        Diagnostic::at(
            file,
            prefix,
            valid..valid,
            Severity::Error,
            format!(
                "file is not UTF-8 (invalid byte 0x{:02X})",
                bytes.get(valid).copied().unwrap_or(0)
            ),
        )
        .hint("save the file as UTF-8")
    }

    /// A problem at byte offset range `span` of the source `locator` indexes: the way to
    /// make many diagnostics in one file without rescanning it for each.
    pub fn located(
        file: &Path,
        locator: &mut Locator<'_>,
        span: Range<usize>,
        severity: Severity,
        message: impl Into<String>,
    ) -> Diagnostic {
        let (line, column, source_line) = locator.locate(span.start);
        Diagnostic {
            file: file.display().to_string(),
            line,
            column,
            bank: None,
            question: None,
            severity,
            message: message.into(),
            hint: None,
            source_line: Some(source_line),
        }
    }

    /// A problem with the whole file.
    pub fn file(file: &Path, severity: Severity, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            file: file.display().to_string(),
            line: 0,
            column: 0,
            bank: None,
            question: None,
            severity,
            message: message.into(),
            hint: None,
            source_line: None,
        }
    }

    /// The same problem with a hint on how to fix it.
    pub fn hint(mut self, hint: impl Into<String>) -> Diagnostic {
        self.hint = Some(hint.into());
        self
    }

    /// The same problem, placed in bank `bank` (when known).
    pub fn in_bank(mut self, bank: Option<&str>) -> Diagnostic {
        self.bank = bank.map(str::to_owned);
        self
    }

    /// The same problem, placed in question `question` (when known).
    pub fn in_question(mut self, question: Option<&str>) -> Diagnostic {
        self.question = question.map(str::to_owned);
        self
    }

    /// Whether it is an error (not a warning).
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// `file:line:col: error in bank/question: message`, then the source line with a
    /// caret and the hint. Text from the bank is sanitised. No colour: this text also
    /// goes into error messages; [`Diagnostic::render_styled`] is for a person.
    pub fn render(&self) -> String {
        self.render_in(false, usize::MAX)
    }

    /// [`Diagnostic::render`] for a person: the location in bold, the severity, the
    /// caret and `help` in colour (`style`), for a stream that strips what it cannot
    /// show; the message and the help folded at spaces to `width` (`usize::MAX` for
    /// one line each, as a file or a pipe wants them). The source line is never folded.
    pub fn render_styled(&self, width: usize) -> String {
        self.render_in(true, width)
    }

    fn render_in(&self, styled: bool, width: usize) -> String {
        let paint = |style: crate::style::Style, text: &str| {
            if styled {
                crate::style::paint(style, text).to_string()
            } else {
                text.to_owned()
            }
        };
        let severity = match self.severity {
            Severity::Error => crate::style::ERROR,
            Severity::Warning => crate::style::WARNING,
        };
        let mut out = String::new();
        // A file name is as untrusted as the text inside the file.
        let file = crate::text::sanitize(&self.file);
        let location = if self.line > 0 {
            format!("{file}:{}:{}:", self.line, self.column)
        } else {
            format!("{file}:")
        };
        let _ = write!(out, "{} ", paint(crate::style::HEADING, &location));
        out.push_str(&paint(severity, self.severity.as_str()));
        // Ids are checked, but a file that fails to parse names them unchecked.
        let bank = self.bank.as_deref().map(crate::text::sanitize);
        let question = self.question.as_deref().map(crate::text::sanitize);
        match (bank, question) {
            (Some(bank), Some(question)) => {
                let _ = write!(out, " in {bank}/{question}");
            }
            (None, Some(question)) => {
                let _ = write!(out, " in question {question}");
            }
            (Some(bank), None) => {
                let _ = write!(out, " in {bank}");
            }
            (None, None) => {}
        }
        let _ = write!(out, ": {}", crate::text::sanitize(&self.message));
        // Folding collapses runs of spaces: only at a terminal, never for render().
        let fold = |text: String, hang: &str| {
            if width == usize::MAX {
                text
            } else {
                crate::text::wrap_hanging(&text, width, hang)
            }
        };
        let mut out = fold(out, "    ");
        if let Some(line) = &self.source_line {
            let number = self.line.to_string();
            let pad = " ".repeat(number.len());
            let line = crate::text::sanitize(line);
            let caret_at = self.column.saturating_sub(1).min(line.chars().count());
            let lead: String = line
                .chars()
                .take(caret_at)
                .map(|c| if c == '\t' { '\t' } else { ' ' })
                .collect();
            let gutter = |text: &str| paint(crate::style::DIM, text);
            let _ = write!(
                out,
                "\n{}\n{}{line}\n{}{lead}{}",
                gutter(&format!("{pad} |")),
                gutter(&format!("{number} | ")),
                gutter(&format!("{pad} | ")),
                paint(severity, "^")
            );
        }
        if let Some(hint) = &self.hint {
            let help = format!(
                "  = {} {}",
                paint(crate::style::HINT, "help:"),
                crate::text::sanitize(hint)
            );
            let _ = write!(out, "\n{}", fold(help, "        "));
        }
        out
    }
}

/// 1-based line and column (in characters) of byte `offset`, and the text of that line.
/// Costs a scan of the source up to the offset's line; see [`Locator`] for many lookups.
pub fn locate(source: &str, offset: usize) -> (usize, usize, String) {
    let offset = char_boundary(source, offset);
    let line_start = source[..offset].rfind('\n').map_or(0, |i| i + 1);
    let line_end = source[offset..]
        .find('\n')
        .map_or(source.len(), |i| offset + i);
    let line = source[..line_start].matches('\n').count() + 1;
    let column = source[line_start..offset].chars().count() + 1;
    (line, column, line_text(&source[line_start..line_end]))
}

/// `offset`, clamped to `source` and moved back to the start of its character.
fn char_boundary(source: &str, offset: usize) -> usize {
    let mut offset = offset.min(source.len());
    while !source.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// A source line as shown under a diagnostic.
fn line_text(line: &str) -> String {
    // Very long lines are cut so a minified file cannot flood the terminal.
    line.trim_end_matches('\r').chars().take(200).collect()
}

/// Lines and columns of many offsets in one source, without rescanning it for each: a
/// file with thousands of problems (or thousands of problems on one long line) must not
/// take quadratic time to report. Line starts are indexed on the first lookup; a column
/// is counted on from the previous lookup when that was earlier on the same line, so
/// offsets asked in file order cost one pass over the source in all. A single lookup
/// (the common case: one problem in a file) scans only up to its line, like [`locate`].
pub struct Locator<'a> {
    source: &'a str,
    /// Byte offset of the start of each line; built on the second lookup.
    line_starts: Vec<usize>,
    lookups: usize,
    /// The last lookup: (line index, byte offset, 1-based column).
    last: Option<(usize, usize, usize)>,
}

impl<'a> Locator<'a> {
    /// An index over `source`, built lazily as lookups come.
    pub fn new(source: &'a str) -> Locator<'a> {
        Locator {
            source,
            line_starts: Vec::new(),
            lookups: 0,
            last: None,
        }
    }

    /// 1-based line and column (in characters) of byte `offset`, and the text of that
    /// line (cut to 200 characters).
    pub fn locate(&mut self, offset: usize) -> (usize, usize, String) {
        let source = self.source;
        self.lookups += 1;
        if self.lookups == 1 {
            return locate(source, offset);
        }
        let offset = char_boundary(source, offset);
        if self.line_starts.is_empty() {
            self.line_starts.push(0);
            self.line_starts
                .extend(source.match_indices('\n').map(|(i, _)| i + 1));
        }
        // The last line starting at or before `offset`; line_starts[0] is 0, so the
        // partition point is at least 1.
        let index = self.line_starts.partition_point(|&s| s <= offset) - 1;
        let line_start = self.line_starts[index];
        let line_end = self
            .line_starts
            .get(index + 1)
            .map_or(source.len(), |next| next - 1);
        let (from, counted) = match self.last {
            Some((line, at, column)) if line == index && at <= offset => (at, column),
            _ => (line_start, 1),
        };
        let column = counted + source[from..offset].chars().count();
        self.last = Some((index, offset, column));
        (index + 1, column, line_text(&source[line_start..line_end]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locates_lines_and_columns() {
        let src = "a = 1\nbé = 2\n";
        assert_eq!(locate(src, 0), (1, 1, "a = 1".into()));
        assert_eq!(locate(src, 6), (2, 1, "bé = 2".into()));
        // after the two-byte é
        assert_eq!(locate(src, 9), (2, 3, "bé = 2".into()));
        assert_eq!(locate(src, 1000).0, 3);
    }

    #[test]
    fn a_locator_agrees_with_locate_in_any_order() {
        let src = "ab\nçd\n\nlong line here\r\nend";
        let mut locator = Locator::new(src);
        let offsets: Vec<usize> = (0..=src.len() + 2).chain((0..src.len()).rev()).collect();
        for offset in offsets {
            let fresh = {
                let mut offset = offset.min(src.len());
                while !src.is_char_boundary(offset) {
                    offset -= 1;
                }
                let line_start = src[..offset].rfind('\n').map_or(0, |i| i + 1);
                let line = src[..line_start].matches('\n').count() + 1;
                (line, src[line_start..offset].chars().count() + 1)
            };
            let (line, column, _) = locator.locate(offset);
            assert_eq!((line, column), fresh, "offset {offset}");
        }
        assert_eq!(locator.locate(8).2, "long line here");
    }
}
