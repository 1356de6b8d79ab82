//! Error analysis on PolNeAR dev: prints the direct quotes crosscheck gets
//! wrong (`direct`: FP, FN and wrong sources) or the reported-speech
//! predictions that match no gold content (`reported`).
//!
//! `cargo run --release -p crosscheck-eval --example polnear_errors -- direct|reported`

use std::path::PathBuf;

use crosscheck_attribution::QuoteExtractor;
use crosscheck_eval::polnear::{self, document, load_split, predictions_from_claims};

fn polnear_dir() -> Option<PathBuf> {
    let dir = crosscheck_eval::default_shared_dir().join("data/polnear");
    if dir.join("dev").is_dir() {
        return Some(dir);
    }
    eprintln!("PolNeAR data not found at {}", dir.display());
    None
}

fn main() {
    match std::env::args().nth(1).as_deref() {
        Some("direct") => direct_errors(),
        Some("reported") => reported_errors(),
        _ => eprintln!("usage: polnear_errors direct|reported"),
    }
}

fn direct_errors() {
    let Some(dir) = polnear_dir() else { return };
    let Ok(articles) = load_split(&dir, "dev") else {
        return;
    };
    let extractor = QuoteExtractor::new();
    for a in &articles {
        let doc = document(&a.name, &a.text);
        let claims = extractor.extract(&doc);
        let pred = predictions_from_claims(&a.text, &claims);
        let chars: Vec<char> = a.text.chars().collect();
        let show = |s: (usize, usize)| -> String {
            chars
                .get(s.0..s.1.min(chars.len()))
                .unwrap_or(&[])
                .iter()
                .collect()
        };
        let gold: Vec<_> = a.gold.iter().filter(|g| g.direct).collect();
        for p in pred
            .iter()
            .filter(|p| p.direct && !polnear::embedded(&chars, p.content.0))
        {
            let hit = gold
                .iter()
                .any(|g| polnear::spans_overlap(&chars, g.content, p.content));
            if !hit {
                println!("FP {} | {}", a.name, show(p.content));
            } else if let Some(g) = gold
                .iter()
                .find(|g| polnear::spans_overlap(&chars, g.content, p.content))
            {
                let gs = g.source.map(show);
                let ps = p.source.map(show);
                if !matches!((g.source, p.source), (Some(x), Some(y)) if polnear::spans_overlap(&chars, x, y))
                {
                    println!(
                        "SRC {} | gold {:?} pred {:?} | {}",
                        a.name,
                        gs,
                        ps,
                        show(p.content).chars().take(80).collect::<String>()
                    );
                }
            }
        }
        for g in &gold {
            if !pred
                .iter()
                .any(|p| p.direct && polnear::spans_overlap(&chars, g.content, p.content))
            {
                println!("FN {} | {}", a.name, show(g.content));
            }
        }
    }
}

fn reported_errors() {
    let Some(dir) = polnear_dir() else { return };
    let Ok(articles) = load_split(&dir, "dev") else {
        return;
    };
    let extractor = QuoteExtractor::new();
    for a in &articles {
        let doc = document(&a.name, &a.text);
        let claims = extractor.extract(&doc);
        let pred = predictions_from_claims(&a.text, &claims);
        let chars: Vec<char> = a.text.chars().collect();
        let show = |s: (usize, usize)| -> String {
            chars
                .get(s.0..s.1.min(chars.len()))
                .unwrap_or(&[])
                .iter()
                .collect()
        };
        for p in pred.iter().filter(|p| !p.direct) {
            if !a
                .gold
                .iter()
                .any(|g| polnear::spans_overlap(&chars, g.content, p.content))
            {
                let best = a
                    .gold
                    .iter()
                    .find(|g| g.content.0 < p.content.1 && p.content.0 < g.content.1);
                println!(
                    "RFP {} | {} || gold: {:?}",
                    a.name,
                    show(p.content),
                    best.map(|g| show(g.content))
                );
            }
        }
    }
}
