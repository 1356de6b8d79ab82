//! The reliability suite: adversarial cases for every class of issue 14,
//! each built at run time in a temp dir, run against a `crosscheck`
//! binary under a deadline and an address-space limit, and judged:
//!
//! - **clear error**: the run failed (status 1 or 2) and said why in lines
//!   of its own (`crosscheck: ...`), naming the file where there is one;
//! - **crash**: a panic, a backtrace, status 101 or death by a signal;
//! - **hang**: still running at the deadline (killed);
//! - **data lost**: the case's own check failed: a document that should be
//!   read is missing, an input, store or device was changed, a temporary
//!   file was left, a formula reached the CSV;
//! - **wrong status**: success where an error was due, or the reverse.
//!
//! Nothing here touches a real device path: devices, FIFOs and symlinks
//! are made inside the case's temp dir.

use std::io::{Read, Write};
use std::os::unix::fs::{FileTypeExt, PermissionsExt};
use std::os::unix::process::{CommandExt, ExitStatusExt};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::generate::{self, gzip, jsonl_line, page, warc_record, warc_response, Rng};

/// The classes of issue 14, in its order.
pub const CLASSES: &[&str] = &[
    "1 output paths",
    "2 memory from small files",
    "3 hangs",
    "4 closed or full stdout",
    "5 lost or mangled records",
    "6 CSV formula injection",
    "7 store",
    "8 minor",
];

/// What a case's run should end with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expect {
    /// Status 0.
    Success,
    /// Status 1 or 2, with a clear message.
    Error,
    /// Status 1 (some inputs unreadable, the rest processed).
    Partial,
}

/// Standard input of a run.
pub enum Stdin {
    /// `/dev/null`.
    Null,
    /// These bytes, then end of input.
    Bytes(Vec<u8>),
    /// This chunk written again and again until the run stops reading.
    Endless(Vec<u8>),
}

/// Standard output of a run.
#[derive(Clone, Copy)]
pub enum Stdout {
    /// Read into [`Ran::stdout`].
    Capture,
    /// Closed before the run writes anything (`| head -0`).
    Closed,
    /// Closed after the first line (`| head -1`).
    FirstLine,
    /// A file that cannot grow (`> /dev/full`, by a file size limit).
    Full,
}

/// Checks the case's files after the run; `Err` is data lost.
pub type Check = Box<dyn Fn(&Path, &Ran) -> Result<(), String>>;

/// How to run one case, made by its builder in the case's temp dir.
pub struct Plan {
    /// Arguments of `crosscheck` (paths relative to the temp dir).
    pub args: Vec<String>,
    /// What the run reads.
    pub stdin: Stdin,
    /// Where the run writes.
    pub stdout: Stdout,
    /// Shell lines run before the binary (`ulimit ...`).
    pub shell: String,
    /// The exit the case expects.
    pub expect: Expect,
    /// Checks for lost data after the run.
    pub check: Option<Check>,
    /// Copies of the run started at once.
    pub copies: usize,
    /// Killed (SIGKILL) after this long, on purpose.
    pub kill_after: Option<Duration>,
    /// A FIFO in the temp dir a reader drains during the run.
    pub fifo_reader: Option<PathBuf>,
    /// Run as this user (root only).
    pub uid: Option<u32>,
}

impl Plan {
    fn new(args: &[&str], expect: Expect) -> Plan {
        Plan {
            args: args.iter().map(|s| s.to_string()).collect(),
            stdin: Stdin::Null,
            stdout: Stdout::Capture,
            shell: String::new(),
            expect,
            check: None,
            copies: 1,
            kill_after: None,
            fifo_reader: None,
            uid: None,
        }
    }

    fn check(mut self, f: impl Fn(&Path, &Ran) -> Result<(), String> + 'static) -> Plan {
        self.check = Some(Box::new(f));
        self
    }
}

/// Builds a case's files in its temp dir; `None` when the case cannot run
/// here (no mknod, mkfifo or sqlite3).
pub type Build = Box<dyn Fn(&Path) -> Option<Plan>>;

/// Makes a hostile text.
type Maker = Box<dyn Fn() -> String>;

/// One case of the suite.
pub struct Case {
    /// The class of hostile input (a row of the reliability table).
    pub class: &'static str,
    /// What this case tries.
    pub name: String,
    /// Makes its files and its plan.
    pub build: Build,
}

/// What one process did.
#[derive(Debug, Default, Clone)]
pub struct Ran {
    /// Exit status, when it exited.
    pub status: Option<i32>,
    /// The signal that ended it, when one did.
    pub signal: Option<i32>,
    /// What it wrote to standard output (when captured).
    pub stdout: Vec<u8>,
    /// What it wrote to standard error.
    pub stderr: String,
    /// Wall-clock seconds.
    pub seconds: f64,
    /// Whether the suite killed it at the hang limit.
    pub timed_out: bool,
    /// Peak resident memory in KB (from /usr/bin/time), when known.
    pub peak_kb: Option<u64>,
    /// User plus system CPU seconds (from /usr/bin/time), when known: on
    /// a busy machine this, not the wall clock, says how much work it was.
    pub cpu_seconds: Option<f64>,
    /// What the FIFO reader got, when the plan had one.
    pub fifo_got: Option<Vec<u8>>,
}

/// How a case was judged.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Did what it should, exit 0.
    Passed,
    /// Refused with one clear line naming the input and the problem.
    ClearError,
    /// A panic, an abort or a signal.
    Crash,
    /// Ran past the time limit.
    Hang,
    /// Something stored or written before was gone or changed.
    DataLost,
    /// An exit status other than the one expected.
    WrongStatus,
    /// Refused, but without a clear message.
    UnclearError,
    /// Could not run here (no mknod, mkfifo, sqlite3, or not root).
    Skipped,
}

/// One case's result.
#[derive(Debug, Clone)]
pub struct Judged {
    /// The case's class.
    pub class: &'static str,
    /// The case's name.
    pub name: String,
    /// How it was judged.
    pub verdict: Verdict,
    /// Why, in a line.
    pub detail: String,
    /// Wall-clock seconds it ran.
    pub seconds: f64,
    /// Peak resident memory in KB, when known.
    pub peak_kb: Option<u64>,
    /// User plus system CPU seconds, when known.
    pub cpu_seconds: Option<f64>,
}

fn case(
    class: &'static str,
    name: impl Into<String>,
    build: impl Fn(&Path) -> Option<Plan> + 'static,
) -> Case {
    Case {
        class,
        name: name.into(),
        build: Box::new(build),
    }
}

fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        let _ = std::fs::create_dir_all(parent);
    }
    let _ = std::fs::write(&path, bytes);
    path
}

fn story(seed: u64) -> String {
    generate::article(&mut Rng::new(seed), 10)
}

fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

fn no_temporaries(dir: &Path) -> Result<(), String> {
    let left: Vec<String> = listing(dir)
        .into_iter()
        .filter(|n| n.contains(".tmp") || n.starts_with(".tmp"))
        .collect();
    if left.is_empty() {
        Ok(())
    } else {
        Err(format!("temporary files left: {left:?}"))
    }
}

fn unchanged(path: &Path, before: &[u8]) -> Result<(), String> {
    match std::fs::read(path) {
        Ok(now) if now == before => Ok(()),
        Ok(_) => Err(format!("{} was changed", path.display())),
        Err(e) => Err(format!("{}: {e}", path.display())),
    }
}

/// The documents of a ledger file: (source, title, text).
fn ledger_documents(path: &Path) -> Result<Vec<(String, String, String)>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("no ledger: {e}"))?;
    let value: serde_json::Value =
        serde_json::from_str(&text).map_err(|e| format!("ledger: {e}"))?;
    Ok(value
        .get("documents")
        .and_then(|d| d.as_array())
        .map(|docs| {
            docs.iter()
                .map(|d| {
                    let s = |k: &str| d.get(k).and_then(|v| v.as_str()).unwrap_or("").to_string();
                    (s("source"), s("title"), s("text"))
                })
                .collect()
        })
        .unwrap_or_default())
}

fn expect_documents(dir: &Path, ledger: &str, want: usize) -> Result<(), String> {
    let docs = ledger_documents(&dir.join(ledger))?;
    if docs.len() == want {
        Ok(())
    } else {
        Err(format!(
            "{} documents in the ledger, {want} expected",
            docs.len()
        ))
    }
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
}

