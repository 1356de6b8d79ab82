//! Sentence splitting and tokenisation tuned for news text.
//!
//! Everything works on byte offsets into the caller's text so that later
//! stages can build exact [`crosscheck_model::Span`]s.

mod abbreviations;
mod sentences;
mod tokens;

pub use sentences::SentenceSplitter;
pub use tokens::{tokenize, Token, TokenKind};
