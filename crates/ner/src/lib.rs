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

// What the training example and the evaluations reach into (the label
// scheme, chunks of gold labels, training and scoring): not an API.
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
mod gazetteer;
mod name_lists;
mod normalize;
mod recognize;
mod resolve;
mod tagger;
mod tokens;
#[doc(hidden)]
pub mod training;
mod typing;
mod viterbi;
mod weights;
mod word_memo;

use crosscheck_model::{Document, Entity, Mention, Sentence};
use crosscheck_text::{DocContext, TokenLayer};

pub use recognize::{Rules, RULES};
pub use resolve::{resolve_entities_in, resolve_entities_with, MentionTexts};

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

    /// Mentions in `text`, with in-document canonical names filled (the
    /// text's tokens are cut here; [`EntityRecognizer::extract`] reads the
    /// ones the pipeline cut).
    pub fn recognize(&self, text: &str, sentences: &[Sentence]) -> Vec<Mention> {
        let layer = TokenLayer::default();
        recognize::recognize(&self.tagger, text, sentences, &layer, self.rules)
    }

    /// Mentions in a document in analysis, read from its token layer, with
    /// in-document canonical names filled.
    pub fn extract(&self, ctx: &DocContext) -> Vec<Mention> {
        let doc = &ctx.doc;
        recognize::recognize(
            &self.tagger,
            &doc.text,
            &doc.sentences,
            &ctx.tokens,
            self.rules,
        )
    }
}

/// The tagger's words of each sentence of `text` (for examples that show
/// its labels beside them).
#[doc(hidden)]
pub fn tagger_words<'a>(text: &'a str, sentences: &[Sentence]) -> Vec<Vec<&'a str>> {
    let layer = TokenLayer::new(text, sentences);
    sentences
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let mut toks = Vec::new();
            tokens::sentence_tokens(&layer, text, i, s.range.start..s.range.end, &mut toks);
            toks.iter().map(|t| t.text(text)).collect()
        })
        .collect()
}

/// The countries `words` (one phrase, as tokens) name, by their gazetteer
/// names, in the order named: directly ("Velora"), by demonym ("Veloran"),
/// or by a capital or seat of government standing for it ("the Kremlin").
pub fn countries_named(words: &[&str]) -> Vec<&'static str> {
    let gaz = gazetteer::gazetteer();
    let mut found = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let Some((len, place)) = gaz.longest_match(words, i) else {
            i += 1;
            continue;
        };
        let country = match place {
            gazetteer::Place::Country(c) | gazetteer::Place::Demonym(Some(c)) => {
                gaz.countries.get(c)
            }
            gazetteer::Place::Capital(_) | gazetteer::Place::Seat(_) => gaz.metonym_referent(place),
            _ => None,
        };
        found.extend(country.map(|c| c.name.as_str()));
        i += len.max(1);
    }
    found
}

/// Canonical entities across documents from their mentions.
pub fn resolve_entities(documents: &[Document]) -> Vec<Entity> {
    resolve_entities_in(documents)
}
