//! Banks as an Anki package (`.apkg`): a zip of `collection.anki2` (SQLite, the legacy
//! schema 11 that current Anki still imports) and an empty `media` map.
//!
//! A deck per bank (named by its title), two note types: "recall multiple choice"
//! (front: the prompt and its lettered choices; back: the right letters with their text
//! and the explanation) and "recall text" (front: the situation and the prompt; back:
//! the model answer and the explanation), each with a third field holding `bank/question`.
//! Tags are the bank's, the question's and `tier::<tier>`. Note ids, card ids and guids
//! are hashes of `bank/question`, and deck and note type ids hashes of their names, so a
//! second export of the same banks re-imports as an update, not as duplicates. Times come
//! from the caller (the injected clock). Field text is HTML-escaped.

use super::{answer_letters, tags};
use crate::atomic_file::{self, AtomicFile};
use crate::bank::{Bank, Question, letter};
use anyhow::{Context as _, Result};
use rusqlite::{Connection, params};
use serde_json::json;
use sha1::{Digest, Sha1};
use std::collections::HashSet;
use std::io::Write as _;
use std::path::Path;

/// The name of the note type of multiple choice questions (also hashed into its id).
pub const MULTIPLE_CHOICE: &str = "recall multiple choice";
/// The name of the note type of the text questions: short answer, scenario and
/// interview (also hashed into its id).
pub const TEXT: &str = "recall text";

fn sha1(text: &str) -> [u8; 20] {
    let digest = Sha1::digest(text.as_bytes());
    let mut out = [0u8; 20];
    out.copy_from_slice(&digest);
    out
}

/// A stable id in the range Anki's own (millisecond timestamp) ids live in, below 2^53
/// so JavaScript in Anki's views holds it exactly.
pub fn stable_id(key: &str) -> i64 {
    let hash = sha1(key);
    let mut bytes = [0u8; 8];
    bytes.copy_from_slice(&hash[..8]);
    let n = u64::from_be_bytes(bytes);
    1_000_000_000_000 + (n % 8_000_000_000_000) as i64
}

