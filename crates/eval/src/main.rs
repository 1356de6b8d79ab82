//! `crosscheck-eval NAME [SHARED_DIR]`: run one gold-data evaluation and
//! print its figures. This is the only way in: the shipped `crosscheck` binary
//! carries no evaluation code.
//! `crosscheck-eval quantities [--gold FILE] [--predictions FILE]` scores a
//! held-out CQE-format file, or another system's predictions.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let Some(name) = args.next() else {
        eprintln!("usage: crosscheck-eval NAME [SHARED_DIR]\n");
        for (name, what) in crosscheck_eval::EVALUATIONS {
            eprintln!("  {name:<20} {what}");
        }
        return ExitCode::from(2);
    };
    // `quantities` takes `--gold FILE` (a held-out CQE-format set) and
    // `--predictions FILE` (another system's values) before the folder.
    let mut gold = None;
    let mut predictions = None;
    let mut shared = None;
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--gold" => gold = args.next().map(PathBuf::from),
            "--predictions" => predictions = args.next().map(PathBuf::from),
            _ => shared = Some(PathBuf::from(arg)),
        }
    }
    let shared = shared.unwrap_or_else(crosscheck_eval::default_shared_dir);
    let result = if name == "quantities" {
        crosscheck_eval::quantities::evaluate_options(
            &shared,
            gold.as_deref(),
            predictions.as_deref(),
        )
    } else {
        crosscheck_eval::run(&name, &shared)
    };
    match result {
        Ok(report) => {
            // A closed pipe (`| head`) is not an error worth a panic.
            let _ = write!(std::io::stdout().lock(), "{report}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("crosscheck-eval: {e}");
            ExitCode::FAILURE
        }
    }
}
