use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, Result};

use crate::commands::analyze::{analyze, write_atomically};
use crate::commands::report::{write_reports, ReportPaths};

/// The demo corpus, written for crosscheck: invented outlets reporting an
/// invented deployment (figures that grow over time, casualty figures the
/// two sides dispute, a denial turned confirmation, named and anonymous
/// sources, a syndicated copy), an invented dock strike (the union and the
/// port authority counting strikers differently, two counts of waiting ships
/// on one day) and an unrelated city article, in each input format.
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
    (
        "05-port-gazette.html",
        include_str!("../../demo/05-port-gazette.html"),
    ),
    (
        "06-more-wire.jsonl",
        include_str!("../../demo/06-more-wire.jsonl"),
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
        println!("Open the report: {}", out.join("report.html").display());
    }
    Ok(outcome.exit_code())
}
