//! Text from banks and answers made safe and tidy for a terminal.
//!
//! A bank is untrusted input: it must not be able to move the cursor, change colours or
//! set the window title of the person reading it. `sanitize` neutralises control
//! characters and escape sequences, `terminal_safe_json` escapes them in JSON, and
//! [`is_escaped_control`] says which a format that can escape characters must escape;
//! `wrap` lays prose and code out for a width, `truncate` fits a preview on one line,
//! and `terminal_width` measures the width. Nothing here prints.

use std::borrow::Cow;

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// `text` with every control character except newline and tab replaced by a visible
/// stand-in (`ESC` becomes `^[`, U+009B becomes `<U+009B>`), so terminal escape sequences
/// print as inert text. Carriage returns are dropped.
pub fn sanitize(text: &str) -> String {
    // Printable ASCII (most text) has nothing to replace.
    if text.bytes().all(|b| (0x20..0x7f).contains(&b)) {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\n' | '\t' => out.push(c),
            '\r' => {}
            c if (c as u32) < 0x20 => {
                out.push('^');
                out.push((b'@' + c as u8) as char);
            }
            '\u{7f}' => out.push_str("^?"),
            c if is_escaped_control(c) => {
                out.push_str(&format!("<U+{:04X}>", c as u32));
            }
            c => out.push(c),
        }
    }
    out
}

