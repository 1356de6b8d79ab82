//! The PostgreSQL back end: the same tables, versions and guarantees as the
//! SQLite store, for a team sharing one store.
//!
//! - Schema: `migrations/postgres/`, one file per version of
//!   `migrations/` in PostgreSQL's dialect, applied in order under an
//!   advisory lock, each in a transaction with the version bump; the
//!   version lives in a `crosscheck_meta` table, which also marks the
//!   database as a crosscheck store (a database holding other tables
//!   without it is refused untouched).
//! - Writes: one transaction per batch under an advisory lock (writers
//!   queue, as SQLite's write lock makes them), documents and claims sent
//!   with `COPY … FROM STDIN BINARY`.
//! - Reads: everything in one repeatable-read snapshot.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use chrono::{SecondsFormat, Utc};
use crosscheck_model::{Claim, Document};
use crosscheck_stories::{StoryDelta, StoryIndex};
use postgres::binary_copy::BinaryCopyInWriter;
use postgres::types::{ToSql, Type};
use postgres::{Client, IsolationLevel, NoTls, Transaction};

use crate::rows::{
    decode, encode, from_i64, parse_published, to_i64, DeltaRows, IndexRows, INVARIANTS,
    LOAD_CLAIMS, LOAD_DOCUMENTS, LOAD_STORIES, LOAD_STORY_ASSIGNMENTS, LOAD_STORY_TERMS,
};
use crate::schema::upgrade_claim;
use crate::{BatchStats, DocumentSummary, StoreError, SCHEMA_VERSION};

/// Advisory lock keys: "CCST" (the SQLite application id) for schema
/// changes, +1 for batches.
const MIGRATION_LOCK: i64 = 0x4343_5354;
const WRITE_LOCK: i64 = 0x4343_5355;

struct Migration {
    version: u32,
    name: &'static str,
    sql: &'static str,
    rewrite_claims: bool,
}

/// Every version, oldest first, numbered as the SQLite migrations.
const MIGRATIONS: &[Migration] = &[
    Migration {
        version: 1,
        name: "0001_initial",
        sql: include_str!("../migrations/postgres/0001_initial.sql"),
        rewrite_claims: false,
    },
    Migration {
        version: 2,
        name: "0002_ledger_schema_2",
        sql: include_str!("../migrations/postgres/0002_ledger_schema_2.sql"),
        rewrite_claims: true,
    },
    Migration {
        version: 3,
        name: "0003_stories",
        sql: include_str!("../migrations/postgres/0003_stories.sql"),
        rewrite_claims: false,
    },
];

/// A crosscheck store in a PostgreSQL database.
///
/// Its methods block (the synchronous `postgres` client): call them from a
/// thread that is not driving an async runtime. Dropping it is safe
/// anywhere: the connection is closed on a thread of its own.
pub struct PgStore {
    /// `None` only while being dropped.
    client: Option<Client>,
    /// The URL without its password, for messages.
    name: String,
}

impl Drop for PgStore {
    fn drop(&mut self) {
        // The synchronous client blocks on its own runtime when it closes,
        // which panics on a thread driving another runtime (a server's).
        if let Some(client) = self.client.take() {
            let _ = std::thread::spawn(move || drop(client)).join();
        }
    }
}

impl std::fmt::Debug for PgStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PgStore").field("name", &self.name).finish()
    }
}

/// `url` with any password replaced by `***`.
pub fn redact(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_string();
    };
    let (authority, tail) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
    match authority.rsplit_once('@') {
        Some((user, host)) => match user.split_once(':') {
            Some((name, _)) => format!("{scheme}://{name}:***@{host}{tail}"),
            None => url.to_string(),
        },
        None => url.to_string(),
    }
}

/// Whether `target` names a PostgreSQL database rather than a file.
pub fn is_postgres_url(target: &str) -> bool {
    target.starts_with("postgres://") || target.starts_with("postgresql://")
}

