//! Sentence splitting, the token layer and the document context: what every
//! per-document stage reads.
//!
//! Everything works on byte offsets into the caller's text so that later
//! stages can build exact [`crosscheck_model::Span`]s.
//!
//! [`TokenLayer`] cuts a document into tokens once (offsets, kind, shape
//! flags, folded form in one shared buffer) and gives finer [`Split`] views
//! of them; [`DocContext`] carries a document, its token layer and the
//! claims found so far from stage to stage (see `crates/analyze`).
//!
//! [`SentenceSplitter`] never crosses a paragraph (or, without paragraphs, a
//! blank line); ends headings that lack final punctuation at their line
//! break unless the block is hard-wrapped prose; and decides each `.`, `?`,
//! `!`, `…` by the word before it (abbreviation classes in
//! `data/abbreviations.txt`, initials, dotted acronyms, list markers) and the
//! word after it (case, common sentence openers in
//! `data/sentence_starters.txt`, attributions with the speech verbs shared in
//! `crosscheck-lexicon`). One pass over the bytes; measured against the
//! English golden rules (47 of 48, like pySBD) and on the seed articles.

mod abbreviations;
mod context;
pub mod fold;
mod sentences;
mod tokens;

pub use abbreviations::Lexicon as SplitLexicon;
pub use context::DocContext;
pub use fold::fold;
pub use sentences::{SentenceSplitter, MAX_SENTENCE_BYTES};
pub use tokens::{Shape, Split, Token, TokenKind, TokenLayer};

/// Whether `word` (without its final dot) is a known abbreviation ("Inc",
/// "Corp", "Jr", "Oct", "Gen"; `data/abbreviations.txt`), for tokenisers
/// that keep an abbreviation's dot with it.
pub fn is_abbreviation(word: &str) -> bool {
    abbreviations::Lexicon::standard_ref()
        .abbreviation(word, &mut String::new())
        .is_some()
}

/// Most claims of one kind (figures, stances) an extractor keeps from one
/// sentence; the rest are dropped. Real news has a handful; a hostile
/// "5% 5% 5% ..." has hundreds in every sentence.
pub const MAX_CLAIMS_PER_SENTENCE: usize = 64;

/// Most claims of one kind an extractor keeps from one document: with
/// [`MAX_SENTENCE_BYTES`] and [`MAX_CLAIMS_PER_SENTENCE`], this bounds the
/// memory a document of numbers can take.
pub const MAX_CLAIMS_PER_DOCUMENT: usize = 10_000;
