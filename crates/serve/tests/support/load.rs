//! Concurrent clients for the load test (`examples/load.rs`, which prints
//! latencies) and for `tests/load.rs` (which checks that nothing fails):
//! one client exports every claim as CSV over and over; the others
//! alternate story pages (largest stories first) and filtered claim
//! searches built from the store (top entities, outlets, words, with
//! kind, hedged, anonymous and date filters).

use std::net::SocketAddr;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use bytes::Bytes;
use crosscheck_serve::App;
use http_body_util::{BodyExt, Empty};
use hyper_util::client::legacy::Client;
use hyper_util::rt::TokioExecutor;

/// The kinds of request, in the order of [`drive`]'s timings.
pub const KINDS: [&str; 3] = [
    "story page",
    "filtered claim search",
    "CSV export, every claim",
];

/// What one kind of request got.
#[derive(Debug, Default)]
pub struct Timings {
    /// Time to the end of each successful body.
    pub ok: Vec<Duration>,
    /// Failed requests, each with what failed.
    pub errors: Vec<String>,
    /// Bytes of the successful bodies.
    pub bytes: u64,
}

/// The story pages to ask for: the 200 largest stories.
pub fn story_paths(app: &App) -> Vec<String> {
    app.snapshot()
        .stories
        .iter()
        .take(200)
        .map(|s| format!("/stories/{}", s.id))
        .collect()
}

fn encoded(value: &str) -> String {
    serde_urlencoded::to_string([("v", value)]).unwrap_or_default()[2..].to_string()
}

/// Searches built from what is stored.
pub fn search_paths(app: &App) -> Vec<String> {
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
        let entity = encoded(entity);
        out.push(format!("/claims?entity={entity}&kind=quantity"));
        out.push(format!("/claims?q={word}&hedged=no"));
        out.push(format!("/api/claims?q={word}&kind=quote&limit=50"));
        out.push(format!("/claims?entity={entity}&from={from}&to={to}"));
        if let Some(outlet) = outlets.get(i % outlets.len().max(1)) {
            out.push(format!("/claims?outlet={}&anonymous=no", encoded(outlet)));
        }
    }
    out.push(format!("/claims?q=said&from={from}&to={to}&kind=quote"));
    out
}

/// Keeps the server at `addr` busy with `clients` clients for `length`;
/// the timings of each kind of request, in [`KINDS`] order.
pub async fn drive(
    addr: SocketAddr,
    clients: usize,
    length: Duration,
    stories: Vec<String>,
    searches: Vec<String>,
) -> [Timings; 3] {
    let client: Client<_, Empty<Bytes>> = Client::builder(TokioExecutor::new()).build_http();
    let stop = Arc::new(AtomicBool::new(false));
    let mut tasks = Vec::new();
    for id in 0..clients.max(2) {
        let (client, stop) = (client.clone(), Arc::clone(&stop));
        let (stories, searches) = (stories.clone(), searches.clone());
        tasks.push(tokio::spawn(async move {
            // A generator of its own per client, so runs ask the same things.
            let mut rng = crosscheck_testkit::Lcg::new(id as u64 + 1);
            let mut timings: [Timings; 3] = Default::default();
            let mut turn = id;
            while !stop.load(Ordering::Relaxed) {
                let (kind, path) = if id == 0 {
                    (2, "/api/claims.csv".to_string())
                } else if turn % 2 == 0 && !stories.is_empty() {
                    // Larger stories more often: the first ones are largest.
                    let n = rng.below(stories.len()).min(rng.below(stories.len()));
                    (0, stories[n].clone())
                } else {
                    (1, searches[rng.below(searches.len())].clone())
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
                    Ok((status, _)) => t.errors.push(format!("{path}: {status}")),
                    Err(e) => t.errors.push(format!("{path}: {e}")),
                }
            }
            timings
        }));
    }
    tokio::time::sleep(length).await;
    stop.store(true, Ordering::Relaxed);
    let mut totals: [Timings; 3] = Default::default();
    for task in tasks {
        // A client task that panicked counts as one error of each kind.
        let timings = task.await.unwrap_or_else(|e| {
            let mut failed: [Timings; 3] = Default::default();
            for t in &mut failed {
                t.errors.push(format!("client task: {e}"));
            }
            failed
        });
        for (total, t) in totals.iter_mut().zip(timings) {
            total.ok.extend(t.ok);
            total.errors.extend(t.errors);
            total.bytes += t.bytes;
        }
    }
    for t in &mut totals {
        t.ok.sort();
    }
    totals
}

/// The `p` quantile (0–1) of sorted durations.
pub fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let at = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[at.min(sorted.len() - 1)]
}