/// Whether `c` is a control character that passes the C0 controls' checks: DEL, a C1
/// control (U+0080 to U+009F; U+009B is an 8-bit CSI, U+009D an OSC), or a bidirectional
/// embedding, override or isolate (U+202A to U+202E, U+2066 to U+2069), which make text
/// read differently from what it is. JSON and TOML strings write these as `\uXXXX`.
pub fn is_escaped_control(c: char) -> bool {
    matches!(c, '\u{7f}'..='\u{9f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Pretty JSON of `value` with [`is_escaped_control`] characters escaped as `\uXXXX`
/// too: serde_json escapes only those below U+0020, and JSON printed to a terminal must
/// not be able to drive it or reverse its text. Such characters can only occur inside
/// JSON strings, where the escape means the same character.
pub fn terminal_safe_json<T: serde::Serialize>(value: &T) -> serde_json::Result<String> {
    Ok(escape_controls(&serde_json::to_string_pretty(value)?))
}

/// [`terminal_safe_json`] on one line, for JSON that must be the last line of a
/// transcript.
pub fn terminal_safe_json_line<T: serde::Serialize>(value: &T) -> serde_json::Result<String> {
    Ok(escape_controls(&serde_json::to_string(value)?))
}

/// `json` with [`is_escaped_control`] characters escaped as `\uXXXX`.
fn escape_controls(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        if is_escaped_control(c) {
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

/// Bank text (or any prose) laid out for a terminal `width` columns wide, every line
/// starting with `indent`:
///
/// - Prose is folded at spaces, never inside a word, number, id or date (a date and the
///   time after it stay together); a word wider than the line stands alone, whole.
/// - Line breaks are kept. A line's own leading spaces are kept, and the lines it folds
///   into line up under its text (under the text after a list marker: `- `, `1. `).
/// - Fenced code (between ```` ``` ```` or `~~~` lines) is shown as indented code: the
///   fence lines go, the code is indented four columns, and it is never folded. So is a
///   line indented four columns or a tab, as Markdown has it.
///
/// Widths are measured in terminal columns (wide characters count two) and escape codes
/// count nothing, so styled text folds as it looks.
pub fn wrap(text: &str, width: usize, indent: &str) -> String {
    layout(text, width, indent, indent)
}

/// `text` laid out as [`wrap`] does, its first line starting at the left edge and every
/// later line indented by `hang`: for a label and its text (`error: ...`, `Mastered:
/// ...`) whose continuation lines up under the text.
pub fn wrap_hanging(text: &str, width: usize, hang: &str) -> String {
    layout(text, width, "", hang)
}

/// [`wrap_hanging`] of `text`, appended to `out` (written there line by line: long
/// reports are made of hundreds of thousands of lines).
pub fn push_wrapped_hanging(out: &mut String, text: &str, width: usize, hang: &str) {
    if is_laid_out_as_itself(text, width, "", hang) {
        out.push_str(text);
    } else {
        lay_out(out, text, width, "", hang);
    }
}

/// One line of a list (a grade's breakdown: `  + term  matched "..."`) as it is when it
/// fits in `width`, else folded between words with its later lines two columns deeper
/// than its own leading spaces, so each item stays one block. Unlike [`wrap`], the
/// spaces inside the line are kept as they are, so the columns a breakdown lines up
/// stay lined up; a word wider than the line stands alone, whole.
pub fn wrap_line_hanging(line: &str, width: usize) -> String {
    if display_width(line) <= width {
        return line.to_owned();
    }
    let body = line.trim_start_matches(' ');
    let lead = line.len() - body.len();
    let hang = lead + 2;
    let mut out = String::with_capacity(line.len() + 32);
    out.push_str(&line[..lead]);
    let (mut column, mut line_start) = (lead, lead);
    let mut rest = body;
    while !rest.is_empty() {
        let spaces = rest.len() - rest.trim_start_matches(' ').len();
        let after = &rest[spaces..];
        let word = unit(after);
        let word_width = display_width(word);
        if column > line_start && column + spaces + word_width > width {
            out.push('\n');
            out.push_str(&" ".repeat(hang));
            (column, line_start) = (hang, hang);
        } else {
            out.push_str(&rest[..spaces]);
            column += spaces;
        }
        out.push_str(word);
        column += word_width;
        rest = &after[word.len()..];
    }
    out
}

/// The widest code span (between backticks) kept whole; a longer one folds at its spaces.
const CODE_SPAN: usize = 40;

/// The first word of `text` (which starts with one), or, when the word opens a code span
/// (an odd number of backticks), the span to its closing backtick with its spaces as
/// they are, up to [`CODE_SPAN`] columns, as [`wrap`] keeps it whole.
fn unit(text: &str) -> &str {
    let word_end = |from: usize| text[from..].find(' ').map_or(text.len(), |i| from + i);
    let mut end = word_end(0);
    if text[..end].matches('`').count().is_multiple_of(2) {
        return &text[..end];
    }
    while end < text.len() {
        let next = word_end(text[end..].len() - text[end..].trim_start_matches(' ').len() + end);
        if display_width(&text[..next]) > CODE_SPAN {
            break;
        }
        end = next;
        if text[..end].matches('`').count().is_multiple_of(2) {
            return &text[..end];
        }
    }
    &text[..word_end(0)]
}

/// Every line of `text` laid out by [`wrap_line_hanging`], joined by newlines.
pub fn wrap_lines_hanging(text: &str, width: usize) -> String {
    let lines: Vec<String> = text
        .lines()
        .map(|line| wrap_line_hanging(line, width))
        .collect();
    lines.join("\n")
}

/// Whether [`layout`] gives `text` as it is: a line that fits, with nothing to fold,
/// trim or indent (the line is measured with `indent`, as `fold` measures a first line).
fn is_laid_out_as_itself(text: &str, width: usize, first: &str, indent: &str) -> bool {
    if !first.is_empty() {
        return false;
    }
    let width = width.max(display_width(indent) + 10);
    // Printable ASCII (most text) has no whitespace but spaces and is a column a byte.
    if text.bytes().all(|b| (0x20..0x7f).contains(&b)) {
        return display_width(indent) + text.len() <= width && is_plain_line(text, true);
    }
    is_plain_line(text, false) && display_width(indent) + display_width(text) <= width
}

/// [`wrap`] with the first line starting with `first` and every other with `indent`.
fn layout(text: &str, width: usize, first: &str, indent: &str) -> String {
    if is_laid_out_as_itself(text, width, first, indent) {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len() + text.len() / 4);
    lay_out(&mut out, text, width, first, indent);
    out
}

/// [`layout`] of a text not laid out as itself, appended to `out`: each line written
/// there, a newline between them.
fn lay_out(out: &mut String, text: &str, width: usize, first: &str, indent: &str) {
    let width = width.max(display_width(indent) + 10);
    let mut lines = Lines {
        out,
        count: 0,
        first,
        indent,
    };
    let mut fence: Option<&str> = None;
    let mut words = Vec::new();
    for line in text.split('\n') {
        let trimmed = line.trim_start();
        match fence {
            Some(marker)
                if trimmed.starts_with(marker) && trimmed[marker.len()..].trim().is_empty() =>
            {
                fence = None;
            }
            Some(_) => code_line(lines.begin_indented(), line),
            None if trimmed.starts_with("```") || trimmed.starts_with("~~~") => {
                let marker =
                    &trimmed[..trimmed.len() - trimmed.trim_start_matches(['`', '~']).len()];
                fence = Some(marker);
            }
            None if line.starts_with("    ") || line.starts_with('\t') => {
                code_line(lines.begin_indented(), line.trim_start());
            }
            None => fold(line, width, &mut lines, &mut words),
        }
    }
}

/// The lines of a layout being written into a string: the first starts with `first`,
/// every other with `indent`.
struct Lines<'o> {
    out: &'o mut String,
    count: usize,
    first: &'o str,
    indent: &'o str,
}

impl Lines<'_> {
    /// Begins a line (a newline after the one before): the string to write it into.
    fn begin(&mut self) -> &mut String {
        if self.count > 0 {
            self.out.push('\n');
        }
        self.count += 1;
        self.out
    }

    /// Begins a line with its indent (`first` on the first line).
    fn begin_indented(&mut self) -> &mut String {
        let lead = if self.count == 0 {
            self.first
        } else {
            self.indent
        };
        let out = self.begin();
        out.push_str(lead);
        out
    }

    /// Begins and ends a blank line: the indent without its trailing spaces (after
    /// `first` on the first line).
    fn blank(&mut self) {
        let (first, indent) = (self.first, self.indent);
        let blank = indent.trim_end();
        let is_first = self.count == 0;
        let out = self.begin();
        if is_first && first != indent {
            out.push_str(first);
            out.push_str(blank.strip_prefix(indent).unwrap_or(blank));
        } else {
            out.push_str(blank);
        }
    }
}

/// Whether `text` is one line of prose that [`fold`] would give back as it is when it
/// fits: not code, not a fence, its words one space apart, no space after them.
/// `ascii`: `text` is known to be printable ASCII (which has no whitespace but spaces).
fn is_plain_line(text: &str, ascii: bool) -> bool {
    let body = text.trim_start_matches(' ');
    !body.is_empty()
        && !text.starts_with("    ")
        && !body.starts_with("```")
        && !body.starts_with("~~~")
        && !body.ends_with(' ')
        && !body.contains("  ")
        && (ascii || !body.chars().any(|c| c.is_whitespace() && c != ' '))
}

/// A line of code four columns in (after its indent, already in `out`), as it was
/// (tabs as four spaces).
fn code_line(out: &mut String, code: &str) {
    out.push_str("    ");
    let start = out.len();
    if code.contains('\t') {
        out.push_str(&code.replace('\t', "    "));
    } else {
        out.push_str(code);
    }
    let kept = out[start..].trim_end().len();
    out.truncate(start + kept);
}

/// One line of prose folded into `lines`; `words` is room for its words.
fn fold<'t>(line: &'t str, width: usize, lines: &mut Lines<'_>, words: &mut Vec<Cow<'t, str>>) {
    let lead = &line[..line.len() - line.trim_start_matches(' ').len()];
    let body = &line[lead.len()..];
    if body.trim().is_empty() {
        lines.blank();
        return;
    }
    let list = list_marker(body);
    // The width of the line being written, kept as it grows (a space between words
    // joins no characters, so widths add up); measured with the indent, on the first
    // line too.
    let first_width = display_width(lines.indent) + display_width(lead);
    let hanging_width = first_width + list;
    lines.begin_indented().push_str(lead);
    let mut current_width = first_width;
    let mut empty = true;
    split_words(body, words);
    for word in words.drain(..) {
        let word_width = display_width(&word);
        if !empty && current_width + 1 + word_width > width {
            let out = lines.begin_indented();
            out.push_str(lead);
            for _ in 0..list {
                out.push(' ');
            }
            current_width = hanging_width;
            empty = true;
        }
        if !empty {
            lines.out.push(' ');
            current_width += 1;
        }
        lines.out.push_str(&word);
        current_width += word_width;
        empty = false;
    }
}

/// The width of a list marker that starts `text` (`- `, `* `, `+ `, `12. `, `3) `), or 0.
fn list_marker(text: &str) -> usize {
    if ["- ", "* ", "+ ", "• "].iter().any(|m| text.starts_with(m)) {
        return 2;
    }
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    let rest = &text[digits..];
    if (1..=3).contains(&digits) && (rest.starts_with(". ") || rest.starts_with(") ")) {
        digits + 2
    } else {
        0
    }
}

/// The words of a line of prose. A date with the time after it is one word, so is a
/// count with the words on either side of it (`12 interview`, `PID 1 inside`), and so
/// is a short code span in backticks (`` `recall stats --full` ``), so none of them is
/// split. They go into `out` (emptied first), each a slice of `text` where it can be
/// (words joined that were one space apart in `text` are that slice).
fn split_words<'t>(text: &'t str, out: &mut Vec<Cow<'t, str>>) {
    out.clear();
    let mut in_span = false;
    // Where the last word ends in `text`, while it is a slice of it.
    let mut last_end = 0;
    for word in text.split_whitespace() {
        let glue = match out.last() {
            Some(last) if is_date(last) && is_time(word) => true,
            Some(last) if last.rsplit(' ').next().is_some_and(is_count) => true,
            Some(last) if is_count(word) && !last.ends_with([',', '.', ';', ':']) => true,
            Some(last) => in_span && display_width(last) + 1 + display_width(word) <= CODE_SPAN,
            None => false,
        };
        let ticks = word.matches('`').count();
        // `word` is a slice of `text`: where it starts there.
        let start = word.as_ptr() as usize - text.as_ptr() as usize;
        match out.last_mut() {
            Some(Cow::Borrowed(last)) if glue && &text[last_end..start] == " " => {
                let begin = last.as_ptr() as usize - text.as_ptr() as usize;
                *last = &text[begin..start + word.len()];
            }
            Some(last) if glue => {
                let last = last.to_mut();
                last.push(' ');
                last.push_str(word);
            }
            _ => out.push(Cow::Borrowed(word)),
        }
        last_end = start + word.len();
        if ticks % 2 == 1 {
            in_span = !in_span;
        }
    }
}

