//! The store's behaviour, run on both back ends: a SQLite file in a temp
//! dir, and a fresh database on a real PostgreSQL 15 server that the test
//! harness starts (`crosscheck_testkit::postgres`). Without PostgreSQL the
//! PostgreSQL runs show as ignored; under `CI=true` they run and fail.
//!
//! What only a file can do (damaged files, read-only files, journal modes)
//! is tested in `store.rs`.

// The behaviours are test bodies written once as plain functions and run by
// a test per back end, so clippy does not see them as tests.
#![allow(clippy::unwrap_used)]

mod support;

use std::path::PathBuf;

use ::postgres::types::ToSql;
use crosscheck_model::{Claim, Document};
use crosscheck_store::{AnyStore, StoreError, SCHEMA_VERSION};
use crosscheck_stories::{DocumentProfile, StoryIndex};
use support::article;

fn batch(tags: &[&str]) -> Vec<(Document, Vec<Claim>)> {
    tags.iter()
        .enumerate()
        .map(|(i, t)| article(t, i % 5, 1 + i % 3))
        .collect()
}

/// Where a test's store lives.
enum Backend {
    Sqlite {
        _dir: tempfile::TempDir,
        path: PathBuf,
    },
    Postgres {
        url: String,
    },
}

impl Backend {
    fn sqlite() -> Backend {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("story.db");
        Backend::Sqlite { _dir: dir, path }
    }

    fn postgres() -> Backend {
        Backend::Postgres {
            url: crosscheck_testkit::postgres::server().fresh_database(),
        }
    }

    fn target(&self) -> String {
        match self {
            Backend::Sqlite { path, .. } => path.display().to_string(),
            Backend::Postgres { url } => url.clone(),
        }
    }

    /// Opens (creating when missing) the store.
    fn open(&self) -> AnyStore {
        AnyStore::open(&self.target()).expect("open the store")
    }

    fn try_open(&self) -> Result<AnyStore, StoreError> {
        AnyStore::open(&self.target())
    }

    fn is_postgres(&self) -> bool {
        matches!(self, Backend::Postgres { .. })
    }

    /// SQL run on the store directly, bypassing the store's code.
    fn raw(&self, sql: &str) {
        match self {
            Backend::Sqlite { path, .. } => rusqlite::Connection::open(path)
                .and_then(|c| c.execute_batch(sql))
                .expect("raw SQL"),
            Backend::Postgres { url } => ::postgres::Client::connect(url, ::postgres::NoTls)
                .and_then(|mut c| c.batch_execute(sql))
                .expect("raw SQL"),
        }
    }

    /// The first column of the first row of `sql`, as text.
    fn raw_text(&self, sql: &str) -> String {
        match self {
            Backend::Sqlite { path, .. } => rusqlite::Connection::open(path)
                .and_then(|c| {
                    c.query_row(sql, [], |r| {
                        r.get::<_, rusqlite::types::Value>(0).map(|v| match v {
                            rusqlite::types::Value::Integer(n) => n.to_string(),
                            rusqlite::types::Value::Text(t) => t,
                            other => format!("{other:?}"),
                        })
                    })
                })
                .expect("raw query"),
            Backend::Postgres { url } => ::postgres::Client::connect(url, ::postgres::NoTls)
                .and_then(|mut c| c.query_one(sql, &[]))
                .map(|row| {
                    row.try_get::<_, String>(0)
                        .or_else(|_| row.try_get::<_, i64>(0).map(|n| n.to_string()))
                        .expect("text or number")
                })
                .expect("raw query"),
        }
    }

    /// The schema version as the store records it.
    fn recorded_version(&self) -> u32 {
        let sql = if self.is_postgres() {
            "SELECT value FROM crosscheck_meta WHERE key = 'schema_version'"
        } else {
            "PRAGMA user_version"
        };
        self.raw_text(sql).parse().expect("a version")
    }

    fn set_recorded_version(&self, version: u32) {
        self.raw(&if self.is_postgres() {
            format!("UPDATE crosscheck_meta SET value = '{version}' WHERE key = 'schema_version'")
        } else {
            format!("PRAGMA user_version = {version}")
        });
    }
}

