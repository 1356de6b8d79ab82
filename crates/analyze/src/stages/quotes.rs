//! Quotes and reported speech with their sources (an adapter over
//! `crosscheck-attribution`, which reads the token layer).

use crosscheck_attribution::QuoteExtractor;
use crosscheck_model::ClaimKind;
use crosscheck_text::DocContext;

use crate::stage::{Slot, Stage};

/// Finds quote claims.
#[derive(Debug, Default)]
pub struct Quotes {
    extractor: QuoteExtractor,
}

impl Stage for Quotes {
    fn name(&self) -> &'static str {
        "quotes"
    }

    fn reads(&self) -> &'static [Slot] {
        &[
            Slot::Text,
            Slot::Paragraphs,
            Slot::Sentences,
            Slot::Tokens,
            Slot::Mentions,
        ]
    }

    fn writes(&self) -> &'static [Slot] {
        &[Slot::Claims(ClaimKind::Quote)]
    }

    fn run(&self, ctx: &mut DocContext) {
        let quotes = self.extractor.extract_context(ctx);
        ctx.claims.extend(quotes);
    }
}
