//! Reads inputs like `crosscheck analyze` would and reports throughput,
//! errors and near-duplicates found:
//! `cargo run --release -p crosscheck-ingest --example ingest_stats -- PATH... [--show N]`

use std::path::PathBuf;
use std::time::Instant;

use crosscheck_ingest::{discover, read_input, NearDuplicateIndex};

fn main() {
    let mut paths = Vec::new();
    let mut show = 0usize;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        if arg == "--show" {
            show = args.next().and_then(|n| n.parse().ok()).unwrap_or(5);
        } else {
            paths.push(PathBuf::from(arg));
        }
    }
    let (inputs, discover_errors) = discover(&paths);
    let bytes: u64 = inputs
        .iter()
        .filter_map(|i| match i {
            crosscheck_ingest::Input::Path(p) => std::fs::metadata(p).ok().map(|m| m.len()),
            crosscheck_ingest::Input::Stdin => None,
        })
        .sum();
    let started = Instant::now();
    let mut index = NearDuplicateIndex::new();
    let mut ids = std::collections::HashMap::new();
    let (mut docs, mut errors, mut exact, mut near) =
        (0usize, discover_errors.len(), 0usize, 0usize);
    let mut dedup_secs = 0.0;
    let mut shown = 0usize;
    for input in &inputs {
        read_input(input, &mut |result| match result {
            Ok(doc) => {
                docs += 1;
                if ids.insert(doc.id.clone(), doc.source.clone()).is_some() {
                    exact += 1;
                }
                let t = Instant::now();
                let dup = index.check(&doc);
                dedup_secs += t.elapsed().as_secs_f64();
                if let Some(original) = dup {
                    near += 1;
                    if shown < show {
                        shown += 1;
                        println!(
                            "near-duplicate: {} ~ {} ({})",
                            doc.source,
                            ids.get(&original).map_or("?", String::as_str),
                            doc.title.as_deref().unwrap_or("")
                        );
                    }
                }
            }
            Err(e) => {
                errors += 1;
                if errors <= 5 {
                    eprintln!("{e}");
                }
            }
        });
    }
    let secs = started.elapsed().as_secs_f64();
    println!(
        "inputs={} bytes={} documents={} errors={} exact_duplicates={} near_duplicates={} seconds={:.2} MB_per_s={:.1} docs_per_s={:.0} near_dup_check_ms_total={:.0}",
        inputs.len(),
        bytes,
        docs,
        errors,
        exact,
        near,
        secs,
        bytes as f64 / 1e6 / secs,
        docs as f64 / secs,
        dedup_secs * 1000.0
    );
}
