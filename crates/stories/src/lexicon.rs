//! The stories lexicon: the stop words (`data/stopwords.txt`) and the
//! background document frequencies (`data/background_df.tsv`), parsed once.

use std::fmt;
use std::sync::{Arc, LazyLock};

use crosscheck_lexicon::{FxHashMap, FxHashSet};

/// The word lists grouping reads: which words never tell one story from
/// another, and how common each word is in news at large.
/// [`Lexicon::standard`] is parsed once and shared; tests may build their
/// own with [`Lexicon::parse`] and give it to
/// [`crate::StoryIndex::with_lexicon`] or [`crate::DocumentProfile::of_with`].
pub struct Lexicon {
    pub(crate) stopwords: FxHashSet<String>,
    /// Number of documents the background was counted over.
    pub(crate) background_documents: u32,
    pub(crate) background_df: FxHashMap<String, u32>,
}

/// The one parsed copy of the standard lexicon: every index and profile
/// built with the defaults shares it instead of parsing the data again.
static STANDARD: LazyLock<Arc<Lexicon>> = LazyLock::new(|| {
    Arc::new(Lexicon::parse(
        include_str!("../data/stopwords.txt"),
        include_str!("../data/background_df.tsv"),
    ))
});

impl Lexicon {
    /// The lexicon of the crate's data files (shared, parsed once).
    pub fn standard() -> Arc<Lexicon> {
        Arc::clone(&STANDARD)
    }

    /// The standard lexicon without an `Arc` clone, for the free functions
    /// that keep their lexicon-less signatures.
    pub(crate) fn standard_ref() -> &'static Lexicon {
        &STANDARD
    }

    /// A lexicon from data in the forms of the crate's files: `stopwords`
    /// (several words a line), `background_df` (`word<TAB>count` lines
    /// under a `# documents<TAB>n` header).
    pub fn parse(stopwords: &str, background_df: &str) -> Lexicon {
        let (background_documents, background_df) = crate::background::parse(background_df);
        Lexicon {
            stopwords: crate::words::parse_stopwords(stopwords),
            background_documents,
            background_df,
        }
    }
}

// By hand: the tables are tens of thousands of entries, too many to print
// with the index that holds them.
impl fmt::Debug for Lexicon {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Lexicon")
            .field("stopwords", &self.stopwords.len())
            .field("background_documents", &self.background_documents)
            .field("background_words", &self.background_df.len())
            .finish()
    }
}
