//! A lesson as a flat list of blocks: headings, list items and paragraphs.
//!
//! Two readers produce the same blocks: one for markdown (`#` headings, `-`/`1.` lists,
//! `<details>`/`<summary>`, fenced code skipped, inline markup stripped) and one for the
//! plain-text export of a lesson, in which headings lost their `#` markers, list items
//! that contain inline code were broken before the code and glued to the next item, and
//! the spaces around inline code were lost. The text reader recognises headings by name,
//! rejoins and re-splits the items, and remembers which lines came through intact so
//! `repair` can learn the lesson's vocabulary from them. Nothing here knows what a
//! question is; `import` gives the blocks their meaning.

/// One block of a lesson.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    Heading(String),
    Item(String),
    Paragraph(String),
}

/// A lesson read into blocks.
#[derive(Debug, Clone, Default)]
pub struct Blocks {
    pub title: Option<String>,
    pub blocks: Vec<Block>,
    /// Whether the text came from the heading-less export (its items need `repair`).
    pub damaged: bool,
    /// Text that came through the export intact: the vocabulary for `repair`.
    pub intact: Vec<String>,
    /// Every line of the export, damaged ones included (a weaker vocabulary).
    pub lines: Vec<String>,
}

/// Headings of the canonical lesson structure, recognised by name in the text export.
pub const KNOWN_HEADINGS: &[&str] = &[
    "Lesson Metadata",
    "Lesson Overview",
    "Learning Objectives",
    "Prerequisites",
    "Why This Exists",
    "Core Concepts",
    "Architecture",
    "Real-World Example",
    "Hands-on Demonstration",
    "Hands-on Lab",
    "Step-by-step Instructions",
    "Verification",
    "Troubleshooting",
    "Cleanup",
    "Production Notes",
    "Common Mistakes",
    "Failure-Driven Learning",
    "Simulated Failure",
    "Diagnosis & Recovery",
    "Engineering Decisions",
    "Best Practices",
    "Troubleshooting Guide",
    "Summary",
    "Cheat Sheet",
    "Knowledge Check",
    "Multiple Choice Questions",
    "Scenario Questions",
    "Short Answer Questions",
    "Interview Preparation",
    "Beginner Questions",
    "Intermediate Questions",
    "Advanced Questions",
    "Scenario-Based Discussions",
    "View Answers",
    "Answers",
    "Beginner",
    "Intermediate",
    "Advanced",
    "Multiple Choice",
    "Scenario",
    "Short Answer",
];

/// Headings that the export glued to the end of the line before them (after a code block).
const GLUED_HEADINGS: &[&str] = &["Knowledge Check", "Interview Preparation", "View Answers"];

/// Whether `text` looks like markdown: it opens with a `#` title, or has `##`/`###`
/// headings or a `<details>` block (a lone `# comment` inside a code block does not count).
pub fn is_markdown(text: &str) -> bool {
    let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    first.starts_with("# ")
        || text.lines().any(|line| {
            line.starts_with("## ")
                || line.starts_with("### ")
                || line.trim_start().starts_with("<details")
        })
}

pub fn read(text: &str) -> Blocks {
    if is_markdown(text) {
        read_markdown(text)
    } else {
        read_text(text)
    }
}

/// The marker of a list item (`- `, `* `, `+ `, `1. `, `1) `) and the text after it.
fn list_item(line: &str) -> Option<&str> {
    let line = line.trim_start();
    for marker in ["- ", "* ", "+ "] {
        if let Some(rest) = line.strip_prefix(marker) {
            return Some(rest);
        }
    }
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 && digits < 4 {
        let rest = &line[digits..];
        for marker in [". ", ") "] {
            if let Some(rest) = rest.strip_prefix(marker) {
                return Some(rest);
            }
        }
    }
    None
}

