//! The claim search index: an in-memory SQLite database (FTS5 over quotes
//! and sentences, one row of filter columns per claim, and the entities
//! each claim names), derived from a [`Snapshot`](crate::snapshot::Snapshot)
//! and rebuilt with it.
//!
//! It is derived, not stored: the entities a claim names come from the
//! ledger's cross-document resolution, which is rebuilt whenever documents
//! are added, so a copy kept in the store would go stale. Whatever back end
//! holds the documents, search is this one index, tested once.
//!
//! The database lives in SQLite's `memdb` VFS under a unique name, so any
//! number of connections share it: searches run on a small pool of
//! read-only connections in parallel.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;

use rusqlite::types::Value;
use rusqlite::{params, params_from_iter, Connection, OpenFlags};

use crate::filter::{ClaimQuery, Flag};

/// One claim as the index holds it.
#[derive(Debug, Clone, Default)]
pub struct IndexRow<'a> {
    /// Kind name: `quote`, `quantity`, `stance`.
    pub kind: &'static str,
    /// Document id.
    pub doc: &'a str,
    /// Story id.
    pub story: &'a str,
    /// The document's outlet.
    pub outlet: Option<&'a str>,
    /// The document's placed date, ISO.
    pub date: Option<String>,
    /// The source's name (or role) as written.
    pub speaker: Option<&'a str>,
    /// `person`, `organization`, `anonymous`, `unattributed`.
    pub source_kind: &'static str,
    /// Hedged claim.
    pub hedged: bool,
    /// The store batch the document came in.
    pub batch: i64,
    /// The document is a near-duplicate of an earlier one.
    pub copy: bool,
    /// The quoted words (quotes only).
    pub quote: &'a str,
    /// The sentence(s) holding the evidence.
    pub sentence: &'a str,
    /// Ids of the entities the claim names (its source's included).
    pub entities: Vec<&'a str>,
}

/// A page of matching claims, by their position (store order).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    /// Positions of the claims, ascending.
    pub claims: Vec<usize>,
    /// Where the next page starts, when there is one.
    pub next: Option<usize>,
}

/// The search index. See the module documentation.
pub struct ClaimIndex {
    uri: String,
    /// Keeps the database alive (a memdb database lives while a connection
    /// to it is open) and is where it was built.
    _owner: Mutex<Connection>,
    pool: Mutex<Vec<Connection>>,
    /// Counts and entity cards already worked out, by query: the index
    /// never changes, so they stay right, and paging through a broad
    /// search or coming back to it does not count tens of thousands of
    /// claims again.
    summaries: Mutex<HashMap<String, Summary>>,
}

/// What a search page shows beside its claims.
#[derive(Debug, Clone, Default)]
struct Summary {
    count: Option<usize>,
    entities: Option<(usize, Vec<(String, usize)>)>,
}

/// Queries whose summaries are kept; past this the cache starts again.
const SUMMARIES_KEPT: usize = 4096;

impl std::fmt::Debug for ClaimIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ClaimIndex")
            .field("uri", &self.uri)
            .finish()
    }
}

