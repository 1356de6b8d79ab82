//! Temporal-expression throughput on the Reuters-21578 stories:
//! `cargo run --release -p crosscheck-time --example time_throughput [SHARED_DIR]`
//! prints MB/s and expressions per document (no document dates). With
//! `--print N` it prints the expressions of every Nth story resolved against
//! the story's own date, for eyeballing on newswire the grammar never saw.

use std::path::PathBuf;
use std::time::Instant;

use crosscheck_time::{NaiveDate, TimeNormalizer};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let every: Option<usize> = args
        .iter()
        .position(|a| a == "--print")
        .and_then(|k| args.get(k + 1))
        .and_then(|n| n.parse().ok());
    let shared = args
        .first()
        .filter(|a| !a.starts_with("--"))
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared"));
    let path = shared.join("corpus/reuters21578/reuters21578.jsonl");
    let Ok(data) = std::fs::read_to_string(&path) else {
        eprintln!("cannot read {}", path.display());
        std::process::exit(1);
    };
    let stories: Vec<(String, Option<NaiveDate>)> = data
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| {
            let text = v.get("text")?.as_str()?.to_string();
            let date = v
                .get("published")
                .and_then(|p| p.as_str())
                .and_then(|p| p.get(..11))
                .and_then(|p| NaiveDate::parse_from_str(p, "%d-%b-%Y").ok());
            Some((text, date))
        })
        .collect();
    let normalizer = TimeNormalizer::new();
    if let Some(every) = every {
        for (text, date) in stories.iter().step_by(every.max(1)) {
            println!("== {date:?}");
            for e in normalizer.extract_text(text, *date) {
                println!("  {:?} -> {} {:?}", e.text, e.value, e.kind);
            }
        }
        return;
    }
    let docs: Vec<&String> = stories.iter().map(|(t, _)| t).collect();
    let started = Instant::now();
    let mut n_expr = 0usize;
    let mut bytes = 0usize;
    for doc in &docs {
        n_expr += normalizer.extract_text(doc, None).len();
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
