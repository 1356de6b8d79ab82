//! One store, whichever back end holds it: a SQLite file or a PostgreSQL
//! database, chosen by how the store is named (`story.db` or
//! `postgres://user@host/db`).

use std::path::Path;

use crosscheck_model::{Claim, Document};
use crosscheck_stories::{StoryDelta, StoryIndex};

use crate::postgres::{is_postgres_url, PgStore};
use crate::{BatchStats, DocumentSummary, Store, StoreError};

/// A store on either back end.
#[derive(Debug)]
pub enum AnyStore {
    /// An embedded SQLite file.
    Sqlite(Store),
    /// A PostgreSQL database.
    Postgres(PgStore),
}

/// Runs the same method on whichever store it is.
macro_rules! either {
    ($self:ident, $store:ident => $call:expr) => {
        match $self {
            AnyStore::Sqlite($store) => $call,
            AnyStore::Postgres($store) => $call,
        }
    };
}

impl AnyStore {
    /// Opens the store `target` names, creating it when missing (a SQLite
    /// file, or the tables in an empty PostgreSQL database).
    pub fn open(target: &str) -> Result<AnyStore, StoreError> {
        if is_postgres_url(target) {
            PgStore::connect(target).map(AnyStore::Postgres)
        } else {
            Store::open(target).map(AnyStore::Sqlite)
        }
    }

    /// Like [`AnyStore::open`] but never creates a SQLite file (a database
    /// server is asked as it is: it exists or the connection fails).
    pub fn open_existing(target: &str) -> Result<AnyStore, StoreError> {
        if is_postgres_url(target) {
            PgStore::connect(target).map(AnyStore::Postgres)
        } else {
            Store::open_existing(Path::new(target)).map(AnyStore::Sqlite)
        }
    }

    /// The store as messages name it: its file, or its URL without
    /// password.
    pub fn name(&self) -> String {
        match self {
            AnyStore::Sqlite(s) => s.path().display().to_string(),
            AnyStore::Postgres(s) => s.name().to_string(),
        }
    }

    /// See [`Store::add_batch`].
    pub fn add_batch(
        &mut self,
        batch: &[(Document, Vec<Claim>)],
    ) -> Result<BatchStats, StoreError> {
        self.add_batch_with_stories(batch, None)
    }

    /// See [`Store::add_batch_with_stories`].
    pub fn add_batch_with_stories(
        &mut self,
        batch: &[(Document, Vec<Claim>)],
        stories: Option<&StoryDelta>,
    ) -> Result<BatchStats, StoreError> {
        either!(self, s => s.add_batch_with_stories(batch, stories))
    }

    /// See [`Store::save_stories`].
    pub fn save_stories(&mut self, delta: &StoryDelta) -> Result<(), StoreError> {
        either!(self, s => s.save_stories(delta))
    }

    /// See [`Store::load_story_index`].
    pub fn load_story_index(&mut self) -> Result<Option<StoryIndex>, StoreError> {
        either!(self, s => s.load_story_index())
    }

    /// See [`Store::load_all`].
    pub fn load_all(&mut self) -> Result<(Vec<Document>, Vec<Claim>), StoreError> {
        either!(self, s => s.load_all())
    }

    /// See [`Store::documents`].
    pub fn documents(&mut self) -> Result<Vec<DocumentSummary>, StoreError> {
        either!(self, s => s.documents())
    }

    /// See [`Store::document_batches`].
    pub fn document_batches(&mut self) -> Result<Vec<(String, i64)>, StoreError> {
        either!(self, s => s.document_batches())
    }

    /// See [`Store::latest_batch`].
    pub fn latest_batch(&mut self) -> Result<i64, StoreError> {
        either!(self, s => s.latest_batch())
    }

    /// See [`Store::contains`].
    pub fn contains(&mut self, id: &str) -> Result<bool, StoreError> {
        either!(self, s => s.contains(id))
    }

    /// See [`Store::document_count`].
    pub fn document_count(&mut self) -> Result<usize, StoreError> {
        either!(self, s => s.document_count())
    }

    /// See [`Store::claim_count`].
    pub fn claim_count(&mut self) -> Result<usize, StoreError> {
        either!(self, s => s.claim_count())
    }

    /// See [`Store::verify`].
    pub fn verify(&mut self) -> Result<Vec<String>, StoreError> {
        either!(self, s => s.verify())
    }

    /// See [`Store::schema_version`].
    pub fn schema_version(&mut self) -> Result<u32, StoreError> {
        either!(self, s => s.schema_version())
    }
}

impl From<Store> for AnyStore {
    fn from(store: Store) -> AnyStore {
        AnyStore::Sqlite(store)
    }
}

impl From<PgStore> for AnyStore {
    fn from(store: PgStore) -> AnyStore {
        AnyStore::Postgres(store)
    }
}
