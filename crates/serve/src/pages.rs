//! The web app's pages: each handler gathers plain values from the
//! snapshot into a template struct (`templates/`), which escapes every one
//! of them.

use std::sync::Arc;

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Html;
use serde::Deserialize;

use crate::article::{blocks, Block};
use crate::error::{AppError, PageError};
use crate::filter::ClaimParams;
use crate::snapshot::Snapshot;
use crate::state::App;
use crate::story_page::StoryView;
use crate::views::{
    claims_href, date_label, document_href, safe_url, segment, story_href, ClaimCard,
};

/// Claims on one page of search results.
const CLAIMS_PER_PAGE: usize = 50;
/// Rows on one page of the stories, entities and documents lists.
const ROWS_PER_PAGE: usize = 50;
/// Entity cards over the search results.
const ENTITY_CARDS: usize = 12;

type Page = Result<Html<String>, PageError>;

fn render(template: &impl Template) -> Page {
    template
        .render()
        .map(Html)
        .map_err(|e| PageError(AppError::Internal(format!("rendering a page: {e}"))))
}

/// The error page (never fails: falls back to plain text).
pub fn render_error_page(status: StatusCode, message: &str) -> String {
    let page = ErrorPage {
        title: status.canonical_reason().unwrap_or("Error").to_string(),
        status: status.as_u16(),
        message: message.to_string(),
    };
    page.render()
        .unwrap_or_else(|_| format!("{} {}", status.as_u16(), page.title))
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage {
    title: String,
    status: u16,
    message: String,
}

/// `?page=N` (1-based) of a list.
#[derive(Debug, Default, Deserialize)]
pub struct PageParam {
    page: Option<String>,
}

impl PageParam {
    fn number(&self) -> Result<usize, AppError> {
        match self
            .page
            .as_deref()
            .map(str::trim)
            .filter(|p| !p.is_empty())
        {
            None => Ok(1),
            Some(p) => p
                .parse::<usize>()
                .ok()
                .filter(|&n| n >= 1)
                .ok_or_else(|| AppError::BadRequest(format!("page={p:?}: not a page number"))),
        }
    }
}

/// Links to the pages around page `number` of `total` rows.
#[derive(Debug, Clone, Default)]
pub struct Pager {
    /// The page shown.
    pub number: usize,
    /// How many pages.
    pub pages: usize,
    /// The previous page's link.
    pub prev: Option<String>,
    /// The next page's link.
    pub next: Option<String>,
}

impl Pager {
    pub(crate) fn new(
        base: &str,
        extra: &str,
        number: usize,
        total: usize,
        per_page: usize,
    ) -> Pager {
        let pages = total.div_ceil(per_page).max(1);
        let link = |n: usize| {
            let sep = if base.contains('?') { '&' } else { '?' };
            format!("{base}{sep}{extra}page={n}")
        };
        Pager {
            number,
            pages,
            prev: (number > 1).then(|| link(number - 1)),
            next: (number < pages).then(|| link(number + 1)),
        }
    }

    fn range(&self, total: usize, per_page: usize) -> std::ops::Range<usize> {
        let start = (self.number - 1).saturating_mul(per_page).min(total);
        start..(start + per_page).min(total)
    }
}

/// A link to the claims an entity appears in, with how many.
#[derive(Debug, Clone)]
pub struct EntityCard {
    /// The entity's name.
    pub name: String,
    /// Its type, readable.
    pub kind: &'static str,
    /// Its other names.
    pub aliases: String,
    /// Claims naming it (within the current filters, on a search page).
    pub count: usize,
    /// The claims search narrowed to it.
    pub href: String,
    /// Whether the current search is already narrowed to it.
    pub active: bool,
}

impl EntityCard {
    pub(crate) fn new(
        snapshot: &Snapshot,
        id: &str,
        count: usize,
        base: &ClaimParams,
    ) -> Option<EntityCard> {
        let entity = snapshot.entity(id)?;
        let active = base.entity.as_deref() == Some(id);
        Some(EntityCard {
            name: entity.name.clone(),
            kind: crosscheck_report::entity_type_name(entity.kind),
            aliases: entity
                .aliases
                .iter()
                .filter(|a| **a != entity.name)
                .take(4)
                .cloned()
                .collect::<Vec<_>>()
                .join(", "),
            count,
            href: claims_href(&base.with("entity", (!active).then_some(id))),
            active,
        })
    }
}

/// What the page header shows of the store.
#[derive(Debug, Clone)]
pub struct Totals {
    documents: usize,
    claims: usize,
    stories: usize,
}

impl Totals {
    fn of(snapshot: &Snapshot) -> Totals {
        Totals {
            documents: snapshot.ledger.documents.len(),
            claims: snapshot.ledger.claims.len(),
            stories: snapshot.stories.len(),
        }
    }
}

// ---------------------------------------------------------------- stories

#[derive(Template)]
#[template(path = "stories.html")]
struct StoriesPage {
    title: String,
    nav: &'static str,
    totals: Totals,
    stories: Vec<StoryRow>,
    pager: Pager,
}

struct StoryRow {
    href: String,
    id: String,
    title: String,
    documents: usize,
    claims: usize,
    conflicts: usize,
    dates: String,
    outlets: String,
    entities: Vec<EntityCard>,
}

/// `GET /`: the stories index.
pub async fn stories(State(app): State<Arc<App>>, Query(page): Query<PageParam>) -> Page {
    let snapshot = app.snapshot();
    let total = snapshot.stories.len();
    let pager = Pager::new("/", "", page.number()?, total, ROWS_PER_PAGE);
    let stories = snapshot.stories[pager.range(total, ROWS_PER_PAGE)]
        .iter()
        .map(|s| {
            let base = ClaimParams {
                story: Some(s.id.clone()),
                ..ClaimParams::default()
            };
            StoryRow {
                href: story_href(&s.id),
                id: s.id.clone(),
                title: s.title.clone().unwrap_or_else(|| s.id.clone()),
                documents: s.documents.len(),
                claims: s.claims,
                conflicts: s.conflicts,
                dates: date_span(s.first.as_deref(), s.last.as_deref()),
                outlets: list_some(&s.outlets, 6),
                entities: s
                    .entities
                    .iter()
                    .filter_map(|(id, n)| EntityCard::new(&snapshot, id, *n, &base))
                    .collect(),
            }
        })
        .collect();
    render(&StoriesPage {
        title: "Stories".into(),
        nav: "stories",
        totals: Totals::of(&snapshot),
        stories,
        pager,
    })
}

/// "2031-03-01 – 2031-03-09", or one date, or "undated".
pub fn date_span(first: Option<&str>, last: Option<&str>) -> String {
    match (first, last) {
        (Some(a), Some(b)) if a != b => format!("{a} – {b}"),
        (Some(a), _) | (None, Some(a)) => a.to_string(),
        (None, None) => "undated".to_string(),
    }
}

/// The first `n` items joined, with "and N more".
pub fn list_some(items: &[String], n: usize) -> String {
    let shown = items.iter().take(n).cloned().collect::<Vec<_>>().join(", ");
    if items.len() > n {
        format!("{shown} and {} more", items.len() - n)
    } else {
        shown
    }
}

// ------------------------------------------------------------------ story

#[derive(Template)]
#[template(path = "story.html")]
struct StoryPage {
    title: String,
    nav: &'static str,
    totals: Totals,
    story: StoryView,
}

/// `GET /stories/{id}`.
pub async fn story(
    State(app): State<Arc<App>>,
    Path(id): Path<String>,
    Query(query): Query<crate::story_page::SectionParams>,
) -> Page {
    let snapshot = app.snapshot();
    let info = snapshot
        .story(&id)
        .ok_or_else(|| AppError::NotFound(format!("no story {id:?}")))?;
    let story = StoryView::new(&snapshot, info, &query)?;
    render(&StoryPage {
        title: story.title.clone(),
        nav: "stories",
        totals: Totals::of(&snapshot),
        story,
    })
}

// ----------------------------------------------------------------- claims

#[derive(Template)]
#[template(path = "claims.html")]
struct ClaimsPage {
    title: String,
    nav: &'static str,
    totals: Totals,
    params: ClaimParams,
    kinds: Vec<(&'static str, bool)>,
    outlets: Vec<(String, bool)>,
    stories: Vec<(String, String, bool)>,
    total: usize,
    entity_note: Option<String>,
    entities: Vec<EntityCard>,
    cards: Vec<ClaimCard>,
    next: Option<String>,
    first: Option<String>,
    ndjson: String,
    csv: String,
}

/// The claim filters plus where a page starts.
#[derive(Debug, Default, Deserialize)]
pub struct SearchParams {
    #[serde(flatten)]
    filters: ClaimParams,
    after: Option<String>,
}

/// A cursor as given: a claim position.
pub fn parse_cursor(name: &str, value: Option<&str>) -> Result<Option<usize>, AppError> {
    match value.map(str::trim).filter(|v| !v.is_empty()) {
        None => Ok(None),
        Some(v) => v.parse::<usize>().map(Some).map_err(|_| {
            AppError::BadRequest(format!("{name}={v:?}: not a cursor from a previous page"))
        }),
    }
}

/// `GET /claims`: search and filters, entity cards, results.
pub async fn claims(State(app): State<Arc<App>>, Query(search): Query<SearchParams>) -> Page {
    let snapshot = app.snapshot();
    let params = search.filters;
    let after = parse_cursor("after", search.after.as_deref())?;
    let page_snapshot = Arc::clone(&snapshot);
    let page_params = params.clone();
    let (query, page, total, facets) = tokio::task::spawn_blocking(move || {
        let snapshot = page_snapshot;
        let query = page_params.query(&snapshot)?;
        let page = snapshot.index.search(&query, after, CLAIMS_PER_PAGE)?;
        let total = snapshot.index.count(&query)?;
        let facets = snapshot.index.entity_counts(&query, ENTITY_CARDS)?;
        Ok::<_, AppError>((query, page, total, facets))
    })
    .await??;
    let entity_note = match (&params.entity, &query.entities) {
        (Some(name), Some(ids)) if ids.is_empty() => {
            Some(format!("No entity is called {name:?}; nothing matches."))
        }
        (Some(_), Some(ids)) if ids.len() > 1 => Some(format!(
            "That name fits {} entities: {}.",
            ids.len(),
            ids.iter()
                .filter_map(|id| snapshot.entity(id).map(|e| format!("{} ({})", e.name, id)))
                .collect::<Vec<_>>()
                .join(", ")
        )),
        _ => None,
    };
    let kinds = ["quote", "quantity", "stance"]
        .into_iter()
        .map(|k| (k, params.kind.as_deref() == Some(k)))
        .collect();
    let mut outlets: Vec<String> = snapshot
        .ledger
        .documents
        .iter()
        .filter_map(|d| d.outlet.clone())
        .collect();
    outlets.sort();
    outlets.dedup();
    let outlets = outlets
        .into_iter()
        .map(|o| {
            let selected = params.outlet.as_deref() == Some(o.as_str());
            (o, selected)
        })
        .collect();
    let stories = snapshot
        .stories
        .iter()
        .take(200)
        .map(|s| {
            (
                s.id.clone(),
                format!("{} ({})", s.title.clone().unwrap_or_default(), s.id),
                params.story.as_deref() == Some(s.id.as_str()),
            )
        })
        .collect();
    let cards = page
        .claims
        .iter()
        .filter_map(|&n| snapshot.claim_at(n))
        .map(|c| ClaimCard::new(&snapshot, c))
        .collect();
    let query_string = params.to_query_string();
    let with_after = |n: usize| {
        let sep = if query_string.is_empty() { "" } else { "&" };
        format!("/claims?{query_string}{sep}after={n}")
    };
    render(&ClaimsPage {
        title: "Claims".into(),
        nav: "claims",
        totals: Totals::of(&snapshot),
        entities: facets
            .iter()
            .filter_map(|(id, n)| EntityCard::new(&snapshot, id, *n, &params))
            .collect(),
        kinds,
        outlets,
        stories,
        total,
        entity_note,
        cards,
        next: page.next.map(with_after),
        first: after.map(|_| claims_href(&params)),
        ndjson: export_href("/api/claims.ndjson", &query_string),
        csv: export_href("/api/claims.csv", &query_string),
        params,
    })
}

fn export_href(base: &str, query: &str) -> String {
    if query.is_empty() {
        base.to_string()
    } else {
        format!("{base}?{query}")
    }
}

// --------------------------------------------------------------- entities

#[derive(Template)]
#[template(path = "entities.html")]
struct EntitiesPage {
    title: String,
    nav: &'static str,
    totals: Totals,
    q: String,
    types: Vec<(&'static str, &'static str, bool)>,
    total: usize,
    cards: Vec<EntityCard>,
    pager: Pager,
}

/// Filters of the entities list.
#[derive(Debug, Default, Deserialize)]
pub struct EntityParams {
    /// Part of a name or alias.
    #[serde(default)]
    pub q: Option<String>,
    /// An entity type (`person`, `organization`, …).
    #[serde(default, rename = "type")]
    pub kind: Option<String>,
    #[serde(default)]
    page: Option<String>,
}

/// Entities matching `params`, most claims first (ties by name).
pub fn matching_entities<'s>(
    snapshot: &'s Snapshot,
    q: Option<&str>,
    kind: Option<&str>,
) -> Result<Vec<(&'s crosscheck_model::Entity, usize)>, AppError> {
    let kind = match kind.map(str::trim).filter(|k| !k.is_empty()) {
        None => None,
        Some(k) => Some(crosscheck_model::EntityType::from_name(k).ok_or_else(|| {
            AppError::BadRequest(format!(
                "type={k:?}: not an entity type (person, organization, location, country, group, misc)"
            ))
        })?),
    };
    let q = q.map(|q| q.trim().to_lowercase()).filter(|q| !q.is_empty());
    let mut found: Vec<(&crosscheck_model::Entity, usize)> = snapshot
        .ledger
        .entities
        .iter()
        .filter(|e| kind.is_none_or(|k| k == e.kind))
        .filter(|e| match &q {
            None => true,
            Some(q) => std::iter::once(&e.name)
                .chain(&e.aliases)
                .any(|n| n.to_lowercase().contains(q.as_str())),
        })
        .map(|e| (e, snapshot.entity_claim_count(&e.id)))
        .collect();
    found.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.name.cmp(&b.0.name)));
    Ok(found)
}

