//! A short, deterministic fuzz run of every target (CI): a few seconds
//! each (`CROSSCHECK_FUZZ_SECS`, default 3), seed `CROSSCHECK_FUZZ_SEED`
//! (default 1). Any panic or hang fails the test with the input saved in a
//! temp dir. Long runs: `crosscheck-fuzz` (see BENCHMARKS.md).

use std::time::Duration;

use crosscheck_hostile::fuzz::{run, seeds_for, Settings};
use crosscheck_hostile::targets::TARGETS;

fn env_number(name: &str, default: f64) -> f64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

#[test]
fn every_target_survives_a_short_fuzz_run() {
    let out = tempfile::tempdir().expect("temp dir");
    let settings = Settings {
        budget: Duration::from_secs_f64(env_number("CROSSCHECK_FUZZ_SECS", 3.0)),
        seed: env_number("CROSSCHECK_FUZZ_SEED", 1.0) as u64,
        hang_after: Duration::from_secs(30),
        out: Some(out.path().to_path_buf()),
        max_executions: None,
    };
    let mut failures = Vec::new();
    for target in TARGETS {
        let report = run(target, &seeds_for(target, &[], 0), &settings);
        eprintln!(
            "{:<10} {:>7} executions, corpus {}, crashes {}, hangs {}",
            target.name,
            report.executions,
            report.corpus,
            report.crashes.len(),
            report.hangs.len()
        );
        assert!(report.executions > 0, "{}: nothing ran", target.name);
        for f in report.crashes.iter().chain(&report.hangs) {
            failures.push(format!(
                "{}: {} (input {} bytes, saved at {:?})",
                target.name,
                f.message,
                f.input.len(),
                f.saved
            ));
        }
    }
    // Keep the inputs for a look when something failed.
    if !failures.is_empty() {
        let kept = out.keep();
        panic!(
            "fuzz findings (inputs in {}):\n{}",
            kept.display(),
            failures.join("\n")
        );
    }
}

/// The mutator and the seeds are deterministic: the same seed gives the
/// same inputs.
#[test]
fn runs_repeat_for_a_seed() {
    let settings = Settings {
        budget: Duration::from_secs(60),
        seed: 42,
        hang_after: Duration::from_secs(30),
        out: None,
        max_executions: Some(200),
    };
    let target = TARGETS
        .iter()
        .find(|t| t.name == "sentences")
        .expect("target");
    let a = run(target, &seeds_for(target, &[], 0), &settings);
    let b = run(target, &seeds_for(target, &[], 0), &settings);
    assert_eq!(a.executions, 200);
    assert_eq!((a.corpus, a.crashes.len()), (b.corpus, b.crashes.len()));
}
