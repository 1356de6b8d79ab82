//! Prints what the figure reader and the quantity claims make of each line
//! of stdin: `echo "roughly 400 737 Max jets" | cargo run -p crosscheck-facts --example figures`.
use std::io::BufRead;

use crosscheck_facts::numbers::read_figures;
use crosscheck_facts::QuantityExtractor;
use crosscheck_model::{Document, Sentence};

fn main() {
    for line in std::io::stdin().lock().lines().map_while(Result::ok) {
        println!("> {line}");
        let figures = read_figures(&line, 0, line.len(), false);
        for f in figures {
            println!(
                "  R {:?} {:?} | {:?}..{:?} {:?} approx={} vague={} unit={:?} rate={:?}",
                f.kind,
                line.get(f.start..f.end).unwrap_or(""),
                f.low,
                f.high,
                f.bound,
                f.approximate,
                f.vague,
                f.unit_id(),
                f.rate
            );
        }
        let doc = Document {
            id: "p".to_string(),
            text: line.clone(),
            sentences: vec![Sentence::new(0, line.len())],
            ..Document::default()
        };
        for c in QuantityExtractor::new().extract(&doc, &[]) {
            if let Some(q) = c.quantity() {
                println!(
                    "  Q {:?} | {:?}..{:?} {:?} unit={:?} subject={:?} rate={:?} vague={}",
                    q.span.text, q.low, q.high, q.bound, q.unit, q.subject, q.rate, q.vague
                );
            }
        }
    }
}
