//! The `crosscheck` binary against hostile inputs and faults (issue 14):
//! outputs that must not destroy anything, streams that end badly, limits,
//! concurrent and read-only stores. Every run has a deadline (a hang fails
//! the test instead of blocking it), runs inside a temp dir, and never
//! touches a real device path: special files are made in the temp dir.

use std::io::{Read, Write};
use std::os::unix::fs::{FileTypeExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

const STORY: &str = "Mayor Ana Lind said the harbour plan would cost 5 million dollars. \
\"It is the right plan,\" she said on Tuesday.\n";

/// What one run gave.
struct Run {
    status: ExitStatus,
    stdout: Vec<u8>,
    stderr: String,
    took: Duration,
}

impl Run {
    fn code(&self) -> Option<i32> {
        self.status.code()
    }

    /// No panic message, no backtrace: a user sees only our own lines.
    fn assert_no_panic(&self) {
        assert!(
            !self.stderr.contains("panicked") && !self.stderr.contains("stack backtrace"),
            "{}",
            self.stderr
        );
        assert_ne!(self.code(), Some(101), "{}", self.stderr);
    }
}

fn binary() -> &'static str {
    env!("CARGO_BIN_EXE_crosscheck")
}

fn scratch() -> tempfile::TempDir {
    tempfile::tempdir().expect("temp dir")
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).expect("write fixture");
    path
}