impl PgStore {
    /// Connects to the database at `url` (`postgres://user@host:port/db`),
    /// creating the store's tables in an empty database and migrating an
    /// older store. Refuses databases holding other programs' tables and
    /// stores from a newer crosscheck.
    pub fn connect(url: &str) -> Result<PgStore, StoreError> {
        let name = redact(url);
        let client = Client::connect(url, NoTls).map_err(|source| StoreError::Postgres {
            store: name.clone(),
            source,
        })?;
        let mut store = PgStore {
            client: Some(client),
            name,
        };
        store.migrate()?;
        Ok(store)
    }

    fn client(&mut self) -> &mut Client {
        match self.client.as_mut() {
            Some(client) => client,
            None => unreachable!("the client is taken only when the store is dropped"),
        }
    }

    /// The database, as named in messages (no password).
    pub fn name(&self) -> &str {
        &self.name
    }

    fn err(&self, source: postgres::Error) -> StoreError {
        StoreError::Postgres {
            store: self.name.clone(),
            source,
        }
    }

    fn path(&self) -> PathBuf {
        PathBuf::from(&self.name)
    }

    /// A read-only transaction in which every read sees the same state.
    fn snapshot(&mut self) -> Result<Transaction<'_>, StoreError> {
        let name = self.name.clone();
        self.client()
            .build_transaction()
            .isolation_level(IsolationLevel::RepeatableRead)
            .read_only(true)
            .start()
            .map_err(pg_error(&name))
    }

    fn migrate(&mut self) -> Result<(), StoreError> {
        let name = self.name.clone();
        let pg = pg_error(&name);
        let mut tx = self.client().transaction().map_err(pg)?;
        tx.execute("SELECT pg_advisory_xact_lock($1)", &[&MIGRATION_LOCK])
            .map_err(pg)?;
        let has_meta: bool = tx
            .query_one("SELECT to_regclass('crosscheck_meta') IS NOT NULL", &[])
            .map_err(pg)?
            .get(0);
        if !has_meta {
            let tables: i64 = tx
                .query_one(
                    "SELECT count(*) FROM information_schema.tables \
                     WHERE table_schema = current_schema()",
                    &[],
                )
                .map_err(pg)?
                .get(0);
            if tables > 0 {
                return Err(StoreError::ForeignPostgres {
                    store: name.clone(),
                });
            }
            tx.batch_execute(
                "CREATE TABLE crosscheck_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL); \
                 INSERT INTO crosscheck_meta VALUES ('application', 'crosscheck'), ('schema_version', '0');",
            )
            .map_err(pg)?;
        }
        let version = read_version(&mut tx, &name)?;
        if version > SCHEMA_VERSION {
            return Err(StoreError::TooNew {
                path: PathBuf::from(&name),
                found: version,
                known: SCHEMA_VERSION,
            });
        }
        for migration in MIGRATIONS.iter().filter(|m| m.version > version) {
            let failed = |detail: String| StoreError::PostgresMigration {
                store: name.clone(),
                name: migration.name,
                detail,
            };
            let mut step = tx.transaction().map_err(pg)?;
            step.batch_execute(migration.sql)
                .map_err(|e| failed(e.to_string()))?;
            if migration.rewrite_claims {
                rewrite_claims(&mut step).map_err(&failed)?;
            }
            step.execute(
                "UPDATE crosscheck_meta SET value = $1 WHERE key = 'schema_version'",
                &[&migration.version.to_string()],
            )
            .map_err(|e| failed(e.to_string()))?;
            step.commit().map_err(|e| failed(e.to_string()))?;
        }
        tx.commit().map_err(pg)
    }

    /// The schema version of the store.
    pub fn schema_version(&mut self) -> Result<u32, StoreError> {
        let name = self.name.clone();
        let pg = pg_error(&name);
        let mut tx = self.client().transaction().map_err(pg)?;
        let version = read_version(&mut tx, &name)?;
        tx.commit().map_err(pg)?;
        Ok(version)
    }

    /// Stores the documents not already present (by id) with their claims,
    /// all in one transaction, and what the story index learnt from the
    /// batch (see [`crate::Store::add_batch_with_stories`]). Each claim must
    /// name its document.
    pub fn add_batch_with_stories(
        &mut self,
        batch: &[(Document, Vec<Claim>)],
        stories: Option<&StoryDelta>,
    ) -> Result<BatchStats, StoreError> {
        crate::store::check_claim_owners(&self.path(), batch)?;
        self.check_storable(batch)?;
        let name = self.name.clone();
        let pg = pg_error(&name);
        let path = self.path();
        let added_at = Utc::now().to_rfc3339_opts(SecondsFormat::Secs, true);
        let mut tx = self.client().transaction().map_err(pg)?;
        tx.execute("SELECT pg_advisory_xact_lock($1)", &[&WRITE_LOCK])
            .map_err(pg)?;
        let ids: Vec<&str> = batch.iter().map(|(d, _)| d.id.as_str()).collect();
        let mut seen: HashSet<String> = tx
            .query("SELECT id FROM documents WHERE id = ANY($1)", &[&ids])
            .map_err(pg)?
            .into_iter()
            .map(|r| r.get(0))
            .collect();
        let mut stats = BatchStats::default();
        let mut fresh: Vec<&(Document, Vec<Claim>)> = Vec::new();
        for item in batch {
            if seen.insert(item.0.id.clone()) {
                fresh.push(item);
            } else {
                stats.skipped += 1;
            }
        }
        let delta = stories.filter(|d| !d.is_empty());
        if fresh.is_empty() {
            // Nothing new: leave no empty batch behind (but keep what the
            // story index learnt).
            match delta {
                Some(delta) => {
                    write_story_delta(&mut tx, delta, &name)?;
                    tx.commit().map_err(pg)?;
                }
                None => tx.rollback().map_err(pg)?,
            }
            return Ok(stats);
        }
        let batch_id: i64 = tx
            .query_one("SELECT coalesce(max(id), 0) + 1 FROM batches", &[])
            .map_err(pg)?
            .get(0);
        let claims_total: usize = fresh.iter().map(|(_, c)| c.len()).sum();
        tx.execute(
            "INSERT INTO batches (id, added_at, documents, claims) VALUES ($1, $2, $3, $4)",
            &[
                &batch_id,
                &added_at,
                &to_i64(fresh.len()),
                &to_i64(claims_total),
            ],
        )
        .map_err(pg)?;
        {
            let sink = tx
                .copy_in(
                    "COPY documents (id, source, title, outlet, published, words, duplicate_of, \
                     added_at, batch, claim_count, body) FROM STDIN BINARY",
                )
                .map_err(pg)?;
            let mut writer = BinaryCopyInWriter::new(
                sink,
                &[
                    Type::TEXT,
                    Type::TEXT,
                    Type::TEXT,
                    Type::TEXT,
                    Type::TEXT,
                    Type::INT8,
                    Type::TEXT,
                    Type::TEXT,
                    Type::INT8,
                    Type::INT8,
                    Type::TEXT,
                ],
            );
            for (doc, claims) in &fresh {
                let body = encode(&path, format!("document {}", doc.id), doc)?;
                let published = doc.published.map(|d| d.to_string());
                let (source, title, outlet, duplicate_of) = (
                    without_nul(&doc.source),
                    doc.title.as_deref().map(without_nul),
                    doc.outlet.as_deref().map(without_nul),
                    doc.duplicate_of.as_deref().map(without_nul),
                );
                let (words, count) = (to_i64(doc.word_count()), to_i64(claims.len()));
                let row: [&(dyn ToSql + Sync); 11] = [
                    &doc.id,
                    &source,
                    &title,
                    &outlet,
                    &published,
                    &words,
                    &duplicate_of,
                    &added_at,
                    &batch_id,
                    &count,
                    &body,
                ];
                writer.write(&row).map_err(pg)?;
            }
            writer.finish().map_err(pg)?;
        }
        {
            let sink = tx
                .copy_in("COPY claims (doc, seq, id, kind, body) FROM STDIN BINARY")
                .map_err(pg)?;
            let mut writer = BinaryCopyInWriter::new(
                sink,
                &[Type::TEXT, Type::INT8, Type::TEXT, Type::TEXT, Type::TEXT],
            );
            for (doc, claims) in &fresh {
                for (seq, claim) in claims.iter().enumerate() {
                    let body = encode(&path, format!("claim {}", claim.id), claim)?;
                    let (seq, kind) = (to_i64(seq), claim.kind().name());
                    let row: [&(dyn ToSql + Sync); 5] = [&doc.id, &seq, &claim.id, &kind, &body];
                    writer.write(&row).map_err(pg)?;
                }
            }
            writer.finish().map_err(pg)?;
        }
        if let Some(delta) = delta {
            write_story_delta(&mut tx, delta, &name)?;
        }
        tx.commit().map_err(pg)?;
        stats.added = fresh.len();
        stats.claims = claims_total;
        stats.batch = Some(batch_id);
        Ok(stats)
    }

    /// Writes what a story index learnt outside any batch.
    pub fn save_stories(&mut self, delta: &StoryDelta) -> Result<(), StoreError> {
        let name = self.name.clone();
        let pg = pg_error(&name);
        let mut tx = self.client().transaction().map_err(pg)?;
        tx.execute("SELECT pg_advisory_xact_lock($1)", &[&WRITE_LOCK])
            .map_err(pg)?;
        write_story_delta(&mut tx, delta, &name)?;
        tx.commit().map_err(pg)
    }

    /// The story index the store keeps, `None` when it keeps none yet.
    pub fn load_story_index(&mut self) -> Result<Option<StoryIndex>, StoreError> {
        let name = self.name.clone();
        let pg = pg_error(&name);
        let mut tx = self.snapshot()?;
        let mut state = |key: &str| -> Result<Option<String>, StoreError> {
            Ok(tx
                .query_opt("SELECT value FROM story_state WHERE key = $1", &[&key])
                .map_err(pg)?
                .map(|r| r.get(0)))
        };
        let (Some(documents), Some(settings)) = (state("documents")?, state("settings")?) else {
            return Ok(None);
        };
        let mut all_rows = |sql: &str| tx.query(sql, &[]).map_err(pg);
        let terms = all_rows(LOAD_STORY_TERMS)?
            .into_iter()
            .map(|r| (r.get(0), r.get(1), r.get(2)))
            .collect();
        let stories = all_rows(LOAD_STORIES)?
            .into_iter()
            .map(|r| (r.get(0), r.get(1)))
            .collect();
        let assignments = all_rows(LOAD_STORY_ASSIGNMENTS)?
            .into_iter()
            .map(|r| (r.get(0), r.get(1)))
            .collect();
        tx.commit().map_err(pg)?;
        IndexRows {
            documents,
            settings,
            terms,
            stories,
            assignments,
        }
        .into_index(&self.path())
        .map(Some)
    }

    /// PostgreSQL text cannot hold NUL: ids with one are refused (an id
    /// must come back exactly); other listed text has it replaced (the
    /// document itself, stored as JSON, keeps it).
    fn check_storable(&self, batch: &[(Document, Vec<Claim>)]) -> Result<(), StoreError> {
        let refuse = |what: String| StoreError::Unstorable {
            store: self.name.clone(),
            what,
            reason: "its id contains a NUL character, which PostgreSQL text cannot hold",
        };
        for (doc, claims) in batch {
            if doc.id.contains('\0') {
                return Err(refuse(format!("document {:?}", doc.id)));
            }
            if let Some(claim) = claims.iter().find(|c| c.id.contains('\0')) {
                return Err(refuse(format!("claim {:?}", claim.id)));
            }
        }
        Ok(())
    }

    /// Whether a document with this id is stored.
    pub fn contains(&mut self, id: &str) -> Result<bool, StoreError> {
        self.client()
            .query_opt("SELECT 1 FROM documents WHERE id = $1", &[&id])
            .map(|r| r.is_some())
            .map_err(|e| self.err(e))
    }

    /// How many documents are stored.
    pub fn document_count(&mut self) -> Result<usize, StoreError> {
        self.count("SELECT count(*) FROM documents")
    }

    /// How many claims are stored.
    pub fn claim_count(&mut self) -> Result<usize, StoreError> {
        self.count("SELECT count(*) FROM claims")
    }

    fn count(&mut self, sql: &str) -> Result<usize, StoreError> {
        self.client()
            .query_one(sql, &[])
            .map(|r| from_i64(r.get(0)))
            .map_err(|e| self.err(e))
    }

    /// Every stored document's listing fields, in the order they were added.
    pub fn documents(&mut self) -> Result<Vec<DocumentSummary>, StoreError> {
        let rows = self
            .client()
            .query(
                "SELECT id, title, outlet, published, words, source, duplicate_of, claim_count, \
                 added_at FROM documents ORDER BY ordinal",
                &[],
            )
            .map_err(|e| self.err(e))?;
        rows.into_iter()
            .map(|r| {
                let id: String = r.get(0);
                let published: Option<String> = r.get(3);
                let published = published
                    .map(|p| parse_published(&self.path(), &id, &p))
                    .transpose()?;
                Ok(DocumentSummary {
                    title: r.get(1),
                    outlet: r.get(2),
                    published,
                    words: from_i64(r.get(4)),
                    source: r.get(5),
                    duplicate_of: r.get(6),
                    claims: from_i64(r.get(7)),
                    added_at: r.get(8),
                    id,
                })
            })
            .collect()
    }

    /// The batch each stored document came in, in store order.
    pub fn document_batches(&mut self) -> Result<Vec<(String, i64)>, StoreError> {
        let rows = self
            .client()
            .query("SELECT id, batch FROM documents ORDER BY ordinal", &[])
            .map_err(|e| self.err(e))?;
        Ok(rows.into_iter().map(|r| (r.get(0), r.get(1))).collect())
    }

    /// The newest batch number (0 for an empty store).
    pub fn latest_batch(&mut self) -> Result<i64, StoreError> {
        self.client()
            .query_one("SELECT coalesce(max(id), 0)::BIGINT FROM batches", &[])
            .map(|r| r.get(0))
            .map_err(|e| self.err(e))
    }

    /// Every stored document and claim, in store order, read in one
    /// snapshot.
    pub fn load_all(&mut self) -> Result<(Vec<Document>, Vec<Claim>), StoreError> {
        let name = self.name.clone();
        let pg = pg_error(&name);
        let mut tx = self.snapshot()?;
        let documents = decode_all(&mut tx, LOAD_DOCUMENTS, "document", &name)?;
        let claims = decode_all(&mut tx, LOAD_CLAIMS, "claim", &name)?;
        tx.commit().map_err(pg)?;
        Ok((documents, claims))
    }

    /// The store's own invariants (foreign keys are the server's to keep):
    /// every document's claim count, every batch's row counts. Empty means
    /// sound.
    pub fn verify(&mut self) -> Result<Vec<String>, StoreError> {
        let mut problems = Vec::new();
        for (what, sql) in INVARIANTS {
            for row in self.client().query(sql, &[]).map_err(|e| self.err(e))? {
                let line: String = row.get(0);
                problems.push(format!("{what}: {line}"));
            }
        }
        Ok(problems)
    }
}

