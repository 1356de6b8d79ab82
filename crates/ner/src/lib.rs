//! Named entities: a tagger built into the binary, a gazetteer of countries,
//! capitals, demonyms and metonyms, and resolution of mentions to canonical
//! entities within and across documents.
//!
//! The tagger is an averaged perceptron over hashed features trained on
//! WikiANN English plus invented newswire sentences (see `docs/ner.md`);
//! gazetteer lookups then refine its PER/ORG/LOC chunks into the model's
//! finer [`EntityType`]s and add nationality groups and metonyms.

// Internals the training example, the evaluations and the ledger reach
// into; not an API (they move onto the shared token layer, see
// docs/architecture.md).
#[doc(hidden)]
pub mod chunks;
mod fasthash;
mod features;
#[doc(hidden)]
pub mod gazetteer;
mod normalize;
mod recognize;
mod resolve;
#[doc(hidden)]
pub mod tagger;
#[doc(hidden)]
pub mod tokens;
#[doc(hidden)]
pub mod training;
mod word_cache;

use crosscheck_model::{Document, Entity, Mention, Sentence};

pub use resolve::resolve_entities_in;

/// The shipped tagger model (see `docs/ner.md` for how it was trained).
const MODEL: &[u8] = include_bytes!("../model/ner.bin");

#[derive(Debug, thiserror::Error)]
/// Why the tagger model cannot be loaded.
pub enum NerError {
    #[error("reading model: {0}")]
    /// The model bytes cannot be read (decompressed).
    Model(#[source] std::io::Error),
    #[error("bad model: {0}")]
    /// The model is not in the expected format.
    Format(String),
}

/// Finds person, organisation, place, country and group mentions.
#[derive(Debug)]
pub struct EntityRecognizer {
    tagger: tagger::Tagger,
}

impl Default for EntityRecognizer {
    fn default() -> Self {
        EntityRecognizer::new()
    }
}

impl EntityRecognizer {
    /// The recogniser with the model built into the binary. Should that
    /// model ever fail to load, recognition falls back to the gazetteer alone
    /// rather than failing the pipeline; [`EntityRecognizer::try_new`] reports
    /// the error instead.
    pub fn new() -> EntityRecognizer {
        EntityRecognizer::try_new().unwrap_or_else(|_| EntityRecognizer {
            tagger: tagger::Tagger::zeroed(1),
        })
    }

    /// The recogniser with the model built into the binary, or why that
    /// model cannot be loaded.
    pub fn try_new() -> Result<EntityRecognizer, NerError> {
        Ok(EntityRecognizer {
            tagger: tagger::Tagger::from_bytes(MODEL)?,
        })
    }

    /// A recogniser using another model file's bytes (see `train_ner`).
    pub fn from_model_bytes(bytes: &[u8]) -> Result<EntityRecognizer, NerError> {
        Ok(EntityRecognizer {
            tagger: tagger::Tagger::from_bytes(bytes)?,
        })
    }

    /// Bare tagger BIO labels ("B-PER", "O", ...) for pre-split tokens.
    pub fn tag_tokens(&self, words: &[&str]) -> Vec<&'static str> {
        self.tagger
            .tag(words, gazetteer::gazetteer())
            .iter()
            .map(|l| tagger::LABELS.get(*l as usize).copied().unwrap_or("O"))
            .collect()
    }

    /// Mentions in `text`, with in-document canonical names filled.
    pub fn recognize(&self, text: &str, sentences: &[Sentence]) -> Vec<Mention> {
        recognize::recognize(&self.tagger, text, sentences)
    }
}

/// Canonical entities across documents from their mentions.
pub fn resolve_entities(documents: &[Document]) -> Vec<Entity> {
    resolve_entities_in(documents)
}
