//! One row per document, mention and claim: flat columns an analyst can
//! query (nested only where a document has lists of its own), and the
//! conversions to and from the model, which lose nothing but span texts
//! (every span's text is a slice of its document's `text`, put back on
//! reading).

use std::collections::BTreeSet;

use chrono::NaiveDate;
use crosscheck_model::{
    Bound, Claim, ClaimBody, ClaimKind, ClaimTime, DateEstimate, Document, EntityType, Measure,
    Mention, Paragraph, ParagraphKind, Polarity, Quantity, Quote, Range, Sentence, Source,
    SourceKind, Sourcing, Span, Stance, TimeExpression, TimexType,
};
use serde::{Deserialize, Serialize};

/// A row that does not convert back: the column and what is wrong.
pub type RowError = String;

fn offset(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

fn position(n: i64, what: &str) -> Result<usize, RowError> {
    usize::try_from(n).map_err(|_| format!("{what} is negative ({n})"))
}

fn named<T>(parse: fn(&str) -> Option<T>, name: &str, what: &str) -> Result<T, RowError> {
    parse(name).ok_or_else(|| format!("unknown {what} {name:?}"))
}

/// A span without its text, which the document restores.
fn bare_span(start: i64, end: i64, what: &str) -> Result<Span, RowError> {
    Ok(Span {
        start: position(start, what)?,
        end: position(end, what)?,
        text: String::new(),
    })
}

fn optional_span(
    start: Option<i64>,
    end: Option<i64>,
    what: &str,
) -> Result<Option<Span>, RowError> {
    match (start, end) {
        (Some(start), Some(end)) => bare_span(start, end, what).map(Some),
        (None, None) => Ok(None),
        _ => Err(format!("{what} has one offset without the other")),
    }
}

fn date_text(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

fn date(text: Option<String>) -> Result<Option<NaiveDate>, RowError> {
    text.map(|t| NaiveDate::parse_from_str(&t, "%Y-%m-%d").map_err(|e| format!("date {t:?}: {e}")))
        .transpose()
}

/// A paragraph of a document row.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ParagraphRow {
    /// Byte offset of its first byte in the document's text.
    pub start: i64,
    /// Byte offset just past it.
    pub end: i64,
    /// `headline`, `standfirst`, `heading`, `body` or `list_item`.
    pub kind: String,
}

/// A sentence of a document row.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SentenceRow {
    /// Byte offset of its first byte.
    pub start: i64,
    /// Byte offset just past it.
    pub end: i64,
}

/// A temporal expression of a document row.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimeRow {
    /// As written.
    pub text: String,
    /// Byte offsets in the document's text.
    pub start: i64,
    /// Byte offset just past it.
    pub end: i64,
    /// TIMEX3 value.
    pub value: String,
    /// `DATE`, `TIME`, `DURATION` or `SET`.
    #[serde(rename = "type")]
    pub kind: String,
    /// Finest unit the value states.
    pub granularity: Option<String>,
    /// Whether the value depended on the document date.
    pub relative: bool,
}

/// How a document is sourced (filled by the ledger).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SourcingRow {
    /// Claims from named people.
    pub named: i64,
    /// Claims from organisations.
    pub organization: i64,
    /// Claims from anonymous sources.
    pub anonymous: i64,
    /// Claims with no source.
    pub unattributed: i64,
    /// Share of anonymous sources.
    pub anonymous_share: f64,
    /// Hedged claims.
    pub hedged: i64,
    /// Figures no other document corroborates.
    pub single_source_figures: i64,
    /// All claims.
    pub claims: i64,
}

