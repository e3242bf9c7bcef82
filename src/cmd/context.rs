//! What every verb is given: the clock, and where its files are, resolved once and only
//! when a verb asks (so `recall schema`, `man` and `completions` open no database and
//! never read the configuration).
//!
//! [`Context::progress`] opens what the verbs that read or write progress share (the
//! configuration, the store and the learner's scheduler); [`Context::load_banks`] loads
//! banks through the cache beside the database. How a verb ended is an [`Outcome`]; how
//! it failed is a [`CommandError`]. The command line itself (clap, exit codes) is `cli`'s.

use super::CommandError;
use crate::bank::{self, Catalog, Library};
use crate::clock::Clock;
use crate::config::Config;
use crate::diagnostic::Diagnostic;
use crate::goal;
use crate::paths::{self, NoDataDirectory};
use crate::schedule::Scheduler;
use crate::store::{DailyLimits, Goal, QueueOptions, Store, StudyDay, Toward};
use anyhow::Context as _;
use std::cell::OnceCell;
use std::io::{IsTerminal as _, Write as _};
use std::path::{Path, PathBuf};

/// How a command that ran to its end went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Exit 0.
    Success,
    /// Exit 1: a check, test or quiz fell short.
    Failure,
}

/// What every verb receives: the clock, and the database and configuration it may ask
/// for (each resolved the first time it is asked for, then kept).
#[derive(Debug)]
pub struct Context {
    /// The one clock (`RECALL_NOW`, else the system's).
    pub clock: Clock,
    /// `--db`, when given.
    database_option: Option<PathBuf>,
    /// `--config`, when given.
    config_option: Option<PathBuf>,
    database: OnceCell<Result<PathBuf, NoDataDirectory>>,
    config: OnceCell<Config>,
}

/// The learner's progress, open: the configuration, the store and the scheduler (with
/// the parameters of the latest `recall optimize` when the store has some).
pub struct Progress {
    /// The configuration file's settings.
    pub config: Config,
    /// The progress database.
    pub store: Store,
    /// FSRS with the configuration's settings and the fitted parameters.
    pub scheduler: Scheduler,
    clock: Clock,
}

impl Context {
    /// A context over `clock`, with the `--db` and `--config` options as given.
    pub fn new(clock: Clock, database: Option<PathBuf>, config: Option<PathBuf>) -> Context {
        Context {
            clock,
            database_option: database,
            config_option: config,
            database: OnceCell::new(),
            config: OnceCell::new(),
        }
    }

    /// The progress database's path (`--db`, `RECALL_DB`, the platform default).
    pub fn database(&self) -> Result<&Path, NoDataDirectory> {
        self.database
            .get_or_init(|| paths::database(self.database_option.as_deref()))
            .as_deref()
            .map_err(Clone::clone)
    }

    /// The configuration file (`--config`, `RECALL_CONFIG`, the platform default); a
    /// missing file gives the defaults, unless it was named with `--config`.
    pub fn config(&self) -> Result<&Config, CommandError> {
        if let Some(config) = self.config.get() {
            return Ok(config);
        }
        let file = paths::config(self.config_option.as_deref());
        let config = Config::load(file.as_ref())?;
        Ok(self.config.get_or_init(|| config))
    }

    /// Opens (creating on first use) the progress database.
    pub fn open_store(&self) -> Result<Store, CommandError> {
        Ok(Store::open(self.database()?)?)
    }

    /// Opens the learner's progress: the configuration, the store and the scheduler.
    pub fn progress(&self) -> Result<Progress, CommandError> {
        let config = self.config()?.clone();
        let store = self.open_store()?;
        let scheduler = scheduler(&config, &store)?;
        Ok(Progress {
            config,
            store,
            scheduler,
            clock: self.clock,
        })
    }

    /// Loads the banks at `paths` (see `paths::banks` for where they come from with no
    /// paths). Problems in the banks come back inside the library; only I/O failures are
    /// errors. Loaded banks are cached beside the progress database (`bank::cache`), so
    /// an unchanged file is not parsed again; never beside a file that is not recall's.
    pub fn load_banks(&self, paths: &[PathBuf]) -> Result<Library, CommandError> {
        Ok(self.load_lean_catalog(paths)?.into_library()?)
    }

    /// [`Context::load_banks`], with the questions left in the bank cache until asked
    /// for, and every question's outline (see [`Catalog`]).
    pub fn load_catalog(&self, paths: &[PathBuf]) -> Result<Catalog, CommandError> {
        let mut catalog = self.load_lean_catalog(paths)?;
        catalog.decode_outlines()?;
        Ok(catalog)
    }

    /// [`Context::load_catalog`] without the outlines ([`Catalog::load_lean`]).
    pub fn load_lean_catalog(&self, paths: &[PathBuf]) -> Result<Catalog, CommandError> {
        let cache = self
            .database()
            .ok()
            .filter(|database| crate::store::is_recalls_or_absent(database))
            .map(bank::cache::path_for);
        Ok(Catalog::load_lean(&paths::banks(paths), cache.as_deref())?)
    }

    /// Loads banks for a command that needs them valid: when any bank has an error, the
    /// errors are printed and the command stops (exit 2, like any unusable input).
    pub fn load_valid_banks(&self, paths: &[PathBuf]) -> Result<Library, CommandError> {
        let library = self.load_banks(paths)?;
        refuse_errors(&library.diagnostics)?;
        Ok(library)
    }

