//! Fuzz target: see `recall_fuzz::import` for what it feeds and asserts.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| recall_fuzz::import(data));
