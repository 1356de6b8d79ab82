//! Named entities: a tagger built into the binary, a gazetteer of countries,
//! capitals, demonyms and metonyms, and resolution of mentions to canonical
//! entities within and across documents.

use crosscheck_model::{Document, Entity, Mention, Sentence};

/// Finds person, organisation, place, country and group mentions.
#[derive(Debug, Default)]
pub struct EntityRecognizer {}

impl EntityRecognizer {
    pub fn new() -> EntityRecognizer {
        EntityRecognizer {}
    }

    /// Mentions in `text`, with in-document canonical names filled.
    pub fn recognize(&self, _text: &str, _sentences: &[Sentence]) -> Vec<Mention> {
        Vec::new() // PLACEHOLDER
    }
}

/// Canonical entities across documents from their mentions.
pub fn resolve_entities(_documents: &[Document]) -> Vec<Entity> {
    Vec::new() // PLACEHOLDER
}
