//! A fuzz driver that runs on stable Rust: start from seed inputs, mutate
//! them (bit flips, splices, repeated runs, format tokens such as WARC
//! headers, tags, quote marks and numbers), run the target on each, and
//! record every panic (a crash) and every input that runs past the hang
//! limit. Mutated inputs that make a target behave in a new way (its
//! returned shape) join the corpus. Deterministic for a given seed and
//! input order; time-boxed.
//!
//! Without compiler coverage this is a blind fuzzer steered only by the
//! targets' shapes; `fuzz/` holds the same targets for `cargo fuzz`
//! (libFuzzer, coverage-guided) where a nightly toolchain is installed.

use std::collections::HashSet;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::generate::Rng;
use crate::targets::Target;

/// Largest input the mutator makes.
pub const MAX_INPUT: usize = 256 * 1024;
/// Most inputs kept in the corpus.
const MAX_CORPUS: usize = 2000;

/// Tokens worth inserting: pieces of every format crosscheck reads.
const DICTIONARY: &[&[u8]] = &[
    b"WARC/1.0\r\n",
    b"WARC-Type: response\r\n",
    b"Content-Length: ",
    b"Content-Length: -1\r\n",
    b"Content-Length: 99999999999999999999\r\n",
    b"\r\n\r\n",
    b"HTTP/1.1 200 OK\r\n",
    b"Transfer-Encoding: chunked\r\n",
    b"Content-Encoding: gzip\r\n",
    b"Content-Type: text/html; charset=utf-16\r\n",
    b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff",
    b"\xff\xfe",
    b"\xef\xbb\xbf",
    b"<div>",
    b"<ul><li>",
    b"<p>",
    b"</p>",
    b"<script>",
    b"<!--",
    b"<meta charset=\"windows-1252\">",
    b"<title>",
    b" a=1",
    b"&amp;",
    b"{\"text\": \"",
    b"{\"html\": \"<p>",
    b"\"}\n",
    b"\"",
    b"\xe2\x80\x9c",
    b"\xe2\x80\x9d",
    b" said ",
    b" according to ",
    b" denied ",
    b"5% ",
    b"1,200 ",
    b"$3.5 million ",
    b"5-3 million ",
    b"between 10 and 20 ",
    b"March 4, 2031 ",
    b"February 31, 2024 ",
    b"last Friday ",
    b". ",
    b"\n\n",
    b"Mr. ",
    b"\x00",
    b"\xc3",
];

/// What a run found.
#[derive(Debug, Default, Clone)]
pub struct Report {
    /// The target's name.
    pub target: String,
    /// Inputs run.
    pub executions: u64,
    /// Inputs that panicked.
    pub crashes: Vec<Finding>,
    /// Inputs that ran past the hang limit.
    pub hangs: Vec<Finding>,
    /// Inputs in the corpus at the end.
    pub corpus: usize,
    /// Wall-clock seconds the run took.
    pub seconds: f64,
    /// CPU seconds this process spent in the run (all its threads).
    pub cpu_seconds: f64,
}

/// One input that crashed or hung a target.
#[derive(Debug, Clone)]
pub struct Finding {
    /// The panic message, or how long the input ran.
    pub message: String,
    /// Where the input was saved, when an output folder was given.
    pub saved: Option<PathBuf>,
    /// The input itself.
    pub input: Vec<u8>,
}

/// How a run is set up.
#[derive(Debug, Clone)]
pub struct Settings {
    /// How long the whole run may take, wall clock.
    pub budget: Duration,
    /// How much CPU time the run may take: on a shared machine this, not
    /// the wall clock, says how much fuzzing was done.
    pub cpu_budget: Option<Duration>,
    /// Seed of the mutator's random source.
    pub seed: u64,
    /// One input running longer than this (CPU time) is a hang.
    pub hang_after: Duration,
    /// Where to save crashing and hanging inputs.
    pub out: Option<PathBuf>,
    /// Stop after this many executions (for deterministic runs).
    pub max_executions: Option<u64>,
}

