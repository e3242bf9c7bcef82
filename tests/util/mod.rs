//! A small builder for running the `recall` binary in tests, isolated from the machine:
//! the environment is cleared, HOME, the database and the config point into a temp dir,
//! COLUMNS is fixed and colour is off. Nothing a test runs can read or write the
//! developer's real files. For a real terminal, [`Screen`] runs `recall` the same way
//! inside [`Tmux`], the one terminal harness every suite uses.

#![allow(dead_code)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// The repository root (where `banks/` and `tests/` are).
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub struct Recall {
    command: Command,
    stdin: Option<Vec<u8>>,
    pub home: tempfile::TempDir,
}

/// What a run produced.
#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    /// Exit status, stdout and stderr in one text, for snapshots.
    pub fn transcript(&self) -> String {
        let mut out = format!("exit: {}\n", self.code);
        if !self.stdout.is_empty() {
            out.push_str("--- stdout\n");
            out.push_str(&self.stdout);
        }
        if !self.stderr.is_empty() {
            out.push_str("--- stderr\n");
            out.push_str(&self.stderr);
        }
        out
    }
}

impl Recall {
    pub fn new() -> Recall {
        let home = tempfile::tempdir().expect("temp dir");
        let mut command = Command::new(env!("CARGO_BIN_EXE_recall"));
        command
            .env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", home.path())
            .env("XDG_DATA_HOME", home.path().join("data"))
            .env("XDG_CONFIG_HOME", home.path().join("config"))
            .env("RECALL_DB", home.path().join("recall.db"))
            .env("RECALL_CONFIG", home.path().join("config.toml"))
            .env("COLUMNS", "80")
            .env("NO_COLOR", "1")
            .current_dir(home.path());
        Recall {
            command,
            stdin: None,
            home,
        }
    }

    pub fn args<I, S>(mut self, args: I) -> Recall
    where
        I: IntoIterator<Item = S>,
        S: AsRef<std::ffi::OsStr>,
    {
        self.command.args(args);
        self
    }

    pub fn arg(mut self, arg: impl AsRef<std::ffi::OsStr>) -> Recall {
        self.command.arg(arg);
        self
    }

    pub fn env(mut self, key: &str, value: impl AsRef<std::ffi::OsStr>) -> Recall {
        self.command.env(key, value);
        self
    }

    pub fn env_remove(mut self, key: &str) -> Recall {
        self.command.env_remove(key);
        self
    }

    pub fn current_dir(mut self, dir: impl AsRef<Path>) -> Recall {
        self.command.current_dir(dir);
        self
    }

    /// Runs recall as the user and group with these ids (the test must run as root).
    #[cfg(unix)]
    /// Its temp HOME is opened to everyone, so that user can reach it.
    #[cfg(unix)]
    pub fn run_as(mut self, uid: u32, gid: u32) -> Recall {
        use std::os::unix::process::CommandExt;
        make_public(self.home.path());
        // Dropping from root, std also clears the supplementary groups.
        self.command.uid(uid).gid(gid);
        self
    }

    pub fn stdin(mut self, input: impl Into<String>) -> Recall {
        self.stdin = Some(input.into().into_bytes());
        self
    }

    /// Input that need not be UTF-8.
    pub fn stdin_bytes(mut self, input: impl Into<Vec<u8>>) -> Recall {
        self.stdin = Some(input.into());
        self
    }

    /// The temp dir standing in for HOME (it also holds the database).
    pub fn home(&self) -> &Path {
        self.home.path()
    }

    pub fn run(self) -> Run {
        self.run_keeping_home().0
    }

    /// Starts recall with piped stdin and stdout, for tests that talk to it while it
    /// runs; the temp HOME comes back with it.
    pub fn spawn(mut self) -> (std::process::Child, tempfile::TempDir) {
        self.command
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        let child = self.command.spawn().expect("spawn recall");
        (child, self.home)
    }

    /// Runs, and hands back the temp HOME (with the database) for a closer look.
    pub fn run_keeping_home(mut self) -> (Run, tempfile::TempDir) {
        self.command
            .stdin(if self.stdin.is_some() {
                Stdio::piped()
            } else {
                Stdio::null()
            })
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        let mut child = self.command.spawn().expect("spawn recall");
        if let Some(input) = self.stdin.take() {
            let mut stdin = child.stdin.take().expect("piped stdin");
            // The child may stop reading early (e.g. `:quit`); a broken pipe is fine.
            let _ = stdin.write_all(&input);
        }
        let output = child.wait_with_output().expect("wait for recall");
        let run = Run {
            code: output.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        };
        (run, self.home)
    }
}

