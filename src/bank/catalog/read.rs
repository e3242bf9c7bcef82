//! Reading a bank's pieces from the cache (its keys, its outlines, its questions by
//! position or all of them), each checked, and the bank file read instead when a piece
//! is found damaged.

use super::*;
use crate::bank::cache::{PLACE_BYTES, Piece, Place, StoredOutline};

impl Catalog {
    /// The keys of bank `index`'s questions: read from the cache (one read, checked)
    /// the first time they are asked for.
    pub fn keys(&self, index: usize) -> Result<&Keys, LoadError> {
        let source = &self.sources[index];
        if let Some(keys) = source.keys.get() {
            return Ok(keys);
        }
        let keys = match (&source.stored, source.reparsed.get()) {
            (_, Some(questions)) | (Stored::Parsed(questions), None) => ids_of(questions),
            (Stored::Cached { body, parts }, None) => {
                let mut buffer = Vec::new();
                match self
                    .read_piece(*body, &parts.keys, &mut buffer)
                    .and_then(|()| Keys::from_bytes(buffer, parts.count as usize))
                {
                    Some(keys) => keys,
                    None => ids_of(self.reparsed(index)?),
                }
            }
        };
        Ok(source.keys.get_or_init(|| keys))
    }

    /// Bank `index`'s outlines, as stored.
    pub(super) fn read_outlines(
        &self,
        index: usize,
        buffer: &mut Vec<u8>,
    ) -> Result<Vec<StoredOutline>, LoadError> {
        let source = &self.sources[index];
        let from = |questions: &[Question]| questions.iter().map(StoredOutline::of).collect();
        match (&source.stored, source.reparsed.get()) {
            (_, Some(questions)) | (Stored::Parsed(questions), None) => Ok(from(questions)),
            (Stored::Cached { body, parts }, None) => {
                let stored = self
                    .read_piece(*body, &parts.outlines, buffer)
                    .and_then(|()| postcard::from_bytes::<Vec<StoredOutline>>(buffer).ok())
                    .filter(|outlines| outlines.len() == parts.count as usize);
                match stored {
                    Some(outlines) => Ok(outlines),
                    None => Ok(from(self.reparsed(index)?)),
                }
            }
        }
    }

    /// Bank `index`'s questions: those at the positions `which` (in the bank's order),
    /// or all. `buffer` is where cache bytes are read to.
    pub(super) fn questions_of(
        &self,
        index: usize,
        which: Option<&[usize]>,
        buffer: &mut Vec<u8>,
    ) -> Result<Vec<Question>, LoadError> {
        let source = &self.sources[index];
        let (body, parts) = match (&source.stored, source.reparsed.get()) {
            (_, Some(questions)) | (Stored::Parsed(questions), None) => {
                return Ok(pick(questions, which));
            }
            (Stored::Cached { body, parts }, None) => (*body, parts),
        };
        let read = match which {
            Some(which) => which
                .iter()
                .map(|&i| self.read_question(index, body, parts, i, buffer))
                .collect::<Result<Option<Vec<Question>>, LoadError>>()?,
            None => self.read_all(body, parts, buffer),
        };
        match read {
            Some(questions) => Ok(questions),
            None => Ok(pick(self.reparsed(index)?, which)),
        }
    }

    /// Question `position` of bank `index` (whose body starts at `body`), when its
    /// place and its bytes are intact and it is the question its keys say is there.
    fn read_question(
        &self,
        index: usize,
        body: u64,
        parts: &Parts,
        position: usize,
        buffer: &mut Vec<u8>,
    ) -> Result<Option<Question>, LoadError> {
        let id = self.keys(index)?.id(position).map(str::to_owned);
        let mut read = || -> Option<Question> {
            let cached = self.cached.as_ref()?;
            let at = parts
                .places
                .checked_add(PLACE_BYTES.checked_mul(position as u64)?)?;
            cached.read_into(body.checked_add(at)?, PLACE_BYTES, buffer)?;
            let place = Place::from_bytes(buffer)?;
            cached.read_into(body.checked_add(place.start)?, u64::from(place.len), buffer)?;
            cache::decode_question(buffer, &place)
        };
        Ok(read().filter(|question| Some(&question.id) == id.as_ref()))
    }

    /// Every question of the body at `body`, when all are intact.
    fn read_all(&self, body: u64, parts: &Parts, buffer: &mut Vec<u8>) -> Option<Vec<Question>> {
        let cached = self.cached.as_ref()?;
        let count = parts.count as usize;
        let mut places = Vec::new();
        cached.read_into(
            body.checked_add(parts.places)?,
            PLACE_BYTES.checked_mul(count as u64)?,
            &mut places,
        )?;
        // The questions' encodings come first in the body, up to the outlines.
        cached.read_into(body, parts.outlines.start, buffer)?;
        places
            .chunks_exact(PLACE_BYTES as usize)
            .map(|record| {
                let place = Place::from_bytes(record)?;
                let from = usize::try_from(place.start).ok()?;
                let bytes = buffer.get(from..from.checked_add(place.len as usize)?)?;
                cache::decode_question(bytes, &place)
            })
            .collect()
    }

    /// Reads `piece` of the body at `body` into `buffer`, when it is intact.
    fn read_piece(&self, body: u64, piece: &Piece, buffer: &mut Vec<u8>) -> Option<()> {
        self.cached.as_ref()?.read_piece(body, piece, buffer)
    }

    /// Bank `index`'s questions read from its file, once the cache's were found
    /// damaged: the cache is thrown away (the next run writes it again), and from now on
    /// the bank's questions, keys and outlines come from these.
    fn reparsed(&self, index: usize) -> Result<&[Question], LoadError> {
        let source = &self.sources[index];
        if let Some(questions) = source.reparsed.get() {
            return Ok(questions);
        }
        if let Some(cached) = &self.cached {
            cached.discard();
        }
        let questions = super::super::read_file(&self.banks[index].source)?
            .bank
            .map(|bank| bank.questions)
            .unwrap_or_default();
        Ok(source.reparsed.get_or_init(|| questions))
    }
}

/// The keys of `questions`.
fn ids_of(questions: &[Question]) -> Keys {
    Keys::of(questions.iter().map(|q| q.id.as_str()))
}

/// The questions at the positions `which` of `questions`, or all.
fn pick(questions: &[Question], which: Option<&[usize]>) -> Vec<Question> {
    match which {
        Some(which) => which
            .iter()
            .filter_map(|&i| questions.get(i).cloned())
            .collect(),
        None => questions.to_vec(),
    }
}
