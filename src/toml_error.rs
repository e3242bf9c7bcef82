//! toml's errors in an author's terms: what is wrong in the file's own words, where,
//! and how to fix it.
//!
//! toml reports what its parser and serde saw (``unknown field `titel`, expected one of
//! ...``, `invalid type: string "yes", expected a boolean`). [`translate`] looks the
//! first line of such a message up in [`RULES`], a table of how toml's message starts,
//! what the author reads instead and the hint, and points at the key itself where toml
//! points at its table. What differs between kinds of file (their table headers, where
//! their keys are documented) comes from a [`Format`]. The bank loader and the config
//! file both translate with it; it knows nothing of either, and does not read files.

use crate::lang::suggest;
use std::ops::Range;

/// What the hints need to know about one kind of TOML file.
#[derive(Debug)]
pub struct Format {
    /// The hint for a value of the wrong type that no more precise hint fits: where
    /// the keys and their types are documented.
    pub types: &'static str,
    /// The hint for an unclosed table: the table headers the file has.
    pub headers: &'static str,
    /// The hint for nesting deeper than toml allows: how deep the file needs to go.
    pub nesting: &'static str,
    /// The hint for a key (or table) defined twice.
    pub duplicate: &'static str,
    /// The hint for a table header where an array of tables belongs (`[question]` for
    /// `[[question]]`), when the file has arrays of tables.
    pub array_of_tables: Option<&'static str>,
}

/// A toml error as the author reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Translation {
    /// What is wrong, in the author's words.
    pub message: String,
    /// How to fix it.
    pub hint: String,
    /// The bytes of the source it is about (`0..0` when toml gives no position).
    pub span: Range<usize>,
}

/// How deep toml nests tables, arrays and dotted keys before it gives up (its own limit,
/// which keeps a hostile file from overflowing the stack).
pub const MAX_NESTING: usize = 80;

/// `err`, raised reading `source` (a file of `format`), in the author's terms.
pub fn translate(source: &str, err: &toml::de::Error, format: &Format) -> Translation {
    let line = err.message().trim().lines().next().unwrap_or("");
    let span = err.span().unwrap_or(0..0);
    let Some((rule, rest)) = RULES
        .iter()
        .find_map(|rule| Some((rule, line.strip_prefix(rule.prefix)?)))
    else {
        return Translation {
            message: line.to_owned(),
            hint: "this is not valid TOML; see https://toml.io for the syntax".to_owned(),
            span,
        };
    };
    let error = Error {
        rest,
        source,
        span,
        positioned: err.span().is_some(),
    };
    let message = match rule.message {
        Message::Toml => line.to_owned(),
        Message::Detail(message) => message(&error),
    };
    let hint = match rule.hint {
        Hint::Fixed(hint) => hint.to_owned(),
        Hint::Format(hint) => hint(format).to_owned(),
        Hint::Detail(hint) => hint(&error, format),
    };
    let span = error.locate(&rule.at);
    Translation {
        message,
        hint,
        span,
    }
}

/// One row of the table: an error toml reports, and what the author reads instead.
struct Rule {
    /// How the first line of toml's message starts.
    prefix: &'static str,
    message: Message,
    hint: Hint,
    at: At,
}

/// Where the author is pointed.
enum At {
    /// Where toml says.
    Toml,
    /// At the unknown key itself: in an inline table serde points at the `{`.
    Key,
    /// At the key nested too deep, which toml gives no position for.
    DeepKey,
}

enum Message {
    /// toml's own first line, which says what is wrong well enough.
    Toml,
    /// Worked out from the details toml's line gives (the key's name, the types).
    Detail(fn(&Error) -> String),
}

