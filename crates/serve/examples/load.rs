//! Load test of `crosscheck serve`: serves a store on loopback in this
//! process and keeps it busy with concurrent clients for a fixed time,
//! then prints the latency of each kind of request (p50, p99, max), the
//! errors, and the process's resident memory over the run.
//!
//! ```text
//! crosscheck analyze ../shared/corpus/reuters21578/reuters21578.jsonl --db /tmp/reuters.db --quiet -o /dev/null
//! cargo run --release -p crosscheck-serve --example load -- --db /tmp/reuters.db --clients 20 --seconds 60
//! ```
//!
//! One client exports every claim as CSV (`/api/claims.csv`) over and over;
//! the others alternate story pages (largest stories first) and filtered
//! claim searches built from the store (top entities, outlets, words, with
//! kind, hedged, anonymous and date filters). `--db` takes whatever the
//! server takes (a SQLite file or a `postgres://` URL).

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use bytes::Bytes;
use crosscheck_serve::{App, Db, Limits};
use http_body_util::{BodyExt, Empty};
use hyper_util::client::legacy::Client;
use hyper_util::rt::TokioExecutor;

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

/// A small deterministic generator, so runs ask the same things.
struct Lcg(u64);

impl Lcg {
    fn pick(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n.max(1)
    }
}

#[derive(Default)]
struct Timings {
    ok: Vec<Duration>,
    errors: usize,
    bytes: u64,
}