fn mknod(dir: &Path, name: &str, major: u32, minor: u32) -> bool {
    Command::new("mknod")
        .args([name, "c", &major.to_string(), &minor.to_string()])
        .current_dir(dir)
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

fn mkfifo(path: &Path) -> bool {
    Command::new("mkfifo")
        .arg(path)
        .status()
        .is_ok_and(|s| s.success())
}

fn symlink(target: &str, link: &Path) {
    let _ = std::os::unix::fs::symlink(target, link);
}

/// Every case, in class order.
pub fn cases() -> Vec<Case> {
    let mut all = Vec::new();
    output_cases(&mut all);
    memory_cases(&mut all);
    hang_cases(&mut all);
    stdout_cases(&mut all);
    record_cases(&mut all);
    csv_cases(&mut all);
    store_cases(&mut all);
    minor_cases(&mut all);
    all
}

const OUT: &str = "1 output paths";

fn output_cases(all: &mut Vec<Case>) {
    for flag in ["-o", "--html", "--markdown", "--csv"] {
        all.push(case(OUT, format!("{flag} names the input"), move |d| {
            write(d, "article.txt", story(1));
            Some(
                Plan::new(
                    &["analyze", "article.txt", flag, "article.txt"],
                    Expect::Error,
                )
                .check(|d, _| unchanged(&d.join("article.txt"), story(1).as_bytes())),
            )
        }));
        all.push(case(
            OUT,
            format!("{flag} names a symlink to the input"),
            move |d| {
                write(d, "article.txt", story(1));
                symlink("article.txt", &d.join("alias"));
                Some(
                    Plan::new(&["analyze", "article.txt", flag, "alias"], Expect::Error)
                        .check(|d, _| unchanged(&d.join("article.txt"), story(1).as_bytes())),
                )
            },
        ));
        all.push(case(
            OUT,
            format!("{flag} names a file inside an input directory that is an input"),
            move |d| {
                write(d, "in/a.txt", story(2));
                Some(
                    Plan::new(&["analyze", "in", flag, "in/a.txt"], Expect::Error)
                        .check(|d, _| unchanged(&d.join("in/a.txt"), story(2).as_bytes())),
                )
            },
        ));
        all.push(case(OUT, format!("{flag} names a new store"), move |d| {
            write(d, "article.txt", story(1));
            Some(
                Plan::new(
                    &["analyze", "article.txt", "--db", "s.db", flag, "s.db"],
                    Expect::Error,
                )
                .check(|d, _| {
                    if d.join("s.db").exists() {
                        Err("a store was created".into())
                    } else {
                        Ok(())
                    }
                }),
            )
        }));
        all.push(case(
            OUT,
            format!("{flag} names an existing store"),
            move |d| {
                let store = store_with_documents(d, 2)?;
                Some(
                    Plan::new(
                        &["analyze", "a0.txt", "--db", "s.db", flag, "s.db"],
                        Expect::Error,
                    )
                    .check(move |d, _| unchanged(&d.join("s.db"), &store)),
                )
            },
        ));
        all.push(case(
            OUT,
            format!("{flag} names the store's write-ahead log"),
            move |d| {
                write(d, "article.txt", story(1));
                Some(Plan::new(
                    &["analyze", "article.txt", "--db", "s.db", flag, "s.db-wal"],
                    Expect::Error,
                ))
            },
        ));
        all.push(case(
            OUT,
            format!("{flag} names a directory (refused before a long analysis)"),
            move |d| {
                write(d, "big.txt", generate::long_document(4 << 20, 3));
                let _ = std::fs::create_dir(d.join("out"));
                Some(
                    Plan::new(&["analyze", "big.txt", flag, "out"], Expect::Error).check(
                        |d, ran| {
                            if ran.seconds > 10.0 {
                                return Err(format!("refused only after {:.1} s", ran.seconds));
                            }
                            no_temporaries(d)?;
                            no_temporaries(&d.join("out"))
                        },
                    ),
                )
            },
        ));
    }
    for (a, b) in [("--html", "--csv"), ("-o", "--markdown"), ("--csv", "-o")] {
        all.push(case(OUT, format!("{a} and {b} name one file"), move |d| {
            write(d, "article.txt", story(1));
            Some(
                Plan::new(
                    &["analyze", "article.txt", a, "x.out", b, "./x.out"],
                    Expect::Error,
                )
                .check(|d, _| {
                    if d.join("x.out").exists() {
                        Err("written anyway".into())
                    } else {
                        Ok(())
                    }
                }),
            )
        }));
    }
    for (name, major, minor) in [("null", 1, 3), ("zero", 1, 5)] {
        for through_link in [false, true] {
            let how = if through_link {
                ", through a symlink"
            } else {
                ""
            };
            all.push(case(
                OUT,
                format!("-o a {name} device made here{how}"),
                move |d| {
                    write(d, "article.txt", story(1));
                    if !mknod(d, "device", major, minor) {
                        return None;
                    }
                    let target = if through_link {
                        symlink("device", &d.join("link"));
                        "link"
                    } else {
                        "device"
                    };
                    Some(
                        Plan::new(&["analyze", "article.txt", "-o", target], Expect::Success)
                            .check(still_a_device),
                    )
                },
            ));
            all.push(case(
                OUT,
                format!("the ledger and every report to {name} devices{how}"),
                move |d| {
                    write(d, "article.txt", story(1));
                    let names = ["device0", "device1", "device2", "device3"];
                    for n in names {
                        if !mknod(d, n, major, minor) {
                            return None;
                        }
                    }
                    let targets: Vec<String> = names
                        .iter()
                        .map(|n| {
                            if through_link {
                                let link = format!("link-{n}");
                                symlink(n, &d.join(&link));
                                link
                            } else {
                                n.to_string()
                            }
                        })
                        .collect();
                    let args = [
                        "analyze",
                        "article.txt",
                        "-o",
                        &targets[0],
                        "--html",
                        &targets[1],
                        "--markdown",
                        &targets[2],
                        "--csv",
                        &targets[3],
                    ];
                    Some(Plan::new(&args, Expect::Success).check(still_a_device))
                },
            ));
        }
        all.push(case(
            OUT,
            format!("two outputs on one {name} device through two symlinks"),
            move |d| {
                write(d, "article.txt", story(1));
                if !mknod(d, "device", major, minor) {
                    return None;
                }
                symlink("device", &d.join("a"));
                symlink("device", &d.join("b"));
                Some(
                    Plan::new(
                        &[
                            "analyze",
                            "article.txt",
                            "--html",
                            "a",
                            "--csv",
                            "b",
                            "-o",
                            "l.json",
                        ],
                        Expect::Error,
                    )
                    .check(still_a_device),
                )
            },
        ));
    }
    all.push(case(
        OUT,
        "-o a symlink to /proc/self/fd/1 (the /dev/stdout class)",
        |d| {
            write(d, "article.txt", story(1));
            symlink("/proc/self/fd/1", &d.join("stdout"));
            Some(
                Plan::new(&["analyze", "article.txt", "-o", "stdout"], Expect::Success).check(
                    |d, ran| {
                        if !std::fs::symlink_metadata(d.join("stdout"))
                            .is_ok_and(|m| m.file_type().is_symlink())
                        {
                            return Err("the symlink was replaced".into());
                        }
                        if !String::from_utf8_lossy(&ran.stdout).contains("\"schema\"") {
                            return Err("no ledger on standard output".into());
                        }
                        Ok(())
                    },
                ),
            )
        },
    ));
    for via_link in [false, true] {
        all.push(case(
            OUT,
            format!(
                "-o a FIFO with a reader{}",
                if via_link { ", through a symlink" } else { "" }
            ),
            move |d| {
                write(d, "article.txt", story(1));
                let fifo = d.join("pipe");
                if !mkfifo(&fifo) {
                    return None;
                }
                let target = if via_link {
                    symlink("pipe", &d.join("link"));
                    "link"
                } else {
                    "pipe"
                };
                let mut plan = Plan::new(
                    &["analyze", "article.txt", "-o", target],
                    Expect::Success,
                )
                .check(|d, ran| {
                    if !std::fs::metadata(d.join("pipe")).is_ok_and(|m| m.file_type().is_fifo()) {
                        return Err("the FIFO was replaced".into());
                    }
                    if !ran
                        .fifo_got
                        .as_ref()
                        .is_some_and(|b| String::from_utf8_lossy(b).contains("\"schema\""))
                    {
                        return Err("the reader got no ledger".into());
                    }
                    Ok(())
                });
                plan.fifo_reader = Some(fifo);
                Some(plan)
            },
        ));
    }
    all.push(case(OUT, "-o a FIFO nobody reads", |d| {
        write(d, "article.txt", story(1));
        if !mkfifo(&d.join("pipe")) {
            return None;
        }
        Some(Plan::new(
            &["analyze", "article.txt", "-o", "pipe"],
            Expect::Error,
        ))
    }));
    all.push(case(OUT, "-o a symlink to a regular file", |d| {
        write(d, "article.txt", story(1));
        write(d, "real.json", "old");
        symlink("real.json", &d.join("link.json"));
        Some(
            Plan::new(
                &["analyze", "article.txt", "-o", "link.json"],
                Expect::Success,
            )
            .check(|d, _| {
                if !std::fs::symlink_metadata(d.join("link.json"))
                    .is_ok_and(|m| m.file_type().is_symlink())
                {
                    return Err("the symlink was replaced".into());
                }
                expect_documents(d, "real.json", 1)?;
                no_temporaries(d)
            }),
        )
    }));
    all.push(case(OUT, "-o a dangling symlink", |d| {
        write(d, "article.txt", story(1));
        symlink("missing/nowhere.json", &d.join("link.json"));
        Some(Plan::new(
            &["analyze", "article.txt", "-o", "link.json"],
            Expect::Error,
        ))
    }));
    all.push(case(
        OUT,
        "-o in a directory that does not exist yet",
        |d| {
            write(d, "article.txt", story(1));
            Some(
                Plan::new(
                    &["analyze", "article.txt", "-o", "new/dir/l.json"],
                    Expect::Success,
                )
                .check(|d, _| expect_documents(d, "new/dir/l.json", 1)),
            )
        },
    ));
    all.push(case(OUT, "-o - (standard output)", |d| {
        write(d, "article.txt", story(1));
        Some(
            Plan::new(&["analyze", "article.txt", "-o", "-"], Expect::Success).check(|_, ran| {
                if String::from_utf8_lossy(&ran.stdout).contains("\"schema\"") {
                    Ok(())
                } else {
                    Err("no ledger on standard output".into())
                }
            }),
        )
    }));
    for (what, limit) in [("a full disk at 64 KB", 128), ("a full disk at once", 0)] {
        for flag in ["-o", "--html", "--csv"] {
            all.push(case(
                OUT,
                format!("{what} while writing {flag}"),
                move |d| {
                    write(d, "big.txt", generate::long_document(400_000, 5));
                    write(d, "out.file", "previous");
                    let mut plan = Plan::new(
                        &[
                            "analyze",
                            "big.txt",
                            flag,
                            "out.file",
                            "-o",
                            if flag == "-o" { "-" } else { "l.json" },
                        ],
                        Expect::Error,
                    )
                    .check(|d, _| {
                        unchanged(&d.join("out.file"), b"previous")?;
                        no_temporaries(d)
                    });
                    if flag == "-o" {
                        plan.args = vec![
                            "analyze".into(),
                            "big.txt".into(),
                            "-o".into(),
                            "out.file".into(),
                        ];
                    }
                    plan.shell = format!("trap '' XFSZ; ulimit -f {limit}");
                    Some(plan)
                },
            ));
        }
    }
    for ms in [20u64, 150, 400, 900, 1600, 2500] {
        all.push(case(
            OUT,
            format!("killed after {ms} ms while analysing and writing"),
            move |d| {
                write(d, "big.txt", generate::long_document(1 << 20, 6));
                write(d, "ledger.json", "previous");
                let mut plan = Plan::new(
                    &[
                        "analyze",
                        "big.txt",
                        "-o",
                        "ledger.json",
                        "--csv",
                        "claims.csv",
                    ],
                    Expect::Success,
                )
                .check(|d, _| {
                    no_temporaries(d)?;
                    let ledger = std::fs::read_to_string(d.join("ledger.json")).unwrap_or_default();
                    if ledger == "previous" || ledger.trim_end().ends_with('}') {
                        Ok(())
                    } else {
                        Err("a partial ledger".into())
                    }
                });
                plan.kill_after = Some(Duration::from_millis(ms));
                Some(plan)
            },
        ));
    }
}

/// A device made by the case must still be one.
fn still_a_device(d: &Path, _: &Ran) -> Result<(), String> {
    for entry in listing(d) {
        if entry.starts_with("device") {
            let meta = std::fs::symlink_metadata(d.join(&entry)).map_err(|e| e.to_string())?;
            if !meta.file_type().is_char_device() {
                return Err(format!("{entry} is no longer a device"));
            }
        }
    }
    no_temporaries(d)
}

/// A store holding `n` invented documents; its bytes.
fn store_with_documents(d: &Path, n: usize) -> Option<Vec<u8>> {
    for i in 0..n {
        write(d, &format!("a{i}.txt"), story(10 + i as u64));
    }
    // The binary under test builds the store: only its bytes matter here.
    let status = Command::new(binary_path()?)
        .args(["-q", "analyze", "--db", "s.db", "-o", "seed.json"])
        .args((0..n).map(|i| format!("a{i}.txt")))
        .current_dir(d)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .ok()?;
    let _ = std::fs::remove_file(d.join("seed.json"));
    status
        .success()
        .then(|| std::fs::read(d.join("s.db")).ok())
        .flatten()
}

const MEM: &str = "2 memory from small files";
/// Address space each memory case may use.
const MEMORY_LIMIT: &str = "ulimit -v 2097152";

fn memory_cases(all: &mut Vec<Case>) {
    // The case is the last one: a 36 KB crawl.warc.gz (one gzip
    // member per record) whose HTTP body expands to 4 GB.
    for (mib, name, file) in [
        (64u64, "64 MiB", "crawl.warc"),
        (1024, "1 GiB", "crawl.warc"),
        (4096, "4 GiB", "crawl.warc"),
        (4096, "4 GiB", "crawl.warc.gz"),
    ] {
        all.push(case(
            MEM,
            format!("{file}: a record whose gzip HTTP body expands to {name}"),
            move |d| {
                let bomb = zeros_gzip(mib << 20);
                let record = warc_response(
                    "https://post.example/bomb",
                    "Content-Type: text/html\r\nContent-Encoding: gzip\r\n",
                    &bomb,
                );
                let good = generate::warc_page(1, &mut Rng::new(4));
                let warc = if file.ends_with(".gz") {
                    [gzip(&record), gzip(&good)].concat()
                } else {
                    [record, good].concat()
                };
                write(d, file, &warc);
                let mut plan = Plan::new(&["analyze", file, "-o", "l.json"], Expect::Partial)
                    .check(|d, _| expect_documents(d, "l.json", 1));
                plan.shell = MEMORY_LIMIT.into();
                Some(plan)
            },
        ));
    }
    for (file, wrap) in [("bomb.txt.gz", false), ("bomb.warc.gz", true)] {
        all.push(case(
            MEM,
            format!("{file}: a file that expands without end (input limit 64 MiB)"),
            move |d| {
                let mut bytes = if wrap {
                    gzip(&warc_record(
                        "response",
                        "https://post.example/x",
                        b"HTTP/1.1 200 OK\r\n\r\n",
                    ))
                } else {
                    Vec::new()
                };
                let zeros = zeros_gzip(256 << 20);
                for _ in 0..4 {
                    bytes.extend(&zeros);
                }
                write(d, file, &bytes);
                let mut plan = Plan::new(
                    &["analyze", file, "--max-input-mb", "64", "-o", "l.json"],
                    Expect::Error,
                );
                plan.shell = MEMORY_LIMIT.into();
                Some(plan)
            },
        ));
    }
    let hostile_texts: Vec<(&str, Maker)> = vec![
        (
            "'Officials said ' + '5% ' x 20,000 (60 KB)",
            Box::new(|| format!("Officials said {}", "5% ".repeat(20_000))),
        ),
        (
            "'5% ' x 100,000 (300 KB)",
            Box::new(|| format!("Officials said {}", "5% ".repeat(100_000))),
        ),
        (
            "100,000 counted figures",
            Box::new(|| {
                format!(
                    "Officials said {}",
                    (0..100_000)
                        .map(|i| format!("{i} soldiers"))
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            }),
        ),
        (
            "a 350 KB sentence without full stops",
            Box::new(|| {
                format!(
                    "The officials said that {}",
                    (0..50_000)
                        .map(|i| format!("ward{i}"))
                        .collect::<Vec<_>>()
                        .join(" ")
                )
            }),
        ),
        (
            "50,000 quotes in one sentence",
            Box::new(|| {
                format!(
                    "She said {}",
                    (0..50_000)
                        .map(|i| format!("\"q{i}\""))
                        .collect::<Vec<_>>()
                        .join(" ")
                )
            }),
        ),
        (
            "20,000 quoted sentences by one speaker",
            Box::new(|| {
                (0..20_000)
                    .map(|i| format!("\"We will win {i},\" said Mayor Ana Lind. "))
                    .collect()
            }),
        ),
        (
            "30,000 stance cues",
            Box::new(|| format!("Officials {}", "denied and confirmed ".repeat(30_000))),
        ),
        (
            "100,000 dates",
            Box::new(|| "on March 4, 2031 and ".repeat(100_000)),
        ),
        (
            "100,000 capitalised names",
            Box::new(|| {
                (0..100_000)
                    .map(|i| format!("Ana{i} Lind{i}"))
                    .collect::<Vec<_>>()
                    .join(" and ")
            }),
        ),
        (
            "a 16 MB document of one repeated letter",
            Box::new(|| "a".repeat(16_000_000)),
        ),
        (
            "a 1 MB paragraph of newlines and spaces",
            Box::new(|| "x \n".repeat(350_000)),
        ),
    ];
    for (name, make) in hostile_texts {
        let text = std::rc::Rc::new(make);
        all.push(case(MEM, name.to_string(), move |d| {
            write(d, "hostile.txt", text());
            let mut plan = Plan::new(
                &["--jobs", "2", "analyze", "hostile.txt", "-o", "l.json"],
                Expect::Success,
            )
            .check(|d, _| {
                let size = std::fs::metadata(d.join("l.json"))
                    .map(|m| m.len())
                    .unwrap_or(0);
                if size > 200 << 20 {
                    Err(format!("a {size}-byte ledger"))
                } else {
                    Ok(())
                }
            });
            plan.shell = MEMORY_LIMIT.into();
            Some(plan)
        }));
    }
    all.push(case(MEM, "a 20 MB JSONL line between good ones", |d| {
        let mut text = jsonl_line("One", &story(1));
        text.push_str(&jsonl_line("Huge", &"word ".repeat(4_000_000)));
        text.push_str(&jsonl_line("Two", &story(2)));
        write(d, "feed.jsonl", text);
        let mut plan = Plan::new(&["analyze", "feed.jsonl", "-o", "l.json"], Expect::Partial)
            .check(|d, _| expect_documents(d, "l.json", 2));
        plan.shell = MEMORY_LIMIT.into();
        Some(plan)
    }));
    all.push(case(MEM, "a 100 MB text file", |d| {
        write(d, "huge.txt", "word ".repeat(20_000_000));
        let mut plan = Plan::new(&["analyze", "huge.txt", "-o", "l.json"], Expect::Error);
        plan.shell = MEMORY_LIMIT.into();
        Some(plan)
    }));
}

fn zeros_gzip(bytes: u64) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    let block = vec![0u8; 1 << 20];
    let mut left = bytes;
    while left > 0 {
        let n = left.min(block.len() as u64) as usize;
        let _ = enc.write_all(&block[..n]);
        left -= n as u64;
    }
    enc.finish().unwrap_or_default()
}

const HANG: &str = "3 hangs";

fn hang_cases(all: &mut Vec<Case>) {
    all.push(case(HANG, "directory symlink loops (.. and .)", |d| {
        write(d, "t/d/story.txt", story(1));
        symlink("..", &d.join("t/d/up"));
        symlink(".", &d.join("t/d/same"));
        Some(
            Plan::new(&["analyze", "t", "-o", "l.json"], Expect::Partial)
                .check(|d, _| expect_documents(d, "l.json", 1)),
        )
    }));
    all.push(case(HANG, "a symlink loop through two directories", |d| {
        write(d, "a/story.txt", story(1));
        write(d, "b/other.txt", story(2));
        symlink("../b", &d.join("a/to-b"));
        symlink("../a", &d.join("b/to-a"));
        Some(
            Plan::new(&["analyze", "a", "-o", "l.json"], Expect::Partial)
                .check(|d, _| expect_documents(d, "l.json", 2)),
        )
    }));
    all.push(case(HANG, "directories nested 300 deep", |d| {
        let deep: PathBuf = (0..300).map(|_| "d").collect();
        write(&d.join(&deep), "story.txt", story(1));
        write(d, "top.txt", story(2));
        Some(Plan::new(
            &["analyze", ".", "-o", "l.json"],
            Expect::Partial,
        ))
    }));
    all.push(case(HANG, "a FIFO inside an input directory", |d| {
        write(d, "in/story.txt", story(1));
        if !mkfifo(&d.join("in/pipe")) {
            return None;
        }
        Some(
            Plan::new(&["analyze", "in", "-o", "l.json"], Expect::Partial)
                .check(|d, _| expect_documents(d, "l.json", 1)),
        )
    }));
    all.push(case(HANG, "a FIFO named as input, nobody writing", |d| {
        write(d, "story.txt", story(1));
        if !mkfifo(&d.join("pipe")) {
            return None;
        }
        Some(
            Plan::new(
                &["analyze", "pipe", "story.txt", "-o", "l.json"],
                Expect::Partial,
            )
            .check(|d, _| expect_documents(d, "l.json", 1)),
        )
    }));
    all.push(case(HANG, "a zero device named as input", |d| {
        if !mknod(d, "zero", 1, 5) {
            return None;
        }
        Some(Plan::new(
            &["analyze", "zero", "-o", "l.json"],
            Expect::Error,
        ))
    }));
    all.push(case(HANG, "a zero device inside an input directory", |d| {
        write(d, "in/story.txt", story(1));
        if !mknod(&d.join("in"), "zero", 1, 5) {
            return None;
        }
        Some(
            Plan::new(&["analyze", "in", "-o", "l.json"], Expect::Partial)
                .check(|d, _| expect_documents(d, "l.json", 1)),
        )
    }));
    all.push(case(HANG, "endless text on stdin", |_| {
        let mut plan = Plan::new(&["analyze", "-", "-o", "l.json"], Expect::Error);
        plan.stdin = Stdin::Endless("y\n".repeat(4096).into_bytes());
        Some(plan)
    }));
    all.push(case(
        HANG,
        "endless JSONL on stdin (input limit 16 MiB)",
        |_| {
            let mut plan = Plan::new(
                &["analyze", "-", "--max-input-mb", "16", "-o", "l.json"],
                Expect::Partial,
            );
            let lines: String = (0..50)
                .map(|i| {
                    jsonl_line(
                        &format!("t{i}"),
                        "The ferry strike went on, the union said.",
                    )
                })
                .collect();
            plan.stdin = Stdin::Endless(lines.into_bytes());
            Some(plan)
        },
    ));
    all.push(case(
        HANG,
        "endless WARC on stdin (input limit 16 MiB)",
        |_| {
            let mut plan = Plan::new(
                &["analyze", "-", "--max-input-mb", "16", "-o", "l.json"],
                Expect::Partial,
            );
            plan.stdin = Stdin::Endless(generate::warc_page(1, &mut Rng::new(2)));
            Some(plan)
        },
    ));
    all.push(case(HANG, "endless gzip zeros on stdin", |_| {
        let mut plan = Plan::new(
            &["analyze", "-", "--max-input-mb", "64", "-o", "l.json"],
            Expect::Error,
        );
        let mut chunk = zeros_gzip(8 << 20);
        // Members joined: an endless multi-member gzip stream.
        chunk.extend(zeros_gzip(8 << 20));
        plan.stdin = Stdin::Endless(chunk);
        Some(plan)
    }));
    for jobs in ["100000", "4096"] {
        all.push(case(HANG, format!("--jobs {jobs}"), move |d| {
            write(d, "story.txt", story(1));
            Some(
                Plan::new(
                    &["--jobs", jobs, "analyze", "story.txt", "-o", "l.json"],
                    Expect::Success,
                )
                .check(|d, _| expect_documents(d, "l.json", 1)),
            )
        }));
    }
    let shapes: Vec<(&str, Maker)> = vec![
        (
            "<ul><li> x 100,000",
            Box::new(|| "<html><body>".to_string() + &"<ul><li>x".repeat(100_000)),
        ),
        (
            "100,000 nested <div>",
            Box::new(|| "<html><body>".to_string() + &"<div>".repeat(100_000)),
        ),
        (
            "100,000 nested <div/>",
            Box::new(|| "<html><body>".to_string() + &"<div/>".repeat(100_000)),
        ),
        (
            "100,000 nested <table><tr><td>",
            Box::new(|| "<html><body>".to_string() + &"<table><tr><td>".repeat(100_000)),
        ),
        (
            "100,000 unclosed <b><i><font>",
            Box::new(|| "<html><body>".to_string() + &"<b><i><font>x".repeat(100_000)),
        ),
        (
            "100,000 <a> with distinct attributes",
            Box::new(|| {
                "<html><body>".to_string()
                    + &(0..100_000)
                        .map(|i| format!("<a href=\"/{i}\">x"))
                        .collect::<String>()
            }),
        ),
        (
            "a tag with 1,000,000 attributes",
            Box::new(|| {
                format!(
                    "<html><body><p{}>x</p>",
                    (0..1_000_000)
                        .map(|i| format!(" a{i}=1"))
                        .collect::<String>()
                )
            }),
        ),
        (
            "a tag with 100,000 identical attributes",
            Box::new(|| format!("<html><body><p{}>x</p>", " a=1".repeat(100_000))),
        ),
        (
            "an unclosed comment of 8 MB",
            Box::new(|| format!("<html><body><p>Lead.</p><!--{}", "x".repeat(8 << 20))),
        ),
        (
            "100,000 <p> in a row",
            Box::new(|| {
                format!(
                    "<html><body>{}",
                    "<p>The ferry strike went on.".repeat(100_000)
                )
            }),
        ),
        (
            "an 8 MB attribute value",
            Box::new(|| format!("<html><body><p title=\"{}\">Lead.</p>", "x".repeat(8 << 20))),
        ),
    ];
    for (name, make) in shapes {
        let make = std::rc::Rc::new(make);
        let again = std::rc::Rc::clone(&make);
        all.push(case(HANG, format!("HTML: {name}"), move |d| {
            write(d, "page.html", make());
            // Either read (shapes the parser takes in linear time) or
            // refused with a reason.
            Some(tolerant(Plan::new(
                &["analyze", "page.html", "-o", "l.json"],
                Expect::Partial,
            )))
        }));
        all.push(case(
            HANG,
            format!("HTML: {name}, in a batch of good pages"),
            move |d| {
                write(d, "page.html", again());
                for i in 0..3 {
                    write(
                        d,
                        &format!("good{i}.html"),
                        page(&format!("Good {i}"), &story(20 + i)),
                    );
                }
                Some(
                    tolerant(Plan::new(
                        &["analyze", ".", "-o", "l.json"],
                        Expect::Success,
                    ))
                    .check(|d, _| {
                        let docs = ledger_documents(&d.join("l.json"))?;
                        let good = docs.iter().filter(|(s, _, _)| s.contains("good")).count();
                        if good == 3 {
                            Ok(())
                        } else {
                            Err(format!("{good} of 3 good pages read"))
                        }
                    }),
                )
            },
        ));
    }
    for mb in [1usize, 2, 4, 8] {
        all.push(case(
            HANG,
            format!("one {mb} MB document of invented news"),
            move |d| {
                write(d, "long.txt", generate::long_document(mb << 20, mb as u64));
                // The per-document limit is wall time: on a busy machine an
                // 8 MB document can pass the default 60 s while using a
                // fraction of that in CPU. These cases time the analysis;
                // the limit has a case of its own below.
                Some(
                    Plan::new(
                        &[
                            "--jobs",
                            "1",
                            "--doc-timeout",
                            "600",
                            "analyze",
                            "long.txt",
                            "-o",
                            "l.json",
                        ],
                        Expect::Success,
                    )
                    .check(|d, _| expect_documents(d, "l.json", 1)),
                )
            },
        ));
    }
    all.push(case(
        HANG,
        "a slow document under --doc-timeout 0.3, with a quick one",
        |d| {
            write(d, "slow.txt", generate::long_document(4 << 20, 9));
            write(d, "quick.txt", story(3));
            Some(
                Plan::new(
                    &[
                        "--doc-timeout",
                        "0.3",
                        "analyze",
                        "slow.txt",
                        "quick.txt",
                        "-o",
                        "l.json",
                    ],
                    Expect::Partial,
                )
                .check(|d, ran| {
                    if !ran.stderr.contains("slow.txt") {
                        return Err("the slow document was not named".into());
                    }
                    expect_documents(d, "l.json", 1)
                }),
            )
        },
    ));
}

/// A plan that accepts success or a clear error (for inputs that may be
/// read or refused, as long as it is quick and clean).
fn tolerant(mut plan: Plan) -> Plan {
    plan.expect = Expect::Partial;
    plan.args.insert(0, "--quiet".into());
    plan.check = None;
    plan
}

const STDOUT: &str = "4 closed or full stdout";

fn stdout_cases(all: &mut Vec<Case>) {
    let commands: Vec<(&str, Vec<&str>)> = vec![
        ("analyze (ledger on stdout)", vec!["analyze", "a0.txt"]),
        (
            "analyze (a ledger far beyond a pipe's buffer on stdout)",
            vec!["analyze", "long.txt"],
        ),
        (
            "analyze -o (summary on stdout)",
            vec!["analyze", "a0.txt", "-o", "l.json"],
        ),
        ("documents", vec!["documents", "--db", "s.db"]),
        (
            "report --db (markdown on stdout)",
            vec!["report", "--db", "s.db"],
        ),
        (
            "report --db --html (listing on stdout)",
            vec!["report", "--db", "s.db", "--html", "r.html"],
        ),
        ("--help", vec!["--help"]),
        ("demo", vec!["demo", "--out", "demo"]),
    ];
    for (name, args) in commands {
        for (how, stdout) in [
            ("closed", Stdout::Closed),
            ("closed after one line", Stdout::FirstLine),
            ("full", Stdout::Full),
        ] {
            let args = args.clone();
            all.push(case(STDOUT, format!("{name}, stdout {how}"), move |d| {
                store_with_documents(d, 1)?;
                if args.contains(&"long.txt") {
                    write(d, "long.txt", generate::long_document(300_000, 8));
                }
                // After one line the rest may still fit in the pipe's
                // buffer: success is as right as a clear error then.
                let expect = if matches!(stdout, Stdout::FirstLine) {
                    Expect::Partial
                } else {
                    Expect::Error
                };
                let mut plan = Plan::new(&args, expect);
                plan.stdout = stdout;
                if matches!(stdout, Stdout::Full) {
                    plan.shell = "trap '' XFSZ; ulimit -f 0".into();
                }
                Some(plan)
            }));
        }
    }
}

const RECORDS: &str = "5 lost or mangled records";

fn record_cases(all: &mut Vec<Case>) {
    // (name, WARC bytes, documents expected)
    let mut rng = Rng::new(11);
    let good: Vec<Vec<u8>> = (0..4).map(|n| generate::warc_page(n, &mut rng)).collect();
    let body = page("Bad length", &story(30));
    let http = format!("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n{body}");
    let real = http.len() as i64;
    let with_length = |length: &str| {
        let mut r = format!("WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://post.example/bad\r\nContent-Length: {length}\r\n\r\n").into_bytes();
        r.extend(http.as_bytes());
        r.extend(b"\r\n\r\n");
        r
    };
    let mut warcs: Vec<(String, Vec<u8>, usize)> = Vec::new();
    for (what, length) in [
        ("a negative Content-Length", "-5".to_string()),
        (
            "an overflowing Content-Length",
            "99999999999999999999999".to_string(),
        ),
        ("a Content-Length that is no number", "lots".to_string()),
        ("a Content-Length 100 too long", (real + 100).to_string()),
        ("a Content-Length 100 too short", (real - 100).to_string()),
        ("a Content-Length 1 too short", (real - 1).to_string()),
        (
            "a Content-Length far past the end of the file",
            "123456789012".to_string(),
        ),
        ("a Content-Length of 0", "0".to_string()),
    ] {
        let mut w = good[0].clone();
        w.extend(with_length(&length));
        w.extend(good[1].clone());
        w.extend(good[2].clone());
        warcs.push((format!("a record with {what}"), w, 4));
    }
    let mut missing = good[0].clone();
    missing.extend(format!("WARC/1.0\r\nWARC-Type: response\r\n\r\n{http}\r\n\r\n").into_bytes());
    missing.extend(good[1].clone());
    warcs.push(("a record without Content-Length".into(), missing, 3));
    let mut long_header = good[0].clone();
    long_header.extend(format!("WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://x.example/{}\r\nContent-Length: 5\r\n\r\nhello\r\n\r\n", "x".repeat(100 * 1024)).into_bytes());
    long_header.extend(good[1].clone());
    warcs.push(("a 100 KB header line".into(), long_header, 2));
    let mut jpeg = warc_response(
        "https://post.example/a.jpg",
        "Content-Type: image/jpeg\r\n",
        &[
            0xff, 0xd8, 0xff, 0xe0, 0, 0x10, b'J', b'F', b'I', b'F', 0, 1, 2, 0, 0,
        ],
    );
    jpeg.extend(good[0].clone());
    warcs.push(("a JPEG body in the first 8 KB".into(), jpeg, 1));
    let mut gzbody = warc_response(
        "https://post.example/b.gz",
        "Content-Type: application/gzip\r\n",
        &gzip(&[0u8; 4000]),
    );
    gzbody.extend(good[0].clone());
    warcs.push(("a gzip body in the first 8 KB".into(), gzbody, 1));
    let mut junk = b"junk line from a broken crawler\r\n".to_vec();
    junk.extend(good[0].clone());
    junk.extend(good[1].clone());
    warcs.push(("a junk first line".into(), junk, 2));
    let mut between = good[0].clone();
    between.extend(b"\r\nsome junk between records\r\n\r\n");
    between.extend(good[1].clone());
    warcs.push(("junk between records".into(), between, 2));
    let text = page("Chunked story", &story(31));
    let (a, b) = text.split_at(text.len() / 3);
    let chunked = format!(
        "{:x}\r\n{a}\r\n1f4\r\n{}\r\n{:x}\r\n{}\r\n0\r\n\r\n",
        a.len(),
        &b[..0x1f4],
        b.len() - 0x1f4,
        &b[0x1f4..]
    );
    warcs.push((
        "a chunked HTTP body".into(),
        warc_response(
            "https://post.example/c",
            "Content-Type: text/html\r\nTransfer-Encoding: chunked\r\n",
            chunked.as_bytes(),
        ),
        1,
    ));
    warcs.push((
        "a deflate HTTP body".into(),
        {
            let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
            let _ = z.write_all(page("Deflated", &story(32)).as_bytes());
            warc_response(
                "https://post.example/z",
                "Content-Type: text/html\r\nContent-Encoding: deflate\r\n",
                &z.finish().unwrap_or_default(),
            )
        },
        1,
    ));
    let mut notfound = warc_response(
        "https://post.example/404",
        "Content-Type: text/html\r\n",
        b"<p>gone</p>",
    );
    notfound = String::from_utf8_lossy(&notfound)
        .replace("200 OK", "404 Not Found")
        .into_bytes();
    notfound.extend(good[0].clone());
    warcs.push(("a 404 response before a page".into(), notfound, 1));
    let mut no_head_end = warc_record(
        "response",
        "https://post.example/h",
        b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n",
    );
    no_head_end.extend(good[0].clone());
    warcs.push(("an HTTP head without its end".into(), no_head_end, 1));
    let mut cut = good[0].clone();
    cut.extend(good[1][..good[1].len() / 2].to_vec());
    warcs.push(("a file cut inside its last record".into(), cut, 1));
    for (name, bytes, want) in warcs {
        for gz in [false, true] {
            let bytes = if gz {
                // One member per record, as crawlers write them.
                split_records(&bytes).iter().flat_map(|r| gzip(r)).collect()
            } else {
                bytes.clone()
            };
            let file = if gz { "crawl.warc.gz" } else { "crawl.warc" };
            all.push(case(RECORDS, format!("{file}: {name}"), move |d| {
                write(d, file, &bytes);
                Some(
                    tolerant(Plan::new(
                        &["analyze", file, "-o", "l.json"],
                        Expect::Partial,
                    ))
                    .check(move |d, _| expect_documents(d, "l.json", want)),
                )
            }));
        }
    }
    for (what, damage) in [
        ("corrupt", 0usize),
        ("cut short", 1),
        ("replaced by junk", 2),
    ] {
        all.push(case(
            RECORDS,
            format!("crawl.warc.gz: the middle gzip member {what}"),
            move |d| {
                let mut rng = Rng::new(12);
                let mut bytes = Vec::new();
                for n in 0..5 {
                    let mut m = gzip(&generate::warc_page(n, &mut rng));
                    if n == 2 {
                        match damage {
                            0 => {
                                let mid = m.len() / 2;
                                m.iter_mut().skip(mid).take(16).for_each(|b| *b ^= 0xa5);
                            }
                            1 => m.truncate(m.len() / 2),
                            _ => m = b"this is not gzip at all".to_vec(),
                        }
                    }
                    bytes.extend(m);
                }
                write(d, "crawl.warc.gz", &bytes);
                Some(
                    Plan::new(
                        &["analyze", "crawl.warc.gz", "-o", "l.json"],
                        Expect::Partial,
                    )
                    .check(|d, _| expect_documents(d, "l.json", 4)),
                )
            },
        ));
    }
    for (what, first) in [
        ("a junk first line", "garbage\n"),
        ("a broken first record", "{\"text\": \"cut\n"),
    ] {
        all.push(case(RECORDS, format!("feed.jsonl: {what}"), move |d| {
            let lines: String = (0..3)
                .map(|i| jsonl_line(&format!("Item {i}"), &story(40 + i)))
                .collect();
            write(d, "feed", format!("{first}{lines}"));
            Some(
                Plan::new(&["analyze", "feed", "-o", "l.json"], Expect::Partial)
                    .check(|d, _| expect_documents(d, "l.json", 3)),
            )
        }));
    }
    all.push(case(
        RECORDS,
        "feed.jsonl: bad lines among good ones",
        |d| {
            let mut text = jsonl_line("One", &story(41));
            text.push_str("[1, 2, 3]\n{\"title\": \"no text\"}\n\u{0}\u{1}binary\n{\"text\": 5}\n");
            text.push_str(&String::from_utf8_lossy(b"{\"text\": \"bad \xff utf8\"}\n"));
            text.push_str(&jsonl_line("Two", &story(42)));
            write(d, "feed.jsonl", text);
            Some(
                Plan::new(&["analyze", "feed.jsonl", "-o", "l.json"], Expect::Partial)
                    .check(|d, _| expect_documents(d, "l.json", 3)),
            )
        },
    ));
    for (le, name) in [(true, "UTF-16LE"), (false, "UTF-16BE")] {
        all.push(case(
            RECORDS,
            format!("{name} HTML with a byte-order mark"),
            move |d| {
                let html = page("Wide page", &story(43));
                let mut bytes = if le {
                    vec![0xff, 0xfe]
                } else {
                    vec![0xfe, 0xff]
                };
                for u in html.encode_utf16() {
                    bytes.extend(if le { u.to_le_bytes() } else { u.to_be_bytes() });
                }
                write(d, "wide.html", &bytes);
                Some(
                    Plan::new(&["analyze", "wide.html", "-o", "l.json"], Expect::Success).check(
                        |d, _| {
                            let docs = ledger_documents(&d.join("l.json"))?;
                            match docs.first() {
                                Some((_, title, text))
                                    if title == "Wide page" && !text.contains('<') =>
                                {
                                    Ok(())
                                }
                                other => Err(format!("read as {other:?}")),
                            }
                        },
                    ),
                )
            },
        ));
    }
    for (name, bytes) in [
        ("an empty file", Vec::new()),
        ("a file of whitespace", b"  \n\n \t\n".to_vec()),
        (
            "a PNG named .txt",
            b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00".to_vec(),
        ),
        (
            "a JSON array named .json",
            b"[{\"text\": \"a\"}]\n".to_vec(),
        ),
        (
            "plain text named .warc",
            b"Just words here, no crawl.\n".to_vec(),
        ),
    ] {
        let file = if name.contains(".json") {
            "x.json"
        } else if name.contains(".warc") {
            "x.warc"
        } else {
            "x.txt"
        };
        all.push(case(RECORDS, name.to_string(), move |d| {
            write(d, file, &bytes);
            write(d, "good.txt", story(44));
            Some(
                Plan::new(
                    &["analyze", file, "good.txt", "-o", "l.json"],
                    Expect::Partial,
                )
                .check(|d, _| expect_documents(d, "l.json", 1)),
            )
        }));
    }
    all.push(case(RECORDS, "windows-1252 text", |d| {
        write(d, "legacy.txt", b"\x93We will reopen the caf\xe9 on Monday,\x94 the owner said \x96 and she meant it.\n");
        Some(Plan::new(&["analyze", "legacy.txt", "-o", "l.json"], Expect::Success).check(|d, _| {
            let docs = ledger_documents(&d.join("l.json"))?;
            match docs.first() {
                Some((_, _, text)) if text.contains("caf\u{e9}") => Ok(()),
                other => Err(format!("decoded as {other:?}")),
            }
        }))
    }));
}

/// Splits a WARC byte string into its records (for one gzip member each).
fn split_records(bytes: &[u8]) -> Vec<Vec<u8>> {
    let mut starts: Vec<usize> = vec![0];
    let mut from = 1;
    while let Some(p) = find(bytes, from, b"\r\n\r\nWARC/1.0\r\n") {
        starts.push(p + 4);
        from = p + 5;
    }
    starts.push(bytes.len());
    starts
        .windows(2)
        .map(|w| bytes[w[0]..w[1]].to_vec())
        .filter(|r| !r.is_empty())
        .collect()
}

fn find(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    hay.get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| from + p)
}

