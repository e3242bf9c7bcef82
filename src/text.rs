//! Text from banks and answers made safe and tidy for a terminal.
//!
//! A bank is untrusted input: it must not be able to move the cursor, change colours or
//! set the window title of the person reading it. `sanitize` neutralises control
//! characters and escape sequences, `terminal_safe_json` escapes them in JSON, and
//! [`is_escaped_control`] says which a format that can escape characters must escape;
//! `wrap` folds prose to a width.

use unicode_width::UnicodeWidthStr;

/// `text` with every control character except newline and tab replaced by a visible
/// stand-in (`ESC` becomes `^[`, U+009B becomes `<U+009B>`), so terminal escape sequences
/// print as inert text. Carriage returns are dropped.
pub fn sanitize(text: &str) -> String {
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
    let json = serde_json::to_string_pretty(value)?;
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        if is_escaped_control(c) {
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push(c);
        }
    }
    Ok(out)
}

/// Words of `text` folded into lines of at most `width` columns (a word longer than the
/// width stands on its own line). Existing line breaks are kept; each line of the
/// result is prefixed with `indent`.
pub fn wrap(text: &str, width: usize, indent: &str) -> String {
    let width = width.max(indent.width() + 10);
    let mut out = String::new();
    for (i, paragraph) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let mut line = String::from(indent);
        let mut empty = true;
        for word in paragraph.split_whitespace() {
            if !empty && line.width() + 1 + word.width() > width {
                out.push_str(&line);
                out.push('\n');
                line = String::from(indent);
                empty = true;
            }
            if !empty {
                line.push(' ');
            }
            line.push_str(word);
            empty = false;
        }
        if empty {
            out.push_str(indent.trim_end());
        } else {
            out.push_str(&line);
        }
    }
    out
}

/// The width to wrap to: `COLUMNS` when set, else the terminal's width when stdout is
/// one, else 80; at most 100, for readability.
pub fn terminal_width() -> usize {
    let columns = std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse::<usize>().ok());
    let terminal = || {
        let term = console::Term::stdout();
        term.is_term().then(|| usize::from(term.size().1))
    };
    columns
        .or_else(terminal)
        .filter(|&c| c >= 20)
        .unwrap_or(80)
        .min(100)
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
    }

    #[test]
    fn wraps_at_the_width() {
        let wrapped = wrap("one two three four five six", 12, "  ");
        assert_eq!(wrapped, "  one two\n  three four\n  five six");
        assert_eq!(wrap("a\n\nb", 20, ""), "a\n\nb");
    }
}