fn a_new_store_is_current_and_empty(backend: Backend) {
    let mut store = backend.open();
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
    assert_eq!(backend.recorded_version(), SCHEMA_VERSION);
    assert_eq!(store.document_count().unwrap(), 0);
    assert_eq!(store.latest_batch().unwrap(), 0);
    assert!(store.load_all().unwrap().0.is_empty());
    assert!(store.load_story_index().unwrap().is_none());
    assert!(store.verify().unwrap().is_empty());
    drop(store);
    // Opening again changes nothing.
    assert_eq!(backend.open().schema_version().unwrap(), SCHEMA_VERSION);
}

fn reopening_gives_back_exactly_what_was_stored(backend: Backend) {
    let first = batch(&["d1", "d2", "d3"]);
    let second = batch(&["d4", "d5"]);
    backend.open().add_batch(&first).unwrap();
    {
        let mut store = backend.open();
        assert_eq!(store.document_count().unwrap(), 3);
        store.add_batch(&second).unwrap();
    }
    let mut store = backend.open();
    let (docs, claims) = store.load_all().unwrap();
    let want_docs: Vec<Document> = first
        .iter()
        .chain(&second)
        .map(|(d, _)| d.clone())
        .collect();
    let want_claims: Vec<Claim> = first
        .iter()
        .chain(&second)
        .flat_map(|(_, c)| c.clone())
        .collect();
    assert_eq!(docs, want_docs);
    assert_eq!(claims, want_claims);
    assert_eq!(store.claim_count().unwrap(), want_claims.len());
    assert!(store.verify().unwrap().is_empty());
}

fn adding_the_same_documents_again_adds_nothing(backend: Backend) {
    let mut store = backend.open();
    let docs = batch(&["a", "b", "c"]);
    let first = store.add_batch(&docs).unwrap();
    assert_eq!((first.added, first.skipped), (3, 0));
    assert_eq!(
        first.claims,
        docs.iter().map(|(_, c)| c.len()).sum::<usize>()
    );
    assert_eq!(first.batch, Some(1));
    let again = store.add_batch(&docs).unwrap();
    assert_eq!(
        (again.added, again.skipped, again.claims, again.batch),
        (0, 3, 0, None)
    );
    // New documents extend the store; a repeat inside one batch is stored once.
    let mut more = batch(&["a", "d"]);
    more.push(article("d", 2, 1));
    let extended = store.add_batch(&more).unwrap();
    assert_eq!(
        (extended.added, extended.skipped, extended.batch),
        (1, 2, Some(2))
    );
    assert_eq!(store.document_count().unwrap(), 4);
    assert!(store.contains("d").unwrap());
    assert!(!store.contains("e").unwrap());
    assert!(store.verify().unwrap().is_empty());
    assert_eq!(
        backend.raw_text("SELECT count(*) FROM batches"),
        "2",
        "a batch that adds nothing leaves no trace"
    );
}

fn batches_say_what_changed_since(backend: Backend) {
    let mut store = backend.open();
    assert!(store.document_batches().unwrap().is_empty());
    store.add_batch(&batch(&["a", "b"])).unwrap();
    store.add_batch(&batch(&["a"])).unwrap(); // adds nothing, no batch
    store.add_batch(&batch(&["c"])).unwrap();
    assert_eq!(store.latest_batch().unwrap(), 2);
    let want: Vec<(String, i64)> = [("a", 1), ("b", 1), ("c", 2)]
        .iter()
        .map(|(id, b)| (id.to_string(), *b))
        .collect();
    assert_eq!(store.document_batches().unwrap(), want);
}

fn document_summaries_list_what_is_stored(backend: Backend) {
    let mut store = backend.open();
    let mut docs = batch(&["first", "second"]);
    docs[1].0.duplicate_of = Some("first".to_string());
    docs[1].0.published = None;
    store.add_batch(&docs).unwrap();
    let listed = store.documents().unwrap();
    assert_eq!(listed.len(), 2);
    for (summary, (doc, claims)) in listed.iter().zip(&docs) {
        assert_eq!(summary.id, doc.id);
        assert_eq!(summary.title, doc.title);
        assert_eq!(summary.outlet, doc.outlet);
        assert_eq!(summary.published, doc.published);
        assert_eq!(summary.words, doc.word_count());
        assert_eq!(summary.source, doc.source);
        assert_eq!(summary.duplicate_of, doc.duplicate_of);
        assert_eq!(summary.claims, claims.len());
        assert!(summary.added_at.ends_with('Z'), "{}", summary.added_at);
    }
    assert!(listed[0].published.is_some());
}

