//! The integration tests, built as one binary: each module drives the `recall` binary
//! (through `util::Recall`) or the library for one area.

mod util;

#[path = "suites/authoring.rs"]
mod authoring;
#[path = "suites/check.rs"]
mod check;
