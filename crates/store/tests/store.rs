//! The SQLite store as a file: creating, migrating older files, refusing
//! what is not a crosscheck store, damaged and read-only files, each against
//! a real SQLite file in a temp dir. What every back end does (adding,
//! reloading, batches, stories) runs on SQLite and PostgreSQL in
//! `backends.rs`.

mod support;

use std::path::Path;

use crosscheck_model::{Claim, Document};
use crosscheck_store::{Store, StoreError, APPLICATION_ID, SCHEMA_VERSION};
use rusqlite::Connection;
use support::article;

fn batch(tags: &[&str]) -> Vec<(Document, Vec<Claim>)> {
    tags.iter()
        .enumerate()
        .map(|(i, t)| article(t, i % 5, 1 + i % 3))
        .collect()
}

fn raw(path: &Path) -> Connection {
    Connection::open(path).expect("raw connection")
}

#[test]
fn fixtures_have_valid_spans() {
    for (doc, claims) in batch(&["a", "b", "c", "d"]) {
        for claim in &claims {
            assert!(claim.span.is_valid_in(&doc.text), "{}", claim.id);
            for s in [
                claim.quote().map(|q| &q.span),
                claim.quantity().map(|q| &q.span),
                claim.source.span.as_ref(),
            ]
            .into_iter()
            .flatten()
            {
                assert!(
                    s.is_valid_in(&doc.text) && !s.is_empty(),
                    "{}: {s:?}",
                    claim.id
                );
            }
        }
    }
}

#[test]
fn creates_and_migrates_a_new_store() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("story.db");
    let store = Store::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
    assert_eq!(store.journal_mode(), "wal");
    assert_eq!(store.document_count().unwrap(), 0);
    assert!(store.load_all().unwrap().0.is_empty());
    assert!(store.verify().unwrap().is_empty());
    drop(store);

    let conn = raw(&path);
    let app: i32 = conn
        .query_row("PRAGMA application_id", [], |r| r.get(0))
        .unwrap();
    assert_eq!(app, APPLICATION_ID);
    let mode: String = conn
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal", "WAL is persistent in the file");
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(
        tables,
        [
            "batches",
            "claims",
            "documents",
            "stories",
            "story_state",
            "story_terms"
        ]
    );
}

#[test]
fn an_empty_file_becomes_a_store() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("empty.db");
    std::fs::write(&path, b"").unwrap();
    let mut store = Store::open(&path).unwrap();
    assert_eq!(store.add_batch(&batch(&["x"])).unwrap().added, 1);
}

#[test]
fn a_store_from_a_newer_crosscheck_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("future.db");
    Store::open(&path).unwrap();
    raw(&path)
        .pragma_update(None, "user_version", SCHEMA_VERSION + 1)
        .unwrap();

    let err = Store::open(&path).unwrap_err();
    assert!(
        matches!(err, StoreError::TooNew { found, known, .. }
        if found == SCHEMA_VERSION + 1 && known == SCHEMA_VERSION),
        "{err:?}"
    );
    let msg = err.to_string();
    assert!(msg.contains("future.db") && msg.contains("newer"), "{msg}");
    let version: u32 = raw(&path)
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, SCHEMA_VERSION + 1);
}

#[test]
fn another_programs_database_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("contacts.sqlite");
    raw(&path)
        .execute_batch(
            "CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('Ona Brisk');",
        )
        .unwrap();

    let err = Store::open(&path).unwrap_err();
    assert!(matches!(err, StoreError::ForeignDatabase { .. }), "{err:?}");
    assert!(err.to_string().contains("contacts.sqlite"), "{err}");
    let conn = raw(&path);
    let mode: String = conn
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "delete", "journal mode left as it was");
    let tables: i64 = conn
        .query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))
        .unwrap();
    assert_eq!(tables, 1);
}