/// Polls `condition` every 20 ms for up to a minute: long enough for the slowest
/// machine, and it returns as soon as the condition holds.
pub fn wait_for(mut condition: impl FnMut() -> bool) -> bool {
    let start = std::time::Instant::now();
    while start.elapsed() < std::time::Duration::from_secs(60) {
        if condition() {
            return true;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    false
}

/// A real terminal for a test: a tmux server on its own socket, running one shell
/// command in a window of a given size. Keys go in with [`Tmux::keys`] and
/// [`Tmux::text`], the screen comes back with [`Tmux::screen`] (or, settled, with
/// [`Tmux::when`]); the server is killed when this is dropped.
pub struct Tmux {
    socket: PathBuf,
}

impl Tmux {
    /// A terminal whose server will listen on a socket in `dir` named after `name`;
    /// nothing runs until [`Tmux::open`].
    pub fn at(dir: &Path, name: &str) -> Tmux {
        Tmux {
            socket: dir.join(format!("tmux-{name}.sock")),
        }
    }

    /// Runs `script` (a shell command line) in a `columns` x `rows` window.
    pub fn open(&self, columns: u16, rows: u16, script: &str) {
        let (columns, rows) = (columns.to_string(), rows.to_string());
        let started = self.run(&["new-session", "-d", "-x", &columns, "-y", &rows, script]);
        assert!(
            started.status.success(),
            "tmux new-session: {}",
            String::from_utf8_lossy(&started.stderr)
        );
    }

    fn run(&self, args: &[&str]) -> std::process::Output {
        Command::new("tmux")
            .arg("-S")
            .arg(&self.socket)
            .args(args)
            .output()
            .expect("tmux is installed (.ci/run installs it)")
    }

    /// Presses tmux keys (`Enter`, `Escape`, `Down`, `C-c`, a letter).
    pub fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys"];
        args.extend_from_slice(keys);
        self.run(&args);
    }

    /// Types `text` as it is.
    pub fn text(&self, text: &str) {
        self.run(&["send-keys", "-l", text]);
    }

    /// Resizes the window, as a learner dragging its corner would.
    pub fn resize(&self, columns: u16, rows: u16) {
        self.run(&[
            "resize-window",
            "-x",
            &columns.to_string(),
            "-y",
            &rows.to_string(),
        ]);
    }

    /// What the screen shows now, as text, without trailing blanks.
    pub fn screen(&self) -> String {
        trimmed(&self.run(&["capture-pane", "-p"]).stdout)
    }

    /// What the screen shows now, with its colours as escape codes.
    pub fn screen_with_escapes(&self) -> String {
        trimmed(&self.run(&["capture-pane", "-p", "-e"]).stdout)
    }

    /// The screen once it shows `needle` and has stopped changing (the same for three
    /// looks 50 ms apart; polled for up to a minute: long enough for the slowest
    /// machine, and it returns as soon as the screen is ready). A needle that is the
    /// last thing drawn before the program waits for a key makes a settled screen the
    /// whole one.
    pub fn when(&self, needle: &str) -> String {
        let start = std::time::Instant::now();
        let mut last = String::new();
        let mut same = 0;
        while start.elapsed() < std::time::Duration::from_secs(60) {
            let now = self.screen();
            same = if now == last { same + 1 } else { 0 };
            if now.contains(needle) && same >= 2 {
                return now;
            }
            last = now;
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
        panic!("the screen never showed {needle:?}:\n{last}");
    }
}

/// Captured screen text without the blanks after each line and at the end.
fn trimmed(captured: &[u8]) -> String {
    let text = String::from_utf8_lossy(captured);
    let lines: Vec<&str> = text.lines().map(str::trim_end).collect();
    lines.join("\n").trim_end().to_owned()
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.run(&["kill-server"]);
    }
}

/// `recall` at a real terminal: a temporary home (the database, the config and any
/// files a test puts there) and a [`Tmux`] window running `recall` with nothing from
/// the environment but PATH, `TERM=xterm-256color`, a UTF-8 locale, the home's files
/// and a fixed `RECALL_NOW`; no editor and no colour setting unless a test adds one.
/// The keys and the screen are the [`Tmux`]'s.
pub struct Screen {
    // Dropped first, so that the server is killed through its socket before the home
    // that holds the socket is removed.
    tmux: Tmux,
    pub home: tempfile::TempDir,
    status: PathBuf,
    now: String,
}

impl Screen {
    /// A temporary home to prepare before [`Screen::run`], with the clock at `now`.
    pub fn new(now: &str) -> Screen {
        let home = tempfile::tempdir().expect("temp dir");
        let tmux = Tmux::at(home.path(), "recall");
        let status = home.path().join("status");
        Screen {
            tmux,
            home,
            status,
            now: now.to_owned(),
        }
    }

    /// `recall ARGS` started at once in a fresh home, in a `columns` x `rows` window.
    pub fn start(now: &str, columns: u16, rows: u16, args: &str) -> Screen {
        let screen = Screen::new(now);
        screen.run(columns, rows, "", args);
        screen
    }

    /// Runs `recall ARGS` (a shell command line: redirections work) with the variables
    /// `env` (`NAME=value ...`) besides ours.
    pub fn run(&self, columns: u16, rows: u16, env: &str, args: &str) {
        let script = format!(
            "env -i PATH=/usr/bin:/bin HOME={home} TERM=xterm-256color LANG=C.UTF-8 \
             RECALL_DB={home}/recall.db RECALL_CONFIG={home}/config.toml RECALL_NOW={now} \
             VISUAL= EDITOR= {env} {bin} {args}; echo EXIT=$? > {status}; sleep 60",
            home = self.home.path().display(),
            now = self.now,
            bin = env!("CARGO_BIN_EXE_recall"),
            status = self.status.display(),
        );
        self.tmux.open(columns, rows, &script);
    }

    /// The exit status, once recall has ended.
    pub fn exit(&self) -> i32 {
        let mut code = None;
        let ended = wait_for(|| {
            code = std::fs::read_to_string(&self.status)
                .ok()
                .and_then(|text| text.trim().strip_prefix("EXIT=")?.parse().ok());
            code.is_some()
        });
        assert!(ended, "recall did not end:\n{}", self.screen());
        code.unwrap_or(-1)
    }

    pub fn database(&self) -> PathBuf {
        self.home.path().join("recall.db")
    }
}

impl std::ops::Deref for Screen {
    type Target = Tmux;

    fn deref(&self) -> &Tmux {
        &self.tmux
    }
}

/// Makes every commit of an answer to the database at `db` fail from now on, as a full
/// disk would, by a trigger (test-only, never in a learner's database); dropping the
/// trigger through the returned connection gives the disk its room back.
pub fn fill_the_disk(db: &Path) -> rusqlite::Connection {
    let connection = rusqlite::Connection::open(db).expect("open the database");
    connection
        .execute_batch(
            "CREATE TRIGGER full_disk BEFORE INSERT ON review \
             BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END;",
        )
        .expect("the trigger");
    connection
}

/// Whether the tests run as root (CI does), who may mount file systems and act as
/// another user.
pub fn running_as_root() -> bool {
    #[cfg(target_os = "linux")]
    {
        use std::os::unix::fs::MetadataExt;
        std::fs::metadata("/proc/self").is_ok_and(|m| m.uid() == 0)
    }
    #[cfg(not(target_os = "linux"))]
    {
        false
    }
}

/// The user and group tests run recall as when they need someone other than the owner
/// of the files: `nobody`.
pub const NOBODY: (u32, u32) = (65_534, 65_534);

/// Whether recall can be run as [`NOBODY`] (root, and the binary is reachable by others);
/// when not, prints why the test calling it is skipped.
pub fn can_run_as_nobody(test: &str) -> bool {
    if !running_as_root() {
        eprintln!("skipped {test}: it runs recall as another user, which needs root");
        return false;
    }
    let home = tempfile::tempdir().expect("temp dir");
    make_public(home.path());
    let runs = Recall::new()
        .arg("--version")
        .current_dir(home.path())
        .run_as(NOBODY.0, NOBODY.1)
        .run();
    if runs.code != 0 {
        eprintln!(
            "skipped {test}: the user nobody cannot run {} ({})",
            env!("CARGO_BIN_EXE_recall"),
            runs.stderr.trim()
        );
        return false;
    }
    true
}

/// Lets everyone into `dir` (read and traverse), as a home other users can reach.
pub fn make_public(dir: &Path) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    }
}

