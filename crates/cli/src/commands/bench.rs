//! `crosscheck bench`: whole-pipeline throughput and peak memory on a corpus
//! of real news built from the shared data (repeated until it reaches the
//! target size). Streams in chunks, so memory stays flat for the per-document
//! stages; `--stage ledger` then builds the ledger story by story, as
//! `analyze` does (documents spilled as they come), and
//! `--stage ledger-in-memory` keeps everything for the ledger held whole
//! (as `analyze --db` and the reports do).

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{bail, Result};
use clap::ValueEnum;
use crosscheck_analyze::{AnalyzedDocument, Analyzer, Pipeline, StageTimes};
use crosscheck_ingest::{IngestOptions, Input, Record};
use rayon::prelude::*;

use crosscheck_model::json::{LedgerForm, LedgerWriter};
use crosscheck_stories::StoryIndex;

use crate::commands::analyze::spilling_ledger;
use crate::read_ahead::{read_ahead, Item};

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum BenchStage {
    /// Ingest and sentence splitting (the `sentences` stage).
    Split,
    /// Ingest, sentences and the token layer (`sentences`, `tokens`).
    Tokens,
    /// Ingest, sentences, the token layer and quote attribution
    /// (`sentences`, `tokens`, `quotes`).
    Quotes,
    /// Every per-document stage.
    Analyze,
    /// Every stage, then the cross-document ledger built story by story
    /// and written (to nowhere), as `analyze` does.
    Ledger,
    /// Every stage, then the cross-document ledger over all documents held
    /// in memory, with story grouping timed on its own.
    LedgerInMemory,
}

impl BenchStage {
    /// The pipeline stages this benchmark runs.
    fn pipeline(self) -> Result<Pipeline> {
        Ok(match self {
            BenchStage::Split => Pipeline::standard_only(&["sentences"])?,
            BenchStage::Tokens => Pipeline::standard_only(&["sentences", "tokens"])?,
            BenchStage::Quotes => Pipeline::standard_only(&["sentences", "tokens", "quotes"])?,
            BenchStage::Analyze | BenchStage::Ledger | BenchStage::LedgerInMemory => {
                Pipeline::standard()
            }
        })
    }
}

#[derive(clap::Args)]
pub struct Args {
    /// How far down the pipeline to go.
    #[arg(long, value_enum, default_value = "split")]
    pub stage: BenchStage,
    /// Corpus size to process, in MB (10^6 bytes) of input files.
    #[arg(long, default_value_t = 100)]
    pub mb: u64,
    /// The shared data folder (holding data/ and corpus/).
    #[arg(long, value_name = "DIR")]
    pub shared: Option<PathBuf>,
}

const CHUNK: usize = 512;

