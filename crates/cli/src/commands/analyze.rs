use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};
use crosscheck_ingest::{discover, IngestError, Input, NearDuplicateIndex};
use crosscheck_ledger::PartitionedLedger;
use crosscheck_model::{Claim, Document, Ledger};
use crosscheck_store::Store;
use crosscheck_stories::{story_id, StoryIndex};

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
    /// Build the ledger with every document and claim in memory, as before
    /// the story-by-story ledger (for comparing the two; same output).
    #[arg(long, hide = true)]
    pub ledger_in_memory: bool,
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
    let build = if args.ledger_in_memory {
        Build::Whole
    } else {
        Build::ByStory
    };
    let outcome = match (&args.db, build) {
        (None, Build::ByStory) => analyze_by_story(&inputs, &failures, settings)?,
        (db, build) => analyze(&inputs, &failures, db.as_deref(), build, settings)?,
    };
    let code = outcome.exit_code();
    outputs.write(outcome, settings.quiet)?;
    Ok(code)
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
    /// True when every output can be written story by story: the ledger
    /// file alone (reports and Parquet tables need the whole ledger).
    pub fn streams(&self) -> bool {
        self.parquet.is_none() && self.reports.named().is_empty()
    }

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
    pub fn write(self, outcome: Outcome, quiet: bool) -> Result<()> {
        let path = self.given.output.as_deref();
        let format = &self.given.format;
        let ledger = match outcome.ledger {
            Built::Whole(ledger) => ledger,
            Built::ByStory(partitioned) if !self.given.streams() => {
                Box::new(whole_from_stories(*partitioned)?)
            }
            Built::ByStory(partitioned) => {
                let mut counts = None;
                self.ledger.commit(|w| {
                    let writer = format.writer(path, w)?;
                    counts = Some((*partitioned).write(writer)?.1);
                    Ok(())
                })?;
                if let (false, Some(counts)) = (quiet, counts) {
                    let summary = crosscheck_report::brief_summary(
                        [
                            counts.documents,
                            counts.claims,
                            counts.propositions,
                            counts.entities,
                        ],
                        &counts.stories,
                    );
                    say(self.to_stdout, &summary, &outcome.status_line)?;
                }
                return Ok(());
            }
        };
        let ledger = &ledger;
        self.ledger.commit(|w| format.write(ledger, path, w))?;
        if let Some(dir) = &self.given.parquet {
            ledger_file::write_parquet(ledger, dir)?;
        }
        self.reports.write(ledger)?;
        if !quiet {
            let summary = crosscheck_report::summary(ledger);
            say(self.to_stdout, &summary, &outcome.status_line)?;
        }
        Ok(())
    }
}

/// The whole ledger, for the outputs that need it (reports, Parquet), built
/// story by story: what stays in memory is the finished ledger alone, not
/// the corpus-wide steps that build it (BENCHMARKS.md, "Reports from the
/// ledger built story by story"; the outputs are the same bytes).
pub fn whole_from_stories(partitioned: PartitionedLedger) -> Result<Ledger> {
    partitioned.into_ledger().with_context(spill_context)
}

/// Prints the summary and status line: on standard error when the ledger
/// goes to standard output.
fn say(to_stdout: bool, summary: &str, status_line: &str) -> Result<()> {
    if to_stdout {
        errln!("{summary}{status_line}");
    } else {
        outln!("{summary}{status_line}")?;
    }
    Ok(())
}

/// How the ledger is to be built: held whole in memory (the demo, and
/// `--ledger-in-memory` for comparison), or story by story as it is written
/// (or into memory, story by story, when reports or Parquet tables need the
/// whole ledger).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Build {
    Whole,
    ByStory,
}

/// A ledger built, or ready to be built while it is written.
pub enum Built {
    /// Held whole.
    Whole(Box<Ledger>),
    /// Spilled documents and claims, built story by story as it is written.
    ByStory(Box<PartitionedLedger>),
}

