//! Adding articles while serving: `POST /api/documents` (JSON records,
//! multipart files, or one raw file) and the upload form. Each input is
//! read as `crosscheck analyze` reads files (format sniffed, one error per
//! bad input or record, the rest go on), analysed, marked when it copies a
//! stored article, stored in one transaction, and the snapshot rebuilt.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{FromRequest, Multipart, Query, Request, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Json, Response};
use crosscheck_ingest::{read_bytes, IngestOptions};
use crosscheck_model::{Claim, Document};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::{ApiError, AppError, PageError};
use crate::jobs::{job_href, spawn_ingest, Progress, Stage};
use crate::pages::megabytes;
use crate::state::App;
use crate::views::document_href;

/// One input: a file's name (its extension hints the format) and bytes.
#[derive(Debug, Clone)]
pub struct Input {
    /// The name errors and documents use.
    pub name: String,
    /// Its bytes.
    pub bytes: Vec<u8>,
}

/// What an upload did.
#[derive(Debug, Clone, Default, Serialize)]
pub struct UploadReport {
    /// Documents read from the inputs.
    pub read: usize,
    /// Documents newly stored.
    pub added: usize,
    /// Documents already stored.
    pub skipped: usize,
    /// Claims stored with them.
    pub claims: usize,
    /// The store batch they went into (none when nothing was added).
    pub batch: Option<i64>,
    /// The documents read, stored now or before.
    pub documents: Vec<UploadedDocument>,
    /// One line per input or record that could not be read.
    pub errors: Vec<String>,
}

/// A document of an upload.
#[derive(Debug, Clone, Serialize)]
pub struct UploadedDocument {
    /// Its id.
    pub id: String,
    /// Its title.
    pub title: Option<String>,
    /// Its page.
    pub href: String,
    /// Claims found in it.
    pub claims: usize,
    /// The stored document it copies.
    pub duplicate_of: Option<String>,
    /// It was stored before.
    pub already_stored: bool,
}

/// Reads, analyses and stores `inputs`, then rebuilds the snapshot.
pub async fn ingest(app: Arc<App>, inputs: Vec<Input>) -> Result<UploadReport, AppError> {
    ingest_tracked(app, inputs, Arc::new(Progress::default())).await
}

/// [`ingest`], telling `progress` how far it is.
pub async fn ingest_tracked(
    app: Arc<App>,
    inputs: Vec<Input>,
    progress: Arc<Progress>,
) -> Result<UploadReport, AppError> {
    let turn = app.write_turn().await;
    let worker = Arc::clone(&app);
    let report =
        tokio::task::spawn_blocking(move || ingest_blocking(&worker, inputs, &progress)).await??;
    drop(turn);
    Ok(report)
}

fn ingest_blocking(
    app: &App,
    inputs: Vec<Input>,
    progress: &Progress,
) -> Result<UploadReport, AppError> {
    progress.stage(Stage::Reading);
    let mut report = UploadReport::default();
    let mut documents: Vec<Document> = Vec::new();
    let options = IngestOptions::default();
    for input in &inputs {
        read_bytes(
            &input.name,
            &input.bytes,
            &options,
            &mut |read| match read {
                Ok(doc) => documents.push(doc),
                Err(e) => report.errors.push(e.to_string()),
            },
        );
    }
    if documents.is_empty() {
        let why = if report.errors.is_empty() {
            "no articles given".to_string()
        } else {
            report.errors.join("; ")
        };
        return Err(AppError::Unprocessable(format!(
            "nothing could be read: {why}"
        )));
    }
    // A repeat within the upload is analysed once.
    let mut seen = std::collections::HashSet::new();
    documents.retain(|d| seen.insert(d.id.clone()));
    report.read = documents.len();
    let snapshot = app.snapshot();
    let (stored, fresh): (Vec<Document>, Vec<Document>) = documents
        .into_iter()
        .partition(|d| snapshot.document(&d.id).is_some());
    progress.analysing(fresh.len());
    let analyzer = app.analyzer();
    let analysed: Vec<(Document, Vec<Claim>)> = fresh
        .into_par_iter()
        .map(|doc| {
            let a = analyzer.analyze(doc);
            progress.analysed_one();
            (a.document, a.claims)
        })
        .collect();
    progress.stage(Stage::Storing);
    let stats = app.db().add(&snapshot, analysed.clone())?;
    report.added = stats.added;
    report.skipped = stats.skipped + stored.len();
    report.claims = stats.claims;
    report.batch = stats.batch;
    let snapshot = if stats.added > 0 {
        progress.stage(Stage::Rebuilding);
        app.reload()?
    } else {
        snapshot
    };
    let listed = |doc: &Document, already_stored: bool| UploadedDocument {
        id: doc.id.clone(),
        title: doc.title.clone(),
        href: document_href(&doc.id),
        claims: snapshot.document_claims(&doc.id).count(),
        duplicate_of: snapshot
            .document(&doc.id)
            .and_then(|d| d.duplicate_of.clone()),
        already_stored,
    };
    report.documents = analysed
        .iter()
        .map(|(doc, _)| listed(doc, false))
        .chain(stored.iter().map(|doc| listed(doc, true)))
        .collect();
    Ok(report)
}

