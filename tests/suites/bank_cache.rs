//! The bank cache (`bank::cache`): an unchanged file is never parsed again, and any
//! change to the files (an edit, even one that keeps the size and the modification
//! time, an added or a removed file) shows at once. A broken cache is ignored.

use crate::util::{Recall, root};
use recall::bank::{self, CacheStats, Library};
use recall::paths::BankSource;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

const QUESTION: &str = "[[question]]\nid = \"q\"\nkind = \"true_false\"\nprompt = \"Is it cached?\"\nanswer = true\nexplanation = \"It is.\"\n";

struct Fixture {
    dir: tempfile::TempDir,
}

impl Fixture {
    /// Two banks, `a` and `b`, in `banks/`.
    fn new() -> Fixture {
        let fixture = Fixture {
            dir: tempfile::tempdir().expect("temp dir"),
        };
        std::fs::create_dir_all(fixture.banks()).expect("mkdir");
        fixture.write("a", "Bank A");
        fixture.write("b", "Bank B");
        fixture
    }

    fn banks(&self) -> PathBuf {
        self.dir.path().join("banks")
    }

    fn cache(&self) -> PathBuf {
        bank::cache::path_for(&self.dir.path().join("recall.db"))
    }

    fn file(&self, id: &str) -> PathBuf {
        self.banks().join(format!("{id}.toml"))
    }

    fn write(&self, id: &str, title: &str) {
        let text = format!("[bank]\nid = \"{id}\"\ntitle = \"{title}\"\n\n{QUESTION}");
        std::fs::write(self.file(id), text).expect("write bank");
    }

    fn load(&self) -> Library {
        let source = BankSource::Paths(vec![self.banks()]);
        bank::load_cached(&source, Some(&self.cache())).expect("load")
    }

    fn title(library: &Library, id: &str) -> String {
        library.bank(id).expect("bank").title.clone()
    }
}

/// What a load did, for files written within the last two seconds: every hit was hashed
/// (racy), none trusted from its metadata alone.
fn stats(hits: usize, parsed: usize, written: bool) -> CacheStats {
    CacheStats {
        hits,
        trusted: 0,
        parsed,
        written,
    }
}

#[test]
fn an_unchanged_file_is_not_parsed_again() {
    let f = Fixture::new();
    let first = f.load();
    assert_eq!(first.cache, stats(0, 2, true));
    let second = f.load();
    assert_eq!(second.cache, stats(2, 0, false));
    assert_eq!(first.banks, second.banks);
    assert_eq!(first.diagnostics, second.diagnostics);
}

#[test]
fn an_edit_is_picked_up_at_once() {
    let f = Fixture::new();
    f.load();
    f.write("a", "Bank A, edited to a new length");
    let library = f.load();
    assert_eq!(library.cache, stats(1, 1, true));
    assert_eq!(
        Fixture::title(&library, "a"),
        "Bank A, edited to a new length"
    );
    assert_eq!(f.load().cache, stats(2, 0, false));
}

#[test]
fn an_edit_that_keeps_the_size_and_the_modification_time_is_picked_up() {
    let f = Fixture::new();
    let path = f.file("a");
    // A whole second, as a filesystem with coarse times would record it.
    let when = SystemTime::UNIX_EPOCH + Duration::from_secs(1_700_000_000);
    let set_time = |path: &Path| {
        let file = std::fs::File::options()
            .write(true)
            .open(path)
            .expect("open");
        file.set_modified(when).expect("set mtime");
    };
    set_time(&path);
    let size = std::fs::metadata(&path).expect("stat").len();
    assert_eq!(Fixture::title(&f.load(), "a"), "Bank A");

    f.write("a", "Bank Z"); // same length as "Bank A"
    set_time(&path);
    assert_eq!(std::fs::metadata(&path).expect("stat").len(), size);
    assert_eq!(
        std::fs::metadata(&path)
            .expect("stat")
            .modified()
            .expect("mtime"),
        when
    );
    let library = f.load();
    assert_eq!(library.cache, stats(1, 1, true));
    assert_eq!(Fixture::title(&library, "a"), "Bank Z");
}

