//! The one data model every crosscheck stage reads and writes.
//!
//! Data flows one way: ingest produces [`Document`]s, analysis adds
//! [`Sentence`]s, [`TimeExpression`]s, [`Mention`]s and [`Claim`]s, and the
//! ledger stage folds everything into a [`Ledger`]. Every piece of evidence
//! is a [`Span`]: **byte** offsets into the owning document's clean `text`
//! (UTF-8), always on character boundaries, plus the exact text they cover.
//! Ledger files (one JSON object or JSON lines, with span texts or offsets
//! only) are written and read by [`json`].
//!
//! The JSON shape of these types is the public ledger format, documented in
//! `docs/ledger-schema.md`, with a JSON Schema generated from these types in
//! `docs/ledger.schema.json`; bump [`SCHEMA`] when a change breaks readers.

mod claim;
mod document;
pub mod json;
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

/// The JSON Schema of the ledger, generated from these types (with the
/// `schema` feature); `docs/ledger.schema.json` holds it, and a test checks
/// that file is current.
#[cfg(feature = "schema")]
pub fn ledger_schema() -> String {
    let schema = schemars::schema_for!(Ledger);
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}