/// A small whole number on its own: `4`, `12`, `(3`.
fn is_count(word: &str) -> bool {
    let digits = word.trim_start_matches(['(', '[']);
    (1..=4).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit())
}

/// `2026-03-10`, possibly after an opening bracket.
fn is_date(word: &str) -> bool {
    let word = word.trim_start_matches(['(', '[']);
    let bytes = word.as_bytes();
    bytes.len() == 10
        && bytes.iter().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                *b == b'-'
            } else {
                b.is_ascii_digit()
            }
        })
}

/// `12:00`, `09:30:15`, possibly with trailing punctuation.
fn is_time(word: &str) -> bool {
    let word = word.trim_end_matches(|c: char| !c.is_ascii_digit());
    let parts: Vec<&str> = word.split(':').collect();
    (2..=3).contains(&parts.len())
        && parts
            .iter()
            .all(|p| p.len() == 2 && p.bytes().all(|b| b.is_ascii_digit()))
}

/// `text` on one line (every run of whitespace, newlines included, one space) in at most
/// `width` columns: whole when it fits, else cut at the last space that keeps at least
/// two thirds of it (else mid-word, as a last resort) and ended with `…`. For a preview
/// of text whose whole is shown elsewhere (an answer in a history, a choice in a menu).
pub fn truncate(text: &str, width: usize) -> String {
    let mut line = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if display_width(&line) <= width {
        return line;
    }
    let room = width.saturating_sub(1);
    let mut end = 0;
    let mut used = 0;
    for (i, c) in line.char_indices() {
        let w = c.width().unwrap_or(0);
        if used + w > room {
            break;
        }
        used += w;
        end = i + c.len_utf8();
    }
    let cut = &line[..end];
    let cut = match cut.rfind(' ') {
        Some(space) if space * 3 >= end * 2 => &cut[..space],
        _ => cut,
    };
    format!("{}…", cut.trim_end_matches([' ', ',', ';', ':', '.']))
}

