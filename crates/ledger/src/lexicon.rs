//! The ledger's lexicon: the word lists its steps read (state bodies,
//! counts that only grow, generic and owned heads, cue phrases beside a
//! figure, phrases of earlier reporting) and the subject normaliser's
//! reductions they are compared by, built in one place from the data files
//! beside this crate.
//!
//! The steps take the lexicon they read as a parameter (or a field of the
//! structs already passed around) instead of reaching for process-wide
//! tables, so a test can build a ledger over a lexicon of its own
//! ([`LexiconData`] → [`Lexicon::parse`] → [`crate::LedgerBuilder::with_lexicon`]).
//! [`Lexicon::standard`] is the lexicon of the files built into the binary,
//! parsed once and shared.

use std::collections::HashSet;
use std::sync::{Arc, LazyLock};

use crosscheck_subject::Normalizer;

use crate::stories::Cue;
use crate::words::Words;

/// The texts of the ledger's data files, one field per file.
/// [`LexiconData::standard`] holds the files built into the binary; a test
/// may replace any of them before [`Lexicon::parse`].
#[derive(Debug, Clone, Copy)]
pub struct LexiconData<'a> {
    /// `data/government_nouns.txt`: words that make an actor an organ of a
    /// state ("ministry", "officials").
    pub government_nouns: &'a str,
    /// `data/cumulative_events.txt`: events whose counts can only grow.
    pub cumulative_events: &'a str,
    /// `data/generic_heads.txt`: heads naming a unit or a change rather
    /// than a counted thing.
    pub generic_heads: &'a str,
    /// `data/owned_heads.txt`: heads of things someone holds.
    pub owned_heads: &'a str,
    /// `data/figure_cues.tsv`: `phrase <TAB> part|earlier <TAB> before|after`.
    pub figure_cues: &'a str,
    /// `data/earlier_reporting.txt`: phrases saying a sentence reports
    /// earlier reporting or an earlier state.
    pub earlier_reporting: &'a str,
}

impl LexiconData<'static> {
    /// The data files built into the binary.
    pub fn standard() -> LexiconData<'static> {
        LexiconData {
            government_nouns: include_str!("../data/government_nouns.txt"),
            cumulative_events: include_str!("../data/cumulative_events.txt"),
            generic_heads: include_str!("../data/generic_heads.txt"),
            owned_heads: include_str!("../data/owned_heads.txt"),
            figure_cues: include_str!("../data/figure_cues.tsv"),
            earlier_reporting: include_str!("../data/earlier_reporting.txt"),
        }
    }
}

impl Default for LexiconData<'static> {
    fn default() -> LexiconData<'static> {
        LexiconData::standard()
    }
}

/// Everything the ledger looks words up in. Built once per data set
/// ([`Lexicon::parse`]); [`Lexicon::standard`] is parsed once and shared.
pub struct Lexicon {
    /// Word, action and head classes (the subject normaliser's lexicon).
    pub(crate) words: Words,
    /// Words that make an actor speak for a state ("ministry").
    pub(crate) government_nouns: HashSet<String>,
    /// Events whose counts can only grow, as action classes.
    pub(crate) cumulative_events: HashSet<String>,
    /// Head classes naming a unit or a change rather than a counted thing.
    pub(crate) generic_heads: HashSet<String>,
    /// Head classes of things someone holds (shares, stakes).
    pub(crate) owned_heads: HashSet<String>,
    /// (phrase padded with a space each side, cue, true when it comes
    /// before the figure), in file order: the first match wins.
    pub(crate) cues: Vec<(String, Cue, bool)>,
    /// Phrases of earlier reporting ("had said"), lower case, in file order.
    pub(crate) earlier: Vec<String>,
}

impl std::fmt::Debug for Lexicon {
    // The lists are long; the sizes say which lexicon this is.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Lexicon")
            .field("government_nouns", &self.government_nouns.len())
            .field("cumulative_events", &self.cumulative_events.len())
            .field("generic_heads", &self.generic_heads.len())
            .field("owned_heads", &self.owned_heads.len())
            .field("cues", &self.cues.len())
            .field("earlier", &self.earlier.len())
            .finish_non_exhaustive()
    }
}

/// The lexicon of the built-in files, parsed on first use. The one cache
/// behind [`Lexicon::standard`], so that every ledger built without a
/// lexicon of its own shares one copy instead of parsing the files again.
static STANDARD: LazyLock<Arc<Lexicon>> = LazyLock::new(|| {
    Arc::new(Lexicon::parse(
        &LexiconData::standard(),
        crosscheck_subject::Lexicon::standard(),
    ))
});

impl Lexicon {
    /// The lexicon of the built-in data files, parsed once and shared.
    pub fn standard() -> Arc<Lexicon> {
        Arc::clone(&STANDARD)
    }

    /// A lexicon from the texts of its data files, its classes read
    /// through `subject` (the normaliser's lexicon: heads and actions are
    /// kept as classes so that "killed" meets "died").
    pub fn parse(data: &LexiconData, subject: Arc<crosscheck_subject::Lexicon>) -> Lexicon {
        let words = Words::new(Normalizer::with_lexicon(subject));
        let lines = crosscheck_lexicon::lines;
        Lexicon {
            government_nouns: lines(data.government_nouns).map(str::to_string).collect(),
            cumulative_events: lines(data.cumulative_events)
                .flat_map(|e| words.actions_of(e))
                .collect(),
            generic_heads: lines(data.generic_heads)
                .map(|w| words.head_of(w))
                .collect(),
            owned_heads: lines(data.owned_heads).map(|w| words.head_of(w)).collect(),
            cues: crosscheck_lexicon::entries(data.figure_cues)
                .filter_map(|e| {
                    let cue = match e.column(1)? {
                        "part" => Cue::Part,
                        "earlier" => Cue::Earlier,
                        _ => return None,
                    };
                    // Kept padded with a space each side: a phrase matches
                    // whole words.
                    Some((
                        format!(" {} ", e.key().to_lowercase()),
                        cue,
                        e.column(2)? == "before",
                    ))
                })
                .collect(),
            earlier: lines(data.earlier_reporting)
                .map(str::to_lowercase)
                .collect(),
            words,
        }
    }
}
