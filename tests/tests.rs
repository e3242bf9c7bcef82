//! The integration tests, built as one binary: each module drives the `recall` binary
//! (through `util::Recall`) or the library for one area.

mod util;

#[path = "suites/check.rs"]
mod check;

#[path = "suites/grade.rs"]
mod grade;