/// A tiny tmpfs, mounted for one test and unmounted when dropped: the one way to fill a
/// disk for real. `None` (after printing why the test is skipped) where the test may not
/// mount one (not root, or no permission in this container).
pub struct Tmpfs {
    dir: tempfile::TempDir,
}

impl Tmpfs {
    pub fn mount(test: &str, bytes: u64) -> Option<Tmpfs> {
        if !cfg!(target_os = "linux") || !running_as_root() {
            eprintln!("skipped {test}: mounting a tmpfs needs root on Linux");
            return None;
        }
        let dir = tempfile::tempdir().expect("temp dir");
        let output = Command::new("mount")
            .args(["-t", "tmpfs", "-o"])
            .arg(format!("size={bytes},mode=0777"))
            .arg("tmpfs")
            .arg(dir.path())
            .output();
        match output {
            Ok(output) if output.status.success() => Some(Tmpfs { dir }),
            Ok(output) => {
                eprintln!(
                    "skipped {test}: cannot mount a tmpfs here ({})",
                    String::from_utf8_lossy(&output.stderr).trim()
                );
                None
            }
            Err(error) => {
                eprintln!("skipped {test}: cannot run mount ({error})");
                None
            }
        }
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Fills the file system: a file written until the disk says it is full.
    pub fn fill(&self) {
        let mut filler = std::fs::File::create(self.path().join("filler")).expect("filler");
        let block = vec![0x55u8; 4096];
        while filler.write_all(&block).is_ok() {}
        // Then byte by byte, so not even a few bytes are left.
        while filler.write_all(&[0x55]).is_ok() {}
        let _ = filler.sync_all();
    }

    /// Makes room again.
    pub fn drain(&self) {
        let _ = std::fs::remove_file(self.path().join("filler"));
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(self.dir.path()).status();
    }
}
