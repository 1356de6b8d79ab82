//! Trains the story model (`crates/stories/data/story_model.tsv`) on the
//! `tune` window of the story gold, never the `heldout` one.
//!
//! ```text
//! cargo run --release -p crosscheck-eval --example train_story_model > crates/stories/data/story_model.tsv
//! ```
//!
//! The tune window's documents are added in publication order with the gold
//! deciding where each goes (teacher forcing); every candidate story the
//! index offers a document gives one example (positive when it is the
//! document's gold story). A logistic regression (L2, batch gradient
//! descent) fits the examples; the threshold is then the one of a fixed grid
//! that gives the best mean of B-cubed and pairwise F1 when the tune window
//! is clustered with the fitted model.

use std::collections::{HashMap, HashSet};

use crosscheck_analyze::Analyzer;
use crosscheck_eval::stories::{
    bcubed, cluster_documents, pairwise, parse_gold, read_window, GOLD,
};
use crosscheck_stories::{DocumentProfile, Features, Model, Settings, StoryIndex, FEATURES};

const L2: f32 = 0.0001;
const STEPS: usize = 50_000;
const RATE: f32 = 0.5;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let shared = crosscheck_eval::default_shared_dir();
    let corpus = shared.join("corpus/reuters21578/reuters21578.jsonl");
    let articles: Vec<_> = parse_gold(GOLD)?
        .into_iter()
        .filter(|a| a.split == "tune")
        .collect();
    let documents = read_window(&corpus, &articles, &Analyzer::new())?;

    // Teacher forcing: examples from every candidate of every document.
    let mut index = StoryIndex::new();
    let mut story_of_label: HashMap<&str, u32> = HashMap::new();
    let mut added: HashSet<&str> = HashSet::new();
    let mut examples: Vec<(Features, bool)> = Vec::new();
    for (article, doc) in articles.iter().zip(&documents) {
        if !added.insert(doc.id.as_str()) {
            continue;
        }
        let profile = DocumentProfile::of(doc);
        let prepared = index.prepare(&profile);
        let gold = story_of_label
            .get(article.story.as_str())
            .map(|&n| index.resolve(n));
        let mut gold_seen = false;
        for (n, f) in &prepared.candidates {
            let positive = Some(*n) == gold;
            gold_seen |= positive;
            examples.push((*f, positive));
            if std::env::var_os("DUMP").is_some() {
                let first = index
                    .story(*n)
                    .and_then(|s| s.title.clone())
                    .unwrap_or_default();
                eprintln!(
                    "EX\t{}\t{}\t{:?}\t{}\t{}",
                    positive as u8,
                    article.line,
                    f.values(),
                    doc.title.clone().unwrap_or_default(),
                    first
                );
            }
        }
        if let (Some(g), false) = (gold, gold_seen) {
            if let Some(f) = index.features_for(&prepared, g) {
                examples.push((f, true));
            }
        }
        let number = index.place(&profile, &prepared, gold);
        story_of_label.insert(article.story.as_str(), number);
    }
    let positives = examples.iter().filter(|e| e.1).count();
    eprintln!("{} examples, {positives} positive", examples.len());

    let (weights, bias) = fit(&examples);
    let mut model = Model {
        weights,
        bias,
        threshold: 0.5,
    };
    // The threshold: best B-cubed F1 on the tune window.
    let labels: Vec<&str> = articles.iter().map(|a| a.story.as_str()).collect();
    let mut best = (f64::MIN, 0.5f32);
    for step in 1..20 {
        let threshold = step as f32 * 0.05;
        model.threshold = threshold;
        let settings = Settings {
            model: model.clone(),
            join_threshold: threshold,
            merge_threshold: threshold,
            ..Settings::default()
        };
        let window = cluster_documents(
            articles.clone(),
            documents.clone(),
            StoryIndex::with_settings(settings),
        );
        let (_, _, b) = bcubed(&labels, &window.predicted);
        let (_, _, p) = pairwise(&labels, &window.predicted);
        // B-cubed alone rewards leaving everything apart when most stories
        // have one article; the pairwise F1 weighs the joins.
        let f = (b + p) / 2.0;
        eprintln!("threshold {threshold:.2}: B-cubed F1 {b:.4}, pairwise F1 {p:.4}");
        if f > best.0 {
            best = (f, threshold);
        }
    }
    model.threshold = best.1;
    println!(
        "# Story model: logistic regression over crosscheck_stories::Features, trained on the"
    );
    println!("# tune window of crates/eval/data/stories/reuters_stories.tsv by");
    println!("# `cargo run --release -p crosscheck-eval --example train_story_model`.");
    print!("{}", model.to_tsv());
    Ok(())
}

/// Logistic regression by batch gradient descent with L2 on the weights.
fn fit(examples: &[(Features, bool)]) -> ([f32; FEATURES], f32) {
    let n = examples.len().max(1) as f32;
    let (mut w, mut b) = ([0.0f32; FEATURES], 0.0f32);
    for _ in 0..STEPS {
        let (mut gw, mut gb) = ([0.0f32; FEATURES], 0.0f32);
        for (f, y) in examples {
            let x = f.values();
            let z = b + w.iter().zip(x).map(|(w, x)| w * x).sum::<f32>();
            let p = 1.0 / (1.0 + (-z).exp());
            let err = p - if *y { 1.0 } else { 0.0 };
            for (g, x) in gw.iter_mut().zip(x) {
                *g += err * x;
            }
            gb += err;
        }
        for (wi, gi) in w.iter_mut().zip(gw) {
            *wi -= RATE * (gi / n + L2 * *wi);
        }
        b -= RATE * gb / n;
    }
    (w, b)
}
