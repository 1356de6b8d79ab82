use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, Result};
use crosscheck_ingest::discover;

use crate::commands::analyze::{analyze, Build, Built};
use crate::commands::report::{PreparedReports, ReportPaths};
use crate::console::outln;
use crate::ledger_file::LedgerFormat;
use crate::output::{prepare_all, Output, Protected};
use crate::Settings;

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

pub fn run(out: &Path, settings: &Settings) -> Result<ExitCode> {
    let corpus = out.join("corpus");
    std::fs::create_dir_all(&corpus).with_context(|| format!("creating {}", corpus.display()))?;
    for (name, text) in CORPUS {
        Output::prepare(&corpus.join(name), &Protected::default())?
            .commit(|w| w.write_all(text.as_bytes()))?;
    }
    let (inputs, failures) = discover(std::slice::from_ref(&corpus));
    let ledger_path = out.join("ledger.json");
    let paths = ReportPaths {
        html: Some(out.join("report.html")),
        markdown: Some(out.join("report.md")),
        csv: Some(out.join("claims.csv")),
    };
    let mut named = vec![("ledger", ledger_path.as_path())];
    named.extend(paths.named());
    let mut outputs = prepare_all(&named, &Protected::default())?.into_iter();
    let ledger_output = outputs.next().context("preparing the ledger output")?;
    let reports = PreparedReports::from_outputs(&paths, outputs);
    let store = out.join("story.db");
    let outcome = analyze(&inputs, &failures, Some(&store), Build::Whole, settings)?;
    let Built::Whole(ledger) = &outcome.ledger else {
        anyhow::bail!("the demo's ledger is built from its store");
    };
    ledger_output.commit(|w| LedgerFormat::default().write(ledger, Some(&ledger_path), w))?;
    reports.write(ledger)?;
    if !settings.quiet {
        outln!(
            "{}{}",
            crosscheck_report::summary(ledger),
            outcome.status_line
        )?;
        outln!()?;
        outln!("Corpus:   {}", corpus.display())?;
        outln!("Ledger:   {}", ledger_path.display())?;
        outln!("Markdown: {}", out.join("report.md").display())?;
        outln!("CSV:      {}", out.join("claims.csv").display())?;
        outln!("Store:    {}", store.display())?;
        outln!("Open the report: {}", out.join("report.html").display())?;
        outln!("Or browse it:    crosscheck serve --db {}", store.display())?;
    }
    Ok(outcome.exit_code())
}