    /// [`Context::load_valid_banks`] as a [`Catalog`].
    pub fn load_valid_catalog(&self, paths: &[PathBuf]) -> Result<Catalog, CommandError> {
        let catalog = self.load_catalog(paths)?;
        refuse_errors(&catalog.diagnostics)?;
        Ok(catalog)
    }

    /// [`Context::load_valid_catalog`] without the outlines ([`Catalog::load_lean`]).
    pub fn load_valid_lean_catalog(&self, paths: &[PathBuf]) -> Result<Catalog, CommandError> {
        let catalog = self.load_lean_catalog(paths)?;
        refuse_errors(&catalog.diagnostics)?;
        Ok(catalog)
    }

    /// A time as the learner reads it: local (the clock's offset), to the minute.
    pub fn local_time(&self, time: chrono::DateTime<chrono::Utc>) -> String {
        time.with_timezone(&self.clock.offset())
            .format("%Y-%m-%d %H:%M")
            .to_string()
    }
}

/// Prints the errors among `diagnostics` and stops the command (exit 2, like any
/// unusable input) when there are any.
fn refuse_errors(diagnostics: &[Diagnostic]) -> Result<(), CommandError> {
    let errors: Vec<&Diagnostic> = diagnostics.iter().filter(|d| d.is_error()).collect();
    if errors.is_empty() {
        return Ok(());
    }
    let mut stderr = crate::style::stderr();
    let width = if std::io::stderr().is_terminal() {
        crate::text::terminal_width()
    } else {
        usize::MAX
    };
    for diagnostic in &errors {
        // As eprintln! would, but through the stream that strips colour.
        let _ = writeln!(stderr, "{}", diagnostic.render_styled(width));
    }
    Err(CommandError::data(format!(
        "{} error{} in the banks; fix them (`recall check` lists them all) and try again",
        errors.len(),
        if errors.len() == 1 { "" } else { "s" }
    )))
}

/// The scheduler for `config`, with the parameters of the latest `recall optimize` when
/// the store has some.
fn scheduler(config: &Config, store: &Store) -> Result<Scheduler, CommandError> {
    let mut fsrs = config.scheduler.fsrs.clone();
    if let Some(fitted) = store.fitted_parameters()? {
        fsrs.parameters = fitted.parameters;
    }
    Ok(Scheduler::new(fsrs).context("the scheduler settings are not usable")?)
}

impl Progress {
    /// Builds the scheduler again from the store (after `recall optimize` saved new
    /// parameters).
    pub fn reload_scheduler(&mut self) -> Result<(), CommandError> {
        self.scheduler = scheduler(&self.config, &self.store)?;
        Ok(())
    }

    /// The learner's study day that contains now (it starts at `day_starts_at`).
    pub fn study_day(&self) -> StudyDay {
        StudyDay::containing(
            self.clock.now(),
            self.clock.offset(),
            self.config.scheduler.day_starts_at,
        )
    }

    /// The goal in force and where it comes from: the config's `[goal]` table, else the
    /// one saved with `recall goal set`.
    pub fn goal(&self) -> Result<Option<(Goal, goal::Source)>, CommandError> {
        if let Some(goal) = &self.config.goal {
            return Ok(Some((goal.clone(), goal::Source::Config)));
        }
        Ok(self
            .store
            .goal()?
            .map(|goal| (goal, goal::Source::Database)))
    }

    /// How to assess a goal now, with this progress.
    pub fn assessment(&self) -> goal::Assessment<'_> {
        goal::Assessment {
            store: &self.store,
            scheduler: &self.scheduler,
            now: self.clock.now(),
            today: self.study_day(),
            offset: self.clock.offset(),
            day_starts_at: self.config.scheduler.day_starts_at,
            limits: self.daily_limits(),
        }
    }

    /// Every question of `catalog`, decoded, when a goal is in force: a goal is assessed
    /// over its questions in full. `None` without a goal, and nothing is decoded. A lean
    /// catalog will do (no outline is needed).
    pub fn goal_library(&self, catalog: &Catalog) -> Result<Option<Library>, CommandError> {
        Ok(match self.goal()? {
            Some(_) => Some(catalog.whole_library()?),
            None => None,
        })
    }

    /// The goal's status over `library`, when a goal is in force.
    pub fn goal_status(&self, library: &Library) -> Result<Option<goal::Status>, CommandError> {
        let Some((goal, source)) = self.goal()? else {
            return Ok(None);
        };
        Ok(Some(self.assessment().status(&goal, source, library)?))
    }

    /// What a queue over `library` needs to work toward the goal: `None` with no goal,
    /// or once its date has come.
    pub fn toward(&self, library: &Library) -> Result<Option<Toward>, CommandError> {
        let Some((goal, _)) = self.goal()? else {
            return Ok(None);
        };
        let date = goal::date_day(
            goal.date,
            self.clock.offset(),
            self.config.scheduler.day_starts_at,
        );
        Ok(goal::toward(
            &goal::questions(&goal, library),
            date,
            self.clock.now(),
        ))
    }

    /// The daily limits of the configuration.
    pub fn daily_limits(&self) -> DailyLimits {
        DailyLimits {
            new_per_day: self.config.scheduler.new_per_day,
            reviews_per_day: self.config.scheduler.reviews_per_day,
        }
    }

    /// How the configuration shapes today's queue, studying `ahead` into the future
    /// (zero but for `drill --ahead`).
    pub fn queue_options(&self, ahead: chrono::TimeDelta) -> QueueOptions {
        QueueOptions {
            limits: self.daily_limits(),
            new_order: self.config.scheduler.new_order,
            learn_ahead: self.config.scheduler.learn_ahead,
            ahead,
            toward: None,
        }
    }
}