fn a_claim_for_another_document_rejects_the_whole_batch(backend: Backend) {
    let mut store = backend.open();
    let mut docs = batch(&["good", "bad"]);
    let (_, mut stray) = article("elsewhere", 1, 1);
    docs[1].1.append(&mut stray);
    let err = store.add_batch(&docs).unwrap_err();
    assert!(
        matches!(err, StoreError::ClaimDocumentMismatch { .. }),
        "{err:?}"
    );
    let msg = err.to_string();
    assert!(msg.contains("elsewhere") && msg.contains("bad"), "{msg}");
    assert!(msg.contains(&store.name()), "{msg} names {}", store.name());
    assert_eq!(store.document_count().unwrap(), 0);
}

fn a_store_from_a_newer_crosscheck_is_refused_untouched(backend: Backend) {
    backend.open();
    backend.set_recorded_version(SCHEMA_VERSION + 1);
    let err = backend.try_open().unwrap_err();
    assert!(
        matches!(err, StoreError::TooNew { found, known, .. }
            if found == SCHEMA_VERSION + 1 && known == SCHEMA_VERSION),
        "{err:?}"
    );
    assert!(err.to_string().contains("newer"), "{err}");
    assert_eq!(backend.recorded_version(), SCHEMA_VERSION + 1);
}

fn another_programs_database_is_refused_untouched(backend: Backend) {
    backend.raw("CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('Ona Brisk');");
    let err = backend.try_open().unwrap_err();
    assert!(
        matches!(
            err,
            StoreError::ForeignDatabase { .. } | StoreError::ForeignPostgres { .. }
        ),
        "{err:?}"
    );
    assert!(err.to_string().contains("not a crosscheck store"), "{err}");
    assert_eq!(backend.raw_text("SELECT name FROM contacts"), "Ona Brisk");
    let tables = if backend.is_postgres() {
        "SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema()"
    } else {
        "SELECT count(*) FROM sqlite_schema"
    };
    assert_eq!(backend.raw_text(tables), "1", "nothing added");
}

fn two_handles_interleave_batches(backend: Backend) {
    let mut a = backend.open();
    let mut b = backend.open();
    a.add_batch(&batch(&["a1", "a2"])).unwrap();
    b.add_batch(&batch(&["b1", "a1"])).unwrap();
    a.add_batch(&batch(&["a3"])).unwrap();
    assert_eq!(b.document_count().unwrap(), 4);
    let ids: Vec<String> = a.documents().unwrap().into_iter().map(|d| d.id).collect();
    assert_eq!(ids, ["a1", "a2", "b1", "a3"]);
}

fn concurrent_writers_of_the_same_documents_store_each_once(backend: Backend) {
    let target = backend.target();
    let docs = batch(&["w1", "w2", "w3", "w4"]);
    std::thread::scope(|scope| {
        for _ in 0..4 {
            let (target, docs) = (&target, &docs);
            scope.spawn(move || {
                let mut store = AnyStore::open(target).expect("open");
                store.add_batch(docs).expect("add");
            });
        }
    });
    let mut store = backend.open();
    assert_eq!(store.document_count().unwrap(), 4);
    assert_eq!(store.latest_batch().unwrap(), 1, "one writer stored them");
    assert!(store.verify().unwrap().is_empty());
}

