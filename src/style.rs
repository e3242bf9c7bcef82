//! Colour for what recall prints for a person: the styles that mean something (right and
//! wrong, pass and fail, matched and missed concepts, tiers, ratings, headings), defined
//! once, and the one decision of whether a stream gets colour at all.
//!
//! Text is styled with `anstyle` escape codes wherever it is built, and written through
//! an `anstream` stream ([`stdout`], [`stderr`]) that passes them on or strips them, per
//! stream: colour only when that stream is a terminal that takes colour, never under
//! `NO_COLOR` (or `TERM=dumb`), always under `CLICOLOR_FORCE`, and as `--color` says when
//! it says `always` or `never` ([`init`]). So a styled string is correct either way, and
//! `recall due | less` gets plain text while its errors on the terminal get colour.
//!
//! Not here: what is printed (the verbs and `view`), and study sessions' plain mode,
//! which turns colour off with [`disable`] because its transcript is read by programs.
//! Output for programs (JSON, CSV, `recall export`) is written to the raw streams, never
//! styled. Bank text is sanitised before it is styled (`text::sanitize`), so a bank can
//! never write an escape code of its own.

use crate::bank::Tier;
use crate::schedule::Rating;
use anstyle::AnsiColor;
pub use anstyle::Style;
use std::fmt;
use std::io::IsTerminal;

/// `--color`: whether to colour output.
#[allow(
    missing_docs,
    reason = "a variant's doc comment would become its help in `--help`; `--color` explains them"
)]
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum ColorChoice {
    #[default]
    Auto,
    Always,
    Never,
}

/// Sets the choice for every stream of this process, clap's help and errors included.
/// `auto` leaves it to each stream (a terminal, `NO_COLOR`, `CLICOLOR_FORCE`).
pub fn init(choice: ColorChoice) {
    let choice = match choice {
        ColorChoice::Auto => anstream::ColorChoice::Auto,
        ColorChoice::Always => anstream::ColorChoice::Always,
        ColorChoice::Never => anstream::ColorChoice::Never,
    };
    choice.write_global();
}

/// No colour from here on, whatever `--color` said (plain study sessions).
pub fn disable() {
    anstream::ColorChoice::Never.write_global();
}

/// Stdout, locked, passing colour on or stripping it.
pub fn stdout() -> anstream::AutoStream<std::io::StdoutLock<'static>> {
    anstream::AutoStream::auto(std::io::stdout().lock())
}

/// Stderr, locked, passing colour on or stripping it.
pub fn stderr() -> anstream::AutoStream<std::io::StderrLock<'static>> {
    anstream::AutoStream::auto(std::io::stderr().lock())
}

/// Whether what is written to stdout gets colour (for code that writes through another
/// library and must choose styled or plain text itself).
pub fn on_stdout() -> bool {
    colours(&std::io::stdout())
}

/// Whether what is written to stderr gets colour (the terminal front end draws there).
pub fn on_stderr() -> bool {
    colours(&std::io::stderr())
}

fn colours<S: anstream::stream::RawStream + IsTerminal>(stream: &S) -> bool {
    anstream::AutoStream::choice(stream) != anstream::ColorChoice::Never
}

/// `text` without escape codes, for a stream that does not take colour.
pub fn strip(text: &str) -> String {
    anstream::adapter::strip_str(text).to_string()
}

/// Section headings: "Due at ...", "Mastery", "history:".
pub const HEADING: Style = Style::new().bold();
/// What is secondary: paths, times, counts in passing, legends.
pub const DIM: Style = Style::new().dimmed();
/// Question and bank ids.
pub const ID: Style = AnsiColor::Cyan.on_default();
/// A right answer, a ✓.
pub const RIGHT: Style = AnsiColor::Green.on_default();
/// A wrong answer, a ✗.
pub const WRONG: Style = AnsiColor::Red.on_default();
/// A verdict that passed: PASS, "Passed", "ready".
pub const PASS: Style = AnsiColor::Green.on_default().bold();
/// A verdict that failed: FAIL, "Not passed".
pub const FAIL: Style = AnsiColor::Red.on_default().bold();
/// A rubric concept the answer matched.
pub const MATCHED: Style = AnsiColor::Green.on_default();
/// A rubric concept the answer missed (or only negated).
pub const MISSED: Style = AnsiColor::Yellow.on_default();
/// The word "error" before an error.
pub const ERROR: Style = AnsiColor::Red.on_default().bold();
/// The word "warning" before a warning.
pub const WARNING: Style = AnsiColor::Yellow.on_default().bold();
/// The word "hint" before a hint.
pub const HINT: Style = AnsiColor::Cyan.on_default().bold();
/// Something to do now: a count due, a command to type.
pub const ACTION: Style = AnsiColor::Green.on_default().bold();
/// Bars and shades of charts.
pub const CHART: Style = AnsiColor::Green.on_default();

