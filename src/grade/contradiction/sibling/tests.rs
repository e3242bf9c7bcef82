//! Sibling terms swapped in, through the grader: fresh wordings on subjects of their
//! own, written before the rule, each marked as the grader must read it.

use crate::grade::tests::{any_bank, grade};

/// The role of the sibling contradiction `answer` makes against a question whose model
/// answer is `model` (rubric: each of `concepts` an `any`), if it makes one.
fn swapped(model: &str, concepts: &[&[&str]], answer: &str) -> Option<String> {
    let g = grade(&any_bank("What happens?", model, concepts), answer);
    g.contradictions
        .iter()
        .find(|c| c.role.contains("in the model's place (") && !c.role.starts_with("another number"))
        .map(|c| c.role.clone())
}

const CACHE: &str = "A cache entry expires after 30 minutes of inactivity, and the session \
                     token is refreshed every hour.";
const CACHE_RUBRIC: &[&[&str]] = &[&["expires", "expire"], &["refreshed", "refresh"]];

const CTRL_C: &str = "Pressing Ctrl-C in the terminal sends SIGINT to the foreground process \
                      group, and most programs exit on it.";
const CTRL_C_RUBRIC: &[&[&str]] = &[&["foreground"], &["sends", "send"]];

const JWT: &str = "The auth server signs each token with its private key, and the other \
                   services verify the signature with the public key they fetch from the \
                   JWKS endpoint.";
const JWT_RUBRIC: &[&[&str]] = &[&["signs", "sign"], &["verify", "verifies", "check"]];

const SEMVER: &str = "Under semantic versioning a breaking change to the public API bumps the \
                      major version number.";
const SEMVER_RUBRIC: &[&[&str]] = &[&["breaking"], &["bumps", "bump", "increments"]];

const SYSLOG: &str = "Classic syslog sends each message to the collector over UDP port 514, \
                      so a message lost on the way is simply gone.";
const SYSLOG_RUBRIC: &[&[&str]] = &[&["collector"], &["lost", "gone"]];

const PASSWORDS: &str = "Store passwords with a slow salted hash such as bcrypt, never \
                         encrypted, so even the database owner cannot recover them.";
const PASSWORDS_RUBRIC: &[&[&str]] = &[&["salted", "salt"], &["bcrypt", "slow"]];

#[test]
fn a_sibling_said_in_the_models_place_contradicts_it() {
    for (model, rubric, answer, role) in [
        (
            CACHE,
            CACHE_RUBRIC,
            "The cache entry expires after 30 seconds of inactivity; the token is \
             refreshed every hour.",
            "unit of time",
        ),
        (
            CTRL_C,
            CTRL_C_RUBRIC,
            "Ctrl-C makes the terminal send SIGTERM to the whole foreground process group.",
            "signal",
        ),
        (
            JWT,
            JWT_RUBRIC,
            "The auth server signs the token, and each service can verify the signature \
             with the private key it fetches from the JWKS endpoint.",
            "half of a key pair",
        ),
        (
            SEMVER,
            SEMVER_RUBRIC,
            "A breaking change bumps the minor version number of the API.",
            "part of a version",
        ),
        (
            SYSLOG,
            SYSLOG_RUBRIC,
            "Syslog sends every message to the collector over TCP port 514, and one \
             lost on the way is gone.",
            "transport protocol",
        ),
        (
            PASSWORDS,
            PASSWORDS_RUBRIC,
            "Store the passwords encrypted with bcrypt, slow and salted, so nobody can \
             recover them.",
            "treatment of a secret",
        ),
    ] {
        let role = swapped(model, rubric, answer).map(|r| r.contains(role));
        assert_eq!(role, Some(true), "{answer}");
    }
}

#[test]
fn a_sibling_set_against_the_models_or_said_of_another_thing_contradicts_nothing() {
    for (model, rubric, answer) in [
        // The model's own member.
        (
            CACHE,
            CACHE_RUBRIC,
            "Entries expire after 30 minutes without use, and the session token is \
             refreshed hourly.",
        ),
        // Both members, set against each other.
        (
            CACHE,
            CACHE_RUBRIC,
            "An entry expires after 30 minutes of inactivity, not 30 seconds, and the \
             token is refreshed every hour.",
        ),
        (
            CTRL_C,
            CTRL_C_RUBRIC,
            "Ctrl-C sends SIGINT to the foreground process group, unlike kill, which \
             sends SIGTERM by default.",
        ),
        (
            CTRL_C,
            CTRL_C_RUBRIC,
            "The terminal sends the foreground group SIGINT. If that is ignored, send \
             SIGTERM first, then SIGKILL.",
        ),
        (
            SYSLOG,
            SYSLOG_RUBRIC,
            "Syslog sends messages to the collector over UDP rather than TCP, so a lost \
             one is simply gone.",
        ),
        (
            JWT,
            JWT_RUBRIC,
            "The server signs with its private key; services check the signature with \
             the public key from the JWKS endpoint.",
        ),
        // A sibling said of another thing, with words of its own.
        (
            SEMVER,
            SEMVER_RUBRIC,
            "A breaking change bumps the major version; a new feature that keeps \
             compatibility only bumps the minor one.",
        ),
        (
            SYSLOG,
            SYSLOG_RUBRIC,
            "Syslog fires each message at the collector over UDP, so a lost one is gone; \
             switch to TCP if you need every line.",
        ),
        // Negated or supposed.
        (
            PASSWORDS,
            PASSWORDS_RUBRIC,
            "Use a slow salted hash like bcrypt; the passwords are never encrypted, so \
             nobody can recover them.",
        ),
        (
            CACHE,
            CACHE_RUBRIC,
            "The entry expires after 30 minutes of inactivity; if the token were \
             refreshed every day, stolen tokens would live too long.",
        ),
    ] {
        assert_eq!(swapped(model, rubric, answer), None, "{answer}");
    }
}
