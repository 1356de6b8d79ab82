//! What crosscheck's tests share.
//!
//! Tests that read real data need the shared folder (`../shared` beside the
//! workspace, as CI lays it out, or `CROSSCHECK_SHARED`); the HTML rendering
//! test needs Chromium, the web app's browser tests Chromium and
//! ChromeDriver, the PostgreSQL store's tests a PostgreSQL 15 server
//! ([`postgres`] starts one). When one is missing, such a test must show as
//! `ignored` in the `cargo test` summary, with the reason, instead of
//! passing quietly; and under `CI=true` it must fail instead.
//!
//! A crate with such tests calls [`build::skip_without_shared`] (or
//! [`build::skip_without_chromium`], [`build::skip_without_webdriver`],
//! [`build::skip_without_postgres`]) from its `build.rs`. When the thing is
//! missing and `CI` is not `true`, that sets the cfg `no_shared` (or
//! `no_chromium`, `no_webdriver`, `no_postgres`, or `no_spark` for pyspark with
//! Java), and the tests carry
//! `#[cfg_attr(no_shared, ignore = "SKIPPED: ../shared not found (set CROSSCHECK_SHARED)")]`.
//! Under `CI=true` the cfg is never set, the test runs, and [`shared`] fails
//! it with a message naming the missing path.

use std::path::{Path, PathBuf};

pub mod postgres;

/// A small deterministic random generator (Knuth's MMIX linear
/// congruential one), so that a test drawing random inputs draws the same
/// ones on every run and a failure can be replayed.
#[derive(Debug, Clone)]
pub struct Lcg(u64);

impl Lcg {
    /// A generator starting from `seed`.
    pub fn new(seed: u64) -> Lcg {
        Lcg(seed)
    }

    /// The next number of the sequence.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0
    }

    /// A number below `n` (0 when `n` is 0), from the sequence's high bits.
    pub fn below(&mut self, n: usize) -> usize {
        ((self.next_u64() >> 33) as usize) % n.max(1)
    }
}

/// The shared data folder: `CROSSCHECK_SHARED`, else `../shared` beside the
/// workspace.
pub fn shared_dir() -> PathBuf {
    match std::env::var_os("CROSSCHECK_SHARED") {
        Some(dir) => PathBuf::from(dir),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared"),
    }
}

/// `rel` inside the shared folder; panics, naming the path, when it is
/// missing (a test only gets here when the folder is there, or under CI).
#[track_caller]
pub fn shared(rel: &str) -> PathBuf {
    let path = shared_dir().join(rel);
    assert!(
        path.exists(),
        "shared data missing: {} (tests need ../shared beside the checkout, or CROSSCHECK_SHARED)",
        path.display()
    );
    path
}

/// Whether the shared folder is there (its seed articles are the marker).
pub fn has_shared() -> bool {
    shared_dir().join("corpus/seeds").is_dir()
}

/// Whether this process runs as root (`id -u` says 0).
pub fn is_root() -> bool {
    std::process::Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
}

/// The first Chromium-like browser on `PATH`.
pub fn chromium() -> Option<PathBuf> {
    on_path(&[
        "chromium",
        "chromium-browser",
        "google-chrome",
        "google-chrome-stable",
    ])
}

/// ChromeDriver on `PATH` (Debian package `chromium-driver`): what browser
/// tests drive Chromium through (WebDriver).
pub fn chromedriver() -> Option<PathBuf> {
    on_path(&["chromedriver"])
}

fn on_path(names: &[&str]) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    names
        .iter()
        .flat_map(|name| std::env::split_paths(&path).map(move |dir| dir.join(name)))
        .find(|candidate| candidate.is_file())
}

/// The Python that runs the Spark job in local mode: `CROSSCHECK_PYTHON`,
/// else `python3`, when it imports pyspark and a Java runtime answers.
pub fn spark_python() -> Option<PathBuf> {
    let python = std::env::var_os("CROSSCHECK_PYTHON")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("python3"));
    let works = |program: &Path, args: &[&str]| {
        std::process::Command::new(program)
            .args(args)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .status()
            .is_ok_and(|s| s.success())
    };
    let ready =
        works(&python, &["-c", "import pyspark"]) && works(Path::new("java"), &["-version"]);
    ready.then_some(python)
}

/// Checks for `build.rs`.
pub mod build {
    /// Under `CI=true` nothing is skipped.
    fn in_ci() -> bool {
        std::env::var("CI").as_deref() == Ok("true")
    }

    fn declare(cfg: &str) {
        println!("cargo::rustc-check-cfg=cfg({cfg})");
        println!("cargo::rerun-if-env-changed=CI");
    }

