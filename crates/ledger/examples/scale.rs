//! Times the ledger stage (`build_ledger_with_entities`, and entity
//! resolution apart) on a set of documents and claims replicated 1×, 10×,
//! 100× and 1000×, to show how the ledger stage grows with the number of
//! claims.
//!
//! ```text
//! cargo run --release -p crosscheck-ledger --example scale [-- ledger.json]
//! ```
//!
//! Without an argument it replicates the invented fixture story; with one it
//! replicates the documents and claims of a ledger JSON file (for instance
//! the ledger of the seed articles). Each replica gets fresh document and
//! claim ids and its figures are scaled by a small per-replica factor, so
//! replicas are distinct documents whose values differ.

use std::time::Instant;

use crosscheck_ledger::{build_ledger_with_entities, fixture};
use crosscheck_model::{Claim, Document, Ledger};

fn load() -> Result<(Vec<Document>, Vec<Claim>), String> {
    match std::env::args().nth(1) {
        None => Ok(fixture::story()),
        Some(path) => {
            let text = std::fs::read_to_string(&path).map_err(|e| format!("{path}: {e}"))?;
            let mut ledger: Ledger = crosscheck_model::upgrade::ledger_from_json(&text)
                .map_err(|e| format!("{path}: {e}"))?;
            // A ledger of schema 1 predates the normalised subjects.
            let normalizer = crosscheck_subject::Normalizer::new();
            for claim in &mut ledger.claims {
                normalizer.fill(claim);
            }
            Ok((ledger.documents, ledger.claims))
        }
    }
}

fn replicate(
    documents: &[Document],
    claims: &[Claim],
    times: usize,
) -> (Vec<Document>, Vec<Claim>) {
    let mut docs = Vec::with_capacity(documents.len() * times);
    let mut all = Vec::with_capacity(claims.len() * times);
    for k in 0..times {
        let scale = 1.0 + (k % 17) as f64 / 100.0;
        for d in documents {
            let mut d = d.clone();
            d.id = format!("{}-r{k}", d.id);
            d.duplicate_of = d.duplicate_of.map(|o| format!("{o}-r{k}"));
            d.sourcing = None;
            docs.push(d);
        }
        for c in claims {
            let mut c = c.clone();
            c.doc = format!("{}-r{k}", c.doc);
            c.id = format!("{}-r{k}", c.id);
            if let Some(q) = c.quantity_mut() {
                q.low = q.low.map(|v| v * scale);
                q.high = q.high.map(|v| v * scale);
            }
            all.push(c);
        }
    }
    (docs, all)
}

fn main() {
    let (documents, claims) = match load() {
        Ok(x) => x,
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(1);
        }
    };
    println!("| replicas | documents | claims | ledger stage ms (entities given) | µs per claim | entity resolution ms (crosscheck-ner) | propositions |");
    println!("|---:|---:|---:|---:|---:|---:|---:|");
    for times in [1usize, 10, 100, 1000] {
        let (docs, all) = replicate(&documents, &claims, times);
        let (n_docs, n_claims) = (docs.len(), all.len());
        // The NER crate's cross-document resolution runs inside
        // build_ledger; timed apart so the ledger's own share is visible.
        let start = Instant::now();
        let entities = crosscheck_ner::resolve_entities(&docs);
        let resolve = start.elapsed().as_secs_f64();
        // Small inputs are timed over several runs; report the fastest.
        let runs = if times >= 1000 { 3 } else { 5 };
        let mut best = f64::INFINITY;
        let mut propositions = 0;
        for _ in 0..runs {
            let (d, c, e) = (docs.clone(), all.clone(), entities.clone());
            let start = Instant::now();
            let ledger = build_ledger_with_entities(d, c, e);
            best = best.min(start.elapsed().as_secs_f64());
            propositions = ledger.propositions.len();
        }
        println!(
            "| {times} | {n_docs} | {n_claims} | {:.1} | {:.2} | {:.1} ({} entities) | {propositions} |",
            best * 1000.0,
            best * 1e6 / n_claims.max(1) as f64,
            resolve * 1000.0,
            entities.len()
        );
    }
}
