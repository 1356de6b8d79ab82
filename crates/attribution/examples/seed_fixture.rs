//! Writes the seed articles' direct quotes and speakers as the extractor
//! finds them, as offsets and names only (no article text), for
//! `tests/seeds.rs` to check that later versions keep them:
//!
//! `cargo run --release -p crosscheck-attribution --example seed_fixture -- ../shared/corpus/seeds > crates/attribution/tests/data/seed_quotes.tsv`
//!
//! Lines: `doc<TAB>quote<TAB>start<TAB>end<TAB>source name` for every
//! direct quote, `doc<TAB>speaker<TAB><TAB><TAB>name` for every source name.

use std::collections::BTreeSet;
use std::path::PathBuf;

use crosscheck_attribution::QuoteExtractor;
use crosscheck_model::Document;
use crosscheck_text::SentenceSplitter;

fn main() {
    let Some(dir) = std::env::args().nth(1).map(PathBuf::from) else {
        eprintln!("usage: seed_fixture SEEDS_DIR");
        return;
    };
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    paths.retain(|p| p.extension().is_some_and(|e| e == "txt"));
    paths.sort();
    for path in paths {
        let id = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        let mut doc = Document {
            id: id.clone(),
            text,
            ..Document::default()
        };
        doc.sentences = SentenceSplitter::new().split_document(&doc.text, &doc.paragraphs);
        let claims = QuoteExtractor::new().extract(&doc);
        let mut speakers = BTreeSet::new();
        for c in &claims {
            let name = c.source.name.clone().unwrap_or_default();
            if let Some(q) = c.quote().filter(|q| q.direct) {
                println!("{id}\tquote\t{}\t{}\t{name}", q.span.start, q.span.end);
            }
            if !name.is_empty() {
                speakers.insert(name);
            }
        }
        for name in speakers {
            println!("{id}\tspeaker\t\t\t{name}");
        }
    }
}