fn awkward_strings_and_values_round_trip(backend: Backend) {
    let mut store = backend.open();
    let (mut doc, claims) = article("odd id \u{1F4F0} 'quoted' \"x\"", 3, 1);
    doc.title =
        Some("nul \0 inside, emoji \u{1F30A}, rtl \u{5E9}\u{5DC}\u{5D5}\u{5DD}".to_string());
    doc.outlet = Some(String::new());
    doc.source = "weird path/with 'quotes' and \"double\" ; DROP TABLE documents; --".to_string();
    doc.text
        .push_str(&"\n\nA very long closing paragraph about Velmora's harbour.".repeat(100_000));
    let batch = vec![(doc.clone(), claims.clone())];
    assert_eq!(store.add_batch(&batch).unwrap().added, 1);
    let (docs, loaded) = store.load_all().unwrap();
    assert_eq!(
        docs,
        [doc.clone()],
        "the document itself comes back exactly"
    );
    assert_eq!(loaded, claims);
    assert!(store.contains(&doc.id).unwrap());
    let summary = &store.documents().unwrap()[0];
    let listed_title = if backend.is_postgres() {
        // PostgreSQL text holds no NUL: the listing shows U+FFFD instead.
        doc.title.as_ref().map(|t| t.replace('\0', "\u{FFFD}"))
    } else {
        doc.title.clone()
    };
    assert_eq!(summary.title, listed_title);
    assert_eq!(summary.words, doc.word_count());
    assert!(store.verify().unwrap().is_empty());

    // An id with NUL is refused whole on PostgreSQL, kept on SQLite.
    let (nul, nul_claims) = article("nul\0id", 1, 1);
    let result = store.add_batch(&[(nul, nul_claims)]);
    if backend.is_postgres() {
        let err = result.unwrap_err();
        assert!(matches!(err, StoreError::Unstorable { .. }), "{err:?}");
        assert!(err.to_string().contains("NUL"), "{err}");
        assert_eq!(store.document_count().unwrap(), 1);
    } else {
        assert_eq!(result.unwrap().added, 1);
    }
}

fn the_story_index_is_kept_with_its_batches(backend: Backend) {
    let mut store = backend.open();
    assert!(store.load_story_index().unwrap().is_none(), "none kept yet");
    let docs: Vec<_> = ["a", "b", "c"].iter().map(|t| article(t, 3, 1)).collect();
    let mut index = StoryIndex::new();
    for (doc, claims) in &docs {
        index.add(&DocumentProfile::of(doc));
        let delta = index.take_delta();
        store
            .add_batch_with_stories(&[(doc.clone(), claims.clone())], Some(&delta))
            .unwrap();
    }
    // A batch that adds nothing still keeps what the index learnt.
    let repeat = index.take_delta();
    store
        .add_batch_with_stories(&[(docs[0].0.clone(), docs[0].1.clone())], Some(&repeat))
        .unwrap();
    drop(store);
    let loaded = backend
        .open()
        .load_story_index()
        .unwrap()
        .expect("an index is kept");
    assert_eq!(
        serde_json::to_string(&loaded).unwrap(),
        serde_json::to_string(&index).unwrap()
    );
    for (doc, _) in &docs {
        assert_eq!(
            loaded.story_of(&doc.id).map(|s| s.number),
            index.story_of(&doc.id).map(|s| s.number)
        );
    }
}

fn a_store_grouped_after_the_fact_keeps_its_stories(backend: Backend) {
    let mut store = backend.open();
    let docs = batch(&["a", "b"]);
    store.add_batch(&docs).unwrap();
    let mut index = StoryIndex::new();
    for (doc, _) in &docs {
        index.add(&DocumentProfile::of(doc));
    }
    store.save_stories(&index.take_delta()).unwrap();
    let (doc, claims) = article("c", 2, 1);
    index.add(&DocumentProfile::of(&doc));
    store
        .add_batch_with_stories(&[(doc.clone(), claims)], Some(&index.take_delta()))
        .unwrap();
    drop(store);
    let loaded = backend.open().load_story_index().unwrap().expect("kept");
    for id in ["a", "b", "c"] {
        assert!(loaded.story_of(id).is_some(), "{id}");
        assert_eq!(
            loaded.story_of(id).map(|s| s.number),
            index.story_of(id).map(|s| s.number)
        );
    }
}

/// Each behaviour as a test per back end: `sqlite::NAME` and
/// `postgres::NAME`.
macro_rules! on_both_backends {
    ($($name:ident),* $(,)?) => {
        mod sqlite {
            $(
                #[test]
                fn $name() {
                    super::$name(super::Backend::sqlite());
                }
            )*
        }
        mod postgres {
            $(
                #[test]
                #[cfg_attr(
                    no_postgres,
                    ignore = "SKIPPED: no PostgreSQL 15 server programs (CI installs postgresql-15)"
                )]
                fn $name() {
                    super::$name(super::Backend::postgres());
                }
            )*
        }
    };
}

