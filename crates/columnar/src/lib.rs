//! Documents, mentions and claims as Parquet tables, the columnar form of
//! the ledger and the hand-over between `crosscheck map` and `reduce`.
//!
//! A directory holds three tables, each a folder of parts
//! (`documents/NAME.parquet`, `mentions/NAME.parquet`,
//! `claims/NAME.parquet`), so DuckDB, Spark, pandas and DataFusion read a
//! folder as one table. The columns are the row types of [`rows`] and are
//! documented in `docs/parquet.md`. Offsets are byte offsets into the
//! document's `text`, as in the ledger JSON; span texts are not copied
//! (a mention keeps its words).
//!
//! Rows are converted with `serde_arrow` and written with the `parquet`
//! crate (zstd), a batch at a time, row groups closed at a bounded size, so
//! writing a part holds one batch, not the part. Reading a part back gives
//! exactly the documents and claims that were written ([`read_part`]).

mod part;
pub mod rows;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crosscheck_model::Ledger;

pub use part::{
    claim_fields, document_fields, mention_fields, part_names, read_part, Part, PartStats,
    PartWriter, FORMAT, TABLES,
};

/// What went wrong writing or reading Parquet tables.
#[derive(Debug, thiserror::Error)]
pub enum ColumnarError {
    /// A file or directory could not be read or written.
    #[error("{path}: {source}", path = path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// The Parquet library refused a file.
    #[error("{path}: {source}", path = path.display())]
    Parquet {
        /// The file.
        path: PathBuf,
        /// Why.
        source: parquet::errors::ParquetError,
    },
    /// A batch could not be decoded.
    #[error("{path}: {source}", path = path.display())]
    Arrow {
        /// The file.
        path: PathBuf,
        /// Why.
        source: arrow_schema::ArrowError,
    },
    /// Rows and Arrow arrays did not convert.
    #[error("converting rows: {0}")]
    Rows(#[from] serde_arrow::Error),
    /// A setting the Parquet library refused.
    #[error("parquet settings: {0}")]
    Settings(#[from] parquet::errors::ParquetError),
    /// A file that is not what a part should hold.
    #[error("{path}: {message}", path = path.display())]
    Invalid {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        message: String,
    },
}

impl ColumnarError {
    fn io(path: &Path, source: std::io::Error) -> ColumnarError {
        ColumnarError::Io {
            path: path.to_path_buf(),
            source,
        }
    }

    fn parquet(path: &Path, source: parquet::errors::ParquetError) -> ColumnarError {
        ColumnarError::Parquet {
            path: path.to_path_buf(),
            source,
        }
    }
}

/// Writes a whole ledger's documents, mentions (with their ledger entity)
/// and claims as part `name` of the tables under `dir`.
pub fn write_ledger(dir: &Path, name: &str, ledger: &Ledger) -> Result<PartStats, ColumnarError> {
    let mut entity_of: HashMap<(&str, usize, usize), &str> = HashMap::new();
    for entity in &ledger.entities {
        for mention in &entity.mentions {
            entity_of.insert(
                (&*mention.doc, mention.span.start, mention.span.end),
                entity.id.as_str(),
            );
        }
    }
    let mut claims_of: HashMap<&str, Vec<&crosscheck_model::Claim>> = HashMap::new();
    for claim in &ledger.claims {
        claims_of.entry(claim.doc.as_str()).or_default().push(claim);
    }
    let mut part = PartWriter::create(dir, name)?;
    for doc in &ledger.documents {
        let entities: Vec<Option<String>> = doc
            .mentions
            .iter()
            .map(|m| {
                entity_of
                    .get(&(doc.id.as_str(), m.span.start, m.span.end))
                    .map(|e| e.to_string())
            })
            .collect();
        let claims = claims_of.remove(doc.id.as_str()).unwrap_or_default();
        part.add(doc, claims, &entities)?;
    }
    part.finish()
}