pub struct Outcome {
    pub ledger: Built,
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
/// and builds the ledger over everything stored, story by story when
/// `build` says so (the store read back one document at a time).
pub fn analyze(
    inputs: &[Input],
    failures: &[IngestError],
    db: Option<&Path>,
    build: Build,
    settings: &Settings,
) -> Result<Outcome> {
    let mut store = db.map(Store::open).transpose()?;
    // What is stored is read once, a document at a time: the near-duplicate
    // index learns every stored text, and a store written before stories
    // existed has its documents grouped, in stored order.
    let mut seen = NearDuplicateIndex::new();
    let mut index = match store.as_mut() {
        Some(store) => {
            let saved = store.load_story_index()?;
            let mut grouped = saved.is_none().then(StoryIndex::new);
            store.for_each_document(|doc| -> Result<()> {
                seen.check(&doc);
                if let Some(index) = grouped.as_mut() {
                    index.add_document(&doc);
                }
                Ok(())
            })?;
            match saved {
                Some(index) => index,
                None => {
                    let mut index = grouped.unwrap_or_default();
                    let delta = index.take_delta();
                    if !delta.is_empty() {
                        store.save_stories(&delta)?;
                    }
                    index
                }
            }
        }
        None => StoryIndex::new(),
    };
    let mut documents: Vec<Document> = Vec::new();
    let mut claims: Vec<Claim> = Vec::new();
    let mut added = 0;
    let stats = pipeline::run(
        inputs,
        failures,
        seen,
        &settings.limits,
        settings.quiet,
        &mut |chunk| {
            match store.as_mut() {
                Some(store) => {
                    let pairs: Vec<(Document, Vec<Claim>)> = chunk
                        .into_iter()
                        .map(|a| {
                            let mut doc = a.document;
                            let number = index.add_document(&doc);
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
    let mut stored = String::new();
    let stored_line = |path: &Path, all: usize| {
        format!("; store {}: {added} added, {all} in all", path.display())
    };
    if let (Some(store), Some(path)) = (&store, db) {
        if build == Build::ByStory {
            let ledger = partitioned_from_store(store, index)?;
            return Ok(Outcome {
                status_line: status_line(&stats, &stored_line(path, ledger.len())),
                ledger: Built::ByStory(Box::new(ledger)),
                failures: stats.failures,
            });
        }
        (documents, claims) = pipeline::load_store(store)?;
        stored = stored_line(path, documents.len());
    }
    let ledger = crosscheck_ledger::build_ledger_with_index(documents, claims, index);
    Ok(Outcome {
        ledger: Built::Whole(Box::new(ledger)),
        failures: stats.failures,
        status_line: status_line(&stats, &stored),
    })
}

/// Reads everything `store` holds into a ledger built story by story, one
/// document at a time, so that the store is never held whole in memory.
pub fn partitioned_from_store(store: &Store, index: StoryIndex) -> Result<PartitionedLedger> {
    let subjects = crosscheck_analyze::stages::Subjects::default();
    let mut ledger = spilling_ledger(index)?;
    store.for_each_document_with_claims(|document, mut claims| -> Result<()> {
        subjects.fill(&mut claims);
        ledger.add(document, claims).with_context(spill_context)
    })?;
    Ok(ledger)
}

/// A ledger built story by story that gives documents without a story one
/// from `index`, spilling to the temporary directory and handing freed
/// pages back to the system after each corpus-wide step.
pub fn spilling_ledger(index: StoryIndex) -> Result<PartitionedLedger> {
    PartitionedLedger::new(index)
        .map(|l| l.on_release(crate::allocator::release_free_pages))
        .with_context(spill_context)
}

/// What a failure to spill the story-by-story ledger was doing.
pub fn spill_context() -> String {
    format!(
        "writing the ledger's temporary file in {} (set TMPDIR for another place)",
        std::env::temp_dir().display()
    )
}

/// Ingests and analyses `inputs` without a store, spilling each analysed
/// document for the ledger built story by story when it is written.
pub fn analyze_by_story(
    inputs: &[Input],
    failures: &[IngestError],
    settings: &Settings,
) -> Result<Outcome> {
    let mut ledger = spilling_ledger(StoryIndex::new())?;
    let stats = pipeline::run(
        inputs,
        failures,
        NearDuplicateIndex::new(),
        &settings.limits,
        settings.quiet,
        &mut |chunk| {
            for analysed in chunk {
                ledger
                    .add(analysed.document, analysed.claims)
                    .with_context(spill_context)?;
            }
            Ok(())
        },
    )?;
    Ok(Outcome {
        ledger: Built::ByStory(Box::new(ledger)),
        failures: stats.failures,
        status_line: status_line(&stats, ""),
    })
}

/// What a run did, in a line.
fn status_line(stats: &pipeline::RunStats, stored: &str) -> String {
    let mut status_line = format!("{} documents analysed", stats.analysed);
    if stats.exact_duplicates > 0 {
        status_line.push_str(&format!(
            " ({} already seen, skipped)",
            stats.exact_duplicates
        ));
    }
    status_line.push_str(stored);
    if stats.failures > 0 {
        status_line.push_str(&format!(
            "; {} inputs failed (see the messages above)",
            stats.failures
        ));
    }
    status_line
}
