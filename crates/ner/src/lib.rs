//! Named entities: a tagger built into the binary, a gazetteer of countries,
//! capitals, demonyms and metonyms, and resolution of mentions to canonical
//! entities within and across documents.
//!
//! The tagger is a two-stage averaged structured perceptron with Viterbi
//! decoding over BILOU labels for PER, ORG, LOC and MISC, trained on
//! CoNLL-2003 newswire with word clusters, name lists and document features
//! (`tagger.rs`, `docs/ner.md`); the gazetteer then refines its names into
//! the model's finer [`EntityType`]s (countries, nationality groups) and
//! marks metonyms, and a few measured rules follow (`recognize.rs`).

// Internals the training example, the evaluations and the ledger reach
// into; not an API (see docs/architecture.md).
#[doc(hidden)]
pub mod bilou;
mod canonical;
#[doc(hidden)]
pub mod chunks;
mod clusters;
mod doc_context;
mod doc_rules;
mod fasthash;
mod features;
#[doc(hidden)]
pub mod gazetteer;
mod name_lists;
mod normalize;
mod recognize;
mod resolve;
#[doc(hidden)]
pub mod tagger;
#[doc(hidden)]
pub mod tokens;
#[doc(hidden)]
pub mod training;
mod typing;
mod viterbi;
mod weights;
mod word_memo;

use crosscheck_model::{Document, Entity, Mention, Sentence};

pub use recognize::{Rules, RULES};
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
    rules: Rules,
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
            tagger: tagger::Tagger::default(),
            rules: Rules::default(),
        })
    }

    /// The recogniser with the model built into the binary, or why that
    /// model cannot be loaded.
    pub fn try_new() -> Result<EntityRecognizer, NerError> {
        Ok(EntityRecognizer {
            tagger: tagger::Tagger::from_bytes(MODEL)?,
            rules: Rules::default(),
        })
    }

    /// A recogniser using another model file's bytes (see `train_ner`).
    pub fn from_model_bytes(bytes: &[u8]) -> Result<EntityRecognizer, NerError> {
        Ok(EntityRecognizer {
            tagger: tagger::Tagger::from_bytes(bytes)?,
            rules: Rules::default(),
        })
    }

    /// The same recogniser applying only `rules` after the tagger (for
    /// measuring what each rule adds).
    pub fn with_rules(mut self, rules: Rules) -> EntityRecognizer {
        self.rules = rules;
        self
    }

    /// Bare tagger BILOU labels ("B-PER", "L-PER", "O", ...) for a document
    /// given as sentences of pre-split tokens.
    pub fn tag_document(&self, sentences: &[Vec<&str>]) -> Vec<Vec<String>> {
        self.tagger
            .tag_document(sentences)
            .iter()
            .map(|s| s.iter().map(|l| bilou::name(*l)).collect())
            .collect()
    }

    /// Bare tagger BILOU label indices (see [`bilou`]) for a document given
    /// as sentences of pre-split tokens.
    pub fn tag_labels(&self, sentences: &[Vec<&str>]) -> Vec<Vec<u8>> {
        self.tagger.tag_document(sentences)
    }

    /// Mentions in `text`, with in-document canonical names filled.
    pub fn recognize(&self, text: &str, sentences: &[Sentence]) -> Vec<Mention> {
        recognize::recognize(&self.tagger, text, sentences, self.rules)
    }
}

/// Canonical entities across documents from their mentions.
pub fn resolve_entities(documents: &[Document]) -> Vec<Entity> {
    resolve_entities_in(documents)
}
