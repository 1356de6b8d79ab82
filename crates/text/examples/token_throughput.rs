//! Token-layer throughput on real newswire, next to the sentence splitter it
//! follows: `cargo run --release -p crosscheck-text --example token_throughput [SHARED_DIR] [PASSES]`
//! splits and tokenises the Reuters-21578 stories PASSES times (default 5)
//! and prints MB/s for splitting alone and for cutting the token layer of
//! the split sentences, each timed on its own, best pass of each.

use std::path::PathBuf;
use std::time::Instant;

use crosscheck_model::Range;
use crosscheck_text::{SentenceSplitter, Split, TokenLayer};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let shared = args
        .first()
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared"));
    let passes: usize = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(5);
    let jsonl = shared.join("corpus/reuters21578/reuters21578.jsonl");
    let Ok(data) = std::fs::read_to_string(&jsonl) else {
        eprintln!("cannot read {}", jsonl.display());
        std::process::exit(1);
    };
    let docs: Vec<String> = data
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v.get("text").and_then(|t| t.as_str()).map(str::to_string))
        .collect();
    let bytes: usize = docs.iter().map(String::len).sum();
    let mb = bytes as f64 / 1e6;
    let splitter = SentenceSplitter::new();
    let sentences: Vec<_> = docs
        .iter()
        .map(|d| splitter.split(d, Range::new(0, d.len())))
        .collect();
    let (mut split_best, mut cut_best, mut view_best) = (f64::MAX, f64::MAX, f64::MAX);
    let mut tokens = 0;
    let mut pieces = Vec::new();
    for _ in 0..passes {
        let clock = Instant::now();
        let mut n = 0;
        for d in &docs {
            n += splitter.split(d, Range::new(0, d.len())).len();
        }
        split_best = split_best.min(clock.elapsed().as_secs_f64());
        std::hint::black_box(n);

        // One document at a time, as the pipeline does.
        let clock = Instant::now();
        tokens = 0;
        for (d, s) in docs.iter().zip(&sentences) {
            tokens += std::hint::black_box(TokenLayer::new(d, s)).tokens().len();
        }
        cut_best = cut_best.min(clock.elapsed().as_secs_f64());

        let layers: Vec<TokenLayer> = docs
            .iter()
            .zip(&sentences)
            .map(|(d, s)| TokenLayer::new(d, s))
            .collect();
        let clock = Instant::now();
        for (d, l) in docs.iter().zip(&layers) {
            for i in 0..l.sentence_count() {
                pieces.clear();
                l.split(d, l.sentence(i), Split::Marks, &mut pieces);
                std::hint::black_box(&pieces);
            }
        }
        view_best = view_best.min(clock.elapsed().as_secs_f64());
    }
    println!("{} documents, {mb:.1} MB, {tokens} tokens", docs.len());
    println!("split sentences:      {:.1} MB/s", mb / split_best);
    println!("cut the token layer:  {:.1} MB/s", mb / cut_best);
    println!("Marks view of it all: {:.1} MB/s", mb / view_best);
}
