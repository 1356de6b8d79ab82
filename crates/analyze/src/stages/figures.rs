//! Figures: counts and amounts with their bounds, subjects and claimants (an
//! adapter over `crosscheck-facts`).

use crosscheck_facts::QuantityExtractor;
use crosscheck_model::ClaimKind;
use crosscheck_text::DocContext;

use crate::stage::{Slot, Stage};

/// Finds quantity claims; a figure inside a quote takes the quote's source.
#[derive(Debug, Default)]
pub struct Figures {
    extractor: QuantityExtractor,
}

impl Stage for Figures {
    fn name(&self) -> &'static str {
        "figures"
    }

    fn reads(&self) -> &'static [Slot] {
        &[
            Slot::Text,
            Slot::Sentences,
            Slot::TimeExpressions,
            Slot::Mentions,
            Slot::Claims(ClaimKind::Quote),
        ]
    }

    fn writes(&self) -> &'static [Slot] {
        &[Slot::Claims(ClaimKind::Quantity)]
    }

    fn run(&self, ctx: &mut DocContext) {
        let figures = self.extractor.extract(&ctx.doc, &ctx.claims);
        ctx.claims.extend(figures);
    }
}
