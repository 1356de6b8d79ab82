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

fn main() -> ExitCode {
    let Some(out) = std::env::args().nth(1).map(PathBuf::from) else {
        eprintln!("usage: train_attribution OUT.model");
        return ExitCode::from(2);
    };
    let dir = crosscheck_eval::default_shared_dir().join("data/polnear");
    let (model, articles) = match crosscheck_eval::polnear::train_tagger(&dir) {
        Ok(m) => m,
        Err(e) => {
            eprintln!("train_attribution: {e}");
            return ExitCode::FAILURE;
        }
    };
    if let Err(e) = std::fs::write(&out, &model) {
        eprintln!("train_attribution: {}: {e}", out.display());
        return ExitCode::FAILURE;
    }
    eprintln!(
        "train_attribution: {articles} articles, {} bytes to {}",
        model.len(),
        out.display()
    );
    ExitCode::SUCCESS
}
