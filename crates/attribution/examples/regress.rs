//! Writes every claim the extractor finds on a corpus as JSON lines, to
//! diff two builds of the extractor (speed work must not change output):
//! `cargo run --release -p crosscheck-attribution --example regress -- OUT FILE...`.
//! A `.jsonl` file holds one `{"text": ...}` per line; other files are one
//! text each. Each text runs twice: with no paragraphs (lines and
//! hard-wrap rejoining) and with its non-empty lines as paragraphs, as
//! ingest delivers them.

use std::io::{BufRead, Write};
use std::time::Instant;

use crosscheck_attribution::QuoteExtractor;
use crosscheck_model::{Document, Paragraph, ParagraphKind, Range};
use crosscheck_text::SentenceSplitter;

fn line_paragraphs(text: &str) -> Vec<Paragraph> {
    let mut out = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let body = line.trim_end_matches(['\n', '\r']);
        if !body.trim().is_empty() {
            out.push(Paragraph {
                range: Range {
                    start: offset,
                    end: offset + body.len(),
                },
                kind: ParagraphKind::Body,
            });
        }
        offset += line.len();
    }
    out
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some((out_path, inputs)) = args.split_first() else {
        eprintln!("usage: regress OUT FILE...");
        return;
    };
    let mut texts = Vec::new();
    for path in inputs {
        if path.ends_with(".jsonl") {
            let Ok(file) = std::fs::File::open(path) else {
                continue;
            };
            for line in std::io::BufReader::new(file).lines().map_while(Result::ok) {
                let value: Option<serde_json::Value> = serde_json::from_str(&line).ok();
                if let Some(t) = value.as_ref().and_then(|v| v.get("text")?.as_str()) {
                    texts.push(t.to_string());
                }
            }
        } else if let Ok(t) = std::fs::read_to_string(path) {
            texts.push(t);
        }
    }
    let Ok(file) = std::fs::File::create(out_path) else {
        eprintln!("cannot create {out_path}");
        return;
    };
    let mut out = std::io::BufWriter::new(file);
    let splitter = SentenceSplitter::new();
    let extractor = QuoteExtractor::new();
    let (mut seconds, mut bytes, mut claims) = (0.0, 0usize, 0usize);
    for (k, text) in texts.iter().enumerate() {
        for with_paragraphs in [false, true] {
            let mut doc = Document {
                id: format!("d{k}{}", if with_paragraphs { "p" } else { "" }),
                text: text.clone(),
                ..Document::default()
            };
            if with_paragraphs {
                doc.paragraphs = line_paragraphs(text);
            }
            doc.sentences = splitter.split_document(&doc.text, &doc.paragraphs);
            let t = Instant::now();
            let found = extractor.extract(&doc);
            seconds += t.elapsed().as_secs_f64();
            bytes += text.len();
            claims += found.len();
            for c in &found {
                let _ = serde_json::to_writer(&mut out, c);
                let _ = writeln!(out);
            }
        }
    }
    println!(
        "{} texts, {claims} claims, extraction {seconds:.3} s, {:.1} MB/s",
        texts.len(),
        bytes as f64 / 1e6 / seconds.max(1e-9)
    );
}