enum Hint {
    Fixed(&'static str),
    /// In the words of the kind of file.
    Format(fn(&Format) -> &'static str),
    Detail(fn(&Error, &Format) -> String),
}

/// A toml error being translated.
struct Error<'a> {
    /// What follows the rule's prefix in the first line of toml's message.
    rest: &'a str,
    source: &'a str,
    span: Range<usize>,
    /// Whether toml said where the error is (`span` is `0..0` when not).
    positioned: bool,
}

const ARRAY: &str = "separate the elements with `,` and close the array with `]`";

/// The translations, tried in order; the first whose prefix starts toml's line applies.
const RULES: &[Rule] = &[
    Rule {
        prefix: "unknown field `",
        message: Message::Detail(|e| format!("unknown key `{}`", e.quoted())),
        hint: Hint::Detail(unknown_key_hint),
        at: At::Key,
    },
    Rule {
        prefix: "missing field `",
        message: Message::Detail(|e| format!("missing key `{}`", e.quoted())),
        hint: Hint::Detail(|e, _| format!("add `{} = \"...\"`", e.quoted())),
        at: At::Toml,
    },
    Rule {
        prefix: "invalid type: ",
        message: Message::Detail(|e| match e.out_of_range() {
            Some(number) => format!("the number {number} is out of range"),
            None => {
                let (found, expected) = e.types();
                format!("wrong type: found {found}, expected {expected}")
            }
        }),
        hint: Hint::Detail(wrong_type_hint),
        at: At::Toml,
    },
    Rule {
        prefix: "duplicate key",
        message: Message::Detail(|e| {
            format!("`{}` is defined twice", key_at(e.source, e.span.start))
        }),
        hint: Hint::Format(|f| f.duplicate),
        at: At::Toml,
    },
    Rule {
        prefix: "invalid multi-line basic string",
        message: Message::Toml,
        hint: Hint::Fixed("close the text with \"\"\""),
        at: At::Toml,
    },
    Rule {
        prefix: "invalid basic string",
        message: Message::Toml,
        hint: Hint::Fixed(
            "close the string with `\"` on the same line; text over several lines goes in \"\"\"triple quotes\"\"\"",
        ),
        at: At::Toml,
    },
    Rule {
        prefix: "recursion limit",
        message: Message::Detail(|_| format!("nested more than {MAX_NESTING} levels deep")),
        hint: Hint::Format(|f| f.nesting),
        at: At::DeepKey,
    },
    Rule {
        prefix: "cannot recurse further",
        message: Message::Detail(|_| format!("nested more than {MAX_NESTING} levels deep")),
        hint: Hint::Format(|f| f.nesting),
        at: At::DeepKey,
    },
    Rule {
        prefix: "key with no value",
        message: Message::Toml,
        hint: Hint::Fixed("write key = value"),
        at: At::Toml,
    },
    Rule {
        prefix: "string values must be quoted",
        message: Message::Toml,
        hint: Hint::Fixed("put the text in quotes: key = \"...\""),
        at: At::Toml,
    },
    Rule {
        prefix: "unclosed array,",
        message: Message::Toml,
        hint: Hint::Fixed(ARRAY),
        at: At::Toml,
    },
    Rule {
        prefix: "missing comma",
        message: Message::Toml,
        hint: Hint::Fixed(ARRAY),
        at: At::Toml,
    },
    Rule {
        prefix: "unclosed table",
        message: Message::Toml,
        hint: Hint::Format(|f| f.headers),
        at: At::Toml,
    },
    Rule {
        prefix: "unclosed array table",
        message: Message::Toml,
        hint: Hint::Format(|f| f.headers),
        at: At::Toml,
    },
    Rule {
        prefix: "unclosed inline table",
        message: Message::Toml,
        hint: Hint::Format(|f| f.headers),
        at: At::Toml,
    },
    Rule {
        prefix: "unexpected key or value",
        message: Message::Toml,
        hint: Hint::Fixed("write one key = value per line; a comment starts with #"),
        at: At::Toml,
    },
];

impl Error<'_> {
    fn locate(&self, at: &At) -> Range<usize> {
        match at {
            At::Key => {
                let key = self.quoted();
                key_in(self.source, self.span.clone(), key).map(|at| at..at + key.len())
            }
            // toml gives no position for a key with too many dots; find it.
            At::DeepKey if !self.positioned => {
                Some(deep_key(self.source).map_or(0..0, |at| at..at))
            }
            At::DeepKey | At::Toml => None,
        }
        .unwrap_or(self.span.clone())
    }

    /// The name in backquotes that `rest` starts with (``titel` `` of ``unknown field
    /// `titel`, expected ...``).
    fn quoted(&self) -> &str {
        self.rest.split('`').next().unwrap_or("")
    }

    /// The number, when toml's "wrong type" is a whole number too large for 64 bits
    /// (``integer `99999999999999999999` as i128, expected i64``).
    fn out_of_range(&self) -> Option<&str> {
        let (found, _) = self.rest.split_once(", expected ")?;
        found.strip_prefix("integer ")?.strip_suffix(" as i128")
    }

    /// What toml found and expected of a value of the wrong type, in an author's words.
    fn types(&self) -> (&str, &str) {
        let (found, expected) = self
            .rest
            .split_once(", expected ")
            .unwrap_or((self.rest, "?"));
        let found = match found {
            "map" => "a table",
            "sequence" => "an array",
            other => other,
        };
        let expected = match expected {
            "f64" => "a number",
            "a sequence" => "an array [..]",
            "a boolean" => "true or false",
            other => other,
        };
        (found, expected)
    }
}

fn unknown_key_hint(error: &Error, _: &Format) -> String {
    let expected: Vec<&str> = error.rest.split('`').skip(2).step_by(2).collect();
    match suggest(error.quoted(), expected.iter().copied()) {
        Some(s) => format!("did you mean `{s}`?"),
        None => format!("the keys allowed here are: {}", expected.join(", ")),
    }
}

fn wrong_type_hint(error: &Error, format: &Format) -> String {
    if error.out_of_range().is_some() {
        return format!(
            "a whole number in TOML is at most {} (and at least {}); {}",
            i64::MAX,
            i64::MIN,
            format.types
        );
    }
    let (found, expected) = error.types();
    let header = error
        .source
        .get(error.span.clone())
        .unwrap_or("")
        .trim_start();
    let quoted = found.starts_with("string");
    let hint = match format.array_of_tables {
        Some(hint)
            if found == "a table"
                && expected.starts_with("an array")
                && header.starts_with('[') =>
        {
            hint
        }
        _ if expected.starts_with("an array") => {
            "write a list in brackets, e.g. [\"docker\", \"volumes\"]"
        }
        _ if quoted && (expected == "a number" || expected == "true or false") => {
            "write the value without quotes"
        }
        _ if expected == "a string" => "put the text in quotes: \"...\"",
        _ => format.types,
    };
    hint.to_owned()
}

