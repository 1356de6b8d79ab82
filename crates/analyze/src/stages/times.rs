//! Time expressions, and a publication date estimate for undated documents.

use crosscheck_text::DocContext;
use crosscheck_time::TimeNormalizer;

use crate::stage::{Slot, Stage};

/// Finds and normalises time expressions; bounds an undated document's date.
#[derive(Debug, Default)]
pub struct Times {
    normalizer: TimeNormalizer,
}

impl Stage for Times {
    fn name(&self) -> &'static str {
        "times"
    }

    fn reads(&self) -> &'static [Slot] {
        &[Slot::Text, Slot::Sentences, Slot::Tokens, Slot::Published]
    }

    fn writes(&self) -> &'static [Slot] {
        &[Slot::TimeExpressions, Slot::PublishedEstimate]
    }

    fn run(&self, ctx: &mut DocContext) {
        let doc = &mut ctx.doc;
        doc.time_expressions =
            self.normalizer
                .extract(&doc.text, &doc.sentences, &ctx.tokens, doc.published);
        // An undated document keeps its relative expressions unresolved: the
        // estimate is only a bound (the latest date the text tells as past),
        // typically months before the real date, and resolving "Friday"
        // against it would put invented dates on the timeline.
        if doc.published.is_none() {
            doc.published_estimate = self.normalizer.estimate_publication_date(
                &doc.text,
                &ctx.tokens,
                &doc.time_expressions,
            );
        }
    }
}
