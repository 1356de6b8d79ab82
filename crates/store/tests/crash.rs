//! Kills a writer process mid-batch (SIGKILL, and SIGINT as Ctrl-C sends
//! it), again and again, and proves the store
//! stays consistent: SQLite's integrity check passes, every document has
//! all its claims, every batch is wholly present or wholly absent, and every
//! batch the writer saw committed survived.
//!
//! The writer is this same binary re-executed with `WRITER_DB` set, so no
//! helper binary has to be found on disk. It prints `begin R K` before and
//! `commit R K` after each batch; the last line before the kill tells
//! whether the kill landed inside a batch.

mod support;

use std::collections::{BTreeMap, BTreeSet};
use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use crosscheck_model::{Claim, Document};
use crosscheck_store::Store;
use rusqlite::Connection;

const WRITER_DB: &str = "CROSSCHECK_STORE_CRASH_WRITER_DB";
const WRITER_ROUND: &str = "CROSSCHECK_STORE_CRASH_WRITER_ROUND";
const TEST_NAME: &str = "writer_killed_mid_batch_leaves_store_consistent";

/// Rounds to run at least, and kills that must land inside a batch.
const MIN_ROUNDS: u32 = 8;
const MIN_MID_BATCH_KILLS: u32 = 4;
const MAX_ROUNDS: u32 = 30;

type BatchKey = (u32, u32);

fn batch_size(k: u32) -> u32 {
    40 + (k % 4) * 20
}

fn claims_for(k: u32, i: u32) -> u32 {
    (k + i) % 9
}

fn doc_id(round: u32, k: u32, i: u32) -> String {
    format!("r{round}b{k}d{i}")
}

fn parse_doc_id(id: &str) -> Option<(u32, u32, u32)> {
    let rest = id.strip_prefix('r')?;
    let (round, rest) = rest.split_once('b')?;
    let (k, i) = rest.split_once('d')?;
    Some((round.parse().ok()?, k.parse().ok()?, i.parse().ok()?))
}

fn make_batch(round: u32, k: u32) -> Vec<(Document, Vec<Claim>)> {
    (0..batch_size(k))
        .map(|i| support::article(&doc_id(round, k, i), claims_for(k, i) as usize, 2))
        .collect()
}

fn main() {
    if let Ok(db) = std::env::var(WRITER_DB) {
        let round = std::env::var(WRITER_ROUND)
            .ok()
            .and_then(|r| r.parse().ok())
            .unwrap_or(0);
        writer(Path::new(&db), round);
        return;
    }
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.iter().any(|a| a == "--list") {
        println!("{TEST_NAME}: test");
        return;
    }
    let filters: Vec<&String> = args.iter().filter(|a| !a.starts_with('-')).collect();
    if !filters.is_empty() && !filters.iter().any(|f| TEST_NAME.contains(f.as_str())) {
        println!("running 0 tests (1 filtered out)");
        return;
    }
    println!("running 1 test");
    let summary = crash_test();
    println!("test {TEST_NAME} ... ok ({summary})");
}

/// Writes batches forever; only a kill stops it.
fn writer(db: &Path, round: u32) {
    // A shell without job control starts background commands with SIGINT
    // ignored, and children inherit that: the writer would outlive the
    // Ctrl-C rounds and the test would wait on it forever. It takes Ctrl-C
    // as a user's process does.
    // SAFETY: restoring the default disposition of one signal, before any
    // other thread exists; no handler is installed.
    unsafe {
        libc::signal(libc::SIGINT, libc::SIG_DFL);
    }
    let mut out = std::io::stdout().lock();
    let mut store = match Store::open(db) {
        Ok(store) => store,
        Err(e) => {
            eprintln!("writer: {e}");
            std::process::exit(2);
        }
    };
    let _ = writeln!(out, "open {round}");
    for k in 0.. {
        let batch = make_batch(round, k);
        let _ = writeln!(out, "begin {round} {k}");
        if let Err(e) = store.add_batch(&batch) {
            eprintln!("writer: {e}");
            std::process::exit(2);
        }
        let _ = writeln!(out, "commit {round} {k}");
    }
}

/// Kills the child on every exit path, so a failing assertion leaves no
/// writer running.
struct Writer(Child);

