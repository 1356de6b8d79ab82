use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, Result};

use crate::commands::analyze::{analyze, write_atomically, write_atomically_with};
use crate::commands::report::{write_reports, ReportPaths};
use crate::ledger_file::LedgerFormat;

/// The demo story: invented outlets reporting an invented deployment, written
/// for crosscheck (conflicting figures, a denial turned confirmation, named
/// and anonymous sources, a syndicated copy), in each input format.
const CORPUS: &[(&str, &str)] = &[
    (
        "01-harbor-city-herald.html",
        include_str!("../../demo/01-harbor-city-herald.html"),
    ),
    ("02-wire.jsonl", include_str!("../../demo/02-wire.jsonl")),
    (
        "03-evening-sentinel.txt",
        include_str!("../../demo/03-evening-sentinel.txt"),
    ),
    (
        "04-radio-kestrel.html",
        include_str!("../../demo/04-radio-kestrel.html"),
    ),
];

pub fn run(out: &Path, quiet: bool) -> Result<ExitCode> {
    let corpus = out.join("corpus");
    std::fs::create_dir_all(&corpus).with_context(|| format!("creating {}", corpus.display()))?;
    for (name, text) in CORPUS {
        write_atomically(&corpus.join(name), text.as_bytes())?;
    }
    let outcome = analyze(std::slice::from_ref(&corpus), None, quiet)?;
    let ledger_path = out.join("ledger.json");
    write_atomically_with(&ledger_path, |file| {
        LedgerFormat::default().write(&outcome.ledger, Some(&ledger_path), file)
    })?;
    let reports = ReportPaths {
        html: Some(out.join("report.html")),
        markdown: Some(out.join("report.md")),
        csv: Some(out.join("claims.csv")),
    };
    write_reports(&outcome.ledger, &reports)?;
    if !quiet {
        print!("{}", crosscheck_report::summary(&outcome.ledger));
        println!("{}", outcome.status_line);
        println!();
        println!("Corpus:   {}", corpus.display());
        println!("Ledger:   {}", ledger_path.display());
        println!("Markdown: {}", out.join("report.md").display());
        println!("CSV:      {}", out.join("claims.csv").display());
        println!("Open the report: {}", out.join("report.html").display());
    }
    Ok(outcome.exit_code())
}