const CSV: &str = "6 CSV formula injection";

fn csv_cases(all: &mut Vec<Case>) {
    for lead in ["=", "+", "-", "@", "\t=", " =", "\r="] {
        all.push(case(CSV, format!("cells starting with {lead:?} (outlet, title, quote, source, sentence)"), move |d| {
            let record = serde_json::json!({
                "title": format!("{lead}HYPERLINK(\"http://evil.example\",\"x\")"),
                "outlet": format!("{lead}cmd|' /C calc'!A0"),
                "author": format!("{lead}SUM(1+1)"),
                "text": format!("{lead}2+5 was the count. \"{lead}2+5 is what I said,\" Mayor Ana Lind said on Tuesday. {lead}A1 officials said 5 ferries ran."),
            });
            write(d, "feed.jsonl", format!("{record}\n"));
            Some(Plan::new(&["analyze", "feed.jsonl", "--csv", "claims.csv", "-o", "l.json"], Expect::Success).check(|d, _| {
                let text = std::fs::read_to_string(d.join("claims.csv")).map_err(|e| e.to_string())?;
                let mut rows = 0;
                for record in csv::Reader::from_reader(text.as_bytes()).records() {
                    let record = record.map_err(|e| e.to_string())?;
                    rows += 1;
                    for cell in record.iter().filter(|c| c.parse::<f64>().is_err()) {
                        if cell.trim_start().starts_with(['=', '+', '-', '@']) {
                            return Err(format!("formula cell {cell:?}"));
                        }
                    }
                }
                if rows == 0 {
                    return Err("no claims".into());
                }
                Ok(())
            }))
        }));
    }
}