/// One row of the `documents` table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocumentRow {
    /// Content-derived document id.
    pub id: String,
    /// Position of the document in its part (input order).
    pub seq: i64,
    /// Path or URL as given.
    pub source: String,
    /// Metadata from the input.
    pub url: Option<String>,
    /// The headline.
    pub title: Option<String>,
    /// The publication.
    pub outlet: Option<String>,
    /// The byline.
    pub author: Option<String>,
    /// Publication date from metadata (`YYYY-MM-DD` here, a Parquet date
    /// in the file).
    pub published: Option<String>,
    /// Estimated publication date bounds when `published` is null.
    pub published_earliest: Option<String>,
    /// Upper bound of the estimate.
    pub published_latest: Option<String>,
    /// Why the estimate is what it is (null when there is no estimate).
    pub published_basis: Option<String>,
    /// True when the estimate rests on a year alone.
    pub published_weak: Option<bool>,
    /// Standfirst or meta description.
    pub description: Option<String>,
    /// Input format (`txt`, `html`, `jsonl`, `warc`).
    pub format: String,
    /// Id of an earlier near-duplicate (filled by the ledger).
    pub duplicate_of: Option<String>,
    /// The story the document belongs to (filled by the ledger).
    pub story: Option<String>,
    /// The clean text every offset points into.
    pub text: String,
    /// Paragraph boundaries and roles.
    pub paragraphs: Vec<ParagraphRow>,
    /// Sentence boundaries.
    pub sentences: Vec<SentenceRow>,
    /// Temporal expressions.
    pub time_expressions: Vec<TimeRow>,
    /// Sourcing counts (filled by the ledger).
    pub sourcing: Option<SourcingRow>,
}

impl DocumentRow {
    /// The row of `doc`, at position `seq` of its part.
    pub fn of(doc: &Document, seq: usize) -> DocumentRow {
        let estimate = doc.published_estimate.as_ref();
        DocumentRow {
            id: doc.id.clone(),
            seq: offset(seq),
            source: doc.source.clone(),
            url: doc.url.clone(),
            title: doc.title.clone(),
            outlet: doc.outlet.clone(),
            author: doc.author.clone(),
            published: doc.published.map(date_text),
            published_earliest: estimate.and_then(|e| e.earliest).map(date_text),
            published_latest: estimate.and_then(|e| e.latest).map(date_text),
            published_basis: estimate.map(|e| e.basis.clone()),
            published_weak: estimate.map(|e| e.weak),
            description: doc.description.clone(),
            format: doc.format.clone(),
            duplicate_of: doc.duplicate_of.clone(),
            story: doc.story.clone(),
            text: doc.text.clone(),
            paragraphs: doc
                .paragraphs
                .iter()
                .map(|p| ParagraphRow {
                    start: offset(p.range.start),
                    end: offset(p.range.end),
                    kind: p.kind.name().to_string(),
                })
                .collect(),
            sentences: doc
                .sentences
                .iter()
                .map(|s| SentenceRow {
                    start: offset(s.range.start),
                    end: offset(s.range.end),
                })
                .collect(),
            time_expressions: doc
                .time_expressions
                .iter()
                .map(|t| TimeRow {
                    text: t.text.clone(),
                    start: offset(t.span.start),
                    end: offset(t.span.end),
                    value: t.value.clone(),
                    kind: t.kind.name().to_string(),
                    granularity: t.granularity.clone(),
                    relative: t.relative,
                })
                .collect(),
            sourcing: doc.sourcing.as_ref().map(|s| SourcingRow {
                named: offset(s.named),
                organization: offset(s.organization),
                anonymous: offset(s.anonymous),
                unattributed: offset(s.unattributed),
                anonymous_share: s.anonymous_share,
                hedged: offset(s.hedged),
                single_source_figures: offset(s.single_source_figures),
                claims: offset(s.claims),
            }),
        }
    }