/// `GET /entities`: entity cards, most claims first.
pub async fn entities(State(app): State<Arc<App>>, Query(params): Query<EntityParams>) -> Page {
    let snapshot = app.snapshot();
    let found = matching_entities(&snapshot, params.q.as_deref(), params.kind.as_deref())?;
    let total = found.len();
    let number = PageParam {
        page: params.page.clone(),
    }
    .number()?;
    let extra = serde_urlencoded::to_string([
        ("q", params.q.clone().unwrap_or_default()),
        ("type", params.kind.clone().unwrap_or_default()),
    ])
    .unwrap_or_default();
    let pager = Pager::new(
        "/entities",
        &format!("{extra}&"),
        number,
        total,
        ROWS_PER_PAGE,
    );
    let base = ClaimParams::default();
    let cards = found[pager.range(total, ROWS_PER_PAGE)]
        .iter()
        .filter_map(|(e, n)| EntityCard::new(&snapshot, &e.id, *n, &base))
        .collect();
    let selected = params.kind.as_deref().unwrap_or("");
    render(&EntitiesPage {
        title: "Entities".into(),
        nav: "entities",
        totals: Totals::of(&snapshot),
        q: params.q.clone().unwrap_or_default(),
        types: [
            ("person", "people"),
            ("organization", "organisations"),
            ("country", "countries"),
            ("location", "places"),
            ("group", "groups"),
            ("misc", "other"),
        ]
        .into_iter()
        .map(|(value, label)| (value, label, value == selected))
        .collect(),
        total,
        cards,
        pager,
    })
}