impl Drop for Writer {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

const SIGINT: i32 = 2;
const SIGKILL: i32 = 9;

/// Odd rounds get Ctrl-C (SIGINT, sent with `kill -s INT`), even rounds
/// SIGKILL; returns the signal sent.
fn stop(child: &mut Child, round: u32) -> i32 {
    if round % 2 == 1 {
        let sent = Command::new("kill")
            .args(["-s", "INT", &child.id().to_string()])
            .status()
            .expect("run kill -s INT");
        assert!(sent.success(), "kill -s INT failed: {sent}");
        SIGINT
    } else {
        child.kill().expect("SIGKILL writer");
        SIGKILL
    }
}

#[cfg(unix)]
fn killed_by(status: &std::process::ExitStatus) -> Option<i32> {
    std::os::unix::process::ExitStatusExt::signal(status)
}

struct RoundOutcome {
    committed: BTreeSet<BatchKey>,
    in_flight: Option<BatchKey>,
}

fn crash_test() -> String {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("crash.db");
    let exe = std::env::current_exe().expect("own executable");

    let mut committed: BTreeSet<BatchKey> = BTreeSet::new();
    let mut in_flight: BTreeSet<BatchKey> = BTreeSet::new();
    let mut mid_batch_kills = 0;
    let mut round = 0;
    while round < MIN_ROUNDS || (mid_batch_kills < MIN_MID_BATCH_KILLS && round < MAX_ROUNDS) {
        let outcome = run_round(&exe, &db, round);
        if let Some(key) = outcome.in_flight {
            mid_batch_kills += 1;
            in_flight.insert(key);
        }
        committed.extend(outcome.committed);
        let stored = check_consistent(&db, &committed, &in_flight);
        eprintln!(
            "round {round}: {} {}, {} batches stored",
            if round % 2 == 1 { "SIGINT" } else { "SIGKILL" },
            match outcome.in_flight {
                Some((_, k)) => format!("inside batch {k}"),
                None => "between batches".to_string(),
            },
            stored.len()
        );
        round += 1;
    }
    assert!(
        mid_batch_kills >= MIN_MID_BATCH_KILLS,
        "only {mid_batch_kills} of {round} kills landed inside a batch"
    );

    // The store keeps working after all that.
    let mut store = Store::open(&db).expect("reopen after crashes");
    let before = store.document_count().expect("count");
    let stats = store
        .add_batch(&make_batch(u32::MAX, 0))
        .expect("write after crashes");
    assert_eq!(stats.added as u32, batch_size(0));
    assert_eq!(store.document_count().expect("count"), before + stats.added);
    assert_eq!(store.verify().expect("verify"), Vec::<String>::new());

    format!(
        "{round} kills ({} SIGKILL, {} SIGINT), {mid_batch_kills} inside a batch, {} batches committed, \
         {before} documents survived",
        round.div_ceil(2),
        round / 2,
        committed.len()
    )
}

/// Starts a writer, lets it commit a few batches, kills it at a varying
/// moment, and reports what it said it had done.
fn run_round(exe: &Path, db: &Path, round: u32) -> RoundOutcome {
    let child = Command::new(exe)
        .env(WRITER_DB, db)
        .env(WRITER_ROUND, round.to_string())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("spawn writer");
    let mut writer = Writer(child);
    let stdout = writer.0.stdout.take().expect("writer stdout");
    let (tx, rx) = mpsc::channel::<String>();
    let reader = std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            let Ok(line) = line else { break };
            if tx.send(line).is_err() {
                break;
            }
        }
    });

    // Round 0 is killed while it may still be opening (recovery, migration);
    // later rounds after 1 to 3 commits plus a delay that walks through the
    // batch cycle.
    let wanted_commits = if round == 0 { 0 } else { 1 + round % 3 };
    let mut lines = Vec::new();
    let deadline = Instant::now() + Duration::from_secs(120);
    while lines
        .iter()
        .filter(|l: &&String| l.starts_with("commit"))
        .count()
        < wanted_commits as usize
    {
        match rx.recv_timeout(Duration::from_millis(100)) {
            Ok(line) => lines.push(line),
            Err(mpsc::RecvTimeoutError::Timeout) => {
                if let Ok(Some(status)) = writer.0.try_wait() {
                    panic!("writer exited early with {status}");
                }
                assert!(Instant::now() < deadline, "writer made no progress");
            }
            Err(mpsc::RecvTimeoutError::Disconnected) => panic!("writer closed its output"),
        }
    }
    std::thread::sleep(Duration::from_micros(u64::from(round) * 2_300 % 17_000));
    let signal = stop(&mut writer.0, round);
    let status = writer.0.wait().expect("reap writer");
    assert_eq!(
        killed_by(&status),
        Some(signal),
        "writer ended with {status}, not by the signal"
    );
    drop(writer);
    reader.join().expect("reader thread");
    lines.extend(rx.try_iter());

    let mut committed = BTreeSet::new();
    let mut in_flight = None;
    for line in &lines {
        let mut parts = line.split(' ');
        let (Some(what), Some(r), Some(k)) = (parts.next(), parts.next(), parts.next()) else {
            continue;
        };
        let key = (r.parse().expect("round"), k.parse().expect("batch"));
        match what {
            "begin" => in_flight = Some(key),
            "commit" => {
                committed.insert(key);
                in_flight = None;
            }
            _ => {}
        }
    }
    RoundOutcome {
        committed,
        in_flight,
    }
}