/// Writes a story index delta inside an open transaction (as the SQLite
/// store does).
fn write_story_delta(
    tx: &mut Transaction,
    delta: &StoryDelta,
    name: &str,
) -> Result<(), StoreError> {
    let pg = pg_error(name);
    let rows = DeltaRows::new(Path::new(name), delta)?;
    let term = tx
        .prepare(
            "INSERT INTO story_terms (id, term, df) VALUES ($1, $2, $3) \
             ON CONFLICT (id) DO UPDATE SET df = excluded.df",
        )
        .map_err(pg)?;
    for (id, text, df) in &rows.terms {
        tx.execute(&term, &[id, text, df]).map_err(pg)?;
    }
    let story = tx
        .prepare(
            "INSERT INTO stories (number, body) VALUES ($1, $2) \
             ON CONFLICT (number) DO UPDATE SET body = excluded.body",
        )
        .map_err(pg)?;
    for (number, body) in &rows.stories {
        tx.execute(&story, &[number, body]).map_err(pg)?;
    }
    let assign = tx
        .prepare("UPDATE documents SET story = $2 WHERE id = $1")
        .map_err(pg)?;
    for (doc, number) in &rows.assignments {
        tx.execute(&assign, &[doc, number]).map_err(pg)?;
    }
    tx.execute(
        "INSERT INTO story_state (key, value) VALUES ('documents', $1), ('settings', $2) \
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        &[&rows.documents, &rows.settings],
    )
    .map_err(pg)?;
    Ok(())
}