#[test]
fn files_that_are_not_databases_give_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let text = dir.path().join("notes.txt");
    std::fs::write(
        &text,
        "Minutes of the Velmora harbour board, not a database.\n".repeat(200),
    )
    .unwrap();
    let binary = dir.path().join("blob.bin");
    std::fs::write(
        &binary,
        (0..20_000u32)
            .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
            .collect::<Vec<_>>(),
    )
    .unwrap();

    for path in [&text, &binary] {
        let before = std::fs::read(path).unwrap();
        let err = Store::open(path).unwrap_err();
        assert!(matches!(err, StoreError::NotADatabase { .. }), "{err:?}");
        let msg = err.to_string();
        let name = path.file_name().unwrap().to_str().unwrap();
        assert!(
            msg.contains(name) && msg.contains("not an SQLite database"),
            "{msg}"
        );
        assert_eq!(std::fs::read(path).unwrap(), before, "file left as it was");
    }
}

#[test]
fn a_directory_or_unreachable_path_gives_an_open_error() {
    let dir = tempfile::tempdir().unwrap();
    for path in [
        dir.path().to_path_buf(),
        dir.path().join("missing/sub/story.db"),
    ] {
        let err = Store::open(&path).unwrap_err();
        assert!(matches!(err, StoreError::Open { .. }), "{path:?}: {err:?}");
        assert!(err.to_string().contains(&*path.to_string_lossy()), "{err}");
    }
}

#[test]
fn a_damaged_store_reports_errors_instead_of_panicking() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("damaged.db");
    {
        let mut store = Store::open(&path).unwrap();
        let tags: Vec<String> = (0..60).map(|i| format!("doc{i}")).collect();
        let tags: Vec<&str> = tags.iter().map(String::as_str).collect();
        store.add_batch(&batch(&tags)).unwrap();
    }
    let pristine = std::fs::read(&path).unwrap();
    assert!(pristine.len() > 8 * 4096, "store should span many pages");

    // A scribbled-over page in the middle, and a file cut in half.
    let mut scribbled = pristine.clone();
    for b in &mut scribbled[3 * 4096..5 * 4096] {
        *b = 0xA5;
    }
    let truncated = pristine[..pristine.len() / 2].to_vec();

    for (what, bytes) in [("scribbled", scribbled), ("truncated", truncated)] {
        std::fs::write(&path, &bytes).unwrap();
        let detected = match Store::open(&path) {
            Err(err) => {
                assert!(err.to_string().contains("damaged.db"), "{what}: {err}");
                true
            }
            Ok(store) => {
                let loaded = store.load_all();
                let problems = store.verify();
                eprintln!(
                    "{what}: load_all -> {:?}",
                    loaded.as_ref().map(|(d, _)| d.len())
                );
                eprintln!("{what}: verify -> {problems:?}");
                loaded.is_err() || !matches!(problems, Ok(ref p) if p.is_empty())
            }
        };
        assert!(detected, "{what} store was not reported as damaged");
    }
}

#[test]
fn open_existing_never_creates_a_store() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("typo.db");
    let err = Store::open_existing(&path).unwrap_err();
    assert!(matches!(err, StoreError::Missing { .. }), "{err:?}");
    assert!(err.to_string().contains("typo.db"), "{err}");
    assert!(!path.exists());

    Store::open(&path)
        .unwrap()
        .add_batch(&batch(&["kept"]))
        .unwrap();
    let store = Store::open_existing(&path).unwrap();
    assert!(store.contains("kept").unwrap());
}

/// A store as crosscheck wrote it under ledger schema 1 (store schema
/// version 1): claims keep `sentence_index`, a copy of the sentence text and
/// `null` payloads of the other kinds.
fn write_v1_store(path: &Path, batch: &[(Document, Vec<Claim>)], break_claim: Option<&str>) {
    write_old_store(path, batch, 1, break_claim);
}