const STORE: &str = "7 store";

fn store_cases(all: &mut Vec<Case>) {
    for copies in [2usize, 5, 8] {
        for round in 0..3 {
            all.push(case(
                STORE,
                format!("{copies} analyze --db at once on a new store (round {round})"),
                move |d| {
                    write(d, "a.txt", story(50 + round));
                    let mut plan = Plan::new(
                        &["analyze", "a.txt", "--db", "s.db", "-o", "-"],
                        Expect::Success,
                    );
                    plan.copies = copies;
                    Some(plan)
                },
            ));
        }
    }
    for (name, args) in [
        (
            "documents on a store it may not write",
            vec!["documents", "--db", "ro/s.db"],
        ),
        (
            "report --db on a store it may not write",
            vec!["report", "--db", "ro/s.db", "--markdown", "-"],
        ),
    ] {
        all.push(case(STORE, name, move |d| {
            let _ = std::fs::create_dir(d.join("ro"));
            write(d, "a.txt", story(60));
            let status = Command::new(binary_path()?)
                .args([
                    "-q",
                    "analyze",
                    "a.txt",
                    "--db",
                    "ro/s.db",
                    "-o",
                    "seed.json",
                ])
                .current_dir(d)
                .status()
                .ok()?;
            if !status.success() {
                return None;
            }
            let mode =
                |p: &Path, m: u32| std::fs::set_permissions(p, std::fs::Permissions::from_mode(m));
            let _ = mode(&d.join("ro/s.db"), 0o444);
            let _ = mode(&d.join("ro"), 0o555);
            let _ = mode(d, 0o755);
            let mut plan = Plan::new(&args, Expect::Success).check(|d, _| {
                let left = listing(&d.join("ro"));
                let _ =
                    std::fs::set_permissions(d.join("ro"), std::fs::Permissions::from_mode(0o755));
                if left == vec!["s.db"] {
                    Ok(())
                } else {
                    Err(format!("files made beside the store: {left:?}"))
                }
            });
            if is_root() {
                plan.uid = Some(65534);
            }
            Some(plan)
        }));
    }
    for (name, bytes) in [
        ("a text file", b"The ferry strike ended.\n".to_vec()),
        ("an empty file", Vec::new()),
        (
            "random bytes",
            (0..4096u32)
                .map(|i| (i * 7919 % 251) as u8)
                .collect::<Vec<u8>>(),
        ),
    ] {
        all.push(case(STORE, format!("--db names {name}"), move |d| {
            write(d, "a.txt", story(61));
            write(d, "s.db", &bytes);
            let before = bytes.clone();
            let expect = if before.is_empty() {
                Expect::Success
            } else {
                Expect::Error
            };
            Some(
                Plan::new(
                    &["analyze", "a.txt", "--db", "s.db", "-o", "l.json"],
                    expect,
                )
                .check(move |d, _| {
                    if before.is_empty() {
                        Ok(())
                    } else {
                        unchanged(&d.join("s.db"), &before)
                    }
                }),
            )
        }));
    }
    all.push(case(
        STORE,
        "--db names another application's SQLite database",
        |d| {
            write(d, "a.txt", story(62));
            let made = Command::new("sqlite3")
                .args([
                    "other.db",
                    "CREATE TABLE notes(x); INSERT INTO notes VALUES (1);",
                ])
                .current_dir(d)
                .status()
                .is_ok_and(|s| s.success());
            if !made {
                return None;
            }
            let before = std::fs::read(d.join("other.db")).ok()?;
            Some(
                Plan::new(
                    &["analyze", "a.txt", "--db", "other.db", "-o", "l.json"],
                    Expect::Error,
                )
                .check(move |d, _| unchanged(&d.join("other.db"), &before)),
            )
        },
    ));
    all.push(case(STORE, "--db names a directory", |d| {
        write(d, "a.txt", story(63));
        let _ = std::fs::create_dir(d.join("s.db"));
        Some(Plan::new(
            &["analyze", "a.txt", "--db", "s.db", "-o", "l.json"],
            Expect::Error,
        ))
    }));
    all.push(case(STORE, "documents --db on a missing store", |_| {
        Some(
            Plan::new(&["documents", "--db", "missing.db"], Expect::Error).check(|d, _| {
                if d.join("missing.db").exists() {
                    Err("a store was created".into())
                } else {
                    Ok(())
                }
            }),
        )
    }));
    for ms in [100u64, 400, 1000] {
        all.push(case(
            STORE,
            format!("analyze --db killed after {ms} ms, then run again"),
            move |d| {
                let lines: String = (0..600)
                    .map(|i| jsonl_line(&format!("Item {i}"), &story(100 + i)))
                    .collect();
                write(d, "big.jsonl", lines);
                let mut plan = Plan::new(
                    &["analyze", "big.jsonl", "--db", "s.db", "-o", "l.json"],
                    Expect::Success,
                )
                .check(|d, _| {
                    // The store opens and a second run completes it.
                    let status = Command::new(binary_path().ok_or("no binary")?)
                        .args([
                            "-q",
                            "analyze",
                            "big.jsonl",
                            "--db",
                            "s.db",
                            "-o",
                            "again.json",
                        ])
                        .current_dir(d)
                        .status()
                        .map_err(|e| e.to_string())?;
                    if !status.success() {
                        return Err("the store could not be used after the kill".into());
                    }
                    expect_documents(d, "again.json", 600)
                });
                plan.kill_after = Some(Duration::from_millis(ms));
                Some(plan)
            },
        ));
    }
}