fn read_markdown(text: &str) -> Blocks {
    let mut out = Blocks::default();
    let mut open: Option<Block> = None;
    let mut fence: Option<&str> = None;
    let flush = |open: &mut Option<Block>, out: &mut Blocks| {
        if let Some(block) = open.take() {
            out.blocks.push(block);
        }
    };
    for line in text.lines() {
        let trimmed = line.trim();
        if let Some(marker) = fence {
            if trimmed.starts_with(marker) {
                fence = None;
            }
            continue;
        }
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            flush(&mut open, &mut out);
            fence = Some(&trimmed[..3]);
            continue;
        }
        if trimmed.is_empty() {
            flush(&mut open, &mut out);
            continue;
        }
        if trimmed.starts_with('#') && trimmed.trim_start_matches('#').starts_with(' ') {
            flush(&mut open, &mut out);
            let title = inline(trimmed.trim_start_matches('#').trim_end_matches('#'));
            if out.title.is_none() {
                out.title = Some(title);
            } else {
                out.blocks.push(Block::Heading(title));
            }
            continue;
        }
        if let Some(summary) = trimmed
            .strip_prefix("<summary>")
            .and_then(|s| s.strip_suffix("</summary>"))
        {
            flush(&mut open, &mut out);
            out.blocks
                .push(Block::Heading(inline(&strip_tags(summary))));
            continue;
        }
        if trimmed.starts_with('<') && trimmed.ends_with('>') {
            // <details>, </details> and other lone tags carry no text.
            flush(&mut open, &mut out);
            continue;
        }
        if let Some(rest) = list_item(line) {
            flush(&mut open, &mut out);
            open = Some(Block::Item(inline(rest)));
            continue;
        }
        match &mut open {
            Some(Block::Item(text) | Block::Paragraph(text)) => {
                text.push(' ');
                text.push_str(&inline(trimmed));
            }
            _ => open = Some(Block::Paragraph(inline(trimmed))),
        }
    }
    flush(&mut open, &mut out);
    out
}

/// Inline markdown to plain text: code spans, emphasis and links keep only their text.
pub fn inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let chars: Vec<char> = text.trim().chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '`' => {}
            '*' | '_' if is_emphasis(&chars, i) => {}
            '[' => {
                // [text](url) becomes text; [label] without a url stays as written.
                if let Some(close) = chars[i..].iter().position(|&c| c == ']').map(|p| p + i)
                    && chars.get(close + 1) == Some(&'(')
                    && let Some(end) = chars[close..].iter().position(|&c| c == ')')
                {
                    out.extend(&chars[i + 1..close]);
                    i = close + end + 1;
                    continue;
                }
                out.push(c);
            }
            _ => out.push(c),
        }
        i += 1;
    }
    out.trim().to_owned()
}

/// `*`/`_` used as emphasis (`**bold**`, `_em_`) rather than inside a word or an expression.
fn is_emphasis(chars: &[char], i: usize) -> bool {
    let before = i.checked_sub(1).map(|j| chars[j]);
    let after = chars.get(i + 1).copied();
    let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric());
    let marker = |c: Option<char>| c == Some(chars[i]);
    // Opening: start or space before, text after; closing: text before, end or space after.
    (!word(before) && (word(after) || marker(after)))
        || (word(before) && !word(after))
        || (marker(before) && !word(after))
}

fn strip_tags(text: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in text.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

fn known_heading(line: &str) -> Option<&'static str> {
    let line = line.trim().trim_end_matches(':');
    KNOWN_HEADINGS
        .iter()
        .copied()
        .find(|h| h.eq_ignore_ascii_case(line))
}

/// Ends a sentence, so a following non-item line is a paragraph, not a continuation.
fn ends_sentence(text: &str) -> bool {
    text.trim_end().ends_with(['.', '?', '!', '"', '”'])
}