/// A store as an older crosscheck wrote it: store schema `version` 1 (claims
/// of ledger schema 1, see [`write_v1_store`]) or 2 (claims of ledger schema
/// 2, no story index).
fn write_old_store(
    path: &Path,
    batch: &[(Document, Vec<Claim>)],
    version: u32,
    break_claim: Option<&str>,
) {
    let conn = raw(path);
    conn.execute_batch(include_str!("../migrations/0001_initial.sql"))
        .expect("write the old store");
    if version >= 2 {
        conn.execute_batch(include_str!("../migrations/0002_ledger_schema_2.sql"))
            .expect("write the old store");
    }
    conn.pragma_update(None, "application_id", APPLICATION_ID)
        .expect("write the old store");
    conn.pragma_update(None, "user_version", version)
        .expect("write the old store");
    conn.execute(
        "INSERT INTO batches (id, added_at, documents, claims) VALUES (1, 'then', ?1, ?2)",
        rusqlite::params![
            batch.len() as i64,
            batch.iter().map(|(_, c)| c.len()).sum::<usize>() as i64
        ],
    )
    .expect("write the old store");
    for (doc, claims) in batch {
        conn.execute(
            "INSERT INTO documents (id, source, words, added_at, batch, claim_count, body) \
             VALUES (?1, ?2, 0, 'then', 1, ?3, ?4)",
            rusqlite::params![
                doc.id,
                doc.source,
                claims.len() as i64,
                serde_json::to_string(doc).expect("write the old store")
            ],
        )
        .expect("write the old store");
        for (seq, claim) in claims.iter().enumerate() {
            let mut v1 = support::old_claim_json(claim, doc, version.into());
            if break_claim == Some(claim.id.as_str()) {
                if let Some(obj) = v1.as_object_mut() {
                    obj.insert(claim.kind().name().into(), serde_json::Value::Null);
                }
            }
            conn.execute(
                "INSERT INTO claims (doc, seq, id, kind, body) VALUES (?1, ?2, ?3, ?4, ?5)",
                rusqlite::params![
                    doc.id,
                    seq as i64,
                    claim.id,
                    claim.kind().name(),
                    serde_json::to_string(&v1).expect("write the old store")
                ],
            )
            .expect("write the old store");
        }
    }
}

#[test]
fn a_store_written_under_ledger_schema_1_is_migrated_without_loss() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.db");
    let stored = batch(&["a", "b", "c"]);
    write_v1_store(&path, &stored, None);

    let store = Store::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
    assert!(store.verify().unwrap().is_empty());
    let (documents, claims) = store.load_all().unwrap();
    let want_docs: Vec<Document> = stored.iter().map(|(d, _)| d.clone()).collect();
    let want_claims: Vec<Claim> = stored.iter().flat_map(|(_, c)| c.clone()).collect();
    assert_eq!(documents, want_docs);
    assert_eq!(claims, want_claims);
    drop(store);

    // The rows themselves are in the new shape, not converted on each read.
    let body: String = raw(&path)
        .query_row("SELECT body FROM claims LIMIT 1", [], |r| r.get(0))
        .unwrap();
    assert!(!body.contains("sentence_index"), "{body}");
    // Opening again has nothing left to do.
    let again = Store::open(&path).unwrap().load_all().unwrap();
    assert_eq!(again.1, want_claims);
}

/// Stores written before stories (store schema 1, and 2 of ledger schema 2)
/// open at the current version with everything they held, keep no story
/// index yet, and take one with their next batch.
#[test]
fn stores_written_before_stories_open_and_take_a_story_index() {
    use crosscheck_stories::{DocumentProfile, StoryIndex};
    for version in [1, 2] {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(format!("v{version}.db"));
        let stored = batch(&["a", "b"]);
        write_old_store(&path, &stored, version, None);

        let mut store = Store::open(&path).unwrap();
        assert_eq!(
            store.schema_version().unwrap(),
            SCHEMA_VERSION,
            "v{version}"
        );
        assert!(store.verify().unwrap().is_empty(), "v{version}");
        support::assert_loaded(store.load_all().unwrap(), &stored, &format!("v{version}"));
        assert!(store.load_story_index().unwrap().is_none(), "v{version}");

        // Grouped once, then extended by the next batch.
        let mut index = StoryIndex::new();
        for (doc, _) in &stored {
            index.add(&DocumentProfile::of(doc));
        }
        store.save_stories(&index.take_delta()).unwrap();
        let (doc, doc_claims) = article("c", 2, 1);
        index.add(&DocumentProfile::of(&doc));
        let delta = index.take_delta();
        store
            .add_batch_with_stories(&[(doc.clone(), doc_claims)], Some(&delta))
            .unwrap();
        drop(store);
        let loaded = Store::open(&path)
            .unwrap()
            .load_story_index()
            .unwrap()
            .expect("an index is kept");
        for id in stored.iter().map(|(d, _)| &d.id).chain([&doc.id]) {
            assert_eq!(
                loaded.story_of(id).map(|s| s.number),
                index.story_of(id).map(|s| s.number),
                "v{version} {id}"
            );
            assert!(loaded.story_of(id).is_some(), "v{version} {id}");
        }
    }
}

