use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;

pub fn run(
    name: Option<&str>,
    shared: Option<PathBuf>,
    gold: Option<PathBuf>,
    predictions: Option<PathBuf>,
) -> Result<ExitCode> {
    let Some(name) = name else {
        println!("Evaluations (crosscheck eval NAME):");
        for (name, what) in crosscheck_eval::EVALUATIONS {
            println!("  {name:<20} {what}");
        }
        return Ok(ExitCode::SUCCESS);
    };
    let shared = shared.unwrap_or_else(default_shared);
    let report = if name == "quantities" {
        crosscheck_eval::quantities::evaluate_options(
            &shared,
            gold.as_deref(),
            predictions.as_deref(),
        )?
    } else {
        crosscheck_eval::run(name, &shared)?
    };
    print!("{report}");
    Ok(ExitCode::SUCCESS)
}

/// `CROSSCHECK_SHARED`, else `../shared` from the current directory (the
/// layout of a checkout), else the one beside the source tree.
pub fn default_shared() -> PathBuf {
    if let Some(dir) = std::env::var_os("CROSSCHECK_SHARED") {
        return PathBuf::from(dir);
    }
    let beside = PathBuf::from("../shared");
    if beside.is_dir() {
        return beside;
    }
    crosscheck_eval::default_shared_dir()
}
