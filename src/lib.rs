//! recall: a quiz and interview-prep engine driven by TOML question banks.
//!
//! The engine (banks, grading, scheduling, the store, session logic) lives in plain
//! library modules that never touch the terminal; `cli` and `cmd` are the command-line
//! front end over them.

pub mod atomic_file;
pub mod bank;
pub mod cli;
pub mod clock;
pub mod cmd;
pub mod config;
pub mod diagnostic;
pub mod export;
pub mod frontend;
pub mod goal;
pub mod grade;
pub mod import;
pub mod items;
pub mod lang;
pub mod logfile;
pub mod paths;
pub mod render;
pub mod schedule;
pub mod session;
pub mod stats;
pub mod store;
pub mod style;
pub mod text;
pub mod toml_error;
pub mod view;