/// Fuzzes `target` from `seeds` within the settings' budget.
pub fn run(target: &Target, seeds: &[Vec<u8>], settings: &Settings) -> Report {
    let started = Instant::now();
    let cpu_at_start = process_cpu_seconds();
    let cpu_spent = || process_cpu_seconds() - cpu_at_start;
    let mut rng = Rng::new(settings.seed);
    let mut corpus: Vec<Vec<u8>> = seeds
        .iter()
        .filter(|s| s.len() <= MAX_INPUT)
        .cloned()
        .collect();
    if corpus.is_empty() {
        corpus.push(b"The council met on Friday, the mayor said.".to_vec());
    }
    let mut shapes: HashSet<u64> = HashSet::new();
    let mut report = Report {
        target: target.name.to_string(),
        ..Report::default()
    };
    let watch = Watch::start(settings.hang_after);
    // Seeds first, as they are.
    let mut queue: Vec<Vec<u8>> = corpus.clone();
    loop {
        if started.elapsed() >= settings.budget
            || settings
                .max_executions
                .is_some_and(|m| report.executions >= m)
        {
            break;
        }
        // Reading the CPU clock costs a file read: every 64 inputs.
        if report.executions.is_multiple_of(64)
            && settings
                .cpu_budget
                .is_some_and(|b| cpu_spent() >= b.as_secs_f64())
        {
            break;
        }
        let input = match queue.pop() {
            Some(input) => input,
            None => {
                let base = rng.pick(&corpus).clone();
                let other = rng.pick(&corpus).clone();
                mutate(&mut rng, base, &other)
            }
        };
        let cpu_before = thread_cpu_seconds();
        watch.begin(&input);
        let outcome = catch_unwind(AssertUnwindSafe(|| (target.run)(&input)));
        let took = watch.end();
        // CPU time, not wall time, decides a hang: on a busy machine an
        // input may wait far longer than it runs.
        let cpu = thread_cpu_seconds() - cpu_before;
        report.executions += 1;
        match outcome {
            Ok(shape) => {
                if cpu > settings.hang_after.as_secs_f64() {
                    report.hangs.push(finding(
                        target,
                        "hang",
                        format!("took {cpu:.1} s of CPU ({:.1} s wall)", took.as_secs_f64()),
                        input,
                        settings,
                    ));
                } else if shapes.insert(shape) && corpus.len() < MAX_CORPUS {
                    corpus.push(input);
                }
            }
            Err(payload) => {
                let message = payload
                    .downcast_ref::<String>()
                    .cloned()
                    .or_else(|| payload.downcast_ref::<&str>().map(|s| s.to_string()))
                    .unwrap_or_else(|| "panic".to_string());
                report
                    .crashes
                    .push(finding(target, "crash", message, input, settings));
            }
        }
    }
    watch.stop();
    report.corpus = corpus.len();
    report.seconds = started.elapsed().as_secs_f64();
    report.cpu_seconds = cpu_spent();
    report
}

/// User and system CPU time of this process so far, from `/proc` (Linux
/// reports it in units of 1/100 s); 0 elsewhere.
pub fn process_cpu_seconds() -> f64 {
    cpu_seconds_in("/proc/self/stat")
}

/// The same for the calling thread.
fn thread_cpu_seconds() -> f64 {
    cpu_seconds_in("/proc/thread-self/stat")
}