// -------------------------------------------------------------- documents

#[derive(Template)]
#[template(path = "documents.html")]
struct DocumentsPage {
    title: String,
    nav: &'static str,
    totals: Totals,
    story: Option<String>,
    rows: Vec<DocumentRow>,
    total: usize,
    pager: Pager,
}

struct DocumentRow {
    href: String,
    title: String,
    outlet: String,
    date: String,
    claims: usize,
    copy_of: Option<(String, String)>,
    copies: usize,
}

/// Filters of the documents list.
#[derive(Debug, Default, Deserialize)]
pub struct DocumentParams {
    /// A story id.
    #[serde(default)]
    pub story: Option<String>,
    #[serde(default)]
    page: Option<String>,
}

/// `GET /documents`: every stored document, in store order.
pub async fn documents(State(app): State<Arc<App>>, Query(params): Query<DocumentParams>) -> Page {
    let snapshot = app.snapshot();
    let story = params
        .story
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty());
    let positions: Vec<usize> = match story {
        Some(id) => snapshot
            .story(id)
            .ok_or_else(|| AppError::NotFound(format!("no story {id:?}")))?
            .documents
            .clone(),
        None => (0..snapshot.ledger.documents.len()).collect(),
    };
    let total = positions.len();
    let number = PageParam {
        page: params.page.clone(),
    }
    .number()?;
    let extra = story
        .map(|s| {
            format!(
                "{}&",
                serde_urlencoded::to_string([("story", s)]).unwrap_or_default()
            )
        })
        .unwrap_or_default();
    let pager = Pager::new("/documents", &extra, number, total, ROWS_PER_PAGE);
    let rows = positions[pager.range(total, ROWS_PER_PAGE)]
        .iter()
        .map(|&d| {
            let doc = &snapshot.ledger.documents[d];
            DocumentRow {
                href: document_href(&doc.id),
                title: doc.title.clone().unwrap_or_else(|| doc.id.clone()),
                outlet: doc.outlet.clone().unwrap_or_default(),
                date: date_label(doc).unwrap_or_default(),
                claims: snapshot.document_claims(&doc.id).count(),
                copy_of: doc.duplicate_of.as_ref().map(|o| {
                    let title = snapshot
                        .document(o)
                        .and_then(|d| d.title.clone())
                        .unwrap_or_else(|| o.clone());
                    (document_href(o), title)
                }),
                copies: snapshot.copies_of(&doc.id).len(),
            }
        })
        .collect();
    render(&DocumentsPage {
        title: "Documents".into(),
        nav: "documents",
        totals: Totals::of(&snapshot),
        story: story.map(str::to_string),
        rows,
        total,
        pager,
    })
}

