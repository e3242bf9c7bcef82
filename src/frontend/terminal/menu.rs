//! Menus at the terminal: a list picked from with arrows, Enter or an item's own key
//! (tick boxes for several), and the session menu that Esc opens at a question or at
//! the rating prompt.

use super::Terminal;
use crate::schedule::Rating;
use crate::session::Mark;
use crate::session::input::Control;
use crate::style::{self, paint};
use crate::text::wrap;
use console::Key;
use std::io;
use unicode_width::UnicodeWidthStr;

/// What a menu ended with.
pub(super) enum Picked {
    /// These items (one for a single choice).
    Items(Vec<usize>),
    /// Esc.
    Escape,
    /// Input ended (Ctrl-D, a closed terminal).
    End,
}

/// A list to pick from with arrows, Enter, or an item's own key.
pub(super) struct Menu {
    /// Shown above the items, when there is something to say.
    pub(super) header: Option<String>,
    /// Each item's label and the keys that pick it (compared without case).
    items: Vec<(String, Vec<char>)>,
    /// Tick boxes, several may be picked (Space or an item's key ticks, Enter ends).
    multi: bool,
    /// Shown below the items.
    footer: String,
    cursor: usize,
    ticked: Vec<bool>,
}

impl Menu {
    pub(super) fn new(items: Vec<(String, Vec<char>)>, multi: bool, footer: String) -> Menu {
        let count = items.len();
        Menu {
            header: None,
            items,
            multi,
            footer,
            cursor: 0,
            ticked: vec![false; count],
        }
    }

    /// The menu as text, `chosen` marking the picked items when it is done (no cursor
    /// and no footer then).
    pub(super) fn render(&self, width: usize, chosen: Option<&[usize]>) -> String {
        let mut lines = Vec::new();
        if let Some(header) = &self.header {
            lines.push(paint(style::HEADING, wrap(header, width, "")).to_string());
        }
        for (i, (label, _)) in self.items.iter().enumerate() {
            let pointer = match chosen {
                Some(chosen) if chosen.contains(&i) => "> ",
                Some(_) => "  ",
                None if i == self.cursor => "> ",
                None => "  ",
            };
            let tick = match (self.multi, self.ticked[i]) {
                (false, _) => "",
                (true, true) => "[x] ",
                (true, false) => "[ ] ",
            };
            let prefix = format!("{pointer}{tick}");
            let hang = " ".repeat(prefix.width() + 3);
            let wrapped = wrap(label, width, &hang);
            lines.push(format!("{prefix}{}", wrapped.trim_start()));
        }
        if chosen.is_none() {
            lines.push(paint(style::DIM, wrap(&self.footer, width, "")).to_string());
        }
        lines.join("\n")
    }

    /// The item a key picks, if any.
    pub(super) fn item_for(&self, key: char) -> Option<usize> {
        let key = key.to_ascii_lowercase();
        self.items
            .iter()
            .position(|(_, keys)| keys.iter().any(|k| k.to_ascii_lowercase() == key))
    }
}

/// What the session menu (Esc) offers at a question, and at the rating prompt.
pub(super) enum MenuPlace {
    /// At a question; `hints` when it has a hint left to take.
    Question {
        hints: bool,
    },
    Rating(Rating),
}

/// What the learner picked in the session menu.
pub(super) enum Command {
    /// Esc again, or "back": return to the prompt.
    Back,
    /// A session control.
    Control(Control),
    /// Input ended.
    End,
}

