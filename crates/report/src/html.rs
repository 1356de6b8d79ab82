//! The self-contained HTML report: inline CSS and SVG, no scripts, no
//! network. This module gathers what the report shows into plain values;
//! `templates/report.html` lays them out, escaping every one of them.

use std::collections::{BTreeSet, HashSet};

use askama::Template;
use crosscheck_ledger::{polarity_verb, sourcing_ranking};
use crosscheck_model::{Claim, Ledger, Polarity, PropositionStatus, Sourcing, StanceStep};

use crate::chart::{chart, Chart, Shape};
use crate::limits::{more, CHARTS, DOCUMENTS, ROWS, TIMELINE};
use crate::status_name;
use crate::view::{
    about_phrase, claim_line, copy_note, doc_date, figure_text, figure_value, highlighted, outlet,
    outlets_count, percent, said, shorten, source_name, split_steps, step_time, story_span,
    story_title, title, web_url, View,
};

/// The whole report.
#[derive(Template)]
#[template(path = "report.html")]
struct Page {
    story: String,
    outlets: String,
    claims: usize,
    most_anonymous: Option<(String, String)>,
    stories: Stories,
    figures: Figures,
    conflicts: Vec<ConflictCard>,
    stances: Stances,
    timeline: Timeline,
    sourcing: SourcingTable,
    quotes: Quotes,
    entities: Entities,
    documents: Documents,
    schema: String,
    generator: String,
}

/// The story index: every story with its size, span of dates and outlets,
/// largest first.
struct Stories {
    total: usize,
    rows: Vec<StoryRow>,
    more: Option<String>,
}

struct StoryRow {
    id: String,
    title: String,
    documents: usize,
    span: String,
    outlets: usize,
    /// The documents' numbers: "[1] [4]".
    numbers: String,
}

struct Figures {
    /// Figures several documents report.
    shared_total: usize,
    shared: Vec<FigureCard>,
    more: Option<String>,
    single: SingleFigures,
    other: OtherFigures,
}

struct FigureCard {
    id: String,
    story: String,
    label: String,
    badge: &'static str,
    status: &'static str,
    explanation: String,
    chart: Chart,
    values: Vec<ValueRow>,
}

struct ValueRow {
    date: String,
    claim: String,
    /// The claim's entry in the documents' claim lists, when it is listed.
    claim_href: Option<String>,
    /// The document's number ("[3]"), linking to its row.
    doc: Option<usize>,
    /// The value as every view writes it ([`figure_value`]).
    value: String,
    /// The value as the document wrote it.
    text: String,
    source: String,
    outlet: String,
}

struct SingleFigures {
    rows: Vec<SingleFigure>,
    more: Option<String>,
}

struct SingleFigure {
    label: String,
    text: String,
    source: String,
    outlet: String,
    date: String,
}

/// Figures no proposition holds: amounts stated without a number
/// ("millions of shells") and figures that name nothing they count ("rose
/// 4.5 percent").
struct OtherFigures {
    rows: Vec<OtherFigure>,
    more: Option<String>,
}

struct OtherFigure {
    claim: String,
    /// The figure as every view writes it ([`figure_text`]).
    text: String,
    source: String,
    outlet: String,
}

struct ConflictCard {
    story: String,
    label: String,
    badge: &'static str,
    status: &'static str,
    explanation: String,
    evidence: Vec<Evidence>,
}

/// One side of a conflict: the sentence with the figure marked.
struct Evidence {
    side: &'static str,
    before: String,
    figure: String,
    after: String,
    source: String,
    outlet: String,
    date: String,
}

struct Stances {
    none: bool,
    /// Actors who changed position.
    changed: usize,
    series: Vec<StanceCard>,
    more: Option<String>,
    single: Vec<SingleStance>,
    single_more: Option<String>,
}

struct StanceCard {
    actor: String,
    about: String,
    changed: bool,
    dated: Vec<Step>,
    undated: Vec<Step>,
}

struct Step {
    class: &'static str,
    claim: String,
    verb: &'static str,
    time: String,
}