/// Searches built from what is stored.
fn searches(app: &App) -> Vec<String> {
    let snapshot = app.snapshot();
    let mut entities: Vec<(&str, usize)> = snapshot
        .ledger
        .entities
        .iter()
        .map(|e| (e.id.as_str(), snapshot.entity_claim_count(&e.id)))
        .collect();
    entities.sort_by_key(|e| std::cmp::Reverse(e.1));
    let mut outlets: Vec<&str> = snapshot
        .ledger
        .documents
        .iter()
        .filter_map(|d| d.outlet.as_deref())
        .collect();
    outlets.sort_unstable();
    outlets.dedup();
    let mut dates: Vec<String> = snapshot
        .ledger
        .documents
        .iter()
        .filter_map(|d| d.placed_date().map(|(date, _)| date.to_string()))
        .collect();
    dates.sort();
    let (from, to) = (
        dates.get(dates.len() / 4).cloned().unwrap_or_default(),
        dates.get(dates.len() / 2).cloned().unwrap_or_default(),
    );
    let words = [
        "said", "percent", "billion", "shares", "prices", "bank", "trade", "oil",
    ];
    let mut out = Vec::new();
    for (i, (entity, _)) in entities.iter().take(10).enumerate() {
        let word = words[i % words.len()];
        let enc =
            |s: &str| serde_urlencoded::to_string([("v", s)]).unwrap_or_default()[2..].to_string();
        out.push(format!("/claims?entity={}&kind=quantity", enc(entity)));
        out.push(format!("/claims?q={word}&hedged=no"));
        out.push(format!("/api/claims?q={word}&kind=quote&limit=50"));
        out.push(format!(
            "/claims?entity={}&from={from}&to={to}",
            enc(entity)
        ));
        if let Some(outlet) = outlets.get(i % outlets.len().max(1)) {
            out.push(format!("/claims?outlet={}&anonymous=no", enc(outlet)));
        }
    }
    out.push(format!("/claims?q=said&from={from}&to={to}&kind=quote"));
    out
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let at = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[at.min(sorted.len() - 1)]
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
    let stories: Vec<String> = snapshot
        .stories
        .iter()
        .take(200)
        .map(|s| format!("/stories/{}", s.id))
        .collect();
    drop(snapshot);
    let searches = searches(&app);

    let (tx, rx) = tokio::sync::oneshot::channel();
    tokio::spawn(crosscheck_serve::serve(
        Arc::clone(&app),
        "127.0.0.1:0".parse().expect("address"),
        move |bound| {
            let _ = tx.send(bound);
        },
    ));
    let addr = rx.await.expect("server address");
    let client: Client<_, Empty<Bytes>> = Client::builder(TokioExecutor::new()).build_http();

    let stop = Arc::new(AtomicBool::new(false));
    let rss = Arc::new(std::sync::Mutex::new(Vec::new()));
    let sampler = {
        let (stop, rss) = (Arc::clone(&stop), Arc::clone(&rss));
        tokio::spawn(async move {
            while !stop.load(Ordering::Relaxed) {
                if let Ok(mut samples) = rss.lock() {
                    samples.push(rss_mb());
                }
                tokio::time::sleep(Duration::from_secs(1)).await;
            }
        })
    };
    let mut tasks = Vec::new();
    for id in 0..options.clients {
        let (client, stop) = (client.clone(), Arc::clone(&stop));
        let (stories, searches) = (stories.clone(), searches.clone());
        tasks.push(tokio::spawn(async move {
            let mut rng = Lcg(id as u64 + 1);
            let mut timings: [Timings; 3] = Default::default();
            let mut turn = id;
            while !stop.load(Ordering::Relaxed) {
                let (kind, path) = if id == 0 {
                    (2, "/api/claims.csv".to_string())
                } else if turn % 2 == 0 && !stories.is_empty() {
                    // Larger stories more often: the first ones are largest.
                    let n = rng.pick(stories.len()).min(rng.pick(stories.len()));
                    (0, stories[n].clone())
                } else {
                    (1, searches[rng.pick(searches.len())].clone())
                };
                turn += 1;
                let uri = format!("http://{addr}{path}");
                let began = Instant::now();
                let result = async {
                    let response = client.get(uri.parse()?).await?;
                    let status = response.status();
                    let body = response.into_body().collect().await?.to_bytes();
                    Ok::<_, Box<dyn std::error::Error + Send + Sync>>((status, body.len()))
                }
                .await;
                let t = &mut timings[kind];
                match result {
                    Ok((status, len)) if status.is_success() => {
                        t.ok.push(began.elapsed());
                        t.bytes += len as u64;
                    }
                    Ok((status, _)) => {
                        eprintln!("{path}: {status}");
                        t.errors += 1;
                    }
                    Err(e) => {
                        eprintln!("{path}: {e}");
                        t.errors += 1;
                    }
                }
            }
            timings
        }));
    }
    tokio::time::sleep(Duration::from_secs(options.seconds)).await;
    stop.store(true, Ordering::Relaxed);
    let mut totals: [Timings; 3] = Default::default();
    for task in tasks {
        let timings = task.await.expect("client");
        for (total, t) in totals.iter_mut().zip(timings) {
            total.ok.extend(t.ok);
            total.errors += t.errors;
            total.bytes += t.bytes;
        }
    }
    let _ = sampler.await;
    let samples = rss.lock().map(|s| s.clone()).unwrap_or_default();

    println!(
        "\n{} clients for {} s on http://{addr} (requests timed until the whole body is read)\n",
        options.clients, options.seconds
    );
    println!("| request | done | errors | p50 ms | p99 ms | max ms | MB each |");
    println!("|---|---|---|---|---|---|---|");
    for (name, t) in [
        "story page",
        "filtered claim search",
        "CSV export, every claim",
    ]
    .iter()
    .zip(totals.iter_mut())
    {
        t.ok.sort();
        let each = if t.ok.is_empty() {
            0.0
        } else {
            t.bytes as f64 / t.ok.len() as f64 / 1e6
        };
        println!(
            "| {name} | {} | {} | {} | {} | {} | {each:.2} |",
            t.ok.len(),
            t.errors,
            ms(percentile(&t.ok, 0.5)),
            ms(percentile(&t.ok, 0.99)),
            ms(t.ok.last().copied().unwrap_or_default()),
        );
    }
    let first = samples.first().copied().unwrap_or(0.0);
    let last = samples.last().copied().unwrap_or(0.0);
    let peak = samples.iter().copied().fold(0.0, f64::max);
    let tenth = samples.get(samples.len() / 10).copied().unwrap_or(first);
    println!(
        "\nresident memory: {first:.0} MB at the start, {tenth:.0} MB after a tenth of the run, {last:.0} MB at the end, peak {peak:.0} MB"
    );
}
