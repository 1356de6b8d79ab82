//! Runs the extractor over a JSONL corpus (one `{"text": ...}` per line)
//! and reports claims, timing and span validity:
//! `cargo run --release -p crosscheck-attribution --example stress -- FILE.jsonl`.

use std::io::BufRead;
use std::time::Instant;

use crosscheck_attribution::QuoteExtractor;
use crosscheck_model::Document;
use crosscheck_text::SentenceSplitter;

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: stress FILE.jsonl");
        return;
    };
    let Ok(file) = std::fs::File::open(&path) else {
        eprintln!("cannot open {path}");
        return;
    };
    let splitter = SentenceSplitter::new();
    let extractor = QuoteExtractor::new();
    let (mut docs, mut bytes, mut claims, mut invalid, mut direct) =
        (0usize, 0usize, 0usize, 0usize, 0usize);
    let mut seconds = 0.0;
    for line in std::io::BufReader::new(file).lines().map_while(Result::ok) {
        let Ok(value) = serde_json::from_str::<serde_json::Value>(&line) else {
            continue;
        };
        let Some(text) = value.get("text").and_then(|t| t.as_str()) else {
            continue;
        };
        let mut doc = Document {
            id: format!("d{docs}"),
            text: text.to_string(),
            ..Document::default()
        };
        doc.sentences = splitter.split_document(&doc.text, &doc.paragraphs);
        let t = Instant::now();
        let found = extractor.extract(&doc);
        seconds += t.elapsed().as_secs_f64();
        docs += 1;
        bytes += text.len();
        claims += found.len();
        for c in &found {
            let q = c.quote();
            direct += usize::from(q.is_some_and(|q| q.direct));
            let ok = c.span.is_valid_in(text)
                && q.is_some_and(|q| q.span.is_valid_in(text))
                && c.source.span.as_ref().is_none_or(|s| s.is_valid_in(text));
            invalid += usize::from(!ok);
        }
    }
    println!(
        "{docs} documents, {bytes} bytes, {claims} claims ({direct} direct), {invalid} invalid spans, \
         extraction {seconds:.2} s, {:.1} MB/s",
        bytes as f64 / 1e6 / seconds.max(1e-9)
    );
}
