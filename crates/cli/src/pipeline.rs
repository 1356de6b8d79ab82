//! The shared path of `analyze` and `demo`: inputs → documents → analysed
//! documents, reporting each bad input on one line and carrying on.

use std::collections::HashSet;
use std::path::PathBuf;

use crosscheck_analyze::{AnalyzedDocument, Analyzer};
use crosscheck_ingest::{discover, read_input, Input, NearDuplicateIndex};
use crosscheck_model::Document;
use rayon::prelude::*;

use crate::progress::Progress;

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
/// documents, stored ones included. Analysed documents go to `sink` chunk by
/// chunk, in input order.
pub fn run(
    paths: &[PathBuf],
    prior: &[Document],
    quiet: bool,
    sink: &mut dyn FnMut(Vec<AnalyzedDocument>) -> anyhow::Result<()>,
) -> anyhow::Result<RunStats> {
    let (inputs, errors) = discover(paths);
    let mut failures = errors.len();
    for e in &errors {
        eprintln!("crosscheck: {e}");
    }
    let documents = read_all(&inputs, &mut failures, quiet);
    let (documents, exact_duplicates) = mark_duplicates(prior, documents);
    let analysed = documents.len();
    let analyzer = Analyzer::new();
    let progress = Progress::new(analysed as u64, "analysing", quiet);
    let mut documents = documents.into_iter();
    loop {
        let chunk: Vec<Document> = documents.by_ref().take(CHUNK).collect();
        if chunk.is_empty() {
            break;
        }
        let done = chunk
            .into_par_iter()
            .map(|doc| {
                let a = analyzer.analyze(doc);
                progress.inc();
                a
            })
            .collect();
        sink(done)?;
    }
    progress.finish();
    Ok(RunStats {
        analysed,
        failures,
        exact_duplicates,
    })
}

fn read_all(inputs: &[Input], failures: &mut usize, quiet: bool) -> Vec<Document> {
    let progress = Progress::new(inputs.len() as u64, "reading", quiet);
    let per_input: Vec<_> = inputs
        .par_iter()
        .map(|input| {
            let mut docs = Vec::new();
            let mut errors = Vec::new();
            read_input(input, &mut |r| match r {
                Ok(doc) => docs.push(doc),
                Err(e) => errors.push(e),
            });
            progress.inc();
            (docs, errors)
        })
        .collect();
    progress.finish();
    let mut documents = Vec::new();
    for (docs, errors) in per_input {
        for e in errors {
            eprintln!("crosscheck: {e}");
            *failures += 1;
        }
        documents.extend(docs);
    }
    documents
}

/// Drops exact repeats (same content id) and marks near-duplicates of an
/// earlier document, in input order, so the first copy stays the original.
fn mark_duplicates(prior: &[Document], documents: Vec<Document>) -> (Vec<Document>, usize) {
    let mut seen = HashSet::new();
    let mut index = NearDuplicateIndex::new();
    for doc in prior {
        seen.insert(doc.id.clone());
        index.check(doc);
    }
    let mut kept = Vec::with_capacity(documents.len());
    let mut dropped = 0;
    for mut doc in documents {
        if !seen.insert(doc.id.clone()) {
            dropped += 1;
            continue;
        }
        doc.duplicate_of = index.check(&doc);
        kept.push(doc);
    }
    (kept, dropped)
}
