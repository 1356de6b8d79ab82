//! What a story page shows, section by section: conflicts first with every
//! side's evidence, then figures over time by source, stance timelines,
//! the sourcing table by outlet and quote groups. Each section shows its
//! first items; `?section=NAME&page=N` pages through one section alone.

use std::collections::BTreeMap;

use crosscheck_ledger::polarity_verb;
use crosscheck_model::{Polarity, Proposition, PropositionStatus, Sourcing};
use serde::Deserialize;

use crate::error::AppError;
use crate::filter::ClaimParams;
use crate::pages::{date_span, list_some, EntityCard, Pager};
use crate::snapshot::Snapshot;
use crate::stories::StoryInfo;
use crate::views::{claims_href, evidence_href, story_href, ClaimCard};

/// Items of a section on the story page itself.
const PREVIEW: usize = 10;
/// Items on one page of a section shown alone.
const PER_PAGE: usize = 50;
/// Quotes shown for each speaker.
const QUOTES_PER_GROUP: usize = 3;

/// `?section=conflicts|figures|stances|quotes&page=N`.
#[derive(Debug, Default, Deserialize)]
pub struct SectionParams {
    #[serde(default)]
    section: Option<String>,
    #[serde(default)]
    page: Option<String>,
}

/// The sections a story page can show alone.
const SECTIONS: [&str; 4] = ["conflicts", "figures", "stances", "quotes"];

/// One section: the items shown, how many there are, and where the rest
/// are.
#[derive(Debug, Clone, Default)]
pub struct Section<T> {
    /// The items shown.
    pub items: Vec<T>,
    /// How many there are.
    pub total: usize,
    /// The whole section, paged, when the story page shows only the first.
    pub more: Option<String>,
    /// Paging, when the section is shown alone.
    pub pager: Option<Pager>,
}

/// A proposition: what is measured, its status, each value with its
/// evidence.
#[derive(Debug, Clone)]
pub struct PropositionCard {
    /// `p12`.
    pub id: String,
    /// What is measured.
    pub label: String,
    /// Status name.
    pub status: &'static str,
    /// Why.
    pub explanation: String,
    /// Values in date order.
    pub values: Vec<ValueRow>,
    /// Sources in the order they first give a value, each with its values
    /// in date order: the figure over time by source.
    pub by_source: Vec<(String, Vec<String>)>,
    /// The values by date and source as inline SVG (the report's chart,
    /// whose template escapes every text), when there are several.
    pub chart: Option<String>,
}

/// One value of a proposition.
#[derive(Debug, Clone)]
pub struct ValueRow {
    /// As written.
    pub text: String,
    /// Who gives it.
    pub source: String,
    /// Where.
    pub outlet: String,
    /// When.
    pub date: String,
    /// The evidence, for conflicts.
    pub card: Option<ClaimCard>,
    /// Link to the evidence in its article.
    pub href: String,
}

/// One actor's stances on a matter over time.
#[derive(Debug, Clone)]
pub struct StanceCard {
    /// Who.
    pub actor: String,
    /// On what.
    pub about: String,
    /// Changed position.
    pub changed: bool,
    /// The steps in time order.
    pub steps: Vec<StepView>,
}

/// One stance.
#[derive(Debug, Clone)]
pub struct StepView {
    /// "denied".
    pub verb: &'static str,
    /// CSS class: `confirm`, `deny`, `other`.
    pub class: &'static str,
    /// When.
    pub date: String,
    /// The text's own time words.
    pub when: Option<String>,
    /// Link to the evidence.
    pub href: String,
}

/// An outlet's sourcing within the story.
#[derive(Debug, Clone)]
pub struct SourcingRow {
    /// The outlet.
    pub outlet: String,
    /// Its documents in the story.
    pub documents: usize,
    /// Their claims by source kind.
    pub sourcing: Sourcing,
    /// Anonymous share, as a percentage.
    pub anonymous_share: String,
}

/// One speaker's quotes.
#[derive(Debug, Clone)]
pub struct QuoteGroupCard {
    /// Who.
    pub speaker: String,
    /// How many quotes.
    pub count: usize,
    /// The first few.
    pub quotes: Vec<ClaimCard>,
    /// Pairs reported with different wording.
    pub variants: usize,
    /// All of them in the claim search.
    pub href: String,
}

/// The story page.
#[derive(Debug, Clone)]
pub struct StoryView {
    /// Story id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Documents.
    pub documents: usize,
    /// Claims.
    pub claims: usize,
    /// Date span.
    pub dates: String,
    /// Outlets.
    pub outlets: String,
    /// Top entities.
    pub entities: Vec<EntityCard>,
    /// The one section shown, when paging through it.
    pub only: Option<&'static str>,
    /// Conflicting propositions with both sides' evidence.
    pub conflicts: Section<PropositionCard>,
    /// Other figures several documents give.
    pub figures: Section<PropositionCard>,
    /// Stance timelines, changed positions first.
    pub stances: Section<StanceCard>,
    /// Sourcing by outlet.
    pub sourcing: Vec<SourcingRow>,
    /// Quote groups, most quotes first.
    pub quotes: Section<QuoteGroupCard>,
    /// The story's documents.
    pub documents_href: String,
    /// The story's claims.
    pub claims_href: String,
    /// The story page.
    pub href: String,
}

