//! Times recognition and cross-document resolution over a JSONL corpus
//! (one `{"text": ...}` object per line), e.g. the Reuters-21578 copy:
//! `cargo run --release -p crosscheck-ner --example resolve_bench -- FILE [MAX_DOCS]`

use std::time::Instant;

use crosscheck_model::{Document, Sentence};
use crosscheck_ner::{resolve_entities, EntityRecognizer};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(path) = args.first() else {
        eprintln!("usage: resolve_bench FILE.jsonl [MAX_DOCS]");
        return;
    };
    let max: usize = args
        .get(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(usize::MAX);
    let Ok(data) = std::fs::read_to_string(path) else {
        eprintln!("cannot read {path}");
        return;
    };
    let recognizer = EntityRecognizer::new();
    let mut docs = Vec::new();
    let mut bytes = 0;
    let started = Instant::now();
    for (i, line) in data.lines().take(max).enumerate() {
        let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else {
            continue;
        };
        let Some(text) = v.get("text").and_then(|t| t.as_str()) else {
            continue;
        };
        // One sentence per line is enough for timing.
        let mut sentences = Vec::new();
        let mut at = 0;
        for l in text.split_inclusive('\n') {
            if !l.trim().is_empty() {
                sentences.push(Sentence::new(at, at + l.trim_end().len()));
            }
            at += l.len();
        }
        bytes += text.len();
        let mentions = recognizer.recognize(text, &sentences);
        docs.push(Document {
            id: format!("d{i}"),
            text: text.to_string(),
            sentences,
            mentions,
            ..Document::default()
        });
    }
    let recognised = started.elapsed().as_secs_f64();
    let mentions: usize = docs.iter().map(|d| d.mentions.len()).sum();
    let started = Instant::now();
    let entities = resolve_entities(&docs);
    let resolved = started.elapsed().as_secs_f64();
    // ENTITIES_JSON=path writes the resolved entities for inspection.
    if let Ok(out) = std::env::var("ENTITIES_JSON") {
        match serde_json::to_string_pretty(&entities) {
            Ok(json) => {
                if let Err(e) = std::fs::write(&out, json) {
                    eprintln!("{out}: {e}");
                }
            }
            Err(e) => eprintln!("{e}"),
        }
    }
    println!(
        "{} docs, {:.1} MB, {mentions} mentions: recognise {recognised:.2}s ({:.2} MB/s), resolve {resolved:.3}s -> {} entities",
        docs.len(),
        bytes as f64 / 1e6,
        bytes as f64 / 1e6 / recognised,
        entities.len()
    );
}
