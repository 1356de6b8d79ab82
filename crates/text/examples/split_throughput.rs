//! Sentence-splitting throughput on real newswire:
//! `cargo run --release -p crosscheck-text --example split_throughput [SHARED_DIR] [MB]`
//! splits the Reuters-21578 stories (plus the seed articles) repeatedly until
//! at least MB megabytes (default 100) have gone through, and prints MB/s,
//! documents/s and sentences per document. `--print N` prints the sentences
//! of the first N stories instead, for eyeballing.

use std::path::PathBuf;
use std::time::Instant;

use crosscheck_model::Range;
use crosscheck_text::SentenceSplitter;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let print = args
        .iter()
        .position(|a| a == "--print")
        .and_then(|k| args.get(k + 1))
        .and_then(|n| n.parse::<usize>().ok());
    let positional: Vec<&String> = args
        .iter()
        .enumerate()
        .filter(|(k, a)| !a.starts_with("--") && (*k == 0 || args[k - 1] != "--print"))
        .map(|(_, a)| a)
        .collect();
    let shared = positional
        .first()
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared"));
    let target_mb: f64 = positional
        .get(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(100.0);

    let mut docs = Vec::new();
    let jsonl = shared.join("corpus/reuters21578/reuters21578.jsonl");
    let Ok(data) = std::fs::read_to_string(&jsonl) else {
        eprintln!("cannot read {}", jsonl.display());
        std::process::exit(1);
    };
    for line in data.lines() {
        if let Ok(v) = serde_json::from_str::<serde_json::Value>(line) {
            if let Some(t) = v.get("text").and_then(|t| t.as_str()) {
                docs.push(t.to_string());
            }
        }
    }
    if let Ok(dir) = std::fs::read_dir(shared.join("corpus/seeds")) {
        for entry in dir.filter_map(Result::ok) {
            if let Ok(t) = std::fs::read_to_string(entry.path()) {
                docs.push(t);
            }
        }
    }
    let splitter = SentenceSplitter::new();
    if let Some(n) = print {
        for doc in docs.iter().take(n) {
            for s in splitter.split(doc, Range::new(0, doc.len())) {
                println!("| {}", s.range.slice(doc).replace('\n', " "));
            }
            println!("----");
        }
        return;
    }
    let corpus_bytes: usize = docs.iter().map(String::len).sum();
    let started = Instant::now();
    let (mut bytes, mut n_docs, mut n_sents) = (0usize, 0usize, 0usize);
    while (bytes as f64) < target_mb * 1e6 {
        for doc in &docs {
            n_sents += splitter.split(doc, Range::new(0, doc.len())).len();
        }
        bytes += corpus_bytes;
        n_docs += docs.len();
    }
    let secs = started.elapsed().as_secs_f64();
    println!(
        "{:.1} MB in {secs:.2} s: {:.1} MB/s, {:.0} documents/s, {:.1} sentences/document",
        bytes as f64 / 1e6,
        bytes as f64 / 1e6 / secs,
        n_docs as f64 / secs,
        n_sents as f64 / n_docs as f64
    );
}
