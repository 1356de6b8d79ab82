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
//! quotes). Sentences without quotes are read for reported speech by
//! rules ("X said that ...", "according to X, ...") and, where they find
//! nothing, by a learned tagger ([`tagger`]: source, cue and content
//! spans, trained on PolNeAR, `docs/attribution-model.md`), which also
//! reads reported clauses around quoted fragments. Word lists live in
//! `data/`. When the NER stage has filled entity mentions, they supply
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
//! - `source.span` covers the speaker as named, with its appositive or
//!   relative-clause description ("Michael Kofman, a military analyst").
//!   `source.name` is the name without titles ("Mark Reynolds"), and
//!   `source.role` is the description or title ("former NATO commander").

mod attribute;
mod extract;
mod lexicon;
mod mentions;
mod paragraphs;
// Quote-mark pairing, reached by the seed tests; not an API.
#[doc(hidden)]
pub mod quotes;
mod resolve;
mod speaker;
pub mod tagger;
mod units;

use crosscheck_model::{Claim, Document};
use crosscheck_text::{DocContext, TokenLayer};

/// Extracts quote claims (kind `quote`) from an analysed document whose
/// `sentences` are filled; `mentions` are used when present.
#[derive(Debug, Default)]
pub struct QuoteExtractor {}

impl QuoteExtractor {
    /// The extractor (its lexicon is shared and loaded once).
    pub fn new() -> QuoteExtractor {
        QuoteExtractor {}
    }

    /// The quote claims of the document in `ctx`, read over its token
    /// layer (cut by the `tokens` stage).
    pub fn extract_context(&self, ctx: &DocContext) -> Vec<Claim> {
        extract::extract(&ctx.doc, &ctx.tokens)
    }

    /// The quote claims of `doc`, cutting its token layer first (for
    /// callers outside the analysis pipeline).
    pub fn extract(&self, doc: &Document) -> Vec<Claim> {
        extract::extract(doc, &TokenLayer::new(&doc.text, &doc.sentences))
    }
}