/// Waits for `child` until `limit`; kills it and fails the test after.
fn finish(mut child: Child, limit: Duration) -> Run {
    let started = Instant::now();
    let mut stdout = child.stdout.take();
    let mut stderr = child.stderr.take();
    let out_reader = std::thread::spawn(move || {
        let mut buf = Vec::new();
        if let Some(s) = stdout.as_mut() {
            let _ = s.read_to_end(&mut buf);
        }
        buf
    });
    let err_reader = std::thread::spawn(move || {
        let mut buf = String::new();
        if let Some(s) = stderr.as_mut() {
            let _ = s.read_to_string(&mut buf);
        }
        buf
    });
    loop {
        if let Some(status) = child.try_wait().expect("wait") {
            let stdout = out_reader.join().unwrap_or_default();
            let stderr = err_reader.join().unwrap_or_default();
            return Run {
                status,
                stdout,
                stderr,
                took: started.elapsed(),
            };
        }
        if started.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            panic!("crosscheck still running after {limit:?}: a hang");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Runs crosscheck in `dir` with a deadline.
fn run(dir: &Path, args: &[&str]) -> Run {
    let child = Command::new(binary())
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("crosscheck starts");
    finish(child, Duration::from_secs(120))
}

/// Runs crosscheck under shell resource limits (`ulimit` lines).
fn run_limited(dir: &Path, limits: &str, args: &[&str]) -> Run {
    let child = Command::new("sh")
        .arg("-c")
        .arg(format!("{limits}; exec \"$0\" \"$@\""))
        .arg(binary())
        .args(args)
        .current_dir(dir)
        .env("MALLOC_ARENA_MAX", "2")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("sh starts");
    finish(child, Duration::from_secs(120))
}

/// Analyses `article.txt` in `dir` into the store `db` (ledger to
/// `l.json`), which must succeed.
fn store_article(dir: &Path, db: &str) {
    let r = run(
        dir,
        &["-q", "analyze", "article.txt", "--db", db, "-o", "l.json"],
    );
    assert_eq!(r.code(), Some(0), "{}", r.stderr);
}

/// Names in a directory, sorted (hidden ones included).
fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("list dir")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

fn mkfifo(path: &Path) {
    let made = Command::new("mkfifo")
        .arg(path)
        .status()
        .is_ok_and(|s| s.success());
    assert!(made, "mkfifo {} failed", path.display());
}

#[test]
fn outputs_never_replace_inputs_the_store_or_a_directory() {
    let dir = scratch();
    let d = dir.path();
    let article = write(d, "article.txt", STORY);
    std::fs::create_dir(d.join("out_dir")).expect("mkdir");
    let cases: &[(&[&str], &str)] = &[
        (
            &["analyze", "article.txt", "-o", "article.txt"],
            "is the input",
        ),
        (&["analyze", ".", "--csv", "article.txt"], "is the input"),
        (
            &["analyze", "article.txt", "--db", "s.db", "-o", "s.db"],
            "is the store",
        ),
        (
            &[
                "analyze",
                "article.txt",
                "--db",
                "s.db",
                "--html",
                "s.db-wal",
            ],
            "is the store",
        ),
        (
            &["analyze", "article.txt", "-o", "out_dir"],
            "is a directory",
        ),
        (
            &[
                "analyze",
                "article.txt",
                "--html",
                "x.out",
                "--csv",
                "x.out",
            ],
            "same file",
        ),
        (
            &[
                "analyze",
                "article.txt",
                "-o",
                "x.json",
                "--markdown",
                "./x.json",
            ],
            "same file",
        ),
    ];
    for (args, why) in cases {
        let r = run(d, args);
        assert_eq!(r.code(), Some(2), "{args:?}: {}", r.stderr);
        assert!(r.stderr.contains(why), "{args:?}: {}", r.stderr);
        assert_eq!(r.stderr.lines().count(), 1, "{args:?}: {}", r.stderr);
        r.assert_no_panic();
        // Refused before any analysis: nothing written, no store created.
        assert_eq!(std::fs::read_to_string(&article).unwrap_or_default(), STORY);
        assert_eq!(listing(d), vec!["article.txt", "out_dir"], "{args:?}");
    }
    // An existing store is not replaced either.
    store_article(d, "s.db");
    let before = std::fs::read(d.join("s.db")).unwrap_or_default();
    let r = run(d, &["analyze", "article.txt", "--db", "s.db", "-o", "s.db"]);
    assert_eq!(r.code(), Some(2));
    assert_eq!(std::fs::read(d.join("s.db")).unwrap_or_default(), before);
}

#[test]
fn special_files_and_symlinks_are_written_through() {
    let dir = scratch();
    let d = dir.path();
    write(d, "article.txt", STORY);
    // A symlink to a regular file: the file is replaced, the link stays.
    write(d, "real.json", "old");
    std::os::unix::fs::symlink("real.json", d.join("link.json")).expect("symlink");
    let r = run(d, &["-q", "analyze", "article.txt", "-o", "link.json"]);
    assert_eq!(r.code(), Some(0), "{}", r.stderr);
    assert!(
        std::fs::symlink_metadata(d.join("link.json")).is_ok_and(|m| m.file_type().is_symlink())
    );
    assert!(std::fs::read_to_string(d.join("real.json")).is_ok_and(|t| t.contains("\"schema\"")));
    // The "-o /dev/stdout" class: a link to this process's standard output.
    std::os::unix::fs::symlink("/proc/self/fd/1", d.join("stdout-link")).expect("symlink");
    let r = run(d, &["-q", "analyze", "article.txt", "-o", "stdout-link"]);
    assert_eq!(r.code(), Some(0), "{}", r.stderr);
    assert!(String::from_utf8_lossy(&r.stdout).contains("\"schema\""));
    assert!(
        std::fs::symlink_metadata(d.join("stdout-link")).is_ok_and(|m| m.file_type().is_symlink())
    );
    // A FIFO with a reader gets the ledger; it stays a FIFO.
    let fifo = d.join("ledger.fifo");
    mkfifo(&fifo);
    std::os::unix::fs::symlink("ledger.fifo", d.join("fifo-link")).expect("symlink");
    for target in ["ledger.fifo", "fifo-link"] {
        let reader_path = fifo.clone();
        let reader = std::thread::spawn(move || {
            let mut text = String::new();
            std::fs::File::open(reader_path)
                .and_then(|mut f| f.read_to_string(&mut text))
                .map(|_| text)
                .unwrap_or_default()
        });
        // The reader may not have opened yet: a FIFO without one is
        // refused, so try until it has.
        let mut r = run(d, &["-q", "analyze", "article.txt", "-o", target]);
        for _ in 0..100 {
            if r.code() == Some(0) {
                break;
            }
            std::thread::sleep(Duration::from_millis(50));
            r = run(d, &["-q", "analyze", "article.txt", "-o", target]);
        }
        assert_eq!(r.code(), Some(0), "{target}: {}", r.stderr);
        let got = reader.join().unwrap_or_default();
        assert!(got.contains("\"schema\""), "{target}: {got}");
        assert!(std::fs::metadata(&fifo).is_ok_and(|m| m.file_type().is_fifo()));
    }
    // Without a reader: an error at once, not a hang.
    let r = run(d, &["-q", "analyze", "article.txt", "-o", "ledger.fifo"]);
    assert_eq!(r.code(), Some(2));
    assert!(r.stderr.contains("no reader"), "{}", r.stderr);
    assert!(
        !listing(d).iter().any(|n| n.contains(".tmp")),
        "{:?}",
        listing(d)
    );
}

/// The "-o /dev/null" class, on a null device made in the temp dir (the
/// real one is never touched): written through, never replaced.
#[test]
#[cfg_attr(not_root, ignore = "SKIPPED: making a device node needs root")]
fn a_null_device_is_written_through_not_replaced() {
    let dir = scratch();
    let d = dir.path();
    write(d, "article.txt", STORY);
    let made_null = Command::new("mknod")
        .args(["null-device", "c", "1", "3"])
        .current_dir(d)
        .status()
        .is_ok_and(|s| s.success());
    assert!(made_null, "mknod failed: cannot make a device node here");
    std::os::unix::fs::symlink("null-device", d.join("null-link")).expect("symlink");
    for target in ["null-device", "null-link"] {
        let r = run(
            d,
            &[
                "-q",
                "analyze",
                "article.txt",
                "-o",
                target,
                "--csv",
                "null-device-csv",
            ],
        );
        assert_eq!(r.code(), Some(0), "{target}: {}", r.stderr);
        let meta = std::fs::metadata(d.join("null-device")).expect("still there");
        assert!(
            meta.file_type().is_char_device(),
            "{target} replaced the device"
        );
    }
    assert!(
        std::fs::symlink_metadata(d.join("null-link")).is_ok_and(|m| m.file_type().is_symlink())
    );
    assert!(
        !listing(d).iter().any(|n| n.contains(".tmp")),
        "{:?}",
        listing(d)
    );
}

#[test]
fn failed_or_killed_writes_leave_the_old_file_and_no_temporary() {
    let dir = scratch();
    let d = dir.path();
    // Enough text for a ledger of a few hundred KB.
    let text: String = (0..400)
        .map(|i| format!("Mayor Ana Lind said on day {i} that {i} ferries would run. "))
        .collect();
    write(d, "big.txt", &text);
    write(d, "ledger.json", "previous ledger");
    // A full disk: writes past 64 KB fail (SIGXFSZ ignored, so EFBIG).
    let r = run_limited(
        d,
        "trap '' XFSZ; ulimit -f 128",
        &["-q", "analyze", "big.txt", "-o", "ledger.json"],
    );
    assert_eq!(r.code(), Some(2), "{}", r.stderr);
    assert!(r.stderr.contains("ledger.json"), "{}", r.stderr);
    r.assert_no_panic();
    assert_eq!(
        std::fs::read_to_string(d.join("ledger.json")).unwrap_or_default(),
        "previous ledger"
    );
    assert_eq!(listing(d), vec!["big.txt", "ledger.json"]);
    // Killed at different moments: the old file or the whole new one,
    // never a temporary.
    for delay_ms in [5u64, 40, 120, 300, 700] {
        let child = Command::new(binary())
            .args(["-q", "analyze", "big.txt", "-o", "ledger.json"])
            .current_dir(d)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start");
        std::thread::sleep(Duration::from_millis(delay_ms));
        let mut child = child;
        let _ = child.kill();
        let _ = child.wait();
        assert_eq!(
            listing(d),
            vec!["big.txt", "ledger.json"],
            "killed after {delay_ms} ms"
        );
        let ledger = std::fs::read_to_string(d.join("ledger.json")).unwrap_or_default();
        assert!(
            ledger == "previous ledger" || ledger.trim_end().ends_with('}'),
            "killed after {delay_ms} ms: a partial ledger"
        );
    }
}

#[test]
fn a_closed_or_full_stdout_ends_cleanly() {
    let dir = scratch();
    let d = dir.path();
    write(d, "article.txt", &STORY.repeat(200));
    // `| head -1`: the reader goes away at once.
    let mut child = Command::new(binary())
        .args(["-q", "analyze", "article.txt"])
        .current_dir(d)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start");
    drop(child.stdout.take());
    let r = finish(child, Duration::from_secs(120));
    r.assert_no_panic();
    assert_eq!(r.code(), Some(2), "{}", r.stderr);
    assert!(r.stderr.contains("standard output"), "{}", r.stderr);
    // `> /dev/full`: standard output is a file that cannot grow (nor can
    // any other: `report --db` builds its ledger through a temporary file,
    // and says so).
    for (args, named) in [
        (&["-q", "analyze", "article.txt"][..], "standard output"),
        (&["documents", "--db", "s.db"][..], "standard output"),
        (&["report", "--ledger", "l.json"][..], "standard output"),
        (&["report", "--db", "s.db"][..], "temporary file"),
    ] {
        if args[0] == "documents" {
            store_article(d, "s.db");
        }
        let r = run_limited(d, "trap '' XFSZ; ulimit -f 0; exec >full.out", args);
        r.assert_no_panic();
        assert_eq!(r.code(), Some(2), "{args:?}: {}", r.stderr);
        assert!(r.stderr.contains(named), "{args:?}: {}", r.stderr);
    }
}

#[test]
fn endless_stdin_ends_with_a_clear_error() {
    let dir = scratch();
    for (args, what) in [
        (
            &["analyze", "-", "--max-document-mb", "1"][..],
            "limit for one document",
        ),
        (
            &["analyze", "-", "--max-input-mb", "2"][..],
            "limit for one file or stream",
        ),
    ] {
        let mut child = Command::new(binary())
            .args(["-q"])
            .args(args)
            .current_dir(dir.path())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start");
        let mut stdin = child.stdin.take().expect("stdin");
        let jsonl = args.contains(&"--max-input-mb");
        // Writes until crosscheck stops reading (then the pipe breaks).
        let writer = std::thread::spawn(move || {
            let mut n = 0u64;
            loop {
                let line = if jsonl {
                    format!(
                        "{{\"text\": \"Day {n}: the ferry strike went on, the union said.\"}}\n"
                    )
                } else {
                    "y\n".repeat(1000)
                };
                if stdin.write_all(line.as_bytes()).is_err() {
                    return;
                }
                n += 1;
            }
        });
        let r = finish(child, Duration::from_secs(300));
        let _ = writer.join();
        r.assert_no_panic();
        assert_eq!(r.code(), Some(1), "{}", r.stderr);
        assert!(r.stderr.contains(what), "{}", r.stderr);
    }
}

#[test]
fn too_many_jobs_are_clamped_with_a_message() {
    let dir = scratch();
    write(dir.path(), "article.txt", STORY);
    let r = run(
        dir.path(),
        &["--jobs", "100000", "analyze", "article.txt", "-o", "l.json"],
    );
    assert_eq!(r.code(), Some(0), "{}", r.stderr);
    assert!(
        r.stderr.contains("--jobs 100000 is more than"),
        "{}",
        r.stderr
    );
    let r = run(dir.path(), &["--jobs", "0", "analyze", "article.txt"]);
    assert_eq!(r.code(), Some(2), "{}", r.stderr);
}

#[test]
fn csv_cells_cannot_start_formulas() {
    let dir = scratch();
    let record = serde_json::json!({
        "title": "=HYPERLINK(\"http://evil.example\",\"x\")",
        "outlet": "=cmd|' /C calc'!A0",
        "text": "@SUM(1+1) was the headline. \"=2+5 is what I said,\" Mayor Ana Lind said on Tuesday. \
                 -5 degrees and +3 points, officials said.",
    });
    write(dir.path(), "feed.jsonl", &format!("{record}\n"));
    let r = run(
        dir.path(),
        &[
            "-q",
            "analyze",
            "feed.jsonl",
            "--csv",
            "claims.csv",
            "-o",
            "l.json",
        ],
    );
    assert_eq!(r.code(), Some(0), "{}", r.stderr);
    let csv = std::fs::read_to_string(dir.path().join("claims.csv")).unwrap_or_default();
    let mut rows = 0;
    for record in csv::Reader::from_reader(csv.as_bytes()).records() {
        let record = record.expect("a CSV row");
        rows += 1;
        // No text cell may open with a formula sign (numbers may be negative).
        for cell in record.iter().filter(|c| c.parse::<f64>().is_err()) {
            assert!(
                !cell.trim_start().starts_with(['=', '+', '-', '@']),
                "{cell:?} in {record:?}"
            );
        }
    }
    assert!(rows > 0, "no claims: {csv}");
    assert!(csv.contains("'=cmd"), "{csv}");
}

#[test]
fn concurrent_writers_on_a_new_store_all_succeed() {
    let dir = scratch();
    let d = dir.path();
    for i in 0..5 {
        write(
            d,
            &format!("a{i}.txt"),
            &STORY.replace("Tuesday", &format!("day {i}")),
        );
    }
    for round in 0..4 {
        let db = format!("s{round}.db");
        let children: Vec<Child> = (0..5)
            .map(|i| {
                Command::new(binary())
                    .args([
                        "-q",
                        "analyze",
                        &format!("a{i}.txt"),
                        "--db",
                        &db,
                        "-o",
                        &format!("l{round}{i}.json"),
                    ])
                    .current_dir(d)
                    .stdout(Stdio::piped())
                    .stderr(Stdio::piped())
                    .spawn()
                    .expect("start")
            })
            .collect();
        for child in children {
            let r = finish(child, Duration::from_secs(120));
            assert_eq!(r.code(), Some(0), "round {round}: {}", r.stderr);
        }
        let r = run(d, &["documents", "--db", &db]);
        assert!(
            String::from_utf8_lossy(&r.stdout).contains("5 documents"),
            "{}",
            String::from_utf8_lossy(&r.stdout)
        );
    }
}

#[test]
fn a_store_the_user_may_not_write_can_be_read() {
    let dir = scratch();
    let d = dir.path();
    write(d, "article.txt", STORY);
    let store_dir = d.join("store");
    std::fs::create_dir(&store_dir).expect("mkdir");
    store_article(d, "store/s.db");
    let is_root = Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0");
    // Root ignores permission bits: read as an unprivileged user instead.
    let set_mode = |path: &Path, mode: u32| {
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).expect("chmod")
    };
    set_mode(&store_dir.join("s.db"), 0o444);
    set_mode(&store_dir, 0o555);
    set_mode(d, 0o755);
    for args in [
        &["documents", "--db", "store/s.db"][..],
        &["report", "--db", "store/s.db", "--markdown", "-"][..],
    ] {
        let mut command = Command::new(binary());
        command
            .args(args)
            .current_dir(d)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        if is_root {
            use std::os::unix::process::CommandExt;
            command.uid(65534).gid(65534);
        }
        let r = finish(command.spawn().expect("start"), Duration::from_secs(120));
        assert_eq!(r.code(), Some(0), "{args:?}: {}", r.stderr);
        assert!(!r.stdout.is_empty());
    }
    // Nothing was created beside the store.
    assert_eq!(listing(&store_dir), vec!["s.db"]);
    set_mode(&store_dir, 0o755);
}

#[test]
fn a_slow_document_is_skipped_and_the_batch_goes_on() {
    let dir = scratch();
    let d = dir.path();
    // About 3 MB of invented text (16 MB in an optimised build, which reads
    // 3 MB in under 3 s): many seconds of work, over a 3 s limit that the
    // short story meets even in a debug build on a loaded machine.
    let lines = if cfg!(debug_assertions) {
        40_000
    } else {
        200_000
    };
    let text: String = (0..lines)
        .map(|i| {
            format!("Mayor Ana Lind said on day {i} that {i} ferries would run, officials said. ")
        })
        .collect();
    write(d, "slow.txt", &text);
    write(d, "quick.txt", STORY);
    let r = run(
        d,
        &[
            "--doc-timeout",
            "3",
            "analyze",
            "slow.txt",
            "quick.txt",
            "-o",
            "l.json",
        ],
    );
    r.assert_no_panic();
    assert_eq!(r.code(), Some(1), "{}", r.stderr);
    assert!(
        r.stderr.contains("slow.txt") && r.stderr.contains("longer than the 3-second limit"),
        "{}",
        r.stderr
    );
    let ledger = std::fs::read_to_string(d.join("l.json")).unwrap_or_default();
    assert!(ledger.contains("quick.txt"), "the quick document was lost");
    assert!(!ledger.contains("slow.txt"));
}

#[test]
fn hostile_sentences_stay_in_bounded_memory() {
    let dir = scratch();
    let d = dir.path();
    write(
        d,
        "percent.txt",
        &format!("Officials said {}", "5% ".repeat(20_000)),
    );
    write(
        d,
        "figures.txt",
        &format!("Officials said {}", "5% ".repeat(100_000)),
    );
    let words: Vec<String> = (0..60_000).map(|i| format!("word{i}")).collect();
    write(
        d,
        "no-stops.txt",
        &format!("The officials said that {}", words.join(" ")),
    );
    let quotes: Vec<String> = (0..50_000).map(|i| format!("\"q{i}\"")).collect();
    write(d, "quotes.txt", &format!("She said {}", quotes.join(" ")));
    for name in ["percent.txt", "figures.txt", "no-stops.txt", "quotes.txt"] {
        // 2 GiB of address space: these inputs took 3.6 to over 8 GB.
        let r = run_limited(
            d,
            "ulimit -v 2097152",
            &["-q", "--jobs", "2", "analyze", name, "-o", "l.json"],
        );
        r.assert_no_panic();
        assert_eq!(r.code(), Some(0), "{name}: {}", r.stderr);
        let size = std::fs::metadata(d.join("l.json"))
            .map(|m| m.len())
            .unwrap_or(u64::MAX);
        assert!(size < 64 << 20, "{name}: a {size}-byte ledger");
    }
}

#[test]
fn report_refuses_what_is_not_a_ledger_it_reads() {
    let dir = scratch();
    let d = dir.path();
    write(d, "article.txt", STORY);
    assert_eq!(
        run(d, &["-q", "analyze", "article.txt", "-o", "l.json"]).code(),
        Some(0)
    );
    let ledger = std::fs::read_to_string(d.join("l.json")).unwrap_or_default();
    let schema = format!("\"{}\"", crosscheck_model::SCHEMA);
    write(
        d,
        "future.json",
        &ledger.replacen(&schema, "\"crosscheck.ledger/99\"", 1),
    );
    write(d, "words.json", "y\ny\ny\n");
    write(d, "other.json", "{\"a\": 1}");
    for (file, why) in [
        ("future.json", "ledger schema crosscheck.ledger/99"),
        ("words.json", "not a crosscheck ledger"),
        ("other.json", "no schema field"),
    ] {
        let r = run(d, &["report", "--ledger", file]);
        assert_eq!(r.code(), Some(2), "{file}: {}", r.stderr);
        assert!(r.stderr.contains(why), "{file}: {}", r.stderr);
    }
    let r = run(d, &["report", "--ledger", "l.json"]);
    assert_eq!(r.code(), Some(0), "{}", r.stderr);

    // A ledger of the first schema is rewritten on the way in (the current
    // one is read as a stream): the same report.
    let mut old: serde_json::Value = serde_json::from_str(&ledger).expect("a JSON ledger");
    old["schema"] = "crosscheck.ledger/1".into();
    for claim in old["claims"].as_array_mut().expect("claims") {
        let claim = claim.as_object_mut().expect("a claim");
        let index = claim.remove("sentence").expect("a sentence index");
        claim.insert("sentence_index".into(), index);
        claim.insert("sentence".into(), "".into());
    }
    write(d, "old.json", &old.to_string());
    let current = run(d, &["report", "--ledger", "l.json", "--markdown", "l.md"]);
    let upgraded = run(
        d,
        &["report", "--ledger", "old.json", "--markdown", "old.md"],
    );
    assert_eq!(upgraded.code(), Some(0), "{}", upgraded.stderr);
    assert_eq!(current.code(), Some(0), "{}", current.stderr);
    let read = |name: &str| std::fs::read_to_string(d.join(name)).unwrap_or_default();
    assert!(!read("l.md").is_empty());
    assert_eq!(read("old.md"), read("l.md"));
}

#[test]
fn an_empty_directory_is_not_a_silent_success() {
    let dir = scratch();
    std::fs::create_dir(dir.path().join("empty")).expect("mkdir");
    let r = run(dir.path(), &["-q", "analyze", "empty", "-o", "l.json"]);
    assert_eq!(r.code(), Some(1), "{}", r.stderr);
    assert!(
        r.stderr.contains("empty: directory holds no files"),
        "{}",
        r.stderr
    );
    assert!(r.took < Duration::from_secs(60));
}
