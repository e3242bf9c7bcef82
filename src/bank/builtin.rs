//! The banks compiled into the binary from `banks/` (see `build.rs`).

include!(concat!(env!("OUT_DIR"), "/builtin_banks.rs"));
