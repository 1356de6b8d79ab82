use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::{NaiveDate, SecondsFormat, Utc};
use crosscheck_model::{Claim, Document};
use crosscheck_stories::{StoryDelta, StoryIndex};
use rusqlite::{params, Connection, ErrorCode, OpenFlags, OptionalExtension, TransactionBehavior};
use serde::Serialize;

use crate::rows::{
    decode, encode, from_i64, parse_published, to_i64, DeltaRows, IndexRows, INVARIANTS,
    LOAD_CLAIMS_OF_DOCUMENTS, LOAD_DOCUMENTS, LOAD_STORIES, LOAD_STORY_ASSIGNMENTS,
    LOAD_STORY_TERMS,
};
use crate::schema;
use crate::StoreError;

/// How long a writer waits for another process holding the store's lock.
const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// A crosscheck store: one SQLite file (plus its `-wal` and `-shm` files
/// while open).
pub struct Store {
    conn: Connection,
    path: PathBuf,
    journal_mode: String,
}

/// What one [`Store::add_batch`] did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct BatchStats {
    /// Documents newly stored.
    pub added: usize,
    /// Documents already present (by id), including repeats within the batch.
    pub skipped: usize,
    /// Claims stored with the added documents.
    pub claims: usize,
    /// The batch number the rows are tagged with; `None` when nothing was
    /// added (no batch is recorded then).
    pub batch: Option<i64>,
}

/// One stored document as `crosscheck documents --db` lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DocumentSummary {
    /// The document id.
    pub id: String,
    /// Its headline.
    pub title: Option<String>,
    /// Its outlet.
    pub outlet: Option<String>,
    /// Its publication date.
    pub published: Option<NaiveDate>,
    /// Whitespace-separated words.
    pub words: usize,
    /// Path or URL it was read from.
    pub source: String,
    /// The earlier document it near-duplicates.
    pub duplicate_of: Option<String>,
    /// How many claims it has.
    pub claims: usize,
    /// When it was stored, RFC 3339 UTC.
    pub added_at: String,
}

impl Store {
    /// Opens the store at `path`, creating it if missing and migrating it to
    /// the current schema. Refuses files that are not SQLite, SQLite files
    /// that are not crosscheck stores, and stores from a newer crosscheck.
    pub fn open(path: impl AsRef<Path>) -> Result<Store, StoreError> {
        Store::open_with(path.as_ref(), true)
    }

    /// Like [`Store::open`] but never creates a file: where a mistyped path
    /// should be an error, not a new empty store.
    pub fn open_existing(path: impl AsRef<Path>) -> Result<Store, StoreError> {
        let path = path.as_ref();
        if !path.is_file() {
            return Err(StoreError::Missing {
                path: path.to_path_buf(),
            });
        }
        Store::open_with(path, false)
    }

    /// Opens an existing store to read only (`crosscheck documents`,
    /// `report --db`): never changes the file, and works on a store the
    /// user may read but not write, in a directory they may not write. A
    /// store from an older crosscheck must be opened for writing once
    /// (any `analyze --db`) to be migrated.
    pub fn open_read_only(path: impl AsRef<Path>) -> Result<Store, StoreError> {
        let path = path.as_ref();
        if !path.is_file() {
            return Err(StoreError::Missing {
                path: path.to_path_buf(),
            });
        }
        retry_while_busy(|| {
            let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
            match Store::read_only_with(path, flags, path) {
                // A WAL store whose shared-memory file is gone (closed
                // cleanly) cannot be read where that file cannot be
                // created (a directory the user may not write, a full
                // disk): read the file as it is. That is safe when no
                // write-ahead log holds commits not yet in the file; a busy
                // store is being written: wait for it instead.
                Err(first @ (StoreError::Open { .. } | StoreError::Sqlite { .. }))
                    if !first.is_busy() && !has_pending_log(path) =>
                {
                    let uri = immutable_uri(path);
                    Store::read_only_with(path, flags | OpenFlags::SQLITE_OPEN_URI, Path::new(&uri))
                        .map_err(|_| first)
                }
                other => other,
            }
        })
    }