const MINOR: &str = "8 minor";

fn minor_cases(all: &mut Vec<Case>) {
    all.push(case(MINOR, "impossible dates (February 31, April 31, 2023-02-29)", |d| {
        write(d, "dates.jsonl", jsonl_line("Dates", "The council met on February 31, 2024, on April 31 and on 2023-02-29, the mayor said."));
        Some(Plan::new(&["analyze", "dates.jsonl", "-o", "l.json"], Expect::Success).check(|d, _| {
            let text = std::fs::read_to_string(d.join("l.json")).map_err(|e| e.to_string())?;
            let ledger: serde_json::Value = serde_json::from_str(&text).map_err(|e| e.to_string())?;
            let mut values = Vec::new();
            collect_values(&ledger, &mut values);
            for bad in ["-02-31", "-04-31", "2023-02-29"] {
                if let Some(v) = values.iter().find(|v| v.contains(bad)) {
                    return Err(format!("{v} kept"));
                }
            }
            Ok(())
        }))
    }));
    all.push(case(MINOR, "'5-3 million' read as 3 to 5 million", |d| {
        write(
            d,
            "range.txt",
            "Estimates ranged from 5-3 million people, the ministry said.\n",
        );
        Some(
            Plan::new(&["analyze", "range.txt", "-o", "l.json"], Expect::Success).check(|d, _| {
                let text = std::fs::read_to_string(d.join("l.json")).map_err(|e| e.to_string())?;
                let ledger: serde_json::Value =
                    serde_json::from_str(&text).map_err(|e| e.to_string())?;
                let mut bounds = Vec::new();
                collect_quantities(&ledger, &mut bounds);
                if bounds.contains(&(Some(3e6), Some(5e6))) {
                    Ok(())
                } else {
                    Err(format!("quantities read as {bounds:?}"))
                }
            }),
        )
    }));
    all.push(case(MINOR, "an empty directory", |d| {
        let _ = std::fs::create_dir(d.join("empty"));
        Some(Plan::new(
            &["analyze", "empty", "-o", "l.json"],
            Expect::Partial,
        ))
    }));
    all.push(case(MINOR, "a directory of hidden files only", |d| {
        write(d, "in/.hidden.txt", story(70));
        Some(Plan::new(
            &["analyze", "in", "-o", "l.json"],
            Expect::Partial,
        ))
    }));
    for (name, content) in [
        ("a ledger of another schema version", None),
        ("a JSON object that is no ledger", Some("{\"a\": 1}")),
        ("words, not JSON", Some("y\ny\ny\n")),
        ("an empty file", Some("")),
    ] {
        all.push(case(MINOR, format!("report --ledger: {name}"), move |d| {
            let text = match content {
                Some(t) => t.to_string(),
                None => {
                    write(d, "a.txt", story(71));
                    let status = Command::new(binary_path()?)
                        .args(["-q", "analyze", "a.txt", "-o", "l.json"])
                        .current_dir(d)
                        .status()
                        .ok()?;
                    if !status.success() {
                        return None;
                    }
                    let ledger = std::fs::read_to_string(d.join("l.json")).ok()?;
                    ledger.replacen("\"crosscheck.ledger/", "\"crosscheck.ledger/9", 1)
                }
            };
            write(d, "input.json", text);
            Some(Plan::new(
                &["report", "--ledger", "input.json"],
                Expect::Error,
            ))
        }));
    }
    all.push(case(
        MINOR,
        "report --ledger: a zero device made here",
        |d| {
            if !mknod(d, "zero", 1, 5) {
                return None;
            }
            Some(Plan::new(&["report", "--ledger", "zero"], Expect::Error))
        },
    ));
}