/// Why a search failed (the index is ours, so this is a bug or memory
/// exhaustion, never bad input: input is bound as parameters).
#[derive(Debug, thiserror::Error)]
#[error("claim index: {0}")]
pub struct IndexError(#[from] rusqlite::Error);

const SCHEMA: &str = "
CREATE TABLE claims (
    n           INTEGER PRIMARY KEY,
    kind        TEXT NOT NULL,
    doc         TEXT NOT NULL,
    story       TEXT NOT NULL,
    outlet      TEXT,
    date        TEXT,
    speaker     TEXT,
    source_kind TEXT NOT NULL,
    hedged      INTEGER NOT NULL,
    batch       INTEGER NOT NULL,
    copy        INTEGER NOT NULL
);
CREATE TABLE claim_entities (
    entity TEXT NOT NULL,
    n      INTEGER NOT NULL,
    PRIMARY KEY (entity, n)
) WITHOUT ROWID;
CREATE VIRTUAL TABLE claim_text USING fts5(quote, sentence, tokenize = 'unicode61 remove_diacritics 2');
";

/// Indexes built after the rows are in (cheaper than maintaining them).
const INDEXES: &str = "
CREATE INDEX claims_kind ON claims(kind);
CREATE INDEX claims_doc ON claims(doc);
CREATE INDEX claims_story ON claims(story);
CREATE INDEX claims_outlet ON claims(outlet);
CREATE INDEX claims_date ON claims(date);
CREATE INDEX claims_batch ON claims(batch);
CREATE INDEX claim_entities_n ON claim_entities(n);
ANALYZE;
";

fn unique_uri() -> String {
    static NEXT: AtomicU64 = AtomicU64::new(0);
    let n = NEXT.fetch_add(1, Ordering::Relaxed);
    format!(
        "file:/crosscheck-claims-{}-{n}?vfs=memdb",
        std::process::id()
    )
}

impl ClaimIndex {
    /// Builds the index from one row per claim; row `i` is position `i`,
    /// what searches return.
    pub fn build<'a>(
        rows: impl IntoIterator<Item = IndexRow<'a>>,
    ) -> Result<ClaimIndex, IndexError> {
        let uri = unique_uri();
        let mut owner = Connection::open_with_flags(
            &uri,
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_URI
                | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        owner.execute_batch(SCHEMA)?;
        let tx = owner.transaction()?;
        {
            let mut claim = tx.prepare(
                "INSERT INTO claims (n, kind, doc, story, outlet, date, speaker, source_kind, \
                 hedged, batch, copy) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
            )?;
            let mut text =
                tx.prepare("INSERT INTO claim_text (rowid, quote, sentence) VALUES (?1, ?2, ?3)")?;
            let mut entity =
                tx.prepare("INSERT OR IGNORE INTO claim_entities (entity, n) VALUES (?1, ?2)")?;
            for (n, row) in rows.into_iter().enumerate() {
                let n = i64::try_from(n).unwrap_or(i64::MAX);
                claim.execute(params![
                    n,
                    row.kind,
                    row.doc,
                    row.story,
                    row.outlet,
                    row.date,
                    row.speaker.map(str::to_lowercase),
                    row.source_kind,
                    row.hedged,
                    row.batch,
                    row.copy
                ])?;
                text.execute(params![n, row.quote, row.sentence])?;
                for id in row.entities {
                    entity.execute(params![id, n])?;
                }
            }
        }
        tx.commit()?;
        owner.execute_batch(INDEXES)?;
        Ok(ClaimIndex {
            uri,
            _owner: Mutex::new(owner),
            pool: Mutex::new(Vec::new()),
            summaries: Mutex::new(HashMap::new()),
        })
    }

    /// Runs `f` on a pooled read-only connection.
    fn with_connection<T>(
        &self,
        f: impl FnOnce(&Connection) -> rusqlite::Result<T>,
    ) -> Result<T, IndexError> {
        let pooled = self.pool.lock().map(|mut p| p.pop()).unwrap_or(None);
        let conn = match pooled {
            Some(conn) => conn,
            None => Connection::open_with_flags(
                &self.uri,
                OpenFlags::SQLITE_OPEN_READ_ONLY
                    | OpenFlags::SQLITE_OPEN_URI
                    | OpenFlags::SQLITE_OPEN_NO_MUTEX,
            )?,
        };
        let result = f(&conn);
        if let Ok(mut pool) = self.pool.lock() {
            pool.push(conn);
        }
        Ok(result?)
    }

    /// One page of claims matching `query` after position `after`, at most
    /// `limit` of them.
    pub fn search(
        &self,
        query: &ClaimQuery,
        after: Option<usize>,
        limit: usize,
    ) -> Result<Page, IndexError> {
        let (mut sql, mut values) = filter_sql(query, "SELECT c.n FROM claims c", after);
        sql.push_str(" ORDER BY c.n LIMIT ?");
        // One more than asked says whether there is a next page.
        values.push(Value::Integer(to_i64(limit.saturating_add(1))));
        let mut claims: Vec<usize> = self.with_connection(|conn| {
            let mut stmt = conn.prepare_cached(&sql)?;
            let rows = stmt.query_map(params_from_iter(values), |r| r.get::<_, i64>(0))?;
            rows.map(|r| r.map(from_i64)).collect()
        })?;
        let next = if claims.len() > limit {
            claims.truncate(limit);
            claims.last().copied()
        } else {
            None
        };
        Ok(Page { claims, next })
    }

    /// Every claim matching `query`, in ledger order, handed to `each` in
    /// chunks (for exports of any size without holding them all).
    pub fn for_each_chunk(
        &self,
        query: &ClaimQuery,
        chunk: usize,
        mut each: impl FnMut(&[usize]) -> bool,
    ) -> Result<(), IndexError> {
        let mut after = None;
        loop {
            let page = self.search(query, after, chunk.max(1))?;
            if page.claims.is_empty() || !each(&page.claims) {
                return Ok(());
            }
            match page.next {
                Some(next) => after = Some(next),
                None => return Ok(()),
            }
        }
    }

    /// The kept summary of `query`, if any.
    fn summary(&self, query: &ClaimQuery) -> Summary {
        self.summaries
            .lock()
            .ok()
            .and_then(|kept| kept.get(&summary_key(query)).cloned())
            .unwrap_or_default()
    }

    fn keep(&self, query: &ClaimQuery, update: impl FnOnce(&mut Summary)) {
        if let Ok(mut kept) = self.summaries.lock() {
            if kept.len() >= SUMMARIES_KEPT {
                kept.clear();
            }
            update(kept.entry(summary_key(query)).or_default());
        }
    }

    /// How many claims match `query`.
    pub fn count(&self, query: &ClaimQuery) -> Result<usize, IndexError> {
        if let Some(count) = self.summary(query).count {
            return Ok(count);
        }
        let (sql, values) = filter_sql(query, "SELECT count(*) FROM claims c", None);
        let count = self.with_connection(|conn| {
            conn.prepare_cached(&sql)?
                .query_row(params_from_iter(values), |r| r.get::<_, i64>(0))
                .map(from_i64)
        })?;
        self.keep(query, |s| s.count = Some(count));
        Ok(count)
    }

    /// The entities the matching claims name most, with how many of those
    /// claims name each, most first (ties by id).
    pub fn entity_counts(
        &self,
        query: &ClaimQuery,
        limit: usize,
    ) -> Result<Vec<(String, usize)>, IndexError> {
        if let Some((kept_limit, entities)) = self.summary(query).entities {
            if kept_limit == limit {
                return Ok(entities);
            }
        }
        let (inner, mut values) = filter_sql(query, "SELECT c.n FROM claims c", None);
        let sql = if query.is_empty() {
            "SELECT entity, count(*) AS k FROM claim_entities GROUP BY entity \
             ORDER BY k DESC, entity LIMIT ?"
                .to_string()
        } else {
            format!(
                "SELECT e.entity, count(*) AS k FROM claim_entities e WHERE e.n IN ({inner}) \
                 GROUP BY e.entity ORDER BY k DESC, e.entity LIMIT ?"
            )
        };
        values.push(Value::Integer(to_i64(limit)));
        let entities: Vec<(String, usize)> = self.with_connection(|conn| {
            let mut stmt = conn.prepare_cached(&sql)?;
            let rows = stmt.query_map(params_from_iter(values), |r| {
                Ok((r.get::<_, String>(0)?, from_i64(r.get(1)?)))
            })?;
            rows.collect()
        })?;
        self.keep(query, |s| s.entities = Some((limit, entities.clone())));
        Ok(entities)
    }
}

/// A query as the summary cache knows it (every field, as written by
/// `Debug`, which names each one).
fn summary_key(query: &ClaimQuery) -> String {
    format!("{query:?}")
}

/// `select` with the WHERE clause of `query` (and of a page starting after
/// `after`) and its parameters.
fn filter_sql(query: &ClaimQuery, select: &str, after: Option<usize>) -> (String, Vec<Value>) {
    let mut clauses: Vec<String> = Vec::new();
    let mut values: Vec<Value> = Vec::new();
    if let Some(after) = after {
        clauses.push("c.n > ?".into());
        values.push(Value::Integer(to_i64(after)));
    }
    let mut eq = |column: &str, value: &Option<String>, clauses: &mut Vec<String>| {
        if let Some(v) = value {
            clauses.push(format!("c.{column} = ?"));
            values.push(Value::Text(v.clone()));
        }
    };
    eq("kind", &query.kind.map(|k| k.to_string()), &mut clauses);
    eq("story", &query.story, &mut clauses);
    eq("doc", &query.doc, &mut clauses);
    eq("outlet", &query.outlet, &mut clauses);
    if let Some(from) = query.from {
        clauses.push("c.date >= ?".into());
        values.push(Value::Text(from.to_string()));
    }
    if let Some(to) = query.to {
        clauses.push("c.date <= ?".into());
        values.push(Value::Text(to.to_string()));
    }
    if let Some(speaker) = &query.speaker {
        clauses.push("instr(c.speaker, ?) > 0".into());
        values.push(Value::Text(speaker.to_lowercase()));
    }
    match query.hedged {
        Flag::Any => {}
        Flag::Yes => clauses.push("c.hedged = 1".into()),
        Flag::No => clauses.push("c.hedged = 0".into()),
    }
    match query.anonymous {
        Flag::Any => {}
        Flag::Yes => clauses.push("c.source_kind = 'anonymous'".into()),
        Flag::No => clauses.push("c.source_kind != 'anonymous'".into()),
    }
    match query.copies {
        Flag::Any => {}
        Flag::Yes => clauses.push("c.copy = 1".into()),
        Flag::No => clauses.push("c.copy = 0".into()),
    }
    if let Some(since) = query.since {
        clauses.push("c.batch > ?".into());
        values.push(Value::Integer(since));
    }
    if let Some(entities) = &query.entities {
        if entities.is_empty() {
            clauses.push("0".into());
        } else {
            let marks = vec!["?"; entities.len()].join(", ");
            clauses.push(format!(
                "c.n IN (SELECT n FROM claim_entities WHERE entity IN ({marks}))"
            ));
            values.extend(entities.iter().map(|e| Value::Text(e.clone())));
        }
    }
    if let Some(text) = &query.text {
        clauses.push("c.n IN (SELECT rowid FROM claim_text WHERE claim_text MATCH ?)".into());
        values.push(Value::Text(text.clone()));
    }
    let mut sql = select.to_string();
    if !clauses.is_empty() {
        sql.push_str(" WHERE ");
        sql.push_str(&clauses.join(" AND "));
    }
    (sql, values)
}

fn to_i64(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

fn from_i64(n: i64) -> usize {
    usize::try_from(n).unwrap_or(0)
}
