use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Result;
use crosscheck_ingest::{discover, IngestError, Input};
use crosscheck_model::{Claim, Document, Ledger};
use crosscheck_store::Store;
use crosscheck_stories::{story_id, DocumentProfile, StoryIndex};

use crate::commands::report::{PreparedReports, ReportPaths};
use crate::console::{errln, outln};
use crate::ledger_file::{self, LedgerFormat};
use crate::output::{prepare_all, Output, Protected};
use crate::pipeline;
use crate::Settings;

#[derive(clap::Args)]
pub struct Args {
    /// Article files, directories (read recursively), or - for stdin.
    #[arg(required = true, value_name = "ARTICLES")]
    pub inputs: Vec<PathBuf>,
    /// Keep the documents and claims in this local store and build the ledger
    /// over everything it holds (created if missing).
    #[arg(long, value_name = "FILE")]
    pub db: Option<PathBuf>,
    #[command(flatten)]
    pub outputs: LedgerOutputs,
}

pub fn run(args: &Args, settings: &Settings) -> Result<ExitCode> {
    let (inputs, failures) = discover(&args.inputs);
    // Every output is checked and opened before any work is done.
    let mut protected = Protected::default();
    for input in &inputs {
        if let Input::Path(path) = input {
            protected.input(path);
        }
    }
    if let Some(db) = &args.db {
        protected.store(db);
    }
    let outputs = args.outputs.prepare(&protected)?;
    let outcome = analyze(&inputs, &failures, args.db.as_deref(), settings)?;
    outputs.write(&outcome, settings.quiet)?;
    Ok(outcome.exit_code())
}

/// Where a ledger goes (`analyze` and `reduce`).
#[derive(clap::Args)]
pub struct LedgerOutputs {
    /// Write the ledger JSON here (default: standard output); JSON lines when
    /// FILE ends in .jsonl.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    #[command(flatten)]
    pub format: LedgerFormat,
    /// Also write the ledger's documents, mentions and claims as Parquet
    /// tables in DIR (docs/parquet.md).
    #[arg(long, value_name = "DIR")]
    pub parquet: Option<PathBuf>,
    #[command(flatten)]
    pub reports: ReportPaths,
}

impl LedgerOutputs {
    /// Checks and opens every output before any work is done.
    pub fn prepare(&self, protected: &Protected) -> Result<PreparedOutputs<'_>> {
        let mut named: Vec<(&str, &Path)> = Vec::new();
        if let Some(path) = &self.output {
            named.push(("-o", path));
        }
        named.extend(self.reports.named());
        let mut outputs = prepare_all(&named, protected)?.into_iter();
        let ledger = match &self.output {
            Some(_) => outputs.next(),
            None => None,
        };
        let reports = PreparedReports::from_outputs(&self.reports, outputs);
        let to_stdout = ledger.is_none();
        let ledger = match ledger {
            Some(output) => output,
            None => Output::prepare(Path::new("-"), protected)?,
        };
        if let Some(dir) = &self.parquet {
            ledger_file::check_parquet_dir(dir)?;
        }
        Ok(PreparedOutputs {
            given: self,
            ledger,
            to_stdout,
            reports,
        })
    }
}

/// A ledger's outputs checked and opened, waiting for the ledger.
pub struct PreparedOutputs<'a> {
    given: &'a LedgerOutputs,
    ledger: Output,
    to_stdout: bool,
    reports: PreparedReports,
}

impl PreparedOutputs<'_> {
    /// Writes the ledger, its Parquet tables and reports, then the summary.
    pub fn write(self, outcome: &Outcome, quiet: bool) -> Result<()> {
        let ledger = &outcome.ledger;
        let path = self.given.output.as_deref();
        let format = &self.given.format;
        self.ledger.commit(|w| format.write(ledger, path, w))?;
        if let Some(dir) = &self.given.parquet {
            ledger_file::write_parquet(ledger, dir)?;
        }
        self.reports.write(ledger)?;
        if !quiet {
            let summary = crosscheck_report::summary(ledger);
            // With the ledger on stdout, the human summary goes to stderr.
            if self.to_stdout {
                errln!("{summary}{}", outcome.status_line);
            } else {
                outln!("{summary}{}", outcome.status_line)?;
            }
        }
        Ok(())
    }
}

pub struct Outcome {
    pub ledger: Ledger,
    pub failures: usize,
    pub status_line: String,
}

impl Outcome {
    pub fn exit_code(&self) -> ExitCode {
        if self.failures > 0 {
            ExitCode::from(1)
        } else {
            ExitCode::SUCCESS
        }
    }
}

/// Ingests and analyses `inputs`; with a store, adds the new documents to it
/// and builds the ledger over everything stored.
pub fn analyze(
    inputs: &[Input],
    failures: &[IngestError],
    db: Option<&Path>,
    settings: &Settings,
) -> Result<Outcome> {
    let mut store = db.map(Store::open).transpose()?;
    let prior = match &store {
        Some(store) => store.load_all()?.0,
        None => Vec::new(),
    };
    // A store keeps its story index and extends it; one written before
    // stories existed has its documents grouped once, in stored order.
    let mut index = match store.as_mut() {
        Some(store) => match store.load_story_index()? {
            Some(index) => index,
            None => {
                let mut index = StoryIndex::new();
                for doc in &prior {
                    index.add(&DocumentProfile::of(doc));
                }
                let delta = index.take_delta();
                if !delta.is_empty() {
                    store.save_stories(&delta)?;
                }
                index
            }
        },
        None => StoryIndex::new(),
    };
    let mut documents: Vec<Document> = Vec::new();
    let mut claims: Vec<Claim> = Vec::new();
    let mut added = 0;
    let stats = pipeline::run(
        inputs,
        failures,
        &prior,
        &settings.limits,
        settings.quiet,
        &mut |chunk| {
            match store.as_mut() {
                Some(store) => {
                    let pairs: Vec<(Document, Vec<Claim>)> = chunk
                        .into_iter()
                        .map(|a| {
                            let mut doc = a.document;
                            let number = index.add(&DocumentProfile::of(&doc));
                            doc.story = Some(story_id(number));
                            (doc, a.claims)
                        })
                        .collect();
                    let delta = index.take_delta();
                    added += store.add_batch_with_stories(&pairs, Some(&delta))?.added;
                }
                None => {
                    for a in chunk {
                        documents.push(a.document);
                        claims.extend(a.claims);
                    }
                }
            }
            Ok(())
        },
    )?;
    drop(prior);
    let mut stored = String::new();
    if let (Some(store), Some(path)) = (&store, db) {
        (documents, claims) = pipeline::load_store(store)?;
        stored = format!(
            "; store {}: {added} added, {} in all",
            path.display(),
            documents.len()
        );
    }
    let ledger = crosscheck_ledger::build_ledger_with_index(documents, claims, index);
    let mut status_line = format!("{} documents analysed", stats.analysed);
    if stats.exact_duplicates > 0 {
        status_line.push_str(&format!(
            " ({} already seen, skipped)",
            stats.exact_duplicates
        ));
    }
    status_line.push_str(&stored);
    if stats.failures > 0 {
        status_line.push_str(&format!(
            "; {} inputs failed (see the messages above)",
            stats.failures
        ));
    }
    Ok(Outcome {
        ledger,
        failures: stats.failures,
        status_line,
    })
}
