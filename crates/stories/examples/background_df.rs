//! Counts background document frequencies for `data/background_df.tsv`.
//!
//! ```text
//! cargo run -p crosscheck-stories --example background_df -- ../shared/data > crates/stories/data/background_df.tsv
//! ```
//!
//! Reads the CoNLL-2003 training documents (`conll2003/train.conllu`, tokens
//! joined by spaces, documents split at `-DOCSTART-`) and the PolNeAR
//! training articles (`polnear/train/text/*.txt`). Keeps words found in at
//! least two documents.

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};

use crosscheck_stories::words::content_words;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let data = std::env::args()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("../shared/data"));
    let mut documents: Vec<String> = conll_documents(&data.join("conll2003/train.conllu"))?;
    let mut texts: Vec<PathBuf> = std::fs::read_dir(data.join("polnear/train/text"))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    texts.sort();
    for path in texts {
        documents.push(std::fs::read_to_string(path)?);
    }
    let mut df: BTreeMap<String, u32> = BTreeMap::new();
    for doc in &documents {
        let words: HashSet<String> = content_words(doc).collect();
        for w in words {
            *df.entry(w).or_default() += 1;
        }
    }
    println!("# Background document frequencies of content words (crates/stories/examples/background_df.rs).");
    println!("# Counted over the CoNLL-2003 training documents and the PolNeAR training articles.");
    println!("# documents\t{}", documents.len());
    for (word, n) in df.iter().filter(|(_, &n)| n >= 2) {
        println!("{word}\t{n}");
    }
    Ok(())
}

fn conll_documents(path: &Path) -> Result<Vec<String>, std::io::Error> {
    let text = std::fs::read_to_string(path)?;
    let mut docs = Vec::new();
    let mut current = String::new();
    for line in text.lines() {
        let token = line.split('\t').nth(1).unwrap_or("");
        if token == "-DOCSTART-" {
            if !current.trim().is_empty() {
                docs.push(std::mem::take(&mut current));
            }
            current.clear();
            continue;
        }
        if token.is_empty() {
            current.push('\n');
        } else {
            current.push_str(token);
            current.push(' ');
        }
    }
    if !current.trim().is_empty() {
        docs.push(current);
    }
    Ok(docs)
}