    /// The document again, without its mentions (a table of their own) and
    /// with every time expression's span text restored.
    pub fn into_document(self) -> Result<Document, RowError> {
        let published_estimate = match self.published_basis {
            Some(basis) => Some(DateEstimate {
                earliest: date(self.published_earliest)?,
                latest: date(self.published_latest)?,
                basis,
                weak: self.published_weak.unwrap_or(false),
            }),
            None => None,
        };
        let paragraphs = self
            .paragraphs
            .into_iter()
            .map(|p| {
                Ok(Paragraph {
                    range: Range::new(
                        position(p.start, "paragraph start")?,
                        position(p.end, "paragraph end")?,
                    ),
                    kind: named(ParagraphKind::from_name, &p.kind, "paragraph kind")?,
                })
            })
            .collect::<Result<_, RowError>>()?;
        let sentences = self
            .sentences
            .into_iter()
            .map(|s| {
                Ok(Sentence::new(
                    position(s.start, "sentence start")?,
                    position(s.end, "sentence end")?,
                ))
            })
            .collect::<Result<_, RowError>>()?;
        let mut time_expressions: Vec<TimeExpression> = self
            .time_expressions
            .into_iter()
            .map(|t| {
                Ok(TimeExpression {
                    text: t.text,
                    span: bare_span(t.start, t.end, "time expression")?,
                    value: t.value,
                    kind: named(TimexType::from_name, &t.kind, "time expression type")?,
                    granularity: t.granularity,
                    relative: t.relative,
                })
            })
            .collect::<Result<_, RowError>>()?;
        for time in &mut time_expressions {
            if !time.span.restore_text(&self.text) {
                return Err("a time expression lies outside the text".to_string());
            }
        }
        let sourcing = self.sourcing.map(|s| Sourcing {
            named: s.named.max(0) as usize,
            organization: s.organization.max(0) as usize,
            anonymous: s.anonymous.max(0) as usize,
            unattributed: s.unattributed.max(0) as usize,
            anonymous_share: s.anonymous_share,
            hedged: s.hedged.max(0) as usize,
            single_source_figures: s.single_source_figures.max(0) as usize,
            claims: s.claims.max(0) as usize,
        });
        Ok(Document {
            id: self.id,
            source: self.source,
            url: self.url,
            title: self.title,
            outlet: self.outlet,
            author: self.author,
            published: date(self.published)?,
            published_estimate,
            description: self.description,
            text: self.text,
            paragraphs,
            duplicate_of: self.duplicate_of,
            story: self.story,
            format: self.format,
            sentences,
            time_expressions,
            mentions: Vec::new(),
            sourcing,
        })
    }
}

/// One row of the `mentions` table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MentionRow {
    /// The document.
    pub doc: String,
    /// Position of the mention in its document.
    pub seq: i64,
    /// Byte offsets in the document's text.
    pub start: i64,
    /// Byte offset just past it.
    pub end: i64,
    /// The words of the mention.
    pub text: String,
    /// `person`, `organization`, `location`, `country`, `group`, `misc`.
    #[serde(rename = "type")]
    pub kind: String,
    /// Canonical name within the document.
    pub canonical: Option<String>,
    /// The referent of a metonym.
    pub refers_to: Option<String>,
    /// The ledger entity (filled by the ledger).
    pub entity: Option<String>,
}

impl MentionRow {
    /// The row of the `seq`th mention of document `doc`.
    pub fn of(doc: &str, seq: usize, mention: &Mention, entity: Option<String>) -> MentionRow {
        MentionRow {
            doc: doc.to_string(),
            seq: offset(seq),
            start: offset(mention.span.start),
            end: offset(mention.span.end),
            text: mention.span.text.clone(),
            kind: mention.kind.name().to_string(),
            canonical: mention.canonical.clone(),
            refers_to: mention.refers_to.clone(),
            entity,
        }
    }

    /// The mention again.
    pub fn into_mention(self) -> Result<Mention, RowError> {
        Ok(Mention {
            span: Span {
                start: position(self.start, "mention start")?,
                end: position(self.end, "mention end")?,
                text: self.text,
            },
            kind: named(EntityType::from_name, &self.kind, "entity type")?,
            canonical: self.canonical,
            refers_to: self.refers_to,
        })
    }
}

/// A further source of a claim.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SourceRow {
    /// The source's name.
    pub name: Option<String>,
    /// `person`, `organization`, `anonymous`, `unattributed`.
    pub kind: String,
    /// Title or description.
    pub role: Option<String>,
    /// Its entity.
    pub entity: Option<String>,
    /// Where it is named.
    pub start: Option<i64>,
    /// End of where it is named.
    pub end: Option<i64>,
}

impl SourceRow {
    fn of(source: &Source) -> SourceRow {
        SourceRow {
            name: source.name.clone(),
            kind: source.kind.name().to_string(),
            role: source.role.clone(),
            entity: source.entity.clone(),
            start: source.span.as_ref().map(|s| offset(s.start)),
            end: source.span.as_ref().map(|s| offset(s.end)),
        }
    }

