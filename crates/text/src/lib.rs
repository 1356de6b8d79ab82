//! Sentence splitting and tokenisation tuned for news text.
//!
//! Everything works on byte offsets into the caller's text so that later
//! stages can build exact [`crosscheck_model::Span`]s.
//!
//! [`SentenceSplitter`] never crosses a paragraph (or, without paragraphs, a
//! blank line); ends headings that lack final punctuation at their line
//! break unless the block is hard-wrapped prose; and decides each `.`, `?`,
//! `!`, `…` by the word before it (abbreviation classes in
//! `data/abbreviations.txt`, initials, dotted acronyms, list markers) and the
//! word after it (case, common sentence openers in
//! `data/sentence_starters.txt`, attributions with the verbs in
//! `data/speech_verbs.txt`). One pass over the bytes; measured against the
//! English golden rules (47 of 48, like pySBD) and on the seed articles.

mod abbreviations;
mod sentences;
mod tokens;

pub use sentences::SentenceSplitter;

/// Whether `word` (without its final dot) is a known abbreviation ("Inc",
/// "Corp", "Jr", "Oct", "Gen"; `data/abbreviations.txt`), for tokenisers
/// that keep an abbreviation's dot with it.
pub fn is_abbreviation(word: &str) -> bool {
    abbreviations::lexicon()
        .abbreviation(word, &mut String::new())
        .is_some()
}
pub use tokens::{tokenize, Token, TokenKind};
