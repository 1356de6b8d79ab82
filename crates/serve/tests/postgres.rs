//! The server over a PostgreSQL store: the demo uploaded through the API
//! into a fresh database on a real PostgreSQL 15 server gives the same
//! stories, claims, search results and exports as over a SQLite file, and
//! a restarted server finds everything again.

mod support;

use axum::http::StatusCode;
use support::{demo_app, get, postgres_app, postgres_demo_app};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[cfg_attr(
    no_postgres,
    ignore = "SKIPPED: no PostgreSQL 15 server programs (CI installs postgresql-15)"
)]
async fn a_postgres_store_serves_what_a_sqlite_store_does() {
    // An empty database becomes a store.
    let (url, app) = postgres_demo_app().await;
    let (_dir, sqlite) = demo_app().await;

    for uri in [
        "/api/stories",
        "/api/claims?limit=1000",
        "/api/claims?kind=quote&q=troops",
        "/api/entities?limit=1000",
        "/api/propositions?limit=1000",
    ] {
        let (a, b) = (get(&app, uri).await, get(&sqlite, uri).await);
        assert_eq!(a.status, StatusCode::OK, "{uri}");
        let (mut a, mut b) = (a.json(), b.json());
        for json in [&mut a, &mut b] {
            // When it was stored differs; what was stored does not.
            if let Some(docs) = json.get_mut("documents").and_then(|d| d.as_array_mut()) {
                for d in docs {
                    d.as_object_mut().map(|o| o.remove("added_at"));
                }
            }
        }
        assert_eq!(a, b, "{uri}");
    }
    assert_eq!(
        get(&app, "/api/claims.csv").await.body,
        get(&sqlite, "/api/claims.csv").await.body
    );
    let story = app.snapshot().stories[0].id.clone();
    let page = get(&app, &format!("/stories/{story}")).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("<section id=\"conflicts\""));

    // A new server on the same database finds everything, stories kept.
    let again = postgres_app(&url).await;
    assert_eq!(
        get(&again, "/api/stories").await.json(),
        get(&app, "/api/stories").await.json()
    );
}
