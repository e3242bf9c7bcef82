//! `recall check`, `list` and `show` over the fixture banks and the shipped banks.

use crate::util::{Recall, root};

#[test]
fn valid_fixtures_pass() {
    let run = Recall::new()
        .arg("check")
        .arg(root().join("tests/banks/valid"))
        .run();
    assert_eq!(run.code, 0, "{}", run.transcript());
    assert!(run.stdout.contains("0 errors"), "{}", run.transcript());
}

#[test]
fn a_missing_path_is_a_usage_error() {
    let run = Recall::new().args(["check", "no/such/bank.toml"]).run();
    assert_eq!(run.code, 2, "{}", run.transcript());
    assert!(
        run.stderr
            .contains("no/such/bank.toml: no such file or folder"),
        "{}",
        run.transcript()
    );
}
