//! Sentences, then the token layer every later stage reads.

use crosscheck_text::{DocContext, SentenceSplitter};

use crate::stage::{Slot, Stage};

/// Splits the text into sentences and cuts its tokens.
#[derive(Debug, Default)]
pub struct Sentences {
    splitter: SentenceSplitter,
}

impl Stage for Sentences {
    fn name(&self) -> &'static str {
        "sentences"
    }

    fn reads(&self) -> &'static [Slot] {
        &[Slot::Text, Slot::Paragraphs]
    }

    fn writes(&self) -> &'static [Slot] {
        &[Slot::Sentences, Slot::Tokens]
    }

    fn run(&self, ctx: &mut DocContext) {
        ctx.doc.sentences = self
            .splitter
            .split_document(&ctx.doc.text, &ctx.doc.paragraphs);
        ctx.cut_tokens();
    }
}
