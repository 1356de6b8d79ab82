//! The server's state: the store it reads and writes, and the snapshot
//! pages are rendered from, swapped whole after every write.

use std::sync::{Arc, Mutex, RwLock};

use crosscheck_ingest::NearDuplicateIndex;
use crosscheck_store::{AnyStore, BatchStats, StoreError};
use crosscheck_stories::{story_id, StoryIndex};

use crate::error::AppError;
use crate::snapshot::{Snapshot, Stored};

/// Limits on what a client may send.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Largest request body accepted by `POST /api/documents` and the
    /// upload form, in bytes.
    pub max_upload: usize,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_upload: 32 * 1024 * 1024,
        }
    }
}

/// The store, behind a lock: one writer at a time, and a connection is
/// not shared between threads.
pub struct Db {
    store: Mutex<AnyStore>,
    name: String,
    /// Near-duplicate index over every stored document, built at the first
    /// upload and kept (building it reads every document).
    duplicates: Mutex<Option<NearDuplicateIndex>>,
}

impl std::fmt::Debug for Db {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Db").field("store", &self.name).finish()
    }
}

impl Db {
    /// Opens the store `target` names: a SQLite file that must exist (a
    /// mistyped path is an error, not a new empty store) or a
    /// `postgres://` URL.
    pub fn open(target: &str) -> Result<Db, StoreError> {
        Ok(Db::new(AnyStore::open_existing(target)?))
    }

    /// Wraps an open store.
    pub fn new(store: impl Into<AnyStore>) -> Db {
        let store = store.into();
        Db {
            name: store.name(),
            store: Mutex::new(store),
            duplicates: Mutex::new(None),
        }
    }

    /// The store, as messages name it.
    pub fn name(&self) -> &str {
        &self.name
    }

    fn store(&self) -> Result<std::sync::MutexGuard<'_, AnyStore>, AppError> {
        self.store
            .lock()
            .map_err(|_| AppError::Internal("the store lock was poisoned by a failed write".into()))
    }

    /// Everything stored, for a snapshot. Claims stored before analysis
    /// normalised what figures count get it now, as analysis would.
    pub fn load(&self) -> Result<Stored, AppError> {
        let mut store = self.store()?;
        let (documents, mut claims) = store.load_all()?;
        let batches = store.document_batches()?.into_iter().collect();
        // The stored index follows the merges it made since a document was
        // stored; a store without one is grouped when the ledger is built.
        let stories = store.load_story_index()?.unwrap_or_default();
        drop(store);
        crosscheck_analyze::stages::Subjects::default().fill(&mut claims);
        Ok(Stored {
            documents,
            claims,
            batches,
            stories,
        })
    }

    /// The newest batch in the store.
    pub fn latest_batch(&self) -> Result<i64, AppError> {
        Ok(self.store()?.latest_batch()?)
    }

    /// Marks near-duplicates of stored (or earlier) documents, groups the
    /// new ones into the stored stories, then stores the documents with
    /// their claims and what the story index learnt in one transaction.
    pub fn add(
        &self,
        snapshot: &Snapshot,
        mut batch: Vec<(crosscheck_model::Document, Vec<crosscheck_model::Claim>)>,
    ) -> Result<BatchStats, AppError> {
        let mut duplicates = self
            .duplicates
            .lock()
            .map_err(|_| AppError::Internal("the duplicate index lock was poisoned".into()))?;
        let index = duplicates.get_or_insert_with(|| {
            let mut index = NearDuplicateIndex::new();
            for doc in &snapshot.ledger.documents {
                index.check(doc);
            }
            index
        });
        for (doc, _) in &mut batch {
            if snapshot.document(&doc.id).is_none() && doc.duplicate_of.is_none() {
                doc.duplicate_of = index.check(doc);
            }
        }
        let mut store = self.store()?;
        let mut stories = match store.load_story_index()? {
            Some(stories) => stories,
            None => {
                // A store written before stories: group what it holds
                // first, as `crosscheck analyze --db` does.
                let mut stories = StoryIndex::new();
                for doc in &snapshot.ledger.documents {
                    stories.add_document(doc);
                }
                stories
            }
        };
        for (doc, _) in &mut batch {
            if snapshot.document(&doc.id).is_none() {
                let number = stories.add_document(doc);
                doc.story = Some(story_id(number));
            }
        }
        let delta = stories.take_delta();
        Ok(store.add_batch_with_stories(&batch, Some(&delta))?)
    }
}

/// What every handler shares.
#[derive(Debug)]
pub struct App {
    db: Db,
    snapshot: RwLock<Arc<Snapshot>>,
    /// Limits on requests.
    pub limits: Limits,
    /// Held while a write rebuilds the snapshot, so writes queue instead of
    /// rebuilding twice at once.
    writing: tokio::sync::Mutex<()>,
    analyzer: std::sync::OnceLock<crosscheck_analyze::Analyzer>,
    /// Uploads running in the background.
    pub jobs: crate::jobs::Jobs,
}

impl App {
    /// Loads the store and builds the first snapshot.
    pub fn new(db: Db, limits: Limits) -> Result<App, AppError> {
        let snapshot = Snapshot::build(db.load()?)?;
        Ok(App {
            db,
            snapshot: RwLock::new(Arc::new(snapshot)),
            limits,
            writing: tokio::sync::Mutex::new(()),
            analyzer: std::sync::OnceLock::new(),
            jobs: crate::jobs::Jobs::default(),
        })
    }

    /// The current snapshot.
    pub fn snapshot(&self) -> Arc<Snapshot> {
        match self.snapshot.read() {
            Ok(guard) => Arc::clone(&guard),
            Err(poisoned) => Arc::clone(&poisoned.into_inner()),
        }
    }

    /// The store.
    pub fn db(&self) -> &Db {
        &self.db
    }

    /// The analyzer uploads go through, built at the first upload.
    pub fn analyzer(&self) -> &crosscheck_analyze::Analyzer {
        self.analyzer.get_or_init(crosscheck_analyze::Analyzer::new)
    }

    /// Takes the write turn.
    pub async fn write_turn(&self) -> tokio::sync::MutexGuard<'_, ()> {
        self.writing.lock().await
    }

    /// Rebuilds the snapshot from the store and swaps it in (blocking:
    /// call from a blocking task, holding the write turn).
    pub fn reload(&self) -> Result<Arc<Snapshot>, AppError> {
        let fresh = Arc::new(Snapshot::build(self.db.load()?)?);
        match self.snapshot.write() {
            Ok(mut guard) => *guard = Arc::clone(&fresh),
            Err(poisoned) => *poisoned.into_inner() = Arc::clone(&fresh),
        }
        Ok(fresh)
    }
}
