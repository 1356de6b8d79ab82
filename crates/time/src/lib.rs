//! Temporal expressions: finds dates, times, durations and sets in news text
//! and normalises them to TIMEX3 values against the document's date; estimates
//! a publication date from the text when metadata has none.

use chrono::NaiveDate;
use crosscheck_model::{DateEstimate, Sentence, TimeExpression};

/// Finds and normalises temporal expressions.
#[derive(Debug, Default)]
pub struct TimeNormalizer {}

impl TimeNormalizer {
    pub fn new() -> TimeNormalizer {
        TimeNormalizer {}
    }

    /// Temporal expressions in `text`, resolved against `anchor` (the
    /// document date) where one is known.
    pub fn extract(
        &self,
        _text: &str,
        _sentences: &[Sentence],
        _anchor: Option<NaiveDate>,
    ) -> Vec<TimeExpression> {
        Vec::new() // PLACEHOLDER
    }
}

/// Bounds on when an undated document was written, from what its text says.
pub fn estimate_publication_date(
    _text: &str,
    _expressions: &[TimeExpression],
) -> Option<DateEstimate> {
    None // PLACEHOLDER
}
