//! How recall's values are written to and read from SQLite columns: ratings as numbers
//! 1 to 4, card states and modes by name, review ids as row ids, times as microseconds
//! since the Unix epoch (UTC).
//!
//! Reading a value the schema's checks would have refused (an unknown name, a rating
//! of 7, a time out of range) is a conversion error naming the value, never a panic.
//! The types are the scheduler's and the session's; only their storage is here, so
//! neither of those modules knows about SQLite.

use chrono::{DateTime, Utc};
use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ToSql, ToSqlOutput, ValueRef};

use crate::schedule::{Rating, State};
use crate::session::{Mode, ReviewId};

/// A value in the database that no recall writes.
#[derive(Debug, thiserror::Error)]
#[error("the database holds {0}")]
struct Unreadable(String);

fn unreadable(what: String) -> FromSqlError {
    FromSqlError::Other(Box::new(Unreadable(what)))
}

impl ToSql for Rating {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::from(i64::from(self.number())))
    }
}

impl FromSql for Rating {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Rating> {
        let number = i64::column_result(value)?;
        Rating::from_number(number)
            .ok_or_else(|| unreadable(format!("an unknown rating ({number})")))
    }
}

impl ToSql for State {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::from(self.name()))
    }
}

impl FromSql for State {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<State> {
        let name = value.as_str()?;
        State::from_name(name).ok_or_else(|| unreadable(format!("an unknown card state `{name}`")))
    }
}

impl ToSql for Mode {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::from(self.name()))
    }
}

impl FromSql for Mode {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Mode> {
        let name = value.as_str()?;
        Mode::from_name(name).ok_or_else(|| unreadable(format!("an unknown mode `{name}`")))
    }
}

impl ToSql for ReviewId {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        self.0.to_sql()
    }
}

impl FromSql for ReviewId {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<ReviewId> {
        i64::column_result(value).map(ReviewId)
    }
}

/// A time as the log stores it: whole microseconds since the Unix epoch, UTC.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Micros(pub DateTime<Utc>);

impl ToSql for Micros {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::from(self.0.timestamp_micros()))
    }
}

impl FromSql for Micros {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Micros> {
        let micros = i64::column_result(value)?;
        DateTime::from_timestamp_micros(micros)
            .map(Micros)
            .ok_or_else(|| unreadable(format!("an impossible time ({micros} µs)")))
    }
}

#[cfg(test)]
mod tests {
    use rusqlite::Connection;
    use rusqlite::types::Value;

    use super::*;

    /// `value` written to a column and read back.
    fn round_trip<T: ToSql + FromSql>(value: T) -> T {
        let connection = Connection::open_in_memory().unwrap();
        connection
            .query_row("SELECT ?1", [value], |row| row.get(0))
            .unwrap()
    }

    /// What SQLite holds for `value`.
    fn stored<T: ToSql>(value: T) -> Value {
        let connection = Connection::open_in_memory().unwrap();
        connection
            .query_row("SELECT ?1", [value], |row| row.get(0))
            .unwrap()
    }

    /// What reading `sql` (one literal) as a `T` says.
    fn read<T: FromSql>(sql: &str) -> rusqlite::Result<T> {
        let connection = Connection::open_in_memory().unwrap();
        connection.query_row(&format!("SELECT {sql}"), [], |row| row.get(0))
    }

    #[test]
    fn ratings_are_stored_as_their_numbers() {
        for rating in Rating::ALL {
            assert_eq!(round_trip(rating), rating);
            assert_eq!(stored(rating), Value::Integer(i64::from(rating.number())));
        }
        let error = read::<Rating>("7").unwrap_err().to_string();
        assert!(error.contains("unknown rating (7)"), "{error}");
        assert!(read::<Rating>("'good'").is_err());
        assert_eq!(read::<Option<Rating>>("NULL").unwrap(), None);
    }

    #[test]
    fn states_are_stored_by_name() {
        for state in [
            State::New,
            State::Learning,
            State::Review,
            State::Relearning,
        ] {
            assert_eq!(round_trip(state), state);
            assert_eq!(stored(state), Value::Text(state.name().to_owned()));
        }
        let error = read::<State>("'lost'").unwrap_err().to_string();
        assert!(error.contains("unknown card state `lost`"), "{error}");
        assert!(read::<State>("2").is_err());
    }

    #[test]
    fn modes_are_stored_by_name() {
        for mode in Mode::ALL {
            assert_eq!(round_trip(mode), mode);
            assert_eq!(stored(mode), Value::Text(mode.name().to_owned()));
        }
        let error = read::<Mode>("'exam'").unwrap_err().to_string();
        assert!(error.contains("unknown mode `exam`"), "{error}");
    }

    #[test]
    fn review_ids_and_times_round_trip() {
        assert_eq!(round_trip(ReviewId(42)), ReviewId(42));
        assert_eq!(stored(ReviewId(42)), Value::Integer(42));
        let time = DateTime::from_timestamp_micros(1_767_614_400_123_456).unwrap();
        assert_eq!(round_trip(Micros(time)), Micros(time));
        assert_eq!(stored(Micros(time)), Value::Integer(1_767_614_400_123_456));
        let error = read::<Micros>(&i64::MAX.to_string())
            .unwrap_err()
            .to_string();
        assert!(error.contains("impossible time"), "{error}");
    }
}