fn cpu_seconds_in(stat_file: &str) -> f64 {
    let Ok(stat) = std::fs::read_to_string(stat_file) else {
        return 0.0;
    };
    // Fields after the command name, which is in parentheses.
    let fields: Vec<&str> = stat
        .rsplit_once(')')
        .map(|(_, rest)| rest.split_whitespace().collect())
        .unwrap_or_default();
    let ticks = |i: usize| {
        fields
            .get(i)
            .and_then(|f| f.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    // utime and stime are fields 14 and 15 of the line; the state (field
    // 3) is the first here.
    (ticks(11) + ticks(12)) / 100.0
}

fn finding(
    target: &Target,
    kind: &str,
    message: String,
    input: Vec<u8>,
    settings: &Settings,
) -> Finding {
    let saved = settings.out.as_ref().and_then(|dir| {
        let _ = std::fs::create_dir_all(dir);
        let id = crosscheck_ingest::content_id(&String::from_utf8_lossy(&input));
        let path = dir.join(format!("{kind}-{}-{id}.bin", target.name));
        std::fs::write(&path, &input).ok().map(|_| path)
    });
    Finding {
        message,
        saved,
        input,
    }
}

/// One to four random edits of `base` (with `other` for splices).
pub fn mutate(rng: &mut Rng, mut data: Vec<u8>, other: &[u8]) -> Vec<u8> {
    for _ in 0..1 + rng.below(4) {
        let len = data.len();
        match rng.below(10) {
            0 if len > 0 => {
                let at = rng.below(len);
                data[at] ^= 1 << rng.below(8);
            }
            1 if len > 0 => {
                let at = rng.below(len);
                data[at] = rng.next_u64() as u8;
            }
            2 => {
                let at = rng.below(len + 1);
                let n = 1 + rng.below(16);
                let bytes: Vec<u8> = (0..n).map(|_| rng.next_u64() as u8).collect();
                data.splice(at..at, bytes);
            }
            3 if len > 0 => {
                let at = rng.below(len);
                let n = 1 + rng.below((len - at).min(256));
                data.drain(at..at + n);
            }
            4 if len > 0 => {
                // A run repeated: deep nesting, long lines, many figures.
                let at = rng.below(len);
                let n = 1 + rng.below((len - at).min(64));
                let times = 1 + rng.below(2000);
                let piece = data[at..at + n].to_vec();
                let repeated: Vec<u8> = piece
                    .iter()
                    .copied()
                    .cycle()
                    .take((n * times).min(MAX_INPUT))
                    .collect();
                data.splice(at..at, repeated);
            }
            5 | 6 => {
                let token = rng.pick(DICTIONARY);
                let at = rng.below(len + 1);
                data.splice(at..at, token.iter().copied());
            }
            7 if !other.is_empty() => {
                let from = rng.below(other.len());
                let n = 1 + rng.below((other.len() - from).min(4096));
                let at = rng.below(len + 1);
                data.splice(at..at, other[from..from + n].iter().copied());
            }
            8 if len > 0 => data.truncate(rng.below(len)),
            _ => {
                // A number somewhere made extreme.
                let extreme: &[&[u8]] = &[
                    b"0",
                    b"-1",
                    b"18446744073709551616",
                    b"9999999",
                    b"ffffffff",
                ];
                let at = rng.below(len + 1);
                data.splice(at..at, rng.pick(extreme).iter().copied());
            }
        }
        data.truncate(MAX_INPUT);
    }
    data
}

/// Watches the running input from another thread: one that runs far
/// past the hang limit is saved (so a hang that never returns is not
/// lost), then the process exits with status 3.
/// The input running now and since when.
type Running = Arc<Mutex<Option<(Instant, Vec<u8>)>>>;

struct Watch {
    state: Running,
    stop: Arc<AtomicBool>,
}

impl Watch {
    fn start(limit: Duration) -> Watch {
        let state: Running = Arc::new(Mutex::new(None));
        let stop = Arc::new(AtomicBool::new(false));
        let (s, st) = (Arc::clone(&state), Arc::clone(&stop));
        std::thread::spawn(move || {
            while !st.load(Ordering::SeqCst) {
                std::thread::sleep(Duration::from_millis(200));
                let guard = s.lock().unwrap_or_else(|e| e.into_inner());
                if let Some((since, input)) = guard.as_ref() {
                    // Ten times the limit: stuck, not just slow.
                    if since.elapsed() > limit * 10 {
                        let path = std::env::temp_dir()
                            .join(format!("crosscheck-fuzz-hang-{}.bin", std::process::id()));
                        let _ = std::fs::write(&path, input);
                        eprintln!(
                            "crosscheck-fuzz: an input ran for {:.0} s; saved to {}",
                            since.elapsed().as_secs_f64(),
                            path.display()
                        );
                        std::process::exit(3);
                    }
                }
            }
        });
        Watch { state, stop }
    }

    fn begin(&self, input: &[u8]) {
        let mut guard = self.state.lock().unwrap_or_else(|e| e.into_inner());
        *guard = Some((Instant::now(), input.to_vec()));
    }

    fn end(&self) -> Duration {
        let mut guard = self.state.lock().unwrap_or_else(|e| e.into_inner());
        let took = guard.as_ref().map_or(Duration::ZERO, |(t, _)| t.elapsed());
        *guard = None;
        took
    }

    fn stop(&self) {
        self.stop.store(true, Ordering::SeqCst);
    }
}

/// Seeds for a target: the invented ones it names, then files from
/// `extra` folders (the shared corpus, read at run time), each cut to
/// [`MAX_INPUT`].
pub fn seeds_for(target: &Target, extra: &[&Path], max_files: usize) -> Vec<Vec<u8>> {
    let mut seeds: Vec<Vec<u8>> = crate::generate::seeds()
        .into_iter()
        .filter(|(name, _)| target.seeds.is_empty() || target.seeds.contains(&name.as_str()))
        .map(|(_, bytes)| bytes)
        .collect();
    for dir in extra {
        let mut files: Vec<PathBuf> = match std::fs::read_dir(dir) {
            Ok(rd) => rd
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.is_file())
                .collect(),
            Err(_) => continue,
        };
        files.sort();
        for path in files.into_iter().take(max_files) {
            if let Ok(mut bytes) = std::fs::read(&path) {
                bytes.truncate(MAX_INPUT);
                seeds.push(bytes);
            }
        }
    }
    seeds
}
