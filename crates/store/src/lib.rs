//! A store of analysed documents and their claims, extended incrementally
//! batch by batch: a local SQLite file ([`Store`]), or a PostgreSQL database
//! a team shares ([`postgres::PgStore`]), with the same tables, versions and
//! guarantees; [`AnyStore`] opens either by its name (`story.db`,
//! `postgres://user@host/db`).
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
//!
//! ```
//! use crosscheck_model::Document;
//! use crosscheck_store::Store;
//!
//! # fn main() -> Result<(), crosscheck_store::StoreError> {
//! # let dir = tempfile::tempdir().unwrap();
//! let mut store = Store::open(dir.path().join("story.db"))?;
//! let doc = Document { id: "4f1c".into(), text: "Velmora's port reopened.".into(), ..Document::default() };
//! let stats = store.add_batch(&[(doc.clone(), Vec::new())])?;
//! assert_eq!((stats.added, stats.skipped), (1, 0));
//! // The same document again adds nothing.
//! assert_eq!(store.add_batch(&[(doc, Vec::new())])?.added, 0);
//! let (documents, claims) = store.load_all()?;
//! assert_eq!((documents.len(), claims.len()), (1, 0));
//! # Ok(())
//! # }
//! ```

mod any;
mod error;
pub mod postgres;
mod rows;
mod schema;
mod store;

pub use any::AnyStore;
pub use error::StoreError;
pub use schema::{APPLICATION_ID, SCHEMA_VERSION};
pub use store::{BatchStats, DocumentSummary, Store};
