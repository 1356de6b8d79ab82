use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};
use crosscheck_model::{Claim, Document, Ledger};
use crosscheck_store::Store;

use crate::commands::report::{write_reports, ReportPaths};
use crate::ledger_file::{self, LedgerFormat};
use crate::pipeline;

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
    /// Writes the ledger, its Parquet tables and reports, then the summary.
    pub fn write(&self, outcome: &Outcome, quiet: bool) -> Result<()> {
        let path = self.output.as_deref();
        match path {
            Some(path) => write_atomically_with(path, |file| {
                self.format.write(&outcome.ledger, Some(path), file)
            })?,
            None => self
                .format
                .write(&outcome.ledger, None, std::io::stdout().lock())
                .context("writing the ledger")?,
        }
        if let Some(dir) = &self.parquet {
            ledger_file::write_parquet(&outcome.ledger, dir)?;
        }
        write_reports(&outcome.ledger, &self.reports)?;
        if !quiet {
            let summary = crosscheck_report::summary(&outcome.ledger);
            // With the ledger on stdout, the human summary goes to stderr.
            if self.output.is_some() {
                print!("{summary}");
                println!("{}", outcome.status_line);
            } else {
                eprint!("{summary}");
                eprintln!("{}", outcome.status_line);
            }
        }
        Ok(())
    }
}

pub fn run(args: &Args, quiet: bool) -> Result<ExitCode> {
    let outcome = analyze(&args.inputs, args.db.as_deref(), quiet)?;
    args.outputs.write(&outcome, quiet)?;
    Ok(outcome.exit_code())
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
pub fn analyze(inputs: &[PathBuf], db: Option<&Path>, quiet: bool) -> Result<Outcome> {
    let mut store = db.map(Store::open).transpose()?;
    let prior = match &store {
        Some(store) => store.load_all()?.0,
        None => Vec::new(),
    };
    let mut documents: Vec<Document> = Vec::new();
    let mut claims: Vec<Claim> = Vec::new();
    let mut added = 0;
    let stats = pipeline::run(inputs, &prior, quiet, &mut |chunk| {
        match store.as_mut() {
            Some(store) => {
                let pairs: Vec<(Document, Vec<Claim>)> =
                    chunk.into_iter().map(|a| (a.document, a.claims)).collect();
                added += store.add_batch(&pairs)?.added;
            }
            None => {
                for a in chunk {
                    documents.push(a.document);
                    claims.extend(a.claims);
                }
            }
        }
        Ok(())
    })?;
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
    let ledger = crosscheck_ledger::build_ledger(documents, claims);
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

/// Writes via a temporary file and a rename, so an interrupted run never
/// leaves a half-written file behind.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    write_atomically_with(path, |out| out.write_all(bytes))
}

/// Like [`write_atomically`], the content streamed by `write`.
pub fn write_atomically_with(
    path: &Path,
    write: impl FnOnce(&mut std::fs::File) -> std::io::Result<()>,
) -> Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "output".to_string());
    let tmp = dir.join(format!(".{name}.tmp{}", std::process::id()));
    let written = std::fs::File::create(&tmp).and_then(|mut file| write(&mut file));
    if let Err(e) = written {
        let _ = std::fs::remove_file(&tmp);
        return Err(e).with_context(|| format!("writing {}", tmp.display()));
    }
    std::fs::rename(&tmp, path).with_context(|| format!("writing {}", path.display()))?;
    Ok(())
}
