//! Who and where: the database's learner id and device id (made at random by migration
//! 6), and new review uuids. Reviews of this database's learner keep no learner id of
//! their own (the column is NULL), so when the learner adopts the id of their other
//! device (`recall log import --same-learner`) every review they gave here follows.

use rusqlite::OptionalExtension;

use super::{Store, StoreError};

/// This database's learner and device.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LogIdentity {
    /// The learner whose schedule this database keeps.
    pub learner: String,
    /// This database, as the device that recorded its reviews.
    pub device: String,
}

impl Store {
    /// This database's learner and device ids.
    pub fn identity(&self) -> Result<LogIdentity, StoreError> {
        self.connection()
            .query_row(
                "SELECT learner, device FROM identity WHERE id = 1",
                [],
                |row| {
                    Ok(LogIdentity {
                        learner: row.get(0)?,
                        device: row.get(1)?,
                    })
                },
            )
            .optional()
            .map_err(self.sqlite())?
            .ok_or_else(|| StoreError::Corrupt {
                path: self.path().to_path_buf(),
                detail: "the identity table is empty".to_owned(),
            })
    }
}

/// A random (version 4) UUID, in its usual text form.
pub(super) fn new_uuid() -> String {
    uuid_v4(rand::random())
}

/// The version 4 UUID made of `bits` (its version and variant bits set), in its usual
/// text form.
pub fn uuid_v4(bits: u128) -> String {
    let bits = (bits & !(0xf << 76)) | (0x4 << 76);
    let bits = (bits & !(0x3 << 62)) | (0x2 << 62);
    let hex = format!("{bits:032x}");
    format!(
        "{}-{}-{}-{}-{}",
        &hex[..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..]
    )
}

/// Whether `text` is a UUID in its usual text form (any version, lower or upper case).
pub fn is_uuid(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.len() == 36
        && bytes.iter().enumerate().all(|(i, b)| match i {
            8 | 13 | 18 | 23 => *b == b'-',
            _ => b.is_ascii_hexdigit(),
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_uuids_are_version_4_and_differ() {
        let (a, b) = (new_uuid(), new_uuid());
        assert!(is_uuid(&a), "{a}");
        assert_eq!(&a[14..15], "4");
        assert!("89ab".contains(&a[19..20]), "{a}");
        assert_ne!(a, b);
        assert!(!is_uuid("not-a-uuid"));
        assert!(!is_uuid("0123456789abcdef0123456789abcdef0123"));
    }
}
