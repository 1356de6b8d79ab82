//! Trains the reported-speech tagger of `crosscheck-attribution` on
//! PolNeAR train without its held-out part (`polnear::Split::Fit`) and
//! writes the model file the extractor builds in:
//!
//! `cargo run --release -p crosscheck-eval --example train_attribution -- crates/attribution/data/reported.model`
//!
//! Deterministic: the same data gives the same bytes (fixed article order,
//! seeded shuffle, integer perceptron updates).

use std::path::PathBuf;
use std::process::ExitCode;

use crosscheck_attribution::tagger::{GoldSpans, Trainer};
use crosscheck_eval::polnear::{self, document, Split};

/// Passes over the data and the hashed table's size (2^ROWS rows).
const EPOCHS: usize = 8;
const ROWS_LOG2: u32 = 15;

fn main() -> ExitCode {
    let Some(out) = std::env::args().nth(1).map(PathBuf::from) else {
        eprintln!("usage: train_attribution OUT.model");
        return ExitCode::from(2);
    };
    let dir = crosscheck_eval::default_shared_dir().join("data/polnear");
    let articles = match polnear::load(&dir, &Split::Fit) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("train_attribution: {e}");
            return ExitCode::FAILURE;
        }
    };
    let mut trainer = Trainer::new();
    for a in &articles {
        let doc = document(&a.name, &a.text);
        // Character offsets (brat) to byte offsets (the extractor's).
        let mut bytes: Vec<usize> = a.text.char_indices().map(|(b, _)| b).collect();
        bytes.push(a.text.len());
        let to_byte = |c: usize| bytes.get(c).copied().unwrap_or(a.text.len());
        let span = |s: (usize, usize)| (to_byte(s.0), to_byte(s.1));
        let gold: Vec<GoldSpans> = a
            .gold
            .iter()
            .map(|g| GoldSpans {
                content: span(g.content),
                cue: g.cue.map(span),
                source: g.source.map(span),
            })
            .collect();
        trainer.add(&doc, &gold);
    }
    let rows_log2 = std::env::var("ROWS_LOG2")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(ROWS_LOG2);
    let model = trainer.train(EPOCHS, rows_log2);
    if let Err(e) = std::fs::write(&out, &model) {
        eprintln!("train_attribution: {}: {e}", out.display());
        return ExitCode::FAILURE;
    }
    eprintln!(
        "train_attribution: {} articles, {} sentences, {} bytes to {}",
        articles.len(),
        trainer.sentences(),
        model.len(),
        out.display()
    );
    ExitCode::SUCCESS
}