/// Every string under a `value` key (time values) in a ledger.
fn collect_values(v: &serde_json::Value, out: &mut Vec<String>) {
    match v {
        serde_json::Value::Array(items) => items.iter().for_each(|i| collect_values(i, out)),
        serde_json::Value::Object(map) => {
            for (k, item) in map {
                match item {
                    serde_json::Value::String(s) if k == "value" => out.push(s.clone()),
                    other => collect_values(other, out),
                }
            }
        }
        _ => {}
    }
}

/// `(low, high)` of every `quantity` object in a ledger.
fn collect_quantities(v: &serde_json::Value, out: &mut Vec<(Option<f64>, Option<f64>)>) {
    match v {
        serde_json::Value::Array(items) => items.iter().for_each(|i| collect_quantities(i, out)),
        serde_json::Value::Object(map) => {
            for (k, item) in map {
                if k == "quantity" && item.is_object() {
                    out.push((item["low"].as_f64(), item["high"].as_f64()));
                }
                collect_quantities(item, out);
            }
        }
        _ => {}
    }
}

/// The binary under test (set by [`run_all`]).
static BINARY: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();

fn binary_path() -> Option<PathBuf> {
    BINARY.get().cloned()
}

/// Runs every case (those whose name contains `filter`) against `binary`
/// with `deadline` per run; `progress` sees each result as it comes.
pub fn run_all(
    binary: &Path,
    filter: &str,
    deadline: Duration,
    mut progress: impl FnMut(&Judged),
) -> Vec<Judged> {
    let _ = BINARY.set(binary.to_path_buf());
    let mut results = Vec::new();
    for case in cases() {
        if !case.name.contains(filter) && !case.class.contains(filter) {
            continue;
        }
        let judged = run_case(binary, &case, deadline);
        progress(&judged);
        results.push(judged);
    }
    results
}

