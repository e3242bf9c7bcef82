//! Fuzz target: see `recall_fuzz::session_input` for what it feeds and asserts.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| recall_fuzz::session_input(data));