struct SingleStance {
    actor: String,
    class: &'static str,
    verb: &'static str,
    about: String,
    outlet: String,
    time: String,
}

struct Timeline {
    entries: Vec<TimelineItem>,
    more: Option<String>,
}

struct TimelineItem {
    /// A document's publication rather than a claim.
    document: bool,
    date: Option<String>,
    estimated: bool,
    summary: String,
    reference: String,
}

struct SourcingTable {
    rows: Vec<SourcingRow>,
    more: Option<String>,
    outlets: Vec<OutletRow>,
}

struct SourcingRow {
    top: bool,
    number: usize,
    title: String,
    outlet: String,
    date: String,
    /// Width of the anonymous-share bar, in percent.
    bar: String,
    share: String,
    s: Sourcing,
}

struct OutletRow {
    outlet: String,
    documents: usize,
    share: String,
    hedged: usize,
    single_source_figures: usize,
    claims: usize,
}

struct Quotes {
    variants: Vec<VariantCard>,
    speakers: Vec<SpeakerRow>,
}

struct VariantCard {
    speaker: String,
    quotes: Vec<PlacedQuote>,
}

struct PlacedQuote {
    text: String,
    place: String,
}

struct SpeakerRow {
    speaker: String,
    count: usize,
    first: String,
}

struct Entities {
    count: usize,
    rows: Vec<EntityRow>,
    more: Option<String>,
}

struct EntityRow {
    name: String,
    kind: String,
    aliases: String,
    mentions: usize,
    documents: usize,
}

struct Documents {
    total: usize,
    rows: Vec<DocumentRow>,
    more: Option<String>,
    /// The first documents' claims, one list each.
    claim_lists: Vec<ClaimList>,
    claim_lists_more: Option<String>,
}

struct ClaimList {
    number: usize,
    title: String,
    claims: Vec<ClaimItem>,
}

struct ClaimItem {
    /// Its anchor ("claim-…"), which figure tables link to.
    anchor: String,
    id: String,
    kind: &'static str,
    text: String,
}

/// The fragment id of a claim's entry in the documents' claim lists.
fn claim_anchor(id: &str) -> String {
    format!("#claim-{id}")
}

struct DocumentRow {
    number: usize,
    title: String,
    /// The article's address when it is http(s), linked from the title.
    url: Option<String>,
    /// "copy of [2]" for a copy of another document.
    copy: Option<String>,
    outlet: String,
    date: String,
    words: usize,
    claims: usize,
}

fn badge_class(status: PropositionStatus) -> &'static str {
    match status {
        PropositionStatus::Conflicting => "conflicting",
        PropositionStatus::Disputed => "disputed",
        PropositionStatus::Evolving => "evolving",
        PropositionStatus::Consistent => "consistent",
        PropositionStatus::SingleSource => "single",
    }
}

fn step_class(p: Polarity) -> &'static str {
    match p {
        Polarity::Deny | Polarity::NotConfirmed => "neg",
        Polarity::Confirm | Polarity::Acknowledge | Polarity::Allege | Polarity::Estimate => "pos",
        Polarity::Condemn => "neutral",
    }
}

/// The HTML report of a ledger.
pub fn html(ledger: &Ledger) -> String {
    let view = View::new(ledger);
    let outlet_count = ledger
        .documents
        .iter()
        .filter_map(|d| d.outlet.as_deref())
        .collect::<BTreeSet<_>>()
        .len();
    let page = Page {
        story: ledger
            .propositions
            .first()
            .map_or_else(|| "the story".to_string(), |p| p.label.clone()),
        outlets: outlets_count(outlet_count),
        claims: ledger.claims.len(),
        most_anonymous: sourcing_ranking(ledger)
            .into_iter()
            .next()
            .map(|(id, share)| {
                let name = view
                    .doc(&id)
                    .map(|d| format!("{} ({})", shorten(title(d), 60), outlet(d)));
                (percent(share), name.unwrap_or_default())
            }),
        stories: stories(ledger, &view),
        figures: figures(ledger, &view),
        conflicts: conflicts(ledger, &view),
        stances: stances(ledger, &view),
        timeline: timeline(ledger, &view),
        sourcing: sourcing(ledger, &view),
        quotes: quotes(ledger, &view),
        entities: entities(ledger),
        documents: documents(ledger, &view),
        schema: ledger.schema.clone(),
        generator: ledger.generator.clone(),
    };
    // Rendering writes to a String and every value displays infallibly.
    let mut out = page.render().unwrap_or_default();
    out.push('\n');
    out
}

