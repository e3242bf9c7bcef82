//! One module per verb. Each has a documented `Args` struct (its `--help`) and a `run`
//! function; what they share (loading banks, opening the store) lives in `Context`
//! helpers here, not in the verbs.

pub mod card;
pub mod check;
pub mod completions;
pub mod drill;
pub mod due;
pub mod export;
pub mod grade;
pub mod import;
pub mod interview;
pub mod list;
pub mod man;
pub mod optimize;
pub mod quiz;
pub mod render;
pub mod schema;
pub mod show;
pub mod stats;
pub mod study;
pub mod test;

use crate::bank::{self, Library};
use crate::cli::Context;
use crate::diagnostic::Diagnostic;
use std::path::PathBuf;

impl Context {
    /// Loads the banks a command was pointed at (see `paths::banks`). Problems in the
    /// banks come back inside the library; only I/O failures are errors.
    /// Loaded banks are cached beside the progress database (`bank::cache`), so an
    /// unchanged file is not parsed again.
    pub fn load_banks(&self, paths: &[PathBuf]) -> anyhow::Result<Library> {
        let cache = crate::paths::database(self.global.db.as_deref())
            .ok()
            .map(|db| bank::cache::path_for(&db));
        Ok(bank::load_cached(
            &crate::paths::banks(paths),
            cache.as_deref(),
        )?)
    }

    /// Loads banks for a command that needs them valid: when any bank has an error, the
    /// errors are printed and the command stops (exit 2, like any unusable input).
    pub fn load_valid_banks(&self, paths: &[PathBuf]) -> anyhow::Result<Library> {
        let library = self.load_banks(paths)?;
        let errors: Vec<&Diagnostic> = library
            .diagnostics
            .iter()
            .filter(|d| d.is_error())
            .collect();
        if errors.is_empty() {
            return Ok(library);
        }
        for diagnostic in &errors {
            eprintln!("{}", diagnostic.render());
        }
        anyhow::bail!(
            "{} error{} in the banks; fix them (`recall check` lists them all) and try again",
            errors.len(),
            if errors.len() == 1 { "" } else { "s" }
        )
    }

    /// The configuration file (`--config`, `RECALL_CONFIG`, the platform default);
    /// a missing file gives the defaults.
    pub fn config(&self) -> anyhow::Result<crate::config::Config> {
        let path = crate::paths::config(self.global.config.as_deref());
        Ok(crate::config::Config::load(path.as_deref())?)
    }

    /// Opens (creating on first use) the progress database (`--db`, `RECALL_DB`, the
    /// platform default).
    pub fn open_store(&self) -> anyhow::Result<crate::store::Store> {
        let path = crate::paths::database(self.global.db.as_deref()).map_err(anyhow::Error::msg)?;
        Ok(crate::store::Store::open(&path)?)
    }

    /// The scheduler for this configuration, with the parameters of the latest
    /// `recall optimize` when the store has some.
    pub fn scheduler(
        &self,
        config: &crate::config::Config,
        store: &crate::store::Store,
    ) -> anyhow::Result<crate::schedule::Scheduler> {
        let mut fsrs = config.scheduler.fsrs.clone();
        if let Some(fitted) = store.fitted_parameters()? {
            fsrs.parameters = fitted.parameters;
        }
        Ok(crate::schedule::Scheduler::new(fsrs)?)
    }

    /// The learner's study day that contains `now` (it starts at `day_starts_at`).
    pub fn study_day(&self, config: &crate::config::Config) -> crate::store::StudyDay {
        crate::store::StudyDay::containing(
            self.clock.now(),
            self.clock.offset(),
            config.scheduler.day_starts_at,
        )
    }

    /// The daily limits of the configuration.
    pub fn daily_limits(&self, config: &crate::config::Config) -> crate::store::DailyLimits {
        crate::store::DailyLimits {
            new_per_day: config.scheduler.new_per_day,
            reviews_per_day: config.scheduler.reviews_per_day,
        }
    }

    /// A time as the learner reads it: local (the clock's offset), to the minute.
    pub fn local_time(&self, time: chrono::DateTime<chrono::Utc>) -> String {
        time.with_timezone(&self.clock.offset())
            .format("%Y-%m-%d %H:%M")
            .to_string()
    }
}

/// "in 3 days", "in 10 minutes", "2 hours ago": how far `time` is from `now`.
pub fn relative_time(
    time: chrono::DateTime<chrono::Utc>,
    now: chrono::DateTime<chrono::Utc>,
) -> String {
    let delta = time - now;
    let seconds = delta.num_seconds().abs();
    let (amount, unit) = match seconds {
        0..60 => return "now".to_owned(),
        60..3600 => (seconds / 60, "minute"),
        3600..86_400 => (seconds / 3600, "hour"),
        _ => (seconds / 86_400, "day"),
    };
    let plural = if amount == 1 { "" } else { "s" };
    if delta.num_seconds() > 0 {
        format!("in {amount} {unit}{plural}")
    } else {
        format!("{amount} {unit}{plural} ago")
    }
}
