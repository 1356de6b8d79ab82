//! Named entities: a tagger built into the binary, a gazetteer of countries,
//! capitals, demonyms and metonyms, and resolution of mentions to canonical
//! entities within and across documents.
//!
//! The tagger is a two-stage averaged structured perceptron with Viterbi
//! decoding over BILOU labels for PER, ORG, LOC and MISC, trained on
//! CoNLL-2003 newswire with word clusters, name lists and document features
//! (`tagger.rs`, `docs/ner.md`); the gazetteer then refines its names into
//! the model's finer [`EntityType`](crosscheck_model::EntityType)s
//! (countries, nationality groups) and marks metonyms, and a few measured
//! rules follow (`recognize.rs`).
//!
//! Every table the recogniser looks words up in (gazetteer, name lists,
//! word clusters, the rules' word lists) is one [`Lexicon`], and the tagger's
//! weights one model; an [`EntityRecognizer`] holds both (shared through
//! `Arc`), so a test can swap either: [`EntityRecognizer::with_lexicon`],
//! [`EntityRecognizer::from_model_bytes`]. `new()` shares the standard ones,
//! parsed once. The free functions ([`countries_named`],
//! [`resolve_entities`]) read the standard lexicon; their `Lexicon` forms
//! ([`Lexicon::countries_named`], [`resolve_entities_using`]) take one.

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
mod lexicon;
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

use std::sync::{Arc, LazyLock};

use crosscheck_model::{Document, Entity, Mention, Sentence};
use crosscheck_text::{DocContext, TokenLayer};

pub use lexicon::{Lexicon, LexiconData};
pub use recognize::{Rules, RULES};
pub use resolve::{
    resolve_entities_in, resolve_entities_using, resolve_entities_with, MentionTexts,
};

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

/// The shipped model, parsed on first use and shared by every recogniser
/// made with `new()` (parsing it takes longer than most documents do);
/// `None` if it cannot be loaded, which a test rules out.
static STANDARD_MODEL: LazyLock<Option<Arc<tagger::Tagger>>> =
    LazyLock::new(|| tagger::Tagger::from_bytes(MODEL).ok().map(Arc::new));

/// The shipped model, shared, or why it cannot be loaded.
fn standard_model() -> Result<Arc<tagger::Tagger>, NerError> {
    match &*STANDARD_MODEL {
        Some(t) => Ok(Arc::clone(t)),
        // Parsed again only to say why it failed.
        None => tagger::Tagger::from_bytes(MODEL).map(Arc::new),
    }
}

