use std::io::{BufRead, Read};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use crosscheck_model::upgrade::LedgerHead;
use crosscheck_model::Ledger;

use crate::console::{out, outln};
use crate::output::{prepare_all, Output, Protected};
use crate::Settings;

/// Where to write the human-facing reports.
#[derive(clap::Args, Default)]
pub struct ReportPaths {
    /// Write a self-contained HTML report here.
    #[arg(long, value_name = "FILE")]
    pub html: Option<PathBuf>,
    /// Write a Markdown report here.
    #[arg(long, value_name = "FILE")]
    pub markdown: Option<PathBuf>,
    /// Write every claim as a CSV row here (for spreadsheets).
    #[arg(long, value_name = "FILE")]
    pub csv: Option<PathBuf>,
}

impl ReportPaths {
    fn is_empty(&self) -> bool {
        self.html.is_none() && self.markdown.is_none() && self.csv.is_none()
    }

    /// The report paths given, with their flags, in a fixed order.
    pub fn named(&self) -> Vec<(&'static str, &Path)> {
        [
            ("--html", &self.html),
            ("--markdown", &self.markdown),
            ("--csv", &self.csv),
        ]
        .into_iter()
        .filter_map(|(flag, path)| path.as_deref().map(|p| (flag, p)))
        .collect()
    }
}

/// Report outputs checked and opened, waiting for the ledger.
#[derive(Default)]
pub struct PreparedReports {
    html: Option<Output>,
    markdown: Option<Output>,
    csv: Option<Output>,
}

impl PreparedReports {
    /// Takes the outputs prepared for `paths.named()`, in that order.
    pub fn from_outputs(paths: &ReportPaths, mut outputs: impl Iterator<Item = Output>) -> Self {
        let mut take = |given: &Option<PathBuf>| given.as_ref().and_then(|_| outputs.next());
        PreparedReports {
            html: take(&paths.html),
            markdown: take(&paths.markdown),
            csv: take(&paths.csv),
        }
    }

    /// Writes every prepared report; the paths written.
    pub fn write(self, ledger: &Ledger) -> Result<Vec<PathBuf>> {
        let mut written = Vec::new();
        if let Some(output) = self.html {
            written.push(output.path().to_path_buf());
            output.commit(|w| w.write_all(crosscheck_report::html(ledger).as_bytes()))?;
        }
        if let Some(output) = self.markdown {
            written.push(output.path().to_path_buf());
            output.commit(|w| w.write_all(crosscheck_report::markdown(ledger).as_bytes()))?;
        }
        if let Some(output) = self.csv {
            written.push(output.path().to_path_buf());
            output.commit(|w| {
                crosscheck_report::write_claims_csv(ledger, w).map_err(std::io::Error::other)
            })?;
        }
        Ok(written)
    }
}

#[derive(clap::Args)]
pub struct Args {
    /// Read the ledger from this file (as written by `analyze -o`: JSON or
    /// JSON lines, with span texts or without).
    #[arg(long, value_name = "FILE", conflicts_with = "db")]
    pub ledger: Option<PathBuf>,
    /// Build the ledger from everything in this store.
    #[arg(long, value_name = "FILE")]
    pub db: Option<PathBuf>,
    #[command(flatten)]
    pub paths: ReportPaths,
}