    fn read_only_with(path: &Path, flags: OpenFlags, open_as: &Path) -> Result<Store, StoreError> {
        let conn =
            Connection::open_with_flags(open_as, flags).map_err(|source| StoreError::Open {
                path: path.to_path_buf(),
                source,
            })?;
        conn.busy_timeout(BUSY_TIMEOUT)
            .map_err(|e| StoreError::sqlite(path, e))?;
        let header = schema::read_header(&conn).map_err(|e| StoreError::sqlite(path, e))?;
        schema::check_header(path, &header)?;
        if header.user_version < schema::SCHEMA_VERSION {
            return Err(StoreError::Outdated {
                path: path.to_path_buf(),
                found: header.user_version,
                known: schema::SCHEMA_VERSION,
            });
        }
        let journal_mode: String = conn
            .query_row("PRAGMA journal_mode", [], |r| r.get(0))
            .map_err(|e| StoreError::sqlite(path, e))?;
        Ok(Store {
            conn,
            path: path.to_path_buf(),
            journal_mode,
        })
    }

    fn open_with(path: &Path, create: bool) -> Result<Store, StoreError> {
        retry_while_busy(|| Store::try_open(path, create))
    }

    fn try_open(path: &Path, create: bool) -> Result<Store, StoreError> {
        let path = path.to_path_buf();
        let open_error = |source: rusqlite::Error| match source.sqlite_error_code() {
            Some(ErrorCode::CannotOpen) | Some(ErrorCode::PermissionDenied) => StoreError::Open {
                path: path.clone(),
                source,
            },
            _ => StoreError::sqlite(&path, source),
        };
        // No SQLITE_OPEN_URI: a path is a path, even if it starts with "file:".
        let mut flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        if create {
            flags |= OpenFlags::SQLITE_OPEN_CREATE;
        }
        let mut conn = Connection::open_with_flags(&path, flags).map_err(open_error)?;
        conn.busy_timeout(BUSY_TIMEOUT).map_err(open_error)?;

        // Look before touching: switching journal mode already writes.
        let header = schema::read_header(&conn).map_err(open_error)?;
        schema::check_header(&path, &header)?;

        let journal_mode: String = conn
            .query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))
            .map_err(open_error)?;
        // In WAL mode NORMAL never corrupts and never loses a commit when the
        // process dies; only an OS crash or power cut can lose the last few
        // commits, and those are re-created by re-running `analyze`.
        conn.pragma_update(None, "synchronous", "NORMAL")
            .map_err(open_error)?;
        // 32 MB of page cache (default 2 MB) keeps the indexes of a large
        // store in memory across batches: about 10% faster inserts.
        conn.pragma_update(None, "cache_size", -32768)
            .map_err(open_error)?;
        conn.pragma_update(None, "foreign_keys", true)
            .map_err(open_error)?;
        schema::migrate(&mut conn, &path)?;
        Ok(Store {
            conn,
            path,
            journal_mode,
        })
    }

    /// The store file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The journal mode SQLite accepted: `wal` except on file systems that
    /// cannot share memory between processes.
    pub fn journal_mode(&self) -> &str {
        &self.journal_mode
    }

    /// The schema version of the open store.
    pub fn schema_version(&self) -> Result<u32, StoreError> {
        let v: i64 = self
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .map_err(|e| self.err(e))?;
        Ok(u32::try_from(v).unwrap_or(u32::MAX))
    }

    /// Stores the documents not already present (by id) with their claims,
    /// all in one transaction: after a crash either the whole batch is there
    /// or none of it. Each claim must name its document in `Claim::doc`.
    pub fn add_batch(
        &mut self,
        batch: &[(Document, Vec<Claim>)],
    ) -> Result<BatchStats, StoreError> {
        self.add_batch_with_stories(batch, None)
    }

    /// [`Store::add_batch`], writing in the same transaction what the story
    /// index learnt from the batch (its terms, the stories it started or
    /// grew, the story each new document joined): a crash leaves both or
    /// neither.
    pub fn add_batch_with_stories(
        &mut self,
        batch: &[(Document, Vec<Claim>)],
        stories: Option<&StoryDelta>,
    ) -> Result<BatchStats, StoreError> {
        self.check_claim_owners(batch)?;
        let path = self.path.clone();
        let err = |e| StoreError::sqlite(&path, e);
        let added_at = Utc::now().to_rfc3339_opts(SecondsFormat::Secs, true);

        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(err)?;
        tx.execute(
            "INSERT INTO batches (added_at, documents, claims) VALUES (?1, 0, 0)",
            params![added_at],
        )
        .map_err(err)?;
        let batch_id = tx.last_insert_rowid();

        let mut stats = BatchStats::default();
        {
            let mut exists = tx
                .prepare_cached("SELECT 1 FROM documents WHERE id = ?1")
                .map_err(err)?;
            let mut insert_doc = tx
                .prepare_cached(
                    "INSERT INTO documents (id, source, title, outlet, published, words, \
                     duplicate_of, added_at, batch, claim_count, body) \
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
                )
                .map_err(err)?;
            let mut insert_claim = tx
                .prepare_cached(
                    "INSERT INTO claims (doc, seq, id, kind, body) VALUES (?1, ?2, ?3, ?4, ?5)",
                )
                .map_err(err)?;

            for (doc, claims) in batch {
                if exists.exists(params![doc.id]).map_err(err)? {
                    stats.skipped += 1;
                    continue;
                }
                let body = encode(&path, format!("document {}", doc.id), doc)?;
                insert_doc
                    .execute(params![
                        doc.id,
                        doc.source,
                        doc.title,
                        doc.outlet,
                        doc.published.map(|d| d.to_string()),
                        to_i64(doc.word_count()),
                        doc.duplicate_of,
                        added_at,
                        batch_id,
                        to_i64(claims.len()),
                        body,
                    ])
                    .map_err(err)?;
                for (seq, claim) in claims.iter().enumerate() {
                    let body = encode(&path, format!("claim {}", claim.id), claim)?;
                    insert_claim
                        .execute(params![
                            doc.id,
                            to_i64(seq),
                            claim.id,
                            claim.kind().name(),
                            body
                        ])
                        .map_err(err)?;
                }
                stats.added += 1;
                stats.claims += claims.len();
            }
        }

        let delta = stories.filter(|d| !d.is_empty());
        if let Some(delta) = delta {
            write_story_delta(&tx, delta, &path)?;
        }
        if stats.added == 0 {
            // Nothing new: leave no empty batch behind.
            match delta {
                None => tx.rollback().map_err(err)?,
                Some(_) => {
                    tx.execute("DELETE FROM batches WHERE id = ?1", params![batch_id])
                        .map_err(err)?;
                    tx.commit().map_err(err)?;
                }
            }
            return Ok(stats);
        }
        tx.execute(
            "UPDATE batches SET documents = ?1, claims = ?2 WHERE id = ?3",
            params![to_i64(stats.added), to_i64(stats.claims), batch_id],
        )
        .map_err(err)?;
        tx.commit().map_err(err)?;
        stats.batch = Some(batch_id);
        Ok(stats)
    }

    /// Writes what a story index learnt outside any batch (grouping
    /// documents already stored, in a store that kept no index yet).
    pub fn save_stories(&mut self, delta: &StoryDelta) -> Result<(), StoreError> {
        let path = self.path.clone();
        let err = |e| StoreError::sqlite(&path, e);
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(err)?;
        write_story_delta(&tx, delta, &path)?;
        tx.commit().map_err(err)
    }

    /// The story index the store keeps, `None` when it keeps none yet (a
    /// store written before stories, or an empty one).
    pub fn load_story_index(&self) -> Result<Option<StoryIndex>, StoreError> {
        let err = |e| self.err(e);
        let state = |key: &str| -> Result<Option<String>, StoreError> {
            self.conn
                .query_row(
                    "SELECT value FROM story_state WHERE key = ?1",
                    params![key],
                    |r| r.get(0),
                )
                .optional()
                .map_err(err)
        };
        let (Some(documents), Some(settings)) = (state("documents")?, state("settings")?) else {
            return Ok(None);
        };
        let terms = self.all_rows(LOAD_STORY_TERMS, |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
        let stories = self.all_rows(LOAD_STORIES, |r| Ok((r.get(0)?, r.get(1)?)))?;
        let assignments = self.all_rows(LOAD_STORY_ASSIGNMENTS, |r| Ok((r.get(0)?, r.get(1)?)))?;
        IndexRows {
            documents,
            settings,
            terms,
            stories,
            assignments,
        }
        .into_index(&self.path)
        .map(Some)
    }

    /// Whether a document with this id is stored.
    pub fn contains(&self, id: &str) -> Result<bool, StoreError> {
        self.conn
            .prepare_cached("SELECT 1 FROM documents WHERE id = ?1")
            .and_then(|mut s| s.exists(params![id]))
            .map_err(|e| self.err(e))
    }

    /// How many documents are stored.
    pub fn document_count(&self) -> Result<usize, StoreError> {
        self.count("SELECT count(*) FROM documents")
    }

    /// How many claims are stored.
    pub fn claim_count(&self) -> Result<usize, StoreError> {
        self.count("SELECT count(*) FROM claims")
    }

    /// Every stored document's listing fields, in the order they were added.
    pub fn documents(&self) -> Result<Vec<DocumentSummary>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT id, title, outlet, published, words, source, duplicate_of, claim_count, \
                 added_at FROM documents ORDER BY ordinal",
            )
            .map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map([], |r| {
                Ok((
                    DocumentSummary {
                        id: r.get(0)?,
                        title: r.get(1)?,
                        outlet: r.get(2)?,
                        published: None,
                        words: from_i64(r.get(4)?),
                        source: r.get(5)?,
                        duplicate_of: r.get(6)?,
                        claims: from_i64(r.get(7)?),
                        added_at: r.get(8)?,
                    },
                    r.get::<_, Option<String>>(3)?,
                ))
            })
            .map_err(|e| self.err(e))?;
        let mut out = Vec::new();
        for row in rows {
            let (mut summary, published) = row.map_err(|e| self.err(e))?;
            summary.published = published
                .map(|p| parse_published(&self.path, &summary.id, &p))
                .transpose()?;
            out.push(summary);
        }
        Ok(out)
    }

    /// The batch each stored document came in, as `(document id, batch)`
    /// in store order: batch numbers only grow, so a reader that saw batch
    /// `n` finds what changed since in the batches after it.
    pub fn document_batches(&self) -> Result<Vec<(String, i64)>, StoreError> {
        self.all_rows("SELECT id, batch FROM documents ORDER BY ordinal", |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
    }

    /// The newest batch number (0 for an empty store): a cheap check for
    /// whether another process has added documents.
    pub fn latest_batch(&self) -> Result<i64, StoreError> {
        self.conn
            .query_row("SELECT coalesce(max(id), 0) FROM batches", [], |r| r.get(0))
            .map_err(|e| self.err(e))
    }

    /// Every stored document and claim, documents in the order they were
    /// added and claims in document order then their original order: enough
    /// to rebuild the whole ledger. Read in one snapshot, so a concurrent
    /// writer cannot make a document appear without its claims.
    pub fn load_all(&self) -> Result<(Vec<Document>, Vec<Claim>), StoreError> {
        let (mut documents, mut claims) = (Vec::new(), Vec::new());
        self.for_each_document_with_claims(|document, own| {
            documents.push(document);
            claims.extend(own);
            Ok::<(), StoreError>(())
        })?;
        Ok((documents, claims))
    }

    /// Gives `each` every stored document without its claims, one at a
    /// time, in the order they were added; stops at the first error `each`
    /// returns.
    pub fn for_each_document<E: From<StoreError>>(
        &self,
        mut each: impl FnMut(Document) -> Result<(), E>,
    ) -> Result<(), E> {
        let mut stmt = self.conn.prepare(LOAD_DOCUMENTS).map_err(|e| self.err(e))?;
        let mut rows = stmt.query([]).map_err(|e| self.err(e))?;
        while let Some(row) = rows.next().map_err(|e| self.err(e))? {
            each(self.decode_row(row, "document")?)?;
        }
        Ok(())
    }

    /// Gives `each` every stored document with its claims, one document at
    /// a time, in the order [`Store::load_all`] gives them, so that a
    /// caller need not hold the whole store in memory. Read in one
    /// snapshot, as `load_all` is; stops at the first error `each` returns.
    pub fn for_each_document_with_claims<E: From<StoreError>>(
        &self,
        mut each: impl FnMut(Document, Vec<Claim>) -> Result<(), E>,
    ) -> Result<(), E> {
        let tx = self.conn.unchecked_transaction().map_err(|e| self.err(e))?;
        {
            let mut doc_stmt = tx.prepare(LOAD_DOCUMENTS).map_err(|e| self.err(e))?;
            let mut claim_stmt = tx
                .prepare(LOAD_CLAIMS_OF_DOCUMENTS)
                .map_err(|e| self.err(e))?;
            let mut doc_rows = doc_stmt.query([]).map_err(|e| self.err(e))?;
            let mut claim_rows = claim_stmt.query([]).map_err(|e| self.err(e))?;
            // Claims come in document order: each document's run is read up
            // to the first claim of the next one, which waits here.
            // (The document is the row's, not the claim body's: a body
            // changed behind the store's back cannot hold up the rest.)
            let mut waiting: Option<(String, Claim)> = None;
            while let Some(row) = doc_rows.next().map_err(|e| self.err(e))? {
                let document: Document = self.decode_row(row, "document")?;
                let mut claims = Vec::new();
                loop {
                    let (doc, claim) = match waiting.take() {
                        Some(next) => next,
                        None => match claim_rows.next().map_err(|e| self.err(e))? {
                            Some(row) => (
                                row.get::<_, String>(2).map_err(|e| self.err(e))?,
                                self.decode_row(row, "claim")?,
                            ),
                            None => break,
                        },
                    };
                    if doc == document.id {
                        claims.push(claim);
                    } else {
                        waiting = Some((doc, claim));
                        break;
                    }
                }
                each(document, claims)?;
            }
        }
        tx.finish().map_err(|e| self.err(e))?;
        Ok(())
    }

    /// The JSON body of an `(id, body)` row, decoded; `kind` names it in
    /// an error.
    fn decode_row<T: serde::de::DeserializeOwned>(
        &self,
        row: &rusqlite::Row,
        kind: &str,
    ) -> Result<T, StoreError> {
        let id: String = row.get(0).map_err(|e| self.err(e))?;
        let body: String = row.get(1).map_err(|e| self.err(e))?;
        decode(&self.path, &format!("{kind} {id}"), &body)
    }

    /// Checks the file and the store's own invariants: SQLite's integrity
    /// check, foreign keys, every document's claim count, every batch's row
    /// counts. Returns the problems found; empty means sound. Reads the
    /// whole file, so it is for `doctor`-style commands and tests, not for
    /// every open.
    pub fn verify(&self) -> Result<Vec<String>, StoreError> {
        let mut problems = Vec::new();
        let sqlite_checks: [(&str, &str); 2] = [
            ("integrity", "PRAGMA integrity_check"),
            (
                "foreign key",
                "SELECT 'table ' || \"table\" || ' row ' || rowid || ' refers to missing ' || parent \
                 FROM pragma_foreign_key_check",
            ),
        ];
        for (what, sql) in sqlite_checks.into_iter().chain(INVARIANTS) {
            let mut stmt = self.conn.prepare(sql).map_err(|e| self.err(e))?;
            let rows = stmt
                .query_map([], |r| r.get::<_, String>(0))
                .map_err(|e| self.err(e))?;
            for row in rows {
                let line = row.map_err(|e| self.err(e))?;
                if !(what == "integrity" && line == "ok") {
                    problems.push(format!("{what}: {line}"));
                }
            }
        }
        Ok(problems)
    }

    fn check_claim_owners(&self, batch: &[(Document, Vec<Claim>)]) -> Result<(), StoreError> {
        check_claim_owners(&self.path, batch)
    }

    fn count(&self, sql: &str) -> Result<usize, StoreError> {
        self.conn
            .query_row(sql, [], |r| r.get::<_, i64>(0))
            .map(from_i64)
            .map_err(|e| self.err(e))
    }

    /// Every row `sql` returns, each made by `row`.
    fn all_rows<T>(
        &self,
        sql: &str,
        row: impl FnMut(&rusqlite::Row) -> rusqlite::Result<T>,
    ) -> Result<Vec<T>, StoreError> {
        let mut stmt = self.conn.prepare_cached(sql).map_err(|e| self.err(e))?;
        let rows = stmt.query_map([], row).map_err(|e| self.err(e))?;
        rows.collect::<Result<_, _>>().map_err(|e| self.err(e))
    }

    fn err(&self, e: rusqlite::Error) -> StoreError {
        StoreError::sqlite(&self.path, e)
    }
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store").field("path", &self.path).finish()
    }
}