fn run_case(binary: &Path, case: &Case, deadline: Duration) -> Judged {
    let judged = |verdict, detail: String, ran: Option<&Ran>| Judged {
        class: case.class,
        name: case.name.clone(),
        verdict,
        detail,
        seconds: ran.map_or(0.0, |r| r.seconds),
        peak_kb: ran.and_then(|r| r.peak_kb),
        cpu_seconds: ran.and_then(|r| r.cpu_seconds),
    };
    let Ok(dir) = tempfile::tempdir() else {
        return judged(Verdict::Skipped, "no temp dir".into(), None);
    };
    let Some(plan) = (case.build)(dir.path()) else {
        return judged(
            Verdict::Skipped,
            "not possible here (needs mknod, mkfifo or sqlite3)".into(),
            None,
        );
    };
    let runs: Vec<Ran> = if plan.copies > 1 {
        let handles: Vec<_> = (0..plan.copies)
            .map(|_| start(binary, dir.path(), &plan))
            .collect();
        handles
            .into_iter()
            .map(|h| h.finish(deadline, None))
            .collect()
    } else {
        vec![start(binary, dir.path(), &plan).finish(deadline, plan.kill_after)]
    };
    // The worst verdict of the copies.
    let mut verdict = Verdict::Passed;
    let mut detail = String::new();
    for ran in &runs {
        let (v, d) = judge(&plan, ran);
        let settled = !matches!(verdict, Verdict::Passed | Verdict::ClearError);
        if !settled && v != Verdict::Passed {
            verdict = v;
            detail = d;
        }
    }
    if matches!(verdict, Verdict::Passed | Verdict::ClearError) {
        if let (Some(check), Some(ran)) = (&plan.check, runs.first()) {
            if let Err(e) = check(dir.path(), ran) {
                verdict = Verdict::DataLost;
                detail = e;
            }
        }
    }
    let slowest = runs
        .iter()
        .max_by(|a, b| a.seconds.total_cmp(&b.seconds))
        .cloned()
        .unwrap_or_default();
    // Leave the temp dir removable.
    let _ = std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755));
    judged(verdict, detail, Some(&slowest))
}

fn judge(plan: &Plan, ran: &Ran) -> (Verdict, String) {
    if ran.timed_out {
        return (
            Verdict::Hang,
            format!("still running after {:.0} s", ran.seconds),
        );
    }
    let panicked = ran.stderr.contains("panicked") || ran.stderr.contains("stack backtrace");
    if panicked || ran.status == Some(101) || (ran.signal.is_some() && plan.kill_after.is_none()) {
        let first = ran.stderr.lines().next().unwrap_or("").to_string();
        return (
            Verdict::Crash,
            format!("status {:?}, signal {:?}: {first}", ran.status, ran.signal),
        );
    }
    if plan.kill_after.is_some() {
        return (Verdict::Passed, String::new());
    }
    let ours = |l: &str| {
        l.starts_with("crosscheck: ")
            || l.starts_with("error: ")
            || l.starts_with("Usage:")
            || l.trim().is_empty()
            || l.starts_with("  ")
            || l.starts_with("For more information")
    };
    let clear = !ran.stderr.trim().is_empty() && ran.stderr.lines().all(ours);
    match (plan.expect, ran.status) {
        (Expect::Success, Some(0)) => (Verdict::Passed, String::new()),
        (Expect::Partial, Some(0)) => (Verdict::Passed, String::new()),
        (Expect::Error | Expect::Partial, Some(1 | 2)) if clear => {
            (Verdict::ClearError, first_line(&ran.stderr))
        }
        (Expect::Error | Expect::Partial, Some(1 | 2)) => {
            (Verdict::UnclearError, first_line(&ran.stderr))
        }
        (_, status) => (
            Verdict::WrongStatus,
            format!("status {status:?}: {}", first_line(&ran.stderr)),
        ),
    }
}

fn first_line(text: &str) -> String {
    text.lines()
        .next()
        .unwrap_or("")
        .chars()
        .take(160)
        .collect()
}

/// A started run with its helper threads.
struct Started {
    child: Option<std::process::Child>,
    error: Option<String>,
    started: Instant,
    rss_file: PathBuf,
    readers: Vec<std::thread::JoinHandle<Vec<u8>>>,
    fifo: Option<(PathBuf, std::thread::JoinHandle<Vec<u8>>)>,
}