/// The JSON bodies of the `(id, body)` rows `sql` returns, decoded; `kind`
/// names a body that cannot be.
fn decode_all<T: serde::de::DeserializeOwned>(
    tx: &mut Transaction,
    sql: &str,
    kind: &str,
    name: &str,
) -> Result<Vec<T>, StoreError> {
    let rows = tx.query(sql, &[]).map_err(pg_error(name))?;
    let path = Path::new(name);
    rows.iter()
        .map(|row| {
            let (id, body): (String, String) = (row.get(0), row.get(1));
            decode(path, &format!("{kind} {id}"), &body)
        })
        .collect()
}

/// The error of the store named `name` for what its server said.
fn pg_error(name: &str) -> impl Fn(postgres::Error) -> StoreError + Copy + '_ {
    move |source| StoreError::Postgres {
        store: name.to_string(),
        source,
    }
}

fn read_version(tx: &mut Transaction, name: &str) -> Result<u32, StoreError> {
    let value: String = tx
        .query_one(
            "SELECT value FROM crosscheck_meta WHERE key = 'schema_version'",
            &[],
        )
        .map_err(pg_error(name))?
        .get(0);
    value.parse().map_err(|_| StoreError::Corrupt {
        path: PathBuf::from(name),
        detail: format!("schema version {value:?} is not a number"),
    })
}

