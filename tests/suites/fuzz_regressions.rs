//! Replays the kept fuzz inputs: every file in `tests/fuzz-regressions/<target>/` goes
//! through the same entry point the fuzz target calls (`fuzz/src/lib.rs`, included
//! here), so an input that once crashed, or that reached a rare path, is checked on
//! every `cargo test` without libFuzzer.

#[path = "../../fuzz/src/lib.rs"]
mod entry;

use crate::util::root;

#[test]
fn every_kept_fuzz_input_runs_clean() {
    let dir = root().join("tests/fuzz-regressions");
    let mut replayed = 0;
    for target in entry::TARGETS {
        let Ok(files) = std::fs::read_dir(dir.join(target)) else {
            continue;
        };
        for file in files {
            let path = file.expect("list the regression folder").path();
            let data = std::fs::read(&path).expect("read a regression input");
            assert!(entry::run(target, &data), "no target {target}");
            replayed += 1;
        }
    }
    for folder in std::fs::read_dir(&dir).expect("tests/fuzz-regressions exists") {
        let name = folder.expect("list").file_name();
        let name = name.to_string_lossy();
        assert!(
            entry::TARGETS.contains(&&*name),
            "no fuzz target named {name}"
        );
    }
    assert!(
        replayed > 0,
        "no regression inputs found under {}",
        dir.display()
    );
}

#[test]
fn every_target_accepts_empty_and_arbitrary_input() {
    for target in entry::TARGETS {
        for data in [&b""[..], b"\xff\xfe\0", b"[bank]\n===\n"] {
            assert!(entry::run(target, data), "no target {target}");
        }
    }
}

#[test]
fn the_lesson_fixtures_pass_the_import_target() {
    let lessons = root().join("tests/fixtures/lessons");
    for file in std::fs::read_dir(&lessons).expect("lesson fixtures") {
        let data = std::fs::read(file.expect("list").path()).expect("read lesson");
        entry::import(&data);
    }
}
