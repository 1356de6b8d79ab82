//! Prints the quote claims of a text file (or stdin), one per block, for
//! eyeballing: `cargo run -p crosscheck-attribution --example dump_quotes FILE`.

use std::io::{Read, Write};

use crosscheck_attribution::QuoteExtractor;
use crosscheck_model::Document;
use crosscheck_text::SentenceSplitter;

fn main() {
    let mut text = String::new();
    match std::env::args().nth(1) {
        Some(path) => text = std::fs::read_to_string(&path).unwrap_or_default(),
        None => {
            let _ = std::io::stdin().read_to_string(&mut text);
        }
    }
    let mut doc = Document {
        id: "doc".to_string(),
        text,
        ..Document::default()
    };
    doc.sentences = SentenceSplitter::new().split_document(&doc.text, &doc.paragraphs);
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for c in QuoteExtractor::new().extract(&doc) {
        let (direct, quote) = c
            .quote()
            .map_or((false, ""), |q| (q.direct, q.text.as_str()));
        let written = writeln!(
            out,
            "[{}] {:?} {:?} role={:?} span={:?} cue={:?} channel={:?} quoted_by={:?} claim={}..{}\n    {}",
            if direct { "direct" } else { "reported" },
            c.source.kind,
            c.source.name,
            c.source.role,
            c.source.span.as_ref().map(|s| s.text.as_str()),
            c.cue,
            c.channel,
            c.quoted_by.as_ref().and_then(|s| s.name.as_deref()),
            c.span.start,
            c.span.end,
            quote
        );
        if written.is_err() {
            return; // the reader went away (e.g. `| head`)
        }
    }
}