fn read_text(text: &str) -> Blocks {
    let mut out = Blocks {
        damaged: true,
        ..Blocks::default()
    };
    // An item and whether its last line came to an end (else the next line continues it).
    let mut item: Option<String> = None;
    let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
    out.title = lines.next().map(str::to_owned);
    let flush = |item: &mut Option<String>, out: &mut Blocks| {
        if let Some(text) = item.take() {
            for piece in split_glued_items(&text) {
                out.blocks.push(Block::Item(piece));
            }
        }
    };
    for line in lines {
        out.lines.push(line.to_owned());
        let (line, glued) = match GLUED_HEADINGS
            .iter()
            .find(|h| line.len() > h.len() && line.ends_with(*h))
        {
            Some(h) => (&line[..line.len() - h.len()], Some(*h)),
            None => (line, None),
        };
        if let Some(heading) = known_heading(line) {
            flush(&mut item, &mut out);
            out.blocks.push(Block::Heading(heading.to_owned()));
        } else if let Some(rest) = line.strip_prefix("- ") {
            flush(&mut item, &mut out);
            out.intact.push(rest.to_owned());
            item = Some(rest.to_owned());
        } else if let Some(open) = item.as_mut().filter(|t| !ends_sentence(t)) {
            // The export broke the item before an inline code span; a break after an
            // opening bracket had no space in the lesson.
            if !open.ends_with(['(', '[', '{']) {
                open.push(' ');
            }
            open.push_str(line);
        } else {
            flush(&mut item, &mut out);
            out.intact.push(line.to_owned());
            out.blocks.push(Block::Paragraph(line.to_owned()));
        }
        if let Some(heading) = glued {
            flush(&mut item, &mut out);
            out.blocks.push(Block::Heading(heading.to_owned()));
        }
    }
    flush(&mut item, &mut out);
    out
}

/// Splits an exported item that swallowed the items after it: ` - Next item`, or
/// `question?- A) choice` where a nested list of lettered choices began.
pub fn split_glued_items(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut pieces = Vec::new();
    let mut start = 0;
    let mut i = 1;
    while i + 1 < chars.len() {
        let dash = chars[i] == '-' && chars[i + 1] == ' ';
        let spaced = dash && chars[i - 1] == ' ';
        let lettered = dash
            && matches!(chars[i - 1], '?' | '.' | ':' | '!')
            && chars.get(i + 2).is_some_and(char::is_ascii_uppercase)
            && chars.get(i + 3) == Some(&')');
        if spaced || lettered {
            let piece: String = chars[start..i].iter().collect();
            if !piece.trim().is_empty() {
                pieces.push(piece.trim().to_owned());
            }
            start = i + 2;
            i += 2;
            continue;
        }
        i += 1;
    }
    let last: String = chars[start..].iter().collect();
    if !last.trim().is_empty() {
        pieces.push(last.trim().to_owned());
    }
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glued_items_split() {
        assert_eq!(
            split_glued_items("Why did this happen?- A) Nginx crashed."),
            ["Why did this happen?", "A) Nginx crashed."]
        );
        assert_eq!(
            split_glued_items("the daemon. - D) Docker requires it"),
            ["the daemon.", "D) Docker requires it"]
        );
        assert_eq!(split_glued_items("read-only - ok"), ["read-only", "ok"]);
        assert_eq!(split_glued_items("a-b c"), ["a-b c"]);
    }

    #[test]
    fn inline_markup_is_stripped() {
        assert_eq!(inline("the `--mount` **flag**"), "the --mount flag");
        assert_eq!(inline("see [docs](http://x) now"), "see docs now");
        assert_eq!(
            inline("[Docker named volume]: A"),
            "[Docker named volume]: A"
        );
        assert_eq!(inline("snake_case and 2*3"), "snake_case and 2*3");
    }

    #[test]
    fn markdown_blocks() {
        let md = "# Title\n\n## Knowledge Check\n\n- one\n  continued\n- two\n\n<details>\n<summary>View Answers</summary>\n\ntext\n</details>\n";
        let blocks = read(md);
        assert_eq!(blocks.title.as_deref(), Some("Title"));
        assert_eq!(
            blocks.blocks,
            [
                Block::Heading("Knowledge Check".into()),
                Block::Item("one continued".into()),
                Block::Item("two".into()),
                Block::Heading("View Answers".into()),
                Block::Paragraph("text".into()),
            ]
        );
    }
}
