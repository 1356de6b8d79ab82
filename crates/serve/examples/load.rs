//! Load test of `crosscheck serve`: serves a store on loopback in this
//! process and keeps it busy with concurrent clients for a fixed time
//! (`tests/support/load.rs`: story pages, filtered claim searches, and one
//! client exporting every claim as CSV), then prints the latency of each
//! kind of request (p50, p99, max), the errors, and the process's resident
//! memory over the run.
//!
//! ```text
//! crosscheck analyze ../shared/corpus/reuters21578/reuters21578.jsonl --db /tmp/reuters.db --quiet -o /tmp/ledger.json
//! cargo run --release -p crosscheck-serve --example load -- --db /tmp/reuters.db --clients 20 --seconds 60
//! scripts/serve_load_postgres.sh /tmp/reuters.db --clients 20 --seconds 60
//! ```
//!
//! `--db` takes whatever the server takes (a SQLite file or a
//! `postgres://` URL); the script runs the same on a throwaway PostgreSQL.

#[path = "../tests/support/load.rs"]
mod load;

use std::sync::Arc;
use std::time::{Duration, Instant};

use crosscheck_serve::{App, Db, Limits};
use load::{drive, percentile, search_paths, story_paths, KINDS};

struct Options {
    db: String,
    clients: usize,
    seconds: u64,
}

fn options() -> Result<Options, String> {
    let mut db = None;
    let mut clients = 20;
    let mut seconds = 60;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = || args.next().ok_or_else(|| format!("{arg} needs a value"));
        match arg.as_str() {
            "--db" => db = Some(value()?),
            "--clients" => clients = value()?.parse().map_err(|e| format!("--clients: {e}"))?,
            "--seconds" => seconds = value()?.parse().map_err(|e| format!("--seconds: {e}"))?,
            other => return Err(format!("unknown argument {other}")),
        }
    }
    Ok(Options {
        db: db.ok_or("give --db STORE")?,
        clients: clients.max(2),
        seconds,
    })
}

/// Resident memory of this process, in MB.
fn rss_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse::<f64>().ok())
        })
        .map_or(0.0, |kb| kb / 1024.0)
}

fn ms(d: Duration) -> String {
    format!("{:.1}", d.as_secs_f64() * 1000.0)
}

#[tokio::main]
async fn main() {
    let options = match options() {
        Ok(o) => o,
        Err(e) => {
            eprintln!("load: {e}");
            std::process::exit(2);
        }
    };
    let started = Instant::now();
    let target = options.db.clone();
    // Store clients block: open and load off the async threads.
    let loaded = tokio::task::spawn_blocking(move || {
        let db = Db::open(&target).map_err(|e| e.to_string())?;
        App::new(db, Limits::default()).map_err(|e| e.to_string())
    });
    let app = match loaded.await {
        Ok(Ok(app)) => Arc::new(app),
        Ok(Err(e)) => {
            eprintln!("load: {e}");
            std::process::exit(2);
        }
        Err(e) => panic!("{e}"),
    };
    let snapshot = app.snapshot();
    println!(
        "store {}: {} documents, {} claims, {} stories, {} entities; loaded and indexed in {:.1} s, RSS {:.0} MB",
        options.db,
        snapshot.ledger.documents.len(),
        snapshot.ledger.claims.len(),
        snapshot.stories.len(),
        snapshot.ledger.entities.len(),
        started.elapsed().as_secs_f64(),
        rss_mb()
    );
    drop(snapshot);
    let (stories, searches) = (story_paths(&app), search_paths(&app));

    let (tx, rx) = tokio::sync::oneshot::channel();
    tokio::spawn(crosscheck_serve::serve(
        Arc::clone(&app),
        "127.0.0.1:0".parse().expect("address"),
        move |bound| {
            let _ = tx.send(bound);
        },
    ));
    let addr = rx.await.expect("server address");
    // Resident memory once a second while the clients run.
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let sampler = tokio::spawn(async move {
        let mut samples = vec![rss_mb()];
        let mut stopped = stopped;
        loop {
            tokio::select! {
                _ = &mut stopped => break,
                () = tokio::time::sleep(Duration::from_secs(1)) => samples.push(rss_mb()),
            }
        }
        samples.push(rss_mb());
        samples
    });
    let totals = drive(
        addr,
        options.clients,
        Duration::from_secs(options.seconds),
        stories,
        searches,
    )
    .await;
    let _ = stop.send(());
    let samples = sampler.await.unwrap_or_default();
    println!(
        "\n{} clients for {} s on http://{addr} (requests timed until the whole body is read)\n",
        options.clients, options.seconds
    );
    println!("| request | done | errors | p50 ms | p99 ms | max ms | MB each |");
    println!("|---|---|---|---|---|---|---|");
    for (name, t) in KINDS.iter().zip(&totals) {
        let each = if t.ok.is_empty() {
            0.0
        } else {
            t.bytes as f64 / t.ok.len() as f64 / 1e6
        };
        println!(
            "| {name} | {} | {} | {} | {} | {} | {each:.2} |",
            t.ok.len(),
            t.errors.len(),
            ms(percentile(&t.ok, 0.5)),
            ms(percentile(&t.ok, 0.99)),
            ms(t.ok.last().copied().unwrap_or_default()),
        );
    }
    for t in &totals {
        for error in t.errors.iter().take(5) {
            eprintln!("error: {error}");
        }
    }
    let first = samples.first().copied().unwrap_or(0.0);
    let last = samples.last().copied().unwrap_or(0.0);
    let peak = samples.iter().copied().fold(0.0, f64::max);
    let tenth = samples.get(samples.len() / 10).copied().unwrap_or(first);
    println!(
        "\nresident memory: {first:.0} MB at the start, {tenth:.0} MB after a tenth of the run, {last:.0} MB at the end, peak {peak:.0} MB"
    );
}
