//! Tagging throughput: tags every document of a CoNLL-format file REPEAT
//! times with the built-in model (the bare tagger on the file's tokens:
//! headline reading, features, both stages, Viterbi), one thread.
//!
//! `cargo run --release -p crosscheck-ner --example tag_speed -- ../shared/data/conll2003/train.conllu 3`
//!
//! Prints tokens, seconds and tokens/s of wall time; under load, run it
//! under `/usr/bin/time -f '%U s user'` with REPEAT 0 and N and divide the
//! difference in user time (model loading excluded) into the tokens.

use std::time::Instant;

use crosscheck_ner::training::read_conll;
use crosscheck_ner::EntityRecognizer;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(path), Some(repeat)) = (
        args.first(),
        args.get(1).and_then(|a| a.parse::<usize>().ok()),
    ) else {
        eprintln!("usage: tag_speed FILE.conllu REPEAT");
        return;
    };
    let Ok(text) = std::fs::read_to_string(path) else {
        eprintln!("cannot read {path}");
        return;
    };
    let docs = read_conll(&text);
    let recognizer = EntityRecognizer::new();
    let words: Vec<Vec<Vec<&str>>> = docs
        .iter()
        .map(|d| {
            d.sentences
                .iter()
                .map(|s| s.words.iter().map(String::as_str).collect())
                .collect()
        })
        .collect();
    // Warm the lazily built tables (clusters, name lists) before timing.
    let _ = recognizer.tag_labels(&[vec!["Warm", "up"]]);
    let started = Instant::now();
    let mut tokens = 0usize;
    let mut names = 0usize;
    for _ in 0..repeat {
        for d in &words {
            for labels in recognizer.tag_labels(d) {
                tokens += labels.len();
                names += crosscheck_ner::bilou::spans(&labels).len();
            }
        }
    }
    let secs = started.elapsed().as_secs_f64();
    println!(
        "{tokens} tokens ({names} names) in {secs:.2}s wall: {:.0} tokens/s",
        tokens as f64 / secs.max(1e-9)
    );
}