#[test]
fn an_added_file_is_loaded_and_a_removed_one_forgotten() {
    let f = Fixture::new();
    f.load();
    f.write("c", "Bank C");
    let library = f.load();
    assert_eq!(library.cache, stats(2, 1, true));
    assert!(library.bank("c").is_some());

    std::fs::remove_file(f.file("b")).expect("remove");
    let library = f.load();
    assert!(library.bank("b").is_none());
    assert_eq!(library.banks.len(), 2);
    // Nothing was parsed, but the cache was rewritten without the removed file.
    assert_eq!(library.cache, stats(2, 0, true));
    assert_eq!(f.load().cache, stats(2, 0, false));
}

#[test]
fn files_with_problems_are_cached_with_their_diagnostics() {
    let f = Fixture::new();
    std::fs::write(
        f.file("broken"),
        "[bank]\nid = \"broken\"\ntitle = \"\"\n\n[[question]]\nid = \"q\"\nkind = \"essay\"\n",
    )
    .expect("write");
    let first = f.load();
    assert!(first.has_errors());
    let second = f.load();
    assert_eq!(second.cache.parsed, 0);
    assert_eq!(first.diagnostics, second.diagnostics);
    let rendered =
        |l: &Library| -> Vec<String> { l.diagnostics.iter().map(|d| d.render()).collect() };
    assert_eq!(rendered(&first), rendered(&second));
}

#[test]
fn a_corrupt_or_foreign_cache_is_ignored_and_replaced() {
    let f = Fixture::new();
    let reference = f.load();
    let good = std::fs::read(f.cache()).expect("cache written");
    let mut flipped = good.clone();
    let middle = flipped.len() / 2;
    flipped[middle] ^= 0xff;
    let truncated = good[..good.len() / 3].to_vec();
    for (what, bytes) in [
        ("garbage", b"not a cache at all".to_vec()),
        ("empty", Vec::new()),
        ("truncated", truncated),
        ("a flipped byte", flipped),
    ] {
        std::fs::write(f.cache(), &bytes).expect("write cache");
        let library = f.load();
        assert_eq!(library.banks, reference.banks, "{what}");
        assert_eq!(library.diagnostics, reference.diagnostics, "{what}");
        assert!(library.cache.parsed >= 1, "{what}: damage went unseen");
        // The next load is served from a cache that works again.
        let again = f.load();
        assert_eq!(again.banks, reference.banks, "{what}");
    }
}

#[test]
fn other_files_in_the_cache_are_kept_while_they_exist() {
    let f = Fixture::new();
    f.load();
    // A run over one file only does not evict the other.
    let only_a = BankSource::Paths(vec![f.file("a")]);
    let library = bank::load_cached(&only_a, Some(&f.cache())).expect("load");
    assert_eq!(library.cache, stats(1, 0, false));
    assert_eq!(f.load().cache, stats(2, 0, false));
}

#[test]
fn without_a_cache_every_file_is_parsed() {
    let f = Fixture::new();
    let source = BankSource::Paths(vec![f.banks()]);
    let library = bank::load_cached(&source, None).expect("load");
    assert_eq!(library.cache, stats(0, 2, false));
    assert!(!f.cache().exists());
    assert_eq!(bank::load(&source).expect("load").banks, library.banks);
}

#[test]
fn check_reads_through_the_cache_beside_the_database() {
    let banks = root().join("tests/banks/valid");
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("recall.db");
    let check = || {
        Recall::new()
            .arg("--db")
            .arg(&db)
            .arg("check")
            .arg(&banks)
            .run()
    };
    let first = check();
    assert_eq!(first.code, 0, "{}", first.transcript());
    assert!(bank::cache::path_for(&db).exists());
    let second = check();
    assert_eq!(second.transcript(), first.transcript());
}