pub fn run(args: &Args, quiet: bool) -> Result<ExitCode> {
    let shared = args.shared.clone().unwrap_or_else(default_shared);
    let files = corpus_files(&shared)?;
    let round_bytes: u64 = files.iter().map(|(_, n)| n).sum();
    let target = args.mb * 1_000_000;
    // The corpus files repeated until the target size: the same inputs in
    // the same order on every run.
    let mut plan: Vec<(Input, u64)> = Vec::new();
    let mut planned = 0;
    while planned < target && round_bytes > 0 {
        for (path, size) in &files {
            if planned >= target {
                break;
            }
            plan.push((Input::Path(path.clone()), *size));
            planned += size;
        }
    }
    let inputs: Vec<Input> = plan.iter().map(|(input, _)| input.clone()).collect();
    let analyzer = Analyzer::with_pipeline(args.stage.pipeline()?);
    let mut totals = Totals {
        stage_times: analyzer.pipeline().times(),
        ..Totals::default()
    };
    let mut kept: Vec<AnalyzedDocument> = Vec::new();
    let mut by_story = match args.stage {
        BenchStage::Ledger => Some(spilling_ledger(StoryIndex::new())?),
        _ => None,
    };
    let mut seen = std::collections::HashSet::new();
    let started = Instant::now();
    // Peak memory at each fifth of the corpus shows whether it stays flat.
    let mut checkpoints = Vec::new();
    let mut next_mark = target / 5;
    read_ahead(&inputs, &IngestOptions::default(), CHUNK, |item| {
        match item {
            Item::Records(records) => {
                // Parsing (HTML above all) runs on the pool, as in `analyze`.
                let parsed: Vec<_> = records.into_par_iter().map(Record::into_document).collect();
                totals.errors += parsed.iter().filter(|r| r.is_err()).count();
                let chunk: Vec<_> = parsed.into_iter().flatten().collect();
                let (done, times): (Vec<AnalyzedDocument>, Vec<StageTimes>) = chunk
                    .into_par_iter()
                    .map(|d| {
                        let mut t = analyzer.pipeline().times();
                        let a = analyzer.analyze_profiled(d, &mut t);
                        (a, t)
                    })
                    .unzip();
                for t in &times {
                    totals.stage_times += t;
                }
                for a in &done {
                    totals.docs += 1;
                    totals.sentences += a.document.sentences.len();
                    totals.claims += a.claims.len();
                }
                match (&mut by_story, args.stage) {
                    (Some(ledger), _) => {
                        for a in done {
                            // The corpus repeats its files to reach its size;
                            // `analyze` keeps one of each text, and a ledger
                            // takes each document id once.
                            if seen.insert(a.document.id.clone()) {
                                ledger.add(a.document, a.claims)?;
                            }
                        }
                    }
                    (None, BenchStage::LedgerInMemory) => kept.extend(done),
                    _ => {}
                }
            }
            Item::Failed(_) => totals.errors += 1,
            Item::Finished(index) => {
                totals.bytes += plan.get(index).map_or(0, |(_, size)| *size);
                if totals.bytes >= next_mark {
                    checkpoints.push((totals.bytes, peak_rss_mb()));
                    next_mark += target / 5;
                }
            }
        }
        Ok(())
    })?;
    if let Some(ledger) = by_story {
        let ledger_started = Instant::now();
        let out = LedgerWriter::new(
            std::io::sink(),
            LedgerForm::Json { pretty: false },
            false,
            crosscheck_model::GENERATOR,
        )?;
        let (_, counts) = ledger.write(out)?;
        totals.ledger_secs = Some(ledger_started.elapsed().as_secs_f64());
        totals.propositions = counts.propositions;
        totals.stories = counts.stories.len();
    }
    if args.stage == BenchStage::LedgerInMemory {
        let ledger_started = Instant::now();
        let mut documents = Vec::with_capacity(kept.len());
        let mut claims = Vec::new();
        for a in kept {
            documents.push(a.document);
            claims.extend(a.claims);
        }
        // Stories first, timed on their own: what grouping the stream into
        // stories adds to the pipeline.
        let stories_started = Instant::now();
        let mut index = crosscheck_stories::StoryIndex::new();
        crosscheck_ledger::assign_stories(&mut documents, &mut index);
        totals.stories_secs = Some(stories_started.elapsed().as_secs_f64());
        totals.stories = index.stories().count();
        let ledger = crosscheck_ledger::build_ledger_with_index(documents, claims, index);
        totals.ledger_secs = Some(ledger_started.elapsed().as_secs_f64());
        totals.propositions = ledger.propositions.len();
    }
    let secs = started.elapsed().as_secs_f64();
    if !quiet {
        print_results(args, &shared, &files, &totals, secs, &checkpoints);
    }
    Ok(ExitCode::SUCCESS)
}

#[derive(Default)]
struct Totals {
    bytes: u64,
    docs: usize,
    sentences: usize,
    claims: usize,
    errors: usize,
    propositions: usize,
    ledger_secs: Option<f64>,
    /// Time the ledger spent grouping documents into stories, and how many.
    stories_secs: Option<f64>,
    stories: usize,
    stage_times: StageTimes,
}

