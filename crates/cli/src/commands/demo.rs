use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, Result};

use crate::commands::analyze::{analyze, write_atomically};
use crate::commands::report::{write_reports, ReportPaths};

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
    let store = out.join("story.db");
    let outcome = analyze(std::slice::from_ref(&corpus), Some(&store), quiet)?;
    let ledger_path = out.join("ledger.json");
    let json = serde_json::to_string_pretty(&outcome.ledger).context("serialising the ledger")?;
    write_atomically(&ledger_path, json.as_bytes())?;
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
        println!("Store:    {}", store.display());
        println!("Open the report: {}", out.join("report.html").display());
        println!("Or browse it:    crosscheck serve --db {}", store.display());
    }
    Ok(outcome.exit_code())
}
