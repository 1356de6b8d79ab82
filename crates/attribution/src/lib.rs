//! Who said what: direct quotes, reported speech, and their sources
//! (named people, organisations, anonymous sources), with pronouns and
//! nominal anaphora resolved to earlier sources.
//!
//! The extractor reads the clean text over the document's token layer
//! (`crosscheck-text`): its units are the layer's tokens, with a quote
//! segment as one unit and an abbreviation's stop joined to its word, and a
//! word's normal form is the layer's fold. Quote marks are paired per
//! paragraph ([`quotes`]). The paragraphs are the document's own, or
//! lines, or rejoined hard-wrapped lines; a dateline opening a paragraph
//! is skipped, and headlines give no claims. The words around each quote
//! are read by rules for a speaker phrase and a speech cue (direct
//! quotes; a verb of the manner of saying, "fumed", "put it", counts only
//! next to a quote). Sentences without quotes are read for reported speech by
//! rules ("X said that ...", "according to X, ...") and, where they find
//! nothing, by a learned tagger ([`tagger`]: source, cue and content
//! spans, trained on PolNeAR, `docs/attribution-model.md`), which also
//! reads reported clauses around quoted fragments. Word lists live in
//! `data/`; each [`QuoteExtractor`] holds the [`Lexicon`] built from them
//! and the tagger's [`Model`] (the standard ones are built once and
//! shared), and hands them down to the code that reads the text. When the NER stage has filled entity mentions, they supply
//! entity names, speaker types and pronoun antecedents. Coordinated
//! speakers ("A and B said") are one claim with `co_sources`.
//!
//! Sources are resolved as the text introduces them:
//! - pronouns go to the latest fitting source (he/she by known gender, else
//!   the latest individual; they to plural or organisational sources);
//! - definite descriptions ("the diplomat") go to the latest source with
//!   that head noun;
//! - a bare surname goes to the full name met earlier ("Putin" → "Vladimir
//!   Putin", with his role);
//! - "the company" or "the agency" goes to a nearby organisation.
//!
//! What cannot be resolved stays unattributed: no name is guessed. The
//! pronoun's span is still kept as evidence.
//!
//! Representation choices:
//! - One claim per contiguous quote segment. A quote split by its
//!   attribution (“A,” he said. “B.”) gives two claims with the same
//!   source. The second has no source span when its sentence does not name
//!   the speaker. A quote standing unattributed at the end of its
//!   paragraph after an attributed one there (“A,” she said. Other words.
//!   “B.”) takes that speaker, also without a source span, unless someone
//!   else's claim came between.
//! - `quote.direct` only for words inside quotation marks that a source
//!   is said to have spoken; everything else is reported speech.
//! - `quote.text` leaves out the quote marks, and the comma that stands for
//!   a full stop before an attribution. Reported content leaves out the
//!   complementizer "that" and keeps the marks of fragments it quotes.
//! - The claim `span` covers the quote marks and the attribution.
//! - A nested attribution ("Sarn Radio quoted the minister as saying
//!   ...") names the one quoted as `source` and the one who
//!   quotes as `quoted_by`; the quote is the relayed words.
//! - `source.span` covers the speaker as named, with its appositive or
//!   relative-clause description ("Michael Kofman, a military analyst").
//!   `source.name` is the name without titles ("Mark Reynolds"), and
//!   `source.role` is the description or title ("former NATO commander").

mod attribute;
mod extract;
mod lexicon;
mod mentions;
mod paragraphs;
mod quote_clauses;
// Quote-mark pairing, reached by the seed tests; not an API.
#[doc(hidden)]
pub mod quotes;
mod relay;
mod reported;
mod resolve;
mod sources;
mod speaker;
pub mod tagger;
mod units;

use std::sync::Arc;

use crosscheck_model::{Claim, Document};
use crosscheck_text::{DocContext, TokenLayer};

pub use lexicon::Lexicon;
pub use tagger::Model;

