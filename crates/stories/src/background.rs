//! Background document frequencies: how common each word is in news at
//! large, so that a handful of documents can already tell a telling word
//! ("Karbala", "hydrocracker") from a common one ("market", "government").
//!
//! `data/background_df.tsv` is counted from the CoNLL-2003 training
//! documents (Reuters newswire, 1996) and the PolNeAR training articles (US
//! political news, 2015-2016) by `examples/background_df.rs`; only words and
//! counts are kept, never text.

use crosscheck_lexicon::{entries, FxHashMap};

use crate::Lexicon;

/// The document count (from the one header the loader would skip as a
/// comment) and the word counts of `background_df.tsv`-shaped data.
pub(crate) fn parse(data: &str) -> (u32, FxHashMap<String, u32>) {
    let documents = data
        .lines()
        .find_map(|l| l.strip_prefix("# documents\t"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or(0);
    let df = entries(data)
        .filter_map(|e| Some((e.key().to_string(), e.column(1)?.parse().ok()?)))
        .collect();
    (documents, df)
}

impl Lexicon {
    /// Number of documents the background was counted over.
    pub fn background_documents(&self) -> u32 {
        self.background_documents
    }

    /// Background document frequency of a content word.
    pub fn word_df(&self, word: &str) -> u32 {
        self.background_df.get(word).copied().unwrap_or(0)
    }

    /// Background document frequency of an entity name: that of its rarest
    /// content word (a name is at most as common as any of its words).
    pub fn entity_df(&self, name: &str) -> u32 {
        self.content_words(name)
            .map(|w| self.word_df(&w))
            .min()
            .unwrap_or(0)
    }
}