    fn into_source(self) -> Result<Source, RowError> {
        Ok(Source {
            name: self.name,
            kind: named(SourceKind::from_name, &self.kind, "source kind")?,
            role: self.role,
            entity: self.entity,
            span: optional_span(self.start, self.end, "co-source span")?,
        })
    }
}

/// One row of the `claims` table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClaimRow {
    /// `<doc id>:<kind>:<n>`.
    pub id: String,
    /// The document.
    pub doc: String,
    /// Position of the claim among its document's claims.
    pub seq: i64,
    /// `quote`, `quantity` or `stance`.
    pub kind: String,
    /// Index of the sentence the evidence starts in.
    pub sentence: i64,
    /// The whole evidence, as byte offsets.
    pub start: i64,
    /// Byte offset just past the evidence.
    pub end: i64,
    /// Who makes the claim.
    pub source_name: Option<String>,
    /// `person`, `organization`, `anonymous`, `unattributed`.
    pub source_kind: String,
    /// The source's title or description.
    pub source_role: Option<String>,
    /// The source's entity (a ledger entity id once the ledger is built).
    pub source_entity: Option<String>,
    /// Where the source is named.
    pub source_start: Option<i64>,
    /// End of where the source is named.
    pub source_end: Option<i64>,
    /// Further sources making the claim together with the first.
    pub co_sources: Vec<SourceRow>,
    /// Who relays the words in a nested attribution.
    pub quoted_by: Option<SourceRow>,
    /// Speech or stance verb.
    pub cue: Option<String>,
    /// Statement, interview, ...
    pub channel: Option<String>,
    /// Hedged claim.
    pub hedged: bool,
    /// The hedge words found.
    pub hedges: Vec<String>,
    /// The words that give the claim's time.
    pub time_text: Option<String>,
    /// Its TIMEX3 value.
    pub time_value: Option<String>,
    /// Quote: what was said.
    pub quote_text: Option<String>,
    /// Quote: verbatim between quote marks.
    pub quote_direct: Option<bool>,
    /// Quote: where it was said.
    pub quote_start: Option<i64>,
    /// Quote: end of where it was said.
    pub quote_end: Option<i64>,
    /// Figure: lower value.
    pub quantity_low: Option<f64>,
    /// Figure: upper value.
    pub quantity_high: Option<f64>,
    /// Figure: approximate.
    pub quantity_approximate: Option<bool>,
    /// Figure: `exact`, `at_least`, `at_most`, `range`.
    pub quantity_bound: Option<String>,
    /// Figure: unit.
    pub quantity_unit: Option<String>,
    /// Figure: what the unit measures.
    pub quantity_dimension: Option<String>,
    /// Figure: an order of magnitude without a number.
    pub quantity_vague: Option<bool>,
    /// Figure: what is counted.
    pub quantity_subject: Option<String>,
    /// Figure: rate.
    pub quantity_rate: Option<String>,
    /// Figure: what happened to what is counted.
    pub quantity_event: Option<String>,
    /// Figure: where it is written.
    pub quantity_start: Option<i64>,
    /// Figure: end of where it is written.
    pub quantity_end: Option<i64>,
    /// Figure: what is counted, its head class (null: nothing countable named).
    pub measure_head: Option<String>,
    /// Figure: proper-noun modifiers of what is counted.
    pub measure_entities: Option<Vec<String>>,
    /// Figure: other content words of what is counted.
    pub measure_modifiers: Option<Vec<String>>,
    /// Figure: what happened to what is counted.
    pub measure_actions: Option<Vec<String>>,
    /// Stance: who takes it.
    pub stance_actor: Option<String>,
    /// Stance: `confirm`, `deny`, ...
    pub stance_polarity: Option<String>,
    /// Stance: what it is about.
    pub stance_about_start: Option<i64>,
    /// Stance: end of what it is about.
    pub stance_about_end: Option<i64>,
    /// Stance: content words of what it is about.
    pub stance_matter: Option<Vec<String>>,
    /// A kind without columns of its own: its payload as the ledger's JSON
    /// writes the claim's `kind` and payload (`{"kind": ..., "<kind>": {...}}`).
    pub payload: Option<String>,
}

