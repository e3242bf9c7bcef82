//! Where recall finds its files: the database, the configuration and the banks.
//!
//! Each has the same order of precedence: the command-line option, then an environment
//! variable, then a platform default. Nothing here creates or reads a file.

use std::path::{Path, PathBuf};

/// The environment variable naming the progress database.
pub const DB_VAR: &str = "RECALL_DB";
/// The environment variable naming the configuration file.
pub const CONFIG_VAR: &str = "RECALL_CONFIG";
/// The environment variable listing bank files and folders (separated like `PATH`).
pub const BANKS_VAR: &str = "RECALL_BANKS";

fn from_env(var: &str) -> Option<PathBuf> {
    std::env::var_os(var)
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
}

/// The file beside `database` whose name is the database's followed by `suffix`
/// (`recall.db` and `.bank-cache` give `recall.db.bank-cache`): where recall keeps what
/// it derives from a database (caches, columns, unsaved answers).
pub fn beside(database: &Path, suffix: &str) -> PathBuf {
    let mut name = database.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// No database path was given and the platform has no data directory to put one in.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "cannot find a data directory for the database (is HOME set?); pass --db PATH or set {DB_VAR}"
)]
pub struct NoDataDirectory;

/// `--db`, else `RECALL_DB`, else `<data dir>/recall/recall.db`
/// (`~/.local/share/recall/recall.db` on Linux).
pub fn database(option: Option<&Path>) -> Result<PathBuf, NoDataDirectory> {
    if let Some(path) = option.map(Path::to_path_buf).or_else(|| from_env(DB_VAR)) {
        return Ok(path);
    }
    dirs::data_dir()
        .map(|dir| dir.join("recall").join("recall.db"))
        .ok_or(NoDataDirectory)
}

/// Where the configuration is, and whether the learner named it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigFile {
    /// The file.
    pub path: PathBuf,
    /// Named with `--config`: then it must exist. `RECALL_CONFIG` and the default need not.
    pub explicit: bool,
}

/// `--config`, else `RECALL_CONFIG`, else `<config dir>/recall/config.toml`
/// (`~/.config/recall/config.toml` on Linux).
pub fn config(option: Option<&Path>) -> Option<ConfigFile> {
    if let Some(path) = option {
        return Some(ConfigFile {
            path: path.to_path_buf(),
            explicit: true,
        });
    }
    from_env(CONFIG_VAR)
        .or_else(|| dirs::config_dir().map(|dir| dir.join("recall").join("config.toml")))
        .map(|path| ConfigFile {
            path,
            explicit: false,
        })
}

/// Where banks come from when a command is given no paths.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BankSource {
    /// Files and folders named on the command line or in `RECALL_BANKS`.
    Paths(Vec<PathBuf>),
    /// The banks compiled into the binary.
    Builtin,
}

/// The paths given, else `RECALL_BANKS` (separated like `PATH`), else `./banks` when it
/// exists, else the built-in banks.
pub fn banks(given: &[PathBuf]) -> BankSource {
    if !given.is_empty() {
        return BankSource::Paths(given.to_vec());
    }
    if let Some(value) = std::env::var_os(BANKS_VAR).filter(|v| !v.is_empty()) {
        return BankSource::Paths(std::env::split_paths(&value).collect());
    }
    let local = PathBuf::from("banks");
    if local.is_dir() {
        return BankSource::Paths(vec![local]);
    }
    BankSource::Builtin
}