/// How many terminal columns `text` takes: wide characters count two, escape codes
/// nothing.
pub fn display_width(text: &str) -> usize {
    // Printable ASCII (most text) is a column a byte.
    if text.bytes().all(|b| (0x20..0x7f).contains(&b)) {
        return text.len();
    }
    if text.contains('\x1b') {
        anstream::adapter::strip_str(text).to_string().width()
    } else {
        text.width()
    }
}

/// The width to fold a command's report to (`recall check`, `test`, `grade`): the
/// terminal's ([`terminal_width`]) when stdout is one, else `usize::MAX`, one line each,
/// as a file or a pipe wants them (a line stays whole for `grep`).
pub fn report_width() -> usize {
    use std::io::IsTerminal;
    if std::io::stdout().is_terminal() {
        terminal_width()
    } else {
        usize::MAX
    }
}

/// The width to lay text out for, measured now (call it for each screen, so a resized
/// window gets the new width): the terminal's width when stdout or stderr is one, else
/// `COLUMNS` when set, else 80; at least 20, at most 100 (longer lines read badly).
pub fn terminal_width() -> usize {
    let terminal = [console::Term::stdout(), console::Term::stderr()]
        .into_iter()
        .find(console::Term::is_term)
        .map(|term| usize::from(term.size().1));
    let columns = || {
        std::env::var("COLUMNS")
            .ok()
            .and_then(|c| c.trim().parse::<usize>().ok())
    };
    terminal
        .filter(|&c| c > 0)
        .or_else(columns)
        .unwrap_or(80)
        .clamp(20, 100)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_are_neutralised() {
        assert_eq!(sanitize("a\x1b[2Jb"), "a^[[2Jb");
        assert_eq!(sanitize("x\u{9b}31m"), "x<U+009B>31m");
        assert_eq!(sanitize("bell\x07\r\nok\t"), "bell^G\nok\t");
        assert_eq!(sanitize("nul\0"), "nul^@");
        assert_eq!(sanitize("del\x7f rtl\u{202e}"), "del^? rtl<U+202E>");
    }

    #[test]
    fn json_escapes_c1_and_bidi_controls_and_means_the_same() {
        let value = serde_json::json!({ "text": "a\u{9b}31m b\u{202e}c \u{2067}d é" });
        let json = terminal_safe_json(&value).unwrap();
        assert!(json.contains(r"a\u009b31m b\u202ec \u2067d é"), "{json}");
        assert!(!json.chars().any(is_escaped_control), "{json}");
        let back: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(back, value);
        let line = terminal_safe_json_line(&value).unwrap();
        assert!(
            !line.contains('\n') && !line.chars().any(is_escaped_control),
            "{line}"
        );
        assert_eq!(
            serde_json::from_str::<serde_json::Value>(&line).unwrap(),
            value
        );
    }

    #[test]
    fn wraps_at_the_width() {
        let wrapped = wrap("one two three four five six", 12, "  ");
        assert_eq!(wrapped, "  one two\n  three four\n  five six");
        assert_eq!(wrap("a\n\nb", 20, ""), "a\n\nb");
    }

    #[test]
    fn a_list_line_folds_under_itself_keeping_its_columns() {
        let line =
            "  + never disk (weight 1.19)     matched \"never disk\" (negated, as in the model)";
        assert_eq!(
            wrap_line_hanging(line, 60),
            "  + never disk (weight 1.19)     matched \"never disk\"\n    (negated, as in the model)"
        );
        // A line that fits is left alone; a code span stays whole; a word wider than the
        // line stands alone.
        assert_eq!(wrap_line_hanging("  - a   b", 9), "  - a   b");
        assert_eq!(
            wrap_line_hanging("why: missing `volume + linger`; score 0%", 24),
            "why: missing\n  `volume + linger`;\n  score 0%"
        );
        assert_eq!(
            wrap_line_hanging("x https://example.com/a/very/long/path y", 12),
            "x\n  https://example.com/a/very/long/path\n  y"
        );
        // Escape codes take no columns.
        let styled = "\x1b[32m+ aa\x1b[0m bb cc";
        assert_eq!(wrap_line_hanging(styled, 8), "\x1b[32m+ aa\x1b[0m bb\n  cc");
    }

    #[test]
    fn never_breaks_inside_a_word_an_id_or_a_date() {
        let text = "see mod-docker-04/named-volume-definition, due 2026-03-10 12:00 today";
        let wrapped = wrap(text, 20, "");
        assert_eq!(
            wrapped,
            "see\nmod-docker-04/named-volume-definition,\ndue 2026-03-10 12:00\ntoday"
        );
        for word in text.split(' ') {
            assert!(wrapped.contains(word), "{word} broken in {wrapped:?}");
        }
        assert_eq!(wrap("one two 4 scenario", 15, ""), "one\ntwo 4 scenario");
        assert_eq!(
            wrap("the kernel gives it PID 1 inside", 22, ""),
            "the kernel gives it\nPID 1 inside"
        );
        assert_eq!(wrap("in 3 days, 4 more", 12, ""), "in 3 days,\n4 more");
        assert_eq!(
            wrap("then run `recall stats --full` to see more", 20, ""),
            "then run\n`recall stats --full`\nto see more"
        );
    }

    #[test]
    fn fenced_code_is_indented_and_never_folded() {
        let prompt = "In this file:\n\n```yaml\nservices:\n  api:\n    image: acme/api:1.4 with a long tail\n```\n\nWhat host?";
        assert_eq!(
            wrap(prompt, 20, "  "),
            "  In this file:\n\n      services:\n        api:\n          image: acme/api:1.4 with a long tail\n\n  What host?"
        );
        // An unclosed fence runs to the end; a longer fence needs as long a close.
        assert_eq!(wrap("````\na\n```\n````\nb", 40, ""), "    a\n    ```\nb");
        assert_eq!(wrap("~~~\n\tx", 40, ""), "        x");
    }

    #[test]
    fn a_line_that_fits_is_itself_and_any_other_is_laid_out() {
        // Measured with the hang, as the first line of a fold is.
        assert_eq!(
            wrap_hanging("  one two three", 19, "    "),
            "  one two three"
        );
        assert_eq!(
            wrap_hanging("  one two three", 18, "    "),
            "  one two\n      three"
        );
        // Runs of spaces, a tab, a trailing space, code and fences are not plain.
        assert_eq!(wrap_hanging("one  two\tthree ", 40, ""), "one two three");
        assert_eq!(wrap_hanging("    code  here", 40, ""), "    code  here");
        assert_eq!(wrap_hanging("```", 40, ""), "");
        assert_eq!(wrap_hanging("a\u{a0}b", 40, ""), "a b");
    }

    #[test]
    fn list_items_fold_under_their_text() {
        assert_eq!(
            wrap("- one two three\n12. four five six", 12, ""),
            "- one two\n  three\n12. four\n    five six"
        );
        assert_eq!(wrap("  lead in here", 10, ""), "  lead in\n  here");
    }

    #[test]
    fn truncation_keeps_whole_words_and_marks_the_cut() {
        assert_eq!(truncate("short\nanswer", 20), "short answer");
        assert_eq!(
            truncate("containers share the host kernel", 20),
            "containers share…"
        );
        assert_eq!(truncate("abcdefghijklmnopqrstuvwxyz", 10), "abcdefghi…");
        assert_eq!(truncate("日本語の答え", 7), "日本語…");
        assert_eq!(truncate("", 5), "");
    }

    #[test]
    fn escape_codes_and_wide_characters_are_measured_as_shown() {
        assert_eq!(display_width("\x1b[32mok\x1b[0m"), 2);
        assert_eq!(display_width("日本"), 4);
        let styled = format!("\x1b[1m{}\x1b[0m", "aaaa bbbb");
        assert_eq!(wrap(&styled, 10, ""), styled);
    }
}
