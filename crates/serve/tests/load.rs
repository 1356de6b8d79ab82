//! Twenty concurrent loopback clients keep a served store busy for a few
//! seconds (story pages, filtered searches, a CSV export of every claim
//! over and over), on SQLite and on a real PostgreSQL 15: every request
//! must succeed and every export must be whole. How fast is the
//! benchmark's business (`examples/load.rs`, BENCHMARKS.md), not a test's.

mod support;

use std::sync::Arc;
use std::time::Duration;

use crosscheck_serve::App;
use support::load::{drive, search_paths, story_paths, KINDS};
use support::{demo_app, get, postgres_demo_app, serve_on_loopback};

const CLIENTS: usize = 20;
const LENGTH: Duration = Duration::from_secs(3);

async fn busy(app: &Arc<App>) {
    let addr = serve_on_loopback(app).await;
    let export = get(app, "/api/claims.csv").await.body.len() as u64;
    let timings = drive(addr, CLIENTS, LENGTH, story_paths(app), search_paths(app)).await;
    for (kind, t) in KINDS.iter().zip(&timings) {
        assert!(t.errors.is_empty(), "{kind}: {:?}", t.errors);
        assert!(!t.ok.is_empty(), "{kind}: no request finished");
    }
    let exports = &timings[2];
    assert_eq!(
        exports.bytes,
        export * exports.ok.len() as u64,
        "every export is the whole CSV"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn twenty_clients_get_every_answer_over_sqlite() {
    let (_dir, app) = demo_app().await;
    busy(&app).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[cfg_attr(
    no_postgres,
    ignore = "SKIPPED: no PostgreSQL 15 server programs (CI installs postgresql-15)"
)]
async fn twenty_clients_get_every_answer_over_postgresql() {
    let (_url, app) = postgres_demo_app().await;
    busy(&app).await;
}
