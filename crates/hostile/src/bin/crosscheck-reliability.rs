//! `crosscheck-reliability`: runs the reliability suite against a
//! `crosscheck` binary and prints the table for BENCHMARKS.md.
//!
//! ```text
//! crosscheck-reliability --binary target/release/crosscheck [--filter TEXT] [--deadline SECONDS] [--cases FILE]
//! ```
//!
//! Every case is built in its own temp dir. `--cases FILE` writes one
//! tab-separated line per case (class, name, verdict, wall seconds, CPU
//! seconds, peak KB, detail). Exits 1 when a case crashed, hung, lost data or ended with
//! the wrong status. `scripts/reliability/run.sh` builds and runs it.

use std::io::Write;
use std::path::PathBuf;
use std::time::Duration;

use crosscheck_hostile::suite::{run_all, table, Verdict};

fn main() -> std::process::ExitCode {
    let mut binary = PathBuf::from("target/release/crosscheck");
    let mut filter = String::new();
    let mut deadline = 120.0f64;
    let mut cases_file: Option<PathBuf> = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = || args.next().unwrap_or_default();
        match arg.as_str() {
            "--binary" => binary = PathBuf::from(value()),
            "--filter" => filter = value(),
            "--deadline" => deadline = value().parse().unwrap_or(deadline),
            "--cases" => cases_file = Some(PathBuf::from(value())),
            other => {
                eprintln!("crosscheck-reliability: unknown argument {other}");
                return std::process::ExitCode::from(2);
            }
        }
    }
    let binary = std::fs::canonicalize(&binary).unwrap_or(binary);
    if !binary.is_file() {
        eprintln!(
            "crosscheck-reliability: {} is not a file; build it first",
            binary.display()
        );
        return std::process::ExitCode::from(2);
    }
    let mut lines = Vec::new();
    let results = run_all(&binary, &filter, Duration::from_secs_f64(deadline), |j| {
        let mark = match j.verdict {
            Verdict::Passed => "ok   ",
            Verdict::ClearError => "error",
            Verdict::Skipped => "skip ",
            _ => "FAIL ",
        };
        eprintln!(
            "{mark} {:>6.1} s ({:>6.1} CPU-s)  [{}] {}  {}",
            j.seconds,
            j.cpu_seconds.unwrap_or(0.0),
            j.class,
            j.name,
            j.detail
        );
        lines.push(format!(
            "{}\t{}\t{:?}\t{:.2}\t{:.2}\t{}\t{}",
            j.class,
            j.name,
            j.verdict,
            j.seconds,
            j.cpu_seconds.unwrap_or(0.0),
            j.peak_kb.unwrap_or(0),
            j.detail.replace(['\t', '\n'], " ")
        ));
    });
    if let Some(path) = cases_file {
        if let Ok(mut f) = std::fs::File::create(&path) {
            let _ = writeln!(
                f,
                "class\tcase\tverdict\tseconds\tcpu_seconds\tpeak_kb\tdetail"
            );
            for l in &lines {
                let _ = writeln!(f, "{l}");
            }
        }
    }
    print!("{}", table(&results));
    let failed = results.iter().any(|r| {
        !matches!(
            r.verdict,
            Verdict::Passed | Verdict::ClearError | Verdict::Skipped
        )
    });
    if failed {
        std::process::ExitCode::from(1)
    } else {
        std::process::ExitCode::SUCCESS
    }
}