/// `recall check` of `banks` with the database at `db`, in a shell that caps the address
/// space at 4 GiB: a recall that reads without end fails quickly instead of filling the
/// machine's memory. A recall that hangs is killed after five minutes (a working one takes
/// well under a second), so a regression fails instead of hanging the suite.
fn bounded_check(db: &Path, banks: &Path) -> (Option<i32>, String) {
    let home = tempfile::tempdir().expect("temp dir");
    let mut child = std::process::Command::new("sh")
        .arg("-c")
        .arg("ulimit -v 4194304 && exec \"$0\" \"$@\"")
        .arg(env!("CARGO_BIN_EXE_recall"))
        .arg("--db")
        .arg(db)
        .arg("check")
        .arg(banks)
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", home.path())
        .env("RECALL_CONFIG", home.path().join("config.toml"))
        .current_dir(home.path())
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("spawn");
    let deadline = std::time::Instant::now() + Duration::from_secs(300);
    loop {
        if let Some(status) = child.try_wait().expect("poll") {
            let mut stderr = String::new();
            if let Some(mut pipe) = child.stderr.take() {
                let _ = std::io::Read::read_to_string(&mut pipe, &mut stderr);
            }
            return (status.code(), stderr);
        }
        if std::time::Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            return (None, "still running after five minutes: it hung".to_owned());
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Regression (issue 16): the cache was read with an unbounded read and no look at what
/// it is. A FIFO at its path hung every command; a link to `/dev/zero` ate memory until
/// the process was killed. Both are ignored, the banks load, and the next cache written
/// replaces them with a real one.
#[cfg(unix)]
#[test]
fn a_cache_that_is_not_a_regular_file_is_ignored() {
    let banks = root().join("tests/banks/valid");
    for what in ["fifo", "/dev/zero"] {
        let dir = tempfile::tempdir().expect("temp dir");
        let db = dir.path().join("recall.db");
        let cache = bank::cache::path_for(&db);
        if what == "fifo" {
            let made = std::process::Command::new("mkfifo").arg(&cache).status();
            if !made.is_ok_and(|s| s.success()) {
                eprintln!("skipped the FIFO case: this system has no mkfifo");
                continue;
            }
        } else {
            std::os::unix::fs::symlink(what, &cache).expect("symlink");
        }
        let (code, stderr) = bounded_check(&db, &banks);
        assert_eq!(code, Some(0), "{what}: {stderr}");
        let metadata = std::fs::symlink_metadata(&cache).expect("a cache");
        assert!(metadata.is_file(), "{what} was not replaced by a cache");
        assert_eq!(
            bank::cache::inspect(&cache),
            bank::cache::CacheFile::Usable(metadata.len())
        );
    }
}

/// Loads the fixture's banks as a catalog through its cache.
fn catalog(f: &Fixture) -> bank::Catalog {
    let source = BankSource::Paths(vec![f.banks()]);
    bank::Catalog::load(&source, Some(&f.cache())).expect("load")
}

/// A catalog decodes only the questions asked for, and they are the library's own,
/// whether the file was parsed in this run or taken from the cache.
#[test]
fn a_catalog_decodes_only_the_questions_asked_for() {
    let f = Fixture::new();
    std::fs::write(
        f.file("c"),
        format!(
            "[bank]\nid = \"c\"\ntitle = \"Bank C\"\ntags = [\"t\"]\n\n{QUESTION}\n{}",
            QUESTION
                .replace("\"q\"", "\"r\"")
                .replace("cached?", "also cached?")
        ),
    )
    .expect("write");
    let full = f.load();
    for run in ["parsed", "from the cache"] {
        if run == "parsed" {
            std::fs::remove_file(f.cache()).expect("remove cache");
        }
        let catalog = catalog(&f);
        let parsed = if run == "parsed" { 3 } else { 0 };
        assert_eq!(catalog.cache.parsed, parsed, "{run}");
        let ids: Vec<(String, String)> = catalog
            .questions()
            .iter()
            .map(|o| (catalog.bank_of(o).id.clone(), o.id.clone()))
            .collect();
        let expected: Vec<(String, String)> = full
            .questions()
            .map(|(b, q)| (b.id.clone(), q.id.clone()))
            .collect();
        assert_eq!(ids, expected, "{run}");
        assert!(
            catalog.banks.iter().all(|b| b.questions.is_empty()),
            "{run}"
        );

        let some = catalog
            .library_of(|o| catalog.bank_of(o).id == "c" && o.id == "r")
            .expect("library");
        let got: Vec<&recall::bank::Question> = some.questions().map(|(_, q)| q).collect();
        let (_, r) = full.find("c/r").expect("c/r");
        assert_eq!(got, vec![r], "{run}");
        assert_eq!(some.banks.len(), full.banks.len(), "{run}");

        let c = catalog.full_bank("c").expect("read").expect("bank c");
        assert_eq!(&c, full.bank("c").expect("bank c"), "{run}");
        assert_eq!(catalog.into_library().expect("library").banks, full.banks);
    }
}

/// A question damaged in the cache (its bytes no longer match their checksum) is read
/// from its bank file instead, and the cache is thrown away to be written again.
#[test]
fn a_damaged_question_is_read_from_its_file() {
    let f = Fixture::new();
    let full = f.load();
    assert!(f.load().cache.hits == 2);
    let mut bytes = std::fs::read(f.cache()).expect("cache");
    // The questions region is at the end of the file: the last byte is a question's.
    let last = bytes.len() - 1;
    bytes[last] ^= 0xff;
    std::fs::write(f.cache(), &bytes).expect("write cache");
    let catalog = catalog(&f);
    assert_eq!(catalog.cache.parsed, 0, "the heads are intact");
    let library = catalog.library_of(|_| true).expect("library");
    assert_eq!(library.banks, full.banks);
    assert!(!f.cache().exists(), "the damaged cache was kept");
    assert_eq!(f.load().banks, full.banks);
    assert_eq!(f.load().cache, stats(2, 0, false));
}

/// Damage anywhere in the cache's bodies (questions, outlines, keys, places) is caught:
/// a lean catalog's keys, the questions it decodes by key, and its outlines are always
/// the banks' own, read from the files where the cache is damaged.
#[test]
fn damage_anywhere_in_the_bodies_never_shows_what_the_banks_do_not_say() {
    let f = Fixture::new();
    std::fs::write(
        f.file("c"),
        format!(
            "[bank]\nid = \"c\"\ntitle = \"Bank C\"\n\n{QUESTION}\n{}",
            QUESTION
                .replace("\"q\"", "\"r\"")
                .replace("cached?", "kept?")
        ),
    )
    .expect("write");
    let full = f.load();
    let intact = std::fs::read(f.cache()).expect("cache");
    let keys: Vec<(String, String)> = full
        .questions()
        .map(|(b, q)| (b.id.clone(), q.id.clone()))
        .collect();
    let source = BankSource::Paths(vec![f.banks()]);
    // The bodies are the end of the file: the last bank's, and more.
    for at in intact.len().saturating_sub(700)..intact.len() {
        let mut bytes = intact.clone();
        bytes[at] ^= 0x5a;
        std::fs::write(f.cache(), &bytes).expect("write cache");
        let mut catalog = bank::Catalog::load_lean(&source, Some(&f.cache())).expect("load");
        for (index, bank) in full.banks.iter().enumerate() {
            let found = catalog.keys(index).expect("keys");
            for (position, question) in bank.questions.iter().enumerate() {
                assert_eq!(found.id(position), Some(question.id.as_str()), "at {at}");
                assert_eq!(found.position(&question.id), Some(position), "at {at}");
            }
            assert_eq!(found.position("nowhere"), None, "at {at}");
        }
        let library = catalog
            .library_of_keys(keys.iter().map(|(b, q)| (b.as_str(), q.as_str())))
            .expect("library");
        assert_eq!(library.banks, full.banks, "at {at}");
        catalog.decode_outlines().expect("outlines");
        let ids: Vec<(String, String)> = catalog
            .questions()
            .iter()
            .map(|o| (catalog.bank_of(o).id.clone(), o.id.clone()))
            .collect();
        assert_eq!(ids, keys, "at {at}");
    }
}
