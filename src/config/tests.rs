//! Tests of the config file: defaults, every key read, and every mistake located.

use super::*;

fn parse(source: &str) -> Result<Config, ConfigError> {
    Config::parse(Path::new("config.toml"), source)
}

fn errors(source: &str) -> Vec<String> {
    match parse(source) {
        Err(ConfigError::Invalid(diagnostics)) => {
            diagnostics.iter().map(Diagnostic::render).collect()
        }
        other => panic!("expected an invalid config, got {other:?}"),
    }
}

#[test]
fn empty_file_is_the_defaults() {
    let config = parse("").unwrap();
    assert_eq!(config.scheduler, SchedulerSettings::default());
}

#[test]
fn a_missing_default_file_is_the_defaults_but_a_missing_named_one_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let mut file = ConfigFile {
        path: dir.path().join("none.toml"),
        explicit: false,
    };
    let config = Config::load(Some(&file)).unwrap();
    assert_eq!(config.source, None);
    file.explicit = true;
    let error = Config::load(Some(&file)).unwrap_err();
    assert!(matches!(error, ConfigError::Missing { .. }), "{error}");
    assert!(error.to_string().contains("none.toml"), "{error}");
}

#[test]
fn invalid_utf8_is_located_to_its_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.toml");
    std::fs::write(&path, b"[scheduler]\n# caf\xe9\n").unwrap();
    let file = ConfigFile {
        path,
        explicit: true,
    };
    let Err(ConfigError::Invalid(diagnostics)) = Config::load(Some(&file)) else {
        panic!("invalid UTF-8 was accepted");
    };
    assert_eq!((diagnostics[0].line, diagnostics[0].column), (2, 6));
    assert!(diagnostics[0].message.contains("0xE9"), "{diagnostics:?}");
}

#[test]
fn a_number_too_large_for_any_key_says_so() {
    let error = parse("[scheduler]\nnew_per_day = 99999999999999999999\n").unwrap_err();
    let text = error.to_string();
    assert!(text.contains("is out of range"), "{text}");
    assert!(!text.contains("i128"), "{text}");
}

#[test]
fn every_key_is_read() {
    let config = parse(
        "[scheduler]\ndesired_retention = 0.85\nlearning_steps = [\"30s\", \"5m\", \"1h\"]\n\
         relearning_steps = []\nmaximum_interval = 365\nfuzz = false\nnew_per_day = 5\n\
         reviews_per_day = 50\nday_starts_at = \"06:30\"\nlearn_ahead_minutes = 5\n\
         new_order = \"random\"\n",
    )
    .unwrap();
    let settings = config.scheduler;
    assert_eq!(settings.fsrs.desired_retention, 0.85);
    assert_eq!(
        settings.fsrs.learning_steps,
        vec![
            TimeDelta::seconds(30),
            TimeDelta::minutes(5),
            TimeDelta::hours(1)
        ]
    );
    assert!(settings.fsrs.relearning_steps.is_empty());
    assert_eq!(settings.fsrs.maximum_interval, 365);
    assert!(!settings.fsrs.fuzz);
    assert_eq!((settings.new_per_day, settings.reviews_per_day), (5, 50));
    assert_eq!(
        settings.day_starts_at,
        NaiveTime::from_hms_opt(6, 30, 0).unwrap()
    );
    assert_eq!(settings.learn_ahead, TimeDelta::minutes(5));
    assert_eq!(settings.new_order, NewOrder::Random);
}

#[test]
fn a_goal_table_is_read_and_its_mistakes_located() {
    let config =
        parse("[goal]\ndate = 2026-12-20\nbanks = [\"docker\"]\ntiers = [\"advanced\"]\n").unwrap();
    let goal = config.goal.unwrap();
    assert_eq!(goal.date, NaiveDate::from_ymd_opt(2026, 12, 20).unwrap());
    assert_eq!(
        (goal.banks, goal.tiers),
        (vec!["docker".to_owned()], vec![Tier::Advanced])
    );
    assert_eq!(goal.retention, DEFAULT_GOAL_RETENTION);
    let quoted = parse("[goal]\ndate = \"2026-12-20\"\nretention = 0.8\n").unwrap();
    assert_eq!(quoted.goal.unwrap().retention, 0.8);
    let found = errors("[goal]\ndate = \"soon\"\ntiers = [\"expert\"]\nretention = 1.5\n");
    assert_eq!(found.len(), 3, "{found:#?}");
    assert!(
        found[0].starts_with("config.toml:2:8: error"),
        "{}",
        found[0]
    );
    assert!(found[1].contains("the tiers are beginner"), "{}", found[1]);
    assert!(
        found[2].starts_with("config.toml:4:13: error"),
        "{}",
        found[2]
    );
}

#[test]
fn an_unknown_new_order_names_the_orders() {
    let found = errors("[scheduler]\nnew_order = \"shuffled\"\n");
    assert!(
        found[0].starts_with("config.toml:2:13: error"),
        "{}",
        found[0]
    );
    assert!(found[0].contains("\"interleave\""), "{}", found[0]);
}

#[test]
fn unknown_key_names_file_line_and_column() {
    let found = errors("[scheduler]\nfuzz = true\nretention = 0.9\n");
    assert_eq!(found.len(), 1);
    assert!(
        found[0].starts_with("config.toml:3:1: error"),
        "{}",
        found[0]
    );
    assert!(found[0].contains("desired_retention"), "{}", found[0]);
    assert!(found[0].contains("unknown key `retention`"), "{}", found[0]);
}

#[test]
fn a_misspelt_key_gets_a_suggestion() {
    let found = errors("[scheduler]\nnew_per_dya = 5\n");
    assert!(
        found[0].contains("did you mean `new_per_day`?"),
        "{}",
        found[0]
    );
}

#[test]
fn every_bad_value_is_reported() {
    let found = errors(
        "[scheduler]\ndesired_retention = 1.5\nlearning_steps = [\"1m\", \"ten minutes\"]\n\
         day_starts_at = \"25:00\"\nnew_per_day = -1\n",
    );
    assert_eq!(found.len(), 4, "{found:#?}");
    assert!(
        found[0].starts_with("config.toml:2:21: error"),
        "{}",
        found[0]
    );
    assert!(
        found[1].starts_with("config.toml:3:25: error"),
        "{}",
        found[1]
    );
    assert!(
        found[2].starts_with("config.toml:4:17: error"),
        "{}",
        found[2]
    );
    assert!(
        found[3].starts_with("config.toml:5:15: error"),
        "{}",
        found[3]
    );
}

#[test]
fn wrong_type_is_located() {
    let found = errors("[scheduler]\nfuzz = \"yes\"\n");
    assert!(
        found[0].starts_with("config.toml:2:8: error"),
        "{}",
        found[0]
    );
    assert!(
        found[0].contains("write the value without quotes"),
        "{}",
        found[0]
    );
}

#[test]
fn steps_parse_and_format() {
    assert_eq!(parse_step("10m"), Some(TimeDelta::minutes(10)));
    assert_eq!(parse_step("0m"), None);
    assert_eq!(parse_step("5"), None);
    assert_eq!(parse_step("1w"), None);
    assert_eq!(parse_step("366d"), None);
    assert_eq!(format_step(TimeDelta::minutes(10)), "10m");
    assert_eq!(format_step(TimeDelta::seconds(90)), "90s");
    assert_eq!(format_step(TimeDelta::days(1)), "1d");
}
