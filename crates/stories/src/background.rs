//! Background document frequencies: how common each word is in news at
//! large, so that a handful of documents can already tell a telling word
//! ("Karbala", "hydrocracker") from a common one ("market", "government").
//!
//! `data/background_df.tsv` is counted from the CoNLL-2003 training
//! documents (Reuters newswire, 1996) and the PolNeAR training articles (US
//! political news, 2015-2016) by `examples/background_df.rs`; only words and
//! counts are kept, never text.

use std::sync::LazyLock;

use crosscheck_lexicon::{entries, FxHashMap};

use crate::words::content_words;

struct Background {
    documents: u32,
    df: FxHashMap<&'static str, u32>,
}

static BACKGROUND: LazyLock<Background> = LazyLock::new(|| {
    let data = include_str!("../data/background_df.tsv");
    // The one header the loader would skip as a comment: the count.
    let documents = data
        .lines()
        .find_map(|l| l.strip_prefix("# documents\t"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or(0);
    let df = entries(data)
        .filter_map(|e| Some((e.key(), e.column(1)?.parse().ok()?)))
        .collect();
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