fn list(set: &BTreeSet<String>) -> Vec<String> {
    set.iter().cloned().collect()
}

impl ClaimRow {
    /// The row of `claim`, the `seq`th of its document.
    pub fn of(claim: &Claim, seq: usize) -> ClaimRow {
        let source = &claim.source;
        let mut row = ClaimRow {
            id: claim.id.clone(),
            doc: claim.doc.clone(),
            seq: offset(seq),
            kind: claim.kind().name().to_string(),
            sentence: offset(claim.sentence),
            start: offset(claim.span.start),
            end: offset(claim.span.end),
            source_name: source.name.clone(),
            source_kind: source.kind.name().to_string(),
            source_role: source.role.clone(),
            source_entity: source.entity.clone(),
            source_start: source.span.as_ref().map(|s| offset(s.start)),
            source_end: source.span.as_ref().map(|s| offset(s.end)),
            co_sources: claim.co_sources.iter().map(SourceRow::of).collect(),
            quoted_by: claim.quoted_by.as_deref().map(SourceRow::of),
            cue: claim.cue.clone(),
            channel: claim.channel.clone(),
            hedged: claim.hedged,
            hedges: claim.hedges.clone(),
            time_text: claim.time.as_ref().map(|t| t.text.clone()),
            time_value: claim.time.as_ref().map(|t| t.value.clone()),
            quote_text: None,
            quote_direct: None,
            quote_start: None,
            quote_end: None,
            quantity_low: None,
            quantity_high: None,
            quantity_approximate: None,
            quantity_bound: None,
            quantity_unit: None,
            quantity_dimension: None,
            quantity_vague: None,
            quantity_subject: None,
            quantity_rate: None,
            quantity_event: None,
            quantity_start: None,
            quantity_end: None,
            measure_head: None,
            measure_entities: None,
            measure_modifiers: None,
            measure_actions: None,
            stance_actor: None,
            stance_polarity: None,
            stance_about_start: None,
            stance_about_end: None,
            stance_matter: None,
            payload: None,
        };
        match &claim.body {
            ClaimBody::Quote { quote } => {
                row.quote_text = Some(quote.text.clone());
                row.quote_direct = Some(quote.direct);
                row.quote_start = Some(offset(quote.span.start));
                row.quote_end = Some(offset(quote.span.end));
            }
            ClaimBody::Quantity { quantity: q } => {
                row.quantity_low = q.low;
                row.quantity_high = q.high;
                row.quantity_approximate = Some(q.approximate);
                row.quantity_bound = Some(q.bound.name().to_string());
                row.quantity_unit = q.unit.clone();
                row.quantity_dimension = q.dimension.clone();
                row.quantity_vague = Some(q.vague);
                row.quantity_subject = q.subject.clone();
                row.quantity_rate = q.rate.clone();
                row.quantity_event = q.event.clone();
                row.quantity_start = Some(offset(q.span.start));
                row.quantity_end = Some(offset(q.span.end));
                if let Some(m) = &q.measure {
                    row.measure_head = Some(m.head.clone());
                    row.measure_entities = Some(list(&m.entities));
                    row.measure_modifiers = Some(list(&m.modifiers));
                    row.measure_actions = Some(list(&m.actions));
                }
            }
            ClaimBody::Stance { stance } => {
                row.stance_actor = Some(stance.actor.clone());
                row.stance_polarity = Some(stance.polarity.name().to_string());
                row.stance_about_start = stance.about.as_ref().map(|s| offset(s.start));
                row.stance_about_end = stance.about.as_ref().map(|s| offset(s.end));
                row.stance_matter = Some(list(&stance.matter));
            }
            // A kind added later is kept whole without a change here; one
            // that earns columns of its own gets an arm above.
            #[allow(unreachable_patterns)]
            other => row.payload = serde_json::to_string(other).ok(),
        }
        row
    }