/// The query of `POST /api/documents`: `?name=` for a raw upload (the
/// file name whose extension says the format, `article.html`; the format
/// is sniffed from the content when the name says nothing), and
/// `?async=yes` to get a job to follow instead of waiting for the report.
#[derive(Debug, Default, Deserialize)]
pub struct UploadQuery {
    #[serde(default)]
    name: Option<String>,
    #[serde(default, rename = "async")]
    background: Option<String>,
}

impl UploadQuery {
    fn background(&self) -> Result<bool, AppError> {
        match self.background.as_deref().map(str::trim) {
            None | Some("" | "no" | "false" | "0") => Ok(false),
            Some("yes" | "true" | "1") => Ok(true),
            Some(other) => Err(AppError::BadRequest(format!(
                "async={other:?}: say yes or no"
            ))),
        }
    }
}

/// The inputs of a request body: a multipart form (files, or pasted text
/// with its title, outlet, URL and date), JSON (one article object, an
/// array of them, or `{"documents": [...]}`, each with `text` or `html` and
/// optional `url`, `title`, `published`, `outlet`, `author`), or the body
/// itself as one file.
pub async fn inputs(
    app: &App,
    name: Option<String>,
    request: Request,
) -> Result<Vec<Input>, AppError> {
    let content_type = request
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_ascii_lowercase();
    let too_large = || {
        AppError::TooLarge(format!(
            "the request is larger than this server accepts ({}; start it with a larger --max-upload)",
            megabytes(app.limits.max_upload)
        ))
    };
    if content_type.starts_with("multipart/form-data") {
        let mut multipart = Multipart::from_request(request, &())
            .await
            .map_err(|e| AppError::BadRequest(e.body_text()))?;
        return multipart_inputs(&mut multipart, too_large).await;
    }
    let body = Bytes::from_request(request, &()).await.map_err(|e| {
        if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
            too_large()
        } else {
            AppError::BadRequest(e.body_text())
        }
    })?;
    if body.is_empty() {
        return Err(AppError::BadRequest(
            "the request body is empty: send articles".into(),
        ));
    }
    if content_type.starts_with("application/json") {
        return json_inputs(&body);
    }
    Ok(vec![Input {
        name: name
            .filter(|n| !n.trim().is_empty())
            .unwrap_or_else(|| "request".to_string()),
        bytes: body.to_vec(),
    }])
}

