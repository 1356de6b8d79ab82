//! The document context: one document as the per-document stages see it,
//! with its token layer and the claims found so far.

use crosscheck_model::{Claim, Document};

use crate::TokenLayer;

/// One document in analysis. Each stage reads what earlier stages left
/// here and adds its own part: sentences and tokens first, then time
/// expressions, entity mentions, claims, and what qualifies the claims.
#[derive(Debug, Clone, Default)]
pub struct DocContext {
    /// The document, its analysis fields filled in as stages run.
    pub doc: Document,
    /// The document's tokens, cut once its sentences are known (empty before).
    pub tokens: TokenLayer,
    /// Claims found so far, in the order the stages found them.
    pub claims: Vec<Claim>,
}

impl DocContext {
    /// A context for a document fresh from ingest.
    pub fn new(doc: Document) -> DocContext {
        DocContext {
            doc,
            tokens: TokenLayer::default(),
            claims: Vec::new(),
        }
    }

    /// Cuts the token layer for the document's current sentences.
    pub fn cut_tokens(&mut self) {
        self.tokens = TokenLayer::new(&self.doc.text, &self.doc.sentences);
    }
}