fn stories(ledger: &Ledger, view: &View) -> Stories {
    Stories {
        total: ledger.stories.len(),
        more: more(ledger.stories.len(), ROWS),
        rows: ledger
            .stories
            .iter()
            .take(ROWS)
            .map(|story| StoryRow {
                id: story.id.clone(),
                title: story_title(story).to_string(),
                documents: story.documents.len(),
                span: story_span(story),
                outlets: story.outlets.len(),
                numbers: story
                    .documents
                    .iter()
                    .filter_map(|d| view.doc_number(d))
                    .map(|n| format!("[{n}]"))
                    .collect::<Vec<_>>()
                    .join(" "),
            })
            .collect(),
    }
}

fn figures(ledger: &Ledger, view: &View) -> Figures {
    let (shared, single): (Vec<_>, Vec<_>) = ledger
        .propositions
        .iter()
        .partition(|p| p.status != PropositionStatus::SingleSource);
    let cards = shared
        .iter()
        .take(CHARTS)
        .map(|p| FigureCard {
            id: p.id.clone(),
            story: p.story.clone(),
            label: p.label.clone(),
            badge: badge_class(p.status),
            status: status_name(p.status),
            explanation: p.explanation.clone(),
            chart: chart(p, view),
            values: p
                .values
                .iter()
                .map(|v| ValueRow {
                    date: view.value_date(v),
                    claim: v.claim.clone(),
                    claim_href: view
                        .claim(&v.claim)
                        .filter(|c| view.doc_number(&c.doc).is_some_and(|n| n <= DOCUMENTS))
                        .map(|c| claim_anchor(&c.id)),
                    doc: view.doc_number(&v.doc),
                    value: claim_value(view.claim(&v.claim), &v.text),
                    text: v.text.clone(),
                    source: view.claim(&v.claim).map(source_name).unwrap_or_default(),
                    outlet: v.outlet.clone().unwrap_or_default(),
                })
                .collect(),
        })
        .collect();
    let rows: Vec<_> = single
        .iter()
        .flat_map(|p| p.values.iter().map(move |v| (p, v)))
        .collect();
    Figures {
        shared_total: shared.len(),
        shared: cards,
        more: more(shared.len(), CHARTS),
        single: SingleFigures {
            more: more(rows.len(), ROWS),
            rows: rows
                .iter()
                .take(ROWS)
                .map(|(p, v)| SingleFigure {
                    label: p.label.clone(),
                    text: claim_value(view.claim(&v.claim), &v.text),
                    source: view.claim(&v.claim).map(source_name).unwrap_or_default(),
                    outlet: v.outlet.clone().unwrap_or_default(),
                    date: view.value_date(v),
                })
                .collect(),
        },
        other: other_figures(ledger, view),
    }
}

/// Figure claims that joined no proposition, as the other views write them.
fn other_figures(ledger: &Ledger, view: &View) -> OtherFigures {
    let placed: HashSet<&str> = ledger
        .propositions
        .iter()
        .flat_map(|p| p.values.iter().map(|v| v.claim.as_str()))
        .collect();
    let other: Vec<(&Claim, &crosscheck_model::Quantity)> = ledger
        .claims
        .iter()
        .filter(|c| !placed.contains(c.id.as_str()))
        .filter_map(|c| Some((c, c.quantity()?)))
        .collect();
    OtherFigures {
        more: more(other.len(), ROWS),
        rows: other
            .iter()
            .take(ROWS)
            .map(|(claim, q)| OtherFigure {
                claim: claim.id.clone(),
                text: figure_text(q),
                source: source_name(claim),
                outlet: view
                    .doc(&claim.doc)
                    .and_then(|d| d.outlet.clone())
                    .unwrap_or_default(),
            })
            .collect(),
    }
}

