//! The cache file's layout: an index of where each file's head and body are, the head
//! (the bank without its questions, its diagnostics, where the pieces of its body are),
//! the body's pieces (questions, outlines, keys, places), and the stored form of a
//! diagnostic.

use super::*;

/// A byte range of the cache file's body (after the index): `start..end`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub(super) struct Span {
    pub(super) start: u64,
    pub(super) end: u64,
}

impl Span {
    pub(super) fn len(self) -> u64 {
        self.end.saturating_sub(self.start)
    }
}

/// Where one file's entry is: its head in the heads region, with the xxh3 of the head's
/// bytes (postcard has no checksum of its own, and a damaged entry must be reparsed,
/// never misread), and its questions in the questions region (each question checked by
/// the checksum its outline in the head gives).
#[derive(Clone, Serialize, Deserialize)]
pub(super) struct IndexEntry {
    pub(super) path: PathBuf,
    pub(super) key: Key,
    pub(super) head: Span,
    pub(super) head_checksum: u64,
    pub(super) questions: Span,
}

/// The index at the start of the file; the heads region follows it (`heads` bytes),
/// then the questions region.
#[derive(Serialize, Deserialize)]
pub(super) struct Index {
    pub(super) stamp: u64,
    pub(super) heads: u64,
    pub(super) entries: Vec<IndexEntry>,
}

/// What choosing one question needs of it (the session filters): its outline, stored
/// for every question of a file in one piece of the file's body.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(in crate::bank) struct StoredOutline {
    pub id: String,
    pub kind: KindName,
    pub tier: Option<Tier>,
    pub tags: Vec<String>,
}

impl StoredOutline {
    /// `question`'s outline.
    pub fn of(question: &Question) -> StoredOutline {
        StoredOutline {
            id: question.id.clone(),
            kind: question.kind_name(),
            tier: question.tier,
            tags: question.tags.clone(),
        }
    }
}

/// A piece of a file's body (its offset in the body, its length) and the xxh3 of its
/// bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub(in crate::bank) struct Piece {
    pub start: u64,
    pub len: u64,
    pub checksum: u64,
}

/// Where a file's questions are in its body, which holds, in this order: each
/// question's encoding, the outlines (a postcard list of [`StoredOutline`]), the keys
/// (`bank::Keys`'s buffer) and the places (`count` records of [`PLACE_BYTES`]: each
/// question's offset in the body, length and xxh3, read one by one by position).
/// Offsets are in the body, so a body copied whole to a new cache stays right.
#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
pub(in crate::bank) struct Parts {
    pub count: u32,
    pub outlines: Piece,
    pub keys: Piece,
    pub places: u64,
}

/// The size of one place record: offset (u64), length (u32), xxh3 (u64), little-endian.
pub(in crate::bank) const PLACE_BYTES: u64 = 20;

/// A file's head as stored: a [`Loaded`] whose bank has no questions, and where its
/// questions' pieces are (`Diagnostic`'s own serde form is its JSON output).
#[derive(Deserialize)]
pub(super) struct Head {
    pub(super) bank: Option<Bank>,
    pub(super) diagnostics: Vec<StoredDiagnostic>,
    pub(super) id_site: Option<StoredDiagnostic>,
    pub(super) lexicon: Option<Lexicon>,
    pub(super) parts: Parts,
}

/// [`Head`] as written: the same encoding, borrowing instead of copying.
#[derive(Serialize)]
pub(super) struct HeadRef<'a> {
    pub(super) bank: Option<&'a Bank>,
    pub(super) diagnostics: Vec<StoredDiagnostic>,
    pub(super) id_site: Option<StoredDiagnostic>,
    pub(super) lexicon: Option<&'a Lexicon>,
    pub(super) parts: Parts,
}

#[derive(Serialize, Deserialize)]
pub(super) struct StoredDiagnostic {
    pub(super) file: String,
    pub(super) line: usize,
    pub(super) column: usize,
    pub(super) bank: Option<String>,
    pub(super) question: Option<String>,
    pub(super) error: bool,
    pub(super) message: String,
    pub(super) hint: Option<String>,
    pub(super) source_line: Option<String>,
}

impl From<&Diagnostic> for StoredDiagnostic {
    fn from(d: &Diagnostic) -> StoredDiagnostic {
        StoredDiagnostic {
            file: d.file.clone(),
            line: d.line,
            column: d.column,
            bank: d.bank.clone(),
            question: d.question.clone(),
            error: d.is_error(),
            message: d.message.clone(),
            hint: d.hint.clone(),
            source_line: d.source_line.clone(),
        }
    }
}

impl From<StoredDiagnostic> for Diagnostic {
    fn from(d: StoredDiagnostic) -> Diagnostic {
        Diagnostic {
            file: d.file,
            line: d.line,
            column: d.column,
            bank: d.bank,
            question: d.question,
            severity: if d.error {
                Severity::Error
            } else {
                Severity::Warning
            },
            message: d.message,
            hint: d.hint,
            source_line: d.source_line,
        }
    }
}