/// A stable guid for the note of `bank/question`.
pub fn guid(key: &str) -> String {
    sha1(&format!("recall/{key}"))[..10]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Text as HTML: `& < > "` escaped, line breaks as `<br>`.
pub fn html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.trim().chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\n' => out.push_str("<br>"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// HTML back to text for Anki's sort field and checksum (tags out, entities decoded).
fn strip_html(text: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in text.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                out.push(' ');
            }
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    let out = out
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&amp;", "&");
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Anki's first-field checksum: the first 8 hex digits of the SHA-1 of the stripped field.
fn checksum(field: &str) -> i64 {
    let hash = sha1(&strip_html(field));
    i64::from(u32::from_be_bytes([hash[0], hash[1], hash[2], hash[3]]))
}

/// The fields of a question's note: front, back, `bank/question`.
pub fn fields(bank: &Bank, q: &Question) -> [String; 3] {
    let key = format!("{}/{}", bank.id, q.id);
    let mut front = String::new();
    let mut back = String::new();
    if q.choices.is_empty() {
        if let Some(situation) = &q.situation {
            front.push_str(&format!(
                "<div class=\"situation\">{}</div><br>",
                html(situation)
            ));
        }
        front.push_str(&format!("<div class=\"prompt\">{}</div>", html(&q.prompt)));
        back.push_str(&format!(
            "<div class=\"model-answer\">{}</div>",
            html(q.model_answer.as_deref().unwrap_or(""))
        ));
    } else {
        front.push_str(&format!("<div class=\"prompt\">{}</div>", html(&q.prompt)));
        for (i, choice) in q.choices.iter().enumerate() {
            front.push_str(&format!(
                "<div class=\"choice\">{}) {}</div>",
                letter(i),
                html(&choice.text)
            ));
        }
        if q.is_multiple_answer() {
            front.push_str("<div class=\"hint\">(select all that apply)</div>");
        }
        back.push_str(&format!(
            "<div class=\"answer\"><b>Answer: {}</b></div>",
            answer_letters(q)
        ));
        for &i in &q.answer {
            back.push_str(&format!(
                "<div class=\"choice right\">{}) {}</div>",
                letter(i),
                html(&q.choices[i].text)
            ));
        }
    }
    if let Some(explanation) = &q.explanation {
        back.push_str(&format!(
            "<br><div class=\"explanation\">{}</div>",
            html(explanation)
        ));
    }
    [front, back, html(&key)]
}

const CSS: &str = ".card { font-family: sans-serif; font-size: 20px; text-align: left; }\n\
.choice { margin: 0.3em 0; }\n.right { font-weight: bold; }\n.hint { font-size: 0.8em; color: #666; }";

fn notetype(name: &str, deck_id: i64, modified: i64) -> serde_json::Value {
    let field = |name: &str, ord: usize| {
        json!({ "name": name, "ord": ord, "sticky": false, "rtl": false,
                "font": "Arial", "size": 20, "media": [] })
    };
    json!({
        "id": stable_id(&format!("recall-notetype/{name}")),
        "name": name,
        "type": 0,
        "mod": modified,
        "usn": -1,
        "sortf": 0,
        "did": deck_id,
        "tmpls": [{
            "name": "Card 1", "ord": 0,
            "qfmt": "{{Front}}",
            "afmt": "{{FrontSide}}\n\n<hr id=answer>\n\n{{Back}}",
            "did": null, "bqfmt": "", "bafmt": ""
        }],
        "flds": [field("Front", 0), field("Back", 1), field("Source", 2)],
        "css": CSS,
        "latexPre": "\\documentclass[12pt]{article}\n\\special{papersize=3in,5in}\n\\usepackage{amssymb,amsmath}\n\\pagestyle{empty}\n\\setlength{\\parindent}{0in}\n\\begin{document}\n",
        "latexPost": "\\end{document}",
        "latexsvg": false,
        "req": [[0, "all", [0]]],
        "tags": [],
        "vers": []
    })
}

fn deck(id: i64, name: &str, description: &str, modified: i64) -> serde_json::Value {
    json!({
        "id": id, "name": name, "desc": description, "mod": modified, "usn": -1,
        "collapsed": false, "browserCollapsed": false, "dyn": 0, "conf": 1,
        "extendNew": 0, "extendRev": 0,
        "newToday": [0, 0], "revToday": [0, 0], "lrnToday": [0, 0], "timeToday": [0, 0]
    })
}

fn deck_options() -> serde_json::Value {
    json!({ "1": {
        "id": 1, "name": "Default", "mod": 0, "usn": 0, "maxTaken": 60, "autoplay": true,
        "timer": 0, "replayq": true, "dyn": false,
        "new": { "bury": false, "delays": [1.0, 10.0], "initialFactor": 2500,
                 "ints": [1, 4, 0], "order": 1, "perDay": 20 },
        "rev": { "bury": false, "ease4": 1.3, "ivlFct": 1.0, "maxIvl": 36500,
                 "perDay": 200, "hardFactor": 1.2 },
        "lapse": { "delays": [10.0], "leechAction": 1, "leechFails": 8,
                   "minInt": 1, "mult": 0.0 }
    }})
}

const SCHEMA: &str = "
create table col (id integer primary key, crt integer not null, mod integer not null,
  scm integer not null, ver integer not null, dty integer not null, usn integer not null,
  ls integer not null, conf text not null, models text not null, decks text not null,
  dconf text not null, tags text not null);
create table notes (id integer primary key, guid text not null, mid integer not null,
  mod integer not null, usn integer not null, tags text not null, flds text not null,
  sfld integer not null, csum integer not null, flags integer not null, data text not null);
create table cards (id integer primary key, nid integer not null, did integer not null,
  ord integer not null, mod integer not null, usn integer not null, type integer not null,
  queue integer not null, due integer not null, ivl integer not null, factor integer not null,
  reps integer not null, lapses integer not null, left integer not null, odue integer not null,
  odid integer not null, flags integer not null, data text not null);
create table revlog (id integer primary key, cid integer not null, usn integer not null,
  ease integer not null, ivl integer not null, lastIvl integer not null, factor integer not null,
  time integer not null, type integer not null);
create table graves (usn integer not null, oid integer not null, type integer not null);
create index ix_notes_usn on notes (usn);
create index ix_cards_usn on cards (usn);
create index ix_revlog_usn on revlog (usn);
create index ix_cards_nid on cards (nid);
create index ix_cards_sched on cards (did, queue, due);
create index ix_revlog_cid on revlog (cid);
create index ix_notes_csum on notes (csum);
";

/// The deck name of each bank: its title, with its id added when two banks share a title.
fn deck_names(banks: &[&Bank]) -> Vec<String> {
    let mut seen = HashSet::new();
    let duplicated: HashSet<&str> = banks
        .iter()
        .filter(|b| !seen.insert(b.title.trim()))
        .map(|b| b.title.trim())
        .collect();
    banks
        .iter()
        .map(|b| {
            let title = b.title.trim().replace("::", ":");
            if duplicated.contains(b.title.trim()) {
                format!("{title} ({})", b.id)
            } else {
                title
            }
        })
        .collect()
}

/// Writes the collection of `banks` into the SQLite database at `path`.
fn write_collection(conn: &Connection, banks: &[&Bank], now_ms: i64) -> Result<()> {
    let now_s = now_ms / 1000;
    conn.execute_batch(SCHEMA)?;
    let names = deck_names(banks);
    let mut decks = serde_json::Map::new();
    decks.insert("1".into(), deck(1, "Default", "", now_s));
    let mut deck_ids = Vec::new();
    for (bank, name) in banks.iter().zip(&names) {
        let id = stable_id(&format!("recall-deck/{}", bank.id));
        deck_ids.push(id);
        let description = bank.description.as_deref().map(html).unwrap_or_default();
        decks.insert(id.to_string(), deck(id, name, &description, now_s));
    }
    let first_deck = deck_ids.first().copied().unwrap_or(1);
    let choice_model = notetype(MULTIPLE_CHOICE, first_deck, now_s);
    let text_model = notetype(TEXT, first_deck, now_s);
    let choice_id = choice_model["id"].as_i64().unwrap_or_default();
    let text_id = text_model["id"].as_i64().unwrap_or_default();
    let models = json!({ choice_id.to_string(): choice_model, text_id.to_string(): text_model });
    let conf = json!({
        "activeDecks": [1], "curDeck": 1, "newSpread": 0, "collapseTime": 1200,
        "timeLim": 0, "estTimes": true, "dueCounts": true, "curModel": choice_id.to_string(),
        "nextPos": 1, "sortType": "noteFld", "sortBackwards": false, "addToCur": true
    });
    conn.execute(
        "insert into col values (1, ?1, ?2, ?2, 11, 0, 0, 0, ?3, ?4, ?5, ?6, '{}')",
        params![
            now_s,
            now_ms,
            conf.to_string(),
            models.to_string(),
            serde_json::Value::Object(decks).to_string(),
            deck_options().to_string()
        ],
    )?;
    let mut position = 0;
    for (bank, deck_id) in banks.iter().zip(deck_ids) {
        for q in bank.questions.iter().flat_map(Question::with_follow_ups) {
            position += 1;
            let key = format!("{}/{}", bank.id, q.id);
            let fields = fields(bank, q);
            let mid = if q.choices.is_empty() {
                text_id
            } else {
                choice_id
            };
            let tags = tags(bank, q).join(" ");
            let tags = if tags.is_empty() {
                String::new()
            } else {
                format!(" {tags} ")
            };
            let note_id = stable_id(&format!("recall-note/{key}"));
            conn.execute(
                "insert into notes values (?1, ?2, ?3, ?4, -1, ?5, ?6, ?7, ?8, 0, '')",
                params![
                    note_id,
                    guid(&key),
                    mid,
                    now_s,
                    tags,
                    fields.join("\u{1f}"),
                    strip_html(&fields[0]),
                    checksum(&fields[0]),
                ],
            )?;
            conn.execute(
                "insert into cards values (?1, ?2, ?3, 0, ?4, -1, 0, 0, ?5, 0, 0, 0, 0, 0, 0, 0, 0, '')",
                params![
                    stable_id(&format!("recall-card/{key}")),
                    note_id,
                    deck_id,
                    now_s,
                    position
                ],
            )?;
        }
    }
    Ok(())
}

/// Writes an Anki package of `banks` to `out`, whole or not at all (`atomic_file`);
/// `now_ms` stamps the notes (milliseconds since the epoch, from the injected clock).
pub fn write_package(banks: &[&Bank], now_ms: i64, out: &Path) -> Result<()> {
    let cannot_write = || format!("cannot write {}; it was left as it was", out.display());
    // The collection is built in a temporary file beside the package, removed when done
    // (or, if this run is killed, by the next).
    let mut name = out.as_os_str().to_owned();
    name.push(".anki2");
    let scratch = AtomicFile::create(Path::new(&name)).with_context(cannot_write)?;
    let collection = (|| -> Result<Vec<u8>> {
        let mut conn = Connection::open(scratch.temp_path())?;
        // A scratch file, read back whole and then deleted: no journal, no syncs, and one
        // transaction (each insert on its own was one fsync: 149 s for 67,000 notes).
        conn.pragma_update(None, "journal_mode", "OFF")?;
        conn.pragma_update(None, "synchronous", "OFF")?;
        let transaction = conn.transaction()?;
        write_collection(&transaction, banks, now_ms)?;
        transaction.commit()?;
        conn.close().map_err(|(_, e)| e)?;
        Ok(std::fs::read(scratch.temp_path())?)
    })()
    .with_context(|| {
        format!(
            "cannot build the collection in {}",
            scratch.temp_path().display()
        )
    })
    .with_context(cannot_write)?;
    drop(scratch);
    // Zipped in memory, where writing cannot fail, then written out whole.
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    zip.start_file("collection.anki2", options)?;
    zip.write_all(&collection)?;
    zip.start_file("media", options)?;
    zip.write_all(b"{}")?;
    let package = zip.finish()?.into_inner();
    atomic_file::write(out, &package).with_context(cannot_write)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_stable_and_in_range() {
        let id = stable_id("recall-note/b/q");
        assert_eq!(id, stable_id("recall-note/b/q"));
        assert_ne!(id, stable_id("recall-note/b/r"));
        assert!((1_000_000_000_000..(1_i64 << 53)).contains(&id));
        assert_eq!(guid("b/q").len(), 20);
    }

    #[test]
    fn html_is_escaped_and_stripped_back() {
        let field = html("a < b & \"c\"\nd");
        assert_eq!(field, "a &lt; b &amp; &quot;c&quot;<br>d");
        assert_eq!(strip_html(&field), "a < b & \"c\" d");
    }
}
