//! `crosscheck serve`: the ledger of a store as a web app and a JSON API.
//!
//! The server loads everything stored, builds the ledger over it and a
//! claim search index ([`Snapshot`]), and answers from that snapshot;
//! adding articles (`POST /api/documents`, the upload form) stores them and
//! swaps in a rebuilt snapshot, so every request sees one consistent state.
//!
//! - Pages are server-rendered askama templates (`templates/`), which
//!   escape every value; a little JavaScript (`assets/app.js`) only
//!   enhances them, and every page works without it. Style sheet and
//!   script are built into the binary: no CDN, no build step.
//! - Search is SQLite FTS5 over quotes and sentences plus filter columns
//!   ([`index`]), in memory, derived from the snapshot.
//! - The JSON API ([`api`], `docs/api.md`) pages with cursors and offers a
//!   change feed (`since=BATCH`); exports stream ([`export`]).
//! - Safety: the server binds to loopback unless told otherwise, and then
//!   answers only requests addressed to a loopback name (no DNS
//!   rebinding); writes from other sites' pages are refused; a strict
//!   content security policy allows only the app's own script and style;
//!   uploads have a size limit with a clear error.

pub mod api;
mod article;
pub mod error;
pub mod export;
pub mod filter;
pub mod index;
pub mod jobs;
pub mod pages;
mod snapshot;
mod state;
mod stories;
mod story_page;
pub mod upload;
mod views;

use std::net::SocketAddr;
use std::sync::Arc;

use axum::extract::{DefaultBodyLimit, Request, State};
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use tower_http::set_header::SetResponseHeaderLayer;

pub use error::AppError;
pub use snapshot::{Snapshot, Stored};
pub use state::{App, Db, Limits};

const STYLE: &str = include_str!("../assets/app.css");
const SCRIPT: &str = include_str!("../assets/app.js");

/// Only the app's own script, style and images; no frames, no plugins.
const CONTENT_SECURITY_POLICY: &str = "default-src 'none'; script-src 'self'; style-src 'self'; \
     img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; \
     frame-ancestors 'none'";

/// Who may reach the server by which name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exposure {
    /// Bound to loopback: only requests for `localhost`, `127.0.0.1` or
    /// `[::1]` are answered (another name pointing at loopback is a DNS
    /// rebinding attempt).
    Loopback,
    /// Bound to a public address on purpose: any host name.
    Network,
}

impl Exposure {
    /// The exposure an address gives.
    pub fn of(addr: SocketAddr) -> Exposure {
        if addr.ip().is_loopback() {
            Exposure::Loopback
        } else {
            Exposure::Network
        }
    }
}

/// The whole app: pages, API, assets.
pub fn router(app: Arc<App>, exposure: Exposure) -> Router {
    let upload_limit = DefaultBodyLimit::max(app.limits.max_upload);
    Router::new()
        .route("/", get(pages::stories))
        .route("/stories/{id}", get(pages::story))
        .route("/claims", get(pages::claims))
        .route("/entities", get(pages::entities))
        .route("/documents", get(pages::documents))
        .route("/documents/{id}", get(pages::document))
        .route(
            "/upload",
            get(pages::upload_form)
                .post(upload::post_form)
                .layer(upload_limit),
        )
        .route("/assets/app.css", get(style))
        .route("/assets/app.js", get(script))
        .route("/api/stories", get(api::stories))
        .route("/api/stories/{id}", get(api::story))
        .route(
            "/api/documents",
            get(api::documents)
                .post(upload::post_documents)
                .layer(upload_limit),
        )
        .route("/api/documents/{id}", get(api::document))
        .route("/api/jobs/{id}", get(jobs::job))
        .route("/api/claims", get(api::claims))
        .route("/api/claims.ndjson", get(export::claims::<export::Ndjson>))
        .route("/api/claims.csv", get(export::claims::<export::Csv>))
        .route("/api/claims/{id}", get(api::claim))
        .route("/api/entities", get(api::entities))
        .route("/api/entities/{id}", get(api::entity))
        .route("/api/propositions", get(api::propositions))
        .route("/api/propositions/{id}", get(api::proposition))
        .fallback(not_found)
        .layer(middleware::from_fn_with_state(exposure, guard))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(CONTENT_SECURITY_POLICY),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::REFERRER_POLICY,
            HeaderValue::from_static("no-referrer"),
        ))
        .with_state(app)
}

