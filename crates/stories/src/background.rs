//! Background document frequencies: how common each word is in news at
//! large, so that a handful of documents can already tell a telling word
//! ("Karbala", "hydrocracker") from a common one ("market", "government").
//!
//! `data/background_df.tsv` is counted from the CoNLL-2003 training
//! documents (Reuters newswire, 1996) and the PolNeAR training articles (US
//! political news, 2015-2016) by `examples/background_df.rs`; only words and
//! counts are kept, never text.

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::words::content_words;

struct Background {
    documents: u32,
    df: HashMap<&'static str, u32>,
}

static BACKGROUND: LazyLock<Background> = LazyLock::new(|| {
    let mut documents = 0;
    let mut df = HashMap::new();
    for line in include_str!("../data/background_df.tsv").lines() {
        if let Some(n) = line.strip_prefix("# documents\t") {
            documents = n.trim().parse().unwrap_or(0);
            continue;
        }
        if line.starts_with('#') {
            continue;
        }
        let mut fields = line.split('\t');
        if let (Some(word), Some(Ok(n))) = (fields.next(), fields.next().map(str::parse)) {
            df.insert(word, n);
        }
    }
    Background { documents, df }
});

/// Number of documents the background was counted over.
pub fn documents() -> u32 {
    BACKGROUND.documents
}

/// Background document frequency of a content word.
pub fn word_df(word: &str) -> u32 {
    BACKGROUND.df.get(word).copied().unwrap_or(0)
}

/// Background document frequency of an entity name: that of its rarest
/// content word (a name is at most as common as any of its words).
pub fn entity_df(name: &str) -> u32 {
    content_words(name).map(|w| word_df(&w)).min().unwrap_or(0)
}
