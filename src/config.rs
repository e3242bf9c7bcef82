//! The configuration file (`config.toml`): its `[scheduler]` table, which sets
//! FSRS's desired retention and steps, the daily limits and the hour the learner's
//! day starts, and its `[goal]` table, an interview date to plan toward (which
//! takes precedence over one saved with `recall goal set`).
//!
//! Where the file is comes from `paths::config` (`--config`, `RECALL_CONFIG`,
//! the platform config directory); a missing file means the defaults. Every
//! problem in the file is reported at once, each as a `Diagnostic` naming
//! `file:line:col`. This module reads and checks the file; it does not create
//! one, and the FSRS parameters themselves live in the database (they come
//! from `recall optimize`, not from hand editing).

use std::path::{Path, PathBuf};

use chrono::{NaiveDate, NaiveTime, TimeDelta};
use serde::Deserialize;
use toml::Spanned;

use crate::bank::Tier;
use crate::diagnostic::{Diagnostic, Severity};
use crate::paths::ConfigFile;
use crate::schedule::{MAXIMUM_INTERVAL_LIMIT, SchedulerConfig};
use crate::store::{DEFAULT_GOAL_RETENTION, Goal, NewOrder};
use crate::toml_error::Format;

/// The whole configuration, with defaults for everything the file leaves out.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Config {
    /// The file it came from, when one was read.
    pub source: Option<PathBuf>,
    /// The `[scheduler]` table.
    pub scheduler: SchedulerSettings,
    /// The `[goal]` table, when the file has one.
    pub goal: Option<Goal>,
}

/// The `[scheduler]` table.
#[derive(Debug, Clone, PartialEq)]
pub struct SchedulerSettings {
    /// What FSRS needs (the parameters are the defaults here; the store
    /// replaces them with optimised ones when it has some).
    pub fsrs: SchedulerConfig,
    /// New questions introduced per day (20).
    pub new_per_day: u32,
    /// Reviews shown per day (200).
    pub reviews_per_day: u32,
    /// The local time at which one day of study ends and the next begins (04:00).
    pub day_starts_at: NaiveTime,
    /// How far ahead a learning step may be asked early (20 minutes): a question
    /// failed in a drill comes back in the same drill when its next step falls due
    /// within it, and the drill ends only when nothing is due within it.
    pub learn_ahead: TimeDelta,
    /// How new questions are introduced (interleaved across banks).
    pub new_order: NewOrder,
}

impl Default for SchedulerSettings {
    fn default() -> SchedulerSettings {
        SchedulerSettings {
            fsrs: SchedulerConfig::default(),
            new_per_day: 20,
            reviews_per_day: 200,
            // 04:00 is a valid time; `unwrap_or_default` only satisfies the types.
            day_starts_at: NaiveTime::from_hms_opt(4, 0, 0).unwrap_or_default(),
            learn_ahead: TimeDelta::minutes(20),
            new_order: NewOrder::Interleave,
        }
    }
}

/// A configuration file that cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// The file named with `--config` does not exist.
    #[error(
        "the configuration file {} named with --config does not exist; check the path, or \
         leave --config out to use $RECALL_CONFIG or ~/.config/recall/config.toml (which \
         may be absent)",
        path.display()
    )]
    Missing {
        /// The file.
        path: PathBuf,
    },
    /// The file exists but cannot be read.
    #[error("cannot read the configuration file {}: {source}", path.display())]
    Read {
        /// The file.
        path: PathBuf,
        /// Why it cannot be read.
        source: std::io::Error,
    },
    /// The file has errors, each located to its line and column.
    #[error("{}", render(.0))]
    Invalid(Vec<Diagnostic>),
}

fn render(diagnostics: &[Diagnostic]) -> String {
    let count = diagnostics.len();
    let mut text = format!(
        "the configuration file has {count} error{}:",
        if count == 1 { "" } else { "s" }
    );
    for diagnostic in diagnostics {
        text.push('\n');
        text.push_str(&diagnostic.render());
    }
    text
}