impl Terminal {
    /// Runs `menu` until something is picked (or Esc, or the end of input). With
    /// `instant`, an item's key picks it at once; otherwise (tick boxes) it ticks.
    pub(super) fn run_menu(&mut self, menu: &mut Menu, instant: bool) -> io::Result<Picked> {
        let mut note: Option<&str> = None;
        loop {
            let mut text = menu.render(self.draw_width(), None);
            if let Some(note) = note.take() {
                text.push('\n');
                text.push_str(&wrap(note, self.draw_width(), ""));
            }
            self.draw(&text)?;
            let count = menu.items.len();
            match self.key()? {
                Key::ArrowUp | Key::BackTab => menu.cursor = (menu.cursor + count - 1) % count,
                Key::ArrowDown | Key::Tab => menu.cursor = (menu.cursor + 1) % count,
                Key::Home => menu.cursor = 0,
                Key::End => menu.cursor = count - 1,
                Key::Escape => return Ok(Picked::Escape),
                Key::Char('\x04') => return Ok(Picked::End),
                Key::Char(' ') if menu.multi => menu.ticked[menu.cursor] ^= true,
                Key::Enter if menu.multi => {
                    let ticked: Vec<usize> = (0..count).filter(|&i| menu.ticked[i]).collect();
                    if ticked.is_empty() {
                        note = Some(
                            "Nothing is ticked yet: tick each right answer (its letter or Space), then Enter.",
                        );
                    } else {
                        return Ok(Picked::Items(ticked));
                    }
                }
                Key::Enter => return Ok(Picked::Items(vec![menu.cursor])),
                Key::Char(c) => {
                    if let Some(item) = menu.item_for(c) {
                        menu.cursor = item;
                        if instant {
                            return Ok(Picked::Items(vec![item]));
                        }
                        menu.ticked[item] ^= true;
                    }
                }
                _ => {}
            }
        }
    }

    /// The session menu (Esc): what else can be done here. Esc again goes back.
    pub(super) fn session_menu(&mut self, place: &MenuPlace) -> io::Result<Command> {
        let mut items: Vec<(char, String, Command)> = match place {
            MenuPlace::Question { .. } => vec![
                ('b', "back to the question".to_owned(), Command::Back),
                (
                    's',
                    "skip this question".to_owned(),
                    Command::Control(Control::Skip),
                ),
                (
                    'u',
                    "undo the last answer".to_owned(),
                    Command::Control(Control::Undo),
                ),
                (
                    'p',
                    "suspend this question (drills leave it out until unsuspended)".to_owned(),
                    Command::Control(Control::Mark(Mark::Suspend)),
                ),
                (
                    't',
                    "bury it until tomorrow".to_owned(),
                    Command::Control(Control::Mark(Mark::Bury)),
                ),
                (
                    'r',
                    "reset it to new (forget its progress)".to_owned(),
                    Command::Control(Control::Mark(Mark::Reset)),
                ),
                (
                    'q',
                    "quit (everything rated is saved)".to_owned(),
                    Command::Control(Control::Quit),
                ),
            ],
            MenuPlace::Rating(suggested) => vec![
                ('b', "back to the rating".to_owned(), Command::Back),
                (
                    'u',
                    "undo: answer this question again".to_owned(),
                    Command::Control(Control::Undo),
                ),
                (
                    'q',
                    format!("quit (this answer is saved as {suggested})"),
                    Command::Control(Control::Quit),
                ),
            ],
        };
        if let MenuPlace::Question { hints: true } = place {
            let hint = "take a hint (the suggested rating is Hard at best then)";
            items.insert(1, ('h', hint.to_owned(), Command::Control(Control::Hint)));
        }
        let mut menu = Menu::new(
            items
                .iter()
                .map(|(key, label, _)| (format!("{key}  {label}"), vec![*key]))
                .collect(),
            false,
            "Press a key, or ↑↓ and Enter; Esc goes back.".to_owned(),
        );
        menu.header = Some("What now?".to_owned());
        let picked = self.run_menu(&mut menu, true)?;
        self.draw("")?;
        Ok(match picked {
            Picked::Items(picked) => {
                let index = picked.first().copied().unwrap_or(0);
                items
                    .into_iter()
                    .nth(index)
                    .map_or(Command::Back, |(_, _, command)| command)
            }
            Picked::Escape => Command::Back,
            Picked::End => Command::End,
        })
    }
}
