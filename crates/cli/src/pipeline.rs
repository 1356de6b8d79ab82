//! The shared path of `analyze` and `demo`: inputs → records → documents →
//! analysed documents, reporting each bad input on one line and carrying
//! on. Parsing and analysis run on worker pools under the per-document
//! time limit (see `watchdog`).

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use crosscheck_analyze::{AnalyzedDocument, Analyzer};
use crosscheck_ingest::{
    document_from_text, IngestError, IngestOptions, Input, NearDuplicateIndex, Record,
};
use crosscheck_model::{ClaimKind, Document};
use crosscheck_text::{MAX_CLAIMS_PER_DOCUMENT, MAX_CLAIMS_PER_SENTENCE, MAX_SENTENCE_BYTES};

use crate::console::errln;
use crate::progress::Progress;
use crate::read_ahead::{read_ahead, Item};
use crate::watchdog::{Outcome, Pool};

/// How hard a run may work on one input or document.
#[derive(Debug, Clone)]
pub struct Limits {
    pub ingest: IngestOptions,
    /// Longest time to parse, or to analyse, one document.
    pub document_time: Duration,
    /// Worker threads.
    pub workers: usize,
}

/// What a run over the inputs did.
pub struct RunStats {
    pub analysed: usize,
    /// Inputs or records that could not be read or analysed.
    pub failures: usize,
    /// Documents skipped because an identical one was seen before.
    pub exact_duplicates: usize,
}

/// Documents analysed and handed on together: with a store, one transaction
/// each, so an interrupted run keeps every chunk it finished.
const CHUNK: usize = 256;

/// An invented story touching every stage (a quote, a figure, a stance,
/// names and a date), analysed once before the timed work starts.
const WARM_UP: &str = "Harbour officials in Velmora said on 3 March that 40 ferries would run. \
\"We will not close the port,\" Mayor Ana Lind said. The ministry denied the report.";

/// Reads every input and analyses every document in it that `seen` has not
/// seen (it holds the documents already stored, if any), marking
/// near-duplicates of earlier documents, stored ones included. Reading runs
/// ahead on its own thread while the pools parse and analyse, so the whole
/// corpus is never held before analysis starts. Analysed documents go to
/// `sink` chunk by chunk, in input order. `failures` are problems found
/// before reading (from discovering the inputs); they are printed here.
pub fn run(
    inputs: &[Input],
    failures: &[IngestError],
    seen: NearDuplicateIndex,
    limits: &Limits,
    quiet: bool,
    sink: &mut dyn FnMut(Vec<AnalyzedDocument>) -> anyhow::Result<()>,
) -> anyhow::Result<RunStats> {
    let mut stats = RunStats {
        analysed: 0,
        failures: failures.len(),
        exact_duplicates: 0,
    };
    for e in failures {
        errln!("crosscheck: {e}");
    }
    let mut duplicates = DuplicateMarker { index: seen };
    let analyzer = Arc::new(Analyzer::new());
    // The models and word lists load on first use; loading them here keeps
    // that one-time cost out of the first documents' time limit.
    analyzer.analyze(document_from_text("warm-up", WARM_UP));
    let mut parsers = Pool::new(limits.workers, limits.document_time, Record::into_document);
    let mut analysers = Pool::new(
        limits.workers,
        limits.document_time,
        move |doc: Document| analyzer.analyze(doc),
    );
    let progress = Progress::new(None, "analysing", quiet);
    let seconds = limits.document_time.as_secs_f64();
    let report = |name: &str, reason: String| {
        progress.suspend(|| errln!("crosscheck: {name}: {reason}"));
    };
    read_ahead(inputs, &limits.ingest, CHUNK, |item| {
        match item {
            Item::Records(chunk) => {
                let names: Vec<String> = chunk.iter().map(|r| r.name().to_string()).collect();
                let mut documents = Vec::with_capacity(chunk.len());
                for (name, outcome) in names.iter().zip(parsers.run(chunk)?) {
                    match outcome {
                        Outcome::Done(Ok(doc)) => documents.push(doc),
                        Outcome::Done(Err(e)) => report(&e.source_name, e.reason),
                        Outcome::Panicked(m) => report(name, internal_error("reading", &m)),
                        Outcome::TimedOut => report(name, too_slow("reading", seconds)),
                    }
                }
                stats.failures += names.len() - documents.len();
                let (fresh, dropped) = duplicates.mark(documents);
                stats.exact_duplicates += dropped;
                let names: Vec<String> = fresh.iter().map(|d| d.source.clone()).collect();
                let mut done = Vec::with_capacity(fresh.len());
                for (name, outcome) in names.iter().zip(analysers.run(fresh)?) {
                    match outcome {
                        Outcome::Done(analysed) => {
                            progress.inc();
                            for note in cap_notes(&analysed) {
                                report(name, note);
                            }
                            done.push(analysed);
                        }
                        Outcome::Panicked(m) => report(name, internal_error("analysing", &m)),
                        Outcome::TimedOut => report(name, too_slow("analysing", seconds)),
                    }
                }
                stats.failures += names.len() - done.len();
                stats.analysed += done.len();
                sink(done)?;
            }
            Item::Failed(e) => {
                report(&e.source_name, e.reason);
                stats.failures += 1;
            }
            Item::Finished(_) => {}
        }
        Ok(())
    })?;
    progress.finish();
    Ok(stats)
}