impl StoryView {
    /// The page of story `info`.
    pub fn new(
        snapshot: &Snapshot,
        info: &StoryInfo,
        params: &SectionParams,
    ) -> Result<StoryView, AppError> {
        let only =
            match params.section.as_deref().map(str::trim) {
                None | Some("") => None,
                Some(name) => Some(SECTIONS.iter().copied().find(|s| *s == name).ok_or_else(
                    || {
                        AppError::BadRequest(format!(
                            "section={name:?}: not a section (conflicts, figures, stances, quotes)"
                        ))
                    },
                )?),
            };
        let page =
            match params
                .page
                .as_deref()
                .map(str::trim)
                .filter(|p| !p.is_empty())
            {
                None => 1,
                Some(p) => p.parse::<usize>().ok().filter(|&n| n >= 1).ok_or_else(|| {
                    AppError::BadRequest(format!("page={p:?}: not a page number"))
                })?,
            };
        let href = story_href(&info.id);
        let pick = Picker {
            only,
            page,
            href: &href,
        };
        let base = ClaimParams {
            story: Some(info.id.clone()),
            ..ClaimParams::default()
        };
        let ledger = &snapshot.ledger;
        let propositions: Vec<&Proposition> = info
            .propositions
            .iter()
            .filter_map(|&p| ledger.propositions.get(p))
            .collect();
        let (conflicts, others): (Vec<&Proposition>, Vec<&Proposition>) = propositions
            .into_iter()
            .partition(|p| Snapshot::is_conflict(p.status));
        let figures: Vec<&Proposition> = others
            .into_iter()
            .filter(|p| p.values.len() > 1 && p.status != PropositionStatus::SingleSource)
            .collect();
        let mut timelines: Vec<&crosscheck_model::StanceTimeline> = info
            .stance_timelines
            .iter()
            .filter_map(|&t| ledger.stance_timelines.get(t))
            .collect();
        timelines.sort_by_key(|t| (!t.changed, std::cmp::Reverse(t.steps.len())));
        let mut groups: Vec<&crosscheck_model::QuoteGroup> = info
            .quote_groups
            .iter()
            .filter_map(|&g| ledger.quote_groups.get(g))
            .collect();
        groups.sort_by_key(|g| std::cmp::Reverse(g.claims.len()));
        Ok(StoryView {
            id: info.id.clone(),
            title: info.title.clone().unwrap_or_else(|| info.id.clone()),
            documents: info.documents.len(),
            claims: info.claims,
            dates: date_span(info.first.as_deref(), info.last.as_deref()),
            outlets: list_some(&info.outlets, 12),
            entities: info
                .entities
                .iter()
                .filter_map(|(id, n)| EntityCard::new(snapshot, id, *n, &base))
                .collect(),
            only,
            conflicts: pick.section("conflicts", &conflicts, |p| {
                proposition_card(snapshot, p, true)
            }),
            figures: pick.section("figures", &figures, |p| {
                proposition_card(snapshot, p, false)
            }),
            stances: pick.section("stances", &timelines, |t| stance_card(snapshot, t)),
            sourcing: sourcing_rows(snapshot, info),
            quotes: pick.section("quotes", &groups, |g| quote_group_card(snapshot, g, &base)),
            documents_href: format!(
                "/documents?{}",
                serde_urlencoded::to_string([("story", &info.id)]).unwrap_or_default()
            ),
            claims_href: claims_href(&base),
            href,
        })
    }
}

struct Picker<'a> {
    only: Option<&'static str>,
    page: usize,
    href: &'a str,
}

impl Picker<'_> {
    /// The part of `items` the page shows as section `name`.
    fn section<T, U>(&self, name: &'static str, items: &[T], card: impl Fn(&T) -> U) -> Section<U> {
        let total = items.len();
        match self.only {
            Some(only) if only == name => {
                let base = format!("{}?section={name}", self.href);
                let pager = Pager::new(&base, "", self.page, total, PER_PAGE);
                let start = (self.page - 1).saturating_mul(PER_PAGE).min(total);
                let end = (start + PER_PAGE).min(total);
                Section {
                    items: items[start..end].iter().map(card).collect(),
                    total,
                    more: None,
                    pager: Some(pager),
                }
            }
            Some(_) => Section {
                total,
                ..Section::default_empty()
            },
            None => Section {
                items: items.iter().take(PREVIEW).map(card).collect(),
                total,
                more: (total > PREVIEW).then(|| format!("{}?section={name}", self.href)),
                pager: None,
            },
        }
    }
}