#[test]
fn a_schema_1_claim_that_cannot_be_converted_stops_the_migration_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.db");
    let stored = batch(&["a", "b"]);
    let broken = stored[1].1[0].id.clone();
    write_v1_store(&path, &stored, Some(&broken));
    let before: Vec<String> = {
        let conn = raw(&path);
        let mut stmt = conn
            .prepare("SELECT body FROM claims ORDER BY rowid")
            .unwrap();
        let rows = stmt.query_map([], |r| r.get(0)).unwrap();
        rows.map(|r| r.unwrap()).collect()
    };

    let err = Store::open(&path).unwrap_err();
    assert!(matches!(err, StoreError::Migration { .. }), "{err}");
    let message = format!(
        "{err}: {}",
        std::error::Error::source(&err)
            .map(|s| s.to_string())
            .unwrap_or_default()
    );
    assert!(message.contains(&broken), "{message}");

    let conn = raw(&path);
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, 1, "the failed step left the old version");
    let mut stmt = conn
        .prepare("SELECT body FROM claims ORDER BY rowid")
        .unwrap();
    let after: Vec<String> = stmt
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(|r| r.unwrap())
        .collect();
    assert_eq!(after, before, "no stored claim changed");
}

#[test]
fn documents_one_at_a_time_are_what_load_all_gives() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path().join("story.db")).unwrap();
    // Claim counts 0 to 4: documents without claims sit between others.
    store
        .add_batch(&batch(&["a", "b", "c", "d", "e", "f"]))
        .unwrap();
    store.add_batch(&batch(&["g", "h"])).unwrap();
    let (docs, claims) = store.load_all().unwrap();
    let mut alone = Vec::new();
    store
        .for_each_document(|doc| {
            alone.push(doc);
            Ok::<(), StoreError>(())
        })
        .unwrap();
    assert_eq!(alone, docs);
    let mut seen: Vec<(Document, Vec<Claim>)> = Vec::new();
    store
        .for_each_document_with_claims(|doc, claims| {
            seen.push((doc, claims));
            Ok::<(), StoreError>(())
        })
        .unwrap();
    assert_eq!(seen.len(), docs.len());
    for ((doc, own), want) in seen.iter().zip(&docs) {
        assert_eq!(doc, want);
        assert!(own.iter().all(|c| c.doc == doc.id), "{}", doc.id);
    }
    let flat: Vec<Claim> = seen.into_iter().flat_map(|(_, c)| c).collect();
    assert_eq!(flat, claims);
    assert!(claims.len() > 8, "the batch has claims to split");

    // The first error the caller gives ends the walk.
    let mut calls = 0;
    let stopped = store.for_each_document_with_claims(|_, _| {
        calls += 1;
        if calls == 3 {
            Err(StoreError::Corrupt {
                path: "here".into(),
                detail: "stop".into(),
            })
        } else {
            Ok(())
        }
    });
    assert!(stopped.is_err());
    assert_eq!(calls, 3);
}

#[test]
fn a_damaged_claim_stops_the_walk_with_its_name() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("story.db");
    let mut store = Store::open(&path).unwrap();
    store.add_batch(&batch(&["a", "b", "c"])).unwrap();
    drop(store);
    let conn = raw(&path);
    let id: String = conn
        .query_row("SELECT id FROM claims ORDER BY id LIMIT 1", [], |r| {
            r.get(0)
        })
        .unwrap();
    conn.execute("UPDATE claims SET body = '{' WHERE id = ?1", [&id])
        .unwrap();
    drop(conn);
    let store = Store::open(&path).unwrap();
    let err = store
        .for_each_document_with_claims(|_, _| Ok::<(), StoreError>(()))
        .unwrap_err();
    assert!(err.to_string().contains(&id), "{err}");
}