    /// The claim again, its spans without their texts (see
    /// [`restore_claim_texts`]).
    pub fn into_claim(self) -> Result<Claim, RowError> {
        let kind = named(ClaimKind::from_name, &self.kind, "claim kind")?;
        let missing = |column: &str| format!("a {} claim without {column}", kind.name());
        let body = match kind {
            ClaimKind::Quote => ClaimBody::Quote {
                quote: Quote {
                    text: self.quote_text.ok_or_else(|| missing("quote_text"))?,
                    direct: self.quote_direct.ok_or_else(|| missing("quote_direct"))?,
                    span: optional_span(self.quote_start, self.quote_end, "quote span")?
                        .ok_or_else(|| missing("quote_start"))?,
                },
            },
            ClaimKind::Quantity => {
                let measure = match self.measure_head {
                    Some(head) => Some(Measure {
                        head,
                        entities: self
                            .measure_entities
                            .unwrap_or_default()
                            .into_iter()
                            .collect(),
                        modifiers: self
                            .measure_modifiers
                            .unwrap_or_default()
                            .into_iter()
                            .collect(),
                        actions: self
                            .measure_actions
                            .unwrap_or_default()
                            .into_iter()
                            .collect(),
                    }),
                    None => None,
                };
                let bound = self
                    .quantity_bound
                    .ok_or_else(|| missing("quantity_bound"))?;
                ClaimBody::Quantity {
                    quantity: Quantity {
                        low: self.quantity_low,
                        high: self.quantity_high,
                        approximate: self
                            .quantity_approximate
                            .ok_or_else(|| missing("quantity_approximate"))?,
                        bound: named(Bound::from_name, &bound, "bound")?,
                        unit: self.quantity_unit,
                        dimension: self.quantity_dimension,
                        vague: self.quantity_vague.unwrap_or(false),
                        subject: self.quantity_subject,
                        rate: self.quantity_rate,
                        event: self.quantity_event,
                        span: optional_span(self.quantity_start, self.quantity_end, "figure span")?
                            .ok_or_else(|| missing("quantity_start"))?,
                        measure,
                    },
                }
            }
            ClaimKind::Stance => {
                let polarity = self
                    .stance_polarity
                    .ok_or_else(|| missing("stance_polarity"))?;
                ClaimBody::Stance {
                    stance: Stance {
                        actor: self.stance_actor.ok_or_else(|| missing("stance_actor"))?,
                        polarity: named(Polarity::from_name, &polarity, "polarity")?,
                        about: optional_span(
                            self.stance_about_start,
                            self.stance_about_end,
                            "stance subject",
                        )?,
                        matter: self.stance_matter.unwrap_or_default().into_iter().collect(),
                    },
                }
            }
            #[allow(unreachable_patterns)]
            _ => {
                let payload = self.payload.ok_or_else(|| missing("payload"))?;
                serde_json::from_str(&payload)
                    .map_err(|e| format!("a {} claim's payload: {e}", kind.name()))?
            }
        };
        let time = match (self.time_text, self.time_value) {
            (Some(text), Some(value)) => Some(ClaimTime { text, value }),
            (None, None) => None,
            _ => return Err("a claim time with text or value alone".to_string()),
        };
        Ok(Claim {
            id: self.id,
            doc: self.doc,
            body,
            sentence: position(self.sentence, "sentence")?,
            span: bare_span(self.start, self.end, "evidence span")?,
            source: Source {
                name: self.source_name,
                kind: named(SourceKind::from_name, &self.source_kind, "source kind")?,
                role: self.source_role,
                entity: self.source_entity,
                span: optional_span(self.source_start, self.source_end, "source span")?,
            },
            co_sources: self
                .co_sources
                .into_iter()
                .map(SourceRow::into_source)
                .collect::<Result<_, _>>()?,
            quoted_by: self
                .quoted_by
                .map(|s| s.into_source().map(Box::new))
                .transpose()?,
            cue: self.cue,
            channel: self.channel,
            hedged: self.hedged,
            hedges: self.hedges,
            time,
        })
    }
}

/// Gives every span of `claim` its text from `doc_text`, the text of its
/// document.
pub fn restore_claim_texts(claim: &mut Claim, doc_text: &str) -> Result<(), RowError> {
    if claim
        .spans_mut()
        .into_iter()
        .all(|span| span.restore_text(doc_text))
    {
        Ok(())
    } else {
        Err(format!(
            "{}: a span lies outside its document's text",
            claim.id
        ))
    }
}