/// The colour of an interview tier's name, the same wherever it is shown.
pub fn tier(tier: Tier) -> Style {
    match tier {
        Tier::Beginner => AnsiColor::Green.on_default(),
        Tier::Intermediate => AnsiColor::Yellow.on_default(),
        Tier::Advanced => AnsiColor::Magenta.on_default(),
        Tier::Scenario => AnsiColor::Blue.on_default(),
    }
    .bold()
}

/// The colour of a rating, as Anki shows its buttons.
pub fn rating(rating: Rating) -> Style {
    match rating {
        Rating::Again => AnsiColor::Red.on_default(),
        Rating::Hard => AnsiColor::Yellow.on_default(),
        Rating::Good => AnsiColor::Green.on_default(),
        Rating::Easy => AnsiColor::Blue.on_default(),
    }
}

/// A grade's breakdown as `grade::explain` writes it (`PASS  score ...`, then one line
/// per concept marked `+` matched, `-` missing, `~` negated, `!` forbidden, and `why:`),
/// with the verdict and each concept line in its colour. A PASS or FAIL starting any
/// line is coloured; concept lines only after a verdict line (`FAIL  score`), so an
/// answer quoted above it keeps its own `- ` lines plain. Lines it does not know, and
/// the indentation of every line, are left as they are.
pub fn breakdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 64);
    let mut in_breakdown = false;
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let body = line.trim_start();
        let indent = &line[..line.len() - body.len()];
        let verdict = [("PASS", PASS), ("FAIL", FAIL)]
            .into_iter()
            .find_map(|(word, style)| Some((word, style, body.strip_prefix(word)?)));
        let styled = if let Some((word, style, rest)) = verdict {
            in_breakdown = rest.starts_with("  score");
            format!("{}{rest}", paint(style, word))
        } else if !in_breakdown {
            body.to_owned()
        } else if let Some(rest) = body.strip_prefix("why:") {
            format!("{}{rest}", paint(WRONG, "why:"))
        } else {
            let style = match body.get(..2) {
                Some("+ ") => MATCHED,
                Some("- " | "~ " | "? ") => MISSED,
                Some("! ") => WRONG,
                _ => Style::new(),
            };
            paint(style, body).to_string()
        };
        out.push_str(indent);
        out.push_str(&styled);
    }
    out
}

/// `value` in `style`. Width, fill and alignment (`{:<12}`) apply to the value, not the
/// escape codes, so styled columns line up.
pub fn paint<T: fmt::Display>(style: Style, value: T) -> Painted<T> {
    Painted { style, value }
}

/// A value and its style; see [`paint`].
#[derive(Debug, Clone, Copy)]
pub struct Painted<T> {
    style: Style,
    value: T,
}

impl<T: fmt::Display> fmt::Display for Painted<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.style.render())?;
        self.value.fmt(f)?;
        write!(f, "{}", self.style.render_reset())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn painted_values_pad_as_the_plain_value_would() {
        let painted = format!("[{:<6}]", paint(RIGHT, "ok"));
        assert_eq!(strip(&painted), "[ok    ]");
        assert!(painted.contains("\x1b[32m"), "{painted:?}");
        assert_eq!(strip(&format!("{:>4}", paint(HEADING, 7))), "   7");
    }

    #[test]
    fn a_breakdown_is_coloured_line_by_line_and_reads_the_same() {
        let text = "FAIL x: expected pass\n  answer: one\n  - two\n  FAIL  score 40% (pass mark 60%)\n  + volume  matched \"volume\"\n  - named   missing\n  why: a required concept is missing";
        let styled = breakdown(text);
        assert_eq!(strip(&styled), text);
        assert!(styled.contains(&paint(MATCHED, "+ volume  matched \"volume\"").to_string()));
        assert!(styled.contains(&paint(MISSED, "- named   missing").to_string()));
        assert!(styled.starts_with(&paint(FAIL, "FAIL").to_string()));
        assert!(
            styled.contains("\n  - two\n"),
            "an answer's own list stays plain"
        );
    }

    #[test]
    fn a_plain_style_adds_nothing() {
        assert_eq!(format!("{}", paint(Style::new(), "x")), "x");
    }
}
