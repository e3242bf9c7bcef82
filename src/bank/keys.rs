//! A bank's question ids as one buffer, read by position and looked up by id, without
//! an allocation per question: what a drill needs of a bank to choose today's queue
//! (is this card's question still in the bank? what is its tenth question?).
//!
//! The bank cache stores the buffer as it is (see `cache`), so a start reads it with one
//! read and checks it once. Layout, every number a little-endian `u32`, for `n` ids:
//! `n` pairs (the low 32 bits of the xxh3 of an id, its position) sorted, then `n` ends
//! (where each id ends in the id bytes), then the id bytes. A lookup finds the hash by
//! binary search and compares the ids themselves, so a collision costs a comparison,
//! never a wrong answer.

/// A bank's question ids: see the module's documentation.
#[derive(Debug, Clone)]
pub struct Keys {
    bytes: Vec<u8>,
    /// How many ids there are.
    len: usize,
    /// Where the ends, and the id bytes, start in `bytes`.
    ends: usize,
    ids: usize,
}

fn hash(id: &str) -> u32 {
    xxhash_rust::xxh3::xxh3_64(id.as_bytes()) as u32
}

fn word(bytes: &[u8], at: usize) -> Option<u32> {
    let word = bytes.get(at..at.checked_add(4)?)?;
    Some(u32::from_le_bytes(word.try_into().ok()?))
}

