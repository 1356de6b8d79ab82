//! Who said what: direct quotes, reported speech, and their sources
//! (named people, organisations, anonymous sources), with pronouns and
//! nominal anaphora resolved to earlier sources.
//!
//! The extractor is rule-based and works on the clean text alone: quote
//! marks are paired per paragraph ([`quotes`]), the units around each quote
//! are read for a speaker phrase and a speech cue, and sentences without
//! quotes are read for reported speech ("X said that ...", "according to
//! X, ..."). Word lists live in `data/`. Entity mentions from the NER stage
//! are used for entity names and pronoun antecedents when present.
//!
//! Representation choices:
//! - one claim per contiguous quote segment; a quote split by its
//!   attribution (“A,” he said. “B.”) gives two claims with the same source,
//!   the second without a source span (the source is not named in it);
//! - `quote.text` excludes the quote marks and the comma that replaces a
//!   full stop before an attribution; reported content excludes "that";
//! - the claim `span` covers the quote marks and the attribution.

mod attribute;
mod extract;
mod lexicon;
mod paragraphs;
pub mod quotes;
mod resolve;
mod speaker;
mod units;

use crosscheck_model::{Claim, Document};

/// Extracts quote claims (kind `quote`) from an analysed document whose
/// `sentences` are filled; `mentions` are used when present.
#[derive(Debug, Default)]
pub struct QuoteExtractor {}

impl QuoteExtractor {
    pub fn new() -> QuoteExtractor {
        QuoteExtractor {}
    }

    pub fn extract(&self, doc: &Document) -> Vec<Claim> {
        extract::extract(doc)
    }
}
