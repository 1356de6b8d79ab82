//! The JSON API under `/api/` (described in `docs/api.md`). Lists page with
//! an opaque `cursor` (`next_cursor` of the previous page) and a `limit`;
//! claims and documents take `since=BATCH` for what was stored after a
//! batch, and every list says the newest batch it includes
//! (`latest_batch`), the `since` of the next poll.

use std::sync::Arc;

use axum::extract::{Path, Query, State};
use axum::response::Json;
use crosscheck_model::{Claim, Document, Entity, Proposition, PropositionStatus};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

use crate::error::{ApiError, AppError};
use crate::filter::ClaimParams;
use crate::pages::{matching_entities, parse_cursor};
use crate::snapshot::Snapshot;
use crate::state::App;
use crate::stories::StoryInfo;

/// Rows per page unless `limit` says otherwise.
const DEFAULT_LIMIT: usize = 100;
/// The most rows one page holds (exports have no limit).
const MAX_LIMIT: usize = 1000;

type ApiResult = Result<Json<Value>, ApiError>;

/// `cursor` and `limit` of a list.
#[derive(Debug, Default, Deserialize)]
pub struct Paging {
    #[serde(default)]
    cursor: Option<String>,
    #[serde(default)]
    limit: Option<String>,
}

impl Paging {
    fn parse(&self) -> Result<(Option<usize>, usize), AppError> {
        let cursor = parse_cursor("cursor", self.cursor.as_deref())?;
        let limit = match self
            .limit
            .as_deref()
            .map(str::trim)
            .filter(|l| !l.is_empty())
        {
            None => DEFAULT_LIMIT,
            Some(l) => l
                .parse::<usize>()
                .ok()
                .filter(|n| (1..=MAX_LIMIT).contains(n))
                .ok_or_else(|| {
                    AppError::BadRequest(format!("limit={l:?}: not a number from 1 to {MAX_LIMIT}"))
                })?,
        };
        Ok((cursor, limit))
    }

    /// One page of `items` by offset: the page and the next cursor.
    fn slice<'a, T>(&self, items: &'a [T]) -> Result<(&'a [T], Option<String>), AppError> {
        let (cursor, limit) = self.parse()?;
        let start = cursor.unwrap_or(0).min(items.len());
        let end = start.saturating_add(limit).min(items.len());
        let next = (end < items.len()).then(|| end.to_string());
        Ok((&items[start..end], next))
    }
}

// ---------------------------------------------------------------- stories

/// A story as the API lists it.
#[derive(Debug, Serialize)]
pub struct StorySummary<'a> {
    id: &'a str,
    title: Option<&'a str>,
    documents: usize,
    claims: usize,
    conflicts: usize,
    first: Option<&'a str>,
    last: Option<&'a str>,
    outlets: &'a [String],
    entities: Vec<Value>,
}

fn story_summary<'a>(snapshot: &'a Snapshot, s: &'a StoryInfo) -> StorySummary<'a> {
    StorySummary {
        id: &s.id,
        title: s.title.as_deref(),
        documents: s.documents.len(),
        claims: s.claims,
        conflicts: s.conflicts,
        first: s.first.as_deref(),
        last: s.last.as_deref(),
        outlets: &s.outlets,
        entities: s
            .entities
            .iter()
            .map(|(id, n)| {
                json!({
                    "id": id,
                    "name": snapshot.entity(id).map(|e| e.name.as_str()),
                    "claims": n,
                })
            })
            .collect(),
    }
}

/// `GET /api/stories`.
pub async fn stories(State(app): State<Arc<App>>, Query(paging): Query<Paging>) -> ApiResult {
    let snapshot = app.snapshot();
    let (page, next) = paging.slice(&snapshot.stories)?;
    Ok(Json(json!({
        "stories": page.iter().map(|s| story_summary(&snapshot, s)).collect::<Vec<_>>(),
        "total": snapshot.stories.len(),
        "next_cursor": next,
        "latest_batch": snapshot.latest_batch,
    })))
}

/// `GET /api/stories/{id}`: the story with its documents, propositions,
/// stance timelines and quote groups.
pub async fn story(State(app): State<Arc<App>>, Path(id): Path<String>) -> ApiResult {
    let snapshot = app.snapshot();
    let s = snapshot
        .story(&id)
        .ok_or_else(|| AppError::NotFound(format!("no story {id:?}")))?;
    let ledger = &snapshot.ledger;
    Ok(Json(json!({
        "story": story_summary(&snapshot, s),
        "documents": s.documents.iter().map(|&d| &ledger.documents[d].id).collect::<Vec<_>>(),
        "propositions": s.propositions.iter().filter_map(|&p| ledger.propositions.get(p)).collect::<Vec<_>>(),
        "stance_timelines": s.stance_timelines.iter().filter_map(|&t| ledger.stance_timelines.get(t)).collect::<Vec<_>>(),
        "quote_groups": s.quote_groups.iter().filter_map(|&g| ledger.quote_groups.get(g)).collect::<Vec<_>>(),
    })))
}