/// Extracts quote claims (kind `quote`) from an analysed document whose
/// `sentences` are filled; `mentions` are used when present.
///
/// The extractor owns what it reads: its word lists ([`Lexicon`]) and the
/// reported-speech tagger's weights ([`Model`]). [`QuoteExtractor::new`]
/// shares the standard ones, built once per process; a test can hand it
/// others ([`QuoteExtractor::with_lexicon`], [`QuoteExtractor::with_model`]).
#[derive(Clone)]
pub struct QuoteExtractor {
    lexicon: Arc<Lexicon>,
    /// `None`: no tagger, reported speech from the rules alone.
    model: Option<Arc<Model>>,
}

// By hand: the derived form would print every table and weight.
impl std::fmt::Debug for QuoteExtractor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("QuoteExtractor")
            .field("tagger", &self.model.is_some())
            .finish_non_exhaustive()
    }
}

impl Default for QuoteExtractor {
    fn default() -> QuoteExtractor {
        QuoteExtractor::new()
    }
}

impl QuoteExtractor {
    /// The extractor with the standard lexicon and the built-in tagger
    /// model (shared, loaded once).
    pub fn new() -> QuoteExtractor {
        QuoteExtractor::with_lexicon(Lexicon::standard())
    }

    /// The extractor reading `lexicon`, with the built-in tagger model.
    pub fn with_lexicon(lexicon: Arc<Lexicon>) -> QuoteExtractor {
        QuoteExtractor {
            lexicon,
            model: Model::standard(),
        }
    }

    /// This extractor with the tagger model `model` (`None`: no tagger).
    pub fn with_model(self, model: Option<Arc<Model>>) -> QuoteExtractor {
        QuoteExtractor { model, ..self }
    }

    /// The quote claims of the document in `ctx`, read over its token
    /// layer (cut by the `tokens` stage).
    pub fn extract_context(&self, ctx: &DocContext) -> Vec<Claim> {
        extract::extract(&self.lexicon, self.model.as_deref(), &ctx.doc, &ctx.tokens)
    }

    /// The quote claims of `doc`, cutting its token layer first (for
    /// callers outside the analysis pipeline).
    pub fn extract(&self, doc: &Document) -> Vec<Claim> {
        let tokens = TokenLayer::new(&doc.text, &doc.sentences);
        extract::extract(&self.lexicon, self.model.as_deref(), doc, &tokens)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crosscheck_model::SourceKind;
    use crosscheck_text::SentenceSplitter;

    fn sources(extractor: &QuoteExtractor, text: &str) -> Vec<(SourceKind, Option<String>)> {
        let doc = SentenceSplitter::new().document("t", text);
        extractor
            .extract(&doc)
            .into_iter()
            .map(|c| (c.source.kind, c.source.name))
            .collect()
    }

    #[test]
    fn an_extractor_reads_the_lexicon_it_is_given() {
        // Invented speaker and verb: "quorbled" is no speech cue of the
        // standard lists.
        let quote = "“The ferry to Velmora will run again in spring,” Tobin Arlen quorbled.";
        let named = |found: &[(SourceKind, Option<String>)]| {
            found.iter().any(|(kind, name)| {
                *kind == SourceKind::Person && name.as_deref() == Some("Tobin Arlen")
            })
        };
        let standard = QuoteExtractor::new();
        assert!(
            !named(&sources(&standard, quote)),
            "{:?}",
            sources(&standard, quote)
        );
        let with_cue =
            QuoteExtractor::with_lexicon(Arc::new(Lexicon::load().with_cue("quorbled", true)));
        assert!(
            named(&sources(&with_cue, quote)),
            "{:?}",
            sources(&with_cue, quote)
        );

        // And a cue taken out is no longer read.
        let said = "“The ferry to Velmora will run again in spring,” Tobin Arlen said.";
        assert!(named(&sources(&standard, said)));
        let without = QuoteExtractor::with_lexicon(Arc::new(Lexicon::load().without_cue("said")));
        assert!(
            !named(&sources(&without, said)),
            "{:?}",
            sources(&without, said)
        );
    }
}
