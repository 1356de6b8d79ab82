//! Reading news articles into clean [`Document`]s: plain text, HTML, JSONL
//! and WARC crawls, directories recursively, with format sniffing, charset
//! decoding, article-body extraction, page-furniture removal and
//! near-duplicate detection.
//!
//! PLACEHOLDER API (the CLI codes against it): `discover`, `read_input`,
//! `NearDuplicateIndex`, `IngestError`.

use std::path::PathBuf;

use crosscheck_model::Document;

/// One thing to read: a file or standard input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    Path(PathBuf),
    Stdin,
}

/// A problem with one input, reported and skipped; the batch goes on.
#[derive(Debug, thiserror::Error)]
#[error("{source_name}: {reason}")]
pub struct IngestError {
    /// The file (or `file#line`) the problem is in.
    pub source_name: String,
    pub reason: String,
}

/// Expands directories (recursively) into the files to read, in a stable
/// order; unreadable paths become errors.
pub fn discover(paths: &[PathBuf]) -> (Vec<Input>, Vec<IngestError>) {
    let inputs = paths
        .iter()
        .map(|p| {
            if p.as_os_str() == "-" {
                Input::Stdin
            } else {
                Input::Path(p.clone())
            }
        })
        .collect();
    (inputs, Vec::new())
}

/// Reads one input, calling `emit` for each document or problem found (a
/// JSONL or WARC file yields many). Streams: never holds more than one record.
pub fn read_input(input: &Input, emit: &mut dyn FnMut(Result<Document, IngestError>)) {
    let _ = (input, emit); // PLACEHOLDER
}

/// Near-duplicate detection over the documents seen so far.
#[derive(Debug, Default)]
pub struct NearDuplicateIndex {}

impl NearDuplicateIndex {
    pub fn new() -> NearDuplicateIndex {
        NearDuplicateIndex {}
    }

    /// Records `doc` and returns the id of an earlier near-duplicate, if any.
    pub fn check(&mut self, _doc: &Document) -> Option<String> {
        None // PLACEHOLDER
    }
}
