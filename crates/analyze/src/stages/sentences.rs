//! Sentences, then the token layer every later stage reads: two stages, so
//! each one's cost shows on its own.

use crosscheck_text::{DocContext, SentenceSplitter};

use crate::stage::{Slot, Stage};

/// Splits the text into sentences.
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
        &[Slot::Sentences]
    }

    fn run(&self, ctx: &mut DocContext) {
        ctx.doc.sentences = self
            .splitter
            .split_document(&ctx.doc.text, &ctx.doc.paragraphs);
    }
}

/// Cuts the document's token layer, sentence by sentence.
#[derive(Debug, Default)]
pub struct Tokens;

impl Stage for Tokens {
    fn name(&self) -> &'static str {
        "tokens"
    }

    fn reads(&self) -> &'static [Slot] {
        &[Slot::Text, Slot::Sentences]
    }

    fn writes(&self) -> &'static [Slot] {
        &[Slot::Tokens]
    }

    fn run(&self, ctx: &mut DocContext) {
        ctx.cut_tokens();
    }
}
