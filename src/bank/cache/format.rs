//! The cache file's layout: an index of where each file's head and body are, the head
//! (the bank without its questions, its diagnostics, where the pieces of its body are),
//! the body's pieces (questions, outlines, keys, places), and the stored form of a
//! diagnostic; a parsed file encoded as a head and a body, and read back.

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

/// A parsed file as a head and a body: its questions' encodings, their outlines, keys
/// and places, one after the other (see [`Parts`]).
pub(super) fn encode(loaded: &mut Loaded) -> Option<(Vec<u8>, Vec<u8>)> {
    let questions = loaded
        .bank
        .as_mut()
        .map(|bank| std::mem::take(&mut bank.questions))
        .unwrap_or_default();
    let body = encode_body(&questions);
    let head = body.as_ref().and_then(|(_, parts)| {
        postcard::to_stdvec(&HeadRef {
            bank: loaded.bank.as_ref(),
            diagnostics: loaded.diagnostics.iter().map(Into::into).collect(),
            id_site: loaded.id_site.as_ref().map(Into::into),
            lexicon: loaded.lexicon.as_ref(),
            parts: *parts,
        })
        .ok()
    });
    if let Some(bank) = loaded.bank.as_mut() {
        bank.questions = questions;
    }
    Some((head?, body?.0))
}

/// The body of a file with `questions`, and where its pieces are.
fn encode_body(questions: &[Question]) -> Option<(Vec<u8>, Parts)> {
    let mut body = Vec::new();
    let mut places = Vec::with_capacity(questions.len() * PLACE_BYTES as usize);
    for question in questions {
        let start = body.len();
        body = postcard::to_extend(question, body).ok()?;
        let bytes = &body[start..];
        places.extend_from_slice(&Place::to_bytes(
            start as u64,
            u32::try_from(bytes.len()).ok()?,
            xxhash_rust::xxh3::xxh3_64(bytes),
        ));
    }
    let mut piece = |bytes: Vec<u8>| {
        let piece = Piece {
            start: body.len() as u64,
            len: bytes.len() as u64,
            checksum: xxhash_rust::xxh3::xxh3_64(&bytes),
        };
        body.extend_from_slice(&bytes);
        piece
    };
    let outlines: Vec<StoredOutline> = questions.iter().map(StoredOutline::of).collect();
    let outlines = piece(postcard::to_stdvec(&outlines).ok()?);
    let keys = piece(Keys::encode(questions.iter().map(|q| q.id.as_str())));
    let parts = Parts {
        count: u32::try_from(questions.len()).ok()?,
        outlines,
        keys,
        places: body.len() as u64,
    };
    body.extend_from_slice(&places);
    Some((body, parts))
}

/// A head's bytes as a [`Loaded`] whose bank has no questions yet, and where its
/// questions' pieces are.
pub(super) fn decode_head(bytes: &[u8]) -> Option<(Loaded, Parts)> {
    let head: Head = postcard::from_bytes(bytes).ok()?;
    let loaded = Loaded {
        bank: head.bank,
        diagnostics: head.diagnostics.into_iter().map(Into::into).collect(),
        id_site: head.id_site.map(Into::into),
        lexicon: head.lexicon,
    };
    Some((loaded, head.parts))
}

/// Where one question's encoding is in its file's body, and the xxh3 of its bytes.
#[derive(Debug, Clone, Copy)]
pub(in crate::bank) struct Place {
    pub start: u64,
    pub len: u32,
    pub checksum: u64,
}

impl Place {
    fn to_bytes(start: u64, len: u32, checksum: u64) -> [u8; PLACE_BYTES as usize] {
        let mut bytes = [0; PLACE_BYTES as usize];
        bytes[..8].copy_from_slice(&start.to_le_bytes());
        bytes[8..12].copy_from_slice(&len.to_le_bytes());
        bytes[12..].copy_from_slice(&checksum.to_le_bytes());
        bytes
    }

    /// The place recorded in `bytes` (a record of [`PLACE_BYTES`]).
    pub(in crate::bank) fn from_bytes(bytes: &[u8]) -> Option<Place> {
        Some(Place {
            start: u64::from_le_bytes(bytes.get(..8)?.try_into().ok()?),
            len: u32::from_le_bytes(bytes.get(8..12)?.try_into().ok()?),
            checksum: u64::from_le_bytes(bytes.get(12..20)?.try_into().ok()?),
        })
    }
}

/// One question from its bytes, when they are the ones its place describes.
pub(in crate::bank) fn decode_question(bytes: &[u8], place: &Place) -> Option<Question> {
    if bytes.len() != place.len as usize || xxhash_rust::xxh3::xxh3_64(bytes) != place.checksum {
        return None;
    }
    postcard::from_bytes(bytes).ok()
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
