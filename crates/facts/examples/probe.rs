//! Prints the stance and quantity claims of each line of stdin: a quick way to
//! see what the extractors make of a sentence.
use std::io::BufRead;

use crosscheck_facts::{QuantityExtractor, StanceExtractor};
use crosscheck_text::SentenceSplitter;

fn main() {
    for line in std::io::stdin().lock().lines().map_while(Result::ok) {
        let d = SentenceSplitter::new().document("p", &line);
        println!("> {line}");
        for c in StanceExtractor::new().extract(&d, &[]) {
            if let Some(s) = c.stance() {
                println!(
                    "  S {} | {:?} | role {:?} | about {:?} | time {:?}",
                    s.actor,
                    s.polarity,
                    c.source.role,
                    s.about.as_ref().map(|a| a.text.as_str()),
                    c.time.as_ref().map(|t| (&t.text, &t.value))
                );
            }
        }
        for c in QuantityExtractor::new().extract(&d, &[]) {
            if let Some(q) = c.quantity() {
                println!(
                    "  Q {} | {:?}-{:?} {:?} {:?} {:?} | subj {:?} | event {:?} | src {:?}",
                    q.span.text,
                    q.low,
                    q.high,
                    q.bound,
                    q.unit,
                    q.rate,
                    q.subject,
                    q.event,
                    c.source.name
                );
            }
        }
    }
}