impl Config {
    /// Read the configuration `file`; none, or a missing file that was not named
    /// explicitly, gives the defaults.
    pub fn load(file: Option<&ConfigFile>) -> Result<Config, ConfigError> {
        let Some(ConfigFile { path, explicit }) = file else {
            return Ok(Config::default());
        };
        match std::fs::read(path) {
            Ok(bytes) => {
                let source = String::from_utf8(bytes).map_err(|error| {
                    ConfigError::Invalid(vec![Diagnostic::not_utf8(
                        path,
                        error.as_bytes(),
                        error.utf8_error(),
                    )])
                })?;
                Config::parse(path, &source)
            }
            Err(error) if error.kind() == std::io::ErrorKind::NotFound && !explicit => {
                Ok(Config::default())
            }
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
                Err(ConfigError::Missing { path: path.clone() })
            }
            Err(source) => Err(ConfigError::Read {
                path: path.clone(),
                source,
            }),
        }
    }

    /// Check the text of a configuration file named `path` (for messages).
    pub fn parse(path: &Path, source: &str) -> Result<Config, ConfigError> {
        let raw: RawConfig = toml::from_str(source)
            .map_err(|error| ConfigError::Invalid(vec![toml_error(path, source, &error)]))?;
        let mut checker = Checker {
            path,
            source,
            diagnostics: Vec::new(),
        };
        let scheduler = match raw.scheduler {
            Some(table) => checker.scheduler(table),
            None => SchedulerSettings::default(),
        };
        let goal = raw.goal.and_then(|table| checker.goal(table));
        if !checker.diagnostics.is_empty() {
            checker.diagnostics.sort_by_key(|d| (d.line, d.column));
            return Err(ConfigError::Invalid(checker.diagnostics));
        }
        let config = Config {
            source: Some(path.to_path_buf()),
            scheduler,
            goal,
        };
        // Anything the checks above let through and the scheduler still
        // refuses is a bug in the checks; report it against the table.
        if let Err(error) = crate::schedule::Scheduler::new(config.scheduler.fsrs.clone()) {
            return Err(ConfigError::Invalid(vec![Diagnostic::file(
                path,
                Severity::Error,
                format!("[scheduler]: {error}"),
            )]));
        }
        Ok(config)
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    scheduler: Option<RawScheduler>,
    goal: Option<RawGoal>,
}

/// `[goal]`: the date as a TOML date (`2026-12-20`) or a string (`"2026-12-20"`).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawGoal {
    date: Spanned<toml::Value>,
    banks: Option<Vec<String>>,
    tiers: Option<Vec<Spanned<String>>>,
    retention: Option<Spanned<f64>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawScheduler {
    desired_retention: Option<Spanned<f64>>,
    learning_steps: Option<Vec<Spanned<String>>>,
    relearning_steps: Option<Vec<Spanned<String>>>,
    maximum_interval: Option<Spanned<i64>>,
    fuzz: Option<bool>,
    new_per_day: Option<Spanned<i64>>,
    reviews_per_day: Option<Spanned<i64>>,
    day_starts_at: Option<Spanned<String>>,
    learn_ahead_minutes: Option<Spanned<i64>>,
    new_order: Option<Spanned<String>>,
}

struct Checker<'a> {
    path: &'a Path,
    source: &'a str,
    diagnostics: Vec<Diagnostic>,
}

