//! The checkable facts an article asserts: figures (counts and amounts with
//! bounds, hedges, subjects and claimants), stances (confirm, deny, not
//! confirmed, ...) and the hedges that mark claims as rumour rather than
//! assertion.
//!
//! - [`numbers`] reads every numeric expression and classifies it; only
//!   counts and amounts become quantity claims (never years, dates,
//!   ordinals, durations, ages, times of day or identifiers).
//! - Claimants come from the quote claim a figure sits in, else from the
//!   sentence's own clause ("according to X", "X estimate that ...",
//!   "..., X said").
//! - `Quantity.event` says what happened to what is counted (killed,
//!   wounded, casualties, deployed, supplied, captured, ...), from the
//!   predicate of the counted phrase, a bare participle, the counted noun or
//!   the verb or noun governing the figure (`data/events.tsv`); money,
//!   percentages and shares get none.
//! - Stance actors and figure claimants are split from their role: title
//!   words ("Defence Minister Ilse Marrow") and appositives ("Valdoria's
//!   defence minister, Ilse Marrow,") go to `source.role`.
//! - Stance `time.value` is a TIMEX3 value from `doc.time_expressions` when
//!   one sits in the stance clause, else a qualifier: `INITIAL`, `LATER`,
//!   `ONGOING`, `PRESENT_REF`, `PAST_REF`, or a year-less `XXXX-MM` /
//!   `XXXX-WXX-D`.
//!
//! Word lists (number words, units, modifiers, rates, stance cues, hedges,
//! reporting verbs, noun-phrase stop words) live in `data/`.

mod claimant;
mod event;
mod hedge;
mod lexicon;
mod lookup;
// The figure reader, reached by the quantulum evaluation and the seed
// tests; not an API.
#[doc(hidden)]
pub mod numbers;
mod phrase;
mod quantity;
mod stance;
mod tokens;
pub mod units;

use crosscheck_model::{Claim, Document};

/// Extracts quantity claims. `quotes` are the document's quote claims: a
/// figure inside a quote or reported statement takes that claim's source.
#[derive(Debug, Default)]
pub struct QuantityExtractor {}

impl QuantityExtractor {
    /// The extractor (its lexicons are shared and loaded once).
    pub fn new() -> QuantityExtractor {
        QuantityExtractor {}
    }

    /// The quantity claims of `doc`, whose sentences, mentions and time
    /// expressions are filled.
    pub fn extract(&self, doc: &Document, quotes: &[Claim]) -> Vec<Claim> {
        quantity::extract(doc, quotes)
    }
}

/// Extracts stance claims.
#[derive(Debug, Default)]
pub struct StanceExtractor {}

impl StanceExtractor {
    /// The extractor (its lexicons are shared and loaded once).
    pub fn new() -> StanceExtractor {
        StanceExtractor {}
    }

    /// The stance claims of `doc`; `quotes` give pronoun actors inside a
    /// quote their speaker.
    pub fn extract(&self, doc: &Document, quotes: &[Claim]) -> Vec<Claim> {
        stance::extract(doc, quotes)
    }
}

/// Finds hedges (reportedly, allegedly, may, is believed to, ...).
#[derive(Debug, Default)]
pub struct HedgeDetector {}

impl HedgeDetector {
    /// The detector (its lexicon is shared and loaded once).
    pub fn new() -> HedgeDetector {
        HedgeDetector {}
    }

    /// The hedge cues in `text`.
    pub fn hedges(&self, text: &str) -> Vec<String> {
        hedge::hedges(text)
    }
}
