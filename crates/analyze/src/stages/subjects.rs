//! What each figure counts and what each stance is about, normalised once
//! here so that the ledger only groups (see `crosscheck-subject`).

use crosscheck_model::{Claim, ClaimKind};
use crosscheck_subject::Normalizer;
use crosscheck_text::DocContext;

use crate::stage::{Slot, Stage};

/// Fills `quantity.measure` and `stance.matter`.
#[derive(Debug, Default)]
pub struct Subjects {
    normalizer: Normalizer,
}

impl Subjects {
    /// Fills the claims of stores written before this stage existed (and
    /// any claims built outside the pipeline).
    pub fn fill(&self, claims: &mut [Claim]) {
        for claim in claims {
            self.normalizer.fill(claim);
        }
    }
}

impl Stage for Subjects {
    fn name(&self) -> &'static str {
        "subjects"
    }

    fn reads(&self) -> &'static [Slot] {
        &[
            Slot::Claims(ClaimKind::Quantity),
            Slot::Claims(ClaimKind::Stance),
        ]
    }

    fn writes(&self) -> &'static [Slot] {
        &[Slot::Subjects]
    }

    fn run(&self, ctx: &mut DocContext) {
        self.fill(&mut ctx.claims);
    }
}
