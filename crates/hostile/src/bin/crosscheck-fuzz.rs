//! `crosscheck-fuzz`: runs the fuzz targets on stable Rust.
//!
//! ```text
//! crosscheck-fuzz [--target NAME|all] [--seconds N] [--seed N] [--shared DIR] [--out DIR]
//! crosscheck-fuzz --write-corpus DIR [--shared DIR]    # seeds for `cargo fuzz`, one folder per target
//! ```
//!
//! Each target runs for `--seconds` (default 10) from the invented seeds
//! and, with `--shared`, the seed articles and article-extraction pages of
//! the shared data folder (read at run time). Crashing and hanging inputs
//! are saved under `--out` (default a temp dir). Prints one line per
//! target; exits 1 when anything crashed or hung.

use std::path::{Path, PathBuf};
use std::time::Duration;

use crosscheck_hostile::fuzz::{run, seeds_for, Settings};
use crosscheck_hostile::targets::TARGETS;

/// User and system CPU time of this process so far, from `/proc` (Linux
/// reports it in units of 1/100 s); 0 elsewhere.
fn cpu_seconds() -> f64 {
    let Ok(stat) = std::fs::read_to_string("/proc/self/stat") else {
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

fn main() -> std::process::ExitCode {
    let mut target = "all".to_string();
    let mut seconds = 10.0f64;
    let mut seed = 1u64;
    let mut shared: Option<PathBuf> = None;
    let mut out = std::env::temp_dir().join("crosscheck-fuzz-findings");
    let mut write_corpus: Option<PathBuf> = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = || args.next().unwrap_or_default();
        match arg.as_str() {
            "--target" => target = value(),
            "--seconds" => seconds = value().parse().unwrap_or(seconds),
            "--seed" => seed = value().parse().unwrap_or(seed),
            "--shared" => shared = Some(PathBuf::from(value())),
            "--out" => out = PathBuf::from(value()),
            "--write-corpus" => write_corpus = Some(PathBuf::from(value())),
            "--list" => {
                for t in TARGETS {
                    println!("{:<10} {}", t.name, t.what);
                }
                return std::process::ExitCode::SUCCESS;
            }
            other => {
                eprintln!("crosscheck-fuzz: unknown argument {other}");
                return std::process::ExitCode::from(2);
            }
        }
    }
    let extra: Vec<PathBuf> = shared
        .iter()
        .flat_map(|s| {
            [
                s.join("corpus/seeds"),
                s.join("data/article-extraction/html"),
                s.join("data/polnear/dev/text"),
            ]
        })
        .collect();
    let extra: Vec<&Path> = extra.iter().map(PathBuf::as_path).collect();
    if let Some(dir) = write_corpus {
        for t in TARGETS {
            let folder = dir.join(t.name.replace('-', "_"));
            if std::fs::create_dir_all(&folder).is_err() {
                eprintln!("crosscheck-fuzz: cannot create {}", folder.display());
                return std::process::ExitCode::from(2);
            }
            for (i, seed) in seeds_for(t, &extra, 40).iter().enumerate() {
                if std::fs::write(folder.join(format!("seed-{i:03}")), seed).is_err() {
                    eprintln!("crosscheck-fuzz: cannot write in {}", folder.display());
                    return std::process::ExitCode::from(2);
                }
            }
        }
        return std::process::ExitCode::SUCCESS;
    }
    let settings = Settings {
        budget: Duration::from_secs_f64(seconds),
        seed,
        hang_after: Duration::from_secs(10),
        out: Some(out.clone()),
        max_executions: None,
    };
    let mut bad = 0;
    let mut total_execs = 0u64;
    let mut total_secs = 0.0;
    for t in TARGETS
        .iter()
        .filter(|t| target == "all" || t.name == target)
    {
        let seeds = seeds_for(t, &extra, 40);
        let report = run(t, &seeds, &settings);
        total_execs += report.executions;
        total_secs += report.seconds;
        println!(
            "{:<10} {:>9} executions in {:>7.1} s ({:>7.0}/s), corpus {:>4}, crashes {}, hangs {}",
            report.target,
            report.executions,
            report.seconds,
            report.executions as f64 / report.seconds.max(1e-9),
            report.corpus,
            report.crashes.len(),
            report.hangs.len()
        );
        for f in report.crashes.iter().chain(&report.hangs).take(5) {
            println!(
                "    {} ({})",
                f.message.lines().next().unwrap_or(""),
                f.saved
                    .as_ref()
                    .map_or("not saved".into(), |p| p.display().to_string())
            );
        }
        bad += report.crashes.len() + report.hangs.len();
    }
    println!(
        "total: {total_execs} executions in {:.2} hours ({:.3} CPU-hours of this process); findings saved under {}",
        total_secs / 3600.0,
        cpu_seconds() / 3600.0,
        out.display()
    );
    if bad > 0 {
        std::process::ExitCode::from(1)
    } else {
        std::process::ExitCode::SUCCESS
    }
}