/// Real news from the shared folder: the Reuters wire stories, the seed
/// articles, the article-extraction HTML pages (gzipped; counted as stored)
/// and the PolNeAR article texts.
fn corpus_files(shared: &Path) -> Result<Vec<(PathBuf, u64)>> {
    let mut files = Vec::new();
    let mut add = |p: PathBuf| {
        if let Ok(meta) = std::fs::metadata(&p) {
            if meta.is_file() && meta.len() > 0 {
                files.push((p, meta.len()));
            }
        }
    };
    add(shared.join("corpus/reuters21578/reuters21578.jsonl"));
    for dir in [
        "corpus/seeds",
        "data/article-extraction/html",
        "data/polnear/train/text",
        "data/polnear/dev/text",
    ] {
        if let Ok(entries) = std::fs::read_dir(shared.join(dir)) {
            let mut paths: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
            paths.sort();
            paths.into_iter().for_each(&mut add);
        }
    }
    if files.is_empty() {
        bail!(
            "{}: no corpus files found (expected corpus/reuters21578 and corpus/seeds)",
            shared.display()
        );
    }
    Ok(files)
}

fn print_results(
    args: &Args,
    shared: &Path,
    files: &[(PathBuf, u64)],
    t: &Totals,
    secs: f64,
    checkpoints: &[(u64, f64)],
) {
    let mb = t.bytes as f64 / 1e6;
    println!(
        "corpus:      {} files from {}, repeated to {:.1} MB",
        files.len(),
        shared.display(),
        mb
    );
    println!(
        "stage:       {}",
        args.stage
            .to_possible_value()
            .map(|v| v.get_name().to_string())
            .unwrap_or_default()
    );
    println!("threads:     {}", rayon::current_num_threads());
    println!(
        "documents:   {} ({} sentences, {} claims, {} unreadable records)",
        t.docs, t.sentences, t.claims, t.errors
    );
    println!("wall:        {secs:.2} s");
    println!(
        "throughput:  {:.2} MB/s, {:.0} documents/s",
        mb / secs,
        t.docs as f64 / secs
    );
    {
        let total = t.stage_times.total().as_secs_f64();
        println!("time inside each stage (wall clock, summed over worker threads):");
        for (name, d) in t.stage_times.stages() {
            let secs = d.as_secs_f64();
            println!(
                "  {name:<24} {secs:>8.2} s  {:>5.1}%  {:>8.1} MB/s per thread",
                100.0 * secs / total.max(1e-9),
                mb / secs.max(1e-9)
            );
        }
    }
    if let Some(ls) = t.ledger_secs {
        println!("ledger:      {ls:.2} s for {} propositions", t.propositions);
    }
    if let Some(ss) = t.stories_secs {
        println!(
            "stories:     {ss:.2} s for {} stories ({:.1}% of the whole run, inside the ledger time)",
            t.stories,
            100.0 * ss / secs.max(1e-9)
        );
    }
    println!("peak memory: {:.1} MB (VmHWM)", peak_rss_mb());
    let marks: Vec<String> = checkpoints
        .iter()
        .map(|(b, m)| format!("{:.0} MB→{:.0} MB", *b as f64 / 1e6, m))
        .collect();
    println!("peak memory as the corpus grows: {}", marks.join(", "));
}

/// `CROSSCHECK_SHARED`, else `../shared` from the current directory (the
/// layout of a checkout), else the one beside the source tree.
fn default_shared() -> PathBuf {
    if let Some(dir) = std::env::var_os("CROSSCHECK_SHARED") {
        return PathBuf::from(dir);
    }
    let beside = PathBuf::from("../shared");
    if beside.is_dir() {
        return beside;
    }
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared")
}

/// Peak resident set size of this process, from /proc (Linux); 0 elsewhere.
fn peak_rss_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|kb| kb.parse::<f64>().ok())
        })
        .map(|kb| kb / 1024.0)
        .unwrap_or(0.0)
}
