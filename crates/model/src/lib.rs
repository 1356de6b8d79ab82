//! The one data model every crosscheck stage reads and writes.
//!
//! Data flows one way: ingest produces [`Document`]s, analysis adds
//! [`Sentence`]s, [`TimeExpression`]s, [`Mention`]s and [`Claim`]s, and the
//! ledger stage folds everything into a [`Ledger`]. Every piece of evidence
//! is a [`Span`]: **byte** offsets into the owning document's clean `text`
//! (UTF-8), always on character boundaries, plus the exact text they cover.
//!
//! The JSON shape of these types is the public ledger format, documented in
//! `docs/ledger-schema.md`; bump [`SCHEMA`] when a change breaks readers.

mod claim;
mod document;
mod ledger;
mod names;
mod span;
pub mod upgrade;

pub use claim::*;
pub use document::*;
pub use ledger::*;
pub use span::*;

/// The ledger schema identifier written into every ledger.
pub const SCHEMA: &str = "crosscheck.ledger/2";