/// Says where a document reached the sentence length limit, or a
/// per-sentence or per-document claim limit (claims past it were dropped,
/// said once per kind).
fn cap_notes(analysed: &AnalyzedDocument) -> Vec<String> {
    let mut counts: HashMap<(ClaimKind, usize), usize> = HashMap::new();
    let mut totals: HashMap<ClaimKind, usize> = HashMap::new();
    for c in &analysed.claims {
        *counts.entry((c.kind(), c.sentence)).or_default() += 1;
        *totals.entry(c.kind()).or_default() += 1;
    }
    let mut notes = Vec::new();
    // A piece of a cut sentence fills the limit nearly to the end and does
    // not end a sentence; natural sentences stay far below it.
    let doc = &analysed.document;
    let cut = doc.sentences.iter().position(|s| {
        let text = doc.text.get(s.range.start..s.range.end).unwrap_or_default();
        text.len() > MAX_SENTENCE_BYTES - 100 && !text.ends_with(['.', '?', '!', '"', '\u{201d}'])
    });
    if let Some(i) = cut {
        notes.push(format!(
            "note: sentence {} runs past {MAX_SENTENCE_BYTES} bytes without an end; it was cut into pieces of at most that size",
            i + 1
        ));
    }
    let mut kinds: Vec<ClaimKind> = totals.keys().copied().collect();
    kinds.sort_by_key(|k| k.name());
    for kind in kinds {
        let name = kind.name();
        if totals
            .get(&kind)
            .is_some_and(|&n| n >= MAX_CLAIMS_PER_DOCUMENT)
        {
            notes.push(format!(
                "note: {MAX_CLAIMS_PER_DOCUMENT} {name} claims, the most kept from one document; any more were dropped"
            ));
        } else if let Some(((_, sentence), _)) = counts
            .iter()
            .filter(|((k, _), &n)| *k == kind && n >= MAX_CLAIMS_PER_SENTENCE)
            .min_by_key(|((_, s), _)| *s)
        {
            notes.push(format!(
                "note: sentence {} has {MAX_CLAIMS_PER_SENTENCE} {name} claims, the most kept from one sentence; any more were dropped",
                sentence + 1
            ));
        }
    }
    notes
}

fn internal_error(doing: &str, message: &str) -> String {
    format!("internal error while {doing} this document ({message}); skipped, please report it")
}

fn too_slow(doing: &str, seconds: f64) -> String {
    format!("{doing} it took longer than the {seconds}-second limit for one document (--doc-timeout); skipped")
}

/// Drops exact repeats (same content id) and marks near-duplicates of an
/// earlier document, in input order, so the first copy stays the original.
/// The near-duplicate index remembers every id it has checked, which is
/// the set of ids seen: no second set is kept.
struct DuplicateMarker {
    index: NearDuplicateIndex,
}

impl DuplicateMarker {
    /// The documents of `chunk` not seen before, near-duplicates marked, and
    /// how many were dropped as exact repeats.
    fn mark(&mut self, chunk: Vec<Document>) -> (Vec<Document>, usize) {
        let mut kept = Vec::with_capacity(chunk.len());
        let mut dropped = 0;
        for mut doc in chunk {
            if self.index.contains(&doc.id) {
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

/// Opens a store only to read it (`documents`, `report --db`): without
/// write access where it can (a store the user may read but not write), and
/// for writing only when the store is from an older crosscheck and must be
/// migrated once first.
pub fn open_to_read(db: &std::path::Path) -> anyhow::Result<crosscheck_store::Store> {
    use crosscheck_store::{Store, StoreError};
    match Store::open_read_only(db) {
        Err(StoreError::Outdated { .. }) => Ok(Store::open_existing(db)?),
        other => Ok(other?),
    }
}
