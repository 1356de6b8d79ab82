//! Figures (counts and amounts with their bounds, subjects and claimants)
//! and stances (who confirms, denies, alleges what): adapters over
//! `crosscheck-facts`.

use crosscheck_facts::{QuantityExtractor, StanceExtractor};
use crosscheck_model::ClaimKind;
use crosscheck_text::DocContext;

use crate::stage::{Slot, Stage};

/// What both extractors read: a figure or stance inside a quote takes the
/// quote's source, mentions decide source kinds, dates qualify claims.
const READS: &[Slot] = &[
    Slot::Text,
    Slot::Sentences,
    Slot::Tokens,
    Slot::TimeExpressions,
    Slot::Mentions,
    Slot::Claims(ClaimKind::Quote),
];

/// Finds quantity claims.
#[derive(Debug, Default)]
pub struct Figures {
    extractor: QuantityExtractor,
}

impl Stage for Figures {
    fn name(&self) -> &'static str {
        "figures"
    }

    fn reads(&self) -> &'static [Slot] {
        READS
    }

    fn writes(&self) -> &'static [Slot] {
        &[Slot::Claims(ClaimKind::Quantity)]
    }

    fn run(&self, ctx: &mut DocContext) {
        let figures = self.extractor.extract_in(ctx);
        ctx.claims.extend(figures);
    }
}

/// Finds stance claims.
#[derive(Debug, Default)]
pub struct Stances {
    extractor: StanceExtractor,
}

impl Stage for Stances {
    fn name(&self) -> &'static str {
        "stances"
    }

    fn reads(&self) -> &'static [Slot] {
        READS
    }

    fn writes(&self) -> &'static [Slot] {
        &[Slot::Claims(ClaimKind::Stance)]
    }

    fn run(&self, ctx: &mut DocContext) {
        let stances = self.extractor.extract_in(ctx);
        ctx.claims.extend(stances);
    }
}
