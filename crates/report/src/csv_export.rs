//! One CSV row per claim, for spreadsheet users.

use std::io::Write;

use serde::Serialize;

use crosscheck_model::Ledger;

use crate::view::{figure_text, View};
use crate::ReportError;

#[derive(Serialize)]
struct Row<'a> {
    claim: &'a str,
    doc: &'a str,
    outlet: &'a str,
    date: String,
    date_estimated: bool,
    kind: &'static str,
    source_name: &'a str,
    source_kind: &'static str,
    source_role: &'a str,
    source_entity: &'a str,
    cue: &'a str,
    quote: &'a str,
    /// The figure as the other views write it ("up to 12,000 soldiers").
    quantity_text: String,
    quantity_low: Option<f64>,
    quantity_high: Option<f64>,
    quantity_bound: &'static str,
    quantity_approximate: Option<bool>,
    quantity_vague: Option<bool>,
    quantity_unit: &'a str,
    quantity_dimension: &'a str,
    quantity_rate: &'a str,
    quantity_subject: &'a str,
    quantity_event: &'a str,
    stance_actor: &'a str,
    stance_polarity: &'static str,
    hedged: bool,
    hedges: String,
    time: &'a str,
    span_start: usize,
    span_end: usize,
    sentence: &'a str,
}

/// One CSV row per claim, with its document's outlet and date.
pub fn write_claims_csv<W: Write>(ledger: &Ledger, writer: W) -> Result<(), ReportError> {
    let view = View::new(ledger);
    let mut csv = csv::Writer::from_writer(writer);
    for c in &ledger.claims {
        let doc = view.doc(&c.doc);
        let (date, date_estimated) = match doc {
            Some(d) => match d.placed_date() {
                Some((date, estimated)) => (date.to_string(), estimated),
                None => (String::new(), false),
            },
            None => (String::new(), false),
        };
        let q = c.quantity();
        let s = c.stance();
        csv.serialize(Row {
            claim: &c.id,
            doc: &c.doc,
            outlet: doc.and_then(|d| d.outlet.as_deref()).unwrap_or(""),
            date,
            date_estimated,
            kind: c.kind().name(),
            source_name: c.source.name.as_deref().unwrap_or(""),
            source_kind: c.source.kind.name(),
            source_role: c.source.role.as_deref().unwrap_or(""),
            source_entity: c.source.entity.as_deref().unwrap_or(""),
            cue: c.cue.as_deref().unwrap_or(""),
            quote: c.quote().map_or("", |q| q.text.as_str()),
            quantity_text: q.map(figure_text).unwrap_or_default(),
            quantity_low: q.and_then(|q| q.low),
            quantity_high: q.and_then(|q| q.high),
            quantity_bound: q.map_or("", |q| q.bound.name()),
            quantity_approximate: q.map(|q| q.approximate),
            quantity_vague: q.map(|q| q.vague),
            quantity_unit: q.and_then(|q| q.unit.as_deref()).unwrap_or(""),
            quantity_dimension: q.and_then(|q| q.dimension.as_deref()).unwrap_or(""),
            quantity_rate: q.and_then(|q| q.rate.as_deref()).unwrap_or(""),
            quantity_subject: q.and_then(|q| q.subject.as_deref()).unwrap_or(""),
            quantity_event: q.and_then(|q| q.event.as_deref()).unwrap_or(""),
            stance_actor: s.map_or("", |s| s.actor.as_str()),
            stance_polarity: s.map_or("", |s| s.polarity.name()),
            hedged: c.hedged,
            hedges: c.hedges.join("; "),
            time: c.time.as_ref().map_or("", |t| t.value.as_str()),
            span_start: c.span.start,
            span_end: c.span.end,
            sentence: view.sentence(c),
        })?;
    }
    csv.flush()?;
    Ok(())
}