fn start(binary: &Path, dir: &Path, plan: &Plan) -> Started {
    // Outside the case's directory, which a case may make read-only.
    let rss_file = std::env::temp_dir().join(format!(
        "crosscheck-reliability-rss-{}-{}",
        std::process::id(),
        rand_suffix()
    ));
    let timer = Path::new("/usr/bin/time");
    let exec = if timer.exists() {
        format!(
            "exec /usr/bin/time -q -f '%M %U %S' -o '{}' \"$0\" \"$@\"",
            rss_file.display()
        )
    } else {
        "exec \"$0\" \"$@\"".to_string()
    };
    let redirect = if matches!(plan.stdout, Stdout::Full) {
        "exec >full.out; "
    } else {
        ""
    };
    let script = format!(
        "{}{}{redirect}{exec}",
        plan.shell,
        if plan.shell.is_empty() { "" } else { "; " }
    );
    let mut command = Command::new("sh");
    command
        .arg("-c")
        .arg(script)
        .arg(binary)
        .args(&plan.args)
        .current_dir(dir)
        .env("MALLOC_ARENA_MAX", "2")
        .env_remove("RUST_BACKTRACE")
        .stdin(match plan.stdin {
            Stdin::Null => Stdio::null(),
            _ => Stdio::piped(),
        })
        .stdout(match plan.stdout {
            Stdout::Full => Stdio::null(),
            _ => Stdio::piped(),
        })
        .stderr(Stdio::piped());
    if let Some(uid) = plan.uid {
        command.uid(uid).gid(uid);
    }
    // A group of its own: /usr/bin/time runs the binary as its child, so a
    // kill must reach the whole group, not only the process started here.
    command.process_group(0);
    let fifo = plan.fifo_reader.clone().map(|path| {
        let opened = path.clone();
        let handle = std::thread::spawn(move || {
            let mut got = Vec::new();
            if let Ok(mut f) = std::fs::File::open(opened) {
                let _ = f.read_to_end(&mut got);
            }
            got
        });
        (path, handle)
    });
    let mut child = match command.spawn() {
        Ok(c) => c,
        Err(e) => {
            return Started {
                child: None,
                error: Some(e.to_string()),
                started: Instant::now(),
                rss_file,
                readers: Vec::new(),
                fifo,
            }
        }
    };
    let mut readers = Vec::new();
    match plan.stdout {
        Stdout::Closed => drop(child.stdout.take()),
        Stdout::FirstLine => {
            let out = child.stdout.take();
            readers.push(std::thread::spawn(move || {
                // Read byte by byte up to the first newline, then close
                // the pipe, as `head -1` does.
                // (Unbuffered on purpose: nothing past the line is read.)
                let mut line = Vec::new();
                let mut byte = [0u8; 1];
                if let Some(mut o) = out {
                    while let Ok(1) = o.read(&mut byte) {
                        line.push(byte[0]);
                        if byte[0] == b'\n' {
                            break;
                        }
                    }
                }
                line
            }));
        }
        _ => {
            let mut out = child.stdout.take();
            readers.push(std::thread::spawn(move || {
                let mut buf = Vec::new();
                if let Some(o) = out.as_mut() {
                    let _ = o.read_to_end(&mut buf);
                }
                buf
            }));
        }
    }
    let mut err = child.stderr.take();
    readers.push(std::thread::spawn(move || {
        let mut buf = Vec::new();
        if let Some(e) = err.as_mut() {
            let _ = e.read_to_end(&mut buf);
        }
        buf
    }));
    if let Some(mut stdin) = child.stdin.take() {
        let bytes = match &plan.stdin {
            Stdin::Bytes(b) => Some((b.clone(), false)),
            Stdin::Endless(b) => Some((b.clone(), true)),
            Stdin::Null => None,
        };
        if let Some((bytes, endless)) = bytes {
            std::thread::spawn(move || loop {
                if stdin.write_all(&bytes).is_err() || !endless {
                    return;
                }
            });
        }
    }
    Started {
        child: Some(child),
        error: None,
        started: Instant::now(),
        rss_file,
        readers,
        fifo,
    }
}

/// SIGKILL to the child's process group: the binary under test as well as
/// /usr/bin/time, which would otherwise die alone and leave the binary
/// running (and holding the output pipes open).
fn kill_group(child: &mut std::process::Child) {
    let group = format!("-{}", child.id());
    let sent = Command::new("kill")
        .args(["-KILL", "--", &group])
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !sent {
        let _ = child.kill();
    }
}

fn rand_suffix() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos() as u64)
}

impl Started {
    fn finish(mut self, deadline: Duration, kill_after: Option<Duration>) -> Ran {
        let Some(mut child) = self.child.take() else {
            return Ran {
                status: None,
                stderr: self.error.unwrap_or_default(),
                ..Ran::default()
            };
        };
        let mut timed_out = false;
        let status = loop {
            if let Ok(Some(status)) = child.try_wait() {
                break Some(status);
            }
            let elapsed = self.started.elapsed();
            if kill_after.is_some_and(|k| elapsed >= k) {
                kill_group(&mut child);
                break child.wait().ok();
            }
            if elapsed > deadline {
                timed_out = true;
                kill_group(&mut child);
                break child.wait().ok();
            }
            std::thread::sleep(Duration::from_millis(10));
        };
        let seconds = self.started.elapsed().as_secs_f64();
        let mut outputs: Vec<Vec<u8>> = self
            .readers
            .drain(..)
            .map(|h| h.join().unwrap_or_default())
            .collect();
        let stderr_bytes = outputs.pop().unwrap_or_default();
        let stdout = outputs.pop().unwrap_or_default();
        let fifo_got = self.fifo.take().map(|(path, h)| {
            if !h.is_finished() {
                // A reader still waiting for a writer that never came:
                // open the FIFO once for writing to let it go.
                let _ = std::fs::OpenOptions::new().write(true).open(&path);
            }
            h.join().unwrap_or_default()
        });
        // "peak-KB user-seconds system-seconds" on the last line.
        let timing = std::fs::read_to_string(&self.rss_file).unwrap_or_default();
        let fields: Vec<&str> = timing.lines().last().unwrap_or("").split(' ').collect();
        let peak_kb = fields.first().and_then(|f| f.parse().ok());
        let cpu_seconds = match (fields.get(1), fields.get(2)) {
            (Some(user), Some(system)) => user
                .parse::<f64>()
                .ok()
                .zip(system.parse::<f64>().ok())
                .map(|(u, s)| u + s),
            _ => None,
        };
        let _ = std::fs::remove_file(&self.rss_file);
        Ran {
            status: status.and_then(|s| s.code()),
            signal: status.and_then(|s| s.signal()),
            stdout,
            stderr: String::from_utf8_lossy(&stderr_bytes).into_owned(),
            seconds,
            timed_out,
            peak_kb,
            cpu_seconds,
            fifo_got,
        }
    }
}

/// The reliability table, one row per class, as Markdown.
pub fn table(results: &[Judged]) -> String {
    let mut out = String::from(
        "| class | cases | passed | clear errors | crashes | hangs | data lost | wrong status or unclear error | skipped | slowest | most memory |\n|---|---|---|---|---|---|---|---|---|---|---|\n",
    );
    let mut totals = [0usize; 8];
    for class in CLASSES {
        let rows: Vec<&Judged> = results.iter().filter(|r| r.class == *class).collect();
        if rows.is_empty() {
            continue;
        }
        let count = |v: Verdict| rows.iter().filter(|r| r.verdict == v).count();
        let counts = [
            rows.len(),
            count(Verdict::Passed),
            count(Verdict::ClearError),
            count(Verdict::Crash),
            count(Verdict::Hang),
            count(Verdict::DataLost),
            count(Verdict::WrongStatus) + count(Verdict::UnclearError),
            count(Verdict::Skipped),
        ];
        for (t, c) in totals.iter_mut().zip(counts) {
            *t += c;
        }
        let slowest = rows.iter().map(|r| r.seconds).fold(0.0, f64::max);
        let memory = rows.iter().filter_map(|r| r.peak_kb).max().unwrap_or(0);
        out.push_str(&format!(
            "| {class} | {} | {} | {} | {} | {} | {} | {} | {} | {slowest:.1} s | {:.0} MB |\n",
            counts[0],
            counts[1],
            counts[2],
            counts[3],
            counts[4],
            counts[5],
            counts[6],
            counts[7],
            memory as f64 / 1024.0
        ));
    }
    out.push_str(&format!(
        "| **all** | **{}** | {} | {} | **{}** | **{}** | **{}** | **{}** | {} | | |\n",
        totals[0], totals[1], totals[2], totals[3], totals[4], totals[5], totals[6], totals[7]
    ));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A kill reaches the program under /usr/bin/time too: before, only
    /// the timer died, the program ran on and the suite waited for it on
    /// its output pipes, so a "killed after N ms" case killed nothing.
    #[test]
    fn a_kill_ends_the_program_not_only_its_timer() {
        let dir = tempfile::tempdir().expect("temp dir");
        let started = Instant::now();
        for (kill_after, deadline) in [
            (Some(Duration::from_millis(200)), Duration::from_secs(60)),
            (None, Duration::from_millis(300)),
        ] {
            let mut plan = Plan::new(&["60"], Expect::Success);
            plan.kill_after = kill_after;
            let ran =
                start(Path::new("/bin/sleep"), dir.path(), &plan).finish(deadline, kill_after);
            assert!(
                ran.signal.is_some() || ran.status.is_some_and(|s| s != 0),
                "{ran:?}"
            );
            assert_eq!(ran.timed_out, kill_after.is_none());
        }
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "waited {:?} for a killed program",
            started.elapsed()
        );
    }
}
