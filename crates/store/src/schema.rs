//! Versioned schema migrations.
//!
//! The schema version lives in SQLite's `user_version` header field and the
//! file is marked as ours with `application_id`. Migrations are SQL files
//! under `migrations/`, applied in order, each in its own transaction that
//! also bumps `user_version`, so a crash mid-migration leaves the previous
//! version intact.

use std::path::Path;

use rusqlite::{Connection, Transaction, TransactionBehavior};

use crate::StoreError;

/// One step of the schema history. `version` is the `user_version` the
/// database has after the step.
pub(crate) struct Migration {
    pub version: u32,
    pub name: &'static str,
    pub sql: &'static str,
    /// Work SQL cannot do (rewriting stored JSON), run after `sql` in the
    /// same transaction.
    pub rewrite: Option<fn(&Transaction) -> rusqlite::Result<()>>,
}

/// Every migration, oldest first. Append only: never edit a released step.
pub(crate) const MIGRATIONS: &[Migration] = &[
    Migration {
        version: 1,
        name: "0001_initial",
        sql: include_str!("../migrations/0001_initial.sql"),
        rewrite: None,
    },
    Migration {
        version: 2,
        name: "0002_ledger_schema_2",
        sql: include_str!("../migrations/0002_ledger_schema_2.sql"),
        rewrite: Some(upgrade_claims_to_v2),
    },
    Migration {
        version: 3,
        name: "0003_stories",
        sql: include_str!("../migrations/0003_stories.sql"),
        rewrite: None,
    },
];

/// Rewrites every stored claim written under ledger schema 1 into the
/// current shape (see `crosscheck_model::upgrade`). A claim that cannot be
/// converted fails the step, naming the claim.
fn upgrade_claims_to_v2(tx: &Transaction) -> rusqlite::Result<()> {
    let mut rows: Vec<(i64, String)> = Vec::new();
    {
        let mut stmt = tx.prepare("SELECT rowid, id, body FROM claims")?;
        let mut query = stmt.query([])?;
        while let Some(row) = query.next()? {
            let (rowid, id, body): (i64, String, String) = (row.get(0)?, row.get(1)?, row.get(2)?);
            let converted = upgrade_claim(&body).map_err(|e| {
                rusqlite::Error::ToSqlConversionFailure(format!("claim {id}: {e}").into())
            })?;
            if let Some(body) = converted {
                rows.push((rowid, body));
            }
        }
    }
    let mut update = tx.prepare("UPDATE claims SET body = ?1 WHERE rowid = ?2")?;
    for (rowid, body) in rows {
        update.execute(rusqlite::params![body, rowid])?;
    }
    Ok(())
}

/// One claim body in the current shape; `None` when it already is.
fn upgrade_claim(body: &str) -> Result<Option<String>, String> {
    let mut value: serde_json::Value = serde_json::from_str(body).map_err(|e| e.to_string())?;
    let serde_json::Value::Object(claim) = &mut value else {
        return Err("not a JSON object".to_string());
    };
    if !claim.contains_key("sentence_index") {
        return Ok(None);
    }
    crosscheck_model::upgrade::upgrade_claim_v1(claim)?;
    // Through the model type, so what is stored is what it writes.
    let claim: crosscheck_model::Claim =
        serde_json::from_value(value).map_err(|e| e.to_string())?;
    serde_json::to_string(&claim)
        .map(Some)
        .map_err(|e| e.to_string())
}

/// The schema version this code writes and understands.
pub const SCHEMA_VERSION: u32 = MIGRATIONS.len() as u32;

/// `application_id` of a crosscheck store: "CCST" in ASCII.
pub const APPLICATION_ID: i32 = 0x4343_5354;

/// What the file header says before anything is changed.
pub(crate) struct Header {
    pub application_id: i32,
    pub user_version: u32,
    pub objects: i64,
}

/// Reads the three fields in one read transaction: another process may be
/// creating the store at this moment, and fields from before and after its
/// commit would make a store being born look like a foreign database.
pub(crate) fn read_header(conn: &Connection) -> rusqlite::Result<Header> {
    let tx = conn.unchecked_transaction()?;
    let application_id = tx.query_row("PRAGMA application_id", [], |r| r.get(0))?;
    let user_version: i64 = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    let objects = tx.query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))?;
    tx.finish()?;
    Ok(Header {
        application_id,
        // A negative value cannot come from us; treat it as "too new".
        user_version: u32::try_from(user_version).unwrap_or(u32::MAX),
        objects,
    })
}

/// Refuses files that are not ours or are newer than this code, before
/// anything in them is touched.
pub(crate) fn check_header(path: &Path, header: &Header) -> Result<(), StoreError> {
    let fresh = header.application_id == 0 && header.user_version == 0 && header.objects == 0;
    if header.application_id != APPLICATION_ID && !fresh {
        return Err(StoreError::ForeignDatabase {
            path: path.to_path_buf(),
            application_id: header.application_id,
        });
    }
    if header.user_version > SCHEMA_VERSION {
        return Err(StoreError::TooNew {
            path: path.to_path_buf(),
            found: header.user_version,
            known: SCHEMA_VERSION,
        });
    }
    Ok(())
}

/// Brings the schema up to [`SCHEMA_VERSION`]; returns the version reached.
pub(crate) fn migrate(conn: &mut Connection, path: &Path) -> Result<u32, StoreError> {
    for migration in MIGRATIONS {
        // IMMEDIATE takes the write lock first, so two processes opening the
        // same new store cannot both run a step: the second waits, then sees
        // the bumped version and skips it.
        let tx = conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(|e| StoreError::sqlite(path, e))?;
        let current: i64 = tx
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .map_err(|e| StoreError::sqlite(path, e))?;
        if current > i64::from(SCHEMA_VERSION) {
            return Err(StoreError::TooNew {
                path: path.to_path_buf(),
                found: u32::try_from(current).unwrap_or(u32::MAX),
                known: SCHEMA_VERSION,
            });
        }
        if current >= i64::from(migration.version) {
            continue;
        }
        let step = || -> rusqlite::Result<()> {
            tx.execute_batch(migration.sql)?;
            if let Some(rewrite) = migration.rewrite {
                rewrite(&tx)?;
            }
            tx.pragma_update(None, "application_id", APPLICATION_ID)?;
            tx.pragma_update(None, "user_version", migration.version)?;
            Ok(())
        };
        step().map_err(|source| StoreError::Migration {
            path: path.to_path_buf(),
            name: migration.name,
            source,
        })?;
        tx.commit().map_err(|source| StoreError::Migration {
            path: path.to_path_buf(),
            name: migration.name,
            source,
        })?;
    }
    Ok(SCHEMA_VERSION)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_are_numbered_in_order_from_one() {
        for (i, m) in MIGRATIONS.iter().enumerate() {
            assert_eq!(m.version as usize, i + 1, "{}", m.name);
            assert!(
                m.name.starts_with(&format!("{:04}_", m.version)),
                "{} should start with its zero-padded version",
                m.name
            );
        }
    }

    #[test]
    fn every_migration_file_is_registered() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("migrations");
        let mut files: Vec<String> = std::fs::read_dir(&dir)
            .expect("migrations dir")
            .filter_map(|e| e.ok())
            .filter_map(|e| e.file_name().into_string().ok())
            .filter(|n| n.ends_with(".sql"))
            .collect();
        files.sort();
        let registered: Vec<String> = MIGRATIONS
            .iter()
            .map(|m| format!("{}.sql", m.name))
            .collect();
        assert_eq!(files, registered);
    }
}