/// A figure's value as the views write it ([`figure_value`]), or the text
/// as written when the claim is missing.
fn claim_value(claim: Option<&Claim>, written: &str) -> String {
    claim
        .and_then(Claim::quantity)
        .map_or_else(|| written.to_string(), figure_value)
}

fn conflicts(ledger: &Ledger, view: &View) -> Vec<ConflictCard> {
    ledger
        .propositions
        .iter()
        .filter(|p| {
            matches!(
                p.status,
                PropositionStatus::Conflicting
                    | PropositionStatus::Disputed
                    | PropositionStatus::Evolving
            )
        })
        .map(|p| ConflictCard {
            story: p.story.clone(),
            label: p.label.clone(),
            badge: badge_class(p.status),
            status: status_name(p.status),
            explanation: p.explanation.clone(),
            evidence: ["low", "high"]
                .into_iter()
                .zip(crate::extremes(p))
                .filter_map(|(side, v)| {
                    let claim = view.claim(&v.claim)?;
                    let (before, figure, after) = highlighted(claim, view);
                    Some(Evidence {
                        side,
                        before,
                        figure,
                        after,
                        source: source_name(claim),
                        outlet: v
                            .outlet
                            .clone()
                            .unwrap_or_else(|| "unknown outlet".to_string()),
                        date: view.value_date(v),
                    })
                })
                .collect(),
        })
        .collect()
}

fn stances(ledger: &Ledger, view: &View) -> Stances {
    let (series, single): (Vec<_>, Vec<_>) = ledger
        .stance_timelines
        .iter()
        .partition(|t| t.steps.len() > 1);
    // Undated steps sit under their own label, so they show only the text's
    // time words.
    let step = |s: &StanceStep| Step {
        class: step_class(s.polarity),
        claim: s.claim.clone(),
        verb: polarity_verb(s.polarity),
        time: match s.date {
            Some(_) => step_time(s, view),
            None => s.when.clone().unwrap_or_default(),
        },
    };
    let cards = series
        .iter()
        .take(CHARTS)
        .map(|t| {
            let (dated, undated) = split_steps(t);
            StanceCard {
                actor: t.actor.clone(),
                about: about_phrase(&t.about),
                changed: t.changed,
                dated: dated.into_iter().map(step).collect(),
                undated: undated.into_iter().map(step).collect(),
            }
        })
        .collect();
    let single_rows = single
        .iter()
        .take(ROWS)
        .flat_map(|t| {
            t.steps.iter().map(|s| SingleStance {
                actor: t.actor.clone(),
                class: step_class(s.polarity),
                verb: polarity_verb(s.polarity),
                about: shorten(&t.about, 120),
                outlet: view.doc(&s.doc).map_or("", outlet).to_string(),
                time: step_time(s, view),
            })
        })
        .collect();
    Stances {
        none: ledger.stance_timelines.is_empty(),
        changed: ledger.stance_timelines.iter().filter(|t| t.changed).count(),
        more: more(series.len(), CHARTS),
        series: cards,
        single: single_rows,
        single_more: more(single.len(), ROWS),
    }
}

fn timeline(ledger: &Ledger, view: &View) -> Timeline {
    Timeline {
        entries: ledger
            .timeline
            .iter()
            .take(TIMELINE)
            .map(|e| TimelineItem {
                document: e.claim.is_none(),
                date: e.date.clone(),
                estimated: e.date_estimated,
                summary: e.summary.clone(),
                reference: view
                    .doc(&e.doc)
                    .map(|d| format!("[{}] {}", view.doc_number(&e.doc).unwrap_or(0), outlet(d)))
                    .unwrap_or_default(),
            })
            .collect(),
        more: more(ledger.timeline.len(), TIMELINE),
    }
}

