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
//! noun-phrase stop words, the closed word classes the rules read) live in
//! `data/`, loaded through `crosscheck-lexicon`, which also holds the lists
//! shared with other stages (reporting verbs, titles, months, pronouns).
//! They, and the indexes built from them, make one [`Lexicon`] that each
//! extractor holds: `new()` takes the standard one (parsed once, shared),
//! `with_lexicon` another (tests swap lists this way).
//! Both extractors read the document's token layer (`crosscheck-text`) in
//! its digit/letter view.

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

use std::sync::Arc;

use crosscheck_model::{Claim, Document};
use crosscheck_text::DocContext;

pub use crate::lexicon::Lexicon;

use crate::tokens::layer_for;

/// Extracts quantity claims. `quotes` are the document's quote claims: a
/// figure inside a quote or reported statement takes that claim's source.
#[derive(Debug)]
pub struct QuantityExtractor {
    lexicon: Arc<Lexicon>,
}

impl Default for QuantityExtractor {
    fn default() -> QuantityExtractor {
        QuantityExtractor::new()
    }
}

impl QuantityExtractor {
    /// The extractor with the standard lexicon (shared, parsed once).
    pub fn new() -> QuantityExtractor {
        QuantityExtractor::with_lexicon(Lexicon::standard())
    }

    /// The extractor reading `lexicon`.
    pub fn with_lexicon(lexicon: Arc<Lexicon>) -> QuantityExtractor {
        QuantityExtractor { lexicon }
    }

    /// The quantity claims of a document in analysis, read from its token
    /// layer; the context's claims so far are the quotes.
    pub fn extract_in(&self, ctx: &DocContext) -> Vec<Claim> {
        quantity::extract(
            &self.lexicon,
            &ctx.doc,
            &layer_for(Some(&ctx.tokens), &ctx.doc),
            &ctx.claims,
        )
    }

    /// The quantity claims of `doc`, whose sentences, mentions and time
    /// expressions are filled, for callers without a token layer (one is
    /// cut here).
    pub fn extract(&self, doc: &Document, quotes: &[Claim]) -> Vec<Claim> {
        quantity::extract(&self.lexicon, doc, &layer_for(None, doc), quotes)
    }
}

/// Extracts stance claims.
#[derive(Debug)]
pub struct StanceExtractor {
    lexicon: Arc<Lexicon>,
}

impl Default for StanceExtractor {
    fn default() -> StanceExtractor {
        StanceExtractor::new()
    }
}

impl StanceExtractor {
    /// The extractor with the standard lexicon (shared, parsed once).
    pub fn new() -> StanceExtractor {
        StanceExtractor::with_lexicon(Lexicon::standard())
    }

    /// The extractor reading `lexicon`.
    pub fn with_lexicon(lexicon: Arc<Lexicon>) -> StanceExtractor {
        StanceExtractor { lexicon }
    }

    /// The stance claims of a document in analysis, read from its token
    /// layer; the context's quote claims give pronoun actors inside a quote
    /// their speaker.
    pub fn extract_in(&self, ctx: &DocContext) -> Vec<Claim> {
        stance::extract(
            &self.lexicon,
            &ctx.doc,
            &layer_for(Some(&ctx.tokens), &ctx.doc),
            &ctx.claims,
        )
    }

    /// The stance claims of `doc`; `quotes` give pronoun actors inside a
    /// quote their speaker. For callers without a token layer (one is cut
    /// here).
    pub fn extract(&self, doc: &Document, quotes: &[Claim]) -> Vec<Claim> {
        stance::extract(&self.lexicon, doc, &layer_for(None, doc), quotes)
    }
}

/// Finds hedges (reportedly, allegedly, may, is believed to, ...).
#[derive(Debug)]
pub struct HedgeDetector {
    lexicon: Arc<Lexicon>,
}

impl Default for HedgeDetector {
    fn default() -> HedgeDetector {
        HedgeDetector::new()
    }
}

impl HedgeDetector {
    /// The detector with the standard lexicon (shared, parsed once).
    pub fn new() -> HedgeDetector {
        HedgeDetector::with_lexicon(Lexicon::standard())
    }

    /// The detector reading `lexicon`.
    pub fn with_lexicon(lexicon: Arc<Lexicon>) -> HedgeDetector {
        HedgeDetector { lexicon }
    }

    /// The hedge cues in `text`.
    pub fn hedges(&self, text: &str) -> Vec<String> {
        hedge::hedges(&self.lexicon, text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crosscheck_model::Polarity;
    use crosscheck_text::SentenceSplitter;

    fn doc(text: &str) -> Document {
        SentenceSplitter::new().document("t", text)
    }

    /// The standard lexicon with the stance cue "denied" and the hedge
    /// "reportedly" taken out.
    fn without_denied_and_reportedly() -> Arc<Lexicon> {
        let mut lex = Lexicon::load();
        lex.stance_cues
            .retain(|(phrase, _, _)| phrase != &["denied"]);
        lex.hedges.retain(|h| *h != "reportedly");
        lex.reindex();
        Arc::new(lex)
    }

    #[test]
    fn extractors_read_the_lexicon_they_are_given() {
        let d = doc("The Orvath ministry denied the report on Tuesday.");
        let polarities = |x: &StanceExtractor| -> Vec<Polarity> {
            x.extract(&d, &[])
                .iter()
                .filter_map(|c| Some(c.stance()?.polarity))
                .collect()
        };
        assert_eq!(polarities(&StanceExtractor::new()), [Polarity::Deny]);
        let swapped = StanceExtractor::with_lexicon(without_denied_and_reportedly());
        assert_eq!(polarities(&swapped), []);

        let text = "The ferry reportedly left Calvenport.";
        assert_eq!(HedgeDetector::new().hedges(text), ["reportedly"]);
        let swapped = HedgeDetector::with_lexicon(without_denied_and_reportedly());
        assert!(swapped.hedges(text).is_empty());
    }

    #[test]
    fn the_figure_reader_reads_the_extractors_lexicon() {
        let d = doc("The Varnholm ferry carried approximately 40 passengers.");
        let approximate = |x: &QuantityExtractor| -> Vec<(Option<f64>, bool)> {
            x.extract(&d, &[])
                .iter()
                .filter_map(|c| c.quantity().map(|q| (q.low, q.approximate)))
                .collect()
        };
        assert_eq!(approximate(&QuantityExtractor::new()), [(Some(40.0), true)]);
        let mut lex = Lexicon::load();
        lex.modifiers
            .retain(|(phrase, _)| phrase != &["approximately"]);
        lex.reindex();
        let swapped = QuantityExtractor::with_lexicon(Arc::new(lex));
        assert_eq!(approximate(&swapped), [(Some(40.0), false)]);
    }
}
