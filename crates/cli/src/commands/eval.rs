use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;

use crate::console::{out, outln};

pub fn run(name: Option<&str>, shared: Option<PathBuf>) -> Result<ExitCode> {
    let Some(name) = name else {
        outln!("Evaluations (crosscheck eval NAME):")?;
        for (name, what) in crosscheck_eval::EVALUATIONS {
            outln!("  {name:<20} {what}")?;
        }
        return Ok(ExitCode::SUCCESS);
    };
    let shared = shared.unwrap_or_else(default_shared);
    let report = crosscheck_eval::run(name, &shared)?;
    out(&report.to_string())?;
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
