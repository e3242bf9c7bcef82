//! The integration tests, built as one binary: each module drives the `recall` binary
//! (through `util::Recall`) or the library for one area.

mod util;

#[path = "suites/authoring.rs"]
mod authoring;
#[path = "suites/check.rs"]
mod check;

#[path = "suites/goal.rs"]
mod goal;
#[path = "suites/grade.rs"]
mod grade;
#[path = "suites/items.rs"]
mod items;
#[path = "suites/layering.rs"]
mod layering;
#[path = "suites/log.rs"]
mod log;
#[path = "suites/session.rs"]
mod session;
#[path = "suites/store_commands.rs"]
mod store_commands;
#[path = "suites/terminal.rs"]
mod terminal;

#[path = "suites/store_reliability.rs"]
mod store_reliability;

#[path = "suites/store_identity.rs"]
mod store_identity;

#[path = "suites/outputs.rs"]
mod outputs;

#[path = "suites/store_health.rs"]
mod store_health;

#[path = "suites/inputs.rs"]
mod inputs;

#[path = "suites/schedule_conformance.rs"]
mod schedule_conformance;

#[path = "suites/adversarial.rs"]
mod adversarial;

#[path = "suites/properties.rs"]
mod properties;

#[path = "suites/fuzz_regressions.rs"]
mod fuzz_regressions;

#[path = "suites/bank_cache.rs"]
mod bank_cache;

#[path = "suites/screens.rs"]
mod screens;