on_both_backends!(
    a_new_store_is_current_and_empty,
    reopening_gives_back_exactly_what_was_stored,
    adding_the_same_documents_again_adds_nothing,
    batches_say_what_changed_since,
    document_summaries_list_what_is_stored,
    a_claim_for_another_document_rejects_the_whole_batch,
    a_store_from_a_newer_crosscheck_is_refused_untouched,
    another_programs_database_is_refused_untouched,
    two_handles_interleave_batches,
    concurrent_writers_of_the_same_documents_store_each_once,
    awkward_strings_and_values_round_trip,
    the_story_index_is_kept_with_its_batches,
    a_store_grouped_after_the_fact_keeps_its_stories,
);

/// A PostgreSQL store as an older crosscheck would have written it: the
/// tables of versions up to `version`, claims in the ledger schema of that
/// version (schema 1 for version 1).
fn write_old_postgres_store(url: &str, batch: &[(Document, Vec<Claim>)], version: u32) {
    let mut client = ::postgres::Client::connect(url, ::postgres::NoTls).expect("connect");
    client
        .batch_execute(&format!(
            "CREATE TABLE crosscheck_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
             INSERT INTO crosscheck_meta VALUES ('application', 'crosscheck'), ('schema_version', '{version}');
             {}",
            include_str!("../migrations/postgres/0001_initial.sql")
        ))
        .expect("old schema");
    client
        .execute(
            "INSERT INTO batches (id, added_at, documents, claims) VALUES (1, 'then', $1, $2)",
            &[
                &(batch.len() as i64),
                &(batch.iter().map(|(_, c)| c.len()).sum::<usize>() as i64),
            ],
        )
        .expect("old batch");
    for (doc, claims) in batch {
        client
            .execute(
                "INSERT INTO documents (id, source, words, added_at, batch, claim_count, body) \
                 VALUES ($1, $2, 0, 'then', 1, $3, $4)",
                &[
                    &doc.id as &(dyn ToSql + Sync),
                    &doc.source,
                    &(claims.len() as i64),
                    &serde_json::to_string(doc).expect("json"),
                ],
            )
            .expect("old document");
        for (seq, claim) in claims.iter().enumerate() {
            let old = support::old_claim_json(claim, doc, version.into());
            client
                .execute(
                    "INSERT INTO claims (doc, seq, id, kind, body) VALUES ($1, $2, $3, $4, $5)",
                    &[
                        &doc.id as &(dyn ToSql + Sync),
                        &(seq as i64),
                        &claim.id,
                        &claim.kind().name(),
                        &serde_json::to_string(&old).expect("json"),
                    ],
                )
                .expect("old claim");
        }
    }
}

/// PostgreSQL stores written at versions 1 and 2 are migrated like SQLite
/// files: claims of ledger schema 1 rewritten, the story tables added,
/// nothing lost. (The SQLite runs are in `store.rs`.)
#[test]
#[cfg_attr(
    no_postgres,
    ignore = "SKIPPED: no PostgreSQL 15 server programs (CI installs postgresql-15)"
)]
fn older_postgres_stores_are_migrated_without_loss() {
    for version in [1, 2] {
        let url = crosscheck_testkit::postgres::server().fresh_database();
        let stored = batch(&["a", "b", "c"]);
        write_old_postgres_store(&url, &stored, version);
        let mut store = AnyStore::open(&url).expect("migrates");
        assert_eq!(
            store.schema_version().unwrap(),
            SCHEMA_VERSION,
            "v{version}"
        );
        support::assert_loaded(store.load_all().unwrap(), &stored, &format!("v{version}"));
        assert!(store.load_story_index().unwrap().is_none(), "v{version}");
        assert!(store.verify().unwrap().is_empty(), "v{version}");
        let more = article("d", 2, 1);
        assert_eq!(
            store.add_batch(&[more]).unwrap().batch,
            Some(2),
            "v{version}"
        );
    }
}

#[test]
#[cfg_attr(
    no_postgres,
    ignore = "SKIPPED: no PostgreSQL 15 server programs (CI installs postgresql-15)"
)]
fn a_postgres_store_that_cannot_be_reached_is_a_clear_error() {
    let server = crosscheck_testkit::postgres::server();
    let url = server.url("no_such_database");
    let err = AnyStore::open(&url).unwrap_err();
    assert!(matches!(err, StoreError::Postgres { .. }), "{err:?}");
    assert!(err.to_string().contains("no_such_database"), "{err}");
    let with_password = url.replace("postgres@", "postgres:hunter2@");
    let err = AnyStore::open(&with_password).unwrap_err();
    assert!(!err.to_string().contains("hunter2"), "{err}");
}
