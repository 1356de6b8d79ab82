//! Insert and reload throughput of the store on invented articles.
//!
//! ```text
//! cargo run --release -p crosscheck-store --example bench_insert -- \
//!     [--docs 20000] [--batch 500] [--claims 12] [--repeat 10] [--dir /tmp]
//! ```
//! `--repeat` rounds of four body paragraphs make one article (10 ≈ 600
//! words); `--claims` claims per article. Article construction is done
//! before the clock starts.

#[path = "../tests/support/mod.rs"]
mod support;

use std::time::Instant;

use crosscheck_store::Store;

struct Args {
    docs: usize,
    batch: usize,
    claims: usize,
    repeat: usize,
    dir: Option<String>,
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        docs: 20_000,
        batch: 500,
        claims: 12,
        repeat: 10,
        dir: None,
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let value = it.next().ok_or(format!("{flag} needs a value"))?;
        let number = || {
            value
                .parse::<usize>()
                .map_err(|e| format!("{flag} {value}: {e}"))
        };
        match flag.as_str() {
            "--docs" => args.docs = number()?,
            "--batch" => args.batch = number()?.max(1),
            "--claims" => args.claims = number()?,
            "--repeat" => args.repeat = number()?,
            "--dir" => args.dir = Some(value),
            _ => return Err(format!("unknown flag {flag}")),
        }
    }
    Ok(args)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args = parse_args()?;
    let dir = match &args.dir {
        Some(d) => tempfile::tempdir_in(d)?,
        None => tempfile::tempdir()?,
    };
    let path = dir.path().join("bench.db");

    let articles: Vec<_> = (0..args.docs)
        .map(|i| support::article(&format!("bench{i:08}"), args.claims, args.repeat))
        .collect();
    let json_bytes: usize = articles
        .iter()
        .map(|(d, c)| {
            serde_json::to_string(d).map_or(0, |s| s.len())
                + c.iter()
                    .map(|c| serde_json::to_string(c).map_or(0, |s| s.len()))
                    .sum::<usize>()
        })
        .sum();
    let words: usize = articles.iter().map(|(d, _)| d.word_count()).sum();
    println!(
        "{} articles ({} words each, {} claims each), {:.1} MB of JSON, batches of {}",
        args.docs,
        words / args.docs.max(1),
        args.claims,
        json_bytes as f64 / 1e6,
        args.batch
    );

    let mut store = Store::open(&path)?;
    let start = Instant::now();
    let mut added = 0;
    for chunk in articles.chunks(args.batch) {
        added += store.add_batch(chunk)?.added;
    }
    let insert = start.elapsed().as_secs_f64();
    report("insert", added, args.claims, insert, json_bytes);

    let start = Instant::now();
    let mut skipped = 0;
    for chunk in articles.chunks(args.batch) {
        skipped += store.add_batch(chunk)?.skipped;
    }
    report(
        "re-add (all skipped)",
        skipped,
        0,
        start.elapsed().as_secs_f64(),
        0,
    );

    let start = Instant::now();
    let listed = store.documents()?.len();
    report("documents()", listed, 0, start.elapsed().as_secs_f64(), 0);

    drop(store);
    let store = Store::open(&path)?;
    let start = Instant::now();
    let (docs, claims) = store.load_all()?;
    let load = start.elapsed().as_secs_f64();
    report(
        "load_all",
        docs.len(),
        claims.len() / docs.len().max(1),
        load,
        json_bytes,
    );

    let size = std::fs::metadata(&path)?.len();
    println!("store file: {:.1} MB", size as f64 / 1e6);
    Ok(())
}

fn report(what: &str, docs: usize, claims_each: usize, secs: f64, bytes: usize) {
    let mut line = format!(
        "{what:<22} {docs:>7} docs in {secs:>7.3} s  {:>9.0} docs/s",
        docs as f64 / secs
    );
    if claims_each > 0 {
        line += &format!("  {:>9.0} claims/s", (docs * claims_each) as f64 / secs);
    }
    if bytes > 0 {
        line += &format!("  {:>6.1} MB/s", bytes as f64 / 1e6 / secs);
    }
    println!("{line}");
}
