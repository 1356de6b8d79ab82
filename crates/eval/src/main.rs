//! `crosscheck-eval NAME [SHARED_DIR]`: run one gold-data evaluation and
//! print its figures. This is the only way in: the shipped `crosscheck` binary
//! carries no evaluation code.

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
    let shared = args
        .next()
        .map(PathBuf::from)
        .unwrap_or_else(crosscheck_eval::default_shared_dir);
    match crosscheck_eval::run(&name, &shared) {
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
