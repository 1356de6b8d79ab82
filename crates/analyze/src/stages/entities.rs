//! Named entity mentions (an adapter over `crosscheck-ner`).

use crosscheck_ner::EntityRecognizer;
use crosscheck_text::DocContext;

use crate::stage::{Slot, Stage};

/// Tags entity mentions with their in-document canonical names.
#[derive(Debug, Default)]
pub struct Entities {
    recognizer: EntityRecognizer,
}

impl Stage for Entities {
    fn name(&self) -> &'static str {
        "entities"
    }

    fn reads(&self) -> &'static [Slot] {
        &[Slot::Text, Slot::Sentences, Slot::Tokens]
    }

    fn writes(&self) -> &'static [Slot] {
        &[Slot::Mentions]
    }

    fn run(&self, ctx: &mut DocContext) {
        ctx.doc.mentions = self.recognizer.extract(ctx);
    }
}
