use std::path::PathBuf;

use rusqlite::ErrorCode;

/// Everything that can go wrong with a store. Every message names the
/// database file, because a user may keep several.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("cannot open store {}: {source}", path.display())]
    /// The file cannot be opened.
    Open {
        /// The store file.
        path: PathBuf,
        #[source]
        /// What SQLite said.
        source: rusqlite::Error,
    },

    #[error("store {} does not exist", path.display())]
    /// The store does not exist (commands that only read).
    Missing {
        /// The store file.
        path: PathBuf,
    },

    #[error(
        "{} is not a crosscheck store: it is not an SQLite database (or it is damaged or encrypted)",
        path.display()
    )]
    /// The file is not an SQLite database.
    NotADatabase {
        /// The file.
        path: PathBuf,
    },

    #[error(
        "{} is an SQLite database but not a crosscheck store (application id {application_id:#x}); \
         refusing to add tables to it",
        path.display()
    )]
    /// An SQLite database of another program.
    ForeignDatabase {
        /// The file.
        path: PathBuf,
        /// The application id it carries.
        application_id: i32,
    },

    #[error(
        "store {} has schema version {found}, newer than this crosscheck knows (up to {known}); \
         upgrade crosscheck to use it",
        path.display()
    )]
    /// The store comes from a newer crosscheck.
    TooNew {
        /// The store file.
        path: PathBuf,
        /// Its schema version.
        found: u32,
        /// The newest version this crosscheck knows.
        known: u32,
    },

    #[error(
        "store {} has schema version {found}, older than this crosscheck's {known}; \
         run `crosscheck analyze --db` on it once to upgrade it",
        path.display()
    )]
    /// The store comes from an older crosscheck and was opened read-only,
    /// so it could not be migrated.
    Outdated {
        /// The store file.
        path: PathBuf,
        /// Its schema version.
        found: u32,
        /// The version this crosscheck writes.
        known: u32,
    },

    #[error("store {}: migration {name} failed: {source}", path.display())]
    /// A schema migration failed (the store is left as it was).
    Migration {
        /// The store file.
        path: PathBuf,
        /// The migration.
        name: &'static str,
        #[source]
        /// What failed.
        source: rusqlite::Error,
    },

    #[error("store {} is damaged: {detail}", path.display())]
    /// The store is damaged.
    Corrupt {
        /// The store file.
        path: PathBuf,
        /// What is wrong.
        detail: String,
    },

    #[error("store {}: {source}", path.display())]
    /// Any other SQLite error.
    Sqlite {
        /// The store file.
        path: PathBuf,
        #[source]
        /// What SQLite said.
        source: rusqlite::Error,
    },

    #[error("store {}: cannot encode {what}: {source}", path.display())]
    /// A document or claim cannot be serialised.
    Encode {
        /// The store file.
        path: PathBuf,
        /// Which document or claim.
        what: String,
        #[source]
        /// Why.
        source: serde_json::Error,
    },

    #[error("store {}: the stored story index is inconsistent: {reason}", path.display())]
    /// The story index tables do not fit together.
    StoryIndex {
        /// The store.
        path: PathBuf,
        /// What does not fit.
        reason: String,
    },

    #[error("store {}: cannot decode stored {what}: {source}", path.display())]
    /// A stored document or claim cannot be read back.
    Decode {
        /// The store file.
        path: PathBuf,
        /// Which document or claim.
        what: String,
        #[source]
        /// Why.
        source: serde_json::Error,
    },

    #[error(
        "store {}: claim {claim} says it belongs to document {claim_doc} but was given with document {doc}; \
         batch not written",
        path.display()
    )]
    /// A claim was given with a document it does not belong to.
    ClaimDocumentMismatch {
        /// The store file.
        path: PathBuf,
        /// The claim.
        claim: String,
        /// The document the claim names.
        claim_doc: String,
        /// The document it was given with.
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
