//! The five seed articles mixed with the first N Reuters-21578 stories:
//! which stories hold the seeds, and what else is in them.
//!
//! ```text
//! cargo run --release -p crosscheck-eval --example story_mix -- [N] [seeds-first|seeds-last]
//! ```

use std::collections::HashSet;

use crosscheck_analyze::Analyzer;
use crosscheck_ingest::{discover, read_input, NearDuplicateIndex};
use crosscheck_model::Document;
use crosscheck_stories::{DocumentProfile, StoryIndex};

fn main() {
    let mut args = std::env::args().skip(1);
    let n: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(2000);
    let seeds_first = args.next().as_deref() != Some("seeds-last");
    let shared = crosscheck_eval::default_shared_dir();
    let read = |path: std::path::PathBuf, limit: usize| -> Vec<Document> {
        let (inputs, _) = discover(&[path]);
        let mut docs = Vec::new();
        for input in &inputs {
            read_input(input, &mut |r| {
                if let (Ok(d), true) = (r, docs.len() < limit) {
                    docs.push(d);
                }
            });
        }
        docs
    };
    let seeds_dir = std::env::var_os("SEEDS")
        .map_or_else(|| shared.join("corpus/seeds"), std::path::PathBuf::from);
    let seeds = read(seeds_dir, usize::MAX);
    let reuters = read(shared.join("corpus/reuters21578/reuters21578.jsonl"), n);
    let seed_ids: HashSet<String> = seeds.iter().map(|d| d.id.clone()).collect();
    let mut docs = if seeds_first {
        seeds.into_iter().chain(reuters).collect::<Vec<_>>()
    } else {
        reuters.into_iter().chain(seeds).collect::<Vec<_>>()
    };
    let analyzer = Analyzer::new();
    let mut near = NearDuplicateIndex::new();
    let mut seen = HashSet::new();
    docs.retain(|d| seen.insert(d.id.clone()));
    let started = std::time::Instant::now();
    let docs: Vec<Document> = docs
        .into_iter()
        .map(|mut d| {
            d.duplicate_of = near.check(&d);
            analyzer.analyze(d).document
        })
        .collect();
    let analysed = started.elapsed();
    let started = std::time::Instant::now();
    let profiles: Vec<DocumentProfile> = docs.iter().map(DocumentProfile::of).collect();
    let profiled = started.elapsed();
    let mut index = StoryIndex::new();
    for p in &profiles {
        if std::env::var_os("SKIP_CLUSTER").is_none() {
            index.add(p);
        }
    }
    let clustered = started.elapsed();
    println!("profiles {profiled:.2?}");
    let stories: Vec<_> = index.stories().collect();
    let sizes: Vec<usize> = stories.iter().map(|s| s.documents.len()).collect();
    println!(
        "{} documents, {} stories ({} of 2+, largest {}), analysis {:.2?}, clustering {:.2?}",
        docs.len(),
        stories.len(),
        sizes.iter().filter(|&&s| s > 1).count(),
        sizes.iter().max().unwrap_or(&0),
        analysed,
        clustered
    );
    let title = |id: &str| {
        docs.iter()
            .find(|d| d.id == id)
            .and_then(|d| d.title.clone())
            .unwrap_or_else(|| id.to_string())
    };
    for story in &stories {
        if story.documents.iter().any(|d| seed_ids.contains(d)) {
            println!(
                "story {} ({} documents): {:?}",
                story.id(),
                story.documents.len(),
                index.top_entities(story, 6)
            );
            for d in &story.documents {
                let mark = if seed_ids.contains(d) { "SEED" } else { "    " };
                println!("  {mark} {}", title(d));
            }
        }
    }
    if std::env::var_os("SHOW_BIG").is_some() {
        let mut big: Vec<_> = stories.iter().filter(|s| s.documents.len() > 3).collect();
        big.sort_by_key(|s| std::cmp::Reverse(s.documents.len()));
        for story in big.into_iter().take(15) {
            println!("-- {} ({}):", story.id(), story.documents.len());
            for d in story.documents.iter().take(8) {
                println!("     {}", title(d));
            }
        }
    }
}
