//! Problems found in a bank (or a config file), located to `file:line:col`.
//!
//! A `Diagnostic` is data: the loader produces them, `recall check` renders them as text
//! (with the source line and a caret, like a compiler) or as JSON.

use serde::Serialize;
use std::fmt::Write as _;
use std::ops::Range;
use std::path::Path;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

impl Severity {
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
    pub file: String,
    /// 1-based; 0 when the problem concerns the whole file (too large, not UTF-8).
    pub line: usize,
    /// 1-based, in characters; 0 with `line` 0.
    pub column: usize,
    pub bank: Option<String>,
    pub question: Option<String>,
    pub severity: Severity,
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
        let (line, column, source_line) = locate(source, span.start);
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

    pub fn hint(mut self, hint: impl Into<String>) -> Diagnostic {
        self.hint = Some(hint.into());
        self
    }

    pub fn in_bank(mut self, bank: Option<&str>) -> Diagnostic {
        self.bank = bank.map(str::to_owned);
        self
    }

    pub fn in_question(mut self, question: Option<&str>) -> Diagnostic {
        self.question = question.map(str::to_owned);
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// `file:line:col: error[bank/question]: message`, then the source line with a caret
    /// and the hint. Text from the bank is sanitised.
    pub fn render(&self) -> String {
        let mut out = String::new();
        if self.line > 0 {
            let _ = write!(out, "{}:{}:{}: ", self.file, self.line, self.column);
        } else {
            let _ = write!(out, "{}: ", self.file);
        }
        out.push_str(self.severity.as_str());
        match (&self.bank, &self.question) {
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
            let _ = write!(out, "\n{pad} |\n{number} | {line}\n{pad} | {lead}^");
        }
        if let Some(hint) = &self.hint {
            let _ = write!(out, "\n  = help: {}", crate::text::sanitize(hint));
        }
        out
    }
}

/// 1-based line and column (in characters) of byte `offset`, and the text of that line.
pub fn locate(source: &str, offset: usize) -> (usize, usize, String) {
    let mut offset = offset.min(source.len());
    while !source.is_char_boundary(offset) {
        offset -= 1;
    }
    let line_start = source[..offset].rfind('\n').map_or(0, |i| i + 1);
    let line_end = source[offset..]
        .find('\n')
        .map_or(source.len(), |i| offset + i);
    let line = source[..line_start].matches('\n').count() + 1;
    let column = source[line_start..offset].chars().count() + 1;
    let text = source[line_start..line_end].trim_end_matches('\r');
    // Very long lines are cut so a minified file cannot flood the terminal.
    let text: String = text.chars().take(200).collect();
    (line, column, text)
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
}