/// Asserts every consistency property on the raw file; returns the batches
/// present.
fn check_consistent(
    db: &Path,
    committed: &BTreeSet<BatchKey>,
    in_flight: &BTreeSet<BatchKey>,
) -> BTreeMap<BatchKey, u32> {
    let conn = Connection::open(db).expect("open killed store");
    let integrity: Vec<String> = conn
        .prepare("PRAGMA integrity_check")
        .and_then(|mut s| s.query_map([], |r| r.get(0))?.collect())
        .expect("integrity_check");
    assert_eq!(integrity, ["ok"]);
    let fk_problems: i64 = conn
        .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
            r.get(0)
        })
        .expect("foreign_key_check");
    assert_eq!(fk_problems, 0, "claims or documents point at missing rows");

    // A writer killed while creating the store leaves either no schema at
    // all or the whole first migration, never part of it.
    let (version, tables): (i64, i64) = conn
        .query_row(
            "SELECT (SELECT user_version FROM pragma_user_version), \
             (SELECT count(*) FROM sqlite_schema WHERE type = 'table')",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .expect("read schema state");
    if version == 0 {
        assert_eq!(
            tables, 0,
            "tables without a schema version: half a migration"
        );
        assert!(committed.is_empty(), "committed batches but no schema");
        drop(conn);
        let store = Store::open(db).expect("Store::open on a store killed while created");
        assert_eq!(store.document_count().expect("count"), 0);
        return BTreeMap::new();
    }

    // Per document: recorded claim count, actual claim rows, and the count
    // the writer built must all agree; every claim names its document.
    let mut docs_per_batch: BTreeMap<BatchKey, u32> = BTreeMap::new();
    let mut batch_column: BTreeMap<BatchKey, BTreeSet<i64>> = BTreeMap::new();
    let mut stmt = conn
        .prepare("SELECT id, claim_count, batch, body FROM documents")
        .expect("prepare");
    let rows: Vec<(String, i64, i64, String)> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .and_then(|rows| rows.collect())
        .expect("read documents");
    for (id, claim_count, batch, body) in rows {
        let (round, k, i) = parse_doc_id(&id).unwrap_or_else(|| panic!("unexpected id {id}"));
        let doc: Document = serde_json::from_str(&body).expect("document body");
        assert_eq!(doc.id, id);
        let claims: Vec<Claim> = conn
            .prepare("SELECT body FROM claims WHERE doc = ?1 ORDER BY seq")
            .and_then(|mut s| {
                s.query_map([&id], |r| r.get::<_, String>(0))?
                    .collect::<Result<Vec<_>, _>>()
            })
            .expect("read claims")
            .iter()
            .map(|b| serde_json::from_str(b).expect("claim body"))
            .collect();
        assert_eq!(
            claims.len() as i64,
            claim_count,
            "{id}: claim rows vs claim_count"
        );
        assert_eq!(
            claims.len() as u32,
            claims_for(k, i),
            "{id}: claim rows vs what was written"
        );
        assert!(
            claims.iter().all(|c| c.doc == id),
            "{id}: claim of another document"
        );
        *docs_per_batch.entry((round, k)).or_default() += 1;
        batch_column.entry((round, k)).or_default().insert(batch);
    }

    // Per batch: all of its documents or none, tagged with one batch number
    // whose recorded counts match.
    for (key, &count) in &docs_per_batch {
        assert_eq!(count, batch_size(key.1), "batch {key:?} is partial");
        let tags = &batch_column[key];
        assert_eq!(
            tags.len(),
            1,
            "batch {key:?} rows carry several batch numbers"
        );
        let tag = *tags.iter().next().expect("one tag");
        let (docs, claims): (i64, i64) = conn
            .query_row(
                "SELECT documents, claims FROM batches WHERE id = ?1",
                [tag],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .expect("batch row");
        let want_claims: u32 = (0..batch_size(key.1)).map(|i| claims_for(key.1, i)).sum();
        assert_eq!(
            (docs, claims),
            (i64::from(count), i64::from(want_claims)),
            "batch {key:?}"
        );
        assert!(
            committed.contains(key) || in_flight.contains(key),
            "batch {key:?} present but never begun"
        );
    }
    let batch_rows: i64 = conn
        .query_row("SELECT count(*) FROM batches", [], |r| r.get(0))
        .expect("count batches");
    assert_eq!(
        batch_rows as usize,
        docs_per_batch.len(),
        "batch rows without documents"
    );
    for key in committed {
        assert!(
            docs_per_batch.contains_key(key),
            "committed batch {key:?} was lost"
        );
    }
    drop(stmt);
    drop(conn);

    // And the store itself opens, agrees, and reloads everything.
    let store = Store::open(db).expect("Store::open after kill");
    assert_eq!(store.verify().expect("verify"), Vec::<String>::new());
    let (docs, _) = store.load_all().expect("load_all after kill");
    assert_eq!(docs.len() as u32, docs_per_batch.values().sum::<u32>());
    docs_per_batch
}