impl Keys {
    /// The buffer of `ids`, in order.
    pub fn encode<'a>(ids: impl ExactSizeIterator<Item = &'a str>) -> Vec<u8> {
        let len = ids.len();
        let mut lookup: Vec<(u32, u32)> = Vec::with_capacity(len);
        let mut ends = Vec::with_capacity(len * 4);
        let mut text = Vec::new();
        for (position, id) in ids.enumerate() {
            lookup.push((hash(id), u32::try_from(position).unwrap_or(u32::MAX)));
            text.extend_from_slice(id.as_bytes());
            ends.extend_from_slice(&u32::try_from(text.len()).unwrap_or(u32::MAX).to_le_bytes());
        }
        lookup.sort_unstable();
        let mut bytes = Vec::with_capacity(len * 12 + text.len());
        for (hash, position) in lookup {
            bytes.extend_from_slice(&hash.to_le_bytes());
            bytes.extend_from_slice(&position.to_le_bytes());
        }
        bytes.extend_from_slice(&ends);
        bytes.extend_from_slice(&text);
        bytes
    }

    /// The keys of `ids`, in order.
    pub fn of<'a>(ids: impl ExactSizeIterator<Item = &'a str>) -> Keys {
        let len = ids.len();
        Keys::laid_out(Keys::encode(ids), len)
    }

    fn laid_out(bytes: Vec<u8>, len: usize) -> Keys {
        Keys {
            bytes,
            len,
            ends: len * 8,
            ids: len * 12,
        }
    }

    /// The keys in `bytes`, `len` ids, when they are laid out as [`Keys::encode`] lays
    /// them out: the pairs in order, every position once, the ends in order within the
    /// id bytes, the ids text. `None` for anything else. (Whether each hash is its id's
    /// is not checked: a wrong one would only make a lookup miss, and the cache checks
    /// the buffer's own checksum before this.)
    pub fn from_bytes(bytes: Vec<u8>, len: usize) -> Option<Keys> {
        let ends = len.checked_mul(8)?;
        let ids = ends.checked_add(len.checked_mul(4)?)?;
        let text = std::str::from_utf8(bytes.get(ids..)?).ok()?;
        let mut seen = vec![false; len];
        let mut previous = (0, 0);
        for i in 0..len {
            let entry = (word(&bytes, i * 8)?, word(&bytes, i * 8 + 4)?);
            let position = usize::try_from(entry.1).ok()?;
            if entry < previous || std::mem::replace(seen.get_mut(position)?, true) {
                return None;
            }
            previous = entry;
        }
        let mut start = 0;
        for i in 0..len {
            let end = usize::try_from(word(&bytes, ends + i * 4)?).ok()?;
            if end < start || !text.is_char_boundary(end) || end > text.len() {
                return None;
            }
            start = end;
        }
        (start == text.len()).then(|| Keys::laid_out(bytes, len))
    }

    /// How many ids there are.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The id at `position`.
    pub fn id(&self, position: usize) -> Option<&str> {
        std::str::from_utf8(self.id_bytes(position)?).ok()
    }

    /// The bytes of the id at `position` (text, checked once in [`Keys::from_bytes`]).
    fn id_bytes(&self, position: usize) -> Option<&[u8]> {
        if position >= self.len {
            return None;
        }
        let end = word(&self.bytes, self.ends + position * 4)? as usize;
        let start = match position {
            0 => 0,
            _ => word(&self.bytes, self.ends + (position - 1) * 4)? as usize,
        };
        self.bytes.get(self.ids + start..self.ids + end)
    }

    /// The position of the question with id `id`.
    pub fn position(&self, id: &str) -> Option<usize> {
        if self.len == 0 {
            return None;
        }
        let wanted = hash(id);
        let hash_at = |i: usize| word(&self.bytes, i * 8).unwrap_or(u32::MAX);
        // The first pair whose hash is not below `wanted`, by a binary search whose
        // steps are a conditional move, not a branch: a queue looks up thousands of
        // cards, and half of a search's branches would be mispredicted.
        let (mut base, mut size) = (0, self.len);
        while size > 1 {
            let half = size / 2;
            if hash_at(base + half) < wanted {
                base += half;
            }
            size -= half;
        }
        let first = base + usize::from(hash_at(base) < wanted);
        (first..self.len)
            .take_while(|&i| hash_at(i) == wanted)
            .filter_map(|i| word(&self.bytes, i * 8 + 4).map(|p| p as usize))
            .find(|&position| self.id_bytes(position) == Some(id.as_bytes()))
    }

    /// The buffer, as [`Keys::encode`] made it.
    pub fn as_bytes(&self) -> &[u8] {
        &self.bytes
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_found_by_position_and_by_id() {
        let ids = ["q1", "été", "", "q1x", "z"];
        let keys = Keys::of(ids.iter().copied());
        assert_eq!(keys.len(), 5);
        for (position, id) in ids.iter().enumerate() {
            assert_eq!(keys.id(position), Some(*id));
            assert_eq!(keys.position(id), Some(position), "{id}");
        }
        assert_eq!(keys.id(5), None);
        assert_eq!(keys.position("q2"), None);
        let again = Keys::from_bytes(keys.as_bytes().to_vec(), 5).expect("laid out");
        assert_eq!(again.position("z"), Some(4));
        let none = Keys::of(std::iter::empty());
        assert!(none.is_empty());
        assert_eq!(none.position("q1"), None);
    }

    #[test]
    fn a_buffer_not_laid_out_as_keys_is_refused() {
        let bytes = Keys::encode(["a", "bb", "ccc"].into_iter());
        assert!(Keys::from_bytes(bytes.clone(), 3).is_some());
        assert!(Keys::from_bytes(bytes.clone(), 4).is_none(), "too short");
        assert!(Keys::from_bytes(bytes[..bytes.len() - 1].to_vec(), 3).is_none());
        let mut longer = bytes.clone();
        longer.push(b'x');
        assert!(
            Keys::from_bytes(longer, 3).is_none(),
            "text past the last end"
        );
        // A position twice (the second pair's position made the first's).
        let mut twice = bytes.clone();
        let first: [u8; 4] = twice[4..8].try_into().unwrap();
        twice[12..16].copy_from_slice(&first);
        assert!(Keys::from_bytes(twice, 3).is_none());
        // Ends out of order.
        let mut ends = bytes.clone();
        ends[24..28].copy_from_slice(&9u32.to_le_bytes());
        assert!(Keys::from_bytes(ends, 3).is_none());
    }
}