/// Finds person, organisation, place, country and group mentions.
#[derive(Debug, Clone)]
pub struct EntityRecognizer {
    /// The tagger's weights.
    tagger: Arc<tagger::Tagger>,
    /// The gazetteer, name lists, clusters and word lists read by the
    /// tagger's features and the rules.
    lexicon: Arc<Lexicon>,
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
        EntityRecognizer::with_lexicon(Lexicon::standard())
    }

    /// The recogniser with the model built into the binary reading
    /// `lexicon` instead of the standard one (tests swap word lists and
    /// gazetteer entries this way). Falls back like [`EntityRecognizer::new`].
    pub fn with_lexicon(lexicon: Arc<Lexicon>) -> EntityRecognizer {
        let tagger = standard_model().unwrap_or_default();
        EntityRecognizer {
            tagger,
            lexicon,
            rules: Rules::default(),
        }
    }

    /// The recogniser with the model built into the binary, or why that
    /// model cannot be loaded.
    pub fn try_new() -> Result<EntityRecognizer, NerError> {
        Ok(EntityRecognizer {
            tagger: standard_model()?,
            lexicon: Lexicon::standard(),
            rules: Rules::default(),
        })
    }

    /// A recogniser using another model file's bytes (see `train_ner`),
    /// with the standard lexicon.
    pub fn from_model_bytes(bytes: &[u8]) -> Result<EntityRecognizer, NerError> {
        Ok(EntityRecognizer {
            tagger: Arc::new(tagger::Tagger::from_bytes(bytes)?),
            lexicon: Lexicon::standard(),
            rules: Rules::default(),
        })
    }

    /// The lexicon this recogniser reads.
    pub fn lexicon(&self) -> &Arc<Lexicon> {
        &self.lexicon
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
            .tag_document_in(&self.lexicon, sentences)
            .iter()
            .map(|s| s.iter().map(|l| bilou::name(*l)).collect())
            .collect()
    }

    /// Bare tagger BILOU label indices (see [`bilou`]) for a document given
    /// as sentences of pre-split tokens.
    pub fn tag_labels(&self, sentences: &[Vec<&str>]) -> Vec<Vec<u8>> {
        self.tagger.tag_document_in(&self.lexicon, sentences)
    }

    /// Mentions in `text`, with in-document canonical names filled (the
    /// text's tokens are cut here; [`EntityRecognizer::extract`] reads the
    /// ones the pipeline cut).
    pub fn recognize(&self, text: &str, sentences: &[Sentence]) -> Vec<Mention> {
        let layer = TokenLayer::default();
        recognize::recognize(
            &self.tagger,
            &self.lexicon,
            text,
            sentences,
            &layer,
            self.rules,
        )
    }

    /// Mentions in a document in analysis, read from its token layer, with
    /// in-document canonical names filled.
    pub fn extract(&self, ctx: &DocContext) -> Vec<Mention> {
        let doc = &ctx.doc;
        recognize::recognize(
            &self.tagger,
            &self.lexicon,
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

/// The countries `words` (one phrase, as tokens) name, by the standard
/// lexicon's gazetteer names, in the order named: directly ("Velora"), by
/// demonym ("Veloran"), or by a capital or seat of government standing for
/// it ("the Kremlin"). See [`Lexicon::countries_named`] for another lexicon.
pub fn countries_named(words: &[&str]) -> Vec<&'static str> {
    Lexicon::standard_ref().countries_named(words)
}

/// Canonical entities across documents from their mentions (with the
/// standard lexicon's gazetteer; see [`resolve_entities_using`]).
pub fn resolve_entities(documents: &[Document]) -> Vec<Entity> {
    resolve_entities_in(documents)
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use crosscheck_model::{EntityType, Sentence};

    use crate::{EntityRecognizer, Lexicon, LexiconData};

    /// Type and canonical name of the mention spanning `surface` in `text`.
    fn found(
        recognizer: &EntityRecognizer,
        text: &str,
        surface: &str,
    ) -> Option<(EntityType, Option<String>)> {
        recognizer
            .recognize(text, &[Sentence::new(0, text.len())])
            .into_iter()
            .find(|m| m.span.text == surface)
            .map(|m| (m.kind, m.canonical))
    }

    /// A recogniser reads the lexicon it was given, not the standard one:
    /// an invented country added to a copy of the gazetteer data makes the
    /// place the tagger finds a country, with its gazetteer name.
    #[test]
    fn a_swapped_lexicon_is_the_one_read() {
        let text = "The army moved two brigades to the border with Quorvania on Monday.";
        let standard = found(&EntityRecognizer::new(), text, "Quorvania");
        assert!(
            standard
                .as_ref()
                .is_none_or(|(k, _)| *k != EntityType::Country),
            "{standard:?}"
        );
        let mut data = LexiconData::standard();
        data.countries.to_mut().push_str(
            "\nQuorvania\tQV\t10.0\t20.0\tQuorvanian Republic\tQuorvanian\tVelm\t10.1\t20.1\n",
        );
        let lexicon = Arc::new(Lexicon::from_data(&data));
        assert_eq!(lexicon.countries_named(&["Quorvanian"]), ["Quorvania"]);
        let swapped = found(&EntityRecognizer::with_lexicon(lexicon), text, "Quorvania");
        assert_eq!(
            swapped,
            Some((EntityType::Country, Some("Quorvania".to_string())))
        );
        // The standard lexicon is untouched by the swap.
        assert!(crate::countries_named(&["Quorvanian"]).is_empty());
    }
}
