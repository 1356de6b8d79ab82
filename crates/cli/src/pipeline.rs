//! The shared path of `analyze` and `demo`: inputs → documents → analysed
//! documents, reporting each bad input on one line and carrying on.

use std::collections::HashSet;
use std::path::PathBuf;

use crosscheck_analyze::{AnalyzedDocument, Analyzer};
use crosscheck_ingest::{discover, NearDuplicateIndex};
use crosscheck_model::Document;
use rayon::prelude::*;

use crate::progress::Progress;
use crate::read_ahead::{read_ahead, Item};

/// What a run over the inputs did.
pub struct RunStats {
    pub analysed: usize,
    /// Inputs or records that could not be read.
    pub failures: usize,
    /// Documents skipped because an identical one was seen before.
    pub exact_duplicates: usize,
}

/// Documents analysed and handed on together: with a store, one transaction
/// each, so an interrupted run keeps every chunk it finished.
const CHUNK: usize = 256;

/// Reads every input and analyses every document in it that is not among
/// `prior` (documents already stored), marking near-duplicates of earlier
/// documents, stored ones included. Reading runs ahead on its own thread
/// while the pool analyses, so the whole corpus is never held before
/// analysis starts. Analysed documents go to `sink` chunk by chunk, in
/// input order.
pub fn run(
    paths: &[PathBuf],
    prior: &[Document],
    quiet: bool,
    sink: &mut dyn FnMut(Vec<AnalyzedDocument>) -> anyhow::Result<()>,
) -> anyhow::Result<RunStats> {
    let (inputs, errors) = discover(paths);
    let mut stats = RunStats {
        analysed: 0,
        failures: errors.len(),
        exact_duplicates: 0,
    };
    for e in &errors {
        eprintln!("crosscheck: {e}");
    }
    let mut duplicates = DuplicateMarker::new(prior);
    let analyzer = Analyzer::new();
    let progress = Progress::new(None, "analysing", quiet);
    read_ahead(&inputs, CHUNK, |item| {
        match item {
            Item::Documents(chunk) => {
                let (fresh, dropped) = duplicates.mark(chunk);
                stats.exact_duplicates += dropped;
                stats.analysed += fresh.len();
                let done = fresh
                    .into_par_iter()
                    .map(|doc| {
                        let a = analyzer.analyze(doc);
                        progress.inc();
                        a
                    })
                    .collect();
                sink(done)?;
            }
            Item::Failed(e) => {
                progress.suspend(|| eprintln!("crosscheck: {e}"));
                stats.failures += 1;
            }
            Item::Finished(_) => {}
        }
        Ok(())
    })?;
    progress.finish();
    Ok(stats)
}

/// Drops exact repeats (same content id) and marks near-duplicates of an
/// earlier document, in input order, so the first copy stays the original.
struct DuplicateMarker {
    seen: HashSet<String>,
    index: NearDuplicateIndex,
}

impl DuplicateMarker {
    fn new(prior: &[Document]) -> DuplicateMarker {
        let mut marker = DuplicateMarker {
            seen: HashSet::new(),
            index: NearDuplicateIndex::new(),
        };
        for doc in prior {
            marker.seen.insert(doc.id.clone());
            marker.index.check(doc);
        }
        marker
    }

    /// The documents of `chunk` not seen before, near-duplicates marked, and
    /// how many were dropped as exact repeats.
    fn mark(&mut self, chunk: Vec<Document>) -> (Vec<Document>, usize) {
        let mut kept = Vec::with_capacity(chunk.len());
        let mut dropped = 0;
        for mut doc in chunk {
            if !self.seen.insert(doc.id.clone()) {
                dropped += 1;
                continue;
            }
            doc.duplicate_of = self.index.check(&doc);
            kept.push(doc);
        }
        (kept, dropped)
    }
}

/// Everything a store holds, ready for the ledger: claims stored before
/// analysis normalised what figures count and stances are about (store
/// schema 1) get it now, the same way analysis does.
pub fn load_store(
    store: &crosscheck_store::Store,
) -> anyhow::Result<(Vec<Document>, Vec<crosscheck_model::Claim>)> {
    let (documents, mut claims) = store.load_all()?;
    crosscheck_analyze::stages::Subjects::default().fill(&mut claims);
    Ok((documents, claims))
}