/// Refuses a batch in which a claim names another document than the one
/// it is given with.
pub(crate) fn check_claim_owners(
    path: &Path,
    batch: &[(Document, Vec<Claim>)],
) -> Result<(), StoreError> {
    for (doc, claims) in batch {
        if let Some(claim) = claims.iter().find(|c| c.doc != doc.id) {
            return Err(StoreError::ClaimDocumentMismatch {
                path: path.to_path_buf(),
                claim: claim.id.clone(),
                claim_doc: claim.doc.clone(),
                doc: doc.id.clone(),
            });
        }
    }
    Ok(())
}

/// Runs `open` again while another process holds a lock SQLite does not
/// wait for by itself (switching a new store to WAL, recovering a WAL),
/// up to [`BUSY_TIMEOUT`]: two runs starting on one new store both succeed.
fn retry_while_busy(
    mut open: impl FnMut() -> Result<Store, StoreError>,
) -> Result<Store, StoreError> {
    let deadline = std::time::Instant::now() + BUSY_TIMEOUT;
    let mut pause = Duration::from_millis(5);
    loop {
        match open() {
            Err(e) if e.is_busy() && std::time::Instant::now() < deadline => {
                std::thread::sleep(pause);
                pause = (pause * 2).min(Duration::from_millis(200));
            }
            other => return other,
        }
    }
}