async fn style() -> Response {
    asset(STYLE, "text/css; charset=utf-8")
}

async fn script() -> Response {
    asset(SCRIPT, "text/javascript; charset=utf-8")
}

fn asset(body: &'static str, content_type: &'static str) -> Response {
    (
        [
            (header::CONTENT_TYPE, content_type),
            (header::CACHE_CONTROL, "no-cache"),
        ],
        body,
    )
        .into_response()
}

async fn not_found(request: Request) -> Response {
    let message = format!("nothing at {}", request.uri().path());
    if request.uri().path().starts_with("/api/") {
        error::ApiError(AppError::NotFound(message)).into_response()
    } else {
        error::PageError(AppError::NotFound(message)).into_response()
    }
}

/// The host part of a `Host` header (`[::1]:8080` → `[::1]`).
fn host_name(host: &str) -> &str {
    if host.starts_with('[') {
        return host
            .split(']')
            .next()
            .map_or(host, |h| &host[..h.len() + 1]);
    }
    host.rsplit_once(':').map_or(host, |(name, _)| name)
}

fn is_loopback_name(host: &str) -> bool {
    matches!(
        host_name(host).to_ascii_lowercase().as_str(),
        "localhost" | "127.0.0.1" | "[::1]"
    )
}

/// Refuses requests addressed to another name when bound to loopback, and
/// writes coming from another site's page.
async fn guard(State(exposure): State<Exposure>, request: Request, next: Next) -> Response {
    let headers = request.headers();
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .or_else(|| request.uri().authority().map(|a| a.as_str()))
        .unwrap_or("");
    if exposure == Exposure::Loopback && !is_loopback_name(host) {
        return (
            StatusCode::MISDIRECTED_REQUEST,
            "this server answers only to localhost, 127.0.0.1 and [::1]\n",
        )
            .into_response();
    }
    if request.method() != Method::GET && request.method() != Method::HEAD {
        let cross_site = headers
            .get("sec-fetch-site")
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v == "cross-site");
        let foreign_origin = headers
            .get(header::ORIGIN)
            .and_then(|o| o.to_str().ok())
            .is_some_and(|origin| {
                let origin_host = origin.split_once("://").map_or(origin, |(_, rest)| rest);
                !origin_host.eq_ignore_ascii_case(host)
            });
        if cross_site || foreign_origin {
            return error::ApiError(AppError::Forbidden(
                "writes from another site's page are refused".into(),
            ))
            .into_response();
        }
    }
    next.run(request).await
}

/// Serves `app` on `addr` until Ctrl-C; calls `ready` with the bound
/// address once listening (port 0 picks a free port).
pub async fn serve(
    app: Arc<App>,
    addr: SocketAddr,
    ready: impl FnOnce(SocketAddr),
) -> std::io::Result<()> {
    let listener = tokio::net::TcpListener::bind(addr).await?;
    let bound = listener.local_addr()?;
    ready(bound);
    let router = router(app, Exposure::of(bound));
    axum::serve(listener, router)
        .with_graceful_shutdown(async {
            // Without a signal handler the server runs until killed.
            if tokio::signal::ctrl_c().await.is_err() {
                std::future::pending::<()>().await;
            }
        })
        .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loopback_names_are_told_apart() {
        for ok in [
            "localhost:8080",
            "127.0.0.1:1",
            "[::1]:8080",
            "LOCALHOST",
            "127.0.0.1",
        ] {
            assert!(is_loopback_name(ok), "{ok}");
        }
        for bad in [
            "evil.example:8080",
            "localhost.evil.example",
            "127.0.0.1.nip.io:80",
            "[::2]:80",
            "",
        ] {
            assert!(!is_loopback_name(bad), "{bad}");
        }
    }
}