#[derive(Template)]
#[template(path = "document.html")]
struct DocumentPage {
    title: String,
    nav: &'static str,
    totals: Totals,
    id: String,
    outlet: Option<String>,
    author: Option<String>,
    date: Option<String>,
    url: Option<String>,
    url_text: Option<String>,
    source: String,
    story: Option<(String, String)>,
    copy_of: Option<(String, String)>,
    copies: Vec<(String, String)>,
    blocks: Vec<Block>,
    claims: Vec<ClaimCard>,
    claims_href: String,
}

/// `GET /documents/{id}`: the article with every claim's evidence
/// highlighted and linked to the claim, and back.
pub async fn document(State(app): State<Arc<App>>, Path(id): Path<String>) -> Page {
    let snapshot = app.snapshot();
    let doc = snapshot
        .document(&id)
        .ok_or_else(|| AppError::NotFound(format!("no document {id:?}")))?;
    let titled = |other: &str| {
        let title = snapshot
            .document(other)
            .and_then(|d| d.title.clone())
            .unwrap_or_else(|| other.to_string());
        let outlet = snapshot
            .document(other)
            .and_then(|d| d.outlet.clone())
            .map(|o| format!(" ({o})"))
            .unwrap_or_default();
        (document_href(other), format!("{title}{outlet}"))
    };
    let claims: Vec<&crosscheck_model::Claim> = snapshot.document_claims(&id).collect();
    render(&DocumentPage {
        title: doc.title.clone().unwrap_or_else(|| id.clone()),
        nav: "documents",
        totals: Totals::of(&snapshot),
        id: id.clone(),
        outlet: doc.outlet.clone(),
        author: doc.author.clone(),
        date: date_label(doc),
        url: doc.url.as_deref().and_then(safe_url).map(str::to_string),
        url_text: doc.url.clone(),
        source: doc.source.clone(),
        story: snapshot.story_of(&id).map(|s| {
            (
                story_href(&s.id),
                s.title.clone().unwrap_or_else(|| s.id.clone()),
            )
        }),
        copy_of: doc.duplicate_of.as_deref().map(titled),
        copies: snapshot.copies_of(&id).iter().map(|c| titled(c)).collect(),
        blocks: blocks(doc, claims.iter().copied()),
        claims: claims
            .iter()
            .map(|c| ClaimCard::new(&snapshot, c))
            .collect(),
        claims_href: format!("/claims?doc={}", segment(&id)),
    })
}

// ----------------------------------------------------------------- upload

#[derive(Template)]
#[template(path = "upload.html")]
struct UploadPage {
    title: String,
    nav: &'static str,
    totals: Totals,
    max_upload_mb: String,
    result: Option<crate::upload::UploadReport>,
}

/// `GET /upload`: the form to add articles.
pub async fn upload_form(State(app): State<Arc<App>>) -> Page {
    upload_page(&app, None)
}

/// The upload page showing what an upload did.
pub fn upload_result(app: &App, report: crate::upload::UploadReport) -> Page {
    upload_page(app, Some(report))
}

fn upload_page(app: &App, result: Option<crate::upload::UploadReport>) -> Page {
    let snapshot = app.snapshot();
    render(&UploadPage {
        title: "Add articles".into(),
        nav: "upload",
        totals: Totals::of(&snapshot),
        max_upload_mb: megabytes(app.limits.max_upload),
        result,
    })
}

/// Bytes as "32 MB" (or "1.5 MB").
pub fn megabytes(bytes: usize) -> String {
    let mb = bytes as f64 / (1024.0 * 1024.0);
    if mb.fract() == 0.0 {
        format!("{mb:.0} MB")
    } else {
        format!("{mb:.1} MB")
    }
}
