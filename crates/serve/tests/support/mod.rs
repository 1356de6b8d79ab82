//! What the server tests share: a store in a temp dir filled with the demo
//! corpus (invented articles, analysed for real through the upload path,
//! so copies are marked as a live server marks them) and requests sent
//! straight to the router.

#![allow(dead_code)]

pub mod load;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use axum::body::Body;
use axum::http::{header, HeaderMap, Request, StatusCode};
use axum::Router;
use crosscheck_serve::upload::{ingest, Input};
use crosscheck_serve::{router, App, Db, Exposure, Limits};
use crosscheck_store::Store;
use http_body_util::BodyExt;
use tower::ServiceExt;

/// The demo corpus shipped with the binary.
pub fn demo_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../cli/demo")
}

/// The demo corpus as upload inputs.
pub fn demo_inputs() -> Vec<Input> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(demo_dir())
        .expect("demo corpus")
        .map(|e| e.expect("entry").path())
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|path| Input {
            name: path
                .file_name()
                .expect("file name")
                .to_string_lossy()
                .into_owned(),
            bytes: std::fs::read(&path).expect("demo file"),
        })
        .collect()
}

/// A server over an empty store in a temp dir.
pub fn empty_app(limits: Limits) -> (tempfile::TempDir, Arc<App>) {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(dir.path().join("story.db")).expect("store");
    let app = App::new(Db::new(store), limits).expect("app");
    (dir, Arc::new(app))
}

/// A server over a store holding the demo corpus.
pub async fn demo_app() -> (tempfile::TempDir, Arc<App>) {
    let (dir, app) = empty_app(Limits::default());
    let report = ingest(Arc::clone(&app), demo_inputs())
        .await
        .expect("demo stored");
    assert!(report.added >= 4, "{report:?}");
    assert!(report.errors.is_empty(), "{:?}", report.errors);
    (dir, app)
}

/// A server over the PostgreSQL database `url` (store clients block, so
/// they are opened off the async threads).
pub async fn postgres_app(url: &str) -> Arc<App> {
    let url = url.to_string();
    tokio::task::spawn_blocking(move || {
        let db = Db::open(&url).expect("open the PostgreSQL store");
        Arc::new(App::new(db, Limits::default()).expect("app"))
    })
    .await
    .expect("blocking task")
}

/// The demo corpus uploaded into a fresh database of the test PostgreSQL
/// server: its URL and the server.
pub async fn postgres_demo_app() -> (String, Arc<App>) {
    let url = crosscheck_testkit::postgres::server().fresh_database();
    let app = postgres_app(&url).await;
    let report = ingest(Arc::clone(&app), demo_inputs())
        .await
        .expect("demo stored");
    assert!(report.added >= 4 && report.errors.is_empty(), "{report:?}");
    (url, app)
}

/// Serves `app` on a free loopback port; its address.
pub async fn serve_on_loopback(app: &Arc<App>) -> std::net::SocketAddr {
    let (tx, rx) = tokio::sync::oneshot::channel();
    tokio::spawn(crosscheck_serve::serve(
        Arc::clone(app),
        "127.0.0.1:0".parse().expect("address"),
        move |bound| {
            let _ = tx.send(bound);
        },
    ));
    rx.await.expect("the server reports its address")
}

/// The router as served on loopback.
pub fn routes(app: &Arc<App>) -> Router {
    router(Arc::clone(app), Exposure::Loopback)
}

/// A response, read whole.
pub struct Reply {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: String,
}

impl Reply {
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }

    pub fn content_type(&self) -> &str {
        self.headers
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
    }
}

pub async fn send(app: &Arc<App>, request: Request<Body>) -> Reply {
    let response = routes(app).oneshot(request).await.expect("response");
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = response
        .into_body()
        .collect()
        .await
        .expect("body")
        .to_bytes();
    Reply {
        status,
        headers,
        body: String::from_utf8_lossy(&bytes).into_owned(),
    }
}

/// `GET uri` as a browser on the same machine sends it.
pub async fn get(app: &Arc<App>, uri: &str) -> Reply {
    send(
        app,
        Request::get(uri)
            .header(header::HOST, "localhost:8080")
            .body(Body::empty())
            .expect("request"),
    )
    .await
}

/// `POST uri` with a body.
pub async fn post(app: &Arc<App>, uri: &str, content_type: &str, body: impl Into<Body>) -> Reply {
    send(
        app,
        Request::post(uri)
            .header(header::HOST, "localhost:8080")
            .header(header::CONTENT_TYPE, content_type)
            .body(body.into())
            .expect("request"),
    )
    .await
}

/// Every `href="…"` value in a page (as written, entities unresolved).
pub fn hrefs(html: &str) -> Vec<String> {
    html.split("href=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .map(|h| h.replace("&amp;", "&").replace("&#38;", "&"))
        .collect()
}

/// Every `id="…"` value in a page.
pub fn ids(html: &str) -> Vec<String> {
    html.split(" id=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .map(str::to_string)
        .collect()
}