impl<T> Section<T> {
    fn default_empty() -> Section<T> {
        Section {
            items: Vec::new(),
            total: 0,
            more: None,
            pager: None,
        }
    }
}

fn proposition_card(snapshot: &Snapshot, p: &Proposition, evidence: bool) -> PropositionCard {
    let mut values: Vec<&crosscheck_model::PropositionValue> = p.values.iter().collect();
    values.sort_by(|a, b| a.date.cmp(&b.date));
    let mut by_source: Vec<(String, Vec<String>)> = Vec::new();
    for v in &values {
        let source = v.source.clone().unwrap_or_else(|| "unattributed".into());
        let when = format!("{} ({})", v.text, v.date.as_deref().unwrap_or("undated"));
        match by_source.iter_mut().find(|(s, _)| *s == source) {
            Some((_, list)) => list.push(when),
            None => by_source.push((source, vec![when])),
        }
    }
    let chart = (p.values.len() > 1).then(|| {
        let claims: Vec<&crosscheck_model::Claim> = p
            .values
            .iter()
            .filter_map(|v| snapshot.claim(&v.claim))
            .collect();
        let documents: Vec<&crosscheck_model::Document> = p
            .values
            .iter()
            .filter_map(|v| snapshot.document(&v.doc))
            .collect();
        crosscheck_report::proposition_svg(p, documents, claims)
    });
    PropositionCard {
        chart,
        id: p.id.clone(),
        label: p.label.clone(),
        status: crosscheck_report::status_name(p.status),
        explanation: p.explanation.clone(),
        values: values
            .iter()
            .map(|v| {
                let claim = snapshot.claim(&v.claim);
                ValueRow {
                    text: v.text.clone(),
                    source: v.source.clone().unwrap_or_else(|| "unattributed".into()),
                    outlet: v.outlet.clone().unwrap_or_default(),
                    date: v.date.clone().unwrap_or_else(|| "undated".into()),
                    card: claim
                        .filter(|_| evidence)
                        .map(|c| ClaimCard::new(snapshot, c)),
                    href: claim.map(evidence_href).unwrap_or_default(),
                }
            })
            .collect(),
        by_source,
    }
}

fn polarity_class(polarity: Polarity) -> &'static str {
    match polarity {
        Polarity::Confirm | Polarity::Acknowledge => "confirm",
        Polarity::Deny | Polarity::NotConfirmed => "deny",
        _ => "other",
    }
}

fn stance_card(snapshot: &Snapshot, t: &&crosscheck_model::StanceTimeline) -> StanceCard {
    StanceCard {
        actor: t.actor.clone(),
        about: t.about.clone(),
        changed: t.changed,
        steps: t
            .steps
            .iter()
            .map(|s| StepView {
                verb: polarity_verb(s.polarity),
                class: polarity_class(s.polarity),
                date: s.date.clone().unwrap_or_else(|| "undated".into()),
                when: s.when.clone(),
                href: snapshot
                    .claim(&s.claim)
                    .map(evidence_href)
                    .unwrap_or_default(),
            })
            .collect(),
    }
}

fn sourcing_rows(snapshot: &Snapshot, info: &StoryInfo) -> Vec<SourcingRow> {
    let mut by_outlet: BTreeMap<String, (usize, Sourcing)> = BTreeMap::new();
    for &d in &info.documents {
        let doc = &snapshot.ledger.documents[d];
        let outlet = doc
            .outlet
            .clone()
            .unwrap_or_else(|| crosscheck_ledger::UNKNOWN_OUTLET.to_string());
        let (count, total) = by_outlet.entry(outlet).or_default();
        *count += 1;
        if let Some(s) = &doc.sourcing {
            crosscheck_ledger::add_sourcing_counts(total, s);
        }
    }
    let mut rows: Vec<SourcingRow> = by_outlet
        .into_iter()
        .map(|(outlet, (documents, sourcing))| SourcingRow {
            anonymous_share: if sourcing.claims == 0 {
                "–".into()
            } else {
                format!(
                    "{:.0}%",
                    100.0 * sourcing.anonymous as f64 / sourcing.claims as f64
                )
            },
            outlet,
            documents,
            sourcing,
        })
        .collect();
    rows.sort_by(|a, b| b.documents.cmp(&a.documents).then(a.outlet.cmp(&b.outlet)));
    rows
}

fn quote_group_card(
    snapshot: &Snapshot,
    g: &&crosscheck_model::QuoteGroup,
    base: &ClaimParams,
) -> QuoteGroupCard {
    QuoteGroupCard {
        speaker: g.speaker.clone(),
        count: g.claims.len(),
        quotes: g
            .claims
            .iter()
            .filter_map(|id| snapshot.claim(id))
            .take(QUOTES_PER_GROUP)
            .map(|c| ClaimCard::new(snapshot, c))
            .collect(),
        variants: g.variants.len(),
        href: claims_href(
            &base
                .with("speaker", Some(&g.speaker))
                .with("kind", Some("quote")),
        ),
    }
}