pub fn run(args: &Args, settings: &Settings) -> Result<ExitCode> {
    let mut protected = Protected::default();
    if let Some(path) = &args.ledger {
        protected.input(path);
    }
    if let Some(db) = &args.db {
        protected.store(db);
    }
    let outputs = prepare_all(&args.paths.named(), &protected)?;
    let reports = PreparedReports::from_outputs(&args.paths, outputs.into_iter());
    let ledger = match (&args.ledger, &args.db) {
        (Some(path), _) => read_ledger(path, settings.limits.ingest.max_input_bytes)?,
        (None, Some(db)) => {
            let store = crate::pipeline::open_to_read(db)?;
            // The stored index follows the merges it made since a document
            // was stored; a store without one is grouped here, unwritten.
            // The ledger is built story by story and read back whole, as
            // `analyze` does for its reports.
            let index = store.load_story_index()?.unwrap_or_default();
            let partitioned = super::analyze::partitioned_from_store(&store, index)?;
            super::analyze::whole_from_stories(partitioned)?
        }
        (None, None) => bail!("give --ledger FILE or --db FILE"),
    };
    if args.paths.is_empty() {
        out(&crosscheck_report::markdown(&ledger))?;
    } else {
        let written = reports.write(&ledger)?;
        if !settings.quiet {
            for path in written {
                outln!("wrote {}", path.display())?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The ledger in a file written by `analyze -o` (JSON or JSON lines),
/// refusing anything else (a file that is not JSON, another schema version)
/// with the reason.
fn read_ledger(path: &Path, max_bytes: u64) -> Result<Ledger> {
    let shown = path.display();
    let file = std::fs::File::open(path).with_context(|| format!("reading {shown}"))?;
    let mut reader = std::io::BufReader::new(file).take(max_bytes.saturating_add(1));
    let mut start = [0u8; 1];
    // A ledger is one JSON object; refuse anything else before reading it
    // all (a device or a binary file could be endless).
    loop {
        match reader.read(&mut start) {
            Ok(0) => bail!("{shown}: empty, not a crosscheck ledger"),
            Ok(_) if start[0].is_ascii_whitespace() => continue,
            Ok(_) if start[0] == b'{' => break,
            Ok(_) => bail!("{shown}: not a crosscheck ledger (not a JSON object)"),
            Err(e) => return Err(e).with_context(|| format!("reading {shown}")),
        }
    }
    // JSON lines are read a line at a time, so that the file's text is
    // never held whole beside the ledger.
    let head = reader
        .fill_buf()
        .with_context(|| format!("reading {shown}"))?;
    if [&start[..], head]
        .concat()
        .starts_with(br#"{"kind":"ledger""#)
    {
        let mut lines = Read::chain(&start[..], &mut reader);
        let ledger = crosscheck_model::json::read_ledger_lines(&mut lines);
        if reader.limit() == 0 {
            bail!("{shown}: larger than the {max_bytes}-byte input limit (--max-input-mb)");
        }
        return ledger.with_context(|| format!("{shown}: not a crosscheck ledger"));
    }
    // A ledger of the current schema in a regular file is read as a stream,
    // after a first pass that skims it for its schema (an old ledger must be
    // rewritten, which needs its whole text).
    if std::fs::metadata(path).is_ok_and(|m| m.is_file()) {
        let schema = read_schema(path, max_bytes)?;
        if schema != crosscheck_model::upgrade::SCHEMA_V1 {
            // serde_json reads a byte at a time: a buffer right beneath it
            // keeps that cheap.
            let rest =
                std::io::BufReader::with_capacity(1 << 16, Read::chain(&start[..], &mut reader));
            return crosscheck_model::json::read_ledger_json(rest)
                .with_context(|| format!("{shown}: not a crosscheck ledger"));
        }
    }
    let mut bytes = start.to_vec();
    reader
        .read_to_end(&mut bytes)
        .with_context(|| format!("reading {shown}"))?;
    if bytes.len() as u64 > max_bytes {
        bail!("{shown}: larger than the {max_bytes}-byte input limit (--max-input-mb)");
    }
    let text = std::str::from_utf8(&bytes)
        .with_context(|| format!("{shown}: not a crosscheck ledger (not UTF-8)"))?;
    // JSON lines name their schema on the first line, which the reader checks.
    if !text.trim_start().starts_with(r#"{"kind":"ledger""#) {
        let head: LedgerHead = serde_json::from_str(text)
            .with_context(|| format!("{shown}: not a crosscheck ledger (malformed JSON)"))?;
        known_schema(path, head.schema)?;
    }
    crosscheck_model::json::read_ledger(text)
        .with_context(|| format!("{shown}: not a crosscheck ledger"))
}

/// The schema a JSON ledger file names, skimmed without holding the file
/// (only the schema's value is kept); refuses a file over `max_bytes` or
/// one that is not JSON, and [`known_schema`] the rest.
fn read_schema(path: &Path, max_bytes: u64) -> Result<String> {
    let shown = path.display();
    let file = std::fs::File::open(path).with_context(|| format!("reading {shown}"))?;
    let mut reader =
        std::io::BufReader::with_capacity(1 << 16, file).take(max_bytes.saturating_add(1));
    let head: serde_json::Result<LedgerHead> = serde_json::from_reader(&mut reader);
    if reader.limit() == 0 {
        bail!("{shown}: larger than the {max_bytes}-byte input limit (--max-input-mb)");
    }
    let head =
        head.with_context(|| format!("{shown}: not a crosscheck ledger (malformed JSON)"))?;
    known_schema(path, head.schema)
}

/// `schema` when this crosscheck reads it (the current one or
/// `crosscheck.ledger/1`); otherwise why the file at `path` is refused.
fn known_schema(path: &Path, schema: Option<String>) -> Result<String> {
    let shown = path.display();
    match schema {
        Some(schema)
            if schema == crosscheck_model::SCHEMA
                || schema == crosscheck_model::upgrade::SCHEMA_V1 =>
        {
            Ok(schema)
        }
        Some(other) => bail!(
            "{shown}: ledger schema {other}, but this crosscheck reads {}; re-run `crosscheck analyze` to rebuild it",
            crosscheck_model::SCHEMA
        ),
        None => bail!("{shown}: not a crosscheck ledger (no schema field)"),
    }
}