/// Whether a non-empty write-ahead log lies beside the store: commits an
/// immutable read would miss.
fn has_pending_log(path: &Path) -> bool {
    let mut wal = path.as_os_str().to_os_string();
    wal.push("-wal");
    std::fs::metadata(PathBuf::from(wal)).is_ok_and(|m| m.len() > 0)
}

/// An SQLite URI opening `path` as immutable (no locks, no shared memory).
fn immutable_uri(path: &Path) -> String {
    let absolute = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    let mut uri = String::from("file:");
    for b in absolute.to_string_lossy().bytes() {
        if b.is_ascii_alphanumeric() || b"/-_.~".contains(&b) {
            uri.push(char::from(b));
        } else {
            uri.push_str(&format!("%{b:02X}"));
        }
    }
    uri.push_str("?immutable=1");
    uri
}

/// Writes a story index delta inside an open transaction.
fn write_story_delta(
    tx: &rusqlite::Transaction,
    delta: &StoryDelta,
    path: &Path,
) -> Result<(), StoreError> {
    let err = |e| StoreError::sqlite(path, e);
    let rows = DeltaRows::new(path, delta)?;
    let mut term = tx
        .prepare_cached(
            "INSERT INTO story_terms (id, term, df) VALUES (?1, ?2, ?3) \
             ON CONFLICT(id) DO UPDATE SET df = excluded.df",
        )
        .map_err(err)?;
    for (id, text, df) in &rows.terms {
        term.execute(params![id, text, df]).map_err(err)?;
    }
    let mut story = tx
        .prepare_cached(
            "INSERT INTO stories (number, body) VALUES (?1, ?2) \
             ON CONFLICT(number) DO UPDATE SET body = excluded.body",
        )
        .map_err(err)?;
    for (number, body) in &rows.stories {
        story.execute(params![number, body]).map_err(err)?;
    }
    let mut assign = tx
        .prepare_cached("UPDATE documents SET story = ?2 WHERE id = ?1")
        .map_err(err)?;
    for (doc, number) in &rows.assignments {
        assign.execute(params![doc, number]).map_err(err)?;
    }
    tx.execute(
        "INSERT OR REPLACE INTO story_state (key, value) VALUES ('documents', ?1), ('settings', ?2)",
        params![rows.documents, rows.settings],
    )
    .map_err(err)?;
    Ok(())
}