/// Rewrites claims still in the shape of ledger schema 1 (the step of
/// migration 2).
fn rewrite_claims(tx: &mut Transaction) -> Result<(), String> {
    let rows = tx
        .query("SELECT doc, seq, id, body FROM claims", &[])
        .map_err(|e| e.to_string())?;
    for row in rows {
        let (doc, seq, id, body): (String, i64, String, String) =
            (row.get(0), row.get(1), row.get(2), row.get(3));
        if let Some(body) = upgrade_claim(&body).map_err(|e| format!("claim {id}: {e}"))? {
            tx.execute(
                "UPDATE claims SET body = $1 WHERE doc = $2 AND seq = $3",
                &[&body as &(dyn ToSql + Sync), &doc, &seq],
            )
            .map_err(|e| e.to_string())?;
        }
    }
    Ok(())
}

/// `text` with NUL characters (which PostgreSQL text cannot hold) as
/// U+FFFD.
fn without_nul(text: &str) -> String {
    text.replace('\0', "\u{FFFD}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_version_has_a_postgres_migration() {
        assert_eq!(MIGRATIONS.len() as u32, SCHEMA_VERSION);
        for (m, sqlite) in MIGRATIONS.iter().zip(crate::schema::MIGRATIONS) {
            assert_eq!((m.version, m.name), (sqlite.version, sqlite.name));
        }
    }

    #[test]
    fn passwords_stay_out_of_messages() {
        assert_eq!(
            redact("postgres://ana:secret@db.example:5432/story"),
            "postgres://ana:***@db.example:5432/story"
        );
        assert_eq!(redact("postgres://ana@db/story"), "postgres://ana@db/story");
        assert_eq!(redact("postgresql://db/story"), "postgresql://db/story");
        assert!(is_postgres_url("postgres://x") && is_postgres_url("postgresql://x"));
        assert!(!is_postgres_url("story.db") && !is_postgres_url("postgres.db"));
    }
}
