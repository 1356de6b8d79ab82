//! Uploads that run in the background, so a client can show progress:
//! `POST /api/documents?async=yes` answers `202 Accepted` with the job's
//! address at once, and `GET /api/jobs/{id}` says which stage the upload
//! is in, how many documents of how many are analysed, and, once done,
//! the upload's report or its error. The upload form uses this.
//!
//! Only the newest [`KEPT`] jobs are kept; an older one is gone (404).

use std::collections::VecDeque;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use axum::extract::{Path, State};
use axum::response::Json;
use serde::Serialize;

use crate::error::{ApiError, AppError};
use crate::state::App;
use crate::upload::{ingest_tracked, Input, UploadReport};

/// Jobs kept for their clients to read.
const KEPT: usize = 64;

/// What an upload is doing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    /// Waiting for an earlier upload to finish.
    Queued,
    /// Reading the inputs into documents.
    Reading,
    /// Analysing the new documents (`done` of `total`).
    Analysing,
    /// Storing documents and claims in one transaction.
    Storing,
    /// Rebuilding what pages are served from.
    Rebuilding,
    /// Finished: `report` says what was stored.
    Done,
    /// Failed: `error` says why; nothing of it was stored.
    Failed,
}

/// Progress of one upload, updated by the worker and read by clients.
#[derive(Debug)]
pub struct Progress {
    stage: Mutex<Stage>,
    done: AtomicUsize,
    total: AtomicUsize,
    outcome: Mutex<Option<Result<UploadReport, String>>>,
}

impl Default for Progress {
    fn default() -> Progress {
        Progress {
            stage: Mutex::new(Stage::Queued),
            done: AtomicUsize::new(0),
            total: AtomicUsize::new(0),
            outcome: Mutex::new(None),
        }
    }
}

impl Progress {
    /// Enters `stage`.
    pub fn stage(&self, stage: Stage) {
        if let Ok(mut current) = self.stage.lock() {
            *current = stage;
        }
    }

    /// Sets how many documents the analysis has to do.
    pub fn analysing(&self, total: usize) {
        self.total.store(total, Ordering::Relaxed);
        self.done.store(0, Ordering::Relaxed);
        self.stage(Stage::Analysing);
    }

    /// One more document analysed.
    pub fn analysed_one(&self) {
        self.done.fetch_add(1, Ordering::Relaxed);
    }

    fn finish(&self, outcome: Result<UploadReport, AppError>) {
        let stage = if outcome.is_ok() {
            Stage::Done
        } else {
            Stage::Failed
        };
        if let Ok(mut slot) = self.outcome.lock() {
            *slot = Some(outcome.map_err(|e| e.to_string()));
        }
        self.stage(stage);
    }
}

/// A job as `GET /api/jobs/{id}` shows it.
#[derive(Debug, Serialize)]
pub struct JobView {
    /// Its id.
    pub id: u64,
    /// Its address.
    pub href: String,
    /// What it is doing.
    pub stage: Stage,
    /// Documents analysed so far.
    pub done: usize,
    /// Documents to analyse (0 until the inputs are read).
    pub total: usize,
    /// What was stored, once done.
    pub report: Option<UploadReport>,
    /// Why it failed.
    pub error: Option<String>,
}

/// The server's background uploads, newest last.
#[derive(Debug, Default)]
pub struct Jobs {
    next: AtomicU64,
    kept: Mutex<VecDeque<(u64, Arc<Progress>)>>,
}

impl Jobs {
    /// A new job's id and progress.
    pub fn start(&self) -> (u64, Arc<Progress>) {
        let id = self.next.fetch_add(1, Ordering::Relaxed) + 1;
        let progress = Arc::new(Progress::default());
        if let Ok(mut kept) = self.kept.lock() {
            kept.push_back((id, Arc::clone(&progress)));
            while kept.len() > KEPT {
                kept.pop_front();
            }
        }
        (id, progress)
    }

    /// How job `id` stands.
    pub fn view(&self, id: u64) -> Option<JobView> {
        let kept = self.kept.lock().ok()?;
        let (_, progress) = kept.iter().find(|(n, _)| *n == id)?;
        let stage = progress.stage.lock().map_or(Stage::Failed, |s| *s);
        let outcome = progress.outcome.lock().ok().and_then(|o| o.clone());
        let (report, error) = match outcome {
            Some(Ok(report)) => (Some(report), None),
            Some(Err(error)) => (None, Some(error)),
            None => (None, None),
        };
        Some(JobView {
            id,
            href: job_href(id),
            stage,
            done: progress.done.load(Ordering::Relaxed),
            total: progress.total.load(Ordering::Relaxed),
            report,
            error,
        })
    }
}

/// A job's address.
pub fn job_href(id: u64) -> String {
    format!("/api/jobs/{id}")
}

/// Reads, analyses and stores `inputs` in the background; the job's id.
pub fn spawn_ingest(app: &Arc<App>, inputs: Vec<Input>) -> u64 {
    let (id, progress) = app.jobs.start();
    let app = Arc::clone(app);
    tokio::spawn(async move {
        let outcome = ingest_tracked(app, inputs, Arc::clone(&progress)).await;
        progress.finish(outcome);
    });
    id
}

/// `GET /api/jobs/{id}`.
pub async fn job(
    State(app): State<Arc<App>>,
    Path(id): Path<String>,
) -> Result<Json<JobView>, ApiError> {
    let view = id
        .parse::<u64>()
        .ok()
        .and_then(|n| app.jobs.view(n))
        .ok_or_else(|| {
            AppError::NotFound(format!(
                "no upload job {id} (only the newest {KEPT} are kept)"
            ))
        })?;
    Ok(Json(view))
}