// -------------------------------------------------------------- documents

/// A document as the API lists it (the whole document, text and analysis,
/// is at `/api/documents/{id}`).
#[derive(Debug, Serialize)]
pub struct DocumentSummary<'a> {
    id: &'a str,
    title: Option<&'a str>,
    outlet: Option<&'a str>,
    author: Option<&'a str>,
    published: Option<String>,
    date: Option<String>,
    date_estimated: bool,
    url: Option<&'a str>,
    source: &'a str,
    story: Option<&'a str>,
    duplicate_of: Option<&'a str>,
    copies: &'a [String],
    claims: usize,
    words: usize,
    batch: i64,
}

fn document_summary<'a>(snapshot: &'a Snapshot, d: &'a Document) -> DocumentSummary<'a> {
    let placed = d.placed_date();
    DocumentSummary {
        id: &d.id,
        title: d.title.as_deref(),
        outlet: d.outlet.as_deref(),
        author: d.author.as_deref(),
        published: d.published.map(|p| p.to_string()),
        date: placed.map(|(date, _)| date.to_string()),
        date_estimated: placed.is_some_and(|(_, estimated)| estimated),
        url: d.url.as_deref(),
        source: &d.source,
        story: snapshot.story_of(&d.id).map(|s| s.id.as_str()),
        duplicate_of: d.duplicate_of.as_deref(),
        copies: snapshot.copies_of(&d.id),
        claims: snapshot.document_claims(&d.id).count(),
        words: d.word_count(),
        batch: snapshot.document_batch(&d.id),
    }
}

/// Filters of the documents list.
#[derive(Debug, Default, Deserialize)]
pub struct DocumentFilter {
    #[serde(default)]
    story: Option<String>,
    #[serde(default)]
    outlet: Option<String>,
    #[serde(default)]
    since: Option<String>,
    #[serde(flatten)]
    paging: Paging,
}

/// `GET /api/documents`.
pub async fn documents(
    State(app): State<Arc<App>>,
    Query(filter): Query<DocumentFilter>,
) -> ApiResult {
    let snapshot = app.snapshot();
    let blank = |v: &Option<String>| v.clone().filter(|v| !v.trim().is_empty());
    let since = ClaimParams {
        since: blank(&filter.since),
        ..ClaimParams::default()
    }
    .query(&snapshot)?
    .since;
    let story = blank(&filter.story);
    let outlet = blank(&filter.outlet);
    let matching: Vec<&Document> = snapshot
        .ledger
        .documents
        .iter()
        .filter(|d| {
            story.is_none() || snapshot.story_of(&d.id).map(|s| s.id.as_str()) == story.as_deref()
        })
        .filter(|d| outlet.is_none() || d.outlet == outlet)
        .filter(|d| since.is_none_or(|s| snapshot.document_batch(&d.id) > s))
        .collect();
    let (page, next) = filter.paging.slice(&matching)?;
    Ok(Json(json!({
        "documents": page.iter().map(|d| document_summary(&snapshot, d)).collect::<Vec<_>>(),
        "total": matching.len(),
        "next_cursor": next,
        "latest_batch": snapshot.latest_batch,
    })))
}

/// `GET /api/documents/{id}`: the whole document (text, sentences,
/// mentions, …) with its claims.
pub async fn document(State(app): State<Arc<App>>, Path(id): Path<String>) -> ApiResult {
    let snapshot = app.snapshot();
    let doc = snapshot
        .document(&id)
        .ok_or_else(|| AppError::NotFound(format!("no document {id:?}")))?;
    Ok(Json(json!({
        "document": doc,
        "summary": document_summary(&snapshot, doc),
        "claims": snapshot.document_claims(&id).collect::<Vec<&Claim>>(),
    })))
}

// ----------------------------------------------------------------- claims

/// Claim filters with paging.
#[derive(Debug, Default, Deserialize)]
pub struct ClaimList {
    #[serde(flatten)]
    filters: ClaimParams,
    #[serde(flatten)]
    paging: Paging,
}