fn sourcing(ledger: &Ledger, view: &View) -> SourcingTable {
    let rows = view
        .sourcing_rows(ledger, ROWS)
        .into_iter()
        .map(|row| SourcingRow {
            top: row.rank == 0 && row.share > 0.0,
            number: row.number,
            title: shorten(title(row.doc), 70),
            outlet: outlet(row.doc).to_string(),
            date: doc_date(row.doc),
            bar: format!("{:.0}", (row.share * 100.0).clamp(0.0, 100.0)),
            share: percent(row.share),
            s: row.counts,
        })
        .collect();
    SourcingTable {
        rows,
        more: more(ledger.documents.len(), ROWS),
        outlets: ledger
            .outlets
            .iter()
            .take(ROWS)
            .map(|o| OutletRow {
                outlet: o.outlet.clone(),
                documents: o.documents,
                share: percent(o.sourcing.anonymous_share),
                hedged: o.sourcing.hedged,
                single_source_figures: o.sourcing.single_source_figures,
                claims: o.sourcing.claims,
            })
            .collect(),
    }
}

fn quotes(ledger: &Ledger, view: &View) -> Quotes {
    let quote_of = |id: &str| {
        view.claim(id).map(|c| PlacedQuote {
            text: c.quote().map_or(String::new(), |q| said(q, usize::MAX)),
            place: view
                .doc(&c.doc)
                .map(|d| format!("{} · {}", outlet(d), doc_date(d)))
                .unwrap_or_default(),
        })
    };
    Quotes {
        variants: ledger
            .quote_groups
            .iter()
            .flat_map(|g| {
                g.variants.iter().map(|pair| VariantCard {
                    speaker: g.speaker.clone(),
                    quotes: pair.iter().filter_map(|id| quote_of(id)).collect(),
                })
            })
            .collect(),
        speakers: ledger
            .quote_groups
            .iter()
            .map(|g| SpeakerRow {
                speaker: g.speaker.clone(),
                count: g.claims.len(),
                first: g
                    .claims
                    .first()
                    .and_then(|id| view.claim(id))
                    .and_then(|c| c.quote())
                    .map_or(String::new(), |q| said(q, 140)),
            })
            .collect(),
    }
}

fn entities(ledger: &Ledger) -> Entities {
    let mut entities: Vec<_> = ledger.entities.iter().collect();
    entities.sort_by(|a, b| {
        b.mentions
            .len()
            .cmp(&a.mentions.len())
            .then(a.name.cmp(&b.name))
    });
    Entities {
        count: entities.len(),
        more: more(entities.len(), ROWS),
        rows: entities
            .into_iter()
            .take(ROWS)
            .map(|e| EntityRow {
                name: e.name.clone(),
                kind: crate::entity_kind_label(e, &ledger.entities),
                aliases: e.aliases.join(", "),
                mentions: e.mentions.len(),
                documents: e
                    .mentions
                    .iter()
                    .map(|m| &*m.doc)
                    .collect::<BTreeSet<_>>()
                    .len(),
            })
            .collect(),
    }
}

fn documents(ledger: &Ledger, view: &View) -> Documents {
    Documents {
        total: ledger.documents.len(),
        rows: ledger
            .documents
            .iter()
            .enumerate()
            .take(ROWS)
            .map(|(i, doc)| DocumentRow {
                number: i + 1,
                title: title(doc).to_string(),
                url: web_url(doc).map(str::to_string),
                copy: copy_note(doc, view),
                outlet: outlet(doc).to_string(),
                date: doc_date(doc),
                words: doc.word_count(),
                claims: view.claims_of(&doc.id).len(),
            })
            .collect(),
        more: more(ledger.documents.len(), ROWS),
        claim_lists: ledger
            .documents
            .iter()
            .enumerate()
            .take(DOCUMENTS)
            .map(|(i, doc)| ClaimList {
                number: i + 1,
                title: shorten(title(doc), 90),
                claims: view
                    .claims_of(&doc.id)
                    .iter()
                    .map(|claim| {
                        let (kind, text) = claim_line(claim, 240);
                        ClaimItem {
                            anchor: claim_anchor(&claim.id)[1..].to_string(),
                            id: claim.id.clone(),
                            kind,
                            text,
                        }
                    })
                    .collect(),
            })
            .collect(),
        claim_lists_more: more(ledger.documents.len(), DOCUMENTS),
    }
}
