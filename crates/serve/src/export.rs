//! Exports of any filtered claim list, streamed: NDJSON (one ledger claim
//! per line) and CSV (the columns of `claims.csv`). Rows are written on a
//! blocking thread in chunks and sent as they are made, so an export of
//! every claim never sits whole in memory and has no size cap; a client
//! that reads slowly slows the writer down.

use std::io::Write;
use std::sync::{Arc, Mutex};

use axum::body::Body;
use axum::extract::{Query, State};
use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};
use bytes::Bytes;
use crosscheck_model::Claim;

use crate::error::ApiError;
use crate::filter::{ClaimParams, ClaimQuery};
use crate::snapshot::Snapshot;
use crate::state::App;

/// Claims read from the index at a time.
const CLAIMS_PER_READ: usize = 2000;
/// Bytes sent at a time.
const CHUNK_BYTES: usize = 256 * 1024;
/// Chunks in flight between the writer and the connection.
const CHUNKS_IN_FLIGHT: usize = 4;

/// Writes rows into a buffer the stream drains.
pub trait RowWriter: Send + 'static {
    /// The response's `Content-Type`.
    const CONTENT_TYPE: &'static str;
    /// The response's `Content-Disposition`: the file a browser saves.
    const DISPOSITION: &'static str;

    /// Appends `claim`'s row.
    fn write(&mut self, snapshot: &Snapshot, claim: &Claim) -> std::io::Result<()>;
    /// Roughly how many bytes are waiting to be taken.
    fn buffered(&self) -> usize;
    /// Everything written since the last call.
    fn take(&mut self) -> std::io::Result<Vec<u8>>;
}

/// One ledger claim per line.
#[derive(Debug, Default)]
pub struct Ndjson(Vec<u8>);

impl RowWriter for Ndjson {
    const CONTENT_TYPE: &'static str = "application/x-ndjson; charset=utf-8";
    const DISPOSITION: &'static str = "attachment; filename=\"claims.ndjson\"";

    fn write(&mut self, _: &Snapshot, claim: &Claim) -> std::io::Result<()> {
        serde_json::to_writer(&mut self.0, claim)?;
        self.0.push(b'\n');
        Ok(())
    }

    fn buffered(&self) -> usize {
        self.0.len()
    }

    fn take(&mut self) -> std::io::Result<Vec<u8>> {
        Ok(std::mem::take(&mut self.0))
    }
}

/// The rows of `claims.csv` (the report crate's writer, cells that would
/// start a spreadsheet formula neutralised).
pub struct Csv {
    rows: crosscheck_report::ClaimRows<SharedBuffer>,
    buffer: SharedBuffer,
}

impl Default for Csv {
    fn default() -> Csv {
        let buffer = SharedBuffer::default();
        Csv {
            rows: crosscheck_report::ClaimRows::new(buffer.clone()),
            buffer,
        }
    }
}

/// A buffer the CSV writer fills and the stream drains.
#[derive(Debug, Clone, Default)]
struct SharedBuffer(Arc<Mutex<Vec<u8>>>);

impl Write for SharedBuffer {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0
            .lock()
            .map_err(|_| std::io::Error::other("export buffer poisoned"))?
            .extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl SharedBuffer {
    fn len(&self) -> usize {
        self.0.lock().map_or(0, |b| b.len())
    }

    fn take(&self) -> std::io::Result<Vec<u8>> {
        self.0
            .lock()
            .map(|mut b| std::mem::take(&mut *b))
            .map_err(|_| std::io::Error::other("export buffer poisoned"))
    }
}

impl RowWriter for Csv {
    const CONTENT_TYPE: &'static str = "text/csv; charset=utf-8";
    const DISPOSITION: &'static str = "attachment; filename=\"claims.csv\"";

    fn write(&mut self, snapshot: &Snapshot, claim: &Claim) -> std::io::Result<()> {
        self.rows
            .write(claim, snapshot.document(&claim.doc))
            .map_err(std::io::Error::other)
    }

    fn buffered(&self) -> usize {
        // The CSV writer keeps up to 8 KB itself.
        self.buffer.len()
    }

    fn take(&mut self) -> std::io::Result<Vec<u8>> {
        self.rows.flush().map_err(std::io::Error::other)?;
        self.buffer.take()
    }
}

/// Streams the rows of every claim matching `query`.
pub fn stream<W: RowWriter>(snapshot: Arc<Snapshot>, query: ClaimQuery, mut rows: W) -> Response {
    let (tx, rx) = tokio::sync::mpsc::channel::<std::io::Result<Bytes>>(CHUNKS_IN_FLIGHT);
    tokio::task::spawn_blocking(move || {
        let mut failed: Option<std::io::Error> = None;
        let walked = snapshot
            .index
            .for_each_chunk(&query, CLAIMS_PER_READ, |positions| {
                for claim in positions.iter().filter_map(|&n| snapshot.claim_at(n)) {
                    if let Err(e) = rows.write(&snapshot, claim) {
                        failed = Some(e);
                        return false;
                    }
                    if rows.buffered() >= CHUNK_BYTES {
                        match rows.take() {
                            Ok(bytes) => {
                                // A closed channel: the client went away; stop.
                                if tx.blocking_send(Ok(Bytes::from(bytes))).is_err() {
                                    return false;
                                }
                            }
                            Err(e) => {
                                failed = Some(e);
                                return false;
                            }
                        }
                    }
                }
                true
            });
        let end = match (walked, failed) {
            (Err(e), _) => Err(std::io::Error::other(e.to_string())),
            (Ok(()), Some(e)) => Err(e),
            (Ok(()), None) => rows.take().map(Bytes::from),
        };
        if let Err(e) = &end {
            eprintln!("crosscheck serve: export stopped: {e}");
        }
        // An error aborts the response, so the client sees a broken
        // transfer instead of a file that looks complete.
        let _ = tx.blocking_send(end);
    });
    let body = Body::from_stream(futures_util::stream::unfold(rx, |mut rx| async move {
        rx.recv().await.map(|item| (item, rx))
    }));
    let mut response = body.into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(W::CONTENT_TYPE),
    );
    headers.insert(
        header::CONTENT_DISPOSITION,
        HeaderValue::from_static(W::DISPOSITION),
    );
    response
}

/// `GET /api/claims.ndjson` ([`Ndjson`]) and `GET /api/claims.csv`
/// ([`Csv`]): every matching claim, one row each.
pub async fn claims<W: RowWriter + Default>(
    State(app): State<Arc<App>>,
    Query(params): Query<ClaimParams>,
) -> Result<Response, ApiError> {
    let snapshot = app.snapshot();
    let query = params.query(&snapshot)?;
    Ok(stream(snapshot, query, W::default()))
}