/// `GET /api/claims`: claims matching the filters, in store order.
pub async fn claims(State(app): State<Arc<App>>, Query(list): Query<ClaimList>) -> ApiResult {
    let snapshot = app.snapshot();
    let (cursor, limit) = list.paging.parse()?;
    let query = list.filters.query(&snapshot)?;
    let work = Arc::clone(&snapshot);
    let (page, total) = tokio::task::spawn_blocking(move || {
        let page = work.index.search(&query, cursor, limit)?;
        let total = work.index.count(&query)?;
        Ok::<_, AppError>((page, total))
    })
    .await??;
    Ok(Json(json!({
        "claims": page.claims.iter().filter_map(|&n| snapshot.claim_at(n)).collect::<Vec<_>>(),
        "total": total,
        "next_cursor": page.next.map(|n| n.to_string()),
        "latest_batch": snapshot.latest_batch,
    })))
}

/// `GET /api/claims/{id}`.
pub async fn claim(State(app): State<Arc<App>>, Path(id): Path<String>) -> ApiResult {
    let snapshot = app.snapshot();
    let claim = snapshot
        .claim(&id)
        .ok_or_else(|| AppError::NotFound(format!("no claim {id:?}")))?;
    Ok(Json(json!(claim)))
}

// --------------------------------------------------------------- entities

/// Entity filters with paging.
#[derive(Debug, Default, Deserialize)]
pub struct EntityList {
    #[serde(default)]
    q: Option<String>,
    #[serde(default, rename = "type")]
    kind: Option<String>,
    #[serde(flatten)]
    paging: Paging,
}

fn entity_summary(e: &Entity, claims: usize) -> Value {
    let mut documents: Vec<&str> = e.mentions.iter().map(|m| &*m.doc).collect();
    documents.sort_unstable();
    documents.dedup();
    json!({
        "id": e.id,
        "name": e.name,
        "type": e.kind,
        "aliases": e.aliases,
        "refers_to": e.refers_to,
        "claims": claims,
        "mentions": e.mentions.len(),
        "documents": documents.len(),
    })
}

/// `GET /api/entities`: most claims first.
pub async fn entities(State(app): State<Arc<App>>, Query(list): Query<EntityList>) -> ApiResult {
    let snapshot = app.snapshot();
    let found = matching_entities(&snapshot, list.q.as_deref(), list.kind.as_deref())?;
    let (page, next) = list.paging.slice(&found)?;
    Ok(Json(json!({
        "entities": page.iter().map(|(e, n)| entity_summary(e, *n)).collect::<Vec<_>>(),
        "total": found.len(),
        "next_cursor": next,
    })))
}

/// `GET /api/entities/{id}`: the entity with every mention.
pub async fn entity(State(app): State<Arc<App>>, Path(id): Path<String>) -> ApiResult {
    let snapshot = app.snapshot();
    let entity = snapshot
        .entity(&id)
        .ok_or_else(|| AppError::NotFound(format!("no entity {id:?}")))?;
    Ok(Json(json!({
        "entity": entity,
        "claims": snapshot.entity_claim_count(&id),
    })))
}

// ----------------------------------------------------------- propositions

/// Proposition filters with paging.
#[derive(Debug, Default, Deserialize)]
pub struct PropositionList {
    #[serde(default)]
    story: Option<String>,
    #[serde(default)]
    status: Option<String>,
    #[serde(flatten)]
    paging: Paging,
}

/// `GET /api/propositions`: figures about the same thing across documents.
pub async fn propositions(
    State(app): State<Arc<App>>,
    Query(list): Query<PropositionList>,
) -> ApiResult {
    let snapshot = app.snapshot();
    let status = match list.status.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        None => None,
        Some(s) => Some(PropositionStatus::from_name(s).ok_or_else(|| {
            AppError::BadRequest(format!(
                "status={s:?}: not a proposition status (consistent, conflicting, disputed, evolving, single_source)"
            ))
        })?),
    };
    let story = match list
        .story
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        None => None,
        Some(id) => Some(
            snapshot
                .story(id)
                .ok_or_else(|| AppError::NotFound(format!("no story {id:?}")))?,
        ),
    };
    let matching: Vec<&Proposition> = match story {
        Some(s) => s
            .propositions
            .iter()
            .filter_map(|&p| snapshot.ledger.propositions.get(p))
            .collect::<Vec<_>>(),
        None => snapshot.ledger.propositions.iter().collect(),
    }
    .into_iter()
    .filter(|p| status.is_none_or(|s| p.status == s))
    .collect();
    let (page, next) = list.paging.slice(&matching)?;
    Ok(Json(json!({
        "propositions": page,
        "total": matching.len(),
        "next_cursor": next,
    })))
}

/// `GET /api/propositions/{id}`.
pub async fn proposition(State(app): State<Arc<App>>, Path(id): Path<String>) -> ApiResult {
    let snapshot = app.snapshot();
    let p = snapshot
        .ledger
        .propositions
        .iter()
        .find(|p| p.id == id)
        .ok_or_else(|| AppError::NotFound(format!("no proposition {id:?}")))?;
    Ok(Json(json!(p)))
}