/// JSON articles as one JSONL input, so each record is read (and its
/// problems reported as `request.jsonl#N`) exactly as a JSONL file's.
fn json_inputs(body: &[u8]) -> Result<Vec<Input>, AppError> {
    let value: serde_json::Value = serde_json::from_slice(body)
        .map_err(|e| AppError::BadRequest(format!("the body is not JSON: {e}")))?;
    let records = match value {
        serde_json::Value::Array(items) => items,
        serde_json::Value::Object(mut map) => match map.remove("documents") {
            Some(serde_json::Value::Array(items)) => items,
            Some(_) => {
                return Err(AppError::BadRequest(
                    "`documents` must be an array of article objects".into(),
                ))
            }
            None => vec![serde_json::Value::Object(map)],
        },
        _ => {
            return Err(AppError::BadRequest(
                "send an article object, an array of them, or {\"documents\": [...]}".into(),
            ))
        }
    };
    if records.is_empty() {
        return Err(AppError::BadRequest("no articles in the request".into()));
    }
    let mut lines = Vec::new();
    for record in &records {
        serde_json::to_writer(&mut lines, record)
            .map_err(|e| AppError::Internal(format!("re-encoding a record: {e}")))?;
        lines.push(b'\n');
    }
    Ok(vec![Input {
        name: "request.jsonl".into(),
        bytes: lines,
    }])
}

/// Form fields that describe pasted text.
const PASTED_FIELDS: [&str; 5] = ["title", "outlet", "url", "published", "author"];

async fn multipart_inputs(
    multipart: &mut Multipart,
    too_large: impl Fn() -> AppError,
) -> Result<Vec<Input>, AppError> {
    let mut inputs = Vec::new();
    let mut pasted = serde_json::Map::new();
    let failed = |e: axum::extract::multipart::MultipartError| {
        if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
            too_large()
        } else {
            AppError::BadRequest(format!("reading the form: {}", e.body_text()))
        }
    };
    while let Some(field) = multipart.next_field().await.map_err(&failed)? {
        let field_name = field.name().unwrap_or("").to_string();
        let file_name = field.file_name().map(str::to_string);
        let bytes = field.bytes().await.map_err(&failed)?;
        match file_name {
            // A file input with no file chosen sends an empty nameless part.
            Some(name) if !name.is_empty() || !bytes.is_empty() => {
                if !bytes.is_empty() {
                    inputs.push(Input {
                        name: if name.is_empty() {
                            "upload".into()
                        } else {
                            name
                        },
                        bytes: bytes.to_vec(),
                    });
                }
            }
            _ => {
                let text = String::from_utf8_lossy(&bytes).trim().to_string();
                if text.is_empty() {
                    continue;
                }
                if field_name == "text" || PASTED_FIELDS.contains(&field_name.as_str()) {
                    pasted.insert(field_name, serde_json::Value::String(text));
                }
            }
        }
    }
    if pasted.contains_key("text") {
        let mut line = serde_json::to_vec(&pasted)
            .map_err(|e| AppError::Internal(format!("encoding pasted text: {e}")))?;
        line.push(b'\n');
        inputs.push(Input {
            name: "pasted.jsonl".into(),
            bytes: line,
        });
    }
    if inputs.is_empty() {
        return Err(AppError::BadRequest(
            "no articles in the form: choose files or paste an article's text".into(),
        ));
    }
    Ok(inputs)
}

/// `POST /api/documents`: adds articles; answers what was stored, or
/// with `?async=yes` the job that is storing them (202, `Location` the
/// job's address).
pub async fn post_documents(
    State(app): State<Arc<App>>,
    Query(query): Query<UploadQuery>,
    request: Request,
) -> Result<Response, ApiError> {
    let background = query.background()?;
    let inputs = inputs(&app, query.name, request).await?;
    if background {
        let id = spawn_ingest(&app, inputs);
        let href = job_href(id);
        let body = serde_json::json!({"job": id, "href": href, "stage": Stage::Queued});
        return Ok((StatusCode::ACCEPTED, [(header::LOCATION, href)], Json(body)).into_response());
    }
    let report = ingest(Arc::clone(&app), inputs).await?;
    let status = if report.added > 0 {
        StatusCode::CREATED
    } else {
        StatusCode::OK
    };
    Ok((status, Json(report)).into_response())
}

/// `POST /upload`: the form's fallback without JavaScript; shows the
/// result on the upload page.
pub async fn post_form(
    State(app): State<Arc<App>>,
    request: Request,
) -> Result<Response, PageError> {
    let inputs = inputs(&app, None, request).await?;
    let report = ingest(Arc::clone(&app), inputs).await?;
    Ok(crate::pages::upload_result(&app, report)?.into_response())
}
