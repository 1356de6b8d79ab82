//! Who said what: direct quotes, reported speech, and their sources
//! (named people, organisations, anonymous sources), with pronouns and
//! nominal anaphora resolved to earlier sources.

use crosscheck_model::{Claim, Document};

/// Extracts quote claims (kind `quote`) from an analysed document whose
/// `sentences` and `mentions` are filled.
#[derive(Debug, Default)]
pub struct QuoteExtractor {}

impl QuoteExtractor {
    pub fn new() -> QuoteExtractor {
        QuoteExtractor {}
    }

    pub fn extract(&self, _doc: &Document) -> Vec<Claim> {
        Vec::new() // PLACEHOLDER
    }
}
