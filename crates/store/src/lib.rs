//! A local SQLite store of analysed documents and their claims, extended
//! incrementally batch by batch.
//!
//! One file holds every document ever analysed for a story, so `analyze`
//! can be re-run on a growing pile of articles: documents already stored
//! (same content-derived id) are skipped, new ones extend the story, and
//! [`Store::load_all`] gives back everything to rebuild the ledger.
//!
//! Guarantees: WAL journal, one transaction per [`Store::add_batch`] (a
//! killed process leaves each batch wholly present or wholly absent),
//! versioned migrations in `migrations/`, and refusal of files that are not
//! crosscheck stores or come from a newer crosscheck.

mod error;
mod schema;
mod store;

pub use error::StoreError;
pub use schema::{APPLICATION_ID, SCHEMA_VERSION};
pub use store::{BatchStats, DocumentSummary, Store};