/// The byte offset of the first key or table header with [`MAX_NESTING`] or more parts.
fn deep_key(source: &str) -> Option<usize> {
    let mut offset = 0;
    for line in source.split_inclusive('\n') {
        let text = line.trim_start();
        let key = match text.strip_prefix('[') {
            Some(header) => header.split(']').next().unwrap_or(""),
            None => text.split('=').next().unwrap_or(""),
        };
        if key.matches('.').count() + 1 >= MAX_NESTING {
            return Some(offset + line.len() - text.len());
        }
        offset += line.len();
    }
    None
}

/// The byte offset of `key` written as a key (followed by `=`) inside `span` of `source`.
fn key_in(source: &str, span: Range<usize>, key: &str) -> Option<usize> {
    let text = source.get(span.clone())?;
    text.match_indices(key)
        .find(|(i, _)| {
            let before = text[..*i].chars().next_back();
            let after = text[i + key.len()..].trim_start();
            before.is_none_or(|c| !(c.is_alphanumeric() || c == '_' || c == '-'))
                && after.starts_with('=')
        })
        .map(|(i, _)| span.start + i)
}

/// The bare or quoted key starting at byte `offset` of `source`.
fn key_at(source: &str, offset: usize) -> String {
    let rest = source.get(offset..).unwrap_or("");
    if let Some(quoted) = rest.strip_prefix('"') {
        return quoted.split('"').next().unwrap_or("").to_owned();
    }
    rest.chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const FORMAT: Format = Format {
        types: "types",
        headers: "headers",
        nesting: "nesting",
        duplicate: "duplicate",
        array_of_tables: Some("double brackets"),
    };

    // Only ever deserialised, to make serde raise its errors: the fields are not read.
    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct File {
        table: Option<Table>,
        list: Option<Vec<Table>>,
    }

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Table {
        name: String,
        on: Option<bool>,
    }

    fn translate_str(source: &str) -> Translation {
        match toml::from_str::<File>(source) {
            Ok(file) => panic!("{source:?} parsed: {file:?}"),
            Err(err) => translate(source, &err, &FORMAT),
        }
    }

    #[test]
    fn serde_errors_name_the_key() {
        let t = translate_str("[table]\nname = \"x\"\nnmae = \"y\"\n");
        assert_eq!(t.message, "unknown key `nmae`");
        assert_eq!(t.hint, "did you mean `name`?");
        let t = translate_str("table = { name = \"x\", zzz = 1 }\n");
        assert_eq!(t.hint, "the keys allowed here are: name, on");
        assert_eq!(t.span.start, "table = { name = \"x\", ".len(), "{t:?}");
        let t = translate_str("[table]\non = true\n");
        assert_eq!(t.message, "missing key `name`");
        assert_eq!(t.hint, "add `name = \"...\"`");
    }

    #[test]
    fn wrong_types_say_how_to_write_the_value() {
        let t = translate_str("[table]\nname = \"x\"\non = \"yes\"\n");
        assert_eq!(
            t.message,
            "wrong type: found string \"yes\", expected true or false"
        );
        assert_eq!(t.hint, "write the value without quotes");
        let t = translate_str("[list]\nname = \"x\"\n");
        assert_eq!(t.hint, "double brackets");
        let without = Format {
            array_of_tables: None,
            ..FORMAT
        };
        let source = "[list]\nname = \"x\"\n";
        let err = toml::from_str::<File>(source).unwrap_err();
        assert_eq!(
            translate(source, &err, &without).hint,
            "write a list in brackets, e.g. [\"docker\", \"volumes\"]"
        );
    }

    #[test]
    fn syntax_errors_keep_tomls_words_with_a_fix() {
        let t = translate_str("[table]\nname = \"x\"\nname = \"y\"\n");
        assert_eq!(
            (t.message.as_str(), t.hint.as_str()),
            ("`name` is defined twice", "duplicate")
        );
        let t = translate_str("[table\n");
        assert_eq!(t.hint, "headers");
        let t = translate_str("name = \"open\n");
        assert!(t.message.starts_with("invalid basic string"), "{t:?}");
        let t = translate_str("= 1\n");
        assert_eq!(
            t.hint, "this is not valid TOML; see https://toml.io for the syntax",
            "{t:?}"
        );
    }

    #[test]
    fn nesting_too_deep_points_at_the_key() {
        let source = format!("[table]\nname = \"x\"\n{} = 1\n", vec!["a"; 100].join("."));
        let t = translate_str(&source);
        assert_eq!(
            t.message,
            format!("nested more than {MAX_NESTING} levels deep")
        );
        assert_eq!(t.hint, "nesting");
        assert_eq!(t.span.start, "[table]\nname = \"x\"\n".len(), "{t:?}");
    }
}
