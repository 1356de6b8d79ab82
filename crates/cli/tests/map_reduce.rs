//! `crosscheck map` then `crosscheck reduce` gives the ledger `analyze` gives
//! on the same inputs; a rerun of a shard replaces its part; the ledger's
//! Parquet tables read back to the ledger's documents and claims; every
//! ledger file form reads back to the same ledger.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use crosscheck_model::Ledger;

fn crosscheck(args: &[&str], dir: &Path) -> Output {
    let out = Command::new(env!("CARGO_BIN_EXE_crosscheck"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("the crosscheck binary runs");
    assert!(
        out.status.success(),
        "crosscheck {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

fn demo_corpus(dir: &Path) -> PathBuf {
    let corpus = dir.join("corpus");
    std::fs::create_dir_all(&corpus).expect("temp dir");
    let demo = Path::new(env!("CARGO_MANIFEST_DIR")).join("demo");
    for entry in std::fs::read_dir(demo).expect("the demo corpus") {
        let path = entry.expect("demo file").path();
        let name = path.file_name().expect("a file name");
        std::fs::copy(&path, corpus.join(name)).expect("copied");
    }
    corpus
}

/// Runs `analyze` (the ledger built story by story, and held whole) and
/// `map` + `reduce` on `corpus` and checks that the ledgers are the same
/// bytes; returns the ledger.
fn assert_same_ledger(dir: &Path, corpus: &str) -> Ledger {
    crosscheck(&["analyze", corpus, "-o", "analyze.json", "--quiet"], dir);
    crosscheck(
        &[
            "analyze",
            corpus,
            "-o",
            "whole.json",
            "--quiet",
            "--ledger-in-memory",
        ],
        dir,
    );
    let whole = std::fs::read(dir.join("whole.json")).expect("analyze wrote");
    let by_story = std::fs::read(dir.join("analyze.json")).expect("analyze wrote");
    assert!(
        whole == by_story,
        "the ledger built story by story differs from the one held whole"
    );
    crosscheck(&["map", corpus, "--out", "parts", "--quiet"], dir);
    crosscheck(&["reduce", "parts", "-o", "reduce.json", "--quiet"], dir);
    let analyzed = std::fs::read_to_string(dir.join("analyze.json")).expect("analyze wrote");
    let reduced = std::fs::read_to_string(dir.join("reduce.json")).expect("reduce wrote");
    let ledger = crosscheck_model::json::read_ledger(&analyzed).expect("a ledger");
    assert!(!ledger.claims.is_empty());
    if analyzed != reduced {
        let other = crosscheck_model::json::read_ledger(&reduced).expect("a ledger");
        assert_eq!(ledger.documents.len(), other.documents.len(), "documents");
        assert_eq!(ledger.claims, other.claims, "claims");
        assert_eq!(ledger.propositions, other.propositions, "propositions");
        assert_eq!(ledger, other);
        panic!("the ledgers are equal as values but not as bytes");
    }
    ledger
}

/// A store's ledger is built story by story, the store read back a
/// document at a time: the same bytes as the ledger held whole, on a first
/// run and on one that adds to the store.
#[test]
fn a_stores_ledger_built_story_by_story_is_the_whole_ledger() {
    let dir = tempfile::tempdir().unwrap();
    demo_corpus(dir.path());
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir.path().join("corpus"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    let first = files
        .first()
        .expect("demo files")
        .to_str()
        .unwrap()
        .to_string();
    let mut counts = Vec::new();
    for (input, name) in [(first.as_str(), "first"), ("corpus", "all")] {
        for (db, extra) in [
            ("by-story.db", None),
            ("whole.db", Some("--ledger-in-memory")),
        ] {
            let out = format!("{name}-{db}.json");
            let mut args = vec!["analyze", input, "--db", db, "-o", &out, "--quiet"];
            args.extend(extra);
            crosscheck(&args, dir.path());
        }
        let by_story = std::fs::read(dir.path().join(format!("{name}-by-story.db.json"))).unwrap();
        let whole = std::fs::read(dir.path().join(format!("{name}-whole.db.json"))).unwrap();
        assert!(
            by_story == whole,
            "{name}: the store's ledger built story by story differs from the one held whole"
        );
        let ledger = crosscheck_model::json::read_ledger(&String::from_utf8(by_story).unwrap())
            .expect("a ledger");
        assert!(!ledger.claims.is_empty(), "{name}");
        counts.push(ledger.documents.len());
    }
    assert!(
        counts[1] > counts[0],
        "the second run added to the store: {counts:?}"
    );
}

/// Reports and Parquet tables need the whole ledger: `analyze` and `reduce`
/// build it story by story into a temporary file and read it back, and every
/// output is the same bytes as the ledger held whole gives (the Parquet
/// files carry a write stamp, so their contents are compared).
#[test]
fn reports_and_tables_from_the_ledger_built_story_by_story_are_the_whole_ledgers() {
    let dir = tempfile::tempdir().unwrap();
    demo_corpus(dir.path());
    let d = dir.path();
    crosscheck(&["map", "corpus", "--out", "parts", "--quiet"], d);
    let outputs = |name: &str| {
        [
            "-o".to_string(),
            format!("{name}.json"),
            "--with-text".to_string(),
            "--html".to_string(),
            format!("{name}.html"),
            "--markdown".to_string(),
            format!("{name}.md"),
            "--csv".to_string(),
            format!("{name}.csv"),
            "--parquet".to_string(),
            format!("{name}-tables"),
            "--quiet".to_string(),
        ]
    };
    let runs: [(&str, Vec<&str>); 3] = [
        ("whole", vec!["analyze", "corpus", "--ledger-in-memory"]),
        ("by-story", vec!["analyze", "corpus"]),
        ("reduced", vec!["reduce", "parts"]),
    ];
    for (name, command) in &runs {
        let outputs = outputs(name);
        let mut args = command.clone();
        args.extend(outputs.iter().map(String::as_str));
        crosscheck(&args, d);
        let tables = format!("{name}-tables");
        let read_back = format!("{name}.tables.json");
        crosscheck(&["reduce", &tables, "-o", &read_back, "--quiet"], d);
    }
    for (name, _) in &runs[1..] {
        for ext in ["json", "html", "md", "csv", "tables.json"] {
            let whole = std::fs::read(d.join(format!("whole.{ext}"))).unwrap();
            let other = std::fs::read(d.join(format!("{name}.{ext}"))).unwrap();
            assert!(!whole.is_empty(), "{ext}");
            assert!(
                whole == other,
                "{name}.{ext} differs from the whole ledger's"
            );
        }
    }
    // `report --db` builds the store's ledger the same way: its reports are
    // those of the ledger file `analyze --db` wrote.
    crosscheck(
        &[
            "analyze", "corpus", "--db", "s.db", "-o", "s.json", "--quiet",
        ],
        d,
    );
    crosscheck(
        &[
            "report",
            "--db",
            "s.db",
            "--markdown",
            "db.md",
            "--csv",
            "db.csv",
        ],
        d,
    );
    crosscheck(
        &[
            "report",
            "--ledger",
            "s.json",
            "--markdown",
            "file.md",
            "--csv",
            "file.csv",
        ],
        d,
    );
    for ext in ["md", "csv"] {
        let from_db = std::fs::read(d.join(format!("db.{ext}"))).unwrap();
        let from_file = std::fs::read(d.join(format!("file.{ext}"))).unwrap();
        assert!(
            !from_db.is_empty() && from_db == from_file,
            "report --db: {ext}"
        );
    }
    // A JSON lines ledger read a line at a time is the ledger.
    crosscheck(&["analyze", "corpus", "-o", "lines.jsonl", "--quiet"], d);
    let file = std::fs::File::open(d.join("lines.jsonl")).unwrap();
    let streamed =
        crosscheck_model::json::read_ledger_lines(std::io::BufReader::new(file)).unwrap();
    let whole = std::fs::read_to_string(d.join("whole.json")).unwrap();
    assert_eq!(
        streamed,
        crosscheck_model::json::read_ledger(&whole).unwrap()
    );
}

#[test]
fn map_and_reduce_give_the_analyze_ledger_on_the_demo() {
    let dir = tempfile::tempdir().unwrap();
    demo_corpus(dir.path());
    let ledger = assert_same_ledger(dir.path(), "corpus");
    assert!(ledger.documents.iter().any(|d| d.duplicate_of.is_some()));

    // A rerun of one shard replaces its part: the same ledger again.
    let shard = std::fs::read_dir(dir.path().join("corpus"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .min()
        .unwrap();
    let shard = format!("corpus/{shard}");
    crosscheck(&["map", &shard, "--out", "parts", "--quiet"], dir.path());
    crosscheck(
        &["reduce", "parts", "-o", "again.json", "--quiet"],
        dir.path(),
    );
    let again = std::fs::read_to_string(dir.path().join("again.json")).unwrap();
    let before = std::fs::read_to_string(dir.path().join("reduce.json")).unwrap();
    assert!(again == before, "a rerun of {shard} changed the ledger");
}

#[test]
#[cfg_attr(
    no_shared,
    ignore = "SKIPPED: ../shared not found (set CROSSCHECK_SHARED)"
)]
fn map_and_reduce_give_the_analyze_ledger_on_seeds_and_reuters() {
    let dir = tempfile::tempdir().unwrap();
    // The seeds one shard each, the first 2,000 Reuters stories in four.
    crosscheck_testkit::write_seed_and_reuters_shards(&dir.path().join("corpus"), 2000, 500);
    let ledger = assert_same_ledger(dir.path(), "corpus");
    assert!(ledger.documents.len() > 1900, "{}", ledger.documents.len());
    assert!(!ledger.propositions.is_empty());
}

#[test]
fn ledger_files_and_parquet_tables_read_back_to_the_ledger() {
    let dir = tempfile::tempdir().unwrap();
    demo_corpus(dir.path());
    let d = dir.path();
    crosscheck(
        &[
            "analyze",
            "corpus",
            "-o",
            "full.json",
            "--with-text",
            "--pretty",
        ],
        d,
    );
    crosscheck(&["analyze", "corpus", "-o", "bare.json", "--quiet"], d);
    crosscheck(
        &[
            "analyze",
            "corpus",
            "-o",
            "lines.jsonl",
            "--parquet",
            "tables",
            "--quiet",
        ],
        d,
    );
    let read = |name: &str| {
        let text = std::fs::read_to_string(d.join(name)).unwrap();
        crosscheck_model::json::read_ledger(&text).unwrap()
    };
    let full = read("full.json");
    assert_eq!(read("bare.json"), full);
    assert_eq!(read("lines.jsonl"), full);
    let bare = std::fs::read_to_string(d.join("bare.json")).unwrap();
    assert_eq!(bare.lines().count(), 1, "compact by default");
    assert!(bare.len() < std::fs::read_to_string(d.join("full.json")).unwrap().len());
    let lines = std::fs::read_to_string(d.join("lines.jsonl")).unwrap();
    let kinds: Vec<String> = lines
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["kind"].to_string())
        .collect();
    assert_eq!(kinds[0], "\"ledger\"");
    assert_eq!(
        kinds.iter().filter(|k| *k == "\"claim\"").count(),
        full.claims.len()
    );

    // The tables hold the ledger's documents (with mentions) and claims.
    let part = crosscheck_columnar::read_part(&d.join("tables"), "ledger").unwrap();
    assert_eq!(part.documents, full.documents);
    let mut claims = full.claims.clone();
    claims.sort_by_key(|c| {
        full.documents
            .iter()
            .position(|doc| doc.id == c.doc)
            .unwrap()
    });
    assert_eq!(part.claims, claims);

    // A report reads a ledger without span texts.
    crosscheck(
        &["report", "--ledger", "bare.json", "--markdown", "r.md"],
        d,
    );
    assert!(std::fs::read_to_string(d.join("r.md")).unwrap().len() > 100);
}

#[test]
fn reduce_refuses_a_directory_without_parts_and_map_two_shards_of_one_name() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::create_dir_all(d.join("empty")).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_crosscheck"))
        .args(["reduce", "empty"])
        .current_dir(d)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no parts"));

    for sub in ["a", "b"] {
        std::fs::create_dir_all(d.join(sub)).unwrap();
        std::fs::write(
            d.join(sub).join("x.txt"),
            "Mayor Ona Pell said the bridge opens.",
        )
        .unwrap();
    }
    let out = Command::new(env!("CARGO_BIN_EXE_crosscheck"))
        .args(["map", "a", "b", "--out", "parts"])
        .current_dir(d)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("would both be part x.txt"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        !d.join("parts").exists(),
        "nothing written before the check"
    );
}
