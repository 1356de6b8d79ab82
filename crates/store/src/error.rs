use std::path::PathBuf;

use rusqlite::ErrorCode;

/// Everything that can go wrong with a store. Every message names the
/// database file, because a user may keep several.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("cannot open store {}: {source}", path.display())]
    Open {
        path: PathBuf,
        #[source]
        source: rusqlite::Error,
    },

    #[error("store {} does not exist", path.display())]
    Missing { path: PathBuf },

    #[error(
        "{} is not a crosscheck store: it is not an SQLite database (or it is damaged or encrypted)",
        path.display()
    )]
    NotADatabase { path: PathBuf },

    #[error(
        "{} is an SQLite database but not a crosscheck store (application id {application_id:#x}); \
         refusing to add tables to it",
        path.display()
    )]
    ForeignDatabase { path: PathBuf, application_id: i32 },

    #[error(
        "store {} has schema version {found}, newer than this crosscheck knows (up to {known}); \
         upgrade crosscheck to use it",
        path.display()
    )]
    TooNew {
        path: PathBuf,
        found: u32,
        known: u32,
    },

    #[error(
        "store {} has schema version {found}, older than this crosscheck's {known}; \
         run `crosscheck analyze --db` on it once to upgrade it",
        path.display()
    )]
    Outdated {
        path: PathBuf,
        found: u32,
        known: u32,
    },

    #[error("store {}: migration {name} failed: {source}", path.display())]
    Migration {
        path: PathBuf,
        name: &'static str,
        #[source]
        source: rusqlite::Error,
    },

    #[error("store {} is damaged: {detail}", path.display())]
    Corrupt { path: PathBuf, detail: String },

    #[error("store {}: {source}", path.display())]
    Sqlite {
        path: PathBuf,
        #[source]
        source: rusqlite::Error,
    },

    #[error("store {}: cannot encode {what}: {source}", path.display())]
    Encode {
        path: PathBuf,
        what: String,
        #[source]
        source: serde_json::Error,
    },

    #[error("store {}: cannot decode stored {what}: {source}", path.display())]
    Decode {
        path: PathBuf,
        what: String,
        #[source]
        source: serde_json::Error,
    },

    #[error(
        "store {}: claim {claim} says it belongs to document {claim_doc} but was given with document {doc}; \
         batch not written",
        path.display()
    )]
    ClaimDocumentMismatch {
        path: PathBuf,
        claim: String,
        claim_doc: String,
        doc: String,
    },
}

impl StoreError {
    /// Another connection holds a lock: trying again later may succeed.
    pub fn is_busy(&self) -> bool {
        let source = match self {
            StoreError::Open { source, .. }
            | StoreError::Sqlite { source, .. }
            | StoreError::Migration { source, .. } => source,
            _ => return false,
        };
        matches!(
            source.sqlite_error_code(),
            Some(ErrorCode::DatabaseBusy) | Some(ErrorCode::DatabaseLocked)
        )
    }

    /// Classifies an SQLite error: damaged or foreign files get their own
    /// variants so callers can tell "wrong file" from "busy" or "disk full".
    pub(crate) fn sqlite(path: &std::path::Path, source: rusqlite::Error) -> StoreError {
        let path = path.to_path_buf();
        match source.sqlite_error_code() {
            Some(ErrorCode::NotADatabase) => StoreError::NotADatabase { path },
            Some(ErrorCode::DatabaseCorrupt) => StoreError::Corrupt {
                path,
                detail: source.to_string(),
            },
            _ => StoreError::Sqlite { path, source },
        }
    }
}