    /// Sets cfg `no_shared` when the shared folder is missing and `CI` is
    /// not `true`.
    pub fn skip_without_shared() {
        declare("no_shared");
        println!("cargo::rerun-if-env-changed=CROSSCHECK_SHARED");
        println!(
            "cargo::rerun-if-changed={}",
            super::shared_dir().join("corpus/seeds").display()
        );
        if !super::has_shared() && !in_ci() {
            println!("cargo::rustc-cfg=no_shared");
        }
    }

    /// Sets cfg `not_root` when the build does not run as root and `CI` is
    /// not `true`: tests that make device nodes (in a temp dir) need root.
    pub fn skip_without_root() {
        declare("not_root");
        if !super::is_root() && !in_ci() {
            println!("cargo::rustc-cfg=not_root");
        }
    }

    /// Sets cfg `no_spark` when pyspark or Java is missing (see
    /// [`super::spark_python`]) and `CI` is not `true`.
    pub fn skip_without_spark() {
        declare("no_spark");
        println!("cargo::rerun-if-env-changed=PATH");
        println!("cargo::rerun-if-env-changed=CROSSCHECK_PYTHON");
        if super::spark_python().is_none() && !in_ci() {
            println!("cargo::rustc-cfg=no_spark");
        }
    }

    /// Sets cfg `no_chromium` when no Chromium is on `PATH` and `CI` is not
    /// `true`.
    pub fn skip_without_chromium() {
        declare("no_chromium");
        println!("cargo::rerun-if-env-changed=PATH");
        if super::chromium().is_none() && !in_ci() {
            println!("cargo::rustc-cfg=no_chromium");
        }
    }

    /// Sets cfg `no_postgres` when the PostgreSQL 15 server programs are
    /// missing and `CI` is not `true` (tests of the PostgreSQL store start
    /// a real server).
    pub fn skip_without_postgres() {
        declare("no_postgres");
        println!("cargo::rerun-if-env-changed=CROSSCHECK_PG_BIN");
        if !super::postgres::available() && !in_ci() {
            println!("cargo::rustc-cfg=no_postgres");
        }
    }

    /// Sets cfg `no_webdriver` when Chromium or ChromeDriver is not on `PATH`
    /// and `CI` is not `true` (browser tests need both).
    pub fn skip_without_webdriver() {
        declare("no_webdriver");
        println!("cargo::rerun-if-env-changed=PATH");
        if (super::chromium().is_none() || super::chromedriver().is_none()) && !in_ci() {
            println!("cargo::rustc-cfg=no_webdriver");
        }
    }
}

/// The seed articles (`corpus/seeds/*.txt`), sorted by name.
#[track_caller]
pub fn seed_files() -> Vec<PathBuf> {
    let dir = shared("corpus/seeds");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|e| e == "txt"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    assert!(!files.is_empty(), "no seed articles in {}", dir.display());
    files
}

/// Fills `corpus` with the seed articles (`00-<name>`, one shard each) and
/// the first `stories` Reuters-21578 stories in JSONL shards of `per_shard`
/// (`10-reuters-<n>.jsonl`): the mixed input the map/reduce and Spark tests
/// compare ledgers on.
pub fn write_seed_and_reuters_shards(corpus: &Path, stories: usize, per_shard: usize) {
    use std::io::{BufRead, Write};
    std::fs::create_dir_all(corpus).expect("create the corpus directory");
    let per_shard = per_shard.max(1);
    for seed in seed_files() {
        let name = seed.file_name().map(|n| n.to_string_lossy().into_owned());
        let name = format!("00-{}", name.unwrap_or_default());
        std::fs::copy(&seed, corpus.join(name)).expect("copy a seed article");
    }
    let reuters = shared("corpus/reuters21578/reuters21578.jsonl");
    let file = std::fs::File::open(&reuters).expect("open the Reuters stories");
    let mut shard = None;
    for (i, line) in std::io::BufReader::new(file)
        .lines()
        .take(stories)
        .enumerate()
    {
        if i % per_shard == 0 {
            let path = corpus.join(format!("10-reuters-{}.jsonl", i / per_shard));
            shard = Some(std::fs::File::create(path).expect("create a shard"));
        }
        let line = line.expect("read a Reuters story");
        if let Some(out) = shard.as_mut() {
            writeln!(out, "{line}").expect("write a shard");
        }
    }
}

/// A fixed pseudo-random stream (xorshift64) for the tests that throw
/// arbitrary input at a reader: the same seed gives the same cases on every
/// run, so a failure can be replayed.
#[derive(Debug, Clone)]
pub struct XorShift(u64);

impl XorShift {
    /// A stream from `seed` (0, which would stay 0, is taken as 1).
    pub fn new(seed: u64) -> XorShift {
        XorShift(seed.max(1))
    }

    /// The next 64 bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// A number below `n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % (n as u64).max(1)) as usize
    }
}
