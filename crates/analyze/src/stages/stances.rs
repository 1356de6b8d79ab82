//! Stances: who confirms, denies, alleges what (an adapter over
//! `crosscheck-facts`).

use crosscheck_facts::StanceExtractor;
use crosscheck_model::ClaimKind;
use crosscheck_text::DocContext;

use crate::stage::{Slot, Stage};

/// Finds stance claims; a pronoun actor inside a quote takes its source.
#[derive(Debug, Default)]
pub struct Stances {
    extractor: StanceExtractor,
}

impl Stage for Stances {
    fn name(&self) -> &'static str {
        "stances"
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
        &[Slot::Claims(ClaimKind::Stance)]
    }

    fn run(&self, ctx: &mut DocContext) {
        let stances = self.extractor.extract(&ctx.doc, &ctx.claims);
        ctx.claims.extend(stances);
    }
}