impl Checker<'_> {
    fn error<T>(&mut self, value: &Spanned<T>, message: String, hint: &str) {
        let diagnostic = Diagnostic::at(
            self.path,
            self.source,
            value.span(),
            Severity::Error,
            message,
        )
        .hint(hint);
        self.diagnostics.push(diagnostic);
    }

    fn scheduler(&mut self, raw: RawScheduler) -> SchedulerSettings {
        let mut settings = SchedulerSettings::default();
        if let Some(value) = raw.desired_retention {
            let retention = *value.get_ref();
            if (0.5..=0.99).contains(&retention) {
                settings.fsrs.desired_retention = retention;
            } else {
                self.error(
                    &value,
                    format!("desired_retention = {retention} is out of range"),
                    "use a probability between 0.5 and 0.99; FSRS recommends 0.8 to 0.95",
                );
            }
        }
        if let Some(steps) = raw.learning_steps {
            settings.fsrs.learning_steps = self.steps("learning_steps", &steps);
        }
        if let Some(steps) = raw.relearning_steps {
            settings.fsrs.relearning_steps = self.steps("relearning_steps", &steps);
        }
        if let Some(value) = raw.maximum_interval
            && let Some(days) = self.count(
                &value,
                "maximum_interval",
                1,
                i64::from(MAXIMUM_INTERVAL_LIMIT),
            )
        {
            settings.fsrs.maximum_interval = days;
        }
        if let Some(fuzz) = raw.fuzz {
            settings.fsrs.fuzz = fuzz;
        }
        if let Some(value) = raw.new_per_day
            && let Some(count) = self.count(&value, "new_per_day", 0, 100_000)
        {
            settings.new_per_day = count;
        }
        if let Some(value) = raw.reviews_per_day
            && let Some(count) = self.count(&value, "reviews_per_day", 0, 1_000_000)
        {
            settings.reviews_per_day = count;
        }
        if let Some(value) = raw.day_starts_at {
            match NaiveTime::parse_from_str(value.get_ref(), "%H:%M") {
                Ok(time) => settings.day_starts_at = time,
                Err(_) => self.error(
                    &value,
                    format!("day_starts_at = {:?} is not a time of day", value.get_ref()),
                    "write hours and minutes on a 24-hour clock, like \"04:00\"",
                ),
            }
        }
        if let Some(value) = raw.learn_ahead_minutes
            && let Some(minutes) = self.count(&value, "learn_ahead_minutes", 0, 1440)
        {
            settings.learn_ahead = TimeDelta::minutes(i64::from(minutes));
        }
        if let Some(value) = raw.new_order {
            match NewOrder::from_name(value.get_ref()) {
                Some(order) => settings.new_order = order,
                None => self.error(
                    &value,
                    format!("new_order = {:?} is not an order", value.get_ref()),
                    "write \"interleave\" (one bank after another, in turn), \"bank\" \
                     (bank by bank) or \"random\"",
                ),
            }
        }
        settings
    }

    fn goal(&mut self, raw: RawGoal) -> Option<Goal> {
        let date = match raw.date.get_ref() {
            toml::Value::String(text) => NaiveDate::parse_from_str(text, "%Y-%m-%d").ok(),
            toml::Value::Datetime(datetime) if datetime.time.is_none() => {
                datetime.date.and_then(|d| {
                    NaiveDate::from_ymd_opt(i32::from(d.year), u32::from(d.month), u32::from(d.day))
                })
            }
            _ => None,
        };
        if date.is_none() {
            self.error(
                &raw.date,
                "[goal] date is not a date".to_owned(),
                "write the interview date as year-month-day, like 2026-12-20",
            );
        }
        let mut tiers = Vec::new();
        for name in raw.tiers.unwrap_or_default() {
            match Tier::parse(name.get_ref()) {
                Some(tier) => tiers.push(tier),
                None => self.error(
                    &name,
                    format!("[goal] tiers: {:?} is not a tier", name.get_ref()),
                    &format!("the tiers are {}", Tier::names().join(", ")),
                ),
            }
        }
        let mut retention = DEFAULT_GOAL_RETENTION;
        if let Some(value) = raw.retention {
            if (0.5..=0.99).contains(value.get_ref()) {
                retention = *value.get_ref();
            } else {
                self.error(
                    &value,
                    format!("[goal] retention = {} is out of range", value.get_ref()),
                    "use a probability between 0.5 and 0.99, like 0.9",
                );
            }
        }
        Some(Goal {
            date: date?,
            banks: raw.banks.unwrap_or_default(),
            tiers,
            retention,
        })
    }

    fn count(&mut self, value: &Spanned<i64>, key: &str, low: i64, high: i64) -> Option<u32> {
        let number = *value.get_ref();
        if (low..=high).contains(&number) {
            u32::try_from(number).ok()
        } else {
            self.error(
                value,
                format!("{key} = {number} is out of range"),
                &format!("use a whole number from {low} to {high}"),
            );
            None
        }
    }

    fn steps(&mut self, key: &str, steps: &[Spanned<String>]) -> Vec<TimeDelta> {
        let mut parsed = Vec::new();
        for step in steps {
            match parse_step(step.get_ref()) {
                Some(duration) => parsed.push(duration),
                None => self.error(
                    step,
                    format!("{key}: {:?} is not a step", step.get_ref()),
                    "write a step as a number and a unit, s, m, h or d (\"1m\", \"10m\", \"1h\"), \
                     between 1s and 365d",
                ),
            }
        }
        parsed
    }
}

/// `"90s"`, `"10m"`, `"1h"` or `"1d"`: a positive step of at most a year.
pub fn parse_step(text: &str) -> Option<TimeDelta> {
    let text = text.trim();
    let unit_at = text.find(|c: char| !c.is_ascii_digit())?;
    let (number, unit) = text.split_at(unit_at);
    let number: i64 = number.parse().ok()?;
    let seconds_per_unit = match unit {
        "s" => 1,
        "m" => 60,
        "h" => 3600,
        "d" => 86_400,
        _ => return None,
    };
    let seconds = number.checked_mul(seconds_per_unit)?;
    (1..=365 * 86_400)
        .contains(&seconds)
        .then(|| TimeDelta::seconds(seconds))
}

/// A step written back the way a config file writes it (`"10m"`).
pub fn format_step(step: TimeDelta) -> String {
    let seconds = step.num_seconds();
    match seconds {
        s if s % 86_400 == 0 => format!("{}d", s / 86_400),
        s if s % 3600 == 0 => format!("{}h", s / 3600),
        s if s % 60 == 0 => format!("{}m", s / 60),
        s => format!("{s}s"),
    }
}

/// A configuration file, for the hints of `toml_error`.
const CONFIG_FORMAT: Format = Format {
    types: "see docs/scheduling.md for the keys of [scheduler] and [goal] and their types",
    headers: "the configuration file has two tables, [scheduler] and [goal]",
    nesting: "the configuration file needs two levels: [scheduler] or [goal], and its keys",
    duplicate: "a key appears once in its table, and each table once in the file; remove or merge the repeat",
    array_of_tables: None,
};

/// A toml/serde error as a diagnostic, in the author's terms (see `toml_error`).
fn toml_error(path: &Path, source: &str, error: &toml::de::Error) -> Diagnostic {
    let error = crate::toml_error::translate(source, error, &CONFIG_FORMAT);
    Diagnostic::at(path, source, error.span, Severity::Error, error.message).hint(error.hint)
}

#[cfg(test)]
mod tests;
