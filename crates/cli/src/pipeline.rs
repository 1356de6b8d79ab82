//! The shared path of `analyze` and `demo`: inputs → documents → analysed
//! documents, reporting each bad input on one line and carrying on.

use std::collections::HashSet;
use std::path::PathBuf;

use crosscheck_analyze::{AnalyzedDocument, Analyzer};
use crosscheck_ingest::{discover, read_input, Input, NearDuplicateIndex};
use crosscheck_model::Document;
use rayon::prelude::*;

use crate::progress::Progress;

/// What a batch produced.
pub struct Batch {
    pub analyzed: Vec<AnalyzedDocument>,
    /// Inputs or records that could not be read.
    pub failures: usize,
    /// Documents dropped because an identical one came earlier in the batch.
    pub exact_duplicates: usize,
}

/// Reads every input and analyses every document in it that is not among
/// `prior` (documents already stored), marking near-duplicates of earlier
/// documents, stored ones included.
pub fn run(paths: &[PathBuf], prior: &[Document], quiet: bool) -> Batch {
    let (inputs, errors) = discover(paths);
    let mut failures = errors.len();
    for e in &errors {
        eprintln!("crosscheck: {e}");
    }
    let documents = read_all(&inputs, &mut failures, quiet);
    let (documents, exact_duplicates) = mark_duplicates(prior, documents);
    let analyzed = analyze_all(documents, quiet);
    Batch {
        analyzed,
        failures,
        exact_duplicates,
    }
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

fn analyze_all(documents: Vec<Document>, quiet: bool) -> Vec<AnalyzedDocument> {
    let analyzer = Analyzer::new();
    let progress = Progress::new(documents.len() as u64, "analysing", quiet);
    let analyzed = documents
        .into_par_iter()
        .map(|doc| {
            let a = analyzer.analyze(doc);
            progress.inc();
            a
        })
        .collect();
    progress.finish();
    analyzed
}
